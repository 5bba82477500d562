//! One unit: the people of `Danh sách` matched with their score rows, checked across sheets, and
//! decided by the rules.

use crate::finding::{Detail, Finding};
use crate::model::{Bloc, Form, Quarter, Rating, Reason, Status, Total};
use crate::profile::Profile;
use crate::reader::unit::{Member, ScoredRow, Unidentified, UnitInput, SHEET_INFO, SHEET_LIST};
use crate::rules::{
    self, MemberStanding, Outcome, PersonFacts, ScopeStanding, ScoreSheet, Standing,
};
use crate::text;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Serialize)]
pub struct PersonResult {
    pub id: String,
    pub name: String,
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub part: String,
    /// `Ngày sinh`, to find the same person listed by two units.
    #[serde(skip)]
    pub birth: Option<chrono::NaiveDate>,
    pub form: Option<Form>,
    pub total: Option<Total>,
    pub ratings: [Option<Rating>; 3],
    pub status: Status,
    pub reasons: Vec<Reason>,
    #[serde(skip)]
    pub note: String,
    /// Number of items scored at the top of the scale, 10 by default (for ranking reward
    /// suggestions).
    #[serde(skip)]
    pub tens: u16,
    /// A fingerprint of the scores, for the review signs (`bat-thuong`): rows with the same
    /// scores on every content have the same one. `None` without a valid score row.
    #[serde(skip)]
    pub scores: Option<crate::anomaly::ScoreDigest>,
    /// The (row, column) of the person's `Mã CB` in `Danh sách`, for findings raised across
    /// units (kept small: a city holds 150 000 of them).
    #[serde(skip)]
    pub id_pos: Option<(u32, u32)>,
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
    /// The code was written in `Mã đơn vị` (else it comes from the file name).
    #[serde(skip)]
    pub code_written: bool,
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
    /// What the unit's own mẫu 06 declared, when the unit is counted from its mẫu 06 sent alone
    /// (SPEC §3 "Mẫu 06 typed by hand"): no score sheets.
    #[serde(skip)]
    pub mau06: Option<std::sync::Arc<crate::mau06::Declaration>>,
    /// Each mẫu 03 leader and the people in their scope, for the review signs (`bat-thuong`).
    #[serde(skip)]
    pub leads: Vec<crate::anomaly::Lead>,
}

impl UnitResult {
    /// The unit is counted from its mẫu 06, without score sheets.
    pub fn from_mau06(&self) -> bool {
        self.mau06.is_some()
    }

    /// The sheet that says which unit and quarter this is: `Thông tin`, or the mẫu 06's own.
    pub fn info_sheet(&self) -> &str {
        self.mau06.as_ref().map_or(SHEET_INFO, |d| &d.sheet)
    }
}

/// Findings about one file, located and pushed in reading order.
struct Out {
    file: String,
    findings: Vec<Finding>,
}

impl Out {
    fn push(&mut self, sheet: &str, cell: Option<String>, person: Option<&str>, detail: Detail) {
        self.findings.push(Finding {
            file: self.file.clone(),
            sheet: Some(sheet.to_string()),
            cell,
            person: person.map(str::to_string),
            person_name: None,
            detail,
        })
    }
}

/// One member being decided: what was read of them, and the outcome so far.
struct Decision<'a> {
    facts: PersonFacts<'a>,
    form: Option<Form>,
    outcome: Outcome,
}

/// Decides every person of a unit. Returns no result when the unit cannot be evaluated at all
/// (no quarter, no bloc, no name, or no usable `Danh sách`); the findings say why.
pub fn evaluate_unit(
    input: UnitInput,
    profile: &Profile,
    fallback_code: &str,
) -> (Option<UnitResult>, Vec<Finding>) {
    let mut out = Out {
        file: input.file.clone(),
        findings: Vec::new(),
    };
    unit_checks(&input, profile, &mut out);
    let (scored, twice) = index_scored(&input, &mut out);
    let mut decisions: Vec<Decision> = input
        .members
        .iter()
        .map(|m| decide_member(&input, profile, m, &scored, &twice, &mut out))
        .collect();
    let leads = decide_leaders(&input, profile, &mut decisions, &mut out);
    report_unlisted(&input, &scored, &mut out);
    let people: Vec<PersonResult> = input
        .members
        .iter()
        .zip(decisions)
        .map(|(m, d)| person_result(m, d, profile.scale().max))
        .collect();
    let mut findings = out.findings;
    name_people(&mut findings, &input.members, &input.scored);
    let unit = unit_result(input, profile, fallback_code, people);
    (unit.map(|u| UnitResult { leads, ..u }), findings)
}

/// Checks of the unit as a whole: head count, date sent, form against unit size.
fn unit_checks(input: &UnitInput, profile: &Profile, out: &mut Out) {
    let info = &input.info;
    let listed = input.members.len() as u32;
    let headcount = info.headcount.unwrap_or(listed);
    if input.list_ok {
        if let Some(declared) = info.headcount.filter(|d| *d != listed) {
            out.push(
                SHEET_INFO,
                info.headcount_cell.clone(),
                None,
                Detail::HeadcountMismatch { declared, listed },
            );
        }
    }
    if let (Some(sent), Some(q)) = (info.sent, input.quarter) {
        let deadline = crate::deadlines::report_deadline(q, profile);
        if sent > deadline {
            out.push(
                SHEET_INFO,
                info.sent_cell.clone(),
                None,
                Detail::Late { sent, deadline },
            );
        }
    }
    // Form size: mẫu 04 below the large-unit size, mẫu 05 from it.
    let expected = profile.staff_form(headcount);
    for fs in &input.forms {
        if fs.form != Form::M03 && fs.form != expected && fs.rows > 0 {
            out.push(
                &fs.sheet,
                Some(fs.header_cell.clone()),
                None,
                Detail::FormSize {
                    form: fs.form,
                    headcount,
                    expected,
                },
            );
        }
    }
}

/// The score rows by `Mã CB`; a person scored twice is an error on the second row.
fn index_scored(input: &UnitInput, out: &mut Out) -> (HashMap<String, usize>, HashSet<String>) {
    let mut scored: HashMap<String, usize> = HashMap::new();
    let mut twice = HashSet::new();
    for (i, row) in input.scored.iter().enumerate() {
        let key = text::key(&row.id);
        if let Some(&first) = scored.get(&key) {
            out.push(
                row.form.sheet_name(),
                Some(row.id_cell.clone()),
                Some(&row.id),
                Detail::PersonOnTwoForms {
                    first_sheet: input.scored[first].form.sheet_name(),
                },
            );
            twice.insert(key);
        } else {
            scored.insert(key, i);
        }
    }
    (scored, twice)
}

/// One member on their own: the facts read, the form checks, and the outcome before the
/// leader's condition is known.
fn decide_member<'a>(
    input: &'a UnitInput,
    profile: &'a Profile,
    m: &Member,
    scored: &HashMap<String, usize>,
    twice: &HashSet<String>,
    out: &mut Out,
) -> Decision<'a> {
    let key = text::key(&m.id);
    let row: Option<&ScoredRow> = scored.get(&key).map(|&i| &input.scored[i]);
    let mut has_errors = m.has_errors || twice.contains(&key) || m.btv.is_none();
    if let (Some(r), Some(btv)) = (row, m.btv) {
        has_errors |= r.has_errors;
        if btv != (r.form == Form::M03) {
            let detail = if btv {
                Detail::WrongFormLeader { form: r.form }
            } else {
                Detail::WrongFormStaff
            };
            out.push(
                r.form.sheet_name(),
                Some(r.id_cell.clone()),
                Some(&m.id),
                detail,
            );
            has_errors = true;
        }
    }
    let mut facts = PersonFacts {
        ratings: m.ratings,
        months_worked: m.months_worked,
        discipline: m.discipline,
        inspection: m.inspection,
        absence_half_days: m.absence_half_days,
        days_away: m.days_away,
        in_scope: m.in_scope,
        scores: row.filter(|r| !r.has_errors).map(|r| ScoreSheet {
            form: r.form,
            scores: &r.scores,
            mandatory: mask_of(input, profile, r.form),
        }),
        has_errors,
        scope: ScopeStanding::Clear,
    };
    let known_time = facts.absence_half_days.is_some() && facts.days_away.is_some();
    if rules::not_evaluated(&facts, &profile.thresholds).is_none() && known_time {
        // Evaluated: every month worked must be rated, and the person must be scored.
        if let Some(q) = input.quarter {
            for i in 0..3 {
                let blank = m.ratings[i].is_none() && !m.rating_unreadable[i];
                if blank && m.months_worked[i] && m.rating_cells[i].is_some() {
                    out.push(
                        SHEET_LIST,
                        m.rating_cells[i].clone(),
                        Some(&m.id),
                        Detail::RatingMissing {
                            month: q.months()[i],
                        },
                    );
                    facts.has_errors = true;
                }
            }
        }
        if row.is_none() {
            if !input.forms.is_empty() {
                out.push(
                    SHEET_LIST,
                    Some(m.id_cell.clone()),
                    Some(&m.id),
                    Detail::PersonNotScored,
                );
            }
            facts.has_errors = true;
        }
    }
    let outcome = rules::evaluate_person(&facts, &profile.thresholds, profile.scale_max);
    Decision {
        facts,
        form: row.map(|r| r.form),
        outcome,
    }
}

/// The mandatory mask of a form: the sheet's valid `Bắt buộc` row, else the catalogue.
fn mask_of<'a>(input: &'a UnitInput, profile: &'a Profile, form: Form) -> &'a [bool] {
    input
        .forms
        .iter()
        .find(|f| f.form == form)
        .map(|f| f.mandatory.as_slice())
        .unwrap_or(profile.form(form).mandatory.as_slice())
}

/// The leaders' condition (SPEC §2, 4.): each mẫu 03 person is decided again once the standing
/// of the other people in their scope is known. Returns each leader whose scope is known, with
/// the people in it.
fn decide_leaders(
    input: &UnitInput,
    profile: &Profile,
    decisions: &mut [Decision],
    out: &mut Out,
) -> Vec<crate::anomaly::Lead> {
    let mut leads = Vec::new();
    let standings: Vec<Standing> = input
        .members
        .iter()
        .zip(decisions.iter())
        .map(|(m, d)| member_standing(m, &d.outcome).standing())
        .collect();
    let any_parts = input
        .members
        .iter()
        .any(|m| m.btv == Some(true) && !m.in_charge.is_empty());
    let part_keys: Vec<String> = if any_parts {
        input.members.iter().map(|m| text::key(&m.part)).collect()
    } else {
        Vec::new()
    };
    let parts: HashSet<&str> = part_keys.iter().map(String::as_str).collect();
    for (li, leader) in input.members.iter().enumerate() {
        if leader.btv != Some(true) {
            continue;
        }
        let Some(scope) = leader_scope(leader, &parts, input, out) else {
            decisions[li].facts.has_errors = true;
            decisions[li].outcome = rules::evaluate_person(
                &decisions[li].facts,
                &profile.thresholds,
                profile.scale_max,
            );
            continue;
        };
        // A member whose `Bộ phận` cannot be read may or may not be in a scope of parts.
        let part_unknown =
            |i: usize| matches!(scope, Scope::Parts(_)) && !input.members[i].part_known;
        let in_scope = |i: usize| i != li && (scope.covers(i, &part_keys) || part_unknown(i));
        let others: Vec<usize> = (0..input.members.len()).filter(|&i| in_scope(i)).collect();
        leads.push(crate::anomaly::Lead {
            leader: li as u32,
            parts: leader.in_charge.clone(),
            members: others.iter().map(|&i| i as u32).collect(),
        });
        // In this scope, a member of unknown part is unknown, whatever they did.
        let unknown_part = Standing::Unknown(vec![]);
        let standing_of = |i: usize| {
            if part_unknown(i) {
                &unknown_part
            } else {
                &standings[i]
            }
        };
        let nobody_rows: Vec<&Unidentified> = input
            .unidentified
            .iter()
            .filter(|r| scope.covers_part(&r.part))
            .collect();
        let mut standing = rules::scope_standing(others.iter().map(|&i| standing_of(i)));
        if !nobody_rows.is_empty() {
            standing = ScopeStanding::Unknown;
        }
        // Only a leader who could otherwise be decided learns that the scope is unknown.
        let decidable = decisions[li].outcome.status != Status::Loi;
        if standing == ScopeStanding::Unknown && decidable {
            for &i in &others {
                if let Standing::Unknown(what) = standing_of(i) {
                    let m = &input.members[i];
                    if what.is_empty() {
                        report_unknown_part(leader, m, out);
                    } else {
                        report_unknown_member(leader, m, what, input.quarter, out);
                    }
                }
            }
            for r in nobody_rows {
                report_unknown_row(leader, r, out);
            }
        }
        let d = &mut decisions[li];
        d.facts.scope = standing;
        d.outcome = rules::evaluate_person(&d.facts, &profile.thresholds, profile.scale_max);
    }
    leads
}

/// `scope-unknown` for a member whose `Bộ phận` is a formula without a value.
fn report_unknown_part(leader: &Member, m: &Member, out: &mut Out) {
    let cell = m.part_cell.clone().or_else(|| Some(m.id_cell.clone()));
    push_scope_unknown(leader, cell, &m.id, &m.name, "Bộ phận", out);
}

/// `scope-unknown` for a row of `Danh sách` that names nobody.
fn report_unknown_row(leader: &Member, r: &Unidentified, out: &mut Out) {
    let name = if r.name.is_empty() {
        format!("dòng {}", r.cell.trim_start_matches(char::is_alphabetic))
    } else {
        r.name.clone()
    };
    push_scope_unknown(leader, Some(r.cell.clone()), "", &name, "Mã CB", out);
}

/// A leader's result depends on a value of someone in scope that is not known.
fn push_scope_unknown(
    leader: &Member,
    cell: Option<String>,
    member_id: &str,
    member_name: &str,
    column: &str,
    out: &mut Out,
) {
    out.push(
        SHEET_LIST,
        cell,
        Some(&leader.id),
        Detail::ScopeUnknown {
            leader_id: leader.id.clone(),
            leader_name: leader.name.clone(),
            member_id: member_id.to_string(),
            member_name: member_name.to_string(),
            column: column.to_string(),
        },
    );
}

/// The parts of the unit a leader is in charge of.
enum Scope {
    Unit,
    Parts(HashSet<String>),
}

impl Scope {
    /// Is member `i` (whose `Bộ phận` key is `part_keys[i]`) in the scope?
    fn covers(&self, i: usize, part_keys: &[String]) -> bool {
        match self {
            Scope::Unit => true,
            Scope::Parts(keys) => keys.contains(&part_keys[i]),
        }
    }

    /// Is a row of this `Bộ phận` key in the scope? A blank part may be any part.
    fn covers_part(&self, part: &str) -> bool {
        match self {
            Scope::Unit => true,
            Scope::Parts(keys) => part.is_empty() || keys.contains(part),
        }
    }
}

/// The leader's scope; `None` when a `Phụ trách` value names no `Bộ phận` (reported).
fn leader_scope(
    leader: &Member,
    parts: &HashSet<&str>,
    input: &UnitInput,
    out: &mut Out,
) -> Option<Scope> {
    if leader.in_charge.is_empty() {
        return Some(Scope::Unit);
    }
    let mut keys = HashSet::new();
    let mut ok = true;
    for value in &leader.in_charge {
        let k = text::key(value);
        if parts.contains(k.as_str()) && !k.is_empty() {
            keys.insert(k);
            continue;
        }
        ok = false;
        let mut names: Vec<String> = input
            .members
            .iter()
            .map(|m| m.part.clone())
            .filter(|p| !p.is_empty())
            .collect();
        names.sort();
        names.dedup();
        out.push(
            SHEET_LIST,
            leader.in_charge_cell.clone(),
            Some(&leader.id),
            Detail::ScopeUnknownPart {
                value: value.clone(),
                parts: names,
            },
        );
    }
    ok.then_some(Scope::Parts(keys))
}

/// What the leader's condition needs of one member.
fn member_standing(m: &Member, own: &Outcome) -> MemberStanding {
    MemberStanding {
        ratings: m.ratings,
        unreadable: m.rating_unreadable,
        months_worked: m.months_worked,
        not_evaluated: own.status == Status::KhongDanhGia,
        discipline: m.discipline,
        inspection: m.inspection,
        review: m.review,
    }
}

/// `scope-unknown`: names the leader and the member, located at the member's unknown cell.
fn report_unknown_member(
    leader: &Member,
    m: &Member,
    what: &[rules::Unknown],
    quarter: Option<Quarter>,
    out: &mut Out,
) {
    for u in what {
        if let rules::Unknown::Month(i) = u {
            if m.rating_cells[*i].is_none() {
                // The month column itself is missing: reported once on the header.
                continue;
            }
        }
        let (cell, column) = match *u {
            rules::Unknown::Month(i) => (
                m.rating_cells[i].clone(),
                format!("Tháng {}", quarter.map_or(i as u32 + 1, |q| q.months()[i])),
            ),
            rules::Unknown::Discipline => (m.decision_cells[0].clone(), "Kỷ luật".into()),
            rules::Unknown::Inspection => {
                (m.decision_cells[1].clone(), "Thanh tra, kiểm tra".into())
            }
            rules::Unknown::Review => (m.decision_cells[2].clone(), "Kiểm điểm".into()),
        };
        push_scope_unknown(leader, cell, &m.id, &m.name, &column, out);
    }
}

/// Scored but not listed: reported, but not a person of the unit (the unit's people are those
/// of `Danh sách`; the row is often a mistyped Mã CB).
fn report_unlisted(input: &UnitInput, scored: &HashMap<String, usize>, out: &mut Out) {
    if !input.list_ok {
        return;
    }
    if input.scored.len() <= input.members.len()
        && input
            .scored
            .iter()
            .zip(&input.members)
            .all(|(r, m)| r.id == m.id)
    {
        // The common case: every score row is the listed person of the same rank.
        return;
    }
    let listed: HashSet<String> = input.members.iter().map(|m| text::key(&m.id)).collect();
    for (i, r) in input.scored.iter().enumerate() {
        let key = text::key(&r.id);
        // Second rows of a person scored twice were reported already.
        if listed.contains(&key) || scored.get(&key) != Some(&i) {
            continue;
        }
        out.push(
            r.form.sheet_name(),
            Some(r.id_cell.clone()),
            Some(&r.id),
            Detail::PersonNotListed,
        );
    }
}

/// Every finding about a person also carries their name, so that messages say who it is: the
/// name in `Danh sách`, else on the score sheet.
pub fn name_people(findings: &mut [Finding], members: &[Member], scored: &[ScoredRow]) {
    if !findings
        .iter()
        .any(|f| f.person.is_some() && f.person_name.is_none())
    {
        return;
    }
    let mut names: HashMap<String, &str> = HashMap::new();
    for r in scored {
        names.insert(text::key(&r.id), &r.name);
    }
    for m in members {
        names.insert(text::key(&m.id), &m.name);
    }
    for f in findings.iter_mut() {
        if f.person_name.is_none() {
            if let Some(id) = &f.person {
                f.person_name = names
                    .get(&text::key(id))
                    .filter(|n| !n.is_empty())
                    .map(|n| n.to_string());
            }
        }
    }
}

fn unit_result(
    input: UnitInput,
    profile: &Profile,
    fallback_code: &str,
    people: Vec<PersonResult>,
) -> Option<UnitResult> {
    let info = &input.info;
    let (Some(quarter), Some(bloc), Some(name), true) =
        (input.quarter, info.bloc, info.name.clone(), input.list_ok)
    else {
        return None;
    };
    let headcount = info.headcount.unwrap_or(input.members.len() as u32);
    let code = info
        .code
        .clone()
        .unwrap_or_else(|| fallback_code.to_string());
    let mut summary = summarize(&people);
    summary.reward_cap = rules::reward_cap(
        summary.dat,
        headcount,
        profile.bloc(bloc).reward_percent,
        profile.rounding,
        profile.reward_base,
    );
    Some(UnitResult {
        unit: name,
        code,
        code_written: info.code.is_some(),
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
        mau06: None,
        leads: Vec::new(),
    })
}

/// The counts of a unit's people by status.
pub fn summarize(people: &[PersonResult]) -> Summary {
    let mut summary = Summary {
        people: people.len() as u32,
        ..Default::default()
    };
    for p in people {
        match p.status {
            Status::Dat => summary.dat += 1,
            Status::KhongDat => summary.khong_dat += 1,
            Status::KhongDanhGia => summary.not_evaluated += 1,
            Status::Loi => summary.loi += 1,
        }
    }
    summary.evaluated = summary.people - summary.not_evaluated;
    summary
}

/// A person's result; `top` is the top of the scale (the contents scored at it are counted).
fn person_result(m: &Member, d: Decision, top: crate::model::Score) -> PersonResult {
    let o = d.outcome;
    PersonResult {
        id: m.id.clone(),
        name: m.name.clone(),
        title: m.title.clone(),
        part: m.part.clone(),
        birth: m.birth,
        form: d.form,
        total: o.total,
        ratings: m.ratings,
        status: o.status,
        reasons: o.reasons,
        note: m.note.clone(),
        id_pos: text::parse_a1(&m.id_cell),
        tens: d
            .facts
            .scores
            .map_or(0, |s| s.scores.iter().filter(|x| **x == top).count() as u16),
        scores: d
            .facts
            .scores
            .map(|s| crate::anomaly::ScoreDigest::of(s.scores)),
    }
}
