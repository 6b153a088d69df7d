//! The rules of evidence on a small register: two networks, one a section
//! of the other, one reached through a national association.

use super::*;
use crate::codes::{MembershipStatus, MembershipType, OrgKind};
use crate::register::{Membership, Organisation, Records, Relation};
use crate::review::strategy::default_strategy;

const EUROCITIES: i64 = 1;
const UCLG: i64 = 2;
const METROPOLIS: i64 = 3;
const SKR: i64 = 4;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn org(id: i64, acronym: &str, themes: &[&str]) -> Organisation {
    Organisation {
        id,
        tenant_id: None,
        slug: acronym.to_lowercase(),
        name: acronym.into(),
        acronym: Some(acronym.into()),
        aliases: vec![],
        kind: OrgKind::CityNetwork,
        headquarters: None,
        founded: None,
        website: None,
        themes: themes.iter().map(|t| (*t).to_owned()).collect(),
        notice_months: None,
        written_notice: false,
        notice_valid_from: None,
        fee_basis: None,
        version: 1,
    }
}

fn membership(id: i64, organisation_id: i64, fee: Fee) -> Membership {
    Membership {
        id,
        body_id: 1,
        organisation_id,
        mtype: MembershipType::Full,
        since: None,
        until: None,
        status: MembershipStatus::Active,
        fee,
        fee_illustrative: false,
        contact_person_id: None,
        notes: None,
        version: 1,
    }
}

fn relation(from_id: i64, to_id: i64, kind: RelationKind) -> Relation {
    Relation {
        id: 0,
        from_id,
        to_id,
        kind,
        source: None,
    }
}

fn register() -> Snapshot {
    let eur = |minor| Fee::Amount {
        minor,
        currency: "EUR".into(),
        year: Some(2011),
    };
    Snapshot::new(
        Records {
            organisations: vec![
                org(EUROCITIES, "EUROCITIES", &["climate", "environment"]),
                org(UCLG, "UCLG", &["development cooperation"]),
                org(
                    METROPOLIS,
                    "Metropolis",
                    &["metropolitan regions", "Baltic region"],
                ),
                org(SKR, "SKR", &[]),
            ],
            bodies: vec![],
            persons: vec![],
            memberships: vec![
                membership(10, EUROCITIES, eur(2_000_000)),
                membership(11, UCLG, Fee::Unknown),
                membership(
                    12,
                    METROPOLIS,
                    Fee::Amount {
                        minor: 5_000_000,
                        currency: "SEK".into(),
                        year: Some(2011),
                    },
                ),
                membership(13, SKR, Fee::NoFee),
            ],
            seats: vec![],
            relations: vec![
                relation(METROPOLIS, UCLG, RelationKind::SectionOf),
                relation(SKR, UCLG, RelationKind::MemberOf),
            ],
            rates: vec![],
            terms: vec![],
        },
        day(2011, 3, 24),
    )
}

fn question(id: i64, criterion: Option<&str>, kind: QuestionKind) -> Question {
    Question {
        id,
        position: id,
        criterion: criterion.map(str::to_owned),
        kind,
        text_sv: String::new(),
        text_en: String::new(),
    }
}

fn row(ballot: &str, membership_id: i64, question_id: i64, answer: Answer) -> AnswerRow {
    AnswerRow {
        ballot: ballot.into(),
        membership_id,
        question_id,
        answer,
    }
}

fn questions() -> Vec<Question> {
    vec![
        question(1, Some("positioning"), QuestionKind::Scale),
        question(2, Some("influence"), QuestionKind::Scale),
        question(3, None, QuestionKind::YesNo),
        question(4, None, QuestionKind::Text),
    ]
}

fn trip(organisation_id: i64, starts_on: NaiveDate, travellers: &[&str]) -> Trip {
    Trip {
        organisation_id,
        starts_on,
        ends_on: starts_on + chrono::Days::new(2),
        journeys: travellers
            .iter()
            .map(|t| ((*t).to_owned(), Mode::Rail, 600))
            .collect(),
    }
}

fn gathered(rows: &[AnswerRow], trips: &[Trip], ids: &[i64]) -> Vec<Gathered> {
    let mut strategy = default_strategy();
    strategy.goals = vec!["Miljöhuvudstad: climate, environment".into()];
    strategy.subject_not_geography = true;
    let snap = register();
    let qs = questions();
    gather(&Inputs {
        strategy: &strategy,
        questions: &qs,
        rows,
        membership_ids: ids,
        register: &snap,
        trips,
        closes_on: day(2011, 3, 24),
    })
}

#[test]
fn scale_answers_count_for_their_criterion_and_dont_know_for_none() {
    let rows = [
        row("a", 10, 1, Answer::Scale(5)),
        row("b", 10, 1, Answer::Scale(3)),
        row("c", 10, 1, Answer::DontKnow),
        row("a", 10, 2, Answer::Scale(1)),
        row("a", 11, 1, Answer::Scale(1)),
    ];
    let g = gathered(&rows, &[], &[10]);
    let e = &g[0].evidence;
    let at = |key: &str| e.criteria_keys.iter().position(|k| k == key).unwrap();
    assert_eq!(e.benefit[at("positioning")], Some(75.0));
    assert_eq!(e.benefit[at("influence")], Some(0.0));
    assert_eq!(e.benefit[at("monitoring")], None);
    assert_eq!(e.respondents[at("positioning")], 3);
}

#[test]
fn only_yes_to_a_yes_no_question_is_a_declined_invitation() {
    let rows = [
        row("a", 11, 3, Answer::YesNo(true)),
        row("b", 11, 3, Answer::YesNo(false)),
        row("c", 11, 3, Answer::YesNo(true)),
        row("d", 10, 3, Answer::YesNo(true)),
        row("e", 11, 4, Answer::Text("yes".into())),
    ];
    let g = gathered(&rows, &[], &[11]);
    assert_eq!(g[0].evidence.declined_invitations, 2);
}

#[test]
fn travel_counts_the_year_up_to_the_closing_day() {
    let trips = [
        trip(EUROCITIES, day(2010, 3, 24), &["Anna"]),
        trip(EUROCITIES, day(2010, 3, 25), &["Anna", "Bo", "Anna"]),
        trip(EUROCITIES, day(2011, 3, 24), &["Cecilia"]),
        trip(EUROCITIES, day(2011, 3, 25), &["Anna"]),
        trip(UCLG, day(2011, 1, 1), &["Anna"]),
    ];
    let g = gathered(&[], &trips, &[10]);
    let e = &g[0].evidence;
    // Two events inside the window: 3 days × 2 people and 3 days × 1 person.
    assert_eq!(e.staff_days, 9.0);
    assert!(e.co2_kg.is_some_and(|kg| kg > 0.0));
    assert!(e.travel_days > 0.0);
    let none = gathered(&[], &[], &[10]);
    assert_eq!(none[0].evidence.co2_kg, None);
    assert_eq!(none[0].evidence.travel_days, 0.0);
}

#[test]
fn fees_in_any_currency_enter_the_cost_in_kronor() {
    let g = gathered(&[], &[], &[10, 11, 12, 13]);
    let fees: Vec<Option<f64>> = g.iter().map(|x| x.evidence.annual_fee_sek).collect();
    // 20 000 EUR at the shipped 2011 rate of 9.0298; 50 000 SEK as it is;
    // the unknown fee stays unknown; no fee is no amount.
    assert_eq!(fees, vec![Some(180_596.0), None, Some(50_000.0), None]);
    assert_eq!(g[0].evidence.annual_fee, Some((20_000.0, "EUR".into())));
    assert_eq!(g[2].evidence.annual_fee, Some((50_000.0, "SEK".into())));
    let parts = crate::analysis::cost_parts(&g[0].evidence);
    assert!((parts.fee - 36.1192).abs() < 1e-9, "{parts:?}");
}

#[test]
fn representation_overlap_fit_and_geography() {
    let g = gathered(&[], &[], &[10, 11, 12]);
    let by = |label: &str| g.iter().find(|x| x.evidence.organisation == label).unwrap();
    let uclg = by("UCLG");
    // The review closed in 2011, when SKR was still SKL.
    assert_eq!(
        uclg.evidence.represented_indirectly_via.as_deref(),
        Some("SKL")
    );
    assert_eq!(uclg.evidence.overlaps_with, vec!["Metropolis".to_owned()]);
    assert!(uclg.evidence.development_cooperation_focus);
    assert_eq!(
        by("Metropolis").evidence.overlaps_with,
        vec!["UCLG".to_owned()]
    );
    assert!(by("Metropolis").evidence.geography_only);
    let eurocities = by("EUROCITIES");
    assert_eq!(eurocities.evidence.goal_fit, Some(1.0));
    assert_eq!(eurocities.served_goals, vec!["Miljöhuvudstad".to_owned()]);
    assert!(!eurocities.evidence.geography_only);
}

#[test]
fn reviewed_memberships_keep_the_review_order_and_skip_the_removed() {
    let g = gathered(&[], &[], &[12, 99, 10]);
    let ids: Vec<i64> = g.iter().map(|x| x.evidence.membership_id).collect();
    assert_eq!(ids, vec![12, 10]);
}

#[test]
fn a_ballot_is_one_respondents_scale_answers_per_criterion() {
    let rows = [
        row("a", 10, 1, Answer::Scale(4)),
        row("a", 10, 2, Answer::Scale(2)),
        row("b", 10, 1, Answer::Scale(5)),
        row("b", 10, 2, Answer::DontKnow),
        row("b", 10, 3, Answer::YesNo(true)),
        row("c", 11, 1, Answer::Scale(1)),
    ];
    let g = gathered(&rows, &[], &[10]);
    let criteria = default_strategy().criteria;
    let at = |key: &str| criteria.iter().position(|c| c.key == key).unwrap();
    let ballots = &g[0].ballots;
    assert_eq!(ballots.len(), 2);
    assert_eq!(ballots[0][at("positioning")], vec![4]);
    assert_eq!(ballots[0][at("influence")], vec![2]);
    assert_eq!(ballots[1][at("positioning")], vec![5]);
    assert!(ballots[1][at("influence")].is_empty());
}

#[test]
fn swing_intervals_are_normalised_by_their_midpoints() {
    let w = Weights::Swing {
        intervals: vec![(1.0, 3.0), (2.0, 2.0)],
    };
    assert_eq!(intervals(&w, &[0.5, 0.5]), vec![(0.25, 0.75), (0.5, 0.5)]);
    let flat = Weights::Swing {
        intervals: vec![(0.0, 0.0), (0.0, 0.0)],
    };
    assert_eq!(intervals(&flat, &[0.5, 0.5]), vec![(0.5, 0.5), (0.5, 0.5)]);
    let ranks = Weights::Ranking { ranks: vec![1, 2] };
    assert_eq!(
        intervals(&ranks, &[0.75, 0.25]),
        vec![(0.75, 0.75), (0.25, 0.25)]
    );
}
