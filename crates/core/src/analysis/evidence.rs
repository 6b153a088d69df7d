//! Gathering the evidence for a review's analysis: which answers count for
//! which criterion, how many declined working groups, the travel and staff
//! days in the year up to the review's closing day, the fee, the strategic
//! fit, representation through other memberships, and each respondent's
//! answers as a ballot for the bootstrap. Everything here is a rule about
//! the review; the application layer only loads what it reads.

use super::Evidence;
use super::bootstrap::Ballot;
use super::fit::assess;
use crate::codes::RelationKind;
use crate::fees::Fee;
use crate::followup::travel::{Mode, totals};
use crate::register::Snapshot;
use crate::review::answers::Answer;
use crate::review::questionnaire::{Question, QuestionKind};
use crate::review::results::{AnswerRow, by_membership_and_criterion};
use crate::review::strategy::{Criterion, Strategy, Weights};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Travel and staff time counts for the year up to the review's closing day.
pub const TRAVEL_WINDOW_DAYS: u64 = 365;

/// An event of an organisation as the analysis counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Trip {
    pub organisation_id: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Each journey: who travelled, how, and how far.
    pub journeys: Vec<(String, Mode, u32)>,
}

/// What a review's answers and the register say about the memberships it covers.
pub struct Inputs<'a> {
    pub strategy: &'a Strategy,
    pub questions: &'a [Question],
    pub rows: &'a [AnswerRow],
    /// The memberships the review covers, in its order.
    pub membership_ids: &'a [i64],
    pub register: &'a Snapshot,
    pub trips: &'a [Trip],
    pub closes_on: NaiveDate,
}

/// One membership's evidence, with what the value model does not read.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathered {
    pub evidence: Evidence,
    /// The strategy's goals the organisation's themes serve.
    pub served_goals: Vec<String>,
    /// Each respondent's scale answers per criterion.
    pub ballots: Vec<Ballot>,
}

/// The evidence for every reviewed membership found in the register, in the
/// review's order (a membership since removed from the register is left out).
pub fn gather(i: &Inputs) -> Vec<Gathered> {
    let criteria = &i.strategy.criteria;
    let cells = by_membership_and_criterion(i.questions, i.rows, i.membership_ids, criteria, 0);
    let snap = i.register;
    let indirect = snap.indirect();
    let year_from = i.closes_on - chrono::Days::new(TRAVEL_WINDOW_DAYS);
    let mut out = Vec::new();
    for m in i
        .membership_ids
        .iter()
        .filter_map(|id| snap.memberships.iter().find(|x| x.id == *id))
    {
        let org = snap.organisation(m.organisation_id);
        let mut benefit = Vec::new();
        let mut median = Vec::new();
        let mut respondents = Vec::new();
        for c in criteria {
            let values = scale_answers(i, m.id, &c.key);
            benefit.push(super::benefit_from_answers(&values));
            let cell = cells
                .iter()
                .find(|x| x.membership_id == m.id && x.criterion == c.key);
            median.push(cell.and_then(|x| x.summary.median));
            respondents.push(cell.map(|x| x.respondents).unwrap_or(0));
        }
        let themes: Vec<String> = org
            .map(|o| o.themes.iter().map(|t| t.to_lowercase()).collect())
            .unwrap_or_default();
        let fit = assess(&i.strategy.goals, &themes);
        let trips: Vec<&Trip> = i
            .trips
            .iter()
            .filter(|t| t.organisation_id == m.organisation_id)
            .filter(|t| t.starts_on > year_from && t.starts_on <= i.closes_on)
            .collect();
        let legs: Vec<(Mode, u32)> = trips
            .iter()
            .flat_map(|t| t.journeys.iter().map(|(_, mode, km)| (*mode, *km)))
            .collect();
        let travel = (!legs.is_empty()).then(|| totals(&legs));
        let evidence = Evidence {
            membership_id: m.id,
            organisation: snap.org_label(m.organisation_id),
            benefit,
            median,
            respondents,
            criteria_keys: criteria.iter().map(|c| c.key.clone()).collect(),
            criteria_names_sv: criteria.iter().map(|c| c.name_sv.clone()).collect(),
            criteria_names_en: criteria.iter().map(|c| c.name_en.clone()).collect(),
            // By the name it had when the review closed: SKL in 2011.
            represented_indirectly_via: indirect
                .iter()
                .find(|x| x.organisation_id == m.organisation_id)
                .map(|x| match snap.organisation(x.via_organisation_id) {
                    Some(o) => crate::catalogue::label_on(&o.slug, o.label(), i.closes_on),
                    None => snap.org_label(x.via_organisation_id),
                }),
            overlaps_with: overlaps(snap, m.organisation_id),
            development_cooperation_focus: themes
                .iter()
                .any(|t| t.contains("development cooperation")),
            goal_fit: fit.share,
            geography_only: i.strategy.subject_not_geography && fit.geography_only,
            travel_days: travel.map_or(0.0, |t| t.travel_days),
            // An empty f64 sum is -0.0; a document should say 0.
            staff_days: trips.iter().map(|t| staff_days(t)).sum::<f64>() + 0.0,
            co2_kg: travel.map(|t| t.co2_kg),
            declined_invitations: declined(i, m.id),
            annual_fee: match &m.fee {
                Fee::Amount {
                    minor, currency, ..
                } => Some((*minor as f64 / 100.0, currency.clone())),
                _ => None,
            },
            annual_fee_sek: match &m.fee {
                Fee::Amount { .. } => snap
                    .rates
                    .fee_in_sek(&m.fee)
                    .map(|(ore, _)| ore as f64 / 100.0),
                _ => None,
            },
        };
        out.push(Gathered {
            evidence,
            served_goals: fit.served,
            ballots: ballots_of(i.rows, i.questions, criteria, m.id),
        });
    }
    out
}

/// The 1–5 answers given on a membership to the scale questions of one criterion.
fn scale_answers(i: &Inputs, membership_id: i64, criterion: &str) -> Vec<u8> {
    let qids: Vec<i64> = i
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Scale && q.criterion.as_deref() == Some(criterion))
        .map(|q| q.id)
        .collect();
    i.rows
        .iter()
        .filter(|r| r.membership_id == membership_id && qids.contains(&r.question_id))
        .filter_map(|r| match r.answer {
            Answer::Scale(v) => Some(v),
            _ => None,
        })
        .collect()
}

/// "Yes" answers to the yes/no questions (declined a working group for its cost).
fn declined(i: &Inputs, membership_id: i64) -> usize {
    i.rows
        .iter()
        .filter(|r| {
            r.membership_id == membership_id
                && i.questions
                    .iter()
                    .any(|q| q.id == r.question_id && q.kind == QuestionKind::YesNo)
        })
        .filter(|r| r.answer == Answer::YesNo(true))
        .count()
}

/// An event's working days times the distinct people who travelled to it.
fn staff_days(t: &Trip) -> f64 {
    let days = (t.ends_on - t.starts_on).num_days() + 1;
    let mut people: Vec<&str> = t.journeys.iter().map(|(who, _, _)| who.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    (days.max(1) as usize * people.len()) as f64
}

/// The strategy's weights as intervals, normalised so their midpoints sum
/// to 1; point weights (a ranking, or no spread) give zero-width intervals.
pub fn intervals(weights: &Weights, points: &[f64]) -> Vec<(f64, f64)> {
    match weights {
        Weights::Swing { intervals } => {
            let total: f64 = intervals.iter().map(|(l, h)| (l + h) / 2.0).sum();
            if total > 0.0 {
                intervals
                    .iter()
                    .map(|(l, h)| (l / total, h / total))
                    .collect()
            } else {
                points.iter().map(|w| (*w, *w)).collect()
            }
        }
        Weights::Ranking { .. } => points.iter().map(|w| (*w, *w)).collect(),
    }
}

/// The strategy's point weights, or equal weights when it has none.
pub fn point_weights(strategy: &Strategy) -> Vec<f64> {
    strategy.point_weights().unwrap_or_else(|| {
        vec![1.0 / strategy.criteria.len().max(1) as f64; strategy.criteria.len()]
    })
}

/// Organisations the city is a member of (in force) that `organisation_id`
/// is a section of, or that are sections of it (Metropolis and UCLG).
fn overlaps(snap: &Snapshot, organisation_id: i64) -> Vec<String> {
    let member_of = |org: i64| {
        snap.memberships
            .iter()
            .any(|m| m.organisation_id == org && snap.in_force(m))
    };
    let mut out: Vec<String> = snap
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::SectionOf)
        .filter_map(|r| {
            if r.from_id == organisation_id {
                Some(r.to_id)
            } else if r.to_id == organisation_id {
                Some(r.from_id)
            } else {
                None
            }
        })
        .filter(|&other| other != organisation_id && member_of(other))
        .map(|other| snap.org_label(other))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Each respondent's scale answers on one membership, per criterion: the
/// unit the bootstrap resamples.
fn ballots_of(
    rows: &[AnswerRow],
    questions: &[Question],
    criteria: &[Criterion],
    membership_id: i64,
) -> Vec<Ballot> {
    let criterion_of = |question_id: i64| {
        let q = questions
            .iter()
            .find(|q| q.id == question_id && q.kind == QuestionKind::Scale)?;
        criteria
            .iter()
            .position(|c| q.criterion.as_deref() == Some(c.key.as_str()))
    };
    let mut by_ballot: BTreeMap<&str, Ballot> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.membership_id == membership_id) {
        let (Some(c), Answer::Scale(v)) = (criterion_of(r.question_id), &r.answer) else {
            continue;
        };
        by_ballot
            .entry(r.ballot.as_str())
            .or_insert_with(|| vec![Vec::new(); criteria.len()])[c]
            .push(*v);
    }
    by_ballot.into_values().collect()
}

#[cfg(test)]
mod tests;
