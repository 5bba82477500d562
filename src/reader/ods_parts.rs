//! What calamine does not read of an OpenDocument spreadsheet: the cells merged over several rows
//! of a table (`table:number-rows-spanned`). The reader fills them down a column as it does for
//! .xlsx and .xls, so that a `Bộ phận` shared by several rows belongs to every one of them.

use super::cells::{area, MAX_DENSE_CELLS, MAX_FILLED_CELLS, MAX_TEXT_BYTES};
use crate::finding::Oversize;
use crate::text::a1;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// `content.xml` larger than this is not looked into (no merges are then read).
const MAX_CONTENT: u64 = 64 * 1024 * 1024;

/// The regions merged over more than one row in the table named `sheet`: (first row, first
/// column, last row, last column), zero-based. Empty when the package cannot tell.
pub fn merged_down(bytes: &[u8], sheet: &str) -> Vec<(u32, u32, u32, u32)> {
    let Some(xml) = content(bytes) else {
        return Vec::new();
    };
    spans(&xml, sheet)
}

/// A password-protected OpenDocument file: its manifest lists how each part is encrypted.
fn encrypted(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let Ok(f) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut manifest = Vec::new();
    if f.take(MAX_CONTENT).read_to_end(&mut manifest).is_err() {
        return false;
    }
    memchr::memmem::find(&manifest, b"encryption-data").is_some()
}

fn content(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut f = zip.by_name("content.xml").ok()?;
    // What could be read, even when the read fails at the end (a bad checksum): the library
    // parses the table before the checksum is checked, so the check must see it too.
    let mut buf = Vec::new();
    let _ = f.by_ref().take(MAX_CONTENT).read_to_end(&mut buf);
    Some(buf)
}

/// A numeric attribute of an element, 1 when absent or unreadable.
fn count(e: &BytesStart, name: &str) -> u32 {
    // As the library reads it: character references decoded first; a number too large for u32
    // is as large as u32 allows (the library caps rows and columns lower still).
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            let v = a.normalized_value(quick_xml::XmlVersion::default()).ok()?;
            // Rust's number parsing, which the library uses, takes a leading '+'.
            let v = v.trim();
            let v = v.strip_prefix('+').unwrap_or(v);
            if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(
                v.parse::<u64>()
                    .map_or(u32::MAX, |n| n.min(u64::from(u32::MAX)) as u32),
            )
        })
        .unwrap_or(1)
        .max(1)
}

fn spans(xml: &[u8], sheet: &str) -> Vec<(u32, u32, u32, u32)> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let (mut inside, mut row, mut col) = (false, 0u32, 0u32);
    let mut row_repeat = 1u32;
    loop {
        let event = match r.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(_) => return out,
        };
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                inside = table_name(&e).as_deref() == Some(sheet);
                (row, col) = (0, 0);
            }
            Event::End(e) if inside && e.name().as_ref() == "table:table" => return out,
            Event::Start(e) if inside && e.name().as_ref() == "table:table-row" => {
                row_repeat = count(&e, "table:number-rows-repeated");
                col = 0;
            }
            // An empty row element has no end: it is counted at once.
            Event::Empty(e) if inside && e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(count(&e, "table:number-rows-repeated"));
            }
            Event::End(e) if inside && e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(row_repeat);
                row_repeat = 1;
            }
            Event::Start(e) | Event::Empty(e)
                if inside
                    && matches!(
                        e.name().as_ref(),
                        "table:table-cell" | "table:covered-table-cell"
                    ) =>
            {
                let rows = count(&e, "table:number-rows-spanned");
                let cols = count(&e, "table:number-columns-spanned");
                if rows > 1 {
                    out.push((
                        row,
                        col,
                        row.saturating_add(rows - 1),
                        col.saturating_add(cols - 1),
                    ));
                }
                col = col.saturating_add(count(&e, "table:number-columns-repeated"));
            }
            Event::Eof => return out,
            _ => {}
        }
        buf.clear();
    }
}

/// What calamine will hold for the tables of a file: it reads every table when the file is opened,
/// repeats each filled cell `number-columns-repeated` times and each filled row
/// `number-rows-repeated` times, then makes each table's box of filled cells dense. The limits
/// hold for the whole file, not per table.
#[derive(Default)]
struct FileSize {
    /// Cells calamine keeps before making the boxes dense (a row up to its last filled cell).
    kept: u64,
    /// The dense boxes of the tables checked so far.
    area: u64,
    /// Bytes of text, each counted as many times as it is repeated.
    text: u64,
    table: TableSize,
}

/// One table's box of filled cells, once repeats are expanded.
#[derive(Default)]
struct TableSize {
    name: String,
    /// First and last (row, column).
    first: Option<(u32, u32)>,
    last: (u32, u32),
    /// The filled cell with the largest row, for the message.
    far: (u32, u32),
}

impl TableSize {
    fn add_row(&mut self, row: u32, repeat: u32, filled: (u32, u32)) {
        let (c0, c1) = filled;
        let last_row = row.saturating_add(repeat - 1);
        let f = self.first.get_or_insert((row, c0));
        *f = (f.0.min(row), f.1.min(c0));
        self.last = (self.last.0.max(last_row), self.last.1.max(c1));
        if last_row >= self.far.0 {
            self.far = (last_row, c1);
        }
    }

    fn area(&self) -> u64 {
        self.first.map_or(0, |first| area(first, self.last))
    }
}

impl FileSize {
    fn check(&self) -> Result<(), Oversize> {
        let sheet = || self.table.name.clone();
        if self.kept > MAX_FILLED_CELLS as u64 {
            return Err(Oversize::TooManyCells {
                sheet: sheet(),
                limit: MAX_FILLED_CELLS as u64,
            });
        }
        if self.text > MAX_TEXT_BYTES as u64 {
            return Err(Oversize::TooMuchText {
                sheet: sheet(),
                limit: MAX_TEXT_BYTES as u64,
            });
        }
        if self.area.saturating_add(self.table.area()) > MAX_DENSE_CELLS {
            return Err(Oversize::FarCell {
                sheet: sheet(),
                cell: a1(self.table.far.0, self.table.far.1),
            });
        }
        Ok(())
    }
}

/// Does a cell element hold a value (calamine keeps it), or only a style?
fn holds_value(e: &BytesStart, has_children: bool) -> bool {
    has_children
        || e.attributes().flatten().any(|a| {
            matches!(
                a.key.as_ref(),
                "office:value-type" | "office:value" | "table:formula"
            )
        })
}

/// Where the walk through `content.xml` is.
#[derive(Default)]
struct Walk {
    /// Tables open (a table inside a cell of another counts into the outer one).
    depth: u32,
    row: u32,
    col: u32,
    repeat: u32,
    /// The repeat of the cell being read, while inside one.
    cell_repeat: Option<u32>,
    filled: Option<(u32, u32)>,
}

/// Checks every table of an OpenDocument spreadsheet against what reading it would hold. XML the
/// check cannot follow is refused: the library, more lenient, might read it without limits.
pub fn check(bytes: &[u8]) -> Result<(), super::Unreadable> {
    if encrypted(bytes) {
        return Err(super::Unreadable::Encrypted);
    }
    let Some(xml) = content(bytes) else {
        return Ok(());
    };
    let mut r = quick_xml::Reader::from_reader(xml.as_slice());
    r.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    let mut size = FileSize::default();
    let mut w = Walk::default();
    let mut open = OpenElements::default();
    let damaged = |why: String| super::Unreadable::Damaged(format!("content.xml: {why}"));
    loop {
        let event = r
            .read_event_into(&mut buf)
            .map_err(|e| damaged(e.to_string()))?;
        open.follow(&event).map_err(damaged)?;
        if matches!(event, Event::Eof) {
            return Ok(());
        }
        step(&event, &mut w, &mut size).map_err(super::Unreadable::Oversized)?;
        buf.clear();
    }
}

/// The elements open at a point of `content.xml`. The library reads the XML without matching
/// end tags to start tags, and a table left open at the end of the document makes it loop
/// forever (a fuzz finding): the document must be well formed before the library sees it.
#[derive(Default)]
struct OpenElements {
    /// The names of the open elements, one after the other.
    names: Vec<u8>,
    /// Where each name starts in `names`.
    starts: Vec<usize>,
}

/// No spreadsheet nests elements this deep; a document that does is refused.
const MAX_DEPTH: usize = 10_000;

impl OpenElements {
    fn follow(&mut self, event: &Event) -> Result<(), String> {
        match event {
            Event::Start(e) => {
                if self.starts.len() >= MAX_DEPTH {
                    return Err(format!("elements nested deeper than {MAX_DEPTH}"));
                }
                self.starts.push(self.names.len());
                self.names
                    .extend_from_slice(e.name().into_inner().as_bytes());
            }
            Event::End(e) => {
                let start = self.starts.pop().ok_or("an end tag closes nothing")?;
                if self.names[start..] != *e.name().into_inner().as_bytes() {
                    return Err(format!(
                        "</{}> closes <{}>",
                        e.name().into_inner(),
                        String::from_utf8_lossy(&self.names[start..])
                    ));
                }
                self.names.truncate(start);
            }
            Event::Eof if !self.starts.is_empty() => {
                let start = *self.starts.last().unwrap_or(&0);
                return Err(format!(
                    "the document ends inside <{}>",
                    String::from_utf8_lossy(&self.names[start..])
                ));
            }
            _ => {}
        }
        Ok(())
    }
}

/// One XML event of `content.xml`.
fn step(event: &Event, w: &mut Walk, size: &mut FileSize) -> Result<(), Oversize> {
    match event {
        Event::Start(e) if e.name().as_ref() == "table:table" => {
            if w.depth == 0 {
                size.table = TableSize {
                    name: table_name(e).unwrap_or_default(),
                    ..TableSize::default()
                };
                w.row = 0;
            }
            w.depth += 1;
        }
        Event::End(e) if e.name().as_ref() == "table:table" => {
            w.depth = w.depth.saturating_sub(1);
            if w.depth == 0 {
                size.check()?;
                size.area = size.area.saturating_add(size.table.area());
                size.table = TableSize::default();
            }
        }
        Event::Start(e) if e.name().as_ref() == "table:table-row" => {
            w.repeat = count(e, "table:number-rows-repeated");
            (w.col, w.filled) = (0, None);
        }
        Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
            w.row = w.row.saturating_add(count(e, "table:number-rows-repeated"));
        }
        Event::End(e) if e.name().as_ref() == "table:table-row" => {
            if let Some((c0, c1)) = w.filled {
                size.kept = size.kept.saturating_add(u64::from(c1) + 1);
                size.table.add_row(w.row, w.repeat, (c0, c1));
                size.check()?;
            }
            w.row = w.row.saturating_add(w.repeat);
            w.repeat = 1;
        }
        Event::Start(e) | Event::Empty(e)
            if matches!(
                e.name().as_ref(),
                "table:table-cell" | "table:covered-table-cell"
            ) =>
        {
            let n = count(e, "table:number-columns-repeated");
            if holds_value(e, matches!(event, Event::Start(_))) {
                let last = w.col.saturating_add(n - 1);
                w.filled = Some(w.filled.map_or((w.col, last), |(a, _)| (a, last)));
            }
            if matches!(event, Event::Start(_)) {
                w.cell_repeat = Some(n);
            }
            w.col = w.col.saturating_add(n);
        }
        Event::End(e)
            if matches!(
                e.name().as_ref(),
                "table:table-cell" | "table:covered-table-cell"
            ) =>
        {
            w.cell_repeat = None;
        }
        Event::Text(t) => {
            if let Some(n) = w.cell_repeat {
                let times = u64::from(n).saturating_mul(u64::from(w.repeat.max(1)));
                size.text = size
                    .text
                    .saturating_add((t.len() as u64).saturating_mul(times));
                size.check()?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn table_name(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == "table:name")
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::default())
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_the_named_table_only() {
        let xml = r#"<office:spreadsheet>
<table:table table:name="Khác"><table:table-row><table:table-cell table:number-rows-spanned="3"/></table:table-row></table:table>
<table:table table:name="Danh sách">
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="4"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="5"/><table:table-cell table:number-rows-spanned="2"><text:p>Bộ phận Ngân sách</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="5"/><table:covered-table-cell/></table:table-row>
</table:table></office:spreadsheet>"#
            .as_bytes();
        assert_eq!(spans(xml, "Danh sách"), vec![(2, 5, 3, 5)]);
        assert_eq!(spans(xml, "Khác"), vec![(0, 0, 2, 0)]);
        assert!(spans(xml, "Không có").is_empty());
        assert!(merged_down(b"not a zip", "Danh sách").is_empty());
    }

    fn well_formed(xml: &str) -> Result<(), String> {
        let mut r = quick_xml::Reader::from_reader(xml.as_bytes());
        r.config_mut().check_end_names = false;
        let mut open = OpenElements::default();
        let mut buf = Vec::new();
        loop {
            let event = r.read_event_into(&mut buf).map_err(|e| e.to_string())?;
            open.follow(&event)?;
            if matches!(event, Event::Eof) {
                return Ok(());
            }
            buf.clear();
        }
    }

    #[test]
    fn only_a_well_formed_document_reaches_the_library() {
        assert_eq!(well_formed("<a><b/><c>x</c></a>"), Ok(()));
        assert!(well_formed("<t:table><t:row>").is_err(), "never closed");
        assert!(
            well_formed("<a><t:table></a></t:table>").is_err(),
            "crossed"
        );
        assert!(well_formed("<a></a></a>").is_err(), "closes nothing");
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(well_formed(&deep).unwrap_err().contains("deeper"));
    }
}
