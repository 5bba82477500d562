//! One test per reason code of SPEC §5, the boundary fixtures, and the clean
//! fixtures, against what fixtures/README.md says each person must get.

mod common;

use common::*;
use serde_json::Value;

/// Evaluates a fixture that must be clean: exit 0, no findings; returns the
/// results document.
fn evaluate_clean(name: &str) -> Value {
    let (code, doc) = evaluate(&[fixture(name)], &[]);
    assert_findings(&doc, &[]);
    assert_eq!(code, 0, "evaluate of {name} must exit 0");
    doc
}

/// Validates a fixture that must be clean: exit 0, no findings, file `ok`.
fn validate_clean(name: &str) {
    let (code, doc) = validate(&[fixture(name)], &[]);
    assert_findings(&doc, &[]);
    assert_file(&doc, name, "ok");
    assert_eq!(code, 0, "validate of {name} must exit 0");
}

fn ly_do() -> Value {
    evaluate_clean("ly-do.xlsx")
}

// ------------------------------------------------------------ ly-do.xlsx

#[test]
fn vang_15_ngay_leaves_a_long_absence_not_evaluated() {
    let doc = ly_do();
    assert_person(
        &doc,
        &expect_person("TN10", "khong-danh-gia", &["vang-15-ngay"], None),
    );
    assert!(
        person(&doc, "TN10")["form"].is_null(),
        "TN10 is on no score sheet"
    );
}

#[test]
fn thang_duoi_tot_fails_a_month_below_tot() {
    let doc = ly_do();
    // TN03: one month HTNV; TN09: one month KHTNV (and a xuất sắc month).
    assert_person(
        &doc,
        &expect_person("TN03", "khong-dat", &["thang-duoi-tot"], Some(290.0)),
    );
    assert_person(
        &doc,
        &expect_person("TN09", "khong-dat", &["thang-duoi-tot"], Some(290.0)),
    );
    assert_eq!(
        person(&doc, "TN03")["ratings"],
        serde_json::json!(["xuat-sac", "hoan-thanh", "tot"])
    );
    assert_eq!(
        person(&doc, "TN09")["ratings"],
        serde_json::json!(["khong-hoan-thanh", "tot", "xuat-sac"])
    );
}

#[test]
fn khong_thang_xuat_sac_fails_three_tot_months() {
    let doc = ly_do();
    assert_person(
        &doc,
        &expect_person("TN04", "khong-dat", &["khong-thang-xuat-sac"], Some(290.0)),
    );
    assert_eq!(
        person(&doc, "TN04")["ratings"],
        serde_json::json!(["tot", "tot", "tot"])
    );
}

#[test]
fn ky_luat_fails_a_disciplined_person() {
    assert_person(
        &ly_do(),
        &expect_person("TN05", "khong-dat", &["ky-luat"], Some(290.0)),
    );
}

#[test]
fn thanh_tra_fails_a_person_under_inspection() {
    assert_person(
        &ly_do(),
        &expect_person("TN06", "khong-dat", &["thanh-tra"], Some(290.0)),
    );
}

#[test]
fn bat_buoc_duoi_10_fails_a_mandatory_item_below_10() {
    let doc = ly_do();
    assert_person(
        &doc,
        &expect_person("TN07", "khong-dat", &["bat-buoc-duoi-10"], Some(289.5)),
    );
    let tn11 = &person(&doc, "TN11")["reasons"];
    assert!(
        tn11.as_array()
            .is_some_and(|r| r.iter().any(|x| x == "bat-buoc-duoi-10")),
        "TN11 has item 3 at 9: {tn11}"
    );
}

#[test]
fn con_lai_duoi_8_fails_another_item_below_8() {
    let doc = ly_do();
    assert_person(
        &doc,
        &expect_person("TN08", "khong-dat", &["con-lai-duoi-8"], Some(288.5)),
    );
    let tn11 = &person(&doc, "TN11")["reasons"];
    assert!(
        tn11.as_array()
            .is_some_and(|r| r.iter().any(|x| x == "con-lai-duoi-8")),
        "TN11 has its other items at 7: {tn11}"
    );
}

#[test]
fn tong_ngoai_khung_comes_with_every_other_score_reason_in_order() {
    assert_person(
        &ly_do(),
        &expect_person(
            "TN11",
            "khong-dat",
            &["bat-buoc-duoi-10", "con-lai-duoi-8", "tong-ngoai-khung"],
            Some(269.0),
        ),
    );
}

#[test]
fn don_vi_vi_pham_fails_the_leaders_whose_scope_has_a_failing_person() {
    let doc = ly_do();
    // TN01 leads the whole unit (TN05, TN06, TN09 are in it); TN12 leads
    // "Bộ phận Một cửa" (TN09 is in it).
    assert_person(
        &doc,
        &expect_person("TN01", "khong-dat", &["don-vi-vi-pham"], Some(435.0)),
    );
    assert_person(
        &doc,
        &expect_person("TN12", "khong-dat", &["don-vi-vi-pham"], Some(435.0)),
    );
    assert_eq!(person(&doc, "TN01")["form"], "03");
    assert_eq!(person(&doc, "TN12")["form"], "03");
}

#[test]
fn ly_do_gives_every_person_exactly_the_listed_reasons() {
    validate_clean("ly-do.xlsx");
    let doc = ly_do();
    assert_people(
        &doc,
        &[
            expect_person("TN01", "khong-dat", &["don-vi-vi-pham"], Some(435.0)),
            expect_person("TN02", "dat", &[], Some(290.0)),
            expect_person("TN03", "khong-dat", &["thang-duoi-tot"], Some(290.0)),
            expect_person("TN04", "khong-dat", &["khong-thang-xuat-sac"], Some(290.0)),
            expect_person("TN05", "khong-dat", &["ky-luat"], Some(290.0)),
            expect_person("TN06", "khong-dat", &["thanh-tra"], Some(290.0)),
            expect_person("TN07", "khong-dat", &["bat-buoc-duoi-10"], Some(289.5)),
            expect_person("TN08", "khong-dat", &["con-lai-duoi-8"], Some(288.5)),
            expect_person("TN09", "khong-dat", &["thang-duoi-tot"], Some(290.0)),
            expect_person("TN10", "khong-danh-gia", &["vang-15-ngay"], None),
            expect_person(
                "TN11",
                "khong-dat",
                &["bat-buoc-duoi-10", "con-lai-duoi-8", "tong-ngoai-khung"],
                Some(269.0),
            ),
            expect_person("TN12", "khong-dat", &["don-vi-vi-pham"], Some(435.0)),
        ],
    );
    let summary = &doc["units"][0]["summary"];
    assert_eq!(summary["people"], 12, "{summary}");
    assert_eq!(summary["evaluated"], 11, "{summary}");
    assert_eq!(summary["not_evaluated"], 1, "{summary}");
    assert_eq!(summary["dat"], 1, "{summary}");
    assert_eq!(summary["khong_dat"], 10, "{summary}");
    assert_eq!(summary["loi"], 0, "{summary}");
}

#[test]
fn leader_scope_excludes_a_failing_person_outside_it() {
    validate_clean("ly-do-lanh-dao-ok.xlsx");
    let doc = evaluate_clean("ly-do-lanh-dao-ok.xlsx");
    assert_people(
        &doc,
        &[
            expect_person("TN01", "dat", &[], Some(435.0)),
            expect_person("TN02", "dat", &[], Some(290.0)),
            expect_person("TN03", "dat", &[], Some(290.0)),
            expect_person("TN04", "dat", &[], Some(290.0)),
            expect_person("TN05", "khong-dat", &["thang-duoi-tot"], Some(290.0)),
        ],
    );
}

// -------------------------------------------------------- bien-vang.xlsx

fn bien_vang() -> Value {
    let doc = evaluate_clean("bien-vang.xlsx");
    assert_eq!(doc["quarter"], "2024-Q2");
    doc
}

fn absent(id: &str) -> PersonExpect {
    expect_person(id, "khong-danh-gia", &["vang-15-ngay"], None)
}

fn scored(id: &str) -> PersonExpect {
    expect_person(id, "dat", &[], Some(290.0))
}

#[test]
fn absence_across_the_gio_to_holiday_counts_14_not_15_days() {
    let doc = bien_vang();
    // 08/04–26/04: 15 weekdays, minus Giỗ Tổ 18/4 = 14.
    assert_person(&doc, &scored("TN02"));
    // 05/04–26/04: 15 working days.
    assert_person(&doc, &absent("TN03"));
}

#[test]
fn absence_across_the_make_up_saturday_counts_it() {
    let doc = bien_vang();
    // 27/04–20/05: 14 with the make-up Saturday 4/5.
    assert_person(&doc, &scored("TN04"));
    // 27/04–21/05: 15 with the make-up Saturday (14 without it).
    assert_person(&doc, &absent("TN05"));
}

#[test]
fn absence_range_is_clipped_to_the_quarter() {
    // 18/03–19/04: 14 working days inside quarter II (25 counting March).
    assert_person(&bien_vang(), &scored("TN06"));
}

#[test]
fn absence_days_column_14_is_evaluated_and_15_is_not() {
    let doc = bien_vang();
    assert_person(&doc, &scored("TN07"));
    assert_person(&doc, &absent("TN08"));
}

#[test]
fn bien_vang_is_clean_and_gives_every_listed_status() {
    validate_clean("bien-vang.xlsx");
    assert_people(
        &bien_vang(),
        &[
            expect_person("TN01", "dat", &[], Some(435.0)),
            scored("TN02"),
            absent("TN03"),
            scored("TN04"),
            absent("TN05"),
            scored("TN06"),
            scored("TN07"),
            absent("TN08"),
        ],
    );
}

// -------------------------------------------------------- bien-diem.xlsx

fn bien_diem() -> Value {
    let doc = evaluate_clean("bien-diem.xlsx");
    assert_eq!(doc["quarter"], "2024-Q2");
    doc
}

#[test]
fn total_280_exactly_is_dat() {
    assert_person(
        &bien_diem(),
        &expect_person("TN02", "dat", &[], Some(280.0)),
    );
}

#[test]
fn total_420_exactly_is_dat_on_mau_03() {
    let doc = bien_diem();
    assert_person(&doc, &expect_person("TN01", "dat", &[], Some(420.0)));
    assert_eq!(person(&doc, "TN01")["form"], "03");
}

#[test]
fn total_279_5_with_an_item_at_7_5_is_khong_dat() {
    assert_person(
        &bien_diem(),
        &expect_person(
            "TN03",
            "khong-dat",
            &["con-lai-duoi-8", "tong-ngoai-khung"],
            Some(279.5),
        ),
    );
}

#[test]
fn mandatory_item_at_9_5_is_khong_dat() {
    assert_person(
        &bien_diem(),
        &expect_person("TN04", "khong-dat", &["bat-buoc-duoi-10"], Some(299.5)),
    );
}

#[test]
fn bien_diem_is_clean_and_has_only_its_four_people() {
    validate_clean("bien-diem.xlsx");
    let doc = bien_diem();
    let mut ids = people_ids(&doc);
    ids.sort();
    assert_eq!(ids, ["TN01", "TN02", "TN03", "TN04"]);
}

// ---------------------------------------------------------- clean fixtures

fn assert_base_names(doc: &Value) {
    for (n, name) in BASE_NAMES.iter().enumerate() {
        let id = format!("TN{:02}", n + 1);
        assert_eq!(person(doc, &id)["name"], *name, "name of {id}");
    }
}

#[test]
fn hop_le_is_all_dat_with_no_findings() {
    validate_clean("hop-le.xlsx");
    let doc = evaluate_clean("hop-le.xlsx");
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_people(&doc, &base_people("TN", 5, &[]));
    assert_base_names(&doc);
    let unit = &doc["units"][0];
    assert_eq!(unit["unit"], "Phòng Thử nghiệm");
    assert_eq!(unit["code"], "TN");
    assert_eq!(unit["bloc"], "chinh-quyen");
    assert_eq!(unit["headcount"], 5);
    assert_eq!(person(&doc, "TN01")["form"], "03");
    assert_eq!(person(&doc, "TN02")["form"], "04");
    assert_eq!(
        person(&doc, "TN02")["ratings"],
        serde_json::json!(["xuat-sac", "tot", "tot"])
    );
}

#[test]
fn hop_le_bien_the_is_all_dat_with_no_findings() {
    validate_clean("hop-le-bien-the.xlsx");
    let doc = evaluate_clean("hop-le-bien-the.xlsx");
    assert_eq!(doc["quarter"], "2024-Q1");
    assert_people(
        &doc,
        &[
            expect_person("TN01", "dat", &[], Some(435.5)),
            expect_person("TN02", "dat", &[], Some(291.0)),
            expect_person("TN03", "dat", &[], Some(290.0)),
            expect_person("TN04", "dat", &[], Some(295.0)),
            expect_person("TN05", "dat", &[], Some(290.0)),
        ],
    );
    // NFD in the workbook, NFC in the results.
    assert_base_names(&doc);
    assert_eq!(doc["units"][0]["unit"], "Phòng Thử nghiệm");
}

#[test]
fn thu_muc_skips_the_lock_file_and_the_hidden_file() {
    let dir = fixture("thu-muc");
    let (code, doc) = validate(&[&dir], &[]);
    assert_findings(&doc, &[]);
    assert_eq!(
        doc["files"].as_array().map(Vec::len),
        Some(3),
        "all three files are listed: {}",
        doc["files"]
    );
    assert_file(&doc, "thu-muc/.an.xlsx", "bo-qua");
    assert_file(&doc, "thu-muc/don-vi-a.xlsx", "ok");
    assert_file(&doc, "thu-muc/~$don-vi-a.xlsx", "bo-qua");
    assert_eq!(code, 0);

    let (code, doc) = evaluate(&[&dir], &[]);
    assert_findings(&doc, &[]);
    assert_eq!(doc["units"].as_array().map(Vec::len), Some(1));
    assert_people(&doc, &base_people("TNA", 5, &[]));
    assert_eq!(code, 0);
}
