//! Campaign profiles (hồ sơ đợt thi đua): emulation campaigns that end in reward proposals for
//! collectives (tập thể) and individuals (cá nhân), such as `loc-binh-2024` and `ha-dong-cchc`
//! (SPEC §2 "Other campaigns"). A campaign profile says how many proposals are allowed, when
//! dossiers are received, which award forms exist and what a dossier holds. Pure: no I/O.
//!
//! Checking a proposal workbook against a campaign is in [`crate::campaign`].

use crate::calendar::parse_iso;
use crate::i18n::Lang;
use crate::profile::{Keys, ProfileError};
use crate::text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

/// The embedded campaign profiles: (name, TOML text).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("loc-binh-2024", include_str!("profiles/loc-binh-2024.toml")),
    ("ha-dong-cchc", include_str!("profiles/ha-dong-cchc.toml")),
];

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
    year: Option<i64>,
    limits: RawLimits,
    window: RawWindow,
    awards: Vec<RawAward>,
    dossier: Vec<RawPart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    #[serde(default)]
    per_unit: Option<i64>,
    #[serde(default)]
    collectives: Option<RawRange>,
    #[serde(default)]
    individuals: Option<RawRange>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    min: i64,
    max: i64,
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
    days: Option<i64>,
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
        let k = Keys::new(origin);
        if raw.kind != "campaign" {
            return Err(k.invalid(
                "kind",
                "hồ sơ đợt thi đua cần kind = \"campaign\"",
                "a campaign profile needs kind = \"campaign\"",
            ));
        }
        // Every number is checked at load against the range the checks can use.
        let year: Option<i32> = raw
            .year
            .map(|y| {
                k.int(
                    "year",
                    y,
                    MIN_YEAR,
                    MAX_YEAR,
                    ("năm của đợt thi đua", "the year of the campaign"),
                )
            })
            .transpose()?;
        let per_unit: Option<u32> = raw
            .limits
            .per_unit
            .map(|n| {
                k.int(
                    "limits.per_unit",
                    n,
                    1,
                    MAX_PROPOSALS,
                    (
                        "số đề nghị tối đa của một đơn vị",
                        "the most proposals a unit may send",
                    ),
                )
            })
            .transpose()?;
        let date = |s: &str, key: &str| {
            parse_iso(s).ok_or_else(|| {
                k.invalid(
                    key,
                    format!("'{s}' không phải ngày YYYY-MM-DD"),
                    format!("'{s}' is not a date YYYY-MM-DD"),
                )
            })
        };
        let w = &raw.window;
        let window = match (&w.from, &w.to, &w.after, w.days) {
            (Some(from), Some(to), None, None) => {
                let (from, to) = (date(from, "window.from")?, date(to, "window.to")?);
                if from > to {
                    return Err(k.invalid(
                        "window",
                        "ngày 'from' sau ngày 'to'",
                        "the date 'from' is after 'to'",
                    ));
                }
                Window::Fixed { from, to }
            }
            (None, None, Some(event), Some(days)) => Window::After {
                event: event.clone(),
                days: k.int(
                    "window.days",
                    days,
                    1,
                    366,
                    (
                        "số ngày nhận hồ sơ kể từ sự kiện, không quá một năm",
                        "the days dossiers are received after the event, a year at most",
                    ),
                )?,
            },
            _ => {
                return Err(k.invalid(
                    "window",
                    "cần from và to (khoảng ngày nhận hồ sơ), hoặc after và days (số ngày kể từ một sự kiện)",
                    "needs from and to (the days dossiers are received), or after and days (days from an event)",
                ))
            }
        };
        let range = |r: &Option<RawRange>, key: &str| -> Result<Option<Range>, ProfileError> {
            let Some(r) = r else { return Ok(None) };
            let what = (
                "số đề nghị trong toàn quận",
                "the number of proposals across the district",
            );
            let max: u32 = k.int(&format!("{key}.max"), r.max, 0, MAX_PROPOSALS, what)?;
            let min: u32 = k.int(&format!("{key}.min"), r.min, 0, r.max.max(0), what)?;
            Ok(Some(Range { min, max }))
        };
        let mut awards = Vec::new();
        for (i, a) in raw.awards.iter().enumerate() {
            let mut kinds = Vec::new();
            for kind in &a.kinds {
                kinds.push(Kind::from_code(kind).ok_or_else(|| {
                    k.invalid(
                        &format!("awards[{i}].for"),
                        format!("'{kind}': dùng tap-the hoặc ca-nhan"),
                        format!("'{kind}': use tap-the or ca-nhan"),
                    )
                })?);
            }
            if kinds.is_empty() {
                return Err(k.invalid(
                    &format!("awards[{i}].for"),
                    "cần ít nhất một loại",
                    "needs at least one kind",
                ));
            }
            awards.push(Award {
                name: a.name.clone(),
                aliases: a.aliases.clone(),
                kinds,
            });
        }
        if awards.is_empty() {
            return Err(k.invalid(
                "awards",
                "cần ít nhất một hình thức khen thưởng",
                "needs at least one award form",
            ));
        }
        Ok(Campaign {
            name: raw.name,
            title: raw.title,
            plan: raw.plan,
            issuer: raw.issuer,
            receiver: raw.receiver,
            place: raw.place,
            year,
            per_unit,
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

/// The most proposals a unit, or the district, may be allowed.
const MAX_PROPOSALS: i64 = 100_000;
/// The years a campaign may name.
const MIN_YEAR: i64 = 2000;
const MAX_YEAR: i64 = 2100;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
    fn every_number_of_a_campaign_is_checked_at_load_and_names_its_key() {
        use crate::profile::edit::{numeric_keys, with_key};
        use toml::Value::Integer as I;
        // (profile, key, values out of range)
        let table = [
            (0, "year", vec![I(1999), I(2101), I(-2024)]),
            (0, "limits.per_unit", vec![I(0), I(-2), I(100_001)]),
            (1, "limits.collectives.min", vec![I(-1), I(11)]),
            (1, "limits.collectives.max", vec![I(-1), I(100_001)]),
            (1, "limits.individuals.min", vec![I(-10), I(21)]),
            (1, "limits.individuals.max", vec![I(-20), I(5_000_000_000)]),
            (
                1,
                "window.days",
                vec![I(0), I(-15), I(367), I(4_294_967_296)],
            ),
        ];
        for (i, key, values) in &table {
            for v in values {
                let text = with_key(EMBEDDED[*i].1, key, v.clone());
                let err = Campaign::parse(&text, "x.toml")
                    .expect_err(&format!("{key} = {v} is refused"))
                    .to_string();
                assert!(
                    err.contains(&format!("ở khóa '{key}'"))
                        && err.contains(&format!("invalid at key '{key}'")),
                    "{key} = {v}: {err}"
                );
            }
        }
        let covered: Vec<&str> = table.iter().map(|(_, k, _)| *k).collect();
        for (name, text) in EMBEDDED {
            for key in numeric_keys(text) {
                assert!(
                    covered.contains(&key.as_str()),
                    "{name}: {key} is not tested"
                );
            }
        }
        // The edges load.
        let text = with_key(EMBEDDED[1].1, "window.days", I(366));
        Campaign::parse(&text, "x.toml").unwrap();
        let text = with_key(EMBEDDED[1].1, "limits.collectives.min", I(10));
        Campaign::parse(&text, "x.toml").unwrap();
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
