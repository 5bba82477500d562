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
}

impl Style {
    /// Times New Roman at `size` points.
    pub fn new(size: u8) -> Style {
        Style {
            format: Format::new().set_font_name(super::FONT).set_font_size(size),
            font: Font::regular(f64::from(size)),
            wrap: false,
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

    pub fn set_num_format(self, code: &str) -> Style {
        self.with(|f| f.set_num_format(code))
    }
}

impl Deref for Style {
    type Target = Format;
    fn deref(&self) -> &Format {
        &self.format
    }
}
