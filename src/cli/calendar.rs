//! `danhgia calendar -q QUARTER`: every deadline of the quarter with its weekday, what happens
//! when it falls on a day off (the profile's rule), the working days of the quarter, and the
//! yearly commitment deadlines.

use super::write_stdout;
use crate::deadlines::{self, Deadline, QuarterCalendar};
use crate::i18n::Lang;
use crate::model::Quarter;
use anyhow::Result;
use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Quý, ví dụ 2024-Q1, I/2024; mặc định: quý của ngày hôm nay / the quarter (default: today's)
    #[arg(short = 'q', long = "quarter", value_name = "QUARTER", value_parser = super::parse_quarter_arg)]
    pub quarter: Option<Quarter>,
    /// Hồ sơ cấu hình: tệp TOML hoặc tên hồ sơ có sẵn / profile: a TOML file or a built-in name
    #[arg(long, value_name = "F")]
    pub profile: Option<String>,
    /// Định dạng / output format
    #[arg(long, value_enum, default_value_t = CalendarFormat::Text)]
    pub format: CalendarFormat,
}

pub const SCHEMA: &str = "danhgia/lich/v1";

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[derive(Serialize)]
struct DeadlineOut {
    /// The nominal last day (as `nominal_last_day`).
    date: String,
    weekday: &'static str,
    day_off: Option<deadlines::DayOff>,
    /// The effective last day (as `effective_last_day`).
    due: String,
    due_weekday: &'static str,
    moved: bool,
    checked: bool,
    act_by: Option<String>,
    /// The day the text names ("ngày 28").
    written: String,
    /// `truoc-ngay` ("trước ngày N": the last day is N − 1) or `cham-nhat` ("chậm nhất ngày N").
    wording: &'static str,
    nominal_last_day: String,
    effective_last_day: String,
}

impl DeadlineOut {
    fn of(d: &Deadline) -> DeadlineOut {
        DeadlineOut {
            date: iso(d.nominal),
            weekday: deadlines::weekday_code(d.nominal),
            day_off: d.off,
            due: iso(d.due),
            due_weekday: deadlines::weekday_code(d.due),
            moved: d.moved(),
            checked: d.checked,
            act_by: d.act_by.map(iso),
            written: iso(d.written),
            wording: if d.before { "truoc-ngay" } else { "cham-nhat" },
            nominal_last_day: iso(d.nominal),
            effective_last_day: iso(d.due),
        }
    }
}

#[derive(Serialize)]
struct KeyedDeadline {
    key: deadlines::DeadlineKind,
    label: &'static str,
    #[serde(flatten)]
    deadline: DeadlineOut,
}

#[derive(Serialize)]
struct MonthOut {
    month: u32,
    working_days: u32,
}

#[derive(Serialize)]
struct HolidayOut {
    from: String,
    to: String,
    working_days_lost: u32,
}

#[derive(Serialize)]
struct CommitmentOut {
    who: String,
    sign: DeadlineOut,
    publish: Option<DeadlineOut>,
}

#[derive(Serialize)]
struct Doc {
    schema: &'static str,
    quarter: Quarter,
    profile: String,
    rule: &'static str,
    working_days: u32,
    months: Vec<MonthOut>,
    holidays: Vec<HolidayOut>,
    makeup_saturdays: Vec<String>,
    absence_days: u32,
    deadlines: Vec<KeyedDeadline>,
    commitments: Vec<CommitmentOut>,
}

fn json(c: &QuarterCalendar, profile: &str, lang: Lang) -> String {
    let doc = Doc {
        schema: SCHEMA,
        quarter: c.quarter,
        profile: profile.to_string(),
        rule: c.rule.code(),
        working_days: c.working_days,
        months: c
            .months
            .iter()
            .map(|(m, n)| MonthOut {
                month: *m,
                working_days: *n,
            })
            .collect(),
        holidays: c
            .holidays
            .iter()
            .map(|h| HolidayOut {
                from: iso(h.from),
                to: iso(h.to),
                working_days_lost: h.weekdays,
            })
            .collect(),
        makeup_saturdays: c.makeup_saturdays.iter().map(|d| iso(*d)).collect(),
        absence_days: c.absence_days,
        deadlines: c
            .deadlines
            .iter()
            .map(|(k, d)| KeyedDeadline {
                key: *k,
                label: k.words(lang),
                deadline: DeadlineOut::of(d),
            })
            .collect(),
        commitments: c
            .commitments
            .iter()
            .map(|x| CommitmentOut {
                who: x.who.clone(),
                sign: DeadlineOut::of(&x.sign),
                publish: x.publish.as_ref().map(DeadlineOut::of),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// One deadline in words: "Thứ Bảy 30/03/2024 — <what> ⚠ …".
fn deadline_words(
    d: &Deadline,
    what: &str,
    rule: crate::profile::DeadlineRule,
    lang: Lang,
) -> String {
    use crate::profile::DeadlineRule;
    let vi = lang == Lang::Vi;
    let day = format!(
        "{:<9} {}  {what}",
        deadlines::weekday_words(d.nominal, lang),
        dmy(d.nominal)
    );
    let year = d.nominal.format("%Y");
    let unchecked = match (d.checked, vi) {
        (true, _) => String::new(),
        (false, true) => format!(
            "\n      (lịch ngày nghỉ của hồ sơ không có năm {year}: chưa kiểm tra được ngày nghỉ lễ)"
        ),
        (false, false) => format!(
            "\n      (the profile's calendar has no year {year}: public holidays not checked)"
        ),
    };
    let when = |x: NaiveDate| format!("{} {}", deadlines::weekday_words(x, lang), dmy(x));
    let wording = match (d.before, vi) {
        (true, true) => format!(" (văn bản ghi \"trước ngày {}\")", dmy(d.written)),
        (true, false) => format!(" (the text says \"before {}\")", dmy(d.written)),
        (false, _) => String::new(),
    };
    let last = if vi {
        format!(
            "\n      hạn cuối danh nghĩa: {}; hạn cuối thực tế: {}{wording}",
            when(d.nominal),
            when(d.due)
        )
    } else {
        format!(
            "\n      nominal last day: {}; effective last day: {}{wording}",
            when(d.nominal),
            when(d.due)
        )
    };
    let day = day + &last;
    let Some(off) = d.off else {
        return day + &unchecked;
    };
    let off_words = off.words(lang);
    let advice = match (rule, d.act_by, vi) {
        (DeadlineRule::Flag, Some(a), true) => {
            format!("hạn giữ nguyên ngày, nên hoàn thành chậm nhất {}", when(a))
        }
        (DeadlineRule::Flag, Some(a), false) => {
            format!("the date stands; act by {}", when(a))
        }
        (DeadlineRule::Flag, None, true) => "hạn giữ nguyên ngày".to_string(),
        (DeadlineRule::Flag, None, false) => "the date stands".to_string(),
        (_, _, true) if d.moved() => format!("hạn là {}", when(d.due)),
        (_, _, false) if d.moved() => format!("due {}", when(d.due)),
        (_, _, true) => "chưa lùi được hạn".to_string(),
        (_, _, false) => "the deadline could not be moved".to_string(),
    };
    if vi {
        format!("{day}\n      ⚠ rơi vào {off_words}: {advice}{unchecked}")
    } else {
        format!("{day}\n      ⚠ falls on {off_words}: {advice}{unchecked}")
    }
}

fn text(c: &QuarterCalendar, profile: &str, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let q = c.quarter;
    let mut s = String::new();
    let _ = if vi {
        writeln!(s, "LỊCH QUÝ {}/{} (hồ sơ {profile})", q.roman(), q.year)
    } else {
        writeln!(s, "CALENDAR OF {q} (profile {profile})")
    };
    let _ = writeln!(s);
    let months: Vec<String> = c
        .months
        .iter()
        .map(|(m, n)| {
            if vi {
                format!("tháng {m}: {n}")
            } else {
                format!("month {m}: {n}")
            }
        })
        .collect();
    let _ = if vi {
        writeln!(
            s,
            "Số ngày làm việc trong quý: {} ({}).",
            c.working_days,
            months.join(", ")
        )
    } else {
        writeln!(
            s,
            "Working days in the quarter: {} ({}).",
            c.working_days,
            months.join(", ")
        )
    };
    let holidays: Vec<String> = c
        .holidays
        .iter()
        .map(|h| {
            let span = if h.from == h.to {
                dmy(h.from)
            } else {
                format!("{} – {}", dmy(h.from), dmy(h.to))
            };
            if vi {
                format!("{span} ({} ngày làm việc)", h.weekdays)
            } else {
                format!("{span} ({} working days)", h.weekdays)
            }
        })
        .collect();
    let none = if vi { "không có" } else { "none" };
    let _ = if vi {
        writeln!(
            s,
            "Ngày nghỉ lễ, Tết trong quý: {}.",
            if holidays.is_empty() {
                none.to_string()
            } else {
                holidays.join("; ")
            }
        )
    } else {
        writeln!(
            s,
            "Public holidays in the quarter: {}.",
            if holidays.is_empty() {
                none.to_string()
            } else {
                holidays.join("; ")
            }
        )
    };
    let makeup: Vec<String> = c.makeup_saturdays.iter().map(|d| dmy(*d)).collect();
    let _ = if vi {
        writeln!(
            s,
            "Thứ Bảy làm bù: {}.",
            if makeup.is_empty() {
                none.to_string()
            } else {
                makeup.join(", ")
            }
        )
    } else {
        writeln!(
            s,
            "Make-up Saturdays (worked): {}.",
            if makeup.is_empty() {
                none.to_string()
            } else {
                makeup.join(", ")
            }
        )
    };
    let _ = if vi {
        writeln!(
            s,
            "Người nghỉ từ {} ngày làm việc trở lên trong quý không được đánh giá.",
            c.absence_days
        )
    } else {
        writeln!(
            s,
            "People absent {} working days or more in the quarter are not evaluated.",
            c.absence_days
        )
    };
    let _ = writeln!(s);
    let _ = if vi {
        writeln!(
            s,
            "CÁC HẠN TRONG QUÝ — quy tắc của hồ sơ (deadlines.rule = \"{}\"): {}.",
            c.rule.code(),
            c.rule.words(lang)
        )
    } else {
        writeln!(
            s,
            "DEADLINES — the profile's rule (deadlines.rule = \"{}\"): {}.",
            c.rule.code(),
            c.rule.words(lang)
        )
    };
    for (k, d) in &c.deadlines {
        let _ = writeln!(s, "  {}", deadline_words(d, k.words(lang), c.rule, lang));
    }
    if !c.commitments.is_empty() {
        let _ = writeln!(s);
        let _ = if vi {
            writeln!(s, "KÝ CAM KẾT HẰNG NĂM (Mẫu 01, 02) NĂM {}:", q.year)
        } else {
            writeln!(s, "YEARLY COMMITMENTS (mẫu 01, 02) OF {}:", q.year)
        };
        for x in &c.commitments {
            let in_quarter = |d: &Deadline| d.nominal >= q.first_day() && d.nominal <= q.last_day();
            let mark = if in_quarter(&x.sign) {
                lang.pick(" (trong quý này)", " (in this quarter)")
            } else {
                ""
            };
            let _ = writeln!(s, "  {}{mark}", x.who);
            let _ = writeln!(
                s,
                "    {}",
                deadline_words(
                    &x.sign,
                    lang.pick("ký cam kết", "commitments signed"),
                    c.rule,
                    lang
                )
            );
            if let Some(p) = &x.publish {
                let _ = writeln!(
                    s,
                    "    {}",
                    deadline_words(
                        p,
                        lang.pick("công khai danh sách", "list made public"),
                        c.rule,
                        lang
                    )
                );
            }
        }
    }
    s
}

/// The quarter a date falls in.
pub fn quarter_of(d: NaiveDate) -> Quarter {
    use chrono::Datelike;
    Quarter::new(d.year(), ((d.month() - 1) / 3 + 1) as u8).expect("a date's quarter")
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let profile = super::load_profile(args.profile.as_deref())?;
    let quarter = args
        .quarter
        .unwrap_or_else(|| quarter_of(chrono::Local::now().date_naive()));
    let cal = deadlines::quarter_calendar(quarter, &profile).map_err(|e| match e {
        crate::calendar::CalendarError::YearMissing(y) => anyhow::anyhow!(
            "lịch ngày nghỉ của hồ sơ '{}' không có năm {y}: bổ sung năm {y} vào hồ sơ (danhgia profile show > ho-so.toml, sửa, rồi --profile ho-so.toml) / the profile's calendar has no year {y}",
            profile.name
        ),
        other => anyhow::anyhow!(other),
    })?;
    let out = match args.format {
        CalendarFormat::Text => text(&cal, &profile.name, lang),
        CalendarFormat::Json => json(&cal, &profile.name, lang),
    };
    write_stdout(|w| w.write_all(out.as_bytes()))?;
    super::warn_out_of_period(&profile, quarter, lang);
    Ok(ExitCode::SUCCESS)
}
