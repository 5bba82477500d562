//! A unit's mẫu 06 typed by hand (SPEC §3 "Mẫu 06 typed by hand"): each person decided on what
//! the mẫu 06 shows — the rules that need no per-content score ([`rules::mau06_checks`]) against
//! the unit's own `Kết quả` ([`rules::mau06_outcome`]) — and, when the unit also sent its
//! workbook, the mẫu 06 compared with the workbook's results ([`compare`]): the workbook decides.

use crate::calendar::CalendarError;
use crate::evaluate::{summarize, PersonResult, UnitResult};
use crate::finding::{Detail, Finding, ScopeBreach};
use crate::i18n::Lang;
use crate::model::{Form, Quarter, Rating, Reason, Status};
use crate::profile::Profile;
use crate::reader::mau06::{Mau06Input, Mau06Row};
use crate::rules::{
    self, Mau06Declaration, Mau06Facts, Mau06Member, Mau06Outcome, ScopeStanding, Standing,
    TimeAway,
};
use crate::text;
use crate::vocab::{DayMonth, Declared, Direction, NotEvaluatedNote, StatedLength};
use chrono::{Datelike, NaiveDate};
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
    let headcount = unit_size(&input, &mut out);
    form_size(&input, headcount, profile, &mut out);
    let mut calendar_reported = false;
    let left_out: Vec<Option<Reason>> = input
        .rows
        .iter()
        .map(|r| not_evaluated(&input, r, profile, &mut calendar_reported, &mut out))
        .collect();
    let standings: Vec<Standing> = input
        .rows
        .iter()
        .zip(&left_out)
        .map(|(r, left)| member(r, left.is_some()).standing())
        .collect();
    let people: Vec<PersonResult> = (0..input.rows.len())
        .map(|i| {
            let sheet = Sheet {
                input: &input,
                standings: &standings,
            };
            decide_row(&sheet, i, left_out[i], profile, &mut out)
        })
        .collect();
    let declaration = Arc::new(declaration(&input));
    let unit = unit_result(
        input,
        profile,
        fallback_code,
        people,
        headcount,
        declaration.clone(),
    );
    (unit, declaration, out)
}

/// The rows of a mẫu 06 with each one's standing for a leader's condition.
struct Sheet<'a> {
    input: &'a Mau06Input,
    standings: &'a [Standing],
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

/// The unit size (SPEC §3: `Tổng số CBCCVC, NLĐ` picks mẫu 04 or 05): as the mẫu 06 writes it,
/// else the number of people it lists (it lists everyone, the people not evaluated included).
/// A written size that is not the number listed is `headcount-mismatch`.
fn unit_size(input: &Mau06Input, out: &mut Vec<Finding>) -> u32 {
    let listed = input.rows.len() as u32;
    let Some((declared, cell)) = &input.headcount else {
        return listed;
    };
    if *declared != listed && input.table && listed > 0 {
        out.push(Finding {
            file: input.file.clone(),
            sheet: Some(input.sheet.clone()),
            cell: Some(cell.clone()),
            person: None,
            person_name: None,
            detail: Detail::Mau06HeadcountMismatch {
                declared: *declared,
                listed,
            },
        });
    }
    *declared
}

/// The form against the unit size (SPEC §2: mẫu 04 below 20 people, mẫu 05 from 20): `form-size`
/// once per form, on the first row that uses it.
fn form_size(input: &Mau06Input, headcount: u32, profile: &Profile, out: &mut Vec<Finding>) {
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

/// What a row shows of someone else, for a leader's condition.
fn member(r: &Mau06Row, not_evaluated: bool) -> Mau06Member {
    Mau06Member {
        ratings: r.ratings,
        unreadable: r.ratings_unreadable,
        not_evaluated,
    }
}

// ---------------------------------------------------------------------------------------------
// Not evaluated

/// Why a person declared `Không đánh giá` is left out, when the words beside it hold (SPEC §2
/// "Not evaluated"; Hướng dẫn 17 §3.1: an absence of 15 working days or more in the quarter).
/// An absence, or a time outside the unit, counts only with a length that reaches the threshold:
/// a number of days, dates (counted in working days of the quarter), "cả quý", or this tool's
/// own words. A shorter length is `result-mismatch`, no length `value-unclear`: the person is
/// `loi`, never left out on a guess. `ngoai-doi-tuong` needs no length.
fn not_evaluated(
    input: &Mau06Input,
    r: &Mau06Row,
    profile: &Profile,
    calendar_reported: &mut bool,
    out: &mut Vec<Finding>,
) -> Option<Reason> {
    if r.declared != Some(Declared::KhongDanhGia) {
        return None;
    }
    let note = r.not_evaluated.as_ref()?;
    let t = &profile.thresholds;
    let mut failed: Option<(Reason, TimeAway, Vec<u32>)> = None;
    for &reason in &note.reasons {
        if reason == Reason::NgoaiDoiTuong {
            return Some(reason);
        }
        let readings = match (input.quarter, note.length) {
            (Some(q), _) => readings(note, reason, q, profile),
            (None, StatedLength::Days(hd)) => Ok(vec![hd]),
            (None, StatedLength::WholeQuarter | StatedLength::OwnWords) => Ok(vec![u32::MAX]),
            // Dates without a quarter to count them in: the quarter's finding says why.
            (None, StatedLength::Dates { .. }) => return None,
            (None, StatedLength::NotStated | StatedLength::Months) => Ok(Vec::new()),
        };
        let readings = match readings {
            Ok(x) => x,
            Err(year) => {
                if !*calendar_reported {
                    *calendar_reported = true;
                    let cell = r.note_cell.clone().unwrap_or_else(|| r.name_cell.clone());
                    push(input, r, &cell, Detail::YearNotInCalendar { year }, out);
                }
                return None;
            }
        };
        match rules::mau06_time_away(&readings, t) {
            TimeAway::Enough => return Some(reason),
            verdict => {
                failed.get_or_insert((reason, verdict, readings));
            }
        }
    }
    if let Some((reason, verdict, readings)) = failed {
        let cell = (r.note_cell.clone())
            .or_else(|| r.result_cell.clone())
            .unwrap_or_else(|| r.name_cell.clone());
        let limit = t.absence_days;
        // The words the reason was read from: `Ghi chú`, else `Kết quả` ("Không xét - thai sản").
        let written = if r.note.is_empty() {
            r.result.clone()
        } else {
            r.note.clone()
        };
        let detail = match verdict {
            TimeAway::TooShort(half_days) => Detail::Mau06TimeAwayShort {
                reason,
                half_days,
                limit,
                note: written,
            },
            _ => Detail::Mau06TimeAwayUnknown {
                reason,
                limit,
                note: written,
                readings,
            },
        };
        push(input, r, &cell, detail, out);
    }
    None
}

/// The lengths, in half working days of the quarter, that a note's words allow for one reason:
/// one reading, or two when the words leave open whether a date is the start or the end of the
/// time outside the unit; none without a length. `Err(year)`: the calendar lacks that year.
fn readings(
    note: &NotEvaluatedNote,
    reason: Reason,
    q: Quarter,
    profile: &Profile,
) -> Result<Vec<u32>, i32> {
    let (first, last) = (q.first_day(), q.last_day());
    let wd = |a: NaiveDate, b: NaiveDate| -> Result<u32, i32> {
        match profile.calendar.working_days_within(a, b, first, last) {
            Ok(n) => Ok(n * 2),
            Err(CalendarError::YearMissing(y)) => Err(y),
            Err(_) => Ok(0),
        }
    };
    let (from, to) = match note.length {
        StatedLength::Days(hd) => return Ok(vec![hd]),
        StatedLength::WholeQuarter | StatedLength::OwnWords => return Ok(vec![u32::MAX]),
        StatedLength::NotStated | StatedLength::Months => return Ok(Vec::new()),
        StatedLength::Dates { from, to } => (
            from.map(|d| date_in(d, q, true)),
            to.map(|d| date_in(d, q, false)),
        ),
    };
    // A date that does not exist (31/2): no reading.
    if from == Some(None) || to == Some(None) {
        return Ok(Vec::new());
    }
    let (from, to) = (from.flatten(), to.flatten());
    let day_before = |d: NaiveDate| d.pred_opt().unwrap_or(d);
    let day_after = |d: NaiveDate| d.succ_opt().unwrap_or(d);
    if reason == Reason::Vang15Ngay {
        // The absence itself: a missing end is the quarter's (still absent when it is reported).
        let (a, b) = (from.unwrap_or(first), to.unwrap_or(last));
        return if a > b {
            Ok(Vec::new())
        } else {
            Ok(vec![wd(a, b)?])
        };
    }
    // A time outside the unit.
    match (from, to) {
        (Some(a), Some(b)) if a <= b => {
            // The span outside the unit, or the span in it.
            let span = wd(a, b)?;
            Ok(vec![span, wd(first, last)?.saturating_sub(span)])
        }
        (Some(_), Some(_)) | (None, None) => Ok(Vec::new()),
        (Some(d), None) | (None, Some(d)) => {
            let before = wd(first, day_before(d))?;
            let after = match to {
                Some(_) => wd(day_after(d), last)?,
                None => wd(d, last)?,
            };
            Ok(match note.direction {
                Some(Direction::Joined) => vec![before],
                Some(Direction::Left) => vec![after],
                None => vec![before, after],
            })
        }
    }
}

/// A note's date in the quarter's year when none is written (a start after the quarter's last
/// month is of the year before; an end before its first month, of the year after). `None`: no
/// such day.
fn date_in(d: DayMonth, q: Quarter, start: bool) -> Option<NaiveDate> {
    let months = q.months();
    let year = d.year.unwrap_or(if start && d.month > months[2] {
        q.year - 1
    } else if !start && d.month < months[0] {
        q.year + 1
    } else {
        q.year
    });
    NaiveDate::from_ymd_opt(year, d.month, d.day).filter(|x| x.year() == year)
}

// ---------------------------------------------------------------------------------------------
// Deciding a row

/// One person: the checks without scores (for a mẫu 03 leader, everyone else's months too), the
/// values a declared `Đạt` needs, the outcome.
fn decide_row(
    sheet: &Sheet,
    i: usize,
    left_out: Option<Reason>,
    profile: &Profile,
    out: &mut Vec<Finding>,
) -> PersonResult {
    let input = sheet.input;
    let r = &input.rows[i];
    let range = r.form.map(|f| {
        let mask = &profile.form(f).mandatory;
        rules::total_bounds(mask, &profile.thresholds, profile.scale_max)
    });
    let others = || {
        sheet
            .standings
            .iter()
            .enumerate()
            .filter(move |(j, _)| *j != i)
    };
    let scope = (r.form == Some(Form::M03)).then(|| rules::mau06_scope(others().map(|(_, s)| s)));
    let facts = Mau06Facts {
        ratings: r.ratings,
        total: r.total,
        range,
        scope,
    };
    let (checks, complete) = rules::mau06_checks(&facts);
    let mut has_errors = r.has_errors;
    if r.declared == Some(Declared::Dat) {
        has_errors |= report_missing_for_dat(input, r, out);
    }
    let declaration = Mau06Declaration {
        declared: r.declared,
        not_evaluated: left_out,
        noted: &r.noted_reasons,
        has_errors,
    };
    let outcome = rules::mau06_outcome(&declaration, &checks, complete);
    if outcome.mismatch {
        let breaches = match scope {
            Some(ScopeStanding::Breached) => others()
                .filter(|(_, s)| **s == Standing::Breach)
                .map(|(j, _)| breach(input, &input.rows[j]))
                .collect(),
            _ => Vec::new(),
        };
        report_mismatch(input, r, &facts, checks, breaches, out);
    } else if r.declared == Some(Declared::Dat)
        && scope == Some(ScopeStanding::Unknown)
        && !has_errors
        && rules::mau06_checks(&Mau06Facts {
            scope: None,
            ..facts
        })
        .1
    {
        // The leader's own values hold; someone else's month is unknown.
        for (j, s) in others() {
            if let Standing::Unknown(unknown) = s {
                report_scope_unknown(input, r, &input.rows[j], unknown, out);
            }
        }
    }
    person_result(r, outcome)
}

/// Someone else rated không hoàn thành nhiệm vụ, for the words of a leader's `result-mismatch`.
fn breach(input: &Mau06Input, other: &Mau06Row) -> ScopeBreach {
    let failed: Vec<usize> = (0..3)
        .filter(|&k| other.ratings[k] == Some(Rating::KhongHoanThanh))
        .collect();
    let months = match input.quarter {
        Some(q) => failed.iter().map(|&k| q.months()[k]).collect(),
        None => failed.iter().map(|&k| k as u32 + 1).collect(),
    };
    let cell = failed
        .first()
        .and_then(|&k| other.rating_cells[k].clone())
        .unwrap_or_else(|| other.name_cell.clone());
    ScopeBreach {
        name: other.name.clone(),
        cell,
        months,
    }
}

/// `scope-unknown`: a leader declared `Đạt` whom someone else's unknown month leaves undecided.
fn report_scope_unknown(
    input: &Mau06Input,
    leader: &Mau06Row,
    other: &Mau06Row,
    unknown: &[rules::Unknown],
    out: &mut Vec<Finding>,
) {
    let Some(rules::Unknown::Month(k)) = unknown.first().copied() else {
        return;
    };
    let month = input.quarter.map_or(k as u32 + 1, |q| q.months()[k]);
    let cell = other.rating_cells[k]
        .clone()
        .unwrap_or_else(|| other.name_cell.clone());
    let detail = Detail::ScopeUnknown {
        leader_id: leader.id.clone(),
        leader_name: leader.name.clone(),
        member_id: other.id.clone(),
        member_name: other.name.clone(),
        column: format!("Tháng {month}"),
    };
    push(input, leader, &cell, detail, out);
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
    reasons: Vec<Reason>,
    breaches: Vec<ScopeBreach>,
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
        breaches,
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
        scores: None,
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
    headcount: u32,
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
        leads: Vec::new(),
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
    name_key(a) == name_key(b)
}

/// A person's name as [`same_name`] compares it.
pub(crate) fn name_key(s: &str) -> String {
    text::tidy(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
