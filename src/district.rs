//! The bloc and district summaries (mẫu 07 and toàn quận) as plain values, built either from the
//! evaluation results (`run`) or from mẫu 07 workbooks read back (`merge`).

use crate::evaluate::UnitResult;
use crate::i18n::Lang;
use crate::model::{Bloc, Quarter, Status, Total};
use crate::profile::Profile;

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
    /// Units on the table without numbers, after the counted ones: never in the sums.
    pub uncounted: Vec<Uncounted>,
}

/// A unit of a bloc's table that is not counted: it sent nothing (`--don-vi`: "Chưa gửi"), or
/// what it sent could not be counted. Its row has a name and a note, and no number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncounted {
    pub name: String,
    pub note: String,
}

/// The note of an expected unit that sent nothing (SPEC §4).
pub const NOTE_NOT_SENT: &str = "Chưa gửi";
/// The note of an expected unit whose workbook was received but could not be counted.
pub const NOTE_NOT_COUNTED: &str = "Đã gửi, sổ có lỗi: chưa tính";

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
    /// A bloc with no unit yet.
    pub fn new(bloc: Bloc) -> BlocSummary {
        BlocSummary {
            bloc,
            units: Vec::new(),
            dat_people: Vec::new(),
            uncounted: Vec::new(),
        }
    }

    pub fn sums(&self) -> Sums {
        Sums::of(&self.units)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictSummary {
    pub quarter: Quarter,
    /// In the order of [`Bloc::ALL`]; only blocs present.
    pub blocs: Vec<BlocSummary>,
    /// What the district lacks (only a district merged from mẫu 07 workbooks has gaps).
    pub gaps: Gaps,
}

/// What a district merged from the blocs' mẫu 07 lacks: said on the result, never left silent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gaps {
    /// Bloc files whose list of people đạt is missing or shorter than their `Số đạt`.
    pub lists: Vec<ListGap>,
    /// Files that could not be read into the district.
    pub unread: Vec<UnreadFile>,
    /// Blocs of the contract with no mẫu 07 read (in the order of [`Bloc::ALL`]).
    pub absent: Vec<Bloc>,
}

/// A bloc file whose list of people đạt is missing (`listed: None`) or short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListGap {
    pub bloc: Bloc,
    pub file: String,
    pub dat: u64,
    pub listed: Option<u64>,
}

/// A mẫu 07 file that could not be read into the district, with its bloc when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadFile {
    pub file: String,
    pub bloc: Option<Bloc>,
}

impl Gaps {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.unread.is_empty() && self.absent.is_empty()
    }

    /// Whether the district's numbers leave out a bloc or a file.
    pub fn numbers_incomplete(&self) -> bool {
        !self.unread.is_empty() || !self.absent.is_empty()
    }

    /// The notes that say what is missing, one sentence each.
    pub fn notes(&self, profile: &Profile, lang: Lang) -> Vec<String> {
        let vi = lang == Lang::Vi;
        let name = |b: Bloc| profile.bloc(b).name.clone();
        let mut out = Vec::new();
        for u in &self.unread {
            let file = short_file(&u.file);
            out.push(match (u.bloc, vi) {
                (Some(b), true) => format!("Chưa tính tệp {file} (khối {}): không đọc được Mẫu 07 này, xem thông báo lỗi.", name(b)),
                (None, true) => format!("Chưa tính tệp {file} (chưa rõ khối): không đọc được Mẫu 07 này, xem thông báo lỗi."),
                (Some(b), false) => format!("The file {file} ({} bloc) is not counted: its mẫu 07 could not be read, see the findings.", name(b)),
                (None, false) => format!("The file {file} (bloc unknown) is not counted: its mẫu 07 could not be read, see the findings."),
            });
        }
        if !self.absent.is_empty() {
            let names: Vec<String> = self.absent.iter().map(|b| name(*b)).collect();
            out.push(if vi {
                let these = if names.len() > 1 {
                    "các khối này"
                } else {
                    "khối này"
                };
                format!(
                    "Số liệu toàn quận chưa gồm khối {}: chưa có Mẫu 07 đọc được của {these}.",
                    names.join(", ")
                )
            } else {
                format!(
                    "The district numbers leave out the {} bloc(s): no readable mẫu 07 of them.",
                    names.join(", ")
                )
            });
        }
        if !self.lists.is_empty() {
            out.push(self.list_note(profile, vi));
        }
        out
    }

    fn list_note(&self, profile: &Profile, vi: bool) -> String {
        let parts: Vec<String> = self
            .lists
            .iter()
            .map(|g| {
                let name = &profile.bloc(g.bloc).name;
                // Two files of one bloc: each is named.
                let twice = self.lists.iter().filter(|o| o.bloc == g.bloc).count() > 1;
                let bloc = if twice {
                    format!("{name} ({})", short_file(&g.file))
                } else {
                    name.clone()
                };
                match (g.listed, vi) {
                    (None, true) => format!("khối {bloc} không gửi danh sách người đạt ({} người)", g.dat),
                    (Some(n), true) => format!("khối {bloc} gửi danh sách {n} người, bảng Mẫu 07 ghi {} người đạt (thiếu {})", g.dat, g.dat.saturating_sub(n)),
                    (None, false) => format!("the {bloc} bloc sent no list of people đạt ({} people)", g.dat),
                    (Some(n), false) => format!("the {bloc} bloc listed {n} people, its mẫu 07 says {} đạt ({} missing)", g.dat, g.dat.saturating_sub(n)),
                }
            })
            .collect();
        if vi {
            format!("Danh sách chưa đầy đủ: {}.", parts.join("; "))
        } else {
            format!(
                "The list of people đạt is incomplete: {}.",
                parts.join("; ")
            )
        }
    }
}

/// The file name of a path as given (the folders say nothing on an official document).
fn short_file(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

impl DistrictSummary {
    /// Adds units that are not counted, each to its bloc, after the bloc's counted units; a bloc
    /// with none counted is added for them (the blocs stay in the order of [`Bloc::ALL`]).
    pub fn add_uncounted(&mut self, units: &[(Bloc, Uncounted)]) {
        for (bloc, u) in units {
            let at = match self.blocs.iter().position(|b| b.bloc == *bloc) {
                Some(i) => i,
                None => {
                    self.blocs.push(BlocSummary::new(*bloc));
                    self.blocs.sort_by_key(|b| b.bloc);
                    self.blocs.iter().position(|b| b.bloc == *bloc).unwrap_or(0)
                }
            };
            self.blocs[at].uncounted.push(u.clone());
        }
    }

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
        uncounted: Vec::new(),
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
    DistrictSummary {
        quarter,
        blocs,
        gaps: Gaps::default(),
    }
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
            uncounted: vec![],
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
            uncounted: vec![],
        };
        let d = DistrictSummary {
            quarter: Quarter::new(2024, 1).unwrap(),
            blocs: vec![b.clone(), b],
            gaps: Gaps::default(),
        };
        assert_eq!(d.sums().people, 6 * u64::from(u32::MAX));
        assert_eq!(d.sums().rate(), 1.0);
    }
}
