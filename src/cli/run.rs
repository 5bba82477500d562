//! `danhgia run`: the whole quarter in one command — validate, evaluate, mẫu 06 per unit, mẫu 07
//! per bloc, the whole-district result, ket-qua.json and loi.csv (SPEC §4).

use super::{exit_for, progress, write_stdout, InputArgs, EXIT_FAILURE};
use crate::batch::{self, Batch};
use crate::district;
use crate::i18n::Lang;
use crate::output::write_atomic;
use crate::profile::Profile;
use crate::report;
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
    /// Ngày quyết định khen thưởng (dd/mm/yyyy hoặc yyyy-mm-dd): mức lương cơ sở áp dụng ngày này;
    /// mặc định: ngày làm việc đầu tiên sau hạn Ban Tổ chức chuyển hồ sơ / the reward decision date
    #[arg(long = "ngay-quyet-dinh", value_name = "DATE", value_parser = super::parse_decision_date)]
    pub decision_date: Option<chrono::NaiveDate>,
}

/// What `run` wrote, for the closing summary.
#[derive(Debug, Default, Serialize)]
pub struct RunSummary {
    pub quarter: Option<String>,
    pub files: usize,
    pub skipped: usize,
    pub units: usize,
    pub people: u32,
    pub dat: u32,
    pub errors: usize,
    pub warnings: usize,
    pub outdir: String,
    pub outputs: Vec<String>,
}

/// The absolute form of a path that may not exist yet (its existing ancestor resolved).
fn resolved(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = p.canonicalize() {
        return Some(c);
    }
    let parent = match p.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(resolved(parent)?.join(p.file_name()?))
}

fn is_inside(child: &Path, parent: &Path) -> bool {
    match (resolved(child), parent.canonicalize()) {
        (Some(c), Ok(p)) => c.starts_with(p),
        _ => false,
    }
}

fn fail(lang: Lang, vi: String, en: String) -> Result<ExitCode> {
    eprintln!("danhgia: {}", if lang == Lang::Vi { vi } else { en });
    Ok(ExitCode::from(EXIT_FAILURE))
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = args.input.load_profile()?;
    let out = &args.out;

    // Never write into an input folder (the next run would read the outputs as inputs), and never
    // over existing files unless asked.
    if out.exists() {
        if !out.is_dir() {
            return fail(
                lang,
                format!("'{}' là một tệp, không phải thư mục.", out.display()),
                format!("'{}' is a file, not a directory.", out.display()),
            );
        }
        let non_empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty && !args.force {
            return fail(
                lang,
                format!("Thư mục kết quả '{}' đã có tệp. Chọn thư mục trống, hoặc thêm --force để ghi đè.", out.display()),
                format!("The output directory '{}' is not empty. Choose an empty one, or add --force to overwrite.", out.display()),
            );
        }
    }
    for p in args.input.paths.iter().filter(|p| p.is_dir()) {
        if is_inside(out, p) {
            return fail(
                lang,
                format!("Thư mục kết quả '{}' nằm trong thư mục đầu vào '{}'. Chọn thư mục khác.", out.display(), p.display()),
                format!("The output directory '{}' is inside the input directory '{}'. Choose another one.", out.display(), p.display()),
            );
        }
    }

    std::fs::create_dir_all(out).with_context(|| {
        format!(
            "không tạo được thư mục {} / cannot create it",
            out.display()
        )
    })?;

    let inputs = batch::collect_inputs(&args.input.paths);
    let b = progress::run_batch(&inputs, &profile, args.input.quarter, lang);

    let mut b = b;
    let rewards = match b.quarter {
        Some(q) => {
            let list = crate::rewards::build(&b.units, q, &profile, args.decision_date)?;
            b.add_findings(list.findings.clone());
            Some(list)
        }
        None => None,
    };
    let mut outputs = write_outputs(&b, &profile, out, lang)?;
    if let Some(list) = &rewards {
        crate::writer::khen_thuong::write(list, &profile, &out.join("khen-thuong.xlsx"))?;
        outputs.insert(outputs.len() - 2, "khen-thuong.xlsx".to_string());
    }
    let summary = RunSummary {
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
        outdir: out.display().to_string(),
        outputs,
    };
    write_stdout(|w| match args.format {
        RunFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &summary)?;
            w.write_all(b"\n")
        }
        RunFormat::Text => w.write_all(summary_text(&summary, lang).as_bytes()),
    })?;
    Ok(exit_for(b.errors(), b.warnings(), false))
}

/// Writes every output file; returns their paths relative to OUTDIR.
pub fn write_outputs(b: &Batch, profile: &Profile, out: &Path, lang: Lang) -> Result<Vec<String>> {
    let mut written = Vec::new();
    let units_dir = out.join("don-vi");
    let blocs_dir = out.join("khoi");
    std::fs::create_dir_all(&units_dir)
        .with_context(|| format!("không tạo được thư mục {}", units_dir.display()))?;

    // mẫu 06: one per unit; file names from unit codes, made safe and unique.
    let mut used = HashSet::new();
    let names: Vec<String> = b
        .units
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
        .collect();
    b.units
        .par_iter()
        .zip(names.par_iter())
        .try_for_each(|(u, name)| mau06::write(u, profile, &units_dir.join(name)))?;
    written.extend(names.iter().map(|n| format!("don-vi/{n}")));

    // mẫu 07 per bloc present, and the whole district.
    if let Some(q) = b.quarter {
        let d = district::district_summary(q, &b.units);
        if !d.blocs.is_empty() {
            std::fs::create_dir_all(&blocs_dir)
                .with_context(|| format!("không tạo được thư mục {}", blocs_dir.display()))?;
        }
        for bs in &d.blocs {
            let name = format!("{}-mau-07.xlsx", bs.bloc.code());
            mau07::write(bs, q, profile, &blocs_dir.join(&name))?;
            written.push(format!("khoi/{name}"));
        }
        if !d.blocs.is_empty() {
            toan_quan::write(&d, profile, &out.join("toan-quan.xlsx"))?;
            written.push("toan-quan.xlsx".into());
        }
    }

    let mut json = Vec::new();
    report::results_json(b, lang, &mut json)?;
    write_atomic(&out.join("ket-qua.json"), &json)?;
    written.push("ket-qua.json".into());

    // UTF-8 with a BOM, so Excel opens the Vietnamese text right.
    let mut csv = vec![0xEF, 0xBB, 0xBF];
    report::findings_csv(&b.findings, lang, &mut csv)?;
    write_atomic(&out.join("loi.csv"), &csv)?;
    written.push("loi.csv".into());
    Ok(written)
}

fn summary_text(s: &RunSummary, lang: Lang) -> String {
    let mut t = String::new();
    let quarter = s.quarter.clone().unwrap_or_else(|| "?".into());
    let quarter_vi = crate::text::parse_quarter(&quarter)
        .map_or(quarter.clone(), |q| format!("{}/{}", q.roman(), q.year));
    match lang {
        Lang::Vi => {
            t.push_str(&format!(
                "Quý {quarter_vi}: đã đọc {} tệp ({} bỏ qua), {} đơn vị, {} người, {} người đạt chuyên nghiệp.\n",
                s.files - s.skipped,
                s.skipped,
                s.units,
                s.people,
                s.dat
            ));
            t.push_str(&format!(
                "Lỗi: {}, cảnh báo: {} (chi tiết trong loi.csv).\n",
                s.errors, s.warnings
            ));
            t.push_str(&format!("Kết quả ghi tại {}:\n", s.outdir));
        }
        Lang::En => {
            t.push_str(&format!(
                "Quarter {quarter}: read {} files ({} skipped), {} units, {} people, {} đạt chuyên nghiệp.\n",
                s.files - s.skipped,
                s.skipped,
                s.units,
                s.people,
                s.dat
            ));
            t.push_str(&format!(
                "Errors: {}, warnings: {} (details in loi.csv).\n",
                s.errors, s.warnings
            ));
            t.push_str(&format!("Outputs written to {}:\n", s.outdir));
        }
    }
    for o in &s.outputs {
        t.push_str(&format!("  {o}\n"));
    }
    t
}
