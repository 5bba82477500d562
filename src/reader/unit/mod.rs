//! One unit's workbook (SPEC §3) read into plain values, with a finding for every cell at fault.
//! The workbook's sheets are read in steps: `Thông tin` here, `Danh sách` in [`list`], the score
//! sheets in [`form`], the reward proposals in [`super::proposals`].

mod form;
mod list;

pub use form::{FormSheet, ScoredRow};
pub use list::{Member, Unidentified};

use super::layout::{self, Spec};
use super::{date_of_cell, display, is_blank, text_noting_legacy, Cells, Grid, Workbook};
use crate::finding::{Detail, Expected, Finding};
use crate::model::{Bloc, Form, Quarter};
use crate::profile::Profile;
use crate::text::{self, a1};
use calamine::Data;
use chrono::NaiveDate;

pub const SHEET_INFO: &str = "Thông tin";
pub const SHEET_LIST: &str = "Danh sách";
pub const SHEET_REWARD: &str = "Đề nghị khen thưởng";

/// The `Thông tin` sheet.
#[derive(Debug, Clone, Default)]
pub struct UnitInfo {
    pub name: Option<String>,
    pub code: Option<String>,
    pub code_cell: Option<String>,
    pub bloc: Option<Bloc>,
    pub quarter: Option<Quarter>,
    pub quarter_cell: Option<String>,
    pub headcount: Option<u32>,
    pub headcount_cell: Option<String>,
    pub sent: Option<NaiveDate>,
    pub sent_cell: Option<String>,
}

/// Everything read from one unit's workbook.
#[derive(Debug, Clone, Default)]
pub struct UnitInput {
    pub file: String,
    pub info: UnitInfo,
    pub members: Vec<Member>,
    /// Rows of `Danh sách` with content that name nobody (no or a repeated `Mã CB`).
    pub unidentified: Vec<Unidentified>,
    pub scored: Vec<ScoredRow>,
    pub forms: Vec<FormSheet>,
    /// The `Danh sách` sheet could be read (a header row with `Mã CB`).
    pub list_ok: bool,
    /// The quarter used to read months and absences.
    pub quarter: Option<Quarter>,
    /// The `Đề nghị khen thưởng` sheet, when the unit sent proposals.
    pub proposals: Option<super::proposals::ProposalSheet>,
}

/// Reads cells for one workbook, collecting findings.
struct Ctx<'a> {
    file: &'a str,
    profile: &'a Profile,
    findings: Vec<Finding>,
    /// Sheets where a legacy-encoded text was already reported.
    legacy_reported: Vec<String>,
    calendar_reported: bool,
}

/// The formulas of one sheet, read only when a blank cell needs them: a cell that holds a
/// formula but no computed value is `formula-no-value`, never a blank.
struct CellFormulas<'w> {
    wb: &'w mut Workbook,
    sheet: String,
    range: Option<Option<Cells<String>>>,
}

impl<'w> CellFormulas<'w> {
    fn new(wb: &'w mut Workbook, sheet: &str) -> CellFormulas<'w> {
        CellFormulas {
            wb,
            sheet: sheet.to_string(),
            range: None,
        }
    }

    /// The formula at an absolute (row, column), if any.
    fn at(&mut self, row: u32, col: u32) -> Option<String> {
        let range = self
            .range
            .get_or_insert_with(|| self.wb.formulas(&self.sheet));
        range
            .as_ref()?
            .get(row, col)
            .filter(|s| !s.is_empty())
            .cloned()
    }
}

impl Ctx<'_> {
    fn push(
        &mut self,
        sheet: Option<&str>,
        cell: Option<String>,
        person: Option<&str>,
        detail: Detail,
    ) {
        self.findings.push(Finding {
            file: self.file.to_string(),
            sheet: sheet.map(str::to_string),
            cell,
            person: person.map(str::to_string),
            person_name: None,
            detail,
        });
    }

    /// The text of a cell, tidied (NFC, trimmed), converted from TCVN3/VNI when it is legacy text.
    fn text(&mut self, grid: &Grid, sheet: &str, row: u32, col: u32) -> String {
        let mut reported = self.legacy_reported.iter().any(|s| s == sheet);
        let (text, legacy) = text_noting_legacy(grid.get(row, col), &mut reported);
        if let Some(detail) = legacy {
            self.legacy_reported.push(sheet.to_string());
            self.push(Some(sheet), Some(a1(row, col)), None, detail);
        }
        text
    }
}

/// Whether a workbook is a unit's workbook (SPEC §3): it has a `Thông tin` sheet or a score
/// sheet. Anything else may be another kind of file a unit sends (a monthly rating list, a
/// mẫu 06 typed by hand); a workbook that is none of them is read as a unit's, and its missing
/// sheets are reported.
pub fn looks_like_unit(wb: &Workbook) -> bool {
    !wb.sheets_named(SHEET_INFO).is_empty()
        || Form::ALL
            .iter()
            .any(|f| !wb.sheets_named(f.sheet_name()).is_empty())
}

/// Reads a unit's workbook. `quarter` is the quarter asked for on the command line, if any.
pub fn read_unit(
    file: &str,
    wb: &mut Workbook,
    profile: &Profile,
    asked: Option<Quarter>,
) -> (UnitInput, Vec<Finding>) {
    let mut cx = Ctx {
        file,
        profile,
        findings: Vec::new(),
        legacy_reported: Vec::new(),
        calendar_reported: false,
    };
    let mut input = UnitInput {
        file: file.to_string(),
        ..Default::default()
    };

    // Thông tin
    if let Some(name) = unique_sheet(&mut cx, wb, SHEET_INFO, true) {
        match wb.grid(&name) {
            Ok(grid) => input.info = read_info(&mut cx, &grid, &name),
            Err(u) => cx.push(Some(&name), None, None, Detail::Unreadable(u)),
        }
    }
    input.quarter = quarter_to_read(&mut cx, &input.info, asked);

    // Danh sách
    if let Some(name) = unique_sheet(&mut cx, wb, SHEET_LIST, true) {
        match wb.grid_merged_down(&name) {
            Ok(grid) => {
                let mut formulas = CellFormulas::new(wb, &name);
                if let Some((members, unidentified)) =
                    list::read_list(&mut cx, &grid, &mut formulas, &name, input.quarter)
                {
                    input.members = members;
                    input.unidentified = unidentified;
                    input.list_ok = true;
                }
            }
            Err(u) => cx.push(Some(&name), None, None, Detail::Unreadable(u)),
        }
    }

    // Score sheets
    let mut any_form = false;
    for form in Form::ALL {
        let Some(name) = unique_sheet(&mut cx, wb, form.sheet_name(), false) else {
            any_form |= !wb.sheets_named(form.sheet_name()).is_empty();
            continue;
        };
        any_form = true;
        match wb.grid(&name) {
            Ok(grid) => {
                let mut formulas = CellFormulas::new(wb, &name);
                if let Some((sheet, rows)) =
                    form::read_form(&mut cx, &grid, &mut formulas, &name, form)
                {
                    input.forms.push(sheet);
                    input.scored.extend(rows);
                }
            }
            Err(u) => cx.push(Some(&name), None, None, Detail::Unreadable(u)),
        }
    }
    if !any_form && input.list_ok {
        cx.push(None, None, None, Detail::NoScoreSheet);
    }

    // Đề nghị khen thưởng (optional); two such sheets are reported and neither is read.
    if unique_sheet(&mut cx, wb, SHEET_REWARD, false).is_some() {
        let (proposals, more) = super::proposals::read(file, wb);
        input.proposals = proposals;
        cx.findings.extend(more);
    }
    (input, cx.findings)
}

/// The one sheet of this name. A missing required sheet is `sheet-missing`; several sheets of
/// the same name (a hidden stale copy, say) are `sheet-duplicate` and none is read.
fn unique_sheet(
    cx: &mut Ctx,
    wb: &Workbook,
    sheet: &'static str,
    required: bool,
) -> Option<String> {
    match wb.unique_sheet(sheet) {
        Ok(Some(name)) => Some(name),
        Ok(None) => {
            if required {
                cx.push(Some(sheet), None, None, Detail::SheetMissing { sheet });
            }
            None
        }
        Err(names) => {
            cx.push(
                Some(sheet),
                None,
                None,
                Detail::SheetDuplicate { sheet, names },
            );
            None
        }
    }
}

/// The quarter the months and absences are read for: the one asked for (`-q`), else the file's.
fn quarter_to_read(cx: &mut Ctx, info: &UnitInfo, asked: Option<Quarter>) -> Option<Quarter> {
    let quarter = match (asked, info.quarter) {
        (Some(q), Some(found)) if q != found => {
            cx.push(
                Some(SHEET_INFO),
                info.quarter_cell.clone(),
                None,
                Detail::QuarterMismatch {
                    found,
                    expected: q,
                    asked: true,
                },
            );
            None
        }
        (Some(q), _) => Some(q),
        (None, q) => q,
    };
    if let Some(q) = quarter {
        if !cx.profile.calendar.has_year(q.year) {
            cx.push(
                Some(SHEET_INFO),
                info.quarter_cell.clone(),
                None,
                Detail::YearNotInCalendar { year: q.year },
            );
            cx.calendar_reported = true;
        }
        if let (false, Some((from, to))) = (cx.profile.covers(q), cx.profile.period) {
            cx.push(
                Some(SHEET_INFO),
                info.quarter_cell.clone(),
                None,
                Detail::ProfileOutOfPeriod {
                    quarter: q,
                    profile: cx.profile.name.clone(),
                    from,
                    to,
                },
            );
        }
    }
    quarter
}

// ---------------------------------------------------------------------------------------------
// Thông tin

#[derive(Clone, Copy, PartialEq, Eq)]
enum InfoLabel {
    Name,
    Code,
    Bloc,
    Quarter,
    Headcount,
    Sent,
}

fn info_label(key: &str) -> Option<InfoLabel> {
    Some(match key {
        "don vi" | "ten don vi" | "co quan don vi" | "co quan" => InfoLabel::Name,
        "ma don vi" | "ma dv" => InfoLabel::Code,
        "khoi" => InfoLabel::Bloc,
        "quy" | "quy danh gia" | "ky danh gia" => InfoLabel::Quarter,
        "ngay gui" => InfoLabel::Sent,
        k if k.starts_with("tong so") || k == "so cbccvc nld" => InfoLabel::Headcount,
        _ => return None,
    })
}

const COL_ID: &str = "Mã CB";
const COL_NAME: &str = "Họ và tên";
const LABEL_NAME: &str = "Đơn vị";
const LABEL_BLOC: &str = "Khối";
const LABEL_QUARTER: &str = "Quý";
const LABEL_HEADCOUNT: &str = "Tổng số CBCCVC, NLĐ";
const LABEL_SENT: &str = "Ngày gửi";

fn read_info(cx: &mut Ctx, grid: &Grid, sheet: &str) -> UnitInfo {
    let mut info = UnitInfo::default();
    let mut seen: Vec<InfoLabel> = Vec::new();
    for row in grid.row_start()..grid.row_end() {
        let Some((label, value)) = info_row(cx, grid, sheet, row) else {
            continue;
        };
        if seen.contains(&label) {
            continue;
        }
        seen.push(label);
        set_info(cx, grid, sheet, &mut info, label, &value);
    }
    let top = Some(a1(grid.row_start(), grid.col_start()));
    for (label, name) in [
        (InfoLabel::Name, LABEL_NAME),
        (InfoLabel::Bloc, LABEL_BLOC),
        (InfoLabel::Quarter, LABEL_QUARTER),
        (InfoLabel::Headcount, LABEL_HEADCOUNT),
    ] {
        if !seen.contains(&label) {
            cx.push(
                Some(sheet),
                top.clone(),
                None,
                Detail::InfoMissing { label: name },
            );
        }
    }
    info
}

/// The value cell of a `Thông tin` row.
struct InfoValue {
    row: u32,
    col: u32,
    cell: String,
    value: Data,
    blank: bool,
}

/// A labelled row: the label is the first non-blank cell of the row, the value the next one.
fn info_row(cx: &mut Ctx, grid: &Grid, sheet: &str, row: u32) -> Option<(InfoLabel, InfoValue)> {
    let lc = grid.first_filled(row)?;
    let label = info_label(&text::key(&cx.text(grid, sheet, row, lc)))?;
    let col = grid
        .filled(row)
        .map(|(c, _)| c)
        .find(|&c| c > lc)
        .unwrap_or(lc + 1);
    let value = grid.get(row, col).clone();
    Some((
        label,
        InfoValue {
            row,
            col,
            cell: a1(row, col),
            blank: is_blank(&value),
            value,
        },
    ))
}

/// Reads one labelled value into `info`, reporting a blank required value or an invalid one.
fn set_info(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    info: &mut UnitInfo,
    label: InfoLabel,
    v: &InfoValue,
) {
    let report = |cx: &mut Ctx, detail: Detail| {
        cx.push(Some(sheet), Some(v.cell.clone()), None, detail);
    };
    let invalid = |cx: &mut Ctx, label: &'static str, value: String, expected: Expected| {
        report(
            cx,
            Detail::InfoInvalid {
                label,
                value,
                expected,
            },
        )
    };
    let required = match label {
        InfoLabel::Name => Some(LABEL_NAME),
        InfoLabel::Bloc => Some(LABEL_BLOC),
        InfoLabel::Quarter => Some(LABEL_QUARTER),
        InfoLabel::Headcount => Some(LABEL_HEADCOUNT),
        InfoLabel::Code | InfoLabel::Sent => None,
    };
    match label {
        InfoLabel::Quarter => info.quarter_cell = Some(v.cell.clone()),
        InfoLabel::Headcount => info.headcount_cell = Some(v.cell.clone()),
        _ => {}
    }
    if v.blank {
        if let Some(label) = required {
            report(cx, Detail::InfoMissing { label });
        }
        return;
    }
    match label {
        InfoLabel::Name => info.name = Some(cx.text(grid, sheet, v.row, v.col)),
        InfoLabel::Code => {
            info.code = Some(cx.text(grid, sheet, v.row, v.col));
            info.code_cell = Some(v.cell.clone());
        }
        InfoLabel::Bloc => {
            let t = cx.text(grid, sheet, v.row, v.col);
            info.bloc = cx.profile.bloc_from_text(&t);
            if info.bloc.is_none() {
                invalid(cx, LABEL_BLOC, t, Expected::Bloc);
            }
        }
        InfoLabel::Quarter => {
            info.quarter = quarter_of_cell(&v.value);
            if info.quarter.is_none() {
                invalid(cx, LABEL_QUARTER, display(&v.value), Expected::Quarter);
            }
        }
        InfoLabel::Headcount => {
            // A head count beyond any real unit was typed wrong: the people listed count instead.
            info.headcount =
                whole_number(&v.value).filter(|n| (1..=crate::model::MAX_COUNT).contains(n));
            if info.headcount.is_none() {
                invalid(cx, LABEL_HEADCOUNT, display(&v.value), Expected::Headcount);
            }
        }
        InfoLabel::Sent => {
            info.sent_cell = Some(v.cell.clone());
            // A bare number would read as a day of 1900: no date a unit sends on.
            let plausible = |d: &NaiveDate| {
                use chrono::Datelike;
                (1990..=2100).contains(&d.year())
            };
            match date_of_cell(&v.value).filter(plausible) {
                Some(d) => info.sent = Some(d),
                None => report(
                    cx,
                    Detail::DateInvalid {
                        column: LABEL_SENT,
                        value: display(&v.value),
                    },
                ),
            }
        }
    }
}

fn quarter_of_cell(d: &Data) -> Option<Quarter> {
    match d {
        Data::String(s) => text::parse_quarter(s),
        // "1/2024" typed into a cell that Excel turned into the date 01/01/2024.
        Data::DateTime(_) | Data::DateTimeIso(_) => {
            let date = date_of_cell(d)?;
            use chrono::Datelike;
            (date.day() == 1 && date.month() <= 4)
                .then(|| Quarter::new(date.year(), date.month() as u8))
                .flatten()
        }
        _ => None,
    }
}

fn whole_number(d: &Data) -> Option<u32> {
    match d {
        Data::Int(i) => u32::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e9 => Some(*f as u32),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Header rows

/// A header row: its row and the recognised columns (column, kind, header text).
type Header<C> = (u32, Vec<(u32, C, String)>);

/// Finds the header row of a sheet with the one header matcher ([`super::layout`]), reading
/// each cell through the workbook's context (legacy encodings are reported once per sheet).
fn find_header<C: Copy + PartialEq>(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    spec: &Spec<C>,
) -> Option<Header<C>> {
    let h = layout::find_header(grid, spec, &mut |r, c| cx.text(grid, sheet, r, c))?;
    Some((
        h.row,
        h.cols
            .into_iter()
            .map(|c| (c.col, c.kind, c.text))
            .collect(),
    ))
}

fn is_summary_label(name: &str) -> bool {
    let k = text::key(name);
    k.starts_with("tong cong") || k == "cong" || k.starts_with("tong so")
}
