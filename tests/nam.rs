//! `danhgia nam` (SPEC §4): the example year of `fixtures/nam/` (see its README), run quarter by
//! quarter with `danhgia run`, then summed over the year. Every figure of the README is checked:
//! each person's quarters đạt and money, each unit's and bloc's rate per quarter, the money per
//! quarter and year, the people đạt in all four quarters, the person who moved, the missing
//! quarters; and the inputs that cannot be used.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn quarter_dir(q: u8) -> PathBuf {
    fixture("nam").join(format!("2024-Q{q}"))
}

/// `danhgia run` on each quarter of the example year, into `dir/qN`.
fn run_quarters(dir: &Path, quarters: &[u8]) -> Vec<PathBuf> {
    quarters
        .iter()
        .map(|&q| {
            let out = dir.join(format!("q{q}"));
            let o = run_raw(&[
                "run".to_string(),
                quarter_dir(q).display().to_string(),
                "-o".into(),
                out.display().to_string(),
            ]);
            assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
            out
        })
        .collect()
}

/// `danhgia nam PATHS -o dir/nam.xlsx --format json`: exit code, document, stderr.
fn nam(dir: &Path, paths: &[PathBuf], extra: &[&str]) -> (i32, Value, String) {
    let mut args: Vec<String> = vec!["nam".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), dir.join("nam.xlsx").display().to_string()]);
    args.extend(["--format".into(), "json".into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let o = run_raw(&args);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    let code = exit_code(&o);
    let doc = if o.stdout.is_empty() {
        Value::Null
    } else {
        parse_json(&o)
    };
    (code, doc, stderr)
}

fn the_year(dir: &Path) -> Value {
    let outs = run_quarters(dir, &[1, 2, 3, 4]);
    let (code, doc, stderr) = nam(dir, &outs, &[]);
    assert_eq!(code, 0, "{stderr}");
    doc
}

fn person<'a>(doc: &'a Value, id: &str) -> &'a Value {
    let found: Vec<&Value> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"] == id)
        .collect();
    assert_eq!(found.len(), 1, "{id}");
    found[0]
}

fn unit<'a>(doc: &'a Value, code: &str) -> &'a Value {
    doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == code)
        .unwrap_or_else(|| panic!("unit {code}"))
}

/// "đạt/evaluated rate" of each quarter of a row of units or blocs, "-" where there is none.
fn rates(quarters: &Value) -> Vec<String> {
    quarters
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            if q.is_null() {
                "-".to_string()
            } else {
                format!(
                    "{}/{} {}",
                    q["dat"],
                    q["evaluated"],
                    q["rate_percent"].as_str().unwrap()
                )
            }
        })
        .collect()
}

/// Each person's line of the README: (Mã CB, quarters đạt, quarters rewarded, money).
const PEOPLE: &[(&str, u64, u64, &str)] = &[
    ("CB101", 4, 2, "3730000"),
    ("CB102", 4, 1, "2110000"),
    ("CB103", 3, 0, "0"),
    ("CB104", 0, 0, "0"),
    ("CB105", 3, 0, "0"),
    ("CB106", 4, 0, "0"),
    ("CB107", 4, 0, "0"),
    ("CB108", 4, 0, "0"),
    ("CB109", 4, 0, "0"),
    ("CB110", 4, 0, "0"),
    ("CB111", 3, 0, "0"),
    ("CB201", 3, 0, "0"),
    ("CB202", 3, 0, "0"),
    ("CB203", 2, 0, "0"),
    ("CB204", 3, 0, "0"),
    ("CB205", 3, 0, "0"),
    ("CB206", 3, 0, "0"),
    ("CB207", 2, 0, "0"),
    ("CB301", 4, 1, "2110000"),
    ("CB302", 4, 0, "0"),
    ("CB303", 4, 0, "0"),
    ("CB304", 0, 0, "0"),
    ("CB305", 4, 2, "3730000"),
    ("CB306", 4, 0, "0"),
    ("CB307", 4, 0, "0"),
    ("CB308", 2, 0, "0"),
    ("CB401", 4, 0, "0"),
    ("CB402", 4, 0, "0"),
    ("CB403", 4, 0, "0"),
    ("CB404", 4, 0, "0"),
    ("CB405", 4, 0, "0"),
    ("CB406", 3, 0, "0"),
    ("CB407", 1, 0, "0"),
];

const DAT_ALL_FOUR: &[&str] = &[
    "CB101", "CB102", "CB106", "CB107", "CB108", "CB109", "CB110", "CB301", "CB302", "CB303",
    "CB305", "CB306", "CB307", "CB401", "CB402", "CB403", "CB404", "CB405",
];

#[test]
fn the_example_year_gives_the_figures_of_its_readme() {
    let tmp = tempfile::tempdir().unwrap();
    let doc = the_year(tmp.path());
    assert_eq!(doc["schema"], "danhgia/nam/v1");
    assert_eq!(doc["year"], 2024);
    assert_eq!(doc["missing"], serde_json::json!([]));

    // Each person across the quarters.
    assert_eq!(doc["people"].as_array().unwrap().len(), PEOPLE.len());
    for (id, dat, rewarded, money) in PEOPLE {
        let p = person(&doc, id);
        assert_eq!(p["dat_quarters"], *dat, "{id}");
        assert_eq!(p["rewarded_quarters"], *rewarded, "{id}");
        assert_eq!(p["money"], *money, "{id}");
        assert_eq!(p["money_unknown"], serde_json::json!([]), "{id}");
    }
    let an = person(&doc, "CB101");
    let paid: Vec<&Value> = an["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["money"])
        .collect();
    assert_eq!(paid, ["1620000", "0", "0", "2110000"]);

    // Units and blocs, quarter by quarter.
    let expect_units = [
        ("MTTQ", ["7/8 87.5", "7/8 87.5", "5/6 83.3", "5/6 83.3"]),
        ("NV", ["9/10 90.0", "9/10 90.0", "10/12 83.3", "11/12 91.7"]),
        ("TCKH", ["6/7 85.7", "7/7 100.0", "-", "6/6 100.0"]),
        ("THGT", ["6/6 100.0", "5/6 83.3", "6/6 100.0", "7/7 100.0"]),
    ];
    let codes: Vec<&str> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["MTTQ", "NV", "TCKH", "THGT"],
        "by bloc, then first seen"
    );
    for (code, expected) in expect_units {
        assert_eq!(rates(&unit(&doc, code)["quarters"]), expected, "{code}");
    }
    let expect_blocs = [
        (
            "dang-doan-the",
            ["7/8 87.5", "7/8 87.5", "5/6 83.3", "5/6 83.3"],
        ),
        (
            "chinh-quyen",
            ["15/17 88.2", "16/17 94.1", "10/12 83.3", "17/18 94.4"],
        ),
        (
            "truong-hoc",
            ["6/6 100.0", "5/6 83.3", "6/6 100.0", "7/7 100.0"],
        ),
    ];
    let blocs = doc["blocs"].as_array().unwrap();
    assert_eq!(blocs.len(), 3);
    for ((bloc, expected), b) in expect_blocs.iter().zip(blocs) {
        assert_eq!(b["bloc"], *bloc);
        assert_eq!(rates(&b["quarters"]), expected, "{bloc}");
    }

    // The district, the money per quarter and over the year.
    let quarters = doc["quarters"].as_array().unwrap();
    let district: Vec<String> = quarters
        .iter()
        .map(|q| {
            format!(
                "{} {}/{} {}",
                q["people"],
                q["dat"],
                q["evaluated"],
                q["rate_percent"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        district,
        [
            "31 28/31 90.3",
            "32 28/31 90.3",
            "24 21/24 87.5",
            "31 29/31 93.5"
        ]
    );
    let money: Vec<(&Value, &Value, &Value)> = quarters
        .iter()
        .map(|q| (&q["amount_per_person"], &q["rewarded"], &q["money"]))
        .collect();
    assert_eq!(
        serde_json::to_value(&money).unwrap(),
        serde_json::json!([
            ["1620000", 2, "3240000"],
            ["2110000", 2, "4220000"],
            ["2110000", 1, "2110000"],
            ["2110000", 1, "2110000"]
        ])
    );
    assert_eq!(
        doc["money"],
        serde_json::json!({"total": "11680000", "unknown": []})
    );
    assert_eq!(unit(&doc, "NV")["money"], "7950000");
    assert_eq!(unit(&doc, "MTTQ")["money"], "3730000");
    assert_eq!(unit(&doc, "TCKH")["money"], "0");

    // The people đạt in all four quarters.
    let every = &doc["dat_every_quarter"];
    assert_eq!(every["complete"], true);
    let ids: Vec<&str> = every["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, DAT_ALL_FOUR);
}

#[test]
fn a_person_who_moved_is_followed_and_the_change_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let doc = the_year(tmp.path());
    let yen = person(&doc, "CB305");
    assert_eq!(yen["units"], serde_json::json!(["MTTQ", "NV"]));
    assert_eq!(yen["unit"], "NV");
    assert_eq!(
        yen["moves"],
        serde_json::json!([{"quarter": "2024-Q3", "last_before": "2024-Q2", "from": "MTTQ", "to": "NV"}])
    );
    let units: Vec<&Value> = yen["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["unit"])
        .collect();
    assert_eq!(units, ["MTTQ", "MTTQ", "NV", "NV"]);
    // The people who only left or joined are not movers; their quarters say why they have none.
    let absent = |id: &str| -> Vec<Value> {
        person(&doc, id)["quarters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q.get("absent").cloned().unwrap_or(Value::Null))
            .collect()
    };
    let none = Value::Null;
    let not_listed = Value::from("khong-co-ten");
    let not_sent = Value::from("don-vi-khong-co-ket-qua");
    assert_eq!(
        absent("CB308"),
        [
            none.clone(),
            none.clone(),
            not_listed.clone(),
            not_listed.clone()
        ]
    );
    assert_eq!(
        absent("CB111"),
        [not_listed.clone(), none.clone(), none.clone(), none.clone()]
    );
    assert_eq!(
        absent("CB201"),
        [none.clone(), none.clone(), not_sent.clone(), none.clone()]
    );
    assert_eq!(
        absent("CB207"),
        [none.clone(), none.clone(), not_sent, not_listed]
    );
    // The same name under another Mã CB: two people, and a warning naming both.
    let notes = doc["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0]["code"], "person-possible-match");
    assert_eq!(notes[0]["severity"], "warning");
    assert_eq!(notes[0]["person"], "CB407");
    let msg = notes[0]["message"].as_str().unwrap();
    assert!(msg.contains("CB207") && msg.contains("Lê Thị Hoa"), "{msg}");
}

/// Every text cell of a sheet.
fn texts(path: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    let range = wb.worksheet_range(sheet).expect("the sheet exists");
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|d| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    wb.sheet_names()
}

#[test]
fn the_workbook_shows_the_year_under_the_heading_of_phong_noi_vu() {
    let tmp = tempfile::tempdir().unwrap();
    the_year(tmp.path());
    let book = tmp.path().join("nam.xlsx");
    assert_eq!(
        sheet_names(&book),
        [
            "Tổng hợp năm",
            "Đơn vị",
            "Tiền thưởng",
            "Cá nhân",
            "Đạt cả năm",
            "Biểu đồ",
            "Ghi chú"
        ]
    );
    let summary = texts(&book, "Tổng hợp năm");
    for want in [
        "UBND QUẬN LONG BIÊN",
        "PHÒNG NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Long Biên, ngày 03 tháng 01 năm 2025",
        "Đủ kết quả 4 quý năm 2024.",
        "THỦ TRƯỞNG PHÒNG NỘI VỤ",
    ] {
        assert!(summary.iter().any(|t| t == want), "{want}: {summary:?}");
    }
    assert!(summary
        .iter()
        .any(|t| t.starts_with("Số:") && t.ends_with("/BC-PNV")));
    let people = texts(&book, "Cá nhân");
    assert!(people
        .iter()
        .any(|t| t == "Chuyển từ Ủy ban MTTQ quận sang Phòng Nội vụ từ quý III"));
    assert!(people.iter().any(|t| t == "Đơn vị không có kết quả"));
    let dat = texts(&book, "Đạt cả năm");
    assert!(dat
        .iter()
        .any(|t| t == "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP CẢ 4 QUÝ NĂM 2024"));
    // The chart of the share đạt per bloc, one series per bloc and the district.
    let zip = std::fs::File::open(&book).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let mut chart = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/charts/chart1.xml").unwrap(),
        &mut chart,
    )
    .unwrap();
    assert_eq!(
        chart.matches("<c:ser>").count(),
        4,
        "three blocs and the district"
    );
}

#[test]
fn a_missing_quarter_is_stated_on_every_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let outs = run_quarters(tmp.path(), &[1, 2, 4]);
    let (code, doc, stderr) = nam(tmp.path(), &outs, &[]);
    assert_eq!(code, 0, "a missing quarter is a warning: {stderr}");
    assert_eq!(doc["missing"], serde_json::json!(["2024-Q3"]));
    assert_eq!(doc["quarters"][2]["present"], false);
    assert_eq!(doc["money"]["unknown"], serde_json::json!(["2024-Q3"]));
    assert_eq!(doc["money"]["total"], "9570000");
    // Đạt in every quarter that has results: I, II and IV.
    let every = &doc["dat_every_quarter"];
    assert_eq!(every["complete"], false);
    assert_eq!(
        every["quarters"],
        serde_json::json!(["2024-Q1", "2024-Q2", "2024-Q4"])
    );
    // Everyone of the four-quarter list, plus the TCKH people đạt in I, II, IV and CB103.
    let mut ids: Vec<&str> = every["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    ids.sort();
    let mut want: Vec<&str> = DAT_ALL_FOUR.to_vec();
    want.extend(["CB103", "CB201", "CB202", "CB204", "CB205", "CB206"]);
    want.sort();
    assert_eq!(ids, want);
    let notes: Vec<&str> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert!(notes.contains(&"quarter-missing"), "{notes:?}");
    let book = tmp.path().join("nam.xlsx");
    let line = "Chưa có kết quả quý III năm 2024: số liệu cả năm chưa đủ các quý này.";
    for sheet in sheet_names(&book) {
        assert!(texts(&book, &sheet).iter().any(|t| t == line), "{sheet}");
    }
    // CB305 moved in quarter III, which is missing: the move is said between the quarters
    // known, never "from quarter IV".
    assert_eq!(
        person(&doc, "CB305")["moves"],
        serde_json::json!([{"quarter": "2024-Q4", "last_before": "2024-Q2", "from": "MTTQ", "to": "NV"}])
    );
    let moved =
        "Chuyển từ Ủy ban MTTQ quận (có tên đến quý II) sang Phòng Nội vụ (có tên từ quý IV)";
    assert!(texts(&book, "Cá nhân").iter().any(|t| t == moved));
    assert!(texts(&book, "Ghi chú").iter().any(|t| t == moved));
}

#[test]
fn money_is_unknown_for_a_quarter_given_as_its_results_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut outs = run_quarters(tmp.path(), &[1, 2, 3, 4]);
    outs[1] = outs[1].join("ket-qua.json");
    let (code, doc, stderr) = nam(tmp.path(), &outs, &[]);
    assert_eq!(code, 0, "{stderr}");
    let q2 = &doc["quarters"][1];
    assert_eq!(q2["money"], Value::Null);
    assert_eq!(q2["rewards"], Value::Null);
    assert_eq!(
        doc["money"],
        serde_json::json!({"total": "7460000", "unknown": ["2024-Q2"]})
    );
    // Those đạt in quarter II have an unknown reward there; the others are not paid.
    let binh = person(&doc, "CB102");
    assert_eq!(binh["money"], "0");
    assert_eq!(binh["money_unknown"], serde_json::json!(["2024-Q2"]));
    assert_eq!(binh["quarters"][1]["money"], Value::Null);
    assert_eq!(binh["quarters"][1]["rewarded"], Value::Null);
    let dung = person(&doc, "CB104");
    assert_eq!(dung["quarters"][1]["money"], "0", "không đạt: never paid");
    assert_eq!(dung["money_unknown"], serde_json::json!([]));
    let note = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "money-unknown")
        .expect("a note says why");
    let msg = note["message"].as_str().unwrap();
    assert!(
        msg.contains("quý II/2024") && msg.contains("khen-thuong.json"),
        "{msg}"
    );
}

#[test]
fn run_writes_the_reward_document_rewards_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let outs = run_quarters(tmp.path(), &[2]);
    let written = std::fs::read_to_string(outs[0].join("khen-thuong.json")).unwrap();
    let o = run_raw(&[
        "rewards",
        &quarter_dir(2).display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(exit_code(&o), 0);
    assert_eq!(written, String::from_utf8(o.stdout).unwrap());
}

/// Writes a results document of another quarter: the quarter's own with its quarter replaced.
fn retitled(from: &Path, to: &Path, quarter: &str) -> PathBuf {
    std::fs::create_dir_all(to).unwrap();
    let text = std::fs::read_to_string(from.join("ket-qua.json")).unwrap();
    let text = text.replacen(
        "\"quarter\": \"2024-Q1\"",
        &format!("\"quarter\": \"{quarter}\""),
        1,
    );
    let path = to.join("ket-qua.json");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn files_that_cannot_be_used_are_reported_and_the_rest_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let outs = run_quarters(tmp.path(), &[1, 2]);
    let broken = tmp.path().join("hong.json");
    std::fs::write(&broken, "{\"schema\": ").unwrap();
    let other_year = retitled(&outs[0], &tmp.path().join("cu"), "2023-Q1");
    let rewards_alone = outs[1].join("khen-thuong.json");
    // The unit workbooks instead of run's output folder.
    let paths = vec![outs[0].clone(), broken, other_year, outs[1].clone()];
    let (code, doc, stderr) = nam(tmp.path(), &paths, &[]);
    assert_eq!(code, 1, "{stderr}");
    let codes: Vec<&str> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "file-unreadable",
            "year-mismatch",
            "quarter-missing",
            "quarter-missing"
        ]
    );
    let unreadable = doc["notes"][0]["file"].as_str().unwrap();
    assert!(unreadable.ends_with("hong.json"), "{unreadable}");
    assert_eq!(doc["quarters"][0]["present"], true);
    // A reward document given as if it were results; a folder of unit workbooks instead of
    // run's output folder.
    let (code, doc, _) = nam(
        tmp.path(),
        &[outs[0].clone(), rewards_alone, quarter_dir(3)],
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(doc["notes"][0]["code"], "schema-unknown");
    assert!(doc["notes"][0]["message"]
        .as_str()
        .unwrap()
        .contains("danhgia/ket-qua/v1"));
    assert_eq!(doc["notes"][1]["code"], "results-missing");
    assert!(doc["notes"][1]["message"]
        .as_str()
        .unwrap()
        .contains("không phải thư mục sổ của đơn vị"));
}

#[test]
fn what_cannot_be_settled_without_guessing_stops_the_command() {
    let tmp = tempfile::tempdir().unwrap();
    let outs = run_quarters(tmp.path(), &[1, 2]);
    let out = tmp.path().join("nam.xlsx");
    let refused = |paths: &[PathBuf], words: &str| {
        let (code, doc, stderr) = nam(tmp.path(), paths, &[]);
        assert_eq!(code, 2, "{stderr}");
        assert_eq!(doc, Value::Null, "nothing printed");
        assert!(stderr.contains(words), "{stderr}");
        assert!(!out.exists(), "nothing written");
    };
    // Two results of quarter I.
    let again = retitled(&outs[0], &tmp.path().join("lai"), "2024-Q1");
    refused(
        &[outs[0].clone(), again.clone()],
        "có 2 kết quả của quý I/2024",
    );
    // As many files of 2023 as of 2024.
    let old = retitled(&outs[0], &tmp.path().join("cu"), "2023-Q1");
    refused(&[outs[1].clone(), old], "kết quả thuộc nhiều năm");
    // More paths than a year has quarters.
    let five: Vec<PathBuf> = (0..5).map(|_| outs[0].clone()).collect();
    refused(&five, "một năm có 4 quý");
    // Nothing readable.
    refused(
        &[tmp.path().join("khong-co")],
        "không đọc được kết quả quý nào",
    );
}

#[test]
fn the_workbook_is_the_same_byte_for_byte_on_the_same_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let outs = run_quarters(tmp.path(), &[1, 3]);
    let a = tmp.path().join("a.xlsx");
    let b = tmp.path().join("b.xlsx");
    for out in [&a, &b] {
        let mut args: Vec<String> = vec!["nam".into()];
        args.extend(outs.iter().map(|p| p.display().to_string()));
        args.extend(["-o".into(), out.display().to_string()]);
        assert_eq!(exit_code(&run_raw(&args)), 0);
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn nam_never_writes_over_one_of_its_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let outs = run_quarters(tmp.path(), &[1]);
    let target = outs[0].join("khen-thuong.json");
    let before = std::fs::read(&target).unwrap();
    let o = run_raw(&[
        "nam".to_string(),
        outs[0].display().to_string(),
        "-o".into(),
        target.display().to_string(),
    ]);
    assert_eq!(exit_code(&o), 2);
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

/// The inputs of the `nam` cases of `tests/cli/` (`tests/cli/nam-year/qN/`) are what `run` writes
/// for the example year today: regenerate them with `danhgia run fixtures/nam/2024-QN -o …`
/// when this fails.
#[test]
fn the_cli_cases_read_what_run_writes_today() {
    let tmp = tempfile::tempdir().unwrap();
    let committed = manifest_dir().join("tests/cli/nam-year");
    for q in 1..=4 {
        let out = tmp.path().join(format!("q{q}"));
        let o = run_raw(&[
            "run".to_string(),
            format!("fixtures/nam/2024-Q{q}"),
            "-o".into(),
            out.display().to_string(),
            "--quiet".into(),
        ]);
        assert_eq!(exit_code(&o), 0);
        for f in ["ket-qua.json", "khen-thuong.json"] {
            let now = std::fs::read_to_string(out.join(f)).unwrap();
            let kept = std::fs::read_to_string(committed.join(format!("q{q}")).join(f)).unwrap();
            assert!(now == kept, "tests/cli/nam-year/q{q}/{f} is stale");
        }
    }
}

/// A person of a results document written by hand: id, name, status.
type Listed<'a> = (&'a str, &'a str, &'a str);

/// A results document written by hand: `units` as (code, people).
fn results_doc(dir: &Path, quarter: &str, units: &[(&str, &[Listed])]) -> PathBuf {
    let units: Vec<Value> = units
        .iter()
        .map(|(code, people)| {
            let people: Vec<Value> = people
                .iter()
                .map(|(id, name, status)| {
                    serde_json::json!({"id": id, "name": name, "status": status})
                })
                .collect();
            serde_json::json!({
                "unit": format!("Đơn vị {code}"),
                "code": code,
                "bloc": "chinh-quyen",
                "people": people,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "schema": "danhgia/ket-qua/v1",
        "quarter": quarter,
        "units": units,
    });
    let folder = dir.join(quarter);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("ket-qua.json");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path
}

/// The people of a year document with this id.
fn people_with<'a>(doc: &'a Value, id: &str) -> Vec<&'a Value> {
    doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"] == id)
        .collect()
}

/// The unit of each quarter of a person, "-" where not listed.
fn quarter_units(p: &Value) -> Vec<String> {
    p["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["unit"].as_str().unwrap_or("-").to_string())
        .collect()
}

#[test]
fn people_are_never_linked_by_a_value_not_understood() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // A and B give their people a Mã CB; H is a mẫu 06 typed by hand (row numbers as ids).
    let q1 = results_doc(
        d,
        "2024-Q1",
        &[
            (
                "A",
                &[("X1", "Lê Văn An", "dat"), ("Đ01", "Bùi Văn An", "dat")],
            ),
            ("B", &[("Y1", "Phạm Thu Hà", "dat")]),
            (
                "H",
                &[
                    ("dong-7", "Nguyễn Văn Hùng", "dat"),
                    ("dong-9", "Nguyễn Văn Hùng", "khong-dat"),
                    ("dong-3", "Lý Thị Mai", "dat"),
                ],
            ),
        ],
    );
    let q2 = results_doc(
        d,
        "2024-Q2",
        &[
            ("A", &[]),
            (
                "B",
                &[("Y1", "Phạm Thu Hà", "dat"), ("X1", "Lê Văn An", "dat")],
            ),
            (
                "C",
                &[
                    ("D01", "Bùi Văn Ân", "dat"),
                    ("Y1", "Phạm Thu Hà", "khong-dat"),
                ],
            ),
            (
                "H",
                &[
                    ("dong-5", "Nguyễn Văn Hùng", "khong-dat"),
                    ("dong-8", "Nguyễn Văn Hùng", "dat"),
                    ("dong-3", "Lý Thị Mai", "dat"),
                ],
            ),
        ],
    );
    let q3 = results_doc(
        d,
        "2024-Q3",
        &[
            ("A", &[("X1", "Lê Văn An", "dat")]),
            ("B", &[("Y1", "Phạm Thu Hà", "dat")]),
            ("C", &[("D01", "Bùi Văn Ân", "dat")]),
            ("H", &[]),
            ("H2", &[("dong-2", "Lý Thị Mai", "dat")]),
        ],
    );
    let (code, doc, stderr) = nam(d, &[q1, q2, q3], &[]);
    assert_eq!(code, 0, "warnings only: {stderr}");

    // Every change of unit is a move, back to A included.
    let an = people_with(&doc, "X1");
    assert_eq!(an.len(), 1);
    assert_eq!(an[0]["units"], serde_json::json!(["A", "B", "A"]));
    assert_eq!(
        an[0]["moves"],
        serde_json::json!([
            {"quarter": "2024-Q2", "last_before": "2024-Q1", "from": "A", "to": "B"},
            {"quarter": "2024-Q3", "last_before": "2024-Q2", "from": "B", "to": "A"}
        ])
    );
    // Listed in B and C in quarter II: followed in B, where she was; C's listing apart.
    let ha = people_with(&doc, "Y1");
    assert_eq!(ha.len(), 2);
    let units: Vec<Vec<String>> = ha.iter().map(|p| quarter_units(p)).collect();
    assert!(units.contains(&vec!["B".into(), "B".into(), "B".into(), "-".into()]));
    assert!(units.contains(&vec!["-".into(), "C".into(), "-".into(), "-".into()]));
    // Đ01 and D01 are two codes, An and Ân two names.
    assert_eq!(people_with(&doc, "Đ01")[0]["moves"], serde_json::json!([]));
    assert_eq!(people_with(&doc, "D01").len(), 1);
    // Namesakes of the hand-typed unit: four people, none followed by guess.
    let hung: Vec<&Value> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Nguyễn Văn Hùng")
        .collect();
    assert_eq!(hung.len(), 4);
    // Mai of H and Mai of H2: a row number never moves anyone.
    let mai: Vec<&Value> = doc["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Lý Thị Mai")
        .collect();
    assert_eq!(mai.len(), 2);
    assert!(mai.iter().all(|p| p["moves"] == serde_json::json!([])));

    let notes: Vec<(&str, &str)> = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["code"].as_str().unwrap().starts_with("person-"))
        .map(|n| (n["code"].as_str().unwrap(), n["message"].as_str().unwrap()))
        .collect();
    let with = |code: &str| -> Vec<&str> {
        notes
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, m)| *m)
            .collect()
    };
    assert_eq!(notes.len(), 5, "{notes:#?}");
    let dup = with("person-duplicate");
    assert_eq!(dup.len(), 2, "{notes:#?}");
    assert!(dup
        .iter()
        .all(|m| m.contains("họ tên Nguyễn Văn Hùng có 2 lần trong đơn vị H")));
    let two = with("person-two-units");
    assert_eq!(two.len(), 1, "{notes:#?}");
    assert!(two[0].starts_with("Quý II/2024: Phạm Thu Hà (Mã CB Y1) có tên ở 2 đơn vị: B, C."));
    let possible = with("person-possible-match");
    assert_eq!(possible.len(), 2, "{notes:#?}");
    assert!(possible
        .iter()
        .any(|m| m.contains("(D01, đơn vị C)") && m.contains("(Đ01, đơn vị A)")));
    assert!(possible
        .iter()
        .any(|m| m.contains("(dong-2, đơn vị H2)") && m.contains("không có cột Mã CB")));

    // The people sheet names both moves.
    let people = texts(&d.join("nam.xlsx"), "Cá nhân");
    let both =
        "Chuyển từ Đơn vị A sang Đơn vị B từ quý II; Chuyển từ Đơn vị B sang Đơn vị A từ quý III;";
    assert!(people.iter().any(|t| t.starts_with(both)), "{people:?}");
}

/// Regression: the long lists are written row by row (constant memory), and rust_xlsxwriter then
/// wrote the last row of each twice when it had a height of its own — two `<row>` of one number,
/// which Excel may refuse as damaged. Every row of every sheet is written once, in order.
#[test]
fn every_row_of_the_year_workbook_is_written_once() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    the_year(tmp.path());
    let file = std::fs::File::open(tmp.path().join("nam.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|n| n.into_owned())
        .collect();
    assert!(names.len() >= 6, "{names:?}");
    for name in names {
        let mut xml = String::new();
        zip.by_name(&name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let rows: Vec<u32> = xml
            .split("<row r=\"")
            .skip(1)
            .map(|r| r[..r.find('"').unwrap()].parse().unwrap())
            .collect();
        assert!(rows.len() > 5, "{name}: {} rows", rows.len());
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "{name}: rows out of order or twice"
        );
    }
}
