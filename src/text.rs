//! Text helpers shared by the readers: name normalisation and parsing of the values units type.
//! Everything here is pure.

use crate::model::{Quarter, Rating, Scale, Score, Total};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::str::FromStr;
use unicode_normalization::char::decompose_canonical;
use unicode_normalization::UnicodeNormalization;

/// A key for comparing names: lower case, no diacritics (đ → d), every run of characters that are
/// not letters or digits folded to one space, trimmed. "Thanh tra, kiểm tra" → "thanh tra kiem tra".
/// Works the same on NFC and NFD input.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let mut push = |b: char| {
            if b.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                for l in b.to_lowercase() {
                    out.push(l);
                }
            } else {
                pending_space = true;
            }
        };
        if c.is_ascii() {
            push(c);
            continue;
        }
        match c {
            'đ' | 'Đ' => push('d'),
            _ => {
                // Keep the base letter of the canonical decomposition, drop combining marks.
                let mut base = None;
                decompose_canonical(c, |d| {
                    if base.is_none() && !is_combining_mark(d) {
                        base = Some(d);
                    }
                });
                match base {
                    Some(b) => push(b),
                    None if is_combining_mark(c) => {}
                    None => push(c),
                }
            }
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// A key for comparing what must match as written, such as a `Mã CB` or, where a person is
/// followed, a name: Unicode NFC, lower case, every run of whitespace one space, trimmed. Unlike
/// [`key`], diacritics and punctuation count: "An" and "Ân", "Đ01" and "D01", "CB-1" and "CB 1"
/// differ; "NGUYỄN  VĂN ÂN" and "Nguyễn Văn Ân" (NFC or NFD) do not, nor do the two places of a
/// tone mark in `oa`, `oe`, `uy` ending a word ("Thùy", "Thuỳ").
pub fn exact_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    exact_key_into(s, &mut out);
    out
}

/// [`exact_key`]`(s)` appended to `out`, without allocating when `s` is ASCII or NFC and its
/// lower case is too.
pub fn exact_key_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            pending_space = true;
            return;
        }
        if pending_space && out.len() > start {
            out.push(' ');
        }
        pending_space = false;
        out.extend(c.to_lowercase());
    };
    let nfc = |t: &str| {
        t.is_ascii()
            || unicode_normalization::is_nfc_quick(t.chars())
                == unicode_normalization::IsNormalized::Yes
    };
    if nfc(s) {
        for c in s.chars() {
            push(c, out);
        }
        if s.is_ascii() {
            return;
        }
    } else {
        for c in s.nfc() {
            push(c, out);
        }
    }
    // Lower case keeps Vietnamese letters composed; anything else is composed again.
    if !nfc(&out[start..]) {
        let composed: String = out[start..].nfc().collect();
        out.truncate(start);
        out.push_str(&composed);
    }
    tone_on_last_vowel(out, start);
}

/// The tone mark of an open syllable ending in `oa`, `oe` or `uy` put on its last vowel, in
/// `out[start..]` (lower case, NFC): the two ways of writing such a syllable, "hoà"/"hòa",
/// "khoẻ"/"khỏe", "Thuỳ"/"Thùy", are one name written in the old and the new convention.
fn tone_on_last_vowel(out: &mut String, start: usize) {
    // The vowel with a tone: the vowel, and the tone as a combining mark.
    fn toned(c: char) -> Option<(char, char)> {
        Some(match c {
            'ò' => ('o', '\u{300}'),
            'ó' => ('o', '\u{301}'),
            'ỏ' => ('o', '\u{309}'),
            'õ' => ('o', '\u{303}'),
            'ọ' => ('o', '\u{323}'),
            'ù' => ('u', '\u{300}'),
            'ú' => ('u', '\u{301}'),
            'ủ' => ('u', '\u{309}'),
            'ũ' => ('u', '\u{303}'),
            'ụ' => ('u', '\u{323}'),
            _ => return None,
        })
    }
    let s = &out[start..];
    if s.is_ascii() {
        return;
    }
    // Built only when a syllable is found to move a mark in (most names have none).
    let mut fixed: Option<String> = None;
    let mut copied = 0;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        let Some((vowel, tone)) = toned(c) else {
            continue;
        };
        let after = i + c.len_utf8();
        let mut rest = s[after..].chars();
        let Some(next) = rest.next() else {
            continue;
        };
        let glide = matches!((vowel, next), ('o', 'a' | 'e') | ('u', 'y'));
        if !glide || rest.next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let buf = fixed.get_or_insert_with(|| String::with_capacity(s.len() + 4));
        buf.push_str(&s[copied..i]);
        buf.push(vowel);
        buf.extend([next, tone].into_iter().nfc());
        copied = after + next.len_utf8();
        chars.next();
    }
    if let Some(mut buf) = fixed {
        buf.push_str(&s[copied..]);
        out.truncate(start);
        out.push_str(&buf);
    }
}

/// A key for sheet names: as [`key`], with leading zeros of numbers dropped and "mẫu số" read as
/// "mẫu", so `Mẫu 4`, `MẪU 04` and `Mẫu số 04` name the same sheet.
pub fn sheet_key(s: &str) -> String {
    key(s)
        .replace("mau so ", "mau ")
        .split(' ')
        .map(|w| {
            let t = w.trim_start_matches('0');
            if t.is_empty() || !w.bytes().all(|b| b.is_ascii_digit()) {
                w
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same key with the spaces removed: "H T X S N V" and "HTXSNV" compare equal.
pub fn compact_key(s: &str) -> String {
    key(s).replace(' ', "")
}

/// Unicode NFC, trimmed.
pub fn tidy(s: &str) -> String {
    let t = s.trim();
    if t.is_ascii()
        || unicode_normalization::is_nfc_quick(t.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        t.to_string()
    } else {
        t.nfc().collect()
    }
}

/// Monthly rating from any accepted spelling (SPEC §2).
pub fn parse_rating(s: &str) -> Option<Rating> {
    let t = s.trim();
    // Only letters, spaces and the dot of "K.HTNV": "A+", "B-", "a)" are no ratings of the table.
    if !t
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '.')
    {
        return None;
    }
    // A single letter is one of Hà Nội's grades A–D; "Đ" is not "D".
    if t.chars().count() == 1 && !matches!(t, "A" | "a" | "B" | "b" | "C" | "c" | "D" | "d") {
        return None;
    }
    let k = compact_key(s);
    Some(match k.as_str() {
        "htxsnv" | "htxs" | "hoanthanhxuatsacnhiemvu" | "hoanthanhxuatsac" | "xuatsac" | "a" => {
            Rating::XuatSac
        }
        "httnv" | "htttnv" | "htt" | "hoanthanhtotnhiemvu" | "hoanthanhtot" | "tot" | "b" => {
            Rating::Tot
        }
        "htnv" | "ht" | "hoanthanhnhiemvu" | "hoanthanh" | "c" => Rating::HoanThanh,
        "khtnv" | "kht" | "khonghoanthanhnhiemvu" | "khonghoanthanh" | "d" => {
            Rating::KhongHoanThanh
        }
        // "Không" or "K." before any spelling of "hoàn thành": Không HTNV, K.HTNV, Không HT.
        other => {
            let rest = other
                .strip_prefix("khong")
                .or_else(|| other.strip_prefix('k'))?;
            match rest {
                "htnv" | "ht" | "hoanthanhnhiemvu" | "hoanthanh" => Rating::KhongHoanThanh,
                _ => return None,
            }
        }
    })
}

/// A number of days in steps of half a day ("2,5", "3", "0.5"), as a count of half days.
pub fn parse_half_days(s: &str) -> Option<u32> {
    half_days_of(decimal_text(s)?)
}

/// A plain decimal typed as text, with a comma or a dot: " 9,5 ", "3", "0.5". No sign, no
/// thousands separators, no exponent.
fn decimal_text(s: &str) -> Option<Decimal> {
    let t = s.trim().replace(',', ".");
    let valid = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|&c| c == '.').count() <= 1
        && t.chars().any(|c| c.is_ascii_digit());
    valid.then(|| Decimal::from_str(&t).ok()).flatten()
}

/// A number read from a cell as a count of half days, when it is a whole or half number.
pub fn half_days_from_f64(x: f64) -> Option<u32> {
    if !x.is_finite() || !(0.0..=366.0).contains(&x) {
        return None;
    }
    let hp = x * 2.0;
    ((hp - hp.round()).abs() < 1e-9).then_some(hp.round() as u32)
}

fn half_days_of(d: Decimal) -> Option<u32> {
    if d.is_sign_negative() || d > Decimal::from(366) {
        return None;
    }
    let hp = d * Decimal::TWO;
    hp.fract().is_zero().then(|| hp.to_u32()).flatten()
}

/// Half days written the Vietnamese way: 5 → "2,5", 6 → "3".
pub fn fmt_half_days(hd: u32) -> String {
    if hd % 2 == 0 {
        (hd / 2).to_string()
    } else {
        format!("{},5", hd / 2)
    }
}

/// Why a score cell could not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreError {
    NotNumber,
    OutOfRange,
    Step,
}

/// A score from a number read from a cell: on the profile's scale, in steps of 0.5.
pub fn score_from_f64(x: f64, scale: Scale) -> Result<Score, ScoreError> {
    if !x.is_finite() {
        return Err(ScoreError::NotNumber);
    }
    // The bounds are whole or half numbers: exact as f64.
    let (lo, hi) = (f64::from(scale.min.0) / 2.0, f64::from(scale.max.0) / 2.0);
    if !(lo..=hi).contains(&x) {
        return Err(ScoreError::OutOfRange);
    }
    let hp = x * 2.0;
    let r = hp.round();
    if (hp - r).abs() > 1e-9 {
        return Err(ScoreError::Step);
    }
    Ok(Score(r as u16))
}

/// A score typed as text: " 10 ", "9,5", "9.5", on the profile's scale. Exact decimal
/// arithmetic.
pub fn parse_score(s: &str, scale: Scale) -> Result<Score, ScoreError> {
    let d = decimal_text(s).ok_or(ScoreError::NotNumber)?;
    let hp = d.checked_mul(Decimal::TWO).ok_or(ScoreError::OutOfRange)?;
    if hp < Decimal::from(scale.min.0) || hp > Decimal::from(scale.max.0) {
        return Err(ScoreError::OutOfRange);
    }
    if !hp.fract().is_zero() {
        return Err(ScoreError::Step);
    }
    hp.to_u16().map(Score).ok_or(ScoreError::OutOfRange)
}

/// A total of scores typed as text ("286,5", "290"), exact, in half points; `None` unless it
/// is a whole or half number of at most `max_points`.
pub fn parse_total(s: &str, max_points: u32) -> Option<Total> {
    let hp = decimal_text(s)?.checked_mul(Decimal::TWO)?;
    (hp.fract().is_zero() && hp <= Decimal::from(max_points) * Decimal::TWO)
        .then(|| hp.to_u32().map(Total))
        .flatten()
}

/// A quarter as units write it: `I/2024`, `Quý I/2024`, `1/2024`, `2024-Q1`, `Q1/2024`, `Quý 1 năm 2024`.
pub fn parse_quarter(s: &str) -> Option<Quarter> {
    let k = key(s);
    let words: Vec<&str> = k
        .split(' ')
        .filter(|w| !matches!(*w, "quy" | "nam"))
        .collect();
    let roman = |w: &str| -> Option<u8> {
        match w {
            "i" | "1" | "q1" => Some(1),
            "ii" | "2" | "q2" => Some(2),
            "iii" | "3" | "q3" => Some(3),
            "iv" | "4" | "q4" => Some(4),
            _ => None,
        }
    };
    let year = |w: &str| -> Option<i32> {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    match words.as_slice() {
        [a, b] => {
            if let (Some(q), Some(y)) = (roman(a), year(b)) {
                return Quarter::new(y, q);
            }
            if let (Some(y), Some(q)) = (year(a), roman(b)) {
                return Quarter::new(y, q);
            }
            None
        }
        [a] => {
            // "2024q1"
            let (y, q) = a.split_once('q')?;
            Quarter::new(year(y)?, roman(q)?)
        }
        _ => None,
    }
}

/// A quarter named in a title such as "… QUÝ I NĂM 2024" or "Quý II/2024".
pub fn quarter_in_title(s: &str) -> Option<Quarter> {
    let k = key(s);
    let words: Vec<&str> = k.split(' ').collect();
    // Each "quý" in turn: "… quý báu … QUÝ I NĂM 2024" names the second.
    words.iter().enumerate().find_map(|(at, w)| {
        if *w != "quy" {
            return None;
        }
        let rest: Vec<&str> = words[at + 1..]
            .iter()
            .copied()
            .filter(|w| *w != "nam")
            .take(2)
            .collect();
        (rest.len() == 2)
            .then(|| parse_quarter(&format!("{} {}", rest[0], rest[1])))
            .flatten()
    })
}

/// A summary row in a column of people's names ("Tổng cộng", "Cộng", "Tổng số: 12"), told apart
/// from people named "Tống Công …" or "Tống Sơn …" by the diacritics; a label typed without any
/// is a summary only when it holds nothing but summary words and numbers.
pub fn is_summary_name(name: &str) -> bool {
    let lower = tidy(name).to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if name.is_ascii() {
        let summary_word = |w: &&str| {
            ["tong", "cong", "so", "nguoi", "chung"].contains(w)
                || w.bytes().all(|b| b.is_ascii_digit())
        };
        return matches!(words.first(), Some(&"tong" | &"cong")) && words.iter().all(summary_word);
    }
    match words.as_slice() {
        ["cộng", ..] | ["tổng"] => true,
        ["tổng", second, ..] => ["cộng", "số", "chung", "toàn"].contains(second),
        _ => false,
    }
}

/// A date typed as text: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd`.
pub fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (d, m, y) = if parts[0].len() == 4 {
        (n[2], n[1], n[0])
    } else if parts[2].len() == 4 {
        (n[0], n[1], n[2])
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// An Excel serial day number (1900 date system) as a date.
pub fn date_from_serial(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || !(1.0..2_958_466.0).contains(&x) {
        return None;
    }
    let days = x.floor() as i64;
    // Serial 60 is the phantom 29/02/1900; 61 and later are one day ahead of a true count.
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if days < 61 { days + 1 } else { days };
    base.checked_add_signed(chrono::Duration::days(days))
}

/// "x", "có", any text except "không"/"ko"/"0" counts as yes; blank is no.
pub fn is_yes(s: &str) -> bool {
    let k = key(s);
    let no = k.is_empty()
        || matches!(k.as_str(), "ko" | "k" | "0" | "no" | "none" | "nil")
        || k == "khong"
        || k.starts_with("khong ");
    !no
}

/// A month header: "Tháng 4", "T4", "Tháng 04", "Tháng 4/2024", "Tháng 4 năm 2024". Returns the month.
pub fn parse_month_header(s: &str) -> Option<u32> {
    let k = key(s);
    let mut words = k.split(' ');
    let first = words.next()?;
    let month_word = if first == "thang" {
        words.next()?
    } else {
        first.strip_prefix('t')?
    };
    if month_word.is_empty()
        || month_word.len() > 2
        || !month_word.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let m: u32 = month_word.parse().ok()?;
    // What may follow: a year, optionally after "nam".
    let rest: Vec<&str> = words.filter(|w| *w != "nam").collect();
    let ok_rest = match rest.as_slice() {
        [] => true,
        [y] => y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    };
    ((1..=12).contains(&m) && ok_rest).then_some(m)
}

/// The zero-based (row, column) of an A1 address ("B5", "$AB$12"); `None` when it is none.
pub fn parse_a1(a: &str) -> Option<(u32, u32)> {
    let a = a.trim().replace('$', "");
    let split = a.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = a.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1));
    let row: u32 = digits.parse().ok()?;
    (row >= 1).then(|| (row - 1, col - 1))
}

/// Text from cells, made safe for a terminal (SPEC §8 "Terminal-safe"): control characters —
/// an escape sequence that would move the cursor or forge a line — are shown escaped (`\u{1b}`).
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// A1 address of a zero-based (row, column).
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push((b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn summary_rows_and_people_named_tong() {
        for s in ["Tổng cộng", "TỔNG SỐ: 12 người", "Cộng", "tong cong"] {
            assert!(is_summary_name(s), "{s}");
        }
        for s in [
            "Tống Công Minh",
            "TỐNG SƠN HẢI",
            "Công Thị Hoa",
            "tong van hai",
        ] {
            assert!(!is_summary_name(s), "{s}");
        }
    }

    use super::*;

    #[test]
    fn keys_fold_case_diacritics_and_spacing() {
        assert_eq!(key("Thanh tra, kiểm tra"), "thanh tra kiem tra");
        assert_eq!(key("  TỔNG SỐ CBCCVC,  NLĐ "), "tong so cbccvc nld");
        let nfd: String = "Họ và tên".nfd().collect();
        assert_eq!(key(&nfd), "ho va ten");
        assert_eq!(key("Mẫu 04"), "mau 04");
        assert_eq!(key("Đảng - Đoàn thể"), "dang doan the");
    }

    #[test]
    fn exact_keys_keep_diacritics_and_punctuation() {
        let nfd: String = "Nguyễn Văn Ân".nfd().collect();
        for same in [
            "Nguyễn Văn Ân",
            "  NGUYỄN   VĂN ÂN ",
            "nguyễn\u{a0}văn\tân",
            nfd.as_str(),
        ] {
            assert_eq!(exact_key(same), "nguyễn văn ân", "{same:?}");
        }
        assert_ne!(exact_key("Nguyễn Văn An"), exact_key("Nguyễn Văn Ân"));
        assert_ne!(exact_key("Nguyen Van An"), exact_key("Nguyễn Văn An"));
        assert_eq!(exact_key(" cq 001 "), exact_key("CQ 001"));
        assert_ne!(exact_key("Đ01"), exact_key("D01"));
        assert_eq!(exact_key("đ01"), exact_key("Đ01"));
        assert_ne!(exact_key("CB-1"), exact_key("CB 1"));
        assert_ne!(exact_key("CB1"), exact_key("CB 1"));
        assert_eq!(exact_key(""), "");
    }

    #[test]
    fn a_tone_mark_placed_the_old_or_the_new_way_is_one_name() {
        for (old, new) in [
            ("Trần Thuỳ Ánh", "Trần Thùy Ánh"),
            ("Lê Thị Hoà", "Lê Thị Hòa"),
            ("NGUYỄN VĂN KHOẺ", "Nguyễn Văn Khỏe"),
            ("Phạm Thuý", "Phạm Thúy"),
            ("Đỗ Thị Thoa", "Đỗ Thị Thoa"),
            ("Vũ Hoạ My", "Vũ Họa My"),
        ] {
            assert_eq!(exact_key(old), exact_key(new), "{old} / {new}");
            let nfd: String = new.nfd().collect();
            assert_eq!(exact_key(old), exact_key(&nfd), "{old} / NFD");
        }
        // Another vowel, another letter, or a syllable that goes on: other names.
        assert_ne!(exact_key("Thủy"), exact_key("Thụy"));
        assert_ne!(exact_key("Hòa"), exact_key("Hoa"));
        assert_ne!(exact_key("Hoàng"), exact_key("Hòang"));
        assert_ne!(exact_key("Tùng"), exact_key("Tung"));
        assert_eq!(exact_key("Hoàng"), "hoàng");
        assert_eq!(exact_key("Thùy"), "thuỳ");
        assert_eq!(exact_key(" \t "), "");
        // The key of a key is itself: it can be compared with keys made elsewhere.
        for s in ["Ông Thị Hằng", "ÁNH", "A\u{301}"] {
            assert_eq!(exact_key(&exact_key(s)), exact_key(s));
        }
        assert_eq!(exact_key("A\u{301}"), "á");
        let mut out = String::from("x:");
        exact_key_into("  Ân  A\u{301} ", &mut out);
        assert_eq!(out, "x:ân á");
    }

    #[test]
    fn sheet_names_ignore_leading_zeros() {
        assert_eq!(sheet_key("Mẫu 4"), sheet_key("Mẫu 04"));
        assert_eq!(sheet_key("MẪU SỐ 05"), sheet_key("Mẫu 05"));
        assert_ne!(sheet_key("Mẫu 03"), sheet_key("Mẫu 04"));
    }

    #[test]
    fn ratings_in_every_spelling() {
        for s in [
            "HTXSNV",
            "htxs",
            " Hoàn thành xuất sắc nhiệm vụ ",
            "Xuat sac",
            "A",
            "hoàn thành xuất sắc",
        ] {
            assert_eq!(parse_rating(s), Some(Rating::XuatSac), "{s}");
        }
        for s in [
            "HTTNV",
            "HTTTNV",
            "HTT",
            "Hoàn thành tốt nhiệm vụ",
            "Tốt",
            "b",
            "TOT",
        ] {
            assert_eq!(parse_rating(s), Some(Rating::Tot), "{s}");
        }
        for s in ["HTNV", "HT", "Hoàn thành nhiệm vụ", "Hoàn thành", "C"] {
            assert_eq!(parse_rating(s), Some(Rating::HoanThanh), "{s}");
        }
        for s in [
            "KHTNV",
            "KHT",
            "Không hoàn thành nhiệm vụ",
            "khong hoan thanh",
            "D",
        ] {
            assert_eq!(parse_rating(s), Some(Rating::KhongHoanThanh), "{s}");
        }
        for s in [
            "Không HTNV",
            "K.HTNV",
            "Không HT",
            "không hoàn thành",
            "K. HT",
            "KHÔNG HOÀN THÀNH NHIỆM VỤ",
        ] {
            assert_eq!(parse_rating(s), Some(Rating::KhongHoanThanh), "{s}");
        }
        assert_eq!(parse_rating("Không"), None);
        for s in ["A+", "a)", "B-", "C+", "Đ", "đ", "1", "HTXSNV!"] {
            assert_eq!(parse_rating(s), None, "{s}");
        }
        assert_eq!(parse_rating("Không xuất sắc"), None);
        assert_eq!(parse_rating("Giỏi"), None);
        assert_eq!(parse_rating(""), None);
    }

    #[test]
    fn scores_from_text() {
        let s = Scale::SEED;
        assert_eq!(parse_score(" 10 ", s), Ok(Score(20)));
        assert_eq!(parse_score("9,5", s), Ok(Score(19)));
        assert_eq!(parse_score("9.5", s), Ok(Score(19)));
        assert_eq!(parse_score("8.3", s), Err(ScoreError::Step));
        assert_eq!(parse_score("12", s), Err(ScoreError::OutOfRange));
        assert_eq!(parse_score("0,5", s), Err(ScoreError::OutOfRange));
        assert_eq!(parse_score("tám", s), Err(ScoreError::NotNumber));
        assert_eq!(parse_score("9,5,1", s), Err(ScoreError::NotNumber));
        assert_eq!(
            parse_score("79228162514264337593543950335", s),
            Err(ScoreError::OutOfRange)
        );
        assert_eq!(score_from_f64(9.5, s), Ok(Score(19)));
        assert_eq!(score_from_f64(8.3, s), Err(ScoreError::Step));
        assert_eq!(score_from_f64(0.0, s), Err(ScoreError::OutOfRange));
        assert_eq!(score_from_f64(1e300, s), Err(ScoreError::OutOfRange));
    }

    #[test]
    fn scores_follow_the_profile_scale() {
        let five = Scale {
            min: Score::points(1),
            max: Score::points(5),
        };
        assert_eq!(parse_score("7", five), Err(ScoreError::OutOfRange));
        assert_eq!(score_from_f64(7.0, five), Err(ScoreError::OutOfRange));
        assert_eq!(score_from_f64(4.5, five), Ok(Score(9)));
        assert_eq!(parse_score("5", five), Ok(Score(10)));
        let twenty = Scale {
            min: Score::points(1),
            max: Score::points(20),
        };
        assert_eq!(parse_score("15", twenty), Ok(Score(30)));
        assert_eq!(parse_score("19,5", twenty), Ok(Score(39)));
        assert_eq!(score_from_f64(15.0, twenty), Ok(Score(30)));
        assert_eq!(score_from_f64(20.5, twenty), Err(ScoreError::OutOfRange));
        let from_two = Scale {
            min: Score::points(2),
            max: Score::points(10),
        };
        assert_eq!(parse_score("1,5", from_two), Err(ScoreError::OutOfRange));
        assert_eq!(score_from_f64(1.0, from_two), Err(ScoreError::OutOfRange));
    }

    #[test]
    fn quarters_in_every_spelling() {
        let q1 = Quarter::new(2024, 1);
        for s in [
            "I/2024",
            "Quý I/2024",
            "1/2024",
            "2024-Q1",
            "Q1/2024",
            "quy i nam 2024",
            "QUÝ I/2024",
        ] {
            assert_eq!(parse_quarter(s), q1, "{s}");
        }
        assert_eq!(parse_quarter("IV/2023"), Quarter::new(2023, 4));
        assert_eq!(parse_quarter("V/2024"), None);
        assert_eq!(parse_quarter("2024"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date_text("05/03/2024"),
            NaiveDate::from_ymd_opt(2024, 3, 5)
        );
        assert_eq!(
            parse_date_text("2024-03-05"),
            NaiveDate::from_ymd_opt(2024, 3, 5)
        );
        assert_eq!(parse_date_text("31/02/2024"), None);
        assert_eq!(parse_date_text("hôm qua"), None);
        assert_eq!(
            date_from_serial(45292.0),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
    }

    #[test]
    fn month_headers() {
        assert_eq!(parse_month_header("Tháng 4"), Some(4));
        assert_eq!(parse_month_header("T4"), Some(4));
        assert_eq!(parse_month_header("THÁNG 04"), Some(4));
        assert_eq!(parse_month_header("Tháng 4/2024"), Some(4));
        assert_eq!(parse_month_header("Tổng điểm"), None);
        assert_eq!(parse_month_header("Thanh tra"), None);
        assert_eq!(parse_month_header("T13"), None);
    }

    #[test]
    fn half_days() {
        assert_eq!(parse_half_days("2,5"), Some(5));
        assert_eq!(parse_half_days(" 3 "), Some(6));
        assert_eq!(parse_half_days("0.5"), Some(1));
        assert_eq!(parse_half_days("2,3"), None);
        assert_eq!(parse_half_days("-1"), None);
        assert_eq!(parse_half_days("ba"), None);
        assert_eq!(half_days_from_f64(14.5), Some(29));
        assert_eq!(half_days_from_f64(14.2), None);
        assert_eq!(fmt_half_days(29), "14,5");
        assert_eq!(fmt_half_days(30), "15");
    }

    #[test]
    fn a1_addresses() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(8, 7), "H9");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(9, 702), "AAA10");
        for (r, c) in [(0, 0), (8, 7), (0, 26), (9, 702), (1_048_575, 16_383)] {
            assert_eq!(parse_a1(&a1(r, c)), Some((r, c)));
        }
        assert_eq!(parse_a1("$B$3"), Some((2, 1)));
        assert_eq!(parse_a1("3B"), None);
        assert_eq!(parse_a1("B0"), None);
    }

    #[test]
    fn yes_no() {
        assert!(is_yes("x"));
        assert!(is_yes("Khiển trách"));
        assert!(!is_yes("Không"));
        assert!(!is_yes("Không có"));
        assert!(!is_yes("không bị kỷ luật"));
        assert!(!is_yes("  "));
    }
}
