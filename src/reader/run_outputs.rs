//! Reads what `run` wrote for a quarter, for `nam`: the results document (`ket-qua.json`, schema
//! `danhgia/ket-qua/v1`, SPEC §5) and, in a run folder, the reward document beside it
//! (`khen-thuong.json`, schema `danhgia/khen-thuong/v1`). Only the fields the year needs are
//! kept; each document is parsed once with serde. Decides nothing: a file that cannot be used
//! comes back as a [`Problem`] saying why, and the year flow says what follows from it.

use crate::model::{Bloc, Quarter, Status};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub const RESULTS_FILE: &str = "ket-qua.json";
pub const REWARDS_FILE: &str = "khen-thuong.json";
pub const RESULTS_SCHEMA: &str = "danhgia/ket-qua/v1";
pub const REWARDS_SCHEMA: &str = "danhgia/khen-thuong/v1";

/// One quarter's results, as `run` or `evaluate --format json` wrote them.
#[derive(Debug, Clone)]
pub struct QuarterDoc {
    pub quarter: Quarter,
    /// The results file, as given (or the folder given joined with `ket-qua.json`).
    pub file: String,
    pub units: Vec<UnitDoc>,
    /// Errors and warnings among the quarter's own findings.
    pub errors: usize,
    pub warnings: usize,
    pub rewards: RewardsRead,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDoc {
    pub code: String,
    pub unit: String,
    pub bloc: Bloc,
    pub people: Vec<PersonDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDoc {
    pub id: String,
    pub name: String,
    pub status: Status,
}

/// What became of the quarter's reward document.
#[derive(Debug, Clone)]
pub enum RewardsRead {
    Read(RewardDoc),
    /// A run folder without `khen-thuong.json` (written by a version of `run` before it wrote
    /// one, or removed).
    NotInFolder,
    /// A results file was given, not its folder: the reward document is not looked for.
    /// `beside` names the `khen-thuong.json` lying next to it, if there is one.
    FileGiven {
        beside: Option<String>,
    },
    Unusable(Problem),
}

/// The reward document of a quarter (SPEC §5 `danhgia/khen-thuong/v1`): who was paid, how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewardDoc {
    pub file: String,
    pub quarter: Quarter,
    /// The profile it was priced with, its decision date and base salary, as it states them.
    pub profile: Option<String>,
    pub decision_date: Option<chrono::NaiveDate>,
    pub base_salary: Option<Decimal>,
    pub amount_per_person: Decimal,
    pub units: Vec<UnitRewardDoc>,
    pub people: u32,
    pub total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRewardDoc {
    pub code: String,
    /// The unit's name (what tells apart units without a code).
    pub unit: String,
    /// How many people of the unit may be rewarded, as the document states it.
    pub cap: Option<u32>,
    pub accepted: Vec<String>,
    pub total: Decimal,
}

/// A file that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The path does not exist or cannot be read.
    Io(String),
    /// Not a regular file (a pipe, a device).
    NotAFile,
    /// A folder without `ket-qua.json`.
    NoResults,
    /// Not JSON, or JSON not shaped as the schema says.
    Json(JsonProblem),
    /// JSON with another schema (`None`: no `schema` field).
    Schema {
        found: Option<String>,
        expected: &'static str,
    },
    /// The document names no quarter (`"quarter": null`, nothing could be read that quarter),
    /// or one that is not a quarter.
    Quarter(Option<String>),
    /// A value outside the contract: a bloc, a status, an amount.
    Value(String),
    /// A unit whose summary its people contradict (the file was edited by hand): đạt and
    /// evaluated, as stated and as its people make them.
    Summary {
        code: String,
        stated: (u32, u32),
        counted: (u32, u32),
    },
}

/// Where and how a document is not the JSON expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonProblem {
    pub kind: JsonProblemKind,
    pub line: usize,
    pub column: usize,
    /// The parser's own words (English).
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblemKind {
    /// Not JSON there.
    Syntax,
    /// The file ends in the middle of the document (cut short).
    Eof,
    /// JSON, but a value of the wrong kind or a field missing.
    Data,
    /// The file could not be read through.
    Io,
}

impl JsonProblem {
    fn of(e: &serde_json::Error) -> JsonProblem {
        use serde_json::error::Category;
        JsonProblem {
            kind: match e.classify() {
                Category::Syntax => JsonProblemKind::Syntax,
                Category::Eof => JsonProblemKind::Eof,
                Category::Data => JsonProblemKind::Data,
                Category::Io => JsonProblemKind::Io,
            },
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        }
    }
}

/// Everything read from one path given on the command line.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The path as given.
    pub given: String,
    pub outcome: Result<QuarterDoc, Problem>,
}

/// Reads every path (in parallel; the order of the paths is kept).
pub fn load_all(paths: &[PathBuf]) -> Vec<Loaded> {
    use rayon::prelude::*;
    paths.par_iter().map(|p| load(p)).collect()
}

/// Reads one path: a run folder (its `ket-qua.json` and `khen-thuong.json`) or a results file.
pub fn load(path: &Path) -> Loaded {
    let given = path.display().to_string();
    let outcome = if path.is_dir() {
        load_folder(path)
    } else {
        load_results(path, &given).map(|mut doc| {
            doc.rewards = RewardsRead::FileGiven {
                beside: beside_rewards(path),
            };
            doc
        })
    };
    Loaded { given, outcome }
}

fn load_folder(dir: &Path) -> Result<QuarterDoc, Problem> {
    let results = dir.join(RESULTS_FILE);
    let shown = results.display().to_string();
    if !results.is_file() {
        return Err(Problem {
            file: dir.display().to_string(),
            kind: ProblemKind::NoResults,
        });
    }
    let mut doc = load_results(&results, &shown)?;
    let rewards = dir.join(REWARDS_FILE);
    doc.rewards = if rewards.is_file() {
        match load_rewards(&rewards) {
            Ok(r) => RewardsRead::Read(r),
            Err(p) => RewardsRead::Unusable(p),
        }
    } else {
        RewardsRead::NotInFolder
    };
    Ok(doc)
}

/// The `khen-thuong.json` next to a results file, when there is one.
fn beside_rewards(file: &Path) -> Option<String> {
    let beside = file.parent()?.join(REWARDS_FILE);
    beside.is_file().then(|| beside.display().to_string())
}

fn read_bytes(path: &Path, shown: &str) -> Result<Vec<u8>, Problem> {
    let problem = |kind| Problem {
        file: shown.to_string(),
        kind,
    };
    // A pipe or a device would block or never end: only a regular file is read.
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => return Err(problem(ProblemKind::NotAFile)),
        Ok(_) => {}
        Err(e) => return Err(problem(ProblemKind::Io(e.to_string()))),
    }
    std::fs::read(path).map_err(|e| problem(ProblemKind::Io(e.to_string())))
}

// ------------------------------------------------------------------------------------------
// ket-qua.json
// ------------------------------------------------------------------------------------------

// Codes are borrowed from the file's bytes (no escapes in them): only ids and names are copied.
#[derive(Deserialize)]
struct RawResults<'a> {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    quarter: Option<String>,
    #[serde(default, borrow)]
    units: Vec<RawUnit<'a>>,
    #[serde(default, borrow)]
    findings: Vec<RawFinding<'a>>,
}

#[derive(Deserialize)]
struct RawUnit<'a> {
    unit: String,
    code: String,
    #[serde(borrow)]
    bloc: Cow<'a, str>,
    #[serde(default, borrow)]
    people: Vec<RawPerson<'a>>,
    #[serde(default)]
    summary: Option<RawSummary>,
}

#[derive(Deserialize)]
struct RawSummary {
    #[serde(default)]
    dat: Option<u32>,
    #[serde(default)]
    evaluated: Option<u32>,
}

#[derive(Deserialize)]
struct RawPerson<'a> {
    id: String,
    name: String,
    #[serde(borrow)]
    status: Cow<'a, str>,
}

#[derive(Deserialize)]
struct RawFinding<'a> {
    #[serde(borrow)]
    severity: Cow<'a, str>,
}

/// Only the schema, to name it when the rest does not parse.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    schema: Option<String>,
}

fn load_results(path: &Path, shown: &str) -> Result<QuarterDoc, Problem> {
    let bytes = read_bytes(path, shown)?;
    let problem = |kind| Problem {
        file: shown.to_string(),
        kind,
    };
    let raw: RawResults = match serde_json::from_slice(&bytes) {
        Ok(raw) => raw,
        Err(e) => return Err(problem(parse_problem(&bytes, e, RESULTS_SCHEMA))),
    };
    if raw.schema.as_deref() != Some(RESULTS_SCHEMA) {
        return Err(problem(ProblemKind::Schema {
            found: raw.schema,
            expected: RESULTS_SCHEMA,
        }));
    }
    let quarter = quarter_of(raw.quarter).map_err(problem)?;
    let units = raw
        .units
        .into_iter()
        .map(unit_doc)
        .collect::<Result<Vec<_>, _>>()
        .map_err(problem)?;
    let errors = raw
        .findings
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    Ok(QuarterDoc {
        quarter,
        file: shown.to_string(),
        units,
        errors,
        warnings: raw.findings.len() - errors,
        rewards: RewardsRead::NotInFolder,
    })
}

/// Why a document did not parse: its schema when it names another one, else the parser's words.
fn parse_problem(bytes: &[u8], e: serde_json::Error, expected: &'static str) -> ProblemKind {
    match serde_json::from_slice::<Probe>(bytes) {
        Ok(Probe { schema }) if schema.as_deref() != Some(expected) => ProblemKind::Schema {
            found: schema,
            expected,
        },
        _ => ProblemKind::Json(JsonProblem::of(&e)),
    }
}

fn quarter_of(q: Option<String>) -> Result<Quarter, ProblemKind> {
    let text = q.ok_or(ProblemKind::Quarter(None))?;
    match crate::text::parse_quarter(&text) {
        Some(q) => Ok(q),
        None => Err(ProblemKind::Quarter(Some(text))),
    }
}

fn unit_doc(u: RawUnit<'_>) -> Result<UnitDoc, ProblemKind> {
    let bloc = Bloc::from_code(&u.bloc)
        .ok_or_else(|| ProblemKind::Value(format!("bloc \"{}\" ({})", u.bloc, u.code)))?;
    let people = u
        .people
        .into_iter()
        .map(|p| {
            let status = Status::ALL
                .into_iter()
                .find(|s| s.code() == p.status)
                .ok_or_else(|| ProblemKind::Value(format!("status \"{}\" ({})", p.status, p.id)))?;
            Ok(PersonDoc {
                id: p.id,
                name: p.name,
                status,
            })
        })
        .collect::<Result<Vec<_>, ProblemKind>>()?;
    let stated = u.summary.as_ref().and_then(|s| s.dat.zip(s.evaluated));
    if let (Some((stated_dat, stated_evaluated)), false) = (stated, people.is_empty()) {
        let dat = people.iter().filter(|p| p.status == Status::Dat).count() as u32;
        let evaluated = people
            .iter()
            .filter(|p| p.status != Status::KhongDanhGia)
            .count() as u32;
        if (stated_dat, stated_evaluated) != (dat, evaluated) {
            return Err(ProblemKind::Summary {
                code: u.code,
                stated: (stated_dat, stated_evaluated),
                counted: (dat, evaluated),
            });
        }
    }
    Ok(UnitDoc {
        code: u.code,
        unit: u.unit,
        bloc,
        people,
    })
}

// ------------------------------------------------------------------------------------------
// khen-thuong.json
// ------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct RawRewards {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    quarter: Option<String>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    decision_date: Option<String>,
    #[serde(default)]
    base_salary: Option<String>,
    amount_per_person: String,
    #[serde(default)]
    units: Vec<RawUnitRewards>,
    people: u32,
    total: String,
}

#[derive(Deserialize)]
struct RawUnitRewards {
    code: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    cap: Option<u32>,
    #[serde(default)]
    accepted: Vec<String>,
    total: String,
}

pub fn load_rewards(path: &Path) -> Result<RewardDoc, Problem> {
    let shown = path.display().to_string();
    let bytes = read_bytes(path, &shown)?;
    let problem = |kind| Problem {
        file: shown.clone(),
        kind,
    };
    let raw: RawRewards = match serde_json::from_slice(&bytes) {
        Ok(raw) => raw,
        Err(e) => return Err(problem(parse_problem(&bytes, e, REWARDS_SCHEMA))),
    };
    if raw.schema.as_deref() != Some(REWARDS_SCHEMA) {
        return Err(problem(ProblemKind::Schema {
            found: raw.schema,
            expected: REWARDS_SCHEMA,
        }));
    }
    let quarter = quarter_of(raw.quarter).map_err(problem)?;
    let units = raw
        .units
        .into_iter()
        .map(|u| {
            Ok(UnitRewardDoc {
                total: dong(&u.total)?,
                code: u.code,
                unit: u.unit,
                cap: u.cap,
                accepted: u.accepted,
            })
        })
        .collect::<Result<Vec<_>, ProblemKind>>()
        .map_err(problem)?;
    let decision_date = raw
        .decision_date
        .map(|d| {
            chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| ProblemKind::Value(format!("decision_date \"{d}\"")))
        })
        .transpose()
        .map_err(problem)?;
    let base_salary = raw
        .base_salary
        .as_deref()
        .map(dong)
        .transpose()
        .map_err(problem)?;
    Ok(RewardDoc {
        file: shown.clone(),
        quarter,
        profile: raw.profile,
        decision_date,
        base_salary,
        amount_per_person: dong(&raw.amount_per_person).map_err(problem)?,
        units,
        people: people_count(raw.people).map_err(problem)?,
        total: dong(&raw.total).map_err(problem)?,
    })
}

/// The largest amount a reward document may state (a million billion đồng): far above any
/// district's reward money, and low enough that the year's sums can never overflow.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// The most people a reward document may count (ten million: a whole province's staff).
pub const MAX_PEOPLE: u32 = 10_000_000;

/// An amount of the contract: a string of whole đồng, never negative, at most [`MAX_AMOUNT`].
fn dong(s: &str) -> Result<Decimal, ProblemKind> {
    match s.parse::<Decimal>() {
        Ok(d) if d.fract().is_zero() && !d.is_sign_negative() && d <= Decimal::from(MAX_AMOUNT) => {
            Ok(d)
        }
        _ => Err(ProblemKind::Value(format!("amount \"{s}\""))),
    }
}

/// A count of people of the contract, at most [`MAX_PEOPLE`].
fn people_count(n: u32) -> Result<u32, ProblemKind> {
    if n <= MAX_PEOPLE {
        Ok(n)
    } else {
        Err(ProblemKind::Value(format!("people {n}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    const RESULTS: &str = r#"{"schema": "danhgia/ket-qua/v1", "quarter": "2024-Q2",
        "units": [{"unit": "Phòng Nội vụ", "code": "NV", "bloc": "chinh-quyen", "headcount": 2,
                   "source": "nv.xlsx", "people": [
            {"id": "NV01", "name": "Nguyễn Văn An", "form": "03", "total": 435, "ratings": [],
             "status": "dat", "reasons": []},
            {"id": "NV02", "name": "Trần Thị Bình", "status": "khong-danh-gia"}],
            "summary": {}}],
        "findings": [{"severity": "warning", "code": "late"}]}"#;

    #[test]
    fn a_results_file_keeps_what_the_year_needs() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "ket-qua.json", RESULTS);
        let l = load(&p);
        let doc = l.outcome.unwrap();
        assert_eq!(doc.quarter, Quarter::new(2024, 2).unwrap());
        assert_eq!(doc.units[0].bloc, Bloc::ChinhQuyen);
        assert_eq!(doc.units[0].people[1].status, Status::KhongDanhGia);
        assert_eq!((doc.errors, doc.warnings), (0, 1));
        // A file given alone: its reward document is not looked for.
        assert!(matches!(
            doc.rewards,
            RewardsRead::FileGiven { beside: None }
        ));
    }

    #[test]
    fn a_run_folder_brings_its_reward_document() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "ket-qua.json", RESULTS);
        write(
            dir.path(),
            "khen-thuong.json",
            r#"{"schema": "danhgia/khen-thuong/v1", "quarter": "2024-Q2", "profile": "x",
                "decision_date": "2024-07-01", "base_salary": "2340000",
                "amount_per_person": "2110000",
                "units": [{"code": "NV", "unit": "Phòng Nội vụ", "bloc": "chinh-quyen", "dat": 1,
                           "cap": 1, "source": "de-nghi", "accepted": ["NV01"], "rejected": [],
                           "suggested": [], "total": "2110000"}],
                "people": 1, "total": "2110000"}"#,
        );
        let doc = load(dir.path()).outcome.unwrap();
        let RewardsRead::Read(r) = &doc.rewards else {
            panic!("{:?}", doc.rewards)
        };
        assert_eq!(r.amount_per_person, Decimal::from(2_110_000));
        assert_eq!(r.units[0].accepted, ["NV01"]);
        // The same file given on its own names the reward document beside it.
        let alone = load(&dir.path().join("ket-qua.json")).outcome.unwrap();
        assert!(
            matches!(&alone.rewards, RewardsRead::FileGiven { beside: Some(b) } if b.ends_with("khen-thuong.json"))
        );
    }

    #[test]
    fn files_that_cannot_be_used_say_why() {
        let dir = tempfile::tempdir().unwrap();
        let kind = |name: &str, text: &str| {
            let p = write(dir.path(), name, text);
            load(&p).outcome.unwrap_err().kind
        };
        assert!(matches!(
            kind("a.json", "{not json"),
            ProblemKind::Json(JsonProblem {
                kind: JsonProblemKind::Syntax,
                line: 1,
                ..
            })
        ));
        assert!(matches!(
            kind(
                "a2.json",
                "{\"schema\": \"danhgia/ket-qua/v1\", \"units\": ["
            ),
            ProblemKind::Json(JsonProblem {
                kind: JsonProblemKind::Eof,
                ..
            })
        ));
        assert_eq!(
            kind(
                "b.json",
                r#"{"schema": "danhgia/khen-thuong/v1", "units": [{"code": 1}]}"#
            ),
            ProblemKind::Schema {
                found: Some("danhgia/khen-thuong/v1".into()),
                expected: RESULTS_SCHEMA
            }
        );
        assert_eq!(
            kind("c.json", r#"{"units": []}"#),
            ProblemKind::Schema {
                found: None,
                expected: RESULTS_SCHEMA
            }
        );
        assert_eq!(
            kind(
                "d.json",
                r#"{"schema": "danhgia/ket-qua/v1", "quarter": null, "units": []}"#
            ),
            ProblemKind::Quarter(None)
        );
        // A summary its people contradict: every person set to đạt by hand, say.
        let edited = RESULTS.replace(
            r#""summary": {}"#,
            r#""summary": {"dat": 0, "evaluated": 1}"#,
        );
        assert_eq!(
            kind("s.json", &edited),
            ProblemKind::Summary {
                code: "NV".into(),
                stated: (0, 1),
                counted: (1, 1)
            }
        );
        let agreeing = RESULTS.replace(
            r#""summary": {}"#,
            r#""summary": {"dat": 1, "evaluated": 1}"#,
        );
        let p = write(dir.path(), "ok.json", &agreeing);
        assert!(load(&p).outcome.is_ok());
        let bad_status = RESULTS.replace("\"dat\"", "\"tot\"");
        assert!(matches!(kind("e.json", &bad_status), ProblemKind::Value(v) if v.contains("tot")));
        assert!(matches!(
            load(&dir.path().join("none.json"))
                .outcome
                .unwrap_err()
                .kind,
            ProblemKind::Io(_)
        ));
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert_eq!(
            load(&empty).outcome.unwrap_err().kind,
            ProblemKind::NoResults
        );
    }

    #[test]
    fn amounts_are_whole_dong() {
        assert_eq!(dong("2110000"), Ok(Decimal::from(2_110_000)));
        assert!(dong("2110000.5").is_err());
        assert!(dong("-1").is_err());
        assert!(dong("abc").is_err());
        assert!(dong("1000000000000000").is_ok());
        assert!(dong("1000000000000001").is_err());
        assert!(dong("50000000000000000000000000000").is_err());
        assert!(people_count(MAX_PEOPLE).is_ok());
        assert!(people_count(4_000_000_000).is_err());
    }

    #[test]
    fn a_pipe_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("ket-qua.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system: nothing to check
        }
        assert_eq!(load(&fifo).outcome.unwrap_err().kind, ProblemKind::NotAFile);
    }
}
