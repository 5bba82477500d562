//! Campaigns (đợt thi đua, SPEC §2 "Other campaigns"): the proposal workbook (one row per
//! proposal) is checked against its campaign profile, each breach with its own code.
//!
//! The campaign profile types live in the pure [`crate::campaign_profile`] and are re-exported
//! here; reading the workbooks is in [`crate::reader::campaign`].

pub use crate::campaign_profile::{
    is_campaign_text, Award, Campaign, DossierPart, Kind, Range, Window, EMBEDDED,
};
use crate::finding::{Detail, Severity};
use crate::i18n::Lang;
use crate::text;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

pub const SCHEMA: &str = "danhgia/de-nghi/v1";

/// The sheet of the proposal workbook.
pub const SHEET: &str = "Đề nghị khen thưởng";
/// The optional sheet with the campaign's year and, for a deadline counted from an event, the
/// event's date.
pub const SHEET_INFO: &str = "Thông tin";

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
        /// The effective last day (a nominal last day off moved to the next working day).
        deadline: NaiveDate,
        /// The nominal last day: the event's date plus `days`.
        nominal: NaiveDate,
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
            Early { .. } => CampaignCode::Common(crate::finding::Code::Early),
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
                format!("Hồ sơ nhận ngày {}, trước thời gian tiếp nhận ({} – {}): hồ sơ gửi sớm vẫn được nhận, xét cùng các hồ sơ khác.", d(received), d(from), d(to))
            } else {
                format!("Received on {}, before the reception period ({} – {}): an early dossier is still accepted and considered with the others.", d(received), d(from), d(to))
            },
            LateFixed { received, from, to } => if vi {
                format!("Hồ sơ nhận ngày {}, sau thời gian tiếp nhận ({} – {}): hồ sơ nộp muộn không được xét.", d(received), d(from), d(to))
            } else {
                format!("Received on {}, after the reception period ({} – {}): late dossiers are not considered.", d(received), d(from), d(to))
            },
            LateAfter { received, deadline, nominal, event, event_date, days } => {
                let moved = match (nominal != deadline, vi) {
                    (false, _) => String::new(),
                    (true, true) => format!("; ngày {} là ngày nghỉ nên hạn là ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 148)", d(nominal)),
                    (true, false) => format!("; {} is a day off, so the deadline is the next working day (Civil Code 2015, art. 148)", d(nominal)),
                };
                if vi {
                    format!("Hồ sơ nhận ngày {}, sau hạn {} ({days} ngày kể từ '{event}' {}{moved}): hồ sơ nộp muộn không được xét.", d(received), d(deadline), d(event_date))
                } else {
                    format!("Received on {}, after the deadline {} ({days} days from '{event}' {}{moved}): late dossiers are not considered.", d(received), d(deadline), d(event_date))
                }
            }
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
    // Days off for cán bộ, công chức, viên chức are national: the built-in calendar.
    let cal = crate::profile::Profile::default_profile().calendar;
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
                    // A last day that is a day off moves to the next working day.
                    let to = &crate::deadlines::resolve(
                        *to,
                        crate::profile::DeadlineRule::NextWorkingDay,
                        &cal,
                    )
                    .due;
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
                        // A period counted in days: a last day off ends on the next working
                        // day (Bộ luật Dân sự 2015, Điều 148).
                        let period = crate::deadlines::period_in_days(event_date, *days, &cal);
                        let deadline = period.due;
                        if *day > deadline {
                            row_findings.push((
                                r.received_cell.clone(),
                                CampaignDetail::LateAfter {
                                    received: *day,
                                    deadline,
                                    nominal: period.nominal,
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
            "{}, {} valid (collectives: {}, individuals: {}), {} not valid.",
            crate::i18n::count(check.proposals.len() as u64, "proposal", "proposals"),
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
                ("early", Some("F6")),
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
        // Early is a warning; the row stays invalid for its incomplete dossier.
        assert_eq!(check.errors(), 5);
    }

    #[test]
    fn a_complete_dossier_received_early_is_accepted_with_a_warning() {
        let c = Campaign::embedded("loc-binh-2024").unwrap();
        let rows = vec![
            row(
                "Trường TH D",
                "Cá nhân",
                "Phạm F",
                "Giấy khen",
                d(2024, 3, 22),
                [true; 3],
                1,
            ),
            row(
                "Trường TH D",
                "Cá nhân",
                "Lê G",
                "Giấy khen",
                d(2024, 3, 27),
                [true; 3],
                2,
            ),
        ];
        let check = check(&[input(rows, None)], Vec::new(), &c);
        assert_eq!(codes(&check), vec![("early", Some("F2"))]);
        assert_eq!(check.findings[0].severity(), Severity::Warning);
        let status: Vec<&str> = check.proposals.iter().map(|p| p.status.code()).collect();
        assert_eq!(status, ["hop-le", "hop-le"]);
        assert_eq!(check.errors(), 0);
        assert_eq!(check.valid(Kind::CaNhan), 2);
        let msg = check.findings[0].detail.message(Lang::Vi);
        assert!(
            msg.contains("22/03/2024") && msg.contains("25/03/2024"),
            "{msg}"
        );
    }

    #[test]
    fn ha_dong_15_days_ending_on_a_sunday_end_on_monday() {
        // Published Saturday 11/05/2024: day 15 is Sunday 26/05, the deadline Monday 27/05
        // (Bộ luật Dân sự 2015, Điều 148).
        let c = Campaign::embedded("ha-dong-cchc").unwrap();
        let rows = vec![
            row(
                "Trường",
                "Cá nhân",
                "Nguyễn A",
                "Giấy khen",
                d(2024, 5, 27),
                [true; 3],
                1,
            ),
            row(
                "Trường",
                "Cá nhân",
                "Nguyễn B",
                "Giấy khen",
                d(2024, 5, 28),
                [true; 3],
                2,
            ),
        ];
        let check = check(&[input(rows, Some(d(2024, 5, 11)))], Vec::new(), &c);
        let late: Vec<_> = codes(&check)
            .into_iter()
            .filter(|(code, _)| code.starts_with("proposal"))
            .collect();
        assert_eq!(late, vec![("proposal-late", Some("F3"))]);
        let status: Vec<&str> = check.proposals.iter().map(|p| p.status.code()).collect();
        assert_eq!(status, ["hop-le", "khong-hop-le"]);
        let f = check
            .findings
            .iter()
            .find(|f| f.code().as_str() == "proposal-late")
            .unwrap();
        assert!(matches!(
            f.detail,
            CampaignDetail::LateAfter { deadline, nominal, .. }
                if deadline == d(2024, 5, 27) && nominal == d(2024, 5, 26)
        ));
        let msg = f.detail.message(Lang::Vi);
        assert!(
            msg.contains("sau hạn 27/05/2024") && msg.contains("ngày 26/05/2024 là ngày nghỉ"),
            "{msg}"
        );
    }

    #[test]
    fn a_fixed_window_ending_on_a_day_off_ends_on_the_next_working_day() {
        // A window to Saturday 30/03/2024 takes dossiers until Monday 01/04.
        let mut c = Campaign::embedded("loc-binh-2024").unwrap();
        c.window = Window::Fixed {
            from: d(2024, 3, 25),
            to: d(2024, 3, 30),
        };
        let rows = vec![
            row(
                "A",
                "Cá nhân",
                "X",
                "Giấy khen",
                d(2024, 4, 1),
                [true; 3],
                1,
            ),
            row(
                "B",
                "Cá nhân",
                "Y",
                "Giấy khen",
                d(2024, 4, 2),
                [true; 3],
                2,
            ),
        ];
        let check = check(&[input(rows, None)], Vec::new(), &c);
        assert_eq!(codes(&check), vec![("proposal-late", Some("F3"))]);
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
}
