//! The year in a few lines, for the terminal (`nam --format text`).

use super::notes::quarter_words;
use super::{Counts, QuarterInfo, QuarterMoney, Year};
use crate::i18n::count;
use crate::i18n::Lang;
use crate::money;
use crate::text::terminal_safe;
use rust_decimal::Decimal;

/// Notes shown in full; the rest are counted (all are in the workbook and the JSON).
const SHOWN_NOTES: usize = 20;

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

fn dong(d: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} đồng", money::group_digits(d)),
        Lang::En => format!("{} VND", money::group_digits_en(d)),
    }
}

fn rate(c: &Counts, lang: Lang) -> String {
    match c.rate_tenths() {
        None => "—".into(),
        Some(t) => {
            let sep = if lang == Lang::Vi { ',' } else { '.' };
            format!("{}{sep}{}%", t / 10, t % 10)
        }
    }
}

fn romans(list: &[usize]) -> String {
    list.iter()
        .map(|&i| ROMAN[i])
        .collect::<Vec<_>>()
        .join(", ")
}

fn quarter_line(q: &QuarterInfo, lang: Lang) -> String {
    let c = q.counts;
    let money = match (q.money, lang) {
        (QuarterMoney::Known { people, total, .. }, Lang::Vi) => {
            format!("khen thưởng {people} người, {}", dong(total, lang))
        }
        (QuarterMoney::Known { people, total, .. }, Lang::En) => {
            format!("{people} rewarded, {}", dong(total, lang))
        }
        (QuarterMoney::Unknown, Lang::Vi) => "tiền thưởng chưa biết".into(),
        (QuarterMoney::Unknown, Lang::En) => "money unknown".into(),
    };
    let errors = match (q.run_errors, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!("; kết quả quý còn {n} lỗi (xem loi.csv của quý)"),
        (n, Lang::En) => format!(
            "; the quarter's results hold {} (see its loi.csv)",
            count(n as u64, "error", "errors")
        ),
    };
    match lang {
        Lang::Vi => format!(
            "  Quý {}: {} đơn vị, {} người, {} được đánh giá, {} đạt ({}); {money}{errors}.\n",
            q.quarter.roman(),
            q.units,
            c.people,
            c.evaluated(),
            c.dat,
            rate(&c, lang)
        ),
        Lang::En => format!(
            "  {}: {}, {}, {} evaluated, {} đạt ({}); {money}{errors}.\n",
            q.quarter,
            count(q.units, "unit", "units"),
            count(c.people, "person", "people"),
            c.evaluated(),
            c.dat,
            rate(&c, lang)
        ),
    }
}

fn head(y: &Year, lang: Lang) -> String {
    let present = y.present();
    let missing = y.missing();
    match (lang, missing.is_empty()) {
        (Lang::Vi, true) => format!("Năm {}: đủ kết quả 4 quý.\n", y.year),
        (Lang::Vi, false) => format!(
            "Năm {}: kết quả {} quý ({}); chưa có quý {}.\n",
            y.year,
            present.len(),
            romans(&present),
            romans(&missing)
        ),
        (Lang::En, true) => format!("Year {}: results of all 4 quarters.\n", y.year),
        (Lang::En, false) => format!(
            "Year {}: results of {} ({}); missing: {}.\n",
            y.year,
            count(present.len() as u64, "quarter", "quarters"),
            romans(&present),
            romans(&missing)
        ),
    }
}

fn year_lines(y: &Year, lang: Lang) -> String {
    let (total, unknown) = y.money();
    let every = y.dat_every_quarter().len();
    let moved = y.people.iter().filter(|p| !p.moves.is_empty()).count();
    let q = |i: &usize| quarter_words(y.quarter(*i), lang);
    let unknown: Vec<String> = unknown.iter().map(q).collect();
    let all = y.present().len();
    match lang {
        Lang::Vi => {
            let gap = if unknown.is_empty() {
                String::new()
            } else {
                format!(" (chưa gồm {})", unknown.join(", "))
            };
            let every_words = if all == 4 {
                "đạt chuyên nghiệp cả 4 quý".to_string()
            } else {
                format!("đạt chuyên nghiệp ở cả {all} quý có kết quả")
            };
            format!(
                "Tiền thưởng cả năm: {}{gap}.\n{} người trong năm; {every_words}: {every}; chuyển đơn vị: {moved}.\n",
                dong(total, lang),
                y.people.len()
            )
        }
        Lang::En => {
            let gap = if unknown.is_empty() {
                String::new()
            } else {
                format!(" (without {})", unknown.join(", "))
            };
            format!(
                "Money over the year: {}{gap}.\n{} over the year; đạt in {} with results: {every}; moved unit: {moved}.\n",
                dong(total, lang),
                count(y.people.len() as u64, "person", "people"),
                if all == 1 { "the 1 quarter".to_string() } else { format!("all {all} quarters") }
            )
        }
    }
}

fn notes_lines(y: &Year, lang: Lang) -> String {
    if y.notes.is_empty() {
        return String::new();
    }
    let mut t = lang
        .pick("Lỗi và ghi chú:\n", "Errors and notes:\n")
        .to_string();
    for n in y.notes.iter().take(SHOWN_NOTES) {
        t.push_str(&format!(
            "  {} {}: {}\n",
            n.severity().word(lang),
            n.code(),
            terminal_safe(&n.message(lang))
        ));
    }
    let more = y.notes.len().saturating_sub(SHOWN_NOTES);
    if more > 0 {
        t.push_str(&match lang {
            Lang::Vi => {
                format!("  … và {more} ghi chú khác (xem sheet Ghi chú hoặc --format json)\n")
            }
            Lang::En => format!("  … and {more} more (see the Ghi chú sheet or --format json)\n"),
        });
    }
    t
}

/// The summary printed by `nam`.
pub fn summary(y: &Year, lang: Lang) -> String {
    let mut t = head(y, lang);
    for q in y.quarters.iter().flatten() {
        t.push_str(&quarter_line(q, lang));
    }
    t.push_str(&year_lines(y, lang));
    t.push_str(&notes_lines(y, lang));
    t
}
