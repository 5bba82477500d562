//! One test per finding code of SPEC §6 that concerns a unit workbook, each
//! against the fixture that fixtures/README.md names for it.

mod common;

use common::*;
use serde_json::Value;

/// Checks an error fixture run alone: `validate` exits 1 with exactly the
/// expected findings and the file `loi`; with `people_loi` given, `evaluate`
/// exits 1, reports the same findings, and gives those people `loi` with a
/// null total while the others keep the base unit's `dat`.
fn check_error_fixture(name: &str, expected: &[Expect], people_loi: Option<&[&str]>) {
    let path = fixture(name);
    let (code, doc) = validate(&[&path], &[]);
    assert_findings(&doc, expected);
    assert_file(&doc, name, "loi");
    assert_eq!(code, 1, "validate of {name} must exit 1 (errors)");

    if let Some(loi) = people_loi {
        let (code, doc) = evaluate(&[&path], &[]);
        assert_findings(&doc, expected);
        assert_people(&doc, &base_people("TN", 5, loi));
        assert_eq!(code, 1, "evaluate of {name} must exit 1 (errors)");
    }
}

/// Checks a warning fixture run alone: `validate` exits 0 with exactly the
/// expected findings and the file `canh-bao`, exits 1 with `--strict`; and
/// `evaluate` gives `people` (everyone `dat`).
fn check_warning_fixture(name: &str, expected: &[Expect], people: &[PersonExpect]) {
    let path = fixture(name);
    let (code, doc) = validate(&[&path], &[]);
    assert_findings(&doc, expected);
    assert_file(&doc, name, "canh-bao");
    assert_eq!(code, 0, "validate of {name}: warnings only must exit 0");

    let (code, doc) = validate(&[&path], &["--strict"]);
    assert_findings(&doc, expected);
    assert_eq!(code, 1, "validate --strict of {name} must exit 1");

    let (code, doc) = evaluate(&[&path], &[]);
    assert_findings(&doc, expected);
    assert_people(&doc, people);
    assert_eq!(code, 0, "evaluate of {name}: warnings only must exit 0");
}

// ---------------------------------------------------------------- file level

#[test]
fn file_unreadable_is_reported_for_random_bytes() {
    check_error_fixture(
        "hong.xlsx",
        &[Expect::error("file-unreadable", "hong.xlsx")],
        None,
    );
}

#[test]
fn file_unreadable_is_reported_for_an_empty_file() {
    check_error_fixture(
        "rong.xlsx",
        &[Expect::error("file-unreadable", "rong.xlsx")],
        None,
    );
}

#[test]
fn file_unreadable_does_not_stop_the_batch() {
    let (code, doc) = validate(
        &[
            fixture("hong.xlsx"),
            fixture("rong.xlsx"),
            fixture("hop-le.xlsx"),
        ],
        &[],
    );
    assert_findings(
        &doc,
        &[
            Expect::error("file-unreadable", "hong.xlsx"),
            Expect::error("file-unreadable", "rong.xlsx"),
        ],
    );
    assert_file(&doc, "hong.xlsx", "loi");
    assert_file(&doc, "rong.xlsx", "loi");
    assert_file(&doc, "hop-le.xlsx", "ok");
    assert_eq!(code, 1);
}

#[test]
fn sheet_missing_names_the_sheet() {
    check_error_fixture(
        "thieu-sheet.xlsx",
        &[Expect::error("sheet-missing", "thieu-sheet.xlsx").sheet("Danh sách")],
        None,
    );
}

#[test]
fn column_missing_points_at_the_header_row() {
    check_error_fixture(
        "thieu-cot.xlsx",
        &[Expect::error("column-missing", "thieu-cot.xlsx")
            .sheet("Danh sách")
            .cell("A1")],
        None,
    );
}

#[test]
fn info_missing_points_at_the_value_cell() {
    check_error_fixture(
        "thieu-thong-tin.xlsx",
        &[Expect::error("info-missing", "thieu-thong-tin.xlsx")
            .sheet("Thông tin")
            .cell("B1")],
        None,
    );
}

// ------------------------------------------------------------------ quarters

#[test]
fn quarter_mismatch_is_reported_against_the_quarter_asked_for() {
    let path = fixture("sai-quy.xlsx");
    let expected = [Expect::error("quarter-mismatch", "sai-quy.xlsx")
        .sheet("Thông tin")
        .cell("B4")];
    let (code, doc) = validate(&[&path], &["-q", "2024-Q1"]);
    assert_findings(&doc, &expected);
    assert_file(&doc, "sai-quy.xlsx", "loi");
    assert_eq!(code, 1);
}

#[test]
fn quarter_mismatch_is_reported_for_the_minority_quarter_of_a_batch() {
    // hop-le.xlsx (TN) and thu-muc/don-vi-a.xlsx (TNA) are quarter I units
    // with different codes; sai-quy.xlsx (TNQ) is quarter II.
    let paths = [
        fixture("sai-quy.xlsx"),
        fixture("hop-le.xlsx"),
        fixture("thu-muc/don-vi-a.xlsx"),
    ];
    let expected = [Expect::error("quarter-mismatch", "sai-quy.xlsx")
        .sheet("Thông tin")
        .cell("B4")];
    let (code, doc) = validate(&paths, &[]);
    assert_findings(&doc, &expected);
    assert_file(&doc, "sai-quy.xlsx", "loi");
    assert_file(&doc, "hop-le.xlsx", "ok");
    assert_file(&doc, "thu-muc/don-vi-a.xlsx", "ok");
    assert_eq!(code, 1);

    let (code, doc) = evaluate(&paths, &[]);
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_findings(&doc, &expected);
    assert!(
        !people_ids(&doc).iter().any(|id| id.starts_with("TNQ")),
        "the quarter II unit must not be evaluated: {:?}",
        people_ids(&doc)
    );
    assert_person(&doc, &expect_person("TN02", "dat", &[], Some(290.0)));
    assert_person(&doc, &expect_person("TNA02", "dat", &[], Some(290.0)));
    assert_eq!(code, 1);
}

#[test]
fn quarter_mismatch_is_absent_when_the_second_quarter_file_runs_alone() {
    let path = fixture("sai-quy.xlsx");
    let (code, doc) = validate(&[&path], &[]);
    assert_findings(&doc, &[]);
    assert_file(&doc, "sai-quy.xlsx", "ok");
    assert_eq!(code, 0);

    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(doc["quarter"], "2024-Q2");
    assert_findings(&doc, &[]);
    assert_people(&doc, &base_people("TNQ", 5, &[]));
    assert_eq!(code, 0);
}

#[test]
fn month_mismatch_is_reported_on_each_month_header() {
    let e = || Expect::error("month-mismatch", "sai-thang.xlsx").sheet("Danh sách");
    check_error_fixture(
        "sai-thang.xlsx",
        &[e().cell("I1"), e().cell("J1"), e().cell("K1")],
        None,
    );
}

// -------------------------------------------------------------------- scores

fn score_error(code: &'static str, file: &'static str) -> Expect {
    Expect::error(code, file)
        .sheet("Mẫu 04")
        .cell("H3")
        .person("TN03")
}

#[test]
fn score_not_number_is_reported_on_its_cell() {
    check_error_fixture(
        "diem-chu.xlsx",
        &[score_error("score-not-number", "diem-chu.xlsx")],
        Some(&["TN03"]),
    );
}

#[test]
fn score_out_of_range_is_reported_on_its_cell() {
    check_error_fixture(
        "diem-ngoai-khung.xlsx",
        &[score_error("score-out-of-range", "diem-ngoai-khung.xlsx")],
        Some(&["TN03"]),
    );
}

#[test]
fn score_step_is_reported_on_its_cell() {
    check_error_fixture(
        "diem-buoc.xlsx",
        &[score_error("score-step", "diem-buoc.xlsx")],
        Some(&["TN03"]),
    );
}

#[test]
fn score_missing_is_reported_on_its_cell() {
    check_error_fixture(
        "diem-trong.xlsx",
        &[score_error("score-missing", "diem-trong.xlsx")],
        Some(&["TN03"]),
    );
}

#[test]
fn total_mismatch_is_reported_on_the_total_cell() {
    check_error_fixture(
        "tong-sai.xlsx",
        &[Expect::error("total-mismatch", "tong-sai.xlsx")
            .sheet("Mẫu 04")
            .cell("AH3")
            .person("TN03")],
        Some(&["TN03"]),
    );
}

// ------------------------------------------------------------------- ratings

#[test]
fn rating_unknown_is_reported_on_its_cell() {
    check_error_fixture(
        "xep-loai-la.xlsx",
        // The unit's leader TN01 (mẫu 03, whole unit) cannot be decided while TN03's month is
        // unknown: `scope-unknown` on the same cell, naming the leader (SPEC §2, 4.).
        &[
            Expect::error("rating-unknown", "xep-loai-la.xlsx")
                .sheet("Danh sách")
                .cell("J4")
                .person("TN03"),
            Expect::error("scope-unknown", "xep-loai-la.xlsx")
                .sheet("Danh sách")
                .cell("J4")
                .person("TN01"),
        ],
        Some(&["TN01", "TN03"]),
    );
}

#[test]
fn rating_missing_is_reported_on_its_cell() {
    check_error_fixture(
        "xep-loai-trong.xlsx",
        // The unit's leader TN01 (mẫu 03, whole unit) cannot be decided while TN03's month is
        // unknown: `scope-unknown` on the same cell, naming the leader (SPEC §2, 4.).
        &[
            Expect::error("rating-missing", "xep-loai-trong.xlsx")
                .sheet("Danh sách")
                .cell("J4")
                .person("TN03"),
            Expect::error("scope-unknown", "xep-loai-trong.xlsx")
                .sheet("Danh sách")
                .cell("J4")
                .person("TN01"),
        ],
        Some(&["TN01", "TN03"]),
    );
}

// -------------------------------------------------------------------- people

#[test]
fn person_duplicate_is_reported_on_the_second_row() {
    check_error_fixture(
        "trung-ma.xlsx",
        // The second row of TN03 is nobody known: the head of the unit (TN01, whole unit in
        // scope) cannot be decided while it is there (SPEC §2, 4.).
        &[
            Expect::error("person-duplicate", "trung-ma.xlsx")
                .sheet("Danh sách")
                .cell("B7")
                .person("TN03"),
            Expect::error("scope-unknown", "trung-ma.xlsx")
                .sheet("Danh sách")
                .cell("B7")
                .person("TN01"),
        ],
        Some(&["TN01", "TN03"]),
    );
}

#[test]
fn person_unmatched_is_reported_in_both_directions() {
    // TN05 is listed but on no score sheet; TN09 is scored but not listed
    // (and so is no person of the unit: `base_people` has no TN09).
    check_error_fixture(
        "khong-khop.xlsx",
        &[
            Expect::error("person-unmatched", "khong-khop.xlsx")
                .sheet("Danh sách")
                .cell("B6")
                .person("TN05"),
            Expect::error("person-unmatched", "khong-khop.xlsx")
                .sheet("Mẫu 04")
                .cell("B5")
                .person("TN09"),
        ],
        Some(&["TN05"]),
    );
}

#[test]
fn wrong_form_is_reported_on_the_score_row() {
    check_error_fixture(
        "sai-mau.xlsx",
        &[Expect::error("wrong-form", "sai-mau.xlsx")
            .sheet("Mẫu 04")
            .cell("B2")
            .person("TN02")],
        Some(&["TN02"]),
    );
}

#[test]
fn formula_no_value_is_reported_on_both_cells() {
    check_error_fixture(
        "cong-thuc.xlsx",
        &[
            Expect::error("formula-no-value", "cong-thuc.xlsx")
                .sheet("Mẫu 04")
                .cell("AH3")
                .person("TN03"),
            Expect::error("formula-no-value", "cong-thuc.xlsx")
                .sheet("Mẫu 04")
                .cell("H4")
                .person("TN04"),
        ],
        Some(&["TN03", "TN04"]),
    );
}

#[test]
fn date_invalid_is_reported_on_its_cell() {
    check_error_fixture(
        "ngay-sai.xlsx",
        &[Expect::error("date-invalid", "ngay-sai.xlsx")
            .sheet("Danh sách")
            .cell("O5")
            .person("TN04")],
        Some(&["TN04"]),
    );
}

#[test]
fn unit_duplicate_is_reported_on_both_files_when_ngay_gui_cannot_order_them() {
    // Neither file has a `Ngày gửi`: which one the unit meant cannot be known, so both are
    // errors and the later path is used (SPEC §3 "Identity").
    let dir = fixture("trung-don-vi");
    let expected = [
        Expect::error("unit-duplicate", "trung-don-vi/a.xlsx")
            .sheet("Thông tin")
            .cell("B2"),
        Expect::error("unit-duplicate", "trung-don-vi/b.xlsx")
            .sheet("Thông tin")
            .cell("B2"),
    ];
    let (code, doc) = validate(&[&dir], &[]);
    assert_findings(&doc, &expected);
    assert_file(&doc, "trung-don-vi/a.xlsx", "loi");
    assert_file(&doc, "trung-don-vi/b.xlsx", "loi");
    assert_eq!(code, 1);

    let (code, doc) = evaluate(&[&dir], &[]);
    assert_findings(&doc, &expected);
    let units = doc["units"].as_array().expect("units");
    assert_eq!(units.len(), 1, "one unit, from b.xlsx: {units:#?}");
    assert!(path_ends_with(
        str_field(&units[0], "source"),
        "trung-don-vi/b.xlsx"
    ));
    assert_people(&doc, &base_people("TN", 5, &[]));
    assert_eq!(code, 1);
}

// ------------------------------------------------------------------ warnings

#[test]
fn form_size_is_a_warning_on_the_score_sheet() {
    check_warning_fixture(
        "co-mau.xlsx",
        &[Expect::warning("form-size", "co-mau.xlsx").sheet("Mẫu 04")],
        &base_people("TN", 22, &[]),
    );
}

#[test]
fn legacy_encoding_is_a_warning_and_names_are_converted() {
    check_warning_fixture(
        "ma-cu.xlsx",
        &[Expect::warning("legacy-encoding", "ma-cu.xlsx").sheet("Danh sách")],
        &base_people("TN", 5, &[]),
    );
    let (_, doc) = evaluate(&[fixture("ma-cu.xlsx")], &[]);
    for (n, name) in BASE_NAMES.iter().enumerate() {
        let id = format!("TN{:02}", n + 1);
        assert_eq!(person(&doc, &id)["name"], *name, "name of {id} in Unicode");
    }
}

#[test]
fn absence_mismatch_is_a_warning_on_the_days_cell() {
    check_warning_fixture(
        "nghi-lech.xlsx",
        &[Expect::warning("absence-mismatch", "nghi-lech.xlsx")
            .sheet("Danh sách")
            .cell("N5")
            .person("TN04")],
        &base_people("TN", 5, &[]),
    );
}

#[test]
fn headcount_mismatch_is_a_warning_on_the_headcount_cell() {
    check_warning_fixture(
        "so-nguoi.xlsx",
        &[Expect::warning("headcount-mismatch", "so-nguoi.xlsx")
            .sheet("Thông tin")
            .cell("B5")],
        &base_people("TN", 5, &[]),
    );
}

#[test]
fn late_is_a_warning_on_the_date_cell() {
    check_warning_fixture(
        "nop-muon.xlsx",
        &[Expect::warning("late", "nop-muon.xlsx")
            .sheet("Thông tin")
            .cell("B6")],
        &base_people("TN", 5, &[]),
    );
}

#[test]
fn strict_keeps_a_clean_file_at_exit_0() {
    let (code, doc) = validate(&[fixture("hop-le.xlsx")], &["--strict"]);
    assert_findings(&doc, &[]);
    assert_file(&doc, "hop-le.xlsx", "ok");
    assert_eq!(code, 0);
}

// ------------------------------------------------------- messages and CSV

/// Fixtures that each raise at least one finding when run alone.
const FINDING_FIXTURES: &[&str] = &[
    "hong.xlsx",
    "rong.xlsx",
    "thieu-sheet.xlsx",
    "thieu-cot.xlsx",
    "thieu-thong-tin.xlsx",
    "sai-thang.xlsx",
    "diem-chu.xlsx",
    "diem-ngoai-khung.xlsx",
    "diem-buoc.xlsx",
    "diem-trong.xlsx",
    "tong-sai.xlsx",
    "xep-loai-la.xlsx",
    "xep-loai-trong.xlsx",
    "trung-ma.xlsx",
    "khong-khop.xlsx",
    "sai-mau.xlsx",
    "cong-thuc.xlsx",
    "ngay-sai.xlsx",
    "trung-don-vi",
    "co-mau.xlsx",
    "ma-cu.xlsx",
    "nghi-lech.xlsx",
    "so-nguoi.xlsx",
    "nop-muon.xlsx",
];

/// Letters that only Vietnamese text has (not in English nor in plain ASCII).
fn has_vietnamese_letter(s: &str) -> bool {
    s.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

/// The text with every '…'-quoted part removed (quoted cell values and sheet
/// names stay Vietnamese in any language).
fn unquoted(s: &str) -> String {
    s.split('\'').step_by(2).collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

const ENGLISH_WORDS: &[&str] = &[
    "the", "is", "not", "has", "must", "of", "in", "a", "an", "and", "or", "but", "to", "from",
    "at", "on", "for", "with", "no", "this", "it", "them", "says", "people", "make", "add", "use",
    "write", "only",
];

#[test]
fn messages_are_vietnamese_by_default_and_english_with_lang_en() {
    let mut seen = 0;
    for name in FINDING_FIXTURES {
        let path = fixture(name);
        let (_, vi) = validate(&[&path], &[]);
        let (_, en) = validate(&[&path], &["--lang", "en"]);
        // The language changes the messages only.
        assert_eq!(
            findings(&vi),
            findings(&en),
            "{name}: findings differ by language"
        );
        let vi_f = finding_values(&vi);
        let en_f = finding_values(&en);
        for (v, e) in vi_f.iter().zip(en_f) {
            seen += 1;
            let vm = str_field(v, "message");
            let em = str_field(e, "message");
            assert!(
                !vm.trim().is_empty(),
                "{name}: empty Vietnamese message: {v}"
            );
            assert!(!em.trim().is_empty(), "{name}: empty English message: {e}");
            assert_ne!(vm, em, "{name}: --lang en must change the message");
            assert!(
                has_vietnamese_letter(&unquoted(vm)),
                "{name}: the default message is not Vietnamese: {vm}"
            );
            let vw = words(&unquoted(vm));
            assert!(
                !vw.iter()
                    .any(|w| ["the", "is", "has", "must"].contains(&w.as_str())),
                "{name}: the Vietnamese message has English words: {vm}"
            );
            let ew = words(&unquoted(em));
            assert!(
                ew.iter().any(|w| ENGLISH_WORDS.contains(&w.as_str())),
                "{name}: the --lang en message is not English: {em}"
            );
            assert!(
                !ew.iter()
                    .any(|w| ["không", "phải", "được", "là"].contains(&w.as_str())),
                "{name}: the English message has Vietnamese words: {em}"
            );
        }
    }
    assert!(seen >= 25, "only {seen} findings seen across the fixtures");

    // Numbers follow the language: 8,3 in Vietnamese, 8.3 in English.
    let path = fixture("diem-buoc.xlsx");
    let (_, vi) = validate(&[&path], &[]);
    let (_, en) = validate(&[&path], &["--lang", "en"]);
    let vm = str_field(&finding_values(&vi)[0], "message");
    let em = str_field(&finding_values(&en)[0], "message");
    assert!(vm.contains("8,3") && !vm.contains("8.3"), "vi: {vm}");
    assert!(em.contains("8.3") && !em.contains("8,3"), "en: {em}");
}

#[test]
fn csv_format_prints_a_header_and_one_row_per_finding() {
    // Two findings with commas and quotes in their messages, plus a file with
    // no sheet, cell nor person.
    let paths = [fixture("cong-thuc.xlsx"), fixture("hong.xlsx")];
    let (_, json) = validate(&paths, &[]);
    let out = danhgia()
        .arg("validate")
        .args(&paths)
        .args(["--format", "csv"])
        .output()
        .expect("danhgia runs");
    assert_eq!(exit_code(&out), 1, "csv output keeps the exit code");
    let stdout = String::from_utf8(out.stdout).expect("csv is UTF-8");
    assert_eq!(
        stdout.lines().next(),
        Some("severity,code,file,sheet,cell,person,message"),
        "csv header:\n{stdout}"
    );
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("well-formed csv");
    let expected = finding_values(&json);
    assert_eq!(rows.len(), 3, "one row per finding:\n{stdout}");
    assert_eq!(rows.len(), expected.len(), "one row per finding:\n{stdout}");
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut got: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    let mut want: Vec<Vec<String>> = expected
        .iter()
        .map(|f| {
            [
                "severity", "code", "file", "sheet", "cell", "person", "message",
            ]
            .iter()
            .map(|k| text(&f[*k]))
            .collect()
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "csv rows and json findings differ");
}
