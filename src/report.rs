//! The documents and listings printed by `validate` and `evaluate` (SPEC §5–§6).

use crate::batch::{Batch, FileReport};
use crate::evaluate::UnitResult;
use crate::finding::{Finding, FindingOut, Severity};
use crate::i18n::Lang;
use crate::model::Quarter;
use serde::Serialize;
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

/// Findings grouped by file, for people.
pub fn findings_text(batch: &Batch, lang: Lang, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let mut current: Option<&str> = None;
    for f in &batch.findings {
        if current != Some(f.file.as_str()) {
            writeln!(out, "{}", f.file)?;
            current = Some(&f.file);
        }
        let loc = location(f);
        let sep = if loc.is_empty() { "" } else { " " };
        writeln!(
            out,
            "  {}{sep}{} {}: {}",
            loc,
            f.severity().word(lang),
            f.code().as_str(),
            f.detail.message(lang)
        )?;
    }
    Ok(())
}

/// The one-line summary that closes `validate`.
pub fn check_summary(batch: &Batch, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    use crate::batch::FileStatus::*;
    let n = |s| batch.files.iter().filter(|f| f.status == s).count();
    let read = batch.files.len() - n(BoQua);
    match lang {
        Lang::Vi => writeln!(
            out,
            "Đã kiểm tra {read} tệp ({} bỏ qua): {} hợp lệ, {} có cảnh báo, {} có lỗi — {} lỗi, {} cảnh báo.",
            n(BoQua), n(Ok), n(CanhBao), n(Loi), batch.errors(), batch.warnings()
        ),
        Lang::En => writeln!(
            out,
            "Checked {read} files ({} skipped): {} valid, {} with warnings, {} with errors — {} errors, {} warnings.",
            n(BoQua), n(Ok), n(CanhBao), n(Loi), batch.errors(), batch.warnings()
        ),
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
        writeln!(out, "{} ({}, {})", u.unit, u.code, u.bloc.code())?;
        if vi {
            writeln!(
                out,
                "  {} người: {} được đánh giá, {} không đánh giá; {} đạt, {} không đạt, {} lỗi dữ liệu; khen thưởng tối đa {} người",
                s.people, s.evaluated, s.not_evaluated, s.dat, s.khong_dat, s.loi, s.reward_cap
            )?;
        } else {
            writeln!(
                out,
                "  {} people: {} evaluated, {} not evaluated; {} passed, {} not passed, {} input errors; reward cap {}",
                s.people, s.evaluated, s.not_evaluated, s.dat, s.khong_dat, s.loi, s.reward_cap
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
                p.id,
                p.name,
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
