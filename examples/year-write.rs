//! The write floor of `danhgia nam -o` (benches/year.sh): the year read and built exactly as `nam`
//! builds it (the same reader, the same matching of people across the quarters), then its two long
//! lists — one row per person with the 12 cells of the `Cá nhân` sheet, one row per note with the 4
//! cells of `Ghi chú` — written with rust_xlsxwriter in constant memory, one format for every cell
//! and no layout (no row heights, no measured text, no page setup, no other sheet), and saved with
//! the same compression. What `nam -o` costs beyond this is its own layout and its other sheets.
//! Prints the time of each step to stderr.
//!
//! ```text
//! cargo run --release --example year-write -- OUT.xlsx Q1/ Q2/ Q3/ Q4/
//! ```

use danhgia::i18n::Lang;
use danhgia::money::whole_dong;
use danhgia::reader::run_outputs;
use danhgia::writer::nam::slot_words;
use danhgia::year::{self, select, PersonYear, Year};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};
use std::path::PathBuf;
use std::time::Instant;

fn person_note(p: &PersonYear, y: &Year) -> String {
    p.moves
        .iter()
        .map(|m| {
            format!(
                "Chuyển từ {} sang {} từ quý {}",
                y.units[m.from].name, y.units[m.to].name, m.quarter.q
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn people(ws: &mut Worksheet, y: &Year, f: &Format) -> Result<(), XlsxError> {
    for (k, p) in y.people.iter().enumerate() {
        let row = k as u32 + 1;
        ws.write_number_with_format(row, 0, (k + 1) as f64, f)?;
        ws.write_string_with_format(row, 1, &p.id, f)?;
        ws.write_string_with_format(row, 2, &p.name, f)?;
        ws.write_string_with_format(row, 3, &y.units[p.unit()].name, f)?;
        for (i, slot) in p.quarters.iter().enumerate() {
            ws.write_string_with_format(row, 4 + i as u16, slot_words(slot), f)?;
        }
        ws.write_number_with_format(row, 8, p.dat_quarters() as f64, f)?;
        ws.write_number_with_format(row, 9, p.rewarded_quarters() as f64, f)?;
        let money = whole_dong(p.money()).to_f64().unwrap_or(0.0);
        ws.write_number_with_format(row, 10, money, f)?;
        ws.write_string_with_format(row, 11, person_note(p, y), f)?;
    }
    Ok(())
}

fn notes(ws: &mut Worksheet, y: &Year, f: &Format) -> Result<(), XlsxError> {
    for (k, n) in y.notes.iter().enumerate() {
        let row = k as u32 + 1;
        ws.write_number_with_format(row, 0, (k + 1) as f64, f)?;
        ws.write_string_with_format(row, 1, n.severity().word(Lang::Vi), f)?;
        ws.write_string_with_format(row, 2, n.code(), f)?;
        ws.write_string_with_format(row, 3, n.message(Lang::Vi), f)?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: year-write OUT.xlsx DIR...")?);
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let t = Instant::now();
    let selection = select::select(run_outputs::load_all(&paths));
    let (year_no, docs) = selection.outcome.map_err(|_| "no quarter read")?;
    let read = t.elapsed();
    let profile = danhgia::profile::Profile::default_profile();
    let y = year::build(year_no, docs, selection.notes, &profile);
    let built = t.elapsed();

    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let f = Format::new()
        .set_font_name("Times New Roman")
        .set_border(FormatBorder::Thin);
    let mut a = wb.new_worksheet_with_constant_memory()?;
    let mut b = wb.new_worksheet_with_constant_memory()?;
    let (pa, pb) = rayon::join(|| people(&mut a, &y, &f), || notes(&mut b, &y, &f));
    pa?;
    pb?;
    wb.push_worksheet(a);
    wb.push_worksheet(b);
    let written = t.elapsed();
    std::fs::write(&out, wb.save_to_buffer()?)?;
    let saved = t.elapsed();
    eprintln!(
        "read {:.2} s, year built {:.2} s, cells written {:.2} s, saved {:.2} s: {} people, {} notes",
        read.as_secs_f64(),
        (built - read).as_secs_f64(),
        (written - built).as_secs_f64(),
        (saved - written).as_secs_f64(),
        y.people.len(),
        y.notes.len()
    );
    Ok(())
}
