//! The pure layer (see the crate documentation): its modules name only one another, never a module
//! that reads or writes workbooks, runs a batch or a flow, or prints. Checked on the source text:
//! every `crate::…` path in a pure module (imports, inline paths, macros, tests alike; comments and
//! string literals aside) must start with a pure module, and no `super::…` path may reach a module
//! outside the layer.

use std::fs;
use std::path::{Path, PathBuf};

/// The pure layer: the only top-level modules a pure module may name. Every other module declared in
/// `src/lib.rs` is outside it.
const PURE: &[&str] = &[
    "anomaly",
    "model",
    "text",
    "calendar",
    "profile",
    "campaign_profile",
    "cap",
    "rules",
    "money",
    "deadlines",
    "finding",
    "i18n",
    "vocab",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules declared in `src/lib.rs`.
fn modules() -> Vec<String> {
    let lib = fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    lib.lines()
        .map(str::trim)
        .filter_map(|l| {
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))
        })
        .filter_map(|l| l.strip_suffix(';'))
        .map(|m| m.trim().to_string())
        .collect()
}

/// The source files of a top-level module: `src/m.rs` and everything under `src/m/`.
fn files(module: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let p = e.expect("directory entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    walk(&src().join(module), &mut out);
    out.sort();
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

/// The tokens of Rust source that matter for paths, each with its line; comments, string, byte
/// string, raw string and char literals are dropped.
fn tokens(source: &str) -> Vec<(usize, Tok)> {
    let c: Vec<char> = source.chars().collect();
    let n = c.len();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Skips to just after the closing quote of a string whose opening quote is at `i`.
    let skip_string = |mut i: usize, line: &mut usize| {
        i += 1;
        while i < n && c[i] != '"' {
            if c[i] == '\\' {
                i += 1;
            }
            if i < n && c[i] == '\n' {
                *line += 1;
            }
            i += 1;
        }
        i + 1
    };
    while i < n {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < n && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < n {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_string(i, &mut line);
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\u{1F600}'), else a lifetime or a label.
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < n && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                out.push((line, Tok::Other));
                i += 1;
            }
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < n && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            // Raw strings: r"…", r#"…"#, br"…".
            if word == "r" || word == "br" {
                let mut j = i;
                while j < n && c[j] == '#' {
                    j += 1;
                }
                if j < n && c[j] == '"' {
                    let hashes = j - i;
                    i = j + 1;
                    loop {
                        if i >= n {
                            break;
                        }
                        if c[i] == '\n' {
                            line += 1;
                        }
                        if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                            i += 1 + hashes;
                            break;
                        }
                        i += 1;
                    }
                    continue;
                }
            }
            if (word == "b" || word == "c") && c.get(i) == Some(&'"') {
                i = skip_string(i, &mut line);
                continue;
            }
            out.push((line, Tok::Ident(word)));
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push((line, Tok::PathSep));
            i += 2;
        } else {
            out.push((
                line,
                match ch {
                    '{' => Tok::Open,
                    '}' => Tok::Close,
                    ',' => Tok::Comma,
                    '*' => Tok::Star,
                    _ => Tok::Other,
                },
            ));
            i += 1;
        }
    }
    out
}

/// The top-level names each `crate::` and `super::` path of the source starts with, with the line:
/// `crate::a::B` gives `a`, `use crate::{a::B, c}` gives `a` and `c`, `use crate::*` gives `*`.
/// The flag tells a `crate::` path (true) from a `super::` one (false).
fn named(source: &str) -> Vec<(usize, bool, String)> {
    let t = tokens(source);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let root = match &t[i].1 {
            Tok::Ident(w) if w == "crate" => true,
            Tok::Ident(w) if w == "super" => false,
            _ => {
                i += 1;
                continue;
            }
        };
        // `crate::` or `super::super::…::`
        let mut j = i + 1;
        if t.get(j).map(|x| &x.1) != Some(&Tok::PathSep) {
            i += 1;
            continue;
        }
        j += 1;
        while !root
            && t.get(j).map(|x| &x.1) == Some(&Tok::Ident("super".into()))
            && t.get(j + 1).map(|x| &x.1) == Some(&Tok::PathSep)
        {
            j += 2;
        }
        match t.get(j) {
            Some((line, Tok::Ident(w))) => out.push((*line, root, w.clone())),
            Some((line, Tok::Star)) => out.push((*line, root, "*".into())),
            Some((_, Tok::Open)) => {
                // The first name of every entry of the group, at any depth of the group itself.
                let mut depth = 0;
                let mut entry_start = true;
                while let Some((line, tok)) = t.get(j) {
                    match tok {
                        Tok::Open => {
                            depth += 1;
                            entry_start = depth == 1;
                        }
                        Tok::Close => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        Tok::Comma if depth == 1 => entry_start = true,
                        Tok::Ident(w) if entry_start && depth == 1 => {
                            out.push((*line, root, w.clone()));
                            entry_start = false;
                        }
                        Tok::Star if entry_start && depth == 1 => {
                            out.push((*line, root, "*".into()));
                            entry_start = false;
                        }
                        _ => entry_start = false,
                    }
                    j += 1;
                }
            }
            _ => {}
        }
        i = j.max(i + 1);
    }
    out
}

/// The names of a pure module's source that break the layering, as `line: path`.
fn breaches(source: &str, modules: &[String]) -> Vec<String> {
    named(source)
        .into_iter()
        .filter(|(_, root, name)| {
            if *root {
                !PURE.contains(&name.as_str())
            } else {
                // `super::` in a top-level module is the crate root; in its `mod tests` it is the
                // module itself, whose own items are fine.
                modules.contains(name) && !PURE.contains(&name.as_str())
            }
        })
        .map(|(line, root, name)| {
            format!("{line}: {}::{name}", if root { "crate" } else { "super" })
        })
        .collect()
}

#[test]
fn pure_modules_name_only_pure_modules() {
    let modules = modules();
    let mut all = Vec::new();
    for m in PURE {
        for f in files(m) {
            let source = fs::read_to_string(&f).expect("readable source");
            for b in breaches(&source, &modules) {
                let rel = f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&f);
                all.push(format!("{}:{b}", rel.display()));
            }
        }
    }
    assert!(
        all.is_empty(),
        "pure modules naming modules outside the pure layer ({}):\n{}",
        PURE.join(", "),
        all.join("\n")
    );
}

#[test]
fn the_pure_list_names_modules_of_the_crate() {
    let modules = modules();
    assert!(modules.len() > PURE.len(), "{modules:?}");
    for m in PURE {
        assert!(modules.iter().any(|x| x == m), "{m} is not in src/lib.rs");
        assert!(!files(m).is_empty(), "{m} has no source file");
    }
}

#[test]
fn the_check_sees_every_form_of_path() {
    let modules: Vec<String> = ["model", "finding", "rewards", "reader", "campaign"]
        .map(String::from)
        .to_vec();
    let b = |s: &str| breaches(s, &modules);
    assert_eq!(b("use crate::rewards::CapBasis;"), ["1: crate::rewards"]);
    assert_eq!(b("use crate::rewards;"), ["1: crate::rewards"]);
    assert_eq!(
        b("use crate::{\n    model::Form,\n    reader::{self, Workbook},\n};"),
        ["3: crate::reader"]
    );
    assert_eq!(b("use crate::*;"), ["1: crate::*"]);
    assert_eq!(b("use crate::{model, *};"), ["1: crate::*"]);
    assert_eq!(
        b("struct A {\n    basis: crate::rewards::CapBasis,\n}"),
        ["2: crate::rewards"]
    );
    assert_eq!(
        b("fn f() { crate::campaign::check() }"),
        ["1: crate::campaign"]
    );
    assert_eq!(b("use super::rewards::CapBasis;"), ["1: super::rewards"]);
    assert_eq!(b("use super::super::reader::Grid;"), ["1: super::reader"]);
    assert_eq!(
        b("#[test]\nfn t() { $crate::rewards::x!() }"),
        ["2: crate::rewards"]
    );
    // Pure names, the module's own items, comments and literals are fine.
    let fine = [
        "use crate::model::Form;",
        "use crate::{finding::Detail, model};",
        "$crate::i18n::Lang::Vi",
        "use super::*;",
        "use super::decimal_words;",
        "// use crate::rewards::CapBasis;",
        "/// See [`crate::rewards`].",
        "/* crate::reader /* nested */ crate::reader */",
        "let s = \"crate::rewards::x\";",
        "let s = r#\"crate::rewards \"x\"\"#;",
        "let s = b\"crate::rewards\";",
        "let c = '\"'; use crate::model::Form;",
        "fn f<'a>(x: &'a str) -> &'a str { x }",
    ];
    for s in fine {
        assert!(b(s).is_empty(), "{s}: {:?}", b(s));
    }
}
