//! The whole-district result (toan-quan.xlsx): the three blocs' units with per-bloc subtotals and
//! a district total, the list of every person đạt, and a chart of the share đạt per bloc.

use super::mau07::{dat_sheet, set_summary_columns, summary_header, sums_row, unit_row, LAST_COL};
use super::{
    merge_text, national_header, new_workbook, official_page, place_date, save, signature, text,
    Styles, WriterError,
};
use crate::district::{DatPerson, DistrictSummary};
use crate::profile::Profile;
use rust_xlsxwriter::{Chart, ChartType, Workbook};
use std::path::Path;

pub const SHEET_DISTRICT: &str = "Toàn quận";
pub const SHEET_CHART: &str = "Biểu đồ";

const ROMAN: [&str; 3] = ["I", "II", "III"];

/// Day 3 of the next quarter's first month: when results are made public.
pub fn publication_date(q: crate::model::Quarter) -> chrono::NaiveDate {
    let (y, m) = if q.q == 4 {
        (q.year + 1, 1)
    } else {
        (q.year, q.months()[2] + 1)
    };
    chrono::NaiveDate::from_ymd_opt(y, m, 3).expect("a valid date")
}

pub fn build(d: &DistrictSummary, profile: &Profile) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let q = d.quarter;
    let mut wb = new_workbook(&format!("Kết quả toàn quận - Quý {}/{}", q.roman(), q.year));
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_DISTRICT)?;
    set_summary_columns(ws)?;
    let focal = profile.bloc(crate::model::Bloc::DangDoanThe).focal.clone();
    let mut row = national_header(
        ws,
        &s,
        0,
        &profile.district,
        &focal,
        2,
        4,
        LAST_COL,
        &place_date(&profile.place, publication_date(q)),
    )?;
    ws.set_row_height(row, 36)?;
    merge_text(
        ws,
        row,
        0,
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
    row = summary_header(ws, &s, row)?;
    ws.set_freeze_panes(row, 2)?;
    official_page(ws, Some((head, head)))?;
    // Rows of the bloc subtotals, for the chart.
    let mut subtotal_rows = Vec::new();
    for (bi, b) in d.blocs.iter().enumerate() {
        let spec = profile.bloc(b.bloc);
        merge_text(
            ws,
            row,
            0,
            LAST_COL,
            &format!("{}. KHỐI {}", ROMAN[bi.min(2)], spec.name.to_uppercase()),
            &s.bold,
        )?;
        row += 1;
        for (i, l) in b.units.iter().enumerate() {
            unit_row(ws, &s, row, i + 1, l)?;
            row += 1;
        }
        sums_row(ws, &s, row, &format!("Cộng khối {}", spec.name), &b.sums())?;
        subtotal_rows.push((spec.name.clone(), b.sums()));
        row += 1;
    }
    let label = if d.gaps.numbers_incomplete() {
        "TỔNG CỘNG (CHƯA ĐỦ CÁC KHỐI, XEM GHI CHÚ)"
    } else {
        "TỔNG CỘNG TOÀN QUẬN"
    };
    sums_row(ws, &s, row, label, &d.sums())?;
    let notes = d.gaps.notes(profile, crate::i18n::Lang::Vi);
    row = notes_rows(ws, &s, row + 2, &notes)?;
    signature(
        ws,
        &s,
        row,
        (0, 1),
        (5, LAST_COL),
        "NGƯỜI LẬP BIỂU",
        &format!("THỦ TRƯỞNG {}", focal.to_uppercase()),
    )?;

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
    cs.set_column_width(0, 30)?;
    cs.set_column_width(1, 16)?;
    text(cs, 0, 0, "Khối", &s.header)?;
    text(cs, 0, 1, "Tỷ lệ đạt (%)", &s.header)?;
    let mut r = 1;
    for (name, sums) in &subtotal_rows {
        text(cs, r, 0, name, &s.cell)?;
        cs.write_number_with_format(r, 1, sums.rate(), &s.percent)?;
        r += 1;
    }
    text(cs, r, 0, "Toàn quận", &s.total_label)?;
    cs.write_number_with_format(r, 1, d.sums().rate(), &s.total_percent)?;
    official_page(cs, None)?;
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_categories((SHEET_CHART, 1, 0, r, 0))
        .set_values((SHEET_CHART, 1, 1, r, 1))
        .set_name("Tỷ lệ đạt chuyên nghiệp");
    chart.title().set_name(&format!(
        "Tỷ lệ CBCCVC, NLĐ đạt chuyên nghiệp quý {}/{}",
        q.roman(),
        q.year
    ));
    chart.legend().set_hidden();
    // From 0% to 100%: an axis starting near the lowest rate would exaggerate the differences.
    chart
        .y_axis()
        .set_num_format("0%")
        .set_min(0.0)
        .set_max(1.0);
    cs.insert_chart(1, 3, &chart)?;
    Ok(wb)
}

/// The notes under the district table ("Ghi chú: …", one line each), when the district lacks
/// something; returns the row for the signature block.
fn notes_rows(
    ws: &mut rust_xlsxwriter::Worksheet,
    s: &Styles,
    mut row: u32,
    notes: &[String],
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    // The summary columns' widths (see `set_summary_columns`).
    const WIDTH: f64 = 6.0 + 40.0 + 12.0 * 3.0 + 13.0 + 10.0 + 12.0 + 50.0;
    for (i, note) in notes.iter().enumerate() {
        let line = if i == 0 {
            format!("Ghi chú: {note}")
        } else {
            note.clone()
        };
        ws.set_row_height(row, super::kit::wrapped_height(&line, WIDTH, 16.0))?;
        merge_text(ws, row, 0, LAST_COL, &line, &s.note)?;
        row += 1;
    }
    Ok(row + 1)
}

pub fn write(d: &DistrictSummary, profile: &Profile, path: &Path) -> Result<(), WriterError> {
    build(d, profile)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, "toàn quận / the whole district"))
}
