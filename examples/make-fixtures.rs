//! Generates danhgia's test fixtures: small unit workbooks, one per behaviour, and the manifest
//! `README.md` that says what `danhgia` must report for each of them.
//!
//! ```text
//! cargo run --example make-fixtures            # writes into ./fixtures
//! cargo run --example make-fixtures -- OUTDIR
//! ```
//!
//! Every fixture starts from one base unit (see `Unit::base`) and changes one thing. The writer
//! records the A1 address of every cell it writes, so the manifest's cells come from the same
//! code that placed the values; a small evaluator re-derives every expected status from the data
//! and the generator stops if it disagrees with what a fixture claims. The output is
//! deterministic: fixed document properties, fixed zip timestamps, no randomness.
//!
//! Only `rust_xlsxwriter` and `std` are used. rust_xlsxwriter always writes a cached formula
//! result, so the one fixture that needs formulas *without* a cached value is rewritten here:
//! the zip is read (with a small inflater), the `<v>` elements of those cells are removed, and
//! the parts are stored again in an uncompressed zip.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Dates and the working-day calendar.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

/// A date in Vietnamese order: day, month, year.
fn date(d: u32, m: u32, y: i32) -> Date {
    let date = Date { y, m, d };
    assert!(date.is_valid(), "invalid date {d}/{m}/{y}");
    date
}

impl Date {
    /// Days since 1970-01-01 (proleptic Gregorian).
    fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Date { y, m, d }
    }

    fn is_valid(self) -> bool {
        (1..=12).contains(&self.m) && self.d >= 1 && Date::from_days(self.days()) == self
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    fn next(self) -> Date {
        Date::from_days(self.days() + 1)
    }

    fn dmy(self) -> String {
        format!("{:02}/{:02}/{}", self.d, self.m, self.y)
    }
}

/// Day, month, year.
type Dmy = (u32, u32, i32);

/// Days off for cán bộ, công chức, viên chức (SPEC appendix), as inclusive spans.
const DAYS_OFF: &[(Dmy, Dmy)] = &[
    ((2, 1, 2023), (2, 1, 2023)),
    ((20, 1, 2023), (26, 1, 2023)),
    ((29, 4, 2023), (3, 5, 2023)),
    ((1, 9, 2023), (4, 9, 2023)),
    ((1, 1, 2024), (1, 1, 2024)),
    ((8, 2, 2024), (14, 2, 2024)),
    ((18, 4, 2024), (18, 4, 2024)),
    ((27, 4, 2024), (1, 5, 2024)),
    ((31, 8, 2024), (3, 9, 2024)),
    ((1, 1, 2025), (1, 1, 2025)),
    ((25, 1, 2025), (2, 2, 2025)),
    ((5, 4, 2025), (7, 4, 2025)),
    ((30, 4, 2025), (4, 5, 2025)),
    ((30, 8, 2025), (2, 9, 2025)),
    ((1, 1, 2026), (4, 1, 2026)),
    ((14, 2, 2026), (22, 2, 2026)),
    ((25, 4, 2026), (27, 4, 2026)),
    ((30, 4, 2026), (3, 5, 2026)),
    ((29, 8, 2026), (2, 9, 2026)),
];

/// Saturdays that are worked to make up for a bridge day.
const MAKE_UP_SATURDAYS: &[Dmy] = &[(4, 5, 2024), (26, 4, 2025), (10, 1, 2026), (22, 8, 2026)];

fn is_working_day(day: Date) -> bool {
    if MAKE_UP_SATURDAYS
        .iter()
        .any(|&(d, m, y)| date(d, m, y) == day)
    {
        return true;
    }
    let off = DAYS_OFF
        .iter()
        .any(|&((d0, m0, y0), (d1, m1, y1))| date(d0, m0, y0) <= day && day <= date(d1, m1, y1));
    day.weekday() < 5 && !off
}

/// First and last day of a quarter.
fn quarter_bounds(year: i32, q: u32) -> (Date, Date) {
    let first = date(1, 3 * q - 2, year);
    let next = if q == 4 {
        date(1, 1, year + 1)
    } else {
        date(1, 3 * q + 1, year)
    };
    (first, Date::from_days(next.days() - 1))
}

/// Working days of the span `from..=to` that fall inside the quarter.
fn working_days_in_quarter(from: Date, to: Date, year: i32, q: u32) -> u32 {
    let (first, last) = quarter_bounds(year, q);
    let mut day = from.max(first);
    let end = to.min(last);
    let mut count = 0;
    while day <= end {
        count += u32::from(is_working_day(day));
        day = day.next();
    }
    count
}

// ---------------------------------------------------------------------------------------------
// Vietnamese text: NFD decomposition, diacritic folding, the legacy TCVN3 (ABC) encoding.
// ---------------------------------------------------------------------------------------------

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const CIRCUMFLEX: char = '\u{302}';
const TILDE: char = '\u{303}';
const BREVE: char = '\u{306}';
const HOOK: char = '\u{309}';
const HORN: char = '\u{31B}';
const DOT_BELOW: char = '\u{323}';

/// The five tone marks, in the order of the `toned` strings below (huyền, hỏi, ngã, sắc, nặng).
const TONES: [char; 5] = [GRAVE, HOOK, TILDE, ACUTE, DOT_BELOW];

/// Vietnamese vowels: (precomposed letter, base letter, its modifier mark, toned forms in TONES
/// order, TCVN3 byte of the letter, TCVN3 bytes of the toned forms). TCVN3 has no upper-case
/// toned letters (0 = not representable).
type VowelRow = (char, char, Option<char>, &'static str, u8, [u8; 5]);

const VOWELS: &[VowelRow] = &[
    (
        'a',
        'a',
        None,
        "àảãáạ",
        b'a',
        [0xB5, 0xB6, 0xB7, 0xB8, 0xB9],
    ),
    (
        'ă',
        'a',
        Some(BREVE),
        "ằẳẵắặ",
        0xA8,
        [0xBB, 0xBC, 0xBD, 0xBE, 0xC6],
    ),
    (
        'â',
        'a',
        Some(CIRCUMFLEX),
        "ầẩẫấậ",
        0xA9,
        [0xC7, 0xC8, 0xC9, 0xCA, 0xCB],
    ),
    (
        'e',
        'e',
        None,
        "èẻẽéẹ",
        b'e',
        [0xCC, 0xCE, 0xCF, 0xD0, 0xD1],
    ),
    (
        'ê',
        'e',
        Some(CIRCUMFLEX),
        "ềểễếệ",
        0xAA,
        [0xD2, 0xD3, 0xD4, 0xD5, 0xD6],
    ),
    (
        'i',
        'i',
        None,
        "ìỉĩíị",
        b'i',
        [0xD7, 0xD8, 0xDC, 0xDD, 0xDE],
    ),
    (
        'o',
        'o',
        None,
        "òỏõóọ",
        b'o',
        [0xDF, 0xE1, 0xE2, 0xE3, 0xE4],
    ),
    (
        'ô',
        'o',
        Some(CIRCUMFLEX),
        "ồổỗốộ",
        0xAB,
        [0xE5, 0xE6, 0xE7, 0xE8, 0xE9],
    ),
    (
        'ơ',
        'o',
        Some(HORN),
        "ờởỡớợ",
        0xAC,
        [0xEA, 0xEB, 0xEC, 0xED, 0xEE],
    ),
    (
        'u',
        'u',
        None,
        "ùủũúụ",
        b'u',
        [0xEF, 0xF1, 0xF2, 0xF3, 0xF4],
    ),
    (
        'ư',
        'u',
        Some(HORN),
        "ừửữứự",
        0xAD,
        [0xF5, 0xF6, 0xF7, 0xF8, 0xF9],
    ),
    (
        'y',
        'y',
        None,
        "ỳỷỹýỵ",
        b'y',
        [0xFA, 0xFB, 0xFC, 0xFD, 0xFE],
    ),
    ('A', 'A', None, "ÀẢÃÁẠ", b'A', [0; 5]),
    ('Ă', 'A', Some(BREVE), "ẰẲẴẮẶ", 0xA1, [0; 5]),
    ('Â', 'A', Some(CIRCUMFLEX), "ẦẨẪẤẬ", 0xA2, [0; 5]),
    ('E', 'E', None, "ÈẺẼÉẸ", b'E', [0; 5]),
    ('Ê', 'E', Some(CIRCUMFLEX), "ỀỂỄẾỆ", 0xA3, [0; 5]),
    ('I', 'I', None, "ÌỈĨÍỊ", b'I', [0; 5]),
    ('O', 'O', None, "ÒỎÕÓỌ", b'O', [0; 5]),
    ('Ô', 'O', Some(CIRCUMFLEX), "ỒỔỖỐỘ", 0xA4, [0; 5]),
    ('Ơ', 'O', Some(HORN), "ỜỞỠỚỢ", 0xA5, [0; 5]),
    ('U', 'U', None, "ÙỦŨÚỤ", b'U', [0; 5]),
    ('Ư', 'U', Some(HORN), "ỪỬỮỨỰ", 0xA6, [0; 5]),
    ('Y', 'Y', None, "ỲỶỸÝỴ", b'Y', [0; 5]),
];

/// Canonical combining class of the marks used (horn 216, dot below 220, the others 230).
fn combining_class(mark: char) -> u8 {
    match mark {
        HORN => 216,
        DOT_BELOW => 220,
        _ => 230,
    }
}

/// Looks a letter up: (row of VOWELS, tone index or None for the untoned letter).
fn vowel(c: char) -> Option<(usize, Option<usize>)> {
    VOWELS.iter().enumerate().find_map(|(i, v)| {
        if v.0 == c {
            Some((i, None))
        } else {
            v.3.chars().position(|t| t == c).map(|t| (i, Some(t)))
        }
    })
}

/// NFD (canonical decomposition) of Vietnamese text.
fn nfd(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match vowel(c) {
            Some((i, tone)) => {
                let (_, base, modifier, ..) = VOWELS[i];
                out.push(base);
                let mut marks: Vec<char> = modifier.into_iter().collect();
                marks.extend(tone.map(|t| TONES[t]));
                marks.sort_by_key(|&m| combining_class(m)); // stable: equal classes keep order
                out.extend(marks);
            }
            None => out.push(c),
        }
    }
    out
}

/// Lower case, no diacritics, single spaces: how names are compared.
fn fold(s: &str) -> String {
    let bare: String = nfd(s)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as an old .VnTime document holds it: TCVN3 bytes read as Windows-1252 characters (all
/// the bytes used are ≥ 0xA1, where Windows-1252 and Latin-1 agree).
fn tcvn3(s: &str) -> String {
    s.chars()
        .map(|c| {
            let byte = match c {
                'đ' => 0xAE,
                'Đ' => 0xA7,
                c if c.is_ascii() => c as u8,
                c => {
                    let (i, tone) = vowel(c).unwrap_or_else(|| panic!("{c:?} not in TCVN3 table"));
                    match tone {
                        None => VOWELS[i].4,
                        Some(t) => VOWELS[i].5[t],
                    }
                }
            };
            assert!(byte != 0, "{c:?} has no TCVN3 code");
            char::from(byte)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The unit model.
// ---------------------------------------------------------------------------------------------

/// A cell value.
#[derive(Clone, Debug, PartialEq)]
enum V {
    Blank,
    Num(f64),
    Text(String),
    Date(Date),
    /// A formula and its cached result; `None` = the file holds no cached value.
    Formula(String, Option<f64>),
}

fn t(s: &str) -> V {
    V::Text(s.to_string())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    F03,
    F04,
}

impl Form {
    fn sheet(self) -> &'static str {
        match self {
            Form::F03 => "Mẫu 03",
            Form::F04 => "Mẫu 04",
        }
    }
    fn code(self) -> &'static str {
        match self {
            Form::F03 => "03",
            Form::F04 => "04",
        }
    }
    fn size(self) -> usize {
        if self == Form::F03 {
            45
        } else {
            30
        }
    }
    /// Items 1..=mandatory are mandatory (the default catalogue).
    fn mandatory(self) -> usize {
        if self == Form::F03 {
            30
        } else {
            20
        }
    }
    fn total_bounds(self) -> (f64, f64) {
        if self == Form::F03 {
            (420.0, 450.0)
        } else {
            (280.0, 300.0)
        }
    }
    /// The default scores: mandatory items 10, the others 9.
    fn default_scores(self) -> Vec<V> {
        (1..=self.size())
            .map(|k| V::Num(if k <= self.mandatory() { 10.0 } else { 9.0 }))
            .collect()
    }
}

/// How the `Tổng điểm` cell is written.
#[derive(Clone, Debug, PartialEq)]
enum Total {
    /// `=SUM(..)` with Excel's cached value; a typed number when some scores are typed as
    /// numeric text (Excel's SUM would skip them, so offices type the total).
    Auto,
    Number(f64),
    /// `=SUM(..)` with no cached value.
    SumNoValue,
    Blank,
}

#[derive(Clone, Debug)]
struct Person {
    id: String,
    name: String,
    birth: Date,
    title: String,
    part: String,
    in_charge: String,
    btv: bool,
    months: Vec<V>,
    discipline: V,
    inspection: V,
    days_absent: V,
    leave_from: V,
    leave_to: V,
    note: String,
    education: String,
    /// Has a row in `Danh sách`.
    listed: bool,
    /// A second `Danh sách` row for an id already listed.
    duplicate: bool,
    /// The score sheet the person is on, if any.
    form: Option<Form>,
    scores: Vec<V>,
    total: Total,
    remark: String,
}

const NAMES: [&str; 22] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Cường",
    "Phạm Thu Hằng",
    "Hoàng Đức Dũng",
    "Vũ Thị Giang",
    "Đặng Quang Hải",
    "Bùi Thị Hạnh",
    "Đỗ Hữu Hiếu",
    "Ngô Thị Hoa",
    "Dương Văn Hùng",
    "Lý Thị Hương",
    "Đinh Văn Long",
    "Phan Thị Mai",
    "Hồ Văn Nam",
    "Nguyễn Thị Ngọc",
    "Trần Văn Phong",
    "Lê Thị Phương",
    "Nguyễn Văn Quân",
    "Trần Thị Thảo",
    "Phạm Văn Tuấn",
    "Lê Thị Yến",
];

const PART_LEAD: &str = "Lãnh đạo";
const PART_GENERAL: &str = "Bộ phận Tổng hợp";
const PART_DESK: &str = "Bộ phận Một cửa";

impl Person {
    /// Person number `n` (1-based) of a unit whose people ids start with `prefix`: a staff
    /// member on `form`, đạt by default.
    fn staff(prefix: &str, n: usize, form: Form) -> Person {
        // Units of one folder share the names: the birth dates tell their people apart (the
        // same name and birth date in two units is one person listed twice, SPEC §3).
        let salt: u32 = prefix.bytes().map(u32::from).sum();
        Person {
            id: format!("{prefix}{n:02}"),
            name: NAMES[(n - 1) % NAMES.len()].to_string(),
            birth: date(
                1 + (n as u32 * 7 + salt) % 28,
                1 + (n as u32 * 5 + salt) % 12,
                1968 + n as i32,
            ),
            title: "Chuyên viên".to_string(),
            part: PART_GENERAL.to_string(),
            in_charge: String::new(),
            btv: false,
            months: vec![t("HTXSNV"), t("HTTNV"), t("HTTNV")],
            discipline: V::Blank,
            inspection: V::Blank,
            days_absent: V::Blank,
            leave_from: V::Blank,
            leave_to: V::Blank,
            note: String::new(),
            education: "Đại học".to_string(),
            listed: true,
            duplicate: false,
            form: Some(form),
            scores: form.default_scores(),
            total: Total::Auto,
            remark: String::new(),
        }
    }

    /// Makes the person a mẫu 03 leader ("Diện BTV quản lý" = x) in charge of `in_charge`
    /// (empty = the whole unit).
    fn make_leader(&mut self, title: &str, in_charge: &str) {
        self.btv = true;
        self.title = title.to_string();
        self.part = PART_LEAD.to_string();
        self.in_charge = in_charge.to_string();
        self.set_form(Some(Form::F03));
    }

    fn set_form(&mut self, form: Option<Form>) {
        self.form = form;
        self.scores = form.map(Form::default_scores).unwrap_or_default();
    }

    fn set_months(&mut self, months: [&str; 3]) {
        self.months = months.iter().map(|m| t(m)).collect();
    }

    /// Sets criterion `k` (1-based).
    fn item(&mut self, k: usize, v: V) {
        self.scores[k - 1] = v;
    }

    /// Sets every non-mandatory criterion.
    fn others(&mut self, score: f64) {
        let form = self.form.expect("person is on no score sheet");
        for k in form.mandatory() + 1..=form.size() {
            self.item(k, V::Num(score));
        }
    }

    /// Absent for the whole quarter's evaluation: on no score sheet.
    fn absent_unscored(&mut self) {
        self.set_form(None);
        self.note = "Nghỉ dài ngày".to_string();
    }
}

/// The columns of `Danh sách`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Col {
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
    DaysAbsent,
    From,
    To,
    Note,
    Education,
}

const DEFAULT_COLUMNS: [Col; 17] = [
    Col::Stt,
    Col::Id,
    Col::Name,
    Col::Birth,
    Col::Title,
    Col::Part,
    Col::InCharge,
    Col::Btv,
    Col::Month(0),
    Col::Month(1),
    Col::Month(2),
    Col::Discipline,
    Col::Inspection,
    Col::DaysAbsent,
    Col::From,
    Col::To,
    Col::Note,
];

/// How the unit lays out and spells its workbook (all off for the base unit).
#[derive(Clone, Debug, Default)]
struct Style {
    /// Three merged title rows above each header row (and above the `Thông tin` labels).
    title_rows: bool,
    /// Upper-case headers ("HỌ VÀ TÊN"); month headers stay as given.
    caps: bool,
    /// Every text decomposed (NFD), sheet names included.
    nfd: bool,
    /// A group row ("Đạo đức công vụ" …) above the criterion numbers.
    group_row: bool,
    /// A `Bắt buộc` row under the staff form's header marking its mandatory items.
    mark_row: bool,
    /// Formatted empty rows below the tables.
    blank_tail: u32,
    /// Dates written as text "dd/mm/yyyy".
    text_dates: bool,
    /// A `Nhận xét` column on the score sheets.
    remarks: bool,
    /// Names and `Bộ phận` in `Danh sách` typed in TCVN3.
    tcvn3_list: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Sheet {
    Info,
    List,
    Form(Form),
    HiddenList,
}

#[derive(Clone, Debug)]
struct Unit {
    name: V,
    code: V,
    bloc: V,
    quarter: V,
    headcount: V,
    sent: V,
    /// The quarter the data belong to (month headers, absences).
    year: i32,
    q: u32,
    month_headers: Vec<String>,
    columns: Vec<Col>,
    sheets: Vec<Sheet>,
    people: Vec<Person>,
    style: Style,
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

impl Unit {
    /// The base unit: "Phòng Thử nghiệm", `n` people with ids `{code}01`…, the first a mẫu 03
    /// leader in charge of the whole unit, the others on mẫu 04; everyone đạt.
    fn base(code: &str, year: i32, q: u32, n: usize) -> Unit {
        let months: Vec<u32> = (0..3).map(|k| 3 * q - 2 + k).collect();
        let mut people: Vec<Person> = (1..=n).map(|i| Person::staff(code, i, Form::F04)).collect();
        people[0].make_leader("Trưởng phòng", "");
        Unit {
            name: t("Phòng Thử nghiệm"),
            code: t(code),
            bloc: t("Chính quyền"),
            quarter: t(&format!("{}/{year}", ROMAN[q as usize - 1])),
            headcount: V::Num(n as f64),
            sent: V::Date(date(25, months[2], year)),
            year,
            q,
            month_headers: months.iter().map(|m| format!("Tháng {m}")).collect(),
            columns: DEFAULT_COLUMNS.to_vec(),
            sheets: vec![
                Sheet::Info,
                Sheet::List,
                Sheet::Form(Form::F03),
                Sheet::Form(Form::F04),
            ],
            people,
            style: Style::default(),
        }
    }

    /// The base unit of quarter I/2024 with five people TN01…TN05.
    fn tn() -> Unit {
        Unit::base("TN", 2024, 1, 5)
    }

    fn person(&mut self, id: &str) -> &mut Person {
        self.people
            .iter_mut()
            .find(|p| p.id == id && !p.duplicate)
            .unwrap_or_else(|| panic!("no person {id}"))
    }

    /// Adds a leader (mẫu 03) at the end.
    fn add_leader(&mut self, title: &str, in_charge: &str) -> &mut Person {
        let prefix = match &self.code {
            V::Text(code) => code.clone(),
            _ => unreachable!(),
        };
        let mut p = Person::staff(&prefix, self.people.len() + 1, Form::F04);
        p.make_leader(title, in_charge);
        self.people.push(p);
        self.people.last_mut().unwrap()
    }

    fn month_header(&self, i: usize) -> &str {
        &self.month_headers[i]
    }
}

fn fixture(mut unit: Unit, change: impl FnOnce(&mut Unit)) -> Unit {
    change(&mut unit);
    unit
}

// ---------------------------------------------------------------------------------------------
// Writing a unit workbook.
// ---------------------------------------------------------------------------------------------

/// Column number (0-based) to letters.
fn col_name(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

fn a1(row: u32, col: usize) -> String {
    format!("{}{}", col_name(col), row + 1)
}

fn header_text(unit: &Unit, col: Col) -> String {
    let text = match col {
        Col::Stt => "STT",
        Col::Id => "Mã CB",
        Col::Name => "Họ và tên",
        Col::Birth => "Ngày sinh",
        Col::Title => "Chức vụ",
        Col::Part => "Bộ phận",
        Col::InCharge => "Phụ trách",
        Col::Btv => "Diện BTV quản lý",
        Col::Month(i) => return unit.month_header(i).to_string(),
        Col::Discipline => "Kỷ luật",
        Col::Inspection => "Thanh tra, kiểm tra",
        Col::DaysAbsent => "Số ngày nghỉ",
        Col::From => "Nghỉ từ ngày",
        Col::To => "Nghỉ đến ngày",
        Col::Note => "Ghi chú",
        Col::Education => "Trình độ chuyên môn",
    };
    if unit.style.caps {
        text.to_uppercase()
    } else {
        text.to_string()
    }
}

fn text_or_blank(s: &str) -> V {
    if s.is_empty() {
        V::Blank
    } else {
        t(s)
    }
}

fn list_value(unit: &Unit, p: &Person, col: Col, stt: usize) -> V {
    let legacy = |s: &str| {
        if unit.style.tcvn3_list {
            t(&tcvn3(s))
        } else {
            t(s)
        }
    };
    match col {
        Col::Stt => V::Num(stt as f64),
        Col::Id => t(&p.id),
        Col::Name => legacy(&p.name),
        Col::Birth => V::Date(p.birth),
        Col::Title => t(&p.title),
        Col::Part => legacy(&p.part),
        Col::InCharge => text_or_blank(&p.in_charge),
        Col::Btv => text_or_blank(if p.btv { "x" } else { "" }),
        Col::Month(i) => p.months[i].clone(),
        Col::Discipline => p.discipline.clone(),
        Col::Inspection => p.inspection.clone(),
        Col::DaysAbsent => p.days_absent.clone(),
        Col::From => p.leave_from.clone(),
        Col::To => p.leave_to.clone(),
        Col::Note => text_or_blank(&p.note),
        Col::Education => text_or_blank(&p.education),
    }
}

/// A score as the unit meant it, if it is one: numbers, numeric text, cached formula results.
fn score_value(v: &V) -> Option<f64> {
    match v {
        V::Num(x) | V::Formula(_, Some(x)) => Some(*x),
        V::Text(s) => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }
}

/// Sum in tenths, so that 281 + 8.3 prints as 289.3.
fn sum(values: impl IntoIterator<Item = f64>) -> f64 {
    values
        .into_iter()
        .map(|x| (x * 10.0).round() as i64)
        .sum::<i64>() as f64
        / 10.0
}

/// What Excel's SUM over the scores gives: numbers and cached results only, text skipped.
fn excel_sum(scores: &[V]) -> f64 {
    sum(scores.iter().filter_map(|v| match v {
        V::Num(x) | V::Formula(_, Some(x)) => Some(*x),
        _ => None,
    }))
}

/// Key of a recorded cell address.
fn key(sheet: &str, row: &str, col: &str) -> String {
    format!("{sheet}|{row}|{col}")
}

/// The written workbook and where everything went.
struct Written {
    bytes: Vec<u8>,
    cells: HashMap<String, String>,
}

impl Written {
    fn at(&self, sheet: &str, row: &str, col: &str) -> String {
        self.cells
            .get(&key(sheet, row, col))
            .unwrap_or_else(|| panic!("nothing written at {sheet} / {row} / {col}"))
            .clone()
    }
    /// Value cell of a `Thông tin` label.
    fn info(&self, label: &str) -> String {
        self.at("Thông tin", label, "value")
    }
    fn list(&self, id: &str, col: Col) -> String {
        self.at("Danh sách", id, &format!("{col:?}"))
    }
    fn list_header(&self, col: Col) -> String {
        self.list("header", col)
    }
    fn score(&self, form: Form, id: &str, col: &str) -> String {
        self.at(form.sheet(), id, col)
    }
}

struct Formats {
    title: Format,
    head: Format,
    cell: Format,
    date: Format,
    plain_date: Format,
}

struct SheetWriter<'a> {
    ws: Worksheet,
    name: &'static str,
    style: &'a Style,
    formats: &'a Formats,
    cells: &'a mut HashMap<String, String>,
    no_value: Vec<String>,
}

impl SheetWriter<'_> {
    fn text(&self, s: &str) -> String {
        if self.style.nfd {
            nfd(s)
        } else {
            s.to_string()
        }
    }

    fn record(&mut self, row_key: &str, col_key: &str, row: u32, col: usize) {
        let old = self
            .cells
            .insert(key(self.name, row_key, col_key), a1(row, col));
        assert!(
            old.is_none(),
            "{} / {row_key} / {col_key} written twice",
            self.name
        );
    }

    /// Writes a value; `bordered` selects the table formats.
    fn put(&mut self, row: u32, col: usize, v: &V, bordered: bool) -> Result<(), XlsxError> {
        let c = col as u16;
        let fmt = &self.formats.cell;
        match v {
            V::Blank if bordered => {
                self.ws.write_blank(row, c, fmt)?;
            }
            V::Blank => {}
            V::Num(x) if bordered => {
                self.ws.write_number_with_format(row, c, *x, fmt)?;
            }
            V::Num(x) => {
                self.ws.write_number(row, c, *x)?;
            }
            V::Text(s) => {
                let s = self.text(s);
                if bordered {
                    self.ws.write_string_with_format(row, c, s, fmt)?;
                } else {
                    self.ws.write_string(row, c, s)?;
                }
            }
            V::Date(d) if self.style.text_dates => {
                return self.put(row, col, &t(&d.dmy()), bordered);
            }
            V::Date(d) => {
                let dt = ExcelDateTime::from_ymd(d.y as u16, d.m as u8, d.d as u8)?;
                let fmt = if bordered {
                    &self.formats.date
                } else {
                    &self.formats.plain_date
                };
                self.ws.write_datetime_with_format(row, c, &dt, fmt)?;
            }
            V::Formula(f, cached) => {
                let mut formula = Formula::new(f);
                match cached {
                    Some(x) => formula = formula.set_result(x.to_string()),
                    None => self.no_value.push(a1(row, col)),
                }
                if bordered {
                    self.ws.write_formula_with_format(row, c, formula, fmt)?;
                } else {
                    self.ws.write_formula(row, c, formula)?;
                }
            }
        }
        Ok(())
    }

    fn head(&mut self, row: u32, col: usize, v: &V) -> Result<(), XlsxError> {
        let c = col as u16;
        match v {
            V::Num(x) => self
                .ws
                .write_number_with_format(row, c, *x, &self.formats.head)?,
            V::Text(s) => {
                let s = self.text(s);
                self.ws
                    .write_string_with_format(row, c, s, &self.formats.head)?
            }
            _ => unreachable!(),
        };
        Ok(())
    }

    /// Three merged title rows across `width` columns, if the unit writes them.
    fn titles(&mut self, lines: [&str; 3], width: usize) -> Result<u32, XlsxError> {
        if !self.style.title_rows {
            return Ok(0);
        }
        for (row, line) in lines.iter().enumerate() {
            let line = self.text(line);
            self.ws.merge_range(
                row as u32,
                0,
                row as u32,
                width as u16 - 1,
                &line,
                &self.formats.title,
            )?;
        }
        Ok(3)
    }

    fn blank_tail(&mut self, after: u32, width: usize) -> Result<(), XlsxError> {
        for row in after + 1..=after + self.style.blank_tail {
            for col in 0..width {
                self.ws.write_blank(row, col as u16, &self.formats.cell)?;
            }
        }
        Ok(())
    }
}

fn write_unit(unit: &Unit) -> Result<Written, XlsxError> {
    let font = "Times New Roman";
    let formats = Formats {
        title: Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_font_name(font),
        head: Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap()
            .set_font_name(font),
        cell: Format::new()
            .set_border(FormatBorder::Thin)
            .set_font_name(font),
        date: Format::new()
            .set_border(FormatBorder::Thin)
            .set_num_format("dd/mm/yyyy")
            .set_font_name(font),
        plain_date: Format::new().set_num_format("dd/mm/yyyy"),
    };
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_author("make-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 1)?),
    );
    let mut cells = HashMap::new();
    let mut no_value = Vec::new(); // (sheet number, cell)
    let unit_name = match &unit.name {
        V::Text(s) => s.to_uppercase(),
        _ => "PHÒNG THỬ NGHIỆM".to_string(),
    };
    let quarter_title = format!("Quý {} năm {}", ROMAN[unit.q as usize - 1], unit.year);

    for (index, &sheet) in unit.sheets.iter().enumerate() {
        let name = match sheet {
            Sheet::Info => "Thông tin",
            Sheet::List => "Danh sách",
            Sheet::Form(form) => form.sheet(),
            Sheet::HiddenList => "Danh mục",
        };
        let mut w = SheetWriter {
            ws: Worksheet::new(),
            name,
            style: &unit.style,
            formats: &formats,
            cells: &mut cells,
            no_value: Vec::new(),
        };
        let sheet_name = w.text(name);
        w.ws.set_name(sheet_name)?;
        match sheet {
            Sheet::Info => write_info(&mut w, unit, &unit_name)?,
            Sheet::List => write_list(&mut w, unit, &unit_name, &quarter_title)?,
            Sheet::Form(form) => write_form(&mut w, unit, form, &unit_name)?,
            Sheet::HiddenList => {
                for (row, spelling) in ["HTXSNV", "HTTNV", "HTNV", "KHTNV"].iter().enumerate() {
                    w.put(row as u32, 0, &t(spelling), false)?;
                }
                w.ws.set_hidden(true);
            }
        }
        no_value.extend(w.no_value.drain(..).map(|cell| (index + 1, cell)));
        workbook.push_worksheet(w.ws);
    }
    let mut bytes = workbook.save_to_buffer()?;
    if !no_value.is_empty() {
        bytes = strip_cached_values(&bytes, &no_value);
    }
    Ok(Written { bytes, cells })
}

fn write_info(w: &mut SheetWriter, unit: &Unit, unit_name: &str) -> Result<(), XlsxError> {
    w.ws.set_column_width(0, 28)?;
    w.ws.set_column_width(1, 40)?;
    let first = w.titles(
        [
            unit_name,
            "THÔNG TIN ĐƠN VỊ",
            "(Kèm theo phiếu đánh giá sự chuyên nghiệp)",
        ],
        2,
    )?;
    let rows = [
        ("Đơn vị", &unit.name),
        ("Mã đơn vị", &unit.code),
        ("Khối", &unit.bloc),
        ("Quý", &unit.quarter),
        ("Tổng số CBCCVC, NLĐ", &unit.headcount),
        ("Ngày gửi", &unit.sent),
    ];
    for (row, (label, value)) in (first..).zip(rows) {
        w.put(row, 0, &t(label), false)?;
        w.put(row, 1, value, false)?;
        w.record(label, "label", row, 0);
        w.record(label, "value", row, 1);
    }
    Ok(())
}

fn write_list(
    w: &mut SheetWriter,
    unit: &Unit,
    unit_name: &str,
    quarter_title: &str,
) -> Result<(), XlsxError> {
    let width = unit.columns.len();
    for (c, &col) in unit.columns.iter().enumerate() {
        let chars = match col {
            Col::Stt => 5,
            Col::Name => 24,
            Col::Id | Col::Birth | Col::From | Col::To => 12,
            _ => 14,
        };
        w.ws.set_column_width(c as u16, chars)?;
    }
    let mut row = w.titles(
        [
            unit_name,
            "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG",
            quarter_title,
        ],
        width,
    )?;
    for (c, &col) in unit.columns.iter().enumerate() {
        w.head(row, c, &t(&header_text(unit, col)))?;
        w.record("header", &format!("{col:?}"), row, c);
    }
    let mut stt = 0;
    for p in unit.people.iter().filter(|p| p.listed) {
        row += 1;
        stt += 1;
        let row_key = if p.duplicate {
            format!("{}#2", p.id)
        } else {
            p.id.clone()
        };
        for (c, &col) in unit.columns.iter().enumerate() {
            w.put(row, c, &list_value(unit, p, col, stt), true)?;
            w.record(&row_key, &format!("{col:?}"), row, c);
        }
    }
    w.blank_tail(row, width)
}

fn write_form(
    w: &mut SheetWriter,
    unit: &Unit,
    form: Form,
    unit_name: &str,
) -> Result<(), XlsxError> {
    let size = form.size();
    let first = 3; // STT, Mã CB, Họ và tên, then the criteria
    let total_col = first + size;
    let width = total_col + 1 + usize::from(unit.style.remarks);
    w.ws.set_column_width(0, 5)?;
    w.ws.set_column_width(1, 10)?;
    w.ws.set_column_width(2, 24)?;
    w.ws.set_column_range_width(first as u16, (first + size - 1) as u16, 4.5)?;
    let title = format!(
        "PHIẾU ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ {}/{}",
        ROMAN[unit.q as usize - 1],
        unit.year
    );
    let mut row = w.titles([unit_name, &title, &format!("({})", form.sheet())], width)?;
    if unit.style.group_row {
        let third = size / 3;
        let last_group = if form == Form::F03 {
            "Phong cách lãnh đạo, quản lý"
        } else {
            "Phong cách làm việc"
        };
        let groups = [
            ("Đạo đức công vụ", 0, third - 1),
            ("Hoạt động công vụ", third, 2 * third - 1),
            (last_group, 2 * third, size - 1),
        ];
        for (name, a, b) in groups {
            let name = w.text(name);
            w.ws.merge_range(
                row,
                (first + a) as u16,
                row,
                (first + b) as u16,
                &name,
                &w.formats.head,
            )?;
        }
        row += 1;
    }
    let caps = |s: &str| {
        if unit.style.caps {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    };
    w.head(row, 0, &t(&caps("STT")))?;
    w.head(row, 1, &t(&caps("Mã CB")))?;
    w.head(row, 2, &t(&caps("Họ và tên")))?;
    for k in 1..=size {
        w.head(row, first + k - 1, &V::Num(k as f64))?;
        w.record("header", &k.to_string(), row, first + k - 1);
    }
    w.head(row, total_col, &t(&caps("Tổng điểm")))?;
    w.record("header", "total", row, total_col);
    if unit.style.remarks {
        w.head(row, total_col + 1, &t(&caps("Nhận xét")))?;
    }
    if unit.style.mark_row && form != Form::F03 {
        row += 1;
        w.put(row, 2, &t("Bắt buộc"), true)?;
        for k in 1..=size {
            let mark = text_or_blank(if k <= form.mandatory() { "x" } else { "" });
            w.put(row, first + k - 1, &mark, true)?;
        }
        w.record("mark", "name", row, 2);
    }
    let (first_name, last_name) = (col_name(first), col_name(first + size - 1));
    let mut stt = 0;
    for p in unit.people.iter().filter(|p| p.form == Some(form)) {
        row += 1;
        stt += 1;
        w.put(row, 0, &V::Num(stt as f64), true)?;
        w.put(row, 1, &t(&p.id), true)?;
        w.put(row, 2, &t(&p.name), true)?;
        w.record(&p.id, "id", row, 1);
        assert_eq!(
            p.scores.len(),
            size,
            "{} has a score row of the wrong size",
            p.id
        );
        for (k, score) in p.scores.iter().enumerate() {
            w.put(row, first + k, score, true)?;
            w.record(&p.id, &(k + 1).to_string(), row, first + k);
        }
        let sum_formula = format!("=SUM({first_name}{r}:{last_name}{r})", r = row + 1);
        let total = match &p.total {
            Total::Auto
                if p.scores
                    .iter()
                    .any(|s| matches!(s, V::Text(_)) && score_value(s).is_some()) =>
            {
                V::Num(sum(p.scores.iter().filter_map(score_value)))
            }
            Total::Auto => V::Formula(sum_formula, Some(excel_sum(&p.scores))),
            Total::Number(x) => V::Num(*x),
            Total::SumNoValue => V::Formula(sum_formula, None),
            Total::Blank => V::Blank,
        };
        w.put(row, total_col, &total, true)?;
        w.record(&p.id, "total", row, total_col);
        if unit.style.remarks {
            w.put(row, total_col + 1, &text_or_blank(&p.remark), true)?;
        }
    }
    w.blank_tail(row, width)
}

// ---------------------------------------------------------------------------------------------
// Removing cached formula results: a small zip reader (with inflate) and a stored zip writer.
// ---------------------------------------------------------------------------------------------

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    !data.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u64,
    count: u32,
}

impl Bits<'_> {
    fn take(&mut self, n: u32) -> u32 {
        while self.count < n {
            let byte = *self.data.get(self.pos).expect("truncated deflate stream");
            self.buf |= u64::from(byte) << self.count;
            self.pos += 1;
            self.count += 8;
        }
        let v = (self.buf & ((1u64 << n) - 1)) as u32;
        self.buf >>= n;
        self.count -= n;
        v
    }
}

/// A canonical Huffman code: number of codes per length, symbols ordered by code.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Huffman {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[l as usize] += 1;
        }
        counts[0] = 0;
        let mut offsets = [0usize; 16];
        for l in 1..15 {
            offsets[l + 1] = offsets[l] + counts[l] as usize;
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (sym, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[offsets[l as usize]] = sym as u16;
                offsets[l as usize] += 1;
            }
        }
        Huffman { counts, symbols }
    }

    fn decode(&self, bits: &mut Bits) -> u16 {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= bits.take(1) as i32;
            let count = i32::from(self.counts[len]);
            if code - count < first {
                return self.symbols[(index + code - first) as usize];
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        panic!("bad Huffman code in deflate stream");
    }
}

/// Raw deflate (RFC 1951) decoder.
fn inflate(data: &[u8]) -> Vec<u8> {
    const LEN_BASE: [u16; 29] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258,
    ];
    const LEN_EXTRA: [u8; 29] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ];
    const DIST_BASE: [u16; 30] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ];
    const DIST_EXTRA: [u8; 30] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
        13, 13,
    ];
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let mut bits = Bits {
        data,
        pos: 0,
        buf: 0,
        count: 0,
    };
    let mut out = Vec::new();
    loop {
        let last = bits.take(1) == 1;
        match bits.take(2) {
            0 => {
                bits.buf = 0; // skip to the byte boundary
                bits.count = 0;
                let len = bits.take(16) as usize;
                let _nlen = bits.take(16);
                out.extend_from_slice(&data[bits.pos..bits.pos + len]);
                bits.pos += len;
            }
            kind @ (1 | 2) => {
                let (lit, dist) = if kind == 1 {
                    let mut l = [8u8; 288];
                    l[144..256].fill(9);
                    l[256..280].fill(7);
                    (Huffman::new(&l), Huffman::new(&[5u8; 30]))
                } else {
                    let nlit = bits.take(5) as usize + 257;
                    let ndist = bits.take(5) as usize + 1;
                    let ncode = bits.take(4) as usize + 4;
                    let mut cl = [0u8; 19];
                    for &i in &ORDER[..ncode] {
                        cl[i] = bits.take(3) as u8;
                    }
                    let cl = Huffman::new(&cl);
                    let mut lengths = Vec::with_capacity(nlit + ndist);
                    while lengths.len() < nlit + ndist {
                        match cl.decode(&mut bits) {
                            sym @ 0..=15 => lengths.push(sym as u8),
                            16 => {
                                let prev = *lengths.last().expect("repeat with no length");
                                let n = 3 + bits.take(2);
                                lengths.extend((0..n).map(|_| prev));
                            }
                            17 => {
                                let n = 3 + bits.take(3);
                                lengths.extend((0..n).map(|_| 0));
                            }
                            _ => {
                                let n = 11 + bits.take(7);
                                lengths.extend((0..n).map(|_| 0));
                            }
                        }
                    }
                    (
                        Huffman::new(&lengths[..nlit]),
                        Huffman::new(&lengths[nlit..]),
                    )
                };
                loop {
                    let sym = lit.decode(&mut bits) as usize;
                    if sym < 256 {
                        out.push(sym as u8);
                    } else if sym == 256 {
                        break;
                    } else {
                        let i = sym - 257;
                        let len =
                            LEN_BASE[i] as usize + bits.take(u32::from(LEN_EXTRA[i])) as usize;
                        let d = dist.decode(&mut bits) as usize;
                        let distance =
                            DIST_BASE[d] as usize + bits.take(u32::from(DIST_EXTRA[d])) as usize;
                        let start = out.len() - distance;
                        for k in 0..len {
                            out.push(out[start + k]);
                        }
                    }
                }
            }
            _ => panic!("invalid deflate block type"),
        }
        if last {
            return out;
        }
    }
}

fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The parts of a zip archive, decompressed, in central-directory order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let eocd = (0..=bytes.len() - 22)
        .rev()
        .find(|&i| u32_at(bytes, i) == 0x0605_4b50)
        .expect("no end of central directory");
    let entries = u16_at(bytes, eocd + 10);
    let mut p = u32_at(bytes, eocd + 16) as usize;
    let mut parts = Vec::new();
    for _ in 0..entries {
        assert_eq!(u32_at(bytes, p), 0x0201_4b50, "bad central directory");
        let method = u16_at(bytes, p + 10);
        let crc = u32_at(bytes, p + 16);
        let packed = u32_at(bytes, p + 20) as usize;
        let size = u32_at(bytes, p + 24) as usize;
        let name_len = u16_at(bytes, p + 28);
        let skip = u16_at(bytes, p + 30) + u16_at(bytes, p + 32);
        let local = u32_at(bytes, p + 42) as usize;
        let name = String::from_utf8(bytes[p + 46..p + 46 + name_len].to_vec()).unwrap();
        p += 46 + name_len + skip;
        let start = local + 30 + u16_at(bytes, local + 26) + u16_at(bytes, local + 28);
        let raw = &bytes[start..start + packed];
        let data = match method {
            0 => raw.to_vec(),
            8 => inflate(raw),
            m => panic!("zip method {m} not supported"),
        };
        assert_eq!(data.len(), size, "{name}: wrong size after inflate");
        assert_eq!(crc32(&data), crc, "{name}: wrong CRC after inflate");
        parts.push((name, data));
    }
    parts
}

/// A zip archive of stored (uncompressed) parts, all dated 1980-01-01 00:00.
fn zip_stored(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: usize) {
        out.extend_from_slice(&(v as u16).to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    const DOS_DATE: usize = 0x0021; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in parts {
        let offset = out.len() as u32;
        let crc = crc32(data);
        u32le(&mut out, 0x0403_4b50);
        for v in [20, 0, 0, 0, DOS_DATE] {
            u16le(&mut out, v); // version, flags, method (stored), time, date
        }
        u32le(&mut out, crc);
        u32le(&mut out, data.len() as u32);
        u32le(&mut out, data.len() as u32);
        u16le(&mut out, name.len());
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0, 0, 0, DOS_DATE] {
            u16le(&mut central, v); // made by, needed, flags, method, time, date
        }
        u32le(&mut central, crc);
        u32le(&mut central, data.len() as u32);
        u32le(&mut central, data.len() as u32);
        for v in [name.len(), 0, 0, 0, 0] {
            u16le(&mut central, v); // name, extra, comment, disk, internal attributes
        }
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, parts.len(), parts.len()] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

/// Removes the cached result (`<v>…</v>`) of the formula cells `(sheet number, A1)`.
fn strip_cached_values(xlsx: &[u8], cells: &[(usize, String)]) -> Vec<u8> {
    let mut parts = unzip(xlsx);
    for (sheet, cell) in cells {
        let part = format!("xl/worksheets/sheet{sheet}.xml");
        let (_, data) = parts
            .iter_mut()
            .find(|(name, _)| *name == part)
            .unwrap_or_else(|| panic!("no {part}"));
        let xml = String::from_utf8(std::mem::take(data)).unwrap();
        let start = xml
            .find(&format!("<c r=\"{cell}\""))
            .unwrap_or_else(|| panic!("no cell {cell} in {part}"));
        let end = start + xml[start..].find("</c>").unwrap();
        let element = &xml[start..end];
        assert!(element.contains("<f>"), "{cell} holds no formula");
        let v0 = element.find("<v>").expect("formula without cached value");
        let v1 = element.find("</v>").unwrap() + "</v>".len();
        let element = format!("{}{}", &element[..v0], &element[v1..]).replace(" t=\"str\"", "");
        *data = format!("{}{}{}", &xml[..start], element, &xml[end..]).into_bytes();
    }
    zip_stored(&parts)
}

// ---------------------------------------------------------------------------------------------
// Expected results: a small independent evaluator of the rules, used to check every claim.
// ---------------------------------------------------------------------------------------------

/// 0 xuất sắc, 1 tốt, 2 hoàn thành, 3 không hoàn thành.
fn rating_level(v: &V) -> Option<usize> {
    const SPELLINGS: [&[&str]; 4] = [
        &[
            "htxsnv",
            "htxs",
            "hoan thanh xuat sac nhiem vu",
            "hoan thanh xuat sac",
            "xuat sac",
            "a",
        ],
        &[
            "httnv",
            "htttnv",
            "htt",
            "hoan thanh tot nhiem vu",
            "hoan thanh tot",
            "tot",
            "b",
        ],
        &["htnv", "ht", "hoan thanh nhiem vu", "hoan thanh", "c"],
        &[
            "khtnv",
            "kht",
            "khong hoan thanh nhiem vu",
            "khong hoan thanh",
            "d",
        ],
    ];
    match v {
        V::Text(s) => SPELLINGS.iter().position(|l| l.contains(&fold(s).as_str())),
        _ => None,
    }
}

/// Discipline / inspection: any text but blank or "không".
fn flagged(v: &V) -> bool {
    match v {
        V::Blank => false,
        V::Text(s) => !matches!(fold(s).as_str(), "" | "khong"),
        _ => true,
    }
}

fn as_date(v: &V) -> Option<Date> {
    match v {
        V::Date(d) => Some(*d),
        V::Text(s) => {
            let f: Vec<&str> = s.trim().split('/').collect();
            let d = Date {
                d: f.first()?.parse().ok()?,
                m: f.get(1)?.parse().ok()?,
                y: f.get(2)?.parse().ok()?,
            };
            d.is_valid().then_some(d)
        }
        _ => None,
    }
}

fn days_absent(unit: &Unit, p: &Person) -> u32 {
    match (&p.days_absent, as_date(&p.leave_from), as_date(&p.leave_to)) {
        (V::Num(n), ..) => *n as u32,
        (_, Some(from), Some(to)) => working_days_in_quarter(from, to, unit.year, unit.q),
        _ => 0,
    }
}

#[derive(Clone, Debug)]
struct Outcome {
    id: String,
    name: String,
    form: Option<Form>,
    status: &'static str,
    reasons: Vec<&'static str>,
    total: Option<f64>,
}

/// Every listed person's result; the ids in `loi` are taken as `loi` (an input error about
/// them). Panics on anything the fixture was not meant to hold.
fn evaluate(unit: &Unit, loi: &[&str]) -> Vec<Outcome> {
    let people: Vec<&Person> = unit
        .people
        .iter()
        .filter(|p| p.listed && !p.duplicate)
        .collect();
    let absent = |p: &Person| days_absent(unit, p) >= 15;
    let violates = |p: &Person| {
        p.months.iter().any(|m| rating_level(m) == Some(3))
            || flagged(&p.discipline)
            || flagged(&p.inspection)
    };
    people
        .iter()
        .map(|&p| {
            let mut out = Outcome {
                id: p.id.clone(),
                name: p.name.clone(),
                form: p.form,
                status: "loi",
                reasons: Vec::new(),
                total: None,
            };
            if loi.contains(&p.id.as_str()) {
                return out;
            }
            let total = p.form.map(|_| {
                sum(p
                    .scores
                    .iter()
                    .map(|s| score_value(s).expect("score not a number")))
            });
            if absent(p) {
                out.status = "khong-danh-gia";
                out.reasons = vec!["vang-15-ngay"];
                out.total = total;
                return out;
            }
            let form = p
                .form
                .unwrap_or_else(|| panic!("{} is on no score sheet", p.id));
            assert_eq!(p.btv, form == Form::F03, "{} on the wrong form", p.id);
            let levels: Vec<usize> = p
                .months
                .iter()
                .map(|m| rating_level(m).unwrap_or_else(|| panic!("{}: rating {m:?}", p.id)))
                .collect();
            let scores: Vec<f64> = p.scores.iter().map(|s| score_value(s).unwrap()).collect();
            for &s in &scores {
                assert!(
                    (1.0..=10.0).contains(&s) && (s * 2.0).fract() == 0.0,
                    "score {s}"
                );
            }
            let total = total.unwrap();
            let (low, high) = form.total_bounds();
            let mut reasons = Vec::new();
            if levels.iter().any(|&l| l > 1) {
                reasons.push("thang-duoi-tot");
            }
            if !levels.contains(&0) {
                reasons.push("khong-thang-xuat-sac");
            }
            if flagged(&p.discipline) {
                reasons.push("ky-luat");
            }
            if flagged(&p.inspection) {
                reasons.push("thanh-tra");
            }
            if scores[..form.mandatory()].iter().any(|&s| s < 10.0) {
                reasons.push("bat-buoc-duoi-10");
            }
            if scores[form.mandatory()..].iter().any(|&s| s < 8.0) {
                reasons.push("con-lai-duoi-8");
            }
            if total < low || total > high {
                reasons.push("tong-ngoai-khung");
            }
            if form == Form::F03 {
                let parts: Vec<String> = p.in_charge.split(';').map(fold).collect();
                let mut offenders = Vec::new();
                for &q in &people {
                    let in_scope = p.in_charge.is_empty() || parts.contains(&fold(&q.part));
                    if q.id != p.id && in_scope && violates(q) {
                        assert!(
                            !absent(q),
                            "absent {} in a leader's scope: SPEC corner",
                            q.id
                        );
                        offenders.push(q);
                    }
                }
                if !offenders.is_empty() {
                    reasons.push("don-vi-vi-pham");
                }
            }
            out.status = if reasons.is_empty() {
                "dat"
            } else {
                "khong-dat"
            };
            out.reasons = reasons;
            out.total = Some(total);
            out
        })
        .collect()
}

/// Asserts the evaluator agrees with what a fixture claims: (id, status, reasons).
fn expect(outcomes: &[Outcome], claims: &[(&str, &str, &[&str])]) {
    assert_eq!(outcomes.len(), claims.len(), "claims must cover everyone");
    for (o, (id, status, reasons)) in outcomes.iter().zip(claims) {
        assert_eq!(o.id, *id);
        assert_eq!(
            (o.status, o.reasons.as_slice()),
            (*status, *reasons),
            "{id}"
        );
    }
}

fn expect_all(outcomes: &[Outcome], status: &str) {
    for o in outcomes {
        assert_eq!(o.status, status, "{}: {:?}", o.id, o.reasons);
    }
}

// ---------------------------------------------------------------------------------------------
// The manifest.
// ---------------------------------------------------------------------------------------------

struct Finding {
    severity: &'static str,
    code: &'static str,
    file: String,
    sheet: Option<String>,
    cell: Option<String>,
    person: Option<String>,
}

fn error(code: &'static str, file: &str, sheet: &str, cell: &str, person: &str) -> Finding {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Finding {
        severity: "error",
        code,
        file: file.to_string(),
        sheet: opt(sheet),
        cell: opt(cell),
        person: opt(person),
    }
}

fn warning(code: &'static str, file: &str, sheet: &str, cell: &str, person: &str) -> Finding {
    Finding {
        severity: "warning",
        ..error(code, file, sheet, cell, person)
    }
}

enum People {
    Results(Vec<Outcome>),
    NotAsserted(&'static str),
}

struct Entry {
    /// File or folder, relative to the fixtures directory.
    name: String,
    /// How to run it.
    run: String,
    about: String,
    /// `validate` status of every file.
    files: Vec<(String, &'static str)>,
    findings: Vec<Finding>,
    people: People,
    /// More cases or remarks.
    notes: Vec<String>,
}

struct Generator {
    out: PathBuf,
    entries: Vec<Entry>,
}

impl Generator {
    fn save(&self, name: &str, unit: &Unit) -> Written {
        let written = write_unit(unit).unwrap_or_else(|e| panic!("{name}: {e}"));
        self.write_bytes(name, &written.bytes);
        written
    }

    fn write_bytes(&self, name: &str, bytes: &[u8]) {
        let path = self.out.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    fn add(
        &mut self,
        name: &str,
        about: &str,
        status: &'static str,
        findings: Vec<Finding>,
        people: People,
    ) {
        self.entries.push(Entry {
            name: name.to_string(),
            run: "alone".to_string(),
            about: about.to_string(),
            files: vec![(name.to_string(), status)],
            findings,
            people,
            notes: Vec::new(),
        });
    }

    fn last(&mut self) -> &mut Entry {
        self.entries.last_mut().unwrap()
    }
}

fn fmt_total(x: Option<f64>) -> String {
    match x {
        Some(x) => format!("{x}"),
        None => "null".to_string(),
    }
}

fn finding_line(f: &Finding, with_file: bool) -> String {
    let mut s = format!("{} `{}`", f.severity, f.code);
    let place = match (&f.sheet, &f.cell) {
        (Some(sheet), Some(cell)) => format!(" `{sheet}`!{cell}"),
        (Some(sheet), None) => format!(" `{sheet}`"),
        _ => String::new(),
    };
    s.push_str(&place);
    if let Some(p) = &f.person {
        let _ = write!(s, " ({p})");
    }
    if with_file {
        let _ = write!(s, " in {}", f.file);
    }
    s
}

fn people_summary(people: &People) -> String {
    match people {
        People::NotAsserted(why) => format!("not asserted ({why})"),
        People::Results(list) if list.iter().all(|o| o.status == list[0].status) => {
            format!(
                "all {} ({}–{})",
                list[0].status,
                list[0].id,
                list[list.len() - 1].id
            )
        }
        People::Results(list) => {
            let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
            for o in list {
                match groups.iter_mut().find(|(s, _)| *s == o.status) {
                    Some((_, ids)) => ids.push(&o.id),
                    None => groups.push((o.status, vec![&o.id])),
                }
            }
            groups
                .iter()
                .map(|(status, ids)| format!("{status}: {}", ids.join(", ")))
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}

fn manifest(entries: &[Entry], base: &Written) -> String {
    let mut s = String::new();
    let l = |col: Col| base.list_header(col);
    let _ = write!(
        s,
        r#"# Test fixtures

Generated by `cargo run --example make-fixtures` (optionally `-- OUTDIR`; default `fixtures`) from
`examples/make-fixtures.rs`; do not edit by hand. The generator records the address of every cell
it writes, and checks every status below with its own small evaluator of the rules, so the cells
and results here come from the same code as the workbooks.

## How to read this

- **Run**: every fixture is checked on its own — one file alone, a folder as a whole — without
  `-q` unless the row says so. Most fixtures share the unit code `TN`: run together they would
  also raise `unit-duplicate`, and the quarter II fixtures would clash with the quarter I ones.
- **Findings** lists *every* finding expected, no more, as `severity code sheet!cell (person)`.
  A finding with no cell is about a whole sheet or file (any cell or none is fine there).
  The person is the `Mã CB` the finding must name.
- **Files** is `validate`'s `files[].status`: `ok`, `loi`, `canh-bao`, `bo-qua`.
- **People** is `evaluate`'s `status` (and, in the details, `reasons` in SPEC order and `total`).
  An error finding that names a person makes that person `loi`; everyone else keeps the result
  of the base data. "Not asserted" where a file-level error stops the evaluation of the unit.

## The base unit

Quarter I/2024 (months 1, 2, 3), unit "Phòng Thử nghiệm", `Mã đơn vị` `TN`, `Khối` "Chính quyền",
`Tổng số CBCCVC, NLĐ` 5, `Ngày gửi` 25/03/2024 (a date cell). No title rows: every header is on row 1.

- `Thông tin`: labels in A1:A6, values in B1:B6 — `Đơn vị` {dv}, `Mã đơn vị` {ma}, `Khối` {khoi},
  `Quý` {quy} ("I/2024"), `Tổng số CBCCVC, NLĐ` {ts}, `Ngày gửi` {ng}.
- `Danh sách`: one row per person from row 2 (TN01 on row 2, TN0n on row n+1); columns `STT` {c_stt},
  `Mã CB` {c_id}, `Họ và tên` {c_name}, `Ngày sinh` {c_birth}, `Chức vụ` {c_title}, `Bộ phận` {c_part},
  `Phụ trách` {c_ic}, `Diện BTV quản lý` {c_btv}, `Tháng 1` {c_m1}, `Tháng 2` {c_m2}, `Tháng 3` {c_m3},
  `Kỷ luật` {c_kl}, `Thanh tra, kiểm tra` {c_tt}, `Số ngày nghỉ` {c_days}, `Nghỉ từ ngày` {c_from},
  `Nghỉ đến ngày` {c_to}, `Ghi chú` {c_note}.
- `Mẫu 03` (TN01) and `Mẫu 04` (TN02–TN05, TN02 on row 2): `STT` A, `Mã CB` B, `Họ và tên` C,
  criterion k in column 3+k (item 1 {i1}, item 5 {i5}, item 20 {i20}, item 21 {i21}, item 30 {i30},
  mẫu 03 item 45 {i45}), `Tổng điểm` {tot4} on `Mẫu 04` and {tot3} on `Mẫu 03`, written as
  `=SUM(..)` with its cached value. Header numbers are numbers.
- TN01 "Nguyễn Văn An", Trưởng phòng, `Bộ phận` "Lãnh đạo", `Diện BTV quản lý` x, `Phụ trách`
  empty (the whole unit). TN02–TN05 Chuyên viên, `Bộ phận` "Bộ phận Tổng hợp".
- Everyone: months HTXSNV, HTTNV, HTTNV; no discipline, no inspection, no absence; mandatory items
  (1–30 of mẫu 03, 1–20 of mẫu 04) 10, the others 9: totals 435 (mẫu 03) and 290 (mẫu 04); all `dat`.

Quarter II fixtures use months 4, 5, 6, `Quý` "II/2024" and `Ngày gửi` 25/06/2024, same layout.

## Summary

| Fixture | Run | Files | Findings | People |
| --- | --- | --- | --- | --- |
"#,
        dv = base.info("Đơn vị"),
        ma = base.info("Mã đơn vị"),
        khoi = base.info("Khối"),
        quy = base.info("Quý"),
        ts = base.info("Tổng số CBCCVC, NLĐ"),
        ng = base.info("Ngày gửi"),
        c_stt = l(Col::Stt),
        c_id = l(Col::Id),
        c_name = l(Col::Name),
        c_birth = l(Col::Birth),
        c_title = l(Col::Title),
        c_part = l(Col::Part),
        c_ic = l(Col::InCharge),
        c_btv = l(Col::Btv),
        c_m1 = l(Col::Month(0)),
        c_m2 = l(Col::Month(1)),
        c_m3 = l(Col::Month(2)),
        c_kl = l(Col::Discipline),
        c_tt = l(Col::Inspection),
        c_days = l(Col::DaysAbsent),
        c_from = l(Col::From),
        c_to = l(Col::To),
        c_note = l(Col::Note),
        i1 = col_letters(&base.score(Form::F04, "TN02", "1")),
        i5 = col_letters(&base.score(Form::F04, "TN02", "5")),
        i20 = col_letters(&base.score(Form::F04, "TN02", "20")),
        i21 = col_letters(&base.score(Form::F04, "TN02", "21")),
        i30 = col_letters(&base.score(Form::F04, "TN02", "30")),
        i45 = col_letters(&base.score(Form::F03, "TN01", "45")),
        tot4 = col_letters(&base.score(Form::F04, "TN02", "total")),
        tot3 = col_letters(&base.score(Form::F03, "TN01", "total")),
    );
    for e in entries {
        let files = e
            .files
            .iter()
            .map(|(f, st)| {
                if e.files.len() == 1 {
                    format!("`{st}`")
                } else {
                    format!("{f}: `{st}`")
                }
            })
            .collect::<Vec<_>>()
            .join("<br>");
        let findings = if e.findings.is_empty() {
            "none".to_string()
        } else {
            e.findings
                .iter()
                .map(|f| finding_line(f, e.files.len() > 1))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            s,
            "| [`{n}`](#{a}) | {r} | {files} | {findings} | {p} |",
            n = e.name,
            a = anchor(&e.name),
            r = e.run,
            p = people_summary(&e.people)
        );
    }
    s.push_str("\n## Details\n");
    for e in entries {
        let _ = write!(s, "\n### {}\n\n{}\n\n", e.name, e.about);
        let _ = writeln!(s, "Run: {}.\n", e.run);
        if e.findings.is_empty() {
            s.push_str("Findings: none.\n");
        } else {
            s.push_str("| severity | code | file | sheet | cell | person |\n| --- | --- | --- | --- | --- | --- |\n");
            for f in &e.findings {
                let _ = writeln!(
                    s,
                    "| {} | `{}` | {} | {} | {} | {} |",
                    f.severity,
                    f.code,
                    f.file,
                    f.sheet.as_deref().unwrap_or("—"),
                    f.cell.as_deref().unwrap_or("—"),
                    f.person.as_deref().unwrap_or("—")
                );
            }
        }
        s.push('\n');
        for (f, st) in &e.files {
            let _ = writeln!(s, "- `{f}`: `{st}`");
        }
        s.push('\n');
        match &e.people {
            People::NotAsserted(why) => {
                let _ = writeln!(s, "People: not asserted ({why}).");
            }
            People::Results(list) => {
                s.push_str("| Mã CB | Họ và tên | form | status | reasons | total |\n| --- | --- | --- | --- | --- | --- |\n");
                for o in list {
                    let reasons = o
                        .reasons
                        .iter()
                        .map(|r| format!("`{r}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let _ = writeln!(
                        s,
                        "| {} | {} | {} | `{}` | {} | {} |",
                        o.id,
                        o.name,
                        o.form.map_or("—", Form::code),
                        o.status,
                        if reasons.is_empty() {
                            "—".to_string()
                        } else {
                            reasons
                        },
                        fmt_total(o.total)
                    );
                }
            }
        }
        for note in &e.notes {
            let _ = write!(s, "\n{note}\n");
        }
    }
    s
}

fn col_letters(cell: &str) -> String {
    cell.chars().take_while(char::is_ascii_alphabetic).collect()
}

fn anchor(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Small helpers for the fixtures.
// ---------------------------------------------------------------------------------------------

/// What Excel leaves in a `~$` owner file: the user's name, once in ANSI, once in UTF-16.
fn lock_file_bytes(owner: &str) -> Vec<u8> {
    let ansi: Vec<u8> = owner
        .chars()
        .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
        .take(53)
        .collect();
    let mut out = vec![ansi.len() as u8];
    out.extend_from_slice(&ansi);
    out.resize(54, b' ');
    out.extend_from_slice(&[owner.chars().count() as u8, 0]);
    for unit in owner.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out.resize(162, 0);
    out
}

/// Deterministic bytes that are not a zip archive.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out: Vec<u8> = (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect();
    out[0] = b'#'; // never "PK"
    out
}

fn all(outcomes: Vec<Outcome>, status: &str) -> People {
    expect_all(&outcomes, status);
    People::Results(outcomes)
}

const NOT_EVALUATED: &str = "the unit cannot be read as a whole";

// ---------------------------------------------------------------------------------------------
// The fixtures.
// ---------------------------------------------------------------------------------------------

fn valid_fixtures(g: &mut Generator) -> Written {
    let base = Unit::tn();
    let written = g.save("hop-le.xlsx", &base);
    g.add(
        "hop-le.xlsx",
        "The base unit as described above.",
        "ok",
        vec![],
        all(evaluate(&base, &[]), "dat"),
    );

    let variant = fixture(Unit::tn(), |u| {
        u.style = Style {
            title_rows: true,
            caps: true,
            nfd: true,
            group_row: true,
            mark_row: true,
            blank_tail: 6,
            text_dates: true,
            remarks: true,
            tcvn3_list: false,
        };
        u.sheets.push(Sheet::HiddenList);
        u.quarter = t("Quý I/2024");
        u.month_headers = vec!["T1".into(), "Tháng 02".into(), "Tháng 3/2024".into()];
        u.columns = vec![
            Col::Stt,
            Col::Name,
            Col::Id,
            Col::Part,
            Col::Month(0),
            Col::Month(1),
            Col::Month(2),
            Col::Education,
            Col::Btv,
            Col::Title,
            Col::Birth,
            Col::DaysAbsent,
            Col::Discipline,
            Col::Inspection,
            Col::InCharge,
            Col::From,
            Col::To,
            Col::Note,
        ];
        let spellings = [
            ["Hoàn thành xuất sắc nhiệm vụ", " htt ", "Tot"],
            ["A", "B", " htt "],
            ["Hoàn thành xuất sắc nhiệm vụ", "Tot", "B"],
            ["htxs", "Hoàn thành tốt nhiệm vụ", "B"],
            ["HTXSNV", "Tot", " htt "],
        ];
        for (p, months) in u.people.iter_mut().zip(spellings) {
            p.set_months(months);
            p.discipline = t("Không");
            p.inspection = t("Không");
            p.days_absent = V::Num(0.0);
        }
        u.people[1].education = "Thạc sĩ".into();
        let p = u.person("TN05");
        p.days_absent = V::Num(3.0);
        p.leave_from = V::Date(date(11, 3, 2024));
        p.leave_to = V::Date(date(13, 3, 2024));
        p.note = "Nghỉ phép".into();
        let p = u.person("TN01");
        p.item(2, t(" 10 "));
        p.item(31, t("9,5"));
        let p = u.person("TN02");
        p.item(1, t(" 10 "));
        p.item(21, t("9,5"));
        p.item(25, t("9,5"));
        u.person("TN03").remark = "Tích cực, trách nhiệm".into();
        u.person("TN04").others(9.5);
    });
    assert_eq!(
        working_days_in_quarter(date(11, 3, 2024), date(13, 3, 2024), 2024, 1),
        3
    );
    g.save("hop-le-bien-the.xlsx", &variant);
    g.add(
        "hop-le-bien-the.xlsx",
        "The base unit with every variation a real office brings at once: three merged title \
         rows above each header row (and above the `Thông tin` labels, which start on row 4); \
         upper-case headers (\"HỌ VÀ TÊN\"); `Danh sách` columns shuffled (STT, HỌ VÀ TÊN, MÃ CB, \
         BỘ PHẬN, the months, …) with an unknown column \"TRÌNH ĐỘ CHUYÊN MÔN\"; month headers \
         \"T1\", \"Tháng 02\", \"Tháng 3/2024\"; ratings spelled \"Hoàn thành xuất sắc nhiệm vụ\", \
         \" htt \", \"Tot\", \"B\", \"A\", \"htxs\", \"Hoàn thành tốt nhiệm vụ\"; `Quý` \"Quý I/2024\"; \
         scores typed as text \" 10 \" and \"9,5\" (TN01 items 2 and 31, TN02 items 1, 21, 25; \
         their `Tổng điểm` typed as numbers, 435.5 and 291, because Excel's SUM skips text); the \
         other totals `=SUM()` with cached values; every text in NFD, sheet names included; a \
         `Bắt buộc` row under the `Mẫu 04` header marking items 1–20; a group row (\"Đạo đức công \
         vụ\", \"Hoạt động công vụ\", \"Phong cách …\") merged above the criterion numbers; \
         `Kỷ luật` and `Thanh tra, kiểm tra` filled with \"Không\"; `Số ngày nghỉ` 0, TN05 3 days \
         (11/03–13/03/2024, consistent); dates as text \"dd/mm/yyyy\" (`Ngày sinh`, `Ngày gửi`, \
         leave); a `Nhận xét` column; a hidden `Danh mục` sheet; six formatted empty rows below \
         every table. TN04's other items are 9.5.",
        "ok",
        vec![],
        all(evaluate(&variant, &[]), "dat"),
    );

    let folder = fixture(Unit::base("TNA", 2024, 1, 5), |_| {});
    g.save("thu-muc/don-vi-a.xlsx", &folder);
    g.write_bytes("thu-muc/~$don-vi-a.xlsx", &lock_file_bytes("Nguyễn Văn An"));
    g.write_bytes(
        "thu-muc/.an.xlsx",
        b"A hidden file, not a workbook: reading it would be file-unreadable.\n",
    );
    g.entries.push(Entry {
        name: "thu-muc/".into(),
        run: "the folder".into(),
        about: "A folder: `don-vi-a.xlsx` (the base unit with code `TNA`, people TNA01–TNA05), \
                `~$don-vi-a.xlsx` (a 162-byte Excel owner lock file) and `.an.xlsx` (a hidden \
                file, not a workbook). The two others are skipped, not read."
            .into(),
        files: vec![
            ("thu-muc/.an.xlsx".into(), "bo-qua"),
            ("thu-muc/don-vi-a.xlsx".into(), "ok"),
            ("thu-muc/~$don-vi-a.xlsx".into(), "bo-qua"),
        ],
        findings: vec![],
        people: all(evaluate(&folder, &[]), "dat"),
        notes: vec![],
    });
    written
}

fn reason_fixtures(g: &mut Generator) {
    let unit = fixture(Unit::base("TN", 2024, 1, 11), |u| {
        u.headcount = V::Num(12.0);
        u.add_leader("Phó Trưởng phòng", PART_DESK);
        u.person("TN03").set_months(["HTXSNV", "HTNV", "HTTNV"]);
        u.person("TN04").set_months(["HTTNV", "HTTNV", "HTTNV"]);
        u.person("TN05").discipline = t("Khiển trách");
        u.person("TN06").inspection = t("Đang thanh tra");
        u.person("TN07").item(7, V::Num(9.5));
        u.person("TN08").item(25, V::Num(7.5));
        let p = u.person("TN09");
        p.set_months(["KHTNV", "HTTNV", "HTXSNV"]);
        p.part = PART_DESK.into();
        let p = u.person("TN10");
        p.days_absent = V::Num(20.0);
        p.absent_unscored();
        let p = u.person("TN11");
        p.others(7.0);
        p.item(3, V::Num(9.0));
    });
    let outcomes = evaluate(&unit, &[]);
    expect(
        &outcomes,
        &[
            ("TN01", "khong-dat", &["don-vi-vi-pham"]),
            ("TN02", "dat", &[]),
            ("TN03", "khong-dat", &["thang-duoi-tot"]),
            ("TN04", "khong-dat", &["khong-thang-xuat-sac"]),
            ("TN05", "khong-dat", &["ky-luat"]),
            ("TN06", "khong-dat", &["thanh-tra"]),
            ("TN07", "khong-dat", &["bat-buoc-duoi-10"]),
            ("TN08", "khong-dat", &["con-lai-duoi-8"]),
            ("TN09", "khong-dat", &["thang-duoi-tot"]),
            ("TN10", "khong-danh-gia", &["vang-15-ngay"]),
            (
                "TN11",
                "khong-dat",
                &["bat-buoc-duoi-10", "con-lai-duoi-8", "tong-ngoai-khung"],
            ),
            ("TN12", "khong-dat", &["don-vi-vi-pham"]),
        ],
    );
    assert_eq!(outcomes[10].total, Some(269.0));
    g.save("ly-do.xlsx", &unit);
    g.add(
        "ly-do.xlsx",
        "Twelve people (`Tổng số` 12), each triggering exactly the listed reasons. TN01 leads \
         the whole unit (`Phụ trách` empty); TN12 is a second mẫu 03 leader (Phó Trưởng phòng, \
         `Bộ phận` \"Lãnh đạo\") with `Phụ trách` \"Bộ phận Một cửa\". Everyone else is in \"Bộ \
         phận Tổng hợp\" except TN09 (\"Bộ phận Một cửa\"). TN03 months HTXSNV, HTNV, HTTNV; TN04 \
         HTTNV ×3; TN05 `Kỷ luật` \"Khiển trách\"; TN06 `Thanh tra, kiểm tra` \"Đang thanh tra\"; \
         TN07 item 7 (mandatory) 9.5; TN08 item 25 (other) 7.5; TN09 months KHTNV, HTTNV, HTXSNV; \
         TN10 `Số ngày nghỉ` 20 and on no score sheet; TN11 item 3 9 and all other items 7 \
         (19×10 + 9 + 10×7 = 269). TN01 and TN12 fail only the unit condition (TN09 is in both \
         scopes; TN05 and TN06 in TN01's). `Mẫu 03`: TN01 row 2, TN12 row 3; `Mẫu 04`: TN02–TN09 \
         rows 2–9, TN11 row 10.",
        "ok",
        vec![],
        People::Results(outcomes),
    );

    let unit = fixture(Unit::tn(), |u| {
        u.person("TN01").in_charge = PART_GENERAL.into();
        let p = u.person("TN05");
        p.part = PART_DESK.into();
        p.set_months(["KHTNV", "HTTNV", "HTXSNV"]);
    });
    let outcomes = evaluate(&unit, &[]);
    expect(
        &outcomes,
        &[
            ("TN01", "dat", &[]),
            ("TN02", "dat", &[]),
            ("TN03", "dat", &[]),
            ("TN04", "dat", &[]),
            ("TN05", "khong-dat", &["thang-duoi-tot"]),
        ],
    );
    g.save("ly-do-lanh-dao-ok.xlsx", &unit);
    g.add(
        "ly-do-lanh-dao-ok.xlsx",
        "Leader TN01 has `Phụ trách` \"Bộ phận Tổng hợp\"; TN05 is in \"Bộ phận Một cửa\" with \
         months KHTNV, HTTNV, HTXSNV. TN05 is outside TN01's scope, so TN01 stays `dat`.",
        "ok",
        vec![],
        People::Results(outcomes),
    );
}

fn boundary_fixtures(g: &mut Generator) {
    // Absences given by dates only, counted with the calendar (quarter II/2024).
    let spans = [
        // (person, from, to, working days in the quarter)
        ("TN02", date(8, 4, 2024), date(26, 4, 2024), 14), // across Giỗ Tổ 18/4
        ("TN03", date(5, 4, 2024), date(26, 4, 2024), 15), // across Giỗ Tổ 18/4
        ("TN04", date(27, 4, 2024), date(20, 5, 2024), 14), // 27/4–1/5 off, Saturday 4/5 worked
        ("TN05", date(27, 4, 2024), date(21, 5, 2024), 15), // 27/4–1/5 off, Saturday 4/5 worked
        ("TN06", date(18, 3, 2024), date(19, 4, 2024), 14), // March days are outside the quarter
    ];
    for &(_, from, to, days) in &spans {
        assert_eq!(working_days_in_quarter(from, to, 2024, 2), days);
    }
    // Without the calendar the counts would differ (this is what the fixture tests).
    let weekdays = |from: Date, to: Date| {
        let (mut d, mut n) = (from, 0);
        while d <= to {
            n += u32::from(d.weekday() < 5);
            d = d.next();
        }
        n
    };
    assert_eq!(weekdays(date(8, 4, 2024), date(26, 4, 2024)), 15);
    assert_eq!(weekdays(date(27, 4, 2024), date(21, 5, 2024)), 17);
    assert_eq!(weekdays(date(18, 3, 2024), date(19, 4, 2024)), 25);
    let unit = fixture(Unit::base("TN", 2024, 2, 8), |u| {
        for &(id, from, to, days) in &spans {
            let p = u.person(id);
            p.leave_from = V::Date(from);
            p.leave_to = V::Date(to);
            p.note = "Nghỉ ốm".into();
            if days >= 15 {
                p.absent_unscored();
            }
        }
        u.person("TN07").days_absent = V::Num(14.0);
        let p = u.person("TN08");
        p.days_absent = V::Num(15.0);
        p.absent_unscored();
    });
    let outcomes = evaluate(&unit, &[]);
    let nd: &[&str] = &["vang-15-ngay"];
    expect(
        &outcomes,
        &[
            ("TN01", "dat", &[]),
            ("TN02", "dat", &[]),
            ("TN03", "khong-danh-gia", nd),
            ("TN04", "dat", &[]),
            ("TN05", "khong-danh-gia", nd),
            ("TN06", "dat", &[]),
            ("TN07", "dat", &[]),
            ("TN08", "khong-danh-gia", nd),
        ],
    );
    g.save("bien-vang.xlsx", &unit);
    g.add(
        "bien-vang.xlsx",
        "Quarter II/2024, eight people (`Tổng số` 8), absences at the 15-working-day boundary. \
         TN02–TN06 give only `Nghỉ từ ngày`/`Nghỉ đến ngày` (date cells, `Số ngày nghỉ` blank): \
         TN02 08/04–26/04/2024 = 14 working days (across Giỗ Tổ 18/4; 15 weekdays); TN03 \
         05/04–26/04/2024 = 15; TN04 27/04–20/05/2024 = 14 (27/4–1/5 off, make-up Saturday 4/5 \
         counted); TN05 27/04–21/05/2024 = 15 (14 without the Saturday, 17 plain weekdays); TN06 \
         18/03–19/04/2024 = 14 inside the quarter (25 weekdays counting March). TN07 `Số ngày \
         nghỉ` 14, TN08 15. The 14-day people are scored (`Mẫu 04` rows 2–5: TN02, TN04, TN06, \
         TN07); the 15-day people are on no score sheet.",
        "ok",
        vec![],
        People::Results(outcomes),
    );

    let unit = fixture(Unit::base("TN", 2024, 2, 4), |u| {
        u.person("TN01").others(8.0);
        u.person("TN02").others(8.0);
        let p = u.person("TN03");
        p.others(8.0);
        p.item(30, V::Num(7.5));
        let p = u.person("TN04");
        p.others(10.0);
        p.item(20, V::Num(9.5));
    });
    let outcomes = evaluate(&unit, &[]);
    expect(
        &outcomes,
        &[
            ("TN01", "dat", &[]),
            ("TN02", "dat", &[]),
            ("TN03", "khong-dat", &["con-lai-duoi-8", "tong-ngoai-khung"]),
            ("TN04", "khong-dat", &["bat-buoc-duoi-10"]),
        ],
    );
    let totals: Vec<Option<f64>> = outcomes.iter().map(|o| o.total).collect();
    assert_eq!(totals, [Some(420.0), Some(280.0), Some(279.5), Some(299.5)]);
    g.save("bien-diem.xlsx", &unit);
    g.add(
        "bien-diem.xlsx",
        "Quarter II/2024, four people (`Tổng số` 4), scores at the boundaries. TN01 (mẫu 03): \
         30 mandatory at 10, 15 others at 8 (420). TN02: mandatory 10, others 8 (280). TN03: \
         the same but item 30 7.5 (279.5). TN04: item 20 (mandatory) 9.5, all others 10 (299.5).",
        "ok",
        vec![],
        People::Results(outcomes),
    );
}

fn finding_fixtures(g: &mut Generator) {
    let dat_except = |unit: &Unit, loi: &[&str]| {
        let outcomes = evaluate(unit, loi);
        for o in &outcomes {
            let want = if loi.contains(&o.id.as_str()) {
                "loi"
            } else {
                "dat"
            };
            assert_eq!(o.status, want, "{}", o.id);
        }
        People::Results(outcomes)
    };

    g.write_bytes("hong.xlsx", &noise(2048));
    g.add(
        "hong.xlsx",
        "2048 pseudo-random bytes: not a zip archive.",
        "loi",
        vec![error("file-unreadable", "hong.xlsx", "", "", "")],
        People::NotAsserted("no unit"),
    );
    g.write_bytes("rong.xlsx", b"");
    g.add(
        "rong.xlsx",
        "An empty file (0 bytes).",
        "loi",
        vec![error("file-unreadable", "rong.xlsx", "", "", "")],
        People::NotAsserted("no unit"),
    );

    let unit = fixture(Unit::tn(), |u| u.sheets.retain(|s| *s != Sheet::List));
    g.save("thieu-sheet.xlsx", &unit);
    g.add(
        "thieu-sheet.xlsx",
        "The base unit without its `Danh sách` sheet (sheets: `Thông tin`, `Mẫu 03`, `Mẫu 04`).",
        "loi",
        vec![error(
            "sheet-missing",
            "thieu-sheet.xlsx",
            "Danh sách",
            "",
            "",
        )],
        People::NotAsserted(NOT_EVALUATED),
    );

    let unit = fixture(Unit::tn(), |u| u.columns.retain(|c| *c != Col::Id));
    let w = g.save("thieu-cot.xlsx", &unit);
    g.add(
        "thieu-cot.xlsx",
        "`Danh sách` has no `Mã CB` column (the other columns move one to the left; the score \
         sheets are unchanged).",
        "loi",
        vec![error(
            "column-missing",
            "thieu-cot.xlsx",
            "Danh sách",
            &w.list_header(Col::Stt),
            "",
        )],
        People::NotAsserted(NOT_EVALUATED),
    );
    g.last().notes.push(
        "The cell is the first cell of the header row (`Danh sách` has its header on row 1)."
            .into(),
    );

    let unit = fixture(Unit::tn(), |u| u.name = V::Blank);
    let w = g.save("thieu-thong-tin.xlsx", &unit);
    g.add(
        "thieu-thong-tin.xlsx",
        "`Thông tin` has the label `Đơn vị` with an empty value.",
        "loi",
        vec![error(
            "info-missing",
            "thieu-thong-tin.xlsx",
            "Thông tin",
            &w.info("Đơn vị"),
            "",
        )],
        People::NotAsserted(NOT_EVALUATED),
    );

    let unit = Unit::base("TNQ", 2024, 2, 5);
    let w = g.save("sai-quy.xlsx", &unit);
    g.add(
        "sai-quy.xlsx",
        "A valid quarter II/2024 unit, code `TNQ` (people TNQ01–TNQ05): `Quý` \"II/2024\", \
         months Tháng 4, 5, 6, `Ngày gửi` 25/06/2024.",
        "loi",
        vec![error(
            "quarter-mismatch",
            "sai-quy.xlsx",
            "Thông tin",
            &w.info("Quý"),
            "",
        )],
        People::NotAsserted("the file is not of the quarter asked for"),
    );
    let outcomes = evaluate(&unit, &[]);
    expect_all(&outcomes, "dat");
    let e = g.last();
    e.run = "`-q 2024-Q1` (or in one batch with quarter I files)".into();
    e.notes.push(
        "Its month columns agree with its own `Quý`, so there is no `month-mismatch`. Run alone \
         without `-q` it is valid: file `ok`, no findings, quarter 2024-Q2, TNQ01–TNQ05 all `dat`."
            .into(),
    );

    let unit = fixture(Unit::tn(), |u| {
        u.month_headers = vec!["Tháng 4".into(), "Tháng 5".into(), "Tháng 6".into()];
    });
    let w = g.save("sai-thang.xlsx", &unit);
    g.add(
        "sai-thang.xlsx",
        "`Quý` I/2024 but the month columns are headed Tháng 4, Tháng 5, Tháng 6 (ratings as \
         in the base unit).",
        "loi",
        (0..3)
            .map(|i| {
                error(
                    "month-mismatch",
                    "sai-thang.xlsx",
                    "Danh sách",
                    &w.list_header(Col::Month(i)),
                    "",
                )
            })
            .collect(),
        People::NotAsserted("no month of the quarter has ratings"),
    );

    type Change = fn(&mut Person);
    let score_cases: [(&str, &str, &'static str, Change); 5] = [
        (
            "diem-chu.xlsx",
            "TN03's item 5 is the text \"tám\" (`Tổng điểm` is `=SUM()` with Excel's cached value \
             281, SUM skipping the text).",
            "score-not-number",
            |p| p.item(5, t("tám")),
        ),
        (
            "diem-ngoai-khung.xlsx",
            "TN03's item 5 is 12 (`Tổng điểm` `=SUM()` cached 293, consistent).",
            "score-out-of-range",
            |p| p.item(5, V::Num(12.0)),
        ),
        (
            "diem-buoc.xlsx",
            "TN03's item 5 is 8.3 (`Tổng điểm` `=SUM()` cached 289.3, consistent).",
            "score-step",
            |p| p.item(5, V::Num(8.3)),
        ),
        (
            "diem-trong.xlsx",
            "TN03's item 5 is blank (`Tổng điểm` `=SUM()` cached 281, consistent).",
            "score-missing",
            |p| p.item(5, V::Blank),
        ),
        (
            "tong-sai.xlsx",
            "TN03's `Tổng điểm` is the number 291, one more than the sum of its scores (290).",
            "total-mismatch",
            |p| p.total = Total::Number(291.0),
        ),
    ];
    for (name, about, code, change) in score_cases {
        let unit = fixture(Unit::tn(), |u| change(u.person("TN03")));
        let w = g.save(name, &unit);
        let col = if code == "total-mismatch" {
            "total"
        } else {
            "5"
        };
        let people = dat_except(&unit, &["TN03"]);
        g.add(
            name,
            about,
            "loi",
            vec![error(
                code,
                name,
                "Mẫu 04",
                &w.score(Form::F04, "TN03", col),
                "TN03",
            )],
            people,
        );
    }

    let rating_cases: [(&str, &str, &'static str, V); 2] = [
        (
            "xep-loai-la.xlsx",
            "TN03's `Tháng 2` rating is \"Giỏi\", not an accepted spelling.",
            "rating-unknown",
            t("Giỏi"),
        ),
        (
            "xep-loai-trong.xlsx",
            "TN03's `Tháng 2` rating is blank.",
            "rating-missing",
            V::Blank,
        ),
    ];
    for (name, about, code, rating) in rating_cases {
        let unit = fixture(Unit::tn(), |u| u.person("TN03").months[1] = rating);
        let w = g.save(name, &unit);
        let people = dat_except(&unit, &["TN03"]);
        g.add(
            name,
            about,
            "loi",
            vec![error(
                code,
                name,
                "Danh sách",
                &w.list("TN03", Col::Month(1)),
                "TN03",
            )],
            people,
        );
    }

    let unit = fixture(Unit::tn(), |u| {
        let mut twin = u.person("TN03").clone();
        twin.name = "Nguyễn Thị Lan".into();
        twin.duplicate = true;
        twin.set_form(None);
        u.people.push(twin);
    });
    let w = g.save("trung-ma.xlsx", &unit);
    let people = dat_except(&unit, &["TN01", "TN03"]);
    g.add(
        "trung-ma.xlsx",
        "`Danh sách` lists TN03 twice: row 4 (Lê Minh Cường) and again on row 7 (STT 6, \"Nguyễn \
         Thị Lan\"). `Mẫu 04` scores TN03 once. `Tổng số` stays 5, the number of distinct `Mã CB`. \
         The second row is nobody known, so the head of the unit (TN01, whole unit in scope) \
         cannot be decided either (`scope-unknown`).",
        "loi",
        vec![
            error(
                "person-duplicate",
                "trung-ma.xlsx",
                "Danh sách",
                &w.list("TN03#2", Col::Id),
                "TN03",
            ),
            error(
                "scope-unknown",
                "trung-ma.xlsx",
                "Danh sách",
                &w.list("TN03#2", Col::Id),
                "TN01",
            ),
        ],
        people,
    );
    g.last().notes.push(
        "`headcount-mismatch` is not expected: the headcount compares with the distinct people."
            .into(),
    );

    let unit = fixture(Unit::tn(), |u| {
        u.person("TN05").set_form(None);
        let mut stranger = Person::staff("TN", 9, Form::F04);
        stranger.listed = false;
        u.people.push(stranger);
    });
    let w = g.save("khong-khop.xlsx", &unit);
    let people = dat_except(&unit, &["TN05"]);
    g.add(
        "khong-khop.xlsx",
        "`Mẫu 04` scores TN09 (Đỗ Hữu Hiếu, row 5), who is not in `Danh sách`; TN05 is in \
         `Danh sách`, not absent, and on no score sheet. `Tổng số` 5 = the `Danh sách` count.",
        "loi",
        vec![
            error(
                "person-unmatched",
                "khong-khop.xlsx",
                "Danh sách",
                &w.list("TN05", Col::Id),
                "TN05",
            ),
            error(
                "person-unmatched",
                "khong-khop.xlsx",
                "Mẫu 04",
                &w.score(Form::F04, "TN09", "id"),
                "TN09",
            ),
        ],
        people,
    );
    g.last()
        .notes
        .push("TN09 is no person of the unit: it does not appear in `people`.".into());

    let unit = fixture(Unit::tn(), |u| u.person("TN02").btv = true);
    let w = g.save("sai-mau.xlsx", &unit);
    let people = dat_except(&unit, &["TN02"]);
    g.add(
        "sai-mau.xlsx",
        "TN02 has `Diện BTV quản lý` x but is scored on `Mẫu 04`; TN01 (leader) is on `Mẫu 03` \
         as it should be.",
        "loi",
        vec![error(
            "wrong-form",
            "sai-mau.xlsx",
            "Mẫu 04",
            &w.score(Form::F04, "TN02", "id"),
            "TN02",
        )],
        people,
    );

    let unit = fixture(Unit::tn(), |u| {
        u.person("TN03").total = Total::SumNoValue;
        let p = u.person("TN04");
        p.item(5, V::Formula("=9+1".into(), None));
        p.total = Total::Blank;
    });
    let w = g.save("cong-thuc.xlsx", &unit);
    let people = dat_except(&unit, &["TN03", "TN04"]);
    let (c3, c4) = (
        w.score(Form::F04, "TN03", "total"),
        w.score(Form::F04, "TN04", "5"),
    );
    g.add(
        "cong-thuc.xlsx",
        &format!(
            "TN03's `Tổng điểm` ({c3}) is `=SUM(D3:AG3)` with no cached value; TN04's item 5 \
             ({c4}) is `=9+1` with no cached value, and TN04's `Tổng điểm` is left blank. In the \
             sheet XML those `<c>` elements hold an `<f>` and no `<v>` (the workbook is stored \
             uncompressed)."
        ),
        "loi",
        vec![
            error("formula-no-value", "cong-thuc.xlsx", "Mẫu 04", &c3, "TN03"),
            error("formula-no-value", "cong-thuc.xlsx", "Mẫu 04", &c4, "TN04"),
        ],
        people,
    );

    let unit = fixture(Unit::tn(), |u| {
        let p = u.person("TN04");
        p.leave_from = t("31/02/2024");
        p.leave_to = t("05/03/2024");
    });
    let w = g.save("ngay-sai.xlsx", &unit);
    let people = dat_except(&unit, &["TN04"]);
    g.add(
        "ngay-sai.xlsx",
        "TN04's `Nghỉ từ ngày` is the text \"31/02/2024\" (no such date), `Nghỉ đến ngày` the \
         text \"05/03/2024\", `Số ngày nghỉ` blank.",
        "loi",
        vec![error(
            "date-invalid",
            "ngay-sai.xlsx",
            "Danh sách",
            &w.list("TN04", Col::From),
            "TN04",
        )],
        people,
    );

    let unit = Unit::tn();
    g.save("trung-don-vi/a.xlsx", &unit);
    let w = g.save("trung-don-vi/b.xlsx", &unit);
    g.entries.push(Entry {
        name: "trung-don-vi/".into(),
        run: "the folder".into(),
        about: "Two valid workbooks, `a.xlsx` and `b.xlsx`, both the base unit with `Mã đơn vị` \
                `TN` and no `Ngày gửi`: which one the unit meant cannot be known, so both are \
                `unit-duplicate` and the later path is used (SPEC §3 \"Identity\")."
            .into(),
        files: vec![
            ("trung-don-vi/a.xlsx".into(), "loi"),
            ("trung-don-vi/b.xlsx".into(), "loi"),
        ],
        findings: vec![
            error(
                "unit-duplicate",
                "trung-don-vi/a.xlsx",
                "Thông tin",
                &w.info("Mã đơn vị"),
                "",
            ),
            error(
                "unit-duplicate",
                "trung-don-vi/b.xlsx",
                "Thông tin",
                &w.info("Mã đơn vị"),
                "",
            ),
        ],
        people: all(evaluate(&unit, &[]), "dat"),
        notes: vec![
            "People are those of `b.xlsx` (TN01–TN05, all `dat`); `a.xlsx` adds none.".into(),
        ],
    });

    let unit = Unit::base("TN", 2024, 1, 22);
    g.save("co-mau.xlsx", &unit);
    g.add(
        "co-mau.xlsx",
        "A unit of 22 people (`Tổng số` 22: TN01 on `Mẫu 03`, TN02–TN22 on `Mẫu 04`) scored \
         on `Mẫu 04` although 22 ≥ 20 calls for `Mẫu 05`. Evaluated as usual (mẫu 04 and 05 \
         share the 20 mandatory items).",
        "canh-bao",
        vec![warning("form-size", "co-mau.xlsx", "Mẫu 04", "", "")],
        all(evaluate(&unit, &[]), "dat"),
    );

    let unit = fixture(Unit::tn(), |u| u.style.tcvn3_list = true);
    g.save("ma-cu.xlsx", &unit);
    let samples: Vec<String> = unit
        .people
        .iter()
        .map(|p| format!("\"{}\" → \"{}\"", tcvn3(&p.name), p.name))
        .chain([PART_LEAD, PART_GENERAL].map(|s| format!("\"{}\" → \"{s}\"", tcvn3(s))))
        .collect();
    g.add(
        "ma-cu.xlsx",
        &format!(
            "The `Danh sách` names (`Họ và tên`) and `Bộ phận` are typed in the legacy TCVN3 \
             (ABC, .VnTime) encoding, stored as the Windows-1252 characters of the TCVN3 bytes \
             (\"ư\" is byte 0xAD, a soft hyphen); headers and score sheets stay Unicode. After \
             conversion: {}. People results carry the Unicode names.",
            samples.join(", ")
        ),
        "canh-bao",
        vec![warning(
            "legacy-encoding",
            "ma-cu.xlsx",
            "Danh sách",
            "",
            "",
        )],
        all(evaluate(&unit, &[]), "dat"),
    );

    let unit = fixture(Unit::tn(), |u| {
        let p = u.person("TN04");
        p.days_absent = V::Num(5.0);
        p.leave_from = V::Date(date(4, 3, 2024));
        p.leave_to = V::Date(date(13, 3, 2024));
        p.note = "Nghỉ phép".into();
    });
    assert_eq!(
        working_days_in_quarter(date(4, 3, 2024), date(13, 3, 2024), 2024, 1),
        8
    );
    let w = g.save("nghi-lech.xlsx", &unit);
    g.add(
        "nghi-lech.xlsx",
        "TN04: `Số ngày nghỉ` 5 but `Nghỉ từ ngày` 04/03/2024 – `Nghỉ đến ngày` 13/03/2024 \
         (date cells) are 8 working days. Either way under 15: TN04 is evaluated.",
        "canh-bao",
        vec![warning(
            "absence-mismatch",
            "nghi-lech.xlsx",
            "Danh sách",
            &w.list("TN04", Col::DaysAbsent),
            "TN04",
        )],
        all(evaluate(&unit, &[]), "dat"),
    );

    let unit = fixture(Unit::tn(), |u| u.headcount = V::Num(7.0));
    let w = g.save("so-nguoi.xlsx", &unit);
    g.add(
        "so-nguoi.xlsx",
        "`Tổng số CBCCVC, NLĐ` 7 with 5 people listed.",
        "canh-bao",
        vec![warning(
            "headcount-mismatch",
            "so-nguoi.xlsx",
            "Thông tin",
            &w.info("Tổng số CBCCVC, NLĐ"),
            "",
        )],
        all(evaluate(&unit, &[]), "dat"),
    );

    let unit = fixture(Unit::tn(), |u| u.sent = V::Date(date(30, 3, 2024)));
    let w = g.save("nop-muon.xlsx", &unit);
    g.add(
        "nop-muon.xlsx",
        "`Ngày gửi` 30/03/2024 (a date cell), after the quarter's deadlines (25–28/03/2024).",
        "canh-bao",
        vec![warning(
            "late",
            "nop-muon.xlsx",
            "Thông tin",
            &w.info("Ngày gửi"),
            "",
        )],
        all(evaluate(&unit, &[]), "dat"),
    );
}

/// Fixtures not written by this generator (rust_xlsxwriter writes only .xlsx).
const OTHER_FORMATS: &str = "
## Other formats: `hop-le.ods`, `hop-le.xls`

`hop-le.xlsx` opened in LibreOffice Calc and saved as OpenDocument (`hop-le.ods`) and as Excel 97–2003
(`hop-le.xls`) with `soffice --headless --convert-to ods|xls` (the `SUM` totals keep their computed values).
Each, run alone, must give exactly what `hop-le.xlsx` gives: no findings, all five people `dat` with the same
totals. Not made by `make-fixtures` (rust_xlsxwriter writes only .xlsx); regenerate them the same way if
`hop-le.xlsx` changes.

## Merged cells: `gop-o.xlsx`, `gop-o.ods`, `gop-o.xls`

`hop-le.xlsx` edited in LibreOffice Calc: TN01 (mẫu 03) in charge of `Bộ phận Tổng hợp` (`Phụ trách` G2),
that part written once in a cell merged over the rows of TN02–TN05 (`Danh sách`!F3:F6), and TN05 rated
`KHTNV` in February (J6); saved as .xlsx, .ods and .xls. Each must give: no findings, TN05 `khong-dat`
(`thang-duoi-tot`), TN01 `khong-dat` (`don-vi-vi-pham`: TN05 is in TN01's scope only through the merged
cell), the others `dat`.
";

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fixtures".into()));
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let mut g = Generator {
        out,
        entries: Vec::new(),
    };
    let base = valid_fixtures(&mut g);
    reason_fixtures(&mut g);
    boundary_fixtures(&mut g);
    finding_fixtures(&mut g);
    let readme = format!(
        "{}\n{OTHER_FORMATS}",
        manifest(&g.entries, &base).trim_end()
    );
    // Keep the section that `make-reward-fixtures` writes at the end of the README.
    let kept = fs::read_to_string(g.out.join("README.md"))
        .ok()
        .and_then(|old| {
            let at = old.find("<!-- make-reward-fixtures: begin -->")?;
            Some(old[at..].to_string())
        })
        .unwrap_or_default();
    let readme = if kept.is_empty() {
        readme
    } else {
        format!("{}\n\n{kept}", readme.trim_end())
    };
    fs::write(g.out.join("README.md"), readme).unwrap();
    println!(
        "{} fixtures written to {}",
        g.entries.len(),
        Path::new(&g.out).display()
    );
}
