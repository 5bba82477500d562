//! `danhgia rewards`: the reward document of SPEC §5, caps (and why a cap is 0), every rounding
//! mode, the money of four quarters, proposals with their codes on the right rows, late units,
//! and the `khen-thuong.xlsx` workbook — against the fixtures of fixtures/README.md
//! ("Reward fixtures").

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use serde_json::Value;

const Q3: &str = "khen-thuong/2024-q3";

fn q3(name: &str) -> PathBuf {
    fixture(&format!("{Q3}/{name}"))
}

fn rewards<P: AsRef<std::ffi::OsStr>>(paths: &[P], args: &[&str]) -> (i32, Value) {
    run_json("rewards", paths, args)
}

/// The unit of a reward document with this code; exactly one must exist.
fn unit<'a>(doc: &'a Value, code: &str) -> &'a Value {
    let found: Vec<&Value> = doc["units"]
        .as_array()
        .expect("units is an array")
        .iter()
        .filter(|u| u["code"] == code)
        .collect();
    assert_eq!(found.len(), 1, "one unit {code} in {doc}");
    found[0]
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|x| x.as_str().expect("an id"))
        .collect()
}

fn rejected(u: &Value) -> Vec<(String, String)> {
    u["rejected"]
        .as_array()
        .expect("rejected is an array")
        .iter()
        .map(|r| {
            (
                str_field(r, "id").to_string(),
                str_field(r, "code").to_string(),
            )
        })
        .collect()
}

/// A copy of the default profile with some lines replaced, written into `dir`.
fn profile_with(dir: &Path, name: &str, replace: &[(&str, &str)]) -> PathBuf {
    let out = run_raw(&["profile", "show"]);
    let mut text = String::from_utf8(out.stdout).expect("UTF-8");
    for (from, to) in replace {
        assert!(text.contains(from), "the profile has `{from}`");
        text = text.replace(from, to);
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the profile");
    path
}

/// Findings printed as text (`--lang en`): (severity, code, sheet, cell, person).
fn text_findings(text: &str) -> Vec<(String, String, String, String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("  ") else {
            continue;
        };
        let Some((loc, tail)) = rest.split_once("] ").or_else(|| {
            // A finding without a person: "Sheet!A1 error code: …"
            rest.find(" error ")
                .or_else(|| rest.find(" warning "))
                .map(|i| (&rest[..i], &rest[i + 1..]))
        }) else {
            continue;
        };
        let (place, person) = match loc.split_once(" [") {
            Some((p, who)) => (p, who.to_string()),
            None => (loc, String::new()),
        };
        let Some((sheet, cell)) = place.split_once('!') else {
            continue;
        };
        let mut words = tail.split_whitespace();
        let (Some(sev), Some(code)) = (words.next(), words.next()) else {
            continue;
        };
        if sev != "error" && sev != "warning" {
            continue;
        }
        out.push((
            sev.to_string(),
            code.trim_end_matches(':').to_string(),
            sheet.to_string(),
            cell.to_string(),
            person,
        ));
    }
    out
}

fn cells_of(path: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    let range = wb.worksheet_range(sheet).expect("the sheet exists");
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|d| match d {
            Data::String(s) => Some(s.clone()),
            Data::Float(f) => Some(f.to_string()),
            Data::Int(i) => Some(i.to_string()),
            _ => None,
        })
        .collect()
}

// ------------------------------------------------------------ the document

#[test]
fn the_reward_document_has_exactly_the_contract_fields() {
    let (code, doc) = rewards(&[fixture(Q3)], &[]);
    assert_eq!(code, 1, "de-nghi.xlsx holds reward errors");
    let keys: BTreeSet<&str> = doc
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "schema",
            "quarter",
            "profile",
            "decision_date",
            "base_salary",
            "amount_per_person",
            "units",
            "people",
            "total"
        ])
    );
    assert_eq!(doc["schema"], "danhgia/khen-thuong/v1");
    assert_eq!(doc["quarter"], "2024-Q3");
    assert_eq!(doc["profile"], "long-bien-2023");
    // Decided on 02/10/2024 (the first working day after 01/10), at 2 340 000:
    // 0,3 × 2 340 000 × 3 = 2 106 000, rounded up to 2 110 000.
    assert_eq!(doc["decision_date"], "2024-10-02");
    assert_eq!(doc["base_salary"], "2340000");
    assert_eq!(doc["amount_per_person"], "2110000");
    // Only the proposals of DN (2) and NM (1) are paid; CQ, THA and THB proposed nobody.
    assert_eq!(doc["people"], 3);
    assert_eq!(doc["total"], "6330000");
    for u in doc["units"].as_array().expect("units") {
        let keys: BTreeSet<&str> = u
            .as_object()
            .expect("a unit")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "code",
                "unit",
                "bloc",
                "dat",
                "cap",
                "source",
                "accepted",
                "rejected",
                "suggested",
                "total"
            ]),
            "{u}"
        );
        assert!(u["total"].is_string(), "money is a string: {u}");
        if u["source"] == "de-xuat" {
            assert_eq!(u["accepted"], serde_json::json!([]), "{u}");
            assert_eq!(u["total"], "0", "{u}");
        } else {
            assert_eq!(u["suggested"], serde_json::json!([]), "{u}");
        }
        for r in u["rejected"].as_array().expect("rejected") {
            let keys: BTreeSet<&str> = r
                .as_object()
                .expect("an object")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys, BTreeSet::from(["id", "code"]), "{r}");
        }
    }
    let codes: Vec<&str> = doc["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| str_field(u, "code"))
        .collect();
    assert_eq!(
        codes,
        ["CQ", "DN", "NM", "THB", "THA"],
        "units in file order"
    );
}

#[test]
fn a_unit_of_40_dat_gets_cap_6_and_a_ranked_suggestion() {
    let (code, doc) = rewards(&[q3("cq40.xlsx")], &[]);
    assert_eq!(code, 0);
    let u = unit(&doc, "CQ");
    assert_eq!(u["unit"], "Phòng Quản lý đô thị");
    assert_eq!(u["bloc"], "chinh-quyen");
    assert_eq!(u["dat"], 40);
    assert_eq!(u["cap"], 6);
    assert_eq!(u["source"], "de-xuat");
    // By total (435, 300, 295, 295, 295, 292), then number of 10s (CQ11 26 > 25), then Mã CB.
    assert_eq!(
        ids(&u["suggested"]),
        ["CQ01", "CQ02", "CQ11", "CQ10", "CQ12", "CQ20"]
    );
    // A suggestion is never paid (SPEC §2 "Who is paid").
    assert_eq!(ids(&u["accepted"]), Vec::<&str>::new());
    assert_eq!(rejected(u), []);
    assert_eq!(u["total"], "0");
    assert_eq!(doc["people"], 0);
    assert_eq!(doc["total"], "0");
}

#[test]
fn a_suggestion_is_labelled_as_such_in_text() {
    let out = run_raw(&["rewards", q3("cq40.xlsx").to_str().expect("UTF-8")]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "Đơn vị chưa gửi đề nghị: không ai được khen thưởng. Gợi ý — đơn vị chưa đề nghị"
        ),
        "{text}"
    );
    assert!(
        text.contains(" 1. CQ01") && text.contains("(gợi ý, không khen thưởng)"),
        "{text}"
    );
    assert!(
        text.contains("Số đơn vị chưa gửi đề nghị (không khen thưởng ai): 1/1."),
        "{text}"
    );
    assert!(text.contains("TỔNG CỘNG: 0 người, 0 đồng"), "{text}");
    let out = run_raw(&["rewards", q3("de-nghi.xlsx").to_str().expect("UTF-8")]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("Đơn vị đề nghị") && !text.contains("Gợi ý"),
        "{text}"
    );
}

#[test]
fn a_school_of_40_dat_gets_cap_1() {
    let (code, doc) = rewards(&[q3("th40.xlsx")], &[]);
    assert_eq!(code, 0);
    let u = unit(&doc, "THA");
    assert_eq!(
        (u["bloc"].as_str(), u["dat"].as_u64(), u["cap"].as_u64()),
        (Some("truong-hoc"), Some(40), Some(1))
    );
    assert_eq!(ids(&u["suggested"]), ["THA01"]);
    assert_eq!(ids(&u["accepted"]), Vec::<&str>::new());
    assert_eq!(u["total"], "0");
}

#[test]
fn a_school_of_33_dat_gets_cap_0_and_says_why() {
    let (code, doc) = rewards(&[q3("th33.xlsx")], &[]);
    assert_eq!(code, 0);
    let u = unit(&doc, "THB");
    assert_eq!((u["dat"].as_u64(), u["cap"].as_u64()), (Some(33), Some(0)));
    assert_eq!(ids(&u["accepted"]), Vec::<&str>::new());
    assert_eq!(ids(&u["suggested"]), Vec::<&str>::new());
    assert_eq!(u["total"], "0");
    assert_eq!(doc["people"], 0);
    assert_eq!(doc["total"], "0");

    let path = q3("th33.xlsx");
    let out = run_raw(&["rewards", path.to_str().expect("UTF-8")]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("Không có suất khen thưởng: 3% × 33 người đạt = 0,99, làm tròn xuống là 0 (tỷ lệ \"không quá\" 3%). Với tỷ lệ 3%, đơn vị cần ít nhất 34 người đạt mới có 1 suất khen thưởng."),
        "{text}"
    );
    let out = run_raw(&["--lang", "en", "rewards", path.to_str().expect("UTF-8")]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("No reward place: 3% × 33 people rated đạt = 0.99, rounded down to 0")
            && text.contains("at least 34 people rated đạt for one reward"),
        "{text}"
    );

    // The workbook says it too, on the unit's line and on the cover.
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = dir.path().join("khen-thuong.xlsx");
    let out = run_raw(&[
        "rewards",
        path.to_str().expect("UTF-8"),
        "-o",
        xlsx.to_str().expect("UTF-8"),
    ]);
    assert_eq!(exit_code(&out), 0);
    let units = cells_of(&xlsx, "Tổng hợp đơn vị");
    assert!(
        units
            .iter()
            .any(|c| c.contains("cần ít nhất 34 người đạt mới có 1 suất khen thưởng")),
        "{units:?}"
    );
    let cover = cells_of(&xlsx, "Tờ trình");
    assert!(
        cover.iter().any(
            |c| c.contains("Trường Tiểu học Thử nghiệm B (33 người đạt)")
                && c.contains("cần ít nhất 34 người đạt")
        ),
        "{cover:?}"
    );
}

#[test]
fn every_rounding_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [q3("de-nghi.xlsx"), q3("th33.xlsx")];
    // (rounding, cap of DN (14 đạt, 15 %: 2.1), cap of THB (33 đạt, 3 %: 0.99))
    for (mode, dn, thb) in [("down", 2, 0), ("nearest", 2, 1), ("up", 3, 1)] {
        let p = profile_with(
            dir.path(),
            &format!("{mode}.toml"),
            &[("rounding = \"down\"", &format!("rounding = \"{mode}\""))],
        );
        let (_, doc) = rewards(&files, &["--profile", p.to_str().expect("UTF-8")]);
        assert_eq!(unit(&doc, "DN")["cap"], dn, "{mode}: DN");
        assert_eq!(unit(&doc, "THB")["cap"], thb, "{mode}: THB");
        let expected: &[&str] = if thb == 1 { &["THB01"] } else { &[] };
        assert_eq!(ids(&unit(&doc, "THB")["suggested"]), expected, "{mode}");
        assert_eq!(unit(&doc, "THB")["total"], "0", "{mode}");
    }
    // The other reading of the sentence: 3 % of the head count (35) is 1.05, still 1 place.
    let p = profile_with(
        dir.path(),
        "headcount.toml",
        &[("base = \"dat\"", "base = \"headcount\"")],
    );
    let (_, doc) = rewards(&files, &["--profile", p.to_str().expect("UTF-8")]);
    assert_eq!(unit(&doc, "THB")["cap"], 1);
    assert_eq!(unit(&doc, "DN")["cap"], 2);
}

// ------------------------------------------------------------ money

fn amount_of(file: &str) -> (String, String, Vec<String>, String) {
    let (code, doc) = rewards(&[fixture(&format!("khen-thuong/tien/{file}"))], &[]);
    assert_eq!(code, 0, "{doc}");
    let u = &doc["units"][0];
    (
        str_field(&doc, "quarter").to_string(),
        str_field(&doc, "amount_per_person").to_string(),
        ids(&u["suggested"]).iter().map(|s| s.to_string()).collect(),
        str_field(&doc, "total").to_string(),
    )
}

// Default decision date: the first working day after "trước ngày 02" of the next quarter's first
// month (last day: day 1). Amount: 0,3 × the base salary on that date × 3, rounded up to 10 000.

#[test]
fn money_q2_2023_is_decided_on_3_7_2023_at_1_800_000() {
    assert_eq!(
        amount_of("2023-q2.xlsx"),
        (
            "2023-Q2".into(),
            "1620000".into(), // already a multiple of 10 000
            vec!["TA01".into()],
            "0".into()
        )
    );
}

#[test]
fn money_q3_2023_is_decided_on_2_10_2023_at_1_800_000() {
    assert_eq!(
        amount_of("2023-q3.xlsx"),
        (
            "2023-Q3".into(),
            "1620000".into(),
            vec!["TB01".into()],
            "0".into()
        )
    );
}

#[test]
fn money_q3_2024_is_2_106_000_rounded_up_to_2_110_000() {
    assert_eq!(
        amount_of("2024-q3.xlsx"),
        (
            "2024-Q3".into(),
            "2110000".into(),
            vec!["TC01".into()],
            "0".into()
        )
    );
}

#[test]
fn money_q3_2026_is_2_277_000_rounded_up_to_2_280_000() {
    assert_eq!(
        amount_of("2026-q3.xlsx"),
        (
            "2026-Q3".into(),
            "2280000".into(),
            vec!["TD01".into()],
            "0".into()
        )
    );
}

/// (decision_date, base_salary, amount_per_person, total) of de-nghi.xlsx (2 people paid).
fn priced(args: &[&str]) -> (String, String, String, String) {
    let (code, doc) = rewards(&[q3("de-nghi.xlsx")], args);
    assert_eq!(code, 1, "de-nghi.xlsx holds reward errors: {doc}");
    (
        str_field(&doc, "decision_date").to_string(),
        str_field(&doc, "base_salary").to_string(),
        str_field(&doc, "amount_per_person").to_string(),
        str_field(&doc, "total").to_string(),
    )
}

fn t4(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String) {
    (a.into(), b.into(), c.into(), d.into())
}

#[test]
fn ngay_quyet_dinh_before_and_after_each_salary_change() {
    let cases = [
        (
            "30/06/2023",
            t4("2023-06-30", "1490000", "1350000", "2700000"),
        ),
        (
            "2023-07-01",
            t4("2023-07-01", "1800000", "1620000", "3240000"),
        ),
        (
            "28/06/2024",
            t4("2024-06-28", "1800000", "1620000", "3240000"),
        ),
        (
            "01/07/2024",
            t4("2024-07-01", "2340000", "2110000", "4220000"),
        ),
        (
            "30/06/2026",
            t4("2026-06-30", "2340000", "2110000", "4220000"),
        ),
        (
            "1/7/2026",
            t4("2026-07-01", "2530000", "2280000", "4560000"),
        ),
    ];
    for (arg, expected) in cases {
        assert_eq!(priced(&["--ngay-quyet-dinh", arg]), expected, "{arg}");
    }
    // Without it: 02/10/2024, the first working day after 01/10/2024.
    assert_eq!(
        priced(&[]),
        t4("2024-10-02", "2340000", "2110000", "4220000")
    );
}

#[test]
fn ngay_quyet_dinh_bad_input_exits_2_with_a_clear_message() {
    for bad in [
        "31/02/2024",
        "2024/13/01",
        "hôm nay",
        "02-07",
        "",
        "2024-7-2x",
    ] {
        for cmd in ["rewards", "run"] {
            let dir = tempfile::tempdir().expect("temp dir");
            let out_dir = dir.path().join("out");
            let mut args = vec![
                cmd,
                q3("de-nghi.xlsx")
                    .to_str()
                    .expect("UTF-8")
                    .to_string()
                    .leak() as &str,
            ];
            if cmd == "run" {
                args.extend([
                    "-o",
                    out_dir.to_str().expect("UTF-8").to_string().leak() as &str,
                ]);
            }
            args.extend(["--ngay-quyet-dinh", bad]);
            let out = run_raw(&args);
            assert_eq!(exit_code(&out), 2, "{cmd} {bad}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("--ngay-quyet-dinh") && err.contains("dd/mm/yyyy"),
                "{cmd} {bad}: {err}"
            );
        }
    }
}

#[test]
fn salary_date_months_still_gives_the_former_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = profile_with(
        dir.path(),
        "months.toml",
        &[("salary_date = \"decision\"", "salary_date = \"months\"")],
    );
    let p = p.to_str().expect("UTF-8");
    assert_eq!(
        priced(&["--profile", p]),
        t4("2024-10-02", "2340000", "2106000", "4212000")
    );
    for (file, amount) in [
        ("2023-q2.xlsx", "1341000"),
        ("2023-q3.xlsx", "1620000"),
        ("2024-q3.xlsx", "2106000"),
        ("2026-q3.xlsx", "2277000"),
    ] {
        let (_, doc) = rewards(
            &[fixture(&format!("khen-thuong/tien/{file}"))],
            &["--profile", p],
        );
        assert_eq!(doc["amount_per_person"], amount, "{file}");
    }
}

#[test]
fn every_reward_output_states_the_date_and_the_salary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = dir.path().join("khen-thuong.xlsx");
    let path = q3("de-nghi.xlsx");
    let out = run_raw(&[
        "rewards",
        path.to_str().expect("UTF-8"),
        "-o",
        xlsx.to_str().expect("UTF-8"),
        "--ngay-quyet-dinh",
        "15/10/2024",
    ]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("mỗi người 2.110.000 đồng (0,3 × 2.340.000 đồng (mức lương cơ sở áp dụng ngày 15/10/2024, ngày quyết định khen thưởng — theo --ngay-quyet-dinh) × 3 tháng = 2.106.000, làm tròn lên bội số 10.000 đồng: 2.110.000 đồng)"),
        "{text}"
    );
    let cover = cells_of(&xlsx, "Tờ trình");
    for want in [
        "15/10/2024",
        "2.340.000 đồng",
        "Mức lương cơ sở áp dụng ngày 15/10/2024",
    ] {
        assert!(cover.iter().any(|c| c == want), "{want}: {cover:?}");
    }
    assert!(
        cover.iter().any(
            |c| c.starts_with("Bằng chữ: Bốn triệu hai trăm hai mươi nghìn đồng.")
                && c.contains("mức lương cơ sở 2.340.000 đồng áp dụng ngày 15/10/2024")
        ),
        "{cover:?}"
    );
    let list = cells_of(&xlsx, "Danh sách");
    assert!(
        list.iter()
            .any(|c| c.contains("mức lương cơ sở 2.340.000 đồng áp dụng ngày 15/10/2024")),
        "{list:?}"
    );
    // `run` takes the option too, into khen-thuong.xlsx.
    let out_dir = dir.path().join("out");
    let out = run_raw(&[
        "run",
        path.to_str().expect("UTF-8"),
        "-o",
        out_dir.to_str().expect("UTF-8"),
        "--ngay-quyet-dinh",
        "2026-07-01",
    ]);
    assert_eq!(exit_code(&out), 1);
    let cover = cells_of(&out_dir.join("khen-thuong.xlsx"), "Tờ trình");
    assert!(cover.iter().any(|c| c == "01/07/2026"), "{cover:?}");
    assert!(cover.iter().any(|c| c == "2.530.000 đồng"), "{cover:?}");
    assert!(cover.iter().any(|c| c == "2.280.000 đồng"), "{cover:?}");
}

#[test]
fn the_total_is_written_in_vietnamese_words() {
    let path = q3("de-nghi.xlsx");
    let out = run_raw(&["rewards", path.to_str().expect("UTF-8")]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains(
            "TỔNG CỘNG: 2 người, 4.220.000 đồng (Bốn triệu hai trăm hai mươi nghìn đồng)."
        ),
        "{text}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = dir.path().join("khen-thuong.xlsx");
    let out = run_raw(&[
        "rewards",
        fixture(Q3).to_str().expect("UTF-8"),
        "-o",
        xlsx.to_str().expect("UTF-8"),
    ]);
    assert_eq!(exit_code(&out), 1);
    let cover = cells_of(&xlsx, "Tờ trình");
    assert!(
        cover
            .iter()
            .any(|c| c.starts_with("Bằng chữ: Sáu triệu ba trăm ba mươi nghìn đồng.")),
        "{cover:?}"
    );
    assert!(cover.iter().any(|c| c == "6.330.000 đồng"), "{cover:?}");
    assert!(cover.iter().any(|c| c == "2.110.000 đồng"), "{cover:?}");
}

// ------------------------------------------------------------ proposals

#[test]
fn proposals_give_their_codes_on_the_right_rows() {
    let path = q3("de-nghi.xlsx");
    let out = danhgia()
        .args(["--lang", "en", "rewards", "--format", "json"])
        .arg(&path)
        .output()
        .expect("danhgia runs");
    assert_eq!(exit_code(&out), 1, "reward errors exit 1");
    let doc = parse_json(&out);
    let u = unit(&doc, "DN");
    assert_eq!((u["dat"].as_u64(), u["cap"].as_u64()), (Some(14), Some(2)));
    assert_eq!(u["source"], "de-nghi");
    // Priority 1 (DN15 on row 3, DN07 on row 6), 2 (DN03), 3 (DN09), 4 (DN99), 5 (no Mã CB).
    assert_eq!(ids(&u["accepted"]), ["DN07", "DN03"]);
    assert_eq!(
        rejected(u),
        [
            ("DN15".to_string(), "reward-not-dat".to_string()),
            ("DN09".into(), "reward-over-cap".into()),
            ("DN99".into(), "reward-unknown-person".into()),
            ("Trần Thị Thiếu Mã".into(), "reward-unknown-person".into()),
        ]
    );
    assert_eq!(u["total"], "4220000");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    let sheet = "Đề nghị khen thưởng".to_string();
    assert_eq!(
        text_findings(&stderr),
        [
            (
                "error".to_string(),
                "reward-not-dat".to_string(),
                sheet.clone(),
                "B3".to_string(),
                "DN15".to_string()
            ),
            (
                "error".into(),
                "reward-over-cap".into(),
                sheet.clone(),
                "B2".into(),
                "DN09".into()
            ),
            (
                "error".into(),
                "reward-unknown-person".into(),
                sheet.clone(),
                "B5".into(),
                "DN99".into()
            ),
            (
                "error".into(),
                "reward-unknown-person".into(),
                sheet,
                "C7".into(),
                String::new()
            ),
        ],
        "{stderr}"
    );
    assert!(stderr.contains("(priority 3) is not granted"), "{stderr}");
}

#[test]
fn priorities_decide_who_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = profile_with(
        dir.path(),
        "up.toml",
        &[("rounding = \"down\"", "rounding = \"up\"")],
    );
    let (code, doc) = rewards(
        &[q3("de-nghi.xlsx")],
        &["--profile", p.to_str().expect("UTF-8")],
    );
    assert_eq!(code, 1);
    let u = unit(&doc, "DN");
    assert_eq!(u["cap"], 3);
    assert_eq!(ids(&u["accepted"]), ["DN07", "DN03", "DN09"]);
    assert_eq!(
        rejected(u),
        [
            ("DN15".to_string(), "reward-not-dat".to_string()),
            ("DN99".into(), "reward-unknown-person".into()),
            ("Trần Thị Thiếu Mã".into(), "reward-unknown-person".into()),
        ]
    );
    assert_eq!(u["total"], "6330000");
}

#[test]
fn proposals_do_not_change_the_results_document_and_validate_reports_their_faults() {
    let path = q3("de-nghi.xlsx");
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 0);
    let u = &doc["units"][0];
    let keys: BTreeSet<&str> = u
        .as_object()
        .expect("a unit")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "unit",
            "code",
            "bloc",
            "headcount",
            "source",
            "people",
            "summary"
        ])
    );
    assert_eq!(u["summary"]["reward_cap"], 2);
    // `validate` shows a unit the faults of its own proposals before it sends them (SPEC §3).
    let (code, doc) = validate(&[&path], &[]);
    let f = |code: &'static str, cell: &'static str| {
        Expect::error(code, "de-nghi.xlsx")
            .sheet("Đề nghị khen thưởng")
            .cell(cell)
    };
    assert_findings(
        &doc,
        &[
            f("reward-not-dat", "B3").person("DN15"),
            f("reward-over-cap", "B2").person("DN09"),
            f("reward-unknown-person", "B5").person("DN99"),
            f("reward-unknown-person", "C7"),
        ],
    );
    assert_eq!(code, 1);
}

// ------------------------------------------------------------ deadlines

#[test]
fn a_late_unit_is_warned_and_still_considered_by_default() {
    let path = q3("nop-muon.xlsx");
    let out = danhgia()
        .args(["--lang", "en", "rewards", "--format", "json"])
        .arg(&path)
        .output()
        .expect("danhgia runs");
    assert_eq!(exit_code(&out), 0, "a warning only");
    let doc = parse_json(&out);
    let u = unit(&doc, "NM");
    assert_eq!(ids(&u["accepted"]), ["NM05"]);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(
        text_findings(&stderr),
        [(
            "warning".to_string(),
            "late".to_string(),
            "Thông tin".to_string(),
            "B6".to_string(),
            String::new()
        )],
        "{stderr}"
    );
}

#[test]
fn a_profile_can_make_late_proposals_ineligible() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = profile_with(
        dir.path(),
        "muon.toml",
        &[("late = \"accept\"", "late = \"reject\"")],
    );
    let (code, doc) = rewards(
        &[q3("nop-muon.xlsx"), q3("cq40.xlsx")],
        &["--profile", p.to_str().expect("UTF-8")],
    );
    assert_eq!(code, 0);
    let u = unit(&doc, "NM");
    assert_eq!(ids(&u["accepted"]), Vec::<&str>::new());
    assert_eq!(rejected(u), [("NM05".to_string(), "late".to_string())]);
    assert_eq!(u["total"], "0");
    // Units on time are not affected.
    assert_eq!(
        unit(&doc, "CQ")["suggested"].as_array().map(Vec::len),
        Some(6)
    );
    assert_eq!(doc["people"], 0);
}

#[test]
fn a_deadline_moved_to_the_next_working_day_is_not_late() {
    // 28/09/2024 is a Saturday: with `next-working-day` the deadline is Monday 30/09/2024,
    // the day nop-muon.xlsx was sent.
    let dir = tempfile::tempdir().expect("temp dir");
    let p = profile_with(
        dir.path(),
        "next.toml",
        &[("rule = \"flag\"", "rule = \"next-working-day\"")],
    );
    let (code, doc) = validate(
        &[q3("nop-muon.xlsx")],
        &["--profile", p.to_str().expect("UTF-8")],
    );
    assert_eq!(code, 0);
    assert_findings(&doc, &[]);
}

// ------------------------------------------------------------ the workbook, exit codes

#[test]
fn the_workbook_has_the_three_sheets_and_is_deterministic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.xlsx");
    let b = dir.path().join("b.xlsx");
    for path in [&a, &b] {
        let out = run_raw(&[
            "rewards",
            fixture(Q3).to_str().expect("UTF-8"),
            "-o",
            path.to_str().expect("UTF-8"),
        ]);
        assert_eq!(exit_code(&out), 1);
    }
    assert_eq!(
        std::fs::read(&a).expect("a"),
        std::fs::read(&b).expect("b"),
        "byte-identical"
    );
    let wb: Xlsx<_> = open_workbook(&a).expect("the workbook opens");
    assert_eq!(
        wb.sheet_names(),
        ["Tờ trình", "Danh sách", "Tổng hợp đơn vị", "Gợi ý"]
    );
    let list = cells_of(&a, "Danh sách");
    for h in [
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Đơn vị",
        "Tổng điểm",
        "Số tiền (đồng)",
    ] {
        assert!(list.iter().any(|c| c == h), "header {h}: {list:?}");
    }
    assert!(list.iter().any(|c| c == "Tổng cộng: 3 người"), "{list:?}");
    // Suggestions stand apart: not in the list of people rewarded, in their own section.
    for id in ["CQ01", "THA01"] {
        assert!(!list.iter().any(|c| c == id), "{id} in {list:?}");
    }
    assert!(!list.iter().any(|c| c.contains("Gợi ý")), "{list:?}");
    let suggested = cells_of(&a, "Gợi ý");
    assert!(
        suggested
            .iter()
            .any(|c| c.starts_with("GỢI Ý — ĐƠN VỊ CHƯA ĐỀ NGHỊ")),
        "{suggested:?}"
    );
    for id in ["CQ01", "CQ20", "THA01"] {
        assert!(suggested.iter().any(|c| c == id), "{id} in {suggested:?}");
    }
    assert!(
        !suggested.iter().any(|c| c.contains("đồng")),
        "no money among suggestions: {suggested:?}"
    );
    let cover = cells_of(&a, "Tờ trình");
    assert!(
        cover
            .iter()
            .any(|c| c == "Số đơn vị chưa gửi đề nghị (không khen thưởng)"),
        "{cover:?}"
    );
    assert!(
        list.iter()
            .any(|c| c == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{list:?}"
    );
}

#[test]
fn usage_problems_exit_2() {
    let out = run_raw(&[
        "rewards",
        q3("cq40.xlsx").to_str().expect("UTF-8"),
        "--format",
        "csv",
    ]);
    assert_eq!(exit_code(&out), 2);
    let out = run_raw(&[
        "rewards",
        q3("cq40.xlsx").to_str().expect("UTF-8"),
        "--profile",
        "khong-co",
    ]);
    assert_eq!(exit_code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("khong-co"));
    // A quarter before the base salary table: the profile cannot price it.
    let dir = tempfile::tempdir().expect("temp dir");
    let p = profile_with(
        dir.path(),
        "luong.toml",
        &[
            ("from = \"2019-07-01\"", "from = \"2023-11-01\""),
            ("from = \"2023-07-01\"", "from = \"2023-12-01\""),
        ],
    );
    let out = run_raw(&[
        "rewards",
        fixture("khen-thuong/tien/2023-q3.xlsx")
            .to_str()
            .expect("UTF-8"),
        "--profile",
        p.to_str().expect("UTF-8"),
    ]);
    assert_eq!(exit_code(&out), 2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("02/10/2023"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
