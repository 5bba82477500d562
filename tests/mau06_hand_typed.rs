//! A unit's mẫu 06 typed by hand (SPEC §3 "Mẫu 06 typed by hand", "Identity"): the fixtures of
//! fixtures/mau-06/README.md — sent alone, or beside the unit's workbook — and layouts written
//! here that no fixture has (columns shuffled and renamed, label and value in two cells, the bloc
//! from the office it is sent to, a two-row header with bare month numbers, another quarter). Every
//! test runs the real binary.

mod book;
mod common;

use calamine::{open_workbook_auto, Data, Range, Reader};
use common::*;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOTE_VI: &str = "Theo Mẫu 06 của đơn vị, không có phiếu điểm";
const NOTE_EN: &str = "From the unit's mẫu 06, no score sheets";
const SHEET: &str = "Mẫu 06";

fn m06(name: &str) -> PathBuf {
    fixture(&format!("mau-06/{name}"))
}

/// The unit of a results document with this code; exactly one must exist.
fn unit<'a>(doc: &'a Value, code: &str) -> &'a Value {
    let found: Vec<&Value> = doc["units"]
        .as_array()
        .expect("units is an array")
        .iter()
        .filter(|u| u["code"] == code)
        .collect();
    assert_eq!(found.len(), 1, "one unit {code} in {doc}");
    found[0]
}

fn codes(doc: &Value) -> Vec<String> {
    doc["units"]
        .as_array()
        .expect("units is an array")
        .iter()
        .map(|u| str_field(u, "code").to_string())
        .collect()
}

/// (people, evaluated, not_evaluated, dat, khong_dat, loi, reward_cap)
fn summary(u: &Value) -> [u64; 7] {
    [
        "people",
        "evaluated",
        "not_evaluated",
        "dat",
        "khong_dat",
        "loi",
        "reward_cap",
    ]
    .map(|k| {
        u["summary"][k]
            .as_u64()
            .unwrap_or_else(|| panic!("{k} in {u}"))
    })
}

fn e(code: &'static str, file: &'static str, cell: &'static str, person: &'static str) -> Expect {
    Expect::error(code, file)
        .sheet(SHEET)
        .cell(cell)
        .person(person)
}

/// A finding on a test workbook's only sheet (named as a new workbook names it).
fn t(code: &'static str, file: &'static str, cell: &'static str, person: &'static str) -> Expect {
    Expect::error(code, file)
        .sheet("Sheet1")
        .cell(cell)
        .person(person)
}

fn text_of(args: &[&str]) -> (i32, String) {
    let out = run_raw(args);
    (
        exit_code(&out),
        String::from_utf8_lossy(&out.stdout).to_string(),
    )
}

// ---------------------------------------------------------------------------------------------
// Both sent

#[test]
fn a_mau06_that_agrees_with_the_workbook_is_silent_and_counts_once() {
    let dir = m06("khop");
    let (code, doc) = validate(&[&dir], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_file(&doc, "khop/so.xlsx", "ok");
    assert_file(&doc, "khop/mau-06.xlsx", "ok");

    let (code, doc) = evaluate(&[&dir], &[]);
    assert_eq!(code, 0);
    assert_eq!(codes(&doc), ["VHTT"]);
    let u = unit(&doc, "VHTT");
    assert!(path_ends_with(str_field(u, "source"), "khop/so.xlsx"));
    assert_people(
        &doc,
        &[
            expect_person("VH01", "dat", &[], Some(290.0)),
            expect_person("VH02", "khong-dat", &["khong-thang-xuat-sac"], Some(290.0)),
            expect_person("VH03", "khong-dat", &["bat-buoc-duoi-10"], Some(289.5)),
            expect_person("VH04", "khong-danh-gia", &["vang-15-ngay"], None),
        ],
    );
}

#[test]
fn a_mau06_that_disagrees_with_the_workbook_is_reported_and_the_workbook_decides() {
    let dir = m06("lech");
    let f = "lech/mau-06.xlsx";
    let (code, doc) = validate(&[&dir], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[
            e("result-mismatch", f, "J13", "TN02"),
            e("result-mismatch", f, "J14", "TN04"),
            e("result-mismatch", f, "J15", "TN09"),
            Expect::error("result-mismatch", f)
                .sheet(SHEET)
                .person("TN03"),
        ],
    );
    assert_file(&doc, f, "loi");
    assert_file(&doc, "lech/so.xlsx", "ok");
    let missing = finding_values(&doc)
        .iter()
        .find(|x| x["person"] == "TN03")
        .expect("TN03");
    assert!(missing["cell"].is_null(), "{missing}");
    let msg = str_field(missing, "message");
    assert!(
        msg.contains("Cao Văn Kiên") && msg.contains("lech/so.xlsx"),
        "{msg}"
    );

    let (_, doc) = evaluate(&[&dir], &[]);
    assert_eq!(codes(&doc), ["TNMT"], "the mẫu 06 is no second unit");
    assert_people(
        &doc,
        &[
            expect_person("TN01", "dat", &[], Some(290.0)),
            expect_person("TN02", "khong-dat", &["bat-buoc-duoi-10"], Some(289.5)),
            expect_person("TN03", "dat", &[], Some(300.0)),
            expect_person("TN04", "dat", &[], Some(285.0)),
        ],
    );
    let (_, en) = validate(&[&dir], &["--lang", "en"]);
    let tn02 = finding_values(&en)
        .iter()
        .find(|x| x["person"] == "TN02")
        .expect("TN02");
    assert!(
        str_field(tn02, "message").contains("says 'Đạt'")
            && str_field(tn02, "message").contains("'Not passed'"),
        "{tn02}"
    );
}

// ---------------------------------------------------------------------------------------------
// Sent alone

#[test]
fn a_declared_dat_against_the_months_or_the_total_is_result_mismatch() {
    let path = m06("mot-minh-sai.xlsx");
    let f = "mot-minh-sai.xlsx";
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[
            e("result-mismatch", f, "I11", "dong-11"),
            e("result-mismatch", f, "I12", "dong-12"),
            Expect::warning("form-size", f)
                .sheet(SHEET)
                .cell("D13")
                .person("dong-13"),
        ],
    );
    let u = unit(&doc, "mot-minh-sai");
    assert_eq!(u["unit"], "UBND PHƯỜNG PHÚC LỢI");
    assert_eq!(u["bloc"], "chinh-quyen");
    assert_eq!(u["headcount"], 6);
    assert_eq!(summary(u), [6, 5, 1, 2, 1, 2, 0]);
    assert_people(
        &doc,
        &[
            expect_person("dong-10", "dat", &[], Some(440.0)),
            expect_person("dong-11", "loi", &[], None),
            expect_person("dong-12", "loi", &[], None),
            expect_person(
                "dong-13",
                "khong-dat",
                &["khong-thang-xuat-sac"],
                Some(295.0),
            ),
            expect_person("dong-14", "dat", &[], Some(286.5)),
            expect_person("dong-15", "khong-danh-gia", &["vang-15-ngay"], None),
        ],
    );
    assert_eq!(person(&doc, "dong-10")["form"], "03");
    assert_eq!(
        person(&doc, "dong-11")["ratings"],
        serde_json::json!(["xuat-sac", "hoan-thanh", "tot"])
    );
    let msgs: Vec<&str> = finding_values(&doc)
        .iter()
        .map(|x| str_field(x, "message"))
        .collect();
    assert!(
        msgs.iter().any(|m| m.contains("tháng 2 xếp loại dưới mức")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("tổng điểm 278 ngoài khung đạt 280–300")),
        "{msgs:?}"
    );

    let (_, text) = text_of(&["evaluate", path.to_str().unwrap()]);
    assert!(text.contains(NOTE_VI), "{text}");
    let (_, text) = text_of(&["evaluate", path.to_str().unwrap(), "--lang", "en"]);
    assert!(text.contains(NOTE_EN), "{text}");
}

#[test]
fn title_lines_and_a_shuffled_two_row_header_are_read() {
    let (code, doc) = evaluate(&[&m06("hai-dong.xlsx")], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    let u = unit(&doc, "THCS-NL");
    assert_eq!(u["unit"], "Trường THCS Ngọc Lâm");
    assert_eq!(u["bloc"], "truong-hoc");
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_eq!(summary(u), [4, 3, 1, 2, 1, 0, 0]);
    assert_people(
        &doc,
        &[
            expect_person("GV01", "dat", &[], Some(300.0)),
            expect_person("GV02", "dat", &[], Some(289.5)),
            expect_person(
                "GV03",
                "khong-dat",
                &["thang-duoi-tot", "khong-thang-xuat-sac"],
                Some(280.0),
            ),
            expect_person("GV04", "khong-danh-gia", &["khong-du-thoi-gian"], None),
        ],
    );
}

#[test]
fn cells_that_cannot_be_read_are_reported_never_guessed() {
    let f = "ket-qua-la.xlsx";
    let (code, doc) = validate(&[&m06(f)], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[
            e("value-unclear", f, "I8", "dong-8"),
            e("value-unclear", f, "I9", "dong-9"),
            e("value-unclear", f, "J10", "dong-10"),
            e("value-unclear", f, "H11", "dong-11"),
        ],
    );
    assert_file(&doc, f, "loi");
    let (_, doc) = evaluate(&[&m06(f)], &[]);
    assert_eq!(summary(unit(&doc, "YT")), [5, 5, 0, 1, 0, 4, 0]);
    assert_people(
        &doc,
        &[
            expect_person("dong-7", "dat", &[], Some(290.0)),
            expect_person("dong-8", "loi", &[], None),
            expect_person("dong-9", "loi", &[], None),
            expect_person("dong-10", "loi", &[], None),
            expect_person("dong-11", "loi", &[], None),
        ],
    );
}

#[test]
fn a_mau06_alone_without_its_bloc_is_not_counted() {
    let f = "thieu-khoi.xlsx";
    let (code, doc) = evaluate(&[&m06(f)], &[]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[Expect::error("info-missing", f).sheet(SHEET).cell("A2")],
    );
    assert!(codes(&doc).is_empty(), "{doc}");
    let msg = str_field(&finding_values(&doc)[0], "message");
    assert!(msg.contains("Khối: Chính quyền"), "{msg}");
}

// ---------------------------------------------------------------------------------------------
// run: mẫu 07, rewards, ket-qua.json

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("{} {name}: {e}", path.display()))
}

fn cell_str(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

/// The row of a mẫu 07 summary whose `Đơn vị` cell is `name`, as texts.
fn unit_row(r: &Range<Data>, name: &str) -> Vec<String> {
    r.rows()
        .find(|row| row.get(1).map(cell_str).as_deref() == Some(name))
        .unwrap_or_else(|| panic!("a row for {name}"))
        .iter()
        .map(cell_str)
        .collect()
}

fn run_fixtures() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ket-qua");
    let o = run_raw(&[
        "run",
        m06("").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(exit_code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    (tmp, out)
}

#[test]
fn run_counts_a_mau06_in_mau07_and_the_rewards_with_its_note() {
    let (_tmp, out) = run_fixtures();
    let cq = sheet(&out.join("khoi/chinh-quyen-mau-07.xlsx"), "Mẫu 07");
    // STT, Đơn vị, Tổng số, không đánh giá, được đánh giá, đạt, tỷ lệ, không đạt, ghi chú
    let ppl = unit_row(&cq, "UBND PHƯỜNG PHÚC LỢI");
    assert_eq!(ppl[2..6], ["6", "1", "5", "2"]);
    assert_eq!(ppl[7], "3", "không đạt counts the 2 people loi");
    assert!(ppl[8].starts_with(NOTE_VI), "{ppl:?}");
    assert!(ppl[8].contains("2 người chưa xác định"), "{ppl:?}");
    let yt = unit_row(&cq, "Phòng Y tế");
    assert_eq!(yt[2..6], ["5", "0", "5", "1"]);
    assert!(yt[8].starts_with(NOTE_VI), "{yt:?}");
    for book in [
        "Phòng Văn hóa và Thông tin",
        "Phòng Tài nguyên và Môi trường",
    ] {
        let row = unit_row(&cq, book);
        assert!(!row[8].contains(NOTE_VI), "{row:?}");
    }
    let th = sheet(&out.join("khoi/truong-hoc-mau-07.xlsx"), "Mẫu 07");
    let ngoc_lam = unit_row(&th, "Trường THCS Ngọc Lâm");
    assert_eq!(ngoc_lam[2..6], ["4", "1", "3", "2"]);
    assert_eq!(ngoc_lam[8], NOTE_VI);
    let dat = sheet(&out.join("khoi/chinh-quyen-mau-07.xlsx"), "Danh sách đạt");
    let names: Vec<String> = dat.rows().filter_map(|r| r.get(1).map(cell_str)).collect();
    for n in [
        "Lê Văn Hùng",
        "Vũ Minh Đức",
        "Mai Văn Sơn",
        "Nguyễn Thị Lan",
    ] {
        assert_eq!(
            names.iter().filter(|x| *x == n).count(),
            1,
            "{n} in {names:?}"
        );
    }
    for n in ["Trần Thị Mai", "Đỗ Văn Khánh", "Đoàn Văn Yên"] {
        assert!(!names.iter().any(|x| x == n), "{n} is not đạt");
    }

    let units = sheet(&out.join("khen-thuong.xlsx"), "Tổng hợp đơn vị");
    let note_of = |name: &str| {
        units
            .rows()
            .find(|r| r.get(1).map(cell_str).as_deref() == Some(name))
            .map(|r| cell_str(&r[9]))
            .unwrap_or_else(|| panic!("{name} in the reward list"))
    };
    assert!(note_of("UBND PHƯỜNG PHÚC LỢI").starts_with(NOTE_VI));
    assert!(note_of("Trường THCS Ngọc Lâm").starts_with(NOTE_VI));
    assert!(!note_of("Phòng Tài nguyên và Môi trường").contains(NOTE_VI));

    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("ket-qua.json")).unwrap()).unwrap();
    let mut got = codes(&doc);
    got.sort();
    assert_eq!(got, ["THCS-NL", "TNMT", "VHTT", "YT", "mot-minh-sai"]);
    for u in doc["units"].as_array().unwrap() {
        let mut keys: Vec<&str> = u.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "bloc",
                "code",
                "headcount",
                "people",
                "source",
                "summary",
                "unit"
            ],
            "no key beyond SPEC §5"
        );
    }
}

#[test]
fn the_tools_own_mau06_read_back_beside_its_workbook_agrees() {
    let (_tmp, out) = run_fixtures();
    let own = out.join("don-vi/vhtt-mau-06.xlsx");
    let (code, doc) = validate(&[&m06("khop/so.xlsx"), &own], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    // Alone, it says whose it is, which quarter and its bloc (the "Khối:" line under the
    // title): read back on its own, it is complete.
    let (code, doc) = validate(&[&own], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    // A bloc's mẫu 07 has the same title words, and is no mẫu 06.
    let mau07 = out.join("khoi/chinh-quyen-mau-07.xlsx");
    let (_, doc) = validate(&[&mau07], &[]);
    let got: Vec<String> = findings(&doc).into_iter().map(|f| f.1).collect();
    assert_eq!(got, ["sheet-missing", "sheet-missing"], "{doc}");
}

// ---------------------------------------------------------------------------------------------
// Layouts written here

/// A cell of a test workbook.
#[derive(Clone, Copy)]
enum C {
    S(&'static str),
    N(f64),
}

use C::{N, S};

/// Writes one sheet of rows (blank strings are left empty), with merged areas.
fn write(path: &Path, rows: &[Vec<C>], merges: &[(u32, u16, u32, u16)]) {
    write_sheet(path, "Sheet1", rows, merges);
}

/// As [`write`], the sheet named `sheet`.
fn write_sheet(path: &Path, sheet: &str, rows: &[Vec<C>], merges: &[(u32, u16, u32, u16)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match *v {
                S("") => {}
                S(t) => {
                    ws.write_string(r, c, t).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, n).unwrap();
                }
            }
        }
    }
    for &(r0, c0, r1, c1) in merges {
        let first = rows[r0 as usize].get(c0 as usize).copied();
        let text = match first {
            Some(S(t)) => t,
            _ => "",
        };
        wb.worksheet_from_index(0)
            .unwrap()
            .merge_range(r0, c0, r1, c1, text, &Default::default())
            .unwrap();
    }
    wb.save(path).unwrap();
}

/// Phòng Kinh tế's mẫu 06 of 2024-Q2: the office it is sent to on the first line (and its bloc
/// beside it), `Đơn vị` and its value in two cells, `Quý: II/2024` at A4, columns shuffled and
/// renamed, seven people đạt.
fn kinh_te(path: &Path) {
    let mut rows = vec![
        vec![
            S("Kính gửi: Phòng Nội vụ quận Long Biên"),
            S(""),
            S(""),
            S("Khối: Chính quyền"),
        ],
        vec![S("Đơn vị"), S("Phòng Kinh tế")],
        vec![S("KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP")],
        vec![S("Quý: II/2024")],
        vec![],
        vec![
            S("Ghi chú"),
            S("Kết quả"),
            S("T6"),
            S("T5"),
            S("T4"),
            S("Tổng điểm"),
            S("Mẫu số"),
            S("Họ tên"),
            S("TT"),
        ],
    ];
    let names = [
        "Hồ Văn Một",
        "Hồ Văn Hai",
        "Hồ Văn Ba",
        "Hồ Văn Bốn",
        "Hồ Văn Năm",
        "Hồ Văn Sáu",
        "Hồ Văn Bảy",
    ];
    for (i, name) in names.iter().enumerate() {
        rows.push(vec![
            S(""),
            S("Đạt"),
            S("HTTNV"),
            S("Hoàn thành tốt nhiệm vụ"),
            S("A"),
            N(290.0 + i as f64),
            S("Mẫu 04"),
            S(name),
            N(i as f64 + 1.0),
        ]);
    }
    write(path, &rows, &[]);
}

#[test]
fn shuffled_renamed_columns_a_label_cell_and_the_office_it_is_sent_to() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("kinh-te.xlsx");
    kinh_te(&path);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(doc["quarter"], "2024-Q2");
    let u = unit(&doc, "kinh-te");
    assert_eq!(u["unit"], "Phòng Kinh tế");
    assert_eq!(u["bloc"], "chinh-quyen", "from the `Khối` line");
    assert_eq!(summary(u), [7, 7, 0, 7, 0, 0, 1]);
    let ids: Vec<String> = (7..=13).map(|r| format!("dong-{r}")).collect();
    assert_eq!(people_ids(&doc), ids);
    assert_eq!(
        person(&doc, "dong-13")["ratings"],
        serde_json::json!(["xuat-sac", "tot", "tot"]),
        "T4, T5, T6 read in the quarter's order"
    );

    // The rewards: no proposal sheet on a mẫu 06, so the cap of 1 is only a suggestion.
    let (_, rw) = run_json("rewards", &[&path], &[]);
    let ru = &rw["units"][0];
    assert_eq!(ru["code"], "kinh-te");
    assert_eq!((ru["dat"].as_u64(), ru["cap"].as_u64()), (Some(7), Some(1)));
    assert_eq!(ru["source"], "de-xuat");
    assert_eq!(ru["accepted"], serde_json::json!([]));
    assert_eq!(
        ru["suggested"],
        serde_json::json!(["dong-13"]),
        "the best total"
    );
    assert_eq!(rw["people"], 0);
    let (_, text) = text_of(&["rewards", path.to_str().unwrap()]);
    assert!(text.contains(NOTE_VI), "{text}");
}

/// A mẫu 06 of `quarter` whose header is "Xếp loại tháng" over `months`, one person per row.
fn two_row(path: &Path, quarter: &'static str, months: [&'static str; 3], people: &[Vec<C>]) {
    let mut rows = vec![
        vec![S("Đơn vị: Phòng Nội vụ")],
        vec![S("Khối: Chính quyền")],
        vec![S(quarter)],
        vec![
            S("STT"),
            S("Họ và tên"),
            S("Xếp loại tháng"),
            S(""),
            S(""),
            S("Mẫu phiếu"),
            S("Tổng điểm"),
            S("Kết quả"),
        ],
        vec![S(""), S(""), S(months[0]), S(months[1]), S(months[2])],
    ];
    rows.extend(people.iter().cloned());
    let merges = [
        (3, 0, 4, 0),
        (3, 1, 4, 1),
        (3, 2, 3, 4),
        (3, 5, 4, 5),
        (3, 6, 4, 6),
        (3, 7, 4, 7),
    ];
    write(path, &rows, &merges);
}

fn good_row(name: &'static str) -> Vec<C> {
    vec![
        N(1.0),
        S(name),
        S("HTXSNV"),
        S("HTTNV"),
        S("HTTNV"),
        S("04"),
        S("300"),
        S("Đạt"),
    ]
}

#[test]
fn a_two_row_header_with_bare_month_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let q1 = tmp.path().join("q1.xlsx");
    let title = "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024";
    two_row(&q1, title, ["1", "2", "3"], &[good_row("Chu Văn An")]);
    let (code, doc) = evaluate(&[&q1], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_people(&doc, &[expect_person("dong-6", "dat", &[], Some(300.0))]);

    // Months of another quarter: every month column is reported, nobody is decided.
    let q2 = tmp.path().join("q2.xlsx");
    let title = "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ II NĂM 2024";
    two_row(&q2, title, ["1", "2", "3"], &[good_row("Chu Văn An")]);
    let (code, doc) = evaluate(&[&q2], &[]);
    assert_eq!(code, 1);
    let mm = |cell| {
        Expect::error("month-mismatch", "q2.xlsx")
            .sheet("Sheet1")
            .cell(cell)
    };
    assert_findings(&doc, &[mm("C5"), mm("D5"), mm("E5")]);
    assert_people(&doc, &[expect_person("dong-6", "loi", &[], None)]);
}

#[test]
fn a_declared_dat_needs_every_month_the_total_and_the_form() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("thieu.xlsx");
    let title = "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024";
    let row = |name, m2, form, total, result| {
        vec![
            N(1.0),
            S(name),
            S("HTXSNV"),
            S(m2),
            S("HTTNV"),
            S(form),
            S(total),
            S(result),
        ]
    };
    two_row(
        &path,
        title,
        ["Tháng 1", "Tháng 2", "Tháng 3"],
        &[
            row("Một", "", "04", "290", "Đạt"),
            row("Hai", "HTTNV", "04", "", "Đạt"),
            row("Ba", "HTTNV", "", "290", "Đạt"),
            row("Bốn", "HTTNV", "04", "hai trăm", "Đạt"),
            row("Năm", "", "", "", "Không đạt"),
            row("Sáu", "Giỏi", "04", "290", "Không đạt"),
        ],
    );
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1);
    let f = "thieu.xlsx";
    assert_findings(
        &doc,
        &[
            t("rating-missing", f, "D6", "dong-6"),
            t("score-missing", f, "G7", "dong-7"),
            t("value-unclear", f, "F8", "dong-8"),
            t("score-not-number", f, "G9", "dong-9"),
            t("rating-unknown", f, "D11", "dong-11"),
        ],
    );
    assert_people(
        &doc,
        &[
            expect_person("dong-6", "loi", &[], None),
            expect_person("dong-7", "loi", &[], None),
            expect_person("dong-8", "loi", &[], None),
            expect_person("dong-9", "loi", &[], None),
            expect_person("dong-10", "khong-dat", &[], None),
            expect_person("dong-11", "loi", &[], None),
        ],
    );
}

#[test]
fn a_mau06_of_another_quarter_than_asked_is_left_out() {
    let (code, doc) = evaluate(&[&m06("hai-dong.xlsx")], &["-q", "2024-Q2"]);
    assert_eq!(code, 1);
    assert_findings(
        &doc,
        &[Expect::error("quarter-mismatch", "hai-dong.xlsx")
            .sheet(SHEET)
            .cell("A5")],
    );
    assert!(codes(&doc).is_empty(), "{doc}");
}

#[test]
fn a_mau06_of_another_quarter_than_the_batch_is_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("kinh-te.xlsx");
    kinh_te(&path);
    let (code, doc) = evaluate(&[&m06("khop/so.xlsx"), &m06("hai-dong.xlsx"), &path], &[]);
    assert_eq!(code, 1);
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_findings(
        &doc,
        &[Expect::error("quarter-mismatch", "kinh-te.xlsx")
            .sheet("Sheet1")
            .cell("A4")],
    );
    let mut got = codes(&doc);
    got.sort();
    assert_eq!(got, ["THCS-NL", "VHTT"]);
}

#[test]
fn two_mau06_of_one_unit_are_told_apart_like_two_workbooks() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.xlsx"), tmp.path().join("b.xlsx"));
    std::fs::copy(m06("hai-dong.xlsx"), &a).unwrap();
    std::fs::copy(m06("hai-dong.xlsx"), &b).unwrap();
    let (code, doc) = evaluate(&[&a, &b], &[]);
    assert_eq!(code, 1);
    let dup = |f| Expect::error("unit-duplicate", f).sheet(SHEET).cell("A2");
    assert_findings(&doc, &[dup("a.xlsx"), dup("b.xlsx")]);
    assert_eq!(codes(&doc), ["THCS-NL"]);
    assert!(path_ends_with(
        str_field(&doc["units"][0], "source"),
        "b.xlsx"
    ));
}

#[test]
fn a_code_written_twice_is_person_duplicate() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("trung.xlsx");
    let row = |id, name| {
        vec![
            S(id),
            S(name),
            S("04"),
            N(290.0),
            S("HTXSNV"),
            S("HTTNV"),
            S("HTTNV"),
            S("Đạt"),
        ]
    };
    let rows = vec![
        vec![S("Đơn vị: Phòng Nội vụ"), S(""), S("Khối: Chính quyền")],
        vec![S("KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024")],
        vec![
            S("Mã CB"),
            S("Họ và tên"),
            S("Mẫu phiếu"),
            S("Tổng điểm"),
            S("Tháng 1"),
            S("Tháng 2"),
            S("Tháng 3"),
            S("Kết quả"),
        ],
        row("NV01", "Tô Văn Hòa"),
        row("NV02", "Tô Thị Hồng"),
        row("nv01", "Tô Văn Hùng"),
    ];
    write(&path, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1);
    assert_findings(&doc, &[t("person-duplicate", "trung.xlsx", "A6", "nv01")]);
    let msg = str_field(&finding_values(&doc)[0], "message");
    assert!(msg.contains("A4"), "{msg}");
    assert_people(
        &doc,
        &[
            expect_person("NV01", "loi", &[], None),
            expect_person("NV02", "dat", &[], Some(290.0)),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions of the review: each test builds its files here.

/// The official layout of a ward's mẫu 06 (as a unit retypes the tool's own): the superior body
/// and the unit at the top left, the national motto, the place and date, the title, "(Mẫu 06)",
/// then `lines`, then the one-row header (STT, Họ và tên, Chức vụ, Mẫu phiếu, Tổng điểm,
/// Tháng 1–3, Kết quả, Ghi chú). People start on sheet row 8 + `lines.len()` (1-based).
fn official(body: [&'static str; 2], lines: &[&'static str]) -> Vec<Vec<C>> {
    let mut rows = vec![
        vec![
            S(body[0]),
            S(""),
            S(""),
            S(""),
            S("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ],
        vec![
            S(body[1]),
            S(""),
            S(""),
            S(""),
            S("Độc lập - Tự do - Hạnh phúc"),
        ],
        vec![
            S(""),
            S(""),
            S(""),
            S(""),
            S("Long Biên, ngày 28 tháng 3 năm 2024"),
        ],
        vec![],
        vec![S(
            "THÔNG BÁO\nKẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024",
        )],
        vec![S("(Mẫu 06)")],
    ];
    rows.extend(lines.iter().map(|l| vec![S(l)]));
    rows.push(
        [
            "STT",
            "Họ và tên",
            "Chức vụ",
            "Mẫu phiếu",
            "Tổng điểm",
            "Tháng 1",
            "Tháng 2",
            "Tháng 3",
            "Kết quả",
            "Ghi chú",
        ]
        .map(S)
        .to_vec(),
    );
    rows
}

const WARD: [&str; 2] = ["UBND QUẬN LONG BIÊN", "UBND PHƯỜNG PHÚC LỢI"];
const GOOD: [&str; 3] = ["HTXSNV", "HTTNV", "HTTNV"];

/// A person's row of [`official`].
#[allow(clippy::too_many_arguments)]
fn person_row(
    stt: f64,
    name: &'static str,
    title: &'static str,
    form: &'static str,
    total: f64,
    months: [&'static str; 3],
    result: &'static str,
    note: &'static str,
) -> Vec<C> {
    vec![
        N(stt),
        S(name),
        S(title),
        S(form),
        N(total),
        S(months[0]),
        S(months[1]),
        S(months[2]),
        S(result),
        S(note),
    ]
}

fn messages(doc: &Value) -> Vec<String> {
    finding_values(doc)
        .iter()
        .map(|f| str_field(f, "message").to_string())
        .collect()
}

#[test]
fn a_name_starting_tong_cong_does_not_end_the_table() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("tong-cong.xlsx");
    let mut rows = official(WARD, &["Khối: Chính quyền"]);
    for (i, name) in [
        "Lê Văn Hùng",
        "Tống Công Minh",
        "Nguyễn Thị Hoa",
        "Trần Văn Sơn",
    ]
    .into_iter()
    .enumerate()
    {
        rows.push(person_row(
            i as f64 + 1.0,
            name,
            "Công chức",
            "04",
            290.0,
            GOOD,
            "Đạt",
            "",
        ));
    }
    // The totals the official layout carries below the people, then the signatures.
    rows.push(vec![]);
    rows.push(vec![S(""), S("Tổng cộng"), S(""), S(""), N(4.0)]);
    rows.push(vec![S(""), S("Số đạt chuyên nghiệp"), S(""), S(""), N(4.0)]);
    rows.push(vec![]);
    rows.push(vec![
        S(""),
        S("NGƯỜI LẬP BIỂU"),
        S(""),
        S(""),
        S(""),
        S(""),
        S("CHỦ TỊCH"),
    ]);
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    let u = unit(&doc, "tong-cong");
    assert_eq!(u["headcount"], 4);
    assert_eq!(summary(u), [4, 4, 0, 4, 0, 0, 0]);
    let names: Vec<&str> = all_people(&doc)
        .iter()
        .map(|p| str_field(p, "name"))
        .collect();
    assert_eq!(
        names,
        [
            "Lê Văn Hùng",
            "Tống Công Minh",
            "Nguyễn Thị Hoa",
            "Trần Văn Sơn"
        ]
    );
}

/// Phòng Thử nghiệm's workbook (code TN: a mẫu 03 leader and four staff, all passing) in `dir`.
fn thu_nghiem_book(dir: &Path) -> (PathBuf, Vec<String>) {
    let unit = book::Unit::new("TN", 4);
    let names = unit.people.iter().map(|p| p.name.clone()).collect();
    (unit.save(dir, "so-danh-gia.xlsx"), names)
}

/// A mẫu 06 of the workbook's people (all `Đạt`, as the workbook decides), no birth dates, no
/// `Mã CB`, under the issuing body `body` with the title lines `lines`.
fn thu_nghiem_mau06(
    path: &Path,
    body: [&'static str; 2],
    lines: &[&'static str],
    names: &[String],
) {
    let mut rows = official(body, lines);
    for (i, name) in names.iter().enumerate() {
        let (form, total) = if i == 0 { ("03", 450.0) } else { ("04", 300.0) };
        let name: &'static str = Box::leak(name.clone().into_boxed_str());
        rows.push(person_row(
            i as f64 + 1.0,
            name,
            "",
            form,
            total,
            GOOD,
            "Đạt",
            "",
        ));
    }
    write_sheet(path, SHEET, &rows, &[]);
}

#[test]
fn a_mau06_beside_its_workbook_under_a_longer_name_is_no_second_unit() {
    // The issuing body names the unit with its district; no code, no birth dates.
    let tmp = tempfile::tempdir().unwrap();
    let (_, names) = thu_nghiem_book(tmp.path());
    let m06 = tmp.path().join("mau-06.xlsx");
    let body = ["UBND QUẬN LONG BIÊN", "PHÒNG THỬ NGHIỆM QUẬN LONG BIÊN"];
    thu_nghiem_mau06(&m06, body, &["Khối: Chính quyền"], &names);
    let (code, doc) = evaluate(&[tmp.path()], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(codes(&doc), ["TN"], "one unit, each person once");
    assert_eq!(summary(unit(&doc, "TN"))[3], 5);

    // Another name altogether, but the workbook's people: the same unit.
    let tmp = tempfile::tempdir().unwrap();
    let (_, names) = thu_nghiem_book(tmp.path());
    let m06 = tmp.path().join("mau-06.xlsx");
    thu_nghiem_mau06(
        &m06,
        ["UBND QUẬN LONG BIÊN", "TỔ CÔNG TÁC SỐ 2"],
        &[],
        &names,
    );
    let (code, doc) = evaluate(&[tmp.path()], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(codes(&doc), ["TN"]);

    // The workbook's people under another `Mã đơn vị`: not one unit, and not counted twice.
    let tmp = tempfile::tempdir().unwrap();
    let (_, names) = thu_nghiem_book(tmp.path());
    let m06 = tmp.path().join("mau-06.xlsx");
    let lines = ["Mã đơn vị: KN", "Khối: Chính quyền"];
    thu_nghiem_mau06(
        &m06,
        ["UBND QUẬN LONG BIÊN", "PHÒNG KIỂM NGHIỆM"],
        &lines,
        &names,
    );
    let (code, doc) = evaluate(&[tmp.path()], &[]);
    assert_eq!(code, 1, "{doc}");
    assert_findings(
        &doc,
        &[Expect::error("unit-duplicate", "mau-06.xlsx")
            .sheet(SHEET)
            .cell("A7")],
    );
    assert_eq!(codes(&doc), ["TN"], "the mẫu 06 is not counted");
    let msg = messages(&doc).remove(0);
    assert!(
        msg.contains("so-danh-gia.xlsx") && msg.contains("5/5") && msg.contains("'KN'"),
        "{msg}"
    );
    let (_, en) = evaluate(&[tmp.path()], &["--lang", "en"]);
    let msg = messages(&en).remove(0);
    assert!(msg.contains("not counted") && msg.contains("'TN'"), "{msg}");
}

/// A school's mẫu 06 sent to Phòng Nội vụ, with `lines` above the table.
fn ngoc_lam(path: &Path, lines: &[&'static str]) {
    let mut rows = official(["PHÒNG GD&ĐT LONG BIÊN", "TRƯỜNG THCS NGỌC LÂM"], lines);
    for (i, name) in ["Đỗ Thị Lan", "Phan Văn Quý", "Hà Thị My"]
        .into_iter()
        .enumerate()
    {
        rows.push(person_row(
            i as f64 + 1.0,
            name,
            "Giáo viên",
            "04",
            295.0,
            GOOD,
            "Đạt",
            "",
        ));
    }
    write_sheet(path, SHEET, &rows, &[]);
}

#[test]
fn the_office_a_mau06_is_sent_to_gives_no_bloc() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("ngoc-lam.xlsx");
    // Phòng Nội vụ receives the schools' reward dossiers too: the addressee says no bloc.
    ngoc_lam(&path, &["Kính gửi: Phòng Nội vụ quận Long Biên"]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1, "{doc}");
    assert_findings(
        &doc,
        &[Expect::error("info-missing", "ngoc-lam.xlsx")
            .sheet(SHEET)
            .cell("A5")],
    );
    assert!(
        codes(&doc).is_empty(),
        "not counted in the chính quyền bloc: {doc}"
    );

    // Written as a bloc, it is read: a school, capped at 3%.
    let path = tmp.path().join("ngoc-lam-khoi.xlsx");
    ngoc_lam(
        &path,
        &["Kính gửi: Phòng Nội vụ quận Long Biên", "Khối: Trường học"],
    );
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    let u = unit(&doc, "ngoc-lam-khoi");
    assert_eq!(u["bloc"], "truong-hoc");
    assert_eq!(u["unit"], "TRƯỜNG THCS NGỌC LÂM");
    assert_eq!(summary(u), [3, 3, 0, 3, 0, 0, 0], "3% of 3: no reward");
}

/// A ward's mẫu 06 with a mẫu 03 leader declared `result` and two staff.
fn with_leader(path: &Path, result: &'static str, mai: ([&'static str; 3], &'static str)) {
    let mut rows = official(WARD, &["Khối: Chính quyền"]);
    rows.push(person_row(
        1.0,
        "Lê Văn Hùng",
        "Chủ tịch UBND",
        "03",
        440.0,
        ["HTXSNV", "HTXSNV", "HTTNV"],
        result,
        "",
    ));
    rows.push(person_row(
        2.0,
        "Trần Thị Mai",
        "Công chức",
        "04",
        290.0,
        mai.0,
        mai.1,
        "",
    ));
    rows.push(person_row(
        3.0,
        "Vũ Minh Đức",
        "Công chức",
        "04",
        290.0,
        GOOD,
        "Đạt",
        "",
    ));
    write_sheet(path, SHEET, &rows, &[]);
}

#[test]
fn a_leader_declared_dat_beside_someone_not_completing_a_month_is_result_mismatch() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("lanh-dao.xlsx");
    with_leader(&path, "Đạt", (["HTXSNV", "KHTNV", "HTTNV"], "Không đạt"));
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1, "{doc}");
    assert_findings(
        &doc,
        &[e("result-mismatch", "lanh-dao.xlsx", "I9", "dong-9")],
    );
    assert_people(
        &doc,
        &[
            expect_person("dong-9", "loi", &[], None),
            expect_person("dong-10", "khong-dat", &["thang-duoi-tot"], Some(290.0)),
            expect_person("dong-11", "dat", &[], Some(290.0)),
        ],
    );
    let msg = messages(&doc).remove(0);
    assert!(
        msg.contains("Mẫu 03") && msg.contains("Trần Thị Mai (ô G10)") && msg.contains("tháng 2"),
        "{msg}"
    );
    let (_, en) = evaluate(&[&path], &["--lang", "en"]);
    let msg = messages(&en).remove(0);
    assert!(msg.contains("Trần Thị Mai (cell G10)"), "{msg}");

    // Someone else's month not written: the leader cannot be decided.
    let path = tmp.path().join("thieu-thang.xlsx");
    with_leader(&path, "Đạt", (["HTXSNV", "", "HTTNV"], "Không đạt"));
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1, "{doc}");
    assert_findings(
        &doc,
        &[e("scope-unknown", "thieu-thang.xlsx", "G10", "dong-9")],
    );
    assert_eq!(person(&doc, "dong-9")["status"], "loi");
    assert!(messages(&doc)[0].contains("Trần Thị Mai"), "{doc}");

    // Declared `Không đạt`, the leader stays so, with the unit's reason.
    let path = tmp.path().join("khong-dat.xlsx");
    with_leader(
        &path,
        "Không đạt",
        (["HTXSNV", "KHTNV", "HTTNV"], "Không đạt"),
    );
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(
        person(&doc, "dong-9")["reasons"],
        serde_json::json!(["don-vi-vi-pham"])
    );
}

#[test]
fn group_rows_and_signatures_are_no_people() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("nhom.xlsx");
    let mut rows = official(WARD, &["Khối: Chính quyền"]);
    rows.push(vec![S(""), S("Lãnh đạo")]);
    rows.push(person_row(
        1.0,
        "Lê Văn Hùng",
        "Chủ tịch UBND",
        "03",
        440.0,
        ["HTXSNV", "HTXSNV", "HTTNV"],
        "Đạt",
        "",
    ));
    rows.push(vec![S(""), S("Bộ phận Một cửa")]);
    rows.push(person_row(
        2.0,
        "Vũ Minh Đức",
        "Công chức",
        "04",
        290.0,
        GOOD,
        "Đạt",
        "",
    ));
    rows.push(vec![S("II"), S("CÔNG CHỨC CHUYÊN MÔN")]);
    rows.push(person_row(
        3.0,
        "Tô Văn Hòa",
        "Công chức",
        "04",
        290.0,
        GOOD,
        "Đạt",
        "",
    ));
    // A real person whose `Kết quả` was left blank, and one whose row holds only the name.
    rows.push(person_row(
        4.0,
        "Đinh Văn Tú",
        "Công chức",
        "04",
        290.0,
        GOOD,
        "",
        "",
    ));
    rows.push(vec![S(""), S("Phan Thị Tám")]);
    rows.push(vec![]);
    rows.push(vec![S(""), S("TM. ỦY BAN NHÂN DÂN")]);
    rows.push(vec![S(""), S("KT. CHỦ TỊCH")]);
    rows.push(vec![S(""), S("PHÓ CHỦ TỊCH")]);
    rows.push(vec![]);
    rows.push(vec![S(""), S("Lê Văn Hùng")]);
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1, "{doc}");
    assert_findings(
        &doc,
        &[
            e("value-unclear", "nhom.xlsx", "I15", "dong-15"),
            e("value-unclear", "nhom.xlsx", "I16", "dong-16"),
            // Her months are unknown, so the mẫu 03 leader's condition is too.
            e("scope-unknown", "nhom.xlsx", "F16", "dong-10"),
        ],
    );
    let u = unit(&doc, "nhom");
    assert_eq!(u["headcount"], 5, "{u}");
    assert_eq!(summary(u), [5, 5, 0, 2, 0, 3, 0]);
    assert_people(
        &doc,
        &[
            expect_person("dong-10", "loi", &[], None),
            expect_person("dong-12", "dat", &[], Some(290.0)),
            expect_person("dong-14", "dat", &[], Some(290.0)),
            expect_person("dong-15", "loi", &[], None),
            expect_person("dong-16", "loi", &[], None),
        ],
    );
    let msg = messages(&doc).remove(0);
    assert!(
        msg.contains("để trống") && msg.contains("'Đạt', 'Không đạt' hoặc 'Không đánh giá'"),
        "{msg}"
    );

    // The signatures right below the last person, in its name column, as offices type them.
    let path = tmp.path().join("chu-ky.xlsx");
    let mut rows = official(WARD, &["Khối: Chính quyền"]);
    rows.push(person_row(
        1.0,
        "Lê Văn Hùng",
        "Chủ tịch UBND",
        "03",
        440.0,
        ["HTXSNV", "HTXSNV", "HTTNV"],
        "Đạt",
        "",
    ));
    rows.push(person_row(
        2.0,
        "Vũ Minh Đức",
        "Công chức",
        "04",
        290.0,
        GOOD,
        "Đạt",
        "",
    ));
    rows.push(vec![]);
    rows.push(vec![S(""), S("TM. ỦY BAN NHÂN DÂN")]);
    rows.push(vec![S(""), S("CHỦ TỊCH")]);
    rows.push(vec![]);
    rows.push(vec![S(""), S("Lê Văn Hùng")]);
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(&doc, &[]);
    assert_eq!(summary(unit(&doc, "chu-ky")), [2, 2, 0, 2, 0, 0, 0]);
}

#[test]
fn absences_shorter_than_15_working_days_do_not_leave_anyone_out() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("vang.xlsx");
    let mut rows = official(WARD, &["Khối: Chính quyền"]);
    let away = |stt: f64, name: &'static str, note: &'static str| {
        vec![
            N(stt),
            S(name),
            S("Công chức"),
            S(""),
            S(""),
            S(""),
            S(""),
            S(""),
            S("Không đánh giá"),
            S(note),
        ]
    };
    rows.push(person_row(
        1.0,
        "Vũ Minh Đức",
        "Công chức",
        "04",
        290.0,
        GOOD,
        "Đạt",
        "",
    ));
    rows.push(away(2.0, "Ngô Thị A", "Nghỉ ốm 3 ngày"));
    rows.push(away(3.0, "Ngô Thị B", "Thai sản từ 25/3/2024"));
    rows.push(away(4.0, "Ngô Thị C", "Nghỉ thai sản"));
    rows.push(away(5.0, "Ngô Thị D", "Nghỉ thai sản từ 15/01/2024"));
    rows.push(away(6.0, "Ngô Thị E", "Nghỉ ốm 10 ngày, nghỉ phép 5 ngày"));
    rows.push(away(7.0, "Ngô Văn F", "Nghỉ hưu từ 25/3/2024"));
    rows.push(away(8.0, "Ngô Văn G", "Mới tuyển dụng từ 10/02/2024"));
    rows.push(away(9.0, "Ngô Văn H", "Chuyển công tác từ 15/03/2024"));
    rows.push(away(10.0, "Ngô Văn I", "HĐ dưới 12 tháng"));
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1, "{doc}");
    let f = "vang.xlsx";
    assert_findings(
        &doc,
        &[
            e("result-mismatch", f, "J10", "dong-10"),
            e("result-mismatch", f, "J11", "dong-11"),
            e("value-unclear", f, "J12", "dong-12"),
            e("result-mismatch", f, "J15", "dong-15"),
            e("value-unclear", f, "J17", "dong-17"),
        ],
    );
    assert_people(
        &doc,
        &[
            expect_person("dong-9", "dat", &[], Some(290.0)),
            expect_person("dong-10", "loi", &[], None),
            expect_person("dong-11", "loi", &[], None),
            expect_person("dong-12", "loi", &[], None),
            expect_person("dong-13", "khong-danh-gia", &["vang-15-ngay"], None),
            expect_person("dong-14", "khong-danh-gia", &["vang-15-ngay"], None),
            expect_person("dong-15", "loi", &[], None),
            expect_person("dong-16", "khong-danh-gia", &["khong-du-thoi-gian"], None),
            expect_person("dong-17", "loi", &[], None),
            expect_person("dong-18", "khong-danh-gia", &["ngoai-doi-tuong"], None),
        ],
    );
    let msg = |id: &str| {
        finding_values(&doc)
            .iter()
            .find(|x| x["person"] == id)
            .map(|x| str_field(x, "message").to_string())
            .unwrap_or_default()
    };
    assert!(
        msg("dong-10").contains("chỉ nghỉ 3 ngày làm việc"),
        "{}",
        msg("dong-10")
    );
    // 25–29/3/2024: five working days.
    assert!(
        msg("dong-11").contains("chỉ nghỉ 5 ngày làm việc"),
        "{}",
        msg("dong-11")
    );
    assert!(
        msg("dong-12").contains("không ghi nghỉ bao nhiêu ngày"),
        "{}",
        msg("dong-12")
    );
    let (_, en) = evaluate(&[&path], &["--lang", "en"]);
    let c = finding_values(&en)
        .iter()
        .find(|x| x["person"] == "dong-12")
        .map(|x| str_field(x, "message").to_string())
        .unwrap_or_default();
    assert!(c.contains("does not say how many working days"), "{c}");
}

#[test]
fn form_size_uses_the_unit_size_the_mau06_writes() {
    let tmp = tempfile::tempdir().unwrap();
    // A unit of 25 that lists three people here, on mẫu 05: right for its size.
    let path = tmp.path().join("hai-muoi-lam.xlsx");
    let mut rows = official(WARD, &["Khối: Chính quyền", "Tổng số CBCCVC, NLĐ: 25"]);
    for (i, name) in ["Lý Văn Một", "Lý Văn Hai", "Lý Văn Ba"]
        .into_iter()
        .enumerate()
    {
        rows.push(person_row(
            i as f64 + 1.0,
            name,
            "Công chức",
            "05",
            290.0,
            GOOD,
            "Đạt",
            "",
        ));
    }
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_findings(
        &doc,
        &[Expect::warning("headcount-mismatch", "hai-muoi-lam.xlsx")
            .sheet(SHEET)
            .cell("A8")],
    );
    assert_eq!(unit(&doc, "hai-muoi-lam")["headcount"], 25);

    // The size in the totals, as the official layout writes it: mẫu 04 is wrong for 25.
    let path = tmp.path().join("tong-so.xlsx");
    let mut rows = official(WARD, &["Khối: Chính quyền"]);
    for (i, name) in ["Lý Văn Một", "Lý Văn Hai", "Lý Văn Ba"]
        .into_iter()
        .enumerate()
    {
        rows.push(person_row(
            i as f64 + 1.0,
            name,
            "Công chức",
            "04",
            290.0,
            GOOD,
            "Đạt",
            "",
        ));
    }
    rows.push(vec![]);
    rows.push(vec![S(""), S("Tổng số CBCCVC, NLĐ"), S(""), S(""), N(25.0)]);
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    let f = "tong-so.xlsx";
    assert_findings(
        &doc,
        &[
            Expect::warning("form-size", f)
                .sheet(SHEET)
                .cell("D9")
                .person("dong-9"),
            Expect::warning("headcount-mismatch", f)
                .sheet(SHEET)
                .cell("E13"),
        ],
    );
    let size = finding_values(&doc)
        .iter()
        .find(|x| x["code"] == "form-size")
        .map(|x| str_field(x, "message").to_string())
        .unwrap_or_default();
    assert!(size.contains("25"), "{size}");
}

#[test]
fn a_mau06_titled_in_other_words_and_summaries_over_units() {
    let tmp = tempfile::tempdir().unwrap();
    // On a sheet named `Mẫu 06`, the title without "SỰ".
    let path = tmp.path().join("khong-su.xlsx");
    let rows = vec![
        vec![S("Đơn vị: Phòng Nội vụ")],
        vec![S("Khối: Chính quyền")],
        vec![S("KẾT QUẢ ĐÁNH GIÁ CHUYÊN NGHIỆP QUÝ I NĂM 2024")],
        vec![
            S("STT"),
            S("Họ và tên"),
            S("Mẫu phiếu"),
            S("Tổng điểm"),
            S("Tháng 1"),
            S("Tháng 2"),
            S("Tháng 3"),
            S("Kết quả"),
        ],
        vec![
            N(1.0),
            S("Chu Văn An"),
            S("04"),
            N(300.0),
            S("HTXSNV"),
            S("HTTNV"),
            S("HTTNV"),
            S("Đạt"),
        ],
    ];
    write_sheet(&path, SHEET, &rows, &[]);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0, "{doc}");
    assert_people(&doc, &[expect_person("dong-5", "dat", &[], Some(300.0))]);

    // A bloc's mẫu 07 typed by hand without its "(Mẫu 07)" mark: a table of units, no mẫu 06.
    let path = tmp.path().join("khoi.xlsx");
    let rows = vec![
        vec![S("KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024")],
        vec![S("Khối: Chính quyền")],
        [
            "STT",
            "Đơn vị",
            "Tổng số CBCCVC, NLĐ",
            "Số không đánh giá",
            "Số được đánh giá",
            "Số đạt chuyên nghiệp",
            "Số không đạt",
        ]
        .map(S)
        .to_vec(),
        vec![
            N(1.0),
            S("Phòng Y tế"),
            N(5.0),
            N(0.0),
            N(5.0),
            N(1.0),
            N(4.0),
        ],
    ];
    write(&path, &rows, &[]);
    let (_, doc) = validate(&[&path], &[]);
    let got: Vec<String> = findings(&doc).into_iter().map(|f| f.1).collect();
    assert_eq!(got, ["sheet-missing", "sheet-missing"], "{doc}");
    assert!(
        !messages(&doc).iter().any(|m| m.contains("Mẫu 06")),
        "{doc}"
    );

    // The tool's own whole-district result is no unit's mẫu 06 either.
    let (_tmp, out) = run_fixtures();
    let (_, doc) = validate(&[&out.join("toan-quan.xlsx")], &[]);
    let got: Vec<String> = findings(&doc).into_iter().map(|f| f.1).collect();
    assert_eq!(got, ["sheet-missing", "sheet-missing"], "{doc}");
    assert!(
        !messages(&doc).iter().any(|m| m.contains("Mẫu 06")),
        "{doc}"
    );
}
