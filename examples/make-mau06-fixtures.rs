//! Generates the fixtures of mẫu 06 typed by hand (SPEC §3 "Mẫu 06 typed by hand"): units that
//! send their mẫu 06 instead of the workbook, and units that send both, with the README that says
//! what `danhgia` must find in each.
//!
//! ```text
//! cargo run --example make-mau06-fixtures            # writes into ./fixtures/mau-06
//! cargo run --example make-mau06-fixtures -- OUTDIR  # writes into OUTDIR/mau-06
//! ```
//!
//! The expected outcomes in the README are written here from the planned rows, with this file's
//! own arithmetic (a cell's address is where this file puts it), independently of danhgia's code.
//! Only `rust_xlsxwriter` and `std` are used; the output is deterministic (fixed document
//! properties, no clock, no randomness).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use std::fs;
use std::path::{Path, PathBuf};

const FONT: &str = "Times New Roman";
const TITLE: &str = "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024";

// ---------------------------------------------------------------------------------------------
// Cells and sheets

/// A value typed in a cell.
#[derive(Clone, Debug, PartialEq)]
enum V {
    S(String),
    N(f64),
    E,
}

fn s(x: &str) -> V {
    if x.is_empty() {
        V::E
    } else {
        V::S(x.to_string())
    }
}

/// A sheet to write: cells by (row, column), merged areas, bold rows.
#[derive(Default)]
struct Sheet {
    name: String,
    cells: Vec<(u32, u16, V)>,
    merges: Vec<(u32, u16, u32, u16)>,
    widths: Vec<(u16, f64)>,
}

impl Sheet {
    fn named(name: &str) -> Sheet {
        Sheet {
            name: name.to_string(),
            ..Default::default()
        }
    }
    fn put(&mut self, row: u32, col: u16, v: V) {
        if v != V::E {
            self.cells.push((row, col, v));
        }
    }
    /// A text across merged columns of one row (or rows).
    fn merged(&mut self, (r0, c0): (u32, u16), (r1, c1): (u32, u16), text: &str) {
        self.put(r0, c0, s(text));
        if (r0, c0) != (r1, c1) {
            self.merges.push((r0, c0, r1, c1));
        }
    }
}

fn new_workbook() -> Workbook {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("make-mau06-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 3, 28).expect("a valid date")),
    );
    wb
}

fn write_book(path: &Path, sheets: &[Sheet]) -> Result<(), XlsxError> {
    let mut wb = new_workbook();
    let f = Format::new().set_font_name(FONT).set_font_size(12);
    for sh in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sh.name)?;
        for &(c, w) in &sh.widths {
            ws.set_column_width(c, w)?;
        }
        // Printed as a unit would print it: landscape, one page wide.
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        let merged_first: Vec<(u32, u16)> = sh.merges.iter().map(|m| (m.0, m.1)).collect();
        for (r0, c0, r1, c1) in &sh.merges {
            let text = sh
                .cells
                .iter()
                .find(|(r, c, _)| (r, c) == (r0, c0))
                .map(|(_, _, v)| match v {
                    V::S(t) => t.clone(),
                    V::N(n) => n.to_string(),
                    V::E => String::new(),
                })
                .unwrap_or_default();
            ws.merge_range(*r0, *c0, *r1, *c1, &text, &f)?;
        }
        for (r, c, v) in &sh.cells {
            if merged_first.contains(&(*r, *c)) {
                continue;
            }
            match v {
                V::S(t) => ws.write_string_with_format(*r, *c, t, &f)?,
                V::N(n) => ws.write_number_with_format(*r, *c, *n, &f)?,
                V::E => ws,
            };
        }
    }
    fs::create_dir_all(path.parent().expect("a parent")).expect("create the folder");
    wb.save(path)
}

/// A1 address of a zero-based (row, column).
fn a1(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        letters.push((b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

// ---------------------------------------------------------------------------------------------
// Mẫu 06

/// The columns of a mẫu 06 table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum K {
    Stt,
    Id,
    Name,
    Title,
    Form,
    Total,
    M(usize),
    Result,
    Note,
}

/// One person's row of a mẫu 06.
#[derive(Clone)]
struct P {
    id: &'static str,
    name: &'static str,
    title: &'static str,
    form: V,
    total: V,
    months: [&'static str; 3],
    result: &'static str,
    note: &'static str,
}

#[allow(clippy::too_many_arguments)]
fn p(
    id: &'static str,
    name: &'static str,
    title: &'static str,
    form: V,
    total: V,
    months: [&'static str; 3],
    result: &'static str,
    note: &'static str,
) -> P {
    P {
        id,
        name,
        title,
        form,
        total,
        months,
        result,
        note,
    }
}

fn value(p: &P, k: K, stt: usize) -> V {
    match k {
        K::Stt => V::N(stt as f64),
        K::Id => s(p.id),
        K::Name => s(p.name),
        K::Title => s(p.title),
        K::Form => p.form.clone(),
        K::Total => p.total.clone(),
        K::M(i) => s(p.months[i]),
        K::Result => s(p.result),
        K::Note => s(p.note),
    }
}

/// The lines above the table.
enum Titles {
    /// The official layout of the tool's own mẫu 06: superior and unit at the top left, the
    /// national motto at the right, the title, "(Mẫu 06)", then these lines.
    Official {
        unit: &'static str,
        lines: Vec<&'static str>,
    },
    /// Plain lines, one per row, from the top.
    Plain(Vec<&'static str>),
}

/// A mẫu 06: its title lines, its columns (header text on one row, or a group heading above),
/// its people.
struct Mau06 {
    titles: Titles,
    /// (column, upper header text, lower header text); a one-row header has no lower texts.
    columns: Vec<(K, &'static str, &'static str)>,
    people: Vec<P>,
}

impl Mau06 {
    fn two_rows(&self) -> bool {
        self.columns.iter().any(|(_, _, lower)| !lower.is_empty())
    }
    fn col(&self, k: K) -> u16 {
        self.columns
            .iter()
            .position(|c| c.0 == k)
            .expect("a column") as u16
    }
    fn last_col(&self) -> u16 {
        self.columns.len() as u16 - 1
    }
    /// The first row of the header.
    fn header_row(&self) -> u32 {
        match &self.titles {
            Titles::Official { lines, .. } => 7 + lines.len() as u32,
            Titles::Plain(lines) => lines.len() as u32 + 1,
        }
    }
    fn data_row(&self) -> u32 {
        self.header_row() + if self.two_rows() { 2 } else { 1 }
    }
    /// The row of the `i`-th person.
    fn row_of(&self, i: usize) -> u32 {
        self.data_row() + i as u32
    }
    /// The cell of the `i`-th person in a column.
    fn cell(&self, i: usize, k: K) -> String {
        a1(self.row_of(i), self.col(k))
    }
    /// The id danhgia gives the `i`-th person: `Mã CB`, else `dong-N`.
    fn id(&self, i: usize) -> String {
        let has_ids = self.columns.iter().any(|c| c.0 == K::Id);
        match (has_ids, self.people[i].id) {
            (true, id) if !id.is_empty() => id.to_string(),
            _ => format!("dong-{}", self.row_of(i) + 1),
        }
    }

    fn sheet(&self) -> Sheet {
        let mut sh = Sheet::named("Mẫu 06");
        let last = self.last_col();
        self.write_titles(&mut sh, last);
        self.write_header(&mut sh);
        for (i, person) in self.people.iter().enumerate() {
            for (c, (k, _, _)) in self.columns.iter().enumerate() {
                sh.put(self.row_of(i), c as u16, value(person, *k, i + 1));
            }
        }
        self.write_end(&mut sh, last);
        sh.widths = (0..=last).map(|c| (c, 16.0)).collect();
        sh
    }

    fn write_titles(&self, sh: &mut Sheet, last: u16) {
        match &self.titles {
            Titles::Official { unit, lines } => {
                sh.merged((0, 0), (0, 3), "UBND QUẬN LONG BIÊN");
                sh.merged((0, 4), (0, last), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                sh.merged((1, 0), (1, 3), unit);
                sh.merged((1, 4), (1, last), "Độc lập - Tự do - Hạnh phúc");
                sh.merged((2, 4), (2, last), "Long Biên, ngày 28 tháng 3 năm 2024");
                sh.merged((4, 0), (4, last), &format!("THÔNG BÁO\n{TITLE}"));
                sh.merged((5, 0), (5, last), "(Mẫu 06)");
                for (i, line) in lines.iter().enumerate() {
                    sh.merged((6 + i as u32, 0), (6 + i as u32, last), line);
                }
            }
            Titles::Plain(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    sh.merged((i as u32, 0), (i as u32, last), line);
                }
            }
        }
    }

    /// One header row, or two: a column without a lower text is merged down both rows; equal
    /// upper texts over lower ones are one group heading merged across.
    fn write_header(&self, sh: &mut Sheet) {
        let h = self.header_row();
        if !self.two_rows() {
            for (c, (_, upper, _)) in self.columns.iter().enumerate() {
                sh.put(h, c as u16, s(upper));
            }
            return;
        }
        let mut c = 0;
        while c < self.columns.len() {
            let (_, upper, lower) = self.columns[c];
            if lower.is_empty() {
                sh.merged((h, c as u16), (h + 1, c as u16), upper);
                c += 1;
                continue;
            }
            let end = (c..self.columns.len())
                .take_while(|&j| self.columns[j].1 == upper && !self.columns[j].2.is_empty())
                .last()
                .unwrap_or(c);
            sh.merged((h, c as u16), (h, end as u16), upper);
            for j in c..=end {
                let lower = self.columns[j].2;
                // A bare month number is typed as a number, as offices do.
                let v = match lower.parse::<f64>() {
                    Ok(n) => V::N(n),
                    Err(_) => s(lower),
                };
                sh.put(h + 1, j as u16, v);
            }
            c = end + 1;
        }
    }

    /// The totals line and the signatures below the table (never read as people).
    fn write_end(&self, sh: &mut Sheet, last: u16) {
        let r = self.row_of(self.people.len()) + 1;
        let name = self.col(K::Name);
        sh.put(r, name, s("Tổng số CBCCVC, NLĐ"));
        sh.put(r, name + 1, V::N(self.people.len() as f64));
        sh.merged((r + 2, 0), (r + 2, 2), "NGƯỜI LẬP BIỂU");
        sh.merged((r + 2, last - 3), (r + 2, last), "THỦ TRƯỞNG ĐƠN VỊ");
        sh.merged((r + 6, 0), (r + 6, 2), "Nguyễn Văn Ký");
        sh.merged((r + 6, last - 3), (r + 6, last), "Trần Văn Trưởng");
    }
}

/// The columns of the tool's own mẫu 06, on two rows ("Xếp loại tháng" over the months).
fn official_columns(with_id: bool) -> Vec<(K, &'static str, &'static str)> {
    let mut cols = vec![(K::Stt, "STT", "")];
    if with_id {
        cols.push((K::Id, "Mã CB", ""));
    }
    cols.extend([
        (K::Name, "Họ và tên", ""),
        (K::Title, "Chức vụ", ""),
        (K::Form, "Mẫu phiếu", ""),
        (K::Total, "Tổng điểm", ""),
        (K::M(0), "Xếp loại tháng", "Tháng 1"),
        (K::M(1), "Xếp loại tháng", "Tháng 2"),
        (K::M(2), "Xếp loại tháng", "Tháng 3"),
        (K::Result, "Kết quả", ""),
        (K::Note, "Ghi chú", ""),
    ]);
    cols
}

/// The same columns on one row ("Tháng 1", "Tháng 2", "Tháng 3").
fn one_row_columns() -> Vec<(K, &'static str, &'static str)> {
    vec![
        (K::Stt, "STT", ""),
        (K::Name, "Họ và tên", ""),
        (K::Title, "Chức vụ", ""),
        (K::Form, "Mẫu phiếu", ""),
        (K::Total, "Tổng điểm", ""),
        (K::M(0), "Tháng 1", ""),
        (K::M(1), "Tháng 2", ""),
        (K::M(2), "Tháng 3", ""),
        (K::Result, "Kết quả", ""),
        (K::Note, "Ghi chú", ""),
    ]
}

fn n(x: f64) -> V {
    V::N(x)
}

// ---------------------------------------------------------------------------------------------
// Unit workbooks (SPEC §3), for the units that send both

/// A person of a unit workbook: scored on mẫu 04 unless absent.
struct W {
    id: &'static str,
    name: &'static str,
    title: &'static str,
    birth: &'static str,
    months: [&'static str; 3],
    days_absent: f64,
    note: &'static str,
    /// The 30 scores (mandatory items 1–20), `None` for someone not scored.
    scores: Option<Vec<f64>>,
}

/// Items 1–20 at 10 (but `low`), items 21–30 at `other`.
fn scores(other: f64, low: Option<(usize, f64)>) -> Option<Vec<f64>> {
    let mut v: Vec<f64> = (1..=30)
        .map(|i| if i <= 20 { 10.0 } else { other })
        .collect();
    if let Some((item, x)) = low {
        v[item - 1] = x;
    }
    Some(v)
}

fn unit_workbook(name: &str, code: &str, people: &[W]) -> Vec<Sheet> {
    let mut info = Sheet::named("Thông tin");
    for (r, (label, v)) in [
        ("Đơn vị", s(name)),
        ("Mã đơn vị", s(code)),
        ("Khối", s("Chính quyền")),
        ("Quý", s("I/2024")),
        ("Tổng số CBCCVC, NLĐ", n(people.len() as f64)),
        ("Ngày gửi", s("25/03/2024")),
    ]
    .into_iter()
    .enumerate()
    {
        info.put(r as u32, 0, s(label));
        info.put(r as u32, 1, v);
    }
    info.widths = vec![(0, 24.0), (1, 36.0)];

    let mut list = Sheet::named("Danh sách");
    let heads = [
        "STT",
        "Mã CB",
        "Họ và tên",
        "Ngày sinh",
        "Chức vụ",
        "Tháng 1",
        "Tháng 2",
        "Tháng 3",
        "Kỷ luật",
        "Thanh tra, kiểm tra",
        "Số ngày nghỉ",
        "Ghi chú",
    ];
    for (c, h) in heads.iter().enumerate() {
        list.put(0, c as u16, s(h));
    }
    for (i, w) in people.iter().enumerate() {
        let r = i as u32 + 1;
        let row = [
            n(r as f64),
            s(w.id),
            s(w.name),
            s(w.birth),
            s(w.title),
            s(w.months[0]),
            s(w.months[1]),
            s(w.months[2]),
            s("Không"),
            s("Không"),
            n(w.days_absent),
            s(w.note),
        ];
        for (c, v) in row.into_iter().enumerate() {
            list.put(r, c as u16, v);
        }
    }

    let mut form = Sheet::named("Mẫu 04");
    form.put(0, 0, s("STT"));
    form.put(0, 1, s("Mã CB"));
    form.put(0, 2, s("Họ và tên"));
    for item in 1..=30u16 {
        form.put(0, 2 + item, V::N(f64::from(item)));
    }
    form.put(0, 33, s("Tổng điểm"));
    let scored = people
        .iter()
        .filter_map(|w| w.scores.as_ref().map(|sc| (w, sc)));
    for (i, (w, sc)) in scored.enumerate() {
        let r = i as u32 + 1;
        form.put(r, 0, n(r as f64));
        form.put(r, 1, s(w.id));
        form.put(r, 2, s(w.name));
        for (j, x) in sc.iter().enumerate() {
            form.put(r, 3 + j as u16, n(*x));
        }
        form.put(r, 33, n(sc.iter().sum()));
    }
    vec![info, list, form]
}

// ---------------------------------------------------------------------------------------------
// Expectations, for the README

struct Person {
    id: String,
    name: &'static str,
    status: &'static str,
    reasons: Vec<&'static str>,
    total: Option<f64>,
}

fn who(
    id: impl Into<String>,
    name: &'static str,
    status: &'static str,
    reasons: &[&'static str],
    total: Option<f64>,
) -> Person {
    Person {
        id: id.into(),
        name,
        status,
        reasons: reasons.to_vec(),
        total,
    }
}

struct Expect {
    severity: &'static str,
    code: &'static str,
    sheet: &'static str,
    cell: Option<String>,
    person: Option<String>,
    why: &'static str,
}

fn err(
    code: &'static str,
    sheet: &'static str,
    cell: Option<String>,
    person: Option<String>,
    why: &'static str,
) -> Expect {
    Expect {
        severity: "error",
        code,
        sheet,
        cell,
        person,
        why,
    }
}

fn warn(
    code: &'static str,
    sheet: &'static str,
    cell: Option<String>,
    person: Option<String>,
    why: &'static str,
) -> Expect {
    Expect {
        severity: "warning",
        ..err(code, sheet, cell, person, why)
    }
}

/// One fixture's section of the README.
struct Entry {
    path: &'static str,
    what: &'static str,
    status: &'static str,
    /// The unit counted from the file: (name, code, bloc), and its people.
    unit: Option<(&'static str, &'static str, &'static str)>,
    people: Vec<Person>,
    findings: Vec<Expect>,
}

fn total_text(t: Option<f64>) -> String {
    match t {
        None => "null".into(),
        Some(x) if x.fract() == 0.0 => format!("{x:.0}"),
        Some(x) => format!("{x:.1}"),
    }
}

fn readme(entries: &[Entry]) -> String {
    let mut md = String::new();
    let mut line = |l: &str| {
        md.push_str(l);
        md.push('\n');
    };
    line("# Mẫu 06 typed by hand");
    line("");
    line("Generated by `cargo run --example make-mau06-fixtures` (do not edit by hand). Quarter");
    line("I/2024, default profile. A unit may send only its mẫu 06 (SPEC §3 \"Mẫu 06 typed by");
    line("hand\"): the rules that need no per-content score are checked, a declared `Đạt` they");
    line("contradict is `result-mismatch` (person `loi`), and its people count in mẫu 07 and the");
    line(
        "rewards with the note \"Theo Mẫu 06 của đơn vị, không có phiếu điểm\". A unit that sends",
    );
    line(
        "both: the workbook decides, and the mẫu 06 is compared with it (`result-mismatch` on the",
    );
    line("mẫu 06 for each disagreement); it is never a second file of the unit.");
    line("");
    line("Ids: a mẫu 06 without a `Mã CB` column names each person `dong-N` (N: the sheet row).");
    line("Findings are (severity, code, sheet!cell, person); `—` = none.");
    for e in entries {
        line("");
        line(&format!("## `{}`", e.path));
        line("");
        line(e.what);
        line("");
        line(&format!("File status (`validate`): `{}`.", e.status));
        line("");
        match e.unit {
            Some((name, code, bloc)) => {
                line(&format!("Unit counted: {name} (`{code}`, `{bloc}`)."));
                line("");
                line("| id | name | status | reasons | total |");
                line("| --- | --- | --- | --- | --- |");
                for p in &e.people {
                    line(&format!(
                        "| `{}` | {} | `{}` | {} | {} |",
                        p.id,
                        p.name,
                        p.status,
                        if p.reasons.is_empty() {
                            "—".to_string()
                        } else {
                            p.reasons.join(", ")
                        },
                        total_text(p.total)
                    ));
                }
            }
            None => line("No unit is counted from this file."),
        }
        line("");
        if e.findings.is_empty() {
            line("Findings: none.");
        } else {
            line("| severity | code | where | person | why |");
            line("| --- | --- | --- | --- | --- |");
            for f in &e.findings {
                line(&format!(
                    "| {} | `{}` | {}!{} | {} | {} |",
                    f.severity,
                    f.code,
                    f.sheet,
                    f.cell.as_deref().unwrap_or("—"),
                    f.person.as_deref().unwrap_or("—"),
                    f.why
                ));
            }
        }
    }
    md
}

// ---------------------------------------------------------------------------------------------
// The fixtures

/// `khop/`: the workbook of Phòng Văn hóa và Thông tin and its mẫu 06 (official layout, two-row
/// header, no `Khối` line, no `Mã CB`), which agrees with it.
fn khop(dir: &Path, entries: &mut Vec<Entry>) -> Result<(), XlsxError> {
    let unit = "Phòng Văn hóa và Thông tin";
    let people = [
        W {
            id: "VH01",
            name: "Nguyễn Thị Lan",
            title: "Trưởng phòng",
            birth: "12/05/1978",
            months: ["HTXSNV", "HTTNV", "HTTNV"],
            days_absent: 0.0,
            note: "",
            scores: scores(9.0, None),
        },
        W {
            id: "VH02",
            name: "Trần Văn Bình",
            title: "Chuyên viên",
            birth: "03/11/1985",
            months: ["HTTNV", "HTTNV", "HTTNV"],
            days_absent: 0.0,
            note: "",
            scores: scores(9.0, None),
        },
        W {
            id: "VH03",
            name: "Lê Thị Cúc",
            title: "Chuyên viên",
            birth: "21/07/1990",
            months: ["HTXSNV", "HTXSNV", "HTTNV"],
            days_absent: 0.0,
            note: "",
            scores: scores(9.0, Some((5, 9.5))),
        },
        W {
            id: "VH04",
            name: "Phạm Thị Dung",
            title: "Chuyên viên",
            birth: "09/02/1992",
            months: ["", "", ""],
            days_absent: 20.0,
            note: "Nghỉ thai sản",
            scores: None,
        },
    ];
    write_book(
        &dir.join("khop/so.xlsx"),
        &unit_workbook(unit, "VHTT", &people),
    )?;
    let m = Mau06 {
        titles: Titles::Official {
            unit: "PHÒNG VĂN HÓA VÀ THÔNG TIN",
            lines: vec![],
        },
        columns: official_columns(false),
        people: vec![
            p(
                "",
                "Nguyễn Thị Lan",
                "Trưởng phòng",
                s("04"),
                n(290.0),
                ["HTXSNV", "HTTNV", "HTTNV"],
                "Đạt",
                "",
            ),
            p(
                "",
                "Trần Văn Bình",
                "Chuyên viên",
                s("04"),
                n(290.0),
                ["HTTNV", "HTTNV", "HTTNV"],
                "Không đạt",
                "Không có tháng nào hoàn thành xuất sắc nhiệm vụ",
            ),
            p(
                "",
                "Lê Thị Cúc",
                "Chuyên viên",
                s("04"),
                n(289.5),
                ["HTXSNV", "HTXSNV", "HTTNV"],
                "Không đạt",
                "Có nội dung bắt buộc dưới 10 điểm",
            ),
            p(
                "",
                "Phạm Thị Dung",
                "Chuyên viên",
                V::E,
                V::E,
                ["", "", ""],
                "Không đánh giá",
                "Nghỉ thai sản",
            ),
        ],
    };
    write_book(&dir.join("khop/mau-06.xlsx"), &[m.sheet()])?;
    entries.push(Entry {
        path: "khop/so.xlsx",
        what: "The unit workbook of Phòng Văn hóa và Thông tin (mẫu 04, 4 people). Sent together with `khop/mau-06.xlsx`.",
        status: "ok",
        unit: Some((unit, "VHTT", "chinh-quyen")),
        people: vec![
            who("VH01", "Nguyễn Thị Lan", "dat", &[], Some(290.0)),
            who("VH02", "Trần Văn Bình", "khong-dat", &["khong-thang-xuat-sac"], Some(290.0)),
            who("VH03", "Lê Thị Cúc", "khong-dat", &["bat-buoc-duoi-10"], Some(289.5)),
            who("VH04", "Phạm Thị Dung", "khong-danh-gia", &["vang-15-ngay"], None),
        ],
        findings: vec![],
    });
    entries.push(Entry {
        path: "khop/mau-06.xlsx",
        what: "The same unit's mẫu 06, retyped in the tool's own layout (issuing body at the top left, two-row header \"Xếp loại tháng\" over \"Tháng 1 | Tháng 2 | Tháng 3\", totals and signatures below), without `Khối` and without `Mã CB`: people are matched by name. Every `Kết quả` agrees with the workbook, so nothing is reported — not even the missing `Khối`, nor the length of Phạm Thị Dung's absence (`Ghi chú` \"Nghỉ thai sản\"), which a mẫu 06 beside its workbook does not need: the workbook has them — and the unit counts once, from the workbook.",
        status: "ok",
        unit: None,
        people: vec![],
        findings: vec![],
    });
    Ok(())
}

/// `lech/`: the workbook of Phòng Tài nguyên và Môi trường and a mẫu 06 that contradicts it.
fn lech(dir: &Path, entries: &mut Vec<Entry>) -> Result<(), XlsxError> {
    let unit = "Phòng Tài nguyên và Môi trường";
    let good = ["HTXSNV", "HTTNV", "HTTNV"];
    let people = [
        W {
            id: "TN01",
            name: "Đinh Văn Hải",
            title: "Trưởng phòng",
            birth: "01/01/1975",
            months: good,
            days_absent: 0.0,
            note: "",
            scores: scores(9.0, None),
        },
        W {
            id: "TN02",
            name: "Bùi Thị Hoa",
            title: "Chuyên viên",
            birth: "15/06/1988",
            months: good,
            days_absent: 0.0,
            note: "",
            scores: scores(9.0, Some((5, 9.5))),
        },
        W {
            id: "TN03",
            name: "Cao Văn Kiên",
            title: "Chuyên viên",
            birth: "20/10/1991",
            months: ["HTXSNV", "HTXSNV", "HTXSNV"],
            days_absent: 0.0,
            note: "",
            scores: scores(10.0, None),
        },
        W {
            id: "TN04",
            name: "Phạm Thu Hà",
            title: "Chuyên viên",
            birth: "05/04/1993",
            months: good,
            days_absent: 0.0,
            note: "",
            scores: scores(8.5, None),
        },
    ];
    write_book(
        &dir.join("lech/so.xlsx"),
        &unit_workbook(unit, "TNMT", &people),
    )?;
    let m = Mau06 {
        titles: Titles::Official {
            unit: "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG",
            lines: vec!["Mã đơn vị: TNMT", "Khối: Chính quyền"],
        },
        columns: official_columns(true),
        people: vec![
            p(
                "TN01",
                "Đinh Văn Hải",
                "Trưởng phòng",
                s("04"),
                n(290.0),
                good,
                "Đạt",
                "",
            ),
            p(
                "TN02",
                "Bùi Thị Hoa",
                "Chuyên viên",
                s("04"),
                s("289,5"),
                good,
                "Đạt",
                "",
            ),
            p(
                "TN04",
                "PHẠM  THU HÀ",
                "Chuyên viên",
                s("04"),
                n(285.0),
                good,
                "Không đạt",
                "",
            ),
            p(
                "TN09",
                "Đỗ Văn Khánh",
                "Chuyên viên",
                s("04"),
                n(295.0),
                ["HTXSNV", "HTXSNV", "HTTNV"],
                "Đạt",
                "",
            ),
        ],
    };
    write_book(&dir.join("lech/mau-06.xlsx"), &[m.sheet()])?;
    let mm = |i: usize| Some(m.cell(i, K::Result));
    entries.push(Entry {
        path: "lech/so.xlsx",
        what: "The unit workbook of Phòng Tài nguyên và Môi trường (mẫu 04, 4 people). Sent together with `lech/mau-06.xlsx`; it decides.",
        status: "ok",
        unit: Some((unit, "TNMT", "chinh-quyen")),
        people: vec![
            who("TN01", "Đinh Văn Hải", "dat", &[], Some(290.0)),
            who("TN02", "Bùi Thị Hoa", "khong-dat", &["bat-buoc-duoi-10"], Some(289.5)),
            who("TN03", "Cao Văn Kiên", "dat", &[], Some(300.0)),
            who("TN04", "Phạm Thu Hà", "dat", &[], Some(285.0)),
        ],
        findings: vec![],
    });
    entries.push(Entry {
        path: "lech/mau-06.xlsx",
        what: "The same unit's mẫu 06 (official layout with `Mã đơn vị: TNMT` and `Khối` lines, a `Mã CB` column) that disagrees with the workbook: TN02 declared `Đạt` (the workbook: a mandatory item at 9,5, không đạt — nothing a mẫu 06 shows), TN04 (name typed in capitals with a double space, matched by `Mã CB`) declared `Không đạt` (the workbook: đạt), TN03 left out, TN09 not in the workbook. Each is `result-mismatch` on the mẫu 06; the unit counts once, from the workbook (no `unit-duplicate`).",
        status: "loi",
        unit: None,
        people: vec![],
        findings: vec![
            err("result-mismatch", "Mẫu 06", mm(1), Some("TN02".into()), "Mẫu 06 'Đạt', the workbook 'Không đạt'"),
            err("result-mismatch", "Mẫu 06", mm(2), Some("TN04".into()), "Mẫu 06 'Không đạt', the workbook 'Đạt'"),
            err("result-mismatch", "Mẫu 06", mm(3), Some("TN09".into()), "not in the workbook"),
            err("result-mismatch", "Mẫu 06", None, Some("TN03".into()), "in the workbook, missing from the mẫu 06"),
        ],
    });
    Ok(())
}

/// `mot-minh-sai.xlsx`: a ward's mẫu 06 sent alone, with declared `Đạt`s the months and totals
/// contradict.
fn mot_minh_sai(dir: &Path, entries: &mut Vec<Entry>) -> Result<(), XlsxError> {
    let m = Mau06 {
        titles: Titles::Official {
            unit: "UBND PHƯỜNG PHÚC LỢI",
            lines: vec!["Khối: Chính quyền"],
        },
        columns: one_row_columns(),
        people: vec![
            p(
                "",
                "Lê Văn Hùng",
                "Chủ tịch UBND",
                s("03"),
                n(440.0),
                ["HTXSNV", "HTXSNV", "HTTNV"],
                "Đạt",
                "",
            ),
            p(
                "",
                "Trần Thị Mai",
                "Công chức",
                s("04"),
                n(290.0),
                ["HTXSNV", "HTNV", "HTTNV"],
                "Đạt",
                "",
            ),
            p(
                "",
                "Ngô Văn Tài",
                "Công chức",
                s("Mẫu 04"),
                n(278.0),
                ["HTXSNV", "HTTNV", "HTTNV"],
                "Đạt",
                "",
            ),
            p(
                "",
                "Phạm Thị Nga",
                "Công chức",
                s("05"),
                n(295.0),
                ["HTTNV", "HTTNV", "HTTNV"],
                "Không đạt",
                "",
            ),
            p(
                "",
                "Vũ Minh Đức",
                "Công chức",
                s("4"),
                s("286,5"),
                ["HTXSNV", "HTTNV", "HTTNV"],
                "Đạt",
                "",
            ),
            p(
                "",
                "Hoàng Thị Yến",
                "Công chức",
                V::E,
                V::E,
                ["", "", ""],
                "Không đánh giá",
                "Nghỉ thai sản từ 15/01/2024",
            ),
        ],
    };
    write_book(&dir.join("mot-minh-sai.xlsx"), &[m.sheet()])?;
    let id = |i: usize| m.id(i);
    entries.push(Entry {
        path: "mot-minh-sai.xlsx",
        what: "UBND phường Phúc Lợi sends only its mẫu 06 (official layout, `Khối: Chính quyền`, one-row header, no `Mã CB`: ids `dong-N`; no `Mã đơn vị`: the code is the file name). Trần Thị Mai is declared `Đạt` with month 2 `HTNV`, Ngô Văn Tài with 278 on mẫu 04 (range 280–300): both `result-mismatch`, `loi`. Phạm Thị Nga is on mẫu 05 in a unit of 6 (`form-size`). `286,5` typed as text is read exactly. Hoàng Thị Yến `Không đánh giá`, `Ghi chú` \"Nghỉ thai sản từ 15/01/2024\" (50 working days of the quarter, at least 15: not evaluated). Lê Văn Hùng is on mẫu 03: nobody else is rated không hoàn thành nhiệm vụ, so his `Đạt` holds. The totals line `Tổng số CBCCVC, NLĐ` 6 is read as the unit size, and the signatures below end the table.",
        status: "loi",
        unit: Some(("UBND PHƯỜNG PHÚC LỢI", "mot-minh-sai", "chinh-quyen")),
        people: vec![
            who(id(0), "Lê Văn Hùng", "dat", &[], Some(440.0)),
            who(id(1), "Trần Thị Mai", "loi", &[], None),
            who(id(2), "Ngô Văn Tài", "loi", &[], None),
            who(id(3), "Phạm Thị Nga", "khong-dat", &["khong-thang-xuat-sac"], Some(295.0)),
            who(id(4), "Vũ Minh Đức", "dat", &[], Some(286.5)),
            who(id(5), "Hoàng Thị Yến", "khong-danh-gia", &["vang-15-ngay"], None),
        ],
        findings: vec![
            err("result-mismatch", "Mẫu 06", Some(m.cell(1, K::Result)), Some(id(1)), "'Đạt' with month 2 HTNV (thang-duoi-tot)"),
            err("result-mismatch", "Mẫu 06", Some(m.cell(2, K::Result)), Some(id(2)), "'Đạt' with 278, outside 280–300 of mẫu 04"),
            warn("form-size", "Mẫu 06", Some(m.cell(3, K::Form)), Some(id(3)), "mẫu 05 in a unit of 6"),
        ],
    });
    Ok(())
}

/// `hai-dong.xlsx`: a school's mẫu 06 with plain title lines and a shuffled two-row header.
fn hai_dong(dir: &Path, entries: &mut Vec<Entry>) -> Result<(), XlsxError> {
    let m = Mau06 {
        titles: Titles::Plain(vec![
            "Đơn vị: Trường THCS Ngọc Lâm",
            "Mã đơn vị: THCS-NL",
            "Khối: Trường học",
            "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ",
            "Quý I/2024",
        ]),
        columns: vec![
            (K::Stt, "TT", ""),
            (K::Name, "Họ tên", ""),
            (K::Id, "Mã CB", ""),
            (K::M(0), "Kết quả xếp loại các tháng", "1"),
            (K::M(1), "Kết quả xếp loại các tháng", "2"),
            (K::M(2), "Kết quả xếp loại các tháng", "3"),
            (K::Total, "Tổng số điểm", ""),
            (K::Form, "Mẫu số", ""),
            (K::Result, "Kết quả đánh giá", ""),
            (K::Note, "Ghi chú", ""),
        ],
        people: vec![
            p(
                "GV01",
                "Nguyễn Thị Thu Trang",
                "",
                s("Mẫu 04"),
                n(300.0),
                ["A", "A", "A"],
                "Đạt",
                "",
            ),
            p(
                "GV02",
                "Lê Văn Nam",
                "",
                s("04"),
                s("289,5"),
                ["HTXS", "HTT", "Hoàn thành tốt nhiệm vụ"],
                "ĐẠT",
                "",
            ),
            p(
                "GV03",
                "Trần Thị Oanh",
                "",
                n(4.0),
                n(280.0),
                ["B", "B", "C"],
                "Không đạt",
                "",
            ),
            p(
                "GV04",
                "Phan Văn Phúc",
                "",
                V::E,
                V::E,
                ["", "", ""],
                "Không xét",
                "Chuyển công tác từ 01/02/2024",
            ),
        ],
    };
    write_book(&dir.join("hai-dong.xlsx"), &[m.sheet()])?;
    entries.push(Entry {
        path: "hai-dong.xlsx",
        what: "Trường THCS Ngọc Lâm sends only its mẫu 06: plain title lines (`Đơn vị: …`, `Mã đơn vị: …`, `Khối: Trường học`, the title, `Quý I/2024`), columns shuffled and renamed (`TT`, `Họ tên`, `Mã CB`, `Tổng số điểm`, `Mẫu số`, `Kết quả đánh giá`), the months as numbers 1, 2, 3 under the group heading \"Kết quả xếp loại các tháng\", ratings as letters and words, the form as `Mẫu 04`, `04` and the number 4, `ĐẠT` in capitals, `Không xét` with its reason in `Ghi chú`. Nothing to report.",
        status: "ok",
        unit: Some(("Trường THCS Ngọc Lâm", "THCS-NL", "truong-hoc")),
        people: vec![
            who("GV01", "Nguyễn Thị Thu Trang", "dat", &[], Some(300.0)),
            who("GV02", "Lê Văn Nam", "dat", &[], Some(289.5)),
            who("GV03", "Trần Thị Oanh", "khong-dat", &["thang-duoi-tot", "khong-thang-xuat-sac"], Some(280.0)),
            who("GV04", "Phan Văn Phúc", "khong-danh-gia", &["khong-du-thoi-gian"], None),
        ],
        findings: vec![],
    });
    Ok(())
}

/// `ket-qua-la.xlsx`: a mẫu 06 with `Kết quả` and `Mẫu phiếu` cells that cannot be read.
fn ket_qua_la(dir: &Path, entries: &mut Vec<Entry>) -> Result<(), XlsxError> {
    let good = ["HTXSNV", "HTTNV", "HTTNV"];
    let m = Mau06 {
        titles: Titles::Plain(vec![
            "Đơn vị: Phòng Y tế",
            "Mã đơn vị: YT",
            "Khối: Chính quyền",
            "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024",
        ]),
        columns: vec![
            (K::Stt, "STT", ""),
            (K::Name, "Họ và tên", ""),
            (K::Title, "Chức vụ", ""),
            (K::M(0), "T1", ""),
            (K::M(1), "T2", ""),
            (K::M(2), "T3", ""),
            (K::Total, "Tổng điểm", ""),
            (K::Form, "Mẫu phiếu", ""),
            (K::Result, "Kết quả", ""),
            (K::Note, "Ghi chú", ""),
        ],
        people: vec![
            p(
                "",
                "Mai Văn Sơn",
                "Trưởng phòng",
                s("04"),
                n(290.0),
                good,
                "Đạt",
                "",
            ),
            p(
                "",
                "Tạ Thị Tuyết",
                "Chuyên viên",
                s("04"),
                n(290.0),
                good,
                "Hoàn thành tốt",
                "",
            ),
            p(
                "",
                "Lương Văn Út",
                "Chuyên viên",
                s("04"),
                n(290.0),
                good,
                "",
                "",
            ),
            p(
                "",
                "Hà Thị Vân",
                "Chuyên viên",
                V::E,
                V::E,
                ["", "", ""],
                "Không đánh giá",
                "",
            ),
            p(
                "",
                "Kiều Văn Xuân",
                "Chuyên viên",
                s("06"),
                n(290.0),
                good,
                "Đạt",
                "",
            ),
        ],
    };
    write_book(&dir.join("ket-qua-la.xlsx"), &[m.sheet()])?;
    let id = |i: usize| m.id(i);
    entries.push(Entry {
        path: "ket-qua-la.xlsx",
        what: "Phòng Y tế sends only its mẫu 06 (months headed `T1`, `T2`, `T3`). Cells that cannot be read are reported and the person is `loi`, never guessed: `Kết quả` \"Hoàn thành tốt\" (a monthly rating, not a result), a blank `Kết quả`, `Không đánh giá` without a reason in `Ghi chú`, `Mẫu phiếu` \"06\".",
        status: "loi",
        unit: Some(("Phòng Y tế", "YT", "chinh-quyen")),
        people: vec![
            who(id(0), "Mai Văn Sơn", "dat", &[], Some(290.0)),
            who(id(1), "Tạ Thị Tuyết", "loi", &[], None),
            who(id(2), "Lương Văn Út", "loi", &[], None),
            who(id(3), "Hà Thị Vân", "loi", &[], None),
            who(id(4), "Kiều Văn Xuân", "loi", &[], None),
        ],
        findings: vec![
            err("value-unclear", "Mẫu 06", Some(m.cell(1, K::Result)), Some(id(1)), "`Kết quả` 'Hoàn thành tốt'"),
            err("value-unclear", "Mẫu 06", Some(m.cell(2, K::Result)), Some(id(2)), "`Kết quả` blank"),
            err("value-unclear", "Mẫu 06", Some(m.cell(3, K::Note)), Some(id(3)), "`Không đánh giá` without a reason"),
            err("value-unclear", "Mẫu 06", Some(m.cell(4, K::Form)), Some(id(4)), "`Mẫu phiếu` '06'"),
        ],
    });
    Ok(())
}

/// `thieu-khoi.xlsx`: a mẫu 06 sent alone that does not say its bloc.
fn thieu_khoi(dir: &Path, entries: &mut Vec<Entry>) -> Result<(), XlsxError> {
    let good = ["HTXSNV", "HTTNV", "HTTNV"];
    let m = Mau06 {
        titles: Titles::Plain(vec!["Đơn vị: Phòng Tư pháp", TITLE]),
        columns: one_row_columns(),
        people: vec![
            p(
                "",
                "Đoàn Văn Yên",
                "Trưởng phòng",
                s("04"),
                n(290.0),
                good,
                "Đạt",
                "",
            ),
            p(
                "",
                "Lý Thị Ánh",
                "Chuyên viên",
                s("04"),
                n(288.0),
                good,
                "Đạt",
                "",
            ),
        ],
    };
    write_book(&dir.join("thieu-khoi.xlsx"), &[m.sheet()])?;
    entries.push(Entry {
        path: "thieu-khoi.xlsx",
        what: "Phòng Tư pháp sends only its mẫu 06, without a `Khối` line: the bloc is not guessed from the name (nor from a `Kính gửi` line: Phòng Nội vụ receives schools' dossiers too). `info-missing` at the title's cell; the unit is not counted.",
        status: "loi",
        unit: None,
        people: vec![],
        findings: vec![err("info-missing", "Mẫu 06", Some("A2".into()), None, "no `Khối`")],
    });
    Ok(())
}

/// One fixture: writes its files, adds its README sections.
type Step = fn(&Path, &mut Vec<Entry>) -> Result<(), XlsxError>;

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fixtures".into()));
    let dir = root.join("mau-06");
    let mut entries = Vec::new();
    let steps: [Step; 6] = [khop, lech, mot_minh_sai, hai_dong, ket_qua_la, thieu_khoi];
    for step in steps {
        step(&dir, &mut entries).unwrap_or_else(|e| panic!("writing a fixture: {e}"));
    }
    let md = readme(&entries);
    fs::write(dir.join("README.md"), md).expect("write the README");
    println!("wrote {}", dir.display());
}
