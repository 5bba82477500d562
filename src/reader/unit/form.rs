//! `Mẫu 03`, `Mẫu 04`, `Mẫu 05`: one row per person scored on that form (SPEC §3).

use super::{find_header, is_summary_label, CellFormulas, Ctx, COL_ID};
use crate::finding::Detail;
use crate::model::{Form, Score, Total};
use crate::reader::layout::{names, Spec};
use crate::reader::{display, is_blank, Grid};
use crate::text::{self, a1, ScoreError};
use crate::vocab;
use calamine::Data;

/// A row of a score sheet.
#[derive(Debug, Clone)]
pub struct ScoredRow {
    pub id: String,
    pub name: String,
    pub form: Form,
    /// Valid scores; complete only when `has_errors` is false.
    pub scores: Vec<Score>,
    pub has_errors: bool,
    pub id_cell: String,
    pub remark: String,
}

/// A score sheet's mandatory mask.
#[derive(Debug, Clone)]
pub struct FormSheet {
    pub form: Form,
    pub sheet: String,
    pub mandatory: Vec<bool>,
    /// The sheet's `Bắt buộc` row is invalid: nobody on the sheet can be decided.
    pub mandatory_invalid: bool,
    pub header_cell: String,
    pub rows: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormCol {
    Id,
    Name,
    Item(u16),
    Total,
    Remark,
}

/// The columns of a score sheet (SPEC §3): contents are headed by their numbers.
const FORM: Spec<FormCol> = Spec {
    columns: &[
        (FormCol::Id, names::ID),
        (FormCol::Name, names::NAME),
        (
            FormCol::Total,
            &["tong diem", "tong", "tong cong", "tong so diem"],
        ),
        (FormCol::Remark, &["nhan xet", "nhan xet danh gia"]),
    ],
    pattern: Some(content_number),
    keys: &[FormCol::Id, FormCol::Name],
    min_columns: 2,
    two_rows: false,
};

/// A content column: its number, written as a number or as text of up to three digits.
fn content_number(d: &Data, k: &str) -> Option<FormCol> {
    let number = match d {
        Data::Int(i) => u16::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 1.0 && *f <= 200.0 => Some(*f as u16),
        Data::String(_)
            if !k.is_empty() && k.len() <= 3 && k.bytes().all(|b| b.is_ascii_digit()) =>
        {
            k.parse().ok()
        }
        _ => None,
    };
    number.filter(|n| *n >= 1).map(FormCol::Item)
}

/// Where the columns of a score sheet are.
struct Layout {
    hrow: u32,
    header_cell: String,
    id_col: u32,
    name_col: Option<u32>,
    items: Vec<u32>,
    total_col: Option<u32>,
    remark_col: Option<u32>,
}

/// Reads one score sheet; `None` when its header row or columns are missing.
pub(super) fn read_form(
    cx: &mut Ctx,
    grid: &Grid,
    formulas: &mut CellFormulas<'_>,
    sheet: &str,
    form: Form,
) -> Option<(FormSheet, Vec<ScoredRow>)> {
    let layout = form_layout(cx, grid, sheet, form)?;
    let (mandatory, mandatory_invalid, first_data) = mandatory_row(cx, grid, sheet, form, &layout);
    let mut rows = Vec::new();
    for row in first_data..grid.row_end() {
        if grid.is_row_empty(row) {
            continue;
        }
        if let Some(mut r) = read_scored_row(cx, grid, formulas, sheet, form, &layout, row) {
            r.has_errors |= mandatory_invalid;
            rows.push(r);
        }
    }
    let sheet_info = FormSheet {
        form,
        sheet: sheet.to_string(),
        mandatory,
        mandatory_invalid,
        header_cell: layout.header_cell,
        rows: rows.len(),
    };
    Some((sheet_info, rows))
}

/// The header row, with `Mã CB` and every content column of the form.
fn form_layout(cx: &mut Ctx, grid: &Grid, sheet: &str, form: Form) -> Option<Layout> {
    let items = cx.profile.form(form).items as usize;
    let Some((hrow, cols)) = find_header(cx, grid, sheet, &FORM) else {
        cx.push(Some(sheet), None, None, Detail::HeaderNotFound);
        return None;
    };
    let header_cell = a1(hrow, grid.col_start());
    let find = |want: FormCol| {
        cols.iter()
            .find(|(_, c, _)| *c == want)
            .map(|(col, _, _)| *col)
    };
    let mut item_cols: Vec<Option<u32>> = vec![None; items];
    for (col, c, _) in &cols {
        if let FormCol::Item(n) = c {
            if (*n as usize) <= items && item_cols[*n as usize - 1].is_none() {
                item_cols[*n as usize - 1] = Some(*col);
            }
        }
    }
    let mut missing: Vec<String> = Vec::new();
    if find(FormCol::Id).is_none() {
        missing.push(COL_ID.into());
    }
    for (i, c) in item_cols.iter().enumerate() {
        if c.is_none() {
            missing.push(format!("{}", i + 1));
        }
    }
    for column in &missing {
        cx.push(
            Some(sheet),
            Some(header_cell.clone()),
            None,
            Detail::ColumnMissing {
                column: column.clone(),
            },
        );
    }
    if !missing.is_empty() {
        return None;
    }
    Some(Layout {
        hrow,
        header_cell,
        id_col: find(FormCol::Id)?,
        name_col: find(FormCol::Name),
        items: item_cols.into_iter().flatten().collect(),
        total_col: find(FormCol::Total),
        remark_col: find(FormCol::Remark),
    })
}

/// The optional `Bắt buộc` row right under the header: it may say *which* contents are
/// mandatory, but must mark as many as the form's catalogue (SPEC §2, 3.). Returns the mask,
/// whether the row is invalid, and the first data row.
fn mandatory_row(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    form: Form,
    layout: &Layout,
) -> (Vec<bool>, bool, u32) {
    let catalogue = cx.profile.form(form).mandatory.clone();
    let row = layout.hrow + 1;
    let marker_cols = [layout.name_col, Some(grid.col_start()), Some(layout.id_col)];
    let is_marker = marker_cols
        .iter()
        .flatten()
        .any(|&c| text::key(&cx.text(grid, sheet, row, c)) == "bat buoc");
    if !is_marker {
        return (catalogue, false, row);
    }
    let mut marks = Vec::with_capacity(layout.items.len());
    let mut unclear: Option<(String, u32)> = None;
    for &c in &layout.items {
        let t = cx.text(grid, sheet, row, c);
        match vocab::parse_mark(&t) {
            Some(m) => marks.push(m),
            None => {
                unclear.get_or_insert((t, c));
                marks.push(false);
            }
        }
    }
    if unclear.is_none() && crate::rules::mandatory_row_valid(&marks, &catalogue) {
        return (marks, false, row + 1);
    }
    // The finding sits on the first marker not understood, else on the row's first content.
    let cell = a1(row, unclear.as_ref().map_or(layout.items[0], |(_, c)| *c));
    cx.push(
        Some(sheet),
        Some(cell),
        None,
        Detail::MandatoryRowInvalid {
            form,
            marked: marks.iter().filter(|m| **m).count(),
            expected: catalogue.iter().filter(|m| **m).count(),
            unclear: unclear.map(|(t, _)| t),
        },
    );
    (catalogue, true, row + 1)
}

/// One scored person: every content checked, and the written total against the sum.
#[allow(clippy::too_many_arguments)]
fn read_scored_row(
    cx: &mut Ctx,
    grid: &Grid,
    formulas: &mut CellFormulas<'_>,
    sheet: &str,
    form: Form,
    layout: &Layout,
    row: u32,
) -> Option<ScoredRow> {
    let id = cx.text(grid, sheet, row, layout.id_col);
    let name = layout
        .name_col
        .map(|c| cx.text(grid, sheet, row, c))
        .unwrap_or_default();
    if id.is_empty() {
        let has_scores = layout.items.iter().any(|&c| !is_blank(grid.get(row, c)));
        if has_scores && !is_summary_label(&name) {
            cx.push(
                Some(sheet),
                Some(a1(row, layout.id_col)),
                None,
                Detail::PersonWithoutId { name: name.clone() },
            );
        }
        return None;
    }
    let mut scores = Vec::with_capacity(layout.items.len());
    let mut has_errors = false;
    // The profile's scale (`scale.min`–`scale.max`), not a fixed 1–10.
    let scale = cx.profile.scale();
    // Contents typed as text: Excel's SUM leaves them out of a formula total.
    let mut as_text: Vec<(u16, u32, Score)> = Vec::new();
    for (i, &c) in layout.items.iter().enumerate() {
        let item = i as u16 + 1;
        let d = grid.get(row, c);
        let result = match d {
            Data::Float(f) => text::score_from_f64(*f, scale),
            Data::Int(n) => text::score_from_f64(*n as f64, scale),
            Data::DateTime(dt) => text::score_from_f64(dt.as_f64(), scale),
            Data::String(s) if !s.trim().is_empty() => {
                let r = text::parse_score(s, scale);
                if let Ok(sc) = r {
                    as_text.push((item, c, sc));
                }
                r
            }
            _ if is_blank(d) => {
                has_errors = true;
                let detail = match formulas.at(row, c) {
                    Some(formula) => Detail::FormulaNoValue { formula },
                    None => Detail::ScoreMissing { item, scale },
                };
                cx.push(Some(sheet), Some(a1(row, c)), Some(&id), detail);
                continue;
            }
            _ => Err(ScoreError::NotNumber),
        };
        match result {
            Ok(s) => scores.push(s),
            Err(e) => {
                has_errors = true;
                let value = display(d);
                let detail = match e {
                    ScoreError::NotNumber => Detail::ScoreNotNumber { item, value, scale },
                    ScoreError::OutOfRange => Detail::ScoreOutOfRange { item, value, scale },
                    ScoreError::Step => Detail::ScoreStep { item, value, scale },
                };
                cx.push(Some(sheet), Some(a1(row, c)), Some(&id), detail);
            }
        }
    }
    if let Some(c) = layout.total_col {
        if !has_errors {
            has_errors |= !check_total(cx, grid, formulas, sheet, row, c, &id, &scores, &as_text);
        } else if matches!(grid.get(row, c), Data::Empty) {
            if let Some(formula) = formulas.at(row, c) {
                cx.push(
                    Some(sheet),
                    Some(a1(row, c)),
                    Some(&id),
                    Detail::FormulaNoValue { formula },
                );
            }
        }
    }
    Some(ScoredRow {
        id,
        name,
        form,
        scores,
        has_errors,
        id_cell: a1(row, layout.id_col),
        remark: layout
            .remark_col
            .map(|c| cx.text(grid, sheet, row, c))
            .unwrap_or_default(),
    })
}

/// Checks the written `Tổng điểm` against the sum of the contents; `false` when reported. A
/// formula total that left out contents typed as text names those cells, not the total.
#[allow(clippy::too_many_arguments)]
fn check_total(
    cx: &mut Ctx,
    grid: &Grid,
    formulas: &mut CellFormulas<'_>,
    sheet: &str,
    row: u32,
    col: u32,
    id: &str,
    scores: &[Score],
    as_text: &[(u16, u32, Score)],
) -> bool {
    let d = grid.get(row, col);
    if matches!(d, Data::Empty) {
        if let Some(formula) = formulas.at(row, col) {
            cx.push(
                Some(sheet),
                Some(a1(row, col)),
                Some(id),
                Detail::FormulaNoValue { formula },
            );
            return false;
        }
        return true;
    }
    if is_blank(d) {
        return true;
    }
    let sum = Total::of(scores);
    let written = match d {
        Data::Float(f) => Some(*f),
        Data::Int(n) => Some(*n as f64),
        Data::String(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
        _ => None,
    };
    let half_points = |w: f64| (w * 2.0).round() as i64;
    let agrees = written.is_some_and(|w| (w * 2.0 - sum.0 as f64).abs() < 1e-6);
    if agrees {
        return true;
    }
    let text_sum: i64 = as_text.iter().map(|(_, _, s)| s.0 as i64).sum();
    let skipped_text = !as_text.is_empty()
        && written.is_some_and(|w| half_points(w) == sum.0 as i64 - text_sum)
        && formulas.at(row, col).is_some();
    if skipped_text {
        for (item, c, _) in as_text {
            cx.push(
                Some(sheet),
                Some(a1(row, *c)),
                Some(id),
                Detail::ScoreAsText {
                    item: *item,
                    value: display(grid.get(row, *c)),
                    written: display(d),
                },
            );
        }
    } else {
        cx.push(
            Some(sheet),
            Some(a1(row, col)),
            Some(id),
            Detail::TotalMismatch {
                written: display(d),
                sum,
            },
        );
    }
    false
}
