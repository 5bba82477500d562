//! Text metrics of Times New Roman, the font of every official document: how wide a text prints
//! and how many lines it takes when a cell wraps it. The writers use these to choose row heights
//! and wrapping, and the tests read the workbooks back and check them with the same numbers.

mod table;

/// A font of the official documents: Times New Roman at `size` points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
}

impl Font {
    pub const fn new(size: f64, bold: bool, italic: bool) -> Font {
        Font { size, bold, italic }
    }

    pub const fn regular(size: f64) -> Font {
        Font::new(size, false, false)
    }

    /// The height (points) of one line of text, as Excel sets it for this font (15,75 for 12
    /// points) rounded up to whole pixels (0,75 point).
    pub fn line_height(&self) -> f64 {
        let raw = self.size * 1.3125;
        (raw / 0.75).ceil() * 0.75
    }
}

/// Text is measured this much wider than the font's own widths: screens and printers round each
/// letter to whole pixels, which makes a line a little longer than the metrics say.
const SAFETY: f64 = 1.04;

/// Width of one character in points (0 for a combining mark; a character the table does not know
/// counts as one em, the widest letter).
pub fn char_width(c: char, font: Font) -> f64 {
    let code = u32::from(c);
    // The table begins with printable ASCII in order: most letters of a text are found at once.
    let found = if (0x20..0x7F).contains(&code) {
        Some((code - 0x20) as usize)
    } else {
        table::CHARS.binary_search(&code).ok()
    };
    let units = match found {
        Some(i) => match (font.bold, font.italic) {
            (false, false) => table::REGULAR[i],
            (true, false) => table::BOLD[i],
            (false, true) => table::ITALIC[i],
            (true, true) => table::BOLDITALIC[i],
        },
        // The table holds no combining mark (no mark comes before U+0300).
        None if code >= 0x300 && unicode_normalization::char::is_combining_mark(c) => return 0.0,
        None => 2048,
    };
    f64::from(units) / 2048.0 * font.size
}

/// Width of a text on one line, in points.
pub fn text_width(s: &str, font: Font) -> f64 {
    s.chars().map(|c| char_width(c, font)).sum::<f64>() * SAFETY
}

/// The room for text (points) in a cell spanning columns of these widths (Excel's units: a width
/// of `w` is `trunc(7w + 5)` pixels at 96 dpi), less the cell's padding on each side.
pub fn room(widths: &[f64]) -> f64 {
    room_in_pixels(widths.iter().map(|w| (w * 7.0 + 5.0).trunc()).sum())
}

/// The room for text (points) in cells `pixels` wide in all.
pub fn room_in_pixels(pixels: f64) -> f64 {
    ((pixels - 7.0) * 0.75).max(1.0)
}

/// The pixels of a column whose width is stored in a workbook's `<col width>` (the stored width
/// holds the cell's padding: 5.7109375 for a width of 5, 40 pixels).
pub fn stored_pixels(stored: f64) -> f64 {
    (stored * 7.0).round()
}

/// The narrowest column width (Excel's units) whose room holds `points` of text.
pub fn width_for(points: f64) -> f64 {
    // room = (trunc(7w + 5) - 7) * 0.75 >= points
    let pixels = (points / 0.75 + 7.0).ceil();
    ((pixels - 5.0) / 7.0 * 4.0).ceil() / 4.0
}

/// How many lines a text takes when a cell `width` points wide wraps it: at spaces, each word on
/// the line where it fits, a word longer than a line broken where the line ends, and a new line at
/// each line break of the text.
pub fn wrapped_lines(s: &str, font: Font, width: f64) -> usize {
    s.split('\n')
        .map(|line| paragraph_lines(line, font, width))
        .sum()
}

fn paragraph_lines(line: &str, font: Font, width: f64) -> usize {
    let space = char_width(' ', font) * SAFETY;
    let mut lines = 1;
    let mut used: Option<f64> = None; // None: the line is empty
    for word in line.split(' ') {
        let w = text_width(word, font);
        if let Some(u) = used {
            if u + space + w <= width {
                used = Some(u + space + w);
                continue;
            }
            lines += 1;
        }
        if w <= width {
            used = Some(w);
            continue;
        }
        // A word longer than the line is broken by letters.
        let mut u = 0.0;
        for c in word.chars() {
            let cw = char_width(c, font) * SAFETY;
            if u > 0.0 && u + cw > width {
                lines += 1;
                u = 0.0;
            }
            u += cw;
        }
        used = Some(u);
    }
    lines
}

/// Whether a text prints on one line in a cell of these column widths.
pub fn fits_one_line(s: &str, font: Font, widths: &[f64]) -> bool {
    fits_in(s, font, room(widths))
}

/// Whether a text prints on one line in `room` points (the room of a cell: [`room`]).
pub fn fits_in(s: &str, font: Font, room: f64) -> bool {
    !s.contains('\n') && text_width(s, font) <= room
}

/// The row height (points) a text needs in a wrapped cell of these column widths: a line height
/// per line, and a little room under several lines.
pub fn wrapped_height(s: &str, font: Font, widths: &[f64]) -> f64 {
    height_of_lines(wrapped_lines(s, font, room(widths)), font)
}

/// The row height (points) of `lines` lines of text.
pub fn height_of_lines(lines: usize, font: Font) -> f64 {
    let pad = if lines > 1 { 1.5 } else { 0.0 };
    lines as f64 * font.line_height() + pad
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: Font = Font::regular(12.0);

    #[test]
    fn widths_are_times_new_roman() {
        // Times New Roman: 'm' is 1593/2048 em, a digit half an em, a space a quarter.
        assert!((char_width('m', TEXT) - 1593.0 / 2048.0 * 12.0).abs() < 1e-9);
        assert!((char_width('5', TEXT) - 6.0).abs() < 1e-9);
        assert!((char_width(' ', TEXT) - 3.0).abs() < 1e-9);
        // A Vietnamese letter is as wide as its base letter, in either form.
        assert_eq!(char_width('ệ', TEXT), char_width('e', TEXT));
        assert_eq!(text_width("e\u{302}\u{323}", TEXT), text_width("e", TEXT));
        assert!(char_width('Đ', TEXT) > char_width('D', TEXT) * 0.99);
        // Bold is wider; an unknown character counts as an em.
        assert!(
            text_width("Nguyễn Văn An", Font::new(12.0, true, false))
                > text_width("Nguyễn Văn An", TEXT)
        );
        assert_eq!(char_width('漢', TEXT), 12.0);
        // Every character of the table is found, printable ASCII without a search.
        for (i, &code) in table::CHARS.iter().enumerate() {
            let c = char::from_u32(code).unwrap();
            assert_eq!(
                char_width(c, TEXT),
                f64::from(table::REGULAR[i]) / 2048.0 * 12.0
            );
        }
        assert_eq!(char_width('\u{7F}', TEXT), 12.0);
        assert_eq!(char_width('\u{301}', TEXT), 0.0);
        assert_eq!(TEXT.line_height(), 15.75);
        assert_eq!(Font::regular(14.0).line_height(), 18.75);
    }

    #[test]
    fn widths_round_trip_through_the_stored_width() {
        // rust_xlsxwriter stores a width of 5 as 5.7109375 (40 pixels).
        assert_eq!(stored_pixels(5.7109375), 40.0);
        assert_eq!(room_in_pixels(stored_pixels(5.7109375)), room(&[5.0]));
        for points in [10.0, 24.96, 75.3, 200.0] {
            let w = width_for(points);
            assert!(room(&[w]) >= points, "{points} in {w}");
            assert!(room(&[w - 0.25]) < points, "{w} is the narrowest");
        }
    }

    #[test]
    fn text_wraps_at_spaces() {
        let one = text_width("Công chức", TEXT);
        assert_eq!(wrapped_lines("Công chức", TEXT, one + 1.0), 1);
        assert_eq!(wrapped_lines("Công chức Công chức", TEXT, one + 1.0), 2);
        assert_eq!(wrapped_lines("Công chức\nVăn phòng", TEXT, 500.0), 2);
        assert_eq!(wrapped_lines("", TEXT, 10.0), 1);
        // A word longer than the line takes as many lines as its letters need.
        let long = "x".repeat(100);
        let w = text_width(&long, TEXT);
        let n = wrapped_lines(&long, TEXT, w / 4.0 + 1.0);
        assert!((4..=5).contains(&n), "{n}");
        assert_eq!(wrapped_lines(&long, TEXT, 1.0), 100);
    }

    #[test]
    fn more_text_never_needs_fewer_lines() {
        let words = "Nguyễn Thị Minh Khai Phó Trưởng phòng Văn hóa và Thông tin kiêm nhiệm";
        let mut last = 0;
        for end in words.char_indices().map(|(i, _)| i).chain([words.len()]) {
            let n = wrapped_lines(&words[..end], TEXT, 80.0);
            assert!(n >= last, "{:?}", &words[..end]);
            last = n;
        }
    }
}
