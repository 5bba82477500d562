//! A unit's mẫu 06 typed by hand and sent instead of its workbook (SPEC §3 "Mẫu 06 typed by
//! hand"): recognised by its title, read into plain values with a finding for every cell that
//! cannot be read. What the values mean for each person is decided in [`crate::mau06`].
//!
//! The layout is the one of the tool's own mẫu 06 ([`crate::writer::mau06`]), as offices retype
//! it: the issuing body at the top left (or an `Đơn vị: …` line), the title with the quarter,
//! optional `Mã đơn vị: …`, `Khối: …`, `Quý: …` lines, then a table — `STT`, `Họ và tên`,
//! `Chức vụ`, `Mẫu phiếu`, `Tổng điểm`, the three months, `Kết quả`, `Ghi chú` in any order, the
//! header on one row or two ("Xếp loại tháng" over "Tháng 1 | Tháng 2 | Tháng 3" or "1 | 2 | 3") —
//! then totals and the signatures, which are not read as people (a `Tổng số CBCCVC, NLĐ` line,
//! above the table or among the totals, is read as the unit size).

use super::layout::{self, names, Header, Spec};
use super::unit::{SHEET_INFO, SHEET_LIST};
use super::{cell_text, date_of_cell, is_blank, Cells, Grid, Workbook};
use crate::finding::{Detail, Expected, Finding, Mau06Field};
use crate::model::{Bloc, Form, Quarter, Rating, Reason, Total};
use crate::profile::Profile;
use crate::text::{self, a1};
use crate::vocab::{self, Declared};
use calamine::Data;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The name this tool gives the sheet (a hand-typed one may be named otherwise).
pub const SHEET: &str = "Mẫu 06";

/// The words of the title that make a sheet a mẫu 06 (as [`text::key`] gives them).
const TITLE: &str = "ket qua danh gia su chuyen nghiep";

/// How many sheets of a workbook are looked at for the title.
const MAX_SHEETS: usize = 4;

/// No total of a form is anywhere near this many points: a larger number was typed wrong.
const MAX_TOTAL_POINTS: u32 = 10_000;

/// One person's row of a mẫu 06.
#[derive(Debug, Clone, Default)]
pub struct Mau06Row {
    /// `Mã CB` when the table has the column and the cell is filled, else `dong-N` (N: the row).
    pub id: String,
    pub id_written: bool,
    /// The `Mã CB` cell, when written.
    pub id_cell: Option<String>,
    pub name: String,
    pub name_cell: String,
    pub title: String,
    pub birth: Option<NaiveDate>,
    pub form: Option<Form>,
    pub form_cell: Option<String>,
    pub form_unreadable: bool,
    pub total: Option<Total>,
    pub total_cell: Option<String>,
    pub total_unreadable: bool,
    /// `None` where blank or unreadable.
    pub ratings: [Option<Rating>; 3],
    pub rating_cells: [Option<String>; 3],
    pub ratings_unreadable: [bool; 3],
    /// `Kết quả`; `None` when blank or unreadable (reported).
    pub declared: Option<Declared>,
    /// `Kết quả` as written.
    pub result: String,
    pub result_cell: Option<String>,
    /// What `Kết quả` and `Ghi chú` say of a declared `Không đánh giá`: the reasons named and
    /// how long the time away is (decided in [`crate::mau06`]).
    pub not_evaluated: Option<vocab::NotEvaluatedNote>,
    /// Reasons the `Ghi chú` names in this tool's words.
    pub noted_reasons: Vec<Reason>,
    pub note: String,
    pub note_cell: Option<String>,
    /// An error was reported on a cell of the row, or a column the row's result rests on is
    /// missing.
    pub has_errors: bool,
}

/// Everything read from a mẫu 06.
#[derive(Debug, Clone, Default)]
pub struct Mau06Input {
    pub file: String,
    pub sheet: String,
    pub unit: Option<String>,
    pub code: Option<String>,
    pub code_cell: Option<String>,
    pub bloc: Option<Bloc>,
    /// The quarter the months are read for: the one asked for (`-q`), else the file's.
    pub quarter: Option<Quarter>,
    pub quarter_cell: Option<String>,
    /// The cell of the title, where findings about the whole sheet point.
    pub title_cell: String,
    /// A header row with `Họ và tên` was found.
    pub table: bool,
    pub rows: Vec<Mau06Row>,
    /// `Tổng số CBCCVC, NLĐ` as written (a title line, or a line of the totals), with its cell.
    pub headcount: Option<(u32, String)>,
}

// ---------------------------------------------------------------------------------------------
// Recognition

/// Whether a workbook may be a mẫu 06 sent alone: it has neither `Thông tin` nor `Danh sách`
/// (a unit workbook is read as one, whatever other sheets it holds).
pub fn may_be_mau06(wb: &Workbook) -> bool {
    wb.sheets_named(SHEET_INFO).is_empty() && wb.sheets_named(SHEET_LIST).is_empty()
}

/// Whether a key names form `n` ("mau 6", "mau 7" as [`text::sheet_key`] gives them): a sheet
/// named `Mẫu 06`, a title line "(Mẫu 06)" or "Mẫu số 06 …".
fn names_form(k: &str, n: &str) -> bool {
    let k = text::sheet_key(k);
    k == n
        || k.starts_with(&format!("{n} "))
        || k.ends_with(&format!(" {n}"))
        || k.contains(&format!(" {n} "))
}

/// Whether a line (as [`text::key`] gives it) is mẫu 06's title. `loose`: the sheet is named
/// `Mẫu 06` or a line says "(Mẫu 06)", and the title may be worded otherwise ("KẾT QUẢ ĐÁNH GIÁ
/// CHUYÊN NGHIỆP", "KẾT QUẢ XẾP LOẠI CHUYÊN NGHIỆP").
fn is_title(k: &str, loose: bool) -> bool {
    k.contains(TITLE)
        || (loose
            && k.contains("chuyen nghiep")
            && (k.contains("ket qua") || k.contains("danh gia")))
}

/// A title of a summary over units ("TỔNG HỢP …", "… TOÀN QUẬN"): a bloc's mẫu 07 or the
/// district's result, not one unit's mẫu 06. "TỔNG HỢP" is allowed on a sheet named `Mẫu 06`.
fn is_summary_title(k: &str, named: bool) -> bool {
    let w = format!(" {k} ");
    let district = [
        " toan quan ",
        " toan huyen ",
        " toan thi xa ",
        " toan thanh pho ",
    ]
    .iter()
    .any(|p| w.contains(p));
    district || (!named && w.contains(" tong hop "))
}

/// Whether the sheet's table is a mẫu 07's: one row per unit (`Đơn vị`) with its counts
/// (`Số đạt`, `Số không đạt`, …).
fn has_mau07_columns(grid: &Grid) -> bool {
    use super::mau07::{Col as C7, COUNTS, MAU07};
    let h = layout::find_header(grid, &MAU07, &mut |r, c| super::display(grid.get(r, c)));
    h.is_some_and(|h| h.has(C7::Name) && COUNTS.iter().filter(|c| h.has(**c)).count() >= 2)
}

/// Whether a sheet is a unit's mẫu 06: its first rows hold the title ("KẾT QUẢ ĐÁNH GIÁ SỰ
/// CHUYÊN NGHIỆP", in any case, with or without diacritics; other wordings on a sheet named
/// `Mẫu 06` or marked "(Mẫu 06)"), and nothing of a mẫu 07 or a district summary: no "(Mẫu 07)"
/// mark or sheet name, no "TỔNG HỢP"/"TOÀN QUẬN" title, no table of units with their counts.
pub fn is_mau06(grid: &Grid, sheet: &str) -> bool {
    if names_form(sheet, "mau 7") {
        return false;
    }
    let mut lines: Vec<String> = Vec::new();
    for row in grid.row_start()..grid.row_end().min(layout::SEARCH_ROWS) {
        for (_, d) in grid.filled(row) {
            lines.push(text::key(&cell_text(d).text));
        }
    }
    if lines.iter().any(|k| names_form(k, "mau 7")) {
        return false;
    }
    let named = names_form(sheet, "mau 6");
    let loose = named || lines.iter().any(|k| names_form(k, "mau 6"));
    let title = lines
        .iter()
        .find(|k| is_title(k, false))
        .or_else(|| lines.iter().find(|k| is_title(k, loose)));
    match title {
        Some(k) if !is_summary_title(k, named) => !has_mau07_columns(grid),
        _ => false,
    }
}

/// The sheet of a mẫu 06 sent alone, with its cells: the sheet named `Mẫu 06` first, then the
/// others in workbook order. `None` for a unit workbook, or a workbook without the title.
pub fn find(wb: &mut Workbook) -> Option<(String, Grid)> {
    if !may_be_mau06(wb) {
        return None;
    }
    let mut sheets = wb.sheet_names().to_vec();
    sheets.sort_by_key(|n| text::sheet_key(n) != text::sheet_key(SHEET));
    sheets.into_iter().take(MAX_SHEETS).find_map(|name| {
        let grid = wb.grid(&name).ok()?;
        is_mau06(&grid, &name).then_some((name, grid))
    })
}

// ---------------------------------------------------------------------------------------------
// The table's columns

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Id,
    Name,
    Birth,
    Title,
    Form,
    Total,
    Month(u32),
    Result,
    Note,
}

/// The columns of a mẫu 06 (SPEC §3) and the names offices give them.
const LAYOUT: Spec<Col> = Spec {
    columns: &[
        (Col::Stt, names::STT),
        (Col::Id, names::ID),
        (Col::Name, names::NAME),
        (Col::Birth, names::BIRTH),
        (Col::Title, names::TITLE),
        (
            Col::Form,
            &[
                "mau phieu",
                "mau",
                "mau so",
                "mau phieu danh gia",
                "mau phieu ap dung",
                "mau danh gia",
                "phieu danh gia",
                "loai phieu",
                "phieu",
            ],
        ),
        (
            Col::Total,
            &[
                "tong diem",
                "tong so diem",
                "tong diem dat duoc",
                "tong diem danh gia",
                "diem danh gia",
                "so diem",
                "diem",
            ],
        ),
        (
            Col::Result,
            &[
                "ket qua",
                "ket qua danh gia",
                "ket qua danh gia su chuyen nghiep",
                "ket qua danh gia chuyen nghiep",
                "ket qua chuyen nghiep",
                "ket qua xet",
                "danh gia",
                "xep loai chuyen nghiep",
                "dat chuyen nghiep",
            ],
        ),
        (Col::Note, names::NOTE),
    ],
    pattern: Some(month_pattern),
    keys: &[Col::Name],
    min_columns: 3,
    two_rows: true,
};

/// Words of a group heading over the month columns ("Xếp loại tháng", "Kết quả xếp loại các
/// tháng", "Xếp loại hằng tháng").
const MONTH_GROUP: &[&str] = &[
    "xep", "loai", "ket", "qua", "cac", "hang", "thang", "danh", "gia", "muc", "do",
];

/// A month column: "Tháng 1", "T1", "Tháng 01/2024", or a group heading read with its column
/// ("Xếp loại tháng" + "1", "Xếp loại" + "T1"). A bare number is a month only under its heading.
fn month_pattern(d: &Data, k: &str) -> Option<Col> {
    if !matches!(d, Data::String(_)) {
        return None;
    }
    text::parse_month_header(k)
        .or_else(|| grouped_month(k))
        .map(Col::Month)
}

fn grouped_month(k: &str) -> Option<u32> {
    let words: Vec<&str> = k.split(' ').collect();
    (1..words.len()).find_map(|i| {
        let head = &words[..i];
        if !head.iter().all(|w| MONTH_GROUP.contains(w)) {
            return None;
        }
        let rest = words[i..].join(" ");
        let bare = || {
            let heading = head.contains(&"thang") || head.contains(&"loai");
            (heading && words.len() == i + 1 && rest.len() <= 2)
                .then(|| rest.parse().ok().filter(|m| (1..=12).contains(m)))
                .flatten()
        };
        text::parse_month_header(&rest).or_else(bare)
    })
}

/// Where the columns of the table are.
struct Table {
    header: Header<Col>,
    /// The column of each month of the quarter.
    months: [Option<u32>; 3],
    /// A column everyone's result rests on is missing (reported once, on the header).
    broken: bool,
}

impl Table {
    fn col(&self, c: Col) -> Option<u32> {
        self.header.col(c)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads cells of one mẫu 06, collecting findings.
struct Cx<'a> {
    file: &'a str,
    sheet: &'a str,
    grid: &'a Grid,
    wb: &'a mut Workbook,
    formulas: Option<Option<Cells<String>>>,
    legacy_reported: bool,
    findings: Vec<Finding>,
}

impl Cx<'_> {
    fn push(&mut self, cell: Option<String>, person: Option<(&str, &str)>, detail: Detail) {
        self.findings.push(Finding {
            file: self.file.to_string(),
            sheet: Some(self.sheet.to_string()),
            cell,
            person: person.map(|(id, _)| id.to_string()),
            person_name: person.map(|(_, n)| n.to_string()).filter(|n| !n.is_empty()),
            detail,
        });
    }

    /// The text of a cell, tidied, converted from TCVN3/VNI (reported once) when legacy text.
    fn text(&mut self, row: u32, col: u32) -> String {
        let t = cell_text(self.grid.get(row, col));
        if let (Some((enc, before)), false) = (t.legacy, self.legacy_reported) {
            self.legacy_reported = true;
            self.push(
                Some(a1(row, col)),
                None,
                Detail::LegacyEncoding {
                    encoding: enc.name(),
                    before,
                    after: t.text.clone(),
                },
            );
        }
        t.text
    }

    /// The formula of a cell that holds no value, if any (read once, when first needed).
    fn formula(&mut self, row: u32, col: u32) -> Option<String> {
        let (wb, sheet) = (&mut *self.wb, self.sheet);
        let cells = self.formulas.get_or_insert_with(|| wb.formulas(sheet));
        cells
            .as_ref()?
            .get(row, col)
            .filter(|f| !f.is_empty())
            .cloned()
    }
}

/// Reads a mẫu 06 sheet found by [`find`]. `asked` is the quarter asked for on the command line.
pub fn read(
    file: &str,
    wb: &mut Workbook,
    sheet: &str,
    grid: &Grid,
    profile: &Profile,
    asked: Option<Quarter>,
) -> (Mau06Input, Vec<Finding>) {
    let mut cx = Cx {
        file,
        sheet,
        grid,
        wb,
        formulas: None,
        legacy_reported: false,
        findings: Vec::new(),
    };
    let header = layout::find_header(grid, &LAYOUT, &mut |r, c| cx.text(r, c));
    let above = header.as_ref().map_or(layout::SEARCH_ROWS, |h| h.row);
    let titles = read_titles(&mut cx, above, profile);
    let mut input = Mau06Input {
        file: file.to_string(),
        sheet: sheet.to_string(),
        title_cell: (titles.title_cell.clone())
            .or_else(|| titles.loose_title_cell.clone())
            .unwrap_or_else(|| a1(0, 0)),
        ..Default::default()
    };
    apply_titles(&mut cx, &mut input, titles, profile, asked);
    let Some(header) = header else {
        let cell = Some(input.title_cell.clone());
        cx.push(cell, None, Detail::Mau06HeaderNotFound);
        return (input, cx.findings);
    };
    let table = table_columns(&mut cx, header, input.quarter);
    input.table = true;
    let (rows, counted) = read_rows(&mut cx, &table);
    input.rows = rows;
    input.headcount = input.headcount.take().or(counted);
    if input.rows.is_empty() {
        let cell = Some(a1(
            table.header.data_start(),
            table.col(Col::Name).unwrap_or(0),
        ));
        cx.push(cell, None, Detail::Mau06Empty);
    }
    (input, cx.findings)
}

// ---------------------------------------------------------------------------------------------
// Title lines

/// What the lines above the table say, each with its cell.
#[derive(Default)]
struct Titles {
    title_cell: Option<String>,
    unit: Option<(String, String)>,
    /// The issuing body at the top left (official layout), when no `Đơn vị:` line names the unit.
    body: Option<(String, String)>,
    code: Option<(String, String)>,
    bloc: Option<(Bloc, String)>,
    /// A `Khối:` line whose value names no bloc.
    bloc_invalid: Option<(String, String)>,
    quarter: Option<(Quarter, String)>,
    /// A `Tổng số CBCCVC, NLĐ: …` line.
    headcount: Option<(u32, String)>,
    /// The title in other words, on a sheet named `Mẫu 06` (where findings point without the
    /// usual title).
    loose_title_cell: Option<String>,
}

/// A labelled title line: `Đơn vị: …`, `Mã đơn vị: …`, `Khối: …`, `Quý: …`, `Tổng số CBCCVC,
/// NLĐ: …`, `Kính gửi: …`. The office a mẫu 06 is sent to ("Kính gửi: Phòng Nội vụ") says
/// nothing of the unit's bloc: Phòng Nội vụ receives the schools' dossiers too (Kế hoạch 25
/// §III.4a), so the bloc is read only from a `Khối` line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Unit,
    Code,
    Bloc,
    Quarter,
    Headcount,
    To,
}

fn label_of(key: &str) -> Option<Label> {
    Some(match key {
        "don vi" | "ten don vi" | "co quan don vi" | "co quan" => Label::Unit,
        "ma don vi" | "ma dv" => Label::Code,
        "khoi" => Label::Bloc,
        "quy" | "quy danh gia" | "ky danh gia" => Label::Quarter,
        k if is_headcount_label(k) => Label::Headcount,
        "kinh gui" => Label::To,
        _ => return None,
    })
}

/// Reads the lines above the table (rows before `end`).
fn read_titles(cx: &mut Cx, end: u32, profile: &Profile) -> Titles {
    let mut t = Titles::default();
    for row in cx.grid.row_start()..end.min(cx.grid.row_end()) {
        let cols: Vec<u32> = cx.grid.filled(row).map(|(c, _)| c).collect();
        let cells: Vec<(u32, String)> = cols.into_iter().map(|c| (c, cx.text(row, c))).collect();
        for (i, (col, text)) in cells.iter().enumerate() {
            let next = cells.get(i + 1).map(|(_, s)| s.as_str()).unwrap_or("");
            let cell = a1(row, *col);
            for line in text.lines() {
                title_line(&mut t, line, next, &cell, profile);
            }
        }
    }
    t.body = issuing_body(cx, end);
    t
}

/// One line of the title area.
fn title_line(t: &mut Titles, line: &str, next: &str, cell: &str, profile: &Profile) {
    let k = text::key(line);
    if is_title(&k, false) && t.title_cell.is_none() {
        t.title_cell = Some(cell.to_string());
    }
    if is_title(&k, true) && t.loose_title_cell.is_none() {
        t.loose_title_cell = Some(cell.to_string());
    }
    let labelled = match line.split_once(':') {
        Some((label, value)) => label_of(&text::key(label)).map(|l| (l, value.trim())),
        None => label_of(&k).map(|l| (l, next.trim())),
    };
    let keep = |slot: &mut Option<(String, String)>, value: &str| {
        if slot.is_none() && !value.is_empty() {
            *slot = Some((value.to_string(), cell.to_string()));
        }
    };
    match labelled {
        Some((Label::Unit, v)) => keep(&mut t.unit, v),
        Some((Label::Code, v)) => keep(&mut t.code, v),
        Some((Label::Bloc, v)) if t.bloc.is_none() && !v.is_empty() => {
            match profile.bloc_from_text(v) {
                Some(b) => t.bloc = Some((b, cell.to_string())),
                None => keep(&mut t.bloc_invalid, v),
            }
        }
        Some((Label::Headcount, v)) if t.headcount.is_none() => {
            t.headcount = count_of(v).map(|n| (n, cell.to_string()));
        }
        _ if k.starts_with("khoi ") && t.bloc.is_none() => {
            t.bloc = profile.bloc_from_text(line).map(|b| (b, cell.to_string()));
        }
        _ => {}
    }
    if t.quarter.is_none() {
        let q = match labelled {
            Some((Label::Quarter, v)) => text::parse_quarter(v),
            _ => text::quarter_in_title(line),
        };
        t.quarter = q.map(|q| (q, cell.to_string()));
    }
}

/// A label of the unit size: "Tổng số CBCCVC, NLĐ", "Tổng số cán bộ", "Tổng số người", "Tổng
/// số" (key as [`text::key`] gives it).
fn is_headcount_label(k: &str) -> bool {
    const STAFF: &[&str] = &[
        "cbccvc", "cbcc", "cbcnvc", "cbcnv", "cb", "can", "nguoi", "cong", "vien", "nld",
    ];
    match k.strip_prefix("tong so") {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix(' ')
            .and_then(|r| r.split(' ').next())
            .is_some_and(|w| STAFF.contains(&w)),
        None => k == "so cbccvc nld",
    }
}

/// A count of people as written: "25", "25 người", "25 đồng chí" (nothing else after the number).
fn count_of(s: &str) -> Option<u32> {
    let k = text::key(s);
    let mut words = k.split(' ');
    let n: u32 = words
        .next()
        .filter(|w| !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    let rest: Vec<&str> = words.collect();
    matches!(
        rest.as_slice(),
        [] | ["nguoi"] | ["dong", "chi"] | ["can", "bo"]
    )
    .then_some(n)
}

/// The issuing body of the official layout (Nghị định 30/2020; Hướng dẫn 36 for Party bodies):
/// the lines at the top left, beside the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or
/// "ĐẢNG CỘNG SẢN VIỆT NAM"); the last of them names the unit, below its superior body.
fn issuing_body(cx: &mut Cx, end: u32) -> Option<(String, String)> {
    let grid = cx.grid;
    let (motto_row, motto_col) = (grid.row_start()..end.min(grid.row_end())).find_map(|r| {
        let cols: Vec<u32> = grid.filled(r).map(|(c, _)| c).collect();
        cols.into_iter()
            .find(|&c| is_motto(&cx.text(r, c)))
            .map(|c| (r, c))
    })?;
    let mut lines: Vec<(String, String)> = Vec::new();
    for row in motto_row..(motto_row + 3).min(end) {
        let cols: Vec<u32> = grid.filled(row).map(|(c, _)| c).collect();
        for col in cols.into_iter().filter(|&c| c < motto_col) {
            let text = cx.text(row, col);
            let cell = a1(row, col);
            lines.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| is_body_line(l))
                    .map(|l| (l.to_string(), cell.clone())),
            );
        }
    }
    lines.pop()
}

fn is_motto(s: &str) -> bool {
    let k = text::key(s);
    k.starts_with("cong hoa xa hoi chu nghia viet nam") || k == "dang cong san viet nam"
}

/// A line of the issuing block that names a body: not the Party's "*", not a "Số: …" line.
fn is_body_line(l: &str) -> bool {
    let k = text::key(l);
    !k.is_empty() && !k.starts_with("so ") && k != "so" && !NOT_A_BODY.iter().any(|w| k.contains(w))
}

/// Words of title lines that name no body (the title, the national motto).
const NOT_A_BODY: &[&str] = &[
    TITLE,
    "chuyen nghiep",
    "thong bao",
    "doc lap tu do hanh phuc",
];

/// Moves what the title lines say into the input, reporting what a mẫu 06 sent alone lacks.
fn apply_titles(
    cx: &mut Cx,
    input: &mut Mau06Input,
    t: Titles,
    profile: &Profile,
    asked: Option<Quarter>,
) {
    let at = Some(input.title_cell.clone());
    input.unit = t.unit.or(t.body).map(|(u, _)| u);
    (input.code, input.code_cell) = match t.code {
        Some((c, cell)) => (Some(c), Some(cell)),
        None => (None, None),
    };
    input.bloc = t.bloc.map(|(b, _)| b);
    input.headcount = t.headcount;
    if input.unit.is_none() {
        cx.push(
            at.clone(),
            None,
            Detail::Mau06TitleMissing {
                what: Mau06Field::Unit,
            },
        );
    }
    match (&t.bloc_invalid, input.bloc) {
        (Some((value, cell)), None) => cx.push(
            Some(cell.clone()),
            None,
            Detail::InfoInvalid {
                label: "Khối",
                value: value.clone(),
                expected: Expected::Bloc,
            },
        ),
        (None, None) => cx.push(
            at.clone(),
            None,
            Detail::Mau06TitleMissing {
                what: Mau06Field::Bloc,
            },
        ),
        _ => {}
    }
    input.quarter_cell = t.quarter.as_ref().map(|(_, c)| c.clone());
    let found = t.quarter.map(|(q, _)| q);
    input.quarter = quarter_to_read(cx, found, input.quarter_cell.clone(), asked, profile);
    if found.is_none() && asked.is_none() {
        cx.push(
            at,
            None,
            Detail::Mau06TitleMissing {
                what: Mau06Field::Quarter,
            },
        );
    }
}

/// The quarter the months are read for: the one asked for (`-q`), else the file's; a file of
/// another quarter than the one asked for is `quarter-mismatch`.
fn quarter_to_read(
    cx: &mut Cx,
    found: Option<Quarter>,
    cell: Option<String>,
    asked: Option<Quarter>,
    profile: &Profile,
) -> Option<Quarter> {
    let quarter = match (asked, found) {
        (Some(expected), Some(found)) if expected != found => {
            let detail = Detail::QuarterMismatch {
                found,
                expected,
                asked: true,
            };
            cx.push(cell.clone(), None, detail);
            None
        }
        (Some(q), _) | (None, Some(q)) => Some(q),
        (None, None) => None,
    };
    if let (Some(q), Some((from, to))) = (quarter.filter(|q| !profile.covers(*q)), profile.period) {
        let detail = Detail::ProfileOutOfPeriod {
            quarter: q,
            profile: profile.name.clone(),
            from,
            to,
        };
        cx.push(cell, None, detail);
    }
    quarter
}

// ---------------------------------------------------------------------------------------------
// The table

/// Checks the columns every mẫu 06 needs: `Kết quả`, `Mẫu phiếu`, `Tổng điểm` and one column per
/// month of the quarter (a month of another quarter is `month-mismatch`).
fn table_columns(cx: &mut Cx, header: Header<Col>, quarter: Option<Quarter>) -> Table {
    let at = a1(header.row, header.cols.first().map_or(0, |c| c.col));
    let mut table = Table {
        header,
        months: [None; 3],
        broken: false,
    };
    for (kind, column) in [
        (Col::Result, "Kết quả"),
        (Col::Form, "Mẫu phiếu"),
        (Col::Total, "Tổng điểm"),
    ] {
        if table.col(kind).is_none() {
            table.broken = true;
            let column = column.to_string();
            cx.push(Some(at.clone()), None, Detail::ColumnMissing { column });
        }
    }
    let Some(q) = quarter else {
        table.broken = true;
        return table;
    };
    let mut mismatch = false;
    let months: Vec<(u32, u32)> = table
        .header
        .cols
        .iter()
        .filter_map(|c| match c.kind {
            Col::Month(m) => Some((c.col, m)),
            _ => None,
        })
        .collect();
    for (col, month) in months {
        match q.months().iter().position(|&x| x == month) {
            Some(i) if table.months[i].is_none() => table.months[i] = Some(col),
            Some(_) => {}
            None => {
                mismatch = true;
                let cell = Some(a1(table.header.row + table.header.rows - 1, col));
                cx.push(cell, None, Detail::MonthMismatch { month, quarter: q });
            }
        }
    }
    for (i, m) in q.months().iter().enumerate() {
        if table.months[i].is_none() {
            table.broken = true;
            if !mismatch {
                let column = format!("Tháng {m}");
                cx.push(Some(at.clone()), None, Detail::ColumnMissing { column });
            }
        }
    }
    table
}

/// What a row of the table is.
enum RowKind {
    Person,
    /// A blank row, a row of column numbers, a group heading ("I. Lãnh đạo", "Bộ phận Một cửa"):
    /// not read.
    Skip,
    /// A line of the totals ("Tổng cộng", "Tổng số CBCCVC, NLĐ", "Số đạt …"): not read as a
    /// person; the lines below it are people only when they hold a person's data.
    Summary,
    /// A row with a result or ratings but no name: reported, not read.
    Nameless,
    /// The signatures, or the place and date above them: the table is over.
    End,
}

/// Reads the people of the table, from below the header to the signatures, and the unit size
/// a `Tổng số CBCCVC, NLĐ` line of the totals gives.
fn read_rows(cx: &mut Cx, table: &Table) -> (Vec<Mau06Row>, Option<(u32, String)>) {
    let mut rows: Vec<Mau06Row> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut headcount = None;
    let mut after_totals = false;
    for row in table.header.data_start()..cx.grid.row_end() {
        match row_kind(cx, table, row, after_totals) {
            RowKind::End => break,
            RowKind::Skip => continue,
            RowKind::Summary => {
                after_totals = true;
                if headcount.is_none() {
                    headcount = headcount_in_row(cx, row);
                }
                continue;
            }
            RowKind::Nameless => {
                let cell = Some(a1(row, table.col(Col::Name).unwrap_or(0)));
                cx.push(cell, None, Detail::Mau06RowWithoutName);
                continue;
            }
            RowKind::Person => {}
        }
        let mut r = read_person(cx, table, row);
        if r.id_written {
            let k = text::key(&r.id);
            if let Some(&first) = ids.get(&k) {
                let first_cell = rows[first].id_cell.clone().unwrap_or_default();
                rows[first].has_errors = true;
                let detail = Detail::PersonDuplicate { first: first_cell };
                cx.push(r.id_cell.clone(), Some((&r.id, &r.name)), detail);
                continue;
            }
            ids.insert(k, rows.len());
        }
        r.has_errors |= table.broken;
        rows.push(r);
    }
    (rows, headcount)
}

/// What a row is. Rows without a person's data (a readable `Kết quả`, rating or form) may be
/// totals, signatures or group headings; rows with it are people, whatever their name says.
fn row_kind(cx: &mut Cx, table: &Table, row: u32, after_totals: bool) -> RowKind {
    if cx.grid.is_row_empty(row) {
        return RowKind::Skip;
    }
    let name_col = table.col(Col::Name);
    let name = name_col.map(|c| cx.text(row, c)).unwrap_or_default();
    let k = text::key(&name);
    let cols: Vec<u32> = cx.grid.filled(row).map(|(c, _)| c).collect();
    let texts: Vec<(u32, String)> = cols.iter().map(|&c| (c, cx.text(row, c))).collect();
    let data = has_person_data(cx, table, row);
    if !data {
        // Told by the row's label (its name cell, else its first text), so that a person's
        // `Chức vụ` "Chủ tịch UBND" or a note with a date ends nothing.
        let label = if k.is_empty() {
            texts.first().map(|(_, t)| t.clone()).unwrap_or_default()
        } else {
            name.clone()
        };
        let lk = text::key(&label);
        let nameless_end = k.is_empty()
            && texts.iter().any(|(_, t)| {
                let tk = text::key(t);
                is_place_date(&tk) || is_signature(&tk)
            });
        if is_place_date(&lk) || is_signature(&lk) || nameless_end {
            return RowKind::End;
        }
        if is_summary(&label) {
            return RowKind::Summary;
        }
    }
    if k.is_empty() {
        let holds = |c: Option<u32>| c.is_some_and(|c| !is_blank(cx.grid.get(row, c)));
        let result = holds(table.col(Col::Result)) || table.months.iter().any(|&c| holds(c));
        return if data || result {
            RowKind::Nameless
        } else {
            RowKind::Skip
        };
    }
    // Column numbers ("1", "(2)", "B") are no one.
    if k.chars().all(|c| c.is_ascii_digit() || c == ' ') || k.chars().count() == 1 {
        return RowKind::Skip;
    }
    if data {
        return RowKind::Person;
    }
    let stt = table.col(Col::Stt);
    let stt_key = stt.map(|c| text::key(&cx.text(row, c))).unwrap_or_default();
    // A group heading: the `STT` a Roman numeral or a letter, or a label alone in its row that is
    // no one's name ("Lãnh đạo", "Bộ phận Một cửa").
    let label_only = texts
        .iter()
        .all(|(c, _)| Some(*c) == name_col || Some(*c) == stt);
    let numbered = !stt_key.is_empty() && !is_group_mark(&stt_key);
    if (is_group_mark(&stt_key) && texts.len() <= 2)
        || (label_only && is_group_heading(&name))
        || (label_only && !numbered && !looks_like_a_name(&name))
    {
        return RowKind::Skip;
    }
    // Below the totals, a row without a person's data is a note or a signer's name.
    if after_totals {
        return RowKind::Skip;
    }
    RowKind::Person
}

/// Whether a row holds something only a person's row holds: a `Kết quả` of the form's words, a
/// monthly rating, a form. (A total is not: the totals put their counts in that column.)
fn has_person_data(cx: &mut Cx, table: &Table, row: u32) -> bool {
    let mut read = |c: Option<u32>| c.map(|c| cx.text(row, c)).unwrap_or_default();
    let result = read(table.col(Col::Result));
    if vocab::parse_declared(&result).is_some() {
        return true;
    }
    let form = read(table.col(Col::Form));
    if vocab::parse_form(&form).is_some() && !form.trim().chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    table
        .months
        .iter()
        .any(|&c| text::parse_rating(&read(c)).is_some())
}

/// The unit size a line of the totals gives: "Tổng số CBCCVC, NLĐ" (or "Tổng số: 25 người") with
/// the number after its colon or in a cell to its right.
fn headcount_in_row(cx: &mut Cx, row: u32) -> Option<(u32, String)> {
    let cols: Vec<u32> = cx.grid.filled(row).map(|(c, _)| c).collect();
    let (label_col, label) = cols
        .iter()
        .map(|&c| (c, cx.text(row, c)))
        .find(|(_, t)| !t.is_empty() && !t.chars().all(|ch| ch.is_ascii_digit()))?;
    let (head, value) = match label.split_once(':') {
        Some((h, v)) => (h.to_string(), Some(v.to_string())),
        None => (label.clone(), None),
    };
    if !is_headcount_label(&text::key(&head)) {
        return None;
    }
    if let Some(n) = value.as_deref().and_then(count_of) {
        return Some((n, a1(row, label_col)));
    }
    cols.into_iter().filter(|&c| c > label_col).find_map(|c| {
        let n = match cx.grid.get(row, c) {
            Data::Int(i) => u32::try_from(*i).ok(),
            Data::Float(f) if f.fract() == 0.0 && (0.0..1e6).contains(f) => Some(*f as u32),
            Data::String(t) => count_of(t),
            _ => None,
        }?;
        Some((n, a1(row, c)))
    })
}

/// A line of the totals: "Tổng cộng", "Cộng", "Tổng số CBCCVC, NLĐ", "Trong đó", "Tỷ lệ", "Số đạt
/// chuyên nghiệp". Compared with the diacritics kept: the surnames Tống and Công ("Tống Công
/// Minh") are someone. A label typed without any diacritics ("Tong cong") is compared without.
fn is_summary(label: &str) -> bool {
    let lower = text::tidy(label).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let marked = matches!(
        words.as_slice(),
        ["tổng" | "cộng", ..] | ["trong", "đó", ..] | ["tỷ" | "tỉ", "lệ", ..] | ["số", ..]
    );
    let plain = lower.is_ascii()
        && matches!(
            words.as_slice(),
            ["tong", "cong", ..]
                | ["tong", "so", ..]
                | ["cong"]
                | ["trong", "do", ..]
                | ["ty" | "ti", "le", ..]
                | [
                    "so",
                    "dat" | "khong" | "duoc" | "nguoi" | "luong" | "cbccvc",
                    ..
                ]
        );
    marked || plain
}

/// The place and date above the signatures: "Long Biên, ngày 28 tháng 3 năm 2024".
fn is_place_date(k: &str) -> bool {
    let w = format!(" {k} ");
    w.contains(" ngay ") && w.contains(" thang ") && w.contains(" nam ")
}

/// The words of a signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
/// "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "Nơi nhận:" (key as [`text::key`] gives it).
fn is_signature(k: &str) -> bool {
    // "TM.", "KT.", "TL.", "TUQ.", "Q." before the body or the title signed for.
    const FOR: &[&str] = &["tm", "kt", "tl", "tuq"];
    const WORDS: &[&str] = &[
        "nguoi lap bieu",
        "nguoi lap",
        "nguoi tong hop",
        "thu truong don vi",
        "thu truong co quan",
        "thu truong",
        "lanh dao don vi",
        "xac nhan cua",
        "noi nhan",
        "ky ten",
        "ky ghi ro ho ten",
        "ky va ghi ro ho ten",
        "ky dong dau",
        "chu tich",
        "pho chu tich",
        "bi thu",
        "pho bi thu",
        "truong phong",
        "pho truong phong",
        "truong ban",
        "pho truong ban",
        "hieu truong",
        "pho hieu truong",
        "giam doc",
        "pho giam doc",
        "chanh van phong",
        "pho chanh van phong",
        "q chu tich",
        "q truong phong",
        "q hieu truong",
    ];
    let first = k.split(' ').next().unwrap_or("");
    (FOR.contains(&first) && k.len() > first.len())
        || WORDS
            .iter()
            .any(|p| k == *p || k.starts_with(&format!("{p} ")))
}

/// A group's mark in the `STT` column: a Roman numeral or a capital letter ("I", "II", "A").
fn is_group_mark(k: &str) -> bool {
    !k.is_empty() && k.len() <= 4 && k.chars().all(|c| "ivxabcd".contains(c))
}

/// First words of a group heading ("Lãnh đạo", "Bộ phận Một cửa", "Tổ Văn phòng"), with their
/// diacritics: "Tổ" is a group, "Tô" a surname.
const GROUP_WORDS: &[&str] = &[
    "lãnh đạo",
    "bộ phận",
    "tổ",
    "phòng",
    "khối",
    "ban",
    "nhóm",
    "văn phòng",
    "cán bộ",
    "công chức",
    "viên chức",
    "người lao động",
    "lao động",
    "giáo viên",
    "nhân viên",
    "hợp đồng",
    "đảng ủy",
    "đảng uỷ",
    "chi bộ",
    "đoàn thể",
    "ubnd",
    "hđnd",
    "mttq",
    "các",
    "danh sách",
];

/// A label that starts with the words of a group heading (diacritics kept; a label typed
/// without any is compared without, "to" aside).
fn is_group_heading(label: &str) -> bool {
    let lower = text::tidy(label).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let starts = |g: &str| joined == g || joined.starts_with(&format!("{g} "));
    if lower.is_ascii() {
        GROUP_WORDS
            .iter()
            .map(|g| text::key(g))
            .filter(|g| g != "to")
            .any(|g| starts(&g))
    } else {
        GROUP_WORDS.iter().any(|g| starts(g))
    }
}

/// Whether a label alone in its row may be someone's name: two to six words, each starting
/// with a capital ("Nguyễn Văn An", "NGUYỄN VĂN AN"), not the words of a group heading.
fn looks_like_a_name(label: &str) -> bool {
    if is_group_heading(label) {
        return false;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(char::is_alphabetic) && w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// One person's row.
fn read_person(cx: &mut Cx, table: &Table, row: u32) -> Mau06Row {
    let name_col = table.col(Col::Name).unwrap_or(0);
    let mut r = Mau06Row {
        name: cx.text(row, name_col),
        name_cell: a1(row, name_col),
        title: table
            .col(Col::Title)
            .map(|c| cx.text(row, c))
            .unwrap_or_default(),
        ..Default::default()
    };
    let id = table
        .col(Col::Id)
        .map(|c| cx.text(row, c))
        .unwrap_or_default();
    r.id_written = !id.is_empty();
    r.id_cell = table
        .col(Col::Id)
        .filter(|_| r.id_written)
        .map(|c| a1(row, c));
    r.id = if r.id_written {
        id
    } else {
        format!("dong-{}", row + 1)
    };
    r.birth = table
        .col(Col::Birth)
        .and_then(|c| date_of_cell(cx.grid.get(row, c)));
    read_form(cx, table, row, &mut r);
    read_total(cx, table, row, &mut r);
    read_months(cx, table, row, &mut r);
    read_result(cx, table, row, &mut r);
    r
}

/// A cell as read: blank, a formula whose value the file does not hold (reported), or a value.
enum Read {
    Blank,
    NoValue,
    Value(Data),
}

fn read_cell(cx: &mut Cx, r: &mut Mau06Row, row: u32, col: u32) -> Read {
    let d = cx.grid.get(row, col).clone();
    if !is_blank(&d) {
        return Read::Value(d);
    }
    match cx.formula(row, col) {
        Some(formula) if matches!(d, Data::Empty) => {
            report(cx, r, row, col, Detail::FormulaNoValue { formula });
            Read::NoValue
        }
        _ => Read::Blank,
    }
}

/// Reports a cell of a person's row: the row holds an error.
fn report(cx: &mut Cx, r: &mut Mau06Row, row: u32, col: u32, detail: Detail) {
    r.has_errors = true;
    cx.push(Some(a1(row, col)), Some((&r.id, &r.name)), detail);
}

fn read_form(cx: &mut Cx, table: &Table, row: u32, r: &mut Mau06Row) {
    let Some(col) = table.col(Col::Form) else {
        return;
    };
    r.form_cell = Some(a1(row, col));
    match read_cell(cx, r, row, col) {
        Read::Blank => {}
        Read::NoValue => r.form_unreadable = true,
        Read::Value(_) => {
            let value = cx.text(row, col);
            r.form = vocab::parse_form(&value);
            if r.form.is_none() {
                r.form_unreadable = true;
                report(cx, r, row, col, Detail::Mau06FormUnclear { value });
            }
        }
    }
}

fn read_total(cx: &mut Cx, table: &Table, row: u32, r: &mut Mau06Row) {
    let Some(col) = table.col(Col::Total) else {
        return;
    };
    r.total_cell = Some(a1(row, col));
    match read_cell(cx, r, row, col) {
        Read::Blank => {}
        Read::NoValue => r.total_unreadable = true,
        Read::Value(d) => {
            r.total = super::total_of_cell(&d, MAX_TOTAL_POINTS);
            if r.total.is_none() {
                r.total_unreadable = true;
                let value = cx.text(row, col);
                report(cx, r, row, col, Detail::Mau06TotalInvalid { value });
            }
        }
    }
}

fn read_months(cx: &mut Cx, table: &Table, row: u32, r: &mut Mau06Row) {
    for (i, col) in table.months.iter().enumerate() {
        let Some(col) = *col else { continue };
        r.rating_cells[i] = Some(a1(row, col));
        match read_cell(cx, r, row, col) {
            Read::Blank => {}
            Read::NoValue => r.ratings_unreadable[i] = true,
            Read::Value(_) => {
                let value = cx.text(row, col);
                r.ratings[i] = text::parse_rating(&value);
                if r.ratings[i].is_none() {
                    r.ratings_unreadable[i] = true;
                    let month = month_of(table, i);
                    report(cx, r, row, col, Detail::RatingUnknown { month, value });
                }
            }
        }
    }
}

/// The calendar month of the `i`-th month column.
fn month_of(table: &Table, i: usize) -> u32 {
    let col = table.months[i];
    table
        .header
        .cols
        .iter()
        .find_map(|c| match c.kind {
            Col::Month(m) if Some(c.col) == col => Some(m),
            _ => None,
        })
        .unwrap_or(i as u32 + 1)
}

/// `Kết quả`, and with it the reason of a `Không đánh giá` (from `Kết quả` and `Ghi chú`) and
/// the reasons a `Ghi chú` names.
fn read_result(cx: &mut Cx, table: &Table, row: u32, r: &mut Mau06Row) {
    if let Some(col) = table.col(Col::Note) {
        r.note = cx.text(row, col);
        r.note_cell = Some(a1(row, col));
    }
    r.noted_reasons = vocab::reasons_in_note(&r.note);
    let Some(col) = table.col(Col::Result) else {
        return;
    };
    r.result_cell = Some(a1(row, col));
    let value = match read_cell(cx, r, row, col) {
        Read::NoValue => return,
        Read::Blank => String::new(),
        Read::Value(_) => cx.text(row, col),
    };
    r.declared = vocab::parse_declared(&value);
    r.result = value.clone();
    match r.declared {
        None => report(cx, r, row, col, Detail::Mau06ResultUnclear { value }),
        Some(Declared::KhongDanhGia) => {
            r.not_evaluated = vocab::parse_not_evaluated(&format!("{value}; {}", r.note));
            if r.not_evaluated.is_none() {
                let at = table.col(Col::Note).unwrap_or(col);
                let detail = Detail::Mau06ReasonUnclear {
                    value: r.note.clone(),
                };
                report(cx, r, row, at, detail);
            }
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::total_of_cell;
    use calamine::Range;

    fn grid(rows: &[&[&str]]) -> Grid {
        let h = rows.len() as u32;
        let w = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut r = Range::new((0, 0), (h - 1, w - 1));
        for (i, row) in rows.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    r.set_value((i as u32, j as u32), Data::String(v.to_string()));
                }
            }
        }
        Grid::from_range(r)
    }

    fn header(g: &Grid) -> Header<Col> {
        layout::find_header(g, &LAYOUT, &mut |r, c| super::super::display(g.get(r, c)))
            .expect("a header")
    }

    #[test]
    fn title_recognises_a_mau06_not_a_mau07() {
        let g = grid(&[
            &[
                "UBND QUẬN LONG BIÊN",
                "",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ],
            &["THÔNG BÁO KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024"],
        ]);
        assert!(is_mau06(&g, "Sheet1"));
        assert!(!is_mau06(&g, "Mẫu 07"));
        let g7 = grid(&[
            &["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP"],
            &["(Mẫu 07)"],
        ]);
        assert!(!is_mau06(&g7, "Sheet1"));
        let plain = grid(&[&["Danh sách"], &["STT", "Họ và tên"]]);
        assert!(!is_mau06(&plain, "Sheet1"));
        let bare = grid(&[&["ket qua danh gia su chuyen nghiep"]]);
        assert!(is_mau06(&bare, "Sheet1"));
    }

    #[test]
    fn columns_in_any_order_and_spelling() {
        let g = grid(&[&[
            "Ghi chú",
            "Kết quả",
            "T3",
            "Tháng 2",
            "tháng 01",
            "Tổng điểm",
            "Mẫu số",
            "Họ tên",
            "TT",
        ]]);
        let h = header(&g);
        assert_eq!(h.col(Col::Name), Some(7));
        assert_eq!(h.col(Col::Form), Some(6));
        assert_eq!(h.col(Col::Total), Some(5));
        assert_eq!(h.col(Col::Month(1)), Some(4));
        assert_eq!(h.col(Col::Month(2)), Some(3));
        assert_eq!(h.col(Col::Month(3)), Some(2));
        assert_eq!(h.col(Col::Result), Some(1));
        assert_eq!(h.col(Col::Note), Some(0));
        assert_eq!(h.col(Col::Stt), Some(8));
    }

    #[test]
    fn a_two_row_header_with_bare_month_numbers() {
        let g = grid(&[
            &[
                "STT",
                "Họ và tên",
                "Mẫu phiếu",
                "Tổng điểm",
                "Xếp loại tháng",
                "",
                "",
                "Kết quả",
            ],
            &["", "", "", "", "4", "5", "6", ""],
            &[
                "1",
                "Nguyễn Văn An",
                "04",
                "290",
                "HTXSNV",
                "HTTNV",
                "HTTNV",
                "Đạt",
            ],
        ]);
        let h = header(&g);
        assert_eq!((h.row, h.rows), (0, 2));
        assert_eq!(
            [4, 5, 6].map(|m| h.col(Col::Month(m))),
            [Some(4), Some(5), Some(6)]
        );
        assert_eq!(h.col(Col::Result), Some(7));
    }

    #[test]
    fn month_headings() {
        for (k, m) in [
            ("xep loai thang 4", Some(4)),
            ("xep loai t4", Some(4)),
            ("ket qua xep loai cac thang 12", Some(12)),
            ("xep loai thang 1 2024", Some(1)),
            ("xep loai 13", None),
            ("tong diem 4", None),
            ("thang", None),
        ] {
            assert_eq!(
                grouped_month(k).or_else(|| text::parse_month_header(k)),
                m,
                "{k}"
            );
        }
        assert_eq!(month_pattern(&Data::Float(4.0), "4"), None);
    }

    #[test]
    fn totals_are_exact_half_points() {
        assert_eq!(
            total_of_cell(&Data::Float(286.5), MAX_TOTAL_POINTS),
            Some(Total(573))
        );
        assert_eq!(
            total_of_cell(&Data::String("286,5".into()), MAX_TOTAL_POINTS),
            Some(Total(573))
        );
        assert_eq!(
            total_of_cell(&Data::Int(290), MAX_TOTAL_POINTS),
            Some(Total(580))
        );
        assert_eq!(total_of_cell(&Data::Float(286.3), MAX_TOTAL_POINTS), None);
        assert_eq!(total_of_cell(&Data::Float(-1.0), MAX_TOTAL_POINTS), None);
        assert_eq!(
            total_of_cell(&Data::Float(f64::NAN), MAX_TOTAL_POINTS),
            None
        );
        assert_eq!(
            total_of_cell(&Data::String("hai trăm".into()), MAX_TOTAL_POINTS),
            None
        );
        assert_eq!(total_of_cell(&Data::Float(1e300), MAX_TOTAL_POINTS), None);
    }

    #[test]
    fn rows_that_are_nobody() {
        assert!(is_summary("tong cong"));
        assert!(is_summary("so dat chuyen nghiep"));
        assert!(!is_summary("son tung"));
        assert!(!is_summary("tong van hai"));
        // Diacritics kept: "Tổng cộng" is a total, "Tống Công Minh" someone.
        assert!(is_summary("Tổng cộng"));
        assert!(is_summary("TỔNG CỘNG"));
        assert!(is_summary("Cộng"));
        assert!(is_summary("Tổng số CBCCVC, NLĐ"));
        assert!(is_summary("Số đạt chuyên nghiệp"));
        assert!(is_summary("Tỷ lệ (%)"));
        assert!(!is_summary("Tống Công Minh"));
        assert!(!is_summary("TỐNG CÔNG MINH"));
        assert!(!is_summary("Công Văn Hải"));
        assert!(!is_summary("Tống Văn Hải"));
        assert!(is_signature("nguoi lap bieu"));
        assert!(is_place_date("long bien ngay 28 thang 3 nam 2024"));
        assert!(!is_signature("nguyen van thu"));
        for s in [
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "NGƯỜI LẬP BIỂU",
            "THỦ TRƯỞNG ĐƠN VỊ",
            "HIỆU TRƯỞNG",
            "Nơi nhận:",
        ] {
            assert!(is_signature(&text::key(s)), "{s}");
        }
        assert!(!is_signature(&text::key("Trần Thị Mai")));
        assert!(is_group_mark("ii"));
        assert!(!is_group_mark("1"));
        for heading in [
            "Lãnh đạo",
            "Bộ phận Một cửa",
            "Tổ Văn phòng",
            "LÃNH ĐẠO",
            "Cán bộ, công chức",
        ] {
            assert!(!looks_like_a_name(heading), "{heading}");
        }
        for name in ["Nguyễn Văn An", "Tô Văn Hòa", "NGUYỄN THỊ HOA"] {
            assert!(looks_like_a_name(name), "{name}");
        }
    }

    #[test]
    fn unit_size_lines() {
        assert!(is_headcount_label("tong so cbccvc nld"));
        assert!(is_headcount_label("tong so"));
        assert!(!is_headcount_label("tong so diem"));
        assert_eq!(count_of("25"), Some(25));
        assert_eq!(count_of(" 25 người"), Some(25));
        assert_eq!(count_of("25/3/2024"), None);
        assert_eq!(count_of("hai mươi"), None);
    }

    #[test]
    fn titles_in_other_words_and_summaries_over_units() {
        let loose = grid(&[&["KẾT QUẢ ĐÁNH GIÁ CHUYÊN NGHIỆP QUÝ I NĂM 2024"]]);
        assert!(is_mau06(&loose, "Mẫu 06"));
        assert!(is_mau06(&loose, "MẪU SỐ 06"));
        assert!(!is_mau06(&loose, "Sheet1"));
        let marked = grid(&[
            &["KẾT QUẢ ĐÁNH GIÁ CHUYÊN NGHIỆP QUÝ I NĂM 2024"],
            &["(Mẫu 06)"],
        ]);
        assert!(is_mau06(&marked, "Sheet1"));
        let district = grid(&[&[
            "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ\nTOÀN QUẬN LONG BIÊN QUÝ I NĂM 2024",
        ]]);
        assert!(!is_mau06(&district, "Toàn quận"));
        assert!(
            !is_mau06(&district, "Mẫu 06"),
            "toàn quận is never one unit"
        );
        let summary = grid(&[&["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024"]]);
        assert!(!is_mau06(&summary, "Sheet1"));
        assert!(is_mau06(&summary, "Mẫu 06"));
        let units = grid(&[
            &["KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I NĂM 2024"],
            &[
                "STT",
                "Đơn vị",
                "Tổng số CBCCVC, NLĐ",
                "Số không đánh giá",
                "Số được đánh giá",
                "Số đạt chuyên nghiệp",
                "Số không đạt",
            ],
            &["1", "Phòng Y tế", "5", "0", "5", "1", "4"],
        ]);
        assert!(!is_mau06(&units, "Sheet1"));
        assert!(!is_mau06(&units, "Mẫu 06"));
    }
}
