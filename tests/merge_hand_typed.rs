//! `danhgia merge` of mẫu 07 typed by hand (SPEC §4): the fixtures of `fixtures/mau-07/` (see
//! its README), the hand-typed twins of the demo quarter's mẫu 07, and layouts built here that no
//! fixture shows — columns shuffled, headers in other words and on two or three rows, group,
//! subtotal and total rows, numbers as text, a column left out. Every test runs the real binary
//! in a temporary folder and reads `toan-quan.xlsx` back.

mod common;

use calamine::{open_workbook_auto, Data, Range, Reader};
use common::{danhgia, demo_dir, exit_code, fixture};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------------------------ helpers

/// A finished `merge`: exit code, stdout, stderr, and the workbook it was asked to write.
struct Merge {
    code: i32,
    stdout: String,
    stderr: String,
    out: PathBuf,
    _dir: tempfile::TempDir,
}

fn merge_with(files: &[PathBuf], lang: &[&str]) -> Merge {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("toan-quan.xlsx");
    let o = danhgia()
        .current_dir(dir.path())
        .args(lang)
        .arg("merge")
        .args(files)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("danhgia runs");
    let m = Merge {
        code: exit_code(&o),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        out,
        _dir: dir,
    };
    assert!(!m.stderr.contains("panicked"), "{}", m.stderr);
    // Findings speak of mẫu 07, never of the unit workbook.
    for word in ["Thông tin", "Mã CB", "sổ đánh giá"] {
        assert!(!m.stdout.contains(word), "'{word}' in:\n{}", m.stdout);
    }
    m
}

fn merge(files: &[PathBuf]) -> Merge {
    merge_with(files, &[])
}

/// The findings a report prints: (severity word, code, place) — one per line, a line that
/// groups several cells counting once.
fn findings(stdout: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for line in stdout.lines().filter(|l| l.starts_with("  ")) {
        for sev in ["lỗi", "cảnh báo", "error", "warning"] {
            let marker = format!(" {sev} ");
            let Some(at) = line.find(&marker) else {
                continue;
            };
            let rest = &line[at + marker.len()..];
            let code: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                .collect();
            if !code.is_empty() && rest[code.len()..].starts_with([':', ' ']) {
                out.push((sev.to_string(), code, line[..at].trim().to_string()));
                break;
            }
        }
    }
    out
}

fn codes(stdout: &str) -> Vec<String> {
    findings(stdout).into_iter().map(|(_, c, _)| c).collect()
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("{} {name}: {e}", path.display()))
}

fn cell_str(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn num(d: &Data) -> u64 {
    match d {
        Data::Float(f) => *f as u64,
        Data::Int(i) => *i as u64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The district table of `toan-quan.xlsx`: unit → [people, not evaluated, evaluated, đạt,
/// không đạt]; the subtotal and total rows (label, numbers); the note lines under the table.
struct District {
    units: BTreeMap<String, [u64; 5]>,
    sums: Vec<(String, [u64; 5])>,
    notes: Vec<String>,
}

fn district(path: &Path) -> District {
    let r = sheet(path, "Toàn quận");
    let header = r
        .rows()
        .position(|row| row.first().map(cell_str).as_deref() == Some("STT"))
        .expect("a header row");
    let mut d = District {
        units: BTreeMap::new(),
        sums: Vec::new(),
        notes: Vec::new(),
    };
    for row in r.rows().skip(header + 1) {
        let first = row.first().map(cell_str).unwrap_or_default();
        let numbers = || [2, 3, 4, 5, 7].map(|c| num(&row[c]));
        if first.starts_with("Cộng khối") || first.starts_with("TỔNG CỘNG") {
            d.sums.push((first, numbers()));
        } else if matches!(row.first(), Some(Data::Float(_))) {
            let name = cell_str(&row[1]);
            assert!(
                d.units.insert(name.clone(), numbers()).is_none(),
                "{name} twice"
            );
        } else if first.starts_with("NGƯỜI LẬP BIỂU") {
            break;
        } else if d
            .sums
            .last()
            .is_some_and(|(l, _)| l.starts_with("TỔNG CỘNG"))
            && !first.is_empty()
        {
            d.notes.push(first);
        }
    }
    d
}

impl District {
    fn total(&self) -> (&str, [u64; 5]) {
        let (label, n) = self.sums.last().expect("a total row");
        (label, *n)
    }
}

/// The district list of people đạt: the note above the table (empty when none) and the rows
/// (name, title, unit, total, bloc).
fn dat_list(path: &Path) -> (String, Vec<Vec<String>>) {
    let r = sheet(path, "Danh sách đạt");
    let rows: Vec<Vec<String>> = r
        .rows()
        .map(|row| row.iter().map(cell_str).collect())
        .collect();
    let note = rows
        .get(1)
        .and_then(|r| r.first())
        .cloned()
        .unwrap_or_default();
    let people = rows.iter().skip(3).map(|r| r[1..].to_vec()).collect();
    (note, people)
}

fn mau07(name: &str) -> PathBuf {
    fixture("mau-07").join(name)
}

/// A workbook typed by hand. Each sheet: its name, its rows (a cell that reads as a number is
/// typed as a number; `'12` is the text "12"; "" is blank) and the areas merged (first row,
/// first column, last row, last column; the text is the first cell's).
type Typed<'a> = (&'a str, &'a [&'a [&'a str]], &'a [(u32, u16, u32, u16)]);

fn typed(path: &Path, sheets: &[Typed]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows, merges) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        let covered = |r: u32, c: u16| {
            merges.iter().any(|&(r0, c0, r1, c1)| {
                (r0..=r1).contains(&r) && (c0..=c1).contains(&c) && (r, c) != (r0, c0)
            })
        };
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if v.is_empty() || covered(r, c) {
                    continue;
                }
                if let Some(&(_, _, r1, c1)) = merges.iter().find(|m| (m.0, m.1) == (r, c)) {
                    ws.merge_range(r, c, r1, c1, v, &rust_xlsxwriter::Format::new())
                        .unwrap();
                } else if let Some(text) = v.strip_prefix('\'') {
                    ws.write_string(r, c, text).unwrap();
                } else if let Ok(x) = v.parse::<f64>() {
                    ws.write_number(r, c, x).unwrap();
                } else {
                    ws.write_string(r, c, *v).unwrap();
                }
            }
        }
    }
    wb.save(path).unwrap();
}

fn in_dir(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// `danhgia run` of the demo quarter: its output folder (the three mẫu 07 and toan-quan.xlsx).
fn demo_run() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ket-qua");
    let o = danhgia()
        .arg("run")
        .arg(demo_dir())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(exit_code(&o), 1, "the demo holds input errors");
    (tmp, out)
}

// ------------------------------------------------------------------- the four layout fixtures

#[test]
fn a_header_on_two_rows_is_read_and_the_bloc_counted() {
    let m = merge(&[mau07("tieu-de-hai-dong.xlsx")]);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert!(codes(&m.stdout).is_empty(), "{}", m.stdout);
    let d = district(&m.out);
    assert_eq!(
        d.units,
        BTreeMap::from([
            ("Phòng Y tế".to_string(), [12, 0, 12, 5, 7]),
            ("Phòng Tư pháp".to_string(), [8, 1, 7, 3, 4]),
            ("UBND phường Phúc Lợi".to_string(), [25, 2, 23, 9, 14]),
        ])
    );
    assert_eq!(
        d.sums[0],
        ("Cộng khối Chính quyền".to_string(), [45, 3, 42, 17, 25])
    );
    let (label, total) = d.total();
    assert_eq!(total, [45, 3, 42, 17, 25]);
    // Merged alone, the district lacks two blocs: the total and a note say so.
    assert!(label.contains("CHƯA ĐỦ CÁC KHỐI"), "{label}");
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("chưa gồm khối Đảng - Đoàn thể, Trường học")),
        "{:?}",
        d.notes
    );
    let (note, people) = dat_list(&m.out);
    assert_eq!(people.len(), 17, "every person đạt of the list");
    assert!(!note.contains("Danh sách chưa đầy đủ"), "{note}");
    assert!(people.iter().all(|p| p[4] == "Chính quyền"));
}

#[test]
fn group_rows_are_never_units() {
    let m = merge(&[mau07("dong-nhom.xlsx")]);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert!(codes(&m.stdout).is_empty(), "{}", m.stdout);
    let d = district(&m.out);
    assert_eq!(
        d.units.keys().collect::<Vec<_>>(),
        [
            "Trường Mầm non Hoa Mai",
            "Trường Mầm non Sơn Ca",
            "Trường THCS Gia Thụy",
            "Trường Tiểu học Thạch Bàn",
            "Trường Tiểu học Đoàn Kết",
        ],
        "5 schools, not the 3 group rows"
    );
    assert_eq!(d.total().1, [166, 3, 163, 52, 111]);
    assert!(m.stdout.contains("5 đơn vị"), "{}", m.stdout);
    assert_eq!(dat_list(&m.out).1.len(), 52);
}

#[test]
fn subtotals_are_checked_not_counted_and_a_wrong_total_is_named() {
    let m = merge(&[mau07("dong-tong.xlsx")]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(
        findings(&m.stdout),
        [(
            "lỗi".to_string(),
            "total-mismatch".to_string(),
            "Mẫu 07!F16".to_string()
        )]
    );
    assert!(
        m.stdout.contains(
            "Dòng 16 của Mẫu 07 khối Đảng - Đoàn thể ('Tổng cộng'): cột 'Số đạt' ghi 17, \
             nhưng cộng các đơn vị từ dòng 8 đến dòng 14 được 16."
        ),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(d.units.len(), 5, "{:?}", d.units.keys());
    assert!(!d.units.keys().any(|k| k.starts_with("Cộng")));
    // The district counts the units, not the wrong total.
    assert_eq!(d.total().1, [48, 2, 46, 16, 30]);
    assert_eq!(dat_list(&m.out).1.len(), 16);
}

#[test]
fn a_bloc_without_its_list_is_warned_and_the_district_list_says_so() {
    let m = merge(&[mau07("khong-danh-sach.xlsx")]);
    assert_eq!(m.code, 0, "a warning only: {}", m.stdout);
    assert_eq!(
        findings(&m.stdout),
        [(
            "cảnh báo".to_string(),
            "list-missing".to_string(),
            "Tổng hợp".to_string()
        )]
    );
    assert!(
        m.stdout.contains(
            "Mẫu 07 khối Chính quyền không kèm danh sách người đạt (bảng ghi 17 người đạt)"
        ),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(
        d.units,
        BTreeMap::from([
            ("Phòng Văn hóa và Thông tin".to_string(), [11, 0, 11, 4, 7]),
            ("Phòng Quản lý đô thị".to_string(), [16, 1, 15, 6, 9]),
            ("UBND phường Việt Hưng".to_string(), [24, 2, 22, 7, 15]),
        ]),
        "counts typed as text, headers in other words"
    );
    let wanted =
        "Danh sách chưa đầy đủ: khối Chính quyền không gửi danh sách người đạt (17 người).";
    let (note, people) = dat_list(&m.out);
    assert!(people.is_empty());
    assert!(note.contains(wanted), "{note}");
    assert!(d.notes.iter().any(|n| n.contains(wanted)), "{:?}", d.notes);
    assert!(m.stdout.contains(wanted), "{}", m.stdout);
    // In English too.
    let en = merge_with(&[mau07("khong-danh-sach.xlsx")], &["--lang", "en"]);
    assert!(
        en.stdout.contains("warning list-missing: The mẫu 07 of the Chính quyền bloc comes without its list of people đạt (the table says 17 people đạt)"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout.contains("The list of people đạt is incomplete"),
        "{}",
        en.stdout
    );
}

// ------------------------------------------------------------------------ the demo quarter

#[test]
fn merge_of_runs_own_mau07_equals_its_toan_quan_and_reports_nothing() {
    let (_tmp, out) = demo_run();
    let files: Vec<PathBuf> = ["dang-doan-the", "chinh-quyen", "truong-hoc"]
        .iter()
        .map(|b| out.join("khoi").join(format!("{b}-mau-07.xlsx")))
        .collect();
    let m = merge(&files);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert!(codes(&m.stdout).is_empty(), "{}", m.stdout);
    let run = out.join("toan-quan.xlsx");
    for name in ["Toàn quận", "Danh sách đạt", "Biểu đồ"] {
        assert_eq!(sheet(&m.out, name), sheet(&run, name), "{name}");
    }
}

#[test]
fn the_hand_typed_twins_give_runs_numbers_and_people() {
    let (_tmp, out) = demo_run();
    let twins: Vec<PathBuf> = ["dang-doan-the", "chinh-quyen", "truong-hoc"]
        .iter()
        .map(|b| mau07("song-sinh").join(format!("{b}.xlsx")))
        .collect();
    let m = merge(&twins);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert!(codes(&m.stdout).is_empty(), "{}", m.stdout);
    let run = out.join("toan-quan.xlsx");
    let (mine, theirs) = (district(&m.out), district(&run));
    assert_eq!(mine.units, theirs.units);
    assert_eq!(mine.sums, theirs.sums);
    assert_eq!(mine.units.len(), 10);
    assert_eq!(
        mine.total(),
        ("TỔNG CỘNG TOÀN QUẬN", [179, 1, 178, 63, 115])
    );
    assert!(mine.notes.is_empty(), "{:?}", mine.notes);
    assert_eq!(dat_list(&m.out), dat_list(&run));
    // The whole sheets, notes of the units with input errors included.
    assert_eq!(sheet(&m.out, "Toàn quận"), sheet(&run, "Toàn quận"));
}

// ------------------------------------------------------------- a bloc that cannot be read

#[test]
fn a_bloc_that_cannot_be_read_is_an_error_and_toan_quan_names_it() {
    let dir = tempfile::tempdir().unwrap();
    // Typed without the head count and without "Số không đánh giá": nothing tells them apart.
    let school = in_dir(&dir, "truong-hoc.xlsx");
    typed(
        &school,
        &[(
            "Mẫu 07",
            &[
                &["KHỐI TRƯỜNG HỌC - QUÝ I NĂM 2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Số được đánh giá",
                    "Số đạt",
                    "Số không đạt",
                ],
                &["1", "Trường Mầm non Hoa Sữa", "31", "11", "20"],
            ],
            &[],
        )],
    );
    let broken = in_dir(&dir, "dang.xlsx");
    std::fs::write(&broken, b"not a workbook").unwrap();
    let m = merge(&[
        mau07("song-sinh/chinh-quyen.xlsx"),
        school.clone(),
        broken.clone(),
    ]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    let mut found = codes(&m.stdout);
    found.sort();
    assert_eq!(found, ["column-missing", "file-unreadable"], "{}", m.stdout);
    assert!(
        m.stdout
            .contains("Bảng Mẫu 07 thiếu cột 'Tổng số CBCCVC, NLĐ' và 'Số không đánh giá'"),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    let (label, total) = d.total();
    assert_eq!(total, [61, 0, 61, 24, 37], "only the bloc that was read");
    assert_eq!(label, "TỔNG CỘNG (CHƯA ĐỦ CÁC KHỐI, XEM GHI CHÚ)");
    assert_eq!(
        d.notes,
        [
            "Ghi chú: Chưa tính tệp truong-hoc.xlsx (khối Trường học): không đọc được Mẫu 07 này, xem thông báo lỗi.",
            "Chưa tính tệp dang.xlsx (chưa rõ khối): không đọc được Mẫu 07 này, xem thông báo lỗi.",
            "Số liệu toàn quận chưa gồm khối Đảng - Đoàn thể, Trường học: chưa có Mẫu 07 đọc được của các khối này.",
        ]
    );
    let (note, _) = dat_list(&m.out);
    assert!(note.contains("Chưa tính tệp truong-hoc.xlsx"), "{note}");
    // The same said on the terminal.
    assert!(
        m.stdout.contains("Chưa tính tệp dang.xlsx (chưa rõ khối)"),
        "{}",
        m.stdout
    );
}

#[test]
fn nothing_readable_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = in_dir(&dir, "chinh-quyen.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not a zip").unwrap();
    let m = merge(&[broken]);
    assert_eq!(m.code, 2, "{}{}", m.stdout, m.stderr);
    assert!(!m.out.exists());
    assert!(
        m.stderr.contains("Không đọc được Mẫu 07 nào"),
        "{}",
        m.stderr
    );
}

// ---------------------------------------------------- layouts no fixture shows, built here

#[test]
fn shuffled_columns_other_words_a_merged_title_blank_rows_and_text_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "bao-cao.xlsx");
    typed(
        &f,
        &[(
            "Báo cáo",
            &[
                &["BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA KHỐI CHÍNH QUYỀN QUÝ II NĂM 2024"],
                &[],
                &["Số không đạt", "Tỷ lệ (%)", "Tên đơn vị", "TT", "Số CBCCVC, NLĐ được đánh giá", "Số không được đánh giá", "Tổng số CBCCVC, NLĐ của đơn vị", "Số CBCCVC, NLĐ đạt chuyên nghiệp"],
                &["'6", "40%", "Phòng Nội vụ", "1", "'10", "-", "' 10 ", "4"],
                &[],
                &["9", "'37,5", "Công an phường Gia Thụy", "2.", "24", "1", "'1.234", "'15"],
                &["8", "", "Phòng Kinh tế", "3", "'12", "0", "12", "4"],
            ],
            &[(0, 0, 0, 7)],
        )],
    );
    let m = merge(&[f]);
    // "1.234" is one thousand two hundred thirty-four: the row's numbers do not add up.
    assert_eq!(
        codes(&m.stdout),
        ["total-mismatch", "list-missing"],
        "{}",
        m.stdout
    );
    assert!(
        m.stdout.contains("Dòng 6 của Mẫu 07 khối Chính quyền, đơn vị 'Công an phường Gia Thụy': Số được đánh giá 24 + Số không đánh giá 1 ≠ Tổng số CBCCVC, NLĐ 1234"),
        "{}",
        m.stdout
    );
    assert!(m.stdout.contains("quý II/2024"), "{}", m.stdout);
    let d = district(&m.out);
    assert_eq!(
        d.units,
        BTreeMap::from([
            ("Phòng Nội vụ".to_string(), [10, 0, 10, 4, 6]),
            ("Công an phường Gia Thụy".to_string(), [1234, 1, 24, 15, 9]),
            ("Phòng Kinh tế".to_string(), [12, 0, 12, 4, 8]),
        ]),
        "'Công an …' is a unit, not a subtotal ('Cộng')"
    );
}

#[test]
fn a_group_heading_over_tong_so_dat_khong_dat_and_no_not_evaluated_column() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "th.xlsx");
    typed(
        &f,
        &[(
            "Sheet1",
            &[
                &["Khối: Trường học"],
                &["Quý I/2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số CBCCVC, NLĐ",
                    "Số được đánh giá",
                    "",
                    "",
                    "Ghi chú",
                ],
                &["", "", "", "Tổng số", "Đạt", "Không đạt", ""],
                &["1", "Trường A", "32", "31", "11", "20"],
                &["2", "Trường B", "28", "28", "9", "19"],
                &["3", "Trường C", "10", "12", "5", "7"],
            ],
            &[
                (2, 0, 3, 0),
                (2, 1, 3, 1),
                (2, 2, 3, 2),
                (2, 3, 2, 5),
                (2, 6, 3, 6),
            ],
        )],
    );
    let m = merge(&[f]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    // Trường C: 12 evaluated out of 10 leaves no "Số không đánh giá" to work out.
    assert_eq!(findings(&m.stdout)[0].1, "total-mismatch", "{}", m.stdout);
    assert!(
        m.stdout.contains("Dòng 7 của Mẫu 07 khối Trường học, đơn vị 'Trường C': Số được đánh giá 12 lớn hơn Tổng số CBCCVC, NLĐ 10, nên không tính được 'Số không đánh giá'"),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(
        d.units,
        BTreeMap::from([
            ("Trường A".to_string(), [32, 1, 31, 11, 20]),
            ("Trường B".to_string(), [28, 0, 28, 9, 19]),
        ]),
        "'Tổng số' under 'Số được đánh giá' is the number evaluated; the head count is C"
    );
}

#[test]
fn a_header_on_three_rows_and_numbered_sub_items() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "dang-doan-the.xlsx");
    typed(
        &f,
        &[(
            "M07",
            &[
                &["KẾT QUẢ ĐÁNH GIÁ QUÝ 1 NĂM 2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số",
                    "Số không đánh giá",
                    "Kết quả",
                    "",
                    "",
                    "",
                ],
                &["", "", "", "", "Đạt", "", "Không đạt", ""],
                &["", "", "", "", "Số lượng", "Tỷ lệ", "Số lượng", "Tỷ lệ"],
                &["Tổng cộng", "", "30", "1", "9", "", "19", ""],
                &["1", "Các cơ quan quận", "", "", "", "", "", ""],
                &[
                    "1.1",
                    "Ban Tổ chức Quận ủy",
                    "9",
                    "0",
                    "3",
                    "33,3%",
                    "6",
                    "66,7%",
                ],
                &[
                    "1.2",
                    "Ủy ban MTTQ Việt Nam quận",
                    "7",
                    "0",
                    "3",
                    "",
                    "4",
                    "",
                ],
                &["2", "Các phường", "14", "1", "4", "", "9", ""],
                &["a)", "Đảng ủy phường Bồ Đề", "6", "0", "2", "", "4", ""],
                &["b)", "Đảng ủy phường Phúc Lợi", "8", "1", "2", "", "5", ""],
            ],
            &[
                (1, 0, 3, 0),
                (1, 1, 3, 1),
                (1, 2, 3, 2),
                (1, 3, 3, 3),
                (1, 4, 1, 7),
                (2, 4, 2, 5),
                (2, 6, 2, 7),
            ],
        )],
    );
    let m = merge(&[f]);
    // The total written first says 9 đạt; the units hold 10. "2 | Các phường" is right.
    assert_eq!(
        findings(&m.stdout)
            .iter()
            .map(|(_, c, p)| format!("{c} {p}"))
            .collect::<Vec<_>>(),
        ["total-mismatch M07!E5", "list-missing M07"],
        "{}",
        m.stdout
    );
    assert!(
        m.stdout
            .contains("cột 'Số đạt' ghi 9, nhưng cộng các đơn vị từ dòng 7 đến dòng 11 được 10"),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(
        d.units.keys().collect::<Vec<_>>(),
        [
            "Ban Tổ chức Quận ủy",
            "Đảng ủy phường Bồ Đề",
            "Đảng ủy phường Phúc Lợi",
            "Ủy ban MTTQ Việt Nam quận",
        ]
    );
    assert_eq!(
        d.total().1,
        [30, 1, 29, 10, 19],
        "evaluated = đạt + không đạt"
    );
}

#[test]
fn rows_that_are_no_unit_are_named_in_the_forms_words() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "chinh-quyen.xlsx");
    typed(
        &f,
        &[(
            "Mẫu 07",
            &[
                &["TỔNG HỢP QUÝ I NĂM 2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số CBCCVC, NLĐ",
                    "Số không đánh giá",
                    "Số được đánh giá",
                    "Số đạt",
                    "Số không đạt",
                ],
                &["1", "Phòng Nội vụ", "10", "0", "10", "4", "6"],
                &["2", "", "10", "0", "10", "4", "6"],
                &["3", "Phòng Y tế"],
                &["4", "Phòng Tư pháp", "8", "0", "8", "3", "'năm"],
                &["5", "Phòng Kinh tế", "10", "1", "9", "4", "4"],
            ],
            &[],
        )],
    );
    let m = merge(std::slice::from_ref(&f));
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(
        findings(&m.stdout)
            .iter()
            .map(|(_, c, p)| format!("{c} {p}"))
            .collect::<Vec<_>>(),
        [
            "info-missing Mẫu 07!B4",
            "info-missing Mẫu 07!B5",
            "info-missing Mẫu 07!G6",
            "total-mismatch Mẫu 07!E7",
            "list-missing Mẫu 07",
        ],
        "{}",
        m.stdout
    );
    for words in [
        "Dòng 4 của Mẫu 07 khối Chính quyền: có số liệu nhưng không có tên đơn vị",
        "Dòng 5 của Mẫu 07 khối Chính quyền: đơn vị 'Phòng Y tế' không có số liệu nào",
        "Dòng 6 của Mẫu 07 khối Chính quyền: ô 'Số không đạt' ghi 'năm', không phải số người",
        "Dòng 7 của Mẫu 07 khối Chính quyền, đơn vị 'Phòng Kinh tế': Số đạt 4 + Số không đạt 4 ≠ Số được đánh giá 9",
    ] {
        assert!(m.stdout.contains(words), "{words}\n{}", m.stdout);
    }
    // The bloc came from the file name; the row that does not add up is counted as written.
    let d = district(&m.out);
    assert_eq!(d.units.len(), 2);
    assert_eq!(d.total().1, [20, 1, 19, 8, 10]);
    let en = merge_with(&[f], &["--lang", "en"]);
    assert!(
        en.stdout.contains("Row 7 of the mẫu 07 of the Chính quyền bloc, unit 'Phòng Kinh tế': Số đạt 4 + Số không đạt 4 ≠ Số được đánh giá 9. Make them agree"),
        "{}",
        en.stdout
    );
}

#[test]
fn titles_without_quarter_or_bloc_say_what_to_add() {
    let dir = tempfile::tempdir().unwrap();
    let no_quarter = in_dir(&dir, "a.xlsx");
    typed(
        &no_quarter,
        &[(
            "Mẫu 07",
            &[
                &["KHỐI TRƯỜNG HỌC"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số",
                    "Số không đánh giá",
                    "Số được đánh giá",
                    "Số đạt",
                    "Số không đạt",
                ],
                &["1", "Trường Tiểu học Long Biên", "10", "0", "10", "4", "6"],
            ],
            &[],
        )],
    );
    let no_bloc = in_dir(&dir, "b.xlsx");
    typed(
        &no_bloc,
        &[(
            "Mẫu 07",
            &[
                &["Quý I năm 2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số",
                    "Số không đánh giá",
                    "Số được đánh giá",
                    "Số đạt",
                    "Số không đạt",
                ],
                &["1", "Phòng X", "10", "0", "10", "4", "6"],
            ],
            &[],
        )],
    );
    let m = merge(&[
        mau07("song-sinh/dang-doan-the.xlsx"),
        no_quarter.clone(),
        no_bloc,
    ]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    let mut found = codes(&m.stdout);
    found.sort();
    assert_eq!(
        found,
        ["info-missing", "info-missing", "list-missing"],
        "{}",
        m.stdout
    );
    assert!(
        m.stdout
            .contains("Không thấy quý trong tiêu đề Mẫu 07 (ví dụ \"QUÝ I NĂM 2024\""),
        "{}",
        m.stdout
    );
    assert!(
        m.stdout
            .contains("Không thấy khối trong tiêu đề Mẫu 07 (ví dụ \"KHỐI TRƯỜNG HỌC\""),
        "{}",
        m.stdout
    );
    // The quarter comes from the other files; the file without a bloc is left out, and said so.
    let d = district(&m.out);
    assert_eq!(d.total().1, [32, 0, 32, 12, 20]);
    assert_eq!(
        d.notes,
        [
            "Ghi chú: Chưa tính tệp b.xlsx (chưa rõ khối): không đọc được Mẫu 07 này, xem thông báo lỗi.",
            "Số liệu toàn quận chưa gồm khối Chính quyền: chưa có Mẫu 07 đọc được của khối này.",
            "Danh sách chưa đầy đủ: khối Trường học không gửi danh sách người đạt (4 người).",
        ]
    );
    // Alone, the file without a quarter gives no district at all.
    let alone = merge(&[no_quarter]);
    assert_eq!(alone.code, 2);
    assert!(!alone.out.exists());
}

#[test]
fn a_column_worked_out_from_one_equation_must_agree_with_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "chinh-quyen.xlsx");
    typed(
        &f,
        &[(
            "Mẫu 07",
            &[
                &["Khối chính quyền quý I/2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số CBCCVC, NLĐ",
                    "Số không đánh giá",
                    "Số đạt",
                    "Số không đạt",
                ],
                &["1", "Phòng Nội vụ", "10", "1", "4", "4"],
            ],
            &[],
        )],
    );
    let m = merge(&[f]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert!(
        m.stdout.contains("Mẫu 07!E3 lỗi total-mismatch: Dòng 3 của Mẫu 07 khối Chính quyền, đơn vị 'Phòng Nội vụ': Số đạt 4 + Số không đạt 4 ≠ Số được đánh giá 9 (bảng không có cột 'Số được đánh giá': số này tính từ các cột còn lại)"),
        "{}",
        m.stdout
    );
}

#[test]
fn a_table_without_unit_rows_is_not_a_bloc() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "truong-hoc.xlsx");
    typed(
        &f,
        &[(
            "Mẫu 07",
            &[
                &["Quý I/2024"],
                &[
                    "STT",
                    "Đơn vị",
                    "Tổng số",
                    "Số không đánh giá",
                    "Số được đánh giá",
                    "Số đạt",
                    "Số không đạt",
                ],
                &["I", "Khối Mầm non"],
                &["", "Tổng cộng", "0", "0", "0", "0", "0"],
            ],
            &[],
        )],
    );
    let m = merge(&[mau07("song-sinh/dang-doan-the.xlsx"), f]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(
        findings(&m.stdout),
        [(
            "lỗi".to_string(),
            "info-missing".to_string(),
            "Mẫu 07!A2".to_string()
        )]
    );
    assert!(
        m.stdout.contains("Bảng Mẫu 07 không có dòng đơn vị nào"),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert!(
        d.notes[0].contains("Chưa tính tệp truong-hoc.xlsx (khối Trường học)"),
        "{:?}",
        d.notes
    );
    assert_eq!(d.total().1, [22, 0, 22, 8, 14]);
}

#[test]
fn a_list_shorter_or_longer_than_so_dat() {
    let dir = tempfile::tempdir().unwrap();
    let table: &[&[&str]] = &[
        &["Khối: Đảng - Đoàn thể", "", "Quý I/2024"],
        &[
            "STT",
            "Đơn vị",
            "Tổng số",
            "Số không đánh giá",
            "Số được đánh giá",
            "Số đạt",
            "Số không đạt",
        ],
        &["1", "Ban Tổ chức Quận ủy", "9", "0", "9", "3", "6"],
    ];
    let short = in_dir(&dir, "ngan.xlsx");
    typed(
        &short,
        &[
            ("Mẫu 07", table, &[]),
            (
                "Danh sách",
                &[
                    &["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Kết quả"],
                    &[
                        "1",
                        "Lê Trọng An",
                        "Trưởng ban",
                        "Ban Tổ chức Quận ủy",
                        "Đạt",
                    ],
                    &[
                        "2",
                        "Nguyễn Mai Thúy",
                        "Chuyên viên",
                        "Ban Tổ chức Quận ủy",
                        "Đạt",
                    ],
                    &[
                        "3",
                        "Trần Văn Bảo",
                        "Chuyên viên",
                        "Ban Tổ chức Quận ủy",
                        "Không đạt",
                    ],
                ],
                &[],
            ),
        ],
    );
    let m = merge(&[short]);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert_eq!(findings(&m.stdout)[0].1, "list-missing");
    assert!(
        m.stdout
            .contains("có 2 người, bảng ghi 3 người đạt (thiếu 1)"),
        "{}",
        m.stdout
    );
    let (note, people) = dat_list(&m.out);
    assert_eq!(people.len(), 2, "only the people marked Đạt");
    assert!(
        note.contains(
            "khối Đảng - Đoàn thể gửi danh sách 2 người, bảng Mẫu 07 ghi 3 người đạt (thiếu 1)"
        ),
        "{note}"
    );

    let long = in_dir(&dir, "dai.xlsx");
    typed(
        &long,
        &[
            ("Mẫu 07", table, &[]),
            (
                "Danh sách đạt",
                &[
                    &["STT", "Họ và tên", "Đơn vị"],
                    &["1", "Lê Trọng An", "Ban Tổ chức Quận ủy"],
                    &["2", "Nguyễn Mai Thúy", "Ban Tổ chức Quận ủy"],
                    &["3", "Phan Thanh Nhung", "Ban Tổ chức Quận ủy"],
                    &["4", "Trần Văn Bảo", "Ban Tổ chức Quận ủy"],
                ],
                &[],
            ),
        ],
    );
    let m = merge(&[long]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(codes(&m.stdout), ["total-mismatch"], "{}", m.stdout);
    assert!(
        m.stdout
            .contains("có 4 người, nhiều hơn 3 người đạt trong bảng"),
        "{}",
        m.stdout
    );
}

// ------------------------------------------- rows offices type that were read wrong (review)

/// The header of the tables below: one row, every column.
const HEADER: &[&str] = &[
    "STT",
    "Đơn vị",
    "Tổng số CBCCVC, NLĐ",
    "Số không đánh giá",
    "Số được đánh giá",
    "Số đạt",
    "Số không đạt",
];

/// A school bloc's mẫu 07 of quarter I/2024 on one sheet: the title, [`HEADER`], the rows.
fn school_table(path: &Path, rows: &[&[&str]]) {
    let mut all: Vec<&[&str]> = vec![&["KHỐI TRƯỜNG HỌC - QUÝ I NĂM 2024"], HEADER];
    all.extend_from_slice(rows);
    typed(path, &[("Mẫu 07", &all, &[])]);
}

#[test]
fn group_rows_numbered_1_2_over_unnumbered_schools_are_not_counted_as_units() {
    let dir = tempfile::tempdir().unwrap();
    // "1 | Khối Mầm non" with the sum of its schools, which have no STT or "-".
    let f = in_dir(&dir, "truong-hoc.xlsx");
    school_table(
        &f,
        &[
            &["1", "Khối Mầm non", "56", "1", "55", "17", "38"],
            &["", "Trường Mầm non Hoa Mai", "30", "1", "29", "9", "20"],
            &["", "Trường Mầm non Sơn Ca", "26", "0", "26", "8", "18"],
            &["2", "Khối Tiểu học", "38", "2", "36", "12", "24"],
            &["-", "Trường Tiểu học Đoàn Kết", "38", "2", "36", "12", "24"],
            &["3", "Các trường THCS"],
            &["-", "Trường THCS Gia Thụy", "40", "0", "40", "13", "27"],
            // A row with an STT and the sum of the unnumbered rows below: a group, whatever its
            // name.
            &[
                "4",
                "Trường Tiểu học Thạch Bàn",
                "32",
                "0",
                "32",
                "10",
                "22",
            ],
            &["-", "Điểm trường chính", "20", "0", "20", "6", "14"],
            &["-", "Điểm trường lẻ", "12", "0", "12", "4", "8"],
        ],
    );
    let m = merge(&[f]);
    assert_eq!(codes(&m.stdout), ["list-missing"], "{}", m.stdout);
    let d = district(&m.out);
    assert_eq!(
        d.units.keys().collect::<Vec<_>>(),
        [
            "Trường Mầm non Hoa Mai",
            "Trường Mầm non Sơn Ca",
            "Trường THCS Gia Thụy",
            "Trường Tiểu học Đoàn Kết",
            "Điểm trường chính",
            "Điểm trường lẻ",
        ]
    );
    assert_eq!(d.total().1, [166, 3, 163, 52, 111], "each school once");
    assert!(m.stdout.contains("6 đơn vị"), "{}", m.stdout);

    // A group whose number is wrong is named, and still not counted.
    let g = in_dir(&dir, "sai.xlsx");
    school_table(
        &g,
        &[
            &["1", "Khối Mầm non", "57", "1", "56", "17", "39"],
            &["", "Trường Mầm non Hoa Mai", "30", "1", "29", "9", "20"],
            &["", "Trường Mầm non Sơn Ca", "26", "0", "26", "8", "18"],
            &["2", "Phòng Giáo dục và Đào tạo", "10", "0", "10", "3", "7"],
        ],
    );
    let m = merge(&[g]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    let places: Vec<String> = findings(&m.stdout)
        .iter()
        .map(|(_, c, p)| format!("{c} {p}"))
        .collect();
    assert_eq!(
        places,
        [
            "total-mismatch Mẫu 07!C3",
            "total-mismatch Mẫu 07!E3",
            "total-mismatch Mẫu 07!G3",
            "list-missing Mẫu 07"
        ],
        "{}",
        m.stdout
    );
    // "2 | Phòng …" ends the group: it is a unit of its own, not one of the group's.
    assert!(
        m.stdout.contains(
            "cột 'Tổng số CBCCVC, NLĐ' ghi 57, nhưng cộng các đơn vị từ dòng 4 đến dòng 5 được 56"
        ),
        "{}",
        m.stdout
    );
    assert_eq!(district(&m.out).total().1, [66, 1, 65, 20, 45]);
}

#[test]
fn a_numbered_row_over_unnumbered_rows_that_are_not_its_sum_is_unclear_never_counted_twice() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "truong-hoc.xlsx");
    school_table(
        &f,
        &[
            &[
                "1",
                "Trường Tiểu học Thạch Bàn",
                "32",
                "0",
                "32",
                "10",
                "22",
            ],
            &["", "Trường Tiểu học Đoàn Kết", "38", "2", "36", "12", "24"],
            &["2", "Trường THCS Gia Thụy", "40", "0", "40", "13", "27"],
        ],
    );
    let m = merge(std::slice::from_ref(&f));
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(
        findings(&m.stdout)[0],
        (
            "lỗi".to_string(),
            "value-unclear".to_string(),
            "Mẫu 07!B3".to_string()
        ),
        "{}",
        m.stdout
    );
    assert!(
        m.stdout.contains("Dòng 3 của Mẫu 07 khối Trường học ('Trường Tiểu học Thạch Bàn'): không rõ là một đơn vị hay dòng nhóm. Dòng này có STT, còn dòng 4 ngay dưới không có STT nên được đọc là các đơn vị của nhóm này; nhưng cột 'Tổng số CBCCVC, NLĐ' của dòng này ghi 32, cộng dòng 4 được 38. Dòng này không được cộng như một đơn vị."),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(
        d.units.keys().collect::<Vec<_>>(),
        ["Trường THCS Gia Thụy", "Trường Tiểu học Đoàn Kết"]
    );
    let en = merge_with(&[f], &["--lang", "en"]);
    assert!(
        en.stdout
            .contains("unclear whether this is a unit or a group heading"),
        "{}",
        en.stdout
    );
}

#[test]
fn totals_worded_tong_toan_nganh_toan_quan_tong_chung_are_not_counted_as_units() {
    let dir = tempfile::tempdir().unwrap();
    for label in [
        "Tổng:",
        "Tổng khối trường học",
        "Toàn ngành",
        "Toàn quận",
        "Tổng chung",
        "Tổng số",
        "TỔNG CỘNG TOÀN KHỐI",
    ] {
        let f = in_dir(&dir, "truong-hoc.xlsx");
        school_table(
            &f,
            &[
                &["1", "Trường Mầm non Hoa Mai", "30", "1", "29", "9", "20"],
                &["2", "Trường Mầm non Sơn Ca", "26", "0", "26", "8", "18"],
                &["", label, "56", "1", "55", "17", "38"],
            ],
        );
        let m = merge(&[f]);
        assert_eq!(codes(&m.stdout), ["list-missing"], "{label}: {}", m.stdout);
        let d = district(&m.out);
        assert_eq!(d.units.len(), 2, "{label}: {:?}", d.units.keys());
        assert_eq!(d.total().1, [56, 1, 55, 17, 38], "{label}");
    }
}

#[test]
fn a_unit_named_tong_doi_is_counted_and_a_total_typed_without_diacritics_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "chinh-quyen.xlsx");
    typed(
        &f,
        &[(
            "Mẫu 07",
            &[
                &["KHỐI CHÍNH QUYỀN - QUÝ I NĂM 2024"],
                HEADER,
                &["1", "Phòng Nội vụ", "10", "0", "10", "4", "6"],
                &[
                    "2",
                    "Tổng đội Thanh niên xung phong",
                    "12",
                    "0",
                    "12",
                    "5",
                    "7",
                ],
                &["", "Tong cong ty", "22", "0", "22", "9", "13"],
                &["", "Tổng cộng", "22", "0", "22", "9", "13"],
            ],
            &[],
        )],
    );
    let m = merge(&[f]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(
        codes(&m.stdout),
        ["value-unclear", "list-missing"],
        "{}",
        m.stdout
    );
    assert!(
        m.stdout.contains("('Tong cong ty'): không rõ là dòng tổng hay tên một đơn vị. Số của dòng này bằng tổng các đơn vị từ dòng 3 đến dòng 4 nên được coi là dòng tổng, không được cộng."),
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(
        d.units.keys().collect::<Vec<_>>(),
        ["Phòng Nội vụ", "Tổng đội Thanh niên xung phong"]
    );
    assert_eq!(d.total().1, [22, 0, 22, 9, 13]);
}

#[test]
fn a_tong_so_khoi_subtotal_in_the_middle_does_not_end_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "truong-hoc.xlsx");
    school_table(
        &f,
        &[
            &["I", "Khối Mầm non"],
            &["1", "Trường Mầm non Hoa Mai", "30", "1", "29", "9", "20"],
            &["2", "Trường Mầm non Sơn Ca", "26", "0", "26", "8", "18"],
            &["", "Tổng số khối Mầm non", "56", "1", "55", "17", "38"],
            &["II", "Khối Tiểu học"],
            &["3", "Trường Tiểu học Đoàn Kết", "38", "2", "36", "12", "24"],
            &["", "Tổng cộng", "94", "3", "91", "29", "62"],
            &[],
            &["", "NGƯỜI LẬP BIỂU"],
        ],
    );
    let m = merge(&[f]);
    assert_eq!(codes(&m.stdout), ["list-missing"], "{}", m.stdout);
    let d = district(&m.out);
    assert_eq!(d.units.len(), 3, "{:?}", d.units.keys());
    assert!(d.units.contains_key("Trường Tiểu học Đoàn Kết"));
    assert_eq!(d.total().1, [94, 3, 91, 29, 62]);

    // Units below the total that closes the table are counted, and said.
    let g = in_dir(&dir, "duoi.xlsx");
    school_table(
        &g,
        &[
            &["1", "Trường Mầm non Hoa Mai", "30", "1", "29", "9", "20"],
            &["", "Tổng cộng", "30", "1", "29", "9", "20"],
            &["2", "Trường Mầm non Sơn Ca", "26", "0", "26", "8", "18"],
        ],
    );
    let m = merge(&[g]);
    assert_eq!(m.code, 1, "{}", m.stdout);
    assert_eq!(
        codes(&m.stdout),
        ["total-mismatch", "list-missing"],
        "{}",
        m.stdout
    );
    assert!(
        m.stdout.contains("Dòng 5 của Mẫu 07 khối Trường học: đơn vị 'Trường Mầm non Sơn Ca' nằm dưới dòng tổng 'Tổng cộng' (dòng 4)"),
        "{}",
        m.stdout
    );
    assert_eq!(district(&m.out).total().1, [56, 1, 55, 17, 38]);
}

/// A Chính quyền mẫu 07 of one unit with 2 people đạt, and the sheets given after it.
fn with_lists(path: &Path, lists: &[Typed]) {
    let table: &[&[&str]] = &[
        &["KHỐI CHÍNH QUYỀN - QUÝ I NĂM 2024"],
        HEADER,
        &["1", "Phòng Nội vụ", "5", "0", "5", "2", "3"],
    ];
    let mut sheets: Vec<Typed> = vec![("Mẫu 07", table, &[])];
    sheets.extend_from_slice(lists);
    typed(path, &sheets);
}

const KHONG_DAT: &[&[&str]] = &[
    &["STT", "Họ và tên", "Đơn vị", "Lý do"],
    &[
        "1",
        "Trần Văn Bảo",
        "Phòng Nội vụ",
        "Tháng 2 không hoàn thành",
    ],
    &["2", "Lê Thị Cúc", "Phòng Nội vụ", "Tổng điểm dưới mức"],
    &["3", "Phạm Văn Dũng", "Phòng Nội vụ", "Kỷ luật"],
];

#[test]
fn a_sheet_of_people_khong_dat_is_never_published_as_dat() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "chinh-quyen.xlsx");
    with_lists(
        &f,
        &[
            ("Không đạt", KHONG_DAT, &[]),
            (
                "DS đạt",
                &[
                    &["STT", "Họ và tên", "Đơn vị"],
                    &["1", "Nguyễn Văn An", "Phòng Nội vụ"],
                    &["2", "Hoàng Thị Hà", "Phòng Nội vụ"],
                ],
                &[],
            ),
        ],
    );
    let m = merge(&[f]);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert!(codes(&m.stdout).is_empty(), "{}", m.stdout);
    let names: Vec<String> = dat_list(&m.out).1.iter().map(|p| p[0].clone()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Hoàng Thị Hà"]);

    // No sheet says it is the list of people đạt: the list is missing, never guessed.
    let g = in_dir(&dir, "khong-ro.xlsx");
    with_lists(
        &g,
        &[
            ("Không đạt", KHONG_DAT, &[]),
            (
                "Sheet3",
                &[
                    &["STT", "Họ và tên", "Đơn vị"],
                    &["1", "Nguyễn Văn An", "Phòng Nội vụ"],
                    &["2", "Hoàng Thị Hà", "Phòng Nội vụ"],
                ],
                &[],
            ),
            (
                "Sheet4",
                &[
                    &["DANH SÁCH CBCCVC CHƯA ĐẠT CHUYÊN NGHIỆP"],
                    &["STT", "Họ và tên", "Đơn vị"],
                    &["1", "Trần Văn Bảo", "Phòng Nội vụ"],
                ],
                &[],
            ),
        ],
    );
    let m = merge(std::slice::from_ref(&g));
    assert_eq!(codes(&m.stdout), ["list-missing"], "{}", m.stdout);
    for words in [
        "Trang 'Không đạt' là danh sách không đạt nên không được dùng.",
        "Trang 'Sheet3' có danh sách người nhưng không ghi rõ là danh sách người đạt",
        "Trang 'Sheet4' là danh sách không đạt nên không được dùng.",
    ] {
        assert!(m.stdout.contains(words), "{words}\n{}", m.stdout);
    }
    let (note, people) = dat_list(&m.out);
    assert!(people.is_empty(), "{people:?}");
    assert!(note.contains("Danh sách chưa đầy đủ"), "{note}");
    let en = merge_with(&[g], &["--lang", "en"]);
    assert!(
        en.stdout
            .contains("The sheet 'Không đạt' is a list of people không đạt, so it is not used."),
        "{}",
        en.stdout
    );
}

#[test]
fn a_person_named_tong_cong_or_tong_son_is_published() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "chinh-quyen.xlsx");
    with_lists(
        &f,
        &[(
            "Danh sách đạt",
            &[
                &["STT", "Họ và tên", "Đơn vị"],
                &["1", "Tống Công Minh", "Phòng Nội vụ"],
                &["2", "TỐNG SƠN HẢI", "Phòng Nội vụ"],
                &["", "Tổng cộng: 2 người"],
                &["", "TỔNG SỐ", "2"],
            ],
            &[],
        )],
    );
    let m = merge(&[f]);
    assert_eq!(m.code, 0, "{}", m.stdout);
    assert!(codes(&m.stdout).is_empty(), "{}", m.stdout);
    let names: Vec<String> = dat_list(&m.out).1.iter().map(|p| p[0].clone()).collect();
    assert_eq!(names, ["Tống Công Minh", "TỐNG SƠN HẢI"]);
}

#[test]
fn one_ward_under_two_groups_is_two_units() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "dang-doan-the.xlsx");
    typed(
        &f,
        &[(
            "Mẫu 07",
            &[
                &["KHỐI ĐẢNG - ĐOÀN THỂ - QUÝ I NĂM 2024"],
                HEADER,
                &["I", "Đảng ủy các phường"],
                &["1", "Phường Bồ Đề", "6", "0", "6", "2", "4"],
                &["2", "Phường Gia Thụy", "5", "0", "5", "1", "4"],
                &["II", "Ủy ban MTTQ các phường"],
                &["1", "Phường Bồ Đề", "4", "0", "4", "1", "3"],
                &["2", "Phường Gia Thụy", "3", "0", "3", "1", "2"],
                &["2", "Phường Gia Thụy", "3", "0", "3", "1", "2"],
                // The rows as typed: the row typed twice is in it.
                &["", "Tổng cộng", "21", "0", "21", "6", "15"],
            ],
            &[],
        )],
    );
    let m = merge(std::slice::from_ref(&f));
    // The same name twice in one group is still one unit typed twice.
    assert_eq!(
        findings(&m.stdout)
            .iter()
            .map(|(_, c, p)| format!("{c} {p}"))
            .collect::<Vec<_>>(),
        ["unit-duplicate Mẫu 07!B9", "list-missing Mẫu 07"],
        "{}",
        m.stdout
    );
    let d = district(&m.out);
    assert_eq!(
        d.units,
        BTreeMap::from([
            (
                "Phường Bồ Đề (Đảng ủy các phường)".to_string(),
                [6, 0, 6, 2, 4]
            ),
            (
                "Phường Gia Thụy (Đảng ủy các phường)".to_string(),
                [5, 0, 5, 1, 4]
            ),
            (
                "Phường Bồ Đề (Ủy ban MTTQ các phường)".to_string(),
                [4, 0, 4, 1, 3]
            ),
            (
                "Phường Gia Thụy (Ủy ban MTTQ các phường)".to_string(),
                [3, 0, 3, 1, 2]
            ),
        ])
    );
    assert_eq!(d.total().1, [18, 0, 18, 5, 13]);
    // Across files a name is one unit, as before.
    let g = in_dir(&dir, "chinh-quyen.xlsx");
    typed(
        &g,
        &[(
            "Mẫu 07",
            &[
                &["KHỐI CHÍNH QUYỀN - QUÝ I NĂM 2024"],
                HEADER,
                &["1", "Phường Bồ Đề", "20", "0", "20", "8", "12"],
            ],
            &[],
        )],
    );
    let m = merge(&[f, g]);
    assert!(
        codes(&m.stdout)
            .iter()
            .filter(|c| *c == "unit-duplicate")
            .count()
            == 2,
        "{}",
        m.stdout
    );
}

#[test]
fn a_table_with_only_a_total_row_says_it_has_no_unit_rows() {
    let dir = tempfile::tempdir().unwrap();
    let f = in_dir(&dir, "truong-hoc.xlsx");
    school_table(&f, &[&["", "Tổng cộng", "94", "3", "91", "29", "62"]]);
    let m = merge(&[f]);
    assert_eq!(m.code, 2, "{}{}", m.stdout, m.stderr);
    assert!(!m.out.exists());
    assert_eq!(
        findings(&m.stdout),
        [(
            "lỗi".to_string(),
            "info-missing".to_string(),
            "Mẫu 07!A2".to_string()
        )],
        "{}",
        m.stdout
    );
    assert!(
        m.stderr.contains("Không đọc được Mẫu 07 nào") && !m.stderr.contains("thiếu quý"),
        "{}",
        m.stderr
    );
    assert!(
        m.stderr
            .contains("truong-hoc.xlsx: bảng không có dòng đơn vị nào"),
        "{}",
        m.stderr
    );
}
