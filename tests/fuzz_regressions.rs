//! Inputs found by the fuzz target (`fuzz/`, docs/kiem-thu-fuzz.md), each rebuilt here from a few
//! bytes: the file is reported (SPEC §7 "the process never panics on any input") instead of
//! crashing the reader. Each test is named after the defect it guards against.

use danhgia::evaluate;
use danhgia::finding::{Finding, Unreadable};
use danhgia::profile::Profile;
use danhgia::reader::unit;
use danhgia::reader::Workbook;

/// What the fuzz target does with one file: open it by content, read it as a unit's workbook,
/// name the people and evaluate the unit. Returns the open error, if any, and the findings.
fn read_like_the_batch(bytes: Vec<u8>, ext: &str) -> Result<Vec<Finding>, Unreadable> {
    let profile = Profile::default_profile();
    let mut wb = Workbook::from_bytes(bytes, ext)?;
    let (read, mut findings) = unit::read_unit("don-vi.xls", &mut wb, &profile, None);
    drop(wb);
    evaluate::name_people(&mut findings, &read.members, &read.scored);
    let (_, more) = evaluate::evaluate_unit(read, &profile, "don-vi");
    findings.extend(more);
    Ok(findings)
}

/// The file is reported as damaged, for the reason given (a part of the English message).
fn assert_damaged(bytes: Vec<u8>, reason: &str) {
    match read_like_the_batch(bytes, "xls") {
        Err(Unreadable::Damaged(why)) => assert!(why.contains(reason), "damaged: {why}"),
        Err(other) => panic!("reported as {other:?}, not as a damaged file"),
        Ok(findings) => panic!("read as a workbook ({} findings)", findings.len()),
    }
}

// ---------------------------------------------------------------------------------------------
// OLE2 (Compound File Binary) containers, the .xls format. The .xls reader follows sector chains
// without bounds checks of its own; `reader/cfb_check.rs` must reject what it could not follow.

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const FATSECT: u32 = 0xFFFF_FFFD;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;

/// An OLE2 container with `shift`-sized sectors (9: 512 bytes, 12: 4096 bytes) and room for
/// `sectors` whole sectors after the header. The header lists `fat` as its FAT sectors; the
/// directory starts at `dir_start`. Everything else is left to the test.
struct Ole {
    bytes: Vec<u8>,
    sector: usize,
}

impl Ole {
    fn new(shift: u16, sectors: usize, fat: &[u32], dir_start: u32) -> Ole {
        let sector = 1usize << shift;
        let mut bytes = vec![0u8; sector * (sectors + 1)];
        bytes[..8].copy_from_slice(&SIGNATURE);
        let version: u16 = 3;
        bytes[0x1A..0x1C].copy_from_slice(&version.to_le_bytes());
        bytes[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
        bytes[0x1E..0x20].copy_from_slice(&shift.to_le_bytes());
        bytes[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
        bytes[0x2C..0x30].copy_from_slice(&(fat.len() as u32).to_le_bytes());
        bytes[0x30..0x34].copy_from_slice(&dir_start.to_le_bytes());
        bytes[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
        bytes[0x3C..0x40].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        bytes[0x44..0x48].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        for i in 0..109 {
            let id = fat.get(i).copied().unwrap_or(FREESECT);
            bytes[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&id.to_le_bytes());
        }
        Ole { bytes, sector }
    }

    fn put_u32(&mut self, at: usize, v: u32) {
        self.bytes[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    /// Offset of a regular sector in the file.
    fn at(&self, id: usize) -> usize {
        (id + 1) * self.sector
    }

    /// Writes the FAT (in sector `fat_sector`), every entry not given left free.
    fn fat(&mut self, fat_sector: usize, entries: &[u32]) {
        let base = self.at(fat_sector);
        for i in 0..self.sector / 4 {
            let v = entries.get(i).copied().unwrap_or(FREESECT);
            self.put_u32(base + 4 * i, v);
        }
    }

    /// Writes directory entry `index` of the directory that starts in sector `dir_sector`.
    fn entry(
        &mut self,
        dir_sector: usize,
        index: usize,
        name: &str,
        kind: u8,
        start: u32,
        size: u64,
    ) {
        let base = self.at(dir_sector) + 128 * index;
        let units: Vec<u16> = name.encode_utf16().collect();
        for (i, u) in units.iter().enumerate() {
            self.bytes[base + 2 * i..base + 2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        let name_len = 2 * (units.len() as u16 + 1);
        self.bytes[base + 0x40..base + 0x42].copy_from_slice(&name_len.to_le_bytes());
        self.bytes[base + 0x42] = kind;
        for sibling in [0x44, 0x48, 0x4C] {
            self.put_u32(base + sibling, FREESECT);
        }
        self.put_u32(base + 0x74, start);
        self.put_u32(base + 0x78, size as u32);
        self.put_u32(base + 0x7C, (size >> 32) as u32);
    }
}

/// The directory chain goes on to a sector that begins past the end of the file (the last
/// sector is cut short): the .xls reader sliced its buffer from past its end.
#[test]
fn ole2_directory_chain_into_a_sector_past_the_end_of_the_file() {
    // Header, FAT (sector 0), directory (sector 1), then 100 bytes of a sector 2: the file holds
    // 4 sectors' worth of offsets, and sector 3 starts past its end.
    let mut ole = Ole::new(9, 2, &[0], 1);
    ole.fat(0, &[FATSECT, 3, ENDOFCHAIN, ENDOFCHAIN]);
    ole.entry(1, 0, "Root Entry", 5, ENDOFCHAIN, 0);
    ole.bytes.extend(std::iter::repeat_n(0u8, 100));
    assert_damaged(ole.bytes, "points outside the file");
}

/// A FAT sector cut short to a length that is not a whole number of 4-byte entries: the .xls
/// reader asserted that it was.
#[test]
fn ole2_fat_sector_cut_to_a_partial_entry() {
    // Header, directory (sector 0), and 6 bytes of the FAT (sector 1): one entry and a half.
    let mut ole = Ole::new(9, 1, &[1], 0);
    ole.entry(0, 0, "Root Entry", 5, ENDOFCHAIN, 0);
    ole.bytes.extend_from_slice(&ENDOFCHAIN.to_le_bytes());
    ole.bytes.extend_from_slice(&[0xFF, 0xFF]);
    assert_damaged(ole.bytes, "allocation table");
}

/// A short `Workbook` stream (kept in mini sectors) in a container without a mini FAT: the .xls
/// reader indexed the empty mini FAT.
#[test]
fn ole2_short_workbook_stream_without_a_mini_fat() {
    let mut ole = Ole::new(9, 2, &[0], 1);
    ole.fat(0, &[FATSECT, ENDOFCHAIN]);
    ole.entry(1, 0, "Root Entry", 5, ENDOFCHAIN, 0);
    ole.entry(1, 1, "Workbook", 2, 0, 100);
    assert_damaged(ole.bytes, "points outside the file");
}

/// A short `Workbook` stream whose mini sectors lie past the end of the mini stream.
#[test]
fn ole2_workbook_stream_past_the_end_of_the_mini_stream() {
    // Mini FAT in sector 2, mini stream (the root's chain) in sector 3: 8 mini sectors of 64
    // bytes. The stream starts at mini sector 20.
    let mut ole = Ole::new(9, 4, &[0], 1);
    ole.fat(0, &[FATSECT, ENDOFCHAIN, ENDOFCHAIN, ENDOFCHAIN]);
    ole.bytes[0x3C..0x40].copy_from_slice(&2u32.to_le_bytes());
    ole.bytes[0x40..0x44].copy_from_slice(&1u32.to_le_bytes());
    let minifat = ole.at(2);
    for i in 0..128 {
        let v = if i < 21 { ENDOFCHAIN } else { FREESECT };
        ole.put_u32(minifat + 4 * i, v);
    }
    ole.entry(1, 0, "Root Entry", 5, 3, 512);
    ole.entry(1, 1, "Workbook", 2, 20, 100);
    assert_damaged(ole.bytes, "points outside the file");
}

/// The first directory entry is taken as the root by the .xls reader whatever its type: its
/// chain (the mini stream) must not loop either, or the reader grows a buffer up to the size it
/// declares.
#[test]
fn ole2_looping_mini_stream_under_a_root_entry_of_another_type() {
    let mut ole = Ole::new(9, 3, &[0], 1);
    // Sector 2 points to itself.
    ole.fat(0, &[FATSECT, ENDOFCHAIN, 2]);
    ole.bytes[0x3C..0x40].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
    ole.bytes[0x40..0x44].copy_from_slice(&1u32.to_le_bytes());
    ole.entry(1, 0, "Root Entry", 1, 2, 0xFFFF_0000);
    assert_damaged(ole.bytes, "loops");
}

/// With 4096-byte sectors the .xls reader takes a stream's size as 64 bits whatever the header's
/// version says: a `Workbook` whose size has high bits set lives in regular sectors, and its
/// chain must not loop.
#[test]
fn ole2_large_sectors_size_read_as_64_bits_with_a_looping_stream() {
    let mut ole = Ole::new(12, 3, &[0], 1);
    ole.fat(0, &[FATSECT, ENDOFCHAIN, 2]);
    ole.entry(1, 0, "Root Entry", 5, ENDOFCHAIN, 0);
    ole.entry(1, 1, "Workbook", 2, 2, (1u64 << 32) | 100);
    assert_damaged(ole.bytes, "loops");
}
