//! File-driven tests of every command's interface (text, JSON and CSV) on the demo quarter: each
//! case in `tests/cli/` is a command line, its exit code and the stdout and stderr it must print
//! (`NAME.toml`, `NAME.stdout`, `NAME.stderr`), so that any change of an interface shows up in
//! review. Cases that write files run in a copy of the folder they name (`fs.sandbox`).
//! Regenerate the expected outputs after an intended change with
//! `TRYCMD=overwrite cargo test --test cli`, then read the diff.

mod common;

use common::*;
use std::io::{BufRead, Read};
use std::process::{Command, Stdio};

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cli/*.toml")
        .register_bin("danhgia", trycmd::cargo::cargo_bin("danhgia"));
}

/// The danhgia binary as a plain process (for pipes).
fn danhgia_process() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("danhgia"));
    c.current_dir(manifest_dir());
    c
}

/// `danhgia ARGS | head -1`: the reader takes one line and closes the pipe. The command must end
/// quietly (nothing on stderr but what the data puts there) with the exit code the data deserves.
fn head_1(args: &[&str]) -> (String, i32, String) {
    let mut child = danhgia_process()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("danhgia runs");
    let mut line = String::new();
    {
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut line).unwrap();
        // Dropping the reader closes the pipe.
    }
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    (line, status.code().unwrap_or(-1), err)
}

/// A city of many units, so that the output is far larger than a pipe's buffer.
fn big_city(dir: &std::path::Path) -> std::path::PathBuf {
    let demo = demo_dir();
    let city = dir.join("city");
    std::fs::create_dir_all(&city).unwrap();
    for i in 0..30 {
        for e in std::fs::read_dir(&demo).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "xlsx") {
                let name = format!("{i:02}-{}", p.file_name().unwrap().to_string_lossy());
                std::fs::copy(&p, city.join(name)).unwrap();
            }
        }
    }
    city
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_exit_code_of_the_data() {
    let tmp = tempfile::tempdir().unwrap();
    let city = big_city(tmp.path());
    let city = city.to_string_lossy();
    let clean = demo_dir().join("TCKH-phong-tai-chinh-ke-hoach.xlsx");
    let clean = clean.to_string_lossy();
    for (args, code) in [
        (vec!["validate", &city], 1),
        (vec!["validate", &city, "--format", "json"], 1),
        (vec!["validate", &city, "--format", "csv"], 1),
        (vec!["evaluate", &city], 1),
        (vec!["evaluate", &city, "--format", "json"], 1),
        (vec!["evaluate", &clean, "--format", "csv"], 0),
        (vec!["rewards", &city, "--format", "json"], 1),
        (vec!["profile", "show"], 0),
    ] {
        let (line, got, err) = head_1(&args);
        assert!(!line.is_empty(), "{args:?}: a first line");
        assert_eq!(got, code, "{args:?}: {err}");
        assert!(
            !err.contains("Broken pipe") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
    // CSV of people on stdout, findings on stderr: the pipe closing on stdout ends it quietly,
    // the findings still go to stderr in full.
    let (line, got, err) = head_1(&["evaluate", &city, "--format", "csv"]);
    assert!(line.starts_with("quarter,bloc,unit_code"), "{line}");
    assert_eq!(got, 1);
    assert!(err.starts_with("severity,code,file"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn every_csv_file_starts_with_a_bom_and_csv_on_stdout_has_none() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = demo_dir();
    let demo = demo.to_string_lossy();
    let ev = tmp.path().join("ev");
    let o = run_raw(&[
        "evaluate",
        &demo,
        "--format",
        "csv",
        "-o",
        &ev.to_string_lossy(),
    ]);
    assert_eq!(exit_code(&o), 1);
    let run = tmp.path().join("run");
    let o = run_raw(&["run", &demo, "-o", &run.to_string_lossy()]);
    assert_eq!(exit_code(&o), 1);
    for f in [
        ev.join("ket-qua.csv"),
        ev.join("loi.csv"),
        run.join("loi.csv"),
    ] {
        let bytes = std::fs::read(&f).unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "{}", f.display());
        assert!(!bytes[3..].starts_with(&[0xEF, 0xBB, 0xBF]), "one BOM only");
    }
    for args in [
        vec!["evaluate", &demo, "--format", "csv"],
        vec!["validate", &demo, "--format", "csv"],
    ] {
        let o = run_raw(&args);
        assert!(
            o.stdout.starts_with(b"quarter,") || o.stdout.starts_with(b"severity,"),
            "{args:?}"
        );
        assert!(!o.stderr.starts_with(&[0xEF, 0xBB, 0xBF]), "{args:?}");
    }
}

#[test]
fn calendar_without_a_quarter_shows_todays() {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let q = (today.month() - 1) / 3 + 1;
    let o = run_raw(&["calendar", "--format", "json"]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let doc = parse_json(&o);
    assert_eq!(doc["quarter"], format!("{}-Q{q}", today.year()));
    assert_eq!(doc["schema"], "danhgia/lich/v1");
}

#[test]
fn every_json_document_names_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = demo_dir();
    let demo = demo.to_string_lossy().into_owned();
    let out = tmp.path().join("kq").to_string_lossy().into_owned();
    for (args, schema) in [
        (
            vec!["validate", &demo, "--format", "json"],
            "danhgia/kiem-tra/v1",
        ),
        (
            vec!["evaluate", &demo, "--format", "json"],
            "danhgia/ket-qua/v1",
        ),
        (
            vec!["rewards", &demo, "--format", "json"],
            "danhgia/khen-thuong/v1",
        ),
        (
            vec!["calendar", "-q", "2024-Q1", "--format", "json"],
            "danhgia/lich/v1",
        ),
        (
            vec!["run", &demo, "-o", &out, "--format", "json"],
            "danhgia/tom-tat/v1",
        ),
    ] {
        let o = run_raw(&args);
        assert_eq!(parse_json(&o)["schema"], schema, "{args:?}");
    }
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("kq/ket-qua.json")).unwrap())
            .unwrap();
    assert_eq!(doc["schema"], "danhgia/ket-qua/v1");
}
