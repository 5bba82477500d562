//! `Danh sách`: one row per person (SPEC §3). Each decision cell is read by its closed vocabulary
//! (SPEC §2); what cannot be read is reported and left unknown, never taken as "no".

use super::{find_header, is_summary_label, CellFormulas, Ctx, COL_ID, COL_NAME};
use crate::calendar::CalendarError;
use crate::finding::Detail;
use crate::model::{Quarter, Rating};
use crate::reader::layout::{names, Spec};
use crate::reader::{date_of_cell, display, is_blank, Grid};
use crate::text::{self, a1};
use crate::vocab::{self, Inspection, Vocabulary};
use calamine::Data;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A row of `Danh sách`.
#[derive(Debug, Clone, Default)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub birth: Option<NaiveDate>,
    pub title: String,
    pub part: String,
    /// `Bộ phận` could be read (not a formula without a value).
    pub part_known: bool,
    pub part_cell: Option<String>,
    /// The `Phụ trách` values as written (`;`-separated); empty = the whole unit.
    pub in_charge: Vec<String>,
    pub in_charge_cell: Option<String>,
    /// `Diện BTV quản lý` (mẫu 03 track); `None` when unreadable.
    pub btv: Option<bool>,
    pub ratings: [Option<Rating>; 3],
    /// A month cell holding something that could not be read (reported).
    pub rating_unreadable: [bool; 3],
    /// Cell of each month's rating, for findings raised later.
    pub rating_cells: [Option<String>; 3],
    pub discipline: Option<bool>,
    pub inspection: Option<Inspection>,
    /// `Kiểm điểm`; `Some(false)` when the column is absent.
    pub review: Option<bool>,
    /// Cells of `Kỷ luật`, `Thanh tra, kiểm tra`, `Kiểm điểm`.
    pub decision_cells: [Option<String>; 3],
    /// Working days absent in the quarter, in half days; `None` when unknown.
    pub absence_half_days: Option<u32>,
    /// Working days of the quarter before `Ngày bắt đầu` or after `Ngày thôi`.
    pub days_away: Option<u32>,
    /// The months of the quarter the person worked in the unit, wholly or partly.
    pub months_worked: [bool; 3],
    /// `Đối tượng`: among the people the criteria apply to; `None` when unreadable.
    pub in_scope: Option<bool>,
    pub note: String,
    pub id_cell: String,
    pub has_errors: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListCol {
    Stt,
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
    Review,
    Days,
    From,
    To,
    Start,
    End,
    Kind,
    Note,
}

/// The columns of `Danh sách` (SPEC §3) and the names offices give them.
pub(super) const LIST: Spec<ListCol> = Spec {
    columns: &[
        (ListCol::Stt, names::STT),
        (ListCol::Id, names::ID),
        (ListCol::Name, names::NAME),
        (ListCol::Birth, names::BIRTH),
        (ListCol::Title, names::TITLE),
        (ListCol::Part, &["bo phan", "to bo phan", "phong ban"]),
        (ListCol::InCharge, &["phu trach", "bo phan phu trach"]),
        (
            ListCol::Btv,
            &[
                "dien btv quan ly",
                "dien btv",
                "btv quan ly",
                "dien ban thuong vu quan ly",
            ],
        ),
        (ListCol::Discipline, &["ky luat"]),
        (
            ListCol::Inspection,
            &["thanh tra kiem tra", "thanh tra", "kiem tra"],
        ),
        (ListCol::Review, &["kiem diem", "kiem diem trach nhiem"]),
        (
            ListCol::Days,
            &["so ngay nghi", "so ngay vang", "so ngay nghi trong quy"],
        ),
        (ListCol::From, &["nghi tu ngay", "tu ngay"]),
        (ListCol::To, &["nghi den ngay", "den ngay"]),
        (
            ListCol::Start,
            &[
                "ngay bat dau",
                "ngay bat dau cong tac",
                "ngay den",
                "ngay vao",
            ],
        ),
        (
            ListCol::End,
            &[
                "ngay thoi",
                "ngay thoi cong tac",
                "ngay nghi viec",
                "ngay chuyen di",
            ],
        ),
        (ListCol::Kind, &["doi tuong", "loai", "loai hop dong"]),
        (ListCol::Note, names::NOTE),
    ],
    pattern: Some(list_pattern),
    keys: &[ListCol::Id, ListCol::Name],
    min_columns: 2,
    two_rows: false,
};

/// A month column ("Tháng 4", "T4"), or a decision column named in other words.
fn list_pattern(_: &Data, k: &str) -> Option<ListCol> {
    text::parse_month_header(k)
        .map(ListCol::Month)
        .or_else(|| decision_col(k))
}

/// A header that names a decision column in other words ("Hình thức kỷ luật", "Kỷ luật Đảng",
/// "Kết quả thanh tra, kiểm tra", "Số ngày nghỉ (ngày làm việc)"): read, never dropped.
fn decision_col(k: &str) -> Option<ListCol> {
    let words = format!(" {k} ");
    let has = |w: &str| words.contains(&format!(" {w} "));
    Some(if has("kiem diem") {
        ListCol::Review
    } else if has("ky luat") {
        ListCol::Discipline
    } else if has("thanh tra") || has("kiem tra") {
        ListCol::Inspection
    } else if k.starts_with("so ngay nghi") || k.starts_with("so ngay vang") {
        ListCol::Days
    } else if k.starts_with("ngay thoi") {
        ListCol::End
    } else if k.starts_with("ngay bat dau") {
        ListCol::Start
    } else if k.starts_with("doi tuong") {
        ListCol::Kind
    } else {
        return None;
    })
}

/// Where the columns of `Danh sách` are.
struct Layout {
    hrow: u32,
    cols: Vec<(u32, ListCol, String)>,
    months: [Option<u32>; 3],
    /// A month column is missing or of another quarter: no result can be known.
    months_broken: bool,
    /// A decision column is missing (`Kỷ luật`, `Thanh tra, kiểm tra`, absence).
    decisions_missing: bool,
    /// `Số ngày nghỉ`, or both leave-date columns, are there.
    has_absence: bool,
    /// Further columns of a month ("T1" beside "Tháng 1"), read and compared.
    extra_months: [Vec<u32>; 3],
    /// Every column of `Kỷ luật`, `Thanh tra, kiểm tra`, `Kiểm điểm`.
    decisions: [Vec<u32>; 3],
    /// Fields of one value that have several columns (compared on every row).
    repeated: Vec<(&'static str, Vec<u32>)>,
}

impl Layout {
    fn col(&self, want: ListCol) -> Option<u32> {
        self.cols
            .iter()
            .find(|(_, c, _)| *c == want)
            .map(|(col, _, _)| *col)
    }

    /// Every column of a kind ("Kỷ luật Đảng" and "Kỷ luật chính quyền" are both `Kỷ luật`).
    fn cols_of(&self, want: ListCol) -> Vec<u32> {
        self.cols
            .iter()
            .filter(|(_, c, _)| *c == want)
            .map(|(col, _, _)| *col)
            .collect()
    }
}

/// A row with content that names nobody: no `Mã CB`, or a `Mã CB` already used. The person is
/// not decided, and a leader whose scope may hold them cannot be decided either.
#[derive(Debug, Clone)]
pub struct Unidentified {
    pub cell: String,
    pub name: String,
    /// The `Bộ phận` key written on the row (empty when blank).
    pub part: String,
}

/// Reads `Danh sách`; `None` when it has no usable header row.
pub(super) fn read_list(
    cx: &mut Ctx,
    grid: &Grid,
    formulas: &mut CellFormulas<'_>,
    sheet: &str,
    quarter: Option<Quarter>,
) -> Option<(Vec<Member>, Vec<Unidentified>)> {
    let layout = list_layout(cx, grid, sheet, quarter)?;
    let id_col = layout.col(ListCol::Id)?;
    let name_col = layout.col(ListCol::Name)?;
    let stt_col = layout.col(ListCol::Stt);
    // A row that names nobody, kept for the leaders whose scope may hold it.
    let nobody = |cx: &mut Ctx, row: u32, name: String| Unidentified {
        cell: a1(row, id_col),
        name,
        part: layout
            .col(ListCol::Part)
            .map(|c| text::key(&cx.text(grid, sheet, row, c)))
            .unwrap_or_default(),
    };
    let mut members: Vec<Member> = Vec::new();
    let mut unidentified: Vec<Unidentified> = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for row in layout.hrow + 1..grid.row_end() {
        if grid.is_row_empty(row) {
            continue;
        }
        let id = cx.text(grid, sheet, row, id_col);
        let name = cx.text(grid, sheet, row, name_col);
        if id.is_empty() {
            // A numbered empty row of a template is no one; any other content is someone.
            let content = grid.filled(row).any(|(c, _)| Some(c) != stt_col)
                || formulas.at(row, id_col).is_some()
                || formulas.at(row, name_col).is_some();
            if content && !is_summary_label(&name) {
                cx.push(
                    Some(sheet),
                    Some(a1(row, id_col)),
                    None,
                    Detail::PersonWithoutId { name: name.clone() },
                );
                unidentified.push(nobody(cx, row, name));
            }
            continue;
        }
        let id_key = text::key(&id);
        if let Some(&first) = first_seen.get(&id_key) {
            let first_cell = members[first].id_cell.clone();
            members[first].has_errors = true;
            cx.findings.push(crate::finding::Finding {
                file: cx.file.to_string(),
                sheet: Some(sheet.to_string()),
                cell: Some(a1(row, id_col)),
                person: Some(id.clone()),
                person_name: (!name.is_empty()).then(|| name.clone()),
                detail: Detail::PersonDuplicate { first: first_cell },
            });
            unidentified.push(nobody(cx, row, name));
            continue;
        }
        let mut rc = RowCx {
            cx,
            grid,
            formulas,
            sheet,
            row,
            id: &id,
            errors: false,
            unknown_at: None,
        };
        if name.is_empty() {
            // A name computed by a formula the file holds no value for: the person cannot be
            // named in any list, so they are reported (and `loi`), never a blank name.
            let _ = rc.read(name_col);
        }
        let m = read_member(&mut rc, &layout, quarter, id.clone(), name);
        first_seen.insert(id_key, members.len());
        members.push(m);
    }
    if members.is_empty() {
        cx.push(
            Some(sheet),
            Some(a1(layout.hrow + 1, id_col)),
            None,
            Detail::UnitEmpty,
        );
        return None;
    }
    Some((members, unidentified))
}

/// Finds the header row and checks the columns every list needs: `Mã CB`, `Họ và tên`, and
/// one column per month of the quarter.
fn list_layout(cx: &mut Ctx, grid: &Grid, sheet: &str, quarter: Option<Quarter>) -> Option<Layout> {
    let Some((hrow, cols)) = find_header(cx, grid, sheet, &LIST) else {
        cx.push(Some(sheet), None, None, Detail::HeaderNotFound);
        return None;
    };
    let mut layout = Layout {
        hrow,
        cols,
        months: [None; 3],
        months_broken: false,
        decisions_missing: false,
        has_absence: false,
        extra_months: [Vec::new(), Vec::new(), Vec::new()],
        decisions: [Vec::new(), Vec::new(), Vec::new()],
        repeated: Vec::new(),
    };
    layout.decisions =
        [ListCol::Discipline, ListCol::Inspection, ListCol::Review].map(|c| layout.cols_of(c));
    layout.repeated = repeated_columns(&layout);
    let header_cell = Some(a1(hrow, grid.col_start()));
    let mut fatal = false;
    for (want, name) in [(ListCol::Id, COL_ID), (ListCol::Name, COL_NAME)] {
        if layout.col(want).is_none() {
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
    // Columns a decision rests on: without them nobody can be decided (never a default "no").
    layout.has_absence = layout.col(ListCol::Days).is_some()
        || (layout.col(ListCol::From).is_some() && layout.col(ListCol::To).is_some());
    let has_absence = layout.has_absence;
    for (present, name) in [
        (layout.col(ListCol::Discipline).is_some(), "Kỷ luật"),
        (
            layout.col(ListCol::Inspection).is_some(),
            "Thanh tra, kiểm tra",
        ),
        (has_absence, "Số ngày nghỉ"),
    ] {
        if !present && !fatal {
            layout.decisions_missing = true;
            cx.push(
                Some(sheet),
                header_cell.clone(),
                None,
                Detail::ColumnMissing {
                    column: name.into(),
                },
            );
        }
    }
    if let Some(q) = quarter {
        month_columns(cx, sheet, q, &mut layout);
    }
    (!fatal).then_some(layout)
}

/// Each month column must be a month of the quarter; each month of the quarter must be there.
fn month_columns(cx: &mut Ctx, sheet: &str, q: Quarter, layout: &mut Layout) {
    let header_cell = Some(a1(layout.hrow, layout.cols.first().map_or(0, |c| c.0)));
    let mut any_mismatch = false;
    for (col, c, _) in &layout.cols {
        if let ListCol::Month(m) = c {
            match q.months().iter().position(|x| x == m) {
                Some(i) if layout.months[i].is_none() => layout.months[i] = Some(*col),
                Some(i) => layout.extra_months[i].push(*col),
                None => {
                    any_mismatch = true;
                    cx.push(
                        Some(sheet),
                        Some(a1(layout.hrow, *col)),
                        None,
                        Detail::MonthMismatch {
                            month: *m,
                            quarter: q,
                        },
                    )
                }
            }
        }
    }
    for (i, m) in q.months().iter().enumerate() {
        if layout.months[i].is_none() {
            layout.months_broken = true;
            if !any_mismatch {
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
}

/// One row being read: where it is, and whether an error was reported on it.
struct RowCx<'a, 'b, 'w> {
    cx: &'a mut Ctx<'b>,
    grid: &'a Grid,
    formulas: &'a mut CellFormulas<'w>,
    sheet: &'a str,
    row: u32,
    id: &'a str,
    errors: bool,
    /// Of several columns of one kind, the one whose cell could not be read.
    unknown_at: Option<u32>,
}

/// A cell as read: blank, a formula whose value the file does not hold (reported), or a value.
enum Read<'g> {
    Blank,
    NoValue,
    Value(&'g Data),
}

impl<'a> RowCx<'a, '_, '_> {
    fn report(&mut self, col: u32, detail: Detail) {
        self.errors = true;
        self.cx.push(
            Some(self.sheet),
            Some(a1(self.row, col)),
            Some(self.id),
            detail,
        );
    }

    /// Reads what the person's own result does not rest on: its faults are reported, but do
    /// not make the person `loi`.
    fn reported_only<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> T {
        let errors = self.errors;
        let value = read(self);
        self.errors = errors;
        value
    }

    fn text(&mut self, col: Option<u32>) -> String {
        col.map(|c| self.cx.text(self.grid, self.sheet, self.row, c))
            .unwrap_or_default()
    }

    /// The cell, with a formula that has no computed value reported as `formula-no-value`.
    fn read(&mut self, col: u32) -> Read<'a> {
        let grid: &'a Grid = self.grid;
        let d = grid.get(self.row, col);
        if matches!(d, Data::Empty) {
            if let Some(formula) = self.formulas.at(self.row, col) {
                self.report(col, Detail::FormulaNoValue { formula });
                return Read::NoValue;
            }
            return Read::Blank;
        }
        if is_blank(d) {
            Read::Blank
        } else {
            Read::Value(d)
        }
    }

    /// A decision cell read by its closed vocabulary; `None` (reported) when not understood.
    /// A missing optional column reads as blank.
    fn vocab<T>(
        &mut self,
        col: Option<u32>,
        vocabulary: Vocabulary,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let Some(c) = col else { return parse("") };
        match self.read(c) {
            Read::Blank => parse(""),
            Read::NoValue => None,
            Read::Value(_) => {
                let value = self.cx.text(self.grid, self.sheet, self.row, c);
                let v = parse(&value);
                if v.is_none() {
                    self.report(c, Detail::ValueUnclear { vocabulary, value });
                }
                v
            }
        }
    }

    /// A decision read from every column of its kind: unknown when any is unknown, else the
    /// gravest value ("Kỷ luật Đảng" / "Kỷ luật chính quyền": disciplined by either).
    fn vocab_all<T: Ord>(
        &mut self,
        cols: &[u32],
        vocabulary: Vocabulary,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        match cols {
            [] => parse(""),
            [c] => self.vocab(Some(*c), vocabulary, parse),
            _ => {
                // Every column is read (and reported), then combined.
                let values: Vec<Option<T>> = cols
                    .iter()
                    .map(|&c| self.vocab(Some(c), vocabulary, parse))
                    .collect();
                if let Some(i) = values.iter().position(Option::is_none) {
                    self.unknown_at = Some(cols[i]);
                }
                values
                    .into_iter()
                    .collect::<Option<Vec<T>>>()?
                    .into_iter()
                    .max()
            }
        }
    }

    /// A text cell a decision rests on (`Bộ phận`, `Phụ trách`): `None` when it is a formula
    /// without a value (reported).
    fn text_known(&mut self, col: Option<u32>) -> Option<String> {
        let Some(c) = col else {
            return Some(String::new());
        };
        match self.read(c) {
            Read::NoValue => None,
            _ => Some(self.cx.text(self.grid, self.sheet, self.row, c)),
        }
    }

    /// A date cell: `Ok(None)` when blank, `Err(())` when reported.
    fn date(&mut self, col: Option<u32>, column: &'static str) -> Result<Option<NaiveDate>, ()> {
        let Some(c) = col else { return Ok(None) };
        match self.read(c) {
            Read::Blank => Ok(None),
            Read::NoValue => Err(()),
            Read::Value(d) => match date_of_cell(d).filter(plausible_date) {
                Some(v) => Ok(Some(v)),
                None => {
                    self.report(
                        c,
                        Detail::DateInvalid {
                            column,
                            value: display(d),
                        },
                    );
                    Err(())
                }
            },
        }
    }
}

/// A bare number in a date column ("15", "2024") reads as an Excel serial of 1900: not a date
/// anyone means on a staff list.
fn plausible_date(d: &NaiveDate) -> bool {
    use chrono::Datelike;
    (1920..=2100).contains(&d.year())
}

fn read_member(
    rc: &mut RowCx<'_, '_, '_>,
    layout: &Layout,
    quarter: Option<Quarter>,
    id: String,
    name: String,
) -> Member {
    let col = |c: ListCol| layout.col(c);
    let in_charge_col = col(ListCol::InCharge);
    let in_charge_text = rc.text_known(in_charge_col);
    let in_charge: Vec<String> = in_charge_text
        .clone()
        .unwrap_or_default()
        .split([';', '\n'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect();
    // `Bộ phận` decides only a leader's scope: unreadable, it is reported but the person's own
    // result does not rest on it.
    let part = rc.reported_only(|rc| rc.text_known(col(ListCol::Part)));
    // A bad `Ngày sinh` is reported, but decides nothing: the person is still decided.
    let birth = rc.reported_only(|rc| rc.date(col(ListCol::Birth), "Ngày sinh").ok().flatten());
    let mut m = Member {
        id,
        name,
        birth,
        title: rc.text(col(ListCol::Title)),
        part_known: part.is_some(),
        part_cell: col(ListCol::Part).map(|c| a1(rc.row, c)),
        part: part.unwrap_or_default(),
        in_charge_cell: in_charge_col.map(|c| a1(rc.row, c)),
        in_charge,
        btv: rc.vocab(col(ListCol::Btv), Vocabulary::Mark, vocab::parse_mark),
        ratings: [None; 3],
        rating_unreadable: [false; 3],
        rating_cells: [None, None, None],
        discipline: None,
        inspection: None,
        review: None,
        decision_cells: [ListCol::Discipline, ListCol::Inspection, ListCol::Review]
            .map(|c| col(c).map(|c| a1(rc.row, c))),
        absence_half_days: None,
        days_away: None,
        months_worked: [true; 3],
        in_scope: rc.vocab(
            col(ListCol::Kind),
            Vocabulary::StaffKind,
            vocab::parse_staff_kind,
        ),
        note: rc.text(col(ListCol::Note)),
        id_cell: String::new(),
        has_errors: false,
    };
    m.id_cell = a1(rc.row, layout.col(ListCol::Id).unwrap_or(0));
    read_decisions(rc, layout, &mut m);
    if in_charge_text.is_none() {
        // A formula without a value in `Phụ trách`: the leader's scope is unknown (reported).
        rc.errors = true;
    }
    read_ratings(rc, layout, quarter, &mut m);
    let (days_away, months_worked, span) = time_in_unit(rc, quarter, layout);
    (m.days_away, m.months_worked) = (days_away, months_worked);
    // Leave is counted only inside the person's time in the unit: days before joining or after
    // leaving are already days away.
    m.absence_half_days = absence(rc, span, layout);
    same_in_every_column(rc, layout);
    m.has_errors = rc.errors || layout.months_broken || layout.decisions_missing;
    m
}

/// Fields of one value are read from the first of their columns: when a list has two columns of
/// one of them ("Số ngày nghỉ" twice), the others must say the same, or the person is unknown.
fn same_in_every_column(rc: &mut RowCx<'_, '_, '_>, layout: &Layout) {
    for (column, cols) in &layout.repeated {
        let (grid, row) = (rc.grid, rc.row);
        let value = |c: u32| display(grid.get(row, c));
        let first_value = value(cols[0]);
        for &c in &cols[1..] {
            if value(c) != first_value {
                let other = a1(row, cols[0]);
                rc.report(c, Detail::ColumnsDisagree { column, other });
            }
        }
    }
}

/// The fields of one value that have several columns in this list.
fn repeated_columns(layout: &Layout) -> Vec<(&'static str, Vec<u32>)> {
    const SINGLE: [(ListCol, &str); 7] = [
        (ListCol::Btv, "Diện BTV quản lý"),
        (ListCol::Days, "Số ngày nghỉ"),
        (ListCol::From, "Nghỉ từ ngày"),
        (ListCol::To, "Nghỉ đến ngày"),
        (ListCol::Start, "Ngày bắt đầu"),
        (ListCol::End, "Ngày thôi"),
        (ListCol::Kind, "Đối tượng"),
    ];
    SINGLE
        .iter()
        .map(|&(kind, column)| (column, layout.cols_of(kind)))
        .filter(|(_, cols)| cols.len() > 1)
        .collect()
}

/// `Kỷ luật`, `Thanh tra, kiểm tra`, `Kiểm điểm`, each from all its columns; the cell kept for
/// a leader's `scope-unknown` is the one that could not be read. `Kiểm điểm` only breaches a
/// leader's condition (SPEC §2): an unclear value is reported, and makes the leader unknown, but
/// the person's own result does not rest on it.
fn read_decisions(rc: &mut RowCx<'_, '_, '_>, layout: &Layout, m: &mut Member) {
    let mut at = |rc: &mut RowCx<'_, '_, '_>, i: usize| {
        if let Some(c) = rc.unknown_at.take() {
            m.decision_cells[i] = Some(a1(rc.row, c));
        }
    };
    // `Kỷ luật` and `Thanh tra, kiểm tra` are required: without a column nothing is known (the
    // header was reported), never "no".
    let discipline = (!layout.decisions[0].is_empty())
        .then(|| {
            rc.vocab_all(
                &layout.decisions[0],
                Vocabulary::Discipline,
                vocab::parse_discipline,
            )
        })
        .flatten();
    at(rc, 0);
    let inspection = (!layout.decisions[1].is_empty())
        .then(|| {
            rc.vocab_all(
                &layout.decisions[1],
                Vocabulary::Inspection,
                vocab::parse_inspection,
            )
        })
        .flatten();
    at(rc, 1);
    let review = rc.reported_only(|rc| {
        rc.vocab_all(
            &layout.decisions[2],
            Vocabulary::Review,
            vocab::parse_review,
        )
    });
    at(rc, 2);
    (m.discipline, m.inspection, m.review) = (discipline, inspection, review);
}

/// The month cells: an unknown spelling or a formula without a value is reported now; a blank
/// one is judged later, once it is known whether the person is evaluated and worked that month.
fn read_ratings(
    rc: &mut RowCx<'_, '_, '_>,
    layout: &Layout,
    quarter: Option<Quarter>,
    m: &mut Member,
) {
    for (i, c) in layout.months.iter().enumerate() {
        let Some(c) = *c else { continue };
        m.rating_cells[i] = Some(a1(rc.row, c));
        let month = quarter.map_or(0, |q| q.months()[i]);
        let mut filled: Option<(u32, Rating)> = None;
        for col in std::iter::once(c).chain(layout.extra_months[i].iter().copied()) {
            match rc.read(col) {
                Read::Blank => {}
                Read::NoValue => {
                    m.rating_unreadable[i] = true;
                    rc.unknown_at.get_or_insert(col);
                }
                Read::Value(_) => {
                    let t = rc.cx.text(rc.grid, rc.sheet, rc.row, col);
                    match text::parse_rating(&t) {
                        Some(r) => match filled {
                            Some((_, first)) if first == r => {}
                            Some((first_col, _)) => {
                                m.rating_unreadable[i] = true;
                                rc.unknown_at.get_or_insert(col);
                                let other = a1(rc.row, first_col);
                                rc.report(col, Detail::MonthColumnsDisagree { month, other });
                            }
                            None => filled = Some((col, r)),
                        },
                        None => {
                            m.rating_unreadable[i] = true;
                            rc.unknown_at.get_or_insert(col);
                            rc.report(col, Detail::RatingUnknown { month, value: t });
                        }
                    }
                }
            }
        }
        if m.rating_unreadable[i] {
            if let Some(col) = rc.unknown_at.take() {
                m.rating_cells[i] = Some(a1(rc.row, col));
            }
        } else {
            m.ratings[i] = filled.map(|(_, r)| r);
        }
    }
}

/// Working days absent, in half days: `Số ngày nghỉ` when given, else the leave dates counted
/// inside the quarter. `None` when unknown (an error was reported).
/// The days of the quarter a person belongs to the unit (`None`: unknown, or not at all).
type Span = Option<(NaiveDate, NaiveDate)>;

fn absence(rc: &mut RowCx<'_, '_, '_>, span: Span, layout: &Layout) -> Option<u32> {
    if !layout.has_absence {
        // No column says how long the person was away: not "0 days" (reported on the header).
        return None;
    }
    let days_col = layout.col(ListCol::Days);
    let declared = match days_col.map(|c| (c, rc.read(c))) {
        None | Some((_, Read::Blank)) => Ok(None),
        Some((_, Read::NoValue)) => Err(()),
        Some((c, Read::Value(d))) => {
            let n = match d {
                Data::Int(i) => u32::try_from(*i).ok().filter(|n| *n <= 366).map(|n| n * 2),
                Data::Float(f) => text::half_days_from_f64(*f),
                Data::String(s) => text::parse_half_days(s),
                _ => None,
            };
            match n {
                Some(n) => Ok(Some(n)),
                None => {
                    rc.report(c, Detail::DaysInvalid { value: display(d) });
                    Err(())
                }
            }
        }
    };
    let errors_before = rc.errors;
    let counted = leave_dates(rc, span, layout);
    if let (Ok(Some(_)), Err(())) = (declared, counted) {
        // `Số ngày nghỉ` is given and valid: it decides, and a bad leave date is only reported.
        rc.errors = errors_before;
    }
    match (declared, counted) {
        (Err(()), _) | (Ok(None), Err(())) => None,
        (Ok(Some(d)), Err(())) => Some(d),
        (Ok(Some(d)), Ok(Some(c))) => {
            if d != c * 2 {
                rc.cx.push(
                    Some(rc.sheet),
                    days_col.map(|col| a1(rc.row, col)),
                    Some(rc.id),
                    Detail::AbsenceMismatch {
                        declared: text::fmt_half_days(d),
                        counted: c,
                    },
                );
            }
            Some(d)
        }
        (Ok(Some(d)), Ok(None)) => Some(d),
        (Ok(None), Ok(Some(c))) => Some(c * 2),
        (Ok(None), Ok(None)) => Some(0),
    }
}

/// The working days of the quarter between `Nghỉ từ ngày` and `Nghỉ đến ngày`.
fn leave_dates(rc: &mut RowCx<'_, '_, '_>, span: Span, layout: &Layout) -> Result<Option<u32>, ()> {
    let (from_col, to_col) = (layout.col(ListCol::From), layout.col(ListCol::To));
    let from = rc.date(from_col, "Nghỉ từ ngày");
    let to = rc.date(to_col, "Nghỉ đến ngày");
    let (from, to) = (from?, to?);
    match (from, to) {
        (None, None) => Ok(None),
        (Some(a), Some(b)) if a > b => {
            rc.report(from_col.unwrap_or(0), Detail::DateOrder);
            Err(())
        }
        (Some(a), Some(b)) => match span {
            Some(bounds) => working_days(rc, a, b, bounds, from_col).map(Some),
            // Not in the unit during the quarter, or the quarter is unknown.
            None => Ok(Some(0)),
        },
        (a, _) => {
            let (col, column) = if a.is_none() {
                (from_col, "Nghỉ từ ngày")
            } else {
                (to_col, "Nghỉ đến ngày")
            };
            match col {
                Some(c) => rc.report(c, Detail::DateHalf { column }),
                None => {
                    rc.errors = true;
                    rc.cx.push(
                        Some(rc.sheet),
                        None,
                        Some(rc.id),
                        Detail::DateHalf { column },
                    )
                }
            }
            Err(())
        }
    }
}

/// Working days from `a` to `b` inside `bounds`, from the profile's calendar.
fn working_days(
    rc: &mut RowCx<'_, '_, '_>,
    a: NaiveDate,
    b: NaiveDate,
    (lo, hi): (NaiveDate, NaiveDate),
    col: Option<u32>,
) -> Result<u32, ()> {
    match rc.cx.profile.calendar.working_days_within(a, b, lo, hi) {
        Ok(n) => Ok(n),
        Err(CalendarError::YearMissing(year)) => {
            rc.errors = true;
            if !rc.cx.calendar_reported {
                rc.cx.calendar_reported = true;
                rc.cx.push(
                    Some(rc.sheet),
                    col.map(|c| a1(rc.row, c)),
                    Some(rc.id),
                    Detail::YearNotInCalendar { year },
                );
            }
            Err(())
        }
        Err(_) => Ok(0),
    }
}

/// `Ngày bắt đầu` / `Ngày thôi`: the working days of the quarter the person was not in the
/// unit, the months they worked in it (wholly or partly), and the days they belonged to it.
fn time_in_unit(
    rc: &mut RowCx<'_, '_, '_>,
    quarter: Option<Quarter>,
    layout: &Layout,
) -> (Option<u32>, [bool; 3], Span) {
    let (start_col, end_col) = (layout.col(ListCol::Start), layout.col(ListCol::End));
    let start = rc.date(start_col, "Ngày bắt đầu");
    let end = rc.date(end_col, "Ngày thôi");
    let Some(q) = quarter else {
        return (Some(0), [true; 3], None);
    };
    let whole_quarter = Some((q.first_day(), q.last_day()));
    let (Ok(start), Ok(end)) = (start, end) else {
        return (None, [true; 3], whole_quarter);
    };
    if let (Some(a), Some(b)) = (start, end) {
        if a > b {
            rc.report(start_col.unwrap_or(0), Detail::JoinLeaveOrder);
            return (None, [true; 3], whole_quarter);
        }
    }
    let first = start.map_or(q.first_day(), |s| s.max(q.first_day()));
    let last = end.map_or(q.last_day(), |e| e.min(q.last_day()));
    let quarter_bounds = (q.first_day(), q.last_day());
    if first > last {
        // Not in the unit on any day of the quarter.
        let col = start_col.or(end_col);
        let whole = working_days(rc, q.first_day(), q.last_day(), quarter_bounds, col);
        return (whole.ok(), [false; 3], None);
    }
    let months_worked = q.months().map(|m| {
        let (ms, me) = month_bounds(q.year, m);
        first <= me && last >= ms
    });
    let span = Some((first, last));
    let mut away = 0;
    if first > q.first_day() {
        let before = first.pred_opt().unwrap_or(first);
        match working_days(rc, q.first_day(), before, quarter_bounds, start_col) {
            Ok(n) => away += n,
            Err(()) => return (None, months_worked, span),
        }
    }
    if last < q.last_day() {
        let after = last.succ_opt().unwrap_or(last);
        match working_days(rc, after, q.last_day(), quarter_bounds, end_col) {
            Ok(n) => away += n,
            Err(()) => return (None, months_worked, span),
        }
    }
    (Some(away), months_worked, span)
}

fn month_bounds(year: i32, month: u32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("a month of the quarter");
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("a valid date");
    (first, next.pred_opt().expect("a valid date"))
}
