//! A look at the records of an .xls (BIFF) workbook stream before calamine reads it.
//!
//! calamine reads every sheet of an .xls when the file is opened, into dense ranges: it reserves
//! room for the size a sheet's DIMENSIONS record declares, then for the box spanned by its cells.
//! A 12-byte edit of a DIMENSIONS record, or one cell at `IV65536` beside a table at `A1`, is then
//! gigabytes. Here each sheet's declared size and cell box are measured from its records first.

use super::cells::{area, MAX_DENSE_CELLS, MAX_FILLED_CELLS, MAX_TEXT_BYTES};
use crate::finding::Oversize;
use crate::text::a1;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const FILEPASS: u16 = 0x002F;
const FORMULA_STRING: u16 = 0x0207;
const FORMULA: u16 = 0x0006;
const LABELSST: u16 = 0x00FD;
const SST: u16 = 0x00FC;
const CONTINUE: u16 = 0x003C;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
/// Records of one cell that calamine keeps: number, label, rich string, bool/error, RK, label
/// from the shared strings, formula.
const ONE_CELL: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// One record: its type and its data.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
}

fn records(stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let typ = u16_at(stream, pos)?;
        let len = u16_at(stream, pos + 2)? as usize;
        let start = pos + 4;
        let end = (start + len).min(stream.len());
        let r = Record {
            typ,
            data: &stream[start..end],
        };
        pos = start + len;
        Some(r)
    })
}

/// What one sheet's records say of its size.
#[derive(Default)]
struct SheetSize {
    name: String,
    /// The number of cells the DIMENSIONS record makes calamine reserve.
    declared: u64,
    cells: usize,
    /// The cell box: first and last (row, column).
    first: Option<(u32, u32)>,
    last: (u32, u32),
    /// The filled cell with the largest row, for the message.
    far: (u32, u32),
    /// Bytes of text its cells will hold (a shared text is held once per cell that uses it).
    text: u64,
    /// Where the reader puts the text of a formula (a STRING record): at the last FORMULA
    /// record's cell, or at A1 when none came before it.
    formula_at: (u32, u32),
}

impl SheetSize {
    fn add(&mut self, row: u32, col: u32) {
        self.cells += 1;
        let f = self.first.get_or_insert((row, col));
        *f = (f.0.min(row), f.1.min(col));
        self.last = (self.last.0.max(row), self.last.1.max(col));
        if row >= self.far.0 {
            self.far = (row, col);
        }
    }

    fn real_area(&self) -> u64 {
        self.first.map_or(0, |f| area(f, self.last))
    }

    fn check(&self) -> Result<(), Oversize> {
        if self.cells > MAX_FILLED_CELLS {
            return Err(Oversize::TooManyCells {
                sheet: self.name.clone(),
                limit: MAX_FILLED_CELLS as u64,
            });
        }
        let real = self.real_area();
        if real > MAX_DENSE_CELLS {
            return Err(Oversize::FarCell {
                sheet: self.name.clone(),
                cell: a1(self.far.0, self.far.1),
            });
        }
        if self.declared > MAX_DENSE_CELLS && self.declared > real {
            return Err(Oversize::DeclaredSize {
                sheet: self.name.clone(),
                declared: self.declared,
                real,
            });
        }
        Ok(())
    }
}

/// The number of cells calamine reserves for a DIMENSIONS record, computed as it does
/// (wrapping where its arithmetic would wrap).
fn declared_cells(data: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    if rl < 1 || cl < 1 {
        return 1;
    }
    let rows = (rl - 1).wrapping_sub(rf).wrapping_add(1);
    let cols = (cl - 1).wrapping_sub(cf).wrapping_add(1);
    u64::from(rows).saturating_mul(u64::from(cols))
}

/// Sheet names by the offset of their BOF record, from the BOUNDSHEET records. Every record
/// with an offset counts, whatever its name holds: the reader builds the sheet even when the
/// name is cut short (a fuzz finding), so the check must weigh it too.
fn sheet_names(stream: &[u8]) -> Vec<(usize, String)> {
    records(stream)
        .take_while(|r| r.typ != EOF)
        .filter(|r| r.typ == BOUNDSHEET)
        .filter_map(|r| {
            let at = u32_at(r.data, 0)? as usize;
            Some((at, sheet_name(r.data)))
        })
        .collect()
}

/// The name a BOUNDSHEET record gives, as far as its bytes go (for messages only).
fn sheet_name(data: &[u8]) -> String {
    let cch = data.get(6).copied().unwrap_or(0) as usize;
    let wide = data.get(7).is_some_and(|f| f & 1 == 1);
    let bytes = data.get(8..).unwrap_or(&[]);
    if wide {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .take(cch)
            .map(|w| u16::from_le_bytes([w[0], w[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().take(cch).map(|&b| b as char).collect()
    }
}

/// The data of the shared-string table: the SST record and the CONTINUE records after it, as
/// segments (a string's characters that cross into a new segment start with a new flags byte).
fn sst_segments(stream: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut inside = false;
    for r in records(stream).take_while(|r| r.typ != EOF) {
        match r.typ {
            SST => {
                out.clear();
                out.push(r.data.get(8..).unwrap_or_default());
                inside = true;
            }
            CONTINUE if inside => out.push(r.data),
            _ if inside => break,
            _ => {}
        }
    }
    out
}

/// A reader over the SST segments.
struct SstCursor<'a> {
    segments: Vec<&'a [u8]>,
    seg: usize,
    at: usize,
}

impl SstCursor<'_> {
    fn left_in_segment(&self) -> usize {
        self.segments
            .get(self.seg)
            .map_or(0, |s| s.len().saturating_sub(self.at))
    }

    /// Moves to the next segment when this one is used up; `false` at the end.
    fn ensure(&mut self) -> bool {
        while self.left_in_segment() == 0 {
            if self.seg + 1 >= self.segments.len() {
                return false;
            }
            self.seg += 1;
            self.at = 0;
        }
        true
    }

    fn byte(&mut self) -> Option<u8> {
        if !self.ensure() {
            return None;
        }
        let b = self.segments[self.seg][self.at];
        self.at += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.byte()?,
            self.byte()?,
            self.byte()?,
            self.byte()?,
        ]))
    }

    /// Skips `n` bytes across segments.
    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if !self.ensure() {
                return None;
            }
            let step = n.min(self.left_in_segment());
            self.at += step;
            n -= step;
        }
        Some(())
    }

    /// Skips `chars` characters, 1 or 2 bytes each; a new segment starts with a flags byte.
    fn skip_chars(&mut self, mut chars: usize, mut wide: bool) -> Option<()> {
        while chars > 0 {
            if self.left_in_segment() == 0 {
                if !self.ensure() {
                    return None;
                }
                wide = self.byte()? & 1 == 1;
            }
            let width = if wide { 2 } else { 1 };
            let fit = (self.left_in_segment() / width).clamp(1, chars);
            self.skip(fit * width)?;
            chars -= fit;
        }
        Some(())
    }
}

/// The length, in characters, of each text of the shared-string table, in order (as far as the
/// table can be followed).
fn shared_text_lengths(stream: &[u8]) -> Vec<u32> {
    let mut c = SstCursor {
        segments: sst_segments(stream),
        seg: 0,
        at: 0,
    };
    let mut out = Vec::new();
    while let Some(chars) = c.u16() {
        let Some(flags) = c.byte() else { break };
        let runs = if flags & 0x8 != 0 { c.u16() } else { Some(0) };
        let ext = if flags & 0x4 != 0 { c.u32() } else { Some(0) };
        let (Some(runs), Some(ext)) = (runs, ext) else {
            break;
        };
        out.push(u32::from(chars));
        let rest = c
            .skip_chars(chars as usize, flags & 1 == 1)
            .and_then(|_| c.skip(4 * runs as usize))
            .and_then(|_| c.skip(ext as usize));
        if rest.is_none() {
            break;
        }
    }
    out
}

/// Checks every sheet of a BIFF workbook stream, each read from where its BOUNDSHEET record says
/// it starts (as calamine reads it).
pub fn check(stream: &[u8]) -> Result<(), Oversize> {
    // A password-protected workbook: its records are scrambled, and the reader refuses it
    // (reported as protected) before reading any sheet.
    if records(stream)
        .take_while(|r| r.typ != EOF)
        .any(|r| r.typ == FILEPASS)
    {
        return Ok(());
    }
    // The reader builds every sheet the sheet list names, even one named twice: the limits hold
    // for the whole file.
    let sst = shared_text_lengths(stream);
    let (mut cells, mut area, mut text) = (0usize, 0u64, 0u64);
    for (at, name) in sheet_names(stream) {
        if let Some(part) = stream.get(at..) {
            let s = check_sheet(part, name, &sst)?;
            cells = cells.saturating_add(s.cells);
            area = area.saturating_add(s.real_area());
            text = text.saturating_add(s.text);
            if text > MAX_TEXT_BYTES as u64 {
                return Err(Oversize::TooMuchText {
                    sheet: s.name,
                    limit: MAX_TEXT_BYTES as u64,
                });
            }
            if cells > MAX_FILLED_CELLS {
                return Err(Oversize::TooManyCells {
                    sheet: s.name,
                    limit: MAX_FILLED_CELLS as u64,
                });
            }
            if area > MAX_DENSE_CELLS {
                return Err(Oversize::FarCell {
                    sheet: s.name,
                    cell: a1(s.far.0, s.far.1),
                });
            }
        }
    }
    Ok(())
}

/// One sheet's substream: its first BOF is its own, a later one opens an embedded chart or the
/// like (skipped to its EOF); the sheet ends at its EOF.
fn check_sheet(part: &[u8], name: String, sst: &[u32]) -> Result<SheetSize, Oversize> {
    let mut s = SheetSize {
        name,
        ..SheetSize::default()
    };
    let mut seen_bof = false;
    let mut depth = 0usize;
    for r in records(part) {
        if depth > 0 {
            match r.typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match r.typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            _ => read_cells(&mut s, &r, sst),
        }
    }
    s.check()?;
    Ok(s)
}

/// Adds the cells (or the declared size) of one record of a sheet.
fn read_cells(s: &mut SheetSize, r: &Record<'_>, sst: &[u32]) {
    // The text of a formula: one more cell, at the last formula's place (A1 before any).
    if r.typ == FORMULA_STRING {
        let (row, col) = s.formula_at;
        s.add(row, col);
        return;
    }
    let (Some(row), Some(col)) = (u16_at(r.data, 0), u16_at(r.data, 2)) else {
        return;
    };
    let (row, col) = (u32::from(row), u32::from(col));
    match r.typ {
        DIMENSIONS => s.declared = s.declared.max(declared_cells(r.data)),
        FORMULA => {
            if r.data.len() >= 20 {
                s.formula_at = (row, col);
            }
            s.add(row, col);
        }
        MULRK => {
            let last = r
                .data
                .len()
                .checked_sub(2)
                .and_then(|at| u16_at(r.data, at))
                .map_or(col, u32::from);
            // A MULRK holds one cell per 6 bytes: a last column beyond that is not believed.
            let held = (r.data.len().saturating_sub(6) / 6) as u32;
            let last = last.min(col + held.saturating_sub(1));
            s.add(row, col);
            if last > col {
                s.add(row, last);
                s.cells += (last - col - 1) as usize;
            }
        }
        LABELSST => {
            s.add(row, col);
            let text = u32_at(r.data, 6)
                .and_then(|i| sst.get(i as usize))
                .map_or(0, |&chars| u64::from(chars) * 3);
            s.text = s.text.saturating_add(text);
        }
        t if ONE_CELL.contains(&t) => s.add(row, col),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend_from_slice(&(data.len() as u16).to_le_bytes());
        v.extend_from_slice(data);
        v
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&col.to_le_bytes());
        d.extend_from_slice(&[0; 10]);
        rec(0x0203, &d)
    }

    fn dims(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        let mut d = rf.to_le_bytes().to_vec();
        d.extend_from_slice(&rl.to_le_bytes());
        d.extend_from_slice(&cf.to_le_bytes());
        d.extend_from_slice(&cl.to_le_bytes());
        d.extend_from_slice(&[0, 0]);
        rec(DIMENSIONS, &d)
    }

    /// Globals (one BOUNDSHEET naming "DS") then the sheet.
    fn book(sheet: &[Vec<u8>]) -> Vec<u8> {
        let bof = rec(BOF, &[0; 16]);
        let eof = rec(EOF, &[]);
        let bound_len = 4 + 10;
        let at = (bof.len() + bound_len + eof.len()) as u32;
        let mut bound = at.to_le_bytes().to_vec();
        bound.extend_from_slice(&[0, 0, 2, 0, b'D', b'S']);
        let mut s = bof.clone();
        s.extend(rec(BOUNDSHEET, &bound));
        s.extend(eof);
        assert_eq!(s.len() as u32, at);
        s.extend(bof);
        for r in sheet {
            s.extend_from_slice(r);
        }
        s.extend(rec(EOF, &[]));
        s
    }

    #[test]
    fn a_true_dimensions_record_and_a_compact_table_pass() {
        let s = book(&[dims(0, 20, 0, 10), number(0, 0), number(19, 9)]);
        assert_eq!(check(&s), Ok(()));
    }

    #[test]
    fn a_dimensions_record_far_beyond_the_cells_is_refused() {
        let s = book(&[dims(0, u32::MAX, 0, 0xFF), number(0, 0)]);
        assert!(matches!(
            check(&s),
            Err(Oversize::DeclaredSize { real: 1, .. })
        ));
        // rwMac below rwMic: calamine's arithmetic wraps to billions.
        let s = book(&[dims(50, 10, 0, 5), number(0, 0)]);
        assert!(matches!(check(&s), Err(Oversize::DeclaredSize { .. })));
    }

    #[test]
    fn a_cell_far_from_the_table_is_named() {
        let s = book(&[number(0, 0), number(65535, 255)]);
        assert_eq!(
            check(&s),
            Err(Oversize::FarCell {
                sheet: "DS".into(),
                cell: "IV65536".into()
            })
        );
    }

    #[test]
    fn a_sheet_listed_many_times_counts_each_time() {
        // One sheet of 20 000 cells, named by 200 sheet-list records: 4 million cells read.
        let cells: Vec<Vec<u8>> = (0..20_000u16).map(|i| number(i, 0)).collect();
        let mut s = book(&cells);
        let bound = s.windows(4).position(|w| w == [0x85, 0x00, 10, 0]).unwrap();
        let record = s[bound..bound + 14].to_vec();
        for _ in 0..199 {
            s.splice(bound..bound, record.clone());
        }
        // The sheet moved by the added records: point every record at its new place.
        let at = (s.len() - (book(&cells).len() - (bound + 14 + 4))) as u32;
        for k in 0..200 {
            let p = bound + 14 * k + 4;
            s[p..p + 4].copy_from_slice(&at.to_le_bytes());
        }
        assert!(
            matches!(check(&s), Err(Oversize::TooManyCells { .. })),
            "{:?}",
            check(&s)
        );
    }

    #[test]
    fn one_long_shared_text_in_many_cells_is_weighed_per_cell() {
        // The SST: one text of 20 000 wide characters, split over a CONTINUE record.
        let mut sst = vec![0u8; 8];
        sst.extend_from_slice(&20_000u16.to_le_bytes());
        sst.push(1);
        sst.extend(std::iter::repeat_n(0x4Eu8, 8000));
        let mut cont = vec![1u8];
        cont.extend(std::iter::repeat_n(0x4Eu8, 32_000));
        let cell = |row: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 0, 0]);
            d.extend_from_slice(&0u32.to_le_bytes());
            rec(LABELSST, &d)
        };
        let with_cells = |n: u16| {
            let mut s = book(&(0..n).map(cell).collect::<Vec<_>>());
            // The SST goes among the globals, before their EOF.
            let eof = s.windows(4).position(|w| w == [0x0A, 0, 0, 0]).unwrap();
            let mut table = rec(SST, &sst);
            table.extend(rec(CONTINUE, &cont));
            let added = table.len() as u32;
            s.splice(eof..eof, table);
            let bound = s.windows(4).position(|w| w == [0x85, 0, 10, 0]).unwrap() + 4;
            let at = u32::from_le_bytes(s[bound..bound + 4].try_into().unwrap()) + added;
            s[bound..bound + 4].copy_from_slice(&at.to_le_bytes());
            s
        };
        assert_eq!(shared_text_lengths(&with_cells(1)), vec![20_000]);
        assert_eq!(check(&with_cells(10)), Ok(()));
        assert!(matches!(
            check(&with_cells(2000)),
            Err(Oversize::TooMuchText { .. })
        ));
    }

    #[test]
    fn cells_of_a_chart_inside_a_sheet_do_not_count() {
        let mut chart = vec![rec(BOF, &[0; 16]), number(65535, 255), rec(EOF, &[])];
        chart.insert(0, number(0, 0));
        assert_eq!(check(&book(&chart)), Ok(()));
    }

    /// Fuzz finding: a formula's text (STRING record) before any formula is put at A1 by the
    /// reader, which then spans the sheet from A1 to a far cell — 500 MB for a 230 KB file.
    #[test]
    fn a_formula_text_before_any_formula_lands_at_a1() {
        let string = rec(FORMULA_STRING, &[1, 0, 0, b'x']);
        let s = book(&[string, number(60000, 200)]);
        assert!(
            matches!(check(&s), Err(Oversize::FarCell { .. })),
            "{:?}",
            check(&s)
        );
        // After a formula, its text is at the formula's cell: a compact table passes.
        let mut f = 60000u16.to_le_bytes().to_vec();
        f.extend_from_slice(&199u16.to_le_bytes());
        f.extend_from_slice(&[0; 16]);
        let s = book(&[
            rec(FORMULA, &f),
            rec(FORMULA_STRING, &[1, 0, 0, b'x']),
            number(60000, 200),
        ]);
        assert_eq!(check(&s), Ok(()));
    }

    /// Fuzz finding: a sheet whose name is cut short in the sheet list is still built by the
    /// reader; the check once skipped it and let a 500 MB table through.
    #[test]
    fn a_sheet_with_a_cut_name_is_weighed_too() {
        let mut s = book(&[number(0, 0), number(60000, 200)]);
        // Claim a 200-character name in the BOUNDSHEET record (at offset 20 + 4 + 6).
        s[20 + 4 + 6] = 200;
        assert!(
            matches!(check(&s), Err(Oversize::FarCell { .. })),
            "{:?}",
            check(&s)
        );
    }
}
