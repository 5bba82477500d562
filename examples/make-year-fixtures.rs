//! Writes a small example year for `danhgia nam` into `fixtures/nam/` (or the folder given): the
//! unit workbooks of the four quarters of 2024 (`2024-Q1/` … `2024-Q4/`) and `README.md` with the
//! figures the year must give. Four units of the three blocs; people join, leave and move from
//! one unit to another; one unit sends nothing in quarter III; units propose rewards.
//!
//! ```text
//! cargo run --example make-year-fixtures            # writes into ./fixtures/nam
//! cargo run --example make-year-fixtures -- OUTDIR
//! ```
//!
//! The expected figures are computed here from the planned data with this file's own arithmetic
//! (the rules of SPEC §2 for the cases used: months, absence; cap = ⌊percent × đạt / 100⌋;
//! 0,3 × base salary × 3 rounded up to 10 000 đ), independently of danhgia's code;
//! `tests/nam.rs` runs `danhgia run` on each quarter, then `danhgia nam`, and checks them. Only
//! `rust_xlsxwriter` and `std` are used; the output is deterministic.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

const YEAR: i32 = 2024;
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// A person's quarter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Q {
    /// Not listed.
    Out,
    /// Months HTXSNV, HTTNV, HTTNV, every score at its threshold or above: đạt.
    Dat,
    /// Months HTTNV ×3 (no month xuất sắc): không đạt.
    KhongDat,
    /// Absent 20 working days: not evaluated.
    Vang,
}

use Q::*;

struct Person {
    id: &'static str,
    name: &'static str,
    birth: &'static str,
    title: &'static str,
    leader: bool,
    /// The unit (code) and result of each quarter.
    quarters: [(&'static str, Q); 4],
}

struct Unit {
    code: &'static str,
    name: &'static str,
    bloc: &'static str,
    bloc_code: &'static str,
    percent: u64,
    /// Quarters the unit sends its workbook.
    sends: [bool; 4],
    /// `Đề nghị khen thưởng` per quarter (Mã CB in priority order); empty: no sheet.
    proposals: [&'static [&'static str]; 4],
}

const UNITS: [Unit; 4] = [
    Unit {
        code: "MTTQ",
        name: "Ủy ban MTTQ quận",
        bloc: "Đảng - Đoàn thể",
        bloc_code: "dang-doan-the",
        percent: 15,
        sends: [true; 4],
        proposals: [&["CB305"], &["CB301"], &[], &[]],
    },
    Unit {
        code: "NV",
        name: "Phòng Nội vụ",
        bloc: "Chính quyền",
        bloc_code: "chinh-quyen",
        percent: 15,
        sends: [true; 4],
        proposals: [&["CB101"], &["CB102"], &["CB305"], &["CB101"]],
    },
    Unit {
        code: "TCKH",
        name: "Phòng Tài chính - Kế hoạch",
        bloc: "Chính quyền",
        bloc_code: "chinh-quyen",
        percent: 15,
        sends: [true, true, false, true],
        proposals: [&[], &[], &[], &[]],
    },
    Unit {
        code: "THGT",
        name: "Trường Tiểu học Gia Thụy",
        bloc: "Trường học",
        bloc_code: "truong-hoc",
        percent: 3,
        sends: [true; 4],
        proposals: [&[], &[], &[], &[]],
    },
];

const fn all(unit: &'static str, q: Q) -> [(&'static str, Q); 4] {
    [(unit, q), (unit, q), (unit, q), (unit, q)]
}

fn people() -> Vec<Person> {
    let p = |id, name, birth, title, leader, quarters| Person {
        id,
        name,
        birth,
        title,
        leader,
        quarters,
    };
    let nv = "NV";
    let tc = "TCKH";
    let mt = "MTTQ";
    let th = "THGT";
    vec![
        // Phòng Nội vụ: CB111 joins in quarter II; CB305 arrives from the MTTQ in quarter III.
        p(
            "CB101",
            "Nguyễn Văn An",
            "12/03/1975",
            "Trưởng phòng",
            true,
            all(nv, Dat),
        ),
        p(
            "CB102",
            "Trần Thị Bình",
            "04/07/1982",
            "Phó Trưởng phòng",
            false,
            all(nv, Dat),
        ),
        p(
            "CB103",
            "Lê Minh Cường",
            "21/11/1986",
            "Chuyên viên",
            false,
            [(nv, Dat), (nv, Dat), (nv, KhongDat), (nv, Dat)],
        ),
        p(
            "CB104",
            "Phạm Thu Dung",
            "30/01/1990",
            "Chuyên viên",
            false,
            all(nv, KhongDat),
        ),
        p(
            "CB105",
            "Hoàng Văn Giang",
            "15/05/1988",
            "Chuyên viên",
            false,
            [(nv, Dat), (nv, Vang), (nv, Dat), (nv, Dat)],
        ),
        p(
            "CB106",
            "Vũ Thị Hạnh",
            "09/09/1991",
            "Chuyên viên",
            false,
            all(nv, Dat),
        ),
        p(
            "CB107",
            "Đặng Quốc Hải",
            "18/02/1979",
            "Chuyên viên chính",
            false,
            all(nv, Dat),
        ),
        p(
            "CB108",
            "Bùi Thị Hoa",
            "27/06/1993",
            "Chuyên viên",
            false,
            all(nv, Dat),
        ),
        p(
            "CB109",
            "Đỗ Văn Hùng",
            "03/12/1984",
            "Chuyên viên",
            false,
            all(nv, Dat),
        ),
        p(
            "CB110",
            "Ngô Thị Lan",
            "11/08/1995",
            "Văn thư",
            false,
            all(nv, Dat),
        ),
        p(
            "CB111",
            "Dương Văn Long",
            "22/10/1996",
            "Chuyên viên",
            false,
            [(nv, Out), (nv, Dat), (nv, Dat), (nv, Dat)],
        ),
        // Phòng Tài chính - Kế hoạch: sends nothing in quarter III; CB207 leaves after quarter II.
        p(
            "CB201",
            "Lý Văn Minh",
            "05/04/1974",
            "Trưởng phòng",
            true,
            all(tc, Dat),
        ),
        p(
            "CB202",
            "Trịnh Thị Nga",
            "16/09/1983",
            "Chuyên viên",
            false,
            all(tc, Dat),
        ),
        p(
            "CB203",
            "Mai Văn Phúc",
            "29/03/1987",
            "Chuyên viên",
            false,
            [(tc, KhongDat), (tc, Dat), (tc, Dat), (tc, Dat)],
        ),
        p(
            "CB204",
            "Tạ Thị Quyên",
            "07/07/1990",
            "Chuyên viên",
            false,
            all(tc, Dat),
        ),
        p(
            "CB205",
            "Hồ Văn Sơn",
            "13/01/1985",
            "Kế toán",
            false,
            all(tc, Dat),
        ),
        p(
            "CB206",
            "Cao Thị Tâm",
            "24/05/1992",
            "Chuyên viên",
            false,
            all(tc, Dat),
        ),
        p(
            "CB207",
            "Lê Thị Hoa",
            "02/02/1989",
            "Chuyên viên",
            false,
            [(tc, Dat), (tc, Dat), (tc, Out), (tc, Out)],
        ),
        // Ủy ban MTTQ quận: CB305 moves to Phòng Nội vụ, CB308 leaves, after quarter II.
        p(
            "CB301",
            "Phan Văn Thắng",
            "19/08/1972",
            "Chủ tịch",
            true,
            all(mt, Dat),
        ),
        p(
            "CB302",
            "Kiều Thị Uyên",
            "28/11/1980",
            "Phó Chủ tịch",
            false,
            all(mt, Dat),
        ),
        p(
            "CB303",
            "Lương Văn Vinh",
            "06/06/1986",
            "Chuyên viên",
            false,
            all(mt, Dat),
        ),
        p(
            "CB304",
            "Chu Thị Xuân",
            "14/04/1991",
            "Chuyên viên",
            false,
            all(mt, KhongDat),
        ),
        p(
            "CB305",
            "Tô Minh Yên",
            "25/12/1988",
            "Chuyên viên",
            false,
            [(mt, Dat), (mt, Dat), (nv, Dat), (nv, Dat)],
        ),
        p(
            "CB306",
            "Lâm Thị Ánh",
            "01/10/1994",
            "Chuyên viên",
            false,
            all(mt, Dat),
        ),
        p(
            "CB307",
            "Quách Văn Bảo",
            "20/03/1983",
            "Chuyên viên",
            false,
            all(mt, Dat),
        ),
        p(
            "CB308",
            "Âu Thị Châu",
            "08/08/1977",
            "Chuyên viên",
            false,
            [(mt, Dat), (mt, Dat), (mt, Out), (mt, Out)],
        ),
        // Trường Tiểu học Gia Thụy: CB407 joins in quarter IV, with the name of TCKH's CB207.
        p(
            "CB401",
            "Khúc Văn Đạt",
            "17/07/1970",
            "Hiệu trưởng",
            true,
            all(th, Dat),
        ),
        p(
            "CB402",
            "Mạc Thị Êm",
            "09/03/1985",
            "Giáo viên",
            false,
            all(th, Dat),
        ),
        p(
            "CB403",
            "Nông Văn Giáp",
            "30/06/1989",
            "Giáo viên",
            false,
            all(th, Dat),
        ),
        p(
            "CB404",
            "Ông Thị Hằng",
            "12/12/1992",
            "Giáo viên",
            false,
            all(th, Dat),
        ),
        p(
            "CB405",
            "Lục Văn Khoa",
            "04/04/1987",
            "Giáo viên",
            false,
            all(th, Dat),
        ),
        p(
            "CB406",
            "Vi Thị Linh",
            "23/09/1990",
            "Giáo viên",
            false,
            [(th, Dat), (th, KhongDat), (th, Dat), (th, Dat)],
        ),
        p(
            "CB407",
            "Lê Thị Hoa",
            "15/05/1997",
            "Giáo viên",
            false,
            [(th, Out), (th, Out), (th, Out), (th, Dat)],
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Unit workbooks (SPEC §3)
// ---------------------------------------------------------------------------------------------

fn excel_date(d: &str) -> ExcelDateTime {
    let p: Vec<u16> = d.split('/').map(|x| x.parse().expect("a date")).collect();
    ExcelDateTime::from_ymd(p[2], p[1] as u8, p[0] as u8).expect("a valid date")
}

fn new_workbook() -> Workbook {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("make-year-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 1).expect("a valid date")),
    );
    wb
}

/// The people of a unit in quarter `i`.
fn members<'a>(people: &'a [Person], unit: &Unit, i: usize) -> Vec<&'a Person> {
    people
        .iter()
        .filter(|p| p.quarters[i].0 == unit.code && p.quarters[i].1 != Out)
        .collect()
}

fn months(q: Q) -> [&'static str; 3] {
    match q {
        KhongDat => ["HTTNV", "HTTNV", "HTTNV"],
        _ => ["HTXSNV", "HTTNV", "HTTNV"],
    }
}

fn write_unit(unit: &Unit, people: &[&Person], i: usize) -> Result<Vec<u8>, XlsxError> {
    let cell = Format::new()
        .set_font_name("Times New Roman")
        .set_border(FormatBorder::Thin);
    let date = cell.clone().set_num_format("dd/mm/yyyy");
    let mut wb = new_workbook();
    let last_month = 3 * (i as u32 + 1);

    let ws = wb.add_worksheet().set_name("Thông tin")?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 34)?;
    let info = [
        ("Đơn vị", unit.name.to_string()),
        ("Mã đơn vị", unit.code.to_string()),
        ("Khối", unit.bloc.to_string()),
        ("Quý", format!("{}/{YEAR}", ROMAN[i])),
    ];
    for (r, (label, value)) in info.iter().enumerate() {
        ws.write_string_with_format(r as u32, 0, *label, &cell)?;
        ws.write_string_with_format(r as u32, 1, value, &cell)?;
    }
    ws.write_string_with_format(4, 0, "Tổng số CBCCVC, NLĐ", &cell)?;
    ws.write_number_with_format(4, 1, people.len() as f64, &cell)?;
    ws.write_string_with_format(5, 0, "Ngày gửi", &cell)?;
    let sent = ExcelDateTime::from_ymd(YEAR as u16, last_month as u8, 25)?;
    ws.write_datetime_with_format(5, 1, sent, &date)?;

    let ws = wb.add_worksheet().set_name("Danh sách")?;
    let first = last_month - 2;
    let heads = [
        "STT".to_string(),
        "Mã CB".into(),
        "Họ và tên".into(),
        "Ngày sinh".into(),
        "Chức vụ".into(),
        "Diện BTV quản lý".into(),
        format!("Tháng {first}"),
        format!("Tháng {}", first + 1),
        format!("Tháng {last_month}"),
        "Kỷ luật".into(),
        "Thanh tra, kiểm tra".into(),
        "Số ngày nghỉ".into(),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &cell)?;
    }
    ws.set_column_width(2, 24)?;
    for (k, p) in people.iter().enumerate() {
        let r = k as u32 + 1;
        let q = p.quarters[i].1;
        ws.write_number_with_format(r, 0, (k + 1) as f64, &cell)?;
        ws.write_string_with_format(r, 1, p.id, &cell)?;
        ws.write_string_with_format(r, 2, p.name, &cell)?;
        ws.write_datetime_with_format(r, 3, excel_date(p.birth), &date)?;
        ws.write_string_with_format(r, 4, p.title, &cell)?;
        ws.write_string_with_format(r, 5, if p.leader { "x" } else { "" }, &cell)?;
        for (m, rating) in months(q).iter().enumerate() {
            ws.write_string_with_format(r, 6 + m as u16, *rating, &cell)?;
        }
        ws.write_string_with_format(r, 9, "", &cell)?;
        ws.write_string_with_format(r, 10, "", &cell)?;
        let absent = if q == Vang { 20.0 } else { 0.0 };
        ws.write_number_with_format(r, 11, absent, &cell)?;
    }

    let staff_form = if people.len() >= 20 {
        "Mẫu 05"
    } else {
        "Mẫu 04"
    };
    for (sheet, leaders) in [("Mẫu 03", true), (staff_form, false)] {
        let ws = wb.add_worksheet().set_name(sheet)?;
        let (items, mandatory) = if leaders { (45, 30) } else { (30, 20) };
        ws.write_string_with_format(0, 0, "STT", &cell)?;
        ws.write_string_with_format(0, 1, "Mã CB", &cell)?;
        ws.write_string_with_format(0, 2, "Họ và tên", &cell)?;
        for k in 1..=items {
            ws.write_number_with_format(0, 2 + k as u16, k as f64, &cell)?;
        }
        ws.write_string_with_format(0, 3 + items as u16, "Tổng điểm", &cell)?;
        ws.set_column_width(2, 24)?;
        let scored = people
            .iter()
            .filter(|p| p.leader == leaders && p.quarters[i].1 != Vang);
        for (r, p) in (1u32..).zip(scored) {
            ws.write_number_with_format(r, 0, r as f64, &cell)?;
            ws.write_string_with_format(r, 1, p.id, &cell)?;
            ws.write_string_with_format(r, 2, p.name, &cell)?;
            for k in 1..=items {
                let score = if k <= mandatory { 10.0 } else { 9.0 };
                ws.write_number_with_format(r, 2 + k as u16, score, &cell)?;
            }
            let total = 10 * mandatory + 9 * (items - mandatory);
            ws.write_number_with_format(r, 3 + items as u16, total as f64, &cell)?;
        }
    }

    let proposals = unit.proposals[i];
    if !proposals.is_empty() {
        let ws = wb.add_worksheet().set_name("Đề nghị khen thưởng")?;
        for (c, h) in ["STT", "Mã CB", "Họ và tên", "Thứ tự ưu tiên"]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(0, c as u16, *h, &cell)?;
        }
        ws.set_column_width(2, 24)?;
        for (k, id) in proposals.iter().enumerate() {
            let p = people
                .iter()
                .find(|p| p.id == *id)
                .expect("a proposal names a member");
            let r = k as u32 + 1;
            ws.write_number_with_format(r, 0, r as f64, &cell)?;
            ws.write_string_with_format(r, 1, p.id, &cell)?;
            ws.write_string_with_format(r, 2, p.name, &cell)?;
            ws.write_number_with_format(r, 3, r as f64, &cell)?;
        }
    }
    wb.save_to_buffer()
}

// ---------------------------------------------------------------------------------------------
// The expected year, by this file's own arithmetic
// ---------------------------------------------------------------------------------------------

/// The base salary of the default reward decision of quarter `i` (the first working day after
/// the forwarding deadline, early in the next quarter's first month): 1 800 000 đ until June
/// 2024, 2 340 000 đ from July 2024 (SPEC §2).
fn base_salary(i: usize) -> u64 {
    if i == 0 {
        1_800_000
    } else {
        2_340_000
    }
}

/// 0,3 × base × 3 months, rounded up to a multiple of 10 000 đ.
fn amount(i: usize) -> u64 {
    let exact = base_salary(i) * 9 / 10;
    exact.div_ceil(10_000) * 10_000
}

#[derive(Default, Clone, Copy)]
struct Tally {
    people: u64,
    evaluated: u64,
    dat: u64,
}

impl Tally {
    fn add(&mut self, q: Q) {
        self.people += 1;
        if q != Vang {
            self.evaluated += 1;
        }
        if q == Dat {
            self.dat += 1;
        }
    }
    fn rate(&self) -> String {
        // Tenths of a percent, rounded half up.
        let t = (self.dat * 2000 + self.evaluated) / (2 * self.evaluated);
        format!("{}.{}", t / 10, t % 10)
    }
    fn words(&self) -> String {
        format!("{}/{} ({} %)", self.dat, self.evaluated, self.rate())
    }
}

fn tally(people: &[Person], i: usize, unit: impl Fn(&Unit) -> bool) -> Tally {
    let mut t = Tally::default();
    for u in UNITS.iter().filter(|u| u.sends[i] && unit(u)) {
        for p in members(people, u, i) {
            t.add(p.quarters[i].1);
        }
    }
    t
}

/// Who is paid in quarter `i`: each unit's proposals, đạt, up to its cap.
fn paid(people: &[Person], i: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    for u in UNITS.iter().filter(|u| u.sends[i]) {
        let m = members(people, u, i);
        let dat = m.iter().filter(|p| p.quarters[i].1 == Dat).count() as u64;
        let cap = dat * u.percent / 100;
        let ok = u.proposals[i]
            .iter()
            .filter(|id| m.iter().any(|p| p.id == **id && p.quarters[i].1 == Dat))
            .take(cap as usize);
        out.extend(ok);
    }
    out
}

fn money(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn readme(people: &[Person]) -> String {
    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(w, "# An example year for `danhgia nam`\n");
    let _ = writeln!(w, "Generated by `cargo run --example make-year-fixtures` (optionally `-- OUTDIR`; default `fixtures/nam`) from `examples/make-year-fixtures.rs`; do not edit by hand. `tests/nam.rs` runs `danhgia run` on each quarter's folder, then `danhgia nam` on the four output folders, and checks every figure below.\n");
    let _ = writeln!(w, "Year {YEAR}, one folder per quarter (`2024-Q1/` … `2024-Q4/`), one workbook per unit and quarter. `Mã CB` is the person's own code: it stays the same when a person moves to another unit. Every person has months HTXSNV, HTTNV, HTTNV and the mandatory contents at 10, the others at 9 (đạt), except: **không đạt** — months HTTNV ×3 (no month xuất sắc); **vắng** — `Số ngày nghỉ` 20 (not evaluated, on no score sheet). Units send their workbook on the 25th of the quarter's last month; nobody is disciplined or inspected.\n");
    let _ = writeln!(w, "## Units\n");
    let _ = writeln!(
        w,
        "| Unit | Code | Bloc | Reward rate | Sends | `Đề nghị khen thưởng` (Q I, II, III, IV) |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- |");
    for u in &UNITS {
        let sends: Vec<&str> = (0..4).filter(|&i| u.sends[i]).map(|i| ROMAN[i]).collect();
        let props: Vec<String> = u
            .proposals
            .iter()
            .map(|p| {
                if p.is_empty() {
                    "—".to_string()
                } else {
                    p.join(", ")
                }
            })
            .collect();
        let _ = writeln!(
            w,
            "| {} | {} | {} (`{}`) | {} % | Q {} | {} |",
            u.name,
            u.code,
            u.bloc,
            u.bloc_code,
            u.percent,
            sends.join(", "),
            props.join(" · ")
        );
    }
    let _ = writeln!(w, "\n## People\n");
    let _ = writeln!(w, "`—`: not listed; `(unit sent nothing)`: the person's unit sent no workbook that quarter.\n");
    let _ = writeln!(
        w,
        "| Mã CB | Name | Q I | Q II | Q III | Q IV | quarters đạt | rewarded | money (đ) |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let paid_by_q: Vec<Vec<&str>> = (0..4).map(|i| paid(people, i)).collect();
    for p in people {
        let cells: Vec<String> = (0..4)
            .map(|i| {
                let (unit, q) = p.quarters[i];
                let u = UNITS.iter().find(|u| u.code == unit).expect("a unit");
                if !u.sends[i] {
                    return format!("(unit sent nothing, {unit})");
                }
                if q == Out {
                    return "—".into();
                }
                let word = match q {
                    Dat => "đạt",
                    KhongDat => "không đạt",
                    Vang => "vắng",
                    Out => unreachable!(),
                };
                let paid = if paid_by_q[i].contains(&p.id) {
                    ", paid"
                } else {
                    ""
                };
                format!("{unit} {word}{paid}")
            })
            .collect();
        let dat = (0..4)
            .filter(|&i| {
                p.quarters[i].1 == Dat
                    && UNITS
                        .iter()
                        .any(|u| u.code == p.quarters[i].0 && u.sends[i])
            })
            .count();
        let rewarded: Vec<usize> = (0..4).filter(|&i| paid_by_q[i].contains(&p.id)).collect();
        let m: u64 = rewarded.iter().map(|&i| amount(i)).sum();
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {dat} | {} | {} |",
            p.id,
            p.name,
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            rewarded.len(),
            money(m)
        );
    }
    let _ = writeln!(w, "\n## The year's figures\n");
    let _ = writeln!(w, "Đạt / evaluated (rate, tenths of a percent rounded half up). The rate is the share of the evaluated (everyone listed but the absent).\n");
    let _ = writeln!(w, "| | Q I | Q II | Q III | Q IV |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
    for u in &UNITS {
        let cells: Vec<String> = (0..4)
            .map(|i| {
                if u.sends[i] {
                    tally(people, i, |x| x.code == u.code).words()
                } else {
                    "sent nothing".into()
                }
            })
            .collect();
        let _ = writeln!(w, "| unit {} | {} |", u.code, cells.join(" | "));
    }
    let mut blocs: BTreeMap<usize, &str> = BTreeMap::new();
    for u in &UNITS {
        let rank = ["dang-doan-the", "chinh-quyen", "truong-hoc"]
            .iter()
            .position(|b| *b == u.bloc_code)
            .expect("a bloc");
        blocs.insert(rank, u.bloc_code);
    }
    for b in blocs.values() {
        let cells: Vec<String> = (0..4)
            .map(|i| tally(people, i, |x| x.bloc_code == *b).words())
            .collect();
        let _ = writeln!(w, "| bloc `{b}` | {} |", cells.join(" | "));
    }
    let district: Vec<Tally> = (0..4).map(|i| tally(people, i, |_| true)).collect();
    let cells: Vec<String> = district.iter().map(Tally::words).collect();
    let _ = writeln!(w, "| district | {} |", cells.join(" | "));
    let people_row: Vec<String> = district.iter().map(|t| t.people.to_string()).collect();
    let _ = writeln!(w, "| people listed | {} |", people_row.join(" | "));
    let amounts: Vec<String> = (0..4).map(|i| money(amount(i))).collect();
    let _ = writeln!(w, "| amount per person (đ) | {} |", amounts.join(" | "));
    let rewarded: Vec<String> = paid_by_q
        .iter()
        .map(|p| format!("{} ({})", p.len(), p.join(", ")))
        .collect();
    let _ = writeln!(w, "| people rewarded | {} |", rewarded.join(" | "));
    let totals: Vec<u64> = (0..4)
        .map(|i| amount(i) * paid_by_q[i].len() as u64)
        .collect();
    let cells: Vec<String> = totals.iter().map(|t| money(*t)).collect();
    let _ = writeln!(w, "| money (đ) | {} |", cells.join(" | "));
    let year: u64 = totals.iter().sum();
    let _ = writeln!(w, "\nMoney over the year: **{} đ**. Amount per person: 0,3 × base salary × 3, rounded up to 10 000 đ; the default decision date falls in April 2024 for quarter I (base 1 800 000 đ) and from July 2024 on for the others (base 2 340 000 đ).\n", money(year));
    let every: Vec<&str> = people
        .iter()
        .filter(|p| {
            (0..4).all(|i| {
                p.quarters[i].1 == Dat
                    && UNITS
                        .iter()
                        .any(|u| u.code == p.quarters[i].0 && u.sends[i])
            })
        })
        .map(|p| p.id)
        .collect();
    let _ = writeln!(
        w,
        "People đạt in all four quarters ({}): {}.\n",
        every.len(),
        every.join(", ")
    );
    let _ = writeln!(w, "Identity: CB305 (Tô Minh Yên) moves from MTTQ to NV in quarter III (same `Mã CB`, same name): followed as one person, the move shown. CB407 (Lê Thị Hoa, THGT, quarter IV) bears the name of CB207 (TCKH, last listed in quarter II) under another `Mã CB`: two people, with the warning `person-possible-match`. TCKH sent nothing in quarter III: its people are \"đơn vị chưa gửi\" there, and CB207 is \"unit sent nothing\" in quarter III and not listed in quarter IV.");
    let _ = writeln!(w, "\nWith the results of quarters I, II and IV only, `nam` names quarter III missing on every sheet and the people đạt in every quarter with results are counted over those three. With quarter II given as its `ket-qua.json` alone, the money of quarter II is unknown (`money-unknown`), never 0.");
    md
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fixtures/nam".into()),
    );
    let people = people();
    for (i, _) in ROMAN.iter().enumerate() {
        let folder = dir.join(format!("{YEAR}-Q{}", i + 1));
        fs::create_dir_all(&folder).expect("create the folder");
        for u in UNITS.iter().filter(|u| u.sends[i]) {
            let m = members(&people, u, i);
            let bytes = write_unit(u, &m, i).expect("the workbook builds");
            let path = folder.join(format!("{}.xlsx", u.code.to_lowercase()));
            fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    let path = dir.join("README.md");
    fs::write(&path, readme(&people)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    println!("year fixtures written to {}", dir.display());
}
