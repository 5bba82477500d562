//! `danhgia calendar -q QUARTER`: the deadlines of the quarter (SPEC §2 "Timeline") with their
//! weekdays and the profile's rule for days off, the working days of the quarter and the yearly
//! commitment deadlines, checked against the holiday table of the SPEC appendix (re-typed here,
//! with this file's own weekday arithmetic).

mod common;

use common::*;
use serde_json::Value;

/// Days since 1970-01-01 of a (day, month, year).
fn days(d: u32, m: u32, y: i32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// 0 = Monday … 6 = Sunday.
fn weekday(d: u32, m: u32, y: i32) -> i64 {
    (days(d, m, y) + 3).rem_euclid(7)
}

const WEEKDAY_CODES: [&str; 7] = [
    "thu-hai", "thu-ba", "thu-tu", "thu-nam", "thu-sau", "thu-bay", "chu-nhat",
];

/// A (day, month, year).
type Dmy = (u32, u32, i32);

/// SPEC appendix: days off of 2024 and 2026 (spans include their weekend days).
const OFF: &[(Dmy, Dmy)] = &[
    ((1, 1, 2024), (1, 1, 2024)),
    ((8, 2, 2024), (14, 2, 2024)),
    ((18, 4, 2024), (18, 4, 2024)),
    ((27, 4, 2024), (1, 5, 2024)),
    ((31, 8, 2024), (3, 9, 2024)),
    ((1, 1, 2026), (4, 1, 2026)),
    ((14, 2, 2026), (22, 2, 2026)),
    ((25, 4, 2026), (27, 4, 2026)),
    ((30, 4, 2026), (3, 5, 2026)),
    ((29, 8, 2026), (2, 9, 2026)),
];
const MAKE_UP: &[(u32, u32, i32)] = &[(4, 5, 2024), (10, 1, 2026), (22, 8, 2026)];

fn is_working(d: u32, m: u32, y: i32) -> bool {
    let n = days(d, m, y);
    if MAKE_UP.iter().any(|&(a, b, c)| days(a, b, c) == n) {
        return true;
    }
    let off = OFF
        .iter()
        .any(|&((a, b, c), (e, f, g))| days(a, b, c) <= n && n <= days(e, f, g));
    weekday(d, m, y) < 5 && !off
}

fn month_len(m: u32, y: i32) -> u32 {
    let next = if m == 12 {
        days(1, 1, y + 1)
    } else {
        days(1, m + 1, y)
    };
    (next - days(1, m, y)) as u32
}

fn working_days_of_month(m: u32, y: i32) -> u64 {
    (1..=month_len(m, y))
        .filter(|&d| is_working(d, m, y))
        .count() as u64
}

fn calendar(q: &str, args: &[&str]) -> (i32, Value) {
    let out = danhgia()
        .args(["calendar", "-q", q, "--format", "json"])
        .args(args)
        .output()
        .expect("danhgia runs");
    (exit_code(&out), parse_json(&out))
}

fn iso(d: u32, m: u32, y: i32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Checks a deadline object: the date, its weekday, the day off it falls on, the due date.
fn check_deadline(v: &Value, (d, m, y): (u32, u32, i32), rule: &str) {
    assert_eq!(v["date"], iso(d, m, y), "{v}");
    assert_eq!(
        v["weekday"],
        WEEKDAY_CODES[weekday(d, m, y) as usize],
        "{v}"
    );
    assert_eq!(v["checked"], true, "{v}");
    let off = if is_working(d, m, y) {
        None
    } else {
        let wd = weekday(d, m, y);
        let in_span = OFF.iter().any(|&((a, b, c), (e, f, g))| {
            let n = days(d, m, y);
            days(a, b, c) <= n && n <= days(e, f, g)
        });
        Some(match (in_span, wd) {
            (true, _) => "nghi-le",
            (false, 5) => "thu-bay",
            _ => "chu-nhat",
        })
    };
    assert_eq!(v["day_off"].as_str(), off, "{v}");
    // The day to act by: the date itself when it is a working day, else the working day before.
    let mut n = (d, m, y);
    while !is_working(n.0, n.1, n.2) {
        n = if n.0 > 1 {
            (n.0 - 1, n.1, n.2)
        } else if n.1 > 1 {
            (month_len(n.1 - 1, n.2), n.1 - 1, n.2)
        } else {
            (31, 12, n.2 - 1)
        };
    }
    if rule == "flag" {
        assert_eq!(v["due"], iso(d, m, y), "{v}");
        assert_eq!(v["moved"], false, "{v}");
        assert_eq!(v["act_by"], iso(n.0, n.1, n.2), "{v}");
    }
}

fn deadline<'a>(doc: &'a Value, key: &str) -> &'a Value {
    doc["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .find(|d| d["key"] == key)
        .unwrap_or_else(|| panic!("no deadline {key} in {doc}"))
}

const KEYS: [&str; 7] = [
    "tu-danh-gia",
    "cap-tham-quyen",
    "don-vi-gui",
    "ho-so-khen-thuong",
    "khoi-gui",
    "chuyen-ho-so",
    "cong-khai",
];

#[test]
fn quarter_one_2024_against_the_holiday_table() {
    let (code, doc) = calendar("2024-Q1", &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["schema"], "danhgia/lich/v1");
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_eq!(doc["rule"], "flag");
    let months: Vec<u64> = (1..=3).map(|m| working_days_of_month(m, 2024)).collect();
    assert_eq!(months, [22, 16, 21]);
    for (i, m) in doc["months"].as_array().expect("months").iter().enumerate() {
        assert_eq!(m["month"], i as u64 + 1);
        assert_eq!(m["working_days"], months[i]);
    }
    assert_eq!(doc["working_days"], months.iter().sum::<u64>());
    assert_eq!(
        doc["holidays"],
        serde_json::json!([
            {"from": "2024-01-01", "to": "2024-01-01", "working_days_lost": 1},
            {"from": "2024-02-08", "to": "2024-02-14", "working_days_lost": 5}
        ])
    );
    assert_eq!(doc["makeup_saturdays"], serde_json::json!([]));
    let keys: Vec<&str> = doc["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .map(|d| str_field(d, "key"))
        .collect();
    assert_eq!(keys, KEYS);
    for (key, date) in KEYS.iter().zip([
        (25, 3, 2024),
        (27, 3, 2024),
        (28, 3, 2024),
        (27, 3, 2024),
        (30, 3, 2024),
        (1, 4, 2024),
        (3, 4, 2024),
    ]) {
        check_deadline(deadline(&doc, key), date, "flag");
    }
    // Blocs send mẫu 07 by Saturday 30/03/2024: flagged, act by Friday 29/03.
    assert_eq!(deadline(&doc, "khoi-gui")["day_off"], "thu-bay");
    assert_eq!(deadline(&doc, "khoi-gui")["act_by"], "2024-03-29");
    // Yearly commitments: others by 20/01 (a Saturday), schools by 20/09.
    let c = doc["commitments"].as_array().expect("commitments");
    assert_eq!(c.len(), 2);
    check_deadline(&c[0]["sign"], (20, 1, 2024), "flag");
    check_deadline(&c[0]["publish"], (25, 1, 2024), "flag");
    check_deadline(&c[1]["sign"], (20, 9, 2024), "flag");
    check_deadline(&c[1]["publish"], (25, 9, 2024), "flag");
    assert_eq!(c[1]["who"], "Trường học công lập");
}

#[test]
fn quarter_one_2026_holds_tet() {
    let (code, doc) = calendar("2026-Q1", &[]);
    assert_eq!(code, 0);
    let months: Vec<u64> = (1..=3).map(|m| working_days_of_month(m, 2026)).collect();
    assert_eq!(
        months,
        [21, 15, 22],
        "January gains the make-up Saturday 10/01, February loses Tết"
    );
    assert_eq!(doc["working_days"], 58);
    assert_eq!(
        doc["holidays"],
        serde_json::json!([
            {"from": "2026-01-01", "to": "2026-01-04", "working_days_lost": 2},
            {"from": "2026-02-14", "to": "2026-02-22", "working_days_lost": 5}
        ])
    );
    assert_eq!(doc["makeup_saturdays"], serde_json::json!(["2026-01-10"]));
    for (key, date) in KEYS.iter().zip([
        (25, 3, 2026),
        (27, 3, 2026),
        (28, 3, 2026),
        (27, 3, 2026),
        (30, 3, 2026),
        (1, 4, 2026),
        (3, 4, 2026),
    ]) {
        check_deadline(deadline(&doc, key), date, "flag");
    }
    // Units send by Saturday 28/03/2026: flagged (the default rule keeps the date).
    let unit = deadline(&doc, "don-vi-gui");
    assert_eq!(
        (unit["day_off"].as_str(), unit["due"].as_str()),
        (Some("thu-bay"), Some("2026-03-28"))
    );
    assert_eq!(unit["act_by"], "2026-03-27");
    let c = doc["commitments"].as_array().expect("commitments");
    check_deadline(&c[0]["publish"], (25, 1, 2026), "flag"); // a Sunday
    check_deadline(&c[1]["sign"], (20, 9, 2026), "flag"); // a Sunday
}

#[test]
fn the_text_says_which_rule_the_profile_uses() {
    let out = run_raw(&["calendar", "-q", "2026-Q1"]);
    assert_eq!(exit_code(&out), 0);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("Số ngày làm việc trong quý: 58 (tháng 1: 21, tháng 2: 15, tháng 3: 22)."),
        "{text}"
    );
    assert!(
        text.contains("14/02/2026 – 22/02/2026 (5 ngày làm việc)"),
        "{text}"
    );
    assert!(text.contains("deadlines.rule = \"flag\""), "{text}");
    assert!(
        text.contains("Thứ Bảy   28/03/2026  Đơn vị gửi Mẫu 06\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "⚠ rơi vào thứ Bảy: hạn giữ nguyên ngày, nên hoàn thành chậm nhất Thứ Sáu 27/03/2026"
        ),
        "{text}"
    );
    let out = run_raw(&["--lang", "en", "calendar", "-q", "2026-Q1"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("Working days in the quarter: 58"), "{text}");
    assert!(
        text.contains("Saturday  28/03/2026  Units send mẫu 06\n"),
        "{text}"
    );
}

#[test]
fn a_next_working_day_profile_moves_the_deadlines() {
    let out = run_raw(&["profile", "show"]);
    let text = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .replace("rule = \"flag\"", "rule = \"next-working-day\"");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("next.toml");
    std::fs::write(&path, text).expect("write the profile");
    let (code, doc) = calendar("2026-Q1", &["--profile", path.to_str().expect("UTF-8")]);
    assert_eq!(code, 0);
    assert_eq!(doc["rule"], "next-working-day");
    let unit = deadline(&doc, "don-vi-gui");
    assert_eq!(unit["date"], "2026-03-28");
    assert_eq!(unit["due"], "2026-03-30");
    assert_eq!(unit["due_weekday"], "thu-hai");
    assert_eq!(unit["moved"], true);
    let (_, doc) = calendar("2024-Q1", &["--profile", path.to_str().expect("UTF-8")]);
    let bloc = deadline(&doc, "khoi-gui");
    assert_eq!(
        (bloc["date"].as_str(), bloc["due"].as_str()),
        (Some("2024-03-30"), Some("2024-04-01"))
    );
    let out = run_raw(&[
        "calendar",
        "-q",
        "2026-Q1",
        "--profile",
        path.to_str().expect("UTF-8"),
    ]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("⚠ rơi vào thứ Bảy: hạn là Thứ Hai 30/03/2026"),
        "{text}"
    );
    assert!(text.contains("lùi sang ngày làm việc tiếp theo"), "{text}");
}

#[test]
fn the_2023_commitments_are_those_of_the_first_year() {
    let (_, doc) = calendar("2023-Q1", &[]);
    let c = doc["commitments"].as_array().expect("commitments");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0]["sign"]["date"], "2023-02-28");
    // Hướng dẫn 17: signed and published on the software by 28/02/2023 (a Tuesday).
    assert_eq!(c[0]["publish"]["date"], "2023-02-28");
    assert_eq!(c[0]["publish"]["effective_last_day"], "2023-02-28");
    assert_eq!(c[0]["publish"]["day_off"], Value::Null);
    let out = run_raw(&["calendar", "-q", "2023-Q1"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("Thứ Ba    28/02/2023  công khai danh sách"),
        "{text}"
    );
}

// ------------------------------------------------------------ "trước ngày": before

/// The four dates of a deadline object: written, nominal last day, effective last day, and the
/// old fields `date` / `due` that carry the nominal and the effective last day.
fn last_days(v: &Value) -> [&str; 4] {
    assert_eq!(v["date"], v["nominal_last_day"], "{v}");
    assert_eq!(v["due"], v["effective_last_day"], "{v}");
    [
        str_field(v, "written"),
        str_field(v, "wording"),
        str_field(v, "nominal_last_day"),
        str_field(v, "effective_last_day"),
    ]
}

#[test]
fn before_the_28th_ends_on_the_27th_and_before_the_2nd_on_the_1st() {
    // Kế hoạch 25 §III.4: reward dossiers "trước ngày 28", forwarded "trước ngày 02"; mẫu 06
    // "chậm nhất ngày 28" (Hướng dẫn 17 §3.6) stays the 28th.
    let (code, doc) = calendar("2024-Q3", &[]);
    assert_eq!(code, 0);
    assert_eq!(
        last_days(deadline(&doc, "ho-so-khen-thuong")),
        ["2024-09-28", "truoc-ngay", "2024-09-27", "2024-09-27"]
    );
    assert_eq!(
        last_days(deadline(&doc, "chuyen-ho-so")),
        ["2024-10-02", "truoc-ngay", "2024-10-01", "2024-10-01"]
    );
    assert_eq!(
        last_days(deadline(&doc, "don-vi-gui")),
        ["2024-09-28", "cham-nhat", "2024-09-28", "2024-09-28"]
    );
    assert_eq!(deadline(&doc, "don-vi-gui")["day_off"], "thu-bay");
    assert_eq!(deadline(&doc, "ho-so-khen-thuong")["day_off"], Value::Null);
    let out = run_raw(&["calendar", "-q", "2024-Q3"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "Thứ Sáu   27/09/2024  Đơn vị gửi hồ sơ đề nghị khen thưởng\n      hạn cuối danh nghĩa: Thứ Sáu 27/09/2024; hạn cuối thực tế: Thứ Sáu 27/09/2024 (văn bản ghi \"trước ngày 28/09/2024\")"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "Thứ Ba    01/10/2024  Ban Tổ chức Quận ủy chuyển hồ sơ khen thưởng sang Phòng Nội vụ"
        ),
        "{text}"
    );
    let out = run_raw(&["--lang", "en", "calendar", "-q", "2024-Q3"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "nominal last day: Friday 27/09/2024; effective last day: Friday 27/09/2024 (the text says \"before 28/09/2024\")"
        ),
        "{text}"
    );
}

#[test]
fn a_last_day_off_shows_the_nominal_and_the_effective_day() {
    // Q4/2025: forwarded "trước ngày 02/01/2026"; the 1st is New Year's Day, 2–4/01 off too.
    let (_, doc) = calendar("2025-Q4", &[]);
    let fwd = deadline(&doc, "chuyen-ho-so");
    assert_eq!(
        last_days(fwd),
        ["2026-01-02", "truoc-ngay", "2026-01-01", "2026-01-01"]
    );
    assert_eq!(fwd["day_off"], "nghi-le");
    assert_eq!(fwd["act_by"], "2025-12-31");
    let out = run_raw(&["profile", "show"]);
    let text = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .replace("rule = \"flag\"", "rule = \"next-working-day\"");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("next.toml");
    std::fs::write(&path, text).expect("write the profile");
    let p = path.to_str().expect("UTF-8");
    let (_, doc) = calendar("2025-Q4", &["--profile", p]);
    let fwd = deadline(&doc, "chuyen-ho-so");
    assert_eq!(
        last_days(fwd),
        ["2026-01-02", "truoc-ngay", "2026-01-01", "2026-01-05"]
    );
    assert_eq!(fwd["moved"], true);
    let out = run_raw(&["calendar", "-q", "2025-Q4", "--profile", p]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "hạn cuối danh nghĩa: Thứ Năm 01/01/2026; hạn cuối thực tế: Thứ Hai 05/01/2026 (văn bản ghi \"trước ngày 02/01/2026\")"
        ),
        "{text}"
    );
}

#[test]
fn a_quarter_outside_the_calendar_exits_2_naming_the_year() {
    let out = run_raw(&["calendar", "-q", "2027-Q2"]);
    assert_eq!(exit_code(&out), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2027"), "{stderr}");
    // Q4/2026: its own days are known; the deadlines in January 2027 are marked unchecked.
    let (code, doc) = calendar("2026-Q4", &[]);
    assert_eq!(code, 0);
    let publication = deadline(&doc, "cong-khai");
    assert_eq!(publication["date"], "2027-01-03");
    assert_eq!(publication["checked"], false);
    assert_eq!(publication["day_off"], "chu-nhat");
    let out = run_raw(&["calendar", "-q", "bad"]);
    assert_eq!(exit_code(&out), 2);
}

#[test]
fn a_quarter_outside_the_profile_period_is_warned_on_stderr() {
    // long-bien-2023 applies to 2023-Q1 … 2025-Q4 (SPEC §2 "Period of a profile").
    for (q, outside) in [
        ("2022-Q4", true),
        ("2023-Q1", false),
        ("2025-Q4", false),
        ("2026-Q1", true),
    ] {
        let out = run_raw(&["calendar", "-q", q]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if q == "2022-Q4" {
            // The built-in calendar has no 2022: the command cannot do its job at all.
            assert_eq!(exit_code(&out), 2, "{q}: {stderr}");
            continue;
        }
        assert_eq!(exit_code(&out), 0, "{q}: the rules still run: {stderr}");
        assert_eq!(
            stderr.contains("profile-out-of-period"),
            outside,
            "{q}: {stderr}"
        );
    }
}
