//! The list of people đạt sent with a mẫu 07 (the list to publish): this tool's own sheet
//! `Danh sách đạt`, or a sheet typed by hand with `Họ và tên` and `Đơn vị` (or the units as
//! heading rows above their people), on one or two header rows. A list of everyone with a
//! `Kết quả` column counts only the people marked `Đạt`.
//!
//! Which sheet is the list is told by its name and title, never by its place in the workbook: a
//! sheet named or titled "đạt" (and not "không đạt" or "chưa đạt"), else a list with a `Kết quả`
//! column. A sheet named or titled "không đạt" is never taken; a list of people that says neither
//! is not guessed at: the list is then missing, and the sheets passed over are named.

use super::{strip_numbering, Ctx, DatList, SHEET_DAT, UNIT_NAMES};
use crate::district::DatPerson;
use crate::reader::layout::{find_header, names, Header, Spec};
use crate::reader::{Grid, Workbook};
use crate::text;
use crate::text::is_summary_name as is_summary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Name,
    Title,
    Unit,
    Total,
    Result,
    Bloc,
    Note,
}

/// The columns of a list of people đạt.
const DAT_LIST: Spec<Col> = Spec {
    columns: &[
        (Col::Stt, names::STT),
        (Col::Name, names::NAME),
        (Col::Title, names::TITLE),
        (Col::Unit, UNIT_NAMES),
        (
            Col::Total,
            &[
                "tong diem",
                "tong so diem",
                "tong diem dat duoc",
                "tong diem danh gia",
                "diem",
                "so diem",
            ],
        ),
        (
            Col::Result,
            &["ket qua", "ket qua danh gia", "xep loai", "danh gia"],
        ),
        (Col::Bloc, &["khoi"]),
        (Col::Note, names::NOTE),
    ],
    pattern: None,
    keys: &[Col::Name],
    min_columns: 2,
    two_rows: true,
};

/// No total of scores is larger than this (200 contents at 100 points): beyond it the cell is
/// not a total.
const MAX_TOTAL_POINTS: u32 = 20_000;

/// The list of people đạt of a workbook, and the sheets with a list of people passed over.
pub struct Listing {
    pub list: Option<DatList>,
    /// (sheet, whether it says "không đạt").
    pub passed_over: Vec<(String, bool)>,
}

/// What a sheet's name and title lines say of the people listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Says {
    /// "đạt", "Đạt chuyên nghiệp", "DS đạt".
    dat: bool,
    /// "không đạt", "chưa đạt".
    not_dat: bool,
}

impl Says {
    /// The words of a text: "đạt" after "không" or "chưa" is không đạt. With diacritics "đạt"
    /// is told from "đất", "đặt"; a text typed without any is read by its key.
    fn read(&mut self, s: &str) {
        let plain = s.is_ascii();
        let lower = text::tidy(s).to_lowercase();
        let mut prev = "";
        for w in lower.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            if w == "đạt" || (plain && w == "dat") {
                let negated = ["không", "chưa", "khong", "chua", "ko", "k"].contains(&prev);
                if negated {
                    self.not_dat = true;
                } else {
                    self.dat = true;
                }
            }
            prev = w;
        }
    }
}

/// How a sheet with a list of people stands as the list of people đạt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// Named or titled as the list of people đạt.
    Named,
    /// A list of everyone with a `Kết quả` column: only the rows marked `Đạt` are taken.
    Marked,
}

/// The list of people đạt of a workbook whose table stands on `summary`: the sheet named or
/// titled as the list of people đạt, else a list with a `Kết quả` column; the first of the best.
pub fn read(cx: &mut Ctx, wb: &mut Workbook, summary: &str) -> Listing {
    let named = wb.find_sheet(SHEET_DAT);
    let mut candidates: Vec<String> = named.iter().cloned().collect();
    candidates.extend(
        wb.sheet_names()
            .iter()
            .filter(|n| n.as_str() != summary && Some(*n) != named.as_ref())
            .cloned(),
    );
    let mut best: Option<(Fit, String, Grid, Header<Col>)> = None;
    let mut passed_over = Vec::new();
    for sheet in candidates {
        let Ok(grid) = wb.grid(&sheet) else { continue };
        let header = find_header(&grid, &DAT_LIST, &mut |r, c| cx.text(&grid, &sheet, r, c));
        let Some(h) = header else { continue };
        let mut says = Says::default();
        says.read(&sheet);
        for row in grid.row_start()..h.row {
            let cols: Vec<u32> = grid.filled(row).map(|(c, _)| c).collect();
            for c in cols {
                says.read(&cx.text(&grid, &sheet, row, c));
            }
        }
        let fit = match (says.dat, says.not_dat, h.has(Col::Result)) {
            (true, false, _) => Some(Fit::Named),
            (_, _, true) => Some(Fit::Marked),
            _ => None,
        };
        match fit {
            Some(f) if best.as_ref().is_none_or(|b| f < b.0) => best = Some((f, sheet, grid, h)),
            Some(_) => {}
            None => passed_over.push((sheet, says.not_dat)),
        }
    }
    let list = best.map(|(_, sheet, grid, h)| {
        let people = people(cx, &grid, &sheet, &h);
        DatList { sheet, people }
    });
    Listing { list, passed_over }
}

fn people(cx: &mut Ctx, grid: &Grid, sheet: &str, h: &Header<Col>) -> Vec<DatPerson> {
    let Some(name_c) = h.col(Col::Name) else {
        return Vec::new();
    };
    let mut heading = String::new();
    let mut out = Vec::new();
    for row in h.data_start()..grid.row_end() {
        let filled: Vec<u32> = grid.filled(row).map(|(c, _)| c).collect();
        if filled.is_empty() {
            continue;
        }
        let name = cx.text(grid, sheet, row, name_c);
        if filled.len() == 1 && h.col(Col::Unit).is_none() {
            // A unit's heading above its people ("I. Phòng Nội vụ").
            heading = strip_numbering(&cx.text(grid, sheet, row, filled[0])).to_string();
            continue;
        }
        if name.is_empty() || is_summary(&name) || !marked_dat(cx, grid, sheet, h, row) {
            continue;
        }
        let mut field = |c: Col| {
            h.col(c)
                .map(|col| cx.text(grid, sheet, row, col))
                .unwrap_or_default()
        };
        let unit = h
            .col(Col::Unit)
            .map_or_else(|| heading.clone(), |_| field(Col::Unit));
        out.push(DatPerson {
            name,
            title: field(Col::Title),
            unit,
            total: h
                .col(Col::Total)
                .and_then(|c| crate::reader::total_of_cell(grid.get(row, c), MAX_TOTAL_POINTS)),
        });
    }
    out
}

/// Whether a row of a list with a `Kết quả` column says `Đạt` (a list without one is a list of
/// people đạt).
fn marked_dat(cx: &mut Ctx, grid: &Grid, sheet: &str, h: &Header<Col>, row: u32) -> bool {
    let Some(c) = h.col(Col::Result) else {
        return true;
    };
    let k = text::key(&cx.text(grid, sheet, row, c));
    k == "dat" || k.starts_with("dat ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Total;
    use calamine::Data;

    fn total_of(d: &Data) -> Option<Total> {
        crate::reader::total_of_cell(d, MAX_TOTAL_POINTS)
    }

    #[test]
    fn totals_and_headings() {
        assert_eq!(total_of(&Data::Float(291.5)), Some(Total(583)));
        assert_eq!(total_of(&Data::String("291,5".into())), Some(Total(583)));
        assert_eq!(total_of(&Data::Float(-1.0)), None);
        assert_eq!(strip_numbering("I. Phòng Nội vụ"), "Phòng Nội vụ");
        assert_eq!(
            strip_numbering("2) Trường THCS Ngọc Lâm"),
            "Trường THCS Ngọc Lâm"
        );
        assert_eq!(strip_numbering("Phòng Nội vụ"), "Phòng Nội vụ");
    }

    #[test]
    fn summary_rows_are_told_from_people_named_tong() {
        for t in [
            "Tổng cộng",
            "TỔNG SỐ: 12 người",
            "Cộng",
            "Tổng",
            "Tong cong",
            "TONG SO 12",
        ] {
            assert!(is_summary(t), "{t}");
        }
        for t in [
            "Tống Công Minh",
            "TỐNG SƠN HẢI",
            "Tống Văn Trân",
            "Tong Cong Minh",
            "Nguyễn Văn Tổng",
        ] {
            assert!(!is_summary(t), "{t}");
        }
    }

    #[test]
    fn a_sheet_says_dat_or_khong_dat() {
        let says = |ts: &[&str]| {
            let mut s = Says::default();
            for t in ts {
                s.read(t);
            }
            (s.dat, s.not_dat)
        };
        assert_eq!(says(&["Danh sách đạt"]), (true, false));
        assert_eq!(says(&["DS dat"]), (true, false));
        assert_eq!(
            says(&["Sheet2", "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP QUÝ I"]),
            (true, false)
        );
        assert_eq!(says(&["Không đạt"]), (false, true));
        assert_eq!(says(&["DS chua dat"]), (false, true));
        assert_eq!(says(&["Danh sách", "CÁN BỘ CHƯA ĐẠT"]), (false, true));
        // "Đất", "Đặt" are no "đạt".
        assert_eq!(says(&["Phòng Tài nguyên đất", "Đặt hàng"]), (false, false));
    }
}
