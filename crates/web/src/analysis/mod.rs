//! Analysis of a review: evidence per membership from the answers and the
//! register, the value model and rules that recommend continue, deepen,
//! reduce or terminate with written reasons, SMAA probabilities over the
//! weight intervals, and how far each weight can move. The computation is in
//! the core; this module gathers its inputs. Shared by the page, the API and
//! `oversyn analyse`.

pub mod overrides;
pub mod page;
pub mod report;

pub use page::{api, download, page};

use crate::register::model::Snapshot;
use oversyn_core::analysis::bootstrap::{Ballot, Bootstrap, bootstrap};
use oversyn_core::analysis::fit::assess;
use oversyn_core::analysis::rules::{Outcome, recommend};
use oversyn_core::analysis::smaa::probabilities;
use oversyn_core::analysis::stability::weight_stability;
use oversyn_core::analysis::{Category, Evidence, benefit_from_answers};
use oversyn_core::fees::Fee;
use oversyn_core::followup::travel::{Mode, totals};
use oversyn_core::review::answers::Answer;
use oversyn_core::review::questionnaire::QuestionKind;
use oversyn_core::review::results::by_membership_and_criterion;
use oversyn_core::review::strategy::{Criterion, Weights};
use oversyn_store::reviews::{Override, Review};
use oversyn_store::{Store, StoreError};
use serde::Serialize;
use std::collections::BTreeMap;

/// SMAA draws for pages and commands; the seed makes results repeatable.
pub const DRAWS: usize = 10_000;
pub const SEED: u64 = 2011;
/// Resamples of the respondents per membership for the survey uncertainty.
pub const BOOTSTRAP_DRAWS: usize = 1_000;

#[derive(Debug, Clone, Serialize)]
pub struct Analysed {
    pub evidence: Evidence,
    pub outcome: Outcome,
    pub probabilities: BTreeMap<Category, f64>,
    /// Per criterion, the weight interval within which this membership's category holds.
    pub stability: Vec<(f64, f64)>,
    /// The categories again, resampling respondents instead of weights.
    pub bootstrap: Bootstrap,
    /// The city's goals the organisation's themes serve (see the strategy's goal lines).
    pub served_goals: Vec<String>,
    /// An official's recommendation in place of the analysed one, with its justification.
    pub overridden: Option<Override>,
}

impl Analysed {
    /// The recommendation that stands: the official's where there is one.
    pub fn final_category(&self) -> Category {
        self.overridden
            .as_ref()
            .and_then(|o| o.category)
            .unwrap_or(self.outcome.category)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub review: Review,
    pub criteria: Vec<Criterion>,
    pub weights: Vec<f64>,
    pub intervals: Vec<(f64, f64)>,
    pub memberships: Vec<Analysed>,
}

/// Weight intervals, normalised so their midpoints sum to 1.
fn intervals(weights: &Weights, points: &[f64]) -> Vec<(f64, f64)> {
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

pub async fn analyse(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<Analysis, StoreError> {
    let review = store.review(tenant_id, review_id).await?;
    let strategy = store
        .strategy(tenant_id, review.strategy_id)
        .await?
        .strategy;
    let weights = strategy.point_weights().unwrap_or_else(|| {
        vec![1.0 / strategy.criteria.len().max(1) as f64; strategy.criteria.len()]
    });
    let intervals = intervals(&strategy.weights, &weights);
    let ids = store.review_memberships(review.id).await?;
    let questions = store.questions(review.id).await?;
    let events = store.events(tenant_id).await?;
    let rows = store.answer_rows(tenant_id, review.id).await?;
    let cells = by_membership_and_criterion(&questions, &rows, &ids, &strategy.criteria, 0);
    let snap = Snapshot::load(store, tenant_id).await?;
    let indirect = snap.indirect();
    let mut evidence = Vec::new();
    let mut served = Vec::new();
    let mut ballots = Vec::new();
    for m in ids
        .iter()
        .filter_map(|id| snap.memberships.iter().find(|x| x.id == *id))
    {
        let org = snap.organisation(m.organisation_id);
        let mut benefit = Vec::new();
        let mut median = Vec::new();
        let mut respondents = Vec::new();
        for c in &strategy.criteria {
            let qids: Vec<i64> = questions
                .iter()
                .filter(|q| {
                    q.kind == QuestionKind::Scale && q.criterion.as_deref() == Some(c.key.as_str())
                })
                .map(|q| q.id)
                .collect();
            let values: Vec<u8> = rows
                .iter()
                .filter(|r| r.membership_id == m.id && qids.contains(&r.question_id))
                .filter_map(|r| match r.answer {
                    Answer::Scale(v) => Some(v),
                    _ => None,
                })
                .collect();
            benefit.push(benefit_from_answers(&values));
            let cell = cells
                .iter()
                .find(|x| x.membership_id == m.id && x.criterion == c.key);
            median.push(cell.and_then(|x| x.summary.median));
            respondents.push(cell.map(|x| x.respondents).unwrap_or(0));
        }
        let declined = rows
            .iter()
            .filter(|r| {
                r.membership_id == m.id
                    && questions
                        .iter()
                        .any(|q| q.id == r.question_id && q.kind == QuestionKind::YesNo)
            })
            .filter(|r| r.answer == Answer::YesNo(true))
            .count();
        let themes: Vec<String> = org
            .map(|o| o.themes.iter().map(|t| t.to_lowercase()).collect())
            .unwrap_or_default();
        let fit = assess(&strategy.goals, &themes);
        served.push(fit.served.clone());
        ballots.push(ballots_of(&rows, &questions, &strategy.criteria, m.id));
        // Travel in the year up to the review's closing day, from recorded journeys.
        let year_from = review.closes_on - chrono::Days::new(365);
        let legs: Vec<(Mode, u32)> = events
            .iter()
            .filter(|e| e.fields.organisation_id == m.organisation_id)
            .filter(|e| e.fields.starts_on > year_from && e.fields.starts_on <= review.closes_on)
            .flat_map(|e| e.journeys.iter().map(|j| (j.mode, j.distance_km)))
            .collect();
        let travel = (!legs.is_empty()).then(|| totals(&legs));
        let staff_days: f64 = events
            .iter()
            .filter(|e| e.fields.organisation_id == m.organisation_id)
            .filter(|e| e.fields.starts_on > year_from && e.fields.starts_on <= review.closes_on)
            .map(|e| {
                let days = (e.fields.ends_on - e.fields.starts_on).num_days() + 1;
                let mut people: Vec<&str> =
                    e.journeys.iter().map(|j| j.traveller.as_str()).collect();
                people.sort_unstable();
                people.dedup();
                (days.max(1) as usize * people.len()) as f64
            })
            .sum();
        evidence.push(Evidence {
            membership_id: m.id,
            organisation: snap.org_label(m.organisation_id),
            benefit,
            median,
            respondents,
            criteria_keys: strategy.criteria.iter().map(|c| c.key.clone()).collect(),
            criteria_names_sv: strategy
                .criteria
                .iter()
                .map(|c| c.name_sv.clone())
                .collect(),
            criteria_names_en: strategy
                .criteria
                .iter()
                .map(|c| c.name_en.clone())
                .collect(),
            represented_indirectly_via: indirect
                .iter()
                .find(|i| i.organisation_id == m.organisation_id)
                .map(|i| snap.org_label(i.via_organisation_id)),
            overlaps_with: overlaps(&snap, m.organisation_id),
            development_cooperation_focus: themes
                .iter()
                .any(|t| t.contains("development cooperation")),
            goal_fit: fit.share,
            geography_only: strategy.subject_not_geography && fit.geography_only,
            travel_days: travel.map_or(0.0, |t| t.travel_days),
            staff_days,
            co2_kg: travel.map(|t| t.co2_kg),
            declined_invitations: declined,
            annual_fee_eur: match &m.fee {
                Fee::Amount {
                    minor, currency, ..
                } if currency == "EUR" => Some(*minor as f64 / 100.0),
                _ => None,
            },
        });
    }
    let probs = probabilities(&evidence, &intervals, DRAWS, SEED);
    let overrides = store.overrides(tenant_id, review.id).await?;
    let memberships = evidence
        .iter()
        .zip(probs)
        .zip(ballots.iter().zip(served))
        .map(|((e, p), (b, served_goals))| Analysed {
            outcome: recommend(e, &weights),
            probabilities: p,
            stability: weight_stability(std::slice::from_ref(e), &weights),
            bootstrap: bootstrap(e, b, &weights, BOOTSTRAP_DRAWS, SEED),
            served_goals,
            overridden: overrides
                .iter()
                .find(|o| o.membership_id == e.membership_id)
                .cloned(),
            evidence: e.clone(),
        })
        .collect();
    Ok(Analysis {
        review,
        criteria: strategy.criteria,
        weights,
        intervals,
        memberships,
    })
}

/// Organisations the city is a member of (in force) that `organisation_id`
/// is a section of, or that are sections of it (Metropolis and UCLG).
fn overlaps(snap: &Snapshot, organisation_id: i64) -> Vec<String> {
    use oversyn_core::codes::RelationKind;
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
    rows: &[oversyn_core::review::results::AnswerRow],
    questions: &[oversyn_core::review::questionnaire::Question],
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

/// The `oversyn analyse --json` document (and the API's).
pub fn to_json(a: &Analysis, lang: &str) -> serde_json::Value {
    let memberships: Vec<serde_json::Value> = a
        .memberships
        .iter()
        .map(|m| {
            let e = &m.evidence;
            let benefit: serde_json::Map<String, serde_json::Value> = e.criteria_keys.iter().zip(&e.benefit).map(|(k, b)| (k.clone(), serde_json::json!(b.map(|v| (v * 10.0).round() / 10.0)))).collect();
            let stability: serde_json::Map<String, serde_json::Value> = e.criteria_keys.iter().zip(&m.stability).map(|(k, (l, h))| (k.clone(), serde_json::json!([l, h]))).collect();
            let probabilities: serde_json::Map<String, serde_json::Value> = m.probabilities.iter().map(|(c, p)| (c.code().to_owned(), serde_json::json!(p))).collect();
            serde_json::json!({
                "membership_id": e.membership_id,
                "organisation": e.organisation,
                "benefit": benefit,
                "benefit_index": m.outcome.benefit_index.map(|v| (v * 10.0).round() / 10.0),
                "cost": { "fee": e.annual_fee_eur, "fee_currency": "EUR", "travel_days": e.travel_days, "staff_days": e.staff_days, "co2_kg": e.co2_kg, "declined_invitations": e.declined_invitations, "index": m.outcome.cost_index },
                "fit": e.goal_fit,
                "flags": m.outcome.flags,
                "recommendation": m.outcome.category.code(),
                "reasons": m.outcome.reasons.iter().map(|r| if lang == "en" { r.en.clone() } else { r.sv.clone() }).collect::<Vec<_>>(),
                "probabilities": probabilities,
                "weight_stability": stability,
                "fit_goals": m.served_goals,
                "override": m.overridden.as_ref().map(|o| serde_json::json!({
                    "recommendation": o.category.map(Category::code),
                    "analysed_recommendation": o.analysed_category.code(),
                    "justification": o.justification,
                    "by": o.created_by,
                    "at": o.created_at,
                })),
                "final_recommendation": m.final_category().code(),
                "bootstrap": {
                    "draws": m.bootstrap.draws,
                    "probabilities": m.bootstrap.probabilities.iter().map(|(c, p)| (c.code().to_owned(), serde_json::json!(p))).collect::<serde_json::Map<_, _>>(),
                    "benefit_index_90": m.bootstrap.index_90.map(|(l, h)| [(l * 10.0).round() / 10.0, (h * 10.0).round() / 10.0]),
                },
            })
        })
        .collect();
    serde_json::json!({
        "review": { "id": a.review.id, "title": a.review.title, "illustrative": a.review.illustrative },
        "criteria": a.criteria.iter().map(|c| &c.key).collect::<Vec<_>>(),
        "weights": a.weights,
        "draws": DRAWS,
        "seed": SEED,
        "bootstrap_draws": BOOTSTRAP_DRAWS,
        "no_rank_reversal": oversyn_core::analysis::no_rank_reversal(
            &a.memberships.iter().map(|m| m.evidence.clone()).collect::<Vec<_>>(),
            &a.weights,
        ),
        "memberships": memberships,
    })
}
