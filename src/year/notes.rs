//! What the year says about its inputs: a file left out, a quarter whose money is unknown, a
//! person who cannot be followed for sure. Each note carries the facts; the words are chosen in
//! the language asked for. A [`Refusal`] is what stops `nam` before it writes anything.

use crate::finding::Severity;
use crate::i18n::Lang;
use crate::model::Quarter;
use crate::reader::run_outputs::{JsonProblemKind, Problem, ProblemKind};
use serde::Serialize;

/// "quý II/2024" / "2024-Q2".
pub fn quarter_words(q: Quarter, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý {}/{}", q.roman(), q.year),
        Lang::En => q.to_string(),
    }
}

/// The same at the start of a sentence: "Quý II/2024" / "2024-Q2".
fn quarter_start(q: Quarter, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Quý {}/{}", q.roman(), q.year),
        Lang::En => q.to_string(),
    }
}

/// A person as the notes name them: `Mã CB` and name in a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub unit: String,
    pub id: String,
    pub name: String,
}

impl Who {
    fn words(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{} ({}, đơn vị {})", self.name, self.id, self.unit),
            Lang::En => format!("{} ({}, unit {})", self.name, self.id, self.unit),
        }
    }
}

/// How a reward document contradicts itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RewardsMismatch {
    /// Its `people` differs from the number of people its units accept.
    People { stated: u32, accepted: usize },
    /// Its `total` differs from the amount per person times its people.
    Total { stated: String, computed: String },
    /// A unit listed twice (by its code, else its name).
    UnitRepeated { unit: String },
    /// A `Mã CB` accepted twice in one unit.
    PersonRepeated { unit: String, id: String },
    /// A unit that accepts more people than its cap.
    OverCap {
        unit: String,
        accepted: usize,
        cap: u32,
    },
    /// A unit's `total` differs from the amount per person times the people it accepts.
    Unit {
        code: String,
        stated: String,
        computed: String,
    },
}

/// What tells the people of a unit apart: their `Mã CB`, or, in a mẫu 06 typed by hand without a
/// `Mã CB` column (ids `dong-N`, row numbers), their name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonKey {
    MaCb,
    Name,
}

/// Why a newcomer with the name of someone no longer listed is not taken for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchGap {
    /// Two different `Mã CB`.
    OtherId,
    /// What would link them (the same `Mã CB`; in a unit without `Mã CB`, the name) is there, but
    /// the names are written differently (diacritics, punctuation).
    Spelling,
    /// One of them has a row number for id, and they are not in the same unit without `Mã CB`:
    /// the name stands for the `Mã CB` within a unit only.
    NoId,
}

/// Why the money of a quarter is not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyGap {
    /// Only `ket-qua.json` was given; `beside`: a `khen-thuong.json` lies next to it.
    FileGiven { beside: Option<String> },
    /// A run folder without `khen-thuong.json`.
    NotInFolder,
    /// The reward document could not be used (its own note says why).
    Unusable,
    /// The money of so many units of the quarter is unknown (their notes say why).
    Units(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// A results or reward document that cannot be used.
    Unusable(Problem),
    /// A results document of another year than the one the others make.
    OtherYear {
        file: String,
        quarter: Quarter,
        year: i32,
    },
    /// A reward document of another quarter than the results beside it.
    RewardsOtherQuarter {
        found: Quarter,
        expected: Quarter,
    },
    /// A quarter of the year without results.
    QuarterMissing(Quarter),
    /// A results document without any unit (its run read no workbook): left out.
    NoUnits {
        file: String,
        quarter: Quarter,
    },
    /// A reward document whose figures do not add up: its money is not counted.
    RewardsInconsistent {
        file: String,
        quarter: Quarter,
        /// What does not add up, in the document's own terms.
        what: RewardsMismatch,
    },
    /// A unit of different blocs in different quarters: each quarter counts in its own bloc.
    UnitBlocs {
        code: String,
        name: String,
        /// Each quarter's bloc, in order.
        blocs: Vec<(Quarter, crate::model::Bloc)>,
    },
    MoneyUnknown {
        quarter: Quarter,
        why: MoneyGap,
    },
    /// The same `Mã CB` in a unit, under another name than in an earlier quarter: not taken as
    /// the same person.
    SameIdOtherName {
        quarter: Quarter,
        /// The name the `Mã CB` had before.
        before: String,
        now: Who,
    },
    /// A person who could be any of several people seen before (the same `Mã CB` and name; in a
    /// unit without `Mã CB`, the same name): followed as a new person.
    SeveralCandidates {
        quarter: Quarter,
        now: Who,
        candidates: Vec<Who>,
        key: PersonKey,
    },
    /// A new person with the name of someone no longer listed (compared as [`crate::text::key`]
    /// compares names) who is not taken for them: perhaps the same person, not followed as such.
    PossibleMatch {
        quarter: Quarter,
        now: Who,
        before: Who,
        gap: MatchGap,
        /// The names are the same up to case and spacing (else they differ in their marks or
        /// punctuation).
        same_name: bool,
    },
    /// The same `Mã CB` (in a unit without `Mã CB`, the same name) several times in one unit in
    /// one quarter: the people listed, in order.
    DuplicateInQuarter {
        quarter: Quarter,
        key: PersonKey,
        listed: Vec<Who>,
    },
    /// The same `Mã CB` and name listed by several units in one quarter: each listing a person.
    TwoUnits {
        quarter: Quarter,
        /// The listings, the first of each unit, in the order of the units.
        listed: Vec<Who>,
        /// The units where the person listed there before is followed on.
        followed: Vec<String>,
    },
    /// A unit named alike under two codes in different quarters: counted as two units.
    UnitCodes {
        name: String,
        codes: Vec<String>,
    },
    /// A person paid by the reward document but not in the results of the unit.
    RewardNotDat {
        quarter: Quarter,
        who: Who,
        /// The person's result in the quarter.
        status: crate::model::Status,
    },
    RewardUnknownPerson {
        quarter: Quarter,
        unit: String,
        id: String,
    },
    /// A unit a results document gives more than once: not counted that quarter.
    UnitRepeated {
        file: String,
        quarter: Quarter,
        code: String,
        name: String,
        times: usize,
    },
    /// A reward document whose amount per person or base salary is not what the profile `nam`
    /// runs with (of the name the document gives) makes of its decision date.
    RewardPriceDiffers {
        file: String,
        quarter: Quarter,
        profile: String,
        date: chrono::NaiveDate,
        stated: rust_decimal::Decimal,
        computed: rust_decimal::Decimal,
        base_stated: Option<rust_decimal::Decimal>,
        base: rust_decimal::Decimal,
    },
    /// A unit with results that the quarter's reward document does not list: its money is
    /// unknown.
    RewardsWithoutUnit {
        quarter: Quarter,
        code: String,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
}

impl From<NoteKind> for Note {
    fn from(kind: NoteKind) -> Note {
        Note { kind }
    }
}

/// A unit as a note names it: its name and code, its name, or that it has neither.
fn unit_label(code: &str, name: &str, lang: Lang) -> String {
    match (code.trim().is_empty(), name.trim().is_empty()) {
        (true, true) => lang
            .pick("không tên, không mã", "without name or code")
            .to_string(),
        (true, false) => name.to_string(),
        (false, _) => format!("{name} ({code})"),
    }
}

/// An amount of đồng with its thousands grouped as the language writes them.
fn group(d: rust_decimal::Decimal, lang: Lang) -> String {
    match lang {
        Lang::Vi => crate::money::group_digits(d),
        Lang::En => crate::money::group_digits_en(d),
    }
}

/// A note as the JSON document and the text report show it.
#[derive(Debug, Clone, Serialize)]
pub struct NoteOut {
    pub severity: Severity,
    pub code: &'static str,
    pub file: Option<String>,
    pub quarter: Option<String>,
    pub person: Option<String>,
    pub message: String,
}

impl Note {
    pub fn severity(&self) -> Severity {
        match &self.kind {
            NoteKind::Unusable(_)
            | NoteKind::OtherYear { .. }
            | NoteKind::NoUnits { .. }
            | NoteKind::RewardsInconsistent { .. }
            | NoteKind::RewardNotDat { .. }
            | NoteKind::RewardUnknownPerson { .. }
            | NoteKind::UnitRepeated { .. }
            | NoteKind::RewardsOtherQuarter { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }

    pub fn code(&self) -> &'static str {
        match &self.kind {
            NoteKind::Unusable(p) => match p.kind {
                ProblemKind::Io(_)
                | ProblemKind::NotAFile
                | ProblemKind::Json(_)
                | ProblemKind::Value(_)
                | ProblemKind::Summary { .. } => "file-unreadable",
                ProblemKind::NoResults => "results-missing",
                ProblemKind::Schema { .. } => "schema-unknown",
                ProblemKind::Quarter(_) => "quarter-unknown",
            },
            NoteKind::OtherYear { .. } => "year-mismatch",
            NoteKind::RewardsOtherQuarter { .. } => "quarter-mismatch",
            NoteKind::QuarterMissing(_) => "quarter-missing",
            NoteKind::NoUnits { .. } => "results-empty",
            NoteKind::RewardsInconsistent { .. } => "rewards-inconsistent",
            NoteKind::UnitBlocs { .. } => "unit-bloc-changed",
            NoteKind::MoneyUnknown { .. } | NoteKind::RewardsWithoutUnit { .. } => "money-unknown",
            NoteKind::UnitRepeated { .. } => "unit-duplicate",
            NoteKind::RewardPriceDiffers { .. } => "reward-price-differs",
            NoteKind::SameIdOtherName { .. } | NoteKind::SeveralCandidates { .. } => {
                "person-ambiguous"
            }
            NoteKind::PossibleMatch { .. } => "person-possible-match",
            NoteKind::DuplicateInQuarter { .. } => "person-duplicate",
            NoteKind::TwoUnits { .. } => "person-two-units",
            NoteKind::UnitCodes { .. } => "unit-code-changed",
            NoteKind::RewardUnknownPerson { .. } => "reward-unknown-person",
            NoteKind::RewardNotDat { .. } => "reward-not-dat",
        }
    }

    /// The file the note is about.
    pub fn file(&self) -> Option<&str> {
        match &self.kind {
            NoteKind::Unusable(p) => Some(&p.file),
            NoteKind::OtherYear { file, .. }
            | NoteKind::NoUnits { file, .. }
            | NoteKind::UnitRepeated { file, .. }
            | NoteKind::RewardPriceDiffers { file, .. }
            | NoteKind::RewardsInconsistent { file, .. } => Some(file),
            _ => None,
        }
    }

    pub fn quarter(&self) -> Option<Quarter> {
        match &self.kind {
            NoteKind::OtherYear { quarter, .. }
            | NoteKind::QuarterMissing(quarter)
            | NoteKind::NoUnits { quarter, .. }
            | NoteKind::RewardsInconsistent { quarter, .. }
            | NoteKind::MoneyUnknown { quarter, .. }
            | NoteKind::SameIdOtherName { quarter, .. }
            | NoteKind::SeveralCandidates { quarter, .. }
            | NoteKind::PossibleMatch { quarter, .. }
            | NoteKind::DuplicateInQuarter { quarter, .. }
            | NoteKind::TwoUnits { quarter, .. }
            | NoteKind::RewardUnknownPerson { quarter, .. }
            | NoteKind::RewardNotDat { quarter, .. }
            | NoteKind::UnitRepeated { quarter, .. }
            | NoteKind::RewardPriceDiffers { quarter, .. }
            | NoteKind::RewardsWithoutUnit { quarter, .. } => Some(*quarter),
            NoteKind::RewardsOtherQuarter { expected, .. } => Some(*expected),
            NoteKind::Unusable(_) | NoteKind::UnitCodes { .. } | NoteKind::UnitBlocs { .. } => None,
        }
    }

    /// The `Mã CB` the note is about.
    pub fn person(&self) -> Option<&str> {
        match &self.kind {
            NoteKind::SameIdOtherName { now, .. }
            | NoteKind::SeveralCandidates { now, .. }
            | NoteKind::PossibleMatch { now, .. } => Some(&now.id),
            NoteKind::DuplicateInQuarter { listed, .. } | NoteKind::TwoUnits { listed, .. } => {
                listed.first().map(|w| w.id.as_str())
            }
            NoteKind::RewardUnknownPerson { id, .. } => Some(id),
            NoteKind::RewardNotDat { who, .. } => Some(&who.id),
            _ => None,
        }
    }

    pub fn out(&self, lang: Lang) -> NoteOut {
        NoteOut {
            severity: self.severity(),
            code: self.code(),
            file: self.file().map(str::to_string),
            quarter: self.quarter().map(|q| q.to_string()),
            person: self.person().map(str::to_string),
            message: self.message(lang),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let q = |q: &Quarter| quarter_words(*q, lang);
        let start = |q: &Quarter| quarter_start(*q, lang);
        match &self.kind {
            NoteKind::Unusable(p) => problem_words(p, lang),
            NoteKind::OtherYear { file, quarter, year } => {
                let f = crate::text::terminal_safe(file);
                match lang {
                    Lang::Vi => format!(
                        "{f} là kết quả {}, không thuộc năm {year} như các kết quả khác: không tính.",
                        q(quarter)
                    ),
                    Lang::En => format!(
                        "{f} holds the results of {}, not of {year} like the others: not counted.",
                        q(quarter)
                    ),
                }
            }
            NoteKind::RewardsOtherQuarter { found, expected } => match lang {
                Lang::Vi => format!(
                    "Danh sách khen thưởng là của {}, không phải {} như kết quả bên cạnh: không tính; tiền thưởng {} chưa biết.",
                    q(found), q(expected), q(expected)
                ),
                Lang::En => format!(
                    "The reward document is of {}, not of {} like the results beside it: not counted; the money of {} is unknown.",
                    q(found), q(expected), q(expected)
                ),
            },
            NoteKind::QuarterMissing(quarter) => match lang {
                Lang::Vi => format!("Chưa có kết quả {}: số liệu cả năm chưa đủ.", q(quarter)),
                Lang::En => format!("No results for {}: the year's figures are incomplete.", q(quarter)),
            },
            NoteKind::MoneyUnknown { quarter, why } => money_gap_words(*quarter, why, lang),
            NoteKind::NoUnits { file, quarter } => {
                let f = crate::text::terminal_safe(file);
                match lang {
                    Lang::Vi => format!(
                        "{f} (kết quả {}) không có đơn vị nào: lệnh run của quý đó không đọc được sổ nào (xem loi.csv của quý); quý này tính là chưa có kết quả. Sửa sổ, chạy lại danhgia run rồi lập lại báo cáo năm.",
                        q(quarter)
                    ),
                    Lang::En => format!(
                        "{f} (results of {}) holds no unit: that quarter's run could read no workbook (see its loi.csv); the quarter counts as missing. Fix the workbooks, run danhgia run again, then the year.",
                        q(quarter)
                    ),
                }
            }
            NoteKind::RewardsInconsistent { file, quarter, what } => {
                rewards_mismatch_words(file, *quarter, what, lang)
            }
            NoteKind::UnitBlocs { code, name, blocs } => {
                let list: Vec<String> = blocs
                    .iter()
                    .map(|(qq, b)| format!("{}: {}", q(qq), b.code()))
                    .collect();
                if vi {
                    format!(
                        "Đơn vị {name} ({code}) thuộc khối khác nhau trong các quý ({}): mỗi quý tính vào khối của quý đó (bảng Đơn vị ghi đơn vị ở từng khối). Nếu sai khối, sửa Khối trong sổ của quý đó.",
                        list.join("; ")
                    )
                } else {
                    format!(
                        "The unit {name} ({code}) is of different blocs across the quarters ({}): each quarter counts in that quarter's bloc (the Đơn vị sheet lists the unit under each). If a bloc is wrong, fix Khối in that quarter's workbook.",
                        list.join("; ")
                    )
                }
            }
            NoteKind::SameIdOtherName { quarter, before, now } => if vi {
                format!(
                    "{}: Mã CB {} của đơn vị {} nay ghi tên {}, trước đó là {}: không coi là cùng một người (kiểm tra lại Mã CB hoặc họ tên).",
                    start(quarter), now.id, now.unit, now.name, before
                )
            } else {
                format!(
                    "{}: Mã CB {} of unit {} now names {}, earlier {}: not taken as the same person (check the Mã CB or the name).",
                    start(quarter), now.id, now.unit, now.name, before
                )
            },
            NoteKind::SeveralCandidates { quarter, now, candidates, key } => {
                let list: Vec<String> = candidates.iter().map(|c| c.words(lang)).collect();
                let (n, list) = (candidates.len(), list.join("; "));
                match (key, lang) {
                    (PersonKey::MaCb, Lang::Vi) => format!(
                        "{}: {} có cùng Mã CB và họ tên với {n} người trước đó ({list}): không rõ là ai, tính là người mới.",
                        start(quarter), now.words(lang)
                    ),
                    (PersonKey::MaCb, Lang::En) => format!(
                        "{}: {} has the Mã CB and name of {n} people seen before ({list}): which one is unclear, counted as a new person.",
                        start(quarter), now.words(lang)
                    ),
                    (PersonKey::Name, Lang::Vi) => format!(
                        "{}: {} có cùng họ tên với {n} người trước đó của đơn vị ({list}); sổ không có cột Mã CB nên không rõ là ai: tính là người mới. Thêm cột Mã CB vào Mẫu 06 của đơn vị để theo dõi được.",
                        start(quarter), now.words(lang)
                    ),
                    (PersonKey::Name, Lang::En) => format!(
                        "{}: {} has the name of {n} people of the unit seen before ({list}); the workbook has no Mã CB column, so which one is unclear: counted as a new person. Add the Mã CB column to the unit's mẫu 06 to follow them.",
                        start(quarter), now.words(lang)
                    ),
                }
            }
            NoteKind::PossibleMatch { quarter, now, before, gap, same_name } => {
                let lead = match (same_name, lang) {
                    (true, Lang::Vi) => format!(
                        "{}: {} trùng họ tên với {}, người không còn trong danh sách;",
                        start(quarter), now.words(lang), before.words(lang)
                    ),
                    (false, Lang::Vi) => format!(
                        "{}: {} có họ tên gần giống (chỉ khác dấu hoặc cách viết) {}, người không còn trong danh sách;",
                        start(quarter), now.words(lang), before.words(lang)
                    ),
                    (true, Lang::En) => format!(
                        "{}: {} has the name of {}, who is no longer listed;",
                        start(quarter), now.words(lang), before.words(lang)
                    ),
                    (false, Lang::En) => format!(
                        "{}: {} has nearly the name (differing only in diacritics or punctuation) of {}, who is no longer listed;",
                        start(quarter), now.words(lang), before.words(lang)
                    ),
                };
                let why = match (gap, lang) {
                    (MatchGap::OtherId, Lang::Vi) => "Mã CB khác nên không coi là cùng một người. Nếu là một người, ghi cùng Mã CB trong sổ các quý.",
                    (MatchGap::OtherId, Lang::En) => "the Mã CB differs, so they are not taken as one person. If they are, write the same Mã CB in every quarter's workbook.",
                    (MatchGap::Spelling, Lang::Vi) => "họ tên viết khác nên không coi là cùng một người. Nếu là một người, sửa họ tên cho giống nhau trong sổ các quý.",
                    (MatchGap::Spelling, Lang::En) => "the names are written differently, so they are not taken as one person. If they are, write the name the same way in every quarter's workbook.",
                    (MatchGap::NoId, Lang::Vi) => "sổ không có cột Mã CB (mã là số dòng) chỉ theo dõi theo họ tên trong cùng một đơn vị nên không coi là cùng một người. Nếu là một người, ghi cùng Mã CB trong sổ các quý.",
                    (MatchGap::NoId, Lang::En) => "a workbook without a Mã CB column (the id is a row number) is followed by name within its unit only, so they are not taken as one person. If they are, write the same Mã CB in every quarter's workbook.",
                };
                format!("{lead} {why}")
            }
            NoteKind::DuplicateInQuarter { quarter, key, listed } => {
                let first = &listed[0];
                let n = listed.len();
                match (key, lang) {
                    (PersonKey::MaCb, _) => {
                        let names: Vec<&str> = listed.iter().map(|w| w.name.as_str()).collect();
                        let names = names.join("; ");
                        if vi {
                            format!(
                                "{}: Mã CB {} có {n} lần trong đơn vị {} ({names}): tính là {n} người khác nhau. Mỗi người cần một Mã CB riêng; nếu là một người ghi hai lần, xóa dòng thừa trong sổ của đơn vị.",
                                start(quarter), first.id, first.unit
                            )
                        } else {
                            format!(
                                "{}: Mã CB {} appears {n} times in unit {} ({names}): counted as {n} different people. Each person needs their own Mã CB; if one person was entered twice, remove the extra row in the unit's workbook.",
                                start(quarter), first.id, first.unit
                            )
                        }
                    }
                    (PersonKey::Name, _) => {
                        let ids: Vec<&str> = listed.iter().map(|w| w.id.as_str()).collect();
                        let ids = ids.join(", ");
                        if vi {
                            format!(
                                "{}: họ tên {} có {n} lần trong đơn vị {} ({ids}); sổ không có cột Mã CB nên không phân biệt được những người này giữa các quý: mỗi người tính là một người mới. Thêm cột Mã CB vào Mẫu 06 của đơn vị để theo dõi được.",
                                start(quarter), first.name, first.unit
                            )
                        } else {
                            format!(
                                "{}: the name {} appears {n} times in unit {} ({ids}); the workbook has no Mã CB column, so these people cannot be told apart from one quarter to the next: each is counted as a new person. Add the Mã CB column to the unit's mẫu 06 to follow them.",
                                start(quarter), first.name, first.unit
                            )
                        }
                    }
                }
            }
            NoteKind::TwoUnits { quarter, listed, followed } => {
                let first = &listed[0];
                let n = listed.len();
                let units: Vec<&str> = listed.iter().map(|w| w.unit.as_str()).collect();
                let units = units.join(", ");
                let followed_n = followed.len();
                let followed = followed.join(", ");
                if vi {
                    let on = match followed_n {
                        0 => String::new(),
                        1 => format!(", người có tên trước đó ở đơn vị {followed} theo dõi tiếp ở đơn vị đó"),
                        _ => format!(", những người có tên trước đó ở các đơn vị {followed} theo dõi tiếp ở đơn vị của mình"),
                    };
                    format!(
                        "{}: {} (Mã CB {}) có tên ở {n} đơn vị: {units}. Một người chỉ thuộc một đơn vị: mỗi lần có tên tính là một người{on}. Nếu là một người, bỏ tên ở đơn vị không đúng; nếu là nhiều người, ghi Mã CB khác nhau.",
                        start(quarter), first.name, first.id
                    )
                } else {
                    let on = match followed_n {
                        0 => String::new(),
                        1 => format!(", the person listed before in unit {followed} followed on there"),
                        _ => format!(", those listed before in units {followed} followed on in their own unit"),
                    };
                    format!(
                        "{}: {} (Mã CB {}) is listed in {n} units: {units}. A person belongs to one unit: each listing is counted as a person{on}. If it is one person, remove the listing in the wrong unit; if several, give them different Mã CB.",
                        start(quarter), first.name, first.id
                    )
                }
            }
            NoteKind::UnitCodes { name, codes } => if vi {
                format!(
                    "Đơn vị {name} có {} mã trong các quý ({}): tính là các đơn vị riêng. Ghi cùng Mã đơn vị trong sổ các quý để theo dõi cả năm.",
                    codes.len(), codes.join(", ")
                )
            } else {
                format!(
                    "The unit {name} has {} codes across the quarters ({}): counted as separate units. Write the same Mã đơn vị every quarter to follow it over the year.",
                    codes.len(), codes.join(", ")
                )
            },
            NoteKind::RewardNotDat { quarter, who, status } => if vi {
                format!(
                    "{}: danh sách khen thưởng có {}, người có kết quả \"{}\" chứ không đạt: chỉ người đạt mới được khen thưởng. Không tính tiền cho người này, và tiền thưởng của đơn vị trong quý tính là chưa biết; lập lại danh sách khen thưởng từ đúng kết quả của quý.",
                    start(quarter), who.words(lang), status.code()
                )
            } else {
                format!(
                    "{}: the reward document pays {}, whose result is \"{}\", not đạt: only people đạt can be rewarded. No money counts for this person, and the unit's money that quarter counts as unknown; make the reward document again from the quarter's own results.",
                    start(quarter), who.words(lang), status.code()
                )
            },
            NoteKind::RewardUnknownPerson { quarter, unit, id } => if vi {
                format!(
                    "{}: danh sách khen thưởng trả tiền cho Mã CB {id} của đơn vị {unit}, người không có trong kết quả: tiền thưởng của đơn vị (và của quý, nếu đơn vị không có kết quả) tính là chưa biết. Lập lại danh sách khen thưởng từ đúng kết quả của quý (danhgia run hoặc danhgia rewards).",
                    start(quarter)
                )
            } else {
                format!(
                    "{}: the reward document pays Mã CB {id} of unit {unit}, who is not in the results: the unit's money (and the quarter's, when the unit has no results) counts as unknown. Make the reward document again from the quarter's own results (danhgia run or danhgia rewards).",
                    start(quarter)
                )
            },
            NoteKind::UnitRepeated { file, quarter, code, name, times } => {
                let f = crate::text::terminal_safe(file);
                let unit = unit_label(code, name, lang);
                if vi {
                    format!(
                        "{f}: đơn vị {unit} có {times} lần trong kết quả {}: không rõ lần nào đúng nên không tính đơn vị này trong quý đó. Tệp do danhgia run ghi không bao giờ lặp đơn vị: dùng tệp của lệnh run, không sửa hay ghép tay.",
                        q(quarter)
                    )
                } else {
                    format!(
                        "{f}: unit {unit} is given {times} times in the results of {}: which is right cannot be told, so the unit is not counted that quarter. A document written by danhgia run never repeats a unit: use run's own file, not one edited or put together by hand.",
                        q(quarter)
                    )
                }
            }
            NoteKind::RewardPriceDiffers { file, quarter, profile, date, stated, computed, base_stated, base } => {
                let f = crate::text::terminal_safe(file);
                let d = date.format("%d/%m/%Y");
                let (stated, computed) = (group(*stated, lang), group(*computed, lang));
                let base_words = match base_stated {
                    Some(b) if b != base => match lang {
                        Lang::Vi => format!("; lương cơ sở ghi {} đồng, hồ sơ cho {} đồng", group(*b, lang), group(*base, lang)),
                        Lang::En => format!("; its base salary is {} đồng, the profile gives {} đồng", group(*b, lang), group(*base, lang)),
                    },
                    _ => String::new(),
                };
                match lang {
                    Lang::Vi => format!(
                        "{f}: mức khen thưởng một người {} ghi {stated} đồng nhưng theo hồ sơ cấu hình '{profile}' (hồ sơ lệnh nam đang dùng), với ngày quyết định {d} của danh sách, là {computed} đồng{base_words}. Tiền vẫn tính theo danh sách; nếu danh sách đã bị sửa tay, lập lại bằng danhgia rewards; nếu quý đó được tính với một bản hồ sơ đã sửa, chạy nam với --profile của bản đó.",
                        q(quarter)
                    ),
                    Lang::En => format!(
                        "{f}: the reward per person of {} is {stated} đồng, but the profile '{profile}' (the one nam runs with) gives {computed} đồng on the document's decision date {d}{base_words}. The money counts as the document says; if the document was edited by hand, make it again with danhgia rewards; if that quarter was priced with an edited copy of the profile, run nam with that --profile.",
                        q(quarter)
                    ),
                }
            }
            NoteKind::RewardsWithoutUnit { quarter, code, name } => {
                let unit = unit_label(code, name, lang);
                if vi {
                    format!(
                        "Danh sách khen thưởng {} không có đơn vị {unit} (đơn vị có trong kết quả): danh sách được lập không có đơn vị này, nên tiền thưởng của đơn vị trong quý chưa biết. Lập lại danh sách khen thưởng từ đúng kết quả của quý.",
                        q(quarter)
                    )
                } else {
                    format!(
                        "The reward document of {} does not list unit {unit}, which has results: it was made without the unit, so the unit's money that quarter is unknown. Make the reward document again from the quarter's own results.",
                        q(quarter)
                    )
                }
            }
        }
    }
}

fn rewards_mismatch_words(
    file: &str,
    quarter: Quarter,
    what: &RewardsMismatch,
    lang: Lang,
) -> String {
    let f = crate::text::terminal_safe(file);
    let q = quarter_words(quarter, lang);
    let detail = match (what, lang) {
        (RewardsMismatch::People { stated, accepted }, Lang::Vi) => format!(
            "ghi {stated} người được khen nhưng danh sách các đơn vị có {accepted} người"
        ),
        (RewardsMismatch::People { stated, accepted }, Lang::En) => format!(
            "it states {stated} people rewarded but its units accept {accepted}"
        ),
        (RewardsMismatch::Total { stated, computed }, Lang::Vi) => format!(
            "tổng tiền ghi {stated} đồng nhưng mức một người nhân số người là {computed} đồng"
        ),
        (RewardsMismatch::Total { stated, computed }, Lang::En) => format!(
            "its total is {stated} đồng but the amount per person times the people is {computed} đồng"
        ),
        (RewardsMismatch::UnitRepeated { unit }, Lang::Vi) => {
            format!("đơn vị {unit} có tên hai lần trong danh sách")
        }
        (RewardsMismatch::UnitRepeated { unit }, Lang::En) => {
            format!("unit {unit} is listed twice")
        }
        (RewardsMismatch::OverCap { unit, accepted, cap }, Lang::Vi) => format!(
            "đơn vị {unit} có {accepted} người được khen, quá số tối đa {cap} của chính danh sách"
        ),
        (RewardsMismatch::OverCap { unit, accepted, cap }, Lang::En) => format!(
            "unit {unit} rewards {accepted} people, over its own cap of {cap}"
        ),
        (RewardsMismatch::PersonRepeated { unit, id }, Lang::Vi) => format!(
            "Mã CB {id} có tên hai lần trong danh sách được khen của đơn vị {unit}"
        ),
        (RewardsMismatch::PersonRepeated { unit, id }, Lang::En) => format!(
            "Mã CB {id} is listed twice among the people rewarded in unit {unit}"
        ),
        (RewardsMismatch::Unit { code, stated, computed }, Lang::Vi) => format!(
            "đơn vị {code} ghi {stated} đồng nhưng mức một người nhân số người được khen của đơn vị là {computed} đồng"
        ),
        (RewardsMismatch::Unit { code, stated, computed }, Lang::En) => format!(
            "unit {code} states {stated} đồng but the amount per person times its people rewarded is {computed} đồng"
        ),
    };
    match lang {
        Lang::Vi => format!(
            "{f}: danh sách khen thưởng {q} không khớp với chính nó ({detail}): không tính; tiền thưởng {q} chưa biết. Lập lại bằng danhgia run hoặc danhgia rewards."
        ),
        Lang::En => format!(
            "{f}: the reward document of {q} contradicts itself ({detail}): not counted; the money of {q} is unknown. Make it again with danhgia run or danhgia rewards."
        ),
    }
}

fn money_gap_words(quarter: Quarter, why: &MoneyGap, lang: Lang) -> String {
    let q = quarter_words(quarter, lang);
    match (why, lang) {
        (MoneyGap::FileGiven { beside: Some(b) }, Lang::Vi) => format!(
            "Tiền thưởng {q} chưa biết: chỉ đưa tệp ket-qua.json; đưa cả thư mục kết quả của lệnh run (có {b}) để tính tiền."
        ),
        (MoneyGap::FileGiven { beside: Some(b) }, Lang::En) => format!(
            "The money of {q} is unknown: only ket-qua.json was given; give run's output folder (it holds {b}) to count the money."
        ),
        (MoneyGap::FileGiven { beside: None }, Lang::Vi) => format!(
            "Tiền thưởng {q} chưa biết: chỉ có ket-qua.json, không có danh sách khen thưởng (khen-thuong.json); đưa thư mục kết quả của lệnh run để tính tiền."
        ),
        (MoneyGap::FileGiven { beside: None }, Lang::En) => format!(
            "The money of {q} is unknown: only ket-qua.json, no reward document (khen-thuong.json); give run's output folder to count the money."
        ),
        (MoneyGap::NotInFolder, Lang::Vi) => format!(
            "Tiền thưởng {q} chưa biết: thư mục kết quả không có khen-thuong.json (chạy lại danhgia run cho quý này để có tệp đó)."
        ),
        (MoneyGap::NotInFolder, Lang::En) => format!(
            "The money of {q} is unknown: the output folder has no khen-thuong.json (run danhgia run again for this quarter to get it)."
        ),
        (MoneyGap::Unusable, Lang::Vi) => format!("Tiền thưởng {q} chưa biết: không dùng được danh sách khen thưởng (xem lỗi của tệp)."),
        (MoneyGap::Unusable, Lang::En) => format!("The money of {q} is unknown: the reward document cannot be used (see the file's error)."),
        (MoneyGap::Units(n), Lang::Vi) => format!("Tiền thưởng {q} chưa biết đủ: tiền của {n} đơn vị trong quý chưa biết (xem các ghi chú về danh sách khen thưởng của quý), nên tổng của quý không được tính vào cả năm."),
        (MoneyGap::Units(n), Lang::En) => format!("The money of {q} is not fully known: the money of {n} {} that quarter is unknown (see the notes on the quarter's reward document), so the quarter's total is not counted in the year's.", if *n == 1 { "unit" } else { "units" }),
    }
}

fn problem_words(p: &Problem, lang: Lang) -> String {
    let f = crate::text::terminal_safe(&p.file).into_owned();
    match (&p.kind, lang) {
        (ProblemKind::Io(e), Lang::Vi) => format!("Không đọc được {f}: {e}."),
        (ProblemKind::Io(e), Lang::En) => format!("Cannot read {f}: {e}."),
        (ProblemKind::NotAFile, Lang::Vi) => {
            format!("{f} không phải tệp thường (đường ống, thiết bị): không đọc.")
        }
        (ProblemKind::NotAFile, Lang::En) => {
            format!("{f} is not a regular file (a pipe, a device): not read.")
        }
        (ProblemKind::NoResults, Lang::Vi) => format!(
            "Thư mục {f} không có ket-qua.json: đưa thư mục kết quả của lệnh run (hoặc tệp ket-qua.json), không phải thư mục sổ của đơn vị."
        ),
        (ProblemKind::NoResults, Lang::En) => format!(
            "The folder {f} has no ket-qua.json: give run's output folder (or a ket-qua.json file), not a folder of unit workbooks."
        ),
        (ProblemKind::Json(e), Lang::Vi) => {
            let what = match e.kind {
                JsonProblemKind::Syntax => "sai cú pháp JSON",
                JsonProblemKind::Eof => "tệp bị cắt ngang (hết tệp giữa tài liệu)",
                JsonProblemKind::Data => {
                    "giá trị không đúng kiểu hoặc thiếu trường của tài liệu"
                }
                JsonProblemKind::Io => "không đọc hết được tệp",
            };
            format!(
                "{f} không dùng được: {what}, ở dòng {}, cột {}. Dùng tệp do danhgia ghi, không sửa tay.",
                e.line, e.column
            )
        }
        (ProblemKind::Json(e), Lang::En) => {
            format!("{f} is not readable JSON ({}).", e.detail)
        }
        (ProblemKind::Schema { found, expected }, Lang::Vi) => format!(
            "{f} không phải tài liệu {expected} (schema: {}).",
            found.as_deref().unwrap_or("không có")
        ),
        (ProblemKind::Schema { found, expected }, Lang::En) => format!(
            "{f} is not a {expected} document (schema: {}).",
            found.as_deref().unwrap_or("none")
        ),
        (ProblemKind::Quarter(None), Lang::Vi) => format!(
            "{f} không ghi quý (lệnh tạo ra nó không đọc được sổ nào): không tính."
        ),
        (ProblemKind::Quarter(None), Lang::En) => format!(
            "{f} names no quarter (the command that wrote it read no workbook): not counted."
        ),
        (ProblemKind::Quarter(Some(q)), Lang::Vi) => format!("{f}: \"{q}\" không phải quý: không tính."),
        (ProblemKind::Quarter(Some(q)), Lang::En) => format!("{f}: \"{q}\" is not a quarter: not counted."),
        (ProblemKind::Value(v), Lang::Vi) => format!("{f}: giá trị ngoài quy ước {v}: không tính."),
        (ProblemKind::Value(v), Lang::En) => format!("{f}: a value outside the contract, {v}: not counted."),
        (ProblemKind::Summary { code, stated, counted }, Lang::Vi) => format!(
            "{f}: phần tóm tắt của đơn vị {code} ghi {}/{} người đạt/được đánh giá nhưng danh sách người có {}/{}: tệp đã bị sửa tay, không tính. Dùng tệp do danhgia run ghi.",
            stated.0, stated.1, counted.0, counted.1
        ),
        (ProblemKind::Summary { code, stated, counted }, Lang::En) => format!(
            "{f}: the summary of unit {code} says {}/{} đạt/evaluated but its people make {}/{}: the file was edited by hand, not counted. Use the file danhgia run wrote.",
            stated.0, stated.1, counted.0, counted.1
        ),
    }
}

/// Why `nam` writes nothing (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No path gave a usable results document.
    NothingReadable,
    /// More paths than a year has quarters.
    TooMany(usize),
    /// Files of several years, none with more files than the others: (year, files).
    SeveralYears(Vec<(i32, Vec<String>)>),
    /// Two files of one quarter.
    SameQuarter(Quarter, Vec<String>),
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::NothingReadable, Lang::Vi) => "không đọc được kết quả quý nào; chưa ghi gì.".into(),
            (Refusal::NothingReadable, Lang::En) => "no quarter's results could be read; nothing written.".into(),
            (Refusal::TooMany(n), Lang::Vi) => format!(
                "một năm có 4 quý, nhưng đã đưa {n} thư mục/tệp kết quả; đưa kết quả của từng quý, mỗi quý một lần."
            ),
            (Refusal::TooMany(n), Lang::En) => format!(
                "a year has 4 quarters, but {n} result folders/files were given; give each quarter's results once."
            ),
            (Refusal::SeveralYears(years), _) => {
                let list: Vec<String> = years
                    .iter()
                    .map(|(y, files)| format!("{y}: {}", files.join(", ")))
                    .collect();
                match lang {
                    Lang::Vi => format!(
                        "kết quả thuộc nhiều năm, không biết lập cho năm nào; chỉ đưa kết quả các quý của một năm:\n  {}",
                        list.join("\n  ")
                    ),
                    Lang::En => format!(
                        "the results are of several years, so which year to sum is unclear; give the quarters of one year only:\n  {}",
                        list.join("\n  ")
                    ),
                }
            }
            // The same file given twice (a folder and its ket-qua.json): said as such.
            (Refusal::SameQuarter(q, files), Lang::Vi) if files.iter().all(|f| *f == files[0]) => {
                format!(
                    "đã đưa {} lần cùng một kết quả {} ({}); mỗi quý chỉ đưa một lần.",
                    files.len(),
                    quarter_words(*q, lang),
                    files[0]
                )
            }
            (Refusal::SameQuarter(q, files), Lang::En) if files.iter().all(|f| *f == files[0]) => {
                format!(
                    "the same results of {q} were given {} times ({}); give each quarter once.",
                    files.len(),
                    files[0]
                )
            }
            (Refusal::SameQuarter(q, files), Lang::Vi) => format!(
                "có {} kết quả của {}: {}; không chọn thay được, chỉ đưa một kết quả cho mỗi quý.",
                files.len(),
                quarter_words(*q, lang),
                files.join(", ")
            ),
            (Refusal::SameQuarter(q, files), Lang::En) => format!(
                "{} results of {}: {}; which one counts cannot be chosen for you, give one per quarter.",
                files.len(),
                q,
                files.join(", ")
            ),
        }
    }
}
