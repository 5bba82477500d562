//! `danhgia bat-thuong`: the signs that a unit's scoring deserves a second look (SPEC §4; 001
//! Bước 4), as text or JSON, and as a workbook of the focal offices with `-o`. It never changes
//! a result: its exit code is 0 once it ran, 2 when it could not (usage, nothing to read).

use super::{write_stdout, EXIT_FAILURE, EXIT_OK};
use crate::bat_thuong::{self, report, Given};
use crate::documents::DocKind;
use crate::i18n::Lang;
use crate::model::Quarter;
use crate::text::terminal_safe;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Sổ đánh giá, thư mục (tìm cả thư mục con), tệp ket-qua.json hoặc thư mục kết quả của
    /// run; thêm kết quả quý trước để xét tỷ lệ đạt tăng vọt / workbooks, folders, ket-qua.json
    /// files or run output folders; add the previous quarter's to check jumps
    #[arg(required = true, value_name = "DIR|FILE|ket-qua.json")]
    pub paths: Vec<PathBuf>,
    /// Quý cần xem, ví dụ 2024-Q2 (mặc định: quý mới nhất trong các tệp) / the quarter to review
    /// (default: the latest the inputs give)
    #[arg(short = 'q', long = "quarter", value_name = "QUARTER", value_parser = super::parse_quarter_arg)]
    pub quarter: Option<Quarter>,
    /// Hồ sơ cấu hình (ngưỡng ở mục [bat_thuong]) / profile (thresholds in [bat_thuong])
    #[arg(long, value_name = "F")]
    pub profile: Option<String>,
    /// Định dạng / output format
    #[arg(long, value_enum, default_value_t = ReviewFormat::Text)]
    pub format: ReviewFormat,
    /// Ghi báo cáo ra tệp Excel của cơ quan đầu mối (ví dụ bat-thuong.xlsx) / write the workbook
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Số và ngày ký văn bản / the document's number and date
    #[command(flatten)]
    pub docs: super::DocArgs,
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    let given = Given::of(&args.paths);
    if given.is_empty() {
        if let Some(code) = super::no_workbook(&args.paths, &given.inputs, lang) {
            return Ok(code);
        }
    }
    if let Some(out) = &args.out {
        let read = bat_thuong::read_paths(&given);
        let guard = super::guard::Guard::of_paths(read, args.profile.as_deref());
        if let Some(code) = guard.refuse([out.as_path()], lang) {
            return Ok(code);
        }
    }
    let review = match bat_thuong::review(&given, args.quarter, &profile, lang) {
        Ok(review) => review,
        Err(notes) => return nothing_read(&notes, &args, lang),
    };
    super::warn_out_of_period(&profile, review.quarter, lang);
    if let Some(path) = &args.out {
        let options = args.docs.options();
        let doc = match options.resolve(review.quarter, DocKind::Review, &profile) {
            Ok(doc) => doc,
            Err(e) => return Ok(super::date_failure(&e, lang)),
        };
        crate::writer::bat_thuong::write(&review, &profile, &doc, path)
            .with_context(|| format!("{}", path.display()))?;
    }
    let body = match args.format {
        ReviewFormat::Json => report::json(&review, &profile, lang),
        ReviewFormat::Text => {
            let mut t = report::text(&review, &profile, lang);
            if let Some(path) = &args.out {
                t.push_str(&format!(
                    "\n{} {}\n",
                    lang.pick("Đã ghi", "Written:"),
                    terminal_safe(&path.display().to_string())
                ));
            }
            t
        }
    };
    write_stdout(|w| w.write_all(body.as_bytes()))?;
    Ok(ExitCode::from(EXIT_OK))
}

/// No unit of any quarter could be read: why, on stderr, and exit 2.
fn nothing_read(notes: &[bat_thuong::Note], args: &Args, lang: Lang) -> Result<ExitCode> {
    let mut err = std::io::stderr().lock();
    for n in notes {
        writeln!(
            err,
            "{}: {}",
            terminal_safe(n.file()),
            terminal_safe(&n.message(lang))
        )?;
    }
    let places: Vec<String> = args
        .paths
        .iter()
        .map(|p| format!("'{}'", terminal_safe(&p.display().to_string())))
        .collect();
    let msg = match lang {
        Lang::Vi => format!(
            "danhgia: không đọc được đơn vị nào trong {} để xem xét (kiểm tra sổ bằng danhgia validate).",
            places.join(", ")
        ),
        Lang::En => format!(
            "danhgia: no unit could be read from {} to review (check the workbooks with danhgia validate).",
            places.join(", ")
        ),
    };
    writeln!(err, "{msg}")?;
    Ok(ExitCode::from(EXIT_FAILURE))
}
