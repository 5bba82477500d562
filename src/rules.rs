//! The rules of SPEC §2 on plain values: no I/O, no spreadsheets.

use crate::model::{Form, Rating, Reason, Score, Status, Total};
use crate::profile::{RewardBase, Rounding, Thresholds};

/// A person's scores on one form, with the form's mandatory mask (from the catalogue or from the
/// sheet's `Bắt buộc` row).
#[derive(Debug, Clone, Copy)]
pub struct ScoreSheet<'a> {
    pub form: Form,
    pub scores: &'a [Score],
    pub mandatory: &'a [bool],
}

/// What is known of a person once the cells are read and checked.
#[derive(Debug, Clone, Copy)]
pub struct PersonFacts<'a> {
    /// One per month of the quarter; `None` when missing or unreadable.
    pub ratings: [Option<Rating>; 3],
    pub discipline: bool,
    pub inspection: bool,
    /// Working days absent in the quarter; `None` when unknown because of an input error.
    pub absence_days: Option<u32>,
    /// The person's valid scores, when they are on a form and every score is valid.
    pub scores: Option<ScoreSheet<'a>>,
    /// An error finding about this person makes the result unknowable.
    pub has_errors: bool,
    /// For mẫu 03: someone else in the leader's scope is rated "không hoàn thành", disciplined or
    /// under inspection.
    pub scope_violated: bool,
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

/// Decides one person (SPEC §2, §5).
pub fn evaluate_person(f: &PersonFacts, t: &Thresholds, scale_max: u16) -> Outcome {
    let total = f.scores.map(|s| Total::of(s.scores));
    if let Some(days) = f.absence_days {
        if days >= t.absence_days {
            return Outcome {
                status: Status::KhongDanhGia,
                reasons: vec![Reason::Vang15Ngay],
                total,
            };
        }
    }
    if f.has_errors || f.absence_days.is_none() {
        return loi();
    }
    let Some(sheet) = f.scores else { return loi() };
    let Some(ratings) = f.ratings.iter().copied().collect::<Option<Vec<Rating>>>() else {
        return loi();
    };

    let mut reasons = Vec::new();
    if ratings.iter().any(|r| !r.at_least_good()) {
        reasons.push(Reason::ThangDuoiTot);
    }
    if !ratings.contains(&Rating::XuatSac) {
        reasons.push(Reason::KhongThangXuatSac);
    }
    if f.discipline {
        reasons.push(Reason::KyLuat);
    }
    if f.inspection {
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
    if sheet.form.is_leader_form() && f.scope_violated {
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

/// What one member of a unit contributes to a leader's unit condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberStanding {
    pub any_month_failed: bool,
    pub discipline: bool,
    pub inspection: bool,
}

impl MemberStanding {
    pub fn breaches(self) -> bool {
        self.any_month_failed || self.discipline || self.inspection
    }
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
            discipline: false,
            inspection: false,
            absence_days: Some(0),
            scores: Some(sheet),
            has_errors: false,
            scope_violated: false,
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
        f.absence_days = Some(14);
        assert_eq!(evaluate_person(&f, &t, 10).status, Status::Dat);
        f.absence_days = Some(15);
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
        f.scope_violated = true;
        assert_eq!(
            evaluate_person(&f, &t, 10).reasons,
            vec![Reason::DonViViPham]
        );
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
        f.scope_violated = true;
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
        f.discipline = true;
        f.inspection = true;
        f.scope_violated = true;
        let o = evaluate_person(&f, &t, 10);
        assert_eq!(o.reasons, Reason::ALL[1..].to_vec());
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
                ratings: ratings.map(Some), discipline, inspection, absence_days: Some(days),
                scores: Some(ScoreSheet { form, scores: &scores, mandatory: &m }),
                has_errors: false, scope_violated: scope,
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
            prop_assert_eq!(crate::text::parse_score(&s.to_string()), Ok(s));
            prop_assert_eq!(crate::text::parse_score(&s.to_string().replace(',', ".")), Ok(s));
        }
    }
}
