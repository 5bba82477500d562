//! `danhgia bat-thuong` (SPEC §4; 001 Bước 4: "kết quả đánh giá có sự bất thường"): the units of
//! the quarter under review — from unit workbooks, mẫu 06 sent alone or results documents — and,
//! when given, those of the previous quarter, turned into the facts the signs need
//! ([`crate::anomaly`]); the signs found; what could not be checked and why. Nothing here
//! changes a result.

pub mod report;
pub mod results_doc;

use crate::anomaly::{
    self, Depth, Findings, NotChecked, PersonFacts, Ratio, Sign, UnitFacts, UnitIndex,
};
use crate::batch::{self, Batch, Input};
use crate::evaluate::UnitResult;
use crate::finding::{Code, Detail};
use crate::i18n::Lang;
use crate::model::{Bloc, Quarter};
use crate::profile::Profile;
use results_doc::{ResultUnit, ResultsDoc};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name of the results document a `run` writes into its folder.
pub const RESULTS_FILE: &str = "ket-qua.json";

/// What the command was given: results documents, and the workbooks found in the other paths.
#[derive(Debug, Default)]
pub struct Given {
    /// `ket-qua.json` files, and those at the top of `run` output folders.
    pub docs: Vec<PathBuf>,
    /// The paths searched for workbooks, as given.
    pub searched: Vec<PathBuf>,
    pub inputs: Vec<Input>,
}

impl Given {
    /// Sorts the paths: a `.json` file is a results document, a folder holding `ket-qua.json`
    /// is a `run` output folder (its results document is read, its workbooks are outputs), any
    /// other path is searched for workbooks.
    pub fn of(paths: &[PathBuf]) -> Given {
        let mut g = Given::default();
        for p in paths {
            let is_json = p
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if is_json && !p.is_dir() {
                g.docs.push(p.clone());
            } else if p.is_dir() && p.join(RESULTS_FILE).is_file() {
                g.docs.push(p.join(RESULTS_FILE));
            } else {
                g.searched.push(p.clone());
            }
        }
        g.inputs = batch::collect_inputs(&g.searched);
        g
    }

    /// Nothing to read: no results document and no workbook.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty() && self.inputs.iter().all(|i| i.skip)
    }
}

/// A unit as reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewedUnit {
    pub name: String,
    pub code: String,
    pub bloc: Bloc,
    pub source: String,
    pub depth: Depth,
}

/// Something the reader of the review should know about the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A results document that cannot be used.
    Unreadable { file: String, reason: String },
    /// A file of a quarter that is neither the one reviewed nor the one before.
    OtherQuarter { file: String, quarter: Quarter },
    /// A unit given twice for one quarter: the first one (workbooks first) is used.
    SameUnit {
        file: String,
        unit: String,
        used: String,
    },
}

impl Note {
    pub fn file(&self) -> &str {
        match self {
            Note::Unreadable { file, .. }
            | Note::OtherQuarter { file, .. }
            | Note::SameUnit { file, .. } => file,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Note::Unreadable { reason, .. }, _) => reason.clone(),
            (Note::OtherQuarter { quarter, .. }, Lang::Vi) => format!(
                "của quý {}/{}, không phải quý đang xem hay quý liền trước: không dùng",
                quarter.roman(),
                quarter.year
            ),
            (Note::OtherQuarter { quarter, .. }, Lang::En) => {
                format!("of {quarter}, neither the quarter reviewed nor the one before: not used")
            }
            (Note::SameUnit { unit, used, .. }, Lang::Vi) => {
                format!("đơn vị {unit} đã có trong '{used}': dùng số liệu ở đó")
            }
            (Note::SameUnit { unit, used, .. }, Lang::En) => {
                format!("the unit {unit} is already given by '{used}': that one is used")
            }
        }
    }
}

/// The review of a quarter.
#[derive(Debug, Clone)]
pub struct Review {
    pub quarter: Quarter,
    /// The previous quarter, when its results were given.
    pub previous: Option<Quarter>,
    pub units: Vec<ReviewedUnit>,
    pub signs: Vec<Sign>,
    pub not_checked: Vec<NotChecked>,
    pub notes: Vec<Note>,
    /// Errors found in the inputs of the quarter reviewed (their people are `loi`, never đạt).
    pub errors: usize,
}

impl Review {
    /// The units with at least one sign.
    pub fn units_with_signs(&self) -> usize {
        let mut units: Vec<usize> = self.signs.iter().map(|s| s.unit).collect();
        units.dedup();
        units.len()
    }
}

/// The quarter before `q`.
pub fn previous_quarter(q: Quarter) -> Option<Quarter> {
    if q.q == 1 {
        Quarter::new(q.year - 1, 4)
    } else {
        Quarter::new(q.year, q.q - 1)
    }
}

/// What a unit's result gives the signs.
pub fn facts_of_result(u: &UnitResult) -> UnitFacts<'_> {
    UnitFacts {
        name: &u.unit,
        code: &u.code,
        coded: u.code_written,
        bloc: u.bloc,
        rate: Ratio::new(u.summary.dat, u.summary.evaluated),
        depth: if u.from_mau06() {
            Depth::Mau06
        } else {
            Depth::Scores
        },
        people: u
            .people
            .iter()
            .map(|p| PersonFacts {
                id: &p.id,
                name: &p.name,
                form: p.form,
                total: p.total,
                tops: p.tens,
                digest: p.scores,
            })
            .collect(),
        leads: &u.leads,
    }
}

/// What a unit of a results document gives the signs: rates and totals.
fn facts_of_doc(u: &ResultUnit) -> UnitFacts<'_> {
    UnitFacts {
        name: &u.unit,
        code: &u.code,
        coded: u.coded,
        bloc: u.bloc,
        rate: Ratio::new(u.dat, u.evaluated),
        depth: Depth::Results,
        people: u
            .people
            .iter()
            .map(|p| PersonFacts {
                id: &p.id,
                name: &p.name,
                form: p.form,
                total: p.total,
                tops: 0,
                digest: None,
            })
            .collect(),
        leads: &[],
    }
}

/// The signs of one batch's units, without a previous quarter (for `run`'s summary): how many
/// signs, on how many units.
pub fn count(units: &[UnitResult], profile: &Profile) -> (usize, usize) {
    let facts: Vec<UnitFacts> = units.iter().map(facts_of_result).collect();
    let found = anomaly::detect(&facts, None, profile);
    let mut on: Vec<usize> = found.signs.iter().map(|s| s.unit).collect();
    on.dedup();
    (found.signs.len(), on.len())
}

/// How many signs a `run` shows (without the previous quarter), on how many units, and the
/// command that lists them with their evidence (`danhgia/tom-tat/v1`'s `bat_thuong`).
#[derive(Debug, Default, Serialize)]
pub struct SignsSeen {
    pub signs: usize,
    pub units: usize,
    pub command: String,
}

/// What `run` ran on: its paths, the quarter it took, the profile it was given, its language.
pub struct RunContext<'a> {
    pub paths: &'a [PathBuf],
    pub quarter: Option<Quarter>,
    pub profile: Option<&'a str>,
    pub lang: Lang,
}

impl SignsSeen {
    /// The signs of `run`'s units, and the command that reviews the same quarter of the same
    /// paths with the same profile and language.
    pub fn of(units: &[UnitResult], profile: &Profile, run: &RunContext) -> SignsSeen {
        let (signs, units) = count(units, profile);
        let mut words = vec!["danhgia".to_string()];
        if run.lang == Lang::En {
            words.extend(["--lang".into(), "en".into()]);
        }
        words.push("bat-thuong".into());
        words.extend(
            run.paths
                .iter()
                .map(|p| shell_word(&p.display().to_string())),
        );
        if let Some(q) = run.quarter {
            words.extend(["-q".into(), q.to_string()]);
        }
        if let Some(f) = run.profile {
            words.extend(["--profile".into(), shell_word(f)]);
        }
        SignsSeen {
            signs,
            units,
            command: words.join(" "),
        }
    }

    /// The line of `run`'s summary.
    pub fn line(&self, lang: Lang) -> String {
        let command = crate::text::terminal_safe(&self.command);
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        // `run` reads one quarter: the jump from the quarter before is checked by the command,
        // when its paths hold that quarter too.
        match (self.signs, lang) {
            (0, Lang::Vi) => format!("Dấu hiệu bất thường cần xem lại (bước 4): không có (chưa so với quý trước: {command}).\n"),
            (0, Lang::En) => format!("Signs to review (step 4): none (not yet compared with the previous quarter: {command}).\n"),
            (n, Lang::Vi) => format!(
                "Dấu hiệu bất thường cần xem lại (bước 4): {n} ở {} đơn vị, chưa so với quý trước; xem chi tiết: {command}\n",
                self.units
            ),
            (n, Lang::En) => format!(
                "Signs to review (step 4): {} on {}, not yet compared with the previous quarter; details: {command}\n",
                plural(n, "sign", "signs"),
                plural(self.units, "unit", "units")
            ),
        }
    }
}

/// A path as typed in a shell: quoted when it holds spaces or shell characters.
fn shell_word(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-+,:@%".contains(c));
    if plain && !s.is_empty() {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The units of one quarter, from workbooks and results documents.
#[derive(Default)]
struct QuarterUnits<'a> {
    results: Vec<&'a UnitResult>,
    /// Units of results documents, each with the document's file.
    docs: Vec<(&'a str, &'a ResultUnit)>,
    /// The units given so far, workbooks first: where each one was read.
    index: UnitIndex,
    sources: Vec<&'a str>,
}

impl<'a> QuarterUnits<'a> {
    fn of_workbooks(results: Vec<&'a UnitResult>) -> QuarterUnits<'a> {
        let mut units = QuarterUnits::default();
        for r in &results {
            units
                .index
                .add(&r.code, &r.unit, r.code_written, units.sources.len());
            units.sources.push(&r.source);
        }
        units.results = results;
        units
    }

    /// Adds the units of a results document, leaving out (with a note) a unit already given:
    /// as `run` tells units apart (SPEC §3), by code where both have a code that tells them,
    /// else by name.
    fn add_doc(&mut self, doc: &'a ResultsDoc, notes: &mut Vec<Note>) {
        for u in &doc.units {
            match self.index.same(&u.code, &u.unit, u.coded) {
                Some(at) => notes.push(Note::SameUnit {
                    file: doc.file.clone(),
                    unit: u.unit.clone(),
                    used: self.sources[at].to_string(),
                }),
                None => {
                    self.index
                        .add(&u.code, &u.unit, u.coded, self.sources.len());
                    self.sources.push(&doc.file);
                    self.docs.push((&doc.file, u));
                }
            }
        }
    }

    fn facts(&self) -> Vec<UnitFacts<'a>> {
        let results = self.results.iter().map(|u| facts_of_result(u));
        results
            .chain(self.docs.iter().map(|(_, u)| facts_of_doc(u)))
            .collect()
    }

    fn reviewed(&self) -> Vec<ReviewedUnit> {
        let results = self.results.iter().map(|u| ReviewedUnit {
            name: u.unit.clone(),
            code: u.code.clone(),
            bloc: u.bloc,
            source: u.source.clone(),
            depth: facts_of_result(u).depth,
        });
        let docs = self.docs.iter().map(|(file, u)| ReviewedUnit {
            name: u.unit.clone(),
            code: u.code.clone(),
            bloc: u.bloc,
            source: file.to_string(),
            depth: Depth::Results,
        });
        results.chain(docs).collect()
    }

    fn is_empty(&self) -> bool {
        self.results.is_empty() && self.docs.is_empty()
    }
}

/// The workbooks read for the quarter reviewed and for the one before.
#[derive(Default)]
struct Batches {
    current: Option<Batch>,
    previous: Option<Batch>,
    /// The quarter of each workbook that told it (by its name as shown).
    quarters: BTreeMap<String, Quarter>,
    /// Workbooks that gave no unit of any quarter, each with its first error.
    unread: Vec<Note>,
}

/// Reads the workbooks: once for the quarter most of them give (or `-q`); then, when the
/// quarter reviewed (`-q`, else the latest any input gives) or the one before it is not the one
/// read, the workbooks of that quarter on their own.
fn read_workbooks(
    inputs: &[Input],
    asked: Option<Quarter>,
    doc_quarters: &[Quarter],
    profile: &Profile,
    lang: Lang,
) -> (Option<Quarter>, Batches) {
    let mut first = None;
    let mut quarters = BTreeMap::new();
    let mut unread = Vec::new();
    if inputs.iter().any(|i| !i.skip) {
        let b = batch::run(inputs, profile, asked);
        quarters = file_quarters(&b);
        unread = unread_files(&b, &quarters, lang);
        first = Some(b);
    }
    let latest = quarters.values().chain(doc_quarters).max().copied();
    let Some(current) = asked.or(latest) else {
        return (
            None,
            Batches {
                unread,
                ..Batches::default()
            },
        );
    };
    let mut batch_of = |q: Quarter| -> Option<Batch> {
        if first.as_ref().is_some_and(|b| b.quarter == Some(q)) {
            return first.take();
        }
        let files: Vec<Input> = inputs
            .iter()
            .filter(|i| quarters.get(&i.display) == Some(&q))
            .cloned()
            .collect();
        (!files.is_empty()).then(|| batch::run(&files, profile, Some(q)))
    };
    let current_batch = batch_of(current);
    let previous_batch = previous_quarter(current).and_then(&mut batch_of);
    let batches = Batches {
        current: current_batch,
        previous: previous_batch,
        quarters,
        unread,
    };
    (Some(current), batches)
}

/// The quarter each workbook gives: that of its unit, or the one a `quarter-mismatch` names.
fn file_quarters(b: &Batch) -> BTreeMap<String, Quarter> {
    let mut out = BTreeMap::new();
    for u in &b.units {
        out.insert(u.source.clone(), u.quarter);
    }
    for f in &b.findings {
        if let Detail::QuarterMismatch { found, .. } = f.detail {
            out.entry(f.file.clone()).or_insert(found);
        }
    }
    out
}

/// The workbooks with errors that gave no quarter (unreadable, not a unit's), each with its
/// first error.
fn unread_files(b: &Batch, quarters: &BTreeMap<String, Quarter>, lang: Lang) -> Vec<Note> {
    b.files
        .iter()
        .filter(|f| f.status == batch::FileStatus::Loi && !quarters.contains_key(&f.file))
        .filter_map(|f| {
            let first = b
                .findings
                .iter()
                .find(|x| x.file == f.file && x.severity() == crate::finding::Severity::Error)?;
            Some(Note::Unreadable {
                file: f.file.clone(),
                reason: first.message(lang),
            })
        })
        .collect()
}

/// The errors of the quarter reviewed: a file of another quarter, and its errors, are none of
/// them.
fn errors_of(b: Option<&Batch>, quarters: &BTreeMap<String, Quarter>, quarter: Quarter) -> usize {
    let of_quarter = |file: &str| quarters.get(file).is_none_or(|q| *q == quarter);
    b.map_or(0, |b| {
        b.findings
            .iter()
            .filter(|f| f.severity() == crate::finding::Severity::Error)
            .filter(|f| f.code() != Code::QuarterMismatch && of_quarter(&f.file))
            .count()
    })
}

/// Reviews what was given; when no unit of the quarter could be read, the notes that may say
/// why.
pub fn review(
    given: &Given,
    asked: Option<Quarter>,
    profile: &Profile,
    lang: Lang,
) -> Result<Review, Vec<Note>> {
    let (docs, mut notes) = read_docs(given, lang);
    let doc_quarters: Vec<Quarter> = docs.iter().map(|d| d.quarter).collect();
    let (quarter, batches) = read_workbooks(&given.inputs, asked, &doc_quarters, profile, lang);
    notes.extend(batches.unread.iter().cloned());
    let Some(quarter) = quarter else {
        return Err(notes);
    };
    let previous = previous_quarter(quarter);
    let mut now = QuarterUnits::of_workbooks(units_of(batches.current.as_ref()));
    let mut before = QuarterUnits::of_workbooks(units_of(batches.previous.as_ref()));
    for d in &docs {
        if d.quarter == quarter {
            now.add_doc(d, &mut notes);
        } else if Some(d.quarter) == previous {
            before.add_doc(d, &mut notes);
        }
    }
    notes.extend(other_quarters(&docs, &batches.quarters, quarter));
    if now.is_empty() {
        return Err(notes);
    }
    let (facts, before_facts) = (now.facts(), before.facts());
    let with_previous = previous.filter(|_| !before.is_empty());
    let Findings { signs, not_checked } = anomaly::detect(
        &facts,
        with_previous.map(|q| (q, before_facts.as_slice())),
        profile,
    );
    Ok(Review {
        quarter,
        previous: with_previous,
        units: now.reviewed(),
        signs,
        not_checked,
        notes,
        errors: errors_of(batches.current.as_ref(), &batches.quarters, quarter),
    })
}

/// The results documents given, and a note for each that cannot be used.
fn read_docs(given: &Given, lang: Lang) -> (Vec<ResultsDoc>, Vec<Note>) {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    for p in &given.docs {
        match results_doc::read(p, lang) {
            Ok(d) => docs.push(d),
            Err(reason) => notes.push(Note::Unreadable {
                file: p.display().to_string(),
                reason,
            }),
        }
    }
    (docs, notes)
}

/// A note for each document or workbook of neither the quarter reviewed nor the one before.
fn other_quarters(
    docs: &[ResultsDoc],
    workbooks: &BTreeMap<String, Quarter>,
    quarter: Quarter,
) -> Vec<Note> {
    let used = |q: Quarter| q == quarter || Some(q) == previous_quarter(quarter);
    let of_docs = docs.iter().map(|d| (d.file.as_str(), d.quarter));
    let of_books = workbooks.iter().map(|(f, q)| (f.as_str(), *q));
    of_docs
        .chain(of_books)
        .filter(|(_, q)| !used(*q))
        .map(|(file, q)| Note::OtherQuarter {
            file: file.to_string(),
            quarter: q,
        })
        .collect()
}

fn units_of(b: Option<&Batch>) -> Vec<&UnitResult> {
    b.map_or(Vec::new(), |b| b.units.iter().collect())
}

/// The paths a review reads, for the check that `-o` writes over none of them.
pub fn read_paths(given: &Given) -> Vec<&Path> {
    given
        .docs
        .iter()
        .map(PathBuf::as_path)
        .chain(given.inputs.iter().map(|i| i.path.as_path()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_as_typed_in_a_shell() {
        assert_eq!(shell_word("thu-muc/quy-1"), "thu-muc/quy-1");
        assert_eq!(shell_word("Sổ quý 1/"), "'Sổ quý 1/'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }

    #[test]
    fn the_quarter_before_crosses_the_year() {
        let q = |y, n| Quarter::new(y, n).unwrap();
        assert_eq!(previous_quarter(q(2024, 1)), Some(q(2023, 4)));
        assert_eq!(previous_quarter(q(2024, 3)), Some(q(2024, 2)));
    }

    #[test]
    fn results_documents_and_run_folders_are_told_from_workbooks() {
        let tmp = tempfile::tempdir().unwrap();
        let run = tmp.path().join("ket-qua-quy-1");
        std::fs::create_dir_all(&run).unwrap();
        std::fs::write(run.join(RESULTS_FILE), "{}").unwrap();
        let books = tmp.path().join("so");
        std::fs::create_dir_all(&books).unwrap();
        std::fs::write(books.join("a.xlsx"), "").unwrap();
        let json = tmp.path().join("Q1.JSON");
        let g = Given::of(&[run.clone(), books.clone(), json.clone()]);
        assert_eq!(g.docs, [run.join(RESULTS_FILE), json]);
        assert_eq!(g.searched, [books]);
        assert_eq!(g.inputs.len(), 1);
        assert!(!g.is_empty());
        assert!(Given::of(&[]).is_empty());
    }
}
