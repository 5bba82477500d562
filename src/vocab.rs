//! The closed vocabularies of the decision columns (SPEC §2 "Decide only on what was read").
//!
//! Each parser returns `None` for a text it does not know: the reader then reports the cell
//! (`value-unclear`) and the person is `loi`. Nothing here guesses "no" for an unknown text.
//! Everything is pure and compares case-, spacing- and diacritics-insensitively.

use crate::model::{Form, Reason, Status};
use crate::text::key;

/// What the `Thanh tra, kiểm tra` column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Inspection {
    /// Not inspected, or inspected and found without fault.
    No,
    /// Under inspection, no conclusion yet.
    Under,
    /// Found at fault by an inspection's conclusion.
    AtFault,
}

impl Inspection {
    /// Both kinds of "yes" fail the person (`thanh-tra`).
    pub fn fails_person(self) -> bool {
        self != Inspection::No
    }
    /// Only a conclusion of fault breaches a leader's condition (001 §3.5, 4th condition).
    pub fn breaches_scope(self) -> bool {
        self == Inspection::AtFault
    }
}

/// A blank cell, or a dash.
fn is_blank_or_dash(s: &str) -> bool {
    matches!(s.trim(), "" | "-" | "–" | "—")
}

/// Words that mean "nothing here" in every decision column (`s` as typed, `k` its key).
fn is_plain_no(s: &str, k: &str) -> bool {
    is_blank_or_dash(s) || matches!(k, "khong" | "k" | "0" | "ko")
}

/// Words that mean a plain "yes" in every decision column.
fn is_plain_yes(k: &str) -> bool {
    matches!(k, "co" | "x")
}

/// The forms of discipline of Luật Cán bộ, công chức / Luật Viên chức / Điều lệ Đảng.
const DISCIPLINE_FORMS: &[&str] = &[
    "khien trach",
    "canh cao",
    "ha bac luong",
    "giang chuc",
    "cach chuc",
    "buoc thoi viec",
    "khai tru",
    "bai nhiem",
];

/// `Kỷ luật`: `Some(true)` when the person is in a period of discipline or under consideration
/// for it, `Some(false)` when not, `None` for a text outside the vocabulary.
pub fn parse_discipline(s: &str) -> Option<bool> {
    let k = key(s);
    if is_plain_no(s, &k)
        || matches!(
            k.as_str(),
            "khong co"
                | "chua"
                | "het thoi han"
                | "da het thoi han"
                | "khong bi ky luat"
                | "khong ky luat"
                | "het han"
                | "da het han"
        )
    {
        return Some(false);
    }
    // "Khiển trách (đã hết thời hạn)": the period of discipline is over. Any other words about
    // its end ("sắp hết thời hạn", "hết thời hạn vào 30/6") cannot be read either way, except
    // "chưa hết thời hạn", which is still a period of discipline.
    let words = format!(" {k} ");
    if words.contains(" het thoi han ") || words.contains(" het han ") {
        if words.contains(" chua het ") {
            return DISCIPLINE_FORMS
                .iter()
                .any(|f| k.starts_with(f))
                .then_some(true);
        }
        let over = DISCIPLINE_FORMS.iter().any(|f| {
            k.strip_prefix(f).is_some_and(|rest| {
                matches!(
                    rest.trim(),
                    "da het thoi han" | "het thoi han" | "da het han"
                )
            })
        });
        return over.then_some(false);
    }
    // "Đang thi hành kỷ luật (khiển trách)", "Kỷ luật khiển trách", "Có (cảnh cáo)".
    let rest = ["ky luat ", "co "]
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .unwrap_or(&k);
    let ongoing = [
        "dang thi hanh ky luat",
        "dang xem xet ky luat",
        "dang bi xem xet ky luat",
        "dang xem xet xu ly ky luat",
        "dang bi ky luat",
    ];
    if is_plain_yes(&k)
        || ongoing
            .iter()
            .any(|o| k == *o || k.starts_with(&format!("{o} ")))
        || DISCIPLINE_FORMS.iter().any(|f| rest.starts_with(f))
    {
        return Some(true);
    }
    None
}

/// The "no fault" phrases of `Thanh tra, kiểm tra`.
const NO_FAULT: &[&str] = &[
    "khong phat hien sai pham",
    "khong phat hien vi pham",
    "khong co dau hieu sai pham",
    "khong co dau hieu vi pham",
    "ket luan khong sai pham",
    "ket luan khong vi pham",
    "khong co sai pham",
    "khong co vi pham",
    "khong sai pham",
    "khong vi pham",
];

/// `Thanh tra, kiểm tra`, or `None` for a text outside the vocabulary.
pub fn parse_inspection(s: &str) -> Option<Inspection> {
    let k = key(s);
    let not_inspected = [
        "khong co",
        "khong bi thanh tra",
        "khong bi kiem tra",
        "khong bi thanh tra kiem tra",
        "khong thanh tra kiem tra",
    ];
    if is_plain_no(s, &k) || not_inspected.contains(&k.as_str()) {
        return Some(Inspection::No);
    }
    if NO_FAULT.contains(&k.as_str()) {
        return Some(Inspection::No);
    }
    let mut rest = format!(" {k} ");
    for phrase in NO_FAULT {
        rest = rest.replace(&format!(" {phrase} "), " ");
    }
    // "dấu hiệu vi phạm" is what an inspection looks into, not what it concluded.
    let rest = rest
        .replace(" dau hieu sai pham", " dau hieu")
        .replace(" dau hieu vi pham", " dau hieu");
    let signs = rest.contains(" dau hieu ");
    let fault = rest.contains(" sai pham") || rest.contains(" vi pham");
    // A negation left beside a fault ("chưa phát hiện vi phạm", "chưa có kết luận sai phạm")
    // is no conclusion of fault, and no clear "no" either.
    let negated = [" khong ", " chua "].iter().any(|w| rest.contains(w));
    // "Đang thanh tra", "Đang kiểm tra", "Đang được thanh tra, kiểm tra", and the same words
    // followed by what the inspection is about ("Đang kiểm tra theo đơn phản ánh").
    let under = [
        "dang thanh tra",
        "dang kiem tra",
        "dang duoc thanh tra",
        "dang duoc kiem tra",
    ]
    .iter()
    .any(|u| k == *u || k.starts_with(&format!("{u} ")));
    if under {
        // Under inspection, unless it already states a fault ("đang thanh tra, có sai phạm").
        return (!fault || negated).then_some(Inspection::Under);
    }
    if fault {
        // "sai phạm" / "vi phạm" other than in a "no fault" phrase: a conclusion of fault.
        return (!negated).then_some(Inspection::AtFault);
    }
    if signs {
        return None;
    }
    if rest.trim().len() < k.len() {
        // The text held a "no fault" phrase: a closed inspection that found nothing, e.g.
        // "Đã kết thúc kiểm tra, không vi phạm". What is left must be about the inspection.
        let left = rest.trim();
        let about_inspection = left
            .split(' ')
            .all(|w| INSPECTION_WORDS.contains(&w) || w.is_empty());
        return about_inspection.then_some(Inspection::No);
    }
    is_plain_yes(&k).then_some(Inspection::Under)
}

/// Words that may stand beside a "no fault" phrase without changing its meaning.
const INSPECTION_WORDS: &[&str] = &[
    "da", "ket", "thuc", "xong", "thanh", "tra", "kiem", "co", "duoc", "ket", "luan", "qua",
    "theo", "va", "nam", "dot", "sau", "khi",
];

/// `Kiểm điểm` (optional column): must the person undergo a responsibility review?
pub fn parse_review(s: &str) -> Option<bool> {
    let k = key(s);
    if is_plain_no(s, &k) || matches!(k.as_str(), "khong co" | "khong phai kiem diem") {
        return Some(false);
    }
    if is_plain_yes(&k)
        || matches!(
            k.as_str(),
            "phai kiem diem" | "kiem diem trach nhiem" | "phai kiem diem trach nhiem"
        )
    {
        return Some(true);
    }
    None
}

/// `Đối tượng` (optional column): is the person among those the criteria apply to
/// (001 §II.2, 000 §II.1)? Blank is in scope.
pub fn parse_staff_kind(s: &str) -> Option<bool> {
    let k = key(s);
    let compact = k.replace(' ', "");
    if s.trim().is_empty() {
        return Some(true);
    }
    if matches!(
        compact.as_str(),
        "cb" | "cc" | "vc" | "nld" | "cbcc" | "ccvc" | "cbccvc" | "cbccvcnld"
    ) || matches!(
        k.as_str(),
        "can bo"
            | "cong chuc"
            | "vien chuc"
            | "nguoi lao dong"
            | "hd co bhxh tu 12 thang"
            | "hop dong co bhxh tu 12 thang"
            | "hd khong xac dinh thoi han"
            | "hop dong khong xac dinh thoi han"
            | "hd tu 12 thang co bhxh"
            | "hop dong tu 12 thang co bhxh"
            | "nguoi hoat dong khong chuyen trach"
            | "hoat dong khong chuyen trach"
            | "can bo khong chuyen trach"
            | "khong chuyen trach"
            | "hd khong thoi han"
            | "hop dong khong thoi han"
    ) {
        return Some(true);
    }
    if matches!(
        k.as_str(),
        "hd duoi 12 thang"
            | "hop dong duoi 12 thang"
            | "hd khong bhxh"
            | "hop dong khong bhxh"
            | "hd khong co bhxh"
            | "hop dong khong co bhxh"
            | "hd khong dong bhxh"
            | "hop dong khong dong bhxh"
    ) {
        return Some(false);
    }
    None
}

/// `Diện BTV quản lý`: `x` (or `Có`) marks the mẫu 03 track.
pub fn parse_mark(s: &str) -> Option<bool> {
    let k = key(s);
    if is_plain_no(s, &k) {
        return Some(false);
    }
    let tick = matches!(s.trim(), "✓" | "✔" | "√" | "v" | "V");
    if is_plain_yes(&k) || tick || k == "1" || k == "bat buoc" || k == "btv" {
        return Some(true);
    }
    None
}

/// What a unit declared in the `Kết quả` column of its own mẫu 06 (SPEC §3 "Mẫu 06 typed by hand").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Declared {
    Dat,
    KhongDat,
    KhongDanhGia,
}

impl Declared {
    /// The status the declaration claims.
    pub fn status(self) -> Status {
        match self {
            Declared::Dat => Status::Dat,
            Declared::KhongDat => Status::KhongDat,
            Declared::KhongDanhGia => Status::KhongDanhGia,
        }
    }
}

/// Mẫu 06 `Kết quả`: `Đạt`, `Không đạt`, `Không đánh giá` / `Không xét` (the latter may go on with
/// its reason: "Không đánh giá (nghỉ thai sản)"); `None` for anything else, blank included.
pub fn parse_declared(s: &str) -> Option<Declared> {
    let k = key(s);
    let starts = |p: &str| k == p || k.starts_with(&format!("{p} "));
    match k.as_str() {
        "dat" | "dat chuyen nghiep" => Some(Declared::Dat),
        "khong dat"
        | "chua dat"
        | "khong dat chuyen nghiep"
        | "chua dat chuyen nghiep"
        | "k dat"
        | "ko dat" => Some(Declared::KhongDat),
        _ if [
            "khong danh gia",
            "khong xet",
            "khong xep loai",
            "khong thuoc dien danh gia",
        ]
        .iter()
        .any(|p| starts(p)) =>
        {
            Some(Declared::KhongDanhGia)
        }
        _ => None,
    }
}

/// Mẫu 06 `Mẫu phiếu`: 03, 04 or 05 in any spelling ("Mẫu 04", "Mẫu số 04", "04", "4", "M04").
pub fn parse_form(s: &str) -> Option<Form> {
    let k = key(s);
    let rest = [
        "mau phieu so ",
        "mau phieu ",
        "mau so ",
        "mau ",
        "phieu so ",
        "phieu ",
        "m",
    ]
    .iter()
    .find_map(|p| k.strip_prefix(p))
    .unwrap_or(&k);
    match rest.trim_start_matches('0') {
        "3" => Some(Form::M03),
        "4" => Some(Form::M04),
        "5" => Some(Form::M05),
        _ => None,
    }
}

/// Phrases of a mẫu 06 `Ghi chú` (or of its `Kết quả`) that say why a person is not evaluated,
/// by reason. The reason words of [`Reason::words`] (this tool's own mẫu 06) are among them.
const NOT_EVALUATED_WORDS: [(Reason, &[&str]); 3] = [
    (
        Reason::Vang15Ngay,
        &[
            "nghi tu 15 ngay",
            "vang tu 15 ngay",
            "thai san",
            "nghi om",
            "om dau",
            "om dai ngay",
            "dieu tri",
            "nghi khong luong",
            "nghi phep",
            "nghi he",
            "nghi viec rieng",
            "vang 15 ngay",
        ],
    ),
    (
        Reason::KhongDuThoiGian,
        &[
            "khong cong tac tai don vi du thoi gian",
            "khong du thoi gian",
            "nghi huu",
            "thoi viec",
            "nghi viec",
            "chuyen cong tac",
            "chuyen den",
            "chuyen di",
            "moi tuyen",
            "moi tiep nhan",
            "moi chuyen ve",
            "moi ve",
            "dieu dong",
            "luan chuyen",
        ],
    ),
    (
        Reason::NgoaiDoiTuong,
        &[
            "khong thuoc doi tuong",
            "ngoai doi tuong",
            "hd duoi 12 thang",
            "hop dong duoi 12 thang",
            "khong bhxh",
            "khong dong bhxh",
            "khong co bhxh",
        ],
    ),
];

/// Why a person declared `Không đánh giá` is not evaluated, from the words written beside it; the
/// first reason in the contract's order of precedence (SPEC §5) when several are named. `None` when
/// no reason can be read: it is never guessed.
pub fn parse_not_evaluated(s: &str) -> Option<Reason> {
    let words = format!(" {} ", key(s));
    NOT_EVALUATED_WORDS
        .iter()
        .find(|(reason, phrases)| {
            phrases.iter().any(|p| words.contains(&format!(" {p} ")))
                || (*reason == Reason::Vang15Ngay && absent_days_named(&words))
        })
        .map(|(reason, _)| *reason)
}

/// "nghỉ 20 ngày", "vắng 16 ngày làm việc": an absence of 15 days or more, in words.
fn absent_days_named(words: &str) -> bool {
    let w: Vec<&str> = words.split_whitespace().collect();
    w.windows(3).any(|x| {
        matches!(x[0], "nghi" | "vang")
            && x[1].parse::<u32>().is_ok_and(|n| (15..=366).contains(&n))
            && x[2] == "ngay"
    })
}

/// The reasons a mẫu 06 `Ghi chú` names in this tool's own words ([`Reason::words`], as its mẫu 06
/// writes them, `;`-separated) or by their codes; anything else is a plain note.
pub fn reasons_in_note(s: &str) -> Vec<Reason> {
    let mut found: Vec<Reason> = s
        .split([';', '\n'])
        .map(key)
        .filter(|k| !k.is_empty())
        .filter_map(|k| {
            Reason::ALL.into_iter().find(|r| {
                k == key(r.code())
                    || k == key(r.words(crate::i18n::Lang::Vi))
                    || k == key(r.words(crate::i18n::Lang::En))
            })
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The accepted choices of each column, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vocabulary {
    Discipline,
    Inspection,
    Review,
    StaffKind,
    Mark,
}

impl Vocabulary {
    pub fn column(self) -> &'static str {
        match self {
            Vocabulary::Discipline => "Kỷ luật",
            Vocabulary::Inspection => "Thanh tra, kiểm tra",
            Vocabulary::Review => "Kiểm điểm",
            Vocabulary::StaffKind => "Đối tượng",
            Vocabulary::Mark => "Diện BTV quản lý",
        }
    }

    /// The accepted values, as a clerk would type them.
    pub fn choices(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (Vocabulary::Discipline, Vi) => "để trống, 'Không', 'Chưa', 'Đã hết thời hạn' (không bị kỷ luật); 'Có', 'x', 'Đang thi hành kỷ luật', 'Đang xem xét kỷ luật' hoặc hình thức kỷ luật (khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc, khai trừ)",
            (Vocabulary::Discipline, En) => "blank, 'Không', 'Chưa', 'Đã hết thời hạn' (no discipline); 'Có', 'x', 'Đang thi hành kỷ luật', 'Đang xem xét kỷ luật' or a form of discipline (khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc, khai trừ)",
            (Vocabulary::Inspection, Vi) => "để trống, 'Không', 'Không vi phạm', 'Kết luận không sai phạm' (không); 'Có', 'x', 'Đang thanh tra', 'Đang kiểm tra' (đang được thanh tra, kiểm tra); hoặc nội dung sai phạm theo kết luận (có chữ 'sai phạm' hoặc 'vi phạm')",
            (Vocabulary::Inspection, En) => "blank, 'Không', 'Không vi phạm', 'Kết luận không sai phạm' (no); 'Có', 'x', 'Đang thanh tra', 'Đang kiểm tra' (under inspection); or the fault found by the conclusion (with the words 'sai phạm' or 'vi phạm')",
            (Vocabulary::Review, Vi) => "để trống, 'Không' (không phải kiểm điểm); 'Có', 'x', 'Phải kiểm điểm', 'Kiểm điểm trách nhiệm'",
            (Vocabulary::Review, En) => "blank, 'Không' (no review); 'Có', 'x', 'Phải kiểm điểm', 'Kiểm điểm trách nhiệm'",
            (Vocabulary::StaffKind, Vi) => "để trống, CB, CC, VC, NLĐ, 'HĐ có BHXH từ 12 tháng', 'HĐ không xác định thời hạn', 'Người hoạt động không chuyên trách' (thuộc đối tượng); 'HĐ dưới 12 tháng', 'HĐ không BHXH' (không thuộc đối tượng đánh giá)",
            (Vocabulary::StaffKind, En) => "blank, CB, CC, VC, NLĐ, 'HĐ có BHXH từ 12 tháng', 'HĐ không xác định thời hạn', 'Người hoạt động không chuyên trách' (in scope); 'HĐ dưới 12 tháng', 'HĐ không BHXH' (outside the people evaluated)",
            (Vocabulary::Mark, Vi) => "'x' (hoặc ✓, 1, 'Có': thuộc diện BTV quản lý, chấm Mẫu 03) hoặc để trống",
            (Vocabulary::Mark, En) => "'x' (or ✓, 1, 'Có': managed by the Standing Committee, scored on Mẫu 03) or blank",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn discipline_vocabulary() {
        for s in [
            "",
            " ",
            "Không",
            "không có",
            "K",
            "0",
            "-",
            "Chưa",
            "Hết thời hạn",
            "Đã hết thời hạn",
        ] {
            assert_eq!(parse_discipline(s), Some(false), "{s:?}");
        }
        for s in [
            "Có",
            "x",
            "X",
            "Đang thi hành kỷ luật",
            "Đang xem xét kỷ luật",
            "Khiển trách",
            "Cảnh cáo (QĐ 12/QĐ-UBND)",
            "hạ bậc lương",
            "Buộc thôi việc",
            "Khai trừ",
        ] {
            assert_eq!(parse_discipline(s), Some(true), "{s:?}");
        }
        assert_eq!(
            parse_discipline("Khiển trách (đã hết thời hạn)"),
            Some(false)
        );
        assert_eq!(parse_discipline("Cảnh cáo, chưa hết thời hạn"), Some(true));
        for s in [
            "Khiển trách, sắp hết thời hạn",
            "Khiển trách (hết thời hạn vào 30/6/2024)",
            "Cảnh cáo, còn 2 tháng nữa hết thời hạn",
            "Cảnh cáo - chưa đến hết thời hạn",
        ] {
            assert_eq!(parse_discipline(s), None, "{s:?}");
        }
        for s in ["HTXSNV", "không rõ", "Đã xử lý", "Nhắc nhở", "?", "..."] {
            assert_eq!(parse_discipline(s), None, "{s:?}");
        }
    }

    #[test]
    fn inspection_vocabulary() {
        use Inspection::*;
        for (s, want) in [
            ("", No),
            ("Không", No),
            ("-", No),
            ("Không sai phạm", No),
            ("Kết luận không sai phạm", No),
            ("Không vi phạm", No),
            ("Đã kết thúc kiểm tra, không vi phạm", No),
            ("Có", Under),
            ("x", Under),
            ("Đang thanh tra", Under),
            ("Đang kiểm tra", Under),
            ("Đang được thanh tra, kiểm tra", Under),
            ("Đang kiểm tra theo đơn phản ánh", Under),
            ("Không có", No),
            ("Không bị thanh tra", No),
            ("Không thanh tra, kiểm tra", No),
            ("Có sai phạm", AtFault),
            ("Vi phạm quy định về tài chính", AtFault),
            ("Kết luận có sai phạm", AtFault),
            ("Không vi phạm hành chính, có sai phạm về đất đai", AtFault),
            ("Không phát hiện sai phạm", No),
            ("Không có dấu hiệu vi phạm", No),
            ("Đang kiểm tra dấu hiệu vi phạm", Under),
            ("Đang thanh tra, chưa có kết luận sai phạm", Under),
        ] {
            assert_eq!(parse_inspection(s), Some(want), "{s:?}");
        }
        for s in [
            "HTTNV",
            "Chưa rõ",
            "đã xong",
            "Không vi phạm; đã nộp phạt 2 triệu",
            "Đang",
        ] {
            assert_eq!(parse_inspection(s), None, "{s:?}");
        }
        assert!(Under.fails_person() && AtFault.fails_person() && !No.fails_person());
        assert!(AtFault.breaches_scope() && !Under.breaches_scope());
    }

    #[test]
    fn review_staff_kind_and_marks() {
        assert_eq!(parse_review(""), Some(false));
        assert_eq!(parse_review("Phải kiểm điểm"), Some(true));
        assert_eq!(parse_review("Kiểm điểm trách nhiệm"), Some(true));
        assert_eq!(parse_review("đã kiểm điểm xong"), None);
        assert_eq!(parse_review("Không phải kiểm điểm"), Some(false));
        assert_eq!(parse_staff_kind("CCVC"), Some(true));
        assert_eq!(parse_staff_kind("Cán bộ không chuyên trách"), Some(true));
        // A contract without its insurance and length cannot be placed.
        assert_eq!(parse_staff_kind("LĐHĐ"), None);
        assert_eq!(parse_mark("✓"), Some(true));
        assert_eq!(parse_staff_kind(""), Some(true));
        assert_eq!(parse_staff_kind("NLĐ"), Some(true));
        assert_eq!(parse_staff_kind("HĐ có BHXH từ 12 tháng"), Some(true));
        assert_eq!(parse_staff_kind("HĐ không xác định thời hạn"), Some(true));
        assert_eq!(parse_staff_kind("HĐ dưới 12 tháng"), Some(false));
        assert_eq!(parse_staff_kind("HĐ không BHXH"), Some(false));
        assert_eq!(
            parse_staff_kind("Người hoạt động không chuyên trách"),
            Some(true)
        );
        assert_eq!(parse_staff_kind("thời vụ"), None);
        assert_eq!(parse_staff_kind("?"), None);
        assert_eq!(parse_mark("x"), Some(true));
        assert_eq!(parse_mark(""), Some(false));
        assert_eq!(parse_mark("có lẽ"), None);
    }

    #[test]
    fn mau06_words() {
        use Declared::*;
        for (s, want) in [
            ("Đạt", Some(Dat)),
            ("ĐẠT", Some(Dat)),
            (" dat ", Some(Dat)),
            ("Không đạt", Some(KhongDat)),
            ("Chưa đạt", Some(KhongDat)),
            ("Không đánh giá", Some(KhongDanhGia)),
            ("Không xét", Some(KhongDanhGia)),
            ("Không đánh giá (nghỉ thai sản)", Some(KhongDanhGia)),
            ("", None),
            ("x", None),
            ("Chưa xác định", None),
            ("HTXSNV", None),
            ("Không đạt được", None),
        ] {
            assert_eq!(parse_declared(s), want, "{s:?}");
        }
        for (s, want) in [
            ("Mẫu 04", Some(Form::M04)),
            ("04", Some(Form::M04)),
            ("4", Some(Form::M04)),
            ("Mẫu số 03", Some(Form::M03)),
            ("M05", Some(Form::M05)),
            ("mau 5", Some(Form::M05)),
            ("06", None),
            ("Mẫu", None),
            ("", None),
            ("40", None),
        ] {
            assert_eq!(parse_form(s), want, "{s:?}");
        }
        for (s, want) in [
            ("Nghỉ thai sản", Some(Reason::Vang15Ngay)),
            ("nghỉ ốm 20 ngày", Some(Reason::Vang15Ngay)),
            ("Vắng 16 ngày làm việc", Some(Reason::Vang15Ngay)),
            ("Nghỉ việc riêng", Some(Reason::Vang15Ngay)),
            ("Chuyển công tác từ 15/2", Some(Reason::KhongDuThoiGian)),
            ("Mới tuyển dụng", Some(Reason::KhongDuThoiGian)),
            ("HĐ dưới 12 tháng", Some(Reason::NgoaiDoiTuong)),
            (
                Reason::Vang15Ngay.words(crate::i18n::Lang::Vi),
                Some(Reason::Vang15Ngay),
            ),
            (
                Reason::KhongDuThoiGian.words(crate::i18n::Lang::Vi),
                Some(Reason::KhongDuThoiGian),
            ),
            (
                Reason::NgoaiDoiTuong.words(crate::i18n::Lang::Vi),
                Some(Reason::NgoaiDoiTuong),
            ),
            ("Nghỉ thai sản; chuyển công tác", Some(Reason::Vang15Ngay)),
            ("nghỉ 10 ngày", None),
            ("", None),
            ("lý do khác", None),
        ] {
            assert_eq!(parse_not_evaluated(s), want, "{s:?}");
        }
        let note = format!(
            "{}; {}; đã nhắc nhở",
            Reason::TongNgoaiKhung.words(crate::i18n::Lang::Vi),
            Reason::ThangDuoiTot.words(crate::i18n::Lang::Vi)
        );
        assert_eq!(
            reasons_in_note(&note),
            vec![Reason::ThangDuoiTot, Reason::TongNgoaiKhung]
        );
        assert_eq!(
            reasons_in_note("bat-buoc-duoi-10"),
            vec![Reason::BatBuocDuoi10]
        );
        assert!(reasons_in_note("Có sai phạm").is_empty());
    }

    proptest! {
        /// Random text is never silently read as "no" unless it folds to a known "no" form.
        #[test]
        fn unknown_text_is_never_a_silent_no(s in "\\PC{1,30}") {
            let k = key(&s);
            if let Some(false) = parse_discipline(&s) {
                prop_assert!(is_plain_no(&s, &k)
                    || ["khong co", "chua", "khong bi ky luat", "khong ky luat"].contains(&k.as_str())
                    || k.contains("het thoi han"));
            }
            if let Some(Inspection::No) = parse_inspection(&s) {
                prop_assert!(is_plain_no(&s, &k) || NO_FAULT.iter().any(|p| k.contains(p)));
            }
        }
    }
}
