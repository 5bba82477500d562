//! The deadlines of a quarter (SPEC §2 "Timeline") and its working days, from the profile's
//! `[deadlines]` and calendar. Pure: no I/O.
//!
//! A deadline falling on a Saturday, a Sunday or a public holiday is handled by the profile's
//! `deadlines.rule`: kept and flagged (`flag`), moved to the next working day
//! (`next-working-day`), or to the working day before (`previous-working-day`).

use crate::calendar::{Calendar, CalendarError};
use crate::i18n::Lang;
use crate::model::Quarter;
use crate::profile::{DeadlineRule, Profile};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Serialize, Serializer};

/// Which deadline of the quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineKind {
    SelfEvaluation,
    Authority,
    UnitReport,
    /// Units send their reward dossiers ("trước ngày 28").
    RewardDossier,
    BlocReport,
    DossierForward,
    Publication,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 7] = [
        DeadlineKind::SelfEvaluation,
        DeadlineKind::Authority,
        DeadlineKind::UnitReport,
        DeadlineKind::RewardDossier,
        DeadlineKind::BlocReport,
        DeadlineKind::DossierForward,
        DeadlineKind::Publication,
    ];

    /// A stable code for scripts.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineKind::SelfEvaluation => "tu-danh-gia",
            DeadlineKind::Authority => "cap-tham-quyen",
            DeadlineKind::UnitReport => "don-vi-gui",
            DeadlineKind::RewardDossier => "ho-so-khen-thuong",
            DeadlineKind::BlocReport => "khoi-gui",
            DeadlineKind::DossierForward => "chuyen-ho-so",
            DeadlineKind::Publication => "cong-khai",
        }
    }

    pub fn words(self, lang: Lang) -> &'static str {
        use DeadlineKind::*;
        match (self, lang) {
            (SelfEvaluation, Lang::Vi) => "Cá nhân tự đánh giá, chấm điểm",
            (SelfEvaluation, Lang::En) => "Self-evaluation by each person",
            (Authority, Lang::Vi) => "Cấp có thẩm quyền đánh giá, xếp loại",
            (Authority, Lang::En) => "Evaluation by the competent authority",
            (UnitReport, Lang::Vi) => "Đơn vị gửi Mẫu 06",
            (UnitReport, Lang::En) => "Units send mẫu 06",
            (RewardDossier, Lang::Vi) => "Đơn vị gửi hồ sơ đề nghị khen thưởng",
            (RewardDossier, Lang::En) => "Units send reward proposals",
            (BlocReport, Lang::Vi) => "Các khối gửi Mẫu 07 tổng hợp",
            (BlocReport, Lang::En) => "Blocs send the mẫu 07 summary",
            (DossierForward, Lang::Vi) => {
                "Ban Tổ chức Quận ủy chuyển hồ sơ khen thưởng sang Phòng Nội vụ"
            }
            (DossierForward, Lang::En) => {
                "Ban Tổ chức Quận ủy forwards reward dossiers to Phòng Nội vụ"
            }
            (Publication, Lang::Vi) => "Công khai kết quả đánh giá",
            (Publication, Lang::En) => "Results made public",
        }
    }
}

impl Serialize for DeadlineKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    Saturday,
    Sunday,
    /// A public holiday or Tết (a day of the calendar's `off` list that is not a weekend).
    Holiday,
}

impl DayOff {
    pub fn code(self) -> &'static str {
        match self {
            DayOff::Saturday => "thu-bay",
            DayOff::Sunday => "chu-nhat",
            DayOff::Holiday => "nghi-le",
        }
    }
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DayOff::Saturday, Lang::Vi) => "thứ Bảy",
            (DayOff::Saturday, Lang::En) => "a Saturday",
            (DayOff::Sunday, Lang::Vi) => "Chủ nhật",
            (DayOff::Sunday, Lang::En) => "a Sunday",
            (DayOff::Holiday, Lang::Vi) => "ngày nghỉ lễ, Tết",
            (DayOff::Holiday, Lang::En) => "a public holiday",
        }
    }
}

impl Serialize for DayOff {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Why `d` is not a working day, or `None` when it is one.
pub fn day_off(cal: &Calendar, d: NaiveDate) -> Result<Option<DayOff>, CalendarError> {
    if cal.is_working_day(d)? {
        return Ok(None);
    }
    Ok(Some(match d.weekday() {
        Weekday::Sat if !cal.is_day_off(d) => DayOff::Saturday,
        Weekday::Sun if !cal.is_day_off(d) => DayOff::Sunday,
        _ if cal.is_day_off(d) => DayOff::Holiday,
        Weekday::Sat => DayOff::Saturday,
        _ => DayOff::Sunday,
    }))
}

/// The weekday in Vietnamese ("Thứ Hai" … "Chủ nhật") or English.
pub fn weekday_words(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Vi => [
            "Thứ Hai",
            "Thứ Ba",
            "Thứ Tư",
            "Thứ Năm",
            "Thứ Sáu",
            "Thứ Bảy",
            "Chủ nhật",
        ][i],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
    }
}

/// A stable weekday code for scripts ("thu-hai" … "chu-nhat").
pub fn weekday_code(d: NaiveDate) -> &'static str {
    [
        "thu-hai", "thu-ba", "thu-tu", "thu-nam", "thu-sau", "thu-bay", "chu-nhat",
    ][d.weekday().num_days_from_monday() as usize]
}

/// Day `day` of a month, or the month's last day when the month is shorter.
pub fn day_of_month(year: i32, month: u32, day: u32) -> NaiveDate {
    (0..day.max(1))
        .find_map(|back| NaiveDate::from_ymd_opt(year, month, day.max(1) - back))
        .unwrap_or(NaiveDate::MIN)
}

/// A deadline: the date written in the rules, its last day as the wording reads it ("trước ngày
/// 28": the 27th), and the last day that counts under the profile's rule for days off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The day named in the text ("ngày 28").
    pub written: NaiveDate,
    /// The text says "trước ngày" (before): the last day is the day before `written`.
    pub before: bool,
    /// The nominal last day: `written`, or the day before it when `before`.
    pub nominal: NaiveDate,
    /// The effective last day (the nominal one, moved by the profile's rule when it is a day off).
    pub due: NaiveDate,
    /// Why the nominal date is not a working day.
    pub off: Option<DayOff>,
    /// False when the profile's calendar lacks the year of the date (or of the day it would move
    /// to): then the date is the nominal one, only weekends are known, and reports say that
    /// public holidays could not be checked.
    pub checked: bool,
    /// The last working day on or before `due`: the day to act by (when `due` is a day off kept
    /// by the `flag` rule, the working day before it). `None` when not checked.
    pub act_by: Option<NaiveDate>,
}

impl Deadline {
    pub fn moved(&self) -> bool {
        self.due != self.nominal
    }
}

/// Applies the rule to a nominal date. A year missing from the calendar gives an unchecked
/// deadline (never a guess): the nominal date, `checked: false`.
pub fn resolve(nominal: NaiveDate, rule: DeadlineRule, cal: &Calendar) -> Deadline {
    try_resolve(nominal, rule, cal).unwrap_or(Deadline {
        written: nominal,
        before: false,
        nominal,
        due: nominal,
        off: match nominal.weekday() {
            Weekday::Sat => Some(DayOff::Saturday),
            Weekday::Sun => Some(DayOff::Sunday),
            _ => None,
        },
        checked: false,
        act_by: None,
    })
}

fn try_resolve(
    nominal: NaiveDate,
    rule: DeadlineRule,
    cal: &Calendar,
) -> Result<Deadline, CalendarError> {
    let off = day_off(cal, nominal)?;
    let step = match (off, rule) {
        (None, _) | (_, DeadlineRule::Flag) => None,
        (Some(_), DeadlineRule::NextWorkingDay) => Some(1),
        (Some(_), DeadlineRule::PreviousWorkingDay) => Some(-1),
    };
    let mut due = nominal;
    if let Some(step) = step {
        // The longest run of days off (Tết) is about ten days; a month is a safe bound.
        for _ in 0..31 {
            due = due
                .checked_add_signed(chrono::Duration::days(step))
                .ok_or(CalendarError::YearMissing(nominal.year()))?;
            if cal.is_working_day(due)? {
                break;
            }
        }
    }
    let mut act_by = due;
    for _ in 0..31 {
        if cal.is_working_day(act_by)? {
            break;
        }
        act_by = act_by
            .pred_opt()
            .ok_or(CalendarError::YearMissing(nominal.year()))?;
    }
    Ok(Deadline {
        written: nominal,
        before: false,
        nominal,
        due,
        off,
        checked: true,
        act_by: Some(act_by),
    })
}

/// Like [`resolve`], for a date written "trước ngày" (`before`): the nominal last day is the day
/// before `written` ("trước ngày 28" → 27, "trước ngày 02" → 01), then the rule applies to it.
pub fn resolve_written(
    written: NaiveDate,
    before: bool,
    rule: DeadlineRule,
    cal: &Calendar,
) -> Deadline {
    let nominal = if before {
        written.pred_opt().unwrap_or(written)
    } else {
        written
    };
    Deadline {
        written,
        before,
        ..resolve(nominal, rule, cal)
    }
}

/// A period counted in days (Bộ luật Dân sự 2015, Điều 147–148): it starts the day after
/// `from` and its last day is `from + days`; a last day that is a day off moves to the next
/// working day. A year missing from the calendar leaves the nominal day, unchecked.
pub fn period_in_days(from: NaiveDate, days: u32, cal: &Calendar) -> Deadline {
    let nominal = from + chrono::Duration::days(i64::from(days));
    resolve(nominal, DeadlineRule::NextWorkingDay, cal)
}

/// The first month of the quarter after `q`: (year, month).
pub fn next_quarter_first_month(q: Quarter) -> (i32, u32) {
    if q.q == 4 {
        (q.year + 1, 1)
    } else {
        (q.year, q.months()[2] + 1)
    }
}

/// The date written for one deadline of the quarter (the day the text names; see [`deadline`]
/// for its last day).
pub fn nominal(q: Quarter, kind: DeadlineKind, profile: &Profile) -> NaiveDate {
    let d = &profile.deadlines;
    let last = q.months()[2];
    let (ny, nm) = next_quarter_first_month(q);
    match kind {
        DeadlineKind::SelfEvaluation => day_of_month(q.year, last, d.self_evaluation),
        DeadlineKind::Authority => day_of_month(q.year, last, d.authority),
        DeadlineKind::UnitReport => day_of_month(q.year, last, profile.thresholds.submission_day),
        DeadlineKind::RewardDossier => day_of_month(q.year, last, d.reward_dossier),
        DeadlineKind::BlocReport => day_of_month(q.year, last, d.bloc_report),
        DeadlineKind::DossierForward => day_of_month(ny, nm, d.dossier_forward),
        DeadlineKind::Publication => day_of_month(ny, nm, d.publication),
    }
}

/// One deadline of the quarter: the written day, its nominal last day ("trước ngày" read as
/// before) and its effective last day under the profile's rule.
pub fn deadline(q: Quarter, kind: DeadlineKind, profile: &Profile) -> Deadline {
    let before = profile.deadlines.before.iter().any(|k| k == kind.code());
    resolve_written(
        nominal(q, kind, profile),
        before,
        profile.deadlines.rule,
        &profile.calendar,
    )
}

/// The last day on which units send mẫu 06 ("chậm nhất ngày 28"), under the profile's rule.
/// When the calendar lacks the year the rule cannot be applied and the nominal date is used
/// (the missing year is reported elsewhere).
pub fn report_deadline(q: Quarter, profile: &Profile) -> NaiveDate {
    deadline(q, DeadlineKind::UnitReport, profile).due
}

/// The last day on which units send their reward dossiers ("trước ngày 28": the 27th), under
/// the profile's rule. A dossier sent after it is late.
pub fn reward_deadline(q: Quarter, profile: &Profile) -> NaiveDate {
    deadline(q, DeadlineKind::RewardDossier, profile).due
}

/// The last day on which Ban Tổ chức forwards the reward dossiers ("trước ngày 02" of the next
/// quarter's first month: the 1st), under the profile's rule.
pub fn forwarding_deadline(q: Quarter, profile: &Profile) -> NaiveDate {
    deadline(q, DeadlineKind::DossierForward, profile).due
}

/// The last day of mẫu 06, as before: the same as [`report_deadline`]. Reward lateness is
/// checked against [`reward_deadline`] ("trước ngày 28"), not this one.
pub fn submission_deadline(q: Quarter, profile: &Profile) -> NaiveDate {
    report_deadline(q, profile)
}

/// Working days of a month (or of any span) from the calendar.
fn working_days(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Result<u32, CalendarError> {
    cal.working_days_within(from, to, from, to)
}

/// A span of consecutive days off that are not plain weekends (holidays, Tết), inside the quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Weekdays in the span (working days lost).
    pub weekdays: u32,
}

/// A yearly commitment deadline, resolved for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentDeadline {
    pub who: String,
    pub sign: Deadline,
    pub publish: Option<Deadline>,
}

/// Everything `danhgia calendar` prints for a quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterCalendar {
    pub quarter: Quarter,
    pub rule: DeadlineRule,
    /// Working days per month of the quarter.
    pub months: [(u32, u32); 3],
    pub working_days: u32,
    pub holidays: Vec<Holiday>,
    pub makeup_saturdays: Vec<NaiveDate>,
    pub deadlines: Vec<(DeadlineKind, Deadline)>,
    /// The yearly commitment deadlines of the quarter's year.
    pub commitments: Vec<CommitmentDeadline>,
    /// The threshold of absence that makes a person not evaluated.
    pub absence_days: u32,
}

/// Builds the calendar of a quarter. Errors name a year missing from the profile's calendar.
pub fn quarter_calendar(q: Quarter, profile: &Profile) -> Result<QuarterCalendar, CalendarError> {
    let cal = &profile.calendar;
    let rule = profile.deadlines.rule;
    let mut months = [(0, 0); 3];
    for (i, m) in q.months().into_iter().enumerate() {
        let first = day_of_month(q.year, m, 1);
        let last = day_of_month(q.year, m, 31);
        months[i] = (m, working_days(cal, first, last)?);
    }
    let working_days = months.iter().map(|(_, n)| n).sum();

    let mut holidays: Vec<Holiday> = Vec::new();
    let mut makeup_saturdays = Vec::new();
    for d in q.first_day().iter_days().take_while(|d| *d <= q.last_day()) {
        if cal.is_makeup_saturday(d) {
            makeup_saturdays.push(d);
        }
        if !cal.is_day_off(d) {
            continue;
        }
        let weekday = !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        match holidays.last_mut() {
            Some(h) if h.to.succ_opt() == Some(d) => {
                h.to = d;
                h.weekdays += u32::from(weekday);
            }
            _ => holidays.push(Holiday {
                from: d,
                to: d,
                weekdays: u32::from(weekday),
            }),
        }
    }

    let mut deadlines = Vec::new();
    for kind in DeadlineKind::ALL {
        deadlines.push((kind, deadline(q, kind, profile)));
    }

    let mut commitments = Vec::new();
    let special: Vec<_> = profile
        .deadlines
        .commitment_years
        .iter()
        .filter(|c| c.year == q.year)
        .collect();
    if special.is_empty() {
        for c in &profile.deadlines.commitments {
            let at = |(m, d): (u32, u32)| day_of_month(q.year, m, d);
            commitments.push(CommitmentDeadline {
                who: c.who.clone(),
                sign: resolve(at(c.sign), rule, cal),
                publish: c.publish.map(|p| resolve(at(p), rule, cal)),
            });
        }
    } else {
        for c in special {
            commitments.push(CommitmentDeadline {
                who: c.who.clone(),
                sign: resolve(c.sign, rule, cal),
                publish: c.publish.map(|p| resolve(p, rule, cal)),
            });
        }
    }
    commitments.sort_by_key(|c| c.sign.nominal);

    Ok(QuarterCalendar {
        quarter: q,
        rule,
        months,
        working_days,
        holidays,
        makeup_saturdays,
        deadlines,
        commitments,
        absence_days: profile.thresholds.absence_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn with_rule(rule: &str) -> Profile {
        let text = Profile::default_profile()
            .source
            .replace("rule = \"flag\"", &format!("rule = \"{rule}\""));
        Profile::parse(&text, "test").unwrap()
    }

    #[test]
    fn days_off_are_named() {
        let cal = Profile::default_profile().calendar;
        assert_eq!(
            day_off(&cal, d(2024, 3, 30)).unwrap(),
            Some(DayOff::Saturday)
        );
        assert_eq!(day_off(&cal, d(2024, 3, 31)).unwrap(), Some(DayOff::Sunday));
        assert_eq!(
            day_off(&cal, d(2024, 2, 12)).unwrap(),
            Some(DayOff::Holiday)
        );
        assert_eq!(day_off(&cal, d(2024, 5, 4)).unwrap(), None); // make-up Saturday
        assert_eq!(day_off(&cal, d(2024, 3, 28)).unwrap(), None);
        assert!(day_off(&cal, d(2031, 1, 1)).is_err());
    }

    #[test]
    fn the_three_rules() {
        let cal = Profile::default_profile().calendar;
        let sat = d(2026, 3, 28);
        let flag = resolve(sat, DeadlineRule::Flag, &cal);
        assert_eq!((flag.due, flag.off), (sat, Some(DayOff::Saturday)));
        assert!(!flag.moved());
        assert_eq!(flag.act_by, Some(d(2026, 3, 27)));
        let next = resolve(sat, DeadlineRule::NextWorkingDay, &cal);
        assert_eq!(next.due, d(2026, 3, 30));
        let prev = resolve(sat, DeadlineRule::PreviousWorkingDay, &cal);
        assert_eq!(prev.due, d(2026, 3, 27));
        // Across Tết 2026 (14/2–22/2): the next working day is Monday 23/2.
        let tet = resolve(d(2026, 2, 16), DeadlineRule::NextWorkingDay, &cal);
        assert_eq!((tet.due, tet.off), (d(2026, 2, 23), Some(DayOff::Holiday)));
        let tet = resolve(d(2026, 2, 16), DeadlineRule::PreviousWorkingDay, &cal);
        assert_eq!(tet.due, d(2026, 2, 13));
    }

    #[test]
    fn quarter_one_2024() {
        let p = Profile::default_profile();
        let c = quarter_calendar(Quarter::new(2024, 1).unwrap(), &p).unwrap();
        assert_eq!(c.months, [(1, 22), (2, 16), (3, 21)]);
        assert_eq!(c.working_days, 59);
        assert_eq!(
            c.holidays
                .iter()
                .map(|h| (h.from, h.to, h.weekdays))
                .collect::<Vec<_>>(),
            vec![
                (d(2024, 1, 1), d(2024, 1, 1), 1),
                (d(2024, 2, 8), d(2024, 2, 14), 5)
            ]
        );
        let due: Vec<_> = c
            .deadlines
            .iter()
            .map(|(_, x)| (x.nominal, x.off))
            .collect();
        assert_eq!(
            due,
            vec![
                (d(2024, 3, 25), None),
                (d(2024, 3, 27), None),
                (d(2024, 3, 28), None),
                (d(2024, 3, 27), None),
                (d(2024, 3, 30), Some(DayOff::Saturday)),
                (d(2024, 4, 1), None),
                (d(2024, 4, 3), None),
            ]
        );
        assert_eq!(c.commitments.len(), 2);
        assert_eq!(c.commitments[0].sign.nominal, d(2024, 1, 20));
        assert_eq!(c.commitments[0].sign.off, Some(DayOff::Saturday));
        assert_eq!(c.commitments[1].sign.nominal, d(2024, 9, 20));
    }

    #[test]
    fn quarter_one_2026_holds_tet() {
        let p = with_rule("next-working-day");
        let c = quarter_calendar(Quarter::new(2026, 1).unwrap(), &p).unwrap();
        // January: 22 weekdays − 1/1, 2/1 + make-up Saturday 10/1; February: 20 − 5 (Tết);
        // March: 22.
        assert_eq!(c.months, [(1, 21), (2, 15), (3, 22)]);
        assert_eq!(c.working_days, 58);
        assert_eq!(c.makeup_saturdays, vec![d(2026, 1, 10)]);
        let unit = &c.deadlines[2].1;
        assert_eq!(
            (unit.nominal, unit.due, unit.off),
            (d(2026, 3, 28), d(2026, 3, 30), Some(DayOff::Saturday))
        );
        assert_eq!(submission_deadline(c.quarter, &p), d(2026, 3, 30));
        assert_eq!(
            submission_deadline(c.quarter, &Profile::default_profile()),
            d(2026, 3, 28)
        );
    }

    #[test]
    fn before_the_28th_is_the_27th_and_before_the_2nd_the_1st() {
        let p = Profile::default_profile();
        let q = Quarter::new(2024, 3).unwrap();
        assert_eq!(reward_deadline(q, &p), d(2024, 9, 27));
        assert_eq!(forwarding_deadline(q, &p), d(2024, 10, 1));
        // "chậm nhất ngày 28" (mẫu 06) stays the 28th, a Saturday kept by the `flag` rule.
        assert_eq!(report_deadline(q, &p), d(2024, 9, 28));
        assert_eq!(submission_deadline(q, &p), d(2024, 9, 28));
        // A dossier sent on the 28th is after the last day.
        assert!(d(2024, 9, 28) > reward_deadline(q, &p));
        let r = deadline(q, DeadlineKind::RewardDossier, &p);
        assert_eq!(
            (r.written, r.before, r.nominal, r.due),
            (d(2024, 9, 28), true, d(2024, 9, 27), d(2024, 9, 27))
        );
        // Q4: forwarded before 02/01 of the next year.
        let q4 = Quarter::new(2024, 4).unwrap();
        assert_eq!(forwarding_deadline(q4, &p), d(2025, 1, 1));
    }

    #[test]
    fn the_rule_applies_to_the_nominal_last_day() {
        // Q4/2025: "trước ngày 02/01/2026" → 01/01/2026, New Year's Day; days off to 04/01.
        let q = Quarter::new(2025, 4).unwrap();
        let flag = deadline(q, DeadlineKind::DossierForward, &Profile::default_profile());
        assert_eq!(
            (flag.nominal, flag.due, flag.off, flag.act_by),
            (
                d(2026, 1, 1),
                d(2026, 1, 1),
                Some(DayOff::Holiday),
                Some(d(2025, 12, 31))
            )
        );
        let next = deadline(
            q,
            DeadlineKind::DossierForward,
            &with_rule("next-working-day"),
        );
        assert_eq!((next.written, next.due), (d(2026, 1, 2), d(2026, 1, 5)));
    }

    #[test]
    fn a_period_in_days_ends_on_a_working_day() {
        let cal = Profile::default_profile().calendar;
        // 15 days from Friday 10/05/2024 end on Saturday 25/05 → Monday 27/05 (Điều 148).
        let p = period_in_days(d(2024, 5, 10), 15, &cal);
        assert_eq!(
            (p.nominal, p.due, p.off),
            (d(2024, 5, 25), d(2024, 5, 27), Some(DayOff::Saturday))
        );
        let p = period_in_days(d(2024, 5, 8), 15, &cal);
        assert_eq!((p.nominal, p.due), (d(2024, 5, 23), d(2024, 5, 23)));
    }

    #[test]
    fn an_unknown_before_key_is_refused() {
        let text = Profile::default_profile().source.replace(
            "before = [\"ho-so-khen-thuong\", \"chuyen-ho-so\"]",
            "before = [\"ho-so\"]",
        );
        let err = Profile::parse(&text, "t").unwrap_err().to_string();
        assert!(err.contains("deadlines.before"), "{err}");
        // Without `before`, the dates are read as written (an older profile).
        let text = Profile::default_profile()
            .source
            .replace("before = [\"ho-so-khen-thuong\", \"chuyen-ho-so\"]", "");
        let p = Profile::parse(&text, "t").unwrap();
        assert_eq!(
            reward_deadline(Quarter::new(2024, 3).unwrap(), &p),
            d(2024, 9, 28)
        );
    }

    #[test]
    fn commitments_of_2023_are_special() {
        let p = Profile::default_profile();
        let c = quarter_calendar(Quarter::new(2023, 1).unwrap(), &p).unwrap();
        assert_eq!(c.commitments.len(), 1);
        assert_eq!(c.commitments[0].sign.nominal, d(2023, 2, 28));
        let publish = c.commitments[0].publish.as_ref().expect("published");
        assert_eq!(
            (publish.nominal, publish.due),
            (d(2023, 2, 28), d(2023, 2, 28))
        );
    }

    #[test]
    fn a_missing_year_is_named() {
        let p = Profile::default_profile();
        let err = quarter_calendar(Quarter::new(2027, 2).unwrap(), &p).unwrap_err();
        assert_eq!(err, CalendarError::YearMissing(2027));
    }

    #[test]
    fn deadlines_in_a_missing_year_are_unchecked() {
        let p = Profile::default_profile();
        let c = quarter_calendar(Quarter::new(2026, 4).unwrap(), &p).unwrap();
        let (kind, publication) = c.deadlines.last().unwrap();
        assert_eq!(*kind, DeadlineKind::Publication);
        assert_eq!(publication.nominal, d(2027, 1, 3));
        assert!(!publication.checked);
        assert_eq!(publication.off, Some(DayOff::Sunday)); // weekends are known without a calendar
        assert_eq!(publication.act_by, None);
        assert!(c.deadlines[0].1.checked);
        let cal = &p.calendar;
        let late = resolve(d(2026, 12, 31), DeadlineRule::NextWorkingDay, cal);
        assert!(late.checked, "31/12/2026 is a Thursday, a working day");
        let sat = resolve(d(2026, 12, 26), DeadlineRule::NextWorkingDay, cal);
        assert_eq!(sat.due, d(2026, 12, 28));
    }

    #[test]
    fn short_months_clamp() {
        assert_eq!(day_of_month(2025, 2, 30), d(2025, 2, 28));
        assert_eq!(day_of_month(2024, 2, 30), d(2024, 2, 29));
    }
}
