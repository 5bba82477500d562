//! `tra-lai/<ma-don-vi>.xlsx` (SPEC §4): the workbook a clerk sends back to a unit. Its first
//! sheet, "Cần sửa", lists every fix (sheet, cell with a link to it, person, what is wrong, what
//! would be right, level); the unit's own sheets follow, copied from the file it sent (values:
//! text, numbers, dates, booleans; a formula as its cached value), with every cell a finding names
//! filled red (an error) or yellow (a warning only) and a note saying what is wrong and what is
//! accepted. Which files get one, their names and the words of each fix are
//! [`crate::tra_lai`]'s; this module only writes.
//!
//! The unit's file is read again with the crate's reader ([`crate::reader::Workbook`]): the same
//! bounds on memory, the same guard against a panic of the spreadsheet library. A file that cannot
//! be read (again) gets the "Cần sửa" sheet alone, which says so.

use super::metrics::{self, Font};
use super::sheet::{Page, Sheet};
use super::{kit, new_workbook, note, save, Style, WriterError};
use crate::finding::{Severity, Unreadable};
use crate::reader::layout::names;
use crate::reader::{Grid, Workbook as Book};
use crate::tra_lai::{Fix, Return};
use calamine::Data;
use rayon::prelude::*;
use rust_xlsxwriter::{
    Color, FormatAlign, FormatBorder, FormatUnderline, Workbook, Worksheet, XlsxError,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The first sheet: the list of fixes.
pub const SHEET_FIXES: &str = "Cần sửa";

/// A cell with an error: Excel's light red fill, dark red bold text.
pub const ERROR_FILL: u32 = 0xFFC7CE;
pub const ERROR_FONT: u32 = 0x9C0006;
/// A cell with warnings only: light yellow fill, dark brown bold text.
pub const WARNING_FILL: u32 = 0xFFEB9C;
pub const WARNING_FONT: u32 = 0x9C5700;

/// Column widths of the copied sheets (Excel's units): never narrower, never wider (a longer
/// text wraps).
const MIN_WIDTH: f64 = 4.0;
const MAX_WIDTH: f64 = 45.0;
/// The font of the copied sheets.
const COPY_FONT: Font = Font::new(12.0, false, false);

/// Excel keeps at most this many links on one sheet: the fixes after these name their cell
/// without a link.
const MAX_LINKS: usize = 65_000;

/// The level of a fix as the unit reads it (the sheet's words stay Vietnamese: the workbook goes
/// to the unit).
pub fn level_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Lỗi",
        Severity::Warning => "Cảnh báo",
    }
}

/// Writes every workbook sent back into `dir`, in parallel; `source` gives the path of an input
/// file (as the findings name it). `dir` is made when there is a workbook to write.
pub fn write_all(
    returns: &[Return],
    dir: &Path,
    source: &(dyn Fn(&str) -> Option<PathBuf> + Sync),
) -> Result<(), WriterError> {
    if returns.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| crate::output::WriteError {
        path: dir.display().to_string(),
        source: e,
    })?;
    returns
        .par_iter()
        .try_for_each(|r| write(r, source(&r.file).as_deref(), &dir.join(&r.name)))
}

/// Writes the workbook sent back for `r` to `path` (atomically); `source` is the unit's file.
pub fn write(r: &Return, source: Option<&Path>, path: &Path) -> Result<(), WriterError> {
    build(r, source)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, &format!("trả lại / sent back: {}", r.file)))
}

/// Builds the workbook sent back for `r`, copying the sheets of `source` when it can be read.
pub fn build(r: &Return, source: Option<&Path>) -> Result<Workbook, WriterError> {
    let copy = match source.filter(|_| r.readable) {
        Some(path) => copy_sheets(r, path)?,
        None => Copy::default(),
    };
    let title = match &r.unit {
        Some((name, code)) => format!("Cần sửa - {name} ({code})"),
        None => format!("Cần sửa - {}", file_name(&r.file)),
    };
    let mut wb = new_workbook(&title);
    let mut fixes = Worksheet::new();
    fixes.set_name(SHEET_FIXES)?;
    fixes_sheet(&mut fixes, r, &copy)?;
    wb.push_worksheet(fixes);
    for ws in copy.sheets {
        wb.push_worksheet(ws);
    }
    Ok(wb)
}

/// Where a fix points to in the copied sheets.
#[derive(Debug, Clone)]
enum Place {
    /// A cell: the sheet as written, the cell (`A1`), and whether it stands for the whole sheet
    /// (a finding without a cell marks the header row's first cell, or A1).
    Cell {
        sheet: String,
        cell: String,
        whole_sheet: bool,
    },
    /// The finding names a sheet that the file does not have (e.g. `sheet-missing`).
    NoSuchSheet,
    /// The finding is about the whole file.
    File,
    /// The file's sheets are not copied (it cannot be read).
    NotCopied,
}

/// The unit's sheets as copied, and where each fix (by index) points.
#[derive(Default)]
struct Copy {
    sheets: Vec<Worksheet>,
    places: Vec<Option<Place>>,
    /// Why the sheets could not be copied, when the file cannot be read again.
    failed: Option<String>,
}

impl Copy {
    fn place(&self, i: usize) -> Place {
        self.places
            .get(i)
            .cloned()
            .flatten()
            .unwrap_or(Place::NotCopied)
    }
}

fn file_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
}

// ------------------------------------------------------------------------------ the unit's sheets

/// Re-reads the unit's file and copies every sheet, marking the cells the fixes name.
fn copy_sheets(r: &Return, path: &Path) -> Result<Copy, XlsxError> {
    let mut book = match Book::open(path) {
        Ok(b) => b,
        Err(u) => {
            return Ok(Copy {
                failed: Some(unreadable_words(&u)),
                ..Copy::default()
            })
        }
    };
    let originals: Vec<String> = book.sheet_names().to_vec();
    let written = sheet_names(&originals);
    // Each fix's sheet, as an index into `originals`.
    let sheet_of = |name: &str| -> Option<usize> {
        originals.iter().position(|n| n == name).or_else(|| {
            let found = book.find_sheet(name)?;
            originals.iter().position(|n| *n == found)
        })
    };
    let targets: Vec<Option<Option<usize>>> = r
        .fixes
        .iter()
        .map(|f| f.sheet.as_deref().map(sheet_of))
        .collect();
    let mut places: Vec<Option<Place>> = targets
        .iter()
        .map(|t| match t {
            None => Some(Place::File),
            Some(None) => Some(Place::NoSuchSheet),
            Some(Some(_)) => None,
        })
        .collect();
    let mut sheets = Vec::with_capacity(originals.len());
    for (s, original) in originals.iter().enumerate() {
        let mine: Vec<usize> = (0..r.fixes.len())
            .filter(|&i| targets[i] == Some(Some(s)))
            .collect();
        let mut ws = Worksheet::new();
        ws.set_name(&written[s])?;
        match book.grid(original) {
            Ok(grid) => {
                let marked = copy_grid(&mut ws, &grid, &r.fixes, &mine)?;
                for (i, (row, col), whole_sheet) in marked {
                    places[i] = Some(Place::Cell {
                        sheet: written[s].clone(),
                        cell: crate::text::a1(row, col),
                        whole_sheet,
                    });
                }
            }
            Err(u) => {
                let why = format!("Không chép lại được trang này: {}", unreadable_words(&u));
                let mut sh = Sheet::new(&mut ws, &[MAX_WIDTH * 2.0])?;
                sh.text(0, 0, &why, &Style::new(12))?;
                sh.finish(&Page::default())?;
            }
        }
        sheets.push(ws);
    }
    Ok(Copy {
        sheets,
        places,
        failed: None,
    })
}

fn unreadable_words(u: &Unreadable) -> String {
    crate::finding::Detail::Unreadable(u.clone()).message(crate::i18n::Lang::Vi)
}

/// Names for the copied sheets that Excel accepts, each once (without case), none of them the
/// "Cần sửa" sheet's.
fn sheet_names(originals: &[String]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::from([SHEET_FIXES.to_lowercase()]);
    originals
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let clean: String = name
                .chars()
                .map(|c| {
                    if c.is_control() || "[]:*?/\\".contains(c) {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            let clean = clean.trim_matches('\'').trim().to_string();
            let base = if clean.is_empty() {
                format!("Trang {}", i + 1)
            } else {
                clean
            };
            let mut candidate = kit::shorten(&base, kit::SHEET_NAME_MAX, "").into_owned();
            let mut n = 2;
            while candidate.to_lowercase() == "history" || !used.insert(candidate.to_lowercase()) {
                let suffix = format!(" ({n})");
                let room = kit::SHEET_NAME_MAX - suffix.encode_utf16().count();
                let head = kit::shorten(&base, room, "");
                candidate = format!("{}{suffix}", head.trim_end_matches('\''));
                n += 1;
            }
            candidate
        })
        .collect()
}

/// The header row of a copied sheet: the first of its first rows that names `STT`, `Mã CB` or
/// `Họ và tên` (the tables a unit sends), if any.
fn header_row(grid: &Grid) -> Option<u32> {
    let start = grid.row_start();
    let is_header = |d: &Data| {
        let key = crate::text::key(&crate::reader::display(d));
        [names::STT, names::ID, names::NAME]
            .iter()
            .any(|list| list.contains(&key.as_str()))
    };
    grid.rows()
        .into_iter()
        .take_while(|r| *r < start + crate::reader::layout::SEARCH_ROWS)
        .find(|&r| grid.filled(r).any(|(_, d)| is_header(d)))
}

/// The mark of a cell: the worst level of its fixes.
fn mark_of(fixes: &[Fix], at: &[usize]) -> Option<Severity> {
    at.iter().map(|&i| fixes[i].severity).min()
}

/// Where a fix was marked: (fix, cell, whether the mark stands for the whole sheet).
type Marked = (usize, (u32, u32), bool);

/// Copies a sheet's cells into `ws` and marks the cells of the fixes `mine` (indices into
/// `fixes`). Laid out like the official documents ([`Sheet`]): a text that does not fit its
/// column wraps and its row grows, a title above the table spreads over the empty cells to its
/// right (as it did in the unit's file, merged or spilling), and the sheet prints on A4
/// landscape, one page wide, its header on every page. Returns where each fix was marked.
fn copy_grid(
    ws: &mut Worksheet,
    grid: &Grid,
    fixes: &[Fix],
    mine: &[usize],
) -> Result<Vec<Marked>, XlsxError> {
    let header = header_row(grid);
    let anchor = header
        .and_then(|r| grid.first_filled(r).map(|c| (r, c)))
        .unwrap_or((0, 0));
    let mut marks: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    let mut placed = Vec::with_capacity(mine.len());
    for &i in mine {
        let (at, whole) = match fixes[i].cell {
            Some(at) => (at, false),
            None => (anchor, true),
        };
        marks.entry(at).or_default().push(i);
        placed.push((i, at, whole));
    }

    let styles = Styles::new();
    let widths = column_widths(grid, header);
    // The table's last column: a title spreads at most that far.
    let table_end = header
        .and_then(|h| grid.filled(h).map(|(c, _)| c).last())
        .unwrap_or(0);
    let mut sh = Sheet::new(ws, &widths)?;
    for row in grid.rows() {
        let role = if Some(row) == header {
            Role::Header
        } else {
            Role::Body
        };
        let title = header.is_some_and(|h| row < h);
        let filled: Vec<(u32, &Data)> = grid.filled(row).collect();
        for (k, &(col, d)) in filled.iter().enumerate() {
            let mark = marks.get(&(row, col)).and_then(|at| mark_of(fixes, at));
            let c = col as u16;
            if let (true, Data::String(text)) = (title, d) {
                let style = styles.get(role, mark, Kind::Text);
                // Up to the next filled or marked cell of the row, within the table.
                let next_filled = filled.get(k + 1).map(|(n, _)| *n);
                let next_mark = marks
                    .range((row, col + 1)..(row, u32::MAX))
                    .next()
                    .map(|((_, n), _)| *n);
                let end = [next_filled, next_mark]
                    .into_iter()
                    .flatten()
                    .map(|n| n - 1)
                    .chain([table_end.max(col)])
                    .min()
                    .unwrap_or(col) as u16;
                let fits = metrics::fits_one_line(text, style.font, &widths[c.into()..=c.into()]);
                if end > c && !fits {
                    sh.merge(row, c, row, end, text, &style)?;
                } else {
                    sh.text(row, c, text, &style)?;
                }
                continue;
            }
            value(&mut sh, (row, c), d, &styles, role, mark)?;
        }
    }
    let written: HashSet<(u32, u32)> = grid
        .rows()
        .into_iter()
        .flat_map(|r| grid.filled(r).map(move |(c, _)| (r, c)))
        .collect();
    for (&(row, col), at) in &marks {
        let mark = mark_of(fixes, at);
        let c = col as u16;
        if !written.contains(&(row, col)) {
            sh.blank(row, c, &styles.get(Role::Body, mark, Kind::Text))?;
        }
        note(sh.ws, row, c, &note_text(fixes, at, (row, col), anchor))?;
    }
    if let Some(h) = header {
        sh.ws.set_freeze_panes(h + 1, 0)?;
    }
    sh.finish(&Page {
        landscape: true,
        repeat: header.map(|h| (h, h)),
        keep: Vec::new(),
    })?;
    Ok(placed)
}

/// The note of a marked cell: each fix's level, code and message (what is wrong, what is
/// accepted), numbered when there are several; a mark standing for the whole sheet says so.
fn note_text(fixes: &[Fix], at: &[usize], cell: (u32, u32), anchor: (u32, u32)) -> String {
    let line = |f: &Fix| {
        let whole = if f.cell.is_none() && cell == anchor {
            "Cả trang (không riêng ô này): "
        } else {
            ""
        };
        format!(
            "{whole}{} ({}): {}",
            level_words(f.severity),
            f.code.as_str(),
            f.message
        )
    };
    match at {
        [one] => line(&fixes[*one]),
        many => many
            .iter()
            .enumerate()
            .map(|(n, &i)| format!("{}. {}", n + 1, line(&fixes[i])))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Column widths from what the columns hold, below the header (titles above it spill over): the
/// widest text on one line, a header's longest word; between [`MIN_WIDTH`] and [`MAX_WIDTH`].
fn column_widths(grid: &Grid, header: Option<u32>) -> Vec<f64> {
    let cols = grid.col_end() as usize;
    let mut need = vec![0.0f64; cols];
    let from = header.unwrap_or(0);
    let bold = Font::new(COPY_FONT.size, true, false);
    for row in grid.rows().into_iter().filter(|r| *r >= from) {
        for (col, d) in grid.filled(row) {
            let shown = crate::reader::display(d);
            let points = if Some(row) == header {
                // Wrapped on at most three lines, never inside a word.
                shown
                    .split_whitespace()
                    .map(|w| metrics::text_width(w, bold))
                    .fold(metrics::text_width(&shown, bold) / 3.0, f64::max)
            } else {
                // Marked cells print in bold.
                metrics::text_width(&shown, bold)
            };
            if let Some(n) = need.get_mut(col as usize) {
                *n = n.max(points);
            }
        }
    }
    need.into_iter()
        .map(|points| {
            // A width of `w` is `7w + 5` pixels, of which 7 are padding.
            let w = (points / 0.75 + 2.0) / 7.0 + 0.5;
            ((w * 2.0).ceil() / 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Header,
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Text,
    Date,
    DateTime,
    Time,
}

/// What a copied cell's style depends on.
type StyleKey = (Role, Option<Severity>, Kind);

/// The styles of the copied sheets (Times New Roman 12, measured by [`Sheet`]), made once each.
struct Styles {
    made: std::cell::RefCell<HashMap<StyleKey, Style>>,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            made: Default::default(),
        }
    }

    fn get(&self, role: Role, mark: Option<Severity>, kind: Kind) -> Style {
        let key = (role, mark, kind);
        if let Some(s) = self.made.borrow().get(&key) {
            return s.clone();
        }
        let mut s = Style::new(COPY_FONT.size as u8).set_align(FormatAlign::VerticalCenter);
        if role == Role::Header {
            s = s
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .with(|f| f.set_border(FormatBorder::Thin))
                .set_background_color(kit::HEADER_FILL);
        }
        s = match kind {
            Kind::Text => s,
            Kind::Date => s.set_num_format("dd/mm/yyyy"),
            Kind::DateTime => s.set_num_format("dd/mm/yyyy hh:mm"),
            Kind::Time => s.set_num_format("hh:mm:ss"),
        };
        s = match mark {
            None => s,
            Some(Severity::Error) => s
                .set_bold()
                .set_background_color(ERROR_FILL)
                .set_font_color(ERROR_FONT),
            Some(Severity::Warning) => s
                .set_bold()
                .set_background_color(WARNING_FILL)
                .set_font_color(WARNING_FONT),
        };
        self.made.borrow_mut().insert(key, s.clone());
        s
    }
}

/// Writes one copied value: text as text (never a formula), numbers, dates as dates, booleans.
fn value(
    sh: &mut Sheet,
    (row, c): (u32, u16),
    d: &Data,
    styles: &Styles,
    role: Role,
    mark: Option<Severity>,
) -> Result<(), XlsxError> {
    let style = |k: Kind| styles.get(role, mark, k);
    match d {
        Data::Empty => {}
        Data::String(s) => sh.text(row, c, s, &style(Kind::Text))?,
        Data::Float(f) if f.is_finite() => sh.number(row, c, *f, &style(Kind::Text))?,
        Data::Int(i) => sh.number(row, c, *i as f64, &style(Kind::Text))?,
        Data::Bool(b) => {
            let st = style(Kind::Text);
            sh.ws.write_boolean_with_format(row, c, *b, &st)?;
            sh.height(row, st.font.line_height());
        }
        Data::DateTime(dt) if !dt.is_duration() => {
            let serial = dt.as_f64();
            let k = if serial.fract() == 0.0 {
                Kind::Date
            } else if serial < 1.0 {
                Kind::Time
            } else {
                Kind::DateTime
            };
            sh.number(row, c, serial, &style(k))?;
        }
        Data::DateTimeIso(s) => match iso_date(s) {
            Some(serial) => {
                let k = if serial.fract() == 0.0 {
                    Kind::Date
                } else {
                    Kind::DateTime
                };
                sh.number(row, c, serial, &style(k))?;
            }
            None => sh.text(row, c, s, &style(Kind::Text))?,
        },
        other => sh.text(row, c, &crate::reader::display(other), &style(Kind::Text))?,
    }
    Ok(())
}

/// An ISO date or date and time (as .ods files keep them) as an Excel serial number.
fn iso_date(s: &str) -> Option<f64> {
    use chrono::NaiveDate;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    if chrono::Datelike::year(&date) < 1900 {
        return None;
    }
    let mut serial = (date - base).num_days() as f64;
    if let Some(t) = time {
        let t = chrono::NaiveTime::parse_from_str(t.get(..8)?, "%H:%M:%S").ok()?;
        serial += f64::from(chrono::Timelike::num_seconds_from_midnight(&t)) / 86_400.0;
    }
    Some(serial)
}

// ------------------------------------------------------------------------------ "Cần sửa"

const FIX_WIDTHS: [f64; 7] = [5.0, 14.0, 12.0, 24.0, 50.0, 46.0, 10.0];
const LAST: u16 = 6;

fn fixes_sheet(ws: &mut Worksheet, r: &Return, copy: &Copy) -> Result<(), XlsxError> {
    let s = super::Styles::new();
    let mut sh = Sheet::new(ws, &FIX_WIDTHS)?;
    let quarter = r
        .quarter
        .map(|q| format!(" — Quý {}/{}", q.roman(), q.year))
        .unwrap_or_default();
    let who = match &r.unit {
        Some((name, code)) => format!("{name} (Mã đơn vị {code}){quarter}"),
        None => format!("Tệp {}{quarter}", file_name(&r.file)),
    };
    sh.merge(
        0,
        0,
        0,
        LAST,
        "CÁC ĐIỂM CẦN SỬA TRONG SỔ ĐÁNH GIÁ",
        &s.title,
    )?;
    sh.merge(1, 0, 1, LAST, &who, &s.bold_center)?;
    sh.merge(
        2,
        0,
        2,
        LAST,
        &format!("Tệp đơn vị đã gửi: {}", file_name(&r.file)),
        &s.italic_center,
    )?;
    let errors = r
        .fixes
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = r.fixes.len() - errors;
    sh.merge(
        3,
        0,
        3,
        LAST,
        &format!("Có {errors} lỗi (phải sửa) và {warnings} cảnh báo (nên kiểm tra lại)."),
        &s.bold,
    )?;
    let copied = if copy.sheets.is_empty() {
        match &copy.failed {
            Some(why) => format!("Các trang của sổ không chép lại được vào tệp này ({why})."),
            None => "Tệp không đọc được nên các trang của sổ không được chép lại vào tệp này."
                .to_string(),
        }
    } else {
        "Các trang sau trang này là bản chép sổ đơn vị đã gửi: ô có lỗi tô đỏ, ô cần kiểm tra \
         lại (cảnh báo) tô vàng; di chuột vào ô để đọc ghi chú. Bấm vào ô ở cột 'Ô' để đến đúng \
         ô đó."
            .to_string()
    };
    let instruction = format!(
        "Mỗi dòng dưới đây là một điểm cần sửa. {copied} Sửa trong sổ gốc của đơn vị (không sửa \
         trên tệp này), kiểm tra lại bằng lệnh danhgia validate nếu có, rồi gửi lại sổ."
    );
    sh.merge(4, 0, 4, LAST, &instruction, &s.base)?;
    let head = 6;
    for (col, label) in ["STT", "Trang", "Ô", "Người", "Lỗi", "Cách sửa", "Mức"]
        .iter()
        .enumerate()
    {
        sh.text(head, col as u16, label, &s.header)?;
    }
    sh.ws.set_freeze_panes(head + 1, 0)?;

    let link = s.cell_center.clone().with(|f| {
        f.set_font_color(Color::Blue)
            .set_underline(FormatUnderline::Single)
    });
    let level = |sev: Severity| -> Style {
        let (fill, font) = match sev {
            Severity::Error => (ERROR_FILL, ERROR_FONT),
            Severity::Warning => (WARNING_FILL, WARNING_FONT),
        };
        s.cell_center
            .clone()
            .set_bold()
            .set_background_color(fill)
            .set_font_color(font)
    };
    let (error_style, warning_style) = (level(Severity::Error), level(Severity::Warning));
    let mut links = 0;
    for (i, f) in r.fixes.iter().enumerate() {
        let row = head + 1 + i as u32;
        sh.number(row, 0, (i + 1) as f64, &s.int)?;
        sh.text(row, 1, f.sheet.as_deref().unwrap_or("—"), &s.cell_wrap)?;
        match copy.place(i) {
            Place::Cell {
                sheet,
                cell,
                whole_sheet,
            } => {
                let shown = if whole_sheet {
                    "cả trang".to_string()
                } else {
                    cell.clone()
                };
                if links < MAX_LINKS {
                    sh.link(row, 2, (&sheet, &cell), &shown, &link)?;
                    links += 1;
                } else {
                    sh.text(row, 2, &shown, &s.cell_center)?;
                }
            }
            other => {
                let shown = match (other, f.cell) {
                    (Place::File, _) => "cả tệp".to_string(),
                    (Place::NoSuchSheet, _) => "chưa có trang".to_string(),
                    (_, Some((row, col))) => crate::text::a1(row, col),
                    (_, None) if f.sheet.is_some() => "cả trang".to_string(),
                    (_, None) => "cả tệp".to_string(),
                };
                sh.text(row, 2, &shown, &s.cell_center)?;
            }
        }
        sh.text(row, 3, f.person.as_deref().unwrap_or(""), &s.cell_wrap)?;
        sh.text(row, 4, &f.wrong, &s.cell_wrap)?;
        sh.text(row, 5, &f.fix, &s.cell_wrap)?;
        let style = match f.severity {
            Severity::Error => &error_style,
            Severity::Warning => &warning_style,
        };
        sh.text(row, 6, level_words(f.severity), style)?;
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1)],
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_never_the_fixes_sheet() {
        let names = sheet_names(&[
            "Danh sách".into(),
            "CẦN SỬA".into(),
            "a/b[c]".into(),
            "'quoted'".into(),
            String::new(),
            "x".repeat(40),
            "x".repeat(40),
        ]);
        assert_eq!(names[0], "Danh sách");
        assert_eq!(names[1], "CẦN SỬA (2)");
        assert_eq!(names[2], "a_b_c_");
        assert_eq!(names[3], "quoted");
        assert_eq!(names[4], "Trang 5");
        assert_eq!(names[5], "x".repeat(31));
        assert_eq!(names[6], format!("{} (2)", "x".repeat(27)));
        for n in &names {
            rust_xlsxwriter::utility::check_sheet_name(n).unwrap();
        }
    }

    #[test]
    fn iso_dates_are_excel_serials() {
        assert_eq!(iso_date("2024-03-05"), Some(45356.0));
        assert_eq!(iso_date("2024-03-05T12:00:00"), Some(45356.5));
        assert_eq!(iso_date("khong"), None);
    }
}
