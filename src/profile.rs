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
    #[error("hồ sơ {origin} không hợp lệ ở khóa '{key}': {message} / profile {origin} is invalid at key '{key}': {message_en}")]
    Invalid {
        origin: String,
        /// The dotted TOML key, e.g. `rules.absence_days`, `blocs[1].reward_percent`.
        key: String,
        /// What is wrong and what is accepted, in Vietnamese.
        message: String,
        /// The same in English.
        message_en: String,
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
    #[serde(default)]
    documents: Option<RawDocuments>,
    #[serde(default)]
    bat_thuong: Option<RawSigns>,
}

/// The thresholds of the review signs (`danhgia bat-thuong`): the section and each of its keys
/// may be left out, for the default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSigns {
    rate_points: Option<i64>,
    rate_min_people: Option<i64>,
    jump_points: Option<i64>,
    jump_min_people: Option<i64>,
    copied_min_people: Option<i64>,
    all_top_min_people: Option<i64>,
    leader_min_led: Option<i64>,
}

/// The superior bodies printed above the issuing body in document headings (SPEC §8).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocuments {
    state_superior: String,
    party_superior: String,
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
    min: i64,
    max: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    mandatory_min: i64,
    other_min: i64,
    large_unit: i64,
    absence_days: i64,
    submission_day: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    title: String,
    items: i64,
    mandatory: String,
    #[serde(default)]
    groups: Vec<RawGroup>,
    /// The text of each criterion, item 1 first; `""` (or a shorter list) leaves the line blank
    /// for the unit to write.
    #[serde(default)]
    item_texts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: String,
    items: String,
    #[serde(default)]
    contents: String,
    /// The items of each content, in the order of `contents` ("1-8", "9-15"); without it the
    /// group's items are shared out evenly.
    #[serde(default)]
    content_items: Vec<String>,
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
    reward_percent: i64,
    /// "state" (Nghị định 30/2020) or "party" (Hướng dẫn 36-HD/VPTW): the format of the documents
    /// the bloc's units and its focal office issue. Without it, "party" for the Đảng–đoàn thể
    /// bloc and "state" for the others.
    #[serde(default)]
    document_format: Option<String>,
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
    round_up: i64,
}

fn default_salary_date() -> String {
    "decision".into()
}

fn default_round_up() -> i64 {
    10_000
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadlines {
    rule: String,
    self_evaluation: i64,
    authority: i64,
    bloc_report: i64,
    publication: i64,
    dossier_forward: i64,
    /// Day of the quarter's last month named for the units' reward dossiers; without it, the
    /// day of `rules.submission_day`.
    #[serde(default)]
    reward_dossier: Option<i64>,
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
    year: i64,
    who: String,
    sign: String,
    #[serde(default)]
    publish: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSalary {
    from: String,
    amount: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i64,
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
    /// `item_texts[i]` is the text of item i+1 printed on the score sheet; empty when the unit
    /// writes it. Always `items` long.
    pub item_texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub name: String,
    pub first: u16,
    pub last: u16,
    /// The contents as the profile writes them: "Trung thực, liêm chính; ý thức kỷ luật".
    pub contents: String,
    /// The same contents one by one, each with its items (QĐ 264: the contents of a group).
    pub parts: Vec<Content>,
}

/// One content of a criteria group ("Trung thực, liêm chính") and the run of items under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub name: String,
    pub first: u16,
    pub last: u16,
}

/// The longest criterion text a profile may give (a sentence or two of the form).
pub const ITEM_TEXT_MAX: usize = 500;

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
    /// The format of the documents the bloc's units and its focal office issue.
    pub document_format: DocFormat,
}

/// The format of an administrative document (SPEC §8): the State's (Nghị định 30/2020/NĐ-CP) or
/// the Party's (Hướng dẫn 36-HD/VPTW).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    State,
    Party,
}

impl DocFormat {
    pub fn code(self) -> &'static str {
        match self {
            DocFormat::State => "state",
            DocFormat::Party => "party",
        }
    }
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

/// The thresholds of the signs that a unit's scoring deserves a second look (`danhgia
/// bat-thuong`, profile section `[bat_thuong]`; docs/bat-thuong.md defines each sign).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignThresholds {
    /// A unit's đạt rate at least this many percentage points above the rest of its bloc's.
    pub rate_points: u32,
    /// The fewest people evaluated in the unit, and in the rest of its bloc, for the rate sign.
    pub rate_min_people: u32,
    /// A unit's đạt rate at least this many percentage points above the previous quarter's.
    pub jump_points: u32,
    /// The fewest people evaluated in each of the two quarters for the jump sign.
    pub jump_min_people: u32,
    /// The fewest people of one form with the same score on every content (copied rows).
    pub copied_min_people: u32,
    /// The fewest people on a form sheet that is all top scores.
    pub all_top_min_people: u32,
    /// The fewest people with a total that a leader must lead to be compared with them.
    pub leader_min_led: u32,
}

impl Default for SignThresholds {
    fn default() -> Self {
        SignThresholds {
            rate_points: 30,
            rate_min_people: 10,
            jump_points: 30,
            jump_min_people: 10,
            copied_min_people: 4,
            all_top_min_people: 3,
            leader_min_led: 4,
        }
    }
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
    /// The bodies printed above the issuing body in document headings.
    pub documents: Documents,
    /// The thresholds of the review signs (`danhgia bat-thuong`).
    pub signs: SignThresholds,
    /// The TOML text the profile was read from.
    pub source: String,
}

/// The superior bodies of document headings: the State's (e.g. "UBND quận Long Biên", above a
/// phòng or a phường) and the Party's (e.g. "Đảng bộ quận Long Biên", above Ban Tổ chức).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Documents {
    pub state_superior: String,
    pub party_superior: String,
}

impl Documents {
    /// Without a `[documents]` section: the people's committee and the Party organisation of the
    /// profile's district.
    pub fn of_district(district: &str) -> Documents {
        Documents {
            state_superior: format!("UBND {district}"),
            party_superior: format!("Đảng bộ {district}"),
        }
    }
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

    /// The scale every score must lie on (`scale.min`–`scale.max`, steps of 0.5).
    pub fn scale(&self) -> crate::model::Scale {
        crate::model::Scale {
            min: crate::model::Score::points(self.scale_min),
            max: crate::model::Score::points(self.scale_max),
        }
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
        let k = Keys::new(origin);

        // Every number is checked here, at load, against the range the rules can use: a wrong
        // value is an error that names its key, never a surprise at `run`.
        let scale_min: u16 = k.int(
            "scale.min",
            raw.scale.min,
            1,
            SCALE_TOP - 1,
            (
                "điểm thấp nhất của thang điểm",
                "the lowest score of the scale",
            ),
        )?;
        let scale_max: u16 = k.int(
            "scale.max",
            raw.scale.max,
            i64::from(scale_min) + 1,
            SCALE_TOP,
            (
                "điểm cao nhất của thang điểm, lớn hơn scale.min",
                "the highest score of the scale, above scale.min",
            ),
        )?;
        let in_scale = (
            "một điểm trong thang điểm scale.min–scale.max",
            "a score within scale.min–scale.max",
        );
        let mandatory_min: u16 = k.int(
            "rules.mandatory_min",
            raw.rules.mandatory_min,
            scale_min.into(),
            scale_max.into(),
            in_scale,
        )?;
        let other_min: u16 = k.int(
            "rules.other_min",
            raw.rules.other_min,
            scale_min.into(),
            scale_max.into(),
            in_scale,
        )?;
        let large_unit: u32 = k.int(
            "rules.large_unit",
            raw.rules.large_unit,
            1,
            100_000,
            (
                "số CBCCVC, NLĐ từ đó đơn vị dùng Mẫu 05",
                "the unit size from which Mẫu 05 is used",
            ),
        )?;
        let absence_days: u32 = k.int(
            "rules.absence_days",
            raw.rules.absence_days,
            1,
            MAX_WORKING_DAYS,
            (
                "số ngày làm việc vắng mặt trong quý; 0 sẽ coi mọi người là không đánh giá, một quý có không quá 66 ngày làm việc",
                "working days absent in the quarter; 0 would leave everyone not evaluated, and a quarter has at most 66 working days",
            ),
        )?;
        let submission_day: u32 = k.int(
            "rules.submission_day",
            raw.rules.submission_day,
            1,
            31,
            DAY_OF_MONTH,
        )?;
        let thresholds = Thresholds {
            mandatory_min: mandatory_min * 2,
            other_min: other_min * 2,
            large_unit,
            absence_days,
            submission_day,
        };

        let mut forms = Vec::new();
        for form in Form::ALL {
            let key = format!("forms.{}", form.code());
            let rf = raw
                .forms
                .get(form.code())
                .ok_or_else(|| k.invalid(&key, "thiếu mẫu phiếu này", "this form is missing"))?;
            let items: u16 = k.int(
                &format!("{key}.items"),
                rf.items,
                1,
                200,
                (
                    "số nội dung của phiếu",
                    "the number of contents of the form",
                ),
            )?;
            let mut mandatory = vec![false; items as usize];
            for (a, b) in parse_ranges(&rf.mandatory, items)
                .map_err(|(vi, en)| k.invalid(&format!("{key}.mandatory"), vi, en))?
            {
                for i in a..=b {
                    mandatory[(i - 1) as usize] = true;
                }
            }
            let mut groups = Vec::new();
            for (gi, g) in rf.groups.iter().enumerate() {
                let gkey = format!("{key}.groups[{gi}].items");
                let ranges =
                    parse_ranges(&g.items, items).map_err(|(vi, en)| k.invalid(&gkey, vi, en))?;
                let (first, last) = match ranges.as_slice() {
                    [(a, b)] => (*a, *b),
                    _ => {
                        return Err(k.invalid(
                            &gkey,
                            "một nhóm là một khoảng liền, ví dụ \"1-15\"",
                            "a group is one run of contents, e.g. \"1-15\"",
                        ))
                    }
                };
                let parts =
                    content_parts(&k, &format!("{key}.groups[{gi}]"), g, items, first, last)?;
                groups.push(Group {
                    name: g.name.clone(),
                    first,
                    last,
                    contents: g.contents.clone(),
                    parts,
                });
            }
            let tkey = format!("{key}.item_texts");
            if rf.item_texts.len() > usize::from(items) {
                return Err(k.invalid(
                    &tkey,
                    format!(
                        "có {} câu nhưng phiếu chỉ có {items} nội dung: cần không quá {items} câu, câu thứ nhất là của nội dung 1",
                        rf.item_texts.len()
                    ),
                    format!(
                        "has {} texts but the form has {items} items: at most {items} texts are accepted, the first one for item 1",
                        rf.item_texts.len()
                    ),
                ));
            }
            let mut item_texts = Vec::with_capacity(usize::from(items));
            for (i, t) in rf.item_texts.iter().enumerate() {
                let t = text::tidy(t);
                let n = t.chars().count();
                if n > ITEM_TEXT_MAX {
                    return Err(k.invalid(
                        &format!("{tkey}[{i}]"),
                        format!("dài {n} ký tự: cần một câu không quá {ITEM_TEXT_MAX} ký tự"),
                        format!("is {n} characters long: a text of at most {ITEM_TEXT_MAX} characters is accepted"),
                    ));
                }
                item_texts.push(t);
            }
            item_texts.resize(usize::from(items), String::new());
            forms.push(FormSpec {
                form,
                title: rf.title.clone(),
                items,
                mandatory,
                groups,
                item_texts,
            });
        }
        if let Some(extra) = raw
            .forms
            .keys()
            .find(|k| !Form::ALL.iter().any(|f| f.code() == k.as_str()))
        {
            return Err(k.invalid(
                &format!("forms.{extra}"),
                "chỉ có các mẫu 03, 04, 05",
                "only the forms 03, 04, 05 exist",
            ));
        }

        let mut blocs = Vec::new();
        for (i, b) in raw.blocs.iter().enumerate() {
            let bloc = Bloc::from_code(&b.code).ok_or_else(|| {
                k.invalid(
                    &format!("blocs[{i}].code"),
                    format!(
                        "'{}' không phải mã khối (dang-doan-the, chinh-quyen, truong-hoc)",
                        b.code
                    ),
                    format!(
                        "'{}' is not a bloc code (dang-doan-the, chinh-quyen, truong-hoc)",
                        b.code
                    ),
                )
            })?;
            let reward_percent: u32 = k.int(
                &format!("blocs[{i}].reward_percent"),
                b.reward_percent,
                0,
                100,
                (
                    "phần trăm số người được khen thưởng",
                    "the percentage of people who may be rewarded",
                ),
            )?;
            blocs.push(BlocSpec {
                bloc,
                name: b.name.clone(),
                aliases: b.aliases.clone(),
                focal: b.focal.clone(),
                reward_receiver: b.reward_receiver.clone().unwrap_or_else(|| b.focal.clone()),
                reward_percent,
                document_format: match b.document_format.as_deref().map(str::trim) {
                    None if bloc == Bloc::DangDoanThe => DocFormat::Party,
                    None | Some("state") => DocFormat::State,
                    Some("party") => DocFormat::Party,
                    Some(other) => {
                        return Err(k.invalid(
                            &format!("blocs[{i}].document_format"),
                            format!("'{other}' không phải \"state\" (văn bản Nhà nước) hay \"party\" (văn bản của Đảng)"),
                            format!("'{other}' is neither \"state\" nor \"party\""),
                        ))
                    }
                },
            });
        }
        for bloc in Bloc::ALL {
            if blocs.iter().filter(|b| b.bloc == bloc).count() != 1 {
                return Err(k.invalid(
                    "blocs",
                    format!("khối '{}' phải có đúng một lần", bloc.code()),
                    format!("the bloc '{}' must appear exactly once", bloc.code()),
                ));
            }
        }

        let reward_rate = parse_rate(&raw.reward.rate).ok_or_else(|| {
            k.invalid(
                "reward.rate",
                format!(
                    "'{}': cần một hệ số lớn hơn 0 và không quá {MAX_RATE}, viết trong dấu nháy (ví dụ \"0.3\": 0,3 × mức lương cơ sở mỗi người mỗi tháng)",
                    raw.reward.rate
                ),
                format!(
                    "'{}': a coefficient above 0 and at most {MAX_RATE} is accepted, in quotes (e.g. \"0.3\": 0.3 × the base salary per person per month)",
                    raw.reward.rate
                ),
            )
        })?;
        let rounding = match raw.reward.rounding.as_str() {
            "down" => Rounding::Down,
            "nearest" => Rounding::Nearest,
            "up" => Rounding::Up,
            other => {
                return Err(k.invalid(
                    "reward.rounding",
                    format!("'{other}': dùng down, nearest hoặc up"),
                    format!("'{other}': use down, nearest or up"),
                ))
            }
        };
        let reward_base = match raw.reward.base.as_str() {
            "dat" => RewardBase::Dat,
            "headcount" => RewardBase::Headcount,
            other => {
                return Err(k.invalid(
                    "reward.base",
                    format!("'{other}': dùng dat hoặc headcount"),
                    format!("'{other}': use dat or headcount"),
                ))
            }
        };

        let late_proposals = match raw.reward.late.as_str() {
            "accept" => LatePolicy::Accept,
            "reject" => LatePolicy::Reject,
            other => {
                return Err(k.invalid(
                    "reward.late",
                    format!("'{other}': dùng accept hoặc reject"),
                    format!("'{other}': use accept or reject"),
                ))
            }
        };
        let salary_date = match raw.reward.salary_date.as_str() {
            "decision" => SalaryDate::Decision,
            "months" => SalaryDate::Months,
            other => {
                return Err(k.invalid(
                    "reward.salary_date",
                    format!("'{other}': dùng decision hoặc months"),
                    format!("'{other}': use decision or months"),
                ))
            }
        };
        let round_up: u64 = k.int(
            "reward.round_up",
            raw.reward.round_up,
            1,
            1_000_000,
            (
                "số đồng mà mức thưởng mỗi người được làm tròn lên tới bội số của nó; 1 = không làm tròn lên",
                "the đồng the amount per person is rounded up to a multiple of; 1 = no rounding up",
            ),
        )?;
        let round_up = Decimal::from(round_up);
        let deadlines = parse_deadlines(&raw.deadlines, submission_day, &k)?;

        if raw.base_salary.is_empty() {
            return Err(k.invalid(
                "base_salary",
                "cần ít nhất một mức lương cơ sở ([[base_salary]] với from và amount)",
                "at least one base salary is needed ([[base_salary]] with from and amount)",
            ));
        }
        let mut base_salary: Vec<(NaiveDate, Decimal)> = Vec::new();
        for (i, s) in raw.base_salary.iter().enumerate() {
            let key = format!("base_salary[{i}].from");
            let from = parse_iso(&s.from).ok_or_else(|| {
                k.invalid(
                    &key,
                    format!("'{}' không phải ngày YYYY-MM-DD", s.from),
                    format!("'{}' is not a date YYYY-MM-DD", s.from),
                )
            })?;
            if let Some(j) = base_salary.iter().position(|(d, _)| *d == from) {
                return Err(k.invalid(
                    &key,
                    format!("ngày {from} đã có ở base_salary[{j}]: mỗi ngày chỉ một mức lương"),
                    format!("the date {from} is already in base_salary[{j}]: one salary per date"),
                ));
            }
            let amount: u64 = k.int(
                &format!("base_salary[{i}].amount"),
                s.amount,
                MIN_BASE_SALARY,
                MAX_BASE_SALARY,
                (
                    "mức lương cơ sở, số đồng nguyên mỗi tháng",
                    "the base salary, in whole đồng per month",
                ),
            )?;
            base_salary.push((from, Decimal::from(amount)));
        }
        base_salary.sort();

        let mut calendar = Calendar::default();
        for (i, y) in raw.calendar.iter().enumerate() {
            let year: i32 = k.int(
                &format!("calendar[{i}].year"),
                y.year,
                MIN_YEAR,
                MAX_YEAR,
                (
                    "năm của lịch ngày nghỉ",
                    "the year of the calendar of days off",
                ),
            )?;
            if calendar.has_year(year) {
                return Err(k.invalid(
                    &format!("calendar[{i}].year"),
                    format!("năm {year} đã có trong lịch: mỗi năm chỉ ghi một lần"),
                    format!("the year {year} is already in the calendar: one entry per year"),
                ));
            }
            calendar
                .add_year(year, &y.off, &y.makeup_saturdays)
                .map_err(|e| match e {
                    CalendarError::BadEntry(entry) => k.invalid(
                        &format!("calendar[{i}]"),
                        format!("'{entry}' không phải ngày YYYY-MM-DD hoặc khoảng YYYY-MM-DD..YYYY-MM-DD của năm {year} (thứ Bảy làm bù phải là thứ Bảy)"),
                        format!("'{entry}' is not a date YYYY-MM-DD or a span YYYY-MM-DD..YYYY-MM-DD of {year} (a make-up Saturday must be a Saturday)"),
                    ),
                    other => k.invalid(&format!("calendar[{i}]"), other.to_string(), other.to_string()),
                })?;
        }

        let period = match &raw.period {
            None => None,
            Some(p) => {
                let q = |key: &str, v: &str| {
                    text::parse_quarter(v).ok_or_else(|| {
                        k.invalid(
                            key,
                            format!("'{v}' không phải quý (ví dụ \"2023-Q1\")"),
                            format!("'{v}' is not a quarter (e.g. \"2023-Q1\")"),
                        )
                    })
                };
                let (from, to) = (q("period.from", &p.from)?, q("period.to", &p.to)?);
                if from > to {
                    return Err(k.invalid("period", "'from' sau 'to'", "'from' is after 'to'"));
                }
                Some((from, to))
            }
        };
        let documents = match &raw.documents {
            Some(d) => {
                for (key, v) in [
                    ("documents.state_superior", &d.state_superior),
                    ("documents.party_superior", &d.party_superior),
                ] {
                    if v.trim().is_empty() || v.chars().count() > 120 {
                        return Err(k.invalid(
                            key,
                            "phải là tên cơ quan cấp trên (1–120 ký tự)",
                            "must be the name of the superior body (1–120 characters)",
                        ));
                    }
                }
                Documents {
                    state_superior: d.state_superior.trim().to_string(),
                    party_superior: d.party_superior.trim().to_string(),
                }
            }
            None => Documents::of_district(&raw.district),
        };
        let signs = parse_signs(raw.bat_thuong.as_ref(), &k)?;
        Ok(Profile {
            period,
            documents,
            signs,
            name: raw.name,
            title: raw.title,
            district: raw.district,
            place: raw.place,
            scale_min,
            scale_max,
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

/// The top of the scale a profile may set (scores are kept in half points as `u16`).
const SCALE_TOP: i64 = 100;
/// Working days in a quarter: at most 66 (13 weeks and a day or two, no day off).
const MAX_WORKING_DAYS: i64 = 66;
/// The reward rate is a coefficient of the base salary (0,3 in the seeds).
const MAX_RATE: i64 = 10;
/// The base salary, in đồng per month (1 490 000 in 2019, 2 340 000 in 2024).
const MIN_BASE_SALARY: i64 = 100_000;
const MAX_BASE_SALARY: i64 = 100_000_000;
/// The years a calendar or a dated deadline may name.
const MIN_YEAR: i64 = 2000;
const MAX_YEAR: i64 = 2100;
const DAY_OF_MONTH: (&str, &str) = ("một ngày trong tháng", "a day of the month");

/// `reward.rate`: a decimal coefficient above 0 and at most [`MAX_RATE`]; a comma is read as
/// the decimal point ("0,3").
fn parse_rate(s: &str) -> Option<Decimal> {
    let d = Decimal::from_str(&s.trim().replace(',', ".")).ok()?;
    (d > Decimal::ZERO && d <= Decimal::from(MAX_RATE)).then_some(d)
}

/// Builds the errors of one profile file: the dotted key, what is wrong and what is accepted,
/// in Vietnamese and in English.
pub(crate) struct Keys<'a> {
    origin: &'a str,
}

impl<'a> Keys<'a> {
    pub(crate) fn new(origin: &'a str) -> Keys<'a> {
        Keys { origin }
    }

    pub(crate) fn invalid(
        &self,
        key: &str,
        vi: impl Into<String>,
        en: impl Into<String>,
    ) -> ProfileError {
        ProfileError::Invalid {
            origin: self.origin.to_string(),
            key: key.to_string(),
            message: vi.into(),
            message_en: en.into(),
        }
    }

    /// A whole number of the profile inside `lo..=hi`, in the type the rules use; outside it, an
    /// error naming the key, the range and what the number means (`what`: Vietnamese, English).
    pub(crate) fn int<T: TryFrom<i64>>(
        &self,
        key: &str,
        v: i64,
        lo: i64,
        hi: i64,
        what: (&str, &str),
    ) -> Result<T, ProfileError> {
        if (lo..=hi).contains(&v) {
            if let Ok(x) = T::try_from(v) {
                return Ok(x);
            }
        }
        Err(self.invalid(
            key,
            format!(
                "{} nằm ngoài khoảng cho phép: cần một số nguyên từ {} đến {} ({})",
                grouped(v, '.'),
                grouped(lo, '.'),
                grouped(hi, '.'),
                what.0
            ),
            format!(
                "{} is out of range: a whole number from {} to {} is accepted ({})",
                grouped(v, ','),
                grouped(lo, ','),
                grouped(hi, ','),
                what.1
            ),
        ))
    }
}

/// Digits grouped by three: 100000000 → "100.000.000" (Vietnamese) or "100,000,000".
fn grouped(n: i64, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `[bat_thuong]`: each key within its range, or its default when left out.
fn parse_signs(raw: Option<&RawSigns>, k: &Keys) -> Result<SignThresholds, ProfileError> {
    const POINTS: (i64, i64) = (1, 100);
    const PEOPLE: (i64, i64) = (1, MAX_PEOPLE);
    const PEOPLE_POINTS: (&str, &str) = ("điểm phần trăm", "percentage points");
    const EVALUATED: (&str, &str) = ("số người được đánh giá", "people evaluated");
    let d = SignThresholds::default();
    let r = raw.cloned().unwrap_or_default();
    let num = |key: &str, v: Option<i64>, default: u32, (lo, hi): (i64, i64), what| {
        v.map_or(Ok(default), |v| {
            k.int(&format!("bat_thuong.{key}"), v, lo, hi, what)
        })
    };
    Ok(SignThresholds {
        rate_points: num(
            "rate_points",
            r.rate_points,
            d.rate_points,
            POINTS,
            PEOPLE_POINTS,
        )?,
        rate_min_people: num(
            "rate_min_people",
            r.rate_min_people,
            d.rate_min_people,
            PEOPLE,
            EVALUATED,
        )?,
        jump_points: num(
            "jump_points",
            r.jump_points,
            d.jump_points,
            POINTS,
            PEOPLE_POINTS,
        )?,
        jump_min_people: num(
            "jump_min_people",
            r.jump_min_people,
            d.jump_min_people,
            PEOPLE,
            EVALUATED,
        )?,
        copied_min_people: num(
            "copied_min_people",
            r.copied_min_people,
            d.copied_min_people,
            (2, MAX_PEOPLE),
            (
                "số người có điểm giống hệt nhau; một người thì không có gì để so",
                "people with identical scores; one person has nobody to match",
            ),
        )?,
        all_top_min_people: num(
            "all_top_min_people",
            r.all_top_min_people,
            d.all_top_min_people,
            PEOPLE,
            ("số người của trang phiếu", "people on the sheet"),
        )?,
        leader_min_led: num(
            "leader_min_led",
            r.leader_min_led,
            d.leader_min_led,
            PEOPLE,
            (
                "số người có điểm lãnh đạo phụ trách",
                "people with a total the leader leads",
            ),
        )?,
    })
}

/// The largest count of people a threshold may name.
const MAX_PEOPLE: i64 = 100_000;

fn parse_deadlines(
    raw: &RawDeadlines,
    submission_day: u32,
    k: &Keys,
) -> Result<Deadlines, ProfileError> {
    let rule = match raw.rule.as_str() {
        "flag" => DeadlineRule::Flag,
        "next-working-day" => DeadlineRule::NextWorkingDay,
        "previous-working-day" => DeadlineRule::PreviousWorkingDay,
        other => {
            return Err(k.invalid(
                "deadlines.rule",
                format!("'{other}': dùng flag, next-working-day hoặc previous-working-day"),
                format!("'{other}': use flag, next-working-day or previous-working-day"),
            ))
        }
    };
    let day = |key: &str, v: i64| -> Result<u32, ProfileError> {
        k.int(&format!("deadlines.{key}"), v, 1, 31, DAY_OF_MONTH)
    };
    let self_evaluation = day("self_evaluation", raw.self_evaluation)?;
    let authority = day("authority", raw.authority)?;
    let bloc_report = day("bloc_report", raw.bloc_report)?;
    let publication = day("publication", raw.publication)?;
    let dossier_forward = day("dossier_forward", raw.dossier_forward)?;
    let reward_dossier = match raw.reward_dossier {
        Some(v) => day("reward_dossier", v)?,
        None => submission_day,
    };
    // The deadlines of the quarter's last month follow one another (SPEC §2 "Timeline"):
    // self-evaluation, the authority, the unit's mẫu 06, the bloc's mẫu 07.
    let chain = [
        ("deadlines.self_evaluation", self_evaluation),
        ("deadlines.authority", authority),
        ("rules.submission_day", submission_day),
        ("deadlines.bloc_report", bloc_report),
    ];
    for pair in chain.windows(2) {
        let ((before_key, before), (key, day)) = (pair[0], pair[1]);
        if day < before {
            return Err(k.invalid(
                key,
                format!("ngày {day} sớm hơn {before_key} (ngày {before}): các hạn của tháng cuối quý theo thứ tự tự đánh giá ≤ cấp có thẩm quyền đánh giá ≤ đơn vị gửi Mẫu 06 ≤ khối gửi Mẫu 07"),
                format!("day {day} is before {before_key} (day {before}): the deadlines of the quarter's last month run self-evaluation ≤ authority ≤ unit sends mẫu 06 ≤ bloc sends mẫu 07"),
            ));
        }
    }
    let month_day = |s: &str, key: String| -> Result<(u32, u32), ProfileError> {
        let bad = || {
            k.invalid(
                &key,
                format!("'{s}' không phải ngày dạng MM-DD (ví dụ \"09-20\")"),
                format!("'{s}' is not a date MM-DD (e.g. \"09-20\")"),
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
        let year: i32 = k.int(
            &format!("{key}.year"),
            c.year,
            MIN_YEAR,
            MAX_YEAR,
            ("năm có hạn riêng", "the year with its own deadlines"),
        )?;
        let date = |s: &str, f: &str| {
            parse_iso(s).filter(|d| d.year() == year).ok_or_else(|| {
                k.invalid(
                    &format!("{key}.{f}"),
                    format!("'{s}' không phải ngày YYYY-MM-DD của năm {year}"),
                    format!("'{s}' is not a date YYYY-MM-DD of {year}"),
                )
            })
        };
        let sign = date(&c.sign, "sign")?;
        let publish = c
            .publish
            .as_deref()
            .map(|p| date(p, "publish"))
            .transpose()?;
        if let Some(p) = publish.filter(|p| *p < sign) {
            return Err(k.invalid(
                &format!("{key}.publish"),
                format!("ngày công khai {p} trước ngày ký {sign}"),
                format!("the publication date {p} is before the signing date {sign}"),
            ));
        }
        commitment_years.push(CommitmentYear {
            year,
            who: c.who.clone(),
            sign,
            publish,
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
            return Err(k.invalid(
                "deadlines.before",
                format!("'{key}' không phải mã hạn: dùng {}", codes.join(", ")),
                format!("'{key}' is not a deadline code: use {}", codes.join(", ")),
            ));
        }
    }
    Ok(Deadlines {
        rule,
        reward_dossier,
        before: raw.before.clone(),
        self_evaluation,
        authority,
        bloc_report,
        publication,
        dossier_forward,
        commitments,
        commitment_years,
    })
}

/// "1-20", "1-10, 15, 20-25" → inclusive ranges within 1..=max; a fault in both languages.
/// The contents of a group one by one ("Trung thực, liêm chính; ý thức kỷ luật" → two), each
/// with a capital first letter and its run of items: from `content_items`, which must give one
/// run per content, in order, covering the group's items exactly; without it the items are shared
/// out evenly, the first contents taking one more when they do not divide.
fn content_parts(
    k: &Keys,
    gkey: &str,
    g: &RawGroup,
    items: u16,
    first: u16,
    last: u16,
) -> Result<Vec<Content>, ProfileError> {
    let names: Vec<String> = g
        .contents
        .split(';')
        .map(text::tidy)
        .filter(|c| !c.is_empty())
        .map(|c| {
            let mut chars = c.chars();
            match chars.next() {
                Some(f) => f.to_uppercase().chain(chars).collect(),
                None => c,
            }
        })
        .collect();
    let count = usize::from(last - first + 1);
    if g.content_items.is_empty() {
        if names.len() > count {
            return Err(k.invalid(
                &format!("{gkey}.contents"),
                format!(
                    "nhóm có {} nội dung nhưng chỉ {count} tiêu chí: mỗi nội dung cần ít nhất một tiêu chí",
                    names.len()
                ),
                format!(
                    "the group has {} contents but only {count} items: at least one item per content is accepted",
                    names.len()
                ),
            ));
        }
        let n = names.len().max(1);
        let (base, extra) = (count / n, count % n);
        let mut at = first;
        return Ok(names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let size = (base + usize::from(i < extra)) as u16;
                let c = Content {
                    name,
                    first: at,
                    last: at + size - 1,
                };
                at += size;
                c
            })
            .collect());
    }
    let ckey = format!("{gkey}.content_items");
    if g.content_items.len() != names.len() {
        return Err(k.invalid(
            &ckey,
            format!(
                "có {} khoảng nhưng nhóm có {} nội dung: cần đúng một khoảng cho mỗi nội dung, theo thứ tự của contents",
                g.content_items.len(),
                names.len()
            ),
            format!(
                "has {} runs but the group has {} contents: exactly one run per content is accepted, in the order of contents",
                g.content_items.len(),
                names.len()
            ),
        ));
    }
    let mut parts = Vec::with_capacity(names.len());
    let mut next = first;
    for (i, (name, run)) in names.into_iter().zip(&g.content_items).enumerate() {
        let key = format!("{ckey}[{i}]");
        let (a, b) = match parse_ranges(run, items).as_deref() {
            Ok([(a, b)]) if *a == next && *b <= last => (*a, *b),
            other => {
                let (vi, en) = match other {
                    Err((vi, en)) => (vi.clone(), en.clone()),
                    Ok(_) => (
                        format!("'{run}' không hợp lệ"),
                        format!("'{run}' is invalid"),
                    ),
                };
                return Err(k.invalid(
                    &key,
                    format!(
                        "{vi}: cần một khoảng liền bắt đầu từ tiêu chí {next}, không quá {last}; các khoảng nối tiếp nhau và phủ đúng các tiêu chí {first}–{last} của nhóm"
                    ),
                    format!(
                        "{en}: one run starting at item {next}, up to {last} is accepted; the runs follow one another and cover exactly the group's items {first}–{last}"
                    ),
                ));
            }
        };
        parts.push(Content {
            name,
            first: a,
            last: b,
        });
        next = b + 1;
    }
    if next != last + 1 {
        return Err(k.invalid(
            &ckey,
            format!(
                "các khoảng dừng ở tiêu chí {}: cần phủ đúng các tiêu chí {first}–{last} của nhóm",
                next - 1
            ),
            format!(
                "the runs stop at item {}: only runs covering exactly the group's items {first}–{last} are accepted",
                next - 1
            ),
        ));
    }
    Ok(parts)
}

fn parse_ranges(s: &str, max: u16) -> Result<Vec<(u16, u16)>, (String, String)> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let not_number = || {
            (
                format!("'{part}' không phải số hoặc khoảng"),
                format!("'{part}' is not a number or a range"),
            )
        };
        let a: u16 = a.parse().map_err(|_| not_number())?;
        let b: u16 = b.parse().map_err(|_| not_number())?;
        if a == 0 || a > b || b > max {
            return Err((
                format!("'{part}' nằm ngoài 1–{max}"),
                format!("'{part}' is outside 1–{max}"),
            ));
        }
        out.push((a, b));
    }
    Ok(out)
}

/// Editing a profile's TOML by dotted key, for the tests of the checks at load.
#[cfg(test)]
pub(crate) mod edit {
    use toml::{Table, Value};

    /// One step of a dotted key: `blocs[1]` is the key `blocs`, element 1.
    fn step(part: &str) -> (&str, Option<usize>) {
        match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (part, None),
        }
    }

    /// The TOML text with the value at `key` (e.g. `blocs[0].reward_percent`) replaced.
    pub(crate) fn with_key(text: &str, key: &str, value: Value) -> String {
        let mut root = Value::Table(toml::from_str::<Table>(text).expect("valid TOML"));
        let mut cur = &mut root;
        for part in key.split('.') {
            let (name, index) = step(part);
            cur = cur
                .as_table_mut()
                .and_then(|t| t.get_mut(name))
                .unwrap_or_else(|| panic!("no key {name} in {key}"));
            if let Some(i) = index {
                cur = cur
                    .as_array_mut()
                    .and_then(|a| a.get_mut(i))
                    .unwrap_or_else(|| panic!("no element {i} in {key}"));
            }
        }
        *cur = value;
        toml::to_string(&root).expect("TOML out")
    }

    /// Every key of the text whose value is a number, array elements written `[0]` (the first
    /// element stands for all).
    pub(crate) fn numeric_keys(text: &str) -> Vec<String> {
        fn walk(v: &Value, key: String, out: &mut Vec<String>) {
            match v {
                Value::Integer(_) | Value::Float(_) => out.push(key),
                Value::Table(t) => {
                    for (k, v) in t {
                        let key = if key.is_empty() {
                            k.clone()
                        } else {
                            format!("{key}.{k}")
                        };
                        walk(v, key, out);
                    }
                }
                Value::Array(a) => {
                    for v in a {
                        walk(v, format!("{key}[0]"), out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(
            &Value::Table(toml::from_str(text).expect("valid TOML")),
            String::new(),
            &mut out,
        );
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::edit::{numeric_keys, with_key};
    use super::*;
    use toml::Value;

    /// Loads the default profile with one key changed; the error, if any, as text.
    fn load_with(key: &str, value: Value) -> Result<Profile, String> {
        let text = with_key(&Profile::default_profile().source, key, value);
        Profile::parse(&text, "x.toml").map_err(|e| e.to_string())
    }

    #[test]
    fn every_number_of_the_profile_is_checked_at_load_and_names_its_key() {
        use Value::{Integer as I, String as S};
        let s = |x: &str| S(x.to_string());
        // Every numeric key of the default profile, each with values out of its range.
        let table: Vec<(&str, Vec<Value>)> = vec![
            ("scale.min", vec![I(0), I(-1), I(100)]),
            ("scale.max", vec![I(1), I(0), I(101), I(70_000)]),
            ("rules.mandatory_min", vec![I(0), I(11), I(-10)]),
            ("rules.other_min", vec![I(0), I(11), I(40_000)]),
            ("rules.large_unit", vec![I(0), I(-20), I(100_001)]),
            ("rules.absence_days", vec![I(0), I(-15), I(67), I(5_000)]),
            ("rules.submission_day", vec![I(0), I(32), I(-28)]),
            ("forms.03.items", vec![I(0), I(201), I(-45)]),
            ("forms.04.items", vec![I(0), I(201)]),
            ("forms.05.items", vec![I(0), I(201)]),
            ("blocs[0].reward_percent", vec![I(-1), I(101), I(5000)]),
            ("blocs[2].reward_percent", vec![I(-3), I(300)]),
            (
                "reward.rate",
                vec![s("0"), s("-0.3"), s("50"), s("5000%"), s("ba phần mười")],
            ),
            ("reward.round_up", vec![I(0), I(-10_000), I(1_000_001)]),
            (
                "base_salary[0].amount",
                vec![I(0), I(-1_490_000), I(99_999), I(100_000_001)],
            ),
            ("deadlines.self_evaluation", vec![I(0), I(32)]),
            ("deadlines.authority", vec![I(0), I(32)]),
            ("deadlines.bloc_report", vec![I(0), I(32)]),
            ("deadlines.publication", vec![I(0), I(32), I(-3)]),
            ("deadlines.dossier_forward", vec![I(0), I(32)]),
            ("deadlines.reward_dossier", vec![I(0), I(32)]),
            ("deadlines.commitment_years[0].year", vec![I(1999), I(2101)]),
            ("calendar[0].year", vec![I(1999), I(99_999), I(-2023)]),
            ("bat_thuong.rate_points", vec![I(0), I(101), I(-30)]),
            ("bat_thuong.rate_min_people", vec![I(0), I(100_001)]),
            ("bat_thuong.jump_points", vec![I(0), I(101)]),
            ("bat_thuong.jump_min_people", vec![I(0), I(-1)]),
            ("bat_thuong.copied_min_people", vec![I(1), I(0), I(100_001)]),
            ("bat_thuong.all_top_min_people", vec![I(0)]),
            ("bat_thuong.leader_min_led", vec![I(0), I(100_001)]),
        ];
        for (key, values) in &table {
            for v in values {
                let err = load_with(key, v.clone()).expect_err(&format!("{key} = {v} is refused"));
                assert!(
                    err.contains(&format!("ở khóa '{key}'"))
                        && err.contains(&format!("invalid at key '{key}'")),
                    "{key} = {v}: {err}"
                );
                assert!(
                    err.contains("cần") && err.contains("accepted"),
                    "{key} = {v}: the message says what is accepted: {err}"
                );
            }
        }
        // The table covers every number the profile can set.
        let text = &Profile::default_profile().source;
        let mut covered: Vec<String> = table.iter().map(|(k, _)| k.replace("[2]", "[0]")).collect();
        covered.sort();
        covered.dedup();
        let missing: Vec<String> = numeric_keys(text)
            .into_iter()
            .filter(|k| !covered.contains(k))
            .collect();
        assert!(missing.is_empty(), "numeric keys not tested: {missing:?}");
        // The values at the edges of the ranges load.
        for (key, v) in [
            ("rules.absence_days", I(1)),
            ("rules.absence_days", I(66)),
            ("blocs[0].reward_percent", I(0)),
            ("blocs[0].reward_percent", I(100)),
            ("reward.rate", s("0,3")),
            ("reward.rate", s("10")),
            ("reward.round_up", I(1)),
            ("base_salary[0].amount", I(100_000_000)),
            ("bat_thuong.rate_points", I(100)),
            ("bat_thuong.copied_min_people", I(2)),
        ] {
            load_with(key, v.clone()).unwrap_or_else(|e| panic!("{key} = {v}: {e}"));
        }
    }

    /// Loads the default profile with `[forms.04]` edited; the error, if any, as text.
    fn load_form04(edit: impl FnOnce(&mut toml::Table)) -> Result<Profile, String> {
        let mut root: toml::Table = toml::from_str(&Profile::default_profile().source).unwrap();
        let f04 = root
            .get_mut("forms")
            .and_then(|f| f.as_table_mut())
            .and_then(|f| f.get_mut("04"))
            .and_then(|f| f.as_table_mut())
            .expect("[forms.04]");
        edit(f04);
        Profile::parse(&toml::to_string(&root).unwrap(), "x.toml").map_err(|e| e.to_string())
    }

    fn first_group(f: &mut toml::Table) -> &mut toml::Table {
        f.get_mut("groups")
            .and_then(|g| g.as_array_mut())
            .and_then(|g| g.first_mut())
            .and_then(|g| g.as_table_mut())
            .expect("a first group")
    }

    fn strings(xs: &[&str]) -> Value {
        Value::Array(xs.iter().map(|x| Value::String(x.to_string())).collect())
    }

    #[test]
    fn the_contents_of_each_group_share_its_items_out_evenly_by_default() {
        let p = Profile::default_profile();
        let parts = |form: Form, g: usize| -> Vec<(String, u16, u16)> {
            p.form(form).groups[g]
                .parts
                .iter()
                .map(|c| (c.name.clone(), c.first, c.last))
                .collect()
        };
        let t = |n: &str, a: u16, b: u16| (n.to_string(), a, b);
        // QĐ 264 (seed 004): the contents of each group, as headings with a capital letter.
        assert_eq!(
            parts(Form::M04, 0),
            [
                t("Trung thực, liêm chính", 1, 8),
                t("Ý thức kỷ luật", 9, 15)
            ]
        );
        assert_eq!(
            parts(Form::M05, 1),
            [
                t("Tôn trọng, tận tụy, phục vụ nhân dân", 16, 19),
                t("Chuyên tâm, trách nhiệm với công việc", 20, 23),
                t("Hợp tác cùng phát triển", 24, 27),
                t("Giao tiếp, trang phục phù hợp", 28, 30),
            ]
        );
        assert_eq!(
            parts(Form::M03, 2),
            [
                t("Gương mẫu, chủ động, quyết đoán", 31, 35),
                t("Định hướng, truyền cảm hứng", 36, 40),
                t("Dân chủ, đoàn kết và khách quan", 41, 45),
            ]
        );
        // No criterion texts: every line is left for the unit to write.
        for form in Form::ALL {
            let f = p.form(form);
            assert_eq!(f.item_texts.len(), usize::from(f.items));
            assert!(f.item_texts.iter().all(String::is_empty));
        }
    }

    #[test]
    fn criterion_texts_and_the_items_of_each_content_are_checked_at_load() {
        // Accepted: runs for the contents, fewer texts than items (the rest left blank), tidied.
        let p = load_form04(|f| {
            first_group(f).insert("content_items".into(), strings(&["1-6", "7-15"]));
            f.insert(
                "item_texts".into(),
                strings(&["  Trung thực khi báo cáo ", "", "Không vụ lợi"]),
            );
        })
        .unwrap();
        let f = p.form(Form::M04);
        let runs: Vec<(u16, u16)> = f.groups[0]
            .parts
            .iter()
            .map(|c| (c.first, c.last))
            .collect();
        assert_eq!(runs, [(1, 6), (7, 15)]);
        assert_eq!(f.item_texts.len(), 30);
        assert_eq!(
            f.item_texts[..4],
            ["Trung thực khi báo cáo", "", "Không vụ lợi", ""]
        );

        // Refused, each naming its key and what is accepted.
        let runs = |xs: &'static [&'static str]| {
            move |f: &mut toml::Table| {
                first_group(f).insert("content_items".into(), strings(xs));
            }
        };
        let key = "forms.04.groups[0].content_items";
        let cases: Vec<(Result<Profile, String>, String)> = vec![
            (load_form04(runs(&["1-15"])), key.to_string()),
            (
                load_form04(runs(&["1-6", "7-15", "16-20"])),
                key.to_string(),
            ),
            (load_form04(runs(&["2-8", "9-15"])), format!("{key}[0]")),
            (load_form04(runs(&["1-6", "8-15"])), format!("{key}[1]")),
            (load_form04(runs(&["1-6", "7-16"])), format!("{key}[1]")),
            (
                load_form04(runs(&["1-6", "7-10, 11-15"])),
                format!("{key}[1]"),
            ),
            (load_form04(runs(&["một", "7-15"])), format!("{key}[0]")),
            (load_form04(runs(&["1-6", "7-14"])), key.to_string()),
            (
                load_form04(|f| {
                    first_group(f).insert("items".into(), Value::String("1-1".into()));
                }),
                "forms.04.groups[0].contents".to_string(),
            ),
            (
                load_form04(|f| {
                    f.insert("item_texts".into(), strings(&["Tiêu chí"; 31]));
                }),
                "forms.04.item_texts".to_string(),
            ),
            (
                load_form04(|f| {
                    let long = "dài ".repeat(130);
                    f.insert("item_texts".into(), strings(&["a", "b", "c", &long]));
                }),
                "forms.04.item_texts[3]".to_string(),
            ),
        ];
        for (result, key) in cases {
            let err = result.expect_err(&key);
            assert!(
                err.contains(&format!("ở khóa '{key}'"))
                    && err.contains(&format!("invalid at key '{key}'")),
                "{key}: {err}"
            );
            assert!(
                err.contains("cần") && err.contains("accepted"),
                "{key}: the message says what is accepted: {err}"
            );
        }
    }

    #[test]
    fn thresholds_follow_the_scale() {
        // A scale of 1–20 lets the thresholds go up to 20.
        let text = with_key(
            &Profile::default_profile().source,
            "scale.max",
            Value::Integer(20),
        );
        let text = with_key(&text, "rules.mandatory_min", Value::Integer(20));
        let p = Profile::parse(&text, "x.toml").unwrap();
        assert_eq!(p.thresholds.mandatory_min, 40);
        assert_eq!(p.scale().max, crate::model::Score::points(20));
        // On a scale of 1–5 the default thresholds (10 and 8) are outside it.
        let err = load_with("scale.max", Value::Integer(5)).unwrap_err();
        assert!(err.contains("rules.mandatory_min"), "{err}");
    }

    #[test]
    fn dates_and_days_of_a_profile_are_in_order() {
        let p = Profile::default_profile();
        // The deadlines of the last month: self-evaluation ≤ authority ≤ mẫu 06 ≤ mẫu 07.
        let err = load_with("deadlines.authority", Value::Integer(20)).unwrap_err();
        assert!(err.contains("'deadlines.authority'"), "{err}");
        let err = load_with("rules.submission_day", Value::Integer(26)).unwrap_err();
        assert!(err.contains("'rules.submission_day'"), "{err}");
        let err = load_with("deadlines.bloc_report", Value::Integer(27)).unwrap_err();
        assert!(err.contains("'deadlines.bloc_report'"), "{err}");
        // Two base salaries from the same date.
        let text = with_key(
            &p.source,
            "base_salary[1].from",
            Value::String("2019-07-01".into()),
        );
        let err = Profile::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("'base_salary[1].from'"), "{err}");
        // A year twice in the calendar.
        let text = with_key(&p.source, "calendar[1].year", Value::Integer(2023));
        let err = Profile::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("'calendar[1].year'"), "{err}");
        // Published before it is signed.
        let text = with_key(
            &p.source,
            "deadlines.commitment_years[0].publish",
            Value::String("2023-02-01".into()),
        );
        let err = Profile::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(
            err.contains("'deadlines.commitment_years[0].publish'"),
            "{err}"
        );
        // No base salary at all.
        let text = p.source.replace("[[base_salary]]", "[[unused]]");
        let mut t: toml::Table = toml::from_str(&p.source).unwrap();
        t.insert("base_salary".into(), Value::Array(Vec::new()));
        let err = Profile::parse(&toml::to_string(&t).unwrap(), "x.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("'base_salary'"), "{err}");
        assert_ne!(text, p.source);
    }

    #[test]
    fn the_source_of_the_default_profile_reloads() {
        // `danhgia profile show` prints the source: it loads again, as written and re-serialised.
        let p = Profile::default_profile();
        Profile::parse(&p.source, "ho-so.toml").unwrap();
        let again = toml::to_string(&toml::from_str::<toml::Table>(&p.source).unwrap()).unwrap();
        let q = Profile::parse(&again, "ho-so.toml").unwrap();
        assert_eq!(q.thresholds, p.thresholds);
        assert_eq!(q.base_salary, p.base_salary);
    }

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
    fn the_review_thresholds_default_when_left_out() {
        let p = Profile::default_profile();
        assert_eq!(p.signs, SignThresholds::default());
        let mut root: toml::Table = toml::from_str(&p.source).unwrap();
        root.remove("bat_thuong");
        let none = Profile::parse(&toml::to_string(&root).unwrap(), "x.toml").unwrap();
        assert_eq!(none.signs, SignThresholds::default());
        let some = with_key(&p.source, "bat_thuong.leader_min_led", Value::Integer(7));
        let mut root: toml::Table = toml::from_str(&some).unwrap();
        let t = root
            .get_mut("bat_thuong")
            .and_then(|t| t.as_table_mut())
            .unwrap();
        t.remove("rate_points");
        let text = toml::to_string(&root).unwrap();
        let p = Profile::parse(&text, "x.toml").unwrap();
        assert_eq!((p.signs.leader_min_led, p.signs.rate_points), (7, 30));
        let err = Profile::parse(&format!("{text}\n[bat_thuong.x]\n"), "x.toml").unwrap_err();
        assert!(err.to_string().contains("x.toml"), "{err}");
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
