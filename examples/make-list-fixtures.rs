//! Writes the monthly rating list fixtures (SPEC §3 "Monthly rating lists") into
//! `fixtures/danh-sach-thang/` (or the folder given): unit workbooks whose month columns are
//! left blank, and the lists units send beside them — one file per month, one file with a sheet
//! per month, a software export with title rows and a `Tháng` column, a list that contradicts
//! the workbook, a list whose unit cannot be told. `fixtures/danh-sach-thang/README.md` says
//! what each folder must give; `tests/monthly_lists.rs` checks it.
//!
//! Run: `cargo run --example make-list-fixtures [-- OUTDIR]`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// One person of a fixture unit.
#[derive(Clone)]
struct Person {
    id: &'static str,
    name: &'static str,
    birth: String,
    title: &'static str,
    part: &'static str,
    btv: bool,
    /// The month cells of `Danh sách` as written ("" = blank).
    months: [&'static str; 3],
}

/// The five people of every fixture unit.
fn people() -> Vec<Person> {
    vec![
        Person {
            id: "TN01",
            name: "Nguyễn Văn An",
            birth: "12/03/1975".to_string(),
            title: "Trưởng phòng",
            part: "Lãnh đạo",
            btv: true,
            months: ["", "", ""],
        },
        Person {
            id: "TN02",
            name: "Trần Thị Bình",
            birth: "05/07/1982".to_string(),
            title: "Chuyên viên",
            part: "Bộ phận Tổng hợp",
            btv: false,
            months: ["", "", ""],
        },
        Person {
            id: "TN03",
            name: "Lê Minh Cường",
            birth: "21/11/1988".to_string(),
            title: "Chuyên viên",
            part: "Bộ phận Tổng hợp",
            btv: false,
            months: ["", "", ""],
        },
        Person {
            id: "TN04",
            name: "Phạm Thu Hằng",
            birth: "02/02/1990".to_string(),
            title: "Chuyên viên",
            part: "Bộ phận Tổng hợp",
            btv: false,
            months: ["", "", ""],
        },
        Person {
            id: "TN05",
            name: "Hoàng Đức Dũng",
            birth: "30/09/1979".to_string(),
            title: "Chuyên viên",
            part: "Bộ phận Tổng hợp",
            btv: false,
            months: ["", "", ""],
        },
    ]
}

/// The ratings the lists give (months 1, 2, 3 of quarter I/2024): everyone đạt.
const RATINGS: [&str; 3] = ["HTXSNV", "HTTNV", "HTTNV"];

/// A unit of quarter I/2024.
struct Unit {
    name: &'static str,
    code: &'static str,
    people: Vec<Person>,
}

fn new_book() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("make-list-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 1)?),
    );
    Ok(wb)
}

/// Column widths (in characters) and one page wide, so that the printed list reads as a
/// clerk would see it.
fn widths(ws: &mut Worksheet, w: &[f64]) -> Result<(), XlsxError> {
    for (c, &chars) in w.iter().enumerate() {
        ws.set_column_width(c as u16, chars)?;
    }
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn row_of(ws: &mut Worksheet, row: u32, cells: &[&str]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(row, c as u16, *v)?;
        }
    }
    Ok(())
}

/// The unit's workbook: `Thông tin`, `Danh sách` (months as the people say), `Mẫu 03` for the
/// leader and `Mẫu 04` for the others, every content scored 10.
fn write_unit(path: &Path, unit: &Unit) -> Result<(), XlsxError> {
    let mut wb = new_book()?;
    let info = wb.add_worksheet().set_name("Thông tin")?;
    let headcount = unit.people.len().to_string();
    for (r, (label, value)) in [
        ("Đơn vị", unit.name),
        ("Mã đơn vị", unit.code),
        ("Khối", "Chính quyền"),
        ("Quý", "I/2024"),
        ("Tổng số CBCCVC, NLĐ", headcount.as_str()),
        ("Ngày gửi", "25/03/2024"),
    ]
    .into_iter()
    .enumerate()
    {
        row_of(info, r as u32, &[label, value])?;
    }
    let list = wb.add_worksheet().set_name("Danh sách")?;
    row_of(
        list,
        0,
        &[
            "STT",
            "Mã CB",
            "Họ và tên",
            "Ngày sinh",
            "Chức vụ",
            "Bộ phận",
            "Phụ trách",
            "Diện BTV quản lý",
            "Tháng 1",
            "Tháng 2",
            "Tháng 3",
            "Kỷ luật",
            "Thanh tra, kiểm tra",
            "Số ngày nghỉ",
            "Ghi chú",
        ],
    )?;
    for (i, p) in unit.people.iter().enumerate() {
        let stt = (i + 1).to_string();
        let id = format!("{}{}", unit.code, &p.id[2..]);
        row_of(
            list,
            i as u32 + 1,
            &[
                &stt,
                &id,
                p.name,
                &p.birth,
                p.title,
                p.part,
                "",
                if p.btv { "x" } else { "" },
                p.months[0],
                p.months[1],
                p.months[2],
                "",
                "",
                "0",
                "",
            ],
        )?;
    }
    for (sheet, items, leader) in [("Mẫu 03", 45u16, true), ("Mẫu 04", 30, false)] {
        let ws = wb.add_worksheet().set_name(sheet)?;
        row_of(ws, 0, &["STT", "Mã CB", "Họ và tên"])?;
        for k in 1..=items {
            ws.write_number(0, 2 + k, f64::from(k))?;
        }
        let on_sheet = unit.people.iter().filter(|p| p.btv == leader);
        for (i, p) in on_sheet.enumerate() {
            let r = i as u32 + 1;
            let id = format!("{}{}", unit.code, &p.id[2..]);
            row_of(ws, r, &[&(i + 1).to_string(), &id, p.name])?;
            for k in 1..=items {
                ws.write_number(r, 2 + k, 10.0)?;
            }
        }
    }
    wb.save(path)
}

/// A list of one month, as typed by a unit: a title, the unit on a title line, no `Mã CB`.
fn write_month_list(path: &Path, unit: &Unit, month: usize) -> Result<(), XlsxError> {
    let mut wb = new_book()?;
    let ws = wb.add_worksheet().set_name("Sheet1")?;
    widths(ws, &[6.0, 24.0, 16.0, 12.0, 14.0])?;
    let title = format!(
        "DANH SÁCH XẾP LOẠI CÁN BỘ, CÔNG CHỨC THÁNG {}/2024",
        month + 1
    );
    row_of(ws, 0, &[&title])?;
    row_of(ws, 1, &[&format!("Đơn vị: {}", unit.name)])?;
    row_of(
        ws,
        3,
        &["STT", "Họ và tên", "Chức vụ", "Xếp loại", "Ghi chú"],
    )?;
    for (i, p) in unit.people.iter().enumerate() {
        let stt = (i + 1).to_string();
        row_of(
            ws,
            4 + i as u32,
            &[&stt, p.name, p.title, RATINGS[month], ""],
        )?;
    }
    wb.save(path)
}

/// One file, a sheet per month named "Tháng 1"…; `Mã CB` given; no unit named anywhere (the
/// list is matched to the only workbook of its folder).
fn write_sheet_per_month(path: &Path, unit: &Unit) -> Result<(), XlsxError> {
    let mut wb = new_book()?;
    for (month, rating) in RATINGS.iter().enumerate() {
        let ws = wb
            .add_worksheet()
            .set_name(format!("Tháng {}", month + 1))?;
        widths(ws, &[6.0, 10.0, 24.0, 14.0])?;
        row_of(ws, 0, &["STT", "Mã CB", "Họ và tên", "Mức xếp loại"])?;
        for (i, p) in unit.people.iter().enumerate() {
            let id = format!("{}{}", unit.code, &p.id[2..]);
            let stt = (i + 1).to_string();
            row_of(ws, 1 + i as u32, &[&stt, &id, p.name, rating])?;
        }
    }
    wb.save(path)
}

/// A rating software's export: agency title rows, a merged-looking title, the quarter, then a
/// table with `Mã đơn vị`, `Ngày sinh`, `Tháng` (a row per person per month) and ratings in
/// full words; one person who is not in the unit.
fn write_export(path: &Path, unit: &Unit) -> Result<(), XlsxError> {
    let mut wb = new_book()?;
    let ws = wb.add_worksheet().set_name("KetQua")?;
    widths(ws, &[6.0, 11.0, 20.0, 12.0, 7.0, 30.0])?;
    row_of(
        ws,
        0,
        &[
            "UBND QUẬN LONG BIÊN",
            "",
            "",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ],
    )?;
    row_of(
        ws,
        1,
        &[
            "PHẦN MỀM ĐÁNH GIÁ XẾP LOẠI",
            "",
            "",
            "Độc lập - Tự do - Hạnh phúc",
        ],
    )?;
    row_of(ws, 3, &["KẾT QUẢ XẾP LOẠI HẰNG THÁNG"])?;
    row_of(ws, 4, &["Quý I năm 2024"])?;
    row_of(
        ws,
        6,
        &[
            "TT",
            "Mã đơn vị",
            "Họ tên",
            "Ngày tháng năm sinh",
            "Tháng",
            "Kết quả xếp loại",
        ],
    )?;
    let words = [
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
    ];
    let mut r = 7;
    for (month, word) in words.iter().enumerate() {
        for p in unit.people.iter().chain(std::iter::once(&stranger())) {
            let stt = (r - 6).to_string();
            let m = (month + 1).to_string();
            row_of(ws, r, &[&stt, unit.code, p.name, &p.birth, &m, word])?;
            r += 1;
        }
    }
    wb.save(path)
}

/// Someone a list names who is not in the unit's `Danh sách`.
fn stranger() -> Person {
    Person {
        id: "XX99",
        name: "Đỗ Hữu Hiếu",
        birth: "14/04/1991".to_string(),
        title: "Chuyên viên",
        part: "Bộ phận Tổng hợp",
        btv: false,
        months: ["", "", ""],
    }
}

/// A list of month 2 for a unit whose workbook has its months filled: it agrees for everyone but
/// person `who` (`rating` against the workbook's HTTNV), and fills person 5's blank month 2.
fn write_conflicting(path: &Path, unit: &Unit, who: &str, rating: &str) -> Result<(), XlsxError> {
    let mut wb = new_book()?;
    let ws = wb.add_worksheet().set_name("Tháng 2")?;
    widths(ws, &[6.0, 10.0, 24.0, 12.0])?;
    row_of(ws, 0, &[&format!("Đơn vị: {}", unit.name)])?;
    row_of(ws, 1, &["DANH SÁCH XẾP LOẠI THÁNG 2 NĂM 2024"])?;
    row_of(ws, 2, &["STT", "Mã CB", "Họ và tên", "Xếp loại"])?;
    for (i, p) in unit.people.iter().enumerate() {
        let id = format!("{}{}", unit.code, &p.id[2..]);
        let rating = if p.id == who { rating } else { "HTTNV" };
        row_of(
            ws,
            3 + i as u32,
            &[&(i + 1).to_string(), &id, p.name, rating],
        )?;
    }
    wb.save(path)
}

/// Sheets `Tháng 1`…`Tháng 3` with `Họ và tên` and `Xếp loại` only, one row per distinct name.
fn write_names_only(path: &Path, unit: &Unit) -> Result<(), XlsxError> {
    let mut wb = new_book()?;
    let mut names: Vec<&str> = Vec::new();
    for p in &unit.people {
        if !names.contains(&p.name) {
            names.push(p.name);
        }
    }
    for (month, rating) in RATINGS.iter().enumerate() {
        let ws = wb
            .add_worksheet()
            .set_name(format!("Tháng {}", month + 1))?;
        widths(ws, &[24.0, 12.0])?;
        row_of(ws, 0, &["Họ và tên", "Xếp loại"])?;
        for (i, n) in names.iter().enumerate() {
            row_of(ws, 1 + i as u32, &[n, rating])?;
        }
    }
    wb.save(path)
}

fn unit(name: &'static str, code: &'static str, filled: bool) -> Unit {
    let people = people()
        .into_iter()
        .map(|mut p| {
            if filled && p.id != "TN05" {
                p.months = RATINGS;
            } else if filled {
                p.months = [RATINGS[0], "", RATINGS[2]];
            }
            p
        })
        .collect();
    Unit { name, code, people }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out: PathBuf = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("fixtures/danh-sach-thang"), PathBuf::from);
    let dir = |name: &str| -> std::io::Result<PathBuf> {
        let d = out.join(name);
        std::fs::create_dir_all(&d)?;
        Ok(d)
    };

    let a = unit("Phòng Thử nghiệm", "TN", false);
    let d = dir("moi-thang-mot-tep")?;
    write_unit(&d.join("so-danh-gia.xlsx"), &a)?;
    for m in 0..3 {
        write_month_list(&d.join(format!("xep-loai-thang-{}.xlsx", m + 1)), &a, m)?;
    }

    let b = unit("Phòng Kiểm định", "KD", false);
    let d = dir("mot-tep-ba-trang")?;
    write_unit(&d.join("so-danh-gia.xlsx"), &b)?;
    write_sheet_per_month(&d.join("xep-loai-quy-1.xlsx"), &b)?;

    let c = unit("Phòng Xuất dữ liệu", "XD", false);
    let d = dir("xuat-tu-phan-mem")?;
    write_unit(&d.join("so-danh-gia.xlsx"), &c)?;
    write_export(&d.join("ket-xuat-xep-loai.xlsx"), &c)?;

    let e = unit("Phòng Đối chiếu", "DC", true);
    let d = dir("mau-thuan")?;
    write_unit(&d.join("so-danh-gia.xlsx"), &e)?;
    write_conflicting(&d.join("xep-loai-thang-2.xlsx"), &e, "TN03", "HTNV")?;

    let l = unit("Phòng Lãnh đạo", "LD", true);
    let d = dir("mau-thuan-khtnv")?;
    write_unit(&d.join("so-danh-gia.xlsx"), &l)?;
    write_conflicting(&d.join("xep-loai-thang-2.xlsx"), &l, "TN04", "KHTNV")?;

    let f = unit("Phòng Một", "P1", false);
    // Other people (born a year later): not the same people as Phòng Một's.
    let mut g = unit("Phòng Hai", "P2", false);
    for p in &mut g.people {
        let year: u32 = p.birth[6..].parse()?;
        p.birth = format!("{}{}", &p.birth[..6], year + 1);
    }
    let d = dir("khong-ro-don-vi")?;
    write_unit(&d.join("phong-mot.xlsx"), &f)?;
    write_unit(&d.join("phong-hai.xlsx"), &g)?;
    write_sheet_per_month(&d.join("xep-loai.xlsx"), &f)?;

    // Three people named "Trần Thị Bình" (born on other days): a list without codes or birth
    // dates cannot tell them apart.
    let mut h = unit("Phòng Trùng tên", "TT", false);
    for p in &mut h.people {
        if p.id == "TN04" || p.id == "TN05" {
            p.name = "Trần Thị Bình";
        }
    }
    let d = dir("trung-ten")?;
    write_unit(&d.join("so-danh-gia.xlsx"), &h)?;
    write_names_only(&d.join("xep-loai.xlsx"), &h)?;

    println!("monthly list fixtures written to {}", out.display());
    Ok(())
}
