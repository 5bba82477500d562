//! `danhgia rewards`: the quarter's reward list (SPEC §4, §5) — or, with a campaign profile
//! (`loc-binh-2024`, `ha-dong-cchc`), the check of a campaign's proposal workbooks.

use super::{write_stdout, InputArgs, EXIT_FAILURE, EXIT_INPUT_ERRORS, EXIT_OK};
use crate::batch;
use crate::campaign::{self, Campaign};
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::profile::{AnyProfile, Profile};
use crate::report;
use crate::rewards;
use anyhow::{Context, Result};
use clap::ValueEnum;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RewardFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Định dạng / output format
    #[arg(long, value_enum, default_value_t = RewardFormat::Text)]
    pub format: RewardFormat,
    /// Ghi danh sách khen thưởng ra tệp Excel (ví dụ khen-thuong.xlsx) / write the workbook
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Ngày quyết định khen thưởng (dd/mm/yyyy hoặc yyyy-mm-dd): mức lương cơ sở áp dụng ngày này;
    /// mặc định: ngày làm việc đầu tiên sau hạn Ban Tổ chức chuyển hồ sơ / the reward decision date
    #[arg(long = "ngay-quyet-dinh", value_name = "DATE", value_parser = super::parse_decision_date)]
    pub decision_date: Option<chrono::NaiveDate>,
    /// Số và ngày ký văn bản / the document's number and date
    #[command(flatten)]
    pub docs: super::DocArgs,
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = AnyProfile::resolve(args.input.profile.as_deref())?;
    let inputs = batch::collect_inputs(&args.input.paths);
    if let Some(code) = super::no_workbook(&args.input.paths, &inputs, lang) {
        return Ok(code);
    }
    if let Some(out) = &args.out {
        let guard = super::guard::Guard::of_inputs(&inputs, args.input.profile.as_deref());
        if let Some(code) = guard.refuse([out.as_path()], lang) {
            return Ok(code);
        }
    }
    match profile {
        AnyProfile::Quarterly(profile) => quarterly(&args, &inputs, &profile, lang),
        AnyProfile::Campaign(_) if args.docs.number.is_some() || args.docs.date.is_some() => {
            // A campaign check is not a document the office numbers and signs: refuse rather
            // than ignore the options.
            eprintln!(
                "danhgia: {}",
                lang.pick(
                    "--so và --ngay chỉ dùng cho danh sách khen thưởng hằng quý (hồ sơ đợt thi đua in bảng kiểm tra, không có số và ngày ký)",
                    "--so and --ngay are for the quarterly reward list only (a campaign profile prints a check, with no number or date)"
                )
            );
            Ok(ExitCode::from(EXIT_FAILURE))
        }
        AnyProfile::Campaign(c) => campaign_check(&args, &inputs, &c, lang),
    }
}

/// Prints findings as text to `out`.
fn findings_text(findings: &[Finding], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let b = batch::Batch {
        findings: findings.to_vec(),
        ..Default::default()
    };
    report::findings_text(&b, lang, out)
}

fn quarterly(
    args: &Args,
    inputs: &[batch::Input],
    profile: &Profile,
    lang: Lang,
) -> Result<ExitCode> {
    let b = batch::run(inputs, profile, args.input.quarter);
    let Some(quarter) = b.quarter else {
        // Nothing could be read, so no quarter is known.
        let mut err = std::io::stderr().lock();
        findings_text(&b.findings, lang, &mut err)?;
        writeln!(
            err,
            "{}",
            lang.pick(
                "danhgia: không xác định được quý (không đọc được tệp nào); chỉ rõ quý bằng -q.",
                "danhgia: no quarter could be determined (no file could be read); give it with -q."
            )
        )?;
        let code = if b.errors() > 0 {
            EXIT_INPUT_ERRORS
        } else {
            EXIT_FAILURE
        };
        return Ok(ExitCode::from(code));
    };
    let list = rewards::build(&b.units, quarter, profile, args.decision_date)?;
    // The reward findings join those of their file, in the batch's file order.
    let mut b = b;
    b.add_findings(list.findings.clone());
    let findings = &b.findings;
    let errors = b.errors();

    if let Some(path) = &args.out {
        let doc =
            match args
                .docs
                .options()
                .resolve(quarter, crate::documents::DocKind::Rewards, profile)
            {
                Ok(doc) => doc,
                Err(e) => return Ok(super::date_failure(&e, lang)),
            };
        crate::writer::khen_thuong::write(&list, profile, &doc, path)
            .with_context(|| format!("{}", path.display()))?;
    }
    match args.format {
        RewardFormat::Json => {
            write_stdout(|out| out.write_all(rewards::to_json(&list).as_bytes()))?;
            if !findings.is_empty() {
                // The reward document has no findings: they go to stderr, for people.
                let mut err = std::io::stderr().lock();
                findings_text(findings, lang, &mut err)?;
            }
        }
        RewardFormat::Text => {
            let mut body = rewards::text_report(&list, lang).into_bytes();
            if !findings.is_empty() {
                body.push(b'\n');
                writeln!(
                    body,
                    "{}",
                    lang.pick("LỖI VÀ CẢNH BÁO", "ERRORS AND WARNINGS")
                )?;
                findings_text(findings, lang, &mut body)?;
            }
            if let Some(path) = &args.out {
                writeln!(
                    body,
                    "\n{} {}",
                    lang.pick("Đã ghi", "Written:"),
                    path.display()
                )?;
            }
            write_stdout(|out| out.write_all(&body))?;
        }
    }
    Ok(ExitCode::from(if errors > 0 {
        EXIT_INPUT_ERRORS
    } else {
        EXIT_OK
    }))
}

fn campaign_check(
    args: &Args,
    inputs: &[batch::Input],
    c: &Campaign,
    lang: Lang,
) -> Result<ExitCode> {
    let check = crate::reader::campaign::check_inputs(inputs, c);
    if let Some(path) = &args.out {
        crate::writer::de_nghi::write_campaign_result(&check, c, path)
            .with_context(|| format!("{}", path.display()))?;
    }
    match args.format {
        RewardFormat::Json => {
            write_stdout(|out| out.write_all(campaign::to_json(&check, c, lang).as_bytes()))?
        }
        RewardFormat::Text => {
            let mut body = campaign::text_report(&check, c, lang).into_bytes();
            if let Some(path) = &args.out {
                writeln!(
                    body,
                    "\n{} {}",
                    lang.pick("Đã ghi", "Written:"),
                    path.display()
                )?;
            }
            write_stdout(|out| out.write_all(&body))?
        }
    }
    Ok(ExitCode::from(if check.errors() > 0 {
        EXIT_INPUT_ERRORS
    } else {
        EXIT_OK
    }))
}

/// `danhgia template de-nghi-khen-thuong -o FILE [--profile NAME]`: the campaign proposal
/// workbook (tailored to a campaign profile; generic with the quarterly one). The caller has
/// checked the file name and `--force`.
pub fn template(out: &std::path::Path, profile: Option<&str>, lang: Lang) -> Result<ExitCode> {
    let profile = AnyProfile::resolve(profile)?;
    crate::writer::de_nghi::write_de_nghi_template(out, &profile, lang)
        .with_context(|| format!("{}", out.display()))?;
    let shown = out.display();
    let msg = match (&profile, lang) {
        (AnyProfile::Campaign(c), Lang::Vi) => format!(
            "Đã tạo sổ đề nghị khen thưởng của đợt thi đua {}: {shown}\nSau khi điền, kiểm tra bằng: danhgia rewards --profile {} {shown}",
            c.name, c.name
        ),
        (AnyProfile::Campaign(c), Lang::En) => format!(
            "Wrote the reward proposal workbook of the campaign {}: {shown}\nOnce filled in, check it with: danhgia rewards --profile {} {shown}",
            c.name, c.name
        ),
        (AnyProfile::Quarterly(_), Lang::Vi) => format!(
            "Đã tạo sổ đề nghị khen thưởng (mẫu chung; dùng --profile loc-binh-2024 hoặc ha-dong-cchc để có mẫu riêng của đợt thi đua): {shown}"
        ),
        (AnyProfile::Quarterly(_), Lang::En) => format!(
            "Wrote the generic reward proposal workbook (use --profile loc-binh-2024 or ha-dong-cchc for a campaign's own): {shown}"
        ),
    };
    write_stdout(|w| writeln!(w, "{msg}"))?;
    Ok(ExitCode::from(EXIT_OK))
}
