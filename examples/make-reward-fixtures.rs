//! Generates the reward fixtures: unit workbooks for `danhgia rewards` (caps, proposals, money,
//! late units) and proposal workbooks for the two campaign profiles (`loc-binh-2024`,
//! `ha-dong-cchc`), plus their section of `fixtures/README.md`.
//!
//! ```text
//! cargo run --example make-reward-fixtures            # writes into ./fixtures
//! cargo run --example make-reward-fixtures -- OUTDIR
//! ```
//!
//! Files go to `OUTDIR/khen-thuong/` and `OUTDIR/chien-dich/`. The README section sits between
//! the markers below and is replaced on every run (`make-fixtures` keeps it when it rewrites the
//! rest of the README). The expected outcomes in the README are derived here from the planned
//! data with this file's own arithmetic (cap = ⌊percent × đạt / 100⌋, ranking by total, number of
//! 10s, Mã CB), independently of danhgia's code. Only `rust_xlsxwriter` and `std` are used; the
//! output is deterministic (fixed document properties, no clock, no randomness).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};
use std::fs;
use std::path::{Path, PathBuf};

pub const BEGIN: &str = "<!-- make-reward-fixtures: begin -->";
pub const END: &str = "<!-- make-reward-fixtures: end -->";

const FONT: &str = "Times New Roman";

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Day {
    y: i32,
    m: u32,
    d: u32,
}

fn day(d: u32, m: u32, y: i32) -> Day {
    Day { y, m, d }
}

impl Day {
    fn excel(self) -> ExcelDateTime {
        ExcelDateTime::from_ymd(self.y as u16, self.m as u8, self.d as u8).expect("a valid date")
    }
}

struct Formats {
    head: Format,
    cell: Format,
    date: Format,
    title: Format,
}

fn formats() -> Formats {
    let base = Format::new().set_font_name(FONT).set_font_size(12);
    Formats {
        head: base
            .clone()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        cell: base.clone().set_border(FormatBorder::Thin),
        date: base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_num_format("dd/mm/yyyy"),
        title: base.set_bold().set_align(FormatAlign::Center),
    }
}

fn new_workbook() -> Workbook {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("make-reward-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 1).expect("a valid date")),
    );
    wb
}

// ---------------------------------------------------------------------------------------------
// Unit workbooks (SPEC §3)
// ---------------------------------------------------------------------------------------------

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 4] = ["Văn", "Thị", "Minh", "Thu"];
const GIVEN: [&str; 12] = [
    "An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Lan", "Long",
];

fn name_of(n: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[n % FAMILY.len()],
        MIDDLE[(n / 3) % MIDDLE.len()],
        GIVEN[(n * 7) % GIVEN.len()]
    )
}

#[derive(Clone, Debug)]
struct Person {
    id: String,
    name: String,
    title: String,
    leader: bool,
    months: [&'static str; 3],
    /// Scores of the non-mandatory items, in half points (mandatory items are all 10).
    others: Vec<u32>,
}

impl Person {
    fn mandatory(&self) -> usize {
        if self.leader {
            30
        } else {
            20
        }
    }
    /// All scores in half points.
    fn scores(&self) -> Vec<u32> {
        let mut v = vec![20; self.mandatory()];
        v.extend(&self.others);
        v
    }
    /// Total in half points.
    fn total(&self) -> u32 {
        self.scores().iter().sum()
    }
    fn tens(&self) -> usize {
        self.scores().iter().filter(|s| **s == 20).count()
    }
    fn dat(&self) -> bool {
        self.months.iter().all(|m| *m == "HTXSNV" || *m == "HTTNV")
            && self.months.contains(&"HTXSNV")
            && self.others.iter().all(|s| *s >= 16)
    }
}

#[derive(Clone, Debug)]
struct Unit {
    file: String,
    name: String,
    code: String,
    bloc: &'static str,
    percent: u32,
    year: i32,
    q: u32,
    sent: Day,
    people: Vec<Person>,
    /// (Mã CB, Họ và tên, Thứ tự ưu tiên); `None` = no `Đề nghị khen thưởng` sheet.
    proposals: Option<Vec<(String, String, Option<u32>)>>,
}

const GOOD: [&str; 3] = ["HTXSNV", "HTTNV", "HTTNV"];

impl Unit {
    /// A unit of `n` people, `code`01 a mẫu 03 leader (435), the others on mẫu 04/05 with the
    /// non-mandatory items at 9 (290); everyone đạt.
    fn new(file: &str, name: &str, code: &str, school: bool, year: i32, q: u32, n: usize) -> Unit {
        let mut people = Vec::new();
        for i in 1..=n {
            let leader = i == 1;
            people.push(Person {
                id: format!("{code}{i:02}"),
                name: name_of(i + code.len() * 3),
                title: if leader {
                    if school {
                        "Hiệu trưởng"
                    } else {
                        "Trưởng phòng"
                    }
                    .into()
                } else if school {
                    "Giáo viên".into()
                } else {
                    "Chuyên viên".into()
                },
                leader,
                months: GOOD,
                others: vec![18; if leader { 15 } else { 10 }],
            });
        }
        let last = 3 * q;
        Unit {
            file: file.into(),
            name: name.into(),
            code: code.into(),
            bloc: if school {
                "Trường học"
            } else {
                "Chính quyền"
            },
            percent: if school { 3 } else { 15 },
            year,
            q,
            sent: day(25, last, year),
            people,
            proposals: None,
        }
    }
    fn person(&mut self, id: &str) -> &mut Person {
        self.people
            .iter_mut()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    }
    fn months(&self) -> [u32; 3] {
        let f = 3 * self.q - 2;
        [f, f + 1, f + 2]
    }
    fn staff_form(&self) -> &'static str {
        if self.people.len() >= 20 {
            "Mẫu 05"
        } else {
            "Mẫu 04"
        }
    }
    fn dat(&self) -> u32 {
        self.people.iter().filter(|p| p.dat()).count() as u32
    }
    fn cap(&self) -> u32 {
        self.dat() * self.percent / 100
    }
    /// The tool's suggestion: đạt people ranked by total, tens, Mã CB.
    fn suggestion(&self, cap: u32) -> Vec<String> {
        let mut v: Vec<&Person> = self.people.iter().filter(|p| p.dat()).collect();
        v.sort_by(|a, b| {
            b.total()
                .cmp(&a.total())
                .then(b.tens().cmp(&a.tens()))
                .then(a.id.cmp(&b.id))
        });
        v.iter().take(cap as usize).map(|p| p.id.clone()).collect()
    }
}

fn write_unit(u: &Unit) -> Result<Vec<u8>, XlsxError> {
    let f = formats();
    let mut wb = new_workbook();
    let roman = ["I", "II", "III", "IV"][u.q as usize - 1];

    let ws = wb.add_worksheet().set_name("Thông tin")?;
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 34)?;
    let rows: [(&str, String); 5] = [
        ("Đơn vị", u.name.clone()),
        ("Mã đơn vị", u.code.clone()),
        ("Khối", u.bloc.into()),
        ("Quý", format!("{roman}/{}", u.year)),
        ("Tổng số CBCCVC, NLĐ", String::new()),
    ];
    for (r, (label, value)) in rows.iter().enumerate() {
        ws.write_string_with_format(r as u32, 0, *label, &f.cell)?;
        if *label == "Tổng số CBCCVC, NLĐ" {
            ws.write_number_with_format(r as u32, 1, u.people.len() as f64, &f.cell)?;
        } else {
            ws.write_string_with_format(r as u32, 1, value, &f.cell)?;
        }
    }
    ws.write_string_with_format(5, 0, "Ngày gửi", &f.cell)?;
    ws.write_datetime_with_format(5, 1, u.sent.excel(), &f.date)?;

    let ws = wb.add_worksheet().set_name("Danh sách")?;
    let m = u.months();
    let heads = [
        "STT".to_string(),
        "Mã CB".into(),
        "Họ và tên".into(),
        "Chức vụ".into(),
        "Bộ phận".into(),
        "Phụ trách".into(),
        "Diện BTV quản lý".into(),
        format!("Tháng {}", m[0]),
        format!("Tháng {}", m[1]),
        format!("Tháng {}", m[2]),
        "Kỷ luật".into(),
        "Thanh tra, kiểm tra".into(),
        "Số ngày nghỉ".into(),
        "Ghi chú".into(),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f.head)?;
    }
    ws.set_column_width(2, 24)?;
    for (i, p) in u.people.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f.cell)?;
        ws.write_string_with_format(r, 1, &p.id, &f.cell)?;
        ws.write_string_with_format(r, 2, &p.name, &f.cell)?;
        ws.write_string_with_format(r, 3, &p.title, &f.cell)?;
        ws.write_string_with_format(
            r,
            4,
            if p.leader {
                "Lãnh đạo"
            } else {
                "Chuyên môn"
            },
            &f.cell,
        )?;
        ws.write_string_with_format(r, 5, "", &f.cell)?;
        ws.write_string_with_format(r, 6, if p.leader { "x" } else { "" }, &f.cell)?;
        for k in 0..3 {
            ws.write_string_with_format(r, 7 + k as u16, p.months[k], &f.cell)?;
        }
        for c in 10..=11 {
            ws.write_string_with_format(r, c, "", &f.cell)?;
        }
        ws.write_number_with_format(r, 12, 0.0, &f.cell)?;
        ws.write_string_with_format(r, 13, "", &f.cell)?;
    }

    for (sheet, leaders) in [("Mẫu 03", true), (u.staff_form(), false)] {
        let ws = wb.add_worksheet().set_name(sheet)?;
        let items = if leaders { 45 } else { 30 };
        ws.write_string_with_format(0, 0, "STT", &f.head)?;
        ws.write_string_with_format(0, 1, "Mã CB", &f.head)?;
        ws.write_string_with_format(0, 2, "Họ và tên", &f.head)?;
        for k in 1..=items {
            ws.write_number_with_format(0, 2 + k as u16, k as f64, &f.head)?;
        }
        ws.write_string_with_format(0, 3 + items as u16, "Tổng điểm", &f.head)?;
        ws.set_column_width(2, 24)?;
        for (r, p) in (1u32..).zip(u.people.iter().filter(|p| p.leader == leaders)) {
            ws.write_number_with_format(r, 0, r as f64, &f.cell)?;
            ws.write_string_with_format(r, 1, &p.id, &f.cell)?;
            ws.write_string_with_format(r, 2, &p.name, &f.cell)?;
            for (k, s) in p.scores().iter().enumerate() {
                ws.write_number_with_format(r, 3 + k as u16, *s as f64 / 2.0, &f.cell)?;
            }
            ws.write_number_with_format(r, 3 + items as u16, p.total() as f64 / 2.0, &f.cell)?;
        }
    }

    if let Some(props) = &u.proposals {
        let ws = wb.add_worksheet().set_name("Đề nghị khen thưởng")?;
        for (c, h) in ["STT", "Mã CB", "Họ và tên", "Thứ tự ưu tiên"]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(0, c as u16, *h, &f.head)?;
        }
        ws.set_column_width(2, 24)?;
        for (i, (id, name, prio)) in props.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_number_with_format(r, 0, (i + 1) as f64, &f.cell)?;
            ws.write_string_with_format(r, 1, id, &f.cell)?;
            ws.write_string_with_format(r, 2, name, &f.cell)?;
            match prio {
                Some(p) => ws.write_number_with_format(r, 3, *p as f64, &f.cell)?,
                None => ws.write_string_with_format(r, 3, "", &f.cell)?,
            };
        }
    }
    wb.save_to_buffer()
}

// ---------------------------------------------------------------------------------------------
// Campaign proposal workbooks
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Proposal {
    unit: String,
    kind: String,
    name: String,
    award: String,
    received: Day,
    docs: [bool; 3],
}

fn prop(unit: &str, kind: &str, name: &str, award: &str, received: Day) -> Proposal {
    Proposal {
        unit: unit.into(),
        kind: kind.into(),
        name: name.into(),
        award: award.into(),
        received,
        docs: [true; 3],
    }
}

/// The header row (zero-based) of the proposal sheet: two title rows and a blank row above.
const CAMPAIGN_HEADER: u32 = 3;

/// Excel row of the `i`-th proposal (zero-based `i`).
fn proposal_row(i: usize) -> u32 {
    CAMPAIGN_HEADER + 1 + i as u32
}

fn write_campaign(
    title: &str,
    props: &[Proposal],
    info: Option<(i32, Option<Day>)>,
) -> Result<Vec<u8>, XlsxError> {
    let f = formats();
    let mut wb = new_workbook();
    let ws = wb.add_worksheet().set_name("Đề nghị khen thưởng")?;
    ws.merge_range(
        0,
        0,
        0,
        9,
        "SỔ ĐỀ NGHỊ KHEN THƯỞNG TẬP THỂ, CÁ NHÂN",
        &f.title,
    )?;
    ws.merge_range(1, 0, 1, 9, title, &f.title)?;
    let heads = [
        "STT",
        "Đơn vị",
        "Loại",
        "Tên",
        "Hình thức",
        "Ngày nhận",
        "Tờ trình",
        "Biên bản",
        "Báo cáo thành tích",
        "Ghi chú",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(CAMPAIGN_HEADER, c as u16, *h, &f.head)?;
    }
    for (c, w) in [5, 28, 10, 28, 34, 12, 10, 10, 12, 16].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (i, p) in props.iter().enumerate() {
        let r = proposal_row(i);
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f.cell)?;
        ws.write_string_with_format(r, 1, &p.unit, &f.cell)?;
        ws.write_string_with_format(r, 2, &p.kind, &f.cell)?;
        ws.write_string_with_format(r, 3, &p.name, &f.cell)?;
        ws.write_string_with_format(r, 4, &p.award, &f.cell)?;
        ws.write_datetime_with_format(r, 5, p.received.excel(), &f.date)?;
        for (k, present) in p.docs.iter().enumerate() {
            ws.write_string_with_format(r, 6 + k as u16, if *present { "x" } else { "" }, &f.cell)?;
        }
        ws.write_string_with_format(r, 9, "", &f.cell)?;
    }
    if let Some((year, event)) = info {
        let ws = wb.add_worksheet().set_name("Thông tin")?;
        ws.set_column_width(0, 36)?;
        ws.set_column_width(1, 20)?;
        ws.write_string_with_format(0, 0, "Năm", &f.cell)?;
        ws.write_number_with_format(0, 1, year as f64, &f.cell)?;
        if let Some(e) = event {
            ws.write_string_with_format(1, 0, "Ngày công bố kết quả chỉ số CCHC", &f.cell)?;
            ws.write_datetime_with_format(1, 1, e.excel(), &f.date)?;
        }
    }
    wb.save_to_buffer()
}

// ---------------------------------------------------------------------------------------------
// The fixtures and their manifest
// ---------------------------------------------------------------------------------------------

struct Out {
    dir: PathBuf,
    md: String,
}

impl Out {
    fn save(&self, rel: &str, bytes: &[u8]) {
        let path = self.dir.join(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create the folder");
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    fn line(&mut self, s: impl AsRef<str>) {
        self.md.push_str(s.as_ref());
        self.md.push('\n');
    }
}

fn money(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The base salary in force in a month, from the SPEC's table (đ/month).
fn salary(year: i32, month: u32) -> u64 {
    let d = (year, month);
    if d >= (2026, 7) {
        2_530_000
    } else if d >= (2024, 7) {
        2_340_000
    } else if d >= (2023, 7) {
        1_800_000
    } else {
        1_490_000
    }
}

/// The month of the default reward decision of a quarter: the first working day after Ban Tổ
/// chức's forwarding deadline ("trước ngày 02" of the next quarter's first month), so always in
/// that first month (SPEC §2 "Rewards").
fn salary_of(year: i32, month: u32) -> u64 {
    salary(year, month)
}

fn decision_month(year: i32, q: u32) -> (i32, u32) {
    if q == 4 {
        (year + 1, 1)
    } else {
        (year, 3 * q + 1)
    }
}

/// Reward per person of a quarter, in whole đồng: 0,3 × the base salary of the decision date ×
/// 3 months, rounded up to the next 10 000 đ (Nghị định 91/2017 Điều 68).
fn amount(year: i32, q: u32) -> u64 {
    let (y, m) = decision_month(year, q);
    let exact = salary(y, m) * 3 * 3 / 10;
    exact.div_ceil(10_000) * 10_000
}

fn unit_fixtures(o: &mut Out) {
    o.line("### Reward lists (`danhgia rewards`)");
    o.line("");
    o.line("Unit workbooks in the layout of SPEC §3 (`Thông tin`, `Danh sách`, `Mẫu 03`, `Mẫu 04`/`Mẫu 05`, optionally `Đề nghị khen thưởng`), one header row each on row 1, no title rows. In every unit `{code}01` is the leader (mẫu 03, `Diện BTV quản lý` x, mandatory items 10, the 15 others 9: total 435, 30 tens); the others are on mẫu 04 (under 20 people) or mẫu 05, mandatory items 10 and the 10 others 9 (total 290, 20 tens) unless said otherwise; months HTXSNV, HTTNV, HTTNV; no absence, discipline or inspection. `Ngày gửi` is the 25th of the quarter's last month unless said otherwise. Cap = ⌊percent × đạt / 100⌋ (15 % for `Chính quyền`, 3 % for `Trường học`), with the default profile.");
    o.line("");

    // khen-thuong/2024-q3/
    let mut units = Vec::new();

    let mut cq = Unit::new(
        "khen-thuong/2024-q3/cq40.xlsx",
        "Phòng Quản lý đô thị",
        "CQ",
        false,
        2024,
        3,
        40,
    );
    cq.person("CQ02").others = vec![20; 10]; // 300, 30 tens
    cq.person("CQ10").others = vec![20, 20, 20, 20, 20, 18, 18, 18, 18, 18]; // 295, 25 tens
    cq.person("CQ11").others = vec![20, 20, 20, 20, 20, 20, 18, 18, 18, 16]; // 295, 26 tens
    cq.person("CQ12").others = vec![20, 20, 20, 20, 20, 18, 18, 18, 18, 18]; // 295, 25 tens
    cq.person("CQ20").others = vec![20, 20, 18, 18, 18, 18, 18, 18, 18, 18]; // 292
    units.push((cq, "40 people, all đạt, no proposal: cap 6 (15 % × 40) and a suggestion. CQ02 has all 10 others at 10 (300); CQ10 and CQ12 five 10s and five 9s (295, 25 tens); CQ11 six 10s, three 9s and one 8 (295, 26 tens); CQ20 two 10s (292). The suggestion is CQ01 (435), CQ02, CQ11, CQ10, CQ12 (same total and tens as CQ10: by Mã CB), CQ20."));

    let th40 = Unit::new(
        "khen-thuong/2024-q3/th40.xlsx",
        "Trường Tiểu học Thử nghiệm A",
        "THA",
        true,
        2024,
        3,
        40,
    );
    units.push((
        th40,
        "A school of 40 people, all đạt, no proposal: cap 1 (3 % × 40 = 1.2).",
    ));

    let mut th33 = Unit::new(
        "khen-thuong/2024-q3/th33.xlsx",
        "Trường Tiểu học Thử nghiệm B",
        "THB",
        true,
        2024,
        3,
        35,
    );
    th33.person("THB34").months = ["HTTNV", "HTTNV", "HTTNV"];
    th33.person("THB35").months = ["HTXSNV", "HTNV", "HTTNV"];
    th33.person("THB02").others = vec![20; 10];
    units.push((th33, "A school of 35 people, 33 đạt (THB34 has no month HTXSNV, THB35 a month HTNV), no proposal: cap 0 (3 % × 33 = 0.99, rounded down); a school needs 34 people đạt for one reward. THB02 has all 10 others at 10 (300): with `rounding = \"nearest\"` or `\"up\"` the cap is 1 and the suggestion is THB01 (435)."));

    let mut dn = Unit::new(
        "khen-thuong/2024-q3/de-nghi.xlsx",
        "Phòng Văn hóa và Thông tin",
        "DN",
        false,
        2024,
        3,
        15,
    );
    dn.person("DN15").months = ["HTXSNV", "HTNV", "HTTNV"];
    let name = |u: &Unit, id: &str| {
        u.people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "Nguyễn Văn Ngoài".into())
    };
    dn.proposals = Some(vec![
        ("DN09".into(), name(&dn, "DN09"), Some(3)),
        ("DN15".into(), name(&dn, "DN15"), Some(1)),
        ("DN03".into(), name(&dn, "DN03"), Some(2)),
        ("DN99".into(), "Nguyễn Văn Ngoài".into(), Some(4)),
        ("DN07".into(), name(&dn, "DN07"), Some(1)),
        (String::new(), "Trần Thị Thiếu Mã".into(), Some(5)),
    ]);
    units.push((dn, "15 people, 14 đạt (DN15 has a month HTNV): cap 2 (15 % × 14 = 2.1). Its `Đề nghị khen thưởng` sheet (header on row 1, `Mã CB` in column B) proposes, row by row: DN09 priority 3 (B2), DN15 priority 1 (B3), DN03 priority 2 (B4), DN99 (not in `Danh sách`) priority 4 (B5), DN07 priority 1 (B6), and a row with no `Mã CB`, \"Trần Thị Thiếu Mã\", priority 5 (C7). Taken in priority order (ties by row): DN15 `reward-not-dat`, DN07 and DN03 accepted, DN09 `reward-over-cap`, DN99 and the row without Mã CB `reward-unknown-person`. With `rounding = \"up\"` the cap is 3 and DN09 is accepted too."));

    let mut nm = Unit::new(
        "khen-thuong/2024-q3/nop-muon.xlsx",
        "Phòng Tư pháp",
        "NM",
        false,
        2024,
        3,
        7,
    );
    nm.sent = day(30, 9, 2024);
    nm.proposals = Some(vec![("NM05".into(), name(&nm, "NM05"), Some(1))]);
    units.push((nm, "7 people, all đạt: cap 1. `Ngày gửi` 30/09/2024 (`Thông tin`!B6), after the deadline 28/09/2024: warning `late`. It proposes NM05 (priority 1): accepted with the default profile (`reward.late = \"accept\"`); with `reward.late = \"reject\"` it is rejected with the code `late` and nobody of NM is rewarded."));

    let per = amount(2024, 3);
    o.line("#### `khen-thuong/2024-q3/` — quarter III/2024 (decided in October 2024: 0,3 × 2 340 000 × 3 = 2 106 000, rounded up to 2 110 000 đ per person)");
    o.line("");
    o.line("| File | Unit (code, bloc) | People | Đạt | Cap | Source | Accepted | Rejected or suggested | Total (đ) |");
    o.line("| --- | --- | ---: | ---: | ---: | --- | --- | --- | ---: |");
    let mut all_people = 0u64;
    for (u, _) in &units {
        let cap = u.cap();
        let (source, accepted, rejected) = match &u.proposals {
            // A unit that proposed nobody is never paid: its suggestion stands apart.
            None => {
                let suggested = u.suggestion(cap);
                let shown = if suggested.is_empty() {
                    String::new()
                } else {
                    format!("suggested (not paid): {}", suggested.join(", "))
                };
                ("de-xuat", Vec::new(), shown)
            }
            Some(_) if u.code == "DN" => (
                "de-nghi",
                vec!["DN07".to_string(), "DN03".to_string()],
                "DN15 `reward-not-dat`, DN09 `reward-over-cap`, DN99 `reward-unknown-person`, \"Trần Thị Thiếu Mã\" `reward-unknown-person`".to_string(),
            ),
            Some(p) => ("de-nghi", p.iter().map(|x| x.0.clone()).take(cap as usize).collect(), String::new()),
        };
        all_people += accepted.len() as u64;
        o.line(format!(
            "| `{}` | {} ({}, {}) | {} | {} | {} | `{}` | {} | {} | {} |",
            u.file.rsplit('/').next().unwrap_or(""),
            u.name,
            u.code,
            if u.bloc == "Trường học" {
                "truong-hoc"
            } else {
                "chinh-quyen"
            },
            u.people.len(),
            u.dat(),
            cap,
            source,
            if accepted.is_empty() {
                "—".into()
            } else {
                accepted.join(", ")
            },
            if rejected.is_empty() {
                "—".into()
            } else {
                rejected
            },
            money(per * accepted.len() as u64),
        ));
        o.save(&u.file, &write_unit(u).expect("write a unit"));
    }
    o.line("");
    for (u, about) in &units {
        o.line(format!(
            "- `{}`: {about}",
            u.file.rsplit('/').next().unwrap_or("")
        ));
    }
    o.line("");
    o.line(format!(
        "Run as a folder: `danhgia rewards fixtures/khen-thuong/2024-q3 --format json` gives {all_people} people (the units that proposed; the others only show a suggestion) and a total of {} đ (\"Sáu triệu ba trăm ba mươi nghìn đồng\"); findings: the three reward errors of `de-nghi.xlsx` (four findings, on `Đề nghị khen thưởng`!B2, B3, B5, C7) and the `late` warning of `nop-muon.xlsx` (`Thông tin`!B6); exit code 1.",
        money(per * all_people)
    ));
    o.line("");

    // khen-thuong/tien/: one small unit per quarter of the money table.
    o.line("#### `khen-thuong/tien/` — the amount per person in four quarters");
    o.line("");
    o.line("Each file is a unit of 7 people, all đạt, no proposal: cap 1, suggestion `{code}01` (not paid). The reward document's `amount_per_person` is priced on the default decision date, in the first month of the next quarter:");
    o.line("");
    o.line(
        "| File | Quarter | Code | Base salary of the decision (đ/month) | Amount per person (đ) |",
    );
    o.line("| --- | --- | --- | --- | ---: |");
    for (year, q, code) in [
        (2023, 2, "TA"),
        (2023, 3, "TB"),
        (2024, 3, "TC"),
        (2026, 3, "TD"),
    ] {
        let (dy, dm) = decision_month(year, q);
        let salary = money(salary(dy, dm));
        let file = format!("khen-thuong/tien/{year}-q{q}.xlsx");
        let u = Unit::new(
            &file,
            &format!("Đơn vị tiền thưởng {code}"),
            code,
            false,
            year,
            q,
            7,
        );
        o.save(&file, &write_unit(&u).expect("write a unit"));
        let a = amount(year, q);
        let exact = salary_of(dy, dm) * 9 / 10;
        o.line(format!(
            "| `{year}-q{q}.xlsx` | {}/{year} | {code} | {salary} ({dm:02}/{dy}) | 0,3 × 3 × {salary} = {} → {} |",
            ["I", "II", "III", "IV"][q as usize - 1],
            money(exact),
            money(a)
        ));
    }
    o.line("");
}

fn campaign_fixtures(o: &mut Out) {
    o.line("### Campaign proposal workbooks (`danhgia rewards --profile NAME`)");
    o.line("");
    o.line(format!("The layout of `danhgia template de-nghi-khen-thuong`: sheet `Đề nghị khen thưởng` with two title rows, a blank row, the header on row {} (`STT` A, `Đơn vị` B, `Loại` C, `Tên` D, `Hình thức` E, `Ngày nhận` F (date cells), `Tờ trình` G, `Biên bản` H, `Báo cáo thành tích` I (\"x\" = present), `Ghi chú` J), proposals from row {}. Hà Đông workbooks also have a `Thông tin` sheet: `Năm` (A1/B1) and `Ngày công bố kết quả chỉ số CCHC` (A2/B2, a date cell); the deadline is that date + 15 days.", CAMPAIGN_HEADER + 1, CAMPAIGN_HEADER + 2));
    o.line("");
    o.line("| File | Profile | Findings (severity code cell) | Valid proposals | Exit |");
    o.line("| --- | --- | --- | --- | ---: |");

    let lb = "Đợt thi đua cao điểm xây dựng và phê duyệt đề án vị trí việc làm, huyện Lộc Bình";
    let ok = day(26, 3, 2024);
    let base_lb = || {
        vec![
            prop(
                "Trường THCS Thị trấn Lộc Bình",
                "Tập thể",
                "Trường THCS Thị trấn Lộc Bình",
                "Giấy khen",
                ok,
            ),
            prop(
                "Trường THCS Thị trấn Lộc Bình",
                "Cá nhân",
                "Hoàng Văn Sơn",
                "Bằng khen",
                day(25, 3, 2024),
            ),
            prop(
                "Trung tâm Y tế huyện",
                "Cá nhân",
                "Lương Thị Hoa",
                "Giấy khen của Chủ tịch UBND huyện",
                day(27, 3, 2024),
            ),
            prop(
                "Ban Quản lý dự án",
                "Tập thể",
                "Phòng Kỹ thuật",
                "Bằng khen của Chủ tịch UBND tỉnh",
                ok,
            ),
        ]
    };
    type Case = (
        &'static str,
        &'static str,
        Vec<Proposal>,
        Option<(i32, Option<Day>)>,
        String,
        &'static str,
        &'static str,
    );
    let mut cases: Vec<Case> = Vec::new();
    cases.push((
        "chien-dich/loc-binh-hop-le.xlsx",
        "loc-binh-2024",
        base_lb(),
        None,
        "none".into(),
        "4 (2 tập thể, 2 cá nhân)",
        "0",
    ));
    let mut v = base_lb();
    v.insert(
        2,
        prop(
            "Trường THCS Thị trấn Lộc Bình",
            "Cá nhân",
            "Nông Thị Mai",
            "Giấy khen",
            ok,
        ),
    );
    cases.push((
        "chien-dich/loc-binh-qua-so-luong.xlsx",
        "loc-binh-2024",
        v,
        None,
        format!(
            "error `proposal-over-unit-limit` D{} (Nông Thị Mai, the unit's 3rd proposal)",
            proposal_row(2) + 1
        ),
        "4",
        "1",
    ));
    let mut v = base_lb();
    v[2].received = day(28, 3, 2024);
    cases.push((
        "chien-dich/loc-binh-nop-muon.xlsx",
        "loc-binh-2024",
        v,
        None,
        format!(
            "error `proposal-late` F{} (received 28/03/2024)",
            proposal_row(2) + 1
        ),
        "3",
        "1",
    ));
    let mut v = base_lb();
    v[3].received = day(22, 3, 2024);
    cases.push((
        "chien-dich/loc-binh-nop-som.xlsx",
        "loc-binh-2024",
        v,
        None,
        format!(
            "warning `early` F{} (received 22/03/2024, before the window: accepted)",
            proposal_row(3) + 1
        ),
        "4",
        "0",
    ));
    let mut v = base_lb();
    v[1].docs = [true, false, true];
    v[3].docs = [true, true, false];
    cases.push(("chien-dich/loc-binh-thieu-ho-so.xlsx", "loc-binh-2024", v, None, format!("error `dossier-incomplete` H{} (no biên bản); error `dossier-incomplete` I{} (no báo cáo thành tích)", proposal_row(1) + 1, proposal_row(3) + 1), "2", "1"));
    let mut v = base_lb();
    v[0].award = "Cờ thi đua".into();
    cases.push((
        "chien-dich/loc-binh-sai-hinh-thuc.xlsx",
        "loc-binh-2024",
        v,
        None,
        format!(
            "error `award-form-invalid` E{} (\"Cờ thi đua\" is not an award of the plan)",
            proposal_row(0) + 1
        ),
        "3",
        "1",
    ));
    let mut v = base_lb();
    v[2].kind = "Nhóm".into();
    cases.push((
        "chien-dich/loc-binh-sai-loai.xlsx",
        "loc-binh-2024",
        v,
        None,
        format!(
            "error `proposal-type-invalid` C{} (\"Nhóm\")",
            proposal_row(2) + 1
        ),
        "3",
        "1",
    ));

    let hd = "Phong trào thi đua “Đẩy mạnh cải cách hành chính” quận Hà Đông, năm 2024";
    let event = day(15, 3, 2024); // deadline 30/03/2024
    let base_hd = |collectives: usize, individuals: usize| {
        let mut v = Vec::new();
        for i in 0..collectives {
            v.push(prop(
                &format!("Trường Mầm non Hà Đông {}", i + 1),
                "Tập thể",
                &format!("Trường Mầm non Hà Đông {}", i + 1),
                if i == 0 {
                    "Cờ thi đua"
                } else {
                    "Giấy khen"
                },
                day(20 + (i as u32 % 10), 3, 2024),
            ));
        }
        for i in 0..individuals {
            v.push(prop(
                &format!("Trường Tiểu học Hà Đông {}", i % 4 + 1),
                "Cá nhân",
                &name_of(100 + i),
                if i == 0 {
                    "Bằng khen"
                } else {
                    "Giấy khen của Chủ tịch UBND quận"
                },
                day(18 + (i as u32 % 12), 3, 2024),
            ));
        }
        v
    };
    cases.push((
        "chien-dich/ha-dong-hop-le.xlsx",
        "ha-dong-cchc",
        base_hd(6, 12),
        Some((2024, Some(event))),
        "none".into(),
        "18 (6 tập thể, 12 cá nhân)",
        "0",
    ));
    let mut v = base_hd(6, 12);
    v[8].received = day(31, 3, 2024);
    cases.push((
        "chien-dich/ha-dong-nop-muon.xlsx",
        "ha-dong-cchc",
        v,
        Some((2024, Some(event))),
        format!(
            "none: F{} received Sunday 31/03/2024, day 15 (Saturday 30/03/2024) carried to Monday 01/04/2024",
            proposal_row(8) + 1
        ),
        "18",
        "0",
    ));
    let mut v = base_hd(6, 12);
    v[10].docs = [false, true, true];
    cases.push((
        "chien-dich/ha-dong-thieu-ho-so.xlsx",
        "ha-dong-cchc",
        v,
        Some((2024, Some(event))),
        format!(
            "error `dossier-incomplete` G{} (no tờ trình kèm trích ngang)",
            proposal_row(10) + 1
        ),
        "17",
        "1",
    ));
    let mut v = base_hd(6, 12);
    v[7].award = "Cờ thi đua".into();
    cases.push((
        "chien-dich/ha-dong-co-ca-nhan.xlsx",
        "ha-dong-cchc",
        v,
        Some((2024, Some(event))),
        format!(
            "error `award-form-invalid` E{} (Cờ thi đua for an individual)",
            proposal_row(7) + 1
        ),
        "17",
        "1",
    ));
    cases.push((
        "chien-dich/ha-dong-qua-so-luong.xlsx",
        "ha-dong-cchc",
        base_hd(11, 12),
        Some((2024, Some(event))),
        "error `campaign-over-limit` (no cell: 11 valid collectives, at most 10)".into(),
        "23",
        "1",
    ));
    cases.push((
        "chien-dich/ha-dong-it.xlsx",
        "ha-dong-cchc",
        base_hd(4, 12),
        Some((2024, Some(event))),
        "warning `campaign-under-limit` (no cell: 4 valid collectives, at least 5)".into(),
        "16",
        "0",
    ));
    cases.push(("chien-dich/ha-dong-thieu-ngay-cong-bo.xlsx", "ha-dong-cchc", base_hd(6, 12), Some((2024, None)), "error `info-missing` on `Thông tin`!A1 (no `Ngày công bố kết quả chỉ số CCHC`: the deadline is unknown, so no proposal counts as valid)".into(), "0", "1"));

    for (file, profile, props, info, findings, valid, exit) in &cases {
        let title = if profile.starts_with("loc") { lb } else { hd };
        o.save(
            file,
            &write_campaign(title, props, *info).expect("write a campaign workbook"),
        );
        o.line(format!(
            "| `{}` | `{profile}` | {findings} | {valid} | {exit} |",
            file.trim_start_matches("chien-dich/")
        ));
    }
    o.line("");
    o.line("Lộc Bình base data (`loc-binh-hop-le.xlsx`), rows 5–8: Trường THCS Thị trấn Lộc Bình (tập thể, Giấy khen, 26/03/2024) and Hoàng Văn Sơn (cá nhân, Bằng khen, 25/03/2024) of the same school; Lương Thị Hoa of Trung tâm Y tế huyện (\"Giấy khen của Chủ tịch UBND huyện\", 27/03/2024); Phòng Kỹ thuật of Ban Quản lý dự án (tập thể, \"Bằng khen của Chủ tịch UBND tỉnh\", 26/03/2024); every dossier complete. Each other Lộc Bình file changes one thing. Hà Đông base data (`ha-dong-hop-le.xlsx`): 6 collectives (the first with Cờ thi đua, the others Giấy khen) then 12 individuals (the first Bằng khen, the others \"Giấy khen của Chủ tịch UBND quận\"), received 18/03–29/03/2024, `Ngày công bố kết quả chỉ số CCHC` 15/03/2024 (day 15 is Saturday 30/03/2024: deadline Monday 01/04/2024).");
    o.line("");
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fixtures".into()));
    let mut o = Out {
        dir: dir.clone(),
        md: String::new(),
    };
    o.line(BEGIN);
    o.line("");
    o.line("## Reward fixtures");
    o.line("");
    o.line("Generated by `cargo run --example make-reward-fixtures` from `examples/make-reward-fixtures.rs` (do not edit by hand; this section is rewritten by that generator and kept by `make-fixtures`). Run each file or folder on its own, with the default profile unless said otherwise.");
    o.line("");
    unit_fixtures(&mut o);
    campaign_fixtures(&mut o);
    o.line(END);

    let readme = dir.join("README.md");
    let old = fs::read_to_string(&readme).unwrap_or_default();
    let kept = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if e > b => format!(
            "{}{}",
            &old[..b],
            &old[e + END.len()..].trim_start_matches('\n')
        ),
        _ => old,
    };
    let mut text = kept.trim_end().to_string();
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&o.md);
    fs::write(&readme, text).unwrap_or_else(|e| panic!("{}: {e}", readme.display()));
    println!("reward fixtures written to {}", Path::new(&dir).display());
}
