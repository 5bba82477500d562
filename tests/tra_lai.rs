//! The workbooks sent back to the units (SPEC §4 `tra-lai/<ma-don-vi>.xlsx`): every finding of a
//! unit has a highlighted, commented cell and a linked row in 'Cần sửa'; a clean unit gets no
//! file; `validate --tra-lai DIR` writes the same files; a finding without a cell, an unreadable
//! file, a linked `tra-lai/` folder and `run --force` after a unit is fixed.
//!
//! The workbooks are read back as Excel stores them (zip + XML): the notes in `xl/comments*.xml`,
//! the fills and fonts in `xl/styles.xml`, the links in each sheet's XML.

mod book;
mod common;

use common::printed::{attrs, cell_ref, part, tags, unescape};
use common::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Excel's light red fill of a cell with an error; light yellow of a cell with warnings only.
const ERROR_FILL: &str = "FFFFC7CE";
const WARNING_FILL: &str = "FFFFEB9C";

/// The fixes a row of 'Cần sửa' gives when the message has no sentence of its own for the fix.
const GENERIC_FIXES: [&str; 4] = [
    "Sửa theo lời giải thích ở cột 'Lỗi'.",
    "Kiểm tra lại cho đúng.",
    "Fix it as the explanation in the 'Lỗi' column says.",
    "Check that it is right.",
];

// ------------------------------------------------------------------------------ reading back

/// How a cell is drawn: its fill colour and whether its text is bold.
#[derive(Debug, Clone, Default)]
struct Look {
    fill: Option<String>,
    bold: bool,
}

#[derive(Debug, Default)]
struct Sheet {
    name: String,
    /// Every stored cell: its text (shared strings resolved) and its look.
    cells: HashMap<(u32, u32), (String, Look)>,
    /// Links by cell (`A1`): the place inside the workbook they lead to.
    links: HashMap<String, String>,
    /// Notes by cell (`A1`).
    notes: HashMap<String, String>,
}

impl Sheet {
    fn text(&self, row: u32, col: u32) -> &str {
        self.cells.get(&(row, col)).map_or("", |(t, _)| t.as_str())
    }
    fn look(&self, a1: &str) -> Look {
        self.cells
            .get(&cell_ref(a1))
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    }
}

/// A workbook sent back, sheet by sheet in order.
struct Returned {
    sheets: Vec<Sheet>,
}

impl Returned {
    fn sheet(&self, name: &str) -> &Sheet {
        self.sheets
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no sheet '{name}'"))
    }
}

fn styles(xml: &str) -> Vec<Look> {
    let mut fills: Vec<Option<String>> = Vec::new();
    let mut fonts: Vec<bool> = Vec::new();
    let mut looks = Vec::new();
    let mut section = "";
    for (name, inner, _) in tags(xml) {
        match name.as_str() {
            "fills" => section = "fills",
            "fonts" => section = "fonts",
            "cellXfs" => section = "xfs",
            "/fills" | "/fonts" | "/cellXfs" => section = "",
            "fill" if section == "fills" => fills.push(None),
            "fgColor" if section == "fills" => {
                if let Some(rgb) = attrs(&inner).get("rgb") {
                    *fills.last_mut().expect("a fill") = Some(rgb.clone());
                }
            }
            "font" if section == "fonts" => fonts.push(false),
            "b" if section == "fonts" => *fonts.last_mut().expect("a font") = true,
            "xf" if section == "xfs" => {
                let a = attrs(&inner);
                let fill: usize = a.get("fillId").map_or(0, |v| v.parse().unwrap());
                let font: usize = a.get("fontId").map_or(0, |v| v.parse().unwrap());
                looks.push(Look {
                    fill: fills[fill].clone(),
                    bold: fonts[font],
                });
            }
            _ => {}
        }
    }
    looks
}

fn read_returned(path: &Path) -> Returned {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx package");
    let workbook = part(&mut zip, "xl/workbook.xml").expect("workbook.xml");
    let rels = part(&mut zip, "xl/_rels/workbook.xml.rels").expect("workbook rels");
    let target_of = |rels: &str| -> HashMap<String, String> {
        tags(rels)
            .into_iter()
            .filter(|(n, _, _)| n == "Relationship")
            .map(|(_, inner, _)| {
                let a = attrs(&inner);
                (a["Id"].clone(), a["Target"].clone())
            })
            .collect()
    };
    let targets = target_of(&rels);
    let strings: Vec<String> = part(&mut zip, "xl/sharedStrings.xml")
        .map(|xml| {
            let mut out = Vec::new();
            let mut cur = String::new();
            for (name, _, text) in tags(&xml) {
                match name.as_str() {
                    "si" => cur.clear(),
                    "t" => cur.push_str(&unescape(&text)),
                    "/si" => out.push(std::mem::take(&mut cur)),
                    _ => {}
                }
            }
            out
        })
        .unwrap_or_default();
    let looks = styles(&part(&mut zip, "xl/styles.xml").expect("styles.xml"));
    let mut sheets = Vec::new();
    for (_, inner, _) in tags(&workbook).into_iter().filter(|(n, _, _)| n == "sheet") {
        let a = attrs(&inner);
        let target = targets[&a["r:id"]].clone();
        let xml = part(&mut zip, &format!("xl/{target}")).expect("a sheet part");
        let mut sheet = Sheet {
            name: a["name"].clone(),
            ..Sheet::default()
        };
        let mut current: Option<((u32, u32), usize, String)> = None;
        for (tag, inner, text) in tags(&xml) {
            match tag.as_str() {
                "c" => {
                    let a = attrs(&inner);
                    let at = cell_ref(&a["r"]);
                    let s: usize = a.get("s").map_or(0, |v| v.parse().unwrap());
                    let kind = a.get("t").cloned().unwrap_or_default();
                    sheet.cells.insert(at, (String::new(), looks[s].clone()));
                    if !inner.ends_with('/') {
                        current = Some((at, s, kind));
                    }
                }
                "v" | "t" => {
                    if let Some((at, _, kind)) = &current {
                        let value = match kind.as_str() {
                            "s" => strings[text.trim().parse::<usize>().unwrap()].clone(),
                            _ => unescape(&text),
                        };
                        sheet.cells.get_mut(at).expect("the cell").0 = value;
                    }
                }
                "/c" => current = None,
                "hyperlink" => {
                    let a = attrs(&inner);
                    if let Some(location) = a.get("location") {
                        sheet.links.insert(a["ref"].clone(), location.clone());
                    }
                }
                _ => {}
            }
        }
        // The notes: through the sheet's relationships.
        let sheet_file = target.rsplit('/').next().unwrap().to_string();
        let rels_name = format!("xl/worksheets/_rels/{sheet_file}.rels");
        if let Some(rels) = part(&mut zip, &rels_name) {
            for (_, comments) in target_of(&rels) {
                if !comments.contains("comments") {
                    continue;
                }
                let name = format!("xl/{}", comments.trim_start_matches("../"));
                let xml = part(&mut zip, &name).expect("a comments part");
                let mut at: Option<String> = None;
                for (tag, inner, text) in tags(&xml) {
                    match tag.as_str() {
                        "comment" => {
                            let r = attrs(&inner)["ref"].clone();
                            sheet.notes.insert(r.clone(), String::new());
                            at = Some(r);
                        }
                        "t" => {
                            if let Some(r) = &at {
                                sheet.notes.get_mut(r).unwrap().push_str(&unescape(&text));
                            }
                        }
                        "/comment" => at = None,
                        _ => {}
                    }
                }
            }
        }
        sheets.push(sheet);
    }
    Returned { sheets }
}

/// The rows of the 'Cần sửa' table: (row, [STT, Trang, Ô, Người, Lỗi, Cách sửa, Mức]).
fn fix_rows(fixes: &Sheet) -> Vec<(u32, [String; 7])> {
    let header = (0..20)
        .find(|&r| fixes.text(r, 0) == "STT")
        .expect("the header row of 'Cần sửa'");
    let labels: Vec<&str> = (0..7).map(|c| fixes.text(header, c)).collect();
    assert_eq!(
        labels,
        ["STT", "Trang", "Ô", "Người", "Lỗi", "Cách sửa", "Mức"]
    );
    let mut rows = Vec::new();
    let mut r = header + 1;
    while !fixes.text(r, 0).is_empty() {
        rows.push((
            r,
            std::array::from_fn(|c| fixes.text(r, c as u32).to_string()),
        ));
        r += 1;
    }
    rows
}

fn a1(row: u32, col: u32) -> String {
    book::a1(row as usize, col as usize)
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v[key].as_str()
}

/// The place a link leads to: (sheet, cell).
fn split_location(location: &str) -> (String, String) {
    let (sheet, cell) = location.rsplit_once('!').expect("sheet!cell");
    let sheet = sheet
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(sheet)
        .replace("''", "'");
    (sheet, cell.to_string())
}

/// Checks a workbook sent back against the findings of its file, in order: each has its row in
/// 'Cần sửa' (number, sheet, level, person, the message's words) and, when it names a sheet of
/// the file, a link to a highlighted cell whose note holds the whole message.
fn check_returned(path: &Path, findings: &[&Value]) {
    let wb = read_returned(path);
    assert_eq!(
        wb.sheets[0].name, "Cần sửa",
        "the first sheet lists the fixes"
    );
    let fixes = &wb.sheets[0];
    let rows = fix_rows(fixes);
    assert_eq!(
        rows.len(),
        findings.len(),
        "{}: one row per finding",
        path.display()
    );
    for (i, ((row, cols), f)) in rows.iter().zip(findings).enumerate() {
        let [stt, sheet, cell, person, wrong, fix, level] = cols;
        let message = str_of(f, "message").unwrap();
        let what = format!("{} row {} ({message})", path.display(), row + 1);
        assert_eq!(stt, &(i + 1).to_string(), "{what}");
        assert_eq!(sheet, str_of(f, "sheet").unwrap_or("—"), "{what}");
        let error = f["severity"] == "error";
        assert_eq!(level, if error { "Lỗi" } else { "Cảnh báo" }, "{what}");
        assert!(message.contains(wrong.as_str()), "{what}: '{wrong}'");
        assert!(
            message.contains(fix.as_str()) || GENERIC_FIXES.contains(&fix.as_str()),
            "{what}: '{fix}'"
        );
        if let Some(id) = str_of(f, "person") {
            assert!(person.contains(&format!("({id})")), "{what}: '{person}'");
        }
        let link = fixes.links.get(&a1(*row, 2));
        match (str_of(f, "sheet"), str_of(f, "cell")) {
            (Some(s), Some(c)) => {
                assert_eq!(cell, c, "{what}");
                let (to_sheet, to_cell) = split_location(link.expect("a link to the cell"));
                assert_eq!((to_sheet.as_str(), to_cell.as_str()), (s, c), "{what}");
                check_marked(wb.sheet(&to_sheet), &to_cell, message, error, &what);
            }
            (Some(s), None) => {
                assert_eq!(cell, "cả trang", "{what}");
                let (to_sheet, to_cell) = split_location(link.expect("a link to the sheet"));
                assert_eq!(to_sheet, s, "{what}");
                check_marked(wb.sheet(&to_sheet), &to_cell, message, error, &what);
                let note = &wb.sheet(&to_sheet).notes[&to_cell];
                assert!(
                    note.contains("Cả trang"),
                    "{what}: the note says so: {note}"
                );
            }
            (None, _) => {
                assert_eq!(cell, "cả tệp", "{what}");
                assert!(link.is_none(), "{what}: nothing to link to");
            }
        }
    }
}

/// The cell is filled (red with an error on it, else yellow), bold, and its note holds `message`.
fn check_marked(sheet: &Sheet, cell: &str, message: &str, error: bool, what: &str) {
    let look = sheet.look(cell);
    let note = sheet
        .notes
        .get(cell)
        .unwrap_or_else(|| panic!("{what}: no note on {}!{cell}", sheet.name));
    assert!(note.contains(message), "{what}: note of {cell}: {note}");
    let fill = look.fill.as_deref();
    if error {
        assert_eq!(fill, Some(ERROR_FILL), "{what}: {}!{cell}", sheet.name);
    } else {
        assert!(
            fill == Some(ERROR_FILL) || fill == Some(WARNING_FILL),
            "{what}: {}!{cell} {fill:?}",
            sheet.name
        );
    }
    assert!(look.bold, "{what}: {}!{cell} in bold", sheet.name);
}

fn ket_qua(out: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(out.join("ket-qua.json")).unwrap()).unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// ------------------------------------------------------------------------------ the demo quarter

/// The acceptance test (SPEC §4): `run examples/2024-Q1 -o OUT`; each `tra-lai/` workbook is
/// checked against `ket-qua.json`'s findings of its unit, and a clean unit gets no file. In both
/// languages: the sheets' labels stay Vietnamese, the messages follow `--lang`.
#[test]
fn every_finding_of_a_unit_has_a_highlighted_commented_cell_and_a_linked_row() {
    for lang in ["vi", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let o = run_raw(&["--lang", lang, "run", arg(&demo_dir()), "-o", arg(&out)]);
        assert_eq!(exit_code(&o), 1, "the demo holds errors: {}", stderr(&o));
        let doc = ket_qua(&out);
        let findings = doc["findings"].as_array().unwrap();
        let mut expected = Vec::new();
        for u in doc["units"].as_array().unwrap() {
            let source = u["source"].as_str().unwrap();
            let code = u["code"].as_str().unwrap().to_lowercase();
            let path = out.join("tra-lai").join(format!("{code}.xlsx"));
            let mine: Vec<&Value> = findings.iter().filter(|f| f["file"] == source).collect();
            if mine.is_empty() {
                assert!(!path.exists(), "{lang}: the clean unit {code} gets no file");
                continue;
            }
            expected.push(format!("{code}.xlsx"));
            check_returned(&path, &mine);
        }
        assert_eq!(
            expected,
            ["ubbd.xlsx"],
            "{lang}: the demo's one unit with findings"
        );
        assert_eq!(files_in(&out.join("tra-lai")), expected, "{lang}");
        // The run lists it among its outputs (and its manifest, for --force).
        let manifest = std::fs::read_to_string(out.join(".danhgia-manifest.json")).unwrap();
        assert!(manifest.contains("\"tra-lai/ubbd.xlsx\""), "{manifest}");
        // The summary names the folder, one line (SPEC §4: outputs one line per folder).
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(
            stdout
                .lines()
                .any(|l| l.trim_start().starts_with("tra-lai/")),
            "{stdout}"
        );
        // Two findings on one cell (the unknown rating, and the leader it leaves undecided):
        // one note listing both.
        let wb = read_returned(&out.join("tra-lai/ubbd.xlsx"));
        let note = &wb.sheet("Danh sách").notes["J9"];
        assert!(
            note.starts_with("1. Lỗi (rating-unknown)")
                && note.contains("\n2. Lỗi (scope-unknown)"),
            "{note}"
        );
        let english = note.contains("is not recognised");
        assert_eq!(english, lang == "en", "{lang}: {note}");
    }
}

/// The unit's own sheets are copied: values, dates as dates, the header row in bold.
#[test]
fn the_units_sheets_are_copied_with_their_values() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = run_raw(&["run", arg(&demo_dir()), "-o", arg(&out)]);
    assert_eq!(exit_code(&o), 1, "{}", stderr(&o));
    let wb = read_returned(&out.join("tra-lai/ubbd.xlsx"));
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Cần sửa", "Thông tin", "Danh sách", "Mẫu 03", "Mẫu 05"]
    );
    let info = wb.sheet("Thông tin");
    assert_eq!(info.text(0, 1), "UBND phường Bồ Đề");
    let list = wb.sheet("Danh sách");
    let header = (0..20).find(|&r| list.text(r, 0) == "STT").unwrap();
    assert!(list.look(&a1(header, 2)).bold, "the header row is bold");
    assert_eq!(list.text(header + 1, 1), "UBBD01");
    // The faulty value as the unit wrote it.
    assert_eq!(list.text(8, 9), "Giỏi");
    // A score stays a number.
    let m05 = wb.sheet("Mẫu 05");
    assert_eq!(m05.text(22, 28), "8.3");
}

// ------------------------------------------------------------------------------ validate --tra-lai

/// `validate --tra-lai DIR` writes the very files `run` writes into `tra-lai/`; DIR is made when
/// missing; stdout keeps the report alone.
#[test]
fn validate_writes_the_same_workbooks_into_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert_eq!(
        exit_code(&run_raw(&["run", arg(&demo_dir()), "-o", arg(&out)])),
        1
    );
    let dir = tmp.path().join("gui-lai/quy-1");
    let o = run_raw(&[
        "validate",
        arg(&demo_dir()),
        "--format",
        "json",
        "--tra-lai",
        arg(&dir),
    ]);
    assert_eq!(exit_code(&o), 1, "{}", stderr(&o));
    let doc = parse_json(&o);
    assert_eq!(doc["schema"], "danhgia/kiem-tra/v1");
    assert!(
        stderr(&o).contains("đã ghi 1 tệp trả lại"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files_in(&dir), ["ubbd.xlsx"]);
    assert_eq!(
        std::fs::read(dir.join("ubbd.xlsx")).unwrap(),
        std::fs::read(out.join("tra-lai/ubbd.xlsx")).unwrap(),
        "the same bytes as run's"
    );
}

/// DIR is never an input folder's sub-folder (the next check would read the workbooks sent back
/// as units'), and no workbook sent back ever replaces an input.
#[test]
fn validate_never_writes_among_its_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let ubbd = input.join("ubbd.xlsx");
    std::fs::copy(demo_dir().join("UBBD-ubnd-phuong-bo-de.xlsx"), &ubbd).unwrap();
    let before = std::fs::read(&ubbd).unwrap();

    let o = run_raw(&[
        "validate",
        arg(&input),
        "--tra-lai",
        arg(&input.join("tra-lai")),
    ]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("nằm trong thư mục đầu vào"),
        "{}",
        stderr(&o)
    );
    assert!(!input.join("tra-lai").exists());

    // The input named alone, DIR its folder: ubbd.xlsx would be written over.
    let o = run_raw(&["validate", arg(&ubbd), "--tra-lai", arg(&input)]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("đó là tệp đầu vào"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&ubbd).unwrap(), before);

    // DIR a file.
    let o = run_raw(&[
        "--lang",
        "en",
        "validate",
        arg(&ubbd),
        "--tra-lai",
        arg(&ubbd),
    ]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is a file, not a directory"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&ubbd).unwrap(), before);
}

// ------------------------------------------------------------------------------ special cases

/// A finding with a sheet but no cell (no header row in `Danh sách`) marks the sheet's header row
/// and says so; the file of a unit that cannot be evaluated is named after the file.
#[test]
fn a_finding_without_a_cell_marks_the_header_row() {
    let tmp = tempfile::tempdir().unwrap();
    let mut unit = book::Unit::new("TN", 3);
    unit.rename("Mã CB", "Số hiệu")
        .rename("Họ và tên", "Tên gọi");
    let input = unit.save(tmp.path(), "so-tn.xlsx");
    let dir = tmp.path().join("tra-lai");
    let o = run_raw(&[
        "validate",
        arg(&input),
        "--format",
        "json",
        "--tra-lai",
        arg(&dir),
    ]);
    assert_eq!(exit_code(&o), 1, "{}", stderr(&o));
    let doc = parse_json(&o);
    let findings: Vec<&Value> = doc["findings"].as_array().unwrap().iter().collect();
    assert!(
        findings.iter().any(|f| f["code"] == "column-missing"
            && f["sheet"] == "Danh sách"
            && f["cell"].is_null()),
        "{findings:#?}"
    );
    // Not evaluated (no header row in `Danh sách`): named after the file.
    assert_eq!(files_in(&dir), ["so-tn.xlsx"]);
    check_returned(&dir.join("so-tn.xlsx"), &findings);
    let wb = read_returned(&dir.join("so-tn.xlsx"));
    let list = wb.sheet("Danh sách");
    let header = (0..20).find(|&r| list.text(r, 0) == "STT").unwrap();
    assert!(
        list.notes.contains_key(&a1(header, 0)),
        "{:?}",
        list.notes.keys()
    );
}

/// A file that cannot be read gets a 'Cần sửa' sheet alone, named after the file; the readable
/// units beside it are unaffected.
#[test]
fn an_unreadable_file_gets_the_fixes_sheet_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixture("hop-le.xlsx"), input.join("hop-le.xlsx")).unwrap();
    std::fs::copy(fixture("rong.xlsx"), input.join("Sổ Phòng Y tế.xlsx")).unwrap();
    let out = tmp.path().join("out");
    let o = run_raw(&["run", arg(&input), "-o", arg(&out)]);
    assert_eq!(exit_code(&o), 1, "{}", stderr(&o));
    assert_eq!(files_in(&out.join("tra-lai")), ["so-phong-y-te.xlsx"]);
    let path = out.join("tra-lai/so-phong-y-te.xlsx");
    let doc = ket_qua(&out);
    let findings: Vec<&Value> = doc["findings"].as_array().unwrap().iter().collect();
    assert!(findings.iter().all(|f| f["code"] == "file-unreadable"));
    check_returned(&path, &findings);
    let wb = read_returned(&path);
    assert_eq!(wb.sheets.len(), 1, "nothing to copy");
    let text: Vec<&str> = wb.sheets[0]
        .cells
        .values()
        .map(|(t, _)| t.as_str())
        .collect();
    assert!(
        text.iter().any(|t| t.contains("Sổ Phòng Y tế.xlsx")),
        "{text:?}"
    );
}

/// A monthly rating list with a finding gets its own workbook, named after the file.
#[test]
fn a_monthly_list_with_a_finding_is_sent_back_on_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tra-lai");
    let input = fixture("danh-sach-thang/mau-thuan");
    let o = run_raw(&[
        "validate",
        arg(&input),
        "--format",
        "json",
        "--tra-lai",
        arg(&dir),
    ]);
    assert_eq!(exit_code(&o), 1, "{}", stderr(&o));
    let doc = parse_json(&o);
    let findings: Vec<&Value> = doc["findings"].as_array().unwrap().iter().collect();
    assert!(findings
        .iter()
        .all(|f| path_ends_with(f["file"].as_str().unwrap(), "xep-loai-thang-2.xlsx")));
    assert_eq!(files_in(&dir), ["xep-loai-thang-2.xlsx"]);
    check_returned(&dir.join("xep-loai-thang-2.xlsx"), &findings);
}

// ------------------------------------------------------------------------------ run's OUTDIR

/// `run --force` after the unit fixed its workbook: the stale workbook sent back goes, with its
/// folder, and the run says so.
#[test]
fn force_removes_the_stale_workbook_of_a_unit_now_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let so = input.join("so.xlsx");
    std::fs::copy(fixture("diem-buoc.xlsx"), &so).unwrap();
    let out = tmp.path().join("out");
    let o = run_raw(&["run", arg(&input), "-o", arg(&out)]);
    assert_eq!(exit_code(&o), 1, "{}", stderr(&o));
    assert_eq!(files_in(&out.join("tra-lai")), ["tn.xlsx"]);

    std::fs::copy(fixture("hop-le.xlsx"), &so).unwrap();
    let o = run_raw(&["run", arg(&input), "-o", arg(&out), "--force"]);
    assert_eq!(exit_code(&o), 0, "{}", stderr(&o));
    assert!(!out.join("tra-lai").exists(), "{:?}", files_in(&out));
    let manifest = std::fs::read_to_string(out.join(".danhgia-manifest.json")).unwrap();
    assert!(!manifest.contains("tra-lai"), "{manifest}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("Đã xóa") && stdout.contains("tra-lai/tn.xlsx"),
        "{stdout}"
    );
}

/// `OUTDIR/tra-lai` that is a link is refused like `don-vi/`: the workbooks could land anywhere,
/// even among the inputs.
#[cfg(unix)]
#[test]
fn run_never_writes_through_a_linked_tra_lai_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixture("diem-buoc.xlsx"), input.join("so.xlsx")).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink("../in", out.join("tra-lai")).unwrap();
    let o = run_raw(&["run", arg(&input), "-o", arg(&out), "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("tra-lai"), "{}", stderr(&o));
    assert_eq!(files_in(&input), ["so.xlsx"]);
}

/// A user's own file where a workbook sent back goes is never replaced (SPEC §4 `--force`).
#[test]
fn run_force_never_replaces_a_users_file_in_tra_lai() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(fixture("diem-buoc.xlsx"), input.join("so.xlsx")).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(out.join("tra-lai")).unwrap();
    std::fs::write(out.join("tra-lai/tn.xlsx"), "của tôi").unwrap();
    let o = run_raw(&["run", arg(&input), "-o", arg(&out), "--force"]);
    assert_eq!(exit_code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("tra-lai/tn.xlsx"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("tra-lai/tn.xlsx")).unwrap(),
        "của tôi"
    );
}
