//! `danhgia nam <OUTDIR|ket-qua.json>... -o FILE`: the year, four quarters side by side (SPEC §4).

use super::{write_stdout, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK};
use crate::documents::{Dated, DocKind};
use crate::i18n::Lang;
use crate::model::Quarter;
use crate::profile::Profile;
use crate::reader::run_outputs::{self, RESULTS_FILE, REWARDS_FILE};
use crate::year::{self, notes::Note, select, Year};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum YearFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục kết quả của lệnh run (có ket-qua.json, khen-thuong.json) hoặc tệp ket-qua.json,
    /// mỗi quý một / run's output folders or ket-qua.json files, one per quarter
    #[arg(required = true, value_name = "OUTDIR|ket-qua.json")]
    pub paths: Vec<PathBuf>,
    /// Tệp Excel tổng hợp năm; không có -o thì chỉ in tóm tắt hoặc JSON / the year's workbook to
    /// write; without -o only the summary or the JSON is printed
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Định dạng in ra màn hình: tóm tắt hoặc tài liệu danhgia/nam/v1 / what to print
    #[arg(long, value_enum, default_value_t = YearFormat::Text)]
    pub format: YearFormat,
    /// Hồ sơ cấu hình (tên đơn vị, khối, lịch) / profile (TOML file or built-in name)
    #[arg(long, value_name = "F")]
    pub profile: Option<String>,
    /// Số và ngày ký văn bản / the document's number and date
    #[command(flatten)]
    pub docs: super::DocArgs,
}

/// The files a path given may stand for, which `-o` must never replace: a folder's documents,
/// or the file itself and the run's documents beside it.
fn input_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| {
            let folder = if p.is_dir() {
                Some(p.as_path())
            } else {
                p.parent()
            };
            let mut files = vec![p.clone()];
            if let Some(dir) = folder {
                files.extend([dir.join(RESULTS_FILE), dir.join(REWARDS_FILE)]);
            }
            files
        })
        .collect()
}

fn print_notes(notes: &[Note], lang: Lang) {
    for n in notes {
        eprintln!(
            "{} {}: {}",
            n.severity().word(lang),
            n.code(),
            crate::text::terminal_safe(&n.message(lang))
        );
    }
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    if let Some(out) = &args.out {
        if !super::is_xlsx(out) {
            let shown = crate::text::terminal_safe(&out.display().to_string()).into_owned();
            eprintln!(
                "danhgia: {}",
                match lang {
                    Lang::Vi => format!("bảng tính cả năm chỉ ghi được dạng .xlsx: hãy đặt tên tệp -o kết thúc bằng .xlsx (đang là '{shown}'); tài liệu JSON in ra màn hình với --format json"),
                    Lang::En => format!("the year's workbook is written as .xlsx only: name the -o file with .xlsx (got '{shown}'); the JSON document is printed with --format json"),
                }
            );
            return Ok(ExitCode::from(EXIT_FAILURE));
        }
        let files = input_files(&args.paths);
        let guard = super::guard::Guard::of_paths(
            files.iter().map(PathBuf::as_path),
            args.profile.as_deref(),
        );
        if let Some(code) = guard.refuse([out.as_path()], lang) {
            return Ok(code);
        }
    }
    let selection = select::select(run_outputs::load_all(&args.paths));
    let (year_no, docs) = match selection.outcome {
        Ok(found) => found,
        Err(refusal) => {
            print_notes(&selection.notes, lang);
            eprintln!("danhgia: {}", refusal.message(lang));
            return Ok(ExitCode::from(EXIT_FAILURE));
        }
    };
    // The document's date is printed in the workbook only: without `-o`, a year whose default
    // date the calendar cannot give (a year past the profile's) is still summed up.
    let doc = match &args.out {
        None => None,
        Some(_) => match args.docs.options().resolve(
            Quarter {
                year: year_no,
                q: 4,
            },
            DocKind::Year,
            &profile,
        ) {
            Ok(doc) => Some(doc),
            Err(e) => return Ok(super::date_failure(&e, lang)),
        },
    };
    let y = year::build(year_no, docs, selection.notes, &profile);
    // The profile prices and dates the year: said when a quarter lies outside its period.
    for i in y.present() {
        super::warn_out_of_period(&profile, y.quarter(i), lang);
    }
    let out = args.out.as_deref();
    if args.format == YearFormat::Json {
        // The workbook and the document at once (each is a long sequential job); the document
        // is printed only once the workbook is written, so a failure prints nothing.
        let (written, json) = rayon::join(
            || write_book(&y, &profile, doc.as_ref(), out),
            || {
                let mut buf = Vec::new();
                year::json::write(&y, lang, &mut buf).map(|()| buf)
            },
        );
        written?;
        let json = json.context("JSON")?;
        write_stdout(|w| w.write_all(&json))?;
    } else {
        write_book(&y, &profile, doc.as_ref(), out)?;
        print_summary(&y, out, lang)?;
    }
    Ok(ExitCode::from(if y.errors() > 0 {
        EXIT_INPUT_ERRORS
    } else {
        EXIT_OK
    }))
}

fn write_book(y: &Year, profile: &Profile, doc: Option<&Dated>, out: Option<&Path>) -> Result<()> {
    match (out, doc) {
        (Some(path), Some(doc)) => crate::writer::nam::write(y, profile, doc, path)
            .with_context(|| format!("{}", path.display())),
        _ => Ok(()),
    }
}

/// The summary, naming the workbook written.
fn print_summary(y: &Year, out: Option<&Path>, lang: Lang) -> Result<()> {
    let mut text = year::text::summary(y, lang);
    if let Some(out) = out {
        text.push_str(&format!(
            "{} {}\n",
            lang.pick("Đã ghi", "Written:"),
            crate::text::terminal_safe(&out.display().to_string())
        ));
    }
    write_stdout(|w| w.write_all(text.as_bytes()))
}
