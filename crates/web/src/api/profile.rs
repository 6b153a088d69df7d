//! API for the tenant's profile: how it names itself in its documents.
//! Any signed-in role reads it; admins change it. The JSON is the core's
//! [`ProfileInput`], the same shape the form sends.

use super::auth::{ApiAdmin, ApiUser};
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::State;
use oversyn_core::profile::ProfileInput;

/// The tenant's profile (its defaults until an admin saves one).
#[utoipa::path(get, path = "/v1/profile", operation_id = "get_profile", tag = "settings", security(("bearer" = [])),
    responses((status = 200, body = ProfileInput), (status = 401, body = Problem)))]
pub async fn get_profile(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<Json<ProfileInput>, Problem> {
    Ok(Json(ProfileInput::from(
        &s.store.profile(u.tenant()).await?,
    )))
}

/// Replace the tenant's profile (admins); every field is checked and nothing is saved on an error.
#[utoipa::path(put, path = "/v1/profile", operation_id = "set_profile", tag = "settings", security(("bearer" = [])), request_body = ProfileInput,
    responses((status = 200, body = ProfileInput), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn set_profile(
    State(s): State<AppState>,
    u: ApiAdmin,
    ApiJson(input): ApiJson<ProfileInput>,
) -> Result<Json<ProfileInput>, Problem> {
    let profile = input.parse().map_err(|e| Problem::invalid(&e))?;
    s.store.set_profile(&u.actor(), &profile).await?;
    Ok(Json(ProfileInput::from(&profile)))
}
