//! A unit's mẫu 06 typed by hand (SPEC §3 "Mẫu 06 typed by hand"): each person decided on what
//! the mẫu 06 shows — the rules that need no per-content score ([`rules::mau06_checks`]) against
//! the unit's own `Kết quả` ([`rules::mau06_outcome`]) — and, when the unit also sent its
//! workbook, the mẫu 06 compared with the workbook's results ([`compare`]): the workbook decides.

use crate::evaluate::{summarize, PersonResult, UnitResult};
use crate::finding::{Detail, Finding};
use crate::i18n::Lang;
use crate::model::{Form, Status};
use crate::profile::Profile;
use crate::reader::mau06::{Mau06Input, Mau06Row};
use crate::rules::{self, Mau06Declaration, Mau06Facts, Mau06Outcome};
use crate::text;
use crate::vocab::Declared;
use std::collections::HashMap;
use std::sync::Arc;

/// The note shown beside a unit counted from its mẫu 06 (mẫu 07, reward list, text output).
pub fn note(lang: Lang) -> &'static str {
    lang.pick(
        "Theo Mẫu 06 của đơn vị, không có phiếu điểm",
        "From the unit's mẫu 06, no score sheets",
    )
}

/// What a mẫu 06 declared of each person, kept to compare it with the unit's workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub file: String,
    pub sheet: String,
    pub people: Vec<DeclaredPerson>,
}

/// One person as a mẫu 06 declares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredPerson {
    pub id: String,
    /// `id` is a `Mã CB` written on the mẫu 06 (else the row's `dong-N`).
    pub id_written: bool,
    pub name: String,
    /// `None` when blank or unreadable (reported when read).
    pub declared: Option<Declared>,
    /// The `Kết quả` cell, else the name's.
    pub cell: String,
}

/// Decides the people of a mẫu 06. The unit result is there when the mẫu 06 names its unit,
/// quarter and bloc and lists someone; the declaration always is (for [`compare`]).
pub fn evaluate(
    input: Mau06Input,
    profile: &Profile,
    fallback_code: &str,
) -> (Option<UnitResult>, Arc<Declaration>, Vec<Finding>) {
    let mut out = Vec::new();
    form_size(&input, profile, &mut out);
    let people: Vec<PersonResult> = input
        .rows
        .iter()
        .map(|r| decide_row(&input, r, profile, &mut out))
        .collect();
    let declaration = Arc::new(declaration(&input));
    let unit = unit_result(input, profile, fallback_code, people, declaration.clone());
    (unit, declaration, out)
}

/// A finding on a cell of the mẫu 06, about a person.
fn push(input: &Mau06Input, r: &Mau06Row, cell: &str, detail: Detail, out: &mut Vec<Finding>) {
    out.push(Finding {
        file: input.file.clone(),
        sheet: Some(input.sheet.clone()),
        cell: Some(cell.to_string()),
        person: Some(r.id.clone()),
        person_name: Some(r.name.clone()).filter(|n| !n.is_empty()),
        detail,
    });
}

/// The form against the unit size (SPEC §2: mẫu 04 below 20 people, mẫu 05 from 20): `form-size`
/// once per form, on the first row that uses it. The unit size is the number of people the mẫu 06
/// lists (it lists everyone, the people not evaluated included).
fn form_size(input: &Mau06Input, profile: &Profile, out: &mut Vec<Finding>) {
    let headcount = input.rows.len() as u32;
    let expected = profile.staff_form(headcount);
    for form in [Form::M04, Form::M05]
        .into_iter()
        .filter(|f| *f != expected)
    {
        let first = input.rows.iter().find(|r| r.form == Some(form));
        if let Some(r) = first {
            let cell = r.form_cell.clone().unwrap_or_else(|| r.name_cell.clone());
            let detail = Detail::FormSize {
                form,
                headcount,
                expected,
            };
            push(input, r, &cell, detail, out);
        }
    }
}

/// One person: the checks without scores, the values a declared `Đạt` needs, the outcome.
fn decide_row(
    input: &Mau06Input,
    r: &Mau06Row,
    profile: &Profile,
    out: &mut Vec<Finding>,
) -> PersonResult {
    let range = r.form.map(|f| {
        let mask = &profile.form(f).mandatory;
        rules::total_bounds(mask, &profile.thresholds, profile.scale_max)
    });
    let facts = Mau06Facts {
        ratings: r.ratings,
        total: r.total,
        range,
    };
    let (checks, complete) = rules::mau06_checks(&facts);
    let mut has_errors = r.has_errors;
    if r.declared == Some(Declared::Dat) {
        has_errors |= report_missing_for_dat(input, r, out);
    }
    let declaration = Mau06Declaration {
        declared: r.declared,
        not_evaluated: r.not_evaluated,
        noted: &r.noted_reasons,
        has_errors,
    };
    let outcome = rules::mau06_outcome(&declaration, &checks, complete);
    if outcome.mismatch {
        report_mismatch(input, r, &facts, checks, out);
    }
    person_result(r, outcome)
}

/// A declared `Đạt` needs every month, the total and the form: each blank one is reported (an
/// unreadable one was, when read). Returns whether any was.
fn report_missing_for_dat(input: &Mau06Input, r: &Mau06Row, out: &mut Vec<Finding>) -> bool {
    let mut missing = false;
    for i in 0..3 {
        let (Some(cell), Some(q)) = (&r.rating_cells[i], input.quarter) else {
            continue;
        };
        if r.ratings[i].is_none() && !r.ratings_unreadable[i] {
            let month = q.months()[i];
            push(input, r, cell, Detail::Mau06RatingMissing { month }, out);
            missing = true;
        }
    }
    if let (None, false, Some(cell)) = (r.total, r.total_unreadable, &r.total_cell) {
        push(input, r, cell, Detail::Mau06TotalMissing, out);
        missing = true;
    }
    if let (None, false, Some(cell)) = (r.form, r.form_unreadable, &r.form_cell) {
        let detail = Detail::Mau06FormUnclear {
            value: String::new(),
        };
        push(input, r, cell, detail, out);
        missing = true;
    }
    missing
}

/// `result-mismatch`: a declared `Đạt` that the checks without scores contradict (SPEC §3).
fn report_mismatch(
    input: &Mau06Input,
    r: &Mau06Row,
    facts: &Mau06Facts,
    reasons: Vec<crate::model::Reason>,
    out: &mut Vec<Finding>,
) {
    let low_months = match input.quarter {
        Some(q) => (0..3)
            .filter(|&i| r.ratings[i].is_some_and(|x| !x.at_least_good()))
            .map(|i| q.months()[i])
            .collect(),
        None => Vec::new(),
    };
    let detail = Detail::ResultMismatch {
        reasons,
        low_months,
        total: facts.total,
        range: facts.range,
        form: r.form,
    };
    let cell = r.result_cell.clone().unwrap_or_else(|| r.name_cell.clone());
    push(input, r, &cell, detail, out);
}

fn person_result(r: &Mau06Row, o: Mau06Outcome) -> PersonResult {
    PersonResult {
        id: r.id.clone(),
        name: r.name.clone(),
        title: r.title.clone(),
        part: String::new(),
        birth: r.birth,
        form: r.form,
        total: r.total.filter(|_| o.status != Status::Loi),
        ratings: r.ratings,
        status: o.status,
        reasons: o.reasons,
        note: r.note.clone(),
        tens: 0,
        id_pos: text::parse_a1(&r.name_cell),
    }
}

fn declaration(input: &Mau06Input) -> Declaration {
    Declaration {
        file: input.file.clone(),
        sheet: input.sheet.clone(),
        people: input
            .rows
            .iter()
            .map(|r| DeclaredPerson {
                id: r.id.clone(),
                id_written: r.id_written,
                name: r.name.clone(),
                declared: r.declared,
                cell: r.result_cell.clone().unwrap_or_else(|| r.name_cell.clone()),
            })
            .collect(),
    }
}

fn unit_result(
    input: Mau06Input,
    profile: &Profile,
    fallback_code: &str,
    people: Vec<PersonResult>,
    declaration: Arc<Declaration>,
) -> Option<UnitResult> {
    let (Some(unit), Some(quarter), Some(bloc), true) =
        (input.unit, input.quarter, input.bloc, input.table)
    else {
        return None;
    };
    if people.is_empty() {
        return None;
    }
    let headcount = people.len() as u32;
    let mut summary = summarize(&people);
    summary.reward_cap = rules::reward_cap(
        summary.dat,
        headcount,
        profile.bloc(bloc).reward_percent,
        profile.rounding,
        profile.reward_base,
    );
    Some(UnitResult {
        unit,
        code_written: input.code.is_some(),
        code: input.code.unwrap_or_else(|| fallback_code.to_string()),
        bloc,
        headcount,
        source: input.file,
        people,
        summary,
        quarter,
        quarter_cell: input.quarter_cell,
        code_cell: input.code_cell,
        sent: None,
        proposals: None,
        mau06: Some(declaration),
    })
}

// ---------------------------------------------------------------------------------------------
// Beside the unit's workbook

/// A mẫu 06 compared with the results of the unit's workbook, which decides (SPEC §3 "Identity"):
/// every person whose `Kết quả` is not the workbook's result, every person of one missing from
/// the other, is `result-mismatch` on the mẫu 06. People are matched by `Mã CB` where the mẫu 06
/// writes one, else by name (case and spacing aside); a person the workbook leaves undecided
/// (`loi`) is not compared.
pub fn compare(d: &Declaration, book: &UnitResult) -> Vec<Finding> {
    let mut out = Vec::new();
    let by_id: HashMap<String, usize> = book
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (text::key(&p.id), i))
        .collect();
    let mut matched = vec![false; book.people.len()];
    for p in &d.people {
        let by_code = p
            .id_written
            .then(|| by_id.get(&text::key(&p.id)).copied())
            .flatten()
            .filter(|&i| !matched[i]);
        let by_name = || {
            (0..book.people.len())
                .find(|&i| !matched[i] && same_name(&book.people[i].name, &p.name))
        };
        match by_code.or_else(by_name) {
            Some(i) => {
                matched[i] = true;
                if let Some(detail) = disagreement(p, &book.people[i], book) {
                    out.push(finding(d, Some(&p.cell), &book.people[i], detail));
                }
            }
            None => {
                let detail = Detail::Mau06NotInWorkbook {
                    workbook: book.source.clone(),
                };
                out.push(Finding {
                    person: Some(p.id.clone()),
                    person_name: Some(p.name.clone()),
                    ..finding_at(d, Some(&p.cell), detail)
                });
            }
        }
    }
    for (person, _) in book.people.iter().zip(&matched).filter(|(_, m)| !**m) {
        let detail = Detail::Mau06PersonMissing {
            id: person.id.clone(),
            name: person.name.clone(),
            workbook: book.source.clone(),
        };
        out.push(finding(d, None, person, detail));
    }
    out
}

/// The mẫu 06's `Kết quả` against the workbook's result, when both are known and differ.
fn disagreement(p: &DeclaredPerson, decided: &PersonResult, book: &UnitResult) -> Option<Detail> {
    let declared = p.declared?.status();
    (decided.status != Status::Loi && decided.status != declared).then(|| Detail::Mau06Disagrees {
        declared,
        decided: decided.status,
        workbook: book.source.clone(),
    })
}

fn finding_at(d: &Declaration, cell: Option<&str>, detail: Detail) -> Finding {
    Finding {
        file: d.file.clone(),
        sheet: Some(d.sheet.clone()),
        cell: cell.map(str::to_string),
        person: None,
        person_name: None,
        detail,
    }
}

/// A finding about a person of the workbook, named by the workbook's `Mã CB`.
fn finding(d: &Declaration, cell: Option<&str>, p: &PersonResult, detail: Detail) -> Finding {
    Finding {
        person: Some(p.id.clone()),
        person_name: Some(p.name.clone()),
        ..finding_at(d, cell, detail)
    }
}

/// Two names of one person: the same words, case and spacing aside (diacritics count).
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        text::tidy(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}
