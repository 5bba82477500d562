//! Reading workbooks: opening any supported format safely, finding sheets by name, and reading
//! cells as values. What the cells mean is decided in [`unit`].

mod biff_check;
pub mod campaign;
pub mod cells;
mod cfb_check;
pub mod danh_sach_don_vi;
pub mod layout;
pub mod lists;
pub mod mau06;
pub mod mau07;
mod ods_parts;
pub mod panic_guard;
mod preflight;
pub mod proposals;
pub mod run_outputs;
pub mod unit;
mod xlsx_parts;

use crate::finding::{Detail, Oversize, Unreadable};
use crate::text;
use calamine::{Data, Range, Reader, Sheets};
pub use cells::Cells;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

/// Larger files are not a unit's workbook (the largest real ones are a few MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// An open workbook, held in memory.
pub struct Workbook {
    sheets: Sheets<Cursor<SharedBytes>>,
    names: Vec<String>,
    /// The file's bytes, for a look inside an .xlsx package (see [`Workbook::formulas`]).
    bytes: SharedBytes,
    /// What was seen of each .xlsx worksheet part looked into.
    parts: Vec<(String, Option<xlsx_parts::SheetPart>)>,
}

/// A file's bytes, shared between calamine and the reader without a copy.
#[derive(Clone)]
struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zip,
    Ole2,
    Other,
}

fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") {
        Kind::Zip
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Kind::Ole2
    } else {
        Kind::Other
    }
}

fn is_ods(bytes: &[u8]) -> bool {
    // An OpenDocument zip starts with an uncompressed "mimetype" entry.
    let head = &bytes[..bytes.len().min(200)];
    head.windows(8).any(|w| w == b"mimetype")
        && head
            .windows(b"opendocument.spreadsheet".len())
            .any(|w| w == b"opendocument.spreadsheet")
}

/// Does `hay` hold `needle` encoded as UTF-16LE (as OLE2 directory names are)?
fn contains_utf16(hay: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    hay.windows(pattern.len()).any(|w| w == pattern.as_slice())
}

/// A panic of the reader on a damaged file, as the file's damage.
fn library_panic(message: String) -> Unreadable {
    damaged(format!("lỗi khi đọc tệp / reader failure: {message}"))
}

fn damaged(e: impl std::fmt::Display) -> Unreadable {
    let mut s = e.to_string();
    if s.len() > 200 {
        let mut cut = 200;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push('…');
    }
    Unreadable::Damaged(s)
}

impl Workbook {
    /// Opens a workbook by its content (the extension may lie).
    pub fn open(path: &Path) -> Result<Workbook, Unreadable> {
        let meta = std::fs::metadata(path).map_err(|e| Unreadable::Io(e.to_string()))?;
        if meta.len() == 0 {
            return Err(Unreadable::Empty);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(Unreadable::TooLarge { bytes: meta.len() });
        }
        let bytes = std::fs::read(path).map_err(|e| Unreadable::Io(e.to_string()))?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        Workbook::from_bytes(bytes, &ext)
    }

    /// Opens a workbook from its bytes. A panic of the spreadsheet library on a damaged file is
    /// the file's damage, not the end of the command.
    pub fn from_bytes(bytes: Vec<u8>, ext: &str) -> Result<Workbook, Unreadable> {
        panic_guard::catch(|| Workbook::from_bytes_unguarded(bytes, ext))
            .unwrap_or_else(|m| Err(library_panic(m)))
    }

    fn from_bytes_unguarded(bytes: Vec<u8>, ext: &str) -> Result<Workbook, Unreadable> {
        use calamine::{open_workbook_from_rs, Ods, Xls, Xlsb, Xlsx};
        let kind = sniff(&bytes);
        if kind == Kind::Zip {
            preflight::check_zip(&bytes).map_err(Unreadable::Oversized)?;
            if ext == "xlsb" {
                preflight::check_xlsb(&bytes).map_err(|part| {
                    damaged(format!(
                        "bản ghi dài hơn phần '{part}' chứa nó / a record longer than the part '{part}' that holds it"
                    ))
                })?;
            }
        }
        let shared = SharedBytes(Arc::new(bytes));
        let bytes = shared.clone();
        let sheets = match kind {
            Kind::Zip if is_ods(bytes.as_ref()) => Sheets::Ods({
                ods_parts::check(bytes.as_ref())?;
                open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)).map_err(damaged)?
            }),
            Kind::Zip if ext == "xlsb" => Sheets::Xlsb(
                open_workbook_from_rs::<Xlsb<_>, _>(Cursor::new(bytes)).map_err(damaged)?,
            ),
            Kind::Zip => Sheets::Xlsx(
                open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)).map_err(damaged)?,
            ),
            Kind::Ole2 => {
                // An OLE2 container is either a BIFF .xls or an encrypted OOXML package.
                let encrypted = contains_utf16(bytes.as_ref(), "EncryptionInfo");
                if encrypted {
                    return Err(Unreadable::Encrypted);
                }
                let stream = cfb_check::check(bytes.as_ref())
                    .map_err(|cfb_check::CfbDamage(why)| Unreadable::Damaged(why.to_string()))?;
                if let Some(stream) = stream {
                    biff_check::check(&stream).map_err(Unreadable::Oversized)?;
                }
                match open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)) {
                    Ok(x) => Sheets::Xls(x),
                    Err(_) if encrypted => return Err(Unreadable::Encrypted),
                    Err(e) => {
                        let msg = e.to_string();
                        if msg.to_ascii_lowercase().contains("password")
                            || msg.to_ascii_lowercase().contains("encrypt")
                        {
                            return Err(Unreadable::Encrypted);
                        }
                        return Err(damaged(msg));
                    }
                }
            }
            Kind::Other => {
                return Err(Unreadable::NotSpreadsheet {
                    ext: if ext.is_empty() {
                        "?".into()
                    } else {
                        format!(".{ext}")
                    },
                })
            }
        };
        let names = sheets.sheet_names();
        Ok(Workbook {
            sheets,
            names,
            bytes: shared,
            parts: Vec::new(),
        })
    }

    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// The actual name of the sheet whose name matches `wanted` (case, spacing, diacritics,
    /// NFC/NFD and legacy encodings do not matter).
    pub fn find_sheet(&self, wanted: &str) -> Option<String> {
        self.sheets_named(wanted).into_iter().next()
    }

    /// Every sheet whose name matches `wanted`, in workbook order.
    pub fn sheets_named(&self, wanted: &str) -> Vec<String> {
        let want = text::sheet_key(wanted);
        self.names
            .iter()
            .filter(|n| {
                text::sheet_key(n) == want
                    || (crate::legacy::may_be_legacy(n)
                        && crate::legacy::decode(n)
                            .is_some_and(|(u, _)| text::sheet_key(&u) == want))
            })
            .cloned()
            .collect()
    }

    /// The one sheet named `wanted`: `Ok(None)` when there is none, `Err(names)` when several
    /// sheets share the name once case, spacing and diacritics are ignored (neither is chosen).
    pub fn unique_sheet(&self, wanted: &str) -> Result<Option<String>, Vec<String>> {
        let mut found = self.sheets_named(wanted);
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.pop()),
            _ => Err(found),
        }
    }

    /// The cells of a sheet. An .xlsx or .xlsb sheet is read cell by cell, so that memory follows the
    /// cells really there (a stray cell at `XFD1048576` costs one cell, not a billion).
    pub fn grid(&mut self, name: &str) -> Result<Grid, Unreadable> {
        panic_guard::catch(|| self.grid_unguarded(name)).unwrap_or_else(|m| Err(library_panic(m)))
    }

    fn grid_unguarded(&mut self, name: &str) -> Result<Grid, Unreadable> {
        let cells = match streamed(&mut self.sheets, name) {
            Some(cells) => cells?,
            None => Cells::Dense(self.sheets.worksheet_range(name).map_err(damaged)?),
        };
        Ok(Grid { cells })
    }

    /// The cells of a sheet of people, with each cell merged down a column (a `Bộ phận` shared by
    /// several rows) read as the value of its region: every row is someone's, and keeps it.
    pub fn grid_merged_down(&mut self, name: &str) -> Result<Grid, Unreadable> {
        panic_guard::catch(|| self.grid_merged_down_unguarded(name))
            .unwrap_or_else(|m| Err(library_panic(m)))
    }

    fn grid_merged_down_unguarded(&mut self, name: &str) -> Result<Grid, Unreadable> {
        let mut grid = self.grid_unguarded(name)?;
        let regions: Vec<(u32, u32, u32, u32)> = match &mut self.sheets {
            Sheets::Xlsx(_) => self
                .part(name)
                .map(|p| p.merges.clone())
                .unwrap_or_default(),
            Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(name)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect(),
            Sheets::Ods(_) => ods_parts::merged_down(self.bytes.as_ref(), name),
            _ => Vec::new(),
        };
        grid.fill_down(&regions);
        Ok(grid)
    }

    /// The worksheet part of an .xlsx sheet, looked into once.
    fn part(&mut self, name: &str) -> Option<&xlsx_parts::SheetPart> {
        let i = match self.parts.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                let part = xlsx_parts::sheet_part(self.bytes.as_ref(), name);
                self.parts.push((name.to_string(), part));
                self.parts.len() - 1
            }
        };
        self.parts[i].1.as_ref()
    }

    /// The formulas of a sheet (absolute positions), when the format keeps them. An .xlsx sheet
    /// whose part holds no formula element is not parsed a second time.
    pub fn formulas(&mut self, name: &str) -> Option<Cells<String>> {
        panic_guard::catch(|| self.formulas_unguarded(name)).unwrap_or(None)
    }

    fn formulas_unguarded(&mut self, name: &str) -> Option<Cells<String>> {
        if matches!(self.sheets, Sheets::Xlsx(_))
            && self.part(name).is_some_and(|p| !p.has_formulas)
        {
            return None;
        }
        match streamed_formulas(&mut self.sheets, name) {
            Some(cells) => cells.ok(),
            None => self.sheets.worksheet_formula(name).ok().map(Cells::Dense),
        }
    }
}

fn too_many_cells(sheet: &str) -> Unreadable {
    Unreadable::Oversized(Oversize::TooManyCells {
        sheet: sheet.to_string(),
        limit: cells::MAX_FILLED_CELLS as u64,
    })
}

/// The cells a cell reader gives, one by one, without the empty ones; at most
/// [`cells::MAX_FILLED_CELLS`].
fn collect<T: calamine::CellType + cells::TextBytes, E: std::fmt::Display>(
    sheet: &str,
    mut next: impl FnMut() -> Result<Option<calamine::Cell<T>>, E>,
) -> Result<Cells<T>, Unreadable> {
    let mut cells = Vec::new();
    let mut text = 0usize;
    while let Some(cell) = next().map_err(damaged)? {
        if *cell.get_value() == T::default() {
            continue;
        }
        let (row, col) = cell.get_position();
        if row > cells::LAST_CELL.0 || col > cells::LAST_CELL.1 {
            return Err(Unreadable::Oversized(Oversize::FarCell {
                sheet: sheet.to_string(),
                cell: text::a1(row, col),
            }));
        }
        if cells.len() >= cells::MAX_FILLED_CELLS {
            return Err(too_many_cells(sheet));
        }
        text = text.saturating_add(cell.get_value().text_bytes());
        if text > cells::MAX_TEXT_BYTES {
            return Err(Unreadable::Oversized(Oversize::TooMuchText {
                sheet: sheet.to_string(),
                limit: cells::MAX_TEXT_BYTES as u64,
            }));
        }
        cells.push(cell);
    }
    Ok(Cells::from_cells(cells))
}

fn owned(cell: calamine::Cell<calamine::DataRef<'_>>) -> calamine::Cell<Data> {
    calamine::Cell::new(cell.get_position(), Data::from(cell.get_value().clone()))
}

/// The filled cells of an .xlsx or .xlsb sheet, read one by one (`formulas`: its formulas).
fn streamed<RS: std::io::Read + std::io::Seek>(
    sheets: &mut Sheets<RS>,
    name: &str,
) -> Option<Result<Cells<Data>, Unreadable>> {
    Some(match sheets {
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(name) {
            Ok(mut r) => collect(name, || r.next_cell().map(|c| c.map(owned))),
            Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(Cells::empty()),
            Err(e) => Err(damaged(e)),
        },
        Sheets::Xlsb(x) => match x.worksheet_cells_reader(name) {
            Ok(mut r) => collect(name, || r.next_cell().map(|c| c.map(owned))),
            Err(e) => Err(damaged(e)),
        },
        _ => return None,
    })
}

/// The formulas of an .xlsx or .xlsb sheet, read one by one.
fn streamed_formulas<RS: std::io::Read + std::io::Seek>(
    sheets: &mut Sheets<RS>,
    name: &str,
) -> Option<Result<Cells<String>, Unreadable>> {
    Some(match sheets {
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(name) {
            Ok(mut r) => collect(name, || r.next_formula()),
            Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(Cells::empty()),
            Err(e) => Err(damaged(e)),
        },
        Sheets::Xlsb(x) => match x.worksheet_cells_reader(name) {
            Ok(mut r) => collect(name, || r.next_formula()),
            Err(e) => Err(damaged(e)),
        },
        _ => return None,
    })
}

/// The cells of one sheet.
pub struct Grid {
    cells: Cells<Data>,
}

static EMPTY: Data = Data::Empty;

impl Grid {
    pub fn from_range(range: Range<Data>) -> Grid {
        Grid {
            cells: Cells::Dense(range),
        }
    }

    /// The cell at an absolute (row, column), `Empty` outside the used range.
    pub fn get(&self, row: u32, col: u32) -> &Data {
        self.cells.get(row, col).unwrap_or(&EMPTY)
    }

    /// One past the last used row (absolute).
    pub fn row_end(&self) -> u32 {
        self.cells.end().map_or(0, |(r, _)| r.saturating_add(1))
    }

    /// One past the last used column (absolute).
    pub fn col_end(&self) -> u32 {
        self.cells.end().map_or(0, |(_, c)| c.saturating_add(1))
    }

    pub fn row_start(&self) -> u32 {
        self.cells.start().map_or(0, |(r, _)| r)
    }

    pub fn col_start(&self) -> u32 {
        self.cells.start().map_or(0, |(_, c)| c)
    }

    /// The rows that may hold cells, ascending: every row of the used range, or only the rows
    /// with cells on a sheet with a stray cell far away (never billions of empty rows).
    pub fn rows(&self) -> Vec<u32> {
        match self.cells.end() {
            Some((last, _)) => self.cells.rows_between(self.row_start(), last),
            None => Vec::new(),
        }
    }

    /// The cells of a row that hold something other than blank text, by column. On a sheet with
    /// a stray cell far away this costs the row's cells, not the sheet's width.
    pub fn filled(&self, row: u32) -> impl Iterator<Item = (u32, &Data)> {
        self.cells.row(row).filter(|(_, d)| !is_blank(d))
    }

    /// The first filled column of a row.
    pub fn first_filled(&self, row: u32) -> Option<u32> {
        self.filled(row).next().map(|(c, _)| c)
    }

    /// Copies the value of each region merged down one column into the region's other cells
    /// (regions across columns, such as titles, are left alone). Only rows that hold something
    /// else get the value: a merged cell never makes an empty row look filled.
    fn fill_down(&mut self, regions: &[(u32, u32, u32, u32)]) {
        let (Some(start), Some(end)) = (self.cells.start(), self.cells.end()) else {
            return;
        };
        // Regions of a sound file do not overlap, so they cover each cell once at most: a file
        // whose regions would make this visit more cells than a dense sheet holds is not spread.
        let mut budget = cells::MAX_DENSE_CELLS;
        let mut fills = Vec::new();
        for &(r0, c0, r1, c1) in regions {
            if c0 != c1 || r1 <= r0 || c0 < start.1 || c0 > end.1 || r0 < start.0 {
                continue;
            }
            let value = self.get(r0, c0).clone();
            if is_blank(&value) {
                continue;
            }
            let rows = self.cells.rows_between(r0 + 1, r1.min(end.0));
            budget = match budget.checked_sub(rows.len() as u64) {
                Some(left) => left,
                None => break,
            };
            for r in rows {
                if matches!(self.get(r, c0), Data::Empty) && !self.is_row_empty(r) {
                    fills.push(calamine::Cell::new((r, c0), value.clone()));
                }
            }
        }
        self.cells.fill(fills);
    }

    pub fn is_row_empty(&self, row: u32) -> bool {
        self.filled(row).next().is_none()
    }
}

/// Empty, or text of only white space.
pub fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell shown as the clerk would see it, for messages.
pub fn display(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                format!("{f}")
            }
        }
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(x) => x.format("%d/%m/%Y").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The text of a cell as the rules see it: tidied (NFC, trimmed) and, when it was typed in a legacy
/// encoding (TCVN3/VNI), converted to Unicode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellText {
    pub text: String,
    /// The legacy encoding and the text as typed, when a conversion happened.
    pub legacy: Option<(crate::legacy::LegacyEncoding, String)>,
}

/// A cell's text for a reader that reports legacy-encoded text once (per sheet, or per file):
/// the text, and — the first time a conversion happens, when `*reported` is still false — the
/// `legacy-encoding` detail to report at that cell.
pub fn text_noting_legacy(d: &Data, reported: &mut bool) -> (String, Option<Detail>) {
    let CellText { text, legacy } = cell_text(d);
    let detail = match legacy {
        Some((encoding, before)) if !*reported => {
            *reported = true;
            Some(Detail::LegacyEncoding {
                encoding: encoding.name(),
                before,
                after: text.clone(),
            })
        }
        _ => None,
    };
    (text, detail)
}

pub fn cell_text(d: &Data) -> CellText {
    let raw = match d {
        Data::String(s) => s.as_str(),
        Data::Empty => {
            return CellText {
                text: String::new(),
                legacy: None,
            }
        }
        other => {
            return CellText {
                text: display(other),
                legacy: None,
            }
        }
    };
    if crate::legacy::may_be_legacy(raw) {
        if let Some((converted, enc)) = crate::legacy::decode(raw) {
            return CellText {
                text: text::tidy(&converted),
                legacy: Some((enc, raw.trim().to_string())),
            };
        }
    }
    CellText {
        text: text::tidy(raw),
        legacy: None,
    }
}

/// A total of points typed in a cell: a whole or half number from 0 to `max_points`, stored or
/// typed as text ("286,5"); anything else (negative, another step, absurd) is `None` — left
/// blank rather than guessed.
pub fn total_of_cell(d: &Data, max_points: u32) -> Option<crate::model::Total> {
    use crate::model::Total;
    match d {
        Data::Int(i) => u32::try_from(*i)
            .ok()
            .filter(|p| *p <= max_points)
            .map(|p| Total(p * 2)),
        Data::Float(f) => {
            let hp = f * 2.0;
            let whole = f.is_finite() && *f >= 0.0 && (hp - hp.round()).abs() < 1e-9;
            (whole && *f <= f64::from(max_points)).then(|| Total(hp.round() as u32))
        }
        Data::String(s) => text::parse_total(s, max_points),
        _ => None,
    }
}

/// A date from a cell: a real date, an Excel serial number, or text (`dd/mm/yyyy`, …).
pub fn date_of_cell(d: &Data) -> Option<chrono::NaiveDate> {
    match d {
        Data::DateTime(dt) => dt.as_datetime().map(|x| x.date()),
        Data::DateTimeIso(s) => chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok(),
        Data::Float(f) => text::date_from_serial(*f),
        Data::Int(i) => text::date_from_serial(*i as f64),
        Data::String(s) => text::parse_date_text(s),
        _ => None,
    }
}
