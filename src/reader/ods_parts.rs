//! What calamine does not read of an OpenDocument spreadsheet: the cells merged over several rows
//! of a table (`table:number-rows-spanned`). The reader fills them down a column as it does for
//! .xlsx and .xls, so that a `Bộ phận` shared by several rows belongs to every one of them.

use super::cells::{area, MAX_DENSE_CELLS, MAX_FILLED_CELLS};
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

fn content(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut f = zip.by_name("content.xml").ok()?;
    if f.size() > MAX_CONTENT {
        return None;
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    f.by_ref().take(MAX_CONTENT).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// A numeric attribute of an element, 1 when absent or unreadable.
fn count(e: &BytesStart, name: &str) -> u32 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
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
                let name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "table:name")
                    .and_then(|a| {
                        a.normalized_value(quick_xml::XmlVersion::default())
                            .ok()
                            .map(|v| v.into_owned())
                    });
                inside = name.as_deref() == Some(sheet);
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

/// What calamine will hold for one table: it reads every table when the file is opened, repeats
/// each filled cell `number-columns-repeated` times and each filled row `number-rows-repeated`
/// times, then makes the box of filled cells dense.
#[derive(Default)]
struct TableSize {
    name: String,
    /// Cells calamine keeps before making the box dense (a row up to its last filled cell).
    kept: u64,
    /// The box of filled cells, once repeats are expanded: first and last (row, column).
    first: Option<(u32, u32)>,
    last: (u32, u32),
    /// The filled cell with the largest row, for the message.
    far: (u32, u32),
}

impl TableSize {
    fn add_row(&mut self, row: u32, repeat: u32, filled: Option<(u32, u32)>) {
        let Some((c0, c1)) = filled else {
            return;
        };
        self.kept = self.kept.saturating_add(u64::from(c1) + 1);
        let last_row = row.saturating_add(repeat - 1);
        let f = self.first.get_or_insert((row, c0));
        *f = (f.0.min(row), f.1.min(c0));
        self.last = (self.last.0.max(last_row), self.last.1.max(c1));
        if last_row >= self.far.0 {
            self.far = (last_row, c1);
        }
    }

    fn check(&self) -> Result<(), Oversize> {
        if self.kept > MAX_FILLED_CELLS as u64 {
            return Err(Oversize::TooManyCells {
                sheet: self.name.clone(),
                limit: MAX_FILLED_CELLS as u64,
            });
        }
        match self.first {
            Some(first) if area(first, self.last) > MAX_DENSE_CELLS => Err(Oversize::FarCell {
                sheet: self.name.clone(),
                cell: a1(self.far.0, self.far.1),
            }),
            _ => Ok(()),
        }
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

/// Checks every table of an OpenDocument spreadsheet against what reading it would hold.
pub fn check(bytes: &[u8]) -> Result<(), Oversize> {
    let Some(xml) = content(bytes) else {
        return Ok(());
    };
    let mut r = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut table: Option<TableSize> = None;
    let (mut row, mut col, mut repeat) = (0u32, 0u32, 1u32);
    let mut filled: Option<(u32, u32)> = None;
    loop {
        let event = match r.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(_) => return Ok(()),
        };
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                table = Some(TableSize {
                    name: table_name(&e).unwrap_or_default(),
                    ..TableSize::default()
                });
                row = 0;
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(t) = table.take() {
                    t.check()?;
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                repeat = count(&e, "table:number-rows-repeated");
                (col, filled) = (0, None);
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(count(&e, "table:number-rows-repeated"));
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(t) = table.as_mut() {
                    t.add_row(row, repeat, filled);
                }
                row = row.saturating_add(repeat);
                repeat = 1;
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let n = count(e, "table:number-columns-repeated");
                if holds_value(e, matches!(event, Event::Start(_))) {
                    let last = col.saturating_add(n - 1);
                    filled = Some(filled.map_or((col, last), |(a, _)| (a, last)));
                }
                col = col.saturating_add(n);
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
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
}
