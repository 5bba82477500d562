//! Findings: what is wrong in an input file, where, and how to put it right.
//!
//! A finding carries its location and a [`Detail`] with the facts; the words are chosen when the
//! report is printed, in the language asked for.

use crate::i18n::Lang;
use crate::model::{Form, Quarter, Rating, Reason, Scale, Score, Status, Total};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

/// The finding codes of the contract (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    FileUnreadable,
    SheetMissing,
    ColumnMissing,
    InfoMissing,
    QuarterMismatch,
    MonthMismatch,
    ScoreNotNumber,
    ScoreOutOfRange,
    ScoreStep,
    ScoreMissing,
    TotalMismatch,
    RatingUnknown,
    RatingMissing,
    PersonDuplicate,
    PersonUnmatched,
    WrongForm,
    FormulaNoValue,
    DateInvalid,
    RewardOverCap,
    RewardNotDat,
    RewardUnknownPerson,
    UnitDuplicate,
    FormSize,
    LegacyEncoding,
    AbsenceMismatch,
    HeadcountMismatch,
    Late,
    /// A campaign dossier received before its window opens (accepted, SPEC §2).
    Early,
    ValueUnclear,
    ScopeUnknown,
    ScopeUnknownPart,
    MandatoryRowInvalid,
    SheetDuplicate,
    UnitEmpty,
    UnitResubmitted,
    ProfileOutOfPeriod,
    RatingConflict,
    ListUnitUnknown,
    ResultMismatch,
    /// A bloc's mẫu 07 without its list of people đạt, or with a shorter one (SPEC §4 `merge`).
    ListMissing,
    /// A unit of the list of expected units (`--don-vi`) that sent nothing (SPEC §4).
    UnitMissing,
}

impl Code {
    pub const ALL: [Code; 41] = [
        Code::FileUnreadable,
        Code::SheetMissing,
        Code::ColumnMissing,
        Code::InfoMissing,
        Code::QuarterMismatch,
        Code::MonthMismatch,
        Code::ScoreNotNumber,
        Code::ScoreOutOfRange,
        Code::ScoreStep,
        Code::ScoreMissing,
        Code::TotalMismatch,
        Code::RatingUnknown,
        Code::RatingMissing,
        Code::PersonDuplicate,
        Code::PersonUnmatched,
        Code::WrongForm,
        Code::FormulaNoValue,
        Code::DateInvalid,
        Code::RewardOverCap,
        Code::RewardNotDat,
        Code::RewardUnknownPerson,
        Code::UnitDuplicate,
        Code::FormSize,
        Code::LegacyEncoding,
        Code::AbsenceMismatch,
        Code::HeadcountMismatch,
        Code::Late,
        Code::Early,
        Code::ValueUnclear,
        Code::ScopeUnknown,
        Code::ScopeUnknownPart,
        Code::MandatoryRowInvalid,
        Code::SheetDuplicate,
        Code::UnitEmpty,
        Code::UnitResubmitted,
        Code::ProfileOutOfPeriod,
        Code::RatingConflict,
        Code::ListUnitUnknown,
        Code::ResultMismatch,
        Code::ListMissing,
        Code::UnitMissing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::FileUnreadable => "file-unreadable",
            Code::SheetMissing => "sheet-missing",
            Code::ColumnMissing => "column-missing",
            Code::InfoMissing => "info-missing",
            Code::QuarterMismatch => "quarter-mismatch",
            Code::MonthMismatch => "month-mismatch",
            Code::ScoreNotNumber => "score-not-number",
            Code::ScoreOutOfRange => "score-out-of-range",
            Code::ScoreStep => "score-step",
            Code::ScoreMissing => "score-missing",
            Code::TotalMismatch => "total-mismatch",
            Code::RatingUnknown => "rating-unknown",
            Code::RatingMissing => "rating-missing",
            Code::PersonDuplicate => "person-duplicate",
            Code::PersonUnmatched => "person-unmatched",
            Code::WrongForm => "wrong-form",
            Code::FormulaNoValue => "formula-no-value",
            Code::DateInvalid => "date-invalid",
            Code::RewardOverCap => "reward-over-cap",
            Code::RewardNotDat => "reward-not-dat",
            Code::RewardUnknownPerson => "reward-unknown-person",
            Code::UnitDuplicate => "unit-duplicate",
            Code::FormSize => "form-size",
            Code::LegacyEncoding => "legacy-encoding",
            Code::AbsenceMismatch => "absence-mismatch",
            Code::HeadcountMismatch => "headcount-mismatch",
            Code::Late => "late",
            Code::Early => "early",
            Code::ValueUnclear => "value-unclear",
            Code::ScopeUnknown => "scope-unknown",
            Code::ScopeUnknownPart => "scope-unknown-part",
            Code::MandatoryRowInvalid => "mandatory-row-invalid",
            Code::SheetDuplicate => "sheet-duplicate",
            Code::UnitEmpty => "unit-empty",
            Code::UnitResubmitted => "unit-resubmitted",
            Code::ProfileOutOfPeriod => "profile-out-of-period",
            Code::RatingConflict => "rating-conflict",
            Code::ListUnitUnknown => "list-unit-unknown",
            Code::ResultMismatch => "result-mismatch",
            Code::ListMissing => "list-missing",
            Code::UnitMissing => "unit-missing",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::FormSize
            | Code::LegacyEncoding
            | Code::AbsenceMismatch
            | Code::HeadcountMismatch
            | Code::Late
            | Code::Early
            | Code::UnitResubmitted
            | Code::ProfileOutOfPeriod
            | Code::ListMissing
            | Code::UnitMissing => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The path could not be opened or read.
    Io(String),
    Empty,
    TooLarge {
        bytes: u64,
    },
    /// Not a spreadsheet format danhgia reads (e.g. a CSV or a Word file).
    NotSpreadsheet {
        ext: String,
    },
    /// An OLE2 container that is not an .xls: an encrypted (password-protected) workbook.
    Encrypted,
    /// The reader found the file damaged.
    Damaged(String),
    /// Reading the file would need far more memory than its real content: what it declares, or
    /// how it is packed, is out of proportion (a hostile or damaged file).
    Oversized(Oversize),
}

/// Why a file would need more memory than its real content justifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Oversize {
    /// A part of the package inflates out of all proportion (mostly blank space).
    Inflated {
        part: String,
        packed: u64,
        unpacked: u64,
    },
    /// A part of the package is larger, once unpacked, than any unit's workbook needs.
    PartTooLarge { part: String, limit: u64 },
    /// The package unpacks, in all, to more than any unit's workbook needs.
    PackageTooLarge { limit: u64 },
    /// The package holds more parts than any workbook has.
    TooManyParts { count: u64 },
    /// The table of shared texts declares many more texts than it holds.
    DeclaredStrings { declared: u64, real: u64 },
    /// A sheet holds more filled cells than any unit's workbook.
    TooManyCells { sheet: String, limit: u64 },
    /// A sheet's cells hold more text, in all, than any unit's workbook (a long text repeated in
    /// many cells).
    TooMuchText { sheet: String, limit: u64 },
    /// A sheet declares a size far beyond its real cells.
    DeclaredSize {
        sheet: String,
        declared: u64,
        real: u64,
    },
    /// A filled cell far from the others (e.g. `IV65536` beside a table at `A1`) would make the
    /// sheet too large to read in this format.
    FarCell { sheet: String, cell: String },
}

/// What a valid value of a `Thông tin` field looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Bloc,
    Quarter,
    Headcount,
}

impl Expected {
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Bloc, _) => "Đảng - Đoàn thể | Chính quyền | Trường học",
            (Expected::Quarter, Lang::Vi) => "I/2024, Quý I/2024, 1/2024, 2024-Q1 hoặc Q1/2024",
            (Expected::Quarter, Lang::En) => "I/2024, Quý I/2024, 1/2024, 2024-Q1 or Q1/2024",
            (Expected::Headcount, Lang::Vi) => {
                "một số nguyên dương (không quá 10.000.000), ví dụ 12"
            }
            (Expected::Headcount, Lang::En) => {
                "a positive whole number (at most 10,000,000), e.g. 12"
            }
        }
    }
}

/// The facts of a finding.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Unreadable(Unreadable),
    SheetMissing {
        sheet: &'static str,
    },
    NoScoreSheet,
    HeaderNotFound,
    ColumnMissing {
        column: String,
    },
    InfoMissing {
        label: &'static str,
    },
    InfoInvalid {
        label: &'static str,
        value: String,
        expected: Expected,
    },
    QuarterMismatch {
        found: Quarter,
        expected: Quarter,
        asked: bool,
    },
    MonthMismatch {
        month: u32,
        quarter: Quarter,
    },
    ScoreNotNumber {
        item: u16,
        value: String,
        /// The profile's scale, for the words of the message.
        scale: Scale,
    },
    ScoreOutOfRange {
        item: u16,
        value: String,
        scale: Scale,
    },
    ScoreStep {
        item: u16,
        value: String,
        scale: Scale,
    },
    ScoreMissing {
        item: u16,
        scale: Scale,
    },
    TotalMismatch {
        written: String,
        sum: Total,
    },
    RatingUnknown {
        month: u32,
        value: String,
    },
    RatingMissing {
        month: u32,
    },
    PersonDuplicate {
        first: String,
    },
    PersonOnTwoForms {
        first_sheet: &'static str,
    },
    PersonNotListed,
    PersonNotScored,
    /// A row with content but no `Mã CB`; the name written on it, if any.
    PersonWithoutId {
        name: String,
    },
    WrongFormLeader {
        form: Form,
    },
    WrongFormStaff,
    FormulaNoValue {
        formula: String,
    },
    DateInvalid {
        column: &'static str,
        value: String,
    },
    DateOrder,
    DaysInvalid {
        value: String,
    },
    DateHalf {
        column: &'static str,
    },
    UnitDuplicate {
        code: String,
        other: String,
    },
    FormSize {
        form: Form,
        headcount: u32,
        expected: Form,
    },
    LegacyEncoding {
        encoding: &'static str,
        before: String,
        after: String,
    },
    AbsenceMismatch {
        /// As written, e.g. "2,5".
        declared: String,
        counted: u32,
    },
    HeadcountMismatch {
        declared: u32,
        listed: u32,
    },
    Late {
        sent: chrono::NaiveDate,
        deadline: chrono::NaiveDate,
    },
    YearNotInCalendar {
        year: i32,
    },
    /// A `Đề nghị khen thưởng` row whose `Mã CB` is not in `Danh sách` (or is blank).
    RewardUnknownPerson {
        id: String,
        name: String,
    },
    /// A proposed person who is not đạt.
    RewardNotDat {
        status: crate::model::Status,
    },
    /// A proposal beyond the unit's cap, once those of higher priority are taken.
    RewardOverCap {
        basis: crate::cap::CapBasis,
        priority: Option<u32>,
    },
    /// Mẫu 07: a count cell that is no number of people; the row is not counted.
    CountInvalid {
        at: Mau07At,
        column: &'static str,
        value: String,
    },
    /// Mẫu 07: a unit's numbers do not add up (`parts[0] + parts[1] ≠ whole`).
    Mau07Sum {
        at: Mau07At,
        unit: String,
        what: Mau07Check,
        parts: [u64; 2],
        whole: u64,
        /// The number of the equation the table has no column for (worked out from the other
        /// equation), if any.
        worked_out: Option<&'static str>,
    },
    /// Mẫu 07 without one column of an equation: the column would come out below zero
    /// (`part` is larger than `whole`); the row is not counted.
    Mau07Derived {
        at: Mau07At,
        unit: String,
        derived: &'static str,
        part: (&'static str, u64),
        whole: (&'static str, u64),
    },
    /// Mẫu 07: a total, subtotal or group row whose number is not the sum of its units.
    Mau07TotalRow {
        at: Mau07At,
        label: String,
        column: &'static str,
        written: u64,
        sum: u64,
        /// The rows (1-based, first and last) of the units summed; `None` when there are none.
        units: Option<(u32, u32)>,
    },
    /// Mẫu 07: a numbered row with counts and no unit name; not counted.
    Mau07NoName {
        at: Mau07At,
    },
    /// Mẫu 07: a unit row with no count at all; not counted.
    Mau07NoNumbers {
        at: Mau07At,
        unit: String,
    },
    /// Mẫu 07: the title lines name no quarter, or no bloc.
    Mau07TitleMissing {
        what: Mau07Title,
    },
    /// Mẫu 07: no sheet holds a summary table in its first rows.
    Mau07HeaderNotFound,
    /// Mẫu 07: a table with no unit row (only headings, groups or totals).
    Mau07NoUnits,
    /// Mẫu 07: columns that are missing and that the others do not determine.
    Mau07ColumnMissing {
        columns: Vec<&'static str>,
    },
    /// Mẫu 07: a unit already counted (in this file or another); this row is not counted.
    Mau07UnitTwice {
        at: Mau07At,
        unit: String,
        other_file: String,
        other_cell: String,
    },
    /// Mẫu 07: a row that could be read two ways (a unit, or a group or total row); how it
    /// was read is said, and what to write so that it reads one way only.
    Mau07RowUnclear {
        at: Mau07At,
        label: String,
        reading: Mau07Reading,
    },
    /// Mẫu 07: a unit below the total row that closed the table; counted, but the total does
    /// not hold it.
    Mau07UnitAfterTotal {
        at: Mau07At,
        unit: String,
        total_row: u32,
        label: String,
    },
    /// A bloc's mẫu 07 without its list of people đạt (`listed: None`), or with fewer people
    /// than its `Số đạt`. `passed_over`: sheets with a list of people that were not taken for
    /// the list of people đạt (the sheet's name, and whether it says "không đạt").
    ListMissing {
        bloc: String,
        dat: u64,
        listed: Option<u64>,
        passed_over: Vec<(String, bool)>,
    },
    /// A bloc's list of people đạt names more people than its `Số đạt`.
    Mau07ListLonger {
        bloc: String,
        dat: u64,
        listed: u64,
    },
    /// A decision cell whose text is outside the column's closed vocabulary.
    ValueUnclear {
        vocabulary: crate::vocab::Vocabulary,
        value: String,
    },
    /// A leader's result depends on someone in scope whose standing is unknown.
    ScopeUnknown {
        leader_id: String,
        leader_name: String,
        member_id: String,
        member_name: String,
        /// The column of the unknown value, e.g. "Tháng 2", "Kỷ luật".
        column: String,
    },
    /// A `Phụ trách` value that names no `Bộ phận` of the unit.
    ScopeUnknownPart {
        value: String,
        parts: Vec<String>,
    },
    /// A `Bắt buộc` row that marks another number of contents than the form's.
    MandatoryRowInvalid {
        form: Form,
        marked: usize,
        expected: usize,
        /// A marker cell that is neither `x` nor blank, if any.
        unclear: Option<String>,
    },
    /// Two sheets whose names are the same once case, spacing and diacritics are ignored.
    SheetDuplicate {
        sheet: &'static str,
        names: Vec<String>,
    },
    /// `Danh sách` lists nobody.
    UnitEmpty,
    /// An older file of a unit that sent a newer one.
    UnitResubmitted {
        unit: String,
        newer: String,
        sent: chrono::NaiveDate,
        newer_sent: chrono::NaiveDate,
    },
    /// Two files of one unit that `Ngày gửi` cannot order.
    UnitUnordered {
        unit: String,
        other: String,
        /// The file used; empty when it is this one.
        used: String,
    },
    /// The same person (name and date of birth) listed by two units or more.
    PersonInTwoUnits {
        name: String,
        id: String,
        birth: chrono::NaiveDate,
        /// The other listings: unit, Mã CB, file.
        others: Vec<(String, String, String)>,
    },
    /// The quarter lies outside the quarters the profile applies to.
    ProfileOutOfPeriod {
        quarter: Quarter,
        profile: String,
        from: Quarter,
        to: Quarter,
    },
    /// A score typed as text that the `Tổng điểm` formula did not add up.
    ScoreAsText {
        item: u16,
        value: String,
        written: String,
    },
    /// `Ngày bắt đầu` after `Ngày thôi`.
    JoinLeaveOrder,
    /// Two columns of one month that give different ratings.
    MonthColumnsDisagree {
        month: u32,
        other: String,
    },
    /// Two columns of one field that give different values.
    ColumnsDisagree {
        column: &'static str,
        other: String,
    },
    /// A mẫu 06 sent alone whose title lines do not give what it needs.
    Mau06TitleMissing {
        what: Mau06Field,
    },
    /// A mẫu 06 without a header row naming `Họ và tên`.
    Mau06HeaderNotFound,
    /// A mẫu 06 whose table lists nobody.
    Mau06Empty,
    /// A mẫu 06 row with a result or ratings but no `Họ và tên`.
    Mau06RowWithoutName,
    /// Mẫu 06 `Kết quả` blank (`value` empty) or outside its words.
    Mau06ResultUnclear {
        value: String,
    },
    /// Mẫu 06 `Mẫu phiếu` that names no form; blank (`value` empty) beside a declared `Đạt`.
    Mau06FormUnclear {
        value: String,
    },
    /// A declared `Không đánh giá` whose reason cannot be read (`value`: the `Ghi chú`).
    Mau06ReasonUnclear {
        value: String,
    },
    /// Mẫu 06 `Tổng điểm` that is not a number of half points.
    Mau06TotalInvalid {
        value: String,
    },
    /// A declared `Đạt` without `Tổng điểm`.
    Mau06TotalMissing,
    /// A declared `Đạt` with a month not rated.
    Mau06RatingMissing {
        month: u32,
    },
    /// A declared `Đạt` that the checks without scores contradict (SPEC §3).
    ResultMismatch {
        reasons: Vec<Reason>,
        /// The months rated below "hoàn thành tốt nhiệm vụ".
        low_months: Vec<u32>,
        total: Option<Total>,
        /// The passing range of the form.
        range: Option<(Total, Total)>,
        form: Option<Form>,
        /// A mẫu 03 leader: the others on the sheet rated không hoàn thành nhiệm vụ.
        breaches: Vec<ScopeBreach>,
    },
    /// A declared `Không đánh giá` whose note gives a time away (absence, or time outside the
    /// unit) below the threshold: the person must be evaluated.
    Mau06TimeAwayShort {
        reason: Reason,
        /// The longest reading of the note, in half working days of the quarter.
        half_days: u32,
        limit: u32,
        note: String,
    },
    /// A declared `Không đánh giá` whose note names the reason but not how long it lasted in
    /// the quarter (or in words that can be read both ways).
    Mau06TimeAwayUnknown {
        reason: Reason,
        limit: u32,
        note: String,
        /// The lengths the words allow, in half working days, when they can be read two ways
        /// (joined or left); empty when no length is written.
        readings: Vec<u32>,
    },
    /// Mẫu 06 `Tổng số CBCCVC, NLĐ` that is not the number of people its table lists.
    Mau06HeadcountMismatch {
        declared: u32,
        listed: u32,
    },
    /// A mẫu 06 that lists most of the people of a unit workbook but cannot be matched to it as
    /// one unit: it is not counted (nobody counted twice).
    Mau06SameUnit {
        /// The workbooks whose people it shares.
        workbooks: Vec<String>,
        shared: usize,
        listed: usize,
        /// The `Mã đơn vị` the mẫu 06 writes.
        code: Option<String>,
        /// The one workbook's `Mã đơn vị`, when written.
        book_code: Option<String>,
        /// Several workbooks share most of its people.
        several: bool,
    },
    /// Mẫu 06 beside the unit's workbook: a person's `Kết quả` is not the workbook's result.
    Mau06Disagrees {
        declared: Status,
        decided: Status,
        workbook: String,
    },
    /// Mẫu 06 beside the unit's workbook: a person the workbook does not list.
    Mau06NotInWorkbook {
        workbook: String,
    },
    /// Mẫu 06 beside the unit's workbook: a person of the workbook the mẫu 06 leaves out.
    Mau06PersonMissing {
        id: String,
        name: String,
        workbook: String,
    },
    /// A finding about a monthly rating list (SPEC §3 "Monthly rating lists").
    List(ListFinding),
    /// A finding about the list of expected units (`--don-vi`, SPEC §4).
    UnitsList(UnitsListFinding),
}

/// What can be wrong with the list of expected units (`--don-vi`), or what it shows.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitsListFinding {
    /// No sheet holds a header naming `Đơn vị` or `Mã đơn vị` in its first rows.
    NoTable,
    /// The header lacks a column the list needs (`Khối`, or both `Đơn vị` and `Mã đơn vị`).
    ColumnMissing { column: &'static str },
    /// A table with no unit in it.
    Empty,
    /// A unit whose `Khối` is blank (`value` empty) or names no bloc of the profile: the row is
    /// not used.
    Bloc {
        unit: String,
        value: String,
        /// The blocs' names, as the message offers them.
        choices: Vec<String>,
    },
    /// A unit listed a second time (same `Mã đơn vị`, or same name where no code is written):
    /// the row is not used.
    Duplicate {
        unit: String,
        code: Option<String>,
        /// The cell of the first listing.
        first: String,
    },
    /// An expected unit of which no workbook was read (`unit-missing`).
    Missing {
        unit: String,
        code: Option<String>,
        /// The bloc's name.
        bloc: String,
    },
}

impl UnitsListFinding {
    pub fn code(&self) -> Code {
        use UnitsListFinding::*;
        match self {
            NoTable | ColumnMissing { .. } => Code::ColumnMissing,
            Empty | Bloc { .. } => Code::InfoMissing,
            Duplicate { .. } => Code::UnitDuplicate,
            Missing { .. } => Code::UnitMissing,
        }
    }

    fn message(&self, vi: bool) -> String {
        use UnitsListFinding::*;
        match self {
            NoTable => tr(vi,
                "Không thấy bảng danh sách đơn vị: trong 20 dòng đầu của các trang không có dòng tiêu đề nào có cột 'Đơn vị' (hoặc 'Mã đơn vị') và 'Khối'. Lập danh sách theo mẫu: danhgia template danh-sach-don-vi -o danh-sach-don-vi.xlsx.",
                "No list of units found: no sheet has a header row with the columns 'Đơn vị' (or 'Mã đơn vị') and 'Khối' in its first 20 rows. Make the list from the template: danhgia template danh-sach-don-vi -o danh-sach-don-vi.xlsx."),
            ColumnMissing { column } => if vi {
                format!("Danh sách đơn vị thiếu cột '{column}' ở dòng tiêu đề, nên chưa dùng được danh sách này. Thêm cột '{column}' (mẫu: danhgia template danh-sach-don-vi).")
            } else {
                format!("The list of units has no column '{column}' in its header row, so it cannot be used. Add the column '{column}' (template: danhgia template danh-sach-don-vi).")
            },
            Empty => tr(vi,
                "Danh sách đơn vị không có đơn vị nào dưới dòng tiêu đề. Mỗi đơn vị ghi một dòng: Mã đơn vị, Đơn vị, Khối.",
                "The list of units holds no unit below its header row. One row per unit: Mã đơn vị, Đơn vị, Khối."),
            Bloc { unit, value, choices } => {
                let choices = choices.join(" | ");
                match (value.is_empty(), vi) {
                    (true, true) => format!("Đơn vị '{unit}' chưa ghi 'Khối'. Ghi một trong: {choices}. Dòng này chưa được dùng: đơn vị chưa được đối chiếu với các sổ đã gửi."),
                    (true, false) => format!("The unit '{unit}' has no 'Khối'. Write one of: {choices}. This row is not used: the unit is not checked against the workbooks sent."),
                    (false, true) => format!("'Khối' của đơn vị '{unit}' ghi '{value}', không phải khối nào. Ghi một trong: {choices}. Dòng này chưa được dùng: đơn vị chưa được đối chiếu với các sổ đã gửi."),
                    (false, false) => format!("The 'Khối' of the unit '{unit}' says '{value}', which is no bloc. Write one of: {choices}. This row is not used: the unit is not checked against the workbooks sent."),
                }
            }
            Duplicate { unit, code, first } => match (code, vi) {
                (Some(c), true) => format!("Mã đơn vị '{c}' (đơn vị '{unit}') đã có ở ô {first} của danh sách. Mỗi đơn vị ghi một dòng, mỗi mã một đơn vị; dòng này không được dùng."),
                (None, true) => format!("Đơn vị '{unit}' đã có ở ô {first} của danh sách. Mỗi đơn vị ghi một dòng; dòng này không được dùng."),
                (Some(c), false) => format!("The unit code '{c}' (unit '{unit}') is already listed at {first}. One row per unit, one unit per code; this row is not used."),
                (None, false) => format!("The unit '{unit}' is already listed at {first}. One row per unit; this row is not used."),
            },
            Missing { unit, code, bloc } => {
                let which = match (code, vi) {
                    (Some(c), true) => format!("mã {c}, khối {bloc}"),
                    (None, true) => format!("khối {bloc}"),
                    (Some(c), false) => format!("code {c}, {bloc} bloc"),
                    (None, false) => format!("{bloc} bloc"),
                };
                if vi {
                    format!("Đơn vị '{unit}' ({which}) có trong danh sách đơn vị nhưng chưa gửi sổ: không có sổ nào của đơn vị này trong các tệp đã đọc (đối chiếu theo Mã đơn vị, rồi theo tên đơn vị). Mẫu 07 ghi đơn vị này là 'Chưa gửi'. Nếu đơn vị đã gửi, kiểm tra 'Mã đơn vị' và 'Đơn vị' ở trang 'Thông tin' của sổ có khớp với danh sách không.")
                } else {
                    format!("The unit '{unit}' ({which}) is on the list of units but sent nothing: no workbook of it among the files read (matched by Mã đơn vị, then by the unit's name). Mẫu 07 shows it as 'Chưa gửi'. If the unit did send one, check that the 'Mã đơn vị' and 'Đơn vị' of its 'Thông tin' sheet match the list.")
                }
            }
        }
    }
}

/// What can be wrong with a monthly rating list.
#[derive(Debug, Clone, PartialEq)]
pub enum ListFinding {
    /// A monthly rating list (SPEC §3) that matches no unit workbook of the batch.
    UnitUnknown {
        /// The unit the list names (code or name), when it names one.
        named: Option<String>,
        /// How many unit workbooks its folder holds.
        books_in_folder: usize,
    },
    /// A monthly rating list whose month is written nowhere (title, sheet name, `Tháng` column),
    /// or a blank `Tháng` cell.
    MonthUnknown,
    /// A `Tháng` cell of a list that holds no month ("Tháng Hai", "quý I").
    MonthUnreadable { value: String },
    /// A list's month is not a month of the unit's quarter.
    MonthOutside {
        month: u32,
        year: Option<i32>,
        quarter: Quarter,
    },
    /// A list's rating disagrees with the rating written in the unit's `Danh sách`.
    RatingConflict {
        month: u32,
        list: Rating,
        book: Rating,
        book_file: String,
        book_cell: Option<String>,
    },
    /// Two lists (or two rows) give different ratings for one month of one person.
    Disagree {
        month: u32,
        this: Rating,
        other: Rating,
        other_at: String,
    },
    /// A listed person who matches nobody of the unit (a warning, SPEC §3).
    PersonUnmatched {
        name: String,
        unit: String,
        why: ListMiss,
    },
    /// A list row whose rating cannot be read (the month cell it would fill is left alone).
    RatingUnknown { month: Option<u32>, value: String },
}

/// Why a listed person matched nobody of the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListMiss {
    /// No one of this code, name and date of birth.
    NotInUnit,
    /// The code is someone else's in the workbook.
    CodeOfOther { other: String },
    /// Several people of the unit bear this name and no code or date of birth tells them apart.
    Ambiguous { count: usize },
}

/// Someone else on a mẫu 06 whose rating breaches a leader's condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeBreach {
    pub name: String,
    /// The cell of the first month rated không hoàn thành nhiệm vụ.
    pub cell: String,
    pub months: Vec<u32>,
}

/// What the title lines of a mẫu 06 must give when it is sent alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mau06Field {
    Unit,
    Quarter,
    Bloc,
}

/// How a mẫu 07 row that could be read two ways was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mau07Reading {
    /// A numbered row above rows without a number, whose numbers are not theirs: read as the
    /// heading of a group over them (`units`, rows from 1), not counted.
    GroupOrUnit {
        units: (u32, u32),
        column: &'static str,
        written: u64,
        sum: u64,
    },
    /// A label that may name a total ("Cộng …", "Tong cong …" typed without diacritics) or a
    /// unit: read as a total when its numbers are the sum of the units `units` above it, else
    /// counted as a unit (`units: None`).
    TotalOrUnit { units: Option<(u32, u32)> },
}

/// Which equation of a mẫu 07 row failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mau07Check {
    /// evaluated + not evaluated = people
    People,
    /// đạt + không đạt = evaluated
    Evaluated,
}

/// Where in a mẫu 07 a finding stands, for its words: "Dòng 12 của Mẫu 07 khối Trường học".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mau07At {
    /// The row as Excel numbers it (from 1).
    pub row: u32,
    /// The bloc's name, empty when the title names none.
    pub bloc: String,
}

/// What a mẫu 07's title lines should name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mau07Title {
    Quarter,
    Bloc,
}

impl Mau07At {
    fn words(&self, vi: bool) -> String {
        match (vi, self.bloc.is_empty()) {
            (true, false) => format!("Dòng {} của Mẫu 07 khối {}", self.row, self.bloc),
            (true, true) => format!("Dòng {} của Mẫu 07", self.row),
            (false, false) => format!("Row {} of the mẫu 07 of the {} bloc", self.row, self.bloc),
            (false, true) => format!("Row {} of the mẫu 07", self.row),
        }
    }
}

impl Detail {
    pub fn code(&self) -> Code {
        use Detail::*;
        match self {
            Unreadable(_) => Code::FileUnreadable,
            SheetMissing { .. } | NoScoreSheet => Code::SheetMissing,
            HeaderNotFound | ColumnMissing { .. } => Code::ColumnMissing,
            InfoMissing { .. }
            | InfoInvalid { .. }
            | YearNotInCalendar { .. }
            | CountInvalid { .. }
            | Mau07NoName { .. }
            | Mau07NoNumbers { .. }
            | Mau07NoUnits
            | Mau07TitleMissing { .. } => Code::InfoMissing,
            Mau07Sum { .. }
            | Mau07Derived { .. }
            | Mau07TotalRow { .. }
            | Mau07ListLonger { .. } => Code::TotalMismatch,
            Mau07HeaderNotFound | Mau07ColumnMissing { .. } => Code::ColumnMissing,
            Mau07UnitTwice { .. } => Code::UnitDuplicate,
            Mau07RowUnclear { .. } => Code::ValueUnclear,
            Mau07UnitAfterTotal { .. } => Code::TotalMismatch,
            ListMissing { .. } => Code::ListMissing,
            QuarterMismatch { .. } => Code::QuarterMismatch,
            MonthMismatch { .. } => Code::MonthMismatch,
            ScoreNotNumber { .. } => Code::ScoreNotNumber,
            ScoreOutOfRange { .. } => Code::ScoreOutOfRange,
            ScoreStep { .. } => Code::ScoreStep,
            ScoreMissing { .. } => Code::ScoreMissing,
            TotalMismatch { .. } => Code::TotalMismatch,
            RatingUnknown { .. } => Code::RatingUnknown,
            RatingMissing { .. } => Code::RatingMissing,
            PersonDuplicate { .. } | PersonOnTwoForms { .. } => Code::PersonDuplicate,
            PersonNotListed | PersonNotScored | PersonWithoutId { .. } => Code::PersonUnmatched,
            WrongFormLeader { .. } | WrongFormStaff => Code::WrongForm,
            FormulaNoValue { .. } => Code::FormulaNoValue,
            DateInvalid { .. } | DateOrder | DateHalf { .. } | DaysInvalid { .. } => {
                Code::DateInvalid
            }
            UnitDuplicate { .. } => Code::UnitDuplicate,
            FormSize { .. } => Code::FormSize,
            LegacyEncoding { .. } => Code::LegacyEncoding,
            AbsenceMismatch { .. } => Code::AbsenceMismatch,
            HeadcountMismatch { .. } => Code::HeadcountMismatch,
            Late { .. } => Code::Late,
            RewardUnknownPerson { .. } => Code::RewardUnknownPerson,
            RewardNotDat { .. } => Code::RewardNotDat,
            RewardOverCap { .. } => Code::RewardOverCap,
            ValueUnclear { .. } => Code::ValueUnclear,
            ScopeUnknown { .. } => Code::ScopeUnknown,
            ScopeUnknownPart { .. } => Code::ScopeUnknownPart,
            MandatoryRowInvalid { .. } => Code::MandatoryRowInvalid,
            SheetDuplicate { .. } => Code::SheetDuplicate,
            UnitEmpty => Code::UnitEmpty,
            UnitResubmitted { .. } => Code::UnitResubmitted,
            UnitUnordered { .. } => Code::UnitDuplicate,
            PersonInTwoUnits { .. } => Code::PersonDuplicate,
            ProfileOutOfPeriod { .. } => Code::ProfileOutOfPeriod,
            ScoreAsText { .. } => Code::TotalMismatch,
            JoinLeaveOrder => Code::DateInvalid,
            MonthColumnsDisagree { .. } => Code::RatingConflict,
            ColumnsDisagree { .. } => Code::ValueUnclear,
            Mau06TitleMissing { .. } => Code::InfoMissing,
            Mau06HeaderNotFound => Code::ColumnMissing,
            Mau06Empty => Code::UnitEmpty,
            Mau06RowWithoutName => Code::PersonUnmatched,
            Mau06ResultUnclear { .. } | Mau06FormUnclear { .. } | Mau06ReasonUnclear { .. } => {
                Code::ValueUnclear
            }
            Mau06TotalInvalid { .. } => Code::ScoreNotNumber,
            Mau06TotalMissing => Code::ScoreMissing,
            Mau06RatingMissing { .. } => Code::RatingMissing,
            Mau06TimeAwayUnknown { .. } => Code::ValueUnclear,
            Mau06HeadcountMismatch { .. } => Code::HeadcountMismatch,
            Mau06SameUnit { .. } => Code::UnitDuplicate,
            ResultMismatch { .. }
            | Mau06TimeAwayShort { .. }
            | Mau06Disagrees { .. }
            | Mau06NotInWorkbook { .. }
            | Mau06PersonMissing { .. } => Code::ResultMismatch,
            List(l) => l.code(),
            UnitsList(u) => u.code(),
        }
    }

    /// The severity: the code's, except a listed person matching nobody (SPEC §3 makes that
    /// `person-unmatched` a warning: the list is extra evidence, the workbook still decides).
    pub fn severity(&self) -> Severity {
        match self {
            Detail::List(ListFinding::PersonUnmatched { .. }) => Severity::Warning,
            _ => self.code().severity(),
        }
    }

    /// What is wrong and what would be right, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        use Detail::*;
        let vi = lang == Lang::Vi;
        // Numbers as the reader writes them: "8,3" in Vietnamese, "8.3" in English.
        let num = |v: &str| {
            let numeric = !v.is_empty()
                && v.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == '-');
            match (numeric, vi) {
                (true, true) => v.replace('.', ","),
                (true, false) => v.replace(',', "."),
                (false, _) => v.to_string(),
            }
        };
        let d = |date: &chrono::NaiveDate| date.format("%d/%m/%Y").to_string();
        match self {
            Unreadable(u) => match u {
                self::Unreadable::Io(e) => if vi {
                    format!("Không mở được tệp ({e}). Kiểm tra lại đường dẫn và quyền đọc tệp.")
                } else {
                    format!("The file cannot be opened ({e}). Check the path and read permission.")
                },
                self::Unreadable::Empty => tr(vi,
                    "Tệp rỗng (0 byte). Đơn vị cần gửi lại tệp Excel đã lưu đầy đủ.",
                    "The file is empty (0 bytes). Ask the unit to send the saved workbook again."),
                self::Unreadable::TooLarge { bytes } => if vi {
                    format!("Tệp quá lớn ({} MB) để là sổ đánh giá của một đơn vị. Kiểm tra lại tệp đã gửi.", bytes / 1_000_000)
                } else {
                    format!("The file is too large ({} MB) to be one unit's workbook. Check what was sent.", bytes / 1_000_000)
                },
                self::Unreadable::NotSpreadsheet { ext } => if vi {
                    format!("Không phải tệp Excel/LibreOffice (đuôi '{ext}'). Chỉ đọc được .xlsx, .xlsm, .xls, .ods: mở tệp trong Excel và lưu lại dạng .xlsx.")
                } else {
                    format!("Not an Excel/LibreOffice workbook (extension '{ext}'). Only .xlsx, .xlsm, .xls, .ods are read: open it in Excel and save it as .xlsx.")
                },
                self::Unreadable::Encrypted => tr(vi,
                    "Tệp được đặt mật khẩu (mã hóa) nên không đọc được. Đơn vị cần bỏ mật khẩu rồi gửi lại.",
                    "The workbook is password-protected (encrypted) and cannot be read. Ask the unit to remove the password and send it again."),
                self::Unreadable::Oversized(o) => oversize_message(o, vi),
                self::Unreadable::Damaged(e) => if vi {
                    format!("Tệp bị hỏng hoặc không đúng định dạng, không đọc được ({e}). Mở tệp trong Excel, lưu lại dạng .xlsx rồi gửi lại.")
                } else {
                    format!("The file is damaged or not in the format its name says ({e}). Open it in Excel, save it as .xlsx and send it again.")
                },
            },
            SheetMissing { sheet } => if vi {
                format!("Thiếu trang tính '{sheet}'. Sổ đánh giá phải có trang '{sheet}' (tên không phân biệt hoa thường, dấu).")
            } else {
                format!("The sheet '{sheet}' is missing. The workbook must have a sheet named '{sheet}' (case and diacritics do not matter).")
            },
            NoScoreSheet => tr(vi,
                "Không có trang phiếu điểm nào ('Mẫu 03', 'Mẫu 04' hoặc 'Mẫu 05'). Cần ít nhất một trang phiếu điểm.",
                "There is no score sheet ('Mẫu 03', 'Mẫu 04' or 'Mẫu 05'). At least one is needed."),
            HeaderNotFound => tr(vi,
                "Không tìm thấy dòng tiêu đề cột trong 20 dòng đầu (cần các cột 'Mã CB' và 'Họ và tên').",
                "No header row found in the first 20 rows (the columns 'Mã CB' and 'Họ và tên' are needed)."),
            ColumnMissing { column } => if vi {
                format!("Thiếu cột '{column}' ở dòng tiêu đề. Thêm cột này với đúng tên.")
            } else {
                format!("The column '{column}' is missing from the header row. Add it with this name.")
            },
            InfoMissing { label } => if vi {
                format!("Thiếu '{label}' ở trang 'Thông tin' (nhãn ở cột A, giá trị ở cột B). Điền giá trị này.")
            } else {
                format!("'{label}' is missing in the 'Thông tin' sheet (label in column A, value in column B). Fill it in.")
            },
            InfoInvalid { label, value, expected } => if vi {
                format!("Giá trị '{value}' của '{label}' không hợp lệ. Cần: {}.", expected.text(lang))
            } else {
                format!("'{value}' is not a valid '{label}'. Expected: {}.", expected.text(lang))
            },
            DaysInvalid { value } => if vi {
                format!("'Số ngày nghỉ' là '{value}', không phải số ngày làm việc. Ghi số ngày từ 0, bước nửa ngày (ví dụ 3 hoặc 2,5), hoặc để trống và ghi 'Nghỉ từ ngày', 'Nghỉ đến ngày'.")
            } else {
                format!("'Số ngày nghỉ' is '{value}', not a number of working days. Write a number of days from 0 in steps of half a day (e.g. 3 or 2.5), or leave it blank and give the leave dates.")
            },
            QuarterMismatch { found, expected, asked } => if vi {
                let why = if *asked { "quý được yêu cầu (-q)" } else { "quý của các tệp khác trong đợt" };
                format!("Tệp ghi quý {}/{} nhưng {why} là quý {}/{}. Tệp này không được tính; kiểm tra lại ô 'Quý' hoặc gửi đúng tệp của quý {}/{}.",
                    found.roman(), found.year, expected.roman(), expected.year, expected.roman(), expected.year)
            } else {
                let why = if *asked { "the quarter asked for (-q)" } else { "the quarter of the other files" };
                format!("The file is for quarter {found} but {why} is {expected}. It is left out; check the 'Quý' cell or send the file for {expected}.")
            },
            MonthMismatch { month, quarter } => {
                let [a, b, c] = quarter.months();
                if vi {
                    format!("Cột 'Tháng {month}' không thuộc quý {}/{}. Các cột tháng phải là Tháng {a}, Tháng {b}, Tháng {c}.", quarter.roman(), quarter.year)
                } else {
                    format!("The column 'Tháng {month}' is not a month of {quarter}. The month columns must be Tháng {a}, Tháng {b}, Tháng {c}.")
                }
            }
            ScoreNotNumber { item, value, scale } => {
                let (lo, hi, below) = scale_words(*scale, vi);
                if vi {
                    format!("Điểm nội dung {item} là '{value}', không phải số. Ghi điểm từ {lo} đến {hi}, bước 0,5 (ví dụ {below}).")
                } else {
                    format!("The score of item {item} is '{value}', not a number. Write a score from {lo} to {hi} in steps of 0.5 (e.g. {below}).")
                }
            }
            ScoreOutOfRange { item, value, scale } => {
                let (lo, hi, _) = scale_words(*scale, vi);
                if vi {
                    format!("Điểm nội dung {item} là {}, ngoài thang điểm. Điểm phải từ {lo} đến {hi}.", num(value))
                } else {
                    format!("The score of item {item} is {}, outside the scale. Scores run from {lo} to {hi}.", num(value))
                }
            }
            ScoreStep { item, value, scale } => {
                let steps: Vec<String> = (0..4)
                    .map(|k| scale.max.0.saturating_sub(k))
                    .filter(|hp| *hp >= scale.min.0)
                    .map(|hp| half_points_words(hp, vi))
                    .collect();
                if vi {
                    format!("Điểm nội dung {item} là {}, không đúng bước 0,5. Chỉ dùng {}; …", num(value), steps.join("; "))
                } else {
                    format!("The score of item {item} is {}, not a step of 0.5. Use {}, …", num(value), steps.join(", "))
                }
            }
            ScoreMissing { item, scale } => {
                let (lo, hi, _) = scale_words(*scale, vi);
                if vi {
                    format!("Chưa có điểm nội dung {item}. Mỗi nội dung phải được chấm điểm ({lo}–{hi}).")
                } else {
                    format!("Item {item} has no score. Every item must be scored ({lo}–{hi}).")
                }
            }
            TotalMismatch { written, sum } => if vi {
                format!("Tổng điểm ghi {} nhưng cộng các nội dung được {sum}. Sửa lại tổng (hoặc điểm các nội dung).", num(written))
            } else {
                format!("The total says {} but the items add up to {}. Correct the total (or the item scores).", num(written), sum.to_string().replace(',', "."))
            },
            RatingUnknown { month, value } => if vi {
                format!("Xếp loại tháng {month} '{value}' không hợp lệ. Dùng: HTXSNV, HTTNV, HTNV, KHTNV hoặc 'Không HTNV' (hoặc ghi đầy đủ, hoặc A/B/C/D).")
            } else {
                format!("The rating of month {month}, '{value}', is not recognised. Use HTXSNV, HTTNV, HTNV, KHTNV or 'Không HTNV' (or the full words, or A/B/C/D).")
            },
            RatingMissing { month } => if vi {
                format!("Chưa có xếp loại tháng {month}. Người được đánh giá phải có xếp loại của mỗi tháng làm việc tại đơn vị (chỉ tháng nằm hẳn ngoài thời gian công tác, theo 'Ngày bắt đầu'/'Ngày thôi', mới được để trống).")
            } else {
                format!("Month {month} has no rating. Everyone evaluated needs a rating for each month worked in the unit (only a month wholly outside their time, by 'Ngày bắt đầu'/'Ngày thôi', may be blank).")
            },
            PersonDuplicate { first } => if vi {
                format!("Mã CB này đã có ở ô {first}. Mỗi người chỉ được ghi một lần, mỗi Mã CB là duy nhất trong đơn vị.")
            } else {
                format!("This Mã CB already appears at {first}. Each person appears once; each Mã CB is unique in the unit.")
            },
            PersonOnTwoForms { first_sheet } => if vi {
                format!("Người này đã được chấm ở trang '{first_sheet}'. Mỗi người chỉ chấm trên một mẫu phiếu.")
            } else {
                format!("This person is already scored on '{first_sheet}'. Each person is scored on one form only.")
            },
            PersonNotListed => tr(vi,
                "Người này có phiếu điểm nhưng không có trong trang 'Danh sách'. Thêm vào danh sách hoặc sửa lại Mã CB.",
                "This person is scored but not in the 'Danh sách' sheet. Add them to the list or correct the Mã CB."),
            PersonNotScored => tr(vi,
                "Người này có trong 'Danh sách' và thuộc diện được đánh giá (không nghỉ từ 15 ngày làm việc trở lên, công tác đủ thời gian trong quý, thuộc đối tượng), nhưng không có phiếu điểm. Bổ sung phiếu điểm (Mẫu 03/04/05), hoặc ghi số ngày nghỉ, 'Ngày bắt đầu'/'Ngày thôi', 'Đối tượng' nếu người này không được đánh giá.",
                "This person is in 'Danh sách' and is to be evaluated (not absent 15 working days or more, in the unit long enough, within scope), yet has no score sheet row. Add their scores (Mẫu 03/04/05), or record the absence, 'Ngày bắt đầu'/'Ngày thôi' or 'Đối tượng' if they are not evaluated."),
            PersonWithoutId { name } => match (name.is_empty(), vi) {
                (false, true) => format!("Dòng của '{name}' thiếu Mã CB nên không ghép được giữa 'Danh sách' và phiếu điểm, và người này chưa được xét. Điền Mã CB."),
                (false, false) => format!("The row of '{name}' has no Mã CB, so 'Danh sách' and the score sheets cannot be matched for them and the person is not decided. Fill in the Mã CB."),
                (true, true) => "Dòng này có dữ liệu nhưng thiếu Mã CB và Họ và tên nên không biết là ai. Điền Mã CB và Họ và tên, hoặc xóa dòng.".to_string(),
                (true, false) => "This row holds data but no Mã CB nor Họ và tên, so it is nobody known. Fill in the Mã CB and name, or delete the row.".to_string(),
            },
            WrongFormLeader { form } => if vi {
                format!("Người thuộc diện BTV quản lý phải chấm theo Mẫu 03, không phải '{}'. Chuyển sang trang 'Mẫu 03' hoặc bỏ dấu x ở cột 'Diện BTV quản lý'.", form.sheet_name())
            } else {
                format!("Cadres managed by the Standing Committee (diện BTV) are scored on Mẫu 03, not '{}'. Move them to 'Mẫu 03' or clear the x in 'Diện BTV quản lý'.", form.sheet_name())
            },
            WrongFormStaff => tr(vi,
                "Người không thuộc diện BTV quản lý không chấm theo Mẫu 03. Chuyển sang Mẫu 04/05 hoặc đánh dấu x ở cột 'Diện BTV quản lý'.",
                "Staff not managed by the Standing Committee are not scored on Mẫu 03. Move them to Mẫu 04/05 or mark 'Diện BTV quản lý' with x."),
            FormulaNoValue { formula } => if vi {
                format!("Ô có công thức '{formula}' nhưng không có giá trị đã tính (tệp được tạo bởi phần mềm không tính công thức). Mở tệp trong Excel, lưu lại rồi gửi.")
            } else {
                format!("The cell holds the formula '{formula}' but no computed value (the program that wrote the file did not calculate it). Open it in Excel, save, and send again.")
            },
            DateInvalid { column, value } => if vi {
                format!("'{value}' ở cột '{column}' không phải ngày hợp lệ. Ghi ngày dạng dd/mm/yyyy (ví dụ 05/03/2024).")
            } else {
                format!("'{value}' in '{column}' is not a valid date. Write dates as dd/mm/yyyy (e.g. 05/03/2024).")
            },
            DateOrder => tr(vi,
                "'Nghỉ từ ngày' sau 'Nghỉ đến ngày'. Kiểm tra lại hai ngày nghỉ.",
                "'Nghỉ từ ngày' is after 'Nghỉ đến ngày'. Check the two dates."),
            DateHalf { column } => if vi {
                format!("Thiếu '{column}': khoảng nghỉ cần cả 'Nghỉ từ ngày' và 'Nghỉ đến ngày' (hoặc ghi 'Số ngày nghỉ').")
            } else {
                format!("'{column}' is missing: a leave period needs both 'Nghỉ từ ngày' and 'Nghỉ đến ngày' (or give 'Số ngày nghỉ').")
            },
            UnitDuplicate { code, other } => if vi {
                format!("Đơn vị mã '{code}' đã có trong tệp {other}. Mỗi đơn vị chỉ gửi một sổ mỗi quý; tệp này không được tính.")
            } else {
                format!("The unit '{code}' already came in {other}. One workbook per unit and quarter; this one is left out.")
            },
            FormSize { form, headcount, expected } => if vi {
                format!("Đơn vị có {headcount} CBCCVC, NLĐ nên dùng '{}' (Mẫu 04 cho đơn vị dưới 20 người, Mẫu 05 từ 20 người), không phải '{}'.", expected.sheet_name(), form.sheet_name())
            } else {
                format!("A unit of {headcount} people uses '{}' (Mẫu 04 below 20 people, Mẫu 05 from 20), not '{}'.", expected.sheet_name(), form.sheet_name())
            },
            LegacyEncoding { encoding, before, after } => if vi {
                format!("Chữ được gõ bằng bảng mã cũ {encoding} (ví dụ '{before}'); đã tự chuyển sang Unicode ('{after}'). Nên chuyển tệp sang Unicode (font Times New Roman) trước khi gửi.")
            } else {
                format!("Text typed in the legacy {encoding} encoding (e.g. '{before}') was converted to Unicode ('{after}'). Please convert the file to Unicode (Times New Roman) before sending.")
            },
            AbsenceMismatch { declared, counted } => if vi {
                format!("'Số ngày nghỉ' ghi {} nhưng từ 'Nghỉ từ ngày' đến 'Nghỉ đến ngày' có {counted} ngày làm việc trong quý. Đã dùng số ghi ở 'Số ngày nghỉ'; kiểm tra lại.", num(declared))
            } else {
                format!("'Số ngày nghỉ' says {} but the leave dates hold {counted} working days in the quarter. The declared number was used; please check.", num(declared))
            },
            HeadcountMismatch { declared, listed } => if vi {
                format!("'Tổng số CBCCVC, NLĐ' ghi {declared} nhưng trang 'Danh sách' có {listed} người. Sửa lại cho khớp.")
            } else {
                format!("'Tổng số CBCCVC, NLĐ' says {declared} but 'Danh sách' lists {listed} people. Make them agree.")
            },
            Late { sent, deadline } => if vi {
                format!("Ngày gửi {} muộn hơn hạn gửi Mẫu 06 {} (xem danhgia calendar). Kết quả của đơn vị vẫn được tính.", d(sent), d(deadline))
            } else {
                format!("Sent on {}, after the deadline for mẫu 06, {} (see danhgia calendar). The unit's results are still counted.", d(sent), d(deadline))
            },
            CountInvalid { .. }
            | Mau07Sum { .. }
            | Mau07Derived { .. }
            | Mau07TotalRow { .. }
            | Mau07NoName { .. }
            | Mau07NoNumbers { .. }
            | Mau07TitleMissing { .. }
            | Mau07HeaderNotFound
            | Mau07NoUnits
            | Mau07ColumnMissing { .. }
            | Mau07UnitTwice { .. }
            | Mau07RowUnclear { .. }
            | Mau07UnitAfterTotal { .. }
            | ListMissing { .. }
            | Mau07ListLonger { .. } => mau07_message(self, vi),
            RewardUnknownPerson { id, name } => match (id.is_empty(), vi) {
                (false, true) => format!("Mã CB '{id}' được đề nghị khen thưởng nhưng không có trong trang 'Danh sách' của đơn vị. Sửa lại Mã CB cho đúng như ở 'Danh sách'."),
                (false, false) => format!("The Mã CB '{id}' is proposed for a reward but is not in the unit's 'Danh sách'. Correct it to the Mã CB used in 'Danh sách'."),
                (true, true) => format!("Dòng đề nghị khen thưởng '{name}' thiếu Mã CB nên không xác định được người được đề nghị. Điền Mã CB như ở trang 'Danh sách'."),
                (true, false) => format!("The proposal '{name}' has no Mã CB, so the person cannot be identified. Fill in the Mã CB used in 'Danh sách'."),
            },
            RewardNotDat { status } => {
                use crate::model::Status;
                match (status, vi) {
                    (Status::KhongDanhGia, true) => "Người này không được đánh giá trong quý (nghỉ dài ngày, không công tác đủ thời gian hoặc không thuộc đối tượng đánh giá) nên không được khen thưởng. Chỉ người đạt chuyên nghiệp mới được đề nghị; bỏ người này khỏi danh sách đề nghị.".to_string(),
                    (Status::KhongDanhGia, false) => "This person is not evaluated this quarter (long absence, not in the unit long enough, or outside the people evaluated), so cannot be rewarded. Only people rated 'đạt' may be proposed; remove them from the proposals.".to_string(),
                    (Status::Loi, true) => "Kết quả của người này chưa xác định được vì sổ đánh giá có lỗi ở người này; sửa các lỗi đó trước. Chỉ người đạt chuyên nghiệp mới được khen thưởng.".to_string(),
                    (Status::Loi, false) => "This person's result is unknown because of input errors about them; fix those first. Only people rated 'đạt' may be rewarded.".to_string(),
                    (_, true) => "Người này không đạt chuyên nghiệp trong quý nên không được khen thưởng. Chỉ người đạt mới được đề nghị; bỏ người này khỏi danh sách đề nghị.".to_string(),
                    (_, false) => "This person is not rated 'đạt' this quarter, so cannot be rewarded. Only people rated 'đạt' may be proposed; remove them from the proposals.".to_string(),
                }
            }
            RewardOverCap { basis, priority } => {
                let rank = match (priority, vi) {
                    (Some(p), true) => format!(" (thứ tự ưu tiên {p})"),
                    (Some(p), false) => format!(" (priority {p})"),
                    (None, _) => String::new(),
                };
                match (basis.cap, vi) {
                    (0, true) => format!("Đơn vị không có suất khen thưởng nào trong quý nên người được đề nghị{rank} không được khen thưởng. {}", basis.explain(lang)),
                    (0, false) => format!("The unit has no reward place this quarter, so this proposal{rank} cannot be granted. {}", basis.explain(lang)),
                    (cap, true) => format!("Vượt số được khen thưởng. {} Các suất đã dành cho người có thứ tự ưu tiên cao hơn; người được đề nghị{rank} không được khen thưởng quý này. Muốn khen người này thì xếp người đó lên trước ở cột 'Thứ tự ưu tiên' (tối đa {cap} người).", basis.explain(lang)),
                    (cap, false) => format!("Over the cap. {} The places went to proposals of higher priority; this proposal{rank} is not granted. To reward this person instead, give them a higher 'Thứ tự ưu tiên' (at most {cap} people).", basis.explain(lang)),
                }
            }
            ValueUnclear { vocabulary: crate::vocab::Vocabulary::Review, value } => if vi {
                format!("Không hiểu giá trị '{value}' ở cột 'Kiểm điểm'. Kết quả của chính người này không phụ thuộc vào cột này, nhưng lãnh đạo phụ trách người này (Mẫu 03) chưa được xét. Ghi một trong các giá trị: {}.", crate::vocab::Vocabulary::Review.choices(lang))
            } else {
                format!("The value '{value}' in the column 'Kiểm điểm' is not understood. This person's own result does not depend on it, but the leader in charge of them (Mẫu 03) cannot be decided. Write one of: {}.", crate::vocab::Vocabulary::Review.choices(lang))
            },
            ValueUnclear { vocabulary, value } => if vi {
                format!("Không hiểu giá trị '{value}' ở cột '{}', nên chưa xác định được kết quả của người này (không tự coi là \"không\"). Ghi một trong các giá trị: {}.", vocabulary.column(), vocabulary.choices(lang))
            } else {
                format!("The value '{value}' in the column '{}' is not understood, so this person's result cannot be decided (it is not taken as \"no\"). Write one of: {}.", vocabulary.column(), vocabulary.choices(lang))
            },
            ScopeUnknown { leader_id, leader_name, member_id, member_name, column } if member_id.is_empty() => if vi {
                format!("Chưa xác định được kết quả của {leader_name} ({leader_id}, Mẫu 03): trong phạm vi phụ trách có một dòng không xác định được là ai ({member_name}: '{column}' trống, trùng hoặc không đọc được). Sửa dòng này thì kết quả của lãnh đạo mới được xét.")
            } else {
                format!("The result of {leader_name} ({leader_id}, Mẫu 03) cannot be decided: the scope holds a row that is nobody known ({member_name}: '{column}' blank, repeated or unreadable). Fix this row so the leader can be decided.")
            },
            ScopeUnknown { leader_id, leader_name, member_id, member_name, column } => if vi {
                format!("Chưa xác định được kết quả của {leader_name} ({leader_id}, Mẫu 03): điều kiện đơn vị (bộ phận phụ trách) phụ thuộc vào {member_name} ({member_id}), mà ô '{column}' của người này trống hoặc không đọc được. Sửa ô này thì kết quả của lãnh đạo mới được xét.")
            } else {
                format!("The result of {leader_name} ({leader_id}, Mẫu 03) cannot be decided: the unit condition depends on {member_name} ({member_id}), whose '{column}' cell is blank or unreadable. Fix this cell so the leader can be decided.")
            },
            ScopeUnknownPart { value, parts } => {
                let list = if parts.is_empty() {
                    tr(vi, "(cột 'Bộ phận' đang trống)", "(the 'Bộ phận' column is empty)")
                } else {
                    parts.iter().map(|p| format!("'{p}'")).collect::<Vec<_>>().join(", ")
                };
                if vi {
                    format!("'Phụ trách' ghi '{value}' nhưng đơn vị không có bộ phận nào tên như vậy ở cột 'Bộ phận'. Ghi đúng tên bộ phận (các bộ phận hiện có: {list}), cách nhau bởi dấu ';', hoặc để trống nếu phụ trách cả đơn vị.")
                } else {
                    format!("'Phụ trách' says '{value}' but no 'Bộ phận' of the unit has that name. Write the parts' names as in 'Bộ phận' (now: {list}), separated by ';', or leave it blank for the whole unit.")
                }
            }
            MandatoryRowInvalid { form, marked, expected, unclear } => {
                let odd = match (unclear, vi) {
                    (Some(v), true) => format!(" Ô đánh dấu '{v}' không hiểu được: ghi 'x' (hoặc ✓, 1, 'Có') hoặc để trống."),
                    (Some(v), false) => format!(" The marker '{v}' is not understood: write 'x' (or ✓, 1, 'Có') or leave it blank."),
                    (None, _) => String::new(),
                };
                if vi {
                    format!("Dòng 'Bắt buộc' của '{}' đánh dấu {marked} nội dung, nhưng mẫu phiếu có đúng {expected} nội dung bắt buộc.{odd} Không ai trên trang này được xét cho đến khi sửa dòng này (hoặc xóa dòng để dùng danh mục chuẩn).", form.sheet_name())
                } else {
                    format!("The 'Bắt buộc' row of '{}' marks {marked} items, but the form has exactly {expected} mandatory items.{odd} Nobody on this sheet is decided until the row is fixed (or deleted to use the standard catalogue).", form.sheet_name())
                }
            }
            SheetDuplicate { sheet, names } => {
                let list = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
                if vi {
                    format!("Sổ có nhiều trang cùng là '{sheet}' ({list}, có thể có trang ẩn). Không chọn trang nào; xóa trang cũ, chỉ giữ một trang '{sheet}'.")
                } else {
                    format!("The workbook has several sheets that are '{sheet}' ({list}, maybe hidden ones). None is chosen; delete the stale one and keep a single '{sheet}'.")
                }
            }
            UnitEmpty => tr(vi,
                "Trang 'Danh sách' không có người nào. Điền danh sách CBCCVC, NLĐ của đơn vị (mỗi người một dòng, có Mã CB và Họ và tên).",
                "The 'Danh sách' sheet lists nobody. Fill in the unit's staff (one row per person, with Mã CB and Họ và tên)."),
            UnitResubmitted { unit, newer, sent, newer_sent } => if vi {
                format!("Đơn vị '{unit}' đã gửi lại: thay bằng tệp {newer} (ngày gửi {}, sau ngày gửi {} của tệp này). Tệp này không được tính.", d(newer_sent), d(sent))
            } else {
                format!("The unit '{unit}' sent again: replaced by {newer} (sent {}, after this file's {}). This file is left out.", d(newer_sent), d(sent))
            },
            UnitUnordered { unit, other, used } => {
                let this_used = used.is_empty();
                match (vi, this_used) {
                    (true, true) => format!("Đơn vị '{unit}' có nhiều tệp: tệp này và {other}, mà 'Ngày gửi' không cho biết tệp nào gửi sau (thiếu hoặc trùng ngày). Đang dùng tệp này; ghi đúng 'Ngày gửi' hoặc chỉ gửi một tệp."),
                    (true, false) => format!("Đơn vị '{unit}' có nhiều tệp: tệp này và {other}, mà 'Ngày gửi' không cho biết tệp nào gửi sau (thiếu hoặc trùng ngày). Đang dùng tệp {used}, không dùng tệp này; ghi đúng 'Ngày gửi' hoặc chỉ gửi một tệp."),
                    (false, true) => format!("The unit '{unit}' has several files, this one and {other}, and 'Ngày gửi' does not tell which came later (missing or equal). This file is used; write the right 'Ngày gửi' or send a single file."),
                    (false, false) => format!("The unit '{unit}' has several files, this one and {other}, and 'Ngày gửi' does not tell which came later (missing or equal). {used} is used, not this one; write the right 'Ngày gửi' or send a single file."),
                }
            }
            PersonInTwoUnits { name, id, birth, others } => {
                let list = |unit_word: &str, file_word: &str| {
                    others
                        .iter()
                        .map(|(u, i, f)| format!("'{u}' (Mã CB {i}, {file_word} {f})"))
                        .collect::<Vec<_>>()
                        .join(&format!(", {unit_word} "))
                };
                if vi {
                    format!("{name} ({id}, sinh ngày {}) cũng có trong danh sách của đơn vị {}. Một người chỉ được đánh giá ở một đơn vị: người này chưa được xét và không được khen thưởng ở đơn vị nào cho đến khi chỉ còn một đơn vị ghi tên.", d(birth), list("đơn vị", "tệp"))
                } else {
                    format!("{name} ({id}, born {}) is also listed by the unit {}. A person is evaluated in one unit only: they are neither decided nor rewarded in any of them until a single unit lists them.", d(birth), list("the unit", "file"))
                }
            }
            ProfileOutOfPeriod { quarter, profile, from, to } => if vi {
                format!("Quý {}/{} nằm ngoài thời gian áp dụng của hồ sơ cấu hình '{profile}' (quý {}/{} đến quý {}/{}). Vẫn đánh giá theo hồ sơ này; kiểm tra lại văn bản hướng dẫn còn hiệu lực, hoặc dùng --profile với hồ sơ của giai đoạn mới.", quarter.roman(), quarter.year, from.roman(), from.year, to.roman(), to.year)
            } else {
                format!("{quarter} is outside the period of the profile '{profile}' ({from} to {to}). The rules still run; check that the guidance still applies, or pass --profile with the new period's profile.")
            },
            ScoreAsText { item, value, written } => if vi {
                format!("Điểm nội dung {item} ('{value}') được gõ dạng chữ nên công thức 'Tổng điểm' không cộng ô này (tổng đang ghi {}). Gõ lại ô này dạng số (ví dụ 9,5), không sửa ô tổng.", num(written))
            } else {
                format!("The score of item {item} ('{value}') is typed as text, so the 'Tổng điểm' formula does not add it (the total says {}). Retype this cell as a number (e.g. 9.5); do not edit the total.", num(written))
            },
            MonthColumnsDisagree { month, other } => if vi {
                format!("Sổ có hai cột của tháng {month}, và ô {other} ghi xếp loại khác ô này. Chỉ giữ một cột 'Tháng {month}' (xóa cột thừa) hoặc ghi cùng một xếp loại.")
            } else {
                format!("The workbook has two columns for month {month}, and cell {other} gives another rating than this one. Keep a single 'Tháng {month}' column (delete the extra one) or write the same rating.")
            },
            ColumnsDisagree { column, other } => if vi {
                format!("Sổ có hai cột '{column}', và ô {other} ghi khác ô này. Chỉ giữ một cột '{column}' hoặc ghi cùng một giá trị.")
            } else {
                format!("The workbook has two '{column}' columns, and cell {other} says otherwise than this one. Keep a single '{column}' column or write the same value.")
            },
            Mau06TitleMissing { what } => mau06_title_message(*what, vi),
            Mau06HeaderNotFound => tr(vi,
                "Không tìm thấy dòng tên cột của bảng Mẫu 06 trong 20 dòng đầu. Bảng cần các cột 'Họ và tên', 'Mẫu phiếu', 'Tổng điểm', ba cột tháng của quý và 'Kết quả' (thêm 'STT', 'Chức vụ', 'Ghi chú' nếu có).",
                "No header row of the mẫu 06 table in the first 20 rows. The table needs the columns 'Họ và tên', 'Mẫu phiếu', 'Tổng điểm', the quarter's three months and 'Kết quả' (and 'STT', 'Chức vụ', 'Ghi chú' where used)."),
            Mau06Empty => tr(vi,
                "Bảng Mẫu 06 không có người nào. Ghi mỗi CBCCVC, NLĐ của đơn vị một dòng (Họ và tên, Mẫu phiếu, Tổng điểm, xếp loại ba tháng, Kết quả).",
                "The mẫu 06 table lists nobody. Write one row per member of staff (Họ và tên, Mẫu phiếu, Tổng điểm, the three monthly ratings, Kết quả)."),
            Mau06RowWithoutName => tr(vi,
                "Dòng này có kết quả hoặc xếp loại nhưng thiếu 'Họ và tên', nên không tính là một người. Ghi họ tên người đó, hoặc xóa dòng.",
                "This row has a result or ratings but no 'Họ và tên', so it is nobody. Write the person's name, or delete the row."),
            Mau06ResultUnclear { value } => match (value.is_empty(), vi) {
                (true, true) => "Dòng này có họ tên nên được tính là một người, nhưng ô 'Kết quả' để trống. Ghi vào ô này 'Đạt', 'Không đạt' hoặc 'Không đánh giá' (kèm lý do ở cột 'Ghi chú'). Nếu dòng này không phải một người (tên nhóm, bộ phận, chữ ký), ghi số La Mã (I, II…) ở cột 'STT' hoặc xóa dòng.".to_string(),
                (true, false) => "This row has a name, so it is counted as a person, but its 'Kết quả' cell is blank. Write 'Đạt', 'Không đạt' or 'Không đánh giá' in it (with the reason in 'Ghi chú'). If the row is no person (a group, a section, a signature), put a Roman numeral (I, II…) in 'STT' or delete the row.".to_string(),
                (false, true) => format!("Không hiểu 'Kết quả' '{value}', nên chưa xác định được kết quả của người này (không tự đoán). Ghi 'Đạt', 'Không đạt' hoặc 'Không đánh giá' (kèm lý do ở cột 'Ghi chú')."),
                (false, false) => format!("The 'Kết quả' '{value}' is not understood, so this person's result cannot be decided (it is not guessed). Write 'Đạt', 'Không đạt' or 'Không đánh giá' (with the reason in 'Ghi chú')."),
            },
            Mau06FormUnclear { value } => match (value.is_empty(), vi) {
                (true, true) => "Người này ghi 'Đạt' nhưng chưa ghi 'Mẫu phiếu', nên không kiểm tra được tổng điểm theo khung của mẫu phiếu. Ghi 03, 04 hoặc 05 (ví dụ 'Mẫu 04').".to_string(),
                (true, false) => "This person is declared 'Đạt' but has no 'Mẫu phiếu', so the total cannot be checked against the form's range. Write 03, 04 or 05 (e.g. 'Mẫu 04').".to_string(),
                (false, true) => format!("Không hiểu 'Mẫu phiếu' '{value}'. Ghi 03 (diện Ban Thường vụ quản lý), 04 (đơn vị dưới 20 người) hoặc 05 (đơn vị từ 20 người), ví dụ 'Mẫu 04' hoặc '04'."),
                (false, false) => format!("The 'Mẫu phiếu' '{value}' is not understood. Write 03 (managed by the Standing Committee), 04 (units under 20 people) or 05 (units of 20 or more), e.g. 'Mẫu 04' or '04'."),
            },
            Mau06ReasonUnclear { value } => {
                let said = match (value.is_empty(), vi) {
                    (true, true) => String::new(),
                    (false, true) => format!(" (ghi chú: '{value}')"),
                    (true, false) => String::new(),
                    (false, false) => format!(" (note: '{value}')"),
                };
                if vi {
                    format!("Người này ghi 'Không đánh giá' nhưng không rõ lý do{said}, nên chưa xác định được. Ghi ở cột 'Ghi chú' một trong các lý do: nghỉ từ 15 ngày làm việc trở lên (thai sản, ốm, không lương, phép, nghỉ hè…); không công tác tại đơn vị đủ thời gian (mới tuyển, chuyển đến, chuyển đi, nghỉ hưu, thôi việc); không thuộc đối tượng đánh giá (hợp đồng dưới 12 tháng, không đóng BHXH).")
                } else {
                    format!("This person is declared 'Không đánh giá' without a readable reason{said}, so the result is unknown. Write in 'Ghi chú' one of: absent 15 working days or more (maternity, sickness, unpaid leave, leave, summer break…); not with the unit long enough (newly recruited, moved in or out, retired, left); outside the people evaluated (contract under 12 months, no social insurance).")
                }
            }
            Mau06TotalInvalid { value } => if vi {
                format!("'Tổng điểm' là '{value}', không phải một số điểm (bước 0,5). Ghi tổng điểm như 286,5 hoặc 290.")
            } else {
                format!("'Tổng điểm' is '{value}', not a total of scores (steps of 0.5). Write a total such as 286.5 or 290.")
            },
            Mau06TotalMissing => tr(vi,
                "Người này ghi 'Đạt' nhưng chưa ghi 'Tổng điểm', nên không kiểm tra được tổng điểm có trong khung đạt hay không. Ghi tổng điểm của phiếu đánh giá.",
                "This person is declared 'Đạt' but has no 'Tổng điểm', so the total cannot be checked against the passing range. Write the total of the score sheet."),
            Mau06RatingMissing { month } => if vi {
                format!("Người này ghi 'Đạt' nhưng chưa có xếp loại tháng {month}. Điều kiện đạt cần xếp loại cả ba tháng của quý (từ hoàn thành tốt nhiệm vụ trở lên, ít nhất một tháng hoàn thành xuất sắc).")
            } else {
                format!("This person is declared 'Đạt' but month {month} has no rating. Passing needs all three months rated (hoàn thành tốt nhiệm vụ or better, at least one month hoàn thành xuất sắc).")
            },
            ResultMismatch { reasons, low_months, total, range, form, breaches } => {
                let mut why = mismatch_words(reasons, low_months, *total, *range, *form, vi);
                if !breaches.is_empty() {
                    if !why.is_empty() {
                        why.push_str("; ");
                    }
                    why.push_str(&breach_words(breaches, vi));
                }
                if vi {
                    format!("'Kết quả' ghi 'Đạt' nhưng {why}. Người này chưa được tính là đạt chuyên nghiệp: sửa lại kết quả, hoặc xếp loại, tổng điểm cho đúng.")
                } else {
                    format!("'Kết quả' says 'Đạt' but {why}. The person is not counted as đạt: correct the result, or the ratings and total.")
                }
            }
            Mau06TimeAwayShort { reason, half_days, limit, note } => {
                let days = crate::text::fmt_half_days(*half_days);
                let days = if vi { days } else { days.replace(',', ".") };
                match (reason, vi) {
                    (Reason::KhongDuThoiGian, true) => format!("'Kết quả' ghi 'Không đánh giá' vì không công tác tại đơn vị đủ thời gian, nhưng theo 'Ghi chú' ('{note}') người này chỉ không ở đơn vị nhiều nhất {days} ngày làm việc của quý, dưới {limit} ngày: vẫn phải đánh giá. Ghi 'Đạt' hoặc 'Không đạt' kèm mẫu phiếu, tổng điểm và xếp loại các tháng; hoặc sửa ngày vào, ngày thôi nếu ghi nhầm."),
                    (Reason::KhongDuThoiGian, false) => format!("'Kết quả' says 'Không đánh giá' for not being with the unit long enough, but by the 'Ghi chú' ('{note}') the person was away from the unit at most {days} working days of the quarter, under {limit}: they must be evaluated. Write 'Đạt' or 'Không đạt' with the form, the total and the monthly ratings; or correct the date of joining or leaving if it is wrong."),
                    (_, true) => format!("'Kết quả' ghi 'Không đánh giá' vì nghỉ, nhưng theo 'Ghi chú' ('{note}') người này chỉ nghỉ {days} ngày làm việc trong quý, dưới {limit} ngày: vẫn phải đánh giá (Hướng dẫn 17: chỉ không đánh giá khi nghỉ từ {limit} ngày làm việc trở lên). Ghi 'Đạt' hoặc 'Không đạt' kèm mẫu phiếu, tổng điểm và xếp loại các tháng; hoặc sửa số ngày nghỉ nếu ghi nhầm."),
                    (_, false) => format!("'Kết quả' says 'Không đánh giá' for an absence, but by the 'Ghi chú' ('{note}') the person was absent only {days} working days of the quarter, under {limit}: they must be evaluated (Hướng dẫn 17: only an absence of {limit} working days or more leaves someone out). Write 'Đạt' or 'Không đạt' with the form, the total and the monthly ratings; or correct the number of days if it is wrong."),
                }
            }
            Mau06TimeAwayUnknown { limit, note, readings, .. } if readings.len() > 1 => {
                let days: Vec<String> = readings
                    .iter()
                    .map(|hd| {
                        let d = crate::text::fmt_half_days(*hd);
                        if vi { d } else { d.replace(',', ".") }
                    })
                    .collect();
                if vi {
                    format!("'Kết quả' ghi 'Không đánh giá' vì không công tác tại đơn vị đủ thời gian, nhưng 'Ghi chú' ('{note}') hiểu được hai cách: người này không ở đơn vị {} ngày làm việc của quý, hoặc {} ngày (không rõ là vào hay thôi đơn vị), một cách dưới {limit} ngày, nên chưa xác định được. Ghi rõ, ví dụ 'Chuyển đến từ …', 'Mới tuyển dụng từ …' hoặc 'Chuyển đi từ …', 'Nghỉ hưu từ …'.", days[0], days[1])
                } else {
                    format!("'Kết quả' says 'Không đánh giá' for not being with the unit long enough, but the 'Ghi chú' ('{note}') reads two ways: the person was away from the unit {} working days of the quarter, or {} (whether they joined or left is not said); one reading is under {limit}, so the result is unknown. Say which, e.g. 'Chuyển đến từ …', 'Mới tuyển dụng từ …' or 'Chuyển đi từ …', 'Nghỉ hưu từ …'.", days[0], days[1])
                }
            }
            Mau06TimeAwayUnknown { reason, limit, note, .. } => match (reason, vi) {
                (Reason::KhongDuThoiGian, true) => format!("'Kết quả' ghi 'Không đánh giá' vì không công tác tại đơn vị đủ thời gian, nhưng 'Ghi chú' ('{note}') không cho biết người này không ở đơn vị bao nhiêu ngày làm việc của quý, nên chưa xác định được (chỉ không đánh giá khi từ {limit} ngày làm việc trở lên). Ghi rõ ngày vào hoặc ngày thôi (ví dụ 'Mới tuyển dụng từ 10/02/2024', 'Nghỉ hưu từ 01/03/2024'), hoặc số ngày (ví dụ 'không công tác tại đơn vị 20 ngày')."),
                (Reason::KhongDuThoiGian, false) => format!("'Kết quả' says 'Không đánh giá' for not being with the unit long enough, but the 'Ghi chú' ('{note}') does not say how many working days of the quarter the person was away, so the result is unknown (only {limit} working days or more leave someone out). Write the date of joining or leaving (e.g. 'Mới tuyển dụng từ 10/02/2024', 'Nghỉ hưu từ 01/03/2024'), or the number of days."),
                (_, true) => format!("'Kết quả' ghi 'Không đánh giá' vì nghỉ, nhưng 'Ghi chú' ('{note}') không ghi nghỉ bao nhiêu ngày làm việc trong quý, nên chưa xác định được (Hướng dẫn 17: chỉ không đánh giá khi nghỉ từ {limit} ngày làm việc trở lên). Ghi số ngày (ví dụ 'Nghỉ thai sản 45 ngày') hoặc từ ngày nào đến ngày nào (ví dụ 'Nghỉ thai sản từ 15/01/2024')."),
                (_, false) => format!("'Kết quả' says 'Không đánh giá' for an absence, but the 'Ghi chú' ('{note}') does not say how many working days of the quarter it lasted, so the result is unknown (Hướng dẫn 17: only an absence of {limit} working days or more leaves someone out). Write the number of days (e.g. 'Nghỉ thai sản 45 ngày') or the dates (e.g. 'Nghỉ thai sản từ 15/01/2024')."),
            },
            Mau06HeadcountMismatch { declared, listed } => if vi {
                format!("'Tổng số CBCCVC, NLĐ' ghi {declared} nhưng bảng Mẫu 06 có {listed} người. Mẫu 06 liệt kê mọi CBCCVC, NLĐ của đơn vị (cả người không đánh giá): sửa lại cho khớp. Số {declared} được dùng để chọn Mẫu 04 hay Mẫu 05.")
            } else {
                let people = if *listed == 1 { "person" } else { "people" };
                format!("'Tổng số CBCCVC, NLĐ' says {declared} but the mẫu 06 table lists {listed} {people}. A mẫu 06 lists all the unit's staff (those not evaluated too): make them agree. {declared} is used to choose between mẫu 04 and mẫu 05.")
            },
            Mau06SameUnit { workbooks, shared, listed, code, book_code, several } => {
                let books = workbooks.join(", ");
                let (head_vi, head_en) = if *several {
                    (format!("Mẫu 06 này có {shared}/{listed} người trùng họ tên với các sổ đánh giá {books}, nên không biết là của đơn vị nào"),
                     format!("This mẫu 06 lists {shared} of its {listed} people under the same names as the workbooks {books}, so which unit it belongs to is unknown"))
                } else {
                    let why_vi = match (code, book_code) {
                        (Some(c), Some(b)) => format!("nhưng ghi 'Mã đơn vị' '{c}', còn sổ ghi '{b}'"),
                        (Some(c), None) => format!("nhưng ghi 'Mã đơn vị' '{c}', còn sổ không ghi mã đơn vị"),
                        _ => "nhưng không ghép được theo mã hay tên đơn vị".to_string(),
                    };
                    let why_en = match (code, book_code) {
                        (Some(c), Some(b)) => format!("but writes 'Mã đơn vị' '{c}' where the workbook writes '{b}'"),
                        (Some(c), None) => format!("but writes 'Mã đơn vị' '{c}' where the workbook writes none"),
                        _ => "but neither code nor name joins them".to_string(),
                    };
                    (format!("Mẫu 06 này có {shared}/{listed} người trùng họ tên với sổ đánh giá {books}, {why_vi}, nên không ghép được là một đơn vị"),
                     format!("This mẫu 06 lists {shared} of its {listed} people under the same names as the workbook {books}, {why_en}, so the two cannot be matched as one unit"))
                };
                if vi {
                    format!("{head_vi}. Mẫu 06 này không được tính, để không tính một người hai lần. Nếu là cùng đơn vị, ghi 'Mã đơn vị' ở dòng tiêu đề giống trang 'Thông tin' của sổ; nếu là hai đơn vị, kiểm tra lại danh sách người.")
                } else {
                    format!("{head_en}. This mẫu 06 is not counted, so that nobody is counted twice. If it is the same unit, write in a title line the 'Mã đơn vị' of the workbook's 'Thông tin' sheet; if they are two units, check the lists of people.")
                }
            }
            Mau06Disagrees { declared, decided, workbook } => if vi {
                format!("Mẫu 06 ghi '{}' nhưng theo sổ đánh giá của đơn vị ({workbook}) người này là '{}'. Kết quả theo sổ được dùng; sửa Mẫu 06 cho khớp.", declared.words(lang), decided.words(lang))
            } else {
                format!("The mẫu 06 says '{}' but by the unit's workbook ({workbook}) this person is '{}'. The workbook's result is used; correct the mẫu 06.", declared.words(Lang::Vi), decided.words(lang))
            },
            Mau06NotInWorkbook { workbook } => if vi {
                format!("Người này có trong Mẫu 06 nhưng không có trong sổ đánh giá của đơn vị ({workbook}). Kết quả theo sổ được dùng; kiểm tra lại họ tên (hoặc Mã CB), hoặc bổ sung người này vào sổ.")
            } else {
                format!("This person is on the mẫu 06 but not in the unit's workbook ({workbook}). The workbook's results are used; check the name (or Mã CB), or add the person to the workbook.")
            },
            Mau06PersonMissing { id, name, workbook } => if vi {
                format!("{name} ({id}) có trong sổ đánh giá của đơn vị ({workbook}) nhưng không có trong Mẫu 06. Kết quả theo sổ được dùng; bổ sung người này vào Mẫu 06.")
            } else {
                format!("{name} ({id}) is in the unit's workbook ({workbook}) but not on the mẫu 06. The workbook's result is used; add the person to the mẫu 06.")
            },
            JoinLeaveOrder => tr(vi,
                "'Ngày bắt đầu' sau 'Ngày thôi'. Kiểm tra lại hai ngày.",
                "'Ngày bắt đầu' is after 'Ngày thôi'. Check the two dates."),
            YearNotInCalendar { year } => if vi {
                format!("Lịch ngày nghỉ của hồ sơ cấu hình không có năm {year}, nên không đếm được ngày làm việc. Bổ sung năm {year} vào hồ sơ (--profile).")
            } else {
                format!("The profile's holiday calendar has no year {year}, so working days cannot be counted. Add {year} to the profile (--profile).")
            },
            List(l) => l.message(vi),
            UnitsList(u) => u.message(vi),
        }
    }
}

impl ListFinding {
    pub fn code(&self) -> Code {
        use ListFinding::*;
        match self {
            UnitUnknown { .. } => Code::ListUnitUnknown,
            MonthUnknown => Code::InfoMissing,
            MonthUnreadable { .. } => Code::ValueUnclear,
            MonthOutside { .. } => Code::MonthMismatch,
            RatingConflict { .. } | Disagree { .. } => Code::RatingConflict,
            PersonUnmatched { .. } => Code::PersonUnmatched,
            RatingUnknown { .. } => Code::RatingUnknown,
        }
    }

    /// What is wrong with the list and what would be right, in the list's words.
    fn message(&self, vi: bool) -> String {
        use ListFinding::*;
        match self {
            UnitUnknown { named: Some(unit), .. } => if vi {
                format!("Danh sách xếp loại này ghi đơn vị '{unit}', nhưng không có sổ đánh giá nào của đơn vị đó trong lần chạy này. Gửi kèm sổ của đơn vị, hoặc sửa 'Đơn vị'/'Mã đơn vị' cho đúng như trang 'Thông tin' của sổ.")
            } else {
                format!("This rating list names the unit '{unit}', but no workbook of that unit is in this run. Send the unit's workbook with it, or correct 'Đơn vị'/'Mã đơn vị' to match the workbook's 'Thông tin' sheet.")
            },
            UnitUnknown { named: None, books_in_folder } => if vi {
                format!("Không biết danh sách xếp loại này của đơn vị nào: không có dòng 'Đơn vị: …' ở tiêu đề, không có cột 'Mã đơn vị', và thư mục của nó có {books_in_folder} sổ đánh giá (cần đúng 1). Ghi 'Đơn vị: <tên đơn vị>' ở dòng tiêu đề, hoặc để danh sách cùng thư mục với sổ của đơn vị.")
            } else {
                format!("Which unit this rating list belongs to is unknown: no 'Đơn vị: …' title line, no 'Mã đơn vị' column, and its folder holds {books_in_folder} unit workbooks (exactly 1 is needed). Write 'Đơn vị: <unit name>' in a title line, or keep the list in the folder of the unit's workbook.")
            },
            MonthUnknown => tr(vi,
                "Không biết danh sách xếp loại này của tháng nào: tiêu đề, tên trang và cột 'Tháng' đều không ghi tháng. Ghi tiêu đề như 'DANH SÁCH XẾP LOẠI THÁNG 4/2024', đặt tên trang 'Tháng 4', hoặc thêm cột 'Tháng'.",
                "Which month this rating list is for is unknown: neither its title, its sheet name nor a 'Tháng' column says. Write a title such as 'DANH SÁCH XẾP LOẠI THÁNG 4/2024', name the sheet 'Tháng 4', or add a 'Tháng' column."),
            MonthUnreadable { value } => if vi {
                format!("Ô 'Tháng' ghi '{value}', không phải một tháng. Ghi số tháng (ví dụ 4 hoặc 4/2024); xếp loại của dòng này chưa được dùng.")
            } else {
                format!("The 'Tháng' cell says '{value}', which is no month. Write the month's number (e.g. 4 or 4/2024); this row's rating is not used yet.")
            },
            MonthOutside { month, year, quarter } => {
                let when = year.map_or(format!("{month}"), |y| format!("{month}/{y}"));
                let q = format!("{}/{}", quarter.roman(), quarter.year);
                if vi {
                    format!("Danh sách xếp loại tháng {when} không thuộc quý {q} nên không dùng được. Gửi danh sách của các tháng {} của quý.", months_words(quarter.months(), vi))
                } else {
                    format!("The rating list of month {when} is not of quarter {q} and cannot be used. Send the lists of months {} of the quarter.", months_words(quarter.months(), vi))
                }
            }
            RatingConflict { month, list, book, book_file, book_cell } => {
                let at = book_cell.as_deref().map_or(String::new(), |c| format!(" ô {c}"));
                let at_en = book_cell.as_deref().map_or(String::new(), |c| format!(" cell {c}"));
                if vi {
                    format!("Danh sách xếp loại ghi tháng {month} là {}, nhưng sổ đánh giá ({book_file}, trang 'Danh sách'{at}) ghi {}. Không biết bên nào đúng nên chưa xét người này; sửa cho hai nơi ghi giống nhau.", list.abbrev(), book.abbrev())
                } else {
                    format!("The rating list gives month {month} as {}, but the workbook ({book_file}, sheet 'Danh sách'{at_en}) says {}. Which is right is unknown, so this person is not decided; make the two agree.", list.abbrev(), book.abbrev())
                }
            }
            Disagree { month, this, other, other_at } => if vi {
                format!("Tháng {month} của người này được ghi là {} ở đây nhưng là {} ở {other_at}. Không biết bên nào đúng nên chưa xét người này; sửa cho các danh sách ghi giống nhau.", this.abbrev(), other.abbrev())
            } else {
                format!("Month {month} of this person is {} here but {} at {other_at}. Which is right is unknown, so this person is not decided; make the lists agree.", this.abbrev(), other.abbrev())
            },
            PersonUnmatched { name, unit, why } => match (why, vi) {
                (ListMiss::NotInUnit, true) => format!("'{name}' có trong danh sách xếp loại nhưng không có trong trang 'Danh sách' của sổ {unit} (theo Mã CB, Họ và tên, Ngày sinh). Xếp loại của dòng này không được dùng; kiểm tra lại tên hoặc Mã CB."),
                (ListMiss::NotInUnit, false) => format!("'{name}' is in the rating list but not in the 'Danh sách' sheet of {unit}'s workbook (by Mã CB, name, date of birth). This row's rating is not used; check the name or Mã CB."),
                (ListMiss::CodeOfOther { other }, true) => format!("Mã CB của dòng này là của '{other}' trong sổ {unit}, không phải của '{name}'. Xếp loại của dòng này không được dùng; sửa Mã CB hoặc họ tên cho khớp."),
                (ListMiss::CodeOfOther { other }, false) => format!("This row's Mã CB belongs to '{other}' in {unit}'s workbook, not to '{name}'. This row's rating is not used; make the Mã CB and name agree."),
                (ListMiss::Ambiguous { count }, true) => format!("Sổ {unit} có {count} người tên '{name}'; danh sách không ghi Mã CB hay Ngày sinh để phân biệt. Xếp loại của dòng này không được dùng; thêm cột 'Mã CB' hoặc 'Ngày sinh'."),
                (ListMiss::Ambiguous { count }, false) => format!("{unit}'s workbook has {count} people named '{name}' and the list gives no Mã CB or date of birth to tell them apart. This row's rating is not used; add a 'Mã CB' or 'Ngày sinh' column."),
            },
            RatingUnknown { month, value } => {
                let m = month.map_or(String::new(), |m| format!(" tháng {m}"));
                let m_en = month.map_or(String::new(), |m| format!(" of month {m}"));
                if vi {
                    format!("Xếp loại{m} '{value}' trong danh sách không hợp lệ nên không được dùng. Dùng: HTXSNV, HTTNV, HTNV, KHTNV (hoặc ghi đầy đủ, hoặc A/B/C/D).")
                } else {
                    format!("The rating{m_en} '{value}' in the list is not recognised and is not used. Use HTXSNV, HTTNV, HTNV, KHTNV (or the full words, or A/B/C/D).")
                }
            }
        }
    }
}

/// "4, 5, 6" / "4, 5 và 6".
fn months_words(months: [u32; 3], vi: bool) -> String {
    let [a, b, c] = months;
    if vi {
        format!("{a}, {b} và {c}")
    } else {
        format!("{a}, {b} and {c}")
    }
}

/// What a mẫu 06 sent alone misses in its title lines, and how to write it.
fn mau06_title_message(what: Mau06Field, vi: bool) -> String {
    match (what, vi) {
        (Mau06Field::Unit, true) => "Mẫu 06 không ghi tên đơn vị ở các dòng tiêu đề, nên không biết đây là kết quả của đơn vị nào. Thêm dòng 'Đơn vị: <tên đơn vị>' phía trên bảng (hoặc ghi tên đơn vị dưới tên cơ quan cấp trên ở góc trái, như mẫu).",
        (Mau06Field::Unit, false) => "The mẫu 06 does not name its unit in the lines above the table, so it is not known whose results these are. Add a line 'Đơn vị: <unit name>' above the table (or the unit's name under its superior body at the top left, as in the form).",
        (Mau06Field::Quarter, true) => "Mẫu 06 không ghi quý đánh giá ở các dòng tiêu đề. Ghi quý trong tiêu đề, ví dụ 'KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024', hoặc thêm dòng 'Quý: I/2024'.",
        (Mau06Field::Quarter, false) => "The mẫu 06 does not give the quarter in the lines above the table. Write it in the title, e.g. 'KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024', or add a line 'Quý: I/2024'.",
        (Mau06Field::Bloc, true) => "Mẫu 06 không ghi khối của đơn vị, nên chưa tính được vào Mẫu 07 và danh sách khen thưởng. Thêm dòng 'Khối: Chính quyền' (hoặc 'Đảng - Đoàn thể', 'Trường học') phía trên bảng. Không cần khi đơn vị gửi kèm sổ đánh giá.",
        (Mau06Field::Bloc, false) => "The mẫu 06 does not give the unit's bloc, so it cannot be counted in mẫu 07 and the reward list. Add a line 'Khối: Chính quyền' (or 'Đảng - Đoàn thể', 'Trường học') above the table. Not needed when the unit also sends its workbook.",
    }
    .to_string()
}

/// Why a declared "Đạt" cannot stand, in words: the months below "tốt", no month "xuất sắc", the
/// total outside the form's range.
fn mismatch_words(
    reasons: &[Reason],
    low_months: &[u32],
    total: Option<Total>,
    range: Option<(Total, Total)>,
    form: Option<Form>,
    vi: bool,
) -> String {
    let months = low_months
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let num = |t: Total| {
        let s = t.to_string();
        if vi {
            s
        } else {
            s.replace(',', ".")
        }
    };
    let parts: Vec<String> = reasons
        .iter()
        .filter_map(|r| match (r, vi) {
            (Reason::ThangDuoiTot, true) => Some(format!(
                "tháng {months} xếp loại dưới mức hoàn thành tốt nhiệm vụ"
            )),
            (Reason::ThangDuoiTot, false) => Some(format!(
                "month {months} is rated below 'hoàn thành tốt nhiệm vụ'"
            )),
            (Reason::KhongThangXuatSac, true) => {
                Some("không có tháng nào hoàn thành xuất sắc nhiệm vụ".to_string())
            }
            (Reason::KhongThangXuatSac, false) => {
                Some("no month is rated 'hoàn thành xuất sắc nhiệm vụ'".to_string())
            }
            (Reason::TongNgoaiKhung, _) => {
                let (t, (lo, hi), f) = (total?, range?, form?);
                Some(if vi {
                    format!(
                        "tổng điểm {} ngoài khung đạt {}–{} của Mẫu {}",
                        num(t),
                        num(lo),
                        num(hi),
                        f.code()
                    )
                } else {
                    format!(
                        "the total {} is outside the passing range {}–{} of mẫu {}",
                        num(t),
                        num(lo),
                        num(hi),
                        f.code()
                    )
                })
            }
            _ => None,
        })
        .collect();
    parts.join("; ")
}

/// Why a mẫu 03 leader's `Đạt` fails on a mẫu 06: the others rated không hoàn thành nhiệm vụ.
fn breach_words(breaches: &[ScopeBreach], vi: bool) -> String {
    let who: Vec<String> = breaches
        .iter()
        .map(|b| {
            let months = b
                .months
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            if vi {
                format!(
                    "{} (ô {}) xếp loại không hoàn thành nhiệm vụ tháng {months}",
                    b.name, b.cell
                )
            } else {
                format!(
                    "{} (cell {}) is rated không hoàn thành nhiệm vụ in month {months}",
                    b.name, b.cell
                )
            }
        })
        .collect();
    if vi {
        format!("người này chấm Mẫu 03 (lãnh đạo), mà điều kiện của lãnh đạo là trong đơn vị không có ai xếp loại không hoàn thành nhiệm vụ (Hướng dẫn 17, mục 3.5), trong khi {}", who.join("; "))
    } else {
        format!("this person is on mẫu 03 (a leader), whose condition is that nobody in the unit is rated không hoàn thành nhiệm vụ (Hướng dẫn 17, 3.5), while {}", who.join("; "))
    }
}

/// The words of the findings about a mẫu 07 (`merge`), in the form's own terms.
#[rustfmt::skip]
fn mau07_message(detail: &Detail, vi: bool) -> String {
    use Detail::*;
    let max = grouped(u64::from(crate::model::MAX_COUNT), vi);
    match detail {
        CountInvalid { at, column, value } => if vi {
            format!("{}: ô '{column}' ghi '{value}', không phải số người. Ghi số nguyên từ 0 đến {max}, ví dụ 12 (để trống hoặc '-' là 0). Dòng này không được cộng vào tổng.", at.words(vi))
        } else {
            format!("{}: the '{column}' cell says '{value}', not a number of people. Write a whole number from 0 to {max}, e.g. 12 (blank or '-' is 0). This row is not counted.", at.words(vi))
        },
        Mau07Sum { at, unit, what, parts, whole, worked_out } => {
            let (a, b, c) = match what {
                Mau07Check::People => ("Số được đánh giá", "Số không đánh giá", "Tổng số CBCCVC, NLĐ"),
                Mau07Check::Evaluated => ("Số đạt", "Số không đạt", "Số được đánh giá"),
            };
            let [x, y] = parts;
            let how = match (worked_out, vi) {
                (Some(w), true) => format!(" (bảng không có cột '{w}': số này tính từ các cột còn lại)"),
                (Some(w), false) => format!(" (the table has no '{w}' column: it is worked out from the others)"),
                (None, _) => String::new(),
            };
            if vi {
                format!("{}, đơn vị '{unit}': {a} {x} + {b} {y} ≠ {c} {whole}{how}. Sửa lại cho khớp (dòng này vẫn được cộng như đã ghi).", at.words(vi))
            } else {
                format!("{}, unit '{unit}': {a} {x} + {b} {y} ≠ {c} {whole}{how}. Make them agree (the row is counted as written).", at.words(vi))
            }
        }
        Mau07Derived { at, unit, derived, part, whole } => if vi {
            format!("{}, đơn vị '{unit}': {} {} lớn hơn {} {}, nên không tính được '{derived}' (bảng không có cột này). Dòng này không được cộng; sửa lại số liệu.", at.words(vi), part.0, part.1, whole.0, whole.1)
        } else {
            format!("{}, unit '{unit}': {} {} is larger than {} {}, so '{derived}' (a column the table lacks) cannot be worked out. The row is not counted; correct the numbers.", at.words(vi), part.0, part.1, whole.0, whole.1)
        },
        Mau07TotalRow { at, label, column, written, sum, units } => {
            let range = match (units, vi) {
                (Some((a, b)), true) if a == b => format!("đơn vị ở dòng {a}"),
                (Some((a, b)), true) => format!("các đơn vị từ dòng {a} đến dòng {b}"),
                (Some((a, b)), false) if a == b => format!("the unit in row {a}"),
                (Some((a, b)), false) => format!("the units in rows {a} to {b}"),
                (None, true) => "các đơn vị (không có dòng đơn vị nào)".to_string(),
                (None, false) => "the units (there is no unit row)".to_string(),
            };
            if vi {
                format!("{} ('{label}'): cột '{column}' ghi {written}, nhưng cộng {range} được {sum}. Dòng tổng chỉ dùng để đối chiếu, không tính là một đơn vị; sửa lại cho khớp.", at.words(vi))
            } else {
                format!("{} ('{label}'): the '{column}' column says {written}, but {range} add up to {sum}. A total row is only checked, never counted as a unit; make them agree.", at.words(vi))
            }
        }
        Mau07NoName { at } => if vi {
            format!("{}: có số liệu nhưng không có tên đơn vị ở cột 'Đơn vị'. Ghi tên đơn vị; dòng này không được cộng.", at.words(vi))
        } else {
            format!("{}: numbers without a unit name in the 'Đơn vị' column. Write the unit's name; the row is not counted.", at.words(vi))
        },
        Mau07NoNumbers { at, unit } => if vi {
            format!("{}: đơn vị '{unit}' không có số liệu nào. Ghi số người (0 nếu không có) hoặc xóa dòng; dòng này không được cộng.", at.words(vi))
        } else {
            format!("{}: the unit '{unit}' has no numbers. Write the numbers of people (0 where none) or delete the row; the row is not counted.", at.words(vi))
        },
        Mau07TitleMissing { what: Mau07Title::Quarter } => tr(vi,
            "Không thấy quý trong tiêu đề Mẫu 07 (ví dụ \"QUÝ I NĂM 2024\" hoặc \"Quý I/2024\" ở các dòng trên bảng). Thêm quý vào tiêu đề; tệp này được gộp theo quý của các tệp khác.",
            "No quarter in the title of the mẫu 07 (e.g. \"QUÝ I NĂM 2024\" or \"Quý I/2024\" on the lines above the table). Add it to the title; the file is merged with the quarter of the other files."),
        Mau07TitleMissing { what: Mau07Title::Bloc } => tr(vi,
            "Không thấy khối trong tiêu đề Mẫu 07 (ví dụ \"KHỐI TRƯỜNG HỌC\" hoặc \"Khối: Chính quyền\" ở các dòng trên bảng), tên tệp cũng không cho biết khối. Thêm khối vào tiêu đề; tệp này chưa được gộp.",
            "No bloc in the title of the mẫu 07 (e.g. \"KHỐI TRƯỜNG HỌC\" or \"Khối: Chính quyền\" on the lines above the table), nor in the file name. Add it to the title; the file is not merged."),
        Mau07HeaderNotFound => tr(vi,
            "Không thấy bảng Mẫu 07 trong 20 dòng đầu của trang nào: cần một dòng tên cột (một hoặc hai dòng) có 'Đơn vị', 'Số đạt' và các cột số người ('Tổng số CBCCVC, NLĐ', 'Số không đánh giá', 'Số được đánh giá', 'Số không đạt'). Tệp này chưa được gộp.",
            "No mẫu 07 table in the first 20 rows of any sheet: a header (on one or two rows) with 'Đơn vị', 'Số đạt' and the columns of numbers of people ('Tổng số CBCCVC, NLĐ', 'Số không đánh giá', 'Số được đánh giá', 'Số không đạt') is needed. The file is not merged."),
        Mau07NoUnits => tr(vi,
            "Bảng Mẫu 07 không có dòng đơn vị nào (chỉ có tên cột, dòng nhóm hoặc dòng tổng). Ghi mỗi đơn vị một dòng, có tên và số người; tệp này chưa được gộp.",
            "The mẫu 07 table has no unit row (only headers, group or total rows). Write one row per unit, with its name and numbers; the file is not merged."),
        Mau07ColumnMissing { columns } => {
            let list = columns.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(if vi { " và " } else { " and " });
            if vi {
                format!("Bảng Mẫu 07 thiếu cột {list}. Mỗi dòng phải có Số đạt, và đủ số để tính Tổng số CBCCVC, NLĐ = Số được đánh giá + Số không đánh giá, Số được đánh giá = Số đạt + Số không đạt (mỗi đẳng thức thiếu được nhiều nhất một cột). Thêm cột; tệp này chưa được gộp.")
            } else {
                let columns = if columns.len() > 1 { "columns" } else { "column" };
                format!("The mẫu 07 table lacks the {columns} {list}. Each row needs its Số đạt and enough numbers for Tổng số CBCCVC, NLĐ = Số được đánh giá + Số không đánh giá and Số được đánh giá = Số đạt + Số không đạt (at most one column missing from each). Add the column; the file is not merged.")
            }
        }
        Mau07UnitTwice { at, unit, other_file, other_cell } => if vi {
            format!("{}: đơn vị '{unit}' đã có ở tệp {other_file} ({other_cell}). Mỗi đơn vị chỉ được tính một lần: dòng này không được cộng.", at.words(vi))
        } else {
            format!("{}: the unit '{unit}' already came in {other_file} ({other_cell}). A unit is counted once: this row is not counted.", at.words(vi))
        },
        Mau07RowUnclear { at, label, reading: Mau07Reading::GroupOrUnit { units: (a, b), column, written, sum } } => {
            if vi {
                let rows = if a == b { format!("dòng {a}") } else { format!("các dòng {a}–{b}") };
                format!("{} ('{label}'): không rõ là một đơn vị hay dòng nhóm. Dòng này có STT, còn {rows} ngay dưới không có STT nên được đọc là các đơn vị của nhóm này; nhưng cột '{column}' của dòng này ghi {written}, cộng {rows} được {sum}. Dòng này không được cộng như một đơn vị. Nếu '{label}' là một đơn vị, ghi STT cho từng đơn vị bên dưới; nếu là dòng nhóm, sửa số cho khớp.", at.words(vi))
            } else {
                let (rows, have, add) = if a == b {
                    (format!("row {a}"), "has", "adds")
                } else {
                    (format!("rows {a}–{b}"), "have", "add")
                };
                format!("{} ('{label}'): unclear whether this is a unit or a group heading. It has an STT and {rows} just below {have} none, so they are read as the units of this group; but its '{column}' says {written} while {rows} {add} up to {sum}. This row is not counted as a unit. If '{label}' is a unit, give each unit below its own STT; if it is a group, correct its numbers.", at.words(vi))
            }
        }
        Mau07RowUnclear { at, label, reading: Mau07Reading::TotalOrUnit { units: Some((a, b)) } } => if vi {
            format!("{} ('{label}'): không rõ là dòng tổng hay tên một đơn vị. Số của dòng này bằng tổng các đơn vị từ dòng {a} đến dòng {b} nên được coi là dòng tổng, không được cộng. Nếu là dòng tổng, ghi rõ 'Tổng cộng' hoặc 'Cộng …' (có dấu); nếu là một đơn vị, ghi đầy đủ tên đơn vị, có dấu.", at.words(vi))
        } else {
            format!("{} ('{label}'): unclear whether this is a total row or a unit's name. Its numbers are the sum of the units in rows {a} to {b}, so it is read as a total and not counted. If it is a total, write 'Tổng cộng' or 'Cộng …' (with diacritics); if it is a unit, write the unit's full name, with diacritics.", at.words(vi))
        },
        Mau07RowUnclear { at, label, reading: Mau07Reading::TotalOrUnit { units: None } } => if vi {
            format!("{} ('{label}'): không rõ là dòng tổng hay tên một đơn vị. Số của dòng này không bằng tổng các đơn vị phía trên nên dòng này được cộng như một đơn vị. Nếu là dòng tổng, ghi rõ 'Tổng cộng' hoặc 'Cộng …' (có dấu) và sửa số cho khớp; nếu là một đơn vị, ghi đầy đủ tên đơn vị, có dấu.", at.words(vi))
        } else {
            format!("{} ('{label}'): unclear whether this is a total row or a unit's name. Its numbers are not the sum of the units above, so it is counted as a unit. If it is a total, write 'Tổng cộng' or 'Cộng …' (with diacritics) and correct its numbers; if it is a unit, write the unit's full name, with diacritics.", at.words(vi))
        },
        Mau07UnitAfterTotal { at, unit, total_row, label } => if vi {
            format!("{}: đơn vị '{unit}' nằm dưới dòng tổng '{label}' (dòng {total_row}) nên không có trong số của dòng tổng đó. Dòng tổng phải ở cuối bảng: nếu đây là đơn vị của khối, chuyển dòng tổng xuống dưới đơn vị cuối cùng; nếu không (bảng khác, danh sách người…), chuyển sang trang khác. Các đơn vị dưới dòng tổng vẫn được cộng.", at.words(vi))
        } else {
            format!("{}: the unit '{unit}' stands below the total row '{label}' (row {total_row}), so that total does not hold it. The total row ends the table: if this is a unit of the bloc, move the total below the last unit; if not (another table, a list of people…), move it to another sheet. The units below the total are still counted.", at.words(vi))
        },
        ListMissing { bloc, dat, listed: None, passed_over } => {
            let mut m = if vi {
                format!("Mẫu 07 khối {bloc} không kèm danh sách người đạt (bảng ghi {dat} người đạt). Danh sách đạt toàn quận thiếu những người này và ghi rõ là chưa đầy đủ; đề nghị khối gửi kèm trang 'Danh sách đạt' (Họ và tên, Chức vụ, Đơn vị, Tổng điểm).")
            } else {
                format!("The mẫu 07 of the {bloc} bloc comes without its list of people đạt (the table says {dat} people đạt). The district list lacks them and says it is incomplete; ask the bloc for its 'Danh sách đạt' sheet (Họ và tên, Chức vụ, Đơn vị, Tổng điểm).")
            };
            for (sheet, not_dat) in passed_over {
                m.push_str(&match (not_dat, vi) {
                    (true, true) => format!(" Trang '{sheet}' là danh sách không đạt nên không được dùng."),
                    (true, false) => format!(" The sheet '{sheet}' is a list of people không đạt, so it is not used."),
                    (false, true) => format!(" Trang '{sheet}' có danh sách người nhưng không ghi rõ là danh sách người đạt nên không được dùng: nếu đúng là danh sách đạt, đặt tên trang 'Danh sách đạt' hoặc ghi tiêu đề 'DANH SÁCH … ĐẠT CHUYÊN NGHIỆP' ở trên bảng."),
                    (false, false) => format!(" The sheet '{sheet}' holds a list of people but does not say it is the list of people đạt, so it is not used: if it is, name the sheet 'Danh sách đạt' or give it the title 'DANH SÁCH … ĐẠT CHUYÊN NGHIỆP' above the table."),
                });
            }
            m
        }
        ListMissing { bloc, dat, listed: Some(n), .. } => if vi {
            format!("Danh sách người đạt kèm Mẫu 07 khối {bloc} có {n} người, bảng ghi {dat} người đạt (thiếu {}). Danh sách đạt toàn quận ghi rõ là chưa đầy đủ; đề nghị khối gửi lại danh sách đủ.", dat.saturating_sub(*n))
        } else {
            format!("The list of people đạt with the mẫu 07 of the {bloc} bloc names {n} people, the table says {dat} ({} missing). The district list says it is incomplete; ask the bloc for the full list.", dat.saturating_sub(*n))
        },
        Mau07ListLonger { bloc, dat, listed } => if vi {
            format!("Danh sách người đạt kèm Mẫu 07 khối {bloc} có {listed} người, nhiều hơn {dat} người đạt trong bảng. Kiểm tra lại danh sách hoặc bảng (mọi người trong danh sách vẫn được ghi vào danh sách đạt toàn quận).")
        } else {
            format!("The list of people đạt with the mẫu 07 of the {bloc} bloc names {listed} people, more than the {dat} đạt of the table. Check the list or the table (everyone listed is still in the district list).")
        },
        _ => String::new(),
    }
}

/// A count with its thousands marked: "2.000.000" in Vietnamese, "2,000,000" in English.
fn grouped(x: u64, vi: bool) -> String {
    let digits = x.to_string();
    let sep = if vi { '.' } else { ',' };
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// Whole megabytes, for "over N MB" in messages.
fn mb(bytes: u64) -> u64 {
    bytes / (1024 * 1024)
}

#[rustfmt::skip]
fn oversize_message(o: &Oversize, vi: bool) -> String {
    let n = |x: u64| grouped(x, vi);
    let cells = matches!(o, Oversize::TooManyCells { .. } | Oversize::TooMuchText { .. } | Oversize::DeclaredSize { .. } | Oversize::FarCell { .. });
    let (fix_vi, fix_en) = if cells {
        ("Mở tệp bằng Excel, xoá các ô thừa ngoài bảng, lưu lại rồi gửi lại.",
         "Open it in Excel, delete the stray cells outside the table, save it and send it again.")
    } else {
        ("Mở tệp bằng Excel rồi lưu lại (Excel ghi lại tệp gọn), hoặc đề nghị đơn vị gửi lại tệp gốc.",
         "Open it in Excel and save it again (Excel writes it compactly), or ask the unit for the original file.")
    };
    let what = match (o, vi) {
        (Oversize::Inflated { part, packed, unpacked }, true) => format!("phần '{part}' của tệp chỉ {} KB nhưng giải nén ra hơn {} MB, phần lớn là khoảng trống", packed.div_ceil(1000), mb(*unpacked)),
        (Oversize::Inflated { part, packed, unpacked }, false) => format!("the part '{part}' is only {} KB but unpacks to over {} MB, mostly blank space", packed.div_ceil(1000), mb(*unpacked)),
        (Oversize::PartTooLarge { part, limit }, true) => format!("phần '{part}' của tệp giải nén ra hơn {} MB, quá lớn đối với sổ của một đơn vị", mb(*limit)),
        (Oversize::PartTooLarge { part, limit }, false) => format!("the part '{part}' unpacks to over {} MB, too large for one unit's workbook", mb(*limit)),
        (Oversize::PackageTooLarge { limit }, true) => format!("tệp giải nén ra tổng cộng hơn {} MB, quá lớn đối với sổ của một đơn vị", mb(*limit)),
        (Oversize::PackageTooLarge { limit }, false) => format!("the file unpacks to over {} MB in all, too large for one unit's workbook", mb(*limit)),
        (Oversize::TooManyParts { count }, true) => format!("tệp gồm {} phần, nhiều bất thường", n(*count)),
        (Oversize::TooManyParts { count }, false) => format!("the file is made of {} parts, far more than a workbook has", n(*count)),
        (Oversize::DeclaredStrings { declared, real }, true) => format!("tệp khai báo {} chuỗi văn bản dùng chung nhưng chỉ chứa {}", n(*declared), n(*real)),
        (Oversize::DeclaredStrings { declared, real }, false) => format!("the file declares {} shared texts but holds {}", n(*declared), n(*real)),
        (Oversize::TooManyCells { sheet, limit }, true) => format!("trang '{sheet}' có hơn {} ô có dữ liệu, quá lớn đối với sổ của một đơn vị", n(*limit)),
        (Oversize::TooMuchText { sheet, limit }, true) => format!("các ô của trang '{sheet}' chứa tổng cộng hơn {} MB chữ, quá lớn đối với sổ của một đơn vị", mb(*limit)),
        (Oversize::TooMuchText { sheet, limit }, false) => format!("the cells of the sheet '{sheet}' hold over {} MB of text in all, too much for one unit's workbook", mb(*limit)),
        (Oversize::TooManyCells { sheet, limit }, false) => format!("the sheet '{sheet}' has over {} filled cells, too many for one unit's workbook", n(*limit)),
        (Oversize::DeclaredSize { sheet, declared, real }, true) => format!("trang '{sheet}' khai báo {} ô nhưng chỉ dùng {}", n(*declared), n(*real)),
        (Oversize::DeclaredSize { sheet, declared, real }, false) => format!("the sheet '{sheet}' declares {} cells but uses {}", n(*declared), n(*real)),
        (Oversize::FarCell { sheet, cell }, true) => format!("trang '{sheet}' có ô {cell} nằm quá xa bảng, khiến trang quá lớn để đọc"),
        (Oversize::FarCell { sheet, cell }, false) => format!("the sheet '{sheet}' has a cell at {cell}, so far from the table that the sheet is too large to read"),
    };
    if vi {
        format!("Không đọc tệp này vì {what}. Tệp có thể bị hỏng hoặc bị sửa bất thường. {fix_vi}")
    } else {
        format!("The file is not read because {what}. It may be damaged or altered. {fix_en}")
    }
}

fn tr(vi: bool, v: &str, e: &str) -> String {
    if vi { v } else { e }.to_string()
}

/// A score in half points as the message's language writes it: "9,5" or "9.5".
fn half_points_words(hp: u16, vi: bool) -> String {
    let s = Score(hp).to_string();
    if vi {
        s
    } else {
        s.replace(',', ".")
    }
}

/// The lowest and highest score of a scale, and the example of a score half a point below the
/// top ("9,5" on the scale 1–10), in the message's language.
fn scale_words(scale: Scale, vi: bool) -> (String, String, String) {
    (
        half_points_words(scale.min.0, vi),
        half_points_words(scale.max.0, vi),
        half_points_words(scale.max.0.saturating_sub(1).max(scale.min.0), vi),
    )
}

/// One finding, located.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub file: String,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    pub person: Option<String>,
    /// The person's name, when known: messages name people by code and name.
    pub person_name: Option<String>,
    pub detail: Detail,
}

impl Finding {
    pub fn code(&self) -> Code {
        self.detail.code()
    }
    pub fn severity(&self) -> Severity {
        self.detail.severity()
    }

    /// The message, opened by the person it is about (name and code) when there is one.
    pub fn message(&self, lang: Lang) -> String {
        self.message_about(lang, true)
    }

    /// The message opened by the person's name, and their code when `with_id` (the text report
    /// shows the code in the finding's place already).
    pub fn message_about(&self, lang: Lang, with_id: bool) -> String {
        let m = self.detail.message(lang);
        match (&self.person, &self.person_name) {
            (Some(id), Some(name)) if !name.is_empty() && !m.contains(name.as_str()) => {
                if with_id {
                    format!("{name} ({id}): {m}")
                } else {
                    format!("{name}: {m}")
                }
            }
            _ => m,
        }
    }
}

/// The serialised shape of a finding (SPEC §5).
#[derive(Debug, Serialize)]
pub struct FindingOut<'a> {
    pub severity: Severity,
    pub code: Code,
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    pub cell: Option<&'a str>,
    pub person: Option<&'a str>,
    pub message: String,
}

impl Finding {
    pub fn out(&self, lang: Lang) -> FindingOut<'_> {
        FindingOut {
            severity: self.severity(),
            code: self.code(),
            file: &self.file,
            sheet: self.sheet.as_deref(),
            cell: self.cell.as_deref(),
            person: self.person.as_deref(),
            message: self.message(lang),
        }
    }
}
