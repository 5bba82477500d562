//! A sanity check of OLE2 (Compound File Binary) containers before they reach the .xls reader.
//!
//! Damaged or hostile files can hold sector chains that loop, point past the end of the file or
//! past the end of the allocation table; a reader following such a chain grows its buffer until
//! memory runs out, or indexes outside its tables. This check reads the container the way the
//! .xls reader does (the same sectors, the same directory entries, the same streams) and rejects
//! one that the reader could not follow safely: a loop, a sector outside the file or outside the
//! allocation table, a table that is not a whole number of entries.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
/// Streams shorter than this live in the mini stream (64-byte mini sectors).
const MINI_CUTOFF: u64 = 4096;
const MINI_SECTOR: usize = 64;
/// The streams the .xls reader opens, by the name it looks them up with.
const READ_STREAMS: &[&str] = &["Workbook", "Book"];

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What is wrong with a container, in words for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CfbDamage(pub &'static str);

const OUTSIDE: CfbDamage =
    CfbDamage("chuỗi sector trỏ ra ngoài tệp / a sector chain points outside the file");
const LOOPS: CfbDamage = CfbDamage("chuỗi sector lặp vòng / a sector chain loops");
const BAD_TABLE: CfbDamage =
    CfbDamage("bảng cấp phát sector hỏng / damaged sector allocation table");

struct Container<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

/// One 128-byte directory entry, read as the .xls reader reads it.
struct Entry {
    /// The name up to its first NUL (UTF-16LE, lossy), as the reader compares it.
    name: String,
    kind: u8,
    start: u32,
    size: u64,
}

impl Container<'_> {
    /// The bytes of a regular sector: `None` when it does not start inside the file (the last
    /// sector may be cut short).
    fn sector_data(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        let end = start.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(start..end).filter(|s| !s.is_empty())
    }

    fn n_sectors(&self) -> usize {
        self.bytes.len().div_ceil(self.sector)
    }

    /// Follows a chain in the FAT; errors on a loop, a sector outside the file or an entry
    /// outside the FAT.
    fn walk(&self, start: u32, visited: &mut [bool]) -> Result<Vec<u32>, CfbDamage> {
        let mut chain = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN && id != FREESECT {
            if id > MAX_REGULAR
                || (id as usize) >= visited.len()
                || (id as usize) >= self.fat.len()
                || self.sector_data(id).is_none()
            {
                return Err(OUTSIDE);
            }
            if visited[id as usize] {
                return Err(LOOPS);
            }
            visited[id as usize] = true;
            chain.push(id);
            id = self.fat[id as usize];
        }
        Ok(chain)
    }

    /// The bytes of a chain, at most `len` of them.
    fn chain_bytes(&self, chain: &[u32], len: u64) -> Vec<u8> {
        let mut out = Vec::new();
        for &id in chain {
            if out.len() as u64 >= len {
                break;
            }
            let data = self.sector_data(id).unwrap_or_default();
            let room = (len - out.len() as u64).min(data.len() as u64) as usize;
            out.extend_from_slice(&data[..room]);
        }
        out
    }
}

impl Entry {
    fn of(raw: &[u8], large_sectors: bool) -> Entry {
        let units: Vec<u16> = raw[..64]
            .chunks_exact(2)
            .map(|w| u16::from_le_bytes([w[0], w[1]]))
            .collect();
        let mut name = String::from_utf16_lossy(&units);
        if let Some(nul) = name.find('\0') {
            name.truncate(nul);
        }
        // The reader takes a 64-bit size with 4096-byte sectors, whatever the version says.
        let low = u32_at(raw, 0x78).unwrap_or(0) as u64;
        let size = if large_sectors {
            low | (u32_at(raw, 0x7C).unwrap_or(0) as u64) << 32
        } else {
            low
        };
        Entry {
            name,
            kind: raw[0x42],
            start: u32_at(raw, 0x74).unwrap_or(ENDOFCHAIN),
            size,
        }
    }
}

/// Checks a chain of 64-byte mini sectors: each one listed in the mini FAT and starting inside
/// the mini stream, no loop.
fn walk_mini(start: u32, minifat: &[u32], ministream_len: usize) -> Result<Vec<u32>, CfbDamage> {
    let mut chain = Vec::new();
    let mut visited = vec![false; minifat.len()];
    let mut id = start;
    while id != ENDOFCHAIN && id != FREESECT {
        let i = id as usize;
        if id > MAX_REGULAR || i >= minifat.len() || i.saturating_mul(MINI_SECTOR) >= ministream_len
        {
            return Err(OUTSIDE);
        }
        if visited[i] {
            return Err(LOOPS);
        }
        visited[i] = true;
        chain.push(id);
        id = minifat[i];
    }
    Ok(chain)
}

/// The bytes of a chain of mini sectors, at most `len` of them.
fn mini_bytes(chain: &[u32], ministream: &[u8], len: u64) -> Vec<u8> {
    let mut out = Vec::new();
    for &id in chain {
        let at = id as usize * MINI_SECTOR;
        let data = &ministream[at.min(ministream.len())..(at + MINI_SECTOR).min(ministream.len())];
        let room = (len.saturating_sub(out.len() as u64)).min(data.len() as u64) as usize;
        out.extend_from_slice(&data[..room]);
    }
    out
}

/// Checks an OLE2 container; `Ok` means the .xls reader can follow its chains safely. It holds
/// the workbook stream the reader will read (`Workbook`, else `Book`), when there is one, so that
/// its records can be looked at before the reader allocates for them.
pub fn check(bytes: &[u8]) -> Result<Option<Vec<u8>>, CfbDamage> {
    let bad_header = CfbDamage("phần đầu tệp OLE2 hỏng / damaged OLE2 header");
    let shift = u16_at(bytes, 0x1E).ok_or(bad_header.clone())?;
    if shift != 9 && shift != 12 {
        return Err(bad_header);
    }
    let sector = 1usize << shift;
    let n_fat = u32_at(bytes, 0x2C).ok_or(bad_header.clone())? as usize;
    let dir_start = u32_at(bytes, 0x30).ok_or(bad_header.clone())?;
    let minifat_start = u32_at(bytes, 0x3C).ok_or(bad_header.clone())?;
    let minifat_sectors = u32_at(bytes, 0x40).ok_or(bad_header.clone())? as u64;
    let mut difat_next = u32_at(bytes, 0x44).ok_or(bad_header.clone())?;

    let mut c = Container {
        bytes,
        sector,
        fat: Vec::new(),
    };
    let total = c.n_sectors();
    if n_fat > total {
        return Err(CfbDamage(
            "số sector FAT lớn hơn tệp / more FAT sectors than the file holds",
        ));
    }

    // The FAT sectors: 109 in the header, the rest in the DIFAT chain. The reader takes each
    // DIFAT and FAT sector as a whole number of 4-byte entries.
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
        .filter(|&id| id <= MAX_REGULAR)
        .collect();
    let mut seen_difat = vec![false; total];
    while difat_next <= MAX_REGULAR {
        let i = difat_next as usize;
        if i >= total || seen_difat[i] {
            return Err(CfbDamage("chuỗi DIFAT hỏng / damaged DIFAT chain"));
        }
        seen_difat[i] = true;
        let data = c
            .sector_data(difat_next)
            .filter(|d| d.len() % 4 == 0)
            .ok_or(CfbDamage("chuỗi DIFAT hỏng / damaged DIFAT chain"))?;
        let n = data.len() / 4;
        for k in 0..n - 1 {
            let id = u32_at(data, 4 * k).unwrap_or(FREESECT);
            if id <= MAX_REGULAR {
                fat_sectors.push(id);
            }
        }
        difat_next = u32_at(data, 4 * (n - 1)).unwrap_or(ENDOFCHAIN);
    }
    for id in fat_sectors {
        let data = c.sector_data(id).ok_or(CfbDamage(
            "sector FAT ngoài tệp / a FAT sector lies outside the file",
        ))?;
        if data.len() % 4 != 0 {
            return Err(BAD_TABLE);
        }
        let entries: Vec<u32> = data
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        c.fat.extend(entries);
    }

    // The directory chain, then every stream stored in regular sectors.
    let mut visited = vec![false; total];
    let dir_chain = c.walk(dir_start, &mut visited)?;
    let minifat_chain = if minifat_start <= MAX_REGULAR {
        c.walk(minifat_start, &mut visited)?
    } else {
        Vec::new()
    };
    let entries: Vec<Entry> = dir_chain
        .iter()
        .filter_map(|&id| c.sector_data(id))
        .flat_map(|data| data.chunks_exact(128))
        .map(|raw| Entry::of(raw, sector == 4096))
        .collect();
    // The reader takes the first entry as the root, whatever its type, and reads its chain
    // (the mini stream) when the header declares a mini FAT.
    let root_chain = match entries.first() {
        Some(root) if minifat_sectors > 0 && root.start <= MAX_REGULAR => {
            c.walk(root.start, &mut visited)?
        }
        _ => Vec::new(),
    };
    for (i, e) in entries.iter().enumerate() {
        // The root's mini stream and streams of 4096 bytes or more live in regular sectors.
        let regular = e.kind == 5 || (e.kind == 2 && e.size >= MINI_CUTOFF);
        if i > 0 && regular && e.start <= MAX_REGULAR {
            c.walk(e.start, &mut visited)?;
        }
    }

    // The streams the reader opens, found by name as it finds them (the first entry of that
    // name, whatever its type).
    let (minifat, ministream_len) = if minifat_sectors > 0 {
        let table = c.chain_bytes(
            &minifat_chain,
            minifat_sectors.saturating_mul(sector as u64),
        );
        let minifat: Vec<u32> = table
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let root_len = entries.first().map_or(0, |r| r.size);
        let available = root_chain
            .iter()
            .filter_map(|&id| c.sector_data(id))
            .map(|d| d.len() as u64)
            .sum::<u64>();
        (minifat, root_len.min(available) as usize)
    } else {
        (Vec::new(), 0)
    };
    let mut stream = None;
    for wanted in READ_STREAMS {
        let Some(e) = entries
            .iter()
            .find(|e| e.name.as_bytes().eq_ignore_ascii_case(wanted.as_bytes()))
        else {
            continue;
        };
        let data = if e.size >= MINI_CUTOFF {
            let chain = c.walk(e.start, &mut vec![false; total])?;
            c.chain_bytes(&chain, e.size)
        } else {
            let chain = walk_mini(e.start, &minifat, ministream_len)?;
            let ministream = c.chain_bytes(&root_chain, ministream_len as u64);
            mini_bytes(&chain, &ministream, e.size)
        };
        stream.get_or_insert(data);
    }
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal container: header, one FAT sector, one directory sector.
    fn container(fat: &[u32], dir_start: u32) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        b[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
        b[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        b[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes());
        b[0x30..0x34].copy_from_slice(&dir_start.to_le_bytes());
        b[0x3C..0x40].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        b[0x44..0x48].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        for i in 0..109 {
            b[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&FREESECT.to_le_bytes());
        }
        b[0x4C..0x50].copy_from_slice(&0u32.to_le_bytes()); // FAT in sector 0
        let mut entries = vec![FREESECT; 128];
        entries[..fat.len()].copy_from_slice(fat);
        for (i, e) in entries.iter().enumerate() {
            b[512 + 4 * i..512 + 4 * i + 4].copy_from_slice(&e.to_le_bytes());
        }
        b
    }

    #[test]
    fn a_sound_chain_passes() {
        assert_eq!(check(&container(&[0xFFFF_FFFD, ENDOFCHAIN], 1)), Ok(None));
    }

    #[test]
    fn a_looping_directory_chain_is_rejected() {
        // Sector 1 points to itself.
        assert!(check(&container(&[0xFFFF_FFFD, 1], 1)).is_err());
    }

    #[test]
    fn a_chain_outside_the_file_is_rejected() {
        assert!(check(&container(&[0xFFFF_FFFD, 40], 1)).is_err());
    }
}
