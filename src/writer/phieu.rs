//! `danhgia template phieu-03|phieu-04|phieu-05`: the individual score sheet (phiếu cá nhân) of a
//! form, to print and sign: the criteria groups of QĐ 264 as heading rows, the contents of each
//! group beside the numbered criteria that belong to them, each criterion's text (or a blank line
//! for the unit to write it), the mandatory mark, a column for the self-score and one for the
//! authority's score, totals worked out by Excel, the conditions for "đạt", the authority's
//! remarks and the two signature lines.
//!
//! A4 portrait, Times New Roman, the quốc hiệu / tiêu ngữ block. Every row is as tall as its
//! texts need by the font's metrics ([`super::metrics`]), and a text is wrapped only when it does
//! not fit on one line. The font size is chosen for the fewest printed pages: the largest size of
//! [`SIZES`] at which the sheet prints on as few pages as at the smallest (a 30-item form on one
//! page, the 45-item form on two). A form that takes more than one page breaks between criteria
//! groups, with the table header repeated, and the last group stays with the signatures.

use super::kit::{self, Kit, MarkAt};
use super::metrics::{self, Font};
use super::{merge_area, new_workbook, save, WriterError, QUOC_HIEU, TIEU_NGU};
use crate::model::{Form, Quarter};
use crate::profile::Profile;
use crate::text::a1;
use rust_xlsxwriter::{Format, FormatAlign, Formula, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;
use std::path::Path;

/// What to put in an individual score sheet.
#[derive(Debug, Clone, Default)]
pub struct PhieuOptions {
    /// The quarter printed in the title; dotted blanks when `None`.
    pub quarter: Option<Quarter>,
    /// The unit, printed in the heading and the `Đơn vị` line; dotted blanks when `None`.
    pub unit: Option<String>,
    pub password: Option<String>,
    /// The unit's bloc (`--khoi`): its document format picks the heading (the Party's for the
    /// Đảng–đoàn thể bloc); the State's when not given.
    pub bloc: Option<crate::model::Bloc>,
}

/// The sheet's name: "Phiếu mẫu 04" (not "Mẫu 04", so the file is never read as a unit's score
/// sheet by mistake).
pub fn sheet_name(form: Form) -> String {
    format!("Phiếu mẫu {}", form.code())
}

/// Column widths (Excel's units): STT, Nội dung, Tiêu chí đánh giá (three columns, merged on every
/// row of the table: the heading's left block ends after the first, and the person's `Chức vụ`
/// label sits in the third), Bắt buộc, Điểm tự đánh giá, Điểm cấp có thẩm quyền đánh giá.
/// Together they fill the width of an A4 portrait page at 100%.
pub const WIDTHS: [f64; 8] = [4.29, 13.0, 13.15, 17.72, 9.0, 6.0, 8.43, 14.86];
const NO: u16 = 0;
const CONTENT: u16 = 1;
const TEXT: u16 = 2;
const TEXT_END: u16 = 4;
const MARK: u16 = 5;
const SELF: u16 = 6;
const AUTH: u16 = 7;
const LAST: u16 = 7;
/// The heading's left block (the unit) ends here; the right block (quốc hiệu) starts after it.
const LEFT_END: u16 = 2;

/// The font sizes of the table and the text around it, largest first.
pub const SIZES: [f64; 8] = [12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5];
/// The height of an empty row between two parts of the sheet.
const SPACER: f64 = 4.5;
/// The room left under the signature titles to sign and write the name (about 1,7 cm).
const SIGN_SPACE: f64 = 48.0;
const DOTS: &str = "……………………";

pub fn write_phieu(
    path: &Path,
    profile: &Profile,
    form: Form,
    opts: &PhieuOptions,
) -> Result<(), WriterError> {
    build_phieu(profile, form, opts)
        .map_err(WriterError::from)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, &format!("phiếu điểm / score sheet {}", form.code())))
}

/// A format and the font it prints in, to measure the texts written with it.
#[derive(Clone)]
struct Style {
    format: Format,
    font: Font,
}

impl Style {
    fn new(format: &Format, size: f64, bold: bool, italic: bool) -> Style {
        Style {
            format: format.clone().set_font_size(size),
            font: Font::new(size, bold, italic),
        }
    }
}

/// The formats of the sheet at one size of the body text.
struct Look {
    corner: Style,
    district: Style,
    quoc_hieu: Style,
    unit: Style,
    tieu_ngu: Style,
    date: Style,
    title: Style,
    subtitle: Style,
    label: Style,
    line: Style,
    header: Style,
    group: Style,
    group_blank: Style,
    number: Style,
    content: Style,
    criterion: Style,
    criterion_blank: Style,
    mark: Style,
    blank: Style,
    score: Style,
    total: Style,
    note: Style,
    sign: Style,
    sign_note: Style,
}

impl Look {
    fn new(kit: &Kit, body: f64, unit_given: bool) -> Look {
        let s = &kit.s;
        let head = (body + 1.0).min(12.0);
        let title = (body + 3.0).min(14.0);
        let note = if body >= 10.0 { body - 1.0 } else { body };
        let left = |f: &Format| f.clone().set_align(FormatAlign::Left);
        let unit = if unit_given {
            Style::new(
                &s.underlined.clone().set_align(FormatAlign::Top),
                head,
                true,
                false,
            )
        } else {
            Style::new(
                &s.center.clone().set_align(FormatAlign::Top),
                head,
                false,
                false,
            )
        };
        Look {
            corner: Style::new(
                &s.bold.clone().set_align(FormatAlign::Right),
                body,
                true,
                false,
            ),
            district: Style::new(&s.center, head, false, false),
            quoc_hieu: Style::new(&s.bold_center, head, true, false),
            unit,
            tieu_ngu: Style::new(
                &s.underlined.clone().set_align(FormatAlign::Top),
                head,
                true,
                false,
            ),
            date: Style::new(&s.italic_center, head, false, true),
            title: Style::new(&s.title, title, true, false),
            subtitle: Style::new(&s.bold_center, head, true, false),
            label: Style::new(&s.bold, body, true, false),
            line: Style::new(&kit.blank_line(), body, false, false),
            header: Style::new(&kit.header, body, true, false),
            group: Style::new(&left(&kit.group), body, true, false),
            group_blank: Style::new(&kit.group, body, true, false),
            number: Style::new(&kit.locked_center, body, false, false),
            content: Style::new(&kit.locked_wrap_center, body, false, false),
            criterion: Style::new(&kit.s.cell, body, false, false),
            criterion_blank: Style::new(&kit.input_wrap, body, false, false),
            mark: Style::new(&kit.mark, body, true, false),
            blank: Style::new(&kit.locked_center, body, false, false),
            score: Style::new(&kit.input_center, body, false, false),
            total: Style::new(&kit.total, body, true, false),
            note: Style::new(&kit.note, note, false, true),
            sign: Style::new(&s.bold_center, body, true, false),
            sign_note: Style::new(&s.italic_center, body, false, true),
        }
    }
}

/// Where a run of criteria is written: its rows with the group heading row, and the rows of each
/// content in it (a merged cell, never split by a page break).
struct RunRows {
    first: u32,
    last: u32,
    contents: Vec<(u32, u32)>,
}

/// The sheet as it is written: its rows' heights and where its parts are, to plan the pages.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    heights: BTreeMap<u32, f64>,
    header_row: u32,
    runs: Vec<RunRows>,
    /// The row of each criterion, item 1 first.
    items: Vec<u32>,
    /// The first row after the criteria: totals, conditions, remarks, signatures.
    total_row: u32,
    end: u32,
}

impl Sheet<'_> {
    /// Makes a row at least `h` points tall (whole pixels, at most Excel's highest row).
    fn need(&mut self, row: u32, h: f64) -> Result<(), XlsxError> {
        let h = ((h / 0.75).ceil() * 0.75).min(kit::MAX_ROW_HEIGHT);
        let have = self.heights.get(&row).copied().unwrap_or(0.0);
        if h > have {
            self.ws.set_row_height(row, h)?;
            self.heights.insert(row, h);
        }
        Ok(())
    }

    fn of(&self, row: u32) -> f64 {
        self.heights.get(&row).copied().unwrap_or(0.0)
    }

    fn span(&self, from: u32, to: u32) -> f64 {
        (from..=to).map(|r| self.of(r)).sum()
    }

    /// Writes a text over columns `c0..=c1` of rows `r0..=r1` (merged when more than one cell),
    /// wrapped only when it does not fit on one line; returns the height it needs in points: one
    /// line of the font (Excel's own height for it), or the wrapped lines with a margin.
    fn put(
        &mut self,
        (r0, c0): (u32, u16),
        (r1, c1): (u32, u16),
        value: &str,
        st: &Style,
    ) -> Result<f64, XlsxError> {
        let widths = &WIDTHS[c0 as usize..=c1 as usize];
        if metrics::fits_one_line(value, st.font, widths) {
            merge_area(self.ws, r0, c0, r1, c1, value, &st.format)?;
            Ok(st.font.line_height())
        } else {
            let format = st.format.clone().set_text_wrap();
            merge_area(self.ws, r0, c0, r1, c1, value, &format)?;
            Ok(metrics::wrapped_height(value, st.font, widths))
        }
    }

    /// A text on one row over columns `c0..=c1`, the row made tall enough for it.
    fn line(
        &mut self,
        row: u32,
        c0: u16,
        c1: u16,
        value: &str,
        st: &Style,
    ) -> Result<(), XlsxError> {
        let h = self.put((row, c0), (row, c1), value, st)?;
        self.need(row, h)
    }

    /// An empty row between two parts.
    fn spacer(&mut self, row: u32) -> Result<(), XlsxError> {
        self.need(row, SPACER)
    }
}

pub fn build_phieu(
    profile: &Profile,
    form: Form,
    opts: &PhieuOptions,
) -> Result<Workbook, XlsxError> {
    let kit = Kit::new();
    let spec = profile.form(form);
    let scale = kit::page_setup(&mut Worksheet::new(), false, &WIDTHS);
    let capacity = kit::page_capacity(false, scale);

    // The largest size that prints on the fewest pages.
    let mut best: Option<(usize, f64)> = None;
    for size in SIZES {
        let mut scratch = Worksheet::new();
        let sheet = lay_out(&mut scratch, &kit, profile, form, opts, size)?;
        let (_, pages) = plan_pages(&sheet, capacity);
        if best.is_none_or(|(p, _)| pages < p) {
            best = Some((pages, size));
        }
    }
    let size = best.map_or(SIZES[0], |(_, s)| s);

    let mut wb = new_workbook(&format!("{} – {}", form.sheet_name(), spec.title));
    let ws = wb.add_worksheet().set_name(sheet_name(form))?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_formula_result_default("");
    // Every row gets a height of its own in the file (none left to the spreadsheet to fit).
    ws.set_default_row_height(15.75);
    kit::page_setup(ws, false, &WIDTHS);
    ws.set_screen_gridlines(false);
    let sheet = lay_out(ws, &kit, profile, form, opts, size)?;
    let (breaks, _) = plan_pages(&sheet, capacity);
    let (header_row, end) = (sheet.header_row, sheet.end);
    let first_score = sheet.items.first().copied().unwrap_or(header_row + 1);
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_print_area(0, 0, end, LAST)?;
    ws.set_selection(first_score, SELF, first_score, SELF)?;
    kit::protect(ws, opts.password.as_deref());
    Ok(wb)
}

/// Writes the whole sheet with the body text at `size` points.
fn lay_out<'a>(
    ws: &'a mut Worksheet,
    kit: &Kit,
    profile: &Profile,
    form: Form,
    opts: &PhieuOptions,
    size: f64,
) -> Result<Sheet<'a>, XlsxError> {
    let spec = profile.form(form);
    let look = Look::new(kit, size, opts.unit.is_some());
    let mut sh = Sheet {
        ws,
        heights: BTreeMap::new(),
        header_row: 0,
        runs: Vec::new(),
        items: Vec::new(),
        total_row: 0,
        end: 0,
    };

    // Heading block: the form's number, the unit on the left, quốc hiệu and tiêu ngữ on the
    // right, the place and date under them.
    sh.line(0, MARK, LAST, form.sheet_name(), &look.corner)?;
    let party = opts
        .bloc
        .is_some_and(|b| profile.bloc(b).document_format == crate::profile::DocFormat::Party);
    // The State's heading (quốc hiệu, tiêu ngữ) or the Party's ("ĐẢNG CỘNG SẢN VIỆT NAM").
    let (superior, motto_1, motto_2) = if party {
        (&profile.documents.party_superior, super::DANG_CONG_SAN, "")
    } else {
        (&profile.documents.state_superior, QUOC_HIEU, TIEU_NGU)
    };
    let motto_1_look = if party {
        &look.tieu_ngu
    } else {
        &look.quoc_hieu
    };
    let h = sh
        .put(
            (1, 0),
            (1, LEFT_END),
            &superior.to_uppercase(),
            &look.district,
        )?
        .max(sh.put((1, LEFT_END + 1), (1, LAST), motto_1, motto_1_look)?);
    sh.need(1, h)?;
    let body = match &opts.unit {
        Some(u) => u.to_uppercase(),
        None => DOTS.to_string(),
    };
    let h = sh
        .put((2, 0), (2, LEFT_END), &body, &look.unit)?
        .max(sh.put((2, LEFT_END + 1), (2, LAST), motto_2, &look.tieu_ngu)?);
    sh.need(2, h)?;
    let place = format!("{}, ngày …… tháng …… năm ……", profile.place);
    sh.line(3, LEFT_END + 1, LAST, &place, &look.date)?;
    sh.spacer(4)?;

    // "PHIẾU ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP" on its own line, the rest of the form's title under it.
    let (head, rest) = split_title(&spec.title);
    sh.line(5, 0, LAST, &head.to_uppercase(), &look.title)?;
    let mut row = 6;
    if !rest.is_empty() {
        sh.line(row, 0, LAST, &rest, &look.subtitle)?;
        row += 1;
    }
    let period = match opts.quarter {
        Some(q) => format!("Quý {} năm {}", q.roman(), q.year),
        None => "Quý …… năm ……".to_string(),
    };
    sh.line(row, 0, LAST, &period, &look.subtitle)?;
    sh.spacer(row + 1)?;
    row += 2;

    // Who is evaluated: name and position on one row, the unit under them.
    let write_on = look.line.font.line_height() + 1.5;
    let fields: [(u32, u16, u16, &str, Option<&String>); 3] = [
        (row, 0, 1, "Họ và tên:", None),
        (row, TEXT_END, TEXT_END, "Chức vụ:", None),
        (row + 1, 0, 1, "Đơn vị:", opts.unit.as_ref()),
    ];
    for (r, c0, c1, l, value) in fields {
        let (v0, v1) = match c1 {
            TEXT_END => (MARK, LAST),
            _ if r == row => (TEXT, TEXT_END - 1),
            _ => (TEXT, LAST),
        };
        let h = sh.put((r, c0), (r, c1), l, &look.label)?.max(sh.put(
            (r, v0),
            (r, v1),
            value.map_or("", String::as_str),
            &look.line,
        )?);
        sh.need(r, h.max(write_on))?;
        sh.ws.add_data_validation(
            r,
            v0,
            r,
            v1,
            &kit::text_validation(200, l.trim_end_matches(':'), "Ghi đầy đủ, có dấu.")?,
        )?;
    }
    row += 2;
    sh.spacer(row)?;
    row += 1;

    // The criteria table.
    let header_row = row;
    sh.header_row = header_row;
    for (c0, c1, label) in [
        (NO, NO, "STT"),
        (CONTENT, CONTENT, "Nội dung"),
        (TEXT, TEXT_END, "Tiêu chí đánh giá"),
        (MARK, MARK, "Bắt buộc"),
        (SELF, SELF, "Điểm tự đánh giá"),
        (AUTH, AUTH, "Điểm cấp có thẩm quyền đánh giá"),
    ] {
        sh.line(header_row, c0, c1, label, &look.header)?;
    }
    row += 1;
    let first = row;
    let one_line = look.number.font.line_height();
    let mut any_blank = false;
    let mut groups = 0;
    for run in &kit::group_runs(spec) {
        let run_top = row;
        if let Some(g) = run.group {
            groups += 1;
            sh.line(row, NO, NO, &roman(groups), &look.group_blank)?;
            sh.line(row, CONTENT, MARK, &g.name, &look.group)?;
            for c in [SELF, AUTH] {
                sh.line(row, c, c, "", &look.group_blank)?;
            }
            row += 1;
        }
        let item_row = |i: u16| row + u32::from(i - run.first);
        for i in run.first..=run.last {
            let r = item_row(i);
            sh.items.push(r);
            sh.ws
                .write_number_with_format(r, NO, f64::from(i), &look.number.format)?;
            sh.need(r, one_line)?;
            let t = &spec.item_texts[usize::from(i - 1)];
            if t.is_empty() {
                any_blank = true;
                sh.line(r, TEXT, TEXT_END, "", &look.criterion_blank)?;
            } else {
                sh.line(r, TEXT, TEXT_END, t, &look.criterion)?;
            }
            if spec.mandatory[usize::from(i - 1)] {
                sh.line(r, MARK, MARK, "x", &look.mark)?;
            } else {
                sh.ws.write_blank(r, MARK, &look.blank.format)?;
            }
            sh.ws.write_blank(r, SELF, &look.score.format)?;
            sh.ws.write_blank(r, AUTH, &look.score.format)?;
        }
        // Each content beside its criteria, the rows made taller when its name needs it.
        let mut parts = Vec::new();
        for (a, b, name) in segments(run) {
            let (r0, r1) = (item_row(a), item_row(b));
            parts.push((r0, r1));
            let need = sh.put((r0, CONTENT), (r1, CONTENT), name, &look.content)?;
            let have = sh.span(r0, r1);
            if need > have {
                let more = (need - have) / f64::from(r1 - r0 + 1);
                for r in r0..=r1 {
                    let h = sh.of(r) + more;
                    sh.need(r, h)?;
                }
            }
        }
        row = item_row(run.last) + 1;
        sh.runs.push(RunRows {
            first: run_top,
            last: row - 1,
            contents: parts,
        });
    }
    let last = row - 1;
    // The score cells from the first criterion's row (under the first group heading) on.
    let top = sh.items.first().copied().unwrap_or(first);
    let score_top = a1(top, u32::from(SELF));
    sh.ws.add_data_validation(
        top,
        SELF,
        last,
        AUTH,
        &kit::score_validation(profile, &score_top)?,
    )?;
    kit::score_colours(
        sh.ws,
        kit,
        profile,
        (top, SELF, last, AUTH),
        MarkAt::Col(MARK),
    )?;
    if any_blank {
        sh.ws.add_data_validation(
            top,
            TEXT,
            last,
            TEXT_END,
            &kit::text_validation(
                500,
                "Tiêu chí đánh giá",
                "Ghi tiêu chí theo mẫu phiếu của đơn vị (có dấu).",
            )?,
        )?;
    }

    // Totals, worked out by Excel (blank until a score is typed).
    let total_row = row;
    sh.total_row = total_row;
    let mm = profile.thresholds.mandatory_min;
    let om = profile.thresholds.other_min;
    let totals = [
        ("Tổng điểm".to_string(), None),
        (
            format!("Số nội dung bắt buộc dưới {} điểm", kit::vi_number(mm)),
            Some(("\"x\"", mm)),
        ),
        (
            format!("Số nội dung còn lại dưới {} điểm", kit::vi_number(om)),
            Some(("\"<>x\"", om)),
        ),
    ];
    let letters = |col: u16| -> String {
        a1(0, u32::from(col))
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect()
    };
    let marks = format!("${m}${}:${m}${}", first + 1, last + 1, m = letters(MARK));
    for (i, (l, count)) in totals.iter().enumerate() {
        let r = total_row + i as u32;
        sh.line(r, 0, MARK, l, &look.total)?;
        for col in [SELF, AUTH] {
            let letter = letters(col);
            let range = format!("{letter}{}:{letter}{}", first + 1, last + 1);
            let formula = match count {
                None => format!("=IF(COUNT({range})=0,\"\",SUM({range}))"),
                Some((mark, min)) => format!(
                    "=IF(COUNT({range})=0,\"\",COUNTIFS({marks},{mark},{range},\"<{}\"))",
                    kit::excel_number(*min)
                ),
            };
            sh.ws.write_formula_with_format(
                r,
                col,
                Formula::new(formula).set_result(""),
                &look.total.format,
            )?;
        }
    }
    row = total_row + totals.len() as u32;

    let mandatory = spec.mandatory.iter().filter(|m| **m).count();
    let (low, high) = kit::passing_range(profile, spec);
    let condition = format!(
        "Đạt chuyên nghiệp khi: {mandatory} nội dung bắt buộc (có x) đạt {} điểm, {} nội dung còn lại từ {} điểm trở lên (tổng điểm từ {} đến {}; mỗi nội dung chấm từ {} đến {} điểm, cách nhau 0,5 điểm); các tháng trong quý xếp loại từ hoàn thành tốt nhiệm vụ trở lên, ít nhất một tháng hoàn thành xuất sắc nhiệm vụ; không bị kỷ luật, thanh tra, kiểm tra{}.",
        kit::vi_number(mm),
        spec.items as usize - mandatory,
        kit::vi_number(om),
        kit::vi_total(low),
        kit::vi_total(high),
        profile.scale_min,
        profile.scale_max,
        if form == Form::M03 {
            "; đơn vị (bộ phận phụ trách) không có ai không hoàn thành nhiệm vụ hoặc vi phạm"
        } else {
            ""
        }
    );
    sh.line(row, 0, LAST, &condition, &look.note)?;
    row += 1;

    // The authority's remarks: the label and a line to write on, then a second line.
    let h = sh
        .put(
            (row, 0),
            (row, LEFT_END),
            "Nhận xét của cấp có thẩm quyền:",
            &look.label,
        )?
        .max(sh.put((row, LEFT_END + 1), (row, LAST), "", &look.line)?);
    sh.need(row, h.max(write_on))?;
    sh.line(row + 1, 0, LAST, "", &look.line)?;
    sh.need(row + 1, write_on)?;
    sh.ws.add_data_validation(
        row,
        LEFT_END + 1,
        row,
        LAST,
        &kit::text_validation(1000, "Nhận xét", "Nhận xét của cấp có thẩm quyền.")?,
    )?;
    sh.ws.add_data_validation(
        row + 1,
        0,
        row + 1,
        LAST,
        &kit::text_validation(1000, "Nhận xét", "Nhận xét của cấp có thẩm quyền (tiếp).")?,
    )?;
    row += 2;
    sh.line(
        row,
        0,
        LAST,
        "Kết quả:    □ Đạt chuyên nghiệp        □ Không đạt chuyên nghiệp",
        &look.label,
    )?;
    sh.need(row, write_on)?;
    sh.spacer(row + 1)?;
    row += 2;

    let h = sh
        .put((row, 0), (row, LEFT_END), "NGƯỜI TỰ ĐÁNH GIÁ", &look.sign)?
        .max(sh.put(
            (row, LEFT_END + 1),
            (row, LAST),
            "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
            &look.sign,
        )?);
    sh.need(row, h)?;
    for (c0, c1) in [(0, LEFT_END), (LEFT_END + 1, LAST)] {
        sh.line(row + 1, c0, c1, "(Ký, ghi rõ họ tên)", &look.sign_note)?;
    }
    let end = row + 2;
    sh.ws.write_blank(end, 0, &Format::new())?;
    sh.need(end, SIGN_SPACE)?;
    sh.end = end;
    Ok(sh)
}

/// The contents beside a run of criteria: (first item, last item, content name), covering the
/// whole run; items of no content (outside the group's contents) get an empty cell.
fn segments<'a>(run: &kit::Run<'a>) -> Vec<(u16, u16, &'a str)> {
    let mut out = Vec::new();
    let mut at = run.first;
    if let Some(g) = run.group {
        for c in &g.parts {
            let (a, b) = (c.first.max(run.first), c.last.min(run.last));
            if a > b || a < at {
                continue;
            }
            if a > at {
                out.push((at, a - 1, ""));
            }
            out.push((a, b, c.name.as_str()));
            at = b + 1;
        }
    }
    if at <= run.last {
        out.push((at, run.last, ""));
    }
    out
}

/// "I", "II", … "XLV": the numbers of the criteria groups.
fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// "Phiếu đánh giá sự chuyên nghiệp của CBCCVC, NLĐ (…)" → ("Phiếu đánh giá sự chuyên nghiệp",
/// "của CBCCVC, NLĐ (…)"); a title of another shape stays whole on the first line.
fn split_title(title: &str) -> (String, String) {
    const HEAD: &str = "phieu danh gia su chuyen nghiep";
    let words: Vec<&str> = title.split_whitespace().collect();
    for n in 1..=words.len() {
        let head = words[..n].join(" ");
        let k = crate::text::key(&head);
        if k == HEAD {
            return (head, words[n..].join(" "));
        }
        if k.len() > HEAD.len() {
            break;
        }
    }
    (title.to_string(), String::new())
}

/// Page breaks between criteria groups, and the number of pages printed: the heading stays with
/// the first group, and the last group goes with the totals and signatures when they fit on one
/// page together. A group taller than a page breaks between its contents (a content's merged cell
/// is never split); when the last group and the rest do not fit one page, as many of the last
/// group's contents as fit go with the totals, so the signed page always shows criteria, and only
/// when not even one fits do the totals start a page of their own. Whatever still does not fit
/// counts for the pages it spills over.
fn plan_pages(sheet: &Sheet, capacity: f64) -> (Vec<u32>, usize) {
    let height = |r: u32| sheet.of(r);
    let repeated = height(sheet.header_row);
    // The height a range of rows takes on a page of its own (the heading's page has the header).
    let alone = |a: u32, b: u32| sheet.span(a, b) + if a == 0 { 0.0 } else { repeated };
    // A run's contents one by one (the first with the group heading, or the sheet's heading).
    let split = |k: usize, run: &RunRows| -> Vec<(u32, u32)> {
        let a = if k == 0 { 0 } else { run.first };
        run.contents
            .iter()
            .enumerate()
            .map(|(j, &(p0, p1))| (if j == 0 { a } else { p0 }, p1))
            .collect()
    };
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    let mut last_run = 0;
    for (k, run) in sheet.runs.iter().enumerate() {
        let a = if k == 0 { 0 } else { run.first };
        last_run = blocks.len();
        if alone(a, run.last) <= capacity || run.contents.is_empty() {
            blocks.push((a, run.last));
        } else {
            blocks.extend(split(k, run));
        }
    }
    // The totals and signatures go with the last run, or with as much of its end as fits.
    if let Some((k, run)) = sheet.runs.iter().enumerate().next_back() {
        if alone(blocks[last_run].0, sheet.end) > capacity && !run.contents.is_empty() {
            blocks.truncate(last_run);
            blocks.extend(split(k, run));
        }
    }
    let with_tail = (last_run..blocks.len()).find(|&i| alone(blocks[i].0, sheet.end) <= capacity);
    match with_tail {
        Some(i) => {
            let (a, _) = blocks[i];
            blocks.truncate(i);
            blocks.push((a, sheet.end));
        }
        None if blocks.is_empty() => blocks.push((0, sheet.end)),
        None => {
            // Totals, conditions, remarks and signatures stay together.
            blocks.push((sheet.total_row, sheet.end));
        }
    }
    let breaks = kit::page_breaks(&blocks, height, capacity, repeated);
    let mut starts = vec![0];
    starts.extend(&breaks);
    let mut pages = 0;
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).map_or(sheet.end, |n| n - 1);
        let used = sheet.span(s, e) + if i > 0 { repeated } else { 0.0 };
        pages += (used / capacity).ceil().max(1.0) as usize;
    }
    (breaks, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_split_after_the_form_name() {
        assert_eq!(
            split_title("Phiếu đánh giá sự chuyên nghiệp của CBCCVC, NLĐ (đơn vị dưới 20 người)"),
            (
                "Phiếu đánh giá sự chuyên nghiệp".to_string(),
                "của CBCCVC, NLĐ (đơn vị dưới 20 người)".to_string()
            )
        );
        assert_eq!(
            split_title("Bảng tự chấm"),
            ("Bảng tự chấm".to_string(), String::new())
        );
    }

    #[test]
    fn groups_are_numbered_in_roman() {
        assert_eq!(
            (1..=5).map(roman).collect::<Vec<_>>(),
            ["I", "II", "III", "IV", "V"]
        );
        assert_eq!(roman(45), "XLV");
    }

    #[test]
    fn the_columns_fill_a_portrait_page_at_full_scale() {
        let scale = kit::page_setup(&mut Worksheet::new(), false, &WIDTHS);
        assert_eq!(scale, 100);
        // No room left for another column of any use.
        assert!(kit::printed_width(&WIDTHS) * 1.08 > 595.0 - 72.0 - 5.0);
    }
}
