//! Following units and people across the quarters of a year.
//!
//! The results document (SPEC §5) gives each person a `Mã CB` (`id`) and a name in a unit, and
//! no birth date; so the year's identity rules use those:
//! - a **unit** is its code (compared as names are: case, spacing, diacritics aside);
//! - a **person** is the same from one quarter to the next when listed in the same unit under
//!   the same `Mã CB` and the same name (compared the same way). A mẫu 06 typed by hand has no
//!   `Mã CB` column, and its people get a row number (`dong-7`) as id: there the name stands in
//!   for the `Mã CB`;
//! - a person listed in a unit for the first time **moved** there when exactly one person of
//!   another unit, not listed anywhere that quarter, has the same `Mã CB` and the same name;
//! - whatever is not certain is said, never guessed: the same `Mã CB` under another name in a
//!   unit is a new person (`person-ambiguous`); several people who could have moved, a new
//!   person (`person-ambiguous`); a new person with the name of someone no longer listed but
//!   another `Mã CB`, a new person (`person-possible-match`); a `Mã CB` twice in a unit in one
//!   quarter, two people (`person-duplicate`).
//!
//! Each quarter is linked in two passes, so that who is listed in the quarter is known before
//! anyone is taken for a mover: people found in their own unit first, then the newcomers. Keys
//! are interned once (one hash look-up a person a quarter) and the people of a key are chained,
//! so nothing is compared pairwise and a city's year links in a fraction of a second.

use super::notes::{Note, NoteKind, Who};
use super::{Counts, Move, PersonQuarter, PersonYear, Reward, Slot, UnitQuarter, UnitYear};
use crate::model::{Bloc, Quarter, Status};
use crate::reader::run_outputs::{PersonDoc, RewardDoc, UnitDoc};
use crate::text;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// The end of a chain of people.
const NONE: u32 = u32::MAX;

/// Writes into `out` the key of a person inside a unit: the `Mã CB` compared as [`text::key`]
/// compares names, or (marked apart) the name where the id only numbers a row.
fn person_key(id: &str, name: &str, out: &mut String) {
    out.clear();
    if is_row_number(id) {
        out.push('\u{0}');
        out.push_str(&text::key(name));
    } else if id.is_ascii() {
        ascii_key(id, out);
    } else {
        out.push_str(&text::key(id));
    }
}

/// [`text::key`] of an ASCII text, without allocating: lower case, every run of characters that
/// are not letters or digits one space, trimmed.
fn ascii_key(s: &str, out: &mut String) {
    let mut pending_space = false;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            pending_space = true;
        }
    }
}

/// The id given to a person of a mẫu 06 typed by hand without a `Mã CB` column: `dong-N`.
fn is_row_number(id: &str) -> bool {
    id.strip_prefix("dong-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether two names are the same as [`text::key`] compares them (case, diacritics, spacing
/// aside), without building the keys: different names differ within their first letters.
fn same_name(a: &str, b: &str) -> bool {
    a == b || key_chars(a).eq(key_chars(b))
}

/// The characters of [`text::key`]`(s)`, one by one.
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut pending_space = false;
    let mut started = false;
    s.chars()
        .flat_map(key_base)
        .flat_map(char::to_lowercase)
        .flat_map(move |c| {
            if !c.is_alphanumeric() {
                pending_space = true;
                return [None, None];
            }
            let space = (pending_space && started).then_some(' ');
            pending_space = false;
            started = true;
            [space, Some(c)]
        })
        .flatten()
}

/// The letter [`text::key`] keeps of a character: its base letter without marks (đ → d), none
/// for a combining mark.
fn key_base(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if matches!(c, 'đ' | 'Đ') {
        return Some('d');
    }
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base.is_none() && !is_mark(d) {
            base = Some(d);
        }
    });
    match base {
        Some(b) => Some(b),
        None if is_mark(c) => None,
        None => Some(c),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Who a reward document pays in one unit.
struct UnitPaid {
    /// `Mã CB` key → the `Mã CB` as written; taken off as people are found.
    ids: HashMap<String, String>,
    people: u32,
    total: Decimal,
}

/// Who was paid in a quarter, by unit key.
struct Paid {
    amount: Decimal,
    units: HashMap<String, UnitPaid>,
}

impl Paid {
    fn of(r: &RewardDoc) -> Paid {
        let mut units = HashMap::new();
        for u in &r.units {
            let ids = u
                .accepted
                .iter()
                .map(|id| (text::key(id), id.clone()))
                .collect();
            let paid = UnitPaid {
                ids,
                people: u.accepted.len() as u32,
                total: u.total,
            };
            units.insert(text::key(&u.code), paid);
        }
        Paid {
            amount: r.amount_per_person,
            units,
        }
    }
}

/// What the look-up in a unit found for a person.
enum Direct {
    Linked(usize),
    /// The `Mã CB` is already taken in the unit this quarter.
    Duplicate,
    /// The `Mã CB` was someone else's in this unit.
    OtherName(usize),
    New,
}

/// The people and units seen so far.
#[derive(Default)]
pub struct Linker {
    units: Vec<UnitYear>,
    unit_index: HashMap<String, usize>,
    /// Per unit: its people in the order of the latest quarter it sent ([`NONE`] where a
    /// newcomer stood), for the look-up by place.
    last: Vec<Vec<u32>>,
    people: Vec<PersonYear>,
    /// Person keys, interned.
    keys: HashMap<String, u32>,
    /// Per key: the latest person created with it, the head of a chain through `next`.
    head: Vec<u32>,
    /// Per person: the person created before it with the same key, or [`NONE`].
    next: Vec<u32>,
    /// Name key → people; built the first time a newcomer is not a mover.
    by_name: Option<HashMap<String, Vec<u32>>>,
    notes: Vec<Note>,
    /// Room to build keys in.
    scratch: String,
}

/// What the passes over one quarter carry.
struct Pass {
    i: usize,
    quarter: Quarter,
    newcomers: Vec<Newcomer>,
    total: Counts,
    /// The units of the quarter.
    units: HashSet<usize>,
}

/// A person of the quarter not found in their unit by the first pass.
struct Newcomer {
    unit: usize,
    key: u32,
    person: PersonDoc,
    reward: Reward,
}

impl Linker {
    /// Links the units and people of quarter `i`; returns the number of units and the counts.
    pub fn add_quarter(
        &mut self,
        i: usize,
        quarter: Quarter,
        units: Vec<UnitDoc>,
        rewards: Option<&RewardDoc>,
    ) -> (u32, Counts) {
        let mut paid = rewards.map(Paid::of);
        let mut pass = Pass {
            i,
            quarter,
            newcomers: Vec::new(),
            total: Counts::default(),
            units: HashSet::new(),
        };
        // Room for everyone of the quarter being new, so that the people are never moved.
        self.people
            .reserve(units.iter().map(|u| u.people.len()).sum());
        for u in units {
            self.take_unit(&mut pass, u, paid.as_mut());
        }
        for n in std::mem::take(&mut pass.newcomers) {
            self.arrive(n, i, quarter);
        }
        if let Some(paid) = paid {
            self.note_unpaid_leftovers(quarter, paid);
        }
        (pass.units.len() as u32, pass.total)
    }

    fn take_unit(&mut self, pass: &mut Pass, u: UnitDoc, paid: Option<&mut Paid>) {
        let unit_key = text::key(&u.code);
        let amount = paid.as_ref().map(|p| p.amount);
        let mut unit_paid = paid.and_then(|p| p.units.get_mut(&unit_key));
        // With a reward document, a unit it does not name was paid nothing.
        let money = amount.map(|_| {
            unit_paid
                .as_deref()
                .map_or((0, Decimal::ZERO), |p| (p.people, p.total))
        });
        let ui = self.unit(&u, unit_key, pass.i, money);
        pass.units.insert(ui);
        let before = std::mem::take(&mut self.last[ui]);
        let mut now = Vec::with_capacity(u.people.len());
        for (j, p) in u.people.into_iter().enumerate() {
            let reward = reward_of(&p, amount, unit_paid.as_deref_mut());
            let same_place = before
                .get(j)
                .filter(|&&c| c != NONE)
                .map(|&c| c as usize)
                .filter(|&c| {
                    let known = &self.people[c];
                    known.id == p.id && known.name == p.name && !self.is_listed(c, pass.i)
                });
            let c = match same_place {
                // Most people are where they were the quarter before, under the same Mã CB and
                // name: found without a look-up.
                Some(c) => {
                    pass.total.add(p.status);
                    self.count(ui, pass.i, p.status);
                    self.list(c, pass.i, ui, p, reward);
                    Some(c)
                }
                None => self.take_person(pass, ui, p, reward),
            };
            now.push(c.map_or(NONE, |c| c as u32));
        }
        self.last[ui] = now;
    }

    /// The first pass for one person: found in their unit, or a newcomer for the second pass.
    /// Returns the person, unless a newcomer.
    fn take_person(
        &mut self,
        pass: &mut Pass,
        ui: usize,
        p: PersonDoc,
        reward: Reward,
    ) -> Option<usize> {
        let i = pass.i;
        pass.total.add(p.status);
        self.count(ui, i, p.status);
        let key = self.intern(&p.id, &p.name);
        match self.direct(ui, key, &p.name, i) {
            Direct::Linked(c) => {
                self.list(c, i, ui, p, reward);
                Some(c)
            }
            Direct::Duplicate => {
                self.note_duplicate(pass.quarter, ui, &p);
                Some(self.create(ui, key, i, p, reward))
            }
            Direct::OtherName(c) => {
                self.note_other_name(pass.quarter, c, ui, &p);
                Some(self.create(ui, key, i, p, reward))
            }
            Direct::New => {
                pass.newcomers.push(Newcomer {
                    unit: ui,
                    key,
                    person: p,
                    reward,
                });
                None
            }
        }
    }

    /// The interned key of a person.
    fn intern(&mut self, id: &str, name: &str) -> u32 {
        let mut key = std::mem::take(&mut self.scratch);
        person_key(id, name, &mut key);
        let k = match self.keys.get(key.as_str()) {
            Some(&k) => k,
            None => {
                let k = self.head.len() as u32;
                self.keys.insert(key.clone(), k);
                self.head.push(NONE);
                k
            }
        };
        self.scratch = key;
        k
    }

    /// The unit of a results document: found by code, or added; its quarter entry made.
    fn unit(&mut self, u: &UnitDoc, key: String, i: usize, money: Option<(u32, Decimal)>) -> usize {
        let ui = match self.unit_index.get(&key) {
            Some(&ui) => ui,
            None => {
                self.units.push(UnitYear {
                    code: u.code.clone(),
                    name: u.unit.clone(),
                    bloc: u.bloc,
                    quarters: [None; 4],
                });
                self.unit_index.insert(key, self.units.len() - 1);
                self.last.push(Vec::new());
                self.units.len() - 1
            }
        };
        let unit = &mut self.units[ui];
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

    /// Whether the person was ever listed in unit `ui`.
    fn was_in(&self, c: usize, ui: usize) -> bool {
        self.people[c].listed().any(|l| l.unit == ui)
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

    /// The look-up of a person in their own unit.
    fn direct(&self, ui: usize, k: u32, name: &str, i: usize) -> Direct {
        let mut other = None;
        let mut taken = false;
        for c in self.chain(k).filter(|&c| self.was_in(c, ui)) {
            if self.is_listed(c, i) {
                taken = true;
            } else if same_name(&self.people[c].name, name) {
                return Direct::Linked(c);
            } else {
                other.get_or_insert(c);
            }
        }
        match (taken, other) {
            (true, _) => Direct::Duplicate,
            (false, Some(c)) => Direct::OtherName(c),
            (false, None) => Direct::New,
        }
    }

    /// The second pass: a newcomer to the unit moved from another one, or is new.
    fn arrive(&mut self, n: Newcomer, i: usize, quarter: Quarter) {
        // Two newcomers of one key in one unit: the second is a duplicate.
        if let Direct::Duplicate = self.direct(n.unit, n.key, &n.person.name, i) {
            self.note_duplicate(quarter, n.unit, &n.person);
            self.create(n.unit, n.key, i, n.person, n.reward);
            return;
        }
        let movers: Vec<usize> = self
            .chain(n.key)
            .filter(|&c| {
                !self.is_listed(c, i)
                    && self.people[c].unit() != n.unit
                    && same_name(&self.people[c].name, &n.person.name)
            })
            .collect();
        match movers.as_slice() {
            [c] => self.moved(*c, n, i, quarter),
            [] => {
                for c in self.possible_matches(&n, i) {
                    let (before, now) = (self.who(c), self.who_doc(n.unit, &n.person));
                    let note = NoteKind::PossibleMatch {
                        quarter,
                        now,
                        before,
                    };
                    self.notes.push(note.into());
                }
                self.create(n.unit, n.key, i, n.person, n.reward);
            }
            several => {
                let candidates = several.iter().rev().map(|&c| self.who(c)).collect();
                let now = self.who_doc(n.unit, &n.person);
                let note = NoteKind::SeveralCandidates {
                    quarter,
                    now,
                    candidates,
                };
                self.notes.push(note.into());
                self.create(n.unit, n.key, i, n.person, n.reward);
            }
        }
    }

    /// A person followed into another unit.
    fn moved(&mut self, c: usize, n: Newcomer, i: usize, quarter: Quarter) {
        let from = self.people[c].unit();
        self.people[c].moves.push(Move {
            quarter,
            from,
            to: n.unit,
        });
        self.list(c, i, n.unit, n.person, n.reward);
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
            let mut m: HashMap<String, Vec<u32>> = HashMap::with_capacity(keys.len());
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
    fn create(&mut self, unit: usize, key: u32, i: usize, p: PersonDoc, reward: Reward) -> usize {
        let c = self.people.len();
        if let Some(m) = self.by_name.as_mut() {
            m.entry(text::key(&p.name)).or_default().push(c as u32);
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

    fn note_duplicate(&mut self, quarter: Quarter, ui: usize, p: &PersonDoc) {
        let who = self.who_doc(ui, p);
        self.notes
            .push(NoteKind::DuplicateInQuarter { quarter, who }.into());
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
    fn note_unpaid_leftovers(&mut self, quarter: Quarter, paid: Paid) {
        let mut left: Vec<(String, String)> = paid
            .units
            .into_iter()
            .flat_map(|(unit_key, u)| u.ids.into_values().map(move |id| (unit_key.clone(), id)))
            .collect();
        left.sort();
        for (unit_key, id) in left {
            let unit = self
                .unit_index
                .get(&unit_key)
                .map_or(unit_key.clone(), |&u| self.units[u].code.clone());
            self.notes
                .push(NoteKind::RewardUnknownPerson { quarter, unit, id }.into());
        }
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
fn reward_of(p: &PersonDoc, amount: Option<Decimal>, paid: Option<&mut UnitPaid>) -> Reward {
    if p.status != Status::Dat {
        return Reward::NotPaid;
    }
    let Some(amount) = amount else {
        return Reward::Unknown;
    };
    let paid = paid.is_some_and(|u| !u.ids.is_empty() && u.ids.remove(&text::key(&p.id)).is_some());
    if paid {
        Reward::Paid(amount)
    } else {
        Reward::NotPaid
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_text_keys_do() {
        let names = [
            "Nguyễn Văn An",
            "NGUYỄN  VĂN AN",
            "Nguye\u{0302}\u{0303}n Va\u{0306}n An",
            "  Đỗ Thị-Lan ",
            "do thi lan",
            "Lê Thị Hoa",
            "Lê Thị Hòa",
            "A\u{0301}",
            "\u{0301}",
            "",
            "  ",
            "Ông Thị Hằng",
            "ÔNG THỊ HẰNG",
        ];
        for a in names {
            assert_eq!(key_chars(a).collect::<String>(), text::key(a), "{a:?}");
            for b in names {
                assert_eq!(same_name(a, b), text::key(a) == text::key(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn ascii_keys_are_text_keys() {
        for id in [
            "CQ00032-25",
            "  tckh 01 ",
            "A--b__C",
            "NV01",
            "",
            "--",
            "x/y.z",
        ] {
            let mut k = String::new();
            person_key(id, "", &mut k);
            assert_eq!(k, text::key(id), "{id:?}");
        }
        let mut k = String::new();
        person_key("Mã Đặc biệt", "", &mut k);
        assert_eq!(k, text::key("Mã Đặc biệt"));
        person_key("dong-7", "Hà Văn Tú", &mut k);
        assert_eq!(k, format!("\u{0}{}", text::key("Hà Văn Tú")));
    }
}
