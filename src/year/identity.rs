//! Following units and people across the quarters of a year.
//!
//! The results document (SPEC §5) gives each person a `Mã CB` (`id`) and a name in a unit, and
//! no birth date; so the year's identity rules use those. A `Mã CB` and a name are compared as
//! [`text::exact_key`] compares them: case, spacing and Unicode normalisation aside, every letter
//! and mark counted ("An" is not "Ân", "Đ01" is not "D01"). A unit is its code (as
//! [`text::key`] compares it).
//!
//! - A person is the same from one quarter to the next when listed in the unit they were listed
//!   in last, under the same `Mã CB` and the same name. A mẫu 06 typed by hand has no `Mã CB`
//!   column, and its people get a row number (`dong-7`) as id: there (and for an empty id) the
//!   name stands for the `Mã CB`, within the unit only.
//! - A person not found so **moved** when exactly one person of another unit, not listed anywhere
//!   that quarter, has the same `Mã CB` and the same name. A row number never moves anyone. Every
//!   change of unit between two quarters a person is listed in is a move (back to an earlier
//!   unit included).
//! - Whatever is not certain is said, never guessed:
//!   - the same `Mã CB` (without `Mã CB`, the same name) several times in a unit in one quarter:
//!     a person each, and (where the `Mã CB` and name, or the name, repeat) none of them linked
//!     to anyone (`person-duplicate`, naming what repeats);
//!   - the same `Mã CB` and name in several units in one quarter: a person each; the one in the
//!     unit where they were listed before is followed on there (`person-two-units`), none moved;
//!   - the same `Mã CB` under another name in a unit: a new person (`person-ambiguous`);
//!   - several people who could be the one listed (several movers; in a unit without `Mã CB`,
//!     several people of the name): a new person (`person-ambiguous`);
//!   - a new person with the name (as [`text::key`] compares names) of someone no longer listed:
//!     a new person (`person-possible-match`, saying why they are not linked).
//!
//! Each quarter is linked in passes, so that who is listed in the quarter, and where, is known
//! before anyone is taken for a mover: first the people found in the unit they were in (most of
//! them without a look-up: where they stood the quarter before); then the moves; then the new
//! people and their notes. Keys are interned (a person found where they stood the quarter before
//! needs no look-up, any other a few hash look-ups), the people of a key are chained, and per key
//! the unit of the quarter is marked, so nothing is compared pairwise and a city's year links in
//! a fraction of a second.

use super::notes::{MatchGap, Note, NoteKind, PersonKey, Who};
use super::{Counts, Move, PersonQuarter, PersonYear, Reward, Slot, UnitQuarter, UnitYear};
use crate::model::{Bloc, Quarter, Status};
use crate::reader::run_outputs::{PersonDoc, RewardDoc, UnitDoc};
use crate::text;
use rust_decimal::Decimal;
/// Maps keyed by names and codes read from the units' files: a fast hash, randomly seeded (a file
/// cannot choose keys that collide).
type HashMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;
type HashSet<T> = std::collections::HashSet<T, ahash::RandomState>;
use std::fmt::Write as _;

/// The end of a chain of people; no key.
const NONE: u32 = u32::MAX;

/// Whether an id is no `Mã CB`: the row number given to a person of a mẫu 06 typed by hand
/// without a `Mã CB` column (`dong-N`), or nothing.
fn lacks_ma_cb(id: &str) -> bool {
    id.trim().is_empty()
        || id
            .strip_prefix("dong-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What tells a unit apart (SPEC §3, as `run` groups files): its `Mã đơn vị` (as [`text::key`]
/// compares it), or its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitId {
    Code(String),
    Name(String),
}

/// The identity of each of the units of one document, in order (the same rule for a results
/// document and a reward document):
/// - a unit is its code;
/// - a code that several units of the document write under different names is no unit's code:
///   `run` writes a workbook's file name as its code when the workbook has no `Mã đơn vị`, and
///   two such workbooks of one name in two folders are two units. Those units are their names;
/// - a unit without a code is the unit of its name that has one (as `run` joins a file without
///   `Mã đơn vị` to the unit of its name), else its name.
pub fn unit_ids<'a>(units: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<UnitId> {
    let keys: Vec<(String, String)> = units
        .map(|(code, name)| (text::key(code), text::key(name)))
        .collect();
    // Code → its first name, and whether another name shares it.
    let mut names: HashMap<&str, (&str, bool)> = HashMap::default();
    for (code, name) in keys.iter().filter(|(c, _)| !c.is_empty()) {
        let e = names.entry(code).or_insert((name, false));
        e.1 |= e.0 != name;
    }
    let own_code = |code: &str| !code.is_empty() && !names[code].1;
    let mut coded: HashMap<&str, &str> = HashMap::default();
    for (code, name) in keys.iter().filter(|(c, _)| own_code(c)) {
        coded.entry(name).or_insert(code);
    }
    keys.iter()
        .map(|(code, name)| {
            if own_code(code) {
                UnitId::Code(code.clone())
            } else if let (true, Some(c)) = (code.is_empty(), coded.get(name.as_str())) {
                UnitId::Code(c.to_string())
            } else {
                UnitId::Name(name.clone())
            }
        })
        .collect()
}

/// A quarter's units, each with its identity, and the identities its document gives more than
/// once.
pub struct QuarterUnits {
    pub units: Vec<(UnitDoc, UnitId)>,
    pub repeated: Vec<UnitId>,
}

/// The units of a quarter's results, without those the document gives more than once (a
/// document `run` writes never does: it was edited or put together by hand). Which of the
/// entries is right cannot be told, so none is counted: each such unit gets an error note and
/// the quarter counts it as not sent.
pub fn without_repeated_units(
    file: &str,
    quarter: Quarter,
    units: Vec<UnitDoc>,
    notes: &mut Vec<Note>,
) -> QuarterUnits {
    let ids = unit_ids(units.iter().map(|u| (u.code.as_str(), u.unit.as_str())));
    let mut times: HashMap<UnitId, usize> = HashMap::default();
    for id in &ids {
        *times.entry(id.clone()).or_insert(0) += 1;
    }
    let mut repeated = Vec::new();
    let mut kept = Vec::with_capacity(units.len());
    for (u, id) in units.into_iter().zip(ids) {
        let n = times[&id];
        if n == 1 {
            kept.push((u, id));
        } else if !repeated.contains(&id) {
            notes.push(
                NoteKind::UnitRepeated {
                    file: file.to_string(),
                    quarter,
                    code: u.code,
                    name: u.unit,
                    times: n,
                }
                .into(),
            );
            repeated.push(id);
        }
    }
    QuarterUnits {
        units: kept,
        repeated,
    }
}

/// Writes into `out` the key of a person: the key of the `Mã CB` `idk` (its length first, so that
/// no `Mã CB` and name run into another pair) and the name; or, marked apart, the name alone where
/// the id only numbers a row (`idk` none).
fn person_key(idk: Option<&str>, name: &str, out: &mut String) {
    out.clear();
    match idk {
        Some(k) => {
            let _ = write!(out, "{}:{k}", k.len());
        }
        None => out.push('r'),
    }
    text::exact_key_into(name, out);
}

/// Who a reward document pays in one unit.
struct UnitPaid {
    /// The unit as the document names it: its code, else its name.
    shown: String,
    /// `Mã CB` key → the `Mã CB` as written; taken off as people are found.
    ids: HashMap<String, String>,
    people: u32,
    total: Decimal,
}

/// Who was paid in a quarter, by unit.
struct Paid {
    amount: Decimal,
    units: HashMap<UnitId, UnitPaid>,
}

impl Paid {
    fn of(r: &RewardDoc) -> Paid {
        let mut units = HashMap::default();
        let keys = unit_ids(r.units.iter().map(|u| (u.code.as_str(), u.unit.as_str())));
        for (u, key) in r.units.iter().zip(keys) {
            let ids = u
                .accepted
                .iter()
                .map(|id| (text::exact_key(id), id.clone()))
                .collect();
            let paid = UnitPaid {
                shown: super::unit_words(&u.code, &u.unit),
                ids,
                people: u.accepted.len() as u32,
                total: u.total,
            };
            units.insert(key, paid);
        }
        Paid {
            amount: r.amount_per_person,
            units,
        }
    }
}

/// Where a key was listed in the quarter being linked.
#[derive(Clone, Copy, Default)]
struct Seen {
    /// The quarter's index + 1; 0: not yet.
    quarter: u8,
    unit: u32,
    /// Listed in several units that quarter.
    several: bool,
}

/// (unit, `Mã CB` key) → the people ever listed in the unit under it, as chains in one list.
#[derive(Default)]
struct UnitIds {
    /// The latest entry of a (unit, `Mã CB` key).
    heads: HashMap<(u32, u32), u32>,
    /// (person, the entry before of the same unit and `Mã CB`, or [`NONE`]).
    entries: Vec<(u32, u32)>,
}

impl UnitIds {
    fn add(&mut self, unit: usize, idk: u32, c: usize) {
        let e = self.entries.len() as u32;
        let before = self.heads.insert((unit as u32, idk), e).unwrap_or(NONE);
        self.entries.push((c as u32, before));
    }

    fn of(&self, unit: usize, idk: u32) -> impl Iterator<Item = usize> + '_ {
        let mut e = self.heads.get(&(unit as u32, idk)).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            (e != NONE).then(|| {
                let (c, before) = self.entries[e as usize];
                e = before;
                c as usize
            })
        })
    }
}

/// The people and units seen so far.
#[derive(Default)]
pub struct Linker {
    units: Vec<UnitYear>,
    /// Units by identity.
    unit_index: HashMap<UnitId, usize>,
    /// Per unit: its people in the order of the latest quarter it sent ([`NONE`] where a
    /// newcomer stood), for the look-up by place.
    last: Vec<Vec<u32>>,
    people: Vec<PersonYear>,
    /// Person keys ([`person_key`]), interned.
    keys: HashMap<String, u32>,
    /// Per key: the latest person created with it, the head of a chain through `next`.
    head: Vec<u32>,
    /// Per key: where it was listed in the quarter being linked.
    seen: Vec<Seen>,
    /// `Mã CB` keys, interned.
    ids: HashMap<String, u32>,
    /// Per person: the key.
    key_of: Vec<u32>,
    /// Per person: the `Mã CB` key, [`NONE`] for a row number.
    id_of: Vec<u32>,
    /// Per person: the person created before it with the same key, or [`NONE`].
    next: Vec<u32>,
    /// The people ever listed in a unit under a `Mã CB`; built the first time a newcomer is not
    /// a mover.
    unit_ids: Option<UnitIds>,
    /// Name key ([`text::key`]) → people; built the first time a newcomer is not a mover.
    by_name: Option<HashMap<String, Vec<u32>>>,
    notes: Vec<Note>,
    /// Room to build keys in.
    scratch: String,
    id_scratch: String,
}

/// What linking a quarter found.
pub struct Linked {
    /// The units of the quarter.
    pub units: u32,
    pub counts: Counts,
    /// The reward document pays people of a unit without results this quarter.
    pub paid_outside: bool,
    /// Units of the quarter whose money the reward document leaves unknown (it does not list
    /// the unit, or pays people the unit does not list as đạt).
    pub units_money_unknown: u32,
}

/// What the passes over one quarter carry.
struct Pass {
    i: usize,
    quarter: Quarter,
    newcomers: Vec<Newcomer>,
    total: Counts,
    /// The units of the quarter.
    units: HashSet<usize>,
    /// The keys listed in several units this quarter, in the order found.
    several_units: Vec<u32>,
    /// The people seen before this quarter: only they can be someone a newcomer may be.
    known: usize,
}

/// A person of the quarter not found in their unit by the first pass.
struct Newcomer {
    unit: usize,
    /// Where the person stands in the unit's list.
    place: usize,
    key: u32,
    idk: u32,
    person: PersonDoc,
    reward: Reward,
}

/// What the moves pass found for a newcomer who did not move.
enum Unmoved {
    /// Nobody it could be.
    Nobody,
    /// Several people of other units it could be.
    Several(Vec<usize>),
    /// Its key is listed in several units this quarter.
    SeveralUnits,
}

impl Linker {
    /// Links the units and people of quarter `i`.
    pub fn add_quarter(
        &mut self,
        i: usize,
        quarter: Quarter,
        units: QuarterUnits,
        rewards: Option<&RewardDoc>,
    ) -> Linked {
        let mut paid = rewards.map(Paid::of);
        // A unit its results give twice is not counted: what the reward document pays its
        // people is not theirs to take, nor money paid to nobody (its own note says why).
        if let Some(paid) = paid.as_mut() {
            for id in &units.repeated {
                paid.units.remove(id);
            }
        }
        let units = units.units;
        let mut pass = Pass {
            i,
            quarter,
            newcomers: Vec::new(),
            total: Counts::default(),
            units: HashSet::default(),
            several_units: Vec::new(),
            known: self.people.len(),
        };
        // Room for everyone of the quarter being new, so that the people are never moved.
        let listed: usize = units.iter().map(|(u, _)| u.people.len()).sum();
        self.people.reserve(listed);
        self.keys.reserve(listed);
        self.ids.reserve(listed);
        for (u, id) in units {
            self.take_unit(&mut pass, u, id, paid.as_mut());
        }
        // The moves, once everyone found in their unit is known.
        let mut unmoved = Vec::new();
        for n in std::mem::take(&mut pass.newcomers) {
            match self.mover(&n, &pass) {
                Ok(c) => self.moved(c, n, quarter),
                Err(why) => unmoved.push((n, why)),
            }
        }
        // The new people, once every move is known.
        for (n, why) in unmoved {
            self.arrive(n, why, &pass);
        }
        for k in std::mem::take(&mut pass.several_units) {
            self.note_several_units(k, i, quarter);
        }
        let with_rewards = paid.is_some();
        let paid_outside = paid.is_some_and(|paid| self.note_unpaid_leftovers(&pass, paid));
        let units_money_unknown = pass
            .units
            .iter()
            .filter(|&&ui| {
                with_rewards && self.units[ui].quarters[i].is_some_and(|q| q.money.is_none())
            })
            .count() as u32;
        Linked {
            units: pass.units.len() as u32,
            counts: pass.total,
            paid_outside,
            units_money_unknown,
        }
    }

    /// The first pass over a unit: each person found where they were, new when the unit
    /// repeats them, or left for the moves.
    fn take_unit(&mut self, pass: &mut Pass, u: UnitDoc, unit_id: UnitId, paid: Option<&mut Paid>) {
        let i = pass.i;
        let listed_in_rewards = paid.as_ref().map(|p| p.units.contains_key(&unit_id));
        // A reward document lists every unit of its quarter (those paid nothing too): one that
        // does not name this unit was made without it, and says nothing of its money.
        let amount = paid
            .as_ref()
            .filter(|p| p.units.contains_key(&unit_id))
            .map(|p| p.amount);
        let mut unit_paid = paid.and_then(|p| p.units.get_mut(&unit_id));
        let money = unit_paid.as_deref().map(|p| (p.people, p.total));
        let ui = self.unit(&u, &unit_id, i, money);
        if listed_in_rewards == Some(false) {
            self.notes.push(
                NoteKind::RewardsWithoutUnit {
                    quarter: pass.quarter,
                    code: u.code.clone(),
                    name: u.unit.clone(),
                }
                .into(),
            );
        }
        pass.units.insert(ui);
        let before = std::mem::take(&mut self.last[ui]);
        // Each person's key: most are where they stood the quarter before, under the same Mã CB
        // and name, the only person ever of that key, and found without a look-up (what the
        // look-up would find).
        // A cursor follows the list of the quarter before, past people who left (up to two in a
        // row) and people who joined.
        let mut found: Vec<(u32, u32, Option<usize>)> = Vec::with_capacity(u.people.len());
        let mut cursor = 0;
        for p in &u.people {
            let in_place = (cursor..before.len().min(cursor + 3)).find_map(|at| {
                let c = before[at];
                (c != NONE && self.in_place(c as usize, p, ui, i)).then_some((at, c as usize))
            });
            let in_place = in_place.map(|(at, c)| {
                cursor = at + 1;
                c
            });
            found.push(match in_place {
                Some(c) => (self.key_of[c], self.id_of[c], Some(c)),
                None => {
                    let (k, idk) = self.intern(&p.id, &p.name);
                    (k, idk, None)
                }
            });
        }
        let repeated_keys = repeated(found.iter().map(|f| f.0));
        let repeated_ids = repeated(found.iter().map(|f| f.1).filter(|&d| d != NONE));
        self.note_repeats(
            pass.quarter,
            ui,
            &u.people,
            &found,
            &repeated_keys,
            &repeated_ids,
        );
        let mut now = Vec::with_capacity(u.people.len());
        let mut paid_not_dat_any = false;
        for (j, (p, (k, idk, in_place))) in u.people.into_iter().zip(found).enumerate() {
            let (reward, paid_not_dat) = reward_of(&p, amount, unit_paid.as_deref_mut());
            paid_not_dat_any |= paid_not_dat;
            if paid_not_dat {
                self.notes.push(
                    NoteKind::RewardNotDat {
                        quarter: pass.quarter,
                        who: self.who_doc(ui, &p),
                        status: p.status,
                    }
                    .into(),
                );
            }
            pass.total.add(p.status);
            self.count(ui, i, p.status);
            self.mark_seen(pass, k, idk, ui);
            let c = if repeated_keys.binary_search(&k).is_ok() {
                // Who is who among people the unit lists alike cannot be told.
                Some(self.create(ui, k, idk, i, p, reward))
            } else if let Some(c) = in_place {
                self.list(c, i, ui, p, reward);
                Some(c)
            } else {
                let residents: Vec<usize> = self
                    .chain(k)
                    .filter(|&c| !self.is_listed(c, i) && self.people[c].unit() == ui)
                    .collect();
                match residents.as_slice() {
                    [c] => {
                        self.list(*c, i, ui, p, reward);
                        Some(*c)
                    }
                    [] => {
                        pass.newcomers.push(Newcomer {
                            unit: ui,
                            place: j,
                            key: k,
                            idk,
                            person: p,
                            reward,
                        });
                        None
                    }
                    several => {
                        let candidates = several.iter().rev().map(|&c| self.who(c)).collect();
                        let now = self.who_doc(ui, &p);
                        let key = if idk == NONE {
                            PersonKey::Name
                        } else {
                            PersonKey::MaCb
                        };
                        let note = NoteKind::SeveralCandidates {
                            quarter: pass.quarter,
                            now,
                            candidates,
                            key,
                        };
                        self.notes.push(note.into());
                        Some(self.create(ui, k, idk, i, p, reward))
                    }
                }
            };
            now.push(c.map_or(NONE, |c| c as u32));
        }
        self.last[ui] = now;
        // The reward document pays people the unit does not list, or does not list as đạt: the
        // unit's total holds money nobody should have received.
        if paid_not_dat_any || unit_paid.is_some_and(|p| !p.ids.is_empty()) {
            if let Some(q) = self.units[ui].quarters[i].as_mut() {
                q.money = None;
            }
        }
    }

    /// Whether `p`, listed in unit `ui` in quarter `i`, is person `c` as the look-up would find
    /// them: the same `Mã CB` and name as written, in the same unit, not yet listed, and the only
    /// person ever of that key.
    fn in_place(&self, c: usize, p: &PersonDoc, ui: usize, i: usize) -> bool {
        let known = &self.people[c];
        known.id == p.id
            && known.name == p.name
            && !self.is_listed(c, i)
            && known.unit() == ui
            && self.next[c] == NONE
            && self.head[self.key_of[c] as usize] == c as u32
    }

    /// Notes the key of a person listed in unit `ui`: a `Mã CB` and name listed by a second
    /// unit this quarter is kept for a note. Names alone (row numbers) are names of different
    /// people in different units.
    fn mark_seen(&mut self, pass: &mut Pass, k: u32, idk: u32, ui: usize) {
        if idk == NONE {
            return;
        }
        let q = pass.i as u8 + 1;
        let seen = &mut self.seen[k as usize];
        if seen.quarter != q {
            *seen = Seen {
                quarter: q,
                unit: ui as u32,
                several: false,
            };
        } else if seen.unit != ui as u32 && !seen.several {
            seen.several = true;
            pass.several_units.push(k);
        }
    }

    /// The `person-duplicate` notes of a unit: each `Mã CB` listed several times, and each name
    /// listed several times where names stand for `Mã CB`; in the order of their first listing.
    fn note_repeats(
        &mut self,
        quarter: Quarter,
        ui: usize,
        people: &[PersonDoc],
        found: &[(u32, u32, Option<usize>)],
        repeated_keys: &[u32],
        repeated_ids: &[u32],
    ) {
        if repeated_keys.is_empty() && repeated_ids.is_empty() {
            return;
        }
        // (by Mã CB, the key or Mã CB key) → the places listing it.
        let mut groups: Vec<((bool, u32), Vec<usize>)> = Vec::new();
        let mut group_of: HashMap<(bool, u32), usize> = HashMap::default();
        for (j, &(k, idk, _)) in found.iter().enumerate() {
            let what = if idk != NONE { (true, idk) } else { (false, k) };
            let repeats = if idk != NONE {
                repeated_ids.binary_search(&idk).is_ok()
            } else {
                repeated_keys.binary_search(&k).is_ok()
            };
            if repeats {
                let g = *group_of.entry(what).or_insert_with(|| {
                    groups.push((what, Vec::new()));
                    groups.len() - 1
                });
                groups[g].1.push(j);
            }
        }
        for ((by_id, _), places) in groups {
            let listed = places
                .iter()
                .map(|&j| self.who_doc(ui, &people[j]))
                .collect();
            let key = if by_id {
                PersonKey::MaCb
            } else {
                PersonKey::Name
            };
            self.notes.push(
                NoteKind::DuplicateInQuarter {
                    quarter,
                    key,
                    listed,
                }
                .into(),
            );
        }
    }

    /// The interned key and `Mã CB` key ([`NONE`] for a row number) of a person.
    fn intern(&mut self, id: &str, name: &str) -> (u32, u32) {
        let mut idk = std::mem::take(&mut self.id_scratch);
        idk.clear();
        let row = lacks_ma_cb(id);
        if !row {
            text::exact_key_into(id, &mut idk);
        }
        let mut key = std::mem::take(&mut self.scratch);
        person_key((!row).then_some(idk.as_str()), name, &mut key);
        let k = match self.keys.get(key.as_str()) {
            Some(&k) => k,
            None => {
                let k = self.head.len() as u32;
                self.keys.insert(key.clone(), k);
                self.head.push(NONE);
                self.seen.push(Seen::default());
                k
            }
        };
        let d = if row {
            NONE
        } else {
            match self.ids.get(idk.as_str()) {
                Some(&d) => d,
                None => {
                    let d = self.ids.len() as u32;
                    self.ids.insert(idk.clone(), d);
                    d
                }
            }
        };
        self.scratch = key;
        self.id_scratch = idk;
        (k, d)
    }

    /// The unit of a results document: found by its identity, or added; its quarter entry made.
    fn unit(&mut self, u: &UnitDoc, id: &UnitId, i: usize, money: Option<(u32, Decimal)>) -> usize {
        let ui = match self.unit_index.get(id) {
            Some(&ui) => ui,
            None => {
                self.units.push(UnitYear {
                    code: u.code.clone(),
                    name: u.unit.clone(),
                    bloc: u.bloc,
                    quarters: [None; 4],
                });
                self.last.push(Vec::new());
                self.unit_index.insert(id.clone(), self.units.len() - 1);
                self.units.len() - 1
            }
        };
        let unit = &mut self.units[ui];
        if !u.code.trim().is_empty() {
            unit.code.clone_from(&u.code);
        }
        unit.name.clone_from(&u.unit);
        unit.bloc = u.bloc;
        unit.quarters[i].get_or_insert(UnitQuarter {
            bloc: u.bloc,
            counts: Counts::default(),
            money,
        });
        ui
    }

    fn count(&mut self, ui: usize, i: usize, s: Status) {
        if let Some(q) = self.units[ui].quarters[i].as_mut() {
            q.counts.add(s);
        }
    }

    fn is_listed(&self, c: usize, i: usize) -> bool {
        matches!(self.people[c].quarters[i], Slot::Listed(_))
    }

    /// The people of key `k`, latest first.
    fn chain(&self, k: u32) -> impl Iterator<Item = usize> + '_ {
        let mut c = self.head[k as usize];
        std::iter::from_fn(move || {
            (c != NONE).then(|| {
                let here = c as usize;
                c = self.next[here];
                here
            })
        })
    }

    /// The person a newcomer moved from another unit, when there is exactly one: of the same
    /// `Mã CB` and name, in another unit, listed nowhere this quarter.
    fn mover(&self, n: &Newcomer, pass: &Pass) -> Result<usize, Unmoved> {
        if n.idk == NONE {
            // A name stands for the Mã CB within its unit only.
            return Err(Unmoved::Nobody);
        }
        let seen = self.seen[n.key as usize];
        if seen.quarter == pass.i as u8 + 1 && seen.several {
            return Err(Unmoved::SeveralUnits);
        }
        let movers: Vec<usize> = self
            .chain(n.key)
            .filter(|&c| !self.is_listed(c, pass.i) && self.people[c].unit() != n.unit)
            .collect();
        match movers.as_slice() {
            [c] => Ok(*c),
            [] => Err(Unmoved::Nobody),
            several => Err(Unmoved::Several(several.to_vec())),
        }
    }

    /// A person followed into another unit.
    fn moved(&mut self, c: usize, n: Newcomer, quarter: Quarter) {
        let i = usize::from(quarter.q) - 1;
        let from = self.people[c].unit();
        let last = (0..i).rev().find(|&j| self.is_listed(c, j)).unwrap_or(i);
        self.people[c].moves.push(Move {
            quarter,
            last_before: Quarter {
                year: quarter.year,
                q: last as u8 + 1,
            },
            from,
            to: n.unit,
        });
        if let Some(ids) = self.unit_ids.as_mut() {
            ids.add(n.unit, n.idk, c);
        }
        self.stands(n.unit, n.place, c);
        self.list(c, i, n.unit, n.person, n.reward);
    }

    /// A newcomer who did not move: a new person, with the notes of what it could have been.
    fn arrive(&mut self, n: Newcomer, why: Unmoved, pass: &Pass) {
        let (i, quarter) = (pass.i, pass.quarter);
        match why {
            // Said once for the key, when the quarter is linked.
            Unmoved::SeveralUnits => {}
            Unmoved::Several(several) => {
                let candidates = several.iter().rev().map(|&c| self.who(c)).collect();
                let now = self.who_doc(n.unit, &n.person);
                let note = NoteKind::SeveralCandidates {
                    quarter,
                    now,
                    candidates,
                    key: PersonKey::MaCb,
                };
                self.notes.push(note.into());
            }
            // Nobody was seen before.
            Unmoved::Nobody if pass.known == 0 => {}
            Unmoved::Nobody => {
                if let Some(c) = self.other_name(&n, i) {
                    self.note_other_name(quarter, c, n.unit, &n.person);
                } else {
                    for c in self.possible_matches(&n, i) {
                        let note = NoteKind::PossibleMatch {
                            quarter,
                            now: self.who_doc(n.unit, &n.person),
                            before: self.who(c),
                            gap: self.gap(c, &n),
                            same_name: text::exact_key(&self.people[c].name)
                                == text::exact_key(&n.person.name),
                        };
                        self.notes.push(note.into());
                    }
                }
            }
        }
        let c = self.create(n.unit, n.key, n.idk, i, n.person, n.reward);
        self.stands(n.unit, n.place, c);
    }

    /// Person `c` stands at `place` of the unit's latest list: where the next quarter looks
    /// first (a hint only, checked when used; a unit sent twice in a quarter keeps the last).
    fn stands(&mut self, unit: usize, place: usize, c: usize) {
        if let Some(slot) = self.last[unit].get_mut(place) {
            *slot = c as u32;
        }
    }

    /// The latest person listed before in the newcomer's unit under its `Mã CB` and another
    /// name, and not listed this quarter.
    fn other_name(&mut self, n: &Newcomer, i: usize) -> Option<usize> {
        if n.idk == NONE {
            return None;
        }
        let (people, id_of, key_of) = (&self.people, &self.id_of, &self.key_of);
        let ids = self.unit_ids.get_or_insert_with(|| {
            let mut ids = UnitIds::default();
            for (c, p) in people.iter().enumerate() {
                if id_of[c] == NONE {
                    continue;
                }
                let mut units: Vec<usize> = p.listed().map(|l| l.unit).collect();
                units.sort_unstable();
                units.dedup();
                for u in units {
                    ids.add(u, id_of[c], c);
                }
            }
            ids
        });
        ids.of(n.unit, n.idk)
            .filter(|&c| key_of[c] != n.key && people[c].quarters[i].listed().is_none())
            .max()
    }

    /// Why someone of the newcomer's name is not taken for them.
    fn gap(&self, c: usize, n: &Newcomer) -> MatchGap {
        let (then_row, now_row) = (self.id_of[c] == NONE, n.idk == NONE);
        match (then_row, now_row) {
            (false, false) if self.id_of[c] == n.idk => MatchGap::Spelling,
            (false, false) => MatchGap::OtherId,
            (true, true) if self.people[c].unit() == n.unit => MatchGap::Spelling,
            _ => MatchGap::NoId,
        }
    }

    /// People seen before, not listed this quarter, with the newcomer's name.
    fn possible_matches(&mut self, n: &Newcomer, i: usize) -> Vec<usize> {
        if self.people.is_empty() {
            return Vec::new();
        }
        let people = &self.people;
        let by_name = self.by_name.get_or_insert_with(|| {
            use rayon::prelude::*;
            // The keys on every core: the linking itself runs on one.
            let keys: Vec<String> = people.par_iter().map(|p| text::key(&p.name)).collect();
            let mut m: HashMap<String, Vec<u32>> =
                HashMap::with_capacity_and_hasher(keys.len(), Default::default());
            for (c, k) in keys.into_iter().enumerate() {
                m.entry(k).or_default().push(c as u32);
            }
            m
        });
        by_name
            .get(&text::key(&n.person.name))
            .into_iter()
            .flatten()
            .map(|&c| c as usize)
            .filter(|&c| !matches!(people[c].quarters[i], Slot::Listed(_)))
            .collect()
    }

    /// A person's result in quarter `i`.
    fn list(&mut self, c: usize, i: usize, unit: usize, p: PersonDoc, reward: Reward) {
        let person = &mut self.people[c];
        person.name = p.name;
        person.id.clone_from(&p.id);
        person.quarters[i] = Slot::Listed(PersonQuarter {
            unit,
            id: p.id,
            status: p.status,
            reward,
        });
    }

    /// A person not seen before.
    fn create(
        &mut self,
        unit: usize,
        key: u32,
        idk: u32,
        i: usize,
        p: PersonDoc,
        reward: Reward,
    ) -> usize {
        let c = self.people.len();
        if let Some(m) = self.by_name.as_mut() {
            m.entry(text::key(&p.name)).or_default().push(c as u32);
        }
        if let Some(ids) = self.unit_ids.as_mut().filter(|_| idk != NONE) {
            ids.add(unit, idk, c);
        }
        self.people.push(PersonYear {
            id: String::new(),
            name: String::new(),
            quarters: [
                Slot::NotListed,
                Slot::NotListed,
                Slot::NotListed,
                Slot::NotListed,
            ],
            moves: Vec::new(),
        });
        self.key_of.push(key);
        self.id_of.push(idk);
        self.next.push(self.head[key as usize]);
        self.head[key as usize] = c as u32;
        self.list(c, i, unit, p, reward);
        c
    }

    fn who(&self, c: usize) -> Who {
        let p = &self.people[c];
        Who {
            unit: self.units[p.unit()].code.clone(),
            id: p.id.clone(),
            name: p.name.clone(),
        }
    }

    fn who_doc(&self, unit: usize, p: &PersonDoc) -> Who {
        Who {
            unit: self.units[unit].code.clone(),
            id: p.id.clone(),
            name: p.name.clone(),
        }
    }

    /// The note of a `Mã CB` and name listed by several units in quarter `i`.
    fn note_several_units(&mut self, k: u32, i: usize, quarter: Quarter) {
        let mut listed: Vec<usize> = self.chain(k).filter(|&c| self.is_listed(c, i)).collect();
        let unit_of = |c: usize| self.people[c].quarters[i].listed().map_or(0, |l| l.unit);
        listed.sort_by_key(|&c| (unit_of(c), c));
        // One a unit: a unit listing the key twice has its own note.
        listed.dedup_by_key(|c| unit_of(*c));
        let followed = listed
            .iter()
            .filter(|&&c| {
                self.people[c].quarters[..i]
                    .iter()
                    .any(|s| s.listed().is_some())
            })
            .map(|&c| self.units[unit_of(c)].code.clone())
            .collect();
        let listed = listed.iter().map(|&c| self.who(c)).collect();
        self.notes.push(
            NoteKind::TwoUnits {
                quarter,
                listed,
                followed,
            }
            .into(),
        );
    }

    fn note_other_name(&mut self, quarter: Quarter, c: usize, ui: usize, p: &PersonDoc) {
        let (before, now) = (self.people[c].name.clone(), self.who_doc(ui, p));
        self.notes.push(
            NoteKind::SameIdOtherName {
                quarter,
                before,
                now,
            }
            .into(),
        );
    }

    /// People the reward document pays who are not đạt in the results of their unit.
    /// The people a reward document pays whom the results do not list: an error each. Returns
    /// whether the document pays people of a unit that has no results this quarter (its total
    /// then holds money no unit of the year received).
    fn note_unpaid_leftovers(&mut self, pass: &Pass, paid: Paid) -> bool {
        let mut left: Vec<(UnitId, String, String)> = paid
            .units
            .into_iter()
            .flat_map(|(unit_id, u)| {
                let shown = u.shown;
                u.ids
                    .into_values()
                    .map(move |id| (unit_id.clone(), shown.clone(), id))
            })
            .collect();
        left.sort();
        let mut outside = false;
        for (unit_id, unit, id) in left {
            let found = self.unit_index.get(&unit_id);
            outside |= !found.is_some_and(|ui| pass.units.contains(ui));
            self.notes.push(
                NoteKind::RewardUnknownPerson {
                    quarter: pass.quarter,
                    unit,
                    id,
                }
                .into(),
            );
        }
        outside
    }

    /// The units and people in their final order, with the slots of the quarters where a person
    /// has no result, and the notes.
    pub fn finish(mut self, present: [bool; 4]) -> (Vec<UnitYear>, Vec<PersonYear>, Vec<Note>) {
        let rank = unit_ranks(&self.units);
        for p in &mut self.people {
            fill_gaps(p, &self.units, present);
            for q in p.quarters.iter_mut() {
                if let Slot::Listed(l) = q {
                    l.unit = rank[l.unit];
                }
            }
            for m in &mut p.moves {
                (m.from, m.to) = (rank[m.from], rank[m.to]);
            }
        }
        let mut units: Vec<(usize, UnitYear)> = self
            .units
            .into_iter()
            .enumerate()
            .map(|(i, u)| (rank[i], u))
            .collect();
        units.sort_by_key(|(r, _)| *r);
        let units: Vec<UnitYear> = units.into_iter().map(|(_, u)| u).collect();
        // Stable: within a unit, the order of first appearance.
        self.people.sort_by_key(|p| p.unit());
        (units, self.people, self.notes)
    }
}

/// A person's reward in a quarter: only a person đạt can be paid; unknown without a reward
/// document (`amount` none). The person is taken off the unit's list, so that what is left
/// names nobody.
/// A person's reward in a quarter, and whether the reward document pays them although they are
/// not đạt (only people đạt can be rewarded: the payment is taken off the list and said).
fn reward_of(
    p: &PersonDoc,
    amount: Option<Decimal>,
    paid: Option<&mut UnitPaid>,
) -> (Reward, bool) {
    let take = |paid: Option<&mut UnitPaid>| {
        paid.is_some_and(|u| !u.ids.is_empty() && u.ids.remove(&text::exact_key(&p.id)).is_some())
    };
    if p.status != Status::Dat {
        return (Reward::NotPaid, take(paid));
    }
    let Some(amount) = amount else {
        return (Reward::Unknown, false);
    };
    if take(paid) {
        (Reward::Paid(amount), false)
    } else {
        (Reward::NotPaid, false)
    }
}

/// Each unit's place in the final order: by bloc, then first appearance.
fn unit_ranks(units: &[UnitYear]) -> Vec<usize> {
    let bloc_rank = |b: Bloc| Bloc::ALL.iter().position(|x| *x == b).unwrap_or(0);
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| bloc_rank(units[i].bloc));
    let mut rank = vec![0; units.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// The quarters where the person has no result: the year lacks the quarter, the unit they were
/// in (the nearest quarter listed before, else after) sent nothing, or they were not listed.
fn fill_gaps(p: &mut PersonYear, units: &[UnitYear], present: [bool; 4]) {
    let unit_at = |p: &PersonYear, i: usize| p.quarters[i].listed().map(|l| l.unit);
    for (i, &present) in present.iter().enumerate() {
        if p.quarters[i].listed().is_some() {
            continue;
        }
        let unit = (0..i)
            .rev()
            .find_map(|j| unit_at(p, j))
            .or_else(|| (i + 1..4).find_map(|j| unit_at(p, j)));
        p.quarters[i] = if !present {
            Slot::QuarterMissing
        } else if unit.is_some_and(|u| units[u].quarters[i].is_none()) {
            Slot::UnitNotSent
        } else {
            Slot::NotListed
        };
    }
}

/// The values that occur more than once, sorted.
fn repeated(values: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = values.collect();
    v.sort_unstable();
    let mut out: Vec<u32> = v
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_numbers_and_empty_ids_are_no_ma_cb() {
        for id in ["dong-7", "dong-10", "", "  "] {
            assert!(lacks_ma_cb(id), "{id}");
        }
        for id in ["dong-", "dong-7a", "Dong-7", "CB7", "dòng-7", "0"] {
            assert!(!lacks_ma_cb(id), "{id}");
        }
    }

    #[test]
    fn keys_keep_the_ma_cb_and_the_name_apart() {
        let key = |id: Option<&str>, name: &str| {
            let mut k = String::new();
            person_key(id, name, &mut k);
            k
        };
        assert_eq!(key(Some("cb1"), "An"), key(Some("cb1"), "  AN "));
        assert_ne!(key(Some("cb1"), "An"), key(Some("cb1"), "Ân"));
        // No Mã CB and name run into another pair, and a name alone is no Mã CB.
        assert_ne!(key(Some("a"), "bc"), key(Some("ab"), "c"));
        assert_ne!(key(None, "an"), key(Some(""), "an"));
        assert_ne!(key(None, "1:an"), key(Some("an"), ""));
    }

    #[test]
    fn values_that_occur_more_than_once() {
        assert_eq!(repeated([3, 1, 3, 2, 3, 1].into_iter()), [1, 3]);
        assert!(repeated([1, 2, 3].into_iter()).is_empty());
        assert!(repeated(std::iter::empty()).is_empty());
    }
}
