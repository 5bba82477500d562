//! The campaign proposal workbook: the blank template (`danhgia template de-nghi-khen-thuong`)
//! and the result of checking filled ones (`danhgia rewards --profile <campaign> -o FILE`).
//!
//! Layout of the sheet `Đề nghị khen thưởng` (one row per proposal, header found by name):
//! `STT | Đơn vị | Loại | Tên | Hình thức | Ngày nhận | Tờ trình | Biên bản | Báo cáo thành tích |
//! Ghi chú` — the dossier columns are those of the campaign profile. A `Thông tin` sheet gives
//! the year and, when the deadline counts from an event, that event's date.

use super::metrics;
use super::sheet::{Page, Sheet};
use super::{
    national_header, new_workbook, official_page, save, signature_block, Styles, WriterError,
};
use crate::campaign::{self, Campaign, CampaignCheck, Kind, ProposalStatus, Window};
use crate::i18n::Lang;
use crate::profile::AnyProfile;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, FormatAlign,
    Workbook, XlsxError,
};
use std::path::Path;

/// Blank rows of the template.
const TEMPLATE_ROWS: u32 = 40;
/// The least heights (points) of the template's campaign title (room for a title of two lines),
/// its header row and the rows of `Thông tin`.
const SUBTITLE_ROW: f64 = 36.0;
const HEADER_HEIGHT: f64 = 32.0;
const INFO_ROW: f64 = 20.0;
/// The header row of the template (zero-based): two title rows and a blank row above it.
pub const HEADER_ROW: u32 = 3;

/// The dossier columns when no campaign is given: the three parts both campaigns of the seeds
/// ask for.
const GENERIC_PARTS: [(&str, &str); 3] = [
    (
        "Tờ trình",
        "Tờ trình đề nghị khen thưởng (kèm trích ngang thành tích)",
    ),
    (
        "Biên bản",
        "Biên bản họp xét của Hội đồng Thi đua - Khen thưởng",
    ),
    (
        "Báo cáo thành tích",
        "Báo cáo thành tích của tập thể, cá nhân",
    ),
];
const GENERIC_AWARDS: [&str; 3] = ["Giấy khen", "Bằng khen", "Cờ thi đua"];

/// The columns of the sheet: (header, width).
fn columns(parts: &[String]) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = vec![
        ("STT".into(), 5.0),
        ("Đơn vị".into(), 26.0),
        ("Loại".into(), 10.0),
        ("Tên".into(), 28.0),
        ("Hình thức".into(), 30.0),
        ("Ngày nhận".into(), 12.0),
    ];
    for p in parts {
        v.push((p.clone(), 11.0));
    }
    v.push(("Ghi chú".into(), 22.0));
    v
}

/// Writes the blank proposal workbook for a campaign profile, or a generic one for the
/// quarterly profile.
pub fn write_de_nghi_template(
    path: &Path,
    profile: &AnyProfile,
    lang: Lang,
) -> Result<(), WriterError> {
    build_template(profile, lang)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, "mẫu đề nghị khen thưởng / the proposal template"))
}

/// Builds the blank proposal workbook.
pub fn build_template(profile: &AnyProfile, lang: Lang) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let campaign = match profile {
        AnyProfile::Campaign(c) => Some(c),
        AnyProfile::Quarterly(_) => None,
    };
    let parts: Vec<(String, String)> = match campaign {
        Some(c) => c
            .dossier
            .iter()
            .map(|p| (p.column.clone(), p.label.clone()))
            .collect(),
        None => GENERIC_PARTS
            .iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect(),
    };
    let awards: Vec<String> = match campaign {
        Some(c) => c.awards.iter().map(|a| a.name.clone()).collect(),
        None => GENERIC_AWARDS.iter().map(|a| a.to_string()).collect(),
    };
    let title = campaign.map_or_else(
        || "Đợt thi đua: ……………………………………………".to_string(),
        |c| c.title.clone(),
    );
    let mut wb = new_workbook("Sổ đề nghị khen thưởng");

    // Đề nghị khen thưởng
    let cols = columns(&parts.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>());
    let last = (cols.len() - 1) as u16;
    let ws = wb.add_worksheet();
    ws.set_name(campaign::SHEET)?;
    official_page(ws, Some((HEADER_ROW, HEADER_ROW)))?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    // The rows to fill keep the sheet's own height, one line of Times New Roman 12, so that
    // Excel makes a row taller as a unit types a longer text into it.
    ws.set_default_row_height(metrics::Font::regular(12.0).line_height());
    let widths: Vec<f64> = cols.iter().map(|(_, w)| *w).collect();
    let mut sh = Sheet::new(ws, &widths)?;
    sh.merge(
        0,
        0,
        0,
        last,
        "SỔ ĐỀ NGHỊ KHEN THƯỞNG TẬP THỂ, CÁ NHÂN",
        &s.title,
    )?;
    sh.merge(1, 0, 1, last, &title, &s.subtitle.clone().set_text_wrap())?;
    sh.height(1, SUBTITLE_ROW);
    for (i, (h, _)) in cols.iter().enumerate() {
        sh.text(HEADER_ROW, i as u16, h, &s.header)?;
    }
    sh.height(HEADER_ROW, HEADER_HEIGHT);
    sh.finish_rows()?;
    let first = HEADER_ROW + 1;
    let end = HEADER_ROW + TEMPLATE_ROWS;
    for row in first..=end {
        ws.write_number_with_format(row, 0, (row - HEADER_ROW) as f64, &s.int)?;
        for c in 1..=last {
            if c == 5 {
                ws.write_blank(row, c, &s.date)?;
            } else if (6..last).contains(&c) {
                ws.write_blank(row, c, &s.cell_center)?;
            } else {
                ws.write_blank(row, c, &s.cell_wrap)?;
            }
        }
    }
    let kinds = DataValidation::new()
        .allow_list_strings(&[Kind::TapThe.label(), Kind::CaNhan.label()])?
        .set_input_title("Loại")?
        .set_input_message("Tập thể hoặc Cá nhân")?;
    ws.add_data_validation(first, 2, end, 2, &kinds)?;
    let award_list = DataValidation::new()
        .allow_list_strings(&awards)?
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_input_title("Hình thức")?
        .set_input_message("Chọn hình thức khen thưởng của kế hoạch")?;
    ws.add_data_validation(first, 4, end, 4, &award_list)?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::GreaterThanOrEqualTo(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
        ))
        .set_input_title("Ngày nhận")?
        .set_input_message("Ngày nhận hồ sơ, dạng dd/mm/yyyy")?;
    ws.add_data_validation(first, 5, end, 5, &dates)?;
    if last > 6 {
        let marks = DataValidation::new()
            .allow_list_strings(&["x"])?
            .set_input_title("Hồ sơ")?
            .set_input_message("Ghi x khi hồ sơ có thành phần này")?;
        ws.add_data_validation(first, 6, end, last - 1, &marks)?;
    }

    // Thông tin
    let ws = wb.add_worksheet();
    ws.set_name(campaign::SHEET_INFO)?;
    official_page(ws, None)?;
    let mut sh = Sheet::new(ws, &[36.0, 40.0])?;
    let label = s.cell.clone().set_bold();
    sh.text(0, 0, "Đợt thi đua", &label)?;
    sh.text(
        0,
        1,
        &campaign.map_or(String::new(), |c| c.title.clone()),
        &s.cell_wrap,
    )?;
    sh.text(1, 0, "Năm", &label)?;
    match campaign.and_then(|c| c.year) {
        Some(y) => sh.number(1, 1, y as f64, &s.cell.clone().set_align(FormatAlign::Left))?,
        None => sh.blank(1, 1, &s.cell)?,
    }
    let mut rows = 2;
    if let Some(Window::After { event, .. }) = campaign.map(|c| &c.window) {
        sh.text(2, 0, event, &label)?;
        sh.blank(2, 1, &s.date.clone().set_align(FormatAlign::Left))?;
        rows = 3;
    }
    for row in 0..rows {
        sh.height(row, INFO_ROW);
    }
    sh.finish_rows()?;

    // Hướng dẫn
    let ws = wb.add_worksheet();
    ws.set_name("Hướng dẫn")?;
    official_page(ws, None)?;
    ws.set_portrait();
    ws.set_print_center_horizontally(false);
    let mut sh = Sheet::new(ws, &[80.0])?;
    let para = s.base.clone().set_text_wrap().set_align(FormatAlign::Top);
    let mut lines: Vec<(String, bool)> = Vec::new();
    let vi = lang == Lang::Vi;
    lines.push((
        if vi {
            "HƯỚNG DẪN ĐIỀN SỔ ĐỀ NGHỊ KHEN THƯỞNG".into()
        } else {
            "HOW TO FILL IN THE PROPOSAL WORKBOOK".into()
        },
        true,
    ));
    lines.push((
        if vi {
            format!(
                "Trang '{}': mỗi dòng là một đề nghị khen thưởng (một tập thể hoặc một cá nhân).",
                campaign::SHEET
            )
        } else {
            format!(
                "Sheet '{}': one row per proposal (one collective or one individual).",
                campaign::SHEET
            )
        },
        false,
    ));
    let col_lines: Vec<String> = if vi {
        vec![
            "Đơn vị: cơ quan, đơn vị đề nghị (ghi cùng một cách cho mọi dòng của đơn vị).".into(),
            "Loại: 'Tập thể' hoặc 'Cá nhân'.".into(),
            "Tên: tên tập thể, hoặc họ và tên cá nhân được đề nghị.".into(),
            format!("Hình thức: một trong {}.", awards.join("; ")),
            "Ngày nhận: ngày Phòng Nội vụ nhận hồ sơ, dạng dd/mm/yyyy.".into(),
        ]
    } else {
        vec![
            "Đơn vị: the proposing unit (written the same way on each of its rows).".into(),
            "Loại: 'Tập thể' (collective) or 'Cá nhân' (individual).".into(),
            "Tên: the collective's name, or the individual's full name.".into(),
            format!("Hình thức: one of {}.", awards.join("; ")),
            "Ngày nhận: the date the dossier was received, dd/mm/yyyy.".into(),
        ]
    };
    for l in col_lines {
        lines.push((format!("- {l}"), false));
    }
    for (c, l) in &parts {
        lines.push((
            if vi {
                format!("- {c}: ghi 'x' khi hồ sơ có {l}.")
            } else {
                format!("- {c}: write 'x' when the dossier holds '{l}'.")
            },
            false,
        ));
    }
    if let Some(c) = campaign {
        lines.push((String::new(), false));
        lines.push((
            if vi {
                format!("Quy định của đợt thi đua ({}):", c.plan)
            } else {
                format!("Rules of the campaign ({}):", c.plan)
            },
            true,
        ));
        for r in c.rules_words(lang) {
            lines.push((format!("- {r}"), false));
        }
        if let Window::After { event, .. } = &c.window {
            lines.push((
                if vi {
                    format!("- Ghi '{event}' ở trang '{}'.", campaign::SHEET_INFO)
                } else {
                    format!("- Give '{event}' in the '{}' sheet.", campaign::SHEET_INFO)
                },
                false,
            ));
        }
        lines.push((
            if vi {
                format!("Kiểm tra: danhgia rewards --profile {} <tệp này>", c.name)
            } else {
                format!(
                    "Check it with: danhgia rewards --profile {} <this file>",
                    c.name
                )
            },
            false,
        ));
    }
    for (i, (l, bold)) in lines.iter().enumerate() {
        let f = if *bold { &s.bold } else { &para };
        sh.text(i as u32, 0, l, f)?;
    }
    sh.finish_rows()?;
    Ok(wb)
}

/// Writes the result of a campaign check: every proposal with its verdict and reasons.
pub fn write_campaign_result(
    check: &CampaignCheck,
    c: &Campaign,
    path: &Path,
) -> Result<(), WriterError> {
    build_campaign_result(check, c)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| {
            e.of(
                path,
                &format!("kết quả thẩm định / the check of {}", c.name),
            )
        })
}

/// Builds the campaign result workbook.
pub fn build_campaign_result(check: &CampaignCheck, c: &Campaign) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let mut wb = new_workbook(&format!("Kết quả thẩm định hồ sơ khen thưởng - {}", c.name));
    let parts: Vec<String> = c.dossier.iter().map(|p| p.column.clone()).collect();
    let mut cols = columns(&parts);
    cols.pop(); // Ghi chú
    cols.push(("Kết quả".into(), 15.0));
    cols.push(("Lý do".into(), 48.0));
    let last = (cols.len() - 1) as u16;
    let ws = wb.add_worksheet();
    ws.set_name("Kết quả thẩm định")?;
    let widths: Vec<f64> = cols.iter().map(|(_, w)| *w).collect();
    let mut sh = Sheet::new(ws, &widths)?;
    let place_date = match check.year {
        Some(y) => format!("{}, ngày      tháng      năm {y}", c.place),
        None => format!("{}, ngày      tháng      năm", c.place),
    };
    let mid = last / 2;
    let mut row = national_header(
        &mut sh,
        &s,
        0,
        &c.issuer,
        &c.receiver,
        mid - 1,
        mid,
        last,
        &place_date,
    )?;
    sh.merge(
        row,
        0,
        row,
        last,
        "KẾT QUẢ THẨM ĐỊNH\nHỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG TẬP THỂ, CÁ NHÂN",
        &s.title,
    )?;
    row += 1;
    sh.merge(
        row,
        0,
        row,
        last,
        &c.title,
        &s.subtitle.clone().set_text_wrap(),
    )?;
    row += 2;
    let head = row;
    for (i, (h, _)) in cols.iter().enumerate() {
        sh.text(head, i as u16, h, &s.header)?;
    }
    sh.height(head, HEADER_HEIGHT);
    sh.ws.set_freeze_panes(head + 1, 0)?;
    row += 1;
    for (i, p) in check.proposals.iter().enumerate() {
        sh.number(row, 0, (i + 1) as f64, &s.int)?;
        sh.text(row, 1, &p.unit, &s.cell_wrap)?;
        sh.text(row, 2, p.kind.map_or("", |k| k.label()), &s.cell_center)?;
        sh.text(row, 3, &p.name, &s.cell_wrap)?;
        sh.text(row, 4, &p.award, &s.cell_wrap)?;
        match p.received {
            Some(d) => {
                sh.ws
                    .write_datetime_with_format(row, 5, &excel_date(d)?, &s.date)?;
                sh.height(row, s.date.font.line_height());
            }
            None => sh.text(row, 5, "", &s.cell_center)?,
        }
        for (k, present) in p.dossier.iter().enumerate() {
            sh.text(
                row,
                6 + k as u16,
                if *present { "x" } else { "" },
                &s.cell_center,
            )?;
        }
        let verdict_col = 6 + parts.len() as u16;
        let verdict_format = match p.status {
            ProposalStatus::HopLe => s.cell_center.clone(),
            ProposalStatus::KhongHopLe => s.cell_center.clone().set_bold(),
        };
        sh.text(row, verdict_col, p.status.words(Lang::Vi), &verdict_format)?;
        let reasons: Vec<String> = check
            .findings
            .iter()
            .filter(|f| {
                f.file == p.file
                    && f.cell
                        .as_deref()
                        .is_some_and(|cell| row_of(cell) == Some(p.row))
            })
            .map(|f| f.detail.message(Lang::Vi))
            .collect();
        sh.text(row, verdict_col + 1, &reasons.join("\n"), &s.cell_wrap)?;
        row += 1;
    }
    let last_proposal = row.saturating_sub(1).max(head);
    row += 1;
    let valid = check
        .proposals
        .iter()
        .filter(|p| p.status == ProposalStatus::HopLe)
        .count();
    let summary = [
        format!("Tổng số đề nghị: {}", check.proposals.len()),
        format!(
            "Hợp lệ: {valid} ({} tập thể, {} cá nhân); không hợp lệ: {}",
            check.valid(Kind::TapThe),
            check.valid(Kind::CaNhan),
            check.proposals.len() - valid
        ),
    ];
    for line in summary {
        sh.merge(row, 0, row, last, &line, &s.bold)?;
        row += 1;
    }
    let general: Vec<String> = check
        .findings
        .iter()
        .filter(|f| f.cell.is_none())
        .map(|f| format!("- {}", f.detail.message(Lang::Vi)))
        .collect();
    for g in general {
        sh.merge(row, 0, row, last, &g, &s.base.clone().set_text_wrap())?;
        row += 1;
    }
    row += 1;
    let end = signature_block(
        &mut sh,
        &s,
        row,
        (0, 3),
        (mid + 1, last),
        "NGƯỜI THẨM ĐỊNH",
        &format!("TRƯỞNG {}", c.receiver.to_uppercase()),
    )?;
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        // The heading stays with the start of the table; the last proposal with the totals,
        // the general findings and the signature.
        keep: vec![(0, head + 1), (last_proposal, end - 1)],
    })?;
    Ok(wb)
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        d.year().clamp(1900, 9999) as u16,
        d.month() as u8,
        d.day() as u8,
    )
}

/// The one-based row of an A1 address.
fn row_of(cell: &str) -> Option<u32> {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}
