//! Monthly rating lists (SPEC §3): the fixtures of fixtures/danh-sach-thang/README.md, then
//! layouts and faults built here — a list with a column per month under a group heading, a list
//! of another quarter, an unreadable rating, two lists that disagree, a name shared by two
//! people, a unit named that sent nothing.

mod common;

use common::*;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn folder(name: &str) -> PathBuf {
    fixture(&format!("danh-sach-thang/{name}"))
}

fn statuses(doc: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = all_people(doc)
        .iter()
        .map(|p| {
            (
                str_field(p, "id").to_string(),
                str_field(p, "status").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn all(ids: &[&str], status: &str) -> Vec<(String, String)> {
    ids.iter()
        .map(|i| (i.to_string(), status.to_string()))
        .collect()
}

fn sorted(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v
}

#[test]
fn one_list_per_month_fills_every_blank_month() {
    let (code, doc) = evaluate(&[folder("moi-thang-mot-tep")], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(
        statuses(&doc),
        all(&["TN01", "TN02", "TN03", "TN04", "TN05"], "dat")
    );
    let p = person(&doc, "TN03");
    assert_eq!(p["ratings"], serde_json::json!(["xuat-sac", "tot", "tot"]));
    let (code, v) = validate(&[folder("moi-thang-mot-tep")], &[]);
    assert_eq!(code, 0);
    for f in [
        "so-danh-gia.xlsx",
        "xep-loai-thang-1.xlsx",
        "xep-loai-thang-2.xlsx",
        "xep-loai-thang-3.xlsx",
    ] {
        assert_file(&v, f, "ok");
    }
}

#[test]
fn one_file_with_a_sheet_per_month_matched_by_folder() {
    let (code, doc) = evaluate(&[folder("mot-tep-ba-trang")], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(
        statuses(&doc),
        all(&["KD01", "KD02", "KD03", "KD04", "KD05"], "dat")
    );
}

#[test]
fn a_software_export_with_titles_and_a_month_column() {
    let (code, doc) = evaluate(&[folder("xuat-tu-phan-mem")], &[]);
    assert_eq!(code, 0, "a warning only: {doc}");
    assert_findings(
        &doc,
        &[
            Expect::warning("person-unmatched", "ket-xuat-xep-loai.xlsx")
                .sheet("KetQua")
                .cell("F13"),
        ],
    );
    assert_eq!(
        statuses(&doc),
        all(&["XD01", "XD02", "XD03", "XD04", "XD05"], "dat")
    );
    let (_, v) = validate(&[folder("xuat-tu-phan-mem")], &[]);
    assert_file(&v, "ket-xuat-xep-loai.xlsx", "canh-bao");
    assert_file(&v, "xuat-tu-phan-mem/so-danh-gia.xlsx", "ok");
}

#[test]
fn a_list_that_contradicts_a_filled_cell_leaves_the_person_undecided() {
    let (code, doc) = evaluate(&[folder("mau-thuan")], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[
            Expect::error("rating-conflict", "mau-thuan/xep-loai-thang-2.xlsx")
                .sheet("Tháng 2")
                .cell("D6")
                .person("DC03"),
        ],
    );
    let mut expected = all(&["DC01", "DC02", "DC04", "DC05"], "dat");
    expected.push(("DC03".into(), "loi".into()));
    assert_eq!(statuses(&doc), sorted(expected), "{doc}");
    // The blank month 2 of DC05 was filled by the list.
    assert_eq!(
        person(&doc, "DC05")["ratings"],
        serde_json::json!(["xuat-sac", "tot", "tot"])
    );
    let message = str_field(&finding_values(&doc)[0], "message");
    assert!(
        message.contains("J4") && message.contains("HTNV") && message.contains("HTTNV"),
        "the message names both values and the workbook's cell: {message}"
    );
}

#[test]
fn a_conflict_about_a_failed_month_leaves_the_leader_undecided() {
    let (code, doc) = evaluate(&[folder("mau-thuan-khtnv")], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[
            Expect::error("rating-conflict", "mau-thuan-khtnv/xep-loai-thang-2.xlsx")
                .sheet("Tháng 2")
                .cell("D7")
                .person("LD04"),
            Expect::error("scope-unknown", "mau-thuan-khtnv/so-danh-gia.xlsx")
                .sheet("Danh sách")
                .cell("J5")
                .person("LD01"),
        ],
    );
    let mut expected = all(&["LD02", "LD03", "LD05"], "dat");
    expected.extend(all(&["LD01", "LD04"], "loi"));
    assert_eq!(statuses(&doc), sorted(expected), "{doc}");
}

#[test]
fn a_list_of_no_known_unit_fills_nothing() {
    let (code, doc) = evaluate(&[folder("khong-ro-don-vi")], &[]);
    assert_eq!(code, 1);
    let mut expected =
        vec![Expect::error("list-unit-unknown", "khong-ro-don-vi/xep-loai.xlsx").sheet("Tháng 1")];
    for (file, unit) in [("phong-mot.xlsx", "P1"), ("phong-hai.xlsx", "P2")] {
        for n in 1..=5u32 {
            for col in ["I", "J", "K"] {
                let cell: &'static str = Box::leak(format!("{col}{}", n + 1).into_boxed_str());
                let id: &'static str = Box::leak(format!("{unit}0{n}").into_boxed_str());
                let file: &'static str =
                    Box::leak(format!("khong-ro-don-vi/{file}").into_boxed_str());
                expected.push(
                    Expect::error("rating-missing", file)
                        .sheet("Danh sách")
                        .cell(cell)
                        .person(id),
                );
            }
        }
    }
    assert_findings(&doc, &expected);
    assert!(statuses(&doc).iter().all(|(_, s)| s == "loi"));
    assert_eq!(statuses(&doc).len(), 10);
}

// ---------------------------------------------------------------------------------------------
// Layouts and faults built here.

/// A list workbook: one sheet per (name, rows of cells).
fn write_list(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, *v).expect("cell");
                }
            }
        }
    }
    wb.save(path).expect("save list");
}

/// A temp folder holding a copy of a fixture unit workbook (months blank).
fn folder_with_unit(unit_from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        folder(unit_from).join("so-danh-gia.xlsx"),
        dir.path().join("so-danh-gia.xlsx"),
    )
    .expect("copy unit");
    dir
}

const NAMES: [&str; 5] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Cường",
    "Phạm Thu Hằng",
    "Hoàng Đức Dũng",
];

#[test]
fn a_column_per_month_under_a_group_heading() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let mut rows = vec![
        vec!["DANH SÁCH XẾP LOẠI QUÝ I/2024"],
        vec!["STT", "Họ và tên", "Xếp loại", "", ""],
        vec!["", "", "T1", "T2", "T3"],
    ];
    for (i, n) in NAMES.iter().enumerate() {
        let stt = ["1", "2", "3", "4", "5"][i];
        rows.push(vec![stt, n, "Hoàn thành xuất sắc", "B", "b"]);
    }
    write_list(&dir.path().join("xl.xlsx"), &[("DS", rows)]);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(
        statuses(&doc),
        all(&["KD01", "KD02", "KD03", "KD04", "KD05"], "dat")
    );
    assert_eq!(
        person(&doc, "KD05")["ratings"],
        serde_json::json!(["xuat-sac", "tot", "tot"])
    );
}

#[test]
fn a_list_of_another_quarter_is_refused_and_fills_nothing() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let mut rows = vec![
        vec!["Danh sách xếp loại tháng 4 năm 2024"],
        vec!["STT", "Mã CB", "Họ và tên", "Xếp loại"],
    ];
    let ids = ["KD01", "KD02", "KD03", "KD04", "KD05"];
    for (i, n) in NAMES.iter().enumerate() {
        rows.push(vec!["", ids[i], n, "HTTNV"]);
    }
    write_list(&dir.path().join("thang-4.xlsx"), &[("Sheet1", rows)]);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    let month_mismatch: Vec<_> = findings(&doc)
        .into_iter()
        .filter(|f| f.1 == "month-mismatch")
        .collect();
    assert_eq!(month_mismatch.len(), 1, "{doc}");
    assert_eq!(month_mismatch[0].2.as_deref(), Some("Sheet1"));
    assert_eq!(
        findings(&doc)
            .iter()
            .filter(|f| f.1 == "rating-missing")
            .count(),
        15,
        "no month was filled"
    );
}

#[test]
fn an_unreadable_rating_in_a_list_is_reported_and_fills_nothing() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let mut sheets = Vec::new();
    for (m, sheet) in ["Tháng 1", "Tháng 2", "Tháng 3"].iter().enumerate() {
        let mut rows = vec![vec!["Mã CB", "Họ và tên", "Xếp loại"]];
        for (i, n) in NAMES.iter().enumerate() {
            let id = ["KD01", "KD02", "KD03", "KD04", "KD05"][i];
            let rating = match (m, i) {
                (1, 2) => "Tốt lắm",
                (0, _) => "HTXSNV",
                _ => "HTTNV",
            };
            rows.push(vec![id, n, rating]);
        }
        sheets.push((*sheet, rows));
    }
    write_list(&dir.path().join("ds.xlsx"), &sheets);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[
            Expect::error("rating-unknown", "ds.xlsx")
                .sheet("Tháng 2")
                .cell("C4"),
            Expect::error("rating-missing", "so-danh-gia.xlsx")
                .sheet("Danh sách")
                .cell("J4")
                .person("KD03"),
            Expect::error("scope-unknown", "so-danh-gia.xlsx")
                .sheet("Danh sách")
                .cell("J4")
                .person("KD01"),
        ],
    );
    let mut expected = all(&["KD02", "KD04", "KD05"], "dat");
    expected.extend(all(&["KD01", "KD03"], "loi"));
    assert_eq!(statuses(&doc), sorted(expected), "{doc}");
}

#[test]
fn two_lists_that_disagree_decide_nothing() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let list = |rating_of_kd02: &'static str| {
        let mut rows = vec![vec!["Mã CB", "Họ và tên", "Tháng", "Xếp loại"]];
        for m in ["1", "2", "3"] {
            for (i, n) in NAMES.iter().enumerate() {
                let id = ["KD01", "KD02", "KD03", "KD04", "KD05"][i];
                let r = if i == 1 && m == "1" {
                    rating_of_kd02
                } else {
                    "HTXSNV"
                };
                rows.push(vec![id, n, m, r]);
            }
        }
        rows
    };
    write_list(&dir.path().join("a.xlsx"), &[("A", list("HTXSNV"))]);
    write_list(&dir.path().join("b.xlsx"), &[("B", list("HTTNV"))]);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[Expect::error("rating-conflict", "b.xlsx")
            .sheet("B")
            .cell("D3")
            .person("KD02")],
    );
    assert_eq!(str_field(person(&doc, "KD02"), "status"), "loi");
    assert_eq!(str_field(person(&doc, "KD01"), "status"), "dat");
}

#[test]
fn a_name_several_people_bear_is_not_guessed() {
    let (code, doc) = evaluate(&[folder("trung-ten")], &[]);
    assert_eq!(code, 1);
    let mut expected = Vec::new();
    for sheet in ["Tháng 1", "Tháng 2", "Tháng 3"] {
        expected.push(
            Expect::warning("person-unmatched", "trung-ten/xep-loai.xlsx")
                .sheet(sheet)
                .cell("B3"),
        );
    }
    for id in ["TT02", "TT04", "TT05"] {
        let row = &id[3..];
        for col in ["I", "J", "K"] {
            let row_no: u32 = row.parse::<u32>().expect("a number") + 1;
            let cell: &'static str = Box::leak(format!("{col}{row_no}").into_boxed_str());
            let id: &'static str = Box::leak(id.to_string().into_boxed_str());
            expected.push(
                Expect::error("rating-missing", "trung-ten/so-danh-gia.xlsx")
                    .sheet("Danh sách")
                    .cell(cell)
                    .person(id),
            );
            // The leader (whole unit) cannot be decided while a month in scope is unknown.
            expected.push(
                Expect::error("scope-unknown", "trung-ten/so-danh-gia.xlsx")
                    .sheet("Danh sách")
                    .cell(cell)
                    .person("TT01"),
            );
        }
    }
    assert_findings(&doc, &expected);
    let message = finding_values(&doc)
        .iter()
        .find(|f| f["code"] == "person-unmatched")
        .map(|f| str_field(f, "message").to_string())
        .unwrap_or_default();
    assert!(message.contains("3 người"), "{message}");
    let mut want = all(&["TT03"], "dat");
    want.extend(all(&["TT01", "TT02", "TT04", "TT05"], "loi"));
    assert_eq!(statuses(&doc), sorted(want));
}

#[test]
fn a_list_naming_a_unit_that_sent_nothing() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let rows = vec![
        vec!["Đơn vị:", "Phòng Không Có"],
        vec!["DANH SÁCH XẾP LOẠI THÁNG 1/2024"],
        vec!["STT", "Họ và tên", "Xếp loại"],
        vec!["1", "Nguyễn Văn An", "HTTNV"],
    ];
    write_list(&dir.path().join("ds.xlsx"), &[("Sheet1", rows)]);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    let unknown: Vec<_> = finding_values(&doc)
        .iter()
        .filter(|f| f["code"] == "list-unit-unknown")
        .collect();
    assert_eq!(unknown.len(), 1);
    assert!(str_field(unknown[0], "message").contains("Phòng Không Có"));
    // The unit of the folder gets nothing from a list that names another unit.
    assert_eq!(
        findings(&doc)
            .iter()
            .filter(|f| f.1 == "rating-missing")
            .count(),
        15
    );
}

#[test]
fn the_text_summary_says_what_the_lists_were_read_as() {
    let out = run_raw(&["validate".as_ref(), folder("moi-thang-mot-tep").as_os_str()]);
    assert_eq!(exit_code(&out), 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Trong số tệp đã đọc có 3 danh sách xếp loại tháng."),
        "{text}"
    );
    let out = run_raw(&[
        "--lang".as_ref(),
        "en".as_ref(),
        "validate".as_ref(),
        folder("mot-tep-ba-trang").as_os_str(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("include 1 monthly rating list."), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Regressions found by review.

/// The place-and-date line "Long Biên, ngày 05 tháng 3 năm 2024" above a list of February once
/// gave its month: February's list filled March, and the real conflict went unseen.
#[test]
fn the_signing_date_line_is_not_the_lists_month() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let mut rows = vec![
        vec!["", "", "", "Long Biên, ngày 05 tháng 3 năm 2024"],
        vec!["DANH SÁCH XẾP LOẠI THÁNG 2/2024"],
        vec!["STT", "Mã CB", "Họ và tên", "Xếp loại"],
    ];
    let ids = ["KD01", "KD02", "KD03", "KD04", "KD05"];
    for (i, n) in NAMES.iter().enumerate() {
        rows.push(vec!["", ids[i], n, "HTTNV"]);
    }
    write_list(&dir.path().join("thang-2.xlsx"), &[("Sheet1", rows)]);
    let (_, doc) = evaluate(&[dir.path()], &[]);
    // Month 2 is filled; months 1 and 3 stay blank.
    let p = person(&doc, "KD02");
    assert_eq!(
        p["ratings"],
        serde_json::json!([null, "tot", null]),
        "{doc}"
    );
}

/// "Tháng 1/2023 | Tháng 2/2023 | Tháng 3/2023" columns once filled quarter I/2024.
#[test]
fn a_month_column_of_another_year_fills_nothing() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let mut rows = vec![vec![
        "Họ và tên",
        "Tháng 1/2023",
        "Tháng 2/2023",
        "Tháng 3/2023",
    ]];
    for n in NAMES {
        rows.push(vec![n, "HTXSNV", "HTTNV", "HTTNV"]);
    }
    write_list(&dir.path().join("nam-truoc.xlsx"), &[("DS", rows)]);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    assert!(
        findings(&doc).iter().any(|f| f.1 == "month-mismatch"),
        "{doc}"
    );
    assert_eq!(
        findings(&doc)
            .iter()
            .filter(|f| f.1 == "rating-missing")
            .count(),
        15,
        "nothing filled: {doc}"
    );
}

/// A `Tháng` column left blank under each month's first row: each blank cell is reported, never
/// taken from the title's month (a cell merged down over the rows is read into each of them).
#[test]
fn a_months_column_is_read_row_by_row() {
    let dir = folder_with_unit("mot-tep-ba-trang");
    let mut rows = vec![
        vec!["DANH SÁCH XẾP LOẠI THÁNG 3/2024"],
        vec!["Tháng", "Mã CB", "Họ và tên", "Xếp loại"],
    ];
    let ids = ["KD01", "KD02", "KD03", "KD04", "KD05"];
    for (m, rating) in [("1", "HTXSNV"), ("2", "HTTNV"), ("3", "HTTNV")] {
        for (i, n) in NAMES.iter().enumerate() {
            // The month only on the first row of each month, then blank (as when merged).
            let month = if i == 0 { m } else { "" };
            rows.push(vec![month, ids[i], n, rating]);
        }
    }
    write_list(&dir.path().join("xl.xlsx"), &[("Sheet1", rows)]);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    // Every blank month cell is reported; only the rows with their month fill anything.
    let unknown: Vec<_> = findings(&doc)
        .into_iter()
        .filter(|f| f.1 == "info-missing")
        .collect();
    assert_eq!(unknown.len(), 12, "{doc}");
    assert_eq!(
        person(&doc, "KD01")["ratings"],
        serde_json::json!(["xuat-sac", "tot", "tot"])
    );
    assert_eq!(
        person(&doc, "KD02")["ratings"],
        serde_json::json!([null, null, null])
    );
}

/// A unit's workbook without `Thông tin` and score sheets (only its `Danh sách`) was once read
/// as a list of ratings, and its people vanished with a warning.
#[test]
fn a_workbook_list_of_people_is_never_a_list_of_ratings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = vec![
        vec![
            "STT",
            "Mã CB",
            "Họ và tên",
            "Tháng 1",
            "Tháng 2",
            "Tháng 3",
            "Kỷ luật",
            "Thanh tra, kiểm tra",
            "Số ngày nghỉ",
        ],
        vec![
            "1",
            "B01",
            "Ngô Văn Bảy",
            "HTXSNV",
            "HTTNV",
            "HTTNV",
            "",
            "",
            "0",
        ],
    ];
    write_list(&dir.path().join("don-vi-b.xlsx"), &[("Danh sách", rows)]);
    let (code, doc) = validate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    assert!(
        findings(&doc).iter().any(|f| f.1 == "sheet-missing"),
        "read as a unit's workbook and its missing sheets reported: {doc}"
    );
    assert!(!findings(&doc).iter().any(|f| f.1 == "list-unit-unknown"));
}

/// A file with score sheets and a mẫu 06 sheet but no `Thông tin` was once read as a mẫu 06
/// alone, and its score sheets were ignored: score sheets make it a unit's workbook.
#[test]
fn score_sheets_make_a_unit_workbook_even_beside_a_mau_06() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mau06 = vec![
        vec!["KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024"],
        vec!["Đơn vị: Phòng Thử nghiệm", "", "Khối: Chính quyền"],
        vec![
            "STT",
            "Họ và tên",
            "Chức vụ",
            "Mẫu phiếu",
            "Tổng điểm",
            "Tháng 1",
            "Tháng 2",
            "Tháng 3",
            "Kết quả",
        ],
        vec![
            "1",
            "Nguyễn Văn An",
            "Trưởng phòng",
            "04",
            "300",
            "HTXSNV",
            "HTTNV",
            "HTTNV",
            "Đạt",
        ],
    ];
    let form = vec![
        vec!["STT", "Mã CB", "Họ và tên", "1", "2"],
        vec!["1", "TN01", "Nguyễn Văn An", "10", "9,5"],
    ];
    write_list(
        &dir.path().join("ca-hai.xlsx"),
        &[("Mẫu 06", mau06), ("Mẫu 04", form)],
    );
    let (code, doc) = validate(&[dir.path()], &[]);
    assert_eq!(code, 1);
    let sheets_missing: Vec<_> = findings(&doc)
        .into_iter()
        .filter(|f| f.1 == "sheet-missing")
        .collect();
    assert!(
        !sheets_missing.is_empty(),
        "read as a unit's workbook: {doc}"
    );
}
