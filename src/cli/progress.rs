//! A progress bar on stderr, only when stderr is a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

pub fn bar(len: usize, lang: crate::i18n::Lang) -> Option<ProgressBar> {
    labelled(len, lang, ("Đang đọc", "Reading"))
}

/// The bar of the writing step of `run` (one tick per output file).
pub fn writing(len: usize, lang: crate::i18n::Lang) -> Option<ProgressBar> {
    labelled(len, lang, ("Đang ghi", "Writing"))
}

fn labelled(len: usize, lang: crate::i18n::Lang, (vi, en): (&str, &str)) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() || len < 2 {
        return None;
    }
    let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let (label, files) = match lang {
        crate::i18n::Lang::Vi => (vi, "tệp"),
        crate::i18n::Lang::En => (en, "files"),
    };
    let style = ProgressStyle::with_template(&format!(
        "{label} {{bar:40}} {{pos}}/{{len}} {files} ({{eta}})"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    pb.set_style(style);
    Some(pb)
}

/// Runs a batch with a progress bar on stderr when it is a terminal.
pub fn run_batch(
    inputs: &[crate::batch::Input],
    profile: &crate::profile::Profile,
    quarter: Option<crate::model::Quarter>,
    lang: crate::i18n::Lang,
) -> crate::batch::Batch {
    let pb = bar(inputs.len(), lang);
    let b = crate::batch::run_with_progress(inputs, profile, quarter, &|| {
        if let Some(pb) = &pb {
            pb.inc(1);
        }
    });
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    b
}
