//! The focal offices' report of the signs to review (001 Bước 4: "lãnh đạo các đơn vị đầu mối …
//! báo cáo lãnh đạo Quận ủy, UBND Quận … xem xét, cho ý kiến"): one sheet per bloc reviewed,
//! under the heading of the bloc's focal office — each sign with its unit, what it means, its
//! evidence and room for the leaders' opinion; what could not be checked; the thresholds used.

use super::sheet::{Page, Sheet};
use super::{new_workbook, official_heading, save, signature_block, Styles, WriterError};
use crate::anomaly::Sign;
use crate::bat_thuong::report::{quarter_words, thresholds_words, unit_words, units_words};
use crate::bat_thuong::Review;
use crate::documents::{Dated, DocKind, Issuer};
use crate::i18n::Lang;
use crate::model::Bloc;
use crate::profile::Profile;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::Path;

const LAST_COL: u16 = 5;

/// STT, unit, sign, what it means, evidence, the leaders' opinion.
const WIDTHS: [f64; 6] = [6.0, 28.0, 24.0, 42.0, 60.0, 24.0];

const HEADERS: [&str; 6] = [
    "STT",
    "Đơn vị",
    "Dấu hiệu",
    "Vì sao cần xem lại",
    "Bằng chứng",
    "Ý kiến của lãnh đạo",
];

/// People named per sign in a cell (the JSON document names them all).
const SHOWN: usize = 20;

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str, bloc: Bloc) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    if clean.is_empty() {
        bloc.code().to_string()
    } else {
        clean
    }
}

/// Builds the workbook: a sheet for each bloc with a unit reviewed.
pub fn build(review: &Review, profile: &Profile, doc: &Dated) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let q = review.quarter;
    let mut wb = new_workbook(&format!(
        "Dấu hiệu bất thường - Quý {}/{}",
        q.roman(),
        q.year
    ));
    for bloc in Bloc::ALL {
        if review.units.iter().any(|u| u.bloc == bloc) {
            bloc_sheet(&mut wb, &s, review, profile, doc, bloc)?;
        }
    }
    Ok(wb)
}

/// The title, the bloc and the line that says what the document is for; returns the next row.
fn title(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    review: &Review,
    bloc: &str,
) -> Result<u32, XlsxError> {
    let q = review.quarter;
    sh.merge(
        row,
        0,
        row,
        LAST_COL,
        &format!(
            "BÁO CÁO\nCÁC DẤU HIỆU BẤT THƯỜNG TRONG KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ {} NĂM {}",
            q.roman(),
            q.year
        ),
        &s.title,
    )?;
    sh.merge(
        row + 1,
        0,
        row + 1,
        LAST_COL,
        &format!("Khối: {bloc}"),
        &s.bold_center,
    )?;
    let against = review.previous.map_or(String::new(), |p| {
        format!(" Tỷ lệ đạt được so với {}.", quarter_words(p, Lang::Vi))
    });
    sh.merge(
        row + 2,
        0,
        row + 2,
        LAST_COL,
        &format!(
            "(Trình lãnh đạo xem xét, cho ý kiến trước khi tổng hợp Mẫu 07 — bước 4 của Hướng dẫn triển khai bộ tiêu chí. Các dấu hiệu chỉ để xem lại, không thay đổi kết quả đánh giá của đơn vị.{against})"
        ),
        &s.subtitle,
    )?;
    Ok(row + 4)
}

/// One bloc's sheet.
fn bloc_sheet(
    wb: &mut Workbook,
    s: &Styles,
    review: &Review,
    profile: &Profile,
    doc: &Dated,
    bloc: Bloc,
) -> Result<(), WriterError> {
    let spec = profile.bloc(bloc);
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&spec.name, bloc))?;
    let mut sh = Sheet::new(ws, &WIDTHS)?;
    let heading = doc.heading(profile, &Issuer::bloc(profile, bloc), DocKind::Review);
    let mut row = official_heading(&mut sh, s, 0, &heading, (0, 2), (3, LAST_COL))?;
    row = title(&mut sh, s, row, review, &spec.name)?;
    let head = row;
    for (col, label) in HEADERS.iter().enumerate() {
        sh.text(row, col as u16, label, &s.header)?;
    }
    sh.ws.set_freeze_panes(row + 1, 0)?;
    let signs: Vec<&Sign> = review
        .signs
        .iter()
        .filter(|x| review.units[x.unit].bloc == bloc)
        .collect();
    let table_end = sign_rows(&mut sh, s, head + 1, review, profile, &signs)?;
    let units: Vec<usize> = (0..review.units.len())
        .filter(|&i| review.units[i].bloc == bloc)
        .collect();
    sh.merge(
        table_end,
        0,
        table_end,
        LAST_COL,
        &summary(&units, &signs),
        &s.total_label,
    )?;
    row = not_checked(&mut sh, s, table_end + 1, review, profile, &units)?;
    row = about_files(&mut sh, s, row, review)?;
    let thresholds = thresholds_words(&profile.signs, profile, Lang::Vi);
    sh.merge(row, 0, row, LAST_COL, &thresholds, &s.italic)?;
    let signer = format!("THỦ TRƯỞNG {}", spec.focal.to_uppercase());
    let end = signature_block(
        &mut sh,
        s,
        row + 2,
        (0, 2),
        (3, LAST_COL),
        "NGƯỜI LẬP BIỂU",
        &signer,
    )?;
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![
            (0, head + 1),
            (table_end.saturating_sub(1).max(head), end - 1),
        ],
    })?;
    Ok(())
}

/// One row per sign from `row`: the unit, the sign, what it means, its evidence and file, and
/// an empty cell for the leaders' opinion. Returns the row after the table.
fn sign_rows(
    sh: &mut Sheet,
    s: &Styles,
    mut row: u32,
    review: &Review,
    profile: &Profile,
    signs: &[&Sign],
) -> Result<u32, XlsxError> {
    let top = profile.scale().max;
    for (n, sign) in signs.iter().enumerate() {
        let u = &review.units[sign.unit];
        sh.number(row, 0, (n + 1) as f64, &s.int)?;
        sh.text(row, 1, &unit_words(u), &s.cell_wrap)?;
        sh.text(row, 2, sign.code().title(Lang::Vi), &s.cell_wrap)?;
        sh.text(row, 3, sign.code().meaning(Lang::Vi), &s.cell_wrap)?;
        let evidence = format!(
            "{}\nTệp: {}",
            sign.evidence_words(top, SHOWN, Lang::Vi),
            u.source
        );
        sh.text(row, 4, &evidence, &s.cell_wrap)?;
        sh.blank(row, 5, &s.cell)?;
        row += 1;
    }
    Ok(row)
}

/// The line under the table: how many units of the bloc were reviewed, and how many show signs.
fn summary(units: &[usize], signs: &[&Sign]) -> String {
    if signs.is_empty() {
        return format!(
            "Không có dấu hiệu bất thường nào ở {} đơn vị của khối.",
            units.len()
        );
    }
    let with_signs = units
        .iter()
        .filter(|&&i| signs.iter().any(|x| x.unit == i))
        .count();
    format!(
        "Đã xem {} đơn vị của khối: {} dấu hiệu ở {with_signs} đơn vị.",
        units.len(),
        signs.len()
    )
}

/// The signs that could not be checked on this bloc's units, each with why; returns the next row.
fn not_checked(
    sh: &mut Sheet,
    s: &Styles,
    mut row: u32,
    review: &Review,
    profile: &Profile,
    units: &[usize],
) -> Result<u32, XlsxError> {
    let lines: Vec<String> = review
        .not_checked
        .iter()
        .filter_map(|nc| {
            let here: Vec<usize> = nc
                .units
                .iter()
                .copied()
                .filter(|i| units.contains(i))
                .collect();
            if here.is_empty() {
                return None;
            }
            let who = if here.len() == units.len() && units.len() > 1 {
                "mọi đơn vị của khối".to_string()
            } else {
                units_words(review, &here, SHOWN, Lang::Vi)
            };
            Some(format!(
                "- {}: {}: {who}.",
                nc.code.title(Lang::Vi),
                nc.why.words(&profile.signs, Lang::Vi)
            ))
        })
        .collect();
    if lines.is_empty() {
        return Ok(row);
    }
    sh.merge(
        row,
        0,
        row,
        LAST_COL,
        "Chưa xét được (thiếu dữ liệu):",
        &s.bold,
    )?;
    row += 1;
    for line in lines {
        sh.merge(row, 0, row, LAST_COL, &line, &s.base)?;
        row += 1;
    }
    Ok(row)
}

/// What the reader should know of the inputs (files not used, units given twice) and their
/// errors, as the text report says it. Returns the next row.
fn about_files(
    sh: &mut Sheet,
    s: &Styles,
    mut row: u32,
    review: &Review,
) -> Result<u32, XlsxError> {
    let mut lines: Vec<String> = review
        .notes
        .iter()
        .map(|n| format!("- {}: {}", n.file(), n.message(Lang::Vi)))
        .collect();
    lines.extend(crate::bat_thuong::report::errors_words(
        review.errors,
        Lang::Vi,
    ));
    if lines.is_empty() {
        return Ok(row);
    }
    sh.merge(row, 0, row, LAST_COL, "Ghi chú về tệp:", &s.bold)?;
    row += 1;
    for line in lines {
        sh.merge(row, 0, row, LAST_COL, &line, &s.base)?;
        row += 1;
    }
    Ok(row)
}

pub fn write(
    review: &Review,
    profile: &Profile,
    doc: &Dated,
    path: &Path,
) -> Result<(), WriterError> {
    build(review, profile, doc)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, "báo cáo dấu hiệu bất thường / review of signs"))
}
