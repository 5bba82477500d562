//! The read floor: open every workbook under the given folders with calamine and touch every cell
//! of every sheet, nothing more. `danhgia evaluate` is measured against this (docs/hieu-nang.md).
//!
//!     cargo run --release --example raw-read -- DIR...

use calamine::{open_workbook_auto, Data, Reader};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "xlsx")
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
        {
            out.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        walk(Path::new(&arg), &mut files);
    }
    files.sort();
    let started = std::time::Instant::now();
    let (sheets, cells, non_empty) = files
        .par_iter()
        .map(|path| {
            let Ok(mut wb) = open_workbook_auto(path) else {
                return (0, 0, 0);
            };
            let mut totals = (0usize, 0usize, 0usize);
            for name in wb.sheet_names() {
                if let Ok(range) = wb.worksheet_range(&name) {
                    totals.0 += 1;
                    for c in range.cells() {
                        totals.1 += 1;
                        if !matches!(c.2, Data::Empty) {
                            totals.2 += 1;
                        }
                    }
                }
            }
            totals
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    eprintln!(
        "{} files, {sheets} sheets, {cells} cells ({non_empty} non-empty) in {:.2} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}
