//! A unit's reward cap and how it was reached (SPEC §2 "Rewards"): the facts the cap is computed
//! from ([`crate::rules::reward_cap`]) and the plain sentences that explain it. Pure: no I/O.

use crate::i18n::Lang;
use crate::profile::{RewardBase, Rounding};
use crate::rules;
use rust_decimal::Decimal;

/// The facts a unit's cap is computed from, and the cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapBasis {
    pub dat: u32,
    pub headcount: u32,
    pub percent: u32,
    pub rounding: Rounding,
    pub base: RewardBase,
    pub cap: u32,
}

impl CapBasis {
    pub fn new(
        dat: u32,
        headcount: u32,
        percent: u32,
        rounding: Rounding,
        base: RewardBase,
    ) -> CapBasis {
        CapBasis {
            dat,
            headcount,
            percent,
            rounding,
            base,
            cap: rules::reward_cap(dat, headcount, percent, rounding, base),
        }
    }

    /// The number the percentage applies to.
    pub fn base_count(&self) -> u32 {
        match self.base {
            RewardBase::Dat => self.dat,
            RewardBase::Headcount => self.headcount,
        }
    }

    /// `percent × base / 100`, exact.
    pub fn share(&self) -> Decimal {
        Decimal::from(self.base_count()) * Decimal::from(self.percent) / Decimal::ONE_HUNDRED
    }

    /// The cap before it is limited to the people đạt.
    pub fn rounded_share(&self) -> u32 {
        rules::reward_cap(
            u32::MAX,
            self.base_count(),
            self.percent,
            self.rounding,
            RewardBase::Headcount,
        )
    }

    /// The smallest base (people đạt, or head count) that gives a cap of at least 1 with this
    /// percentage and rounding; `None` when no size does (a percentage of 0).
    pub fn needed_for_one(&self) -> Option<u32> {
        if self.percent == 0 {
            return None;
        }
        let p = self.percent;
        Some(match self.rounding {
            Rounding::Down => 100u32.div_ceil(p),
            Rounding::Nearest => 50u32.div_ceil(p),
            Rounding::Up => 1,
        })
    }

    fn rounding_words(&self, lang: Lang) -> &'static str {
        match (self.rounding, lang) {
            (Rounding::Down, Lang::Vi) => "làm tròn xuống",
            (Rounding::Nearest, Lang::Vi) => "làm tròn",
            (Rounding::Up, Lang::Vi) => "làm tròn lên",
            (Rounding::Down, Lang::En) => "rounded down",
            (Rounding::Nearest, Lang::En) => "rounded to the nearest",
            (Rounding::Up, Lang::En) => "rounded up",
        }
    }

    /// How the cap was reached, in one or two plain sentences; for a cap of 0, why.
    pub fn explain(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let share = decimal_words(self.share(), lang);
        let whole = self.share().fract().is_zero();
        let of = match (self.base, vi) {
            (RewardBase::Dat, true) => format!("{} người đạt", self.dat),
            (RewardBase::Dat, false) => format!("{} people rated đạt", self.dat),
            (RewardBase::Headcount, true) => {
                format!("tổng số {} CBCCVC, NLĐ của đơn vị", self.headcount)
            }
            (RewardBase::Headcount, false) => {
                format!("the unit's head count of {}", self.headcount)
            }
        };
        let p = self.percent;
        let rounded = self.rounded_share();
        let calc = if whole {
            format!("{p}% × {of} = {share}")
        } else if vi {
            format!(
                "{p}% × {of} = {share}, {} được {rounded}",
                self.rounding_words(lang)
            )
        } else {
            format!(
                "{p}% × {of} = {share}, {} to {rounded}",
                self.rounding_words(lang)
            )
        };
        if self.cap > 0 {
            let limited = rounded > self.cap;
            return match (vi, limited) {
                (true, false) => {
                    format!("Đơn vị được khen thưởng tối đa {} người: {calc}.", self.cap)
                }
                (false, false) => {
                    format!(
                        "The unit may reward at most {}: {calc}.",
                        crate::i18n::count(self.cap, "person", "people")
                    )
                }
                (true, true) => format!(
                    "Đơn vị được khen thưởng tối đa {} người: {calc}, nhưng chỉ có {} người đạt.",
                    self.cap, self.dat
                ),
                (false, true) => format!(
                    "The unit may reward at most {}: {calc}, but only {} rated đạt.",
                    crate::i18n::count(self.cap, "person", "people"),
                    self.dat
                ),
            };
        }
        if self.dat == 0 {
            return tr(
                vi,
                "Không có suất khen thưởng: đơn vị không có người nào đạt chuyên nghiệp trong quý.",
                "No reward place: nobody in the unit is rated đạt this quarter.",
            );
        }
        let Some(need) = self.needed_for_one() else {
            return tr(
                vi,
                "Không có suất khen thưởng: tỷ lệ khen thưởng của khối này là 0%.",
                "No reward place: this bloc's reward percentage is 0%.",
            );
        };
        let (need_what_vi, need_what_en) = match self.base {
            RewardBase::Dat => (
                format!("ít nhất {need} người đạt"),
                format!("at least {need} people rated đạt"),
            ),
            RewardBase::Headcount => (
                format!("tổng số ít nhất {need} CBCCVC, NLĐ"),
                format!("a head count of at least {need}"),
            ),
        };
        if vi {
            format!(
                "Không có suất khen thưởng: {p}% × {of} = {share}, {} là 0 (tỷ lệ \"không quá\" {p}%). Với tỷ lệ {p}%, đơn vị cần {need_what_vi} mới có 1 suất khen thưởng.",
                self.rounding_words(lang)
            )
        } else {
            format!(
                "No reward place: {p}% × {of} = {share}, {} to 0 (the rule says \"not more than\" {p}%). At {p}%, a unit needs {need_what_en} for one reward.",
                self.rounding_words(lang)
            )
        }
    }
}

fn tr(vi: bool, v: &str, e: &str) -> String {
    if vi { v } else { e }.to_string()
}

/// A decimal as a clerk writes it: "2,1" in Vietnamese, "2.1" in English.
pub(crate) fn decimal_words(d: Decimal, lang: Lang) -> String {
    let s = d.normalize().to_string();
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rounding::*;

    fn basis(dat: u32, percent: u32, rounding: Rounding) -> CapBasis {
        CapBasis::new(dat, dat, percent, rounding, RewardBase::Dat)
    }

    #[test]
    fn caps_of_the_issue() {
        assert_eq!(basis(40, 15, Down).cap, 6);
        assert_eq!(basis(40, 3, Down).cap, 1);
        assert_eq!(basis(33, 3, Down).cap, 0);
        assert_eq!(basis(33, 3, Nearest).cap, 1);
        assert_eq!(basis(33, 3, Up).cap, 1);
        assert_eq!(basis(14, 15, Down).cap, 2);
        assert_eq!(basis(14, 15, Nearest).cap, 2);
        assert_eq!(basis(14, 15, Up).cap, 3);
    }

    #[test]
    fn a_zero_cap_says_why() {
        let b = basis(33, 3, Down);
        let vi = b.explain(Lang::Vi);
        assert_eq!(
            vi,
            "Không có suất khen thưởng: 3% × 33 người đạt = 0,99, làm tròn xuống là 0 (tỷ lệ \"không quá\" 3%). Với tỷ lệ 3%, đơn vị cần ít nhất 34 người đạt mới có 1 suất khen thưởng."
        );
        assert!(b.explain(Lang::En).contains("at least 34 people"));
        assert_eq!(basis(16, 3, Nearest).needed_for_one(), Some(17));
        assert_eq!(
            basis(0, 15, Down).explain(Lang::Vi),
            "Không có suất khen thưởng: đơn vị không có người nào đạt chuyên nghiệp trong quý."
        );
        assert!(basis(5, 0, Down).explain(Lang::Vi).contains("0%"));
        let hc = CapBasis::new(2, 20, 3, Down, RewardBase::Headcount);
        assert_eq!(hc.cap, 0);
        assert!(hc
            .explain(Lang::Vi)
            .contains("tổng số ít nhất 34 CBCCVC, NLĐ"));
    }

    #[test]
    fn a_cap_explains_its_arithmetic() {
        assert_eq!(
            basis(40, 15, Down).explain(Lang::Vi),
            "Đơn vị được khen thưởng tối đa 6 người: 15% × 40 người đạt = 6."
        );
        assert_eq!(
            basis(14, 15, Down).explain(Lang::Vi),
            "Đơn vị được khen thưởng tối đa 2 người: 15% × 14 người đạt = 2,1, làm tròn xuống được 2."
        );
        let hc = CapBasis::new(3, 40, 15, Down, RewardBase::Headcount);
        assert_eq!(hc.cap, 3);
        assert_eq!(
            hc.explain(Lang::Vi),
            "Đơn vị được khen thưởng tối đa 3 người: 15% × tổng số 40 CBCCVC, NLĐ của đơn vị = 6, nhưng chỉ có 3 người đạt."
        );
    }
}
