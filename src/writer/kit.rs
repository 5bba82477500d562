//! Building blocks shared by the writers: Excel's limits on text ([`cell_text`], through which
//! every text cell of every output goes); and, for the fill-in templates (the unit workbook and
//! the individual score sheets), input and locked formats, the score validation, the conditional
//! colours, sheet protection, and the catalogue laid out as runs of items per group.
//!
//! Everything a unit types goes into an unlocked, tinted cell that carries a data validation; every
//! other cell stays locked, so the sheet can be protected without a password and still be filled.

use crate::model::Quarter;
use crate::profile::{FormSpec, Group, Profile};
use crate::vocab::Vocabulary;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, DataValidation, DataValidationErrorStyle, DataValidationRule,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use super::{Style, Styles};
use std::borrow::Cow;

// ---------------------------------------------------------------------------------------------
// Excel's limits on text (SPEC §8 "Bounded": text at the limit never fails a run)

/// Excel's limit on the text of one cell: 32 767 characters, counted in UTF-16 code units as
/// rust_xlsxwriter checks them (`MaxStringLengthExceeded`).
pub const CELL_TEXT_MAX: usize = 32_767;

/// The visible note that ends a text shortened to fit a cell. The full text stays where it came
/// from: the results document (`ket-qua.json`: unit and person names) or the unit's own workbook.
pub const SHORTENED: &str = "… (cắt bớt, xem ket-qua.json hoặc sổ gốc)";

/// The limit of a sheet name (31), of a header or footer and of a data validation message (255).
pub const SHEET_NAME_MAX: usize = 31;
pub const SHORT_TEXT_MAX: usize = 255;

/// Excel's highest row, in points: a height computed from a long text stops there.
pub const MAX_ROW_HEIGHT: f64 = 409.0;

/// The text of a cell within Excel's limit: as it is when it fits; otherwise cut and ended with
/// [`SHORTENED`], the whole at most [`CELL_TEXT_MAX`] UTF-16 units. Every text cell of every
/// workbook the tool writes goes through here ([`super::text`], [`super::merge_area`]).
pub fn cell_text(s: &str) -> Cow<'_, str> {
    shorten(s, CELL_TEXT_MAX, SHORTENED)
}

/// `s` within `max` UTF-16 units: as it is when it fits, else its longest head that leaves room
/// for `note`, followed by `note`. The cut falls between characters, never between a letter and
/// the combining marks that follow it (NFD Vietnamese), and trailing spaces before the note go.
pub fn shorten<'a>(s: &'a str, max: usize, note: &str) -> Cow<'a, str> {
    // A character takes no more UTF-16 units than UTF-8 bytes: a short text is not counted.
    if s.len() <= max || s.encode_utf16().count() <= max {
        return Cow::Borrowed(s);
    }
    let room = max.saturating_sub(note.encode_utf16().count());
    let mut end = 0;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        end = i + c.len_utf8();
    }
    // Back off to the start of the last letter when the next character is a combining mark.
    let next_is_mark = |end: usize| {
        s[end..]
            .chars()
            .next()
            .is_some_and(unicode_normalization::char::is_combining_mark)
    };
    while end > 0 && next_is_mark(end) {
        end = s[..end].char_indices().next_back().map_or(0, |(i, _)| i);
    }
    let head = s[..end].trim_end();
    Cow::Owned(format!("{head}{note}"))
}

/// Fill of the cells a unit types into.
pub const INPUT_FILL: u32 = 0xFFF8DC;
/// Fill and font of the mandatory items' headers and marks.
pub const MANDATORY_FILL: u32 = 0xFCE4D6;
pub const MANDATORY_FONT: u32 = 0xC00000;
/// Fill of header rows.
pub const HEADER_FILL: u32 = 0xDDEBF7;
/// Fill of group rows and section headings.
pub const GROUP_FILL: u32 = 0xEDEDED;

/// The Vietnamese full words of the four monthly ratings, best first (what the dropdowns offer).
pub const RATING_WORDS: [&str; 4] = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
];

/// What the `Kỷ luật` dropdown offers: the canonical words of SPEC §2 ("no" first, then the
/// periods of discipline and the forms of discipline; "Đã hết thời hạn" last, as a "no").
pub const DISCIPLINE_CHOICES: [&str; 11] = [
    "Không",
    "Đang thi hành kỷ luật",
    "Đang xem xét kỷ luật",
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
    "Khai trừ",
    "Đã hết thời hạn",
];

/// What the `Thanh tra, kiểm tra` dropdown offers (SPEC §2).
pub const INSPECTION_CHOICES: [&str; 5] = [
    "Không",
    "Đang thanh tra",
    "Đang kiểm tra",
    "Kết luận không sai phạm",
    "Có sai phạm",
];

/// What the `Kiểm điểm` dropdown offers (SPEC §2).
pub const REVIEW_CHOICES: [&str; 2] = ["Không", "Phải kiểm điểm"];

/// What the `Đối tượng` dropdown offers (SPEC §3): six kinds in scope, then the two that are not.
pub const STAFF_KIND_CHOICES: [&str; 8] = [
    "CB",
    "CC",
    "VC",
    "NLĐ",
    "HĐ có BHXH từ 12 tháng",
    "HĐ không xác định thời hạn",
    "HĐ dưới 12 tháng",
    "HĐ không BHXH",
];

/// Every closed-vocabulary dropdown of `Danh sách` with the words it offers: the writer and the
/// test that each word is read back by its parser ([`crate::vocab`]) use this one table.
pub const VOCABULARY_CHOICES: [(Vocabulary, &[&str]); 4] = [
    (Vocabulary::Discipline, &DISCIPLINE_CHOICES),
    (Vocabulary::Inspection, &INSPECTION_CHOICES),
    (Vocabulary::Review, &REVIEW_CHOICES),
    (Vocabulary::StaffKind, &STAFF_KIND_CHOICES),
];

/// The words a closed-vocabulary dropdown offers.
pub fn choices(v: Vocabulary) -> &'static [&'static str] {
    VOCABULARY_CHOICES
        .iter()
        .find(|(w, _)| *w == v)
        .map_or(&[], |(_, words)| *words)
}

/// Excel keeps an inline dropdown list (the words joined by commas) to 255 UTF-16 units.
pub const INLINE_LIST_MAX: usize = 255;

/// The name of the hidden sheet that holds the dropdown lists too long to be written inline.
pub const SHEET_LISTS: &str = "Danh mục chọn";

/// Dropdown lists too long for Excel's inline limit, or holding a comma: they are written on a
/// hidden sheet ([`SHEET_LISTS`]), one list per column, and the validation refers to the range.
/// The sheet is only added when some list needs it.
#[derive(Debug, Default)]
pub struct ListSheet {
    columns: Vec<Vec<String>>,
}

/// Where a dropdown takes its words from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListSource {
    /// The words written in the validation itself.
    Inline,
    /// A range of the hidden sheet, as formula text: `'Danh mục chọn'!$A$1:$A$12`.
    Range(String),
}

impl ListSheet {
    pub fn new() -> ListSheet {
        ListSheet::default()
    }

    /// Where the dropdown of `words` takes them from; a list that does not fit inline gets a
    /// column of the hidden sheet (the same list twice gets the same column).
    pub fn source(&mut self, words: &[&str]) -> ListSource {
        if fits_inline(words) {
            return ListSource::Inline;
        }
        let col = match self
            .columns
            .iter()
            .position(|c| c.iter().map(String::as_str).eq(words.iter().copied()))
        {
            Some(c) => c,
            None => {
                self.columns
                    .push(words.iter().map(|w| w.to_string()).collect());
                self.columns.len() - 1
            }
        };
        let letters: String = crate::text::a1(0, col as u32)
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        ListSource::Range(format!(
            "'{SHEET_LISTS}'!${letters}$1:${letters}${}",
            words.len().max(1)
        ))
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// Adds the hidden sheet with the lists (nothing when no list needed it).
    pub fn write(&self, wb: &mut Workbook, password: Option<&str>) -> Result<(), XlsxError> {
        if self.columns.is_empty() {
            return Ok(());
        }
        let ws = wb.add_worksheet().set_name(SHEET_LISTS)?;
        for (c, words) in self.columns.iter().enumerate() {
            for (r, w) in words.iter().enumerate() {
                super::text(ws, r as u32, c as u16, w, &Format::new())?;
            }
            ws.set_column_width(c as u16, 40)?;
        }
        ws.set_hidden(true);
        protect(ws, password);
        Ok(())
    }
}

/// Can a dropdown carry these words inline? Excel separates them by commas, so a word holding a
/// comma cannot be inline, and the joined text must stay within [`INLINE_LIST_MAX`].
pub fn fits_inline(words: &[&str]) -> bool {
    let joined: usize = words
        .iter()
        .map(|w| w.encode_utf16().count())
        .sum::<usize>()
        + words.len().saturating_sub(1);
    joined <= INLINE_LIST_MAX && words.iter().all(|w| !w.contains(',') && !w.contains('"'))
}

/// The formats of a fill-in template, on top of the official [`Styles`].
pub struct Kit {
    pub s: Styles,
    /// A locked bordered cell, centred.
    pub locked_center: Style,
    /// A locked bordered cell, wrapped text.
    pub locked_wrap: Style,
    /// A locked bordered cell, wrapped and centred both ways (merged group cells).
    pub locked_wrap_center: Style,
    /// Header cells (bold, tinted, wrapped, centred).
    pub header: Style,
    /// Header cells of mandatory items.
    pub header_mandatory: Style,
    /// The `x` of a mandatory item in a `Bắt buộc` row or column.
    pub mark: Style,
    /// The label of a `Bắt buộc` row.
    pub mark_label: Style,
    /// An unlocked input cell holding text.
    pub input: Style,
    /// An unlocked input cell, centred (scores, x marks, numbers).
    pub input_center: Style,
    /// An unlocked input cell holding text, wrapped.
    pub input_wrap: Style,
    /// An unlocked input date cell.
    pub input_date: Style,
    /// A locked formula result (totals), bold and centred.
    pub total: Style,
    /// A group row across a table.
    pub group: Style,
    /// A section heading of the guide.
    pub section: Style,
    /// A paragraph: wrapped, top-aligned, no border.
    pub paragraph: Style,
    /// Italic small print, wrapped.
    pub note: Style,
    /// Conditional colours.
    pub cf_invalid: Format,
    pub cf_mandatory_low: Format,
    pub cf_other_low: Format,
    pub cf_rating_low: Format,
}

impl Default for Kit {
    fn default() -> Self {
        Kit::new()
    }
}

impl Kit {
    pub fn new() -> Kit {
        let s = Styles::new();
        let cell = s.cell.clone();
        let header = s
            .header
            .clone()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_align(FormatAlign::VerticalCenter);
        let input = cell
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(INPUT_FILL));
        Kit {
            locked_center: cell.clone().set_align(FormatAlign::Center),
            locked_wrap: cell.clone().set_text_wrap(),
            locked_wrap_center: cell
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header_mandatory: header
                .clone()
                .set_background_color(Color::RGB(MANDATORY_FILL))
                .set_font_color(Color::RGB(MANDATORY_FONT)),
            header,
            mark: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(MANDATORY_FILL))
                .set_font_color(Color::RGB(MANDATORY_FONT)),
            mark_label: cell
                .clone()
                .set_bold()
                .set_italic()
                .set_font_color(Color::RGB(MANDATORY_FONT)),
            input_center: input.clone().set_align(FormatAlign::Center),
            input_wrap: input.clone().set_text_wrap(),
            input_date: input
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("dd/mm/yyyy"),
            input,
            total: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_num_format("General;-General;;@"),
            group: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(GROUP_FILL)),
            section: s
                .base
                .clone()
                .set_bold()
                .set_font_size(13)
                .set_background_color(Color::RGB(GROUP_FILL)),
            paragraph: s.base.clone().set_text_wrap().set_align(FormatAlign::Top),
            note: s
                .base
                .clone()
                .set_italic()
                .set_font_size(11)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            cf_invalid: Format::new()
                .set_background_color(Color::RGB(0xC00000))
                .set_font_color(Color::White)
                .set_bold(),
            cf_mandatory_low: Format::new()
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006))
                .set_bold(),
            cf_other_low: Format::new()
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_font_color(Color::RGB(0x9C5700))
                .set_bold(),
            cf_rating_low: Format::new()
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_font_color(Color::RGB(0x9C5700)),
            s,
        }
    }

    /// A cell with a dotted bottom line to write on (a printed form's blank).
    pub fn blank_line(&self) -> Style {
        self.s
            .base
            .clone()
            .set_unlocked()
            .set_border_bottom(FormatBorder::Dotted)
    }
}

/// Cuts a text to at most `max` UTF-16 units (Excel's limits on validation texts), ending in `…`.
pub fn fit(text: &str, max: usize) -> String {
    shorten(text, max, "…").into_owned()
}

/// A validation with an input message and an error message (titles ≤ 32, texts ≤ 255 units).
pub fn explained(
    dv: DataValidation,
    input_title: &str,
    input: &str,
    error_title: &str,
    error: &str,
) -> Result<DataValidation, XlsxError> {
    dv.set_input_title(fit(input_title, 32))?
        .set_input_message(fit(input, 255))?
        .set_error_title(fit(error_title, 32))?
        .set_error_message(fit(error, 255))
        .map(|d| d.set_error_style(DataValidationErrorStyle::Stop))
}

/// A half-point value as Excel formula text: `10`, `9.5`.
pub fn excel_number(half_points: u16) -> String {
    if half_points % 2 == 0 {
        format!("{}", half_points / 2)
    } else {
        format!("{}.5", half_points / 2)
    }
}

/// A half-point value as Vietnamese text: `10`, `9,5`.
pub fn vi_number(half_points: u16) -> String {
    excel_number(half_points).replace('.', ",")
}

/// The Excel formula that accepts exactly the scale's scores: a number from min to max whose
/// double is whole (steps of 0.5). `cell` is the relative top-left cell of the validated range.
pub fn score_rule(profile: &Profile, cell: &str) -> String {
    format!(
        "AND(ISNUMBER({cell}),{cell}>={min},{cell}<={max},MOD({cell}*2,1)=0)",
        min = profile.scale_min,
        max = profile.scale_max
    )
}

/// The validation of score cells: the custom rule of [`score_rule`], with an input message about
/// the 0.5 step. (A plain "decimal between 1 and 10" would let 8.3 through.)
pub fn score_validation(profile: &Profile, cell: &str) -> Result<DataValidation, XlsxError> {
    let (min, max) = (profile.scale_min, profile.scale_max);
    let dv = DataValidation::new()
        .allow_custom(Formula::new(score_rule(profile, cell)))
        .ignore_blank(true);
    explained(
        dv,
        &format!("Điểm từ {min} đến {max}, bước 0,5"),
        &format!(
            "Gõ một số từ {min} đến {max}, cách nhau 0,5 điểm: {max}; {}; {}; …; {min}. \
             Số khác (ví dụ 8,3 hoặc 12) không được nhận. Nội dung bắt buộc (dòng/cột \
             \"Bắt buộc\" có x) cần đạt {}; nội dung khác từ {} trở lên.",
            vi_number(max * 2 - 1),
            vi_number(max * 2 - 2),
            vi_number(profile.thresholds.mandatory_min),
            vi_number(profile.thresholds.other_min),
        ),
        "Điểm không hợp lệ",
        &format!(
            "Điểm phải là số từ {min} đến {max}, theo bước 0,5 ({max}; {}; {}; …). \
             Ví dụ 8,3 (sai bước) hoặc 12 (quá {max}) là sai.",
            vi_number(max * 2 - 1),
            vi_number(max * 2 - 2),
        ),
    )
}

/// A dropdown of fixed words (no other value accepted): inline when they fit, else from a
/// column of the hidden list sheet (see [`ListSheet`]).
pub fn list_validation(
    lists: &mut ListSheet,
    words: &[&str],
    input_title: &str,
    input: &str,
) -> Result<DataValidation, XlsxError> {
    let dv = match lists.source(words) {
        ListSource::Inline => DataValidation::new().allow_list_strings(words)?,
        ListSource::Range(r) => DataValidation::new().allow_list_formula(Formula::new(r)),
    }
    .ignore_blank(true);
    explained(
        dv,
        input_title,
        input,
        "Chọn trong danh sách",
        &format!(
            "Chỉ nhận một trong các giá trị: {}; hoặc để trống. Bấm mũi tên bên phải ô để chọn.",
            words.join("; ")
        ),
    )
}

/// The x/blank dropdown.
pub fn x_validation(input_title: &str, input: &str) -> Result<DataValidation, XlsxError> {
    let dv = DataValidation::new()
        .allow_list_strings(&["x"])?
        .ignore_blank(true);
    explained(
        dv,
        input_title,
        input,
        "Chỉ ghi x hoặc để trống",
        "Ô này chỉ nhận chữ x (có) hoặc để trống (không).",
    )
}

/// A date between two days.
pub fn date_validation(
    from: NaiveDate,
    to: NaiveDate,
    input_title: &str,
    input: &str,
) -> Result<DataValidation, XlsxError> {
    let dv = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            excel_date(from)?,
            excel_date(to)?,
        ))
        .ignore_blank(true);
    explained(
        dv,
        input_title,
        input,
        "Ngày không hợp lệ",
        &format!(
            "Gõ một ngày dạng ngày/tháng/năm, từ {} đến {}.",
            from.format("%d/%m/%Y"),
            to.format("%d/%m/%Y")
        ),
    )
}

/// A whole number between two bounds.
pub fn whole_validation(
    min: i32,
    max: i32,
    input_title: &str,
    input: &str,
) -> Result<DataValidation, XlsxError> {
    let dv = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(min, max))
        .ignore_blank(true);
    explained(
        dv,
        input_title,
        input,
        "Số không hợp lệ",
        &format!("Gõ một số nguyên từ {min} đến {max}."),
    )
}

/// The Excel formula that accepts a number of days from 0 to `max` in steps of half a day.
pub fn half_days_rule(cell: &str, max: u32) -> String {
    format!("AND(ISNUMBER({cell}),{cell}>=0,{cell}<={max},MOD({cell}*2,1)=0)")
}

/// A number of days from 0 to `max` in steps of half a day (2; 2,5; but not 2,3).
pub fn half_days_validation(
    cell: &str,
    max: u32,
    input_title: &str,
    input: &str,
) -> Result<DataValidation, XlsxError> {
    custom_validation(
        half_days_rule(cell, max),
        input_title,
        input,
        "Số ngày không hợp lệ",
        &format!(
            "Gõ số ngày từ 0 đến {max}, được ghi nửa ngày: 2; 2,5; 3 (không nhận 2,3 hay chữ)."
        ),
    )
}

/// Free text of at most `max` characters.
pub fn text_validation(
    max: u32,
    input_title: &str,
    input: &str,
) -> Result<DataValidation, XlsxError> {
    let dv = DataValidation::new()
        .allow_text_length(DataValidationRule::Between(0, max))
        .ignore_blank(true);
    explained(
        dv,
        input_title,
        input,
        "Quá dài",
        &format!("Ô này nhận tối đa {max} ký tự."),
    )
}

/// A custom rule with its messages.
pub fn custom_validation(
    rule: String,
    input_title: &str,
    input: &str,
    error_title: &str,
    error: &str,
) -> Result<DataValidation, XlsxError> {
    let dv = DataValidation::new()
        .allow_custom(Formula::new(rule))
        .ignore_blank(true);
    explained(dv, input_title, input, error_title, error)
}

pub fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The conditional colours of a score range whose mandatory marks sit in one row (`mark_row`,
/// a unit's score sheet) or one column (`mark_col`, an individual sheet): a value that is not a
/// valid score (pasted text, 8.3…), a mandatory score below its minimum, another below its minimum.
pub fn score_colours(
    ws: &mut Worksheet,
    kit: &Kit,
    profile: &Profile,
    range: (u32, u16, u32, u16),
    mark: MarkAt,
) -> Result<(), XlsxError> {
    let (r0, c0, r1, c1) = range;
    let cell = crate::text::a1(r0, c0 as u32);
    let mark_ref = match mark {
        MarkAt::Row(r) => {
            let col = crate::text::a1(r, c0 as u32);
            let letters: String = col
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            format!("{letters}${}", r + 1)
        }
        MarkAt::Col(c) => format!("${}", crate::text::a1(r0, c as u32)),
    };
    let invalid = ConditionalFormatFormula::new()
        .set_rule(Formula::new(format!(
            "=AND(LEN({cell})>0,NOT({}))",
            score_rule(profile, &cell)
        )))
        .set_format(&kit.cf_invalid)
        .set_stop_if_true(true);
    let mandatory = ConditionalFormatFormula::new()
        .set_rule(Formula::new(format!(
            "=AND(ISNUMBER({cell}),{mark_ref}=\"x\",{cell}<{})",
            excel_number(profile.thresholds.mandatory_min)
        )))
        .set_format(&kit.cf_mandatory_low);
    let other = ConditionalFormatFormula::new()
        .set_rule(Formula::new(format!(
            "=AND(ISNUMBER({cell}),{mark_ref}<>\"x\",{cell}<{})",
            excel_number(profile.thresholds.other_min)
        )))
        .set_format(&kit.cf_other_low);
    ws.add_conditional_format(r0, c0, r1, c1, &invalid)?;
    ws.add_conditional_format(r0, c0, r1, c1, &mandatory)?;
    ws.add_conditional_format(r0, c0, r1, c1, &other)?;
    Ok(())
}

/// Where the `x` marks of mandatory items are.
#[derive(Debug, Clone, Copy)]
pub enum MarkAt {
    Row(u32),
    Col(u16),
}

/// Protects a sheet: locked cells cannot be changed, unlocked ones can; columns and rows can be
/// resized and rows inserted. No password unless one is given.
pub fn protect(ws: &mut Worksheet, password: Option<&str>) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    if let Some(p) = password {
        ws.protect_with_password(p);
    }
}

/// A run of consecutive items in the same group (or in none).
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    pub first: u16,
    pub last: u16,
    pub group: Option<&'a Group>,
}

/// The items of a form as runs of the same group: item i belongs to the first group whose range
/// holds it (overlapping or missing groups in a profile cannot break the layout).
pub fn group_runs(spec: &FormSpec) -> Vec<Run<'_>> {
    let group_of = |i: u16| spec.groups.iter().find(|g| g.first <= i && i <= g.last);
    let mut runs: Vec<Run> = Vec::new();
    for i in 1..=spec.items {
        let g = group_of(i);
        match runs.last_mut() {
            Some(r) if same_group(r.group, g) => r.last = i,
            _ => runs.push(Run {
                first: i,
                last: i,
                group: g,
            }),
        }
    }
    runs
}

fn same_group(a: Option<&Group>, b: Option<&Group>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        (None, None) => true,
        _ => false,
    }
}

/// The mandatory items as ranges: "1–20", "1–10, 15, 21–30", or "không có".
pub fn ranges_text(mask: &[bool]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < mask.len() {
        if mask[i] {
            let start = i;
            while i + 1 < mask.len() && mask[i + 1] {
                i += 1;
            }
            parts.push(if start == i {
                format!("{}", start + 1)
            } else {
                format!("{}–{}", start + 1, i + 1)
            });
        }
        i += 1;
    }
    if parts.is_empty() {
        "không có".to_string()
    } else {
        parts.join(", ")
    }
}

/// The passing range of a form's total (in half points): mandatory at their minimum and the
/// others at theirs, up to every item at the maximum.
pub fn passing_range(profile: &Profile, spec: &FormSpec) -> (u32, u32) {
    let mandatory = spec.mandatory.iter().filter(|m| **m).count() as u32;
    let others = spec.items as u32 - mandatory;
    let low = mandatory * profile.thresholds.mandatory_min as u32
        + others * profile.thresholds.other_min as u32;
    let high = spec.items as u32 * profile.scale_max as u32 * 2;
    (low, high)
}

/// A whole number of half points as Vietnamese text.
pub fn vi_total(half_points: u32) -> String {
    crate::model::Total(half_points).to_string()
}

/// "I/2024".
pub fn quarter_text(q: Quarter) -> String {
    format!("{}/{}", q.roman(), q.year)
}

/// Characters per unit of column width: mixed-case Times New Roman 12 (a unit is the width of a
/// digit of the workbook's default font, Calibri 11).
pub const CPU_TEXT: f64 = 1.05;
/// The same for bold capitals at 12 points (headings).
pub const CPU_CAPS: f64 = 0.65;
/// The same for bold capitals at 14 points (titles).
pub const CPU_TITLE: f64 = 0.55;

/// The row height (points) a wrapped text of mixed case needs in a cell `width` units wide.
pub fn wrapped_height(text: &str, width: f64, line: f64) -> f64 {
    wrapped_height_cpu(text, width, line, CPU_TEXT)
}

/// The row height (points) a wrapped text needs, at `cpu` characters per unit of width.
pub fn wrapped_height_cpu(text: &str, width: f64, line: f64, cpu: f64) -> f64 {
    let per_line = (width * cpu).max(1.0);
    let lines: f64 = text
        .split('\n')
        .map(|l| (l.chars().count() as f64 / per_line).ceil().max(1.0))
        .sum();
    (lines * line).min(MAX_ROW_HEIGHT)
}

/// The printed width (points) of columns of these widths (Excel's conversion: a width of `w`
/// units is `trunc(7w + 5)` pixels at 96 dpi).
pub fn printed_width(widths: &[f64]) -> f64 {
    widths.iter().map(|w| (w * 7.0 + 5.0).trunc() * 0.75).sum()
}

/// A4 page setup for a sheet with manual page breaks (no "fit to page", which would make Excel
/// and LibreOffice ignore them): orientation, margins, centred, the page number in the footer,
/// and the print scale that fits `widths` into the page width.
pub fn page_setup(ws: &mut Worksheet, landscape: bool, widths: &[f64]) -> u16 {
    let (page_w, left, right) = if landscape {
        (842.0, 0.5, 0.4)
    } else {
        (595.0, 0.5, 0.5)
    };
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_paper_size(9);
    ws.set_margins(left, right, 0.6, 0.6, 0.3, 0.3);
    ws.set_print_center_horizontally(true);
    ws.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    let usable = page_w - (left + right) * 72.0;
    // LibreOffice draws columns about 6% wider than Excel: leave room for both.
    let needed = printed_width(widths) * 1.08;
    let scale = (usable / needed * 100.0).floor().clamp(10.0, 100.0) as u16;
    ws.set_print_scale(scale);
    scale
}

/// Row heights that fit on one printed page of an A4 sheet set up by [`page_setup`] at `scale`.
pub fn page_capacity(landscape: bool, scale: u16) -> f64 {
    let page_h = if landscape { 595.0 } else { 842.0 };
    // Top and bottom margins of 0.6 inch, and a little room for rounding differences.
    (page_h - 1.2 * 72.0 - 12.0) * 100.0 / scale.max(1) as f64
}

/// Where to break pages so that no block (a range of rows to keep together) is split, given the
/// height of each row; `repeated` is the height of header rows printed again on every page.
pub fn page_breaks(
    blocks: &[(u32, u32)],
    height: impl Fn(u32) -> f64,
    capacity: f64,
    repeated: f64,
) -> Vec<u32> {
    let mut breaks = Vec::new();
    let mut used = 0.0;
    let mut next_row = 0;
    for &(a, b) in blocks {
        // Rows between blocks (spacers) go with whatever page they fall on.
        let gap: f64 = (next_row..a).map(&height).sum();
        let h: f64 = (a..=b).map(&height).sum();
        if used + gap + h > capacity && used > repeated {
            breaks.push(a);
            used = repeated + h;
        } else {
            used += gap + h;
        }
        next_row = b + 1;
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> usize {
        s.encode_utf16().count()
    }

    /// rust_xlsxwriter takes the text in a cell.
    fn accepted(s: &str) -> bool {
        let mut wb = Workbook::new();
        wb.add_worksheet().write_string(0, 0, s).is_ok()
    }

    #[test]
    fn text_that_fits_a_cell_is_written_as_it_is() {
        assert!(matches!(
            cell_text("Phòng Nội vụ"),
            Cow::Borrowed("Phòng Nội vụ")
        ));
        let at_limit = "ệ".repeat(CELL_TEXT_MAX);
        assert!(matches!(cell_text(&at_limit), Cow::Borrowed(_)));
        assert!(accepted(&at_limit));
        assert!(
            !accepted(&format!("{at_limit}a")),
            "the limit is rust_xlsxwriter's"
        );
    }

    #[test]
    fn longer_text_is_shortened_with_a_note_within_the_limit() {
        for long in [
            "ệ".repeat(CELL_TEXT_MAX + 1),
            "Ghi chú rất dài ".repeat(5_000),
            // Astral characters take two UTF-16 units: never split in half.
            "😀".repeat(20_000),
            "a😀".repeat(12_000),
            // NFD Vietnamese: a letter and its combining marks stay together.
            "Nguye\u{302}\u{303}n ".repeat(5_000),
            "e\u{302}\u{301}".repeat(20_000),
        ] {
            let cut = cell_text(&long);
            assert!(cut.ends_with(SHORTENED), "ends with the note");
            assert!(units(&cut) <= CELL_TEXT_MAX, "{} units", units(&cut));
            assert!(units(&cut) > CELL_TEXT_MAX - 10, "as much as fits");
            assert!(long.starts_with(cut.trim_end_matches(SHORTENED)));
            assert!(accepted(&cut));
            let head = cut.trim_end_matches(SHORTENED);
            let next = long[head.len()..].chars().next().unwrap();
            assert!(
                !unicode_normalization::char::is_combining_mark(next),
                "the cut is before a letter, not inside one"
            );
        }
        // The seeds' limits of shorter texts work the same way.
        assert_eq!(shorten("Phòng Nội vụ", 8, "…"), "Phòng N…");
        assert_eq!(shorten("Phòng  Nội", 7, "…"), "Phòng…");
        assert_eq!(fit(&"x".repeat(300), SHORT_TEXT_MAX).chars().count(), 255);
    }

    #[test]
    fn every_text_cell_of_the_writers_goes_through_one_helper() {
        // Writing text straight into a worksheet bypasses Excel's limit: only `super::text`,
        // `super::merge_area`, `super::internal_link` and `super::note` (src/writer/mod.rs) may.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/writer");
        let raw = [
            ".write_string(",
            ".write_string_with_format(",
            ".merge_range(",
            ".write(",
            ".write_with_format(",
            ".write_rich_string",
            ".write_url",
            ".insert_note(",
            ".set_header(",
        ];
        // Every source file under src/writer, sub-folders (metrics/) included.
        let mut files = Vec::new();
        let mut dirs = vec![dir];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d).expect("src/writer") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 10, "{files:?}");
        let mut bypass = Vec::new();
        for path in files {
            let source = std::fs::read_to_string(&path).expect("a source file");
            let code = source.split("#[cfg(test)]").next().unwrap_or("");
            for (i, line) in code.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with("//") {
                    continue;
                }
                if raw.iter().any(|r| line.contains(r)) && !line.contains("lists.write(") {
                    bypass.push(format!("{}:{}: {line}", path.display(), i + 1));
                }
            }
        }
        let helpers: Vec<&String> = bypass
            .iter()
            .filter(|l| l.contains("src/writer/mod.rs"))
            .collect();
        assert_eq!(
            (bypass.len(), helpers.len()),
            (4, 4),
            "only the four helpers write text: {bypass:#?}"
        );
    }

    #[test]
    fn mandatory_ranges_read_like_a_clerk_writes_them() {
        let mut m = vec![false; 30];
        m[..20].iter_mut().for_each(|x| *x = true);
        assert_eq!(ranges_text(&m), "1–20");
        let mut m = vec![false; 30];
        for i in [0, 1, 2, 14, 20, 29] {
            m[i] = true;
        }
        assert_eq!(ranges_text(&m), "1–3, 15, 21, 30");
        assert_eq!(ranges_text(&[false; 5]), "không có");
    }

    #[test]
    fn the_score_rule_is_the_scale() {
        let p = Profile::default_profile();
        assert_eq!(
            score_rule(&p, "D6"),
            "AND(ISNUMBER(D6),D6>=1,D6<=10,MOD(D6*2,1)=0)"
        );
        assert_eq!(excel_number(19), "9.5");
        assert_eq!(vi_number(19), "9,5");
    }

    #[test]
    fn texts_are_cut_to_excel_limits() {
        assert_eq!(fit("abc", 32), "abc");
        let long = "đ".repeat(300);
        let cut = fit(&long, 255);
        assert_eq!(cut.encode_utf16().count(), 255);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn pages_break_between_blocks() {
        let h = |_r: u32| 10.0;
        // Three blocks of 4 rows on pages of 10 rows: each page holds two blocks.
        let b = page_breaks(&[(0, 3), (4, 7), (8, 11)], h, 100.0, 0.0);
        assert_eq!(b, vec![8]);
        // A repeated header of 3 rows leaves room for one block on the following pages.
        let b = page_breaks(&[(0, 3), (4, 7), (8, 11), (12, 15)], h, 100.0, 30.0);
        assert_eq!(b, vec![8, 12]);
        assert!((printed_width(&[10.0]) - 56.25).abs() < 1e-9);
    }

    /// Every word a dropdown offers is read back by its column's parser, with the meaning the
    /// guide gives it: a dropdown must never lead a clerk into `value-unclear`.
    #[test]
    fn every_dropdown_word_is_read_by_its_vocabulary() {
        use crate::vocab::{self, Inspection};
        for (v, words) in VOCABULARY_CHOICES {
            assert!(!words.is_empty(), "{v:?}");
            assert!(fits_inline(words), "{v:?} fits in an inline list");
            for w in words {
                let read = match v {
                    Vocabulary::Discipline => vocab::parse_discipline(w).map(|b| format!("{b}")),
                    Vocabulary::Inspection => vocab::parse_inspection(w).map(|i| format!("{i:?}")),
                    Vocabulary::Review => vocab::parse_review(w).map(|b| format!("{b}")),
                    Vocabulary::StaffKind => vocab::parse_staff_kind(w).map(|b| format!("{b}")),
                    Vocabulary::Mark => vocab::parse_mark(w).map(|b| format!("{b}")),
                };
                assert!(
                    read.is_some(),
                    "{v:?}: the dropdown word {w:?} is not understood"
                );
            }
        }
        // The meanings the guide and the prompts give.
        for w in DISCIPLINE_CHOICES {
            let no = w == "Không" || w == "Đã hết thời hạn";
            assert_eq!(vocab::parse_discipline(w), Some(!no), "{w:?}");
        }
        let inspection: Vec<Inspection> = INSPECTION_CHOICES
            .iter()
            .filter_map(|w| vocab::parse_inspection(w))
            .collect();
        use Inspection::*;
        assert_eq!(inspection, [No, Under, Under, No, AtFault]);
        assert_eq!(
            REVIEW_CHOICES.map(vocab::parse_review),
            [Some(false), Some(true)]
        );
        assert_eq!(
            STAFF_KIND_CHOICES.map(vocab::parse_staff_kind),
            [true, true, true, true, true, true, false, false].map(Some)
        );
        assert_eq!(choices(Vocabulary::Review), REVIEW_CHOICES);
        assert!(choices(Vocabulary::Mark).is_empty());
    }

    #[test]
    fn every_rating_word_is_read_by_the_rating_parser() {
        use crate::model::Rating;
        assert_eq!(
            RATING_WORDS.map(crate::text::parse_rating),
            [
                Rating::XuatSac,
                Rating::Tot,
                Rating::HoanThanh,
                Rating::KhongHoanThanh
            ]
            .map(Some)
        );
        assert!(fits_inline(&RATING_WORDS));
    }

    #[test]
    fn long_lists_go_to_the_hidden_sheet() {
        let mut lists = ListSheet::new();
        assert_eq!(lists.source(&DISCIPLINE_CHOICES), ListSource::Inline);
        assert!(lists.is_empty());
        let long: Vec<String> = (1..=30).map(|i| format!("Lựa chọn số {i:02}")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        assert!(!fits_inline(&long));
        let want = ListSource::Range("'Danh mục chọn'!$A$1:$A$30".to_string());
        assert_eq!(lists.source(&long), want);
        assert_eq!(lists.source(&long), want, "the same list reuses its column");
        assert_eq!(
            lists.source(&["Đảng, đoàn thể", "Chính quyền"]),
            ListSource::Range("'Danh mục chọn'!$B$1:$B$2".to_string()),
            "a word with a comma cannot be inline"
        );
        let mut wb = Workbook::new();
        lists.write(&mut wb, None).unwrap();
        assert!(list_validation(&mut lists, &long, "Thử", "Chọn một giá trị.").is_ok());
    }

    #[test]
    fn half_days_are_accepted_in_steps_of_half_a_day() {
        assert_eq!(
            half_days_rule("O5", 62),
            "AND(ISNUMBER(O5),O5>=0,O5<=62,MOD(O5*2,1)=0)"
        );
    }

    #[test]
    fn groups_become_runs() {
        let p = Profile::default_profile();
        let runs = group_runs(p.form(crate::model::Form::M03));
        let spans: Vec<(u16, u16)> = runs.iter().map(|r| (r.first, r.last)).collect();
        assert_eq!(spans, vec![(1, 15), (16, 30), (31, 45)]);
        assert_eq!(
            passing_range(&p, p.form(crate::model::Form::M04)),
            (560, 600)
        );
    }
}
