//! Monthly rating lists matched to units and people (SPEC §3 "Monthly rating lists"). A list
//! row belongs to the unit it names (by `Mã đơn vị`, then by name), or — when the list names
//! none — to the one unit workbook of its folder; within the unit, to the person of its
//! `Mã CB`, else of its `Họ và tên` and `Ngày sinh`, else of its `Họ và tên` when only one
//! person bears it. Its rating fills a blank month cell of `Danh sách`; one that disagrees with
//! a filled cell (or with another list) is `rating-conflict` and the person is not decided.
//! No I/O here: the batch reads the files and calls these steps.

use crate::finding::{Detail, Finding, ListFinding, ListMiss};
use crate::model::Rating;
use crate::reader::lists::ListRow;
use crate::reader::unit::{Member, UnitInput};
use crate::text;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// A unit workbook of the batch, as the lists see it.
#[derive(Debug, Clone)]
pub struct UnitRef<'a> {
    /// The normalised `Mã đơn vị`, when written.
    pub code: Option<String>,
    /// The normalised `Đơn vị`.
    pub name: String,
    pub folder: &'a Path,
}

/// A list row with the list file it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Sourced<'a> {
    pub file: &'a str,
    pub row: &'a ListRow,
}

/// The unit workbooks of a batch by code, by name and by folder.
pub struct UnitIndex<'a> {
    by_code: HashMap<&'a str, Vec<usize>>,
    by_name: HashMap<&'a str, Vec<usize>>,
    by_folder: HashMap<&'a Path, Vec<usize>>,
}

impl<'a> UnitIndex<'a> {
    pub fn new(units: &'a [UnitRef<'a>]) -> UnitIndex<'a> {
        let mut ix = UnitIndex {
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            by_folder: HashMap::new(),
        };
        for (i, u) in units.iter().enumerate() {
            if let Some(code) = u.code.as_deref() {
                ix.by_code.entry(code).or_default().push(i);
            }
            if !u.name.is_empty() {
                ix.by_name.entry(u.name.as_str()).or_default().push(i);
            }
            ix.by_folder.entry(u.folder).or_default().push(i);
        }
        ix
    }

    /// The unit workbooks a row names: by code, else by name; a row naming no unit belongs to
    /// the only unit workbook of its folder.
    fn units_of_row(&self, row: &ListRow, folder: &Path) -> &[usize] {
        if let Some(code) = row.unit_code.as_deref().map(text::key) {
            let by_code = slice(self.by_code.get(code.as_str()));
            if !by_code.is_empty() || row.unit_name.is_none() {
                return by_code;
            }
        }
        if let Some(name) = row.unit_name.as_deref().map(text::key) {
            return slice(self.by_name.get(name.as_str()));
        }
        match self.by_folder.get(folder) {
            Some(here) if here.len() == 1 => here,
            _ => &[],
        }
    }

    fn in_folder(&self, folder: &Path) -> usize {
        self.by_folder.get(folder).map_or(0, Vec::len)
    }
}

fn slice(found: Option<&Vec<usize>>) -> &[usize] {
    found.map_or(&[], Vec::as_slice)
}

/// Which unit workbooks (indices into the index's units) each row of a list belongs to, and
/// the findings for rows that belong to none (`list-unit-unknown`, once per unit named).
pub fn assign<'r>(
    file: &str,
    folder: &Path,
    rows: &'r [ListRow],
    units: &UnitIndex<'_>,
) -> (Vec<(usize, &'r ListRow)>, Vec<Finding>) {
    let mut out = Vec::new();
    let mut unknown: BTreeMap<Option<String>, (String, String)> = BTreeMap::new();
    for row in rows {
        let found = units.units_of_row(row, folder);
        if found.is_empty() {
            let named = row.unit_code.clone().or_else(|| row.unit_name.clone());
            unknown
                .entry(named)
                .or_insert_with(|| (row.sheet.clone(), row.cell.clone()));
        }
        out.extend(found.iter().map(|&u| (u, row)));
    }
    let books_in_folder = units.in_folder(folder);
    let findings = unknown
        .into_iter()
        .map(|(named, (sheet, cell))| Finding {
            file: file.to_string(),
            sheet: Some(sheet),
            cell: Some(cell),
            person: None,
            person_name: None,
            detail: Detail::List(ListFinding::UnitUnknown {
                named,
                books_in_folder,
            }),
        })
        .collect();
    (out, findings)
}

/// Fills a unit's blank month cells from the rows assigned to it; returns the findings, each
/// for the list file of its row.
pub fn apply(input: &mut UnitInput, rows: &[Sourced<'_>]) -> Vec<Finding> {
    let Some(quarter) = input.quarter else {
        // The unit's quarter is unknown (already an error): its months cannot be placed.
        return Vec::new();
    };
    let unit = unit_words(input);
    let mut findings = Vec::new();
    let mut outside: HashSet<(String, String, u32)> = HashSet::new();
    let mut unmatched: HashSet<(String, String, String)> = HashSet::new();
    let keys: Vec<(String, String)> = input
        .members
        .iter()
        .map(|m| (text::key(&m.id), name_key(&m.name)))
        .collect();
    // (member, month index) → the rows that give it.
    let mut given: BTreeMap<(usize, usize), Vec<Sourced>> = BTreeMap::new();
    for s in rows {
        let row = s.row;
        let month_at = quarter.months().iter().position(|m| *m == row.month);
        let Some(i) = month_at.filter(|_| row.year.is_none_or(|y| y == quarter.year)) else {
            if outside.insert((s.file.to_string(), row.sheet.clone(), row.month)) {
                findings.push(about_row(
                    s,
                    None,
                    ListFinding::MonthOutside {
                        month: row.month,
                        year: row.year,
                        quarter,
                    },
                ));
            }
            continue;
        };
        match person_of(&input.members, &keys, row) {
            Ok(m) => given.entry((m, i)).or_default().push(*s),
            Err(why) => {
                let key = (s.file.to_string(), row.sheet.clone(), name_key(&row.name));
                if unmatched.insert(key) {
                    findings.push(about_row(
                        s,
                        None,
                        ListFinding::PersonUnmatched {
                            name: row.name.clone(),
                            unit: unit.clone(),
                            why,
                        },
                    ));
                }
            }
        }
    }
    for ((m, i), sources) in given {
        fill_month(input, m, i, &sources, &mut findings);
    }
    findings
}

/// One month of one person: every list agrees, and with the workbook's cell when it is filled.
/// A disagreement leaves the person undecided (`loi`); for a leader's condition (SPEC §2, 4.)
/// the month is unknown only when one of the values is "không hoàn thành" — otherwise the
/// condition reads the same whichever value is right.
fn fill_month(
    input: &mut UnitInput,
    m: usize,
    i: usize,
    sources: &[Sourced<'_>],
    findings: &mut Vec<Finding>,
) {
    let book_file = input.file.clone();
    let member = &mut input.members[m];
    let first = sources[0];
    let month = first.row.month;
    let mut values = vec![first.row.rating];
    for s in &sources[1..] {
        if s.row.rating != first.row.rating {
            values.push(s.row.rating);
            findings.push(about_row(
                s,
                Some(member),
                ListFinding::Disagree {
                    month,
                    this: s.row.rating,
                    other: first.row.rating,
                    other_at: format!("{} ({}!{})", first.file, first.row.sheet, first.row.cell),
                },
            ));
        }
    }
    if member.rating_unreadable[i] {
        // A cell that could not be read is already an error: the list does not overrule it.
        return;
    }
    if let Some(book) = member.ratings[i].filter(|b| *b != first.row.rating) {
        values.push(book);
        findings.push(about_row(
            &first,
            Some(member),
            ListFinding::RatingConflict {
                month,
                list: first.row.rating,
                book,
                book_file,
                book_cell: member.rating_cells[i].clone(),
            },
        ));
    }
    if values.len() == 1 {
        member.ratings[i] = Some(first.row.rating);
        return;
    }
    member.has_errors = true;
    if values.contains(&Rating::KhongHoanThanh) {
        member.ratings[i] = None;
        member.rating_unreadable[i] = true;
    } else if member.ratings[i].is_none() {
        // Every value is "hoàn thành" or better: a leader's condition holds whichever is right.
        member.ratings[i] = Some(first.row.rating);
    }
}

/// The person of the unit a list row is about (SPEC §3): by `Mã CB`, else by `Họ và tên` and
/// `Ngày sinh`, else by `Họ và tên` when it is unique in the unit.
fn person_of(
    members: &[Member],
    keys: &[(String, String)],
    row: &ListRow,
) -> Result<usize, ListMiss> {
    let name = name_key(&row.name);
    if let Some(id) = row.id.as_deref().map(text::key) {
        if let Some(i) = keys.iter().position(|(k, _)| *k == id) {
            return if name.is_empty() || keys[i].1 == name {
                Ok(i)
            } else {
                Err(ListMiss::CodeOfOther {
                    other: members[i].name.clone(),
                })
            };
        }
    }
    let named: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].1 == name).collect();
    if let Some(birth) = row.birth {
        let born: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&i| members[i].birth == Some(birth))
            .collect();
        if born.len() == 1 {
            return Ok(born[0]);
        }
    }
    match named.len() {
        0 => Err(ListMiss::NotInUnit),
        1 if row
            .birth
            .is_none_or(|b| members[named[0]].birth.is_none_or(|mb| mb == b)) =>
        {
            Ok(named[0])
        }
        1 => Err(ListMiss::NotInUnit),
        count => Err(ListMiss::Ambiguous { count }),
    }
}

/// A person's name for matching: case and spacing do not matter, diacritics do ("Lê Văn Hưng"
/// is not "Lê Văn Hùng").
fn name_key(name: &str) -> String {
    let tidy = text::tidy(name);
    tidy.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn unit_words(input: &UnitInput) -> String {
    input
        .info
        .name
        .clone()
        .or_else(|| input.info.code.clone())
        .unwrap_or_else(|| input.file.clone())
}

fn about_row(s: &Sourced<'_>, member: Option<&Member>, detail: ListFinding) -> Finding {
    Finding {
        file: s.file.to_string(),
        sheet: Some(s.row.sheet.clone()),
        cell: Some(s.row.cell.clone()),
        person: member.map(|m| m.id.clone()),
        person_name: member.map(|m| m.name.clone()),
        detail: Detail::List(detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quarter, Rating};
    use chrono::NaiveDate;

    fn member(id: &str, name: &str, birth: Option<(i32, u32, u32)>) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            birth: birth.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            rating_cells: [Some("I2".into()), Some("J2".into()), Some("K2".into())],
            ..Member::default()
        }
    }

    fn row(id: Option<&str>, name: &str, month: u32, rating: Rating) -> ListRow {
        ListRow {
            sheet: "DS".into(),
            cell: "D2".into(),
            id: id.map(str::to_string),
            name: name.into(),
            birth: None,
            unit_code: None,
            unit_name: None,
            month,
            year: None,
            rating,
        }
    }

    fn unit(members: Vec<Member>) -> UnitInput {
        UnitInput {
            file: "so.xlsx".into(),
            members,
            quarter: Quarter::new(2024, 1),
            ..UnitInput::default()
        }
    }

    fn keys(ms: &[Member]) -> Vec<(String, String)> {
        ms.iter()
            .map(|m| (text::key(&m.id), name_key(&m.name)))
            .collect()
    }

    #[test]
    fn people_by_code_then_name_and_birth_then_unique_name() {
        let ms = vec![
            member("A1", "Nguyễn Văn An", Some((1980, 1, 2))),
            member("A2", "Trần Bình", Some((1981, 3, 4))),
            member("A3", "Trần Bình", Some((1990, 5, 6))),
        ];
        let k = keys(&ms);
        let by_code = row(Some("a1"), "NGUYỄN VĂN AN", 1, Rating::Tot);
        assert_eq!(person_of(&ms, &k, &by_code), Ok(0));
        let wrong_code = row(Some("A1"), "Trần Bình", 1, Rating::Tot);
        assert_eq!(
            person_of(&ms, &k, &wrong_code),
            Err(ListMiss::CodeOfOther {
                other: "Nguyễn Văn An".into()
            })
        );
        let mut born = row(None, "Trần Bình", 1, Rating::Tot);
        born.birth = NaiveDate::from_ymd_opt(1990, 5, 6);
        assert_eq!(person_of(&ms, &k, &born), Ok(2));
        let shared = row(None, "Trần Bình", 1, Rating::Tot);
        assert_eq!(
            person_of(&ms, &k, &shared),
            Err(ListMiss::Ambiguous { count: 2 })
        );
        let mut other_birth = row(None, "Nguyễn Văn An", 1, Rating::Tot);
        other_birth.birth = NaiveDate::from_ymd_opt(1999, 9, 9);
        assert_eq!(person_of(&ms, &k, &other_birth), Err(ListMiss::NotInUnit));
        let unknown_code = row(Some("ZZ"), "Nguyễn Văn An", 1, Rating::Tot);
        assert_eq!(person_of(&ms, &k, &unknown_code), Ok(0), "the name decides");
        let other_tone = row(None, "Nguyễn Văn Ân", 1, Rating::Tot);
        assert_eq!(
            person_of(&ms, &k, &other_tone),
            Err(ListMiss::NotInUnit),
            "diacritics tell names apart"
        );
        let spaced = row(None, "  nguyễn   văn an ", 1, Rating::Tot);
        assert_eq!(
            person_of(&ms, &k, &spaced),
            Ok(0),
            "case and spacing do not"
        );
    }

    #[test]
    fn blank_months_filled_filled_ones_compared() {
        let mut m = member("A1", "An", None);
        m.ratings = [None, Some(Rating::Tot), None];
        m.rating_unreadable = [false, false, true];
        let mut u = unit(vec![m]);
        let rows = [
            row(Some("A1"), "An", 1, Rating::XuatSac),
            row(Some("A1"), "An", 2, Rating::Tot),
            row(Some("A1"), "An", 3, Rating::Tot),
        ];
        let sourced: Vec<Sourced> = rows
            .iter()
            .map(|row| Sourced {
                file: "l.xlsx",
                row,
            })
            .collect();
        let findings = apply(&mut u, &sourced);
        assert!(findings.is_empty(), "{findings:?}");
        let m = &u.members[0];
        assert_eq!(m.ratings, [Some(Rating::XuatSac), Some(Rating::Tot), None]);
        assert!(
            m.rating_unreadable[2],
            "an unreadable cell is not overruled"
        );
        assert!(!m.has_errors);
    }

    #[test]
    fn a_conflict_is_unknown_for_a_leader_only_when_a_month_may_have_failed() {
        for (list, unknown) in [(Rating::HoanThanh, false), (Rating::KhongHoanThanh, true)] {
            let mut m = member("A1", "An", None);
            m.ratings = [Some(Rating::XuatSac), Some(Rating::Tot), Some(Rating::Tot)];
            let mut u = unit(vec![m]);
            let rows = [row(Some("A1"), "An", 2, list)];
            let sourced: Vec<Sourced> = rows
                .iter()
                .map(|row| Sourced {
                    file: "l.xlsx",
                    row,
                })
                .collect();
            let findings = apply(&mut u, &sourced);
            assert_eq!(findings.len(), 1);
            assert_eq!(findings[0].code(), crate::finding::Code::RatingConflict);
            assert_eq!(findings[0].person.as_deref(), Some("A1"));
            let m = &u.members[0];
            assert!(m.has_errors);
            assert_eq!(m.rating_unreadable[1], unknown);
            assert_eq!(m.ratings[1].is_none(), unknown);
        }
    }

    #[test]
    fn months_of_another_quarter_or_year_fill_nothing() {
        let mut u = unit(vec![member("A1", "An", None)]);
        let mut last_year = row(Some("A1"), "An", 1, Rating::Tot);
        last_year.year = Some(2023);
        let rows = [row(Some("A1"), "An", 4, Rating::Tot), last_year];
        let sourced: Vec<Sourced> = rows
            .iter()
            .map(|row| Sourced {
                file: "l.xlsx",
                row,
            })
            .collect();
        let findings = apply(&mut u, &sourced);
        assert_eq!(findings.len(), 2);
        assert!(findings
            .iter()
            .all(|f| f.code() == crate::finding::Code::MonthMismatch));
        assert_eq!(u.members[0].ratings, [None, None, None]);
    }

    #[test]
    fn units_by_code_name_or_the_only_one_of_the_folder() {
        let a = Path::new("a");
        let b = Path::new("b");
        let units = vec![
            UnitRef {
                code: Some("tn".into()),
                name: "phong thu nghiem".into(),
                folder: a,
            },
            UnitRef {
                code: None,
                name: "phong hai".into(),
                folder: b,
            },
            UnitRef {
                code: None,
                name: "phong ba".into(),
                folder: b,
            },
        ];
        let ix = UnitIndex::new(&units);
        let mut r = row(None, "X", 1, Rating::Tot);
        assert_eq!(ix.units_of_row(&r, a), &[0]);
        assert!(ix.units_of_row(&r, b).is_empty(), "two workbooks in b");
        r.unit_code = Some("TN".into());
        assert_eq!(ix.units_of_row(&r, b), &[0]);
        r.unit_code = Some("XX".into());
        r.unit_name = Some("Phòng Hai".into());
        assert_eq!(
            ix.units_of_row(&r, a),
            &[1],
            "an unknown code falls back to the name"
        );
        r.unit_code = Some("XX".into());
        r.unit_name = None;
        assert!(ix.units_of_row(&r, a).is_empty());
    }
}
