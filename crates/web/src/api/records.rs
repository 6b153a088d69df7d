//! API handlers for the document register and for secrecy: list and
//! register documents, withhold a document or a membership on an OSL
//! ground (or release it), and the grounds the tenant may use.

use super::auth::{ApiUser, ApiWriter};
use super::model::List;
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use oversyn_core::privacy::secrecy::WithholdInput;
use oversyn_core::records::DocumentInput;
use oversyn_store::privacy::Withheld;
use oversyn_store::records::Document;
use serde::Serialize;
use utoipa::ToSchema;

type ApiResult<T> = Result<T, Problem>;

/// Why a record is kept off public output.
#[derive(Serialize, ToSchema)]
pub struct WithheldOut {
    /// The OSL provision; null for a record withheld before grounds were recorded.
    pub ground: Option<String>,
    pub decided_by: Option<String>,
    pub decided_on: Option<String>,
}

impl WithheldOut {
    fn of(w: &Withheld) -> WithheldOut {
        WithheldOut {
            ground: w.ground.clone(),
            decided_by: w.decided_by.clone(),
            decided_on: w.decided_on.clone(),
        }
    }
}

/// A registered document.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "number": "006-77/2026-3", "title": "Uppsägning av medlemskapet i UCLG", "direction": "outgoing", "dated_on": "2026-06-20", "counterpart": "UCLG World Secretariat", "type": "notice", "case_id": 2, "membership_id": null, "review_id": null, "attachment_of": null, "file": "/files/12", "removed_at": null, "withheld": null}))]
pub struct DocumentOut {
    pub id: i64,
    pub number: String,
    pub title: String,
    /// incoming, outgoing or internal.
    pub direction: String,
    /// The day of receipt or dispatch.
    pub dated_on: String,
    pub counterpart: String,
    #[serde(rename = "type")]
    pub type_code: String,
    pub case_id: Option<i64>,
    pub membership_id: Option<i64>,
    pub review_id: Option<i64>,
    /// "Bilaga 1" for an attachment to its case.
    pub attachment_of: Option<String>,
    /// Where its file is read (signed in), if it has one.
    pub file: Option<String>,
    /// Set once the document was removed under its type's retention.
    pub removed_at: Option<String>,
    pub withheld: Option<WithheldOut>,
}

fn out(d: &Document, withheld: &[Withheld]) -> DocumentOut {
    DocumentOut {
        id: d.id,
        number: d.number.clone(),
        title: d.title.clone(),
        direction: d.direction.clone(),
        dated_on: d.dated_on.clone(),
        counterpart: d.counterpart.clone(),
        type_code: d.type_code.clone(),
        case_id: d.case_id,
        membership_id: d.membership_id,
        review_id: d.review_id,
        attachment_of: d.attachment_of.clone(),
        file: d.file_id.map(|f| format!("/files/{f}")),
        removed_at: d.removed_at.clone(),
        withheld: withheld
            .iter()
            .find(|w| w.entity_id == d.id)
            .map(WithheldOut::of),
    }
}

/// The tenant's registered documents, newest first.
#[utoipa::path(get, path = "/v1/documents", tag = "records", security(("bearer" = [])),
    responses((status = 200, body = List<DocumentOut>), (status = 401, body = Problem)))]
pub async fn list_documents(
    State(s): State<AppState>,
    u: ApiUser,
) -> ApiResult<Json<List<DocumentOut>>> {
    let withheld = s.store.withheld(u.tenant(), "document").await?;
    Ok(Json(List {
        data: s
            .store
            .documents(u.tenant(), None)
            .await?
            .iter()
            .map(|d| out(d, &withheld))
            .collect(),
    }))
}

/// Register a document under a case, a membership or a review (editors);
/// it is numbered under its case, or in the register's series.
#[utoipa::path(post, path = "/v1/documents", tag = "records", security(("bearer" = [])),
    request_body(content = DocumentInput, example = json!({"title": "Uppsägning av medlemskapet i UCLG", "direction": "outgoing", "dated_on": "2026-06-20", "counterpart": "UCLG World Secretariat", "type_code": "notice", "case_id": 2})),
    responses((status = 201, body = DocumentOut), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn register_document(
    State(s): State<AppState>,
    u: ApiWriter,
    ApiJson(input): ApiJson<DocumentInput>,
) -> ApiResult<Response> {
    let types: Vec<String> = s
        .store
        .document_types(u.tenant(), oversyn_core::Lang::Sv)
        .await?
        .into_iter()
        .map(|t| t.code)
        .collect();
    let c = input
        .parse(&types, chrono::Utc::now().date_naive())
        .map_err(|e| Problem::invalid(&e))?;
    let d = s.store.register_document(&u.actor(), &c, None).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, "/api/v1/documents".to_owned())],
        Json(out(&d, &[])),
    )
        .into_response())
}

async fn withhold(
    s: &AppState,
    u: &ApiWriter,
    entity: &str,
    id: i64,
    input: &WithholdInput,
) -> ApiResult<StatusCode> {
    oversyn_app::privacy::secrecy::withhold(&s.store, &u.actor(), entity, id, input)
        .await?
        .map_err(|e| Problem::invalid(&e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withhold a document from public output on an OSL ground (editors).
#[utoipa::path(post, path = "/v1/documents/{id}/withhold", tag = "records", security(("bearer" = [])), params(("id" = i64, Path)),
    request_body(content = WithholdInput, example = json!({"ground": "OSL 15 kap. 1 §", "decided_by": "Registrator", "decided_on": "2026-03-02"})),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn withhold_document(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<WithholdInput>,
) -> ApiResult<StatusCode> {
    withhold(&s, &u, "document", id, &input).await
}

/// Make a withheld document public again (editors).
#[utoipa::path(delete, path = "/v1/documents/{id}/withhold", tag = "records", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn release_document(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    s.store.release(&u.actor(), "document", id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withhold a membership from public output on an OSL ground (editors).
#[utoipa::path(post, path = "/v1/memberships/{id}/withhold", tag = "records", security(("bearer" = [])), params(("id" = i64, Path)),
    request_body(content = WithholdInput, example = json!({"ground": "OSL 15 kap. 1 §", "decided_by": "Stadsdirektören", "decided_on": "2026-01-15"})),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn withhold_membership(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<WithholdInput>,
) -> ApiResult<StatusCode> {
    withhold(&s, &u, "membership", id, &input).await
}

/// Make a withheld membership public again (editors).
#[utoipa::path(delete, path = "/v1/memberships/{id}/withhold", tag = "records", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn release_membership(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    s.store.release(&u.actor(), "membership", id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A ground for secrecy the tenant may use.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"reference": "OSL 15 kap. 1 §", "description": "Utrikessekretess: Sveriges förbindelser med en annan stat eller en mellanfolklig organisation"}))]
pub struct GroundOut {
    pub reference: String,
    pub description: String,
}

/// The secrecy grounds: those shipped (OSL, SFS 2009:400), then the tenant's own.
#[utoipa::path(get, path = "/v1/secrecy-grounds", tag = "records", security(("bearer" = [])),
    responses((status = 200, body = List<GroundOut>), (status = 401, body = Problem)))]
pub async fn list_grounds(
    State(s): State<AppState>,
    u: ApiUser,
) -> ApiResult<Json<List<GroundOut>>> {
    Ok(Json(List {
        data: s
            .store
            .secrecy_grounds(u.tenant(), oversyn_core::Lang::Sv)
            .await?
            .into_iter()
            .map(|g| GroundOut {
                reference: g.reference,
                description: g.description,
            })
            .collect(),
    }))
}
