//! The closed vocabularies of the decision columns (SPEC §2 "Decide only on what was read").
//!
//! Each parser returns `None` for a text it does not know: the reader then reports the cell
//! (`value-unclear`) and the person is `loi`. Nothing here guesses "no" for an unknown text.
//! Everything is pure and compares case-, spacing- and diacritics-insensitively.

use crate::model::{Form, Reason, Status};
use crate::text::key;

/// What the `Thanh tra, kiểm tra` column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Inspection {
    /// Not inspected, or inspected and found without fault.
    No,
    /// Under inspection, no conclusion yet.
    Under,
    /// Found at fault by an inspection's conclusion.
    AtFault,
}

impl Inspection {
    /// Both kinds of "yes" fail the person (`thanh-tra`).
    pub fn fails_person(self) -> bool {
        self != Inspection::No
    }
    /// Only a conclusion of fault breaches a leader's condition (001 §3.5, 4th condition).
    pub fn breaches_scope(self) -> bool {
        self == Inspection::AtFault
    }
}

/// A blank cell, or a dash.
fn is_blank_or_dash(s: &str) -> bool {
    matches!(s.trim(), "" | "-" | "–" | "—")
}

/// Words that mean "nothing here" in every decision column (`s` as typed, `k` its key).
fn is_plain_no(s: &str, k: &str) -> bool {
    is_blank_or_dash(s) || matches!(k, "khong" | "k" | "0" | "ko")
}

/// Words that mean a plain "yes" in every decision column.
fn is_plain_yes(k: &str) -> bool {
    matches!(k, "co" | "x")
}

/// The forms of discipline of Luật Cán bộ, công chức / Luật Viên chức / Điều lệ Đảng.
const DISCIPLINE_FORMS: &[&str] = &[
    "khien trach",
    "canh cao",
    "ha bac luong",
    "giang chuc",
    "cach chuc",
    "buoc thoi viec",
    "khai tru",
    "bai nhiem",
];

/// `Kỷ luật`: `Some(true)` when the person is in a period of discipline or under consideration
/// for it, `Some(false)` when not, `None` for a text outside the vocabulary.
pub fn parse_discipline(s: &str) -> Option<bool> {
    let k = key(s);
    if is_plain_no(s, &k)
        || matches!(
            k.as_str(),
            "khong co"
                | "chua"
                | "het thoi han"
                | "da het thoi han"
                | "khong bi ky luat"
                | "khong ky luat"
                | "het han"
                | "da het han"
        )
    {
        return Some(false);
    }
    // "Khiển trách (đã hết thời hạn)": the period of discipline is over. Any other words about
    // its end ("sắp hết thời hạn", "hết thời hạn vào 30/6") cannot be read either way, except
    // "chưa hết thời hạn", which is still a period of discipline.
    let words = format!(" {k} ");
    if words.contains(" het thoi han ") || words.contains(" het han ") {
        if words.contains(" chua het ") {
            return DISCIPLINE_FORMS
                .iter()
                .any(|f| k.starts_with(f))
                .then_some(true);
        }
        let over = DISCIPLINE_FORMS.iter().any(|f| {
            k.strip_prefix(f).is_some_and(|rest| {
                matches!(
                    rest.trim(),
                    "da het thoi han" | "het thoi han" | "da het han"
                )
            })
        });
        return over.then_some(false);
    }
    // "Đang thi hành kỷ luật (khiển trách)", "Kỷ luật khiển trách", "Có (cảnh cáo)".
    let rest = ["ky luat ", "co "]
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .unwrap_or(&k);
    let ongoing = [
        "dang thi hanh ky luat",
        "dang xem xet ky luat",
        "dang bi xem xet ky luat",
        "dang xem xet xu ly ky luat",
        "dang bi ky luat",
    ];
    if is_plain_yes(&k)
        || ongoing
            .iter()
            .any(|o| k == *o || k.starts_with(&format!("{o} ")))
        || DISCIPLINE_FORMS.iter().any(|f| rest.starts_with(f))
    {
        return Some(true);
    }
    None
}

/// The "no fault" phrases of `Thanh tra, kiểm tra`.
const NO_FAULT: &[&str] = &[
    "khong phat hien sai pham",
    "khong phat hien vi pham",
    "khong co dau hieu sai pham",
    "khong co dau hieu vi pham",
    "ket luan khong sai pham",
    "ket luan khong vi pham",
    "khong co sai pham",
    "khong co vi pham",
    "khong sai pham",
    "khong vi pham",
];

/// `Thanh tra, kiểm tra`, or `None` for a text outside the vocabulary.
pub fn parse_inspection(s: &str) -> Option<Inspection> {
    let k = key(s);
    let not_inspected = [
        "khong co",
        "khong bi thanh tra",
        "khong bi kiem tra",
        "khong bi thanh tra kiem tra",
        "khong thanh tra kiem tra",
    ];
    if is_plain_no(s, &k) || not_inspected.contains(&k.as_str()) {
        return Some(Inspection::No);
    }
    if NO_FAULT.contains(&k.as_str()) {
        return Some(Inspection::No);
    }
    let mut rest = format!(" {k} ");
    for phrase in NO_FAULT {
        rest = rest.replace(&format!(" {phrase} "), " ");
    }
    // "dấu hiệu vi phạm" is what an inspection looks into, not what it concluded.
    let rest = rest
        .replace(" dau hieu sai pham", " dau hieu")
        .replace(" dau hieu vi pham", " dau hieu");
    let signs = rest.contains(" dau hieu ");
    let fault = rest.contains(" sai pham") || rest.contains(" vi pham");
    // A negation left beside a fault ("chưa phát hiện vi phạm", "chưa có kết luận sai phạm")
    // is no conclusion of fault, and no clear "no" either.
    let negated = [" khong ", " chua "].iter().any(|w| rest.contains(w));
    // "Đang thanh tra", "Đang kiểm tra", "Đang được thanh tra, kiểm tra", and the same words
    // followed by what the inspection is about ("Đang kiểm tra theo đơn phản ánh").
    let under = [
        "dang thanh tra",
        "dang kiem tra",
        "dang duoc thanh tra",
        "dang duoc kiem tra",
    ]
    .iter()
    .any(|u| k == *u || k.starts_with(&format!("{u} ")));
    if under {
        // Under inspection, unless it already states a fault ("đang thanh tra, có sai phạm").
        return (!fault || negated).then_some(Inspection::Under);
    }
    if fault {
        // "sai phạm" / "vi phạm" other than in a "no fault" phrase: a conclusion of fault.
        return (!negated).then_some(Inspection::AtFault);
    }
    if signs {
        return None;
    }
    if rest.trim().len() < k.len() {
        // The text held a "no fault" phrase: a closed inspection that found nothing, e.g.
        // "Đã kết thúc kiểm tra, không vi phạm". What is left must be about the inspection.
        let left = rest.trim();
        let about_inspection = left
            .split(' ')
            .all(|w| INSPECTION_WORDS.contains(&w) || w.is_empty());
        return about_inspection.then_some(Inspection::No);
    }
    is_plain_yes(&k).then_some(Inspection::Under)
}

/// Words that may stand beside a "no fault" phrase without changing its meaning.
const INSPECTION_WORDS: &[&str] = &[
    "da", "ket", "thuc", "xong", "thanh", "tra", "kiem", "co", "duoc", "ket", "luan", "qua",
    "theo", "va", "nam", "dot", "sau", "khi",
];

/// `Kiểm điểm` (optional column): must the person undergo a responsibility review?
pub fn parse_review(s: &str) -> Option<bool> {
    let k = key(s);
    if is_plain_no(s, &k) || matches!(k.as_str(), "khong co" | "khong phai kiem diem") {
        return Some(false);
    }
    if is_plain_yes(&k)
        || matches!(
            k.as_str(),
            "phai kiem diem" | "kiem diem trach nhiem" | "phai kiem diem trach nhiem"
        )
    {
        return Some(true);
    }
    None
}

/// `Đối tượng` (optional column): is the person among those the criteria apply to
/// (001 §II.2, 000 §II.1)? Blank is in scope.
pub fn parse_staff_kind(s: &str) -> Option<bool> {
    let k = key(s);
    let compact = k.replace(' ', "");
    if s.trim().is_empty() {
        return Some(true);
    }
    if matches!(
        compact.as_str(),
        "cb" | "cc" | "vc" | "nld" | "cbcc" | "ccvc" | "cbccvc" | "cbccvcnld"
    ) || matches!(
        k.as_str(),
        "can bo"
            | "cong chuc"
            | "vien chuc"
            | "nguoi lao dong"
            | "hd co bhxh tu 12 thang"
            | "hop dong co bhxh tu 12 thang"
            | "hd khong xac dinh thoi han"
            | "hop dong khong xac dinh thoi han"
            | "hd tu 12 thang co bhxh"
            | "hop dong tu 12 thang co bhxh"
            | "nguoi hoat dong khong chuyen trach"
            | "hoat dong khong chuyen trach"
            | "can bo khong chuyen trach"
            | "khong chuyen trach"
            | "hd khong thoi han"
            | "hop dong khong thoi han"
    ) {
        return Some(true);
    }
    if matches!(
        k.as_str(),
        "hd duoi 12 thang"
            | "hop dong duoi 12 thang"
            | "hd khong bhxh"
            | "hop dong khong bhxh"
            | "hd khong co bhxh"
            | "hop dong khong co bhxh"
            | "hd khong dong bhxh"
            | "hop dong khong dong bhxh"
    ) {
        return Some(false);
    }
    None
}

/// `Diện BTV quản lý`: `x` (or `Có`) marks the mẫu 03 track.
pub fn parse_mark(s: &str) -> Option<bool> {
    let k = key(s);
    if is_plain_no(s, &k) {
        return Some(false);
    }
    let tick = matches!(s.trim(), "✓" | "✔" | "√" | "v" | "V");
    if is_plain_yes(&k) || tick || k == "1" || k == "bat buoc" || k == "btv" {
        return Some(true);
    }
    None
}

/// What a unit declared in the `Kết quả` column of its own mẫu 06 (SPEC §3 "Mẫu 06 typed by hand").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Declared {
    Dat,
    KhongDat,
    KhongDanhGia,
}

impl Declared {
    /// The status the declaration claims.
    pub fn status(self) -> Status {
        match self {
            Declared::Dat => Status::Dat,
            Declared::KhongDat => Status::KhongDat,
            Declared::KhongDanhGia => Status::KhongDanhGia,
        }
    }
}

/// Mẫu 06 `Kết quả`: `Đạt`, `Không đạt`, `Không đánh giá` / `Không xét` (the latter may go on with
/// its reason: "Không đánh giá (nghỉ thai sản)"); `None` for anything else, blank included.
pub fn parse_declared(s: &str) -> Option<Declared> {
    let k = key(s);
    let starts = |p: &str| k == p || k.starts_with(&format!("{p} "));
    match k.as_str() {
        "dat" | "dat chuyen nghiep" => Some(Declared::Dat),
        "khong dat"
        | "chua dat"
        | "khong dat chuyen nghiep"
        | "chua dat chuyen nghiep"
        | "k dat"
        | "ko dat" => Some(Declared::KhongDat),
        _ if [
            "khong danh gia",
            "khong xet",
            "khong xep loai",
            "khong thuoc dien danh gia",
        ]
        .iter()
        .any(|p| starts(p)) =>
        {
            Some(Declared::KhongDanhGia)
        }
        _ => None,
    }
}

/// Mẫu 06 `Mẫu phiếu`: 03, 04 or 05 in any spelling ("Mẫu 04", "Mẫu số 04", "04", "4", "M04").
pub fn parse_form(s: &str) -> Option<Form> {
    let k = key(s);
    let rest = [
        "mau phieu so ",
        "mau phieu ",
        "mau so ",
        "mau ",
        "phieu so ",
        "phieu ",
        "m",
    ]
    .iter()
    .find_map(|p| k.strip_prefix(p))
    .unwrap_or(&k);
    match rest.trim_start_matches('0') {
        "3" => Some(Form::M03),
        "4" => Some(Form::M04),
        "5" => Some(Form::M05),
        _ => None,
    }
}

/// Phrases of a mẫu 06 `Ghi chú` (or of its `Kết quả`) that say why a person is not evaluated,
/// by reason. The reason words of [`Reason::words`] (this tool's own mẫu 06) are among them.
const NOT_EVALUATED_WORDS: [(Reason, &[&str]); 3] = [
    (
        Reason::Vang15Ngay,
        &[
            "nghi tu 15 ngay",
            "vang tu 15 ngay",
            "thai san",
            "nghi om",
            "om dau",
            "om dai ngay",
            "dieu tri",
            "nghi khong luong",
            "nghi phep",
            "nghi he",
            "nghi viec rieng",
            "vang 15 ngay",
        ],
    ),
    (
        Reason::KhongDuThoiGian,
        &[
            "khong cong tac tai don vi du thoi gian",
            "khong du thoi gian",
            "nghi huu",
            "thoi viec",
            "nghi viec",
            "chuyen cong tac",
            "chuyen den",
            "chuyen di",
            "moi tuyen",
            "moi tiep nhan",
            "moi chuyen ve",
            "moi ve",
            "dieu dong",
            "luan chuyen",
        ],
    ),
    (
        Reason::NgoaiDoiTuong,
        &[
            "khong thuoc doi tuong",
            "ngoai doi tuong",
            "hd duoi 12 thang",
            "hop dong duoi 12 thang",
            "khong bhxh",
            "khong dong bhxh",
            "khong co bhxh",
        ],
    ),
];

/// What the words beside a declared `Không đánh giá` (mẫu 06 `Kết quả` and `Ghi chú`) say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotEvaluatedNote {
    /// Every reason named, in the contract's order of precedence (SPEC §5); never empty.
    pub reasons: Vec<Reason>,
    /// How long the words say the person was away (absent, or outside the unit).
    pub length: StatedLength,
    /// For a time outside the unit: whether the words say the person joined or left.
    pub direction: Option<Direction>,
}

/// Whether a person joined or left the unit during the quarter, as the words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// "Mới tuyển dụng", "chuyển đến": the time before the date is outside the unit.
    Joined,
    /// "Nghỉ hưu", "thôi việc", "chuyển đi": the time from the date on is outside the unit.
    Left,
}

/// How long an absence (or a time outside the unit) is, as written in a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedLength {
    /// No length is written ("Nghỉ thai sản").
    NotStated,
    /// Written in months only ("6 tháng"): how much of it falls in the quarter is not said.
    Months,
    /// A number of days, in half days: every "N ngày" written, summed (SPEC §2: all absences
    /// summed).
    Days(u32),
    /// "cả quý", "toàn quý", "suốt quý": the whole quarter.
    WholeQuarter,
    /// This tool's own words for the reason, which state that the threshold is met.
    OwnWords,
    /// Dates ("từ 25/3/2024", "từ 10/1 đến 20/2", "từ ngày 5 tháng 1 năm 2024"): either end may
    /// be missing.
    Dates {
        from: Option<DayMonth>,
        to: Option<DayMonth>,
    },
}

/// A date as written in a note: day and month, the year when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMonth {
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
}

/// Why a person declared `Không đánh giá` is not evaluated, from the words written beside it:
/// every reason named (first in the contract's order of precedence, SPEC §5) and the length the
/// words give. `None` when no reason can be read: it is never guessed. Whether the length is
/// enough is decided with the quarter's calendar ([`crate::mau06`]).
pub fn parse_not_evaluated(s: &str) -> Option<NotEvaluatedNote> {
    let words = format!(" {} ", key(s));
    let mut reasons: Vec<Reason> = NOT_EVALUATED_WORDS
        .iter()
        .filter(|(reason, phrases)| {
            phrases.iter().any(|p| words.contains(&format!(" {p} ")))
                || (*reason == Reason::Vang15Ngay && absence_in_days(s))
        })
        .map(|(reason, _)| *reason)
        .collect();
    if reasons.is_empty() {
        return None;
    }
    reasons.sort();
    let own = |r: Reason| {
        [crate::i18n::Lang::Vi, crate::i18n::Lang::En]
            .iter()
            .any(|&l| words.contains(&format!(" {} ", key(r.words(l)))))
    };
    let length = if reasons.iter().any(|&r| own(r)) {
        StatedLength::OwnWords
    } else {
        stated_length(s)
    };
    let has = |ps: &[&str]| ps.iter().any(|p| words.contains(&format!(" {p} ")));
    let direction = match (has(JOINED), has(LEFT)) {
        (true, false) => Some(Direction::Joined),
        (false, true) => Some(Direction::Left),
        _ => None,
    };
    Some(NotEvaluatedNote {
        reasons,
        length,
        direction,
    })
}

/// Words of someone who joined the unit during the quarter.
const JOINED: &[&str] = &[
    "moi tuyen",
    "moi tiep nhan",
    "moi chuyen ve",
    "moi ve",
    "moi dieu dong ve",
    "chuyen den",
    "tiep nhan",
    "tuyen dung",
];

/// Words of someone who left the unit during the quarter.
const LEFT: &[&str] = &[
    "nghi huu",
    "thoi viec",
    "nghi viec",
    "chuyen di",
    "nghi che do",
];

/// "nghỉ 20 ngày", "vắng 3,5 ngày làm việc": an absence given in days (whether it is long
/// enough is decided with the others, from [`stated_length`]).
fn absence_in_days(s: &str) -> bool {
    let p = pieces(s);
    p.windows(3).any(|x| match x {
        [Piece::Word(a), Piece::Number(_), Piece::Word(b)] => {
            matches!(a.as_str(), "nghi" | "vang") && b == "ngay"
        }
        _ => false,
    })
}

/// One piece of a note, for [`stated_length`].
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Word(String),
    /// A number, in half units ("14,5" → 29).
    Number(u32),
    Date(DayMonth),
}

/// The pieces of a note: dates (`25/3/2024`, `10/1`, `5-1-2024`), numbers (`14,5`), words (as
/// [`key`] gives them).
fn pieces(s: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for chunk in s.split(|c: char| c.is_whitespace() || ";:()[]{}".contains(c)) {
        let t = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        if let Some(d) = day_month(t) {
            out.push(Piece::Date(d));
        } else if let Some(hd) = crate::text::parse_half_days(t).filter(|_| {
            t.bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        }) {
            out.push(Piece::Number(hd));
        } else if t.bytes().all(|b| b.is_ascii_digit()) {
            // A number too large for days: a year, or a count of no use here.
            let n = t.parse::<u32>().unwrap_or(u32::MAX);
            out.push(Piece::Number(n.saturating_mul(2)));
        } else {
            out.extend(key(t).split(' ').map(|w| Piece::Word(w.to_string())));
        }
    }
    out
}

/// `25/3/2024`, `25/03`, `5-1-2024`, `5.1.2024` as a day and month (and year). Day and month
/// alone need a slash or a dash: "14.5" is a number.
fn day_month(t: &str) -> Option<DayMonth> {
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    if parts.len() == 2 && !t.contains(['/', '-']) {
        return None;
    }
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let year = match parts.get(2) {
        Some(y) if y.len() == 4 => Some(y.parse().ok()?),
        Some(y) if y.len() == 2 => Some(2000 + y.parse::<i32>().ok()?),
        Some(_) => return None,
        None => None,
    };
    let valid = (1..=31).contains(&day) && (1..=12).contains(&month);
    valid.then_some(DayMonth { day, month, year })
}

/// The length a note gives: every "N ngày" summed, else the dates ("từ … đến …", a date alone),
/// else "cả quý", else months; nothing guessed.
pub fn stated_length(s: &str) -> StatedLength {
    let p = pieces(s);
    let word = |i: usize, w: &str| matches!(p.get(i), Some(Piece::Word(x)) if x == w);
    let number = |i: usize| match p.get(i) {
        Some(Piece::Number(n)) => Some(*n),
        _ => None,
    };
    let (mut days, mut months, mut whole) = (None::<u32>, false, false);
    let (mut from, mut to) = (None, None);
    // Whether the next date is the start ("từ") or the end ("đến", "tới").
    let mut next_is_end = false;
    let mut i = 0;
    while i < p.len() {
        let date = match &p[i] {
            Piece::Date(d) => Some(*d),
            Piece::Number(n) if word(i + 1, "thang") => match number(i + 2) {
                // "25 tháng 3 (năm 2024)": a date in words.
                Some(m) if n % 2 == 0 && m % 2 == 0 && (2..=24).contains(&m) => {
                    let year = (word(i + 3, "nam"))
                        .then(|| number(i + 4))
                        .flatten()
                        .map(|y| (y / 2) as i32);
                    i += if year.is_some() { 4 } else { 2 };
                    Some(DayMonth {
                        day: n / 2,
                        month: m / 2,
                        year,
                    })
                }
                _ => {
                    months = true;
                    None
                }
            },
            Piece::Number(n) if word(i + 1, "ngay") => {
                days = Some(days.unwrap_or(0).saturating_add(*n));
                None
            }
            Piece::Word(w) if w == "tu" => {
                next_is_end = false;
                None
            }
            Piece::Word(w) if w == "den" || w == "toi" => {
                next_is_end = true;
                None
            }
            Piece::Word(w) if w == "quy" && i > 0 => {
                whole |= ["ca", "toan", "suot", "het"].iter().any(|x| word(i - 1, x));
                None
            }
            _ => None,
        };
        if let Some(d) = date {
            match (next_is_end, from.is_some()) {
                (false, false) => from = Some(d),
                _ if to.is_none() => to = Some(d),
                _ => {}
            }
            next_is_end = true;
        }
        i += 1;
    }
    if let Some(hd) = days {
        StatedLength::Days(hd)
    } else if from.is_some() || to.is_some() {
        StatedLength::Dates { from, to }
    } else if whole {
        StatedLength::WholeQuarter
    } else if months {
        StatedLength::Months
    } else {
        StatedLength::NotStated
    }
}

/// The reasons a mẫu 06 `Ghi chú` names in this tool's own words ([`Reason::words`], as its mẫu 06
/// writes them, `;`-separated) or by their codes; anything else is a plain note.
pub fn reasons_in_note(s: &str) -> Vec<Reason> {
    let mut found: Vec<Reason> = s
        .split([';', '\n'])
        .map(key)
        .filter(|k| !k.is_empty())
        .filter_map(|k| {
            Reason::ALL.into_iter().find(|r| {
                k == key(r.code())
                    || k == key(r.words(crate::i18n::Lang::Vi))
                    || k == key(r.words(crate::i18n::Lang::En))
            })
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The accepted choices of each column, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vocabulary {
    Discipline,
    Inspection,
    Review,
    StaffKind,
    Mark,
}

impl Vocabulary {
    pub fn column(self) -> &'static str {
        match self {
            Vocabulary::Discipline => "Kỷ luật",
            Vocabulary::Inspection => "Thanh tra, kiểm tra",
            Vocabulary::Review => "Kiểm điểm",
            Vocabulary::StaffKind => "Đối tượng",
            Vocabulary::Mark => "Diện BTV quản lý",
        }
    }

    /// The accepted values, as a clerk would type them.
    pub fn choices(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (Vocabulary::Discipline, Vi) => "để trống, 'Không', 'Chưa', 'Đã hết thời hạn' (không bị kỷ luật); 'Có', 'x', 'Đang thi hành kỷ luật', 'Đang xem xét kỷ luật' hoặc hình thức kỷ luật (khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc, khai trừ)",
            (Vocabulary::Discipline, En) => "blank, 'Không', 'Chưa', 'Đã hết thời hạn' (no discipline); 'Có', 'x', 'Đang thi hành kỷ luật', 'Đang xem xét kỷ luật' or a form of discipline (khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc, khai trừ)",
            (Vocabulary::Inspection, Vi) => "để trống, 'Không', 'Không vi phạm', 'Kết luận không sai phạm' (không); 'Có', 'x', 'Đang thanh tra', 'Đang kiểm tra' (đang được thanh tra, kiểm tra); hoặc nội dung sai phạm theo kết luận (có chữ 'sai phạm' hoặc 'vi phạm')",
            (Vocabulary::Inspection, En) => "blank, 'Không', 'Không vi phạm', 'Kết luận không sai phạm' (no); 'Có', 'x', 'Đang thanh tra', 'Đang kiểm tra' (under inspection); or the fault found by the conclusion (with the words 'sai phạm' or 'vi phạm')",
            (Vocabulary::Review, Vi) => "để trống, 'Không' (không phải kiểm điểm); 'Có', 'x', 'Phải kiểm điểm', 'Kiểm điểm trách nhiệm'",
            (Vocabulary::Review, En) => "blank, 'Không' (no review); 'Có', 'x', 'Phải kiểm điểm', 'Kiểm điểm trách nhiệm'",
            (Vocabulary::StaffKind, Vi) => "để trống, CB, CC, VC, NLĐ, 'HĐ có BHXH từ 12 tháng', 'HĐ không xác định thời hạn', 'Người hoạt động không chuyên trách' (thuộc đối tượng); 'HĐ dưới 12 tháng', 'HĐ không BHXH' (không thuộc đối tượng đánh giá)",
            (Vocabulary::StaffKind, En) => "blank, CB, CC, VC, NLĐ, 'HĐ có BHXH từ 12 tháng', 'HĐ không xác định thời hạn', 'Người hoạt động không chuyên trách' (in scope); 'HĐ dưới 12 tháng', 'HĐ không BHXH' (outside the people evaluated)",
            (Vocabulary::Mark, Vi) => "'x' (hoặc ✓, 1, 'Có': thuộc diện BTV quản lý, chấm Mẫu 03) hoặc để trống",
            (Vocabulary::Mark, En) => "'x' (or ✓, 1, 'Có': managed by the Standing Committee, scored on Mẫu 03) or blank",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn discipline_vocabulary() {
        for s in [
            "",
            " ",
            "Không",
            "không có",
            "K",
            "0",
            "-",
            "Chưa",
            "Hết thời hạn",
            "Đã hết thời hạn",
        ] {
            assert_eq!(parse_discipline(s), Some(false), "{s:?}");
        }
        for s in [
            "Có",
            "x",
            "X",
            "Đang thi hành kỷ luật",
            "Đang xem xét kỷ luật",
            "Khiển trách",
            "Cảnh cáo (QĐ 12/QĐ-UBND)",
            "hạ bậc lương",
            "Buộc thôi việc",
            "Khai trừ",
        ] {
            assert_eq!(parse_discipline(s), Some(true), "{s:?}");
        }
        assert_eq!(
            parse_discipline("Khiển trách (đã hết thời hạn)"),
            Some(false)
        );
        assert_eq!(parse_discipline("Cảnh cáo, chưa hết thời hạn"), Some(true));
        for s in [
            "Khiển trách, sắp hết thời hạn",
            "Khiển trách (hết thời hạn vào 30/6/2024)",
            "Cảnh cáo, còn 2 tháng nữa hết thời hạn",
            "Cảnh cáo - chưa đến hết thời hạn",
        ] {
            assert_eq!(parse_discipline(s), None, "{s:?}");
        }
        for s in ["HTXSNV", "không rõ", "Đã xử lý", "Nhắc nhở", "?", "..."] {
            assert_eq!(parse_discipline(s), None, "{s:?}");
        }
    }

    #[test]
    fn inspection_vocabulary() {
        use Inspection::*;
        for (s, want) in [
            ("", No),
            ("Không", No),
            ("-", No),
            ("Không sai phạm", No),
            ("Kết luận không sai phạm", No),
            ("Không vi phạm", No),
            ("Đã kết thúc kiểm tra, không vi phạm", No),
            ("Có", Under),
            ("x", Under),
            ("Đang thanh tra", Under),
            ("Đang kiểm tra", Under),
            ("Đang được thanh tra, kiểm tra", Under),
            ("Đang kiểm tra theo đơn phản ánh", Under),
            ("Không có", No),
            ("Không bị thanh tra", No),
            ("Không thanh tra, kiểm tra", No),
            ("Có sai phạm", AtFault),
            ("Vi phạm quy định về tài chính", AtFault),
            ("Kết luận có sai phạm", AtFault),
            ("Không vi phạm hành chính, có sai phạm về đất đai", AtFault),
            ("Không phát hiện sai phạm", No),
            ("Không có dấu hiệu vi phạm", No),
            ("Đang kiểm tra dấu hiệu vi phạm", Under),
            ("Đang thanh tra, chưa có kết luận sai phạm", Under),
        ] {
            assert_eq!(parse_inspection(s), Some(want), "{s:?}");
        }
        for s in [
            "HTTNV",
            "Chưa rõ",
            "đã xong",
            "Không vi phạm; đã nộp phạt 2 triệu",
            "Đang",
        ] {
            assert_eq!(parse_inspection(s), None, "{s:?}");
        }
        assert!(Under.fails_person() && AtFault.fails_person() && !No.fails_person());
        assert!(AtFault.breaches_scope() && !Under.breaches_scope());
    }

    #[test]
    fn review_staff_kind_and_marks() {
        assert_eq!(parse_review(""), Some(false));
        assert_eq!(parse_review("Phải kiểm điểm"), Some(true));
        assert_eq!(parse_review("Kiểm điểm trách nhiệm"), Some(true));
        assert_eq!(parse_review("đã kiểm điểm xong"), None);
        assert_eq!(parse_review("Không phải kiểm điểm"), Some(false));
        assert_eq!(parse_staff_kind("CCVC"), Some(true));
        assert_eq!(parse_staff_kind("Cán bộ không chuyên trách"), Some(true));
        // A contract without its insurance and length cannot be placed.
        assert_eq!(parse_staff_kind("LĐHĐ"), None);
        assert_eq!(parse_mark("✓"), Some(true));
        assert_eq!(parse_staff_kind(""), Some(true));
        assert_eq!(parse_staff_kind("NLĐ"), Some(true));
        assert_eq!(parse_staff_kind("HĐ có BHXH từ 12 tháng"), Some(true));
        assert_eq!(parse_staff_kind("HĐ không xác định thời hạn"), Some(true));
        assert_eq!(parse_staff_kind("HĐ dưới 12 tháng"), Some(false));
        assert_eq!(parse_staff_kind("HĐ không BHXH"), Some(false));
        assert_eq!(
            parse_staff_kind("Người hoạt động không chuyên trách"),
            Some(true)
        );
        assert_eq!(parse_staff_kind("thời vụ"), None);
        assert_eq!(parse_staff_kind("?"), None);
        assert_eq!(parse_mark("x"), Some(true));
        assert_eq!(parse_mark(""), Some(false));
        assert_eq!(parse_mark("có lẽ"), None);
    }

    #[test]
    fn mau06_words() {
        use Declared::*;
        for (s, want) in [
            ("Đạt", Some(Dat)),
            ("ĐẠT", Some(Dat)),
            (" dat ", Some(Dat)),
            ("Không đạt", Some(KhongDat)),
            ("Chưa đạt", Some(KhongDat)),
            ("Không đánh giá", Some(KhongDanhGia)),
            ("Không xét", Some(KhongDanhGia)),
            ("Không đánh giá (nghỉ thai sản)", Some(KhongDanhGia)),
            ("", None),
            ("x", None),
            ("Chưa xác định", None),
            ("HTXSNV", None),
            ("Không đạt được", None),
        ] {
            assert_eq!(parse_declared(s), want, "{s:?}");
        }
        for (s, want) in [
            ("Mẫu 04", Some(Form::M04)),
            ("04", Some(Form::M04)),
            ("4", Some(Form::M04)),
            ("Mẫu số 03", Some(Form::M03)),
            ("M05", Some(Form::M05)),
            ("mau 5", Some(Form::M05)),
            ("06", None),
            ("Mẫu", None),
            ("", None),
            ("40", None),
        ] {
            assert_eq!(parse_form(s), want, "{s:?}");
        }
        for (s, want) in [
            ("Nghỉ thai sản", Some(Reason::Vang15Ngay)),
            ("nghỉ ốm 20 ngày", Some(Reason::Vang15Ngay)),
            ("Vắng 16 ngày làm việc", Some(Reason::Vang15Ngay)),
            ("Nghỉ việc riêng", Some(Reason::Vang15Ngay)),
            ("Chuyển công tác từ 15/2", Some(Reason::KhongDuThoiGian)),
            ("Mới tuyển dụng", Some(Reason::KhongDuThoiGian)),
            ("HĐ dưới 12 tháng", Some(Reason::NgoaiDoiTuong)),
            (
                Reason::Vang15Ngay.words(crate::i18n::Lang::Vi),
                Some(Reason::Vang15Ngay),
            ),
            (
                Reason::KhongDuThoiGian.words(crate::i18n::Lang::Vi),
                Some(Reason::KhongDuThoiGian),
            ),
            (
                Reason::NgoaiDoiTuong.words(crate::i18n::Lang::Vi),
                Some(Reason::NgoaiDoiTuong),
            ),
            ("Nghỉ thai sản; chuyển công tác", Some(Reason::Vang15Ngay)),
            // An absence of 10 days is an absence (too short, decided with the calendar).
            ("nghỉ 10 ngày", Some(Reason::Vang15Ngay)),
            ("vắng 14,5 ngày", Some(Reason::Vang15Ngay)),
            ("", None),
            ("lý do khác", None),
        ] {
            assert_eq!(parse_not_evaluated(s).map(|n| n.reasons[0]), want, "{s:?}");
        }
        let both = parse_not_evaluated("Nghỉ thai sản; chuyển công tác").unwrap();
        assert_eq!(
            both.reasons,
            vec![Reason::Vang15Ngay, Reason::KhongDuThoiGian]
        );
        let dm = |day, month, year| DayMonth { day, month, year };
        use StatedLength::*;
        for (s, want) in [
            ("Nghỉ thai sản", NotStated),
            ("Nghỉ ốm 3 ngày", Days(6)),
            ("nghỉ ốm 20 ngày", Days(40)),
            ("Nghỉ ốm 10 ngày, nghỉ phép 5,5 ngày", Days(31)),
            ("vắng 14.5 ngày làm việc", Days(29)),
            ("Nghỉ thai sản 6 tháng", Months),
            ("Nghỉ thai sản cả quý", WholeQuarter),
            (
                "Thai sản từ 25/3/2024",
                Dates {
                    from: Some(dm(25, 3, Some(2024))),
                    to: None,
                },
            ),
            (
                "Nghỉ ốm từ 10/1 đến 20/02/2024",
                Dates {
                    from: Some(dm(10, 1, None)),
                    to: Some(dm(20, 2, Some(2024))),
                },
            ),
            (
                "nghỉ không lương đến 15-2-24",
                Dates {
                    from: None,
                    to: Some(dm(15, 2, Some(2024))),
                },
            ),
            (
                "Nghỉ thai sản từ ngày 5 tháng 1 năm 2024",
                Dates {
                    from: Some(dm(5, 1, Some(2024))),
                    to: None,
                },
            ),
            ("10/1 - 20/1", {
                Dates {
                    from: Some(dm(10, 1, None)),
                    to: Some(dm(20, 1, None)),
                }
            }),
        ] {
            assert_eq!(stated_length(s), want, "{s:?}");
        }
        let own = parse_not_evaluated(Reason::KhongDuThoiGian.words(crate::i18n::Lang::Vi));
        assert_eq!(own.map(|n| n.length), Some(OwnWords));
        let joined = parse_not_evaluated("Mới tuyển dụng từ 10/3/2024").unwrap();
        assert_eq!(joined.direction, Some(Direction::Joined));
        let left = parse_not_evaluated("Nghỉ hưu từ 1/3").unwrap();
        assert_eq!(left.direction, Some(Direction::Left));
        assert_eq!(
            parse_not_evaluated("Chuyển công tác từ 15/2")
                .unwrap()
                .direction,
            None
        );
        let note = format!(
            "{}; {}; đã nhắc nhở",
            Reason::TongNgoaiKhung.words(crate::i18n::Lang::Vi),
            Reason::ThangDuoiTot.words(crate::i18n::Lang::Vi)
        );
        assert_eq!(
            reasons_in_note(&note),
            vec![Reason::ThangDuoiTot, Reason::TongNgoaiKhung]
        );
        assert_eq!(
            reasons_in_note("bat-buoc-duoi-10"),
            vec![Reason::BatBuocDuoi10]
        );
        assert!(reasons_in_note("Có sai phạm").is_empty());
    }

    proptest! {
        /// Random text is never silently read as "no" unless it folds to a known "no" form.
        #[test]
        fn unknown_text_is_never_a_silent_no(s in "\\PC{1,30}") {
            let k = key(&s);
            if let Some(false) = parse_discipline(&s) {
                prop_assert!(is_plain_no(&s, &k)
                    || ["khong co", "chua", "khong bi ky luat", "khong ky luat"].contains(&k.as_str())
                    || k.contains("het thoi han"));
            }
            if let Some(Inspection::No) = parse_inspection(&s) {
                prop_assert!(is_plain_no(&s, &k) || NO_FAULT.iter().any(|p| k.contains(p)));
            }
        }
    }
}
