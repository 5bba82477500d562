//! The profile: every rule that is data (catalogue, thresholds, blocs, rates, salary, calendar).
//!
//! The embedded default is `long-bien-2023`; `--profile FILE.toml` loads a full replacement.

use crate::calendar::{parse_iso, Calendar, CalendarError};
use crate::campaign_profile;
use crate::model::{Bloc, Form};
use crate::text;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

/// The embedded profiles: (name, TOML text).
pub const EMBEDDED: &[(&str, &str)] = &[(
    "long-bien-2023",
    include_str!("profiles/long-bien-2023.toml"),
)];

pub const DEFAULT_NAME: &str = "long-bien-2023";

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("không đọc được tệp hồ sơ {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("hồ sơ {origin} không hợp lệ: {message}")]
    Syntax { origin: String, message: String },
    #[error("hồ sơ {origin} không hợp lệ ở khóa '{key}': {message}")]
    Invalid {
        origin: String,
        key: String,
        message: String,
    },
    #[error("không có tệp hồ sơ hoặc hồ sơ có sẵn tên '{0}' (có sẵn: {names}) / no such profile", names = all_names().join(", "))]
    UnknownName(String),
    #[error("'{0}' là hồ sơ đợt thi đua: chỉ dùng với 'danhgia rewards' và 'danhgia template de-nghi-khen-thuong' / '{0}' is a campaign profile, for 'rewards' and 'template de-nghi-khen-thuong' only")]
    CampaignProfile(String),
}

/// The names of every embedded profile: quarterly ones, then campaigns.
pub fn all_names() -> Vec<&'static str> {
    EMBEDDED
        .iter()
        .chain(campaign_profile::EMBEDDED)
        .map(|(n, _)| *n)
        .collect()
}

/// A profile of either kind: the quarterly evaluation, or a campaign (hồ sơ đợt thi đua).
// One value per command: the size of the larger variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum AnyProfile {
    Quarterly(Profile),
    Campaign(campaign_profile::Campaign),
}

impl AnyProfile {
    /// The profile named on the command line: a TOML file, a built-in name, or the default.
    pub fn resolve(arg: Option<&str>) -> Result<AnyProfile, ProfileError> {
        let Some(p) = arg else {
            return Ok(AnyProfile::Quarterly(Profile::default_profile()));
        };
        let path = Path::new(p);
        if path.exists() {
            let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let origin = path.display().to_string();
            return if campaign_profile::is_campaign_text(&text) {
                campaign_profile::Campaign::parse(&text, &origin).map(AnyProfile::Campaign)
            } else {
                Profile::parse(&text, &origin).map(AnyProfile::Quarterly)
            };
        }
        if let Some((n, text)) = campaign_profile::EMBEDDED.iter().find(|(n, _)| *n == p) {
            return campaign_profile::Campaign::parse(text, n).map(AnyProfile::Campaign);
        }
        Profile::embedded(p).map(AnyProfile::Quarterly)
    }

    /// The TOML text the profile was read from.
    pub fn source(&self) -> &str {
        match self {
            AnyProfile::Quarterly(p) => &p.source,
            AnyProfile::Campaign(c) => &c.source,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    name: String,
    title: String,
    district: String,
    place: String,
    scale: RawScale,
    rules: RawRules,
    forms: BTreeMap<String, RawForm>,
    blocs: Vec<RawBloc>,
    reward: RawReward,
    base_salary: Vec<RawSalary>,
    deadlines: RawDeadlines,
    calendar: Vec<RawYear>,
    #[serde(default)]
    period: Option<RawPeriod>,
}

/// The quarters a profile applies to (SPEC §2 "Period of a profile").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    from: String,
    to: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: u16,
    max: u16,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    mandatory_min: u16,
    other_min: u16,
    large_unit: u32,
    absence_days: u32,
    submission_day: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    title: String,
    items: u16,
    mandatory: String,
    #[serde(default)]
    groups: Vec<RawGroup>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: String,
    items: String,
    #[serde(default)]
    contents: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBloc {
    code: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    focal: String,
    /// The office that receives and lists the bloc's reward dossiers; without it, `focal`.
    #[serde(default)]
    reward_receiver: Option<String>,
    reward_percent: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReward {
    rate: String,
    rounding: String,
    base: String,
    late: String,
    #[serde(default = "default_salary_date")]
    salary_date: String,
    #[serde(default = "default_round_up")]
    round_up: u64,
}

fn default_salary_date() -> String {
    "decision".into()
}

fn default_round_up() -> u64 {
    10_000
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadlines {
    rule: String,
    self_evaluation: u32,
    authority: u32,
    bloc_report: u32,
    publication: u32,
    dossier_forward: u32,
    /// Day of the quarter's last month named for the units' reward dossiers; without it, the
    /// day of `rules.submission_day`.
    #[serde(default)]
    reward_dossier: Option<u32>,
    /// Keys of the deadlines written "trước ngày N" (before day N: the last day is N − 1).
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    commitments: Vec<RawCommitment>,
    #[serde(default)]
    commitment_years: Vec<RawCommitmentYear>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommitment {
    who: String,
    sign: String,
    #[serde(default)]
    publish: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommitmentYear {
    year: i32,
    who: String,
    sign: String,
    #[serde(default)]
    publish: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSalary {
    from: String,
    amount: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i32,
    off: Vec<String>,
    #[serde(default)]
    makeup_saturdays: Vec<String>,
}

/// One form's catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormSpec {
    pub form: Form,
    pub title: String,
    pub items: u16,
    /// `mandatory[i]` is true when item i+1 is mandatory.
    pub mandatory: Vec<bool>,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub first: u16,
    pub last: u16,
    pub contents: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocSpec {
    pub bloc: Bloc,
    pub name: String,
    pub aliases: Vec<String>,
    pub focal: String,
    /// The office that receives, appraises and lists the bloc's reward dossiers (Kế hoạch 25
    /// §III.4a: Phòng Nội vụ for schools and the chính quyền bloc; Ban Tổ chức Quận ủy for the
    /// Đảng–đoàn thể bloc).
    pub reward_receiver: String,
    pub reward_percent: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    Down,
    Nearest,
    Up,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RewardBase {
    Dat,
    Headcount,
}

/// What a deadline that falls on a Saturday, a Sunday or a public holiday becomes (profile key
/// `deadlines.rule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineRule {
    /// The date stays as written; the calendar flags it so units send earlier.
    Flag,
    /// Moved to the next working day (Bộ luật Dân sự 2015, Điều 148).
    NextWorkingDay,
    /// Moved to the working day before.
    PreviousWorkingDay,
}

impl DeadlineRule {
    pub fn code(self) -> &'static str {
        match self {
            DeadlineRule::Flag => "flag",
            DeadlineRule::NextWorkingDay => "next-working-day",
            DeadlineRule::PreviousWorkingDay => "previous-working-day",
        }
    }

    /// The rule in words, for the calendar and the reward list.
    pub fn words(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (DeadlineRule::Flag, Vi) => "hạn rơi vào ngày nghỉ vẫn giữ nguyên ngày, chỉ được đánh dấu: đơn vị cần gửi sớm hơn",
            (DeadlineRule::Flag, En) => "a deadline on a day off keeps its date and is only flagged: units must send earlier",
            (DeadlineRule::NextWorkingDay, Vi) => "hạn rơi vào ngày nghỉ được lùi sang ngày làm việc tiếp theo",
            (DeadlineRule::NextWorkingDay, En) => "a deadline on a day off moves to the next working day",
            (DeadlineRule::PreviousWorkingDay, Vi) => "hạn rơi vào ngày nghỉ được đưa lên ngày làm việc liền trước",
            (DeadlineRule::PreviousWorkingDay, En) => "a deadline on a day off moves to the working day before",
        }
    }
}

/// Whether the reward proposals of a unit that sent its workbook after the deadline count
/// (profile key `reward.late`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LatePolicy {
    /// Late proposals are considered; the unit gets a `late` warning.
    Accept,
    /// Late proposals are not considered: nobody of the unit is rewarded.
    Reject,
}

/// Which base salary prices a quarter's reward (profile key `reward.salary_date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalaryDate {
    /// The base salary in force on the date of the reward decision (Nghị định 91/2017 Điều 68),
    /// the amount per person rounded up to `reward.round_up`.
    Decision,
    /// The former reading: each month of the quarter at the salary in force on its first day,
    /// summed, in whole đồng (no rounding up).
    Months,
}

/// A yearly commitment deadline (mẫu 01/02): signed by a month-day, made public by another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub who: String,
    /// (month, day)
    pub sign: (u32, u32),
    pub publish: Option<(u32, u32)>,
}

/// The commitment deadlines of one particular year, replacing the yearly ones for that year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentYear {
    pub year: i32,
    pub who: String,
    pub sign: NaiveDate,
    pub publish: Option<NaiveDate>,
}

/// The deadlines of a quarter, as days of a month (SPEC §2 "Timeline").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlines {
    pub rule: DeadlineRule,
    /// Day of the quarter's last month: self-evaluation.
    pub self_evaluation: u32,
    /// Day of the quarter's last month: evaluation by the authority.
    pub authority: u32,
    /// Day of the quarter's last month: blocs send mẫu 07.
    pub bloc_report: u32,
    /// Day of the next quarter's first month: results made public.
    pub publication: u32,
    /// Day of the next quarter's first month: Ban Tổ chức forwards the reward dossiers.
    pub dossier_forward: u32,
    /// Day of the quarter's last month named for the units' reward dossiers.
    pub reward_dossier: u32,
    /// Codes of the deadlines written "trước ngày N" (`ho-so-khen-thuong`, `chuyen-ho-so`, …):
    /// their last day is the day before N (SPEC §2 "Timeline").
    pub before: Vec<String>,
    pub commitments: Vec<Commitment>,
    pub commitment_years: Vec<CommitmentYear>,
}

/// The thresholds the rules need, as plain values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// In half points.
    pub mandatory_min: u16,
    /// In half points.
    pub other_min: u16,
    pub large_unit: u32,
    pub absence_days: u32,
    pub submission_day: u32,
}

#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub title: String,
    pub district: String,
    pub place: String,
    pub scale_min: u16,
    pub scale_max: u16,
    pub thresholds: Thresholds,
    pub forms: Vec<FormSpec>,
    pub blocs: Vec<BlocSpec>,
    pub reward_rate: Decimal,
    pub rounding: Rounding,
    pub reward_base: RewardBase,
    pub late_proposals: LatePolicy,
    pub salary_date: SalaryDate,
    /// The amount per person is rounded up to a multiple of this (đồng; 1 = whole đồng).
    pub round_up: Decimal,
    pub deadlines: Deadlines,
    /// (from, amount in đồng per month), sorted by date.
    pub base_salary: Vec<(NaiveDate, Decimal)>,
    pub calendar: Calendar,
    /// The first and last quarter the profile's rules apply to; `None` = no limit.
    pub period: Option<(crate::model::Quarter, crate::model::Quarter)>,
    /// The TOML text the profile was read from.
    pub source: String,
}

impl Profile {
    /// The embedded default.
    pub fn default_profile() -> Profile {
        Profile::embedded(DEFAULT_NAME).expect("the embedded default profile is valid")
    }

    pub fn embedded(name: &str) -> Result<Profile, ProfileError> {
        if campaign_profile::EMBEDDED.iter().any(|(n, _)| *n == name) {
            return Err(ProfileError::CampaignProfile(name.to_string()));
        }
        let (n, text) = EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| ProfileError::UnknownName(name.to_string()))?;
        Profile::parse(text, n)
    }

    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Profile::parse(&text, &path.display().to_string())
    }

    /// Is the quarter inside the profile's period (SPEC §2)?
    pub fn covers(&self, q: crate::model::Quarter) -> bool {
        self.period.is_none_or(|(from, to)| from <= q && q <= to)
    }

    pub fn form(&self, form: Form) -> &FormSpec {
        self.forms
            .iter()
            .find(|f| f.form == form)
            .expect("every profile defines the three forms")
    }

    /// The office that receives and lists a bloc's reward dossiers, and issues its reward list
    /// (SPEC §2 "Rewards": schools → Phòng Nội vụ).
    pub fn reward_receiver(&self, bloc: Bloc) -> &str {
        &self.bloc(bloc).reward_receiver
    }

    pub fn bloc(&self, bloc: Bloc) -> &BlocSpec {
        self.blocs
            .iter()
            .find(|b| b.bloc == bloc)
            .expect("every profile defines the three blocs")
    }

    /// The bloc named by a `Khối` cell (its name, an alias or its code).
    pub fn bloc_from_text(&self, s: &str) -> Option<Bloc> {
        let k = text::key(s);
        let k = k.strip_prefix("khoi ").unwrap_or(&k);
        self.blocs
            .iter()
            .find(|b| {
                text::key(&b.name) == k
                    || text::key(b.bloc.code()) == k
                    || b.aliases.iter().any(|a| {
                        let a = text::key(a);
                        a == k || a.strip_prefix("khoi ") == Some(k)
                    })
            })
            .map(|b| b.bloc)
    }

    /// The form a unit of this head count uses for staff outside the BTV track.
    pub fn staff_form(&self, headcount: u32) -> Form {
        if headcount >= self.thresholds.large_unit {
            Form::M05
        } else {
            Form::M04
        }
    }

    pub fn parse(text: &str, origin: &str) -> Result<Profile, ProfileError> {
        if campaign_profile::is_campaign_text(text) {
            return Err(ProfileError::CampaignProfile(origin.to_string()));
        }
        let raw: RawProfile = toml::from_str(text).map_err(|e| ProfileError::Syntax {
            origin: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let invalid = |key: &str, message: String| ProfileError::Invalid {
            origin: origin.to_string(),
            key: key.to_string(),
            message,
        };

        if raw.scale.min < 1 || raw.scale.min >= raw.scale.max {
            return Err(invalid("scale", "cần 1 ≤ min < max".into()));
        }
        let thresholds = Thresholds {
            mandatory_min: raw.rules.mandatory_min * 2,
            other_min: raw.rules.other_min * 2,
            large_unit: raw.rules.large_unit,
            absence_days: raw.rules.absence_days,
            submission_day: raw.rules.submission_day,
        };
        if raw.rules.mandatory_min > raw.scale.max || raw.rules.other_min > raw.scale.max {
            return Err(invalid("rules", "ngưỡng điểm lớn hơn điểm tối đa".into()));
        }
        if !(1..=31).contains(&raw.rules.submission_day) {
            return Err(invalid("rules.submission_day", "cần từ 1 đến 31".into()));
        }

        let mut forms = Vec::new();
        for form in Form::ALL {
            let key = format!("forms.{}", form.code());
            let rf = raw
                .forms
                .get(form.code())
                .ok_or_else(|| invalid(&key, "thiếu mẫu phiếu này".into()))?;
            if rf.items == 0 || rf.items > 200 {
                return Err(invalid(&format!("{key}.items"), "cần từ 1 đến 200".into()));
            }
            let mut mandatory = vec![false; rf.items as usize];
            for (a, b) in parse_ranges(&rf.mandatory, rf.items)
                .map_err(|m| invalid(&format!("{key}.mandatory"), m))?
            {
                for i in a..=b {
                    mandatory[(i - 1) as usize] = true;
                }
            }
            let mut groups = Vec::new();
            for (gi, g) in rf.groups.iter().enumerate() {
                let ranges = parse_ranges(&g.items, rf.items)
                    .map_err(|m| invalid(&format!("{key}.groups[{gi}].items"), m))?;
                let (first, last) = match ranges.as_slice() {
                    [(a, b)] => (*a, *b),
                    _ => {
                        return Err(invalid(
                            &format!("{key}.groups[{gi}].items"),
                            "một nhóm là một khoảng liền, ví dụ \"1-15\"".into(),
                        ))
                    }
                };
                groups.push(Group {
                    name: g.name.clone(),
                    first,
                    last,
                    contents: g.contents.clone(),
                });
            }
            forms.push(FormSpec {
                form,
                title: rf.title.clone(),
                items: rf.items,
                mandatory,
                groups,
            });
        }
        if let Some(extra) = raw
            .forms
            .keys()
            .find(|k| !Form::ALL.iter().any(|f| f.code() == k.as_str()))
        {
            return Err(invalid(
                &format!("forms.{extra}"),
                "chỉ có các mẫu 03, 04, 05".into(),
            ));
        }

        let mut blocs = Vec::new();
        for (i, b) in raw.blocs.iter().enumerate() {
            let bloc = Bloc::from_code(&b.code).ok_or_else(|| {
                invalid(
                    &format!("blocs[{i}].code"),
                    format!(
                        "'{}' không phải mã khối (dang-doan-the, chinh-quyen, truong-hoc)",
                        b.code
                    ),
                )
            })?;
            if b.reward_percent > 100 {
                return Err(invalid(
                    &format!("blocs[{i}].reward_percent"),
                    "cần từ 0 đến 100".into(),
                ));
            }
            blocs.push(BlocSpec {
                bloc,
                name: b.name.clone(),
                aliases: b.aliases.clone(),
                focal: b.focal.clone(),
                reward_receiver: b.reward_receiver.clone().unwrap_or_else(|| b.focal.clone()),
                reward_percent: b.reward_percent,
            });
        }
        for bloc in Bloc::ALL {
            if blocs.iter().filter(|b| b.bloc == bloc).count() != 1 {
                return Err(invalid(
                    "blocs",
                    format!("khối '{}' phải có đúng một lần", bloc.code()),
                ));
            }
        }

        let reward_rate = Decimal::from_str(raw.reward.rate.trim()).map_err(|_| {
            invalid(
                "reward.rate",
                format!("'{}' không phải số", raw.reward.rate),
            )
        })?;
        if reward_rate.is_sign_negative() {
            return Err(invalid(
                "reward.rate",
                format!("'{}': tỷ lệ không được âm", raw.reward.rate),
            ));
        }
        let rounding = match raw.reward.rounding.as_str() {
            "down" => Rounding::Down,
            "nearest" => Rounding::Nearest,
            "up" => Rounding::Up,
            other => {
                return Err(invalid(
                    "reward.rounding",
                    format!("'{other}': dùng down, nearest hoặc up"),
                ))
            }
        };
        let reward_base = match raw.reward.base.as_str() {
            "dat" => RewardBase::Dat,
            "headcount" => RewardBase::Headcount,
            other => {
                return Err(invalid(
                    "reward.base",
                    format!("'{other}': dùng dat hoặc headcount"),
                ))
            }
        };

        let late_proposals = match raw.reward.late.as_str() {
            "accept" => LatePolicy::Accept,
            "reject" => LatePolicy::Reject,
            other => {
                return Err(invalid(
                    "reward.late",
                    format!("'{other}': dùng accept hoặc reject"),
                ))
            }
        };
        let salary_date = match raw.reward.salary_date.as_str() {
            "decision" => SalaryDate::Decision,
            "months" => SalaryDate::Months,
            other => {
                return Err(invalid(
                    "reward.salary_date",
                    format!("'{other}': dùng decision hoặc months"),
                ))
            }
        };
        if raw.reward.round_up == 0 || raw.reward.round_up > 1_000_000_000 {
            return Err(invalid(
                "reward.round_up",
                format!(
                    "'{}': cần một số đồng từ 1 đến 1 000 000 000 (1 = không làm tròn lên)",
                    raw.reward.round_up
                ),
            ));
        }
        let round_up = Decimal::from(raw.reward.round_up);
        let deadlines = parse_deadlines(&raw.deadlines, raw.rules.submission_day)
            .map_err(|(k, m)| invalid(&k, m))?;

        let mut base_salary = Vec::new();
        for (i, s) in raw.base_salary.iter().enumerate() {
            let from = parse_iso(&s.from).ok_or_else(|| {
                invalid(
                    &format!("base_salary[{i}].from"),
                    format!("'{}' không phải ngày YYYY-MM-DD", s.from),
                )
            })?;
            base_salary.push((from, Decimal::from(s.amount)));
        }
        base_salary.sort();

        let mut calendar = Calendar::default();
        for (i, y) in raw.calendar.iter().enumerate() {
            calendar
                .add_year(y.year, &y.off, &y.makeup_saturdays)
                .map_err(|e| match e {
                    CalendarError::BadEntry(entry) => invalid(
                        &format!("calendar[{i}]"),
                        format!("'{entry}' không phải ngày YYYY-MM-DD hoặc khoảng YYYY-MM-DD..YYYY-MM-DD của năm {}", y.year),
                    ),
                    other => invalid(&format!("calendar[{i}]"), other.to_string()),
                })?;
        }

        let period = match &raw.period {
            None => None,
            Some(p) => {
                let q = |key: &str, v: &str| {
                    text::parse_quarter(v).ok_or_else(|| {
                        invalid(key, format!("'{v}' không phải quý (ví dụ \"2023-Q1\")"))
                    })
                };
                let (from, to) = (q("period.from", &p.from)?, q("period.to", &p.to)?);
                if from > to {
                    return Err(invalid("period", "'from' sau 'to'".into()));
                }
                Some((from, to))
            }
        };
        if raw.rules.absence_days == 0 {
            return Err(invalid(
                "rules.absence_days",
                "cần từ 1 trở lên (0 sẽ coi mọi người là không đánh giá)".into(),
            ));
        }
        Ok(Profile {
            period,
            name: raw.name,
            title: raw.title,
            district: raw.district,
            place: raw.place,
            scale_min: raw.scale.min,
            scale_max: raw.scale.max,
            thresholds,
            forms,
            blocs,
            reward_rate,
            rounding,
            reward_base,
            late_proposals,
            salary_date,
            round_up,
            deadlines,
            base_salary,
            calendar,
            source: text.to_string(),
        })
    }
}

fn parse_deadlines(raw: &RawDeadlines, submission_day: u32) -> Result<Deadlines, (String, String)> {
    let rule = match raw.rule.as_str() {
        "flag" => DeadlineRule::Flag,
        "next-working-day" => DeadlineRule::NextWorkingDay,
        "previous-working-day" => DeadlineRule::PreviousWorkingDay,
        other => {
            return Err((
                "deadlines.rule".into(),
                format!("'{other}': dùng flag, next-working-day hoặc previous-working-day"),
            ))
        }
    };
    for (key, day) in [
        ("self_evaluation", raw.self_evaluation),
        ("authority", raw.authority),
        ("bloc_report", raw.bloc_report),
        ("publication", raw.publication),
        ("dossier_forward", raw.dossier_forward),
        (
            "reward_dossier",
            raw.reward_dossier.unwrap_or(submission_day),
        ),
    ] {
        if !(1..=31).contains(&day) {
            return Err((format!("deadlines.{key}"), "cần từ 1 đến 31".into()));
        }
    }
    let month_day = |s: &str, key: String| -> Result<(u32, u32), (String, String)> {
        let bad = || {
            (
                key.clone(),
                format!("'{s}' không phải ngày dạng MM-DD (ví dụ \"09-20\")"),
            )
        };
        let (m, d) = s.trim().split_once('-').ok_or_else(bad)?;
        let (m, d): (u32, u32) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
        // A leap year, so that 02-29 is accepted.
        NaiveDate::from_ymd_opt(2024, m, d).ok_or_else(bad)?;
        Ok((m, d))
    };
    let mut commitments = Vec::new();
    for (i, c) in raw.commitments.iter().enumerate() {
        let key = format!("deadlines.commitments[{i}]");
        commitments.push(Commitment {
            who: c.who.clone(),
            sign: month_day(&c.sign, format!("{key}.sign"))?,
            publish: c
                .publish
                .as_deref()
                .map(|p| month_day(p, format!("{key}.publish")))
                .transpose()?,
        });
    }
    let mut commitment_years = Vec::new();
    for (i, c) in raw.commitment_years.iter().enumerate() {
        let key = format!("deadlines.commitment_years[{i}]");
        let date = |s: &str, k: &str| {
            parse_iso(s).filter(|d| d.year() == c.year).ok_or_else(|| {
                (
                    format!("{key}.{k}"),
                    format!("'{s}' không phải ngày YYYY-MM-DD của năm {}", c.year),
                )
            })
        };
        commitment_years.push(CommitmentYear {
            year: c.year,
            who: c.who.clone(),
            sign: date(&c.sign, "sign")?,
            publish: c
                .publish
                .as_deref()
                .map(|p| date(p, "publish"))
                .transpose()?,
        });
    }
    for key in &raw.before {
        if !crate::deadlines::DeadlineKind::ALL
            .iter()
            .any(|k| k.code() == key)
        {
            let codes: Vec<&str> = crate::deadlines::DeadlineKind::ALL
                .iter()
                .map(|k| k.code())
                .collect();
            return Err((
                "deadlines.before".into(),
                format!("'{key}' không phải mã hạn: dùng {}", codes.join(", ")),
            ));
        }
    }
    Ok(Deadlines {
        rule,
        reward_dossier: raw.reward_dossier.unwrap_or(submission_day),
        before: raw.before.clone(),
        self_evaluation: raw.self_evaluation,
        authority: raw.authority,
        bloc_report: raw.bloc_report,
        publication: raw.publication,
        dossier_forward: raw.dossier_forward,
        commitments,
        commitment_years,
    })
}

/// "1-20", "1-10, 15, 20-25" → inclusive ranges within 1..=max.
fn parse_ranges(s: &str, max: u16) -> Result<Vec<(u16, u16)>, String> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let a: u16 = a
            .parse()
            .map_err(|_| format!("'{part}' không phải số hoặc khoảng"))?;
        let b: u16 = b
            .parse()
            .map_err(|_| format!("'{part}' không phải số hoặc khoảng"))?;
        if a == 0 || a > b || b > max {
            return Err(format!("'{part}' nằm ngoài 1–{max}"));
        }
        out.push((a, b));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reward_dossiers_of_schools_go_to_phong_noi_vu() {
        let p = Profile::default_profile();
        assert_eq!(p.reward_receiver(Bloc::TruongHoc), "Phòng Nội vụ");
        assert_eq!(p.reward_receiver(Bloc::ChinhQuyen), "Phòng Nội vụ");
        assert_eq!(p.reward_receiver(Bloc::DangDoanThe), "Ban Tổ chức Quận ủy");
        // The focal office of the results is unchanged.
        assert_eq!(p.bloc(Bloc::TruongHoc).focal, "Phòng Giáo dục và Đào tạo");
        // A profile without `reward_receiver` falls back to the focal office.
        let text = p
            .source
            .replace("reward_receiver = \"Phòng Nội vụ\"      #", "#");
        let older = Profile::parse(&text, "t").unwrap();
        assert_eq!(
            older.reward_receiver(Bloc::TruongHoc),
            "Phòng Giáo dục và Đào tạo"
        );
    }

    #[test]
    fn the_default_profile_loads() {
        let p = Profile::default_profile();
        assert_eq!(p.name, "long-bien-2023");
        assert_eq!(
            p.form(Form::M03).mandatory.iter().filter(|m| **m).count(),
            30
        );
        assert_eq!(
            p.form(Form::M04).mandatory.iter().filter(|m| **m).count(),
            20
        );
        assert_eq!(p.form(Form::M05).items, 30);
        assert_eq!(p.thresholds.mandatory_min, 20);
        assert_eq!(p.thresholds.other_min, 16);
        assert_eq!(p.bloc_from_text("Đảng - Đoàn thể"), Some(Bloc::DangDoanThe));
        assert_eq!(p.bloc_from_text("CHÍNH QUYỀN"), Some(Bloc::ChinhQuyen));
        assert_eq!(p.bloc_from_text("Khối Trường học"), Some(Bloc::TruongHoc));
        assert_eq!(p.bloc_from_text("truong-hoc"), Some(Bloc::TruongHoc));
        assert_eq!(p.bloc_from_text("Doanh nghiệp"), None);
        assert_eq!(p.base_salary.len(), 4);
    }

    #[test]
    fn a_bad_key_names_the_key_and_line() {
        let text = Profile::default_profile()
            .source
            .replace("mandatory = \"1-20\"", "mandatory = \"1-40\"");
        let err = Profile::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("forms.04.mandatory"), "{err}");
        let text = Profile::default_profile()
            .source
            .replace("other_min = 8", "other_min = \"tám\"");
        let err = Profile::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("line") && err.contains("other_min"), "{err}");
    }

    #[test]
    fn the_period_bounds_the_quarters_and_may_be_left_out() {
        use crate::model::Quarter;
        let p = Profile::default_profile();
        let q = |y, n| Quarter::new(y, n).unwrap();
        assert!(!p.covers(q(2022, 4)));
        assert!(p.covers(q(2023, 1)) && p.covers(q(2025, 4)));
        assert!(!p.covers(q(2026, 1)));
        // A profile without a period applies to every quarter.
        let text = p
            .source
            .replace("[period]\nfrom = \"2023-Q1\"\nto = \"2025-Q4\"\n", "");
        assert_ne!(text, p.source);
        let open = Profile::parse(&text, "x.toml").unwrap();
        assert!(open.period.is_none() && open.covers(q(2030, 2)));
        // Reversed or unreadable bounds name the key.
        let reversed = p.source.replace("from = \"2023-Q1\"", "from = \"2026-Q1\"");
        let err = Profile::parse(&reversed, "x.toml").unwrap_err().to_string();
        assert!(err.contains("period"), "{err}");
        let bad = p.source.replace("to = \"2025-Q4\"", "to = \"cuối 2025\"");
        let err = Profile::parse(&bad, "x.toml").unwrap_err().to_string();
        assert!(err.contains("period.to"), "{err}");
    }

    #[test]
    fn an_absence_limit_of_zero_is_refused() {
        let text = Profile::default_profile()
            .source
            .replace("absence_days = 15", "absence_days = 0");
        let err = Profile::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("rules.absence_days"), "{err}");
    }
}
