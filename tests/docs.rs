//! The code page (docs/ma-loi.md) keeps up with the contract: every finding code of SPEC §6, every
//! reason and status of SPEC §5 is explained in the Vietnamese part and in the English part, and
//! every code the program raises has its own section.

mod spec_codes;

use danhgia::finding::Code;
use spec_codes::{ERROR_CODES, REASONS, WARNING_CODES};
use std::path::Path;

/// SPEC §5.
const STATUSES: &[&str] = &["dat", "khong-dat", "khong-danh-gia", "loi"];

fn page() -> (String, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ma-loi.md");
    let text = std::fs::read_to_string(&path).expect("docs/ma-loi.md is readable");
    let at = text
        .find("\n## English")
        .expect("docs/ma-loi.md has an English section");
    let (vi, en) = text.split_at(at);
    (vi.to_string(), en.to_string())
}

/// The lines of a markdown table (`| … |`) and the headings.
fn entries(part: &str) -> Vec<&str> {
    part.lines()
        .filter(|l| l.starts_with('|') || l.starts_with('#'))
        .collect()
}

fn assert_listed(part: &str, which: &str, codes: &[&str]) {
    let lines = entries(part);
    let missing: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| {
            let quoted = format!("`{c}`");
            !lines.iter().any(|l| l.contains(&quoted))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "docs/ma-loi.md ({which}) has no heading or table entry for {missing:?}"
    );
}

#[test]
fn every_contract_code_is_in_both_languages() {
    let (vi, en) = page();
    for (part, which) in [(&vi, "tiếng Việt"), (&en, "English")] {
        assert_listed(part, which, ERROR_CODES);
        assert_listed(part, which, WARNING_CODES);
    }
}

#[test]
fn every_reason_and_status_is_in_both_languages() {
    let (vi, en) = page();
    // The Vietnamese part has them in tables; the English part in its summary paragraphs.
    assert_listed(&vi, "tiếng Việt", REASONS);
    assert_listed(&vi, "tiếng Việt", STATUSES);
    for code in REASONS.iter().chain(STATUSES) {
        assert!(
            en.contains(&format!("`{code}`")),
            "the English part of docs/ma-loi.md does not mention `{code}`"
        );
    }
}

#[test]
fn every_code_the_program_raises_has_its_own_section() {
    let (vi, _) = page();
    let headings: Vec<&str> = vi.lines().filter(|l| l.starts_with("#### ")).collect();
    for code in Code::ALL {
        let quoted = format!("`{}`", code.as_str());
        assert!(
            headings.iter().any(|h| h.contains(&quoted)),
            "docs/ma-loi.md has no section (####) for {quoted}"
        );
    }
}

#[test]
fn the_contract_lists_match_the_program_codes() {
    // Every code the program raises is one of the contract's, with the contract's severity.
    for code in Code::ALL {
        let name = code.as_str();
        let warning = code.severity() == danhgia::finding::Severity::Warning;
        let list = if warning { WARNING_CODES } else { ERROR_CODES };
        assert!(
            list.contains(&name),
            "{name} is not in SPEC §6 as a {}",
            if warning { "warning" } else { "error" }
        );
    }
}
