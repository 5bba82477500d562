//! `danhgia template phieu-03|phieu-04|phieu-05`: the individual score sheet (phiếu cá nhân) of a
//! form, to print and sign: the criteria as rows (number, group, contents, mandatory mark), a
//! column for the self-score and one for the authority's score, totals worked out by Excel, the
//! conditions for "đạt", the authority's remarks and the two signature lines.
//!
//! A4 portrait, Times New Roman, the quốc hiệu / tiêu ngữ block; a form that does not fit on one
//! page breaks between criteria groups, with the table header repeated.

use super::kit::{self, Kit, MarkAt};
use super::{merge_area, merge_text, new_workbook, save, text, WriterError, QUOC_HIEU, TIEU_NGU};
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

const WIDTHS: [f64; 6] = [6.0, 24.0, 31.0, 9.0, 12.0, 13.0];
const LAST: u16 = 5;
const DOTS: &str = "……………………";
const DEFAULT_ROW: f64 = 15.75;

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
    ws.set_formula_result_default("");
    let scale = kit::page_setup(ws, false, &WIDTHS);
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
    }
    .set_align(FormatAlign::Top);
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
    merge_text(
        rows.ws,
        2,
        2,
        LAST,
        TIEU_NGU,
        &s.underlined.clone().set_align(FormatAlign::Top),
    )?;
    let body_height =
        kit::wrapped_height_cpu(&body, WIDTHS[0] + WIDTHS[1], DEFAULT_ROW, kit::CPU_CAPS);
    rows.height(2, body_height.max(DEFAULT_ROW))?;
    merge_text(
        rows.ws,
        3,
        2,
        LAST,
        &format!("{}, ngày …… tháng …… năm ……", profile.place),
        &s.italic_center,
    )?;

    // "PHIẾU ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP" on its own line, the rest of the form's title under it.
    let (head, rest) = split_title(&spec.title);
    merge_text(rows.ws, 5, 0, LAST, &head.to_uppercase(), &s.title)?;
    rows.height(
        5,
        kit::wrapped_height_cpu(&head, WIDTHS.iter().sum(), 19.0, kit::CPU_TITLE),
    )?;
    let rest_format = s.bold_center.clone().set_text_wrap();
    merge_text(rows.ws, 6, 0, LAST, &rest, &rest_format)?;
    rows.height(
        6,
        kit::wrapped_height(&rest, WIDTHS.iter().sum(), DEFAULT_ROW),
    )?;
    let period = match opts.quarter {
        Some(q) => format!("Quý {} năm {}", q.roman(), q.year),
        None => "Quý …… năm ……".to_string(),
    };
    merge_text(rows.ws, 7, 0, LAST, &period, &s.bold_center)?;

    // Who is evaluated.
    let line = kit.blank_line();
    let label = s.bold.clone();
    let lines: [(&str, Option<&String>); 3] = [
        ("Họ và tên:", None),
        ("Chức vụ:", None),
        ("Đơn vị:", opts.unit.as_ref()),
    ];
    for (i, (l, value)) in lines.iter().enumerate() {
        let row = 9 + i as u32;
        merge_text(rows.ws, row, 0, 1, l, &label)?;
        match value {
            Some(v) => merge_area(rows.ws, row, 2, row, LAST, v, &line)?,
            None => merge_area(rows.ws, row, 2, row, LAST, "", &line)?,
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
    let header_row = 13;
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
    rows.height(header_row, 40.0)?;
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
        rows.height(row, 16.5)?;
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
                merge_area(rows.ws, r0, col, r1, col, value, &kit.locked_wrap_center)?;
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
        merge_area(rows.ws, row, 0, row, 3, l, &kit.total)?;
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
        merge_area(rows.ws, r, 0, r, LAST, "", &line)?;
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
    merge_text(rows.ws, sign, 0, 1, "NGƯỜI TỰ ĐÁNH GIÁ", &bold_center)?;
    merge_text(
        rows.ws,
        sign,
        2,
        LAST,
        "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
        &bold_center,
    )?;
    for (first, last) in [(0, 1), (2, LAST)] {
        merge_text(
            rows.ws,
            sign + 1,
            first,
            last,
            "(Ký, ghi rõ họ tên)",
            &s.italic_center,
        )?;
    }
    let end = sign + 6;
    rows.ws.write_blank(end, 0, &Format::new())?;

    plan_pages(&mut rows, scale, header_row, first, &runs, total_row, end)?;
    rows.ws.set_print_area(0, 0, end, LAST)?;
    rows.ws.set_selection(first, 4, first, 4)?;
    kit::protect(rows.ws, opts.password.as_deref());
    Ok(wb)
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

/// Page breaks between criteria groups: the heading stays with the first group, and the last
/// group goes with the totals and signatures when they fit on one page together (so the signed
/// page always shows criteria), else the totals start a page of their own.
fn plan_pages(
    rows: &mut Rows,
    scale: u16,
    header_row: u32,
    first: u32,
    runs: &[kit::Run],
    total_row: u32,
    end: u32,
) -> Result<(), XlsxError> {
    let capacity = kit::page_capacity(false, scale);
    let repeated = rows.of(header_row);
    let spans: Vec<(u32, u32)> = runs
        .iter()
        .map(|r| (first + (r.first - 1) as u32, first + (r.last - 1) as u32))
        .collect();
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    for (i, &(a, b)) in spans.iter().enumerate() {
        let a = if i == 0 { 0 } else { a };
        blocks.push((a, b));
    }
    let tail = (total_row, end);
    match blocks.pop() {
        Some((a, _)) if repeated + rows.span(a.max(first), end) <= capacity => {
            blocks.push((a, end));
        }
        Some(last) => {
            blocks.push(last);
            blocks.push(tail);
        }
        None => blocks.push((0, end)),
    }
    let breaks = kit::page_breaks(&blocks, |r| rows.of(r), capacity, repeated);
    if !breaks.is_empty() {
        rows.ws.set_page_breaks(&breaks)?;
    }
    Ok(())
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
}
