//! The `Hướng dẫn` sheet of the unit template: how to fill the workbook, the quarter's deadlines
//! and working days from the profile's calendar, the conditions for "đạt chuyên nghiệp", and the
//! criteria of each form (number, group, contents, mandatory or not) from the profile's catalogue.

use super::kit::{self, Kit};
use super::sheet::{Page, Sheet};
use super::style::Style;
use super::template::UnitTemplate;
use crate::deadlines::{self, DeadlineKind, QuarterCalendar};
use crate::i18n::Lang;
use crate::model::{Bloc, Form};
use crate::profile::{DeadlineRule, Profile};
use chrono::NaiveDate;
use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

/// Column widths: A number, B–C what, D date, E weekday, F notes.
const WIDTHS: [f64; 6] = [9.0, 28.0, 42.0, 12.5, 12.5, 42.0];
const LAST_COL: u16 = 5;
/// The least height of a table row and of a section heading (points): a little air around
/// one line of text.
const TABLE_ROW: f64 = 20.0;
const SECTION_ROW: f64 = 21.0;

/// Writes the guide into `ws`.
pub fn write_guide(
    ws: &mut Worksheet,
    kit: &Kit,
    profile: &Profile,
    t: &UnitTemplate,
    forms: &[Form],
    cal: &QuarterCalendar,
) -> Result<(), XlsxError> {
    let s = &kit.s;
    ws.set_screen_gridlines(false);
    let q = t.quarter;
    let qt = kit::quarter_text(q);

    let mut g = Guide {
        sh: Sheet::new(ws, &WIDTHS)?,
        kit,
        row: 0,
        keep: Vec::new(),
        pending: None,
    };
    let start = g.start();
    g.merged(
        &format!("HƯỚNG DẪN ĐIỀN SỔ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ {qt}"),
        &s.title,
        22.0,
    )?;
    g.merged(&profile.title, &s.subtitle, 0.0)?;
    if let Some(u) = &t.unit {
        g.merged(&format!("Đơn vị: {u}"), &s.bold_center, 0.0)?;
    }
    g.finish(start);
    g.row += 1;

    // 1. Steps.
    g.section("1. Các bước điền sổ")?;
    let absence = profile.thresholds.absence_days;
    let both_staff = forms.contains(&Form::M04) && forms.contains(&Form::M05);
    let large = profile.thresholds.large_unit;
    let m03 = profile.form(Form::M03).items;
    let staff_items = profile.form(Form::M04).items;
    let mut steps: Vec<String> = vec![
        "Trang \"Thông tin\": ghi tên đơn vị, mã đơn vị, chọn khối, ghi tổng số CBCCVC, NLĐ (kể cả người nghỉ dài ngày) và ngày gửi. Ô \"Quý\" đã ghi sẵn theo mẫu, không sửa; cần sổ cho quý khác thì tạo mẫu mới.".to_string(),
        "Trang \"Danh sách\": mỗi người một dòng, kể cả người nghỉ dài ngày. \"Mã CB\" không trùng nhau. Chọn x ở \"Diện BTV quản lý\" cho cán bộ diện Ban Thường vụ Thành ủy, Quận ủy quản lý. Mỗi tháng chọn một mức xếp loại; \"Kỷ luật\", \"Thanh tra, kiểm tra\", \"Kiểm điểm\", \"Đối tượng\" chọn trong danh sách thả xuống hoặc để trống (mục 2). Người nghỉ trong quý ghi \"Số ngày nghỉ\" (số ngày làm việc, được ghi nửa ngày như 2,5) hoặc \"Nghỉ từ ngày\" – \"Nghỉ đến ngày\"; người đến hoặc thôi công tác ở đơn vị trong quý ghi \"Ngày bắt đầu\" hoặc \"Ngày thôi\".".to_string(),
        format!("Trang \"Mẫu 03\" ({m03} nội dung): chỉ người có x ở \"Diện BTV quản lý\"; để trống nếu đơn vị không có ai. {}", if both_staff {
            format!("Trang \"Mẫu 04\" (đơn vị dưới {large} CBCCVC, NLĐ) hoặc \"Mẫu 05\" (từ {large} người trở lên), {staff_items} nội dung: những người còn lại. Sổ này có cả hai trang vì khi tạo chưa biết số người: chỉ điền trang đúng với tổng số của đơn vị, để trống trang kia.")
        } else {
            let staff = forms.iter().find(|f| **f != Form::M03).copied().unwrap_or(Form::M04);
            format!("Trang \"{}\" ({} nội dung): những người còn lại.", staff.sheet_name(), profile.form(staff).items)
        }),
        format!("Không đánh giá trong quý: người nghỉ từ {absence} ngày làm việc trở lên; người không ở đơn vị từ {absence} ngày làm việc trở lên vì đến sau ngày đầu quý hoặc thôi trước ngày cuối quý (tính cả ngày nghỉ); người không thuộc đối tượng (HĐ dưới 12 tháng, HĐ không BHXH). Những người này vẫn ghi ở \"Danh sách\", không chấm ở trang phiếu điểm và không cần xếp loại tháng."),
        format!("Điểm mỗi nội dung từ {min} đến {max}, cách nhau 0,5 điểm ({max}; {a}; {b}; …; {min}); Excel không nhận số khác, ví dụ 8,3 hay 12. Cột có x ở dòng \"Bắt buộc\" (nền đỏ nhạt) là nội dung bắt buộc. Ô điểm tự tô đỏ khi nội dung bắt buộc dưới {mm} điểm, tô vàng khi nội dung khác dưới {om} điểm, tô đỏ đậm khi giá trị không phải điểm hợp lệ (thường do dán từ nơi khác). Cột \"Tổng điểm\" tự tính.",
            min = profile.scale_min, max = profile.scale_max,
            a = kit::vi_number(profile.scale_max * 2 - 1), b = kit::vi_number(profile.scale_max * 2 - 2),
            mm = kit::vi_number(profile.thresholds.mandatory_min), om = kit::vi_number(profile.thresholds.other_min)),
        "Trang \"Đề nghị khen thưởng\": để trống nếu đơn vị không đề nghị; khi đó cơ quan đầu mối đề xuất theo tổng điểm. Nếu đề nghị, ghi Mã CB người đạt chuyên nghiệp và thứ tự ưu tiên (1 là cao nhất).".to_string(),
        format!("Ô nền vàng là ô cần điền. Tiêu đề và danh mục được khóa để tránh sửa nhầm ({}); vẫn chèn được dòng và đổi độ rộng cột. Dán (paste) từ nơi khác thì Excel không kiểm tra: hãy xem màu các ô và kiểm tra lại bằng công cụ.",
            if t.password.is_some() { "có mật khẩu: hỏi cơ quan đầu mối khi cần mở khóa" } else { "không đặt mật khẩu" }),
        "Trước khi gửi, kiểm tra sổ bằng lệnh: danhgia validate <tệp sổ>. Lệnh báo từng ô sai, đúng trang, đúng ô và cách sửa.".to_string(),
    ];
    if t.headcount.is_none() {
        steps.push(format!(
            "Mẫu này có sẵn {} dòng ở mỗi trang. Có thể tạo mẫu vừa số người của đơn vị bằng lệnh: danhgia template don-vi -q {} --so-nguoi <số người> -o <tệp>.",
            t.rows(),
            q
        ));
    }
    for (i, step) in steps.iter().enumerate() {
        let start = g.start();
        g.numbered(&format!("{}.", i + 1), step)?;
        g.finish(start);
    }
    g.row += 1;

    // 2. The columns of Danh sách and the rule "decide only on what was read".
    list_columns(&mut g, profile, forms)?;
    g.row += 1;

    // 3. Deadlines and working days.
    g.section(&format!("3. Các hạn trong quý {qt}"))?;
    let start = g.start();
    g.paragraph(&format!(
        "Theo lịch ngày nghỉ của hồ sơ cấu hình \"{}\". Quy tắc khi hạn rơi vào ngày nghỉ: {}.",
        profile.name,
        cal.rule.words(Lang::Vi)
    ))?;
    let headers = ["STT", "Việc", "", "Hạn", "Thứ", "Ghi chú"];
    let row = g.row;
    g.sh.merge(row, 1, row, 2, headers[1], &kit.header)?;
    for (c, h) in headers.iter().enumerate() {
        if c == 1 || c == 2 {
            continue;
        }
        g.sh.text(row, c as u16, h, &kit.header)?;
    }
    g.sh.height(row, TABLE_ROW);
    g.row += 1;
    // The heading, the rule and the whole table stay on one page.
    for (i, (kind, d)) in cal.deadlines.iter().enumerate() {
        let what = deadline_words(profile, t.bloc, *kind);
        let note = deadline_note(profile, d);
        let row = g.row;
        g.sh.number(row, 0, (i + 1) as f64, &kit.locked_center)?;
        g.sh.merge(row, 1, row, 2, &what, &kit.locked_wrap)?;
        g.sh.text(
            row,
            3,
            &d.due.format("%d/%m/%Y").to_string(),
            &kit.locked_center,
        )?;
        g.sh.text(
            row,
            4,
            deadlines::weekday_words(d.due, Lang::Vi),
            &kit.locked_center,
        )?;
        let note_format = if d.off.is_some() || !d.checked {
            &kit.mark_label
        } else {
            &kit.locked_wrap
        };
        let note_format = note_format.clone().set_text_wrap();
        g.sh.text(row, 5, &note, &note_format)?;
        g.sh.height(row, TABLE_ROW);
        g.row += 1;
    }
    g.finish(start);
    g.row += 1;
    let months: Vec<String> = cal
        .months
        .iter()
        .map(|(m, n)| format!("tháng {m}: {n}"))
        .collect();
    let start = g.start();
    g.paragraph(&format!(
        "Số ngày làm việc trong quý: {} ({}). Người nghỉ từ {absence} ngày làm việc trở lên trong quý không đánh giá.",
        cal.working_days,
        months.join("; ")
    ))?;
    let holidays: Vec<String> = cal
        .holidays
        .iter()
        .map(|h| {
            if h.from == h.to {
                h.from.format("%d/%m/%Y").to_string()
            } else {
                format!("{} – {}", h.from.format("%d/%m"), h.to.format("%d/%m/%Y"))
            }
        })
        .collect();
    let mut days_off = format!(
        "Ngày nghỉ lễ, Tết trong quý: {}.",
        if holidays.is_empty() {
            "không có".to_string()
        } else {
            holidays.join("; ")
        }
    );
    if !cal.makeup_saturdays.is_empty() {
        let sats: Vec<String> = cal
            .makeup_saturdays
            .iter()
            .map(|d| d.format("%d/%m/%Y").to_string())
            .collect();
        days_off.push_str(&format!(
            " Thứ Bảy làm bù (là ngày làm việc): {}.",
            sats.join("; ")
        ));
    }
    g.paragraph(&days_off)?;
    g.finish(start);
    g.row += 1;

    // 4. Conditions.
    g.section("4. Điều kiện đạt chuyên nghiệp")?;
    let mut conditions = vec![
        "Các tháng trong quý xếp loại từ hoàn thành tốt nhiệm vụ trở lên, có ít nhất một tháng hoàn thành xuất sắc nhiệm vụ (người đến hoặc thôi công tác trong quý: chỉ tính các tháng có làm việc ở đơn vị).".to_string(),
        "Không trong thời gian thi hành kỷ luật đảng, chính quyền, không đang bị xem xét kỷ luật; không đang được thanh tra, kiểm tra và không có sai phạm theo kết luận thanh tra, kiểm tra.".to_string(),
    ];
    let mut seen: Vec<Form> = Vec::new();
    for &form in forms {
        let spec = profile.form(form);
        let (low, high) = kit::passing_range(profile, spec);
        let mandatory = spec.mandatory.iter().filter(|m| **m).count();
        // Mẫu 04 and 05 share one sentence when their catalogues agree.
        if seen.iter().any(|f| {
            let o = profile.form(*f);
            o.items == spec.items && o.mandatory == spec.mandatory
        }) {
            continue;
        }
        let same: Vec<&str> = forms
            .iter()
            .filter(|f| {
                let o = profile.form(**f);
                o.items == spec.items && o.mandatory == spec.mandatory
            })
            .map(|f| f.sheet_name())
            .collect();
        seen.push(form);
        conditions.push(format!(
            "{}: {mandatory} nội dung bắt buộc (nội dung {}) đạt {} điểm, {} nội dung còn lại từ {} điểm trở lên; tổng điểm từ {} đến {}.",
            same.join(", "),
            kit::ranges_text(&spec.mandatory),
            kit::vi_number(profile.thresholds.mandatory_min),
            spec.items as usize - mandatory,
            kit::vi_number(profile.thresholds.other_min),
            kit::vi_total(low),
            kit::vi_total(high),
        ));
    }
    conditions.push("Riêng người chấm Mẫu 03: trong đơn vị (hoặc các bộ phận ghi ở cột \"Phụ trách\" của người đó) không có ai xếp loại không hoàn thành nhiệm vụ tháng nào trong quý, bị kỷ luật hoặc đang bị xem xét kỷ luật, có sai phạm theo kết luận thanh tra, kiểm tra, hoặc phải kiểm điểm trách nhiệm. Người đang được thanh tra, kiểm tra mà chưa có kết luận không ảnh hưởng đến lãnh đạo. Chưa rõ tình trạng của ai trong phạm vi phụ trách (ô lỗi, ô trống) thì lãnh đạo cũng bị lỗi dữ liệu.".to_string());
    for c in &conditions {
        let start = g.start();
        g.numbered("•", c)?;
        g.finish(start);
    }
    g.row += 1;

    // 5. Catalogue.
    g.section(&format!(
        "5. Danh mục nội dung đánh giá (hồ sơ \"{}\")",
        profile.name
    ))?;
    for &form in forms {
        let start = g.start();
        catalogue(&mut g, profile, form)?;
        g.finish(start);
        g.row += 1;
    }

    // The heading and each block stay on one page.
    let Guide { sh, keep, .. } = g;
    sh.finish(&Page {
        landscape: true,
        repeat: None,
        keep,
    })?;
    ws.set_selection(0, 0, 0, 0)?;
    kit::protect(ws, t.password.as_deref());
    Ok(())
}

/// Section 2: the columns of `Danh sách` that decide, their closed vocabularies (the words of the
/// dropdowns, [`kit::VOCABULARY_CHOICES`]) and the rule that an unread value is never a "no".
fn list_columns(g: &mut Guide, profile: &Profile, forms: &[Form]) -> Result<(), XlsxError> {
    use crate::vocab::Vocabulary;
    let absence = profile.thresholds.absence_days;
    let words = |v: Vocabulary| kit::choices(v).join("; ");
    g.section("2. Trang \"Danh sách\": chỉ ghi giá trị trong danh sách")?;
    let start = g.start();
    g.paragraph("Công cụ chỉ kết luận theo điều đọc được trong sổ. Các ô xếp loại tháng, \"Diện BTV quản lý\", \"Kỷ luật\", \"Thanh tra, kiểm tra\", \"Kiểm điểm\", \"Đối tượng\" chỉ để trống hoặc ghi đúng một giá trị trong danh sách thả xuống. Một giá trị ngoài danh sách (gõ tay, dán từ nơi khác) hay một công thức chưa có kết quả không bao giờ được hiểu là \"không\": lệnh kiểm tra báo đúng ô đó (value-unclear, formula-no-value) và người đó bị \"lỗi dữ liệu\" (không xếp đạt, cũng không xếp không đạt) cho đến khi sửa. Lãnh đạo chấm Mẫu 03 phụ trách người đó cũng bị lỗi dữ liệu (scope-unknown).")?;
    g.finish(start);
    let mut items = vec![
        format!(
            "Xếp loại tháng: {}. Công cụ cũng đọc các cách viết tắt quen dùng (HTXSNV, HTTNV, HTNV, KHTNV; A, B, C, D). Người được đánh giá mà để trống tháng có làm việc: lỗi dữ liệu.",
            kit::RATING_WORDS.join("; ")
        ),
        format!(
            "\"Kỷ luật\": {}. Để trống, \"Không\" hoặc \"Đã hết thời hạn\" là không bị kỷ luật. Các giá trị còn lại (đang thi hành kỷ luật, đang xem xét kỷ luật, hình thức kỷ luật đang trong thời hạn): người đó không đạt, và lãnh đạo chấm Mẫu 03 phụ trách người đó cũng không đạt.",
            words(Vocabulary::Discipline)
        ),
        format!(
            "\"Thanh tra, kiểm tra\": {}. Để trống, \"Không\", \"Kết luận không sai phạm\" là không. \"Đang thanh tra\", \"Đang kiểm tra\" (chưa có kết luận): người đó không đạt, nhưng không ảnh hưởng đến lãnh đạo. \"Có sai phạm\" theo kết luận: người đó không đạt và lãnh đạo chấm Mẫu 03 phụ trách người đó cũng không đạt.",
            words(Vocabulary::Inspection)
        ),
        format!(
            "\"Kiểm điểm\": {}. \"Phải kiểm điểm\" (có vi phạm phải kiểm điểm trách nhiệm) không làm chính người đó không đạt, nhưng lãnh đạo chấm Mẫu 03 phụ trách người đó không đạt. Để trống là không.",
            words(Vocabulary::Review)
        ),
        format!(
            "\"Số ngày nghỉ\": số ngày làm việc đã nghỉ trong quý (thai sản, ốm, không lương, phép…), cộng dồn các đợt, được ghi nửa ngày (0,5; 2,5). Hoặc ghi một đợt nghỉ ở \"Nghỉ từ ngày\" – \"Nghỉ đến ngày\": công cụ tự đếm ngày làm việc nằm trong quý. Nghỉ từ {absence} ngày làm việc trở lên: không đánh giá (vang-15-ngay)."
        ),
        format!(
            "\"Ngày bắt đầu\", \"Ngày thôi\": chỉ ghi khi người đó đến hoặc thôi công tác ở đơn vị trong quý. Số ngày làm việc của quý không ở đơn vị, cộng cả ngày nghỉ, từ {absence} ngày trở lên: không đánh giá (khong-du-thoi-gian). Dưới {absence} ngày: vẫn đánh giá; tháng hoàn toàn trước ngày bắt đầu hoặc sau ngày thôi được để trống xếp loại, chỉ các tháng có làm việc được tính."
        ),
        format!(
            "\"Đối tượng\": {}. Để trống là thuộc đối tượng. CB, CC, VC, NLĐ, HĐ có BHXH từ 12 tháng, HĐ không xác định thời hạn: được đánh giá. HĐ dưới 12 tháng, HĐ không BHXH: không thuộc đối tượng đánh giá (ngoai-doi-tuong), không chấm phiếu.",
            words(Vocabulary::StaffKind)
        ),
    ];
    // The `Bắt buộc` rows: the counts are the catalogue's, whatever the row marks.
    let mut counts: Vec<(Vec<&str>, usize)> = Vec::new();
    for &form in forms {
        let n = profile.form(form).mandatory.iter().filter(|m| **m).count();
        match counts.iter_mut().find(|(_, c)| *c == n) {
            Some((names, _)) => names.push(form.sheet_name()),
            None => counts.push((vec![form.sheet_name()], n)),
        }
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(names, n)| format!("đúng {n} nội dung ở {}", names.join(", ")))
        .collect();
    items.push(format!(
        "Dòng \"Bắt buộc\" ở trang phiếu điểm đã ghi sẵn theo danh mục, không sửa. Dòng này phải đánh x {}; đánh số khác (kể cả không đánh x nào) là lỗi mandatory-row-invalid và không ai trên trang đó được xét (lỗi dữ liệu).",
        counts.join("; ")
    ));
    for item in &items {
        let start = g.start();
        g.numbered("•", item)?;
        g.finish(start);
    }
    Ok(())
}

/// What a deadline asks, with the offices of the profile (the unit's own focal office when its
/// bloc is known).
fn deadline_words(profile: &Profile, bloc: Option<Bloc>, kind: DeadlineKind) -> String {
    let dang = &profile.bloc(Bloc::DangDoanThe).focal;
    let focals: Vec<&str> = match bloc {
        Some(b) => vec![profile.bloc(b).focal.as_str()],
        None => profile.blocs.iter().map(|b| b.focal.as_str()).collect(),
    };
    match kind {
        DeadlineKind::SelfEvaluation => {
            "Từng CBCCVC, NLĐ tự đánh giá, tự chấm điểm (phiếu Mẫu 03, 04, 05)".to_string()
        }
        DeadlineKind::Authority => "Cấp có thẩm quyền đánh giá, chấm điểm".to_string(),
        DeadlineKind::UnitReport => format!(
            "Đơn vị gửi sổ này (kết quả Mẫu 06) về cơ quan đầu mối của khối: {}",
            focals.join("; ")
        ),
        DeadlineKind::RewardDossier => {
            let mut receivers: Vec<&str> = match bloc {
                Some(b) => vec![profile.reward_receiver(b)],
                None => profile
                    .blocs
                    .iter()
                    .map(|b| b.reward_receiver.as_str())
                    .collect(),
            };
            receivers.dedup();
            format!(
                "Đơn vị gửi hồ sơ đề nghị khen thưởng (trang Đề nghị khen thưởng) về: {}",
                receivers.join("; ")
            )
        }
        DeadlineKind::BlocReport => {
            format!("Cơ quan đầu mối các khối gửi kết quả tổng hợp (Mẫu 07) về {dang}")
        }
        DeadlineKind::DossierForward => format!(
            "{dang} chuyển hồ sơ khen thưởng (khối Đảng, đoàn thể) sang {}",
            profile.bloc(Bloc::ChinhQuyen).focal
        ),
        DeadlineKind::Publication => "Công khai kết quả đánh giá".to_string(),
    }
}

/// The note of a deadline: why its day is off and what the profile's rule makes of it.
fn deadline_note(profile: &Profile, d: &deadlines::Deadline) -> String {
    let year = |date: NaiveDate| chrono::Datelike::year(&date);
    if !d.checked {
        return format!(
            "Hồ sơ cấu hình chưa có lịch năm {}: chưa kiểm tra được ngày nghỉ lễ.",
            year(d.nominal)
        );
    }
    let wording = if d.before {
        format!(
            "Văn bản ghi \"trước ngày {}\": hạn cuối là ngày {}. ",
            d.written.format("%d/%m/%Y"),
            d.nominal.format("%d/%m/%Y")
        )
    } else {
        String::new()
    };
    let Some(off) = d.off else {
        return wording.trim_end().to_string();
    };
    let day = format!(
        "{wording}Ngày {} rơi vào {}",
        d.nominal.format("%d/%m/%Y"),
        off.words(Lang::Vi)
    );
    match profile.deadlines.rule {
        DeadlineRule::Flag => {
            let before = deadlines::resolve(
                d.nominal,
                DeadlineRule::PreviousWorkingDay,
                &profile.calendar,
            );
            if before.checked && before.due != d.nominal {
                format!(
                    "{day}: nên xong sớm hơn, chậm nhất {} {}.",
                    deadlines::weekday_words(before.due, Lang::Vi),
                    before.due.format("%d/%m/%Y")
                )
            } else {
                format!("{day}: nên xong sớm hơn.")
            }
        }
        DeadlineRule::NextWorkingDay => format!("{day}: lùi sang ngày làm việc tiếp theo."),
        DeadlineRule::PreviousWorkingDay => {
            format!("{day}: đưa lên ngày làm việc liền trước.")
        }
    }
}

/// One form's criteria: a heading, then one row per run of items that share a group and a
/// mandatory status ("1–15 | Đạo đức công vụ | … | x | 10 | D–R").
fn catalogue(g: &mut Guide, profile: &Profile, form: Form) -> Result<(), XlsxError> {
    let kit = g.kit;
    let spec = profile.form(form);
    let (low, high) = kit::passing_range(profile, spec);
    g.merged(
        &format!(
            "{} – {}: {} nội dung; bắt buộc: nội dung {}; khung tổng điểm đạt {}–{}.",
            form.sheet_name(),
            spec.title,
            spec.items,
            kit::ranges_text(&spec.mandatory),
            kit::vi_total(low),
            kit::vi_total(high)
        ),
        &kit.s.bold.clone().set_text_wrap(),
        0.0,
    )?;
    let column_header = format!("Cột trên trang {}", form.sheet_name());
    let headers = [
        "Nội dung số",
        "Nhóm tiêu chí",
        "Nội dung của nhóm",
        "Bắt buộc",
        "Điểm tối thiểu để đạt",
        column_header.as_str(),
    ];
    let row = g.row;
    for (c, h) in headers.iter().enumerate() {
        g.sh.text(row, c as u16, h, &kit.header)?;
    }
    g.sh.height(row, 33.0);
    g.row += 1;
    let letters = |item: u16| -> String {
        crate::text::a1(0, (super::template::FORM_ITEM_COL + item - 1) as u32)
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect()
    };
    for run in kit::group_runs(spec) {
        let mut i = run.first;
        while i <= run.last {
            let mandatory = spec.mandatory[(i - 1) as usize];
            let mut j = i;
            while j < run.last && spec.mandatory[j as usize] == mandatory {
                j += 1;
            }
            let (numbers, columns) = if i == j {
                (i.to_string(), letters(i))
            } else {
                (format!("{i}–{j}"), format!("{}–{}", letters(i), letters(j)))
            };
            let (name, contents) = match run.group {
                Some(grp) => (grp.name.as_str(), grp.contents.as_str()),
                None => ("", ""),
            };
            let min = if mandatory {
                profile.thresholds.mandatory_min
            } else {
                profile.thresholds.other_min
            };
            let row = g.row;
            g.sh.text(row, 0, &numbers, &kit.locked_center)?;
            g.sh.text(row, 1, name, &kit.locked_wrap)?;
            g.sh.text(row, 2, contents, &kit.locked_wrap)?;
            if mandatory {
                g.sh.text(row, 3, "x", &kit.mark)?;
            } else {
                g.sh.blank(row, 3, &kit.locked_center)?;
            }
            g.sh.text(row, 4, &kit::vi_number(min), &kit.locked_center)?;
            g.sh.text(row, 5, &columns, &kit.locked_center)?;
            g.sh.height(row, TABLE_ROW);
            g.row += 1;
            i = j + 1;
        }
    }
    Ok(())
}

/// A cursor over the guide's rows, laid out by a [`Sheet`].
struct Guide<'a> {
    sh: Sheet<'a>,
    kit: &'a Kit,
    row: u32,
    /// Ranges of rows to keep on one page.
    keep: Vec<(u32, u32)>,
    /// A heading waiting to be kept with the block after it.
    pending: Option<u32>,
}

impl Guide<'_> {
    /// Where the next block starts: at a pending heading, or here.
    fn start(&mut self) -> u32 {
        self.pending.take().unwrap_or(self.row)
    }

    fn finish(&mut self, start: u32) {
        if self.row > start {
            self.keep.push((start, self.row - 1));
        }
    }

    /// A line across the sheet, its row as tall as the text needs and at least `least` points.
    fn merged(&mut self, value: &str, style: &Style, least: f64) -> Result<(), XlsxError> {
        self.sh
            .merge(self.row, 0, self.row, LAST_COL, value, style)?;
        self.sh.height(self.row, least);
        self.row += 1;
        Ok(())
    }

    /// A section heading, kept on the page of the block that follows it.
    fn section(&mut self, title: &str) -> Result<(), XlsxError> {
        let start = self.row;
        let style = self.kit.section.clone();
        self.merged(title, &style, SECTION_ROW)?;
        self.pending = Some(start);
        Ok(())
    }

    fn paragraph(&mut self, value: &str) -> Result<(), XlsxError> {
        let style = self.kit.paragraph.clone();
        self.merged(value, &style, 0.0)
    }

    /// A numbered (or bulleted) paragraph: the number in A, the text across B–F.
    fn numbered(&mut self, number: &str, value: &str) -> Result<(), XlsxError> {
        let kit = self.kit;
        let num = kit
            .s
            .base
            .clone()
            .set_align(FormatAlign::Right)
            .set_align(FormatAlign::Top);
        self.sh.text(self.row, 0, number, &num)?;
        self.sh
            .merge(self.row, 1, self.row, LAST_COL, value, &kit.paragraph)?;
        self.row += 1;
        Ok(())
    }
}
