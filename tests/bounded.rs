//! Issue 10, "A hostile or broken file can never take down the batch" (SPEC §7, §8 "Bounded"):
//! every number of a profile is checked when it loads, and the profile's scale is the one the
//! scores are read on; numbers typed by hand in a mẫu 07 never wrap or panic; text at Excel's
//! 32 767-character limit never fails a run.

mod book;
mod common;

use book::*;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use toml::Value as Toml;

// ------------------------------------------------------------------------------------ helpers

/// The default profile (`danhgia profile show`) with some keys changed, saved in `dir`.
fn profile_with(dir: &Path, edits: &[(&str, Toml)]) -> PathBuf {
    let out = run_raw(&["profile", "show"]);
    assert_eq!(exit_code(&out), 0);
    let mut root: toml::Table = toml::from_str(&String::from_utf8(out.stdout).expect("UTF-8"))
        .expect("profile show prints TOML");
    for (key, value) in edits {
        let (table, name) = key.split_once('.').expect("a dotted key");
        root[table]
            .as_table_mut()
            .unwrap_or_else(|| panic!("no table {table}"))
            .insert(name.to_string(), value.clone());
    }
    let path = dir.join("ho-so.toml");
    std::fs::write(&path, toml::to_string(&root).expect("TOML")).expect("write profile");
    path
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The findings of a document as (code, cell, message).
fn codes(doc: &Value) -> Vec<(String, String, String)> {
    finding_values(doc)
        .iter()
        .map(|f| {
            (
                str_field(f, "code").to_string(),
                opt_str(f, "cell").unwrap_or_default(),
                str_field(f, "message").to_string(),
            )
        })
        .collect()
}

// ------------------------------------------------------------------------------------ profiles

#[test]
fn run_with_a_profile_number_out_of_range_exits_2_naming_the_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (key, value) in [
        ("rules.absence_days", Toml::Integer(0)),
        ("reward.rate", Toml::String("50".into())),
        ("reward.rate", Toml::String("-0.3".into())),
        ("scale.max", Toml::Integer(0)),
        ("reward.round_up", Toml::Integer(-10_000)),
    ] {
        let profile = profile_with(dir.path(), &[(key, value.clone())]);
        let out_dir = dir.path().join("ket-qua");
        let out = run_raw(&[
            "run",
            arg(&demo_dir()),
            "-o",
            arg(&out_dir),
            "--profile",
            arg(&profile),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(exit_code(&out), 2, "{key} = {value}: {stderr}");
        assert!(
            stderr.contains(&format!("'{key}'")) && stderr.contains("cần"),
            "{key} = {value}: the key and what is accepted: {stderr}"
        );
        assert!(
            !out_dir.exists(),
            "{key} = {value}: nothing is written with a bad profile"
        );
    }
}

#[test]
fn the_profile_scale_is_the_scale_scores_are_read_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Scale 1–5: the thresholds must lie on it too.
    let five = profile_with(
        dir.path(),
        &[
            ("scale.max", Toml::Integer(5)),
            ("rules.mandatory_min", Toml::Integer(5)),
            ("rules.other_min", Toml::Integer(4)),
        ],
    );
    let mut unit = Unit::new("TN", 2);
    for p in unit.people.iter_mut() {
        p.all_scores(5.0);
    }
    unit.person("TN02").score(25, Cell::Num(7.0));
    unit.person("TN03").score(26, Cell::Num(4.5));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = validate(&[&path], &["--profile", arg(&five)]);
    let found = codes(&doc);
    assert_eq!(code, 1, "{found:?}");
    assert_eq!(found.len(), 1, "one finding: {found:?}");
    let (c, cell, message) = &found[0];
    assert_eq!(
        (c.as_str(), cell.as_str()),
        ("score-out-of-range", unit.score_cell("TN02", 25).as_str())
    );
    assert!(message.contains("từ 1 đến 5"), "{message}");
    let (_, doc) = evaluate(&[&path], &["--profile", arg(&five)]);
    assert_eq!(str_field(person(&doc, "TN03"), "status"), "dat");
    assert_eq!(person(&doc, "TN03")["total"], 149.5);
    assert_eq!(str_field(person(&doc, "TN02"), "status"), "loi");

    // Scale 1–20: 15 is a score, 21 is not.
    let twenty = profile_with(
        dir.path(),
        &[
            ("scale.max", Toml::Integer(20)),
            ("rules.mandatory_min", Toml::Integer(20)),
            ("rules.other_min", Toml::Integer(15)),
        ],
    );
    let mut unit = Unit::new("TN", 2);
    for p in unit.people.iter_mut() {
        p.all_scores(20.0);
    }
    unit.person("TN02").score(25, Cell::Num(15.0));
    unit.person("TN03").score(26, Cell::Num(19.5));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = evaluate(&[&path], &["--profile", arg(&twenty)]);
    assert_eq!(code, 0, "{:?}", codes(&doc));
    assert_eq!(str_field(person(&doc, "TN02"), "status"), "dat");
    assert_eq!(person(&doc, "TN02")["total"], 595);
    assert_eq!(person(&doc, "TN03")["total"], 599.5);
    unit.person("TN02").score(25, Cell::Num(21.0));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = validate(&[&path], &["--profile", arg(&twenty)]);
    assert_eq!(code, 1);
    let found = codes(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "score-out-of-range");
    assert!(found[0].2.contains("từ 1 đến 20"), "{}", found[0].2);
    // With the default profile, 15 is outside the scale.
    unit.person("TN02").score(25, Cell::Num(15.0));
    let path = unit.save(dir.path(), "don-vi.xlsx");
    let (code, doc) = validate(&[&path], &[]);
    assert_eq!(code, 1);
    assert!(
        codes(&doc)
            .iter()
            .all(|(c, _, _)| c == "score-out-of-range"),
        "{:?}",
        codes(&doc)
    );
}
