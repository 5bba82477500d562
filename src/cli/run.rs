//! `danhgia run`: the whole quarter in one command — validate, evaluate, mẫu 06 per unit, mẫu 07
//! per bloc, the whole-district result, ket-qua.json and loi.csv (SPEC §4).

use super::guard::Guard;
use super::{exit_for, progress, write_stdout, InputArgs, EXIT_FAILURE};
use crate::batch::{self, Batch, Input};
use crate::district;
use crate::documents::{DateError, Dated, DocKind, DocOptions};
use crate::expected_units::Expected;
use crate::i18n::Lang;
use crate::outdir::{self, RunLock};
use crate::output::write_atomic;
use crate::paths;
use crate::profile::Profile;
use crate::report;
use crate::text::terminal_safe;
use crate::writer::{self, mau06, mau07, toan_quan};
use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RunFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Thư mục ghi kết quả / output directory
    #[arg(short = 'o', long = "out", value_name = "OUTDIR", required = true)]
    pub out: PathBuf,
    /// Ghi đè vào thư mục đã có tệp / write into a non-empty OUTDIR
    #[arg(long)]
    pub force: bool,
    /// Định dạng bản tóm tắt / format of the closing summary
    #[arg(long, value_enum, default_value_t = RunFormat::Text)]
    pub format: RunFormat,
    /// Không in bản tóm tắt (mã thoát vẫn cho biết kết quả) / print no summary
    #[arg(long)]
    pub quiet: bool,
    /// Ngày quyết định khen thưởng (dd/mm/yyyy hoặc yyyy-mm-dd): mức lương cơ sở áp dụng ngày này;
    /// mặc định: ngày làm việc đầu tiên sau hạn Ban Tổ chức chuyển hồ sơ / the reward decision date
    #[arg(long = "ngay-quyet-dinh", value_name = "DATE", value_parser = super::parse_decision_date)]
    pub decision_date: Option<chrono::NaiveDate>,
    /// Số và ngày ký văn bản / the documents' number and date
    #[command(flatten)]
    pub docs: super::DocArgs,
    #[command(flatten)]
    pub don_vi: super::don_vi::DonViArgs,
}

/// The number and date of each document a run writes, settled before anything is written (a
/// date that cannot be used stops the run). The number given with `--so` goes on the
/// whole-district result; mẫu 06 (the units'), mẫu 07 and the reward list are numbered by hand.
#[derive(Debug, Default)]
pub struct RunDocs {
    mau06: std::collections::BTreeMap<crate::model::Quarter, Dated>,
    mau07: Option<Dated>,
    district: Option<Dated>,
    rewards: Option<Dated>,
}

impl RunDocs {
    pub fn resolve(
        b: &Batch,
        plan: &Plan,
        rewards: bool,
        profile: &Profile,
        opts: &DocOptions,
    ) -> Result<RunDocs, DateError> {
        let mut docs = RunDocs::default();
        for u in &b.units {
            if let std::collections::btree_map::Entry::Vacant(e) = docs.mau06.entry(u.quarter) {
                e.insert(opts.resolve_unnumbered(u.quarter, DocKind::Mau06, profile)?);
            }
        }
        if let Some(d) = &plan.district {
            docs.mau07 = Some(opts.resolve_unnumbered(d.quarter, DocKind::Mau07, profile)?);
            docs.district = Some(opts.resolve(d.quarter, DocKind::District, profile)?);
        }
        if let (true, Some(q)) = (rewards, b.quarter) {
            docs.rewards = Some(opts.resolve_unnumbered(q, DocKind::Rewards, profile)?);
        }
        Ok(docs)
    }

    pub fn rewards(&self) -> Option<&Dated> {
        self.rewards.as_ref()
    }
}

/// The schema of `run --format json`'s summary.
pub const SUMMARY_SCHEMA: &str = "danhgia/tom-tat/v1";

/// What `run` wrote, for the closing summary.
#[derive(Debug, Default, Serialize)]
pub struct RunSummary {
    pub schema: &'static str,
    pub quarter: Option<String>,
    pub files: usize,
    pub skipped: usize,
    pub units: usize,
    pub people: u32,
    pub dat: u32,
    pub errors: usize,
    pub warnings: usize,
    /// Input workbooks that gave no unit, each with why.
    pub left_out: Vec<LeftOut>,
    pub outdir: String,
    /// The output folders and files at the top of OUTDIR, each with how many files it holds.
    pub folders: Vec<Folder>,
    pub outputs: Vec<String>,
    /// Files of an earlier run (listed in its manifest) that this run removed.
    pub removed: Vec<String>,
    /// Units of the list of expected units (`--don-vi`) that sent nothing.
    pub missing: Vec<super::don_vi::MissingUnit>,
    /// Units read that the list of expected units does not name.
    pub unlisted: Vec<super::don_vi::UnlistedUnit>,
    /// The signs to review before reporting (001 Bước 4), and the command that lists them.
    pub bat_thuong: crate::bat_thuong::SignsSeen,
}

/// An input workbook that gave no unit to count.
#[derive(Debug, Serialize)]
pub struct LeftOut {
    pub file: String,
    pub code: String,
    pub reason: String,
}

/// A folder of OUTDIR (or a file at its top) and the number of files in it.
#[derive(Debug, Serialize)]
pub struct Folder {
    pub path: String,
    pub files: usize,
}

fn fail(lang: Lang, vi: String, en: String) -> Result<ExitCode> {
    eprintln!("danhgia: {}", if lang == Lang::Vi { vi } else { en });
    Ok(ExitCode::from(EXIT_FAILURE))
}

/// Why OUTDIR cannot be used, before anything is written.
enum Refusal {
    NotAFolder,
    InsideInput(PathBuf),
    InputInside(String),
    NotEmpty,
    /// A folder the run writes into (`don-vi/`, `khoi/`) is a link or not a folder: writing
    /// through it could land anywhere, even among the inputs.
    LinkedSubfolder(String),
    /// Files of OUTDIR with the names of this run's outputs that no earlier run listed: the
    /// user's own, never replaced.
    NotOurs(Vec<String>),
}

impl Refusal {
    fn fail(self, out: &Path, lang: Lang) -> Result<ExitCode> {
        let o = terminal_safe(&out.display().to_string()).into_owned();
        match self {
            Refusal::NotAFolder => fail(
                lang,
                format!("'{o}' là một tệp, không phải thư mục."),
                format!("'{o}' is a file, not a directory."),
            ),
            Refusal::InsideInput(p) => {
                let p = terminal_safe(&p.display().to_string()).into_owned();
                fail(
                    lang,
                    format!("Thư mục kết quả '{o}' nằm trong thư mục đầu vào '{p}'. Chọn thư mục khác."),
                    format!("The output directory '{o}' is inside the input directory '{p}'. Choose another one."),
                )
            }
            Refusal::InputInside(i) => {
                let i = terminal_safe(&i).into_owned();
                fail(
                    lang,
                    format!("Tệp đầu vào '{i}' nằm trong thư mục kết quả '{o}'. Lệnh không bao giờ ghi đè hay xóa tệp nó đọc; chọn thư mục kết quả khác."),
                    format!("The input file '{i}' is inside the output directory '{o}'. No command ever writes over or removes a file it reads; choose another output directory."),
                )
            }
            Refusal::LinkedSubfolder(sub) => fail(
                lang,
                format!("'{o}/{sub}' là một liên kết (hoặc không phải thư mục); danhgia không ghi qua liên kết vì tệp có thể rơi ra ngoài thư mục kết quả. Xóa '{sub}' hoặc chọn thư mục kết quả khác."),
                format!("'{o}/{sub}' is a link (or not a folder); danhgia does not write through links, which could land files outside the output directory. Remove '{sub}' or choose another output directory."),
            ),
            Refusal::NotOurs(files) => {
                let shown = terminal_safe(&files.iter().take(5).cloned().collect::<Vec<_>>().join(", ")).into_owned();
                let more = files.len().saturating_sub(5);
                let (more_vi, more_en) = if more > 0 {
                    (format!(" và {more} tệp khác"), format!(" and {more} more"))
                } else {
                    (String::new(), String::new())
                };
                fail(
                    lang,
                    format!("Thư mục kết quả '{o}' có tệp trùng tên với kết quả nhưng không do lần chạy trước ghi (không có trong danh sách {}): {shown}{more_vi}. --force chỉ thay tệp của lần chạy trước; di chuyển các tệp này hoặc chọn thư mục khác.", outdir::MANIFEST),
                    format!("The output directory '{o}' holds files with the names of outputs that no earlier run wrote (not listed in {}): {shown}{more_en}. --force only replaces an earlier run's files; move these or choose another directory.", outdir::MANIFEST),
                )
            }
            Refusal::NotEmpty => fail(
                lang,
                format!("Thư mục kết quả '{o}' đã có tệp. Chọn thư mục trống, hoặc thêm --force để ghi đè các tệp của lần chạy trước."),
                format!("The output directory '{o}' is not empty. Choose an empty one, or add --force to replace what an earlier run wrote."),
            ),
        }
    }
}

/// Never write into an input folder (the next run would read the outputs as inputs), nor where an
/// input lies (it could be replaced or removed as a stale output). Paths are compared once
/// resolved (links, `..`). A non-empty OUTDIR is refused later, under the lock, unless `--force`.
fn check_outdir(args: &Args, inputs: &[Input]) -> Result<(), Refusal> {
    let out = &args.out;
    if out.exists() && !out.is_dir() {
        return Err(Refusal::NotAFolder);
    }
    let input_dirs = args.input.paths.iter().filter(|p| p.is_dir());
    if let Some(dir) = input_dirs.into_iter().find(|d| paths::is_within(out, d)) {
        return Err(Refusal::InsideInput(dir.clone()));
    }
    if !out.exists() {
        return Ok(());
    }
    if let Some(i) = inputs.iter().find(|i| paths::is_within(&i.path, out)) {
        return Err(Refusal::InputInside(i.display.clone()));
    }
    Ok(())
}

/// The lock of OUTDIR, or exit 2 when another run holds it.
fn take_lock(out: &Path, lang: Lang) -> Result<RunLock, ExitCode> {
    match RunLock::take(out) {
        Ok((lock, None)) => Ok(lock),
        Ok((lock, Some(h))) => {
            let msg = match lang {
                Lang::Vi => format!("danhgia: gỡ khóa cũ của một lần chạy đã dừng (tiến trình {}, bắt đầu {}); lần chạy này tiếp tục.", h.pid, terminal_safe(&h.started)),
                Lang::En => format!("danhgia: removed the lock of a run that has stopped (process {}, started {}); this run goes on.", h.pid, terminal_safe(&h.started)),
            };
            eprintln!("{msg}");
            Ok(lock)
        }
        Err(e) => {
            eprintln!("danhgia: {}", e.message(lang));
            Err(ExitCode::from(EXIT_FAILURE))
        }
    }
}

/// The outputs of this run that already exist in OUTDIR but that no earlier run listed.
fn not_ours(out: &Path, outputs: &[String], previous: &[String]) -> Vec<String> {
    let listed: HashSet<&String> = previous.iter().collect();
    outputs
        .iter()
        .filter(|o| !listed.contains(o) && std::fs::symlink_metadata(out.join(o)).is_ok())
        .cloned()
        .collect()
}

/// A folder of OUTDIR that the run writes into and that is a link, or not a folder.
fn linked_subfolder(out: &Path) -> Option<&'static str> {
    [UNITS_DIR, BLOCS_DIR, crate::tra_lai::DIR]
        .into_iter()
        .find(|sub| std::fs::symlink_metadata(out.join(sub)).is_ok_and(|m| !m.file_type().is_dir()))
}

/// The files an earlier run listed in OUTDIR's manifest, warning about what is not trusted.
fn previous_outputs(out: &Path, lang: Lang) -> Vec<String> {
    let Some(prev) = outdir::read_manifest(out) else {
        return Vec::new();
    };
    let name = outdir::MANIFEST;
    if prev.unreadable {
        let msg = match lang {
            Lang::Vi => format!("danhgia: cảnh báo: không đọc được danh sách tệp của lần chạy trước ({name}); không xóa tệp cũ nào, và không ghi đè tệp nào không có trong danh sách."),
            Lang::En => format!("danhgia: warning: the list of files of the earlier run ({name}) cannot be read; no old file is removed, and no file missing from the list is replaced."),
        };
        eprintln!("{msg}");
    }
    if !prev.refused.is_empty() {
        let list = terminal_safe(&prev.refused.join(", ")).into_owned();
        let msg = match lang {
            Lang::Vi => format!("danhgia: cảnh báo: {} mục trong {name} không phải tệp kết quả trong thư mục này; không xóa: {list}", prev.refused.len()),
            Lang::En => format!("danhgia: warning: {} entries of {name} are not output files inside this folder; not removed: {list}", prev.refused.len()),
        };
        eprintln!("{msg}");
    }
    prev.files
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = args.input.load_profile()?;
    let out = &args.out;
    let units_list = match args.don_vi.read(&profile, lang) {
        Ok(list) => list,
        Err(code) => return Ok(code),
    };
    let mut inputs = batch::collect_inputs(&args.input.paths);
    if let Some(list) = &units_list {
        list.exclude(&mut inputs);
    }
    if let Some(code) = super::no_workbook(&args.input.paths, &inputs, lang) {
        return Ok(code);
    }
    if let Err(refusal) = check_outdir(&args, &inputs) {
        return refusal.fail(out, lang);
    }
    let created = !out.exists();
    std::fs::create_dir_all(out).with_context(|| {
        format!(
            "không tạo được thư mục {} / cannot create it",
            out.display()
        )
    })?;
    // The lock first, so that a run going on is named as such, whatever else OUTDIR holds.
    let lock = match take_lock(out, lang) {
        Ok(lock) => lock,
        Err(code) => return Ok(code),
    };
    if !args.force && !outdir::is_empty(out) {
        return Refusal::NotEmpty.fail(out, lang);
    }
    if let Some(sub) = linked_subfolder(out) {
        return Refusal::LinkedSubfolder(sub.to_string()).fail(out, lang);
    }
    let previous = previous_outputs(out, lang);

    let mut b = progress::run_batch(&inputs, &profile, args.input.quarter, lang);
    let rewards = reward_list(&mut b, &profile, args.decision_date)?;
    let expected = units_list.map(|list| list.apply(&mut b, &profile));
    let plan = Plan::of(&b, rewards.is_some(), expected.as_ref());
    if let Some(q) = b.quarter {
        super::warn_unusual_date(q, args.docs.date, lang);
    }
    let docs = match RunDocs::resolve(&b, &plan, rewards.is_some(), &profile, &args.docs.options())
    {
        Ok(docs) => docs,
        Err(e) => {
            // Nothing was written: a folder this run made is removed again.
            drop(lock);
            if created {
                let _ = std::fs::remove_dir(out);
            }
            return Ok(super::date_failure(&e, lang));
        }
    };
    let outputs = plan.paths();
    let guard = Guard::of_inputs(&inputs, args.input.profile.as_deref()).and(args.don_vi.path());
    let targets: Vec<PathBuf> = outputs.iter().map(|o| out.join(o)).collect();
    if let Some(code) = guard.refuse(targets.iter().map(PathBuf::as_path), lang) {
        return Ok(code);
    }
    let foreign = not_ours(out, &outputs, &previous);
    if !foreign.is_empty() {
        return Refusal::NotOurs(foreign).fail(out, lang);
    }
    let target = Target {
        out,
        previous: &previous,
        force: args.force,
        inputs: &inputs,
    };
    let removed = write_all(&b, &plan, rewards.as_ref(), &docs, &profile, &target, lang)?;
    drop(lock);
    let mut summary = RunSummary::of(&b, out, outputs, removed, expected.as_ref(), lang);
    let context = crate::bat_thuong::RunContext {
        paths: &args.input.paths,
        quarter: b.quarter,
        profile: args.input.profile.as_deref(),
        lang,
    };
    summary.bat_thuong = crate::bat_thuong::SignsSeen::of(&b.units, &profile, &context);
    if !args.quiet {
        print_summary(&b, &summary, args.format, &profile, lang)?;
    }
    Ok(exit_for(b.errors(), b.warnings(), false))
}

/// The quarter's reward list (its findings join the batch's), when the quarter is known.
fn reward_list(
    b: &mut Batch,
    profile: &Profile,
    decision: Option<chrono::NaiveDate>,
) -> Result<Option<crate::rewards::RewardList>> {
    let Some(q) = b.quarter else {
        return Ok(None);
    };
    let list = crate::rewards::build(&b.units, q, profile, decision)?;
    b.add_findings(list.findings.clone());
    Ok(Some(list))
}

impl RunSummary {
    fn of(
        b: &Batch,
        out: &Path,
        outputs: Vec<String>,
        removed: Vec<String>,
        expected: Option<&Expected>,
        lang: Lang,
    ) -> RunSummary {
        let (missing, unlisted) = super::don_vi::summary_units(expected);
        RunSummary {
            schema: SUMMARY_SCHEMA,
            quarter: b.quarter.map(|q| q.to_string()),
            files: b.files.len(),
            skipped: b
                .files
                .iter()
                .filter(|f| f.status == batch::FileStatus::BoQua)
                .count(),
            units: b.units.len(),
            people: b.units.iter().map(|u| u.summary.people).sum(),
            dat: b.units.iter().map(|u| u.summary.dat).sum(),
            errors: b.errors(),
            warnings: b.warnings(),
            left_out: left_out(b, lang),
            outdir: out.display().to_string(),
            folders: folders(&outputs),
            outputs,
            removed,
            missing,
            unlisted,
            bat_thuong: Default::default(),
        }
    }
}

/// The workbooks read as units' that gave no unit (unreadable, a second copy of a unit, no one
/// in it…), with the first error that kept each out.
fn left_out(b: &Batch, lang: Lang) -> Vec<LeftOut> {
    let counted: HashSet<&str> = b.units.iter().map(|u| u.source.as_str()).collect();
    b.files
        .iter()
        .filter(|f| {
            f.status == batch::FileStatus::Loi
                && f.kind == batch::FileKind::Book
                && !counted.contains(f.file.as_str())
        })
        .map(|f| {
            let first = b
                .findings
                .iter()
                .find(|x| x.file == f.file && x.severity() == crate::finding::Severity::Error);
            LeftOut {
                file: f.file.clone(),
                code: first.map_or(String::new(), |x| x.code().as_str().to_string()),
                reason: first.map_or(String::new(), |x| x.message(lang)),
            }
        })
        .collect()
}

/// Outputs grouped by their first folder ("don-vi/…" → "don-vi/"), in the order first seen;
/// files at the top of OUTDIR stand alone.
fn folders(outputs: &[String]) -> Vec<Folder> {
    let mut out: Vec<Folder> = Vec::new();
    for o in outputs {
        let path = match o.split_once('/') {
            Some((dir, _)) => format!("{dir}/"),
            None => o.clone(),
        };
        match out.iter_mut().find(|f| f.path == path) {
            Some(f) => f.files += 1,
            None => out.push(Folder { path, files: 1 }),
        }
    }
    out
}

/// The closing summary on stdout; as text, after the list of skipped files.
fn print_summary(
    b: &Batch,
    summary: &RunSummary,
    format: RunFormat,
    profile: &Profile,
    lang: Lang,
) -> Result<()> {
    write_stdout(|w| match format {
        RunFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, summary)?;
            w.write_all(b"\n")
        }
        RunFormat::Text => {
            let mut text = Vec::new();
            report::skipped_text(&b.files, lang, &mut text)?;
            text.extend(summary_text(summary, profile, lang).into_bytes());
            w.write_all(&text)
        }
    })
}

/// OUTDIR as this run finds it.
struct Target<'a> {
    out: &'a Path,
    /// The files the earlier run listed in its manifest.
    previous: &'a [String],
    force: bool,
    /// The input files, for the workbooks sent back (`tra-lai/`).
    inputs: &'a [Input],
}

/// Writes the run into OUTDIR: a manifest naming every file this run may leave (the earlier
/// run's and this one's, so that an interrupted run leaves nothing unlisted), the outputs, then
/// the removal of the earlier run's files not written again, and last the manifest of this run.
/// Returns the files removed.
fn write_all(
    b: &Batch,
    plan: &Plan,
    rewards: Option<&crate::rewards::RewardList>,
    docs: &RunDocs,
    profile: &Profile,
    target: &Target,
    lang: Lang,
) -> Result<Vec<String>> {
    let Target {
        out,
        previous,
        force,
        inputs,
    } = *target;
    let outputs = plan.paths();
    if force {
        let dirs = [
            out.to_path_buf(),
            out.join(UNITS_DIR),
            out.join(BLOCS_DIR),
            out.join(crate::tra_lai::DIR),
        ];
        outdir::remove_leftover_temps(&dirs);
    }
    outdir::write_manifest(out, previous.iter().chain(&outputs))?;
    write_outputs(b, plan, docs, profile, out, lang, inputs)?;
    if let (Some(list), Some(doc)) = (rewards, docs.rewards()) {
        crate::writer::khen_thuong::write(list, profile, doc, &out.join(REWARDS_FILE))?;
        // The reward document (`rewards --format json`), for `nam` to count the money.
        let json = crate::rewards::to_json(list);
        write_atomic(&out.join(REWARDS_JSON), json.as_bytes())?;
    }
    let planned: HashSet<&String> = outputs.iter().collect();
    let stale: Vec<&String> = previous.iter().filter(|p| !planned.contains(p)).collect();
    let removed = outdir::remove_stale(out, &stale);
    outdir::write_manifest(out, &outputs)?;
    Ok(removed)
}

const UNITS_DIR: &str = "don-vi";
const BLOCS_DIR: &str = "khoi";
const DISTRICT_FILE: &str = "toan-quan.xlsx";
const REWARDS_FILE: &str = "khen-thuong.xlsx";
const REWARDS_JSON: &str = crate::reader::run_outputs::REWARDS_FILE;

/// The files a run writes, relative to OUTDIR, known before any is written.
#[derive(Debug)]
pub struct Plan {
    /// mẫu 06 file names, one per unit in the batch's order.
    units: Vec<String>,
    /// The blocs present and the whole district, when the quarter is known and a unit counted.
    district: Option<district::DistrictSummary>,
    rewards: bool,
    /// The workbooks sent back to units with findings, in `tra-lai/` (SPEC §4).
    tra_lai: Vec<String>,
}

impl Plan {
    /// The files of a run; with `--don-vi`, the units not counted have their rows in mẫu 07.
    pub fn of(b: &Batch, rewards: bool, expected: Option<&Expected>) -> Plan {
        let district = b
            .quarter
            .map(|q| {
                let mut d = district::district_summary(q, &b.units);
                if let Some(e) = expected {
                    d.add_uncounted(&e.uncounted);
                }
                d
            })
            .filter(|d| !d.blocs.is_empty());
        Plan {
            units: unit_file_names(b),
            district,
            rewards,
            tra_lai: crate::tra_lai::file_names(b),
        }
    }

    /// mẫu 07 file names, one per bloc present.
    fn blocs(&self) -> Vec<String> {
        self.district
            .iter()
            .flat_map(|d| &d.blocs)
            .map(|bs| format!("{}-mau-07.xlsx", bs.bloc.code()))
            .collect()
    }

    /// Every path, in the order of the closing summary.
    pub fn paths(&self) -> Vec<String> {
        let mut p: Vec<String> = self
            .units
            .iter()
            .map(|n| format!("{UNITS_DIR}/{n}"))
            .collect();
        p.extend(self.blocs().iter().map(|n| format!("{BLOCS_DIR}/{n}")));
        if self.district.is_some() {
            p.push(DISTRICT_FILE.into());
        }
        if self.rewards {
            p.push(REWARDS_FILE.into());
            p.push(REWARDS_JSON.into());
        }
        p.extend(["ket-qua.json".to_string(), "loi.csv".to_string()]);
        p.extend(
            self.tra_lai
                .iter()
                .map(|n| format!("{}/{n}", crate::tra_lai::DIR)),
        );
        p
    }
}

/// mẫu 06 file names from unit codes, made safe and unique.
fn unit_file_names(b: &Batch) -> Vec<String> {
    let mut used = HashSet::new();
    b.units
        .iter()
        .map(|u| {
            let stem = writer::safe_file_stem(&u.code);
            let mut name = format!("{stem}-mau-06.xlsx");
            let mut n = 2;
            while !used.insert(name.clone()) {
                name = format!("{stem}-{n}-mau-06.xlsx");
                n += 1;
            }
            name
        })
        .collect()
}

/// Writes every output file of the plan except the reward list.
pub fn write_outputs(
    b: &Batch,
    plan: &Plan,
    docs: &RunDocs,
    profile: &Profile,
    out: &Path,
    lang: Lang,
    inputs: &[Input],
) -> Result<()> {
    let units_dir = out.join(UNITS_DIR);
    let blocs_dir = out.join(BLOCS_DIR);
    std::fs::create_dir_all(&units_dir)
        .with_context(|| format!("không tạo được thư mục {}", units_dir.display()))?;
    let pb = super::progress::writing(plan.paths().len(), lang);
    let tick = || {
        if let Some(pb) = &pb {
            pb.inc(1);
        }
    };
    b.units
        .par_iter()
        .zip(plan.units.par_iter())
        .try_for_each(|(u, name)| {
            let done = match docs.mau06.get(&u.quarter) {
                Some(doc) => mau06::write(u, profile, doc, &units_dir.join(name)),
                None => unreachable!("every unit's quarter is dated before writing"),
            };
            tick();
            done
        })?;

    // mẫu 07 per bloc present, and the whole district.
    if let Some(d) = &plan.district {
        std::fs::create_dir_all(&blocs_dir)
            .with_context(|| format!("không tạo được thư mục {}", blocs_dir.display()))?;
        let (Some(bloc_doc), Some(district_doc)) = (&docs.mau07, &docs.district) else {
            unreachable!("the district's documents are dated before writing");
        };
        for (bs, name) in d.blocs.iter().zip(plan.blocs()) {
            mau07::write(bs, d.quarter, profile, bloc_doc, &blocs_dir.join(name))?;
            tick();
        }
        toan_quan::write(d, profile, district_doc, &out.join(DISTRICT_FILE))?;
        tick();
    }

    let mut json = Vec::new();
    report::results_json(b, lang, &mut json)?;
    write_atomic(&out.join("ket-qua.json"), &json)?;

    // UTF-8 with a BOM, so Excel opens the Vietnamese text right.
    let mut csv = vec![0xEF, 0xBB, 0xBF];
    report::findings_csv(&b.findings, lang, &mut csv)?;
    write_atomic(&out.join("loi.csv"), &csv)?;

    super::tra_lai::write(b, inputs, &out.join(crate::tra_lai::DIR), lang)?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    Ok(())
}

use crate::i18n::count;

/// What a folder of OUTDIR holds, in words.
fn folder_words(f: &Folder, lang: Lang) -> String {
    let n = f.files as u64;
    match (f.path.as_str(), lang) {
        ("don-vi/", Lang::Vi) => format!("Mẫu 06 của {n} đơn vị"),
        ("don-vi/", Lang::En) => format!("mẫu 06 of {}", count(n, "unit", "units")),
        ("khoi/", Lang::Vi) => format!("Mẫu 07 của {n} khối"),
        ("khoi/", Lang::En) => format!("mẫu 07 of {}", count(n, "bloc", "blocs")),
        ("tra-lai/", Lang::Vi) => format!("{n} sổ gửi trả đơn vị để sửa"),
        ("tra-lai/", Lang::En) => format!(
            "{} to send back to units",
            count(n, "workbook", "workbooks")
        ),
        (_, Lang::Vi) => format!("{n} tệp"),
        (_, Lang::En) => count(n, "file", "files"),
    }
}

fn summary_text(s: &RunSummary, profile: &Profile, lang: Lang) -> String {
    let mut t = String::new();
    let quarter = s.quarter.clone().unwrap_or_else(|| "?".into());
    let quarter_vi = crate::text::parse_quarter(&quarter)
        .map_or(quarter.clone(), |q| format!("{}/{}", q.roman(), q.year));
    let read = (s.files - s.skipped) as u64;
    match lang {
        Lang::Vi => {
            t.push_str(&format!(
                "Quý {quarter_vi}: đã đọc {read} tệp ({} bỏ qua), {} đơn vị, {} người, {} người đạt chuyên nghiệp.\n",
                s.skipped, s.units, s.people, s.dat
            ));
            t.push_str(&format!(
                "Lỗi: {}, cảnh báo: {} (chi tiết trong loi.csv).\n",
                s.errors, s.warnings
            ));
        }
        Lang::En => {
            t.push_str(&format!(
                "Quarter {quarter}: read {} ({} skipped), {}, {}, {} đạt chuyên nghiệp.\n",
                count(read, "file", "files"),
                s.skipped,
                count(s.units as u64, "unit", "units"),
                count(s.people, "person", "people"),
                s.dat
            ));
            t.push_str(&format!(
                "{}, {} (details in loi.csv).\n",
                count(s.errors as u64, "error", "errors"),
                count(s.warnings as u64, "warning", "warnings")
            ));
        }
    }
    t.push_str(&s.bat_thuong.line(lang));
    if !s.left_out.is_empty() {
        t.push_str(lang.pick(
            "Sổ không được tính (sửa rồi chạy lại):\n",
            "Workbooks not counted (fix them and run again):\n",
        ));
        for l in &s.left_out {
            t.push_str(&format!(
                "  {}: {}\n",
                crate::text::terminal_safe(&l.file),
                crate::text::terminal_safe(&l.reason)
            ));
        }
    }
    t.push_str(&super::don_vi::summary_text(
        &s.missing,
        &s.unlisted,
        profile,
        lang,
    ));
    t.push_str(&match lang {
        Lang::Vi => format!(
            "Kết quả ghi tại {}:\n",
            crate::text::terminal_safe(&s.outdir)
        ),
        Lang::En => format!(
            "Outputs written to {}:\n",
            crate::text::terminal_safe(&s.outdir)
        ),
    });
    for f in &s.folders {
        if f.path.ends_with('/') {
            t.push_str(&format!("  {:<16}{}\n", f.path, folder_words(f, lang)));
        } else {
            t.push_str(&format!("  {}\n", f.path));
        }
    }
    if !s.removed.is_empty() {
        t.push_str(lang.pick(
            "Đã xóa các tệp cũ của lần chạy trước (không còn trong kết quả lần này):\n",
            "Removed the earlier run's files that this run no longer writes:\n",
        ));
        const SHOWN: usize = 10;
        for r in s.removed.iter().take(SHOWN) {
            t.push_str(&format!("  {}\n", crate::text::terminal_safe(r)));
        }
        if s.removed.len() > SHOWN {
            let more = (s.removed.len() - SHOWN) as u64;
            t.push_str(&match lang {
                Lang::Vi => format!("  … và {more} tệp khác (xem --format json)\n"),
                Lang::En => format!(
                    "  … and {} (see --format json)\n",
                    count(more, "other file", "other files")
                ),
            });
        }
    }
    t
}
