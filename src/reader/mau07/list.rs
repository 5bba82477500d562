//! The list of people đạt sent with a mẫu 07 (the list to publish): this tool's own sheet
//! `Danh sách đạt`, or a sheet typed by hand with `Họ và tên` and `Đơn vị` (or the units as
//! heading rows above their people), on one or two header rows. A list of everyone with a
//! `Kết quả` column counts only the people marked `Đạt`.

use super::{Ctx, DatList, SHEET_DAT, UNIT_NAMES};
use crate::district::DatPerson;
use crate::model::Total;
use crate::reader::layout::{find_header, names, Header, Spec};
use crate::reader::{Grid, Workbook};
use crate::text;
use calamine::Data;

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

/// A person's total: a whole or half number, typed or stored; anything else is left blank
/// rather than guessed.
fn total_of(d: &Data) -> Option<Total> {
    let hp = match d {
        Data::Float(f) if f.is_finite() && *f >= 0.0 && *f <= f64::from(MAX_TOTAL_POINTS) => {
            f * 2.0
        }
        Data::Int(i) => {
            let p = u32::try_from(*i).ok().filter(|p| *p <= MAX_TOTAL_POINTS)?;
            return Some(Total(p * 2));
        }
        Data::String(s) => return text::parse_total(s, MAX_TOTAL_POINTS),
        _ => return None,
    };
    (hp.fract() == 0.0).then_some(Total(hp as u32))
}

/// The list of people đạt of a workbook whose table stands on `summary`: the sheet named
/// `Danh sách đạt`, else the first other sheet with a list header. `None` when there is none.
pub fn read(cx: &mut Ctx, wb: &mut Workbook, summary: &str) -> Option<DatList> {
    let named = wb.find_sheet(SHEET_DAT);
    let mut candidates: Vec<String> = named.iter().cloned().collect();
    candidates.extend(
        wb.sheet_names()
            .iter()
            .filter(|n| n.as_str() != summary && Some(*n) != named.as_ref())
            .cloned(),
    );
    for sheet in candidates {
        let Ok(grid) = wb.grid(&sheet) else { continue };
        let header = find_header(&grid, &DAT_LIST, &mut |r, c| cx.text(&grid, &sheet, r, c));
        if let Some(h) = header {
            let people = people(cx, &grid, &sheet, &h);
            return Some(DatList { sheet, people });
        }
    }
    None
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
            total: h.col(Col::Total).and_then(|c| total_of(grid.get(row, c))),
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

fn is_summary(name: &str) -> bool {
    let k = text::key(name);
    k.starts_with("tong cong") || k == "cong" || k.starts_with("tong so")
}

/// "I. Phòng Nội vụ" → "Phòng Nội vụ".
fn strip_numbering(s: &str) -> &str {
    let s = s.trim_start();
    let first = s.split_whitespace().next().unwrap_or("");
    let marker = first.trim_end_matches(['.', ')', '-']);
    let numbered = first.len() > marker.len()
        && !marker.is_empty()
        && marker
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXivx".contains(c) || c.is_ascii_uppercase());
    if numbered {
        s[first.len()..].trim_start()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
