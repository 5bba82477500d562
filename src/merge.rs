//! `merge`: the blocs' mẫu 07 workbooks — this tool's own and ones typed by hand — into the
//! whole-district result. The steps: read each file ([`crate::reader::mau07`]); one quarter for
//! all; each unit counted once; each bloc's list of people đạt held against its `Số đạt`
//! (`list-missing`); and what the district lacks (files not read, blocs absent, lists short)
//! kept with it, so that the result says so instead of presenting fewer blocs as the whole.

use crate::district::{BlocSummary, DistrictSummary, Gaps, ListGap, UnreadFile};
use crate::finding::{Detail, Finding, Mau07At, Unreadable};
use crate::model::{Bloc, Quarter};
use crate::profile::Profile;
use crate::reader::mau07::{self, Mau07, NotRead, Table};
use crate::text;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use crate::reader::mau07::quarter_in_title;

/// The result of a merge: the district (when the inputs allow one) and the findings.
#[derive(Debug)]
pub struct Merged {
    pub district: Option<DistrictSummary>,
    pub findings: Vec<Finding>,
    /// Distinct quarters found, with the files that gave them (more than one: the merge is refused).
    pub quarters: Vec<(Quarter, Vec<String>)>,
    /// Each file that gives nothing to merge, and why.
    pub not_read: Vec<(String, NotRead)>,
}

/// Merges mẫu 07 workbooks: one quarter, each unit once, every gap said.
pub fn merge(files: &[(PathBuf, String)], profile: &Profile) -> Merged {
    let mut findings = Vec::new();
    let mut read = Vec::new();
    for (path, name) in files {
        let (m, f) = read_guarded(path, name, profile);
        findings.extend(f);
        read.push(m);
    }
    let quarters = quarters_of(&read);
    let not_read = read
        .iter()
        .filter_map(|m| m.why.map(|w| (m.file.clone(), w)))
        .collect();
    let quarter = match quarters.as_slice() {
        [(q, _)] => Some(*q),
        _ => None,
    };
    let (blocs, gaps) = assemble(read, profile, &mut findings);
    // Each file's findings together, in the order the files were given.
    let order = |f: &Finding| files.iter().position(|(_, n)| *n == f.file);
    findings.sort_by_key(order);
    let district = quarter.map(|quarter| DistrictSummary {
        quarter,
        blocs,
        gaps,
    });
    Merged {
        district,
        findings,
        quarters,
        not_read,
    }
}

/// Reads one file; a failure inside the spreadsheet library is the file's damage, never a crash.
fn read_guarded(path: &Path, name: &str, profile: &Profile) -> (Mau07, Vec<Finding>) {
    let guarded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        mau07::read(path, name, profile)
    }));
    guarded.unwrap_or_else(|_| {
        let m = Mau07 {
            file: name.to_string(),
            quarter: None,
            bloc: None,
            table: None,
            why: Some(NotRead::Unreadable),
        };
        let f = Finding {
            file: name.to_string(),
            sheet: None,
            cell: None,
            person: None,
            person_name: None,
            detail: Detail::Unreadable(Unreadable::Damaged(
                "lỗi khi đọc tệp / reader failure".into(),
            )),
        };
        (m, vec![f])
    })
}

/// The distinct quarters of the files read, each with its files, in order.
fn quarters_of(read: &[Mau07]) -> Vec<(Quarter, Vec<String>)> {
    let mut quarters: Vec<(Quarter, Vec<String>)> = Vec::new();
    for m in read.iter().filter(|m| m.table.is_some()) {
        let Some(q) = m.quarter else { continue };
        match quarters.iter_mut().find(|(x, _)| *x == q) {
            Some((_, files)) => files.push(m.file.clone()),
            None => quarters.push((q, vec![m.file.clone()])),
        }
    }
    quarters.sort();
    quarters
}

/// The blocs of the district, each unit once, and what is missing.
fn assemble(
    read: Vec<Mau07>,
    profile: &Profile,
    findings: &mut Vec<Finding>,
) -> (Vec<BlocSummary>, Gaps) {
    let mut blocs: Vec<BlocSummary> = Vec::new();
    let mut gaps = Gaps::default();
    let mut seen: HashMap<String, Vec<Seen>> = HashMap::new();
    for m in read {
        let (Some(bloc), Some(table)) = (m.bloc, m.table) else {
            gaps.unread.push(UnreadFile {
                file: m.file,
                bloc: m.bloc,
            });
            continue;
        };
        let idx = match blocs.iter().position(|b| b.bloc == bloc) {
            Some(i) => i,
            None => {
                blocs.push(BlocSummary::new(bloc));
                blocs.len() - 1
            }
        };
        let name = &profile.bloc(bloc).name;
        let dat = add_units(&mut blocs[idx], &m.file, &table, name, &mut seen, findings);
        if let Some(gap) = check_list(&m.file, bloc, name, &table, dat, findings) {
            gaps.lists.push(gap);
        }
        blocs[idx].uncounted.extend(table.uncounted);
        if let Some(list) = table.list {
            blocs[idx].dat_people.extend(list.people);
        }
    }
    for b in &mut blocs {
        shown_once(b);
    }
    blocs.sort_by_key(|b| b.bloc);
    gaps.absent = Bloc::ALL
        .into_iter()
        .filter(|b| !blocs.iter().any(|x| x.bloc == *b))
        .collect();
    (blocs, gaps)
}

/// A unit shown without numbers ("Chưa gửi") is shown once, and not at all when another file
/// counts it.
fn shown_once(bloc: &mut BlocSummary) {
    let mut seen: std::collections::HashSet<String> =
        bloc.units.iter().map(|u| text::key(&u.name)).collect();
    bloc.uncounted.retain(|u| seen.insert(text::key(&u.name)));
}

/// A unit already counted: its file, its group in that file, and its cell.
struct Seen {
    file: String,
    group: String,
    cell: String,
}

/// Adds a table's units to its bloc, each unit once across all files; returns the `Số đạt` of
/// the units added. Within one file, units of one name under different groups ("Phường Bồ Đề"
/// of "Đảng ủy các phường" and of "Ủy ban MTTQ các phường") are different units, each shown with
/// its group's name; across files a name is one unit.
fn add_units(
    bloc: &mut BlocSummary,
    file: &str,
    table: &Table,
    bloc_name: &str,
    seen: &mut HashMap<String, Vec<Seen>>,
    findings: &mut Vec<Finding>,
) -> u64 {
    let group_key = |u: &mau07::UnitRow| u.group.as_deref().map(text::key).unwrap_or_default();
    // The names that stand under more than one group of this file.
    let mut groups_of: HashMap<String, Vec<String>> = HashMap::new();
    for u in &table.units {
        let groups = groups_of.entry(text::key(&u.line.name)).or_default();
        let g = group_key(u);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let mut dat = 0u64;
    for u in &table.units {
        let key = text::key(&u.line.name);
        let group = group_key(u);
        let other = seen
            .get(&key)
            .and_then(|s| s.iter().find(|o| o.file != file || o.group == group));
        if let Some(Seen {
            file: other_file,
            cell: other_cell,
            ..
        }) = other
        {
            findings.push(Finding {
                file: file.to_string(),
                sheet: Some(table.sheet.clone()),
                cell: Some(u.cell.clone()),
                person: None,
                person_name: None,
                detail: Detail::Mau07UnitTwice {
                    at: Mau07At {
                        row: u.row + 1,
                        bloc: bloc_name.to_string(),
                    },
                    unit: u.line.name.clone(),
                    other_file: other_file.clone(),
                    other_cell: other_cell.clone(),
                },
            });
            continue;
        }
        let mut line = u.line.clone();
        if let Some(g) = u.group.as_ref().filter(|g| !g.is_empty()) {
            if groups_of.get(&key).is_some_and(|gs| gs.len() > 1) {
                line.name = format!("{} ({g})", line.name);
            }
        }
        seen.entry(key).or_default().push(Seen {
            file: file.to_string(),
            group,
            cell: format!("{}!{}", table.sheet, u.cell),
        });
        dat += u64::from(line.dat);
        bloc.units.push(line);
    }
    dat
}

/// Holds a file's list of people đạt against the `Số đạt` of its units: a missing or shorter
/// list is `list-missing` (and a gap the district states), a longer one `total-mismatch`.
fn check_list(
    file: &str,
    bloc: Bloc,
    bloc_name: &str,
    table: &Table,
    dat: u64,
    findings: &mut Vec<Finding>,
) -> Option<ListGap> {
    let listed = table.list.as_ref().map(|l| l.people.len() as u64);
    let detail = match listed {
        Some(n) if n > dat => Detail::Mau07ListLonger {
            bloc: bloc_name.to_string(),
            dat,
            listed: n,
        },
        Some(n) if n == dat => return None,
        None if dat == 0 => return None,
        _ => Detail::ListMissing {
            bloc: bloc_name.to_string(),
            dat,
            listed,
            passed_over: if listed.is_none() {
                table.passed_over.clone()
            } else {
                Vec::new()
            },
        },
    };
    let short = matches!(detail, Detail::ListMissing { .. });
    let sheet = table.list.as_ref().map_or(&table.sheet, |l| &l.sheet);
    findings.push(Finding {
        file: file.to_string(),
        sheet: Some(sheet.clone()),
        cell: None,
        person: None,
        person_name: None,
        detail,
    });
    short.then(|| ListGap {
        bloc,
        file: file.to_string(),
        dat,
        listed,
    })
}

#[cfg(test)]
mod tests {
    use crate::reader::mau07;
    use crate::writer;

    #[test]
    fn the_reader_knows_the_writers_sheet_names() {
        assert_eq!(mau07::SHEET_SUMMARY, writer::mau07::SHEET_SUMMARY);
        assert_eq!(mau07::SHEET_DAT, writer::mau07::SHEET_DAT);
    }
}
