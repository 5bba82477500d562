//! `danhgia evaluate`: decide every person and print the results (SPEC §5).

use super::{exit_for, write_stdout, Format, InputArgs};
use crate::batch;
use crate::i18n::Lang;
use crate::report;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Định dạng / output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Ghi kết quả vào thư mục này (ket-qua.json|csv|txt và loi.csv) / write the results into OUTDIR
    #[arg(short = 'o', long = "out", value_name = "OUTDIR")]
    pub out: Option<PathBuf>,
}

fn render(
    b: &batch::Batch,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => report::results_json(b, lang, out),
        Format::Csv => report::results_csv(b, out),
        Format::Text => report::results_text(b, lang, out),
    }
}

/// The extension of the results file written with `-o`.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Text => "txt",
    }
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = args.input.load_profile()?;
    let inputs = batch::collect_inputs(&args.input.paths);
    if let Some(code) = super::no_workbook(&args.input.paths, &inputs, lang) {
        return Ok(code);
    }
    if let Some(dir) = &args.out {
        let guard = super::guard::Guard::of_inputs(&inputs, args.input.profile.as_deref());
        let outs = [
            dir.join(format!("ket-qua.{}", extension(args.format))),
            dir.join("loi.csv"),
        ];
        if let Some(code) = guard.refuse(outs.iter().map(PathBuf::as_path), lang) {
            return Ok(code);
        }
    }
    let b = super::progress::run_batch(&inputs, &profile, args.input.quarter, lang);
    match &args.out {
        None => {
            write_stdout(|out| render(&b, args.format, lang, out))?;
            if args.format == Format::Csv && !b.findings.is_empty() {
                // SPEC §6: the people on stdout, the findings as CSV on stderr (no BOM: a pipe).
                super::write_stderr(|err| report::findings_csv(&b.findings, lang, err))?;
            }
        }
        Some(dir) => {
            let mut body = Vec::new();
            render(&b, args.format, lang, &mut body)?;
            std::fs::create_dir_all(dir).with_context(|| {
                format!(
                    "không tạo được thư mục {} / cannot create the directory",
                    dir.display()
                )
            })?;
            let ext = extension(args.format);
            if args.format == Format::Csv {
                // Every CSV file starts with a BOM, so that Excel opens the Vietnamese right.
                body.splice(0..0, [0xEF, 0xBB, 0xBF]);
            }
            let mut csv = vec![0xEF, 0xBB, 0xBF];
            report::findings_csv(&b.findings, lang, &mut csv)?;
            crate::output::write_atomic(&dir.join(format!("ket-qua.{ext}")), &body)?;
            crate::output::write_atomic(&dir.join("loi.csv"), &csv)?;
            let mut summary = Vec::new();
            report::check_summary(&b, lang, &mut summary)?;
            write_stdout(|out| out.write_all(&summary))?;
        }
    }
    Ok(exit_for(b.errors(), b.warnings(), false))
}
