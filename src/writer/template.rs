//! `danhgia template don-vi`: the unit workbook of SPEC §3, ready to fill.
//!
//! Sheets, in order: `Hướng dẫn` (how to fill, the quarter's deadlines, the criteria; see
//! [`super::guide`]), `Thông tin`, `Danh sách`, `Mẫu 03`, `Mẫu 04` and/or `Mẫu 05`,
//! `Đề nghị khen thưởng`. Headers are exactly the names `danhgia validate` reads, so a filled
//! template validates as it is.
//!
//! Decisions (documented in docs/mau-so.md):
//! - `Mẫu 03` is always included: a unit rarely knows in advance whether someone of the "diện BTV
//!   quản lý" track will be scored this quarter, and an empty score sheet is not an error.
//! - With `--so-nguoi N` the staff form is chosen from N (`Mẫu 05` from the profile's large-unit
//!   size, else `Mẫu 04`); without it both are included and the guide says which one to fill.
//! - Score cells accept exactly the scale (1–10 in steps of 0.5) through a custom rule, so 8.3 is
//!   refused as well as 12; a plain "decimal between 1 and 10" would let 8.3 through.
//! - The closed-vocabulary columns of `Danh sách` (`Kỷ luật`, `Thanh tra, kiểm tra`, `Kiểm điểm`,
//!   `Đối tượng`) offer exactly the canonical words of SPEC §2/§3 ([`kit::VOCABULARY_CHOICES`],
//!   each read back by its parser in [`crate::vocab`]); a list too long to be written inline
//!   would go to a hidden sheet ([`kit::ListSheet`]). `Số ngày nghỉ` takes half days.
//! - Every sheet is protected without a password (unless one is given); only input cells are
//!   unlocked, and rows may be inserted.

use super::kit::{self, Kit, ListSheet, MarkAt, RATING_WORDS};
use super::sheet::Sheet;
use super::{new_workbook, official_page, save, WriterError};
use crate::deadlines::QuarterCalendar;
use crate::model::{Bloc, Form, Quarter};
use crate::profile::Profile;
use crate::text::a1;
use crate::vocab::Vocabulary;
use chrono::NaiveDate;
use rust_xlsxwriter::{ConditionalFormatFormula, Formula, Workbook, Worksheet, XlsxError};
use std::path::Path;

pub const SHEET_GUIDE: &str = "Hướng dẫn";
pub const SHEET_INFO: &str = crate::reader::unit::SHEET_INFO;
pub const SHEET_LIST: &str = crate::reader::unit::SHEET_LIST;
pub const SHEET_REWARD: &str = crate::reader::unit::SHEET_REWARD;

/// Rows of the list and score sheets when the head count is not given.
pub const DEFAULT_ROWS: u32 = 50;
/// The largest head count a template is made for.
pub const MAX_HEADCOUNT: u32 = 5000;

/// What to put in a unit template.
#[derive(Debug, Clone)]
pub struct UnitTemplate {
    pub quarter: Quarter,
    pub unit: Option<String>,
    pub code: Option<String>,
    pub bloc: Option<Bloc>,
    pub headcount: Option<u32>,
    pub password: Option<String>,
}

/// What was written, for the command's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLayout {
    pub forms: Vec<Form>,
    /// Empty rows of `Danh sách`.
    pub rows: u32,
}

impl UnitTemplate {
    /// The score sheets: `Mẫu 03` always, and the staff form of the head count (both when unknown).
    pub fn forms(&self, profile: &Profile) -> Vec<Form> {
        match self.headcount {
            Some(n) => vec![Form::M03, profile.staff_form(n)],
            None => Form::ALL.to_vec(),
        }
    }

    /// Empty rows of `Danh sách` (and of the score sheets, see [`Self::form_rows`]).
    pub fn rows(&self) -> u32 {
        self.headcount
            .unwrap_or(DEFAULT_ROWS)
            .clamp(1, MAX_HEADCOUNT)
    }

    /// Empty rows of a score sheet: `Mẫu 04` serves units below the large-unit size, so it never
    /// needs more rows than that.
    pub fn form_rows(&self, profile: &Profile, form: Form) -> u32 {
        let rows = self.rows();
        if form == Form::M04 {
            rows.min(profile.thresholds.large_unit.saturating_sub(1).max(1))
        } else {
            rows
        }
    }

    /// Empty rows of `Đề nghị khen thưởng`: the largest cap the head count allows, at least 5.
    pub fn reward_rows(&self, profile: &Profile) -> u32 {
        let percent = match self.bloc {
            Some(b) => profile.bloc(b).reward_percent,
            None => profile
                .blocs
                .iter()
                .map(|b| b.reward_percent)
                .max()
                .unwrap_or(0),
        };
        let cap = (self.rows() * percent).div_ceil(100);
        cap.clamp(5, self.rows().max(5))
    }
}

// Fixed places the sheets share (zero-based rows and columns).
const INFO_FIRST: u32 = 3;
const LIST_HEADER: u32 = 3;
const FORM_GROUP_ROW: u32 = 2;
const FORM_HEADER: u32 = 3;
const FORM_MARKS: u32 = 4;
const FORM_FIRST: u32 = 5;
pub(crate) const FORM_ITEM_COL: u16 = 3;
const REWARD_HEADER: u32 = 3;

/// Column widths of `Thông tin`: the labels, the values.
const INFO_WIDTHS: [f64; 2] = [44.0, 52.0];
/// The least heights (points) of a title row, an input row of `Thông tin` and `Đề nghị khen
/// thưởng`, a row of a score sheet, a row of `Danh sách` (dropdown words may take two lines) and
/// the header rows: a little air around their text.
const TITLE_ROW: f64 = 21.0;
const INPUT_ROW: f64 = 20.0;
const FORM_ROW: f64 = 18.0;
const LIST_ROW: f64 = 31.5;
const HEADER_ROW: f64 = 33.0;

/// Writes the unit template to `path` (atomically).
pub fn write_unit_template(
    path: &Path,
    profile: &Profile,
    t: &UnitTemplate,
    cal: &QuarterCalendar,
) -> Result<UnitLayout, WriterError> {
    let of = "mẫu sổ của đơn vị / the unit template";
    let (mut wb, layout) =
        build_unit_template(profile, t, cal).map_err(|e| WriterError::from(e).of(path, of))?;
    save(&mut wb, path).map_err(|e| e.of(path, of))?;
    Ok(layout)
}

/// Builds the unit template in memory.
pub fn build_unit_template(
    profile: &Profile,
    t: &UnitTemplate,
    cal: &QuarterCalendar,
) -> Result<(Workbook, UnitLayout), XlsxError> {
    let kit = Kit::new();
    let mut lists = ListSheet::new();
    let forms = t.forms(profile);
    let q = kit::quarter_text(t.quarter);
    let mut wb = new_workbook(&format!(
        "Sổ đánh giá sự chuyên nghiệp của CBCCVC, NLĐ quý {q}"
    ));

    let guide = wb.add_worksheet().set_name(SHEET_GUIDE)?;
    super::guide::write_guide(guide, &kit, profile, t, &forms, cal)?;

    let info = wb.add_worksheet().set_name(SHEET_INFO)?;
    write_info(info, &kit, &mut lists, profile, t, cal)?;

    let list = wb.add_worksheet().set_name(SHEET_LIST)?;
    write_list(list, &kit, &mut lists, profile, t, cal)?;

    for &form in &forms {
        let ws = wb.add_worksheet().set_name(form.sheet_name())?;
        write_form(ws, &kit, profile, t, form)?;
    }

    let reward = wb.add_worksheet().set_name(SHEET_REWARD)?;
    write_reward(reward, &kit, profile, t)?;

    // Dropdown lists too long to be written inline, on a hidden sheet (none by default).
    lists.write(&mut wb, t.password.as_deref())?;

    Ok((
        wb,
        UnitLayout {
            forms,
            rows: t.rows(),
        },
    ))
}

/// The last data row of `Danh sách` (zero-based).
fn list_last(t: &UnitTemplate) -> u32 {
    LIST_HEADER + t.rows()
}

/// `'Danh sách'!$B$5:$B$54`: the `Mã CB` cells of the list, for lookups from other sheets.
fn list_ids_ref(t: &UnitTemplate) -> String {
    format!(
        "'{SHEET_LIST}'!$B${}:$B${}",
        LIST_HEADER + 2,
        list_last(t) + 1
    )
}

// ---------------------------------------------------------------------------------------------
// Thông tin

fn write_info(
    ws: &mut Worksheet,
    kit: &Kit,
    lists: &mut ListSheet,
    profile: &Profile,
    t: &UnitTemplate,
    cal: &QuarterCalendar,
) -> Result<(), XlsxError> {
    let s = &kit.s;
    let q = kit::quarter_text(t.quarter);
    ws.set_formula_result_default("");
    official_page(ws, None)?;
    ws.set_portrait();
    let mut sh = Sheet::new(ws, &INFO_WIDTHS)?;
    sh.merge(0, 0, 0, 1, "THÔNG TIN ĐƠN VỊ", &s.title)?;
    sh.merge(
        1,
        0,
        1,
        1,
        &format!("Sổ đánh giá sự chuyên nghiệp của CBCCVC, NLĐ quý {q}"),
        &s.subtitle,
    )?;
    sh.height(0, TITLE_ROW);

    let label = s.cell.clone();
    let required = s.cell.clone().set_bold();
    let r = INFO_FIRST;

    // Đơn vị
    sh.text(r, 0, "Đơn vị", &required)?;
    match &t.unit {
        Some(u) => sh.text(r, 1, u, &kit.input)?,
        None => sh.blank(r, 1, &kit.input)?,
    }
    sh.ws.add_data_validation(
        r,
        1,
        r,
        1,
        &kit::text_validation(
            200,
            "Tên đơn vị",
            "Ghi đầy đủ tên đơn vị, ví dụ: Phòng Tài chính - Kế hoạch.",
        )?,
    )?;

    // Mã đơn vị
    sh.text(r + 1, 0, "Mã đơn vị", &label)?;
    match &t.code {
        Some(c) => sh.text(r + 1, 1, c, &kit.input)?,
        None => sh.blank(r + 1, 1, &kit.input)?,
    }
    sh.ws.add_data_validation(
        r + 1,
        1,
        r + 1,
        1,
        &kit::text_validation(
            30,
            "Mã đơn vị",
            "Mã ngắn của đơn vị, không trùng với đơn vị khác, ví dụ TCKH. Dùng để đặt tên tệp kết quả (Mẫu 06).",
        )?,
    )?;

    // Khối
    sh.text(r + 2, 0, "Khối", &required)?;
    let bloc_names: Vec<String> = profile.blocs.iter().map(bloc_choice).collect();
    let bloc_refs: Vec<&str> = bloc_names.iter().map(String::as_str).collect();
    match t.bloc {
        Some(b) => sh.text(r + 2, 1, &bloc_choice(profile.bloc(b)), &kit.input)?,
        None => sh.blank(r + 2, 1, &kit.input)?,
    }
    sh.ws.add_data_validation(
        r + 2,
        1,
        r + 2,
        1,
        &kit::list_validation(
            lists,
            &bloc_refs,
            "Khối",
            &format!(
                "Chọn khối của đơn vị: {}. Kết quả của đơn vị được gửi về cơ quan đầu mối của khối.",
                bloc_refs.join("; ")
            ),
        )?,
    )?;

    // Quý: fixed by the template (the month columns depend on it).
    sh.text(r + 3, 0, "Quý", &required)?;
    sh.text(r + 3, 1, &q, &kit.locked_center)?;

    // Tổng số CBCCVC, NLĐ
    let headcount_row = r + 4;
    sh.text(headcount_row, 0, "Tổng số CBCCVC, NLĐ", &required)?;
    match t.headcount {
        Some(n) => sh.number(headcount_row, 1, n as f64, &kit.input_center)?,
        None => sh.blank(headcount_row, 1, &kit.input_center)?,
    }
    sh.ws.add_data_validation(
        headcount_row,
        1,
        headcount_row,
        1,
        &kit::whole_validation(
            1,
            MAX_HEADCOUNT as i32,
            "Tổng số CBCCVC, NLĐ",
            &format!(
                "Số người của đơn vị trong quý, kể cả người nghỉ dài ngày; phải bằng số dòng ở trang Danh sách. Từ {} người trở lên chấm Mẫu 05, dưới {} người chấm Mẫu 04.",
                profile.thresholds.large_unit, profile.thresholds.large_unit
            ),
        )?,
    )?;

    // Ngày gửi
    sh.text(r + 5, 0, "Ngày gửi", &label)?;
    sh.blank(r + 5, 1, &kit.input_date)?;
    let due = cal
        .deadlines
        .iter()
        .find(|(k, _)| *k == crate::deadlines::DeadlineKind::UnitReport)
        .map(|(_, d)| d.due);
    let first = t.quarter.first_day();
    let until = next_quarter_last_day(t.quarter);
    sh.ws.add_data_validation(
        r + 5,
        1,
        r + 5,
        1,
        &kit::date_validation(
            first,
            until,
            "Ngày gửi",
            &match due {
                Some(d) => format!(
                    "Ngày đơn vị gửi sổ, dạng ngày/tháng/năm. Hạn gửi: {}.",
                    d.format("%d/%m/%Y")
                ),
                None => "Ngày đơn vị gửi sổ, dạng ngày/tháng/năm.".to_string(),
            },
        )?,
    )?;
    for row in r..=r + 5 {
        sh.height(row, INPUT_ROW);
    }

    // Self-checks, worked out by Excel while the unit types.
    let check = r + 7;
    sh.merge(
        check,
        0,
        check,
        1,
        "Tự kiểm tra (tự tính, không cần sửa)",
        &kit.section,
    )?;
    let count_row = check + 1;
    sh.text(count_row, 0, "Số người đã ghi ở trang Danh sách", &label)?;
    sh.formula(
        count_row,
        1,
        Formula::new(format!("=COUNTA({})", list_ids_ref(t))).set_result("0"),
        &t.rows().to_string(),
        &kit.total,
    )?;
    let hc = a1(headcount_row, 1);
    let cnt = a1(count_row, 1);
    sh.text(count_row + 1, 0, "Đối chiếu với Tổng số", &label)?;
    let agree = match t.headcount {
        Some(n) => format!("Chưa khớp: Tổng số ghi {n}, Danh sách có 0 người"),
        None => String::new(),
    };
    // The longest the check may say: the largest head count against a full list.
    let longest = format!(
        "Chưa khớp: Tổng số ghi {MAX_HEADCOUNT}, Danh sách có {} người",
        t.rows()
    );
    sh.formula(
        count_row + 1,
        1,
        Formula::new(format!(
            "=IF(ISNUMBER({hc}),IF({cnt}={hc},\"Khớp\",\"Chưa khớp: Tổng số ghi \"&{hc}&\", Danh sách có \"&{cnt}&\" người\"),\"\")"
        ))
        .set_result(agree),
        &longest,
        &kit.locked_center,
    )?;
    sh.text(
        count_row + 2,
        0,
        "Mẫu phiếu cho người không thuộc diện BTV",
        &label,
    )?;
    let large = profile.thresholds.large_unit;
    let staff = match t.headcount {
        Some(n) => profile.staff_form(n).sheet_name().to_string(),
        None => String::new(),
    };
    sh.formula(
        count_row + 2,
        1,
        Formula::new(format!(
            "=IF(ISNUMBER({hc}),IF({hc}>={large},\"Mẫu 05\",\"Mẫu 04\"),\"\")"
        ))
        .set_result(staff),
        Form::M05.sheet_name(),
        &kit.locked_center,
    )?;

    let notes = count_row + 4;
    let lines = [
        "Ô nền vàng là ô cần điền; các mục in đậm là bắt buộc. Ô Quý đã ghi sẵn theo mẫu, không sửa.",
        "Xem trang Hướng dẫn để biết cách điền từng trang và các hạn trong quý.",
    ];
    for (i, line) in lines.iter().enumerate() {
        let row = notes + i as u32;
        sh.merge(row, 0, row, 1, line, &kit.note)?;
    }
    sh.finish_rows()?;
    ws.set_selection(r, 1, r, 1)?;
    kit::protect(ws, t.password.as_deref());
    Ok(())
}

/// The name a `Khối` dropdown offers for a bloc: its name, unless it holds a comma (Excel lists
/// are comma-separated), then an alias without one, then the code (all read back the same).
pub(crate) fn bloc_choice(b: &crate::profile::BlocSpec) -> String {
    if !b.name.contains(',') {
        return b.name.clone();
    }
    b.aliases
        .iter()
        .find(|a| !a.contains(','))
        .cloned()
        .unwrap_or_else(|| b.bloc.code().to_string())
}

fn next_quarter_last_day(q: Quarter) -> NaiveDate {
    let next = if q.q == 4 {
        Quarter {
            year: q.year + 1,
            q: 1,
        }
    } else {
        Quarter {
            year: q.year,
            q: q.q + 1,
        }
    };
    next.last_day()
}

// ---------------------------------------------------------------------------------------------
// Danh sách

#[derive(Clone, Copy, PartialEq, Eq)]
enum ListCol {
    Stt,
    Id,
    Name,
    Birth,
    Title,
    Part,
    InCharge,
    Btv,
    Month(usize),
    Discipline,
    Inspection,
    Review,
    Days,
    From,
    To,
    Start,
    End,
    Kind,
    Note,
}

fn list_columns(q: Quarter) -> Vec<(String, f64, ListCol)> {
    let mut cols = vec![
        ("STT".to_string(), 5.0, ListCol::Stt),
        ("Mã CB".into(), 11.0, ListCol::Id),
        ("Họ và tên".into(), 24.0, ListCol::Name),
        ("Ngày sinh".into(), 11.5, ListCol::Birth),
        ("Chức vụ".into(), 16.0, ListCol::Title),
        ("Bộ phận".into(), 14.0, ListCol::Part),
        ("Phụ trách".into(), 14.0, ListCol::InCharge),
        ("Diện BTV quản lý".into(), 9.0, ListCol::Btv),
    ];
    for (i, m) in q.months().iter().enumerate() {
        cols.push((format!("Tháng {m}"), 16.0, ListCol::Month(i)));
    }
    cols.extend([
        ("Kỷ luật".to_string(), 14.0, ListCol::Discipline),
        ("Thanh tra, kiểm tra".into(), 14.0, ListCol::Inspection),
        ("Kiểm điểm".into(), 11.0, ListCol::Review),
        ("Số ngày nghỉ".into(), 8.0, ListCol::Days),
        ("Nghỉ từ ngày".into(), 11.5, ListCol::From),
        ("Nghỉ đến ngày".into(), 11.5, ListCol::To),
        ("Ngày bắt đầu".into(), 11.5, ListCol::Start),
        ("Ngày thôi".into(), 11.5, ListCol::End),
        ("Đối tượng".into(), 15.0, ListCol::Kind),
        ("Ghi chú".into(), 22.0, ListCol::Note),
    ]);
    cols
}

fn write_list(
    ws: &mut Worksheet,
    kit: &Kit,
    lists: &mut ListSheet,
    profile: &Profile,
    t: &UnitTemplate,
    cal: &QuarterCalendar,
) -> Result<(), XlsxError> {
    let s = &kit.s;
    let q = t.quarter;
    let cols = list_columns(q);
    let last_col = cols.len() as u16 - 1;
    let widths: Vec<f64> = cols.iter().map(|c| c.1).collect();
    official_page(ws, Some((LIST_HEADER, LIST_HEADER)))?;
    let mut sh = Sheet::new(ws, &widths)?;

    sh.merge(
        0,
        0,
        0,
        last_col,
        &format!(
            "DANH SÁCH CBCCVC, NLĐ VÀ XẾP LOẠI HẰNG THÁNG QUÝ {}",
            kit::quarter_text(q)
        ),
        &s.title,
    )?;
    sh.merge(
        1,
        0,
        1,
        last_col,
        "Mỗi người một dòng, kể cả người nghỉ dài ngày. Ô nền vàng là ô cần điền; ở các cột xếp loại, Kỷ luật, Thanh tra, kiểm tra, Kiểm điểm, Đối tượng chỉ chọn giá trị trong danh sách thả xuống (giá trị khác làm người đó bị lỗi dữ liệu).",
        &s.subtitle,
    )?;
    sh.height(0, TITLE_ROW);
    for (c, (name, _, _)) in cols.iter().enumerate() {
        sh.text(LIST_HEADER, c as u16, name, &kit.header)?;
    }

    let first = LIST_HEADER + 1;
    let last = list_last(t);
    // Dropdown words may take two lines.
    let choice_format = kit.input_center.clone().set_text_wrap();
    for row in first..=last {
        sh.height(row, LIST_ROW);
        for (c, (_, _, kind)) in cols.iter().enumerate() {
            let c = c as u16;
            match kind {
                ListCol::Stt => sh.number(row, c, (row - first + 1) as f64, &kit.locked_center)?,
                ListCol::Birth | ListCol::From | ListCol::To | ListCol::Start | ListCol::End => {
                    sh.blank(row, c, &kit.input_date)?
                }
                ListCol::Month(_)
                | ListCol::Discipline
                | ListCol::Inspection
                | ListCol::Review
                | ListCol::Kind => sh.blank(row, c, &choice_format)?,
                ListCol::Btv | ListCol::Days => sh.blank(row, c, &kit.input_center)?,
                _ => sh.blank(row, c, &kit.input_wrap)?,
            }
        }
    }
    sh.finish_rows()?;

    let col_of = |want: ListCol| cols.iter().position(|c| c.2 == want).map(|p| p as u16);
    let absence = profile.thresholds.absence_days;
    let months = q.months();
    for (c, (_, _, kind)) in cols.iter().enumerate() {
        let c = c as u16;
        let top = a1(first, c as u32);
        let dv = match kind {
            ListCol::Stt => continue,
            ListCol::Id => kit::custom_validation(
                format!(
                    "AND(LEN({top})<=30,COUNTIF(${col}${f}:${col}${l},{top})=1)",
                    col = col_letters(c),
                    f = first + 1,
                    l = last + 1
                ),
                "Mã CB",
                "Mã cán bộ, không trùng nhau trong đơn vị. Dùng đúng mã này ở trang Mẫu 03/04/05 và Đề nghị khen thưởng.",
                "Mã CB không hợp lệ",
                "Mã CB đã có ở dòng khác (hoặc dài quá 30 ký tự). Mỗi người một mã riêng.",
            )?,
            ListCol::Name => kit::text_validation(
                100,
                "Họ và tên",
                "Họ và tên đầy đủ, có dấu.",
            )?,
            ListCol::Birth => kit::date_validation(
                NaiveDate::from_ymd_opt(1940, 1, 1).unwrap_or(NaiveDate::MIN),
                q.last_day(),
                "Ngày sinh",
                "Ngày sinh dạng ngày/tháng/năm, ví dụ 15/08/1985 (không bắt buộc).",
            )?,
            ListCol::Title => kit::text_validation(200, "Chức vụ", "Chức vụ, chức danh (không bắt buộc).")?,
            ListCol::Part => kit::text_validation(
                200,
                "Bộ phận",
                "Tổ, bộ phận của người này (không bắt buộc). Lãnh đạo phụ trách bộ phận nào thì ghi tên bộ phận đó ở cột Phụ trách.",
            )?,
            ListCol::InCharge => kit::text_validation(
                255,
                "Phụ trách",
                "Chỉ ghi cho cán bộ diện BTV quản lý: tên các bộ phận phụ trách (như ở cột Bộ phận), cách nhau bằng dấu ; . Để trống nghĩa là phụ trách cả đơn vị.",
            )?,
            ListCol::Btv => kit::x_validation(
                "Diện BTV quản lý",
                "Chọn x nếu là cán bộ diện Ban Thường vụ Thành ủy, Quận ủy quản lý (chấm ở trang Mẫu 03); để trống nếu không.",
            )?,
            ListCol::Month(i) => kit::list_validation(
                lists,
                &RATING_WORDS,
                &format!("Xếp loại tháng {}", months[*i]),
                &format!(
                    "Chọn mức xếp loại tháng {}/{} trong danh sách. Được để trống: người nghỉ từ {absence} ngày làm việc trở lên trong quý; tháng người đó chưa đến hoặc đã thôi công tác ở đơn vị cả tháng.",
                    months[*i], q.year
                ),
            )?,
            ListCol::Discipline => kit::list_validation(
                lists,
                kit::choices(Vocabulary::Discipline),
                "Kỷ luật",
                "Để trống hoặc Không nếu không bị kỷ luật; Đã hết thời hạn nếu thời hạn kỷ luật đã hết. Đang thi hành kỷ luật, Đang xem xét kỷ luật hoặc hình thức kỷ luật: người đó không đạt. Ghi số quyết định ở cột Ghi chú.",
            )?,
            ListCol::Inspection => kit::list_validation(
                lists,
                kit::choices(Vocabulary::Inspection),
                "Thanh tra, kiểm tra",
                "Để trống, Không hoặc Kết luận không sai phạm: không. Đang thanh tra, Đang kiểm tra: người đó không đạt. Có sai phạm (theo kết luận): người đó không đạt và lãnh đạo chấm Mẫu 03 phụ trách người đó cũng không đạt. Ghi nội dung ở cột Ghi chú.",
            )?,
            ListCol::Review => kit::list_validation(
                lists,
                kit::choices(Vocabulary::Review),
                "Kiểm điểm",
                "Phải kiểm điểm: người có vi phạm phải kiểm điểm trách nhiệm. Không làm người đó không đạt, nhưng lãnh đạo chấm Mẫu 03 phụ trách người đó không đạt. Để trống hoặc Không nếu không.",
            )?,
            ListCol::Days => kit::half_days_validation(
                &top,
                cal.working_days,
                "Số ngày nghỉ",
                &format!(
                    "Số ngày làm việc đã nghỉ trong quý, được ghi nửa ngày (2,5); quý này có {} ngày làm việc. Từ {absence} ngày trở lên: không đánh giá. Có thể thay bằng hai cột Nghỉ từ ngày, Nghỉ đến ngày.",
                    cal.working_days
                ),
            )?,
            ListCol::From => kit::date_validation(
                shift_years(q.first_day(), -1),
                q.last_day(),
                "Nghỉ từ ngày",
                "Ngày bắt đầu một đợt nghỉ (thai sản, ốm, không lương, phép…), dạng ngày/tháng/năm. Công cụ tự đếm số ngày làm việc nằm trong quý.",
            )?,
            ListCol::To => kit::date_validation(
                q.first_day(),
                shift_years(q.last_day(), 1),
                "Nghỉ đến ngày",
                "Ngày kết thúc đợt nghỉ, dạng ngày/tháng/năm (có thể sau ngày cuối quý).",
            )?,
            ListCol::Start => kit::date_validation(
                NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or(NaiveDate::MIN),
                q.last_day(),
                "Ngày bắt đầu",
                &format!(
                    "Chỉ ghi khi người này bắt đầu công tác ở đơn vị trong quý (tuyển dụng, chuyển đến), dạng ngày/tháng/năm. Không ở đơn vị từ {absence} ngày làm việc trở lên trong quý (tính cả ngày nghỉ): không đánh giá."
                ),
            )?,
            ListCol::End => kit::date_validation(
                q.first_day(),
                shift_years(q.last_day(), 1),
                "Ngày thôi",
                &format!(
                    "Chỉ ghi khi người này thôi công tác ở đơn vị trong quý (nghỉ hưu, chuyển đi), dạng ngày/tháng/năm. Không ở đơn vị từ {absence} ngày làm việc trở lên trong quý (tính cả ngày nghỉ): không đánh giá."
                ),
            )?,
            ListCol::Kind => kit::list_validation(
                lists,
                kit::choices(Vocabulary::StaffKind),
                "Đối tượng",
                "Để trống là thuộc đối tượng đánh giá. CB, CC, VC, NLĐ, HĐ có BHXH từ 12 tháng, HĐ không xác định thời hạn: được đánh giá. HĐ dưới 12 tháng, HĐ không BHXH: không thuộc đối tượng, không đánh giá, không chấm phiếu.",
            )?,
            ListCol::Note => kit::text_validation(1000, "Ghi chú", "Ghi chú tùy ý.")?,
        };
        ws.add_data_validation(first, c, last, c, &dv)?;
    }

    // A month rated below "tốt" is coloured: that person cannot be "đạt" this quarter.
    if let (Some(m0), Some(m2)) = (col_of(ListCol::Month(0)), col_of(ListCol::Month(2))) {
        let top = a1(first, m0 as u32);
        let low = ConditionalFormatFormula::new()
            .set_rule(Formula::new(format!(
                "=OR({top}=\"{}\",{top}=\"{}\")",
                RATING_WORDS[2], RATING_WORDS[3]
            )))
            .set_format(&kit.cf_rating_low);
        ws.add_conditional_format(first, m0, last, m2, &low)?;
    }

    ws.set_freeze_panes(first, 3)?;
    ws.set_selection(first, 1, first, 1)?;
    kit::protect(ws, t.password.as_deref());
    Ok(())
}

fn shift_years(d: NaiveDate, years: i32) -> NaiveDate {
    use chrono::Datelike;
    d.with_year(d.year() + years)
        .or_else(|| d.pred_opt().and_then(|p| p.with_year(d.year() + years)))
        .unwrap_or(d)
}

/// Column letters of a zero-based column: 3 → "D".
fn col_letters(c: u16) -> String {
    a1(0, c as u32)
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Mẫu 03 / 04 / 05

fn write_form(
    ws: &mut Worksheet,
    kit: &Kit,
    profile: &Profile,
    t: &UnitTemplate,
    form: Form,
) -> Result<(), XlsxError> {
    let s = &kit.s;
    let spec = profile.form(form);
    let items = spec.items;
    let first_item = FORM_ITEM_COL;
    let last_item = FORM_ITEM_COL + items - 1;
    let total_col = last_item + 1;
    let remark_col = last_item + 2;
    let rows = t.form_rows(profile, form);
    let first = FORM_FIRST;
    let last = FORM_FIRST + rows - 1;

    ws.set_formula_result_default("");
    official_page(ws, Some((FORM_GROUP_ROW, FORM_MARKS)))?;
    let mut widths = vec![5.0, 11.0, 24.0];
    widths.extend(std::iter::repeat_n(4.6, usize::from(items)));
    widths.extend([8.5, 24.0]);
    let mut sh = Sheet::new(ws, &widths)?;

    let q = kit::quarter_text(t.quarter);
    let (low, high) = kit::passing_range(profile, spec);
    let mandatory_count = spec.mandatory.iter().filter(|m| **m).count();
    sh.merge(
        0,
        0,
        0,
        remark_col,
        &format!(
            "BẢNG ĐIỂM ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ {q} - {}",
            form.sheet_name().to_uppercase()
        ),
        &s.title,
    )?;
    sh.merge(
        1,
        0,
        1,
        remark_col,
        &format!(
            "{}: {items} nội dung; {mandatory_count} nội dung bắt buộc (cột có x ở dòng Bắt buộc) đạt {} điểm, các nội dung còn lại từ {} điểm; khung tổng điểm đạt {}–{}.",
            spec.title,
            kit::vi_number(profile.thresholds.mandatory_min),
            kit::vi_number(profile.thresholds.other_min),
            kit::vi_total(low),
            kit::vi_total(high),
        ),
        &s.subtitle,
    )?;
    sh.height(0, TITLE_ROW);

    // Group row above the item numbers.
    sh.merge(
        FORM_GROUP_ROW,
        0,
        FORM_GROUP_ROW,
        2,
        "Nhóm tiêu chí",
        &kit.group,
    )?;
    for run in kit::group_runs(spec) {
        let label = match run.group {
            Some(g) => format!("{} ({}–{})", g.name, run.first, run.last),
            None => String::new(),
        };
        sh.merge(
            FORM_GROUP_ROW,
            FORM_ITEM_COL + run.first - 1,
            FORM_GROUP_ROW,
            FORM_ITEM_COL + run.last - 1,
            &label,
            &kit.group,
        )?;
    }
    sh.blank(FORM_GROUP_ROW, total_col, &kit.group)?;
    sh.blank(FORM_GROUP_ROW, remark_col, &kit.group)?;
    sh.height(FORM_GROUP_ROW, HEADER_ROW);

    // Header row.
    sh.text(FORM_HEADER, 0, "STT", &kit.header)?;
    sh.text(FORM_HEADER, 1, "Mã CB", &kit.header)?;
    sh.text(FORM_HEADER, 2, "Họ và tên", &kit.header)?;
    for i in 1..=items {
        let f = if spec.mandatory[(i - 1) as usize] {
            &kit.header_mandatory
        } else {
            &kit.header
        };
        sh.text(FORM_HEADER, FORM_ITEM_COL + i - 1, &i.to_string(), f)?;
    }
    sh.text(FORM_HEADER, total_col, "Tổng điểm", &kit.header)?;
    sh.text(FORM_HEADER, remark_col, "Nhận xét", &kit.header)?;
    sh.height(FORM_HEADER, HEADER_ROW);

    // The `Bắt buộc` row, from the catalogue.
    sh.blank(FORM_MARKS, 0, &kit.mark_label)?;
    sh.blank(FORM_MARKS, 1, &kit.mark_label)?;
    sh.text(FORM_MARKS, 2, "Bắt buộc", &kit.mark_label)?;
    for i in 1..=items {
        let col = FORM_ITEM_COL + i - 1;
        if spec.mandatory[(i - 1) as usize] {
            sh.text(FORM_MARKS, col, "x", &kit.mark)?;
        } else {
            sh.blank(FORM_MARKS, col, &kit.locked_center)?;
        }
    }
    sh.blank(FORM_MARKS, total_col, &kit.locked_center)?;
    sh.text(
        FORM_MARKS,
        remark_col,
        &format!(
            "x: bắt buộc đạt {}",
            kit::vi_number(profile.thresholds.mandatory_min)
        ),
        &kit.mark_label,
    )?;

    // Data rows.
    let first_letters = col_letters(first_item);
    let last_letters = col_letters(last_item);
    for row in first..=last {
        sh.height(row, FORM_ROW);
        sh.number(row, 0, (row - first + 1) as f64, &kit.locked_center)?;
        sh.blank(row, 1, &kit.input)?;
        sh.blank(row, 2, &kit.input)?;
        for col in first_item..=last_item {
            sh.blank(row, col, &kit.input_center)?;
        }
        let r = row + 1;
        let span = format!("{first_letters}{r}:{last_letters}{r}");
        // The total of the scale's highest scores is the widest it shows.
        sh.formula(
            row,
            total_col,
            Formula::new(format!("=IF(COUNT({span})=0,\"\",SUM({span}))")).set_result(""),
            &kit::vi_total(high),
            &kit.total,
        )?;
        sh.blank(row, remark_col, &kit.input)?;
    }
    sh.finish_rows()?;

    // Validations.
    let id_top = a1(first, 1);
    ws.add_data_validation(
        first,
        1,
        last,
        1,
        &kit::custom_validation(
            format!(
                "AND(COUNTIF({},{id_top})=1,COUNTIF($B${}:$B${},{id_top})=1)",
                list_ids_ref(t),
                first + 1,
                last + 1
            ),
            "Mã CB",
            &format!(
                "Mã CB của người được chấm, đúng như ở trang Danh sách; mỗi người một dòng. {}",
                if form == Form::M03 {
                    "Trang này chỉ dành cho người có x ở cột Diện BTV quản lý."
                } else {
                    "Người diện BTV quản lý chấm ở trang Mẫu 03."
                }
            ),
            "Mã CB không hợp lệ",
            "Mã CB này chưa có ở trang Danh sách, hoặc đã có ở dòng khác của trang này. Ghi ở trang Danh sách trước.",
        )?,
    )?;
    ws.add_data_validation(
        first,
        2,
        last,
        2,
        &kit::text_validation(100, "Họ và tên", "Họ và tên như ở trang Danh sách.")?,
    )?;
    let score_top = a1(first, first_item as u32);
    ws.add_data_validation(
        first,
        first_item,
        last,
        last_item,
        &kit::score_validation(profile, &score_top)?,
    )?;
    ws.add_data_validation(
        first,
        remark_col,
        last,
        remark_col,
        &kit::text_validation(
            1000,
            "Nhận xét",
            "Nhận xét của cấp có thẩm quyền (không bắt buộc).",
        )?,
    )?;
    kit::score_colours(
        ws,
        kit,
        profile,
        (first, first_item, last, last_item),
        MarkAt::Row(FORM_MARKS),
    )?;

    ws.set_freeze_panes(first, FORM_ITEM_COL)?;
    ws.set_selection(first, 1, first, 1)?;
    kit::protect(ws, t.password.as_deref());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Đề nghị khen thưởng

fn write_reward(
    ws: &mut Worksheet,
    kit: &Kit,
    profile: &Profile,
    t: &UnitTemplate,
) -> Result<(), XlsxError> {
    let s = &kit.s;
    official_page(ws, Some((REWARD_HEADER, REWARD_HEADER)))?;
    ws.set_portrait();
    let mut sh = Sheet::new(ws, &[5.0, 12.0, 30.0, 16.0])?;
    sh.merge(
        0,
        0,
        0,
        3,
        &format!("ĐỀ NGHỊ KHEN THƯỞNG QUÝ {}", kit::quarter_text(t.quarter)),
        &s.title,
    )?;
    let percents: Vec<String> = profile
        .blocs
        .iter()
        .filter(|b| t.bloc.is_none_or(|k| k == b.bloc))
        .map(|b| format!("{} {}%", b.name, b.reward_percent))
        .collect();
    let note = format!(
        "Để trống cả trang nếu đơn vị không đề nghị: khi đó danh sách khen thưởng do cơ quan đầu mối đề xuất theo tổng điểm. Chỉ đề nghị người đạt chuyên nghiệp; số người được khen thưởng không quá tỷ lệ của khối ({}) số người đạt.",
        percents.join("; ")
    );
    sh.merge(1, 0, 1, 3, &note, &kit.note)?;
    sh.height(0, TITLE_ROW);
    for (c, h) in ["STT", "Mã CB", "Họ và tên", "Thứ tự ưu tiên"]
        .iter()
        .enumerate()
    {
        sh.text(REWARD_HEADER, c as u16, h, &kit.header)?;
    }
    sh.height(REWARD_HEADER, HEADER_ROW);
    let rows = t.reward_rows(profile);
    let first = REWARD_HEADER + 1;
    let last = REWARD_HEADER + rows;
    for row in first..=last {
        sh.number(row, 0, (row - first + 1) as f64, &kit.locked_center)?;
        sh.blank(row, 1, &kit.input)?;
        sh.blank(row, 2, &kit.input)?;
        sh.blank(row, 3, &kit.input_center)?;
        sh.height(row, INPUT_ROW);
    }
    sh.finish_rows()?;
    let id_top = a1(first, 1);
    ws.add_data_validation(
        first,
        1,
        last,
        1,
        &kit::custom_validation(
            format!(
                "AND(COUNTIF({},{id_top})=1,COUNTIF($B${}:$B${},{id_top})=1)",
                list_ids_ref(t),
                first + 1,
                last + 1
            ),
            "Mã CB",
            "Mã CB của người được đề nghị, đúng như ở trang Danh sách.",
            "Mã CB không hợp lệ",
            "Mã CB này chưa có ở trang Danh sách, hoặc đã được đề nghị ở dòng khác.",
        )?,
    )?;
    ws.add_data_validation(
        first,
        2,
        last,
        2,
        &kit::text_validation(100, "Họ và tên", "Họ và tên như ở trang Danh sách.")?,
    )?;
    ws.add_data_validation(
        first,
        3,
        last,
        3,
        &kit::whole_validation(
            1,
            rows as i32,
            "Thứ tự ưu tiên",
            "1 là ưu tiên cao nhất. Khi số người đề nghị vượt tỷ lệ, người có thứ tự ưu tiên nhỏ hơn được xét trước.",
        )?,
    )?;
    ws.set_freeze_panes(first, 0)?;
    ws.set_selection(first, 1, first, 1)?;
    kit::protect(ws, t.password.as_deref());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(headcount: Option<u32>) -> UnitTemplate {
        UnitTemplate {
            quarter: Quarter::new(2024, 2).unwrap(),
            unit: None,
            code: None,
            bloc: None,
            headcount,
            password: None,
        }
    }

    #[test]
    fn forms_follow_the_head_count() {
        let p = Profile::default_profile();
        assert_eq!(t(Some(12)).forms(&p), vec![Form::M03, Form::M04]);
        assert_eq!(t(Some(20)).forms(&p), vec![Form::M03, Form::M05]);
        assert_eq!(t(None).forms(&p), Form::ALL.to_vec());
        assert_eq!(t(None).rows(), DEFAULT_ROWS);
        assert_eq!(t(None).form_rows(&p, Form::M04), 19);
        assert_eq!(t(Some(7)).form_rows(&p, Form::M04), 7);
        assert_eq!(t(Some(40)).form_rows(&p, Form::M05), 40);
    }

    #[test]
    fn reward_rows_cover_the_cap() {
        let p = Profile::default_profile();
        assert_eq!(t(Some(12)).reward_rows(&p), 5);
        assert_eq!(t(Some(100)).reward_rows(&p), 15);
        let mut school = t(Some(100));
        school.bloc = Some(Bloc::TruongHoc);
        assert_eq!(school.reward_rows(&p), 5);
        assert_eq!(t(Some(2)).reward_rows(&p), 5);
    }

    #[test]
    fn list_ids_are_referenced_across_sheets() {
        assert_eq!(list_ids_ref(&t(Some(6))), "'Danh sách'!$B$5:$B$10");
        assert_eq!(col_letters(33), "AH");
    }
}
