//! The one header matcher of every table the tool reads (SPEC §3): the unit workbook's sheets,
//! monthly rating lists, mẫu 06 and mẫu 07 typed by hand, the reward proposals. A layout is a
//! [`Spec`] — a table of expected columns with the header names offices write for them — and
//! this module finds where such a header stands: in the first [`SEARCH_ROWS`] rows (title lines
//! may stand above it), columns in any order, on one row or on two (a group heading such as
//! "Kết quả" merged over "Số đạt | Số không đạt | Tỷ lệ"). Names are compared by
//! [`text::key`]: case, spacing, punctuation and diacritics do not matter.
//!
//! It only finds columns; what a missing column means is the caller's to say.

use super::{is_blank, Grid};
use crate::text;
use calamine::Data;

/// How many rows from the top a header row is looked for in (SPEC §3: "search the first 20 rows").
pub const SEARCH_ROWS: u32 = 20;

/// Header names shared by several layouts (keys as [`text::key`] gives them).
pub mod names {
    pub const STT: &[&str] = &["stt", "so tt", "so thu tu", "tt"];
    pub const ID: &[&str] = &[
        "ma cb",
        "ma can bo",
        "ma cbccvc",
        "ma so",
        "ma nhan vien",
        "ma cong chuc",
        "ma vien chuc",
    ];
    pub const NAME: &[&str] = &[
        "ho va ten",
        "ho ten",
        "ho va ten can bo",
        "ho va ten cbccvc",
        "ho va ten cbccvc nld",
        "ten can bo",
    ];
    pub const BIRTH: &[&str] = &["ngay sinh", "ngay thang nam sinh", "ngay thang sinh"];
    pub const TITLE: &[&str] = &[
        "chuc vu",
        "chuc danh",
        "chuc vu chuc danh",
        "chuc danh chuc vu",
    ];
    pub const UNIT_NAME: &[&str] = &["don vi", "ten don vi", "co quan don vi", "co quan"];
    pub const UNIT_CODE: &[&str] = &["ma don vi", "ma dv"];
    pub const NOTE: &[&str] = &["ghi chu"];
    pub const TOTAL_SCORE: &[&str] = &["tong diem", "tong so diem", "tong diem dat duoc"];
}

/// A layout: the columns a table may have and the names they go by.
pub struct Spec<C: 'static> {
    /// Each kind of column with the header names (keys) that name it exactly.
    pub columns: &'static [(C, &'static [&'static str])],
    /// Headers a list of names cannot hold: a month ("Tháng 4", "T4"), a numbered content, a
    /// heading in other words ("Hình thức kỷ luật"). Tried after `columns`.
    pub pattern: Option<fn(&Data, &str) -> Option<C>>,
    /// A header row names at least one of these.
    pub keys: &'static [C],
    /// A header row names at least this many columns (keys included).
    pub min_columns: usize,
    /// Whether the header may stand on two rows (a group heading above its columns).
    pub two_rows: bool,
}

/// What the matcher needs of a layout. [`Spec`] is the usual one, a fixed table; a layout whose
/// columns come from data (a campaign's dossier parts, named in its profile) implements this.
pub trait Layout<C> {
    /// The kind of column a header cell names, if any (`key` as [`text::key`] gives it).
    fn classify(&self, d: &Data, key: &str) -> Option<C>;
    /// Whether a header row must name a column of this kind (one of them at least).
    fn is_key(&self, c: C) -> bool;
    /// A header row names at least this many columns.
    fn min_columns(&self) -> usize;
    /// Whether the header may stand on two rows.
    fn two_rows(&self) -> bool;
}

impl<C: Copy + PartialEq> Layout<C> for Spec<C> {
    fn classify(&self, d: &Data, key: &str) -> Option<C> {
        self.columns
            .iter()
            .find(|(_, names)| names.contains(&key))
            .map(|(c, _)| *c)
            .or_else(|| self.pattern.and_then(|p| p(d, key)))
    }

    fn is_key(&self, c: C) -> bool {
        self.keys.contains(&c)
    }

    fn min_columns(&self) -> usize {
        self.min_columns
    }

    fn two_rows(&self) -> bool {
        self.two_rows
    }
}

/// One recognised column of a header.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderCol<C> {
    pub col: u32,
    pub kind: C,
    /// The header as written (the group heading and the column's own, on a two-row header).
    pub text: String,
}

/// Where a header stands and what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Header<C> {
    /// The (first) header row.
    pub row: u32,
    /// 1, or 2 for a group heading above its columns.
    pub rows: u32,
    pub cols: Vec<HeaderCol<C>>,
}

impl<C: Copy + PartialEq> Header<C> {
    /// The first row below the header.
    pub fn data_start(&self) -> u32 {
        self.row + self.rows
    }

    /// The first column of a kind.
    pub fn col(&self, kind: C) -> Option<u32> {
        self.cols.iter().find(|c| c.kind == kind).map(|c| c.col)
    }

    /// Every column of a kind ("Kỷ luật Đảng" and "Kỷ luật chính quyền" are both `Kỷ luật`).
    pub fn cols_of(&self, kind: C) -> Vec<u32> {
        self.cols
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.col)
            .collect()
    }

    /// Whether the header names a column of this kind.
    pub fn has(&self, kind: C) -> bool {
        self.col(kind).is_some()
    }
}

/// Finds the header of a table in the first [`SEARCH_ROWS`] rows of a sheet: the row (or pair
/// of rows, when the spec allows) that names the most known columns, at least
/// `spec.min_columns` of them and one key column. The search ends at the first filled row that
/// names no key column below a header found: the data has begun.
///
/// `text` gives the tidied text of a cell (the caller's, so that it can report legacy encodings
/// once); it is asked only for cells that are not blank.
pub fn find_header<C: Copy + PartialEq>(
    grid: &Grid,
    spec: &dyn Layout<C>,
    text: &mut dyn FnMut(u32, u32) -> String,
) -> Option<Header<C>> {
    let last = grid.row_end().min(SEARCH_ROWS);
    let mut rows: Vec<RowCells> = Vec::new();
    let mut best: Option<Header<C>> = None;
    for row in 0..last {
        let here = RowCells::read(grid, row, text);
        let single = classify_row(spec, &here);
        let keyed = single.iter().any(|c| spec.is_key(c.kind));
        if keyed && better(spec, &single, best.as_ref()) {
            best = Some(Header {
                row,
                rows: 1,
                cols: single.clone(),
            });
        }
        if spec.two_rows() {
            if let Some(above) = rows.last().filter(|a| a.row + 1 == row) {
                let pair = classify_pair(spec, above, &here);
                let above_single = classify_row(spec, above);
                if pair.iter().any(|c| spec.is_key(c.kind))
                    && pair.len() > above_single.len()
                    && pair.len() > single.len()
                    && better(spec, &pair, best.as_ref())
                {
                    best = Some(Header {
                        row: above.row,
                        rows: 2,
                        cols: pair,
                    });
                }
            }
        }
        let filled = !here.cells.is_empty();
        let part_of_best = best.as_ref().is_some_and(|b| b.row + b.rows > row);
        if !keyed && filled && best.is_some() && !part_of_best {
            break;
        }
        rows.push(here);
    }
    best
}

fn better<C>(spec: &dyn Layout<C>, cols: &[HeaderCol<C>], best: Option<&Header<C>>) -> bool {
    cols.len() >= spec.min_columns().max(1) && best.is_none_or(|b| cols.len() > b.cols.len())
}

/// The filled cells of one row: (column, value, text, key).
struct RowCells {
    row: u32,
    cells: Vec<(u32, Data, String, String)>,
}

impl RowCells {
    fn read(grid: &Grid, row: u32, text: &mut dyn FnMut(u32, u32) -> String) -> RowCells {
        let cells = grid
            .filled(row)
            .filter(|(_, d)| !is_blank(d))
            .map(|(col, d)| {
                let t = text(row, col);
                let k = text::key(&t);
                (col, d.clone(), t, k)
            })
            .collect();
        RowCells { row, cells }
    }

    fn at(&self, col: u32) -> Option<&(u32, Data, String, String)> {
        self.cells.iter().find(|c| c.0 == col)
    }
}

fn classify_row<C: Copy + PartialEq>(spec: &dyn Layout<C>, row: &RowCells) -> Vec<HeaderCol<C>> {
    row.cells
        .iter()
        .filter_map(|(col, d, t, k)| {
            spec.classify(d, k).map(|kind| HeaderCol {
                col: *col,
                kind,
                text: t.clone(),
            })
        })
        .collect()
}

/// A header on two rows. Each column is named by the group heading above it and its lower cell
/// read together ("Kết quả" + "Số đạt", "Xếp loại tháng" + "4", "Số được đánh giá" + "Tổng số"),
/// else by its lower cell alone, else — when the lower cell is blank (a heading merged down both
/// rows) — by its upper cell. The group comes first because it qualifies the words under it: a
/// "Tổng số" under "Số được đánh giá" is the number evaluated, not the head count. A group heading
/// covers the columns to its right whose upper cell is blank, up to the next upper heading.
fn classify_pair<C: Copy + PartialEq>(
    spec: &dyn Layout<C>,
    upper: &RowCells,
    lower: &RowCells,
) -> Vec<HeaderCol<C>> {
    let mut cols: Vec<u32> = upper
        .cells
        .iter()
        .chain(lower.cells.iter())
        .map(|c| c.0)
        .collect();
    cols.sort_unstable();
    cols.dedup();
    let mut out = Vec::new();
    let mut group: Option<&(u32, Data, String, String)> = None;
    for col in cols {
        let up = upper.at(col);
        if up.is_some() {
            group = up;
        }
        let found = match (lower.at(col), group) {
            (Some((_, d, t, k)), g) => {
                let with_group = g.and_then(|(_, _, gt, gk)| {
                    let joined = format!("{gk} {k}");
                    spec.classify(&Data::String(joined.clone()), &joined)
                        .map(|kind| (kind, format!("{gt} {t}")))
                });
                with_group.or_else(|| spec.classify(d, k).map(|kind| (kind, t.clone())))
            }
            (None, _) => {
                up.and_then(|(_, d, t, k)| spec.classify(d, k).map(|kind| (kind, t.clone())))
            }
        };
        if let Some((kind, text)) = found {
            out.push(HeaderCol { col, kind, text });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Range;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum K {
        Stt,
        Name,
        Dat,
        KhongDat,
        Rate,
        Month(u32),
    }

    fn month(_: &Data, k: &str) -> Option<K> {
        text::parse_month_header(k.strip_prefix("xep loai ").unwrap_or(k)).map(K::Month)
    }

    const SPEC: Spec<K> = Spec {
        columns: &[
            (K::Stt, names::STT),
            (K::Name, names::UNIT_NAME),
            (K::Dat, &["so dat", "ket qua so dat"]),
            (K::KhongDat, &["so khong dat", "ket qua so khong dat"]),
            (K::Rate, &["ty le", "ket qua ty le"]),
        ],
        pattern: Some(month),
        keys: &[K::Name],
        min_columns: 2,
        two_rows: true,
    };

    fn grid(rows: &[&[&str]]) -> Grid {
        let h = rows.len() as u32;
        let w = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut r = Range::new((0, 0), (h - 1, w - 1));
        for (i, row) in rows.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    r.set_value((i as u32, j as u32), Data::String(v.to_string()));
                }
            }
        }
        Grid::from_range(r)
    }

    fn find(g: &Grid, spec: &Spec<K>) -> Option<Header<K>> {
        find_header(g, spec, &mut |r, c| super::super::display(g.get(r, c)))
    }

    #[test]
    fn one_row_below_titles_any_order_any_spelling() {
        let g = grid(&[
            &["KẾT QUẢ ĐÁNH GIÁ"],
            &[""],
            &["Số đạt", "ĐƠN  VỊ", " Stt. "],
            &["3", "Phòng A", "1"],
        ]);
        let h = find(&g, &SPEC).expect("a header");
        assert_eq!((h.row, h.rows, h.data_start()), (2, 1, 3));
        assert_eq!(h.col(K::Name), Some(1));
        assert_eq!(h.col(K::Dat), Some(0));
        assert_eq!(h.col(K::Stt), Some(2));
    }

    #[test]
    fn group_heading_over_its_columns() {
        let g = grid(&[
            &["STT", "Đơn vị", "Kết quả", "", ""],
            &["", "", "Số đạt", "Số không đạt", "Tỷ lệ"],
            &["1", "Phòng A", "3", "4", "42,9"],
        ]);
        let h = find(&g, &SPEC).expect("a header");
        assert_eq!((h.row, h.rows, h.data_start()), (0, 2, 2));
        assert_eq!(
            [K::Stt, K::Name, K::Dat, K::KhongDat, K::Rate].map(|k| h.col(k)),
            [Some(0), Some(1), Some(2), Some(3), Some(4)]
        );
    }

    #[test]
    fn group_heading_read_with_its_column() {
        // "Xếp loại tháng" over "4 | 5 | 6": each column is a month only with its heading.
        let g = grid(&[
            &["Đơn vị", "Xếp loại tháng", "", ""],
            &["", "4", "5", "6"],
            &["Phòng A", "Tốt", "Tốt", "Tốt"],
        ]);
        let h = find(&g, &SPEC).expect("a header");
        assert_eq!(h.rows, 2);
        assert_eq!(h.cols_of(K::Month(5)), vec![2]);
    }

    #[test]
    fn a_group_heading_qualifies_the_words_under_it() {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum C {
            Name,
            People,
            Evaluated,
            Dat,
        }
        const S: Spec<C> = Spec {
            columns: &[
                (C::Name, names::UNIT_NAME),
                (C::People, &["tong so"]),
                (C::Dat, &["dat"]),
                (
                    C::Evaluated,
                    &["so duoc danh gia", "so duoc danh gia tong so"],
                ),
            ],
            pattern: None,
            keys: &[C::Name],
            min_columns: 2,
            two_rows: true,
        };
        let g = grid(&[
            &["Đơn vị", "Tổng số", "Số được đánh giá", ""],
            &["", "", "Tổng số", "Đạt"],
            &["Phòng A", "10", "9", "4"],
        ]);
        let h =
            find_header(&g, &S, &mut |r, c| super::super::display(g.get(r, c))).expect("a header");
        assert_eq!(h.rows, 2);
        assert_eq!(
            h.col(C::People),
            Some(1),
            "merged down: named by its upper cell"
        );
        assert_eq!(
            h.cols_of(C::Evaluated),
            vec![2],
            "'Tổng số' under its group"
        );
        assert_eq!(h.col(C::Dat), Some(3), "alone, when the group adds nothing");
    }

    #[test]
    fn a_data_row_never_completes_a_header() {
        let g = grid(&[
            &["Đơn vị", "Số đạt", "Số không đạt"],
            &["Phòng A", "3", "4"],
        ]);
        let h = find(&g, &SPEC).expect("a header");
        assert_eq!((h.row, h.rows), (0, 1));
    }

    #[test]
    fn one_row_layouts_never_look_at_two() {
        let spec = Spec {
            two_rows: false,
            ..SPEC
        };
        let g = grid(&[&["STT", "Đơn vị", "Kết quả"], &["", "", "Số đạt"]]);
        let h = find(&g, &spec).expect("a header");
        assert_eq!((h.row, h.rows), (0, 1));
        assert!(!h.has(K::Dat));
    }

    #[test]
    fn no_key_column_no_header() {
        let g = grid(&[&["STT", "Số đạt", "Số không đạt"]]);
        assert!(find(&g, &SPEC).is_none());
    }

    #[test]
    fn rows_past_the_search_window_are_not_headers() {
        let mut rows: Vec<&[&str]> = vec![&["tiêu đề"]; SEARCH_ROWS as usize];
        rows.push(&["STT", "Đơn vị"]);
        assert!(find(&grid(&rows), &SPEC).is_none());
    }
}
