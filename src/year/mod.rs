//! The year (SPEC §4 `nam`; seed 000 §IV.1 "định kỳ hằng năm báo cáo", §IV.5 "căn cứ đánh giá và
//! bình xét khen thưởng hằng năm"): up to four quarters' results of one year side by side. Pure:
//! the results come in as read by [`crate::reader::run_outputs`], the year goes out as values for
//! the writer and the JSON document.
//!
//! The steps, in order:
//! 1. [`select::select`] keeps the documents of one year, one per quarter (several years or two
//!    documents of a quarter stop the command: which to count cannot be guessed);
//! 2. [`build`] takes the quarters in order: the money of each from its reward document
//!    ([`money_of`]), its units and people linked to those of earlier quarters
//!    ([`identity::Linker`]);
//! 3. then the slots where a person has no result (quarter missing, unit did not send, not
//!    listed), the blocs, and the notes about units that changed code.
//!
//! Money is only what a reward document says was paid: a person đạt in a quarter without one has
//! an unknown reward (never 0 by guess); a person not đạt is never paid (SPEC §2 "Who is paid").

pub mod identity;
pub mod json;
pub mod notes;
pub mod select;
pub mod text;

use crate::model::{Bloc, Quarter, Status};
use crate::profile::Profile;
use crate::reader::run_outputs::{QuarterDoc, RewardDoc, RewardsRead};
use notes::{MoneyGap, Note, NoteKind, RewardsMismatch};
use rust_decimal::Decimal;
use std::collections::HashSet;

pub const SCHEMA: &str = "danhgia/nam/v1";

/// Head counts of a set of people in a quarter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub people: u32,
    pub not_evaluated: u32,
    pub dat: u32,
    /// People whose result is unknown because of an input error (counted as evaluated, not đạt,
    /// as mẫu 07 does).
    pub loi: u32,
}

impl Counts {
    pub fn add(&mut self, s: Status) {
        self.people += 1;
        match s {
            Status::Dat => self.dat += 1,
            Status::KhongDanhGia => self.not_evaluated += 1,
            Status::Loi => self.loi += 1,
            Status::KhongDat => {}
        }
    }

    pub fn plus(self, o: Counts) -> Counts {
        Counts {
            people: self.people + o.people,
            not_evaluated: self.not_evaluated + o.not_evaluated,
            dat: self.dat + o.dat,
            loi: self.loi + o.loi,
        }
    }

    /// Evaluated: everyone listed but the people not evaluated (absence, time, scope).
    pub fn evaluated(&self) -> u32 {
        self.people - self.not_evaluated
    }

    /// The share đạt of the evaluated, in tenths of a percent rounded half up (833 = 83,3 %);
    /// `None` when nobody was evaluated.
    pub fn rate_tenths(&self) -> Option<u64> {
        let e = u64::from(self.evaluated());
        (e > 0).then(|| (u64::from(self.dat) * 2000 + e) / (2 * e))
    }

    /// The share đạt as a fraction, for charts and percent cells only.
    pub fn rate(&self) -> Option<f64> {
        self.rate_tenths().map(|t| t as f64 / 1000.0)
    }
}

/// "83.3" (the rate in percent, one decimal), for the JSON document.
pub fn rate_text(tenths: u64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The money of a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuarterMoney {
    Known {
        per_person: Decimal,
        people: u32,
        total: Decimal,
    },
    Unknown,
}

/// A quarter whose results were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterInfo {
    pub quarter: Quarter,
    pub results: String,
    /// The reward document counted, if any.
    pub rewards: Option<String>,
    pub units: u32,
    pub counts: Counts,
    pub money: QuarterMoney,
    /// Errors and warnings of the quarter's own run (in its `ket-qua.json`).
    pub run_errors: usize,
    pub run_warnings: usize,
}

/// A unit in one quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitQuarter {
    pub bloc: Bloc,
    pub counts: Counts,
    /// People rewarded and their money; `None` when the quarter's money is unknown.
    pub money: Option<(u32, Decimal)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitYear {
    pub code: String,
    /// The name and bloc of the latest quarter.
    pub name: String,
    pub bloc: Bloc,
    pub quarters: [Option<UnitQuarter>; 4],
}

impl UnitYear {
    /// The unit's money over the year's quarters, and the quarters (present) whose money is not
    /// known.
    pub fn money(&self) -> (Decimal, Vec<usize>) {
        let mut total = Decimal::ZERO;
        let mut unknown = Vec::new();
        for (i, q) in self.quarters.iter().enumerate() {
            match q.map(|q| q.money) {
                Some(Some((_, m))) => total += m,
                Some(None) => unknown.push(i),
                None => {}
            }
        }
        (total, unknown)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlocQuarter {
    pub units: u32,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocYear {
    pub bloc: Bloc,
    pub quarters: [Option<BlocQuarter>; 4],
}

/// A person's reward in a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reward {
    Paid(Decimal),
    NotPaid,
    /// Đạt, in a quarter whose reward document is missing.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonQuarter {
    /// Index into [`Year::units`].
    pub unit: usize,
    pub id: String,
    pub status: Status,
    pub reward: Reward,
}

/// A person's quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Listed(PersonQuarter),
    /// The person's unit sent results that quarter, without this person (joined later, left).
    NotListed,
    /// The person's unit sent no results that quarter.
    UnitNotSent,
    /// The year has no results for that quarter.
    QuarterMissing,
}

impl Slot {
    pub fn listed(&self) -> Option<&PersonQuarter> {
        match self {
            Slot::Listed(p) => Some(p),
            _ => None,
        }
    }
}

/// A change of unit between two quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    /// The first quarter in the new unit.
    pub quarter: Quarter,
    /// The last quarter in the old unit: the quarter before `quarter`, or an earlier one when
    /// the person has no result in between (a quarter missing, a quarter not listed), so that
    /// when the move happened is not said more precisely than known.
    pub last_before: Quarter,
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonYear {
    /// `Mã CB` and name as last listed.
    pub id: String,
    pub name: String,
    pub quarters: [Slot; 4],
    pub moves: Vec<Move>,
}

impl PersonYear {
    pub fn listed(&self) -> impl Iterator<Item = &PersonQuarter> {
        self.quarters.iter().filter_map(Slot::listed)
    }

    /// The unit of the latest quarter listed.
    pub fn unit(&self) -> usize {
        self.listed().last().map_or(0, |p| p.unit)
    }

    pub fn dat_quarters(&self) -> usize {
        self.listed().filter(|p| p.status == Status::Dat).count()
    }

    pub fn rewarded_quarters(&self) -> usize {
        self.listed()
            .filter(|p| matches!(p.reward, Reward::Paid(_)))
            .count()
    }

    /// Money received over the year (what is known).
    pub fn money(&self) -> Decimal {
        self.listed()
            .filter_map(|p| match p.reward {
                Reward::Paid(m) => Some(m),
                _ => None,
            })
            .sum()
    }

    /// The quarters (indices) where the person was đạt and the reward is unknown.
    pub fn money_unknown(&self) -> Vec<usize> {
        (0..4)
            .filter(|&i| {
                self.quarters[i]
                    .listed()
                    .is_some_and(|p| p.reward == Reward::Unknown)
            })
            .collect()
    }
}

/// The year, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    pub quarters: [Option<QuarterInfo>; 4],
    /// Units in the order of [`Bloc::ALL`], then of first appearance.
    pub units: Vec<UnitYear>,
    /// Blocs present in any quarter, in the order of [`Bloc::ALL`].
    pub blocs: Vec<BlocYear>,
    /// People in the order of their latest unit, then of first appearance.
    pub people: Vec<PersonYear>,
    pub notes: Vec<Note>,
}

impl Year {
    pub fn quarter(&self, i: usize) -> Quarter {
        Quarter {
            year: self.year,
            q: i as u8 + 1,
        }
    }

    pub fn present(&self) -> Vec<usize> {
        (0..4).filter(|&i| self.quarters[i].is_some()).collect()
    }

    pub fn missing(&self) -> Vec<usize> {
        (0..4).filter(|&i| self.quarters[i].is_none()).collect()
    }

    /// The year's money as far as it is known, and the quarters whose money is not (missing
    /// quarters included).
    pub fn money(&self) -> (Decimal, Vec<usize>) {
        let mut total = Decimal::ZERO;
        let mut unknown = Vec::new();
        for (i, q) in self.quarters.iter().enumerate() {
            match q.as_ref().map(|q| q.money) {
                Some(QuarterMoney::Known { total: t, .. }) => total += t,
                _ => unknown.push(i),
            }
        }
        (total, unknown)
    }

    /// The district's counts per quarter (`None` where missing).
    pub fn totals(&self) -> [Option<Counts>; 4] {
        std::array::from_fn(|i| self.quarters[i].as_ref().map(|q| q.counts))
    }

    /// The people đạt in every quarter that has results.
    pub fn dat_every_quarter(&self) -> Vec<&PersonYear> {
        let present = self.present();
        self.people
            .iter()
            .filter(|p| {
                present.iter().all(|&i| {
                    p.quarters[i]
                        .listed()
                        .is_some_and(|q| q.status == Status::Dat)
                })
            })
            .collect()
    }

    pub fn errors(&self) -> usize {
        self.notes
            .iter()
            .filter(|n| n.severity() == crate::finding::Severity::Error)
            .count()
    }
}

/// The year from the selected documents (one per quarter, all of `year`) and the notes so far.
/// The year of `docs`. `profile` is the one `nam` runs with: a reward document priced with it
/// (the same profile name) is priced again from its own decision date, and not used when the
/// amounts differ.
pub fn build(
    year: i32,
    mut docs: Vec<QuarterDoc>,
    mut notes: Vec<Note>,
    profile: &Profile,
) -> Year {
    docs.sort_by_key(|d| d.quarter);
    let mut quarters: [Option<QuarterInfo>; 4] = Default::default();
    let mut linker = identity::Linker::default();
    for doc in docs {
        let i = usize::from(doc.quarter.q) - 1;
        let (money, rewards) = money_of(&doc, profile, &mut notes);
        let mut info = QuarterInfo {
            quarter: doc.quarter,
            results: doc.file.clone(),
            rewards: rewards.as_ref().map(|r| r.file.clone()),
            units: 0,
            counts: Counts::default(),
            money,
            run_errors: doc.errors,
            run_warnings: doc.warnings,
        };
        let units = identity::without_repeated_units(&doc.file, doc.quarter, doc.units, &mut notes);
        let linked = linker.add_quarter(i, doc.quarter, units, rewards.as_ref());
        (info.units, info.counts) = (linked.units, linked.counts);
        // The quarter's money is known only when every unit's is: the document's total holds
        // money for people of no unit of the year, or of units whose money is unknown.
        let gap = if linked.paid_outside {
            Some(MoneyGap::Unusable)
        } else {
            (linked.units_money_unknown > 0).then_some(MoneyGap::Units(linked.units_money_unknown))
        };
        if let (Some(why), QuarterMoney::Known { .. }) = (gap, info.money) {
            info.money = QuarterMoney::Unknown;
            notes.push(
                NoteKind::MoneyUnknown {
                    quarter: doc.quarter,
                    why,
                }
                .into(),
            );
        }
        quarters[i] = Some(info);
    }
    for (i, q) in quarters.iter().enumerate() {
        if q.is_none() {
            notes.push(
                NoteKind::QuarterMissing(Quarter {
                    year,
                    q: i as u8 + 1,
                })
                .into(),
            );
        }
    }
    let present: [bool; 4] = std::array::from_fn(|i| quarters[i].is_some());
    let (units, people, linker_notes) = linker.finish(present);
    notes.extend(linker_notes);
    notes.extend(unit_code_notes(&units));
    notes.extend(unit_bloc_notes(year, &units));
    Year {
        year,
        blocs: blocs(&units),
        quarters,
        units,
        people,
        notes,
    }
}

/// The money of a quarter: its reward document when there is one of the same quarter, else
/// unknown, with a note saying why.
fn money_of(
    doc: &QuarterDoc,
    profile: &Profile,
    notes: &mut Vec<Note>,
) -> (QuarterMoney, Option<RewardDoc>) {
    let unknown = |why| NoteKind::MoneyUnknown {
        quarter: doc.quarter,
        why,
    };
    let gap = match &doc.rewards {
        RewardsRead::Read(r) if r.quarter == doc.quarter => match mismatch(r) {
            None => {
                if let Some(kind) = mispriced(r, profile) {
                    notes.push(kind.into());
                }
                let money = QuarterMoney::Known {
                    per_person: r.amount_per_person,
                    people: r.people,
                    total: r.total,
                };
                return (money, Some(r.clone()));
            }
            Some(what) => {
                notes.push(
                    NoteKind::RewardsInconsistent {
                        file: r.file.clone(),
                        quarter: doc.quarter,
                        what,
                    }
                    .into(),
                );
                MoneyGap::Unusable
            }
        },
        RewardsRead::Read(r) => {
            notes.push(
                NoteKind::RewardsOtherQuarter {
                    found: r.quarter,
                    expected: doc.quarter,
                }
                .into(),
            );
            MoneyGap::Unusable
        }
        RewardsRead::Unusable(p) => {
            notes.push(NoteKind::Unusable(p.clone()).into());
            MoneyGap::Unusable
        }
        RewardsRead::NotInFolder => MoneyGap::NotInFolder,
        RewardsRead::FileGiven { beside } => MoneyGap::FileGiven {
            beside: beside.clone(),
        },
    };
    notes.push(unknown(gap).into());
    (QuarterMoney::Unknown, None)
}

/// How a reward document contradicts itself, if it does: its people must be those its units
/// accept, and every total the amount per person times the people it counts (as `rewards`
/// writes it). A document that does not add up would pay people money nobody counted.
pub fn mismatch(r: &RewardDoc) -> Option<RewardsMismatch> {
    let times = |n: usize| r.amount_per_person * Decimal::from(n as u64);
    let ids = identity::unit_ids(r.units.iter().map(|u| (u.code.as_str(), u.unit.as_str())));
    let mut units_seen = HashSet::new();
    for (u, id) in r.units.iter().zip(&ids) {
        if !units_seen.insert(id) {
            return Some(RewardsMismatch::UnitRepeated {
                unit: unit_words(&u.code, &u.unit),
            });
        }
        if let Some(cap) = u.cap.filter(|&cap| u.accepted.len() > cap as usize) {
            return Some(RewardsMismatch::OverCap {
                unit: unit_words(&u.code, &u.unit),
                accepted: u.accepted.len(),
                cap,
            });
        }
        let mut people = HashSet::new();
        if let Some(id) = u
            .accepted
            .iter()
            .find(|id| !people.insert(crate::text::exact_key(id)))
        {
            return Some(RewardsMismatch::PersonRepeated {
                unit: unit_words(&u.code, &u.unit),
                id: id.clone(),
            });
        }
    }
    for u in &r.units {
        let computed = times(u.accepted.len());
        if u.total != computed {
            return Some(RewardsMismatch::Unit {
                code: u.code.clone(),
                stated: u.total.to_string(),
                computed: computed.to_string(),
            });
        }
    }
    let accepted: usize = r.units.iter().map(|u| u.accepted.len()).sum();
    if r.people as usize != accepted {
        return Some(RewardsMismatch::People {
            stated: r.people,
            accepted,
        });
    }
    let computed = times(accepted);
    (r.total != computed).then(|| RewardsMismatch::Total {
        stated: r.total.to_string(),
        computed: computed.to_string(),
    })
}

/// A reward document priced with a profile of the name of `profile` (the one `nam` runs with)
/// whose amount per person, or base salary, is not what `profile` gives on the document's own
/// decision date (SPEC §2 "Rewards"): a warning, the money kept as decided. The document may
/// have been edited by hand, or priced with an edited copy of the profile (which keeps its
/// name): which one, only the office can tell.
pub fn mispriced(r: &RewardDoc, profile: &Profile) -> Option<NoteKind> {
    if r.profile.as_deref() != Some(profile.name.as_str()) {
        return None;
    }
    let pricing = crate::money::price(r.quarter, profile, Some(r.decision_date?)).ok()?;
    let base = r.base_salary.filter(|&b| b != pricing.base_salary);
    (r.amount_per_person != pricing.amount || base.is_some()).then(|| {
        NoteKind::RewardPriceDiffers {
            file: r.file.clone(),
            quarter: r.quarter,
            profile: profile.name.clone(),
            date: pricing.decision_date,
            stated: r.amount_per_person,
            computed: pricing.amount,
            base_stated: r.base_salary,
            base: pricing.base_salary,
        }
    })
}

/// A unit as a note names it: its code, else its name.
fn unit_words(code: &str, name: &str) -> String {
    if code.trim().is_empty() {
        name.to_string()
    } else {
        code.to_string()
    }
}

/// Units whose bloc is not the same in every quarter: each quarter counts in its own bloc.
fn unit_bloc_notes(year: i32, units: &[UnitYear]) -> Vec<Note> {
    units
        .iter()
        .filter_map(|u| {
            let blocs: Vec<(Quarter, Bloc)> = (0..4)
                .filter_map(|i| {
                    let q = Quarter {
                        year,
                        q: i as u8 + 1,
                    };
                    u.quarters[i].map(|uq| (q, uq.bloc))
                })
                .collect();
            let first = blocs.first()?.1;
            blocs.iter().any(|(_, b)| *b != first).then(|| {
                NoteKind::UnitBlocs {
                    code: u.code.clone(),
                    name: u.name.clone(),
                    blocs,
                }
                .into()
            })
        })
        .collect()
}

/// The blocs present, each quarter summed over the units of the bloc that quarter.
fn blocs(units: &[UnitYear]) -> Vec<BlocYear> {
    Bloc::ALL
        .into_iter()
        .filter_map(|bloc| {
            let quarters: [Option<BlocQuarter>; 4] = std::array::from_fn(|i| {
                units
                    .iter()
                    .filter_map(|u| u.quarters[i].filter(|q| q.bloc == bloc))
                    .fold(None, |acc: Option<BlocQuarter>, q| {
                        let acc = acc.unwrap_or(BlocQuarter {
                            units: 0,
                            counts: Counts::default(),
                        });
                        Some(BlocQuarter {
                            units: acc.units + 1,
                            counts: acc.counts.plus(q.counts),
                        })
                    })
            });
            quarters
                .iter()
                .any(Option::is_some)
                .then_some(BlocYear { bloc, quarters })
        })
        .collect()
}

/// Units with the same name under several codes, in quarters that do not overlap: most likely
/// one unit whose code was written differently (or taken from the file name), counted apart.
fn unit_code_notes(units: &[UnitYear]) -> Vec<Note> {
    let mut by_name: std::collections::BTreeMap<String, Vec<&UnitYear>> = Default::default();
    for u in units {
        by_name
            .entry(crate::text::key(&u.name))
            .or_default()
            .push(u);
    }
    by_name
        .into_values()
        .filter(|us| us.len() > 1 && quarters_disjoint(us))
        .map(|us| {
            NoteKind::UnitCodes {
                name: us[0].name.clone(),
                codes: us.iter().map(|u| u.code.clone()).collect(),
            }
            .into()
        })
        .collect()
}

fn quarters_disjoint(units: &[&UnitYear]) -> bool {
    let mut seen = HashSet::new();
    units.iter().all(|u| {
        (0..4)
            .filter(|&i| u.quarters[i].is_some())
            .all(|i| seen.insert(i))
    })
}

#[cfg(test)]
mod tests;
