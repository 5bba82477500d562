//! `danhgia template` (issue 5): the unit workbook and the individual score sheets. Every test
//! runs the real binary; workbooks are read back with calamine (cells), the zip crate (the raw
//! XML: validations, protection, conditional formats) and filled in with umya-spreadsheet, the
//! way a unit's clerk would fill them in Excel, before `danhgia validate` checks them.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;

// ------------------------------------------------------------------------------------- helpers

/// Runs `danhgia template <args>` and checks it succeeded; returns stdout.
fn template(args: &[&str]) -> String {
    let out = run_raw(&[&["template"], args].concat());
    assert_eq!(
        exit_code(&out),
        0,
        "template {args:?} failed\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `danhgia template <args>` expecting exit 2; returns stderr.
fn template_fails(args: &[&str]) -> String {
    let out = run_raw(&[&["template"], args].concat());
    assert_eq!(
        exit_code(&out),
        2,
        "template {args:?} should fail with exit 2\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// A1 address of a zero-based (row, column).
fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        letters.push((b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// The cells of one sheet as text, by zero-based (row, column).
struct Grid(BTreeMap<(u32, u32), String>);

impl Grid {
    fn read(path: &Path, sheet: &str) -> Grid {
        let mut wb: Xlsx<_> = open_workbook(path).expect("the template opens with calamine");
        let range = wb
            .worksheet_range(sheet)
            .unwrap_or_else(|e| panic!("sheet `{sheet}` of {}: {e}", path.display()));
        let mut cells = BTreeMap::new();
        for (r, c, d) in range.used_cells() {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let t = match d {
                Data::String(s) => s.clone(),
                Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                Data::Float(f) => f.to_string(),
                Data::Int(i) => i.to_string(),
                other => other.to_string(),
            };
            if !t.is_empty() {
                cells.insert((r0 + r as u32, c0 + c as u32), t);
            }
        }
        Grid(cells)
    }
    fn get(&self, row: u32, col: u32) -> &str {
        self.0.get(&(row, col)).map_or("", String::as_str)
    }
    /// The (row, column) of the first cell reading exactly `text`.
    fn find(&self, text: &str) -> Option<(u32, u32)> {
        self.0
            .iter()
            .find(|(_, v)| v.as_str() == text)
            .map(|(k, _)| *k)
    }
    fn row(&self, row: u32) -> Vec<&str> {
        self.0
            .range((row, 0)..(row + 1, 0))
            .map(|(_, v)| v.as_str())
            .collect()
    }
    fn all_text(&self) -> String {
        self.0.values().cloned().collect::<Vec<_>>().join("\n")
    }
    /// Column of a header in a row.
    fn col_of(&self, row: u32, header: &str) -> u32 {
        self.0
            .range((row, 0)..(row + 1, 0))
            .find(|(_, v)| v.as_str() == header)
            .map(|((_, c), _)| *c)
            .unwrap_or_else(|| {
                panic!(
                    "no header `{header}` in row {}: {:?}",
                    row + 1,
                    self.row(row)
                )
            })
    }
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).expect("opens");
    wb.sheet_names()
}

/// One file of the xlsx package.
fn part(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).expect("the workbook exists");
    let mut zip = zip::ZipArchive::new(f).expect("an xlsx is a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", path.display()))
        .read_to_string(&mut s)
        .expect("UTF-8 XML");
    s
}

/// The XML of a worksheet, found by its name through workbook.xml and its relationships.
fn sheet_xml(path: &Path, sheet: &str) -> String {
    let wb = part(path, "xl/workbook.xml");
    let rels = part(path, "xl/_rels/workbook.xml.rels");
    let tag = wb
        .split("<sheet ")
        .skip(1)
        .find(|t| attr(t, "name").as_deref() == Some(&xml_escape(sheet)))
        .unwrap_or_else(|| panic!("no sheet `{sheet}` in workbook.xml"));
    let rid = attr(tag, "r:id").expect("r:id");
    let target = rels
        .split("<Relationship ")
        .skip(1)
        .find(|t| attr(t, "Id").as_deref() == Some(rid.as_str()))
        .and_then(|t| attr(t, "Target"))
        .expect("the sheet's relationship");
    part(path, &format!("xl/{}", target.trim_start_matches("/xl/")))
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = format!(" {tag}").find(&key)? + key.len() - 1;
    let rest = &tag[start..];
    Some(rest[..rest.find('"')?].to_string())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// A data validation read back from the sheet XML.
#[derive(Debug)]
struct Validation {
    kind: String,
    sqref: String,
    attrs: String,
    formula1: String,
    formula2: String,
}

impl Validation {
    fn get(&self, name: &str) -> Option<String> {
        attr(&self.attrs, name).map(|v| xml_unescape(&v))
    }
}

fn validations(xml: &str) -> Vec<Validation> {
    xml.split("<dataValidation ")
        .skip(1)
        .map(|chunk| {
            let body = &chunk[..chunk.find("</dataValidation>").unwrap_or(chunk.len())];
            let head = &body[..body.find('>').unwrap_or(body.len())];
            let inner = |tag: &str| -> String {
                let open = format!("<{tag}>");
                body.find(&open)
                    .and_then(|i| {
                        let rest = &body[i + open.len()..];
                        rest.find(&format!("</{tag}>"))
                            .map(|j| xml_unescape(&rest[..j]))
                    })
                    .unwrap_or_default()
            };
            Validation {
                kind: attr(head, "type").unwrap_or_default(),
                sqref: attr(head, "sqref").unwrap_or_default(),
                attrs: head.to_string(),
                formula1: inner("formula1"),
                formula2: inner("formula2"),
            }
        })
        .collect()
}

/// (column, row) of an A1 address, both zero-based.
fn parse_a1(s: &str) -> (u32, u32) {
    let letters: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits: String = s.chars().skip(letters.len()).collect();
    let col = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + (b - b'A' + 1) as u32)
        - 1;
    (col, digits.parse::<u32>().expect("row number") - 1)
}

/// Does an sqref ("D6:AG11 D20") cover a cell?
fn covers(sqref: &str, cell: &str) -> bool {
    let (c, r) = parse_a1(cell);
    sqref.split_whitespace().any(|range| {
        let (a, b) = range.split_once(':').unwrap_or((range, range));
        let ((c0, r0), (c1, r1)) = (parse_a1(a), parse_a1(b));
        (c0..=c1).contains(&c) && (r0..=r1).contains(&r)
    })
}

/// The validation covering a cell (exactly one).
fn validation_at<'a>(vs: &'a [Validation], cell: &str) -> &'a Validation {
    let found: Vec<&Validation> = vs.iter().filter(|v| covers(&v.sqref, cell)).collect();
    assert_eq!(found.len(), 1, "validations covering {cell}: {found:#?}");
    found[0]
}

/// Excel's answer for the score rule read from the file, on a typed number: the rule must be
/// `AND(ISNUMBER(c),c>=MIN,c<=MAX,MOD(c*2,1)=0)`; MIN and MAX come from the file.
fn excel_accepts(rule: &str, cell: &str, x: f64) -> bool {
    let min_max = rule
        .strip_prefix(&format!("AND(ISNUMBER({cell}),{cell}>="))
        .and_then(|r| r.strip_suffix(&format!(",MOD({cell}*2,1)=0)")))
        .unwrap_or_else(|| panic!("unexpected score rule: {rule}"));
    let (min, max) = min_max
        .split_once(&format!(",{cell}<="))
        .unwrap_or_else(|| panic!("unexpected score rule: {rule}"));
    let (min, max): (f64, f64) = (min.parse().unwrap(), max.parse().unwrap());
    x >= min && x <= max && (x * 2.0).fract() == 0.0
}

/// Style index → is the cell format locked? (cellXfs of styles.xml)
fn locked(path: &Path, sheet: &str, cell: &str) -> bool {
    let xml = sheet_xml(path, sheet);
    let key = format!("<c r=\"{cell}\"");
    let tag = &xml[xml
        .find(&key)
        .unwrap_or_else(|| panic!("{cell} in {sheet}"))..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let s: usize = attr(tag, "s").map_or(0, |v| v.parse().unwrap());
    let styles = part(path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").expect("cellXfs")..];
    let xfs = &xfs[..xfs.find("</cellXfs>").expect("cellXfs end")];
    let xf: Vec<&str> = xfs.split("<xf ").skip(1).collect();
    !xf[s].contains("locked=\"0\"")
}

/// Fills cells of a workbook with umya-spreadsheet (as Excel would save them) and saves it.
struct Filler {
    book: umya_spreadsheet::Spreadsheet,
}

enum V<'a> {
    Text(&'a str),
    Num(f64),
    /// A formula cell keeps its formula; only the value Excel would cache changes.
    Cached(f64),
}

impl Filler {
    fn open(path: &Path) -> Filler {
        Filler {
            book: umya_spreadsheet::reader::xlsx::read(path).expect("umya reads the template"),
        }
    }
    fn set(&mut self, sheet: &str, cell: &str, v: V) {
        let ws = self
            .book
            .get_sheet_by_name_mut(sheet)
            .unwrap_or_else(|| panic!("sheet {sheet}"));
        let c = ws.get_cell_mut(cell);
        match v {
            V::Text(t) => {
                c.set_value_string(t);
            }
            V::Num(n) => {
                c.set_value_number(n);
            }
            V::Cached(n) => {
                assert!(c.is_formula(), "{sheet}!{cell} should hold a formula");
                c.set_formula_result_default(n.to_string());
            }
        }
    }
    fn save(&self, path: &Path) {
        umya_spreadsheet::writer::xlsx::write(&self.book, path).expect("umya writes the workbook");
    }
}

/// Excel's serial number of a date.
fn serial(y: i32, m: u32, d: u32) -> f64 {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap() - base).num_days() as f64
}

/// A person to put in a filled template.
struct Person {
    id: &'static str,
    name: &'static str,
    btv: bool,
    ratings: [&'static str; 3],
    days_off: Option<u32>,
    /// Scores by item (1-based), `None` for someone not scored.
    scores: Option<Vec<f64>>,
}

const XS: &str = "Hoàn thành xuất sắc nhiệm vụ";
const TOT: &str = "Hoàn thành tốt nhiệm vụ";

/// The canonical words of SPEC §2 and §3, as the dropdowns of `Danh sách` must offer them.
const DISCIPLINE: &[&str] = &[
    "Không",
    "Đang thi hành kỷ luật",
    "Đang xem xét kỷ luật",
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
    "Khai trừ",
    "Đã hết thời hạn",
];
const INSPECTION: &[&str] = &[
    "Không",
    "Đang thanh tra",
    "Đang kiểm tra",
    "Kết luận không sai phạm",
    "Có sai phạm",
];
const REVIEW: &[&str] = &["Không", "Phải kiểm điểm"];
const STAFF_KIND: &[&str] = &[
    "CB",
    "CC",
    "VC",
    "NLĐ",
    "HĐ có BHXH từ 12 tháng",
    "HĐ không xác định thời hạn",
    "HĐ dưới 12 tháng",
    "HĐ không BHXH",
];

/// The words of an inline dropdown: `"a,b,c"` → [a, b, c].
fn dropdown_words(v: &Validation) -> Vec<&str> {
    v.formula1
        .strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
        .unwrap_or_else(|| panic!("an inline list: {v:?}"))
        .split(',')
        .collect()
}

/// 10 on the mandatory items of `mask`, `other` elsewhere.
fn scores(mask: &[bool], other: f64) -> Vec<f64> {
    mask.iter().map(|m| if *m { 10.0 } else { other }).collect()
}

fn mask(items: usize, mandatory: &[(usize, usize)]) -> Vec<bool> {
    (1..=items)
        .map(|i| mandatory.iter().any(|(a, b)| (*a..=*b).contains(&i)))
        .collect()
}

/// Fills a unit template: `Thông tin` (name, code, date sent), `Danh sách`, and the score
/// sheets (each person on `Mẫu 03` when `btv`, else on `staff_sheet`), with the totals' cached
/// values as Excel would store them. Columns are found by their headers.
fn fill_unit(path: &Path, out: &Path, staff_sheet: &str, people: &[Person]) {
    let info = Grid::read(path, "Thông tin");
    let list = Grid::read(path, "Danh sách");
    let mut f = Filler::open(path);

    let label_row = |label: &str| {
        info.find(label)
            .unwrap_or_else(|| panic!("label {label}"))
            .0
    };
    f.set("Thông tin", &a1(label_row("Mã đơn vị"), 1), V::Text("TN"));
    f.set(
        "Thông tin",
        &a1(label_row("Ngày gửi"), 1),
        V::Num(serial(2024, 6, 26)),
    );

    let (hrow, _) = list.find("Mã CB").expect("Danh sách header");
    let col = |h: &str| list.col_of(hrow, h);
    for (i, person) in people.iter().enumerate() {
        let r = hrow + 1 + i as u32;
        f.set("Danh sách", &a1(r, col("Mã CB")), V::Text(person.id));
        f.set("Danh sách", &a1(r, col("Họ và tên")), V::Text(person.name));
        if person.btv {
            f.set("Danh sách", &a1(r, col("Diện BTV quản lý")), V::Text("x"));
        }
        for (m, rating) in [4, 5, 6].iter().zip(person.ratings) {
            if !rating.is_empty() {
                f.set(
                    "Danh sách",
                    &a1(r, col(&format!("Tháng {m}"))),
                    V::Text(rating),
                );
            }
        }
        if let Some(d) = person.days_off {
            f.set("Danh sách", &a1(r, col("Số ngày nghỉ")), V::Num(d as f64));
        }
    }

    for sheet in ["Mẫu 03", staff_sheet] {
        let g = Grid::read(path, sheet);
        let (hrow, _) = g.find("Mã CB").expect("score sheet header");
        assert_eq!(
            g.get(hrow + 1, 2),
            "Bắt buộc",
            "the Bắt buộc row of {sheet}"
        );
        let total_col = g.col_of(hrow, "Tổng điểm");
        let on_sheet = people
            .iter()
            .filter(|p| p.scores.is_some() && (p.btv == (sheet == "Mẫu 03")));
        for (i, person) in on_sheet.enumerate() {
            let r = hrow + 2 + i as u32;
            let sc = person.scores.as_ref().expect("scored");
            f.set(sheet, &a1(r, 1), V::Text(person.id));
            f.set(sheet, &a1(r, 2), V::Text(person.name));
            for (n, s) in sc.iter().enumerate() {
                let c = g.col_of(hrow, &(n + 1).to_string());
                f.set(sheet, &a1(r, c), V::Num(*s));
            }
            f.set(sheet, &a1(r, total_col), V::Cached(sc.iter().sum()));
        }
    }
    f.save(out);
}

/// The base unit used by the filling tests: a leader on mẫu 03, four staff, one on leave.
fn base_people(staff_mask: &[bool]) -> Vec<Person> {
    let m03 = mask(45, &[(1, 30)]);
    let mut people = vec![Person {
        id: "TN01",
        name: "Nguyễn Văn An",
        btv: true,
        ratings: [XS, TOT, TOT],
        days_off: None,
        scores: Some(scores(&m03, 9.0)),
    }];
    let names = [
        "Trần Thị Bình",
        "Lê Minh Cường",
        "Phạm Thu Hằng",
        "Hoàng Đức Dũng",
    ];
    for (i, name) in names.iter().enumerate() {
        let mut sc = scores(staff_mask, 9.0);
        if i == 3 {
            // A half point on a non-mandatory item.
            if let Some(last) = sc.iter_mut().rev().find(|s| **s < 10.0) {
                *last = 8.5;
            }
        }
        people.push(Person {
            id: ["TN02", "TN03", "TN04", "TN05"][i],
            name,
            btv: false,
            ratings: [TOT, XS, TOT],
            days_off: Some(if i == 1 { 2 } else { 0 }),
            scores: Some(sc),
        });
    }
    people.push(Person {
        id: "TN06",
        name: "Đỗ Thị Lan",
        btv: false,
        ratings: ["", "", ""],
        days_off: Some(40),
        scores: None,
    });
    people
}

fn unit_template(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut args = vec![
        "don-vi",
        "-q",
        "2024-Q2",
        "--so-nguoi",
        "6",
        "--don-vi",
        "Phòng Thử nghiệm",
        "--khoi",
        "Chính quyền",
        "-o",
        p(&path),
    ];
    args.extend_from_slice(extra);
    template(&args);
    path
}

// -------------------------------------------------------------------------- acceptance 1: fill

#[test]
fn a_template_filled_with_valid_data_validates_without_any_finding() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = unit_template(dir.path(), "mau.xlsx", &[]);
    let filled = dir.path().join("TN-phong-thu-nghiem.xlsx");
    fill_unit(&tpl, &filled, "Mẫu 04", &base_people(&mask(30, &[(1, 20)])));

    let (code, doc) = validate(&[&filled], &[]);
    assert_findings(&doc, &[]);
    assert_file(&doc, "TN-phong-thu-nghiem.xlsx", "ok");
    assert_eq!(code, 0);

    let (code, doc) = evaluate(&[&filled], &[]);
    assert_eq!(code, 0);
    assert_people(
        &doc,
        &[
            expect_person("TN01", "dat", &[], Some(435.0)),
            expect_person("TN02", "dat", &[], Some(290.0)),
            expect_person("TN03", "dat", &[], Some(290.0)),
            expect_person("TN04", "dat", &[], Some(290.0)),
            expect_person("TN05", "dat", &[], Some(289.5)),
            expect_person("TN06", "khong-danh-gia", &["vang-15-ngay"], None),
        ],
    );
    let unit = &doc["units"][0];
    assert_eq!(unit["unit"], "Phòng Thử nghiệm");
    assert_eq!(unit["code"], "TN");
    assert_eq!(unit["bloc"], "chinh-quyen");
    assert_eq!(unit["headcount"], 6);
}

/// The sorted reasons and the status of a person in an `evaluate` document.
fn outcome(doc: &serde_json::Value, id: &str) -> (String, Vec<String>) {
    let p = person(doc, id);
    let mut reasons: Vec<String> = p["reasons"]
        .as_array()
        .unwrap_or_else(|| panic!("reasons of {id}: {p}"))
        .iter()
        .map(|r| r.as_str().unwrap_or_default().to_string())
        .collect();
    reasons.sort();
    (
        p["status"].as_str().unwrap_or_default().to_string(),
        reasons,
    )
}

/// Each word the file's dropdowns offer (`Kỷ luật`, `Thanh tra, kiểm tra`, `Kiểm điểm`,
/// `Đối tượng`) is typed into a filled template: none is `value-unclear`, and each means what the
/// guide says (a person's own reasons; the leader's unit condition).
#[test]
fn every_dropdown_value_is_read_back_with_the_meaning_the_guide_gives_it() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = unit_template(dir.path(), "mau.xlsx", &[]);
    let list = Grid::read(&tpl, "Danh sách");
    let (hrow, _) = list.find("Mã CB").expect("Danh sách header");
    let vs = validations(&sheet_xml(&tpl, "Danh sách"));
    let offered: Vec<(u32, Vec<String>)> =
        ["Kỷ luật", "Thanh tra, kiểm tra", "Kiểm điểm", "Đối tượng"]
            .iter()
            .map(|h| {
                let c = list.col_of(hrow, h);
                let v = validation_at(&vs, &a1(hrow + 1, c));
                assert_eq!(v.kind, "list", "{h}");
                (c, dropdown_words(v).into_iter().map(String::from).collect())
            })
            .collect();
    for ((_, got), want) in offered
        .iter()
        .zip([DISCIPLINE, INSPECTION, REVIEW, STAFF_KIND])
    {
        assert_eq!(got, want);
    }

    let people = base_people(&mask(30, &[(1, 20)]));
    let ids: Vec<&str> = people.iter().map(|p| p.id).collect();
    let base = dir.path().join("TN.xlsx");
    fill_unit(&tpl, &base, "Mẫu 04", &people);
    let rounds = offered
        .iter()
        .map(|(_, w)| w.len().div_ceil(people.len()))
        .max()
        .unwrap_or(1);
    for round in 0..rounds {
        let out = dir.path().join(format!("TN-{round}.xlsx"));
        let mut f = Filler::open(&base);
        // typed[i] = [Kỷ luật, Thanh tra, Kiểm điểm, Đối tượng] of person i.
        let mut typed: Vec<Vec<String>> = Vec::new();
        for i in 0..people.len() {
            let row = hrow + 1 + i as u32;
            typed.push(
                offered
                    .iter()
                    .map(|(c, words)| {
                        let w = &words[(round * people.len() + i) % words.len()];
                        f.set("Danh sách", &a1(row, *c), V::Text(w));
                        w.clone()
                    })
                    .collect(),
            );
        }
        f.save(&out);

        let (code, doc) = validate(&[&out], &[]);
        let bad: Vec<FindingTuple> = findings(&doc)
            .into_iter()
            .filter(|f| f.0 == "error" || f.1 == "value-unclear")
            .collect();
        assert!(bad.is_empty(), "round {round}, typed {typed:?}: {bad:#?}");
        assert_eq!(code, 0, "round {round}: {doc}");

        let (_, doc) = evaluate(&[&out], &[]);
        let disciplined = |t: &[String]| t[0] != "Không" && t[0] != "Đã hết thời hạn";
        let inspected = |t: &[String]| t[1] != "Không" && t[1] != "Kết luận không sai phạm";
        let at_fault = |t: &[String]| t[1] == "Có sai phạm";
        let reviewed = |t: &[String]| t[2] == "Phải kiểm điểm";
        let in_scope = |t: &[String]| t[3] != "HĐ dưới 12 tháng" && t[3] != "HĐ không BHXH";
        // The leader's scope (the whole unit): anyone else disciplined, at fault or to be reviewed.
        let scope_breached = typed[1..]
            .iter()
            .any(|t| disciplined(t) || at_fault(t) || reviewed(t));
        for (i, t) in typed.iter().enumerate() {
            let absent = people[i].days_off.unwrap_or(0) >= 15;
            let mut want: Vec<&str> = Vec::new();
            let status = if absent {
                want.push("vang-15-ngay");
                "khong-danh-gia"
            } else if !in_scope(t) {
                want.push("ngoai-doi-tuong");
                "khong-danh-gia"
            } else {
                if disciplined(t) {
                    want.push("ky-luat");
                }
                if inspected(t) {
                    want.push("thanh-tra");
                }
                if i == 0 && scope_breached {
                    want.push("don-vi-vi-pham");
                }
                if want.is_empty() {
                    "dat"
                } else {
                    "khong-dat"
                }
            };
            want.sort();
            assert_eq!(
                outcome(&doc, ids[i]),
                (
                    status.to_string(),
                    want.iter().map(|r| r.to_string()).collect()
                ),
                "round {round}: {} typed {t:?}",
                ids[i]
            );
        }
    }
}

/// `Ngày bắt đầu`, `Ngày thôi` and half days typed into a filled template: joined a week late is
/// still evaluated; left with 14 working days to go plus 2,5 days of leave is not
/// (`khong-du-thoi-gian`); 14,5 days of leave is evaluated.
#[test]
fn joining_leaving_and_half_days_typed_into_the_template_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = unit_template(dir.path(), "mau.xlsx", &[]);
    let list = Grid::read(&tpl, "Danh sách");
    let (hrow, _) = list.find("Mã CB").expect("Danh sách header");
    let col = |h: &str| list.col_of(hrow, h);
    let base = dir.path().join("TN.xlsx");
    fill_unit(&tpl, &base, "Mẫu 04", &base_people(&mask(30, &[(1, 20)])));
    let out = dir.path().join("TN-thoi-gian.xlsx");
    let mut f = Filler::open(&base);
    let cell = |person: u32, h: &str| a1(hrow + person, col(h));
    // TN02 joined on Monday 8 April: 5 working days away.
    f.set(
        "Danh sách",
        &cell(2, "Ngày bắt đầu"),
        V::Num(serial(2024, 4, 8)),
    );
    // TN03 left on 10 June (14 working days to go) and was absent 2,5 days: 16,5 days.
    f.set(
        "Danh sách",
        &cell(3, "Ngày thôi"),
        V::Num(serial(2024, 6, 10)),
    );
    f.set("Danh sách", &cell(3, "Số ngày nghỉ"), V::Num(2.5));
    // TN04: 14,5 days of leave, one half day short of the limit.
    f.set("Danh sách", &cell(4, "Số ngày nghỉ"), V::Num(14.5));
    // TN05 left on 10 June too, without leave: 14 days away.
    f.set(
        "Danh sách",
        &cell(5, "Ngày thôi"),
        V::Num(serial(2024, 6, 10)),
    );
    f.save(&out);

    let (code, doc) = validate(&[&out], &[]);
    let errors: Vec<FindingTuple> = findings(&doc)
        .into_iter()
        .filter(|f| f.0 == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(code, 0, "{doc}");
    let (_, doc) = evaluate(&[&out], &[]);
    for (id, status, reasons) in [
        ("TN01", "dat", &[][..]),
        ("TN02", "dat", &[][..]),
        ("TN03", "khong-danh-gia", &["khong-du-thoi-gian"][..]),
        ("TN04", "dat", &[][..]),
        ("TN05", "dat", &[][..]),
        ("TN06", "khong-danh-gia", &["vang-15-ngay"][..]),
    ] {
        assert_eq!(
            outcome(&doc, id),
            (
                status.to_string(),
                reasons.iter().map(|r| r.to_string()).collect()
            ),
            "{id}"
        );
    }
}

#[test]
fn score_cells_hold_a_validation_that_refuses_8_3_and_12_and_validate_reports_them() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = unit_template(dir.path(), "mau.xlsx", &[]);

    for (sheet, first, last) in [("Mẫu 04", "D6", "AG11"), ("Mẫu 03", "D6", "AV11")] {
        let vs = validations(&sheet_xml(&tpl, sheet));
        let v = validation_at(&vs, first);
        assert!(covers(&v.sqref, last), "{sheet}: {v:?}");
        assert_eq!(
            v.kind, "custom",
            "{sheet}: a custom rule, so the 0.5 step is enforced"
        );
        assert_eq!(v.formula1, "AND(ISNUMBER(D6),D6>=1,D6<=10,MOD(D6*2,1)=0)");
        assert_eq!(v.get("showErrorMessage").as_deref(), Some("1"));
        assert_eq!(v.get("showInputMessage").as_deref(), Some("1"));
        assert_eq!(v.get("allowBlank").as_deref(), Some("1"));
        // No errorStyle attribute means "stop": the value is refused.
        assert!(v.get("errorStyle").is_none(), "{v:?}");
        let prompt = v.get("prompt").expect("an input message");
        assert!(prompt.contains("cách nhau 0,5 điểm"), "{prompt}");
        assert!(prompt.contains("8,3") && prompt.contains("12"), "{prompt}");
        for (x, ok) in [
            (8.3, false),
            (12.0, false),
            (0.5, false),
            (9.5, true),
            (1.0, true),
            (10.0, true),
        ] {
            assert_eq!(excel_accepts(&v.formula1, "D6", x), ok, "{x}");
        }
    }
    // The same rule on the individual score sheet.
    let phieu = dir.path().join("phieu.xlsx");
    template(&["phieu-04", "-o", p(&phieu)]);
    let vs = validations(&sheet_xml(&phieu, "Phiếu mẫu 04"));
    let ph = Phieu::read(&phieu, "Phiếu mẫu 04");
    let (own, authority) = (ph.col(SELF_SCORE), ph.col(AUTHORITY_SCORE));
    let first = a1(ph.items[0], own);
    let v = validation_at(&vs, &first);
    assert!(covers(&v.sqref, &a1(ph.items[29], authority)), "{v:?}");
    assert_eq!(v.kind, "custom");
    assert!(excel_accepts(&v.formula1, &first, 9.5));
    assert!(!excel_accepts(&v.formula1, &first, 8.3));

    // Typed anyway (a paste bypasses Excel's check): validate names the cells.
    let filled = dir.path().join("TN.xlsx");
    fill_unit(&tpl, &filled, "Mẫu 04", &base_people(&mask(30, &[(1, 20)])));
    let bad = dir.path().join("TN-sai.xlsx");
    let mut f = Filler::open(&filled);
    // TN02 is on row 6; item 25 is column AB, item 3 column F.
    f.set("Mẫu 04", "AB6", V::Num(8.3));
    f.set("Mẫu 04", "F7", V::Num(12.0));
    f.save(&bad);
    let (code, doc) = validate(&[&bad], &[]);
    assert_findings(
        &doc,
        &[
            Expect::error("score-step", "TN-sai.xlsx")
                .sheet("Mẫu 04")
                .cell("AB6")
                .person("TN02"),
            Expect::error("score-out-of-range", "TN-sai.xlsx")
                .sheet("Mẫu 04")
                .cell("F7")
                .person("TN03"),
        ],
    );
    assert_eq!(code, 1);
    let vs = validations(&sheet_xml(&tpl, "Mẫu 04"));
    for cell in ["AB6", "F7"] {
        assert_eq!(validation_at(&vs, cell).kind, "custom", "{cell}");
    }
}

// ---------------------------------------------------------------- acceptance 3: the profile

/// A profile made from `danhgia profile show`, with mẫu 04 changed: 32 items, mandatory
/// 1–10 and 21–30, groups re-ranged.
fn custom_profile(dir: &Path) -> PathBuf {
    let out = run_raw(&["profile", "show"]);
    assert_eq!(exit_code(&out), 0);
    let mut t: toml::Table = String::from_utf8(out.stdout)
        .unwrap()
        .parse()
        .expect("profile show prints TOML");
    t.insert("name".into(), "thu-nghiem".into());
    let f04 = t
        .get_mut("forms")
        .and_then(|f| f.as_table_mut())
        .and_then(|f| f.get_mut("04"))
        .and_then(|f| f.as_table_mut())
        .expect("[forms.04] in the profile");
    f04.insert("items".into(), 32.into());
    f04.insert("mandatory".into(), "1-10, 21-30".into());
    let groups: toml::Value = toml::Value::try_from(vec![
        BTreeMap::from([
            ("name", "Đạo đức công vụ"),
            ("items", "1-16"),
            (
                "contents",
                "Trung thực, liêm chính; ý thức kỷ luật; thử nghiệm",
            ),
        ]),
        BTreeMap::from([
            ("name", "Hoạt động công vụ"),
            ("items", "17-32"),
            ("contents", "Phục vụ nhân dân; thử nghiệm"),
        ]),
    ])
    .unwrap();
    f04.insert("groups".into(), groups);
    let path = dir.join("ho-so.toml");
    std::fs::write(&path, toml::to_string(&t).unwrap()).unwrap();
    path
}

#[test]
fn a_changed_catalogue_shows_in_the_template_and_in_validation_alike() {
    let dir = tempfile::tempdir().unwrap();
    let profile = custom_profile(dir.path());
    let tpl = unit_template(dir.path(), "mau.xlsx", &["--profile", p(&profile)]);

    // The score sheet: 32 item columns, the Bắt buộc row from the new mandatory set.
    let g = Grid::read(&tpl, "Mẫu 04");
    let (hrow, _) = g.find("Mã CB").unwrap();
    let headers = g.row(hrow);
    let items: Vec<String> = (1..=32).map(|i| i.to_string()).collect();
    assert_eq!(
        headers[3..35],
        items.iter().map(String::as_str).collect::<Vec<_>>()[..]
    );
    assert_eq!(headers[35], "Tổng điểm");
    let marks: Vec<bool> = (1..=32).map(|i| g.get(hrow + 1, 2 + i) == "x").collect();
    assert_eq!(marks, mask(32, &[(1, 10), (21, 30)]));
    assert!(g.all_text().contains("Đạo đức công vụ (1–16)"));
    // The guide lists the same catalogue.
    let guide = Grid::read(&tpl, "Hướng dẫn").all_text();
    assert!(guide.contains("Mẫu 04 – Phiếu đánh giá sự chuyên nghiệp của CBCCVC, NLĐ (đơn vị dưới 20 người): 32 nội dung; bắt buộc: nội dung 1–10, 21–30; khung tổng điểm đạt 296–320."), "{guide}");
    assert!(guide.contains("Phục vụ nhân dân; thử nghiệm"));
    assert!(guide.contains("hồ sơ \"thu-nghiem\""));
    // And so does the individual score sheet.
    let phieu = dir.path().join("phieu.xlsx");
    template(&["phieu-04", "--profile", p(&profile), "-o", p(&phieu)]);
    let ph = Phieu::read(&phieu, "Phiếu mẫu 04");
    assert_eq!(ph.items.len(), 32);
    let mark = ph.col("Bắt buộc");
    let pmarks: Vec<bool> = ph.items.iter().map(|&r| ph.g.get(r, mark) == "x").collect();
    assert_eq!(pmarks, mask(32, &[(1, 10), (21, 30)]));
    assert_eq!(ph.g.get(ph.items[31] + 1, 0), "Tổng điểm");
    // The changed groups' contents stand beside their criteria, the items shared out evenly:
    // 16 items for three contents are 6, 5 and 5; 16 for two are 8 and 8.
    assert_eq!(
        ph.contents(),
        [
            (1, "Trung thực, liêm chính".to_string()),
            (7, "Ý thức kỷ luật".to_string()),
            (12, "Thử nghiệm".to_string()),
            (17, "Phục vụ nhân dân".to_string()),
            (25, "Thử nghiệm".to_string()),
        ]
    );

    // Filled per the new catalogue: 9 on item 15 is fine now, 9 on item 25 is not.
    let new_mask = mask(32, &[(1, 10), (21, 30)]);
    let mut people = base_people(&new_mask);
    if let Some(sc) = people[2].scores.as_mut() {
        sc[24] = 9.0;
    }
    let filled = dir.path().join("TN.xlsx");
    fill_unit(&tpl, &filled, "Mẫu 04", &people);
    let (code, doc) = validate(&[&filled], &["--profile", p(&profile)]);
    assert_findings(&doc, &[]);
    assert_eq!(code, 0);
    let (code, doc) = evaluate(&[&filled], &["--profile", p(&profile)]);
    assert_eq!(code, 0);
    assert_person(&doc, &expect_person("TN02", "dat", &[], Some(308.0)));
    assert_person(
        &doc,
        &expect_person("TN03", "khong-dat", &["bat-buoc-duoi-10"], Some(307.0)),
    );

    // A template of the default catalogue does not fit the changed one: validation says so.
    let default_tpl = dir.path().join("mac-dinh.xlsx");
    template(&[
        "don-vi",
        "-q",
        "2024-Q2",
        "--so-nguoi",
        "6",
        "-o",
        p(&default_tpl),
    ]);
    let (code, doc) = validate(&[&default_tpl], &["--profile", p(&profile)]);
    let missing: Vec<String> = finding_values(&doc)
        .iter()
        .filter(|f| f["code"] == "column-missing" && f["sheet"] == "Mẫu 04")
        .map(|f| f["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(missing.len(), 2, "{doc}");
    assert!(
        missing[0].contains("31") && missing[1].contains("32"),
        "{missing:?}"
    );
    assert_eq!(code, 1);
}

// ------------------------------------------------------------------------ the unit workbook

#[test]
fn sheets_headers_and_month_columns_follow_the_quarter_and_head_count() {
    let dir = tempfile::tempdir().unwrap();
    let q4 = dir.path().join("q4.xlsx");
    let out = template(&["don-vi", "-q", "IV/2025", "--so-nguoi", "25", "-o", p(&q4)]);
    assert!(out.contains("Đã tạo mẫu sổ đơn vị quý IV/2025"), "{out}");
    assert_eq!(
        sheet_names(&q4),
        [
            "Hướng dẫn",
            "Thông tin",
            "Danh sách",
            "Mẫu 03",
            "Mẫu 05",
            "Đề nghị khen thưởng"
        ]
    );
    let list = Grid::read(&q4, "Danh sách");
    let (hrow, _) = list.find("STT").unwrap();
    assert_eq!(
        list.row(hrow),
        [
            "STT",
            "Mã CB",
            "Họ và tên",
            "Ngày sinh",
            "Chức vụ",
            "Bộ phận",
            "Phụ trách",
            "Diện BTV quản lý",
            "Tháng 10",
            "Tháng 11",
            "Tháng 12",
            "Kỷ luật",
            "Thanh tra, kiểm tra",
            "Kiểm điểm",
            "Số ngày nghỉ",
            "Nghỉ từ ngày",
            "Nghỉ đến ngày",
            "Ngày bắt đầu",
            "Ngày thôi",
            "Đối tượng",
            "Ghi chú",
        ]
    );
    // 25 numbered rows, nothing else.
    assert_eq!(list.get(hrow + 25, 0), "25");
    assert_eq!(list.get(hrow + 26, 0), "");
    let info = Grid::read(&q4, "Thông tin");
    let quy = info.find("Quý").unwrap();
    assert_eq!(info.get(quy.0, 1), "IV/2025");
    let total = info.find("Tổng số CBCCVC, NLĐ").unwrap();
    assert_eq!(info.get(total.0, 1), "25");
    let reward = Grid::read(&q4, "Đề nghị khen thưởng");
    let (rrow, _) = reward.find("STT").unwrap();
    assert_eq!(
        reward.row(rrow),
        ["STT", "Mã CB", "Họ và tên", "Thứ tự ưu tiên"]
    );
    let m05 = Grid::read(&q4, "Mẫu 05");
    let (frow, _) = m05.find("Mã CB").unwrap();
    assert_eq!(m05.row(frow).len(), 3 + 30 + 2);

    // Without a head count both staff forms are there, Mẫu 03 always.
    let open = dir.path().join("open.xlsx");
    let out = template(&["don-vi", "-q", "2024-Q1", "-o", p(&open)]);
    assert!(out.contains("Mẫu 03, Mẫu 04, Mẫu 05"), "{out}");
    let names = sheet_names(&open);
    assert!(names.iter().any(|n| n == "Mẫu 04") && names.iter().any(|n| n == "Mẫu 05"));
    let list = Grid::read(&open, "Danh sách");
    assert!(list.find("Tháng 1").is_some() && list.find("Tháng 3").is_some());
    // Mẫu 04 serves units under 20: it never has more than 19 rows.
    let m04 = Grid::read(&open, "Mẫu 04");
    let (r, _) = m04.find("Mã CB").unwrap();
    assert_eq!(m04.get(r + 2 + 18, 0), "19");
    assert_eq!(m04.get(r + 2 + 19, 0), "");
    // The empty template reads as a workbook: the unit's own facts are missing, and a list
    // with nobody in it is no unit to count (`unit-empty`, never a silent "0 lỗi").
    let (code, doc) = validate(&[&open], &[]);
    let missing = |cell| {
        Expect::error("info-missing", "open.xlsx")
            .sheet("Thông tin")
            .cell(cell)
    };
    let empty = Expect::error("unit-empty", "open.xlsx")
        .sheet("Danh sách")
        .cell("B5");
    assert_findings(&doc, &[missing("B4"), missing("B6"), missing("B8"), empty]);
    assert_eq!(code, 1);
}

#[test]
fn inputs_are_unlocked_headers_locked_and_every_input_cell_validated() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = unit_template(dir.path(), "mau.xlsx", &[]);
    for sheet in [
        "Hướng dẫn",
        "Thông tin",
        "Danh sách",
        "Mẫu 03",
        "Mẫu 04",
        "Đề nghị khen thưởng",
    ] {
        let xml = sheet_xml(&tpl, sheet);
        let tag = &xml[xml
            .find("<sheetProtection")
            .unwrap_or_else(|| panic!("{sheet} is protected"))..];
        let tag = &tag[..tag.find("/>").unwrap()];
        assert!(
            attr(tag, "password").is_none(),
            "{sheet}: no password by default: {tag}"
        );
        assert_eq!(
            attr(tag, "insertRows").as_deref(),
            Some("0"),
            "{sheet}: rows can be inserted"
        );
    }
    // Mẫu 04: header and Bắt buộc row locked, scores / Mã CB / Nhận xét unlocked, total locked.
    assert!(locked(&tpl, "Mẫu 04", "D4"));
    assert!(locked(&tpl, "Mẫu 04", "D5"));
    assert!(locked(&tpl, "Mẫu 04", "A6"));
    assert!(!locked(&tpl, "Mẫu 04", "B6"));
    assert!(!locked(&tpl, "Mẫu 04", "D6"));
    assert!(!locked(&tpl, "Mẫu 04", "AG11"));
    assert!(locked(&tpl, "Mẫu 04", "AH6"));
    assert!(!locked(&tpl, "Mẫu 04", "AI6"));

    // Every unlocked cell of the input sheets carries a validation.
    for sheet in [
        "Thông tin",
        "Danh sách",
        "Mẫu 03",
        "Mẫu 04",
        "Đề nghị khen thưởng",
    ] {
        let xml = sheet_xml(&tpl, sheet);
        let vs = validations(&xml);
        for chunk in xml.split("<c r=\"").skip(1) {
            let cell = &chunk[..chunk.find('"').unwrap()];
            if !locked(&tpl, sheet, cell) {
                assert!(
                    vs.iter().any(|v| covers(&v.sqref, cell)),
                    "{sheet}!{cell} is an input cell without a validation"
                );
            }
        }
    }

    // Dropdowns: ratings (four full words), Khối, x/blank; dates; Mã CB looked up in Danh sách.
    let list = validations(&sheet_xml(&tpl, "Danh sách"));
    for (cell, month) in [("I5", 4), ("J7", 5), ("K10", 6)] {
        let rating = validation_at(&list, cell);
        assert_eq!(rating.kind, "list");
        assert_eq!(
            rating.formula1,
            "\"Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ,Không hoàn thành nhiệm vụ\""
        );
        let prompt = rating.get("prompt").unwrap_or_default();
        assert!(prompt.contains(&format!("tháng {month}/2024")), "{prompt}");
    }
    // Q2 layout: H Diện BTV, I–K months, L Kỷ luật, M Thanh tra, N Kiểm điểm, O Số ngày nghỉ,
    // P–Q leave dates, R Ngày bắt đầu, S Ngày thôi, T Đối tượng, U Ghi chú.
    let btv = validation_at(&list, "H5");
    assert_eq!(
        (btv.kind.as_str(), btv.formula1.as_str()),
        ("list", "\"x\"")
    );
    for (cell, words) in [
        ("L5", DISCIPLINE),
        ("M10", INSPECTION),
        ("N5", REVIEW),
        ("T10", STAFF_KIND),
    ] {
        let v = validation_at(&list, cell);
        assert_eq!(v.kind, "list", "{cell}");
        assert_eq!(dropdown_words(v), words, "{cell}");
    }
    for cell in ["D5", "P5", "Q10", "R5", "S10"] {
        assert_eq!(validation_at(&list, cell).kind, "date", "{cell}");
    }
    // Ngày bắt đầu up to the quarter's last day; Ngày thôi from its first day.
    let start = validation_at(&list, "R5");
    assert_eq!(start.formula2, serial(2024, 6, 30).to_string());
    assert!(start
        .get("prompt")
        .unwrap_or_default()
        .contains("trong quý"));
    let end = validation_at(&list, "S5");
    assert_eq!(end.formula1, serial(2024, 4, 1).to_string());
    assert_eq!(end.get("promptTitle").as_deref(), Some("Ngày thôi"));
    // Half days: a custom rule in steps of 0.5 up to the quarter's working days.
    let days = validation_at(&list, "O5");
    assert_eq!(
        (days.kind.as_str(), days.formula1.as_str()),
        ("custom", "AND(ISNUMBER(O5),O5>=0,O5<=62,MOD(O5*2,1)=0)"),
        "Q2/2024 has 62 working days"
    );
    let info = validations(&sheet_xml(&tpl, "Thông tin"));
    let khoi = validation_at(&info, "B6");
    assert_eq!(khoi.formula1, "\"Đảng - Đoàn thể,Chính quyền,Trường học\"");
    assert_eq!(validation_at(&info, "B9").kind, "date");
    let m04 = validations(&sheet_xml(&tpl, "Mẫu 04"));
    assert_eq!(
        validation_at(&m04, "B6").formula1,
        "AND(COUNTIF('Danh sách'!$B$5:$B$10,B6)=1,COUNTIF($B$6:$B$11,B6)=1)"
    );

    // With --mat-khau the sheets carry a password hash.
    let pw = dir.path().join("pw.xlsx");
    template(&[
        "don-vi",
        "-q",
        "2024-Q2",
        "--mat-khau",
        "bí mật",
        "-o",
        p(&pw),
    ]);
    let xml = sheet_xml(&pw, "Mẫu 04");
    let tag = &xml[xml.find("<sheetProtection").unwrap()..];
    assert!(attr(tag, "password").is_some_and(|h| h.len() == 4), "{tag}");
}

#[test]
fn mandatory_items_are_marked_and_coloured_and_totals_are_formulas_with_a_cached_value() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = unit_template(dir.path(), "mau.xlsx", &[]);
    let g = Grid::read(&tpl, "Mẫu 04");
    assert_eq!(g.get(3, 2), "Họ và tên");
    assert_eq!(g.get(4, 2), "Bắt buộc");
    let marks: Vec<bool> = (1..=30).map(|i| g.get(4, 2 + i) == "x").collect();
    assert_eq!(marks, mask(30, &[(1, 20)]));
    assert!(g.all_text().contains("Đạo đức công vụ (1–15)"));

    let xml = sheet_xml(&tpl, "Mẫu 04");
    // Tổng điểm: a formula whose cached value is empty while no score is typed.
    let cell = &xml[xml.find("<c r=\"AH6\"").unwrap()..];
    let cell = &cell[..cell.find("</c>").unwrap()];
    assert!(cell.contains("t=\"str\""), "{cell}");
    assert!(
        cell.contains("<f>IF(COUNT(D6:AG6)=0,\"\",SUM(D6:AG6))</f><v></v>"),
        "{cell}"
    );
    // Conditional colours over the score range, driven by the Bắt buộc row.
    let cf = &xml[xml
        .find("<conditionalFormatting sqref=\"D6:AG11\">")
        .expect("colours on D6:AG11")..];
    let cf = xml_unescape(&cf[..cf.find("</conditionalFormatting>").unwrap()]);
    assert!(
        cf.contains("<formula>AND(ISNUMBER(D6),D$5=\"x\",D6<10)</formula>"),
        "{cf}"
    );
    assert!(
        cf.contains("<formula>AND(ISNUMBER(D6),D$5<>\"x\",D6<8)</formula>"),
        "{cf}"
    );
    assert!(
        cf.contains("NOT(AND(ISNUMBER(D6),D6>=1,D6<=10,MOD(D6*2,1)=0))"),
        "{cf}"
    );

    // Thông tin: the self-checks are formulas with the values of the empty template.
    let info = Grid::read(&tpl, "Thông tin");
    let (r, _) = info
        .find("Mẫu phiếu cho người không thuộc diện BTV")
        .unwrap();
    assert_eq!(info.get(r, 1), "Mẫu 04");
    let (r, _) = info.find("Đối chiếu với Tổng số").unwrap();
    assert_eq!(
        info.get(r, 1),
        "Chưa khớp: Tổng số ghi 6, Danh sách có 0 người"
    );
}

#[test]
fn the_guide_explains_the_closed_vocabularies_the_new_columns_and_the_mandatory_counts() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("mau.xlsx");
    template(&["don-vi", "-q", "2024-Q2", "-o", p(&tpl)]);
    let guide = Grid::read(&tpl, "Hướng dẫn").all_text();
    for words in [DISCIPLINE, INSPECTION, REVIEW, STAFF_KIND] {
        assert!(guide.contains(&words.join("; ")), "{words:?} in\n{guide}");
    }
    for needle in [
        // Decide only on what was read.
        "không bao giờ được hiểu là \"không\"",
        "value-unclear",
        "\"lỗi dữ liệu\"",
        // Under inspection fails the person only; a fault or a review breaches the leader.
        "\"Đang thanh tra\", \"Đang kiểm tra\" (chưa có kết luận): người đó không đạt, nhưng không ảnh hưởng đến lãnh đạo",
        "\"Có sai phạm\" theo kết luận: người đó không đạt và lãnh đạo chấm Mẫu 03",
        "\"Phải kiểm điểm\"",
        // Time in the unit, scope, half days.
        "\"Ngày bắt đầu\", \"Ngày thôi\"",
        "khong-du-thoi-gian",
        "ngoai-doi-tuong",
        "nửa ngày",
        // The Bắt buộc rows.
        "đúng 30 nội dung ở Mẫu 03; đúng 20 nội dung ở Mẫu 04, Mẫu 05",
        "mandatory-row-invalid",
    ] {
        assert!(guide.contains(needle), "`{needle}` in\n{guide}");
    }
}

#[test]
fn the_guide_lists_the_quarters_deadlines_with_weekdays_and_days_off() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("q4.xlsx");
    template(&["don-vi", "-q", "2025-Q4", "--so-nguoi", "8", "-o", p(&tpl)]);
    let g = Grid::read(&tpl, "Hướng dẫn");
    let row_of = |date: &str| {
        let (r, c) = g.find(date).unwrap_or_else(|| panic!("no deadline {date}"));
        assert_eq!(c, 3, "dates are in column D");
        (
            g.get(r, 1).to_string(),
            g.get(r, 4).to_string(),
            g.get(r, 5).to_string(),
        )
    };
    let (what, day, note) = row_of("25/12/2025");
    assert!(what.contains("tự đánh giá"), "{what}");
    assert_eq!((day.as_str(), note.as_str()), ("Thứ Năm", ""));
    let (what, day, note) = row_of("27/12/2025");
    assert!(what.contains("Cấp có thẩm quyền"), "{what}");
    assert_eq!(day, "Thứ Bảy");
    assert_eq!(
        note,
        "Ngày 27/12/2025 rơi vào thứ Bảy: nên xong sớm hơn, chậm nhất Thứ Sáu 26/12/2025."
    );
    let (what, day, note) = row_of("28/12/2025");
    assert!(
        what.contains("Mẫu 06") && !what.contains("đề nghị khen thưởng"),
        "{what}"
    );
    assert_eq!(day, "Chủ nhật");
    assert!(
        note.contains("Chủ nhật") && note.contains("Thứ Sáu 26/12/2025"),
        "{note}"
    );
    let (what, day, note) = row_of("30/12/2025");
    assert!(what.contains("Mẫu 07"), "{what}");
    assert_eq!((day.as_str(), note.as_str()), ("Thứ Ba", ""));
    // Reward dossiers "trước ngày 28": the last day is Saturday 27/12 (Kế hoạch 25 §III.4).
    let (r, _) = (0..200)
        .find_map(|r| (g.get(r, 1).contains("hồ sơ đề nghị khen thưởng")).then_some((r, 1)))
        .expect("the reward dossier deadline");
    assert_eq!((g.get(r, 3), g.get(r, 4)), ("27/12/2025", "Thứ Bảy"));
    assert_eq!(
        g.get(r, 5),
        "Văn bản ghi \"trước ngày 28/12/2025\": hạn cuối là ngày 27/12/2025. Ngày 27/12/2025 rơi vào thứ Bảy: nên xong sớm hơn, chậm nhất Thứ Sáu 26/12/2025."
    );
    // Forwarded "trước ngày 02/01/2026": the last day is 01/01, New Year's Day.
    assert!(g.find("02/01/2026").is_none());
    let (_, day, note) = row_of("01/01/2026");
    assert_eq!(day, "Thứ Năm");
    assert_eq!(
        note,
        "Văn bản ghi \"trước ngày 02/01/2026\": hạn cuối là ngày 01/01/2026. Ngày 01/01/2026 rơi vào ngày nghỉ lễ, Tết: nên xong sớm hơn, chậm nhất Thứ Tư 31/12/2025."
    );
    let (what, day, note) = row_of("03/01/2026");
    assert!(what.contains("Công khai"), "{what}");
    assert_eq!(day, "Thứ Bảy");
    assert!(note.contains("ngày nghỉ lễ, Tết"), "{note}");
    let text = g.all_text();
    assert!(
        text.contains("Số ngày làm việc trong quý: 66 (tháng 10: 23; tháng 11: 20; tháng 12: 23)"),
        "{text}"
    );
    assert!(text.contains("Mẫu 03 – "), "the criteria of Mẫu 03");
    assert!(text.contains("Mẫu 04 – "), "the criteria of Mẫu 04");
    assert!(!text.contains("Mẫu 05 – "), "8 people: no Mẫu 05");

    // A quarter whose year the calendar lacks is refused, naming the year.
    let err = template_fails(&[
        "don-vi",
        "-q",
        "2027-Q1",
        "-o",
        p(&dir.path().join("x.xlsx")),
    ]);
    assert!(err.contains("2027"), "{err}");
}

// ------------------------------------------------------------------ individual score sheets

const SELF_SCORE: &str = "Điểm tự đánh giá";
const AUTHORITY_SCORE: &str = "Điểm cấp có thẩm quyền đánh giá";

/// The criteria groups of QĐ 264 and the contents of each, as seed 004 writes them: three groups
/// for the cadres of the BTV track (mẫu 03), the first two for everyone else (mẫu 04, 05).
const QD_264: [(&str, &[&str]); 3] = [
    (
        "đạo đức công vụ",
        &["Trung thực, liêm chính", "ý thức kỷ luật"],
    ),
    (
        "hoạt động công vụ",
        &[
            "Tôn trọng tận tụy, phục vụ nhân dân",
            "chuyên tâm, trách nhiệm với công việc",
            "hợp tác cùng phát triển",
            "giao tiếp, trang phục phù hợp",
        ],
    ),
    (
        "phong cách lãnh đạo",
        &[
            "Gương mẫu, chủ động, quyết đoán",
            "định hướng, truyền cảm hứng",
            "dân chủ, đoàn kết và khách quan",
        ],
    ),
];

/// A text's words, lower case, without punctuation (diacritics kept): the seed's news item and
/// the profile punctuate the contents a little differently ("Tôn trọng tận tụy" / "Tôn trọng,
/// tận tụy").
fn words(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An individual score sheet read back: its cells, its header row and the row of each criterion
/// (the rows numbered 1, 2, … in the `STT` column, each number once and in order).
struct Phieu {
    g: Grid,
    header: u32,
    items: Vec<u32>,
}

impl Phieu {
    fn read(path: &Path, sheet: &str) -> Phieu {
        let g = Grid::read(path, sheet);
        let (header, _) = g.find("STT").expect("a header `STT`");
        let numbered: Vec<(u32, u32)> =
            g.0.iter()
                .filter(|((r, c), _)| *r > header && *c == 0)
                .filter_map(|((r, _), v)| v.parse::<u32>().ok().map(|n| (n, *r)))
                .collect();
        let numbers: Vec<u32> = numbered.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            numbers,
            (1..=numbers.len() as u32).collect::<Vec<_>>(),
            "every criterion number once, in order"
        );
        Phieu {
            items: numbered.iter().map(|(_, r)| *r).collect(),
            g,
            header,
        }
    }
    fn col(&self, header: &str) -> u32 {
        self.g.col_of(self.header, header)
    }
    /// The number and name of the group heading on the row above criterion `item` (1-based).
    fn group_above(&self, item: usize) -> (&str, &str) {
        let r = self.items[item - 1] - 1;
        (self.g.get(r, 0), self.g.get(r, 1))
    }
    /// The contents written beside the criteria: (first criterion, name), in order.
    fn contents(&self) -> Vec<(usize, String)> {
        let c = self.col("Nội dung");
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, &r)| {
                let v = self.g.get(r, c);
                (!v.is_empty()).then(|| (i + 1, v.to_string()))
            })
            .collect()
    }
}

/// How a sheet prints: the height of every row of the print area (each set in the file, none left
/// to the spreadsheet), the pages cut by the manual breaks, the rows repeated on each page and
/// the print scale.
struct Printed {
    heights: Vec<f64>,
    pages: Vec<(u32, u32)>,
    repeated: (u32, u32),
    scale: u16,
}

fn printed(path: &Path, sheet: &str) -> Printed {
    let xml = sheet_xml(path, sheet);
    let wb = part(path, "xl/workbook.xml");
    let defined = |name: &str| -> String {
        let tag = wb
            .split("<definedName ")
            .skip(1)
            .find(|t| attr(t, "name").as_deref() == Some(name))
            .unwrap_or_else(|| panic!("no {name} in workbook.xml"));
        xml_unescape(&tag[tag.find('>').unwrap() + 1..tag.find("</definedName>").unwrap()])
    };
    // 'Phiếu mẫu 04'!$A$1:$H$56
    let area = defined("_xlnm.Print_Area");
    let last: u32 = area.rsplit('$').next().unwrap().parse::<u32>().unwrap() - 1;
    // 'Phiếu mẫu 04'!$13:$13
    let titles = defined("_xlnm.Print_Titles").replace('$', "");
    let (a, b) = titles.rsplit('!').next().unwrap().split_once(':').unwrap();
    let repeated = (a.parse::<u32>().unwrap() - 1, b.parse::<u32>().unwrap() - 1);
    let mut heights = vec![f64::NAN; last as usize + 1];
    for chunk in xml.split("<row ").skip(1) {
        let tag = &chunk[..chunk.find('>').unwrap()];
        let r = attr(tag, "r").unwrap().parse::<usize>().unwrap() - 1;
        if let (Some(h), true) = (attr(tag, "ht"), r < heights.len()) {
            heights[r] = h.parse().unwrap();
        }
    }
    for (r, h) in heights.iter().enumerate() {
        assert!(
            !h.is_nan(),
            "{sheet}: row {} has no height of its own",
            r + 1
        );
    }
    assert!(
        !xml.contains("fitToPage"),
        "manual page breaks need a fixed scale"
    );
    let setup = &xml[xml.find("<pageSetup").expect("a page setup")..];
    let setup = &setup[..setup.find('>').unwrap()];
    assert_eq!(attr(setup, "orientation").as_deref(), Some("portrait"));
    assert_eq!(attr(setup, "paperSize").as_deref(), Some("9"), "A4");
    let scale = attr(setup, "scale").map_or(100, |s| s.parse().unwrap());
    let mut starts = vec![0u32];
    for chunk in xml.split("<brk ").skip(1) {
        starts.push(attr(chunk, "id").unwrap().parse().unwrap());
    }
    let pages = starts
        .iter()
        .enumerate()
        .map(|(i, &s)| (s, starts.get(i + 1).map_or(last, |n| n - 1)))
        .collect();
    Printed {
        heights,
        pages,
        repeated,
        scale,
    }
}

impl Printed {
    /// The height a page takes: its rows, and the repeated header on pages after the first.
    fn used(&self, page: usize) -> f64 {
        let span = |a: u32, b: u32| (a..=b).map(|r| self.heights[r as usize]).sum::<f64>();
        let (a, b) = self.pages[page];
        span(a, b)
            + if page > 0 {
                span(self.repeated.0, self.repeated.1)
            } else {
                0.0
            }
    }
    /// Every page holds its rows at the sheet's print scale.
    fn assert_fits(&self, what: &str) {
        let capacity = danhgia::writer::kit::page_capacity(false, self.scale);
        for page in 0..self.pages.len() {
            assert!(
                self.used(page) <= capacity,
                "{what}: page {} takes {} points of {capacity}",
                page + 1,
                self.used(page)
            );
        }
    }
    fn page_of(&self, row: u32) -> usize {
        self.pages
            .iter()
            .position(|(a, b)| (*a..=*b).contains(&row))
            .expect("a printed row")
    }
}

/// No text of the sheet is cut or runs over another: read back with umya-spreadsheet (fonts,
/// wrapping, merged areas, column widths, row heights) and measured with the Times New Roman
/// metrics the writer uses. A text that fits its cell (or merged area) on one line stands in a
/// row at least one line high; any other text is wrapped and its rows are as tall as its lines.
fn assert_nothing_cut(path: &Path, sheet: &str) {
    use danhgia::writer::metrics::{self, Font};
    let book = umya_spreadsheet::reader::xlsx::read(path).expect("umya reads the sheet");
    let ws = book.get_sheet_by_name(sheet).expect("the sheet");
    let merges: Vec<((u32, u32), (u32, u32))> = ws
        .get_merge_cells()
        .iter()
        .map(|m| {
            let range = m.get_range();
            let (a, b) = range.split_once(':').unwrap();
            (parse_a1(a), parse_a1(b))
        })
        .collect();
    let width = |c: u32| -> f64 {
        let letters: String = a1(0, c)
            .chars()
            .take_while(|ch| ch.is_ascii_alphabetic())
            .collect();
        let w = *ws
            .get_column_dimension(&letters)
            .unwrap_or_else(|| panic!("column {letters} has a width"))
            .get_width();
        // The file stores whole pixels over 7; the metrics take Excel's user width.
        ((w * 7.0).round() - 5.0) / 7.0 + 1e-6
    };
    let height = |r: u32| -> f64 {
        *ws.get_row_dimension(&(r + 1))
            .unwrap_or_else(|| panic!("row {} has a height", r + 1))
            .get_height()
    };
    let mut checked = 0;
    for cell in ws.get_cell_collection() {
        let value = cell.get_value();
        if cell.is_formula() || value.is_empty() {
            continue;
        }
        let at = cell.get_coordinate();
        let (c, r) = (*at.get_col_num() - 1, *at.get_row_num() - 1);
        let here = a1(r, c);
        let ((c0, r0), (c1, r1)) = merges
            .iter()
            .copied()
            .find(|((c0, r0), (c1, r1))| (*c0..=*c1).contains(&c) && (*r0..=*r1).contains(&r))
            .unwrap_or(((c, r), (c, r)));
        assert_eq!(
            (c0, r0),
            (c, r),
            "{here}: text in a merged area's first cell"
        );
        let style = cell.get_style();
        let f = style.get_font().expect("a font");
        assert_eq!(f.get_name(), "Times New Roman", "{here}");
        let font = Font::new(*f.get_size(), *f.get_bold(), *f.get_italic());
        let widths: Vec<f64> = (c0..=c1).map(width).collect();
        let tall: f64 = (r0..=r1).map(height).sum();
        let wrap = style.get_alignment().is_some_and(|a| *a.get_wrap_text());
        if metrics::fits_one_line(&value, font, &widths) {
            assert!(
                tall + 1e-6 >= font.line_height(),
                "{here}: {value:?} needs a line of {} points, has {tall}",
                font.line_height()
            );
        } else {
            assert!(
                wrap,
                "{here}: {value:?} does not fit one line and is not wrapped"
            );
            let need = metrics::wrapped_height(&value, font, &widths);
            assert!(
                tall + 1e-6 >= need,
                "{here}: {value:?} needs {need} points, has {tall}"
            );
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked} texts checked");
}

/// Realistic short criteria (each fits one line of the sheet), in the order of the groups and
/// contents of QĐ 264.
const CRITERIA: [&str; 45] = [
    "Trung thực khi báo cáo, kê khai",
    "Không tham nhũng, tiêu cực, vụ lợi",
    "Không nhận quà biếu trái quy định",
    "Công khai, minh bạch khi giải quyết việc",
    "Không lợi dụng chức vụ để trục lợi",
    "Thẳng thắn nhận khuyết điểm của mình",
    "Bảo vệ người tố cáo sai phạm",
    "Không nói sai sự thật về đồng nghiệp",
    "Chấp hành nghiêm giờ giấc làm việc",
    "Chấp hành nội quy, quy chế cơ quan",
    "Thực hiện đúng chỉ đạo của cấp trên",
    "Không uống rượu, bia trong giờ làm việc",
    "Giữ gìn bí mật nhà nước, bí mật công tác",
    "Sử dụng tài sản công đúng mục đích",
    "Không vắng mặt không có lý do",
    "Lắng nghe, tiếp thu ý kiến của người dân",
    "Hướng dẫn thủ tục rõ ràng, đầy đủ",
    "Không gây phiền hà, sách nhiễu",
    "Giải quyết công việc đúng hẹn",
    "Hoàn thành nhiệm vụ được giao đúng hạn",
    "Chủ động đề xuất giải pháp trong công việc",
    "Thường xuyên học tập, nâng cao trình độ",
    "Ứng dụng công nghệ thông tin trong công việc",
    "Phối hợp tốt với đồng nghiệp",
    "Chia sẻ thông tin, kinh nghiệm",
    "Tôn trọng ý kiến khác biệt",
    "Tham gia hoạt động chung của cơ quan",
    "Giao tiếp lịch sự, văn minh",
    "Trang phục gọn gàng, phù hợp",
    "Đeo thẻ công chức khi làm nhiệm vụ",
    "Gương mẫu thực hiện nhiệm vụ",
    "Chủ động xử lý tình huống phát sinh",
    "Quyết đoán, dám chịu trách nhiệm",
    "Nói đi đôi với làm",
    "Đi đầu trong đổi mới, sáng tạo",
    "Xây dựng kế hoạch công tác rõ ràng",
    "Định hướng phát triển cho đơn vị",
    "Khích lệ, động viên cán bộ",
    "Tạo môi trường làm việc tích cực",
    "Phát hiện, bồi dưỡng người có năng lực",
    "Phát huy dân chủ trong đơn vị",
    "Xây dựng khối đoàn kết nội bộ",
    "Đánh giá cán bộ khách quan, công tâm",
    "Lắng nghe ý kiến của cấp dưới",
    "Giải quyết đơn thư đúng quy định",
];

/// The default profile with a text for every criterion of the three forms (`texts(i)` for item
/// i, 1-based), and the first group's contents given their own runs (1–6 and 7–15).
fn profile_with_texts(dir: &Path, name: &str, texts: impl Fn(usize) -> String) -> PathBuf {
    let out = run_raw(&["profile", "show"]);
    assert_eq!(exit_code(&out), 0);
    let mut t: toml::Table = String::from_utf8(out.stdout).unwrap().parse().unwrap();
    let forms = t
        .get_mut("forms")
        .and_then(|f| f.as_table_mut())
        .expect("[forms]");
    for (code, n) in [("03", 45), ("04", 30), ("05", 30)] {
        let f = forms
            .get_mut(code)
            .and_then(|f| f.as_table_mut())
            .expect("a form");
        let list: Vec<String> = (1..=n).map(&texts).collect();
        f.insert("item_texts".into(), toml::Value::try_from(list).unwrap());
        let g0 = f
            .get_mut("groups")
            .and_then(|g| g.as_array_mut())
            .and_then(|g| g.first_mut())
            .and_then(|g| g.as_table_mut())
            .expect("a first group");
        g0.insert(
            "content_items".into(),
            toml::Value::try_from(vec!["1-6", "7-15"]).unwrap(),
        );
    }
    let path = dir.join(name);
    std::fs::write(&path, toml::to_string(&t).unwrap()).unwrap();
    path
}

#[test]
fn score_sheets_show_the_groups_and_contents_of_qd_264_and_fit_one_page_for_30_items() {
    let dir = tempfile::tempdir().unwrap();
    let texts = profile_with_texts(dir.path(), "tieu-chi.toml", |i| CRITERIA[i - 1].to_string());
    for (kind, items, groups) in [
        ("phieu-03", 45, 3),
        ("phieu-04", 30, 2),
        ("phieu-05", 30, 2),
    ] {
        let code = &kind[6..];
        let sheet = format!("Phiếu mẫu {code}");
        for with_texts in [false, true] {
            let what = format!("{kind}{}", if with_texts { " (tiêu chí)" } else { "" });
            let path = dir.path().join(format!("{kind}-{with_texts}.xlsx"));
            let mut args = vec![
                kind,
                "-q",
                "2024-Q2",
                "--don-vi",
                "Phòng Tài chính - Kế hoạch",
            ];
            if with_texts {
                args.extend(["--profile", p(&texts)]);
            }
            args.extend(["-o", p(&path)]);
            template(&args);
            let ph = Phieu::read(&path, &sheet);

            // Every criterion once, numbered 1..N; the two score columns, unlocked and checked.
            assert_eq!(ph.items.len(), items, "{what}");
            let (own, authority) = (ph.col(SELF_SCORE), ph.col(AUTHORITY_SCORE));
            assert_ne!(own, authority);
            let vs = validations(&sheet_xml(&path, &sheet));
            for &r in &ph.items {
                for c in [own, authority] {
                    let cell = a1(r, c);
                    assert!(!locked(&path, &sheet, &cell), "{what}: {cell} is an input");
                    assert_eq!(validation_at(&vs, &cell).kind, "custom", "{what}: {cell}");
                }
            }

            // The groups of seed 004 head their criteria, numbered I, II, III.
            let first_of_group = [1, 16, 31];
            for (gi, (name, _)) in QD_264.iter().take(groups).enumerate() {
                let (number, heading) = ph.group_above(first_of_group[gi]);
                assert_eq!(number, ["I", "II", "III"][gi], "{what}");
                assert_eq!(words(heading), words(name), "{what}: group {}", gi + 1);
            }
            // ... and no other group: the criteria run on to the totals.
            assert_eq!(ph.g.get(ph.items[items - 1] + 1, 0), "Tổng điểm");
            // The contents of seed 004, each beside the first of its criteria (shared out evenly,
            // or as the profile gives them), written as headings with a capital letter.
            let contents = ph.contents();
            let seed: Vec<String> = QD_264
                .iter()
                .take(groups)
                .flat_map(|(_, c)| c.iter().map(|c| words(c)))
                .collect();
            assert_eq!(
                contents.iter().map(|(_, c)| words(c)).collect::<Vec<_>>(),
                seed,
                "{what}"
            );
            assert!(
                contents
                    .iter()
                    .all(|(_, c)| c.chars().next().is_some_and(char::is_uppercase)),
                "{what}: {contents:?}"
            );
            let starts: Vec<usize> = contents.iter().map(|(i, _)| *i).collect();
            let second = if with_texts { 7 } else { 9 };
            let expected = [1, second, 16, 20, 24, 28, 31, 36, 41];
            assert_eq!(starts, expected[..seed.len()], "{what}");

            // The criterion's text from the profile, or a blank to write it in.
            let criterion = ph.col("Tiêu chí đánh giá");
            for (i, &r) in ph.items.iter().enumerate() {
                let want = if with_texts { CRITERIA[i] } else { "" };
                assert_eq!(ph.g.get(r, criterion), want, "{what}: item {}", i + 1);
                assert_eq!(
                    locked(&path, &sheet, &a1(r, criterion)),
                    with_texts,
                    "{what}: item {}",
                    i + 1
                );
            }

            // The pages: one for 30 criteria, two for 45, broken before a group, with the
            // signatures on a page that shows criteria; every page holds its rows.
            let pr = printed(&path, &sheet);
            pr.assert_fits(&what);
            let (sign, _) = ph.g.find("NGƯỜI TỰ ĐÁNH GIÁ").expect("the signature");
            assert_eq!(pr.page_of(sign), pr.pages.len() - 1);
            if items == 30 {
                assert_eq!(pr.pages.len(), 1, "{what}: one page");
            } else {
                assert_eq!(pr.pages.len(), 2, "{what}: two pages");
                let start = pr.pages[1].0;
                assert_eq!(
                    ph.g.get(start, 0),
                    "III",
                    "{what}: the break is before group III"
                );
                assert_eq!(pr.repeated, (ph.header, ph.header), "{what}");
            }
            let last_page = pr.pages.len() - 1;
            assert!(
                ph.items.iter().any(|&r| pr.page_of(r) == last_page),
                "{what}: the signed page shows criteria"
            );
            assert_nothing_cut(&path, &sheet);
        }
    }
}

#[test]
fn long_criteria_and_names_wrap_and_the_form_breaks_between_groups() {
    let dir = tempfile::tempdir().unwrap();
    // Criteria of two lines each: 30 of them no longer fit one page.
    let long = profile_with_texts(dir.path(), "dai.toml", |i| {
        format!("{} theo đúng quy định của cơ quan, đơn vị", CRITERIA[i - 1])
    });
    let path = dir.path().join("dai.xlsx");
    template(&[
        "phieu-04",
        "--profile",
        p(&long),
        "--don-vi",
        "Trung tâm Văn hóa - Thông tin và Thể thao quận Long Biên",
        "-o",
        p(&path),
    ]);
    let sheet = "Phiếu mẫu 04";
    let ph = Phieu::read(&path, sheet);
    assert_eq!(ph.items.len(), 30);
    let pr = printed(&path, sheet);
    pr.assert_fits("phieu-04 (tiêu chí dài)");
    assert_eq!(pr.pages.len(), 2);
    assert_eq!(
        pr.pages[1].0,
        ph.items[15] - 1,
        "the break is before group II"
    );
    assert_eq!(ph.g.get(pr.pages[1].0, 0), "II");
    let (sign, _) = ph.g.find("NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ").unwrap();
    assert_eq!(pr.page_of(sign), 1);
    // A long criterion takes more than one line: its row is taller than a blank one.
    assert!(pr.heights[ph.items[0] as usize] > pr.heights[ph.header as usize + 1]);
    assert_nothing_cut(&path, sheet);

    // A unit with a long name, no texts: still one page, the name wrapped in the heading.
    let path = dir.path().join("ten-dai.xlsx");
    template(&[
        "phieu-05",
        "-q",
        "2025-Q1",
        "--don-vi",
        "Trung tâm Văn hóa - Thông tin và Thể thao quận Long Biên",
        "-o",
        p(&path),
    ]);
    let pr = printed(&path, "Phiếu mẫu 05");
    pr.assert_fits("phieu-05 (tên dài)");
    assert_eq!(pr.pages.len(), 1);
    assert_nothing_cut(&path, "Phiếu mẫu 05");
}

#[test]
fn individual_score_sheets_list_the_criteria_with_two_score_columns_and_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let p04 = dir.path().join("p04.xlsx");
    let out = template(&[
        "phieu-04",
        "-q",
        "2024-Q2",
        "--don-vi",
        "Phòng Nội vụ",
        "-o",
        p(&p04),
    ]);
    assert!(
        out.contains("Đã tạo phiếu đánh giá cá nhân Mẫu 04 (30 nội dung)"),
        "{out}"
    );
    assert_eq!(sheet_names(&p04), ["Phiếu mẫu 04"]);
    let g = Grid::read(&p04, "Phiếu mẫu 04");
    let text = g.all_text();
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHIẾU ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP",
        "của CBCCVC, NLĐ (đơn vị dưới 20 người)",
        "Quý II năm 2024",
        "PHÒNG NỘI VỤ",
        "NGƯỜI TỰ ĐÁNH GIÁ",
        "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
        "(Ký, ghi rõ họ tên)",
    ] {
        assert!(text.contains(needle), "missing `{needle}` in\n{text}");
    }
    let ph = Phieu::read(&p04, "Phiếu mẫu 04");
    assert_eq!(
        ph.g.row(ph.header),
        [
            "STT",
            "Nội dung",
            "Tiêu chí đánh giá",
            "Bắt buộc",
            "Điểm tự đánh giá",
            "Điểm cấp có thẩm quyền đánh giá"
        ]
    );
    assert_eq!(ph.items.len(), 30);
    let mark = ph.col("Bắt buộc");
    for (i, &r) in ph.items.iter().enumerate() {
        assert_eq!(ph.g.get(r, mark) == "x", i < 20, "mark of item {}", i + 1);
    }
    // Each group heads its criteria: its number and name on the row above the first one.
    assert_eq!(ph.group_above(1), ("I", "Đạo đức công vụ"));
    assert_eq!(ph.group_above(16), ("II", "Hoạt động công vụ"));
    assert_eq!(ph.g.get(ph.items[29] + 1, 0), "Tổng điểm");
    let (own, authority) = (ph.col(SELF_SCORE), ph.col(AUTHORITY_SCORE));
    assert!(!locked(&p04, "Phiếu mẫu 04", &a1(ph.items[0], own)));
    assert!(!locked(&p04, "Phiếu mẫu 04", &a1(ph.items[29], authority)));
    assert!(locked(
        &p04,
        "Phiếu mẫu 04",
        &a1(ph.items[0], ph.col("Nội dung"))
    ));
    // No criterion text in the default profile: a blank to write it in.
    let criterion = ph.col("Tiêu chí đánh giá");
    assert_eq!(ph.g.get(ph.items[0], criterion), "");
    assert!(!locked(&p04, "Phiếu mẫu 04", &a1(ph.items[0], criterion)));

    // Mẫu 03 without a quarter: 45 criteria, the quarter left to write by hand.
    let p03 = dir.path().join("p03.xlsx");
    template(&["phieu-03", "-o", p(&p03)]);
    let ph = Phieu::read(&p03, "Phiếu mẫu 03");
    assert!(ph.g.find("Quý …… năm ……").is_some());
    assert_eq!(ph.items.len(), 45);
    assert_eq!(ph.group_above(31), ("III", "Phong cách lãnh đạo"));
    let mark = ph.col("Bắt buộc");
    assert_eq!(ph.g.get(ph.items[29], mark), "x");
    assert_eq!(ph.g.get(ph.items[30], mark), "");
    // Long forms break between criteria groups.
    let xml = sheet_xml(&p03, "Phiếu mẫu 03");
    assert!(xml.contains("<rowBreaks"), "page breaks between groups");

    let p05 = dir.path().join("p05.xlsx");
    template(&["phieu-05", "-o", p(&p05)]);
    assert_eq!(sheet_names(&p05), ["Phiếu mẫu 05"]);
}

// ------------------------------------------------------------- determinism, safety, errors

#[test]
fn the_same_arguments_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec![
            "don-vi",
            "-q",
            "2024-Q3",
            "--so-nguoi",
            "23",
            "--khoi",
            "truong-hoc",
        ],
        vec!["phieu-03", "-q", "2024-Q3"],
    ] {
        let a = dir.path().join("a.xlsx");
        let b = dir.path().join("b.xlsx");
        template(&[&args[..], &["-o", p(&a)]].concat());
        template(&[&args[..], &["-o", p(&b)]].concat());
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{args:?}"
        );
        std::fs::remove_file(&a).unwrap();
        std::fs::remove_file(&b).unwrap();
    }
}

#[test]
fn prefilled_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("x.xlsx");
    template(&[
        "don-vi",
        "-q",
        "2024-Q1",
        "--don-vi",
        "=HYPERLINK(\"http://x\")",
        "--ma-don-vi",
        "+TN",
        "-o",
        p(&tpl),
    ]);
    let info = Grid::read(&tpl, "Thông tin");
    let (r, _) = info.find("Đơn vị").unwrap();
    assert_eq!(info.get(r, 1), "=HYPERLINK(\"http://x\")");
    assert_eq!(info.get(r + 1, 1), "+TN");
    let xml = sheet_xml(&tpl, "Thông tin");
    let b4 = &xml[xml.find("<c r=\"B4\"").unwrap()..];
    assert!(!b4[..b4.find("</c>").unwrap()].contains("<f>"));
}

#[test]
fn usage_problems_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.xlsx");
    let o = p(&out);
    let err = template_fails(&["don-vi", "-o", o]);
    assert!(err.contains("cần quý") && err.contains("-q"), "{err}");
    let err = template_fails(&["don-vi", "-q", "2024-Q1", "--khoi", "Doanh nghiệp", "-o", o]);
    assert!(
        err.contains("Doanh nghiệp") && err.contains("Trường học"),
        "{err}"
    );
    let err = template_fails(&["don-vi", "-q", "2024-Q1", "--so-nguoi", "0", "-o", o]);
    assert!(err.contains("--so-nguoi"), "{err}");
    let err = template_fails(&[
        "don-vi",
        "-q",
        "2024-Q1",
        "-o",
        p(&dir.path().join("m.xls")),
    ]);
    assert!(err.contains(".xlsx"), "{err}");
    let err = template_fails(&["phieu-04", "--so-nguoi", "5", "-o", o]);
    assert!(
        err.contains("--so-nguoi") && err.contains("don-vi"),
        "{err}"
    );
    let err = template_fails(&["don-vi", "-q", "2024-Q1", "--mat-khau", "", "-o", o]);
    assert!(err.contains("--mat-khau"), "{err}");
    assert!(!out.exists(), "nothing written on a usage error");

    // An existing file is not overwritten without --force.
    template(&["phieu-04", "-o", o]);
    let before = std::fs::read(&out).unwrap();
    let err = template_fails(&["don-vi", "-q", "2024-Q1", "-o", o]);
    assert!(err.contains("đã có") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), before);
    template(&["don-vi", "-q", "2024-Q1", "--force", "-o", o]);
    assert_ne!(std::fs::read(&out).unwrap(), before);

    // English messages with --lang en; the workbook's labels stay Vietnamese.
    let en = dir.path().join("en.xlsx");
    let msg = template(&["--lang", "en", "don-vi", "-q", "2024-Q1", "-o", p(&en)]);
    assert!(
        msg.contains("Wrote the unit workbook template for 2024-Q1"),
        "{msg}"
    );
    assert!(Grid::read(&en, "Danh sách").find("Họ và tên").is_some());
    let err = template_fails(&[
        "--lang",
        "en",
        "don-vi",
        "-o",
        p(&dir.path().join("e2.xlsx")),
    ]);
    assert!(err.contains("needs a quarter"), "{err}");

    // The reward proposal workbook comes from the rewards' side and takes only --profile.
    let dn = dir.path().join("de-nghi.xlsx");
    template(&["de-nghi-khen-thuong", "-o", p(&dn)]);
    assert!(!sheet_names(&dn).is_empty());
    let err = template_fails(&[
        "de-nghi-khen-thuong",
        "-q",
        "2024-Q1",
        "-o",
        p(&dir.path().join("dn2.xlsx")),
    ]);
    assert!(err.contains("-q"), "{err}");

    // An unknown kind is a usage error.
    let err = template_fails(&["mau-09", "-o", o]);
    assert!(err.contains("mau-09"), "{err}");
}

#[test]
fn a_template_for_a_quarter_outside_the_profile_period_is_written_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    for (q, outside) in [("2026-Q1", true), ("2025-Q4", false)] {
        let out = dir.path().join(format!("{q}.xlsx"));
        let o = run_raw(&[
            "template",
            "don-vi",
            "-q",
            q,
            "--don-vi",
            "Phòng Nội vụ",
            "--khoi",
            "Chính quyền",
            "--so-nguoi",
            "3",
            "-o",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(exit_code(&o), 0, "{q}: {stderr}");
        assert!(out.exists(), "{q}: the template is written");
        assert_eq!(
            stderr.contains("profile-out-of-period"),
            outside,
            "{q}: {stderr}"
        );
    }
}
