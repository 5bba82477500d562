//! The same unit workbook saved as .xlsx, .ods and .xls gives the same results.

mod common;

use common::{evaluate, fixture, validate};
use serde_json::Value;

fn people(doc: &Value) -> Vec<(String, String, String)> {
    doc["units"][0]["people"]
        .as_array()
        .expect("one unit")
        .iter()
        .map(|p| {
            (
                p["id"].to_string(),
                p["status"].to_string(),
                p["total"].to_string(),
            )
        })
        .collect()
}

#[test]
fn ods_and_xls_read_like_xlsx() {
    let (code, reference) = evaluate(&[fixture("hop-le.xlsx")], &[]);
    assert_eq!(code, 0);
    let expected = people(&reference);
    assert_eq!(expected.len(), 5);
    for name in ["hop-le.ods", "hop-le.xls"] {
        let (code, check) = validate(&[fixture(name)], &[]);
        assert_eq!(code, 0, "{name}: {check}");
        assert_eq!(check["files"][0]["status"], "ok", "{name}");
        let (code, doc) = evaluate(&[fixture(name)], &[]);
        assert_eq!(code, 0, "{name}");
        assert_eq!(people(&doc), expected, "{name}");
        assert_eq!(
            doc["units"][0]["summary"], reference["units"][0]["summary"],
            "{name}"
        );
    }
}

/// `gop-o.*`: `hop-le.xlsx` with TN01 (mẫu 03) in charge of "Bộ phận Tổng hợp", that part written
/// once in a cell merged over the rows of TN02–TN05 (F3:F6), and TN05 rated KHTNV in February.
/// Made with LibreOffice Calc (the same sheet saved as .xlsx, .ods and .xls).
#[test]
fn a_bo_phan_merged_over_rows_counts_for_every_row_in_every_format() {
    for name in ["gop-o.xlsx", "gop-o.ods", "gop-o.xls"] {
        let (code, doc) = evaluate(&[fixture(name)], &[]);
        assert_eq!(code, 0, "{name}: {doc}");
        let outcome = |id: &str| {
            let p = doc["units"][0]["people"]
                .as_array()
                .expect("one unit")
                .iter()
                .find(|p| p["id"] == id)
                .unwrap_or_else(|| panic!("{name}: no {id}"));
            (p["status"].to_string(), p["reasons"].to_string())
        };
        // TN05 is in TN01's scope only through the merged cell.
        assert_eq!(
            outcome("TN01"),
            ("\"khong-dat\"".into(), "[\"don-vi-vi-pham\"]".into()),
            "{name}"
        );
        assert_eq!(outcome("TN05").0, "\"khong-dat\"", "{name}");
        assert_eq!(outcome("TN02").0, "\"dat\"", "{name}");
    }
}
