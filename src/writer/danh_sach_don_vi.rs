//! `danhgia template danh-sach-don-vi`: the list of the units expected to send their workbook
//! (`run --don-vi`, `validate --don-vi`, SPEC §4), ready to fill. One sheet, `Danh sách đơn vị`:
//! a title, a line saying how to fill and use it, the header the reader finds (`STT | Mã đơn vị |
//! Đơn vị | Khối | Ghi chú`), numbered rows to fill, a dropdown of the profile's blocs in `Khối`
//! (read back as the unit workbook's `Khối` is) and a check against a code written twice. The
//! sheet is not protected: the office adds rows and columns as it likes.

use super::kit::{self, Kit, ListSheet};
use super::sheet::Sheet;
use super::{new_workbook, official_page, save, WriterError};
use crate::profile::Profile;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::Path;

pub const SHEET: &str = crate::reader::danh_sach_don_vi::SHEET;
/// The header row (zero-based): the title, the guide line and a blank row above it.
pub const HEADER_ROW: u32 = 3;
/// Rows to fill.
pub const ROWS: u32 = 60;
/// The columns: (header, width).
pub const COLUMNS: [(&str, f64); 5] = [
    ("STT", 6.0),
    ("Mã đơn vị", 14.0),
    ("Đơn vị", 50.0),
    ("Khối", 22.0),
    ("Ghi chú", 30.0),
];
/// The least heights (points) of the title, the header and the rows to fill.
const TITLE_ROW: f64 = 21.0;
const HEADER_HEIGHT: f64 = 24.0;
const INPUT_ROW: f64 = 20.0;

/// Writes the template to `path` (atomically).
pub fn write(path: &Path, profile: &Profile) -> Result<(), WriterError> {
    let of = "mẫu danh sách đơn vị / the list of units template";
    let mut wb = build(profile).map_err(|e| WriterError::from(e).of(path, of))?;
    save(&mut wb, path).map_err(|e| e.of(path, of))
}

/// Builds the template in memory.
pub fn build(profile: &Profile) -> Result<Workbook, XlsxError> {
    let kit = Kit::new();
    let s = &kit.s;
    let mut lists = ListSheet::new();
    let mut wb = new_workbook("Danh sách đơn vị gửi sổ đánh giá sự chuyên nghiệp");
    let ws = wb.add_worksheet().set_name(SHEET)?;
    official_page(ws, Some((HEADER_ROW, HEADER_ROW)))?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let widths: Vec<f64> = COLUMNS.iter().map(|(_, w)| *w).collect();
    let last = COLUMNS.len() as u16 - 1;
    let mut sh = Sheet::new(ws, &widths)?;
    sh.merge(
        0,
        0,
        0,
        last,
        "DANH SÁCH ĐƠN VỊ GỬI SỔ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ",
        &s.title,
    )?;
    sh.height(0, TITLE_ROW);
    let blocs: Vec<String> = profile
        .blocs
        .iter()
        .map(super::template::bloc_choice)
        .collect();
    let guide = format!(
        "Mỗi đơn vị phải gửi sổ ghi một dòng. Mã đơn vị ghi đúng như ô 'Mã đơn vị' ở trang 'Thông tin' trong sổ của đơn vị (đơn vị không có mã thì đối chiếu theo tên); Khối chọn trong danh sách: {}. Dùng khi làm quý: danhgia run <thư mục sổ> -o <thư mục kết quả> --don-vi <tệp này>; đơn vị không gửi sổ được báo và ghi 'Chưa gửi' ở Mẫu 07.",
        blocs.join("; ")
    );
    sh.merge(1, 0, 1, last, &guide, &kit.note)?;
    for (c, (h, _)) in COLUMNS.iter().enumerate() {
        sh.text(HEADER_ROW, c as u16, h, &kit.header)?;
    }
    sh.height(HEADER_ROW, HEADER_HEIGHT);
    let first = HEADER_ROW + 1;
    let end = HEADER_ROW + ROWS;
    for row in first..=end {
        sh.number(row, 0, f64::from(row - HEADER_ROW), &kit.locked_center)?;
        sh.blank(row, 1, &kit.input)?;
        sh.blank(row, 2, &kit.input_wrap)?;
        sh.blank(row, 3, &kit.input)?;
        sh.blank(row, 4, &kit.input_wrap)?;
        sh.height(row, INPUT_ROW);
    }
    sh.finish_rows()?;

    let code = crate::text::a1(first, 1);
    let codes = format!("$B${}:$B${}", first + 1, end + 1);
    ws.add_data_validation(
        first,
        1,
        end,
        1,
        &kit::custom_validation(
            format!("AND(LEN({code})<=30,COUNTIF({codes},{code})=1)"),
            "Mã đơn vị",
            "Mã của đơn vị, như ô 'Mã đơn vị' trong sổ của đơn vị (ví dụ TCKH). Không trùng với đơn vị khác.",
            "Mã đơn vị không hợp lệ",
            "Mã này đã có ở dòng khác (hoặc dài quá 30 ký tự). Mỗi đơn vị một mã riêng.",
        )?,
    )?;
    ws.add_data_validation(
        first,
        2,
        end,
        2,
        &kit::text_validation(
            200,
            "Đơn vị",
            "Tên đầy đủ của đơn vị, như ô 'Đơn vị' trong sổ của đơn vị.",
        )?,
    )?;
    let bloc_refs: Vec<&str> = blocs.iter().map(String::as_str).collect();
    ws.add_data_validation(
        first,
        3,
        end,
        3,
        &kit::list_validation(
            &mut lists,
            &bloc_refs,
            "Khối",
            "Khối của đơn vị: Mẫu 07 của khối này ghi đơn vị (kể cả khi đơn vị chưa gửi sổ).",
        )?,
    )?;
    ws.add_data_validation(
        first,
        4,
        end,
        4,
        &kit::text_validation(500, "Ghi chú", "Ghi chú tùy ý.")?,
    )?;
    lists.write(&mut wb, None)?;
    Ok(wb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bloc;

    /// The template, filled as an office fills it (the rows below left blank, their STT
    /// written), is read back as written.
    #[test]
    fn a_filled_template_is_read_back() {
        let profile = Profile::default_profile();
        let mut wb = build(&profile).expect("the template builds");
        let ws = wb.worksheet_from_name(SHEET).expect("the sheet");
        let first = HEADER_ROW + 1;
        ws.write_string(first, 1, "TCKH").unwrap();
        ws.write_string(first, 2, "Phòng Tài chính - Kế hoạch")
            .unwrap();
        ws.write_string(first, 3, "Chính quyền").unwrap();
        ws.write_string(first + 1, 2, "Trường Mầm non Hoa Sữa")
            .unwrap();
        ws.write_string(first + 1, 3, "Trường học").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ds.xlsx");
        wb.save(&path).unwrap();
        let (list, findings) =
            crate::reader::danh_sach_don_vi::read(&path, "ds.xlsx", &profile).expect("readable");
        assert_eq!(findings, vec![]);
        assert_eq!(list.sheet.as_deref(), Some(SHEET));
        let got: Vec<(Option<&str>, &str, Bloc, &str)> = list
            .units
            .iter()
            .map(|u| (u.code.as_deref(), u.name.as_str(), u.bloc, u.cell.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("TCKH"),
                    "Phòng Tài chính - Kế hoạch",
                    Bloc::ChinhQuyen,
                    "C5"
                ),
                (None, "Trường Mầm non Hoa Sữa", Bloc::TruongHoc, "C6"),
            ]
        );
    }
}
