//! The language of user-facing text: Vietnamese by default, English with `--lang en`.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    /// Tiếng Việt
    #[default]
    Vi,
    /// English
    En,
}

impl Lang {
    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A text in both languages, chosen at output time.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $vi:expr, $en:expr) => {
        match $lang {
            $crate::i18n::Lang::Vi => $vi,
            $crate::i18n::Lang::En => $en,
        }
    };
}
