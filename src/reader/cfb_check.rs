//! A sanity check of OLE2 (Compound File Binary) containers before they reach the .xls reader.
//!
//! Damaged or hostile files can hold sector chains that loop; a reader following such a chain
//! grows its buffer until memory runs out. This check walks every chain once with a visited set
//! and rejects a container whose chains loop or point outside the file.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const FREESECT: u32 = 0xFFFF_FFFF;
const MAX_REGULAR: u32 = 0xFFFF_FFFA;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// What is wrong with a container, in words for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CfbDamage(pub &'static str);

struct Container<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Container<'_> {
    fn sector_data(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        let end = start.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(start..end).filter(|s| !s.is_empty())
    }

    fn n_sectors(&self) -> usize {
        self.bytes.len().div_ceil(self.sector)
    }

    /// Follows a chain in the FAT; errors on a loop or a sector outside the file.
    fn walk(&self, start: u32, visited: &mut [bool]) -> Result<Vec<u32>, CfbDamage> {
        let mut chain = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN && id != FREESECT {
            if id > MAX_REGULAR || (id as usize) >= visited.len() || (id as usize) >= self.fat.len()
            {
                return Err(CfbDamage(
                    "chuỗi sector trỏ ra ngoài tệp / a sector chain points outside the file",
                ));
            }
            if visited[id as usize] {
                return Err(CfbDamage("chuỗi sector lặp vòng / a sector chain loops"));
            }
            visited[id as usize] = true;
            chain.push(id);
            id = self.fat[id as usize];
        }
        Ok(chain)
    }
}

/// A directory entry of the container.
struct Entry {
    name: String,
    kind: u8,
    start: u32,
    size: u64,
}

/// A container whose chains were checked: its streams can be read.
pub struct Cfb<'a> {
    c: Container<'a>,
    entries: Vec<Entry>,
    minifat_start: u32,
    cutoff: u64,
}

/// Checks an OLE2 container; `Ok` means its chains are finite and inside the file.
pub fn check(bytes: &[u8]) -> Result<Cfb<'_>, CfbDamage> {
    let bad_header = CfbDamage("phần đầu tệp OLE2 hỏng / damaged OLE2 header");
    let shift = u16_at(bytes, 0x1E).ok_or(bad_header.clone())?;
    if shift != 9 && shift != 12 {
        return Err(bad_header);
    }
    let sector = 1usize << shift;
    let n_fat = u32_at(bytes, 0x2C).ok_or(bad_header.clone())? as usize;
    let dir_start = u32_at(bytes, 0x30).ok_or(bad_header.clone())?;
    let minifat_start = u32_at(bytes, 0x3C).ok_or(bad_header.clone())?;
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

    // The FAT sectors: 109 in the header, the rest in the DIFAT chain.
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
            .ok_or(CfbDamage("chuỗi DIFAT hỏng / damaged DIFAT chain"))?;
        let n = data.len() / 4;
        for k in 0..n.saturating_sub(1) {
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
        let entries: Vec<u32> = data
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        c.fat.extend(entries);
    }

    // The directory chain, then every stream stored in regular sectors.
    let mut visited = vec![false; total];
    let dir_chain = c.walk(dir_start, &mut visited)?;
    if minifat_start <= MAX_REGULAR {
        c.walk(minifat_start, &mut visited)?;
    }
    let version = u16_at(bytes, 0x1A).unwrap_or(3);
    let mut entries = Vec::new();
    for id in dir_chain {
        let Some(data) = c.sector_data(id) else {
            continue;
        };
        for entry in data.chunks_exact(128) {
            let kind = entry[0x42];
            let start = u32_at(entry, 0x74).unwrap_or(ENDOFCHAIN);
            let size = if version == 4 {
                u32_at(entry, 0x78).unwrap_or(0) as u64
                    | (u32_at(entry, 0x7C).unwrap_or(0) as u64) << 32
            } else {
                u32_at(entry, 0x78).unwrap_or(0) as u64
            };
            // The root's mini stream and streams of 4096 bytes or more live in regular sectors.
            let regular = kind == 5 || (kind == 2 && size >= 4096);
            if regular && start <= MAX_REGULAR {
                c.walk(start, &mut visited)?;
            }
            entries.push(Entry {
                name: entry_name(entry),
                kind,
                start,
                size,
            });
        }
    }
    let cutoff = u32_at(bytes, 0x38).map_or(4096, u64::from);
    Ok(Cfb {
        c,
        entries,
        minifat_start,
        cutoff,
    })
}

/// The UTF-16 name of a directory entry.
fn entry_name(entry: &[u8]) -> String {
    let len = (u16_at(entry, 0x40).unwrap_or(0) as usize).min(64);
    let units: Vec<u16> = entry[..len]
        .chunks_exact(2)
        .map(|w| u16::from_le_bytes([w[0], w[1]]))
        .take_while(|&u| u != 0)
        .collect();
    String::from_utf16_lossy(&units)
}

impl Cfb<'_> {
    /// The bytes of the stream named `name` (case-insensitive), at most its declared size; `None`
    /// when there is no such stream or its chain cannot be followed.
    pub fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let e = self
            .entries
            .iter()
            .find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name))?;
        let mut visited = vec![false; self.c.n_sectors()];
        let mut out = Vec::new();
        if e.size >= self.cutoff {
            for id in self.c.walk(e.start, &mut visited).ok()? {
                out.extend_from_slice(self.c.sector_data(id)?);
                if out.len() as u64 >= e.size {
                    break;
                }
            }
        } else {
            self.mini_stream_into(e.start, e.size, &mut out)?;
        }
        out.truncate(usize::try_from(e.size).unwrap_or(usize::MAX));
        Some(out)
    }

    /// A small stream, read from the root's mini stream through the mini FAT.
    fn mini_stream_into(&self, start: u32, size: u64, out: &mut Vec<u8>) -> Option<()> {
        let root = self.entries.iter().find(|e| e.kind == 5)?;
        let mut visited = vec![false; self.c.n_sectors()];
        let mut mini = Vec::new();
        for id in self.c.walk(root.start, &mut visited).ok()? {
            mini.extend_from_slice(self.c.sector_data(id)?);
        }
        let mut minifat = Vec::new();
        let mut visited = vec![false; self.c.n_sectors()];
        for id in self.c.walk(self.minifat_start, &mut visited).ok()? {
            let data = self.c.sector_data(id)?;
            minifat.extend(
                data.chunks_exact(4)
                    .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])),
            );
        }
        let mut seen = vec![false; minifat.len()];
        let mut id = start;
        while id <= MAX_REGULAR && (out.len() as u64) < size {
            let i = id as usize;
            if i >= minifat.len() || seen[i] {
                return None;
            }
            seen[i] = true;
            let at = i.checked_mul(64)?;
            out.extend_from_slice(mini.get(at..at.checked_add(64)?.min(mini.len()))?);
            id = minifat[i];
        }
        Some(())
    }
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
        assert!(check(&container(&[0xFFFF_FFFD, ENDOFCHAIN], 1)).is_ok());
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
