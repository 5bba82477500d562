//! The bloc and district summaries (mẫu 07 and toàn quận) as plain values, built either from the
//! evaluation results (`run`) or from mẫu 07 workbooks read back (`merge`).

use crate::evaluate::UnitResult;
use crate::model::{Bloc, Quarter, Status, Total};

/// One unit's line in mẫu 07.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLine {
    pub name: String,
    /// `Tổng số CBCCVC, NLĐ` (people listed).
    pub people: u32,
    pub not_evaluated: u32,
    pub evaluated: u32,
    pub dat: u32,
    /// Not đạt, including people whose result is unknown because of an input error.
    pub khong_dat: u32,
    /// Of `khong_dat`, people whose result is unknown (input errors).
    pub loi: u32,
    pub note: String,
}

impl UnitLine {
    /// The share of evaluated people who are đạt, in [0, 1] (for display only).
    pub fn rate(&self) -> f64 {
        rate(self.dat.into(), self.evaluated.into())
    }
}

pub fn rate(dat: u64, evaluated: u64) -> f64 {
    if evaluated == 0 {
        0.0
    } else {
        dat as f64 / evaluated as f64
    }
}

/// A person đạt chuyên nghiệp, for the lists to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatPerson {
    pub name: String,
    pub title: String,
    pub unit: String,
    pub total: Option<Total>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocSummary {
    pub bloc: Bloc,
    pub units: Vec<UnitLine>,
    pub dat_people: Vec<DatPerson>,
}

/// Sums of a set of unit lines. In `u64`: the lines of a mẫu 07 typed by hand add up to more
/// than a `u32` holds long before anything else gives way, and a sum never wraps (it saturates
/// at `u64::MAX`, which no list of lines can reach).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    pub people: u64,
    pub not_evaluated: u64,
    pub evaluated: u64,
    pub dat: u64,
    pub khong_dat: u64,
    pub loi: u64,
}

impl Sums {
    /// The numbers of one line.
    pub fn line(l: &UnitLine) -> Sums {
        Sums {
            people: l.people.into(),
            not_evaluated: l.not_evaluated.into(),
            evaluated: l.evaluated.into(),
            dat: l.dat.into(),
            khong_dat: l.khong_dat.into(),
            loi: l.loi.into(),
        }
    }
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a UnitLine>) -> Sums {
        lines
            .into_iter()
            .fold(Sums::default(), |acc, l| acc.plus(Sums::line(l)))
    }
    pub fn plus(self, o: Sums) -> Sums {
        Sums {
            people: self.people.saturating_add(o.people),
            not_evaluated: self.not_evaluated.saturating_add(o.not_evaluated),
            evaluated: self.evaluated.saturating_add(o.evaluated),
            dat: self.dat.saturating_add(o.dat),
            khong_dat: self.khong_dat.saturating_add(o.khong_dat),
            loi: self.loi.saturating_add(o.loi),
        }
    }
    pub fn rate(&self) -> f64 {
        rate(self.dat, self.evaluated)
    }
}

impl BlocSummary {
    pub fn sums(&self) -> Sums {
        Sums::of(&self.units)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictSummary {
    pub quarter: Quarter,
    /// In the order of [`Bloc::ALL`]; only blocs present.
    pub blocs: Vec<BlocSummary>,
}

impl DistrictSummary {
    pub fn sums(&self) -> Sums {
        self.blocs
            .iter()
            .fold(Sums::default(), |acc, b| acc.plus(b.sums()))
    }
}

/// A unit's line from its results.
pub fn unit_line(u: &UnitResult) -> UnitLine {
    let s = &u.summary;
    let mut notes: Vec<String> = Vec::new();
    if u.from_mau06() {
        notes.push(crate::mau06::note(crate::i18n::Lang::Vi).to_string());
    }
    if s.loi > 0 {
        notes.push(format!(
            "{} người chưa xác định (lỗi dữ liệu), tính vào số không đạt",
            s.loi
        ));
    }
    let note = notes.join("; ");
    UnitLine {
        name: u.unit.clone(),
        people: s.people,
        not_evaluated: s.not_evaluated,
        evaluated: s.evaluated,
        dat: s.dat,
        khong_dat: s.khong_dat + s.loi,
        loi: s.loi,
        note,
    }
}

/// The bloc summary of the units of one bloc, in the order given.
pub fn bloc_summary(bloc: Bloc, units: &[&UnitResult]) -> BlocSummary {
    let mut dat_people = Vec::new();
    for u in units {
        for p in u.people.iter().filter(|p| p.status == Status::Dat) {
            dat_people.push(DatPerson {
                name: p.name.clone(),
                title: p.title.clone(),
                unit: u.unit.clone(),
                total: p.total,
            });
        }
    }
    BlocSummary {
        bloc,
        units: units.iter().map(|u| unit_line(u)).collect(),
        dat_people,
    }
}

/// The district summary of a quarter's results: the blocs present, in contract order.
pub fn district_summary(quarter: Quarter, units: &[UnitResult]) -> DistrictSummary {
    let blocs = Bloc::ALL
        .into_iter()
        .filter_map(|b| {
            let of_bloc: Vec<&UnitResult> = units.iter().filter(|u| u.bloc == b).collect();
            (!of_bloc.is_empty()).then(|| bloc_summary(b, &of_bloc))
        })
        .collect();
    DistrictSummary { quarter, blocs }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(people: u32, ne: u32, dat: u32, kd: u32) -> UnitLine {
        UnitLine {
            name: "X".into(),
            people,
            not_evaluated: ne,
            evaluated: people - ne,
            dat,
            khong_dat: kd,
            loi: 0,
            note: String::new(),
        }
    }

    #[test]
    fn sums_add_up() {
        let b = BlocSummary {
            bloc: Bloc::ChinhQuyen,
            units: vec![line(10, 1, 4, 5), line(20, 0, 5, 15)],
            dat_people: vec![],
        };
        let s = b.sums();
        assert_eq!(
            (s.people, s.not_evaluated, s.evaluated, s.dat, s.khong_dat),
            (30, 1, 29, 9, 20)
        );
        assert!((s.rate() - 9.0 / 29.0).abs() < 1e-12);
        assert_eq!(rate(0, 0), 0.0);
    }

    #[test]
    fn sums_past_u32_do_not_wrap() {
        let big = UnitLine {
            people: u32::MAX,
            not_evaluated: 0,
            evaluated: u32::MAX,
            dat: u32::MAX,
            khong_dat: 0,
            loi: 0,
            name: "X".into(),
            note: String::new(),
        };
        let b = BlocSummary {
            bloc: Bloc::ChinhQuyen,
            units: vec![big.clone(), big.clone(), big],
            dat_people: vec![],
        };
        let d = DistrictSummary {
            quarter: Quarter::new(2024, 1).unwrap(),
            blocs: vec![b.clone(), b],
        };
        assert_eq!(d.sums().people, 6 * u64::from(u32::MAX));
        assert_eq!(d.sums().rate(), 1.0);
    }
}
