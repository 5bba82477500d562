//! Every command shown in README.md and docs/*.md runs as written and exits as the text says.
//! The commands are taken from the fenced code blocks (lines starting `danhgia ` or
//! `cargo run`, with `\` continuations), in the order of the documents, in one folder prepared
//! with the files they name (the demo quarter under the names the docs use, the blocs' mẫu 07,
//! a profile). `cargo run --release -- ARGS` runs the same program as `danhgia ARGS`, and
//! `cargo run --example NAME -- ARGS` the example already built by `cargo test`. A list of units
//! made by `template danh-sach-don-vi` is then filled in, as the docs tell the clerk to (the demo's
//! units and one that sends nothing); a document that uses such a list without making it finds
//! it filled. A command added to the docs fails this test until its expected exit code is added
//! to `EXPECTED`.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The documents whose commands are run, in this order.
fn documents() -> Vec<PathBuf> {
    let root = manifest_dir();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    let mut all = vec![root.join("README.md")];
    all.extend(docs);
    all
}

/// Commands that are shown but not run here, and why.
const NOT_RUN: &[(&str, &str)] = &[
    ("cargo test", "the test suite itself"),
    (
        "cargo run --example make-",
        "regenerates committed files (checked by their own tests)",
    ),
];

/// The commands of the fenced code blocks of a document.
fn commands(doc: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(doc).unwrap();
    let mut out = Vec::new();
    let mut in_block = false;
    let mut pending: Option<String> = None;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_block = !in_block;
            pending = None;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(mut p) = pending.take() {
            p.push(' ');
            p.push_str(t.trim_end_matches('\\').trim());
            if t.ends_with('\\') {
                pending = Some(p);
            } else {
                out.push(p);
            }
            continue;
        }
        if t.starts_with("danhgia ") || t.starts_with("cargo run") || t == "cargo test" {
            if t.ends_with('\\') {
                pending = Some(t.trim_end_matches('\\').trim().to_string());
            } else {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// The command without its trailing comment (`# …`), as the shell runs it.
fn without_comment(c: &str) -> String {
    let mut quoted = false;
    for (i, ch) in c.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            '#' if !quoted && c[..i].ends_with(' ') => return c[..i].trim_end().to_string(),
            _ => {}
        }
    }
    c.trim_end().to_string()
}

/// Expected exit codes, by command as written (without its comment). The demo quarter holds
/// errors on purpose (README: exit 1); a command over clean files exits 0.
const EXPECTED: &[(&str, i32)] = &[
    // README.md
    ("cargo run --release -- run examples/2024-Q1 -o ket-qua --force", 1),
    ("danhgia template don-vi -q 2024-Q1 --don-vi \"Phòng Nội vụ\" --khoi \"Chính quyền\" --so-nguoi 12 -o so-danh-gia.xlsx", 0),
    ("danhgia template phieu-04 -q 2024-Q1 -o phieu-04.xlsx", 0),
    ("danhgia validate so-danh-gia.xlsx", 1),
    ("danhgia validate thu-muc-quy-1/ --format json", 1),
    ("danhgia validate thu-muc-quy-1/ --format csv > loi.csv", 1),
    ("danhgia validate thu-muc-quy-1/ --strict", 1),
    ("danhgia run thu-muc-quy-1/ -o ket-qua-quy-1/", 1),
    ("danhgia run thu-muc-quy-1/ -o ket-qua-quy-1/ --force --ngay 02/04/2024 --so 15", 1),
    ("danhgia nam ket-qua-quy-1/ -o nam-2024.xlsx", 0),
    ("danhgia merge khoi/*.xlsx -o toan-quan.xlsx", 0),
    ("danhgia evaluate thu-muc-quy-1/ -q 2024-Q1", 1),
    ("danhgia evaluate thu-muc-quy-1/ --format json > ket-qua.json", 1),
    ("danhgia evaluate thu-muc-quy-1/ --format csv -o ket-qua/", 1),
    ("danhgia evaluate thu-muc-quy-1/ --format csv > ket-qua.csv 2> loi.csv", 1),
    ("danhgia rewards thu-muc-quy-1/ -o khen-thuong.xlsx", 1),
    ("danhgia rewards thu-muc-quy-1/ -o khen-thuong.xlsx --ngay-quyet-dinh 15/07/2024", 1),
    ("danhgia calendar -q 2024-Q1", 0),
    ("danhgia bat-thuong thu-muc-quy-1/ -o bat-thuong.xlsx", 0),
    ("danhgia template de-nghi-khen-thuong --profile loc-binh-2024 -o de-nghi.xlsx", 0),
    ("danhgia rewards --profile loc-binh-2024 de-nghi.xlsx", 0),
    ("danhgia profile show > ho-so.toml", 0),
    ("danhgia evaluate thu-muc-quy-1/ --profile ho-so.toml", 1),
    ("danhgia --lang en validate thu-muc-quy-1/", 1),
    ("danhgia validate thu-muc-quy-1/ --tra-lai tra-lai/", 1),
    ("danhgia template danh-sach-don-vi -o danh-sach-don-vi.xlsx", 0),
    ("danhgia run thu-muc-quy-1/ -o ket-qua-quy-1/ --force --don-vi danh-sach-don-vi.xlsx", 1),
    ("danhgia validate thu-muc-quy-1/ --don-vi danh-sach-don-vi.xlsx", 1),
    ("danhgia template danh-sach-don-vi -o units.xlsx", 0),
    ("danhgia run quarter-1/ -o results-1/ --don-vi units.xlsx", 1),
    ("danhgia validate quarter-1/ --don-vi units.xlsx", 1),
    ("cargo test", 0),
    // docs/bat-thuong.md: signs never change the exit code (0 once it ran)
    ("danhgia bat-thuong fixtures/bat-thuong/quy-2/ fixtures/bat-thuong/quy-1/", 0),
    ("danhgia bat-thuong fixtures/bat-thuong/quy-2/ fixtures/bat-thuong/ket-qua-quy-1.json", 0),
    ("danhgia bat-thuong fixtures/bat-thuong/quy-2/ fixtures/bat-thuong/quy-1/ --format json > bat-thuong.json", 0),
    ("danhgia bat-thuong fixtures/bat-thuong/quy-2/ fixtures/bat-thuong/quy-1/ -o bat-thuong.xlsx --so 9", 0),
    ("danhgia bat-thuong ket-qua-quy-1/", 0),
    ("danhgia bat-thuong thu-muc-quy-1/ --profile ho-so.toml", 0),
    // docs/ket-qua.md
    ("danhgia run so-quy-1/ -o ket-qua-quy-1/", 1),
    ("danhgia run so-quy-1/ -o ket-qua-quy-1/ --force", 1),
    ("danhgia run so-quy-1/ -o ket-qua-quy-1/ --force --format json", 1),
    ("danhgia run so-quy-1/ -o ket-qua-quy-1/ --force --don-vi danh-sach-don-vi.xlsx", 1),
    ("danhgia validate thu-muc-quy-1/ --tra-lai tra-lai-quy-1/", 1),
    ("danhgia merge dang-doan-the-mau-07.xlsx chinh-quyen-mau-07.xlsx truong-hoc-mau-07.xlsx -o toan-quan.xlsx", 0),
    // docs/khen-thuong.md
    ("danhgia rewards thu-muc-quy/", 1),
    ("danhgia rewards thu-muc-quy/ -o khen-thuong.xlsx", 1),
    ("danhgia rewards thu-muc-quy/ --format json", 1),
    ("danhgia --lang en rewards thu-muc-quy/", 1),
    ("danhgia calendar -q 2026-Q1 --format json", 0),
    ("danhgia calendar -q 2026-Q1 --profile ho-so.toml", 0),
    // docs/ma-loi.md
    ("danhgia validate fixtures/diem-buoc.xlsx", 1),
    ("danhgia --lang en validate fixtures/diem-buoc.xlsx", 1),
    // docs/mau-so.md
    ("danhgia template don-vi -q 2024-Q2 --don-vi \"Phòng Tài chính - Kế hoạch\" --ma-don-vi TCKH --khoi \"Chính quyền\" --so-nguoi 12 -o TCKH-quy-2-2024.xlsx", 0),
    ("danhgia template phieu-04 -q 2024-Q2 --don-vi \"Phòng Tài chính - Kế hoạch\" -o phieu-mau-04.xlsx", 0),
    ("danhgia template don-vi -q 2024-Q2 --so-nguoi 12 --don-vi \"Phòng Tài chính - Kế hoạch\" --ma-don-vi TCKH --khoi \"Chính quyền\" -o TCKH-mau.xlsx", 0),
    ("cargo run --example fill-template -- TCKH-mau.xlsx TCKH.xlsx", 0),
    ("danhgia validate TCKH.xlsx", 0),
    ("danhgia template phieu-04 -q 2024-Q2 --don-vi \"Phòng Tài chính - Kế hoạch\" -o phieu-04.xlsx", 0),
    // docs/nam.md
    ("danhgia run fixtures/nam/2024-Q1 -o quy-1/", 0),
    ("danhgia run fixtures/nam/2024-Q2 -o quy-2/", 0),
    ("danhgia run fixtures/nam/2024-Q3 -o quy-3/", 0),
    ("danhgia run fixtures/nam/2024-Q4 -o quy-4/", 0),
    ("danhgia nam quy-1/ quy-2/ quy-3/ quy-4/ -o nam-2024.xlsx", 0),
    ("danhgia nam quy-1/ quy-2/ quy-3/ quy-4/ -o nam-2024.xlsx --format json > nam-2024.json", 0),
    ("danhgia nam quy-1/ quy-2/ quy-4/ket-qua.json -o nam-thieu.xlsx", 0),
    ("danhgia --lang en nam quy-1/ quy-2/ quy-3/ quy-4/ -o nam-2024.xlsx", 0),
    ("danhgia run thu-muc-quy-1/ -o ket-qua-quy-1/ --don-vi danh-sach-don-vi.xlsx", 1),
];

/// The lists of units the docs name.
const UNIT_LISTS: [&str; 2] = ["danh-sach-don-vi.xlsx", "units.xlsx"];

/// A filled list of units, as a clerk makes it from the template: the demo quarter's units and
/// one that sends nothing.
fn filled_units_list(path: &Path) {
    let o = run_raw(&[
        "evaluate",
        &demo_dir().to_string_lossy(),
        "--format",
        "json",
    ]);
    let doc = parse_json(&o);
    let bloc_name = |code: &str| match code {
        "dang-doan-the" => "Đảng - Đoàn thể",
        "chinh-quyen" => "Chính quyền",
        _ => "Trường học",
    };
    let mut rows: Vec<(String, String, String)> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let code = u["code"].as_str().unwrap().to_string();
            let name = u["unit"].as_str().unwrap().to_string();
            (
                code,
                name,
                bloc_name(u["bloc"].as_str().unwrap()).to_string(),
            )
        })
        .collect();
    rows.push(("YT".into(), "Phòng Y tế".into(), "Chính quyền".into()));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["STT", "Mã đơn vị", "Đơn vị", "Khối"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (code, name, bloc)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_string(r, 1, code).unwrap();
        ws.write_string(r, 2, name).unwrap();
        ws.write_string(r, 3, bloc).unwrap();
    }
    wb.save(path).unwrap();
}

/// The list a `template danh-sach-don-vi` command writes, if it is one.
fn units_list_made_by(c: &str) -> Option<&str> {
    if !c.starts_with("danhgia template danh-sach-don-vi") {
        return None;
    }
    let after = c.split(" -o ").nth(1)?;
    after.split_whitespace().next()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// The folder the commands run in, with the files the docs name.
fn workspace(dir: &Path) {
    let root = manifest_dir();
    copy_dir(&root.join("examples"), &dir.join("examples"));
    for name in ["thu-muc-quy-1", "so-quy-1", "thu-muc-quy", "quarter-1"] {
        copy_dir(&demo_dir(), &dir.join(name));
    }
    copy_dir(&root.join("fixtures"), &dir.join("fixtures"));
    // The blocs' mẫu 07 and a profile, as an office would have them.
    let out = dir.join(".kq");
    let o = run_raw(&[
        "run",
        &demo_dir().to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(exit_code(&o), 1);
    copy_dir(&out.join("khoi"), &dir.join("khoi"));
    for f in std::fs::read_dir(out.join("khoi")).unwrap() {
        let p = f.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::remove_dir_all(&out).unwrap();
    let o = run_raw(&["profile", "show"]);
    std::fs::write(dir.join("ho-so.toml"), &o.stdout).unwrap();
}

/// A folder holding `danhgia` (the built binary) to put first on PATH.
fn bin_dir(dir: &Path) -> PathBuf {
    let bin = dir.join(".bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(assert_cmd::cargo::cargo_bin("danhgia"), bin.join("danhgia"))
        .unwrap();
    bin
}

/// The shell line that runs a command as written.
fn shell_line(c: &str) -> String {
    let c = without_comment(c);
    if let Some(args) = c.strip_prefix("cargo run --release -- ") {
        return format!("danhgia {args}");
    }
    if let Some(rest) = c.strip_prefix("cargo run --example ") {
        let (name, args) = rest.split_once(" -- ").unwrap_or((rest, ""));
        // The examples are built beside the binary under test (whatever the target folder).
        let profile_dir = assert_cmd::cargo::cargo_bin("danhgia")
            .parent()
            .expect("the binary's folder")
            .to_path_buf();
        let exe = profile_dir.join("examples").join(name.trim());
        return format!("'{}' {args}", exe.display());
    }
    c
}

#[test]
fn every_command_in_the_docs_runs_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = bin_dir(tmp.path());
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut seen = Vec::new();
    let mut problems = Vec::new();
    for (i, doc) in documents().into_iter().enumerate() {
        let commands = commands(&doc);
        if commands.is_empty() {
            continue;
        }
        let dir = &tmp.path().join(format!("doc-{i}"));
        workspace(dir);
        let made: Vec<String> = commands
            .iter()
            .filter_map(|c| units_list_made_by(&without_comment(c)).map(str::to_string))
            .collect();
        for list in UNIT_LISTS.iter().filter(|l| !made.iter().any(|m| m == *l)) {
            filled_units_list(&dir.join(list));
        }
        for c in commands {
            let written = without_comment(&c);
            seen.push(written.clone());
            let Some(&(_, expected)) = EXPECTED.iter().find(|(e, _)| *e == written) else {
                problems.push(format!(
                    "{}: no expected exit code for `{written}`",
                    doc.display()
                ));
                continue;
            };
            if NOT_RUN.iter().any(|(p, _)| written.starts_with(p)) {
                continue;
            }
            let o = Command::new("sh")
                .arg("-c")
                .arg(shell_line(&c))
                .current_dir(dir)
                .env("PATH", &path)
                .output()
                .unwrap();
            let got = o.status.code().unwrap_or(-1);
            if let Some(list) = units_list_made_by(&written) {
                // The clerk fills in the list the template made.
                filled_units_list(&dir.join(list));
            }
            if got != expected {
                problems.push(format!(
                    "{}: `{written}` exited {got}, the docs say {expected}:\n{}",
                    doc.display(),
                    String::from_utf8_lossy(&o.stderr)
                ));
            }
        }
    }
    for (e, _) in EXPECTED {
        if !seen.iter().any(|s| s == e) {
            problems.push(format!("`{e}` is expected but no document shows it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(seen.len() >= 35, "{seen:#?}");
}

#[test]
fn commands_are_read_from_code_blocks_with_continuations() {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("x.md");
    std::fs::write(
        &md,
        "Text `danhgia inline` is not run.\n```sh\ndanhgia run a/ -o b/   # bình luận\n\
         danhgia template don-vi -q 2024-Q1 \\\n    --so-nguoi 3 -o x.xlsx\n\
         danhgia: một thông báo, không phải lệnh\n```\n",
    )
    .unwrap();
    let got: Vec<String> = commands(&md).iter().map(|c| without_comment(c)).collect();
    assert_eq!(
        got,
        [
            "danhgia run a/ -o b/",
            "danhgia template don-vi -q 2024-Q1 --so-nguoi 3 -o x.xlsx"
        ]
    );
    assert_eq!(
        without_comment("danhgia x --don-vi \"A # B\" # c"),
        "danhgia x --don-vi \"A # B\""
    );
}
