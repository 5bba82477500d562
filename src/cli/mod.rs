//! The command line (SPEC §4): one module per command, each with its own arguments and `run`.

mod bat_thuong;
mod calendar;
mod don_vi;
mod evaluate;
mod guard;
mod merge;
mod nam;
mod profile;
mod progress;
mod rewards;
mod run;
mod template;
mod tra_lai;
mod validate;

use crate::i18n::Lang;
use crate::model::Quarter;
use crate::profile::Profile;
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The exit codes of the contract (SPEC §7).
pub const EXIT_OK: u8 = 0;
pub const EXIT_INPUT_ERRORS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "danhgia",
    version,
    about = "Kiểm tra, đánh giá sự chuyên nghiệp của CBCCVC, NLĐ hằng quý và lập danh sách khen thưởng.",
    long_about = "Kiểm tra sổ đánh giá của các đơn vị, xác định người đạt chuyên nghiệp, lập Mẫu 06, Mẫu 07 và danh sách khen thưởng.\n\
                  Checks the units' quarterly workbooks, decides who is 'đạt chuyên nghiệp', and reports every rejected cell.\n\n\
                  Mã thoát / exit codes: 0 không có lỗi (no errors) · 1 dữ liệu có lỗi (the inputs hold errors) · 2 không thực hiện được (the command could not do its job)."
)]
pub struct Cli {
    /// Ngôn ngữ thông báo / language of messages
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Làm trọn một quý: kiểm tra, đánh giá, Mẫu 06, Mẫu 07, toàn quận, khen thưởng
    Run(run::Args),
    /// Kiểm tra sổ đánh giá của đơn vị, báo từng ô sai
    Validate(validate::Args),
    /// Đánh giá từng người: đạt / không đạt / không đánh giá / lỗi
    Evaluate(evaluate::Args),
    /// Gộp Mẫu 07 của các khối thành kết quả toàn quận
    Merge(merge::Args),
    /// Lập danh sách khen thưởng theo tỷ lệ
    Rewards(rewards::Args),
    /// Tạo mẫu sổ để đơn vị điền
    Template(template::Args),
    /// Các hạn trong quý và số ngày làm việc
    Calendar(calendar::Args),
    /// Hồ sơ cấu hình (tiêu chí, ngưỡng, lịch, lương cơ sở)
    Profile(profile::Args),
    /// Tổng hợp cả năm từ kết quả các quý: từng người, đơn vị, khối, tiền thưởng
    Nam(nam::Args),
    /// Các dấu hiệu bất thường để xem lại trước khi báo cáo lãnh đạo (bước 4); không đổi kết quả
    BatThuong(bat_thuong::Args),
}

impl Command {
    /// Does the command write files (so that an interrupt must clean up after it)?
    fn writes_files(&self) -> bool {
        match self {
            Command::Run(_) | Command::Merge(_) | Command::Template(_) | Command::Nam(_) => true,
            Command::Evaluate(a) => a.out.is_some(),
            Command::Rewards(a) => a.out.is_some(),
            Command::BatThuong(a) => a.out.is_some(),
            Command::Validate(a) => a.tra_lai.is_some(),
            Command::Calendar(_) | Command::Profile(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

/// Options shared by the commands that read unit workbooks.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Tệp hoặc thư mục (tìm cả thư mục con) / files or directories (searched recursively)
    #[arg(required = true, value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,
    /// Quý, ví dụ 2024-Q1, I/2024 / the quarter (default: from the files)
    #[arg(short = 'q', long = "quarter", value_name = "QUARTER", value_parser = parse_quarter_arg)]
    pub quarter: Option<Quarter>,
    /// Hồ sơ cấu hình: tệp TOML hoặc tên hồ sơ có sẵn / profile: a TOML file or a built-in name
    #[arg(long, value_name = "F")]
    pub profile: Option<String>,
}

fn parse_quarter_arg(s: &str) -> Result<Quarter, String> {
    crate::text::parse_quarter(s).ok_or_else(|| {
        format!("'{s}' không phải quý hợp lệ (ví dụ 2024-Q1, I/2024, Quý I/2024) / not a quarter")
    })
}

/// `--ngay-quyet-dinh`: `dd/mm/yyyy` or `yyyy-mm-dd` (a bad date is a usage error, exit 2).
fn parse_decision_date(s: &str) -> Result<chrono::NaiveDate, String> {
    let t = s.trim();
    let shaped = t.contains('/') || (t.len() == 10 && t.as_bytes()[4] == b'-');
    match crate::text::parse_date_text(t).filter(|_| shaped) {
        Some(d) => Ok(d),
        None => Err(format!(
            "'{s}' không phải ngày quyết định khen thưởng hợp lệ: viết dd/mm/yyyy (ví dụ 02/07/2024) hoặc yyyy-mm-dd (2024-07-02) / not a valid decision date: write dd/mm/yyyy or yyyy-mm-dd"
        )),
    }
}

/// `--so` and `--ngay`: the number and date printed in the heading of the documents a command
/// writes (SPEC §8).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DocArgs {
    /// Số văn bản in ở dòng "Số: …" (mặc định để trống để ghi tay) / the document number
    #[arg(long = "so", value_name = "SO", value_parser = parse_document_number)]
    pub number: Option<String>,
    /// Ngày ký văn bản (dd/mm/yyyy hoặc yyyy-mm-dd), phải là ngày làm việc; mặc định: ngày hạn
    /// của văn bản, lùi về ngày làm việc liền trước nếu là ngày nghỉ / the document date
    #[arg(long = "ngay", value_name = "DATE", value_parser = parse_document_date)]
    pub date: Option<chrono::NaiveDate>,
}

impl DocArgs {
    pub fn options(&self) -> crate::documents::DocOptions {
        crate::documents::DocOptions {
            number: self.number.clone(),
            date: self.date,
        }
    }
}

/// `--so`: the number alone, as offices write it ("12", "125a"): letters and digits, with a
/// digit, at most 20 characters ("Số", "/TB-…" are printed around it).
fn parse_document_number(s: &str) -> Result<String, String> {
    let t = s.trim();
    let ok = !t.is_empty()
        && t.chars().count() <= 20
        && t.chars().all(char::is_alphanumeric)
        && t.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return Err(format!(
            "'{s}' không phải số văn bản: chỉ ghi số (ví dụ 12 hoặc 125a), không ghi \"Số\" hay ký hiệu /TB-… (chương trình tự in) / not a document number: give the number alone, e.g. 12"
        ));
    }
    Ok(t.to_string())
}

/// `--ngay`: `dd/mm/yyyy` or `yyyy-mm-dd`.
fn parse_document_date(s: &str) -> Result<chrono::NaiveDate, String> {
    let t = s.trim();
    let shaped = t.contains('/') || (t.len() == 10 && t.as_bytes()[4] == b'-');
    match crate::text::parse_date_text(t).filter(|_| shaped) {
        Some(d) => Ok(d),
        None => Err(format!(
            "'{s}' không phải ngày hợp lệ: viết dd/mm/yyyy (ví dụ 28/03/2024) hoặc yyyy-mm-dd (2024-03-28) / not a valid date: write dd/mm/yyyy or yyyy-mm-dd"
        )),
    }
}

/// `--ngay` far from the quarter (before its last month, or months after it): said on stderr,
/// the documents are still written with it (an office may sign late).
pub fn warn_unusual_date(q: Quarter, date: Option<chrono::NaiveDate>, lang: Lang) {
    if let Some(d) = date.filter(|d| crate::documents::unusual_date(q, *d)) {
        let day = d.format("%d/%m/%Y");
        match lang {
            Lang::Vi => eprintln!(
                "danhgia: cảnh báo: --ngay {day} xa quý {}/{} (trước tháng cuối quý hoặc quá ba tháng sau quý); kiểm tra lại ngày ký",
                q.roman(),
                q.year
            ),
            Lang::En => eprintln!(
                "danhgia: warning: --ngay {day} is far from quarter {q} (before its last month or over three months after it); check the date"
            ),
        }
    }
}

/// A document date that cannot be used: the message, exit 2, nothing written.
pub fn date_failure(e: &crate::documents::DateError, lang: Lang) -> ExitCode {
    eprintln!("danhgia: {}", e.message(lang));
    ExitCode::from(EXIT_FAILURE)
}

impl InputArgs {
    pub fn load_profile(&self) -> Result<Profile> {
        load_profile(self.profile.as_deref())
    }
}

pub fn load_profile(arg: Option<&str>) -> Result<Profile> {
    match arg {
        None => Ok(Profile::default_profile()),
        Some(p) => {
            let path = std::path::Path::new(p);
            if path.exists() {
                Ok(Profile::load(path)?)
            } else if crate::profile::all_names().contains(&p) {
                Ok(Profile::embedded(p)?)
            } else {
                bail!("không có tệp hồ sơ '{p}' / no such profile file")
            }
        }
    }
}

/// Parses the command line and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    crate::batch::install_panic_capture();
    let lang = cli.lang;
    if cli.command.writes_files() {
        crate::output::clean_up_on_signal();
    }
    match cli.command {
        Command::Validate(a) => validate::run(a, lang),
        Command::Evaluate(a) => evaluate::run(a, lang),
        Command::Profile(a) => profile::run(a, lang),
        Command::Run(a) => run::run(a, lang),
        Command::Merge(a) => merge::run(a, lang),
        Command::Rewards(a) => rewards::run(a, lang),
        Command::Template(a) => template::run(a, lang),
        Command::Calendar(a) => calendar::run(a, lang),
        Command::Nam(a) => nam::run(a, lang),
        Command::BatThuong(a) => bat_thuong::run(a, lang),
    }
}

/// Writes to stdout; a closed pipe (e.g. `| head`) is not an error.
/// An error as one line for the user: its causes joined with ": ", each said once (a cause whose
/// words another already holds — the file named by a context, the OS error inside a message that
/// quotes it — is left out).
pub fn error_line(err: &anyhow::Error) -> String {
    let parts: Vec<String> = err.chain().map(|c| c.to_string()).collect();
    let kept: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !p.trim().is_empty()
                && !parts
                    .iter()
                    .enumerate()
                    .any(|(j, q)| j != *i && q.contains(p.as_str()) && (q != *p || j < *i))
        })
        .map(|(_, p)| p.as_str())
        .collect();
    kept.join(": ")
}

pub fn write_stdout(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other.context("không ghi được ra màn hình / cannot write to stdout"),
    }
}

/// The same for stderr (findings printed beside data on stdout): a closed stderr ends the
/// printing quietly too.
pub fn write_stderr(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let stderr = std::io::stderr();
    let mut out = std::io::BufWriter::new(stderr.lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other.context("không ghi được ra stderr / cannot write to stderr"),
    }
}

/// A reader that closed the pipe (`| head -1`): the command ends quietly, with the exit code
/// the data deserves. The CSV writer wraps the error it met in its own.
pub fn is_broken_pipe(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return true;
    }
    let inner = e.get_ref();
    if let Some(c) = inner.and_then(|i| i.downcast_ref::<csv::Error>()) {
        if let csv::ErrorKind::Io(io) = c.kind() {
            return io.kind() == std::io::ErrorKind::BrokenPipe;
        }
    }
    inner
        .and_then(|i| i.downcast_ref::<std::io::Error>())
        .is_some_and(is_broken_pipe)
}

/// SPEC §4: when no workbook at all was found, says so on stderr, naming every skipped path and
/// why, and gives exit code 2.
pub(crate) fn no_workbook(
    given: &[PathBuf],
    inputs: &[crate::batch::Input],
    lang: Lang,
) -> Option<ExitCode> {
    if inputs.iter().any(|i| !i.skip) {
        return None;
    }
    eprint!("{}", crate::report::no_workbook_text(given, inputs, lang));
    Some(ExitCode::from(EXIT_FAILURE))
}

/// The exit code for a batch.
pub fn exit_for(errors: usize, warnings: usize, strict: bool) -> ExitCode {
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::from(EXIT_INPUT_ERRORS)
    } else {
        ExitCode::from(EXIT_OK)
    }
}

/// Warns on stderr when the quarter lies outside the profile's period (SPEC §2): the command
/// still does its job, and its document on stdout or in a file stays clean.
/// Whether a path names an Excel workbook (`.xlsx`, in any case): what `-o` of a command
/// writing one must name.
pub(crate) fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

pub(crate) fn warn_out_of_period(
    profile: &crate::profile::Profile,
    quarter: crate::model::Quarter,
    lang: Lang,
) {
    if let (false, Some((from, to))) = (profile.covers(quarter), profile.period) {
        let detail = crate::finding::Detail::ProfileOutOfPeriod {
            quarter,
            profile: profile.name.clone(),
            from,
            to,
        };
        let word = crate::finding::Severity::Warning.word(lang);
        eprintln!("{word} profile-out-of-period: {}", detail.message(lang));
    }
}

#[cfg(test)]
mod tests {
    use super::error_line;

    #[test]
    fn a_write_error_says_each_cause_once() {
        let io = std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "File exists (os error 17)",
        );
        let write = crate::output::WriteError {
            path: "a/x.xlsx".into(),
            source: io,
        };
        let err = anyhow::Error::new(write).context("a/x.xlsx");
        let line = error_line(&err);
        assert_eq!(
            line,
            "không ghi được tệp a/x.xlsx / cannot write a/x.xlsx: File exists (os error 17)"
        );
        assert_eq!(line.matches("File exists").count(), 1);
    }

    #[test]
    fn distinct_causes_are_all_said() {
        let err = anyhow::anyhow!("hỏng")
            .context("sổ TCKH")
            .context("đọc thư mục");
        assert_eq!(error_line(&err), "đọc thư mục: sổ TCKH: hỏng");
    }
}
