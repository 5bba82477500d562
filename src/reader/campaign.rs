//! Reading a campaign's proposal workbook (`danhgia template de-nghi-khen-thuong`): the sheet
//! `Đề nghị khen thưởng`, one row per proposal — `Đơn vị | Loại | Tên | Hình thức | Ngày nhận |
//! <dossier columns of the profile> | Ghi chú` — and, for a deadline counted from an event, the
//! event's date in the `Thông tin` sheet. Headers are found by name in the first 20 rows.

use super::layout::{find_header, Header, Layout};
use super::{display, is_blank, Grid, Workbook};
use crate::batch::Input;
use crate::campaign::{
    self, Campaign, CampaignCheck, CampaignDetail, CampaignFinding, CampaignInput, ProposalRow,
    Window,
};
use crate::finding::Detail;
use crate::text::{self, a1};
use calamine::Data;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Unit,
    Kind,
    Name,
    Award,
    Received,
    Part(usize),
    Note,
}

fn classify(k: &str, c: &Campaign) -> Option<Col> {
    if let Some(i) = c.dossier.iter().position(|p| {
        let pk = text::key(&p.column);
        k == pk || k.starts_with(&format!("{pk} "))
    }) {
        return Some(Col::Part(i));
    }
    Some(match k {
        "stt" | "so tt" => Col::Stt,
        "don vi"
        | "co quan don vi"
        | "don vi de nghi"
        | "co quan"
        | "ten don vi"
        | "co quan don vi de nghi" => Col::Unit,
        "loai" | "loai tap the ca nhan" | "tap the ca nhan" | "doi tuong" => Col::Kind,
        "ten"
        | "ten tap the ca nhan"
        | "ten tap the hoac ca nhan"
        | "ho va ten"
        | "ho ten"
        | "tap the ca nhan duoc de nghi" => Col::Name,
        "hinh thuc" | "hinh thuc khen thuong" | "hinh thuc de nghi" => Col::Award,
        "ngay nhan" | "ngay nhan ho so" | "ngay gui" | "ngay gui ho so" => Col::Received,
        "ghi chu" => Col::Note,
        _ => return None,
    })
}

/// The columns of a campaign's list: fixed ones, and the dossier parts its profile names.
struct Dossier<'a>(&'a Campaign);

impl Layout<Col> for Dossier<'_> {
    fn classify(&self, _: &Data, key: &str) -> Option<Col> {
        classify(key, self.0)
    }
    fn is_key(&self, c: Col) -> bool {
        c == Col::Name
    }
    fn min_columns(&self) -> usize {
        3
    }
    fn two_rows(&self) -> bool {
        false
    }
}

struct Reader<'a> {
    file: &'a str,
    findings: Vec<CampaignFinding>,
}

impl Reader<'_> {
    fn push(&mut self, sheet: Option<&str>, cell: Option<String>, person: Option<&str>, d: Detail) {
        self.findings.push(CampaignFinding {
            file: self.file.to_string(),
            sheet: sheet.map(str::to_string),
            cell,
            person: person.map(str::to_string),
            detail: CampaignDetail::Common(d),
        });
    }
}

fn cell_text(grid: &Grid, row: u32, col: u32) -> String {
    super::cell_text(grid.get(row, col)).text
}

fn date_of(d: &Data) -> Option<NaiveDate> {
    super::date_of_cell(d)
}

fn present(d: &Data) -> bool {
    match d {
        Data::String(s) => text::is_yes(s),
        Data::Bool(b) => *b,
        Data::Int(i) => *i != 0,
        Data::Float(f) => *f != 0.0,
        Data::Empty => false,
        _ => true,
    }
}

/// Reads the `Thông tin` sheet: the event date (when the window needs one) and the year.
fn read_info(r: &mut Reader, wb: &mut Workbook, c: &Campaign) -> (Option<NaiveDate>, Option<i32>) {
    let event = match &c.window {
        Window::After { event, .. } => Some(event.as_str()),
        Window::Fixed { .. } => None,
    };
    let Some(name) = wb.find_sheet(campaign::SHEET_INFO) else {
        if let Some(e) = event {
            r.findings.push(CampaignFinding {
                file: r.file.to_string(),
                sheet: Some(campaign::SHEET_INFO.to_string()),
                cell: None,
                person: None,
                detail: CampaignDetail::EventMissing {
                    event: e.to_string(),
                },
            });
        }
        return (None, None);
    };
    let Ok(grid) = wb.grid(&name) else {
        return (None, None);
    };
    let (mut date, mut year, mut found_event) = (None, None, false);
    for row in grid.row_start()..grid.row_end() {
        let Some(lc) = grid.first_filled(row) else {
            continue;
        };
        let label = text::key(&cell_text(&grid, row, lc));
        let vc = grid
            .filled(row)
            .map(|(c, _)| c)
            .find(|&c| c > lc)
            .unwrap_or(lc + 1);
        let value = grid.get(row, vc);
        if event.is_some_and(|e| text::key(e) == label) {
            found_event = true;
            match date_of(value) {
                Some(d) => date = Some(d),
                None if is_blank(value) => r.findings.push(CampaignFinding {
                    file: r.file.to_string(),
                    sheet: Some(name.clone()),
                    cell: Some(a1(row, vc)),
                    person: None,
                    detail: CampaignDetail::EventMissing {
                        event: event.unwrap_or_default().to_string(),
                    },
                }),
                None => r.push(
                    Some(&name),
                    Some(a1(row, vc)),
                    None,
                    Detail::DateInvalid {
                        column: "Thông tin",
                        value: display(value),
                    },
                ),
            }
        } else if label == "nam" {
            year = match value {
                Data::Int(i) => i32::try_from(*i).ok(),
                Data::Float(f) if f.fract() == 0.0 => Some(*f as i32),
                Data::String(s) => s.trim().parse().ok(),
                _ => None,
            };
        }
    }
    if let (Some(e), false) = (event, found_event) {
        r.findings.push(CampaignFinding {
            file: r.file.to_string(),
            sheet: Some(name.clone()),
            cell: Some(a1(grid.row_start(), grid.col_start())),
            person: None,
            detail: CampaignDetail::EventMissing {
                event: e.to_string(),
            },
        });
    }
    (date, year)
}

/// Reads one proposal workbook.
pub fn read(
    file: &str,
    wb: &mut Workbook,
    c: &Campaign,
) -> (Option<CampaignInput>, Vec<CampaignFinding>) {
    let mut r = Reader {
        file,
        findings: Vec::new(),
    };
    let (event_date, year) = read_info(&mut r, wb, c);
    let Some(sheet) = wb.find_sheet(campaign::SHEET) else {
        r.push(
            Some(campaign::SHEET),
            None,
            None,
            Detail::SheetMissing {
                sheet: campaign::SHEET,
            },
        );
        return (None, r.findings);
    };
    let grid = match wb.grid(&sheet) {
        Ok(g) => g,
        Err(u) => {
            r.push(Some(&sheet), None, None, Detail::Unreadable(u));
            return (None, r.findings);
        }
    };
    let layout = Dossier(c);
    let header = find_header(&grid, &layout, &mut |row, col| cell_text(&grid, row, col));
    let Some(Header {
        row: hrow, cols, ..
    }) = header
    else {
        r.push(Some(&sheet), None, None, Detail::HeaderNotFound);
        return (None, r.findings);
    };
    let find = |want: &Col| cols.iter().find(|h| h.kind == *want).map(|h| h.col);
    let mut required: Vec<(Col, String)> = vec![
        (Col::Unit, "Đơn vị".into()),
        (Col::Kind, "Loại".into()),
        (Col::Name, "Tên".into()),
        (Col::Award, "Hình thức".into()),
        (Col::Received, "Ngày nhận".into()),
    ];
    for (i, p) in c.dossier.iter().enumerate() {
        required.push((Col::Part(i), p.column.clone()));
    }
    let header_cell = a1(hrow, grid.col_start());
    let mut missing = false;
    for (col, name) in &required {
        if find(col).is_none() {
            missing = true;
            r.push(
                Some(&sheet),
                Some(header_cell.clone()),
                None,
                Detail::ColumnMissing {
                    column: name.clone(),
                },
            );
        }
    }
    if missing {
        return (None, r.findings);
    }
    let col = |k: Col| find(&k).unwrap_or(0);
    let (unit_c, kind_c, name_c, award_c, recv_c) = (
        col(Col::Unit),
        col(Col::Kind),
        col(Col::Name),
        col(Col::Award),
        col(Col::Received),
    );
    let part_cols: Vec<u32> = (0..c.dossier.len()).map(|i| col(Col::Part(i))).collect();
    let note_c = find(&Col::Note);

    let mut rows = Vec::new();
    for row in hrow + 1..grid.row_end() {
        if grid.is_row_empty(row) {
            continue;
        }
        let unit = cell_text(&grid, row, unit_c);
        let name = cell_text(&grid, row, name_c);
        let kind_text = cell_text(&grid, row, kind_c);
        let award_text = cell_text(&grid, row, award_c);
        if unit.is_empty() && name.is_empty() && kind_text.is_empty() && award_text.is_empty() {
            continue;
        }
        let k = text::key(&unit);
        if name.is_empty() && (k.starts_with("tong cong") || k == "cong") {
            continue;
        }
        let recv = grid.get(row, recv_c);
        let received = if is_blank(recv) {
            Err(String::new())
        } else {
            match date_of(recv) {
                Some(d) => Ok(d),
                None => {
                    let value = display(recv);
                    r.push(
                        Some(&sheet),
                        Some(a1(row, recv_c)),
                        (!name.is_empty()).then_some(name.as_str()),
                        Detail::DateInvalid {
                            column: "Ngày nhận",
                            value: value.clone(),
                        },
                    );
                    Err(value)
                }
            }
        };
        rows.push(ProposalRow {
            file: file.to_string(),
            sheet: sheet.clone(),
            row,
            unit,
            unit_cell: a1(row, unit_c),
            kind_text,
            kind_cell: a1(row, kind_c),
            name,
            name_cell: a1(row, name_c),
            award_text,
            award_cell: a1(row, award_c),
            received,
            received_cell: a1(row, recv_c),
            dossier: part_cols
                .iter()
                .map(|&pc| (present(grid.get(row, pc)), a1(row, pc)))
                .collect(),
            note: note_c
                .map(|nc| cell_text(&grid, row, nc))
                .unwrap_or_default(),
        });
    }
    (
        Some(CampaignInput {
            file: file.to_string(),
            rows,
            event_date,
            year,
        }),
        r.findings,
    )
}

/// Reads every input (lock files and non-workbooks skipped, as for unit workbooks) and checks
/// the proposals against the campaign.
pub fn check_inputs(inputs: &[Input], c: &Campaign) -> CampaignCheck {
    let mut inputs_read = Vec::new();
    let mut findings = Vec::new();
    for input in inputs.iter().filter(|i| !i.skip) {
        let unreadable = |u| CampaignFinding {
            file: input.display.clone(),
            sheet: None,
            cell: None,
            person: None,
            detail: CampaignDetail::Common(Detail::Unreadable(u)),
        };
        if !input.path.exists() {
            findings.push(unreadable(crate::finding::Unreadable::Io(
                "không có tệp hoặc thư mục này / no such file or directory".into(),
            )));
            continue;
        }
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Workbook::open(&input.path).map(|mut wb| read(&input.display, &mut wb, c))
        }));
        match outcome {
            Ok(Err(u)) => findings.push(unreadable(u)),
            Ok(Ok((one, more))) => {
                findings.extend(more);
                inputs_read.extend(one);
            }
            Err(_) => findings.push(unreadable(crate::finding::Unreadable::Damaged(
                "lỗi khi đọc tệp / reader failure".into(),
            ))),
        }
    }
    campaign::check(&inputs_read, findings, c)
}
