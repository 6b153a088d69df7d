//! The register as Popolo JSON over the API.

use super::auth::ApiUser;
use super::problem::Problem;
use crate::AppState;
use axum::Json;
use axum::extract::State;

/// The tenant's register as a Popolo document (organizations, persons, posts, memberships).
#[utoipa::path(get, path = "/api/v1/popolo", tag = "open data", security(("bearer" = [])),
    responses((status = 200, description = "A Popolo document: meta, organizations, persons, posts, memberships"), (status = 401, body = Problem)))]
pub async fn popolo(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<Json<oversyn_core::opendata::popolo::Document>, Problem> {
    Ok(Json(
        crate::opendata::popolo::export_tenant(&s.store, u.tenant()).await?,
    ))
}
