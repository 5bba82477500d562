//! Generates `fixtures/mau-07/`: mẫu 07 workbooks typed by hand, the way bloc offices send them
//! to Ban Tổ chức for `danhgia merge`, and `fixtures/mau-07/README.md` saying what `merge` must
//! report for each.
//!
//! ```text
//! cargo run --example make-mau07-fixtures            # writes into ./fixtures/mau-07
//! cargo run --example make-mau07-fixtures -- OUTDIR
//! ```
//!
//! Four files show one layout each (a header on two rows; group rows; subtotal and total rows
//! with one wrong total; no list of people đạt). `song-sinh/` holds hand-typed twins of the three
//! mẫu 07 that `danhgia run examples/2024-Q1` writes: the same units, numbers and people đạt,
//! computed here with the library from the demo quarter, in other layouts (title lines, headers
//! in other words and on two rows, group rows, total rows, numbers typed as text, a missing
//! `Số không đánh giá` column). Only the data of the demo and `std`/`rust_xlsxwriter` are used;
//! the output is deterministic (fixed document properties, no clock, no randomness).

use danhgia::district::{district_summary, BlocSummary, DatPerson, UnitLine};
use danhgia::model::Bloc;
use danhgia::profile::Profile;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/// A cell as a clerk types it.
#[derive(Clone)]
enum V {
    /// A number.
    N(f64),
    /// Text (numbers typed as text too: " 12 ", "41,7%").
    T(String),
    Blank,
}

fn n(x: u32) -> V {
    V::N(f64::from(x))
}

fn t(s: &str) -> V {
    V::T(s.to_string())
}

fn put(ws: &mut Worksheet, row: u32, col: u16, v: &V) {
    match v {
        V::N(x) => ws.write_number(row, col, *x).map(|_| ()),
        V::T(s) => ws.write_string(row, col, s).map(|_| ()),
        V::Blank => Ok(()),
    }
    .expect("a cell is written");
}

fn put_row(ws: &mut Worksheet, row: u32, cells: &[V]) {
    for (c, v) in cells.iter().enumerate() {
        put(ws, row, c as u16, v);
    }
}

/// Text merged across columns `first..=last` of one row (a title line, a merged heading).
fn merged(ws: &mut Worksheet, (r0, c0, r1, c1): (u32, u16, u32, u16), text: &str) {
    let f = Format::new();
    if (r0, c0) == (r1, c1) {
        ws.write_string(r0, c0, text).expect("a cell");
    } else {
        ws.merge_range(r0, c0, r1, c1, text, &f)
            .expect("a merged range");
    }
}

fn book() -> Workbook {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_author("make-mau07-fixtures")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 3, 30).expect("a valid date")),
    );
    wb
}

fn save(wb: &mut Workbook, path: &Path) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    wb.save(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// "41,7%": a rate as a clerk types it.
fn rate_text(dat: u32, evaluated: u32) -> String {
    if evaluated == 0 {
        return "0%".into();
    }
    let tenths = (u64::from(dat) * 1000 + u64::from(evaluated) / 2) / u64::from(evaluated);
    format!("{},{}%", tenths / 10, tenths % 10)
}

// ---------------------------------------------------------------------------------------------
// Units and people of the four layout fixtures
// ---------------------------------------------------------------------------------------------

fn unit(name: &str, [people, not_evaluated, evaluated, dat, khong_dat]: [u32; 5]) -> UnitLine {
    assert_eq!(evaluated + not_evaluated, people, "{name}");
    assert_eq!(dat + khong_dat, evaluated, "{name}");
    UnitLine {
        name: name.to_string(),
        people,
        not_evaluated,
        evaluated,
        dat,
        khong_dat,
        loi: 0,
        note: String::new(),
    }
}

const SURNAMES: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"];
const GIVEN: [&str; 24] = [
    "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Linh",
    "Long", "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến",
];

/// The people đạt of some units, `dat` of each: the head first (a mẫu 03 total), then staff.
fn people_of(units: &[UnitLine], head: &str, staff: &str, seed: usize) -> Vec<DatPerson> {
    let mut out = Vec::new();
    for u in units {
        for k in 0..u.dat as usize {
            let i = seed + out.len();
            let name = format!(
                "{} {} {}",
                SURNAMES[i % 10],
                MIDDLE[(i / 10) % 8],
                GIVEN[(i * 7 + 3) % 24]
            );
            let (title, half_points) = if k == 0 {
                (head, 872 + (i as u32 * 3) % 28)
            } else {
                (staff, 560 + (i as u32 * 5) % 40)
            };
            out.push(DatPerson {
                name,
                title: title.to_string(),
                unit: u.name.clone(),
                total: Some(danhgia::model::Total(half_points)),
            });
        }
    }
    out
}

fn total_value(p: &DatPerson) -> V {
    p.total.map_or(V::Blank, |t| V::N(f64::from(t.0) / 2.0))
}

/// Columns wide enough to read a printed copy (numbers, then a long unit or person name), one
/// page wide, as an office would print it.
fn readable(ws: &mut rust_xlsxwriter::Worksheet) {
    for c in 0..12u16 {
        ws.set_column_width(c, if c == 1 { 30 } else { 13 })
            .expect("a column width");
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
}

/// A list of people đạt on a sheet of its own, in the columns given.
fn list_sheet(wb: &mut Workbook, name: &str, title: &str, cols: &[&str], people: &[DatPerson]) {
    let ws = wb.add_worksheet();
    readable(ws);
    ws.set_name(name).expect("a sheet name");
    ws.write_string(0, 0, title).expect("a title");
    put_row(ws, 2, &cols.iter().map(|c| t(c)).collect::<Vec<_>>());
    for (i, p) in people.iter().enumerate() {
        let cells: Vec<V> = cols
            .iter()
            .map(|c| match *c {
                "STT" | "TT" => n(i as u32 + 1),
                "Họ và tên" => t(&p.name),
                "Chức vụ" => t(&p.title),
                "Đơn vị" => t(&p.unit),
                "Tổng điểm" => total_value(p),
                _ => V::Blank,
            })
            .collect();
        put_row(ws, 3 + i as u32, &cells);
    }
}

fn sums(units: &[UnitLine]) -> [u32; 5] {
    let mut s = [0u32; 5];
    for u in units {
        for (i, x) in [u.people, u.not_evaluated, u.evaluated, u.dat, u.khong_dat]
            .into_iter()
            .enumerate()
        {
            s[i] += x;
        }
    }
    s
}

fn counts(u: &UnitLine) -> [u32; 5] {
    [u.people, u.not_evaluated, u.evaluated, u.dat, u.khong_dat]
}

/// What a fixture must give: its bloc, its units, the findings (code and cell) of `merge`, the
/// exit code when merged alone, and how many people the district list holds.
struct Entry {
    file: String,
    layout: String,
    bloc: &'static str,
    units: Vec<UnitLine>,
    findings: Vec<String>,
    exit: u8,
    listed: usize,
}

// ---------------------------------------------------------------------------------------------
// The four layouts
// ---------------------------------------------------------------------------------------------

/// Title lines, a header on two rows ("Kết quả" over "Số đạt | Số không đạt | Tỷ lệ"), a total
/// row, the list of people đạt in columns of its own order.
fn two_row_header(out: &Path) -> Entry {
    let units = vec![
        unit("Phòng Y tế", [12, 0, 12, 5, 7]),
        unit("Phòng Tư pháp", [8, 1, 7, 3, 4]),
        unit("UBND phường Phúc Lợi", [25, 2, 23, 9, 14]),
    ];
    let people = people_of(&units, "Trưởng phòng", "Chuyên viên", 0);
    let mut wb = book();
    let ws = wb.add_worksheet();
    readable(ws);
    ws.set_name("Mẫu 07").expect("a sheet name");
    ws.write_string(0, 0, "PHÒNG NỘI VỤ").expect("a cell");
    merged(
        ws,
        (1, 0, 1, 8),
        "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ",
    );
    merged(ws, (2, 0, 2, 8), "KHỐI CHÍNH QUYỀN");
    merged(ws, (3, 0, 3, 8), "QUÝ I NĂM 2024");
    for (c, h) in [
        (0u16, "STT"),
        (1, "Đơn vị"),
        (2, "Tổng số CBCCVC, NLĐ"),
        (3, "Số không đánh giá"),
        (4, "Số được đánh giá"),
        (8, "Ghi chú"),
    ] {
        merged(ws, (5, c, 6, c), h);
    }
    merged(ws, (5, 5, 5, 7), "Kết quả");
    put_row(
        ws,
        6,
        &[
            V::Blank,
            V::Blank,
            V::Blank,
            V::Blank,
            V::Blank,
            t("Số đạt"),
            t("Số không đạt"),
            t("Tỷ lệ"),
        ],
    );
    for (i, u) in units.iter().enumerate() {
        let [p, ne, e, d, k] = counts(u);
        put_row(
            ws,
            7 + i as u32,
            &[
                n(i as u32 + 1),
                t(&u.name),
                n(p),
                n(ne),
                n(e),
                n(d),
                n(k),
                t(&rate_text(d, e)),
            ],
        );
    }
    let [p, ne, e, d, k] = sums(&units);
    merged(ws, (10, 0, 10, 1), "Tổng cộng");
    put_row(
        ws,
        10,
        &[
            V::Blank,
            V::Blank,
            n(p),
            n(ne),
            n(e),
            n(d),
            n(k),
            t(&rate_text(d, e)),
        ],
    );
    ws.write_string(12, 5, "Long Biên, ngày 30 tháng 3 năm 2024")
        .expect("a cell");
    ws.write_string(13, 0, "NGƯỜI LẬP BIỂU").expect("a cell");
    ws.write_string(13, 5, "TRƯỞNG PHÒNG").expect("a cell");
    list_sheet(
        &mut wb,
        "Danh sách đạt",
        "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP QUÝ I NĂM 2024 - KHỐI CHÍNH QUYỀN",
        &["TT", "Họ và tên", "Đơn vị", "Chức vụ", "Tổng điểm"],
        &people,
    );
    save(&mut wb, &out.join("tieu-de-hai-dong.xlsx"));
    Entry {
        file: "tieu-de-hai-dong.xlsx".into(),
        layout: "Title lines \"PHÒNG NỘI VỤ\", \"TỔNG HỢP KẾT QUẢ …\", \"KHỐI CHÍNH QUYỀN\", \"QUÝ I NĂM 2024\" (merged across); the header on rows 6–7: `STT`, `Đơn vị`, `Tổng số CBCCVC, NLĐ`, `Số không đánh giá`, `Số được đánh giá`, `Ghi chú` merged down both rows, \"Kết quả\" merged over `Số đạt | Số không đạt | Tỷ lệ` (F6:H6); the rates typed as text (\"41,7%\"); a correct \"Tổng cộng\" row (A11:B11); a date line and a signature below. Sheet `Danh sách đạt`: `TT | Họ và tên | Đơn vị | Chức vụ | Tổng điểm`, every person đạt.".into(),
        bloc: "Chính quyền",
        listed: people.len(),
        units,
        findings: vec![],
        exit: 0,
    }
}

/// Group rows ("I | Khối Mầm non") between the units, one of them with the sum of its units.
fn group_rows(out: &Path) -> Entry {
    let groups: [(&str, Vec<UnitLine>); 3] = [
        (
            "Khối Mầm non",
            vec![
                unit("Trường Mầm non Hoa Mai", [30, 1, 29, 9, 20]),
                unit("Trường Mầm non Sơn Ca", [26, 0, 26, 8, 18]),
            ],
        ),
        (
            "Khối Tiểu học",
            vec![
                unit("Trường Tiểu học Đoàn Kết", [38, 2, 36, 12, 24]),
                unit("Trường Tiểu học Thạch Bàn", [32, 0, 32, 10, 22]),
            ],
        ),
        (
            "Khối Trung học cơ sở",
            vec![unit("Trường THCS Gia Thụy", [40, 0, 40, 13, 27])],
        ),
    ];
    let units: Vec<UnitLine> = groups.iter().flat_map(|(_, u)| u.clone()).collect();
    let people = people_of(&units, "Hiệu trưởng", "Giáo viên", 100);
    let mut wb = book();
    let ws = wb.add_worksheet();
    readable(ws);
    ws.set_name("Sheet1").expect("a sheet name");
    ws.write_string(0, 0, "KHỐI TRƯỜNG HỌC").expect("a cell");
    ws.write_string(1, 0, "Kết quả đánh giá sự chuyên nghiệp Quý I/2024")
        .expect("a cell");
    put_row(
        ws,
        3,
        &[
            "STT",
            "Đơn vị",
            "Tổng số CBCCVC, NLĐ",
            "Số không đánh giá",
            "Số được đánh giá",
            "Số đạt chuyên nghiệp",
            "Số không đạt",
            "Tỷ lệ (%)",
        ]
        .map(t),
    );
    let mut row = 4;
    let mut stt = 0;
    for (g, (label, members)) in groups.iter().enumerate() {
        let roman = ["I", "II", "III"][g];
        let mut cells = vec![t(roman), t(label)];
        if g == 1 {
            // The Tiểu học heading carries the sum of its schools.
            let [p, ne, e, d, k] = sums(members);
            cells.extend([n(p), n(ne), n(e), n(d), n(k)]);
        }
        put_row(ws, row, &cells);
        row += 1;
        for u in members {
            stt += 1;
            let [p, ne, e, d, k] = counts(u);
            put_row(
                ws,
                row,
                &[
                    n(stt),
                    t(&u.name),
                    n(p),
                    n(ne),
                    n(e),
                    n(d),
                    n(k),
                    V::N(f64::from(d) / f64::from(e) * 100.0),
                ],
            );
            row += 1;
        }
    }
    list_sheet(
        &mut wb,
        "Danh sách đạt",
        "DANH SÁCH ĐẠT CHUYÊN NGHIỆP QUÝ I/2024",
        &["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tổng điểm"],
        &people,
    );
    save(&mut wb, &out.join("dong-nhom.xlsx"));
    Entry {
        file: "dong-nhom.xlsx".into(),
        layout: "No heading block: \"KHỐI TRƯỜNG HỌC\" on row 1, \"Kết quả đánh giá sự chuyên nghiệp Quý I/2024\" on row 2; a one-row header on row 4 (`Tỷ lệ (%)` last, as a number 0–100); group rows \"I | Khối Mầm non\", \"II | Khối Tiểu học\" (carrying the sum of its two schools, which is right), \"III | Khối Trung học cơ sở\" between the five schools; no total row. Sheet `Danh sách đạt`, every person đạt.".into(),
        bloc: "Trường học",
        listed: people.len(),
        units,
        findings: vec![],
        exit: 0,
    }
}

/// Subtotal rows per group and a total row whose `Số đạt` is one too many.
fn total_rows(out: &Path) -> Entry {
    let a = vec![
        unit("Văn phòng Quận ủy", [18, 1, 17, 6, 11]),
        unit("Ban Tuyên giáo Quận ủy", [9, 0, 9, 3, 6]),
        unit("Quận đoàn", [7, 0, 7, 2, 5]),
    ];
    let b = vec![
        unit("Đảng ủy phường Phúc Đồng", [6, 0, 6, 2, 4]),
        unit("Đảng ủy phường Việt Hưng", [8, 1, 7, 3, 4]),
    ];
    let units: Vec<UnitLine> = a.iter().chain(&b).cloned().collect();
    let people = people_of(&units, "Trưởng ban", "Chuyên viên", 300);
    let mut wb = book();
    let ws = wb.add_worksheet();
    readable(ws);
    ws.set_name("Mẫu 07").expect("a sheet name");
    ws.write_string(0, 0, "BAN TỔ CHỨC QUẬN ỦY")
        .expect("a cell");
    merged(
        ws,
        (2, 0, 2, 8),
        "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ KHỐI ĐẢNG - ĐOÀN THỂ QUÝ I NĂM 2024",
    );
    put_row(
        ws,
        4,
        &[
            "STT",
            "Đơn vị",
            "Tổng số CBCCVC, NLĐ",
            "Số không đánh giá",
            "Số được đánh giá",
            "Số đạt chuyên nghiệp",
            "Tỷ lệ (%)",
            "Số không đạt",
            "Ghi chú",
        ]
        .map(t),
    );
    put_row(
        ws,
        5,
        &[
            "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)",
        ]
        .map(t),
    );
    let mut row = 6;
    let mut stt = 0;
    for (letter, label, members) in [
        ("A", "Các cơ quan Đảng, đoàn thể quận", &a),
        ("B", "Các Đảng ủy phường", &b),
    ] {
        put_row(ws, row, &[t(letter), t(label)]);
        row += 1;
        for u in members {
            stt += 1;
            let [p, ne, e, d, k] = counts(u);
            put_row(
                ws,
                row,
                &[n(stt), t(&u.name), n(p), n(ne), n(e), n(d), V::Blank, n(k)],
            );
            row += 1;
        }
        let [p, ne, e, d, k] = sums(members);
        put_row(
            ws,
            row,
            &[
                V::Blank,
                t(&format!("Cộng {letter}")),
                n(p),
                n(ne),
                n(e),
                n(d),
                V::Blank,
                n(k),
            ],
        );
        row += 1;
    }
    let [p, ne, e, d, k] = sums(&units);
    // The wrong total: one đạt too many.
    put_row(
        ws,
        row,
        &[
            V::Blank,
            t("Tổng cộng"),
            n(p),
            n(ne),
            n(e),
            n(d + 1),
            V::Blank,
            n(k),
        ],
    );
    let wrong = format!("F{}", row + 1);
    list_sheet(
        &mut wb,
        "Danh sách đạt",
        "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP - KHỐI ĐẢNG - ĐOÀN THỂ",
        &["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tổng điểm"],
        &people,
    );
    save(&mut wb, &out.join("dong-tong.xlsx"));
    Entry {
        file: "dong-tong.xlsx".into(),
        layout: format!("The bloc and quarter in one title line merged across (row 3); a one-row header (row 5) and the row of column numbers \"(1) … (9)\" under it; group rows \"A | Các cơ quan Đảng, đoàn thể quận\", \"B | Các Đảng ủy phường\", each closed by a right subtotal \"Cộng A\", \"Cộng B\"; a \"Tổng cộng\" row whose `Số đạt` ({wrong}) says {} where the units add up to {d}. Sheet `Danh sách đạt`, every person đạt.", d + 1),
        bloc: "Đảng - Đoàn thể",
        listed: people.len(),
        units,
        findings: vec![format!("error `total-mismatch` `Mẫu 07`!{wrong}")],
        exit: 1,
    }
}

/// Headers in other words, numbers typed as text, no list of people đạt.
fn no_list(out: &Path) -> Entry {
    let units = vec![
        unit("Phòng Văn hóa và Thông tin", [11, 0, 11, 4, 7]),
        unit("Phòng Quản lý đô thị", [16, 1, 15, 6, 9]),
        unit("UBND phường Việt Hưng", [24, 2, 22, 7, 15]),
    ];
    let mut wb = book();
    let ws = wb.add_worksheet();
    readable(ws);
    ws.set_name("Tổng hợp").expect("a sheet name");
    ws.write_string(0, 0, "Khối: Chính quyền").expect("a cell");
    ws.write_string(1, 0, "Báo cáo kết quả quý I/2024")
        .expect("a cell");
    put_row(
        ws,
        3,
        &[
            "TT",
            "Tên cơ quan, đơn vị",
            "Tổng số",
            "Không ĐG",
            "Được ĐG",
            "Đạt CN",
            "Tỷ lệ đạt (%)",
            "Chưa đạt",
        ]
        .map(t),
    );
    for (i, u) in units.iter().enumerate() {
        let [p, ne, e, d, k] = counts(u);
        let text = |x: u32| {
            t(&if i == 2 {
                format!(" {x} ")
            } else {
                x.to_string()
            })
        };
        put_row(
            ws,
            4 + i as u32,
            &[
                n(i as u32 + 1),
                t(&u.name),
                text(p),
                text(ne),
                n(e),
                text(d),
                t(&rate_text(d, e)),
                text(k),
            ],
        );
    }
    save(&mut wb, &out.join("khong-danh-sach.xlsx"));
    let dat = sums(&units)[3];
    Entry {
        file: "khong-danh-sach.xlsx".into(),
        layout: "Sheet `Tổng hợp` (no `Mẫu 07`), \"Khối: Chính quyền\" and \"Báo cáo kết quả quý I/2024\" above a one-row header in other words: `TT | Tên cơ quan, đơn vị | Tổng số | Không ĐG | Được ĐG | Đạt CN | Tỷ lệ đạt (%) | Chưa đạt`; most counts typed as text (\" 24 \" with spaces on the last row), rates as text. No list of people đạt.".into(),
        bloc: "Chính quyền",
        listed: 0,
        units,
        findings: vec![format!("warning `list-missing` `Tổng hợp` (the table says {dat} đạt, no list)")],
        exit: 0,
    }
}

// ---------------------------------------------------------------------------------------------
// The twins of the demo quarter's mẫu 07
// ---------------------------------------------------------------------------------------------

/// The demo quarter's blocs, as `danhgia run examples/2024-Q1` sums them.
fn demo_blocs() -> Vec<BlocSummary> {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/2024-Q1");
    let inputs = danhgia::batch::collect_inputs(&[demo]);
    let b = danhgia::batch::run(&inputs, &Profile::default_profile(), None);
    let q = b.quarter.expect("the demo has a quarter");
    district_summary(q, &b.units).blocs
}

/// Đảng - Đoàn thể: a heading block, "Kết quả" over its columns, a total row, the list on
/// `DS đạt` with some totals typed as text.
fn twin_dang(ws: &mut Worksheet, b: &BlocSummary) {
    ws.write_string(0, 0, "BAN TỔ CHỨC QUẬN ỦY")
        .expect("a cell");
    merged(
        ws,
        (2, 0, 2, 8),
        "KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ",
    );
    merged(ws, (3, 0, 3, 8), "KHỐI ĐẢNG - ĐOÀN THỂ");
    merged(ws, (4, 0, 4, 8), "Quý I/2024");
    for (c, h) in [
        (0u16, "TT"),
        (1, "Tên đơn vị"),
        (2, "Tổng số CBCCVC, NLĐ"),
        (3, "Số không đánh giá"),
        (4, "Số được đánh giá"),
        (8, "Ghi chú"),
    ] {
        merged(ws, (6, c, 7, c), h);
    }
    merged(ws, (6, 5, 6, 7), "Kết quả đánh giá");
    put_row(
        ws,
        7,
        &[
            V::Blank,
            V::Blank,
            V::Blank,
            V::Blank,
            V::Blank,
            t("Đạt"),
            t("Không đạt"),
            t("Tỷ lệ (%)"),
        ],
    );
    for (i, u) in b.units.iter().enumerate() {
        let [p, ne, e, d, k] = counts(u);
        put_row(
            ws,
            8 + i as u32,
            &[
                n(i as u32 + 1),
                t(&u.name),
                n(p),
                n(ne),
                n(e),
                n(d),
                n(k),
                t(&rate_text(d, e)),
                t(&u.note),
            ],
        );
    }
    let [p, ne, e, d, k] = sums(&b.units);
    let row = 8 + b.units.len() as u32;
    put_row(
        ws,
        row,
        &[V::Blank, t("TỔNG CỘNG"), n(p), n(ne), n(e), n(d), n(k)],
    );
}

/// Chính quyền: columns shuffled, counts as text, group rows named in the `Đơn vị` column, a
/// "Toàn khối" total, the list with the units as headings above their people.
fn twin_chinh(ws: &mut Worksheet, b: &BlocSummary) {
    ws.write_string(0, 0, "UBND QUẬN LONG BIÊN")
        .expect("a cell");
    ws.write_string(1, 0, "PHÒNG NỘI VỤ").expect("a cell");
    ws.write_string(3, 2, "BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP")
        .expect("a cell");
    ws.write_string(4, 2, "Khối: Chính quyền - QUÝ I NĂM 2024")
        .expect("a cell");
    put_row(
        ws,
        6,
        &[
            "Đơn vị",
            "STT",
            "Số đạt",
            "Số không đạt",
            "Tổng số CBCCVC, NLĐ",
            "Số không đánh giá",
            "Số được đánh giá",
            "Tỷ lệ (%)",
            "Ghi chú",
        ]
        .map(t),
    );
    let mut row = 7;
    for (i, u) in b.units.iter().enumerate() {
        let heading = match i {
            0 => Some("I. Các phòng chuyên môn"),
            2 => Some("II. UBND các phường"),
            3 => Some("III. Văn phòng"),
            _ => None,
        };
        if let Some(h) = heading {
            put_row(ws, row, &[t(h)]);
            row += 1;
        }
        let [p, ne, e, d, k] = counts(u);
        let text = |x: u32| t(&x.to_string());
        put_row(
            ws,
            row,
            &[
                t(&u.name),
                n(i as u32 + 1),
                text(d),
                text(k),
                text(p),
                n(ne),
                text(e),
                t(&rate_text(d, e)),
                t(&u.note),
            ],
        );
        row += 1;
        if i == 1 {
            // A blank row between the units.
            row += 1;
        }
    }
    let [p, ne, e, d, k] = sums(&b.units);
    put_row(
        ws,
        row,
        &[t("Toàn khối"), V::Blank, n(d), n(k), n(p), n(ne), n(e)],
    );
}

/// Trường học: one title line merged across, the total row first, "Số được đánh giá" over
/// "Tổng số | Đạt | Không đạt", no `Số không đánh giá` column, group rows, column numbers.
fn twin_truong(ws: &mut Worksheet, b: &BlocSummary) {
    merged(
        ws,
        (0, 0, 0, 6),
        "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP KHỐI TRƯỜNG HỌC QUÝ I/2024",
    );
    for (c, h) in [
        (0u16, "STT"),
        (1, "Trường"),
        (2, "Tổng số CBCCVC, NLĐ"),
        (6, "Ghi chú"),
    ] {
        merged(ws, (2, c, 3, c), h);
    }
    merged(ws, (2, 3, 2, 5), "Số được đánh giá");
    put_row(
        ws,
        3,
        &[
            V::Blank,
            V::Blank,
            V::Blank,
            t("Tổng số"),
            t("Đạt"),
            t("Không đạt"),
        ],
    );
    put_row(ws, 4, &["1", "2", "3", "4", "5", "6", "7"].map(t));
    let [p, _, e, d, k] = sums(&b.units);
    put_row(ws, 5, &[V::Blank, t("Tổng cộng"), n(p), n(e), n(d), n(k)]);
    let mut row = 6;
    for (i, u) in b.units.iter().enumerate() {
        let heading = match i {
            0 => Some(("I", "Mầm non")),
            1 => Some(("II", "Tiểu học và Trung học cơ sở")),
            _ => None,
        };
        if let Some((roman, h)) = heading {
            put_row(ws, row, &[t(roman), t(h)]);
            row += 1;
        }
        let [p, _, e, d, k] = counts(u);
        put_row(
            ws,
            row,
            &[
                n(i as u32 + 1),
                t(&u.name),
                n(p),
                t(&e.to_string()),
                n(d),
                n(k),
                t(&u.note),
            ],
        );
        row += 1;
    }
}

fn twins(out: &Path) -> Vec<Entry> {
    let profile = Profile::default_profile();
    let mut entries = Vec::new();
    for b in demo_blocs() {
        let name = profile.bloc(b.bloc).name.clone();
        let (file, sheet, list, cols, layout): (&str, &str, &str, &[&str], &str) = match b.bloc {
            Bloc::DangDoanThe => ("dang-doan-the.xlsx", "Mẫu 07", "DS đạt", &["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tổng điểm"],
                "A heading block (\"BAN TỔ CHỨC QUẬN ỦY\", title, \"KHỐI ĐẢNG - ĐOÀN THỂ\", \"Quý I/2024\"); `TT`, `Tên đơn vị`; \"Kết quả đánh giá\" merged over `Đạt | Không đạt | Tỷ lệ (%)`; rates as text; a \"TỔNG CỘNG\" row. The list on a sheet `DS đạt`."),
            Bloc::ChinhQuyen => ("chinh-quyen.xlsx", "Tổng hợp", "Danh sách", &["STT", "Họ và tên", "Chức vụ", "Tổng điểm"],
                "Title lines from column C (\"Khối: Chính quyền - QUÝ I NĂM 2024\"); columns shuffled (`Đơn vị` first, then `STT`, `Số đạt`, `Số không đạt`, `Tổng số CBCCVC, NLĐ`, …); counts typed as text; group rows \"I. Các phòng chuyên môn\", \"II. UBND các phường\", \"III. Văn phòng\" in the `Đơn vị` column; a blank row between two units; a \"Toàn khối\" total. The list on a sheet `Danh sách` without a `Đơn vị` column: each unit is a heading row (\"I. Phòng Nội vụ\") above its people."),
            Bloc::TruongHoc => ("truong-hoc.xlsx", "Sheet1", "Danh sách đạt", &["Họ và tên", "Đơn vị", "Chức vụ", "Tổng điểm", "STT"],
                "One title line merged across; `Trường` for the unit column; \"Số được đánh giá\" merged over `Tổng số | Đạt | Không đạt` and no `Số không đánh giá` column (worked out as `Tổng số CBCCVC, NLĐ` − `Số được đánh giá`); the row of column numbers \"1 … 7\"; the \"Tổng cộng\" row first, above the units; group rows \"I | Mầm non\", \"II | Tiểu học và Trung học cơ sở\"; `Số được đánh giá` typed as text. The list with `STT` last."),
        };
        let mut wb = book();
        let ws = wb.add_worksheet();
        readable(ws);
        readable(ws);
        ws.set_name(sheet).expect("a sheet name");
        match b.bloc {
            Bloc::DangDoanThe => twin_dang(ws, &b),
            Bloc::ChinhQuyen => twin_chinh(ws, &b),
            Bloc::TruongHoc => twin_truong(ws, &b),
        }
        if b.bloc == Bloc::ChinhQuyen {
            headed_list(&mut wb, list, &b);
        } else {
            list_sheet(
                &mut wb,
                list,
                &format!("DANH SÁCH ĐẠT CHUYÊN NGHIỆP - KHỐI {}", name.to_uppercase()),
                cols,
                &b.dat_people,
            );
        }
        save(&mut wb, &out.join("song-sinh").join(file));
        entries.push(Entry {
            file: format!("song-sinh/{file}"),
            layout: layout.to_string(),
            bloc: match b.bloc {
                Bloc::DangDoanThe => "Đảng - Đoàn thể",
                Bloc::ChinhQuyen => "Chính quyền",
                Bloc::TruongHoc => "Trường học",
            },
            listed: b.dat_people.len(),
            units: b.units.clone(),
            findings: vec![],
            exit: 0,
        });
    }
    entries
}

/// A list with each unit as a heading row ("I. Phòng Nội vụ") above its people.
fn headed_list(wb: &mut Workbook, name: &str, b: &BlocSummary) {
    let ws = wb.add_worksheet();
    readable(ws);
    ws.set_name(name).expect("a sheet name");
    ws.write_string(0, 0, "DANH SÁCH CBCCVC, NLĐ ĐẠT CHUYÊN NGHIỆP QUÝ I/2024")
        .expect("a cell");
    put_row(ws, 2, &["STT", "Họ và tên", "Chức vụ", "Tổng điểm"].map(t));
    let mut row = 3;
    let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
    let mut stt = 0;
    for (i, u) in b.units.iter().enumerate() {
        let people: Vec<&DatPerson> = b.dat_people.iter().filter(|p| p.unit == u.name).collect();
        if people.is_empty() {
            continue;
        }
        put_row(
            ws,
            row,
            &[V::Blank, t(&format!("{}. {}", romans[i % 8], u.name))],
        );
        row += 1;
        for p in people {
            stt += 1;
            put_row(ws, row, &[n(stt), t(&p.name), t(&p.title), total_value(p)]);
            row += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------

fn readme(entries: &[Entry]) -> String {
    let mut s = String::from(
        "# Mẫu 07 typed by hand (`danhgia merge`)\n\n\
Generated by `cargo run --example make-mau07-fixtures` (optionally `-- OUTDIR`; default\n\
`fixtures/mau-07`) from `examples/make-mau07-fixtures.rs`; do not edit by hand.\n\n\
Each file is one bloc's mẫu 07 of quarter I/2024 as an office types it. **Run** each file alone:\n\
`danhgia merge FILE -o toan-quan.xlsx` (the other blocs are then absent: the result says so in a\n\
note, and the total row reads \"TỔNG CỘNG (CHƯA ĐỦ CÁC KHỐI, XEM GHI CHÚ)\"), or the three twins\n\
together. **Findings** lists every finding expected, no more (`severity code sheet!cell`).\n\
**Units** are the units counted, with [Tổng số CBCCVC, NLĐ, Số không đánh giá, Số được đánh giá,\n\
Số đạt, Số không đạt]; group, subtotal and total rows are never units. **Listed** is the number\n\
of people in the district list (`Danh sách đạt` of `toan-quan.xlsx`).\n\n\
## Summary\n\n\
| File | Bloc | Units | Bloc total | Listed | Findings | Exit |\n\
| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for e in entries {
        let findings = if e.findings.is_empty() {
            "none".to_string()
        } else {
            e.findings.join("<br>")
        };
        s.push_str(&format!(
            "| [`{}`](#{}) | {} | {} | {:?} | {} | {} | {} |\n",
            e.file,
            anchor(&e.file),
            e.bloc,
            e.units.len(),
            sums(&e.units),
            e.listed,
            findings,
            e.exit
        ));
    }
    s.push_str("\nThe three files of `song-sinh/` merged together give the same `toan-quan.xlsx` numbers and\nthe same list of people đạt as `danhgia run examples/2024-Q1` (exit 0, no finding).\n\n## Details\n");
    for e in entries {
        s.push_str(&format!("\n### `{}`\n\n{}\n\n", e.file, e.layout));
        for u in &e.units {
            s.push_str(&format!(
                "- {}: {:?}{}\n",
                u.name,
                counts(u),
                if u.note.is_empty() {
                    String::new()
                } else {
                    format!(" — Ghi chú \"{}\"", u.note)
                }
            ));
        }
    }
    s
}

fn anchor(file: &str) -> String {
    file.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fixtures/mau-07".into()),
    );
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let mut entries = vec![
        two_row_header(&out),
        group_rows(&out),
        total_rows(&out),
        no_list(&out),
    ];
    entries.extend(twins(&out));
    fs::write(out.join("README.md"), readme(&entries)).expect("the README is written");
    println!(
        "{} mẫu 07 fixtures written to {}",
        entries.len(),
        out.display()
    );
}
