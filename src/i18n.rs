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

/// An English count with its noun in the right number: "1 file", "2 files", "1 person".
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
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

#[cfg(test)]
mod tests {
    #[test]
    fn english_counts_agree() {
        assert_eq!(super::count(1u32, "person", "people"), "1 person");
        assert_eq!(super::count(0u32, "person", "people"), "0 people");
        assert_eq!(super::count(2u64, "file", "files"), "2 files");
    }
}
