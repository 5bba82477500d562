//! The workbooks sent back to the units (`tra-lai/`, SPEC §4) from the command line: written by
//! `run` into `OUTDIR/tra-lai/`, and by `validate --tra-lai DIR` into DIR.

use super::guard::Guard;
use super::EXIT_FAILURE;
use crate::batch::{Batch, Input};
use crate::i18n::Lang;
use crate::paths;
use crate::text::terminal_safe;
use crate::tra_lai;
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// At most this many names of written workbooks are listed on stderr.
const SHOWN_NAMES: usize = 10;

/// Writes the batch's workbooks sent back into `dir`; returns their names.
pub fn write(b: &Batch, inputs: &[Input], dir: &Path, lang: Lang) -> Result<Vec<String>> {
    let returns = tra_lai::returns(b, lang);
    let paths: HashMap<&str, &Path> = inputs
        .iter()
        .map(|i| (i.display.as_str(), i.path.as_path()))
        .collect();
    let source = |file: &str| paths.get(file).map(|p| p.to_path_buf());
    crate::writer::tra_lai::write_all(&returns, dir, &source)?;
    Ok(returns.into_iter().map(|r| r.name).collect())
}

/// `validate --tra-lai DIR`: refuses a DIR that is a file or lies in an input folder (the next
/// check would read the workbooks sent back as the units'), and any workbook that would replace
/// an input file; else writes them and says so on stderr (stdout keeps the report alone).
/// `Some(code)` when refused.
pub fn for_validate(
    b: &Batch,
    inputs: &[Input],
    given: &[PathBuf],
    profile: Option<&str>,
    dir: &Path,
    lang: Lang,
) -> Result<Option<ExitCode>> {
    let shown = terminal_safe(&dir.display().to_string()).into_owned();
    if dir.exists() && !dir.is_dir() {
        return Ok(Some(refuse(
            lang,
            format!("'{shown}' là một tệp, không phải thư mục."),
            format!("'{shown}' is a file, not a directory."),
        )));
    }
    if let Some(folder) = given
        .iter()
        .find(|p| p.is_dir() && paths::is_within(dir, p))
    {
        let folder = terminal_safe(&folder.display().to_string()).into_owned();
        return Ok(Some(refuse(
            lang,
            format!("Thư mục '{shown}' nằm trong thư mục đầu vào '{folder}': lần kiểm tra sau sẽ đọc nhầm các tệp trả lại thành sổ của đơn vị. Chọn thư mục khác cho --tra-lai."),
            format!("The folder '{shown}' is inside the input folder '{folder}': the next check would read the workbooks sent back as the units'. Choose another folder for --tra-lai."),
        )));
    }
    let names = tra_lai::file_names(b);
    let guard = Guard::of_inputs(inputs, profile);
    let targets: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    if let Some(code) = guard.refuse(targets.iter().map(PathBuf::as_path), lang) {
        return Ok(Some(code));
    }
    // Made even when nothing is to be sent back: the folder asked for is there.
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "không tạo được thư mục {} / cannot create the directory",
            dir.display()
        )
    })?;
    let written = write(b, inputs, dir, lang)?;
    let n = written.len();
    // The names when they are few; the folder holds them all.
    let names = if n <= SHOWN_NAMES {
        format!(": {}", written.join(", "))
    } else {
        String::new()
    };
    let msg = match (lang, n) {
        (Lang::Vi, 0) => {
            "danhgia: không có tệp nào cần trả lại (không có lỗi, cảnh báo).".to_string()
        }
        (Lang::En, 0) => "danhgia: no workbook to send back (no errors, no warnings).".to_string(),
        (Lang::Vi, _) => format!("danhgia: đã ghi {n} tệp trả lại đơn vị vào '{shown}'{names}"),
        (Lang::En, _) => format!(
            "danhgia: wrote {} to send back into '{shown}'{names}",
            crate::i18n::count(n as u64, "workbook", "workbooks")
        ),
    };
    eprintln!("{}", terminal_safe(&msg));
    Ok(None)
}

fn refuse(lang: Lang, vi: String, en: String) -> ExitCode {
    eprintln!("danhgia: {}", lang.pick(&vi, &en));
    ExitCode::from(EXIT_FAILURE)
}
