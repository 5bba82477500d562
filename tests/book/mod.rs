//! A small builder of unit workbooks (SPEC §3) for the trust tests: one leader on `Mẫu 03` and a
//! few members on `Mẫu 04`, everyone passing unless a test changes one cell. The builder knows
//! where it put every cell, so a test asks it for the A1 address a finding must point at.
//!
//! rust_xlsxwriter always stores a cached result with a formula; a cell that must hold a formula
//! *without* a value (as a workbook saved by a tool that does not calculate) is written as a
//! formula and its `<v>` element is then removed from the sheet XML with the zip crate.
//!
//! A test may also write any cell of `Danh sách` by its header ([`Person::cell`]), head a column
//! in other words ([`Unit::rename`]), leave one out ([`Unit::drop_column`]), add one
//! ([`Unit::add_column`]), merge cells down a column ([`Unit::merge`]), and add rows that name
//! nobody ([`Unit::add_row`]).
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Formula, Workbook, Worksheet};

// ------------------------------------------------------------------------------------ cells

/// A cell value as the clerk typed it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Blank,
    Text(String),
    Num(f64),
    /// A real Excel date: (day, month, year).
    Date(u32, u32, i32),
    /// A formula that the file holds with no cached value.
    NoValue(String),
    /// A formula with its cached numeric result.
    Formula(String, f64),
}

/// Text typed into a cell.
pub fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// A real date (day, month, year).
pub fn date(d: u32, m: u32, y: i32) -> Cell {
    Cell::Date(d, m, y)
}

/// A formula without a cached value.
pub fn no_value(formula: &str) -> Cell {
    Cell::NoValue(formula.to_string())
}

// ------------------------------------------------------------------------------------ columns

pub const KY_LUAT: &str = "Kỷ luật";
pub const THANH_TRA: &str = "Thanh tra, kiểm tra";
pub const KIEM_DIEM: &str = "Kiểm điểm";
pub const SO_NGAY_NGHI: &str = "Số ngày nghỉ";
pub const NGHI_TU: &str = "Nghỉ từ ngày";
pub const NGHI_DEN: &str = "Nghỉ đến ngày";
pub const BAT_DAU: &str = "Ngày bắt đầu";
pub const NGAY_THOI: &str = "Ngày thôi";
pub const DOI_TUONG: &str = "Đối tượng";
pub const GHI_CHU: &str = "Ghi chú";
pub const PHU_TRACH: &str = "Phụ trách";

/// The optional columns of `Danh sách`, in the order they are written.
const OPTIONAL: [&str; 10] = [
    KY_LUAT,
    THANH_TRA,
    KIEM_DIEM,
    SO_NGAY_NGHI,
    NGHI_TU,
    NGHI_DEN,
    BAT_DAU,
    NGAY_THOI,
    DOI_TUONG,
    GHI_CHU,
];

/// The decision columns every `Danh sách` of the builder has.
const ALWAYS: [&str; 3] = [KY_LUAT, THANH_TRA, SO_NGAY_NGHI];

/// The columns every `Danh sách` of the builder has before the months.
const FIXED: [&str; 8] = [
    "STT",
    "Mã CB",
    "Họ và tên",
    "Ngày sinh",
    "Chức vụ",
    "Bộ phận",
    PHU_TRACH,
    "Diện BTV quản lý",
];

pub const SHEET_LIST: &str = "Danh sách";
pub const SHEET_REWARD: &str = "Đề nghị khen thưởng";

/// Excel's column letters of a zero-based column.
pub fn col_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        letters.push((b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A1 address of a zero-based (row, column).
pub fn a1(row: usize, col: usize) -> String {
    format!("{}{}", col_letters(col), row + 1)
}

// ------------------------------------------------------------------------------------ people

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    M03,
    M04,
}

impl Form {
    pub fn sheet(self) -> &'static str {
        match self {
            Form::M03 => "Mẫu 03",
            Form::M04 => "Mẫu 04",
        }
    }
    pub fn items(self) -> usize {
        match self {
            Form::M03 => 45,
            Form::M04 => 30,
        }
    }
    /// The default catalogue's mandatory contents: 1–30 (mẫu 03), 1–20 (mẫu 04).
    pub fn mandatory(self) -> usize {
        match self {
            Form::M03 => 30,
            Form::M04 => 20,
        }
    }
}

/// How `Tổng điểm` is written.
#[derive(Clone, Debug, PartialEq)]
pub enum Total {
    /// `=SUM(..)` with the value Excel would cache: the numbers only (text is left out).
    Sum,
    Blank,
}

const NAMES: [&str; 24] = [
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
    "Võ Minh Khang",
    "Trịnh Thu Trang",
];

pub const PART_LEAD: &str = "Lãnh đạo";
pub const PART_GENERAL: &str = "Bộ phận Tổng hợp";

#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub birth: Cell,
    pub title: String,
    pub part: String,
    /// `Phụ trách` as typed (`;`-separated), empty = the whole unit.
    pub in_charge: String,
    pub btv: bool,
    pub months: [Cell; 3],
    /// Values of the optional columns (see [`OPTIONAL`]).
    pub cols: Vec<(&'static str, Cell)>,
    /// The score sheet the person is on.
    pub form: Option<Form>,
    pub scores: Vec<Cell>,
    pub total: Total,
    /// Cells of `Danh sách` by header (any column: `Mã CB`, `Bộ phận`, `Tháng 1`, an extra
    /// column…), written instead of the usual value.
    pub cells: Vec<(String, Cell)>,
    /// A row of `Danh sách` holding only its `STT` and [`Person::cells`] (see [`Unit::add_row`]).
    pub bare: bool,
}

impl Person {
    /// A passing staff member on mẫu 04: months HTXSNV/HTTNV/HTTNV, every content 10.
    pub fn staff(id: &str, name: &str, birth: Cell) -> Person {
        Person {
            id: id.to_string(),
            name: name.to_string(),
            birth,
            title: "Chuyên viên".to_string(),
            part: PART_GENERAL.to_string(),
            in_charge: String::new(),
            btv: false,
            months: [t("HTXSNV"), t("HTTNV"), t("HTTNV")],
            cols: Vec::new(),
            form: Some(Form::M04),
            scores: vec![Cell::Num(10.0); 30],
            total: Total::Sum,
            cells: Vec::new(),
            bare: false,
        }
    }

    /// A passing mẫu 03 leader ("Diện BTV quản lý" x) in charge of the whole unit.
    pub fn leader(id: &str, name: &str, birth: Cell) -> Person {
        Person {
            title: "Trưởng phòng".to_string(),
            part: PART_LEAD.to_string(),
            btv: true,
            form: Some(Form::M03),
            scores: vec![Cell::Num(10.0); 45],
            ..Person::staff(id, name, birth)
        }
    }

    /// Sets an optional column of `Danh sách` (`Kỷ luật`, `Số ngày nghỉ`, …).
    pub fn set(&mut self, column: &'static str, value: Cell) -> &mut Person {
        assert!(OPTIONAL.contains(&column), "{column} is no optional column");
        self.cols.retain(|(c, _)| *c != column);
        self.cols.push((column, value));
        self
    }

    /// Sets an optional column to a text.
    pub fn text(&mut self, column: &'static str, value: &str) -> &mut Person {
        self.set(column, t(value))
    }

    /// The value of an optional column (blank when unset).
    pub fn get(&self, column: &str) -> Cell {
        self.cols
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(Cell::Blank, |(_, v)| v.clone())
    }

    /// Sets the three months.
    pub fn months(&mut self, months: [&str; 3]) -> &mut Person {
        self.months = months.map(|m| if m.is_empty() { Cell::Blank } else { t(m) });
        self
    }

    /// Sets month `i` (0, 1, 2 of the quarter).
    pub fn month(&mut self, i: usize, value: Cell) -> &mut Person {
        self.months[i] = value;
        self
    }

    /// Sets content `k` (1-based).
    pub fn score(&mut self, k: usize, value: Cell) -> &mut Person {
        self.scores[k - 1] = value;
        self
    }

    /// Sets every content.
    pub fn all_scores(&mut self, x: f64) -> &mut Person {
        self.scores.iter_mut().for_each(|s| *s = Cell::Num(x));
        self
    }

    /// Writes `value` in the person's cell under `header` of `Danh sách` (any column), instead
    /// of the usual value.
    pub fn cell(&mut self, header: &str, value: Cell) -> &mut Person {
        self.cells.retain(|(h, _)| h != header);
        self.cells.push((header.to_string(), value));
        self
    }

    /// Makes the person a passing mẫu 03 leader ("Diện BTV quản lý" x) in charge of
    /// `in_charge` (`;`-separated `Bộ phận` values, empty = the whole unit).
    pub fn lead(&mut self, in_charge: &str) -> &mut Person {
        self.title = "Phó Trưởng phòng".to_string();
        self.part = PART_LEAD.to_string();
        self.in_charge = in_charge.to_string();
        self.btv = true;
        self.form = Some(Form::M03);
        self.scores = vec![Cell::Num(10.0); 45];
        self
    }

    /// Takes the person off every score sheet.
    pub fn unscored(&mut self) -> &mut Person {
        self.form = None;
        self.scores.clear();
        self
    }
}

// ------------------------------------------------------------------------------------ the unit

/// One proposal row of `Đề nghị khen thưởng`.
#[derive(Clone, Debug)]
pub struct Proposal {
    pub id: String,
    pub name: String,
    pub priority: u32,
}

#[derive(Clone, Debug)]
pub struct Unit {
    pub name: Cell,
    pub code: Cell,
    pub bloc: Cell,
    pub year: i32,
    /// 1..=4.
    pub q: u32,
    /// `Quý` as typed; `None` = "I/2024" style from `year` and `q`.
    pub quarter_text: Option<Cell>,
    /// `None` = the number of people listed.
    pub headcount: Option<Cell>,
    pub sent: Cell,
    pub people: Vec<Person>,
    /// Optional columns written even when nobody has a value in them.
    pub columns: Vec<&'static str>,
    /// A `Bắt buộc` row on a score sheet, marking these contents (1-based) with `x`.
    pub mandatory_rows: Vec<(Form, Vec<usize>)>,
    pub proposals: Option<Vec<Proposal>>,
    /// A hidden, stale copy of `Danh sách` named `Danh sach`, written before the real one.
    pub stale_list: Option<Vec<Person>>,
    /// Headers of `Danh sách` written in other words: (usual header, header written).
    pub renamed: Vec<(String, String)>,
    /// Columns of `Danh sách` left out (`Kỷ luật`, `Số ngày nghỉ`…).
    pub dropped: Vec<String>,
    /// Further columns of `Danh sách`, written last, with these headers (values: [`Person::cell`]).
    pub extra_columns: Vec<String>,
    /// Cells of `Danh sách` merged down a column.
    pub merges: Vec<Merge>,
}

/// Cells of one column of `Danh sách` merged over the rows of `first`…`last` (Mã CB), holding
/// `text` (in the first cell, as Excel keeps it).
#[derive(Clone, Debug)]
pub struct Merge {
    pub header: String,
    pub first: String,
    pub last: String,
    pub text: String,
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

impl Unit {
    /// Unit `code` of quarter I/2024: `{code}01` a mẫu 03 leader of the whole unit, then
    /// `members` passing staff `{code}02`… on mẫu 04. Names start at `NAMES[first_name]`.
    pub fn new(code: &str, members: usize) -> Unit {
        Unit::with_names(code, members, 0)
    }

    /// As [`Unit::new`], with the names starting further down the list (two units with
    /// different people).
    pub fn with_names(code: &str, members: usize, first_name: usize) -> Unit {
        let mut people = vec![Person::leader(
            &format!("{code}01"),
            NAMES[first_name % NAMES.len()],
            birth(code, 1),
        )];
        for n in 2..=members + 1 {
            people.push(Person::staff(
                &format!("{code}{n:02}"),
                NAMES[(first_name + n - 1) % NAMES.len()],
                birth(code, n),
            ));
        }
        Unit {
            name: t("Phòng Thử nghiệm"),
            code: t(code),
            bloc: t("Chính quyền"),
            year: 2024,
            q: 1,
            quarter_text: None,
            headcount: None,
            sent: Cell::Blank,
            people,
            columns: vec![KY_LUAT, THANH_TRA],
            mandatory_rows: Vec::new(),
            proposals: None,
            stale_list: None,
            renamed: Vec::new(),
            dropped: Vec::new(),
            extra_columns: Vec::new(),
            merges: Vec::new(),
        }
    }

    /// The quarter of the unit (month headers follow).
    pub fn quarter(&mut self, year: i32, q: u32) -> &mut Unit {
        self.year = year;
        self.q = q;
        self
    }

    pub fn person(&mut self, id: &str) -> &mut Person {
        self.people
            .iter_mut()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no person {id}"))
    }

    pub fn get(&self, id: &str) -> &Person {
        self.people
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no person {id}"))
    }

    /// Adds a passing staff member `{code}{n}` after the others and returns them.
    pub fn add_staff(&mut self, id: &str, name: &str, birth: Cell) -> &mut Person {
        self.people.push(Person::staff(id, name, birth));
        self.people.last_mut().expect("just pushed")
    }

    /// Adds a row of `Danh sách` after the others holding only its `STT`, known to the builder
    /// as `key` (not written: fill it with [`Person::cell`]); on no score sheet.
    pub fn add_row(&mut self, key: &str) -> &mut Person {
        let mut p = Person::staff(key, "", Cell::Blank);
        p.bare = true;
        p.unscored();
        self.people.push(p);
        self.people.last_mut().expect("just pushed")
    }

    /// Writes the header of column `header` of `Danh sách` as `written`.
    pub fn rename(&mut self, header: &str, written: &str) -> &mut Unit {
        self.renamed.retain(|(h, _)| h != header);
        self.renamed.push((header.to_string(), written.to_string()));
        self
    }

    /// Leaves column `header` out of `Danh sách`.
    pub fn drop_column(&mut self, header: &str) -> &mut Unit {
        self.dropped.push(header.to_string());
        self
    }

    /// Adds a column headed `header` after the others of `Danh sách`.
    pub fn add_column(&mut self, header: &str) -> &mut Unit {
        self.extra_columns.push(header.to_string());
        self
    }

    /// Merges the cells of column `header` from `first`'s row to `last`'s, holding `text`.
    pub fn merge(&mut self, header: &str, first: &str, last: &str, text: &str) -> &mut Unit {
        self.merges.push(Merge {
            header: header.to_string(),
            first: first.to_string(),
            last: last.to_string(),
            text: text.to_string(),
        });
        self
    }

    /// Proposes people for the reward: (Mã CB, Họ và tên, Thứ tự ưu tiên).
    pub fn propose(&mut self, rows: &[(&str, &str, u32)]) -> &mut Unit {
        self.proposals = Some(
            rows.iter()
                .map(|(id, name, priority)| Proposal {
                    id: id.to_string(),
                    name: name.to_string(),
                    priority: *priority,
                })
                .collect(),
        );
        self
    }

    /// The months of the quarter.
    pub fn month_numbers(&self) -> [u32; 3] {
        let first = 3 * self.q - 2;
        [first, first + 1, first + 2]
    }

    /// The optional columns of `Danh sách`, in sheet order.
    fn optional_columns(&self) -> Vec<&'static str> {
        OPTIONAL
            .iter()
            .copied()
            .filter(|c| {
                // The columns a decision rests on are in every list (SPEC §2: a missing one is
                // never read as "no"); the others only where a test uses them.
                ALWAYS.contains(c)
                    || self.columns.contains(c)
                    || self
                        .people
                        .iter()
                        .chain(self.stale_list.iter().flatten())
                        .any(|p| p.cols.iter().any(|(pc, _)| pc == c))
            })
            .collect()
    }

    /// Every header of `Danh sách` (as the builder knows it, before [`Unit::rename`]), in sheet
    /// order.
    fn list_headers(&self) -> Vec<String> {
        let mut h: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
        h.extend(self.month_numbers().iter().map(|m| format!("Tháng {m}")));
        h.extend(self.optional_columns().iter().map(|s| s.to_string()));
        h.extend(self.extra_columns.iter().cloned());
        h.retain(|c| !self.dropped.contains(c));
        h
    }

    /// The header written for column `header`.
    fn written_header(&self, header: &str) -> String {
        self.renamed
            .iter()
            .find(|(h, _)| h == header)
            .map_or_else(|| header.to_string(), |(_, w)| w.clone())
    }

    /// The value of person `p` (row `index`, 0-based) under `header` in `Danh sách`.
    fn list_value(&self, p: &Person, index: usize, header: &str) -> Cell {
        if let Some((_, v)) = p.cells.iter().find(|(h, _)| h == header) {
            return v.clone();
        }
        if header == "STT" {
            return Cell::Num((index + 1) as f64);
        }
        if p.bare {
            return Cell::Blank;
        }
        if let Some(i) = self
            .month_numbers()
            .iter()
            .position(|m| format!("Tháng {m}") == header)
        {
            return p.months[i].clone();
        }
        match header {
            "Mã CB" => t(&p.id),
            "Họ và tên" => t(&p.name),
            "Ngày sinh" => p.birth.clone(),
            "Chức vụ" => t(&p.title),
            "Bộ phận" => t(&p.part),
            PHU_TRACH => t(&p.in_charge),
            "Diện BTV quản lý" if p.btv => t("x"),
            _ => p.get(header),
        }
    }

    /// The distinct `Mã CB` written in `Danh sách`.
    fn listed(&self) -> usize {
        let mut ids: Vec<String> = self
            .people
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match self.list_value(p, i, "Mã CB") {
                Cell::Text(s) if !s.trim().is_empty() => Some(s),
                _ => None,
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids.len()
    }

    fn list_row(&self, id: &str) -> usize {
        1 + self
            .people
            .iter()
            .position(|p| p.id == id)
            .unwrap_or_else(|| panic!("no person {id}"))
    }

    /// The A1 cell of `id`'s value under `header` in `Danh sách` (`Mã CB`, `Phụ trách`,
    /// `Kỷ luật`, `Tháng 2`, …).
    pub fn list_cell(&self, id: &str, header: &str) -> String {
        a1(self.list_row(id), self.list_col(header))
    }

    /// The zero-based column of `header` in `Danh sách`.
    fn list_col(&self, header: &str) -> usize {
        self.list_headers()
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| panic!("no column {header} in Danh sách"))
    }

    /// The A1 cell of `id`'s month `i` (0, 1, 2 of the quarter).
    pub fn month_cell(&self, id: &str, i: usize) -> String {
        self.list_cell(id, &format!("Tháng {}", self.month_numbers()[i]))
    }

    fn form_first_row(&self, form: Form) -> usize {
        1 + usize::from(self.mandatory_rows.iter().any(|(f, _)| *f == form))
    }

    /// The A1 cell of `id`'s content `item` on their score sheet.
    pub fn score_cell(&self, id: &str, item: usize) -> String {
        let p = self.get(id);
        let form = p.form.expect("the person is on a score sheet");
        let index = self
            .people
            .iter()
            .filter(|q| q.form == Some(form))
            .position(|q| q.id == id)
            .expect("on the sheet");
        a1(self.form_first_row(form) + index, 2 + item)
    }

    /// The A1 cell of the `Mã CB` of proposal `index` (0-based) in `Đề nghị khen thưởng`.
    pub fn proposal_cell(&self, index: usize) -> String {
        a1(1 + index, 1)
    }

    // -------------------------------------------------------------------------------- writing

    /// The workbook as `.xlsx` bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut wb = Workbook::new();
        let mut w = Writer {
            no_value: Vec::new(),
            sheet: 0,
            date: Format::new().set_num_format("dd/mm/yyyy"),
        };
        w.sheet += 1;
        self.write_info(&mut w, wb.add_worksheet());
        if let Some(stale) = &self.stale_list {
            w.sheet += 1;
            let ws = wb.add_worksheet();
            ws.set_name("Danh sach").expect("sheet name");
            ws.set_hidden(true);
            self.write_list(&mut w, ws, stale);
        }
        w.sheet += 1;
        let ws = wb.add_worksheet();
        ws.set_name(SHEET_LIST).expect("sheet name");
        self.write_list(&mut w, ws, &self.people);
        self.write_merges(ws);
        for form in [Form::M03, Form::M04] {
            let used = self.people.iter().any(|p| p.form == Some(form))
                || self.mandatory_rows.iter().any(|(f, _)| *f == form);
            if used {
                w.sheet += 1;
                self.write_form(&mut w, wb.add_worksheet(), form);
            }
        }
        if let Some(rows) = &self.proposals {
            w.sheet += 1;
            let ws = wb.add_worksheet();
            ws.set_name(SHEET_REWARD).expect("sheet name");
            for (c, h) in ["STT", "Mã CB", "Họ và tên", "Thứ tự ưu tiên"]
                .iter()
                .enumerate()
            {
                ws.write_string(0, c as u16, *h).expect("write");
            }
            for (i, p) in rows.iter().enumerate() {
                let r = 1 + i as u32;
                ws.write_number(r, 0, (i + 1) as f64).expect("write");
                ws.write_string(r, 1, &p.id).expect("write");
                ws.write_string(r, 2, &p.name).expect("write");
                ws.write_number(r, 3, f64::from(p.priority)).expect("write");
            }
        }
        let bytes = wb.save_to_buffer().expect("the workbook is written");
        strip_cached_values(&bytes, &w.no_value)
    }

    /// Saves the workbook as `dir/file` and returns its path.
    pub fn save(&self, dir: &Path, file: &str) -> PathBuf {
        let path = dir.join(file);
        std::fs::write(&path, self.bytes()).expect("the workbook is saved");
        path
    }

    fn write_info(&self, w: &mut Writer, ws: &mut Worksheet) {
        ws.set_name("Thông tin").expect("sheet name");
        let quarter = self
            .quarter_text
            .clone()
            .unwrap_or_else(|| t(&format!("{}/{}", ROMAN[self.q as usize - 1], self.year)));
        let headcount = self
            .headcount
            .clone()
            .unwrap_or(Cell::Num(self.listed() as f64));
        let rows = [
            ("Đơn vị", &self.name),
            ("Mã đơn vị", &self.code),
            ("Khối", &self.bloc),
            ("Quý", &quarter),
            ("Tổng số CBCCVC, NLĐ", &headcount),
            ("Ngày gửi", &self.sent),
        ];
        for (r, (label, value)) in rows.iter().enumerate() {
            ws.write_string(r as u32, 0, *label).expect("write");
            w.put(ws, r, 1, value);
        }
    }

    fn write_list(&self, w: &mut Writer, ws: &mut Worksheet, people: &[Person]) {
        let headers = self.list_headers();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, self.written_header(h))
                .expect("write");
        }
        // Merged regions belong to the real list only (not to a stale copy).
        let merged = if std::ptr::eq(people, self.people.as_slice()) {
            self.merged_cells()
        } else {
            Vec::new()
        };
        for (i, p) in people.iter().enumerate() {
            let r = 1 + i;
            for (c, h) in headers.iter().enumerate() {
                if !merged.contains(&(r, c)) {
                    w.put(ws, r, c, &self.list_value(p, i, h));
                }
            }
        }
    }

    /// (row, column) of the cells of `Danh sách` inside a merged region, but its first.
    fn merged_cells(&self) -> Vec<(usize, usize)> {
        let mut cells = Vec::new();
        for m in &self.merges {
            let col = self.list_col(&m.header);
            for r in self.list_row(&m.first) + 1..=self.list_row(&m.last) {
                cells.push((r, col));
            }
        }
        cells
    }

    fn write_merges(&self, ws: &mut Worksheet) {
        let format = Format::new().set_align(FormatAlign::VerticalCenter);
        for m in &self.merges {
            let col = self.list_col(&m.header) as u16;
            let (first, last) = (self.list_row(&m.first), self.list_row(&m.last));
            ws.merge_range(first as u32, col, last as u32, col, &m.text, &format)
                .expect("merged cells");
        }
    }

    fn write_form(&self, w: &mut Writer, ws: &mut Worksheet, form: Form) {
        ws.set_name(form.sheet()).expect("sheet name");
        let items = form.items();
        let total_col = 3 + items;
        for (c, h) in ["STT", "Mã CB", "Họ và tên"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).expect("write");
        }
        for k in 1..=items {
            ws.write_number(0, (2 + k) as u16, k as f64).expect("write");
        }
        ws.write_string(0, total_col as u16, "Tổng điểm")
            .expect("write");
        if let Some((_, marked)) = self.mandatory_rows.iter().find(|(f, _)| *f == form) {
            ws.write_string(1, 2, "Bắt buộc").expect("write");
            for k in marked {
                ws.write_string(1, (2 + k) as u16, "x").expect("write");
            }
        }
        let first = self.form_first_row(form);
        for (i, p) in self
            .people
            .iter()
            .filter(|p| p.form == Some(form))
            .enumerate()
        {
            let r = first + i;
            w.put(ws, r, 0, &Cell::Num((i + 1) as f64));
            w.put(ws, r, 1, &t(&p.id));
            w.put(ws, r, 2, &t(&p.name));
            for (k, s) in p.scores.iter().enumerate() {
                w.put(ws, r, 3 + k, s);
            }
            if p.total == Total::Sum {
                // Excel's SUM leaves text out, even text that reads as a number.
                let cached: f64 = p
                    .scores
                    .iter()
                    .map(|s| match s {
                        Cell::Num(x) | Cell::Formula(_, x) => *x,
                        _ => 0.0,
                    })
                    .sum();
                let f = format!("SUM({}:{})", a1(r, 3), a1(r, 2 + p.scores.len().max(1)));
                w.put(ws, r, total_col, &Cell::Formula(f, cached));
            }
        }
    }
}

/// Birth dates distinct across people of a unit and across units of different codes.
fn birth(code: &str, n: usize) -> Cell {
    let salt: u32 = code.bytes().map(u32::from).sum();
    date(1 + n as u32 % 28, 1 + salt % 12, 1970 + n as i32)
}

struct Writer {
    /// (sheet number, A1) of the formulas whose cached value must go.
    no_value: Vec<(usize, String)>,
    sheet: usize,
    date: Format,
}

impl Writer {
    fn put(&mut self, ws: &mut Worksheet, row: usize, col: usize, v: &Cell) {
        let (r, c) = (row as u32, col as u16);
        match v {
            Cell::Blank => {}
            Cell::Text(s) => {
                ws.write_string(r, c, s).expect("write");
            }
            Cell::Num(x) => {
                ws.write_number(r, c, *x).expect("write");
            }
            Cell::Date(d, m, y) => {
                let dt = ExcelDateTime::from_ymd(*y as u16, *m as u8, *d as u8).expect("a date");
                ws.write_datetime_with_format(r, c, &dt, &self.date)
                    .expect("write");
            }
            Cell::Formula(f, x) => {
                ws.write_formula(r, c, Formula::new(f).set_result(x.to_string()))
                    .expect("write");
            }
            Cell::NoValue(f) => {
                ws.write_formula(r, c, Formula::new(f)).expect("write");
                self.no_value.push((self.sheet, a1(row, col)));
            }
        }
    }
}

/// Removes the cached result (`<v>…</v>`) of the formula cells `(sheet number, A1)`.
pub fn strip_cached_values(xlsx: &[u8], cells: &[(usize, String)]) -> Vec<u8> {
    if cells.is_empty() {
        return xlsx.to_vec();
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("rust_xlsxwriter wrote a zip");
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("a zip entry");
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("a zip entry is read");
        parts.push((f.name().expect("an entry name").to_string(), data));
    }
    for (sheet, cell) in cells {
        let part = format!("xl/worksheets/sheet{sheet}.xml");
        let (_, data) = parts
            .iter_mut()
            .find(|(name, _)| *name == part)
            .unwrap_or_else(|| panic!("no {part}"));
        let xml = String::from_utf8(std::mem::take(data)).expect("UTF-8 XML");
        let start = xml
            .find(&format!("<c r=\"{cell}\""))
            .unwrap_or_else(|| panic!("no cell {cell} in {part}"));
        let end = start + xml[start..].find("</c>").expect("a closed cell");
        let element = &xml[start..end];
        assert!(element.contains("<f>"), "{cell} holds no formula");
        let element = match (element.find("<v>"), element.find("</v>")) {
            (Some(v0), Some(v1)) => {
                format!("{}{}", &element[..v0], &element[v1 + "</v>".len()..])
            }
            _ => element.to_string(),
        }
        .replace(" t=\"str\"", "");
        *data = format!("{}{}{}", &xml[..start], element, &xml[end..]).into_bytes();
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        out.start_file(name, options).expect("a zip entry");
        out.write_all(&data).expect("a zip entry is written");
    }
    out.finish().expect("the zip is finished").into_inner()
}
