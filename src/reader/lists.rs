//! Monthly rating lists (SPEC §3 "Monthly rating lists"): the lists units send beside their
//! workbook, as exported from the monthly rating software or typed — one per month, or one sheet
//! per month, or one sheet with a `Tháng` column or a column per month. Each row is read into
//! plain values: who (code, name, date of birth), which unit (a `Mã đơn vị`/`Đơn vị` column or a
//! title line "Đơn vị: …"), which month (a `Tháng` column, the title "… THÁNG 4/2024", or the
//! sheet's name) and the rating. Matching rows to units and people is the flow's
//! ([`crate::lists`]); this module decides nothing.

use super::layout::{find_header, names, Header, Spec};
use super::{date_of_cell, display, is_blank, text_noting_legacy, Cells, Grid, Workbook};
use crate::finding::{Detail, Finding, ListFinding};
use crate::model::Rating;
use crate::text::{self, a1};
use calamine::Data;
use chrono::{Datelike, NaiveDate};

/// A month, with the year when one is written.
type MonthOf = (u32, Option<i32>);

/// One row of a list: one person's rating of one month.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    pub sheet: String,
    /// The rating's cell (A1), where findings about the row point.
    pub cell: String,
    pub id: Option<String>,
    pub name: String,
    pub birth: Option<NaiveDate>,
    /// The unit the row (or its sheet's title) names.
    pub unit_code: Option<String>,
    pub unit_name: Option<String>,
    pub month: u32,
    /// The year written with the month, when one is.
    pub year: Option<i32>,
    pub rating: Rating,
}

/// A workbook read as a monthly rating list.
#[derive(Debug, Clone, Default)]
pub struct MonthlyList {
    pub file: String,
    pub rows: Vec<ListRow>,
    /// Whether the list names its unit anywhere (a column or a title line).
    pub names_unit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Id,
    Name,
    Birth,
    Title,
    Part,
    Rating,
    Month,
    /// A column of one month's ratings ("Tháng 4", "T4", "Xếp loại tháng 4").
    MonthRating(u32),
    UnitCode,
    UnitName,
    Note,
    /// A column only a unit's `Danh sách` has (`Kỷ luật`, `Số ngày nghỉ`…): the sheet is a
    /// workbook's list of people, not a list of ratings.
    UnitOnly,
}

/// The columns of a monthly rating list.
const LIST: Spec<Col> = Spec {
    columns: &[
        (Col::Stt, names::STT),
        (Col::Id, names::ID),
        (Col::Name, names::NAME),
        (Col::Birth, names::BIRTH),
        (Col::Title, names::TITLE),
        (Col::Part, &["bo phan", "to bo phan", "phong ban", "phong"]),
        (
            Col::Rating,
            &[
                "xep loai",
                "muc xep loai",
                "ket qua xep loai",
                "xep loai chat luong",
                "danh gia xep loai",
                "xep loai danh gia",
                "ket qua danh gia xep loai",
                "muc do hoan thanh nhiem vu",
                "xep loai muc do hoan thanh nhiem vu",
                "muc do hoan thanh",
            ],
        ),
        (
            Col::Month,
            &[
                "thang",
                "thang danh gia",
                "thang xep loai",
                "ky danh gia",
                "thang nam",
            ],
        ),
        (Col::UnitCode, names::UNIT_CODE),
        (Col::UnitName, names::UNIT_NAME),
        (Col::Note, names::NOTE),
        (
            Col::UnitOnly,
            &[
                "ky luat",
                "thanh tra kiem tra",
                "so ngay nghi",
                "dien btv quan ly",
                "dien btv",
                "nghi tu ngay",
                "nghi den ngay",
                "phu trach",
                "kiem diem",
            ],
        ),
    ],
    pattern: Some(month_rating),
    keys: &[Col::Name],
    min_columns: 2,
    two_rows: true,
};

/// "Tháng 4", "T4", "Tháng 4/2024", "Xếp loại tháng 4", "Xếp loại T4".
fn month_rating(_: &Data, k: &str) -> Option<Col> {
    let k = k.strip_prefix("xep loai ").unwrap_or(k);
    text::parse_month_header(k).map(Col::MonthRating)
}

/// A sheet's header makes it a list: a name column and a rating column (or a column per month),
/// and none of the columns only a unit's `Danh sách` has (such a workbook is read as a unit's,
/// and its missing sheets are reported).
fn is_list_header(h: &Header<Col>) -> bool {
    h.has(Col::Name)
        && !h.has(Col::UnitOnly)
        && (h.has(Col::Rating) || h.cols.iter().any(|c| matches!(c.kind, Col::MonthRating(_))))
}

/// Reads a workbook as a monthly rating list: `None` when no sheet has a list's header (it is
/// something else). The caller has already ruled out a unit workbook (`Thông tin`, score sheets).
pub fn read(file: &str, wb: &mut Workbook) -> Option<(MonthlyList, Vec<Finding>)> {
    let mut list = MonthlyList {
        file: file.to_string(),
        ..MonthlyList::default()
    };
    let mut findings = Vec::new();
    let mut any = false;
    for sheet in wb.sheet_names().to_vec() {
        // A `Tháng` cell merged down over a person's rows belongs to each of them.
        let Ok(grid) = wb.grid_merged_down(&sheet) else {
            continue;
        };
        let mut r = SheetReader::new(file, &sheet, &grid);
        let Some(header) = find_header(&grid, &LIST, &mut |row, col| r.text(row, col)) else {
            continue;
        };
        if !is_list_header(&header) {
            continue;
        }
        any = true;
        r.formulas = wb.formulas(&sheet);
        r.read_rows(&header, &mut list);
        findings.append(&mut r.findings);
    }
    any.then_some((list, findings))
}

/// Reads one sheet of a list.
struct SheetReader<'a> {
    file: &'a str,
    sheet: &'a str,
    grid: &'a Grid,
    /// The sheet's formulas: a blank cell that holds one is no blank (`formula-no-value`).
    formulas: Option<Cells<String>>,
    findings: Vec<Finding>,
    legacy_reported: bool,
}

/// What the title lines above a header say.
#[derive(Debug, Default, PartialEq)]
struct Titles {
    /// Every month the title lines name (not counting a place-and-date line).
    months: Vec<(u32, Option<i32>)>,
    unit_name: Option<String>,
    unit_code: Option<String>,
}

impl<'a> SheetReader<'a> {
    fn new(file: &'a str, sheet: &'a str, grid: &'a Grid) -> SheetReader<'a> {
        SheetReader {
            file,
            sheet,
            grid,
            formulas: None,
            findings: Vec::new(),
            legacy_reported: false,
        }
    }

    /// The formula of a cell that shows no value, if any.
    fn formula_at(&self, row: u32, col: u32) -> Option<String> {
        self.formulas
            .as_ref()?
            .get(row, col)
            .filter(|f| !f.is_empty())
            .cloned()
    }

    fn push(&mut self, cell: Option<String>, detail: Detail) {
        self.findings.push(Finding {
            file: self.file.to_string(),
            sheet: Some(self.sheet.to_string()),
            cell,
            person: None,
            person_name: None,
            detail,
        });
    }

    /// A cell's text, tidied; a legacy-encoded text is converted and reported once per sheet.
    fn text(&mut self, row: u32, col: u32) -> String {
        let (text, legacy) = text_noting_legacy(self.grid.get(row, col), &mut self.legacy_reported);
        if let Some(detail) = legacy {
            self.push(Some(a1(row, col)), detail);
        }
        text
    }

    fn read_rows(&mut self, header: &Header<Col>, list: &mut MonthlyList) {
        let titles = self.titles(header.row);
        let unit_cols = header.has(Col::UnitCode) || header.has(Col::UnitName);
        list.names_unit |= unit_cols || titles.unit_code.is_some() || titles.unit_name.is_some();
        let month_col = header.col(Col::Month);
        let sheet_month = self.sheet_month(&titles, header, month_col.is_none());
        let mut month_unknown_reported = false;
        for row in header.data_start()..self.grid.row_end() {
            let Some(who) = self.who(header, row, &titles) else {
                continue;
            };
            for (col, fixed) in rating_columns(header) {
                if is_blank(self.grid.get(row, col)) && self.formula_at(row, col).is_none() {
                    continue;
                }
                let month = match (fixed, month_col) {
                    (Some(m), _) => Some(m),
                    (None, Some(c)) => self.row_month(row, c),
                    (None, None) => sheet_month,
                };
                let Some(rating) = self.rating(row, col, month.map(|m| m.0)) else {
                    continue;
                };
                let Some((month, year)) = month else {
                    // A `Tháng` cell that says no month is reported at that cell.
                    if month_col.is_none() && !month_unknown_reported {
                        month_unknown_reported = true;
                        self.push(Some(a1(row, col)), Detail::List(ListFinding::MonthUnknown));
                    }
                    continue;
                };
                list.rows.push(ListRow {
                    sheet: self.sheet.to_string(),
                    cell: a1(row, col),
                    month,
                    year,
                    rating,
                    ..who.clone()
                });
            }
        }
    }

    /// The month of a whole sheet: the one its title lines name, else its name. Title lines
    /// naming two different months name none (reported when the sheet needs it).
    fn sheet_month(
        &mut self,
        titles: &Titles,
        header: &Header<Col>,
        needed: bool,
    ) -> Option<(u32, Option<i32>)> {
        match titles.months.as_slice() {
            [one] => Some(*one),
            [] => month_of_text(self.sheet),
            _ => {
                let fixed = rating_columns(header).iter().all(|(_, m)| m.is_some());
                if needed && !fixed {
                    let cell = Some(a1(header.row, header.cols[0].col));
                    self.push(cell, Detail::List(ListFinding::MonthUnknown));
                }
                None
            }
        }
    }

    /// The month a row's `Tháng` cell names. A blank cell, a formula without a value or words
    /// that are no month are reported — never replaced by the title's month.
    fn row_month(&mut self, row: u32, col: u32) -> Option<(u32, Option<i32>)> {
        let d = self.grid.get(row, col);
        if let Some(m) = month_of_cell(d) {
            return Some(m);
        }
        let cell = Some(a1(row, col));
        if is_blank(d) {
            match self.formula_at(row, col) {
                Some(formula) => self.push(cell, Detail::FormulaNoValue { formula }),
                None => self.push(cell, Detail::List(ListFinding::MonthUnknown)),
            }
        } else {
            let value = self.text(row, col);
            self.push(cell, Detail::List(ListFinding::MonthUnreadable { value }));
        }
        None
    }

    /// Who a row is about; `None` for a blank, summary or signature row.
    fn who(&mut self, header: &Header<Col>, row: u32, titles: &Titles) -> Option<ListRow> {
        if self.grid.is_row_empty(row) {
            return None;
        }
        let name_col = header.col(Col::Name)?;
        let name = self.text(row, name_col);
        if name.is_empty() || text::is_summary_name(&name) {
            return None;
        }
        let mut field = |kind: Col| {
            header
                .col(kind)
                .map(|c| self.text(row, c))
                .filter(|t| !t.is_empty())
        };
        let id = field(Col::Id);
        let unit_code = field(Col::UnitCode).or_else(|| titles.unit_code.clone());
        let unit_name = field(Col::UnitName).or_else(|| titles.unit_name.clone());
        let birth = header
            .col(Col::Birth)
            .and_then(|c| date_of_cell(self.grid.get(row, c)));
        Some(ListRow {
            sheet: String::new(),
            cell: String::new(),
            id,
            name,
            birth,
            unit_code,
            unit_name,
            month: 0,
            year: None,
            rating: Rating::HoanThanh,
        })
    }

    /// The rating in a cell; a blank cell is no rating, an unreadable one is reported.
    fn rating(&mut self, row: u32, col: u32, month: Option<u32>) -> Option<Rating> {
        if is_blank(self.grid.get(row, col)) {
            if let Some(formula) = self.formula_at(row, col) {
                self.push(Some(a1(row, col)), Detail::FormulaNoValue { formula });
            }
            return None;
        }
        let t = self.text(row, col);
        let rating = text::parse_rating(&t);
        if rating.is_none() {
            self.push(
                Some(a1(row, col)),
                Detail::List(ListFinding::RatingUnknown { month, value: t }),
            );
        }
        rating
    }

    /// The title lines above the header: the month ("THÁNG 4/2024", "tháng 4 năm 2024") and
    /// the unit ("Đơn vị: Phòng Nội vụ", "Mã đơn vị: NV", or the label and its value side by
    /// side).
    fn titles(&mut self, header_row: u32) -> Titles {
        let mut t = Titles::default();
        for row in 0..header_row {
            let cells: Vec<(u32, String)> = self
                .grid
                .filled(row)
                .map(|(c, _)| c)
                .collect::<Vec<_>>()
                .into_iter()
                .map(|c| (c, self.text(row, c)))
                .filter(|(_, s)| !s.is_empty())
                .collect();
            for (i, (_, s)) in cells.iter().enumerate() {
                let next = cells.get(i + 1).map(|(_, n)| n.as_str());
                if let Some(m) = month_in_title(s) {
                    if !t.months.contains(&m) {
                        t.months.push(m);
                    }
                }
                match labelled(s, next) {
                    Some((Label::UnitCode, v)) if t.unit_code.is_none() => t.unit_code = Some(v),
                    Some((Label::UnitName, v)) if t.unit_name.is_none() => t.unit_name = Some(v),
                    _ => {}
                }
            }
        }
        t
    }
}

/// The rating columns of a header with the month (and year) each fixes (`None`: the row's or
/// the sheet's month).
fn rating_columns(header: &Header<Col>) -> Vec<(u32, Option<MonthOf>)> {
    header
        .cols
        .iter()
        .filter_map(|c| match c.kind {
            Col::Rating => Some((c.col, None)),
            Col::MonthRating(m) => {
                let year = header_month(&c.text).and_then(|(_, y)| y);
                Some((c.col, Some((m, year))))
            }
            _ => None,
        })
        .collect()
}

/// The month and year of a month column's header ("Tháng 4/2024", "Xếp loại T4").
fn header_month(text: &str) -> Option<(u32, Option<i32>)> {
    let k = text::key(text);
    let k = k.strip_prefix("xep loai ").unwrap_or(&k);
    month_of_text(k)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    UnitCode,
    UnitName,
}

/// "Đơn vị: X" (or "Đơn vị:" with X in the next cell), "Mã đơn vị: X".
fn labelled(cell: &str, next: Option<&str>) -> Option<(Label, String)> {
    let (label, value) = match cell.split_once(':') {
        Some((l, v)) => (l, v.trim().to_string()),
        None => (cell, String::new()),
    };
    let kind = match text::key(label).as_str() {
        "ma don vi" | "ma dv" => Label::UnitCode,
        "don vi" | "ten don vi" | "co quan don vi" | "co quan" => Label::UnitName,
        _ => return None,
    };
    let value = if value.is_empty() {
        next.map(str::to_string).unwrap_or_default()
    } else {
        value
    };
    (!value.is_empty()).then_some((kind, value))
}

/// The month a title names: "… THÁNG 4/2024", "tháng 04 năm 2024", "THÁNG 4".
pub fn month_in_title(s: &str) -> Option<(u32, Option<i32>)> {
    let k = text::key(s);
    let words: Vec<&str> = k.split(' ').collect();
    // "…, ngày 05 tháng 3 năm 2024" is the date the list was signed, not its month.
    let is_date = |at: usize| at >= 2 && words[at - 2] == "ngay";
    let at = (0..words.len()).find(|&at| words[at] == "thang" && !is_date(at))?;
    let month: u32 = words.get(at + 1)?.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let year = words[at + 2..]
        .iter()
        .find(|w| **w != "nam")
        .filter(|w| w.len() == 4)
        .and_then(|w| w.parse().ok());
    Some((month, year))
}

/// The month a sheet's name or a text names: "Tháng 4", "T4", "Thang 04", "4/2024".
fn month_of_text(s: &str) -> Option<(u32, Option<i32>)> {
    if let Some(m) = text::parse_month_header(s) {
        let year = text::key(s)
            .split(' ')
            .skip(1)
            .find(|w| w.len() == 4)
            .and_then(|w| w.parse().ok());
        return Some((m, year));
    }
    let k = text::key(s);
    let mut words = k.split(' ');
    let month: u32 = words.next()?.parse().ok()?;
    let year = match words.next() {
        None => None,
        Some(y) if y.len() == 4 => Some(y.parse().ok()?),
        Some(_) => return None,
    };
    ((1..=12).contains(&month) && words.next().is_none()).then_some((month, year))
}

/// The month of a `Tháng` cell: a number 1–12, a text ("4", "Tháng 4", "04/2024") or a date.
fn month_of_cell(d: &Data) -> Option<(u32, Option<i32>)> {
    match d {
        Data::Int(i) => u32::try_from(*i)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| (m, None)),
        Data::Float(f) if f.fract() == 0.0 && (1.0..=12.0).contains(f) => Some((*f as u32, None)),
        Data::String(s) => month_of_text(s)
            .or_else(|| text::parse_date_text(s).map(|d| (d.month(), Some(d.year())))),
        Data::DateTime(_) | Data::DateTimeIso(_) => {
            date_of_cell(d).map(|d| (d.month(), Some(d.year())))
        }
        _ => None,
    }
    .or_else(|| {
        // A month typed as "4.0" text or similar: read its display.
        let s = display(d);
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| (m, None))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_titles() {
        assert_eq!(
            month_in_title("DANH SÁCH XẾP LOẠI CÔNG CHỨC THÁNG 4/2024"),
            Some((4, Some(2024)))
        );
        assert_eq!(month_in_title("Tháng 04 năm 2024"), Some((4, Some(2024))));
        assert_eq!(month_in_title("xếp loại tháng 12"), Some((12, None)));
        assert_eq!(month_in_title("THÁNG 13/2024"), None);
        assert_eq!(month_in_title("KẾT QUẢ XẾP LOẠI QUÝ I"), None);
    }

    #[test]
    fn months_of_sheet_names_and_cells() {
        assert_eq!(month_of_text("Tháng 5"), Some((5, None)));
        assert_eq!(month_of_text("T6"), Some((6, None)));
        assert_eq!(month_of_text("04/2024"), Some((4, Some(2024))));
        assert_eq!(month_of_text("Sheet1"), None);
        assert_eq!(month_of_cell(&Data::Float(4.0)), Some((4, None)));
        assert_eq!(month_of_cell(&Data::Int(13)), None);
        assert_eq!(
            month_of_cell(&Data::String("01/05/2024".into())),
            Some((5, Some(2024)))
        );
    }

    #[test]
    fn unit_labels() {
        assert_eq!(
            labelled("Đơn vị: Phòng Nội vụ", None),
            Some((Label::UnitName, "Phòng Nội vụ".into()))
        );
        assert_eq!(
            labelled("Mã đơn vị:", Some("NV")),
            Some((Label::UnitCode, "NV".into()))
        );
        assert_eq!(labelled("Đơn vị tính: người", None), None);
        assert_eq!(labelled("Đơn vị:", None), None);
    }
}
