//! A look at a workbook before calamine allocates anything for it.
//!
//! A reader trusts what a file declares: the size of a zip entry, the number of shared texts, the
//! dimensions of a sheet. A damaged or hostile file of a few KB can declare billions, and an
//! allocation that fails aborts the whole process, taking every other unit's results with it. So
//! each declared size is checked here against the file's real content, and a file that would need
//! more memory than its content justifies is reported as unreadable, with the reason.
//!
//! Zip packages (.xlsx, .xlsm, .xlsb, .ods): every entry that could inflate past a few MB is
//! really inflated (into a counter, nothing kept), so a size that lies is caught too; an entry too
//! large, or inflating out of all proportion (a megabyte of blank space becoming a gigabyte), is
//! refused. The shared-text table's declared count is compared with the texts it holds.
//! The cells themselves are bounded where they are read (see [`super::cells`]).

use crate::finding::Oversize;
use std::io::{Cursor, Read};

/// No part of a unit's workbook unpacks to more than this (a real sheet of 500 people is a few MB).
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The whole package never unpacks to more than this.
const MAX_PACKAGE_BYTES: u64 = 256 * 1024 * 1024;

/// Deflate cannot expand data by more than about 1 032 times.
const DEFLATE_MAX_RATIO: u64 = 1032;

/// An entry that cannot unpack past this is not inflated to check it.
const SAFE_UNPACKED: u64 = 8 * 1024 * 1024;

/// Real XML packs 5–20 times; above this ratio (on a part over [`SAFE_UNPACKED`]) it is padding.
const MAX_RATIO: u64 = 200;

/// More parts than any workbook has.
const MAX_ENTRIES: usize = 10_000;

/// A declared shared-text count above this is checked against the texts really there (below it,
/// what calamine reserves for it is a few MB at most).
const STRINGS_TRUSTED: u64 = 100_000;

/// Checks a zip package. A package the zip reader cannot open is left to calamine, which reports
/// the damage in its own words.
pub fn check_zip(bytes: &[u8]) -> Result<(), Oversize> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if zip.len() > MAX_ENTRIES {
        return Err(Oversize::TooManyParts {
            count: zip.len() as u64,
        });
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        total = total.saturating_add(check_entry(entry)?);
        if total > MAX_PACKAGE_BYTES {
            return Err(Oversize::PackageTooLarge {
                limit: MAX_PACKAGE_BYTES,
            });
        }
    }
    check_shared_strings(&mut zip)
}

/// The unpacked size of one entry (its real size when it could be large, else the bound).
fn check_entry(mut entry: zip::read::ZipFile<'_, Cursor<&[u8]>>) -> Result<u64, Oversize> {
    let packed = entry.compressed_size();
    let bound = packed.saturating_mul(DEFLATE_MAX_RATIO);
    if bound <= SAFE_UNPACKED && entry.size() <= SAFE_UNPACKED {
        return Ok(bound.min(entry.size()));
    }
    let part = entry.name().map(|n| n.into_owned()).unwrap_or_default();
    // Inflate into a counter, one byte past the limit at most. A read that fails counts what it
    // inflated before: a bad checksum is only seen at the end of the part, after the library has
    // read all of it (an entry that does not inflate at all is left to calamine).
    let real = inflated_size(&mut (&mut entry).take(MAX_PART_BYTES + 1));
    if real > MAX_PART_BYTES {
        return Err(Oversize::PartTooLarge {
            part,
            limit: MAX_PART_BYTES,
        });
    }
    if real > SAFE_UNPACKED && real / packed.max(1) > MAX_RATIO {
        return Err(Oversize::Inflated {
            part,
            packed,
            unpacked: real,
        });
    }
    Ok(real)
}

/// How many bytes a reader gives before its end or its first error.
fn inflated_size(r: &mut impl Read) -> u64 {
    let mut buf = vec![0u8; 64 * 1024];
    let mut real = 0u64;
    loop {
        match r.read(&mut buf) {
            Ok(0) => return real,
            Ok(n) => real += n as u64,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return real,
        }
    }
}

/// Checks the binary parts of an .xlsb package: the library allocates each record's declared
/// length before reading it, so a record longer than the part that holds it (up to 256 MB
/// declared in a few bytes) is refused as damage. `Err` names the part.
pub fn check_xlsb(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| {
            // The record-format parts the library reads (not macros or printer settings).
            let n = n.to_ascii_lowercase();
            n.ends_with(".bin")
                && (n.starts_with("xl/worksheets/")
                    || ["xl/workbook.bin", "xl/sharedstrings.bin", "xl/styles.bin"]
                        .contains(&n.as_str()))
        })
        .map(|n| n.into_owned())
        .collect();
    for name in names {
        let Ok(entry) = zip.by_name(&name) else {
            continue;
        };
        // A read that fails (a bad checksum is only seen at the end of the part) keeps what it
        // read: the library reads records before the checksum is checked, so they are checked
        // here too (a fuzz finding).
        let mut part = Vec::new();
        let _ = entry.take(MAX_PART_BYTES).read_to_end(&mut part);
        if !records_fit(&part) {
            return Err(name);
        }
    }
    Ok(())
}

/// Do the records of a binary part (type and length as variable-length integers) each fit in
/// what is left of the part?
fn records_fit(part: &[u8]) -> bool {
    let mut at = 0usize;
    let varint = |at: &mut usize, max_bytes: usize| -> Option<usize> {
        let mut value = 0usize;
        for i in 0..max_bytes {
            let b = *part.get(*at)?;
            *at += 1;
            value |= usize::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                break;
            }
        }
        Some(value)
    };
    while at < part.len() {
        let (Some(_), Some(len)) = (varint(&mut at, 2), varint(&mut at, 4)) else {
            return true; // cut short: the library reports it
        };
        if len > part.len() - at.min(part.len()) {
            return false;
        }
        at += len;
    }
    true
}

/// The shared-text table of an .xlsx declares how many texts it holds, and calamine reserves room
/// for that many before reading them. The table is read here as calamine reads it (the same XML
/// settings, the first `sst` element whatever comes before it, the count as written), and a count
/// far above the texts really there is refused. The texts are counted only when the count is large
/// enough to matter; a part that cannot be read to its end counts the texts read before.
fn check_shared_strings(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<(), Oversize> {
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        .map(|n| n.into_owned())
        .collect();
    for name in names {
        let Ok(entry) = zip.by_name(&name) else {
            continue;
        };
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        let Some(declared) = declared_count(&mut xml) else {
            continue;
        };
        if declared <= STRINGS_TRUSTED {
            continue;
        }
        let real = count_texts(&mut xml);
        if declared > real {
            return Err(Oversize::DeclaredStrings { declared, real });
        }
    }
    Ok(())
}

/// The `uniqueCount` of the first `sst` element, as calamine reads it (digits only; a number too
/// large for memory sizes is ignored by calamine, and so here).
fn declared_count<R: std::io::BufRead>(xml: &mut quick_xml::Reader<R>) -> Option<u64> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            quick_xml::events::Event::Start(e) if e.local_name().as_ref() == "sst" => {
                let attr = e.try_get_attribute("uniqueCount").ok()??;
                let digits: &str = attr.value.as_ref();
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let n = digits.parse::<u64>().ok()?;
                return (n <= usize::MAX as u64).then_some(n);
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// The `si` elements from here to the end of the part (or to the first read error).
fn count_texts<R: std::io::BufRead>(xml: &mut quick_xml::Reader<R>) -> u64 {
    let mut buf = Vec::new();
    let mut n = 0u64;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(e)) if e.local_name().as_ref() == "si" => n += 1,
            Ok(quick_xml::events::Event::Eof) | Err(_) => return n,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, data) in entries {
                zip.start_file(*name, opts).unwrap();
                zip.write_all(data).unwrap();
            }
            zip.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn ordinary_parts_pass() {
        let xml = b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>";
        assert_eq!(
            check_zip(&package(&[("xl/worksheets/sheet1.xml", xml)])),
            Ok(())
        );
    }

    #[test]
    fn a_part_of_blank_space_is_refused() {
        let mut xml = b"<worksheet><sheetData>".to_vec();
        xml.resize(80 * 1024 * 1024, b' ');
        xml.extend_from_slice(b"</sheetData></worksheet>");
        let err = check_zip(&package(&[("xl/worksheets/sheet1.xml", &xml)])).unwrap_err();
        assert!(
            matches!(err, Oversize::PartTooLarge { ref part, .. } if part == "xl/worksheets/sheet1.xml"),
            "{err:?}"
        );
        xml.truncate(20 * 1024 * 1024);
        let err = check_zip(&package(&[("xl/worksheets/sheet1.xml", &xml)])).unwrap_err();
        assert!(matches!(err, Oversize::Inflated { .. }), "{err:?}");
    }

    #[test]
    fn a_shared_text_count_far_above_the_texts_is_refused() {
        let sst = |n: &str| {
            format!("<sst xmlns=\"x\" count=\"2\" uniqueCount=\"{n}\"><si><t>a</t></si><si><t>b</t></si></sst>")
        };
        for bad in ["99999999999", "18446744073709551615"] {
            let err = check_zip(&package(&[("xl/sharedStrings.xml", sst(bad).as_bytes())]));
            assert!(
                matches!(err, Err(Oversize::DeclaredStrings { real: 2, .. })),
                "{err:?}"
            );
        }
        // Preceded by a comment, with spaces around `=` or inside the tag: read as calamine does.
        let odd = format!(
            "<!-- sst --><sst xmlns=\"x\" {} uniqueCount = \"99999999999\"><si><t>a</t></si></sst>",
            " ".repeat(10_000)
        );
        let err = check_zip(&package(&[("xl/sharedStrings.xml", odd.as_bytes())]));
        assert!(
            matches!(err, Err(Oversize::DeclaredStrings { real: 1, .. })),
            "{err:?}"
        );
        // A count too long for a memory size is ignored by calamine: harmless.
        let huge = sst("18446744073709551616999");
        assert_eq!(
            check_zip(&package(&[("xl/sharedStrings.xml", huge.as_bytes())])),
            Ok(())
        );
        // A wrong but harmless count is not a reason to refuse a file.
        assert_eq!(
            check_zip(&package(&[(
                "xl/sharedStrings.xml",
                sst("5000").as_bytes()
            )])),
            Ok(())
        );
    }

    #[test]
    fn an_xlsb_record_longer_than_its_part_is_refused() {
        // Type 0x0001, length 3 and 3 bytes; then a record declaring 256 MB in 5 bytes.
        let sound = [0x01u8, 0x03, 1, 2, 3];
        assert_eq!(check_xlsb(&package(&[("xl/workbook.bin", &sound)])), Ok(()));
        let mut bad = sound.to_vec();
        bad.extend_from_slice(&[0x01, 0xFF, 0xFF, 0xFF, 0x7F]);
        assert_eq!(
            check_xlsb(&package(&[("xl/workbook.bin", &bad)])),
            Err("xl/workbook.bin".to_string())
        );
    }

    #[test]
    fn not_a_zip_is_left_to_the_reader() {
        assert_eq!(check_zip(b"PK\x03\x04garbage"), Ok(()));
    }
}
