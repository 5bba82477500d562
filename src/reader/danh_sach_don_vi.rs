//! The list of expected units (`--don-vi UNITS.xlsx`, SPEC §4): one row per unit the office
//! expects a workbook from — `Mã đơn vị`, `Đơn vị`, `Khối`, and, when given, `STT` and `Ghi
//! chú` — as `danhgia template danh-sach-don-vi` writes it or as offices type it: title lines
//! above the header, group headings ("I. KHỐI CHÍNH QUYỀN", "Các phường"), a total line
//! ("Tổng cộng: 25 đơn vị"), blank rows, notes and signatures below the table.
//!
//! The header is found by the one matcher ([`super::layout`]); `Khối` is read as the unit
//! workbook reads it (the profile's names and aliases). Which units sent what is the flow's
//! ([`crate::expected_units`]); this module only reads.
//!
//! The rows:
//! - a group heading — a roman number or capital in `STT`, or, with no code and no `Khối`, a name
//!   such as "I. KHỐI CHÍNH QUYỀN", "Khối Trường học", "Các phường", a bloc's name — gives its
//!   bloc (when it names one) to the units below it whose `Khối` is blank;
//! - a row with a `Mã đơn vị`, or with a name and an `STT` number or a `Khối`, is a unit;
//! - a row with only a name is a unit when a unit or a heading follows it; below the last unit
//!   it is a note or a signature, unless the last group's heading gives its units their bloc
//!   and they have no `STT` number: then the rows up to the first blank row are its units;
//! - total lines, rows of column numbers ("(1) (2) (3)"), blank rows and rows with no name and
//!   no code are skipped.
use super::layout::{find_header, names, Header, Spec};
use super::{display, text_noting_legacy, Grid, Workbook};
use crate::finding::{Detail, Finding, UnitsListFinding, Unreadable};
use crate::model::Bloc;
use crate::profile::Profile;
use crate::text::{self, a1};
use calamine::Data;
use std::collections::HashMap;
use std::path::Path;

/// The sheet of the template (`danhgia template danh-sach-don-vi`), looked at first.
pub const SHEET: &str = "Danh sách đơn vị";

/// One expected unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedUnit {
    /// `Mã đơn vị` as written, when written.
    pub code: Option<String>,
    /// `Đơn vị` as written (the code when the name is blank).
    pub name: String,
    pub bloc: Bloc,
    /// The cell naming the unit (`Đơn vị`, else `Mã đơn vị`), where findings about it point.
    pub cell: String,
}

/// The list as read: its units in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitsList {
    /// The file as given on the command line.
    pub file: String,
    /// The sheet holding the table, when one was found.
    pub sheet: Option<String>,
    pub units: Vec<ExpectedUnit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Code,
    Name,
    Bloc,
    Note,
}

/// The columns of the list (SPEC §4: `Mã đơn vị`, `Đơn vị`, `Khối`).
const LAYOUT: Spec<Col> = Spec {
    columns: &[
        (Col::Stt, names::STT),
        (Col::Code, names::UNIT_CODE),
        (Col::Code, &["ma so don vi", "ky hieu don vi"]),
        (Col::Name, names::UNIT_NAME),
        (
            Col::Name,
            &["ten co quan don vi", "ten co quan", "don vi co quan"],
        ),
        (Col::Bloc, &["khoi", "thuoc khoi", "ten khoi"]),
        (Col::Note, names::NOTE),
    ],
    pattern: None,
    keys: &[Col::Code, Col::Name],
    min_columns: 2,
    two_rows: false,
};

/// The cells of one row of the table, as text.
struct Row {
    row: u32,
    stt: String,
    /// `STT` holds a number ("1", "2.", 3).
    numbered: bool,
    code: String,
    name: String,
    bloc: String,
}

/// Reads the list. A file that cannot be opened, or a sheet that cannot be read, is an error
/// that stops the command (the list is an option the user gave, as a profile is); every
/// problem inside a readable file is a finding on it.
pub fn read(
    path: &Path,
    shown: &str,
    profile: &Profile,
) -> Result<(UnitsList, Vec<Finding>), Unreadable> {
    let mut wb = Workbook::open(path)?;
    let mut r = Reader {
        file: shown,
        sheet: String::new(),
        findings: Vec::new(),
        legacy_reported: false,
    };
    let mut list = UnitsList {
        file: shown.to_string(),
        sheet: None,
        units: Vec::new(),
    };
    let Some((sheet, grid, header)) = find_table(&mut wb, &mut r)? else {
        r.sheet = wb.sheet_names().first().cloned().unwrap_or_default();
        r.push(None, UnitsListFinding::NoTable);
        return Ok((list, r.findings));
    };
    list.sheet = Some(sheet);
    let mut missing = false;
    for (col, name) in [(Col::Name, "Đơn vị"), (Col::Bloc, "Khối")] {
        if !header.has(col) {
            let cell = Some(a1(header.row, grid.col_start()));
            r.push(cell, UnitsListFinding::ColumnMissing { column: name });
            missing = true;
        }
    }
    if missing {
        return Ok((list, r.findings));
    }
    let before = r.findings.len();
    list.units = r.units(&grid, &header, profile);
    let errors = r.findings[before..]
        .iter()
        .any(|f| f.severity() == crate::finding::Severity::Error);
    if list.units.is_empty() && !errors {
        let cell = Some(a1(header.row, grid.col_start()));
        r.push(cell, UnitsListFinding::Empty);
    }
    Ok((list, r.findings))
}

/// The sheet that holds the list: [`SHEET`] when there is one, else the first sheet whose first
/// rows hold its header.
fn find_table(
    wb: &mut Workbook,
    r: &mut Reader,
) -> Result<Option<(String, Grid, Header<Col>)>, Unreadable> {
    let named = wb.find_sheet(SHEET);
    let mut sheets: Vec<String> = named.iter().cloned().collect();
    sheets.extend(
        wb.sheet_names()
            .iter()
            .filter(|n| Some(*n) != named.as_ref())
            .cloned(),
    );
    for sheet in sheets {
        let grid = wb.grid(&sheet)?;
        r.sheet = sheet.clone();
        let header = find_header(&grid, &LAYOUT, &mut |row, col| r.text(&grid, row, col));
        if let Some(h) = header {
            return Ok(Some((sheet, grid, h)));
        }
    }
    Ok(None)
}

struct Reader<'a> {
    file: &'a str,
    sheet: String,
    findings: Vec<Finding>,
    legacy_reported: bool,
}

impl Reader<'_> {
    fn push(&mut self, cell: Option<String>, f: UnitsListFinding) {
        self.push_detail(cell, Detail::UnitsList(f));
    }

    fn push_detail(&mut self, cell: Option<String>, detail: Detail) {
        self.findings.push(Finding {
            file: self.file.to_string(),
            sheet: Some(self.sheet.clone()).filter(|s| !s.is_empty()),
            cell,
            person: None,
            person_name: None,
            detail,
        });
    }

    /// A cell's text: NFC, trimmed, converted from TCVN3/VNI when it is legacy text (reported
    /// once).
    fn text(&mut self, grid: &Grid, row: u32, col: u32) -> String {
        let (text, legacy) = text_noting_legacy(grid.get(row, col), &mut self.legacy_reported);
        if let Some(detail) = legacy {
            self.push_detail(Some(a1(row, col)), detail);
        }
        text
    }

    fn row(&mut self, grid: &Grid, h: &Header<Col>, row: u32) -> Row {
        let mut cell = |c: Col| match h.col(c) {
            Some(col) => self.text(grid, row, col),
            None => String::new(),
        };
        let stt = cell(Col::Stt);
        let (code, name, bloc) = (cell(Col::Code), cell(Col::Name), cell(Col::Bloc));
        let numbered = h
            .col(Col::Stt)
            .is_some_and(|c| is_number(grid.get(row, c), &stt));
        Row {
            row,
            stt,
            numbered,
            code,
            name,
            bloc,
        }
    }

    /// The units of the table, in order; findings for rows that cannot be used.
    fn units(&mut self, grid: &Grid, h: &Header<Col>, profile: &Profile) -> Vec<ExpectedUnit> {
        let mut t = Table {
            h,
            profile,
            choices: profile.blocs.iter().map(|b| b.name.clone()).collect(),
            group: None,
            inherit: false,
            numbered: false,
            first: HashMap::new(),
            out: Vec::new(),
        };
        // Rows with only a name, waiting for what follows them: a unit or a group heading makes
        // them units; the end of the table, notes (see `tail`).
        let mut pending: Vec<Row> = Vec::new();
        // Where in `pending` the first blank row fell, since the last unit or heading.
        let mut gap: Option<usize> = None;
        for row in h.data_start()..grid.row_end() {
            if grid.is_row_empty(row) {
                gap.get_or_insert(pending.len());
                continue;
            }
            if numbering_row(grid, row) {
                continue;
            }
            let r = self.row(grid, h, row);
            if r.code.is_empty() && (r.name.is_empty() || text::is_summary_name(&r.name)) {
                continue;
            }
            let heading = r.code.is_empty()
                && (is_group_mark(&r.stt) || (r.bloc.is_empty() && is_heading(&r.name, profile)));
            if !heading && r.code.is_empty() && r.bloc.is_empty() && !r.numbered {
                pending.push(r);
                continue;
            }
            for p in std::mem::take(&mut pending) {
                self.unit(&mut t, p);
            }
            gap = None;
            if heading {
                if let Some(b) = heading_bloc(&r.name, profile) {
                    t.group = Some(b);
                    t.inherit = true;
                }
            } else {
                self.unit(&mut t, r);
            }
        }
        // Below the last unit: rows of the last group when its heading gives the blocs and its
        // units are not numbered (up to the first blank row); else notes and signatures.
        if t.inherit && !t.numbered {
            pending.truncate(gap.unwrap_or(pending.len()));
            for p in pending {
                self.unit(&mut t, p);
            }
        }
        t.out
    }

    /// One unit row: its bloc (its own `Khối`, else its group's), once per unit.
    fn unit(&mut self, t: &mut Table, r: Row) {
        let at = |c: Col| t.h.col(c).map(|col| a1(r.row, col));
        let name = if r.name.is_empty() {
            r.code.clone()
        } else {
            r.name.clone()
        };
        let cell = at(Col::Name)
            .filter(|_| !r.name.is_empty())
            .or_else(|| at(Col::Code))
            .unwrap_or_else(|| a1(r.row, 0));
        t.inherit = r.bloc.is_empty() && t.group.is_some();
        t.numbered = r.numbered;
        let bloc = if r.bloc.is_empty() {
            t.group
        } else {
            t.profile.bloc_from_text(&r.bloc)
        };
        let Some(bloc) = bloc else {
            let f = UnitsListFinding::Bloc {
                unit: name,
                value: r.bloc.clone(),
                choices: t.choices.clone(),
            };
            self.push(at(Col::Bloc), f);
            return;
        };
        let code = Some(r.code.clone()).filter(|c| !c.is_empty());
        let key = match &code {
            Some(c) => format!("ma {}", text::key(c)),
            None => format!("ten {}", text::key(&name)),
        };
        if let Some(first) = t.first.get(&key) {
            let f = UnitsListFinding::Duplicate {
                unit: name,
                code,
                first: first.clone(),
            };
            self.push(Some(cell), f);
            return;
        }
        t.first.insert(key, cell.clone());
        t.out.push(ExpectedUnit {
            code,
            name,
            bloc,
            cell,
        });
    }
}

/// The table being read: its header, the bloc of the group heading above, the units so far and
/// the cell of each one's first listing.
struct Table<'a> {
    h: &'a Header<Col>,
    profile: &'a Profile,
    /// The blocs' names, for the messages.
    choices: Vec<String>,
    group: Option<Bloc>,
    /// The last unit took its bloc from the heading above it.
    inherit: bool,
    /// The last unit has an `STT` number.
    numbered: bool,
    first: HashMap<String, String>,
    out: Vec<ExpectedUnit>,
}

/// An `STT` that is a number: 3, "3", "3.", "1.2".
fn is_number(d: &Data, t: &str) -> bool {
    if let Data::Float(f) = d {
        return f.fract() == 0.0 && *f >= 0.0;
    }
    if matches!(d, Data::Int(_)) {
        return true;
    }
    let t = t.trim().trim_end_matches(['.', ')']);
    !t.is_empty()
        && t.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// An `STT` that marks a group: "I", "II.", "A".
fn is_group_mark(stt: &str) -> bool {
    let t = stt.trim().trim_end_matches(['.', ')']);
    !t.is_empty()
        && (t.chars().all(|c| "IVX".contains(c))
            || (t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase()))
}

/// A group heading's name: a roman number before it ("II. CÁC PHƯỜNG"), or a name that starts
/// with "Khối", "Các", "Nhóm", or that is a bloc's name.
fn is_heading(name: &str, profile: &Profile) -> bool {
    let k = text::key(name);
    let first = name.split_whitespace().next().unwrap_or("");
    let mark = first.trim_end_matches(['.', ')', '-', ':']);
    let roman =
        first.len() > mark.len() && !mark.is_empty() && mark.chars().all(|c| "IVX".contains(c));
    roman
        || ["khoi ", "cac ", "nhom "].iter().any(|p| k.starts_with(p))
        || profile.bloc_from_text(name).is_some()
}

/// The bloc a group heading names: "I. KHỐI CHÍNH QUYỀN", "Khối: Trường học", "Đảng - Đoàn thể".
fn heading_bloc(name: &str, profile: &Profile) -> Option<Bloc> {
    let stripped = crate::reader::mau07::strip_numbering(name);
    profile
        .bloc_from_text(stripped)
        .or_else(|| crate::reader::mau07::bloc_in_title(stripped, profile))
}

/// The row of column numbers under a header: "(1) (2) (3)", or 1 2 3, at least two cells.
fn numbering_row(grid: &Grid, row: u32) -> bool {
    let mut nums: Vec<i64> = Vec::new();
    for (_, d) in grid.filled(row) {
        let t = display(d);
        let t = t.trim().trim_start_matches('(').trim_end_matches(')');
        match t.parse::<i64>() {
            Ok(n) => nums.push(n),
            Err(_) => return false,
        }
    }
    nums.len() >= 2 && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Range;

    fn grid(rows: &[&[&str]]) -> Grid {
        let h = rows.len() as u32;
        let w = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut r = Range::new((0, 0), (h - 1, w - 1));
        for (i, row) in rows.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    r.set_value((i as u32, j as u32), Data::String(v.to_string()));
                }
            }
        }
        Grid::from_range(r)
    }

    fn read_grid(rows: &[&[&str]]) -> (Vec<ExpectedUnit>, Vec<Finding>) {
        let g = grid(rows);
        let p = Profile::default_profile();
        let mut r = Reader {
            file: "ds.xlsx",
            sheet: SHEET.into(),
            findings: Vec::new(),
            legacy_reported: false,
        };
        let h =
            find_header(&g, &LAYOUT, &mut |row, col| display(g.get(row, col))).expect("a header");
        let units = r.units(&g, &h, &p);
        (units, r.findings)
    }

    fn shown(units: &[ExpectedUnit]) -> Vec<(Option<&str>, &str, Bloc)> {
        units
            .iter()
            .map(|u| (u.code.as_deref(), u.name.as_str(), u.bloc))
            .collect()
    }

    #[test]
    fn titles_groups_totals_blank_rows_and_signatures() {
        let (units, findings) = read_grid(&[
            &["DANH SÁCH ĐƠN VỊ GỬI SỔ ĐÁNH GIÁ QUÝ I/2024"],
            &[""],
            &["TT", "Mã ĐV", "Tên đơn vị", "Khối", "Ghi chú"],
            &["(1)", "(2)", "(3)", "(4)", "(5)"],
            &["I", "", "KHỐI CHÍNH QUYỀN", "", ""],
            &["1", "NV", "Phòng Nội vụ", "", ""],
            &["2", "", "Phòng Y tế", "Chính quyền", ""],
            &[""],
            &["II", "", "Khối Trường học", "", ""],
            &["3", "MNHS", "Trường Mầm non Hoa Sữa", "", ""],
            &["4", "btc", "Ban Tổ chức Quận ủy", "Đảng - Đoàn thể", ""],
            &["", "", "Tổng cộng: 4 đơn vị", "", ""],
            &["", "", "NGƯỜI LẬP BIỂU", "", ""],
        ]);
        assert_eq!(findings, vec![]);
        assert_eq!(
            shown(&units),
            [
                (Some("NV"), "Phòng Nội vụ", Bloc::ChinhQuyen),
                (None, "Phòng Y tế", Bloc::ChinhQuyen),
                (Some("MNHS"), "Trường Mầm non Hoa Sữa", Bloc::TruongHoc),
                (Some("btc"), "Ban Tổ chức Quận ủy", Bloc::DangDoanThe),
            ]
        );
        assert_eq!(units[0].cell, "C6");
    }

    #[test]
    fn an_unknown_bloc_and_a_second_listing_are_findings() {
        let (units, findings) = read_grid(&[
            &["STT", "Mã đơn vị", "Đơn vị", "Khối"],
            &["1", "NV", "Phòng Nội vụ", "Chính quyền"],
            &["2", "DN", "Công ty X", "Doanh nghiệp"],
            &["3", "nv", "Phòng Nội vụ (bản 2)", "Chính quyền"],
            &["4", "", "Phòng Y tế", ""],
        ]);
        assert_eq!(units.len(), 1);
        let got: Vec<(&str, Option<&str>)> = findings
            .iter()
            .map(|f| (f.code().as_str(), f.cell.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("info-missing", Some("D3")),
                ("unit-duplicate", Some("C4")),
                ("info-missing", Some("D5")),
            ]
        );
        assert!(findings[1]
            .detail
            .message(crate::i18n::Lang::Vi)
            .contains("C2"));
    }

    #[test]
    fn a_row_with_only_a_name_is_a_unit_when_units_follow() {
        // No STT column, a Khối on some rows: the rows between units are units; the lines
        // under the table are not.
        let (units, findings) = read_grid(&[
            &["Đơn vị", "Khối"],
            &["Khối Chính quyền", ""],
            &["Phòng Nội vụ", ""],
            &["Phòng Y tế", "Chính quyền"],
            &["Trường Mầm non Hoa Sữa", "Trường học"],
            &["Người lập biểu", ""],
        ]);
        assert_eq!(findings, vec![]);
        assert_eq!(
            shown(&units),
            [
                (None, "Phòng Nội vụ", Bloc::ChinhQuyen),
                (None, "Phòng Y tế", Bloc::ChinhQuyen),
                (None, "Trường Mầm non Hoa Sữa", Bloc::TruongHoc),
            ]
        );
    }

    #[test]
    fn headings_give_the_blocs_to_the_rows_below_them() {
        // A heading typed on a numbered row; the last group runs to the first blank row.
        let (units, findings) = read_grid(&[
            &["STT", "Đơn vị", "Khối"],
            &["1", "KHỐI CHÍNH QUYỀN", ""],
            &["", "Phòng Nội vụ", ""],
            &["", "Phòng Y tế", ""],
            &["", "II. Khối trường học", ""],
            &["", "Trường Mầm non Hoa Sữa", ""],
            &["", "Trường THCS Ngọc Lâm", ""],
            &[""],
            &["", "Người lập biểu", ""],
        ]);
        assert_eq!(findings, vec![]);
        assert_eq!(units.len(), 4);
        // Numbered units: what follows the last one is no unit, blank row or not.
        let (units, findings) = read_grid(&[
            &["STT", "Đơn vị", "Khối"],
            &["I", "Khối Chính quyền", ""],
            &["1", "Phòng Nội vụ", ""],
            &["2", "Phòng Y tế", ""],
            &["", "Người lập biểu", ""],
        ]);
        assert_eq!(findings, vec![]);
        assert_eq!(
            shown(&units),
            [
                (None, "Phòng Nội vụ", Bloc::ChinhQuyen),
                (None, "Phòng Y tế", Bloc::ChinhQuyen),
            ]
        );
    }

    #[test]
    fn a_unit_without_a_bloc_among_units_is_said() {
        let (units, findings) = read_grid(&[
            &["Mã đơn vị", "Đơn vị", "Khối"],
            &["NV", "Phòng Nội vụ", "Chính quyền"],
            &["", "Phòng Y tế", ""],
            &["TP", "Phòng Tư pháp", "Chính quyền"],
        ]);
        assert_eq!(units.len(), 2);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code().as_str(), "info-missing");
        assert_eq!(findings[0].cell.as_deref(), Some("C3"));
        assert!(findings[0]
            .detail
            .message(crate::i18n::Lang::Vi)
            .contains("Phòng Y tế"));
    }
}
