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
