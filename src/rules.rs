//! The rules of SPEC §2 on plain values: no I/O, no spreadsheets.

use crate::model::{Form, Rating, Reason, Score, Status, Total};
use crate::profile::{RewardBase, Rounding, Thresholds};
use crate::vocab::{Declared, Inspection};

/// A person's scores on one form, with the form's mandatory mask (from the catalogue or from the
/// sheet's `Bắt buộc` row).
#[derive(Debug, Clone, Copy)]
pub struct ScoreSheet<'a> {
    pub form: Form,
    pub scores: &'a [Score],
    pub mandatory: &'a [bool],
}

/// What is known of a person once the cells are read and checked. `None` always means "not
/// known": an input error was reported, and the person cannot be decided on it.
#[derive(Debug, Clone, Copy)]
pub struct PersonFacts<'a> {
    /// One per month of the quarter; `None` when blank or unreadable.
    pub ratings: [Option<Rating>; 3],
    /// The months the person worked for the unit, wholly or partly (only they count).
    pub months_worked: [bool; 3],
    pub discipline: Option<bool>,
    pub inspection: Option<Inspection>,
    /// Working days absent in the quarter, in half days.
    pub absence_half_days: Option<u32>,
    /// Working days of the quarter before joining or after leaving the unit.
    pub days_away: Option<u32>,
    /// Among the people the criteria apply to (`Đối tượng`).
    pub in_scope: Option<bool>,
    /// The person's valid scores, when they are on a form and every score is valid.
    pub scores: Option<ScoreSheet<'a>>,
    /// An error finding about this person makes the result unknowable.
    pub has_errors: bool,
    /// For mẫu 03: the standing of the other people in the leader's scope.
    pub scope: ScopeStanding,
}

/// The leader's condition over the people in scope (SPEC §2, condition 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScopeStanding {
    /// Nobody in scope breaches the condition, and everyone's standing is known.
    #[default]
    Clear,
    /// Someone in scope breaches it.
    Breached,
    /// Nobody known to breach it, but someone's standing is unknown.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    pub reasons: Vec<Reason>,
    pub total: Option<Total>,
}

/// The lowest and highest total that the thresholds allow on a form with this mask, in half points.
pub fn total_bounds(mandatory: &[bool], t: &Thresholds, scale_max: u16) -> (Total, Total) {
    let n_mand = mandatory.iter().filter(|m| **m).count() as u32;
    let n_other = mandatory.len() as u32 - n_mand;
    let lo = n_mand * t.mandatory_min as u32 + n_other * t.other_min as u32;
    let hi = mandatory.len() as u32 * scale_max as u32 * 2;
    (Total(lo), Total(hi))
}

/// A `Bắt buộc` row may say which contents are mandatory, never how many (SPEC §2, 3.).
pub fn mandatory_row_valid(marks: &[bool], catalogue: &[bool]) -> bool {
    marks.len() == catalogue.len()
        && marks.iter().filter(|m| **m).count() == catalogue.iter().filter(|m| **m).count()
}

/// Why a person is not evaluated, when that is known (SPEC §2 "Not evaluated"): the first of
/// `vang-15-ngay`, `khong-du-thoi-gian`, `ngoai-doi-tuong` that applies.
pub fn not_evaluated(f: &PersonFacts, t: &Thresholds) -> Option<Reason> {
    let limit = t.absence_days * 2;
    let absent = f.absence_half_days?;
    if absent >= limit {
        return Some(Reason::Vang15Ngay);
    }
    let away = f.days_away?;
    if absent + away * 2 >= limit {
        return Some(Reason::KhongDuThoiGian);
    }
    (!f.in_scope?).then_some(Reason::NgoaiDoiTuong)
}

/// Decides one person (SPEC §2, §5).
pub fn evaluate_person(f: &PersonFacts, t: &Thresholds, scale_max: u16) -> Outcome {
    let total = f.scores.map(|s| Total::of(s.scores));
    if let Some(reason) = not_evaluated(f, t) {
        return Outcome {
            status: Status::KhongDanhGia,
            reasons: vec![reason],
            total,
        };
    }
    let (Some(discipline), Some(inspection), Some(_), Some(_), Some(_)) = (
        f.discipline,
        f.inspection,
        f.absence_half_days,
        f.days_away,
        f.in_scope,
    ) else {
        return loi();
    };
    if f.has_errors {
        return loi();
    }
    let Some(sheet) = f.scores else { return loi() };
    let leader = sheet.form.is_leader_form();
    if leader && f.scope == ScopeStanding::Unknown {
        return loi();
    }
    // Only the months worked for the unit count; each of them must be rated.
    let mut ratings = Vec::with_capacity(3);
    for (r, worked) in f.ratings.iter().zip(f.months_worked) {
        match (r, worked) {
            (_, false) => {}
            (Some(r), true) => ratings.push(*r),
            (None, true) => return loi(),
        }
    }
    if ratings.is_empty() {
        return loi();
    }

    let mut reasons = Vec::new();
    if ratings.iter().any(|r| !r.at_least_good()) {
        reasons.push(Reason::ThangDuoiTot);
    }
    if !ratings.contains(&Rating::XuatSac) {
        reasons.push(Reason::KhongThangXuatSac);
    }
    if discipline {
        reasons.push(Reason::KyLuat);
    }
    if inspection.fails_person() {
        reasons.push(Reason::ThanhTra);
    }
    let pairs = || sheet.scores.iter().zip(sheet.mandatory.iter());
    if pairs().any(|(s, m)| *m && s.0 < t.mandatory_min) {
        reasons.push(Reason::BatBuocDuoi10);
    }
    if pairs().any(|(s, m)| !*m && s.0 < t.other_min) {
        reasons.push(Reason::ConLaiDuoi8);
    }
    let total = Total::of(sheet.scores);
    let (lo, hi) = total_bounds(sheet.mandatory, t, scale_max);
    if total < lo || total > hi {
        reasons.push(Reason::TongNgoaiKhung);
    }
    if leader && f.scope == ScopeStanding::Breached {
        reasons.push(Reason::DonViViPham);
    }
    Outcome {
        status: if reasons.is_empty() {
            Status::Dat
        } else {
            Status::KhongDat
        },
        reasons,
        total: Some(total),
    }
}

fn loi() -> Outcome {
    Outcome {
        status: Status::Loi,
        reasons: Vec::new(),
        total: None,
    }
}

/// What a unit's own mẫu 06 shows of a person (SPEC §3 "Mẫu 06 typed by hand"): the monthly
/// ratings, and the total with the passing range of the form written beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mau06Facts {
    /// `None` where blank or unreadable.
    pub ratings: [Option<Rating>; 3],
    pub total: Option<Total>,
    /// The passing range of the form ([`total_bounds`]), when the form is known.
    pub range: Option<(Total, Total)>,
    /// For mẫu 03: the leader's condition over everyone else on the sheet ([`mau06_scope`]).
    pub scope: Option<ScopeStanding>,
}

/// The conditions of SPEC §2 that need no per-content score, checked on what a mẫu 06 shows: the
/// monthly conditions (1.), the total inside the form's range (3.) and, for mẫu 03, that nobody
/// else on the sheet is rated không hoàn thành nhiệm vụ in any month (4.). Returns the reasons
/// that fail, in contract order, and whether every value those checks need was known (all three
/// months, the total, the form, the other people's months for a leader). The other conditions
/// (discipline, inspection, each content, the rest of a leader's condition) cannot be seen on a
/// mẫu 06.
pub fn mau06_checks(f: &Mau06Facts) -> (Vec<Reason>, bool) {
    let known: Vec<Rating> = f.ratings.iter().flatten().copied().collect();
    let all_months = known.len() == 3;
    let mut reasons = Vec::new();
    if known.iter().any(|r| !r.at_least_good()) {
        reasons.push(Reason::ThangDuoiTot);
    }
    if all_months && !known.contains(&Rating::XuatSac) {
        reasons.push(Reason::KhongThangXuatSac);
    }
    let range_known = match (f.total, f.range) {
        (Some(t), Some((lo, hi))) => {
            if t < lo || t > hi {
                reasons.push(Reason::TongNgoaiKhung);
            }
            true
        }
        _ => false,
    };
    let scope_known = match f.scope {
        Some(ScopeStanding::Breached) => {
            reasons.push(Reason::DonViViPham);
            true
        }
        Some(ScopeStanding::Unknown) => false,
        Some(ScopeStanding::Clear) | None => true,
    };
    (reasons, all_months && range_known && scope_known)
}

/// One other person of a mẫu 06, for a leader's condition (SPEC §2, 4.): a mẫu 06 shows only
/// their months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mau06Member {
    pub ratings: [Option<Rating>; 3],
    /// A month cell that holds something unreadable.
    pub unreadable: [bool; 3],
    /// Declared not evaluated with a reason that holds: blank months are no unknown then.
    pub not_evaluated: bool,
}

impl Mau06Member {
    /// Rated không hoàn thành nhiệm vụ in a month: a breach; a month blank (of someone
    /// evaluated) or unreadable: unknown.
    pub fn standing(&self) -> Standing {
        if self.ratings.contains(&Some(Rating::KhongHoanThanh)) {
            return Standing::Breach;
        }
        let unknown: Vec<Unknown> = (0..3)
            .filter(|&i| self.ratings[i].is_none() && (self.unreadable[i] || !self.not_evaluated))
            .map(Unknown::Month)
            .collect();
        if unknown.is_empty() {
            Standing::Clear
        } else {
            Standing::Unknown(unknown)
        }
    }
}

/// A mẫu 06 leader's condition over everyone else on the sheet. A known breach decides (a
/// declared `Đạt` is then contradicted whatever the unknown months hold); else anyone unknown
/// makes it unknown.
pub fn mau06_scope<'a>(others: impl IntoIterator<Item = &'a Standing>) -> ScopeStanding {
    let mut result = ScopeStanding::Clear;
    for s in others {
        match s {
            Standing::Breach => return ScopeStanding::Breached,
            Standing::Unknown(_) => result = ScopeStanding::Unknown,
            Standing::Clear => {}
        }
    }
    result
}

/// Whether the time away a mẫu 06 note gives leaves a person out (SPEC §2 "Not evaluated": 15
/// working days or more of the quarter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeAway {
    Enough,
    /// Every reading of the words is below the threshold: the longest, in half days.
    TooShort(u32),
    /// No length written, or readings on both sides of the threshold.
    Unknown,
}

/// `readings`: the lengths, in half working days inside the quarter, that the words allow (one;
/// two when they do not say whether the person joined or left); empty when none.
pub fn mau06_time_away(readings: &[u32], t: &Thresholds) -> TimeAway {
    let limit = t.absence_days * 2;
    match readings.iter().max() {
        None => TimeAway::Unknown,
        Some(_) if readings.iter().all(|&r| r >= limit) => TimeAway::Enough,
        Some(&longest) if longest < limit => TimeAway::TooShort(longest),
        Some(_) => TimeAway::Unknown,
    }
}

/// A mẫu 06 person's result (SPEC §3): the unit's declaration, as far as the checks without scores
/// allow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mau06Outcome {
    pub status: Status,
    pub reasons: Vec<Reason>,
    /// A declared `Đạt` that the checks contradict (`result-mismatch`).
    pub mismatch: bool,
}

/// What a mẫu 06 row says, for [`mau06_outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mau06Declaration<'a> {
    /// `None` when blank or unreadable (reported).
    pub declared: Option<Declared>,
    /// Why a declared `Không đánh giá` is not evaluated, when it can be read.
    pub not_evaluated: Option<Reason>,
    /// Reasons the `Ghi chú` names.
    pub noted: &'a [Reason],
    /// An error was reported on the row (an unreadable cell, a value a declared `Đạt` needs).
    pub has_errors: bool,
}

/// Decides a mẫu 06 person:
/// - `Không đánh giá` with a readable reason stays not evaluated with that one reason (the months
///   and scores of someone not evaluated decide nothing); without one it is `loi`;
/// - a declared `Đạt` that a check contradicts is `loi` with `mismatch` (SPEC §3); a `Đạt` whose
///   checks lack a value, or whose row holds an error, is `loi`; else `dat`;
/// - `Không đạt` stays `khong-dat`, with the reasons the checks and the `Ghi chú` give (possibly
///   none: the contents, discipline and inspection that decided it are not on a mẫu 06, and a
///   "không đạt" grants nothing, so it is never turned into `dat` nor doubted);
/// - anything else (a blank or unreadable `Kết quả`, an error on the row) is `loi`.
pub fn mau06_outcome(d: &Mau06Declaration, checks: &[Reason], complete: bool) -> Mau06Outcome {
    let outcome = |status, reasons, mismatch| Mau06Outcome {
        status,
        reasons,
        mismatch,
    };
    match (d.declared, d.not_evaluated) {
        (Some(Declared::KhongDanhGia), Some(r)) => outcome(Status::KhongDanhGia, vec![r], false),
        (Some(Declared::Dat), _) if !checks.is_empty() => outcome(Status::Loi, vec![], true),
        (Some(Declared::Dat), _) if complete && !d.has_errors => {
            outcome(Status::Dat, vec![], false)
        }
        (Some(Declared::KhongDat), _) if !d.has_errors => {
            let mut reasons: Vec<Reason> = checks.iter().chain(d.noted).copied().collect();
            reasons.sort();
            reasons.dedup();
            outcome(Status::KhongDat, reasons, false)
        }
        _ => outcome(Status::Loi, vec![], false),
    }
}

/// What a leader's condition needs to know of one other member of the scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberStanding {
    pub ratings: [Option<Rating>; 3],
    /// A month cell that holds something unreadable (unknown text, formula without a value).
    pub unreadable: [bool; 3],
    pub months_worked: [bool; 3],
    /// The member is not evaluated this quarter (absence, time, scope): blank months are no
    /// unknown then, they were simply not rated.
    pub not_evaluated: bool,
    pub discipline: Option<bool>,
    pub inspection: Option<Inspection>,
    /// `Kiểm điểm`: must undergo a responsibility review.
    pub review: Option<bool>,
}

/// What is unknown about a member, for the finding that names the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    Month(usize),
    Discipline,
    Inspection,
    Review,
}

/// One member's standing against a leader's condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Clear,
    Breach,
    /// Not known to breach, but these values are unknown.
    Unknown(Vec<Unknown>),
}

impl MemberStanding {
    /// 001 §3.5: "không có CBCCVC, NLĐ xếp loại không hoàn thành nhiệm vụ hoặc có vi phạm phải
    /// kiểm điểm trách nhiệm hoặc xem xét kỷ luật". Being under inspection is no breach.
    pub fn standing(&self) -> Standing {
        let failed_month = (0..3)
            .any(|i| self.months_worked[i] && self.ratings[i] == Some(Rating::KhongHoanThanh));
        let breach = failed_month
            || self.discipline == Some(true)
            || self.inspection.is_some_and(Inspection::breaches_scope)
            || self.review == Some(true);
        if breach {
            return Standing::Breach;
        }
        let mut unknown = Vec::new();
        for i in 0..3 {
            let blank_counts = !self.not_evaluated;
            if self.months_worked[i]
                && self.ratings[i].is_none()
                && (self.unreadable[i] || blank_counts)
            {
                unknown.push(Unknown::Month(i));
            }
        }
        if self.discipline.is_none() {
            unknown.push(Unknown::Discipline);
        }
        if self.inspection.is_none() {
            unknown.push(Unknown::Inspection);
        }
        if self.review.is_none() {
            unknown.push(Unknown::Review);
        }
        if unknown.is_empty() {
            Standing::Clear
        } else {
            Standing::Unknown(unknown)
        }
    }
}

/// The leader's condition over the standings of the other people in scope. Anyone whose
/// standing is unknown makes the condition unknown (SPEC §2, 4.: "the leader is `loi`"), even
/// when someone else is known to breach it.
pub fn scope_standing<'a>(others: impl IntoIterator<Item = &'a Standing>) -> ScopeStanding {
    let mut result = ScopeStanding::Clear;
    for s in others {
        match s {
            Standing::Unknown(_) => return ScopeStanding::Unknown,
            Standing::Breach => result = ScopeStanding::Breached,
            Standing::Clear => {}
        }
    }
    result
}

/// The reward cap of a unit (SPEC §2 "Rewards").
pub fn reward_cap(
    dat: u32,
    headcount: u32,
    percent: u32,
    rounding: Rounding,
    base: RewardBase,
) -> u32 {
    let n = match base {
        RewardBase::Dat => dat,
        RewardBase::Headcount => headcount,
    } as u64;
    let num = n * percent as u64;
    let cap = match rounding {
        Rounding::Down => num / 100,
        Rounding::Up => num.div_ceil(100),
        Rounding::Nearest => (num + 50) / 100,
    };
    // Only people rated đạt can be rewarded.
    (cap as u32).min(dat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;
    use proptest::prelude::*;

    fn thresholds() -> Thresholds {
        Profile::default_profile().thresholds
    }

    fn mask(form: Form) -> Vec<bool> {
        Profile::default_profile().form(form).mandatory.clone()
    }

    fn facts<'a>(ratings: [Option<Rating>; 3], sheet: ScoreSheet<'a>) -> PersonFacts<'a> {
        PersonFacts {
            ratings,
            months_worked: [true; 3],
            discipline: Some(false),
            inspection: Some(Inspection::No),
            absence_half_days: Some(0),
            days_away: Some(0),
            in_scope: Some(true),
            scores: Some(sheet),
            has_errors: false,
            scope: ScopeStanding::Clear,
        }
    }

    const GOOD: [Option<Rating>; 3] = [Some(Rating::XuatSac), Some(Rating::Tot), Some(Rating::Tot)];

    #[test]
    fn boundary_totals_are_dat() {
        let t = thresholds();
        for (form, expect) in [(Form::M04, 280), (Form::M03, 420)] {
            let m = mask(form);
            let scores: Vec<Score> = m
                .iter()
                .map(|&b| {
                    if b {
                        Score::points(10)
                    } else {
                        Score::points(8)
                    }
                })
                .collect();
            let o = evaluate_person(
                &facts(
                    GOOD,
                    ScoreSheet {
                        form,
                        scores: &scores,
                        mandatory: &m,
                    },
                ),
                &t,
                10,
            );
            assert_eq!(o.status, Status::Dat);
            assert_eq!(o.total, Some(Total(expect * 2)));
        }
    }

    #[test]
    fn mandatory_at_nine_and_a_half_fails() {
        let t = thresholds();
        let m = mask(Form::M04);
        let mut scores = vec![Score::points(10); 30];
        scores[0] = Score(19);
        let o = evaluate_person(
            &facts(
                GOOD,
                ScoreSheet {
                    form: Form::M04,
                    scores: &scores,
                    mandatory: &m,
                },
            ),
            &t,
            10,
        );
        assert_eq!(o.reasons, vec![Reason::BatBuocDuoi10]);
    }

    #[test]
    fn other_at_seven_and_a_half_fails_and_eight_passes() {
        let t = thresholds();
        let m = mask(Form::M05);
        let mut scores = vec![Score::points(10); 30];
        scores[25] = Score(15);
        let o = evaluate_person(
            &facts(
                GOOD,
                ScoreSheet {
                    form: Form::M05,
                    scores: &scores,
                    mandatory: &m,
                },
            ),
            &t,
            10,
        );
        assert_eq!(o.reasons, vec![Reason::ConLaiDuoi8]);
        scores[25] = Score(16);
        let o = evaluate_person(
            &facts(
                GOOD,
                ScoreSheet {
                    form: Form::M05,
                    scores: &scores,
                    mandatory: &m,
                },
            ),
            &t,
            10,
        );
        assert_eq!(o.status, Status::Dat);
    }

    #[test]
    fn absence_of_fifteen_days_is_not_evaluated() {
        let t = thresholds();
        let m = mask(Form::M04);
        let scores = vec![Score::points(10); 30];
        let mut f = facts(
            GOOD,
            ScoreSheet {
                form: Form::M04,
                scores: &scores,
                mandatory: &m,
            },
        );
        f.absence_half_days = Some(29);
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Dat);
        f.absence_half_days = Some(30);
        let o = evaluate_person(&f, &t, 10);
        assert_eq!(o.status, Status::KhongDanhGia);
        assert_eq!(o.reasons, vec![Reason::Vang15Ngay]);
        assert_eq!(o.total, Some(Total(600)));
        f.scores = None;
        assert_eq!(evaluate_person(&f, &t, 10).total, None);
    }

    #[test]
    fn errors_give_loi_never_khong_dat() {
        let t = thresholds();
        let m = mask(Form::M04);
        let scores = vec![Score::points(10); 30];
        let mut f = facts(
            GOOD,
            ScoreSheet {
                form: Form::M04,
                scores: &scores,
                mandatory: &m,
            },
        );
        f.has_errors = true;
        assert_eq!(
            evaluate_person(&f, &t, 10),
            Outcome {
                status: Status::Loi,
                reasons: vec![],
                total: None
            }
        );
        let mut f = facts(
            [Some(Rating::Tot), None, Some(Rating::Tot)],
            ScoreSheet {
                form: Form::M04,
                scores: &scores,
                mandatory: &m,
            },
        );
        f.has_errors = false;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
    }

    #[test]
    fn leader_condition_only_on_form_03() {
        let t = thresholds();
        let m = mask(Form::M03);
        let scores = vec![Score::points(10); 45];
        let mut f = facts(
            GOOD,
            ScoreSheet {
                form: Form::M03,
                scores: &scores,
                mandatory: &m,
            },
        );
        f.scope = ScopeStanding::Breached;
        assert_eq!(
            evaluate_person(&f, &t, 10).reasons,
            vec![Reason::DonViViPham]
        );
        f.scope = ScopeStanding::Unknown;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
        let m4 = mask(Form::M04);
        let s4 = vec![Score::points(10); 30];
        let mut f = facts(
            GOOD,
            ScoreSheet {
                form: Form::M04,
                scores: &s4,
                mandatory: &m4,
            },
        );
        f.scope = ScopeStanding::Breached;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Dat);
    }

    #[test]
    fn reasons_come_in_contract_order() {
        let t = thresholds();
        let m = mask(Form::M03);
        let scores = vec![Score::points(7); 45];
        let mut f = facts(
            [Some(Rating::HoanThanh); 3],
            ScoreSheet {
                form: Form::M03,
                scores: &scores,
                mandatory: &m,
            },
        );
        f.discipline = Some(true);
        f.inspection = Some(Inspection::Under);
        f.scope = ScopeStanding::Breached;
        let o = evaluate_person(&f, &t, 10);
        assert_eq!(o.reasons, Reason::ALL[3..].to_vec());
    }

    #[test]
    fn reward_caps() {
        use Rounding::*;
        assert_eq!(reward_cap(40, 40, 15, Down, RewardBase::Dat), 6);
        assert_eq!(reward_cap(40, 40, 3, Down, RewardBase::Dat), 1);
        assert_eq!(reward_cap(33, 50, 3, Down, RewardBase::Dat), 0);
        assert_eq!(reward_cap(34, 50, 3, Down, RewardBase::Dat), 1);
        assert_eq!(reward_cap(33, 50, 3, Up, RewardBase::Dat), 1);
        assert_eq!(reward_cap(17, 50, 3, Nearest, RewardBase::Dat), 1);
        assert_eq!(reward_cap(16, 50, 3, Nearest, RewardBase::Dat), 0);
        assert_eq!(reward_cap(3, 40, 15, Down, RewardBase::Headcount), 3);
    }

    fn ok_sheet_facts<'a>(scores: &'a [Score], m: &'a [bool], form: Form) -> PersonFacts<'a> {
        facts(
            GOOD,
            ScoreSheet {
                form,
                scores,
                mandatory: m,
            },
        )
    }

    #[test]
    fn not_evaluated_reasons_in_order_of_precedence() {
        let t = thresholds();
        let m = mask(Form::M04);
        let scores = vec![Score::points(10); 30];
        let mut f = ok_sheet_facts(&scores, &m, Form::M04);
        // 10 days away (joined late) + 4,5 days absent: 29 half days, still evaluated.
        f.days_away = Some(10);
        f.absence_half_days = Some(9);
        assert_eq!(not_evaluated(&f, &t), None);
        f.absence_half_days = Some(10);
        assert_eq!(not_evaluated(&f, &t), Some(Reason::KhongDuThoiGian));
        f.absence_half_days = Some(30);
        assert_eq!(not_evaluated(&f, &t), Some(Reason::Vang15Ngay));
        f.absence_half_days = Some(0);
        f.days_away = Some(0);
        f.in_scope = Some(false);
        let o = evaluate_person(&f, &t, 10);
        assert_eq!(o.status, Status::KhongDanhGia);
        assert_eq!(o.reasons, vec![Reason::NgoaiDoiTuong]);
        // Unknown time in the unit: nothing is guessed.
        f.in_scope = Some(true);
        f.days_away = None;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
    }

    #[test]
    fn unknown_decision_values_give_loi() {
        let t = thresholds();
        let m = mask(Form::M04);
        let scores = vec![Score::points(10); 30];
        let base = ok_sheet_facts(&scores, &m, Form::M04);
        assert_eq!(evaluate_person(&base, &t, 10).status, Status::Dat);
        let mut f = base;
        f.discipline = None;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
        let mut f = base;
        f.inspection = None;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
        let mut f = base;
        f.in_scope = None;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
        let mut f = base;
        f.absence_half_days = None;
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
    }

    #[test]
    fn only_months_worked_count() {
        let t = thresholds();
        let m = mask(Form::M04);
        let scores = vec![Score::points(10); 30];
        let mut f = ok_sheet_facts(&scores, &m, Form::M04);
        f.ratings = [None, Some(Rating::XuatSac), Some(Rating::Tot)];
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Loi);
        f.months_worked = [false, true, true];
        f.days_away = Some(8);
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Dat);
        // A rating of a month outside the person's time is not counted.
        f.ratings[0] = Some(Rating::KhongHoanThanh);
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Dat);
    }

    #[test]
    fn a_mandatory_row_must_mark_the_seed_count() {
        let cat = mask(Form::M04);
        assert!(mandatory_row_valid(&cat, &cat));
        let mut moved = cat.clone();
        moved.swap(0, 25);
        assert!(mandatory_row_valid(&moved, &cat));
        assert!(!mandatory_row_valid(&[false; 30], &cat));
        let mut fewer = cat.clone();
        fewer[3] = false;
        assert!(!mandatory_row_valid(&fewer, &cat));
    }

    fn member() -> MemberStanding {
        MemberStanding {
            ratings: [Some(Rating::Tot); 3],
            unreadable: [false; 3],
            months_worked: [true; 3],
            not_evaluated: false,
            discipline: Some(false),
            inspection: Some(Inspection::No),
            review: Some(false),
        }
    }

    #[test]
    fn member_standing_follows_the_seed_sentence() {
        assert_eq!(member().standing(), Standing::Clear);
        let mut m = member();
        m.inspection = Some(Inspection::Under);
        assert_eq!(
            m.standing(),
            Standing::Clear,
            "under inspection is no breach"
        );
        m.inspection = Some(Inspection::AtFault);
        assert_eq!(m.standing(), Standing::Breach);
        let mut m = member();
        m.review = Some(true);
        assert_eq!(m.standing(), Standing::Breach);
        let mut m = member();
        m.ratings[1] = Some(Rating::KhongHoanThanh);
        assert_eq!(m.standing(), Standing::Breach);
        let mut m = member();
        m.ratings[2] = None;
        assert_eq!(m.standing(), Standing::Unknown(vec![Unknown::Month(2)]));
        m.not_evaluated = true;
        assert_eq!(
            m.standing(),
            Standing::Clear,
            "a blank month of someone on leave"
        );
        m.unreadable[2] = true;
        assert_eq!(m.standing(), Standing::Unknown(vec![Unknown::Month(2)]));
        let mut m = member();
        m.ratings[0] = None;
        m.months_worked[0] = false;
        assert_eq!(m.standing(), Standing::Clear, "a month before joining");
        let mut m = member();
        m.discipline = None;
        m.ratings[0] = Some(Rating::KhongHoanThanh);
        assert_eq!(m.standing(), Standing::Breach, "a known breach decides");
        assert_eq!(
            scope_standing(&[Standing::Clear, Standing::Unknown(vec![Unknown::Review])]),
            ScopeStanding::Unknown
        );
        assert_eq!(
            scope_standing(&[Standing::Unknown(vec![Unknown::Review]), Standing::Breach]),
            ScopeStanding::Unknown
        );
        assert_eq!(
            scope_standing(&[Standing::Clear, Standing::Breach]),
            ScopeStanding::Breached
        );
        assert_eq!(scope_standing(&[]), ScopeStanding::Clear);
    }

    #[test]
    fn mau06_checks_need_no_scores() {
        let range = Some((Total(560), Total(600)));
        let good = Mau06Facts {
            ratings: GOOD,
            total: Some(Total(573)),
            range,
            scope: None,
        };
        assert_eq!(mau06_checks(&good), (vec![], true));
        let mut f = good;
        f.ratings[1] = Some(Rating::HoanThanh);
        f.total = Some(Total(558));
        assert_eq!(
            mau06_checks(&f),
            (vec![Reason::ThangDuoiTot, Reason::TongNgoaiKhung], true)
        );
        // A month missing: a failing month still shows, "no month xuất sắc" cannot.
        let mut f = good;
        f.ratings = [Some(Rating::Tot), None, Some(Rating::Tot)];
        assert_eq!(mau06_checks(&f), (vec![], false));
        f.range = None;
        f.ratings = [Some(Rating::Tot); 3];
        assert_eq!(mau06_checks(&f), (vec![Reason::KhongThangXuatSac], false));
        // A leader: someone else not completing a month is a reason; a month unknown leaves the
        // check incomplete.
        let mut f = good;
        f.scope = Some(ScopeStanding::Breached);
        assert_eq!(mau06_checks(&f), (vec![Reason::DonViViPham], true));
        f.scope = Some(ScopeStanding::Unknown);
        assert_eq!(mau06_checks(&f), (vec![], false));
    }

    #[test]
    fn mau06_members_and_time_away() {
        let m = Mau06Member {
            ratings: [Some(Rating::Tot); 3],
            unreadable: [false; 3],
            not_evaluated: false,
        };
        assert_eq!(m.standing(), Standing::Clear);
        let mut k = m;
        k.ratings[1] = Some(Rating::KhongHoanThanh);
        assert_eq!(k.standing(), Standing::Breach);
        let mut b = m;
        b.ratings[2] = None;
        assert_eq!(b.standing(), Standing::Unknown(vec![Unknown::Month(2)]));
        b.not_evaluated = true;
        assert_eq!(b.standing(), Standing::Clear);
        b.unreadable[2] = true;
        assert_eq!(b.standing(), Standing::Unknown(vec![Unknown::Month(2)]));
        let u = Standing::Unknown(vec![Unknown::Month(0)]);
        assert_eq!(
            mau06_scope(&[u.clone(), Standing::Breach]),
            ScopeStanding::Breached
        );
        assert_eq!(mau06_scope(&[Standing::Clear, u]), ScopeStanding::Unknown);
        assert_eq!(mau06_scope(&[]), ScopeStanding::Clear);

        let t = thresholds();
        assert_eq!(mau06_time_away(&[30], &t), TimeAway::Enough);
        assert_eq!(mau06_time_away(&[6], &t), TimeAway::TooShort(6));
        assert_eq!(mau06_time_away(&[29, 10], &t), TimeAway::TooShort(29));
        assert_eq!(mau06_time_away(&[40, 10], &t), TimeAway::Unknown);
        assert_eq!(mau06_time_away(&[40, 44], &t), TimeAway::Enough);
        assert_eq!(mau06_time_away(&[], &t), TimeAway::Unknown);
    }

    #[test]
    fn mau06_declarations() {
        let d = |declared, has_errors| Mau06Declaration {
            declared,
            not_evaluated: None,
            noted: &[],
            has_errors,
        };
        let dat = Some(Declared::Dat);
        assert_eq!(mau06_outcome(&d(dat, false), &[], true).status, Status::Dat);
        assert_eq!(
            mau06_outcome(&d(dat, false), &[], false).status,
            Status::Loi
        );
        assert_eq!(mau06_outcome(&d(dat, true), &[], true).status, Status::Loi);
        let o = mau06_outcome(&d(dat, true), &[Reason::ThangDuoiTot], true);
        assert_eq!((o.status, o.mismatch), (Status::Loi, true));
        let kd = Some(Declared::KhongDat);
        let o = mau06_outcome(&d(kd, false), &[], false);
        assert_eq!((o.status, o.reasons), (Status::KhongDat, vec![]));
        let noted = [Reason::BatBuocDuoi10];
        let mut x = d(kd, false);
        x.noted = &noted;
        let o = mau06_outcome(&x, &[Reason::ThangDuoiTot], true);
        assert_eq!(o.reasons, vec![Reason::ThangDuoiTot, Reason::BatBuocDuoi10]);
        assert_eq!(mau06_outcome(&d(kd, true), &[], true).status, Status::Loi);
        let kdg = Some(Declared::KhongDanhGia);
        assert_eq!(mau06_outcome(&d(kdg, false), &[], true).status, Status::Loi);
        let mut x = d(kdg, true);
        x.not_evaluated = Some(Reason::Vang15Ngay);
        let o = mau06_outcome(&x, &[Reason::ThangDuoiTot], false);
        assert_eq!(
            (o.status, o.reasons),
            (Status::KhongDanhGia, vec![Reason::Vang15Ngay])
        );
        assert_eq!(
            mau06_outcome(&d(None, false), &[], true).status,
            Status::Loi
        );
    }

    fn rating() -> impl Strategy<Value = Rating> {
        prop_oneof![
            Just(Rating::XuatSac),
            Just(Rating::Tot),
            Just(Rating::HoanThanh),
            Just(Rating::KhongHoanThanh)
        ]
    }

    proptest! {
        /// Any grid of valid half points gives `dat` exactly when the threshold conditions hold.
        #[test]
        fn dat_exactly_when_conditions_hold(
            leader in any::<bool>(),
            hp in proptest::collection::vec(2u16..=20, 45),
            ratings in proptest::array::uniform3(rating()),
            discipline in proptest::bool::weighted(0.1),
            inspection in proptest::bool::weighted(0.1),
            scope in proptest::bool::weighted(0.2),
            days in 0u32..30,
        ) {
            let t = thresholds();
            let form = if leader { Form::M03 } else { Form::M04 };
            let m = mask(form);
            let scores: Vec<Score> = hp[..m.len()].iter().map(|&h| Score(h)).collect();
            let f = PersonFacts {
                ratings: ratings.map(Some), months_worked: [true; 3],
                discipline: Some(discipline),
                inspection: Some(if inspection { Inspection::AtFault } else { Inspection::No }),
                absence_half_days: Some(days * 2), days_away: Some(0), in_scope: Some(true),
                scores: Some(ScoreSheet { form, scores: &scores, mandatory: &m }),
                has_errors: false,
                scope: if scope { ScopeStanding::Breached } else { ScopeStanding::Clear },
            };
            let o = evaluate_person(&f, &t, 10);
            let total: u32 = scores.iter().map(|s| s.0 as u32).sum();
            let n_mand = m.iter().filter(|b| **b).count() as u32;
            let lo = n_mand * 20 + (m.len() as u32 - n_mand) * 16;
            let expected = days < 15
                && ratings.iter().all(|r| matches!(r, Rating::XuatSac | Rating::Tot))
                && ratings.contains(&Rating::XuatSac)
                && !discipline && !inspection
                && scores.iter().zip(&m).all(|(s, &b)| if b { s.0 == 20 } else { s.0 >= 16 })
                && total >= lo && total <= m.len() as u32 * 20
                && !(leader && scope);
            prop_assert_eq!(o.status == Status::Dat, expected);
            if days >= 15 {
                prop_assert_eq!(o.status, Status::KhongDanhGia);
            } else {
                prop_assert_eq!(o.status == Status::KhongDat, !expected);
                prop_assert_eq!(o.total, Some(Total(total)));
                let mut sorted = o.reasons.clone();
                sorted.sort();
                prop_assert_eq!(sorted, o.reasons.clone());
            }
        }

        /// Printing a score and parsing it back gives the same score.
        #[test]
        fn score_text_round_trips(hp in 2u16..=20) {
            let s = Score(hp);
            let scale = crate::model::Scale::SEED;
            prop_assert_eq!(crate::text::parse_score(&s.to_string(), scale), Ok(s));
            prop_assert_eq!(crate::text::parse_score(&s.to_string().replace(',', "."), scale), Ok(s));
        }
    }
}
