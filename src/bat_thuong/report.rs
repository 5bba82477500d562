//! The review as text for people and as the `danhgia/bat-thuong/v1` JSON document.

use super::{Review, ReviewedUnit};
use crate::anomaly::{Evidence, Ratio, Sign, Who};
use crate::i18n::Lang;
use crate::model::{Quarter, Total};
use crate::profile::{Profile, SignThresholds};
use crate::text::terminal_safe;
use serde::Serialize;
use serde_json::{json, Value};

/// The schema of the review document.
pub const SCHEMA: &str = "danhgia/bat-thuong/v1";

/// People named per sign in the text (the JSON document names them all).
const SHOWN_IN_TEXT: usize = 10;

/// "Phòng Tài chính - Kế hoạch (TCKH)".
pub fn unit_words(u: &ReviewedUnit) -> String {
    if u.code.is_empty() || crate::text::key(&u.code) == crate::text::key(&u.name) {
        u.name.clone()
    } else {
        format!("{} ({})", u.name, u.code)
    }
}

/// "quý II/2024" / "2024-Q2".
pub fn quarter_words(q: Quarter, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("quý {}/{}", q.roman(), q.year),
        Lang::En => q.to_string(),
    }
}

/// The thresholds in one sentence.
pub fn thresholds_words(t: &SignThresholds, profile: &Profile, lang: Lang) -> String {
    let top = crate::anomaly::total_words(Total(profile.scale().max.half_points().into()), lang);
    match lang {
        Lang::Vi => format!(
            "Ngưỡng (hồ sơ {}, mục [bat_thuong]): tỷ lệ đạt cao hơn các đơn vị khác cùng khối từ {} điểm phần trăm, khi đơn vị và các đơn vị khác có từ {} người được đánh giá; tăng từ {} điểm phần trăm so với quý trước, khi cả hai quý có từ {} người được đánh giá; từ {} người cùng mẫu phiếu có điểm giống hệt nhau; trang phiếu toàn điểm {top} có từ {} người; lãnh đạo phụ trách từ {} người có điểm.",
            profile.name, t.rate_points, t.rate_min_people, t.jump_points, t.jump_min_people,
            t.copied_min_people, t.all_top_min_people, t.leader_min_led
        ),
        Lang::En => format!(
            "Thresholds (profile {}, section [bat_thuong]): a đạt rate {} percentage points or more above the other units of the bloc, when the unit and the others have {} or more people evaluated; a rise of {} points or more from the previous quarter, when both quarters have {} or more people evaluated; {} or more people of one form with identical scores; a sheet of {top}s with {} or more people; a leader of {} or more people with a total.",
            profile.name, t.rate_points, t.rate_min_people, t.jump_points, t.jump_min_people,
            t.copied_min_people, t.all_top_min_people, t.leader_min_led
        ),
    }
}

/// The units a not-checked line is about: "mọi đơn vị", or their names.
pub fn units_words(r: &Review, units: &[usize], limit: usize, lang: Lang) -> String {
    if units.len() == r.units.len() && units.len() > 1 {
        return lang.pick("mọi đơn vị", "every unit").to_string();
    }
    let mut names: Vec<String> = units
        .iter()
        .take(limit)
        .map(|&i| unit_words(&r.units[i]))
        .collect();
    if units.len() > limit {
        let more = units.len() - limit;
        names.push(match lang {
            Lang::Vi => format!("và {more} đơn vị khác"),
            Lang::En => format!("and {more} more"),
        });
    }
    names.join("; ")
}

/// The review as text.
pub fn text(r: &Review, profile: &Profile, lang: Lang) -> String {
    let mut t = heading_text(r, lang);
    t.push_str(&signs_text(r, profile, lang));
    t.push_str(&not_checked_text(r, profile, lang));
    t.push_str(&notes_text(r, lang));
    t.push('\n');
    t.push_str(&thresholds_words(&profile.signs, profile, lang));
    t.push('\n');
    t
}

/// The title line and how many signs on how many units.
fn heading_text(r: &Review, lang: Lang) -> String {
    let q = quarter_words(r.quarter, lang);
    let against = r.previous.map_or(String::new(), |p| match lang {
        Lang::Vi => format!(" (so với {})", quarter_words(p, lang)),
        Lang::En => format!(" (against {p})"),
    });
    let (units, signs, with) = (r.units.len(), r.signs.len(), r.units_with_signs());
    match lang {
        Lang::Vi => format!(
            "DẤU HIỆU BẤT THƯỜNG TRONG KẾT QUẢ ĐÁNH GIÁ {}{against}\nĐã xem {units} đơn vị: {signs} dấu hiệu ở {with} đơn vị. Các dấu hiệu chỉ để xem lại (bước 4), không thay đổi kết quả nào.\n",
            q.to_uppercase()
        ),
        Lang::En => format!(
            "SIGNS TO REVIEW IN THE RESULTS OF {q}{against}\n{units} units reviewed: {signs} signs on {with} units. Signs are for a second look (step 4); they change no result.\n"
        ),
    }
}

/// Each sign: the unit, what it means, its evidence, its file.
fn signs_text(r: &Review, profile: &Profile, lang: Lang) -> String {
    if r.signs.is_empty() {
        return lang
            .pick(
                "\nKhông có dấu hiệu bất thường nào.\n",
                "\nNo sign found.\n",
            )
            .to_string();
    }
    let top = profile.scale().max;
    let mut t = String::new();
    for (n, s) in r.signs.iter().enumerate() {
        let u = &r.units[s.unit];
        let code = s.code();
        t.push_str(&format!(
            "\n{}. {} — {} [{}]\n   {}\n   {} {}\n   {} {}\n",
            n + 1,
            terminal_safe(&unit_words(u)),
            code.title(lang),
            code.as_str(),
            code.meaning(lang),
            lang.pick("Bằng chứng:", "Evidence:"),
            terminal_safe(&s.evidence_words(top, SHOWN_IN_TEXT, lang)),
            lang.pick("Tệp:", "File:"),
            terminal_safe(&u.source)
        ));
    }
    t
}

/// The signs that could not be checked, each with why and on which units.
fn not_checked_text(r: &Review, profile: &Profile, lang: Lang) -> String {
    if r.not_checked.is_empty() {
        return String::new();
    }
    let mut t = lang
        .pick(
            "\nChưa xét được (thiếu dữ liệu):\n",
            "\nNot checked (data missing):\n",
        )
        .to_string();
    for nc in &r.not_checked {
        t.push_str(&format!(
            "  - {}: {}: {}.\n",
            nc.code.title(lang),
            nc.why.words(&profile.signs, lang),
            terminal_safe(&units_words(r, &nc.units, SHOWN_IN_TEXT, lang))
        ));
    }
    t
}

/// The notes about the files, and the errors of the inputs.
fn notes_text(r: &Review, lang: Lang) -> String {
    let mut t = String::new();
    if !r.notes.is_empty() {
        t.push_str(lang.pick("\nGhi chú về tệp:\n", "\nAbout the files:\n"));
        for note in &r.notes {
            t.push_str(&format!(
                "  {}: {}\n",
                terminal_safe(note.file()),
                terminal_safe(&note.message(lang))
            ));
        }
    }
    if let Some(words) = errors_words(r.errors, lang) {
        t.push('\n');
        t.push_str(&words);
        t.push('\n');
    }
    t
}

/// What the errors of the inputs mean for the review, when there are any.
pub fn errors_words(errors: usize, lang: Lang) -> Option<String> {
    (errors > 0).then(|| match lang {
        Lang::Vi => format!(
            "Các sổ đã đọc có {errors} lỗi: người bị lỗi (trạng thái loi) không được tính là đạt. Xem bằng danhgia validate."
        ),
        Lang::En => format!(
            "The workbooks read hold {errors} errors: people with errors (status loi) are never counted as đạt. See them with danhgia validate."
        ),
    })
}

/// A share as a JSON number of percent with one decimal.
fn pct(r: Ratio) -> f64 {
    f64::from(r.tenths()) / 10.0
}

fn points(tenths: i64) -> f64 {
    tenths as f64 / 10.0
}

fn total(t: Total) -> Value {
    serde_json::to_value(t).expect("a total serialises")
}

fn person(w: &Who) -> Value {
    json!({"id": w.id, "name": w.name, "form": w.form.code(), "total": total(w.total)})
}

fn rate(r: Ratio) -> Value {
    json!({"dat": r.part, "evaluated": r.whole, "rate": pct(r)})
}

/// The evidence as plain values.
fn evidence(s: &Sign) -> Value {
    match &s.evidence {
        Evidence::RateAboveBloc {
            rate: own,
            rest,
            rest_units,
            threshold,
        } => json!({
            "unit": rate(*own),
            "rest_of_bloc": {"dat": rest.part, "evaluated": rest.whole, "rate": pct(*rest), "units": rest_units},
            "points_above": points(own.tenths_above(*rest)),
            "threshold_points": threshold,
        }),
        Evidence::RateJump {
            rate: own,
            before,
            previous,
            threshold,
        } => json!({
            "unit": rate(*own),
            "previous": {"quarter": previous.to_string(), "dat": before.part, "evaluated": before.whole, "rate": pct(*before)},
            "points_up": points(own.tenths_above(*before)),
            "threshold_points": threshold,
        }),
        Evidence::CopiedRows {
            form,
            contents,
            tops,
            total: t,
            people,
        } => json!({
            "form": form.code(),
            "sheet": form.sheet_name(),
            "contents": contents,
            "contents_at_top": tops,
            "total": total(*t),
            "people": people.iter().map(person).collect::<Vec<_>>(),
        }),
        Evidence::SheetAllTop {
            form,
            contents,
            people,
            unknown,
        } => json!({
            "form": form.code(),
            "sheet": form.sheet_name(),
            "contents": contents,
            "people": people.iter().map(person).collect::<Vec<_>>(),
            "unknown_totals": unknown,
        }),
        Evidence::LeaderAboveAll {
            leader,
            share,
            parts,
            led,
            unknown,
            highest,
            highest_share,
        } => {
            let with_share = |w: &Who, r: &Ratio| {
                let mut v = person(w);
                v["max"] = total(Total(r.whole));
                v["share"] = json!(pct(*r));
                v
            };
            json!({
                "leader": with_share(leader, share),
                "scope": {"whole_unit": parts.is_empty(), "parts": parts},
                "led": led,
                "led_unknown_totals": unknown,
                "highest_led": with_share(highest, highest_share),
            })
        }
    }
}

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    quarter: String,
    previous_quarter: Option<String>,
    profile: &'a str,
    thresholds: Thresholds,
    units: usize,
    units_with_signs: usize,
    signs: Vec<SignOut<'a>>,
    not_checked: Vec<NotCheckedOut<'a>>,
    notes: Vec<NoteOut<'a>>,
    input_errors: usize,
}

#[derive(Serialize)]
struct Thresholds {
    rate_points: u32,
    rate_min_people: u32,
    jump_points: u32,
    jump_min_people: u32,
    copied_min_people: u32,
    all_top_min_people: u32,
    leader_min_led: u32,
}

#[derive(Serialize)]
struct SignOut<'a> {
    code: &'static str,
    title: &'static str,
    unit: &'a str,
    unit_code: &'a str,
    bloc: &'static str,
    source: &'a str,
    explanation: &'static str,
    evidence_text: String,
    evidence: Value,
}

#[derive(Serialize)]
struct UnitRef<'a> {
    unit: &'a str,
    code: &'a str,
    bloc: &'static str,
}

#[derive(Serialize)]
struct NotCheckedOut<'a> {
    code: &'static str,
    why: &'static str,
    reason: String,
    units: Vec<UnitRef<'a>>,
}

#[derive(Serialize)]
struct NoteOut<'a> {
    file: &'a str,
    message: String,
}

/// The review as the `danhgia/bat-thuong/v1` document.
pub fn json(r: &Review, profile: &Profile, lang: Lang) -> String {
    let t = &profile.signs;
    let top = profile.scale().max;
    let unit_ref = |i: usize| {
        let u = &r.units[i];
        UnitRef {
            unit: &u.name,
            code: &u.code,
            bloc: u.bloc.code(),
        }
    };
    let signs = r
        .signs
        .iter()
        .map(|s| {
            let u = &r.units[s.unit];
            SignOut {
                code: s.code().as_str(),
                title: s.code().title(lang),
                unit: &u.name,
                unit_code: &u.code,
                bloc: u.bloc.code(),
                source: &u.source,
                explanation: s.code().meaning(lang),
                evidence_text: s.evidence_words(top, usize::MAX, lang),
                evidence: evidence(s),
            }
        })
        .collect();
    let not_checked = r
        .not_checked
        .iter()
        .map(|n| NotCheckedOut {
            code: n.code.as_str(),
            why: n.why.as_str(),
            reason: n.why.words(t, lang),
            units: n.units.iter().map(|&i| unit_ref(i)).collect(),
        })
        .collect();
    let notes = r
        .notes
        .iter()
        .map(|n| NoteOut {
            file: n.file(),
            message: n.message(lang),
        })
        .collect();
    let doc = Doc {
        schema: SCHEMA,
        quarter: r.quarter.to_string(),
        previous_quarter: r.previous.map(|q| q.to_string()),
        profile: &profile.name,
        thresholds: Thresholds {
            rate_points: t.rate_points,
            rate_min_people: t.rate_min_people,
            jump_points: t.jump_points,
            jump_min_people: t.jump_min_people,
            copied_min_people: t.copied_min_people,
            all_top_min_people: t.all_top_min_people,
            leader_min_led: t.leader_min_led,
        },
        units: r.units.len(),
        units_with_signs: r.units_with_signs(),
        signs,
        not_checked,
        notes,
        input_errors: r.errors,
    };
    serde_json::to_string_pretty(&doc).expect("the review serialises") + "\n"
}
