//! Property tests of issue 8, "Decide only on what was read", run in process for speed: a unit
//! workbook is built in memory (`book/mod.rs`), read with `danhgia::reader` and decided with
//! `danhgia::evaluate`.
//!
//! 1. Any value of a decision column (`Kỷ luật`, `Thanh tra, kiểm tra`, `Kiểm điểm`, `Đối tượng`,
//!    a month), on a member's row or on the leader's, drawn from the vocabulary of SPEC §2, from
//!    text outside it, or as a formula without a cached value: either the person gets the result
//!    the vocabulary decides, or the person is `loi` with an error on that very cell. Never a
//!    result decided from an unknown value.
//! 2. A leader over a random scope of members, some with an unknown standing: the leader is
//!    never `dat` while someone in scope is unknown, and is `dat` only when everyone in scope is
//!    known and clear.

mod book;

use std::collections::HashMap;
use std::sync::OnceLock;

use book::*;
use danhgia::finding::Severity;
use danhgia::profile::Profile;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

// ------------------------------------------------------------------------------------ running

/// A finding as (error?, code, sheet, cell, person).
#[derive(Debug, Clone)]
struct F {
    error: bool,
    code: String,
    sheet: Option<String>,
    cell: Option<String>,
    person: Option<String>,
}

#[derive(Debug)]
struct Decided {
    /// id → (status, reasons).
    people: HashMap<String, (String, Vec<String>)>,
    findings: Vec<F>,
}

impl Decided {
    fn of(&self, id: &str) -> (String, Vec<String>) {
        self.people
            .get(id)
            .cloned()
            .unwrap_or_else(|| panic!("no result for {id}: {self:#?}"))
    }
}

fn profile() -> &'static Profile {
    static P: OnceLock<Profile> = OnceLock::new();
    P.get_or_init(Profile::default_profile)
}

fn decide(u: &Unit) -> Decided {
    let profile = profile();
    let mut wb =
        danhgia::reader::Workbook::from_bytes(u.bytes(), "xlsx").expect("the workbook opens");
    let (input, mut findings) =
        danhgia::reader::unit::read_unit("don-vi.xlsx", &mut wb, profile, None);
    let (unit, more) = danhgia::evaluate::evaluate_unit(input, profile, "X");
    findings.extend(more);
    let people = unit
        .map(|u| {
            u.people
                .iter()
                .map(|p| {
                    let v = serde_json::to_value(p).expect("a person serialises");
                    let status = v["status"].as_str().expect("a status").to_string();
                    let reasons = v["reasons"]
                        .as_array()
                        .expect("reasons")
                        .iter()
                        .map(|r| r.as_str().expect("a reason").to_string())
                        .collect();
                    (p.id.clone(), (status, reasons))
                })
                .collect()
        })
        .unwrap_or_default();
    let findings = findings
        .iter()
        .map(|f| F {
            error: f.severity() == Severity::Error,
            code: f.code().as_str().to_string(),
            sheet: f.sheet.clone(),
            cell: f.cell.clone(),
            person: f.person.clone(),
        })
        .collect();
    Decided { people, findings }
}

// ------------------------------------------------------------------------------------ values

const DISCIPLINE_NO: &[&str] = &[
    "",
    "Không",
    "Không có",
    "K",
    "0",
    "-",
    "Chưa",
    "Hết thời hạn",
    "Đã hết thời hạn",
];
const DISCIPLINE_YES: &[&str] = &[
    "Có",
    "x",
    "Đang thi hành kỷ luật",
    "Đang xem xét kỷ luật",
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
    "Khai trừ",
    "Cảnh cáo (Quyết định số 12/QĐ-UBND)",
];
const DISCIPLINE_UNCLEAR: &[&str] = &["HTTNV", "Nhắc nhở", "Đã xử lý", "không rõ", "?"];

const INSPECTION_NO: &[&str] = &[
    "",
    "Không",
    "K",
    "0",
    "-",
    "Không sai phạm",
    "Kết luận không sai phạm",
    "Không vi phạm",
];
const INSPECTION_UNDER: &[&str] = &[
    "Có",
    "x",
    "Đang thanh tra",
    "Đang kiểm tra",
    "Đang được thanh tra, kiểm tra",
];
const INSPECTION_FAULT: &[&str] = &[
    "Có sai phạm",
    "Kết luận có sai phạm",
    "Vi phạm quy định về quản lý tài chính",
];
const INSPECTION_UNCLEAR: &[&str] = &["HTTNV", "Chưa rõ", "đã xong", "Đang"];

const REVIEW_NO: &[&str] = &["", "Không", "K", "0", "-"];
const REVIEW_YES: &[&str] = &["Có", "x", "Phải kiểm điểm", "Kiểm điểm trách nhiệm"];
const REVIEW_UNCLEAR: &[&str] = &["HTTNV", "đã kiểm điểm xong", "Nhắc nhở"];

const KIND_IN: &[&str] = &[
    "",
    "CB",
    "CC",
    "VC",
    "NLĐ",
    "HĐ có BHXH từ 12 tháng",
    "HĐ không xác định thời hạn",
];
const KIND_OUT: &[&str] = &["HĐ dưới 12 tháng", "HĐ không BHXH"];
const KIND_UNCLEAR: &[&str] = &["thời vụ", "Cộng tác viên", "HTTNV", "Hợp đồng"];

/// The monthly rating labels of SPEC §2, by level: xuất sắc, tốt, hoàn thành, không hoàn thành.
const RATINGS: [&[&str]; 4] = [
    &[
        "HTXSNV",
        "HTXS",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành xuất sắc",
        "Xuất sắc",
        "A",
    ],
    &[
        "HTTNV",
        "HTTTNV",
        "HTT",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành tốt",
        "Tốt",
        "B",
    ],
    &["HTNV", "HT", "Hoàn thành nhiệm vụ", "Hoàn thành", "C"],
    &[
        "KHTNV",
        "KHT",
        "Không hoàn thành nhiệm vụ",
        "Không hoàn thành",
        "D",
        "Không HTNV",
        "K.HTNV",
        "Không HT",
    ],
];
const MONTH_UNCLEAR: &[&str] = &["Khá", "Trung bình", "Chưa xếp loại", "E", "Nghỉ"];

const NO_VALUE_FORMULA: &str = "IF(A2>0,\"Không\",\"Có\")";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Discipline,
    Inspection,
    Review,
    Kind,
    Month(usize),
}

impl Col {
    /// Does the leader's condition (SPEC §2, 4.) need this column of the people in scope?
    fn in_leader_condition(self) -> bool {
        self != Col::Kind
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Insp {
    No,
    Under,
    AtFault,
}

/// What the drawn value means by the vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meaning {
    Discipline(bool),
    Inspection(Insp),
    Review(bool),
    InScope(bool),
    /// 0 xuất sắc, 1 tốt, 2 hoàn thành, 3 không hoàn thành.
    Rating(usize),
    Unknown,
}

/// Where the value comes from, for the unknown ones.
#[derive(Clone, Debug)]
enum Source {
    List(&'static [&'static str]),
    Random,
    NoValue,
    Blank,
}

/// Lower case, upper case or as typed; padded with spaces or not; for month labels, the
/// diacritics dropped (SPEC §2: labels compare case-, spacing- and diacritics-insensitively).
#[derive(Clone, Copy, Debug)]
struct Style {
    case: u8,
    pad: bool,
    fold: bool,
}

fn fold_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

fn styled(text: &str, style: Style, fold_allowed: bool) -> Cell {
    if text.is_empty() {
        return Cell::Blank;
    }
    let mut s = match style.case {
        0 => text.to_lowercase(),
        1 => text.to_uppercase(),
        _ => text.to_string(),
    };
    if fold_allowed && style.fold {
        s = fold_diacritics(&s);
    }
    if style.pad {
        s = format!("  {s} ");
    }
    t(&s)
}

/// The classes of values of a column: (meaning, where the value is taken from).
fn classes(col: Col) -> Vec<(Meaning, Source)> {
    use Meaning::*;
    use Source::*;
    let mut v = match col {
        Col::Discipline => vec![
            (Discipline(false), List(DISCIPLINE_NO)),
            (Discipline(true), List(DISCIPLINE_YES)),
            (Unknown, List(DISCIPLINE_UNCLEAR)),
        ],
        Col::Inspection => vec![
            (Inspection(Insp::No), List(INSPECTION_NO)),
            (Inspection(Insp::Under), List(INSPECTION_UNDER)),
            (Inspection(Insp::AtFault), List(INSPECTION_FAULT)),
            (Unknown, List(INSPECTION_UNCLEAR)),
        ],
        Col::Review => vec![
            (Review(false), List(REVIEW_NO)),
            (Review(true), List(REVIEW_YES)),
            (Unknown, List(REVIEW_UNCLEAR)),
        ],
        Col::Kind => vec![
            (InScope(true), List(KIND_IN)),
            (InScope(false), List(KIND_OUT)),
            (Unknown, List(KIND_UNCLEAR)),
        ],
        Col::Month(_) => vec![
            (Rating(0), List(RATINGS[0])),
            (Rating(1), List(RATINGS[1])),
            (Rating(2), List(RATINGS[2])),
            (Rating(3), List(RATINGS[3])),
            (Unknown, List(MONTH_UNCLEAR)),
            (Unknown, Blank),
        ],
    };
    v.push((Unknown, Random));
    v.push((Unknown, NoValue));
    v
}

/// One drawn value, and the row it is written on.
#[derive(Clone, Debug)]
struct Draw {
    col: Col,
    value: Cell,
    meaning: Meaning,
    on_leader: bool,
}

const LEADER: &str = "TN01";
const MEMBER: &str = "TN02";
const OTHER: &str = "TN03";

fn draw() -> impl Strategy<Value = Draw> {
    (
        0..7usize,
        any::<u32>(),
        any::<u32>(),
        (0..3u8, any::<bool>(), any::<bool>()),
        "[zqjw][a-z]{2,9}( [a-z]{1,6})?",
        any::<bool>(),
    )
        .prop_map(|(c, class, item, (case, pad, fold), random, on_leader)| {
            let col = match c {
                0 => Col::Discipline,
                1 => Col::Inspection,
                2 => Col::Review,
                3 => Col::Kind,
                m => Col::Month(m - 4),
            };
            let all = classes(col);
            let (meaning, source) = all[class as usize % all.len()].clone();
            let style = Style { case, pad, fold };
            let value = match source {
                Source::List(list) => styled(
                    list[item as usize % list.len()],
                    style,
                    matches!(col, Col::Month(_)),
                ),
                Source::Random => t(&random),
                Source::NoValue => no_value(NO_VALUE_FORMULA),
                Source::Blank => Cell::Blank,
            };
            Draw {
                col,
                value,
                meaning,
                on_leader,
            }
        })
}

/// The unit of property 1: leader TN01, members TN02 and TN03, with the drawn value written.
fn unit_with(d: &Draw) -> Unit {
    let mut u = Unit::new("TN", 2);
    let p = u.person(if d.on_leader { LEADER } else { MEMBER });
    match d.col {
        Col::Discipline => p.set(KY_LUAT, d.value.clone()),
        Col::Inspection => p.set(THANH_TRA, d.value.clone()),
        Col::Review => p.set(KIEM_DIEM, d.value.clone()),
        Col::Kind => p.set(DOI_TUONG, d.value.clone()),
        Col::Month(i) => p.month(i, d.value.clone()),
    };
    u
}

fn cell_of(u: &Unit, id: &str, col: Col) -> String {
    match col {
        Col::Discipline => u.list_cell(id, KY_LUAT),
        Col::Inspection => u.list_cell(id, THANH_TRA),
        Col::Review => u.list_cell(id, KIEM_DIEM),
        Col::Kind => u.list_cell(id, DOI_TUONG),
        Col::Month(i) => u.month_cell(id, i),
    }
}

/// An expected result: exactly this, or (for an unknown value the person's own result does
/// not need) `loi` or this.
#[derive(Debug, Clone, PartialEq)]
enum Exp {
    Is(&'static str, Vec<&'static str>),
    LoiOr(&'static str, Vec<&'static str>),
}

fn dat() -> Exp {
    Exp::Is("dat", vec![])
}

fn khong_dat(reasons: &[&'static str]) -> Exp {
    Exp::Is("khong-dat", reasons.to_vec())
}

/// The reasons that months [xuất sắc, tốt, tốt] with month `i` at `level` give.
fn month_reasons(i: usize, level: usize) -> Vec<&'static str> {
    let mut levels = [0, 1, 1];
    levels[i] = level;
    let mut r = Vec::new();
    if levels.iter().any(|l| *l >= 2) {
        r.push("thang-duoi-tot");
    }
    if !levels.contains(&0) {
        r.push("khong-thang-xuat-sac");
    }
    r
}

/// (the person the value is about, the other one of the pair leader–member).
fn expected(d: &Draw) -> (Exp, Exp) {
    use Meaning::*;
    let own = match (d.meaning, d.col) {
        (Discipline(true), _) => khong_dat(&["ky-luat"]),
        (Inspection(Insp::Under | Insp::AtFault), _) => khong_dat(&["thanh-tra"]),
        (InScope(false), _) => Exp::Is("khong-danh-gia", vec!["ngoai-doi-tuong"]),
        (Rating(level), Col::Month(i)) => {
            let r = month_reasons(i, level);
            if r.is_empty() {
                dat()
            } else {
                Exp::Is("khong-dat", r)
            }
        }
        // Kiểm điểm breaches only a leader's condition, about the others in scope: an unclear
        // one is reported, but SPEC does not say whether it makes the person's own result `loi`.
        (Unknown, Col::Review) => Exp::LoiOr("dat", vec![]),
        (Unknown, _) => Exp::Is("loi", vec![]),
        _ => dat(),
    };
    if d.on_leader {
        return (own, dat());
    }
    let leader = match d.meaning {
        Discipline(true) | Inspection(Insp::AtFault) | Review(true) | Rating(3) => {
            khong_dat(&["don-vi-vi-pham"])
        }
        Unknown if d.col.in_leader_condition() => Exp::Is("loi", vec![]),
        _ => dat(),
    };
    (own, leader)
}

fn check(got: &(String, Vec<String>), want: &Exp) -> bool {
    let is = |s: &str, r: &[&str]| got.0 == s && got.1 == r;
    match want {
        Exp::Is(s, r) => is(s, r),
        Exp::LoiOr(s, r) => is("loi", &[]) || is(s, r),
    }
}

// ------------------------------------------------------------------------------------ property 2

const PARTS: [&str; 3] = ["Bộ phận Ngân sách", "Bộ phận Tổng hợp", "Bộ phận Một cửa"];

/// A member's standing against the leader's condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Clear,
    /// Fails themself, not the leader: under inspection, or a month "hoàn thành".
    FailsOnlyThemself(u8),
    /// 0 a month "không hoàn thành", 1 disciplined, 2 at fault, 3 must be reviewed.
    Breach(u8),
    /// 0 blank month, 1 unknown month label, 2 unclear Kỷ luật, 3 unclear Thanh tra, 4 unclear
    /// Kiểm điểm, 5 Kỷ luật formula without value, 6 month formula without value.
    Unknown(u8),
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Clear),
        (0..2u8).prop_map(Kind::FailsOnlyThemself),
        (0..4u8).prop_map(Kind::Breach),
        (0..7u8).prop_map(Kind::Unknown),
    ]
}

fn apply(p: &mut Person, k: Kind) {
    match k {
        Kind::Clear => {}
        Kind::FailsOnlyThemself(0) => {
            p.text(THANH_TRA, "Đang kiểm tra");
        }
        Kind::FailsOnlyThemself(_) => {
            p.month(1, t("HTNV"));
        }
        Kind::Breach(0) => {
            p.month(1, t("Không HTNV"));
        }
        Kind::Breach(1) => {
            p.text(KY_LUAT, "Cảnh cáo");
        }
        Kind::Breach(2) => {
            p.text(THANH_TRA, "Có sai phạm");
        }
        Kind::Breach(_) => {
            p.text(KIEM_DIEM, "Phải kiểm điểm");
        }
        Kind::Unknown(0) => {
            p.month(1, Cell::Blank);
        }
        Kind::Unknown(1) => {
            p.month(1, t("Khá"));
        }
        Kind::Unknown(2) => {
            p.text(KY_LUAT, "Nhắc nhở");
        }
        Kind::Unknown(3) => {
            p.text(THANH_TRA, "Chưa rõ");
        }
        Kind::Unknown(4) => {
            p.text(KIEM_DIEM, "đã kiểm điểm xong");
        }
        Kind::Unknown(5) => {
            p.set(KY_LUAT, no_value(NO_VALUE_FORMULA));
        }
        Kind::Unknown(_) => {
            p.month(1, no_value(NO_VALUE_FORMULA));
        }
    }
}

/// The cell of `Danh sách` that makes a member's standing unknown.
fn unknown_cell(u: &Unit, id: &str, k: u8) -> String {
    match k {
        0 | 1 | 6 => u.month_cell(id, 1),
        2 | 5 => u.list_cell(id, KY_LUAT),
        3 => u.list_cell(id, THANH_TRA),
        _ => u.list_cell(id, KIEM_DIEM),
    }
}

/// `Phụ trách` as a clerk may type a part: another case, without diacritics.
fn spelled(part: &str, style: u8) -> String {
    match style {
        0 => part.to_string(),
        1 => part.to_uppercase(),
        _ => fold_diacritics(part).to_lowercase(),
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Property 1: a decision cell is read by its vocabulary, or reported on that cell.
    #[test]
    fn a_decision_cell_is_read_by_its_vocabulary_or_reported(d in draw()) {
        let u = unit_with(&d);
        let got = decide(&u);
        let (target, other) = if d.on_leader { (LEADER, MEMBER) } else { (MEMBER, LEADER) };
        let (want_target, want_other) = expected(&d);
        prop_assert!(
            check(&got.of(target), &want_target),
            "{target}: got {:?}, want {want_target:?}; {d:?}; findings {:#?}",
            got.of(target), got.findings
        );
        prop_assert!(
            check(&got.of(other), &want_other),
            "{other}: got {:?}, want {want_other:?}; {d:?}; findings {:#?}",
            got.of(other), got.findings
        );
        prop_assert_eq!(got.of(OTHER), ("dat".to_string(), vec![]), "{:?}", d);

        if d.meaning == Meaning::Unknown {
            let cell = cell_of(&u, target, d.col);
            // An error on that very cell, about the person…
            let on_cell = |f: &F, person: &str| {
                f.error
                    && f.sheet.as_deref() == Some(SHEET_LIST)
                    && f.cell.as_deref() == Some(cell.as_str())
                    && f.person.as_deref() == Some(person)
            };
            prop_assert!(
                got.findings.iter().any(|f| on_cell(f, target) && f.code != "scope-unknown"),
                "no error at {cell} about {target}: {d:?}; {:#?}", got.findings
            );
            // …`scope-unknown` for the leader when the leader's condition needs it…
            if !d.on_leader && d.col.in_leader_condition() {
                prop_assert!(
                    got.findings.iter().any(|f| on_cell(f, LEADER) && f.code == "scope-unknown"),
                    "no scope-unknown at {cell} about {LEADER}: {d:?}; {:#?}", got.findings
                );
            }
            // …and nothing anywhere else.
            prop_assert!(
                got.findings.iter().all(|f| f.cell.as_deref() == Some(cell.as_str())),
                "findings away from {cell}: {d:?}; {:#?}", got.findings
            );
        } else {
            prop_assert!(got.findings.is_empty(), "{d:?}: {:#?}", got.findings);
        }
    }

    /// Property 2: a leader is never `dat` while the standing of someone in scope is unknown,
    /// and is `dat` only when everyone in scope is known and clear.
    #[test]
    fn a_leader_is_dat_only_when_everyone_in_scope_is_known_and_clear(
        members in prop::collection::vec((0..3usize, kind()), 1..6),
        scope_mask in 0..8u8,
        spelling in prop::collection::vec(0..3u8, 3),
    ) {
        let mut u = Unit::new("TN", members.len());
        for (i, (part, k)) in members.iter().enumerate() {
            let p = &mut u.people[i + 1];
            p.part = PARTS[*part].to_string();
            apply(p, *k);
        }
        // Phụ trách: parts that members are in, picked by the mask; none = the whole unit.
        let present: Vec<usize> = (0..3).filter(|i| members.iter().any(|(p, _)| p == i)).collect();
        let chosen: Vec<usize> =
            present.iter().copied().filter(|i| scope_mask & (1 << i) != 0).collect();
        u.people[0].in_charge = chosen
            .iter()
            .map(|&i| spelled(PARTS[i], spelling[i]))
            .collect::<Vec<_>>()
            .join("; ");
        let in_scope = |part: usize| chosen.is_empty() || chosen.contains(&part);

        let got = decide(&u);
        let ids: Vec<String> = u.people[1..].iter().map(|p| p.id.clone()).collect();
        let breach = members.iter().any(|(p, k)| in_scope(*p) && matches!(k, Kind::Breach(_)));
        let unknown: Vec<(String, String)> = members
            .iter()
            .zip(&ids)
            .filter(|((p, _), _)| in_scope(*p))
            .filter_map(|((_, k), id)| match k {
                Kind::Unknown(x) => Some((id.clone(), unknown_cell(&u, id, *x))),
                _ => None,
            })
            .collect();
        let leader = got.of(LEADER);
        let ctx = format!("{members:?} scope {:?}; leader {leader:?}; findings {:#?}",
            u.people[0].in_charge, got.findings);

        if !unknown.is_empty() {
            prop_assert_ne!(leader.0.as_str(), "dat", "unknown in scope: {}", ctx);
        }
        match (breach, unknown.is_empty()) {
            (true, true) => prop_assert_eq!(
                &leader, &("khong-dat".to_string(), vec!["don-vi-vi-pham".to_string()]), "{}", ctx
            ),
            (true, false) => prop_assert!(
                leader.0 == "loi"
                    || leader == ("khong-dat".to_string(), vec!["don-vi-vi-pham".to_string()]),
                "{}", ctx
            ),
            (false, false) => {
                prop_assert_eq!(leader.0.as_str(), "loi", "{}", ctx);
                for (id, cell) in &unknown {
                    prop_assert!(
                        got.findings.iter().any(|f| f.code == "scope-unknown"
                            && f.person.as_deref() == Some(LEADER)
                            && f.cell.as_deref() == Some(cell.as_str())),
                        "no scope-unknown for {} at {}: {}", id, cell, ctx
                    );
                }
            }
            (false, true) => prop_assert_eq!(
                &leader, &("dat".to_string(), vec![]), "{}", ctx
            ),
        }
        // A scope-unknown always points at an unknown member in scope.
        for f in got.findings.iter().filter(|f| f.code == "scope-unknown") {
            prop_assert!(
                unknown.iter().any(|(_, cell)| f.cell.as_deref() == Some(cell.as_str())),
                "scope-unknown away from an unknown member in scope: {:?}; {}", f, ctx
            );
        }
        // Every member with an unknown standing is `loi` (an unclear Kiểm điểm may leave the
        // member's own result known) and reported at that cell.
        for ((_, k), id) in members.iter().zip(&ids) {
            if let Kind::Unknown(x) = k {
                let cell = unknown_cell(&u, id, *x);
                let status = got.of(id).0;
                prop_assert!(status == "loi" || (*x == 4 && status == "dat"), "{}: {}", id, ctx);
                prop_assert!(
                    got.findings.iter().any(|f| f.error
                        && f.code != "scope-unknown"
                        && f.person.as_deref() == Some(id.as_str())
                        && f.cell.as_deref() == Some(cell.as_str())),
                    "no error about {} at {}: {}", id, cell, ctx
                );
            }
        }
    }
}
