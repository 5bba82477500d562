//! Which of the documents read make the year: one year, one document per quarter. A file that
//! cannot be used, or of another year than most, is left out with an error note and the rest go
//! on (one bad file never stops the batch); what cannot be settled without guessing — several
//! years equally, two documents of one quarter, more paths than a year has quarters — stops the
//! command.

use super::notes::{Note, NoteKind, Refusal};
use crate::reader::run_outputs::{Loaded, QuarterDoc};
use std::collections::BTreeMap;

/// The documents of the year, or why there is no year; and the notes either way.
pub struct Selection {
    pub outcome: Result<(i32, Vec<QuarterDoc>), Refusal>,
    pub notes: Vec<Note>,
}

pub fn select(loaded: Vec<Loaded>) -> Selection {
    let mut notes = Vec::new();
    if loaded.len() > 4 {
        return Selection {
            outcome: Err(Refusal::TooMany(loaded.len())),
            notes,
        };
    }
    let mut docs = Vec::new();
    for l in loaded {
        match l.outcome {
            // A quarter whose run read no unit's workbook has no result to count: its people
            // would all look absent, its money nil. Left out, and said.
            Ok(doc) if doc.units.is_empty() => notes.push(
                NoteKind::NoUnits {
                    file: doc.file,
                    quarter: doc.quarter,
                }
                .into(),
            ),
            Ok(doc) => docs.push(doc),
            Err(p) => notes.push(NoteKind::Unusable(p).into()),
        }
    }
    let outcome = the_year(docs, &mut notes);
    Selection { outcome, notes }
}

fn the_year(
    docs: Vec<QuarterDoc>,
    notes: &mut Vec<Note>,
) -> Result<(i32, Vec<QuarterDoc>), Refusal> {
    let year = most_common_year(&docs)?;
    let (mine, others): (Vec<QuarterDoc>, Vec<QuarterDoc>) =
        docs.into_iter().partition(|d| d.quarter.year == year);
    for d in others {
        notes.push(
            NoteKind::OtherYear {
                file: d.file,
                quarter: d.quarter,
                year,
            }
            .into(),
        );
    }
    one_per_quarter(&mine)?;
    Ok((year, mine))
}

/// The year most documents are of; several years equally (or no document) stop the command.
fn most_common_year(docs: &[QuarterDoc]) -> Result<i32, Refusal> {
    let mut by_year: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for d in docs {
        by_year
            .entry(d.quarter.year)
            .or_default()
            .push(d.file.clone());
    }
    let most = by_year
        .values()
        .map(Vec::len)
        .max()
        .ok_or(Refusal::NothingReadable)?;
    let top: Vec<i32> = by_year
        .iter()
        .filter(|(_, f)| f.len() == most)
        .map(|(y, _)| *y)
        .collect();
    match top.as_slice() {
        [y] => Ok(*y),
        _ => Err(Refusal::SeveralYears(by_year.into_iter().collect())),
    }
}

fn one_per_quarter(docs: &[QuarterDoc]) -> Result<(), Refusal> {
    let mut by_quarter: BTreeMap<_, Vec<String>> = BTreeMap::new();
    for d in docs {
        by_quarter
            .entry(d.quarter)
            .or_default()
            .push(d.file.clone());
    }
    match by_quarter.into_iter().find(|(_, f)| f.len() > 1) {
        Some((q, files)) => Err(Refusal::SameQuarter(q, files)),
        None => Ok(()),
    }
}
