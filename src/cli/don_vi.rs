//! `--don-vi UNITS.xlsx` of `run` and `validate` (SPEC §4): the list of the units expected to
//! send their workbook. Read before anything else (a list that cannot be read stops the command,
//! as a profile does); never read as a unit's workbook, even inside a folder given; matched to
//! the batch by [`crate::expected_units`].

use super::EXIT_FAILURE;
use crate::batch::{Batch, Input};
use crate::expected_units::{self, Expected};
use crate::finding::{Detail, Finding};
use crate::i18n::Lang;
use crate::model::Bloc;
use crate::paths::FileKey;
use crate::profile::Profile;
use crate::reader::danh_sach_don_vi::{self, UnitsList};
use crate::text::terminal_safe;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Default, clap::Args)]
pub struct DonViArgs {
    /// Danh sách đơn vị phải gửi sổ (Mã đơn vị, Đơn vị, Khối): đơn vị chưa gửi được báo
    /// (unit-missing) và ghi "Chưa gửi" ở Mẫu 07 / the list of units expected to send
    #[arg(long = "don-vi", value_name = "UNITS.xlsx")]
    pub list: Option<PathBuf>,
}

/// The list given, as read.
pub struct Given {
    list: UnitsList,
    findings: Vec<Finding>,
    key: Option<FileKey>,
}

impl DonViArgs {
    /// The list, when the option is given; exit 2, with the reason, when it cannot be read.
    pub fn read(&self, profile: &Profile, lang: Lang) -> Result<Option<Given>, ExitCode> {
        let Some(path) = &self.list else {
            return Ok(None);
        };
        let shown = path.display().to_string();
        let read = if path.is_file() {
            crate::reader::panic_guard::catch(|| danh_sach_don_vi::read(path, &shown, profile))
                .unwrap_or_else(|m| Err(crate::finding::Unreadable::Damaged(m)))
        } else {
            let why = lang.pick(
                "không có tệp này, hoặc đó là thư mục",
                "no such file, or it is a folder",
            );
            Err(crate::finding::Unreadable::Io(why.to_string()))
        };
        match read {
            Ok((list, findings)) => Ok(Some(Given {
                list,
                findings,
                key: FileKey::of(path),
            })),
            Err(u) => {
                let why = Detail::Unreadable(u).message(lang);
                let file = terminal_safe(&shown);
                eprintln!(
                    "danhgia: {}",
                    match lang {
                        Lang::Vi =>
                            format!("không đọc được danh sách đơn vị '{file}' (--don-vi): {why}"),
                        Lang::En =>
                            format!("cannot read the list of units '{file}' (--don-vi): {why}"),
                    }
                );
                Err(ExitCode::from(EXIT_FAILURE))
            }
        }
    }

    /// The list's path, for the files no output may replace.
    pub fn path(&self) -> Option<&Path> {
        self.list.as_deref()
    }
}

impl Given {
    /// The inputs without the list itself (met in a folder given, or named among the inputs):
    /// it is the list, never a unit's workbook.
    pub fn exclude(&self, inputs: &mut Vec<Input>) {
        if let Some(key) = &self.key {
            inputs.retain(|i| FileKey::of(&i.path).as_ref() != Some(key));
        }
    }

    /// Matches the list to the batch: the list file and its findings join the batch.
    pub fn apply(self, b: &mut Batch, profile: &Profile) -> Expected {
        expected_units::apply(&self.list, self.findings, b, profile)
    }
}

/// A unit of the list that sent nothing, in the run's summary.
#[derive(Debug, Serialize)]
pub struct MissingUnit {
    pub code: Option<String>,
    pub name: String,
    pub bloc: Bloc,
}

/// A unit read that the list does not name, in the run's summary.
#[derive(Debug, Serialize)]
pub struct UnlistedUnit {
    pub code: Option<String>,
    pub name: String,
    pub bloc: Bloc,
    pub file: String,
}

/// The units of the summary: those that sent nothing, those the list does not name.
pub fn summary_units(e: Option<&Expected>) -> (Vec<MissingUnit>, Vec<UnlistedUnit>) {
    let Some(e) = e else {
        return (Vec::new(), Vec::new());
    };
    let missing = e
        .missing
        .iter()
        .map(|u| MissingUnit {
            code: u.code.clone(),
            name: u.name.clone(),
            bloc: u.bloc,
        })
        .collect();
    let unlisted = e
        .unlisted
        .iter()
        .map(|u| UnlistedUnit {
            code: u.code.clone(),
            name: u.name.clone(),
            bloc: u.bloc,
            file: u.file.clone(),
        })
        .collect();
    (missing, unlisted)
}

/// The blocks of the text summary: "Chưa gửi:" (units of the list that sent nothing) and the
/// units read that the list does not name; empty when there are none.
pub fn summary_text(
    missing: &[MissingUnit],
    unlisted: &[UnlistedUnit],
    profile: &Profile,
    lang: Lang,
) -> String {
    let mut t = String::new();
    let unit = |code: &Option<String>, name: &str, bloc: Bloc| {
        let bloc = &profile.bloc(bloc).name;
        let named = match code {
            Some(c) => format!("{c} – {name}"),
            None => name.to_string(),
        };
        let shown = match lang {
            Lang::Vi => format!("{named} (khối {bloc})"),
            Lang::En => format!("{named} ({bloc} bloc)"),
        };
        terminal_safe(&shown).into_owned()
    };
    if !missing.is_empty() {
        let n = missing.len();
        t.push_str(&match lang {
            Lang::Vi => format!("Chưa gửi ({n} đơn vị trong danh sách đơn vị):\n"),
            Lang::En => format!(
                "Not sent ({n} {} of the list of units):\n",
                if n == 1 { "unit" } else { "units" }
            ),
        });
        for m in missing {
            t.push_str(&format!("  {}\n", unit(&m.code, &m.name, m.bloc)));
        }
    }
    if !unlisted.is_empty() {
        t.push_str(lang.pick(
            "Không có trong danh sách đơn vị (vẫn được tính; kiểm tra Mã đơn vị, tên đơn vị hoặc bổ sung danh sách):\n",
            "Not on the list of units (still counted; check the unit's code and name, or add it to the list):\n",
        ));
        for u in unlisted {
            t.push_str(&format!(
                "  {}: {}\n",
                terminal_safe(&u.file),
                unit(&u.code, &u.name, u.bloc)
            ));
        }
    }
    t
}
