//! Money: the reward amount of a quarter (SPEC §2 "Rewards") in whole đồng with exact decimals,
//! its Vietnamese spelling for the tờ trình, and the grouping of digits. Pure: no I/O, no floats.
//!
//! The amount per person ([`price`]) is `rate × base salary × 3 months` with the base salary in
//! force on the date of the reward decision, rounded up to the next multiple of
//! `reward.round_up` (10 000 đ; Nghị định 91/2017 Điều 68, kept by the decrees after it). The
//! decision date is the one given (`--ngay-quyet-dinh`) or, by default, the first working day
//! after Ban Tổ chức's forwarding deadline ([`default_decision_date`]). With
//! `reward.salary_date = "months"` the former reading holds: each month at the salary in force
//! on its first day, summed and rounded once to whole đồng.

use crate::model::Quarter;
use crate::profile::{Profile, SalaryDate};
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serializer;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error(
        "hồ sơ cấu hình không có mức lương cơ sở áp dụng cho tháng {month}/{year} (bảng base_salary bắt đầu muộn hơn) / the profile has no base salary in force in {month}/{year}"
    )]
    NoBaseSalary { year: i32, month: u32 },
    #[error(
        "hồ sơ cấu hình không có mức lương cơ sở áp dụng ngày {0} (ngày quyết định khen thưởng) / the profile has no base salary in force on {0} (the reward decision date)"
    )]
    NoBaseSalaryOn(String),
    #[error(
        "lịch ngày nghỉ không có năm {0}: không tính được ngày quyết định khen thưởng mặc định; chỉ rõ bằng --ngay-quyet-dinh hoặc bổ sung lịch năm {0} vào hồ sơ / the calendar has no year {0}: give the decision date with --ngay-quyet-dinh"
    )]
    CalendarYearMissing(i32),
    #[error(
        "mức thưởng tính ra quá lớn (hơn 10^15 đồng mỗi người): kiểm tra reward.rate và base_salary của hồ sơ / the reward amount is implausibly large: check reward.rate and base_salary"
    )]
    TooLarge,
}

/// No reward per person is larger than this (10^15 đồng): beyond it the profile is wrong, and
/// totals could overflow.
const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// The base salary in force on `date`: the last entry of the table starting on or before it.
pub fn base_salary_on(table: &[(NaiveDate, Decimal)], date: NaiveDate) -> Option<Decimal> {
    table
        .iter()
        .filter(|(from, _)| *from <= date)
        .max_by_key(|(from, _)| *from)
        .map(|(_, amount)| *amount)
}

/// One month of the quarter: the month, the base salary in force, and the reward for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthAmount {
    pub month: u32,
    pub base_salary: Decimal,
    /// `rate × base_salary`, exact (not rounded).
    pub amount: Decimal,
}

/// The three months of the quarter with their base salary and reward.
pub fn monthly_amounts(q: Quarter, profile: &Profile) -> Result<[MonthAmount; 3], MoneyError> {
    let mut out = [MonthAmount {
        month: 0,
        base_salary: Decimal::ZERO,
        amount: Decimal::ZERO,
    }; 3];
    for (i, m) in q.months().into_iter().enumerate() {
        let first = NaiveDate::from_ymd_opt(q.year, m, 1).ok_or(MoneyError::NoBaseSalary {
            year: q.year,
            month: m,
        })?;
        let base = base_salary_on(&profile.base_salary, first).ok_or(MoneyError::NoBaseSalary {
            year: q.year,
            month: m,
        })?;
        let amount = profile
            .reward_rate
            .checked_mul(base)
            .filter(|a| a.abs() <= Decimal::from(MAX_AMOUNT))
            .ok_or(MoneyError::TooLarge)?;
        out[i] = MonthAmount {
            month: m,
            base_salary: base,
            amount,
        };
    }
    Ok(out)
}

/// The last day of Ban Tổ chức's forwarding of reward dossiers: "trước ngày 02" of the first
/// month of the next quarter (Kế hoạch 25 §III.4a) means before day 2, so day 1 of that month.
/// Computed here, not taken from the deadlines of `calendar`, so that the price of a quarter
/// does not move with how those are displayed.
pub fn forwarding_last_day(q: Quarter) -> NaiveDate {
    q.last_day().succ_opt().expect("the day after a quarter")
}

/// The default date of the reward decision: the first working day after the forwarding
/// deadline ([`forwarding_last_day`]), from the profile's calendar (Q2/2024 → 02/07/2024).
pub fn default_decision_date(q: Quarter, profile: &Profile) -> Result<NaiveDate, MoneyError> {
    let mut d = forwarding_last_day(q);
    // A year's days off are at most a few weeks in a row.
    for _ in 0..60 {
        d = d.succ_opt().ok_or(MoneyError::TooLarge)?;
        match profile.calendar.is_working_day(d) {
            Ok(true) => return Ok(d),
            Ok(false) => {}
            Err(_) => return Err(MoneyError::CalendarYearMissing(d.year())),
        }
    }
    Err(MoneyError::CalendarYearMissing(d.year()))
}

/// How the amount per person of a quarter was priced: every reward output states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pricing {
    pub mode: SalaryDate,
    /// The date of the reward decision (given, or [`default_decision_date`]).
    pub decision_date: NaiveDate,
    /// Whether the decision date is the default one.
    pub default_date: bool,
    /// The base salary used: in force on the decision date ("months": on the first day of the
    /// quarter's last month).
    pub base_salary: Decimal,
    pub rate: Decimal,
    /// `rate × base salary × 3` (or the sum of the months), before rounding.
    pub exact: Decimal,
    /// The multiple the amount is rounded up to (1 = whole đồng).
    pub round_up: Decimal,
    /// The amount per person, in whole đồng.
    pub amount: Decimal,
    /// The three months ("months" reading only; also filled, for reference, otherwise).
    pub months: [MonthAmount; 3],
}

/// Rounds up to the next multiple of `step` (a positive whole number of đồng).
pub fn round_up_to(d: Decimal, step: Decimal) -> Decimal {
    if step <= Decimal::ONE {
        return d.ceil().normalize();
    }
    ((d / step).ceil() * step).normalize()
}

/// Prices the reward of quarter `q` (SPEC §2 "Rewards"): `decision` is `--ngay-quyet-dinh`.
pub fn price(
    q: Quarter,
    profile: &Profile,
    decision: Option<NaiveDate>,
) -> Result<Pricing, MoneyError> {
    let decision_date = match decision {
        Some(d) => d,
        None => default_decision_date(q, profile)?,
    };
    let months = monthly_amounts(q, profile);
    let (base_salary, exact, amount, months) = match profile.salary_date {
        SalaryDate::Decision => {
            let base = base_salary_on(&profile.base_salary, decision_date).ok_or_else(|| {
                MoneyError::NoBaseSalaryOn(decision_date.format("%d/%m/%Y").to_string())
            })?;
            let exact = profile
                .reward_rate
                .checked_mul(base)
                .and_then(|x| x.checked_mul(Decimal::from(3)))
                .filter(|a| a.abs() <= Decimal::from(MAX_AMOUNT))
                .ok_or(MoneyError::TooLarge)?;
            let amount = round_up_to(exact, profile.round_up);
            if amount.abs() > Decimal::from(MAX_AMOUNT) {
                return Err(MoneyError::TooLarge);
            }
            let months = months.unwrap_or(
                [MonthAmount {
                    month: 0,
                    base_salary: Decimal::ZERO,
                    amount: Decimal::ZERO,
                }; 3],
            );
            (base, exact, amount, months)
        }
        SalaryDate::Months => {
            let months = months?;
            let exact: Decimal = months.iter().map(|m| m.amount).sum();
            if exact.abs() > Decimal::from(MAX_AMOUNT) {
                return Err(MoneyError::TooLarge);
            }
            (months[2].base_salary, exact, whole_dong(exact), months)
        }
    };
    Ok(Pricing {
        mode: profile.salary_date,
        decision_date,
        default_date: decision.is_none(),
        base_salary,
        rate: profile.reward_rate,
        exact,
        round_up: profile.round_up,
        amount,
        months,
    })
}

/// Rounds to whole đồng.
pub fn whole_dong(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// The reward per person for the quarter by the former month-by-month reading, in whole đồng.
pub fn amount_per_person(q: Quarter, profile: &Profile) -> Result<Decimal, MoneyError> {
    let months = monthly_amounts(q, profile)?;
    let sum: Decimal = months.iter().map(|m| m.amount).sum();
    if sum.abs() > Decimal::from(MAX_AMOUNT) {
        return Err(MoneyError::TooLarge);
    }
    Ok(whole_dong(sum))
}

/// Serialises an amount as a JSON string of whole đồng ("2106000").
pub fn serialize_dong<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&whole_dong(*d))
}

/// Digits grouped by three with dots, as Vietnamese documents write money: "4.212.000".
pub fn group_digits(d: Decimal) -> String {
    let d = whole_dong(d);
    let negative = d.is_sign_negative() && !d.is_zero();
    let digits = d.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if negative {
        format!("-{out}")
    } else {
        out
    }
}

/// Digits grouped by three with commas, for English text: "4,212,000".
pub fn group_digits_en(d: Decimal) -> String {
    group_digits(d).replace('.', ",")
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// A group of three digits. `full` says the group follows a higher group, so its hundreds are
/// always spoken ("không trăm") and a lone unit takes "linh".
fn group_words(g: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (
        (g / 100) as usize,
        (g / 10 % 10) as usize,
        (g % 10) as usize,
    );
    let hundreds = full || h > 0;
    if hundreds {
        out.push(DIGITS[h]);
        out.push("trăm");
    }
    match (t, u) {
        (0, 0) => {}
        (0, u) => {
            if hundreds {
                out.push("linh");
            }
            out.push(DIGITS[u]);
        }
        (1, u) => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                u => out.push(DIGITS[u]),
            }
        }
        (t, u) => {
            out.push(DIGITS[t]);
            out.push("mươi");
            match u {
                0 => {}
                1 => out.push("mốt"),
                4 => out.push("tư"),
                5 => out.push("lăm"),
                u => out.push(DIGITS[u]),
            }
        }
    }
}

fn number_words(n: u64, out: &mut Vec<&'static str>) {
    const BILLION: u64 = 1_000_000_000;
    let billions = n / BILLION;
    let rest = n % BILLION;
    if billions > 0 {
        number_words(billions, out);
        out.push("tỷ");
    }
    let mut leading = billions == 0;
    for (g, unit) in [
        (rest / 1_000_000, Some("triệu")),
        (rest / 1_000 % 1_000, Some("nghìn")),
        (rest % 1_000, None),
    ] {
        if g == 0 {
            continue;
        }
        group_words(g, !leading, out);
        out.extend(unit);
        leading = false;
    }
}

/// A whole number in Vietnamese words, lower case: 1 620 000 → "một triệu sáu trăm hai mươi
/// nghìn".
///
/// Convention (the one of accounting software and invoices): "linh" for a zero tens digit
/// (105 → "một trăm linh năm"); "mốt" for 1 after "mươi" (21 → "hai mươi mốt", but 11 →
/// "mười một"); "lăm" for 5 after "mười"/"mươi" (15 → "mười lăm", 25 → "hai mươi lăm", but
/// 105 → "một trăm linh năm"); "tư" for 4 after "mươi" (24 → "hai mươi tư", but 14 → "mười
/// bốn", 104 → "một trăm linh bốn"); "nghìn" (not "ngàn"), "tỷ"; a zero group inside the
/// number is skipped and the next group is read in full (1 000 005 → "một triệu không trăm
/// linh năm").
pub fn number_in_words(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut words = Vec::new();
    number_words(n, &mut words);
    words.join(" ")
}

/// An amount of money in words, capitalised, with "đồng": "Một triệu sáu trăm hai mươi nghìn
/// đồng". Amounts are whole đồng; a negative amount starts with "Âm".
pub fn dong_in_words(amount: Decimal) -> String {
    let d = whole_dong(amount);
    let n = d.abs().to_u64().unwrap_or(u64::MAX);
    let mut s = number_in_words(n);
    if d.is_sign_negative() && !d.is_zero() {
        s = format!("âm {s}");
    }
    let mut chars = s.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{} đồng", chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn q(y: i32, n: u8) -> Quarter {
        Quarter::new(y, n).unwrap()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_per_quarter() {
        let p = Profile::default_profile();
        assert_eq!(amount_per_person(q(2023, 2), &p).unwrap(), dec("1341000")); // 3 × 447 000
        assert_eq!(amount_per_person(q(2023, 3), &p).unwrap(), dec("1620000")); // 3 × 540 000
        assert_eq!(amount_per_person(q(2024, 3), &p).unwrap(), dec("2106000")); // 3 × 702 000
        assert_eq!(amount_per_person(q(2026, 3), &p).unwrap(), dec("2277000")); // 3 × 759 000
        assert_eq!(amount_per_person(q(2026, 2), &p).unwrap(), dec("2106000"));
        let m = monthly_amounts(q(2024, 3), &p).unwrap();
        assert_eq!(m.map(|x| x.month), [7, 8, 9]);
        assert_eq!(m[0].base_salary, dec("2340000"));
        assert_eq!(whole_dong(m[0].amount), dec("702000"));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The amount per person for a decision on `date`, as a string of whole đồng.
    fn on(date: NaiveDate) -> String {
        let p = Profile::default_profile();
        price(q(2024, 2), &p, Some(date))
            .unwrap()
            .amount
            .to_string()
    }

    #[test]
    fn the_default_decision_date_is_the_first_working_day_after_forwarding() {
        let p = Profile::default_profile();
        // "trước ngày 02" of July: last day 01/07/2024; 02/07/2024 is a Tuesday.
        assert_eq!(forwarding_last_day(q(2024, 2)), d(2024, 7, 1));
        assert_eq!(
            default_decision_date(q(2024, 2), &p).unwrap(),
            d(2024, 7, 2)
        );
        // 01/07/2023 is a Saturday: the next working day is Monday 03/07/2023.
        assert_eq!(
            default_decision_date(q(2023, 2), &p).unwrap(),
            d(2023, 7, 3)
        );
        // 1–4/1/2026 are days off: Monday 05/01/2026.
        assert_eq!(
            default_decision_date(q(2025, 4), &p).unwrap(),
            d(2026, 1, 5)
        );
        // Q4/2026 needs the 2027 calendar: an error that names the year, never a guess.
        assert_eq!(
            default_decision_date(q(2026, 4), &p),
            Err(MoneyError::CalendarYearMissing(2027))
        );
    }

    #[test]
    fn q2_2024_is_priced_at_the_july_salary_and_rounded_up() {
        let p = Profile::default_profile();
        let x = price(q(2024, 2), &p, None).unwrap();
        assert_eq!(x.decision_date, d(2024, 7, 2));
        assert!(x.default_date);
        assert_eq!(x.base_salary.to_string(), "2340000");
        assert_eq!(x.exact.normalize().to_string(), "2106000");
        assert_eq!(x.amount.to_string(), "2110000");
        // Q3/2024 and Q2/2026 by default.
        assert_eq!(
            price(q(2024, 3), &p, None).unwrap().amount.to_string(),
            "2110000"
        );
        let q2_2026 = price(q(2026, 2), &p, None).unwrap();
        assert_eq!(q2_2026.decision_date, d(2026, 7, 2));
        assert_eq!(q2_2026.base_salary.to_string(), "2530000");
        assert_eq!(q2_2026.amount.to_string(), "2280000"); // 2 277 000 rounded up
    }

    #[test]
    fn a_decision_before_or_after_1_7_2023() {
        assert_eq!(on(d(2023, 6, 30)), "1350000"); // 0,3 × 1 490 000 × 3 = 1 341 000 → up
        assert_eq!(on(d(2023, 7, 1)), "1620000"); // 0,3 × 1 800 000 × 3, already round
    }

    #[test]
    fn a_decision_before_or_after_1_7_2024() {
        assert_eq!(on(d(2024, 6, 28)), "1620000");
        assert_eq!(on(d(2024, 7, 1)), "2110000"); // 2 106 000 → up
    }

    #[test]
    fn a_decision_before_or_after_1_7_2026() {
        assert_eq!(on(d(2026, 6, 30)), "2110000");
        assert_eq!(on(d(2026, 7, 1)), "2280000"); // 2 277 000 → up
    }

    #[test]
    fn rounding_up_to_10_000() {
        let ten = Decimal::from(10_000);
        // Already a multiple: unchanged.
        assert_eq!(round_up_to(dec("1620000"), ten).to_string(), "1620000");
        // Needs rounding: always up, even by one đồng.
        assert_eq!(round_up_to(dec("2106000"), ten).to_string(), "2110000");
        assert_eq!(round_up_to(dec("1341000"), ten).to_string(), "1350000");
        assert_eq!(round_up_to(dec("1620001"), ten).to_string(), "1630000");
        assert_eq!(
            round_up_to(dec("1620000.5"), Decimal::ONE).to_string(),
            "1620001"
        );
        // round_up = 1: whole đồng only.
        let text = Profile::default_profile()
            .source
            .replace("round_up = 10000", "round_up = 1");
        let p = Profile::parse(&text, "t").unwrap();
        assert_eq!(
            price(q(2024, 2), &p, None).unwrap().amount.to_string(),
            "2106000"
        );
    }

    #[test]
    fn salary_date_months_keeps_the_former_figures() {
        let text = Profile::default_profile()
            .source
            .replace("salary_date = \"decision\"", "salary_date = \"months\"");
        let p = Profile::parse(&text, "t").unwrap();
        for (quarter, amount) in [
            (q(2023, 2), "1341000"),
            (q(2023, 3), "1620000"),
            (q(2024, 3), "2106000"),
            (q(2026, 3), "2277000"),
            (q(2024, 2), "1620000"),
        ] {
            let x = price(quarter, &p, None).unwrap();
            assert_eq!(x.amount.to_string(), amount, "{quarter}");
            assert_eq!(x.mode, SalaryDate::Months);
        }
        // Bad values of the knobs are profile errors.
        for bad in ["salary_date = \"ngay\"", "round_up = 0"] {
            let key = bad.split(' ').next().unwrap();
            let text = Profile::default_profile().source.replace(
                if key == "round_up" {
                    "round_up = 10000"
                } else {
                    "salary_date = \"decision\""
                },
                bad,
            );
            assert!(Profile::parse(&text, "t").is_err(), "{bad}");
        }
    }

    #[test]
    fn a_change_inside_the_quarter_counts_per_month() {
        let text = Profile::default_profile()
            .source
            .replace("from = \"2024-07-01\"", "from = \"2024-08-01\"");
        let p = Profile::parse(&text, "t").unwrap();
        // July at 1 800 000, August and September at 2 340 000.
        assert_eq!(
            amount_per_person(q(2024, 3), &p).unwrap(),
            dec("540000") + dec("702000") * Decimal::TWO
        );
    }

    #[test]
    fn no_salary_before_the_table() {
        let p = Profile::default_profile();
        assert_eq!(
            amount_per_person(q(2019, 1), &p),
            Err(MoneyError::NoBaseSalary {
                year: 2019,
                month: 1
            })
        );
    }

    #[test]
    fn absurd_profiles_are_errors_not_panics() {
        // Such rates are refused when the profile loads, naming `reward.rate`…
        for rate in ["79228162514264337593543950335", "1000000000"] {
            let text = Profile::default_profile()
                .source
                .replace("rate = \"0.3\"", &format!("rate = \"{rate}\""));
            let err = Profile::parse(&text, "t").unwrap_err().to_string();
            assert!(err.contains("reward.rate"), "{err}");
        }
        // …and the pricing still guards itself against a profile built otherwise.
        let mut p = Profile::default_profile();
        p.reward_rate = dec("79228162514264337593543950335");
        assert_eq!(amount_per_person(q(2024, 3), &p), Err(MoneyError::TooLarge));
        p.reward_rate = dec("1000000000");
        assert_eq!(amount_per_person(q(2024, 3), &p), Err(MoneyError::TooLarge));
    }

    #[test]
    fn rounding_is_once_and_exact() {
        assert_eq!(
            whole_dong(dec("447000.3") * Decimal::from(3)),
            dec("1341001")
        );
        assert_eq!(whole_dong(dec("0.5")), dec("1"));
        assert_eq!(whole_dong(dec("1341000.0")).to_string(), "1341000");
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits(dec("4212000")), "4.212.000");
        assert_eq!(group_digits(dec("702000")), "702.000");
        assert_eq!(group_digits(dec("0")), "0");
        assert_eq!(group_digits(dec("999")), "999");
        assert_eq!(group_digits(dec("1000")), "1.000");
        assert_eq!(group_digits_en(dec("1234567")), "1,234,567");
    }

    #[test]
    fn words_small_numbers() {
        let cases = [
            (0, "không"),
            (1, "một"),
            (5, "năm"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi tư"),
            (25, "hai mươi lăm"),
            (55, "năm mươi lăm"),
            (99, "chín mươi chín"),
            (100, "một trăm"),
            (101, "một trăm linh một"),
            (104, "một trăm linh bốn"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (111, "một trăm mười một"),
            (115, "một trăm mười lăm"),
            (121, "một trăm hai mươi mốt"),
            (999, "chín trăm chín mươi chín"),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn words_large_numbers() {
        let cases = [
            (1_000, "một nghìn"),
            (1_005, "một nghìn không trăm linh năm"),
            (1_015, "một nghìn không trăm mười lăm"),
            (10_000, "mười nghìn"),
            (21_000, "hai mươi mốt nghìn"),
            (447_000, "bốn trăm bốn mươi bảy nghìn"),
            (702_000, "bảy trăm linh hai nghìn"),
            (1_000_000, "một triệu"),
            (1_000_005, "một triệu không trăm linh năm"),
            (1_005_000, "một triệu không trăm linh năm nghìn"),
            (1_341_000, "một triệu ba trăm bốn mươi mốt nghìn"),
            (1_620_000, "một triệu sáu trăm hai mươi nghìn"),
            (2_106_000, "hai triệu một trăm linh sáu nghìn"),
            (2_277_000, "hai triệu hai trăm bảy mươi bảy nghìn"),
            (4_212_000, "bốn triệu hai trăm mười hai nghìn"),
            (25_000_000, "hai mươi lăm triệu"),
            (1_000_000_000, "một tỷ"),
            (
                1_000_000_001,
                "một tỷ không trăm linh một",
            ),
            (
                2_500_000_000,
                "hai tỷ năm trăm triệu",
            ),
            (1_000_000_000_000, "một nghìn tỷ"),
            (
                1_234_567_891_011,
                "một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi mốt nghìn không trăm mười một",
            ),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words(n), words, "{n}");
        }
        // The largest value never panics.
        assert!(number_in_words(u64::MAX).starts_with("mười tám tỷ bốn trăm bốn mươi sáu triệu"));
    }

    #[test]
    fn dong_words() {
        assert_eq!(
            dong_in_words(dec("1620000")),
            "Một triệu sáu trăm hai mươi nghìn đồng"
        );
        assert_eq!(dong_in_words(dec("0")), "Không đồng");
        assert_eq!(
            dong_in_words(dec("4212000")),
            "Bốn triệu hai trăm mười hai nghìn đồng"
        );
    }
}
