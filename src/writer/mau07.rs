//! Mẫu 07: a bloc's summary of its units' results for the quarter, with a second sheet listing
//! every person đạt chuyên nghiệp in the bloc (the list to publish). The same table, grouped by
//! bloc, makes the whole-district workbook ([`super::toan_quan`]).

use super::{
    header_row, merge_area, merge_text, national_header, new_workbook, official_page, place_date,
    save, signature, text, Styles, WriterError,
};
use crate::district::{BlocSummary, DatPerson, Sums, UnitLine};
use crate::model::Quarter;
use crate::profile::Profile;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use std::path::Path;

pub const SHEET_SUMMARY: &str = "Mẫu 07";
pub const SHEET_DAT: &str = "Danh sách đạt";
pub const LAST_COL: u16 = 8;

/// The column headers of the summary table (the layout `merge` reads back).
pub const HEADERS: [&str; 9] = [
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

pub(crate) fn set_summary_columns(ws: &mut Worksheet) -> Result<(), XlsxError> {
    for (col, width) in [
        (0, 6.0),
        (1, 40.0),
        (2, 12.0),
        (3, 12.0),
        (4, 12.0),
        (5, 13.0),
        (6, 10.0),
        (7, 12.0),
        (8, 50.0),
    ] {
        ws.set_column_width(col, width)?;
    }
    Ok(())
}

/// Writes the header row of the summary table at `row`; returns the next row.
pub(crate) fn summary_header(ws: &mut Worksheet, s: &Styles, row: u32) -> Result<u32, XlsxError> {
    header_row(ws, &s.header, row, &HEADERS)?;
    ws.set_row_height(row, 48)?;
    Ok(row + 1)
}

/// One unit line.
pub(crate) fn unit_row(
    ws: &mut Worksheet,
    s: &Styles,
    row: u32,
    stt: usize,
    l: &UnitLine,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, 0, stt as f64, &s.int)?;
    text(ws, row, 1, &l.name, &s.cell_wrap)?;
    for (col, n) in [
        (2u16, l.people),
        (3, l.not_evaluated),
        (4, l.evaluated),
        (5, l.dat),
        (7, l.khong_dat),
    ] {
        ws.write_number_with_format(row, col, n as f64, &s.int)?;
    }
    ws.write_number_with_format(row, 6, l.rate(), &s.percent)?;
    text(ws, row, 8, &l.note, &s.cell_wrap)?;
    Ok(())
}

/// A totals line ("Tổng cộng", "Cộng khối …").
pub(crate) fn sums_row(
    ws: &mut Worksheet,
    s: &Styles,
    row: u32,
    label: &str,
    t: &Sums,
) -> Result<(), XlsxError> {
    merge_area(ws, row, 0, row, 1, label, &s.total_label)?;
    for (col, n) in [
        (2u16, t.people),
        (3, t.not_evaluated),
        (4, t.evaluated),
        (5, t.dat),
        (7, t.khong_dat),
    ] {
        ws.write_number_with_format(row, col, n as f64, &s.total_int)?;
    }
    ws.write_number_with_format(row, 6, t.rate(), &s.total_percent)?;
    let note = if t.loi > 0 {
        format!("Trong đó {} người chưa xác định (lỗi dữ liệu)", t.loi)
    } else {
        String::new()
    };
    text(ws, row, 8, &note, &s.cell_wrap)?;
    Ok(())
}

/// The sheet of people đạt; a bloc given with each person adds the bloc column (whole
/// district). `note`, when not empty, stands between the title and the table (a list that is
/// not complete says so there).
pub(crate) fn dat_sheet(
    wb: &mut Workbook,
    s: &Styles,
    title: &str,
    note: &str,
    people: &[(&DatPerson, Option<&str>)],
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_DAT)?;
    let with_bloc = people.iter().any(|(_, b)| b.is_some());
    let mut headers = vec!["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tổng điểm"];
    if with_bloc {
        headers.push("Khối");
    }
    let last = headers.len() as u16 - 1;
    for (col, width) in [
        (0, 6.0),
        (1, 28.0),
        (2, 22.0),
        (3, 40.0),
        (4, 10.0),
        (5, 18.0),
    ] {
        ws.set_column_width(col, width)?;
    }
    ws.set_row_height(0, 36)?;
    merge_text(ws, 0, 0, last, title, &s.title)?;
    if !note.is_empty() {
        let width: f64 = [6.0, 28.0, 22.0, 40.0, 10.0, 18.0][..=usize::from(last)]
            .iter()
            .sum();
        ws.set_row_height(1, super::kit::wrapped_height(note, width, 16.0))?;
        merge_text(ws, 1, 0, last, note, &s.note)?;
    }
    header_row(ws, &s.header, 2, &headers)?;
    ws.set_freeze_panes(3, 0)?;
    official_page(ws, Some((2, 2)))?;
    for (i, (p, bloc)) in people.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &s.int)?;
        text(ws, row, 1, &p.name, &s.cell)?;
        text(ws, row, 2, &p.title, &s.cell)?;
        text(ws, row, 3, &p.unit, &s.cell_wrap)?;
        match p.total {
            Some(t) => {
                ws.write_number_with_format(
                    row,
                    4,
                    t.0 as f64 / 2.0,
                    if t.0 % 2 == 0 { &s.int } else { &s.score },
                )?;
            }
            None => text(ws, row, 4, "", &s.cell)?,
        };
        if let Some(b) = bloc {
            text(ws, row, 5, b, &s.cell)?;
        }
    }
    Ok(())
}

/// The date a bloc sends mẫu 07: day 30 of the quarter's last month (the last day when shorter).
pub fn bloc_date(q: Quarter) -> chrono::NaiveDate {
    let m = q.months()[2];
    (0..3)
        .find_map(|back| chrono::NaiveDate::from_ymd_opt(q.year, m, 30 - back))
        .expect("a month has at least 28 days")
}

/// Builds the mẫu 07 workbook of a bloc.
pub fn build(
    b: &BlocSummary,
    quarter: Quarter,
    profile: &Profile,
) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let spec = profile.bloc(b.bloc);
    let mut wb = new_workbook(&format!(
        "Mẫu 07 - {} - Quý {}/{}",
        spec.name,
        quarter.roman(),
        quarter.year
    ));
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_SUMMARY)?;
    set_summary_columns(ws)?;
    let mut row = national_header(
        ws,
        &s,
        0,
        &profile.district,
        &spec.focal,
        2,
        4,
        LAST_COL,
        &place_date(&profile.place, bloc_date(quarter)),
    )?;
    ws.set_row_height(row, 36)?;
    merge_text(
        ws,
        row,
        0,
        LAST_COL,
        &format!(
            "TỔNG HỢP\nKẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ {} NĂM {}",
            quarter.roman(),
            quarter.year
        ),
        &s.title,
    )?;
    merge_text(
        ws,
        row + 1,
        0,
        LAST_COL,
        &format!("Khối: {}", spec.name),
        &s.bold_center,
    )?;
    merge_text(ws, row + 2, 0, LAST_COL, "(Mẫu 07)", &s.subtitle)?;
    row += 4;
    let head = row;
    row = summary_header(ws, &s, row)?;
    ws.set_freeze_panes(row, 2)?;
    official_page(ws, Some((head, head)))?;
    for (i, l) in b.units.iter().enumerate() {
        unit_row(ws, &s, row, i + 1, l)?;
        row += 1;
    }
    sums_row(ws, &s, row, "Tổng cộng", &b.sums())?;
    row += 3;
    signature(
        ws,
        &s,
        row,
        (0, 1),
        (5, LAST_COL),
        "NGƯỜI LẬP BIỂU",
        &format!("THỦ TRƯỞNG {}", spec.focal.to_uppercase()),
    )?;

    let people: Vec<(&DatPerson, Option<&str>)> = b.dat_people.iter().map(|p| (p, None)).collect();
    dat_sheet(
        &mut wb,
        &s,
        &format!(
            "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP QUÝ {} NĂM {}\nKhối: {}",
            quarter.roman(),
            quarter.year,
            spec.name
        ),
        "",
        &people,
    )?;
    Ok(wb)
}

pub fn write(
    b: &BlocSummary,
    quarter: Quarter,
    profile: &Profile,
    path: &Path,
) -> Result<(), WriterError> {
    build(b, quarter, profile)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| {
            let bloc = &profile.bloc(b.bloc).name;
            e.of(path, &format!("khối / bloc {bloc}"))
        })
}
