//! Robustness: every file of the shared spreadsheet corpus (real-world and
//! broken workbooks of other projects) is reported on, and nothing crashes.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use common::*;
use serde_json::Value;

/// The corpus folder, beside the crate (`../shared/corpus`), or `None` with a
/// printed note when it is not there.
fn corpus_dir() -> Option<PathBuf> {
    let dir = manifest_dir().join("../shared/corpus");
    if dir.join("MANIFEST.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!("note: ../shared/corpus/MANIFEST.tsv not found; corpus test skipped");
        None
    }
}

/// The `path` column of MANIFEST.tsv (relative to the corpus folder).
fn manifest_paths(dir: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("read MANIFEST.tsv");
    let mut lines = text.lines();
    let header = lines.next().expect("manifest header");
    assert!(header.starts_with("path\t"), "manifest header: {header}");
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').next().expect("path column").to_string())
        .collect()
}

/// Runs `danhgia validate --format json <paths>` in the corpus folder, so the
/// reported `file`s are the manifest paths as given.
fn validate_in(dir: &std::path::Path, paths: &[String]) -> (i32, Value, String) {
    let out = danhgia()
        .current_dir(dir)
        .arg("validate")
        .args(["--format", "json"])
        .args(paths)
        .timeout(Duration::from_secs(300))
        .output()
        .expect("danhgia finishes within 300 s");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "danhgia panicked:\n{stderr}");
    (exit_code(&out), parse_json(&out), stderr)
}

#[test]
fn every_corpus_file_is_reported_and_nothing_crashes() {
    let Some(dir) = corpus_dir() else { return };
    let paths = manifest_paths(&dir);
    assert!(paths.len() > 1000, "manifest lists {} files", paths.len());

    let (code, doc, _) = validate_in(&dir, &paths);
    assert!(
        (0..=2).contains(&code),
        "exit code {code} is not one of the contract's"
    );

    let files = doc["files"].as_array().expect("files");
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for f in files {
        *seen.entry(str_field(f, "file")).or_default() += 1;
    }
    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !seen.contains_key(p.as_str()))
        .collect();
    assert!(missing.is_empty(), "files not reported: {missing:#?}");
    let repeated: Vec<(&&str, &usize)> = seen.iter().filter(|(_, n)| **n != 1).collect();
    assert!(
        repeated.is_empty(),
        "files reported more than once: {repeated:#?}"
    );
    assert_eq!(
        files.len(),
        paths.len(),
        "files reported that are not inputs"
    );

    let mut with_findings: HashMap<&str, usize> = HashMap::new();
    for f in finding_values(&doc) {
        *with_findings.entry(str_field(f, "file")).or_default() += 1;
    }
    let silent: Vec<&str> = files
        .iter()
        .filter(|f| f["status"] == "loi")
        .map(|f| str_field(f, "file"))
        .filter(|name| !with_findings.contains_key(name))
        .collect();
    assert!(
        silent.is_empty(),
        "`loi` files without a finding: {silent:#?}"
    );
    if files.iter().any(|f| f["status"] == "loi") {
        assert_eq!(code, 1, "errors were found, so the exit code is 1");
    }
}

/// Runs one corpus file alone and expects exit 1 with a `file-unreadable`.
fn expect_unreadable_alone(path: &'static str) {
    let Some(dir) = corpus_dir() else { return };
    let (code, doc, _) = validate_in(&dir, &[path.to_string()]);
    assert_findings(&doc, &[Expect::error("file-unreadable", path)]);
    assert_file(&doc, path, "loi");
    assert_eq!(code, 1);
}

#[test]
fn oleloop_xls_does_not_exhaust_memory() {
    expect_unreadable_alone("PhpSpreadsheet/tests__data__Reader__XLS__oleloop.xls");
}

#[test]
fn git_issue_382_oom_xls_is_reported_not_fatal() {
    expect_unreadable_alone("ExcelDataReader/src__TestData__Test_git_issue_382_oom.xls");
}
