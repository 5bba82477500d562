//! The cells of one sheet, held so that memory follows the cells really there.
//!
//! A sheet whose filled cells sit in a compact block (every real unit workbook) is held as a dense
//! calamine [`Range`]: the fastest to read. A sheet with a stray cell far away (one value at
//! `XFD1048576` beside a table at `A1`) would need billions of empty cells in a dense range, so it
//! is held sparse: the filled cells sorted by row and column, found by binary search.

use calamine::{Cell, CellType, Range};

/// At most this many cells (filled or not) in a dense range: 2 million cells is about 64 MB.
pub const MAX_DENSE_CELLS: u64 = 2_000_000;

/// At most this many filled cells in one sheet. A unit's sheet holds a few tens of thousands; a
/// sheet beyond this is not a unit's workbook and is reported instead of read.
pub const MAX_FILLED_CELLS: usize = 1_000_000;

/// At most this many bytes of text in one sheet's cells: a text shared by many cells is held once
/// per cell, so a small file could otherwise hold gigabytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Excel's last row and column (zero-based): `XFD1048576`. A cell beyond is damage.
pub const LAST_CELL: (u32, u32) = (1_048_575, 16_383);

/// The bytes of text a cell value holds.
pub trait TextBytes {
    fn text_bytes(&self) -> usize;
}

impl TextBytes for calamine::Data {
    fn text_bytes(&self) -> usize {
        match self {
            calamine::Data::String(s)
            | calamine::Data::DateTimeIso(s)
            | calamine::Data::DurationIso(s) => s.len(),
            _ => 0,
        }
    }
}

impl TextBytes for String {
    fn text_bytes(&self) -> usize {
        self.len()
    }
}

/// The cells of a sheet, dense or sparse.
pub enum Cells<T: CellType> {
    Dense(Range<T>),
    Sparse(Sparse<T>),
}

/// Filled cells sorted by (row, column), with the start of each row's run.
pub struct Sparse<T> {
    /// The rows that hold a cell, ascending, each with the index of its first cell in `cells`.
    rows: Vec<(u32, usize)>,
    /// (column, value), sorted by row then column.
    cells: Vec<(u32, T)>,
    start: (u32, u32),
    end: (u32, u32),
}

impl<T: CellType> Cells<T> {
    pub fn empty() -> Cells<T> {
        Cells::Dense(Range::empty())
    }

    /// The cells given (in any order), dense when their bounding box is small enough. When two
    /// cells share a position, the later one is kept (as calamine does).
    pub fn from_cells(cells: Vec<Cell<T>>) -> Cells<T> {
        match bounding_box(&cells) {
            None => Cells::empty(),
            Some((start, end)) if area(start, end) <= MAX_DENSE_CELLS => {
                Cells::Dense(Range::from_sparse(cells))
            }
            Some((start, end)) => Cells::Sparse(Sparse::new(cells, start, end)),
        }
    }

    /// The value at an absolute (row, column), `None` outside the filled cells.
    pub fn get(&self, row: u32, col: u32) -> Option<&T> {
        match self {
            Cells::Dense(r) => r.get_value((row, col)),
            Cells::Sparse(s) => s.get(row, col),
        }
    }

    pub fn start(&self) -> Option<(u32, u32)> {
        match self {
            Cells::Dense(r) => r.start(),
            Cells::Sparse(s) => Some(s.start),
        }
    }

    pub fn end(&self) -> Option<(u32, u32)> {
        match self {
            Cells::Dense(r) => r.end(),
            Cells::Sparse(s) => Some(s.end),
        }
    }

    /// The cells of one row that hold a value, by column.
    pub fn row(&self, row: u32) -> RowCells<'_, T> {
        match self {
            Cells::Dense(r) => match (r.start(), r.end()) {
                (Some(start), Some(end)) if row >= start.0 && row <= end.0 => RowCells::Dense {
                    range: r,
                    row,
                    col: start.1,
                    end: end.1,
                },
                _ => RowCells::Sparse([].iter()),
            },
            Cells::Sparse(s) => RowCells::Sparse(s.row(row).iter()),
        }
    }

    /// The rows from `first` to `last` (inclusive) that may hold cells: every row of the box when
    /// dense, only the rows with cells when sparse.
    pub fn rows_between(&self, first: u32, last: u32) -> Vec<u32> {
        match self {
            Cells::Dense(r) => match (r.start(), r.end()) {
                (Some(s), Some(e)) if first <= e.0 && last >= s.0 => {
                    (first.max(s.0)..=last.min(e.0)).collect()
                }
                _ => Vec::new(),
            },
            Cells::Sparse(s) => {
                let from = s.rows.partition_point(|(r, _)| *r < first);
                let to = s.rows.partition_point(|(r, _)| *r <= last);
                s.rows[from..to].iter().map(|(r, _)| *r).collect()
            }
        }
    }

    /// Sets the values of empty positions inside the bounds (used to spread merged cells). On a
    /// sparse sheet, only rows that already hold cells get one (spreading never creates rows).
    pub fn fill(&mut self, values: Vec<Cell<T>>) {
        match self {
            Cells::Dense(r) => {
                for c in values {
                    r.set_value(c.get_position(), c.get_value().clone());
                }
            }
            Cells::Sparse(s) => {
                let values: Vec<Cell<T>> = values
                    .into_iter()
                    .filter(|c| !s.row(c.get_position().0).is_empty())
                    .collect();
                if values.is_empty() {
                    return;
                }
                let mut all: Vec<Cell<T>> = std::mem::take(&mut s.cells)
                    .into_iter()
                    .zip(row_of_each(&s.rows))
                    .map(|((c, v), r)| Cell::new((r, c), v))
                    .collect();
                all.extend(values);
                *s = Sparse::new(all, s.start, s.end);
            }
        }
    }
}

/// The cells of one row, by column; empty positions are skipped.
pub enum RowCells<'a, T: CellType> {
    Dense {
        range: &'a Range<T>,
        row: u32,
        col: u32,
        end: u32,
    },
    Sparse(std::slice::Iter<'a, (u32, T)>),
}

impl<'a, T: CellType> Iterator for RowCells<'a, T> {
    type Item = (u32, &'a T);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            RowCells::Dense {
                range,
                row,
                col,
                end,
            } => {
                while *col <= *end {
                    let c = *col;
                    *col += 1;
                    match range.get_value((*row, c)) {
                        Some(v) if *v != T::default() => return Some((c, v)),
                        _ => {}
                    }
                }
                None
            }
            RowCells::Sparse(it) => it.next().map(|(c, v)| (*c, v)),
        }
    }
}

fn bounding_box<T: CellType>(cells: &[Cell<T>]) -> Option<((u32, u32), (u32, u32))> {
    let mut it = cells.iter().map(Cell::get_position);
    let first = it.next()?;
    Some(it.fold((first, first), |(s, e), (r, c)| {
        ((s.0.min(r), s.1.min(c)), (e.0.max(r), e.1.max(c)))
    }))
}

/// The number of positions in the box from `start` to `end` (inclusive).
pub fn area(start: (u32, u32), end: (u32, u32)) -> u64 {
    let rows = u64::from(end.0.saturating_sub(start.0)) + 1;
    let cols = u64::from(end.1.saturating_sub(start.1)) + 1;
    rows.saturating_mul(cols)
}

impl<T: CellType> Sparse<T> {
    fn new(cells: Vec<Cell<T>>, start: (u32, u32), end: (u32, u32)) -> Sparse<T> {
        let mut keyed: Vec<((u32, u32), usize, Cell<T>)> = cells
            .into_iter()
            .enumerate()
            .map(|(i, c)| (c.get_position(), i, c))
            .collect();
        // By position, the later of two cells at one position last; then keep that one.
        keyed.sort_by_key(|(pos, i, _)| (*pos, *i));
        let mut rows: Vec<(u32, usize)> = Vec::new();
        let mut out: Vec<(u32, T)> = Vec::with_capacity(keyed.len());
        let mut last: Option<(u32, u32)> = None;
        for ((r, c), _, cell) in keyed {
            let value = cell.get_value().clone();
            if last == Some((r, c)) {
                if let Some(slot) = out.last_mut() {
                    slot.1 = value;
                }
                continue;
            }
            if rows.last().is_none_or(|(row, _)| *row != r) {
                rows.push((r, out.len()));
            }
            out.push((c, value));
            last = Some((r, c));
        }
        Sparse {
            rows,
            cells: out,
            start,
            end,
        }
    }

    /// The cells of one row, sorted by column.
    fn row(&self, row: u32) -> &[(u32, T)] {
        match self.rows.binary_search_by_key(&row, |(r, _)| *r) {
            Ok(i) => {
                let from = self.rows[i].1;
                let to = self.rows.get(i + 1).map_or(self.cells.len(), |(_, at)| *at);
                &self.cells[from..to]
            }
            Err(_) => &[],
        }
    }

    fn get(&self, row: u32, col: u32) -> Option<&T> {
        let cells = self.row(row);
        cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .map(|i| &cells[i].1)
    }
}

/// The row of each cell, from the rows' starting indices.
fn row_of_each(rows: &[(u32, usize)]) -> impl Iterator<Item = u32> + '_ {
    rows.iter().enumerate().flat_map(move |(i, (r, from))| {
        let to = rows.get(i + 1).map_or(usize::MAX, |(_, at)| *at);
        std::iter::repeat_n(*r, to.saturating_sub(*from))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Data;

    fn s(v: &str) -> Data {
        Data::String(v.to_string())
    }

    #[test]
    fn a_compact_block_is_dense_and_a_far_cell_makes_it_sparse() {
        let near = Cells::from_cells(vec![Cell::new((0, 0), s("a")), Cell::new((3, 4), s("b"))]);
        assert!(matches!(near, Cells::Dense(_)));
        let far = Cells::from_cells(vec![
            Cell::new((0, 0), s("a")),
            Cell::new((1_048_575, 16_383), s("z")),
        ]);
        assert!(matches!(far, Cells::Sparse(_)));
        assert_eq!(far.get(0, 0), Some(&s("a")));
        assert_eq!(far.get(1_048_575, 16_383), Some(&s("z")));
        assert_eq!(far.get(5, 5), None);
        assert_eq!(far.end(), Some((1_048_575, 16_383)));
    }

    #[test]
    fn sparse_and_dense_agree_on_every_position_and_row() {
        let cells = || {
            vec![
                Cell::new((2, 1), s("b")),
                Cell::new((0, 3), s("a")),
                Cell::new((2, 0), s("c")),
                Cell::new((2, 1), s("later")),
                Cell::new((4, 2), Data::Int(7)),
            ]
        };
        let dense = Cells::from_cells(cells());
        let bb = bounding_box(&cells()).unwrap();
        let sparse = Cells::Sparse(Sparse::new(cells(), bb.0, bb.1));
        for r in 0..6 {
            for c in 0..5 {
                let d = dense.get(r, c).filter(|v| **v != Data::Empty);
                assert_eq!(d, sparse.get(r, c), "at ({r}, {c})");
            }
            let a: Vec<_> = dense.row(r).collect();
            let b: Vec<_> = sparse.row(r).collect();
            assert_eq!(a, b, "row {r}");
        }
        assert_eq!(sparse.get(2, 1), Some(&s("later")));
    }

    #[test]
    fn filling_a_sparse_sheet_keeps_rows_sorted_and_creates_no_row() {
        let mut far = Cells::from_cells(vec![
            Cell::new((0, 0), s("a")),
            Cell::new((0, 9), s("b")),
            Cell::new((5, 0), s("c")),
            Cell::new((1_000_000, 16_000), s("z")),
        ]);
        far.fill(vec![
            Cell::new((0, 4), s("new")),
            Cell::new((3, 0), s("no row")),
        ]);
        assert_eq!(far.get(0, 4), Some(&s("new")));
        assert_eq!(far.get(3, 0), None);
        assert_eq!(far.get(5, 0), Some(&s("c")));
        let row0: Vec<u32> = far.row(0).map(|(c, _)| c).collect();
        assert_eq!(row0, vec![0, 4, 9]);
    }
}
