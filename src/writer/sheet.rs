//! The layout of an official document's sheet: every cell is written through a [`Sheet`], which
//! knows the columns' widths and each cell's font, so that at the end it can give each row the
//! height its text needs, wrap any text that does not fit on one line, scale the page to the
//! width of A4 and break pages only where a block of rows may be split (never between the end of
//! a table, its totals and the signature block).

use super::kit;
use super::merge_area;
use super::metrics;
use super::style::Style;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// The printed page of a sheet.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub landscape: bool,
    /// Rows printed again at the top of every page (the table's header).
    pub repeat: Option<(u32, u32)>,
    /// Ranges of rows that must print on one page.
    pub keep: Vec<(u32, u32)>,
}

/// A worksheet being written, with what the layout needs to know of it.
pub struct Sheet<'a> {
    pub ws: &'a mut Worksheet,
    widths: Vec<f64>,
    /// The height each row needs for the cells that lie in it alone.
    need: BTreeMap<u32, f64>,
    /// The need of the row being written, not yet in `need` (a row's cells come one after the
    /// other: one look-up in `need` a row rather than one a cell).
    open: Option<(u32, f64)>,
    /// Cells merged over several rows: (first row, last row, height needed).
    tall: Vec<(u32, u32, f64)>,
    last_row: Option<u32>,
    /// The rows whose height is already set (a sheet written row by row: [`Sheet::rows_done`]).
    set_through: Option<u32>,
    /// Written row by row ([`Sheet::streaming`]).
    streaming: bool,
    /// Columns a number needs wider than planned (a number never wraps: it would show #####).
    wider: BTreeMap<u16, f64>,
}

/// The rows of a sheet.
const MAX_ROWS: u32 = 1_048_576;

/// Excel's limit on manual page breaks in a sheet.
const MAX_BREAKS: usize = 1023;

/// The tallest row Excel allows (points): a longer text is shortened to what fits.
const MAX_HEIGHT: f64 = kit::MAX_ROW_HEIGHT;

impl<'a> Sheet<'a> {
    /// A sheet with these column widths (Excel's units).
    pub fn new(ws: &'a mut Worksheet, widths: &[f64]) -> Result<Sheet<'a>, XlsxError> {
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, *w)?;
        }
        Ok(Sheet {
            ws,
            widths: widths.to_vec(),
            need: BTreeMap::new(),
            open: None,
            tall: Vec::new(),
            last_row: None,
            set_through: None,
            streaming: false,
            wider: BTreeMap::new(),
        })
    }

    /// A sheet written row by row, for a constant-memory worksheet (a long list: its rows go to
    /// the package as soon as a later row is written, so a row's height is set when the first
    /// cell of a later row is written). Rows are written in order, and a cell is never merged
    /// over several rows.
    pub fn streaming(ws: &'a mut Worksheet, widths: &[f64]) -> Result<Sheet<'a>, XlsxError> {
        let mut sheet = Sheet::new(ws, widths)?;
        sheet.streaming = true;
        Ok(sheet)
    }

    /// Before a cell of `row` is written: in a sheet written row by row, the rows above are
    /// complete, and `row` must not be one of them.
    fn start(&mut self, row: u32) -> Result<(), XlsxError> {
        if !self.streaming {
            return Ok(());
        }
        if self.set_through.is_some_and(|done| row <= done) {
            return Err(XlsxError::ParameterError(format!(
                "row {row} written after a later row, in a sheet written row by row"
            )));
        }
        match row.checked_sub(1) {
            Some(above) => self.rows_done(above),
            None => Ok(()),
        }
    }

    pub fn widths(&self) -> &[f64] {
        &self.widths
    }

    fn span(&self, first: u16, last: u16) -> &[f64] {
        let end = usize::from(last + 1).min(self.widths.len());
        let start = usize::from(first).min(end);
        &self.widths[start..end]
    }

    fn seen(&mut self, row: u32) {
        self.last_row = Some(self.last_row.map_or(row, |r| r.max(row)));
    }

    /// A row at least `h` points tall (a spacer, a line to sign on).
    pub fn height(&mut self, row: u32, h: f64) {
        self.seen(row);
        match &mut self.open {
            Some((open, need)) if *open == row => *need = need.max(h),
            _ => {
                self.close_open();
                self.open = Some((row, h));
            }
        }
    }

    /// Moves the need of the row being written into `need`.
    fn close_open(&mut self) {
        if let Some((row, h)) = self.open.take() {
            let e = self.need.entry(row).or_insert(0.0);
            *e = e.max(h);
        }
    }

    /// Text in one cell.
    pub fn text(
        &mut self,
        row: u32,
        col: u16,
        value: &str,
        style: &Style,
    ) -> Result<(), XlsxError> {
        self.merge(row, col, row, col, value, style)
    }

    /// Text across a merged area (or one cell). A text that does not fit its width on one line
    /// is wrapped, and its rows made tall enough; a text too long for the tallest row Excel
    /// allows is shortened with a note (the results document keeps it whole).
    pub fn merge(
        &mut self,
        first_row: u32,
        first_col: u16,
        last_row: u32,
        last_col: u16,
        value: &str,
        style: &Style,
    ) -> Result<(), XlsxError> {
        use std::borrow::Cow;
        if self.streaming && first_row != last_row {
            return Err(XlsxError::ParameterError(
                "a cell merged over rows, in a sheet written row by row".to_string(),
            ));
        }
        self.start(first_row)?;
        let room = metrics::room(self.span(first_col, last_col));
        let value = kit::cell_text(value);
        // Most cells hold a short text: measured once, written with the style as it is.
        let (shown, format, h) = if metrics::fits_in(&value, style.font, room) {
            (value, Cow::Borrowed(style), style.font.line_height())
        } else {
            let wrapped = if style.wrap {
                Cow::Borrowed(style)
            } else {
                Cow::Owned(style.clone().set_text_wrap())
            };
            let widths = self.span(first_col, last_col);
            let (shown, h) = fit_height(&value, style.font, widths, MAX_HEIGHT);
            (Cow::Owned(shown), wrapped, h)
        };
        merge_area(
            self.ws, first_row, first_col, last_row, last_col, &shown, &format,
        )?;
        self.seen(last_row);
        if first_row == last_row {
            self.height(first_row, h);
        } else {
            self.tall.push((first_row, last_row, h));
        }
        Ok(())
    }

    /// A link to a cell of this workbook (`target`: sheet and `A1` cell) in one cell, showing
    /// `value` on one line (a cell reference, a short word).
    pub fn link(
        &mut self,
        row: u32,
        col: u16,
        target: (&str, &str),
        value: &str,
        style: &Style,
    ) -> Result<(), XlsxError> {
        self.start(row)?;
        super::internal_link(self.ws, (row, col), target, value, style)?;
        self.height(row, style.font.line_height());
        Ok(())
    }

    /// A number in one cell. A number never wraps (Excel shows ##### instead): a column too
    /// narrow for the number as its format shows it is made wider when the sheet is finished.
    pub fn number(&mut self, row: u32, col: u16, n: f64, style: &Style) -> Result<(), XlsxError> {
        self.start(row)?;
        self.ws.write_number_with_format(row, col, n, style)?;
        self.height(row, style.font.line_height());
        let need = metrics::text_width(&style.shown(n), style.font);
        let planned = self.widths.get(usize::from(col)).copied().unwrap_or(8.43);
        if need > metrics::room(&[planned]) {
            let w = metrics::width_for(need);
            let e = self.wider.entry(col).or_insert(w);
            *e = e.max(w);
        }
        Ok(())
    }

    /// A bordered empty cell.
    pub fn blank(&mut self, row: u32, col: u16, style: &Style) -> Result<(), XlsxError> {
        self.start(row)?;
        self.ws.write_blank(row, col, style)?;
        self.height(row, style.font.line_height());
        Ok(())
    }

    /// The height of every row as it will be set.
    fn heights(&self) -> BTreeMap<u32, f64> {
        let mut h = self.need.clone();
        if let Some((row, need)) = self.open {
            let e = h.entry(row).or_insert(0.0);
            *e = e.max(need);
        }
        for &tall in &self.tall {
            share_height(&mut h, tall);
        }
        h
    }

    /// The rows up to `last` are complete: their heights are set now. A sheet written row by
    /// row in constant memory (its rows go to the package as soon as a later row is written)
    /// calls this after each row; nothing may be written to these rows afterwards.
    pub fn rows_done(&mut self, last: u32) -> Result<(), XlsxError> {
        if self.open.is_some_and(|(row, _)| row <= last) {
            self.close_open();
        }
        if self.tall.iter().any(|t| t.1 <= last) {
            let (ready, later): (Vec<_>, Vec<_>) = self.tall.drain(..).partition(|t| t.1 <= last);
            self.tall = later;
            for tall in ready {
                share_height(&mut self.need, tall);
            }
        }
        let from = self.set_through.map_or(0, |r| r + 1);
        if from <= last {
            for (&row, &h) in self.need.range(from..=last) {
                self.ws.set_row_height(row, h.min(MAX_HEIGHT))?;
            }
            self.set_through = Some(last);
        }
        Ok(())
    }

    /// Sets the height of every row not set yet.
    fn set_heights(&mut self, heights: &BTreeMap<u32, f64>) -> Result<(), XlsxError> {
        let from = self.set_through.map_or(0, |r| r + 1);
        for (&row, &h) in heights.range(from..) {
            self.ws.set_row_height(row, h.min(MAX_HEIGHT))?;
        }
        Ok(())
    }

    /// Sets every row's height, the A4 page (orientation, scale to the page width, header rows
    /// repeated) and the page breaks that keep `page.keep` together. Returns the print scale.
    pub fn finish(mut self, page: &Page) -> Result<u16, XlsxError> {
        for (&col, &w) in &self.wider {
            self.ws.set_column_width(col, w)?;
            if let Some(planned) = self.widths.get_mut(usize::from(col)) {
                *planned = w;
            }
        }
        let heights = self.heights();
        self.set_heights(&heights)?;
        self.close_stream()?;
        let scale = kit::page_setup(self.ws, page.landscape, &self.widths);
        let Some(last) = self.last_row else {
            return Ok(scale);
        };
        let height = |r: u32| heights.get(&r).copied().unwrap_or(15.0).min(MAX_HEIGHT);
        let mut repeated = 0.0;
        if let Some((a, b)) = page.repeat {
            self.ws.set_repeat_rows(a, b)?;
            repeated = (a..=b).map(height).sum();
        }
        let blocks = blocks(last, &page.keep);
        let capacity = kit::page_capacity(page.landscape, scale);
        let mut breaks = kit::page_breaks(&blocks, height, capacity, repeated);
        if breaks.len() > MAX_BREAKS {
            // Excel takes at most 1 023 manual breaks: keep those that hold a block together
            // (the last ones: the signature with the end of the table) and let the printer
            // break the rest of a long list where it fills a page.
            let starts: std::collections::HashSet<u32> = page.keep.iter().map(|k| k.0).collect();
            let needed: Vec<u32> = breaks.into_iter().filter(|b| starts.contains(b)).collect();
            breaks = needed[needed.len().saturating_sub(MAX_BREAKS)..].to_vec();
        }
        if !breaks.is_empty() {
            self.ws.set_page_breaks(&breaks)?;
        }
        Ok(scale)
    }

    /// A formula in one cell, with room for the longest text it may show: wrapped, and its row
    /// made tall enough, when that text does not fit on one line. The caller gives the formula
    /// its cached result.
    pub fn formula(
        &mut self,
        row: u32,
        col: u16,
        formula: Formula,
        longest: &str,
        style: &Style,
    ) -> Result<(), XlsxError> {
        self.start(row)?;
        let widths = self.span(col, col).to_vec();
        let (format, h) = if !style.wrap && metrics::fits_one_line(longest, style.font, &widths) {
            (style.clone(), style.font.line_height())
        } else {
            let wrapped = if style.wrap {
                style.clone()
            } else {
                style.clone().set_text_wrap()
            };
            let h = metrics::wrapped_height(longest, style.font, &widths).min(MAX_HEIGHT);
            (wrapped, h)
        };
        self.ws
            .write_formula_with_format(row, col, formula, &format)?;
        self.height(row, h);
        Ok(())
    }

    /// Sets every row's height and nothing else: for a sheet whose page the caller sets up (a
    /// data-entry grid printed fitted to the page width, which Excel breaks into pages itself).
    pub fn finish_rows(mut self) -> Result<(), XlsxError> {
        let heights = self.heights();
        self.set_heights(&heights)?;
        self.close_stream()
    }

    /// Ends a sheet written row by row with an empty row after its last: rust_xlsxwriter
    /// (0.102) writes the last row of a constant-memory sheet twice when that row has a height
    /// of its own (two `<row>` of one number, which Excel may refuse as damaged); a row after it
    /// with nothing in it is written once, and prints nothing.
    fn close_stream(&mut self) -> Result<(), XlsxError> {
        match self.last_row {
            Some(last) if self.streaming && last + 1 < MAX_ROWS => {
                self.ws
                    .write_blank(last + 1, 0, &rust_xlsxwriter::Format::new())?;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// A cell merged over rows `a..=b` needing `need` points: when the rows' own heights fall short,
/// the rows without a need of their own share the rest; else the last row grows.
fn share_height(h: &mut BTreeMap<u32, f64>, (a, b, need): (u32, u32, f64)) {
    let have: f64 = (a..=b).map(|r| h.get(&r).copied().unwrap_or(0.0)).sum();
    if need > have {
        let free: Vec<u32> = (a..=b).filter(|r| !h.contains_key(r)).collect();
        if free.is_empty() {
            *h.entry(b).or_insert(0.0) += need - have;
        } else {
            let each = ((need - have) / free.len() as f64 / 0.75).ceil() * 0.75;
            for r in free {
                h.insert(r, each);
            }
        }
    }
}

/// Rows 0..=last as blocks: each range to keep together is one block (overlapping ranges join),
/// every other row is a block of its own.
fn blocks(last: u32, keep: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut keep: Vec<(u32, u32)> = keep.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
    keep.sort_unstable();
    let mut joined: Vec<(u32, u32)> = Vec::new();
    for (a, b) in keep {
        match joined.last_mut() {
            Some(prev) if a <= prev.1 + 1 && a <= prev.1 => prev.1 = prev.1.max(b),
            _ => joined.push((a, b)),
        }
    }
    let mut out = Vec::new();
    let mut row = 0;
    for (a, b) in joined {
        out.extend((row..a).map(|r| (r, r)));
        out.push((a, b));
        row = b + 1;
    }
    out.extend((row..=last).map(|r| (r, r)));
    out
}

/// The text, shortened with a note when it would need a row taller than `max` points.
fn fit_height(value: &str, font: metrics::Font, widths: &[f64], max: f64) -> (String, f64) {
    let h = metrics::wrapped_height(value, font, widths);
    if h <= max {
        return (value.to_string(), h);
    }
    let note = kit::SHORTENED;
    let chars: Vec<char> = value.chars().collect();
    // The longest start of the text that fits with the note (binary search on its length).
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + note;
        if metrics::wrapped_height(&candidate, font, widths) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let shown = chars[..lo].iter().collect::<String>() + note;
    let h = metrics::wrapped_height(&shown, font, widths);
    (shown, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_every_row_once() {
        assert_eq!(blocks(4, &[]), vec![(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]);
        assert_eq!(blocks(5, &[(3, 5), (0, 1)]), vec![(0, 1), (2, 2), (3, 5)]);
        // Overlapping ranges join.
        assert_eq!(blocks(6, &[(1, 3), (2, 5)]), vec![(0, 0), (1, 5), (6, 6)]);
    }

    #[test]
    fn a_text_too_tall_for_a_row_is_shortened_with_a_note() {
        let font = metrics::Font::regular(12.0);
        let long = "Ghi chú rất dài về người này ".repeat(200);
        let (shown, h) = fit_height(&long, font, &[40.0], MAX_HEIGHT);
        assert!(shown.ends_with("xem ket-qua.json hoặc sổ gốc)"));
        assert_eq!(metrics::wrapped_height(&shown, font, &[40.0]), h);
        assert!(h <= MAX_HEIGHT);
        assert!(shown.len() > 500, "keeps as much as fits");
        let (short, h) = fit_height("ngắn", font, &[40.0], MAX_HEIGHT);
        assert_eq!((short.as_str(), h), ("ngắn", font.line_height()));
    }

    #[test]
    fn a_document_of_more_pages_than_excel_breaks_is_paginated_by_excel() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let style = super::super::Styles::new().cell;
        let mut sheet = Sheet::new(ws, &[10.0]).unwrap();
        // About 30 rows a page: 40 000 rows need more than 1 023 breaks.
        for r in 0..40_000 {
            sheet.text(r, 0, "x", &style).unwrap();
        }
        sheet.finish(&Page::default()).unwrap();
        assert!(wb.save_to_buffer().is_ok());
    }

    #[test]
    fn rows_get_the_height_of_their_tallest_text() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let style = super::super::Styles::new().cell;
        let mut sheet = Sheet::new(ws, &[10.0, 30.0]).unwrap();
        sheet.text(0, 0, "Ngắn", &style).unwrap();
        sheet
            .text(
                0,
                1,
                "Công chức Văn phòng - Thống kê kiêm nhiệm công tác tổng hợp",
                &style,
            )
            .unwrap();
        sheet
            .merge(1, 0, 2, 0, "Họ và tên của người", &style)
            .unwrap();
        let h = sheet.heights();
        assert!(h[&0] >= 2.0 * 15.75, "{h:?}");
        assert!(
            h[&1] + h[&2] >= metrics::wrapped_height("Họ và tên của người", style.font, &[10.0])
        );
    }

    /// The rows of the first sheet of a saved workbook, from its XML: number and height.
    fn saved_rows(wb: &mut rust_xlsxwriter::Workbook) -> Vec<(u32, Option<String>)> {
        use std::io::Read;
        let bytes = wb.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml.split("<row ")
            .skip(1)
            .map(|row| {
                let row = &row[..row.find('>').unwrap()];
                let attr = |name: &str| {
                    let at = row.split_whitespace().find_map(|a| a.strip_prefix(name))?;
                    let value = at.strip_prefix("=\"")?;
                    Some(value[..value.find('"')?].to_string())
                };
                (attr("r").unwrap().parse().unwrap(), attr("ht"))
            })
            .collect()
    }

    /// The rows that have a height of their own.
    fn saved_heights(wb: &mut rust_xlsxwriter::Workbook) -> Vec<(u32, String)> {
        let rows = saved_rows(wb);
        // Each row once, in order.
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "{rows:?}");
        rows.into_iter()
            .filter_map(|(r, ht)| Some((r, ht?)))
            .collect()
    }

    /// The same rows written through a sheet kept whole and through a sheet written row by row.
    fn write_rows(sheet: &mut Sheet, style: &Style) {
        let texts = [
            "Ngắn",
            "Công chức Văn phòng - Thống kê kiêm nhiệm công tác tổng hợp và thi đua khen thưởng",
            "",
            "Một ghi chú\nhai dòng",
        ];
        sheet
            .merge(
                0,
                0,
                0,
                1,
                "TIÊU ĐỀ RẤT DÀI CỦA MỘT DANH SÁCH NGƯỜI ĐẠT",
                style,
            )
            .unwrap();
        for r in 2..60u32 {
            sheet.number(r, 0, f64::from(r), style).unwrap();
            sheet
                .text(r, 1, texts[r as usize % texts.len()], style)
                .unwrap();
            if r % 7 == 0 {
                sheet.height(r, 30.0);
            }
        }
    }

    #[test]
    fn a_sheet_written_row_by_row_gets_the_heights_of_one_kept_whole() {
        let style = super::super::Styles::new().cell;
        let page = Page {
            landscape: true,
            repeat: Some((0, 0)),
            keep: vec![(0, 3)],
        };
        let mut whole = rust_xlsxwriter::Workbook::new();
        let mut sheet = Sheet::new(whole.add_worksheet(), &[8.0, 30.0]).unwrap();
        write_rows(&mut sheet, &style);
        sheet.finish(&page).unwrap();
        let mut streamed = rust_xlsxwriter::Workbook::new();
        let mut ws = streamed.new_worksheet_with_constant_memory().unwrap();
        let mut sheet = Sheet::streaming(&mut ws, &[8.0, 30.0]).unwrap();
        write_rows(&mut sheet, &style);
        sheet.finish(&page).unwrap();
        streamed.push_worksheet(ws);
        let expected = saved_heights(&mut whole);
        assert!(expected.len() > 50, "{expected:?}");
        assert!(expected.iter().any(|(_, h)| h != "15.75"), "some rows grow");
        assert_eq!(saved_heights(&mut streamed), expected);
    }

    #[test]
    fn a_sheet_written_row_by_row_refuses_what_it_cannot_do() {
        let style = super::super::Styles::new().cell;
        let mut wb = rust_xlsxwriter::Workbook::new();
        let mut ws = wb.new_worksheet_with_constant_memory().unwrap();
        let mut sheet = Sheet::streaming(&mut ws, &[10.0, 10.0]).unwrap();
        sheet.text(0, 0, "a", &style).unwrap();
        sheet.text(1, 0, "b", &style).unwrap();
        // Row 0 went to the package when row 1 began: writing to it again would be lost.
        assert!(sheet.text(0, 1, "c", &style).is_err());
        assert!(sheet.number(0, 1, 1.0, &style).is_err());
        // A cell merged over rows would need rows already gone.
        assert!(sheet.merge(2, 0, 3, 0, "d", &style).is_err());
        // The same row and later rows are still written.
        sheet.text(1, 1, "e", &style).unwrap();
        sheet.merge(4, 0, 4, 1, "f", &style).unwrap();
    }
}
