//! Detection and conversion of Vietnamese text typed in the legacy 8-bit font encodings
//! TCVN3 (ABC, TCVN 5712:1993, fonts ".VnTime") and VNI (VNI-Windows, fonts "VNI-Times").
//!
//! When a workbook was typed with such a font, the cells hold the raw 8-bit bytes read as
//! Windows-1252 (or Latin-1) characters: "NguyÔn V¨n An" is TCVN3 for "Nguyễn Văn An", and
//! "Nguyeãn Vaên An" is VNI for the same name. This module maps every character back to the byte
//! it stands for (both the Windows-1252 reading of 0x80–0x9F, "€ ‚ ƒ „ …", and the Latin-1 reading
//! as C1 control characters are understood), decodes the bytes with the published code tables and
//! returns Unicode NFC.
//!
//! Detection never relies on a single character: the text is cut into words, every word that
//! contains a non-ASCII character is decoded with each table, and the decoded word is checked
//! against the structure of a Vietnamese syllable (initial consonant, vowel cluster, final
//! consonant, one tone mark, tone allowed with the final). A word counts as evidence for an
//! encoding when its decoded form is a valid syllable while the text as it stands is not valid
//! Vietnamese; decodings that give impossible syllables count against the encoding.
//!
//! TCVN3 has no code points for most upper-case letters with a tone mark (in practice they were
//! typed with the lower-case codes in an all-capitals ".VnTimeH" font). The converter therefore
//! restores capitals from the context: a word whose other letters are all capitals is written in
//! capitals, and so is a short word in a text whose words are otherwise all in capitals; a word
//! that starts with such a letter gets a capital at the start of the text or among title-case
//! words ("ñy ban" → "Ủy ban", "§ç ThÞ Ngäc ¸nh" → "Đỗ Thị Ngọc Ánh"). The
//! upper-case letters of the full TCVN 5712 table (positions 0x01–0x17, 0x80–0x9F and the gaps in
//! 0xA0–0xFF) are decoded as well; as 0x80–0x9F are also ordinary punctuation in Windows-1252
//! ("–", "…", quotes), those are read as letters only when that gives a valid syllable.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::UnicodeNormalization;

/// A legacy 8-bit Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegacyEncoding {
    /// TCVN 5712:1993 "ABC" (TCVN3), fonts such as ".VnTime" / ".VnArial".
    Tcvn3,
    /// VNI-Windows, fonts such as "VNI-Times" / "VNI-Helve".
    Vni,
}

impl LegacyEncoding {
    /// The usual short name of the encoding: "TCVN3" or "VNI".
    pub fn name(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "TCVN3",
            LegacyEncoding::Vni => "VNI",
        }
    }
}

/// Cheap first test, called on every text cell: false for pure ASCII and for ordinary Unicode
/// Vietnamese.
///
/// True when the text contains a character that Unicode Vietnamese never uses (µ ¶ · ¸ ¨ © ª « ¬
/// soft hyphen, ä ë ï ö ü ø ñ ..., C1 controls or the Windows-1252 characters of 0x80–0x9F), or,
/// if its only non-ASCII characters are the Latin-1 letters Vietnamese shares with TCVN3 and VNI
/// (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals), when one of its words is not a well-formed
/// Vietnamese syllable ("tiÕng", "NGUYÔN", "Teân"). Any character only Unicode Vietnamese has (ă đ
/// ơ ư ĩ ũ, U+1EA0–U+1EF9, combining marks) makes it false at once. `detect` only returns `Some`
/// when this returns true.
pub fn may_be_legacy(s: &str) -> bool {
    if s.is_ascii() {
        // TCVN 5712 puts a few capitals (Ú Ụ Ừ ...) among the C0 control codes.
        return s.bytes().any(|b| b < 0x18 && tcvn3_c0(b).is_some());
    }
    let mut signal = false;
    let mut shared_letter = false;
    for c in s.chars() {
        match c {
            '\0'..='\u{17}' if tcvn3_c0(c as u8).is_some() => signal = true,
            '\0'..='\u{7F}' | '\u{A0}' => {}
            '\u{80}'..='\u{BF}' => signal = true,
            '\u{C0}'..='\u{FF}' => {
                if is_shared_latin1_letter(c) {
                    shared_letter = true;
                } else {
                    signal = true;
                }
            }
            _ if is_unicode_vietnamese_only(c) => return false,
            _ if cp1252_byte(c).is_some() => signal = true,
            _ => {}
        }
    }
    if signal {
        return true;
    }
    shared_letter && has_implausible_word(s)
}

/// Which legacy encoding the text is in, if any.
///
/// Returns `None` for correct Unicode Vietnamese (NFC or NFD), plain ASCII and ordinary
/// Western-European text such as "Café Müller". The decision is made word by word, on the words
/// with a non-ASCII character:
/// - a word is evidence for an encoding when decoding it gives a valid Vietnamese syllable of at
///   least two letters while the word as it stands is not Vietnamese ("Hä" → "Họ", "Vaên" →
///   "Văn"); it is weak evidence when it rests only on the rarely used TCVN 5712 capitals, or when
///   the other encoding also reads the word and only that reading is a common syllable;
/// - a word that stays or becomes something with a vowel but no valid syllable counts against the
///   encoding ("Müller", "naïve");
/// - words that read as Vietnamese both as they stand and decoded ("Ghi chó": "chó" or TCVN3
///   "chú") decide nothing, so a cell made only of such words is not detected.
///
/// An encoding is chosen when its evidence outweighs the evidence against it (a strong word counts
/// two, a weak one one, a word against two); the higher balance wins, TCVN3 on a tie.
pub fn detect(s: &str) -> Option<LegacyEncoding> {
    if !may_be_legacy(s) {
        return None;
    }
    let units = to_units(s);
    // Per encoding, in the order of ENCODINGS: (strong evidence, weak evidence, counter-evidence).
    let mut score = [(0u32, 0u32, 0u32); 2];
    for range in token_ranges(&units) {
        if !range.word {
            continue;
        }
        let token = &units[range.start..range.end];
        if token.iter().all(|u| u.ch.is_ascii_alphabetic()) {
            continue;
        }
        let as_unicode = unicode_word_is_vietnamese(token.iter().map(|u| u.ch));
        let mut verdicts = ENCODINGS.map(|enc| judge(&decode_token(enc, token), as_unicode));
        // When both encodings read the word as Vietnamese and only one reading is a common
        // syllable ("Chöa": VNI "Chưa" rather than TCVN3 "Chửa"; "Söa": TCVN3 "Sửa" rather than
        // VNI "Sưa"), the other reading only counts as weak evidence.
        if let [Verdict::For { common: a, .. }, Verdict::For { common: b, .. }] = verdicts {
            if a != b {
                let rarer = usize::from(a);
                verdicts[rarer] = Verdict::For {
                    strong: false,
                    common: false,
                };
            }
        }
        for (i, verdict) in verdicts.iter().enumerate() {
            match verdict {
                Verdict::For { strong: true, .. } => score[i].0 += 1,
                Verdict::For { strong: false, .. } => score[i].1 += 1,
                Verdict::Against => score[i].2 += 1,
                Verdict::Neutral => {}
            }
        }
    }
    let mut best: Option<(LegacyEncoding, u32, u32)> = None;
    for (i, enc) in ENCODINGS.iter().enumerate() {
        let (strong, weak, against) = score[i];
        let points = 2 * strong + weak;
        if points <= 2 * against {
            continue;
        }
        let margin = points - 2 * against;
        let better = match best {
            None => true,
            Some((_, m, st)) => margin > m || (margin == m && strong > st),
        };
        if better {
            best = Some((*enc, margin, strong));
        }
    }
    best.map(|(enc, _, _)| enc)
}

/// Convert legacy text to Unicode NFC.
///
/// Characters that do not stand for a byte of the encoding are kept; C1 control characters
/// (the Latin-1 reading of 0x80–0x9F) that do not decode to a letter become their Windows-1252
/// character.
pub fn convert(s: &str, enc: LegacyEncoding) -> String {
    let units = to_units(s);
    let mut pieces: Vec<Vec<Glyph>> = token_ranges(&units)
        .into_iter()
        .map(|range| {
            let part = &units[range.start..range.end];
            if range.word {
                decode_token(enc, part)
            } else {
                part.iter()
                    .map(|u| Glyph::other(literal_char(u.ch)))
                    .collect()
            }
        })
        .collect();
    if enc == LegacyEncoding::Tcvn3 {
        restore_capitals(&mut pieces);
    }
    let decoded: String = pieces.iter().flatten().map(|g| g.ch).collect();
    decoded.nfc().collect()
}

/// `detect` and `convert` in one; `None` when the text is not legacy.
pub fn decode(s: &str) -> Option<(String, LegacyEncoding)> {
    let enc = detect(s)?;
    Some((convert(s, enc), enc))
}

const ENCODINGS: [LegacyEncoding; 2] = [LegacyEncoding::Tcvn3, LegacyEncoding::Vni];

/// What one decoded word says about an encoding.
#[derive(Clone, Copy, Debug)]
enum Verdict {
    Neutral,
    /// The decoded word is Vietnamese and the word as it stands is not; `common` when it is one
    /// of COMMON_SYLLABLES.
    For {
        strong: bool,
        common: bool,
    },
    /// The decoded word has a vowel but is not a Vietnamese syllable.
    Against,
}

fn judge(glyphs: &[Glyph], as_unicode: bool) -> Verdict {
    if !glyphs.iter().any(|g| g.legacy) {
        // Left as it is by the table: a word with a non-ASCII character that is neither Vietnamese
        // nor decodable ("Mäerz" for VNI) speaks against the encoding.
        let foreign = !as_unicode
            && glyphs.iter().any(|g| !g.ch.is_ascii())
            && glyphs.iter().any(|g| g.is_vowel());
        return if foreign {
            Verdict::Against
        } else {
            Verdict::Neutral
        };
    }
    let letters = glyphs.iter().filter(|g| g.is_letter()).count();
    if token_is_syllable(glyphs) {
        if as_unicode || letters < 2 {
            return Verdict::Neutral;
        }
        let word: String = glyphs
            .iter()
            .filter(|g| g.is_letter())
            .flat_map(|g| g.ch.to_lowercase())
            .collect();
        // Words decoded only through the rarely used TCVN 5712 capitals are weak evidence:
        // upper-case VNI text is full of those bytes.
        return Verdict::For {
            strong: glyphs.iter().any(|g| g.legacy && !g.rare),
            common: is_common_syllable(&word),
        };
    }
    if glyphs.iter().any(|g| g.is_vowel()) {
        return Verdict::Against;
    }
    // An abbreviation in capitals with a decoded Đ ("NLĐ", "HĐND") is weak evidence.
    if letters >= 2
        && glyphs
            .iter()
            .all(|g| g.kind == Kind::Letter(CaseClass::Upper))
    {
        return Verdict::For {
            strong: false,
            common: false,
        };
    }
    Verdict::Neutral
}

/// Frequent Vietnamese syllables (lower case, NFC, sorted, separated by one space), used only to
/// choose between a TCVN3 and a VNI reading of a word when both are valid syllables.
const COMMON_SYLLABLES: &str =
    "an anh ba ban biên biểu buộc bà báo bình bích bùi bản bảng bảo bảy bậc bằng bệnh bị bố \
    bốn bồ bồi bổ bộ cao cha chi chiến cho chuyên cháu châu chí chín chính chú chưa chấp chất \
    chế chỉ chị chồng chủ chức con cuối cá các cách cán cáo còn có cô công cùng cũng cơ cường \
    cảnh cấp cần cộng của cửa danh diệu do duy duyệt dân dũng dương dưới dưỡng dạy dấu dục em \
    ghi gia gian giang giá giám giáo giảng giới giờ giữa gòn gửi hai hay hiếu hiền hiểm hiện \
    hiệp hiệu hoa hoà hoài hoàn hoàng hoá hoạch hoặc huy huyện huế huệ huỳnh hà hàng hành hòa \
    hóa hùng hưng hương hạ hạng hạnh hải hậu hằng hết hệ họ học hồ hồng hộ hội hợp hữu khang \
    khen khi khiển khoa khá khánh không khải khối kim kiên kiến kiểm kiện kèm kém ký kế kết \
    kỷ kỹ lan lao linh loan long loại luật là làm lâm lãnh lê lý lưu lương lại lần lập lộc \
    lớp lực mai minh my mà mã môn mười mạnh mầm mẫu mẹ mỗi một mới mức mỹ nam nga nghiệp \
    nghìn nghĩa nghệ nghỉ nghị nguyễn nguyệt ngày ngô người ngạch ngọc nhi nhiều nhiệm nhung \
    nhàn nhân như nhưng nhạc nhất nhận nhật những ninh non nào này nên năm năng nẵng nếu nội \
    nộp nữ oanh phan phong phát phép phòng phó phú phúc phương phước phường phạm phải phẩm \
    phụ quan quang quyên quyết quán quân quê quý quả quản quảng quận quốc quỳnh quỹ ra rất \
    sang sau sinh sung sài sách sáng sáu sĩ sơ sơn sắc sẽ số sổ sở sử sửa sự tay thanh theo \
    thi thiện thoại thu thuý thuật thuỷ thành thái tháng thêm thì thích thôi thôn thông thúy \
    thơ thư thưởng thạc thảo thắm thắng thể thị thịnh thời thủ thủy thứ thức thử thực tin \
    tiên tiêu tiến tiếng tiếp tiểu toàn toán tra trang trinh triệu trong trung trách trâm \
    trên trình trăm trước trường trưởng trạm trần trịnh trọng trợ trữ tuyết tuấn tuệ tuổi tài \
    tác tám tâm tên tín tính tôn tùng tú tĩnh tư tạ tại tạo tạp tế tỉnh tịch tốt tổ tổng tộc \
    từ tự uyên uỷ vi vinh viên việc viện việt vy và vào vân vì võ văn vĩnh vũ vẫn về vệ vị \
    với vợ vụ xuân xuất xác xã xét xếp y yến yếu ánh âm ít ông ý đa đang đinh điều điểm điện \
    điệp đoàn đua đà đào đánh đã đình đó đóng đông đơn được đại đạo đạt đảng đầu đẳng đặng \
    đến đề đều để địa định đốc đồng đỗ độ động đủ đức ốm ở ủy";

fn is_common_syllable(word: &str) -> bool {
    COMMON_SYLLABLES.split(' ').any(|w| w == word)
}

// ---------------------------------------------------------------------------------------------
// Code tables
// ---------------------------------------------------------------------------------------------

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const CIRCUMFLEX: char = '\u{302}';
const TILDE: char = '\u{303}';
const BREVE: char = '\u{306}';
const HOOK: char = '\u{309}';
const HORN: char = '\u{31B}';
const DOT: char = '\u{323}';

/// Windows-1252 characters of bytes 0x80–0x9F; the five undefined positions keep the C1 control.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// TCVN 5712:1993 bytes 0x80–0xFF. 0xA1–0xAE are the letters ă â ê ô ơ ư đ (capitals first),
/// 0xB0–0xB4 the combining tone marks, 0xB5–0xFE the lower-case letters with a tone mark; the
/// capitals with a tone mark fill 0x80–0x9F and the gaps (0xAF, 0xBA, 0xBF, 0xC0–0xC5, ...).
const TCVN3_HIGH: [u16; 128] = [
    // 0x80
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, //
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128, //
    // 0x90
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, //
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, //
    // 0xA0
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, //
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, //
    // 0xB0
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, //
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, //
    // 0xC0
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, //
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, //
    // 0xD0
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, //
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, //
    // 0xE0
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, //
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, //
    // 0xF0
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, //
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, //
];

/// The capitals TCVN 5712 places among the C0 control codes.
fn tcvn3_c0(b: u8) -> Option<char> {
    Some(match b {
        0x01 => 'Ú',
        0x02 => 'Ụ',
        0x04 => 'Ừ',
        0x05 => 'Ử',
        0x06 => 'Ữ',
        0x11 => 'Ứ',
        0x12 => 'Ự',
        0x13 => 'Ỳ',
        0x14 => 'Ỷ',
        0x15 => 'Ỹ',
        0x16 => 'Ý',
        0x17 => 'Ỵ',
        _ => return None,
    })
}

fn tcvn3_high(b: u8) -> char {
    char::from_u32(u32::from(TCVN3_HIGH[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}')
}

/// VNI letters that are a single byte: ơ ư đ and the i / y forms with a tone mark.
fn vni_letter(b: u8) -> Option<char> {
    Some(match b {
        0xD4 => 'Ơ',
        0xF4 => 'ơ',
        0xD6 => 'Ư',
        0xF6 => 'ư',
        0xD1 => 'Đ',
        0xF1 => 'đ',
        0xCC => 'Ì',
        0xEC => 'ì',
        0xCD => 'Í',
        0xED => 'í',
        0xC6 => 'Ỉ',
        0xE6 => 'ỉ',
        0xD3 => 'Ĩ',
        0xF3 => 'ĩ',
        0xD2 => 'Ị',
        0xF2 => 'ị',
        0xCE => 'Ỵ',
        0xEE => 'ỵ',
        _ => return None,
    })
}

/// VNI diacritic bytes written after the base letter: (vowel modifier, tone mark). Upper-case text
/// uses the byte 0x20 lower (Ø instead of ø, Â instead of â, ...).
fn vni_mark(b: u8) -> Option<(Option<char>, Option<char>)> {
    if b < 0xC0 {
        return None;
    }
    Some(match b | 0x20 {
        0xF8 => (None, Some(GRAVE)),
        0xF9 => (None, Some(ACUTE)),
        0xFB => (None, Some(HOOK)),
        0xF5 => (None, Some(TILDE)),
        0xEF => (None, Some(DOT)),
        0xE2 => (Some(CIRCUMFLEX), None),
        0xE0 => (Some(CIRCUMFLEX), Some(GRAVE)),
        0xE1 => (Some(CIRCUMFLEX), Some(ACUTE)),
        0xE5 => (Some(CIRCUMFLEX), Some(HOOK)),
        0xE3 => (Some(CIRCUMFLEX), Some(TILDE)),
        0xE4 => (Some(CIRCUMFLEX), Some(DOT)),
        0xEA => (Some(BREVE), None),
        0xE8 => (Some(BREVE), Some(GRAVE)),
        0xE9 => (Some(BREVE), Some(ACUTE)),
        0xFA => (Some(BREVE), Some(HOOK)),
        0xFC => (Some(BREVE), Some(TILDE)),
        0xEB => (Some(BREVE), Some(DOT)),
        _ => return None,
    })
}

/// The byte a character of the text stands for, under the Latin-1 or the Windows-1252 reading.
fn cp1252_byte(c: char) -> Option<u8> {
    if (c as u32) < 0x100 {
        return Some(c as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&x| x == c)
        .map(|i| 0x80 + i as u8)
}

/// A C1 control character (Latin-1 reading of 0x80–0x9F) becomes its Windows-1252 character.
fn literal_char(c: char) -> char {
    match c {
        '\u{80}'..='\u{9F}' => CP1252_HIGH[c as usize - 0x80],
        _ => c,
    }
}

/// Latin-1 letters that Unicode Vietnamese uses too.
const SHARED_LATIN1_LETTERS: &str = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

/// SHARED_LATIN1_LETTERS as a bit set over U+00C0–U+00FF.
const SHARED_LATIN1_MASK: u64 = {
    // Every letter is U+00C0–U+00FF, two bytes in UTF-8: 0xC3 then 0x80 + (code - 0xC0).
    let bytes = SHARED_LATIN1_LETTERS.as_bytes();
    let mut mask = 0u64;
    let mut i = 0;
    while i + 1 < bytes.len() {
        mask |= 1 << (bytes[i + 1] - 0x80);
        i += 2;
    }
    mask
};

/// Latin-1 letters that Unicode Vietnamese uses too (à á â ã è é ê ì í ò ó ô õ ù ú ý, capitals).
fn is_shared_latin1_letter(c: char) -> bool {
    let code = c as u32;
    (0xC0..=0xFF).contains(&code) && SHARED_LATIN1_MASK & (1 << (code - 0xC0)) != 0
}

/// Characters of Unicode Vietnamese that no legacy byte can produce: ă đ ĩ ũ ơ ư, the letters
/// U+1EA0–U+1EF9 and combining marks (NFD text).
fn is_unicode_vietnamese_only(c: char) -> bool {
    matches!(
        c,
        '\u{102}'
            | '\u{103}'
            | '\u{110}'
            | '\u{111}'
            | '\u{128}'
            | '\u{129}'
            | '\u{168}'
            | '\u{169}'
            | '\u{1A0}'
            | '\u{1A1}'
            | '\u{1AF}'
            | '\u{1B0}'
            | '\u{300}'..='\u{36F}'
            | '\u{1EA0}'..='\u{1EF9}'
    )
}

// ---------------------------------------------------------------------------------------------
// Units, words and decoded glyphs
// ---------------------------------------------------------------------------------------------

/// One character of the input and the legacy byte it stands for, if any.
#[derive(Clone, Copy, Debug)]
struct Unit {
    ch: char,
    byte: Option<u8>,
}

fn to_units(s: &str) -> Vec<Unit> {
    s.chars()
        .map(|ch| Unit {
            ch,
            byte: cp1252_byte(ch),
        })
        .collect()
}

/// Whether a unit belongs to a word: ASCII letters and every byte of 0x80–0xFF except the
/// no-break space, plus the TCVN 5712 capitals in the C0 range.
fn is_word_unit(u: &Unit) -> bool {
    match u.byte {
        Some(b) if b.is_ascii_alphabetic() => true,
        Some(b) if b < 0x80 => tcvn3_c0(b).is_some(),
        Some(0xA0) => false,
        Some(_) => true,
        None => false,
    }
}

#[derive(Clone, Copy, Debug)]
struct Range {
    start: usize,
    end: usize,
    word: bool,
}

/// Cut the units into alternating runs of word units and other units.
fn token_ranges(units: &[Unit]) -> Vec<Range> {
    let mut ranges: Vec<Range> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let word = is_word_unit(u);
        match ranges.last_mut() {
            Some(last) if last.word == word => last.end = i + 1,
            _ => ranges.push(Range {
                start: i,
                end: i + 1,
                word,
            }),
        }
    }
    ranges
}

/// Letter case as far as the encoding tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseClass {
    Upper,
    Lower,
    /// A TCVN3 lower-case code that also stood for the capital (".VnTimeH" fonts).
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Letter(CaseClass),
    /// A character kept as it was that may sit at the edge of a word (punctuation, ±, °).
    Edge,
    /// Any other character kept as it was.
    Other,
}

/// One decoded character.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    ch: char,
    kind: Kind,
    /// True when the legacy table changed this character.
    legacy: bool,
    /// True for TCVN3 capitals outside the ABC set (C0, 0x80–0x9F and the gaps of 0xA0–0xFF).
    rare: bool,
}

impl Glyph {
    fn letter(ch: char, case: CaseClass, legacy: bool) -> Glyph {
        Glyph {
            ch,
            kind: Kind::Letter(case),
            legacy,
            rare: false,
        }
    }

    fn other(ch: char) -> Glyph {
        Glyph {
            ch,
            kind: Kind::Other,
            legacy: false,
            rare: false,
        }
    }

    fn edge(ch: char) -> Glyph {
        Glyph {
            ch,
            kind: Kind::Edge,
            legacy: false,
            rare: false,
        }
    }

    fn is_letter(&self) -> bool {
        matches!(self.kind, Kind::Letter(_))
    }

    fn is_vowel(&self) -> bool {
        self.is_letter()
            && letter_info(self.ch)
                .is_some_and(|i| matches!(i.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
    }
}

fn ascii_case(b: u8) -> CaseClass {
    if b.is_ascii_uppercase() {
        CaseClass::Upper
    } else {
        CaseClass::Lower
    }
}

fn decode_token(enc: LegacyEncoding, token: &[Unit]) -> Vec<Glyph> {
    match enc {
        LegacyEncoding::Tcvn3 => tcvn3_token(token),
        LegacyEncoding::Vni => vni_token(token),
    }
}

/// How TCVN3 bytes that are also Windows-1252 punctuation (0x80–0x9F) are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// Every such byte is a capital.
    All,
    /// Only bytes with other characters of the word on both sides are capitals.
    Interior,
    /// None is a capital.
    Never,
}

fn tcvn3_conditional(u: &Unit) -> bool {
    matches!(u.byte, Some(0x80..=0x9F))
}

fn tcvn3_token(token: &[Unit]) -> Vec<Glyph> {
    if !token.iter().any(tcvn3_conditional) {
        return tcvn3_token_with(token, Policy::Never);
    }
    // Punctuation is only read as a capital next to a letter of the same word.
    let fixed_letter = token.iter().any(|u| match u.byte {
        Some(b) => {
            b.is_ascii_alphabetic()
                || tcvn3_c0(b).is_some()
                || (b >= 0xA1 && !(0xB0..=0xB4).contains(&b))
        }
        None => false,
    });
    if fixed_letter {
        for policy in [Policy::All, Policy::Interior] {
            let glyphs = tcvn3_token_with(token, policy);
            if token_is_syllable(&glyphs) {
                return glyphs;
            }
        }
    }
    tcvn3_token_with(token, Policy::Never)
}

fn tcvn3_token_with(token: &[Unit], policy: Policy) -> Vec<Glyph> {
    let first_fixed = token.iter().position(|u| !tcvn3_conditional(u));
    let last_fixed = token.iter().rposition(|u| !tcvn3_conditional(u));
    let mut out: Vec<Glyph> = Vec::with_capacity(token.len());
    for (i, u) in token.iter().enumerate() {
        let Some(b) = u.byte else {
            out.push(Glyph::other(u.ch));
            continue;
        };
        if tcvn3_conditional(u) {
            let as_letter = match policy {
                Policy::All => true,
                Policy::Interior => {
                    first_fixed.is_some_and(|f| f < i) && last_fixed.is_some_and(|l| l > i)
                }
                Policy::Never => false,
            };
            if as_letter {
                let ch = tcvn3_high(b);
                out.push(Glyph {
                    rare: true,
                    ..Glyph::letter(ch, CaseClass::Upper, true)
                });
            } else {
                out.push(Glyph::edge(literal_char(u.ch)));
            }
            continue;
        }
        match b {
            _ if b.is_ascii_alphabetic() => {
                out.push(Glyph::letter(u.ch, ascii_case(b), false));
            }
            0x00..=0x1F => match tcvn3_c0(b) {
                // Control codes have no other use in a cell: always the TCVN 5712 capital.
                Some(ch) => out.push(Glyph {
                    rare: true,
                    ..Glyph::letter(ch, CaseClass::Upper, true)
                }),
                None => out.push(Glyph::other(u.ch)),
            },
            0x20..=0xA0 => out.push(Glyph::other(u.ch)),
            0xB0..=0xB4 => {
                let mark = tcvn3_high(b);
                match out.last_mut() {
                    Some(prev) if prev.is_letter() => match add_tone(prev.ch, mark) {
                        Some(c) => {
                            prev.ch = c;
                            prev.legacy = true;
                        }
                        None => out.push(Glyph::edge(u.ch)),
                    },
                    _ => out.push(Glyph::edge(u.ch)),
                }
            }
            _ => {
                let ch = tcvn3_high(b);
                let case = if ch.is_uppercase() {
                    CaseClass::Upper
                } else if (0xA8..=0xAE).contains(&b) {
                    CaseClass::Lower
                } else {
                    CaseClass::Either
                };
                out.push(Glyph {
                    rare: ch.is_uppercase() && b > 0xA7,
                    ..Glyph::letter(ch, case, true)
                });
            }
        }
    }
    out
}

fn vni_token(token: &[Unit]) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::with_capacity(token.len());
    for u in token {
        let Some(b) = u.byte else {
            out.push(Glyph::other(u.ch));
            continue;
        };
        if b.is_ascii_alphabetic() {
            out.push(Glyph::letter(u.ch, ascii_case(b), false));
            continue;
        }
        if let Some(ch) = vni_letter(b) {
            let case = if ch.is_uppercase() {
                CaseClass::Upper
            } else {
                CaseClass::Lower
            };
            out.push(Glyph::letter(ch, case, true));
            continue;
        }
        if let Some((modifier, tone)) = vni_mark(b) {
            // Capitals take the capital form of the diacritic byte (0xC0–0xDF), small letters the
            // small form.
            let mark_case = if b < 0xE0 {
                CaseClass::Upper
            } else {
                CaseClass::Lower
            };
            if let Some(prev) = out.last_mut() {
                if prev.kind == Kind::Letter(mark_case) {
                    if let Some(c) = add_marks(prev.ch, modifier, tone) {
                        prev.ch = c;
                        prev.legacy = true;
                        continue;
                    }
                }
            }
        }
        out.push(Glyph::other(literal_char(u.ch)));
    }
    out
}

/// Put a tone mark on a vowel that has none.
fn add_tone(c: char, tone: char) -> Option<char> {
    add_marks(c, None, Some(tone))
}

/// Put a vowel modifier (circumflex on a e o, breve on a) and / or a tone mark on a letter.
fn add_marks(c: char, modifier: Option<char>, tone: Option<char>) -> Option<char> {
    let info = letter_info(c)?;
    if !matches!(info.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || info.tone.is_some() {
        return None;
    }
    if let Some(m) = modifier {
        let allowed = match m {
            CIRCUMFLEX => matches!(info.base, 'a' | 'e' | 'o'),
            BREVE => info.base == 'a',
            _ => false,
        };
        if !allowed || info.modifier.is_some() {
            return None;
        }
    }
    // Canonical composition needs the marks in canonical order (dot below before circumflex),
    // so compose through NFC rather than pairwise.
    let mut buf = [0u8; 12];
    let mut len = 0;
    for ch in [Some(c), modifier, tone].into_iter().flatten() {
        len += ch.encode_utf8(&mut buf[len..]).len();
    }
    let raw = std::str::from_utf8(&buf[..len]).ok()?;
    let mut composed = raw.nfc();
    match (composed.next(), composed.next()) {
        (Some(out), None) => Some(out),
        _ => None,
    }
}

/// Fix the case of TCVN3 letters whose code stands for both the small and the capital letter.
fn restore_capitals(pieces: &mut [Vec<Glyph>]) {
    let count = |glyphs: &[Glyph], case: CaseClass| {
        glyphs
            .iter()
            .filter(|g| g.kind == Kind::Letter(case))
            .count()
    };
    // A word in capitals: two or more capitals, no small letter, and a syllable (not an
    // abbreviation such as "CB" or "UBND").
    let capitals_word = |glyphs: &[Glyph]| {
        count(glyphs, CaseClass::Upper) >= 2
            && count(glyphs, CaseClass::Lower) == 0
            && token_is_syllable(glyphs)
    };
    let first_letter = |glyphs: &[Glyph]| glyphs.iter().find(|g| g.is_letter()).map(|g| g.kind);
    let any_lower = pieces.iter().any(|p| count(p, CaseClass::Lower) > 0);
    let all_capitals = !any_lower && pieces.iter().any(|p| capitals_word(p));
    let words: Vec<usize> = (0..pieces.len())
        .filter(|&i| first_letter(&pieces[i]).is_some())
        .collect();
    for (n, &i) in words.iter().enumerate() {
        let piece = &pieces[i];
        if count(piece, CaseClass::Either) == 0 {
            continue;
        }
        if count(piece, CaseClass::Lower) == 0 && (capitals_word(piece) || all_capitals) {
            for g in pieces[i].iter_mut() {
                if g.kind == Kind::Letter(CaseClass::Either) {
                    g.ch = to_upper(g.ch);
                }
            }
            continue;
        }
        // A small letter first: capitalise it at the start of the text, or when the two or more
        // other words of the text all start with a capital ("Đỗ Thị Ngọc ¸nh" → "... Ánh").
        if first_letter(piece) != Some(Kind::Letter(CaseClass::Either)) {
            continue;
        }
        let title_text = words.len() > 2
            && words.iter().all(|&j| {
                j == i || first_letter(&pieces[j]) == Some(Kind::Letter(CaseClass::Upper))
            });
        if n == 0 || title_text {
            if let Some(g) = pieces[i].iter_mut().find(|g| g.is_letter()) {
                g.ch = to_upper(g.ch);
            }
        }
    }
}

fn to_upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable structure
// ---------------------------------------------------------------------------------------------

/// A letter split into its base (lower-case ASCII or 'đ'), vowel modifier and tone mark.
#[derive(Clone, Copy, Debug)]
struct LetterInfo {
    base: char,
    modifier: Option<char>,
    tone: Option<char>,
}

fn letter_info(c: char) -> Option<LetterInfo> {
    if c.is_ascii_alphabetic() {
        return Some(LetterInfo {
            base: c.to_ascii_lowercase(),
            modifier: None,
            tone: None,
        });
    }
    if c == 'đ' || c == 'Đ' {
        return Some(LetterInfo {
            base: 'đ',
            modifier: None,
            tone: None,
        });
    }
    if c.is_ascii() {
        return None;
    }
    let mut base = None;
    let mut modifier = None;
    let mut tone = None;
    let mut ok = true;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
            return;
        }
        match d {
            GRAVE | ACUTE | TILDE | HOOK | DOT => {
                if tone.replace(d).is_some() {
                    ok = false;
                }
            }
            CIRCUMFLEX | BREVE | HORN => {
                if modifier.replace(d).is_some() {
                    ok = false;
                }
            }
            _ => ok = false,
        }
    });
    let base = base?;
    if !ok || !base.is_ascii_alphabetic() {
        return None;
    }
    Some(LetterInfo {
        base: base.to_ascii_lowercase(),
        modifier,
        tone,
    })
}

/// The letter of the Vietnamese alphabet (without tone), lower case: a ă â b c d đ e ê ... y.
fn alphabet_letter(info: LetterInfo) -> Option<char> {
    Some(match (info.base, info.modifier) {
        ('a', None) => 'a',
        ('a', Some(BREVE)) => 'ă',
        ('a', Some(CIRCUMFLEX)) => 'â',
        ('e', None) => 'e',
        ('e', Some(CIRCUMFLEX)) => 'ê',
        ('i', None) => 'i',
        ('o', None) => 'o',
        ('o', Some(CIRCUMFLEX)) => 'ô',
        ('o', Some(HORN)) => 'ơ',
        ('u', None) => 'u',
        ('u', Some(HORN)) => 'ư',
        ('y', None) => 'y',
        (
            b @ ('b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'q' | 'r' | 's'
            | 't' | 'v' | 'x'),
            None,
        ) => b,
        _ => return None,
    })
}

fn is_vowel_letter(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

const INITIALS: [&str; 26] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "r", "s", "t", "th", "tr", "v", "x",
];

const OPEN: u16 = 1;
const F_C: u16 = 1 << 1;
const F_CH: u16 = 1 << 2;
const F_M: u16 = 1 << 3;
const F_N: u16 = 1 << 4;
const F_NG: u16 = 1 << 5;
const F_NH: u16 = 1 << 6;
const F_P: u16 = 1 << 7;
const F_T: u16 = 1 << 8;
const STOPS: u16 = F_C | F_CH | F_P | F_T;
const ALL_FINALS: u16 = OPEN | F_C | F_CH | F_M | F_N | F_NG | F_NH | F_P | F_T;

const P0: u8 = 1;
const P1: u8 = 1 << 1;
const P2: u8 = 1 << 2;

/// A vowel cluster, the finals it may take, and where its tone mark may sit (bit n = n-th vowel)
/// in an open and in a closed syllable. Open "oa", "oe", "uy" allow both placements in use
/// ("hòa" and "hoà", "thủy" and "thuỷ").
struct Rhyme {
    cluster: &'static str,
    finals: u16,
    open: u8,
    closed: u8,
}

const fn rhyme(cluster: &'static str, finals: u16, open: u8, closed: u8) -> Rhyme {
    Rhyme {
        cluster,
        finals,
        open,
        closed,
    }
}

const RHYMES: &[Rhyme] = &[
    rhyme("a", ALL_FINALS, P0, P0),
    rhyme("ă", F_C | F_M | F_N | F_NG | F_P | F_T, 0, P0),
    rhyme("â", F_C | F_M | F_N | F_NG | F_P | F_T, 0, P0),
    rhyme("e", OPEN | F_C | F_M | F_N | F_NG | F_P | F_T, P0, P0),
    rhyme("ê", OPEN | F_CH | F_M | F_N | F_NH | F_P | F_T, P0, P0),
    rhyme("i", OPEN | F_CH | F_M | F_N | F_NH | F_P | F_T, P0, P0),
    rhyme("o", OPEN | F_C | F_M | F_N | F_NG | F_P | F_T, P0, P0),
    rhyme("ô", OPEN | F_C | F_M | F_N | F_NG | F_P | F_T, P0, P0),
    rhyme("ơ", OPEN | F_M | F_N | F_P | F_T, P0, P0),
    rhyme("u", OPEN | F_C | F_M | F_N | F_NG | F_P | F_T, P0, P0),
    rhyme("ư", OPEN | F_C | F_NG | F_T, P0, P0),
    rhyme("y", OPEN, P0, 0),
    rhyme("oa", ALL_FINALS, P0 | P1, P1),
    rhyme("oă", F_C | F_M | F_N | F_NG | F_P | F_T, 0, P1),
    rhyme("oe", OPEN | F_M | F_N | F_T, P0 | P1, P1),
    rhyme("oo", F_C | F_NG, 0, P1),
    rhyme("uâ", F_N | F_NG | F_T, 0, P1),
    rhyme("uê", OPEN | F_CH | F_N | F_NH | F_T, P1, P1),
    rhyme("uy", OPEN | F_CH | F_N | F_NH | F_P | F_T, P0 | P1, P1),
    rhyme("uơ", OPEN, P1, 0),
    rhyme("ua", OPEN, P0, 0),
    rhyme("ưa", OPEN, P0, 0),
    rhyme("ia", OPEN, P0, 0),
    rhyme("iê", F_C | F_M | F_N | F_NG | F_P | F_T, 0, P1),
    rhyme("yê", F_M | F_N | F_NG | F_T, 0, P1),
    rhyme("uô", F_C | F_M | F_N | F_NG | F_T, 0, P1),
    rhyme("ươ", F_C | F_M | F_N | F_NG | F_P | F_T, 0, P1),
    rhyme("uyê", F_N | F_T, 0, P2),
    rhyme("ai", OPEN, P0, 0),
    rhyme("ao", OPEN, P0, 0),
    rhyme("au", OPEN, P0, 0),
    rhyme("ay", OPEN, P0, 0),
    rhyme("âu", OPEN, P0, 0),
    rhyme("ây", OPEN, P0, 0),
    rhyme("eo", OPEN, P0, 0),
    rhyme("êu", OPEN, P0, 0),
    rhyme("iu", OPEN, P0, 0),
    rhyme("oi", OPEN, P0, 0),
    rhyme("ôi", OPEN, P0, 0),
    rhyme("ơi", OPEN, P0, 0),
    rhyme("ui", OPEN, P0, 0),
    rhyme("ưi", OPEN, P0, 0),
    rhyme("ưu", OPEN, P0, 0),
    rhyme("iêu", OPEN, P1, 0),
    rhyme("yêu", OPEN, P1, 0),
    rhyme("oai", OPEN, P1, 0),
    rhyme("oay", OPEN, P1, 0),
    rhyme("oao", OPEN, P1, 0),
    rhyme("oeo", OPEN, P1, 0),
    rhyme("uây", OPEN, P1, 0),
    rhyme("uôi", OPEN, P1, 0),
    rhyme("ươi", OPEN, P1, 0),
    rhyme("ươu", OPEN, P1, 0),
    rhyme("uya", OPEN, P1, 0),
    rhyme("uyu", OPEN, P1, 0),
];

fn same(word: &str, letters: &[char]) -> bool {
    word.chars().eq(letters.iter().copied())
}

/// Whether a vowel cluster takes the final, with the tone mark (if any) on vowel `tone_at`.
fn rhyme_allows(cluster: &[char], final_flag: u16, tone_at: Option<usize>) -> bool {
    RHYMES.iter().any(|r| {
        let positions = if final_flag == OPEN { r.open } else { r.closed };
        r.finals & final_flag != 0
            && tone_at.is_none_or(|p| p < 8 && positions & (1 << p) != 0)
            && same(r.cluster, cluster)
    })
}

fn final_flag(letters: &[char]) -> Option<u16> {
    Some(match letters {
        [] => OPEN,
        ['c'] => F_C,
        ['c', 'h'] => F_CH,
        ['m'] => F_M,
        ['n'] => F_N,
        ['n', 'g'] => F_NG,
        ['n', 'h'] => F_NH,
        ['p'] => F_P,
        ['t'] => F_T,
        _ => return None,
    })
}

/// Collects the letters of one word and checks that they form a Vietnamese syllable.
struct Syllable {
    letters: [char; 8],
    len: usize,
    tone: Option<char>,
    /// Index in `letters` of the vowel carrying the tone mark.
    tone_at: usize,
    ok: bool,
    lower_seen: bool,
    upper_after_first: bool,
}

impl Syllable {
    fn new() -> Syllable {
        Syllable {
            letters: ['\0'; 8],
            len: 0,
            tone: None,
            tone_at: 0,
            ok: true,
            lower_seen: false,
            upper_after_first: false,
        }
    }

    fn push(&mut self, c: char, case: CaseClass) {
        if !self.ok {
            return;
        }
        let Some(info) = letter_info(c) else {
            self.ok = false;
            return;
        };
        let Some(letter) = alphabet_letter(info) else {
            self.ok = false;
            return;
        };
        if let Some(t) = info.tone {
            if !is_vowel_letter(letter) || self.tone.is_some() {
                self.ok = false;
                return;
            }
            self.tone = Some(t);
            self.tone_at = self.len;
        }
        if self.len == self.letters.len() {
            self.ok = false;
            return;
        }
        match case {
            CaseClass::Lower => self.lower_seen = true,
            CaseClass::Upper if self.len > 0 => self.upper_after_first = true,
            _ => {}
        }
        self.letters[self.len] = letter;
        self.len += 1;
    }

    fn is_valid(&self) -> bool {
        if !self.ok || self.len == 0 {
            return false;
        }
        // All capitals, or capital (or not) first and small letters after it.
        if self.lower_seen && self.upper_after_first {
            return false;
        }
        let letters = &self.letters[..self.len];
        let Some(v0) = letters.iter().position(|&c| is_vowel_letter(c)) else {
            return false;
        };
        let v1 = v0
            + letters[v0..]
                .iter()
                .take_while(|&&c| is_vowel_letter(c))
                .count();
        let (initial, cluster, fin) = (&letters[..v0], &letters[v0..v1], &letters[v1..]);
        let Some(flag) = final_flag(fin) else {
            return false;
        };
        // Syllables closed by c, ch, p, t only take the acute or the dot below.
        if flag & STOPS != 0 && !matches!(self.tone, Some(ACUTE) | Some(DOT)) {
            return false;
        }
        // "oong" (xoong, goòng) only with the level or the falling tone.
        if same("oo", cluster) && flag == F_NG && !matches!(self.tone, None | Some(GRAVE)) {
            return false;
        }
        // "uya" and "uyu" only occur after "kh" (khuya, khuỷu).
        if (same("uya", cluster) || same("uyu", cluster)) && !same("kh", initial) {
            return false;
        }
        // Tone position relative to the start of the cluster, and to the cluster without its
        // first vowel when that vowel belongs to the initial ("qu", "gi").
        let tone_at = self.tone.map(|_| self.tone_at - v0);
        let tone_after_first = match tone_at {
            Some(0) => None,
            Some(p) => Some(Some(p - 1)),
            None => Some(None),
        };
        if same("q", initial) {
            // "qu" + vowels: the u belongs to the initial ("quân", "quốc", "quỳnh").
            return cluster.len() >= 2
                && cluster[0] == 'u'
                && (tone_after_first.is_some_and(|t| rhyme_allows(&cluster[1..], flag, t))
                    || rhyme_allows(cluster, flag, tone_at));
        }
        if !INITIALS.iter().any(|i| same(i, initial)) {
            return false;
        }
        if same("g", initial)
            && cluster.len() >= 2
            && cluster[0] == 'i'
            && tone_after_first.is_some_and(|t| rhyme_allows(&cluster[1..], flag, t))
        {
            // "gi" + vowels: "gia", "giữ", "giường".
            return true;
        }
        rhyme_allows(cluster, flag, tone_at)
    }
}

/// Whether decoded glyphs form one Vietnamese syllable (punctuation kept at the edges is ignored).
fn token_is_syllable(glyphs: &[Glyph]) -> bool {
    let Some(start) = glyphs.iter().position(|g| g.kind != Kind::Edge) else {
        return false;
    };
    let end = glyphs
        .iter()
        .rposition(|g| g.kind != Kind::Edge)
        .map_or(start, |e| e + 1);
    let mut syllable = Syllable::new();
    for g in &glyphs[start..end] {
        match g.kind {
            Kind::Letter(case) => syllable.push(g.ch, case),
            _ => return false,
        }
    }
    syllable.is_valid()
}

/// Whether a word, read as Unicode, is a Vietnamese syllable with ordinary capitalisation.
fn unicode_word_is_vietnamese(chars: impl Iterator<Item = char>) -> bool {
    let mut syllable = Syllable::new();
    for c in chars {
        let case = if c.is_uppercase() {
            CaseClass::Upper
        } else {
            CaseClass::Lower
        };
        syllable.push(c, case);
    }
    syllable.is_valid()
}

/// For text whose non-ASCII characters are all shared Latin-1 letters: is there a word with such a
/// letter that is not a Vietnamese syllable?
fn has_implausible_word(s: &str) -> bool {
    let mut start: Option<usize> = None;
    let mut shared = false;
    let check = |word: &str| !unicode_word_is_vietnamese(word.chars());
    for (i, c) in s.char_indices() {
        let in_word = c.is_ascii_alphabetic() || is_shared_latin1_letter(c);
        if in_word {
            if start.is_none() {
                start = Some(i);
                shared = false;
            }
            shared |= !c.is_ascii();
        } else if let Some(st) = start.take() {
            if shared && check(&s[st..i]) {
                return true;
            }
        }
    }
    match start {
        Some(st) => shared && check(&s[st..]),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use unicode_normalization::char::compose;

    /// How the test encoders write the bytes 0x80–0x9F.
    #[derive(Clone, Copy)]
    enum C1 {
        Cp1252,
        Latin1,
    }

    fn byte_to_char(b: u8, c1: C1) -> char {
        match (b, c1) {
            (0x80..=0x9F, C1::Cp1252) => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        }
    }

    /// Unicode → byte, from the same TCVN3 table as the decoder.
    fn tcvn3_reverse() -> HashMap<char, u8> {
        let mut map = HashMap::new();
        for b in 0x80..=0xFFu8 {
            if b == 0xA0 || (0xB0..=0xB4).contains(&b) {
                continue;
            }
            map.insert(tcvn3_high(b), b);
        }
        for b in 0..0x20u8 {
            if let Some(c) = tcvn3_c0(b) {
                map.insert(c, b);
            }
        }
        map
    }

    /// Unicode → TCVN3. With `full` the capitals with a tone mark use their TCVN 5712 positions;
    /// without, they use the small letter's code as ABC fonts do (".VnTimeH" practice).
    fn enc_tcvn3(s: &str, full: bool, c1: C1) -> String {
        let map = tcvn3_reverse();
        let mut out = String::new();
        for c in s.nfc() {
            if c.is_ascii() {
                out.push(c);
                continue;
            }
            let mut b = *map
                .get(&c)
                .unwrap_or_else(|| panic!("no TCVN3 code for {c:?}"));
            let abc_capital = (0xA1..=0xA7).contains(&b);
            if !full && c.is_uppercase() && !abc_capital {
                let lower = c.to_lowercase().next().unwrap();
                b = map[&lower];
            }
            out.push(byte_to_char(b, c1));
        }
        out
    }

    /// Unicode → VNI, from the same VNI tables as the decoder.
    fn enc_vni(s: &str) -> String {
        let mut out = String::new();
        for c in s.nfc() {
            if c.is_ascii() {
                out.push(c);
                continue;
            }
            if let Some(b) = (0xC0..=0xFFu8).find(|&b| vni_letter(b) == Some(c)) {
                out.push(char::from(b));
                continue;
            }
            let info = letter_info(c).unwrap_or_else(|| panic!("not a letter: {c:?}"));
            let upper = c.is_uppercase();
            let (base, modifier) = if info.modifier == Some(HORN) {
                let plain = compose(info.base, HORN).unwrap();
                let plain = if upper {
                    plain.to_uppercase().next().unwrap()
                } else {
                    plain
                };
                let b = (0xC0..=0xFFu8)
                    .find(|&b| vni_letter(b) == Some(plain))
                    .unwrap();
                (char::from(b), None)
            } else if upper {
                (info.base.to_ascii_uppercase(), info.modifier)
            } else {
                (info.base, info.modifier)
            };
            out.push(base);
            if modifier.is_none() && info.tone.is_none() {
                continue;
            }
            let mark = (0xC0..=0xFFu8)
                .find(|&b| vni_mark(b) == Some((modifier, info.tone)) && ((b & 0x20 == 0) == upper))
                .unwrap_or_else(|| panic!("no VNI mark for {c:?}"));
            out.push(char::from(mark));
        }
        out
    }

    const SAMPLES: &[&str] = &[
        "Họ và tên",
        "Mã đơn vị",
        "Đơn vị",
        "Tổng số CBCCVC, NLĐ",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
        "Phòng Tài chính - Kế hoạch",
        "Nguyễn Thị Hằng",
        "Trần Đức Dũng",
        "Lê Thùy Dương",
        "Kỷ luật",
        "Trường Tiểu học Bồ Đề",
        "Nguyễn Văn An",
        "Phạm Minh Tuấn",
        "Hoàng Thị Thu Thủy",
        "Vũ Quốc Huy",
        "Đặng Thị Quỳnh Hoa",
        "Bùi Xuân Trường",
        "Đỗ Thị Ngọc Ánh",
        "Ngô Quang Vinh",
        "Dương Văn Khánh",
        "Lý Thị Yến",
        "Huỳnh Tấn Phát",
        "Phan Thị Nguyệt",
        "Võ Thị Kim Oanh",
        "Đinh Công Tráng",
        "Trịnh Thị Hương Giang",
        "Lương Thế Vinh",
        "Chức vụ",
        "Ngày sinh",
        "Giới tính",
        "Nữ",
        "Xếp loại",
        "Điểm tự đánh giá",
        "Ý kiến của thủ trưởng đơn vị",
        "Quý I năm 2024",
        "Ủy ban nhân dân huyện Gia Lâm",
        "Sở Giáo dục và Đào tạo Hà Nội",
        "Giáo viên tiếng Anh",
        "Nhân viên kế toán",
        "Trưởng phòng",
        "Phó Hiệu trưởng",
        "Trung tâm Y tế quận Hoàn Kiếm",
        "Bệnh viện Đa khoa tỉnh",
        "Khuất Duy Tiến",
        "Nghiêm Xuân Yêm",
        "Giang Thị Thanh Thủy",
        "Người lao động",
        "Đánh giá, xếp loại chất lượng",
        "Được khen thưởng",
        "Chuyên viên chính",
    ];

    fn upper(s: &str) -> String {
        s.chars().flat_map(char::to_uppercase).collect()
    }

    fn all_samples() -> Vec<String> {
        SAMPLES
            .iter()
            .flat_map(|s| [s.to_string(), upper(s)])
            .collect()
    }

    #[test]
    fn names() {
        assert_eq!(LegacyEncoding::Tcvn3.name(), "TCVN3");
        assert_eq!(LegacyEncoding::Vni.name(), "VNI");
    }

    #[test]
    fn examples_from_real_files() {
        let cases = [
            ("NguyÔn V¨n An", "Nguyễn Văn An", LegacyEncoding::Tcvn3),
            ("Hä vµ tªn", "Họ và tên", LegacyEncoding::Tcvn3),
            ("M· ®¬n vÞ", "Mã đơn vị", LegacyEncoding::Tcvn3),
            (
                "Tr\u{AD}êng TiÓu häc Bå §Ò",
                "Trường Tiểu học Bồ Đề",
                LegacyEncoding::Tcvn3,
            ),
            ("Nguyeãn Vaên An", "Nguyễn Văn An", LegacyEncoding::Vni),
            ("Hoï vaø teân", "Họ và tên", LegacyEncoding::Vni),
            ("Ñôn vò", "Đơn vị", LegacyEncoding::Vni),
            ("TrÇn ThÞ B×nh", "Trần Thị Bình", LegacyEncoding::Tcvn3),
            ("Lª Minh C\u{AD}êng", "Lê Minh Cường", LegacyEncoding::Tcvn3),
            ("Ph¹m Thu H»ng", "Phạm Thu Hằng", LegacyEncoding::Tcvn3),
            ("Hoµng §øc Dòng", "Hoàng Đức Dũng", LegacyEncoding::Tcvn3),
            ("L·nh ®¹o", "Lãnh đạo", LegacyEncoding::Tcvn3),
            (
                "Bé phËn Tæng hîp",
                "Bộ phận Tổng hợp",
                LegacyEncoding::Tcvn3,
            ),
            ("NGUYEÃN VAÊN AN", "NGUYỄN VĂN AN", LegacyEncoding::Vni),
            (
                "Tröôøng Tieåu hoïc Boà Ñeà",
                "Trường Tiểu học Bồ Đề",
                LegacyEncoding::Vni,
            ),
        ];
        for (legacy, unicode, enc) in cases {
            assert!(may_be_legacy(legacy), "{legacy}");
            assert_eq!(detect(legacy), Some(enc), "{legacy}");
            assert_eq!(decode(legacy), Some((unicode.to_string(), enc)), "{legacy}");
        }
    }

    #[test]
    fn tcvn3_round_trip_abc_practice() {
        // "NỮ" is written "N÷" exactly like "Nữ": a lone word with one capital stays title case.
        for s in all_samples().into_iter().filter(|s| s != "NỮ") {
            let legacy = enc_tcvn3(&s, false, C1::Cp1252);
            assert!(may_be_legacy(&legacy), "{s} -> {legacy}");
            assert_eq!(
                decode(&legacy),
                Some((s.clone(), LegacyEncoding::Tcvn3)),
                "{s} -> {legacy}"
            );
        }
    }

    #[test]
    fn tcvn3_round_trip_full_table_cp1252() {
        for s in all_samples() {
            let legacy = enc_tcvn3(&s, true, C1::Cp1252);
            assert_eq!(
                decode(&legacy),
                Some((s.clone(), LegacyEncoding::Tcvn3)),
                "{s} -> {legacy}"
            );
        }
    }

    #[test]
    fn tcvn3_round_trip_full_table_latin1() {
        for s in all_samples() {
            let legacy = enc_tcvn3(&s, true, C1::Latin1);
            assert_eq!(
                decode(&legacy),
                Some((s.clone(), LegacyEncoding::Tcvn3)),
                "{s} -> {legacy:?}"
            );
        }
    }

    #[test]
    fn vni_round_trip() {
        for s in all_samples() {
            let legacy = enc_vni(&s);
            assert!(may_be_legacy(&legacy), "{s} -> {legacy}");
            assert_eq!(
                decode(&legacy),
                Some((s.clone(), LegacyEncoding::Vni)),
                "{s} -> {legacy}"
            );
        }
    }

    #[test]
    fn encoders_match_published_examples() {
        assert_eq!(
            enc_tcvn3("Nguyễn Văn An", false, C1::Cp1252),
            "NguyÔn V¨n An"
        );
        assert_eq!(enc_tcvn3("Họ và tên", false, C1::Cp1252), "Hä vµ tªn");
        assert_eq!(
            enc_tcvn3("NGUYỄN VĂN AN", false, C1::Cp1252),
            "NGUYÔN V¡N AN"
        );
        assert_eq!(enc_tcvn3("HỌ", true, C1::Cp1252), "H\u{2013}");
        assert_eq!(enc_vni("Nguyễn Văn An"), "Nguyeãn Vaên An");
        assert_eq!(enc_vni("Họ và tên"), "Hoï vaø teân");
        assert_eq!(enc_vni("Lê Thùy Dương"), "Leâ Thuøy Döông");
        assert_eq!(enc_vni("Nghĩa Kỷ Luật"), "Nghóa Kyû Luaät");
        assert_eq!(enc_vni("ĐỖ THỊ ỴẾN"), "ÑOÃ THÒ ÎEÁN");
    }

    #[test]
    fn ambiguous_alone_but_convertible() {
        // Each of these reads as valid Unicode Vietnamese too ("chó", "soá"), so a cell holding
        // only them is not detected; with the encoding known from other cells it converts.
        assert_eq!(detect("Ghi chó"), None);
        assert_eq!(convert("Ghi chó", LegacyEncoding::Tcvn3), "Ghi chú");
        assert_eq!(detect("Soá TT"), None);
        assert_eq!(convert("Soá TT", LegacyEncoding::Vni), "Số TT");
    }

    #[test]
    fn single_words() {
        let cases = [
            // Both tables read these; the common syllable wins.
            ("Chöa", "Chưa", LegacyEncoding::Vni),
            ("Söa", "Sửa", LegacyEncoding::Tcvn3),
            ("HOÏ", "HỌ", LegacyEncoding::Vni),
            // TCVN3 would give "Keỏ", with the tone on the wrong vowel.
            ("Keá", "Kế", LegacyEncoding::Vni),
            ("N÷", "Nữ", LegacyEncoding::Tcvn3),
            ("Tæng", "Tổng", LegacyEncoding::Tcvn3),
            ("Toång", "Tổng", LegacyEncoding::Vni),
            // Abbreviations with Đ.
            ("NL§", "NLĐ", LegacyEncoding::Tcvn3),
            ("HÑND", "HĐND", LegacyEncoding::Vni),
        ];
        for (legacy, unicode, enc) in cases {
            assert_eq!(decode(legacy), Some((unicode.to_string(), enc)), "{legacy}");
        }
    }

    #[test]
    fn capitals_from_context() {
        // A one-word cell with a single capital stays in title case.
        assert_eq!(convert("Hä", LegacyEncoding::Tcvn3), "Họ");
        assert_eq!(convert("N÷", LegacyEncoding::Tcvn3), "Nữ");
        // A word with two or more capitals is written in capitals.
        assert_eq!(convert("NGUYÔN", LegacyEncoding::Tcvn3), "NGUYỄN");
        // Short words follow the rest of an all-capitals text.
        assert_eq!(convert("Hä Vµ T£N", LegacyEncoding::Tcvn3), "HỌ VÀ TÊN");
        // Mixed text keeps small letters; abbreviations do not make a text all capitals.
        assert_eq!(convert("§ç Lý", LegacyEncoding::Tcvn3), "Đỗ Lý");
        assert_eq!(convert("M· CB", LegacyEncoding::Tcvn3), "Mã CB");
        assert_eq!(convert("NghØ èm", LegacyEncoding::Tcvn3), "Nghỉ ốm");
        // The first word of a text, and a word among title-case words, start with a capital.
        assert_eq!(
            convert("ñy ban nh©n d©n", LegacyEncoding::Tcvn3),
            "Ủy ban nhân dân"
        );
        assert_eq!(
            convert("§ç ThÞ Ngäc ¸nh", LegacyEncoding::Tcvn3),
            "Đỗ Thị Ngọc Ánh"
        );
    }

    #[test]
    fn tcvn3_punctuation_stays_punctuation() {
        // En dash and quotes typed in a TCVN3 text are not read as capitals.
        let s = "Phßng Tµi chÝnh \u{2013} KÕ ho¹ch";
        assert_eq!(
            decode(s),
            Some((
                "Phòng Tài chính \u{2013} Kế hoạch".to_string(),
                LegacyEncoding::Tcvn3
            ))
        );
        let s = "\u{201C}Hoµn thµnh tèt\u{201D}\u{2026}";
        assert_eq!(
            decode(s),
            Some((
                "\u{201C}Hoàn thành tốt\u{201D}\u{2026}".to_string(),
                LegacyEncoding::Tcvn3
            ))
        );
        // The Latin-1 reading of the same bytes gives the same result.
        let s = "Phßng Tµi chÝnh \u{96} KÕ ho¹ch";
        assert_eq!(
            decode(s),
            Some((
                "Phòng Tài chính \u{2013} Kế hoạch".to_string(),
                LegacyEncoding::Tcvn3
            ))
        );
        // ± not after a vowel is not a tone mark.
        assert_eq!(convert("Sai sè ±5", LegacyEncoding::Tcvn3), "Sai số ±5");
    }

    #[test]
    fn tcvn3_combining_tone_marks() {
        // TCVN 5712 also allows a base vowel followed by a tone byte (0xB0–0xB4).
        assert_eq!(
            convert("Ha\u{B0} N\u{AB}\u{B4}i", LegacyEncoding::Tcvn3),
            "Hà Nội"
        );
    }

    #[test]
    fn unicode_is_not_legacy() {
        for s in all_samples() {
            let nfd: String = s.nfd().collect();
            for t in [&s, &nfd] {
                assert!(!may_be_legacy(t), "{t}");
                assert_eq!(detect(t), None, "{t}");
                assert_eq!(decode(t), None, "{t}");
            }
        }
        for s in [
            "Phòng Tài chính",
            "PHÒNG TÀI CHÍNH",
            "Lê Thị Mai",
            "Tâm",
            "Hoà",
            "Hòa",
            "Thuý",
            "Cao Bá Quát",
            "Giáo viên",
            "Quý",
        ] {
            assert!(!may_be_legacy(s), "{s}");
            assert_eq!(detect(s), None, "{s}");
        }
    }

    #[test]
    fn ascii_and_western_text_is_not_legacy() {
        for s in [
            "",
            "Nguyen Van An",
            "Ho va ten",
            "CBCCVC 2024",
            "A1:B2",
            "Café",
            "Café Müller",
            "São Paulo",
            "naïve",
            "±5",
            "© 2024",
            "25°C",
            "½ day",
            "Straße",
            "Björk Guðmundsdóttir",
            "Señor Niño",
            "Zoë",
            "Noël",
            "Ålesund",
            "garçon",
            "Déjà vu",
            "Crème brûlée",
            "résumé",
            "José Martí",
            "François Mitterrand",
            "Köln",
            "Øresund",
            "don\u{2019}t",
            "\u{201C}Quoted\u{201D} \u{2013} text\u{2026}",
            "Price: 5\u{20AC}",
            "Brâu",
        ] {
            assert_eq!(detect(s), None, "{s}");
            assert_eq!(decode(s), None, "{s}");
        }
        assert!(!may_be_legacy(""));
        assert!(!may_be_legacy("Nguyen Van An"));
        assert!(!may_be_legacy("São Paulo"));
    }

    #[test]
    fn convert_keeps_unmapped_characters() {
        assert_eq!(
            convert("Hä vµ tªn: 中文", LegacyEncoding::Tcvn3),
            "Họ và tên: 中文"
        );
        assert_eq!(
            convert("Hoï vaø teân – 1", LegacyEncoding::Vni),
            "Họ và tên – 1"
        );
        assert_eq!(convert("Hoï\u{96}", LegacyEncoding::Vni), "Họ\u{2013}");
    }

    #[test]
    fn common_syllables_are_sorted_syllables() {
        let words: Vec<&str> = COMMON_SYLLABLES.split(' ').collect();
        assert!(words.len() > 400);
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        for w in words {
            assert_eq!(w.nfc().collect::<String>(), w);
            assert!(unicode_word_is_vietnamese(w.chars()), "{w}");
            assert!(is_common_syllable(w));
        }
        assert!(!is_common_syllable("chửa"));
        assert!(!is_common_syllable(""));
    }

    #[test]
    fn shared_latin1_letters() {
        let shared: Vec<char> = SHARED_LATIN1_LETTERS.chars().collect();
        assert_eq!(shared.len(), 32);
        for code in 0u32..0x300 {
            let c = char::from_u32(code).unwrap();
            assert_eq!(is_shared_latin1_letter(c), shared.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn syllables() {
        for w in [
            "gì",
            "giữ",
            "giếng",
            "giường",
            "quốc",
            "quỳnh",
            "khuỷu",
            "khuya",
            "nghiêng",
            "người",
            "hoạch",
            "thuở",
            "xoong",
            "huế",
            "yêu",
            "oanh",
            "uyên",
            "xuân",
            "thuật",
            "ếch",
            "tuýp",
            "Pà",
            "ngoẹo",
            "rượu",
            "khuấy",
            "NGUYỄN",
        ] {
            assert!(unicode_word_is_vietnamese(w.chars()), "{w}");
        }
        for w in [
            "nạve", "café", "tèt", "nguyôn", "teân", "hoï", "mỹller", "straòe", "sóo", "tiÕng",
            "NéI", "ing", "qa",
        ] {
            assert!(!unicode_word_is_vietnamese(w.chars()), "{w}");
        }
    }
}
