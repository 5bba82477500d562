//! One unit's workbook (SPEC §3) read into plain values, with a finding for every cell at fault.

use super::{cell_text, date_of_cell, display, is_blank, CellText, Grid, Workbook};
use crate::calendar::CalendarError;
use crate::finding::{Detail, Expected, Finding};
use crate::model::{Bloc, Form, Quarter, Rating, Score};
use crate::profile::Profile;
use crate::text::{self, a1, ScoreError};
use calamine::{Data, Range};
use chrono::NaiveDate;
use std::collections::HashMap;

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

/// A row of `Danh sách`.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub title: String,
    pub part: String,
    /// Keys of the `Bộ phận` values a leader is in charge of; empty = the whole unit.
    pub in_charge: Vec<String>,
    pub btv: bool,
    pub ratings: [Option<Rating>; 3],
    /// Cell of each month's rating, for findings raised later.
    pub rating_cells: [Option<String>; 3],
    pub discipline: bool,
    pub inspection: bool,
    /// Working days absent in the quarter; `None` when an input error makes it unknown.
    pub absence_days: Option<u32>,
    pub note: String,
    pub id_cell: String,
    pub has_errors: bool,
}

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
    pub header_cell: String,
    pub rows: usize,
}

/// Everything read from one unit's workbook.
#[derive(Debug, Clone, Default)]
pub struct UnitInput {
    pub file: String,
    pub info: UnitInfo,
    pub members: Vec<Member>,
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
            detail,
        });
    }

    /// The text of a cell, tidied (NFC, trimmed), converted from TCVN3/VNI when it is legacy text.
    fn text(&mut self, grid: &Grid, sheet: &str, row: u32, col: u32) -> String {
        let CellText { text, legacy } = cell_text(grid.get(row, col));
        if let Some((enc, before)) = legacy {
            if !self.legacy_reported.iter().any(|s| s == sheet) {
                self.legacy_reported.push(sheet.to_string());
                self.push(
                    Some(sheet),
                    Some(a1(row, col)),
                    None,
                    Detail::LegacyEncoding {
                        encoding: enc.name(),
                        before,
                        after: text.clone(),
                    },
                );
            }
        }
        text
    }
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
    match wb.find_sheet(SHEET_INFO) {
        None => cx.push(
            Some(SHEET_INFO),
            None,
            None,
            Detail::SheetMissing { sheet: SHEET_INFO },
        ),
        Some(name) => match wb.grid(&name) {
            Ok(grid) => input.info = read_info(&mut cx, &grid, &name),
            Err(u) => cx.push(Some(&name), None, None, Detail::Unreadable(u)),
        },
    }
    input.quarter = match (asked, input.info.quarter) {
        (Some(q), Some(found)) if q != found => {
            cx.push(
                Some(SHEET_INFO),
                input.info.quarter_cell.clone(),
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
    if let Some(q) = input.quarter {
        if !profile.calendar.has_year(q.year) {
            cx.push(
                Some(SHEET_INFO),
                input.info.quarter_cell.clone(),
                None,
                Detail::YearNotInCalendar { year: q.year },
            );
            cx.calendar_reported = true;
        }
    }

    // Danh sách
    match wb.find_sheet(SHEET_LIST) {
        None => cx.push(
            Some(SHEET_LIST),
            None,
            None,
            Detail::SheetMissing { sheet: SHEET_LIST },
        ),
        Some(name) => match wb.grid(&name) {
            Ok(grid) => {
                if let Some(members) = read_list(&mut cx, &grid, &name, input.quarter) {
                    input.members = members;
                    input.list_ok = true;
                }
            }
            Err(u) => cx.push(Some(&name), None, None, Detail::Unreadable(u)),
        },
    }

    // Score sheets
    let mut any_form = false;
    for form in Form::ALL {
        let Some(name) = wb.find_sheet(form.sheet_name()) else {
            continue;
        };
        any_form = true;
        match wb.grid(&name) {
            Ok(grid) => {
                if let Some((sheet, rows)) = read_form(&mut cx, wb, &grid, &name, form) {
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

    // Đề nghị khen thưởng (optional)
    let (proposals, more) = super::proposals::read(file, wb);
    input.proposals = proposals;
    cx.findings.extend(more);
    (input, cx.findings)
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

const LABEL_NAME: &str = "Đơn vị";
const LABEL_BLOC: &str = "Khối";
const LABEL_QUARTER: &str = "Quý";
const LABEL_HEADCOUNT: &str = "Tổng số CBCCVC, NLĐ";
const LABEL_SENT: &str = "Ngày gửi";

fn read_info(cx: &mut Ctx, grid: &Grid, sheet: &str) -> UnitInfo {
    let mut info = UnitInfo::default();
    let mut seen: Vec<InfoLabel> = Vec::new();
    let label_col = grid.col_start();
    for row in grid.row_start()..grid.row_end() {
        // The label is the first non-blank cell of the row; the value is the next non-blank one.
        let Some(lc) = (label_col..grid.col_end()).find(|&c| !is_blank(grid.get(row, c))) else {
            continue;
        };
        let label_text = cx.text(grid, sheet, row, lc);
        let Some(label) = info_label(&text::key(&label_text)) else {
            continue;
        };
        if seen.contains(&label) {
            continue;
        }
        seen.push(label);
        let vc = (lc + 1..grid.col_end().max(lc + 2))
            .find(|&c| !is_blank(grid.get(row, c)))
            .unwrap_or(lc + 1);
        let cell = a1(row, vc);
        let value = grid.get(row, vc).clone();
        let blank = is_blank(&value);
        let missing = |cx: &mut Ctx, label: &'static str| {
            cx.push(
                Some(sheet),
                Some(cell.clone()),
                None,
                Detail::InfoMissing { label },
            )
        };
        let invalid = |cx: &mut Ctx, label: &'static str, value: String, expected: Expected| {
            cx.push(
                Some(sheet),
                Some(cell.clone()),
                None,
                Detail::InfoInvalid {
                    label,
                    value,
                    expected,
                },
            )
        };
        match label {
            InfoLabel::Name => {
                if blank {
                    missing(cx, LABEL_NAME)
                } else {
                    info.name = Some(cx.text(grid, sheet, row, vc));
                }
            }
            InfoLabel::Code => {
                if !blank {
                    info.code = Some(cx.text(grid, sheet, row, vc));
                    info.code_cell = Some(cell.clone());
                }
            }
            InfoLabel::Bloc => {
                if blank {
                    missing(cx, LABEL_BLOC)
                } else {
                    let t = cx.text(grid, sheet, row, vc);
                    info.bloc = cx.profile.bloc_from_text(&t);
                    if info.bloc.is_none() {
                        invalid(cx, LABEL_BLOC, t, Expected::Bloc);
                    }
                }
            }
            InfoLabel::Quarter => {
                info.quarter_cell = Some(cell.clone());
                if blank {
                    missing(cx, LABEL_QUARTER)
                } else {
                    info.quarter = quarter_of_cell(&value);
                    if info.quarter.is_none() {
                        invalid(cx, LABEL_QUARTER, display(&value), Expected::Quarter);
                    }
                }
            }
            InfoLabel::Headcount => {
                info.headcount_cell = Some(cell.clone());
                if blank {
                    missing(cx, LABEL_HEADCOUNT)
                } else {
                    info.headcount = whole_number(&value).filter(|n| *n > 0);
                    if info.headcount.is_none() {
                        invalid(cx, LABEL_HEADCOUNT, display(&value), Expected::Headcount);
                    }
                }
            }
            InfoLabel::Sent => {
                if !blank {
                    info.sent_cell = Some(cell.clone());
                    match date_of_cell(&value) {
                        Some(d) => info.sent = Some(d),
                        None => cx.push(
                            Some(sheet),
                            Some(cell.clone()),
                            None,
                            Detail::DateInvalid {
                                column: LABEL_SENT,
                                value: display(&value),
                            },
                        ),
                    }
                }
            }
        }
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

/// Finds the header row in the first 20 rows: the row that names the most known columns
/// (at least two, one of them `Mã CB` or `Họ và tên`).
fn find_header<C: Copy + PartialEq>(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    classify: impl Fn(&Data, &str) -> Option<C>,
    is_key: impl Fn(C) -> bool,
) -> Option<Header<C>> {
    let mut best: Option<Header<C>> = None;
    let last = grid.row_end().min(20);
    for row in 0..last {
        let mut cols = Vec::new();
        for col in grid.col_start()..grid.col_end() {
            let d = grid.get(row, col);
            if is_blank(d) {
                continue;
            }
            let t = cx.text(grid, sheet, row, col);
            if let Some(c) = classify(d, &text::key(&t)) {
                cols.push((col, c, t));
            }
        }
        let keyed = cols.iter().any(|(_, c, _)| is_key(*c));
        if keyed && cols.len() >= 2 && best.as_ref().is_none_or(|(_, b)| cols.len() > b.len()) {
            best = Some((row, cols));
        }
    }
    best
}

// ---------------------------------------------------------------------------------------------
// Danh sách

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListCol {
    Id,
    Name,
    Birth,
    Title,
    Part,
    InCharge,
    Btv,
    Month(u32),
    Discipline,
    Inspection,
    Days,
    From,
    To,
    Note,
}

fn list_col(_: &Data, k: &str) -> Option<ListCol> {
    use ListCol::*;
    Some(match k {
        "ma cb" | "ma can bo" | "ma cbccvc" | "ma so" | "ma nhan vien" => Id,
        "ho va ten" | "ho ten" | "ho va ten can bo" => Name,
        "ngay sinh" | "ngay thang nam sinh" => Birth,
        "chuc vu" | "chuc danh" | "chuc vu chuc danh" => Title,
        "bo phan" | "to bo phan" | "phong ban" => Part,
        "phu trach" | "bo phan phu trach" => InCharge,
        "dien btv quan ly" | "dien btv" | "btv quan ly" | "dien ban thuong vu quan ly" => Btv,
        "ky luat" => Discipline,
        "thanh tra kiem tra" | "thanh tra" | "kiem tra" => Inspection,
        "so ngay nghi" | "so ngay vang" | "so ngay nghi trong quy" => Days,
        "nghi tu ngay" | "tu ngay" => From,
        "nghi den ngay" | "den ngay" => To,
        "ghi chu" => Note,
        _ => return text::parse_month_header(k).map(Month),
    })
}

const COL_ID: &str = "Mã CB";
const COL_NAME: &str = "Họ và tên";

fn read_list(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    quarter: Option<Quarter>,
) -> Option<Vec<Member>> {
    let Some((hrow, cols)) = find_header(cx, grid, sheet, list_col, |c| {
        matches!(c, ListCol::Id | ListCol::Name)
    }) else {
        cx.push(Some(sheet), None, None, Detail::HeaderNotFound);
        return None;
    };
    let find = |want: ListCol| {
        cols.iter()
            .find(|(_, c, _)| *c == want)
            .map(|(col, _, _)| *col)
    };
    let header_cell = Some(a1(hrow, grid.col_start()));
    let mut fatal = false;
    for (want, name) in [(ListCol::Id, COL_ID), (ListCol::Name, COL_NAME)] {
        if find(want).is_none() {
            cx.push(
                Some(sheet),
                header_cell.clone(),
                None,
                Detail::ColumnMissing {
                    column: name.into(),
                },
            );
            fatal = true;
        }
    }
    // Month columns: each must be a month of the quarter; each month of the quarter must be there.
    let mut month_cols: [Option<u32>; 3] = [None; 3];
    if let Some(q) = quarter {
        for (col, c, _) in &cols {
            if let ListCol::Month(m) = c {
                match q.months().iter().position(|x| x == m) {
                    Some(i) if month_cols[i].is_none() => month_cols[i] = Some(*col),
                    Some(_) => {}
                    None => cx.push(
                        Some(sheet),
                        Some(a1(hrow, *col)),
                        None,
                        Detail::MonthMismatch {
                            month: *m,
                            quarter: q,
                        },
                    ),
                }
            }
        }
        let any_mismatch = cols
            .iter()
            .any(|(_, c, _)| matches!(c, ListCol::Month(m) if !q.months().contains(m)));
        for (i, m) in q.months().iter().enumerate() {
            if month_cols[i].is_none() && !any_mismatch {
                cx.push(
                    Some(sheet),
                    header_cell.clone(),
                    None,
                    Detail::ColumnMissing {
                        column: format!("Tháng {m}"),
                    },
                );
            }
        }
    }
    if fatal {
        return None;
    }
    let id_col = find(ListCol::Id)?;
    let name_col = find(ListCol::Name)?;
    let col = |c: ListCol| find(c);

    let mut members: Vec<Member> = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for row in hrow + 1..grid.row_end() {
        if grid.is_row_empty(row) {
            continue;
        }
        let id = cx.text(grid, sheet, row, id_col);
        let name = cx.text(grid, sheet, row, name_col);
        if id.is_empty() {
            if !name.is_empty() && !is_summary_label(&name) {
                cx.push(
                    Some(sheet),
                    Some(a1(row, id_col)),
                    None,
                    Detail::PersonWithoutId,
                );
            }
            continue;
        }
        let id_cell = a1(row, id_col);
        let id_key = text::key(&id);
        if let Some(&first) = first_seen.get(&id_key) {
            let first_cell = members[first].id_cell.clone();
            members[first].has_errors = true;
            cx.push(
                Some(sheet),
                Some(id_cell),
                Some(&id),
                Detail::PersonDuplicate { first: first_cell },
            );
            continue;
        }
        let mut m = Member {
            id: id.clone(),
            name,
            title: col(ListCol::Title)
                .map(|c| cx.text(grid, sheet, row, c))
                .unwrap_or_default(),
            part: col(ListCol::Part)
                .map(|c| cx.text(grid, sheet, row, c))
                .unwrap_or_default(),
            in_charge: col(ListCol::InCharge)
                .map(|c| cx.text(grid, sheet, row, c))
                .unwrap_or_default()
                .split([';', '\n'])
                .map(text::key)
                .filter(|k| !k.is_empty())
                .collect(),
            btv: col(ListCol::Btv).is_some_and(|c| yes_cell(grid.get(row, c))),
            ratings: [None; 3],
            rating_cells: [None, None, None],
            discipline: col(ListCol::Discipline).is_some_and(|c| yes_cell(grid.get(row, c))),
            inspection: col(ListCol::Inspection).is_some_and(|c| yes_cell(grid.get(row, c))),
            absence_days: Some(0),
            note: col(ListCol::Note)
                .map(|c| cx.text(grid, sheet, row, c))
                .unwrap_or_default(),
            id_cell,
            has_errors: false,
        };
        // Ratings: an unknown spelling is an error now; a blank one only once absence is known.
        let mut unknown = [false; 3];
        for (i, c) in month_cols.iter().enumerate() {
            let Some(c) = *c else { continue };
            m.rating_cells[i] = Some(a1(row, c));
            let d = grid.get(row, c);
            if is_blank(d) {
                continue;
            }
            let t = cx.text(grid, sheet, row, c);
            match text::parse_rating(&t) {
                Some(r) => m.ratings[i] = Some(r),
                None => {
                    unknown[i] = true;
                    let month = quarter.map_or(0, |q| q.months()[i]);
                    cx.push(
                        Some(sheet),
                        Some(a1(row, c)),
                        Some(&id),
                        Detail::RatingUnknown { month, value: t },
                    );
                }
            }
        }
        m.absence_days = absence(
            cx,
            grid,
            sheet,
            row,
            &id,
            quarter,
            col(ListCol::Days),
            col(ListCol::From),
            col(ListCol::To),
        );
        if let Some(c) = col(ListCol::Birth) {
            let d = grid.get(row, c);
            if !is_blank(d) && date_of_cell(d).is_none() {
                cx.push(
                    Some(sheet),
                    Some(a1(row, c)),
                    Some(&id),
                    Detail::DateInvalid {
                        column: "Ngày sinh",
                        value: display(d),
                    },
                );
            }
        }
        let absent = m
            .absence_days
            .is_some_and(|d| d >= cx.profile.thresholds.absence_days);
        if !absent {
            if unknown.contains(&true) || m.absence_days.is_none() {
                m.has_errors = true;
            }
            if let Some(q) = quarter {
                for i in 0..3 {
                    if m.ratings[i].is_none() && month_cols[i].is_some() && !unknown[i] {
                        cx.push(
                            Some(sheet),
                            m.rating_cells[i].clone(),
                            Some(&id),
                            Detail::RatingMissing {
                                month: q.months()[i],
                            },
                        );
                        m.has_errors = true;
                    }
                }
            }
        }
        if month_cols.iter().any(Option::is_none) {
            // A month column is missing or of another quarter: the result cannot be known.
            m.has_errors = true;
        }
        first_seen.insert(id_key, members.len());
        members.push(m);
    }
    Some(members)
}

fn is_summary_label(name: &str) -> bool {
    let k = text::key(name);
    k.starts_with("tong cong") || k == "cong" || k.starts_with("tong so")
}

fn yes_cell(d: &Data) -> bool {
    match d {
        Data::String(s) => text::is_yes(s),
        Data::Bool(b) => *b,
        Data::Int(i) => *i != 0,
        Data::Float(f) => *f != 0.0,
        Data::Empty => false,
        _ => true,
    }
}

/// Working days absent: `Số ngày nghỉ` when given, else the leave dates counted inside the quarter.
#[allow(clippy::too_many_arguments)]
fn absence(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    row: u32,
    id: &str,
    quarter: Option<Quarter>,
    days_col: Option<u32>,
    from_col: Option<u32>,
    to_col: Option<u32>,
) -> Option<u32> {
    let mut ok = true;
    let declared = days_col.and_then(|c| {
        let d = grid.get(row, c);
        if is_blank(d) {
            return None;
        }
        let n = match d {
            Data::Int(i) => u32::try_from(*i).ok(),
            Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= 366.0 => Some(*f as u32),
            Data::String(s) => s.trim().parse::<u32>().ok().filter(|n| *n <= 366),
            _ => None,
        };
        if n.is_none() {
            ok = false;
            cx.push(
                Some(sheet),
                Some(a1(row, c)),
                Some(id),
                Detail::DaysInvalid { value: display(d) },
            );
        }
        n
    });
    let mut date_at = |col: Option<u32>, column: &'static str| -> Option<NaiveDate> {
        let c = col?;
        let d = grid.get(row, c);
        if is_blank(d) {
            return None;
        }
        let v = date_of_cell(d);
        if v.is_none() {
            ok = false;
            cx.push(
                Some(sheet),
                Some(a1(row, c)),
                Some(id),
                Detail::DateInvalid {
                    column,
                    value: display(d),
                },
            );
        }
        v
    };
    let from = date_at(from_col, "Nghỉ từ ngày");
    let to = date_at(to_col, "Nghỉ đến ngày");
    let counted = match (from, to) {
        (Some(a), Some(b)) if a > b => {
            cx.push(
                Some(sheet),
                from_col.map(|c| a1(row, c)),
                Some(id),
                Detail::DateOrder,
            );
            ok = false;
            None
        }
        (Some(a), Some(b)) => match quarter {
            Some(q) => {
                match cx
                    .profile
                    .calendar
                    .working_days_within(a, b, q.first_day(), q.last_day())
                {
                    Ok(n) => Some(n),
                    Err(CalendarError::YearMissing(year)) => {
                        if !cx.calendar_reported {
                            cx.calendar_reported = true;
                            cx.push(
                                Some(sheet),
                                from_col.map(|c| a1(row, c)),
                                Some(id),
                                Detail::YearNotInCalendar { year },
                            );
                        }
                        ok = false;
                        None
                    }
                    Err(_) => None,
                }
            }
            None => None,
        },
        (Some(_), None) | (None, Some(_)) => {
            let (col, column) = if from.is_none() {
                (from_col, "Nghỉ từ ngày")
            } else {
                (to_col, "Nghỉ đến ngày")
            };
            // An invalid date was reported above; a blank one is reported here.
            match col {
                Some(c) if is_blank(grid.get(row, c)) => cx.push(
                    Some(sheet),
                    Some(a1(row, c)),
                    Some(id),
                    Detail::DateHalf { column },
                ),
                None => cx.push(Some(sheet), None, Some(id), Detail::DateHalf { column }),
                Some(_) => {}
            }
            ok = false;
            None
        }
        (None, None) => None,
    };
    match (declared, counted) {
        (Some(d), Some(c)) => {
            if d != c {
                cx.push(
                    Some(sheet),
                    days_col.map(|col| a1(row, col)),
                    Some(id),
                    Detail::AbsenceMismatch {
                        declared: d,
                        counted: c,
                    },
                );
            }
            Some(d)
        }
        (Some(d), None) => Some(d),
        (None, Some(c)) => Some(c),
        (None, None) => ok.then_some(0),
    }
}

// ---------------------------------------------------------------------------------------------
// Mẫu 03 / 04 / 05

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormCol {
    Id,
    Name,
    Item(u16),
    Total,
    Remark,
}

fn form_col(d: &Data, k: &str) -> Option<FormCol> {
    use FormCol::*;
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
    if let Some(n) = number.filter(|n| *n >= 1) {
        return Some(Item(n));
    }
    Some(match k {
        "ma cb" | "ma can bo" | "ma cbccvc" | "ma so" | "ma nhan vien" => Id,
        "ho va ten" | "ho ten" | "ho va ten can bo" => Name,
        "tong diem" | "tong" | "tong cong" | "tong so diem" => Total,
        "nhan xet" | "nhan xet danh gia" => Remark,
        _ => return None,
    })
}

fn read_form(
    cx: &mut Ctx,
    wb: &mut Workbook,
    grid: &Grid,
    sheet: &str,
    form: Form,
) -> Option<(FormSheet, Vec<ScoredRow>)> {
    let spec = cx.profile.form(form).clone();
    let Some((hrow, cols)) = find_header(cx, grid, sheet, form_col, |c| {
        matches!(c, FormCol::Id | FormCol::Name)
    }) else {
        cx.push(Some(sheet), None, None, Detail::HeaderNotFound);
        return None;
    };
    let header_cell = a1(hrow, grid.col_start());
    let find = |want: FormCol| {
        cols.iter()
            .find(|(_, c, _)| *c == want)
            .map(|(col, _, _)| *col)
    };
    let mut item_cols: Vec<Option<u32>> = vec![None; spec.items as usize];
    for (col, c, _) in &cols {
        if let FormCol::Item(n) = c {
            if (*n as usize) <= item_cols.len() && item_cols[*n as usize - 1].is_none() {
                item_cols[*n as usize - 1] = Some(*col);
            }
        }
    }
    let mut fatal = false;
    for (want, name) in [(FormCol::Id, COL_ID)] {
        if find(want).is_none() {
            cx.push(
                Some(sheet),
                Some(header_cell.clone()),
                None,
                Detail::ColumnMissing {
                    column: name.into(),
                },
            );
            fatal = true;
        }
    }
    for (i, c) in item_cols.iter().enumerate() {
        if c.is_none() {
            cx.push(
                Some(sheet),
                Some(header_cell.clone()),
                None,
                Detail::ColumnMissing {
                    column: format!("{}", i + 1),
                },
            );
            fatal = true;
        }
    }
    if fatal {
        return None;
    }
    let item_cols: Vec<u32> = item_cols
        .into_iter()
        .map(|c| c.expect("checked above"))
        .collect();
    let id_col = find(FormCol::Id)?;
    let name_col = find(FormCol::Name);
    let total_col = find(FormCol::Total);
    let remark_col = find(FormCol::Remark);

    // The optional `Bắt buộc` row right under the header.
    let mut mandatory = spec.mandatory.clone();
    let mut first_data = hrow + 1;
    let marker_col = name_col.unwrap_or(grid.col_start());
    let is_marker =
        |cx: &mut Ctx, c: u32| text::key(&cx.text(grid, sheet, hrow + 1, c)) == "bat buoc";
    if is_marker(cx, marker_col) || is_marker(cx, grid.col_start()) || is_marker(cx, id_col) {
        mandatory = item_cols
            .iter()
            .map(|&c| yes_cell(grid.get(hrow + 1, c)))
            .collect();
        first_data += 1;
    }

    let mut formulas: Option<Option<Range<String>>> = None;
    let mut formula_at = |wb: &mut Workbook, row: u32, col: u32| -> Option<String> {
        let f = formulas.get_or_insert_with(|| wb.formulas(sheet));
        f.as_ref()?
            .get_value((row, col))
            .filter(|s| !s.is_empty())
            .cloned()
    };

    let mut rows = Vec::new();
    let mut count = 0;
    for row in first_data..grid.row_end() {
        if grid.is_row_empty(row) {
            continue;
        }
        let id = cx.text(grid, sheet, row, id_col);
        let name = name_col
            .map(|c| cx.text(grid, sheet, row, c))
            .unwrap_or_default();
        if id.is_empty() {
            let has_scores = item_cols.iter().any(|&c| !is_blank(grid.get(row, c)));
            if has_scores && !is_summary_label(&name) {
                cx.push(
                    Some(sheet),
                    Some(a1(row, id_col)),
                    None,
                    Detail::PersonWithoutId,
                );
            }
            continue;
        }
        count += 1;
        let mut scores = Vec::with_capacity(item_cols.len());
        let mut has_errors = false;
        for (i, &c) in item_cols.iter().enumerate() {
            let item = i as u16 + 1;
            let d = grid.get(row, c);
            let result = match d {
                Data::Float(f) => text::score_from_f64(*f),
                Data::Int(n) => text::score_from_f64(*n as f64),
                Data::DateTime(dt) => text::score_from_f64(dt.as_f64()),
                Data::String(s) if !s.trim().is_empty() => text::parse_score(s),
                _ if is_blank(d) => {
                    has_errors = true;
                    match formula_at(wb, row, c) {
                        Some(formula) => cx.push(
                            Some(sheet),
                            Some(a1(row, c)),
                            Some(&id),
                            Detail::FormulaNoValue { formula },
                        ),
                        None => cx.push(
                            Some(sheet),
                            Some(a1(row, c)),
                            Some(&id),
                            Detail::ScoreMissing { item },
                        ),
                    }
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
                        ScoreError::NotNumber => Detail::ScoreNotNumber { item, value },
                        ScoreError::OutOfRange => Detail::ScoreOutOfRange { item, value },
                        ScoreError::Step => Detail::ScoreStep { item, value },
                    };
                    cx.push(Some(sheet), Some(a1(row, c)), Some(&id), detail);
                }
            }
        }
        if let Some(c) = total_col {
            let d = grid.get(row, c);
            if is_blank(d) {
                if let Some(formula) = formula_at(wb, row, c) {
                    has_errors = true;
                    cx.push(
                        Some(sheet),
                        Some(a1(row, c)),
                        Some(&id),
                        Detail::FormulaNoValue { formula },
                    );
                }
            } else if !has_errors {
                let sum = crate::model::Total::of(&scores);
                let written = match d {
                    Data::Float(f) => Some(*f),
                    Data::Int(n) => Some(*n as f64),
                    Data::String(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
                    _ => None,
                };
                let agrees = written.is_some_and(|w| (w * 2.0 - sum.0 as f64).abs() < 1e-6);
                if !agrees {
                    has_errors = true;
                    cx.push(
                        Some(sheet),
                        Some(a1(row, c)),
                        Some(&id),
                        Detail::TotalMismatch {
                            written: display(d),
                            sum,
                        },
                    );
                }
            }
        }
        rows.push(ScoredRow {
            id,
            name,
            form,
            scores,
            has_errors,
            id_cell: a1(row, id_col),
            remark: remark_col
                .map(|c| cx.text(grid, sheet, row, c))
                .unwrap_or_default(),
        });
    }
    Some((
        FormSheet {
            form,
            sheet: sheet.to_string(),
            mandatory,
            header_cell,
            rows: count,
        },
        rows,
    ))
}
