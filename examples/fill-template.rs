//! Fills a unit template with sample data, the way a clerk would in Excel, for the pictures of
//! docs/mau-so.md: Phòng Tài chính - Kế hoạch, quarter II/2024, 12 people (the head on `Mẫu 03`,
//! the others on `Mẫu 04`), one mandatory item at 9 and one other item at 7,5 to show the colours,
//! one month below "tốt", half a day of leave, and the closed-vocabulary columns (`Kỷ luật`,
//! `Thanh tra, kiểm tra`, `Kiểm điểm`, `Đối tượng`) filled with words of their dropdowns.
//!
//! ```text
//! danhgia template don-vi -q 2024-Q2 --so-nguoi 12 --don-vi "Phòng Tài chính - Kế hoạch" \
//!         --ma-don-vi TCKH --khoi "Chính quyền" -o TCKH-mau.xlsx
//! cargo run --example fill-template -- TCKH-mau.xlsx TCKH.xlsx
//! danhgia validate TCKH.xlsx                     # no finding
//! docs/render.sh TCKH.xlsx OUTDIR 90
//! ```
//!
//! Columns are found by their headers, as `danhgia` finds them. umya-spreadsheet cannot
//! calculate: the totals' cached values are written as Excel would store them. It also keeps no
//! "fit to page" flag, so the wide sheets get a print scale instead.

use std::path::Path;
use umya_spreadsheet::{reader, writer, Spreadsheet, Worksheet};

const PEOPLE: [(&str, &str, &str); 12] = [
    ("TCKH01", "Nguyễn Ngọc Oanh", "Trưởng phòng"),
    ("TCKH02", "Lê Minh Nam", "Phó Trưởng phòng"),
    ("TCKH03", "Trần Thị Hồng", "Chuyên viên chính"),
    ("TCKH04", "Phạm Văn Đức", "Chuyên viên"),
    ("TCKH05", "Đỗ Thu Trang", "Chuyên viên"),
    ("TCKH06", "Vũ Quang Huy", "Chuyên viên"),
    ("TCKH07", "Bùi Thị Mai", "Chuyên viên"),
    ("TCKH08", "Hoàng Anh Tuấn", "Chuyên viên"),
    ("TCKH09", "Ngô Thị Lan", "Chuyên viên"),
    ("TCKH10", "Đinh Văn Khoa", "Cán sự"),
    ("TCKH11", "Trần Hồng Nga", "Kế toán"),
    ("TCKH12", "Lý Thị Hạnh", "Nhân viên"),
];

const RATINGS: [&str; 3] = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: fill-template TEMPLATE.xlsx OUT.xlsx");
        std::process::exit(2);
    };
    if let Err(e) = fill(Path::new(input), Path::new(output)) {
        eprintln!("fill-template: {e}");
        std::process::exit(1);
    }
}

/// (row, column), 1-based as umya counts, of the first cell reading `text`.
fn find(ws: &Worksheet, text: &str) -> Option<(u32, u32)> {
    let (max_col, max_row) = ws.get_highest_column_and_row();
    (1..=max_row).find_map(|r| {
        (1..=max_col)
            .find(|&c| ws.get_value((c, r)) == text)
            .map(|c| (r, c))
    })
}

fn sheet<'a>(book: &'a mut Spreadsheet, name: &str) -> Result<&'a mut Worksheet, String> {
    book.get_sheet_by_name_mut(name)
        .ok_or_else(|| format!("no sheet '{name}'"))
}

fn header(ws: &Worksheet, text: &str) -> Result<(u32, u32), String> {
    find(ws, text).ok_or_else(|| format!("no header '{text}'"))
}

fn fill(input: &Path, output: &Path) -> Result<(), String> {
    let mut book = reader::xlsx::read(input).map_err(|e| e.to_string())?;

    let info = sheet(&mut book, "Thông tin")?;
    let (r, c) = header(info, "Ngày gửi")?;
    info.get_cell_mut((c + 1, r)).set_value_number(45469); // 26/06/2024

    let list = sheet(&mut book, "Danh sách")?;
    let (h, _) = header(list, "Mã CB")?;
    let col = |ws: &Worksheet, t: &str| header(ws, t).map(|(_, c)| c);
    let (id, name, title, btv) = (
        col(list, "Mã CB")?,
        col(list, "Họ và tên")?,
        col(list, "Chức vụ")?,
        col(list, "Diện BTV quản lý")?,
    );
    let months = [
        col(list, "Tháng 4")?,
        col(list, "Tháng 5")?,
        col(list, "Tháng 6")?,
    ];
    let days = col(list, "Số ngày nghỉ")?;
    // Words offered by the dropdowns (SPEC §2): all "no", so everyone can still be "đạt".
    let choices = [
        (col(list, "Kỷ luật")?, "Không"),
        (col(list, "Thanh tra, kiểm tra")?, "Không"),
        (col(list, "Kiểm điểm")?, "Không"),
    ];
    let kind = col(list, "Đối tượng")?;
    for (i, (pid, pname, ptitle)) in PEOPLE.iter().enumerate() {
        let r = h + 1 + i as u32;
        list.get_cell_mut((id, r)).set_value_string(*pid);
        list.get_cell_mut((name, r)).set_value_string(*pname);
        list.get_cell_mut((title, r)).set_value_string(*ptitle);
        if i == 0 {
            list.get_cell_mut((btv, r)).set_value_string("x");
        }
        for (k, c) in months.iter().enumerate() {
            let rating = if i == 9 && k == 1 {
                "Hoàn thành nhiệm vụ"
            } else {
                RATINGS[(k + i) % 3]
            };
            list.get_cell_mut((*c, r)).set_value_string(rating);
        }
        list.get_cell_mut((days, r))
            .set_value_number(if i == 6 { 2.5 } else { 0.0 });
        for (c, word) in choices {
            list.get_cell_mut((c, r)).set_value_string(word);
        }
        let staff_kind = match i {
            0 | 1 => "CB",
            10 | 11 => "NLĐ",
            _ => "CC",
        };
        list.get_cell_mut((kind, r)).set_value_string(staff_kind);
    }

    // Mẫu 03: the head of the unit; Mẫu 04: the others.
    for (form, items, people) in [("Mẫu 03", 45u32, 0..1), ("Mẫu 04", 30, 1..PEOPLE.len())] {
        let ws = sheet(&mut book, form)?;
        let (h, id) = header(ws, "Mã CB")?;
        let first_item = col(ws, "1")?;
        let total = col(ws, "Tổng điểm")?;
        let remark = col(ws, "Nhận xét")?;
        for (n, p) in people.enumerate() {
            let r = h + 2 + n as u32;
            ws.get_cell_mut((id, r)).set_value_string(PEOPLE[p].0);
            ws.get_cell_mut((id + 1, r)).set_value_string(PEOPLE[p].1);
            let mut sum = 0.0;
            for item in 1..=items {
                let mandatory = item <= if form == "Mẫu 03" { 30 } else { 20 };
                let mut s = if mandatory {
                    10.0
                } else if (item + n as u32) % 4 == 0 {
                    9.0
                } else {
                    9.5
                };
                if form == "Mẫu 04" && n == 2 && item == 7 {
                    s = 9.0;
                }
                if form == "Mẫu 04" && n == 5 && item == 26 {
                    s = 7.5;
                }
                sum += s;
                ws.get_cell_mut((first_item + item - 1, r))
                    .set_value_number(s);
            }
            ws.get_cell_mut((total, r))
                .set_formula_result_default(sum.to_string());
            if form == "Mẫu 04" && n == 2 {
                ws.get_cell_mut((remark, r))
                    .set_value_string("Nội dung 7 chưa đạt");
            }
        }
    }

    for (name, scale) in [("Danh sách", 44), ("Mẫu 03", 44), ("Mẫu 04", 56)] {
        sheet(&mut book, name)?
            .get_page_setup_mut()
            .set_scale(scale);
    }
    writer::xlsx::write(&book, output).map_err(|e| e.to_string())
}
