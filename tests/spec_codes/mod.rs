//! The codes of the contract, as SPEC §5 and §6 list them, for the tests that check the
//! program's output and its documentation against them.
#![allow(dead_code)]

/// SPEC §6, errors.
pub const ERROR_CODES: &[&str] = &[
    "file-unreadable",
    "sheet-missing",
    "column-missing",
    "info-missing",
    "quarter-mismatch",
    "month-mismatch",
    "score-not-number",
    "score-out-of-range",
    "score-step",
    "score-missing",
    "total-mismatch",
    "rating-unknown",
    "rating-missing",
    "person-duplicate",
    "person-unmatched",
    "wrong-form",
    "formula-no-value",
    "date-invalid",
    "reward-over-cap",
    "reward-not-dat",
    "reward-unknown-person",
    "unit-duplicate",
    "value-unclear",
    "scope-unknown",
    "scope-unknown-part",
    "mandatory-row-invalid",
    "sheet-duplicate",
    "unit-empty",
    "rating-conflict",
    "list-unit-unknown",
    "result-mismatch",
];

/// SPEC §6, warnings.
pub const WARNING_CODES: &[&str] = &[
    "form-size",
    "legacy-encoding",
    "absence-mismatch",
    "headcount-mismatch",
    "late",
    "early",
    "unit-resubmitted",
    "unit-missing",
    "profile-out-of-period",
    "list-missing",
];

/// SPEC §5, in contract order.
pub const REASONS: &[&str] = &[
    "vang-15-ngay",
    "khong-du-thoi-gian",
    "ngoai-doi-tuong",
    "thang-duoi-tot",
    "khong-thang-xuat-sac",
    "ky-luat",
    "thanh-tra",
    "bat-buoc-duoi-10",
    "con-lai-duoi-8",
    "tong-ngoai-khung",
    "don-vi-vi-pham",
];
