//! Domain values: quarters, forms, ratings, scores, blocs, statuses and reasons.
//!
//! Scores are exact: a score is stored as a whole number of half points (`Score(19)` is 9.5).

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar quarter, e.g. 2024-Q1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    pub q: u8,
}

impl Quarter {
    pub fn new(year: i32, q: u8) -> Option<Quarter> {
        ((1..=4).contains(&q) && (1900..=2200).contains(&year)).then_some(Quarter { year, q })
    }
    /// The three calendar months of the quarter.
    pub fn months(self) -> [u32; 3] {
        let first = 3 * (self.q as u32) - 2;
        [first, first + 1, first + 2]
    }
    pub fn first_day(self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, self.months()[0], 1).expect("valid date")
    }
    pub fn last_day(self) -> chrono::NaiveDate {
        let (y, m) = if self.q == 4 {
            (self.year + 1, 1)
        } else {
            (self.year, self.months()[2] + 1)
        };
        chrono::NaiveDate::from_ymd_opt(y, m, 1)
            .expect("valid date")
            .pred_opt()
            .expect("valid date")
    }
    pub fn roman(self) -> &'static str {
        ["I", "II", "III", "IV"][(self.q - 1) as usize]
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.q)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The score sheet a person is evaluated on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    M03,
    M04,
    M05,
}

impl Form {
    pub const ALL: [Form; 3] = [Form::M03, Form::M04, Form::M05];
    /// "03", "04", "05" — as in the results document.
    pub fn code(self) -> &'static str {
        match self {
            Form::M03 => "03",
            Form::M04 => "04",
            Form::M05 => "05",
        }
    }
    /// The sheet name, e.g. "Mẫu 04".
    pub fn sheet_name(self) -> &'static str {
        match self {
            Form::M03 => "Mẫu 03",
            Form::M04 => "Mẫu 04",
            Form::M05 => "Mẫu 05",
        }
    }
    pub fn is_leader_form(self) -> bool {
        self == Form::M03
    }
}

impl Serialize for Form {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A monthly rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    XuatSac,
    Tot,
    HoanThanh,
    KhongHoanThanh,
}

impl Rating {
    pub fn code(self) -> &'static str {
        match self {
            Rating::XuatSac => "xuat-sac",
            Rating::Tot => "tot",
            Rating::HoanThanh => "hoan-thanh",
            Rating::KhongHoanThanh => "khong-hoan-thanh",
        }
    }
    /// Short official abbreviation, for tables.
    pub fn abbrev(self) -> &'static str {
        match self {
            Rating::XuatSac => "HTXSNV",
            Rating::Tot => "HTTNV",
            Rating::HoanThanh => "HTNV",
            Rating::KhongHoanThanh => "KHTNV",
        }
    }
    /// "Tốt or better".
    pub fn at_least_good(self) -> bool {
        matches!(self, Rating::XuatSac | Rating::Tot)
    }
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// No count of people typed in a cell (a mẫu 07's numbers) is larger than this: Hà Nội's whole
/// public service is a small fraction of it. A larger number was typed wrong, or on purpose.
pub const MAX_COUNT: u32 = 10_000_000;

/// A score in half points: `Score(20)` is 10, `Score(19)` is 9.5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(pub u16);

impl Score {
    pub const fn points(p: u16) -> Score {
        Score(p * 2)
    }
    pub fn half_points(self) -> u16 {
        self.0
    }
}

/// The scale of the scores (profile keys `scale.min`, `scale.max`): every score lies in
/// `min..=max`, in steps of 0.5. The seeds' scale is 1–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scale {
    pub min: Score,
    pub max: Score,
}

impl Scale {
    /// The seeds' scale: 1 to 10 (001, §3.4).
    pub const SEED: Scale = Scale {
        min: Score::points(1),
        max: Score::points(10),
    };

    pub fn contains(self, s: Score) -> bool {
        self.min <= s && s <= self.max
    }
}

impl Default for Scale {
    fn default() -> Self {
        Scale::SEED
    }
}

impl fmt::Display for Score {
    /// Vietnamese notation: "9,5", "10".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_half_points(f, self.0 as u64)
    }
}

/// A sum of scores, in half points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Total(pub u32);

impl Total {
    pub fn of(scores: &[Score]) -> Total {
        Total(scores.iter().map(|s| s.0 as u32).sum())
    }
}

impl fmt::Display for Total {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_half_points(f, self.0 as u64)
    }
}

impl Serialize for Total {
    /// A JSON number: `286.5`, or `290` when whole.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 2 == 0 {
            s.serialize_u32(self.0 / 2)
        } else {
            // An odd number of half points is exactly representable as x.5.
            s.serialize_f64(self.0 as f64 / 2.0)
        }
    }
}

fn fmt_half_points(f: &mut fmt::Formatter<'_>, hp: u64) -> fmt::Result {
    if hp % 2 == 0 {
        write!(f, "{}", hp / 2)
    } else {
        write!(f, "{},5", hp / 2)
    }
}

/// The three blocs that collect results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bloc {
    DangDoanThe,
    ChinhQuyen,
    TruongHoc,
}

impl Bloc {
    pub const ALL: [Bloc; 3] = [Bloc::DangDoanThe, Bloc::ChinhQuyen, Bloc::TruongHoc];
    pub fn code(self) -> &'static str {
        match self {
            Bloc::DangDoanThe => "dang-doan-the",
            Bloc::ChinhQuyen => "chinh-quyen",
            Bloc::TruongHoc => "truong-hoc",
        }
    }
    pub fn from_code(code: &str) -> Option<Bloc> {
        Bloc::ALL.into_iter().find(|b| b.code() == code)
    }
}

impl Serialize for Bloc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A person's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Dat,
    KhongDat,
    KhongDanhGia,
    Loi,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Dat,
        Status::KhongDat,
        Status::KhongDanhGia,
        Status::Loi,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Status::Dat => "dat",
            Status::KhongDat => "khong-dat",
            Status::KhongDanhGia => "khong-danh-gia",
            Status::Loi => "loi",
        }
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Why a person is not "đạt chuyên nghiệp". The declaration order is the order of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    Vang15Ngay,
    KhongDuThoiGian,
    NgoaiDoiTuong,
    ThangDuoiTot,
    KhongThangXuatSac,
    KyLuat,
    ThanhTra,
    BatBuocDuoi10,
    ConLaiDuoi8,
    TongNgoaiKhung,
    DonViViPham,
}

impl Reason {
    pub const ALL: [Reason; 11] = [
        Reason::Vang15Ngay,
        Reason::KhongDuThoiGian,
        Reason::NgoaiDoiTuong,
        Reason::ThangDuoiTot,
        Reason::KhongThangXuatSac,
        Reason::KyLuat,
        Reason::ThanhTra,
        Reason::BatBuocDuoi10,
        Reason::ConLaiDuoi8,
        Reason::TongNgoaiKhung,
        Reason::DonViViPham,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Reason::Vang15Ngay => "vang-15-ngay",
            Reason::KhongDuThoiGian => "khong-du-thoi-gian",
            Reason::NgoaiDoiTuong => "ngoai-doi-tuong",
            Reason::ThangDuoiTot => "thang-duoi-tot",
            Reason::KhongThangXuatSac => "khong-thang-xuat-sac",
            Reason::KyLuat => "ky-luat",
            Reason::ThanhTra => "thanh-tra",
            Reason::BatBuocDuoi10 => "bat-buoc-duoi-10",
            Reason::ConLaiDuoi8 => "con-lai-duoi-8",
            Reason::TongNgoaiKhung => "tong-ngoai-khung",
            Reason::DonViViPham => "don-vi-vi-pham",
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Reason {
    /// The reason in words, for reports and the `Ghi chú` of mẫu 06.
    pub fn words(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (Reason::Vang15Ngay, Vi) => {
                "Nghỉ từ 15 ngày làm việc trở lên trong quý (không đánh giá)"
            }
            (Reason::Vang15Ngay, En) => {
                "Absent 15 working days or more in the quarter (not evaluated)"
            }
            (Reason::KhongDuThoiGian, Vi) => {
                "Không công tác tại đơn vị đủ thời gian trong quý (vào hoặc thôi giữa quý; không đánh giá)"
            }
            (Reason::KhongDuThoiGian, En) => {
                "Not with the unit long enough in the quarter (joined or left during it; not evaluated)"
            }
            (Reason::NgoaiDoiTuong, Vi) => {
                "Không thuộc đối tượng đánh giá (hợp đồng dưới 12 tháng hoặc không đóng BHXH)"
            }
            (Reason::NgoaiDoiTuong, En) => {
                "Outside the people evaluated (contract under 12 months or without social insurance)"
            }
            (Reason::ThangDuoiTot, Vi) => "Có tháng xếp loại dưới mức hoàn thành tốt nhiệm vụ",
            (Reason::ThangDuoiTot, En) => "A month rated below 'hoàn thành tốt nhiệm vụ'",
            (Reason::KhongThangXuatSac, Vi) => "Không có tháng nào hoàn thành xuất sắc nhiệm vụ",
            (Reason::KhongThangXuatSac, En) => "No month rated 'hoàn thành xuất sắc nhiệm vụ'",
            (Reason::KyLuat, Vi) => "Đang trong thời gian thi hành kỷ luật",
            (Reason::KyLuat, En) => "Under disciplinary measures",
            (Reason::ThanhTra, Vi) => {
                "Đang được thanh tra, kiểm tra hoặc có sai phạm theo kết luận"
            }
            (Reason::ThanhTra, En) => "Under inspection, or found at fault by one",
            (Reason::BatBuocDuoi10, Vi) => "Có nội dung bắt buộc dưới 10 điểm",
            (Reason::BatBuocDuoi10, En) => "A mandatory item scored below 10",
            (Reason::ConLaiDuoi8, Vi) => "Có nội dung còn lại dưới 8 điểm",
            (Reason::ConLaiDuoi8, En) => "Another item scored below 8",
            (Reason::TongNgoaiKhung, Vi) => "Tổng điểm ngoài khung đạt",
            (Reason::TongNgoaiKhung, En) => "Total outside the passing range",
            (Reason::DonViViPham, Vi) => {
                "Đơn vị (bộ phận phụ trách) có người không hoàn thành nhiệm vụ hoặc có vi phạm phải kiểm điểm, xem xét kỷ luật"
            }
            (Reason::DonViViPham, En) => {
                "Someone in the unit (or the parts led) failed a month, or has a violation calling for review or discipline"
            }
        }
    }
}

impl Status {
    pub fn words(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (Status::Dat, Vi) => "Đạt",
            (Status::Dat, En) => "Passed",
            (Status::KhongDat, Vi) => "Không đạt",
            (Status::KhongDat, En) => "Not passed",
            (Status::KhongDanhGia, Vi) => "Không đánh giá",
            (Status::KhongDanhGia, En) => "Not evaluated",
            (Status::Loi, Vi) => "Lỗi dữ liệu",
            (Status::Loi, En) => "Input error",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_bounds() {
        let q = Quarter::new(2024, 1).unwrap();
        assert_eq!(q.first_day().to_string(), "2024-01-01");
        assert_eq!(q.last_day().to_string(), "2024-03-31");
        let q = Quarter::new(2024, 4).unwrap();
        assert_eq!(q.last_day().to_string(), "2024-12-31");
        assert_eq!(q.months(), [10, 11, 12]);
        assert_eq!(q.to_string(), "2024-Q4");
    }

    #[test]
    fn totals_serialise_as_numbers() {
        assert_eq!(serde_json::to_string(&Total(573)).unwrap(), "286.5");
        assert_eq!(serde_json::to_string(&Total(580)).unwrap(), "290");
        assert_eq!(Score(19).to_string(), "9,5");
    }
}
