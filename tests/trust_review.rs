//! Regressions of the review of "Decide only on what was read" (SPEC §2, §3, §6): decision
//! columns headed in other words, missing decision columns, two columns of one month, rows that
//! name nobody, merged cells, formulas without a value in `Bộ phận`/`Phụ trách`, the narrow
//! reading of discipline ends and inspection negations, bare numbers in date columns, stray
//! ratings, an unclear `Kiểm điểm`, and the text report's grouping of findings.
//!
//! Every test builds a small unit workbook (see `book/mod.rs`: a mẫu 03 leader `TN01` of the
//! whole unit and passing members `TN02`… on mẫu 04, quarter I/2024) in a fresh temporary
//! directory, changes one thing, and runs the real binary.

mod book;
mod checks;
mod common;

use book::*;
use checks::*;
use common::*;
use serde_json::Value;

// ------------------------------------------------------------------------------------ helpers

const MA_CB: &str = "Mã CB";
const BO_PHAN: &str = "Bộ phận";

/// Every person of the unit `loi`.
fn all_loi(unit: &Unit) -> Vec<(&str, &str, &[&str])> {
    unit.people
        .iter()
        .map(|p| (p.id.as_str(), "loi", NONE))
        .collect()
}

/// The one finding of this code and cell.
fn finding_at<'a>(doc: &'a Value, code: &str, cell: &str) -> &'a Value {
    let found: Vec<&Value> = finding_values(doc)
        .iter()
        .filter(|f| f["code"] == code && f["cell"] == cell)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {code} at {cell}: {:#}",
        doc["findings"]
    );
    found[0]
}

// ------------------------------------------------ 1. decision columns headed in other words

#[test]
fn a_discipline_column_headed_otherwise_is_read_never_dropped() {
    for header in ["Hình thức kỷ luật", "Kỷ luật (nếu có)"] {
        let mut u = Unit::new("TN", 3);
        u.rename(KY_LUAT, header);
        u.person("TN03").text(KY_LUAT, "Cảnh cáo");
        let (_dir, path) = save(&u);
        let doc = check_both(&path, &[], 0);
        assert_outcomes(
            &doc,
            &dat_except(
                &u,
                &[
                    ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                    ("TN03", "khong-dat", &["ky-luat"]),
                ],
            ),
        );
    }
}

#[test]
fn party_and_government_discipline_columns_are_both_read() {
    let mut u = Unit::new("TN", 3);
    u.rename(KY_LUAT, "Kỷ luật Đảng");
    u.add_column("Kỷ luật chính quyền");
    u.person("TN03").cell("Kỷ luật chính quyền", t("Cảnh cáo"));
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                ("TN03", "khong-dat", &["ky-luat"]),
            ],
        ),
    );
}

/// Under inspection without a conclusion fails the member, and is no breach of the leader's
/// condition (SPEC §2, 4.).
#[test]
fn separate_thanh_tra_and_kiem_tra_columns_are_both_read() {
    let mut u = Unit::new("TN", 3);
    u.rename(THANH_TRA, "Thanh tra");
    u.add_column("Kiểm tra");
    u.person("TN03").cell("Kiểm tra", t("Đang kiểm tra"));
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN03", "khong-dat", &["thanh-tra"])]),
    );
}

// ------------------------------------------------ 2. a missing decision column

/// The header row's `column-missing` (on `Danh sách`, about nobody) makes everyone `loi`.
fn check_column_missing(u: &Unit, column: &str) {
    let (_dir, path) = save(u);
    let expected = [Expect::error("column-missing", FILE)
        .sheet(SHEET_LIST)
        .cell("A1")];
    let doc = check_both(&path, &expected, 1);
    assert_outcomes(&doc, &all_loi(u));
    let message = str_field(&finding_values(&doc)[0], "message");
    assert!(
        message.contains(column),
        "the message names '{column}': {message}"
    );
}

#[test]
fn a_missing_discipline_column_is_column_missing_and_everyone_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.drop_column(KY_LUAT);
    check_column_missing(&u, KY_LUAT);
}

#[test]
fn a_missing_inspection_column_is_column_missing_and_everyone_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.drop_column(THANH_TRA);
    check_column_missing(&u, THANH_TRA);
}

#[test]
fn a_list_without_any_absence_column_is_column_missing_and_everyone_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.drop_column(SO_NGAY_NGHI);
    check_column_missing(&u, SO_NGAY_NGHI);
    // Only one of the two leave dates does not say how long anyone was away.
    u.columns.push(NGHI_TU);
    check_column_missing(&u, SO_NGAY_NGHI);
}

#[test]
fn the_two_leave_date_columns_stand_for_a_missing_so_ngay_nghi() {
    let mut u = Unit::new("TN", 3);
    u.drop_column(SO_NGAY_NGHI);
    u.columns.extend([NGHI_TU, NGHI_DEN]);
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

// ------------------------------------------------ 3. two columns of one month

/// A `T1` column beside `Tháng 1`, filled like it for everyone.
fn unit_with_t1() -> Unit {
    let mut u = Unit::new("TN", 3);
    u.add_column("T1");
    for p in &mut u.people {
        let first = p.months[0].clone();
        p.cell("T1", first);
    }
    u
}

#[test]
fn two_columns_of_one_month_with_the_same_rating_are_fine() {
    let u = unit_with_t1();
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

#[test]
fn two_columns_of_one_month_with_different_ratings_are_rating_conflict() {
    let mut u = unit_with_t1();
    u.person("TN03").cell("T1", t("HTTNV"));
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[
            list_error("rating-conflict", u.list_cell("TN03", "T1"), Some("TN03")),
            // The leader's finding points at the cell that cannot be read, as for every column.
            list_error("scope-unknown", u.list_cell("TN03", "T1"), Some("TN01")),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN03", "loi", NONE)]),
    );
}

// ------------------------------------------------ 4. rows that name nobody

#[test]
fn a_named_row_without_ma_cb_is_person_unmatched_and_the_leader_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.add_staff("X1", "Vũ Thị Giang", date(9, 9, 1990))
        .cell(MA_CB, Cell::Blank)
        .months(["KHTNV", "HTTNV", "HTTNV"])
        .unscored();
    let (_dir, path) = save(&u);
    let cell = u.list_cell("X1", MA_CB);
    let doc = check_both(
        &path,
        &[
            list_error("person-unmatched", cell.clone(), None),
            list_error("scope-unknown", cell, Some("TN01")),
        ],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN01", "loi", NONE)]));
}

#[test]
fn a_row_without_ma_cb_and_name_but_with_content_is_person_unmatched_and_the_leader_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.add_row("X1")
        .cell("Tháng 1", t("HTTNV"))
        .cell("Tháng 2", t("KHTNV"))
        .cell(KY_LUAT, t("Cảnh cáo"));
    let (_dir, path) = save(&u);
    let cell = u.list_cell("X1", MA_CB);
    let doc = check_both(
        &path,
        &[
            list_error("person-unmatched", cell.clone(), None),
            list_error("scope-unknown", cell, Some("TN01")),
        ],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN01", "loi", NONE)]));
}

#[test]
fn a_numbered_blank_template_row_is_nobody_and_no_finding() {
    let mut u = Unit::new("TN", 3);
    u.add_row("X1");
    u.add_row("X2");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

#[test]
fn a_repeated_ma_cb_is_person_duplicate_naming_the_second_row_and_the_leader_is_loi() {
    let mut u = Unit::new("TN", 3);
    let second = "Vũ Thị Giang";
    u.add_staff("X1", second, date(9, 9, 1990))
        .cell(MA_CB, t("TN03"))
        .text(KY_LUAT, "Cảnh cáo")
        .unscored();
    let (_dir, path) = save(&u);
    let cell = u.list_cell("X1", MA_CB);
    let doc = check_both(
        &path,
        &[
            list_error("person-duplicate", cell.clone(), Some("TN03")),
            list_error("scope-unknown", cell.clone(), Some("TN01")),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN03", "loi", NONE)]),
    );
    let message = str_field(finding_at(&doc, "person-duplicate", &cell), "message");
    assert!(
        message.contains(second),
        "the message names the second row's person '{second}': {message}"
    );
}

// ------------------------------------------------ 5. cells merged down a column

/// `TN02` leads "Bộ phận Ngân sách"; `TN03` and `TN04` share one merged `Bộ phận` cell of it.
fn unit_with_merged_part() -> Unit {
    let mut u = Unit::new("TN", 4);
    u.person("TN02").lead("Bộ phận Ngân sách");
    for id in ["TN03", "TN04"] {
        u.person(id).part = "Bộ phận Ngân sách".into();
    }
    u.merge(BO_PHAN, "TN03", "TN04", "Bộ phận Ngân sách");
    u
}

#[test]
fn a_merged_bo_phan_puts_every_row_of_it_in_the_leaders_scope() {
    let mut u = unit_with_merged_part();
    u.person("TN04").month(1, t("KHTNV"));
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                ("TN02", "khong-dat", &["don-vi-vi-pham"]),
                ("TN04", "khong-dat", &["thang-duoi-tot"]),
            ],
        ),
    );
}

#[test]
fn a_merged_inspection_cell_applies_to_every_row_of_it() {
    let mut u = Unit::new("TN", 4);
    u.merge(THANH_TRA, "TN03", "TN04", "Có sai phạm");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                ("TN03", "khong-dat", &["thanh-tra"]),
                ("TN04", "khong-dat", &["thanh-tra"]),
            ],
        ),
    );
}

// ------------------------------------------------ 6. formulas without a value in the scope

/// `TN02` leads "Bộ phận Tổng hợp" (where the members are); `TN03`'s `Bộ phận` is a formula
/// without a value: in that part or not, nobody knows. Like every other `scope-unknown` about a
/// member's unreadable cell, the finding points at the cell to fix: `TN03`'s `Bộ phận`.
#[test]
fn a_bo_phan_formula_without_value_leaves_a_leader_of_parts_loi_and_the_member_decided() {
    let mut u = Unit::new("TN", 4);
    u.person("TN02").lead(PART_GENERAL);
    u.person("TN03")
        .cell(BO_PHAN, no_value("IF(A4>0,\"Bộ phận Tổng hợp\",\"\")"));
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN03", BO_PHAN);
    let doc = check_both(
        &path,
        &[
            list_error("formula-no-value", cell.clone(), Some("TN03")),
            list_error("scope-unknown", cell, Some("TN02")),
        ],
        1,
    );
    // `Bộ phận` decides only the leader's scope: TN03's own result does not rest on it.
    assert_outcomes(&doc, &dat_except(&u, &[("TN02", "loi", NONE)]));
}

#[test]
fn a_phu_trach_formula_without_value_leaves_the_leader_loi() {
    let mut u = Unit::new("TN", 4);
    u.person("TN02")
        .lead(PART_GENERAL)
        .cell(PHU_TRACH, no_value("IF(A3>0,\"Bộ phận Tổng hợp\",\"\")"));
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[list_error(
            "formula-no-value",
            u.list_cell("TN02", PHU_TRACH),
            Some("TN02"),
        )],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN02", "loi", NONE)]));
}

// ------------------------------------------------ 7. the end of a discipline

#[test]
fn a_discipline_whose_term_has_ended_is_no() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02")
        .text(KY_LUAT, "Khiển trách (đã hết thời hạn)");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

#[test]
fn a_discipline_whose_term_has_not_ended_is_ky_luat() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02")
        .text(KY_LUAT, "Cảnh cáo, chưa hết thời hạn");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                ("TN02", "khong-dat", &["ky-luat"]),
            ],
        ),
    );
}

#[test]
fn a_discipline_about_to_end_or_ending_on_a_date_is_value_unclear() {
    for value in [
        "Khiển trách, sắp hết thời hạn",
        "Cảnh cáo (hết thời hạn vào 30/6/2024)",
    ] {
        let mut u = Unit::new("TN", 3);
        u.person("TN02").text(KY_LUAT, value);
        let (_dir, path) = save(&u);
        let cell = u.list_cell("TN02", KY_LUAT);
        let doc = check_both(
            &path,
            &[
                list_error("value-unclear", cell.clone(), Some("TN02")),
                list_error("scope-unknown", cell, Some("TN01")),
            ],
            1,
        );
        assert_outcomes(
            &doc,
            &dat_except(&u, &[("TN01", "loi", NONE), ("TN02", "loi", NONE)]),
        );
    }
}

// ------------------------------------------------ 8. inspection wordings

#[test]
fn no_fault_found_by_an_inspection_is_no() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(THANH_TRA, "Không phát hiện sai phạm");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

#[test]
fn no_fault_found_yet_is_value_unclear() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(THANH_TRA, "Chưa phát hiện vi phạm");
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN02", THANH_TRA);
    let doc = check_both(
        &path,
        &[
            list_error("value-unclear", cell.clone(), Some("TN02")),
            list_error("scope-unknown", cell, Some("TN01")),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN02", "loi", NONE)]),
    );
}

#[test]
fn an_inspection_under_way_fails_the_member_and_not_the_leader() {
    for value in [
        "Đang kiểm tra dấu hiệu vi phạm",
        "Đang thanh tra, chưa có kết luận sai phạm",
    ] {
        let mut u = Unit::new("TN", 3);
        u.person("TN02").text(THANH_TRA, value);
        let (_dir, path) = save(&u);
        let doc = check_both(&path, &[], 0);
        assert_outcomes(
            &doc,
            &dat_except(&u, &[("TN02", "khong-dat", &["thanh-tra"])]),
        );
    }
}

#[test]
fn a_fault_found_by_an_inspection_fails_the_member_and_the_leader() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(THANH_TRA, "Có sai phạm về tài chính");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                ("TN02", "khong-dat", &["thanh-tra"]),
            ],
        ),
    );
}

// ------------------------------------------------ 9. bare numbers in date columns

#[test]
fn a_bare_number_in_a_date_column_is_date_invalid_never_a_1900_date() {
    let cases: [(&'static str, f64); 3] = [(NGAY_THOI, 15.0), (NGAY_THOI, 2024.0), (NGHI_TU, 5.0)];
    for (column, number) in cases {
        let mut u = Unit::new("TN", 3);
        u.person("TN02").set(column, Cell::Num(number));
        let (_dir, path) = save(&u);
        let doc = check_both(
            &path,
            &[list_error(
                "date-invalid",
                u.list_cell("TN02", column),
                Some("TN02"),
            )],
            1,
        );
        assert_outcomes(&doc, &dat_except(&u, &[("TN02", "loi", NONE)]));
    }
}

// ------------------------------------------------ 10. ratings outside the table

#[test]
fn a_rating_outside_the_table_is_rating_unknown() {
    for value in ["A+", "B-", "a)", "Đ"] {
        let mut u = Unit::new("TN", 3);
        u.person("TN02").month(1, t(value));
        let (_dir, path) = save(&u);
        let cell = u.month_cell("TN02", 1);
        let doc = check_both(
            &path,
            &[
                list_error("rating-unknown", cell.clone(), Some("TN02")),
                list_error("scope-unknown", cell, Some("TN01")),
            ],
            1,
        );
        assert_outcomes(
            &doc,
            &dat_except(&u, &[("TN01", "loi", NONE), ("TN02", "loi", NONE)]),
        );
    }
}

#[test]
fn single_letter_grades_a_to_d_are_ratings() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").month(0, t("A"));
    u.person("TN03").month(1, t("d"));
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                ("TN03", "khong-dat", &["thang-duoi-tot"]),
            ],
        ),
    );
    assert_eq!(
        person(&doc, "TN02")["ratings"],
        serde_json::json!(["xuat-sac", "tot", "tot"])
    );
    assert_eq!(
        person(&doc, "TN03")["ratings"],
        serde_json::json!(["xuat-sac", "khong-hoan-thanh", "tot"])
    );
}

// ------------------------------------------------ 11. an unclear Kiểm điểm

/// `Kiểm điểm` only breaches a leader's condition (SPEC §2): unclear, it leaves the member's own
/// result alone and the leader unknown.
#[test]
fn an_unclear_kiem_diem_leaves_the_member_decided_and_the_leader_loi() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(KIEM_DIEM, "Đã kiểm điểm");
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN02", KIEM_DIEM);
    let doc = check_both(
        &path,
        &[
            list_error("value-unclear", cell.clone(), Some("TN02")),
            list_error("scope-unknown", cell, Some("TN01")),
        ],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN01", "loi", NONE)]));
}

// ------------------------------------------------ 12. the text report's grouping

/// Two leaders of the whole unit, three members with an unreadable month: each leader's
/// `scope-unknown` is its own cause, and the text report names both leaders.
#[test]
fn the_text_report_never_folds_two_leaders_scope_unknown_into_one() {
    let mut u = Unit::new("TN", 4);
    u.person("TN02").lead("");
    for id in ["TN03", "TN04", "TN05"] {
        u.person(id).month(1, t("Khá"));
    }
    let (_dir, path) = save(&u);

    // The JSON document first: three rating-unknown, three scope-unknown for each leader.
    let mut expected = Vec::new();
    for id in ["TN03", "TN04", "TN05"] {
        let cell = u.month_cell(id, 1);
        expected.push(list_error(
            "rating-unknown",
            cell.clone(),
            Some(s(id.into())),
        ));
        expected.push(list_error("scope-unknown", cell.clone(), Some("TN01")));
        expected.push(list_error("scope-unknown", cell, Some("TN02")));
    }
    let doc = check_both(&path, &expected, 1);
    assert_outcomes(&doc, &all_loi(&u));

    let out = run_raw(&[OsArg::from("validate"), path.clone().into_os_string()]);
    assert_eq!(exit_code(&out), 1);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let scope_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("scope-unknown"))
        .collect();
    for leader in ["TN01", "TN02"] {
        assert!(
            scope_lines.iter().any(|l| l.contains(leader)),
            "no scope-unknown line names {leader}; scope-unknown lines:\n{}\nwhole report:\n{text}",
            scope_lines.join("\n")
        );
    }
    // A grouped line lists each cell once: one cell twice means two causes folded into one.
    for line in &scope_lines {
        let Some(list) = line
            .split_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(list, _)| list)
        else {
            continue;
        };
        let mut cells: Vec<&str> = list.split(',').map(str::trim).collect();
        let listed = cells.len();
        cells.sort_unstable();
        cells.dedup();
        assert_eq!(
            cells.len(),
            listed,
            "a grouped scope-unknown line lists a cell twice: {line}\nwhole report:\n{text}"
        );
    }
}

type OsArg = std::ffi::OsString;

// ------------------------------------------------ a field of one value in two columns

#[test]
fn two_absence_columns_that_disagree_leave_the_person_undecided() {
    const SECOND: &str = "Số ngày nghỉ trong quý";
    for (second, same) in [(Cell::Num(0.0), true), (Cell::Num(16.0), false)] {
        let mut u = Unit::new("TN", 3);
        u.add_column(SECOND);
        for id in ["TN01", "TN02", "TN03"] {
            u.person(id).set(SO_NGAY_NGHI, Cell::Num(0.0));
            u.person(id).cell(SECOND, Cell::Num(0.0));
        }
        u.person("TN02").cell(SECOND, second.clone());
        let (_dir, path) = save(&u);
        let (code, doc) = evaluate(&[&path], &[]);
        let codes: Vec<String> = finding_values(&doc)
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    str_field(f, "code"),
                    opt_str(f, "person").unwrap_or_default()
                )
            })
            .collect();
        if same {
            assert!(codes.is_empty(), "{codes:?}");
            assert_eq!(code, 0);
            assert_eq!(str_field(person(&doc, "TN02"), "status"), "dat");
        } else {
            // Neither 0 nor 16 days is taken: the person is not decided.
            assert!(
                codes.contains(&"value-unclear TN02".to_string()),
                "{codes:?}"
            );
            assert_eq!(code, 1);
            assert_eq!(str_field(person(&doc, "TN02"), "status"), "loi");
        }
    }
}

// ------------------------------------------------ second review: the cell named, the reason kept

#[test]
fn the_leaders_finding_names_the_unreadable_one_of_two_discipline_columns() {
    let mut u = Unit::new("TN", 3);
    u.rename(KY_LUAT, "Kỷ luật Đảng");
    u.add_column("Kỷ luật chính quyền");
    u.person("TN03").cell("Kỷ luật chính quyền", t("Nhắc nhở"));
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN03", "Kỷ luật chính quyền");
    let doc = check_both(
        &path,
        &[
            list_error("value-unclear", cell.clone(), Some("TN03")),
            list_error("scope-unknown", cell, Some("TN01")),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN03", "loi", NONE)]),
    );
}

#[test]
fn without_an_absence_column_nobody_is_not_evaluated_for_another_reason_either() {
    // A contract worker would be `ngoai-doi-tuong` — unless absent 15 days, which no column
    // says: the reason cannot be known, so nobody is decided.
    let mut u = Unit::new("TN", 3);
    u.drop_column(SO_NGAY_NGHI);
    u.person("TN03").set(DOI_TUONG, t("HĐ dưới 12 tháng"));
    let (_dir, path) = save(&u);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1);
    for id in ["TN01", "TN02", "TN03"] {
        assert_eq!(str_field(person(&doc, id), "status"), "loi", "{id}");
    }
}

#[test]
fn a_discipline_whose_term_is_over_in_short_words_is_no() {
    for value in ["Đã hết hạn", "Khiển trách đã hết hạn"] {
        let mut u = Unit::new("TN", 3);
        u.person("TN03").set(KY_LUAT, t(value));
        let (_dir, path) = save(&u);
        let doc = check_both(&path, &[], 0);
        assert_outcomes(&doc, &dat_except(&u, &[]));
    }
}

#[test]
fn a_bare_number_in_ngay_gui_is_date_invalid_never_a_day_of_1900() {
    let mut u = Unit::new("TN", 3);
    u.sent = Cell::Num(15.0);
    let (_dir, path) = save(&u);
    let (code, doc) = validate(&[&path], &[]);
    let found: Vec<(String, String)> = finding_values(&doc)
        .iter()
        .map(|f| {
            (
                str_field(f, "code").to_string(),
                opt_str(f, "sheet").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("date-invalid".to_string(), "Thông tin".to_string())]
    );
    assert_eq!(code, 1);
}

// ------------------------------------------------ issue 9: "trước ngày 28", the issuing office

/// Reward dossiers are sent "trước ngày 28" (Kế hoạch 25 §III.4): the 27th is the last day, so a
/// unit sending on the 28th is late and, with `reward.late = "reject"`, nobody of it is paid.
#[test]
fn a_reward_dossier_sent_on_the_28th_is_late_under_a_reject_profile() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = run_raw(&["profile", "show"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("late = \"accept\""));
    let profile = dir.path().join("tu-choi.toml");
    std::fs::write(
        &profile,
        text.replace("late = \"accept\"", "late = \"reject\""),
    )
    .unwrap();
    for (day, paid) in [(27, true), (28, false)] {
        let mut u = Unit::new("TN", 8);
        u.sent = date(day, 3, 2024);
        let name = u.get("TN02").name.clone();
        u.propose(&[("TN02", &name, 1)]);
        let path = u.save(dir.path(), &format!("gui-{day}.xlsx"));
        let doc = parse_json(&run_raw(&[
            "rewards",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--profile",
            profile.to_str().unwrap(),
        ]));
        let accepted = doc["units"][0]["accepted"]
            .as_array()
            .expect("accepted")
            .len();
        assert_eq!(accepted == 1, paid, "sent on the {day}th: {doc:#}");
    }
}

/// Schools' reward dossiers, like those of the chính quyền bloc, are received and listed by Phòng
/// Nội vụ (Kế hoạch 25 §III.4a): a list of schools alone is issued by it, not by Phòng GD&ĐT.
#[test]
fn the_schools_reward_list_is_issued_by_phong_noi_vu() {
    use calamine::{open_workbook, Reader, Xlsx};
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut u = Unit::new("TH", 3);
    u.bloc = t("Trường học");
    let path = u.save(dir.path(), "truong.xlsx");
    let out = dir.path().join("khen-thuong.xlsx");
    let o = run_raw(&[
        "rewards",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(out.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut wb: Xlsx<_> = open_workbook(&out).expect("the reward list opens");
    let mut text = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("a sheet");
        for c in range.used_cells() {
            text.push_str(&c.2.to_string().to_lowercase());
            text.push('\n');
        }
    }
    assert!(text.contains("phòng nội vụ"), "{text}");
    assert!(!text.contains("giáo dục"), "{text}");
}

/// SPEC §8 "Terminal-safe": an escape sequence typed into a cell never reaches the terminal raw
/// (it could forge a clean summary line).
#[test]
fn escape_sequences_from_cells_are_printed_escaped() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").name = "\u{1b}[2K\rĐã kiểm tra 1 tệp: 0 lỗi".into();
    u.person("TN02").month(1, t("Khá"));
    let (_dir, path) = save(&u);
    for sub in ["validate", "evaluate"] {
        let out = run_raw(&[sub, path.to_str().unwrap()]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains('\u{1b}'), "{sub}: {stdout:?}");
        assert!(stdout.contains("\\u{1b}[2K"), "{sub}: {stdout:?}");
        assert_eq!(exit_code(&out), 1, "{sub}");
    }
}
