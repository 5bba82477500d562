//! The year as JSON (`danhgia/nam/v1`): money as strings of whole đồng, rates as strings of a
//! percent with one decimal ("83.3"), `null` wherever a value is unknown or the quarter missing.

use super::notes::NoteOut;
use super::{
    rate_text, BlocYear, Counts, PersonYear, QuarterInfo, QuarterMoney, Reward, Slot, UnitYear,
    Year, SCHEMA,
};
use crate::i18n::Lang;
use crate::model::{Bloc, Status};
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::borrow::Cow;
use std::io::Write;

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    year: i32,
    quarters: Vec<QuarterOut<'a>>,
    missing: Vec<String>,
    money: MoneyOut,
    blocs: Vec<BlocOut>,
    units: Vec<UnitOut<'a>>,
    #[serde(serialize_with = "people_seq")]
    people: &'a Year,
    dat_every_quarter: DatEvery<'a>,
    notes: Vec<NoteOut>,
}

#[derive(Serialize)]
struct CountsOut {
    people: u32,
    evaluated: u32,
    dat: u32,
    rate_percent: Option<String>,
}

impl From<Counts> for CountsOut {
    fn from(c: Counts) -> CountsOut {
        CountsOut {
            people: c.people,
            evaluated: c.evaluated(),
            dat: c.dat,
            rate_percent: c.rate_tenths().map(rate_text),
        }
    }
}

#[derive(Serialize)]
struct QuarterOut<'a> {
    quarter: String,
    present: bool,
    results: Option<&'a str>,
    rewards: Option<&'a str>,
    units: Option<u32>,
    /// Every key there, `null` for a missing quarter.
    #[serde(flatten)]
    counts: MaybeCounts,
    amount_per_person: Option<String>,
    rewarded: Option<u32>,
    money: Option<String>,
}

/// The counts of a quarter that may be missing: each key `null` then.
#[derive(Serialize, Default)]
struct MaybeCounts {
    people: Option<u32>,
    evaluated: Option<u32>,
    dat: Option<u32>,
    rate_percent: Option<String>,
}

impl From<Counts> for MaybeCounts {
    fn from(c: Counts) -> MaybeCounts {
        let c = CountsOut::from(c);
        MaybeCounts {
            people: Some(c.people),
            evaluated: Some(c.evaluated),
            dat: Some(c.dat),
            rate_percent: c.rate_percent,
        }
    }
}

#[derive(Serialize)]
struct MoneyOut {
    /// The sum of the quarters whose money is known.
    total: String,
    /// Quarters whose money is not known (missing quarters included).
    unknown: Vec<String>,
}

#[derive(Serialize)]
struct BlocOut {
    bloc: Bloc,
    quarters: Vec<Option<BlocQuarterOut>>,
}

#[derive(Serialize)]
struct BlocQuarterOut {
    quarter: String,
    units: u32,
    #[serde(flatten)]
    counts: CountsOut,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    code: &'a str,
    unit: &'a str,
    bloc: Bloc,
    quarters: Vec<Option<UnitQuarterOut>>,
    money: String,
    money_unknown: Vec<String>,
}

#[derive(Serialize)]
struct UnitQuarterOut {
    quarter: String,
    bloc: Bloc,
    #[serde(flatten)]
    counts: CountsOut,
    rewarded: Option<u32>,
    money: Option<String>,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    #[serde(serialize_with = "present_only")]
    units: [Option<&'a str>; 4],
    quarters: [PersonQuarterOut<'a>; 4],
    dat_quarters: usize,
    rewarded_quarters: usize,
    money: Cow<'static, str>,
    money_unknown: Vec<&'a str>,
    moves: Vec<MoveOut<'a>>,
}

#[derive(Serialize)]
struct PersonQuarterOut<'a> {
    quarter: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    status: Option<Status>,
    /// `khong-co-ten` (not listed), `don-vi-khong-co-ket-qua` (the unit has no results: it sent nothing, or its workbook could not be read), `thieu-quy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    absent: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rewarded: Option<Option<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    money: Option<Option<Cow<'static, str>>>,
}

/// The values of a fixed array that are there.
fn present_only<S: Serializer>(v: &[Option<&str>; 4], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().flatten())
}

#[derive(Serialize)]
struct MoveOut<'a> {
    quarter: &'a str,
    /// The last quarter listed in the unit left.
    last_before: &'a str,
    from: &'a str,
    to: &'a str,
}

#[derive(Serialize)]
struct DatEvery<'a> {
    quarters: Vec<String>,
    /// All four quarters have results.
    complete: bool,
    people: Vec<DatPersonOut<'a>>,
}

#[derive(Serialize)]
struct DatPersonOut<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    rewarded_quarters: usize,
    money: String,
    /// The quarters đạt whose reward is unknown: `money` leaves them out.
    money_unknown: Vec<String>,
}

fn dong(d: rust_decimal::Decimal) -> String {
    crate::money::whole_dong(d).to_string()
}

fn quarter_out(y: &Year, i: usize) -> QuarterOut<'_> {
    let q = y.quarter(i).to_string();
    let Some(info) = &y.quarters[i] else {
        return QuarterOut {
            quarter: q,
            present: false,
            results: None,
            rewards: None,
            units: None,
            counts: MaybeCounts::default(),
            amount_per_person: None,
            rewarded: None,
            money: None,
        };
    };
    let QuarterInfo {
        results,
        rewards,
        units,
        counts,
        money,
        ..
    } = info;
    let (amount, rewarded, total) = match money {
        QuarterMoney::Known {
            per_person,
            people,
            total,
        } => (Some(dong(*per_person)), Some(*people), Some(dong(*total))),
        QuarterMoney::Unknown => (None, None, None),
    };
    QuarterOut {
        quarter: q,
        present: true,
        results: Some(results),
        rewards: rewards.as_deref(),
        units: Some(*units),
        counts: (*counts).into(),
        amount_per_person: amount,
        rewarded,
        money: total,
    }
}

fn bloc_out(y: &Year, b: &BlocYear) -> BlocOut {
    BlocOut {
        bloc: b.bloc,
        quarters: (0..4)
            .map(|i| {
                b.quarters[i].map(|q| BlocQuarterOut {
                    quarter: y.quarter(i).to_string(),
                    units: q.units,
                    counts: q.counts.into(),
                })
            })
            .collect(),
    }
}

fn unit_out<'a>(y: &Year, u: &'a UnitYear) -> UnitOut<'a> {
    let (money, unknown) = u.money();
    UnitOut {
        code: &u.code,
        unit: &u.name,
        bloc: u.bloc,
        quarters: (0..4)
            .map(|i| {
                u.quarters[i].map(|q| UnitQuarterOut {
                    quarter: y.quarter(i).to_string(),
                    bloc: q.bloc,
                    counts: q.counts.into(),
                    rewarded: q.money.map(|(n, _)| n),
                    money: q.money.map(|(_, m)| dong(m)),
                })
            })
            .collect(),
        money: dong(money),
        money_unknown: unknown
            .into_iter()
            .map(|i| y.quarter(i).to_string())
            .collect(),
    }
}

/// The quarters' names, made once ("2024-Q1" …).
struct Names {
    quarters: [String; 4],
}

/// Whole đồng as text; zero without allocating.
fn dong_text(d: rust_decimal::Decimal) -> Cow<'static, str> {
    if d.is_zero() {
        Cow::Borrowed("0")
    } else {
        Cow::Owned(dong(d))
    }
}

fn person_out<'a>(y: &'a Year, names: &'a Names, p: &'a PersonYear) -> PersonOut<'a> {
    let code = |u: usize| y.units[u].code.as_str();
    let mut units = [None; 4];
    let mut n = 0;
    for l in p.listed() {
        if n == 0 || units[n - 1] != Some(code(l.unit)) {
            units[n] = Some(code(l.unit));
            n += 1;
        }
    }
    PersonOut {
        id: &p.id,
        name: &p.name,
        unit: code(p.unit()),
        units,
        quarters: std::array::from_fn(|i| person_quarter(y, names, p, i)),
        dat_quarters: p.dat_quarters(),
        rewarded_quarters: p.rewarded_quarters(),
        money: dong_text(p.money()),
        money_unknown: p
            .money_unknown()
            .into_iter()
            .map(|i| names.quarters[i].as_str())
            .collect(),
        moves: p
            .moves
            .iter()
            .map(|m| MoveOut {
                quarter: names.quarters[usize::from(m.quarter.q) - 1].as_str(),
                last_before: names.quarters[usize::from(m.last_before.q) - 1].as_str(),
                from: code(m.from),
                to: code(m.to),
            })
            .collect(),
    }
}

fn person_quarter<'a>(
    y: &'a Year,
    names: &'a Names,
    p: &'a PersonYear,
    i: usize,
) -> PersonQuarterOut<'a> {
    let quarter = names.quarters[i].as_str();
    let absent = |code| PersonQuarterOut {
        quarter,
        unit: None,
        id: None,
        status: None,
        absent: Some(code),
        rewarded: None,
        money: None,
    };
    match &p.quarters[i] {
        Slot::Listed(l) => {
            let (rewarded, money) = match l.reward {
                Reward::Paid(m) => (Some(true), Some(dong_text(m))),
                Reward::NotPaid => (Some(false), Some(Cow::Borrowed("0"))),
                Reward::Unknown => (None, None),
            };
            PersonQuarterOut {
                quarter,
                unit: Some(&y.units[l.unit].code),
                // Only where it differs from the person's (a row number of a hand-typed mẫu 06).
                id: (l.id != p.id).then_some(l.id.as_str()),
                status: Some(l.status),
                absent: None,
                rewarded: Some(rewarded),
                money: Some(money),
            }
        }
        Slot::NotListed => absent("khong-co-ten"),
        Slot::UnitNotSent => absent("don-vi-khong-co-ket-qua"),
        Slot::QuarterMissing => absent("thieu-quy"),
    }
}

/// The people, serialised one by one (a city holds 150 000 of them).
fn people_seq<S: Serializer>(y: &&Year, s: S) -> Result<S::Ok, S::Error> {
    let names = Names {
        quarters: std::array::from_fn(|i| y.quarter(i).to_string()),
    };
    let mut seq = s.serialize_seq(Some(y.people.len()))?;
    for p in &y.people {
        seq.serialize_element(&person_out(y, &names, p))?;
    }
    seq.end()
}

fn dat_every(y: &Year) -> DatEvery<'_> {
    DatEvery {
        quarters: y
            .present()
            .into_iter()
            .map(|i| y.quarter(i).to_string())
            .collect(),
        complete: y.missing().is_empty(),
        people: y
            .dat_every_quarter()
            .into_iter()
            .map(|p| DatPersonOut {
                id: &p.id,
                name: &p.name,
                unit: &y.units[p.unit()].code,
                rewarded_quarters: p.rewarded_quarters(),
                money: dong(p.money()),
                money_unknown: p
                    .money_unknown()
                    .into_iter()
                    .map(|i| y.quarter(i).to_string())
                    .collect(),
            })
            .collect(),
    }
}

/// JSON laid out on lines down to a depth, each record below on one line: the quarters, units,
/// people and notes one a line (a city's year holds hundreds of thousands of people; indenting
/// every field would triple the size).
struct Records {
    depth: usize,
    has_value: bool,
}

/// Containers down to this depth (the document 1, its lists 2) put each element on a line.
const LINES_TO: usize = 2;

impl Records {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn begin<W: ?Sized + Write>(&mut self, w: &mut W, open: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(open)
    }

    fn end<W: ?Sized + Write>(&mut self, w: &mut W, close: &[u8]) -> std::io::Result<()> {
        let level = self.depth;
        self.depth -= 1;
        if level <= LINES_TO && self.has_value {
            self.newline(w, self.depth)?;
        }
        w.write_all(close)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.depth <= LINES_TO {
            self.newline(w, self.depth)?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Records {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(if self.depth <= LINES_TO { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes the document (one record a line, with a final newline).
pub fn write(y: &Year, lang: Lang, out: impl Write) -> std::io::Result<()> {
    let (total, unknown) = y.money();
    let doc = Doc {
        schema: SCHEMA,
        year: y.year,
        quarters: (0..4).map(|i| quarter_out(y, i)).collect(),
        missing: y
            .missing()
            .into_iter()
            .map(|i| y.quarter(i).to_string())
            .collect(),
        money: MoneyOut {
            total: dong(total),
            unknown: unknown
                .into_iter()
                .map(|i| y.quarter(i).to_string())
                .collect(),
        },
        blocs: y.blocs.iter().map(|b| bloc_out(y, b)).collect(),
        units: y.units.iter().map(|u| unit_out(y, u)).collect(),
        people: y,
        dat_every_quarter: dat_every(y),
        notes: y.notes.iter().map(|n| n.out(lang)).collect(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let formatter = Records {
        depth: 0,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    doc.serialize(&mut ser).map_err(std::io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}
