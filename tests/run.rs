//! `danhgia run` and `danhgia merge`: every output file of SPEC §4, read back with calamine and
//! checked against ket-qua.json; determinism; formula-injection safety.

mod common;

use calamine::{open_workbook_auto, Data, Range, Reader};
use common::{danhgia, demo_dir, exit_code};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

fn run_into(inputs: &[&Path], out: &Path, extra: &[&str]) -> std::process::Output {
    let out = danhgia()
        .arg("run")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .expect("danhgia runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

fn demo_run() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ket-qua");
    let o = run_into(&[&demo_dir()], &out, &[]);
    assert_eq!(
        exit_code(&o),
        1,
        "the demo holds 4 errors: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (tmp, out)
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("{} {name}: {e}", path.display()))
}

fn cell_str(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn num(d: &Data) -> u32 {
    match d {
        Data::Float(f) => *f as u32,
        Data::Int(i) => *i as u32,
        other => panic!("not a number: {other:?}"),
    }
}

/// The unit rows of a summary sheet: name → [people, not evaluated, evaluated, đạt, không đạt],
/// and the rows whose label starts with `total_prefix` (totals, subtotals).
type SummaryRows = (BTreeMap<String, [u32; 5]>, Vec<(String, [u32; 5])>);

fn summary_rows(r: &Range<Data>) -> SummaryRows {
    let mut units = BTreeMap::new();
    let mut totals = Vec::new();
    let header = r
        .rows()
        .position(|row| row.first().map(cell_str).as_deref() == Some("STT"))
        .expect("a header row");
    for row in r.rows().skip(header + 1) {
        let first = row.first().map(cell_str).unwrap_or_default();
        let name = row.get(1).map(cell_str).unwrap_or_default();
        let numbers = || [2, 3, 4, 5, 7].map(|c| num(&row[c]));
        if first.starts_with("Tổng cộng")
            || first.starts_with("TỔNG CỘNG")
            || first.starts_with("Cộng khối")
        {
            totals.push((first, numbers()));
        } else if matches!(row.first(), Some(Data::Float(_))) {
            units.insert(name, numbers());
        }
    }
    (units, totals)
}

fn ket_qua(out: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(out.join("ket-qua.json")).unwrap()).unwrap()
}

#[test]
fn run_writes_every_output_of_the_contract() {
    let (_tmp, out) = demo_run();
    let doc = ket_qua(&out);
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 10);
    for u in units {
        let code = u["code"].as_str().unwrap().to_lowercase();
        assert!(
            out.join("don-vi")
                .join(format!("{code}-mau-06.xlsx"))
                .is_file(),
            "mẫu 06 of {code}"
        );
        // A workbook to send back for each unit with findings, none for a clean one.
        let faulty = doc["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["file"] == u["source"]);
        assert_eq!(
            out.join("tra-lai").join(format!("{code}.xlsx")).is_file(),
            faulty,
            "tra-lai of {code}"
        );
    }
    for bloc in ["dang-doan-the", "chinh-quyen", "truong-hoc"] {
        assert!(
            out.join("khoi")
                .join(format!("{bloc}-mau-07.xlsx"))
                .is_file(),
            "mẫu 07 of {bloc}"
        );
    }
    assert!(out.join("toan-quan.xlsx").is_file());
    assert!(out.join("khen-thuong.xlsx").is_file());
    // The reward document beside it, for `nam` to count the money (SPEC §5 schema).
    let rewards: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("khen-thuong.json")).unwrap()).unwrap();
    assert_eq!(rewards["schema"], "danhgia/khen-thuong/v1");
    assert_eq!(rewards["quarter"], "2024-Q1");
    let csv = std::fs::read(out.join("loi.csv")).unwrap();
    assert!(
        csv.starts_with(&[0xEF, 0xBB, 0xBF]),
        "loi.csv starts with a UTF-8 BOM"
    );
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert_eq!(
        text.lines().count(),
        1 + doc["findings"].as_array().unwrap().len()
    );
    assert!(text
        .lines()
        .next()
        .unwrap()
        .starts_with("severity,code,file,sheet,cell,person,message"));
}

#[test]
fn mau_07_counts_equal_ket_qua_json() {
    let (_tmp, out) = demo_run();
    let doc = ket_qua(&out);
    for bloc in ["dang-doan-the", "chinh-quyen", "truong-hoc"] {
        let (rows, totals) = summary_rows(&sheet(
            &out.join("khoi").join(format!("{bloc}-mau-07.xlsx")),
            "Mẫu 07",
        ));
        let of_bloc: Vec<&Value> = doc["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["bloc"] == bloc)
            .collect();
        assert_eq!(rows.len(), of_bloc.len(), "{bloc}");
        let mut sum = [0u32; 5];
        for u in of_bloc {
            let s = &u["summary"];
            let n = |k: &str| s[k].as_u64().unwrap() as u32;
            let expected = [
                n("people"),
                n("not_evaluated"),
                n("evaluated"),
                n("dat"),
                n("khong_dat") + n("loi"),
            ];
            assert_eq!(rows[u["unit"].as_str().unwrap()], expected, "{}", u["unit"]);
            for i in 0..5 {
                sum[i] += expected[i];
            }
        }
        assert_eq!(totals, vec![("Tổng cộng".to_string(), sum)], "{bloc}");
    }
}

#[test]
fn toan_quan_totals_equal_the_sum_of_the_blocs() {
    let (_tmp, out) = demo_run();
    let (units, totals) = summary_rows(&sheet(&out.join("toan-quan.xlsx"), "Toàn quận"));
    assert_eq!(units.len(), 10);
    let subtotals: Vec<&[u32; 5]> = totals
        .iter()
        .filter(|(l, _)| l.starts_with("Cộng khối"))
        .map(|(_, n)| n)
        .collect();
    assert_eq!(subtotals.len(), 3);
    let district = &totals
        .iter()
        .find(|(l, _)| l == "TỔNG CỘNG TOÀN QUẬN")
        .expect("district total")
        .1;
    for i in 0..5 {
        assert_eq!(
            district[i],
            subtotals.iter().map(|s| s[i]).sum::<u32>(),
            "column {i}"
        );
        assert_eq!(
            district[i],
            units.values().map(|u| u[i]).sum::<u32>(),
            "column {i}"
        );
    }
    // And each bloc's subtotal equals its mẫu 07 total.
    for bloc in ["dang-doan-the", "chinh-quyen", "truong-hoc"] {
        let (_, t) = summary_rows(&sheet(
            &out.join("khoi").join(format!("{bloc}-mau-07.xlsx")),
            "Mẫu 07",
        ));
        assert!(subtotals.contains(&&t[0].1), "{bloc}");
    }
}

#[test]
fn every_dat_person_is_in_the_bloc_list_exactly_once() {
    let (_tmp, out) = demo_run();
    let doc = ket_qua(&out);
    for bloc in ["dang-doan-the", "chinh-quyen", "truong-hoc"] {
        let list = sheet(
            &out.join("khoi").join(format!("{bloc}-mau-07.xlsx")),
            "Danh sách đạt",
        );
        let mut listed: HashMap<(String, String), usize> = HashMap::new();
        for row in list.rows().skip(3) {
            *listed
                .entry((cell_str(&row[1]), cell_str(&row[3])))
                .or_default() += 1;
        }
        let mut expected = 0;
        for u in doc["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["bloc"] == bloc)
        {
            for p in u["people"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["status"] == "dat")
            {
                expected += 1;
                let key = (
                    p["name"].as_str().unwrap().to_string(),
                    u["unit"].as_str().unwrap().to_string(),
                );
                assert_eq!(listed.get(&key), Some(&1), "{key:?}");
            }
        }
        assert_eq!(
            listed.values().sum::<usize>(),
            expected,
            "{bloc}: nobody else is listed"
        );
    }
}

#[test]
fn merge_of_the_bloc_files_reproduces_toan_quan() {
    let (tmp, out) = demo_run();
    let merged = tmp.path().join("merged.xlsx");
    let blocs: Vec<PathBuf> = ["dang-doan-the", "chinh-quyen", "truong-hoc"]
        .iter()
        .map(|b| out.join("khoi").join(format!("{b}-mau-07.xlsx")))
        .collect();
    let o = danhgia()
        .arg("merge")
        .args(&blocs)
        .arg("-o")
        .arg(&merged)
        .output()
        .unwrap();
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stdout));
    assert_eq!(
        summary_rows(&sheet(&merged, "Toàn quận")),
        summary_rows(&sheet(&out.join("toan-quan.xlsx"), "Toàn quận"))
    );
    assert_eq!(
        sheet(&merged, "Danh sách đạt")
            .rows()
            .map(|r| r.iter().map(cell_str).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        sheet(&out.join("toan-quan.xlsx"), "Danh sách đạt")
            .rows()
            .map(|r| r.iter().map(cell_str).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    );
}

/// A mẫu 07 re-typed by hand: no heading block, its own title, a totals row.
fn hand_made_mau07(path: &Path, bloc: &str, quarter: &str, rows: &[(&str, [u32; 5])]) {
    let rows: Vec<(String, [common::Typed; 5])> = rows
        .iter()
        .map(|(name, n)| {
            (
                name.to_string(),
                n.map(|x| common::Typed::Num(f64::from(x))),
            )
        })
        .collect();
    common::hand_typed_mau07(path, bloc, quarter, &rows);
}

fn merge_findings(files: &[PathBuf], out: &Path) -> (i32, String) {
    let o = danhgia()
        .arg("merge")
        .args(files)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    (
        exit_code(&o),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn merge_flags_a_row_whose_numbers_do_not_add_up() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("chinh-quyen.xlsx");
    // Phòng Y tế: 10 people, 1 not evaluated, 9 evaluated, 4 đạt, 4 không đạt: 4 + 4 ≠ 9.
    hand_made_mau07(
        &f,
        "Chính quyền",
        "QUÝ I NĂM 2024",
        &[
            ("Phòng Nội vụ", [10, 0, 10, 4, 6]),
            ("Phòng Y tế", [10, 1, 9, 4, 4]),
        ],
    );
    let (code, text) = merge_findings(&[f], &tmp.path().join("tq.xlsx"));
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("Mẫu 07!E6") && text.contains("total-mismatch"),
        "{text}"
    );
    assert!(text.contains("Phòng Y tế"), "{text}");
    assert!(
        tmp.path().join("tq.xlsx").is_file(),
        "what is valid is still written"
    );
}

#[test]
fn merge_flags_a_unit_in_two_blocs() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.xlsx");
    let b = tmp.path().join("b.xlsx");
    hand_made_mau07(
        &a,
        "Chính quyền",
        "Quý I/2024",
        &[("Phòng Nội vụ", [10, 0, 10, 4, 6])],
    );
    hand_made_mau07(
        &b,
        "Đảng - Đoàn thể",
        "Quý I/2024",
        &[
            ("Ban Tổ chức", [8, 0, 8, 2, 6]),
            ("Phòng Nội vụ", [10, 0, 10, 4, 6]),
        ],
    );
    let (code, text) = merge_findings(&[a, b], &tmp.path().join("tq.xlsx"));
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("Mẫu 07!B6") && text.contains("unit-duplicate"),
        "{text}"
    );
    let (units, totals) = summary_rows(&sheet(&tmp.path().join("tq.xlsx"), "Toàn quận"));
    assert_eq!(units.len(), 2, "the duplicate is counted once");
    assert_eq!(totals.last().unwrap().1, [18, 0, 18, 6, 12]);
}

#[test]
fn merge_refuses_mixed_quarters() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.xlsx");
    let b = tmp.path().join("b.xlsx");
    hand_made_mau07(
        &a,
        "Chính quyền",
        "Quý I/2024",
        &[("Phòng Nội vụ", [10, 0, 10, 4, 6])],
    );
    hand_made_mau07(
        &b,
        "Trường học",
        "Quý II/2024",
        &[("Trường Tiểu học A", [30, 0, 30, 9, 21])],
    );
    let o = danhgia()
        .arg("merge")
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(tmp.path().join("tq.xlsx"))
        .output()
        .unwrap();
    assert_eq!(exit_code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("nhiều quý"));
    assert!(!tmp.path().join("tq.xlsx").exists());
}

#[test]
fn run_twice_gives_byte_identical_files() {
    let tmp = tempfile::tempdir().unwrap();
    let hashes = |dir: &Path| -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    use std::hash::{Hash, Hasher};
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    std::fs::read(&p).unwrap().hash(&mut h);
                    out.insert(
                        p.strip_prefix(dir).unwrap().display().to_string(),
                        h.finish(),
                    );
                }
            }
        }
        out
    };
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    run_into(&[&demo_dir()], &a, &[]);
    run_into(&[&demo_dir()], &b, &[]);
    let (ha, hb) = (hashes(&a), hashes(&b));
    assert!(ha.len() >= 16, "{ha:?}");
    assert_eq!(ha, hb);
}

#[test]
fn run_refuses_a_non_empty_outdir_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("cu.txt"), "x").unwrap();
    let o = run_into(&[&demo_dir()], tmp.path(), &[]);
    assert_eq!(exit_code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert!(!tmp.path().join("ket-qua.json").exists());
    let o = run_into(&[&demo_dir()], tmp.path(), &["--force"]);
    assert_eq!(exit_code(&o), 1);
    assert!(tmp.path().join("ket-qua.json").is_file());
}

#[test]
fn run_never_writes_into_an_input_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("vao");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(common::fixture("hop-le.xlsx"), input.join("hop-le.xlsx")).unwrap();
    let before = std::fs::read(input.join("hop-le.xlsx")).unwrap();
    let o = run_into(&[&input], &input.join("ra"), &[]);
    assert_eq!(exit_code(&o), 2);
    let o = run_into(&[&input], &tmp.path().join("ra"), &[]);
    assert_eq!(exit_code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read(input.join("hop-le.xlsx")).unwrap(),
        before,
        "the input is untouched"
    );
    assert_eq!(std::fs::read_dir(&input).unwrap().count(), 1);
}

/// A unit whose person's Mã CB and name are `=HYPERLINK("x")`.
fn injection_workbook(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("Thông tin").unwrap();
    for (r, (k, v)) in [
        ("Đơn vị", "Phòng Thử nghiệm"),
        ("Mã đơn vị", "TN"),
        ("Khối", "Chính quyền"),
        ("Quý", "I/2024"),
    ]
    .iter()
    .enumerate()
    {
        info.write_string(r as u32, 0, *k).unwrap();
        info.write_string(r as u32, 1, *v).unwrap();
    }
    info.write_string(4, 0, "Tổng số CBCCVC, NLĐ").unwrap();
    info.write_number(4, 1, 1).unwrap();
    let list = wb.add_worksheet();
    list.set_name("Danh sách").unwrap();
    for (c, h) in [
        "STT",
        "Mã CB",
        "Họ và tên",
        "Chức vụ",
        "Tháng 1",
        "Tháng 2",
        "Tháng 3",
    ]
    .iter()
    .enumerate()
    {
        list.write_string(0, c as u16, *h).unwrap();
    }
    list.write_number(1, 0, 1).unwrap();
    list.write_string(1, 1, "=HYPERLINK(\"x\")").unwrap();
    list.write_string(1, 2, "=HYPERLINK(\"x\")").unwrap();
    list.write_string(1, 3, "@Chuyên viên").unwrap();
    for c in 4..7 {
        list.write_string(1, c, "HTXSNV").unwrap();
    }
    let form = wb.add_worksheet();
    form.set_name("Mẫu 04").unwrap();
    form.write_string(0, 0, "STT").unwrap();
    form.write_string(0, 1, "Mã CB").unwrap();
    form.write_string(0, 2, "Họ và tên").unwrap();
    for k in 1..=30u16 {
        form.write_number(0, 2 + k, k as f64).unwrap();
        // Item 5 is not a half-point step: an error on this person, so it reaches loi.csv.
        form.write_number(1, 2 + k, if k == 5 { 8.3 } else { 10.0 })
            .unwrap();
    }
    form.write_number(1, 0, 1).unwrap();
    form.write_string(1, 1, "=HYPERLINK(\"x\")").unwrap();
    form.write_string(1, 2, "=HYPERLINK(\"x\")").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn names_that_look_like_formulas_stay_text() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("vao");
    std::fs::create_dir(&input).unwrap();
    injection_workbook(&input.join("tn.xlsx"));
    let out = tmp.path().join("ra");
    let o = run_into(&[&input], &out, &[]);
    assert_eq!(exit_code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));

    // mẫu 06: the name is a text cell, not a formula.
    let path = out.join("don-vi").join("tn-mau-06.xlsx");
    let r = sheet(&path, "Mẫu 06");
    assert!(r
        .used_cells()
        .any(|(_, _, d)| *d == Data::String("=HYPERLINK(\"x\")".into())));
    let mut wb = open_workbook_auto(&path).unwrap();
    let formulas = wb.worksheet_formula("Mẫu 06").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula in mẫu 06"
    );

    // loi.csv: the person (the same text as the name) is neutralised with a leading apostrophe,
    // so Excel shows it as text.
    let csv = String::from_utf8(std::fs::read(out.join("loi.csv")).unwrap()[3..].to_vec()).unwrap();
    let row = csv
        .lines()
        .find(|l| l.contains("score-step"))
        .expect("the score-step finding");
    assert!(row.contains(r#","'=HYPERLINK(""x"")","#), "{row}");
    assert!(!row.contains(r#","=HYPERLINK"#), "{row}");
}

#[test]
fn run_writes_the_same_reward_list_as_rewards() {
    let (tmp, out) = demo_run();
    let alone = tmp.path().join("khen-thuong.xlsx");
    let o = danhgia()
        .arg("rewards")
        .arg(demo_dir())
        .arg("-o")
        .arg(&alone)
        .output()
        .unwrap();
    assert_eq!(
        exit_code(&o),
        1,
        "the demo's errors: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let a = std::fs::read(&alone).unwrap();
    let b = std::fs::read(out.join("khen-thuong.xlsx")).unwrap();
    assert_eq!(a, b, "run and rewards write the same workbook");
}

/// The toàn quận chart once started its axis at 38%, exaggerating the differences between the
/// blocs: the rate axis runs from 0% to 100%.
#[test]
fn the_district_chart_axis_starts_at_zero() {
    let (_dir, out) = demo_run();
    let bytes = std::fs::read(out.join("toan-quan.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/charts/chart1.xml").unwrap(), &mut xml)
        .unwrap();
    let scaling = &xml[xml.find("<c:valAx>").expect("a value axis")..];
    let scaling = &scaling[..scaling.find("</c:scaling>").expect("its scaling")];
    assert!(scaling.contains(r#"<c:min val="0"/>"#), "{scaling}");
    assert!(scaling.contains(r#"<c:max val="1"/>"#), "{scaling}");
}
