//! `run --don-vi` and `validate --don-vi` (SPEC §4): the list of expected units. A unit that sent
//! nothing is `unit-missing` and a "Chưa gửi" row of its bloc's mẫu 07, of the whole-district
//! result and of the run's summary; a unit sent late is `late`, once, and still counted; the
//! list's own faults are findings on it; a list that cannot be read stops the command; `merge`
//! reads a "Chưa gửi" row back without counting it.

mod book;
mod common;

use book::{date, t, Unit};
use calamine::{open_workbook_auto, Data, Range, Reader};
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The units of the demo quarter (`examples/2024-Q1`): code, name, bloc.
const DEMO: [(&str, &str, &str); 10] = [
    ("TCKH", "Phòng Tài chính - Kế hoạch", "Chính quyền"),
    ("NV", "Phòng Nội vụ", "Chính quyền"),
    ("UBBD", "UBND phường Bồ Đề", "Chính quyền"),
    ("VP", "Văn phòng HĐND và UBND quận", "Chính quyền"),
    ("BTC", "Ban Tổ chức Quận ủy", "Đảng - Đoàn thể"),
    ("MTTQ", "Ủy ban MTTQ Việt Nam quận", "Đảng - Đoàn thể"),
    ("DUBD", "Đảng ủy phường Bồ Đề", "Đảng - Đoàn thể"),
    ("MNHS", "Trường Mầm non Hoa Sữa", "Trường học"),
    ("THGT", "Trường Tiểu học Gia Thụy", "Trường học"),
    ("THCSNL", "Trường THCS Ngọc Lâm", "Trường học"),
];

/// The first row of units in the lists [`units_list`] writes (zero-based): a title, a blank
/// row, the header, then the units.
const FIRST_UNIT: usize = 3;

/// A list of expected units as an office types it: a title line, a blank row, the header
/// `STT | Mã đơn vị | Đơn vị | Khối | Ghi chú`, one row per unit, a total line.
fn units_list(path: &Path, rows: &[(&str, &str, &str)]) -> PathBuf {
    units_list_with(
        path,
        &["STT", "Mã đơn vị", "Đơn vị", "Khối", "Ghi chú"],
        rows,
    )
}

fn units_list_with(path: &Path, headers: &[&str], rows: &[(&str, &str, &str)]) -> PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sách đơn vị").unwrap();
    ws.write_string(0, 0, "DANH SÁCH ĐƠN VỊ GỬI SỔ QUÝ I/2024")
        .unwrap();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (i, (code, name, bloc)) in rows.iter().enumerate() {
        let r = (FIRST_UNIT + i) as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        let values = [*code, *name, *bloc];
        for (c, v) in values.iter().enumerate().take(headers.len() - 1) {
            ws.write_string(r, c as u16 + 1, *v).unwrap();
        }
    }
    let total = (FIRST_UNIT + rows.len()) as u32;
    ws.write_string(total, 2, format!("Tổng cộng: {} đơn vị", rows.len()))
        .unwrap();
    wb.save(path).unwrap();
    path.to_path_buf()
}

/// The A1 cell of column `col` (0-based) on the row of the `i`-th unit of a list.
fn list_cell(col: char, i: usize) -> String {
    format!("{col}{}", FIRST_UNIT + i + 1)
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("{} {name}: {e}", path.display()))
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

/// The rows of a summary sheet below its header, as text (blank cells as "").
fn table(r: &Range<Data>) -> Vec<Vec<String>> {
    let rows: Vec<Vec<String>> = r.rows().map(|row| row.iter().map(text).collect()).collect();
    let header = rows
        .iter()
        .position(|row| row.first().map(String::as_str) == Some("STT"))
        .expect("a header row");
    rows[header + 1..].to_vec()
}

/// The row of a table naming `unit` in its `Đơn vị` column.
fn row_of<'a>(rows: &'a [Vec<String>], unit: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r.get(1).map(String::as_str) == Some(unit))
        .unwrap_or_else(|| panic!("no row for {unit}: {rows:#?}"))
}

/// The five counts of a row (Tổng số, không đánh giá, được đánh giá, đạt, không đạt).
fn counts(row: &[String]) -> [u64; 5] {
    [2, 3, 4, 5, 7].map(|c| {
        row[c]
            .parse::<f64>()
            .unwrap_or_else(|_| panic!("no number in column {c}: {row:?}")) as u64
    })
}

/// A "Chưa gửi" row: STT, the name, no number, the note.
fn assert_uncounted(row: &[String], note: &str) {
    assert!(row[0].parse::<f64>().is_ok(), "numbered: {row:?}");
    for c in 2..8 {
        assert_eq!(row[c], "", "column {c} blank: {row:?}");
    }
    assert_eq!(row[8], note, "{row:?}");
}

/// The findings of a document with this code.
fn with_code<'a>(doc: &'a Value, code: &str) -> Vec<&'a Value> {
    finding_values(doc)
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

/// The acceptance test of the issue: the demo quarter, a unit sent late and a list that names
/// one unit more than were sent.
#[test]
fn one_unit_missing_and_one_late_give_the_two_warnings_and_the_chua_gui_row() {
    let tmp = tempfile::tempdir().unwrap();
    let late_dir = tmp.path().join("muon");
    std::fs::create_dir_all(&late_dir).unwrap();
    let mut late = Unit::new("TN", 5);
    // The mẫu 06 deadline of quarter I/2024 is Thursday 28/03/2024.
    late.sent = date(29, 3, 2024);
    late.save(&late_dir, "tn.xlsx");
    let mut rows = DEMO.to_vec();
    rows.push(("TN", "Phòng Thử nghiệm", "Chính quyền"));
    rows.push(("YT", "Phòng Y tế", "Chính quyền"));
    let list = units_list(&tmp.path().join("danh-sach.xlsx"), &rows);
    let out = tmp.path().join("ket-qua");

    let o = run_raw(&[
        "run",
        &s(&demo_dir()),
        &s(&late_dir),
        "-o",
        &s(&out),
        "--don-vi",
        &s(&list),
        "--format",
        "json",
    ]);
    assert_eq!(
        exit_code(&o),
        1,
        "the demo's four errors: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let summary = parse_json(&o);
    assert_eq!(
        summary["missing"],
        serde_json::json!([{"code": "YT", "name": "Phòng Y tế", "bloc": "chinh-quyen"}])
    );
    assert_eq!(summary["unlisted"], serde_json::json!([]));
    assert_eq!(summary["units"], 11, "the late unit is counted");

    // The two warnings, each once, where they belong.
    let doc: Value =
        serde_json::from_slice(&std::fs::read(out.join("ket-qua.json")).unwrap()).unwrap();
    let missing = with_code(&doc, "unit-missing");
    assert_eq!(missing.len(), 1, "{missing:#?}");
    let m = missing[0];
    assert_eq!(m["severity"], "warning");
    assert!(
        path_ends_with(str_field(m, "file"), "danh-sach.xlsx"),
        "{m}"
    );
    assert_eq!(m["sheet"], "Danh sách đơn vị");
    assert_eq!(m["cell"], list_cell('C', 11).as_str());
    let message = str_field(m, "message");
    for part in ["Phòng Y tế", "YT", "Chính quyền", "chưa gửi"] {
        assert!(message.contains(part), "{message}");
    }
    let late = with_code(&doc, "late");
    assert_eq!(late.len(), 1, "raised once for the unit: {late:#?}");
    assert!(path_ends_with(str_field(late[0], "file"), "muon/tn.xlsx"));
    assert_eq!(late[0]["cell"], "B6");
    assert!(
        doc["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["code"] == "TN"),
        "a late mẫu 06 is still counted"
    );

    // Mẫu 07 of the bloc: the late unit counted, the missing one shown and not counted.
    let m07 = table(&sheet(&out.join("khoi/chinh-quyen-mau-07.xlsx"), "Mẫu 07"));
    assert_uncounted(row_of(&m07, "Phòng Y tế"), "Chưa gửi");
    let tn = counts(row_of(&m07, "Phòng Thử nghiệm"));
    assert_eq!(tn[0], 6);
    let total = m07
        .iter()
        .find(|r| r[0] == "Tổng cộng")
        .expect("a total row");
    let units: Vec<[u64; 5]> = m07
        .iter()
        .filter(|r| r[0].parse::<f64>().is_ok() && !r[2].is_empty())
        .map(|r| counts(r))
        .collect();
    assert_eq!(units.len(), 5, "4 demo units and the late one");
    let sum: [u64; 5] = std::array::from_fn(|c| units.iter().map(|u| u[c]).sum());
    assert_eq!(counts(total), sum, "the row 'Chưa gửi' adds nothing");
    let last = m07.iter().position(|r| r[0] == "Tổng cộng").unwrap();
    assert_eq!(
        m07[last - 1][1],
        "Phòng Y tế",
        "after the units counted, before the total"
    );

    // The whole district: the row within its bloc, before the bloc's subtotal.
    let district = table(&sheet(&out.join("toan-quan.xlsx"), "Toàn quận"));
    let at = |label: &str| {
        district
            .iter()
            .position(|r| r[0] == label || r[1] == label)
            .unwrap_or_else(|| panic!("no {label}: {district:#?}"))
    };
    let row = at("Phòng Y tế");
    assert!(at("II. KHỐI CHÍNH QUYỀN") < row && row < at("Cộng khối Chính quyền"));
    assert_uncounted(&district[row], "Chưa gửi");
    let grand = district
        .iter()
        .find(|r| r[0] == "TỔNG CỘNG TOÀN QUẬN")
        .unwrap();
    assert_eq!(counts(grand)[0], 179 + 6);

    // validate says the same, in its JSON document.
    let (code, v) = validate(&[demo_dir(), late_dir.clone()], &["--don-vi", &s(&list)]);
    assert_eq!(code, 1);
    let vm = with_code(&v, "unit-missing");
    assert_eq!(vm.len(), 1);
    assert_eq!(vm[0]["cell"], list_cell('C', 11).as_str());
    assert_eq!(with_code(&v, "late").len(), 1);
    let entry = file_entry(&v, "danh-sach.xlsx");
    assert_eq!(entry["status"], "canh-bao");
    assert_eq!(entry["warnings"], 1);
}

/// Warnings only: exit 0, and 1 with `--strict`; the text summaries name the unit not sent.
#[test]
fn a_missing_unit_is_a_warning_named_in_the_summaries() {
    let tmp = tempfile::tempdir().unwrap();
    let book = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let list = units_list(
        &tmp.path().join("ds.xlsx"),
        &[
            ("TN", "Phòng Thử nghiệm", "Chính quyền"),
            ("YT", "Phòng Y tế", "Khối Chính quyền"),
        ],
    );
    let (code, doc) = validate(&[&book], &["--don-vi", &s(&list)]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(
        findings(&doc),
        [(
            "warning".to_string(),
            "unit-missing".to_string(),
            Some("Danh sách đơn vị".to_string()),
            Some(list_cell('C', 1)),
            None
        )]
    );
    let (code, _) = validate(&[&book], &["--don-vi", &s(&list), "--strict"]);
    assert_eq!(code, 1);

    let o = run_raw(&["validate", &s(&book), "--don-vi", &s(&list)]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains(
            "Chưa gửi (1 đơn vị trong danh sách đơn vị):\n  YT – Phòng Y tế (khối Chính quyền)\n"
        ),
        "{text}"
    );
    let out = tmp.path().join("kq");
    let o = run_raw(&[
        "--lang",
        "en",
        "run",
        &s(&book),
        "-o",
        &s(&out),
        "--don-vi",
        &s(&list),
    ]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains(
            "Not sent (1 unit of the list of units):\n  YT – Phòng Y tế (Chính quyền bloc)\n"
        ),
        "{text}"
    );
}

/// A unit read that the list does not name: no finding, named in the summary.
#[test]
fn a_unit_not_on_the_list_is_named_in_the_summary_only() {
    let tmp = tempfile::tempdir().unwrap();
    let tn = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let mut other = Unit::with_names("KH", 3, 5);
    other.name = t("Phòng Kinh tế");
    let kh = other.save(tmp.path(), "kh.xlsx");
    let list = units_list(
        &tmp.path().join("ds.xlsx"),
        // By name: the list writes no code for it.
        &[("", "PHÒNG THỬ NGHIỆM", "Chính quyền")],
    );
    let (code, doc) = validate(&[&tn, &kh], &["--don-vi", &s(&list)]);
    assert_eq!(code, 0);
    assert_eq!(findings(&doc), []);
    let o = run_raw(&[
        "run",
        &s(&tn),
        &s(&kh),
        "-o",
        &s(&tmp.path().join("kq")),
        "--don-vi",
        &s(&list),
        "--format",
        "json",
    ]);
    let summary = parse_json(&o);
    assert_eq!(summary["missing"], serde_json::json!([]));
    let unlisted = summary["unlisted"].as_array().unwrap();
    assert_eq!(unlisted.len(), 1, "{summary:#}");
    assert_eq!(unlisted[0]["code"], "KH");
    assert_eq!(unlisted[0]["name"], "Phòng Kinh tế");
    assert_eq!(unlisted[0]["bloc"], "chinh-quyen");
    assert!(path_ends_with(str_field(&unlisted[0], "file"), "kh.xlsx"));
}

/// A unit whose workbook came but cannot be counted is no `unit-missing` (its own errors say
/// why): mẫu 07 shows it as sent with errors, not counted.
#[test]
fn a_unit_whose_workbook_is_not_counted_is_not_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let tn = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let mut broken = Unit::with_names("HL", 3, 6);
    broken.name = t("Phòng Hạ tầng");
    broken.bloc = t("Doanh nghiệp");
    let hl = broken.save(tmp.path(), "hl.xlsx");
    let list = units_list(
        &tmp.path().join("ds.xlsx"),
        &[
            ("TN", "Phòng Thử nghiệm", "Chính quyền"),
            ("HL", "Phòng Hạ tầng", "Chính quyền"),
        ],
    );
    let out = tmp.path().join("kq");
    let o = run_raw(&[
        "run",
        &s(&tn),
        &s(&hl),
        "-o",
        &s(&out),
        "--don-vi",
        &s(&list),
        "--format",
        "json",
    ]);
    assert_eq!(exit_code(&o), 1, "the bad Khối is an error");
    let summary = parse_json(&o);
    assert_eq!(summary["missing"], serde_json::json!([]));
    let doc: Value =
        serde_json::from_slice(&std::fs::read(out.join("ket-qua.json")).unwrap()).unwrap();
    assert_eq!(with_code(&doc, "unit-missing").len(), 0);
    let m07 = table(&sheet(&out.join("khoi/chinh-quyen-mau-07.xlsx"), "Mẫu 07"));
    assert_uncounted(
        row_of(&m07, "Phòng Hạ tầng"),
        "Đã gửi, sổ có lỗi: chưa tính",
    );
}

/// The list's own faults are findings on it (errors: exit 1), never a crash; the rows at
/// fault are not used.
#[test]
fn a_list_with_a_bad_bloc_word_and_a_duplicate_code() {
    let tmp = tempfile::tempdir().unwrap();
    let book = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let list = units_list(
        &tmp.path().join("ds.xlsx"),
        &[
            ("TN", "Phòng Thử nghiệm", "Chính quyền"),
            ("YT", "Phòng Y tế", "Doanh nghiệp"),
            ("tn", "Phòng Thử nghiệm (ghi lần hai)", "Chính quyền"),
            ("VH", "Phòng Văn hóa", "chinh-quyen"),
        ],
    );
    let (code, doc) = validate(&[&book], &["--don-vi", &s(&list)]);
    assert_eq!(code, 1, "{doc:#}");
    let got: Vec<(String, String, Option<String>)> = findings(&doc)
        .into_iter()
        .map(|(sev, code, _, cell, _)| (sev, code, cell))
        .collect();
    assert_eq!(
        got,
        [
            (
                "error".into(),
                "info-missing".into(),
                Some(list_cell('D', 1))
            ),
            (
                "error".into(),
                "unit-duplicate".into(),
                Some(list_cell('C', 2))
            ),
            // The bloc's code is a bloc word too; this unit sent nothing.
            (
                "warning".into(),
                "unit-missing".into(),
                Some(list_cell('C', 3))
            ),
        ]
    );
    let messages: Vec<&str> = finding_values(&doc)
        .iter()
        .map(|f| str_field(f, "message"))
        .collect();
    assert!(
        messages[0].contains("Doanh nghiệp") && messages[0].contains("Chính quyền"),
        "{}",
        messages[0]
    );
    assert!(messages[1].contains(&list_cell('C', 0)), "{}", messages[1]);
    assert_eq!(file_entry(&doc, "ds.xlsx")["status"], "loi");

    // run: exit 1, and the row at fault gives no "Chưa gửi" row.
    let out = tmp.path().join("kq");
    let o = run_raw(&["run", &s(&book), "-o", &s(&out), "--don-vi", &s(&list)]);
    assert_eq!(exit_code(&o), 1);
    let m07 = table(&sheet(&out.join("khoi/chinh-quyen-mau-07.xlsx"), "Mẫu 07"));
    assert!(!m07.iter().any(|r| r[1] == "Phòng Y tế"), "{m07:#?}");
    assert_uncounted(row_of(&m07, "Phòng Văn hóa"), "Chưa gửi");
}

/// A list without its `Khối` column: `column-missing`, nothing matched.
#[test]
fn a_list_without_its_bloc_column() {
    let tmp = tempfile::tempdir().unwrap();
    let book = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let list = units_list_with(
        &tmp.path().join("ds.xlsx"),
        &["STT", "Mã ĐV", "Tên đơn vị"],
        &[("TN", "Phòng Thử nghiệm", ""), ("YT", "Phòng Y tế", "")],
    );
    let (code, doc) = validate(&[&book], &["--don-vi", &s(&list)]);
    assert_eq!(code, 1);
    let codes: Vec<String> = findings(&doc).into_iter().map(|f| f.1).collect();
    assert_eq!(codes, ["column-missing"]);
    assert!(str_field(&finding_values(&doc)[0], "message").contains("'Khối'"));
}

/// A list that cannot be read stops the command (exit 2), as a profile does; nothing is
/// written.
#[test]
fn a_list_that_cannot_be_read_stops_the_command() {
    let tmp = tempfile::tempdir().unwrap();
    let book = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let bad = tmp.path().join("ds.xlsx");
    std::fs::write(&bad, "Mã đơn vị;Đơn vị;Khối\n").unwrap();
    for list in [bad.clone(), tmp.path().join("khong-co.xlsx")] {
        let o = run_raw(&["validate", &s(&book), "--don-vi", &s(&list)]);
        assert_eq!(exit_code(&o), 2);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--don-vi") && err.contains(&s(&list)), "{err}");
        let out = tmp.path().join("kq");
        let o = run_raw(&[
            "--lang",
            "en",
            "run",
            &s(&book),
            "-o",
            &s(&out),
            "--don-vi",
            &s(&list),
        ]);
        assert_eq!(exit_code(&o), 2);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("cannot read the list of units"), "{err}");
        assert!(!out.exists(), "nothing written, not even the folder");
    }
}

/// The list inside a folder of workbooks given is the list, never read as a unit's workbook.
#[test]
fn the_list_among_the_workbooks_is_read_as_the_list_only() {
    let tmp = tempfile::tempdir().unwrap();
    Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let list = units_list(
        &tmp.path().join("ds.xlsx"),
        &[("TN", "Phòng Thử nghiệm", "Chính quyền")],
    );
    let (code, doc) = validate(&[tmp.path()], &["--don-vi", &s(&list)]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(findings(&doc), []);
    assert_eq!(doc["files"].as_array().unwrap().len(), 2);
}

/// `merge` reads the "Chưa gửi" rows of this tool's mẫu 07 — a bloc with units counted, and a
/// bloc where no unit sent anything — without counting them and without a finding, and shows
/// them in the whole-district result.
#[test]
fn merge_reads_the_chua_gui_rows_back() {
    let tmp = tempfile::tempdir().unwrap();
    let book = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let list = units_list(
        &tmp.path().join("ds.xlsx"),
        &[
            ("TN", "Phòng Thử nghiệm", "Chính quyền"),
            ("YT", "Phòng Y tế", "Chính quyền"),
            ("MNHS", "Trường Mầm non Hoa Sữa", "Trường học"),
        ],
    );
    let out = tmp.path().join("kq");
    let o = run_raw(&["run", &s(&book), "-o", &s(&out), "--don-vi", &s(&list)]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let schools = out.join("khoi/truong-hoc-mau-07.xlsx");
    assert_uncounted(
        row_of(&table(&sheet(&schools, "Mẫu 07")), "Trường Mầm non Hoa Sữa"),
        "Chưa gửi",
    );
    let merged = tmp.path().join("toan-quan.xlsx");
    let o = run_raw(&[
        "--lang",
        "en",
        "merge",
        &s(&out.join("khoi/chinh-quyen-mau-07.xlsx")),
        &s(&schools),
        "-o",
        &s(&merged),
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        exit_code(&o),
        0,
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        !stdout.contains("error") && !stdout.contains("warning"),
        "{stdout}"
    );
    assert!(
        stdout.contains(", 1 unit for "),
        "one unit counted: {stdout}"
    );
    let district = table(&sheet(&merged, "Toàn quận"));
    assert_uncounted(row_of(&district, "Phòng Y tế"), "Chưa gửi");
    assert_uncounted(row_of(&district, "Trường Mầm non Hoa Sữa"), "Chưa gửi");
    let grand = district
        .iter()
        .find(|r| r[0].starts_with("TỔNG CỘNG"))
        .unwrap();
    assert_eq!(counts(grand)[0], 4, "the 4 people of the one unit counted");
}

/// A mẫu 07 typed by hand with a unit "Chưa nộp" (no numbers) among its units: not counted, no
/// finding, its total checked against the units counted.
#[test]
fn merge_reads_a_hand_typed_row_of_a_unit_that_sent_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("chinh-quyen.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(
        0,
        0,
        "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024",
    )
    .unwrap();
    ws.write_string(1, 0, "Khối: Chính quyền").unwrap();
    let headers = [
        "STT",
        "Đơn vị",
        "Tổng số CBCCVC, NLĐ",
        "Số không đánh giá",
        "Số được đánh giá",
        "Số đạt",
        "Số không đạt",
        "Ghi chú",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    let rows: [(&str, Option<[f64; 5]>, &str); 3] = [
        ("Phòng Nội vụ", Some([10.0, 0.0, 10.0, 4.0, 6.0]), ""),
        ("Phòng Y tế", None, "Chưa nộp báo cáo"),
        ("Phòng Tư pháp", Some([8.0, 1.0, 7.0, 3.0, 4.0]), ""),
    ];
    for (i, (name, n, note)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        if let Some(n) = n {
            for (k, v) in n.iter().enumerate() {
                ws.write_number(r, 2 + k as u16, *v).unwrap();
            }
        }
        ws.write_string(r, 7, *note).unwrap();
    }
    ws.write_string(7, 1, "Tổng cộng").unwrap();
    for (k, v) in [18.0, 1.0, 17.0, 7.0, 10.0].iter().enumerate() {
        ws.write_number(7, 2 + k as u16, *v).unwrap();
    }
    wb.save(&path).unwrap();
    let merged = tmp.path().join("toan-quan.xlsx");
    let o = run_raw(&["--lang", "en", "merge", &s(&path), "-o", &s(&merged)]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(exit_code(&o), 0, "{stdout}");
    // The only finding: the bloc sent no list of people đạt.
    assert!(!stdout.contains("error"), "{stdout}");
    assert_eq!(stdout.matches("warning").count(), 1, "{stdout}");
    assert!(stdout.contains("warning list-missing"), "{stdout}");
    assert!(stdout.contains("2 units"), "{stdout}");
    let district = table(&sheet(&merged, "Toàn quận"));
    assert_uncounted(row_of(&district, "Phòng Y tế"), "Chưa nộp báo cáo");
}

/// The template of the list (filled, it is read back as written: see the writer's own test).
#[test]
fn the_template_of_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let tpl = tmp.path().join("danh-sach-don-vi.xlsx");
    let o = run_raw(&["template", "danh-sach-don-vi", "-o", &s(&tpl)]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("--don-vi"));
    // Blank, it lists nobody: said, not taken as "every unit sent".
    let book = Unit::new("TN", 3).save(tmp.path(), "tn.xlsx");
    let (code, doc) = validate(&[&book], &["--don-vi", &s(&tpl)]);
    assert_eq!(code, 1);
    let codes: Vec<String> = findings(&doc).into_iter().map(|f| f.1).collect();
    assert_eq!(codes, ["info-missing"]);
    // Options of the unit workbook are refused.
    let o = run_raw(&[
        "template",
        "danh-sach-don-vi",
        "-q",
        "2024-Q1",
        "-o",
        &s(&tmp.path().join("x.xlsx")),
    ]);
    assert_eq!(exit_code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("-q"));
}
