//! API handlers for reviews: the list with response counts, and results.

use super::auth::ApiUser;
use super::model::List;
use super::problem::Problem;
use crate::AppState;
use crate::reviews::Progress;
use crate::reviews::results::compute;

use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "organisation": {"id": 3, "slug": "uclg", "name": "United Cities and Local Governments", "acronym": "UCLG"}, "responses": {"respondents": 6, "invited": 6, "opened": 6, "answered": 6}}))]
pub struct ReviewMembership {
    pub id: i64,
    pub organisation: super::model::OrgRef,
    pub responses: Progress,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "title": "Översyn 2011", "opens_on": "2011-01-17", "closes_on": "2011-02-18", "anonymous": false, "illustrative": true, "strategy_id": 1, "memberships": [], "responses": {"respondents": 24, "invited": 24, "opened": 24, "answered": 24}}))]
pub struct ReviewOut {
    pub id: i64,
    pub title: String,
    pub opens_on: String,
    pub closes_on: String,
    pub anonymous: bool,
    /// The answers are illustrative (demo), not real.
    pub illustrative: bool,
    pub strategy_id: i64,
    pub memberships: Vec<ReviewMembership>,
    pub responses: Progress,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"membership_id": 3, "organisation": {"id": 3, "slug": "uclg", "name": "United Cities and Local Governments", "acronym": "UCLG"}, "criterion": "influence", "criterion_name": "Influence", "respondents": 6, "n": 6, "dont_know": 0, "distribution": [1, 3, 2, 0, 0], "median": 2.0, "median_ci": [1.0, 3.0], "mean": 2.17, "mean_ci": [1.4, 2.9], "share_agree": 0.0, "share_agree_ci": [0.0, 0.39], "rwg": 0.72, "suppressed": false}))]
pub struct ResultOut {
    pub membership_id: i64,
    pub organisation: super::model::OrgRef,
    pub criterion: String,
    pub criterion_name: String,
    /// Distinct respondents.
    pub respondents: usize,
    pub n: usize,
    pub dont_know: usize,
    pub distribution: [usize; 5],
    pub median: Option<f64>,
    pub median_ci: Option<(f64, f64)>,
    pub mean: Option<f64>,
    pub mean_ci: Option<(f64, f64)>,
    pub share_agree: Option<f64>,
    pub share_agree_ci: Option<(f64, f64)>,
    pub rwg: Option<f64>,
    pub suppressed: bool,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"review_id": 1, "title": "Översyn 2011", "min_group": 3, "results": [{"membership_id": 3, "organisation": {"id": 3, "slug": "uclg", "name": "United Cities and Local Governments", "acronym": "UCLG"}, "criterion": "influence", "criterion_name": "Influence", "respondents": 6, "n": 6, "dont_know": 0, "distribution": [1, 3, 2, 0, 0], "median": 2.0, "median_ci": [1.0, 3.0], "mean": 2.17, "mean_ci": [1.4, 2.9], "share_agree": 0.0, "share_agree_ci": [0.0, 0.39], "rwg": 0.72, "suppressed": false}]}))]
pub struct ResultsOut {
    pub review_id: i64,
    pub title: String,
    pub min_group: i64,
    pub results: Vec<ResultOut>,
}

/// List reviews, each with its memberships and response counts.
#[utoipa::path(get, path = "/v1/reviews", tag = "reviews", security(("bearer" = [])),
    responses((status = 200, body = List<ReviewOut>), (status = 401, body = Problem)))]
pub async fn list_reviews(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<axum::response::Response, Problem> {
    let t = u.tenant();
    crate::kept::json(&s.store, t, "api reviews", (0, 0), || reviews_out(&s, t)).await
}

async fn reviews_out(s: &AppState, t: i64) -> Result<List<ReviewOut>, Problem> {
    let snap = oversyn_app::snapshot(&s.store, t).await?;
    let mut data = Vec::new();
    for r in s.store.reviews(t).await? {
        let respondents = oversyn_app::reviews::respondents(&s.store, t, r.id).await?;
        let memberships = s
            .store
            .covered_memberships(t, r.id)
            .await?
            .into_iter()
            .filter_map(|id| snap.memberships.iter().find(|m| m.id == id))
            .map(|m| ReviewMembership {
                id: m.id,
                organisation: super::model::OrgRef::of(&snap, m.organisation_id),
                responses: Progress::of(
                    respondents.iter().filter(|x| x.memberships.contains(&m.id)),
                ),
            })
            .collect();
        data.push(ReviewOut {
            id: r.id,
            title: r.title.clone(),
            opens_on: r.opens_on.to_string(),
            closes_on: r.closes_on.to_string(),
            anonymous: r.anonymous,
            illustrative: r.illustrative,
            strategy_id: r.strategy_id,
            memberships,
            responses: Progress::of(respondents.iter()),
        });
    }
    Ok(List { data })
}

/// A review's statistics per membership × criterion.
#[utoipa::path(get, path = "/v1/reviews/{id}/results", tag = "reviews", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ResultsOut), (status = 404, body = Problem)))]
pub async fn results(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> Result<axum::response::Response, Problem> {
    // The same for every caller of the tenant (73 KB for a national review).
    crate::kept::json(&s.store, u.tenant(), "api review results", (id, 0), || {
        results_out(&s, u.tenant(), id)
    })
    .await
}

async fn results_out(s: &AppState, tenant: i64, id: i64) -> Result<ResultsOut, Problem> {
    let r = compute(s, tenant, id).await?;
    let snap = oversyn_app::snapshot(&s.store, tenant).await?;
    let results = r
        .cells
        .iter()
        .map(|c| {
            let m = r.memberships.iter().find(|m| m.id == c.membership_id);
            let criterion = r.criteria.iter().find(|x| x.key == c.criterion);
            ResultOut {
                membership_id: c.membership_id,
                organisation: super::model::OrgRef::of(
                    &snap,
                    m.map(|m| m.organisation_id).unwrap_or_default(),
                ),
                criterion: c.criterion.clone(),
                criterion_name: criterion.map(|x| x.name_en.clone()).unwrap_or_default(),
                respondents: c.respondents,
                n: c.summary.n,
                dont_know: c.summary.dont_know,
                distribution: c.summary.distribution,
                median: c.summary.median,
                median_ci: c.summary.median_ci,
                mean: c.summary.mean,
                mean_ci: c.summary.mean_ci,
                share_agree: c.summary.share_agree,
                share_agree_ci: c.summary.share_agree_ci,
                rwg: c.summary.rwg,
                suppressed: c.summary.suppressed,
            }
        })
        .collect();
    Ok(ResultsOut {
        review_id: r.review.id,
        title: r.review.title.clone(),
        min_group: r.review.min_group,
        results,
    })
}
