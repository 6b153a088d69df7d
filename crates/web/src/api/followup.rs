//! API handlers for follow-up: actions with their notice warnings, and events.

use super::auth::ApiUser;
use super::model::List;
use super::problem::Problem;
use crate::AppState;
use axum::Json;
use axum::extract::State;
use oversyn_app::followup::warnings::with_warnings;
use oversyn_core::Lang;
use oversyn_core::followup::travel::{Mode, totals};
use oversyn_core::followup::{ActionKind, ActionStatus};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 2, "kind": "terminate_membership", "title": "Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012.", "organisations": ["Metropolis", "UCLG"], "organisation_ids": [7, 3], "due": null, "effective": "2012-01-01", "status": "planned", "overdue": false, "done_on": null, "owner": "Stadsledningskontoret", "case_id": 1, "point": 2, "warnings": ["UCLG: written notice must reach the organisation by 2011-07-01 for the membership to end on 2012-01-01; the earliest possible end is 2012-03-21."], "notes": ""}))]
pub struct ActionOut {
    pub id: i64,
    pub kind: ActionKind,
    pub title: String,
    /// Organisation labels, e.g. "UCLG".
    pub organisations: Vec<String>,
    pub organisation_ids: Vec<i64>,
    /// The day it must be done by (YYYY-MM-DD).
    pub due: Option<String>,
    /// The day it takes effect, e.g. when a membership ends.
    pub effective: Option<String>,
    pub status: ActionStatus,
    pub overdue: bool,
    pub done_on: Option<String>,
    pub owner: String,
    pub case_id: Option<i64>,
    pub point: Option<u32>,
    /// Notice-period problems, e.g. a planned end the statutes do not allow.
    pub warnings: Vec<String>,
    /// The action's notes; for a membership that ends, the dues owed until the end.
    pub notes: String,
}

/// List actions, soonest first, with notice warnings (in Swedish; `?lang=en` is not needed by scripts).
#[utoipa::path(get, path = "/v1/actions", tag = "follow-up", security(("bearer" = [])),
    responses((status = 200, body = List<ActionOut>), (status = 401, body = Problem)))]
pub async fn list_actions(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<Json<List<ActionOut>>, Problem> {
    let today = chrono::Utc::now().date_naive();
    let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let data = with_warnings(&s.store, u.tenant(), Lang::En)
        .await?
        .into_iter()
        .map(|(a, warnings)| ActionOut {
            id: a.id,
            kind: a.fields.kind,
            title: a.fields.title.clone(),
            organisations: a.action.organisations.clone(),
            organisation_ids: a.fields.organisation_ids.clone(),
            due: d(a.fields.due),
            effective: d(a.fields.effective),
            status: a.fields.status,
            overdue: a.action.overdue(today),
            done_on: d(a.fields.done_on),
            owner: a.fields.owner.clone(),
            case_id: a.fields.case_id,
            point: a.fields.point,
            warnings,
            notes: a.fields.notes.clone(),
        })
        .collect();
    Ok(Json(List { data }))
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "organisation_id": 7, "kind": "congress", "title": "Metropolis världskongress 2011", "starts_on": "2011-11-23", "ends_on": "2011-11-26", "place": "Porto Alegre, Brasilien", "remote": false, "stream_url": null, "journeys": 2, "co2_kg": 2621.6, "travel_days": 5.0}))]
pub struct EventOut {
    pub id: i64,
    pub organisation_id: i64,
    pub kind: String,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
    pub remote: bool,
    pub stream_url: Option<String>,
    pub journeys: usize,
    pub co2_kg: f64,
    pub travel_days: f64,
}

/// List events (congresses, board meetings) with travel totals.
#[utoipa::path(get, path = "/v1/events", tag = "follow-up", security(("bearer" = [])),
    responses((status = 200, body = List<EventOut>), (status = 401, body = Problem)))]
pub async fn list_events(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<Json<List<EventOut>>, Problem> {
    let data = oversyn_app::followup::events(&s.store, u.tenant())
        .await?
        .iter()
        .map(|e| {
            let legs: Vec<(Mode, u32)> =
                e.journeys.iter().map(|j| (j.mode, j.distance_km)).collect();
            let t = totals(&legs);
            EventOut {
                id: e.id,
                organisation_id: e.fields.organisation_id,
                kind: e.fields.kind.clone(),
                title: e.fields.title.clone(),
                starts_on: e.fields.starts_on.to_string(),
                ends_on: e.fields.ends_on.to_string(),
                place: e.fields.place.clone(),
                remote: e.fields.remote,
                stream_url: e.fields.stream_url.clone(),
                journeys: t.journeys,
                co2_kg: t.co2_kg,
                travel_days: t.travel_days,
            }
        })
        .collect();
    Ok(Json(List { data }))
}
