//! API handlers for people over time: a person's terms of office, and who
//! represents the tenant on a given day, by the side each held that day.

use super::auth::{ApiUser, ApiWriter};
use super::model::List;
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use oversyn_core::Code;
use oversyn_core::followup::representation::{Representation, Tally};
use oversyn_core::register::terms::{Term, TermInput};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "person_id": 9, "body": "Kommunstyrelsen", "role": "borgarråd", "from": "2010-11-01", "to": "2014-10-14", "side": "majority", "version": 1}))]
pub struct TermOut {
    pub id: i64,
    pub person_id: i64,
    pub body: String,
    /// borgarråd, ledamot, ersättare …
    pub role: String,
    pub from: String,
    /// Null while the term runs.
    pub to: Option<String>,
    /// majority, opposition or null.
    pub side: Option<String>,
    pub version: i64,
}

impl From<&Term> for TermOut {
    fn from(t: &Term) -> Self {
        TermOut {
            id: t.id,
            person_id: t.person_id,
            body: t.body.clone(),
            role: t.role.clone(),
            from: t.from.to_string(),
            to: t.to.map(|d| d.to_string()),
            side: t.side.map(|s| s.code().to_owned()),
            version: t.version,
        }
    }
}

/// A person's terms of office, oldest first.
#[utoipa::path(get, path = "/v1/persons/{id}/terms", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = List<TermOut>), (status = 404, body = Problem)))]
pub async fn list_terms(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<List<TermOut>>, Problem> {
    s.store.person(u.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(List {
        data: snap
            .terms
            .iter()
            .filter(|t| t.person_id == id)
            .map(Into::into)
            .collect(),
    }))
}

/// Add a term of office (editors); it may not overlap another of the
/// person's terms in the same body.
#[utoipa::path(post, path = "/v1/persons/{id}/terms", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    request_body(content = TermInput, example = json!({"body": "Kommunstyrelsen", "role": "borgarråd", "from": "2010-11-01", "to": "2014-10-14", "side": "majority"})),
    responses((status = 201, body = TermOut), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create_term(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<TermInput>,
) -> Result<Response, Problem> {
    let c = input.parse().map_err(|e| Problem::invalid(&e))?;
    let t = s.store.create_term(&u.actor(), id, &c).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/persons/{id}/terms"))],
        Json(TermOut::from(&t)),
    )
        .into_response())
}

/// Remove a term entered by mistake (editors).
#[utoipa::path(delete, path = "/v1/terms/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_term(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
) -> Result<StatusCode, Problem> {
    s.store.delete_term(&u.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct OnQuery {
    /// YYYY-MM-DD; today when left out.
    pub on: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"seats": 3, "majority": 2, "opposition": 0, "other": 1, "by_party": {"M": 2}}))]
pub struct TallyOut {
    pub seats: usize,
    pub majority: usize,
    pub opposition: usize,
    pub other: usize,
    pub by_party: std::collections::BTreeMap<String, usize>,
}

impl From<&Tally> for TallyOut {
    fn from(t: &Tally) -> Self {
        TallyOut {
            seats: t.seats,
            majority: t.majority,
            opposition: t.opposition,
            other: t.other,
            by_party: t.by_party.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"on": "2011-09-21", "overall": {"seats": 3, "majority": 2, "opposition": 0, "other": 1, "by_party": {"M": 2}}, "organisations": {"EUROCITIES": {"seats": 1, "majority": 1, "opposition": 0, "other": 0, "by_party": {"M": 1}}}}))]
pub struct RepresentationOut {
    pub on: String,
    pub overall: TallyOut,
    pub organisations: std::collections::BTreeMap<String, TallyOut>,
}

/// Who held the tenant's seats on a day, counted by party and by the side
/// each holder was on that day (from their terms of office).
#[utoipa::path(get, path = "/v1/representation", tag = "register", security(("bearer" = [])), params(OnQuery),
    responses((status = 200, body = RepresentationOut), (status = 400, body = Problem)))]
pub async fn representation(
    State(s): State<AppState>,
    u: ApiUser,
    Query(q): Query<OnQuery>,
) -> Result<Json<RepresentationOut>, Problem> {
    let on = match q.on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => chrono::Utc::now().date_naive(),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
            Problem::new(
                StatusCode::BAD_REQUEST,
                "`on` must be a date written YYYY-MM-DD.",
            )
        })?,
    };
    let r: Representation =
        crate::followup::representation::representation_on(&s, u.tenant(), on).await?;
    Ok(Json(RepresentationOut {
        on: on.to_string(),
        overall: (&r.overall).into(),
        organisations: r
            .organisations
            .iter()
            .map(|(k, v)| (k.clone(), v.into()))
            .collect(),
    }))
}
