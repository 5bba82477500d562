//! `danhgia bat-thuong` (SPEC §4; 001 Bước 4) on the fixtures of `fixtures/bat-thuong/`: each
//! file raises exactly the signs its README names, with its evidence; the previous quarter may
//! come as a folder of workbooks, a results document or a `run` output folder; what cannot be
//! checked is said; the exit code is 0 once it ran and 2 when it could not; and the other
//! commands give the same results and exit codes whatever signs the inputs show.

mod common;

use common::*;
use serde_json::Value;
use std::path::PathBuf;

fn dir(name: &str) -> PathBuf {
    fixture("bat-thuong").join(name)
}

fn p(path: &std::path::Path) -> String {
    path.to_string_lossy().into_owned()
}

/// `danhgia bat-thuong ARGS --format json` → (exit code, document).
fn review(args: &[String]) -> (i32, Value) {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    run_json("bat-thuong", &a, &[])
}

/// (unit code, sign code) of every sign, in the order listed.
fn signs(doc: &Value) -> Vec<(String, String)> {
    doc["signs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["unit_code"].as_str().unwrap().to_string(),
                s["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The sign of a unit with this code.
fn sign<'a>(doc: &'a Value, unit: &str, code: &str) -> &'a Value {
    doc["signs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unit_code"] == unit && s["code"] == code)
        .unwrap_or_else(|| panic!("no {code} on {unit}: {doc:#}"))
}

/// (sign code, why, unit codes) of every sign not checked.
fn not_checked(doc: &Value) -> Vec<(String, String, Vec<String>)> {
    doc["not_checked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let units = n["units"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["code"].as_str().unwrap().to_string())
                .collect();
            (
                n["code"].as_str().unwrap().to_string(),
                n["why"].as_str().unwrap().to_string(),
                units,
            )
        })
        .collect()
}

fn ids(people: &Value) -> Vec<&str> {
    people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect()
}

/// The signs of quarter II against quarter I, file by file (fixtures/bat-thuong/README.md).
fn expected() -> Vec<(String, String)> {
    [
        ("YT", "sheet-all-top"),
        ("VHTT", "copied-rows"),
        ("QLDT", "leader-above-all"),
        ("KT", "rate-jump"),
        ("TNMT", "rate-above-bloc"),
    ]
    .iter()
    .map(|(u, c)| (u.to_string(), c.to_string()))
    .collect()
}

const UNITS: [&str; 6] = ["YT", "VHTT", "TP", "QLDT", "KT", "TNMT"];

#[test]
fn each_fixture_raises_exactly_its_sign_with_its_evidence() {
    let (code, doc) = review(&[p(&dir("quy-2")), p(&dir("quy-1"))]);
    assert_eq!(code, 0);
    assert_eq!(doc["schema"], "danhgia/bat-thuong/v1");
    assert_eq!(doc["quarter"], "2024-Q2");
    assert_eq!(doc["previous_quarter"], "2024-Q1");
    assert_eq!(doc["profile"], "long-bien-2023");
    assert_eq!(
        (doc["units"].as_u64(), doc["units_with_signs"].as_u64()),
        (Some(6), Some(5))
    );
    // The clean unit (TP) raises none; every other raises its own, and only it.
    assert_eq!(signs(&doc), expected());
    assert!(not_checked(&doc).is_empty(), "{:#}", doc["not_checked"]);
    assert_eq!(doc["notes"], serde_json::json!([]));
    assert_eq!(doc["input_errors"], 0);
    for s in doc["signs"].as_array().unwrap() {
        for key in ["title", "explanation", "evidence_text", "source"] {
            assert!(!s[key].as_str().unwrap().is_empty(), "{key}: {s:#}");
        }
        assert_eq!(s["bloc"], "chinh-quyen");
    }

    let copied = &sign(&doc, "VHTT", "copied-rows")["evidence"];
    assert_eq!(
        ids(&copied["people"]),
        ["VHTT03", "VHTT04", "VHTT05", "VHTT06", "VHTT07"]
    );
    assert_eq!(
        (
            &copied["form"],
            &copied["contents"],
            &copied["contents_at_top"],
            &copied["total"]
        ),
        (
            &Value::from("04"),
            &Value::from(30),
            &Value::from(20),
            &Value::from(290)
        )
    );

    let all_top = &sign(&doc, "YT", "sheet-all-top")["evidence"];
    let staff: Vec<String> = (2..=10).map(|i| format!("YT{i:02}")).collect();
    assert_eq!(ids(&all_top["people"]), staff);
    assert_eq!(
        (&all_top["form"], &all_top["contents"]),
        (&Value::from("04"), &Value::from(30))
    );
    assert_eq!(all_top["unknown_totals"], 0);

    let leader = &sign(&doc, "QLDT", "leader-above-all")["evidence"];
    assert_eq!(leader["leader"]["id"], "QLDT01");
    assert_eq!(
        (&leader["leader"]["total"], &leader["leader"]["max"]),
        (&Value::from(445), &Value::from(450))
    );
    assert_eq!(leader["leader"]["share"], 98.9);
    assert_eq!(leader["highest_led"]["id"], "QLDT02");
    assert_eq!(leader["highest_led"]["share"], 96.7);
    assert_eq!(leader["led"], 9);
    assert_eq!(leader["scope"]["whole_unit"], true);

    let jump = &sign(&doc, "KT", "rate-jump")["evidence"];
    assert_eq!(
        (&jump["unit"]["dat"], &jump["unit"]["evaluated"]),
        (&Value::from(5), &Value::from(10))
    );
    assert_eq!(jump["previous"]["quarter"], "2024-Q1");
    assert_eq!(
        (&jump["previous"]["dat"], &jump["previous"]["rate"]),
        (&Value::from(1), &Value::from(10.0))
    );
    assert_eq!(
        (&jump["points_up"], &jump["threshold_points"]),
        (&Value::from(40.0), &Value::from(30))
    );

    let rate = &sign(&doc, "TNMT", "rate-above-bloc")["evidence"];
    assert_eq!(rate["unit"]["rate"], 100.0);
    let rest = &rate["rest_of_bloc"];
    assert_eq!(
        (
            &rest["dat"],
            &rest["evaluated"],
            &rest["units"],
            &rest["rate"]
        ),
        (
            &Value::from(16),
            &Value::from(50),
            &Value::from(5),
            &Value::from(32.0)
        )
    );
    assert_eq!(rate["points_above"], 68.0);
    // The sentence names the figures.
    let text = sign(&doc, "TNMT", "rate-above-bloc")["evidence_text"]
        .as_str()
        .unwrap();
    assert!(
        text.contains("100,0% (10/10") && text.contains("32,0% (16/50)"),
        "{text}"
    );
}

#[test]
fn the_previous_quarter_as_a_results_document_a_run_folder_or_within_one_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("kq-quy-1");
    let o = run_raw(&["run", &p(&dir("quy-1")), "-o", &p(&out)]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    for previous in [
        vec![p(&dir("quy-2")), p(&dir("ket-qua-quy-1.json"))],
        vec![p(&dir("quy-2")), p(&out)],
        vec![p(&fixture("bat-thuong"))],
        vec![p(&dir("quy-1")), p(&dir("quy-2"))],
    ] {
        let (code, doc) = review(&previous);
        assert_eq!(code, 0, "{previous:?}");
        assert_eq!(doc["previous_quarter"], "2024-Q1", "{previous:?}");
        assert_eq!(signs(&doc), expected(), "{previous:?}");
        assert!(not_checked(&doc).is_empty(), "{previous:?}");
    }
    // `-q` picks the quarter reviewed: quarter I has no quarter before it here, and quarter II's
    // files are named as not used.
    let (code, doc) = review(&[p(&fixture("bat-thuong")), "-q".into(), "2024-Q1".into()]);
    assert_eq!(code, 0);
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_eq!(
        doc["notes"].as_array().unwrap().len(),
        6,
        "{:#}",
        doc["notes"]
    );
    assert!(!signs(&doc).iter().any(|(_, c)| c == "rate-jump"));
}

#[test]
fn without_the_previous_quarter_the_jump_is_said_not_checked() {
    let (code, doc) = review(&[p(&dir("quy-2"))]);
    assert_eq!(code, 0);
    assert_eq!(doc["previous_quarter"], Value::Null);
    let mut want = expected();
    want.retain(|(_, c)| c != "rate-jump");
    assert_eq!(signs(&doc), want);
    let nc = not_checked(&doc);
    assert_eq!(nc.len(), 1, "{nc:?}");
    let (code, why, units) = &nc[0];
    assert_eq!(
        (code.as_str(), why.as_str()),
        ("rate-jump", "no-previous-quarter")
    );
    let mut units = units.clone();
    units.sort();
    let mut all = UNITS.map(String::from).to_vec();
    all.sort();
    assert_eq!(units, all);
    // The text says it in plain words.
    let o = run_raw(&["bat-thuong", &p(&dir("quy-2"))]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Chưa xét được (thiếu dữ liệu):")
            && text.contains("không có kết quả quý trước"),
        "{text}"
    );
}

#[test]
fn from_results_alone_the_signs_that_need_scores_are_said_not_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let json = tmp.path().join("ket-qua.json");
    let o = run_raw(&["evaluate", &p(&dir("quy-2")), "--format", "json"]);
    assert_eq!(exit_code(&o), 0);
    std::fs::write(&json, &o.stdout).unwrap();
    let (code, doc) = review(&[p(&json)]);
    assert_eq!(code, 0);
    // Rates and totals are in the results: a total of 300 on mẫu 04 is 10 on every content.
    assert_eq!(
        signs(&doc),
        [
            ("YT".to_string(), "sheet-all-top".to_string()),
            ("TNMT".into(), "rate-above-bloc".into())
        ]
    );
    let nc: Vec<(String, String, usize)> = not_checked(&doc)
        .into_iter()
        .map(|(c, w, u)| (c, w, u.len()))
        .collect();
    assert_eq!(
        nc,
        [
            (
                "rate-jump".to_string(),
                "no-previous-quarter".to_string(),
                6
            ),
            ("copied-rows".into(), "no-content-scores".into(), 6),
            ("leader-above-all".into(), "no-scope".into(), 6),
        ]
    );
    // A unit given by a workbook and by a results document is counted once, from the workbook.
    let (code, doc) = review(&[p(&dir("quy-2")), p(&json)]);
    assert_eq!(code, 0);
    assert_eq!(doc["units"], 6);
    let mut want = expected();
    want.retain(|(_, c)| c != "rate-jump");
    assert_eq!(signs(&doc), want);
    assert_eq!(doc["notes"].as_array().unwrap().len(), 6);
}

#[test]
fn a_mau_06_sent_alone_gives_its_rate_and_totals_only() {
    let (code, doc) = review(&[p(&fixture("mau-06/hai-dong.xlsx"))]);
    assert_eq!(code, 0, "{doc:#}");
    let nc = not_checked(&doc);
    assert!(
        nc.iter()
            .any(|(c, w, _)| c == "copied-rows" && w == "no-content-scores"),
        "{nc:?}"
    );
}

#[test]
fn thresholds_come_from_the_profile_and_are_checked_at_load() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run_raw(&["profile", "show"]);
    let text = String::from_utf8(o.stdout).unwrap();
    let profile = tmp.path().join("ho-so.toml");
    let edited = text
        .replace("copied_min_people = 4", "copied_min_people = 6")
        .replace("leader_min_led = 4", "leader_min_led = 10")
        .replace("rate_points = 30", "rate_points = 70");
    std::fs::write(&profile, edited).unwrap();
    let (code, doc) = run_json(
        "bat-thuong",
        &[p(&dir("quy-2")), p(&dir("quy-1"))],
        &["--profile", &p(&profile)],
    );
    assert_eq!(code, 0);
    assert_eq!(
        signs(&doc),
        [
            ("YT".to_string(), "sheet-all-top".to_string()),
            ("KT".into(), "rate-jump".into())
        ]
    );
    assert_eq!(doc["thresholds"]["copied_min_people"], 6);
    // A threshold out of range stops the command, naming its key.
    let bad = text.replace("leader_min_led = 4", "leader_min_led = 0");
    std::fs::write(&profile, bad).unwrap();
    let o = run_raw(&["bat-thuong", &p(&dir("quy-2")), "--profile", &p(&profile)]);
    assert_eq!(exit_code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bat_thuong.leader_min_led"), "{err}");
}

#[test]
fn exit_codes_zero_once_it_ran_two_when_it_could_not() {
    // Signs, errors in the inputs: still 0.
    let o = run_raw(&["bat-thuong", &p(&demo_dir())]);
    assert_eq!(exit_code(&o), 0);
    let (code, doc) = review(&[p(&demo_dir())]);
    assert_eq!(code, 0);
    assert_eq!(doc["input_errors"], 5);
    // Usage, nothing found, nothing readable.
    assert_eq!(exit_code(&run_raw(&["bat-thuong"])), 2);
    let tmp = tempfile::tempdir().unwrap();
    let o = run_raw(&["bat-thuong", &p(tmp.path())]);
    assert_eq!(exit_code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("không tìm thấy sổ nào"));
    let junk = tmp.path().join("x.json");
    std::fs::write(&junk, r#"{"schema": "danhgia/kiem-tra/v1"}"#).unwrap();
    let o = run_raw(&["bat-thuong", &p(&junk)]);
    assert_eq!(exit_code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("danhgia/kiem-tra/v1") && err.contains("không đọc được đơn vị nào"),
        "{err}"
    );
    // -o never writes over an input.
    let o = run_raw(&["bat-thuong", &p(&dir("quy-2")), &p(&junk), "-o", &p(&junk)]);
    assert_eq!(exit_code(&o), 2);
    assert!(std::fs::read_to_string(&junk).unwrap().contains("kiem-tra"));
}

#[test]
fn the_workbook_is_the_focal_office_report_with_every_sign() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bat-thuong.xlsx");
    let o = run_raw(&[
        "bat-thuong",
        &p(&dir("quy-2")),
        &p(&dir("ket-qua-quy-1.json")),
        "-o",
        &p(&out),
        "--ngay",
        "01/07/2024",
    ]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let sheets = common::printed::read(&out);
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].name, "Chính quyền");
    let cells: Vec<&str> = sheets[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert!(cells.contains(&"PHÒNG NỘI VỤ"), "{cells:?}");
    assert!(
        cells.iter().any(|c| c.contains("ngày 01 tháng 7 năm 2024")),
        "{cells:?}"
    );
    assert!(
        cells
            .iter()
            .any(|c| c.starts_with("Số:") && c.ends_with("/BC-PNV")),
        "{cells:?}"
    );
    for unit in [
        "Phòng Y tế (YT)",
        "Phòng Văn hóa và Thông tin (VHTT)",
        "Phòng Kinh tế (KT)",
    ] {
        assert!(cells.contains(&unit), "{unit}: {cells:?}");
    }
    assert!(cells
        .iter()
        .any(|c| c.starts_with("5 người của Mẫu 04 có điểm giống hệt nhau")));
    assert!(cells.contains(&"Ý kiến của lãnh đạo"));
    assert!(common::printed::misfits(&out).is_empty());
    // A day off is refused, and nothing is written.
    let sat = tmp.path().join("t7.xlsx");
    let o = run_raw(&[
        "bat-thuong",
        &p(&dir("quy-2")),
        "-o",
        &p(&sat),
        "--ngay",
        "29/06/2024",
    ]);
    assert_eq!(exit_code(&o), 2);
    assert!(!sat.exists());
}

#[test]
fn other_commands_are_unchanged_by_the_signs() {
    // Every fixture validates clean and is decided by the rules alone.
    let (code, doc) = validate(&[dir("quy-2")], &[]);
    assert_eq!(code, 0);
    assert!(doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["status"] == "ok"));
    assert_eq!(doc["findings"], serde_json::json!([]));
    let (code, doc) = run_json("evaluate", &[dir("quy-2")], &[]);
    assert_eq!(code, 0);
    let dat: Vec<(String, u64)> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["code"].as_str().unwrap().to_string(),
                u["summary"]["dat"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut dat = dat;
    dat.sort();
    assert_eq!(
        dat,
        [
            ("KT", 5),
            ("QLDT", 3),
            ("TNMT", 10),
            ("TP", 3),
            ("VHTT", 3),
            ("YT", 2)
        ]
        .map(|(c, n)| (c.to_string(), n))
    );
    // The signs are nowhere in the results document: its fields are those of SPEC §5.
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&doc), ["findings", "quarter", "schema", "units"]);
    assert_eq!(
        keys(&doc["units"][0]),
        [
            "bloc",
            "code",
            "headcount",
            "people",
            "source",
            "summary",
            "unit"
        ]
    );
    // run: the same results, exit 0, and one line saying how many signs and where to look.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("kq");
    let (code, summary) = run_json("run", &[dir("quy-2")], &["-o", &p(&out)]);
    assert_eq!(code, 0);
    assert_eq!(summary["bat_thuong"]["signs"], 4);
    assert_eq!(summary["bat_thuong"]["units"], 4);
    let command = summary["bat_thuong"]["command"].as_str().unwrap();
    assert!(command.starts_with("danhgia bat-thuong "), "{command}");
    assert!(command.ends_with(" -q 2024-Q2"), "{command}");
    // The command printed reviews what run counted: the same quarter, the same signs.
    let words: Vec<&str> = command.split(' ').skip(1).collect();
    let o = run_raw(&[&words[..], &["--format", "json"]].concat());
    assert_eq!(exit_code(&o), 0);
    let review_doc = parse_json(&o);
    assert_eq!(review_doc["quarter"], "2024-Q2");
    assert_eq!(review_doc["signs"].as_array().unwrap().len(), 4);
    assert_eq!(summary["errors"], 0);
    let written: Value =
        serde_json::from_slice(&std::fs::read(out.join("ket-qua.json")).unwrap()).unwrap();
    assert_eq!(written["units"], doc["units"]);
    let o = run_raw(&["run", &p(&dir("quy-2")), "-o", &p(&out), "--force"]);
    assert_eq!(exit_code(&o), 0);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Dấu hiệu bất thường cần xem lại (bước 4): 4 ở 4 đơn vị, chưa so với quý trước; xem chi tiết: danhgia bat-thuong "),
        "{text}"
    );
    // No sign: the line says so.
    let o = run_raw(&[
        "run",
        &p(&dir("quy-2").join("khong-dau-hieu.xlsx")),
        "-o",
        &p(&tmp.path().join("kq2")),
    ]);
    assert_eq!(exit_code(&o), 0);
    assert!(String::from_utf8_lossy(&o.stdout)
        .contains("Dấu hiệu bất thường cần xem lại (bước 4): không có (chưa so với quý trước: danhgia bat-thuong "));
}

#[test]
fn english_text() {
    let o = run_raw(&[
        "--lang",
        "en",
        "bat-thuong",
        &p(&dir("quy-2")),
        &p(&dir("quy-1")),
    ]);
    assert_eq!(exit_code(&o), 0);
    let text = String::from_utf8_lossy(&o.stdout);
    for words in [
        "SIGNS TO REVIEW IN THE RESULTS OF 2024-Q2 (against 2024-Q1)",
        "Many people with identical scores [copied-rows]",
        "Up 40.0 percentage points (threshold: 30).",
    ] {
        assert!(text.contains(words), "{words}:\n{text}");
    }
}

/// Regression: a unit whose name is another unit's, under its own code, was left out as "the
/// same unit" — `run` keeps such units apart (SPEC §3: a unit is its code; its name only when
/// the code is blank).
#[test]
fn two_units_of_one_name_under_two_codes_are_both_reviewed() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run_raw(&["evaluate", &p(&dir("quy-2")), "--format", "json"]);
    assert_eq!(exit_code(&o), 0);
    let mut results: Value = serde_json::from_slice(&o.stdout).unwrap();
    let units = results["units"].as_array_mut().unwrap();
    let first_name = units[0]["unit"].clone();
    units[1]["unit"] = first_name;
    let json = tmp.path().join("ket-qua.json");
    std::fs::write(&json, serde_json::to_vec(&results).unwrap()).unwrap();
    let (code, doc) = review(&[p(&json)]);
    assert_eq!(code, 0);
    assert_eq!(doc["units"], 6, "{doc:#}");
    assert!(doc["notes"].as_array().unwrap().is_empty(), "{doc:#}");
    // Without a code, the name is what tells the unit: the second one is the first again.
    let units = results["units"].as_array_mut().unwrap();
    units[1]["code"] = Value::from("");
    std::fs::write(&json, serde_json::to_vec(&results).unwrap()).unwrap();
    let (code, doc) = review(&[p(&json)]);
    assert_eq!(code, 0);
    assert_eq!(doc["units"], 5, "{doc:#}");
    assert_eq!(doc["notes"].as_array().unwrap().len(), 1, "{doc:#}");
}

/// (unit name, sign code, evidence) of every sign.
fn signs_by_name(doc: &Value) -> Vec<(String, String, Value)> {
    doc["signs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["unit"].as_str().unwrap().to_string(),
                s["code"].as_str().unwrap().to_string(),
                s["evidence"].clone(),
            )
        })
        .collect()
}

/// Regression: units without `Mã đơn vị` get their workbook's file name as code; workbooks of
/// one file name in different folders gave every unit one code, and units were compared with
/// each other (a false rate-jump against another unit's previous quarter, units of a run
/// output dropped as "already given").
#[test]
fn units_without_a_code_under_one_file_name_are_told_apart_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    for q in ["quy-1", "quy-2"] {
        for e in std::fs::read_dir(dir(q)).unwrap() {
            let from = e.unwrap().path();
            let stem = from.file_stem().unwrap().to_string_lossy().into_owned();
            let to = tmp.path().join(q).join(stem).join("so.xlsx");
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&from, &to).unwrap();
            let mut book = umya_spreadsheet::reader::xlsx::read(&to).unwrap();
            let ws = book.get_sheet_by_name_mut("Thông tin").unwrap();
            let (_, rows) = ws.get_highest_column_and_row();
            let row = (1..=rows)
                .find(|&r| ws.get_value((1, r)).trim().trim_end_matches(':') == "Mã đơn vị")
                .unwrap();
            ws.get_cell_mut((2, row)).set_value("");
            umya_spreadsheet::writer::xlsx::write(&book, &to).unwrap();
        }
    }
    let (_, want) = review(&[p(&dir("quy-2")), p(&dir("quy-1"))]);
    let (code, doc) = review(&[p(&tmp.path().join("quy-2")), p(&tmp.path().join("quy-1"))]);
    assert_eq!(code, 0);
    assert_eq!(doc["units"], 6);
    assert_eq!(signs_by_name(&doc), signs_by_name(&want));
    // The same quarter as run writes it: every unit under the code "so".
    let out = tmp.path().join("ket-qua-quy-2");
    let o = run_raw(&[
        "run".to_string(),
        p(&tmp.path().join("quy-2")),
        "-o".into(),
        p(&out),
        "--quiet".into(),
    ]);
    assert!(exit_code(&o) <= 1, "{}", String::from_utf8_lossy(&o.stderr));
    let (code, doc) = review(&[p(&out)]);
    assert_eq!(code, 0);
    assert_eq!(doc["units"], 6, "{doc:#}");
    assert_eq!(doc["notes"], serde_json::json!([]), "{doc:#}");
    let rate: Vec<_> = signs_by_name(&doc)
        .into_iter()
        .filter(|(_, c, _)| c == "rate-above-bloc")
        .collect();
    let want_rate: Vec<_> = signs_by_name(&want)
        .into_iter()
        .filter(|(_, c, _)| c == "rate-above-bloc")
        .collect();
    assert_eq!(rate, want_rate);
}

/// The workbook says what the text says of the inputs: a file not used and why, and the errors
/// of the workbooks read (it used to leave both out, and to advise giving the previous quarter
/// that was given).
#[test]
fn the_workbook_says_which_files_were_not_used_and_the_errors_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut before: Value =
        serde_json::from_slice(&std::fs::read(dir("ket-qua-quy-1.json")).unwrap()).unwrap();
    let unit = &mut before["units"][0];
    let dat = unit["summary"]["dat"].as_u64().unwrap();
    unit["summary"]["dat"] = Value::from(dat + 1);
    let edited = tmp.path().join("ket-qua-quy-1.json");
    std::fs::write(&edited, serde_json::to_vec(&before).unwrap()).unwrap();
    let out = tmp.path().join("bat-thuong.xlsx");
    let o = run_raw(&[
        "bat-thuong",
        &p(&dir("quy-2")),
        &p(&edited),
        "-o",
        &p(&out),
        "--ngay",
        "01/07/2024",
    ]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let sheets = common::printed::read(&out);
    let cells: Vec<&str> = sheets[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert!(cells.contains(&"Ghi chú về tệp:"), "{cells:?}");
    assert!(
        cells
            .iter()
            .any(|c| c.contains("ket-qua-quy-1.json") && c.contains("sửa tay")),
        "{cells:?}"
    );
    assert!(common::printed::misfits(&out).is_empty());
    // The demo quarter's workbooks hold errors: the workbook says how many.
    let out = tmp.path().join("demo.xlsx");
    let o = run_raw(&["bat-thuong", &p(&demo_dir()), "-o", &p(&out)]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let errors_line = text
        .lines()
        .find(|l| l.starts_with("Các sổ đã đọc có"))
        .unwrap_or_else(|| panic!("{text}"));
    let sheets = common::printed::read(&out);
    assert!(
        sheets
            .iter()
            .all(|s| s.cells.iter().any(|c| c.text == errors_line)),
        "{errors_line}"
    );
}
