//! Writes the demo district quarter bundled with danhgia: quarter I/2024 of ten unit workbooks of
//! quận Long Biên over the three blocs, in the unit workbook layout of SPEC §3, plus a README.
//!
//! ```text
//! cargo run --example make-demo                          # writes examples/2024-Q1
//! cargo run --example make-demo -- OUTDIR
//! cargo run --example make-demo -- OUTDIR --expected     # also prints every person's expected result
//! ```
//!
//! The workbooks look like what offices really send (title rows, merged cells, group header rows,
//! several spellings of ratings, months and quarter, text scores, a `Bắt buộc` row, formulas with
//! cached values), and every person is planned: about a third are "đạt chuyên nghiệp", the others
//! fail for varied reasons, one is on maternity leave. All units are clean except UBND phường Bồ
//! Đề, which carries four deliberate mistakes (listed in the README written beside the files).
//!
//! The output is deterministic: a fixed seed, fixed document properties, no clock.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

const YEAR: i32 = 2024;
const MONTHS: [u32; 3] = [1, 2, 3];
const SEED: u64 = 0x2024_0001_D4A1_6E1A;
const FONT: &str = "Times New Roman";

// ------------------------------------------------------------------------------------------------
// A tiny deterministic PRNG (splitmix64).
// ------------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n.
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Picks from (value, weight) pairs.
    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|&(_, w)| w).sum();
        let mut roll = self.below(total as usize) as u32;
        for &(value, weight) in items {
            if roll < weight {
                return value;
            }
            roll -= weight;
        }
        items[items.len() - 1].0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Calendar: working days (SPEC appendix, 2024).
// ------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

const fn date(y: i32, m: u32, d: u32) -> Date {
    Date { y, m, d }
}

impl Date {
    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    fn days(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400) as i32 + i32::from(m <= 2);
        Date { y, m, d }
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    fn excel(self) -> ExcelDateTime {
        ExcelDateTime::from_ymd(self.y as u16, self.m as u8, self.d as u8).expect("valid date")
    }
}

/// Days off of 2024 for cán bộ, công chức, viên chức (inclusive spans), and make-up Saturdays.
const DAYS_OFF_2024: [(Date, Date); 5] = [
    (date(2024, 1, 1), date(2024, 1, 1)),
    (date(2024, 2, 8), date(2024, 2, 14)),
    (date(2024, 4, 18), date(2024, 4, 18)),
    (date(2024, 4, 27), date(2024, 5, 1)),
    (date(2024, 8, 31), date(2024, 9, 3)),
];
const MAKE_UP_SATURDAYS_2024: [Date; 1] = [date(2024, 5, 4)];
const QUARTER_FIRST: Date = date(2024, 1, 1);
const QUARTER_LAST: Date = date(2024, 3, 31);

fn is_working_day(day: Date) -> bool {
    if MAKE_UP_SATURDAYS_2024.contains(&day) {
        return true;
    }
    day.weekday() < 5 && !DAYS_OFF_2024.iter().any(|&(a, b)| a <= day && day <= b)
}

/// Working days of the span [from, to] that fall inside quarter I/2024.
fn working_days_in_quarter(from: Date, to: Date) -> u32 {
    let first = from.max(QUARTER_FIRST).days();
    let last = to.min(QUARTER_LAST).days();
    (first..=last)
        .filter(|&n| is_working_day(Date::from_days(n)))
        .count() as u32
}

// ------------------------------------------------------------------------------------------------
// The plan: units, their habits, and what should come out for each person.
// ------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Bloc {
    DangDoanThe,
    ChinhQuyen,
    TruongHoc,
}

impl Bloc {
    fn label(self) -> &'static str {
        match self {
            Bloc::DangDoanThe => "Đảng - Đoàn thể",
            Bloc::ChinhQuyen => "Chính quyền",
            Bloc::TruongHoc => "Trường học",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Bloc::DangDoanThe => "dang-doan-the",
            Bloc::ChinhQuyen => "chinh-quyen",
            Bloc::TruongHoc => "truong-hoc",
        }
    }

    /// Reward cap in percent of the unit's "đạt" people (SPEC §2, rounded down).
    fn reward_percent(self) -> usize {
        match self {
            Bloc::TruongHoc => 3,
            _ => 15,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Rating {
    XuatSac,
    Tot,
    HoanThanh,
    KhongHoanThanh,
}

impl Rating {
    fn key(self) -> &'static str {
        match self {
            Rating::XuatSac => "xuat-sac",
            Rating::Tot => "tot",
            Rating::HoanThanh => "hoan-thanh",
            Rating::KhongHoanThanh => "khong-hoan-thanh",
        }
    }
}

/// A deliberate mistake (only in UBND phường Bồ Đề).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mistake {
    /// A score that is not a half-point step (item number, value in tenths).
    OffStep(usize, u32),
    /// A score cell left blank (item number).
    BlankScore(usize),
    /// A monthly rating nobody knows (month index 0..3, text).
    UnknownRating(usize, &'static str),
    /// `Tổng điểm` typed as a number that is not the sum (difference in tenths).
    TotalTypo(u32),
}

/// What a planned person should come out as, and how the data get there.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fate {
    /// Meets every condition.
    Dat,
    /// One mandatory item at 9.5.
    MandatoryBelow,
    /// One other item at 7.5.
    OtherBelow,
    /// One month only "hoàn thành".
    MonthHoanThanh,
    /// All months "tốt", none "xuất sắc".
    NoXuatSac,
    /// A typical middling person: several small shortfalls.
    Average,
    /// Under discipline (text of the `Kỷ luật` cell).
    Discipline(&'static str),
    /// Under inspection (text of the `Thanh tra, kiểm tra` cell).
    Inspection(&'static str),
    /// Rated "không hoàn thành" in one month (index 0..3).
    KhongHoanThanh(usize),
    /// Absent most of the quarter; on no score sheet.
    LongLeave,
    /// Otherwise đạt, but one input mistake makes the result unknowable.
    Mistaken(Mistake),
}

impl Fate {
    /// A short Vietnamese description, for the `--expected` listing.
    fn label(self) -> String {
        match self {
            Fate::Dat => "đạt".into(),
            Fate::MandatoryBelow => "một nội dung bắt buộc 9,5".into(),
            Fate::OtherBelow => "một nội dung khác 7,5".into(),
            Fate::MonthHoanThanh => "một tháng chỉ hoàn thành".into(),
            Fate::NoXuatSac => "không tháng nào xuất sắc".into(),
            Fate::Average => "trung bình".into(),
            Fate::Discipline(t) => format!("kỷ luật ({t})"),
            Fate::Inspection(t) => format!("thanh tra, kiểm tra ({t})"),
            Fate::KhongHoanThanh(m) => format!("tháng {} không hoàn thành", MONTHS[m]),
            Fate::LongLeave => "nghỉ dài ngày".into(),
            Fate::Mistaken(m) => format!("lỗi nhập liệu {m:?}"),
        }
    }
}

#[derive(Clone, Copy)]
struct Leave {
    /// The span, when the unit wrote it down (`Nghỉ từ ngày`, `Nghỉ đến ngày`).
    span: Option<(Date, Date)>,
    /// `Số ngày nghỉ` when no span is given.
    days: u32,
    note: &'static str,
}

const fn leave(from: Date, to: Date, note: &'static str) -> Option<Leave> {
    Some(Leave {
        span: Some((from, to)),
        days: 0,
        note,
    })
}

struct LeaderSpec {
    title: &'static str,
    in_charge: &'static [&'static str],
    fate: Fate,
}

struct PartSpec {
    name: &'static str,
    /// Title of the first person of the part (Tổ trưởng…), if the part has one.
    head: Option<&'static str>,
    /// Titles of the others, with weights.
    titles: &'static [(&'static str, u32)],
    weight: u32,
}

/// A staff member with a planned fate (the rest of the staff is filled in at random).
struct Special {
    part: &'static str,
    fate: Fate,
    leave: Option<Leave>,
    female: Option<bool>,
}

const fn special(part: &'static str, fate: Fate) -> Special {
    Special {
        part,
        fate,
        leave: None,
        female: None,
    }
}

#[derive(Clone, Copy)]
enum MonthHeader {
    /// `Tháng 1`
    Thang,
    /// `T1`
    T,
    /// `Tháng 01`
    ThangPadded,
    /// `Tháng 1/2024`
    ThangYear,
}

impl MonthHeader {
    fn text(self, m: u32) -> String {
        match self {
            MonthHeader::Thang => format!("Tháng {m}"),
            MonthHeader::T => format!("T{m}"),
            MonthHeader::ThangPadded => format!("Tháng {m:02}"),
            MonthHeader::ThangYear => format!("Tháng {m}/{YEAR}"),
        }
    }
}

/// How one unit spells and lays out its workbook.
struct Style {
    quarter: &'static str,
    month_header: MonthHeader,
    /// Spellings of xuất sắc, tốt, hoàn thành, không hoàn thành.
    ratings: [&'static str; 4],
    /// Title lines above the `Danh sách` table (0–3).
    list_titles: usize,
    /// Title lines above the score tables (0–3).
    score_titles: usize,
    /// "THÔNG TIN ĐƠN VỊ" above the labels of `Thông tin`.
    info_title: bool,
    /// A merged group row (Đạo đức công vụ…) above the criterion numbers.
    group_row: bool,
    /// A `Bắt buộc` row marking the default mandatory items.
    mark_row: bool,
    /// Half points typed as text with a decimal comma ("9,5"); `Tổng điểm` then typed too.
    text_scores: bool,
    /// A `Nhận xét` column on the score sheets.
    remarks: bool,
    /// A `Chức vụ` column on the score sheets.
    title_on_scores: bool,
    /// "Không" written in `Kỷ luật` and `Thanh tra, kiểm tra` instead of blanks.
    khong_filled: bool,
    /// 0 written in `Số ngày nghỉ` instead of blanks.
    zero_days: bool,
    /// Upper-case headers on `Danh sách` ("HỌ VÀ TÊN").
    caps_headers: bool,
    /// `Diện BTV quản lý` right after `Họ và tên`.
    btv_first: bool,
    /// Day of March the workbook was sent.
    sent_day: u32,
}

struct UnitSpec {
    code: &'static str,
    name: &'static str,
    /// The body above the unit, first title line.
    superior: &'static str,
    bloc: Bloc,
    file: &'static str,
    headcount: usize,
    leader_part: &'static str,
    leaders: &'static [LeaderSpec],
    parts: &'static [PartSpec],
    specials: &'static [Special],
    /// Staff members (beyond the specials) who are đạt.
    dat_staff: usize,
    /// Percentage of women among the staff.
    female_percent: u32,
    style: Style,
}

const RATINGS_HTXSNV: [&str; 4] = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];
const RATINGS_HTXS: [&str; 4] = ["HTXS", "HTT", "HT", "KHT"];
const RATINGS_FULL: [&str; 4] = [
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
];
const RATINGS_SHORT: [&str; 4] = [
    "Hoàn thành xuất sắc",
    "Hoàn thành tốt",
    "Hoàn thành",
    "Không hoàn thành",
];
const RATINGS_WORDS: [&str; 4] = ["Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành"];
const RATINGS_LETTERS: [&str; 4] = ["A", "B", "C", "D"];

const fn part(
    name: &'static str,
    head: Option<&'static str>,
    titles: &'static [(&'static str, u32)],
    weight: u32,
) -> PartSpec {
    PartSpec {
        name,
        head,
        titles,
        weight,
    }
}

const CHUYEN_VIEN: &[(&str, u32)] = &[("Chuyên viên", 6), ("Chuyên viên chính", 2), ("Cán sự", 1)];
const GIAO_VIEN: &[(&str, u32)] = &[("Giáo viên", 1)];
const UBBD_PARTS: &[&str] = &[
    "Văn phòng - Thống kê",
    "Địa chính - Xây dựng",
    "Tài chính - Kế toán",
    "Tư pháp - Hộ tịch",
    "Văn hóa - Xã hội",
    "Bộ phận Một cửa",
];

const UNITS: &[UnitSpec] = &[
    UnitSpec {
        code: "TCKH",
        name: "Phòng Tài chính - Kế hoạch",
        superior: "UBND QUẬN LONG BIÊN",
        bloc: Bloc::ChinhQuyen,
        file: "TCKH-phong-tai-chinh-ke-hoach.xlsx",
        headcount: 14,
        leader_part: "Lãnh đạo phòng",
        leaders: &[
            LeaderSpec {
                title: "Trưởng phòng",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Trưởng phòng",
                in_charge: &["Bộ phận Ngân sách"],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Trưởng phòng",
                in_charge: &[
                    "Bộ phận Kế hoạch - Đầu tư",
                    "Bộ phận Quản lý giá - Công sản",
                ],
                fate: Fate::NoXuatSac,
            },
        ],
        parts: &[
            part("Bộ phận Ngân sách", None, CHUYEN_VIEN, 4),
            part("Bộ phận Kế hoạch - Đầu tư", None, CHUYEN_VIEN, 3),
            part(
                "Bộ phận Quản lý giá - Công sản",
                None,
                &[("Chuyên viên", 3), ("Nhân viên hợp đồng", 1)],
                2,
            ),
        ],
        specials: &[
            Special {
                part: "Bộ phận Ngân sách",
                fate: Fate::Dat,
                leave: Some(Leave {
                    span: None,
                    days: 2,
                    note: "Nghỉ việc riêng",
                }),
                female: None,
            },
            special("Bộ phận Kế hoạch - Đầu tư", Fate::MandatoryBelow),
            special("Bộ phận Quản lý giá - Công sản", Fate::OtherBelow),
        ],
        dat_staff: 5,
        female_percent: 55,
        style: Style {
            quarter: "I/2024",
            month_header: MonthHeader::Thang,
            ratings: RATINGS_HTXSNV,
            list_titles: 3,
            score_titles: 3,
            info_title: false,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: true,
            title_on_scores: true,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 22,
        },
    },
    UnitSpec {
        code: "NV",
        name: "Phòng Nội vụ",
        superior: "UBND QUẬN LONG BIÊN",
        bloc: Bloc::ChinhQuyen,
        file: "NV-phong-noi-vu.xlsx",
        headcount: 10,
        leader_part: "Lãnh đạo phòng",
        leaders: &[
            LeaderSpec {
                title: "Trưởng phòng",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Trưởng phòng",
                in_charge: &["Bộ phận Thi đua - Khen thưởng"],
                fate: Fate::MandatoryBelow,
            },
        ],
        parts: &[
            part("Bộ phận Tổ chức - Biên chế", None, CHUYEN_VIEN, 3),
            part("Bộ phận Thi đua - Khen thưởng", None, CHUYEN_VIEN, 2),
            part(
                "Bộ phận Tôn giáo - Văn thư",
                None,
                &[("Chuyên viên", 2), ("Văn thư", 1)],
                2,
            ),
        ],
        specials: &[
            special("Bộ phận Thi đua - Khen thưởng", Fate::MonthHoanThanh),
            special("Bộ phận Tổ chức - Biên chế", Fate::NoXuatSac),
        ],
        dat_staff: 3,
        female_percent: 60,
        style: Style {
            quarter: "Quý I/2024",
            month_header: MonthHeader::ThangPadded,
            ratings: RATINGS_FULL,
            list_titles: 2,
            score_titles: 2,
            info_title: true,
            group_row: false,
            mark_row: true,
            text_scores: false,
            remarks: false,
            title_on_scores: true,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 25,
        },
    },
    UnitSpec {
        code: "UBBD",
        name: "UBND phường Bồ Đề",
        superior: "UBND QUẬN LONG BIÊN",
        bloc: Bloc::ChinhQuyen,
        file: "UBBD-ubnd-phuong-bo-de.xlsx",
        headcount: 22,
        leader_part: "Lãnh đạo UBND",
        leaders: &[
            LeaderSpec {
                title: "Chủ tịch UBND phường",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Chủ tịch UBND phường",
                in_charge: &["Địa chính - Xây dựng", "Tài chính - Kế toán"],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Chủ tịch UBND phường",
                in_charge: &["Văn hóa - Xã hội", "Tư pháp - Hộ tịch"],
                fate: Fate::MonthHoanThanh,
            },
        ],
        parts: &[
            part(
                UBBD_PARTS[0],
                None,
                &[("Công chức Văn phòng - Thống kê", 1)],
                3,
            ),
            part(
                UBBD_PARTS[1],
                None,
                &[("Công chức Địa chính - Xây dựng", 1)],
                3,
            ),
            part(
                UBBD_PARTS[2],
                None,
                &[("Công chức Tài chính - Kế toán", 1)],
                2,
            ),
            part(
                UBBD_PARTS[3],
                None,
                &[("Công chức Tư pháp - Hộ tịch", 1)],
                2,
            ),
            part(UBBD_PARTS[4], None, &[("Công chức Văn hóa - Xã hội", 1)], 2),
            part(UBBD_PARTS[5], None, &[("Nhân viên hợp đồng", 1)], 3),
        ],
        specials: &[
            special(UBBD_PARTS[0], Fate::Discipline("Khiển trách")),
            special(
                UBBD_PARTS[0],
                Fate::Mistaken(Mistake::UnknownRating(1, "Giỏi")),
            ),
            special(UBBD_PARTS[5], Fate::Mistaken(Mistake::OffStep(25, 83))),
            special(UBBD_PARTS[0], Fate::Mistaken(Mistake::BlankScore(7))),
            special(UBBD_PARTS[5], Fate::Mistaken(Mistake::TotalTypo(20))),
        ],
        dat_staff: 4,
        female_percent: 50,
        style: Style {
            quarter: "Q1/2024",
            month_header: MonthHeader::T,
            ratings: RATINGS_HTXS,
            list_titles: 2,
            score_titles: 2,
            info_title: false,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: false,
            title_on_scores: true,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 21,
        },
    },
    UnitSpec {
        code: "VP",
        name: "Văn phòng HĐND và UBND quận",
        superior: "UBND QUẬN LONG BIÊN",
        bloc: Bloc::ChinhQuyen,
        file: "VP-van-phong-hdnd-ubnd-quan.xlsx",
        headcount: 15,
        leader_part: "Lãnh đạo Văn phòng",
        leaders: &[
            LeaderSpec {
                title: "Chánh Văn phòng",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Chánh Văn phòng",
                in_charge: &["Bộ phận Hành chính - Quản trị", "Bộ phận Một cửa"],
                fate: Fate::Dat,
            },
        ],
        parts: &[
            part("Bộ phận Tổng hợp", None, &[("Chuyên viên", 1)], 4),
            part(
                "Bộ phận Hành chính - Quản trị",
                None,
                &[("Văn thư", 1), ("Lái xe", 1), ("Nhân viên", 1)],
                3,
            ),
            part("Bộ phận Tiếp công dân", None, &[("Chuyên viên", 1)], 2),
            part(
                "Bộ phận Một cửa",
                None,
                &[("Chuyên viên", 2), ("Cán sự", 1)],
                3,
            ),
        ],
        specials: &[
            Special {
                part: "Bộ phận Tổng hợp",
                fate: Fate::Dat,
                leave: leave(date(2024, 2, 5), date(2024, 2, 16), "Nghỉ phép năm"),
                female: None,
            },
            special("Bộ phận Tiếp công dân", Fate::OtherBelow),
        ],
        dat_staff: 4,
        female_percent: 50,
        style: Style {
            quarter: "2024-Q1",
            month_header: MonthHeader::ThangYear,
            ratings: RATINGS_LETTERS,
            list_titles: 3,
            score_titles: 1,
            info_title: true,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: true,
            title_on_scores: false,
            khong_filled: false,
            zero_days: true,
            caps_headers: true,
            btv_first: false,
            sent_day: 20,
        },
    },
    UnitSpec {
        code: "BTC",
        name: "Ban Tổ chức Quận ủy",
        superior: "QUẬN ỦY LONG BIÊN",
        bloc: Bloc::DangDoanThe,
        file: "BTC-ban-to-chuc-quan-uy.xlsx",
        headcount: 9,
        leader_part: "Lãnh đạo Ban",
        leaders: &[
            LeaderSpec {
                title: "Trưởng ban",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Trưởng ban",
                in_charge: &["Bộ phận Đảng viên"],
                fate: Fate::OtherBelow,
            },
        ],
        parts: &[
            part("Bộ phận Tổ chức - Cán bộ", None, &[("Chuyên viên", 1)], 2),
            part("Bộ phận Đảng viên", None, &[("Chuyên viên", 1)], 2),
            part("Văn phòng Ban", None, &[("Nhân viên", 1)], 1),
        ],
        specials: &[special("Bộ phận Đảng viên", Fate::Average)],
        dat_staff: 2,
        female_percent: 50,
        style: Style {
            quarter: "I/2024",
            month_header: MonthHeader::Thang,
            ratings: RATINGS_HTXSNV,
            list_titles: 1,
            score_titles: 2,
            info_title: false,
            group_row: false,
            mark_row: false,
            text_scores: false,
            remarks: false,
            title_on_scores: true,
            khong_filled: true,
            zero_days: false,
            caps_headers: false,
            btv_first: true,
            sent_day: 23,
        },
    },
    UnitSpec {
        code: "MTTQ",
        name: "Ủy ban MTTQ Việt Nam quận",
        superior: "QUẬN ỦY LONG BIÊN",
        bloc: Bloc::DangDoanThe,
        file: "MTTQ-uy-ban-mttq-quan.xlsx",
        headcount: 7,
        leader_part: "Thường trực",
        leaders: &[
            LeaderSpec {
                title: "Chủ tịch Ủy ban MTTQ",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Chủ tịch Ủy ban MTTQ",
                in_charge: &["Bộ phận Phong trào"],
                fate: Fate::NoXuatSac,
            },
        ],
        parts: &[
            part("Bộ phận Phong trào", None, &[("Cán bộ", 1)], 2),
            part(
                "Văn phòng",
                None,
                &[("Chuyên viên", 1), ("Nhân viên", 1)],
                1,
            ),
        ],
        specials: &[],
        dat_staff: 2,
        female_percent: 60,
        style: Style {
            quarter: "Quý I/2024",
            month_header: MonthHeader::Thang,
            ratings: RATINGS_SHORT,
            list_titles: 0,
            score_titles: 1,
            info_title: false,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: true,
            title_on_scores: false,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 24,
        },
    },
    UnitSpec {
        code: "DUBD",
        name: "Đảng ủy phường Bồ Đề",
        superior: "QUẬN ỦY LONG BIÊN",
        bloc: Bloc::DangDoanThe,
        file: "DUBD-dang-uy-phuong-bo-de.xlsx",
        headcount: 6,
        leader_part: "Thường trực Đảng ủy",
        leaders: &[
            LeaderSpec {
                title: "Bí thư Đảng ủy",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Bí thư Thường trực Đảng ủy",
                in_charge: &[],
                fate: Fate::Average,
            },
        ],
        parts: &[part(
            "Văn phòng Đảng ủy",
            None,
            &[("Chuyên viên", 2), ("Cán bộ", 1)],
            1,
        )],
        specials: &[],
        dat_staff: 1,
        female_percent: 60,
        style: Style {
            quarter: "1/2024",
            month_header: MonthHeader::T,
            ratings: RATINGS_WORDS,
            list_titles: 2,
            score_titles: 0,
            info_title: true,
            group_row: false,
            mark_row: false,
            text_scores: true,
            remarks: false,
            title_on_scores: true,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 25,
        },
    },
    UnitSpec {
        code: "MNHS",
        name: "Trường Mầm non Hoa Sữa",
        superior: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN LONG BIÊN",
        bloc: Bloc::TruongHoc,
        file: "MNHS-truong-mam-non-hoa-sua.xlsx",
        headcount: 32,
        leader_part: "Ban Giám hiệu",
        leaders: &[
            LeaderSpec {
                title: "Hiệu trưởng",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Hiệu trưởng",
                in_charge: &["Tổ Nuôi dưỡng", "Tổ Văn phòng"],
                fate: Fate::Dat,
            },
        ],
        parts: &[
            part("Tổ Nhà trẻ", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part("Tổ Mẫu giáo bé", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part("Tổ Mẫu giáo nhỡ", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part("Tổ Mẫu giáo lớn", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part(
                "Tổ Nuôi dưỡng",
                Some("Tổ trưởng"),
                &[("Nhân viên nấu ăn", 1)],
                3,
            ),
            part(
                "Tổ Văn phòng",
                None,
                &[("Kế toán", 1), ("Nhân viên y tế", 1), ("Bảo vệ", 1)],
                2,
            ),
        ],
        specials: &[
            Special {
                part: "Tổ Mẫu giáo nhỡ",
                fate: Fate::LongLeave,
                leave: leave(date(2024, 1, 15), date(2024, 7, 14), "Nghỉ thai sản"),
                female: Some(true),
            },
            special("Tổ Nhà trẻ", Fate::MonthHoanThanh),
            special("Tổ Mẫu giáo lớn", Fate::MandatoryBelow),
        ],
        dat_staff: 9,
        female_percent: 95,
        style: Style {
            quarter: "Quý I/2024",
            month_header: MonthHeader::Thang,
            ratings: RATINGS_LETTERS,
            list_titles: 3,
            score_titles: 3,
            info_title: false,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: false,
            title_on_scores: true,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 22,
        },
    },
    UnitSpec {
        code: "THGT",
        name: "Trường Tiểu học Gia Thụy",
        superior: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN LONG BIÊN",
        bloc: Bloc::TruongHoc,
        file: "THGT-truong-tieu-hoc-gia-thuy.xlsx",
        headcount: 36,
        leader_part: "Ban Giám hiệu",
        leaders: &[
            LeaderSpec {
                title: "Hiệu trưởng",
                in_charge: &[],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Hiệu trưởng",
                in_charge: &["Tổ 1", "Tổ 2"],
                fate: Fate::Dat,
            },
            LeaderSpec {
                title: "Phó Hiệu trưởng",
                in_charge: &["Tổ 4", "Tổ 5"],
                fate: Fate::Dat,
            },
        ],
        parts: &[
            part("Tổ 1", Some("Tổ trưởng"), GIAO_VIEN, 5),
            part("Tổ 2", Some("Tổ trưởng"), GIAO_VIEN, 5),
            part("Tổ 3", Some("Tổ trưởng"), GIAO_VIEN, 5),
            part("Tổ 4", Some("Tổ trưởng"), GIAO_VIEN, 5),
            part("Tổ 5", Some("Tổ trưởng"), GIAO_VIEN, 5),
            part(
                "Tổ Văn phòng",
                None,
                &[
                    ("Kế toán", 1),
                    ("Nhân viên văn thư", 1),
                    ("Nhân viên thư viện", 1),
                    ("Nhân viên y tế", 1),
                ],
                4,
            ),
        ],
        specials: &[
            special("Tổ 3", Fate::KhongHoanThanh(1)),
            Special {
                part: "Tổ 2",
                fate: Fate::Dat,
                leave: leave(date(2024, 1, 29), date(2024, 2, 2), "Nghỉ ốm"),
                female: None,
            },
            special("Tổ 4", Fate::NoXuatSac),
            special("Tổ 5", Fate::OtherBelow),
        ],
        dat_staff: 8,
        female_percent: 85,
        style: Style {
            quarter: "I/2024",
            month_header: MonthHeader::ThangYear,
            ratings: RATINGS_HTXSNV,
            list_titles: 3,
            score_titles: 2,
            info_title: true,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: true,
            title_on_scores: true,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 21,
        },
    },
    UnitSpec {
        code: "THCSNL",
        name: "Trường THCS Ngọc Lâm",
        superior: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN LONG BIÊN",
        bloc: Bloc::TruongHoc,
        file: "THCSNL-truong-thcs-ngoc-lam.xlsx",
        headcount: 28,
        leader_part: "Ban Giám hiệu",
        leaders: &[
            LeaderSpec {
                title: "Hiệu trưởng",
                in_charge: &[],
                fate: Fate::NoXuatSac,
            },
            LeaderSpec {
                title: "Phó Hiệu trưởng",
                in_charge: &["Tổ Toán - Tin", "Tổ Khoa học tự nhiên"],
                fate: Fate::Dat,
            },
        ],
        parts: &[
            part("Tổ Toán - Tin", Some("Tổ trưởng"), GIAO_VIEN, 5),
            part("Tổ Ngữ văn", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part("Tổ Ngoại ngữ", Some("Tổ trưởng"), GIAO_VIEN, 3),
            part("Tổ Khoa học tự nhiên", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part("Tổ Khoa học xã hội", Some("Tổ trưởng"), GIAO_VIEN, 4),
            part(
                "Tổ Văn phòng",
                None,
                &[
                    ("Kế toán", 1),
                    ("Nhân viên văn thư", 1),
                    ("Nhân viên thiết bị", 1),
                ],
                3,
            ),
        ],
        specials: &[
            special(
                "Tổ Ngữ văn",
                Fate::Inspection("Đang kiểm tra theo đơn phản ánh"),
            ),
            Special {
                part: "Tổ Ngoại ngữ",
                fate: Fate::NoXuatSac,
                leave: leave(date(2024, 3, 18), date(2024, 3, 20), "Nghỉ ốm"),
                female: None,
            },
            special("Tổ Khoa học xã hội", Fate::MonthHoanThanh),
        ],
        dat_staff: 8,
        female_percent: 75,
        style: Style {
            quarter: "2024-Q1",
            month_header: MonthHeader::ThangPadded,
            ratings: RATINGS_FULL,
            list_titles: 2,
            score_titles: 3,
            info_title: false,
            group_row: true,
            mark_row: false,
            text_scores: false,
            remarks: false,
            title_on_scores: false,
            khong_filled: false,
            zero_days: false,
            caps_headers: false,
            btv_first: false,
            sent_day: 25,
        },
    },
];

// ------------------------------------------------------------------------------------------------
// People.
// ------------------------------------------------------------------------------------------------

const SURNAMES: &[(&str, u32)] = &[
    ("Nguyễn", 30),
    ("Trần", 10),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Vũ", 4),
    ("Đặng", 3),
    ("Bùi", 3),
    ("Đỗ", 3),
    ("Ngô", 2),
    ("Dương", 2),
    ("Phan", 2),
    ("Đinh", 2),
    ("Lý", 1),
    ("Hồ", 1),
    ("Tạ", 1),
];
const MALE_MIDDLE: &[&str] = &[
    "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Thế", "Mạnh", "Tiến", "Công", "Anh",
    "Thành", "Ngọc", "Trọng",
];
const FEMALE_MIDDLE: &[&str] = &[
    "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Thùy", "Hồng", "Phương", "Minh", "Mai", "Kim",
    "Bích", "Diệu", "Khánh",
];
const MALE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hòa", "Hùng", "Long", "Minh", "Nam", "Phong",
    "Quân", "Quang", "Sơn", "Thắng", "Thành", "Trung", "Tuấn", "Tú", "Việt", "Khánh", "Đức", "Huy",
    "Kiên", "Lâm", "Tùng", "Vinh", "Hưng", "Toàn",
];
const FEMALE_GIVEN: &[&str] = &[
    "Hằng", "Hà", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung",
    "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Hạnh", "Hiền", "Dung", "Chi", "Giang",
    "Oanh", "Thúy", "Liên", "Quỳnh", "Tâm", "Ánh", "Nhàn",
];
const DAT_REMARKS: &[&str] = &[
    "Tích cực, trách nhiệm",
    "Hoàn thành tốt công việc được giao",
    "Chủ động, sáng tạo",
];
const OTHER_REMARKS: &[&str] = &["Cần cố gắng hơn", "Cần chủ động hơn trong công việc"];

struct Person {
    id: String,
    name: String,
    birth: Date,
    title: String,
    part: String,
    in_charge: Vec<&'static str>,
    leader: bool,
    fate: Fate,
    /// Whether the fate was planned (leaders and specials) rather than drawn.
    planned: bool,
    ratings: [Option<Rating>; 3],
    discipline: Option<&'static str>,
    inspection: Option<&'static str>,
    leave: Option<Leave>,
    /// Scores in tenths (95 = 9,5); None = on no score sheet.
    scores: Option<Vec<u32>>,
    remark: Option<&'static str>,
}

impl Person {
    fn days_absent(&self) -> Option<u32> {
        self.leave.map(|l| match l.span {
            Some((from, to)) => working_days_in_quarter(from, to),
            None => l.days,
        })
    }

    fn mistake(&self) -> Option<Mistake> {
        match self.fate {
            Fate::Mistaken(m) => Some(m),
            _ => None,
        }
    }
}

struct NamePool(BTreeSet<String>);

impl NamePool {
    fn draw(&mut self, rng: &mut Rng, female: bool) -> String {
        loop {
            let surname = rng.weighted(SURNAMES);
            let (middle, given) = if female {
                (rng.pick(FEMALE_MIDDLE), rng.pick(FEMALE_GIVEN))
            } else {
                (rng.pick(MALE_MIDDLE), rng.pick(MALE_GIVEN))
            };
            let name = format!("{surname} {middle} {given}");
            if middle != given && self.0.insert(name.clone()) {
                return name;
            }
        }
    }
}

fn birth_date(rng: &mut Rng, first_year: i32, last_year: i32) -> Date {
    let from = date(first_year, 1, 1).days();
    let to = date(last_year, 12, 31).days();
    Date::from_days(from + rng.below((to - from + 1) as usize) as i64)
}

/// Monthly ratings for a fate.
fn ratings_for(rng: &mut Rng, fate: Fate) -> [Option<Rating>; 3] {
    use Rating::*;
    let mut months = [Tot; 3];
    match fate {
        Fate::Dat
        | Fate::MandatoryBelow
        | Fate::OtherBelow
        | Fate::Discipline(_)
        | Fate::Inspection(_)
        | Fate::Mistaken(_) => {
            let excellent = rng.weighted(&[(1usize, 50), (2, 35), (3, 15)]);
            for m in months.iter_mut().take(excellent) {
                *m = XuatSac;
            }
            rng.shuffle(&mut months);
        }
        Fate::MonthHoanThanh => {
            months = [XuatSac, Tot, HoanThanh];
            rng.shuffle(&mut months);
        }
        Fate::NoXuatSac => {}
        Fate::Average => {
            if rng.chance(40) {
                months[rng.below(3)] = HoanThanh;
            }
            if rng.chance(30) {
                let m = rng.below(3);
                if months[m] == Tot {
                    months[m] = XuatSac;
                }
            }
        }
        Fate::KhongHoanThanh(m) => {
            months[m] = KhongHoanThanh;
            months[(m + 1) % 3] = HoanThanh;
        }
        Fate::LongLeave => return [Some(Tot), None, None],
    }
    months.map(Some)
}

/// Scores (tenths) for a fate on a form of `size` items whose first `mandatory` are mandatory.
fn scores_for(rng: &mut Rng, fate: Fate, size: usize, mandatory: usize) -> Option<Vec<u32>> {
    const GOOD_OTHER: &[(u32, u32)] = &[(80, 1), (85, 2), (90, 3), (95, 3), (100, 3)];
    let mut scores: Vec<u32> = (0..size)
        .map(|i| {
            if i < mandatory {
                100
            } else {
                rng.weighted(GOOD_OTHER)
            }
        })
        .collect();
    match fate {
        Fate::LongLeave => return None,
        Fate::MandatoryBelow => scores[rng.below(mandatory)] = 95,
        Fate::OtherBelow => scores[mandatory + rng.below(size - mandatory)] = 75,
        Fate::Average | Fate::KhongHoanThanh(_) => {
            let weak = matches!(fate, Fate::KhongHoanThanh(_));
            for (i, s) in scores.iter_mut().enumerate() {
                *s = if i < mandatory {
                    if weak {
                        rng.weighted(&[(100, 4), (95, 3), (90, 3), (85, 1)])
                    } else {
                        rng.weighted(&[(100, 17), (95, 2), (90, 1)])
                    }
                } else if weak {
                    rng.weighted(&[(65, 1), (70, 2), (75, 3), (80, 3), (85, 2), (90, 1)])
                } else {
                    rng.weighted(&[
                        (70, 1),
                        (75, 2),
                        (80, 4),
                        (85, 4),
                        (90, 4),
                        (95, 3),
                        (100, 2),
                    ])
                };
            }
            if scores[..mandatory].iter().all(|&s| s == 100) {
                scores[rng.below(mandatory)] = 90;
            }
        }
        _ => {}
    }
    Some(scores)
}

/// One staff member before names and data are drawn.
#[derive(Clone, Copy)]
struct StaffPlan {
    part: Option<&'static str>,
    fate: Fate,
    leave: Option<Leave>,
    female: Option<bool>,
    planned: bool,
}

const FILLER_FATES: &[(Fate, u32)] = &[
    (Fate::Average, 5),
    (Fate::MandatoryBelow, 2),
    (Fate::OtherBelow, 2),
    (Fate::MonthHoanThanh, 1),
    (Fate::NoXuatSac, 2),
];

fn make_people(spec: &UnitSpec, rng: &mut Rng) -> Vec<Person> {
    let mut names = NamePool(BTreeSet::new());
    let mut people = Vec::new();

    // The leaders: the head first, then the deputies.
    for (i, leader) in spec.leaders.iter().enumerate() {
        let female = rng.chance(if i == 0 { 35 } else { 45 });
        people.push(Person {
            id: String::new(),
            name: names.draw(rng, female),
            birth: birth_date(rng, 1967, 1982),
            title: leader.title.to_string(),
            part: spec.leader_part.to_string(),
            in_charge: leader.in_charge.to_vec(),
            leader: true,
            fate: leader.fate,
            planned: true,
            ratings: ratings_for(rng, leader.fate),
            discipline: None,
            inspection: None,
            leave: None,
            scores: scores_for(rng, leader.fate, 45, 30),
            remark: None,
        });
    }

    // The staff: the specials, the other đạt people, and failing fillers.
    let n_staff = spec.headcount - spec.leaders.len();
    let mut staff: Vec<StaffPlan> = spec
        .specials
        .iter()
        .map(|s| StaffPlan {
            part: Some(s.part),
            fate: s.fate,
            leave: s.leave,
            female: s.female,
            planned: true,
        })
        .collect();
    assert!(
        staff.len() + spec.dat_staff <= n_staff,
        "{}: too many planned",
        spec.code
    );
    while staff.len() < n_staff {
        let dat = staff.len() < spec.specials.len() + spec.dat_staff;
        staff.push(StaffPlan {
            part: None,
            fate: if dat {
                Fate::Dat
            } else {
                rng.weighted(FILLER_FATES)
            },
            leave: None,
            female: None,
            planned: false,
        });
    }
    // Parts for the others: every part gets somebody, then by weight.
    let mut free: Vec<usize> = (0..staff.len())
        .filter(|&i| staff[i].part.is_none())
        .collect();
    rng.shuffle(&mut free);
    let mut part_of = vec![0usize; staff.len()];
    for (i, s) in staff.iter().enumerate() {
        if let Some(name) = s.part {
            part_of[i] = spec
                .parts
                .iter()
                .position(|p| p.name == name)
                .unwrap_or_else(|| panic!("{}: unknown part {name}", spec.code));
        }
    }
    // Largest-quotient allocation by weight, counting the specials already placed.
    let mut counts = vec![0u32; spec.parts.len()];
    for (i, s) in staff.iter().enumerate() {
        if s.part.is_some() {
            counts[part_of[i]] += 1;
        }
    }
    for &i in &free {
        let best = (0..spec.parts.len())
            .max_by(|&a, &b| {
                let qa = spec.parts[a].weight * (counts[b] + 1);
                let qb = spec.parts[b].weight * (counts[a] + 1);
                qa.cmp(&qb).then(b.cmp(&a))
            })
            .expect("parts");
        counts[best] += 1;
        part_of[i] = best;
    }
    assert!(
        counts.iter().all(|&n| n > 0),
        "{}: a part without people",
        spec.code
    );
    let mut order: Vec<usize> = (0..staff.len()).collect();
    rng.shuffle(&mut order);
    order.sort_by_key(|&i| part_of[i]); // stable: parts in order, shuffled inside
    let mut heads_given = BTreeSet::new();
    for i in order {
        let StaffPlan {
            fate,
            leave,
            female,
            planned,
            ..
        } = staff[i];
        let p = &spec.parts[part_of[i]];
        let female = female.unwrap_or_else(|| rng.chance(spec.female_percent));
        let ordinary = matches!(fate, Fate::Dat | Fate::NoXuatSac | Fate::Average);
        let title = match p.head {
            Some(head) if ordinary && heads_given.insert(p.name) => head.to_string(),
            _ => rng.weighted(p.titles).to_string(),
        };
        let size_mandatory = 20;
        people.push(Person {
            id: String::new(),
            name: names.draw(rng, female),
            birth: birth_date(rng, 1970, 2000),
            title,
            part: p.name.to_string(),
            in_charge: Vec::new(),
            leader: false,
            fate,
            planned,
            ratings: ratings_for(rng, fate),
            discipline: match fate {
                Fate::Discipline(t) => Some(t),
                _ => None,
            },
            inspection: match fate {
                Fate::Inspection(t) => Some(t),
                _ => None,
            },
            leave,
            scores: scores_for(rng, fate, 30, size_mandatory),
            remark: None,
        });
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.id = format!("{}{:02}", spec.code, i + 1);
        if spec.style.remarks && rng.chance(40) {
            p.remark = Some(if p.fate == Fate::Dat {
                rng.pick(DAT_REMARKS)
            } else {
                rng.pick(OTHER_REMARKS)
            });
        }
    }
    people
}

// ------------------------------------------------------------------------------------------------
// Expected results (SPEC §2), from the planned data.
// ------------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Dat,
    KhongDat,
    KhongDanhGia,
    Loi,
}

impl Status {
    fn key(self) -> &'static str {
        match self {
            Status::Dat => "dat",
            Status::KhongDat => "khong-dat",
            Status::KhongDanhGia => "khong-danh-gia",
            Status::Loi => "loi",
        }
    }
}

struct Outcome {
    status: Status,
    reasons: Vec<&'static str>,
    /// Sum of the scores in tenths (None when unknown or not scored).
    total: Option<u32>,
}

fn expected(p: &Person, unit: &[Person]) -> Outcome {
    let total = p.scores.as_ref().map(|s| s.iter().sum::<u32>());
    if p.mistake().is_some() {
        return Outcome {
            status: Status::Loi,
            reasons: vec![],
            total: None,
        };
    }
    if p.days_absent().unwrap_or(0) >= 15 {
        return Outcome {
            status: Status::KhongDanhGia,
            reasons: vec!["vang-15-ngay"],
            total,
        };
    }
    let ratings: Vec<Rating> = p.ratings.iter().map(|r| r.expect("rated")).collect();
    let scores = p.scores.as_ref().expect("scored");
    let (size, mandatory) = if p.leader { (45, 30) } else { (30, 20) };
    assert_eq!(scores.len(), size);
    let mut reasons = Vec::new();
    if ratings
        .iter()
        .any(|r| matches!(r, Rating::HoanThanh | Rating::KhongHoanThanh))
    {
        reasons.push("thang-duoi-tot");
    }
    if !ratings.contains(&Rating::XuatSac) {
        reasons.push("khong-thang-xuat-sac");
    }
    if p.discipline.is_some() {
        reasons.push("ky-luat");
    }
    if p.inspection.is_some() {
        reasons.push("thanh-tra");
    }
    if scores[..mandatory].iter().any(|&s| s < 100) {
        reasons.push("bat-buoc-duoi-10");
    }
    if scores[mandatory..].iter().any(|&s| s < 80) {
        reasons.push("con-lai-duoi-8");
    }
    let sum = total.unwrap_or(0);
    let (low, high) = if p.leader { (4200, 4500) } else { (2800, 3000) };
    if sum < low || sum > high {
        reasons.push("tong-ngoai-khung");
    }
    if p.leader {
        let in_scope = |o: &&Person| {
            o.id != p.id && (p.in_charge.is_empty() || p.in_charge.contains(&o.part.as_str()))
        };
        // Someone in scope whose month cannot be read: the leader cannot be decided (SPEC §2, 4.).
        let unknown = unit
            .iter()
            .filter(in_scope)
            .any(|o| matches!(o.mistake(), Some(Mistake::UnknownRating(..))));
        if unknown {
            return Outcome {
                status: Status::Loi,
                reasons: vec![],
                total: None,
            };
        }
        // Being under inspection is no breach of the unit condition; a discipline is.
        let violated = unit
            .iter()
            .filter(in_scope)
            .any(|o| o.ratings.contains(&Some(Rating::KhongHoanThanh)) || o.discipline.is_some());
        if violated {
            reasons.push("don-vi-vi-pham");
        }
    }
    Outcome {
        status: if reasons.is_empty() {
            Status::Dat
        } else {
            Status::KhongDat
        },
        reasons,
        total,
    }
}

// ------------------------------------------------------------------------------------------------
// Writing a workbook.
// ------------------------------------------------------------------------------------------------

struct Formats {
    title: Format,
    subtitle: Format,
    head: Format,
    group: Format,
    cell: Format,
    center: Format,
    date: Format,
    label: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let boxed = base.clone().set_border(FormatBorder::Thin);
        Formats {
            title: base.clone().set_bold().set_align(FormatAlign::Center),
            subtitle: base.clone().set_italic().set_align(FormatAlign::Center),
            head: boxed
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            group: boxed
                .clone()
                .set_bold()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            cell: boxed.clone(),
            center: boxed.clone().set_align(FormatAlign::Center),
            date: boxed
                .clone()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            label: boxed.set_bold(),
        }
    }
}

/// "A", "B", …, "AA", … for a 0-based column.
fn col_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", col_name(col), row + 1)
}

/// "287,5" / "290" as written in Vietnamese, or "287.5" for a formula result.
fn tenths(value: u32, comma: bool) -> String {
    if value % 10 == 0 {
        format!("{}", value / 10)
    } else {
        format!(
            "{}{}{}",
            value / 10,
            if comma { "," } else { "." },
            value % 10
        )
    }
}

/// A deliberate mistake and where it sits.
struct Placed {
    file: &'static str,
    sheet: String,
    cell: String,
    person: String,
    name: String,
    what: Mistake,
    /// What the cell holds, as written.
    shown: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
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
}

impl Column {
    fn header(self, style: &Style) -> String {
        let text = match self {
            Column::Stt => "STT".to_string(),
            Column::Id => "Mã CB".into(),
            Column::Name => "Họ và tên".into(),
            Column::Birth => "Ngày sinh".into(),
            Column::Title => "Chức vụ".into(),
            Column::Part => "Bộ phận".into(),
            Column::InCharge => "Phụ trách".into(),
            Column::Btv => "Diện BTV quản lý".into(),
            Column::Month(m) => style.month_header.text(MONTHS[m]),
            Column::Discipline => "Kỷ luật".into(),
            Column::Inspection => "Thanh tra, kiểm tra".into(),
            Column::DaysAbsent => "Số ngày nghỉ".into(),
            Column::From => "Nghỉ từ ngày".into(),
            Column::To => "Nghỉ đến ngày".into(),
            Column::Note => "Ghi chú".into(),
        };
        if style.caps_headers {
            text.to_uppercase()
        } else {
            text
        }
    }

    fn width(self) -> f64 {
        match self {
            Column::Stt => 5.0,
            Column::Id => 10.0,
            Column::Name => 26.0,
            Column::Birth | Column::From | Column::To => 12.0,
            Column::Title => 24.0,
            Column::Part | Column::InCharge => 28.0,
            Column::Btv => 9.0,
            Column::Month(_) => 12.0,
            Column::Discipline | Column::Inspection => 16.0,
            Column::DaysAbsent => 8.0,
            Column::Note => 18.0,
        }
    }
}

fn merged_titles(
    ws: &mut Worksheet,
    lines: &[String],
    width: u16,
    f: &Formats,
) -> Result<u32, XlsxError> {
    for (row, line) in lines.iter().enumerate() {
        let format = if row + 1 == lines.len() && lines.len() > 1 {
            &f.subtitle
        } else {
            &f.title
        };
        ws.merge_range(row as u32, 0, row as u32, width - 1, line, format)?;
    }
    Ok(lines.len() as u32 + u32::from(!lines.is_empty()))
}

fn write_unit(
    path: &Path,
    spec: &UnitSpec,
    people: &[Person],
    placed: &mut Vec<Placed>,
) -> Result<(), XlsxError> {
    let style = &spec.style;
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Đánh giá sự chuyên nghiệp quý I/2024 - {}",
                spec.name
            ))
            .set_author("danhgia make-demo")
            .set_company(spec.name)
            .set_creation_datetime(&date(2024, 3, spec.style.sent_day).excel()),
    );

    // Thông tin.
    {
        let ws = wb.add_worksheet().set_name("Thông tin")?;
        ws.set_column_width(0, 28)?;
        ws.set_column_width(1, 44)?;
        let mut row = 0;
        if style.info_title {
            ws.write_string_with_format(0, 0, "THÔNG TIN ĐƠN VỊ", &f.title.clone())?;
            row = 2;
        }
        let sent = date(YEAR, 3, style.sent_day);
        ws.write_string_with_format(row, 0, "Đơn vị", &f.label)?;
        ws.write_string_with_format(row, 1, spec.name, &f.cell)?;
        ws.write_string_with_format(row + 1, 0, "Mã đơn vị", &f.label)?;
        ws.write_string_with_format(row + 1, 1, spec.code, &f.cell)?;
        ws.write_string_with_format(row + 2, 0, "Khối", &f.label)?;
        ws.write_string_with_format(row + 2, 1, spec.bloc.label(), &f.cell)?;
        ws.write_string_with_format(row + 3, 0, "Quý", &f.label)?;
        ws.write_string_with_format(row + 3, 1, style.quarter, &f.cell)?;
        ws.write_string_with_format(row + 4, 0, "Tổng số CBCCVC, NLĐ", &f.label)?;
        ws.write_number_with_format(
            row + 4,
            1,
            people.len() as f64,
            &f.cell.clone().set_align(FormatAlign::Left),
        )?;
        ws.write_string_with_format(row + 5, 0, "Ngày gửi", &f.label)?;
        ws.write_datetime_with_format(
            row + 5,
            1,
            sent.excel(),
            &f.date.clone().set_align(FormatAlign::Left),
        )?;
    }

    // Danh sách.
    {
        let mut columns = vec![Column::Stt, Column::Id, Column::Name];
        if style.btv_first {
            columns.push(Column::Btv);
        }
        columns.extend([Column::Birth, Column::Title, Column::Part, Column::InCharge]);
        if !style.btv_first {
            columns.push(Column::Btv);
        }
        columns.extend([Column::Month(0), Column::Month(1), Column::Month(2)]);
        columns.extend([
            Column::Discipline,
            Column::Inspection,
            Column::DaysAbsent,
            Column::From,
            Column::To,
            Column::Note,
        ]);
        let ws = wb.add_worksheet().set_name("Danh sách")?;
        ws.set_landscape().set_paper_size(9);
        for (c, col) in columns.iter().enumerate() {
            ws.set_column_width(c as u16, col.width())?;
        }
        let titles = [
            spec.superior.to_string(),
            spec.name.to_uppercase(),
            "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG - QUÝ I NĂM 2024".to_string(),
        ];
        let lines = &titles[3 - style.list_titles..];
        let mut row = merged_titles(ws, lines, columns.len() as u16, &f)?;
        ws.set_row_height(row, 32)?;
        for (c, col) in columns.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, col.header(style), &f.head)?;
        }
        ws.set_freeze_panes(row + 1, 3)?;
        let none = if style.khong_filled {
            Some("Không")
        } else {
            None
        };
        for (i, p) in people.iter().enumerate() {
            row += 1;
            for (c, col) in columns.iter().enumerate() {
                let c = c as u16;
                let text = |ws: &mut Worksheet, s: Option<&str>, fmt: &Format| match s {
                    Some(s) => ws.write_string_with_format(row, c, s, fmt).map(|_| ()),
                    None => ws.write_blank(row, c, fmt).map(|_| ()),
                };
                match *col {
                    Column::Stt => {
                        ws.write_number_with_format(row, c, (i + 1) as f64, &f.center)?;
                    }
                    Column::Id => text(ws, Some(&p.id), &f.center)?,
                    Column::Name => text(ws, Some(&p.name), &f.cell)?,
                    Column::Birth => {
                        ws.write_datetime_with_format(row, c, p.birth.excel(), &f.date)?;
                    }
                    Column::Title => text(ws, Some(&p.title), &f.cell)?,
                    Column::Part => text(ws, Some(&p.part), &f.cell)?,
                    Column::InCharge => {
                        let joined = p.in_charge.join("; ");
                        text(ws, (!joined.is_empty()).then_some(joined.as_str()), &f.cell)?
                    }
                    Column::Btv => text(ws, p.leader.then_some("x"), &f.center)?,
                    Column::Month(m) => {
                        let written = match p.mistake() {
                            Some(Mistake::UnknownRating(month, word)) if month == m => {
                                placed.push(Placed {
                                    file: spec.file,
                                    sheet: "Danh sách".into(),
                                    cell: cell_name(row, c),
                                    person: p.id.clone(),
                                    name: p.name.clone(),
                                    what: Mistake::UnknownRating(month, word),
                                    shown: word.to_string(),
                                });
                                Some(word)
                            }
                            _ => p.ratings[m].map(|r| style.ratings[r as usize]),
                        };
                        text(ws, written, &f.center)?
                    }
                    Column::Discipline => text(ws, p.discipline.or(none), &f.cell)?,
                    Column::Inspection => text(ws, p.inspection.or(none), &f.cell)?,
                    Column::DaysAbsent => match p.days_absent() {
                        Some(d) => {
                            ws.write_number_with_format(row, c, d as f64, &f.center)?;
                        }
                        None if style.zero_days => {
                            ws.write_number_with_format(row, c, 0.0, &f.center)?;
                        }
                        None => {
                            ws.write_blank(row, c, &f.center)?;
                        }
                    },
                    Column::From | Column::To => match p.leave.and_then(|l| l.span) {
                        Some((from, to)) => {
                            let day = if *col == Column::From { from } else { to };
                            ws.write_datetime_with_format(row, c, day.excel(), &f.date)?;
                        }
                        None => {
                            ws.write_blank(row, c, &f.date)?;
                        }
                    },
                    Column::Note => text(ws, p.leave.map(|l| l.note), &f.cell)?,
                }
            }
        }
    }

    // Score sheets: Mẫu 03 for the leaders, Mẫu 04 or 05 for the others.
    let staff_form = if people.len() < 20 { "04" } else { "05" };
    for form in ["03", staff_form] {
        let leaders = form == "03";
        let (size, mandatory) = if leaders {
            (45usize, 30usize)
        } else {
            (30, 20)
        };
        let sheet = format!("Mẫu {form}");
        let ws = wb.add_worksheet().set_name(&sheet)?;
        ws.set_landscape().set_paper_size(9);
        let mut head: Vec<String> = vec!["STT".into(), "Mã CB".into(), "Họ và tên".into()];
        if style.title_on_scores {
            head.push("Chức vụ".into());
        }
        let first = head.len() as u16;
        let last = first + size as u16 - 1;
        let total_col = last + 1;
        let width = total_col + 1 + u16::from(style.remarks);
        ws.set_column_width(0, 5)?;
        ws.set_column_width(1, 10)?;
        ws.set_column_width(2, 26)?;
        if style.title_on_scores {
            ws.set_column_width(3, 22)?;
        }
        ws.set_column_range_width(first, last, 5)?;
        ws.set_column_width(total_col, 9)?;
        if style.remarks {
            ws.set_column_width(total_col + 1, 28)?;
        }
        let who = match form {
            "03" => "(Mẫu 03 - Cán bộ, công chức diện Ban Thường vụ Quận ủy quản lý)",
            "04" => "(Mẫu 04 - Đơn vị dưới 20 CBCCVC, NLĐ)",
            _ => "(Mẫu 05 - Đơn vị từ 20 CBCCVC, NLĐ trở lên)",
        };
        let titles = [
            spec.name.to_uppercase(),
            "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP QUÝ I/2024".to_string(),
            who.to_string(),
        ];
        let lines: Vec<String> = match style.score_titles {
            0 => vec![],
            1 => vec![titles[1].clone()],
            2 => titles[1..].to_vec(),
            _ => titles.to_vec(),
        };
        let mut row = merged_titles(ws, &lines, width, &f)?;
        if style.group_row {
            let third = size as u16 / 3;
            let groups = [
                ("Đạo đức công vụ", first, first + third - 1),
                ("Hoạt động công vụ", first + third, first + 2 * third - 1),
                (
                    if leaders {
                        "Phong cách lãnh đạo, quản lý"
                    } else {
                        "Phong cách làm việc"
                    },
                    first + 2 * third,
                    last,
                ),
            ];
            for (title, a, b) in groups {
                ws.merge_range(row, a, row, b, title, &f.group)?;
            }
            row += 1;
        }
        ws.set_row_height(row, 30)?;
        for (c, h) in head.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, h, &f.head)?;
        }
        for k in 0..size {
            ws.write_number_with_format(row, first + k as u16, (k + 1) as f64, &f.head)?;
        }
        ws.write_string_with_format(row, total_col, "Tổng điểm", &f.head)?;
        if style.remarks {
            ws.write_string_with_format(row, total_col + 1, "Nhận xét", &f.head)?;
        }
        ws.set_freeze_panes(row + 1, first)?;
        if style.mark_row {
            row += 1;
            for c in 0..width {
                ws.write_blank(row, c, &f.center)?;
            }
            ws.write_string_with_format(row, 2, "Bắt buộc", &f.label)?;
            for k in 0..mandatory {
                ws.write_string_with_format(row, first + k as u16, "x", &f.center)?;
            }
        }
        let mut stt = 0;
        for p in people.iter().filter(|p| p.leader == leaders) {
            let Some(scores) = &p.scores else { continue };
            row += 1;
            stt += 1;
            ws.write_number_with_format(row, 0, stt as f64, &f.center)?;
            ws.write_string_with_format(row, 1, &p.id, &f.center)?;
            ws.write_string_with_format(row, 2, &p.name, &f.cell)?;
            if style.title_on_scores {
                ws.write_string_with_format(row, 3, &p.title, &f.cell)?;
            }
            let mut sum = 0;
            for (k, &score) in scores.iter().enumerate() {
                let c = first + k as u16;
                let item = k + 1;
                let mut mistake = |shown: String| {
                    placed.push(Placed {
                        file: spec.file,
                        sheet: sheet.clone(),
                        cell: cell_name(row, c),
                        person: p.id.clone(),
                        name: p.name.clone(),
                        what: p.mistake().expect("mistaken"),
                        shown,
                    })
                };
                match p.mistake() {
                    Some(Mistake::OffStep(i, value)) if i == item => {
                        mistake(tenths(value, true));
                        ws.write_number_with_format(row, c, value as f64 / 10.0, &f.center)?;
                        sum += value;
                    }
                    Some(Mistake::BlankScore(i)) if i == item => {
                        mistake(String::new());
                        ws.write_blank(row, c, &f.center)?;
                    }
                    _ if style.text_scores && score % 10 != 0 => {
                        ws.write_string_with_format(row, c, tenths(score, true), &f.center)?;
                        sum += score;
                    }
                    _ => {
                        ws.write_number_with_format(row, c, score as f64 / 10.0, &f.center)?;
                        sum += score;
                    }
                }
            }
            match p.mistake() {
                Some(Mistake::TotalTypo(delta)) => {
                    let typed = sum + delta;
                    placed.push(Placed {
                        file: spec.file,
                        sheet: sheet.clone(),
                        cell: cell_name(row, total_col),
                        person: p.id.clone(),
                        name: p.name.clone(),
                        what: Mistake::TotalTypo(delta),
                        shown: format!("{} (tổng đúng {})", tenths(typed, true), tenths(sum, true)),
                    });
                    ws.write_number_with_format(row, total_col, typed as f64 / 10.0, &f.center)?;
                }
                _ if style.text_scores => {
                    // SUM would skip the text cells: the unit typed the total itself.
                    ws.write_number_with_format(row, total_col, sum as f64 / 10.0, &f.center)?;
                }
                _ => {
                    let formula =
                        format!("=SUM({}:{})", cell_name(row, first), cell_name(row, last));
                    ws.write_formula_with_format(
                        row,
                        total_col,
                        Formula::new(formula).set_result(tenths(sum, false)),
                        &f.center,
                    )?;
                }
            }
            if style.remarks {
                match p.remark {
                    Some(r) => ws.write_string_with_format(row, total_col + 1, r, &f.cell)?,
                    None => ws.write_blank(row, total_col + 1, &f.cell)?,
                };
            }
        }
    }
    wb.save(path)
}

// ------------------------------------------------------------------------------------------------
// Main: write the files and the README, print a summary.
// ------------------------------------------------------------------------------------------------

struct UnitResult {
    counts: [usize; 4],
    cap: usize,
    form: &'static str,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut outdir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/2024-Q1");
    let mut print_expected = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--expected" => print_expected = true,
            "-h" | "--help" => {
                println!(
                    "usage: make-demo [OUTDIR] [--expected]   (default OUTDIR: examples/2024-Q1)"
                );
                return Ok(());
            }
            _ => outdir = PathBuf::from(arg),
        }
    }
    std::fs::create_dir_all(&outdir)?;

    let specs = UNITS;
    let mut placed = Vec::new();
    let mut results = Vec::new();
    let mut all_people = Vec::new();
    for (index, spec) in specs.iter().enumerate() {
        let mut rng = Rng::new(SEED ^ ((index as u64 + 1) << 32));
        let people = make_people(spec, &mut rng);
        assert_eq!(people.len(), spec.headcount);
        write_unit(&outdir.join(spec.file), spec, &people, &mut placed)?;
        let mut counts = [0usize; 4];
        for p in &people {
            let o = expected(p, &people);
            counts[o.status as usize] += 1;
        }
        let cap = counts[Status::Dat as usize] * spec.bloc.reward_percent() / 100;
        results.push(UnitResult {
            counts,
            cap,
            form: if people.len() < 20 { "04" } else { "05" },
        });
        all_people.push(people);
    }

    let readme = readme(specs, &results, &all_people, &placed);
    std::fs::write(outdir.join("README.md"), readme)?;

    println!(
        "{} unit workbooks written to {}",
        specs.len(),
        outdir.display()
    );
    println!("unit     bloc           people form  dat khong-dat khong-danh-gia loi  cap");
    for (spec, r) in specs.iter().zip(&results) {
        println!(
            "{:<8} {:<14} {:>6} 03+{} {:>4} {:>9} {:>14} {:>3} {:>4}",
            spec.code,
            spec.bloc.key(),
            spec.headcount,
            r.form,
            r.counts[0],
            r.counts[1],
            r.counts[2],
            r.counts[3],
            r.cap
        );
    }
    for m in &placed {
        println!(
            "mistake: {} {}!{} {} ({:?}: {:?})",
            m.file, m.sheet, m.cell, m.person, m.what, m.shown
        );
    }
    if print_expected {
        println!("id\tform\tstatus\ttotal\tratings\treasons\tplanned\tfate");
        for (spec, people) in specs.iter().zip(&all_people) {
            let staff_form = if people.len() < 20 { "04" } else { "05" };
            for p in people {
                let o = expected(p, people);
                let ratings: Vec<&str> = p
                    .ratings
                    .iter()
                    .map(|r| r.map_or("null", |r| r.key()))
                    .collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    p.id,
                    if p.leader { "03" } else { staff_form },
                    o.status.key(),
                    o.total.map_or("null".into(), |t| tenths(t, false)),
                    ratings.join(","),
                    o.reasons.join(","),
                    if p.planned { "planned" } else { "filler" },
                    p.fate.label(),
                );
            }
            let _ = spec;
        }
    }
    Ok(())
}

fn readme(
    specs: &[UnitSpec],
    results: &[UnitResult],
    people: &[Vec<Person>],
    placed: &[Placed],
) -> String {
    let mut s = String::new();
    let n_people: usize = specs.iter().map(|u| u.headcount).sum();
    let sum = |k: usize| results.iter().map(|r| r.counts[k]).sum::<usize>();
    let caps: usize = results.iter().map(|r| r.cap).sum();
    let all = || people.iter().flatten();
    let id_of = |pred: &dyn Fn(&Person) -> bool| {
        all()
            .find(|p| pred(p))
            .map(|p| p.id.clone())
            .unwrap_or_default()
    };
    let maternity = id_of(&|p| p.fate == Fate::LongLeave);
    let kht = id_of(&|p| matches!(p.fate, Fate::KhongHoanThanh(_)));
    let discipline = id_of(&|p| p.discipline.is_some());
    let inspection = id_of(&|p| p.inspection.is_some());
    let capped: Vec<&str> = specs
        .iter()
        .zip(results)
        .filter(|(_, r)| r.cap > 0)
        .map(|(u, _)| u.code)
        .collect();
    let capped = capped.join(", ");
    let mistaken = specs
        .iter()
        .find(|u| placed.iter().any(|m| m.file == u.file))
        .expect("a unit with mistakes");

    let _ = writeln!(s, "# Quý I/2024 — bộ dữ liệu mẫu (demo quarter)");
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Sinh bằng `cargo run --example make-demo` (dữ liệu giả, cố định: chạy lại cho ra đúng \
         các tệp này). Thử: `danhgia validate examples/2024-Q1`, \
         `danhgia run examples/2024-Q1 -o ket-qua`."
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{} đơn vị của quận Long Biên, quý I/2024 (tháng 1, 2, 3; nghỉ Tết 8/2–14/2/2024), \
         {n_people} người. Mỗi tệp có các trang `Thông tin`, `Danh sách`, `Mẫu 03` (lãnh đạo \
         diện BTV quản lý) và `Mẫu 04` (đơn vị dưới 20 người) hoặc `Mẫu 05` (từ 20 người trở lên). \
         Kết quả dự kiến:",
        specs.len()
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "| Tệp | Đơn vị | Khối | Số người | Mẫu | Đạt | Không đạt | Không đánh giá | Lỗi | Khen thưởng tối đa |"
    );
    let _ = writeln!(
        s,
        "| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for (u, r) in specs.iter().zip(results) {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | 03, {} | {} | {} | {} | {} | {} |",
            u.file,
            u.name,
            u.bloc.label(),
            u.headcount,
            r.form,
            r.counts[0],
            r.counts[1],
            r.counts[2],
            r.counts[3],
            r.cap
        );
    }
    let _ = writeln!(
        s,
        "| | **Cộng** | | **{n_people}** | | **{}** | **{}** | **{}** | **{}** | **{caps}** |",
        sum(0),
        sum(1),
        sum(2),
        sum(3)
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "Đáng chú ý:");
    let _ = writeln!(
        s,
        "- Khoảng một phần ba số người đạt; những người khác không đạt vì nhiều lý do: một nội \
         dung bắt buộc 9,5 điểm, một nội dung khác 7,5 điểm, một tháng chỉ hoàn thành nhiệm vụ, \
         không tháng nào hoàn thành xuất sắc."
    );
    let _ = writeln!(
        s,
        "- `{maternity}` nghỉ thai sản 15/01–14/07/2024 (50 ngày làm việc trong quý): không \
         đánh giá, không có trên phiếu chấm điểm."
    );
    let _ = writeln!(
        s,
        "- `{kht}` không hoàn thành nhiệm vụ tháng 2: Hiệu trưởng `THGT01` (phụ trách toàn \
         trường) không đạt vì đơn vị có người vi phạm; hai Phó Hiệu trưởng phụ trách các tổ khác \
         vẫn đạt."
    );
    let _ = writeln!(
        s,
        "- `{discipline}` bị kỷ luật (khiển trách), `{inspection}` đang bị kiểm tra: cả hai không \
         đạt. Đang bị kiểm tra mà chưa có kết luận sai phạm không làm người đứng đầu đơn vị không \
         đạt; bị kỷ luật thì có, nhưng ở UBND phường Bồ Đề người đứng đầu (`UBBD01`) có kết quả \
         `loi` vì xếp loại tháng 2 của `UBBD05` không đọc được (`scope-unknown`): chưa biết người \
         đó có hoàn thành nhiệm vụ không thì chưa kết luận được về người đứng đầu."
    );
    let _ = writeln!(
        s,
        "- Nghỉ ngắn ngày vẫn được đánh giá; `Số ngày nghỉ` khớp với lịch nghỉ (ví dụ VP: \
         05/02–16/02/2024 chỉ là 5 ngày làm việc vì có Tết)."
    );
    let _ = writeln!(
        s,
        "- {capped} có đủ người đạt để khen thưởng 1 người (15 %, làm tròn xuống); trường học \
         cần 34 người đạt mới có 1 suất (3 %)."
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Chỉ tệp `{}` ({}) có lỗi, cố ý, để thử `danhgia validate`; bốn người có lỗi và người \
         đứng đầu đơn vị (`UBBD01`, vì `scope-unknown`) có kết quả `loi`. Các tệp khác không có \
         lỗi hay cảnh báo nào.",
        mistaken.file, mistaken.name
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "| Trang | Ô | Người | Lỗi |");
    let _ = writeln!(s, "| --- | --- | --- | --- |");
    for m in placed {
        let what = match m.what {
            Mistake::OffStep(item, _) => {
                format!("nội dung {item} chấm {} (không theo bước 0,5)", m.shown)
            }
            Mistake::BlankScore(item) => format!("nội dung {item} bỏ trống"),
            Mistake::UnknownRating(month, _) => format!(
                "xếp loại tháng {} ghi \"{}\" (không có mức này)",
                MONTHS[month], m.shown
            ),
            Mistake::TotalTypo(_) => format!("`Tổng điểm` gõ tay {}", m.shown),
        };
        let _ = writeln!(
            s,
            "| {} | {} | `{}` {} | {} |",
            m.sheet, m.cell, m.person, m.name, what
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "## English");
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Generated by `cargo run --example make-demo` (made-up, deterministic data). {} units of \
         Long Biên district for quarter I/2024 (months 1–3; Tết holiday 8–14 February 2024), \
         {n_people} people over the three blocs; the table above gives per file the unit, bloc, \
         head count, forms and the expected results (đạt, không đạt, not evaluated, error) with \
         the reward cap. About a third of the people are *đạt*; the others fail for varied \
         reasons (a 9.5 on a mandatory item, a 7.5 on another item, a month only *hoàn thành*, no \
         *xuất sắc* month). `{maternity}` is on maternity leave (not evaluated). `{kht}` is rated \
         *không hoàn thành* in February, so the head of THGT (`THGT01`) fails the unit condition \
         while the two deputies, in charge of other groups, are *đạt*. `{discipline}` is under \
         discipline and `{inspection}` under inspection: both fail. An inspection without a \
         conclusion of fault does not fail the head of the unit; a discipline does, but the head \
         of UBND phường Bồ Đề (`UBBD01`) comes out `loi`, because `UBBD05`'s February rating \
         cannot be read (`scope-unknown`). {capped} have a reward cap of 1.",
        specs.len()
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Only `{}` ({}) holds mistakes, on purpose, for trying `danhgia validate`; the four \
         people concerned, and the head of the unit (`UBBD01`, through `scope-unknown`), come out \
         as `loi`. Every other file is clean: no errors, no warnings.",
        mistaken.file, mistaken.name
    );
    let _ = writeln!(s);
    for m in placed {
        let what = match m.what {
            Mistake::OffStep(item, value) => format!(
                "item {item} scored {} (not a half-point step)",
                tenths(value, false)
            ),
            Mistake::BlankScore(item) => format!("item {item} left blank"),
            Mistake::UnknownRating(month, word) => {
                format!("month {} rated \"{word}\" (no such level)", MONTHS[month])
            }
            Mistake::TotalTypo(_) => "`Tổng điểm` typed as a number that is not the sum".into(),
        };
        let _ = writeln!(s, "- `{}!{}` (`{}`): {what}", m.sheet, m.cell, m.person);
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "The files vary as real offices' do: title rows with merged cells, a group row above the \
         criterion numbers, rating spellings `HTXSNV`, `HTXS`, `Hoàn thành xuất sắc nhiệm vụ`, \
         `Hoàn thành xuất sắc`, `Xuất sắc`, `A`–`D`; month headers `Tháng 1`, `T1`, `Tháng 01`, \
         `Tháng 1/2024`; `Quý` as `I/2024`, `Quý I/2024`, `1/2024`, `2024-Q1`, `Q1/2024`; a \
         `Bắt buộc` row (NV); scores typed as text `9,5` (DUBD); `Tổng điểm` as `=SUM()` \
         formulas with cached values elsewhere."
    );
    s
}
