//! The rows of a mẫu 07 table. Each row is one of: a unit (counted); a group heading ("I",
//! "A", "Khối Mầm non", "1 | Các trường mầm non", a number whose sub-items follow as "1.1",
//! "a)" or rows without a number) — never a unit, and when it carries numbers they are checked
//! against its units below; a subtotal ("Cộng", "Cộng khối …", "Tổng số khối …") or a total
//! ("Tổng cộng", "Toàn khối", "Toàn quận", "Tổng:") — checked against the units it sums, never
//! counted; the row of column numbers under a header ("(1) (2) (3)"); or a line of text (notes,
//! signatures) — skipped. Every row down to the end of the sheet is read: a total in the middle
//! of the table is checked, never the end of reading.
//!
//! A row that could be read two ways (a numbered row above unnumbered ones whose numbers are not
//! theirs, a label that may be a total or a unit's name) is never silently counted twice: how it
//! was read is said in a finding.
//!
//! Two steps: [`read`] takes the rows' cells from the sheet; [`walk`] (pure: rows in, units and
//! findings out) tells the rows apart and checks every group, subtotal and total row and each
//! unit's equations. The checks stay next to the walk rather than in `merge`: which units a total
//! sums is only known while the rows are told apart, and a check is what tells a total from a
//! unit named "Tổng …".

use super::{strip_numbering, Columns, Ctx, UnitRow, LABELS};
use crate::district::{Uncounted, UnitLine};
use crate::finding::{Detail, Mau07At, Mau07Check, Mau07Reading};
use crate::model::{Bloc, MAX_COUNT};
use crate::profile::Profile;
use crate::reader::layout::Header;
use crate::reader::{display, Grid};
use crate::text::{self, a1};
use calamine::Data;
use std::collections::HashMap;

/// The sheet and bloc of a table, for the findings' places and words, and the names a group row
/// may give a bloc.
pub struct Place<'a> {
    pub sheet: &'a str,
    pub bloc: &'a str,
    /// Keys of the blocs' names and other names ("truong hoc", "chinh quyen", "giao duc").
    pub blocs: &'a [String],
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
    /// "-", "+", "•": a row without a number of its own (an item of the row above, or a unit).
    Bullet,
    /// "1", "2.", "1.2": a unit, or a group when sub-items follow.
    Number(String),
    /// "a", "b)": a sub-item.
    Sub,
    /// "I", "II", "A": a group.
    Group,
    /// Anything else ("Tổng cộng" merged over STT and Đơn vị, a signature).
    Text,
}

impl Stt {
    /// No number of its own: blank or a bullet.
    fn loose(&self) -> bool {
        matches!(self, Stt::Blank | Stt::Bullet)
    }
}

fn stt_of(d: &Data, t: &str) -> Stt {
    if let Data::Float(f) = d {
        if f.fract() == 0.0 && *f >= 0.0 && *f < 1e6 {
            return Stt::Number(format!("{}", *f as u32));
        }
    }
    let raw = t.trim();
    if matches!(raw, "-" | "–" | "—" | "+" | "*" | "•" | "·") {
        return Stt::Bullet;
    }
    let t = raw.trim_end_matches(['.', ')']).trim();
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

/// How deep a number is: "1" 0, "1.2" 1, "1.2.3" 2.
fn depth(n: &str) -> usize {
    n.matches('.').count().min(5)
}

fn is_roman(t: &str) -> bool {
    const ROMAN: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMAN.contains(&t)
}

/// The levels of a school bloc and other names of a part of a bloc: a row so named is a group.
const PARTS_OF_BLOCS: &[&str] = &[
    "mam non",
    "mau giao",
    "nha tre",
    "mam non cong lap",
    "mam non tu thuc",
    "mam non ngoai cong lap",
    "tieu hoc",
    "trung hoc co so",
    "thcs",
    "tieu hoc va trung hoc co so",
    "tieu hoc va thcs",
    "tieu hoc thcs",
];

/// A label that opens a group: "Khối Mầm non", "Nhóm …", "Các phường", "I. …", "II- …", a bloc
/// ("Trường học", "Giáo dục") or a level of schools ("Mầm non", "Cấp Tiểu học").
fn group_label(label: &str, blocs: &[String]) -> bool {
    let k = text::key(label);
    let first = label
        .split(|c: char| c == '.' || c == '-' || c == ')' || c.is_whitespace())
        .next()
        .unwrap_or("");
    if ["khoi ", "nhom ", "cac "].iter().any(|p| k.starts_with(p))
        || (is_roman(first) && label.len() > first.len())
    {
        return true;
    }
    let part = ["cap ", "bac ", "khoi "]
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .unwrap_or(&k);
    PARTS_OF_BLOCS.contains(&part) || blocs.iter().any(|b| b == part)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SumKind {
    /// The units since the last group heading or subtotal.
    Subtotal,
    /// Every unit of the table.
    Total,
}

/// A row label that sums units, and whether the label says so beyond doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SumLabel {
    kind: SumKind,
    /// `false` for a label that may as well be a unit's name ("Cộng đồng …", or a label typed
    /// without diacritics such as "Cong an phuong" or "Tong cong ty"): read as a sum only when
    /// its numbers are one.
    sure: bool,
}

/// The words a sum label is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word<'a> {
    Tong,
    Cong,
    Toan,
    So,
    Chung,
    Hop,
    /// "khối", "nhóm", "các": the rest names a part of the table.
    Part,
    /// "A", "I", "2": a group's mark.
    Mark,
    Other(&'a str),
}

/// The words of a label. With diacritics they are told by them ("Tổng" is no "Tống", "Cộng" no
/// "Công"); a label typed without any is read by its key.
fn words_of(lower: &str, plain: bool) -> Vec<Word<'_>> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let as_typed = |d: &str, a: &str| w == d || (plain && w == a);
            if as_typed("tổng", "tong") {
                Word::Tong
            } else if as_typed("cộng", "cong") {
                Word::Cong
            } else if as_typed("toàn", "toan") {
                Word::Toan
            } else if as_typed("số", "so") {
                Word::So
            } else if w == "chung" {
                Word::Chung
            } else if as_typed("hợp", "hop") {
                Word::Hop
            } else if as_typed("khối", "khoi") || as_typed("nhóm", "nhom") || as_typed("các", "cac")
            {
                Word::Part
            } else if w.bytes().all(|b| b.is_ascii_digit())
                || (w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic())
                || is_roman(&w.to_uppercase())
            {
                Word::Mark
            } else {
                Word::Other(w)
            }
        })
        .collect()
}

/// What the words after "Toàn" may be for the row to be a total: "Toàn khối", "Toàn ngành",
/// "Toàn quận", "Toàn huyện", "Toàn phường", "Toàn đơn vị" (keys).
const WHOLES: &[&str] = &[
    "khoi", "nganh", "quan", "huyen", "phuong", "xa", "thi", "thanh", "don", "co", "bo", "he",
];

/// A row label that sums units: "Tổng", "Tổng:", "Tổng cộng", "Tổng số", "Tổng chung", "Tổng
/// hợp", "Toàn khối/ngành/quận/huyện/phường", "Cộng toàn …" (totals); "Cộng", "Cộng A", "Cộng
/// khối …", "Tổng khối …", "Tổng số khối …", "Tổng các …" (subtotals: a part of the table). Never
/// "Tổng đội Thanh niên xung phong", "Tổng công ty …", "Công an phường …", "Tống Văn …".
fn sum_label(label: &str) -> Option<SumLabel> {
    let plain = label.is_ascii();
    let lower = text::tidy(label).to_lowercase();
    let read = sum_words(&words_of(&lower, plain), plain);
    if read.is_some() || plain {
        return read;
    }
    // A diacritic typed wrong ("Tổng công", "Tống cộng"): read without them it is a total.
    let k = text::key(label);
    sum_words(&words_of(&k, true), true)
        .filter(|s| s.sure)
        .map(|s| SumLabel { sure: false, ..s })
}

/// [`sum_label`] on the words of a label.
fn sum_words(w: &[Word], plain: bool) -> Option<SumLabel> {
    let sure = |kind| Some(SumLabel { kind, sure: true });
    let unsure = |kind| Some(SumLabel { kind, sure: false });
    let part = |rest: &[Word]| matches!(rest.first(), Some(Word::Part | Word::Mark));
    let whole = |rest: &[Word]| matches!(rest.first(), Some(Word::Toan | Word::Chung));
    match w {
        [Word::Tong] | [Word::Cong, Word::Toan | Word::Chung, ..] => sure(SumKind::Total),
        [Word::Tong, Word::Cong | Word::So | Word::Chung | Word::Hop, rest @ ..] => {
            if rest.is_empty() || whole(rest) {
                sure(SumKind::Total)
            } else if matches!(rest[0], Word::Part) {
                sure(SumKind::Subtotal)
            } else if plain && matches!(w[1], Word::Cong) {
                // "Tong cong ty …": "Tổng công ty", or "Tổng cộng" and more words.
                unsure(SumKind::Total)
            } else {
                sure(SumKind::Total)
            }
        }
        [Word::Tong, Word::Toan, ..] => sure(SumKind::Total),
        [Word::Tong, rest @ ..] if part(rest) => sure(SumKind::Subtotal),
        [Word::Cong] => sure(SumKind::Subtotal),
        [Word::Cong, rest @ ..] if part(rest) => sure(SumKind::Subtotal),
        [Word::Cong, ..] => unsure(SumKind::Subtotal),
        [Word::Toan, Word::Part, ..] => sure(SumKind::Total),
        [Word::Toan, Word::Other(next), ..] if WHOLES.contains(&text::key(next).as_str()) => {
            sure(SumKind::Total)
        }
        _ => None,
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
    fn read(cx: &mut Ctx, grid: &Grid, sheet: &str, cols: &Columns, row: u32) -> Line {
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

/// What a row is, once read with the rows around it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Skip,
    Group(Grp),
    Sum(SumLabel),
    Unit,
    /// A unit without numbers whose note says why ("Chưa gửi"): shown, never counted.
    Uncounted,
    NoName,
}

/// A group heading.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Grp {
    /// 1 is the outermost; 9 a line of text without numbers above units.
    level: u8,
    /// For a numbered heading whose items follow as "1.1", "a)" or rows without a number: its
    /// depth ("1" is 0). A unit numbered as deep or shallower ends it ("2" ends "1").
    numbered: Option<usize>,
    /// When its numbers are not those of the rows without a number below it (a heading or a
    /// unit?): the finding's reading; its numbers are then not checked again.
    unclear: Option<Mau07Reading>,
}

impl Grp {
    fn at(level: u8) -> Kind {
        Kind::Group(Grp {
            level,
            numbered: None,
            unclear: None,
        })
    }
}

/// A row on its own: what its STT, label and numbers say.
fn classify(line: &Line, parent: bool, blocs: &[String]) -> Kind {
    if text::key(&line.label).starts_with("trong do") {
        return Kind::Skip;
    }
    if let Some(sum) = sum_label(&line.label) {
        return if line.has_numbers() {
            Kind::Sum(sum)
        } else {
            Kind::Skip
        };
    }
    let named = !line.name.is_empty();
    if named && !parent && line.all_blank() && uncounted_note(&line.note) {
        return Kind::Uncounted;
    }
    match &line.stt {
        Stt::Group => Grp::at(1),
        Stt::Number(n) if parent => Kind::Group(Grp {
            level: 2 + depth(n) as u8,
            numbered: Some(depth(n)),
            unclear: None,
        }),
        Stt::Number(_) | Stt::Sub if !named => {
            if line.has_numbers() {
                Kind::NoName
            } else {
                Kind::Skip
            }
        }
        Stt::Number(n) if group_label(&line.label, blocs) => Grp::at(2 + depth(n) as u8),
        Stt::Sub if group_label(&line.label, blocs) => Grp::at(8),
        Stt::Number(_) | Stt::Sub => Kind::Unit,
        _ if group_label(&line.label, blocs) => Grp::at(1),
        Stt::Blank | Stt::Bullet if named && line.all_blank() => Grp::at(9),
        _ if !line.has_numbers() => Kind::Skip,
        _ if !named => Kind::NoName,
        _ => Kind::Unit,
    }
}

/// A note that says why a unit has no numbers: it sent nothing ("Chưa gửi", "Chưa nộp", "Chưa
/// báo cáo", "Không gửi"), or what it sent was not counted (this tool's "Đã gửi, sổ có lỗi: chưa
/// tính").
fn uncounted_note(note: &str) -> bool {
    let k = format!(" {} ", text::key(note));
    [
        " chua gui ",
        " chua nop ",
        " chua bao cao ",
        " khong gui ",
        " chua tinh ",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// The numbered rows that have sub-items: "1" above "1.1" (the nearest "1" above it, since the
/// last group "I"), a number just above "a)". One pass.
fn parents(lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    // The last row of each number, in the current group ("I", "II" start numbering again).
    let mut last: HashMap<(usize, &str), usize> = HashMap::new();
    let mut group = 0usize;
    let mut prev: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        match &l.stt {
            Stt::Group => group += 1,
            Stt::Sub => {
                if let Some(p) = prev.filter(|&p| matches!(lines[p].stt, Stt::Number(_))) {
                    out[p] = true;
                }
            }
            Stt::Number(n) => {
                for (at, _) in n.match_indices('.').take(6) {
                    if let Some(&p) = last.get(&(group, &n[..at])) {
                        out[p] = true;
                    }
                }
                last.insert((group, n.as_str()), i);
            }
            _ => continue,
        }
        prev = Some(i);
    }
    out
}

/// The rows without a number of their own (blank or "-" STT) that follow row `i`, text lines
/// aside: the first and last, when there are some.
fn loose_run(lines: &[Line], kinds: &[Kind], i: usize) -> Option<(usize, usize)> {
    let mut run: Option<(usize, usize)> = None;
    for j in i + 1..lines.len() {
        match &kinds[j] {
            Kind::Skip => {}
            Kind::Unit if lines[j].stt.loose() => {
                run = Some((run.map_or(j, |r| r.0), j));
            }
            _ => break,
        }
    }
    run
}

/// The first column where a row's numbers are not the sum of the rows `members` (as written):
/// (column, written, sum). `None` when every number written is their sum.
fn disagreement(
    line: &Line,
    lines: &[Line],
    kinds: &[Kind],
    members: (usize, usize),
) -> Option<(usize, u64, u64)> {
    (0..5).find_map(|c| {
        let Some(Cnt::N(w)) = line.counts[c] else {
            return None;
        };
        let sum = (members.0..=members.1)
            .filter(|&j| kinds[j] == Kind::Unit)
            .map(|j| match lines[j].counts[c] {
                Some(Cnt::N(v)) => u64::from(v),
                _ => 0,
            })
            .sum::<u64>();
        (u64::from(w) != sum).then_some((c, u64::from(w), sum))
    })
}

/// What each row is. A row with a number above rows without one is the heading of a group over
/// them when its label names a group or when it has no numbers of its own or their sum; with
/// other numbers it may be a unit or a heading: it is read as a heading (the rows below are
/// counted, it is not) and said to be unclear — never counted twice. One pass: each row is
/// looked at by the numbered row above it at most.
fn kinds(lines: &[Line], blocs: &[String]) -> Vec<Kind> {
    let parent = parents(lines);
    let mut kinds: Vec<Kind> = lines
        .iter()
        .zip(&parent)
        .map(|(l, &p)| classify(l, p, blocs))
        .collect();
    for i in 0..lines.len() {
        let line = &lines[i];
        let Stt::Number(n) = &line.stt else { continue };
        let d = depth(n);
        let heading = matches!(&kinds[i], Kind::Group(g) if g.numbered.is_none());
        let has_bad = line.counts.contains(&Some(Cnt::Bad));
        if !(heading || (kinds[i] == Kind::Unit && !has_bad)) {
            continue;
        }
        let Some(run) = loose_run(lines, &kinds, i) else {
            continue;
        };
        let unclear = if heading || line.all_blank() {
            None
        } else {
            disagreement(line, lines, &kinds, run).map(|(c, written, sum)| {
                Mau07Reading::GroupOrUnit {
                    units: (lines[run.0].row + 1, lines[run.1].row + 1),
                    column: LABELS[c],
                    written,
                    sum,
                }
            })
        };
        kinds[i] = Kind::Group(Grp {
            level: 2 + d as u8,
            numbered: Some(d),
            unclear,
        });
    }
    kinds
}

/// A group being read: its level, its first unit, the row of its numbers when they are to be
/// checked, how a numbered unit ends it, and its name.
struct Open {
    level: u8,
    start: usize,
    sums: Option<usize>,
    numbered: Option<usize>,
    name: String,
}

/// The units of a table, the findings about its rows (cell, detail), and how many rows that
/// looked like units could not be counted.
pub struct Rows {
    pub units: Vec<UnitRow>,
    /// Units shown without numbers ("Chưa gửi"), in order.
    pub uncounted: Vec<Uncounted>,
    pub findings: Vec<(Option<String>, Detail)>,
    pub rejected: usize,
}

/// Reads the rows of a table from `start` to the end of the sheet, then [`walk`]s them.
pub fn read(cx: &mut Ctx, grid: &Grid, place: &Place, cols: &Columns, start: u32) -> Rows {
    let numbering = is_numbering_row(grid);
    let lines: Vec<Line> = (start..grid.row_end())
        .filter(|&row| !grid.is_row_empty(row) && !numbering(row))
        .map(|row| Line::read(cx, grid, place.sheet, cols, row))
        .collect();
    walk(&lines, place, cols)
}

/// The walk down the rows of one table: tells them apart and checks every group, subtotal and
/// total row. Pure.
fn walk(lines: &[Line], place: &Place, cols: &Columns) -> Rows {
    let kinds = kinds(lines, place.blocs);
    let mut w = Walk {
        place,
        cols,
        lines,
        units: Vec::new(),
        sums: vec![[0; 5]],
        open: Vec::new(),
        section: 0,
        leading: Vec::new(),
        after_total: None,
        out: Rows {
            units: Vec::new(),
            uncounted: Vec::new(),
            findings: Vec::new(),
            rejected: 0,
        },
    };
    for (i, kind) in kinds.into_iter().enumerate() {
        w.step(i, kind);
    }
    w.finish()
}

struct Walk<'p> {
    place: &'p Place<'p>,
    cols: &'p Columns,
    lines: &'p [Line],
    units: Vec<UnitRow>,
    /// `sums[k]`: the five numbers of the first `k` units added up.
    sums: Vec<[u64; 5]>,
    open: Vec<Open>,
    /// The first unit a subtotal sums.
    section: usize,
    /// Totals written above the units.
    leading: Vec<usize>,
    /// The total that closed the table so far, while no unit or group has come below it.
    after_total: Option<usize>,
    out: Rows,
}

impl Walk<'_> {
    fn step(&mut self, i: usize, kind: Kind) {
        let lines = self.lines;
        let line = &lines[i];
        match kind {
            Kind::Skip => {}
            Kind::Group(g) => {
                self.close(g.level);
                let checked = g.unclear.is_none() && line.has_numbers();
                if let Some(reading) = g.unclear {
                    let detail = Detail::Mau07RowUnclear {
                        at: self.place.at(line.row),
                        label: line.label.clone(),
                        reading,
                    };
                    self.push(Some(a1(line.row, self.cols.name)), detail);
                }
                if g.level < 9 {
                    self.after_total = None;
                }
                self.open.push(Open {
                    level: g.level,
                    start: self.units.len(),
                    sums: checked.then_some(i),
                    numbered: g.numbered,
                    name: strip_numbering(&line.label).to_string(),
                });
                self.section = self.units.len();
            }
            Kind::Sum(s) => self.sum(i, s),
            Kind::NoName => {
                let at = self.place.at(line.row);
                let cell = a1(line.row, self.cols.name);
                self.push(Some(cell), Detail::Mau07NoName { at });
                self.out.rejected += 1;
            }
            Kind::Unit => self.unit(i),
            Kind::Uncounted => self.out.uncounted.push(Uncounted {
                name: line.name.clone(),
                note: line.note.clone(),
            }),
        }
    }

    /// A subtotal or total row: its numbers are checked against the units it closes — those
    /// since the last heading or subtotal, those of the group it ends, or all above it; it may
    /// sum any of them. A total ends the groups, not the reading.
    fn sum(&mut self, i: usize, s: SumLabel) {
        let lines = self.lines;
        let line = &lines[i];
        let n = self.units.len();
        if s.sure && s.kind == SumKind::Total && n == 0 {
            self.leading.push(i);
            return;
        }
        let candidates = [
            Some(self.section),
            self.open.last().map(|o| o.start),
            Some(0),
        ];
        let matched = candidates
            .into_iter()
            .flatten()
            .find(|&from| (s.sure || from < n) && self.agrees(i, from..n));
        if !s.sure {
            let reading = Mau07Reading::TotalOrUnit {
                units: matched.and_then(|from| self.rows_of(from..n)),
            };
            let detail = Detail::Mau07RowUnclear {
                at: self.place.at(line.row),
                label: line.label.clone(),
                reading,
            };
            self.push(Some(a1(line.row, self.cols.name)), detail);
            if matched.is_none() {
                if line.name.is_empty() {
                    let at = self.place.at(line.row);
                    let cell = a1(line.row, self.cols.name);
                    self.push(Some(cell), Detail::Mau07NoName { at });
                    self.out.rejected += 1;
                } else {
                    self.unit(i);
                }
                return;
            }
        } else if matched.is_none() {
            let from = match s.kind {
                SumKind::Subtotal => self.section,
                SumKind::Total => 0,
            };
            self.check(i, from..n);
        }
        self.section = n;
        if s.kind == SumKind::Total {
            self.close(0);
            if s.sure && matched.is_none_or(|from| from == 0) {
                self.after_total = Some(i);
            }
        }
    }

    fn unit(&mut self, i: usize) {
        let lines = self.lines;
        let line = &lines[i];
        if let Stt::Number(n) = &line.stt {
            let d = depth(n);
            if let Some(k) = self
                .open
                .iter()
                .position(|o| o.numbered.is_some_and(|x| x >= d))
            {
                self.close(self.open[k].level);
            }
        }
        let group = self.open.last().map(|o| o.name.clone());
        let Some(u) = unit_of(&mut self.out.findings, self.place, self.cols, line, group) else {
            self.out.rejected += 1;
            return;
        };
        if let Some(t) = self.after_total.take() {
            let total = &lines[t];
            let detail = Detail::Mau07UnitAfterTotal {
                at: self.place.at(line.row),
                unit: line.name.clone(),
                total_row: total.row + 1,
                label: total.label.clone(),
            };
            self.push(Some(a1(line.row, self.cols.name)), detail);
        }
        let last = self.sums.last().copied().unwrap_or([0; 5]);
        self.sums
            .push(std::array::from_fn(|c| last[c] + value(&u.line, c)));
        self.units.push(u);
    }

    fn finish(mut self) -> Rows {
        self.close(0);
        let n = self.units.len();
        for i in std::mem::take(&mut self.leading) {
            self.check(i, 0..n);
        }
        if n == 0 {
            // No unit: what the group and total rows say is no more than that.
            self.out
                .findings
                .retain(|(_, d)| !matches!(d, Detail::Mau07TotalRow { .. }));
        }
        self.out.units = self.units;
        self.out
    }

    fn push(&mut self, cell: Option<String>, detail: Detail) {
        self.out.findings.push((cell, detail));
    }

    /// Ends the open groups of `level` and deeper, checking those that carry numbers.
    fn close(&mut self, level: u8) {
        while self.open.last().is_some_and(|o| o.level >= level) {
            let Some(open) = self.open.pop() else { break };
            if let Some(i) = open.sums {
                self.check(i, open.start..self.units.len());
            }
        }
    }

    /// The sum of the units `range` in column `c`.
    fn sum_of(&self, range: &std::ops::Range<usize>, c: usize) -> u64 {
        self.sums[range.end][c] - self.sums[range.start][c]
    }

    /// The rows (from 1) of the first and last units of a range.
    fn rows_of(&self, range: std::ops::Range<usize>) -> Option<(u32, u32)> {
        let units = &self.units[range];
        units
            .first()
            .zip(units.last())
            .map(|(a, b)| (a.row + 1, b.row + 1))
    }

    /// Whether every number written on row `i` is the sum of the units `range`.
    fn agrees(&self, i: usize, range: std::ops::Range<usize>) -> bool {
        let line = &self.lines[i];
        (0..5).all(|c| match (line.counts[c], self.cols.nums[c]) {
            (Some(Cnt::N(w)), Some(_)) => u64::from(w) == self.sum_of(&range, c),
            _ => true,
        })
    }

    /// Checks the numbers written on a group, subtotal or total row against its units.
    fn check(&mut self, i: usize, range: std::ops::Range<usize>) {
        let lines = self.lines;
        let line = &lines[i];
        let rows = self.rows_of(range.clone());
        for (c, label) in LABELS.iter().enumerate() {
            let (Some(Cnt::N(written)), Some(col)) = (line.counts[c], self.cols.nums[c]) else {
                continue;
            };
            let sum = self.sum_of(&range, c);
            if u64::from(written) != sum {
                let detail = Detail::Mau07TotalRow {
                    at: self.place.at(line.row),
                    label: line.label.clone(),
                    column: label,
                    written: written.into(),
                    sum,
                    units: rows,
                };
                self.push(Some(a1(line.row, col)), detail);
            }
        }
    }
}

fn value(l: &UnitLine, i: usize) -> u64 {
    u64::from([l.people, l.not_evaluated, l.evaluated, l.dat, l.khong_dat][i])
}

/// The findings of a table's rows: (cell, detail).
type Found = Vec<(Option<String>, Detail)>;

/// A unit row: its numbers read, the missing ones worked out, both equations checked. `group`:
/// the name of the group it stands in.
fn unit_of(
    found: &mut Found,
    place: &Place,
    cols: &Columns,
    line: &Line,
    group: Option<String>,
) -> Option<UnitRow> {
    let at = place.at(line.row);
    let here = |i: usize| cols.nums[i].map(|c| a1(line.row, c));
    if line.all_blank() {
        let cell = Some(a1(line.row, cols.name));
        let unit = line.name.clone();
        found.push((cell, Detail::Mau07NoNumbers { at, unit }));
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
            found.push((here(i), detail));
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
    let values = numbers(found, place, cols.name, line, &read, &solved)?;
    check_equations(found, place, cols, line, &read, values);
    Some(unit_row(line, values, cols, group))
}

/// Both equations of a unit row, on its numbers as read or worked out: a column worked out
/// from one equation still has to agree with the other ("Số được đánh giá" from the head count
/// must be "Số đạt" + "Số không đạt"). The row is counted as written all the same.
fn check_equations(
    found: &mut Found,
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
        found.push((cell, detail));
    }
}

/// The five numbers of a row, or `None` (with the finding) when a worked-out one is below zero.
fn numbers(
    found: &mut Found,
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
        found.push((cell, detail));
        return None;
    }
    let mut out = [0u32; 5];
    for i in 0..5 {
        out[i] = u32::try_from(v[i]?).ok()?;
    }
    Some(out)
}

fn unit_row(
    line: &Line,
    [people, not_evaluated, evaluated, dat, khong_dat]: [u32; 5],
    cols: &Columns,
    group: Option<String>,
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
        group,
        line: UnitLine {
            name: line.name.clone(),
            people,
            not_evaluated,
            evaluated,
            dat,
            khong_dat,
            loi,
            note: line.note.clone(),
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
        let total = Some(SumLabel {
            kind: SumKind::Total,
            sure: true,
        });
        let sub = Some(SumLabel {
            kind: SumKind::Subtotal,
            sure: true,
        });
        for t in [
            "Tổng cộng",
            "TỔNG CỘNG",
            "Tổng cộng (I+II)",
            "Toàn khối",
            "Tổng:",
            "Tổng",
            "Tổng số",
            "Tổng chung",
            "Toàn ngành",
            "Toàn quận",
            "Toàn phường",
            "Cộng toàn khối",
            "Tổng cộng toàn quận",
            "Tong cong",
            "TONG SO",
            "Toan khoi",
        ] {
            assert_eq!(sum_label(t), total, "{t}");
        }
        for t in [
            "Cộng khối Mầm non",
            "Cộng",
            "Cộng:",
            "Cộng A",
            "Cộng II",
            "Cong",
            "Cong khoi Mam non",
            "Tổng số khối Mầm non",
            "Tổng khối trường học",
            "Tổng các trường tiểu học",
        ] {
            assert_eq!(sum_label(t), sub, "{t}");
        }
        for t in [
            "Công an phường Bồ Đề",
            "Tổng công ty X",
            "Tổng đội Thanh niên xung phong",
            "Tống Văn Trân",
            "Toàn Thắng",
            "Phòng Nội vụ",
        ] {
            assert_eq!(sum_label(t), None, "{t}");
        }
        // Typed without diacritics: "Tổng công ty" or "Tổng cộng …"; "Công an" or "Cộng …".
        // A diacritic typed wrong: "Tổng công", "Tống cộng".
        for t in [
            "Tong cong ty X",
            "Cong an phuong Bo De",
            "Cộng đồng dân cư",
            "Tổng công",
            "Tống cộng",
        ] {
            assert_eq!(sum_label(t).map(|s| s.sure), Some(false), "{t}");
        }
        let blocs = ["truong hoc".to_string(), "giao duc".to_string()];
        for t in [
            "Khối Mầm non",
            "II. Các phường",
            "Nhóm các phòng",
            "Mầm non",
            "Cấp Tiểu học",
            "Trường học",
            "Khối Giáo dục",
        ] {
            assert!(group_label(t, &blocs), "{t}");
        }
        for t in ["Phòng Nội vụ", "Ban Tổ chức", "Trường Mầm non Hoa Sữa"] {
            assert!(!group_label(t, &blocs), "{t}");
        }
        let stt = |t: &str| stt_of(&Data::String(t.into()), t);
        assert_eq!(stt("I"), Stt::Group);
        assert_eq!(stt("IV."), Stt::Group);
        assert_eq!(stt("A"), Stt::Group);
        assert_eq!(stt("1."), Stt::Number("1".into()));
        assert_eq!(stt("1.2"), Stt::Number("1.2".into()));
        assert_eq!(stt("b)"), Stt::Sub);
        assert_eq!(stt("-"), Stt::Bullet);
        assert_eq!(stt("•"), Stt::Bullet);
        assert_eq!(stt_of(&Data::Float(3.0), "3"), Stt::Number("3".into()));
    }

    fn line(row: u32, stt: &str, name: &str, n: [u32; 5]) -> Line {
        Line {
            row,
            stt: stt_of(&Data::String(stt.into()), stt),
            name: name.into(),
            label: name.into(),
            counts: n.map(|x| Some(Cnt::N(x))),
            shown: n.map(|x| x.to_string()),
            note: String::new(),
        }
    }

    /// A row without numbers.
    fn heading(row: u32, stt: &str, name: &str) -> Line {
        Line {
            counts: [Some(Cnt::Blank); 5],
            shown: Default::default(),
            ..line(row, stt, name, [0; 5])
        }
    }

    fn cols() -> Columns {
        Columns {
            stt: Some(0),
            name: 1,
            note: None,
            nums: [Some(2), Some(3), Some(4), Some(5), Some(6)],
        }
    }

    #[test]
    fn a_unit_that_sent_nothing_is_shown_and_not_counted() {
        let place = Place {
            sheet: "Mẫu 07",
            bloc: "Chính quyền",
            blocs: &[],
        };
        let with_note = |note: &str| {
            let mut l = heading(2, "2", "Phòng Y tế");
            l.note = note.to_string();
            l
        };
        let table = |middle: Line| {
            [
                line(1, "1", "Phòng Nội vụ", [10, 0, 10, 4, 6]),
                middle,
                line(3, "3", "Phòng Tư pháp", [8, 1, 7, 3, 4]),
                line(4, "", "Tổng cộng", [18, 1, 17, 7, 10]),
            ]
        };
        for note in [
            "Chưa gửi",
            "Chưa nộp báo cáo",
            "Đã gửi, sổ có lỗi: chưa tính",
        ] {
            let rows = walk(&table(with_note(note)), &place, &cols());
            assert_eq!(rows.units.len(), 2, "{note}");
            assert_eq!(
                rows.uncounted,
                [Uncounted {
                    name: "Phòng Y tế".into(),
                    note: note.into()
                }]
            );
            assert!(rows.findings.is_empty(), "{note}: {:?}", rows.findings);
        }
        // No numbers and no word of why: a unit without numbers, as before.
        let rows = walk(&table(with_note("")), &place, &cols());
        assert!(rows.uncounted.is_empty());
        assert!(matches!(
            rows.findings.as_slice(),
            [(_, Detail::Mau07NoNumbers { .. })]
        ));
    }

    #[test]
    fn sub_items_are_found_in_one_pass() {
        // "1" above "1.1" is a group; "1" of the next roman group (numbering again) is not.
        let lines = [
            line(0, "I", "Khối A", [0; 5]),
            line(1, "1", "X", [0; 5]),
            line(2, "1.1", "Y", [0; 5]),
            line(3, "II", "Khối B", [0; 5]),
            line(4, "1", "Z", [0; 5]),
            line(5, "2", "W", [0; 5]),
            line(6, "a)", "V", [0; 5]),
        ];
        assert_eq!(
            parents(&lines),
            [false, true, false, false, false, true, false]
        );
    }

    #[test]
    fn a_long_table_is_read_in_linear_time() {
        // 100 000 numbered items under numbered headings, in roman groups of 1 000: the old search
        // for sub-items looked at every later row for each row (minutes; now well under a second
        // in a release build).
        let mut lines = Vec::new();
        for g in 0..100u32 {
            lines.push(heading(g * 2001, "I", "Khối X"));
            for i in 0..1000u32 {
                let r = g * 2001 + 1 + i * 2;
                lines.push(heading(r, &format!("{}", i + 1), "Nhóm"));
                let item = format!("{}.1", i + 1);
                lines.push(line(
                    r + 1,
                    &item,
                    &format!("Đơn vị {g} {i}"),
                    [2, 0, 2, 1, 1],
                ));
            }
        }
        let place = Place {
            sheet: "Mẫu 07",
            bloc: "Trường học",
            blocs: &[],
        };
        let started = std::time::Instant::now();
        let rows = walk(&lines, &place, &cols());
        assert_eq!(rows.units.len(), 100_000);
        assert!(rows.findings.is_empty());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
    }
}
