//! The read floor of `danhgia nam` (benches/year.sh): reads the quarters' results as `nam` does —
//! the same reader, `ket-qua.json` and `khen-thuong.json` of each run folder parsed once with
//! serde, in parallel — and nothing more. With `--value`, parses each `ket-qua.json` into a
//! generic `serde_json::Value` instead (what a script would do), for comparison.
//!
//! ```text
//! cargo run --release --example year-read -- Q1/ Q2/ Q3/ Q4/
//! cargo run --release --example year-read -- --value Q1/ Q2/ Q3/ Q4/
//! ```

use rayon::prelude::*;
use std::path::PathBuf;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let value = args.first().is_some_and(|a| a == "--value");
    if value {
        args.remove(0);
    }
    let paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    if value {
        let people: usize = paths
            .par_iter()
            .map(|p| {
                let bytes = std::fs::read(p.join("ket-qua.json")).expect("ket-qua.json");
                let doc: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
                doc["units"].as_array().map_or(0, |u| {
                    u.iter()
                        .map(|u| u["people"].as_array().map_or(0, Vec::len))
                        .sum()
                })
            })
            .sum();
        println!("{people} people");
        return;
    }
    let loaded = danhgia::reader::run_outputs::load_all(&paths);
    let people: usize = loaded
        .iter()
        .filter_map(|l| l.outcome.as_ref().ok())
        .map(|d| d.units.iter().map(|u| u.people.len()).sum::<usize>())
        .sum();
    let failed = loaded.iter().filter(|l| l.outcome.is_err()).count();
    println!("{people} people, {failed} unreadable");
}
