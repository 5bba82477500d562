//! Mẫu 07: a bloc's summary of its units' results for the quarter, with a second sheet listing
//! every person đạt chuyên nghiệp in the bloc (the list to publish). The same table, grouped by
//! bloc, makes the whole-district workbook ([`super::toan_quan`]).

use super::sheet::{Page, Sheet};
use super::{new_workbook, official_heading, save, signature_block, Styles, WriterError};
use crate::district::{BlocSummary, DatPerson, Sums, Uncounted, UnitLine};
use crate::documents::{Dated, DocKind, Issuer};
use crate::model::Quarter;
use crate::profile::Profile;
use rust_xlsxwriter::{Workbook, XlsxError};
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

/// The widths of the summary table's columns.
pub const SUMMARY_WIDTHS: [f64; 9] = [6.0, 40.0, 12.0, 12.0, 12.0, 13.0, 10.0, 12.0, 46.0];

/// Writes the header row of the summary table at `row`; returns the next row.
pub(crate) fn summary_header(sh: &mut Sheet, s: &Styles, row: u32) -> Result<u32, XlsxError> {
    for (col, label) in HEADERS.iter().enumerate() {
        sh.text(row, col as u16, label, &s.header)?;
    }
    Ok(row + 1)
}

/// One unit line.
pub(crate) fn unit_row(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    stt: usize,
    l: &UnitLine,
) -> Result<(), XlsxError> {
    sh.number(row, 0, stt as f64, &s.int)?;
    sh.text(row, 1, &l.name, &s.cell_wrap)?;
    for (col, n) in [
        (2u16, l.people),
        (3, l.not_evaluated),
        (4, l.evaluated),
        (5, l.dat),
        (7, l.khong_dat),
    ] {
        sh.number(row, col, n as f64, &s.int)?;
    }
    sh.number(row, 6, l.rate(), &s.percent)?;
    sh.text(row, 8, &l.note, &s.cell_wrap)?;
    Ok(())
}

/// The line of a unit that is not counted ("Chưa gửi"): its name and note, the number cells
/// left blank.
fn uncounted_row(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    stt: usize,
    u: &Uncounted,
) -> Result<(), XlsxError> {
    sh.number(row, 0, stt as f64, &s.int)?;
    sh.text(row, 1, &u.name, &s.cell_wrap)?;
    for col in 2..LAST_COL {
        sh.blank(row, col, &s.cell)?;
    }
    sh.text(row, LAST_COL, &u.note, &s.cell_wrap)?;
    Ok(())
}

/// The lines of a bloc's units: those counted, then those that are not; returns the next row.
pub(crate) fn bloc_rows(
    sh: &mut Sheet,
    s: &Styles,
    mut row: u32,
    b: &BlocSummary,
) -> Result<u32, XlsxError> {
    for (i, l) in b.units.iter().enumerate() {
        unit_row(sh, s, row, i + 1, l)?;
        row += 1;
    }
    for (i, u) in b.uncounted.iter().enumerate() {
        uncounted_row(sh, s, row, b.units.len() + i + 1, u)?;
        row += 1;
    }
    Ok(row)
}

/// A totals line ("Tổng cộng", "Cộng khối …").
pub(crate) fn sums_row(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    label: &str,
    t: &Sums,
) -> Result<(), XlsxError> {
    sh.merge(row, 0, row, 1, label, &s.total_label)?;
    for (col, n) in [
        (2u16, t.people),
        (3, t.not_evaluated),
        (4, t.evaluated),
        (5, t.dat),
        (7, t.khong_dat),
    ] {
        sh.number(row, col, n as f64, &s.total_int)?;
    }
    sh.number(row, 6, t.rate(), &s.total_percent)?;
    let note = if t.loi > 0 {
        format!("Trong đó {} người chưa xác định (lỗi dữ liệu)", t.loi)
    } else {
        String::new()
    };
    sh.text(row, 8, &note, &s.cell_wrap)?;
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
    // A whole district's list is long: written row by row in constant memory, its rows go to
    // the package as they are written instead of staying in memory until the workbook is saved.
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name(SHEET_DAT)?;
    let with_bloc = people.iter().any(|(_, b)| b.is_some());
    let mut headers = vec!["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tổng điểm"];
    let mut widths = vec![6.0, 28.0, 30.0, 48.0, 10.0];
    if with_bloc {
        headers.push("Khối");
        widths.push(18.0);
    }
    let last = headers.len() as u16 - 1;
    let mut sh = Sheet::streaming(ws, &widths)?;
    sh.merge(0, 0, 0, last, title, &s.title)?;
    if !note.is_empty() {
        sh.merge(1, 0, 1, last, note, &s.note)?;
    }
    for (col, label) in headers.iter().enumerate() {
        sh.text(2, col as u16, label, &s.header)?;
    }
    sh.ws.set_freeze_panes(3, 0)?;
    for (i, (p, bloc)) in people.iter().enumerate() {
        let row = 3 + i as u32;
        sh.number(row, 0, (i + 1) as f64, &s.int)?;
        sh.text(row, 1, &p.name, &s.cell_wrap)?;
        sh.text(row, 2, &p.title, &s.cell_wrap)?;
        sh.text(row, 3, &p.unit, &s.cell_wrap)?;
        match p.total {
            Some(t) => {
                let style = if t.0 % 2 == 0 { &s.int } else { &s.score };
                sh.number(row, 4, t.0 as f64 / 2.0, style)?;
            }
            None => sh.text(row, 4, "", &s.cell)?,
        };
        if let Some(b) = bloc {
            sh.text(row, 5, b, &s.cell_wrap)?;
        }
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((2, 2)),
        keep: vec![(0, 3)],
    })?;
    Ok(())
}

/// Builds the mẫu 07 workbook of a bloc.
pub fn build(
    b: &BlocSummary,
    quarter: Quarter,
    profile: &Profile,
    doc: &Dated,
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
    let mut sh = Sheet::new(ws, &SUMMARY_WIDTHS)?;
    let heading = doc.heading(profile, &Issuer::bloc(profile, b.bloc), DocKind::Mau07);
    let mut row = official_heading(&mut sh, &s, 0, &heading, (0, 2), (4, LAST_COL))?;
    sh.merge(
        row,
        0,
        row,
        LAST_COL,
        &format!(
            "TỔNG HỢP\nKẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ {} NĂM {}",
            quarter.roman(),
            quarter.year
        ),
        &s.title,
    )?;
    sh.merge(
        row + 1,
        0,
        row + 1,
        LAST_COL,
        &format!("Khối: {}", spec.name),
        &s.bold_center,
    )?;
    sh.merge(row + 2, 0, row + 2, LAST_COL, "(Mẫu 07)", &s.subtitle)?;
    row += 4;
    let head = row;
    row = summary_header(&mut sh, &s, row)?;
    sh.ws.set_freeze_panes(row, 2)?;
    row = bloc_rows(&mut sh, &s, row, b)?;
    sums_row(&mut sh, &s, row, "Tổng cộng", &b.sums())?;
    let end = signature_block(
        &mut sh,
        &s,
        row + 2,
        (0, 1),
        (5, LAST_COL),
        "NGƯỜI LẬP BIỂU",
        &format!("THỦ TRƯỞNG {}", spec.focal.to_uppercase()),
    )?;
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1), (row.saturating_sub(1).max(head), end - 1)],
    })?;

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
    doc: &Dated,
    path: &Path,
) -> Result<(), WriterError> {
    build(b, quarter, profile, doc)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| {
            let bloc = &profile.bloc(b.bloc).name;
            e.of(path, &format!("khối / bloc {bloc}"))
        })
}
