//! A batch: every input file read and evaluated on its own (in parallel), then checked against the
//! others (one quarter, one workbook per unit). A problem in one file never stops the batch.

use crate::evaluate::{self, UnitResult};
use crate::finding::{Detail, Finding, Severity, Unreadable};
use crate::model::Quarter;
use crate::profile::Profile;
use crate::reader::unit::{self, SHEET_INFO};
use crate::reader::Workbook;
use rayon::prelude::*;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Extensions read as workbooks when a directory is searched.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods", "xlsb"];

/// One input file, and whether it is skipped.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    /// As shown in reports (the path as given or as found under a given directory).
    pub display: String,
    pub skip: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FileStatus {
    #[serde(rename = "ok")]
    Ok,
    #[serde(rename = "loi")]
    Loi,
    #[serde(rename = "canh-bao")]
    CanhBao,
    #[serde(rename = "bo-qua")]
    BoQua,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    pub status: FileStatus,
    pub errors: u32,
    pub warnings: u32,
}

#[derive(Debug, Default)]
pub struct Batch {
    pub quarter: Option<Quarter>,
    pub units: Vec<UnitResult>,
    pub files: Vec<FileReport>,
    pub findings: Vec<Finding>,
}

impl Batch {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == Severity::Warning)
            .count()
    }

    /// Adds findings raised after the batch (e.g. on reward proposals): each joins those of its
    /// file, in the batch's file order, and the file's counts and status follow.
    pub fn add_findings(&mut self, extra: Vec<Finding>) {
        if extra.is_empty() {
            return;
        }
        for f in &extra {
            if let Some(r) = self.files.iter_mut().find(|r| r.file == f.file) {
                match f.severity() {
                    Severity::Error => r.errors += 1,
                    Severity::Warning => r.warnings += 1,
                }
                r.status = if r.errors > 0 {
                    FileStatus::Loi
                } else {
                    FileStatus::CanhBao
                };
            }
        }
        let order: HashMap<&str, usize> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.file.as_str(), i))
            .collect();
        let mut all: Vec<(usize, Finding)> = std::mem::take(&mut self.findings)
            .into_iter()
            .chain(extra)
            .map(|f| (order.get(f.file.as_str()).copied().unwrap_or(usize::MAX), f))
            .collect();
        // A stable sort keeps the reading order within a file.
        all.sort_by_key(|(i, _)| *i);
        self.findings = all.into_iter().map(|(_, f)| f).collect();
    }
}

fn is_skipped_name(name: &str) -> bool {
    name.starts_with("~$") || name.starts_with('.')
}

/// Expands the paths given on the command line: directories are searched recursively (sorted by
/// name, for a stable order); Excel lock files (`~$…`), hidden files and files that are not
/// workbooks are listed as skipped.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            out.push(Input {
                path: p.clone(),
                display: p.display().to_string(),
                skip: is_skipped_name(name) && p.exists(),
            });
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => {
            out.push(Input {
                path: dir.to_path_buf(),
                display: dir.display().to_string(),
                skip: false,
            });
            return;
        }
    };
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if p.is_dir() {
            if !name.starts_with('.') {
                walk(&p, out);
            }
            continue;
        }
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let workbook = WORKBOOK_EXTENSIONS.contains(&ext.as_str());
        out.push(Input {
            display: p.display().to_string(),
            skip: is_skipped_name(&name) || !workbook,
            path: p,
        });
    }
}

thread_local! {
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs a panic hook that keeps the message for the batch instead of printing it: a reader
/// bug on one file becomes a finding on that file.
pub fn install_panic_capture() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_batch = PANIC_MESSAGE.with(|m| m.borrow().is_some());
        if in_batch {
            // Keep the place (crate file and line) but not the build machine's paths.
            let place = info.location().map(|l| {
                let f = l.file();
                let short = f.rfind("/src/").map_or(f, |i| &f[i + 1..]);
                format!("{short}:{}", l.line())
            });
            let payload = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let msg = format!("{payload} ({})", place.unwrap_or_default());
            PANIC_MESSAGE.with(|m| *m.borrow_mut() = Some(msg));
        } else {
            default(info);
        }
    }));
}

struct FileOutcome {
    unit: Option<UnitResult>,
    findings: Vec<Finding>,
}

fn fallback_code(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("don-vi")
        .to_string()
}

fn process_file(input: &Input, profile: &Profile, asked: Option<Quarter>) -> FileOutcome {
    let unreadable = |u: Unreadable| FileOutcome {
        unit: None,
        findings: vec![Finding {
            file: input.display.clone(),
            sheet: None,
            cell: None,
            person: None,
            person_name: None,
            detail: Detail::Unreadable(u),
        }],
    };
    if !input.path.exists() {
        return unreadable(Unreadable::Io(
            "không có tệp hoặc thư mục này / no such file or directory".into(),
        ));
    }
    PANIC_MESSAGE.with(|m| *m.borrow_mut() = Some(String::new()));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut wb = match Workbook::open(&input.path) {
            Ok(wb) => wb,
            Err(u) => return unreadable(u),
        };
        let (read, mut findings) = unit::read_unit(&input.display, &mut wb, profile, asked);
        drop(wb);
        evaluate::name_people(&mut findings, &read.members, &read.scored);
        let (unit, more) = evaluate::evaluate_unit(read, profile, &fallback_code(&input.path));
        findings.extend(more);
        FileOutcome { unit, findings }
    }));
    let message = PANIC_MESSAGE
        .with(|m| m.borrow_mut().take())
        .unwrap_or_default();
    match result {
        Ok(outcome) => outcome,
        Err(_) => unreadable(Unreadable::Damaged(format!(
            "lỗi khi đọc tệp / reader failure: {message}"
        ))),
    }
}

/// Reads and evaluates every input.
pub fn run(inputs: &[Input], profile: &Profile, asked: Option<Quarter>) -> Batch {
    run_with_progress(inputs, profile, asked, &|| {})
}

/// As [`run`], calling `on_file` once per input as it is done (for a progress bar).
pub fn run_with_progress(
    inputs: &[Input],
    profile: &Profile,
    asked: Option<Quarter>,
    on_file: &(dyn Fn() + Sync),
) -> Batch {
    let outcomes: Vec<Option<FileOutcome>> = inputs
        .par_iter()
        .map(|input| {
            let outcome = (!input.skip).then(|| process_file(input, profile, asked));
            on_file();
            outcome
        })
        .collect();

    let mut batch = Batch {
        quarter: asked,
        ..Default::default()
    };
    let mut per_file: Vec<Vec<Finding>> = Vec::with_capacity(inputs.len());
    let mut units: Vec<(usize, UnitResult)> = Vec::new();
    for (i, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Some(o) => {
                per_file.push(o.findings);
                if let Some(u) = o.unit {
                    units.push((i, u));
                }
            }
            None => per_file.push(Vec::new()),
        }
    }

    // One quarter: the one asked for, else the one most files give (the latest on a tie).
    if asked.is_none() {
        let mut counts: BTreeMap<Quarter, usize> = BTreeMap::new();
        for (_, u) in &units {
            *counts.entry(u.quarter).or_default() += 1;
        }
        batch.quarter = counts
            .iter()
            .max_by_key(|(q, n)| (**n, **q))
            .map(|(q, _)| *q);
    }
    if let Some(q) = batch.quarter {
        units.retain(|(i, u)| {
            if u.quarter == q {
                return true;
            }
            per_file[*i].push(Finding {
                file: inputs[*i].display.clone(),
                sheet: Some(SHEET_INFO.to_string()),
                cell: u.quarter_cell.clone(),
                person: None,
                person_name: None,
                detail: Detail::QuarterMismatch {
                    found: u.quarter,
                    expected: q,
                    asked: false,
                },
            });
            false
        });
    }

    let units = one_file_per_unit(units, inputs, &mut per_file);
    let mut units = units;
    one_unit_per_person(&mut units, inputs, &mut per_file, profile);

    for (i, input) in inputs.iter().enumerate() {
        let findings = std::mem::take(&mut per_file[i]);
        let errors = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count() as u32;
        let warnings = findings.len() as u32 - errors;
        let status = if input.skip {
            FileStatus::BoQua
        } else if errors > 0 {
            FileStatus::Loi
        } else if warnings > 0 {
            FileStatus::CanhBao
        } else {
            FileStatus::Ok
        };
        batch.files.push(FileReport {
            file: input.display.clone(),
            status,
            errors,
            warnings,
        });
        batch.findings.extend(findings);
    }
    batch.units = units.into_iter().map(|(_, u)| u).collect();
    batch
}

/// The identity of a unit (SPEC §3): its `Mã đơn vị`, else its normalised `Đơn vị` name.
fn unit_key(u: &UnitResult) -> (Option<String>, String) {
    let code = u.code_written.then(|| crate::text::key(&u.code));
    (code, crate::text::key(&u.unit))
}

/// One file per unit (SPEC §3 "Identity"): of two files of one unit, the one with the later
/// `Ngày gửi` is used and the other is `unit-resubmitted`; when `Ngày gửi` cannot order them,
/// both are `unit-duplicate` and the later path is used. A file without a code is the unit
/// whose name it gives.
fn one_file_per_unit(
    units: Vec<(usize, UnitResult)>,
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
) -> Vec<(usize, UnitResult)> {
    // Group the files: by code where written, then files without a code join by name.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_code: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let keys: Vec<(Option<String>, String)> = units.iter().map(|(_, u)| unit_key(u)).collect();
    for (k, (code, name)) in keys.iter().enumerate() {
        if let Some(code) = code {
            let g = *by_code.entry(code.clone()).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(k);
            by_name.entry(name.clone()).or_insert(g);
        }
    }
    for (k, (code, name)) in keys.iter().enumerate() {
        if code.is_none() {
            let g = *by_name.entry(name.clone()).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(k);
        }
    }
    let mut keep = vec![false; units.len()];
    for group in &groups {
        let chosen = choose_file(group, &units, inputs, per_file);
        keep[chosen] = true;
    }
    let mut kept: Vec<(usize, UnitResult)> = Vec::with_capacity(groups.len());
    let mut code_of_group: HashMap<usize, String> = HashMap::new();
    for (gi, group) in groups.iter().enumerate() {
        if let Some(&k) = group.iter().find(|&&k| keys[k].0.is_some()) {
            code_of_group.insert(gi, units[k].1.code.clone());
        }
    }
    let group_of: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, ks)| ks.iter().map(move |&k| (k, g)))
        .collect();
    for (k, (i, mut u)) in units.into_iter().enumerate() {
        if !keep[k] {
            continue;
        }
        // A file re-sent without its code keeps the unit's code.
        if !u.code_written {
            if let Some(code) = code_of_group.get(&group_of[&k]) {
                u.code = code.clone();
            }
        }
        kept.push((i, u));
    }
    kept
}

/// The file used for one unit, with findings on the others.
fn choose_file(
    group: &[usize],
    units: &[(usize, UnitResult)],
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
) -> usize {
    if group.len() == 1 {
        return group[0];
    }
    let sent = |k: usize| units[k].1.sent;
    let latest = group
        .iter()
        .copied()
        .max_by_key(|&k| sent(k))
        .expect("a group");
    let ordered = group.iter().all(|&k| sent(k).is_some())
        && group.iter().filter(|&&k| sent(k) == sent(latest)).count() == 1;
    let file = |k: usize| inputs[units[k].0].display.clone();
    let unit_name = units[latest].1.unit.clone();
    let mut finding = |k: usize, detail: Detail| {
        let u = &units[k].1;
        per_file[units[k].0].push(Finding {
            file: file(k),
            sheet: Some(SHEET_INFO.to_string()),
            cell: u.code_cell.clone(),
            person: None,
            person_name: None,
            detail,
        });
    };
    if ordered {
        for &k in group.iter().filter(|&&k| k != latest) {
            finding(
                k,
                Detail::UnitResubmitted {
                    unit: unit_name.clone(),
                    newer: file(latest),
                    sent: sent(k).expect("ordered"),
                    newer_sent: sent(latest).expect("ordered"),
                },
            );
        }
        return latest;
    }
    // Inputs are in path order: the later path is used.
    let used = *group.iter().max_by_key(|&&k| units[k].0).expect("a group");
    for &k in group {
        let other = group
            .iter()
            .copied()
            .find(|&o| o != k)
            .map(file)
            .unwrap_or_default();
        let (other, used_file) = if k == used {
            (other, String::new())
        } else {
            (file(used), file(used))
        };
        finding(
            k,
            Detail::UnitUnordered {
                unit: unit_name.clone(),
                other,
                used: used_file,
            },
        );
    }
    used
}

/// A person's name as compared across units: as written (NFC), ignoring case and spacing.
/// Diacritics tell Vietnamese names apart ("Ngọc" is not "Ngốc").
fn name_words(name: &str) -> impl Iterator<Item = char> + '_ {
    let mut words = name.split_whitespace();
    let first = words.next().into_iter();
    first
        .chain(words.flat_map(|w| std::iter::once(" ").chain(std::iter::once(w))))
        .flat_map(str::chars)
        .flat_map(char::to_lowercase)
}

fn name_hash(name: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for c in name_words(name) {
        c.hash(&mut h);
    }
    h.finish()
}

/// The same person (same `Họ và tên` and `Ngày sinh`) listed by two units is `person-duplicate`
/// in both and decided in neither (status `loi`), so never counted or rewarded twice.
fn one_unit_per_person(
    units: &mut [(usize, UnitResult)],
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
    profile: &Profile,
) {
    type Place = (usize, usize);
    // (name hash, birth, unit, person), computed in parallel, then sorted so that candidates meet.
    let mut keys: Vec<(u64, chrono::NaiveDate, usize, usize)> = units
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ui, (_, u))| {
            u.people.iter().enumerate().filter_map(move |(pi, p)| {
                let birth = p.birth?;
                (!p.name.trim().is_empty()).then(|| (name_hash(&p.name), birth, ui, pi))
            })
        })
        .collect();
    keys.par_sort_unstable();
    let mut seen: HashMap<(String, chrono::NaiveDate), Vec<Place>> = HashMap::new();
    for run in keys.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        if run.iter().all(|k| k.2 == run[0].2) {
            continue;
        }
        for &(_, birth, ui, pi) in run {
            let name: String = name_words(&units[ui].1.people[pi].name).collect();
            seen.entry((name, birth)).or_default().push((ui, pi));
        }
    }
    let mut dups: Vec<Vec<Place>> = seen
        .into_values()
        .filter(|places| {
            let first = places[0].0;
            places.iter().any(|(ui, _)| *ui != first)
        })
        .collect();
    if dups.is_empty() {
        return;
    }
    dups.sort();
    let mut touched = Vec::new();
    for places in &dups {
        for &(ui, pi) in places {
            let others: Vec<(String, String, String)> = places
                .iter()
                .filter(|(o, _)| *o != ui)
                .map(|&(oui, opi)| {
                    let (oi, o) = &units[oui];
                    (
                        o.unit.clone(),
                        o.people[opi].id.clone(),
                        inputs[*oi].display.clone(),
                    )
                })
                .collect();
            let (i, u) = &mut units[ui];
            let p = &mut u.people[pi];
            per_file[*i].push(Finding {
                file: inputs[*i].display.clone(),
                sheet: Some(crate::reader::unit::SHEET_LIST.to_string()),
                cell: Some(p.id_cell.clone()),
                person: Some(p.id.clone()),
                person_name: Some(p.name.clone()),
                detail: Detail::PersonInTwoUnits {
                    name: p.name.clone(),
                    id: p.id.clone(),
                    birth: p.birth.expect("grouped by birth"),
                    others,
                },
            });
            p.status = crate::model::Status::Loi;
            p.reasons.clear();
            p.total = None;
            touched.push(ui);
        }
    }
    touched.sort();
    touched.dedup();
    for ui in touched {
        let u = &mut units[ui].1;
        let cap = crate::rules::reward_cap;
        let mut summary = evaluate::summarize(&u.people);
        summary.reward_cap = cap(
            summary.dat,
            u.headcount,
            profile.bloc(u.bloc).reward_percent,
            profile.rounding,
            profile.reward_base,
        );
        u.summary = summary;
    }
}
