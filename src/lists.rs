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
use std::collections::{BTreeMap, HashSet};
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

/// Which unit workbooks (indices into `units`) each row of a list belongs to, and the findings
/// for rows that belong to none (`list-unit-unknown`, once per unit named).
pub fn assign<'a>(
    file: &str,
    folder: &Path,
    rows: &'a [ListRow],
    units: &[UnitRef<'_>],
) -> (Vec<(usize, &'a ListRow)>, Vec<Finding>) {
    let mut out = Vec::new();
    let mut unknown: BTreeMap<Option<String>, (String, String)> = BTreeMap::new();
    for row in rows {
        let found = units_of_row(row, folder, units);
        if found.is_empty() {
            let named = row.unit_code.clone().or_else(|| row.unit_name.clone());
            unknown
                .entry(named)
                .or_insert_with(|| (row.sheet.clone(), row.cell.clone()));
        }
        out.extend(found.into_iter().map(|u| (u, row)));
    }
    let in_folder = units.iter().filter(|u| u.folder == folder).count();
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
                books_in_folder: in_folder,
            }),
        })
        .collect();
    (out, findings)
}

/// The unit workbooks a row names: by code, else by name; a row naming no unit belongs to the
/// only unit workbook of its folder.
fn units_of_row(row: &ListRow, folder: &Path, units: &[UnitRef<'_>]) -> Vec<usize> {
    let matching = |pred: &dyn Fn(&UnitRef) -> bool| -> Vec<usize> {
        units
            .iter()
            .enumerate()
            .filter(|(_, u)| pred(u))
            .map(|(i, _)| i)
            .collect()
    };
    if let Some(code) = row.unit_code.as_deref().map(text::key) {
        let by_code = matching(&|u| u.code.as_deref() == Some(code.as_str()));
        if !by_code.is_empty() || row.unit_name.is_none() {
            return by_code;
        }
    }
    if let Some(name) = row.unit_name.as_deref().map(text::key) {
        return matching(&|u| u.name == name);
    }
    let here = matching(&|u| u.folder == folder);
    if here.len() == 1 {
        here
    } else {
        Vec::new()
    }
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
        match person_of(&input.members, row) {
            Ok(m) => given.entry((m, i)).or_default().push(*s),
            Err(why) => {
                let key = (s.file.to_string(), row.sheet.clone(), text::key(&row.name));
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
fn person_of(members: &[Member], row: &ListRow) -> Result<usize, ListMiss> {
    let name = text::key(&row.name);
    if let Some(id) = row.id.as_deref().map(text::key) {
        if let Some(i) = members.iter().position(|m| text::key(&m.id) == id) {
            let theirs = &members[i];
            return if name.is_empty() || text::key(&theirs.name) == name {
                Ok(i)
            } else {
                Err(ListMiss::CodeOfOther {
                    other: theirs.name.clone(),
                })
            };
        }
    }
    let named: Vec<usize> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| text::key(&m.name) == name)
        .map(|(i, _)| i)
        .collect();
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
