//! API for the tenant's profile: how it names itself in its documents.
//! Any signed-in role reads it; admins change it.

use super::auth::{ApiAdmin, ApiUser};
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::State;
use oversyn_core::profile::{Profile, ProfileInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"kind": "municipality", "office_sv": "Kommunledningskontoret", "office_en": "Municipal Executive Office", "office_email": "internationellt@uppsala.se", "place": "Uppsala", "body_sv": "Kommunstyrelsen", "body_en": "Municipal Executive Board", "council_sv": "Kommunfullmäktige", "council_en": "Municipal Council", "strategy_reference": "Internationell policy (KF 2019-06-10 § 112)"}))]
pub struct ProfileJson {
    /// city, municipality or region: how documents refer to the tenant ("staden", "kommunen", "regionen").
    pub kind: String,
    /// The office that prepares cases and carries out decisions.
    pub office_sv: String,
    pub office_en: String,
    /// Where the office takes e-mail: derived actions go to it, with their reminders; may be empty.
    #[serde(default)]
    pub office_email: String,
    /// Where documents are signed ("Uppsala den 8 september 2026").
    pub place: String,
    /// The body that holds the memberships and decides on them.
    pub body_sv: String,
    pub body_en: String,
    /// The council a membership case goes on to; empty when the body decides alone.
    #[serde(default)]
    pub council_sv: String,
    #[serde(default)]
    pub council_en: String,
    /// The strategy for international work as the tenant cites it; may be empty.
    #[serde(default)]
    pub strategy_reference: String,
}

impl From<&Profile> for ProfileJson {
    fn from(p: &Profile) -> Self {
        let i = ProfileInput::from(p);
        ProfileJson {
            kind: i.kind,
            office_sv: i.office_sv,
            office_en: i.office_en,
            office_email: i.office_email,
            place: i.place,
            body_sv: i.body_sv,
            body_en: i.body_en,
            council_sv: i.council_sv,
            council_en: i.council_en,
            strategy_reference: i.strategy_reference,
        }
    }
}

/// The tenant's profile (its defaults until an admin saves one).
#[utoipa::path(get, path = "/v1/profile", operation_id = "get_profile", tag = "settings", security(("bearer" = [])),
    responses((status = 200, body = ProfileJson), (status = 401, body = Problem)))]
pub async fn get_profile(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<Json<ProfileJson>, Problem> {
    Ok(Json(ProfileJson::from(&s.store.profile(u.tenant()).await?)))
}

/// Replace the tenant's profile (admins); every field is checked and nothing is saved on an error.
#[utoipa::path(put, path = "/v1/profile", operation_id = "set_profile", tag = "settings", security(("bearer" = [])), request_body = ProfileJson,
    responses((status = 200, body = ProfileJson), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn set_profile(
    State(s): State<AppState>,
    u: ApiAdmin,
    ApiJson(p): ApiJson<ProfileJson>,
) -> Result<Json<ProfileJson>, Problem> {
    let input = ProfileInput {
        kind: p.kind,
        office_sv: p.office_sv,
        office_en: p.office_en,
        office_email: p.office_email,
        place: p.place,
        body_sv: p.body_sv,
        body_en: p.body_en,
        council_sv: p.council_sv,
        council_en: p.council_en,
        strategy_reference: p.strategy_reference,
    };
    let profile = input.parse().map_err(|e| Problem::invalid(&e))?;
    s.store.set_profile(&u.actor(), &profile).await?;
    Ok(Json(ProfileJson::from(&profile)))
}
