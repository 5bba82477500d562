//! "No command ever writes over one of its input files, whatever `-o` says" (SPEC §4): before a
//! command writes, every path it is about to write is compared with every file it reads (the
//! workbooks, and a profile given as a file) by resolved path and by file identity, so a hard
//! link, a symbolic link or a `..` detour to an input is that input.

use super::EXIT_FAILURE;
use crate::batch::Input;
use crate::i18n::Lang;
use crate::paths::{resolve, FileKey};
use crate::text::terminal_safe;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The files a command reads, by identity and by resolved path, each with its name as given.
#[derive(Debug, Default)]
pub struct Guard {
    by_key: HashMap<FileKey, String>,
    by_path: HashMap<PathBuf, String>,
}

impl Guard {
    /// The inputs found by a search (skipped ones too: they are the user's files all the same)
    /// and the profile, when it is a file.
    pub fn of_inputs(inputs: &[Input], profile: Option<&str>) -> Guard {
        let paths = inputs.iter().map(|i| i.path.as_path());
        Guard::of_paths(paths, profile)
    }

    /// Input files named one by one, and the profile when it is a file.
    pub fn of_paths<'a>(paths: impl IntoIterator<Item = &'a Path>, profile: Option<&str>) -> Guard {
        let mut g = Guard::default();
        for p in paths {
            g.add(p);
        }
        if let Some(p) = profile.map(Path::new).filter(|p| p.is_file()) {
            g.add(p);
        }
        g
    }

    /// The same, with one more file read when there is one (the list given with `--don-vi`).
    pub fn and(mut self, p: Option<&Path>) -> Guard {
        if let Some(p) = p {
            self.add(p);
        }
        self
    }

    fn add(&mut self, p: &Path) {
        let shown = p.display().to_string();
        if let Some(key) = FileKey::of(p) {
            self.by_key.entry(key).or_insert_with(|| shown.clone());
        }
        if let Some(real) = resolve(p) {
            self.by_path.entry(real).or_insert(shown);
        }
    }

    /// The input that writing `out` would replace, if any.
    pub fn clash(&self, out: &Path) -> Option<&str> {
        let by_key = FileKey::of(out).and_then(|k| self.by_key.get(&k));
        let by_path = || resolve(out).and_then(|r| self.by_path.get(&r));
        by_key.or_else(by_path).map(String::as_str)
    }

    /// Refuses (message on stderr, exit 2) when any of `outs` is an input.
    pub fn refuse<'a>(
        &self,
        outs: impl IntoIterator<Item = &'a Path>,
        lang: Lang,
    ) -> Option<ExitCode> {
        outs.into_iter().find_map(|out| {
            let input = self.clash(out)?;
            eprintln!("danhgia: {}", clash_message(out, input, lang));
            Some(ExitCode::from(EXIT_FAILURE))
        })
    }
}

fn clash_message(out: &Path, input: &str, lang: Lang) -> String {
    let out = terminal_safe(&out.display().to_string()).into_owned();
    let input = terminal_safe(input);
    match lang {
        Lang::Vi => format!(
            "không ghi '{out}': đó là tệp đầu vào '{input}' (cùng một tệp, kể cả qua liên kết). Lệnh không bao giờ ghi đè tệp nó đọc; chọn tên hoặc thư mục khác cho -o."
        ),
        Lang::En => format!(
            "'{out}' not written: it is the input file '{input}' (the same file, links included). No command ever writes over a file it reads; choose another name or folder for -o."
        ),
    }
}
