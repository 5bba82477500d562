//! The JSON documents, exit codes and commands of SPEC §4–§7, checked field
//! by field on the demo quarter (examples/2024-Q1) and a few usage errors.

mod common;
mod spec_codes;

use std::collections::{BTreeSet, HashMap};

use common::*;
use serde_json::Value;
use spec_codes::{ERROR_CODES, REASONS, WARNING_CODES};

/// The demo folder as a user types it (relative to the crate root, where
/// every command runs), so `source` and `file` can be checked as given.
const DEMO: &str = "examples/2024-Q1";

const BLOCS: &[&str] = &["dang-doan-the", "chinh-quyen", "truong-hoc"];
const FORMS: &[&str] = &["03", "04", "05"];
const RATINGS: &[&str] = &["xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh"];
const STATUSES: &[&str] = &["dat", "khong-dat", "khong-danh-gia", "loi"];
const FILE_STATUSES: &[&str] = &["ok", "loi", "canh-bao", "bo-qua"];

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_keys(v: &Value, expected: &[&str], what: &str) {
    let want: BTreeSet<&str> = expected.iter().copied().collect();
    assert_eq!(keys(v), want, "keys of {what}: {v}");
}

fn count(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is not a non-negative integer: {v}"))
}

fn demo_evaluate() -> (i32, Value) {
    evaluate(&[DEMO], &[])
}

fn demo_validate() -> (i32, Value) {
    validate(&[DEMO], &[])
}

/// Checks one finding object against SPEC §5/§6.
fn check_finding(f: &Value) {
    assert_keys(
        f,
        &[
            "severity", "code", "file", "sheet", "cell", "person", "message",
        ],
        "a finding",
    );
    let code = str_field(f, "code");
    match str_field(f, "severity") {
        "error" => assert!(ERROR_CODES.contains(&code), "unknown error code: {f}"),
        "warning" => assert!(WARNING_CODES.contains(&code), "unknown warning code: {f}"),
        other => panic!("severity `{other}` is neither error nor warning: {f}"),
    }
    assert!(!str_field(f, "file").is_empty(), "empty file: {f}");
    for k in ["sheet", "cell", "person"] {
        let _ = opt_str(f, k);
    }
    if let Some(cell) = opt_str(f, "cell") {
        let letters = cell.chars().take_while(char::is_ascii_uppercase).count();
        let digits = &cell[letters..];
        assert!(
            letters > 0 && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()),
            "cell is not in A1 form: {f}"
        );
    }
    assert!(
        !str_field(f, "message").trim().is_empty(),
        "empty message: {f}"
    );
}

// --------------------------------------------------------- results document

#[test]
fn evaluate_document_has_exactly_the_contract_top_level_fields() {
    let (_, doc) = demo_evaluate();
    assert_keys(
        &doc,
        &["schema", "quarter", "units", "findings"],
        "the document",
    );
    assert_eq!(doc["schema"], "danhgia/ket-qua/v1");
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_eq!(doc["units"].as_array().map(Vec::len), Some(10), "ten units");
}

#[test]
fn evaluate_units_have_exactly_the_contract_fields() {
    let (_, doc) = demo_evaluate();
    for unit in doc["units"].as_array().expect("units") {
        assert_keys(
            unit,
            &[
                "unit",
                "code",
                "bloc",
                "headcount",
                "source",
                "people",
                "summary",
            ],
            "a unit",
        );
        assert!(!str_field(unit, "unit").is_empty(), "{unit}");
        assert!(!str_field(unit, "code").is_empty(), "{unit}");
        assert!(
            BLOCS.contains(&str_field(unit, "bloc")),
            "bloc: {}",
            unit["bloc"]
        );
        count(unit, "headcount");
        let source = str_field(unit, "source");
        assert!(
            source.starts_with("examples/2024-Q1/") && source.ends_with(".xlsx"),
            "source is the path as given: {source}"
        );
        assert!(unit["people"].is_array(), "{unit}");
    }
}

#[test]
fn evaluate_people_have_exactly_the_contract_fields() {
    let (_, doc) = demo_evaluate();
    let people = all_people(&doc);
    assert_eq!(people.len(), 179, "the demo has 179 people");
    for p in people {
        assert_keys(
            p,
            &[
                "id", "name", "form", "total", "ratings", "status", "reasons",
            ],
            "a person",
        );
        assert!(!str_field(p, "id").is_empty(), "{p}");
        assert!(!str_field(p, "name").is_empty(), "{p}");
        let status = str_field(p, "status");
        assert!(STATUSES.contains(&status), "status: {p}");
        match opt_str(p, "form") {
            Some(form) => assert!(FORMS.contains(&form.as_str()), "form: {p}"),
            None => assert!(
                status == "khong-danh-gia" || status == "loi",
                "only an unscored person has no form: {p}"
            ),
        }
        let ratings = p["ratings"].as_array().expect("ratings is an array");
        assert_eq!(ratings.len(), 3, "three monthly ratings: {p}");
        for r in ratings {
            assert!(
                r.is_null() || r.as_str().is_some_and(|s| RATINGS.contains(&s)),
                "rating `{r}`: {p}"
            );
        }
        let reasons: Vec<&str> = p["reasons"]
            .as_array()
            .expect("reasons is an array")
            .iter()
            .map(|r| r.as_str().expect("reason is a string"))
            .collect();
        let positions: Vec<usize> = reasons
            .iter()
            .map(|r| {
                REASONS
                    .iter()
                    .position(|c| c == r)
                    .unwrap_or_else(|| panic!("unknown reason `{r}`: {p}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "reasons not in contract order (or repeated): {p}"
        );
        match status {
            "dat" | "loi" => assert!(reasons.is_empty(), "{status} has no reason: {p}"),
            "khong-dat" => assert!(!reasons.is_empty(), "khong-dat needs a reason: {p}"),
            "khong-danh-gia" => assert_eq!(reasons, ["vang-15-ngay"], "{p}"),
            _ => unreachable!(),
        }
        // `total` is null iff the person is `loi` or not evaluated without scores.
        let total_null = status == "loi" || (status == "khong-danh-gia" && p["form"].is_null());
        if total_null {
            assert!(p["total"].is_null(), "total must be null: {p}");
        } else {
            assert!(p["total"].is_number(), "total must be a number: {p}");
        }
    }
}

#[test]
fn evaluate_summaries_are_exact_and_consistent() {
    let (_, doc) = demo_evaluate();
    for unit in doc["units"].as_array().expect("units") {
        let s = &unit["summary"];
        assert_keys(
            s,
            &[
                "people",
                "evaluated",
                "not_evaluated",
                "dat",
                "khong_dat",
                "loi",
                "reward_cap",
            ],
            "a summary",
        );
        let people = unit["people"].as_array().expect("people");
        let by_status = |st: &str| people.iter().filter(|p| p["status"] == st).count() as u64;
        assert_eq!(count(s, "people"), people.len() as u64, "{s}");
        assert_eq!(
            count(s, "people"),
            count(s, "evaluated") + count(s, "not_evaluated"),
            "{s}"
        );
        assert_eq!(
            count(s, "evaluated"),
            count(s, "dat") + count(s, "khong_dat") + count(s, "loi"),
            "{s}"
        );
        assert_eq!(count(s, "dat"), by_status("dat"), "{s}");
        assert_eq!(count(s, "khong_dat"), by_status("khong-dat"), "{s}");
        assert_eq!(count(s, "loi"), by_status("loi"), "{s}");
        assert_eq!(
            count(s, "not_evaluated"),
            by_status("khong-danh-gia"),
            "{s}"
        );
        count(s, "reward_cap");
    }
}

#[test]
fn evaluate_findings_have_exactly_the_contract_fields() {
    let (_, doc) = demo_evaluate();
    let all = finding_values(&doc);
    assert!(!all.is_empty(), "the demo has findings");
    all.iter().for_each(check_finding);
    // Also on a file-level finding (no sheet, cell nor person) and warnings.
    for name in [
        "hong.xlsx",
        "co-mau.xlsx",
        "nop-muon.xlsx",
        "khong-khop.xlsx",
    ] {
        let (_, doc) = evaluate(&[fixture(name)], &[]);
        assert_keys(&doc, &["schema", "quarter", "units", "findings"], name);
        let all = finding_values(&doc);
        assert!(!all.is_empty(), "{name} has findings");
        all.iter().for_each(check_finding);
    }
}

// -------------------------------------------------------- validate document

#[test]
fn validate_document_has_exactly_the_contract_fields() {
    let (_, doc) = demo_validate();
    assert_keys(&doc, &["schema", "files", "findings"], "the document");
    assert_eq!(doc["schema"], "danhgia/kiem-tra/v1");
    let files = doc["files"].as_array().expect("files");
    // Ten workbooks and the README.
    assert_eq!(files.len(), 11, "{files:#?}");
    for f in files {
        assert_keys(f, &["file", "status", "errors", "warnings"], "a file");
        let name = str_field(f, "file");
        assert!(
            name.starts_with("examples/2024-Q1/"),
            "path as given: {name}"
        );
        assert!(FILE_STATUSES.contains(&str_field(f, "status")), "{f}");
        assert_file(&doc, name, str_field(f, "status"));
    }
    finding_values(&doc).iter().for_each(check_finding);
    assert_file(&doc, "examples/2024-Q1/README.md", "bo-qua");
}

#[test]
fn validate_file_status_follows_the_findings() {
    let (_, doc) = validate(
        &[
            fixture("hop-le.xlsx"),
            fixture("hong.xlsx"),
            fixture("thu-muc"),
        ],
        &[],
    );
    assert_keys(&doc, &["schema", "files", "findings"], "the document");
    for f in doc["files"].as_array().expect("files") {
        let (errors, warnings) = (count(f, "errors"), count(f, "warnings"));
        let expected = match str_field(f, "status") {
            "bo-qua" => errors == 0 && warnings == 0,
            "ok" => errors == 0 && warnings == 0,
            "canh-bao" => errors == 0 && warnings > 0,
            "loi" => errors > 0,
            other => panic!("file status `{other}`"),
        };
        assert!(expected, "status disagrees with the counts: {f}");
    }
}

// ------------------------------------------------------- demo expectations

#[test]
fn demo_has_exactly_the_four_planted_errors() {
    let ubbd = "UBBD-ubnd-phuong-bo-de.xlsx";
    let expected = [
        Expect::error("rating-unknown", ubbd)
            .sheet("Danh sách")
            .cell("J9")
            .person("UBBD05"),
        // The head of the unit (whole unit in scope) cannot be decided while UBBD05's month is
        // unreadable: the same cell, naming the leader (SPEC §2, 4.).
        Expect::error("scope-unknown", ubbd)
            .sheet("Danh sách")
            .cell("J9")
            .person("UBBD01"),
        Expect::error("score-missing", ubbd)
            .sheet("Mẫu 05")
            .cell("K8")
            .person("UBBD06"),
        Expect::error("total-mismatch", ubbd)
            .sheet("Mẫu 05")
            .cell("AI21")
            .person("UBBD19"),
        Expect::error("score-step", ubbd)
            .sheet("Mẫu 05")
            .cell("AC23")
            .person("UBBD21"),
    ];
    let (code, doc) = demo_validate();
    assert_findings(&doc, &expected);
    assert_file(&doc, ubbd, "loi");
    for f in doc["files"].as_array().expect("files") {
        let name = str_field(f, "file");
        if !path_ends_with(name, ubbd) && !path_ends_with(name, "README.md") {
            assert_eq!(f["status"], "ok", "only UBBD has findings: {f}");
        }
    }
    assert_eq!(code, 1, "validate of the demo exits 1");

    let (code, doc) = demo_evaluate();
    assert_findings(&doc, &expected);
    for id in ["UBBD01", "UBBD05", "UBBD06", "UBBD19", "UBBD21"] {
        assert_person(&doc, &expect_person(id, "loi", &[], None));
    }
    assert_eq!(code, 1, "evaluate of the demo exits 1");
}

#[test]
fn demo_units_match_the_readme_table() {
    // examples/2024-Q1/README.md: code, unit, bloc, people, forms, đạt,
    // không đạt, không đánh giá, lỗi, reward cap.
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        u64,
        &'static [&'static str],
        u64,
        u64,
        u64,
        u64,
        u64,
    );
    let table: [Row; 10] = [
        (
            "TCKH",
            "Phòng Tài chính - Kế hoạch",
            "chinh-quyen",
            14,
            &["03", "04"],
            8,
            6,
            0,
            0,
            1,
        ),
        (
            "NV",
            "Phòng Nội vụ",
            "chinh-quyen",
            10,
            &["03", "04"],
            4,
            6,
            0,
            0,
            0,
        ),
        (
            "UBBD",
            "UBND phường Bồ Đề",
            "chinh-quyen",
            22,
            &["03", "05"],
            5,
            12,
            0,
            5,
            0,
        ),
        (
            "VP",
            "Văn phòng HĐND và UBND quận",
            "chinh-quyen",
            15,
            &["03", "04"],
            7,
            8,
            0,
            0,
            1,
        ),
        (
            "BTC",
            "Ban Tổ chức Quận ủy",
            "dang-doan-the",
            9,
            &["03", "04"],
            3,
            6,
            0,
            0,
            0,
        ),
        (
            "MTTQ",
            "Ủy ban MTTQ Việt Nam quận",
            "dang-doan-the",
            7,
            &["03", "04"],
            3,
            4,
            0,
            0,
            0,
        ),
        (
            "DUBD",
            "Đảng ủy phường Bồ Đề",
            "dang-doan-the",
            6,
            &["03", "04"],
            2,
            4,
            0,
            0,
            0,
        ),
        (
            "MNHS",
            "Trường Mầm non Hoa Sữa",
            "truong-hoc",
            32,
            &["03", "05"],
            11,
            20,
            1,
            0,
            0,
        ),
        (
            "THGT",
            "Trường Tiểu học Gia Thụy",
            "truong-hoc",
            36,
            &["03", "05"],
            11,
            25,
            0,
            0,
            0,
        ),
        (
            "THCSNL",
            "Trường THCS Ngọc Lâm",
            "truong-hoc",
            28,
            &["03", "05"],
            9,
            19,
            0,
            0,
            0,
        ),
    ];
    let (_, doc) = demo_evaluate();
    let units: HashMap<&str, &Value> = doc["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| (str_field(u, "code"), u))
        .collect();
    assert_eq!(units.len(), table.len(), "unit codes: {:?}", units.keys());
    for (code, name, bloc, people, forms, dat, khong_dat, not_eval, loi, cap) in table {
        let u = units
            .get(code)
            .unwrap_or_else(|| panic!("unit {code} missing"));
        let s = &u["summary"];
        assert_eq!(u["unit"], name, "{code}");
        assert_eq!(u["bloc"], bloc, "{code}");
        assert_eq!(u["headcount"], people, "{code}");
        assert_eq!(s["people"], people, "{code}: {s}");
        assert_eq!(s["dat"], dat, "{code}: {s}");
        assert_eq!(s["khong_dat"], khong_dat, "{code}: {s}");
        assert_eq!(s["not_evaluated"], not_eval, "{code}: {s}");
        assert_eq!(s["loi"], loi, "{code}: {s}");
        assert_eq!(s["reward_cap"], cap, "{code}: reward cap: {s}");
        let got_forms: BTreeSet<&str> = u["people"]
            .as_array()
            .expect("people")
            .iter()
            .filter_map(|p| p["form"].as_str())
            .collect();
        let want_forms: BTreeSet<&str> = forms.iter().copied().collect();
        assert_eq!(got_forms, want_forms, "{code}: forms");
    }
}

#[test]
fn demo_people_match_the_readme_notes() {
    let (_, doc) = demo_evaluate();
    // Maternity leave: not evaluated, not on a score sheet.
    assert_person(
        &doc,
        &expect_person("MNHS15", "khong-danh-gia", &["vang-15-ngay"], None),
    );
    // THGT18 không hoàn thành in February; the head of the school fails the
    // unit condition.
    let thgt18 = person(&doc, "THGT18");
    assert_eq!(thgt18["status"], "khong-dat");
    assert_eq!(thgt18["ratings"][1], "khong-hoan-thanh", "{thgt18}");
    let thgt01 = person(&doc, "THGT01");
    assert_eq!(thgt01["status"], "khong-dat", "{thgt01}");
    assert_eq!(
        thgt01["reasons"],
        serde_json::json!(["don-vi-vi-pham"]),
        "{thgt01}"
    );
    // Discipline and inspection.
    let reasons = |id: &str| person(&doc, id)["reasons"].clone();
    assert!(
        reasons("UBBD04")
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x == "ky-luat")),
        "UBBD04: {}",
        reasons("UBBD04")
    );
    assert_eq!(person(&doc, "UBBD04")["status"], "khong-dat");
    assert!(
        reasons("THCSNL09")
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x == "thanh-tra")),
        "THCSNL09: {}",
        reasons("THCSNL09")
    );
    assert_eq!(person(&doc, "THCSNL09")["status"], "khong-dat");
}

// ------------------------------------------------------------ other commands

#[test]
fn profile_show_prints_the_default_profile_as_toml() {
    let out = run_raw(&["profile", "show"]);
    assert_eq!(exit_code(&out), 0);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.lines()
            .any(|l| l.trim() == r#"name = "long-bien-2023""#),
        "no `name = \"long-bien-2023\"` line:\n{text}"
    );
    let parsed: toml::Table = toml::from_str(&text).expect("profile show prints valid TOML");
    assert_eq!(parsed["name"].as_str(), Some("long-bien-2023"));
}

#[test]
fn profile_show_output_is_accepted_by_the_profile_flag() {
    let out = run_raw(&["profile", "show"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ho-so.toml");
    std::fs::write(&path, &out.stdout).expect("write profile");
    let (code, doc) = validate(
        &[fixture("hop-le.xlsx")],
        &["--profile", path.to_str().expect("UTF-8 temp path")],
    );
    assert_findings(&doc, &[]);
    assert_eq!(code, 0);
}

#[test]
fn malformed_profile_exits_2_and_names_the_key() {
    let out = run_raw(&["profile", "show"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let broken: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("other_min") {
                r#"other_min = "tám""#.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(
        broken.trim(),
        text.trim(),
        "the profile has an `other_min` key"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hong.toml");
    std::fs::write(&path, broken).expect("write profile");

    let out = danhgia()
        .arg("validate")
        .arg(fixture("hop-le.xlsx"))
        .arg("--profile")
        .arg(&path)
        .output()
        .expect("danhgia runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(exit_code(&out), 2, "stderr:\n{stderr}");
    assert!(
        stderr.contains("other_min"),
        "stderr names the key:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn run_is_not_yet_available_and_exits_2() {
    let out = run_raw(&["run", "x"]);
    assert_eq!(exit_code(&out), 2);
    assert!(!out.stderr.is_empty(), "says why on stderr");
}

#[test]
fn unknown_quarter_exits_2() {
    let hop_le = fixture("hop-le.xlsx");
    let out = danhgia()
        .arg("validate")
        .arg(&hop_le)
        .args(["-q", "2024-Q9"])
        .output()
        .expect("danhgia runs");
    assert_eq!(exit_code(&out), 2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2024-Q9"),
        "stderr names the quarter"
    );
    // A valid spelling of the same option works.
    let (code, _) = validate(&[&hop_le], &["-q", "I/2024"]);
    assert_eq!(code, 0);
}
