//! Signs that a unit's scoring deserves a second look (SPEC §4 `bat-thuong`; 001 Bước 4: "kết quả
//! đánh giá có sự bất thường"). Pure: plain values in, signs with their evidence out. A sign
//! never changes a result; it only says where a reviewer should look, and why.
//!
//! The five signs and their thresholds (profile section `[bat_thuong]`) are defined in
//! docs/bat-thuong.md; each function below is one of them.

use crate::i18n::Lang;
use crate::model::{Bloc, Form, Quarter, Score, Total};
use crate::profile::{Profile, SignThresholds};
use crate::text;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

/// The signs, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignCode {
    RateAboveBloc,
    RateJump,
    CopiedRows,
    SheetAllTop,
    LeaderAboveAll,
}

impl SignCode {
    pub const ALL: [SignCode; 5] = [
        SignCode::RateAboveBloc,
        SignCode::RateJump,
        SignCode::CopiedRows,
        SignCode::SheetAllTop,
        SignCode::LeaderAboveAll,
    ];

    /// The code in the JSON document.
    pub fn as_str(self) -> &'static str {
        match self {
            SignCode::RateAboveBloc => "rate-above-bloc",
            SignCode::RateJump => "rate-jump",
            SignCode::CopiedRows => "copied-rows",
            SignCode::SheetAllTop => "sheet-all-top",
            SignCode::LeaderAboveAll => "leader-above-all",
        }
    }

    /// A short name.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            SignCode::RateAboveBloc => tr!(
                lang,
                "Tỷ lệ đạt cao hơn hẳn các đơn vị cùng khối",
                "Đạt rate far above the rest of the bloc"
            ),
            SignCode::RateJump => tr!(
                lang,
                "Tỷ lệ đạt tăng vọt so với quý trước",
                "Đạt rate jumps from the previous quarter"
            ),
            SignCode::CopiedRows => tr!(
                lang,
                "Nhiều người có điểm giống hệt nhau",
                "Many people with identical scores"
            ),
            SignCode::SheetAllTop => tr!(
                lang,
                "Cả trang phiếu đều điểm tối đa",
                "A whole sheet of top scores"
            ),
            SignCode::LeaderAboveAll => tr!(
                lang,
                "Lãnh đạo cao điểm hơn mọi người mình phụ trách",
                "A leader scored above everyone they lead"
            ),
        }
    }

    /// What the sign means, in plain words: why the scoring deserves a second look.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            SignCode::RateAboveBloc => tr!(
                lang,
                "Tỷ lệ người đạt chuyên nghiệp của đơn vị cao hơn nhiều so với các đơn vị khác cùng khối: đơn vị có thể chấm rộng tay hơn mặt bằng chung.",
                "The unit's share of people đạt chuyên nghiệp is far above that of the other units of its bloc: the unit may score more generously than the rest."
            ),
            SignCode::RateJump => tr!(
                lang,
                "Tỷ lệ người đạt chuyên nghiệp của đơn vị tăng mạnh so với quý trước: nên hỏi đơn vị điều gì đã thay đổi.",
                "The unit's share of people đạt chuyên nghiệp rose sharply from the previous quarter: ask the unit what changed."
            ),
            SignCode::CopiedRows => tr!(
                lang,
                "Nhiều phiếu giống nhau đến từng điểm ở mọi nội dung: phiếu có thể được sao chép thay vì chấm riêng cho từng người.",
                "Several score rows are the same on every content, point for point: the rows may have been copied instead of scored person by person."
            ),
            SignCode::SheetAllTop => tr!(
                lang,
                "Mọi người trên trang phiếu đều được điểm tối đa ở mọi nội dung: phiếu không phân biệt được ai làm tốt hơn ai.",
                "Everyone on the sheet has the top score on every content: the sheet tells nobody apart."
            ),
            SignCode::LeaderAboveAll => tr!(
                lang,
                "Người lãnh đạo (Mẫu 03) có tổng điểm cao hơn tất cả những người mình phụ trách (so theo phần trăm của điểm tối đa mỗi mẫu phiếu): nên xem lại điểm của lãnh đạo.",
                "The leader (mẫu 03) has a higher total than everyone they lead (compared as a share of each form's maximum): the leader's scores deserve a look."
            ),
        }
    }
}

/// What the signs need of one score row, kept small (a city has 150 000 of them): a fingerprint
/// of every content's score, in order — rows with the same scores have the same fingerprint —
/// and the number of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScoreDigest {
    pub fingerprint: u64,
    pub contents: u16,
}

impl ScoreDigest {
    /// FNV-1a (64 bits) over the half points of every score.
    pub fn of(scores: &[Score]) -> ScoreDigest {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for s in scores {
            for b in s.half_points().to_le_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        ScoreDigest {
            fingerprint: h,
            contents: scores.len().min(usize::from(u16::MAX)) as u16,
        }
    }
}

/// A mẫu 03 leader and the people in their scope (SPEC §2, 4.), as indices into the unit's
/// people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    pub leader: u32,
    /// `Phụ trách` as written; empty: the whole unit.
    pub parts: Vec<String>,
    pub members: Vec<u32>,
}

/// How much of a unit was read: which signs can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// A results document (`ket-qua.json`): forms and totals, no content scores, no scopes.
    Results,
    /// A mẫu 06 sent alone: forms and totals, no content scores, no scopes.
    Mau06,
    /// A unit workbook: every content's score and the leaders' scopes.
    Scores,
}

/// One person, as the signs see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonFacts<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub form: Option<Form>,
    /// Unknown (`None`) when the person's result is `loi` or they were not scored.
    pub total: Option<Total>,
    /// Contents scored at the top of the scale.
    pub tops: u16,
    pub digest: Option<ScoreDigest>,
}

/// One unit of a quarter, as the signs see it.
#[derive(Debug, Clone)]
pub struct UnitFacts<'a> {
    pub name: &'a str,
    pub code: &'a str,
    /// Whether `code` tells the unit (a code the unit wrote); else its name does.
    pub coded: bool,
    pub bloc: Bloc,
    pub rate: Ratio,
    pub depth: Depth,
    pub people: Vec<PersonFacts<'a>>,
    pub leads: &'a [Lead],
}

/// A share: people đạt of those evaluated, or a total of the form's maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ratio {
    pub part: u32,
    pub whole: u32,
}

impl Ratio {
    pub fn new(part: u32, whole: u32) -> Ratio {
        Ratio { part, whole }
    }

    /// In tenths of a percent, rounded half up (for display only).
    pub fn tenths(self) -> u32 {
        if self.whole == 0 {
            return 0;
        }
        let (p, w) = (u64::from(self.part), u64::from(self.whole));
        ((2000 * p + w) / (2 * w)) as u32
    }

    /// Exact comparison of the two shares (an empty whole counts as 0).
    pub fn cmp_share(self, other: Ratio) -> Ordering {
        let a = u64::from(self.part) * u64::from(other.whole.max(1));
        let b = u64::from(other.part) * u64::from(self.whole.max(1));
        let a = if self.whole == 0 { 0 } else { a };
        let b = if other.whole == 0 { 0 } else { b };
        a.cmp(&b)
    }

    /// Is this share at least `points` percentage points above `other`? Exact.
    pub fn above_by(self, other: Ratio, points: u32) -> bool {
        if self.whole == 0 || other.whole == 0 {
            return false;
        }
        let (d1, e1) = (i128::from(self.part), i128::from(self.whole));
        let (d2, e2) = (i128::from(other.part), i128::from(other.whole));
        100 * (d1 * e2 - d2 * e1) >= i128::from(points) * e1 * e2
    }

    /// `self − other` in tenths of a percentage point, rounded half away from zero (for display).
    pub fn tenths_above(self, other: Ratio) -> i64 {
        if self.whole == 0 || other.whole == 0 {
            return 0;
        }
        let (d1, e1) = (i128::from(self.part), i128::from(self.whole));
        let (d2, e2) = (i128::from(other.part), i128::from(other.whole));
        let num = 1000 * (d1 * e2 - d2 * e1);
        let den = e1 * e2;
        let sign = if num < 0 { -1 } else { 1 };
        ((2 * num + sign * den) / (2 * den)) as i64
    }
}

/// A person named in the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub id: String,
    pub name: String,
    pub form: Form,
    pub total: Total,
}

/// The evidence of a sign: the figures and the people it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// The unit's đạt rate against that of the other units of its bloc together.
    RateAboveBloc {
        rate: Ratio,
        rest: Ratio,
        rest_units: u32,
        threshold: u32,
    },
    /// The unit's đạt rate against its own in the previous quarter.
    RateJump {
        rate: Ratio,
        before: Ratio,
        previous: Quarter,
        threshold: u32,
    },
    /// People of one form with the same score on every content (not all at the top).
    CopiedRows {
        form: Form,
        contents: u16,
        tops: u16,
        total: Total,
        people: Vec<Who>,
    },
    /// A form sheet on which every person with a known total has the top score everywhere.
    SheetAllTop {
        form: Form,
        contents: u16,
        people: Vec<Who>,
        /// People of the sheet whose total is unknown (an error in their data).
        unknown: u32,
    },
    /// A leader whose share of the maximum is above every share of the people they lead.
    LeaderAboveAll {
        leader: Who,
        share: Ratio,
        parts: Vec<String>,
        led: u32,
        /// People led whose total is unknown (an error in their data): not compared.
        unknown: u32,
        highest: Who,
        highest_share: Ratio,
    },
}

/// A sign raised on a unit (`unit`: its index among the units given to [`detect`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sign {
    pub unit: usize,
    pub evidence: Evidence,
}

impl Sign {
    pub fn code(&self) -> SignCode {
        match self.evidence {
            Evidence::RateAboveBloc { .. } => SignCode::RateAboveBloc,
            Evidence::RateJump { .. } => SignCode::RateJump,
            Evidence::CopiedRows { .. } => SignCode::CopiedRows,
            Evidence::SheetAllTop { .. } => SignCode::SheetAllTop,
            Evidence::LeaderAboveAll { .. } => SignCode::LeaderAboveAll,
        }
    }

    /// The people the evidence names.
    pub fn people(&self) -> Vec<&Who> {
        match &self.evidence {
            Evidence::CopiedRows { people, .. } | Evidence::SheetAllTop { people, .. } => {
                people.iter().collect()
            }
            Evidence::LeaderAboveAll {
                leader, highest, ..
            } => vec![leader, highest],
            _ => Vec::new(),
        }
    }
}

/// Why a sign could not be checked for some units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Why {
    /// Only totals were read (a results document, a mẫu 06 sent alone).
    NoContentScores,
    /// Who leads whom is not known (a results document, a mẫu 06 sent alone).
    NoScope,
    /// No results of the previous quarter were given.
    NoPreviousQuarter,
    /// The previous quarter's results do not hold this unit.
    NotInPreviousQuarter,
    /// The other units of the bloc have too few people evaluated to compare with.
    BlocTooSmall,
    /// The unit has too few people evaluated for its rate to say much (`rate_min_people`).
    UnitTooSmall,
    /// The unit has too few people evaluated this quarter or the one before
    /// (`jump_min_people`).
    TooFewForJump,
    /// A leader (mẫu 03) whose scope names no part of the unit, or whose total is unknown.
    LeaderUnknown,
    /// A leader who leads fewer than `leader_min_led` people with a known total.
    TooFewLed,
    /// A sheet whose known totals are all at the top, but too few of them are known.
    TooFewKnownTotals,
}

impl Why {
    pub fn as_str(self) -> &'static str {
        match self {
            Why::NoContentScores => "no-content-scores",
            Why::NoScope => "no-scope",
            Why::NoPreviousQuarter => "no-previous-quarter",
            Why::NotInPreviousQuarter => "not-in-previous-quarter",
            Why::BlocTooSmall => "bloc-too-small",
            Why::UnitTooSmall => "unit-too-small",
            Why::TooFewForJump => "too-few-for-jump",
            Why::LeaderUnknown => "leader-unknown",
            Why::TooFewLed => "too-few-led",
            Why::TooFewKnownTotals => "too-few-known-totals",
        }
    }

    pub fn words(self, t: &SignThresholds, lang: Lang) -> String {
        match (self, lang) {
            (Why::NoContentScores, Lang::Vi) => "chỉ có tổng điểm (tệp kết quả ket-qua.json hoặc Mẫu 06 đơn vị tự lập), không có điểm từng nội dung".into(),
            (Why::NoContentScores, Lang::En) => "only totals were read (a ket-qua.json results file or a mẫu 06 the unit made), no score per content".into(),
            (Why::NoScope, Lang::Vi) => "không biết ai là lãnh đạo và phụ trách những ai (cần sổ đánh giá của đơn vị: Diện BTV quản lý, Bộ phận, Phụ trách)".into(),
            (Why::NoScope, Lang::En) => "who leads whom is not known (it needs the unit's workbook: Diện BTV quản lý, Bộ phận, Phụ trách)".into(),
            (Why::NoPreviousQuarter, Lang::Vi) => "không có kết quả quý trước (đưa thêm ket-qua.json hoặc thư mục sổ của quý trước)".into(),
            (Why::NoPreviousQuarter, Lang::En) => "no results of the previous quarter were given (add its ket-qua.json or folder of workbooks)".into(),
            (Why::NotInPreviousQuarter, Lang::Vi) => "kết quả quý trước không có đơn vị này (so theo mã đơn vị, rồi theo tên)".into(),
            (Why::NotInPreviousQuarter, Lang::En) => "the previous quarter's results do not hold this unit (matched by unit code, then name)".into(),
            (Why::BlocTooSmall, Lang::Vi) => format!("các đơn vị khác cùng khối có dưới {} người được đánh giá, không đủ để so", t.rate_min_people),
            (Why::BlocTooSmall, Lang::En) => format!("the other units of the bloc have fewer than {} people evaluated, too few to compare with", t.rate_min_people),
            (Why::UnitTooSmall, Lang::Vi) => format!("đơn vị có dưới {} người được đánh giá: quá ít để tỷ lệ đạt nói lên điều gì", t.rate_min_people),
            (Why::UnitTooSmall, Lang::En) => format!("the unit has fewer than {} people evaluated: too few for its rate to say much", t.rate_min_people),
            (Why::TooFewForJump, Lang::Vi) => format!("đơn vị có dưới {} người được đánh giá ở quý này hoặc quý trước: quá ít để so hai tỷ lệ", t.jump_min_people),
            (Why::TooFewForJump, Lang::En) => format!("the unit has fewer than {} people evaluated this quarter or the one before: too few to compare the two rates", t.jump_min_people),
            (Why::LeaderUnknown, Lang::Vi) => "có người chấm Mẫu 03 mà không biết phụ trách những ai (Phụ trách không khớp Bộ phận nào) hoặc chưa có tổng điểm (lỗi dữ liệu): sửa lỗi của sổ rồi xét lại".into(),
            (Why::LeaderUnknown, Lang::En) => "a mẫu 03 leader whose scope is not known (Phụ trách names no Bộ phận) or whose total is not (a data error): fix the workbook's errors, then review again".into(),
            (Why::TooFewLed, Lang::Vi) => format!("có lãnh đạo phụ trách dưới {} người có tổng điểm: quá ít để so", t.leader_min_led),
            (Why::TooFewLed, Lang::En) => format!("a leader leads fewer than {} people with a total: too few to compare", t.leader_min_led),
            (Why::TooFewKnownTotals, Lang::Vi) => format!("mọi tổng điểm đã biết của một trang phiếu đều tối đa nhưng chỉ biết dưới {} tổng điểm (những người khác có lỗi dữ liệu): sửa lỗi rồi xét lại", t.all_top_min_people),
            (Why::TooFewKnownTotals, Lang::En) => format!("every known total of a form sheet is the maximum, but fewer than {} totals are known (the others have data errors): fix them, then review again", t.all_top_min_people),
        }
    }
}

/// A sign that could not be checked on some units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotChecked {
    pub code: SignCode,
    pub why: Why,
    pub units: Vec<usize>,
}

/// The signs of a quarter and what could not be checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    pub signs: Vec<Sign>,
    pub not_checked: Vec<NotChecked>,
}

/// The most a form's total can be: its contents at the top of the scale.
pub fn form_max(profile: &Profile, form: Form) -> Total {
    let items = u32::from(profile.form(form).items);
    Total(items * u32::from(profile.scale().max.half_points()))
}

/// Every sign of the units of a quarter; `previous` (its quarter and units) enables the jump
/// sign. Signs are listed unit by unit, in the order of [`SignCode::ALL`].
pub fn detect(
    units: &[UnitFacts],
    previous: Option<(Quarter, &[UnitFacts])>,
    profile: &Profile,
) -> Findings {
    let t = &profile.signs;
    let mut signs = rate_above_bloc(units, t);
    let mut missing: BTreeMap<(SignCode, Why), Vec<usize>> = BTreeMap::new();
    for &i in &rate_not_comparable(units, t) {
        missing
            .entry((SignCode::RateAboveBloc, Why::BlocTooSmall))
            .or_default()
            .push(i);
    }
    let small: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].rate.whole < t.rate_min_people)
        .collect();
    if !small.is_empty() {
        missing.insert((SignCode::RateAboveBloc, Why::UnitTooSmall), small);
    }
    match previous {
        Some((q, before)) => {
            let (jumps, absent, small) = rate_jump(units, q, before, t);
            signs.extend(jumps);
            if !absent.is_empty() {
                missing.insert((SignCode::RateJump, Why::NotInPreviousQuarter), absent);
            }
            if !small.is_empty() {
                missing.insert((SignCode::RateJump, Why::TooFewForJump), small);
            }
        }
        None => {
            let all = (0..units.len()).collect();
            missing.insert((SignCode::RateJump, Why::NoPreviousQuarter), all);
        }
    }
    for (i, u) in units.iter().enumerate() {
        if u.depth == Depth::Scores {
            signs.extend(copied_rows(i, u, t, profile));
            let (leaders, unchecked) = leader_above_all(i, u, t, profile);
            signs.extend(leaders);
            for why in unchecked {
                missing
                    .entry((SignCode::LeaderAboveAll, why))
                    .or_default()
                    .push(i);
            }
        } else {
            for (code, why) in [
                (SignCode::CopiedRows, Why::NoContentScores),
                (SignCode::LeaderAboveAll, Why::NoScope),
            ] {
                missing.entry((code, why)).or_default().push(i);
            }
        }
        signs.extend(sheet_all_top(i, u, t, profile));
        if too_few_known_at_top(u, t, profile) {
            missing
                .entry((SignCode::SheetAllTop, Why::TooFewKnownTotals))
                .or_default()
                .push(i);
        }
    }
    signs.sort_by_key(|s| (s.unit, s.code()));
    let not_checked = missing
        .into_iter()
        .map(|((code, why), units)| NotChecked { code, why, units })
        .collect();
    Findings { signs, not_checked }
}

/// The đạt rate of every unit of a bloc but `skip`, and how many units they are.
fn rest_of_bloc(units: &[UnitFacts], skip: usize) -> (Ratio, u32) {
    let bloc = units[skip].bloc;
    let mut rest = Ratio::default();
    let mut n = 0;
    for (j, u) in units.iter().enumerate() {
        if j != skip && u.bloc == bloc {
            rest.part += u.rate.part;
            rest.whole += u.rate.whole;
            n += 1;
        }
    }
    (rest, n)
}

/// Units big enough for the rate sign whose bloc has too few other people to compare with.
fn rate_not_comparable(units: &[UnitFacts], t: &SignThresholds) -> Vec<usize> {
    (0..units.len())
        .filter(|&i| units[i].rate.whole >= t.rate_min_people)
        .filter(|&i| rest_of_bloc(units, i).0.whole < t.rate_min_people)
        .collect()
}

/// `rate-above-bloc`: a unit with at least `rate_min_people` evaluated whose đạt rate is at least
/// `rate_points` percentage points above the rate of the other units of its bloc taken together
/// (when they too have at least `rate_min_people` evaluated).
pub fn rate_above_bloc(units: &[UnitFacts], t: &SignThresholds) -> Vec<Sign> {
    let mut out = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.rate.whole < t.rate_min_people {
            continue;
        }
        let (rest, rest_units) = rest_of_bloc(units, i);
        if rest.whole >= t.rate_min_people && u.rate.above_by(rest, t.rate_points) {
            out.push(Sign {
                unit: i,
                evidence: Evidence::RateAboveBloc {
                    rate: u.rate,
                    rest,
                    rest_units,
                    threshold: t.rate_points,
                },
            });
        }
    }
    out
}

/// Units found by code or name (SPEC §3), each key made once: the code counts only where it
/// tells the unit (`coded`: a code the unit wrote, not a file name `run` gave several units).
/// Where several units share a key, the first added is found.
#[derive(Debug, Default)]
pub struct UnitIndex {
    /// Coded units by code.
    by_code: HashMap<String, usize>,
    /// Every unit by name.
    by_name: HashMap<String, usize>,
    /// Units without a code that tells them, by name.
    by_name_uncoded: HashMap<String, usize>,
}

impl UnitIndex {
    pub fn add(&mut self, code: &str, name: &str, coded: bool, at: usize) {
        let (code, name) = (text::key(code), text::key(name));
        if coded && !code.is_empty() {
            self.by_code.entry(code).or_insert(at);
        } else {
            self.by_name_uncoded.entry(name.clone()).or_insert(at);
        }
        self.by_name.entry(name).or_insert(at);
    }

    /// The same unit in the strict sense: the same code where both have a code that tells
    /// them, else the same name. Two units of one name under two codes are two units.
    pub fn same(&self, code: &str, name: &str, coded: bool) -> Option<usize> {
        let (code, name) = (text::key(code), text::key(name));
        if coded && !code.is_empty() {
            let by_code = self.by_code.get(&code);
            by_code
                .into_iter()
                .chain(self.by_name_uncoded.get(&name))
                .min()
                .copied()
        } else {
            self.by_name.get(&name).copied()
        }
    }

    /// The same unit in another quarter: the same code where both have a code that tells them,
    /// else the same name (a unit whose code changed is still followed by its name).
    pub fn code_then_name(&self, code: &str, name: &str, coded: bool) -> Option<usize> {
        let (code, name) = (text::key(code), text::key(name));
        let by_code = (coded && !code.is_empty())
            .then(|| self.by_code.get(&code))
            .flatten();
        by_code.or_else(|| self.by_name.get(&name)).copied()
    }
}

/// `rate-jump`: a unit whose đạt rate is at least `jump_points` percentage points above its rate
/// in the previous quarter, both quarters with at least `jump_min_people` evaluated. Also the
/// units the previous quarter does not hold, and those with too few evaluated to compare.
pub fn rate_jump(
    units: &[UnitFacts],
    previous: Quarter,
    before: &[UnitFacts],
    t: &SignThresholds,
) -> (Vec<Sign>, Vec<usize>, Vec<usize>) {
    let mut signs = Vec::new();
    let mut absent = Vec::new();
    let mut small = Vec::new();
    let mut index = UnitIndex::default();
    for (j, b) in before.iter().enumerate() {
        index.add(b.code, b.name, b.coded, j);
    }
    for (i, u) in units.iter().enumerate() {
        let Some(j) = index.code_then_name(u.code, u.name, u.coded) else {
            absent.push(i);
            continue;
        };
        let was = before[j].rate;
        let big = u.rate.whole >= t.jump_min_people && was.whole >= t.jump_min_people;
        if !big {
            small.push(i);
        }
        if big && u.rate.above_by(was, t.jump_points) {
            signs.push(Sign {
                unit: i,
                evidence: Evidence::RateJump {
                    rate: u.rate,
                    before: was,
                    previous,
                    threshold: t.jump_points,
                },
            });
        }
    }
    (signs, absent, small)
}

fn who(p: &PersonFacts, form: Form, total: Total) -> Who {
    Who {
        id: p.id.to_string(),
        name: p.name.to_string(),
        form,
        total,
    }
}

/// `copied-rows`: at least `copied_min_people` people of one form whose scores are the same on
/// every content (same fingerprint, total and number of top scores). Rows with the top score
/// on every content count too, except on a sheet where everyone is at the top: that sheet is
/// its own sign (`sheet-all-top`), and is not named twice.
pub fn copied_rows(unit: usize, u: &UnitFacts, t: &SignThresholds, profile: &Profile) -> Vec<Sign> {
    type Key = (Form, u64, u32, u16);
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    // Rows of 10s count as copied only on a sheet that `sheet-all-top` does not already name
    // whole (some of its people below the top): there, many identical rows of 10s beside lower
    // rows are rows alike like any other.
    let all_top: Vec<Form> = Form::ALL
        .into_iter()
        .filter(|&f| all_at_top(u, f, t, profile).is_some())
        .collect();
    for (i, p) in u.people.iter().enumerate() {
        let (Some(form), Some(total), Some(d)) = (p.form, p.total, p.digest) else {
            continue;
        };
        if p.tops < d.contents || !all_top.contains(&form) {
            groups
                .entry((form, d.fingerprint, total.0, p.tops))
                .or_default()
                .push(i);
        }
    }
    let mut found: Vec<(Key, Vec<usize>)> = groups
        .into_iter()
        .filter(|(_, g)| g.len() >= t.copied_min_people as usize)
        .collect();
    found.sort_by_key(|(_, g)| g[0]);
    found
        .into_iter()
        .map(|((form, _, total, tops), g)| {
            let first = &u.people[g[0]];
            Sign {
                unit,
                evidence: Evidence::CopiedRows {
                    form,
                    contents: first.digest.map_or(0, |d| d.contents),
                    tops,
                    total: Total(total),
                    people: g
                        .iter()
                        .map(|&i| who(&u.people[i], form, Total(total)))
                        .collect(),
                },
            }
        })
        .collect()
}

/// `sheet-all-top`: a form on which at least `all_top_min_people` people have a known total and
/// every one of them has the form's maximum — the top score on every content, which totals alone
/// show. People whose total is unknown are counted apart.
pub fn sheet_all_top(
    unit: usize,
    u: &UnitFacts,
    t: &SignThresholds,
    profile: &Profile,
) -> Vec<Sign> {
    let mut out = Vec::new();
    for form in Form::ALL {
        let Some((known, unknown)) = all_at_top(u, form, t, profile) else {
            continue;
        };
        out.push(Sign {
            unit,
            evidence: Evidence::SheetAllTop {
                form,
                contents: profile.form(form).items,
                people: known.iter().map(|(p, t)| who(p, form, *t)).collect(),
                unknown,
            },
        });
    }
    out
}

/// Whether a form sheet of the unit has enough people for `sheet-all-top`, every known total at
/// the top, but too few totals known to say so (the others are data errors).
fn too_few_known_at_top(u: &UnitFacts, t: &SignThresholds, profile: &Profile) -> bool {
    let min = t.all_top_min_people as usize;
    Form::ALL.into_iter().any(|form| {
        let on: Vec<&PersonFacts> = u.people.iter().filter(|p| p.form == Some(form)).collect();
        let known: Vec<Total> = on.iter().filter_map(|p| p.total).collect();
        let top = form_max(profile, form);
        on.len() >= min && !known.is_empty() && known.len() < min && known.iter().all(|t| *t == top)
    })
}

/// A form sheet of the unit on which at least `all_top_min_people` people have a known total
/// and every one of them has the form's maximum: those people, and how many on the sheet have no
/// known total. The one test of "the whole sheet is at the top" of `sheet-all-top` and
/// `copied-rows`.
fn all_at_top<'u, 'a>(
    u: &'u UnitFacts<'a>,
    form: Form,
    t: &SignThresholds,
    profile: &Profile,
) -> Option<(Vec<(&'u PersonFacts<'a>, Total)>, u32)> {
    let on: Vec<&PersonFacts> = u.people.iter().filter(|p| p.form == Some(form)).collect();
    let known: Vec<(&PersonFacts, Total)> =
        on.iter().filter_map(|p| p.total.map(|t| (*p, t))).collect();
    let top = form_max(profile, form);
    if known.len() < t.all_top_min_people as usize || known.iter().any(|(_, t)| *t != top) {
        return None;
    }
    let unknown = (on.len() - known.len()) as u32;
    Some((known, unknown))
}

/// `leader-above-all`: a mẫu 03 leader with a known total who leads at least `leader_min_led`
/// people with a known total, and whose total as a share of the form's maximum is above every
/// one of theirs (strictly; shares are compared exactly).
pub fn leader_above_all(
    unit: usize,
    u: &UnitFacts,
    t: &SignThresholds,
    profile: &Profile,
) -> (Vec<Sign>, Vec<Why>) {
    let share = |p: &PersonFacts| -> Option<(Form, Total, Ratio)> {
        let (form, total) = (p.form?, p.total?);
        Some((form, total, Ratio::new(total.0, form_max(profile, form).0)))
    };
    let mut out = Vec::new();
    let mut unchecked = Vec::new();
    let note = |why: Why, unchecked: &mut Vec<Why>| {
        if !unchecked.contains(&why) {
            unchecked.push(why);
        }
    };
    // A mẫu 03 leader without a scope (it names no part of the unit) cannot be compared.
    let with_scope = |i: usize| u.leads.iter().any(|l| l.leader as usize == i);
    if (0..u.people.len()).any(|i| u.people[i].form == Some(Form::M03) && !with_scope(i)) {
        note(Why::LeaderUnknown, &mut unchecked);
    }
    for lead in u.leads {
        let Some(leader) = u.people.get(lead.leader as usize) else {
            continue;
        };
        let Some((form, total, own)) = share(leader) else {
            note(Why::LeaderUnknown, &mut unchecked);
            continue;
        };
        let members: Vec<&PersonFacts> = lead
            .members
            .iter()
            .filter(|&&m| m != lead.leader)
            .filter_map(|&m| u.people.get(m as usize))
            .collect();
        let led: Vec<(&PersonFacts, Form, Total, Ratio)> = members
            .iter()
            .filter_map(|p| share(p).map(|(f, t, r)| (*p, f, t, r)))
            .collect();
        if led.len() < t.leader_min_led as usize {
            note(Why::TooFewLed, &mut unchecked);
            continue;
        }
        let unknown = (members.len() - led.len()) as u32;
        // The first of the highest, in the unit's order.
        let Some(top) = led.iter().copied().reduce(|best, x| {
            if x.3.cmp_share(best.3) == Ordering::Greater {
                x
            } else {
                best
            }
        }) else {
            continue;
        };
        if own.cmp_share(top.3) == Ordering::Greater {
            out.push(Sign {
                unit,
                evidence: Evidence::LeaderAboveAll {
                    leader: who(leader, form, total),
                    share: own,
                    parts: lead.parts.clone(),
                    led: led.len() as u32,
                    unknown,
                    highest: who(top.0, top.1, top.2),
                    highest_share: top.3,
                },
            });
        }
    }
    (out, unchecked)
}

/// A share in tenths of a percent as written: "85,7%" (Vietnamese), "85.7%".
pub fn percent(tenths: i64, lang: Lang) -> String {
    let sep = lang.pick(",", ".");
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    format!("{sign}{}{sep}{}%", a / 10, a % 10)
}

/// Percentage points in tenths as written: "68,0".
fn points(tenths: i64, lang: Lang) -> String {
    percent(tenths, lang).trim_end_matches('%').to_string()
}

/// A total as written: "289,5" (Vietnamese), "289.5".
pub fn total_words(t: Total, lang: Lang) -> String {
    let s = t.to_string();
    match lang {
        Lang::Vi => s,
        Lang::En => s.replace(',', "."),
    }
}

/// "NV02 Trần Thị Bình, NV03 Lê Minh Cường" — at most `limit` people, then how many more.
pub fn people_words(people: &[Who], limit: usize, lang: Lang) -> String {
    let mut shown: Vec<String> = people
        .iter()
        .take(limit)
        .map(|p| format!("{} {}", p.id, p.name).trim().to_string())
        .collect();
    if people.len() > limit {
        let more = people.len() - limit;
        shown.push(match lang {
            Lang::Vi => format!("và {more} người khác"),
            Lang::En => format!("and {more} more"),
        });
    }
    shown.join(", ")
}

impl Sign {
    /// The evidence in one sentence; at most `limit` people are named (the JSON document names
    /// them all). `top` is the top of the scale.
    pub fn evidence_words(&self, top: Score, limit: usize, lang: Lang) -> String {
        let top = Total(u32::from(top.half_points()));
        match &self.evidence {
            Evidence::RateAboveBloc {
                rate,
                rest,
                rest_units,
                threshold,
            } => rate_above_words(*rate, *rest, *rest_units, *threshold, lang),
            Evidence::RateJump {
                rate,
                before,
                previous,
                threshold,
            } => jump_words(*rate, *before, *previous, *threshold, lang),
            Evidence::CopiedRows {
                form,
                contents,
                tops,
                total,
                people,
            } => copied_words(*form, (*contents, *tops), *total, people, top, limit, lang),
            Evidence::SheetAllTop {
                form,
                contents,
                people,
                unknown,
            } => all_top_words(*form, *contents, people, *unknown, top, limit, lang),
            Evidence::LeaderAboveAll {
                leader,
                share,
                parts,
                led,
                unknown,
                highest,
                highest_share,
            } => leader_words(
                (leader, *share),
                parts,
                (*led, *unknown),
                (highest, *highest_share),
                lang,
            ),
        }
    }
}

fn rate_above_words(rate: Ratio, rest: Ratio, units: u32, threshold: u32, lang: Lang) -> String {
    let (r, o, d) = (
        percent(rate.tenths().into(), lang),
        percent(rest.tenths().into(), lang),
        points(rate.tenths_above(rest), lang),
    );
    let (dat, of, rd, ro) = (rate.part, rate.whole, rest.part, rest.whole);
    match lang {
        Lang::Vi => format!(
            "Tỷ lệ đạt {r} ({dat}/{of} người được đánh giá); {units} đơn vị khác cùng khối: {o} ({rd}/{ro}). Cao hơn {d} điểm phần trăm (ngưỡng: {threshold})."
        ),
        Lang::En => format!(
            "Đạt rate {r} ({dat} of {of} evaluated); the {units} other units of the bloc: {o} ({rd} of {ro}). {d} percentage points higher (threshold: {threshold})."
        ),
    }
}

fn jump_words(rate: Ratio, before: Ratio, previous: Quarter, threshold: u32, lang: Lang) -> String {
    let (r, b, d) = (
        percent(rate.tenths().into(), lang),
        percent(before.tenths().into(), lang),
        points(rate.tenths_above(before), lang),
    );
    let (dat, of, bd, bo) = (rate.part, rate.whole, before.part, before.whole);
    match lang {
        Lang::Vi => format!(
            "Tỷ lệ đạt {r} ({dat}/{of} người được đánh giá); quý {}/{}: {b} ({bd}/{bo}). Tăng {d} điểm phần trăm (ngưỡng: {threshold}).",
            previous.roman(),
            previous.year
        ),
        Lang::En => format!(
            "Đạt rate {r} ({dat} of {of} evaluated); in {previous}: {b} ({bd} of {bo}). Up {d} percentage points (threshold: {threshold})."
        ),
    }
}

fn copied_words(
    form: Form,
    (contents, tops): (u16, u16),
    total: Total,
    people: &[Who],
    top: Total,
    limit: usize,
    lang: Lang,
) -> String {
    let (n, names) = (people.len(), people_words(people, limit, lang));
    let (t, top) = (total_words(total, lang), total_words(top, lang));
    let sheet = form.sheet_name();
    match lang {
        Lang::Vi => format!(
            "{n} người của {sheet} có điểm giống hệt nhau ở cả {contents} nội dung (tổng {t}; {tops} nội dung {top} điểm): {names}."
        ),
        Lang::En => format!(
            "{n} people of {sheet} have the same score on all {contents} contents (total {t}; {tops} contents at {top}): {names}."
        ),
    }
}

fn all_top_words(
    form: Form,
    contents: u16,
    people: &[Who],
    unknown: u32,
    top: Total,
    limit: usize,
    lang: Lang,
) -> String {
    let (n, names) = (people.len(), people_words(people, limit, lang));
    let t = people
        .first()
        .map_or(String::new(), |p| total_words(p.total, lang));
    let top = total_words(top, lang);
    let sheet = form.sheet_name();
    let apart = match (unknown, lang) {
        (0, _) => String::new(),
        (k, Lang::Vi) => format!(" Không tính {k} người chưa có tổng điểm (lỗi dữ liệu)."),
        (k, Lang::En) => format!(" {k} people without a known total (data errors) are left out."),
    };
    match lang {
        Lang::Vi => format!(
            "Cả {n} người của {sheet} đều {top} điểm ở cả {contents} nội dung (tổng {t}): {names}.{apart}"
        ),
        Lang::En => format!(
            "All {n} people of {sheet} have {top} on all {contents} contents (total {t}): {names}.{apart}"
        ),
    }
}

fn leader_words(
    (leader, share): (&Who, Ratio),
    parts: &[String],
    (led, unknown): (u32, u32),
    (highest, highest_share): (&Who, Ratio),
    lang: Lang,
) -> String {
    let scope = match (parts.is_empty(), lang) {
        (true, Lang::Vi) => "cả đơn vị".to_string(),
        (true, Lang::En) => "the whole unit".to_string(),
        (false, _) => parts.join("; "),
    };
    let of = |w: &Who, r: Ratio| {
        format!(
            "{} {} ({}): {}/{} = {}",
            w.id,
            w.name,
            w.form.sheet_name(),
            total_words(w.total, lang),
            total_words(Total(r.whole), lang),
            percent(r.tenths().into(), lang)
        )
    };
    let (l, h) = (of(leader, share), of(highest, highest_share));
    let left_out = match (unknown, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => {
            format!(" ({n} người khác chưa có tổng điểm vì lỗi dữ liệu, không đem so)")
        }
        (1, Lang::En) => " (1 more has no total, a data error: not compared)".to_string(),
        (n, Lang::En) => format!(" ({n} more have no total, a data error: not compared)"),
    };
    match lang {
        Lang::Vi => {
            format!("{l}. Phụ trách: {scope}, {led} người có điểm{left_out}; cao nhất là {h}.")
        }
        Lang::En => {
            format!("{l}. Leads: {scope}, {led} people with a total{left_out}; the highest is {h}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::default_profile()
    }

    fn unit<'a>(name: &'a str, bloc: Bloc, dat: u32, evaluated: u32) -> UnitFacts<'a> {
        UnitFacts {
            name,
            code: name,
            coded: true,
            bloc,
            rate: Ratio::new(dat, evaluated),
            depth: Depth::Scores,
            people: Vec::new(),
            leads: &[],
        }
    }

    /// A person of `form` whose contents are `scores` (in points).
    fn scored<'a>(id: &'a str, form: Form, scores: &[u16]) -> PersonFacts<'a> {
        let s: Vec<Score> = scores.iter().map(|&p| Score::points(p)).collect();
        PersonFacts {
            id,
            name: id,
            form: Some(form),
            total: Some(Total::of(&s)),
            tops: s.iter().filter(|x| **x == Score::points(10)).count() as u16,
            digest: Some(ScoreDigest::of(&s)),
        }
    }

    /// 30 contents: 20 at 10, then ten at `rest`, with content `low` (if any) at 8.
    fn row30(rest: u16, low: Option<usize>) -> Vec<u16> {
        let mut v = vec![10; 20];
        v.extend(std::iter::repeat_n(rest, 10));
        if let Some(i) = low {
            v[i] = 8;
        }
        v
    }

    fn codes(f: &Findings) -> Vec<(usize, &'static str)> {
        f.signs
            .iter()
            .map(|s| (s.unit, s.code().as_str()))
            .collect()
    }

    #[test]
    fn ratios_compare_exactly_and_round_for_display() {
        let a = Ratio::new(2, 3);
        assert_eq!(a.tenths(), 667);
        assert_eq!(Ratio::new(1, 8).tenths(), 125);
        assert_eq!(Ratio::new(0, 0).tenths(), 0);
        // 2/3 − 1/3 is 33.33… points: above 33, not above 34.
        assert!(a.above_by(Ratio::new(1, 3), 33));
        assert!(!a.above_by(Ratio::new(1, 3), 34));
        // Exactly 30 points above counts.
        assert!(Ratio::new(6, 10).above_by(Ratio::new(3, 10), 30));
        assert_eq!(Ratio::new(6, 10).tenths_above(Ratio::new(3, 10)), 300);
        assert_eq!(Ratio::new(1, 10).tenths_above(Ratio::new(2, 3)), -567);
        assert_eq!(
            Ratio::new(445, 450).cmp_share(Ratio::new(297, 300)),
            Ordering::Less
        );
        assert_eq!(
            Ratio::new(435, 450).cmp_share(Ratio::new(290, 300)),
            Ordering::Equal
        );
        assert_eq!(percent(857, Lang::Vi), "85,7%");
        assert_eq!(percent(-45, Lang::En), "-4.5%");
    }

    #[test]
    fn a_rate_far_above_the_rest_of_the_bloc_with_enough_people() {
        let p = profile();
        let units = vec![
            unit("A", Bloc::ChinhQuyen, 10, 10),
            unit("B", Bloc::ChinhQuyen, 3, 10),
            unit("C", Bloc::ChinhQuyen, 4, 10),
            // Another bloc: not part of the comparison.
            unit("D", Bloc::TruongHoc, 0, 40),
            // Too few people to judge.
            unit("E", Bloc::ChinhQuyen, 9, 9),
        ];
        let f = detect(&units, None, &p);
        // A: 100% against (3+4+9)/29 = 55.2%: 44.8 points. E is too small to be judged but
        // counts in the rest of the bloc.
        assert_eq!(codes(&f), [(0, "rate-above-bloc")]);
        match &f.signs[0].evidence {
            Evidence::RateAboveBloc {
                rate,
                rest,
                rest_units,
                threshold,
            } => {
                assert_eq!((*rate, *rest), (Ratio::new(10, 10), Ratio::new(16, 29)));
                assert_eq!((*rest_units, *threshold), (3, 30));
            }
            e => panic!("{e:?}"),
        }
        // D is alone in its bloc: not checked.
        let alone = f
            .not_checked
            .iter()
            .find(|n| n.code == SignCode::RateAboveBloc)
            .unwrap();
        assert_eq!(
            (alone.why, alone.units.clone()),
            (Why::BlocTooSmall, vec![3])
        );
        let jump = f.not_checked.iter().find(|n| n.code == SignCode::RateJump);
        assert_eq!(jump.map(|n| n.why), Some(Why::NoPreviousQuarter));
    }

    #[test]
    fn units_with_too_few_people_evaluated_are_said_not_checked() {
        let p = profile();
        let now = vec![
            unit("A", Bloc::ChinhQuyen, 6, 10),
            unit("B", Bloc::ChinhQuyen, 5, 10),
            // 4 of 4 đạt: too few to say anything, and said so.
            unit("S", Bloc::ChinhQuyen, 4, 4),
        ];
        let before = vec![
            unit("A", Bloc::ChinhQuyen, 1, 3),
            unit("B", Bloc::ChinhQuyen, 1, 10),
            unit("S", Bloc::ChinhQuyen, 0, 4),
        ];
        let q = Quarter::new(2024, 1).unwrap();
        let f = detect(&now, Some((q, &before)), &p);
        // B: +40 points on 10 and 10 people; A (3 the quarter before) and S are not compared.
        assert_eq!(codes(&f), [(1, "rate-jump")]);
        let why = |code: SignCode, why: Why| {
            f.not_checked
                .iter()
                .find(|n| n.code == code && n.why == why)
                .map(|n| n.units.clone())
        };
        assert_eq!(
            why(SignCode::RateAboveBloc, Why::UnitTooSmall),
            Some(vec![2])
        );
        assert_eq!(
            why(SignCode::RateJump, Why::TooFewForJump),
            Some(vec![0, 2])
        );
        assert!(Why::TooFewForJump
            .words(&p.signs, Lang::Vi)
            .contains(&p.signs.jump_min_people.to_string()));
    }

    #[test]
    fn a_jump_from_the_previous_quarter_matched_by_code_then_name() {
        let p = profile();
        let now = vec![
            unit("A", Bloc::ChinhQuyen, 6, 10),
            unit("B", Bloc::ChinhQuyen, 5, 10),
            unit("C", Bloc::ChinhQuyen, 8, 10),
        ];
        let mut was_b = unit("B", Bloc::ChinhQuyen, 2, 10);
        was_b.code = "other code";
        let before = vec![unit("A", Bloc::ChinhQuyen, 3, 10), was_b];
        let q = Quarter::new(2024, 1).unwrap();
        let f = detect(&now, Some((q, &before)), &p);
        // A: +30 points (the threshold itself); B: +30, matched by name; C: not in Q1.
        assert_eq!(codes(&f), [(0, "rate-jump"), (1, "rate-jump")]);
        let absent = f
            .not_checked
            .iter()
            .find(|n| n.code == SignCode::RateJump)
            .unwrap();
        assert_eq!(
            (absent.why, absent.units.clone()),
            (Why::NotInPreviousQuarter, vec![2])
        );
        // Below the minimum of people in either quarter: no sign.
        let small = vec![unit("A", Bloc::ChinhQuyen, 9, 9)];
        let f = detect(&small, Some((q, &before)), &p);
        assert!(f.signs.is_empty(), "{:?}", f.signs);
    }

    #[test]
    fn copied_rows_need_enough_identical_rows_that_are_not_all_top() {
        let p = profile();
        let t = &p.signs;
        let mut u = unit("A", Bloc::ChinhQuyen, 0, 0);
        let same = row30(9, None);
        let ids = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"];
        u.people = vec![
            scored(ids[0], Form::M04, &same),
            scored(ids[1], Form::M04, &row30(9, Some(22))),
            scored(ids[2], Form::M04, &same),
            scored(ids[3], Form::M04, &same),
            // Same scores on another form: not the same sheet.
            scored(ids[4], Form::M05, &same),
            scored(ids[5], Form::M04, &same),
            // All at the top: left out.
            scored(ids[6], Form::M04, &[10; 30]),
            scored(ids[7], Form::M04, &[10; 30]),
        ];
        let signs = copied_rows(0, &u, t, &p);
        assert_eq!(signs.len(), 1);
        match &signs[0].evidence {
            Evidence::CopiedRows {
                form,
                contents,
                tops,
                total,
                people,
            } => {
                assert_eq!(
                    (*form, *contents, *tops, *total),
                    (Form::M04, 30, 20, Total(580))
                );
                let got: Vec<&str> = people.iter().map(|w| w.id.as_str()).collect();
                assert_eq!(got, ["P1", "P3", "P4", "P6"]);
            }
            e => panic!("{e:?}"),
        }
        // One row fewer: no sign.
        u.people.truncate(5);
        assert!(copied_rows(0, &u, t, &p).is_empty());
        // Only totals known: the rows cannot be compared.
        u.depth = Depth::Results;
        let f = detect(std::slice::from_ref(&u), None, &p);
        assert!(f
            .not_checked
            .iter()
            .any(|n| n.code == SignCode::CopiedRows && n.why == Why::NoContentScores));
    }

    #[test]
    fn rows_of_tens_beside_lower_rows_are_copied_rows_and_a_sheet_all_at_the_top_is_not() {
        let p = profile();
        let t = &p.signs;
        let mut u = unit("A", Bloc::ChinhQuyen, 0, 0);
        u.people = ["P1", "P2", "P3", "P4"]
            .into_iter()
            .map(|id| scored(id, Form::M04, &[10; 30]))
            .collect();
        // Everyone at the top: that is sheet-all-top, not copied rows as well.
        assert!(copied_rows(0, &u, t, &p).is_empty());
        let f = detect(std::slice::from_ref(&u), None, &p);
        let codes: Vec<SignCode> = f.signs.iter().map(Sign::code).collect();
        assert_eq!(codes, [SignCode::SheetAllTop]);
        // One person half a point below: the four rows of 10s are rows alike.
        let mut below = [10; 30];
        below[29] = 9;
        u.people.push(scored("P5", Form::M04, &below));
        let f = detect(std::slice::from_ref(&u), None, &p);
        let codes: Vec<SignCode> = f.signs.iter().map(Sign::code).collect();
        assert_eq!(codes, [SignCode::CopiedRows]);
        match &f.signs[0].evidence {
            Evidence::CopiedRows { tops, people, .. } => {
                assert_eq!(*tops, 30);
                let got: Vec<&str> = people.iter().map(|w| w.id.as_str()).collect();
                assert_eq!(got, ["P1", "P2", "P3", "P4"]);
            }
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn a_sheet_of_top_scores_with_enough_people() {
        let p = profile();
        let t = &p.signs;
        let mut u = unit("A", Bloc::ChinhQuyen, 0, 0);
        u.people = vec![
            scored("P1", Form::M04, &[10; 30]),
            scored("P2", Form::M04, &[10; 30]),
            scored("P3", Form::M04, &[10; 30]),
            // One leader at the top on mẫu 03: too few for its sheet.
            scored("L1", Form::M03, &[10; 45]),
        ];
        let signs = sheet_all_top(0, &u, t, &p);
        assert_eq!(signs.len(), 1);
        match &signs[0].evidence {
            Evidence::SheetAllTop {
                form,
                contents,
                people,
                unknown,
            } => {
                assert_eq!(
                    (*form, *contents, people.len(), *unknown),
                    (Form::M04, 30, 3, 0)
                );
            }
            e => panic!("{e:?}"),
        }
        // A person with an unknown total is counted apart; one below the top ends the sign.
        let mut lost = scored("P4", Form::M04, &[10; 30]);
        lost.total = None;
        u.people.push(lost);
        let signs = sheet_all_top(0, &u, t, &p);
        assert!(matches!(
            signs[0].evidence,
            Evidence::SheetAllTop { unknown: 1, .. }
        ));
        u.people.push(scored("P5", Form::M04, &row30(10, Some(29))));
        assert!(sheet_all_top(0, &u, t, &p).is_empty());
        // Totals alone are enough: a total at the form's maximum has every content at the top.
        let mut r = unit("R", Bloc::ChinhQuyen, 0, 0);
        r.depth = Depth::Results;
        r.people = (0..3)
            .map(|_| PersonFacts {
                id: "X",
                name: "X",
                form: Some(Form::M05),
                total: Some(Total(600)),
                tops: 0,
                digest: None,
            })
            .collect();
        let f = detect(std::slice::from_ref(&r), None, &p);
        assert_eq!(codes(&f), [(0, "sheet-all-top")]);
        match &f.signs[0].evidence {
            Evidence::SheetAllTop { contents, .. } => assert_eq!(*contents, 30),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn a_leader_above_everyone_led_on_the_scale_of_each_form() {
        let p = profile();
        let t = &p.signs;
        let mut leader45 = vec![10; 45];
        for x in leader45.iter_mut().skip(40) {
            *x = 9;
        }
        // The leader: 445/450 = 98.9%; the staff 289 or 290 of 300 (96.3%, 96.7%).
        let mut u = unit("A", Bloc::ChinhQuyen, 0, 0);
        u.people = vec![
            scored("L", Form::M03, &leader45),
            scored("S1", Form::M04, &row30(9, Some(21))),
            scored("S2", Form::M04, &row30(9, None)),
            scored("S3", Form::M04, &row30(9, Some(23))),
            scored("S4", Form::M04, &row30(9, Some(24))),
        ];
        let leads = vec![Lead {
            leader: 0,
            parts: Vec::new(),
            members: vec![1, 2, 3, 4],
        }];
        u.leads = &leads;
        let (signs, unchecked) = leader_above_all(0, &u, t, &p);
        assert!(unchecked.is_empty(), "{unchecked:?}");
        assert_eq!(signs.len(), 1);
        match &signs[0].evidence {
            Evidence::LeaderAboveAll {
                leader,
                share,
                led,
                unknown,
                highest,
                highest_share,
                ..
            } => {
                assert_eq!((leader.id.as_str(), *share), ("L", Ratio::new(890, 900)));
                assert_eq!((*led, *unknown), (4, 0));
                assert_eq!(
                    (highest.id.as_str(), *highest_share),
                    ("S2", Ratio::new(580, 600))
                );
            }
            e => panic!("{e:?}"),
        }
        // A share equal to the leader's is not below it: 435/450 = 290/300.
        u.people[0] = scored("L", Form::M03, &{
            let mut v = vec![10; 30];
            v.extend([9; 15]);
            v
        });
        assert_eq!(leader_above_all(0, &u, t, &p), (vec![], vec![]));
        // Fewer people led than the minimum: not compared, and said so.
        u.people[0] = scored("L", Form::M03, &leader45);
        let few = vec![Lead {
            leader: 0,
            parts: vec!["Tổ 1".into()],
            members: vec![1, 2, 3],
        }];
        u.leads = &few;
        assert_eq!(
            leader_above_all(0, &u, t, &p),
            (vec![], vec![Why::TooFewLed])
        );
        // A person led whose total is unknown: not compared, and counted in the evidence.
        let mut more = u.people.clone();
        more.push(PersonFacts {
            total: None,
            digest: None,
            ..scored("S5", Form::M04, &row30(10, None))
        });
        more.push(scored("S6", Form::M04, &row30(9, Some(25))));
        u.people = more;
        let five = vec![Lead {
            leader: 0,
            parts: Vec::new(),
            members: vec![1, 2, 3, 4, 5, 6],
        }];
        u.leads = &five;
        let (signs, _) = leader_above_all(0, &u, t, &p);
        match &signs[0].evidence {
            Evidence::LeaderAboveAll { led, unknown, .. } => assert_eq!((*led, *unknown), (5, 1)),
            e => panic!("{e:?}"),
        }
        let words = signs[0].evidence_words(Score::points(10), 5, Lang::Vi);
        assert!(words.contains("1 người khác chưa có tổng điểm"), "{words}");
        // The leader's total unknown, or a leader (mẫu 03) without a scope: said so.
        u.people[0].total = None;
        assert_eq!(
            leader_above_all(0, &u, t, &p),
            (vec![], vec![Why::LeaderUnknown])
        );
        u.people[0] = scored("L", Form::M03, &leader45);
        u.leads = &[];
        assert_eq!(
            leader_above_all(0, &u, t, &p),
            (vec![], vec![Why::LeaderUnknown])
        );
    }

    #[test]
    fn a_sheet_at_the_top_with_too_few_totals_known_is_said_not_checked() {
        let p = profile();
        let mut u = unit("A", Bloc::ChinhQuyen, 0, 0);
        u.people = vec![
            scored("P1", Form::M04, &[10; 30]),
            scored("P2", Form::M04, &[10; 30]),
        ];
        for id in ["P3", "P4", "P5"] {
            u.people.push(PersonFacts {
                total: None,
                digest: None,
                ..scored(id, Form::M04, &[10; 30])
            });
        }
        let f = detect(std::slice::from_ref(&u), None, &p);
        assert!(f.signs.is_empty());
        assert!(f
            .not_checked
            .iter()
            .any(|n| n.code == SignCode::SheetAllTop && n.why == Why::TooFewKnownTotals));
        // One known total below the top: nothing to say.
        u.people[1] = scored("P2", Form::M04, &row30(9, None));
        let f = detect(std::slice::from_ref(&u), None, &p);
        assert!(!f
            .not_checked
            .iter()
            .any(|n| n.code == SignCode::SheetAllTop));
    }

    #[test]
    fn the_evidence_reads_in_both_languages() {
        let s = Sign {
            unit: 0,
            evidence: Evidence::CopiedRows {
                form: Form::M04,
                contents: 30,
                tops: 20,
                total: Total(579),
                people: (1..=12)
                    .map(|i| Who {
                        id: format!("P{i}"),
                        name: "Trần Thị Bình".into(),
                        form: Form::M04,
                        total: Total(579),
                    })
                    .collect(),
            },
        };
        let vi = s.evidence_words(Score::points(10), 2, Lang::Vi);
        assert_eq!(
            vi,
            "12 người của Mẫu 04 có điểm giống hệt nhau ở cả 30 nội dung (tổng 289,5; 20 nội dung 10 điểm): P1 Trần Thị Bình, P2 Trần Thị Bình, và 10 người khác."
        );
        let en = s.evidence_words(Score::points(10), 20, Lang::En);
        assert!(en.contains("(total 289.5; 20 contents at 10)"), "{en}");
        for code in SignCode::ALL {
            assert!(!code.meaning(Lang::Vi).is_empty() && !code.title(Lang::En).is_empty());
        }
    }

    #[test]
    fn the_digest_tells_rows_apart_by_every_content_and_its_place() {
        let a: Vec<Score> = row30(9, Some(21)).into_iter().map(Score::points).collect();
        let b: Vec<Score> = row30(9, Some(22)).into_iter().map(Score::points).collect();
        assert_ne!(ScoreDigest::of(&a), ScoreDigest::of(&b));
        assert_eq!(ScoreDigest::of(&a), ScoreDigest::of(&a.clone()));
        assert_eq!(ScoreDigest::of(&a).contents, 30);
    }
}
