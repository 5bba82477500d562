//! Working days: Monday–Friday that are not days off, plus make-up Saturdays, from the profile's
//! calendar. A year missing from the calendar is an error that names the year, never a guess.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeSet, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("lịch ngày nghỉ không có năm {0}")]
    YearMissing(i32),
    #[error("mục lịch không hợp lệ: {0}")]
    BadEntry(String),
}

/// A date written `YYYY-MM-DD` (surrounding spaces allowed), as profiles write them.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeSet<i32>,
    off: HashSet<NaiveDate>,
    makeup: HashSet<NaiveDate>,
}

impl Calendar {
    /// Adds a year: `off` holds dates `YYYY-MM-DD` or spans `YYYY-MM-DD..YYYY-MM-DD`.
    pub fn add_year(
        &mut self,
        year: i32,
        off: &[String],
        makeup_saturdays: &[String],
    ) -> Result<(), CalendarError> {
        let bad = |s: &str| CalendarError::BadEntry(s.to_string());
        let in_year = |d: NaiveDate, s: &str| {
            if d.year() == year {
                Ok(d)
            } else {
                Err(bad(s))
            }
        };
        for entry in off {
            let (a, b) = match entry.split_once("..") {
                Some((a, b)) => (a, b),
                None => (entry.as_str(), entry.as_str()),
            };
            let a = in_year(parse_iso(a).ok_or_else(|| bad(entry))?, entry)?;
            let b = in_year(parse_iso(b).ok_or_else(|| bad(entry))?, entry)?;
            if a > b {
                return Err(bad(entry));
            }
            for d in a.iter_days().take_while(|d| *d <= b) {
                self.off.insert(d);
            }
        }
        for entry in makeup_saturdays {
            let d = in_year(parse_iso(entry).ok_or_else(|| bad(entry))?, entry)?;
            if d.weekday() != Weekday::Sat {
                return Err(bad(entry));
            }
            self.makeup.insert(d);
        }
        self.years.insert(year);
        Ok(())
    }

    pub fn has_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn is_day_off(&self, d: NaiveDate) -> bool {
        self.off.contains(&d)
    }

    pub fn is_makeup_saturday(&self, d: NaiveDate) -> bool {
        self.makeup.contains(&d)
    }

    /// Is this a working day? Errors when the year is not in the calendar.
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        if !self.years.contains(&d.year()) {
            return Err(CalendarError::YearMissing(d.year()));
        }
        Ok(if self.makeup.contains(&d) {
            true
        } else {
            !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.off.contains(&d)
        })
    }

    /// Working days from `from` to `to` inclusive, counted only inside `[lo, hi]`.
    pub fn working_days_within(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        lo: NaiveDate,
        hi: NaiveDate,
    ) -> Result<u32, CalendarError> {
        let a = from.max(lo);
        let b = to.min(hi);
        if a > b {
            return Ok(0);
        }
        let mut n = 0;
        for d in a.iter_days().take_while(|d| *d <= b) {
            if self.is_working_day(d)? {
                n += 1;
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use crate::profile::Profile;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn builtin_calendar() {
        let cal = Profile::default_profile().calendar;
        assert!(!cal.is_working_day(d(2024, 4, 18)).unwrap()); // Giỗ Tổ 2024
        assert!(cal.is_working_day(d(2024, 5, 4)).unwrap()); // make-up Saturday
        assert!(!cal.is_working_day(d(2024, 5, 5)).unwrap());
        assert!(!cal.is_working_day(d(2026, 2, 16)).unwrap()); // Tết 2026
        assert!(cal.is_working_day(d(2026, 1, 10)).unwrap());
        assert!(cal.is_working_day(d(2027, 1, 4)).is_err());
    }

    #[test]
    fn counting_is_clipped_to_the_quarter() {
        let cal = Profile::default_profile().calendar;
        // Q1 2024: 1/1 off, Tết 8–14/2 off (5 weekdays).
        let n = cal
            .working_days_within(
                d(2023, 12, 1),
                d(2024, 1, 31),
                d(2024, 1, 1),
                d(2024, 3, 31),
            )
            .unwrap();
        assert_eq!(n, 22); // 23 weekdays in January 2024, minus New Year's Day
        let q1 = cal
            .working_days_within(d(2024, 1, 1), d(2024, 3, 31), d(2024, 1, 1), d(2024, 3, 31))
            .unwrap();
        assert_eq!(q1, 65 - 1 - 5);
    }
}
