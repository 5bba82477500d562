//! `danhgia calendar` (being built: until then it reports that it is not available).

use crate::i18n::Lang;
use anyhow::Result;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    rest: Vec<String>,
}

pub fn run(_args: Args, lang: Lang) -> Result<ExitCode> {
    super::unsupported("calendar", lang)
}
