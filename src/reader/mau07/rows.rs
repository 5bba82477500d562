//! The rows of a mẫu 07 table. Each row is one of: a unit (counted); a group heading ("I",
//! "A", "Khối Mầm non", a number whose sub-items follow as "1.1" or "a)") — never a unit, and
//! when it carries numbers they are checked against its units below; a subtotal ("Cộng",
//! "Cộng khối …") or a total ("Tổng cộng", "Toàn khối") — checked against the units it sums,
//! never counted; the row of column numbers under a header ("(1) (2) (3)"); or a line of text
//! (notes, signatures) — skipped. Rows are read until the total that follows the units.

use super::{Columns, Ctx, UnitRow, LABELS};
use crate::district::UnitLine;
use crate::finding::{Detail, Mau07At, Mau07Check};
use crate::model::{Bloc, MAX_COUNT};
use crate::profile::Profile;
use crate::reader::layout::Header;
use crate::reader::{display, Grid};
use crate::text::{self, a1};
use calamine::Data;
use std::collections::HashSet;

/// The sheet and bloc of a table, for the findings' places and words.
pub struct Place<'a> {
    pub sheet: &'a str,
    pub bloc: &'a str,
}

impl Place<'_> {
    fn at(&self, row: u32) -> Mau07At {
        Mau07At {
            row: row + 1,
            bloc: self.bloc.to_string(),
        }
    }
}

/// A count cell as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cnt {
    Blank,
    N(u32),
    /// Not a number of people: text, a fraction, negative, beyond [`MAX_COUNT`].
    Bad,
}

/// A count of people typed in a mẫu 07 cell: a whole number from 0 to [`MAX_COUNT`], typed or
/// stored as text (" 12 ", "1.234" or "1 234" with thousands grouped, "-" for none).
pub fn count(d: &Data) -> Cnt {
    match d {
        Data::Empty => Cnt::Blank,
        Data::Int(i) => u32::try_from(*i)
            .ok()
            .filter(|n| *n <= MAX_COUNT)
            .map_or(Cnt::Bad, Cnt::N),
        Data::Float(f) if f.fract() == 0.0 && (0.0..=f64::from(MAX_COUNT)).contains(f) => {
            Cnt::N(*f as u32)
        }
        Data::String(s) => count_text(s),
        _ => Cnt::Bad,
    }
}

fn count_text(s: &str) -> Cnt {
    let t = s.trim();
    if t.is_empty() {
        return Cnt::Blank;
    }
    if matches!(t, "-" | "–" | "—") {
        return Cnt::N(0);
    }
    match grouped_digits(t).and_then(|d| d.parse::<u32>().ok()) {
        Some(n) if n <= MAX_COUNT => Cnt::N(n),
        _ => Cnt::Bad,
    }
}

/// The digits of a whole number, thousands grouped or not ("1.234", "1,234", "1 234"); `None`
/// for anything else ("1,5" is no number of people).
fn grouped_digits(t: &str) -> Option<String> {
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(t.to_string());
    }
    let sep = t.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '.' | ',' | ' ' | '\u{a0}') {
        return None;
    }
    let groups: Vec<&str> = t.split(sep).collect();
    let digits = |g: &&str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let ok = groups.iter().all(digits)
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| groups.concat())
}

/// The two equations of a row, as (whole, part, part) indices of [`super::COUNTS`]:
/// people = evaluated + not evaluated; evaluated = đạt + không đạt.
const EQUATIONS: [(usize, usize, usize); 2] = [(0, 2, 1), (2, 3, 4)];

/// The numbers of a row once the equations have filled in what the written ones determine.
pub struct Solved {
    pub values: [Option<i64>; 5],
    /// For each value worked out rather than read: the equation it came from.
    pub derived: [Option<usize>; 5],
}

/// Fills in each number that an equation determines from the other two.
pub fn solve(read: [Option<i64>; 5]) -> Solved {
    let mut v = read;
    let mut derived = [None; 5];
    for _ in 0..EQUATIONS.len() {
        for (e, &(w, a, b)) in EQUATIONS.iter().enumerate() {
            let (slot, value) = match (v[w], v[a], v[b]) {
                (None, Some(x), Some(y)) => (w, x + y),
                (Some(t), None, Some(y)) => (a, t - y),
                (Some(t), Some(x), None) => (b, t - x),
                _ => continue,
            };
            v[slot] = Some(value);
            derived[slot] = Some(e);
        }
    }
    Solved { values: v, derived }
}

/// The `STT` of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stt {
    Blank,
    /// "1", "2.", "1.2": a unit, or a group when sub-items follow.
    Number(String),
    /// "a", "b)": a sub-item.
    Sub,
    /// "I", "II", "A": a group.
    Group,
    /// Anything else ("Tổng cộng" merged over STT and Đơn vị, a signature).
    Text,
}

fn stt_of(d: &Data, t: &str) -> Stt {
    if let Data::Float(f) = d {
        if f.fract() == 0.0 && *f >= 0.0 && *f < 1e6 {
            return Stt::Number(format!("{}", *f as u32));
        }
    }
    let t = t.trim().trim_end_matches(['.', ')']).trim();
    let numbered = !t.is_empty()
        && t.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if t.is_empty() {
        Stt::Blank
    } else if numbered {
        Stt::Number(t.to_string())
    } else if is_roman(t) || (t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase()) {
        Stt::Group
    } else if t.len() == 1 && t.as_bytes()[0].is_ascii_lowercase() {
        Stt::Sub
    } else {
        Stt::Text
    }
}

fn is_roman(t: &str) -> bool {
    const ROMAN: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMAN.contains(&t)
}

/// A label that opens a group: "Khối Mầm non", "Nhóm …", "Các phường", "I. …", "II- …".
fn group_label(label: &str) -> bool {
    let k = text::key(label);
    let first = label
        .split(|c: char| c == '.' || c == '-' || c == ')' || c.is_whitespace())
        .next()
        .unwrap_or("");
    ["khoi ", "nhom ", "cac "].iter().any(|p| k.starts_with(p))
        || (is_roman(first) && label.len() > first.len())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SumKind {
    /// The units since the last group heading or subtotal.
    Subtotal,
    /// Every unit of the table.
    Total,
}

/// A row label that sums units. "Cộng" is told from "Công …" (a unit such as "Công an phường")
/// by its diacritics; a label typed without any is read by its key.
fn sum_label(label: &str) -> Option<SumKind> {
    let l = label.to_lowercase();
    let k = text::key(label);
    let total = [
        "tổng cộng",
        "tổng số",
        "toàn khối",
        "cộng toàn",
        "tổng toàn",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || l == "tổng"
        || (label.is_ascii()
            && ["tong cong", "tong", "tong so", "toan khoi"].contains(&k.as_str()));
    let sub = l == "cộng"
        || l.starts_with("cộng ")
        || l.starts_with("cộng:")
        || (label.is_ascii() && (k == "cong" || k.starts_with("cong khoi ")));
    if total {
        Some(SumKind::Total)
    } else if sub {
        Some(SumKind::Subtotal)
    } else {
        None
    }
}

/// One row as read.
struct Line {
    row: u32,
    stt: Stt,
    name: String,
    /// The name, else the first text of the row (a "Tổng cộng" merged over STT and Đơn vị).
    label: String,
    counts: [Option<Cnt>; 5],
    /// The count cells as the clerk sees them, for messages.
    shown: [String; 5],
    note: String,
}

impl Line {
    fn read(cx: &mut Ctx, grid: &Grid, place: &Place, cols: &Columns, row: u32) -> Line {
        let sheet = place.sheet;
        let stt = cols.stt.map_or(Stt::Blank, |c| {
            let t = cx.text(grid, sheet, row, c);
            stt_of(grid.get(row, c), &t)
        });
        let name = cx.text(grid, sheet, row, cols.name);
        let label = if name.is_empty() {
            first_text(cx, grid, sheet, row)
        } else {
            name.clone()
        };
        Line {
            row,
            stt,
            name,
            label,
            counts: cols.nums.map(|c| c.map(|c| count(grid.get(row, c)))),
            shown: cols
                .nums
                .map(|c| c.map(|c| display(grid.get(row, c))).unwrap_or_default()),
            note: cols
                .note
                .map(|c| cx.text(grid, sheet, row, c))
                .unwrap_or_default(),
        }
    }

    fn has_numbers(&self) -> bool {
        self.counts.iter().any(|c| matches!(c, Some(Cnt::N(_))))
    }

    fn all_blank(&self) -> bool {
        self.counts
            .iter()
            .all(|c| matches!(c, None | Some(Cnt::Blank)))
    }
}

fn first_text(cx: &mut Ctx, grid: &Grid, sheet: &str, row: u32) -> String {
    let first = grid
        .filled(row)
        .find(|(_, d)| matches!(d, Data::String(_)))
        .map(|(c, _)| c);
    first
        .map(|c| cx.text(grid, sheet, row, c))
        .unwrap_or_default()
}

/// The row of column numbers under a header: "(1) (2) (3) …", "A B 1 2 3 …", maybe "5=6+7":
/// every filled cell a number (or a letter before them), the numbers consecutive.
fn is_numbering_row(grid: &Grid) -> impl Fn(u32) -> bool + '_ {
    move |row| {
        let mut nums: Vec<i64> = Vec::new();
        for (_, d) in grid.filled(row) {
            let t = display(d);
            let t = t.split('=').next().unwrap_or("").trim();
            let t = t.trim_start_matches('(').trim_end_matches(')');
            match t.parse::<i64>() {
                Ok(n) => nums.push(n),
                Err(_)
                    if nums.is_empty() && t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase() => {}
                Err(_) => return false,
            }
        }
        nums.len() >= 3 && nums.windows(2).all(|w| w[1] == w[0] + 1)
    }
}

enum Kind {
    Skip,
    /// A group heading; `level` 1 is the outermost.
    Group {
        level: u8,
    },
    Sum(SumKind),
    Unit,
    NoName,
}

fn classify(line: &Line, parents: &HashSet<u32>) -> Kind {
    if text::key(&line.label).starts_with("trong do") {
        return Kind::Skip;
    }
    if let Some(kind) = sum_label(&line.label) {
        return if line.has_numbers() {
            Kind::Sum(kind)
        } else {
            Kind::Skip
        };
    }
    match &line.stt {
        Stt::Group => Kind::Group { level: 1 },
        Stt::Number(n) if parents.contains(&line.row) => Kind::Group {
            level: 2 + n.matches('.').count().min(5) as u8,
        },
        Stt::Number(_) | Stt::Sub if line.name.is_empty() => {
            if line.has_numbers() {
                Kind::NoName
            } else {
                Kind::Skip
            }
        }
        Stt::Number(_) | Stt::Sub => Kind::Unit,
        Stt::Blank | Stt::Text if group_label(&line.label) => Kind::Group { level: 1 },
        Stt::Blank if !line.name.is_empty() && line.all_blank() => Kind::Group { level: 9 },
        Stt::Blank | Stt::Text if !line.has_numbers() => Kind::Skip,
        Stt::Blank | Stt::Text if line.name.is_empty() => Kind::NoName,
        Stt::Blank | Stt::Text => Kind::Unit,
    }
}

/// The rows of numbered items that have sub-items ("1" above "1.1", or above "a)").
fn parents(cx: &mut Ctx, grid: &Grid, place: &Place, cols: &Columns, start: u32) -> HashSet<u32> {
    let Some(c) = cols.stt else {
        return HashSet::new();
    };
    let mut numbered: Vec<(u32, Stt)> = Vec::new();
    for row in start..grid.row_end() {
        let t = cx.text(grid, place.sheet, row, c);
        let stt = stt_of(grid.get(row, c), &t);
        if matches!(stt, Stt::Number(_) | Stt::Sub | Stt::Group) {
            numbered.push((row, stt));
        }
    }
    let mut out = HashSet::new();
    for (i, (row, stt)) in numbered.iter().enumerate() {
        let Stt::Number(n) = stt else { continue };
        let prefix = format!("{n}.");
        let sub_follows = matches!(numbered.get(i + 1), Some((_, Stt::Sub)));
        let dotted = numbered[i + 1..]
            .iter()
            .any(|(_, s)| matches!(s, Stt::Number(m) if m.starts_with(&prefix)));
        if sub_follows || dotted {
            out.insert(*row);
        }
    }
    out
}

/// A group being read: its level, its first unit, and its own numbers when it has some.
struct Open {
    level: u8,
    start: usize,
    sums: Option<Line>,
}

/// The walk down the rows of one table.
struct Walk<'c, 'a, 'p> {
    cx: &'c mut Ctx<'a>,
    place: &'p Place<'p>,
    cols: &'p Columns,
    units: Vec<UnitRow>,
    open: Vec<Open>,
    /// The first unit a subtotal sums.
    section: usize,
    /// A total written above the units.
    leading: Option<Line>,
}

/// Reads the units of a table from `start`, checking every group, subtotal and total row.
pub fn read(cx: &mut Ctx, grid: &Grid, place: &Place, cols: &Columns, start: u32) -> Vec<UnitRow> {
    let parents = parents(cx, grid, place, cols, start);
    let mut w = Walk {
        cx,
        place,
        cols,
        units: Vec::new(),
        open: Vec::new(),
        section: 0,
        leading: None,
    };
    let numbering = is_numbering_row(grid);
    for row in start..grid.row_end() {
        if grid.is_row_empty(row) || numbering(row) {
            continue;
        }
        let line = Line::read(w.cx, grid, place, cols, row);
        if w.step(line, &parents) {
            break;
        }
    }
    w.close(0);
    if let Some(total) = w.leading.take() {
        w.check(&total, 0..w.units.len());
    }
    w.units
}

impl Walk<'_, '_, '_> {
    /// Takes one row; `true` when it is the total that ends the table.
    fn step(&mut self, line: Line, parents: &HashSet<u32>) -> bool {
        match classify(&line, parents) {
            Kind::Skip => {}
            Kind::Group { level } => {
                self.close(level);
                let sums = line.has_numbers().then_some(line);
                self.open.push(Open {
                    level,
                    start: self.units.len(),
                    sums,
                });
                self.section = self.units.len();
            }
            Kind::Sum(SumKind::Subtotal) => {
                self.check(&line, self.section..self.units.len());
                self.section = self.units.len();
            }
            Kind::Sum(SumKind::Total) if self.units.is_empty() => {
                self.leading.get_or_insert(line);
            }
            Kind::Sum(SumKind::Total) => {
                self.close(0);
                self.check(&line, 0..self.units.len());
                return true;
            }
            Kind::NoName => {
                let at = self.place.at(line.row);
                let cell = a1(line.row, self.cols.name);
                self.cx.push(
                    Some(self.place.sheet),
                    Some(cell),
                    Detail::Mau07NoName { at },
                );
            }
            Kind::Unit => {
                if let Some(u) = unit(self.cx, self.place, self.cols, line) {
                    self.units.push(u);
                }
            }
        }
        false
    }

    /// Ends the open groups of `level` and deeper, checking those that carry numbers.
    fn close(&mut self, level: u8) {
        while self.open.last().is_some_and(|o| o.level >= level) {
            let Some(open) = self.open.pop() else { break };
            if let Some(line) = &open.sums {
                self.check(line, open.start..self.units.len());
            }
        }
    }

    /// Checks the numbers written on a group, subtotal or total row against its units.
    fn check(&mut self, line: &Line, range: std::ops::Range<usize>) {
        let units = &self.units[range];
        let rows = units
            .first()
            .zip(units.last())
            .map(|(a, b)| (a.row + 1, b.row + 1));
        for (i, label) in LABELS.iter().enumerate() {
            let (Some(Cnt::N(written)), Some(col)) = (line.counts[i], self.cols.nums[i]) else {
                continue;
            };
            let sum: u64 = units.iter().map(|u| value(&u.line, i)).sum();
            if u64::from(written) != sum {
                self.cx.push(
                    Some(self.place.sheet),
                    Some(a1(line.row, col)),
                    Detail::Mau07TotalRow {
                        at: self.place.at(line.row),
                        label: line.label.clone(),
                        column: label,
                        written: written.into(),
                        sum,
                        units: rows,
                    },
                );
            }
        }
    }
}

fn value(l: &UnitLine, i: usize) -> u64 {
    u64::from([l.people, l.not_evaluated, l.evaluated, l.dat, l.khong_dat][i])
}

/// A unit row: its numbers read, the missing ones worked out, both equations checked.
fn unit(cx: &mut Ctx, place: &Place, cols: &Columns, line: Line) -> Option<UnitRow> {
    let at = place.at(line.row);
    let here = |i: usize| cols.nums[i].map(|c| a1(line.row, c));
    if line.all_blank() {
        let cell = Some(a1(line.row, cols.name));
        let unit = line.name.clone();
        cx.push(Some(place.sheet), cell, Detail::Mau07NoNumbers { at, unit });
        return None;
    }
    let mut bad = false;
    for (i, column) in LABELS.iter().enumerate() {
        if line.counts[i] == Some(Cnt::Bad) {
            bad = true;
            let detail = Detail::CountInvalid {
                at: at.clone(),
                column,
                value: line.shown[i].clone(),
            };
            cx.push(Some(place.sheet), here(i), detail);
        }
    }
    if bad {
        return None;
    }
    let read = line.counts.map(|c| match c {
        Some(Cnt::N(n)) => Some(i64::from(n)),
        Some(_) => Some(0),
        None => None,
    });
    let solved = solve(read);
    let values = numbers(cx, place, cols.name, &line, &read, &solved)?;
    check_equations(cx, place, cols, &line, &read, values);
    Some(unit_row(line, values, cols))
}

/// Both equations of a unit row, on its numbers as read or worked out: a column worked out
/// from one equation still has to agree with the other ("Số được đánh giá" from the head count
/// must be "Số đạt" + "Số không đạt"). The row is counted as written all the same.
fn check_equations(
    cx: &mut Ctx,
    place: &Place,
    cols: &Columns,
    line: &Line,
    read: &[Option<i64>; 5],
    v: [u32; 5],
) {
    for (e, &(w, a, b)) in EQUATIONS.iter().enumerate() {
        let [tw, ta, tb] = [w, a, b].map(|i| u64::from(v[i]));
        if ta + tb == tw {
            continue;
        }
        let cell = [w, a, b]
            .into_iter()
            .find_map(|i| cols.nums[i])
            .map(|c| a1(line.row, c));
        let detail = Detail::Mau07Sum {
            at: place.at(line.row),
            unit: line.name.clone(),
            what: [Mau07Check::People, Mau07Check::Evaluated][e],
            parts: [ta, tb],
            whole: tw,
            worked_out: [w, a, b]
                .into_iter()
                .find(|&i| read[i].is_none())
                .map(|i| LABELS[i]),
        };
        cx.push(Some(place.sheet), cell, detail);
    }
}

/// The five numbers of a row, or `None` (with the finding) when a worked-out one is below zero.
fn numbers(
    cx: &mut Ctx,
    place: &Place,
    name_col: u32,
    line: &Line,
    read: &[Option<i64>; 5],
    solved: &Solved,
) -> Option<[u32; 5]> {
    let v = solved.values;
    for i in (0..5).filter(|&i| read[i].is_none()) {
        let (Some(x), Some(e)) = (v[i], solved.derived[i]) else {
            return None;
        };
        if x >= 0 {
            continue;
        }
        let (w, a, b) = EQUATIONS[e];
        let other = if i == a { b } else { a };
        let detail = Detail::Mau07Derived {
            at: place.at(line.row),
            unit: line.name.clone(),
            derived: LABELS[i],
            part: (LABELS[other], v[other].unwrap_or(0).max(0) as u64),
            whole: (LABELS[w], v[w].unwrap_or(0).max(0) as u64),
        };
        let cell = Some(a1(line.row, name_col));
        cx.push(Some(place.sheet), cell, detail);
        return None;
    }
    let mut out = [0u32; 5];
    for i in 0..5 {
        out[i] = u32::try_from(v[i]?).ok()?;
    }
    Some(out)
}

fn unit_row(
    line: Line,
    [people, not_evaluated, evaluated, dat, khong_dat]: [u32; 5],
    cols: &Columns,
) -> UnitRow {
    // "N người chưa xác định …" (this tool's own note): N is part of the không đạt, never more.
    let loi = line
        .note
        .split(' ')
        .next()
        .filter(|_| text::key(&line.note).contains("chua xac dinh"))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| *n <= khong_dat)
        .unwrap_or(0);
    UnitRow {
        cell: a1(line.row, cols.name),
        row: line.row,
        line: UnitLine {
            name: line.name,
            people,
            not_evaluated,
            evaluated,
            dat,
            khong_dat,
            loi,
            note: line.note,
        },
    }
}

/// The bloc named by the group rows of a table ("I | Khối Trường học"), when they name exactly
/// one (a level of schools such as "Khối Mầm non" is no bloc).
pub fn bloc_of_groups(
    cx: &mut Ctx,
    grid: &Grid,
    sheet: &str,
    cols: &Columns,
    header: &Header<super::Col>,
    profile: &Profile,
) -> Option<Bloc> {
    let mut found: Vec<Bloc> = Vec::new();
    for row in header.data_start()..grid.row_end() {
        for c in [Some(cols.name), cols.stt].into_iter().flatten() {
            let t = cx.text(grid, sheet, row, c);
            let t = t.trim_start_matches(|ch: char| "IVX.-) ".contains(ch));
            if text::key(t).starts_with("khoi ") {
                if let Some(b) = profile.bloc_from_text(t) {
                    if !found.contains(&b) {
                        found.push(b);
                    }
                }
            }
        }
    }
    match found.as_slice() {
        [b] => Some(*b),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_offices_type_them() {
        let s = |t: &str| count(&Data::String(t.into()));
        assert_eq!(s(" 12 "), Cnt::N(12));
        assert_eq!(s("1.234"), Cnt::N(1234));
        assert_eq!(s("1 234"), Cnt::N(1234));
        assert_eq!(s("-"), Cnt::N(0));
        assert_eq!(s(""), Cnt::Blank);
        for bad in [
            "1,5",
            "12.5",
            "1.23",
            "mười",
            "-3",
            "12 người",
            "4294967295",
        ] {
            assert_eq!(s(bad), Cnt::Bad, "{bad}");
        }
        assert_eq!(count(&Data::Float(12.0)), Cnt::N(12));
        assert_eq!(count(&Data::Float(12.5)), Cnt::Bad);
        assert_eq!(count(&Data::Int(-1)), Cnt::Bad);
    }

    #[test]
    fn equations_fill_in_what_they_determine() {
        // No "Số không đánh giá": people − evaluated.
        let s = solve([Some(10), None, Some(9), Some(4), Some(5)]);
        assert_eq!(s.values, [Some(10), Some(1), Some(9), Some(4), Some(5)]);
        // No "Số được đánh giá" and no "Số không đánh giá": evaluated from đạt + không đạt.
        let s = solve([Some(10), None, None, Some(4), Some(5)]);
        assert_eq!(s.values, [Some(10), Some(1), Some(9), Some(4), Some(5)]);
        // No head count and no "Số không đánh giá": nothing tells them apart.
        let s = solve([None, None, Some(9), Some(4), Some(5)]);
        assert_eq!((s.values[0], s.values[1]), (None, None));
    }

    #[test]
    fn row_labels() {
        assert_eq!(sum_label("Tổng cộng"), Some(SumKind::Total));
        assert_eq!(sum_label("TỔNG CỘNG"), Some(SumKind::Total));
        assert_eq!(sum_label("Toàn khối"), Some(SumKind::Total));
        assert_eq!(sum_label("Cộng khối Mầm non"), Some(SumKind::Subtotal));
        assert_eq!(sum_label("Cộng"), Some(SumKind::Subtotal));
        assert_eq!(sum_label("Cong"), Some(SumKind::Subtotal));
        assert_eq!(sum_label("Công an phường Bồ Đề"), None);
        assert_eq!(sum_label("Tổng công ty X"), None);
        assert!(group_label("Khối Mầm non"));
        assert!(group_label("II. Các phường"));
        assert!(!group_label("Phòng Nội vụ"));
        assert!(!group_label("Ban Tổ chức"));
        let stt = |t: &str| stt_of(&Data::String(t.into()), t);
        assert_eq!(stt("I"), Stt::Group);
        assert_eq!(stt("IV."), Stt::Group);
        assert_eq!(stt("A"), Stt::Group);
        assert_eq!(stt("1."), Stt::Number("1".into()));
        assert_eq!(stt("1.2"), Stt::Number("1.2".into()));
        assert_eq!(stt("b)"), Stt::Sub);
        assert_eq!(stt_of(&Data::Float(3.0), "3"), Stt::Number("3".into()));
    }
}
