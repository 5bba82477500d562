//! Fuzz target: one file's bytes go the way a unit's workbook goes through a batch — opened by
//! content, read as a unit workbook with the default profile, people named and evaluated, and every
//! finding rendered in both languages. Any panic is a defect (SPEC §7), except one inside the
//! spreadsheet library on a damaged file: the reader catches those and reports the file as damaged,
//! as the command does (the same panic hook is installed here, so only they are caught).
//!
//! Most workbooks are zip packages whose parts are compressed and checksummed, so a byte flipped at
//! random mostly yields a damaged zip. The custom mutator below therefore also mutates the content
//! of one part of a package and writes the package again (parts stored, checksums right), so that
//! the XML and binary records behind the zip layer are explored too.

#![no_main]

use danhgia::evaluate;
use danhgia::finding::{Detail, Finding};
use danhgia::i18n::Lang;
use danhgia::profile::Profile;
use danhgia::reader::unit;
use danhgia::reader::Workbook;
use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

static PROFILE: LazyLock<Profile> = LazyLock::new(Profile::default_profile);

/// The name the batch would show for the file.
const FILE: &str = "don-vi.xlsx";

fn read_as(bytes: &[u8], ext: &str) {
    let profile = &*PROFILE;
    let findings = match Workbook::from_bytes(bytes.to_vec(), ext) {
        Ok(mut wb) => {
            let (read, mut findings) = unit::read_unit(FILE, &mut wb, profile, None);
            drop(wb);
            evaluate::name_people(&mut findings, &read.members, &read.scored);
            let (result, more) = evaluate::evaluate_unit(read, profile, "don-vi");
            findings.extend(more);
            if let Some(u) = result {
                std::hint::black_box(evaluate::summarize(&u.people));
            }
            findings
        }
        // An unreadable file is still reported.
        Err(u) => vec![Finding {
            file: FILE.to_string(),
            sheet: None,
            cell: None,
            person: None,
            person_name: None,
            detail: Detail::Unreadable(u),
        }],
    };
    for f in &findings {
        for lang in [Lang::Vi, Lang::En] {
            std::hint::black_box(f.message(lang));
            std::hint::black_box(f.message_about(lang, false));
        }
    }
}

fuzz_target!(init: danhgia::batch::install_panic_capture(), |data: &[u8]| {
    // The reader sniffs the content; the extension only matters for a zip package, which is read
    // as .xlsb when the file is named so (and as .xlsx or .ods otherwise).
    read_as(data, "xlsx");
    if data.starts_with(b"PK\x03\x04") {
        read_as(data, "xlsb");
    }
});

/// A part larger than this is not mutated (it is copied as it is).
const MAX_PART: u64 = 4 * 1024 * 1024;

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    // Three times in four, a zip package has one of its parts mutated; otherwise (and when that
    // is not possible) the bytes themselves are.
    if seed % 4 != 0 {
        if let Some(package) = mutate_part(&data[..size], max_size, seed / 4) {
            data[..package.len()].copy_from_slice(&package);
            return package.len();
        }
    }
    fuzzer_mutate(data, size, max_size)
});

/// The package with one part's content mutated, all parts stored; `None` when the bytes are not a
/// readable zip or the result would be longer than `max_size`.
fn mutate_part(bytes: &[u8], max_size: usize, seed: u32) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let count = archive.len();
    if count == 0 || count > 1000 {
        return None;
    }
    let chosen = seed as usize % count;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(count);
    for i in 0..count {
        let mut entry = archive.by_index(i).ok()?;
        if entry.size() > MAX_PART {
            return None;
        }
        let name = entry.name().ok()?.to_string();
        let mut content = Vec::new();
        entry
            .by_ref()
            .take(MAX_PART)
            .read_to_end(&mut content)
            .ok()?;
        parts.push((name, content));
    }
    let content = &mut parts[chosen].1;
    let len = content.len();
    let room = (len * 2 + 64).min(max_size);
    content.resize(room.max(len), 0);
    let new_len = fuzzer_mutate(content, len.min(room), room);
    content.truncate(new_len);

    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in &parts {
        writer.start_file(name.as_str(), options).ok()?;
        writer.write_all(content).ok()?;
    }
    let package = writer.finish().ok()?.into_inner();
    (package.len() <= max_size).then_some(package)
}
