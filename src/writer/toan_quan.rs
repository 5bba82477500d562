//! The whole-district result (toan-quan.xlsx): the three blocs' units with per-bloc subtotals and
//! a district total, the list of every person đạt, and a chart of the share đạt per bloc.

use super::mau07::{bloc_rows, dat_sheet, summary_header, sums_row, LAST_COL, SUMMARY_WIDTHS};
use super::sheet::{Page, Sheet};
use super::{new_workbook, official_heading, save, signature_block, Styles, WriterError};
use crate::district::{DatPerson, DistrictSummary};
use crate::documents::{Dated, DocKind, Issuer};
use crate::profile::Profile;
use rust_xlsxwriter::{ChartDataLabel, Workbook};
use std::path::Path;

pub const SHEET_DISTRICT: &str = "Toàn quận";
pub const SHEET_CHART: &str = "Biểu đồ";

const ROMAN: [&str; 3] = ["I", "II", "III"];

pub fn build(d: &DistrictSummary, profile: &Profile, doc: &Dated) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let q = d.quarter;
    let mut wb = new_workbook(&format!("Kết quả toàn quận - Quý {}/{}", q.roman(), q.year));
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_DISTRICT)?;
    let mut sh = Sheet::new(ws, &SUMMARY_WIDTHS)?;
    let issuer = Issuer::district(profile);
    let heading = doc.heading(profile, &issuer, DocKind::District);
    let mut row = official_heading(&mut sh, &s, 0, &heading, (0, 2), (4, LAST_COL))?;
    sh.merge(
        row,
        0,
        row,
        LAST_COL,
        &format!(
            "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ\nTOÀN {} QUÝ {} NĂM {}",
            profile.district.to_uppercase(),
            q.roman(),
            q.year
        ),
        &s.title,
    )?;
    row += 2;
    let head = row;
    row = summary_header(&mut sh, &s, row)?;
    sh.ws.set_freeze_panes(row, 2)?;
    // Rows of the bloc subtotals, for the chart.
    let mut subtotal_rows = Vec::new();
    let mut keep = vec![(0, head + 2)];
    for (bi, b) in d.blocs.iter().enumerate() {
        let spec = profile.bloc(b.bloc);
        sh.merge(
            row,
            0,
            row,
            LAST_COL,
            &format!("{}. KHỐI {}", ROMAN[bi.min(2)], spec.name.to_uppercase()),
            &s.bold,
        )?;
        // A bloc's heading never ends a page: it stays with its first unit.
        keep.push((row, row + 1));
        row += 1;
        row = bloc_rows(&mut sh, &s, row, b)?;
        sums_row(
            &mut sh,
            &s,
            row,
            &format!("Cộng khối {}", spec.name),
            &b.sums(),
        )?;
        subtotal_rows.push((spec.name.clone(), b.sums()));
        row += 1;
    }
    let label = if d.gaps.numbers_incomplete() {
        "TỔNG CỘNG (CHƯA ĐỦ CÁC KHỐI, XEM GHI CHÚ)"
    } else {
        "TỔNG CỘNG TOÀN QUẬN"
    };
    sums_row(&mut sh, &s, row, label, &d.sums())?;
    let last_table_row = row.saturating_sub(1).max(head);
    let notes = d.gaps.notes(profile, crate::i18n::Lang::Vi);
    let first_note = row + 2;
    row = notes_rows(&mut sh, &s, first_note, &notes)?;
    let end = signature_block(
        &mut sh,
        &s,
        row,
        (0, 1),
        (5, LAST_COL),
        "NGƯỜI LẬP BIỂU",
        &format!("THỦ TRƯỞNG {}", issuer.body.to_uppercase()),
    )?;
    if notes.is_empty() {
        keep.push((last_table_row, end - 1));
    } else {
        // Long notes may take pages: the table's end stays with the first note, the last note
        // with the signature.
        keep.push((last_table_row, first_note));
        keep.push((row.saturating_sub(2).max(first_note), end - 1));
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep,
    })?;

    let mut people: Vec<(&DatPerson, Option<&str>)> = Vec::new();
    for b in &d.blocs {
        let name = profile.bloc(b.bloc).name.as_str();
        people.extend(b.dat_people.iter().map(|p| (p, Some(name))));
    }
    dat_sheet(
        &mut wb,
        &s,
        &format!(
            "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP QUÝ {} NĂM {}\nTOÀN {}",
            q.roman(),
            q.year,
            profile.district.to_uppercase()
        ),
        &notes.join("\n"),
        &people,
    )?;

    // The chart: share đạt per bloc and for the district, from a small table beside it.
    let cs = wb.add_worksheet();
    cs.set_name(SHEET_CHART)?;
    let mut sh = Sheet::new(cs, &[30.0, 16.0])?;
    sh.text(0, 0, "Khối", &s.header)?;
    sh.text(0, 1, "Tỷ lệ đạt (%)", &s.header)?;
    let mut r = 1;
    for (name, sums) in &subtotal_rows {
        sh.text(r, 0, name, &s.cell_wrap)?;
        sh.number(r, 1, sums.rate(), &s.percent)?;
        r += 1;
    }
    sh.text(r, 0, "Toàn quận", &s.total_label)?;
    sh.number(r, 1, d.sums().rate(), &s.total_percent)?;
    sh.finish(&Page {
        landscape: true,
        ..Page::default()
    })?;
    let title = format!(
        "Tỷ lệ CBCCVC, NLĐ đạt chuyên nghiệp quý {}/{}",
        q.roman(),
        q.year
    );
    let (mut chart, font) = super::rate_chart(&title, 14, 11);
    let mut label = ChartDataLabel::new();
    label.show_value().set_num_format("0.0%").set_font(&font);
    chart
        .add_series()
        .set_categories((SHEET_CHART, 1, 0, r, 0))
        .set_values((SHEET_CHART, 1, 1, r, 1))
        .set_name("Tỷ lệ đạt chuyên nghiệp")
        .set_data_label(&label);
    chart.legend().set_hidden();
    cs.insert_chart(1, 3, &chart)?;
    Ok(wb)
}

/// The notes under the district table ("Ghi chú: …", one line each), when the district lacks
/// something; returns the row for the signature block.
fn notes_rows(
    sh: &mut Sheet,
    s: &Styles,
    mut row: u32,
    notes: &[String],
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    for (i, note) in notes.iter().enumerate() {
        let line = if i == 0 {
            format!("Ghi chú: {note}")
        } else {
            note.clone()
        };
        sh.merge(row, 0, row, LAST_COL, &line, &s.note)?;
        row += 1;
    }
    Ok(row + 1)
}

pub fn write(
    d: &DistrictSummary,
    profile: &Profile,
    doc: &Dated,
    path: &Path,
) -> Result<(), WriterError> {
    build(d, profile, doc)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, "toàn quận / the whole district"))
}
