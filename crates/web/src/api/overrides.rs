//! API for an official's override of an analysed recommendation: the
//! history of a review's overrides and recording a new one.

use super::auth::{ApiUser, ApiWriter};
use super::model::List;
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use oversyn_app::analysis::analyse;
use oversyn_core::analysis::Category;
use oversyn_store::reviews::Override;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "review_id": 1, "membership_id": 2, "recommendation": "continue", "analysed_recommendation": "terminate", "justification": "The board seat ends in 2013; leaving before then wastes the seat.", "by": "official@stockholm.se", "at": "2011-03-01T10:00:00Z"}))]
pub struct OverrideOut {
    pub id: i64,
    pub review_id: i64,
    pub membership_id: i64,
    /// The official's recommendation; null when it was handed back to the analysis.
    pub recommendation: Option<String>,
    /// What the analysis recommended when the override was made.
    pub analysed_recommendation: String,
    pub justification: String,
    pub by: String,
    pub at: String,
}

impl From<Override> for OverrideOut {
    fn from(o: Override) -> Self {
        OverrideOut {
            id: o.id,
            review_id: o.review_id,
            membership_id: o.membership_id,
            recommendation: o.category.map(|c| c.code().to_owned()),
            analysed_recommendation: o.analysed_category.code().to_owned(),
            justification: o.justification,
            by: o.created_by,
            at: o.created_at,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"membership_id": 2, "recommendation": "continue", "justification": "The board seat ends in 2013; leaving before then wastes the seat."}))]
pub struct OverrideIn {
    pub membership_id: i64,
    /// deepen, continue, reduce or terminate; null hands the recommendation back to the analysis.
    pub recommendation: Option<String>,
    /// Why, at least 10 characters; kept with the override.
    pub justification: String,
}

/// Every override of the review's recommendations, oldest first; the latest per membership is in force.
#[utoipa::path(get, path = "/v1/reviews/{id}/overrides", operation_id = "override_history", tag = "reviews", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = List<OverrideOut>), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn history(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<List<OverrideOut>>, Problem> {
    let review = s.store.review(u.tenant(), id).await?;
    let data = s.store.override_history(u.tenant(), review.id).await?;
    Ok(Json(List {
        data: data.into_iter().map(Into::into).collect(),
    }))
}

/// Override the analysed recommendation for one membership, with a justification (editors and admins).
#[utoipa::path(post, path = "/v1/reviews/{id}/overrides", tag = "reviews", security(("bearer" = [])), params(("id" = i64, Path)), request_body = OverrideIn,
    responses((status = 201, body = OverrideOut), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn record(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(o): ApiJson<OverrideIn>,
) -> Result<Response, Problem> {
    let actor = u.actor();
    let chosen = match o.recommendation.as_deref() {
        None => None,
        Some(code) => Some(
            Category::DECIDED
                .into_iter()
                .find(|c| c.code() == code)
                .ok_or_else(|| {
                    Problem::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        format!("recommendation: \"{code}\" is none of deepen, continue, reduce, terminate"),
                    )
                })?,
        ),
    };
    let analysis = analyse(&s.store, u.tenant(), id).await?;
    let analysed = analysis
        .memberships
        .iter()
        .find(|m| m.evidence.membership_id == o.membership_id)
        .map_or(Category::InsufficientEvidence, |m| m.outcome.category);
    let saved = s
        .store
        .record_override(
            &actor,
            id,
            o.membership_id,
            chosen,
            analysed,
            &o.justification,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(OverrideOut::from(saved))).into_response())
}
