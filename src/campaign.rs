//! Campaign profiles (hồ sơ đợt thi đua): emulation campaigns that end in reward proposals for
//! collectives (tập thể) and individuals (cá nhân), such as `loc-binh-2024` and `ha-dong-cchc`
//! (SPEC §2 "Other campaigns"). A campaign profile says how many proposals are allowed, when
//! dossiers are received, which award forms exist and what a dossier holds; the proposal
//! workbook (one row per proposal) is checked against it, each breach with its own code.
//!
//! The profile and the rules are pure; reading the workbooks is in [`crate::reader::campaign`].

use crate::finding::{Detail, Severity};
use crate::i18n::Lang;
use crate::profile::ProfileError;
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;

/// The embedded campaign profiles: (name, TOML text).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("loc-binh-2024", include_str!("profiles/loc-binh-2024.toml")),
    ("ha-dong-cchc", include_str!("profiles/ha-dong-cchc.toml")),
];

pub const SCHEMA: &str = "danhgia/de-nghi/v1";

/// The sheet of the proposal workbook.
pub const SHEET: &str = "Đề nghị khen thưởng";
/// The optional sheet with the campaign's year and, for a deadline counted from an event, the
/// event's date.
pub const SHEET_INFO: &str = "Thông tin";

/// Collective or individual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    TapThe,
    CaNhan,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::TapThe => "tap-the",
            Kind::CaNhan => "ca-nhan",
        }
    }
    pub fn from_code(s: &str) -> Option<Kind> {
        match s {
            "tap-the" => Some(Kind::TapThe),
            "ca-nhan" => Some(Kind::CaNhan),
            _ => None,
        }
    }
    /// "Tập thể" / "Cá nhân", as written in the workbook.
    pub fn label(self) -> &'static str {
        match self {
            Kind::TapThe => "Tập thể",
            Kind::CaNhan => "Cá nhân",
        }
    }
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::TapThe, Lang::Vi) => "tập thể",
            (Kind::CaNhan, Lang::Vi) => "cá nhân",
            (Kind::TapThe, Lang::En) => "collective",
            (Kind::CaNhan, Lang::En) => "individual",
        }
    }
    /// The kind written in a `Loại` cell: "Tập thể", "tap the", "TT", "Cá nhân", "CN".
    pub fn parse(s: &str) -> Option<Kind> {
        match text::key(s).as_str() {
            "tap the" | "tt" | "tapthe" | "collective" => Some(Kind::TapThe),
            "ca nhan" | "cn" | "canhan" | "individual" => Some(Kind::CaNhan),
            _ => None,
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// An award form (hình thức khen thưởng).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    pub name: String,
    pub aliases: Vec<String>,
    /// The kinds of proposal it can be given to.
    pub kinds: Vec<Kind>,
}

impl Award {
    fn matches(&self, key: &str) -> bool {
        text::key(&self.name) == key || self.aliases.iter().any(|a| text::key(a) == key)
    }
}

/// A part of the dossier: a column of the workbook marked when the document is there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierPart {
    pub column: String,
    pub label: String,
}

/// When dossiers are received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Window {
    /// From one date to another, both included.
    Fixed { from: NaiveDate, to: NaiveDate },
    /// Within `days` days of an event whose date the workbook's `Thông tin` sheet gives.
    After { event: String, days: u32 },
}

/// A count allowed across the whole district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Clone)]
pub struct Campaign {
    pub name: String,
    pub title: String,
    pub plan: String,
    pub issuer: String,
    pub receiver: String,
    pub place: String,
    pub year: Option<i32>,
    /// At most this many proposals (collectives and individuals together) per unit.
    pub per_unit: Option<u32>,
    pub collectives: Option<Range>,
    pub individuals: Option<Range>,
    pub window: Window,
    pub awards: Vec<Award>,
    pub dossier: Vec<DossierPart>,
    /// The TOML text.
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCampaign {
    kind: String,
    name: String,
    title: String,
    plan: String,
    issuer: String,
    receiver: String,
    place: String,
    #[serde(default)]
    year: Option<i32>,
    limits: RawLimits,
    window: RawWindow,
    awards: Vec<RawAward>,
    dossier: Vec<RawPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    #[serde(default)]
    per_unit: Option<u32>,
    #[serde(default)]
    collectives: Option<RawRange>,
    #[serde(default)]
    individuals: Option<RawRange>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    min: u32,
    max: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWindow {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    days: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAward {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(rename = "for")]
    kinds: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    column: String,
    label: String,
}

/// Does this TOML text hold a campaign profile (`kind = "campaign"`)?
pub fn is_campaign_text(text: &str) -> bool {
    toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| {
            t.get("kind")
                .and_then(|k| k.as_str().map(|s| s == "campaign"))
        })
        .unwrap_or(false)
}

impl Campaign {
    pub fn embedded(name: &str) -> Option<Campaign> {
        EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(n, t)| Campaign::parse(t, n).ok())
    }

    pub fn parse(text: &str, origin: &str) -> Result<Campaign, ProfileError> {
        let raw: RawCampaign = toml::from_str(text).map_err(|e| ProfileError::Syntax {
            origin: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let invalid = |key: &str, message: String| ProfileError::Invalid {
            origin: origin.to_string(),
            key: key.to_string(),
            message,
        };
        if raw.kind != "campaign" {
            return Err(invalid(
                "kind",
                "hồ sơ đợt thi đua cần kind = \"campaign\"".into(),
            ));
        }
        let date = |s: &str, key: &str| {
            crate::calendar::parse_iso(s)
                .ok_or_else(|| invalid(key, format!("'{s}' không phải ngày YYYY-MM-DD")))
        };
        let w = &raw.window;
        let window = match (&w.from, &w.to, &w.after, w.days) {
            (Some(from), Some(to), None, None) => {
                let (from, to) = (date(from, "window.from")?, date(to, "window.to")?);
                if from > to {
                    return Err(invalid("window", "ngày 'from' sau ngày 'to'".into()));
                }
                Window::Fixed { from, to }
            }
            (None, None, Some(event), Some(days)) => Window::After {
                event: event.clone(),
                days,
            },
            _ => {
                return Err(invalid(
                    "window",
                    "cần from và to (khoảng ngày nhận hồ sơ), hoặc after và days (số ngày kể từ một sự kiện)".into(),
                ))
            }
        };
        let range = |r: &Option<RawRange>, key: &str| -> Result<Option<Range>, ProfileError> {
            match r {
                None => Ok(None),
                Some(r) if r.min <= r.max => Ok(Some(Range {
                    min: r.min,
                    max: r.max,
                })),
                Some(_) => Err(invalid(key, "cần min ≤ max".into())),
            }
        };
        let mut awards = Vec::new();
        for (i, a) in raw.awards.iter().enumerate() {
            let mut kinds = Vec::new();
            for k in &a.kinds {
                kinds.push(Kind::from_code(k).ok_or_else(|| {
                    invalid(
                        &format!("awards[{i}].for"),
                        format!("'{k}': dùng tap-the hoặc ca-nhan"),
                    )
                })?);
            }
            if kinds.is_empty() {
                return Err(invalid(
                    &format!("awards[{i}].for"),
                    "cần ít nhất một loại".into(),
                ));
            }
            awards.push(Award {
                name: a.name.clone(),
                aliases: a.aliases.clone(),
                kinds,
            });
        }
        if awards.is_empty() {
            return Err(invalid(
                "awards",
                "cần ít nhất một hình thức khen thưởng".into(),
            ));
        }
        if raw.per_unit_is_zero() {
            return Err(invalid("limits.per_unit", "cần từ 1 trở lên".into()));
        }
        Ok(Campaign {
            name: raw.name,
            title: raw.title,
            plan: raw.plan,
            issuer: raw.issuer,
            receiver: raw.receiver,
            place: raw.place,
            year: raw.year,
            per_unit: raw.limits.per_unit,
            collectives: range(&raw.limits.collectives, "limits.collectives")?,
            individuals: range(&raw.limits.individuals, "limits.individuals")?,
            window,
            awards,
            dossier: raw
                .dossier
                .iter()
                .map(|d| DossierPart {
                    column: d.column.clone(),
                    label: d.label.clone(),
                })
                .collect(),
            source: text.to_string(),
        })
    }

    /// The award a `Hình thức` cell names.
    pub fn award(&self, written: &str) -> Option<&Award> {
        let k = text::key(written);
        self.awards.iter().find(|a| a.matches(&k))
    }

    /// The limit of a kind across the district.
    pub fn range(&self, kind: Kind) -> Option<Range> {
        match kind {
            Kind::TapThe => self.collectives,
            Kind::CaNhan => self.individuals,
        }
    }

    /// The campaign's rules in plain words, one per line (for `Hướng dẫn` and the docs).
    pub fn rules_words(&self, lang: Lang) -> Vec<String> {
        let vi = lang == Lang::Vi;
        let d = |x: &NaiveDate| x.format("%d/%m/%Y").to_string();
        let mut out = Vec::new();
        if let Some(n) = self.per_unit {
            out.push(if vi {
                format!("Mỗi cơ quan, đơn vị đề nghị không quá {n} tập thể, cá nhân (cộng chung).")
            } else {
                format!("Each unit proposes at most {n} collectives and individuals together.")
            });
        }
        for kind in [Kind::TapThe, Kind::CaNhan] {
            if let Some(r) = self.range(kind) {
                out.push(if vi {
                    format!(
                        "Toàn địa bàn khen thưởng từ {} đến {} {}.",
                        r.min,
                        r.max,
                        kind.words(lang)
                    )
                } else {
                    format!(
                        "District-wide, from {} to {} {}s are rewarded.",
                        r.min,
                        r.max,
                        kind.words(lang)
                    )
                });
            }
        }
        out.push(match (&self.window, vi) {
            (Window::Fixed { from, to }, true) => format!(
                "Hồ sơ được nhận từ ngày {} đến ngày {}; hồ sơ gửi trước hoặc sau thời gian này không được xét.",
                d(from),
                d(to)
            ),
            (Window::Fixed { from, to }, false) => format!(
                "Dossiers are received from {} to {}; dossiers outside this period are not considered.",
                d(from),
                d(to)
            ),
            (Window::After { event, days }, true) => format!(
                "Hồ sơ gửi chậm nhất {days} ngày kể từ '{event}' (ghi ở trang 'Thông tin'); hồ sơ nộp muộn không được xét."
            ),
            (Window::After { event, days }, false) => format!(
                "Dossiers are due within {days} days of '{event}' (given in the 'Thông tin' sheet); late dossiers are not considered."
            ),
        });
        let parts: Vec<&str> = self.dossier.iter().map(|p| p.label.as_str()).collect();
        if !parts.is_empty() {
            out.push(if vi {
                format!("Hồ sơ gồm: {}.", parts.join("; "))
            } else {
                format!("A dossier holds: {}.", parts.join("; "))
            });
        }
        let awards: Vec<String> = self
            .awards
            .iter()
            .map(|a| {
                let kinds: Vec<&str> = a.kinds.iter().map(|k| k.words(lang)).collect();
                format!("{} ({})", a.name, kinds.join(", "))
            })
            .collect();
        out.push(if vi {
            format!("Hình thức khen thưởng: {}.", awards.join("; "))
        } else {
            format!("Award forms: {}.", awards.join("; "))
        });
        out
    }
}

impl RawCampaign {
    fn per_unit_is_zero(&self) -> bool {
        self.limits.per_unit == Some(0)
    }
}

// ---------------------------------------------------------------------------------------------
// Findings

/// The codes of a campaign check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CampaignCode {
    /// A code shared with unit workbooks (file-unreadable, sheet-missing, …).
    Common(crate::finding::Code),
    ProposalTypeInvalid,
    AwardFormInvalid,
    DossierIncomplete,
    ProposalEarly,
    ProposalLate,
    ProposalOverUnitLimit,
    CampaignOverLimit,
    CampaignUnderLimit,
}

impl CampaignCode {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignCode::Common(c) => c.as_str(),
            CampaignCode::ProposalTypeInvalid => "proposal-type-invalid",
            CampaignCode::AwardFormInvalid => "award-form-invalid",
            CampaignCode::DossierIncomplete => "dossier-incomplete",
            CampaignCode::ProposalEarly => "proposal-early",
            CampaignCode::ProposalLate => "proposal-late",
            CampaignCode::ProposalOverUnitLimit => "proposal-over-unit-limit",
            CampaignCode::CampaignOverLimit => "campaign-over-limit",
            CampaignCode::CampaignUnderLimit => "campaign-under-limit",
        }
    }
    pub fn severity(self) -> Severity {
        match self {
            CampaignCode::Common(c) => c.severity(),
            CampaignCode::CampaignUnderLimit => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Serialize for CampaignCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The facts of a campaign finding.
#[derive(Debug, Clone, PartialEq)]
pub enum CampaignDetail {
    /// A finding shared with unit workbooks.
    Common(Detail),
    /// `Đơn vị` or `Tên` left blank on a proposal row.
    Blank {
        column: &'static str,
    },
    /// The date a relative deadline counts from is not given in `Thông tin`.
    EventMissing {
        event: String,
    },
    ReceivedMissing,
    TypeInvalid {
        value: String,
    },
    AwardUnknown {
        value: String,
        known: Vec<String>,
    },
    AwardNotForKind {
        award: String,
        kind: Kind,
    },
    DossierMissing {
        label: String,
        column: String,
    },
    Early {
        received: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    LateFixed {
        received: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    LateAfter {
        received: NaiveDate,
        deadline: NaiveDate,
        event: String,
        event_date: NaiveDate,
        days: u32,
    },
    OverUnitLimit {
        unit: String,
        limit: u32,
        rank: u32,
    },
    OverLimit {
        kind: Kind,
        valid: u32,
        max: u32,
    },
    UnderLimit {
        kind: Kind,
        valid: u32,
        min: u32,
    },
}

impl CampaignDetail {
    pub fn code(&self) -> CampaignCode {
        use CampaignDetail::*;
        match self {
            Common(d) => CampaignCode::Common(d.code()),
            Blank { .. } | EventMissing { .. } => {
                CampaignCode::Common(crate::finding::Code::InfoMissing)
            }
            ReceivedMissing => CampaignCode::Common(crate::finding::Code::DateInvalid),
            TypeInvalid { .. } => CampaignCode::ProposalTypeInvalid,
            AwardUnknown { .. } | AwardNotForKind { .. } => CampaignCode::AwardFormInvalid,
            DossierMissing { .. } => CampaignCode::DossierIncomplete,
            Early { .. } => CampaignCode::ProposalEarly,
            LateFixed { .. } | LateAfter { .. } => CampaignCode::ProposalLate,
            OverUnitLimit { .. } => CampaignCode::ProposalOverUnitLimit,
            OverLimit { .. } => CampaignCode::CampaignOverLimit,
            UnderLimit { .. } => CampaignCode::CampaignUnderLimit,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use CampaignDetail::*;
        let vi = lang == Lang::Vi;
        let d = |x: &NaiveDate| x.format("%d/%m/%Y").to_string();
        match self {
            Common(detail) => detail.message(lang),
            Blank { column } => if vi {
                format!("Dòng đề nghị này thiếu '{column}'. Điền '{column}' (tên cơ quan, đơn vị đề nghị; tên tập thể hoặc họ tên cá nhân được đề nghị).")
            } else {
                format!("This proposal has no '{column}'. Fill it in (the proposing unit; the collective's name or the person's full name).")
            },
            EventMissing { event } => if vi {
                format!("Thiếu '{event}' ở trang 'Thông tin' (nhãn ở cột A, ngày ở cột B) nên không tính được hạn nộp hồ sơ; chưa đề nghị nào được coi là hợp lệ. Điền ngày này (dd/mm/yyyy).")
            } else {
                format!("'{event}' is missing from the 'Thông tin' sheet (label in column A, date in column B), so the deadline cannot be worked out and no proposal counts as valid. Fill in that date (dd/mm/yyyy).")
            },
            ReceivedMissing => tr(vi,
                "Chưa ghi 'Ngày nhận' hồ sơ nên không kiểm tra được thời hạn. Ghi ngày nhận dạng dd/mm/yyyy.",
                "'Ngày nhận' (date received) is blank, so the deadline cannot be checked. Write it as dd/mm/yyyy."),
            TypeInvalid { value } => if vi {
                format!("'Loại' là '{value}': chỉ ghi 'Tập thể' hoặc 'Cá nhân'.")
            } else {
                format!("'Loại' is '{value}': write 'Tập thể' (collective) or 'Cá nhân' (individual).")
            },
            AwardUnknown { value, known } => if vi {
                if value.is_empty() {
                    format!("Chưa ghi 'Hình thức' khen thưởng. Ghi một trong: {}.", known.join("; "))
                } else {
                    format!("Hình thức '{value}' không có trong kế hoạch của đợt thi đua. Ghi một trong: {}.", known.join("; "))
                }
            } else if value.is_empty() {
                format!("'Hình thức' (award form) is blank. Write one of: {}.", known.join("; "))
            } else {
                format!("The award form '{value}' is not one of the campaign's. Write one of: {}.", known.join("; "))
            },
            AwardNotForKind { award, kind } => if vi {
                format!("'{award}' không tặng cho {}. Chọn hình thức khác hoặc sửa cột 'Loại'.", kind.words(lang))
            } else {
                format!("'{award}' is not given to a {}. Choose another award form or correct 'Loại'.", kind.words(lang))
            },
            DossierMissing { label, column } => if vi {
                format!("Hồ sơ thiếu '{label}' (cột '{column}' để trống). Hồ sơ thiếu thành phần không được xét; bổ sung rồi ghi 'x' ở cột này.")
            } else {
                format!("The dossier lacks '{label}' (column '{column}' is blank). An incomplete dossier is not considered; add it and mark the column with 'x'.")
            },
            Early { received, from, to } => if vi {
                format!("Hồ sơ nhận ngày {}, trước thời gian tiếp nhận ({} – {}). Hồ sơ phải gửi trong thời gian tiếp nhận.", d(received), d(from), d(to))
            } else {
                format!("Received on {}, before the reception period ({} – {}). Dossiers must be sent within the period.", d(received), d(from), d(to))
            },
            LateFixed { received, from, to } => if vi {
                format!("Hồ sơ nhận ngày {}, sau thời gian tiếp nhận ({} – {}): hồ sơ nộp muộn không được xét.", d(received), d(from), d(to))
            } else {
                format!("Received on {}, after the reception period ({} – {}): late dossiers are not considered.", d(received), d(from), d(to))
            },
            LateAfter { received, deadline, event, event_date, days } => if vi {
                format!("Hồ sơ nhận ngày {}, sau hạn {} ({days} ngày kể từ '{event}' {}): hồ sơ nộp muộn không được xét.", d(received), d(deadline), d(event_date))
            } else {
                format!("Received on {}, after the deadline {} ({days} days from '{event}' {}): late dossiers are not considered.", d(received), d(deadline), d(event_date))
            },
            OverUnitLimit { unit, limit, rank } => if vi {
                format!("'{unit}' đã đề nghị {limit} tập thể, cá nhân ở các dòng trên; đây là đề nghị thứ {rank}, vượt mức tối đa {limit} mỗi đơn vị nên không được xét.")
            } else {
                format!("'{unit}' already proposed {limit} collectives or individuals above; this is proposal number {rank}, over the limit of {limit} per unit, and is not considered.")
            },
            OverLimit { kind, valid, max } => if vi {
                format!("Có {valid} {} đủ điều kiện, nhiều hơn mức tối đa {max} của kế hoạch: Hội đồng Thi đua - Khen thưởng cần bình xét, chọn không quá {max}.", kind.words(lang))
            } else {
                format!("{valid} {}s qualify, more than the plan's maximum of {max}: the emulation council must select at most {max}.", kind.words(lang))
            },
            UnderLimit { kind, valid, min } => if vi {
                format!("Chỉ có {valid} {} đủ điều kiện, ít hơn mức {min} của kế hoạch.", kind.words(lang))
            } else {
                format!("Only {valid} {}s qualify, fewer than the plan's {min}.", kind.words(lang))
            },
        }
    }
}

fn tr(vi: bool, v: &str, e: &str) -> String {
    if vi { v } else { e }.to_string()
}

/// A located campaign finding.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFinding {
    pub file: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    /// The proposal's `Tên`, when the finding is about one proposal.
    pub person: Option<String>,
    pub detail: CampaignDetail,
}

impl CampaignFinding {
    pub fn code(&self) -> CampaignCode {
        self.detail.code()
    }
    pub fn severity(&self) -> Severity {
        self.code().severity()
    }
}

#[derive(Serialize)]
struct FindingOut<'a> {
    severity: Severity,
    code: CampaignCode,
    file: &'a str,
    sheet: Option<&'a str>,
    cell: Option<&'a str>,
    person: Option<&'a str>,
    message: String,
}

// ---------------------------------------------------------------------------------------------
// The proposal workbook as values, and the check

/// One proposal row as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRow {
    pub file: String,
    pub sheet: String,
    /// Zero-based row.
    pub row: u32,
    pub unit: String,
    pub unit_cell: String,
    pub kind_text: String,
    pub kind_cell: String,
    pub name: String,
    pub name_cell: String,
    pub award_text: String,
    pub award_cell: String,
    /// `Ok(date)`, `Err(text)` when it is not a date (already reported), or blank (`Err("")`).
    pub received: Result<NaiveDate, String>,
    pub received_cell: String,
    /// One per dossier part of the profile: (present, cell).
    pub dossier: Vec<(bool, String)>,
    pub note: String,
}

/// One workbook as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignInput {
    pub file: String,
    pub rows: Vec<ProposalRow>,
    /// The event date a relative deadline counts from (`Thông tin`).
    pub event_date: Option<NaiveDate>,
    pub year: Option<i32>,
}

/// A checked proposal.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedProposal {
    pub file: String,
    /// One-based row, as Excel shows it.
    pub row: u32,
    pub unit: String,
    pub kind: Option<Kind>,
    pub name: String,
    /// The award's full name when recognised, else as written.
    pub award: String,
    pub received: Option<NaiveDate>,
    pub status: ProposalStatus,
    pub codes: Vec<CampaignCode>,
    #[serde(skip)]
    pub dossier: Vec<bool>,
    #[serde(skip)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalStatus {
    HopLe,
    KhongHopLe,
}

impl ProposalStatus {
    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::HopLe => "hop-le",
            ProposalStatus::KhongHopLe => "khong-hop-le",
        }
    }
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ProposalStatus::HopLe, Lang::Vi) => "Hợp lệ",
            (ProposalStatus::HopLe, Lang::En) => "Valid",
            (ProposalStatus::KhongHopLe, Lang::Vi) => "Không hợp lệ",
            (ProposalStatus::KhongHopLe, Lang::En) => "Not valid",
        }
    }
}

impl Serialize for ProposalStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The outcome of a campaign check.
#[derive(Debug, Clone)]
pub struct CampaignCheck {
    pub proposals: Vec<CheckedProposal>,
    pub findings: Vec<CampaignFinding>,
    pub year: Option<i32>,
}

impl CampaignCheck {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count()
    }
    pub fn valid(&self, kind: Kind) -> u32 {
        self.proposals
            .iter()
            .filter(|p| p.status == ProposalStatus::HopLe && p.kind == Some(kind))
            .count() as u32
    }
}

/// Checks the proposals read from the workbooks against the campaign. `findings` are those of
/// reading (they are kept, in front).
pub fn check(
    inputs: &[CampaignInput],
    findings: Vec<CampaignFinding>,
    c: &Campaign,
) -> CampaignCheck {
    let mut findings = findings;
    let mut proposals = Vec::new();
    let mut per_unit: HashMap<String, u32> = HashMap::new();
    for input in inputs {
        for r in &input.rows {
            let mut row_findings: Vec<(String, CampaignDetail)> = Vec::new();
            if r.unit.is_empty() {
                row_findings.push((
                    r.unit_cell.clone(),
                    CampaignDetail::Blank {
                        column: "Đơn vị"
                    },
                ));
            }
            if r.name.is_empty() {
                row_findings.push((r.name_cell.clone(), CampaignDetail::Blank { column: "Tên" }));
            }
            let kind = Kind::parse(&r.kind_text);
            if kind.is_none() {
                row_findings.push((
                    r.kind_cell.clone(),
                    CampaignDetail::TypeInvalid {
                        value: r.kind_text.clone(),
                    },
                ));
            }
            let award = c.award(&r.award_text);
            match (award, kind) {
                (None, _) => row_findings.push((
                    r.award_cell.clone(),
                    CampaignDetail::AwardUnknown {
                        value: r.award_text.clone(),
                        known: c.awards.iter().map(|a| a.name.clone()).collect(),
                    },
                )),
                (Some(a), Some(k)) if !a.kinds.contains(&k) => row_findings.push((
                    r.award_cell.clone(),
                    CampaignDetail::AwardNotForKind {
                        award: a.name.clone(),
                        kind: k,
                    },
                )),
                _ => {}
            }
            let received = r.received.as_ref().ok().copied();
            match (&r.received, &c.window) {
                (Err(t), _) if t.is_empty() => {
                    row_findings.push((r.received_cell.clone(), CampaignDetail::ReceivedMissing))
                }
                (Err(_), _) => {} // reported while reading
                (Ok(day), Window::Fixed { from, to }) => {
                    if day < from {
                        row_findings.push((
                            r.received_cell.clone(),
                            CampaignDetail::Early {
                                received: *day,
                                from: *from,
                                to: *to,
                            },
                        ));
                    } else if day > to {
                        row_findings.push((
                            r.received_cell.clone(),
                            CampaignDetail::LateFixed {
                                received: *day,
                                from: *from,
                                to: *to,
                            },
                        ));
                    }
                }
                (Ok(day), Window::After { event, days }) => {
                    if let Some(event_date) = input.event_date {
                        let deadline = event_date
                            .checked_add_signed(chrono::Duration::days(i64::from(*days)))
                            .unwrap_or(NaiveDate::MAX);
                        if *day > deadline {
                            row_findings.push((
                                r.received_cell.clone(),
                                CampaignDetail::LateAfter {
                                    received: *day,
                                    deadline,
                                    event: event.clone(),
                                    event_date,
                                    days: *days,
                                },
                            ));
                        }
                    }
                }
            }
            for (part, (present, cell)) in c.dossier.iter().zip(&r.dossier) {
                if !present {
                    row_findings.push((
                        cell.clone(),
                        CampaignDetail::DossierMissing {
                            label: part.label.clone(),
                            column: part.column.clone(),
                        },
                    ));
                }
            }
            if let Some(limit) = c.per_unit {
                if !r.unit.is_empty() {
                    let n = per_unit.entry(text::key(&r.unit)).or_default();
                    *n += 1;
                    if *n > limit {
                        row_findings.push((
                            r.name_cell.clone(),
                            CampaignDetail::OverUnitLimit {
                                unit: r.unit.clone(),
                                limit,
                                rank: *n,
                            },
                        ));
                    }
                }
            }
            let mut codes: Vec<CampaignCode> = row_findings.iter().map(|(_, d)| d.code()).collect();
            codes.dedup();
            // A deadline counted from an event that is not given cannot be checked.
            let unknown_deadline =
                matches!(c.window, Window::After { .. }) && input.event_date.is_none();
            if unknown_deadline {
                codes.push(CampaignCode::Common(crate::finding::Code::InfoMissing));
            }
            let valid = !row_findings
                .iter()
                .any(|(_, d)| d.code().severity() == Severity::Error)
                && r.received.is_ok()
                && !unknown_deadline;
            if r.received.is_err()
                && !codes.contains(&CampaignCode::Common(crate::finding::Code::DateInvalid))
            {
                codes.push(CampaignCode::Common(crate::finding::Code::DateInvalid));
            }
            for (cell, detail) in row_findings {
                findings.push(CampaignFinding {
                    file: r.file.clone(),
                    sheet: Some(r.sheet.clone()),
                    cell: Some(cell),
                    person: (!r.name.is_empty()).then(|| r.name.clone()),
                    detail,
                });
            }
            proposals.push(CheckedProposal {
                file: r.file.clone(),
                row: r.row + 1,
                unit: r.unit.clone(),
                kind,
                name: r.name.clone(),
                award: award.map_or_else(|| r.award_text.clone(), |a| a.name.clone()),
                received,
                status: if valid {
                    ProposalStatus::HopLe
                } else {
                    ProposalStatus::KhongHopLe
                },
                codes,
                dossier: r.dossier.iter().map(|(p, _)| *p).collect(),
                note: r.note.clone(),
            });
        }
    }
    let mut check = CampaignCheck {
        proposals,
        findings,
        year: c.year.or_else(|| inputs.iter().find_map(|i| i.year)),
    };
    // District-wide counts, on the valid proposals, reported on the first workbook; not when a
    // deadline is unknown (no proposal can be counted as valid then).
    let deadline_unknown =
        matches!(c.window, Window::After { .. }) && inputs.iter().any(|i| i.event_date.is_none());
    if let Some(file) = inputs
        .first()
        .filter(|_| !deadline_unknown)
        .map(|i| i.file.clone())
    {
        for kind in [Kind::TapThe, Kind::CaNhan] {
            let Some(r) = c.range(kind) else { continue };
            let valid = check.valid(kind);
            let detail = if valid > r.max {
                CampaignDetail::OverLimit {
                    kind,
                    valid,
                    max: r.max,
                }
            } else if valid < r.min {
                CampaignDetail::UnderLimit {
                    kind,
                    valid,
                    min: r.min,
                }
            } else {
                continue;
            };
            check.findings.push(CampaignFinding {
                file: file.clone(),
                sheet: Some(SHEET.to_string()),
                cell: None,
                person: None,
                detail,
            });
        }
    }
    check
}

/// The campaign document (`danhgia/de-nghi/v1`) as JSON.
pub fn to_json(check: &CampaignCheck, c: &Campaign, lang: Lang) -> String {
    #[derive(Serialize)]
    struct Summary {
        proposals: u32,
        valid: u32,
        collectives: u32,
        individuals: u32,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: &'static str,
        profile: &'a str,
        year: Option<i32>,
        proposals: &'a [CheckedProposal],
        summary: Summary,
        findings: Vec<FindingOut<'a>>,
    }
    let doc = Doc {
        schema: SCHEMA,
        profile: &c.name,
        year: check.year,
        proposals: &check.proposals,
        summary: Summary {
            proposals: check.proposals.len() as u32,
            valid: check
                .proposals
                .iter()
                .filter(|p| p.status == ProposalStatus::HopLe)
                .count() as u32,
            collectives: check.valid(Kind::TapThe),
            individuals: check.valid(Kind::CaNhan),
        },
        findings: check
            .findings
            .iter()
            .map(|f| FindingOut {
                severity: f.severity(),
                code: f.code(),
                file: &f.file,
                sheet: f.sheet.as_deref(),
                cell: f.cell.as_deref(),
                person: f.person.as_deref(),
                message: f.detail.message(lang),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// The campaign check for people.
pub fn text_report(check: &CampaignCheck, c: &Campaign, lang: Lang) -> String {
    use std::fmt::Write;
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        if vi {
            "THẨM ĐỊNH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG"
        } else {
            "CHECK OF THE REWARD PROPOSALS"
        }
    );
    let _ = writeln!(s, "{} ({})", c.title, c.name);
    for rule in c.rules_words(lang) {
        let _ = writeln!(s, "  - {rule}");
    }
    let _ = writeln!(s);
    for p in &check.proposals {
        let mark = match p.status {
            ProposalStatus::HopLe => "✓",
            ProposalStatus::KhongHopLe => "✗",
        };
        let codes: Vec<&str> = p.codes.iter().map(|c| c.as_str()).collect();
        let _ = writeln!(
            s,
            "{mark} {}:{} {} — {} ({}) — {}{}",
            p.file,
            p.row,
            p.unit,
            p.name,
            p.kind.map_or("?", |k| k.words(lang)),
            p.award,
            if codes.is_empty() {
                String::new()
            } else {
                format!(" — {}", codes.join(", "))
            }
        );
    }
    let valid = check
        .proposals
        .iter()
        .filter(|p| p.status == ProposalStatus::HopLe)
        .count();
    let _ = writeln!(s);
    let _ = if vi {
        writeln!(
            s,
            "{} đề nghị, {} hợp lệ ({} tập thể, {} cá nhân), {} không hợp lệ.",
            check.proposals.len(),
            valid,
            check.valid(Kind::TapThe),
            check.valid(Kind::CaNhan),
            check.proposals.len() - valid
        )
    } else {
        writeln!(
            s,
            "{} proposals, {} valid (collectives: {}, individuals: {}), {} not valid.",
            check.proposals.len(),
            valid,
            check.valid(Kind::TapThe),
            check.valid(Kind::CaNhan),
            check.proposals.len() - valid
        )
    };
    if !check.findings.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{}",
            if vi {
                "LỖI VÀ CẢNH BÁO"
            } else {
                "ERRORS AND WARNINGS"
            }
        );
        let mut current: Option<&str> = None;
        for f in &check.findings {
            if current != Some(f.file.as_str()) {
                let _ = writeln!(s, "{}", f.file);
                current = Some(&f.file);
            }
            let mut loc = String::new();
            if let Some(sheet) = &f.sheet {
                loc.push_str(sheet);
                if let Some(cell) = &f.cell {
                    loc.push('!');
                    loc.push_str(cell);
                }
                loc.push(' ');
            }
            if let Some(p) = &f.person {
                loc.push_str(&format!("[{p}] "));
            }
            let _ = writeln!(
                s,
                "  {loc}{} {}: {}",
                f.severity().word(lang),
                f.code().as_str(),
                f.detail.message(lang)
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn row(
        unit: &str,
        kind: &str,
        name: &str,
        award: &str,
        received: NaiveDate,
        docs: [bool; 3],
        r: u32,
    ) -> ProposalRow {
        let cell = |c: char| format!("{c}{}", r + 1);
        ProposalRow {
            file: "de-nghi.xlsx".into(),
            sheet: SHEET.into(),
            row: r,
            unit: unit.into(),
            unit_cell: cell('B'),
            kind_text: kind.into(),
            kind_cell: cell('C'),
            name: name.into(),
            name_cell: cell('D'),
            award_text: award.into(),
            award_cell: cell('E'),
            received: Ok(received),
            received_cell: cell('F'),
            dossier: docs
                .iter()
                .zip(['G', 'H', 'I'])
                .map(|(p, c)| (*p, cell(c)))
                .collect(),
            note: String::new(),
        }
    }

    fn input(rows: Vec<ProposalRow>, event: Option<NaiveDate>) -> CampaignInput {
        CampaignInput {
            file: "de-nghi.xlsx".into(),
            rows,
            event_date: event,
            year: None,
        }
    }

    fn codes(check: &CampaignCheck) -> Vec<(&str, Option<&str>)> {
        check
            .findings
            .iter()
            .map(|f| (f.code().as_str(), f.cell.as_deref()))
            .collect()
    }

    #[test]
    fn the_embedded_campaigns_load() {
        let lb = Campaign::embedded("loc-binh-2024").unwrap();
        assert_eq!(lb.per_unit, Some(2));
        assert_eq!(
            lb.window,
            Window::Fixed {
                from: d(2024, 3, 25),
                to: d(2024, 3, 27)
            }
        );
        assert_eq!(
            lb.award("giấy khen").unwrap().name,
            "Giấy khen của Chủ tịch UBND huyện"
        );
        assert_eq!(
            lb.award("BẰNG KHEN").unwrap().name,
            "Bằng khen của Chủ tịch UBND tỉnh"
        );
        assert!(lb.award("Cờ thi đua").is_none());
        assert_eq!(lb.dossier.len(), 3);
        let hd = Campaign::embedded("ha-dong-cchc").unwrap();
        assert_eq!(hd.collectives, Some(Range { min: 5, max: 10 }));
        assert_eq!(hd.individuals, Some(Range { min: 10, max: 20 }));
        assert_eq!(hd.award("Cờ thi đua").unwrap().kinds, vec![Kind::TapThe]);
        assert!(is_campaign_text(&hd.source));
        assert!(!is_campaign_text(
            &crate::profile::Profile::default_profile().source
        ));
    }

    #[test]
    fn loc_binh_rules() {
        let c = Campaign::embedded("loc-binh-2024").unwrap();
        let ok = d(2024, 3, 26);
        let rows = vec![
            row(
                "Trường THCS A",
                "Tập thể",
                "Trường THCS A",
                "Giấy khen",
                ok,
                [true; 3],
                1,
            ),
            row(
                "Trường THCS A",
                "Cá nhân",
                "Nguyễn Văn B",
                "Bằng khen",
                ok,
                [true; 3],
                2,
            ),
            row(
                "trường thcs a",
                "Cá nhân",
                "Trần Thị C",
                "Giấy khen",
                ok,
                [true; 3],
                3,
            ),
            row(
                "Trường TH D",
                "Cá nhân",
                "Lê Văn E",
                "Giấy khen",
                d(2024, 3, 28),
                [true; 3],
                4,
            ),
            row(
                "Trường TH D",
                "Cá nhân",
                "Phạm F",
                "Giấy khen",
                d(2024, 3, 22),
                [true, false, true],
                5,
            ),
            row(
                "Trường TH G",
                "Nhóm",
                "Tổ Toán",
                "Cờ thi đua",
                ok,
                [true; 3],
                6,
            ),
        ];
        let check = check(&[input(rows, None)], Vec::new(), &c);
        assert_eq!(
            codes(&check),
            vec![
                ("proposal-over-unit-limit", Some("D4")),
                ("proposal-late", Some("F5")),
                ("proposal-early", Some("F6")),
                ("dossier-incomplete", Some("H6")),
                ("proposal-type-invalid", Some("C7")),
                ("award-form-invalid", Some("E7")),
            ]
        );
        let status: Vec<&str> = check.proposals.iter().map(|p| p.status.code()).collect();
        assert_eq!(
            status,
            [
                "hop-le",
                "hop-le",
                "khong-hop-le",
                "khong-hop-le",
                "khong-hop-le",
                "khong-hop-le"
            ]
        );
        assert_eq!(check.errors(), 6);
    }

    #[test]
    fn ha_dong_rules() {
        let c = Campaign::embedded("ha-dong-cchc").unwrap();
        let event = d(2024, 2, 1);
        let mut rows = Vec::new();
        for i in 0..11u32 {
            rows.push(row(
                "Trường",
                "Tập thể",
                &format!("Trường {i}"),
                "Giấy khen",
                d(2024, 2, 16),
                [true; 3],
                i + 1,
            ));
        }
        rows.push(row(
            "Trường",
            "Cá nhân",
            "Nguyễn A",
            "Cờ thi đua",
            d(2024, 2, 10),
            [true; 3],
            12,
        ));
        rows.push(row(
            "Trường",
            "Cá nhân",
            "Nguyễn B",
            "Bằng khen",
            d(2024, 2, 17),
            [true; 3],
            13,
        ));
        let check = check(&[input(rows, Some(event))], Vec::new(), &c);
        assert_eq!(
            codes(&check),
            vec![
                ("award-form-invalid", Some("E13")),
                ("proposal-late", Some("F14")),
                ("campaign-over-limit", None),
                ("campaign-under-limit", None),
            ]
        );
        assert_eq!(check.valid(Kind::TapThe), 11);
        assert_eq!(check.valid(Kind::CaNhan), 0);
        assert_eq!(check.findings[3].severity(), Severity::Warning);
    }

    #[test]
    fn bad_campaign_profiles_name_the_key() {
        let text = EMBEDDED[0].1.replace("to = \"2024-03-27\"", "");
        let err = Campaign::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("window"), "{err}");
        let text = EMBEDDED[1]
            .1
            .replace("for = [\"tap-the\"]", "for = [\"nhom\"]");
        let err = Campaign::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("awards[0].for"), "{err}");
    }
}
