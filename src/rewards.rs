//! The quarter's reward list (SPEC §2 "Rewards", §5 reward document): per unit the cap, who is
//! rewarded — only the unit's own proposals (`Đề nghị khen thưởng`) checked against the results —
//! the tool's suggestion for a unit that proposed nobody (shown apart, never paid), and the
//! money. Pure: no I/O.
//!
//! - cap = `reward_percent` (15 % for units, 3 % for schools) of the people đạt (or of the head
//!   count with `reward.base = "headcount"`), rounded by `reward.rounding`, never more than the
//!   people đạt ([`crate::rules::reward_cap`]);
//! - proposals are taken in `Thứ tự ưu tiên` order (blank priorities last, ties in sheet order):
//!   unknown `Mã CB` → `reward-unknown-person`, not đạt → `reward-not-dat`, beyond the cap →
//!   `reward-over-cap`; with `reward.late = "reject"` a unit that sent its workbook after the
//!   deadline has every proposal rejected with the code `late`;
//! - a unit without proposals rewards nobody (Kế hoạch 25 §III.4a: the council considers the
//!   dossiers the units send): it gets a suggestion ("gợi ý — đơn vị chưa đề nghị"), its people
//!   đạt ranked by total, then number of 10s, then `Mã CB`, up to the cap, which is never
//!   accepted, never counted in the people nor the money;
//! - each rewarded person receives the amount of [`crate::money::price`]: 0,3 × the base salary
//!   in force on the decision date × 3, rounded up to 10 000 đ; the document states the date
//!   and the salary.

use crate::cap::decimal_words;
pub use crate::cap::CapBasis;
use crate::deadlines;
use crate::evaluate::{PersonResult, UnitResult};
use crate::finding::{Detail, Finding};
use crate::i18n::Lang;
use crate::model::{Bloc, Quarter, Status, Total};
use crate::money::{self, MoneyError, MonthAmount};
use crate::profile::{LatePolicy, Profile};
use crate::text;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

pub const SCHEMA: &str = "danhgia/khen-thuong/v1";

/// Whether the list is the unit's own proposal or the tool's suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The unit sent a `Đề nghị khen thưởng` sheet.
    DeNghi,
    /// The tool's suggestion: the unit sent no proposal.
    DeXuat,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::DeNghi => "de-nghi",
            Source::DeXuat => "de-xuat",
        }
    }
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Source::DeNghi, Lang::Vi) => "Đơn vị đề nghị",
            (Source::DeNghi, Lang::En) => "Proposed by the unit",
            (Source::DeXuat, Lang::Vi) => {
                "Đơn vị chưa gửi đề nghị: không ai được khen thưởng. Gợi ý — đơn vị chưa đề nghị (xếp theo tổng điểm, số nội dung đạt 10 điểm, Mã CB; không tính vào số người, số tiền):"
            }
            (Source::DeXuat, Lang::En) => {
                "The unit proposed nobody: nobody is rewarded. Suggestion — the unit has not proposed (ranked by total, number of 10s, Mã CB; not counted in people or money):"
            }
        }
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Why a proposal (or a suggestion) is not granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectCode {
    UnknownPerson,
    NotDat,
    OverCap,
    /// The unit sent its workbook late and the profile makes late proposals ineligible.
    Late,
}

impl RejectCode {
    pub fn code(self) -> &'static str {
        match self {
            RejectCode::UnknownPerson => "reward-unknown-person",
            RejectCode::NotDat => "reward-not-dat",
            RejectCode::OverCap => "reward-over-cap",
            RejectCode::Late => "late",
        }
    }
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RejectCode::UnknownPerson, Lang::Vi) => "Mã CB không có trong Danh sách",
            (RejectCode::UnknownPerson, Lang::En) => "Mã CB not in Danh sách",
            (RejectCode::NotDat, Lang::Vi) => "không đạt chuyên nghiệp",
            (RejectCode::NotDat, Lang::En) => "not rated đạt",
            (RejectCode::OverCap, Lang::Vi) => "vượt số được khen thưởng",
            (RejectCode::OverCap, Lang::En) => "over the cap",
            (RejectCode::Late, Lang::Vi) => "đơn vị gửi muộn, đề nghị không được xét",
            (RejectCode::Late, Lang::En) => "sent late, proposals not considered",
        }
    }
}

impl Serialize for RejectCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A proposal that is not granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// `Mã CB`, or the name written when the row has none.
    pub id: String,
    pub code: RejectCode,
    #[serde(skip)]
    pub name: String,
    #[serde(skip)]
    pub status: Option<Status>,
}

impl Rejected {
    /// True when the proposal row had no `Mã CB` (its name stands in `id`).
    pub fn without_id(&self) -> bool {
        self.code == RejectCode::UnknownPerson && self.id == self.name
    }
    /// The `Mã CB` to show, "—" when the row had none.
    pub fn shown_id(&self) -> &str {
        if self.without_id() {
            "—"
        } else {
            &self.id
        }
    }
    /// Why it is not granted, in words.
    pub fn words(&self, lang: Lang) -> &'static str {
        match (self.without_id(), lang) {
            (true, Lang::Vi) => "dòng đề nghị thiếu Mã CB",
            (true, Lang::En) => "no Mã CB on the proposal",
            (false, _) => self.code.words(lang),
        }
    }
}

/// A rewarded person, with what the workbook shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awardee {
    pub id: String,
    pub name: String,
    pub title: String,
    pub total: Option<Total>,
    pub tens: u16,
}

/// One unit of the reward document.
#[derive(Debug, Clone, Serialize)]
pub struct UnitRewards {
    pub code: String,
    pub unit: String,
    pub bloc: Bloc,
    pub dat: u32,
    pub cap: u32,
    pub source: Source,
    pub accepted: Vec<String>,
    pub rejected: Vec<Rejected>,
    /// `source: de-xuat` only: whom the unit could propose (never accepted, never paid).
    pub suggested: Vec<String>,
    #[serde(serialize_with = "money::serialize_dong")]
    pub total: Decimal,
    #[serde(skip)]
    pub basis: CapBasis,
    /// Rows of the `Đề nghị khen thưởng` sheet (0 for a suggestion).
    #[serde(skip)]
    pub proposed: u32,
    /// (`Ngày gửi`, deadline) when the unit sent its workbook late.
    #[serde(skip)]
    pub late: Option<(NaiveDate, NaiveDate)>,
    #[serde(skip)]
    pub awardees: Vec<Awardee>,
    /// The people of `suggested`, with what the workbook shows.
    #[serde(skip)]
    pub suggestions: Vec<Awardee>,
    #[serde(skip)]
    pub file: String,
    /// The unit is counted from its mẫu 06 sent alone, without score sheets.
    #[serde(skip)]
    pub from_mau06: bool,
}

/// The reward document of SPEC §5 (`danhgia/khen-thuong/v1`), with what the workbook needs.
#[derive(Debug, Clone, Serialize)]
pub struct RewardList {
    pub schema: &'static str,
    pub quarter: Quarter,
    pub profile: String,
    /// The date of the reward decision whose base salary prices the reward.
    #[serde(serialize_with = "serialize_iso_date")]
    pub decision_date: NaiveDate,
    /// The base salary used (đ/month).
    #[serde(serialize_with = "money::serialize_dong")]
    pub base_salary: Decimal,
    #[serde(serialize_with = "money::serialize_dong")]
    pub amount_per_person: Decimal,
    pub units: Vec<UnitRewards>,
    pub people: u32,
    #[serde(serialize_with = "money::serialize_dong")]
    pub total: Decimal,
    /// The three months: base salary and reward.
    #[serde(skip)]
    pub months: [MonthAmount; 3],
    #[serde(skip)]
    pub rate: Decimal,
    /// How the amount was reached.
    #[serde(skip)]
    pub pricing: money::Pricing,
    #[serde(skip)]
    pub late_policy: LatePolicy,
    /// `reward-unknown-person`, `reward-not-dat`, `reward-over-cap`, each on the proposal's row
    /// of the `Đề nghị khen thưởng` sheet.
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

/// The ranking of a suggestion: total (higher first), number of 10s (more first), `Mã CB`.
pub fn suggestion_order(a: &PersonResult, b: &PersonResult) -> std::cmp::Ordering {
    b.total
        .cmp(&a.total)
        .then(b.tens.cmp(&a.tens))
        .then_with(|| a.id.cmp(&b.id))
}

fn awardee(p: &PersonResult) -> Awardee {
    Awardee {
        id: p.id.clone(),
        name: p.name.clone(),
        title: p.title.clone(),
        total: p.total,
        tens: p.tens,
    }
}

fn serialize_iso_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

/// The reward findings of a quarter (`reward-unknown-person`, `reward-not-dat`,
/// `reward-over-cap`), without pricing: `validate` reports them even when the money cannot be
/// computed.
pub fn findings(units: &[UnitResult], quarter: Quarter, profile: &Profile) -> Vec<Finding> {
    let deadline = deadlines::reward_deadline(quarter, profile);
    let mut findings = Vec::new();
    for u in units.iter().filter(|u| u.quarter == quarter) {
        unit_rewards(u, profile, Decimal::ZERO, deadline, &mut findings);
    }
    findings
}

/// Builds the reward list of a quarter from the evaluated units (units of another quarter are
/// left out). `decision` is the date of the reward decision (`--ngay-quyet-dinh`; default: the
/// first working day after the forwarding deadline). Fails only when the reward cannot be
/// priced (no base salary, no calendar for the default date).
pub fn build(
    units: &[UnitResult],
    quarter: Quarter,
    profile: &Profile,
    decision: Option<NaiveDate>,
) -> Result<RewardList, MoneyError> {
    let pricing = money::price(quarter, profile, decision)?;
    let amount = pricing.amount;
    let deadline = deadlines::reward_deadline(quarter, profile);
    let mut findings = Vec::new();
    let mut out = Vec::new();
    for u in units.iter().filter(|u| u.quarter == quarter) {
        out.push(unit_rewards(u, profile, amount, deadline, &mut findings));
    }
    let people: u32 = out.iter().map(|u| u.accepted.len() as u32).sum();
    Ok(RewardList {
        schema: SCHEMA,
        quarter,
        profile: profile.name.clone(),
        decision_date: pricing.decision_date,
        base_salary: pricing.base_salary,
        amount_per_person: amount,
        total: amount * Decimal::from(people),
        units: out,
        people,
        months: pricing.months,
        rate: profile.reward_rate,
        pricing,
        late_policy: profile.late_proposals,
        findings,
    })
}

fn unit_rewards(
    u: &UnitResult,
    profile: &Profile,
    amount: Decimal,
    deadline: NaiveDate,
    findings: &mut Vec<Finding>,
) -> UnitRewards {
    let basis = CapBasis::new(
        u.summary.dat,
        u.headcount,
        profile.bloc(u.bloc).reward_percent,
        profile.rounding,
        profile.reward_base,
    );
    let late = u.sent.filter(|s| *s > deadline).map(|s| (s, deadline));
    let reject_late = late.is_some() && profile.late_proposals == LatePolicy::Reject;
    let mut accepted: Vec<&PersonResult> = Vec::new();
    let mut suggested: Vec<&PersonResult> = Vec::new();
    let mut rejected = Vec::new();
    let (source, proposed) = match &u.proposals {
        Some(sheet) => {
            let by_id: HashMap<String, &PersonResult> =
                u.people.iter().map(|p| (text::key(&p.id), p)).collect();
            for prop in sheet.by_priority() {
                let person = (!prop.id.is_empty())
                    .then(|| by_id.get(&text::key(&prop.id)).copied())
                    .flatten();
                let mut finding = |detail: Detail| {
                    findings.push(Finding {
                        file: u.source.clone(),
                        sheet: Some(sheet.sheet.clone()),
                        cell: Some(prop.cell.clone()),
                        person: (!prop.id.is_empty()).then(|| prop.id.clone()),
                        person_name: person
                            .map(|p| p.name.clone())
                            .or_else(|| Some(prop.name.clone()).filter(|n| !n.is_empty())),
                        detail,
                    })
                };
                let reject = |code, status| Rejected {
                    id: if prop.id.is_empty() {
                        prop.name.clone()
                    } else {
                        prop.id.clone()
                    },
                    code,
                    name: person.map_or_else(|| prop.name.clone(), |p| p.name.clone()),
                    status,
                };
                match person {
                    None => {
                        finding(Detail::RewardUnknownPerson {
                            id: prop.id.clone(),
                            name: prop.name.clone(),
                        });
                        rejected.push(reject(RejectCode::UnknownPerson, None));
                    }
                    Some(p) if p.status != Status::Dat => {
                        finding(Detail::RewardNotDat { status: p.status });
                        rejected.push(reject(RejectCode::NotDat, Some(p.status)));
                    }
                    Some(p) if reject_late => {
                        rejected.push(reject(RejectCode::Late, Some(p.status)));
                    }
                    Some(p) if (accepted.len() as u32) < basis.cap => accepted.push(p),
                    Some(p) => {
                        finding(Detail::RewardOverCap {
                            basis,
                            priority: prop.priority,
                        });
                        rejected.push(reject(RejectCode::OverCap, Some(p.status)));
                    }
                }
            }
            (Source::DeNghi, sheet.rows.len() as u32)
        }
        None => {
            // Nobody is paid: the suggestion is shown apart, for the unit to propose.
            let mut ranked: Vec<&PersonResult> = u
                .people
                .iter()
                .filter(|p| p.status == Status::Dat)
                .collect();
            ranked.sort_by(|a, b| suggestion_order(a, b));
            suggested.extend(ranked.into_iter().take(basis.cap as usize));
            (Source::DeXuat, 0)
        }
    };
    UnitRewards {
        code: u.code.clone(),
        unit: u.unit.clone(),
        bloc: u.bloc,
        dat: u.summary.dat,
        cap: basis.cap,
        source,
        accepted: accepted.iter().map(|p| p.id.clone()).collect(),
        rejected,
        suggested: suggested.iter().map(|p| p.id.clone()).collect(),
        total: amount * Decimal::from(accepted.len() as u32),
        basis,
        proposed,
        late,
        awardees: accepted.into_iter().map(awardee).collect(),
        suggestions: suggested.into_iter().map(awardee).collect(),
        file: u.source.clone(),
        from_mau06: u.from_mau06(),
    }
}

/// The reward document as JSON (pretty, with a final newline).
pub fn to_json(list: &RewardList) -> String {
    serde_json::to_string_pretty(list).unwrap_or_default() + "\n"
}

/// Money as written in text: "1.620.000 đồng" / "1,620,000 VND".
pub fn money_words(d: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} đồng", money::group_digits(d)),
        Lang::En => format!("{} VND", money::group_digits_en(d)),
    }
}

fn total_words(t: Option<Total>, lang: Lang) -> String {
    match t {
        None => "—".into(),
        Some(t) => match lang {
            Lang::Vi => t.to_string(),
            Lang::En => t.to_string().replace(',', "."),
        },
    }
}

/// How the amount per person is made, with the date and the salary used: "0,3 × 2.340.000
/// đồng (mức lương cơ sở ngày 02/07/2024, ngày quyết định khen thưởng) × 3 tháng = 2.106.000,
/// làm tròn lên bội số 10.000 đồng: 2.110.000 đồng".
pub fn amount_breakdown(list: &RewardList, lang: Lang) -> String {
    let p = &list.pricing;
    let rate = decimal_words(p.rate, lang);
    let g = |d: Decimal| match lang {
        Lang::Vi => money::group_digits(d),
        Lang::En => money::group_digits_en(d),
    };
    let date = p.decision_date.format("%d/%m/%Y");
    let which = match (p.default_date, lang) {
        (true, Lang::Vi) => "mặc định: ngày làm việc đầu tiên sau hạn Ban Tổ chức chuyển hồ sơ",
        (false, Lang::Vi) => "theo --ngay-quyet-dinh",
        (true, Lang::En) => "default: the first working day after the forwarding deadline",
        (false, Lang::En) => "from --ngay-quyet-dinh",
    };
    match p.mode {
        crate::profile::SalaryDate::Decision => {
            let rounding = if p.amount == p.exact {
                match lang {
                    Lang::Vi => format!(", đã tròn bội số {} đồng", g(p.round_up)),
                    Lang::En => format!(", already a multiple of {} VND", g(p.round_up)),
                }
            } else {
                match lang {
                    Lang::Vi => format!(
                        ", làm tròn lên bội số {} đồng: {} đồng",
                        g(p.round_up),
                        g(p.amount)
                    ),
                    Lang::En => format!(
                        ", rounded up to a multiple of {} VND: {} VND",
                        g(p.round_up),
                        g(p.amount)
                    ),
                }
            };
            match lang {
                Lang::Vi => format!(
                    "{rate} × {} đồng (mức lương cơ sở áp dụng ngày {date}, ngày quyết định khen thưởng — {which}) × 3 tháng = {}{rounding}",
                    g(p.base_salary),
                    g(p.exact)
                ),
                Lang::En => format!(
                    "{rate} × {} VND (the base salary in force on {date}, the reward decision date — {which}) × 3 months = {}{rounding}",
                    g(p.base_salary),
                    g(p.exact)
                ),
            }
        }
        crate::profile::SalaryDate::Months => {
            let parts: Vec<String> = list
                .months
                .iter()
                .map(|m| match lang {
                    Lang::Vi => format!(
                        "tháng {}: {rate} × {} = {}",
                        m.month,
                        g(m.base_salary),
                        g(m.amount)
                    ),
                    Lang::En => format!(
                        "month {}: {rate} × {} = {}",
                        m.month,
                        g(m.base_salary),
                        g(m.amount)
                    ),
                })
                .collect();
            match lang {
                Lang::Vi => format!(
                    "{}; lương cơ sở từng tháng (hồ sơ: salary_date = \"months\"); ngày quyết định khen thưởng {date}",
                    parts.join("; ")
                ),
                Lang::En => format!(
                    "{}; each month's base salary (profile: salary_date = \"months\"); reward decision date {date}",
                    parts.join("; ")
                ),
            }
        }
    }
}

/// The reward list for people (stdout of `danhgia rewards`).
pub fn text_report(list: &RewardList, lang: Lang) -> String {
    use std::fmt::Write;
    let vi = lang == Lang::Vi;
    let q = list.quarter;
    let mut s = String::new();
    let _ = if vi {
        writeln!(
            s,
            "DANH SÁCH KHEN THƯỞNG CÁ NHÂN ĐẠT CHUYÊN NGHIỆP QUÝ {}/{}",
            q.roman(),
            q.year
        )
    } else {
        writeln!(s, "REWARD LIST, {q}")
    };
    let _ = if vi {
        writeln!(
            s,
            "Hồ sơ {}: mỗi người {} ({}).",
            list.profile,
            money_words(list.amount_per_person, lang),
            amount_breakdown(list, lang)
        )
    } else {
        writeln!(
            s,
            "Profile {}: {} per person ({}).",
            list.profile,
            money_words(list.amount_per_person, lang),
            amount_breakdown(list, lang)
        )
    };
    for u in &list.units {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{} ({}, {})",
            text::terminal_safe(&u.unit),
            text::terminal_safe(&u.code),
            u.bloc.code()
        );
        if u.from_mau06 {
            let _ = writeln!(s, "  {}.", crate::mau06::note(lang));
        }
        if u.source == Source::DeXuat && u.cap == 0 {
            let _ = writeln!(
                s,
                "  {}",
                lang.pick("Đơn vị không gửi đề nghị.", "The unit sent no proposal.")
            );
        } else {
            let _ = writeln!(s, "  {}", u.source.words(lang));
        }
        let _ = if vi {
            writeln!(s, "  Số người đạt: {}. {}", u.dat, u.basis.explain(lang))
        } else {
            writeln!(s, "  Rated đạt: {}. {}", u.dat, u.basis.explain(lang))
        };
        if let Some((sent, deadline)) = u.late {
            let (sent, deadline) = (
                sent.format("%d/%m/%Y").to_string(),
                deadline.format("%d/%m/%Y").to_string(),
            );
            let _ = match (list.late_policy, vi) {
                (LatePolicy::Reject, true) => writeln!(
                    s,
                    "  Gửi muộn ({sent}, hạn {deadline}): theo hồ sơ cấu hình, đề nghị gửi muộn không được xét."
                ),
                (LatePolicy::Reject, false) => writeln!(
                    s,
                    "  Sent late ({sent}, deadline {deadline}): the profile makes late proposals ineligible."
                ),
                (LatePolicy::Accept, true) => writeln!(
                    s,
                    "  Gửi muộn ({sent}, hạn {deadline}): vẫn được xét theo hồ sơ cấu hình."
                ),
                (LatePolicy::Accept, false) => writeln!(
                    s,
                    "  Sent late ({sent}, deadline {deadline}): still considered under the profile."
                ),
            };
        }
        let paid = money_words(list.amount_per_person, lang);
        let suggested = lang.pick("(gợi ý, không khen thưởng)", "(suggestion, not rewarded)");
        let people = u
            .awardees
            .iter()
            .map(|a| (a, paid.as_str()))
            .enumerate()
            .chain(u.suggestions.iter().map(|a| (a, suggested)).enumerate());
        for (i, (a, what)) in people {
            let _ = writeln!(
                s,
                "  {:>2}. {:<10} {:<28} {:<20} {:>6}  {}",
                i + 1,
                text::terminal_safe(&a.id),
                text::terminal_safe(&a.name),
                text::terminal_safe(&a.title),
                total_words(a.total, lang),
                what
            );
        }
        for r in &u.rejected {
            let _ = writeln!(
                s,
                "   ✗ {:<10} {:<28} {}: {}",
                text::terminal_safe(r.shown_id()),
                text::terminal_safe(&r.name),
                r.code.code(),
                r.words(lang)
            );
        }
        let _ = if vi {
            writeln!(
                s,
                "  Khen thưởng {} người, số tiền {}.",
                u.accepted.len(),
                money_words(u.total, lang)
            )
        } else {
            writeln!(
                s,
                "  {} rewarded, {}.",
                crate::i18n::count(u.accepted.len() as u64, "person", "people"),
                money_words(u.total, lang)
            )
        };
    }
    let _ = writeln!(s);
    let no_proposal = list
        .units
        .iter()
        .filter(|u| u.source == Source::DeXuat)
        .count();
    let _ = if vi {
        writeln!(
            s,
            "Số đơn vị chưa gửi đề nghị (không khen thưởng ai): {no_proposal}/{}.",
            list.units.len()
        )
    } else {
        writeln!(
            s,
            "Units that proposed nobody (nobody rewarded): {no_proposal}/{}.",
            list.units.len()
        )
    };
    let _ = if vi {
        writeln!(
            s,
            "TỔNG CỘNG: {} người, {} ({}).",
            list.people,
            money_words(list.total, lang),
            money::dong_in_words(list.total)
        )
    } else {
        writeln!(
            s,
            "TOTAL: {}, {} (in words: {}).",
            crate::i18n::count(list.people, "person", "people"),
            money_words(list.total, lang),
            money::dong_in_words(list.total)
        )
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::Summary;
    use crate::model::Form;
    use crate::reader::proposals::{Proposal, ProposalSheet, SHEET_REWARD};
    use std::str::FromStr;

    fn person(id: &str, status: Status, total: u32, tens: u16) -> PersonResult {
        PersonResult {
            birth: None,
            id_pos: None,
            id: id.into(),
            name: format!("Người {id}"),
            title: "Chuyên viên".into(),
            part: String::new(),
            form: Some(Form::M04),
            total: Some(Total(total * 2)),
            ratings: [None; 3],
            status,
            reasons: Vec::new(),
            note: String::new(),
            tens,
            scores: None,
        }
    }

    fn unit(people: Vec<PersonResult>, proposals: Option<Vec<(&str, Option<u32>)>>) -> UnitResult {
        let dat = people.iter().filter(|p| p.status == Status::Dat).count() as u32;
        UnitResult {
            code_written: true,
            unit: "Phòng Thử nghiệm".into(),
            code: "TN".into(),
            bloc: Bloc::ChinhQuyen,
            headcount: people.len() as u32,
            source: "tn.xlsx".into(),
            summary: Summary {
                people: people.len() as u32,
                dat,
                ..Default::default()
            },
            people,
            quarter: Quarter::new(2024, 3).unwrap(),
            quarter_cell: None,
            code_cell: None,
            sent: NaiveDate::from_ymd_opt(2024, 9, 25),
            proposals: proposals.map(|rows| ProposalSheet {
                sheet: SHEET_REWARD.into(),
                rows: rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, priority))| Proposal {
                        row: i as u32 + 1,
                        id: id.into(),
                        name: String::new(),
                        priority,
                        cell: format!("B{}", i + 2),
                    })
                    .collect(),
            }),
            mau06: None,
            leads: Vec::new(),
        }
    }

    /// 14 people đạt (cap 2 at 15 %), one not đạt.
    fn staff() -> Vec<PersonResult> {
        let mut v: Vec<PersonResult> = (1..=14)
            .map(|i| person(&format!("TN{i:02}"), Status::Dat, 280 + i, 20 + i as u16))
            .collect();
        v.push(person("TN15", Status::KhongDat, 290, 30));
        v
    }

    /// Regression: with a city's thousands of units without a place, the note that names them
    /// exceeded Excel's 32 767 characters per cell and `run` failed to write khen-thuong.xlsx.
    #[test]
    fn a_city_of_zero_cap_units_fits_in_the_workbook() {
        let p = Profile::default_profile();
        let units: Vec<UnitResult> = (0..3000)
            .map(|i| {
                let mut u = unit(vec![person(&format!("U{i}"), Status::Dat, 290, 20)], None);
                u.unit = format!("Đơn vị thử nghiệm số {i} của thành phố");
                u.code = format!("U{i:04}");
                u
            })
            .collect();
        let list = build(&units, Quarter::new(2024, 3).unwrap(), &p, None).unwrap();
        assert!(list.units.iter().all(|u| u.cap == 0));
        let doc = crate::documents::Dated {
            number: None,
            date: chrono::NaiveDate::from_ymd_opt(2024, 10, 1).unwrap(),
        };
        assert!(crate::writer::khen_thuong::build(&list, &p, &doc).is_ok());
    }

    #[test]
    fn proposals_follow_priority_and_cap() {
        let p = Profile::default_profile();
        let u = unit(
            staff(),
            Some(vec![
                ("TN09", Some(3)),
                ("TN15", Some(1)),
                ("TN03", Some(2)),
                ("XX99", Some(4)),
                ("TN07", Some(1)),
            ]),
        );
        let list = build(&[u], Quarter::new(2024, 3).unwrap(), &p, None).unwrap();
        let r = &list.units[0];
        assert_eq!(r.source, Source::DeNghi);
        assert_eq!(r.cap, 2);
        assert_eq!(r.accepted, ["TN07", "TN03"]);
        let rejected: Vec<(&str, &str)> = r
            .rejected
            .iter()
            .map(|x| (x.id.as_str(), x.code.code()))
            .collect();
        assert_eq!(
            rejected,
            [
                ("TN15", "reward-not-dat"),
                ("TN09", "reward-over-cap"),
                ("XX99", "reward-unknown-person")
            ]
        );
        let cells: Vec<(&str, &str)> = list
            .findings
            .iter()
            .map(|f| (f.code().as_str(), f.cell.as_deref().unwrap()))
            .collect();
        assert_eq!(
            cells,
            [
                ("reward-not-dat", "B3"),
                ("reward-over-cap", "B2"),
                ("reward-unknown-person", "B5")
            ]
        );
        assert_eq!(list.amount_per_person, Decimal::from(2_110_000));
        assert_eq!(r.total, Decimal::from(4_220_000));
        assert_eq!(list.people, 2);
        let json: serde_json::Value = serde_json::from_str(&to_json(&list)).unwrap();
        assert_eq!(json["total"], "4220000");
        assert_eq!(json["units"][0]["total"], "4220000");
        assert_eq!(json["amount_per_person"], "2110000");
    }

    #[test]
    fn suggestions_rank_by_total_then_tens_then_id() {
        let p = Profile::default_profile();
        let mut people = staff();
        // TN01 and TN02 tie on total with TN14's; TN02 has more 10s than TN01.
        people[0].total = Some(Total(294 * 2));
        people[0].tens = 25;
        people[1].total = Some(Total(294 * 2));
        people[1].tens = 26;
        let list = build(
            &[unit(people, None)],
            Quarter::new(2024, 3).unwrap(),
            &p,
            None,
        )
        .unwrap();
        let r = &list.units[0];
        assert_eq!(r.source, Source::DeXuat);
        assert_eq!(r.suggested, ["TN14", "TN02"]);
        assert!(r.accepted.is_empty());
        assert!(list.findings.is_empty());
    }

    /// SPEC §2 "Who is paid", Kế hoạch 25 §III.4a: only people the unit proposed are rewarded.
    #[test]
    fn a_unit_without_proposals_contributes_no_people_and_no_money() {
        let p = Profile::default_profile();
        // Whatever its results: nobody đạt, some, all; a school and a unit; under either
        // lateness policy.
        let late_reject = Profile::parse(
            &p.source.replace("late = \"accept\"", "late = \"reject\""),
            "t",
        )
        .unwrap();
        let mut all_dat = staff();
        all_dat[14].status = Status::Dat;
        let mut nobody = staff();
        for x in &mut nobody {
            x.status = Status::KhongDat;
        }
        let mut school = unit(staff(), None);
        school.bloc = Bloc::TruongHoc;
        for profile in [&p, &late_reject] {
            for u in [
                unit(staff(), None),
                unit(all_dat.clone(), None),
                unit(nobody.clone(), None),
                school.clone(),
            ] {
                let list = build(&[u], Quarter::new(2024, 3).unwrap(), profile, None).unwrap();
                let r = &list.units[0];
                assert_eq!(r.source, Source::DeXuat);
                assert!(r.accepted.is_empty() && r.awardees.is_empty());
                assert!(r.rejected.is_empty());
                assert!(r.suggested.len() as u32 <= r.cap);
                assert_eq!(list.people, 0);
                let json: serde_json::Value = serde_json::from_str(&to_json(&list)).unwrap();
                assert_eq!(json["units"][0]["total"], "0");
                assert_eq!(json["units"][0]["accepted"], serde_json::json!([]));
                assert_eq!(json["units"][0]["source"], "de-xuat");
                assert_eq!(json["total"], "0");
                assert_eq!(json["people"], 0);
            }
        }
        // Beside a unit that proposed, it adds nothing.
        let with = unit(staff(), Some(vec![("TN03", Some(1))]));
        let mut without = unit(staff(), None);
        without.code = "KH".into();
        let list = build(&[with, without], Quarter::new(2024, 3).unwrap(), &p, None).unwrap();
        assert_eq!(list.people, 1);
        assert_eq!(list.total, list.amount_per_person);
        assert_eq!(list.units[1].suggested, ["TN14", "TN13"]);
        let text = text_report(&list, Lang::Vi);
        assert!(
            text.contains("Số đơn vị chưa gửi đề nghị (không khen thưởng ai): 1/2."),
            "{text}"
        );
        assert!(text.contains("(gợi ý, không khen thưởng)"), "{text}");
    }

    #[test]
    fn late_units_under_a_reject_profile_get_nothing() {
        let text = Profile::default_profile()
            .source
            .replace("late = \"accept\"", "late = \"reject\"");
        let p = Profile::parse(&text, "t").unwrap();
        let mut u = unit(staff(), Some(vec![("TN01", Some(1)), ("TN15", None)]));
        u.sent = NaiveDate::from_ymd_opt(2024, 9, 30);
        let list = build(&[u.clone()], Quarter::new(2024, 3).unwrap(), &p, None).unwrap();
        let r = &list.units[0];
        assert!(r.accepted.is_empty());
        assert_eq!(r.rejected[0].code, RejectCode::Late);
        assert_eq!(r.rejected[1].code, RejectCode::NotDat);
        assert_eq!(r.late.map(|(_, d)| d), NaiveDate::from_ymd_opt(2024, 9, 27));
        // Accepted by the default profile.
        let list = build(
            &[u],
            Quarter::new(2024, 3).unwrap(),
            &Profile::default_profile(),
            None,
        )
        .unwrap();
        assert_eq!(list.units[0].accepted, ["TN01"]);
    }

    #[test]
    fn money_is_strings_of_whole_dong() {
        let p = Profile::default_profile();
        let list = build(&[], Quarter::new(2023, 2).unwrap(), &p, None).unwrap();
        let json: serde_json::Value = serde_json::from_str(&to_json(&list)).unwrap();
        // Q2/2023 is decided on 03/07/2023 (01/07 is a Saturday), at 1 800 000.
        assert_eq!(json["amount_per_person"], "1620000");
        assert_eq!(json["decision_date"], "2023-07-03");
        assert_eq!(json["base_salary"], "1800000");
        assert_eq!(json["total"], "0");
        assert_eq!(json["people"], 0);
        assert_eq!(list.rate, Decimal::from_str("0.3").unwrap());
    }
}
