//! The official documents as they print (SPEC §8 "Official look"): no text cut or overlapping,
//! pages that hold what the layout put on them, the signature never alone on a page, the heading
//! of the body that issues each document, and dates on working days.

mod book;
mod common;

use book::*;
use common::printed::{self, PrintedSheet};
use common::*;
use danhgia::profile::Profile;
use std::path::{Path, PathBuf};

/// Every workbook under a folder.
fn workbooks(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "xlsx") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Rows on each printed page (breaks at the sheet's manual breaks), with the header rows
/// repeated: none may hold more than the page.
fn overfull_pages(path: &Path, sheet: &PrintedSheet) -> Vec<String> {
    let Some(last) = sheet.cells.iter().map(|c| c.last.0).max() else {
        return Vec::new();
    };
    let capacity = danhgia::writer::kit::page_capacity(sheet.landscape, sheet.scale as u16);
    let repeated: f64 = sheet
        .repeat_rows
        .map_or(0.0, |(a, b)| (a..=b).map(|r| sheet.height(r)).sum());
    let mut starts = vec![0];
    starts.extend(&sheet.breaks);
    starts.push(last + 1);
    let mut out = Vec::new();
    for (i, w) in starts.windows(2).enumerate() {
        let rows: f64 = (w[0]..w[1]).map(|r| sheet.height(r)).sum();
        let used = rows + if i > 0 { repeated } else { 0.0 };
        // One block taller than a page cannot be helped; everything else must fit.
        if used > capacity && w[1] - w[0] > 1 {
            out.push(format!(
                "{}: {} page {}: {used} points of rows on a page of {capacity}",
                path.display(),
                sheet.name,
                i + 1
            ));
        }
    }
    out
}

/// The row of the first cell whose text is `text`.
fn row_of(sheet: &PrintedSheet, text: &str) -> Option<u32> {
    sheet.cells.iter().find(|c| c.text == text).map(|c| c.row)
}

/// A page may not start between the end of the table and the signature: the row before the
/// totals, the totals and the signature titles print on one page.
fn signature_with_table(path: &Path, sheet: &PrintedSheet, first_total: &str) -> Vec<String> {
    let (Some(total), Some(sign)) = (row_of(sheet, first_total), row_of(sheet, "NGƯỜI LẬP BIỂU"))
    else {
        return vec![format!(
            "{}: {} has no totals or signature",
            path.display(),
            sheet.name
        )];
    };
    sheet
        .breaks
        .iter()
        .filter(|&&b| b >= total && b <= sign + 1)
        .map(|b| {
            format!(
                "{}: {}: a page starts at row {} between the table and the signature",
                path.display(),
                sheet.name,
                b + 1
            )
        })
        .collect()
}

/// The start of the title of the review of signs (`bat-thuong`).
const REVIEW_TITLE: &str = "BÁO CÁO\nCÁC DẤU HIỆU BẤT THƯỜNG";

fn check_all(dir: &Path) -> usize {
    let files = workbooks(dir);
    assert!(!files.is_empty(), "{}", dir.display());
    let mut problems = Vec::new();
    for f in &files {
        problems.extend(printed::misfits(f));
        for sheet in printed::read(f) {
            problems.extend(overfull_pages(f, &sheet));
            let total = match sheet.name.as_str() {
                "Mẫu 06" => Some("Tổng số CBCCVC, NLĐ"),
                "Mẫu 07" => Some("Tổng cộng"),
                "Toàn quận" => sheet
                    .cells
                    .iter()
                    .find(|c| c.text.starts_with("TỔNG CỘNG"))
                    .map(|c| c.text.as_str()),
                "Tổng hợp đơn vị" => Some("Tổng cộng"),
                // The year: the line under the tables stays with the signature.
                "Tổng hợp năm" => sheet
                    .cells
                    .iter()
                    .find(|c| c.text.starts_with("III."))
                    .map(|c| c.text.as_str()),
                // The review of signs (bat-thuong): the line under its table.
                _ if sheet.cells.iter().any(|c| c.text.starts_with(REVIEW_TITLE)) => sheet
                    .cells
                    .iter()
                    .find(|c| {
                        c.text.starts_with("Đã xem ")
                            || c.text.starts_with("Không có dấu hiệu bất thường")
                    })
                    .map(|c| c.text.as_str()),
                _ => None,
            };
            if let Some(total) = total {
                let total = total.to_string();
                problems.extend(signature_with_table(f, &sheet, &total));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    files.len()
}

#[test]
fn every_text_of_the_demo_quarter_fits_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ket-qua");
    let o = run_raw(&[
        "run",
        &demo_dir().to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(exit_code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        check_all(&out),
        16,
        "10 mẫu 06, 3 mẫu 07, toàn quận, khen thưởng, tra-lai/ubbd.xlsx"
    );
}

/// With `--don-vi`, the units of the list that sent nothing have their rows in mẫu 07 and the
/// whole-district result ("Chưa gửi"), a long name among them: every text still fits.
#[test]
fn the_rows_of_units_not_sent_fit_their_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("danh-sach-don-vi.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["STT", "Mã đơn vị", "Đơn vị", "Khối"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let long = format!("{LONG_UNIT} (chưa gửi)");
    let rows = [
        ("YT", "Phòng Y tế", "Chính quyền"),
        ("VHTT", long.as_str(), "Chính quyền"),
        ("THPL", "Trường Tiểu học Phúc Lợi", "Trường học"),
    ];
    for (i, (code, name, bloc)) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_string(r, 1, *code).unwrap();
        ws.write_string(r, 2, *name).unwrap();
        ws.write_string(r, 3, *bloc).unwrap();
    }
    wb.save(&list).unwrap();
    let out = tmp.path().join("ket-qua");
    let o = run_raw(&[
        "run",
        &demo_dir().to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--don-vi",
        &list.to_string_lossy(),
    ]);
    assert_eq!(exit_code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        check_all(&out),
        16,
        "10 mẫu 06, 3 mẫu 07, toàn quận, khen thưởng, tra-lai/ubbd (not the office's list)"
    );
    let m07 = printed::read(&out.join("khoi/chinh-quyen-mau-07.xlsx"));
    let texts: Vec<&str> = m07[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&long.as_str()), "the long name whole");
    assert_eq!(texts.iter().filter(|t| **t == "Chưa gửi").count(), 2);
}

const LONG_UNIT: &str =
    "Trung tâm Văn hóa - Thông tin và Thể thao, Truyền thanh quận Long Biên (cơ sở 2)";
const LONG_NAME: &str = "Tôn Nữ Hoàng Thị Phương Thảo Nguyên Minh Khai Bảo Ngọc Lê Huỳnh";
const LONG_TITLE: &str =
    "Phó Giám đốc phụ trách Văn hóa - Thông tin kiêm Tổ trưởng Tổ Truyền thanh cơ sở";

fn long_note(i: usize) -> String {
    format!(
        "Ghi chú số {i}: nghỉ ốm dài ngày từ ngày 05/01 đến ngày 20/02, có giấy ra viện của Bệnh viện Đa khoa Đức Giang; đơn vị đề nghị không đánh giá quý này theo Hướng dẫn 17, mục 3.3; đã báo cáo Phòng Nội vụ bằng văn bản ngày 25/02. {}",
        "Thông tin thêm. ".repeat(i % 4)
    )
}

/// A unit with a 80-character name, people with 60-character names and titles, long notes, and
/// enough people for several pages.
fn long_unit(dir: &Path, code: &str, bloc: &str, members: usize) -> PathBuf {
    long_unit_of(dir, code, bloc, members, 1)
}

/// The same unit in quarter `q` of 2024.
fn long_unit_of(dir: &Path, code: &str, bloc: &str, members: usize, q: u32) -> PathBuf {
    let mut unit = Unit::new(code, members);
    unit.quarter(2024, q);
    unit.name = t(&format!("{LONG_UNIT} {code}"));
    unit.bloc = t(bloc);
    unit.columns.push(GHI_CHU);
    for (i, p) in unit.people.iter_mut().enumerate() {
        p.name = format!("{LONG_NAME} {i}");
        p.title = LONG_TITLE.to_string();
        if i % 3 == 1 {
            p.text(GHI_CHU, &long_note(i));
        }
        if i % 5 == 2 {
            p.set(SO_NGAY_NGHI, Cell::Num(20.0));
        }
    }
    let ids: Vec<(String, String)> = unit
        .people
        .iter()
        .take(3)
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let proposals: Vec<(&str, &str, u32)> = ids
        .iter()
        .zip(1..)
        .map(|((id, n), i)| (id.as_str(), n.as_str(), i))
        .collect();
    unit.propose(&proposals);
    unit.save(dir, &format!("{code}.xlsx"))
}

#[test]
fn long_names_titles_and_notes_wrap_and_rows_grow() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    long_unit(&input, "VHTT", "Chính quyền", 45);
    long_unit(&input, "BTG", "Đảng - Đoàn thể", 12);
    long_unit(&input, "THNL", "Trường học", 70);
    let out = tmp.path().join("ket-qua");
    let o = run_raw(&[
        "run",
        &input.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert!(exit_code(&o) <= 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        check_all(&out),
        3 + 3 + 2 + 3,
        "3 mẫu 06, 3 mẫu 07, toàn quận, khen thưởng, 3 tra-lai (proposals refused, form size)"
    );
    // The long mẫu 06 takes several pages, each with the header repeated.
    let m06 = printed::read(&out.join("don-vi/thnl-mau-06.xlsx"));
    assert!(m06[0].breaks.len() >= 2, "{:?}", m06[0].breaks);
    assert!(m06[0].repeat_rows.is_some());
    // The long texts are whole in the cells (wrapped, not cut).
    let cells: Vec<&str> = m06[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert!(cells.contains(&LONG_TITLE));
    assert!(
        cells.iter().any(|c| c.ends_with(long_note(7).trim_end())),
        "the note follows the reason"
    );
    // merge and rewards write the same documents alone.
    let merged = tmp.path().join("gop");
    std::fs::create_dir_all(&merged).unwrap();
    let mut args: Vec<String> = vec!["merge".into()];
    args.extend(
        workbooks(&out.join("khoi"))
            .iter()
            .map(|p| p.to_string_lossy().into_owned()),
    );
    args.extend([
        "-o".into(),
        merged.join("toan-quan.xlsx").to_string_lossy().into_owned(),
    ]);
    let o = run_raw(&args);
    assert_eq!(
        exit_code(&o),
        0,
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run_raw(&[
        "rewards",
        &input.to_string_lossy(),
        "-o",
        &merged.join("khen-thuong.xlsx").to_string_lossy(),
    ]);
    assert!(exit_code(&o) <= 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(check_all(&merged), 2);
}

/// `danhgia run` on `input` into `out`, then `danhgia nam` over the quarters into `book`.
fn run_then_nam(quarters: &[(PathBuf, PathBuf)], book: &Path) {
    for (input, out) in quarters {
        let o = run_raw(&[
            "run",
            &input.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
        ]);
        assert!(exit_code(&o) <= 1, "{}", String::from_utf8_lossy(&o.stderr));
    }
    let mut args: Vec<String> = vec!["nam".into()];
    args.extend(
        quarters
            .iter()
            .map(|(_, o)| o.to_string_lossy().into_owned()),
    );
    args.extend(["-o".into(), book.to_string_lossy().into_owned()]);
    let o = run_raw(&args);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn every_text_of_the_example_year_fits_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let quarters: Vec<(PathBuf, PathBuf)> = (1..=4)
        .map(|q| {
            (
                fixture("nam").join(format!("2024-Q{q}")),
                tmp.path().join(format!("q{q}")),
            )
        })
        .collect();
    let book = tmp.path().join("nam").join("nam.xlsx");
    std::fs::create_dir_all(book.parent().unwrap()).unwrap();
    run_then_nam(&quarters, &book);
    assert_eq!(check_all(book.parent().unwrap()), 1);
    // The heading of Phòng Nội vụ, which compiles the year (seed 000 §IV.1).
    let lines = heading(&book, 0);
    for want in [
        "UBND QUẬN LONG BIÊN",
        "PHÒNG NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ] {
        assert!(lines.contains(&want.to_string()), "{lines:?}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Số: ") && l.ends_with("/BC-PNV")),
        "{lines:?}"
    );
    // The summary fits on one page: the signature stays with the tables.
    let summary = &printed::read(&book)[0];
    assert!(summary.breaks.is_empty(), "{:?}", summary.breaks);
}

#[test]
fn the_year_of_long_names_wraps_and_rows_grow() {
    let tmp = tempfile::tempdir().unwrap();
    let mut quarters = Vec::new();
    for q in [1, 2] {
        let input = tmp.path().join(format!("in{q}"));
        std::fs::create_dir_all(&input).unwrap();
        long_unit_of(&input, "VHTT", "Chính quyền", 45, q);
        long_unit_of(&input, "BTG", "Đảng - Đoàn thể", 12, q);
        long_unit_of(&input, "THNL", "Trường học", 70, q);
        quarters.push((input, tmp.path().join(format!("q{q}"))));
    }
    let book = tmp.path().join("nam").join("nam.xlsx");
    std::fs::create_dir_all(book.parent().unwrap()).unwrap();
    run_then_nam(&quarters, &book);
    assert_eq!(check_all(book.parent().unwrap()), 1);
    // The people's sheet takes several pages, each with the header repeated.
    let people = printed::read(&book)
        .into_iter()
        .find(|s| s.name == "Cá nhân")
        .unwrap();
    assert!(people.breaks.len() >= 2, "{:?}", people.breaks);
    assert!(people.repeat_rows.is_some());
    let cells: Vec<&str> = people.cells.iter().map(|c| c.text.as_str()).collect();
    assert!(cells.iter().any(|c| c.starts_with(LONG_NAME)));
    assert!(cells.iter().any(|c| c.starts_with(LONG_UNIT)));
}

/// The texts of the first rows of a sheet (the heading), in order.
fn heading(path: &Path, sheet: usize) -> Vec<String> {
    let s = &printed::read(path)[sheet];
    let mut cells: Vec<_> = s.cells.iter().filter(|c| c.row < 5).collect();
    cells.sort_by_key(|c| (c.row, c.col));
    cells.iter().map(|c| c.text.clone()).collect()
}

/// "Long Biên, ngày 28 tháng 3 năm 2024" → the date.
fn date_in(lines: &[String]) -> chrono::NaiveDate {
    let line = lines
        .iter()
        .find(|l| l.contains(", ngày "))
        .expect("a place and date");
    let nums: Vec<u32> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let [d, m, y] = nums[..] else {
        panic!("{line}")
    };
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d).unwrap()
}

#[test]
fn party_and_state_headings_by_issuing_body() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ket-qua");
    let o = run_raw(&[
        "run",
        &demo_dir().to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(exit_code(&o), 1);
    let party = |lines: &[String], body: &str| {
        assert!(
            lines.contains(&"ĐẢNG BỘ QUẬN LONG BIÊN".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"ĐẢNG CỘNG SẢN VIỆT NAM".to_string()),
            "{lines:?}"
        );
        assert!(lines.contains(&body.to_string()), "{lines:?}");
        assert!(lines.contains(&"*".to_string()), "{lines:?}");
        assert!(!lines.iter().any(|l| l.contains("CỘNG HÒA")), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Số ") && l.contains("-TB/")),
            "{lines:?}"
        );
    };
    let state = |lines: &[String], body: &str| {
        assert!(
            lines.contains(&"UBND QUẬN LONG BIÊN".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"Độc lập - Tự do - Hạnh phúc".to_string()),
            "{lines:?}"
        );
        assert!(lines.contains(&body.to_string()), "{lines:?}");
        assert!(
            !lines.iter().any(|l| l.contains("ĐẢNG CỘNG SẢN")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Số: ") && l.contains("/TB-") || l.contains("/TTr-")),
            "{lines:?}"
        );
    };
    // The superior is an agency, never the bare name of the district.
    for f in workbooks(&out) {
        let lines = heading(&f, 0);
        assert!(
            !lines.contains(&"QUẬN LONG BIÊN".to_string()),
            "{}: {lines:?}",
            f.display()
        );
    }
    // Units of the Đảng–đoàn thể bloc and Ban Tổ chức: the Party's format.
    party(
        &heading(&out.join("don-vi/btc-mau-06.xlsx"), 0),
        "BAN TỔ CHỨC QUẬN ỦY",
    );
    party(
        &heading(&out.join("don-vi/mttq-mau-06.xlsx"), 0),
        "ỦY BAN MTTQ VIỆT NAM QUẬN",
    );
    party(
        &heading(&out.join("khoi/dang-doan-the-mau-07.xlsx"), 0),
        "BAN TỔ CHỨC QUẬN ỦY",
    );
    party(
        &heading(&out.join("toan-quan.xlsx"), 0),
        "BAN TỔ CHỨC QUẬN ỦY",
    );
    // The others: the State's.
    state(
        &heading(&out.join("don-vi/ubbd-mau-06.xlsx"), 0),
        "UBND PHƯỜNG BỒ ĐỀ",
    );
    state(
        &heading(&out.join("don-vi/thcsnl-mau-06.xlsx"), 0),
        "TRƯỜNG THCS NGỌC LÂM",
    );
    state(
        &heading(&out.join("khoi/chinh-quyen-mau-07.xlsx"), 0),
        "PHÒNG NỘI VỤ",
    );
    state(
        &heading(&out.join("khoi/truong-hoc-mau-07.xlsx"), 0),
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    );
    state(&heading(&out.join("khen-thuong.xlsx"), 0), "PHÒNG NỘI VỤ");
}

#[test]
fn no_document_is_dated_on_a_day_off() {
    let p = Profile::default_profile();
    let tmp = tempfile::tempdir().unwrap();
    // Every quarter of 2024–2025, whose deadlines fall on all kinds of days (28/09/2024 and
    // 28/12/2024 are Saturdays, 30/03/2025 a Sunday, 28/06/2025 a Saturday).
    for (year, q) in [
        (2024, 1),
        (2024, 2),
        (2024, 3),
        (2024, 4),
        (2025, 1),
        (2025, 2),
        (2025, 3),
    ] {
        let dir = tmp.path().join(format!("{year}-{q}"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut unit = Unit::new("PNV", 6);
        unit.quarter(year, q);
        unit.save(&dir, "pnv.xlsx");
        let out = dir.join("ket-qua");
        let o = run_raw(&[
            "run",
            &dir.join("pnv.xlsx").to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
        ]);
        assert!(
            exit_code(&o) <= 1,
            "{year} Q{q}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        for f in workbooks(&out) {
            let d = date_in(&heading(&f, 0));
            assert_eq!(
                p.calendar.is_working_day(d),
                Ok(true),
                "{year} Q{q} {}: {d}",
                f.display()
            );
        }
        if (year, q) == (2024, 3) {
            // 28/09/2024 is a Saturday: mẫu 06 is dated Friday the 27th.
            let d = date_in(&heading(&out.join("don-vi/pnv-mau-06.xlsx"), 0));
            assert_eq!(d, chrono::NaiveDate::from_ymd_opt(2024, 9, 27).unwrap());
        }
    }
}

#[test]
fn the_date_and_number_given_are_printed_and_a_day_off_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ket-qua");
    let demo = demo_dir().to_string_lossy().into_owned();
    let o = run_raw(&[
        "run",
        &demo,
        "-o",
        &out.to_string_lossy(),
        "--ngay",
        "02/04/2024",
        "--so",
        "15",
    ]);
    assert_eq!(exit_code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let district = heading(&out.join("toan-quan.xlsx"), 0);
    assert!(
        district.contains(&"Long Biên, ngày 02 tháng 4 năm 2024".to_string()),
        "{district:?}"
    );
    assert!(
        district.contains(&"Số 15-TB/BTCQU".to_string()),
        "{district:?}"
    );
    let unit = heading(&out.join("don-vi/ubbd-mau-06.xlsx"), 0);
    assert!(
        unit.contains(&"Long Biên, ngày 02 tháng 4 năm 2024".to_string()),
        "{unit:?}"
    );
    assert!(
        unit.iter()
            .any(|l| l.starts_with("Số: ") && !l.contains("15")),
        "a unit numbers its own: {unit:?}"
    );
    // rewards: the State's number line.
    let kt = tmp.path().join("khen-thuong.xlsx");
    let o = run_raw(&["rewards", &demo, "-o", &kt.to_string_lossy(), "--so", "7"]);
    assert!(exit_code(&o) <= 1);
    assert!(
        heading(&kt, 0).contains(&"Số: 7/TTr-PNV".to_string()),
        "{:?}",
        heading(&kt, 0)
    );
    // A Saturday, a holiday: refused, nothing written.
    for (day, why) in [("30/03/2024", "thứ Bảy"), ("2024-04-30", "nghỉ lễ")] {
        let out = tmp
            .path()
            .join(format!("ngay-nghi-{}", day.replace('/', "-")));
        let o = run_raw(&["run", &demo, "-o", &out.to_string_lossy(), "--ngay", day]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(exit_code(&o), 2, "{err}");
        assert!(
            err.contains("ngày nghỉ") && err.to_lowercase().contains(&why.to_lowercase()),
            "{err}"
        );
        assert!(!out.exists(), "nothing written, not even the folder");
    }
    // A quarter whose documents fall in a year the calendar lacks: the year is named.
    let dir = tmp.path().join("q4");
    std::fs::create_dir_all(&dir).unwrap();
    let mut unit = Unit::new("PNV", 3);
    unit.quarter(2026, 4);
    let file = unit.save(&dir, "pnv.xlsx");
    let o = run_raw(&[
        "run",
        &file.to_string_lossy(),
        "-o",
        &dir.join("kq").to_string_lossy(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(exit_code(&o), 2, "{err}");
    assert!(err.contains("năm 2027") && err.contains("--ngay"), "{err}");
    // A date given in that year is refused too: its holidays are not known (01/01/2027 would
    // pass a weekend check), until the year is added to the profile's calendar.
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec![
            "run".to_string(),
            file.to_string_lossy().into_owned(),
            "-o".into(),
            dir.join(out).to_string_lossy().into_owned(),
            "--ngay".into(),
            "04/01/2027".into(),
            "--ngay-quyet-dinh".into(),
            "05/01/2027".into(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        run_raw(&args)
    };
    let o = run("kq2", &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(exit_code(&o), 2, "{err}");
    assert!(err.contains("năm 2027"), "{err}");
    let profile = Profile::default_profile().source.replace(
        "[[calendar]]\nyear = 2026",
        "[[calendar]]\nyear = 2027\noff = [\"2027-01-01\"]\nmakeup_saturdays = []\n\n[[calendar]]\nyear = 2026",
    );
    let toml = dir.join("ho-so-2027.toml");
    std::fs::write(&toml, profile).unwrap();
    let o = run("kq3", &["--profile", &toml.to_string_lossy()]);
    assert!(exit_code(&o) <= 1, "{}", String::from_utf8_lossy(&o.stderr));
    let district = heading(&dir.join("kq3/toan-quan.xlsx"), 0);
    assert!(
        district.contains(&"Long Biên, ngày 04 tháng 01 năm 2027".to_string()),
        "{district:?}"
    );
    // With the year known, its New Year's Day is refused.
    let o = run_raw(&[
        "run",
        &file.to_string_lossy(),
        "-o",
        &dir.join("kq4").to_string_lossy(),
        "--ngay",
        "01/01/2027",
        "--ngay-quyet-dinh",
        "05/01/2027",
        "--profile",
        &toml.to_string_lossy(),
    ]);
    assert_eq!(exit_code(&o), 2);
}

/// The checker itself: a text wider than its column, unwrapped, a wrapped text in a row too
/// short for it and a line taller than its row are reported; the same texts laid out by the writers' helper are not.
#[test]
fn the_checker_sees_cut_and_overlapping_text() {
    use rust_xlsxwriter::{Format, Workbook};
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("xau.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let font = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12);
    ws.set_column_width(0, 12).unwrap();
    ws.write_string_with_format(0, 0, "Công chức Văn phòng - Thống kê", &font)
        .unwrap();
    ws.write_string_with_format(
        1,
        0,
        "Công chức Văn phòng - Thống kê",
        &font.clone().set_text_wrap(),
    )
    .unwrap();
    ws.write_string_with_format(2, 0, "Ngắn", &font).unwrap();
    wb.save(&path).unwrap();
    let bad = printed::misfits(&path);
    assert_eq!(bad.len(), 3, "{bad:#?}");
    assert!(
        bad[0].contains("R1C1") && bad[0].contains("not wrapped"),
        "{bad:?}"
    );
    assert!(
        bad[1].contains("R2C1") && bad[1].contains("needs"),
        "{bad:?}"
    );
    // Times New Roman 12 needs 15,75 points: Excel's default row of 15 clips it.
    assert!(
        bad[2].contains("R3C1") && bad[2].contains("a line of 15.75"),
        "{bad:?}"
    );

    let good = tmp.path().join("tot.xlsx");
    let mut wb = Workbook::new();
    let s = danhgia::writer::Styles::new();
    let mut sh = danhgia::writer::sheet::Sheet::new(wb.add_worksheet(), &[12.0]).unwrap();
    sh.text(0, 0, "Công chức Văn phòng - Thống kê", &s.cell)
        .unwrap();
    sh.text(1, 0, "Công chức Văn phòng - Thống kê", &s.cell_wrap)
        .unwrap();
    sh.text(2, 0, "Ngắn", &s.cell).unwrap();
    sh.finish(&danhgia::writer::sheet::Page::default()).unwrap();
    wb.save(&good).unwrap();
    assert_eq!(printed::misfits(&good), Vec::<String>::new());
}

/// The individual score sheets (phiếu 03/04/05), with the default profile: every text fits.
#[test]
fn every_text_of_the_score_sheets_fits_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    for form in ["phieu-03", "phieu-04", "phieu-05"] {
        let f = tmp.path().join(format!("{form}.xlsx"));
        let o = run_raw(&["template", form, "-o", &f.to_string_lossy()]);
        assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        let o = run_raw(&[
            "template",
            form,
            "-q",
            "2024-Q1",
            "--don-vi",
            LONG_UNIT,
            "-o",
            &tmp.path().join(format!("{form}-dv.xlsx")).to_string_lossy(),
        ]);
        assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(check_all(tmp.path()), 6);
    let lines = heading(&tmp.path().join("phieu-04.xlsx"), 0);
    assert!(
        lines.contains(&"UBND QUẬN LONG BIÊN".to_string()),
        "{lines:?}"
    );
}

/// The templates units fill in (SPEC §8 "Official look"): the unit workbook and the proposal
/// workbook of each campaign, written by the real binary, every text whole in its cell and every
/// page the writer plans holding its rows.
#[test]
fn every_text_of_the_templates_fits_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let runs: [(&str, Vec<&str>); 5] = [
        ("don-vi.xlsx", vec!["don-vi", "-q", "2024-Q1"]),
        ("danh-sach-don-vi.xlsx", vec!["danh-sach-don-vi"]),
        ("de-nghi-khen-thuong.xlsx", vec!["de-nghi-khen-thuong"]),
        (
            "de-nghi-loc-binh.xlsx",
            vec!["de-nghi-khen-thuong", "--profile", "loc-binh-2024"],
        ),
        (
            "de-nghi-ha-dong.xlsx",
            vec!["de-nghi-khen-thuong", "--profile", "ha-dong-cchc"],
        ),
    ];
    for (name, args) in &runs {
        let out = dir.join(name);
        let mut all = vec!["template"];
        all.extend(args);
        let out_arg = out.to_string_lossy().into_owned();
        all.extend(["-o", out_arg.as_str()]);
        let o = run_raw(&all);
        assert_eq!(
            exit_code(&o),
            0,
            "{all:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let files = workbooks(dir);
    assert_eq!(files.len(), runs.len(), "{files:?}");
    let mut problems = Vec::new();
    for f in &files {
        problems.extend(printed::misfits(f));
        for sheet in printed::read(f) {
            // A data-entry sheet printed "fit to the page width" is paginated by Excel itself.
            if !sheet.fit_to_page {
                problems.extend(overfull_pages(f, &sheet));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The check of a campaign's proposals (`rewards --profile <campaign> -o FILE`) prints the same
/// way: every text whole in its cell, every page holding its rows.
#[test]
fn every_text_of_the_campaign_checks_fits_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let runs: [(&str, &[&str]); 2] = [
        ("loc-binh-2024", &["chien-dich/loc-binh-thieu-ho-so.xlsx"]),
        (
            "ha-dong-cchc",
            &[
                "chien-dich/ha-dong-thieu-ho-so.xlsx",
                "chien-dich/ha-dong-thieu-ngay-cong-bo.xlsx",
            ],
        ),
    ];
    for (profile, inputs) in runs {
        let out = tmp.path().join(format!("{profile}.xlsx"));
        let mut args: Vec<String> = vec!["rewards".into(), "--profile".into(), profile.into()];
        args.extend(
            inputs
                .iter()
                .map(|f| fixture(f).to_string_lossy().into_owned()),
        );
        args.extend(["-o".into(), out.to_string_lossy().into_owned()]);
        let o = run_raw(&args);
        assert!(exit_code(&o) <= 1, "{}", String::from_utf8_lossy(&o.stderr));
    }
    let files = workbooks(tmp.path());
    assert_eq!(files.len(), 2, "{files:?}");
    let mut problems = Vec::new();
    for f in &files {
        problems.extend(printed::misfits(f));
        for sheet in printed::read(f) {
            problems.extend(overfull_pages(f, &sheet));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_review_of_signs_fits_its_pages_under_each_focal_office() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bat-thuong");
    std::fs::create_dir_all(&out).unwrap();
    let review = |inputs: &[&Path], file: &str| {
        let mut args: Vec<String> = vec!["bat-thuong".into()];
        args.extend(inputs.iter().map(|p| p.to_string_lossy().into_owned()));
        args.extend(["-o".into(), out.join(file).to_string_lossy().into_owned()]);
        let o = run_raw(&args);
        assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        out.join(file)
    };
    // The demo quarter: three blocs, one sheet each (one of them without a sign).
    let demo = review(&[&demo_dir()], "demo.xlsx");
    let b = fixture("bat-thuong");
    review(&[&b.join("quy-2"), &b.join("quy-1")], "fixtures.xlsx");
    // Twelve units with long names, each a sheet of 10s: a table over several pages.
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for c in 'A'..='L' {
        long_unit(&input, &format!("U{c}"), "Chính quyền", 12);
    }
    let long = review(&[&input], "long.xlsx");
    assert_eq!(check_all(&out), 3);
    let sheet = &printed::read(&long)[0];
    assert!(sheet.breaks.len() >= 2, "{:?}", sheet.breaks);
    assert!(sheet.repeat_rows.is_some());
    // Each bloc's sheet is issued by its focal office, in its format.
    let names: Vec<String> = printed::read(&demo)
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["Đảng - Đoàn thể", "Chính quyền", "Trường học"]);
    let party = heading(&demo, 0);
    assert!(
        party.contains(&"BAN TỔ CHỨC QUẬN ỦY".to_string()),
        "{party:?}"
    );
    assert!(
        party.contains(&"ĐẢNG CỘNG SẢN VIỆT NAM".to_string()),
        "{party:?}"
    );
    assert!(
        party
            .iter()
            .any(|l| l.starts_with("Số ") && l.ends_with("-BC/BTCQU")),
        "{party:?}"
    );
    assert!(heading(&demo, 1).contains(&"PHÒNG NỘI VỤ".to_string()));
    assert!(heading(&demo, 2).contains(&"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO".to_string()));
}
