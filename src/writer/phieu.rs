//! `danhgia template phieu-03|phieu-04|phieu-05`: the individual score sheet (phiếu cá nhân) of a
//! form, to print and sign: the criteria as rows (number, group, contents, mandatory mark), a
//! column for the self-score and one for the authority's score, totals worked out by Excel, the
//! conditions for "đạt", the authority's remarks and the two signature lines.
//!
//! A4 portrait, Times New Roman, the quốc hiệu / tiêu ngữ block; a form that does not fit on one
//! page breaks between criteria groups, with the table header repeated.

use super::kit::{self, Kit, MarkAt};
use super::{merge_text, new_workbook, save, text, WriterError, QUOC_HIEU, TIEU_NGU};
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
}

/// The sheet's name: "Phiếu mẫu 04" (not "Mẫu 04", so the file is never read as a unit's score
/// sheet by mistake).
pub fn sheet_name(form: Form) -> String {
    format!("Phiếu mẫu {}", form.code())
}

const WIDTHS: [f64; 6] = [6.0, 24.0, 32.0, 9.0, 12.0, 13.0];
const LAST: u16 = 5;
const DOTS: &str = "……………………";
/// Printable height of an A4 portrait page with the margins of `official_page` (points).
const PAGE_HEIGHT: f64 = 750.0;
const DEFAULT_ROW: f64 = 15.75;

pub fn write_phieu(
    path: &Path,
    profile: &Profile,
    form: Form,
    opts: &PhieuOptions,
) -> Result<(), WriterError> {
    let mut wb = build_phieu(profile, form, opts)?;
    save(&mut wb, path)
}

/// Row heights as they are set, to plan the printed pages.
struct Rows<'a> {
    ws: &'a mut Worksheet,
    heights: BTreeMap<u32, f64>,
}

impl Rows<'_> {
    fn height(&mut self, row: u32, h: f64) -> Result<(), XlsxError> {
        self.ws.set_row_height(row, h)?;
        self.heights.insert(row, h);
        Ok(())
    }
    fn of(&self, row: u32) -> f64 {
        self.heights.get(&row).copied().unwrap_or(DEFAULT_ROW)
    }
    fn span(&self, from: u32, to: u32) -> f64 {
        (from..=to).map(|r| self.of(r)).sum()
    }
}

pub fn build_phieu(
    profile: &Profile,
    form: Form,
    opts: &PhieuOptions,
) -> Result<Workbook, XlsxError> {
    let kit = Kit::new();
    let s = &kit.s;
    let spec = profile.form(form);
    let mut wb = new_workbook(&format!("{} – {}", form.sheet_name(), spec.title));
    let ws = wb.add_worksheet().set_name(sheet_name(form))?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    super::official_page(ws, None)?;
    ws.set_portrait();
    ws.set_margins(0.6, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_screen_gridlines(false);
    let mut rows = Rows {
        ws,
        heights: BTreeMap::new(),
    };

    // Heading block.
    let corner = s.bold.clone().set_align(FormatAlign::Right);
    merge_text(rows.ws, 0, 4, LAST, form.sheet_name(), &corner)?;
    let wrap_center = s.center.clone().set_text_wrap();
    let body = match &opts.unit {
        Some(u) => u.to_uppercase(),
        None => DOTS.to_string(),
    };
    let body_format = match &opts.unit {
        Some(_) => s.underlined.clone().set_text_wrap(),
        None => wrap_center.clone(),
    };
    merge_text(
        rows.ws,
        1,
        0,
        1,
        &profile.district.to_uppercase(),
        &wrap_center,
    )?;
    merge_text(rows.ws, 1, 2, LAST, QUOC_HIEU, &s.bold_center)?;
    merge_text(rows.ws, 2, 0, 1, &body, &body_format)?;
    merge_text(rows.ws, 2, 2, LAST, TIEU_NGU, &s.underlined)?;
    let body_height = kit::wrapped_height(&body, WIDTHS[0] + WIDTHS[1], DEFAULT_ROW);
    rows.height(2, body_height.max(DEFAULT_ROW))?;
    merge_text(
        rows.ws,
        3,
        2,
        LAST,
        &format!("{}, ngày …… tháng …… năm ……", profile.place),
        &s.italic_center,
    )?;

    let title = spec.title.to_uppercase();
    let title_format = s.title.clone();
    merge_text(rows.ws, 5, 0, LAST, &title, &title_format)?;
    let title_height = kit::wrapped_height(&title, 96.0 * 0.8, 19.0);
    rows.height(5, title_height)?;
    let period = match opts.quarter {
        Some(q) => format!("Quý {} năm {}", q.roman(), q.year),
        None => "Quý …… năm ……".to_string(),
    };
    merge_text(rows.ws, 6, 0, LAST, &period, &s.bold_center)?;

    // Who is evaluated.
    let line = kit.blank_line();
    let label = s.bold.clone();
    let lines: [(&str, Option<&String>); 3] = [
        ("Họ và tên:", None),
        ("Chức vụ:", None),
        ("Đơn vị:", opts.unit.as_ref()),
    ];
    for (i, (l, value)) in lines.iter().enumerate() {
        let row = 8 + i as u32;
        merge_text(rows.ws, row, 0, 1, l, &label)?;
        match value {
            Some(v) => rows.ws.merge_range(row, 2, row, LAST, v, &line)?,
            None => rows.ws.merge_range(row, 2, row, LAST, "", &line)?,
        };
        rows.ws.add_data_validation(
            row,
            2,
            row,
            2,
            &kit::text_validation(200, l.trim_end_matches(':'), "Ghi đầy đủ, có dấu.")?,
        )?;
        rows.height(row, 20.0)?;
    }

    // The criteria table.
    let header_row = 12;
    let headers = [
        "STT",
        "Nhóm tiêu chí",
        "Nội dung",
        "Bắt buộc",
        "Điểm tự đánh giá",
        "Điểm cấp có thẩm quyền đánh giá",
    ];
    for (c, h) in headers.iter().enumerate() {
        text(rows.ws, header_row, c as u16, h, &kit.header)?;
    }
    rows.height(header_row, 48.0)?;
    rows.ws.set_repeat_rows(header_row, header_row)?;
    let first = header_row + 1;
    let last = first + spec.items as u32 - 1;
    for i in 1..=spec.items {
        let row = first + (i - 1) as u32;
        rows.ws
            .write_number_with_format(row, 0, i as f64, &kit.locked_center)?;
        if spec.mandatory[(i - 1) as usize] {
            text(rows.ws, row, 3, "x", &kit.mark)?;
        } else {
            rows.ws.write_blank(row, 3, &kit.locked_center)?;
        }
        rows.ws.write_blank(row, 4, &kit.input_center)?;
        rows.ws.write_blank(row, 5, &kit.input_center)?;
        rows.height(row, 17.0)?;
    }
    let runs = kit::group_runs(spec);
    for run in &runs {
        let (r0, r1) = (
            first + (run.first - 1) as u32,
            first + (run.last - 1) as u32,
        );
        let (name, contents) = match run.group {
            Some(g) => (g.name.as_str(), g.contents.as_str()),
            None => ("", ""),
        };
        for (col, value) in [(1u16, name), (2u16, contents)] {
            if r0 == r1 {
                text(rows.ws, r0, col, value, &kit.locked_wrap_center)?;
            } else {
                rows.ws
                    .merge_range(r0, col, r1, col, value, &kit.locked_wrap_center)?;
            }
        }
        let need = kit::wrapped_height(contents, WIDTHS[2], DEFAULT_ROW);
        let have = rows.span(r0, r1);
        if need > have {
            let each = need / (r1 - r0 + 1) as f64;
            for r in r0..=r1 {
                rows.height(r, each)?;
            }
        }
    }
    let score_top = a1(first, 4);
    rows.ws.add_data_validation(
        first,
        4,
        last,
        5,
        &kit::score_validation(profile, &score_top)?,
    )?;
    kit::score_colours(rows.ws, &kit, profile, (first, 4, last, 5), MarkAt::Col(3))?;

    // Totals, worked out by Excel (blank until a score is typed).
    let total_row = last + 1;
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
    let marks = format!("$D${}:$D${}", first + 1, last + 1);
    for (i, (l, count)) in totals.iter().enumerate() {
        let row = total_row + i as u32;
        rows.ws.merge_range(row, 0, row, 3, l, &kit.total)?;
        for col in [4u16, 5] {
            let letter: String = a1(0, col as u32)
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let range = format!("{letter}{}:{letter}{}", first + 1, last + 1);
            let formula = match count {
                None => format!("=IF(COUNT({range})=0,\"\",SUM({range}))"),
                Some((mark, min)) => format!(
                    "=IF(COUNT({range})=0,\"\",COUNTIFS({marks},{mark},{range},\"<{}\"))",
                    kit::excel_number(*min)
                ),
            };
            rows.ws.write_formula_with_format(
                row,
                col,
                Formula::new(formula).set_result(""),
                &kit.total,
            )?;
        }
        rows.height(row, 20.0)?;
    }
    let after = total_row + totals.len() as u32;

    let mandatory = spec.mandatory.iter().filter(|m| **m).count();
    let (low, high) = kit::passing_range(profile, spec);
    let condition = format!(
        "Điều kiện về điểm để đạt chuyên nghiệp: {mandatory} nội dung bắt buộc (có x) đạt {} điểm, {} nội dung còn lại từ {} điểm trở lên (tổng điểm từ {} đến {}). Mỗi nội dung chấm từ {} đến {} điểm, cách nhau 0,5 điểm. Ngoài điểm, cần các tháng trong quý xếp loại từ hoàn thành tốt nhiệm vụ trở lên (ít nhất một tháng hoàn thành xuất sắc), không bị kỷ luật, thanh tra, kiểm tra{}.",
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
    merge_text(rows.ws, after, 0, LAST, &condition, &kit.note)?;
    rows.height(after, kit::wrapped_height(&condition, 96.0 * 1.05, 14.5))?;

    let remarks = after + 2;
    merge_text(
        rows.ws,
        remarks,
        0,
        LAST,
        "Nhận xét của cấp có thẩm quyền:",
        &label,
    )?;
    for r in [remarks + 1, remarks + 2] {
        rows.ws.merge_range(r, 0, r, LAST, "", &line)?;
        rows.height(r, 20.0)?;
    }
    rows.ws.add_data_validation(
        remarks + 1,
        0,
        remarks + 2,
        0,
        &kit::text_validation(1000, "Nhận xét", "Nhận xét của cấp có thẩm quyền.")?,
    )?;
    let verdict = remarks + 3;
    merge_text(
        rows.ws,
        verdict,
        0,
        LAST,
        "Kết quả:    □ Đạt chuyên nghiệp        □ Không đạt chuyên nghiệp",
        &label,
    )?;
    rows.height(verdict, 22.0)?;

    let sign = verdict + 2;
    let bold_center = s.bold_center.clone();
    merge_text(rows.ws, sign, 0, 2, "NGƯỜI TỰ ĐÁNH GIÁ", &bold_center)?;
    merge_text(
        rows.ws,
        sign,
        3,
        LAST,
        "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
        &bold_center,
    )?;
    merge_text(
        rows.ws,
        sign + 1,
        0,
        2,
        "(Ký, ghi rõ họ tên)",
        &s.italic_center,
    )?;
    merge_text(
        rows.ws,
        sign + 1,
        3,
        LAST,
        "(Ký, ghi rõ họ tên)",
        &s.italic_center,
    )?;
    let end = sign + 6;
    rows.ws.write_blank(end, 0, &Format::new())?;

    plan_pages(&mut rows, header_row, first, &runs, total_row, end)?;
    rows.ws.set_print_area(0, 0, end, LAST)?;
    rows.ws.set_selection(first, 4, first, 4)?;
    kit::protect(rows.ws, opts.password.as_deref());
    Ok(wb)
}

/// One page when the sheet (nearly) fits on one; else page breaks before a criteria group that
/// would not fit on the current page, and before the totals when they would be split from the
/// signatures.
fn plan_pages(
    rows: &mut Rows,
    header_row: u32,
    first: u32,
    runs: &[kit::Run],
    total_row: u32,
    end: u32,
) -> Result<(), XlsxError> {
    let all = rows.span(0, end);
    if all <= PAGE_HEIGHT * 1.12 {
        rows.ws.set_print_fit_to_pages(1, 1);
        return Ok(());
    }
    let repeated = rows.of(header_row);
    let mut breaks = Vec::new();
    let mut used = rows.span(0, first - 1);
    for run in runs {
        let (r0, r1) = (
            first + (run.first - 1) as u32,
            first + (run.last - 1) as u32,
        );
        let h = rows.span(r0, r1);
        if used + h > PAGE_HEIGHT && used > repeated {
            breaks.push(r0);
            used = repeated;
        }
        used += h;
    }
    let tail = rows.span(total_row, end);
    if used + tail > PAGE_HEIGHT {
        breaks.push(total_row);
    }
    rows.ws.set_print_fit_to_pages(1, 0);
    if !breaks.is_empty() {
        rows.ws.set_page_breaks(&breaks)?;
    }
    Ok(())
}
