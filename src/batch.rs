//! A batch: every input file read and evaluated on its own (in parallel), then checked against the
//! others (one quarter, one workbook per unit). A problem in one file never stops the batch.

use crate::evaluate::{self, UnitResult};
use crate::finding::{Detail, Finding, Severity, Unreadable};
use crate::i18n::Lang;
use crate::lists::{Sourced, UnitRef};
use crate::mau06::Declaration;
use crate::model::Quarter;
use crate::paths::FileKey;
use crate::profile::Profile;
use crate::reader::lists::MonthlyList;
use crate::reader::mau06::Mau06Input;
use crate::reader::unit::{self, SHEET_INFO};
use crate::reader::Workbook;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Extensions read as workbooks when a directory is searched.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods", "xlsb"];

/// One input file, and whether it is skipped.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    /// As shown in reports (the path as given or as found under a given directory).
    pub display: String,
    /// Not read; `reason` says why (`skip == reason.is_some()`).
    pub skip: bool,
    pub reason: Option<Skip>,
}

impl Input {
    /// A file to read.
    pub fn to_read(path: PathBuf) -> Input {
        Input {
            display: path.display().to_string(),
            path,
            skip: false,
            reason: None,
        }
    }

    /// A file or folder listed as skipped (`bo-qua`), with the reason.
    pub fn skipped(path: PathBuf, reason: Skip) -> Input {
        Input {
            display: path.display().to_string(),
            path,
            skip: true,
            reason: Some(reason),
        }
    }
}

/// Why an input is not read (status `bo-qua`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// `~$…`: the lock file Excel leaves beside an open workbook.
    LockFile,
    /// A name that starts with a dot.
    Hidden,
    /// A folder whose name starts with a dot (`.git`, a sync tool's folder): not searched.
    HiddenFolder,
    /// Found in a folder, without a workbook extension.
    NotWorkbook,
    /// A link back up to a folder that holds it: following it would search in circles.
    LinkLoop,
    /// A folder already searched under another name (a link, or given twice).
    SameFolder { first: String },
    /// A file already read under another name (a link, or given twice).
    SameFile { first: String },
}

impl Skip {
    /// The reason in plain words.
    pub fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Skip::LockFile, Lang::Vi) => {
                "tệp khóa tạm của Excel (tên bắt đầu bằng ~$, có khi sổ đang mở)".into()
            }
            (Skip::LockFile, Lang::En) => {
                "Excel lock file (its name starts with ~$; left while a workbook is open)".into()
            }
            (Skip::Hidden, Lang::Vi) => "tệp ẩn (tên bắt đầu bằng dấu chấm)".into(),
            (Skip::Hidden, Lang::En) => "hidden file (its name starts with a dot)".into(),
            (Skip::HiddenFolder, Lang::Vi) => {
                "thư mục ẩn (tên bắt đầu bằng dấu chấm), không tìm bên trong".into()
            }
            (Skip::HiddenFolder, Lang::En) => {
                "hidden folder (its name starts with a dot), not searched".into()
            }
            (Skip::NotWorkbook, Lang::Vi) => format!(
                "không phải sổ tính (chỉ đọc tệp {})",
                extension_list(lang)
            ),
            (Skip::NotWorkbook, Lang::En) => format!(
                "not a workbook (only {} files are read)",
                extension_list(lang)
            ),
            (Skip::LinkLoop, Lang::Vi) => {
                "liên kết trỏ ngược lên thư mục chứa nó; không đi theo để khỏi tìm vòng quanh mãi"
                    .into()
            }
            (Skip::LinkLoop, Lang::En) => {
                "a link back up to a folder that holds it; not followed, so the search does not go round in circles".into()
            }
            (Skip::SameFolder { first }, Lang::Vi) => {
                format!("cùng một thư mục với '{first}', chỉ tìm một lần")
            }
            (Skip::SameFolder { first }, Lang::En) => {
                format!("the same folder as '{first}', searched once")
            }
            (Skip::SameFile { first }, Lang::Vi) => {
                format!("cùng một tệp với '{first}', chỉ đọc một lần")
            }
            (Skip::SameFile { first }, Lang::En) => {
                format!("the same file as '{first}', read once")
            }
        }
    }
}

/// ".xlsx, .xlsm, … hoặc .xlsb": the extensions read as workbooks.
pub fn extension_list(lang: Lang) -> String {
    let dotted: Vec<String> = WORKBOOK_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect();
    match dotted.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.pick("hoặc", "or"))
        }
        _ => dotted.join(", "),
    }
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
    /// Why a `bo-qua` file was skipped (for people; not part of the JSON contract).
    #[serde(skip)]
    pub skipped: Option<Skip>,
    /// What the file was read as (for people; not part of the JSON contract).
    #[serde(skip)]
    pub kind: FileKind,
}

/// What an input file was read as (SPEC §3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FileKind {
    /// A unit's workbook (or a file read as one, with its faults reported).
    #[default]
    Book,
    /// A monthly rating list.
    RatingList,
    /// A mẫu 06 typed by hand, sent instead of the workbook or beside it.
    Mau06,
    /// The list of expected units given with `--don-vi` (SPEC §4).
    UnitsList,
}

#[derive(Debug, Default)]
pub struct Batch {
    pub quarter: Option<Quarter>,
    pub units: Vec<UnitResult>,
    pub files: Vec<FileReport>,
    pub findings: Vec<Finding>,
    /// Every file that names a unit, counted or not (for `--don-vi`: who sent something).
    pub senders: Vec<Sender>,
}

/// A file that names a unit (its `Thông tin`, or the title lines of a mẫu 06), whether or not it
/// gave a unit to count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    /// The `Mã đơn vị` as [`crate::text::key`] gives it, when written.
    pub code: Option<String>,
    /// The `Đơn vị` as [`crate::text::key`] gives it.
    pub name: String,
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

/// Why a file of this name is never read, if it is one of those.
fn skipped_name(name: &str) -> Option<Skip> {
    if name.starts_with("~$") {
        Some(Skip::LockFile)
    } else if name.starts_with('.') {
        Some(Skip::Hidden)
    } else {
        None
    }
}

/// Expands the paths given on the command line: directories are searched recursively (sorted by
/// name, for a stable order); Excel lock files (`~$…`), hidden files and files that are not
/// workbooks are listed as skipped. A folder is searched once and a file read once, whatever
/// names (links, paths given twice) lead to them; a link back up to a folder that holds it is
/// listed as skipped, not followed.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut walk = Walk::default();
    for p in paths {
        if p.is_dir() {
            walk.folder(p);
        } else {
            walk.given_file(p);
        }
    }
    walk.out
}

/// A search of the inputs: what was found, and the folders and files met so far (by identity,
/// with the name they were first met under).
#[derive(Default)]
struct Walk {
    out: Vec<Input>,
    folders: HashMap<FileKey, String>,
    files: HashMap<FileKey, String>,
}

/// A folder being searched: its resolved path and the entries still to look at.
struct Open {
    real: PathBuf,
    entries: std::vec::IntoIter<PathBuf>,
}

impl Walk {
    /// A file named on the command line: always read, unless a lock or hidden file, or a file
    /// already read.
    fn given_file(&mut self, p: &Path) {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match skipped_name(name).filter(|_| p.exists()) {
            Some(why) => self.out.push(Input::skipped(p.to_path_buf(), why)),
            None => self.file_to_read(p.to_path_buf()),
        }
    }

    fn file_to_read(&mut self, p: PathBuf) {
        let Some(key) = FileKey::of(&p) else {
            // Nothing there: read, to be reported as unreadable.
            return self.out.push(Input::to_read(p));
        };
        if let Some(first) = self.files.get(&key) {
            let why = Skip::SameFile {
                first: first.clone(),
            };
            return self.out.push(Input::skipped(p, why));
        }
        self.files.insert(key, p.display().to_string());
        self.out.push(Input::to_read(p));
    }

    /// Searches a folder and its subfolders, depth first in name order, without a recursion
    /// that a deep tree could exhaust.
    fn folder(&mut self, root: &Path) {
        let mut stack: Vec<Open> = Vec::new();
        if let Some(open) = self.enter(root, None) {
            stack.push(open);
        }
        while let Some(top) = stack.last_mut() {
            let Some(p) = top.entries.next() else {
                stack.pop();
                continue;
            };
            let here = top.real.clone();
            if p.is_dir() {
                if let Some(open) = self.subfolder(&p, &here) {
                    stack.push(open);
                }
            } else {
                self.found_file(p);
            }
        }
    }

    /// A folder met inside another: hidden folders are not entered, and listed as skipped.
    fn subfolder(&mut self, p: &Path, here: &Path) -> Option<Open> {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            self.out
                .push(Input::skipped(p.to_path_buf(), Skip::HiddenFolder));
            return None;
        }
        self.enter(p, Some(here))
    }

    /// Opens a folder unless it was searched already or leads back up to `parent` (the resolved
    /// folder it was found in) or above; either is listed as skipped.
    fn enter(&mut self, dir: &Path, parent: Option<&Path>) -> Option<Open> {
        let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        if parent.is_some_and(|up| up.starts_with(&real)) {
            self.out
                .push(Input::skipped(dir.to_path_buf(), Skip::LinkLoop));
            return None;
        }
        if let Some(key) = FileKey::of(dir) {
            if let Some(first) = self.folders.get(&key) {
                let why = Skip::SameFolder {
                    first: first.clone(),
                };
                self.out.push(Input::skipped(dir.to_path_buf(), why));
                return None;
            }
            self.folders.insert(key, dir.display().to_string());
        }
        let Ok(rd) = std::fs::read_dir(dir) else {
            // Reported as unreadable when read.
            self.out.push(Input::to_read(dir.to_path_buf()));
            return None;
        };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        Some(Open {
            real,
            entries: entries.into_iter(),
        })
    }

    /// A file met in a folder: read when it is a workbook.
    fn found_file(&mut self, p: PathBuf) {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let why = skipped_name(name).or_else(|| {
            (!WORKBOOK_EXTENSIONS.contains(&ext.as_str())).then_some(Skip::NotWorkbook)
        });
        match why {
            Some(why) => self.out.push(Input::skipped(p, why)),
            None => self.file_to_read(p),
        }
    }
}

pub use crate::reader::panic_guard::install_panic_capture;

struct FileOutcome {
    unit: Option<UnitResult>,
    /// Who the file says it is, even when it could not be evaluated.
    ident: Option<Ident>,
    findings: Vec<Finding>,
    /// A monthly rating list (SPEC §3), matched to its units once every file is read.
    list: Option<MonthlyList>,
}

impl FileOutcome {
    fn failed(findings: Vec<Finding>) -> FileOutcome {
        FileOutcome {
            unit: None,
            ident: None,
            findings,
            list: None,
        }
    }

    fn kind(&self) -> FileKind {
        let mau06 = self.unit.as_ref().is_some_and(UnitResult::from_mau06)
            || self.ident.as_ref().is_some_and(|i| i.mau06.is_some());
        if self.list.is_some() {
            FileKind::RatingList
        } else if mau06 {
            FileKind::Mau06
        } else {
            FileKind::Book
        }
    }

    /// A unit workbook (read, or at least naming its unit): what lists can be matched to. A
    /// mẫu 06 typed by hand is not one: lists fill the month cells of a `Danh sách`.
    fn is_unit_book(&self) -> bool {
        self.kind() == FileKind::Book && (self.unit.is_some() || self.ident.is_some())
    }
}

/// A file's identity (SPEC §3 "Identity"), from its `Thông tin`.
#[derive(Debug, Clone)]
struct Ident {
    /// The normalised `Mã đơn vị`, when written.
    code: Option<String>,
    /// The normalised `Đơn vị`.
    name: String,
    /// The unit as written, for messages.
    shown: String,
    sent: Option<chrono::NaiveDate>,
    quarter: Option<Quarter>,
    code_cell: Option<String>,
    /// The file is a mẫu 06 sent instead of a workbook: what it declared (SPEC §3).
    mau06: Option<Arc<Declaration>>,
}

impl Ident {
    fn of(info: &crate::reader::unit::UnitInfo) -> Option<Ident> {
        let name = info.name.clone().unwrap_or_default();
        let code = info.code.as_deref().map(crate::text::key);
        (code.is_some() || !name.is_empty()).then(|| Ident {
            code,
            name: crate::text::key(&name),
            shown: if name.is_empty() {
                info.code.clone().unwrap_or_default()
            } else {
                name
            },
            sent: info.sent,
            quarter: info.quarter,
            code_cell: info.code_cell.clone(),
            mau06: None,
        })
    }

    /// The sheet that says who the file is: `Thông tin`, or the mẫu 06's own.
    fn info_sheet(&self) -> &str {
        self.mau06.as_ref().map_or(SHEET_INFO, |d| &d.sheet)
    }

    /// Who a mẫu 06 says it is: the unit and code of its title lines.
    fn of_mau06(m: &Mau06Input) -> Option<Ident> {
        let name = m.unit.clone().unwrap_or_default();
        let code = m.code.as_deref().map(crate::text::key);
        (code.is_some() || !name.is_empty()).then(|| Ident {
            code,
            name: crate::text::key(&name),
            shown: if name.is_empty() {
                m.code.clone().unwrap_or_default()
            } else {
                name
            },
            sent: None,
            quarter: m.quarter,
            code_cell: m.code_cell.clone(),
            mau06: None,
        })
    }
}

fn fallback_code(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("don-vi")
        .to_string()
}

/// Reads one input: a unit workbook is read and evaluated (with the rows of monthly lists
/// matched to it, when there are any); a monthly rating list is only read.
fn process_file(
    input: &Input,
    profile: &Profile,
    asked: Option<Quarter>,
    lists: &[Sourced<'_>],
) -> (FileOutcome, Vec<Finding>) {
    let unreadable = |u: Unreadable| {
        FileOutcome::failed(vec![Finding {
            file: input.display.clone(),
            sheet: None,
            cell: None,
            person: None,
            person_name: None,
            detail: Detail::Unreadable(u),
        }])
    };
    if !input.path.exists() {
        let u = Unreadable::Io("không có tệp hoặc thư mục này / no such file or directory".into());
        return (unreadable(u), Vec::new());
    }
    let result = crate::reader::panic_guard::catch(|| {
        let mut wb = match Workbook::open(&input.path) {
            Ok(wb) => wb,
            Err(u) => return (unreadable(u), Vec::new()),
        };
        // A unit's workbook first (SPEC §3): a `Thông tin` or a score sheet makes one, whatever
        // else the file holds; then a mẫu 06 typed by hand; then a list of monthly ratings.
        let book = unit::looks_like_unit(&wb);
        if let Some((sheet, grid)) = (!book)
            .then(|| crate::reader::mau06::find(&mut wb))
            .flatten()
        {
            let outcome = mau06_outcome(input, &mut wb, (&sheet, &grid), profile, asked);
            return (outcome, Vec::new());
        }
        if !book {
            if let Some((list, findings)) = crate::reader::lists::read(&input.display, &mut wb) {
                let outcome = FileOutcome {
                    list: Some(list),
                    ..FileOutcome::failed(findings)
                };
                return (outcome, Vec::new());
            }
        }
        let (mut read, mut findings) = unit::read_unit(&input.display, &mut wb, profile, asked);
        drop(wb);
        let from_lists = crate::lists::apply(&mut read, lists);
        evaluate::name_people(&mut findings, &read.members, &read.scored);
        let ident = Ident::of(&read.info);
        let (unit, more) = evaluate::evaluate_unit(read, profile, &fallback_code(&input.path));
        findings.extend(more);
        let outcome = FileOutcome {
            unit,
            ident,
            findings,
            list: None,
        };
        (outcome, from_lists)
    });
    match result {
        Ok(done) => done,
        Err(message) => (
            unreadable(Unreadable::Damaged(format!(
                "lỗi khi đọc tệp / reader failure: {message}"
            ))),
            Vec::new(),
        ),
    }
}

/// Monthly rating lists (SPEC §3): every list row is given to the unit workbooks it belongs
/// to, and those units are read again with them (a batch without lists reads each file once).
/// The findings about lists go to the list files.
fn apply_lists(
    inputs: &[Input],
    outcomes: &mut [Option<FileOutcome>],
    profile: &Profile,
    asked: Option<Quarter>,
) {
    let no_folder = Path::new("");
    let folder = |i: usize| inputs[i].path.parent().unwrap_or(no_folder);
    let books: Vec<usize> = (0..outcomes.len())
        .filter(|&i| outcomes[i].as_ref().is_some_and(FileOutcome::is_unit_book))
        .collect();
    let refs: Vec<UnitRef> = books
        .iter()
        .map(|&i| {
            let ident = outcomes[i].as_ref().and_then(|o| o.ident.as_ref());
            UnitRef {
                code: ident.and_then(|id| id.code.clone()),
                name: ident.map(|id| id.name.clone()).unwrap_or_default(),
                folder: folder(i),
            }
        })
        .collect();
    let lists: Vec<(usize, MonthlyList)> = outcomes
        .iter_mut()
        .enumerate()
        .filter_map(|(i, o)| Some((i, o.as_mut()?.list.take()?)))
        .collect();
    let index = crate::lists::UnitIndex::new(&refs);
    let mut given: BTreeMap<usize, Vec<Sourced>> = BTreeMap::new();
    let mut list_findings: Vec<(usize, Vec<Finding>)> = Vec::new();
    for (i, list) in &lists {
        let (rows, findings) =
            crate::lists::assign(&inputs[*i].display, folder(*i), &list.rows, &index);
        list_findings.push((*i, findings));
        for (u, row) in rows {
            given.entry(books[u]).or_default().push(Sourced {
                file: &inputs[*i].display,
                row,
            });
        }
    }
    let redone: Vec<(usize, (FileOutcome, Vec<Finding>))> = given
        .par_iter()
        .map(|(&u, rows)| (u, process_file(&inputs[u], profile, asked, rows)))
        .collect();
    let at: HashMap<&str, usize> = lists
        .iter()
        .map(|(i, _)| (inputs[*i].display.as_str(), *i))
        .collect();
    for (u, (outcome, about_lists)) in redone {
        outcomes[u] = Some(outcome);
        for f in about_lists {
            if let Some(o) = at.get(f.file.as_str()).and_then(|&l| outcomes[l].as_mut()) {
                o.findings.push(f);
            }
        }
    }
    for (i, findings) in list_findings {
        if let Some(o) = outcomes[i].as_mut() {
            o.findings.extend(findings);
        }
    }
}

/// A mẫu 06 sent instead of a workbook (SPEC §3 "Mẫu 06 typed by hand"): read, and decided on what
/// it shows.
fn mau06_outcome(
    input: &Input,
    wb: &mut Workbook,
    (sheet, grid): (&str, &crate::reader::Grid),
    profile: &Profile,
    asked: Option<Quarter>,
) -> FileOutcome {
    let (read, mut findings) =
        crate::reader::mau06::read(&input.display, wb, sheet, grid, profile, asked);
    let ident = Ident::of_mau06(&read);
    let (unit, declared, more) = crate::mau06::evaluate(read, profile, &fallback_code(&input.path));
    findings.extend(more);
    FileOutcome {
        unit,
        ident: ident.map(|i| Ident {
            mau06: Some(declared),
            ..i
        }),
        findings,
        list: None,
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
    let mut outcomes: Vec<Option<FileOutcome>> = inputs
        .par_iter()
        .map(|input| {
            let outcome = (!input.skip).then(|| process_file(input, profile, asked, &[]).0);
            on_file();
            outcome
        })
        .collect();
    let kinds: Vec<FileKind> = outcomes
        .iter()
        .map(|o| o.as_ref().map_or(FileKind::Book, FileOutcome::kind))
        .collect();
    if kinds.contains(&FileKind::RatingList) {
        apply_lists(inputs, &mut outcomes, profile, asked);
    }

    let mut batch = Batch {
        quarter: asked,
        ..Default::default()
    };
    let mut per_file: Vec<Vec<Finding>> = Vec::with_capacity(inputs.len());
    let mut units: Vec<(usize, UnitResult)> = Vec::new();
    // Files that name a unit but could not be evaluated still take part in its identity: a
    // newer file that is broken does not let an older one count.
    let mut broken: Vec<(usize, Ident)> = Vec::new();
    for (i, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Some(o) => {
                per_file.push(o.findings);
                match (o.unit, o.ident) {
                    (Some(u), _) => units.push((i, u)),
                    (None, Some(ident)) => broken.push((i, ident)),
                    (None, None) => {}
                }
            }
            None => per_file.push(Vec::new()),
        }
    }

    batch.senders = senders(&units, &broken);

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
                sheet: Some(u.info_sheet().to_string()),
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

    broken.retain(|(_, id)| id.quarter.is_none() || id.quarter == batch.quarter);
    let mut units = one_file_per_unit(units, broken, inputs, &mut per_file);
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
            skipped: input.reason.clone(),
            kind: kinds[i],
        });
        batch.findings.extend(findings);
    }
    batch.units = units.into_iter().map(|(_, u)| u).collect();
    batch
}

/// Who each file that names a unit says it is, counted or not, in input order.
fn senders(units: &[(usize, UnitResult)], broken: &[(usize, Ident)]) -> Vec<Sender> {
    let mut out: Vec<(usize, Sender)> = units
        .iter()
        .map(|(i, u)| {
            let code = u.code_written.then(|| crate::text::key(&u.code));
            let name = crate::text::key(&u.unit);
            (*i, Sender { code, name })
        })
        .chain(broken.iter().map(|(i, id)| {
            let (code, name) = (id.code.clone(), id.name.clone());
            (*i, Sender { code, name })
        }))
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, s)| s).collect()
}

/// One file per unit (SPEC §3 "Identity"): of the files of one unit, the one with the latest
/// `Ngày gửi` is used and the older ones are `unit-resubmitted`; files that `Ngày gửi` cannot
/// order (a date missing, or the latest date shared) are all `unit-duplicate` and the later
/// path is used. A file without a code is the unit whose name it gives.
fn one_file_per_unit(
    units: Vec<(usize, UnitResult)>,
    broken: Vec<(usize, Ident)>,
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
) -> Vec<(usize, UnitResult)> {
    // Every file that names a unit: (input index, identity, its result if it has one).
    let mut files: Vec<(usize, Ident, Option<UnitResult>)> = units
        .into_iter()
        .map(|(i, u)| {
            let ident = Ident {
                code: u.code_written.then(|| crate::text::key(&u.code)),
                name: crate::text::key(&u.unit),
                shown: u.unit.clone(),
                sent: u.sent,
                quarter: Some(u.quarter),
                code_cell: u.code_cell.clone(),
                mau06: u.mau06.clone(),
            };
            (i, ident, Some(u))
        })
        .chain(broken.into_iter().map(|(i, id)| (i, id, None)))
        .collect();
    files.sort_by_key(|(i, _, _)| *i);
    let groups = group_by_identity(&files);
    let groups = mau06_to_books(groups, &files, inputs, per_file);
    let mut keep = vec![false; files.len()];
    let mut code_of_group: Vec<Option<String>> = Vec::with_capacity(groups.len());
    for group in &groups {
        keep[choose_for_unit(group, &files, inputs, per_file)] = true;
        code_of_group.push(
            group
                .iter()
                .find_map(|&k| files[k].2.as_ref().filter(|u| u.code_written))
                .map(|u| u.code.clone()),
        );
    }
    let group_of: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, ks)| ks.iter().map(move |&k| (k, g)))
        .collect();
    let mut kept = Vec::new();
    for (k, (i, _, unit)) in files.into_iter().enumerate() {
        let (true, Some(mut u)) = (keep[k], unit) else {
            continue;
        };
        // A file re-sent without its code keeps the unit's code.
        if !u.code_written {
            if let Some(code) = &code_of_group[group_of[&k]] {
                u.code = code.clone();
            }
        }
        kept.push((i, u));
    }
    kept
}

/// The file used for one unit. Its workbooks decide over its mẫu 06 (SPEC §3 "Identity"): a
/// mẫu 06 beside a workbook is compared with it and is never a second file of the unit; the
/// files of one kind are chosen among as [`choose_file`] says.
fn choose_for_unit(
    group: &[usize],
    files: &[(usize, Ident, Option<UnitResult>)],
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
) -> usize {
    let (sheets, books): (Vec<usize>, Vec<usize>) =
        group.iter().partition(|&&k| files[k].1.mau06.is_some());
    if books.is_empty() {
        return choose_file(&sheets, files, inputs, per_file);
    }
    let used = choose_file(&books, files, inputs, per_file);
    for k in sheets {
        beside_workbook(&files[k], files[used].2.as_ref(), per_file);
    }
    used
}

/// A mẫu 06 beside the unit's workbook: it needs no bloc of its own, nor what the workbook says
/// and the mẫu 06 need not (how long an absence lasted, the months a leader's condition rests
/// on); every disagreement with the workbook's results is `result-mismatch` on it (nothing to
/// compare when the workbook could not be evaluated: its own findings say why).
fn beside_workbook(
    (i, ident, _): &(usize, Ident, Option<UnitResult>),
    book: Option<&UnitResult>,
    per_file: &mut [Vec<Finding>],
) {
    let in_workbook = |f: &Finding| {
        matches!(
            f.detail,
            Detail::Mau06TitleMissing {
                what: crate::finding::Mau06Field::Bloc,
            } | Detail::Mau06TimeAwayUnknown { .. }
                | Detail::ScopeUnknown { .. }
        )
    };
    per_file[*i].retain(|f| !in_workbook(f));
    if let (Some(declared), Some(book)) = (&ident.mau06, book) {
        per_file[*i].extend(crate::mau06::compare(declared, book));
    }
}

/// The files of each unit: by code where written, then files without a code join by name.
fn group_by_identity(files: &[(usize, Ident, Option<UnitResult>)]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_code: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (k, (_, id, _)) in files.iter().enumerate() {
        if let Some(code) = &id.code {
            let g = *by_code.entry(code).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(k);
            if !id.name.is_empty() {
                by_name.entry(&id.name).or_insert(g);
            }
        }
    }
    for (k, (_, id, _)) in files.iter().enumerate() {
        if id.code.is_none() {
            let g = *by_name.entry(&id.name).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(k);
        }
    }
    groups
}

/// A mẫu 06 is never a second file of a unit whose workbook is sent (SPEC §3): a mẫu 06 that
/// neither its code nor its name joined to a workbook joins one whose people it lists (most of
/// both lists, by name), or whose name it contains (or is contained in: "Phòng Thử nghiệm
/// quận Long Biên" and "Phòng Thử nghiệm"), unless the people are plainly others. A mẫu 06 that
/// lists most of a workbook's people but cannot be joined to it — it writes another `Mã đơn vị`,
/// or several workbooks fit — is `unit-duplicate` and not counted, so nobody counts twice.
fn mau06_to_books(
    mut groups: Vec<Vec<usize>>,
    files: &[(usize, Ident, Option<UnitResult>)],
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
) -> Vec<Vec<usize>> {
    let is_sheet = |k: usize| files[k].1.mau06.is_some();
    let alone: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].iter().all(|&k| is_sheet(k)))
        .collect();
    let books: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].iter().any(|&k| !is_sheet(k)))
        .collect();
    if alone.is_empty() || books.is_empty() {
        return groups;
    }
    // The people of each workbook (by name, as `compare` matches them), and who is where.
    let people_of = |kb: usize| -> Vec<String> {
        (files[kb].2.as_ref())
            .map(|u| {
                u.people
                    .iter()
                    .map(|p| crate::mau06::name_key(&p.name))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut book_people: HashMap<usize, Vec<String>> = HashMap::new();
    let mut where_named: HashMap<String, Vec<usize>> = HashMap::new();
    for &g in &books {
        for &kb in groups[g].iter().filter(|&&kb| !is_sheet(kb)) {
            let people = people_of(kb);
            for name in &people {
                let at = where_named.entry(name.clone()).or_default();
                if at.last() != Some(&kb) {
                    at.push(kb);
                }
            }
            book_people.insert(kb, people);
        }
    }
    let book_group: HashMap<usize, usize> = books
        .iter()
        .flat_map(|&g| groups[g].iter().map(move |&k| (k, g)))
        .collect();
    for g in alone {
        // (book group, shared people, people the mẫu 06 lists, people of the workbook)
        let mut same_people: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut same_name: Vec<usize> = Vec::new();
        for &k in &groups[g] {
            let Some(d) = &files[k].1.mau06 else { continue };
            let listed: Vec<String> = d
                .people
                .iter()
                .map(|p| crate::mau06::name_key(&p.name))
                .collect();
            let mut candidates: Vec<usize> = listed
                .iter()
                .filter_map(|n| where_named.get(n))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let mut shared_with: HashMap<usize, usize> = HashMap::new();
            for kb in candidates {
                let shared = shared_names(&listed, &book_people[&kb]);
                let of = book_people[&kb].len();
                let b = book_group[&kb];
                *shared_with.entry(kb).or_default() = shared;
                if shared * 2 > listed.len()
                    && shared * 2 > of
                    && !same_people.iter().any(|x| x.0 == b)
                {
                    same_people.push((b, shared, listed.len(), of));
                }
            }
            for &b in &books {
                let named = groups[b].iter().filter(|&&kb| !is_sheet(kb)).any(|&kb| {
                    let others = shared_with.get(&kb).copied().unwrap_or(0) == 0
                        && !book_people[&kb].is_empty()
                        && !listed.is_empty();
                    !others && names_contain(&files[k].1.name, &files[kb].1.name)
                });
                if named && !same_name.contains(&b) {
                    same_name.push(b);
                }
            }
        }
        same_people.sort_unstable();
        same_name.retain(|b| !same_people.iter().any(|x| x.0 == *b));
        let code = groups[g].iter().find_map(|&k| files[k].1.code.clone());
        let target = match (same_people.as_slice(), same_name.as_slice(), &code) {
            ([(b, ..)], _, None) => Some(*b),
            ([], [b], None) => Some(*b),
            _ => None,
        };
        if let Some(b) = target {
            let moved = std::mem::take(&mut groups[g]);
            groups[b].extend(moved);
            groups[b].sort_unstable();
            continue;
        }
        if same_people.is_empty() {
            continue;
        }
        // Most people shared, but no single workbook it can be joined to: said, not counted.
        let (_, shared, listed, _) = same_people[0];
        let workbooks: Vec<String> = same_people
            .iter()
            .flat_map(|&(b, ..)| groups[b].iter().filter(|&&kb| !is_sheet(kb)).copied())
            .map(|kb| inputs[files[kb].0].display.clone())
            .collect();
        let several = same_people.len() > 1;
        let book_code = (!several)
            .then(|| {
                groups[same_people[0].0].iter().find_map(|&kb| {
                    (files[kb].2.as_ref())
                        .filter(|u| u.code_written)
                        .map(|u| u.code.clone())
                })
            })
            .flatten();
        for &k in &groups[g] {
            let (i, ident, unit) = &files[k];
            let code = (unit.as_ref())
                .filter(|u| u.code_written)
                .map(|u| u.code.clone())
                .or_else(|| ident.code.clone());
            per_file[*i].push(Finding {
                file: inputs[*i].display.clone(),
                sheet: Some(ident.info_sheet().to_string()),
                cell: ident.code_cell.clone(),
                person: None,
                person_name: None,
                detail: Detail::Mau06SameUnit {
                    workbooks: workbooks.clone(),
                    shared,
                    listed,
                    code,
                    book_code: book_code.clone(),
                    several,
                },
            });
        }
        groups[g].clear();
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// How many of `listed` a workbook's people hold (names as [`crate::mau06::name_key`] gives
/// them, each person matched once).
fn shared_names(listed: &[String], book: &[String]) -> usize {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for n in book {
        *left.entry(n.as_str()).or_default() += 1;
    }
    listed
        .iter()
        .filter(|n| match left.get_mut(n.as_str()) {
            Some(c) if *c > 0 => {
                *c -= 1;
                true
            }
            _ => false,
        })
        .count()
}

/// Whether one unit name (normalised) holds the other as whole words, the shorter of two words
/// at least: "phong thu nghiem quan long bien" holds "phong thu nghiem".
fn names_contain(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.split(' ').count() >= 2 && format!(" {long} ").contains(&format!(" {short} "))
}

/// The file used for one unit, with findings on the others.
fn choose_file(
    group: &[usize],
    files: &[(usize, Ident, Option<UnitResult>)],
    inputs: &[Input],
    per_file: &mut [Vec<Finding>],
) -> usize {
    if group.len() == 1 {
        return group[0];
    }
    let sent = |k: usize| files[k].1.sent;
    let file = |k: usize| inputs[files[k].0].display.clone();
    let unit_name = files[group[0]].1.shown.clone();
    let mut finding = |k: usize, detail: Detail| {
        per_file[files[k].0].push(Finding {
            file: file(k),
            sheet: Some(files[k].1.info_sheet().to_string()),
            cell: files[k].1.code_cell.clone(),
            person: None,
            person_name: None,
            detail,
        });
    };
    let all_dated = group.iter().all(|&k| sent(k).is_some());
    let latest_date = group.iter().filter_map(|&k| sent(k)).max();
    // The files that cannot be told apart: all of them when a date is missing, else those of
    // the latest date.
    let tied: Vec<usize> = if all_dated {
        group
            .iter()
            .copied()
            .filter(|&k| sent(k) == latest_date)
            .collect()
    } else {
        group.to_vec()
    };
    // Inputs are in path order: the later path is used.
    let used = *tied.iter().max_by_key(|&&k| files[k].0).expect("a group");
    if tied.len() > 1 {
        for &k in &tied {
            let others: Vec<String> = tied.iter().filter(|&&o| o != k).map(|&o| file(o)).collect();
            finding(
                k,
                Detail::UnitUnordered {
                    unit: unit_name.clone(),
                    other: others.join(", "),
                    used: if k == used { String::new() } else { file(used) },
                },
            );
        }
    }
    for &k in group.iter().filter(|k| !tied.contains(k)) {
        finding(
            k,
            Detail::UnitResubmitted {
                unit: unit_name.clone(),
                newer: file(used),
                sent: sent(k).expect("all dated"),
                newer_sent: sent(used).expect("all dated"),
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
            let sheet = match &u.mau06 {
                Some(d) => d.sheet.clone(),
                None => crate::reader::unit::SHEET_LIST.to_string(),
            };
            per_file[*i].push(Finding {
                file: inputs[*i].display.clone(),
                sheet: Some(sheet),
                cell: p.id_pos.map(|(r, c)| crate::text::a1(r, c)),
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
