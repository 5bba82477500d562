//! A cell style of the official documents: the cell format and the font it prints in, so that the
//! layout ([`super::sheet::Sheet`]) can measure what a cell holds.

use super::metrics::Font;
use rust_xlsxwriter::{Color, Format, FormatAlign};
use std::ops::Deref;

#[derive(Clone)]
pub struct Style {
    format: Format,
    pub font: Font,
    pub wrap: bool,
    /// The number format, to measure how wide a number prints ("0", "0.0%", "#,##0"…).
    pub num_format: Option<String>,
}

impl Style {
    /// Times New Roman at `size` points.
    pub fn new(size: u8) -> Style {
        Style {
            format: Format::new().set_font_name(super::FONT).set_font_size(size),
            font: Font::regular(f64::from(size)),
            wrap: false,
            num_format: None,
        }
    }

    /// The cell format.
    pub fn format(&self) -> &Format {
        &self.format
    }

    /// The same style with the format changed by `f` (alignment, borders, number format,
    /// colour: whatever does not change how wide the text prints).
    pub fn with(self, f: impl FnOnce(Format) -> Format) -> Style {
        Style {
            format: f(self.format),
            ..self
        }
    }

    pub fn set_bold(mut self) -> Style {
        self.font.bold = true;
        self.with(Format::set_bold)
    }

    pub fn set_italic(mut self) -> Style {
        self.font.italic = true;
        self.with(Format::set_italic)
    }

    pub fn set_font_size(mut self, size: u8) -> Style {
        self.font.size = f64::from(size);
        self.with(|f| f.set_font_size(size))
    }

    pub fn set_text_wrap(mut self) -> Style {
        self.wrap = true;
        self.with(Format::set_text_wrap)
    }

    pub fn set_align(self, align: FormatAlign) -> Style {
        self.with(|f| f.set_align(align))
    }

    pub fn set_font_color(self, color: impl Into<Color>) -> Style {
        self.with(|f| f.set_font_color(color))
    }

    pub fn set_background_color(self, color: impl Into<Color>) -> Style {
        self.with(|f| f.set_background_color(color))
    }

    pub fn set_unlocked(self) -> Style {
        self.with(Format::set_unlocked)
    }

    pub fn set_border_bottom(self, border: rust_xlsxwriter::FormatBorder) -> Style {
        self.with(|f| f.set_border_bottom(border))
    }

    pub fn set_num_format(mut self, code: &str) -> Style {
        self.num_format = Some(code.to_string());
        self.with(|f| f.set_num_format(code))
    }

    /// The text a number shows in this style's format (the formats the writers use; others as
    /// Excel's General).
    pub fn shown(&self, n: f64) -> String {
        shown(n, self.num_format.as_deref().unwrap_or("General"))
    }
}

/// The text a number shows in a number format.
pub fn shown(n: f64, format: &str) -> String {
    // A whole number (counts, đồng) is written without the float formatting.
    let whole = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 9e15 {
            (v as i64).to_string()
        } else {
            format!("{v:.0}")
        }
    };
    let grouped = |v: f64| {
        let digits = whole(v.abs());
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            format!("-{out}")
        } else {
            out
        }
    };
    match format {
        "0" => whole(n),
        "0.0" => format!("{n:.1}"),
        "0%" => format!("{:.0}%", n * 100.0),
        "0.0%" => format!("{:.1}%", n * 100.0),
        "#,##0" => grouped(n),
        f if f.contains("dd/mm/yyyy") => "00/00/0000".to_string(),
        _ if n.fract() == 0.0 => whole(n),
        _ => format!("{n}"),
    }
}

impl Deref for Style {
    type Target = Format;
    fn deref(&self) -> &Format {
        &self.format
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn numbers_show_as_their_format_prints_them() {
        assert_eq!(shown(1_500_000.0, "#,##0"), "1,500,000");
        assert_eq!(shown(-1_234.0, "#,##0"), "-1,234");
        assert_eq!(shown(999.0, "#,##0"), "999");
        assert_eq!(shown(-3.0, "0"), "-3");
        assert_eq!(shown(12.0, "General"), "12");
        assert_eq!(shown(286.5, "General"), "286.5");
        assert_eq!(shown(286.5, "0.0"), "286.5");
        assert_eq!(shown(0.125, "0.0%"), "12.5%");
        assert_eq!(shown(0.5, "0%"), "50%");
        // Beyond the whole numbers f64 holds exactly, the float formatting is kept.
        assert_eq!(shown(1e16, "0"), "10000000000000000");
    }
}
