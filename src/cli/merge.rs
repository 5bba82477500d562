//! `danhgia merge MAU07... -o FILE`: the whole-district result from the blocs' mẫu 07 workbooks.

use super::{exit_for, write_stdout, EXIT_FAILURE};
use crate::batch::Batch;
use crate::i18n::Lang;
use crate::merge;
use crate::report;
use crate::writer::toan_quan;
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Các tệp Mẫu 07 của các khối / the blocs' mẫu 07 workbooks
    #[arg(required = true, value_name = "MAU07.xlsx")]
    pub files: Vec<PathBuf>,
    /// Tệp kết quả toàn quận / the whole-district workbook to write
    #[arg(short = 'o', long = "out", value_name = "FILE", required = true)]
    pub out: PathBuf,
    /// Hồ sơ cấu hình / profile (TOML file or built-in name)
    #[arg(long, value_name = "F")]
    pub profile: Option<String>,
    /// Số và ngày ký văn bản / the document's number and date
    #[command(flatten)]
    pub docs: super::DocArgs,
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    let guard = super::guard::Guard::of_paths(
        args.files.iter().map(PathBuf::as_path),
        args.profile.as_deref(),
    );
    if let Some(code) = guard.refuse([args.out.as_path()], lang) {
        return Ok(code);
    }
    let files: Vec<(PathBuf, String)> = args
        .files
        .iter()
        .map(|p| (p.clone(), p.display().to_string()))
        .collect();
    let merged = merge::merge(&files, &profile);

    // Findings, as `validate` prints them.
    let b = Batch {
        findings: merged.findings,
        ..Default::default()
    };
    write_stdout(|out| report::findings_text(&b, lang, out))?;

    if merged.quarters.len() > 1 {
        let list: Vec<String> = merged
            .quarters
            .iter()
            .map(|(q, files)| format!("{}/{}: {}", q.roman(), q.year, files.join(", ")))
            .collect();
        eprintln!(
            "danhgia: {}\n  {}",
            match lang {
                Lang::Vi => "Các tệp Mẫu 07 thuộc nhiều quý khác nhau, không gộp được:",
                Lang::En =>
                    "The mẫu 07 workbooks are of different quarters; they cannot be merged:",
            },
            list.join("\n  ")
        );
        return Ok(ExitCode::from(EXIT_FAILURE));
    }
    let Some(district) = merged.district else {
        // Each file and what kept it out, so that the message says what to fix.
        let vi = lang == Lang::Vi;
        let why: String = merged
            .not_read
            .iter()
            .map(|(file, w)| format!("\n  {file}: {}", w.words(vi)))
            .collect();
        eprintln!(
            "danhgia: {}{why}",
            match lang {
                Lang::Vi => "Không đọc được Mẫu 07 nào; chưa ghi tệp toàn quận:",
                Lang::En => "No mẫu 07 workbook could be read; nothing written:",
            }
        );
        return Ok(ExitCode::from(EXIT_FAILURE));
    };
    super::warn_unusual_date(district.quarter, args.docs.date, lang);
    let doc = match args.docs.options().resolve(
        district.quarter,
        crate::documents::DocKind::District,
        &profile,
    ) {
        Ok(doc) => doc,
        Err(e) => return Ok(super::date_failure(&e, lang)),
    };
    toan_quan::write(&district, &profile, &doc, &args.out)?;
    let s = district.sums();
    let q = district.quarter;
    let line = match lang {
        Lang::Vi => format!(
            "Đã gộp {} khối, {} đơn vị quý {}/{}: {} người, {} được đánh giá, {} đạt chuyên nghiệp. Ghi tại {}.\n",
            district.blocs.len(),
            district.blocs.iter().map(|b| b.units.len()).sum::<usize>(),
            q.roman(),
            q.year,
            s.people,
            s.evaluated,
            s.dat,
            args.out.display()
        ),
        Lang::En => format!(
            "Merged {}, {} for {q}: {}, {} evaluated, {} đạt. Written to {}.\n",
            crate::i18n::count(district.blocs.len() as u64, "bloc", "blocs"),
            crate::i18n::count(
                district.blocs.iter().map(|b| b.units.len() as u64).sum::<u64>(),
                "unit",
                "units"
            ),
            crate::i18n::count(s.people, "person", "people"),
            s.evaluated,
            s.dat,
            args.out.display()
        ),
    };
    let notes: String = district
        .gaps
        .notes(&profile, lang)
        .iter()
        .map(|n| format!("  {n}\n"))
        .collect();
    write_stdout(|out| {
        out.write_all(line.as_bytes())?;
        out.write_all(notes.as_bytes())
    })?;
    Ok(exit_for(b.errors(), b.warnings(), false))
}
