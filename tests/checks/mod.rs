//! Checks shared by the trust tests: a unit saved in a fresh folder, the outcome of each person,
//! and the findings of `validate` and `evaluate` compared at once.
#![allow(dead_code)]

use crate::book::*;
use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub const FILE: &str = "don-vi.xlsx";
pub const NONE: &[&str] = &[];

/// A `&'static str` made at run time (cell addresses for [`Expect`]).
pub fn s(x: String) -> &'static str {
    Box::leak(x.into_boxed_str())
}

/// Saves the unit as `don-vi.xlsx` in a fresh directory.
pub fn save(unit: &Unit) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = unit.save(dir.path(), FILE);
    (dir, path)
}

/// (status, reasons) of one person of an `evaluate` document.
pub fn outcome(doc: &Value, id: &str) -> (String, Vec<String>) {
    let p = person(doc, id);
    let reasons = p["reasons"]
        .as_array()
        .unwrap_or_else(|| panic!("reasons of {id}: {p}"))
        .iter()
        .map(|r| r.as_str().expect("a reason").to_string())
        .collect();
    (str_field(p, "status").to_string(), reasons)
}

/// Asserts the people of the document are exactly these, with these statuses and reasons.
pub fn assert_outcomes(doc: &Value, want: &[(&str, &str, &[&str])]) {
    let mut ids = people_ids(doc);
    ids.sort();
    let mut expected: Vec<String> = want.iter().map(|(id, _, _)| id.to_string()).collect();
    expected.sort();
    assert_eq!(ids, expected, "the people of the results");
    for (id, status, reasons) in want {
        let (got_status, got_reasons) = outcome(doc, id);
        assert_eq!(
            (got_status.as_str(), got_reasons),
            (*status, reasons.iter().map(|r| r.to_string()).collect()),
            "status and reasons of {id}: {}",
            person(doc, id)
        );
    }
}

/// Every person of the unit with a Mã CB of their own `dat`, except those listed.
pub fn dat_except<'a>(
    unit: &'a Unit,
    others: &[(&'a str, &'a str, &'a [&'a str])],
) -> Vec<(&'a str, &'a str, &'a [&'a str])> {
    let mut v: Vec<(&str, &str, &[&str])> = unit
        .people
        .iter()
        .filter(|p| !p.bare && p.cells.iter().all(|(h, _)| h != "Mã CB"))
        .filter(|p| !others.iter().any(|(id, _, _)| *id == p.id))
        .map(|p| (p.id.as_str(), "dat", &[][..]))
        .collect();
    v.extend_from_slice(others);
    v
}

/// A `Danh sách` error at one cell, about one person (or about nobody).
pub fn list_error(code: &'static str, cell: String, person: Option<&'static str>) -> Expect {
    let e = Expect::error(code, FILE).sheet(SHEET_LIST).cell(s(cell));
    match person {
        Some(p) => e.person(p),
        None => e,
    }
}

/// `validate` and `evaluate` of one file: both report exactly `expected`, and exit `exit`.
pub fn check_both(path: &Path, expected: &[Expect], exit: i32) -> Value {
    let (code, doc) = validate(&[path], &[]);
    assert_findings(&doc, expected);
    assert_eq!(
        code, exit,
        "validate exit code; findings: {:#}",
        doc["findings"]
    );
    let (code, doc) = evaluate(&[path], &[]);
    assert_findings(&doc, expected);
    assert_eq!(
        code, exit,
        "evaluate exit code; findings: {:#}",
        doc["findings"]
    );
    doc
}
