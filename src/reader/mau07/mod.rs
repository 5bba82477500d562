//! A bloc's mẫu 07 read back for `merge` (SPEC §4): this tool's own, and ones typed by hand —
//! title lines above the table naming the bloc and the quarter, a header on one or two rows
//! (a group heading such as "Kết quả" over "Số đạt | Số không đạt | Tỷ lệ"), columns in any
//! order and under the names offices give them, group rows ("I", "Khối …"), subtotal and total
//! rows (checked, never counted as units), numbers stored as text, and the list of people đạt
//! on a sheet of its own.
//!
//! The header is found by the one matcher, [`super::layout`]: [`MAU07`] is the table of columns.
//! Rows become [`UnitLine`]s in [`rows`]; the list of people đạt is read in [`list`].

mod list;
mod rows;

use super::layout::{find_header, names, Header, Spec};
use super::{Grid, Workbook};
use crate::district::{DatPerson, Uncounted, UnitLine};
use crate::finding::{Detail, Finding, Mau07Title};
use crate::model::{Bloc, Quarter};
use crate::profile::Profile;
use crate::text::{self, a1};
use calamine::Data;
use std::path::Path;

pub use rows::{count, Cnt};

/// The sheet names of this tool's own mẫu 07 (the writer's, kept here so that reading never
/// depends on writing).
pub const SHEET_SUMMARY: &str = "Mẫu 07";
pub const SHEET_DAT: &str = "Danh sách đạt";

/// The columns of a mẫu 07 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Stt,
    Name,
    People,
    NotEvaluated,
    Evaluated,
    Dat,
    KhongDat,
    Rate,
    Note,
}

/// The counted columns, in the order of [`rows::solve`]'s equations: people, not evaluated,
/// evaluated, đạt, không đạt.
pub const COUNTS: [Col; 5] = [
    Col::People,
    Col::NotEvaluated,
    Col::Evaluated,
    Col::Dat,
    Col::KhongDat,
];

/// The name each counted column goes by in messages (the form's own words).
pub const LABELS: [&str; 5] = [
    "Tổng số CBCCVC, NLĐ",
    "Số không đánh giá",
    "Số được đánh giá",
    "Số đạt",
    "Số không đạt",
];

/// The columns of mẫu 07 (the names of this tool's own layout, and the names offices write;
/// other wordings are read by [`header_words`]).
pub const MAU07: Spec<Col> = Spec {
    columns: &[
        (Col::Stt, names::STT),
        (Col::Name, UNIT_NAMES),
        (
            Col::People,
            &[
                "tong so cbccvc nld",
                "tong so",
                "tong so cbccvc",
                "so cbccvc nld",
            ],
        ),
        (Col::NotEvaluated, &["so khong danh gia", "khong danh gia"]),
        (Col::Evaluated, &["so duoc danh gia", "duoc danh gia"]),
        (Col::Dat, &["so dat chuyen nghiep", "so dat", "dat"]),
        (Col::KhongDat, &["so khong dat", "khong dat"]),
        (Col::Rate, &["ty le", "ty le dat", "ti le"]),
        (Col::Note, names::NOTE),
    ],
    pattern: Some(header_words),
    keys: &[Col::Name],
    min_columns: 4,
    two_rows: true,
};

const UNIT_NAMES: &[&str] = &[
    "don vi",
    "ten don vi",
    "co quan don vi",
    "ten co quan don vi",
    "co quan",
    "ten co quan",
    "don vi co quan",
    "ten truong",
    "truong",
];

/// The words mẫu 07 headers are made of. A text with any other word (a unit's name, a number, a
/// title with its year) names no column: data rows and title lines are never read as headers.
const HEADER_VOCABULARY: &[&str] = &[
    "so", "tong", "cong", "cbccvc", "cbcc", "cbcnvc", "cbcnv", "cb", "cc", "vc", "nld", "ld",
    "can", "bo", "chuc", "vien", "nguoi", "lao", "dong", "duoc", "danh", "gia", "khong", "chua",
    "dat", "chuyen", "nghiep", "su", "ty", "ti", "le", "ket", "qua", "trong", "do", "luong",
    "thuoc", "dien", "tham", "va", "cua", "xet", "don", "vi", "ten", "co", "quan", "ghi", "chu",
    "truong", "hoc", "phong", "ban", "nganh", "phuong", "xa", "truc", "tai",
];

/// A header key with abbreviations spelt out ("ĐG" → đánh giá, "CN" → chuyên nghiệp) and the
/// name of the evaluation itself dropped ("đánh giá sự chuyên nghiệp" → đánh giá); `None` when
/// it holds a word no header is made of.
fn header_key(k: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for w in k.split(' ') {
        match w {
            "dg" => words.extend(["danh", "gia"]),
            "cn" => words.extend(["chuyen", "nghiep"]),
            "sl" => words.extend(["so", "luong"]),
            w if HEADER_VOCABULARY.contains(&w) => words.push(w),
            _ => return None,
        }
    }
    if words.is_empty() || words.len() > 16 {
        return None;
    }
    let joined = format!(" {} ", words.join(" "));
    Some(
        joined
            .replace(" danh gia su chuyen nghiep ", " danh gia ")
            .replace(" su chuyen nghiep ", " ")
            .trim()
            .to_string(),
    )
}

/// A mẫu 07 header in other words: "Số CBCCVC, NLĐ được đánh giá", "Không ĐG", "Đạt CN",
/// "Tỷ lệ đạt (%)", "Chưa đạt", a group heading read with its column ("Số được đánh giá" over
/// "Tổng số", "Đạt" over "Số lượng").
fn header_words(_: &Data, k: &str) -> Option<Col> {
    let k = header_key(k)?;
    let padded = format!(" {k} ");
    let has = |p: &str| padded.contains(&format!(" {p} "));
    let any = |ps: &[&str]| ps.iter().any(|p| has(p));
    let starts = |ps: &[&str]| ps.iter().any(|p| padded.starts_with(&format!(" {p} ")));
    Some(if starts(&["ghi chu"]) {
        Col::Note
    } else if starts(&[
        "don vi",
        "ten don vi",
        "co quan",
        "ten co quan",
        "ten truong",
        "truong",
    ]) {
        Col::Name
    } else if any(&["ty le", "ti le"]) {
        Col::Rate
    } else if any(&[
        "khong danh gia",
        "khong duoc danh gia",
        "chua danh gia",
        "chua duoc danh gia",
        "khong thuoc dien danh gia",
        "khong tham gia danh gia",
        "khong xet",
    ]) {
        Col::NotEvaluated
    } else if any(&[
        "khong dat",
        "chua dat",
        "khong chuyen nghiep",
        "chua chuyen nghiep",
    ]) {
        Col::KhongDat
    } else if any(&["dat", "chuyen nghiep"]) {
        Col::Dat
    } else if any(&["duoc danh gia", "tham gia danh gia", "so danh gia"])
        || (any(&["danh gia", "ket qua"]) && any(&["tong", "cong", "so luong", "so nguoi"]))
    {
        Col::Evaluated
    } else if any(&[
        "tong",
        "so luong",
        "so nguoi",
        "cbccvc",
        "cbcc",
        "cbcnvc",
        "cbcnv",
        "nld",
        "can bo",
        "cong chuc",
        "vien chuc",
    ]) {
        Col::People
    } else {
        return None;
    })
}

/// Where the columns of one mẫu 07 table are.
#[derive(Debug, Clone)]
pub struct Columns {
    pub stt: Option<u32>,
    pub name: u32,
    pub note: Option<u32>,
    /// The column of each of [`COUNTS`], when the table has one.
    pub nums: [Option<u32>; 5],
}

impl Columns {
    /// The columns of a header, or the labels of the columns that are missing and that the
    /// others do not determine (SPEC: decide only on what was read; `Số đạt` is always read).
    pub fn of(h: &Header<Col>) -> Result<Columns, Vec<&'static str>> {
        let nums = COUNTS.map(|c| h.col(c));
        let known = rows::solve(nums.map(|c| c.map(|_| 0)));
        let mut missing: Vec<&'static str> = (0..5)
            .filter(|&i| known.values[i].is_none())
            .map(|i| LABELS[i])
            .collect();
        if nums[3].is_none() && !missing.contains(&LABELS[3]) {
            missing.insert(0, LABELS[3]);
        }
        let name = h.col(Col::Name).ok_or_else(|| vec!["Đơn vị"])?;
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Columns {
            stt: h.col(Col::Stt),
            name,
            note: h.col(Col::Note),
            nums,
        })
    }
}

/// One unit of a mẫu 07, with the cell of its name, its row (0-based) and the name of the group
/// it stands in ("Đảng ủy các phường" and "Ủy ban MTTQ các phường" may each hold a "Phường Bồ
/// Đề": two units).
#[derive(Debug, Clone)]
pub struct UnitRow {
    pub line: UnitLine,
    pub cell: String,
    pub row: u32,
    pub group: Option<String>,
}

/// The list of people đạt sent with a mẫu 07.
#[derive(Debug, Clone)]
pub struct DatList {
    pub sheet: String,
    pub people: Vec<DatPerson>,
}

/// The table of a mẫu 07 that could be read.
#[derive(Debug, Clone)]
pub struct Table {
    pub sheet: String,
    pub units: Vec<UnitRow>,
    /// Units shown without numbers and a note that says why ("Chưa gửi"): never counted.
    pub uncounted: Vec<Uncounted>,
    /// `None` when the workbook holds no sheet that is clearly its list of people đạt.
    pub list: Option<DatList>,
    /// Sheets with a list of people not taken for the list of people đạt: (name, whether it
    /// says "không đạt").
    pub passed_over: Vec<(String, bool)>,
}

/// Why a workbook gives nothing to merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRead {
    Unreadable,
    NoTable,
    ColumnsMissing,
    NoBloc,
    /// A table without any unit row (only headings, groups or totals).
    NoUnits,
    /// Rows that looked like units, none of which could be counted.
    RowsInvalid,
    /// A table read, but no quarter in its titles.
    NoQuarter,
}

impl NotRead {
    /// The reason in a few words.
    pub fn words(self, vi: bool) -> &'static str {
        use NotRead::*;
        match (self, vi) {
            (Unreadable, true) => "không mở được tệp",
            (Unreadable, false) => "the file cannot be opened",
            (NoTable, true) => "không thấy bảng Mẫu 07",
            (NoTable, false) => "no mẫu 07 table found",
            (ColumnsMissing, true) => "bảng thiếu cột số liệu",
            (ColumnsMissing, false) => "the table lacks columns",
            (NoBloc, true) => "không rõ khối (tiêu đề và tên tệp không ghi khối)",
            (NoBloc, false) => "no bloc (neither the title nor the file name names one)",
            (NoUnits, true) => "bảng không có dòng đơn vị nào",
            (NoUnits, false) => "the table has no unit row",
            (RowsInvalid, true) => "không dòng đơn vị nào đọc được số liệu",
            (RowsInvalid, false) => "no unit row has numbers that can be read",
            (NoQuarter, true) => "không thấy quý trong tiêu đề",
            (NoQuarter, false) => "no quarter in the title",
        }
    }
}

/// One mẫu 07 workbook read back: its quarter and bloc (from the title lines, else the file
/// name for the bloc) and its table, when there is one that can be read.
#[derive(Debug, Clone)]
pub struct Mau07 {
    pub file: String,
    pub quarter: Option<Quarter>,
    pub bloc: Option<Bloc>,
    pub table: Option<Table>,
    /// Why there is nothing to merge, when so.
    pub why: Option<NotRead>,
}

/// The findings of one file, with cell texts read through one place (legacy encodings are
/// converted and reported once per sheet).
pub(crate) struct Ctx<'a> {
    file: &'a str,
    findings: Vec<Finding>,
    legacy_reported: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(file: &'a str) -> Ctx<'a> {
        Ctx {
            file,
            findings: Vec::new(),
            legacy_reported: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, sheet: Option<&str>, cell: Option<String>, detail: Detail) {
        self.findings.push(Finding {
            file: self.file.to_string(),
            sheet: sheet.map(str::to_string),
            cell,
            person: None,
            person_name: None,
            detail,
        });
    }

    /// A cell's text: NFC, trimmed, converted from TCVN3/VNI when it is legacy text.
    pub(crate) fn text(&mut self, grid: &Grid, sheet: &str, row: u32, col: u32) -> String {
        let super::CellText { text, legacy } = super::cell_text(grid.get(row, col));
        if let Some((enc, before)) = legacy {
            if !self.legacy_reported.iter().any(|s| s == sheet) {
                self.legacy_reported.push(sheet.to_string());
                self.push(
                    Some(sheet),
                    Some(a1(row, col)),
                    Detail::LegacyEncoding {
                        encoding: enc.name(),
                        before,
                        after: text.clone(),
                    },
                );
            }
        }
        text
    }
}

/// Reads one mẫu 07 workbook; never panics on any input (the caller guards the library).
pub fn read(path: &Path, display_name: &str, profile: &Profile) -> (Mau07, Vec<Finding>) {
    let mut cx = Ctx::new(display_name);
    let mut out = Mau07 {
        file: display_name.to_string(),
        quarter: None,
        bloc: None,
        table: None,
        why: None,
    };
    out.table = read_table(&mut cx, &mut out, path, profile);
    if out.table.is_none() && out.bloc.is_none() {
        out.bloc = bloc_of_file(path);
    }
    if out.table.is_some() && out.quarter.is_none() {
        out.why = Some(NotRead::NoQuarter);
    }
    (out, cx.findings)
}

/// The steps of [`read`]: open, find the table, read its titles and columns, its rows, its list.
fn read_table(cx: &mut Ctx, out: &mut Mau07, path: &Path, profile: &Profile) -> Option<Table> {
    out.why = Some(NotRead::Unreadable);
    let mut wb = Workbook::open(path)
        .map_err(|u| cx.push(None, None, Detail::Unreadable(u)))
        .ok()?;
    let (sheet, grid, header) = find_table(cx, &mut wb, &mut out.why)?;
    let titles = Titles::read(cx, &grid, &sheet, header.row, profile);
    out.quarter = titles.quarter;
    out.bloc = titles.bloc;
    if out.quarter.is_none() {
        let what = Mau07Title::Quarter;
        cx.push(Some(&sheet), None, Detail::Mau07TitleMissing { what });
    }
    out.why = Some(NotRead::ColumnsMissing);
    let cols = Columns::of(&header)
        .map_err(|columns| {
            let cell = Some(a1(header.row, grid.col_start()));
            cx.push(Some(&sheet), cell, Detail::Mau07ColumnMissing { columns });
        })
        .ok()?;
    out.bloc = out
        .bloc
        .or_else(|| rows::bloc_of_groups(cx, &grid, &sheet, &cols, &header, profile))
        .or_else(|| bloc_of_file(path));
    let Some(bloc) = out.bloc else {
        out.why = Some(NotRead::NoBloc);
        let what = Mau07Title::Bloc;
        cx.push(Some(&sheet), None, Detail::Mau07TitleMissing { what });
        return None;
    };
    let blocs = bloc_keys(profile);
    let at = rows::Place {
        sheet: &sheet,
        bloc: &profile.bloc(bloc).name,
        blocs: &blocs,
    };
    let rows = rows::read(cx, &grid, &at, &cols, header.data_start());
    for (cell, detail) in rows.findings {
        cx.push(Some(&sheet), cell, detail);
    }
    if rows.units.is_empty() && (rows.uncounted.is_empty() || rows.rejected > 0) {
        if rows.rejected == 0 {
            out.why = Some(NotRead::NoUnits);
            let cell = Some(a1(header.row, grid.col_start()));
            cx.push(Some(&sheet), cell, Detail::Mau07NoUnits);
        } else {
            out.why = Some(NotRead::RowsInvalid);
        }
        return None;
    }
    out.why = None;
    let listing = list::read(cx, &mut wb, &sheet);
    Some(Table {
        sheet,
        units: rows.units,
        uncounted: rows.uncounted,
        list: listing.list,
        passed_over: listing.passed_over,
    })
}

/// The keys of the blocs' names and other names, "khối" left out: a group row so named names a
/// bloc.
fn bloc_keys(profile: &Profile) -> Vec<String> {
    Bloc::ALL
        .into_iter()
        .flat_map(|b| {
            let spec = profile.bloc(b);
            std::iter::once(&spec.name).chain(&spec.aliases)
        })
        .map(|n| {
            let k = text::key(n);
            k.strip_prefix("khoi ").map_or(k.clone(), str::to_string)
        })
        .collect()
}

/// "I. Phòng Nội vụ" → "Phòng Nội vụ".
pub(crate) fn strip_numbering(s: &str) -> &str {
    let s = s.trim_start();
    let first = s.split_whitespace().next().unwrap_or("");
    let marker = first.trim_end_matches(['.', ')', '-']);
    let numbered = first.len() > marker.len()
        && !marker.is_empty()
        && marker
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXivx".contains(c) || c.is_ascii_uppercase());
    if numbered {
        s[first.len()..].trim_start()
    } else {
        s
    }
}

/// The sheet that holds the table: `Mẫu 07` when there is one, else the first sheet (other
/// than a list of people đạt) whose first rows hold a mẫu 07 header.
fn find_table(
    cx: &mut Ctx,
    wb: &mut Workbook,
    why: &mut Option<NotRead>,
) -> Option<(String, Grid, Header<Col>)> {
    let named = wb.find_sheet(SHEET_SUMMARY);
    let mut candidates: Vec<String> = named.iter().cloned().collect();
    candidates.extend(
        wb.sheet_names()
            .iter()
            .filter(|n| {
                Some(*n) != named.as_ref() && text::sheet_key(n) != text::sheet_key(SHEET_DAT)
            })
            .cloned(),
    );
    for sheet in &candidates {
        let grid = match wb.grid(sheet) {
            Ok(g) => g,
            Err(u) => {
                cx.push(Some(sheet), None, Detail::Unreadable(u));
                return None;
            }
        };
        let header = find_header(&grid, &MAU07, &mut |r, c| cx.text(&grid, sheet, r, c));
        if let Some(h) = header {
            return Some((sheet.clone(), grid, h));
        }
    }
    let sheet = candidates.first().map(String::as_str);
    cx.push(sheet, None, Detail::Mau07HeaderNotFound);
    *why = Some(NotRead::NoTable);
    None
}

/// The quarter and bloc named by the lines above the table.
struct Titles {
    quarter: Option<Quarter>,
    bloc: Option<Bloc>,
}

impl Titles {
    /// "KẾT QUẢ … QUÝ I NĂM 2024", "Quý I/2024"; "KHỐI TRƯỜNG HỌC", "Khối: Chính quyền", a
    /// title "… CỦA KHỐI ĐẢNG - ĐOÀN THỂ QUÝ I …"; else the issuing office ("PHÒNG GIÁO DỤC VÀ
    /// ĐÀO TẠO" above the title is the focal office of the school bloc).
    fn read(cx: &mut Ctx, grid: &Grid, sheet: &str, header_row: u32, profile: &Profile) -> Titles {
        let mut t = Titles {
            quarter: None,
            bloc: None,
        };
        let mut office = None;
        for r in grid.row_start()..header_row {
            let cols: Vec<u32> = grid.filled(r).map(|(c, _)| c).collect();
            for c in cols {
                let s = cx.text(grid, sheet, r, c);
                t.quarter = t.quarter.or_else(|| quarter_in_title(&s));
                t.bloc = t.bloc.or_else(|| bloc_in_title(&s, profile));
                office = office.or_else(|| bloc_of_office(&s, profile));
            }
        }
        t.bloc = t.bloc.or(office);
        t
    }
}

pub use crate::text::quarter_in_title;

/// A bloc named after the word "Khối" in a line: "KHỐI TRƯỜNG HỌC", "Khối: Chính quyền", "…
/// của khối Đảng - Đoàn thể quý I …" (the longest run of words after it that names a bloc).
pub fn bloc_in_title(s: &str, profile: &Profile) -> Option<Bloc> {
    let k = text::key(s);
    let words: Vec<&str> = k.split(' ').collect();
    words.iter().enumerate().find_map(|(at, w)| {
        if *w != "khoi" {
            return None;
        }
        let last = words.len().min(at + 8);
        (at + 2..=last)
            .rev()
            .find_map(|end| profile.bloc_from_text(&words[at..end].join(" ")))
    })
}

/// The bloc whose focal office a line names exactly ("PHÒNG NỘI VỤ").
fn bloc_of_office(s: &str, profile: &Profile) -> Option<Bloc> {
    let k = text::key(s);
    if k.is_empty() {
        return None;
    }
    Bloc::ALL
        .into_iter()
        .find(|b| text::key(&profile.bloc(*b).focal) == k)
}

/// The bloc a file's name gives (`truong-hoc-mau-07.xlsx`, as `run` names them).
fn bloc_of_file(path: &Path) -> Option<Bloc> {
    let stem = text::key(path.file_stem().and_then(|s| s.to_str()).unwrap_or(""));
    Bloc::ALL
        .into_iter()
        .find(|b| stem.contains(&text::key(b.code())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::layout::Layout;

    fn col(k: &str) -> Option<Col> {
        let k = text::key(k);
        MAU07.classify(&Data::String(k.clone()), &k)
    }

    #[test]
    fn quarters_in_titles() {
        assert_eq!(
            quarter_in_title("KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024"),
            Quarter::new(2024, 1)
        );
        assert_eq!(quarter_in_title("Quý III/2025"), Quarter::new(2025, 3));
        assert_eq!(quarter_in_title("quý 2 - 2024"), Quarter::new(2024, 2));
        assert_eq!(quarter_in_title("Tổng hợp"), None);
    }

    #[test]
    fn blocs_in_titles() {
        let p = Profile::default_profile();
        assert_eq!(bloc_in_title("KHỐI TRƯỜNG HỌC", &p), Some(Bloc::TruongHoc));
        assert_eq!(
            bloc_in_title("Khối: Chính quyền", &p),
            Some(Bloc::ChinhQuyen)
        );
        assert_eq!(
            bloc_in_title("KẾT QUẢ CỦA KHỐI ĐẢNG - ĐOÀN THỂ QUÝ I NĂM 2024", &p),
            Some(Bloc::DangDoanThe)
        );
        // A level of schools inside the bloc is no bloc.
        assert_eq!(bloc_in_title("Khối Mầm non", &p), None);
        assert_eq!(
            bloc_of_office("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", &p),
            Some(Bloc::TruongHoc)
        );
    }

    #[test]
    fn header_names_offices_write() {
        use Col::*;
        for (h, want) in [
            ("Tổng số CBCCVC, NLĐ", People),
            ("Số lượng CBCCVC, NLĐ", People),
            ("Tổng số CB, CC, VC, NLĐ của đơn vị", People),
            ("Số không đánh giá", NotEvaluated),
            ("Không ĐG", NotEvaluated),
            ("Số CBCCVC không thuộc diện đánh giá", NotEvaluated),
            ("Số được đánh giá", Evaluated),
            ("Số CBCCVC, NLĐ được đánh giá", Evaluated),
            ("Số đạt chuyên nghiệp", Dat),
            ("Đạt CN", Dat),
            ("Số CBCCVC, NLĐ đạt chuyên nghiệp", Dat),
            ("Số không đạt", KhongDat),
            ("Chưa đạt", KhongDat),
            ("Tỷ lệ (%)", Rate),
            ("Tỷ lệ đạt (%)", Rate),
            ("TT", Stt),
            ("Tên cơ quan, đơn vị", Name),
            ("Đơn vị (phòng, ban, phường)", Name),
            ("Ghi chú", Note),
            // Group headings read with their column.
            ("Kết quả Số đạt", Dat),
            ("Kết quả đánh giá sự chuyên nghiệp Số không đạt", KhongDat),
            ("Số được đánh giá Tổng số", Evaluated),
            ("Đạt chuyên nghiệp Số lượng", Dat),
            ("Không đạt Số lượng", KhongDat),
        ] {
            assert_eq!(col(h), Some(want), "{h}");
        }
    }

    #[test]
    fn titles_and_data_are_no_headers() {
        for t in [
            "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024",
            "Phòng Nội vụ",
            "Trường Mầm non Hoa Sữa",
            "12",
            "(3)",
            "Khối: Trường học",
            "Kết quả",
        ] {
            assert_eq!(col(t), None, "{t}");
        }
    }
}
