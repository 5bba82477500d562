//! A results document (`ket-qua.json`, schema `danhgia/ket-qua/v1`, SPEC §5) read back: the
//! quarter, and each unit's name, code, bloc, counts and people's forms and totals. Reads and
//! checks; decides nothing.

use crate::i18n::Lang;
use crate::model::{Bloc, Form, Quarter, Total};
use crate::year::identity::{unit_ids, UnitId};
use serde::Deserialize;
use std::path::Path;

/// The schema a results document names.
pub const SCHEMA: &str = "danhgia/ket-qua/v1";

/// The largest results document read: a whole city's quarter is some tens of megabytes.
const MAX_BYTES: u64 = 1 << 30;

/// One unit of a results document.
#[derive(Debug, Clone)]
pub struct ResultUnit {
    pub unit: String,
    pub code: String,
    /// Whether the code tells the unit: `run` writes a workbook's file name as the code of a
    /// unit without `Mã đơn vị`, and such a code, shared in the document by units of other
    /// names, tells none of them (they are told by name).
    pub coded: bool,
    pub bloc: Bloc,
    pub source: String,
    pub dat: u32,
    pub evaluated: u32,
    pub people: Vec<ResultPerson>,
}

/// One person of a results document.
#[derive(Debug, Clone)]
pub struct ResultPerson {
    pub id: String,
    pub name: String,
    pub form: Option<Form>,
    /// `None` when the document gives none (status `loi`, or not scored).
    pub total: Option<Total>,
}

/// A results document: its quarter and units.
#[derive(Debug, Clone)]
pub struct ResultsDoc {
    /// The file as given.
    pub file: String,
    pub quarter: Quarter,
    pub units: Vec<ResultUnit>,
}

#[derive(Deserialize)]
struct RawDoc {
    schema: String,
    quarter: Option<String>,
    #[serde(default)]
    units: Vec<RawUnit>,
}

#[derive(Deserialize)]
struct RawUnit {
    unit: String,
    code: String,
    bloc: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    people: Vec<RawPerson>,
    summary: Option<RawSummary>,
}

#[derive(Deserialize)]
struct RawPerson {
    id: String,
    name: String,
    form: Option<String>,
    total: Option<f64>,
    status: String,
}

#[derive(Deserialize)]
struct RawSummary {
    evaluated: u32,
    dat: u32,
}

/// Why a results document cannot be used, in plain words.
pub fn read(path: &Path, lang: Lang) -> Result<ResultsDoc, String> {
    let file = path.display().to_string();
    let too_big = std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES);
    if too_big {
        return Err(tr!(
            lang,
            "tệp quá lớn để là tệp kết quả của danhgia (quá 1 GB)".to_string(),
            "the file is too large for a danhgia results document (over 1 GB)".to_string()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| match lang {
        Lang::Vi => format!("không đọc được tệp: {e}"),
        Lang::En => format!("cannot read the file: {e}"),
    })?;
    let raw: RawDoc = serde_json::from_slice(&bytes).map_err(|e| match lang {
        Lang::Vi => format!("không phải tệp kết quả JSON của danhgia ({e})"),
        Lang::En => format!("not a danhgia JSON results document ({e})"),
    })?;
    if raw.schema != SCHEMA {
        return Err(match lang {
            Lang::Vi => format!(
                "lược đồ '{}' không phải {SCHEMA} (tệp ket-qua.json do danhgia run hoặc evaluate --format json ghi)",
                raw.schema
            ),
            Lang::En => format!(
                "the schema '{}' is not {SCHEMA} (the ket-qua.json that danhgia run or evaluate --format json writes)",
                raw.schema
            ),
        });
    }
    let quarter = match raw.quarter.as_deref() {
        None => {
            return Err(tr!(
                lang,
                "tệp kết quả không ghi quý".to_string(),
                "the results document names no quarter".to_string()
            ))
        }
        Some(text) => match crate::text::parse_quarter(text) {
            Some(q) => q,
            None => {
                let text = crate::text::terminal_safe(text);
                return Err(match lang {
                    Lang::Vi => format!("quý ghi trong tệp (\"{text}\") không phải một quý"),
                    Lang::En => format!("the quarter it names (\"{text}\") is not a quarter"),
                });
            }
        },
    };
    // Which codes tell their unit: as the year tells the units of one document apart.
    let ids = unit_ids(raw.units.iter().map(|u| (u.code.as_str(), u.unit.as_str())));
    let mut units = Vec::with_capacity(raw.units.len());
    for (i, (u, id)) in raw.units.into_iter().zip(ids).enumerate() {
        let coded = !u.code.trim().is_empty() && matches!(id, UnitId::Code(_));
        units.push(unit(u, coded, lang).map_err(|what| match lang {
            Lang::Vi => format!("đơn vị thứ {} của tệp: {what}", i + 1),
            Lang::En => format!("unit {} of the document: {what}", i + 1),
        })?);
    }
    Ok(ResultsDoc {
        file,
        quarter,
        units,
    })
}

/// One unit; the counts from its people's statuses (as `nam` counts them), from its summary
/// when it lists nobody. A summary that its people contradict was edited by hand: the document
/// is not used.
fn unit(u: RawUnit, coded: bool, lang: Lang) -> Result<ResultUnit, String> {
    let bloc = Bloc::from_code(&u.bloc).ok_or_else(|| format!("bloc '{}'", u.bloc))?;
    let mut people = Vec::with_capacity(u.people.len());
    for p in &u.people {
        people.push(person(p)?);
    }
    let counted = (!u.people.is_empty()).then(|| {
        let dat = u.people.iter().filter(|p| p.status == "dat").count();
        let evaluated = u
            .people
            .iter()
            .filter(|p| p.status != "khong-danh-gia")
            .count();
        (dat as u32, evaluated as u32)
    });
    let (dat, evaluated) = match (&u.summary, counted) {
        (Some(s), Some((dat, evaluated))) if (s.dat, s.evaluated) != (dat, evaluated) => {
            return Err(match lang {
                Lang::Vi => format!(
                    "{}: phần tóm tắt ghi {}/{} người đạt/được đánh giá nhưng danh sách người có {dat}/{evaluated} — tệp đã bị sửa tay; dùng tệp do danhgia ghi",
                    u.code, s.dat, s.evaluated
                ),
                Lang::En => format!(
                    "{}: its summary says {}/{} đạt/evaluated but its people make {dat}/{evaluated} — the file was edited by hand; use the file danhgia wrote",
                    u.code, s.dat, s.evaluated
                ),
            })
        }
        (_, Some(c)) => c,
        (Some(s), None) => (s.dat, s.evaluated),
        (None, None) => (0, 0),
    };
    if dat > evaluated {
        return Err(format!("dat {dat} > evaluated {evaluated}"));
    }
    Ok(ResultUnit {
        unit: u.unit,
        code: u.code,
        coded,
        bloc,
        source: u.source,
        dat,
        evaluated,
        people,
    })
}

fn person(p: &RawPerson) -> Result<ResultPerson, String> {
    let form = match p.form.as_deref() {
        None => None,
        Some(code) => Some(
            Form::ALL
                .into_iter()
                .find(|f| f.code() == code)
                .ok_or_else(|| format!("form '{code}' ({})", p.id))?,
        ),
    };
    Ok(ResultPerson {
        id: p.id.clone(),
        name: p.name.clone(),
        form,
        total: p.total.map(|t| half_points(t, &p.id)).transpose()?,
    })
}

/// A total of the document (a whole number or one ending in .5) in half points, exactly.
fn half_points(t: f64, id: &str) -> Result<Total, String> {
    let h = t * 2.0;
    if !(0.0..=1.0e7).contains(&h) || h.fract() != 0.0 {
        return Err(format!("total {t} ({id})"));
    }
    Ok(Total(h as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> std::path::PathBuf {
        let p = dir.join("ket-qua.json");
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn a_results_document_is_read_with_its_counts_and_totals() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(
            tmp.path(),
            r#"{"schema": "danhgia/ket-qua/v1", "quarter": "2024-Q1", "units": [
              {"unit": "Phòng A", "code": "A", "bloc": "chinh-quyen", "headcount": 2, "source": "a.xlsx",
               "people": [{"id": "A1", "name": "An", "form": "04", "total": 289.5, "ratings": [], "status": "dat", "reasons": []},
                          {"id": "A2", "name": "Bình", "form": null, "total": null, "ratings": [], "status": "loi", "reasons": []}],
               "summary": {"people": 2, "evaluated": 2, "not_evaluated": 0, "dat": 1, "khong_dat": 0, "loi": 1, "reward_cap": 0}}],
              "findings": []}"#,
        );
        let doc = read(&p, Lang::Vi).unwrap();
        assert_eq!(doc.quarter, Quarter::new(2024, 1).unwrap());
        let u = &doc.units[0];
        assert_eq!((u.dat, u.evaluated, u.bloc), (1, 2, Bloc::ChinhQuyen));
        assert_eq!(u.people[0].total, Some(Total(579)));
        assert_eq!(u.people[1].total, None);
    }

    #[test]
    fn other_documents_are_refused_in_plain_words() {
        let tmp = tempfile::tempdir().unwrap();
        let p = write(
            tmp.path(),
            r#"{"schema": "danhgia/kiem-tra/v1", "files": []}"#,
        );
        assert!(read(&p, Lang::Vi)
            .unwrap_err()
            .contains("danhgia/kiem-tra/v1"));
        let p = write(tmp.path(), "not json");
        assert!(read(&p, Lang::En)
            .unwrap_err()
            .starts_with("not a danhgia JSON"));
        let p = write(
            tmp.path(),
            r#"{"schema": "danhgia/ket-qua/v1", "quarter": "2024-Q1", "units": [
              {"unit": "A", "code": "A", "bloc": "chinh-quyen", "people": [
               {"id": "A1", "name": "An", "form": "04", "total": 289.25, "status": "dat"}]}]}"#,
        );
        assert!(read(&p, Lang::En).unwrap_err().contains("total 289.25"));
        let p = write(
            tmp.path(),
            r#"{"schema": "danhgia/ket-qua/v1", "quarter": "Q1/9999", "units": []}"#,
        );
        assert!(read(&p, Lang::Vi)
            .unwrap_err()
            .contains("(\"Q1/9999\") không phải một quý"));
    }

    #[test]
    fn a_summary_its_people_contradict_is_refused_and_the_people_are_counted() {
        let tmp = tempfile::tempdir().unwrap();
        let doc = |summary_dat: u32| {
            format!(
                r#"{{"schema": "danhgia/ket-qua/v1", "quarter": "2024-Q1", "units": [
              {{"unit": "Phòng A", "code": "A", "bloc": "chinh-quyen", "people": [
               {{"id": "A1", "name": "An", "form": "04", "total": 290, "status": "dat"}},
               {{"id": "A2", "name": "Bình", "form": "04", "total": 290, "status": "dat"}},
               {{"id": "A3", "name": "Chi", "form": null, "total": null, "status": "khong-danh-gia"}}],
               "summary": {{"evaluated": 2, "dat": {summary_dat}}}}}]}}"#
            )
        };
        let p = write(tmp.path(), &doc(2));
        let u = &read(&p, Lang::Vi).unwrap().units[0];
        assert_eq!((u.dat, u.evaluated), (2, 2));
        // Every person set to đạt by hand, the summary left as it was.
        let p = write(tmp.path(), &doc(1));
        let e = read(&p, Lang::Vi).unwrap_err();
        assert!(
            e.contains("1/2") && e.contains("2/2") && e.contains("sửa tay"),
            "{e}"
        );
        assert!(read(&p, Lang::En).unwrap_err().contains("edited by hand"));
    }
}
