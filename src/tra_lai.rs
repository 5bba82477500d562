//! The workbooks sent back to the units (`tra-lai/`, SPEC §4): which input files get one and under
//! which name, and each fix in the unit's words. Writing them is [`crate::writer::tra_lai`]'s.
//!
//! One workbook per input file with findings (errors or warnings), because a unit fixes each file
//! it sent on its own:
//! - the file a unit is evaluated from (its workbook, or its mẫu 06 sent alone) is named after the
//!   unit's code: `tra-lai/<ma-don-vi>.xlsx`;
//! - any other file — unreadable, not evaluated (a `Thông tin` fault, another quarter, an older
//!   copy), a monthly rating list, a mẫu 06 sent beside the workbook — is named after its own file
//!   name, which is what the unit knows it by: `tra-lai/<tên-tệp>.xlsx`.
//!
//! A name taken already gets `-2`, `-3`… A file without findings gets nothing.

use crate::batch::Batch;
use crate::evaluate::UnitResult;
use crate::finding::{Code, Finding, Severity};
use crate::i18n::Lang;
use crate::model::Quarter;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The folder of the workbooks sent back, in OUTDIR.
pub const DIR: &str = "tra-lai";

/// One workbook to send back: the input file it is about, and each fix.
#[derive(Debug, Clone)]
pub struct Return {
    /// The input file as the findings name it.
    pub file: String,
    /// The workbook's file name in `tra-lai/` (e.g. `ubbd.xlsx`).
    pub name: String,
    /// The unit evaluated from this file: its name and code.
    pub unit: Option<(String, String)>,
    pub quarter: Option<Quarter>,
    /// The file was read (no `file-unreadable`): its sheets can be copied.
    pub readable: bool,
    pub fixes: Vec<Fix>,
}

/// One finding, worded for the unit.
#[derive(Debug, Clone)]
pub struct Fix {
    pub severity: Severity,
    pub code: Code,
    pub sheet: Option<String>,
    /// The cell, zero-based (row, column), when the finding names one.
    pub cell: Option<(u32, u32)>,
    /// "Nguyễn Văn An (TN01)", or the Mã CB alone when the name is not known.
    pub person: Option<String>,
    /// What is wrong.
    pub wrong: String,
    /// What would be right.
    pub fix: String,
    /// The whole message, as `loi.csv` and `ket-qua.json` give it.
    pub message: String,
}

/// The file names of the workbooks sent back, relative to [`DIR`], in the order of [`returns`]
/// (known before anything is written, for the manifest of `run`).
pub fn file_names(b: &Batch) -> Vec<String> {
    files_with_findings(b)
        .into_iter()
        .map(|(_, name, _)| name)
        .collect()
}

/// The workbooks to send back, with each fix worded in `lang`.
pub fn returns(b: &Batch, lang: Lang) -> Vec<Return> {
    let units: HashMap<&str, &UnitResult> =
        b.units.iter().map(|u| (u.source.as_str(), u)).collect();
    let mut by_file: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in &b.findings {
        by_file.entry(f.file.as_str()).or_default().push(f);
    }
    files_with_findings(b)
        .into_iter()
        .map(|(file, name, _)| {
            let unit = units.get(file).copied();
            let findings = by_file.remove(file).unwrap_or_default();
            let readable = !findings.iter().any(|f| f.code() == Code::FileUnreadable);
            Return {
                file: file.to_string(),
                name,
                unit: unit.map(|u| (u.unit.clone(), u.code.clone())),
                quarter: unit.map(|u| u.quarter).or(b.quarter),
                readable,
                fixes: findings
                    .into_iter()
                    .map(|f| fix_of(f, unit, lang))
                    .collect(),
            }
        })
        .collect()
}

/// Every file with findings, in the batch's file order (files that findings name but the batch
/// does not list come last), with its workbook name and its unit's code when it has one.
fn files_with_findings(b: &Batch) -> Vec<(&str, String, Option<&str>)> {
    // The office's own list of expected units (`--don-vi`) is not sent back to a unit.
    let office: HashSet<&str> = b
        .files
        .iter()
        .filter(|f| f.kind == crate::batch::FileKind::UnitsList)
        .map(|f| f.file.as_str())
        .collect();
    let with_findings: HashSet<&str> = b
        .findings
        .iter()
        .map(|f| f.file.as_str())
        .filter(|f| !office.contains(f))
        .collect();
    let mut files: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    let listed = b.files.iter().map(|f| f.file.as_str());
    let others = b.findings.iter().map(|f| f.file.as_str());
    for file in listed.chain(others) {
        if with_findings.contains(file) && seen.insert(file) {
            files.push(file);
        }
    }
    let codes: HashMap<&str, &str> = b
        .units
        .iter()
        .map(|u| (u.source.as_str(), u.code.as_str()))
        .collect();
    // The units' names first, so that a unit's code is never taken by another file's name.
    let mut used = HashSet::new();
    let mut names: HashMap<&str, String> = HashMap::new();
    for &file in files.iter().filter(|f| codes.contains_key(*f)) {
        names.insert(
            file,
            unique(&mut used, &crate::writer::safe_file_stem(codes[file])),
        );
    }
    for &file in files.iter().filter(|f| !codes.contains_key(*f)) {
        names.insert(file, unique(&mut used, &stem_of(file)));
    }
    files
        .into_iter()
        .map(|f| {
            (
                f,
                names.remove(f).unwrap_or_default(),
                codes.get(f).copied(),
            )
        })
        .collect()
}

/// `<stem>.xlsx`, or `<stem>-2.xlsx`, … when taken (names compared as the file system of a
/// Windows clerk would: without case).
fn unique(used: &mut HashSet<String>, stem: &str) -> String {
    let mut name = format!("{stem}.xlsx");
    let mut n = 2;
    while !used.insert(name.to_lowercase()) {
        name = format!("{stem}-{n}.xlsx");
        n += 1;
    }
    name
}

/// The stem of an input file's name, made safe for a file name.
fn stem_of(file: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    crate::writer::safe_file_stem(stem)
}

fn fix_of(f: &Finding, unit: Option<&UnitResult>, lang: Lang) -> Fix {
    let (wrong, fix) = split_fix(&f.detail.message(lang));
    let fix = if fix.is_empty() {
        match f.severity() {
            Severity::Error => lang.pick(
                "Sửa theo lời giải thích ở cột 'Lỗi'.",
                "Fix it as the explanation in the 'Lỗi' column says.",
            ),
            Severity::Warning => lang.pick("Kiểm tra lại cho đúng.", "Check that it is right."),
        }
        .to_string()
    } else {
        fix
    };
    Fix {
        severity: f.severity(),
        code: f.code(),
        sheet: f.sheet.clone(),
        cell: f.cell.as_deref().and_then(parse_a1),
        person: person_words(f, unit),
        wrong,
        fix,
        message: f.message(lang),
    }
}

/// The person a finding is about, by name and Mã CB (the name from the finding, else from the
/// unit's people).
fn person_words(f: &Finding, unit: Option<&UnitResult>) -> Option<String> {
    let id = f.person.as_deref()?;
    let name = f.person_name.clone().filter(|n| !n.is_empty()).or_else(|| {
        unit?
            .people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
    });
    Some(match name {
        Some(n) => format!("{n} ({id})"),
        None => id.to_string(),
    })
}

/// A message cut into what is wrong and what would be right: the messages say what is wrong,
/// then, in their last sentence, what to do. A message of one sentence is all "what is wrong"
/// (the fix is empty). A sentence ends at `.`, `!` or `?` followed by a space and a capital
/// letter, outside brackets (so "8.3", "e.g. 9.5", "(… rồi gửi. Xem …)" do not cut).
pub fn split_fix(message: &str) -> (String, String) {
    let mut depth = 0u32;
    let mut cut = None;
    for (i, c) in message.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '.' | '!' | '?' if depth == 0 => {
                let rest = &message[i + c.len_utf8()..];
                let mut after = rest.chars();
                if after.next() == Some(' ') && after.next().is_some_and(char::is_uppercase) {
                    cut = Some(i + c.len_utf8());
                }
            }
            _ => {}
        }
    }
    match cut {
        Some(at) => (
            message[..at].trim().to_string(),
            message[at..].trim().to_string(),
        ),
        None => (message.trim().to_string(), String::new()),
    }
}

/// A cell address `A1` as a zero-based (row, column); `None` for anything else.
pub fn parse_a1(cell: &str) -> Option<(u32, u32)> {
    let cell = cell.trim().trim_start_matches('$');
    let letters = cell.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col_part, row_part) = cell.split_at(letters);
    let row_part = row_part.trim_start_matches('$');
    if letters == 0 || letters > 3 || row_part.is_empty() {
        return None;
    }
    if !row_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let col = col_part.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    }) - 1;
    let row: u32 = row_part.parse().ok()?;
    let (last_row, last_col) = crate::reader::cells::LAST_CELL;
    (row >= 1 && row - 1 <= last_row && col <= last_col).then(|| (row - 1, col))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Detail;

    #[test]
    fn the_last_sentence_is_the_fix() {
        let (w, f) =
            split_fix("Điểm nội dung 5 là 8,3, không đúng bước 0,5. Chỉ dùng 10; 9,5; 9; 8,5; …");
        assert_eq!(w, "Điểm nội dung 5 là 8,3, không đúng bước 0,5.");
        assert_eq!(f, "Chỉ dùng 10; 9,5; 9; 8,5; …");
        let (w, f) =
            split_fix("The score of item 5 is 8.3, not a step of 0.5. Use 10, 9.5, 9, 8.5, …");
        assert_eq!(w, "The score of item 5 is 8.3, not a step of 0.5.");
        assert_eq!(f, "Use 10, 9.5, 9, 8.5, …");
        // Three sentences: the first two say what is wrong.
        let (w, f) = split_fix("Vượt số. Đơn vị được 2 người. Xếp người này lên trước.");
        assert_eq!(w, "Vượt số. Đơn vị được 2 người.");
        assert_eq!(f, "Xếp người này lên trước.");
        // Not inside brackets, not before a small letter or a digit.
        let (w, f) = split_fix("Ngày gửi muộn (xem hạn. Xem lịch) e.g. 5. nữa.");
        assert_eq!(
            (w.as_str(), f.as_str()),
            ("Ngày gửi muộn (xem hạn. Xem lịch) e.g. 5. nữa.", "")
        );
    }

    #[test]
    fn cells_are_read_as_excel_writes_them() {
        assert_eq!(parse_a1("A1"), Some((0, 0)));
        assert_eq!(parse_a1("J9"), Some((8, 9)));
        assert_eq!(parse_a1("AI21"), Some((20, 34)));
        assert_eq!(parse_a1("$B$4"), Some((3, 1)));
        assert_eq!(parse_a1("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["", "A", "1", "A0", "XFE1", "A1:B2", "Danh sách", "A1048577"] {
            assert_eq!(parse_a1(bad), None, "{bad}");
        }
    }

    fn finding(file: &str, code_cell: Option<&str>, detail: Detail) -> Finding {
        Finding {
            file: file.into(),
            sheet: code_cell.map(|_| "Danh sách".into()),
            cell: code_cell.map(str::to_string),
            person: None,
            person_name: None,
            detail,
        }
    }

    #[test]
    fn names_come_from_unit_codes_then_file_stems() {
        use crate::batch::{FileKind, FileReport, FileStatus};
        let report = |f: &str| FileReport {
            file: f.into(),
            status: FileStatus::Loi,
            errors: 1,
            warnings: 0,
            skipped: None,
            kind: FileKind::Book,
        };
        let mut b = Batch::default();
        for f in [
            "in/UBBD.xlsx",
            "in/a/ubbd.xlsx",
            "in/hong.xlsx",
            "in/sach.xlsx",
        ] {
            b.files.push(report(f));
        }
        b.findings = vec![
            finding("in/UBBD.xlsx", None, Detail::UnitEmpty),
            finding("in/a/ubbd.xlsx", Some("B2"), Detail::UnitEmpty),
            finding(
                "in/hong.xlsx",
                None,
                Detail::Unreadable(crate::finding::Unreadable::Empty),
            ),
        ];
        // No unit evaluated: every file is named after itself; two stems alike are told apart.
        assert_eq!(file_names(&b), ["ubbd.xlsx", "ubbd-2.xlsx", "hong.xlsx"]);
        let r = returns(&b, Lang::Vi);
        assert_eq!(r.len(), 3);
        assert!(!r[2].readable);
        assert_eq!(r[1].fixes[0].cell, Some((1, 1)));
        assert!(
            r.iter().all(|r| r.file != "in/sach.xlsx"),
            "a clean file gets none"
        );
    }
}
