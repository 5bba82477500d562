//! Issue 8, "Decide only on what was read": the tool never decides a person silently wrong. Each
//! person's result is the one the seeds give (Hướng dẫn 17 §3.5, SPEC §2), or `loi` with a
//! finding that says which cell to fix.
//!
//! Every test builds its own small unit workbook (see `book/mod.rs`: a mẫu 03 leader `TN01` of the
//! whole unit and passing members `TN02`… on mẫu 04, quarter I/2024) in a fresh temporary
//! directory, changes one thing, and runs the real binary. The sections follow the bullets of
//! the issue.

mod book;
mod checks;
mod common;

use std::path::Path;

use book::*;
use checks::*;
use common::*;
use serde_json::Value;

// ------------------------------------------------------------------------------------ helpers

/// Asserts the findings are exactly these (severity, code, file, person), in any order, without
/// looking at sheet and cell: for findings about a whole sheet or file, whose place SPEC leaves
/// open.
fn assert_loose(doc: &Value, want: &[(&str, &str, &str, Option<&str>)]) {
    let mut got: Vec<(String, String, String, Option<String>)> = finding_values(doc)
        .iter()
        .map(|f| {
            (
                str_field(f, "severity").to_string(),
                str_field(f, "code").to_string(),
                str_field(f, "file").to_string(),
                opt_str(f, "person"),
            )
        })
        .collect();
    let mut missing = Vec::new();
    for w in want {
        match got.iter().position(|g| {
            g.0 == w.0 && g.1 == w.1 && path_ends_with(&g.2, w.2) && g.3.as_deref() == w.3
        }) {
            Some(i) => {
                got.remove(i);
            }
            None => missing.push(*w),
        }
    }
    assert!(
        missing.is_empty() && got.is_empty(),
        "findings differ\nmissing: {missing:#?}\nunexpected: {got:#?}\nall: {:#}",
        doc["findings"]
    );
}

/// A `Danh sách` error of one person, at one cell.
fn person_error(code: &'static str, cell: String, person: &'static str) -> Expect {
    list_error(code, cell, Some(person))
}

/// `danhgia rewards <paths> --format json` → (exit code, document).
fn rewards<P: AsRef<std::ffi::OsStr>>(paths: &[P]) -> (i32, Value) {
    run_json("rewards", paths, &[])
}

/// The `accepted` ids of unit `code` in a reward document.
fn accepted(doc: &Value, code: &str) -> Vec<String> {
    let units: Vec<&Value> = doc["units"]
        .as_array()
        .expect("units is an array")
        .iter()
        .filter(|u| u["code"] == code)
        .collect();
    assert_eq!(units.len(), 1, "one unit {code} in {doc:#}");
    units[0]["accepted"]
        .as_array()
        .expect("accepted is an array")
        .iter()
        .map(|x| x.as_str().expect("an id").to_string())
        .collect()
}

// ------------------------------------------------ 1. free text in Kỷ luật / Thanh tra, kiểm tra

#[test]
fn discipline_text_chua_is_no_and_does_not_fail_the_leader() {
    let mut u = Unit::new("TN", 4);
    u.person("TN02").text(KY_LUAT, "Chưa");
    u.person("TN03").text(KY_LUAT, "Đã hết thời hạn");
    u.person("TN04").text(KY_LUAT, "Hết thời hạn");
    u.person("TN05")
        .text(THANH_TRA, "Đã kết thúc kiểm tra, không vi phạm");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

#[test]
fn rating_pasted_into_discipline_is_value_unclear_and_the_leader_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(KY_LUAT, "HTTNV");
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN02", KY_LUAT);
    let doc = check_both(
        &path,
        &[
            person_error("value-unclear", cell.clone(), "TN02"),
            // Located at the member's cell, about the leader.
            person_error("scope-unknown", cell, "TN01"),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN02", "loi", NONE)]),
    );
}

#[test]
fn discipline_formula_without_value_makes_the_member_and_the_leader_loi() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02")
        .set(KY_LUAT, no_value("IF(A3>0,\"Không\",\"Có\")"));
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN02", KY_LUAT);
    let doc = check_both(
        &path,
        &[
            person_error("formula-no-value", cell.clone(), "TN02"),
            person_error("scope-unknown", cell, "TN01"),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN02", "loi", NONE)]),
    );
}

/// A `Họ và tên` computed by a formula the file holds no value for was read as a blank name: the
/// person was judged đạt and printed nameless in mẫu 06 and the list of people đạt.
#[test]
fn name_formula_without_value_is_reported_not_a_nameless_dat() {
    let mut u = Unit::new("TN", 3);
    u.person("TN03")
        .cell("Họ và tên", no_value("VLOOKUP(A6,'Nhân sự'!A:B,2,0)"));
    let (_dir, path) = save(&u);
    let cell = u.list_cell("TN03", "Họ và tên");
    let doc = check_both(&path, &[person_error("formula-no-value", cell, "TN03")], 1);
    assert_outcomes(&doc, &dat_except(&u, &[("TN03", "loi", NONE)]));
}

/// The leader's condition (SPEC §2, 4.) needs the months, Kỷ luật, Thanh tra and Kiểm điểm of
/// the people in scope, not their absence: a member whose absence is unknown but whose months
/// are all rated "tốt" or better cannot breach it.
#[test]
fn unknown_absence_alone_makes_only_the_member_loi() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").set(SO_NGAY_NGHI, no_value("SUM(0,0)"));
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[person_error(
            "formula-no-value",
            u.list_cell("TN02", SO_NGAY_NGHI),
            "TN02",
        )],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN02", "loi", NONE)]));
}

/// With the absence unknown, a blank month may be a month not rated because the member is not
/// evaluated, or a missing rating: the member's standing is unknown and the leader is `loi`,
/// with `scope-unknown` at the blank month. (No `rating-missing` is expected on the member:
/// whether the month must be rated depends on the unknown absence, and the `formula-no-value`
/// already makes the member `loi`.)
#[test]
fn unknown_absence_with_a_blank_month_leaves_the_leader_loi() {
    let mut u = Unit::new("TN", 3);
    u.person("TN03")
        .set(SO_NGAY_NGHI, no_value("SUM(0,0)"))
        .month(1, Cell::Blank);
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[
            person_error(
                "formula-no-value",
                u.list_cell("TN03", SO_NGAY_NGHI),
                "TN03",
            ),
            person_error("scope-unknown", u.month_cell("TN03", 1), "TN01"),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN03", "loi", NONE)]),
    );
}

#[test]
fn khien_trach_fails_the_member_and_the_leader() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(KY_LUAT, "Khiển trách");
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

// ------------------------------------------------ 2. months: blank, "không hoàn thành"

#[test]
fn blank_month_of_a_member_is_rating_missing_and_the_leader_is_loi() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").month(1, Cell::Blank);
    let (_dir, path) = save(&u);
    let cell = u.month_cell("TN02", 1);
    let doc = check_both(
        &path,
        &[
            person_error("rating-missing", cell.clone(), "TN02"),
            person_error("scope-unknown", cell, "TN01"),
        ],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "loi", NONE), ("TN02", "loi", NONE)]),
    );
}

#[test]
fn khong_htnv_and_its_spellings_fail_the_member_and_the_leader() {
    for spelling in [
        "Không HTNV",
        "K.HTNV",
        "Không HT",
        "KHTNV",
        "Không hoàn thành nhiệm vụ",
        "không hoàn thành",
    ] {
        // In a month after the "xuất sắc" one, and in the "xuất sắc" month itself.
        let mut u = Unit::new("TN", 3);
        u.person("TN02").month(1, t(spelling));
        u.person("TN03").month(0, t(spelling));
        let (_dir, path) = save(&u);
        let (code, doc) = evaluate(&[&path], &[]);
        assert_findings(&doc, &[]);
        assert_eq!(code, 0, "{spelling}");
        assert_outcomes(
            &doc,
            &dat_except(
                &u,
                &[
                    ("TN01", "khong-dat", &["don-vi-vi-pham"]),
                    ("TN02", "khong-dat", &["thang-duoi-tot"]),
                    (
                        "TN03",
                        "khong-dat",
                        &["thang-duoi-tot", "khong-thang-xuat-sac"],
                    ),
                ],
            ),
        );
        assert_eq!(
            person(&doc, "TN02")["ratings"],
            serde_json::json!(["xuat-sac", "khong-hoan-thanh", "tot"]),
            "{spelling}"
        );
    }
}

// ------------------------------------------------ 3. Phụ trách

#[test]
fn phu_trach_naming_no_bo_phan_is_scope_unknown_part() {
    let mut u = Unit::new("TN", 3);
    u.person("TN01").in_charge = "Tổ Ngân sách".into();
    u.person("TN02").part = "Bộ phận Ngân sách".into();
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[person_error(
            "scope-unknown-part",
            u.list_cell("TN01", PHU_TRACH),
            "TN01",
        )],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN01", "loi", NONE)]));
}

#[test]
fn phu_trach_lists_parts_separated_by_semicolons_in_any_case_and_diacritics() {
    let mut u = Unit::new("TN", 4);
    u.person("TN01").in_charge = "bo phan ngan sach;  BỘ PHẬN TỔNG HỢP".into();
    u.person("TN02").part = "Bộ phận Ngân sách".into();
    // TN03 stays in "Bộ phận Tổng hợp".
    u.person("TN04").part = "Bộ phận Một cửa".into();
    u.person("TN04").text(KY_LUAT, "Khiển trách");
    u.person("TN05").part = "Bộ phận Ngân sách".into();
    // A second leader, in charge of the part where the breach is.
    u.people
        .push(Person::leader("TN06", "Đặng Quang Hải", date(6, 6, 1976)));
    u.person("TN06").in_charge = "Bộ phận Một cửa".into();
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN04", "khong-dat", &["ky-luat"]),
                ("TN06", "khong-dat", &["don-vi-vi-pham"]),
            ],
        ),
    );
}

// ------------------------------------------------ 4. inspection and review of a member

#[test]
fn a_member_under_inspection_fails_only_themself() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(THANH_TRA, "Đang thanh tra");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN02", "khong-dat", &["thanh-tra"])]),
    );
}

#[test]
fn a_member_found_at_fault_fails_the_leader() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(THANH_TRA, "Có sai phạm");
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

#[test]
fn a_member_who_must_be_reviewed_fails_only_the_leader() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").text(KIEM_DIEM, "Phải kiểm điểm");
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN01", "khong-dat", &["don-vi-vi-pham"])]),
    );
}

// ------------------------------------------------ 5. the Bắt buộc row

/// Marks contents `from..=to` (empty when `to < from`).
fn marks(from: usize, to: usize) -> Vec<usize> {
    (from..=to).collect()
}

/// A row marking another number of contents than the seed's (20 on mẫu 04, 30 on mẫu 03) is
/// `mandatory-row-invalid`, and nobody on that sheet is decided. (The issue says "29 or 31" for
/// mẫu 04; those are mẫu 03's neighbours of 30 — mẫu 04 has only 30 contents — so mẫu 04 is
/// checked with 19, 21 and none, mẫu 03 with 29, 31 and none.) The people of the other sheet
/// keep their result: the leader's condition looks at months and Danh sách, not at scores.
#[test]
fn a_mandatory_row_marking_another_count_leaves_everyone_on_that_sheet_loi() {
    let cases = [
        (Form::M04, marks(1, 19)),
        (Form::M04, marks(1, 21)),
        (Form::M04, marks(1, 0)),
        (Form::M03, marks(1, 29)),
        (Form::M03, marks(1, 31)),
        (Form::M03, marks(1, 0)),
    ];
    for (form, marked) in cases {
        let mut u = Unit::new("TN", 3);
        u.mandatory_rows = vec![(form, marked.clone())];
        let (_dir, path) = save(&u);
        let expected = [Expect::error("mandatory-row-invalid", FILE).sheet(form.sheet())];
        let doc = check_both(&path, &expected, 1);
        let loi: Vec<(&str, &str, &[&str])> = u
            .people
            .iter()
            .filter(|p| p.form == Some(form))
            .map(|p| (p.id.as_str(), "loi", NONE))
            .collect();
        assert_outcomes(&doc, &dat_except(&u, &loi));
        assert!(!loi.is_empty(), "{form:?} {}", marked.len());
    }
}

#[test]
fn a_mandatory_row_marking_exactly_20_other_contents_is_used() {
    let mut u = Unit::new("TN", 3);
    u.mandatory_rows = vec![(Form::M04, marks(11, 30))];
    // 10 on the marked 11–30, 8 on the others: đạt at 280.
    for k in 1..=10 {
        u.person("TN02").score(k, Cell::Num(8.0));
    }
    // 10 on 1–20 and 8 on 21–30: marked contents under 10.
    for k in 21..=30 {
        u.person("TN04").score(k, Cell::Num(8.0));
    }
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN04", "khong-dat", &["bat-buoc-duoi-10"])]),
    );
    assert_eq!(person(&doc, "TN02")["total"], 280.0);
}

#[test]
fn a_mandatory_row_marking_exactly_30_other_contents_on_mau_03_is_used() {
    let mut u = Unit::new("TN", 2);
    u.mandatory_rows = vec![(Form::M03, marks(16, 45))];
    for k in 1..=15 {
        u.person("TN01").score(k, Cell::Num(8.0));
    }
    u.people
        .push(Person::leader("TN04", "Phạm Thu Hằng", date(4, 4, 1974)));
    u.person("TN04").in_charge = PART_GENERAL.into();
    for k in 31..=45 {
        u.person("TN04").score(k, Cell::Num(8.0));
    }
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(&u, &[("TN04", "khong-dat", &["bat-buoc-duoi-10"])]),
    );
    assert_eq!(person(&doc, "TN01")["total"], 420.0);
}

/// All 8s (240) pass nothing under the seed's rule; a row marking no content must not turn
/// "everything is optional" into đạt.
#[test]
fn a_person_at_240_is_never_dat_under_a_row_marking_nothing() {
    let mut u = Unit::new("TN", 2);
    u.mandatory_rows = vec![(Form::M04, Vec::new())];
    u.person("TN02").all_scores(8.0);
    let (_dir, path) = save(&u);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_eq!(code, 1);
    let (status, _) = outcome(&doc, "TN02");
    assert_eq!(status, "loi", "{}", person(&doc, "TN02"));
    assert_loose(&doc, &[("error", "mandatory-row-invalid", FILE, None)]);
}

// ------------------------------------------------ 6. time in the unit, half days, scope, period

/// Q1/2024 has 59 working days: January 22 (1/1 off), February 16 (Tết 8–14/2), March 21.
#[test]
fn joining_on_1_march_is_not_evaluated_for_lack_of_time() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02")
        .set(BAT_DAU, date(1, 3, 2024))
        .months(["", "", "HTXSNV"])
        .unscored();
    // January wholly outside: 22 working days away.
    u.person("TN03")
        .set(BAT_DAU, date(1, 2, 2024))
        .months(["", "HTXSNV", "HTTNV"])
        .unscored();
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN02", "khong-danh-gia", &["khong-du-thoi-gian"]),
                ("TN03", "khong-danh-gia", &["khong-du-thoi-gian"]),
            ],
        ),
    );
    assert!(person(&doc, "TN02")["total"].is_null());
}

/// Fewer than 15 working days away: evaluated normally (every month worked, even partly, is
/// rated). `Ngày thôi` dates are picked so that it does not matter whether the day itself is
/// worked: 09/03/2024 is a Saturday (11–29/3 = 15 days after), and 12/03 leaves 13 or 14.
///
/// No month of the built-in calendar (2023–2026) has fewer than 15 working days (the fewest:
/// February 2026 with 15, February 2024 with 16), so a month wholly outside a person's time in
/// the unit always means 15 days or more away: the case "a blank month wholly outside, and
/// fewer than 15 days away" cannot be built with the default profile and is not tested here.
#[test]
fn fewer_than_15_working_days_away_is_evaluated_and_15_is_not() {
    let mut u = Unit::new("TN", 6);
    // 2–19/1: 14 working days before.
    u.person("TN02").set(BAT_DAU, date(22, 1, 2024));
    // 2–22/1: 15.
    u.person("TN03").set(BAT_DAU, date(23, 1, 2024));
    // 14 away + 1 day absent = 15.
    u.person("TN04")
        .set(BAT_DAU, date(22, 1, 2024))
        .set(SO_NGAY_NGHI, Cell::Num(1.0));
    u.person("TN05").set(NGAY_THOI, date(12, 3, 2024));
    u.person("TN06").set(NGAY_THOI, date(9, 3, 2024));
    // Left on 12/3 and absent 1,5 days: still fewer than 15.
    u.person("TN07")
        .set(NGAY_THOI, date(12, 3, 2024))
        .set(SO_NGAY_NGHI, t("0,5"));
    let (_dir, path) = save(&u);
    let doc = check_both(&path, &[], 0);
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN03", "khong-danh-gia", &["khong-du-thoi-gian"]),
                ("TN04", "khong-danh-gia", &["khong-du-thoi-gian"]),
                ("TN06", "khong-danh-gia", &["khong-du-thoi-gian"]),
            ],
        ),
    );
    // Scored anyway: the total is the sum.
    assert_eq!(person(&doc, "TN03")["total"], 300.0);
}

#[test]
fn half_days_of_absence_are_counted_and_other_fractions_are_date_invalid() {
    let mut u = Unit::new("TN", 5);
    u.person("TN02").set(SO_NGAY_NGHI, t("2,5"));
    u.person("TN03").set(SO_NGAY_NGHI, t("14,5"));
    u.person("TN04").set(SO_NGAY_NGHI, t("15"));
    u.person("TN05").set(SO_NGAY_NGHI, t("2,3"));
    u.person("TN06").set(SO_NGAY_NGHI, Cell::Num(14.5));
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[person_error(
            "date-invalid",
            u.list_cell("TN05", SO_NGAY_NGHI),
            "TN05",
        )],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN04", "khong-danh-gia", &["vang-15-ngay"]),
                ("TN05", "loi", NONE),
            ],
        ),
    );
}

#[test]
fn contract_workers_outside_the_criteria_are_not_evaluated() {
    let mut u = Unit::new("TN", 5);
    u.person("TN02").text(DOI_TUONG, "HĐ dưới 12 tháng");
    u.person("TN03").text(DOI_TUONG, "HĐ không BHXH");
    u.person("TN04").text(DOI_TUONG, "NLĐ");
    u.person("TN05").text(DOI_TUONG, "thời vụ");
    // Absent too: exactly one reason, the first in SPEC's order.
    u.person("TN06")
        .text(DOI_TUONG, "HĐ dưới 12 tháng")
        .set(SO_NGAY_NGHI, Cell::Num(20.0));
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[person_error(
            "value-unclear",
            u.list_cell("TN05", DOI_TUONG),
            "TN05",
        )],
        1,
    );
    assert_outcomes(
        &doc,
        &dat_except(
            &u,
            &[
                ("TN02", "khong-danh-gia", &["ngoai-doi-tuong"]),
                ("TN03", "khong-danh-gia", &["ngoai-doi-tuong"]),
                ("TN05", "loi", NONE),
                ("TN06", "khong-danh-gia", &["vang-15-ngay"]),
            ],
        ),
    );
}

#[test]
fn contract_workers_outside_the_criteria_are_never_rewarded() {
    // Leader + 9 members, 2 of them outside: 8 đạt, cap floor(15% × 8) = 1.
    let mut u = Unit::new("TN", 9);
    u.person("TN02").text(DOI_TUONG, "HĐ dưới 12 tháng");
    u.person("TN03").text(DOI_TUONG, "HĐ không BHXH");
    let names = |id: &str| u.get(id).name.clone();
    let (n2, n3, n4) = (names("TN02"), names("TN03"), names("TN04"));
    u.propose(&[("TN02", &n2, 1), ("TN03", &n3, 2), ("TN04", &n4, 3)]);
    let (_dir, path) = save(&u);
    let (_, doc) = rewards(&[&path]);
    assert_eq!(accepted(&doc, "TN"), ["TN04"], "{doc:#}");
}

#[test]
fn a_quarter_outside_the_profile_period_is_warned_and_still_decided() {
    let mut u = Unit::new("TN", 3);
    u.quarter(2026, 1);
    let (_dir, path) = save(&u);
    let warning = [("warning", "profile-out-of-period", FILE, None)];
    let (code, doc) = validate(&[&path], &[]);
    assert_loose(&doc, &warning);
    assert_eq!(code, 0, "a warning only");
    let (code, doc) = validate(&[&path], &["--strict"]);
    assert_loose(&doc, &warning);
    assert_eq!(code, 1, "--strict counts the warning");
    let (code, doc) = evaluate(&[&path], &[]);
    assert_loose(&doc, &warning);
    assert_eq!(code, 0);
    assert_eq!(doc["quarter"], "2026-Q1");
    assert_outcomes(&doc, &dat_except(&u, &[]));
}

// ------------------------------------------------ 7. two sheets of one name

#[test]
fn a_hidden_stale_list_of_the_same_name_is_sheet_duplicate_and_nobody_is_decided() {
    let mut u = Unit::new("TN", 3);
    let mut stale = u.people.clone();
    stale[1].text(KY_LUAT, "Khiển trách");
    u.stale_list = Some(stale);
    let (_dir, path) = save(&u);
    let expected = [("error", "sheet-duplicate", FILE, None)];
    let (code, doc) = validate(&[&path], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 1);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 1);
    assert!(people_ids(&doc).is_empty(), "nobody decided: {doc:#}");
}

// ------------------------------------------------ 8. identity of units and people

/// The unit `TN` as sent: `extra` adds a person only this file has.
fn sent_unit(code: &str, name: &str, sent: Cell, extra: Option<&str>) -> Unit {
    let mut u = Unit::new("TN", 3);
    u.code = if code.is_empty() {
        Cell::Blank
    } else {
        t(code)
    };
    u.name = t(name);
    u.sent = sent;
    if let Some(id) = extra {
        u.add_staff(id, "Vũ Thị Giang", date(9, 9, 1990));
    }
    u
}

/// The one unit of an `evaluate` document: its source file and people.
fn only_unit(doc: &Value) -> (String, Vec<String>) {
    let units = doc["units"].as_array().expect("units is an array");
    assert_eq!(units.len(), 1, "one unit: {doc:#}");
    let mut ids = people_ids(doc);
    ids.sort();
    (str_field(&units[0], "source").to_string(), ids)
}

#[test]
fn a_resubmitted_unit_is_read_from_the_file_sent_last() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // The older file sorts last by name: the date decides, not the path.
    sent_unit("TN", "Phòng Thử nghiệm", date(20, 3, 2024), Some("TN05"))
        .save(dir.path(), "z-lan-1.xlsx");
    sent_unit("TN", "Phòng Thử nghiệm", date(25, 3, 2024), None).save(dir.path(), "a-lan-2.xlsx");
    let expected = [("warning", "unit-resubmitted", "z-lan-1.xlsx", None)];
    let (code, doc) = validate(&[dir.path()], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 0);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 0);
    let (source, ids) = only_unit(&doc);
    assert!(path_ends_with(&source, "a-lan-2.xlsx"), "{source}");
    assert_eq!(ids, ["TN01", "TN02", "TN03", "TN04"]);
}

#[test]
fn a_unit_sent_twice_undated_or_on_one_day_is_unit_duplicate_in_both() {
    for sent in [Cell::Blank, date(20, 3, 2024)] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        sent_unit("TN", "Phòng Thử nghiệm", sent.clone(), Some("TN05")).save(dir.path(), "a.xlsx");
        sent_unit("TN", "Phòng Thử nghiệm", sent.clone(), None).save(dir.path(), "b.xlsx");
        let expected = [
            ("error", "unit-duplicate", "a.xlsx", None),
            ("error", "unit-duplicate", "b.xlsx", None),
        ];
        let (code, doc) = validate(&[dir.path()], &[]);
        assert_loose(&doc, &expected);
        assert_eq!(code, 1, "{sent:?}");
        let (code, doc) = evaluate(&[dir.path()], &[]);
        assert_loose(&doc, &expected);
        assert_eq!(code, 1, "{sent:?}");
        // The later path is used.
        let (source, ids) = only_unit(&doc);
        assert!(path_ends_with(&source, "b.xlsx"), "{sent:?}: {source}");
        assert_eq!(ids, ["TN01", "TN02", "TN03", "TN04"], "{sent:?}");
    }
}

#[test]
fn of_three_files_the_two_latest_on_one_day_are_unit_duplicate_and_the_oldest_resubmitted() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    sent_unit("TN", "Phòng Thử nghiệm", date(25, 3, 2024), None).save(dir.path(), "b1.xlsx");
    sent_unit("TN", "Phòng Thử nghiệm", date(25, 3, 2024), None).save(dir.path(), "b2.xlsx");
    // The oldest file sorts last by name: it must never be the one used.
    sent_unit("TN", "Phòng Thử nghiệm", date(1, 3, 2024), Some("TN05")).save(dir.path(), "b3.xlsx");
    let expected = [
        ("error", "unit-duplicate", "b1.xlsx", None),
        ("error", "unit-duplicate", "b2.xlsx", None),
        ("warning", "unit-resubmitted", "b3.xlsx", None),
    ];
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 1);
    let (source, ids) = only_unit(&doc);
    assert!(path_ends_with(&source, "b2.xlsx"), "{source}");
    assert_eq!(ids, ["TN01", "TN02", "TN03", "TN04"]);
}

#[test]
fn a_newer_file_that_cannot_be_evaluated_never_lets_the_older_one_count() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    sent_unit("TN", "Phòng Thử nghiệm", date(20, 3, 2024), Some("TN05")).save(dir.path(), "a.xlsx");
    let mut newer = sent_unit("TN", "Phòng Thử nghiệm", date(26, 3, 2024), None);
    newer.bloc = t("Khối Y tế");
    newer.save(dir.path(), "b.xlsx");
    let (code, doc) = evaluate(&[dir.path()], &[]);
    let codes: Vec<(String, String)> = finding_values(&doc)
        .iter()
        .map(|f| {
            (
                str_field(f, "code").to_string(),
                str_field(f, "file").to_string(),
            )
        })
        .collect();
    assert!(
        codes
            .iter()
            .any(|(c, f)| c == "unit-resubmitted" && path_ends_with(f, "a.xlsx")),
        "{codes:?}"
    );
    assert!(
        codes
            .iter()
            .any(|(c, f)| c == "info-missing" && path_ends_with(f, "b.xlsx")),
        "{codes:?}"
    );
    assert_eq!(code, 1);
    assert!(
        doc["units"].as_array().expect("units").is_empty(),
        "none of the older file's people count: {doc:#}"
    );
}

#[test]
fn a_unit_resent_with_a_blank_code_is_the_same_unit_by_its_name() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    sent_unit("TN", "Phòng Thử nghiệm", date(20, 3, 2024), Some("TN05")).save(dir.path(), "a.xlsx");
    sent_unit("", "phong thu NGHIEM", date(25, 3, 2024), None).save(dir.path(), "b.xlsx");
    let expected = [("warning", "unit-resubmitted", "a.xlsx", None)];
    let (code, doc) = validate(&[dir.path()], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 0);
    let (code, doc) = evaluate(&[dir.path()], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 0);
    let (source, ids) = only_unit(&doc);
    assert!(path_ends_with(&source, "b.xlsx"), "{source}");
    assert_eq!(ids, ["TN01", "TN02", "TN03", "TN04"]);
}

#[test]
fn the_same_person_in_two_units_is_person_duplicate_in_both_and_paid_in_neither() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // Leader + 8 members each, the duplicate `loi`: 8 đạt, cap 1 in each unit.
    let mut a = Unit::with_names("TA", 8, 0);
    let mut b = Unit::with_names("TB", 8, 12);
    a.name = t("Phòng A");
    b.name = t("Phòng B");
    let twin = a.get("TA03").clone();
    b.person("TB03").name = twin.name.clone();
    b.person("TB03").birth = twin.birth.clone();
    let (a4, b4) = (a.get("TA04").name.clone(), b.get("TB04").name.clone());
    a.propose(&[("TA03", &twin.name, 1), ("TA04", &a4, 2)]);
    b.propose(&[("TB03", &twin.name, 1), ("TB04", &b4, 2)]);
    a.save(dir.path(), "ta.xlsx");
    b.save(dir.path(), "tb.xlsx");

    let (code, doc) = evaluate(&[dir.path()], &[]);
    // Reward proposals of people not đạt may be reported too (bullet 10); the rest is exact.
    let mut only = doc.clone();
    only["findings"]
        .as_array_mut()
        .expect("findings")
        .retain(|f| !str_field(f, "code").starts_with("reward-"));
    assert_loose(
        &only,
        &[
            ("error", "person-duplicate", "ta.xlsx", Some("TA03")),
            ("error", "person-duplicate", "tb.xlsx", Some("TB03")),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(outcome(&doc, "TA03").0, "loi");
    assert_eq!(outcome(&doc, "TB03").0, "loi");

    let (code, doc) = rewards(&[dir.path()]);
    assert_eq!(code, 1);
    assert_eq!(accepted(&doc, "TA"), ["TA04"], "{doc:#}");
    assert_eq!(accepted(&doc, "TB"), ["TB04"], "{doc:#}");
}

// ------------------------------------------------ 9. a unit with nobody in it

#[test]
fn a_filled_in_blank_template_is_unit_empty() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("mau.xlsx");
    let out = danhgia()
        .args(["template", "don-vi", "-q", "2024-Q1", "-o"])
        .arg(&path)
        .output()
        .expect("danhgia runs");
    assert_eq!(exit_code(&out), 0, "template: {out:?}");
    fill_info(
        &path,
        &[
            ("Đơn vị", "Phòng Thử nghiệm"),
            ("Mã đơn vị", "TN"),
            ("Khối", "Chính quyền"),
            ("Tổng số CBCCVC, NLĐ", "5"),
        ],
    );
    let expected = [("error", "unit-empty", "mau.xlsx", None)];
    let (code, doc) = validate(&[&path], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 1);
    let (code, doc) = evaluate(&[&path], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 1);
    assert!(people_ids(&doc).is_empty());
}

/// Writes `Thông tin` values next to their labels (column A), as a clerk would.
fn fill_info(path: &Path, values: &[(&str, &str)]) {
    let mut book = umya_spreadsheet::reader::xlsx::read(path).expect("the template is read");
    let ws = book
        .get_sheet_by_name_mut("Thông tin")
        .expect("a Thông tin sheet");
    let (_, max_row) = ws.get_highest_column_and_row();
    for (label, value) in values {
        let row = (1..=max_row)
            .find(|&r| {
                let l = ws.get_value((1, r));
                let l = l.trim().trim_end_matches([':', '*']).trim();
                l == *label
            })
            .unwrap_or_else(|| panic!("no label {label} in Thông tin"));
        match value.parse::<f64>() {
            Ok(n) => ws.get_cell_mut((2, row)).set_value_number(n),
            Err(_) => ws.get_cell_mut((2, row)).set_value(*value),
        };
    }
    umya_spreadsheet::writer::xlsx::write(&book, path).expect("the workbook is written");
}

#[test]
fn a_list_with_only_its_header_is_unit_empty() {
    let mut u = Unit::new("TN", 0);
    u.people.clear();
    u.headcount = Some(Cell::Num(3.0));
    let (_dir, path) = save(&u);
    let expected = [("error", "unit-empty", FILE, None)];
    let (code, doc) = validate(&[&path], &[]);
    assert_loose(&doc, &expected);
    assert_eq!(code, 1);
}

// ------------------------------------------------ 10. the unit's own reward proposals

#[test]
fn validate_reports_the_units_own_reward_proposal_faults() {
    // Leader + 7 members; TN08 has a month "hoàn thành" (no breach of the leader's condition):
    // 7 đạt, cap floor(15% × 7) = 1.
    let mut u = Unit::new("TN", 7);
    u.person("TN08").months(["HTXSNV", "HTNV", "HTTNV"]);
    let name = |id: &str| u.get(id).name.clone();
    let (n2, n3, n8) = (name("TN02"), name("TN03"), name("TN08"));
    u.propose(&[
        ("TN02", &n2, 1),
        ("TN03", &n3, 2),
        ("TN08", &n8, 3),
        ("TN99", "Người Lạ", 4),
    ]);
    let (_dir, path) = save(&u);
    let reward = |code: &'static str, i: usize, person: &'static str| {
        Expect::error(code, FILE)
            .sheet(SHEET_REWARD)
            .cell(s(u.proposal_cell(i)))
            .person(person)
    };
    let (code, doc) = validate(&[&path], &[]);
    assert_findings(
        &doc,
        &[
            reward("reward-over-cap", 1, "TN03"),
            reward("reward-not-dat", 2, "TN08"),
            reward("reward-unknown-person", 3, "TN99"),
        ],
    );
    assert_eq!(code, 1);
    assert_file(&doc, FILE, "loi");

    let (_, doc) = evaluate(&[&path], &[]);
    assert_eq!(doc["units"][0]["summary"]["dat"], 7);
    assert_eq!(doc["units"][0]["summary"]["reward_cap"], 1);
}

// ------------------------------------------------ 11. a score typed as text under a SUM

#[test]
fn a_score_typed_as_text_under_a_formula_total_is_reported_at_the_text_cell() {
    let mut u = Unit::new("TN", 3);
    u.person("TN02").score(5, t("9,5"));
    let (_dir, path) = save(&u);
    let doc = check_both(
        &path,
        &[Expect::error("total-mismatch", FILE)
            .sheet("Mẫu 04")
            .cell(s(u.score_cell("TN02", 5)))
            .person("TN02")],
        1,
    );
    assert_outcomes(&doc, &dat_except(&u, &[("TN02", "loi", NONE)]));
}

// ------------------------------------------------ 12. messages name the person

#[test]
fn every_finding_about_a_person_names_them_by_name_and_ma_cb() {
    let mut u = Unit::new("TN", 8);
    u.person("TN02").text(KY_LUAT, "HTTNV");
    u.person("TN03").month(2, t("Khá"));
    u.person("TN04").set(SO_NGAY_NGHI, t("2,3"));
    u.person("TN05").score(7, Cell::Num(9.3));
    u.person("TN06").score(5, t("9,5"));
    u.person("TN07").text(DOI_TUONG, "thời vụ");
    u.person("TN08").btv = true; // on mẫu 04: wrong-form
    u.person("TN09").months(["HTXSNV", "HTNV", "HTTNV"]);
    let n9 = u.get("TN09").name.clone();
    u.propose(&[("TN09", &n9, 1), ("TN99", "Người Lạ", 2)]);
    let (_dir, path) = save(&u);
    let name_of = |id: &str| {
        if id == "TN99" {
            "Người Lạ".to_string()
        } else {
            u.get(id).name.clone()
        }
    };
    for lang in ["vi", "en"] {
        for sub in ["validate", "evaluate"] {
            let out = danhgia()
                .args(["--lang", lang, sub, "--format", "json"])
                .arg(&path)
                .output()
                .expect("danhgia runs");
            let doc = parse_json(&out);
            let mut about_people = 0;
            let mut unnamed = Vec::new();
            for f in finding_values(&doc) {
                let Some(id) = opt_str(f, "person") else {
                    continue;
                };
                about_people += 1;
                let message = str_field(f, "message");
                let name = name_of(&id);
                if !(message.contains(&name) && message.contains(&id)) {
                    unnamed.push(format!(
                        "{} {} at {}: {message}",
                        str_field(f, "code"),
                        id,
                        opt_str(f, "cell").unwrap_or_default()
                    ));
                }
            }
            assert!(
                unnamed.is_empty(),
                "{lang} {sub}: these messages do not name the person (name and Mã CB):\n{}",
                unnamed.join("\n")
            );
            let codes: Vec<&str> = finding_values(&doc)
                .iter()
                .map(|f| str_field(f, "code"))
                .collect();
            for code in [
                "value-unclear",
                "scope-unknown",
                "rating-unknown",
                "date-invalid",
                "score-step",
                "total-mismatch",
                "wrong-form",
            ] {
                assert!(
                    codes.contains(&code),
                    "{lang} {sub}: no {code} in {codes:?}"
                );
            }
            assert!(about_people >= 8, "{lang} {sub}: {codes:?}");
        }
    }
}
