//! Mẫu 06: the notice of a unit's results for the quarter ("Thông báo kết quả đánh giá sự chuyên
//! nghiệp của CBCCVC, NLĐ quý … năm …"), one workbook per unit.

use super::sheet::{Page, Sheet};
use super::{new_workbook, official_heading, save, signature_block, Styles, WriterError};
use crate::documents::{Dated, DocKind, Issuer};
use crate::evaluate::UnitResult;
use crate::i18n::Lang;
use crate::model::Status;
use crate::profile::Profile;
use rust_xlsxwriter::Workbook;
use std::path::Path;

const LAST_COL: u16 = 9;
const WIDTHS: [f64; 10] = [5.0, 26.0, 24.0, 7.5, 8.5, 10.0, 10.0, 10.0, 12.0, 42.0];

/// The words in the `Kết quả` column.
pub fn result_words(status: Status) -> &'static str {
    match status {
        Status::Dat => "Đạt",
        Status::KhongDat => "Không đạt",
        Status::KhongDanhGia => "Không đánh giá",
        Status::Loi => "Chưa xác định",
    }
}

/// The `Ghi chú` of a person: the reasons in words, or why the result is unknown.
pub fn note_words(p: &crate::evaluate::PersonResult) -> String {
    if p.status == Status::Loi {
        return "Sổ đánh giá có lỗi ở người này, chưa xác định được kết quả (xem danh sách lỗi)"
            .to_string();
    }
    let mut parts: Vec<String> = p
        .reasons
        .iter()
        .map(|r| r.words(Lang::Vi).to_string())
        .collect();
    if !p.note.is_empty() && p.status == Status::KhongDanhGia {
        parts.push(p.note.clone());
    }
    parts.join("; ")
}

/// Builds the mẫu 06 workbook of a unit.
pub fn build(u: &UnitResult, profile: &Profile, doc: &Dated) -> Result<Workbook, WriterError> {
    let q = u.quarter;
    let s = Styles::new();
    let mut wb = new_workbook(&format!(
        "Mẫu 06 - {} - Quý {}/{}",
        u.unit,
        q.roman(),
        q.year
    ));
    let ws = wb.add_worksheet();
    ws.set_name("Mẫu 06")?;
    let mut sh = Sheet::new(ws, &WIDTHS)?;

    let code = u.code_written.then_some(u.code.as_str());
    let issuer = Issuer::unit(profile, &u.unit, u.bloc, code);
    let heading = doc.heading(profile, &issuer, DocKind::Mau06);
    let mut row = official_heading(&mut sh, &s, 0, &heading, (0, 3), (4, LAST_COL))?;
    sh.merge(
        row,
        0,
        row,
        LAST_COL,
        &format!(
            "THÔNG BÁO\nKẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ {} NĂM {}",
            q.roman(),
            q.year
        ),
        &s.title,
    )?;
    row += 1;
    sh.merge(
        row,
        0,
        row,
        LAST_COL,
        &format!("Khối: {}", profile.bloc(u.bloc).name),
        &s.bold_center,
    )?;
    row += 1;
    sh.merge(row, 0, row, LAST_COL, "(Mẫu 06)", &s.subtitle)?;
    row += 2;

    // Two header rows: "Xếp loại tháng" spans the three month columns.
    let head = row;
    for (col, label) in [
        (0u16, "STT"),
        (1, "Họ và tên"),
        (2, "Chức vụ"),
        (3, "Mẫu phiếu"),
        (4, "Tổng điểm"),
        (8, "Kết quả"),
        (9, "Ghi chú"),
    ] {
        sh.merge(head, col, head + 1, col, label, &s.header)?;
    }
    sh.merge(head, 5, head, 7, "Xếp loại tháng", &s.header)?;
    for (i, m) in q.months().iter().enumerate() {
        sh.text(head + 1, 5 + i as u16, &format!("Tháng {m}"), &s.header)?;
    }
    sh.ws.set_freeze_panes(head + 2, 0)?;
    row = head + 2;

    for (i, p) in u.people.iter().enumerate() {
        sh.number(row, 0, (i + 1) as f64, &s.int)?;
        sh.text(row, 1, &p.name, &s.cell_wrap)?;
        sh.text(row, 2, &p.title, &s.cell_wrap)?;
        sh.text(row, 3, p.form.map_or("", |f| f.code()), &s.cell_center)?;
        match p.total {
            Some(t) => {
                let style = if t.0 % 2 == 0 { &s.int } else { &s.score };
                sh.number(row, 4, t.0 as f64 / 2.0, style)?;
            }
            None => sh.text(row, 4, "", &s.cell_center)?,
        }
        for (k, r) in p.ratings.iter().enumerate() {
            sh.text(
                row,
                5 + k as u16,
                r.map_or("", |r| r.abbrev()),
                &s.cell_center,
            )?;
        }
        sh.text(row, 8, result_words(p.status), &s.cell_center)?;
        sh.text(row, 9, &note_words(p), &s.cell_wrap)?;
        row += 1;
    }
    let last_person = row.saturating_sub(1).max(head + 1);

    // Totals.
    row += 1;
    let sm = &u.summary;
    let lines = [
        ("Tổng số CBCCVC, NLĐ", sm.people),
        ("Số không đánh giá", sm.not_evaluated),
        ("Số được đánh giá", sm.evaluated),
        ("Số đạt chuyên nghiệp", sm.dat),
        ("Số không đạt", sm.khong_dat),
        ("Số chưa xác định (lỗi dữ liệu)", sm.loi),
    ];
    for (label, n) in lines {
        if label.starts_with("Số chưa") && n == 0 {
            continue;
        }
        sh.merge(row, 1, row, 3, label, &s.total_label)?;
        sh.number(row, 4, n as f64, &s.total_int)?;
        row += 1;
    }
    row += 1;
    let end = signature_block(
        &mut sh,
        &s,
        row,
        (0, 3),
        (6, LAST_COL),
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
    )?;
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head + 1)),
        // The heading stays with the start of the table; the last person with the totals and
        // the signature.
        keep: vec![(0, head + 2), (last_person, end - 1)],
    })?;
    Ok(wb)
}

/// Writes the mẫu 06 workbook of a unit to `path` (atomically).
pub fn write(
    u: &UnitResult,
    profile: &Profile,
    doc: &Dated,
    path: &Path,
) -> Result<(), WriterError> {
    build(u, profile, doc)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, &format!("đơn vị / unit {} – {}", u.code, u.unit)))
}
