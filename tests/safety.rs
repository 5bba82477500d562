//! A hostile or broken file can never take down the batch, and no command ever overwrites its
//! inputs (SPEC §4, §8 "Safe", "Bounded"): link loops in input folders, folders without a
//! workbook, outputs that name an input, the output folder's manifest, lock and temporary files.
//! Every test runs the real binary in a fresh temporary folder.

mod common;

use common::{danhgia, exit_code, fixture};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

/// Runs `danhgia <args>` in `dir`, with a timeout so that a hang fails instead of blocking.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let out = danhgia()
        .current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("danhgia runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "danhgia panicked:\n{stderr}");
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", stdout(o), stderr(o)))
}

/// A fresh folder with `in/` holding the unit workbooks `hop-le.xlsx` (unit TN) and, when asked,
/// `don-vi-a.xlsx` (unit TNA).
fn workspace(two_units: bool) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixture("hop-le.xlsx"), input.join("hop-le.xlsx")).unwrap();
    if two_units {
        std::fs::copy(
            fixture("thu-muc/don-vi-a.xlsx"),
            input.join("don-vi-a.xlsx"),
        )
        .unwrap();
    }
    tmp
}

/// Every file under `dir` (relative, `/`-separated), hidden ones included.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() && !p.is_symlink() {
                stack.push(p.clone());
            }
            let rel = p.strip_prefix(dir).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
    out
}

/// The files of a `validate` document with this status; "read" for every status but `bo-qua`.
fn files_with_status<'a>(doc: &'a Value, status: &str) -> Vec<&'a str> {
    doc["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| match status {
            "read" => f["status"] != "bo-qua",
            s => f["status"] == s,
        })
        .map(|f| f["file"].as_str().unwrap())
        .collect()
}

fn codes(doc: &Value) -> Vec<&str> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

// ------------------------------------------------------------------------------ walks

/// Two `..` links in an input folder made `validate` hang with memory growing; one `x -> ..`
/// made every file read 41 times with 80 false `unit-duplicate` errors.
#[cfg(unix)]
#[test]
fn link_loops_in_an_input_folder_are_skipped_and_each_file_read_once() {
    use std::os::unix::fs::symlink;
    let tmp = workspace(true);
    let input = tmp.path().join("in");
    std::fs::create_dir(input.join("a")).unwrap();
    std::fs::rename(input.join("hop-le.xlsx"), input.join("a/hop-le.xlsx")).unwrap();
    symlink("..", input.join("a/loop")).unwrap();
    symlink("..", input.join("a/loop2")).unwrap();
    symlink("..", input.join("x")).unwrap();
    // A file reached through a link too.
    symlink("a/hop-le.xlsx", input.join("lien-ket.xlsx")).unwrap();

    let o = run_in(tmp.path(), &["validate", "in", "--format", "json"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    let doc = json(&o);
    let read = files_with_status(&doc, "read");
    assert_eq!(read, ["in/a/hop-le.xlsx", "in/don-vi-a.xlsx"], "{doc:#}");
    assert!(!codes(&doc).contains(&"unit-duplicate"), "{doc:#}");
    let skipped = files_with_status(&doc, "bo-qua");
    for link in ["in/a/loop", "in/a/loop2", "in/x", "in/lien-ket.xlsx"] {
        assert!(
            skipped.contains(&link),
            "{link} is listed as skipped: {doc:#}"
        );
    }

    // The text report says why, in words.
    let o = run_in(tmp.path(), &["validate", "in"]);
    let text = stdout(&o);
    assert!(
        text.contains("in/a/loop: liên kết trỏ ngược lên thư mục chứa nó"),
        "{text}"
    );
    assert!(
        text.contains("in/lien-ket.xlsx: cùng một tệp với 'in/a/hop-le.xlsx'"),
        "{text}"
    );
    let o = run_in(tmp.path(), &["--lang", "en", "validate", "in"]);
    assert!(
        stdout(&o).contains("in/x: a link back up to a folder that holds it"),
        "{}",
        stdout(&o)
    );
}

/// A file given twice on the command line was read twice, and clashed with itself.
#[test]
fn a_file_given_twice_is_read_once() {
    let tmp = workspace(false);
    let o = run_in(
        tmp.path(),
        &[
            "validate",
            "in/hop-le.xlsx",
            "in/../in/hop-le.xlsx",
            "in",
            "--format",
            "json",
        ],
    );
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(files_with_status(&doc, "ok"), ["in/hop-le.xlsx"], "{doc:#}");
    assert_eq!(files_with_status(&doc, "bo-qua").len(), 2, "{doc:#}");
    assert!(codes(&doc).is_empty(), "{doc:#}");
}

// ------------------------------------------------------------------------------ no workbook

/// An empty folder, or one holding only a `.zip`, gave `run` exit 0 and "Quý ?".
#[test]
fn a_folder_without_a_workbook_is_exit_2_for_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("trong")).unwrap();
    std::fs::create_dir(tmp.path().join("nen")).unwrap();
    std::fs::write(tmp.path().join("nen/so-quy-1.zip"), b"PK\x05\x06").unwrap();
    for dir in ["trong", "nen"] {
        for cmd in ["run", "validate", "evaluate", "rewards"] {
            let mut args = vec![cmd, dir];
            if cmd == "run" {
                args.extend(["-o", "ra"]);
            }
            let o = run_in(tmp.path(), &args);
            assert_eq!(exit_code(&o), 2, "{cmd} {dir}: {}", stderr(&o));
            let err = stderr(&o);
            assert!(err.contains("không tìm thấy sổ nào"), "{cmd} {dir}: {err}");
            if dir == "nen" {
                assert!(
                    err.contains("nen/so-quy-1.zip: không phải sổ tính"),
                    "{cmd}: names the skipped file and why: {err}"
                );
            }
            assert!(!stdout(&o).contains("Quý ?"), "{cmd} {dir}");
            assert!(
                !tmp.path().join("ra").exists(),
                "{cmd} {dir}: no OUTDIR made"
            );
        }
    }
    let o = run_in(tmp.path(), &["--lang", "en", "validate", "nen"]);
    assert_eq!(exit_code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("no workbook found"), "{err}");
    assert!(err.contains("nen/so-quy-1.zip: not a workbook"), "{err}");
}

// ------------------------------------------------------------------------------ no overwrite

/// `rewards DIR -o DIR/unit.xlsx` silently replaced its input.
#[test]
fn rewards_never_writes_over_its_input() {
    let tmp = workspace(false);
    let before = std::fs::read(tmp.path().join("in/hop-le.xlsx")).unwrap();
    let o = run_in(tmp.path(), &["rewards", "in", "-o", "in/hop-le.xlsx"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("đó là tệp đầu vào 'in/hop-le.xlsx'"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(tmp.path().join("in/hop-le.xlsx")).unwrap(),
        before
    );
    let o = run_in(
        tmp.path(),
        &["--lang", "en", "evaluate", "in/hop-le.xlsx", "-o", "in"],
    );
    assert_eq!(
        exit_code(&o),
        0,
        "evaluate -o may write beside its input: {}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(tmp.path().join("in/hop-le.xlsx")).unwrap(),
        before
    );
}

/// `merge A B -o A` silently replaced A.
#[test]
fn merge_never_writes_over_its_input() {
    let tmp = workspace(false);
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    let a = tmp.path().join("a.xlsx");
    std::fs::copy(tmp.path().join("ra/khoi/chinh-quyen-mau-07.xlsx"), &a).unwrap();
    std::fs::copy(&a, tmp.path().join("b.xlsx")).unwrap();
    let before = std::fs::read(&a).unwrap();
    for target in ["a.xlsx", "./a.xlsx", "x/../a.xlsx"] {
        let o = run_in(tmp.path(), &["merge", "a.xlsx", "b.xlsx", "-o", target]);
        assert_eq!(exit_code(&o), 2, "-o {target}: {}", stderr(&o));
        assert!(stderr(&o).contains("'a.xlsx'"), "{}", stderr(&o));
        assert_eq!(std::fs::read(&a).unwrap(), before, "-o {target}");
    }
}

/// `run FILES -o <their folder> --force` replaced an input named `khen-thuong.xlsx`.
#[test]
fn run_refuses_an_outdir_that_holds_its_inputs() {
    let tmp = workspace(false);
    let input = tmp.path().join("in/khen-thuong.xlsx");
    std::fs::rename(tmp.path().join("in/hop-le.xlsx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let o = run_in(
        tmp.path(),
        &["run", "in/khen-thuong.xlsx", "-o", "in", "--force"],
    );
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Tệp đầu vào 'in/khen-thuong.xlsx' nằm trong thư mục kết quả 'in'"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(tree(&tmp.path().join("in")), ["khen-thuong.xlsx"]);
}

/// `-o work/x/../in/out` bypassed the "OUTDIR inside the input" check: `..` after a missing
/// folder was not resolved.
#[test]
fn run_sees_through_dot_dot_after_a_missing_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir_all(work.join("in")).unwrap();
    std::fs::copy(fixture("hop-le.xlsx"), work.join("in/hop-le.xlsx")).unwrap();
    let o = run_in(tmp.path(), &["run", "work/in", "-o", "work/x/../in/out"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("nằm trong thư mục đầu vào"),
        "{}",
        stderr(&o)
    );
    assert_eq!(tree(&work), ["in", "in/hop-le.xlsx"]);
}

/// A hard link is the file it names: writing "to" it would replace an input's name.
#[cfg(unix)]
#[test]
fn a_hard_link_of_an_input_is_that_input() {
    let tmp = workspace(false);
    let input = tmp.path().join("in/hop-le.xlsx");
    let before = std::fs::read(&input).unwrap();
    std::fs::hard_link(&input, tmp.path().join("ban-sao.xlsx")).unwrap();
    let o = run_in(tmp.path(), &["rewards", "in", "-o", "ban-sao.xlsx"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("không ghi 'ban-sao.xlsx': đó là tệp đầu vào 'in/hop-le.xlsx'"),
        "{}",
        stderr(&o)
    );
    // Among the outputs of `run` too.
    std::fs::create_dir(tmp.path().join("ra")).unwrap();
    std::fs::hard_link(&input, tmp.path().join("ra/khen-thuong.xlsx")).unwrap();
    let o = run_in(
        tmp.path(),
        &["--lang", "en", "run", "in", "-o", "ra", "--force"],
    );
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("'ra/khen-thuong.xlsx' not written: it is the input file 'in/hop-le.xlsx'"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert!(!tmp.path().join("ra/ket-qua.json").exists());
    assert!(!tmp.path().join("ra/.danhgia.lock").exists());
}

// ------------------------------------------------------------------------------ OUTDIR

/// `--force` kept the earlier run's mẫu 06 of a unit no longer in the batch.
#[test]
fn force_removes_the_earlier_runs_stale_files_and_keeps_the_users() {
    let tmp = workspace(true);
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    let ra = tmp.path().join("ra");
    assert!(ra.join("don-vi/tna-mau-06.xlsx").is_file());
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(ra.join(".danhgia-manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["schema"], "danhgia/manifest/v1");
    assert!(manifest["files"]
        .as_array()
        .unwrap()
        .contains(&Value::from("don-vi/tna-mau-06.xlsx")));

    std::fs::write(ra.join("ghi-chu.txt"), "của tôi").unwrap();
    std::fs::remove_file(tmp.path().join("in/don-vi-a.xlsx")).unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra"]);
    assert_eq!(exit_code(&o), 2, "non-empty without --force");
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra", "--force"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    assert!(
        !ra.join("don-vi/tna-mau-06.xlsx").exists(),
        "{:?}",
        tree(&ra)
    );
    assert!(ra.join("don-vi/tn-mau-06.xlsx").is_file());
    assert_eq!(
        std::fs::read_to_string(ra.join("ghi-chu.txt")).unwrap(),
        "của tôi"
    );
    assert!(
        stdout(&o).contains("don-vi/tna-mau-06.xlsx"),
        "{}",
        stdout(&o)
    );
    let manifest = std::fs::read_to_string(ra.join(".danhgia-manifest.json")).unwrap();
    assert!(!manifest.contains("tna"), "{manifest}");
    assert!(!ra.join(".danhgia.lock").exists());
}

/// A folder that only the earlier run's stale files filled goes with them.
#[test]
fn force_removes_folders_its_stale_files_leave_empty() {
    let tmp = workspace(false);
    let ra = tmp.path().join("ra");
    assert_eq!(
        exit_code(&run_in(tmp.path(), &["run", "in", "-o", "ra"])),
        0
    );
    std::fs::create_dir(ra.join("cu")).unwrap();
    std::fs::write(ra.join("cu/x-mau-06.xlsx"), "x").unwrap();
    let path = ra.join(".danhgia-manifest.json");
    let mut doc: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    doc["files"]
        .as_array_mut()
        .unwrap()
        .push("cu/x-mau-06.xlsx".into());
    std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra", "--force"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    assert!(!ra.join("cu").exists(), "{:?}", tree(&ra));
}

/// A manifest is a file anyone can edit: it must never make `run` delete outside OUTDIR.
#[test]
fn a_hostile_manifest_never_removes_a_file_outside_outdir() {
    let tmp = workspace(false);
    let ra = tmp.path().join("ra");
    assert_eq!(
        exit_code(&run_in(tmp.path(), &["run", "in", "-o", "ra"])),
        0
    );
    let outside = tmp.path().join("outside.txt");
    let outside_xlsx = tmp.path().join("outside.xlsx");
    std::fs::write(&outside, "keep").unwrap();
    std::fs::write(&outside_xlsx, "keep").unwrap();
    let hostile = vec![
        "../outside.txt".to_string(),
        "../outside.xlsx".to_string(),
        "don-vi/../../outside.xlsx".to_string(),
        outside.display().to_string(),
        outside_xlsx.display().to_string(),
        "lien-ket/outside.xlsx".to_string(),
    ];
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", ra.join("lien-ket")).unwrap();
    let doc = serde_json::json!({"schema": "danhgia/manifest/v1", "files": hostile});
    std::fs::write(ra.join(".danhgia-manifest.json"), doc.to_string()).unwrap();
    // The outputs in `ra` are no longer listed, so they are not known to be a run's: `--force`
    // refuses to replace them (SPEC §4), and nothing outside is touched.
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra", "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
    assert_eq!(std::fs::read_to_string(&outside_xlsx).unwrap(), "keep");
    assert!(stderr(&o).contains("không xóa"), "{}", stderr(&o));
    // The first five outputs are named (the reward document among them), the others counted:
    // ket-qua.json and loi.csv.
    assert!(stderr(&o).contains("khen-thuong.json"), "{}", stderr(&o));
    assert!(stderr(&o).contains("và 2 tệp khác"), "{}", stderr(&o));
    // A manifest that is not one at all removes nothing either.
    std::fs::write(ra.join(".danhgia-manifest.json"), "../outside.txt").unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra", "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(outside.is_file() && outside_xlsx.is_file());
}

fn lock_for(pid: u32) -> String {
    format!(r#"{{"schema":"danhgia/lock/v1","pid":{pid},"started":"2024-04-01 08:00:00"}}"#)
}

/// Two runs into one OUTDIR at once wrote over each other's files.
#[test]
fn a_second_run_into_the_same_outdir_is_refused() {
    let tmp = workspace(false);
    let ra = tmp.path().join("ra");
    std::fs::create_dir(&ra).unwrap();
    // The lock as a running process holds it: this test's own process.
    let lock = ra.join(".danhgia.lock");
    std::fs::write(&lock, lock_for(std::process::id())).unwrap();
    // What the other run has written so far: the refusal still names the run, not the files.
    std::fs::write(ra.join("loi.csv"), "").unwrap();
    for force in [false, true] {
        let mut args = vec!["run", "in", "-o", "ra"];
        if force {
            args.push("--force");
        }
        let o = run_in(tmp.path(), &args);
        assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
        let expected = format!("Một lần chạy khác (tiến trình {}", std::process::id());
        assert!(
            stderr(&o).contains(&expected),
            "--force {force}: {}",
            stderr(&o)
        );
        assert!(lock.is_file(), "another run's lock stays");
        assert!(!ra.join("ket-qua.json").exists());
    }
}

/// The lock of a run that was killed must not block OUTDIR for ever.
#[cfg(target_os = "linux")]
#[test]
fn a_stale_lock_is_taken_over() {
    let tmp = workspace(false);
    let ra = tmp.path().join("ra");
    std::fs::create_dir(&ra).unwrap();
    // Above the kernel's largest pid: never running.
    std::fs::write(ra.join(".danhgia.lock"), lock_for(4_194_304 + 11)).unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("gỡ khóa cũ"), "{}", stderr(&o));
    assert!(ra.join("ket-qua.json").is_file());
    assert!(!ra.join(".danhgia.lock").exists());
}

fn temp_files(dir: &Path) -> Vec<String> {
    tree(dir)
        .into_iter()
        .filter(|p| p.ends_with(".tmp") || p.ends_with(".danhgia.lock"))
        .collect()
}

/// A failed write left `.name.<pid>.tmp` files (and the lock) behind.
#[test]
fn a_failed_write_leaves_no_temporary_file_nor_lock() {
    let tmp = workspace(false);
    // A folder where ket-qua.json goes: its write fails after the temporary file is made.
    let ra = tmp.path().join("ra");
    std::fs::create_dir_all(ra.join("ket-qua.json")).unwrap();
    std::fs::write(ra.join("ket-qua.json/x"), "x").unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra", "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("ket-qua.json"), "{}", stderr(&o));
    assert_eq!(temp_files(&ra), Vec::<String>::new());
    // A file where the don-vi folder goes.
    let rb = tmp.path().join("rb");
    std::fs::create_dir(&rb).unwrap();
    std::fs::write(rb.join("don-vi"), "x").unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "rb", "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert_eq!(temp_files(&rb), Vec::<String>::new());
}

/// A run killed mid-write leaves `.name.<pid>.tmp` files; `--force` clears them, and only them.
#[test]
fn force_removes_temporary_files_of_a_killed_run() {
    let tmp = workspace(false);
    let ra = tmp.path().join("ra");
    assert_eq!(
        exit_code(&run_in(tmp.path(), &["run", "in", "-o", "ra"])),
        0
    );
    let dead = 4_194_304 + 13;
    let leftovers: Vec<PathBuf> = [
        format!(".ket-qua.json.{dead}.tmp"),
        format!("don-vi/.tn-mau-06.xlsx.{dead}.tmp"),
    ]
    .iter()
    .map(|n| ra.join(n))
    .collect();
    for p in &leftovers {
        std::fs::write(p, "half").unwrap();
    }
    std::fs::write(ra.join("ghi-chu.tmp"), "mine").unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "ra", "--force"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    for p in &leftovers {
        assert!(!p.exists(), "{} removed", p.display());
    }
    assert!(ra.join("ghi-chu.tmp").is_file(), "not the tool's: kept");
}

/// Ctrl-C in the middle of a run leaves neither the lock nor a temporary file.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_lock_nor_temporary_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for i in 0..8 {
        for e in std::fs::read_dir(common::demo_dir()).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "xlsx") {
                let name = format!("{i}-{}", p.file_name().unwrap().to_string_lossy());
                std::fs::copy(&p, input.join(name)).unwrap();
            }
        }
    }
    let ra = tmp.path().join("ra");
    let bin = assert_cmd::cargo::cargo_bin("danhgia");
    let mut child = std::process::Command::new(bin)
        .current_dir(tmp.path())
        .args(["run", "in", "-o", "ra"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let lock = ra.join(".danhgia.lock");
    for _ in 0..500 {
        if lock.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    // Interrupted (130), or done already (1: the demo's errors).
    assert!(matches!(status.code(), Some(130) | Some(1)), "{status:?}");
    assert_eq!(temp_files(&ra), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn run_force_never_writes_through_a_linked_subfolder_of_outdir() {
    // `out/don-vi` (or `out/tra-lai`) links back to the input folder: writing mẫu 06 (or the
    // workbooks sent back) there would land among inputs.
    for sub in ["don-vi", "tra-lai"] {
        let ws = workspace(false);
        let dir = ws.path();
        std::fs::create_dir(dir.join("out")).unwrap();
        std::os::unix::fs::symlink("../in", dir.join("out").join(sub)).unwrap();
        let before = tree(&dir.join("in"));
        let o = run_in(dir, &["run", "in", "-o", "out", "--force"]);
        assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
        assert!(stderr(&o).contains(sub), "{}", stderr(&o));
        assert_eq!(tree(&dir.join("in")), before);
    }
}

/// `--force` replaces only what an earlier run listed (SPEC §4): the user's own files that happen
/// to carry an output's name are never overwritten.
#[test]
fn run_force_never_replaces_a_users_file_that_no_run_listed() {
    let tmp = workspace(false);
    let mine = tmp.path().join("mine");
    std::fs::create_dir_all(mine.join("don-vi")).unwrap();
    std::fs::write(mine.join("loi.csv"), "của tôi").unwrap();
    std::fs::write(mine.join("ghi-chu.txt"), "ghi chú").unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "mine", "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("loi.csv"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(mine.join("loi.csv")).unwrap(),
        "của tôi"
    );
    // Moved away, the run goes ahead and keeps the unrelated file.
    std::fs::remove_file(mine.join("loi.csv")).unwrap();
    let o = run_in(tmp.path(), &["run", "in", "-o", "mine", "--force"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    assert!(mine.join("loi.csv").is_file() && mine.join("ghi-chu.txt").is_file());
}

/// SPEC §4: no workbook found names what was skipped and why — a hidden folder included.
#[test]
fn a_workbook_only_inside_a_hidden_folder_is_named_as_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let hidden = tmp.path().join("in").join(".dong-bo");
    std::fs::create_dir_all(&hidden).unwrap();
    std::fs::copy(fixture("hop-le.xlsx"), hidden.join("hop-le.xlsx")).unwrap();
    let o = run_in(tmp.path(), &["validate", "in"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains(".dong-bo"), "{}", stderr(&o));
    assert!(stderr(&o).contains("thư mục ẩn"), "{}", stderr(&o));
}
