//! Analysis of a review: evidence per membership from the answers and the
//! register, the value model and rules that recommend continue, deepen,
//! reduce or terminate with written reasons, SMAA probabilities over the
//! weight intervals, and how far each weight can move. Every rule is in the
//! core; this module loads its inputs. Shared by the page, the API and
//! `oversyn analyse`.

use oversyn_core::Lang;
pub mod report;

use oversyn_core::analysis::bootstrap::{Bootstrap, bootstrap};
use oversyn_core::analysis::evidence::{Inputs, Trip, gather, intervals, point_weights};
use oversyn_core::analysis::rules::{Outcome, recommend};
use oversyn_core::analysis::smaa::probabilities;
use oversyn_core::analysis::stability::weight_stability;
use oversyn_core::analysis::{Category, Evidence};
use oversyn_core::review::strategy::Criterion;
use oversyn_store::reviews::{Override, Review};
use oversyn_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// SMAA draws for pages and commands; the seed makes results repeatable.
pub const DRAWS: usize = 10_000;
pub const SEED: u64 = 2011;
/// Resamples of the respondents per membership for the survey uncertainty.
pub const BOOTSTRAP_DRAWS: usize = 1_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Analysis {
    pub review: Review,
    pub criteria: Vec<Criterion>,
    pub weights: Vec<f64>,
    pub intervals: Vec<(f64, f64)>,
    pub memberships: Vec<Analysed>,
}

/// The analysis of a review, as kept in the database for the tenant's
/// current data, or computed and kept. Every instance shares what one
/// computed; a write to the tenant's data (or the catalogue) makes it
/// compute again.
pub async fn analyse(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<Analysis, StoreError> {
    Ok(analyse_shared(store, tenant_id, review_id)
        .await?
        .as_ref()
        .clone())
}

/// The analysis as kept in this server's memory (reading a national
/// tenant's kept analysis back from JSON takes a millisecond), shared
/// without a copy.
pub async fn analyse_shared(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<std::sync::Arc<Analysis>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "analysis", review_id, today, || {
            analyse_kept(store, tenant_id, review_id)
        })
        .await
}

/// The analysis kept in the database for the tenant's current data, or
/// computed and kept there.
async fn analyse_kept(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<Analysis, StoreError> {
    // Read before the inputs: a write during the computation leaves the
    // kept result under the older stamp, so it is never served as newer.
    let stamp = store.data_versions().await?.stamp(tenant_id);
    let day = chrono::Utc::now().date_naive();
    if let Some(kept) = store
        .kept_analysis(tenant_id, review_id, stamp, day)
        .await?
        && let Ok(a) = serde_json::from_str::<Analysis>(&kept)
        && a.review.id == review_id
    {
        return Ok(a);
    }
    let a = compute(store, tenant_id, review_id).await?;
    // A result that does not read back (a non-finite number) is not kept.
    if let Ok(json) = serde_json::to_string(&a)
        && serde_json::from_str::<Analysis>(&json).is_ok()
    {
        store
            .keep_analysis(tenant_id, review_id, stamp, day, &json)
            .await?;
    }
    Ok(a)
}

/// The analysis of a review computed now: its evidence gathered by the
/// core's rules, then the value model, SMAA, bootstrap and weight
/// stability per membership.
pub async fn compute(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<Analysis, StoreError> {
    let review = store.review(tenant_id, review_id).await?;
    let strategy = store
        .strategy(tenant_id, review.strategy_id)
        .await?
        .strategy;
    let weights = point_weights(&strategy);
    let intervals = intervals(&strategy.weights, &weights);
    let ids = store.covered_memberships(tenant_id, review.id).await?;
    let questions = store.review_questions(tenant_id, review.id).await?;
    let trips: Vec<Trip> = store
        .events(tenant_id)
        .await?
        .into_iter()
        .map(|e| Trip {
            organisation_id: e.fields.organisation_id,
            starts_on: e.fields.starts_on,
            ends_on: e.fields.ends_on,
            journeys: e
                .journeys
                .into_iter()
                .map(|j| (j.traveller, j.mode, j.distance_km))
                .collect(),
        })
        .collect();
    let rows = store.answer_rows(tenant_id, review.id).await?;
    let snap = crate::snapshot(store, tenant_id).await?;
    let gathered = gather(&Inputs {
        strategy: &strategy,
        questions: &questions,
        rows: &rows,
        membership_ids: &ids,
        register: &snap,
        trips: &trips,
        closes_on: review.closes_on,
    });
    let evidence: Vec<Evidence> = gathered.iter().map(|g| g.evidence.clone()).collect();
    let probs = probabilities(&evidence, &intervals, DRAWS, SEED);
    let overrides = store.overrides(tenant_id, review.id).await?;
    let memberships = gathered
        .into_iter()
        .zip(probs)
        .map(|(g, p)| Analysed {
            outcome: recommend(&g.evidence, &weights),
            probabilities: p,
            stability: weight_stability(std::slice::from_ref(&g.evidence), &weights),
            bootstrap: bootstrap(&g.evidence, &g.ballots, &weights, BOOTSTRAP_DRAWS, SEED),
            served_goals: g.served_goals,
            overridden: overrides
                .iter()
                .find(|o| o.membership_id == g.evidence.membership_id)
                .cloned(),
            evidence: g.evidence,
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

/// The `oversyn analyse --json` document (and the API's).
pub fn to_json(a: &Analysis, lang: Lang) -> serde_json::Value {
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
                "cost": { "fee": e.annual_fee.as_ref().map(|f| f.0), "fee_currency": e.annual_fee.as_ref().map(|f| f.1.clone()), "fee_sek": e.annual_fee_sek, "parts": oversyn_core::analysis::cost_parts(e), "travel_days": e.travel_days, "staff_days": e.staff_days, "co2_kg": e.co2_kg, "declined_invitations": e.declined_invitations, "index": m.outcome.cost_index },
                "fit": e.goal_fit,
                "flags": m.outcome.flags,
                "recommendation": m.outcome.category.code(),
                "reasons": m.outcome.reasons.iter().map(|r| lang.pick(&r.sv, &r.en).clone()).collect::<Vec<_>>(),
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
