//! The reward list workbook (`khen-thuong.xlsx`): a cover sheet with the figures a tờ trình needs
//! (people, money in figures and in words), the list of people rewarded, and a per-unit summary
//! that says for every unit how its cap was reached — and why it is 0 when it is. The tool's
//! suggestions for units that proposed nobody stand apart on their own sheet ("Gợi ý — đơn vị
//! chưa đề nghị"): never in the list of people rewarded, never in the totals.

use super::sheet::{Page, Sheet};
use super::{new_workbook, official_heading, save, signature_block, Style, Styles, WriterError};
use crate::documents::{Dated, DocKind, Heading, Issuer};
use crate::model::Bloc;
use crate::money;
use crate::profile::Profile;
use crate::rewards::{RewardList, Source, UnitRewards};
use rust_xlsxwriter::{FormatAlign, Workbook, XlsxError};
use std::path::Path;

/// The title of the section of suggestions (units that proposed nobody).
pub const SUGGESTED_TITLE: &str = "Gợi ý — đơn vị chưa đề nghị";
pub const SUGGESTED_NOTE: &str = "Đây không phải danh sách khen thưởng: các đơn vị dưới đây chưa gửi đề nghị khen thưởng nên không ai được khen thưởng. Công cụ gợi ý những người đơn vị có thể đề nghị (người đạt chuyên nghiệp, xếp theo tổng điểm, số nội dung đạt 10 điểm, Mã CB; trong số được khen tối đa). Không tính vào số người, số tiền khen thưởng.";

/// Sheet names.
pub const SHEET_COVER: &str = "Tờ trình";
pub const SHEET_LIST: &str = "Danh sách";
pub const SHEET_UNITS: &str = "Tổng hợp đơn vị";
pub const SHEET_SUGGESTED: &str = "Gợi ý";

/// The header row of a table, with the panes frozen below it (the page repeats it).
fn table_head(sh: &mut Sheet, s: &Styles, head: u32, columns: &[&str]) -> Result<(), XlsxError> {
    for (col, label) in columns.iter().enumerate() {
        sh.text(head, col as u16, label, &s.header)?;
    }
    sh.ws.set_freeze_panes(head + 1, 0)?;
    Ok(())
}

/// The issuing office: the office that receives the dossiers of the only bloc present (SPEC §2:
/// Phòng Nội vụ for schools and the chính quyền bloc, Ban Tổ chức Quận ủy for the Đảng–đoàn thể
/// bloc), else Phòng Nội vụ, the standing office of the district's emulation council.
fn issuer(list: &RewardList, profile: &Profile) -> String {
    let mut blocs: Vec<Bloc> = list.units.iter().map(|u| u.bloc).collect();
    blocs.sort();
    blocs.dedup();
    match blocs.as_slice() {
        [b] => profile.reward_receiver(*b).to_string(),
        _ => profile.bloc(Bloc::ChinhQuyen).focal.clone(),
    }
}

/// The heading of the reward list's sheets: the issuing office in its format, dated as the
/// command settled it.
pub fn heading(list: &RewardList, profile: &Profile, doc: &Dated) -> Heading {
    let issuer = Issuer::office(profile, &issuer(list, profile));
    doc.heading(profile, &issuer, DocKind::Rewards)
}

fn total_cell(
    sh: &mut Sheet,
    row: u32,
    col: u16,
    total: Option<crate::model::Total>,
    s: &Styles,
) -> Result<(), XlsxError> {
    match total {
        Some(t) => {
            let style = if t.0 % 2 == 0 { &s.int } else { &s.score };
            sh.number(row, col, t.0 as f64 / 2.0, style)?;
        }
        None => sh.text(row, col, "", &s.cell_center)?,
    }
    Ok(())
}

fn money_cell(
    sh: &mut Sheet,
    row: u32,
    col: u16,
    d: rust_decimal::Decimal,
    f: &Style,
) -> Result<(), XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    // Whole đồng of a reward list are far below 2^53: exact as a spreadsheet number.
    let v = money::whole_dong(d).to_f64().unwrap_or(0.0);
    sh.number(row, col, v, f)?;
    Ok(())
}

fn title_block(
    sh: &mut Sheet,
    s: &Styles,
    heading: &Heading,
    last: u16,
    split: (u16, u16),
    (title, subtitle): (&str, &str),
) -> Result<u32, XlsxError> {
    let mut row = official_heading(sh, s, 0, heading, (0, split.0), (split.1, last))?;
    sh.merge(row, 0, row, last, title, &s.title)?;
    row += 1;
    sh.merge(
        row,
        0,
        row,
        last,
        subtitle,
        &s.subtitle.clone().set_text_wrap(),
    )?;
    Ok(row + 2)
}

fn quarter_words(list: &RewardList) -> String {
    format!("QUÝ {} NĂM {}", list.quarter.roman(), list.quarter.year)
}

/// The cover sheet: the figures of the tờ trình.
fn cover(
    wb: &mut Workbook,
    s: &Styles,
    list: &RewardList,
    profile: &Profile,
    heading: &Heading,
) -> Result<(), XlsxError> {
    const LAST: u16 = 5;
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_COVER)?;
    let widths = [6.0, 30.0, 14.0, 14.0, 16.0, 30.0];
    let mut sh = Sheet::new(ws, &widths)?;
    let para = s.base.clone().set_text_wrap().set_align(FormatAlign::Top);
    let label = s.cell.clone().set_text_wrap();
    let value = s.cell.clone().set_align(FormatAlign::Right).set_bold();

    let mut row = title_block(
        &mut sh,
        s,
        heading,
        LAST,
        (2, 3),
        (
            &format!(
                "SỐ LIỆU\nĐỀ NGHỊ KHEN THƯỞNG CÁ NHÂN ĐẠT CHUYÊN NGHIỆP {}",
                quarter_words(list)
            ),
            "(Kèm theo Tờ trình đề nghị khen thưởng)",
        ),
    )?;

    let dat: u32 = list.units.iter().map(|u| u.dat).sum();
    let cap: u32 = list.units.iter().map(|u| u.cap).sum();
    let proposed: u32 = list.units.iter().map(|u| u.proposed).sum();
    let no_proposal = list
        .units
        .iter()
        .filter(|u| u.source == Source::DeXuat)
        .count();
    let rate = list.rate.normalize().to_string().replace('.', ",");

    let table_first = row + 1;
    sh.text(row, 0, "STT", &s.header)?;
    sh.merge(row, 1, row, 3, "Nội dung", &s.header)?;
    sh.merge(row, 4, row, LAST, "Số liệu", &s.header)?;
    row += 1;
    let mut n = 0;
    let mut line = |sh: &mut Sheet, row: &mut u32, what: &str, v: &str| -> Result<(), XlsxError> {
        n += 1;
        sh.number(*row, 0, n as f64, &s.int)?;
        sh.merge(*row, 1, *row, 3, what, &label)?;
        sh.merge(*row, 4, *row, LAST, v, &value)?;
        *row += 1;
        Ok(())
    };
    line(
        &mut sh,
        &mut row,
        "Số đơn vị có kết quả đánh giá",
        &list.units.len().to_string(),
    )?;
    line(
        &mut sh,
        &mut row,
        "Số người đạt chuyên nghiệp trong quý",
        &dat.to_string(),
    )?;
    line(
        &mut sh,
        &mut row,
        "Số người được khen thưởng tối đa theo tỷ lệ",
        &cap.to_string(),
    )?;
    line(
        &mut sh,
        &mut row,
        "Số người các đơn vị đề nghị",
        &proposed.to_string(),
    )?;
    line(
        &mut sh,
        &mut row,
        "Số người được khen thưởng",
        &list.people.to_string(),
    )?;
    if no_proposal > 0 {
        line(
            &mut sh,
            &mut row,
            "Số đơn vị chưa gửi đề nghị (không khen thưởng)",
            &no_proposal.to_string(),
        )?;
    }
    let p = &list.pricing;
    let date = p.decision_date.format("%d/%m/%Y").to_string();
    line(
        &mut sh,
        &mut row,
        &format!(
            "Ngày quyết định khen thưởng{}",
            if p.default_date {
                " (mặc định: ngày làm việc đầu tiên sau hạn Ban Tổ chức chuyển hồ sơ)"
            } else {
                ""
            }
        ),
        &date,
    )?;
    line(
        &mut sh,
        &mut row,
        &match p.mode {
            crate::profile::SalaryDate::Decision => {
                format!("Mức lương cơ sở áp dụng ngày {date}")
            }
            crate::profile::SalaryDate::Months => {
                "Mức lương cơ sở tháng cuối quý (tính theo từng tháng)".to_string()
            }
        },
        &format!("{} đồng", money::group_digits(p.base_salary)),
    )?;
    line(
        &mut sh,
        &mut row,
        &format!(
            "Mức thưởng mỗi người: {rate} × mức lương cơ sở × 3 tháng{}",
            match p.mode {
                crate::profile::SalaryDate::Decision => format!(
                    " = {} đồng, làm tròn lên bội số {} đồng (Nghị định 91/2017/NĐ-CP, Điều 68)",
                    money::group_digits(p.exact),
                    money::group_digits(p.round_up)
                ),
                crate::profile::SalaryDate::Months => String::new(),
            }
        ),
        &format!("{} đồng", money::group_digits(list.amount_per_person)),
    )?;
    if p.mode == crate::profile::SalaryDate::Months {
        for m in &list.months {
            let what = format!(
                "    Tháng {}/{}: {rate} × {} đồng",
                m.month,
                list.quarter.year,
                money::group_digits(m.base_salary)
            );
            sh.merge(row, 1, row, 3, &what, &label)?;
            sh.merge(
                row,
                4,
                row,
                LAST,
                &format!("{} đồng", money::group_digits(m.amount)),
                &s.cell.clone().set_align(FormatAlign::Right),
            )?;
            sh.text(row, 0, "", &s.cell)?;
            row += 1;
        }
    }
    n += 1;
    sh.number(row, 0, n as f64, &s.int)?;
    sh.merge(
        row,
        1,
        row,
        3,
        "Tổng số tiền khen thưởng (đồng)",
        &label.clone().set_bold(),
    )?;
    sh.merge(
        row,
        4,
        row,
        LAST,
        &format!("{} đồng", money::group_digits(list.total)),
        &value,
    )?;
    row += 1;
    let words = format!(
        "Bằng chữ: {}. (Mỗi người {} đồng — {}; mức lương cơ sở {} đồng áp dụng ngày {date}, ngày quyết định khen thưởng.)",
        money::dong_in_words(list.total),
        money::group_digits(list.amount_per_person),
        money::dong_in_words(list.amount_per_person).to_lowercase(),
        money::group_digits(p.base_salary)
    );
    sh.merge(
        row,
        0,
        row,
        LAST,
        &words,
        &s.cell.clone().set_italic().set_text_wrap(),
    )?;
    row += 2;

    // Notes: units with no place (grouped by why), suggestions, late units, rejected proposals.
    let mut notes: Vec<String> = zero_cap_notes(list);
    let no_proposal_units: Vec<&str> = list
        .units
        .iter()
        .filter(|u| u.source == Source::DeXuat)
        .map(|u| u.unit.as_str())
        .collect();
    if !no_proposal_units.is_empty() {
        notes.push(format!(
            "Chưa gửi đề nghị khen thưởng, nên không ai được khen thưởng: {}. Gợi ý người có thể đề nghị ở trang '{SHEET_SUGGESTED}' (không tính vào số người, số tiền).",
            name_list(&no_proposal_units)
        ));
    }
    for u in list.units.iter().filter(|u| u.late.is_some()) {
        if let Some((sent, deadline)) = u.late {
            let what = match list.late_policy {
                crate::profile::LatePolicy::Reject => "đề nghị không được xét",
                crate::profile::LatePolicy::Accept => "vẫn được xét",
            };
            notes.push(format!(
                "{} gửi ngày {}, sau hạn {}: {what}.",
                u.unit,
                sent.format("%d/%m/%Y"),
                deadline.format("%d/%m/%Y")
            ));
        }
    }
    let rejected: usize = list.units.iter().map(|u| u.rejected.len()).sum();
    if rejected > 0 {
        notes.push(format!(
            "{rejected} trường hợp đề nghị không được khen thưởng: xem cột 'Ghi chú' của trang '{SHEET_UNITS}'."
        ));
    }
    if !notes.is_empty() {
        sh.merge(row, 0, row, LAST, "Ghi chú:", &s.bold)?;
        row += 1;
        for note in notes {
            let t = format!("- {note}");
            sh.merge(row, 0, row, LAST, &t, &para)?;
            row += 1;
        }
    }
    let last_text = row - 1;
    let end = signature_block(
        &mut sh,
        s,
        row + 1,
        (0, 2),
        (3, LAST),
        "NGƯỜI LẬP BIỂU",
        &format!("TRƯỞNG {}", issuer(list, profile).to_uppercase()),
    )?;
    sh.finish(&Page {
        landscape: false,
        repeat: None,
        keep: vec![(0, table_first), (last_text, end - 1)],
    })?;
    Ok(())
}

/// The units whose cap is 0, grouped by why, in plain words (the per-unit arithmetic is in the
/// `Tổng hợp đơn vị` sheet).
fn zero_cap_notes(list: &RewardList) -> Vec<String> {
    let mut notes = Vec::new();
    let zero: Vec<&UnitRewards> = list.units.iter().filter(|u| u.cap == 0).collect();
    let nobody: Vec<&str> = zero
        .iter()
        .filter(|u| u.dat == 0)
        .map(|u| u.unit.as_str())
        .collect();
    if !nobody.is_empty() {
        notes.push(format!(
            "Không có người đạt chuyên nghiệp nên không có suất khen thưởng: {}.",
            name_list(&nobody)
        ));
    }
    let mut percents: Vec<u32> = zero
        .iter()
        .filter(|u| u.dat > 0)
        .map(|u| u.basis.percent)
        .collect();
    percents.sort_unstable();
    percents.dedup();
    for p in percents {
        let group: Vec<&&UnitRewards> = zero
            .iter()
            .filter(|u| u.dat > 0 && u.basis.percent == p)
            .collect();
        let b = group[0].basis;
        let (base, who) = match b.base {
            crate::profile::RewardBase::Dat => ("số người đạt", "người đạt"),
            crate::profile::RewardBase::Headcount => ("tổng số CBCCVC, NLĐ", "CBCCVC, NLĐ"),
        };
        let names: Vec<String> = group
            .iter()
            .map(|u| format!("{} ({})", u.unit, b_count(u)))
            .collect();
        let why = match b.needed_for_one() {
            Some(n) => format!(
                "tỷ lệ {p}% của {base} {} ra 0 (cần ít nhất {n} {who} mới có 1 suất)",
                match b.rounding {
                    crate::profile::Rounding::Down => "làm tròn xuống",
                    crate::profile::Rounding::Nearest => "làm tròn",
                    crate::profile::Rounding::Up => "làm tròn lên",
                }
            ),
            None => format!("tỷ lệ khen thưởng {p}%"),
        };
        notes.push(format!(
            "Không có suất khen thưởng vì {why}: {}.",
            name_list(&names)
        ));
    }
    notes
}

/// Names for a note: all of them when few; otherwise the first ones and how many more, since a
/// city's list would not fit in a cell (Excel holds at most 32 767 characters) nor on a page.
fn name_list<S: AsRef<str>>(names: &[S]) -> String {
    const SHOWN: usize = 12;
    let shown: Vec<&str> = names.iter().take(SHOWN).map(|n| n.as_ref()).collect();
    if names.len() <= SHOWN {
        shown.join(", ")
    } else {
        format!(
            "{} và {} đơn vị khác (xem từng đơn vị ở trang '{SHEET_UNITS}')",
            shown.join(", "),
            names.len() - SHOWN
        )
    }
}

/// The number the percentage applies to, for the notes.
fn b_count(u: &UnitRewards) -> String {
    match u.basis.base {
        crate::profile::RewardBase::Dat => format!("{} người đạt", u.dat),
        crate::profile::RewardBase::Headcount => format!("{} CBCCVC, NLĐ", u.basis.headcount),
    }
}

/// The list of people rewarded.
fn people_sheet(
    wb: &mut Workbook,
    s: &Styles,
    list: &RewardList,
    profile: &Profile,
    heading: &Heading,
) -> Result<(), XlsxError> {
    const LAST: u16 = 6;
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_LIST)?;
    let widths = [6.0, 26.0, 20.0, 30.0, 10.0, 15.0, 26.0];
    let mut sh = Sheet::new(ws, &widths)?;
    let mut row = title_block(
        &mut sh,
        s,
        heading,
        LAST,
        (2, 3),
        (
            &format!(
                "DANH SÁCH\nCÁ NHÂN ĐẠT CHUYÊN NGHIỆP ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG {}",
                quarter_words(list)
            ),
            &format!(
                "(Mức thưởng: {} đồng/người — {} × mức lương cơ sở {} đồng áp dụng ngày {} (ngày quyết định khen thưởng) × 3 tháng{})",
                money::group_digits(list.amount_per_person),
                list.rate.normalize().to_string().replace('.', ","),
                money::group_digits(list.pricing.base_salary),
                list.pricing.decision_date.format("%d/%m/%Y"),
                match list.pricing.mode {
                    crate::profile::SalaryDate::Decision => format!(
                        ", làm tròn lên bội số {} đồng",
                        money::group_digits(list.pricing.round_up)
                    ),
                    crate::profile::SalaryDate::Months => String::new(),
                }
            ),
        ),
    )?;
    let head = row;
    table_head(
        &mut sh,
        s,
        head,
        &[
            "STT",
            "Họ và tên",
            "Chức vụ",
            "Đơn vị",
            "Tổng điểm",
            "Số tiền (đồng)",
            "Ghi chú",
        ],
    )?;
    row += 1;
    let mut n = 0;
    for u in &list.units {
        let note = "";
        for a in &u.awardees {
            n += 1;
            sh.number(row, 0, n as f64, &s.int)?;
            sh.text(row, 1, &a.name, &s.cell_wrap)?;
            sh.text(row, 2, &a.title, &s.cell_wrap)?;
            sh.text(row, 3, &u.unit, &s.cell_wrap)?;
            total_cell(&mut sh, row, 4, a.total, s)?;
            money_cell(&mut sh, row, 5, list.amount_per_person, &s.money)?;
            sh.text(row, 6, note, &s.cell_wrap)?;
            row += 1;
        }
    }
    if n == 0 {
        sh.merge(
            row,
            0,
            row,
            LAST,
            "Không có người được khen thưởng trong quý (xem trang 'Tổng hợp đơn vị').",
            &s.cell_center,
        )?;
        row += 1;
    }
    sh.merge(
        row,
        0,
        row,
        4,
        &format!("Tổng cộng: {} người", list.people),
        &s.total_label,
    )?;
    money_cell(&mut sh, row, 5, list.total, &s.total_money)?;
    sh.text(row, 6, "", &s.cell)?;
    row += 1;
    let words = format!("Bằng chữ: {}.", money::dong_in_words(list.total));
    sh.merge(row, 0, row, LAST, &words, &s.italic)?;
    let end = signature_block(
        &mut sh,
        s,
        row + 2,
        (0, 2),
        (4, LAST),
        "NGƯỜI LẬP BIỂU",
        &format!("TRƯỞNG {}", issuer(list, profile).to_uppercase()),
    )?;
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        // The last person stays with the total, the amount in words and the signature.
        keep: vec![(0, head + 1), (row.saturating_sub(2).max(head), end - 1)],
    })?;
    Ok(())
}

/// The `Ghi chú` of a unit in the summary.
pub fn unit_note(u: &UnitRewards, list: &RewardList) -> String {
    use crate::i18n::Lang::Vi;
    let mut parts: Vec<String> = Vec::new();
    if u.from_mau06 {
        parts.push(format!("{}.", crate::mau06::note(Vi)));
    }
    if u.cap == 0 {
        parts.push(u.basis.explain(Vi));
    }
    if u.source == Source::DeXuat {
        parts.push(if u.suggested.is_empty() {
            "Đơn vị không gửi đề nghị: không khen thưởng.".to_string()
        } else {
            format!(
                "Đơn vị không gửi đề nghị: không khen thưởng; gợi ý {} người ở trang '{SHEET_SUGGESTED}'.",
                u.suggested.len()
            )
        });
    }
    if let Some((sent, deadline)) = u.late {
        parts.push(format!(
            "Gửi ngày {}, sau hạn {}{}.",
            sent.format("%d/%m/%Y"),
            deadline.format("%d/%m/%Y"),
            match list.late_policy {
                crate::profile::LatePolicy::Reject => ": không xét khen thưởng",
                crate::profile::LatePolicy::Accept => "",
            }
        ));
    }
    if !u.rejected.is_empty() {
        let who: Vec<String> = u
            .rejected
            .iter()
            .map(|r| {
                if r.without_id() {
                    format!("{} ({})", r.name, r.words(Vi))
                } else {
                    format!("{} {} ({})", r.id, r.name, r.words(Vi))
                }
            })
            .collect();
        parts.push(format!("Không được khen thưởng: {}.", who.join("; ")));
    }
    parts.join(" ")
}

/// The per-unit summary.
fn units_sheet(
    wb: &mut Workbook,
    s: &Styles,
    list: &RewardList,
    profile: &Profile,
    heading: &Heading,
) -> Result<(), XlsxError> {
    const LAST: u16 = 9;
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_UNITS)?;
    let widths = [5.0, 28.0, 14.0, 9.0, 8.0, 10.0, 9.0, 10.0, 14.0, 44.0];
    let mut sh = Sheet::new(ws, &widths)?;
    let mut row = title_block(
        &mut sh,
        s,
        heading,
        LAST,
        (3, 5),
        (
            &format!(
                "TỔNG HỢP\nSỐ LƯỢNG KHEN THƯỞNG CÁ NHÂN ĐẠT CHUYÊN NGHIỆP THEO ĐƠN VỊ {}",
                quarter_words(list)
            ),
            &format!(
                "(Tỷ lệ \"không quá\" tính trên {}, {})",
                match profile.reward_base {
                    crate::profile::RewardBase::Dat => "số người đạt chuyên nghiệp của đơn vị",
                    crate::profile::RewardBase::Headcount => "tổng số CBCCVC, NLĐ của đơn vị",
                },
                match profile.rounding {
                    crate::profile::Rounding::Down => "làm tròn xuống",
                    crate::profile::Rounding::Nearest => "làm tròn",
                    crate::profile::Rounding::Up => "làm tròn lên",
                }
            ),
        ),
    )?;
    let head = row;
    table_head(
        &mut sh,
        s,
        head,
        &[
            "STT",
            "Đơn vị",
            "Khối",
            "Số người đạt",
            "Tỷ lệ",
            "Số được khen tối đa",
            "Số đề nghị",
            "Số được khen thưởng",
            "Số tiền (đồng)",
            "Ghi chú",
        ],
    )?;
    row += 1;
    let pct = s
        .cell
        .clone()
        .set_align(FormatAlign::Center)
        .set_num_format("0%");
    for (i, u) in list.units.iter().enumerate() {
        sh.number(row, 0, (i + 1) as f64, &s.int)?;
        sh.text(row, 1, &u.unit, &s.cell_wrap)?;
        sh.text(row, 2, &profile.bloc(u.bloc).name, &s.cell_wrap)?;
        sh.number(row, 3, u.dat as f64, &s.int)?;
        sh.number(row, 4, u.basis.percent as f64 / 100.0, &pct)?;
        sh.number(row, 5, u.cap as f64, &s.int)?;
        match u.source {
            Source::DeNghi => {
                sh.number(row, 6, u.proposed as f64, &s.int)?;
            }
            Source::DeXuat => sh.text(row, 6, "Không gửi", &s.cell_center)?,
        }
        sh.number(row, 7, u.accepted.len() as f64, &s.int)?;
        money_cell(&mut sh, row, 8, u.total, &s.money)?;
        let note = unit_note(u, list);
        sh.text(row, 9, &note, &s.cell_wrap)?;
        row += 1;
    }
    sh.merge(row, 0, row, 2, "Tổng cộng", &s.total_label)?;
    let sum = |f: &dyn Fn(&UnitRewards) -> u32| {
        list.units.iter().map(|u| u64::from(f(u))).sum::<u64>() as f64
    };
    sh.number(row, 3, sum(&|u| u.dat), &s.total_int)?;
    sh.text(row, 4, "", &s.cell)?;
    sh.number(row, 5, sum(&|u| u.cap), &s.total_int)?;
    sh.number(row, 6, sum(&|u| u.proposed), &s.total_int)?;
    sh.number(row, 7, list.people as f64, &s.total_int)?;
    money_cell(&mut sh, row, 8, list.total, &s.total_money)?;
    sh.text(row, 9, "", &s.cell)?;
    let end = signature_block(
        &mut sh,
        s,
        row + 2,
        (0, 2),
        (6, LAST),
        "NGƯỜI LẬP BIỂU",
        &format!("TRƯỞNG {}", issuer(list, profile).to_uppercase()),
    )?;
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1), (row.saturating_sub(1).max(head), end - 1)],
    })?;
    Ok(())
}

/// The suggestions for the units that proposed nobody, apart from the list of people rewarded:
/// no money column, no totals, no signature.
fn suggestions_sheet(wb: &mut Workbook, s: &Styles, list: &RewardList) -> Result<(), XlsxError> {
    const LAST: u16 = 7;
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_SUGGESTED)?;
    let widths = [6.0, 28.0, 12.0, 26.0, 20.0, 10.0, 12.0, 30.0];
    let mut sh = Sheet::new(ws, &widths)?;
    let mut row = 0;
    sh.merge(
        row,
        0,
        row,
        LAST,
        &format!(
            "{} — {}",
            SUGGESTED_TITLE.to_uppercase(),
            quarter_words(list)
        ),
        &s.title,
    )?;
    row += 1;
    sh.merge(
        row,
        0,
        row,
        LAST,
        SUGGESTED_NOTE,
        &s.italic.clone().set_text_wrap().set_align(FormatAlign::Top),
    )?;
    row += 2;
    let head = row;
    table_head(
        &mut sh,
        s,
        head,
        &[
            "STT",
            "Đơn vị",
            "Mã CB",
            "Họ và tên",
            "Chức vụ",
            "Tổng điểm",
            "Số nội dung 10 điểm",
            "Ghi chú",
        ],
    )?;
    row += 1;
    let mut n = 0;
    for u in list.units.iter().filter(|u| !u.suggestions.is_empty()) {
        for a in &u.suggestions {
            n += 1;
            sh.number(row, 0, n as f64, &s.int)?;
            sh.text(row, 1, &u.unit, &s.cell_wrap)?;
            sh.text(row, 2, &a.id, &s.cell_center)?;
            sh.text(row, 3, &a.name, &s.cell_wrap)?;
            sh.text(row, 4, &a.title, &s.cell_wrap)?;
            total_cell(&mut sh, row, 5, a.total, s)?;
            sh.number(row, 6, a.tens as f64, &s.int)?;
            sh.text(row, 7, "Gợi ý, chưa được đề nghị", &s.cell_wrap)?;
            row += 1;
        }
    }
    sh.finish(&Page {
        landscape: true,
        repeat: Some((head, head)),
        keep: vec![(0, head + 1)],
    })?;
    Ok(())
}

/// Builds the reward list workbook.
pub fn build(list: &RewardList, profile: &Profile, doc: &Dated) -> Result<Workbook, WriterError> {
    let s = Styles::new();
    let mut wb = new_workbook(&format!(
        "Danh sách khen thưởng quý {}/{}",
        list.quarter.roman(),
        list.quarter.year
    ));
    let heading = heading(list, profile, doc);
    cover(&mut wb, &s, list, profile, &heading)?;
    people_sheet(&mut wb, &s, list, profile, &heading)?;
    units_sheet(&mut wb, &s, list, profile, &heading)?;
    if list.units.iter().any(|u| !u.suggestions.is_empty()) {
        suggestions_sheet(&mut wb, &s, list)?;
    }
    Ok(wb)
}

/// Writes the reward list workbook to `path` (atomically).
pub fn write(
    list: &RewardList,
    profile: &Profile,
    doc: &Dated,
    path: &Path,
) -> Result<(), WriterError> {
    build(list, profile, doc)
        .and_then(|mut wb| save(&mut wb, path))
        .map_err(|e| e.of(path, "danh sách khen thưởng / the reward list"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_name_lists_are_cut_with_a_count() {
        let names: Vec<String> = (1..=2000).map(|i| format!("Trường số {i}")).collect();
        let t = super::name_list(&names);
        assert!(t.starts_with("Trường số 1, Trường số 2,"));
        assert!(t.contains("và 1988 đơn vị khác"));
        assert!(t.len() < 1000);
        assert_eq!(super::name_list(&["A", "B"]), "A, B");
    }
}
