//! One unit: the people of `Danh sách` matched with their score rows, checked across sheets, and
//! decided by the rules.

use crate::finding::{Detail, Finding};
use crate::model::{Bloc, Form, Quarter, Rating, Reason, Status, Total};
use crate::profile::Profile;
use crate::reader::unit::{Member, UnitInput, SHEET_INFO, SHEET_LIST};
use crate::rules::{self, MemberStanding, PersonFacts, ScoreSheet};
use crate::text;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct PersonResult {
    pub id: String,
    pub name: String,
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub part: String,
    pub form: Option<Form>,
    pub total: Option<Total>,
    pub ratings: [Option<Rating>; 3],
    pub status: Status,
    pub reasons: Vec<Reason>,
    #[serde(skip)]
    pub note: String,
    /// Number of items scored 10 (for ranking reward suggestions).
    #[serde(skip)]
    pub tens: u16,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub people: u32,
    /// People subject to evaluation: `people - not_evaluated` (`dat + khong_dat + loi`).
    pub evaluated: u32,
    pub not_evaluated: u32,
    pub dat: u32,
    pub khong_dat: u32,
    pub loi: u32,
    pub reward_cap: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitResult {
    pub unit: String,
    pub code: String,
    pub bloc: Bloc,
    pub headcount: u32,
    pub source: String,
    pub people: Vec<PersonResult>,
    pub summary: Summary,
    #[serde(skip)]
    pub quarter: Quarter,
    #[serde(skip)]
    pub quarter_cell: Option<String>,
    #[serde(skip)]
    pub code_cell: Option<String>,
    /// `Ngày gửi`, for the deadline of reward proposals.
    #[serde(skip)]
    pub sent: Option<chrono::NaiveDate>,
    /// The `Đề nghị khen thưởng` sheet, when the unit sent one (read by [`crate::rewards`]).
    #[serde(skip)]
    pub proposals: Option<crate::reader::proposals::ProposalSheet>,
}

/// Decides every person of a unit. Returns no result when the unit cannot be evaluated at all
/// (no quarter, no bloc, no name, or no usable `Danh sách`); the findings say why.
pub fn evaluate_unit(
    input: UnitInput,
    profile: &Profile,
    fallback_code: &str,
) -> (Option<UnitResult>, Vec<Finding>) {
    let mut findings = Vec::new();
    let file = input.file.clone();
    let mut push = |sheet: &str, cell: Option<String>, person: Option<&str>, detail: Detail| {
        findings.push(Finding {
            file: file.clone(),
            sheet: Some(sheet.to_string()),
            cell,
            person: person.map(str::to_string),
            detail,
        })
    };
    let info = &input.info;
    let listed = input.members.len() as u32;
    let headcount = info.headcount.unwrap_or(listed);

    if input.list_ok {
        if let Some(declared) = info.headcount {
            if declared != listed {
                push(
                    SHEET_INFO,
                    info.headcount_cell.clone(),
                    None,
                    Detail::HeadcountMismatch { declared, listed },
                );
            }
        }
    }
    if let (Some(sent), Some(q)) = (info.sent, input.quarter) {
        let deadline = crate::deadlines::submission_deadline(q, profile);
        if sent > deadline {
            push(
                SHEET_INFO,
                info.sent_cell.clone(),
                None,
                Detail::Late { sent, deadline },
            );
        }
    }
    // Form size: mẫu 04 below the large-unit size, mẫu 05 from it.
    let expected_staff_form = profile.staff_form(headcount);
    for fs in &input.forms {
        if fs.form != Form::M03 && fs.form != expected_staff_form && fs.rows > 0 {
            push(
                &fs.sheet,
                Some(fs.header_cell.clone()),
                None,
                Detail::FormSize {
                    form: fs.form,
                    headcount,
                    expected: expected_staff_form,
                },
            );
        }
    }

    // Index the score rows; a person scored twice is an error on the second row.
    let mut scored: HashMap<String, usize> = HashMap::new();
    let mut duplicate_scored: Vec<String> = Vec::new();
    for (i, row) in input.scored.iter().enumerate() {
        let key = text::key(&row.id);
        if let Some(&first) = scored.get(&key) {
            let first_sheet = input.scored[first].form.sheet_name();
            push(
                row.form.sheet_name(),
                Some(row.id_cell.clone()),
                Some(&row.id),
                Detail::PersonOnTwoForms { first_sheet },
            );
            duplicate_scored.push(key);
        } else {
            scored.insert(key, i);
        }
    }
    let mask_of = |form: Form| -> &[bool] {
        input
            .forms
            .iter()
            .find(|f| f.form == form)
            .map(|f| f.mandatory.as_slice())
            .unwrap_or(profile.form(form).mandatory.as_slice())
    };
    let no_forms = input.forms.is_empty();

    let standing: Vec<MemberStanding> = input
        .members
        .iter()
        .map(|m| MemberStanding {
            any_month_failed: m.ratings.contains(&Some(Rating::KhongHoanThanh)),
            discipline: m.discipline,
            inspection: m.inspection,
        })
        .collect();

    let mut people = Vec::with_capacity(input.members.len());
    let mut used = vec![false; input.scored.len()];
    for (mi, m) in input.members.iter().enumerate() {
        let key = text::key(&m.id);
        let row = scored.get(&key).map(|&i| {
            used[i] = true;
            &input.scored[i]
        });
        let absent = m
            .absence_days
            .is_some_and(|d| d >= profile.thresholds.absence_days);
        let mut has_errors = m.has_errors || duplicate_scored.contains(&key);
        match row {
            Some(r) => {
                has_errors |= r.has_errors;
                if m.btv && r.form != Form::M03 {
                    push(
                        r.form.sheet_name(),
                        Some(r.id_cell.clone()),
                        Some(&m.id),
                        Detail::WrongFormLeader { form: r.form },
                    );
                    has_errors = true;
                } else if !m.btv && r.form == Form::M03 {
                    push(
                        r.form.sheet_name(),
                        Some(r.id_cell.clone()),
                        Some(&m.id),
                        Detail::WrongFormStaff,
                    );
                    has_errors = true;
                }
            }
            None if !absent && m.absence_days.is_some() => {
                if !no_forms {
                    push(
                        SHEET_LIST,
                        Some(m.id_cell.clone()),
                        Some(&m.id),
                        Detail::PersonNotScored,
                    );
                }
                has_errors = true;
            }
            None => {}
        }
        let scope_violated = m.btv && scope_violated(&input.members, &standing, mi);
        let sheet = row.filter(|r| !r.has_errors).map(|r| ScoreSheet {
            form: r.form,
            scores: &r.scores,
            mandatory: mask_of(r.form),
        });
        let facts = PersonFacts {
            ratings: m.ratings,
            discipline: m.discipline,
            inspection: m.inspection,
            absence_days: m.absence_days,
            scores: sheet,
            has_errors,
            scope_violated,
        };
        let outcome = rules::evaluate_person(&facts, &profile.thresholds, profile.scale_max);
        people.push(person_result(m, row.map(|r| r.form), sheet, outcome));
    }
    // Scored but not listed: reported, but not a person of the unit (the unit's people are those
    // of `Danh sách`; the row is often a mistyped Mã CB).
    for (i, r) in input.scored.iter().enumerate() {
        // Second rows of a person scored twice were reported above.
        if used[i] || !input.list_ok || scored.get(&text::key(&r.id)) != Some(&i) {
            continue;
        }
        push(
            r.form.sheet_name(),
            Some(r.id_cell.clone()),
            Some(&r.id),
            Detail::PersonNotListed,
        );
    }

    let (Some(quarter), Some(bloc), Some(name), true) =
        (input.quarter, info.bloc, info.name.clone(), input.list_ok)
    else {
        return (None, findings);
    };
    let code = info
        .code
        .clone()
        .unwrap_or_else(|| fallback_code.to_string());
    let mut summary = Summary {
        people: people.len() as u32,
        ..Default::default()
    };
    for p in &people {
        match p.status {
            Status::Dat => summary.dat += 1,
            Status::KhongDat => summary.khong_dat += 1,
            Status::KhongDanhGia => summary.not_evaluated += 1,
            Status::Loi => summary.loi += 1,
        }
    }
    summary.evaluated = summary.people - summary.not_evaluated;
    let bs = profile.bloc(bloc);
    summary.reward_cap = rules::reward_cap(
        summary.dat,
        headcount,
        bs.reward_percent,
        profile.rounding,
        profile.reward_base,
    );
    (
        Some(UnitResult {
            unit: name,
            code,
            bloc,
            headcount,
            source: input.file,
            people,
            summary,
            quarter,
            quarter_cell: info.quarter_cell.clone(),
            code_cell: info.code_cell.clone(),
            sent: info.sent,
            proposals: input.proposals,
        }),
        findings,
    )
}

/// Does anyone else in leader `mi`'s scope breach the unit condition?
fn scope_violated(members: &[Member], standing: &[MemberStanding], mi: usize) -> bool {
    let scope = &members[mi].in_charge;
    members.iter().enumerate().any(|(i, m)| {
        i != mi
            && standing[i].breaches()
            && (scope.is_empty() || scope.contains(&text::key(&m.part)))
    })
}

fn person_result(
    m: &Member,
    form: Option<Form>,
    sheet: Option<ScoreSheet>,
    o: rules::Outcome,
) -> PersonResult {
    PersonResult {
        id: m.id.clone(),
        name: m.name.clone(),
        title: m.title.clone(),
        part: m.part.clone(),
        form,
        total: o.total,
        ratings: m.ratings,
        status: o.status,
        reasons: o.reasons,
        note: m.note.clone(),
        tens: sheet.map_or(0, |s| s.scores.iter().filter(|x| x.0 == 20).count() as u16),
    }
}
