//! Helpers shared by the integration tests: every test runs the real `danhgia`
//! binary and looks at what it prints.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The crate root (where `Cargo.toml`, `fixtures/` and `examples/` live).
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Absolute path of a fixture workbook or folder, e.g. `fixture("thu-muc")`.
pub fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("fixtures").join(name)
}

/// Absolute path of the demo quarter folder.
pub fn demo_dir() -> PathBuf {
    manifest_dir().join("examples").join("2024-Q1")
}

/// A `danhgia` command running in the crate root.
pub fn danhgia() -> Command {
    let mut cmd = Command::cargo_bin("danhgia").expect("the danhgia binary is built");
    cmd.current_dir(manifest_dir());
    cmd
}

/// Exit code of a finished process; a process killed by a signal is a failure.
pub fn exit_code(out: &Output) -> i32 {
    out.status.code().unwrap_or_else(|| {
        panic!(
            "danhgia was killed by a signal (a crash, or the test's timeout)\nstderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Runs `danhgia <args>` and returns the raw output, checking it did not panic.
pub fn run_raw<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let out = danhgia().args(args).output().expect("danhgia runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "danhgia panicked:\n{stderr}");
    out
}

/// Parses stdout of a finished run as JSON, with a readable failure.
pub fn parse_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); exit {:?}\nstdout:\n{}\nstderr:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Runs `danhgia <sub> <paths> --format json <args>` → (exit code, document).
pub fn run_json<P: AsRef<OsStr>>(sub: &str, paths: &[P], args: &[&str]) -> (i32, Value) {
    let mut cmd = danhgia();
    cmd.arg(sub)
        .args(paths)
        .args(["--format", "json"])
        .args(args);
    let out = cmd.output().expect("danhgia runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "danhgia panicked:\n{stderr}");
    (exit_code(&out), parse_json(&out))
}

/// `danhgia validate <paths> --format json <args>` → (exit code, document).
pub fn validate<P: AsRef<OsStr>>(paths: &[P], args: &[&str]) -> (i32, Value) {
    run_json("validate", paths, args)
}

/// `danhgia evaluate <paths> --format json <args>` → (exit code, document).
pub fn evaluate<P: AsRef<OsStr>>(paths: &[P], args: &[&str]) -> (i32, Value) {
    run_json("evaluate", paths, args)
}

/// A JSON string field, or `None` when it is null; panics on any other type.
pub fn opt_str(v: &Value, key: &str) -> Option<String> {
    match &v[key] {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => panic!("`{key}` is neither a string nor null: {other} in {v}"),
    }
}

/// A JSON string field that must be present.
pub fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
}

/// Does the path as reported end with `suffix` (compared component by component)?
pub fn path_ends_with(reported: &str, suffix: &str) -> bool {
    Path::new(reported).ends_with(suffix)
}

/// Every person of every unit of an `evaluate` document.
pub fn all_people(doc: &Value) -> Vec<&Value> {
    doc["units"]
        .as_array()
        .expect("`units` is an array")
        .iter()
        .flat_map(|u| u["people"].as_array().expect("`people` is an array"))
        .collect()
}

/// The person with this id in an `evaluate` document; exactly one must exist.
pub fn person<'a>(doc: &'a Value, id: &str) -> &'a Value {
    let found: Vec<&Value> = all_people(doc)
        .into_iter()
        .filter(|p| p["id"] == id)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one person `{id}` in the results, found {}; people: {:?}",
        found.len(),
        people_ids(doc)
    );
    found[0]
}

/// The ids of all people, in output order.
pub fn people_ids(doc: &Value) -> Vec<String> {
    all_people(doc)
        .iter()
        .map(|p| str_field(p, "id").to_string())
        .collect()
}

/// A finding as (severity, code, sheet, cell, person).
pub type FindingTuple = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// All findings of a `validate` or `evaluate` document as tuples.
pub fn findings(doc: &Value) -> Vec<FindingTuple> {
    finding_values(doc)
        .iter()
        .map(|f| {
            (
                str_field(f, "severity").to_string(),
                str_field(f, "code").to_string(),
                opt_str(f, "sheet"),
                opt_str(f, "cell"),
                opt_str(f, "person"),
            )
        })
        .collect()
}

/// The raw finding objects of a document.
pub fn finding_values(doc: &Value) -> &Vec<Value> {
    doc["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("`findings` is not an array in {doc}"))
}

/// The `files[]` entry of a `validate` document whose path ends with `suffix`
/// (exactly one must match).
pub fn file_entry<'a>(doc: &'a Value, suffix: &str) -> &'a Value {
    let files = doc["files"].as_array().expect("`files` is an array");
    let found: Vec<&Value> = files
        .iter()
        .filter(|f| path_ends_with(str_field(f, "file"), suffix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one entry for `{suffix}` in files: {files:#?}"
    );
    found[0]
}

/// `files[].status` of the file whose path ends with `suffix`.
pub fn file_status(doc: &Value, suffix: &str) -> String {
    str_field(file_entry(doc, suffix), "status").to_string()
}

/// An expected finding, as the fixtures README lists it.
///
/// `sheet` and `person` `None` mean the finding must have none (null);
/// `cell` `None` means "not asserted" (a finding about a whole sheet or file
/// may point at any cell or none).
#[derive(Debug, Clone)]
pub struct Expect {
    pub severity: &'static str,
    pub code: &'static str,
    pub file: &'static str,
    pub sheet: Option<&'static str>,
    pub cell: Option<&'static str>,
    pub person: Option<&'static str>,
}

impl Expect {
    pub fn error(code: &'static str, file: &'static str) -> Self {
        Expect {
            severity: "error",
            code,
            file,
            sheet: None,
            cell: None,
            person: None,
        }
    }
    pub fn warning(code: &'static str, file: &'static str) -> Self {
        Expect {
            severity: "warning",
            ..Expect::error(code, file)
        }
    }
    pub fn sheet(mut self, sheet: &'static str) -> Self {
        self.sheet = Some(sheet);
        self
    }
    pub fn cell(mut self, cell: &'static str) -> Self {
        self.cell = Some(cell);
        self
    }
    pub fn person(mut self, person: &'static str) -> Self {
        self.person = Some(person);
        self
    }

    fn matches(&self, f: &Value) -> bool {
        f["severity"] == self.severity
            && f["code"] == self.code
            && f["file"]
                .as_str()
                .is_some_and(|p| path_ends_with(p, self.file))
            && opt_str(f, "sheet").as_deref() == self.sheet
            && match self.cell {
                None => true,
                Some(c) => opt_str(f, "cell").as_deref() == Some(c),
            }
            && opt_str(f, "person").as_deref() == self.person
    }
}

/// Asserts the document's findings are exactly `expected` (in any order):
/// every expected finding is there once, and there is no other.
pub fn assert_findings(doc: &Value, expected: &[Expect]) {
    let actual = finding_values(doc);
    let mut used = vec![false; actual.len()];
    let mut missing = Vec::new();
    for e in expected {
        match (0..actual.len()).find(|&i| !used[i] && e.matches(&actual[i])) {
            Some(i) => used[i] = true,
            None => missing.push(e.clone()),
        }
    }
    let extra: Vec<&Value> = actual
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| f)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "findings differ from the expected ones\nmissing: {missing:#?}\nunexpected: {extra:#?}"
    );
}

/// Asserts a `validate` file entry: status, and error/warning counts equal to
/// the findings the document reports for that file.
pub fn assert_file(doc: &Value, suffix: &str, status: &str) {
    let entry = file_entry(doc, suffix);
    assert_eq!(entry["status"], status, "status of `{suffix}` in {entry}");
    let of_file: Vec<&Value> = finding_values(doc)
        .iter()
        .filter(|f| {
            f["file"]
                .as_str()
                .is_some_and(|p| path_ends_with(p, suffix))
        })
        .collect();
    let errors = of_file.iter().filter(|f| f["severity"] == "error").count();
    let warnings = of_file
        .iter()
        .filter(|f| f["severity"] == "warning")
        .count();
    assert_eq!(
        entry["errors"], errors,
        "error count of `{suffix}`: {entry}"
    );
    assert_eq!(
        entry["warnings"], warnings,
        "warning count of `{suffix}`: {entry}"
    );
}

/// An expected person row of an `evaluate` document.
#[derive(Debug, Clone)]
pub struct PersonExpect {
    pub id: String,
    pub status: &'static str,
    pub reasons: Vec<&'static str>,
    pub total: Option<f64>,
}

pub fn expect_person(
    id: &str,
    status: &'static str,
    reasons: &[&'static str],
    total: Option<f64>,
) -> PersonExpect {
    PersonExpect {
        id: id.to_string(),
        status,
        reasons: reasons.to_vec(),
        total,
    }
}

/// The five people of the base unit (`{prefix}01` on mẫu 03 with 435, the
/// others on mẫu 04 with 290), all `dat` except those in `loi` (status `loi`,
/// total null, no reasons).
pub fn base_people(prefix: &str, count: usize, loi: &[&str]) -> Vec<PersonExpect> {
    (1..=count)
        .map(|n| {
            let id = format!("{prefix}{n:02}");
            if loi.contains(&id.as_str()) {
                expect_person(&id, "loi", &[], None)
            } else {
                let total = if n == 1 { 435.0 } else { 290.0 };
                expect_person(&id, "dat", &[], Some(total))
            }
        })
        .collect()
}

/// Names of the base unit's five people, in order TN01..TN05.
pub const BASE_NAMES: [&str; 5] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Cường",
    "Phạm Thu Hằng",
    "Hoàng Đức Dũng",
];

/// Asserts one person's status, reasons (exact list, in order) and total.
pub fn assert_person(doc: &Value, e: &PersonExpect) {
    let p = person(doc, &e.id);
    assert_eq!(p["status"], e.status, "status of {}: {p}", e.id);
    let reasons: Vec<&str> = p["reasons"]
        .as_array()
        .unwrap_or_else(|| panic!("reasons of {} is not an array: {p}", e.id))
        .iter()
        .map(|r| r.as_str().expect("reason is a string"))
        .collect();
    assert_eq!(reasons, e.reasons, "reasons of {}: {p}", e.id);
    match e.total {
        None => assert!(p["total"].is_null(), "total of {} must be null: {p}", e.id),
        Some(t) => {
            let got = p["total"]
                .as_f64()
                .unwrap_or_else(|| panic!("total of {} must be a number: {p}", e.id));
            assert!((got - t).abs() < 1e-9, "total of {}: {got} != {t}", e.id);
        }
    }
}

/// Asserts the people of the document are exactly `expected` (same ids, no
/// other) with their status, reasons and totals.
pub fn assert_people(doc: &Value, expected: &[PersonExpect]) {
    let mut ids = people_ids(doc);
    ids.sort();
    let mut want: Vec<String> = expected.iter().map(|e| e.id.clone()).collect();
    want.sort();
    assert_eq!(ids, want, "the people of the results");
    for e in expected {
        assert_person(doc, e);
    }
}

/// A number or a text typed in a count cell of a hand-made mẫu 07.
#[derive(Clone)]
pub enum Typed {
    Num(f64),
    Text(&'static str),
}

/// A mẫu 07 re-typed by hand: no heading block, its own title (with `quarter`), the bloc on row 2,
/// the header on row 4, one row per unit from row 5 (counts in the columns of `Tổng số`,
/// `Số không đánh giá`, `Số được đánh giá`, `Số đạt chuyên nghiệp`, `Số không đạt`).
pub fn hand_typed_mau07(path: &Path, bloc: &str, quarter: &str, rows: &[(String, [Typed; 5])]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Mẫu 07").unwrap();
    ws.write_string(
        0,
        0,
        format!("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP {quarter}"),
    )
    .unwrap();
    ws.write_string(1, 0, format!("Khối: {bloc}")).unwrap();
    let headers = [
        "STT",
        "Đơn vị",
        "Tổng số CBCCVC, NLĐ",
        "Số không đánh giá",
        "Số được đánh giá",
        "Số đạt chuyên nghiệp",
        "Tỷ lệ (%)",
        "Số không đạt",
        "Ghi chú",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    for (i, (name, n)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, name).unwrap();
        for (k, c) in [2u16, 3, 4, 5, 7].iter().enumerate() {
            match &n[k] {
                Typed::Num(x) => ws.write_number(r, *c, *x).unwrap(),
                Typed::Text(s) => ws.write_string(r, *c, *s).unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}
pub mod printed;
