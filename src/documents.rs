//! The heading of an official document (SPEC §8): who issues it, in which format (the State's,
//! Nghị định 30/2020/NĐ-CP, or the Party's, Hướng dẫn 36-HD/VPTW), its number line, place and
//! date. Pure: the writers lay these lines out.

use crate::calendar::CalendarError;
use crate::deadlines::{self, DayOff, DeadlineKind};
use crate::i18n::Lang;
use crate::model::{Bloc, Quarter};
use crate::profile::{DocFormat, Profile};
use chrono::{Datelike, NaiveDate};

/// The documents danhgia writes for signing, each with the deadline it is sent by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// Mẫu 06: a unit's notice of its results (sent by the submission day).
    Mau06,
    /// Mẫu 07: a bloc's summary (sent by the bloc report day).
    Mau07,
    /// The whole-district result (published by the publication day).
    District,
    /// The reward list and its tờ trình (the dossiers forwarded by then).
    Rewards,
    /// The year's report (`nam`), dated with the publication of the fourth quarter's results:
    /// resolve it for quarter IV of the year.
    Year,
    /// A focal office's report of the signs to review (001 Bước 4), before its mẫu 07.
    Review,
}

impl DocKind {
    pub fn deadline(self) -> DeadlineKind {
        match self {
            DocKind::Mau06 => DeadlineKind::UnitReport,
            DocKind::Mau07 => DeadlineKind::BlocReport,
            DocKind::District => DeadlineKind::Publication,
            DocKind::Rewards => DeadlineKind::DossierForward,
            DocKind::Year => DeadlineKind::Publication,
            DocKind::Review => DeadlineKind::BlocReport,
        }
    }

    /// The kind of document in its number ("TB" thông báo, "TTr" tờ trình, "BC" báo cáo).
    pub fn abbreviation(self) -> &'static str {
        match self {
            DocKind::Rewards => "TTr",
            DocKind::Year | DocKind::Review => "BC",
            _ => "TB",
        }
    }
}

/// Who issues a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    pub format: DocFormat,
    /// The body above the issuer ("UBND quận Long Biên", "Đảng bộ quận Long Biên").
    pub superior: String,
    /// The issuing body ("Phòng Nội vụ", "UBND phường Bồ Đề", "Ban Tổ chức Quận ủy").
    pub body: String,
    /// The body's symbol in document numbers: the unit's `Mã đơn vị` when it wrote one, else
    /// the initials of its name ([`abbreviation`]).
    pub symbol: String,
}

impl Issuer {
    fn new(profile: &Profile, body: &str, format: DocFormat) -> Issuer {
        let superior = match format {
            DocFormat::State => &profile.documents.state_superior,
            DocFormat::Party => &profile.documents.party_superior,
        };
        Issuer {
            format,
            superior: superior.clone(),
            body: body.trim().to_string(),
            symbol: abbreviation(body),
        }
    }

    /// A unit of a bloc: its bloc's format; its symbol is the code it wrote in `Mã đơn vị`
    /// (`code`), upper-cased, else the initials of its name.
    pub fn unit(profile: &Profile, unit: &str, bloc: Bloc, code: Option<&str>) -> Issuer {
        let mut issuer = Issuer::new(profile, unit, profile.bloc(bloc).document_format);
        if let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) {
            issuer.symbol = code.to_uppercase();
        }
        issuer
    }

    /// An office of the district (a bloc's focal office, the office that lists rewards): the
    /// Party format when a bloc of the Party format has it as its focal office or receiver.
    pub fn office(profile: &Profile, office: &str) -> Issuer {
        let key = crate::text::key(office);
        let party = profile.blocs.iter().any(|b| {
            b.document_format == DocFormat::Party
                && (crate::text::key(&b.focal) == key
                    || crate::text::key(&b.reward_receiver) == key)
        });
        let format = if party {
            DocFormat::Party
        } else {
            DocFormat::State
        };
        Issuer::new(profile, office, format)
    }

    /// The focal office of a bloc, issuing its mẫu 07.
    pub fn bloc(profile: &Profile, bloc: Bloc) -> Issuer {
        let spec = profile.bloc(bloc);
        Issuer::new(profile, &spec.focal, spec.document_format)
    }

    /// The whole-district result: Ban Tổ chức (the Đảng–đoàn thể bloc's focal office) merges the
    /// blocs (SPEC §1).
    pub fn district(profile: &Profile) -> Issuer {
        Issuer::bloc(profile, Bloc::DangDoanThe)
    }
}

/// The lines of a heading, ready to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub format: DocFormat,
    /// Upper case: "UBND QUẬN LONG BIÊN" / "ĐẢNG BỘ QUẬN LONG BIÊN".
    pub superior: String,
    /// Upper case: "PHÒNG NỘI VỤ".
    pub body: String,
    /// "Số: 12/TB-PNV" (State) or "Số 12-TB/BTCQU" (Party); the number left blank to write by
    /// hand when not given.
    pub number: String,
    /// "Long Biên, ngày 28 tháng 3 năm 2024".
    pub place_date: String,
}

/// The upper-case form of a name as a heading prints it ("ủy" keeps its accent).
fn upper(s: &str) -> String {
    s.trim().to_uppercase()
}

/// The abbreviation of a body in a document number: an upper-case word that starts the name is
/// the abbreviation ("UBND phường Bồ Đề" → "UBND"); else the initials of its words, upper-case
/// words kept whole, "và" left out ("Phòng Giáo dục và Đào tạo" → "PGDĐT", "Ban Tổ chức Quận ủy"
/// → "BTCQU").
pub fn abbreviation(body: &str) -> String {
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let is_acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase());
    if let Some(first) = words.first() {
        if is_acronym(first) {
            return first.to_string();
        }
    }
    let mut out = String::new();
    for w in words {
        if crate::text::key(w) == "va" || w == "&" {
            continue;
        }
        if is_acronym(w) {
            out.push_str(w);
        } else if let Some(c) = w.chars().next() {
            out.push_str(&initial(c));
        }
    }
    out
}

/// The initial of a word in upper case, without its tone and vowel marks (đ stays Đ).
fn initial(c: char) -> String {
    use unicode_normalization::UnicodeNormalization;
    if matches!(c, 'đ' | 'Đ') {
        return "Đ".to_string();
    }
    let base: String = std::iter::once(c)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    base.to_uppercase()
}

/// The number line: "Số: 12/TB-PNV" in the State format, "Số 12-TB/BTCQU" in the Party's. With no
/// number, room to write it by hand.
pub fn number_line(format: DocFormat, number: Option<&str>, kind: DocKind, symbol: &str) -> String {
    let abbr = symbol;
    let kind = kind.abbreviation();
    let n = number.map(str::trim).filter(|n| !n.is_empty());
    match (format, n) {
        (DocFormat::State, Some(n)) => format!("Số: {n}/{kind}-{abbr}"),
        (DocFormat::State, None) => format!("Số:        /{kind}-{abbr}"),
        (DocFormat::Party, Some(n)) => format!("Số {n}-{kind}/{abbr}"),
        (DocFormat::Party, None) => format!("Số        -{kind}/{abbr}"),
    }
}

/// "Long Biên, ngày 03 tháng 4 năm 2024" (the day in two digits, the month as written in
/// documents: "tháng 01" and "tháng 02" keep their zero).
pub fn place_date(place: &str, date: NaiveDate) -> String {
    let m = date.month();
    let month = if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        date.day(),
        date.year()
    )
}

impl Heading {
    pub fn new(
        profile: &Profile,
        issuer: &Issuer,
        kind: DocKind,
        number: Option<&str>,
        date: NaiveDate,
    ) -> Heading {
        Heading {
            format: issuer.format,
            superior: upper(&issuer.superior),
            body: upper(&issuer.body),
            number: number_line(issuer.format, number, kind, &issuer.symbol),
            place_date: place_date(&profile.place, date),
        }
    }
}

/// Why a document cannot be dated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The date given is a day off.
    #[error("ngày {date} là ngày nghỉ ({why})", date = .0.format("%d/%m/%Y"), why = .1.words(Lang::Vi))]
    DayOff(NaiveDate, DayOff),
    /// The calendar lacks the year of the date: its days off are not known.
    #[error("{0}")]
    Calendar(CalendarError),
}

impl DateError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DateError::DayOff(d, why), Lang::En) => format!(
                "{} is a day off ({}); give a working day with --ngay",
                d.format("%d/%m/%Y"),
                why.words(Lang::En)
            ),
            (DateError::DayOff(..), Lang::Vi) => {
                format!("{self}; hãy ghi một ngày làm việc với --ngay")
            }
            (DateError::Calendar(CalendarError::YearMissing(y)), Lang::Vi) => format!(
                "lịch ngày nghỉ của hồ sơ cấu hình không có năm {y}, nên không biết ngày ký văn bản có phải ngày làm việc không: thêm năm {y} vào [[calendar]] của hồ sơ (--profile) hoặc ghi ngày với --ngay"
            ),
            (DateError::Calendar(CalendarError::YearMissing(y)), Lang::En) => format!(
                "the profile's calendar has no year {y}, so the document date cannot be checked against days off: add {y} to the profile's [[calendar]] (--profile) or give the date with --ngay"
            ),
            (DateError::Calendar(e), _) => e.to_string(),
        }
    }
}

/// The date of a document: the date given (`--ngay`), which must not be a day off, or the day
/// its deadline falls on (the nominal last day), moved back to the working day before it when
/// it is a day off. A year missing from the calendar is an error that names it: a date is never
/// guessed.
pub fn document_date(
    q: Quarter,
    kind: DocKind,
    profile: &Profile,
    given: Option<NaiveDate>,
) -> Result<NaiveDate, DateError> {
    let cal = &profile.calendar;
    if let Some(d) = given {
        // A year the calendar lacks is an error too: its holidays are not known, and a date on
        // one must never be printed (add the year to the profile's calendar).
        return match deadlines::day_off(cal, d).map_err(DateError::Calendar)? {
            None => Ok(d),
            Some(why) => Err(DateError::DayOff(d, why)),
        };
    }
    let mut d = deadlines::deadline(q, kind.deadline(), profile).nominal;
    // The longest run of days off (Tết) is about ten days: a month is a safe bound.
    for _ in 0..31 {
        if cal.is_working_day(d).map_err(DateError::Calendar)? {
            return Ok(d);
        }
        d = d
            .pred_opt()
            .ok_or(DateError::Calendar(CalendarError::YearMissing(d.year())))?;
    }
    Err(DateError::Calendar(CalendarError::YearMissing(d.year())))
}

/// A date given for the documents of quarter `q` that an office would hardly sign them on:
/// before the quarter's last month, or more than three months after the quarter ends.
pub fn unusual_date(q: Quarter, d: NaiveDate) -> bool {
    let from = crate::deadlines::day_of_month(q.year, q.months()[2], 1);
    d < from || d > q.last_day() + chrono::Duration::days(92)
}

/// The document options a command was given: `--so` and `--ngay`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocOptions {
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
}

/// A document's number (none: written by hand) and date, settled before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub number: Option<String>,
    pub date: NaiveDate,
}

impl DocOptions {
    /// The number and date of a document of this kind for quarter `q`.
    pub fn resolve(
        &self,
        q: Quarter,
        kind: DocKind,
        profile: &Profile,
    ) -> Result<Dated, DateError> {
        Ok(Dated {
            number: self.number.clone(),
            date: document_date(q, kind, profile, self.date)?,
        })
    }

    /// The same, without a number (documents numbered by the body that signs them).
    pub fn resolve_unnumbered(
        &self,
        q: Quarter,
        kind: DocKind,
        profile: &Profile,
    ) -> Result<Dated, DateError> {
        Ok(Dated {
            number: None,
            ..self.resolve(q, kind, profile)?
        })
    }
}

impl Dated {
    pub fn heading(&self, profile: &Profile, issuer: &Issuer, kind: DocKind) -> Heading {
        Heading::new(profile, issuer, kind, self.number.as_deref(), self.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(year: i32, n: u8) -> Quarter {
        Quarter::new(year, n).unwrap()
    }

    #[test]
    fn unusual_dates_are_before_the_last_month_or_long_after() {
        let q1 = q(2024, 1);
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(unusual_date(q1, d(2024, 1, 2)));
        assert!(unusual_date(q1, d(2021, 1, 4)));
        assert!(!unusual_date(q1, d(2024, 3, 1)));
        assert!(!unusual_date(q1, d(2024, 4, 2)));
        assert!(!unusual_date(q1, d(2024, 6, 28)));
        assert!(unusual_date(q1, d(2024, 7, 15)));
    }

    #[test]
    fn abbreviations_as_offices_write_them() {
        assert_eq!(abbreviation("Phòng Nội vụ"), "PNV");
        assert_eq!(abbreviation("Phòng Giáo dục và Đào tạo"), "PGDĐT");
        assert_eq!(abbreviation("Ban Tổ chức Quận ủy"), "BTCQU");
        assert_eq!(abbreviation("UBND phường Bồ Đề"), "UBND");
        assert_eq!(abbreviation("Trường THCS Ngọc Lâm"), "TTHCSNL");
        assert_eq!(abbreviation("Ủy ban MTTQ quận"), "UBMTTQQ");
    }

    #[test]
    fn number_lines_follow_each_format() {
        let s = number_line(DocFormat::State, Some("12"), DocKind::Mau07, "PNV");
        assert_eq!(s, "Số: 12/TB-PNV");
        let p = number_line(DocFormat::Party, Some("12"), DocKind::District, "BTCQU");
        assert_eq!(p, "Số 12-TB/BTCQU");
        let blank = number_line(DocFormat::State, None, DocKind::Rewards, "PNV");
        assert!(
            blank.starts_with("Số: ") && blank.ends_with("/TTr-PNV"),
            "{blank}"
        );
        let blank = number_line(DocFormat::Party, Some("  "), DocKind::Mau06, "BTG");
        assert!(
            blank.starts_with("Số ") && blank.ends_with("-TB/BTG"),
            "{blank}"
        );
        let p = Profile::default_profile();
        // A unit's symbol is the code it wrote; without one, the initials of its name.
        let tckh = Issuer::unit(
            &p,
            "Phòng Tài chính - Kế hoạch",
            Bloc::ChinhQuyen,
            Some("tckh"),
        );
        assert_eq!(tckh.symbol, "TCKH");
        let none = Issuer::unit(&p, "Phòng Tài chính - Kế hoạch", Bloc::ChinhQuyen, None);
        assert_eq!(none.symbol, "PTCKH");
        assert_eq!(Issuer::office(&p, "Phòng Nội vụ").symbol, "PNV");
    }

    #[test]
    fn the_party_format_for_the_party_bloc_and_its_offices() {
        let p = Profile::default_profile();
        assert_eq!(
            Issuer::unit(&p, "Ban Tuyên giáo Quận ủy", Bloc::DangDoanThe, None).format,
            DocFormat::Party
        );
        assert_eq!(
            Issuer::unit(&p, "UBND phường Bồ Đề", Bloc::ChinhQuyen, None).format,
            DocFormat::State
        );
        assert_eq!(
            Issuer::unit(&p, "Trường THCS Ngọc Lâm", Bloc::TruongHoc, None).format,
            DocFormat::State
        );
        assert_eq!(Issuer::bloc(&p, Bloc::DangDoanThe).format, DocFormat::Party);
        assert_eq!(Issuer::bloc(&p, Bloc::ChinhQuyen).format, DocFormat::State);
        assert_eq!(Issuer::bloc(&p, Bloc::TruongHoc).format, DocFormat::State);
        let d = Issuer::district(&p);
        assert_eq!(
            (d.format, d.body.as_str()),
            (DocFormat::Party, "Ban Tổ chức Quận ủy")
        );
        assert_eq!(d.superior, "Đảng bộ quận Long Biên");
        assert_eq!(
            Issuer::office(&p, "Ban Tổ chức Quận ủy").format,
            DocFormat::Party
        );
        let pnv = Issuer::office(&p, "Phòng Nội vụ");
        assert_eq!(
            (pnv.format, pnv.superior.as_str()),
            (DocFormat::State, "UBND quận Long Biên")
        );
        let h = Heading::new(
            &p,
            &pnv,
            DocKind::Rewards,
            None,
            NaiveDate::from_ymd_opt(2024, 4, 1).unwrap(),
        );
        assert_eq!(h.superior, "UBND QUẬN LONG BIÊN");
        assert_eq!(h.body, "PHÒNG NỘI VỤ");
        assert_eq!(h.place_date, "Long Biên, ngày 01 tháng 4 năm 2024");
    }

    #[test]
    fn a_document_is_dated_on_a_working_day() {
        let p = Profile::default_profile();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // Q2/2024: the 28th of June is a Friday.
        assert_eq!(
            document_date(q(2024, 2), DocKind::Mau06, &p, None),
            Ok(d(2024, 6, 28))
        );
        // Q3/2024: 28/09/2024 is a Saturday → Friday the 27th; the 30th is a Monday.
        assert_eq!(
            document_date(q(2024, 3), DocKind::Mau06, &p, None),
            Ok(d(2024, 9, 27))
        );
        assert_eq!(
            document_date(q(2024, 3), DocKind::Mau07, &p, None),
            Ok(d(2024, 9, 30))
        );
        // Q1/2025: publication "ngày 03" of April (Thursday); the tờ trình "trước ngày 02" →
        // the 1st (Tuesday).
        assert_eq!(
            document_date(q(2025, 1), DocKind::District, &p, None),
            Ok(d(2025, 4, 3))
        );
        assert_eq!(
            document_date(q(2025, 1), DocKind::Rewards, &p, None),
            Ok(d(2025, 4, 1))
        );
        // Q3/2025: 03/10/2025 is a Friday; 30/09 a Tuesday. Q4/2023: 03/01/2024 a Wednesday.
        assert_eq!(
            document_date(q(2023, 4), DocKind::District, &p, None),
            Ok(d(2024, 1, 3))
        );
        // Every default date of every quarter the calendar covers is a working day.
        for year in 2023..=2025 {
            for n in 1..=4 {
                for kind in [
                    DocKind::Mau06,
                    DocKind::Mau07,
                    DocKind::District,
                    DocKind::Rewards,
                ] {
                    let date = document_date(q(year, n), kind, &p, None).unwrap();
                    assert_eq!(
                        p.calendar.is_working_day(date),
                        Ok(true),
                        "{year} Q{n} {kind:?}"
                    );
                }
            }
        }
        // A year missing from the calendar is named, never guessed.
        let e = document_date(q(2026, 4), DocKind::District, &p, None).unwrap_err();
        assert_eq!(e, DateError::Calendar(CalendarError::YearMissing(2027)));
        assert!(e.message(Lang::Vi).contains("năm 2027"));
        // A date given must be a working day.
        assert_eq!(
            document_date(q(2024, 1), DocKind::Mau07, &p, Some(d(2024, 3, 30))),
            Err(DateError::DayOff(d(2024, 3, 30), DayOff::Saturday))
        );
        assert!(matches!(
            document_date(q(2024, 1), DocKind::Mau07, &p, Some(d(2024, 4, 30))),
            Err(DateError::DayOff(_, DayOff::Holiday))
        ));
        assert_eq!(
            document_date(q(2024, 1), DocKind::Mau07, &p, Some(d(2024, 5, 4))),
            Ok(d(2024, 5, 4)),
            "a make-up Saturday"
        );
        // A date given in a year the calendar lacks: its holidays are unknown, so it is refused.
        assert_eq!(
            document_date(q(2026, 4), DocKind::District, &p, Some(d(2027, 1, 4))),
            Err(DateError::Calendar(CalendarError::YearMissing(2027)))
        );
    }
}
