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

    // One workbook per unit: a later file with the same unit code is left out.
    let mut seen: HashMap<String, usize> = HashMap::new();
    units.retain(|(i, u)| {
        let key = crate::text::key(&u.code);
        match seen.get(&key) {
            Some(&first) => {
                per_file[*i].push(Finding {
                    file: inputs[*i].display.clone(),
                    sheet: Some(SHEET_INFO.to_string()),
                    cell: u.code_cell.clone(),
                    person: None,
                    person_name: None,
                    detail: Detail::UnitDuplicate {
                        code: u.code.clone(),
                        other: inputs[first].display.clone(),
                    },
                });
                false
            }
            None => {
                seen.insert(key, *i);
                true
            }
        }
    });

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
