//! API handlers for the document register and for secrecy: list and
//! register documents, withhold a document or a membership on an OSL
//! ground (or release it), and the grounds the tenant may use.

use super::auth::{ApiUser, ApiWriter};
use super::model::List;
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use oversyn_core::privacy::secrecy::WithholdInput;
use oversyn_core::records::DocumentInput;
use oversyn_store::privacy::Withheld;
use oversyn_store::records::Document;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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
#[schema(example = json!({"id": 3, "number": "006-77/2026-3", "title": "Uppsägning av medlemskapet i UCLG", "direction": "outgoing", "dated_on": "2026-06-20", "counterpart": "UCLG World Secretariat", "type": "notice", "case_id": 2, "membership_id": null, "review_id": null, "attachment_of": null, "file": "/files/12", "download": "/api/v1/documents/3/file", "removed_at": null, "withheld": null}))]
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
    /// Where a script reads its file with its token, if it has one.
    pub download: Option<String>,
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
        download: d
            .file_id
            .map(|_| format!("/api/v1/documents/{}/file", d.id)),
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

/// The name a script gives the file it sends.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FileName {
    /// The file's name, e.g. `uppsagning.pdf`; "document" when absent.
    pub name: Option<String>,
}

/// File the copy of a registered document (editors): the request body is
/// the file, its `Content-Type` the media type. A document's copy is filed
/// once; a new version is a new document.
#[utoipa::path(put, path = "/v1/documents/{id}/file", tag = "records", security(("bearer" = [])), params(("id" = i64, Path), FileName),
    request_body(content = String, content_type = "application/octet-stream", description = "The file's bytes"),
    responses((status = 200, body = DocumentOut), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 413, body = Problem), (status = 422, body = Problem)))]
pub async fn attach_file(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    Query(q): Query<FileName>,
    headers: http::HeaderMap,
    body: Bytes,
) -> ApiResult<Json<DocumentOut>> {
    if body.is_empty() {
        let mut e = oversyn_core::FieldErrors::new();
        e.add("file", "error-file-empty");
        return Err(Problem::invalid(&e));
    }
    let name: String = q
        .name
        .as_deref()
        .unwrap_or("document")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let media: String = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty())
        .unwrap_or("application/octet-stream")
        .chars()
        .take(100)
        .collect();
    let d = s
        .store
        .attach_document_file(
            &u.actor(),
            id,
            oversyn_store::records::NewFile {
                name: if name.trim().is_empty() {
                    "document"
                } else {
                    &name
                },
                media_type: &media,
                content: &body,
            },
        )
        .await?;
    let withheld = s.store.withheld(u.tenant(), "document").await?;
    Ok(Json(out(&d, &withheld)))
}

/// A registered document's file, as a download.
#[utoipa::path(get, path = "/v1/documents/{id}/file", tag = "records", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = String, description = "The file's bytes", example = json!("%PDF-1.7 …")), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn document_file(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let d = s.store.document(u.tenant(), id).await?;
    let file_id = d.file_id.ok_or(oversyn_store::StoreError::NotFound)?;
    let (f, bytes) = s.store.file(u.tenant(), file_id).await?;
    Ok(crate::cases::documents::download(&f.name, bytes))
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

/// A free-text answer of a review, as editors see it.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 41, "membership_id": 3, "text": "Nätverket har gett oss kontakter i Bryssel.", "withheld": null}))]
pub struct AnswerOut {
    pub id: i64,
    pub membership_id: i64,
    pub text: String,
    /// The OSL ground it is withheld on; null while it is public.
    pub withheld: Option<String>,
}

/// The review's submitted free-text answers, each with the ground it is
/// withheld on, if any (editors: withheld texts are shown in full).
#[utoipa::path(get, path = "/v1/reviews/{id}/answers", tag = "records", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = List<AnswerOut>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list_answers(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
) -> ApiResult<Json<List<AnswerOut>>> {
    s.store.review(u.tenant(), id).await?;
    Ok(Json(List {
        data: s
            .store
            .text_answers(u.tenant(), id)
            .await?
            .into_iter()
            .map(|(id, membership_id, text, withheld)| AnswerOut {
                id,
                membership_id,
                text,
                withheld,
            })
            .collect(),
    }))
}

/// That `answer` is a submitted free-text answer of review `id`.
async fn answer_of(s: &AppState, u: &ApiWriter, id: i64, answer: i64) -> ApiResult<()> {
    s.store.review(u.tenant(), id).await?;
    let answers = s.store.text_answers(u.tenant(), id).await?;
    if answers.iter().any(|a| a.0 == answer) {
        Ok(())
    } else {
        Err(oversyn_store::StoreError::NotFound.into())
    }
}

/// Withhold a free-text answer from results and reports on an OSL ground
/// (editors); it shows as "Uppgiften är undantagen enligt …".
#[utoipa::path(post, path = "/v1/reviews/{id}/answers/{answer}/withhold", tag = "records", security(("bearer" = [])), params(("id" = i64, Path), ("answer" = i64, Path)),
    request_body(content = WithholdInput, example = json!({"ground": "OSL 21 kap. 1 §", "decided_by": "Registrator", "decided_on": "2026-03-02"})),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn withhold_answer(
    State(s): State<AppState>,
    u: ApiWriter,
    Path((id, answer)): Path<(i64, i64)>,
    ApiJson(input): ApiJson<WithholdInput>,
) -> ApiResult<StatusCode> {
    answer_of(&s, &u, id, answer).await?;
    withhold(&s, &u, "answer", answer, &input).await
}

/// Make a withheld answer public again (editors).
#[utoipa::path(delete, path = "/v1/reviews/{id}/answers/{answer}/withhold", tag = "records", security(("bearer" = [])), params(("id" = i64, Path), ("answer" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn release_answer(
    State(s): State<AppState>,
    u: ApiWriter,
    Path((id, answer)): Path<(i64, i64)>,
) -> ApiResult<StatusCode> {
    answer_of(&s, &u, id, answer).await?;
    s.store.release(&u.actor(), "answer", answer).await?;
    Ok(StatusCode::NO_CONTENT)
}
