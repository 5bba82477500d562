//! `danhgia validate`: check unit workbooks and report every cell at fault.

use super::{exit_for, write_stdout, Format, InputArgs};
use crate::batch;
use crate::i18n::Lang;
use crate::report;
use anyhow::Result;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Định dạng / output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Coi cảnh báo là lỗi (mã thoát 1) / warnings count as errors
    #[arg(long)]
    pub strict: bool,
    /// Ghi vào DIR sổ trả lại cho mỗi tệp có lỗi, cảnh báo: ô sai tô màu, có ghi chú, trang
    /// "Cần sửa" / write into DIR a workbook to send back for each file with findings
    #[arg(long = "tra-lai", value_name = "DIR")]
    pub tra_lai: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub don_vi: super::don_vi::DonViArgs,
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = args.input.load_profile()?;
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
    let mut b = super::progress::run_batch(&inputs, &profile, args.input.quarter, lang);
    // A unit sees the faults of its own reward proposals before sending (SPEC §3).
    if let Some(q) = b.quarter {
        let findings = crate::rewards::findings(&b.units, q, &profile);
        b.add_findings(findings);
    }
    if let Some(dir) = &args.tra_lai {
        let profile_file = args.input.profile.as_deref();
        let given = &args.input.paths;
        if let Some(code) =
            super::tra_lai::for_validate(&b, &inputs, given, profile_file, dir, lang)?
        {
            return Ok(code);
        }
    }
    let expected = units_list.map(|list| list.apply(&mut b, &profile));
    let (missing, unlisted) = super::don_vi::summary_units(expected.as_ref());
    write_stdout(|out| match args.format {
        Format::Json => out.write_all(report::check_json(&b, lang).as_bytes()),
        Format::Csv => report::findings_csv(&b.findings, lang, out),
        Format::Text => {
            let mut buf = Vec::new();
            report::findings_text(&b, lang, &mut buf)?;
            if !b.findings.is_empty() {
                buf.push(b'\n');
            }
            let before = buf.len();
            report::skipped_text(&b.files, lang, &mut buf)?;
            if buf.len() > before {
                buf.push(b'\n');
            }
            report::check_summary(&b, lang, &mut buf)?;
            let units = super::don_vi::summary_text(&missing, &unlisted, &profile, lang);
            buf.extend(units.into_bytes());
            out.write_all(&buf)
        }
    })?;
    Ok(exit_for(b.errors(), b.warnings(), args.strict))
}
