//! `danhgia profile show [NAME]`: print a profile (the embedded default, a built-in one, or a file).

use super::write_stdout;
use crate::i18n::Lang;
use anyhow::Result;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// In hồ sơ dạng TOML (mặc định: long-bien-2023; có sẵn cả loc-binh-2024, ha-dong-cchc) / print a profile as TOML
    Show {
        /// Tên hồ sơ có sẵn hoặc tệp TOML / a built-in name or a TOML file
        name: Option<String>,
    },
}

pub fn run(args: Args, _lang: Lang) -> Result<ExitCode> {
    match args.action {
        Action::Show { name } => {
            // Quarterly and campaign profiles alike.
            let profile = crate::profile::AnyProfile::resolve(name.as_deref())?;
            write_stdout(|out| out.write_all(profile.source().as_bytes()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
