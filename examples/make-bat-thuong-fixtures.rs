//! Writes the fixtures of `danhgia bat-thuong` (SPEC §4; 001 Bước 4) into `fixtures/bat-thuong/`
//! (or the folder given): six units of the bloc "Chính quyền" in quarter II/2024 (`quy-2/`) and
//! the same six units in quarter I/2024 (`quy-1/`), each made to raise exactly one sign — or none
//! — when quarter II is reviewed against quarter I; the results document of quarter I
//! (`ket-qua-quy-1.json`, as `danhgia evaluate --format json` writes it); and the README that
//! says what each file must raise. `tests/bat_thuong.rs` checks it.
//!
//! Run from the crate root: `cargo run --example make-bat-thuong-fixtures [-- OUTDIR]`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// How a unit's people are scored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scoring {
    /// Every row different; one staff member above the leader's share.
    Varied,
    /// As `Varied`, but five staff rows the same on every content (total 290).
    Copied,
    /// Every content of every row at 10 (450 and 300).
    AllTen,
    /// The leader at 445/450 (98.9%), every staff member at 290 or less of 300.
    LeaderAbove,
}

/// One fixture unit.
struct Unit {
    file: &'static str,
    name: &'static str,
    code: &'static str,
    scoring: Scoring,
    /// People đạt in quarter I and in quarter II (the first ones of the list).
    dat: [usize; 2],
    /// The signs quarter II must raise (README).
    expected: &'static str,
    why: &'static str,
}

const UNITS: [Unit; 6] = [
    Unit {
        file: "khong-dau-hieu.xlsx",
        name: "Phòng Tư pháp",
        code: "TP",
        scoring: Scoring::Varied,
        dat: [3, 3],
        expected: "none",
        why: "rows all different, a staff member (TP02, 299/300 = 99.7%) above the leader (435/450 = 96.7%), đạt rate 30% as in quarter I",
    },
    Unit {
        file: "diem-giong-nhau.xlsx",
        name: "Phòng Văn hóa và Thông tin",
        code: "VHTT",
        scoring: Scoring::Copied,
        dat: [3, 3],
        expected: "`copied-rows` (Mẫu 04: VHTT03–VHTT07, 30 contents, total 290, 20 contents at 10)",
        why: "five staff rows identical on every content (20 at 10, 10 at 9)",
    },
    Unit {
        file: "ca-trang-diem-10.xlsx",
        name: "Phòng Y tế",
        code: "YT",
        scoring: Scoring::AllTen,
        dat: [2, 2],
        expected: "`sheet-all-top` (Mẫu 04: YT02–YT10, 30 contents)",
        why: "every content of every row at 10 (the all-10 rows are not `copied-rows`; the leader's 100% is not above the staff's 100%; Mẫu 03 has one person, under the minimum of 3)",
    },
    Unit {
        file: "lanh-dao-cao-nhat.xlsx",
        name: "Phòng Quản lý đô thị",
        code: "QLDT",
        scoring: Scoring::LeaderAbove,
        dat: [3, 3],
        expected: "`leader-above-all` (QLDT01 445/450 = 98.9%; 9 people led, the highest QLDT02 290/300 = 96.7%)",
        why: "the leader (whole unit) above every one of the nine staff",
    },
    Unit {
        file: "ty-le-cao.xlsx",
        name: "Phòng Tài nguyên và Môi trường",
        code: "TNMT",
        scoring: Scoring::Varied,
        dat: [10, 10],
        expected: "`rate-above-bloc` (10/10 = 100% against 16/50 = 32% for the 5 other units: 68 points)",
        why: "everyone đạt, in both quarters (no jump)",
    },
    Unit {
        file: "tang-vot.xlsx",
        name: "Phòng Kinh tế",
        code: "KT",
        scoring: Scoring::Varied,
        dat: [1, 5],
        expected: "`rate-jump` (5/10 = 50% against 1/10 = 10% in quarter I: 40 points)",
        why: "1 person đạt in quarter I, 5 in quarter II; 50% is 8 points above the other units' 21/50 = 42%",
    },
];

/// The people of every unit: a leader on mẫu 03 and nine staff on mẫu 04.
const PEOPLE: usize = 10;

const NAMES: [&str; PEOPLE] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Cường",
    "Phạm Thu Hằng",
    "Hoàng Đức Dũng",
    "Vũ Thị Lan",
    "Đặng Quốc Huy",
    "Bùi Thanh Mai",
    "Đỗ Hữu Nam",
    "Ngô Thị Oanh",
];

/// A quarter of the fixtures.
struct Quarter {
    folder: &'static str,
    quy: &'static str,
    months: [u32; 3],
    sent: &'static str,
    /// 0 for quarter I, 1 for quarter II (the index into `Unit::dat`).
    index: usize,
}

const QUARTERS: [Quarter; 2] = [
    Quarter {
        folder: "quy-1",
        quy: "I/2024",
        months: [1, 2, 3],
        sent: "25/03/2024",
        index: 0,
    },
    Quarter {
        folder: "quy-2",
        quy: "II/2024",
        months: [4, 5, 6],
        sent: "25/06/2024",
        index: 1,
    },
];

/// 30 contents: 20 at 10, the others at `rest`, and content `low` (1-based), if any, at 8.
fn staff_row(rest: f64, low: Option<usize>) -> Vec<f64> {
    let mut v = vec![10.0; 20];
    v.extend(std::iter::repeat_n(rest, 10));
    if let Some(k) = low {
        v[k - 1] = 8.0;
    }
    v
}

/// 45 contents: 30 at 10, the others at 10 but the last `nines` at 9.
fn leader_row(nines: usize) -> Vec<f64> {
    let mut v = vec![10.0; 45];
    for x in v.iter_mut().skip(45 - nines) {
        *x = 9.0;
    }
    v
}

/// The scores of person `i` (0: the leader).
fn scores(scoring: Scoring, i: usize) -> Vec<f64> {
    match (scoring, i) {
        (Scoring::AllTen, 0) => vec![10.0; 45],
        (Scoring::AllTen, _) => vec![10.0; 30],
        (Scoring::LeaderAbove, 0) => leader_row(5),
        (_, 0) => leader_row(15),
        // Everyone below the leader's 98.9%: 290, then 289 with the 8 on another content.
        (Scoring::LeaderAbove, 1) => staff_row(9.0, None),
        (Scoring::LeaderAbove, _) => staff_row(9.0, Some(20 + i)),
        // 299/300: above the leader's 435/450.
        (_, 1) => {
            let mut v = vec![10.0; 30];
            v[29] = 9.0;
            v
        }
        (Scoring::Copied, 2..=6) => staff_row(9.0, None),
        (_, _) => staff_row(9.0, Some(20 + i)),
    }
}

fn new_book() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("make-bat-thuong-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 1)?),
    );
    Ok(wb)
}

fn row_of(ws: &mut Worksheet, row: u32, cells: &[&str]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(row, c as u16, *v)?;
        }
    }
    Ok(())
}

/// `Thông tin`.
fn info(wb: &mut Workbook, unit: &Unit, q: &Quarter) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Thông tin")?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 34)?;
    let headcount = PEOPLE.to_string();
    for (r, (label, value)) in [
        ("Đơn vị", unit.name),
        ("Mã đơn vị", unit.code),
        ("Khối", "Chính quyền"),
        ("Quý", q.quy),
        ("Tổng số CBCCVC, NLĐ", headcount.as_str()),
        ("Ngày gửi", q.sent),
    ]
    .into_iter()
    .enumerate()
    {
        row_of(ws, r as u32, &[label, value])?;
    }
    Ok(())
}

/// `Danh sách`: the first `dat` people have a month rated HTXSNV (đạt), the others only HTTNV
/// (not đạt: no month xuất sắc).
fn list(wb: &mut Workbook, unit: &Unit, q: &Quarter, birth: &[String]) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Danh sách")?;
    let m = q.months.map(|m| format!("Tháng {m}"));
    row_of(
        ws,
        0,
        &[
            "STT",
            "Mã CB",
            "Họ và tên",
            "Ngày sinh",
            "Chức vụ",
            "Bộ phận",
            "Phụ trách",
            "Diện BTV quản lý",
            &m[0],
            &m[1],
            &m[2],
            "Kỷ luật",
            "Thanh tra, kiểm tra",
            "Số ngày nghỉ",
            "Ghi chú",
        ],
    )?;
    for (i, name) in NAMES.iter().enumerate() {
        let first = if i < unit.dat[q.index] {
            "HTXSNV"
        } else {
            "HTTNV"
        };
        let (title, part, btv) = if i == 0 {
            ("Trưởng phòng", "Lãnh đạo", "x")
        } else {
            ("Chuyên viên", "Chuyên môn", "")
        };
        row_of(
            ws,
            i as u32 + 1,
            &[
                &(i + 1).to_string(),
                &id(unit, i),
                name,
                &birth[i],
                title,
                part,
                "",
                btv,
                first,
                "HTTNV",
                "HTTNV",
                "",
                "",
                "0",
                "",
            ],
        )?;
    }
    Ok(())
}

fn id(unit: &Unit, i: usize) -> String {
    format!("{}{:02}", unit.code, i + 1)
}

/// `Mẫu 03` (the leader) and `Mẫu 04` (the staff).
fn score_sheets(wb: &mut Workbook, unit: &Unit) -> Result<(), XlsxError> {
    for (sheet, items, people) in [("Mẫu 03", 45u16, 0..1), ("Mẫu 04", 30, 1..PEOPLE)] {
        let ws = wb.add_worksheet().set_name(sheet)?;
        row_of(ws, 0, &["STT", "Mã CB", "Họ và tên"])?;
        for k in 1..=items {
            ws.write_number(0, 2 + k, f64::from(k))?;
        }
        for (r, i) in people.enumerate() {
            let row = r as u32 + 1;
            row_of(ws, row, &[&(r + 1).to_string(), &id(unit, i), NAMES[i]])?;
            for (k, s) in scores(unit.scoring, i).iter().enumerate() {
                ws.write_number(row, 3 + k as u16, *s)?;
            }
        }
    }
    Ok(())
}

fn write_unit(path: &Path, n: usize, unit: &Unit, q: &Quarter) -> Result<(), XlsxError> {
    // Birth dates differ from unit to unit: nobody is the same person in two units.
    let birth: Vec<String> = (0..PEOPLE)
        .map(|i| format!("{:02}/{:02}/{}", i + 1, n + 1, 1975 + i))
        .collect();
    let mut wb = new_book()?;
    info(&mut wb, unit, q)?;
    list(&mut wb, unit, q, &birth)?;
    score_sheets(&mut wb, unit)?;
    wb.save(path)
}

/// The results document of quarter I, as `danhgia evaluate quy-1/ --format json` writes it.
fn results_of(folder: &Path, to: &Path) -> std::io::Result<()> {
    let profile = danhgia::profile::Profile::default_profile();
    let inputs = danhgia::batch::collect_inputs(&[folder.to_path_buf()]);
    let b = danhgia::batch::run(&inputs, &profile, None);
    assert_eq!(b.errors(), 0, "quarter I reads without errors");
    let mut out = Vec::new();
    danhgia::report::results_json(&b, danhgia::i18n::Lang::Vi, &mut out)?;
    std::fs::write(to, out)
}

fn readme() -> String {
    let mut t = String::from(
        "# Fixtures of `danhgia bat-thuong` (SPEC §4; 001 Bước 4)\n\n\
         Generated by `cargo run --example make-bat-thuong-fixtures` (optionally `-- OUTDIR`; default\n\
         `fixtures/bat-thuong`) from `examples/make-bat-thuong-fixtures.rs`; do not edit by hand.\n\
         `tests/bat_thuong.rs` checks every line below.\n\n\
         Six units of the bloc \"Chính quyền\", each in `quy-2/` (quarter II/2024, the quarter reviewed) and\n\
         in `quy-1/` (quarter I/2024, the previous quarter), under the same file name and `Mã đơn vị`.\n\
         Every unit has 10 people: 01 the leader (`Trưởng phòng`, `Diện BTV quản lý` x, `Phụ trách`\n\
         empty: the whole unit) on `Mẫu 03`, 02–10 on `Mẫu 04`; no discipline, inspection or absence.\n\
         Every row meets the score conditions of đạt (mandatory contents at 10, the others at 8 or\n\
         more), so who is đạt follows the months: the first N people of a unit have months HTXSNV,\n\
         HTTNV, HTTNV (đạt), the others HTTNV three times (`khong-thang-xuat-sac`). Nobody is `loi`;\n\
         no file has a finding. `ket-qua-quy-1.json` is quarter I's results document\n\
         (`danhgia evaluate fixtures/bat-thuong/quy-1/ --format json`).\n\n\
         Reviewed together — `danhgia bat-thuong fixtures/bat-thuong/quy-2/ fixtures/bat-thuong/quy-1/`,\n\
         or with `fixtures/bat-thuong/ket-qua-quy-1.json` for quarter I — each file of `quy-2/` raises\n\
         exactly the signs below, with the default thresholds (profile `long-bien-2023`):\n\n\
         | File | Unit | Đạt I → II | Signs | Why |\n| --- | --- | --- | --- | --- |\n",
    );
    for u in &UNITS {
        t.push_str(&format!(
            "| `{}` | {} (`{}`) | {}/10 → {}/10 | {} | {} |\n",
            u.file, u.name, u.code, u.dat[0], u.dat[1], u.expected, u.why
        ));
    }
    t.push_str(
        "\nWithout the previous quarter, `rate-jump` is not checked (`no-previous-quarter`) and the\n\
         other signs are the same. From a results document alone (quarter II's `ket-qua.json`),\n\
         `copied-rows` and `leader-above-all` are not checked (`no-content-scores`, `no-scope`);\n\
         `rate-above-bloc` and `sheet-all-top` (a total of 300 on mẫu 04 is 10 on every content) are.\n",
    );
    t
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out: PathBuf = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("fixtures/bat-thuong"), PathBuf::from);
    for q in &QUARTERS {
        let dir = out.join(q.folder);
        std::fs::create_dir_all(&dir)?;
        for (n, unit) in UNITS.iter().enumerate() {
            write_unit(&dir.join(unit.file), n, unit, q)?;
        }
    }
    results_of(&out.join("quy-1"), &out.join("ket-qua-quy-1.json"))?;
    std::fs::write(out.join("README.md"), readme())?;
    println!("bat-thuong fixtures written to {}", out.display());
    Ok(())
}
