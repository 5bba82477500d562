//! The optional `Đề nghị khen thưởng` sheet of a unit workbook (SPEC §3): the people the unit
//! proposes for the quarter's reward, with their priority. Whether each proposal can be granted
//! (the person exists, is đạt, fits under the cap) is decided later, in [`crate::rewards`].

use super::layout::{find_header, names, Header, Spec};
use super::{Grid, Workbook};
use crate::finding::{Detail, Finding};
use crate::text::{self, a1};
use calamine::Data;
use std::collections::HashMap;

pub use super::unit::SHEET_REWARD;

/// One proposal row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Zero-based row of the sheet.
    pub row: u32,
    /// `Mã CB` as written (may be empty when only a name was given).
    pub id: String,
    pub name: String,
    /// `Thứ tự ưu tiên`: 1 is taken first. `None` when blank or not a whole number ≥ 1.
    pub priority: Option<u32>,
    /// The cell a finding about this proposal points at (`Mã CB`, else `Họ và tên`).
    pub cell: String,
}

/// The proposals a unit sent, in sheet order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalSheet {
    /// The sheet's name as found in the workbook.
    pub sheet: String,
    pub rows: Vec<Proposal>,
}

impl ProposalSheet {
    /// The proposals in the order they are considered: by `Thứ tự ưu tiên` (1 first), rows
    /// without a usable priority after those with one, ties in sheet order.
    pub fn by_priority(&self) -> Vec<&Proposal> {
        let mut v: Vec<&Proposal> = self.rows.iter().collect();
        v.sort_by_key(|p| (p.priority.unwrap_or(u32::MAX), p.row));
        v
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Id,
    Name,
    Priority,
}

/// The columns of `Đề nghị khen thưởng` (SPEC §3).
const PROPOSALS: Spec<Col> = Spec {
    columns: &[
        (Col::Stt, &["stt", "so tt", "so thu tu"]),
        (Col::Id, names::ID),
        (Col::Name, names::NAME),
        (
            Col::Priority,
            &[
                "thu tu uu tien",
                "uu tien",
                "thu tu",
                "muc uu tien",
                "tt uu tien",
            ],
        ),
    ],
    pattern: None,
    keys: &[Col::Id, Col::Name],
    min_columns: 2,
    two_rows: false,
};

struct Reader<'a> {
    file: &'a str,
    sheet: String,
    findings: Vec<Finding>,
    legacy_reported: bool,
}

impl Reader<'_> {
    fn push(&mut self, cell: Option<String>, person: Option<&str>, detail: Detail) {
        self.findings.push(Finding {
            file: self.file.to_string(),
            sheet: Some(self.sheet.clone()),
            cell,
            person: person.map(str::to_string),
            person_name: None,
            detail,
        });
    }

    /// A cell's text: NFC, trimmed, converted from TCVN3/VNI when it is legacy text.
    fn text(&mut self, grid: &Grid, row: u32, col: u32) -> String {
        let (text, legacy) =
            super::text_noting_legacy(grid.get(row, col), &mut self.legacy_reported);
        if let Some(detail) = legacy {
            self.push(Some(a1(row, col)), None, detail);
        }
        text
    }
}

fn priority_of(d: &Data) -> Option<u32> {
    match d {
        Data::Int(i) => u32::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 1.0 && *f < 1e6 => Some(*f as u32),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n| *n >= 1)
}

/// Reads the `Đề nghị khen thưởng` sheet when the workbook has one. Returns no sheet when it is
/// absent or holds no proposal (an empty sheet left from the template is no proposal); the
/// findings report a sheet that cannot be read.
pub fn read(file: &str, wb: &mut Workbook) -> (Option<ProposalSheet>, Vec<Finding>) {
    let Some(name) = wb.find_sheet(SHEET_REWARD) else {
        return (None, Vec::new());
    };
    let mut r = Reader {
        file,
        sheet: name.clone(),
        findings: Vec::new(),
        legacy_reported: false,
    };
    let grid = match wb.grid(&name) {
        Ok(g) => g,
        Err(u) => {
            r.push(None, None, Detail::Unreadable(u));
            return (None, r.findings);
        }
    };
    if (grid.row_start()..grid.row_end()).all(|row| grid.is_row_empty(row)) {
        return (None, r.findings);
    }

    let best = find_header(&grid, &PROPOSALS, &mut |row, col| r.text(&grid, row, col));
    let Some(Header {
        row: hrow, cols, ..
    }) = best
    else {
        r.push(None, None, Detail::HeaderNotFound);
        return (None, r.findings);
    };
    let find = |want: Col| cols.iter().find(|c| c.kind == want).map(|c| c.col);
    let Some(id_col) = find(Col::Id) else {
        r.push(
            Some(a1(hrow, grid.col_start())),
            None,
            Detail::ColumnMissing {
                column: "Mã CB".into(),
            },
        );
        return (None, r.findings);
    };
    let name_col = find(Col::Name);
    let priority_col = find(Col::Priority);

    let mut rows: Vec<Proposal> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for row in hrow + 1..grid.row_end() {
        if grid.is_row_empty(row) {
            continue;
        }
        let id = r.text(&grid, row, id_col);
        let name = name_col.map(|c| r.text(&grid, row, c)).unwrap_or_default();
        if id.is_empty() && name.is_empty() {
            continue;
        }
        if id.is_empty() && is_summary(&name) {
            continue;
        }
        let id_cell = a1(row, id_col);
        if !id.is_empty() {
            let key = text::key(&id);
            if let Some(first) = seen.get(&key) {
                r.push(
                    Some(id_cell),
                    Some(&id),
                    Detail::PersonDuplicate {
                        first: first.clone(),
                    },
                );
                continue;
            }
            seen.insert(key, id_cell.clone());
        }
        let cell = if id.is_empty() {
            name_col.map_or(id_cell, |c| a1(row, c))
        } else {
            id_cell
        };
        rows.push(Proposal {
            row,
            id,
            name,
            priority: priority_col.and_then(|c| priority_of(grid.get(row, c))),
            cell,
        });
    }
    if rows.is_empty() {
        return (None, r.findings);
    }
    (Some(ProposalSheet { sheet: name, rows }), r.findings)
}

fn is_summary(name: &str) -> bool {
    let k = text::key(name);
    k.starts_with("tong cong") || k == "cong" || k.starts_with("tong so")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(row: u32, id: &str, priority: Option<u32>) -> Proposal {
        Proposal {
            row,
            id: id.into(),
            name: String::new(),
            priority,
            cell: format!("B{}", row + 1),
        }
    }

    #[test]
    fn priority_order_then_row_order() {
        let sheet = ProposalSheet {
            sheet: SHEET_REWARD.into(),
            rows: vec![
                p(1, "A", Some(3)),
                p(2, "B", None),
                p(3, "C", Some(1)),
                p(4, "D", Some(3)),
                p(5, "E", Some(2)),
            ],
        };
        let ids: Vec<&str> = sheet.by_priority().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["C", "E", "A", "D", "B"]);
    }

    #[test]
    fn priorities_from_cells() {
        assert_eq!(priority_of(&Data::Float(2.0)), Some(2));
        assert_eq!(priority_of(&Data::Int(1)), Some(1));
        assert_eq!(priority_of(&Data::String(" 3 ".into())), Some(3));
        assert_eq!(priority_of(&Data::Float(1.5)), None);
        assert_eq!(priority_of(&Data::Int(0)), None);
        assert_eq!(priority_of(&Data::String("một".into())), None);
        assert_eq!(priority_of(&Data::Empty), None);
    }
}
