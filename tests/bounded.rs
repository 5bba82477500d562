//! Issue 10, "A hostile or broken file can never take down the batch" (SPEC §7, §8 "Bounded"):
//! every number of a profile is checked when it loads, and the profile's scale is the one the
//! scores are read on; numbers typed by hand in a mẫu 07 never wrap or panic; text at Excel's
//! 32 767-character limit never fails a run.

mod book;
mod common;

use book::*;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use toml::Value as Toml;

// ------------------------------------------------------------------------------------ helpers

/// The default profile (`danhgia profile show`) with some keys changed, saved in `dir`.
fn profile_with(dir: &Path, edits: &[(&str, Toml)]) -> PathBuf {
    let out = run_raw(&["profile", "show"]);
    assert_eq!(exit_code(&out), 0);
    let mut root: toml::Table = toml::from_str(&String::from_utf8(out.stdout).expect("UTF-8"))
        .expect("profile show prints TOML");
    for (key, value) in edits {
        let (table, name) = key.split_once('.').expect("a dotted key");
        root[table]
            .as_table_mut()
            .unwrap_or_else(|| panic!("no table {table}"))
            .insert(name.to_string(), value.clone());
    }
    let path = dir.join("ho-so.toml");
    std::fs::write(&path, toml::to_string(&root).expect("TOML")).expect("write profile");
    path
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The findings of a document as (code, cell, message).
fn codes(doc: &Value) -> Vec<(String, String, String)> {
    finding_values(doc)
        .iter()
        .map(|f| {
            (
                str_field(f, "code").to_string(),
                opt_str(f, "cell").unwrap_or_default(),
                str_field(f, "message").to_string(),
            )
        })
        .collect()
}

// ------------------------------------------------------------------------------------ profiles

#[test]
fn run_with_a_profile_number_out_of_range_exits_2_naming_the_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (key, value) in [
        ("rules.absence_days", Toml::Integer(0)),
        ("reward.rate", Toml::String("50".into())),
        ("reward.rate", Toml::String("-0.3".into())),
        ("scale.max", Toml::Integer(0)),
        ("reward.round_up", Toml::Integer(-10_000)),
    ] {
        let profile = profile_with(dir.path(), &[(key, value.clone())]);
        let out_dir = dir.path().join("ket-qua");
        let out = run_raw(&[
            "run",
            arg(&demo_dir()),
            "-o",
            arg(&out_dir),
            "--profile",
            arg(&profile),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(exit_code(&out), 2, "{key} = {value}: {stderr}");
        assert!(
            stderr.contains(&format!("'{key}'")) && stderr.contains("cần"),
            "{key} = {value}: the key and what is accepted: {stderr}"
        );
        assert!(
            !out_dir.exists(),
            "{key} = {value}: nothing is written with a bad profile"
        );
    }
}

#[test]
fn the_profile_scale_is_the_scale_scores_are_read_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Scale 1–5: the thresholds must lie on it too.
    let five = profile_with(
        dir.path(),
        &[
            ("scale.max", Toml::Integer(5)),
            ("rules.mandatory_min", Toml::Integer(5)),
            ("rules.other_min", Toml::Integer(4)),
        ],
    );
    let mut unit = Unit::new("TN", 2);
    for p in unit.people.iter_mut() {
        p.all_scores(5.0);
    }
    unit.person("TN02").score(25, Cell::Num(7.0));
    unit.person("TN03").score(26, Cell::Num(4.5));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = validate(&[&path], &["--profile", arg(&five)]);
    let found = codes(&doc);
    assert_eq!(code, 1, "{found:?}");
    assert_eq!(found.len(), 1, "one finding: {found:?}");
    let (c, cell, message) = &found[0];
    assert_eq!(
        (c.as_str(), cell.as_str()),
        ("score-out-of-range", unit.score_cell("TN02", 25).as_str())
    );
    assert!(message.contains("từ 1 đến 5"), "{message}");
    let (_, doc) = evaluate(&[&path], &["--profile", arg(&five)]);
    assert_eq!(str_field(person(&doc, "TN03"), "status"), "dat");
    assert_eq!(person(&doc, "TN03")["total"], 149.5);
    assert_eq!(str_field(person(&doc, "TN02"), "status"), "loi");

    // Scale 1–20: 15 is a score, 21 is not.
    let twenty = profile_with(
        dir.path(),
        &[
            ("scale.max", Toml::Integer(20)),
            ("rules.mandatory_min", Toml::Integer(20)),
            ("rules.other_min", Toml::Integer(15)),
        ],
    );
    let mut unit = Unit::new("TN", 2);
    for p in unit.people.iter_mut() {
        p.all_scores(20.0);
    }
    unit.person("TN02").score(25, Cell::Num(15.0));
    unit.person("TN03").score(26, Cell::Num(19.5));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = evaluate(&[&path], &["--profile", arg(&twenty)]);
    assert_eq!(code, 0, "{:?}", codes(&doc));
    assert_eq!(str_field(person(&doc, "TN02"), "status"), "dat");
    assert_eq!(person(&doc, "TN02")["total"], 595);
    assert_eq!(person(&doc, "TN03")["total"], 599.5);
    unit.person("TN02").score(25, Cell::Num(21.0));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = validate(&[&path], &["--profile", arg(&twenty)]);
    assert_eq!(code, 1);
    let found = codes(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "score-out-of-range");
    assert!(found[0].2.contains("từ 1 đến 20"), "{}", found[0].2);
    // With the default profile, 15 is outside the scale.
    unit.person("TN02").score(25, Cell::Num(15.0));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = validate(&[&path], &[]);
    assert_eq!(code, 1);
    assert!(
        codes(&doc)
            .iter()
            .all(|(c, _, _)| c == "score-out-of-range"),
        "{:?}",
        codes(&doc)
    );
}

// ------------------------------------------------------------------------------------ mẫu 07

use common::Typed as N;

/// A mẫu 07 re-typed by hand (title, bloc, header on row 4, one row per unit from row 5).
fn hand_mau07(path: &Path, bloc: &str, rows: &[(String, [N; 5])]) {
    common::hand_typed_mau07(path, bloc, "QUÝ I NĂM 2024", rows);
}

fn nums(n: [f64; 5]) -> [N; 5] {
    n.map(N::Num)
}

/// `danhgia merge`: (exit code, stdout: the findings as `validate` prints them).
fn merge(files: &[PathBuf], out: &Path) -> (i32, String) {
    let o = danhgia()
        .arg("merge")
        .args(files)
        .arg("-o")
        .arg(out)
        .output()
        .expect("danhgia runs");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        exit_code(&o),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

/// The findings of merging these files, from the library: (code, file name, cell, message).
fn merge_findings(files: &[PathBuf]) -> Vec<(String, String, String, String)> {
    let named: Vec<(PathBuf, String)> = files
        .iter()
        .map(|p| {
            (
                p.clone(),
                p.file_name().unwrap().to_string_lossy().into_owned(),
            )
        })
        .collect();
    let merged = danhgia::merge::merge(&named, &danhgia::profile::Profile::default_profile());
    merged
        .findings
        .iter()
        .map(|f| {
            (
                f.detail.code().as_str().to_string(),
                f.file.clone(),
                f.cell.clone().unwrap_or_default(),
                f.detail.message(danhgia::i18n::Lang::Vi),
            )
        })
        .collect()
}

/// The "TỔNG CỘNG TOÀN QUẬN" row of a toàn quận workbook: people, not evaluated, evaluated, đạt,
/// không đạt.
fn district_total(path: &Path) -> [f64; 5] {
    use calamine::{open_workbook_auto, Data, Reader};
    let mut wb = open_workbook_auto(path).expect("toan-quan.xlsx opens");
    let range = wb
        .worksheet_range("Toàn quận")
        .expect("the sheet Toàn quận");
    let row = range
        .rows()
        .find(|r| matches!(r.first(), Some(Data::String(s)) if s.starts_with("TỔNG CỘNG")))
        .expect("a district total row");
    [2, 3, 4, 5, 7].map(|c| match &row[c] {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    })
}

#[test]
fn a_hand_typed_count_beyond_any_real_one_is_a_finding_and_not_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("chinh-quyen.xlsx");
    hand_mau07(
        &a,
        "Chính quyền",
        &[
            ("Phòng Nội vụ".into(), nums([10.0, 0.0, 10.0, 4.0, 6.0])),
            // 2^32 − 1 typed as text: once read as a u32, it wrapped the district totals.
            (
                "Phòng Y tế".into(),
                [
                    N::Text("4294967295"),
                    N::Num(0.0),
                    N::Text("4294967295"),
                    N::Num(1.0),
                    N::Text("4294967294"),
                ],
            ),
            (
                "Phòng Tư pháp".into(),
                [
                    N::Num(-5.0),
                    N::Num(0.0),
                    N::Num(12.5),
                    N::Text("-3"),
                    N::Num(1e10),
                ],
            ),
        ],
    );
    let b = dir.path().join("truong-hoc.xlsx");
    // Numbers below the old limit of 10^9 whose sum passed 2^32.
    hand_mau07(
        &b,
        "Trường học",
        &[
            (
                "Trường Tiểu học A".into(),
                nums([30.0, 0.0, 30.0, 9.0, 21.0]),
            ),
            ("Trường Tiểu học B".into(), nums([9e8, 0.0, 9e8, 4e8, 5e8])),
            ("Trường Tiểu học C".into(), nums([9e8, 0.0, 9e8, 4e8, 5e8])),
            (
                "Trường Tiểu học D".into(),
                nums([10_000_001.0, 1.0, 10_000_000.0, 0.0, 10_000_000.0]),
            ),
        ],
    );
    let out = dir.path().join("tq.xlsx");
    let files = [a, b];
    let (code, text) = merge(&files, &out);
    assert_eq!(code, 1, "{text}");
    let found = merge_findings(&files);
    let mut cells: Vec<String> = found
        .iter()
        .map(|(code, file, cell, _)| format!("{code} {file} {cell}"))
        .collect();
    cells.sort();
    let mut want: Vec<String> = [
        ("chinh-quyen", "C6"), // Phòng Y tế
        ("chinh-quyen", "E6"),
        ("chinh-quyen", "H6"),
        ("chinh-quyen", "C7"), // Phòng Tư pháp
        ("chinh-quyen", "E7"),
        ("chinh-quyen", "F7"),
        ("chinh-quyen", "H7"),
        ("truong-hoc", "C6"), // Trường Tiểu học B
        ("truong-hoc", "E6"),
        ("truong-hoc", "F6"),
        ("truong-hoc", "H6"),
        ("truong-hoc", "C7"), // Trường Tiểu học C
        ("truong-hoc", "E7"),
        ("truong-hoc", "F7"),
        ("truong-hoc", "H7"),
        ("truong-hoc", "C8"), // Trường Tiểu học D
    ]
    .iter()
    .map(|(f, c)| format!("info-missing {f}.xlsx {c}"))
    // Neither bloc sent its list of people đạt (a warning about the whole list, no cell).
    .chain(["chinh-quyen", "truong-hoc"].map(|f| format!("list-missing {f}.xlsx ")))
    .collect();
    want.sort();
    assert_eq!(cells, want, "{text}");
    let message = &found
        .iter()
        .find(|(_, f, c, _)| f == "chinh-quyen.xlsx" && c == "C6")
        .expect("the finding on 4294967295")
        .3;
    assert!(message.contains("'4294967295'"), "{message}");
    assert!(
        message.contains("0 đến 10.000.000") && message.contains("không được cộng"),
        "{message}"
    );
    // Only the rows that hold real counts are in the district total.
    assert_eq!(district_total(&out), [40.0, 0.0, 40.0, 13.0, 27.0]);
}

#[test]
fn district_totals_past_u32_are_exact() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two blocs of 215 units of 10 000 000 people: 4 300 000 000 in all, past u32::MAX.
    let rows = |prefix: &str| -> Vec<(String, [N; 5])> {
        (1..=215)
            .map(|i| (format!("{prefix} {i}"), nums([1e7, 0.0, 1e7, 5e6, 5e6])))
            .collect()
    };
    let a = dir.path().join("chinh-quyen.xlsx");
    hand_mau07(&a, "Chính quyền", &rows("Phường"));
    let b = dir.path().join("truong-hoc.xlsx");
    hand_mau07(&b, "Trường học", &rows("Trường"));
    let out = dir.path().join("tq.xlsx");
    let (code, text) = merge(&[a, b], &out);
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        district_total(&out),
        [4.3e9, 0.0, 4.3e9, 2.15e9, 2.15e9],
        "summed exactly, never modulo 2^32"
    );
}

// ------------------------------------------------------------------------------------ long text

/// Excel's limit on a cell, in UTF-16 units.
const CELL_MAX: usize = 32_767;
/// The end of a text shortened to fit a cell.
const SHORTENED: &str = "… (cắt bớt, xem ket-qua.json hoặc sổ gốc)";

/// A text of exactly `CELL_MAX` characters (all in the Basic Multilingual Plane: one UTF-16
/// unit each), starting with `head`.
fn at_the_limit(head: &str) -> String {
    let text: String = std::iter::once(head.to_string())
        .chain(std::iter::repeat(" rất dài, có dấu tiếng Việt".to_string()))
        .flat_map(|s| s.chars().collect::<Vec<_>>())
        .take(CELL_MAX)
        .collect();
    assert_eq!(text.encode_utf16().count(), CELL_MAX);
    text
}

/// Every text cell of every sheet of a workbook.
fn text_cells(path: &Path) -> Vec<String> {
    use calamine::{open_workbook_auto, Data, Reader};
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("a sheet");
        for row in range.rows() {
            for c in row {
                if let Data::String(s) = c {
                    out.push(s.clone());
                }
            }
        }
    }
    out
}

/// The cells of a workbook that start with `head` (a text of `CELL_MAX` characters): each is
/// either that text, written whole, or the start of it, within the limit, ending with the note.
/// (An official document shortens a text to what its tallest row prints — Excel's rows stop at
/// 409 points — so the kept start is as long as the cell shows, not the 32 767 a cell holds.)
/// Returns how many were shortened.
fn assert_within(path: &Path, full: &str, head: &str) -> usize {
    let cells = text_cells(path);
    let found: Vec<&String> = cells.iter().filter(|c| c.starts_with(head)).collect();
    assert!(
        !found.is_empty(),
        "{}: no cell starts with {head:?}",
        path.display()
    );
    let mut shortened = 0;
    for c in found {
        let n = c.encode_utf16().count();
        assert!(n <= CELL_MAX, "{}: {n} units", path.display());
        if c.as_str() != full {
            assert!(
                c.ends_with(SHORTENED) && kept_from(c, full) && c.chars().count() > 300,
                "{}: {head:?}… is whole or ends with the note: {n} units, ending {:?}",
                path.display(),
                c.chars()
                    .skip(c.chars().count().saturating_sub(60))
                    .collect::<String>()
            );
            shortened += 1;
        }
    }
    shortened
}

/// The text kept before the note ends with a piece of `full` (the kept start of it).
fn kept_from(cell: &str, full: &str) -> bool {
    let kept: Vec<char> = cell.trim_end_matches(SHORTENED).chars().collect();
    let tail: String = kept[kept.len().saturating_sub(40)..].iter().collect();
    full.contains(tail.trim_end())
}

/// A unit whose name and one person's `Ghi chú` are 32 767 characters long, and one person's
/// `Chức vụ` too. TN02 is absent (not evaluated, so the note shows in mẫu 06); TN03 is proposed
/// for the reward.
struct Long {
    input: PathBuf,
    name: String,
    note: String,
    title: String,
}

fn long_unit(dir: &Path) -> Long {
    let name = at_the_limit("Phòng Thử nghiệm");
    let note = at_the_limit("Nghỉ thai sản");
    let title = at_the_limit("Chuyên viên chính");
    let mut unit = Unit::new("TN", 7);
    unit.name = t(&name);
    unit.columns.push(GHI_CHU);
    unit.person("TN02")
        .set(SO_NGAY_NGHI, Cell::Num(20.0))
        .text(GHI_CHU, &note);
    unit.person("TN04")
        .text(GHI_CHU, &at_the_limit("Ghi chú của người đạt"));
    unit.person("TN03").title = title.clone();
    let name3 = unit.get("TN03").name.clone();
    unit.propose(&[("TN03", &name3, 1)]);
    Long {
        input: unit.save(dir, "don-vi.xlsx"),
        name,
        note,
        title,
    }
}

#[test]
fn text_at_excels_limit_never_fails_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = long_unit(dir.path());
    let out = dir.path().join("ket-qua");
    let o = run_raw(&["run", arg(&long.input), "-o", arg(&out)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(exit_code(&o), 0, "the data holds no error: {stderr}");
    for f in [
        "don-vi/tn-mau-06.xlsx",
        "khoi/chinh-quyen-mau-07.xlsx",
        "toan-quan.xlsx",
        "khen-thuong.xlsx",
        "khen-thuong.json",
        "ket-qua.json",
        "loi.csv",
    ] {
        assert!(out.join(f).is_file(), "{f} is written");
    }
    let mau06 = out.join("don-vi/tn-mau-06.xlsx");
    // The unit name, upper-cased in the heading, fits as it is.
    assert_within(
        &mau06,
        &long.name.to_uppercase(),
        "PHÒNG THỬ NGHIỆM RẤT DÀI",
    );
    assert_within(&mau06, &long.title, "Chuyên viên chính");
    // The note of the absent person follows the reason: shortened, with the note.
    let reason = "Nghỉ từ 15 ngày làm việc trở lên trong quý (không đánh giá); Nghỉ thai sản";
    assert_eq!(assert_within(&mau06, &long.note, reason), 1);
    for f in [
        "khoi/chinh-quyen-mau-07.xlsx",
        "toan-quan.xlsx",
        "khen-thuong.xlsx",
    ] {
        assert_within(&out.join(f), &long.name, "Phòng Thử nghiệm rất dài");
        assert_within(&out.join(f), &long.title, "Chuyên viên chính");
    }
    // No finding: nothing to send back.
    assert!(!out.join("tra-lai").exists());
    // The full text stays in the results document.
    let doc: Value =
        serde_json::from_slice(&std::fs::read(out.join("ket-qua.json")).unwrap()).unwrap();
    assert_eq!(doc["units"][0]["unit"].as_str(), Some(long.name.as_str()));
    assert_eq!(
        doc["units"][0]["summary"]["not_evaluated"], 1,
        "TN02 is not evaluated"
    );
}

/// The workbook sent back copies cells at the limit and words findings about a person whose
/// name is at the limit: cells and notes stay within Excel's limits, shortened with the note.
#[test]
fn text_at_excels_limit_never_fails_the_workbook_sent_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = at_the_limit("Lê Minh Cường");
    let unit_name = at_the_limit("Phòng Thử nghiệm");
    let mut unit = Unit::new("TN", 5);
    unit.name = t(&unit_name);
    unit.person("TN03").name = name.clone();
    unit.person("TN03").score(5, Cell::Num(8.3));
    let input = unit.save(dir.path(), "don-vi.xlsx");
    let out = dir.path().join("ket-qua");
    let o = run_raw(&["run", arg(&input), "-o", arg(&out)]);
    assert_eq!(exit_code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let back = out.join("tra-lai/tn.xlsx");
    // The heading of 'Cần sửa', the unit's own cells, and the person of the finding.
    assert!(assert_within(&back, &unit_name, "Phòng Thử nghiệm rất dài") >= 1);
    assert!(assert_within(&back, &name, "Lê Minh Cường rất dài") >= 1);
    // The notes: within a cell's limit less the room kept for an author, ending with the note.
    let file = std::fs::File::open(&back).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let notes: Vec<String> = (0..zip.len())
        .filter_map(|i| {
            let mut f = zip.by_index(i).ok()?;
            let is_notes = f.name().ok()?.starts_with("xl/comments");
            if !is_notes {
                return None;
            }
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut f, &mut xml).ok()?;
            Some(xml)
        })
        .collect();
    assert!(!notes.is_empty(), "the faulty score has a note");
    let mut shortened = 0;
    for xml in notes {
        for piece in xml.split("<t>").skip(1) {
            let text = piece.split("</t>").next().unwrap();
            let units = text.encode_utf16().count();
            assert!(units <= CELL_MAX - 54, "{units} units");
            if text.contains("Lê Minh Cường rất dài") {
                assert!(text.ends_with(SHORTENED), "{}", &text[text.len() - 80..]);
                shortened += 1;
            }
        }
    }
    assert!(shortened >= 1, "the note naming the person is shortened");
}

#[test]
fn text_at_excels_limit_never_fails_rewards() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = long_unit(dir.path());
    // A second unit, too small for a reward (its cap is 0): the reward list explains why,
    // naming it.
    let small_name = at_the_limit("Ban Nhỏ");
    let mut small = Unit::with_names("NH", 2, 10);
    small.name = t(&small_name);
    let small = small.save(dir.path(), "nho.xlsx");
    let kt = dir.path().join("khen-thuong.xlsx");
    let o = run_raw(&["rewards", arg(&long.input), arg(&small), "-o", arg(&kt)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(exit_code(&o), 0, "{stderr}");
    assert_within(&kt, &long.name, "Phòng Thử nghiệm rất dài");
    assert_within(&kt, &long.title, "Chuyên viên chính");
    assert_within(&kt, &small_name, "Ban Nhỏ");
    let shortened = text_cells(&kt)
        .iter()
        .filter(|c| c.contains("Ban Nhỏ rất dài") && c.ends_with(SHORTENED))
        .count();
    assert!(shortened >= 1, "the note on the cap of 0 is shortened");
    // The reward document holds the whole names.
    let (code, doc) = run_json("rewards", &[&long.input, &small], &[]);
    assert_eq!(code, 0);
    let names: Vec<&str> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    assert!(names.contains(&long.name.as_str()) && names.contains(&small_name.as_str()));
    assert_eq!(doc["people"], 1);
}
