//! danhgia — the quarterly professionalism evaluation (đánh giá sự chuyên nghiệp) of CBCCVC, NLĐ:
//! read the units' workbooks, check every cell, decide each person, report.
//!
//! Layers: the pure layer — [`model`], [`text`], [`i18n`], [`calendar`], [`profile`],
//! [`campaign_profile`], [`rules`], [`cap`], [`money`], [`deadlines`], [`finding`] and [`anomaly`]
//! (the review signs of `bat-thuong`) — names no module outside itself (`tests/layering.rs` checks
//! its imports); [`reader`] turns one workbook into values and findings; [`batch`] runs many
//! workbooks; [`report`] prints; [`cli`] is the command line.

#[macro_use]
pub mod i18n;
pub mod anomaly;
pub mod bat_thuong;
pub mod batch;
pub mod calendar;
pub mod campaign;
pub mod campaign_profile;
pub mod cap;
pub mod cli;
pub mod deadlines;
pub mod district;
pub mod documents;
pub mod evaluate;
pub mod expected_units;
pub mod finding;
pub mod legacy;
pub mod lists;
pub mod mau06;
pub mod merge;
pub mod model;
pub mod money;
pub mod outdir;
pub mod output;
pub mod paths;
pub mod profile;
pub mod reader;
pub mod report;
pub mod rewards;
pub mod rules;
pub mod text;
pub mod tra_lai;
pub mod vocab;
pub mod writer;
pub mod year;
