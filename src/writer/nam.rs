//! The year's workbook (`nam`): the summary by quarter and bloc under the heading of the office
//! that compiles the year (Phòng Nội vụ, seed 000 §IV.1), the units and the money quarter by
//! quarter, every person across the quarters, the people đạt in every quarter, a chart of the
//! share đạt per bloc over the quarters, and the notes. Every sheet says which quarters are
//! missing. Decides nothing: it lays out [`crate::year::Year`].

use super::sheet::{Page, Sheet};
use super::style::Style;
use super::{new_workbook, official_heading, save, signature_block, Styles, WriterError};
use crate::documents::{Dated, DocKind, Issuer};
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::model::{Bloc, Status};
use crate::profile::Profile;
use crate::year::{Counts, PersonYear, QuarterMoney, Reward, Slot, UnitYear, Year};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartDataLabel, Workbook, Worksheet, XlsxError};
use std::path::Path;

pub const SHEET_SUMMARY: &str = "Tổng hợp năm";
pub const SHEET_UNITS: &str = "Đơn vị";
pub const SHEET_MONEY: &str = "Tiền thưởng";
pub const SHEET_PEOPLE: &str = "Cá nhân";
pub const SHEET_DAT: &str = "Đạt cả năm";
pub const SHEET_CHART: &str = "Biểu đồ";
pub const SHEET_NOTES: &str = "Ghi chú";

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// The office that compiles the year: the chính quyền bloc's focal office (Phòng Nội vụ).
pub fn issuer(profile: &Profile) -> Issuer {
    Issuer::office(profile, &profile.bloc(Bloc::ChinhQuyen).focal)
}

/// "Đủ kết quả 4 quý năm 2024." or what is missing: the line under every sheet's title.
pub fn quarters_line(y: &Year) -> String {
    let missing = y.missing();
    if missing.is_empty() {
        return format!("Đủ kết quả 4 quý năm {}.", y.year);
    }
    let names: Vec<&str> = missing.iter().map(|&i| ROMAN[i]).collect();
    format!(
        "Chưa có kết quả quý {} năm {}: số liệu cả năm chưa đủ các quý này.",
        names.join(", "),
        y.year
    )
}

/// The title, the quarters line and a blank row; returns the next row.
fn title_rows(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    last: u16,
    title: &str,
    y: &Year,
) -> Result<u32, XlsxError> {
    sh.merge(row, 0, row, last, title, &s.title)?;
    let style = if y.missing().is_empty() {
        &s.subtitle
    } else {
        &s.note
    };
    sh.merge(row + 1, 0, row + 1, last, &quarters_line(y), style)?;
    Ok(row + 3)
}

fn money_number(d: Decimal) -> f64 {
    // Whole đồng of a year are far below 2^53: exact as a spreadsheet number.
    crate::money::whole_dong(d).to_f64().unwrap_or(0.0)
}

fn rate_cell(
    sh: &mut Sheet,
    row: u32,
    col: u16,
    c: &Counts,
    st: &Style,
    s: &Styles,
) -> Result<(), XlsxError> {
    match c.rate() {
        Some(r) => sh.number(row, col, r, st),
        None => sh.text(row, col, "—", &s.cell_center),
    }
}

// ------------------------------------------------------------------------------------------
// Tổng hợp năm
// ------------------------------------------------------------------------------------------

const SUMMARY_WIDTHS: [f64; 10] = [14.0, 10.0, 13.0, 12.0, 13.0, 10.0, 13.0, 15.0, 16.0, 24.0];
const SUMMARY_LAST: u16 = 9;
const SUMMARY_HEADERS: [&str; 10] = [
    "Quý",
    "Số đơn vị",
    "Tổng số CBCCVC, NLĐ",
    "Số được đánh giá",
    "Số đạt chuyên nghiệp",
    "Tỷ lệ đạt (%)",
    "Số người được khen thưởng",
    "Mức thưởng một người (đồng)",
    "Số tiền khen thưởng (đồng)",
    "Ghi chú",
];

fn summary_sheet(
    wb: &mut Workbook,
    s: &Styles,
    y: &Year,
    profile: &Profile,
    doc: &Dated,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_SUMMARY)?;
    let mut sh = Sheet::new(ws, &SUMMARY_WIDTHS)?;
    let issuer = issuer(profile);
    let heading = doc.heading(profile, &issuer, DocKind::Year);
    let mut row = official_heading(&mut sh, s, 0, &heading, (0, 3), (5, SUMMARY_LAST))?;
    let title = format!(
        "BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ\nNĂM {} TOÀN {}",
        y.year,
        profile.district.to_uppercase()
    );
    row = title_rows(&mut sh, s, row, SUMMARY_LAST, &title, y)?;
    let mut keep = vec![(0, row + 2)];
    sh.merge(
        row,
        0,
        row,
        SUMMARY_LAST,
        "I. KẾT QUẢ VÀ TIỀN THƯỞNG THEO QUÝ",
        &s.bold,
    )?;
    let head = row + 1;
    for (col, label) in SUMMARY_HEADERS.iter().enumerate() {
        sh.text(head, col as u16, label, &s.header)?;
    }
    row = head + 1;
    for i in 0..4 {
        quarter_row(&mut sh, s, row, y, i)?;
        row += 1;
    }
    year_money_row(&mut sh, s, row, y)?;
    row += 2;
    let blocs_top = row;
    row = bloc_rates(&mut sh, s, row, y, profile)?;
    // The district's rates (the last row of the bloc table) stay with the line under the tables
    // and the signature, as a table's totals do.
    let district_row = row.saturating_sub(1);
    keep.push((blocs_top, district_row));
    row = facts_rows(&mut sh, s, row + 1, y)?;
    let end = signature_block(
        &mut sh,
        s,
        row + 1,
        (0, 3),
        (6, SUMMARY_LAST),
        "NGƯỜI LẬP BIỂU",
        &format!("THỦ TRƯỞNG {}", issuer.body.to_uppercase()),
    )?;
    keep.push((district_row, end - 1));
    sh.finish(&Page {
        landscape: true,
        repeat: None,
        keep,
    })?;
    Ok(())
}

fn quarter_row(sh: &mut Sheet, s: &Styles, row: u32, y: &Year, i: usize) -> Result<(), XlsxError> {
    sh.text(row, 0, &format!("Quý {}", ROMAN[i]), &s.cell_center)?;
    let Some(q) = &y.quarters[i] else {
        sh.merge(
            row,
            1,
            row,
            SUMMARY_LAST - 1,
            "Chưa có kết quả",
            &s.cell_center,
        )?;
        return sh.text(row, SUMMARY_LAST, "", &s.cell_wrap);
    };
    let c = q.counts;
    for (col, n) in [
        (1u16, q.units),
        (2, c.people),
        (3, c.evaluated()),
        (4, c.dat),
    ] {
        sh.number(row, col, f64::from(n), &s.int)?;
    }
    rate_cell(sh, row, 5, &c, &s.percent, s)?;
    let mut note = Vec::new();
    match q.money {
        QuarterMoney::Known {
            per_person,
            people,
            total,
        } => {
            sh.number(row, 6, f64::from(people), &s.int)?;
            sh.number(row, 7, money_number(per_person), &s.money)?;
            sh.number(row, 8, money_number(total), &s.money)?;
        }
        QuarterMoney::Unknown => {
            sh.merge(
                row,
                6,
                row,
                8,
                "Chưa biết (lý do ở sheet Ghi chú)",
                &s.cell_center,
            )?;
        }
    }
    if q.run_errors > 0 {
        note.push(format!(
            "Kết quả quý còn {} lỗi (xem loi.csv của quý)",
            q.run_errors
        ));
    }
    if c.loi > 0 {
        note.push(format!(
            "{} người chưa xác định (lỗi dữ liệu), tính vào số không đạt",
            c.loi
        ));
    }
    sh.text(row, SUMMARY_LAST, &note.join("; "), &s.cell_wrap)
}

fn year_money_row(sh: &mut Sheet, s: &Styles, row: u32, y: &Year) -> Result<(), XlsxError> {
    let (total, unknown) = y.money();
    sh.merge(
        row,
        0,
        row,
        5,
        &format!("Cả năm {}", y.year),
        &s.total_label,
    )?;
    let people: u32 = y
        .quarters
        .iter()
        .flatten()
        .filter_map(|q| match q.money {
            QuarterMoney::Known { people, .. } => Some(people),
            QuarterMoney::Unknown => None,
        })
        .sum();
    sh.number(row, 6, f64::from(people), &s.total_int)?;
    sh.text(row, 7, "", &s.total_label)?;
    sh.number(row, 8, money_number(total), &s.total_money)?;
    let note = if unknown.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = unknown.iter().map(|&i| ROMAN[i]).collect();
        format!("Chưa gồm tiền quý {} (chưa biết)", names.join(", "))
    };
    sh.text(row, SUMMARY_LAST, &note, &s.cell_wrap)
}

/// The share đạt per bloc and for the district, quarter by quarter; returns the next row.
fn bloc_rates(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    y: &Year,
    profile: &Profile,
) -> Result<u32, XlsxError> {
    sh.merge(
        row,
        0,
        row,
        SUMMARY_LAST,
        "II. TỶ LỆ ĐẠT CHUYÊN NGHIỆP THEO KHỐI (%)",
        &s.bold,
    )?;
    let head = row + 1;
    sh.merge(head, 0, head, 1, "Khối", &s.header)?;
    for (i, roman) in ROMAN.iter().enumerate() {
        sh.text(head, 2 + i as u16, &format!("Quý {roman}"), &s.header)?;
    }
    let mut row = head + 1;
    for b in &y.blocs {
        sh.merge(row, 0, row, 1, &profile.bloc(b.bloc).name, &s.cell_wrap)?;
        for i in 0..4 {
            let c = b.quarters[i].map(|q| q.counts).unwrap_or_default();
            rate_or_gap(sh, s, row, 2 + i as u16, y, i, &c, &s.percent)?;
        }
        row += 1;
    }
    sh.merge(
        row,
        0,
        row,
        1,
        &format!("Toàn {}", profile.district),
        &s.total_label,
    )?;
    for i in 0..4 {
        let c = y.quarters[i].as_ref().map(|q| q.counts).unwrap_or_default();
        rate_or_gap(sh, s, row, 2 + i as u16, y, i, &c, &s.total_percent)?;
    }
    Ok(row + 1)
}

/// A rate, or why there is none ("thiếu quý" for a missing quarter).
#[allow(clippy::too_many_arguments)]
fn rate_or_gap(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    col: u16,
    y: &Year,
    i: usize,
    c: &Counts,
    st: &Style,
) -> Result<(), XlsxError> {
    if y.quarters[i].is_none() {
        return sh.text(row, col, "Thiếu quý", &s.cell_center);
    }
    rate_cell(sh, row, col, c, st, s)
}

/// The line under the tables: the people đạt in every quarter, who moved, what the notes hold.
fn facts_rows(sh: &mut Sheet, s: &Styles, row: u32, y: &Year) -> Result<u32, XlsxError> {
    let present = y.present().len();
    let every = y.dat_every_quarter().len();
    let moved = y.people.iter().filter(|p| !p.moves.is_empty()).count();
    let mut line = if present == 4 {
        format!("III. Đạt chuyên nghiệp cả 4 quý: {every} người")
    } else {
        format!("III. Đạt chuyên nghiệp ở cả {present} quý có kết quả: {every} người")
    };
    line.push_str(&format!("; chuyển đơn vị trong năm: {moved} người"));
    if !y.notes.is_empty() {
        line.push_str(&format!(
            "; ghi chú về dữ liệu: {} mục (xem sheet \"{SHEET_NOTES}\")",
            y.notes.len()
        ));
    }
    line.push('.');
    sh.merge(
        row,
        0,
        row,
        SUMMARY_LAST,
        &line,
        &s.base.clone().set_text_wrap(),
    )?;
    Ok(row + 1)
}

// ------------------------------------------------------------------------------------------
// Đơn vị and Tiền thưởng: units by bloc, quarter by quarter
// ------------------------------------------------------------------------------------------

/// What one table shows of a unit (or a sum of units) in a quarter.
trait UnitTable {
    /// Columns per quarter.
    const PER_QUARTER: u16;
    const LABELS: &'static [&'static str];
    const YEAR_LABELS: &'static [&'static str];
    fn cells(
        sh: &mut Sheet,
        s: &Styles,
        row: u32,
        col: u16,
        q: &Cell,
        total: bool,
    ) -> Result<(), XlsxError>;
    fn year_cells(
        sh: &mut Sheet,
        s: &Styles,
        row: u32,
        col: u16,
        cells: &[Cell; 4],
        total: bool,
    ) -> Result<(), XlsxError>;
    /// A line under the table, when the year's figures need one.
    fn footnote(_y: &Year) -> Option<String> {
        None
    }
}

/// A unit's (or a sum's) quarter.
#[derive(Clone, Copy, Default)]
struct Cell {
    /// The quarter has results for it.
    sent: bool,
    /// The unit has results that quarter, counted in another bloc.
    elsewhere: bool,
    counts: Counts,
    /// (people rewarded, money); `None`: unknown.
    money: Option<(u32, Decimal)>,
}

impl Cell {
    fn plus(self, o: Cell) -> Cell {
        if !o.sent {
            return self;
        }
        if !self.sent {
            return o;
        }
        Cell {
            sent: true,
            elsewhere: false,
            counts: self.counts.plus(o.counts),
            money: self.money.zip(o.money).map(|(a, b)| (a.0 + b.0, a.1 + b.1)),
        }
    }
}

/// A unit's quarters in one bloc: a quarter the unit spent in another bloc counts there.
fn unit_cells(u: &UnitYear, bloc: Bloc) -> [Cell; 4] {
    std::array::from_fn(|i| match u.quarters[i] {
        Some(q) if q.bloc == bloc => Cell {
            sent: true,
            elsewhere: false,
            counts: q.counts,
            money: q.money,
        },
        Some(_) => Cell {
            elsewhere: true,
            ..Cell::default()
        },
        None => Cell::default(),
    })
}

/// Is the unit of this bloc in any quarter?
fn in_bloc(u: &UnitYear, bloc: Bloc) -> bool {
    u.quarters.iter().flatten().any(|q| q.bloc == bloc)
}

fn sum_cells<'a>(cells: impl Iterator<Item = &'a [Cell; 4]>) -> [Cell; 4] {
    cells.fold([Cell::default(); 4], |acc, c| {
        std::array::from_fn(|i| acc[i].plus(c[i]))
    })
}

struct Rates;

impl UnitTable for Rates {
    const PER_QUARTER: u16 = 3;
    const LABELS: &'static [&'static str] = &["Số được đánh giá", "Số đạt", "Tỷ lệ (%)"];
    const YEAR_LABELS: &'static [&'static str] = &["Số quý có kết quả"];
    fn cells(
        sh: &mut Sheet,
        s: &Styles,
        row: u32,
        col: u16,
        q: &Cell,
        total: bool,
    ) -> Result<(), XlsxError> {
        let n = s.numbers(total);
        let (int, pct) = (n.int, n.percent);
        sh.number(row, col, f64::from(q.counts.evaluated()), int)?;
        sh.number(row, col + 1, f64::from(q.counts.dat), int)?;
        rate_cell(sh, row, col + 2, &q.counts, pct, s)
    }
    fn year_cells(
        sh: &mut Sheet,
        s: &Styles,
        row: u32,
        col: u16,
        cells: &[Cell; 4],
        total: bool,
    ) -> Result<(), XlsxError> {
        let n = cells.iter().filter(|c| c.sent).count();
        sh.number(row, col, n as f64, s.numbers(total).int)
    }
}

struct Money;

impl UnitTable for Money {
    const PER_QUARTER: u16 = 2;
    const LABELS: &'static [&'static str] = &["Số người được khen thưởng", "Số tiền (đồng)"];
    const YEAR_LABELS: &'static [&'static str] =
        &["Số lượt người được khen thưởng", "Số tiền cả năm (đồng)"];
    fn cells(
        sh: &mut Sheet,
        s: &Styles,
        row: u32,
        col: u16,
        q: &Cell,
        total: bool,
    ) -> Result<(), XlsxError> {
        let n = s.numbers(total);
        let (int, money) = (n.int, n.money);
        match q.money {
            Some((n, m)) => {
                sh.number(row, col, f64::from(n), int)?;
                sh.number(row, col + 1, money_number(m), money)
            }
            None => sh.merge(row, col, row, col + 1, "Chưa biết", &s.cell_center),
        }
    }
    fn year_cells(
        sh: &mut Sheet,
        s: &Styles,
        row: u32,
        col: u16,
        cells: &[Cell; 4],
        total: bool,
    ) -> Result<(), XlsxError> {
        let n = s.numbers(total);
        let (int, money) = (n.int, n.money);
        let known = cells.iter().filter(|c| c.sent).filter_map(|c| c.money);
        let (n, m) = known.fold((0, Decimal::ZERO), |a, b| (a.0 + b.0, a.1 + b.1));
        sh.number(row, col, f64::from(n), int)?;
        sh.number(row, col + 1, money_number(m), money)?;
        Ok(())
    }
    fn footnote(y: &Year) -> Option<String> {
        let (_, unknown) = y.money();
        let unknown: Vec<&str> = unknown
            .into_iter()
            .filter(|&i| y.quarters[i].is_some())
            .map(|i| ROMAN[i])
            .collect();
        (!unknown.is_empty()).then(|| {
            format!(
                "Tiền thưởng quý {} chưa biết (lý do ở sheet Ghi chú): số tiền cả năm chưa gồm các quý này.",
                unknown.join(", ")
            )
        })
    }
}

fn table_widths<T: UnitTable>() -> Vec<f64> {
    let mut w = vec![6.0, 34.0];
    for _ in 0..4 {
        w.extend(
            T::LABELS
                .iter()
                .map(|l| if l.len() > 12 { 14.0 } else { 11.0 }),
        );
    }
    w.extend(T::YEAR_LABELS.iter().map(|_| 15.0));
    w
}

fn table_last<T: UnitTable>() -> u16 {
    1 + 4 * T::PER_QUARTER + T::YEAR_LABELS.len() as u16
}

/// The two header rows; returns the first row of the table's body.
fn table_header<T: UnitTable>(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    y: &Year,
) -> Result<u32, XlsxError> {
    sh.merge(row, 0, row + 1, 0, "STT", &s.header)?;
    sh.merge(row, 1, row + 1, 1, "Đơn vị", &s.header)?;
    for (i, roman) in ROMAN.iter().enumerate() {
        let col = 2 + i as u16 * T::PER_QUARTER;
        let label = if y.quarters[i].is_some() {
            format!("Quý {roman}")
        } else {
            format!("Quý {roman} (chưa có kết quả)")
        };
        sh.merge(row, col, row, col + T::PER_QUARTER - 1, &label, &s.header)?;
        for (k, l) in T::LABELS.iter().enumerate() {
            sh.text(row + 1, col + k as u16, l, &s.header)?;
        }
    }
    let col = 2 + 4 * T::PER_QUARTER;
    let year_cols = T::YEAR_LABELS.len() as u16;
    sh.merge(
        row,
        col,
        row,
        col + year_cols - 1,
        &format!("Năm {}", y.year),
        &s.header,
    )?;
    for (k, l) in T::YEAR_LABELS.iter().enumerate() {
        sh.text(row + 1, col + k as u16, l, &s.header)?;
    }
    Ok(row + 2)
}

/// One row: a unit (`stt`) or a sum (no `stt`).
fn table_row<T: UnitTable>(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    label: (Option<usize>, &str),
    cells: &[Cell; 4],
    y: &Year,
) -> Result<(), XlsxError> {
    let total = label.0.is_none();
    match label.0 {
        Some(n) => {
            sh.number(row, 0, n as f64, &s.int)?;
            sh.text(row, 1, label.1, &s.cell_wrap)?;
        }
        None => sh.merge(row, 0, row, 1, label.1, &s.total_label)?,
    }
    for (i, c) in cells.iter().enumerate() {
        let col = 2 + i as u16 * T::PER_QUARTER;
        let last = col + T::PER_QUARTER - 1;
        if y.quarters[i].is_none() {
            sh.merge(row, col, row, last, "Thiếu quý", &s.cell_center)?;
        } else if c.elsewhere {
            sh.merge(row, col, row, last, "Ở khối khác", &s.cell_center)?;
        } else if !c.sent {
            sh.merge(row, col, row, last, "Không có kết quả", &s.cell_center)?;
        } else {
            T::cells(sh, s, row, col, c, total)?;
        }
    }
    T::year_cells(sh, s, row, 2 + 4 * T::PER_QUARTER, cells, total)
}

/// A units sheet: the units by bloc with a subtotal per bloc and the district's total.
fn units_sheet<T: UnitTable>(
    wb: &mut Workbook,
    s: &Styles,
    y: &Year,
    profile: &Profile,
    (name, title): (&str, &str),
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let widths = table_widths::<T>();
    let last = table_last::<T>();
    let mut sh = Sheet::new(ws, &widths)?;
    let head = title_rows(&mut sh, s, 0, last, title, y)?;
    let mut row = table_header::<T>(&mut sh, s, head, y)?;
    sh.ws.set_freeze_panes(row, 2)?;
    let mut keep = vec![(0, row)];
    let mut all = Vec::new();
    for (bi, b) in y.blocs.iter().enumerate() {
        let spec = profile.bloc(b.bloc);
        let label = format!("{}. KHỐI {}", ROMAN[bi.min(3)], spec.name.to_uppercase());
        sh.merge(row, 0, row, last, &label, &s.bold)?;
        keep.push((row, row + 1));
        row += 1;
        // A unit that changed bloc is listed under each of its blocs, each quarter counted in
        // the bloc it was in then: the subtotals are the blocs' own figures.
        let members: Vec<&UnitYear> = y.units.iter().filter(|u| in_bloc(u, b.bloc)).collect();
        let units: Vec<[Cell; 4]> = members.iter().map(|u| unit_cells(u, b.bloc)).collect();
        for (k, (u, c)) in members.iter().zip(&units).enumerate() {
            table_row::<T>(&mut sh, s, row, (Some(k + 1), &u.name), c, y)?;
            row += 1;
        }
        let sum = sum_cells(units.iter());
        table_row::<T>(
            &mut sh,
            s,
            row,
            (None, &format!("Cộng khối {}", spec.name)),
            &sum,
            y,
        )?;
        all.push(sum);
        row += 1;
    }
    let total = sum_cells(all.iter());
    table_row::<T>(
        &mut sh,
        s,
        row,
        (
            None,
            &format!("TỔNG CỘNG TOÀN {}", profile.district.to_uppercase()),
        ),
        &total,
        y,
    )?;
    if let Some(note) = T::footnote(y) {
        sh.merge(row + 2, 0, row + 2, last, &note, &s.note)?;
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head + 1)),
        keep,
    })?;
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Cá nhân, Đạt cả năm
// ------------------------------------------------------------------------------------------

const PEOPLE_WIDTHS: [f64; 12] = [
    7.0, 11.0, 22.0, 30.0, 17.0, 17.0, 17.0, 17.0, 9.0, 11.0, 14.0, 26.0,
];
const PEOPLE_LAST: u16 = 11;

/// A person's quarter in words.
pub fn slot_words(slot: &Slot) -> &'static str {
    match slot {
        Slot::Listed(l) => match (l.status, l.reward) {
            (Status::Dat, Reward::Paid(_)) => "Đạt, khen thưởng",
            (Status::Dat, Reward::Unknown) => "Đạt, chưa rõ thưởng",
            (Status::Dat, Reward::NotPaid) => "Đạt",
            (Status::KhongDat, _) => "Không đạt",
            (Status::KhongDanhGia, _) => "Không đánh giá",
            (Status::Loi, _) => "Lỗi dữ liệu",
        },
        Slot::NotListed => "Không có tên",
        Slot::UnitNotSent => "Đơn vị không có kết quả",
        Slot::QuarterMissing => "Thiếu quý",
    }
}

/// A person's moves in words.
fn moves_words(p: &PersonYear, y: &Year) -> Vec<String> {
    p.moves
        .iter()
        .map(|m| {
            let (from, to) = (&y.units[m.from].name, &y.units[m.to].name);
            if m.last_before.q + 1 == m.quarter.q {
                format!("Chuyển từ {from} sang {to} từ quý {}", m.quarter.roman())
            } else {
                // Quarters without a result in between: when is not known more precisely.
                format!(
                    "Chuyển từ {from} (có tên đến quý {}) sang {to} (có tên từ quý {})",
                    m.last_before.roman(),
                    m.quarter.roman()
                )
            }
        })
        .collect()
}

/// The note of a person: moves, and the quarters whose reward is unknown.
fn person_note(p: &PersonYear, y: &Year) -> String {
    let mut parts = moves_words(p, y);
    let unknown = p.money_unknown();
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(|&i| ROMAN[i]).collect();
        parts.push(format!("Chưa rõ tiền thưởng quý {}", names.join(", ")));
    }
    parts.join("; ")
}

fn people_sheet(ws: &mut Worksheet, s: &Styles, y: &Year) -> Result<(), XlsxError> {
    ws.set_name(SHEET_PEOPLE)?;
    let mut sh = Sheet::streaming(ws, &PEOPLE_WIDTHS)?;
    let title = format!("KẾT QUẢ CỦA TỪNG NGƯỜI THEO QUÝ NĂM {}", y.year);
    let head = title_rows(&mut sh, s, 0, PEOPLE_LAST, &title, y)?;
    let mut headers = vec!["STT", "Mã CB", "Họ và tên", "Đơn vị"];
    let quarters: Vec<String> = (0..4).map(|i| format!("Quý {}", ROMAN[i])).collect();
    headers.extend(quarters.iter().map(String::as_str));
    headers.extend([
        "Số quý đạt",
        "Số quý được khen thưởng",
        "Tiền thưởng cả năm (đồng)",
        "Ghi chú",
    ]);
    for (col, h) in headers.iter().enumerate() {
        sh.text(head, col as u16, h, &s.header)?;
    }
    sh.ws.set_freeze_panes(head + 1, 3)?;
    for (k, p) in y.people.iter().enumerate() {
        person_row(&mut sh, s, head + 1 + k as u32, k + 1, p, y)?;
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1)],
    })?;
    Ok(())
}

fn person_row(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    stt: usize,
    p: &PersonYear,
    y: &Year,
) -> Result<(), XlsxError> {
    sh.number(row, 0, stt as f64, &s.int)?;
    sh.text(row, 1, &p.id, &s.cell)?;
    sh.text(row, 2, &p.name, &s.cell_wrap)?;
    sh.text(row, 3, &y.units[p.unit()].name, &s.cell_wrap)?;
    for (i, slot) in p.quarters.iter().enumerate() {
        sh.text(row, 4 + i as u16, slot_words(slot), &s.cell_center)?;
    }
    sh.number(row, 8, p.dat_quarters() as f64, &s.int)?;
    sh.number(row, 9, p.rewarded_quarters() as f64, &s.int)?;
    sh.number(row, 10, money_number(p.money()), &s.money)?;
    sh.text(row, 11, &person_note(p, y), &s.cell_wrap)
}

const DAT_WIDTHS: [f64; 7] = [7.0, 12.0, 28.0, 40.0, 14.0, 16.0, 30.0];

fn dat_sheet(ws: &mut Worksheet, s: &Styles, y: &Year) -> Result<(), XlsxError> {
    ws.set_name(SHEET_DAT)?;
    let mut sh = Sheet::streaming(ws, &DAT_WIDTHS)?;
    let present = y.present();
    let title = if present.len() == 4 {
        format!(
            "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP CẢ 4 QUÝ NĂM {}",
            y.year
        )
    } else {
        let names: Vec<&str> = present.iter().map(|&i| ROMAN[i]).collect();
        format!(
            "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP TẤT CẢ CÁC QUÝ CÓ KẾT QUẢ (QUÝ {}) NĂM {}",
            names.join(", "),
            y.year
        )
    };
    let head = title_rows(&mut sh, s, 0, 6, &title, y)?;
    for (col, h) in [
        "STT",
        "Mã CB",
        "Họ và tên",
        "Đơn vị",
        "Số quý được khen thưởng",
        "Tiền thưởng cả năm (đồng)",
        "Ghi chú",
    ]
    .iter()
    .enumerate()
    {
        sh.text(head, col as u16, h, &s.header)?;
    }
    sh.ws.set_freeze_panes(head + 1, 0)?;
    for (k, p) in y.dat_every_quarter().into_iter().enumerate() {
        let row = head + 1 + k as u32;
        sh.number(row, 0, (k + 1) as f64, &s.int)?;
        sh.text(row, 1, &p.id, &s.cell)?;
        sh.text(row, 2, &p.name, &s.cell_wrap)?;
        sh.text(row, 3, &y.units[p.unit()].name, &s.cell_wrap)?;
        sh.number(row, 4, p.rewarded_quarters() as f64, &s.int)?;
        sh.number(row, 5, money_number(p.money()), &s.money)?;
        sh.text(row, 6, &person_note(p, y), &s.cell_wrap)?;
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1)],
    })?;
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Biểu đồ
// ------------------------------------------------------------------------------------------

fn chart_sheet(
    wb: &mut Workbook,
    s: &Styles,
    y: &Year,
    profile: &Profile,
) -> Result<(), XlsxError> {
    let cs = wb.add_worksheet();
    cs.set_name(SHEET_CHART)?;
    let mut sh = Sheet::new(cs, &[28.0, 12.0, 12.0, 12.0, 12.0])?;
    let title = format!("TỶ LỆ ĐẠT CHUYÊN NGHIỆP THEO KHỐI, CÁC QUÝ NĂM {}", y.year);
    let head = title_rows(&mut sh, s, 0, 4, &title, y)?;
    sh.text(head, 0, "Khối", &s.header)?;
    for (i, roman) in ROMAN.iter().enumerate() {
        let label = if y.quarters[i].is_some() {
            format!("Quý {roman}")
        } else {
            format!("Quý {roman} (thiếu)")
        };
        sh.text(head, 1 + i as u16, &label, &s.header)?;
    }
    let mut row = head + 1;
    let mut series: Vec<(String, u32)> = Vec::new();
    for b in &y.blocs {
        let name = profile.bloc(b.bloc).name.clone();
        sh.text(row, 0, &name, &s.cell_wrap)?;
        for i in 0..4 {
            let c = b.quarters[i].map(|q| q.counts);
            chart_cell(&mut sh, s, row, 1 + i as u16, c.as_ref())?;
        }
        series.push((name, row));
        row += 1;
    }
    let district = format!("Toàn {}", profile.district);
    sh.text(row, 0, &district, &s.total_label)?;
    for i in 0..4 {
        let c = y.quarters[i].as_ref().map(|q| q.counts);
        chart_cell(&mut sh, s, row, 1 + i as u16, c.as_ref())?;
    }
    series.push((district, row));
    sh.finish(&Page {
        landscape: true,
        ..Page::default()
    })?;
    let chart = rate_chart(y, head, &series);
    cs.insert_chart(row + 2, 0, &chart)?;
    Ok(())
}

/// A rate cell of the chart's table; blank (no point drawn) where there is no rate.
fn chart_cell(
    sh: &mut Sheet,
    s: &Styles,
    row: u32,
    col: u16,
    c: Option<&Counts>,
) -> Result<(), XlsxError> {
    match c.and_then(Counts::rate) {
        Some(r) => sh.number(row, col, r, &s.percent),
        None => sh.blank(row, col, &s.cell),
    }
}

fn rate_chart(y: &Year, head: u32, series: &[(String, u32)]) -> Chart {
    let title = format!(
        "Tỷ lệ CBCCVC, NLĐ đạt chuyên nghiệp theo khối, các quý năm {}",
        y.year
    );
    let (mut chart, font) = super::rate_chart(&title, 13, 10);
    for (name, row) in series {
        let mut label = ChartDataLabel::new();
        label.show_value().set_num_format("0%").set_font(&font);
        chart
            .add_series()
            .set_categories((SHEET_CHART, head, 1, head, 4))
            .set_values((SHEET_CHART, *row, 1, *row, 4))
            .set_name(name.as_str())
            .set_data_label(&label);
    }
    chart.legend().set_font(&font);
    chart
        .legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(380);
    chart
}

// ------------------------------------------------------------------------------------------
// Ghi chú
// ------------------------------------------------------------------------------------------

fn notes_sheet(ws: &mut Worksheet, s: &Styles, y: &Year) -> Result<(), XlsxError> {
    ws.set_name(SHEET_NOTES)?;
    let widths = [9.0, 12.0, 24.0, 90.0];
    let mut sh = Sheet::streaming(ws, &widths)?;
    let title = format!("NGUỒN SỐ LIỆU VÀ GHI CHÚ NĂM {}", y.year);
    let mut row = title_rows(&mut sh, s, 0, 3, &title, y)?;
    row = sources_rows(&mut sh, s, row, y)?;
    row = moves_rows(&mut sh, s, row, y)?;
    sh.merge(row, 0, row, 3, "Ghi chú về dữ liệu", &s.bold)?;
    row += 1;
    for (col, h) in ["STT", "Mức", "Mã", "Nội dung"].iter().enumerate() {
        sh.text(row, col as u16, h, &s.header)?;
    }
    let head = row;
    row += 1;
    if y.notes.is_empty() {
        sh.merge(row, 0, row, 3, "Không có.", &s.cell)?;
    }
    for (k, n) in y.notes.iter().enumerate() {
        sh.number(row, 0, (k + 1) as f64, &s.int)?;
        let level = match n.severity() {
            Severity::Error => "Lỗi",
            Severity::Warning => "Cảnh báo",
        };
        sh.text(row, 1, level, &s.cell_center)?;
        sh.text(row, 2, n.code(), &s.cell)?;
        sh.text(row, 3, &n.message(Lang::Vi), &s.cell_wrap)?;
        row += 1;
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1)],
    })?;
    Ok(())
}

/// The people who moved to another unit; returns the next row.
fn moves_rows(sh: &mut Sheet, s: &Styles, mut row: u32, y: &Year) -> Result<u32, XlsxError> {
    let moved: Vec<&PersonYear> = y.people.iter().filter(|p| !p.moves.is_empty()).collect();
    sh.merge(
        row,
        0,
        row,
        3,
        "Người chuyển đơn vị trong năm (cùng Mã CB, cùng họ tên: được theo dõi tiếp)",
        &s.bold,
    )?;
    row += 1;
    for (col, h) in ["STT", "Mã CB", "Họ và tên", "Chuyển đơn vị"]
        .iter()
        .enumerate()
    {
        sh.text(row, col as u16, h, &s.header)?;
    }
    row += 1;
    if moved.is_empty() {
        sh.merge(row, 0, row, 3, "Không có.", &s.cell)?;
        row += 1;
    }
    for (k, p) in moved.iter().enumerate() {
        sh.number(row, 0, (k + 1) as f64, &s.int)?;
        sh.text(row, 1, &p.id, &s.cell)?;
        sh.text(row, 2, &p.name, &s.cell_wrap)?;
        sh.text(row, 3, &moves_words(p, y).join("; "), &s.cell_wrap)?;
        row += 1;
    }
    Ok(row + 1)
}

/// The files each quarter was read from; returns the next row.
fn sources_rows(sh: &mut Sheet, s: &Styles, mut row: u32, y: &Year) -> Result<u32, XlsxError> {
    sh.merge(row, 0, row, 3, "Kết quả đã đọc", &s.bold)?;
    row += 1;
    for (roman, quarter) in ROMAN.iter().zip(&y.quarters) {
        let text = match quarter {
            None => "chưa có".to_string(),
            Some(q) => match &q.rewards {
                Some(r) => format!("{}; khen thưởng: {}", q.results, r),
                None => format!(
                    "{}; khen thưởng: không có (tiền thưởng chưa biết)",
                    q.results
                ),
            },
        };
        sh.text(row, 0, &format!("Quý {roman}"), &s.cell_center)?;
        sh.merge(row, 1, row, 3, &text, &s.cell_wrap)?;
        row += 1;
    }
    Ok(row + 1)
}

// ------------------------------------------------------------------------------------------

/// Gives every style (and its wrapped form) its index in the workbook's table of formats, in a
/// fixed order, before the long sheets are written side by side: constant-memory sheets share that
/// table, and a format first met by two of them at once would get its index by chance (the
/// package would then differ from one run to the next).
fn register_styles(wb: &mut Workbook, s: &Styles) -> Result<(), XlsxError> {
    let mut scratch = wb.new_worksheet_with_constant_memory()?;
    for (col, style) in (0u16..).step_by(2).zip(s.all()) {
        scratch.write_blank(0, col, style)?;
        scratch.write_blank(0, col + 1, &style.clone().set_text_wrap())?;
    }
    Ok(())
}

pub fn build(y: &Year, profile: &Profile, doc: &Dated) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let mut wb = new_workbook(&format!("Kết quả đánh giá sự chuyên nghiệp năm {}", y.year));
    summary_sheet(&mut wb, &s, y, profile, doc)?;
    let units_title = format!("KẾT QUẢ TỪNG ĐƠN VỊ THEO QUÝ NĂM {}", y.year);
    units_sheet::<Rates>(&mut wb, &s, y, profile, (SHEET_UNITS, &units_title))?;
    let money_title = format!("TIỀN THƯỞNG CỦA TỪNG ĐƠN VỊ THEO QUÝ NĂM {}", y.year);
    units_sheet::<Money>(&mut wb, &s, y, profile, (SHEET_MONEY, &money_title))?;
    // The long lists (a city's people, its notes) are written row by row in constant memory
    // (their rows go to the package as they are written), side by side.
    register_styles(&mut wb, &s)?;
    let mut people = wb.new_worksheet_with_constant_memory()?;
    let mut dat = wb.new_worksheet_with_constant_memory()?;
    let mut notes = wb.new_worksheet_with_constant_memory()?;
    let (written, (dat_written, notes_written)) = rayon::join(
        || people_sheet(&mut people, &s, y),
        || {
            rayon::join(
                || dat_sheet(&mut dat, &s, y),
                || notes_sheet(&mut notes, &s, y),
            )
        },
    );
    written?;
    dat_written?;
    notes_written?;
    wb.push_worksheet(people);
    wb.push_worksheet(dat);
    chart_sheet(&mut wb, &s, y, profile)?;
    wb.push_worksheet(notes);
    Ok(wb)
}

pub fn write(y: &Year, profile: &Profile, doc: &Dated, path: &Path) -> Result<(), WriterError> {
    build(y, profile, doc)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, &format!("năm / year {}", y.year)))
}
