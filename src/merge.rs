//! Reading mẫu 07 workbooks back — this tool's own and ones re-typed by hand in the same layout —
//! to merge the blocs into the whole-district result.

use crate::district::{BlocSummary, DatPerson, DistrictSummary, UnitLine};
use crate::finding::{Detail, Finding, Unreadable};
use crate::model::{Bloc, Quarter, Total};
use crate::profile::Profile;
use crate::reader::{display, is_blank, Grid, Workbook};
use crate::text::{self, a1};
use crate::writer::mau07::{SHEET_DAT, SHEET_SUMMARY};
use calamine::Data;
use std::collections::HashMap;
use std::path::Path;

/// One mẫu 07 workbook read back.
#[derive(Debug, Clone)]
pub struct Mau07 {
    pub file: String,
    pub quarter: Option<Quarter>,
    pub bloc: Option<Bloc>,
    pub units: Vec<(UnitLine, String)>,
    pub dat_people: Vec<DatPerson>,
}

/// The result of a merge: the district (when the inputs allow one) and the findings.
#[derive(Debug)]
pub struct Merged {
    pub district: Option<DistrictSummary>,
    pub findings: Vec<Finding>,
    /// Distinct quarters found, with the files that gave them (more than one: the merge is refused).
    pub quarters: Vec<(Quarter, Vec<String>)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Col {
    Stt,
    Name,
    People,
    NotEvaluated,
    Evaluated,
    Dat,
    Rate,
    KhongDat,
    Note,
}

fn summary_col(k: &str) -> Option<Col> {
    use Col::*;
    Some(match k {
        "stt" | "tt" => Stt,
        "don vi" | "ten don vi" | "co quan don vi" => Name,
        "tong so cbccvc nld" | "tong so" | "tong so cbccvc" | "so cbccvc nld" => People,
        "so khong danh gia" | "khong danh gia" | "so khong duoc danh gia" => NotEvaluated,
        "so duoc danh gia" | "duoc danh gia" => Evaluated,
        "so dat chuyen nghiep" | "so dat" | "dat chuyen nghiep" | "dat" => Dat,
        "ty le" | "ty le %" | "ty le dat" => Rate,
        "so khong dat" | "khong dat" => KhongDat,
        "ghi chu" => Note,
        _ => return None,
    })
}

pub use crate::text::quarter_in_title;

use crate::model::MAX_COUNT;

/// A count of people typed in a mẫu 07 cell: a whole number from 0 to [`MAX_COUNT`]; blank is 0.
/// Anything else (negative, not whole, absurdly large, text) is `None`: the cell gets a finding
/// and its row is not counted — never wrapped, never a panic.
pub fn count(d: &Data) -> Option<u32> {
    let n = match d {
        Data::Int(i) => u32::try_from(*i).ok()?,
        Data::Float(f) if f.fract() == 0.0 && (0.0..=MAX_COUNT as f64).contains(f) => *f as u32,
        Data::String(s) => s.trim().parse().ok()?,
        Data::Empty => 0,
        _ => return None,
    };
    (n <= MAX_COUNT).then_some(n)
}

fn cell_text(g: &Grid, r: u32, c: u32) -> String {
    match g.get(r, c) {
        Data::String(s) => text::tidy(s),
        Data::Empty => String::new(),
        other => display(other),
    }
}

/// Reads one mẫu 07 workbook.
pub fn read_mau07(
    path: &Path,
    display_name: &str,
    profile: &Profile,
) -> (Option<Mau07>, Vec<Finding>) {
    let mut findings = Vec::new();
    let finding = |sheet: Option<&str>, cell: Option<String>, detail: Detail| Finding {
        file: display_name.to_string(),
        sheet: sheet.map(str::to_string),
        cell,
        person: None,
        person_name: None,
        detail,
    };
    let mut wb = match Workbook::open(path) {
        Ok(wb) => wb,
        Err(u) => return (None, vec![finding(None, None, Detail::Unreadable(u))]),
    };
    let sheet = wb
        .find_sheet(SHEET_SUMMARY)
        .or_else(|| wb.sheet_names().first().cloned());
    let Some(sheet) = sheet else {
        return (
            None,
            vec![finding(
                Some(SHEET_SUMMARY),
                None,
                Detail::SheetMissing {
                    sheet: SHEET_SUMMARY,
                },
            )],
        );
    };
    let grid = match wb.grid(&sheet) {
        Ok(g) => g,
        Err(u) => {
            return (
                None,
                vec![finding(Some(&sheet), None, Detail::Unreadable(u))],
            )
        }
    };

    // Title rows: the quarter and the bloc.
    let mut quarter = None;
    let mut bloc = None;
    let mut header: Option<(u32, Vec<(u32, Col)>)> = None;
    for r in 0..grid.row_end().min(30) {
        let mut cols = Vec::new();
        for c in grid.col_start()..grid.col_end() {
            let t = cell_text(&grid, r, c);
            if t.is_empty() {
                continue;
            }
            if quarter.is_none() {
                quarter = quarter_in_title(&t);
            }
            let k = text::key(&t);
            if bloc.is_none() && k.starts_with("khoi ") {
                bloc = profile.bloc_from_text(&k);
            }
            if let Some(col) = summary_col(&k) {
                cols.push((c, col));
            }
        }
        if cols.len() >= 5 && header.is_none() {
            header = Some((r, cols));
        }
    }
    if bloc.is_none() {
        let stem = text::key(path.file_stem().and_then(|s| s.to_str()).unwrap_or(""));
        bloc = Bloc::ALL
            .into_iter()
            .find(|b| stem.contains(&text::key(b.code())));
    }
    if quarter.is_none() {
        findings.push(finding(
            Some(&sheet),
            None,
            Detail::InfoMissing { label: "Quý" },
        ));
    }
    if bloc.is_none() {
        findings.push(finding(
            Some(&sheet),
            None,
            Detail::InfoMissing { label: "Khối" },
        ));
    }
    let Some((hrow, cols)) = header else {
        findings.push(finding(Some(&sheet), None, Detail::HeaderNotFound));
        return (None, findings);
    };
    let find = |want: Col| cols.iter().find(|(_, c)| *c == want).map(|(c, _)| *c);
    let mut missing = false;
    for (want, label) in [
        (Col::Name, "Đơn vị"),
        (Col::People, "Tổng số CBCCVC, NLĐ"),
        (Col::NotEvaluated, "Số không đánh giá"),
        (Col::Evaluated, "Số được đánh giá"),
        (Col::Dat, "Số đạt chuyên nghiệp"),
        (Col::KhongDat, "Số không đạt"),
    ] {
        if find(want).is_none() {
            findings.push(finding(
                Some(&sheet),
                Some(a1(hrow, grid.col_start())),
                Detail::ColumnMissing {
                    column: label.into(),
                },
            ));
            missing = true;
        }
    }
    if missing {
        return (None, findings);
    }
    let [name_c, people_c, ne_c, ev_c, dat_c, kd_c] = [
        Col::Name,
        Col::People,
        Col::NotEvaluated,
        Col::Evaluated,
        Col::Dat,
        Col::KhongDat,
    ]
    .map(|c| find(c).expect("checked"));
    let note_c = find(Col::Note);

    let mut units = Vec::new();
    let mut written_totals: Option<(u32, [u64; 5])> = None;
    for r in hrow + 1..grid.row_end() {
        if grid.is_row_empty(r) {
            continue;
        }
        let first = text::key(&cell_text(&grid, r, grid.col_start()));
        let name = cell_text(&grid, r, name_c);
        let k = text::key(&name);
        let label = if k.is_empty() {
            first.clone()
        } else {
            k.clone()
        };
        let is_total =
            label.starts_with("tong cong") || label.starts_with("cong khoi") || label == "cong";
        let mut nums = [0u32; 5];
        let mut bad = false;
        for (i, c) in [people_c, ne_c, ev_c, dat_c, kd_c].into_iter().enumerate() {
            match count(grid.get(r, c)) {
                Some(n) => nums[i] = n,
                None => {
                    bad = true;
                    findings.push(finding(
                        Some(&sheet),
                        Some(a1(r, c)),
                        Detail::CountInvalid {
                            value: display(grid.get(r, c)),
                        },
                    ));
                }
            }
        }
        if is_total {
            if !bad {
                written_totals = Some((r, nums.map(u64::from)));
            }
            break;
        }
        if name.is_empty() {
            // A section heading ("I. KHỐI …") or a stray line: not a unit.
            if [people_c, ne_c, ev_c, dat_c, kd_c]
                .iter()
                .all(|&c| is_blank(grid.get(r, c)))
            {
                continue;
            }
        }
        if bad {
            continue;
        }
        let [people, not_evaluated, evaluated, dat, khong_dat] = nums;
        // Each count is at most MAX_COUNT: their sums are taken in u64 all the same.
        let wide = u64::from;
        if wide(evaluated) + wide(not_evaluated) != wide(people) {
            findings.push(finding(
                Some(&sheet),
                Some(a1(r, people_c)),
                Detail::Mau07Sum {
                    unit: name.clone(),
                    what: crate::finding::Mau07Check::People,
                    left: wide(evaluated) + wide(not_evaluated),
                    right: wide(people),
                },
            ));
        }
        if wide(dat) + wide(khong_dat) != wide(evaluated) {
            findings.push(finding(
                Some(&sheet),
                Some(a1(r, ev_c)),
                Detail::Mau07Sum {
                    unit: name.clone(),
                    what: crate::finding::Mau07Check::Evaluated,
                    left: wide(dat) + wide(khong_dat),
                    right: wide(evaluated),
                },
            ));
        }
        let note = note_c.map(|c| cell_text(&grid, r, c)).unwrap_or_default();
        // "N người chưa xác định …": N is part of the không đạt, never more.
        let loi = note
            .split(' ')
            .next()
            .filter(|_| text::key(&note).contains("chua xac dinh"))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n <= khong_dat)
            .unwrap_or(0);
        units.push((
            UnitLine {
                name,
                people,
                not_evaluated,
                evaluated,
                dat,
                khong_dat,
                loi,
                note,
            },
            a1(r, name_c),
        ));
    }
    if let Some((r, t)) = written_totals {
        let sums = crate::district::Sums::of(units.iter().map(|(u, _)| u));
        let expected = [
            sums.people,
            sums.not_evaluated,
            sums.evaluated,
            sums.dat,
            sums.khong_dat,
        ];
        if t != expected {
            findings.push(finding(
                Some(&sheet),
                Some(a1(r, people_c)),
                Detail::Mau07TotalRow,
            ));
        }
    }

    let dat_people = read_dat_list(&mut wb);
    (
        Some(Mau07 {
            file: display_name.to_string(),
            quarter,
            bloc,
            units,
            dat_people,
        }),
        findings,
    )
}

/// No total of scores is larger than this (200 contents at 100 points): beyond it the cell is
/// not a total.
const MAX_TOTAL_POINTS: u32 = 20_000;

/// A person's total in the list of people đạt: a whole or half number, typed or stored; anything
/// else (negative, absurd, another step) is left blank rather than guessed.
fn total_of(d: &Data) -> Option<Total> {
    let hp = match d {
        Data::Float(f) if f.is_finite() && *f >= 0.0 && *f <= MAX_TOTAL_POINTS as f64 => f * 2.0,
        Data::Int(i) => {
            let p = u32::try_from(*i).ok().filter(|p| *p <= MAX_TOTAL_POINTS)?;
            return Some(Total(p * 2));
        }
        Data::String(s) => return text::parse_total(s, MAX_TOTAL_POINTS),
        _ => return None,
    };
    (hp.fract() == 0.0).then_some(Total(hp as u32))
}

fn read_dat_list(wb: &mut Workbook) -> Vec<DatPerson> {
    let Some(sheet) = wb.find_sheet(SHEET_DAT) else {
        return Vec::new();
    };
    let Ok(grid) = wb.grid(&sheet) else {
        return Vec::new();
    };
    let mut header = None;
    for r in 0..grid.row_end().min(20) {
        let mut cols = HashMap::new();
        for c in grid.col_start()..grid.col_end() {
            let k = text::key(&cell_text(&grid, r, c));
            match k.as_str() {
                "ho va ten" | "ho ten" => cols.insert("name", c),
                "chuc vu" => cols.insert("title", c),
                "don vi" => cols.insert("unit", c),
                "tong diem" => cols.insert("total", c),
                _ => None,
            };
        }
        if cols.contains_key("name") && cols.contains_key("unit") {
            header = Some((r, cols));
            break;
        }
    }
    let Some((hrow, cols)) = header else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in hrow + 1..grid.row_end() {
        let name = cell_text(&grid, r, cols["name"]);
        if name.is_empty() {
            continue;
        }
        let total = cols.get("total").and_then(|&c| total_of(grid.get(r, c)));
        out.push(DatPerson {
            name,
            title: cols
                .get("title")
                .map(|&c| cell_text(&grid, r, c))
                .unwrap_or_default(),
            unit: cell_text(&grid, r, cols["unit"]),
            total,
        });
    }
    out
}

/// Merges mẫu 07 workbooks: one quarter, each unit once.
pub fn merge(files: &[(std::path::PathBuf, String)], profile: &Profile) -> Merged {
    let mut findings = Vec::new();
    let mut read = Vec::new();
    for (path, name) in files {
        let (m, f) = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            read_mau07(path, name, profile)
        })) {
            Ok(x) => x,
            Err(_) => (
                None,
                vec![Finding {
                    file: name.clone(),
                    sheet: None,
                    cell: None,
                    person: None,
                    person_name: None,
                    detail: Detail::Unreadable(Unreadable::Damaged(
                        "lỗi khi đọc tệp / reader failure".into(),
                    )),
                }],
            ),
        };
        findings.extend(f);
        read.extend(m);
    }
    let mut quarters: Vec<(Quarter, Vec<String>)> = Vec::new();
    for m in &read {
        if let Some(q) = m.quarter {
            match quarters.iter_mut().find(|(x, _)| *x == q) {
                Some((_, files)) => files.push(m.file.clone()),
                None => quarters.push((q, vec![m.file.clone()])),
            }
        }
    }
    quarters.sort();
    let quarter = match quarters.as_slice() {
        [(q, _)] => Some(*q),
        _ => None,
    };

    let mut blocs: Vec<BlocSummary> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for m in read {
        let Some(bloc) = m.bloc else { continue };
        let idx = match blocs.iter().position(|b| b.bloc == bloc) {
            Some(i) => i,
            None => {
                blocs.push(BlocSummary {
                    bloc,
                    units: Vec::new(),
                    dat_people: Vec::new(),
                });
                blocs.len() - 1
            }
        };
        for (line, cell) in m.units {
            let key = text::key(&line.name);
            if let Some(other) = seen.get(&key) {
                findings.push(Finding {
                    file: m.file.clone(),
                    sheet: Some(SHEET_SUMMARY.to_string()),
                    cell: Some(cell),
                    person: None,
                    person_name: None,
                    detail: Detail::UnitDuplicate {
                        code: line.name.clone(),
                        other: other.clone(),
                    },
                });
                continue;
            }
            seen.insert(key, m.file.clone());
            blocs[idx].units.push(line);
        }
        blocs[idx].dat_people.extend(m.dat_people);
    }
    blocs.sort_by_key(|b| b.bloc);
    let district = quarter.map(|quarter| DistrictSummary { quarter, blocs });
    Merged {
        district,
        findings,
        quarters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_in_titles() {
        assert_eq!(
            quarter_in_title("KẾT QUẢ ĐÁNH GIÁ SỰ CHUYÊN NGHIỆP CỦA CBCCVC, NLĐ QUÝ I NĂM 2024"),
            Quarter::new(2024, 1)
        );
        assert_eq!(quarter_in_title("Quý III/2025"), Quarter::new(2025, 3));
        assert_eq!(quarter_in_title("Tổng hợp"), None);
    }
}
