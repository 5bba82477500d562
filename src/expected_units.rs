//! The units a quarter expects (`--don-vi UNITS.xlsx`, SPEC §4). Each unit of the list is looked
//! for among the units read — by `Mã đơn vị`, else by name, both compared by [`text::key`]:
//!
//! - a unit counted in the batch: nothing to say;
//! - a unit whose workbook came but gave no unit to count (a file that names it, with errors
//!   that keep it out): a row "Đã gửi, sổ có lỗi: chưa tính" in its bloc's mẫu 07 — its own
//!   findings say why, so it is not `unit-missing`;
//! - a unit that sent nothing: the warning `unit-missing` on the list file, at the unit's row,
//!   and a row "Chưa gửi" in its bloc's mẫu 07.
//!
//! A unit read that the list does not name gets no finding (its workbook is not at fault; the
//! list may be out of date, or name it another way): it is named in the run's summary.

use crate::batch::{Batch, FileKind, FileReport, FileStatus, Sender};
use crate::district::{Uncounted, NOTE_NOT_COUNTED, NOTE_NOT_SENT};
use crate::evaluate::UnitResult;
use crate::finding::{Finding, UnitsListFinding};
use crate::model::Bloc;
use crate::profile::Profile;
use crate::reader::danh_sach_don_vi::{ExpectedUnit, UnitsList};
use crate::text;
use std::collections::{HashMap, HashSet};

/// What the list tells about the batch.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// Units of the list that sent nothing, in the list's order.
    pub missing: Vec<ExpectedUnit>,
    /// Units of the list that are not counted (sent nothing, or sent what could not be
    /// counted), each with its bloc and its row's note, in the list's order.
    pub uncounted: Vec<(Bloc, Uncounted)>,
    /// Units read that the list does not name, in the batch's order.
    pub unlisted: Vec<Unlisted>,
}

/// A unit read that the list of expected units does not name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlisted {
    /// `Mã đơn vị`, when written.
    pub code: Option<String>,
    pub name: String,
    pub bloc: Bloc,
    pub file: String,
}

/// How an expected unit stands in the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Counted: the unit at this index of the batch.
    Counted(usize),
    /// A file names it, but gave no unit to count.
    NotCounted,
    Missing,
}

/// Matches the list to the batch, adds the list file and its findings (those read from it, and
/// `unit-missing`) to the batch, and says what the outputs show.
pub fn apply(list: &UnitsList, read: Vec<Finding>, b: &mut Batch, profile: &Profile) -> Expected {
    let mut out = Expected::default();
    let mut findings = read;
    let mut matched = vec![false; b.units.len()];
    let index = Index::new(&b.units, &b.senders);
    for e in &list.units {
        let note = match index.standing(e) {
            Standing::Counted(i) => {
                matched[i] = true;
                continue;
            }
            Standing::NotCounted => NOTE_NOT_COUNTED,
            Standing::Missing => {
                findings.push(missing(list, e, profile));
                out.missing.push(e.clone());
                NOTE_NOT_SENT
            }
        };
        let row = Uncounted {
            name: e.name.clone(),
            note: note.to_string(),
        };
        out.uncounted.push((e.bloc, row));
    }
    // A list that gave no unit (no table, a column missing) names nobody: nothing is unlisted.
    let listed = !list.units.is_empty();
    out.unlisted = b
        .units
        .iter()
        .zip(&matched)
        .filter(|(_, m)| listed && !**m)
        .map(|(u, _)| Unlisted {
            code: u.code_written.then(|| u.code.clone()),
            name: u.unit.clone(),
            bloc: u.bloc,
            file: u.source.clone(),
        })
        .collect();
    b.files.push(FileReport {
        file: list.file.clone(),
        status: FileStatus::Ok,
        errors: 0,
        warnings: 0,
        skipped: None,
        kind: FileKind::UnitsList,
    });
    b.add_findings(findings);
    out
}

/// The units counted and the files that name a unit, by code and by name (keys as
/// [`text::key`] gives them): the first unit of each.
struct Index {
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    sent_codes: HashSet<String>,
    sent_names: HashSet<String>,
}

impl Index {
    fn new(units: &[UnitResult], senders: &[Sender]) -> Index {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            if u.code_written {
                by_code.entry(text::key(&u.code)).or_insert(i);
            }
            by_name.entry(text::key(&u.unit)).or_insert(i);
        }
        Index {
            by_code,
            by_name,
            sent_codes: senders.iter().filter_map(|s| s.code.clone()).collect(),
            sent_names: senders.iter().map(|s| s.name.clone()).collect(),
        }
    }

    /// An expected unit among the units counted, else among the files that name a unit: by
    /// code first (a code written in the workbook), then by name.
    fn standing(&self, e: &ExpectedUnit) -> Standing {
        let code = e.code.as_deref().map(text::key);
        let name = text::key(&e.name);
        let counted = code
            .as_ref()
            .and_then(|c| self.by_code.get(c))
            .or_else(|| self.by_name.get(&name));
        if let Some(&i) = counted {
            return Standing::Counted(i);
        }
        let sent =
            code.is_some_and(|c| self.sent_codes.contains(&c)) || self.sent_names.contains(&name);
        if sent {
            Standing::NotCounted
        } else {
            Standing::Missing
        }
    }
}

/// `unit-missing`, on the unit's row of the list.
fn missing(list: &UnitsList, e: &ExpectedUnit, profile: &Profile) -> Finding {
    Finding {
        file: list.file.clone(),
        sheet: list.sheet.clone(),
        cell: Some(e.cell.clone()),
        person: None,
        person_name: None,
        detail: crate::finding::Detail::UnitsList(UnitsListFinding::Missing {
            unit: e.name.clone(),
            code: e.code.clone(),
            bloc: profile.bloc(e.bloc).name.clone(),
        }),
    }
}
