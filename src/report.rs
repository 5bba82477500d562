//! The documents and listings printed by `validate` and `evaluate` (SPEC §5–§6).

use crate::batch::{Batch, FileReport, Input, Skip};
use crate::evaluate::UnitResult;
use crate::finding::{Finding, FindingOut, Severity};
use crate::i18n::Lang;
use crate::model::Quarter;
use crate::text::terminal_safe;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

pub const SCHEMA_RESULTS: &str = "danhgia/ket-qua/v1";
pub const SCHEMA_CHECK: &str = "danhgia/kiem-tra/v1";

#[derive(Serialize)]
pub struct ResultsDoc<'a> {
    pub schema: &'static str,
    pub quarter: Option<Quarter>,
    pub units: &'a [UnitResult],
    pub findings: Vec<FindingOut<'a>>,
}

#[derive(Serialize)]
pub struct CheckDoc<'a> {
    pub schema: &'static str,
    pub files: &'a [FileReport],
    pub findings: Vec<FindingOut<'a>>,
}

fn outs(findings: &[Finding], lang: Lang) -> Vec<FindingOut<'_>> {
    findings.iter().map(|f| f.out(lang)).collect()
}

/// The results document (SPEC §5), streamed to `out`.
pub fn results_json(batch: &Batch, lang: Lang, mut out: impl Write) -> io::Result<()> {
    let doc = ResultsDoc {
        schema: SCHEMA_RESULTS,
        quarter: batch.quarter,
        units: &batch.units,
        findings: outs(&batch.findings, lang),
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")
}

pub fn check_json(batch: &Batch, lang: Lang) -> String {
    let doc = CheckDoc {
        schema: SCHEMA_CHECK,
        files: &batch.files,
        findings: outs(&batch.findings, lang),
    };
    serde_json::to_string_pretty(&doc).expect("the report serialises") + "\n"
}

/// Makes a text safe for a spreadsheet cell: a leading `=`, `+`, `-`, `@` (or tab / CR) would
/// start a formula when the CSV is opened in Excel, so it is quoted with an apostrophe.
pub fn csv_safe(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Findings as CSV, one per row (UTF-8; the caller adds a BOM for files meant for Excel).
pub fn findings_csv(findings: &[Finding], lang: Lang, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "severity", "code", "file", "sheet", "cell", "person", "message",
    ])?;
    for f in findings {
        let o = f.out(lang);
        w.write_record([
            match o.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            o.code.as_str(),
            &csv_safe(o.file),
            &csv_safe(o.sheet.unwrap_or("")),
            o.cell.unwrap_or(""),
            &csv_safe(o.person.unwrap_or("")),
            &csv_safe(&o.message),
        ])?;
    }
    w.flush()
}

/// Results as CSV, one person per row.
pub fn results_csv(batch: &Batch, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "quarter",
        "bloc",
        "unit_code",
        "unit",
        "id",
        "name",
        "form",
        "total",
        "month_1",
        "month_2",
        "month_3",
        "status",
        "reasons",
    ])?;
    let quarter = batch.quarter.map(|q| q.to_string()).unwrap_or_default();
    for u in &batch.units {
        for p in &u.people {
            let ratings: Vec<&str> = p
                .ratings
                .iter()
                .map(|r| r.map_or("", |r| r.code()))
                .collect();
            let reasons: Vec<&str> = p.reasons.iter().map(|r| r.code()).collect();
            w.write_record([
                quarter.as_str(),
                u.bloc.code(),
                &csv_safe(&u.code),
                &csv_safe(&u.unit),
                &csv_safe(&p.id),
                &csv_safe(&p.name),
                p.form.map_or("", |f| f.code()),
                &p.total
                    .map(|t| t.to_string().replace(',', "."))
                    .unwrap_or_default(),
                ratings[0],
                ratings[1],
                ratings[2],
                p.status.code(),
                &reasons.join(";"),
            ])?;
        }
    }
    w.flush()
}

fn location(f: &Finding) -> String {
    let mut s = String::new();
    if let Some(sheet) = &f.sheet {
        s.push_str(sheet);
        if let Some(cell) = &f.cell {
            s.push('!');
            s.push_str(cell);
        }
    }
    if let Some(p) = &f.person {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&format!("[{p}]"));
    }
    s
}

/// From this many findings of one cause down one column, the text report prints one line.
const GROUP_FROM: usize = 3;

/// What makes findings "one cause down a column": sheet, column, code, kind of fact and, for
/// facts about a named field, the field.
type GroupKey<'a> = (
    &'a str,
    &'a str,
    crate::finding::Code,
    std::mem::Discriminant<crate::finding::Detail>,
    &'a str,
);

fn group_key(f: &Finding) -> Option<GroupKey<'_>> {
    use crate::finding::Detail::*;
    let cell = f.cell.as_deref()?;
    let column = &cell[..cell.find(|c: char| c.is_ascii_digit())?];
    let field: &str = match &f.detail {
        InfoMissing { label } | InfoInvalid { label, .. } => label,
        DateInvalid { column, .. } | DateHalf { column } => column,
        ColumnMissing { column } => column,
        // One leader's scope is one cause; another leader's is another.
        ScopeUnknown { leader_id, .. } => leader_id,
        _ => "",
    };
    Some((
        f.sheet.as_deref()?,
        column,
        f.code(),
        std::mem::discriminant(&f.detail),
        field,
    ))
}

/// The cells of a group, shortened when long: "H5, H6, …, H28".
fn cell_list(cells: &[&str]) -> String {
    if cells.len() <= 6 {
        return cells.join(", ");
    }
    format!(
        "{}, {}, {}, …, {}",
        cells[0],
        cells[1],
        cells[2],
        cells[cells.len() - 1]
    )
}

/// Findings grouped by file, for people. When one cause repeats down a column, it is one line
/// ("24 ô ở cột AH: …"); JSON and CSV keep one finding per cell.
pub fn findings_text(batch: &Batch, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let mut start = 0;
    while start < batch.findings.len() {
        let file = &batch.findings[start].file;
        let end = batch.findings[start..]
            .iter()
            .position(|f| &f.file != file)
            .map_or(batch.findings.len(), |n| start + n);
        writeln!(out, "{}", terminal_safe(file))?;
        file_findings_text(&batch.findings[start..end], lang, out)?;
        start = end;
    }
    Ok(())
}

fn file_findings_text(
    findings: &[Finding],
    lang: Lang,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    let mut groups: HashMap<GroupKey, Vec<usize>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        if let Some(k) = group_key(f) {
            groups.entry(k).or_default().push(i);
        }
    }
    for (i, f) in findings.iter().enumerate() {
        let members = group_key(f)
            .and_then(|k| groups.get(&k))
            .filter(|m| m.len() >= GROUP_FROM);
        match members {
            Some(m) if m[0] == i => {
                let cells: Vec<&str> = m
                    .iter()
                    .filter_map(|&j| findings[j].cell.as_deref())
                    .collect();
                let (sheet, column, code, _, _) = group_key(f).expect("grouped");
                let sheet = terminal_safe(sheet);
                let sev = f.severity().word(lang);
                let first = f.cell.as_deref().unwrap_or("");
                let msg = terminal_safe(&f.message(lang)).into_owned();
                match lang {
                    Lang::Vi => writeln!(
                        out,
                        "  {sheet}, cột {column}: {} ô cùng {sev} {} ({}). Ví dụ ô {first}: {msg}",
                        m.len(),
                        code.as_str(),
                        cell_list(&cells)
                    )?,
                    Lang::En => writeln!(
                        out,
                        "  {sheet}, column {column}: {} cells with the same {sev} {} ({}). For example {first}: {msg}",
                        m.len(),
                        code.as_str(),
                        cell_list(&cells)
                    )?,
                }
            }
            Some(_) => {}
            None => {
                let loc = location(f);
                let sep = if loc.is_empty() { "" } else { " " };
                writeln!(
                    out,
                    "  {}{sep}{} {}: {}",
                    terminal_safe(&loc),
                    f.severity().word(lang),
                    f.code().as_str(),
                    terminal_safe(&f.message_about(lang, false))
                )?;
            }
        }
    }
    Ok(())
}

/// The skipped files (`bo-qua`), each with why it was not read; nothing when none was.
pub fn skipped_text(files: &[FileReport], lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let mut skipped = files
        .iter()
        .filter_map(|f| Some((f.file.as_str(), f.skipped.as_ref()?)))
        .peekable();
    if skipped.peek().is_none() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        lang.pick("Bỏ qua (không đọc):", "Skipped (not read):")
    )?;
    for (file, why) in skipped {
        writeln!(
            out,
            "  {}: {}",
            terminal_safe(file),
            terminal_safe(&why.words(lang))
        )?;
    }
    Ok(())
}

/// At most this many skipped files are named when no workbook was found.
const SKIPPED_SHOWN: usize = 100;

/// SPEC §4: "không tìm thấy sổ nào", naming what was skipped and why.
pub fn no_workbook_text(given: &[std::path::PathBuf], inputs: &[Input], lang: Lang) -> String {
    let places: Vec<String> = given
        .iter()
        .map(|p| format!("'{}'", terminal_safe(&p.display().to_string())))
        .collect();
    let places = places.join(", ");
    let kinds = crate::batch::extension_list(lang);
    let mut t = match lang {
        Lang::Vi => format!("danhgia: không tìm thấy sổ nào trong {places} (sổ là tệp {kinds}).\n"),
        Lang::En => {
            format!("danhgia: no workbook found in {places} (a workbook is a {kinds} file).\n")
        }
    };
    let skipped: Vec<(&Input, &Skip)> = inputs
        .iter()
        .filter_map(|i| Some((i, i.reason.as_ref()?)))
        .collect();
    if skipped.is_empty() {
        t.push_str(lang.pick("Không có tệp nào.\n", "There is no file at all.\n"));
        return t;
    }
    t.push_str(&match lang {
        Lang::Vi => format!("Đã bỏ qua {} mục:\n", skipped.len()),
        Lang::En => format!("Skipped {}:\n", skipped.len()),
    });
    for (input, why) in skipped.iter().take(SKIPPED_SHOWN) {
        t.push_str(&format!(
            "  {}: {}\n",
            terminal_safe(&input.display),
            terminal_safe(&why.words(lang))
        ));
    }
    if skipped.len() > SKIPPED_SHOWN {
        let more = skipped.len() - SKIPPED_SHOWN;
        t.push_str(&match lang {
            Lang::Vi => format!("  … và {more} mục khác\n"),
            Lang::En => format!("  … and {more} more\n"),
        });
    }
    t
}

/// What the files other than unit workbooks were read as, when there are any: "Trong đó 3 danh
/// sách xếp loại tháng, 1 Mẫu 06 đơn vị tự lập."
fn kinds_line(batch: &Batch, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    use crate::batch::FileKind;
    let n = |k| {
        batch
            .files
            .iter()
            .filter(|f| f.kind == k && f.status != crate::batch::FileStatus::BoQua)
            .count()
    };
    let (lists, mau06) = (n(FileKind::RatingList), n(FileKind::Mau06));
    let mut parts = Vec::new();
    match lang {
        Lang::Vi => {
            if lists > 0 {
                parts.push(format!("{lists} danh sách xếp loại tháng"));
            }
            if mau06 > 0 {
                parts.push(format!("{mau06} Mẫu 06 đơn vị tự lập"));
            }
        }
        Lang::En => {
            if lists > 0 {
                let s = if lists == 1 { "" } else { "s" };
                parts.push(format!("{lists} monthly rating list{s}"));
            }
            if mau06 > 0 {
                parts.push(format!("{mau06} hand-typed mẫu 06"));
            }
        }
    }
    if parts.is_empty() {
        return Ok(());
    }
    match lang {
        Lang::Vi => writeln!(out, "Trong số tệp đã đọc có {}.", parts.join(", ")),
        Lang::En => writeln!(out, "The files read include {}.", parts.join(", ")),
    }
}

/// The one-line summary that closes `validate`.
pub fn check_summary(batch: &Batch, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    use crate::batch::FileStatus::*;
    let n = |s| batch.files.iter().filter(|f| f.status == s).count();
    let read = batch.files.len() - n(BoQua);
    kinds_line(batch, lang, out)?;
    match lang {
        Lang::Vi => writeln!(
            out,
            "Đã kiểm tra {read} tệp ({} bỏ qua): {} hợp lệ, {} có cảnh báo, {} có lỗi — {} lỗi, {} cảnh báo.",
            n(BoQua), n(Ok), n(CanhBao), n(Loi), batch.errors(), batch.warnings()
        ),
        Lang::En => {
            let plural = |n: usize, one: &str, many: &str| crate::i18n::count(n as u64, one, many);
            writeln!(
                out,
                "Checked {} ({} skipped): {} valid, {} with warnings, {} with errors — {}, {}.",
                plural(read, "file", "files"),
                n(BoQua),
                n(Ok),
                n(CanhBao),
                n(Loi),
                plural(batch.errors(), "error", "errors"),
                plural(batch.warnings(), "warning", "warnings")
            )
        }
    }
}

/// The results for people: a block per unit, then the findings.
pub fn results_text(batch: &Batch, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let vi = lang == Lang::Vi;
    if let Some(q) = batch.quarter {
        if vi {
            writeln!(
                out,
                "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ {}/{}",
                q.roman(),
                q.year
            )?;
        } else {
            writeln!(out, "PROFESSIONALISM EVALUATION RESULTS, {q}")?;
        }
    }
    for u in &batch.units {
        let s = &u.summary;
        writeln!(out)?;
        writeln!(
            out,
            "{} ({}, {})",
            terminal_safe(&u.unit),
            terminal_safe(&u.code),
            u.bloc.code()
        )?;
        if u.from_mau06() {
            writeln!(out, "  {}.", crate::mau06::note(lang))?;
        }
        if vi {
            writeln!(
                out,
                "  {} người: {} được đánh giá, {} không đánh giá; {} đạt, {} không đạt, {} lỗi dữ liệu; khen thưởng tối đa {} người",
                s.people, s.evaluated, s.not_evaluated, s.dat, s.khong_dat, s.loi, s.reward_cap
            )?;
        } else {
            writeln!(
                out,
                "  {}: {} evaluated, {} not evaluated; {} passed, {} not passed, {}; reward cap {}",
                crate::i18n::count(s.people, "person", "people"),
                s.evaluated,
                s.not_evaluated,
                s.dat,
                s.khong_dat,
                crate::i18n::count(s.loi, "input error", "input errors"),
                s.reward_cap
            )?;
        }
        for p in &u.people {
            let total = p.total.map_or_else(
                || "—".to_string(),
                |t| match lang {
                    Lang::Vi => t.to_string(),
                    Lang::En => t.to_string().replace(',', "."),
                },
            );
            let why: Vec<&str> = p.reasons.iter().map(|r| r.words(lang)).collect();
            let why = if why.is_empty() {
                String::new()
            } else {
                format!(" — {}", why.join("; "))
            };
            writeln!(
                out,
                "  {:<10} {:<28} {:>6}  {}{}",
                terminal_safe(&p.id),
                terminal_safe(&p.name),
                total,
                p.status.words(lang),
                why
            )?;
        }
    }
    if !batch.findings.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            if vi {
                "LỖI VÀ CẢNH BÁO"
            } else {
                "ERRORS AND WARNINGS"
            }
        )?;
        findings_text(batch, lang, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Detail;

    fn finding(cell: &str, person: &str) -> Finding {
        Finding {
            file: "a.xlsx".into(),
            sheet: Some("Mẫu 04".into()),
            cell: Some(cell.into()),
            person: Some(person.into()),
            person_name: Some(format!("Người {person}")),
            detail: Detail::FormulaNoValue {
                formula: "SUM(C5:AF5)".into(),
            },
        }
    }

    fn text(findings: Vec<Finding>, lang: Lang) -> String {
        let batch = Batch {
            findings,
            ..Default::default()
        };
        let mut out = Vec::new();
        findings_text(&batch, lang, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_cause_down_a_column_is_one_line_in_text() {
        let mut fs: Vec<Finding> = (5..29)
            .map(|r| finding(&format!("AH{r}"), &format!("TN{r:02}")))
            .collect();
        fs.insert(3, finding("B7", "TN07"));
        let t = text(fs, Lang::Vi);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3, "{t}");
        assert_eq!(lines[0], "a.xlsx");
        assert!(
            lines[1].starts_with("  Mẫu 04, cột AH: 24 ô cùng lỗi formula-no-value (AH5, AH6, AH7, …, AH28). Ví dụ ô AH5: Người TN05 (TN05): "),
            "{t}"
        );
        assert!(
            lines[2].starts_with("  Mẫu 04!B7 [TN07] lỗi formula-no-value: Người TN07: "),
            "{t}"
        );
        let en = text(
            (5..8).map(|r| finding(&format!("AH{r}"), "X")).collect(),
            Lang::En,
        );
        assert!(
            en.contains("column AH: 3 cells with the same error formula-no-value (AH5, AH6, AH7)"),
            "{en}"
        );
    }

    #[test]
    fn control_characters_from_cells_are_shown_escaped() {
        let mut f = finding("B3", "TN03");
        f.person_name = Some("\u{1b}[2K\r0 lỗi".into());
        let t = text(vec![f], Lang::Vi);
        assert!(!t.contains('\u{1b}') && !t.contains('\r'), "{t:?}");
        assert!(t.contains("\\u{1b}[2K\\u{d}0 lỗi"), "{t:?}");
        assert_eq!(terminal_safe("Nguyễn Văn An"), "Nguyễn Văn An");
    }

    #[test]
    fn two_findings_down_a_column_stay_apart() {
        let t = text(vec![finding("AH5", "A"), finding("AH6", "B")], Lang::Vi);
        assert_eq!(t.lines().count(), 3, "{t}");
    }
}
