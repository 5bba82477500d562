//! `danhgia template <KIND> -o FILE.xlsx`: the workbooks units fill in (SPEC §4).
//!
//! - `don-vi -q QUARTER [--don-vi NAME] [--ma-don-vi CODE] [--khoi KHOI] [--so-nguoi N]`: the unit
//!   workbook of SPEC §3 (see [`crate::writer::template`]);
//! - `phieu-03`, `phieu-04`, `phieu-05 [-q QUARTER] [--don-vi NAME]`: an individual score sheet;
//! - `de-nghi-khen-thuong [--profile CAMPAIGN]`: the reward proposal workbook, written by
//!   [`crate::writer::de_nghi`] (the rewards' side, see `cli::rewards::template`);
//! - `danh-sach-don-vi [--profile F]`: the list of units expected to send their workbook, for
//!   `run --don-vi` and `validate --don-vi` (see [`crate::writer::danh_sach_don_vi`]).
//!
//! `--mat-khau` protects the sheets with a password (none by default), `--profile` takes the
//! catalogue, thresholds and calendar from another profile, `--force` overwrites an existing file.

use super::{EXIT_FAILURE, EXIT_OK};
use crate::i18n::Lang;
use crate::model::{Form, Quarter};
use crate::writer::phieu::{self, PhieuOptions};
use crate::writer::template::{self, UnitTemplate, MAX_HEADCOUNT};
use anyhow::Result;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The kinds of template (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Sổ đánh giá của đơn vị (SPEC §3) / the unit workbook
    #[value(name = "don-vi")]
    DonVi,
    /// Phiếu cá nhân Mẫu 03 (diện BTV quản lý) / individual score sheet, form 03
    #[value(name = "phieu-03")]
    Phieu03,
    /// Phiếu cá nhân Mẫu 04 (đơn vị dưới 20 người) / individual score sheet, form 04
    #[value(name = "phieu-04")]
    Phieu04,
    /// Phiếu cá nhân Mẫu 05 (đơn vị từ 20 người) / individual score sheet, form 05
    #[value(name = "phieu-05")]
    Phieu05,
    /// Hồ sơ đề nghị khen thưởng / reward proposal workbook
    #[value(name = "de-nghi-khen-thuong")]
    DeNghiKhenThuong,
    /// Danh sách đơn vị phải gửi sổ (cho --don-vi) / the list of units expected to send
    #[value(name = "danh-sach-don-vi")]
    DanhSachDonVi,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Loại mẫu / kind of template
    #[arg(value_enum, value_name = "KIND")]
    pub kind: Kind,
    /// Tệp .xlsx sẽ tạo / the .xlsx file to write
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Quý, ví dụ 2024-Q2, II/2024 (bắt buộc với don-vi) / the quarter (required for don-vi)
    #[arg(short = 'q', long = "quarter", value_name = "QUARTER", value_parser = super::parse_quarter_arg)]
    pub quarter: Option<Quarter>,
    /// Tên đơn vị ghi sẵn / the unit's name, prefilled
    #[arg(long = "don-vi", value_name = "NAME")]
    pub unit: Option<String>,
    /// Mã đơn vị ghi sẵn (don-vi) / the unit's code, prefilled
    #[arg(long = "ma-don-vi", value_name = "CODE")]
    pub code: Option<String>,
    /// Khối: Đảng - Đoàn thể | Chính quyền | Trường học (don-vi) / the bloc
    #[arg(long = "khoi", value_name = "KHOI")]
    pub bloc: Option<String>,
    /// Tổng số CBCCVC, NLĐ: chọn Mẫu 04/05 và số dòng (don-vi) / head count: picks form 04/05 and the rows
    #[arg(long = "so-nguoi", value_name = "N")]
    pub headcount: Option<u32>,
    /// Mật khẩu khóa trang tính (mặc định: khóa không mật khẩu) / sheet protection password
    #[arg(long = "mat-khau", value_name = "PASSWORD")]
    pub password: Option<String>,
    /// Hồ sơ cấu hình: tệp TOML hoặc tên hồ sơ có sẵn / profile: a TOML file or a built-in name
    #[arg(long, value_name = "F")]
    pub profile: Option<String>,
    /// Ghi đè tệp đã có / overwrite an existing file
    #[arg(long)]
    pub force: bool,
}

/// Prints a usage problem and gives exit code 2.
fn fail(lang: Lang, vi: String, en: String) -> Result<ExitCode> {
    eprintln!("danhgia: {}", lang.pick(&vi, &en));
    Ok(ExitCode::from(EXIT_FAILURE))
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| crate::text::tidy(v))
        .filter(|v| !v.is_empty())
}

pub fn run(args: Args, lang: Lang) -> Result<ExitCode> {
    let out = &args.output;
    let shown = out.display().to_string();
    if !super::is_xlsx(out) {
        return fail(
            lang,
            format!("mẫu chỉ ghi được dạng .xlsx: hãy đặt tên tệp kết thúc bằng .xlsx (đang là '{shown}')"),
            format!("templates are written as .xlsx only: name the file with .xlsx (got '{shown}')"),
        );
    }
    if out.is_dir() {
        return fail(
            lang,
            format!("'{shown}' là thư mục, không phải tệp"),
            format!("'{shown}' is a directory, not a file"),
        );
    }
    let guard = super::guard::Guard::of_paths([], args.profile.as_deref());
    if let Some(code) = guard.refuse([out.as_path()], lang) {
        return Ok(code);
    }
    if out.exists() && !args.force {
        return fail(
            lang,
            format!("tệp '{shown}' đã có; không ghi đè để khỏi mất dữ liệu đã điền. Dùng --force nếu muốn ghi đè."),
            format!("'{shown}' already exists; not overwritten so no filled-in data is lost. Use --force to overwrite."),
        );
    }
    let password = match &args.password {
        Some(p) if p.is_empty() => {
            return fail(
                lang,
                "mật khẩu --mat-khau không được để trống".into(),
                "the --mat-khau password cannot be empty".into(),
            )
        }
        other => other.clone(),
    };
    let form = match args.kind {
        Kind::DeNghiKhenThuong => return de_nghi(&args, lang, out),
        Kind::DanhSachDonVi => return units_list(&args, lang, out),
        Kind::DonVi => {
            let profile = super::load_profile(args.profile.as_deref())?;
            return unit(&args, lang, &profile, password, out);
        }
        Kind::Phieu03 => Form::M03,
        Kind::Phieu04 => Form::M04,
        Kind::Phieu05 => Form::M05,
    };
    for (given, name) in [
        (args.code.is_some(), "--ma-don-vi"),
        (args.headcount.is_some(), "--so-nguoi"),
    ] {
        if given {
            return fail(
                lang,
                format!("{name} chỉ dùng với mẫu don-vi; phiếu cá nhân nhận -q, --don-vi, --khoi, --mat-khau"),
                format!("{name} is for the don-vi template only; score sheets take -q, --don-vi, --khoi, --mat-khau"),
            );
        }
    }
    let profile = super::load_profile(args.profile.as_deref())?;
    let bloc = match &args.bloc {
        None => None,
        Some(k) => match profile.bloc_from_text(k) {
            Some(b) => Some(b),
            None => {
                return fail(
                    lang,
                    format!("--khoi '{k}' không phải khối nào của hồ sơ"),
                    format!("--khoi '{k}' is not a bloc of the profile"),
                )
            }
        },
    };
    let opts = PhieuOptions {
        quarter: args.quarter,
        unit: clean(&args.unit),
        password,
        bloc,
    };
    phieu::write_phieu(out, &profile, form, &opts)?;
    let msg = match lang {
        Lang::Vi => format!(
            "Đã tạo phiếu đánh giá cá nhân {} ({} nội dung): {shown}",
            form.sheet_name(),
            profile.form(form).items
        ),
        Lang::En => format!(
            "Wrote the individual score sheet {} ({} items): {shown}",
            form.sheet_name(),
            profile.form(form).items
        ),
    };
    super::write_stdout(|w| writeln!(w, "{msg}"))?;
    Ok(ExitCode::from(EXIT_OK))
}

/// The reward proposal workbook: written by the rewards' side (campaign profiles are welcome
/// there, so the profile is resolved by it).
fn de_nghi(args: &Args, lang: Lang, out: &Path) -> Result<ExitCode> {
    if let Some(refused) = only_output_options(args, lang, "de-nghi-khen-thuong") {
        return refused;
    }
    super::rewards::template(out, args.profile.as_deref(), lang)
}

/// A template that takes only `-o`, `--profile` and `--force`: any other option is refused
/// (exit 2), naming it.
fn only_output_options(args: &Args, lang: Lang, kind: &str) -> Option<Result<ExitCode>> {
    let given = [
        (args.quarter.is_some(), "-q"),
        (args.unit.is_some(), "--don-vi"),
        (args.code.is_some(), "--ma-don-vi"),
        (args.bloc.is_some(), "--khoi"),
        (args.headcount.is_some(), "--so-nguoi"),
        (args.password.is_some(), "--mat-khau"),
    ];
    let (_, name) = given.into_iter().find(|(given, _)| *given)?;
    Some(fail(
        lang,
        format!("mẫu {kind} không nhận {name}; chỉ nhận -o, --profile, --force"),
        format!("the {kind} template does not take {name}; only -o, --profile, --force"),
    ))
}

/// The list of units expected to send their workbook (`--don-vi`).
fn units_list(args: &Args, lang: Lang, out: &Path) -> Result<ExitCode> {
    if let Some(refused) = only_output_options(args, lang, "danh-sach-don-vi") {
        return refused;
    }
    let profile = super::load_profile(args.profile.as_deref())?;
    crate::writer::danh_sach_don_vi::write(out, &profile)?;
    let shown = out.display().to_string();
    let msg = match lang {
        Lang::Vi => format!(
            "Đã tạo mẫu danh sách đơn vị: {shown}\nGhi mỗi đơn vị phải gửi sổ một dòng (Mã đơn vị, Đơn vị, Khối), rồi dùng: danhgia run <thư mục sổ> -o <thư mục kết quả> --don-vi {shown}"
        ),
        Lang::En => format!(
            "Wrote the list of units template: {shown}\nWrite one row per unit expected to send its workbook (Mã đơn vị, Đơn vị, Khối), then use: danhgia run <folder> -o <outdir> --don-vi {shown}"
        ),
    };
    super::write_stdout(|w| writeln!(w, "{msg}"))?;
    Ok(ExitCode::from(EXIT_OK))
}

fn unit(
    args: &Args,
    lang: Lang,
    profile: &crate::profile::Profile,
    password: Option<String>,
    out: &Path,
) -> Result<ExitCode> {
    let shown = out.display().to_string();
    let Some(quarter) = args.quarter else {
        return fail(
            lang,
            "mẫu don-vi cần quý: thêm -q, ví dụ -q 2024-Q2 (các cột Tháng và các hạn phụ thuộc vào quý)".into(),
            "the don-vi template needs a quarter: add -q, e.g. -q 2024-Q2 (the month columns and deadlines depend on it)".into(),
        );
    };
    let bloc = match &args.bloc {
        None => None,
        Some(k) => match profile.bloc_from_text(k) {
            Some(b) => Some(b),
            None => {
                let names: Vec<String> = profile
                    .blocs
                    .iter()
                    .map(|b| format!("\"{}\" ({})", b.name, b.bloc.code()))
                    .collect();
                return fail(
                    lang,
                    format!(
                        "--khoi '{k}' không phải khối nào; dùng một trong: {}",
                        names.join(", ")
                    ),
                    format!(
                        "--khoi '{k}' is not a bloc; use one of: {}",
                        names.join(", ")
                    ),
                );
            }
        },
    };
    if let Some(n) = args.headcount {
        if !(1..=MAX_HEADCOUNT).contains(&n) {
            return fail(
                lang,
                format!("--so-nguoi cần từ 1 đến {MAX_HEADCOUNT} (đang là {n})"),
                format!("--so-nguoi must be from 1 to {MAX_HEADCOUNT} (got {n})"),
            );
        }
    }
    super::warn_out_of_period(profile, quarter, lang);
    let cal = match crate::deadlines::quarter_calendar(quarter, profile) {
        Ok(c) => c,
        Err(crate::calendar::CalendarError::YearMissing(y)) => {
            return fail(
                lang,
                format!("lịch ngày nghỉ của hồ sơ '{}' không có năm {y}: không tính được các hạn và ngày làm việc của quý {quarter}. Dùng --profile với hồ sơ có lịch năm {y}.", profile.name),
                format!("the calendar of profile '{}' has no year {y}: the deadlines and working days of {quarter} cannot be worked out. Use --profile with a profile that has {y}.", profile.name),
            );
        }
        Err(e) => return fail(lang, e.to_string(), e.to_string()),
    };
    let t = UnitTemplate {
        quarter,
        unit: clean(&args.unit),
        code: clean(&args.code),
        bloc,
        headcount: args.headcount,
        password,
    };
    let layout = template::write_unit_template(out, profile, &t, &cal)?;
    let mut sheets = vec![
        template::SHEET_GUIDE.to_string(),
        template::SHEET_INFO.to_string(),
        format!("{} ({} dòng)", template::SHEET_LIST, layout.rows),
    ];
    sheets.extend(layout.forms.iter().map(|f| f.sheet_name().to_string()));
    sheets.push(template::SHEET_REWARD.to_string());
    let q = crate::writer::kit::quarter_text(quarter);
    let msg = match lang {
        Lang::Vi => format!(
            "Đã tạo mẫu sổ đơn vị quý {q}: {shown}\nCác trang: {}.\nSau khi điền, kiểm tra bằng: danhgia validate {shown}",
            sheets.join(", ")
        ),
        Lang::En => format!(
            "Wrote the unit workbook template for {quarter}: {shown}\nSheets: {}.\nOnce filled in, check it with: danhgia validate {shown}",
            sheets.join(", ").replace(" dòng)", " rows)")
        ),
    };
    super::write_stdout(|w| writeln!(w, "{msg}"))?;
    Ok(ExitCode::from(EXIT_OK))
}
