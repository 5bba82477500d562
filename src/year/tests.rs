use super::notes::{MoneyGap, NoteKind, Refusal};
use super::*;
use crate::model::{Bloc, Quarter, Status};
use crate::reader::run_outputs::{
    Loaded, PersonDoc, Problem, ProblemKind, QuarterDoc, RewardDoc, RewardsRead, UnitDoc,
    UnitRewardDoc,
};
use rust_decimal::Decimal;

fn q(n: u8) -> Quarter {
    Quarter::new(2024, n).unwrap()
}

fn person(id: &str, name: &str, status: Status) -> PersonDoc {
    PersonDoc {
        id: id.into(),
        name: name.into(),
        status,
    }
}

fn dat(id: &str, name: &str) -> PersonDoc {
    person(id, name, Status::Dat)
}

fn unit(code: &str, bloc: Bloc, people: Vec<PersonDoc>) -> UnitDoc {
    UnitDoc {
        code: code.into(),
        unit: format!("Đơn vị {code}"),
        bloc,
        people,
    }
}

fn doc(n: u8, units: Vec<UnitDoc>) -> QuarterDoc {
    QuarterDoc {
        quarter: q(n),
        file: format!("q{n}/ket-qua.json"),
        units,
        errors: 0,
        warnings: 0,
        rewards: RewardsRead::NotInFolder,
    }
}

/// A reward document paying `amount` to each of `paid` ((unit, id) pairs).
fn paid(mut d: QuarterDoc, amount: i64, paid: &[(&str, &str)]) -> QuarterDoc {
    let mut units: Vec<UnitRewardDoc> = d
        .units
        .iter()
        .map(|u| UnitRewardDoc {
            code: u.code.clone(),
            unit: u.unit.clone(),
            cap: None,
            accepted: Vec::new(),
            total: Decimal::ZERO,
        })
        .collect();
    for (code, id) in paid {
        let u = units.iter_mut().find(|u| u.code == *code).unwrap();
        u.accepted.push(id.to_string());
        u.total += Decimal::from(amount);
    }
    d.rewards = RewardsRead::Read(RewardDoc {
        file: format!("q{}/khen-thuong.json", d.quarter.q),
        quarter: d.quarter,
        profile: None,
        decision_date: None,
        base_salary: None,
        amount_per_person: Decimal::from(amount),
        units,
        people: paid.len() as u32,
        total: Decimal::from(amount * paid.len() as i64),
    });
    d
}

fn year(docs: Vec<QuarterDoc>) -> Year {
    build(
        2024,
        docs,
        Vec::new(),
        &crate::profile::Profile::default_profile(),
    )
}

fn find<'a>(y: &'a Year, id: &str) -> &'a PersonYear {
    let found: Vec<&PersonYear> = y.people.iter().filter(|p| p.id == id).collect();
    assert_eq!(found.len(), 1, "{id}: {found:?}");
    found[0]
}

fn codes(y: &Year) -> Vec<&'static str> {
    y.notes.iter().map(|n| n.code()).collect()
}

#[test]
fn rates_are_tenths_of_a_percent_rounded_half_up() {
    let c = |people, not_evaluated, dat| Counts {
        people,
        not_evaluated,
        dat,
        loi: 0,
    };
    assert_eq!(c(3, 0, 2).rate_tenths(), Some(667));
    assert_eq!(c(8, 0, 1).rate_tenths(), Some(125));
    // 1/16 = 6.25 % → 6.3 %.
    assert_eq!(c(16, 0, 1).rate_tenths(), Some(63));
    assert_eq!(c(11, 1, 10).rate_tenths(), Some(1000));
    assert_eq!(c(2, 2, 0).rate_tenths(), None);
    assert_eq!(rate_text(667), "66.7");
}

#[test]
fn a_person_is_followed_by_unit_and_ma_cb() {
    let y = year(vec![
        doc(
            1,
            vec![unit(
                "NV",
                Bloc::ChinhQuyen,
                vec![dat("A1", "Nguyễn Văn An")],
            )],
        ),
        doc(
            2,
            vec![unit(
                "nv",
                Bloc::ChinhQuyen,
                vec![person(" a1", "NGUYỄN  VĂN AN", Status::KhongDat)],
            )],
        ),
    ]);
    assert_eq!(y.people.len(), 1);
    let p = &y.people[0];
    assert_eq!(p.dat_quarters(), 1);
    assert_eq!(p.quarters[2], Slot::QuarterMissing);
    assert_eq!(y.units.len(), 1);
    assert_eq!(y.missing(), vec![2, 3]);
    assert_eq!(
        codes(&y),
        [
            "money-unknown",
            "money-unknown",
            "quarter-missing",
            "quarter-missing"
        ]
    );
}

#[test]
fn a_person_who_moved_is_followed_and_the_move_shown() {
    let y = year(vec![
        doc(
            1,
            vec![
                unit("NV", Bloc::ChinhQuyen, vec![dat("NV01", "Lê Văn Nam")]),
                unit("MT", Bloc::DangDoanThe, vec![dat("CB5", "Trần Thị Mai")]),
            ],
        ),
        doc(
            2,
            vec![
                unit(
                    "NV",
                    Bloc::ChinhQuyen,
                    vec![dat("NV01", "Lê Văn Nam"), dat("CB5", "Trần Thị Mai")],
                ),
                unit("MT", Bloc::DangDoanThe, vec![]),
            ],
        ),
    ]);
    let mai = find(&y, "CB5");
    assert_eq!(mai.dat_quarters(), 2);
    assert_eq!(mai.moves.len(), 1);
    let m = mai.moves[0];
    assert_eq!(m.quarter, q(2));
    assert_eq!(
        (y.units[m.from].code.as_str(), y.units[m.to].code.as_str()),
        ("MT", "NV")
    );
    assert_eq!(y.units[mai.unit()].code, "NV");
    // Blocs first: the Đảng–đoàn thể unit before the chính quyền one.
    assert_eq!(y.units[0].code, "MT");
    assert!(!codes(&y).contains(&"person-ambiguous"), "{:?}", codes(&y));
}

#[test]
fn the_same_ma_cb_under_another_name_is_not_the_same_person() {
    let y = year(vec![
        doc(
            1,
            vec![unit(
                "NV",
                Bloc::ChinhQuyen,
                vec![dat("NV03", "Phạm Văn Hùng")],
            )],
        ),
        doc(
            2,
            vec![unit(
                "NV",
                Bloc::ChinhQuyen,
                vec![dat("NV03", "Đỗ Thị Lan")],
            )],
        ),
        doc(
            3,
            vec![unit(
                "NV",
                Bloc::ChinhQuyen,
                vec![dat("NV03", "Đỗ Thị Lan")],
            )],
        ),
    ]);
    assert_eq!(y.people.len(), 2);
    let lan = y.people.iter().find(|p| p.name == "Đỗ Thị Lan").unwrap();
    assert_eq!(lan.dat_quarters(), 2, "followed under her own name");
    let notes: Vec<&NoteKind> = y
        .notes
        .iter()
        .map(|n| &n.kind)
        .filter(|k| matches!(k, NoteKind::SameIdOtherName { .. }))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", y.notes);
}

#[test]
fn several_people_who_could_have_moved_are_not_guessed() {
    let y = year(vec![
        doc(
            1,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![dat("01", "Vũ Minh Hoa")]),
                unit("B", Bloc::ChinhQuyen, vec![dat("01", "Vũ Minh Hoa")]),
            ],
        ),
        doc(
            2,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![]),
                unit("B", Bloc::ChinhQuyen, vec![]),
                unit("C", Bloc::ChinhQuyen, vec![dat("01", "Vũ Minh Hoa")]),
            ],
        ),
    ]);
    assert_eq!(y.people.len(), 3);
    assert!(y.people.iter().all(|p| p.moves.is_empty()));
    assert!(y.notes.iter().any(
        |n| matches!(&n.kind, NoteKind::SeveralCandidates { candidates, .. } if candidates.len() == 2)
    ));
}

#[test]
fn a_newcomer_with_the_name_of_someone_gone_is_reported_not_linked() {
    let y = year(vec![
        doc(
            1,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![dat("A7", "Lê Thị Hoa")]),
                unit("S", Bloc::TruongHoc, vec![dat("S1", "Ngô Văn Bình")]),
            ],
        ),
        doc(
            2,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![]),
                unit(
                    "S",
                    Bloc::TruongHoc,
                    vec![dat("S1", "Ngô Văn Bình"), dat("S9", "Lê Thị Hoa")],
                ),
            ],
        ),
    ]);
    assert_eq!(y.people.len(), 3);
    let n: Vec<&NoteKind> = y
        .notes
        .iter()
        .map(|n| &n.kind)
        .filter(|k| matches!(k, NoteKind::PossibleMatch { .. }))
        .collect();
    assert_eq!(n.len(), 1);
    let NoteKind::PossibleMatch { now, before, .. } = n[0] else {
        unreachable!()
    };
    assert_eq!((now.id.as_str(), before.id.as_str()), ("S9", "A7"));
    // Two people of the same name listed in the same quarter are two people, without a note.
    let y = year(vec![doc(
        1,
        vec![unit(
            "A",
            Bloc::ChinhQuyen,
            vec![dat("A1", "Lê Thị Hoa"), dat("A2", "Lê Thị Hoa")],
        )],
    )]);
    assert_eq!(y.people.len(), 2);
    assert!(!codes(&y).contains(&"person-possible-match"));
}

#[test]
fn row_numbers_of_a_hand_typed_mau06_are_no_identity() {
    // The same people, typed in another order in the next quarter.
    let y = year(vec![
        doc(
            1,
            vec![unit(
                "P",
                Bloc::ChinhQuyen,
                vec![dat("dong-8", "Hà Văn Tú"), dat("dong-9", "Kim Thị Yến")],
            )],
        ),
        doc(
            2,
            vec![unit(
                "P",
                Bloc::ChinhQuyen,
                vec![dat("dong-8", "Kim Thị Yến"), dat("dong-9", "Hà Văn Tú")],
            )],
        ),
    ]);
    assert_eq!(y.people.len(), 2);
    assert!(y.people.iter().all(|p| p.dat_quarters() == 2));
    assert!(!codes(&y).contains(&"person-ambiguous"));
}

#[test]
fn a_ma_cb_twice_in_one_quarter_makes_two_people() {
    let y = year(vec![doc(
        1,
        vec![unit(
            "A",
            Bloc::ChinhQuyen,
            vec![dat("A1", "Lê Văn An"), dat("A1", "Lê Văn An")],
        )],
    )]);
    assert_eq!(y.people.len(), 2);
    assert!(codes(&y).contains(&"person-duplicate"));
}

#[test]
fn money_comes_from_the_reward_documents_only() {
    let q1 = paid(
        doc(
            1,
            vec![unit(
                "A",
                Bloc::ChinhQuyen,
                vec![
                    dat("A1", "An"),
                    dat("A2", "Bình"),
                    person("A3", "Chi", Status::KhongDat),
                ],
            )],
        ),
        1_620_000,
        &[("A", "A1")],
    );
    // Quarter II: the results alone.
    let mut q2 = doc(
        2,
        vec![unit(
            "A",
            Bloc::ChinhQuyen,
            vec![
                dat("A1", "An"),
                dat("A2", "Bình"),
                person("A3", "Chi", Status::KhongDat),
            ],
        )],
    );
    q2.rewards = RewardsRead::FileGiven { beside: None };
    let q3 = paid(
        doc(
            3,
            vec![unit(
                "A",
                Bloc::ChinhQuyen,
                vec![
                    dat("A1", "An"),
                    dat("A2", "Bình"),
                    person("A3", "Chi", Status::Loi),
                ],
            )],
        ),
        2_110_000,
        &[("A", "a2")],
    );
    let y = year(vec![q3, q1, q2]);
    let (total, unknown) = y.money();
    assert_eq!(total, Decimal::from(3_730_000));
    assert_eq!(
        unknown,
        vec![1, 3],
        "quarter II without rewards, IV missing"
    );
    let an = find(&y, "A1");
    assert_eq!(an.money(), Decimal::from(1_620_000));
    assert_eq!(an.rewarded_quarters(), 1);
    assert_eq!(an.money_unknown(), vec![1]);
    let binh = find(&y, "A2");
    assert_eq!(binh.money(), Decimal::from(2_110_000));
    // Never paid, never unknown: not đạt.
    let chi = find(&y, "A3");
    assert!(chi.money_unknown().is_empty());
    assert_eq!(chi.money(), Decimal::ZERO);
    let (unit_money, unit_unknown) = y.units[0].money();
    assert_eq!(
        (unit_money, unit_unknown),
        (Decimal::from(3_730_000), vec![1])
    );
    assert!(y.notes.iter().any(|n| n.kind
        == NoteKind::MoneyUnknown {
            quarter: q(2),
            why: MoneyGap::FileGiven { beside: None }
        }));
    // Counts of quarter III: a person `loi` is evaluated and not đạt.
    let c = y.quarters[2].as_ref().unwrap().counts;
    assert_eq!((c.people, c.evaluated(), c.dat, c.loi), (3, 3, 2, 1));
}

#[test]
fn a_reward_document_of_another_quarter_is_not_counted() {
    let mut q1 = paid(
        doc(1, vec![unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")])]),
        1_620_000,
        &[("A", "A1")],
    );
    if let RewardsRead::Read(r) = &mut q1.rewards {
        r.quarter = q(2);
    }
    let y = year(vec![q1]);
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    assert_eq!(find(&y, "A1").money_unknown(), vec![0]);
    assert!(codes(&y).contains(&"quarter-mismatch"));
    assert_eq!(y.errors(), 1);
}

#[test]
fn a_paid_person_missing_from_the_results_is_reported() {
    let q1 = paid(
        doc(1, vec![unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")])]),
        1_620_000,
        &[("A", "A1"), ("A", "A9")],
    );
    let y = year(vec![q1]);
    assert!(y.notes.iter().any(|n| matches!(
        &n.kind,
        NoteKind::RewardUnknownPerson { id, .. } if id == "A9"
    )));
}

#[test]
fn gaps_say_why_a_person_has_no_result() {
    let y = year(vec![
        doc(
            1,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")]),
                unit("B", Bloc::TruongHoc, vec![dat("B1", "Bảo")]),
            ],
        ),
        doc(2, vec![unit("A", Bloc::ChinhQuyen, vec![dat("A2", "Anh")])]),
        doc(
            4,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")]),
                unit("B", Bloc::TruongHoc, vec![dat("B1", "Bảo")]),
            ],
        ),
    ]);
    let an = find(&y, "A1");
    assert_eq!(an.quarters[1], Slot::NotListed);
    assert_eq!(an.quarters[2], Slot::QuarterMissing);
    let bao = find(&y, "B1");
    assert_eq!(bao.quarters[1], Slot::UnitNotSent);
    let anh = find(&y, "A2");
    assert_eq!(anh.quarters[0], Slot::NotListed);
    assert_eq!(anh.quarters[3], Slot::NotListed);
    // Đạt in every quarter that has results: nobody listed in all three.
    assert!(y.dat_every_quarter().is_empty());
    // Blocs per quarter.
    let schools = y.blocs.iter().find(|b| b.bloc == Bloc::TruongHoc).unwrap();
    assert!(schools.quarters[1].is_none());
    assert_eq!(schools.quarters[3].unwrap().counts.dat, 1);
}

#[test]
fn the_people_dat_in_every_quarter() {
    let all = |n| {
        doc(
            n,
            vec![unit(
                "A",
                Bloc::ChinhQuyen,
                vec![
                    dat("A1", "An"),
                    if n == 3 {
                        person("A2", "Bình", Status::KhongDanhGia)
                    } else {
                        dat("A2", "Bình")
                    },
                ],
            )],
        )
    };
    let y = year((1..=4).map(all).collect());
    let every: Vec<&str> = y
        .dat_every_quarter()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(every, ["A1"]);
    assert!(y.missing().is_empty());
}

#[test]
fn a_unit_under_two_codes_is_reported() {
    let y = year(vec![
        doc(1, vec![unit("NV", Bloc::ChinhQuyen, vec![dat("A1", "An")])]),
        doc(
            2,
            vec![UnitDoc {
                unit: "Đơn vị NV".into(),
                ..unit("noi-vu-q2", Bloc::ChinhQuyen, vec![dat("A1", "An")])
            }],
        ),
    ]);
    assert_eq!(y.units.len(), 2);
    assert!(codes(&y).contains(&"unit-code-changed"));
}

fn loaded(d: QuarterDoc) -> Loaded {
    Loaded {
        given: d.file.clone(),
        outcome: Ok(d),
    }
}

#[test]
fn one_year_one_document_per_quarter() {
    // A quarter's results with one unit.
    let one = |n: u8| doc(n, vec![unit("NV", Bloc::ChinhQuyen, vec![dat("A1", "An")])]);
    let other = |n: u8| QuarterDoc {
        quarter: Quarter::new(2023, n).unwrap(),
        ..one(n)
    };
    // Most documents are of 2024: the 2023 one is left out with an error note.
    let s = select::select(vec![loaded(one(1)), loaded(one(2)), loaded(other(4))]);
    let (y, docs) = s.outcome.unwrap();
    assert_eq!((y, docs.len()), (2024, 2));
    assert_eq!(s.notes[0].code(), "year-mismatch");
    // As many of each year: which one is meant cannot be told.
    let s = select::select(vec![loaded(one(1)), loaded(other(2))]);
    assert!(matches!(s.outcome, Err(Refusal::SeveralYears(_))));
    // Two documents of one quarter.
    let s = select::select(vec![loaded(one(1)), loaded(one(1))]);
    assert!(matches!(s.outcome, Err(Refusal::SameQuarter(_, ref f)) if f.len() == 2));
    // The same file twice is said as such; two files of one quarter name both.
    let twice = s.outcome.err().unwrap().message(crate::i18n::Lang::Vi);
    assert!(
        twice.starts_with("đã đưa 2 lần cùng một kết quả"),
        "{twice}"
    );
    let other = QuarterDoc {
        file: "khac/ket-qua.json".into(),
        ..one(1)
    };
    let s = select::select(vec![loaded(one(1)), loaded(other)]);
    let both = s.outcome.err().unwrap().message(crate::i18n::Lang::Vi);
    assert!(both.starts_with("có 2 kết quả của quý I/2024"), "{both}");
    assert!(both.contains("khac/ket-qua.json"), "{both}");
    // More paths than quarters.
    let s = select::select((1..=5).map(|_| loaded(one(1))).collect());
    assert_eq!(s.outcome.err(), Some(Refusal::TooMany(5)));
    // A file that cannot be used is an error note; the rest go on.
    let bad = Loaded {
        given: "x.json".into(),
        outcome: Err(Problem {
            file: "x.json".into(),
            kind: ProblemKind::Json(crate::reader::run_outputs::JsonProblem {
                kind: crate::reader::run_outputs::JsonProblemKind::Eof,
                line: 1,
                column: 1,
                detail: "EOF while parsing".into(),
            }),
        }),
    };
    let s = select::select(vec![bad.clone(), loaded(one(3))]);
    assert!(s.outcome.is_ok());
    assert_eq!(s.notes[0].code(), "file-unreadable");
    let s = select::select(vec![bad]);
    assert_eq!(s.outcome.err(), Some(Refusal::NothingReadable));
    // Results without any unit (their run read no workbook) are left out, and said.
    let s = select::select(vec![loaded(one(1)), loaded(doc(2, vec![]))]);
    let (_, docs) = s.outcome.unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(s.notes[0].code(), "results-empty");
    assert_eq!(s.notes[0].severity(), crate::finding::Severity::Error);
    let s = select::select(vec![loaded(doc(2, vec![]))]);
    assert_eq!(s.outcome.err(), Some(Refusal::NothingReadable));
}

/// A year of one unit list per quarter (quarter I first).
fn quarters(qs: Vec<Vec<UnitDoc>>) -> Year {
    year(
        qs.into_iter()
            .enumerate()
            .map(|(i, units)| doc(i as u8 + 1, units))
            .collect(),
    )
}

fn cq(code: &str, people: Vec<PersonDoc>) -> UnitDoc {
    unit(code, Bloc::ChinhQuyen, people)
}

fn not_dat(id: &str, name: &str) -> PersonDoc {
    person(id, name, Status::KhongDat)
}

/// The person-related notes (money and missing quarters aside).
fn person_notes(y: &Year) -> Vec<&super::notes::Note> {
    y.notes
        .iter()
        .filter(|n| n.code().starts_with("person-"))
        .collect()
}

/// The unit codes of a person's listed quarters, "-" where not listed.
fn units_of(y: &Year, p: &PersonYear) -> Vec<String> {
    p.quarters
        .iter()
        .map(|s| {
            s.listed()
                .map_or("-".into(), |l| y.units[l.unit].code.clone())
        })
        .collect()
}

fn moves_of(y: &Year, p: &PersonYear) -> Vec<(u8, String, String)> {
    p.moves
        .iter()
        .map(|m| {
            (
                m.quarter.q,
                y.units[m.from].code.clone(),
                y.units[m.to].code.clone(),
            )
        })
        .collect()
}

#[test]
fn a_row_number_never_links_people_of_two_units() {
    let y = quarters(vec![
        vec![
            cq("A", vec![dat("dong-7", "Nguyễn Văn Hùng")]),
            cq("B", vec![dat("dong-2", "Lê Thị Lan")]),
        ],
        vec![
            cq("A", vec![]),
            cq(
                "B",
                vec![
                    dat("dong-2", "Lê Thị Lan"),
                    not_dat("dong-5", "Nguyễn Văn Hùng"),
                ],
            ),
        ],
    ]);
    assert_eq!(y.people.len(), 3);
    assert!(y.people.iter().all(|p| p.moves.is_empty()));
    let hung_a = find(&y, "dong-7");
    assert_eq!(units_of(&y, hung_a), ["A", "-", "-", "-"]);
    let notes = person_notes(&y);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].code(), "person-possible-match");
    let NoteKind::PossibleMatch { now, before, .. } = &notes[0].kind else {
        unreachable!()
    };
    assert_eq!(
        (now.unit.as_str(), now.id.as_str(), before.unit.as_str()),
        ("B", "dong-5", "A")
    );
    let msg = notes[0].message(crate::i18n::Lang::Vi);
    assert!(msg.contains("không có cột Mã CB"), "{msg}");
    // An empty id is no Mã CB either.
    let y = quarters(vec![
        vec![cq("A", vec![dat("", "Trần Văn Bình")]), cq("B", vec![])],
        vec![cq("A", vec![]), cq("B", vec![dat(" ", "Trần Văn Bình")])],
    ]);
    assert_eq!(y.people.len(), 2);
    let codes: Vec<&str> = person_notes(&y).iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-possible-match"]);
    // Both still listed: two people of the same name, no note.
    let y = quarters(vec![
        vec![
            cq("A", vec![dat("dong-7", "Nguyễn Văn Hùng")]),
            cq("B", vec![]),
        ],
        vec![
            cq("A", vec![dat("dong-7", "Nguyễn Văn Hùng")]),
            cq("B", vec![dat("dong-5", "Nguyễn Văn Hùng")]),
        ],
    ]);
    assert_eq!(y.people.len(), 2);
    assert!(person_notes(&y).is_empty(), "{:?}", y.notes);
}

#[test]
fn namesakes_of_a_unit_without_ma_cb_are_not_told_apart_by_guess() {
    // Two Hùng in a hand-typed unit; their rows shift in quarter II.
    let y = quarters(vec![
        vec![cq(
            "P",
            vec![
                dat("dong-7", "Nguyễn Văn Hùng"),
                not_dat("dong-9", "Nguyễn Văn Hùng"),
            ],
        )],
        vec![cq(
            "P",
            vec![
                not_dat("dong-5", "Nguyễn Văn Hùng"),
                dat("dong-8", "Nguyễn Văn Hùng"),
            ],
        )],
    ]);
    assert_eq!(y.people.len(), 4, "nobody linked by guess");
    assert!(y.people.iter().all(|p| p.listed().count() == 1));
    let notes = person_notes(&y);
    assert_eq!(notes.len(), 2, "{notes:?}");
    for n in &notes {
        assert_eq!(n.code(), "person-duplicate");
        let msg = n.message(crate::i18n::Lang::Vi);
        assert!(msg.contains("họ tên Nguyễn Văn Hùng có 2 lần"), "{msg}");
        assert!(!msg.contains("Mã CB dong"), "{msg}");
        let en = n.message(crate::i18n::Lang::En);
        assert!(
            en.contains("the name Nguyễn Văn Hùng appears 2 times"),
            "{en}"
        );
    }
    // Two Hùng in quarter I, one in quarter II: which one is unclear.
    let y = quarters(vec![
        vec![cq(
            "P",
            vec![
                dat("dong-7", "Nguyễn Văn Hùng"),
                not_dat("dong-9", "Nguyễn Văn Hùng"),
            ],
        )],
        vec![cq("P", vec![dat("dong-7", "Nguyễn Văn Hùng")])],
    ]);
    assert_eq!(y.people.len(), 3);
    let notes = person_notes(&y);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[1].code(), "person-ambiguous");
    assert!(matches!(
        &notes[1].kind,
        NoteKind::SeveralCandidates { candidates, .. } if candidates.len() == 2
    ));
    let msg = notes[1].message(crate::i18n::Lang::Vi);
    assert!(msg.contains("cùng họ tên với 2 người"), "{msg}");
}

#[test]
fn a_ma_cb_and_name_twice_in_a_unit_link_neither() {
    let y = quarters(vec![
        vec![cq("A", vec![dat("A1", "Lê Văn An")])],
        vec![cq(
            "A",
            vec![dat("A1", "Lê Văn An"), not_dat("A1", "Lê Văn An")],
        )],
    ]);
    assert_eq!(y.people.len(), 3);
    assert!(y.people.iter().all(|p| p.listed().count() == 1));
    let notes = person_notes(&y);
    assert_eq!(notes.len(), 1, "{notes:?}");
    let msg = notes[0].message(crate::i18n::Lang::Vi);
    assert!(msg.contains("Mã CB A1 có 2 lần trong đơn vị A"), "{msg}");
    // The same Mã CB under two names: each name is followed; the repeat is reported.
    let y = quarters(vec![
        vec![cq("A", vec![dat("A1", "Lê Văn An")])],
        vec![cq(
            "A",
            vec![dat("A1", "Lê Văn An"), dat("A1", "Trần Thị Bình")],
        )],
    ]);
    assert_eq!(y.people.len(), 2);
    assert_eq!(find_name(&y, "Lê Văn An").dat_quarters(), 2);
    let codes: Vec<&str> = person_notes(&y).iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-duplicate"]);
}

fn find_name<'a>(y: &'a Year, name: &str) -> &'a PersonYear {
    let found: Vec<&PersonYear> = y.people.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "{name}: {found:?}");
    found[0]
}

#[test]
fn a_person_listed_in_two_units_in_one_quarter_is_reported() {
    let y = quarters(vec![
        vec![cq("A", vec![dat("X1", "Lê Văn An")]), cq("B", vec![])],
        vec![
            cq("A", vec![dat("X1", "Lê Văn An")]),
            cq("B", vec![not_dat("X1", "Lê Văn An")]),
        ],
    ]);
    assert_eq!(y.people.len(), 2);
    let first = y
        .people
        .iter()
        .find(|p| p.quarters[0].listed().is_some())
        .unwrap();
    assert_eq!(units_of(&y, first), ["A", "A", "-", "-"], "followed in A");
    let notes = person_notes(&y);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].code(), "person-two-units");
    assert_eq!(notes[0].quarter(), Some(q(2)));
    assert_eq!(notes[0].person(), Some("X1"));
    let msg = notes[0].message(crate::i18n::Lang::Vi);
    assert!(msg.contains("có tên ở 2 đơn vị: A, B"), "{msg}");
    assert!(msg.contains("đơn vị A theo dõi tiếp"), "{msg}");
    // Both new in the same quarter.
    let y = quarters(vec![vec![
        cq("A", vec![dat("X1", "Lê Văn An")]),
        cq("B", vec![dat("X1", "Lê Văn An")]),
    ]]);
    assert_eq!(y.people.len(), 2);
    let codes: Vec<&str> = person_notes(&y).iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-two-units"]);
    // Twice in A and once in B: the repeat in A has its own note; A is named once.
    let y = quarters(vec![vec![
        cq("A", vec![dat("X1", "Lê Văn An"), dat("X1", "Lê Văn An")]),
        cq("B", vec![dat("X1", "Lê Văn An")]),
    ]]);
    assert_eq!(y.people.len(), 3);
    let notes = person_notes(&y);
    let codes: Vec<&str> = notes.iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-duplicate", "person-two-units"]);
    let en = notes[1].message(crate::i18n::Lang::En);
    assert!(en.contains("is listed in 2 units: A, B."), "{en}");
    // Gone from A, listed in B and C: neither is taken as the move.
    let y = quarters(vec![
        vec![cq("A", vec![dat("X1", "Lê Văn An")])],
        vec![
            cq("A", vec![]),
            cq("B", vec![dat("X1", "Lê Văn An")]),
            cq("C", vec![dat("X1", "Lê Văn An")]),
        ],
    ]);
    assert_eq!(y.people.len(), 3);
    assert!(y.people.iter().all(|p| p.moves.is_empty()));
    let codes: Vec<&str> = person_notes(&y).iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-two-units"]);
}

#[test]
fn a_mover_listed_in_both_units_keeps_one_history() {
    let x = || dat("X1", "Lê Văn An");
    let y = quarters(vec![
        vec![cq("A", vec![x()]), cq("B", vec![])],
        vec![cq("A", vec![]), cq("B", vec![x()])],
        vec![cq("A", vec![x()]), cq("B", vec![x()])],
        vec![cq("A", vec![]), cq("B", vec![x()])],
    ]);
    assert_eq!(y.people.len(), 2);
    let first = y
        .people
        .iter()
        .find(|p| p.quarters[0].listed().is_some())
        .unwrap();
    assert_eq!(units_of(&y, first), ["A", "B", "B", "B"]);
    assert_eq!(moves_of(&y, first), [(2, "A".into(), "B".into())]);
    let other = y
        .people
        .iter()
        .find(|p| p.quarters[0].listed().is_none())
        .unwrap();
    assert_eq!(units_of(&y, other), ["-", "-", "A", "-"]);
    let notes = person_notes(&y);
    let codes: Vec<&str> = notes.iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-two-units"], "never 'twice in unit B'");
    assert_eq!(notes[0].quarter(), Some(q(3)));
    let msg = notes[0].message(crate::i18n::Lang::Vi);
    assert!(msg.contains("đơn vị B theo dõi tiếp"), "{msg}");
}

#[test]
fn every_change_of_unit_is_a_move_back_included() {
    let x = || dat("X1", "Lê Văn An");
    let y = quarters(vec![
        vec![cq("A", vec![x()]), cq("B", vec![])],
        vec![cq("A", vec![]), cq("B", vec![x()])],
        vec![cq("A", vec![x()]), cq("B", vec![])],
        vec![cq("A", vec![x()]), cq("B", vec![])],
    ]);
    assert_eq!(y.people.len(), 1);
    let p = &y.people[0];
    assert_eq!(units_of(&y, p), ["A", "B", "A", "A"]);
    assert_eq!(
        moves_of(&y, p),
        [(2, "A".into(), "B".into()), (3, "B".into(), "A".into())]
    );
    assert!(person_notes(&y).is_empty(), "{:?}", y.notes);
    // A unit that sent nothing in between: back in A by way of B, still two moves.
    let y = quarters(vec![
        vec![cq("A", vec![x()])],
        vec![cq("B", vec![x()])],
        vec![cq("A", vec![x()]), cq("B", vec![])],
    ]);
    assert_eq!(y.people.len(), 1);
    assert_eq!(moves_of(&y, &y.people[0]).len(), 2);
}

#[test]
fn a_ma_cb_is_compared_with_its_diacritics() {
    // Đ01 and D01 are two codes; An and Ân are two names.
    let y = quarters(vec![
        vec![cq("A", vec![dat("Đ01", "Nguyễn Văn An")]), cq("B", vec![])],
        vec![cq("A", vec![]), cq("B", vec![dat("D01", "Nguyễn Văn Ân")])],
    ]);
    assert_eq!(y.people.len(), 2);
    assert!(y.people.iter().all(|p| p.moves.is_empty()));
    let codes: Vec<&str> = person_notes(&y).iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-possible-match"]);
    let msg = person_notes(&y)[0].message(crate::i18n::Lang::Vi);
    assert!(
        msg.contains("gần giống") && msg.contains("Mã CB khác"),
        "{msg}"
    );
    // The same Mã CB, a name that differs in its marks: not a move either.
    let y = quarters(vec![
        vec![cq("A", vec![dat("X1", "Nguyễn Văn An")]), cq("B", vec![])],
        vec![cq("A", vec![]), cq("B", vec![dat("X1", "Nguyễn Văn Ân")])],
    ]);
    assert_eq!(y.people.len(), 2);
    assert!(y.people.iter().all(|p| p.moves.is_empty()));
    let notes = person_notes(&y);
    assert_eq!(notes.len(), 1);
    let msg = notes[0].message(crate::i18n::Lang::Vi);
    assert!(msg.contains("họ tên viết khác"), "{msg}");
    // Case, spacing and Unicode normalisation aside, a Mã CB and a name are the same.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Nguyễn Văn Ân").collect();
    let y = quarters(vec![
        vec![cq("A", vec![dat("đ01", "Nguyễn Văn Ân")]), cq("B", vec![])],
        vec![cq("A", vec![]), cq("B", vec![dat(" Đ01 ", &nfd)])],
    ]);
    assert_eq!(y.people.len(), 1);
    assert_eq!(y.people[0].moves.len(), 1);
}

#[test]
fn a_name_written_without_its_marks_is_reported_not_linked() {
    let y = quarters(vec![
        vec![cq("NV", vec![dat("A1", "Nguyễn Văn An")])],
        vec![cq("NV", vec![dat("A1", "Nguyen Van An")])],
    ]);
    assert_eq!(y.people.len(), 2);
    let codes: Vec<&str> = person_notes(&y).iter().map(|n| n.code()).collect();
    assert_eq!(codes, ["person-ambiguous"]);
}

#[test]
fn who_moved_does_not_depend_on_the_order_of_the_units() {
    // Hoa moves from A to C; S9 Hoa, new in B, is listed before C is read.
    for order in [["B", "C"], ["C", "B"]] {
        let q2 = order
            .iter()
            .map(|&u| match u {
                "B" => cq("B", vec![dat("S9", "Lê Thị Hoa")]),
                _ => cq("C", vec![dat("A7", "Lê Thị Hoa")]),
            })
            .chain([cq("A", vec![])])
            .collect();
        let y = quarters(vec![vec![cq("A", vec![dat("A7", "Lê Thị Hoa")])], q2]);
        assert_eq!(y.people.len(), 2, "{order:?}");
        assert_eq!(find(&y, "A7").moves.len(), 1);
        assert!(person_notes(&y).is_empty(), "{order:?}: {:?}", y.notes);
    }
}

fn reward_doc(d: &mut QuarterDoc) -> &mut RewardDoc {
    match &mut d.rewards {
        RewardsRead::Read(r) => r,
        other => panic!("{other:?}"),
    }
}

fn unit_money(y: &Year, code: &str, i: usize) -> Option<(u32, Decimal)> {
    let u = y.units.iter().find(|u| u.code == code).unwrap();
    u.quarters[i].unwrap().money
}

#[test]
fn a_unit_given_twice_in_one_quarter_is_counted_in_neither_entry() {
    let a = || {
        unit(
            "A",
            Bloc::ChinhQuyen,
            vec![dat("A1", "An"), dat("A2", "Bình")],
        )
    };
    let b = unit("B", Bloc::ChinhQuyen, vec![dat("B1", "Chi")]);
    // Quarter II gives A twice (the second time under its code in lower case).
    let mut again = a();
    again.code = " a ".into();
    let y = year(vec![
        doc(1, vec![a(), b.clone()]),
        doc(2, vec![a(), b.clone(), again]),
    ]);
    let q2 = y.quarters[1].as_ref().unwrap();
    assert_eq!((q2.units, q2.counts.people, q2.counts.dat), (1, 1, 1));
    let repeated: Vec<_> = y
        .notes
        .iter()
        .filter(|n| n.code() == "unit-duplicate")
        .collect();
    assert_eq!(repeated.len(), 1, "{:?}", y.notes);
    assert_eq!(repeated[0].severity(), crate::finding::Severity::Error);
    assert_eq!(repeated[0].quarter(), Some(q(2)));
    assert!(repeated[0].message(crate::i18n::Lang::Vi).contains("2 lần"));
    // Nobody of A counts twice, and A's people have no result in quarter II.
    assert_eq!(y.people.len(), 3);
    assert_eq!(find(&y, "A1").quarters[1], Slot::UnitNotSent);
    assert_eq!(find(&y, "A1").dat_quarters(), 1);
}

#[test]
fn units_without_a_code_are_told_apart_by_name() {
    let named = |name: &str, people| UnitDoc {
        code: String::new(),
        unit: name.into(),
        bloc: Bloc::TruongHoc,
        people,
    };
    let y = year(vec![
        doc(
            1,
            vec![
                named("Trường Mầm non Hoa Sữa", vec![dat("M1", "An")]),
                named("Trường Tiểu học Gia Thụy", vec![dat("T1", "Bình")]),
            ],
        ),
        doc(
            2,
            vec![
                named("TRƯỜNG MẦM NON HOA SỮA", vec![dat("M1", "An")]),
                // The school now writes a code: another unit by the rule (its name is said
                // under two codes), never joined by guess.
                UnitDoc {
                    code: "THGT".into(),
                    ..named("Trường Tiểu học Gia Thụy", vec![dat("T1", "Bình")])
                },
            ],
        ),
    ]);
    assert_eq!(y.units.len(), 3, "{:?}", y.units);
    assert!(!codes(&y).contains(&"unit-duplicate"));
    assert!(codes(&y).contains(&"unit-code-changed"), "{:?}", codes(&y));
    assert_eq!(find(&y, "M1").dat_quarters(), 2);
    assert!(y.units.iter().any(|u| u.code == "THGT"));
    // Two units without a code and without a name cannot be told apart: neither counts.
    let y = year(vec![doc(
        1,
        vec![
            named("", vec![dat("X1", "An")]),
            named(" ", vec![dat("X2", "Bình")]),
        ],
    )]);
    assert_eq!(y.quarters[0].as_ref().unwrap().counts.people, 0);
    assert!(codes(&y).contains(&"unit-duplicate"));
}

#[test]
fn a_reward_document_that_repeats_a_unit_or_a_person_is_not_counted() {
    let results = || {
        doc(
            1,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")]),
                unit("B", Bloc::ChinhQuyen, vec![dat("B1", "Bình")]),
            ],
        )
    };
    // A1 accepted twice: the unit's total is still the amount times its list.
    let mut d = paid(results(), 1_620_000, &[("A", "A1"), ("A", "A1")]);
    let y = year(vec![d.clone()]);
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    assert!(codes(&y).contains(&"rewards-inconsistent"));
    assert_eq!(find(&y, "A1").money_unknown(), vec![0]);
    // Unit A listed twice, each entry adding up.
    d = paid(results(), 1_620_000, &[("A", "A1")]);
    let r = reward_doc(&mut d);
    let mut second = r.units[0].clone();
    second.code = "a".into();
    second.accepted.clear();
    second.total = Decimal::ZERO;
    r.units.push(second);
    let y = year(vec![d]);
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    assert!(codes(&y).contains(&"rewards-inconsistent"));
}

#[test]
fn a_unit_the_reward_document_does_not_list_has_unknown_money() {
    let mut d = paid(
        doc(
            1,
            vec![
                unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")]),
                unit("B", Bloc::ChinhQuyen, vec![dat("B1", "Bình")]),
            ],
        ),
        1_620_000,
        &[("A", "A1")],
    );
    reward_doc(&mut d).units.retain(|u| u.code != "B");
    let y = year(vec![d]);
    assert_eq!(unit_money(&y, "B", 0), None);
    // The quarter's total leaves B out: not the quarter's money.
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    assert_eq!(find(&y, "B1").money_unknown(), vec![0]);
    assert_eq!(unit_money(&y, "A", 0), Some((1, Decimal::from(1_620_000))));
    assert_eq!(find(&y, "A1").money(), Decimal::from(1_620_000));
    assert!(y.notes.iter().any(|n| matches!(
        &n.kind,
        NoteKind::RewardsWithoutUnit { code, .. } if code == "B"
    )));
}

#[test]
fn money_paid_to_someone_the_results_do_not_list_as_dat_is_never_counted_as_known() {
    let results = || {
        doc(
            1,
            vec![unit(
                "A",
                Bloc::ChinhQuyen,
                vec![dat("A1", "An"), not_dat("A2", "Bình")],
            )],
        )
    };
    // Someone unknown in unit A: A's money is unknown, and so the quarter's (the year never
    // adds a quarter whose units do not add up to it).
    let y = year(vec![paid(
        results(),
        1_000_000,
        &[("A", "A1"), ("A", "A9")],
    )]);
    assert_eq!(unit_money(&y, "A", 0), None);
    assert_eq!(find(&y, "A1").money(), Decimal::from(1_000_000));
    let unknown: Vec<_> = y
        .notes
        .iter()
        .filter(|n| n.code() == "reward-unknown-person")
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].severity(), crate::finding::Severity::Error);
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    assert_eq!(y.money(), (Decimal::ZERO, vec![0, 1, 2, 3]));
    assert!(y.notes.iter().any(|n| n.kind
        == NoteKind::MoneyUnknown {
            quarter: q(1),
            why: MoneyGap::Units(1)
        }));
    // Someone not đạt: the same.
    let y = year(vec![paid(
        results(),
        1_000_000,
        &[("A", "A1"), ("A", "A2")],
    )]);
    assert_eq!(unit_money(&y, "A", 0), None);
    assert_eq!(find(&y, "A2").money(), Decimal::ZERO);
    assert!(codes(&y).contains(&"reward-not-dat"));
    // A unit that has no results this quarter: the quarter's money is unknown too.
    let mut d = paid(results(), 1_000_000, &[("A", "A1")]);
    let r = reward_doc(&mut d);
    r.units.push(UnitRewardDoc {
        code: "ZZ".into(),
        unit: "Đơn vị ZZ".into(),
        cap: None,
        accepted: vec!["Z1".into()],
        total: Decimal::from(1_000_000),
    });
    r.people = 2;
    r.total = Decimal::from(2_000_000);
    let y = year(vec![d]);
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    assert_eq!(unit_money(&y, "A", 0), Some((1, Decimal::from(1_000_000))));
    assert!(y.notes.iter().any(|n| matches!(
        &n.kind,
        NoteKind::RewardUnknownPerson { unit, id, .. } if unit == "ZZ" && id == "Z1"
    )));
}

#[test]
fn a_name_with_its_tone_mark_placed_the_other_way_is_the_same_person() {
    let y = quarters(vec![
        vec![cq("VP", vec![dat("VP02", "Trần Thùy Ánh")])],
        vec![cq("VP", vec![dat("VP02", "Trần Thuỳ Ánh")])],
        vec![cq("VP", vec![dat("VP02", "TRẦN THÙY ÁNH")])],
        vec![cq("VP", vec![dat("VP02", "Trần Thùy Ánh")])],
    ]);
    assert_eq!(y.people.len(), 1);
    assert_eq!(y.dat_every_quarter().len(), 1);
    assert!(person_notes(&y).is_empty(), "{:?}", person_notes(&y));
}

#[test]
fn a_reward_document_over_its_cap_is_not_counted_and_one_priced_otherwise_is_said() {
    let profile = crate::profile::Profile::default_profile();
    let results = || {
        doc(
            1,
            vec![unit(
                "A",
                Bloc::ChinhQuyen,
                vec![dat("A1", "An"), dat("A2", "Bình")],
            )],
        )
    };
    let pricing = crate::money::price(q(1), &profile, None).unwrap();
    let amount =
        i64::try_from(pricing.amount.mantissa()).unwrap() / 10_i64.pow(pricing.amount.scale());
    let priced = |amount: i64, base: Decimal| {
        let mut d = paid(results(), amount, &[("A", "A1"), ("A", "A2")]);
        let r = reward_doc(&mut d);
        r.profile = Some(profile.name.clone());
        r.decision_date = Some(pricing.decision_date);
        r.base_salary = Some(base);
        r.units[0].cap = Some(2);
        d
    };
    // As the profile prices it: counted.
    let y = build(
        2024,
        vec![priced(amount, pricing.base_salary)],
        Vec::new(),
        &profile,
    );
    assert_eq!(
        y.quarters[0].as_ref().unwrap().money,
        QuarterMoney::Known {
            per_person: pricing.amount,
            people: 2,
            total: pricing.amount * Decimal::from(2)
        }
    );
    assert!(
        !codes(&y).contains(&"rewards-inconsistent"),
        "{:?}",
        y.notes
    );
    assert!(
        !codes(&y).contains(&"reward-price-differs"),
        "{:?}",
        y.notes
    );
    // Another amount, or the right amount on another base salary: said, with both figures; the
    // money is what the document decided (an edited copy of the profile keeps its name, so the
    // office alone can tell a hand-edited list from a list priced with that copy).
    for (d, words) in [
        (priced(9_990_000, pricing.base_salary), "9.990.000 đồng"),
        (
            priced(amount, pricing.base_salary + Decimal::from(1000)),
            "lương cơ sở ghi",
        ),
    ] {
        let y = build(2024, vec![d], Vec::new(), &profile);
        let note = y
            .notes
            .iter()
            .find(|n| n.code() == "reward-price-differs")
            .unwrap_or_else(|| panic!("{:?}", y.notes));
        assert_eq!(note.severity(), crate::finding::Severity::Warning);
        let message = note.message(crate::i18n::Lang::Vi);
        assert!(message.contains(words), "{message}");
        assert!(matches!(
            y.quarters[0].as_ref().unwrap().money,
            QuarterMoney::Known { .. }
        ));
    }
    // Priced with another profile: cannot be priced again here, nothing said.
    let mut d = priced(9_990_000, pricing.base_salary);
    reward_doc(&mut d).profile = Some("another-district".into());
    let y = build(2024, vec![d], Vec::new(), &profile);
    assert!(!codes(&y).contains(&"reward-price-differs"));
    // Two people accepted where the unit's own cap is one.
    let mut d = priced(amount, pricing.base_salary);
    reward_doc(&mut d).units[0].cap = Some(1);
    let y = build(2024, vec![d], Vec::new(), &profile);
    assert_eq!(y.quarters[0].as_ref().unwrap().money, QuarterMoney::Unknown);
    let note = y
        .notes
        .iter()
        .find(|n| n.code() == "rewards-inconsistent")
        .unwrap();
    assert!(note
        .message(crate::i18n::Lang::Vi)
        .contains("quá số tối đa 1"));
}

/// Regression: `run` writes a workbook's file name as its code when it has no `Mã đơn vị`; two
/// such workbooks of one file name in two folders gave two units of one code, which `nam` took
/// for one unit given twice and left out, blaming the reward document too.
#[test]
fn two_units_under_one_file_name_code_are_two_units_told_by_name() {
    let school = |name: &str, people| UnitDoc {
        code: "bao-cao".into(),
        unit: name.into(),
        bloc: Bloc::TruongHoc,
        people,
    };
    let quarter = |n| {
        paid(
            doc(
                n,
                vec![
                    school("Trường Mầm non Hoa Sữa", vec![dat("M1", "An")]),
                    school("Trường Tiểu học Gia Thụy", vec![dat("T1", "Bình")]),
                ],
            ),
            1_000_000,
            &[],
        )
    };
    let mut q1 = quarter(1);
    // Each entry of the reward document by its name too.
    let r = reward_doc(&mut q1);
    r.units[0].accepted.push("M1".into());
    r.units[0].total = Decimal::from(1_000_000);
    r.people = 1;
    r.total = Decimal::from(1_000_000);
    let y = year(vec![q1, quarter(2)]);
    assert_eq!(y.units.len(), 2, "{:?}", y.units);
    assert!(
        y.notes
            .iter()
            .all(|n| n.severity() != crate::finding::Severity::Error),
        "{:?}",
        y.notes
    );
    assert_eq!(find(&y, "M1").dat_quarters(), 2);
    assert_eq!(find(&y, "T1").dat_quarters(), 2);
    assert_eq!(find(&y, "M1").money(), Decimal::from(1_000_000));
    assert_eq!(find(&y, "T1").money(), Decimal::ZERO);
    // The same code and the same name twice: one unit given twice.
    let twice = doc(
        1,
        vec![
            school("Trường Mầm non Hoa Sữa", vec![dat("M1", "An")]),
            school("TRƯỜNG MẦM NON HOA SỮA", vec![dat("M2", "Chi")]),
        ],
    );
    assert!(codes(&year(vec![twice])).contains(&"unit-duplicate"));
}

/// A unit its results give twice is not counted, and the reward document is not blamed for
/// paying its people.
#[test]
fn the_people_of_a_unit_given_twice_are_not_called_unknown_to_the_reward_document() {
    let a = || unit("A", Bloc::ChinhQuyen, vec![dat("A1", "An")]);
    let d = paid(
        doc(
            1,
            vec![a(), unit("B", Bloc::ChinhQuyen, vec![dat("B1", "Bình")])],
        ),
        1_000_000,
        &[("A", "A1")],
    );
    let mut d = d;
    d.units.push(a());
    let y = year(vec![d]);
    let c = codes(&y);
    assert!(c.contains(&"unit-duplicate"), "{c:?}");
    assert!(!c.contains(&"reward-unknown-person"), "{c:?}");
    assert!(!c.contains(&"rewards-inconsistent"), "{c:?}");
    assert!(matches!(
        y.quarters[0].as_ref().unwrap().money,
        QuarterMoney::Known { .. }
    ));
}

#[test]
fn a_move_across_a_missing_quarter_says_no_more_than_is_known() {
    // Quarter `n` with CB305 listed in `unit`, MTTQ and NV both sent.
    let at = |n: u8, unit: &str| {
        let with = |code: &str| {
            let people = if code == unit {
                vec![dat("CB305", "Tô Minh Yên")]
            } else {
                Vec::new()
            };
            cq(code, people)
        };
        doc(n, vec![with("MTTQ"), with("NV")])
    };
    let y = year(vec![at(1, "MTTQ"), at(2, "MTTQ"), at(4, "NV")]);
    let p = find(&y, "CB305");
    assert_eq!(p.moves.len(), 1);
    assert_eq!((p.moves[0].last_before, p.moves[0].quarter), (q(2), q(4)));
    // Between two quarters that follow each other: the quarter of the move.
    let y = year(vec![at(1, "MTTQ"), at(2, "NV")]);
    let m = find(&y, "CB305").moves[0];
    assert_eq!((m.last_before, m.quarter), (q(1), q(2)));
}
