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
    /// In hồ sơ dạng TOML (mặc định: long-bien-2023) / print a profile as TOML
    Show {
        /// Tên hồ sơ có sẵn hoặc tệp TOML / a built-in name or a TOML file
        name: Option<String>,
    },
}

pub fn run(args: Args, _lang: Lang) -> Result<ExitCode> {
    match args.action {
        Action::Show { name } => {
            let profile = super::load_profile(name.as_deref())?;
            write_stdout(|out| out.write_all(profile.source.as_bytes()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
