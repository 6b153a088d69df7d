//! API handlers for the register: organisations, memberships (direct and
//! indirect), persons, bodies, seats, and each record's history.

use super::auth::{ApiUser, ApiWriter};
use super::model::*;
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use oversyn_core::FieldErrors;
use oversyn_core::register::input::{
    BodyInput, EndInput, MembershipInput, OrganisationInput, PersonInput, SeatInput,
};

type ApiResult<T> = Result<T, Problem>;

fn created<T: serde::Serialize>(location: String, body: T) -> Response {
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

fn invalid(e: FieldErrors) -> Problem {
    Problem::invalid(&e)
}

fn end_input(b: EndBody) -> EndInput {
    EndInput {
        date: b.date,
        version: b.version.map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// List the organisations the tenant can see: the shared catalogue and its own.
#[utoipa::path(get, path = "/v1/organisations", tag = "register", security(("bearer" = [])),
    responses((status = 200, body = List<OrganisationOut>), (status = 401, body = Problem)))]
pub async fn list_organisations(State(s): State<AppState>, u: ApiUser) -> ApiResult<Response> {
    // The same for every caller of the tenant: serialised once per state
    // of its data.
    crate::kept::json(
        &s.store,
        u.tenant(),
        "api organisations",
        (0, 0),
        || async {
            let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
            Ok::<_, Problem>(List::<OrganisationOut> {
                data: snap.organisations.iter().map(Into::into).collect(),
            })
        },
    )
    .await
}

/// One organisation.
#[utoipa::path(get, path = "/v1/organisations/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationOut), (status = 404, body = Problem)))]
pub async fn get_organisation(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<OrganisationOut>> {
    Ok(Json((&s.store.organisation(u.tenant(), id).await?).into()))
}

/// Add an organisation of the tenant's own (editors).
#[utoipa::path(post, path = "/v1/organisations", tag = "register", security(("bearer" = [])), request_body(content = OrganisationInput, example = json!({"name": "ICLEI – Local Governments for Sustainability", "acronym": "ICLEI", "aliases": "", "kind": "city_network", "headquarters": "Bonn", "founded": "1990", "website": "https://iclei.org", "themes": "climate, sustainability", "notice_months": "", "written_notice": "", "notice_valid_from": "", "fee_basis": "", "version": ""})),
    responses((status = 201, body = OrganisationOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_organisation(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(input): ApiJson<OrganisationInput>,
) -> ApiResult<Response> {
    let actor = u.actor();
    let o = s
        .store
        .create_organisation(&actor, &input.parse().map_err(invalid)?)
        .await?;
    Ok(created(
        format!("/api/v1/organisations/{}", o.id),
        OrganisationOut::from(&o),
    ))
}

/// Edit an organisation: the tenant's own, or (platform admins) a catalogue entry.
#[utoipa::path(put, path = "/v1/organisations/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body(content = OrganisationInput, example = json!({"name": "ICLEI – Local Governments for Sustainability", "acronym": "ICLEI", "aliases": "", "kind": "city_network", "headquarters": "Bonn", "founded": "1990", "website": "https://iclei.org", "themes": "climate, sustainability", "notice_months": "", "written_notice": "", "notice_valid_from": "", "fee_basis": "", "version": ""})),
    responses((status = 200, body = OrganisationOut), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_organisation(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<OrganisationInput>,
) -> ApiResult<Json<OrganisationOut>> {
    let actor = u.actor();
    let o = s
        .store
        .update_organisation(
            &actor,
            id,
            &input.parse().map_err(invalid)?,
            u.0.platform_admin,
        )
        .await?;
    Ok(Json((&o).into()))
}

/// List memberships: the tenant's own (`direct`) and those it has through
/// organisations it belongs to (`indirect`, with `via`).
#[utoipa::path(get, path = "/v1/memberships", tag = "register", security(("bearer" = [])),
    responses((status = 200, body = List<MembershipOut>), (status = 401, body = Problem)))]
pub async fn list_memberships(State(s): State<AppState>, u: ApiUser) -> ApiResult<Response> {
    crate::kept::json(&s.store, u.tenant(), "api memberships", (0, 0), || async {
        let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
        let mut data: Vec<MembershipOut> = snap
            .memberships
            .iter()
            .map(|m| MembershipOut::direct(&snap, m))
            .collect();
        data.extend(
            snap.indirect()
                .iter()
                .map(|i| MembershipOut::indirect(&snap, i)),
        );
        Ok::<_, Problem>(List { data })
    })
    .await
}

/// One membership.
#[utoipa::path(get, path = "/v1/memberships/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = MembershipOut), (status = 404, body = Problem)))]
pub async fn get_membership(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<MembershipOut>> {
    let m = s.store.membership(u.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(MembershipOut::direct(&snap, &m)))
}

/// Add a membership (editors).
#[utoipa::path(post, path = "/v1/memberships", tag = "register", security(("bearer" = [])), request_body(content = MembershipInput, example = json!({"body_id": "2", "organisation_id": "5", "mtype": "full", "status": "active", "since": "2012-01-01", "until": "", "fee_kind": "amount", "fee_amount": "16 000", "fee_currency": "EUR", "fee_year": "2012", "fee_illustrative": "", "contact_person_id": "", "notes": "", "version": ""})),
    responses((status = 201, body = MembershipOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_membership(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(input): ApiJson<MembershipInput>,
) -> ApiResult<Response> {
    let actor = u.actor();
    let m = s
        .store
        .create_membership(&actor, &input.parse().map_err(invalid)?)
        .await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(created(
        format!("/api/v1/memberships/{}", m.id),
        MembershipOut::direct(&snap, &m),
    ))
}

/// Edit a membership; send `version` to refuse overwriting someone else's change.
#[utoipa::path(put, path = "/v1/memberships/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body(content = MembershipInput, example = json!({"body_id": "2", "organisation_id": "5", "mtype": "full", "status": "active", "since": "2012-01-01", "until": "", "fee_kind": "amount", "fee_amount": "16 000", "fee_currency": "EUR", "fee_year": "2012", "fee_illustrative": "", "contact_person_id": "", "notes": "", "version": ""})),
    responses((status = 200, body = MembershipOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_membership(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<MembershipInput>,
) -> ApiResult<Json<MembershipOut>> {
    let actor = u.actor();
    let m = s
        .store
        .update_membership(&actor, id, &input.parse().map_err(invalid)?)
        .await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(MembershipOut::direct(&snap, &m)))
}

/// End a membership on a date: `ended` if the date has come, else `notice_given`.
#[utoipa::path(post, path = "/v1/memberships/{id}/end", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body = EndBody,
    responses((status = 200, body = MembershipOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn end_membership(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<EndBody>,
) -> ApiResult<Json<MembershipOut>> {
    let actor = u.actor();
    let m = s.store.membership(u.tenant(), id).await?;
    let (date, version) = end_input(body).parse(m.since).map_err(invalid)?;
    let m = s
        .store
        .end_membership(&actor, id, date, chrono::Utc::now().date_naive(), version)
        .await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(MembershipOut::direct(&snap, &m)))
}

/// List the tenant's persons.
#[utoipa::path(get, path = "/v1/persons", tag = "register", security(("bearer" = [])),
    responses((status = 200, body = List<PersonOut>), (status = 401, body = Problem)))]
pub async fn list_persons(
    State(s): State<AppState>,
    u: ApiUser,
) -> ApiResult<Json<List<PersonOut>>> {
    Ok(Json(List {
        data: s
            .store
            .persons(u.tenant())
            .await?
            .iter()
            .map(Into::into)
            .collect(),
    }))
}

/// One person.
#[utoipa::path(get, path = "/v1/persons/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PersonOut), (status = 404, body = Problem)))]
pub async fn get_person(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<PersonOut>> {
    Ok(Json((&s.store.person(u.tenant(), id).await?).into()))
}

/// Add a person (editors).
#[utoipa::path(post, path = "/v1/persons", tag = "register", security(("bearer" = [])), request_body(content = PersonInput, example = json!({"name": "Karin Wanngård", "kind": "politician", "party": "S", "side": "opposition", "department": "", "email": "", "version": ""})),
    responses((status = 201, body = PersonOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_person(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(input): ApiJson<PersonInput>,
) -> ApiResult<Response> {
    let actor = u.actor();
    let p = s
        .store
        .create_person(&actor, &input.parse().map_err(invalid)?)
        .await?;
    Ok(created(
        format!("/api/v1/persons/{}", p.id),
        PersonOut::from(&p),
    ))
}

/// Edit a person.
#[utoipa::path(put, path = "/v1/persons/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body(content = PersonInput, example = json!({"name": "Karin Wanngård", "kind": "politician", "party": "S", "side": "opposition", "department": "", "email": "", "version": ""})),
    responses((status = 200, body = PersonOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_person(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<PersonInput>,
) -> ApiResult<Json<PersonOut>> {
    let actor = u.actor();
    Ok(Json(
        (&s.store
            .update_person(&actor, id, &input.parse().map_err(invalid)?)
            .await?)
            .into(),
    ))
}

/// List the tenant's bodies.
#[utoipa::path(get, path = "/v1/bodies", tag = "register", security(("bearer" = [])),
    responses((status = 200, body = List<BodyOut>), (status = 401, body = Problem)))]
pub async fn list_bodies(State(s): State<AppState>, u: ApiUser) -> ApiResult<Json<List<BodyOut>>> {
    Ok(Json(List {
        data: s
            .store
            .bodies(u.tenant())
            .await?
            .iter()
            .map(Into::into)
            .collect(),
    }))
}

/// One body.
#[utoipa::path(get, path = "/v1/bodies/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = BodyOut), (status = 404, body = Problem)))]
pub async fn get_body(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<BodyOut>> {
    Ok(Json((&s.store.body(u.tenant(), id).await?).into()))
}

/// Add a body (editors).
#[utoipa::path(post, path = "/v1/bodies", tag = "register", security(("bearer" = [])), request_body(content = BodyInput, example = json!({"name": "Kommunstyrelsen", "kind": "executive_board", "abbreviation": "KS", "version": ""})),
    responses((status = 201, body = BodyOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_body(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(input): ApiJson<BodyInput>,
) -> ApiResult<Response> {
    let actor = u.actor();
    let b = s
        .store
        .create_body(&actor, &input.parse().map_err(invalid)?)
        .await?;
    Ok(created(
        format!("/api/v1/bodies/{}", b.id),
        BodyOut::from(&b),
    ))
}

/// Edit a body.
#[utoipa::path(put, path = "/v1/bodies/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body(content = BodyInput, example = json!({"name": "Kommunstyrelsen", "kind": "executive_board", "abbreviation": "KS", "version": ""})),
    responses((status = 200, body = BodyOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_body(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<BodyInput>,
) -> ApiResult<Json<BodyOut>> {
    let actor = u.actor();
    Ok(Json(
        (&s.store
            .update_body(&actor, id, &input.parse().map_err(invalid)?)
            .await?)
            .into(),
    ))
}

/// List seats and participation.
#[utoipa::path(get, path = "/v1/seats", tag = "register", security(("bearer" = [])),
    responses((status = 200, body = List<SeatOut>), (status = 401, body = Problem)))]
pub async fn list_seats(State(s): State<AppState>, u: ApiUser) -> ApiResult<Json<List<SeatOut>>> {
    Ok(Json(List {
        data: s
            .store
            .seats(u.tenant())
            .await?
            .iter()
            .map(Into::into)
            .collect(),
    }))
}

/// One seat.
#[utoipa::path(get, path = "/v1/seats/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = SeatOut), (status = 404, body = Problem)))]
pub async fn get_seat(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<SeatOut>> {
    Ok(Json((&s.store.seat(u.tenant(), id).await?).into()))
}

/// Add a seat or participation (editors). The person must be the tenant's.
#[utoipa::path(post, path = "/v1/seats", tag = "register", security(("bearer" = [])), request_body(content = SeatInput, example = json!({"organisation_id": "7", "person_id": "9", "kind": "board_seat", "org_body": "Board of Directors", "title": "Styrelseledamot", "from": "2010-11-01", "until": "2011-11-23", "notes": "", "appointed_by": "KS 2010-12-15 § 9", "deputy_person_id": "", "version": ""})),
    responses((status = 201, body = SeatOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_seat(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(input): ApiJson<SeatInput>,
) -> ApiResult<Response> {
    let actor = u.actor();
    let seat = s
        .store
        .create_seat(&actor, &input.parse().map_err(invalid)?)
        .await?;
    Ok(created(
        format!("/api/v1/seats/{}", seat.id),
        SeatOut::from(&seat),
    ))
}

/// Edit a seat.
#[utoipa::path(put, path = "/v1/seats/{id}", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body(content = SeatInput, example = json!({"organisation_id": "7", "person_id": "9", "kind": "board_seat", "org_body": "Board of Directors", "title": "Styrelseledamot", "from": "2010-11-01", "until": "2011-11-23", "notes": "", "appointed_by": "KS 2010-12-15 § 9", "deputy_person_id": "", "version": ""})),
    responses((status = 200, body = SeatOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_seat(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<SeatInput>,
) -> ApiResult<Json<SeatOut>> {
    let actor = u.actor();
    Ok(Json(
        (&s.store
            .update_seat(&actor, id, &input.parse().map_err(invalid)?)
            .await?)
            .into(),
    ))
}

/// End a seat on a date.
#[utoipa::path(post, path = "/v1/seats/{id}/end", tag = "register", security(("bearer" = [])), params(("id" = i64, Path)), request_body = EndBody,
    responses((status = 200, body = SeatOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn end_seat(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<EndBody>,
) -> ApiResult<Json<SeatOut>> {
    let actor = u.actor();
    let seat = s.store.seat(u.tenant(), id).await?;
    let (date, version) = end_input(body).parse(seat.from).map_err(invalid)?;
    Ok(Json(
        (&s.store.end_seat(&actor, id, date, version).await?).into(),
    ))
}

/// The history of a record: `organisation`, `membership`, `person`, `seat` or `body`.
#[utoipa::path(get, path = "/v1/history/{entity}/{id}", tag = "register", security(("bearer" = [])),
    params(("entity" = String, Path), ("id" = i64, Path)),
    responses((status = 200, body = List<AuditOut>), (status = 404, body = Problem)))]
pub async fn history(
    State(s): State<AppState>,
    u: ApiUser,
    Path((entity, id)): Path<(String, i64)>,
) -> ApiResult<Json<List<AuditOut>>> {
    let t = u.tenant();
    let entries = s.store.record_history(t, &entity, id).await?;
    Ok(Json(List {
        data: entries.into_iter().map(Into::into).collect(),
    }))
}
