//! API handlers for decision cases: list and read, create, add positions
//! and decisions, and parse or import a decision document sent as the body.

use super::auth::{ApiUser, ApiWriter};
use super::model::List;
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use oversyn_app::cases::number_text;
use oversyn_core::cases::{
    CaseFields, CaseNumber, CaseStatus, Decision, Person, Point, Position, PositionKind, Stage,
};
use oversyn_store::audit::Actor;
use oversyn_store::cases::{NewCase, StoredCase};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "number": "006-1348/2010", "number_parts": {"series": "006", "year": 2010, "serial": "1348", "suffix": ""}, "reference": "PM 2011:125 RI", "title": "Översyn av stadens engagemang i internationella organisationer", "language": "sv", "document_date": "2011-09-08", "status": "decided", "locked": true, "rapporteur": "borgarrådet Sten Nordin", "route": [{"body": "Borgarrådsberedningen", "date": null}, {"body": "Kommunstyrelsen", "date": null}], "proposal": [{"number": 2, "label": "2.", "text": "Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012."}], "positions": [{"seq": 0, "body": "Borgarrådsberedningen", "kind": "reservation", "persons": [{"name": "Per Bolund", "party": "MP"}], "refers_to": null, "points": [], "text": "…"}], "decisions": [{"body": "Kommunstyrelsen", "adopted": {"kind": "proposal"}, "decided_on": "2011-09-21", "votes_for": null, "votes_against": null, "abstentions": null, "date_illustrative": true}], "review_id": 1, "membership_ids": [2, 3], "matter": "", "preparation": "", "statement": "", "views": "", "source": "demo", "version": 2, "updated_at": "2026-11-27T09:00:00.000Z", "document_url": "/cases/1/document"}))]
pub struct CaseOut {
    pub id: i64,
    /// As the tenant writes it, e.g. "006-1348/2010"; null without a number.
    pub number: Option<String>,
    pub number_parts: Option<CaseNumber>,
    pub reference: String,
    pub title: String,
    pub language: String,
    pub document_date: Option<String>,
    pub status: CaseStatus,
    pub locked: bool,
    /// The body the open case lies with: the first on the route that has
    /// not settled it; null once decided.
    pub pending_body: Option<String>,
    pub rapporteur: String,
    pub route: Vec<Stage>,
    pub proposal: Vec<Point>,
    pub positions: Vec<Position>,
    pub decisions: Vec<Decision>,
    pub review_id: Option<i64>,
    pub membership_ids: Vec<i64>,
    pub matter: String,
    pub preparation: String,
    pub statement: String,
    pub views: String,
    /// `ui` or `import`.
    pub source: String,
    pub version: i64,
    pub updated_at: String,
    /// Where the decision document is: `…?format=pdf|docx|html`.
    pub document_url: String,
}

fn out(c: StoredCase, pattern: &str) -> CaseOut {
    let number = c.fields.number.as_ref().map(|_| number_text(&c, pattern));
    let f = c.fields;
    CaseOut {
        id: c.id,
        number,
        number_parts: f.number,
        reference: f.reference,
        title: f.title,
        language: f.language,
        document_date: f.document_date.map(|d| d.to_string()),
        locked: c.case.is_locked(),
        pending_body: c.case.pending_body().map(str::to_owned),
        status: c.status,
        rapporteur: f.rapporteur,
        route: f.route,
        proposal: f.proposal,
        positions: c.case.positions,
        decisions: c.case.decisions,
        review_id: f.review_id,
        membership_ids: f.membership_ids,
        matter: f.matter,
        preparation: f.preparation,
        statement: f.statement,
        views: f.views,
        source: c.source,
        version: c.version,
        updated_at: c.updated_at,
        document_url: format!("/cases/{}/document", c.id),
    }
}

/// List the tenant's cases, newest first.
#[utoipa::path(get, path = "/v1/cases", tag = "cases", security(("bearer" = [])),
    responses((status = 200, body = List<CaseOut>), (status = 401, body = Problem)))]
pub async fn list_cases(
    State(s): State<AppState>,
    u: ApiUser,
) -> Result<Json<List<CaseOut>>, Problem> {
    let pattern = s.store.case_number_pattern(u.tenant()).await?;
    let mut data = Vec::new();
    for c in s.store.cases(u.tenant()).await? {
        data.push(out(s.store.case(u.tenant(), c.id).await?, &pattern));
    }
    Ok(Json(List { data }))
}

/// One case with its positions and decisions.
#[utoipa::path(get, path = "/v1/cases/{id}", tag = "cases", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = CaseOut), (status = 404, body = Problem)))]
pub async fn get_case(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> Result<Json<CaseOut>, Problem> {
    let pattern = s.store.case_number_pattern(u.tenant()).await?;
    Ok(Json(out(s.store.case(u.tenant(), id).await?, &pattern)))
}

#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
#[schema(example = json!({"title": "Översyn av stadens engagemang", "number": "KS 2026/0457", "reference": "PM 2026:7", "language": "sv", "document_date": "2026-10-05", "rapporteur": "borgarrådet Eva Ek", "route": ["Borgarrådsberedningen", "Kommunstyrelsen"], "proposal": [{"text": "Stadens medlemskap i UCLG sägs upp från och med den 1 januari 2028."}], "membership_ids": [3]}))]
pub struct CaseIn {
    /// In the tenant's pattern or any known format, e.g. "KS 2019/0457".
    pub number: Option<String>,
    pub reference: String,
    pub title: String,
    /// sv (default) or en.
    pub language: Option<String>,
    /// YYYY-MM-DD.
    pub document_date: Option<String>,
    pub rapporteur: String,
    /// Bodies in order; the last decides.
    pub route: Vec<String>,
    pub proposal: Vec<PointIn>,
    pub matter: String,
    pub preparation: String,
    pub statement: String,
    pub views: String,
    pub review_id: Option<i64>,
    pub membership_ids: Vec<i64>,
}

#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
#[schema(example = json!({"label": "1.", "text": "Stadens medlemskap i UCLG sägs upp från och med den 1 januari 2028."}))]
pub struct PointIn {
    /// As written, e.g. "1." or "(a)"; numbered in order when left out.
    pub label: Option<String>,
    pub text: String,
}

fn points(ps: &[PointIn]) -> Vec<Point> {
    ps.iter()
        .enumerate()
        .map(|(i, p)| Point {
            number: i as u32 + 1,
            label: p.label.clone().unwrap_or_else(|| format!("{}.", i + 1)),
            text: p.text.trim().to_owned(),
        })
        .collect()
}

fn invalid(field: &str, key: &'static str) -> Problem {
    let mut e = oversyn_core::FieldErrors::new();
    e.add(field, key);
    Problem::invalid(&e)
}

fn date(field: &str, v: &Option<String>) -> Result<Option<chrono::NaiveDate>, Problem> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| invalid(field, "error-date")),
    }
}

/// Create a case (editors and admins).
#[utoipa::path(post, path = "/v1/cases", tag = "cases", security(("bearer" = [])), request_body = CaseIn,
    responses((status = 201, body = CaseOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_case(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(c): ApiJson<CaseIn>,
) -> Result<Response, Problem> {
    let actor = u.actor();
    let pattern = s.store.case_number_pattern(u.tenant()).await?;
    let number = match c.number.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => Some(
            CaseNumber::parse_with(n, &pattern)
                .or_else(|| CaseNumber::parse_any(n).map(|(n, _)| n))
                .ok_or_else(|| invalid("number", "error-case-number"))?,
        ),
    };
    let fields = CaseFields {
        number,
        reference: c.reference,
        title: c.title,
        language: c.language.unwrap_or_else(|| "sv".into()),
        document_date: date("document_date", &c.document_date)?,
        rapporteur: c.rapporteur,
        route: c
            .route
            .into_iter()
            .map(|body| Stage { body, date: None })
            .collect(),
        proposal: points(&c.proposal),
        matter: c.matter,
        preparation: c.preparation,
        views: c.views,
        statement: c.statement,
        review_id: c.review_id,
        membership_ids: c.membership_ids,
    };
    let id = s
        .store
        .create_case(
            &actor,
            &NewCase {
                fields,
                source: "ui".into(),
                ..NewCase::default()
            },
        )
        .await?;
    let today = chrono::Utc::now().date_naive();
    oversyn_app::records::attach_review_documents(&s.store, &actor, id, today).await?;
    let body = out(s.store.case(u.tenant(), id).await?, &pattern);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/cases/{id}"))],
        Json(body),
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"body": "Kommunstyrelsen", "kind": "reservation", "persons": [{"name": "Ann-Margarethe Livh", "party": "V"}], "refers_to": null, "points": [{"text": "Stockholms stad behåller sitt medlemskap i UCLG."}], "text": "Samarbetet bygger på både givande och tagande."}))]
pub struct PositionIn {
    /// A body on the case's route.
    pub body: String,
    pub kind: PositionKind,
    pub persons: Vec<Person>,
    /// The `seq` of an earlier position this one refers to.
    #[serde(default)]
    pub refers_to: Option<u32>,
    /// Counter-points (reservations) or the points a motion proposes.
    #[serde(default)]
    pub points: Vec<PointIn>,
    #[serde(default)]
    pub text: String,
    /// Who seconded a motion (motions only).
    #[serde(default)]
    pub seconded_by: Vec<Person>,
}

fn position_taker(u: &ApiUser) -> Result<Actor, Problem> {
    if u.0.role.can_take_position() {
        Ok(Actor {
            tenant_id: u.tenant(),
            user_id: Some(u.0.id),
            label: u.0.email.clone(),
        })
    } else {
        Err(Problem::new(
            StatusCode::FORBIDDEN,
            "Your role may read cases but not add positions.",
        ))
    }
}

fn locked_or(e: oversyn_store::StoreError) -> Problem {
    match e {
        oversyn_store::StoreError::Invalid(errors) if errors.get("case").is_some() => Problem::new(
            StatusCode::CONFLICT,
            "The case is decided and locked; changes need a new case.",
        ),
        e => e.into(),
    }
}

/// Add a position to an open case (politicians, editors, admins): a
/// reservation, a special statement, a motion (yrkande, with `seconded_by`)
/// or a note for the minutes (protokollsanteckning).
#[utoipa::path(post, path = "/v1/cases/{id}/positions", tag = "cases", security(("bearer" = [])), params(("id" = i64, Path)), request_body = PositionIn,
    responses((status = 201, body = Position, example = json!({"seq": 3, "body": "Kommunstyrelsen", "kind": "reservation", "persons": [{"name": "Ann-Margarethe Livh", "party": "V"}], "refers_to": null, "points": [{"number": 1, "label": "1.", "text": "Stockholms stad behåller sitt medlemskap i UCLG."}], "text": "Samarbetet bygger på både givande och tagande."})), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_position(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
    ApiJson(p): ApiJson<PositionIn>,
) -> Result<Response, Problem> {
    let actor = position_taker(&u)?;
    let position = Position {
        seq: 0,
        body: p.body,
        kind: p.kind,
        persons: p.persons,
        refers_to: p.refers_to,
        points: points(&p.points),
        text: p.text,
        seconded_by: p.seconded_by,
    };
    let saved = s
        .store
        .add_position(&actor, id, position)
        .await
        .map_err(locked_or)?;
    Ok((StatusCode::CREATED, Json(saved)).into_response())
}

/// Record a body's decision (editors and admins): `kind` adopted (the
/// default), adopted_with_amendments, rejected, referred_back, tabled, or a
/// preparing body's recommended / advised_against; votes as the four counts
/// or as `votes {for, against, abstain, absent}`, and a `roll_call` that must
/// agree with them. The deciding body's decision locks the case, unless it
/// referred the case back or tabled it.
#[utoipa::path(post, path = "/v1/cases/{id}/decisions", tag = "cases", security(("bearer" = [])), params(("id" = i64, Path)), request_body(content = Decision, example = json!({"body": "Kommunstyrelsen", "kind": "adopted", "adopted": {"kind": "proposal"}, "decided_on": "2011-09-21", "votes": {"for": 9, "against": 4, "abstain": 0, "absent": 0}})),
    responses((status = 201, body = CaseOut), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn decide(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(d): ApiJson<Decision>,
) -> Result<Response, Problem> {
    let actor = u.actor();
    let d = d.settled().map_err(|e| Problem::invalid(&e))?;
    s.store
        .record_decision(&actor, id, &d)
        .await
        .map_err(locked_or)?;
    let pattern = s.store.case_number_pattern(u.tenant()).await?;
    let body = out(s.store.case(u.tenant(), id).await?, &pattern);
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

async fn parse_body(s: &AppState, tenant: i64, body: &Bytes) -> Result<serde_json::Value, Problem> {
    let orgs = s.store.organisations(tenant).await?;
    oversyn_import::parse_document(body, &orgs)
        .map_err(|e| Problem::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))
}

/// Parse a decision document sent as the body (text/plain or application/pdf) into the parse contract.
#[utoipa::path(post, path = "/v1/cases/parse", tag = "cases", security(("bearer" = [])),
    request_body(content = String, content_type = "text/plain", description = "The document: plain text or PDF bytes"),
    responses((status = 200, description = "The parse contract", body = Object, example = json!({"case_number": "006-1348/2010", "reference": "PM 2011:125 RI", "title": "Översyn av stadens engagemang i internationella organisationer", "language": "sv", "date": "2011-09-08", "decision_points": [{"number": 2, "label": "2.", "text": "Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012."}], "positions": [{"kind": "reservation", "body": "borgarrådsberedningen", "persons": [{"name": "Per Bolund", "party": "MP"}], "refers_to": null, "points": [], "text": "…"}], "organisations": [{"mention": "ECLG", "canonical": "UCLG"}], "actions": [{"kind": "terminate_membership", "organisations": ["Metropolis", "UCLG"], "effective": "2012-01-01", "deadline": null, "point": 2}], "warnings": ["\"ECLG\" read as UCLG"]})), (status = 422, body = Problem)))]
pub async fn parse(
    State(s): State<AppState>,
    u: ApiUser,
    body: Bytes,
) -> Result<Json<serde_json::Value>, Problem> {
    Ok(Json(parse_body(&s, u.tenant(), &body).await?))
}

/// Parse a protocol of several items (§ 63 … § 67) into one parse contract per
/// item; a document of one item gives an array of one.
#[utoipa::path(post, path = "/v1/cases/parse-all", tag = "cases", security(("bearer" = [])),
    request_body(content = String, content_type = "text/plain", description = "The protocol: plain text or PDF bytes"),
    responses((status = 200, description = "One parse contract per item", body = [Object], example = json!([{"paragraph": "63", "title": "Anmälan av motioner", "decision": {"kind": "adopted", "votes": {"for": null, "against": null, "abstain": null, "absent": null}, "roll_call": []}, "decision_points": [{"number": 1, "label": "-", "text": "Motionerna lämnas över till kommunstyrelsen för beredning."}]}])), (status = 422, body = Problem)))]
pub async fn parse_all(
    State(s): State<AppState>,
    u: ApiUser,
    body: Bytes,
) -> Result<Json<serde_json::Value>, Problem> {
    let orgs = s.store.organisations(u.tenant()).await?;
    let cases = oversyn_import::parse_document_all(&body, &orgs)
        .map_err(|e| Problem::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
    Ok(Json(cases))
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"case": {"id": 7, "title": "Översyn av stadens engagemang i internationella organisationer", "status": "open"}, "warnings": ["\"ECLG\" read as UCLG"]}))]
pub struct ImportOut {
    pub case: CaseOut,
    pub warnings: Vec<String>,
}

/// Parse a decision document and store it as a case, all or nothing (editors and admins).
#[utoipa::path(post, path = "/v1/cases/import", tag = "cases", security(("bearer" = [])),
    request_body(content = String, content_type = "text/plain", description = "The document: plain text or PDF bytes"),
    responses((status = 201, body = ImportOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import(
    State(s): State<AppState>,
    u: ApiWriter,
    body: Bytes,
) -> Result<Response, Problem> {
    let actor = u.actor();
    let parsed = parse_body(&s, u.tenant(), &body).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    let memberships: Vec<(i64, String)> = snap
        .memberships
        .iter()
        .filter_map(|m| snap.organisation(m.organisation_id).map(|o| (m, o)))
        .flat_map(|(m, o)| [(m.id, o.label().to_owned()), (m.id, o.name.clone())])
        .collect();
    let imported = oversyn_import::to_new_case(&parsed, &memberships);
    let id = s.store.create_case(&actor, &imported.new).await?;
    let media = if body.starts_with(b"%PDF") {
        "application/pdf"
    } else {
        "text/plain"
    };
    s.store
        .add_file(&actor, ("case", id), "imported-document", media, &body)
        .await?;
    let pattern = s.store.case_number_pattern(u.tenant()).await?;
    let case = out(s.store.case(u.tenant(), id).await?, &pattern);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/cases/{id}"))],
        Json(ImportOut {
            case,
            warnings: imported.warnings,
        }),
    )
        .into_response())
}

/// A decided case as Akoma Ntoso 3.0 XML (decision points in the body, reservations as dissenting opinions).
#[utoipa::path(get, path = "/v1/cases/{id}/akn", tag = "cases", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/akn+xml", body = String, example = json!("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><doc name=\"decision\">…<mainBody><paragraph eId=\"para_1\"><num>1.</num>…</paragraph><opinion eId=\"opinion_1\" type=\"dissenting\" by=\"#per-bolund\">…</opinion></mainBody></doc></akomaNtoso>")), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn akn(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> Result<Response, Problem> {
    match oversyn_app::cases::akoma_ntoso(&s.store, u.tenant(), id).await? {
        Some(xml) => Ok((
            [(header::CONTENT_TYPE, "application/akn+xml; charset=utf-8")],
            xml,
        )
            .into_response()),
        None => Err(Problem::new(
            StatusCode::CONFLICT,
            "The case is not decided yet; Akoma Ntoso is made from a decision.",
        )),
    }
}
