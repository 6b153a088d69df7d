//! The register as Popolo JSON over the API.

use super::auth::ApiUser;
use super::problem::Problem;
use crate::AppState;

use axum::extract::State;

/// The tenant's register as a Popolo document (organizations, persons, posts, memberships).
#[utoipa::path(get, path = "/v1/popolo", tag = "open data", security(("bearer" = [])),
    responses((status = 200, description = "A Popolo document", body = Object, example = json!({"meta": {"generator": "Översyn", "tenant": "stockholm", "licence": "CC0 1.0"}, "organizations": [{"id": "city", "name": "Stockholms stad", "classification": "municipality"}, {"id": "org:uclg", "name": "United Cities and Local Governments", "classification": "city_network", "abbreviation": "UCLG"}], "persons": [], "posts": [], "memberships": [{"id": "membership:1", "member": {"@type": "Organization", "id": "body:kommunstyrelsen"}, "organization_id": "org:uclg", "role": "full"}]})), (status = 401, body = Problem)))]
pub async fn popolo(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<axum::response::Response, Problem> {
    // The same for every caller of the tenant: serialised once per state
    // of its data.
    crate::kept::json(&s.store, u.tenant(), "api popolo", (0, 0), || async {
        Ok::<_, Problem>(oversyn_app::opendata::popolo::export_tenant(&s.store, u.tenant()).await?)
    })
    .await
}
