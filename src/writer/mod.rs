//! Writing the official workbooks (mẫu 06, mẫu 07, toàn quận, khen thưởng, templates) with the
//! look of an administrative document (Nghị định 30/2020): Times New Roman, A4 landscape, fitted
//! to the page width, the quốc hiệu / tiêu ngữ block, bordered tables with header rows repeated on
//! every printed page, and a signature block.
//!
//! Every text is written as a string (never a formula), so a name such as `=HYPERLINK("x")` stays
//! text, and within Excel's limit of 32 767 characters ([`kit::cell_text`]): every text cell goes
//! through [`text`] or [`merge_area`], every link through [`internal_link`] and every note (cell
//! comment) through [`note`]. Workbooks carry fixed document properties, so the same
//! inputs give the same bytes.

use crate::output::write_atomic;
use rust_xlsxwriter::{
    Chart, ChartFont, ChartType, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Note, Url, Workbook, Worksheet, XlsxError,
};
use std::path::Path;

pub const FONT: &str = "Times New Roman";
pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";
/// The motto of a Party document (Hướng dẫn 36-HD/VPTW).
pub const DANG_CONG_SAN: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

#[derive(Debug, thiserror::Error)]
pub enum WriterError {
    // Not a `#[source]`: the message already holds the library's words, once.
    #[error("không tạo được bảng tính / cannot build the workbook: {0}")]
    Xlsx(XlsxError),
    #[error(transparent)]
    Write(#[from] crate::output::WriteError),
    /// An output workbook that could not be built or written: which file, of which unit (or bloc,
    /// or list), and why (the source).
    #[error("không ghi được tệp {file} ({of}) / cannot write {file} ({of})")]
    Output {
        file: String,
        /// "đơn vị TCKH – Phòng Tài chính - Kế hoạch", "khối Chính quyền", …
        of: String,
        #[source]
        source: Box<WriterError>,
    },
}

impl From<XlsxError> for WriterError {
    fn from(e: XlsxError) -> WriterError {
        WriterError::Xlsx(e)
    }
}

impl WriterError {
    /// This error, naming the output file and what it is of (a unit, a bloc, the district…).
    pub fn of(self, file: &Path, of: &str) -> WriterError {
        WriterError::Output {
            file: file.display().to_string(),
            // A unit's name may be as long as a cell holds: the message keeps its start.
            of: kit::fit(of, 120),
            source: Box::new(self),
        }
    }
}

/// The formats of an official workbook.
pub struct Styles {
    pub base: Style,
    pub bold: Style,
    pub italic: Style,
    pub center: Style,
    pub bold_center: Style,
    pub italic_center: Style,
    pub title: Style,
    pub subtitle: Style,
    /// Underlined bold centre, for the unit name and the tiêu ngữ.
    pub underlined: Style,
    pub header: Style,
    pub cell: Style,
    pub cell_center: Style,
    pub cell_wrap: Style,
    pub int: Style,
    /// Scores: 286.5 shown with one decimal only when needed.
    pub score: Style,
    pub percent: Style,
    /// Whole đồng.
    pub money: Style,
    pub total_label: Style,
    pub total_int: Style,
    pub total_percent: Style,
    pub total_money: Style,
    pub date: Style,
    /// A note that says what a result lacks: italic, wrapped, dark red.
    pub note: Style,
}

impl Default for Styles {
    fn default() -> Self {
        Styles::new()
    }
}

/// The number styles of a table row: a body row's, or a total row's (bold).
pub struct NumberStyles<'a> {
    pub int: &'a Style,
    pub percent: &'a Style,
    pub money: &'a Style,
}

impl Styles {
    /// Every style, in a fixed order (a style added to [`Styles`] must be listed here: the
    /// pattern below names every field).
    pub fn all(&self) -> [&Style; 23] {
        let Styles {
            base,
            bold,
            italic,
            center,
            bold_center,
            italic_center,
            title,
            subtitle,
            underlined,
            header,
            cell,
            cell_center,
            cell_wrap,
            int,
            score,
            percent,
            money,
            total_label,
            total_int,
            total_percent,
            total_money,
            date,
            note,
        } = self;
        [
            base,
            bold,
            italic,
            center,
            bold_center,
            italic_center,
            title,
            subtitle,
            underlined,
            header,
            cell,
            cell_center,
            cell_wrap,
            int,
            score,
            percent,
            money,
            total_label,
            total_int,
            total_percent,
            total_money,
            date,
            note,
        ]
    }

    /// The number styles of a body row, or of a total row.
    pub fn numbers(&self, total: bool) -> NumberStyles<'_> {
        if total {
            NumberStyles {
                int: &self.total_int,
                percent: &self.total_percent,
                money: &self.total_money,
            }
        } else {
            NumberStyles {
                int: &self.int,
                percent: &self.percent,
                money: &self.money,
            }
        }
    }

    pub fn new() -> Styles {
        let base = Style::new(12);
        let cell = base
            .clone()
            .with(|f| f.set_border(FormatBorder::Thin))
            .set_align(FormatAlign::VerticalCenter);
        let bold_cell = cell.clone().set_bold();
        Styles {
            bold: base.clone().set_bold(),
            italic: base.clone().set_italic(),
            center: base.clone().set_align(FormatAlign::Center),
            bold_center: base.clone().set_bold().set_align(FormatAlign::Center),
            italic_center: base.clone().set_italic().set_align(FormatAlign::Center),
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            subtitle: base.clone().set_italic().set_align(FormatAlign::Center),
            underlined: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .with(|f| f.set_underline(rust_xlsxwriter::FormatUnderline::Single)),
            header: bold_cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            cell_center: cell.clone().set_align(FormatAlign::Center),
            cell_wrap: cell.clone().set_text_wrap(),
            int: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0"),
            score: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0.0"),
            percent: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0.0%"),
            money: cell.clone().set_num_format("#,##0"),
            total_label: bold_cell.clone().set_align(FormatAlign::Center),
            total_int: bold_cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0"),
            total_percent: bold_cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0.0%"),
            total_money: bold_cell.set_num_format("#,##0"),
            date: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("dd/mm/yyyy"),
            note: base
                .clone()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_font_color(0xC00000),
            cell,
            base,
        }
    }
}

/// A new workbook with fixed document properties (for byte-identical output).
pub fn new_workbook(title: &str) -> Workbook {
    let mut wb = Workbook::new();
    // The fastest deflate: a quarter writes thousands of small workbooks, and the saving of a
    // stronger compression (a few KB a file) is not worth its time.
    wb.set_zip_compression_level(1);
    let created = ExcelDateTime::from_ymd(2023, 1, 1).expect("a valid date");
    let props = DocProperties::new()
        // Titles name a unit: kept to the length of a short text.
        .set_title(kit::fit(title, kit::SHORT_TEXT_MAX))
        .set_author("danhgia")
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    wb
}

/// A column chart of đạt rates in the official font: its title, the categories' font, and the
/// value axis from 0 % to 100 % (an axis starting near the lowest rate would exaggerate the
/// differences). Returns the chart and the font of its labels, for the series to use.
pub fn rate_chart(title: &str, title_size: u16, label_size: u16) -> (Chart, ChartFont) {
    let mut chart = Chart::new(ChartType::Column);
    let mut font = ChartFont::new();
    font.set_name(FONT).set_size(label_size);
    chart.title().set_name(title).set_font(
        ChartFont::new()
            .set_name(FONT)
            .set_size(title_size)
            .set_bold(),
    );
    chart.x_axis().set_font(&font);
    chart
        .y_axis()
        .set_num_format("0%")
        .set_font(&font)
        .set_min(0.0)
        .set_max(1.0);
    (chart, font)
}

/// A4 landscape, fitted to one page wide, centred, with `header_rows` repeated on every page.
pub fn official_page(ws: &mut Worksheet, header_rows: Option<(u32, u32)>) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    if let Some((a, b)) = header_rows {
        ws.set_repeat_rows(a, b)?;
    }
    Ok(())
}

/// The heading block of an official document (SPEC §8), from row `row`: the superior body and
/// the issuing body on the left (columns `left`), the national or Party motto on the right
/// (columns `right`), the number line under the issuer and the place and date on the right.
/// State format (Nghị định 30/2020): "UBND QUẬN …" / **issuing body** (underlined) / "Số: …";
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / **Độc lập - Tự do - Hạnh phúc** / place, date.
/// Party format (Hướng dẫn 36-HD/VPTW): "ĐẢNG BỘ …" / **issuing body** / "*" / "Số …";
/// **ĐẢNG CỘNG SẢN VIỆT NAM** (underlined) / place, date. Returns the next free row.
pub fn official_heading(
    sheet: &mut sheet::Sheet,
    s: &Styles,
    row: u32,
    h: &crate::documents::Heading,
    left: (u16, u16),
    right: (u16, u16),
) -> Result<u32, XlsxError> {
    use crate::profile::DocFormat;
    use rust_xlsxwriter::FormatAlign;
    // Sizes of Nghị định 30/2020 (Phụ lục I): names and quốc hiệu 12–13, tiêu ngữ, number,
    // place and date 13–14; every cell aligned to the top, so that a long name that wraps never
    // pushes the other side's lines apart.
    let top = |st: &Style| st.clone().set_align(FormatAlign::Top);
    let upper = top(&s.center);
    let bold = top(&s.bold_center);
    let underlined = top(&s.underlined);
    let motto = top(&s.underlined).set_font_size(13);
    let number = top(&s.center).set_font_size(13);
    let date = top(&s.italic_center).set_font_size(13);
    sheet.merge(row, left.0, row, left.1, &h.superior, &upper)?;
    match h.format {
        DocFormat::State => {
            sheet.merge(row, right.0, row, right.1, QUOC_HIEU, &bold)?;
            sheet.merge(row + 1, left.0, row + 1, left.1, &h.body, &underlined)?;
            sheet.merge(row + 1, right.0, row + 1, right.1, TIEU_NGU, &motto)?;
            sheet.merge(row + 2, left.0, row + 2, left.1, &h.number, &number)?;
            sheet.merge(row + 2, right.0, row + 2, right.1, &h.place_date, &date)?;
            Ok(row + 4)
        }
        DocFormat::Party => {
            // Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM" larger, bold, underlined.
            let party = top(&s.underlined).set_font_size(14);
            sheet.merge(row, right.0, row, right.1, DANG_CONG_SAN, &party)?;
            sheet.merge(row + 1, left.0, row + 1, left.1, &h.body, &bold)?;
            sheet.merge(row + 2, left.0, row + 2, left.1, "*", &upper)?;
            sheet.merge(row + 2, right.0, row + 2, right.1, &h.place_date, &date)?;
            sheet.merge(row + 3, left.0, row + 3, left.1, &h.number, &number)?;
            Ok(row + 5)
        }
    }
}

/// The heading block of a document issued without a number (a campaign's check): the issuing
/// body on the left (its superior above, itself in bold and underlined), the quốc hiệu and tiêu
/// ngữ on the right, then the place and date under them. Columns `0..=left_last` hold the left
/// part, `right_first..=last` the right. Returns the next free row.
#[allow(clippy::too_many_arguments)]
pub fn national_header(
    sheet: &mut sheet::Sheet,
    s: &Styles,
    row: u32,
    superior: &str,
    body: &str,
    left_last: u16,
    right_first: u16,
    last: u16,
    place_date: &str,
) -> Result<u32, XlsxError> {
    sheet.merge(row, 0, row, left_last, &superior.to_uppercase(), &s.center)?;
    sheet.merge(row, right_first, row, last, QUOC_HIEU, &s.bold_center)?;
    sheet.merge(
        row + 1,
        0,
        row + 1,
        left_last,
        &body.to_uppercase(),
        &s.underlined,
    )?;
    sheet.merge(row + 1, right_first, row + 1, last, TIEU_NGU, &s.underlined)?;
    sheet.merge(
        row + 2,
        right_first,
        row + 2,
        last,
        place_date,
        &s.italic_center,
    )?;
    Ok(row + 4)
}

/// The signature block of an official document, from row `row`: the preparer on the left
/// (columns `left`), the signer on the right, each with the words under the title, and room to
/// sign. Returns the row after it.
pub fn signature_block(
    sheet: &mut sheet::Sheet,
    s: &Styles,
    row: u32,
    left: (u16, u16),
    right: (u16, u16),
    left_title: &str,
    right_title: &str,
) -> Result<u32, XlsxError> {
    sheet.merge(row, left.0, row, left.1, left_title, &s.bold_center)?;
    sheet.merge(row, right.0, row, right.1, right_title, &s.bold_center)?;
    sheet.merge(
        row + 1,
        left.0,
        row + 1,
        left.1,
        "(Ký, ghi rõ họ tên)",
        &s.italic_center,
    )?;
    sheet.merge(
        row + 1,
        right.0,
        row + 1,
        right.1,
        "(Ký, ghi rõ họ tên, đóng dấu)",
        &s.italic_center,
    )?;
    // Room to sign and stamp.
    for r in row + 2..row + 6 {
        sheet.height(r, 15.75);
    }
    Ok(row + 6)
}

/// Writes text across merged columns (or one cell), always as a string.
pub fn merge_text(
    ws: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    merge_area(ws, row, first, row, last, text, format)
}

/// Writes text across a merged area of rows and columns (or one cell), always as a string and
/// within Excel's limit ([`kit::cell_text`]).
pub fn merge_area(
    ws: &mut Worksheet,
    first_row: u32,
    first_col: u16,
    last_row: u32,
    last_col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if (first_row, first_col) == (last_row, last_col) {
        return text(ws, first_row, first_col, value, format);
    }
    let value = kit::cell_text(value);
    ws.merge_range(first_row, first_col, last_row, last_col, &value, format)?;
    Ok(())
}

/// Writes a text cell: always a string, so text that looks like a formula stays text, and within
/// Excel's limit: a longer text is shortened and ends with [`kit::SHORTENED`].
pub fn text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let value = kit::cell_text(value);
    ws.write_string_with_format(row, col, &*value, format)?;
    Ok(())
}

/// Writes a link to a cell of this workbook (`sheet`, `cell` as `A1`) showing `value`: the text
/// within Excel's limit, like [`text`].
pub fn internal_link(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    (sheet, cell): (&str, &str),
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let target = format!("internal:'{}'!{cell}", sheet.replace('\'', "''"));
    let url = Url::new(target).set_text(kit::cell_text(value).into_owned());
    ws.write_url_with_format(row, col, url, format)?;
    Ok(())
}

/// The longest text of a note: Excel's limit on a cell's text, less the room the library keeps
/// for an author's name.
pub const NOTE_TEXT_MAX: usize = kit::CELL_TEXT_MAX - 54;

/// The width of a note (pixels) as it opens over the sheet.
const NOTE_WIDTH: u32 = 380;

/// Attaches a note (a cell comment, shown when the pointer rests on the cell) holding `value`:
/// shortened to [`NOTE_TEXT_MAX`] with [`kit::SHORTENED`] when longer, in Times New Roman 11,
/// its box tall enough for the text (up to a screen's height).
pub fn note(ws: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    let value = kit::shorten(value, NOTE_TEXT_MAX, kit::SHORTENED);
    let font = metrics::Font::regular(11.0);
    let room = (f64::from(NOTE_WIDTH) - 12.0) * 0.75;
    let lines = metrics::wrapped_lines(&value, font, room) as f64;
    let height = (lines * font.line_height() / 0.75 + 14.0).clamp(40.0, 720.0);
    let n = Note::new(value.as_ref())
        .set_author("danhgia")
        .add_author_prefix(false)
        .set_font_name(FONT)
        .set_font_size(11)
        .set_width(NOTE_WIDTH)
        .set_height(height as u32);
    ws.insert_note(row, col, &n)?;
    Ok(())
}

/// A table's header row: the labels from column 0, in the header format.
pub fn header_row(
    ws: &mut Worksheet,
    format: &Format,
    row: u32,
    labels: &[&str],
) -> Result<(), XlsxError> {
    for (col, label) in labels.iter().enumerate() {
        text(ws, row, col as u16, label, format)?;
    }
    Ok(())
}

/// Saves a workbook atomically (temporary file, then rename).
pub fn save(wb: &mut Workbook, path: &Path) -> Result<(), WriterError> {
    let bytes = wb.save_to_buffer()?;
    write_atomic(path, &bytes)?;
    Ok(())
}

/// A file name made from a unit code: letters, digits, `-` and `_` only, never a path.
pub fn safe_file_stem(code: &str) -> String {
    let key = crate::text::key(code).replace(' ', "-");
    let cleaned: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(60)
        .collect();
    let cleaned = cleaned.trim_matches('-').to_string();
    if cleaned.is_empty() {
        "don-vi".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_cannot_leave_the_folder() {
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_stem("TCKH"), "tckh");
        assert_eq!(safe_file_stem("Phòng Nội vụ"), "phong-noi-vu");
        assert_eq!(safe_file_stem("///"), "don-vi");
        assert!(!safe_file_stem("a/b\\c:d").contains(['/', '\\', ':']));
    }
}
pub mod bat_thuong;
pub mod danh_sach_don_vi;
pub mod de_nghi;
pub mod guide;
pub mod khen_thuong;
pub mod kit;
pub mod mau06;
pub mod mau07;
pub mod metrics;
pub mod nam;
pub mod phieu;
pub mod sheet;
pub mod style;
pub mod template;
pub mod toan_quan;
pub mod tra_lai;

pub use style::Style;
