//! RFC 9457 problem details: every API error, with field errors where the
//! input was wrong, and the JSON body extractor that turns malformed input
//! into a 400/415/422 instead of a bare text reply.

use crate::i18n::Text;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use oversyn_core::FieldErrors;
use oversyn_store::StoreError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"field": "title", "code": "error-required", "message": "Required."}))]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"type": "about:blank", "title": "Unprocessable Entity", "status": 422, "detail": "The input has errors.", "errors": [{"field": "title", "code": "error-required", "message": "Required."}]}))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    pub fn invalid(errors: &FieldErrors) -> Problem {
        let lang = crate::i18n::Lang::En;
        let mut p = Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "The input has errors; see `errors`.",
        );
        p.errors = errors
            .0
            .iter()
            .map(|e| FieldProblem {
                field: e.field.clone(),
                code: e.key.into(),
                message: lang.t(e.key),
            })
            .collect();
        p
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut r = (status, serde_json::to_string(&self).unwrap_or_default()).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        match e {
            StoreError::NotFound => {
                Problem::new(StatusCode::NOT_FOUND, "No such record in your tenant.")
            }
            StoreError::Stale => Problem::new(
                StatusCode::CONFLICT,
                "The record was changed by someone else since the version you sent; fetch it again.",
            ),
            StoreError::Invalid(errors) => Problem::invalid(&errors),
            StoreError::Conflict(m) => Problem::new(StatusCode::CONFLICT, m),
            StoreError::Forbidden => Problem::new(
                StatusCode::FORBIDDEN,
                "Your role may not change this record.",
            ),
            StoreError::TooManyAttempts => Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many attempts; wait and try again.",
            ),
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, "database unavailable while serving the API");
                Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The database cannot be reached at the moment; try again shortly.",
                )
            }
            e => {
                tracing::error!(error = %e, "store failed while serving the API");
                Problem::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "An internal error occurred; it has been logged.",
                )
            }
        }
    }
}

pub async fn not_found() -> Problem {
    Problem::new(StatusCode::NOT_FOUND, "No such API path.")
}

/// A JSON request body; malformed JSON is 400, a wrong content type 415,
/// JSON of the wrong shape 422 — each as a problem document.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = Problem;
    async fn from_request(req: Request, s: &S) -> Result<Self, Problem> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|m| m.trim() == "application/json" || m.trim().ends_with("+json"))
            });
        if !json {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, s).await.map_err(|_| {
            Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The body could not be read (too large?).",
            )
        })?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            use serde_json::error::Category;
            match e.classify() {
                Category::Data => Problem::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("The JSON does not have the expected shape: {e}"),
                ),
                _ => Problem::new(StatusCode::BAD_REQUEST, format!("Malformed JSON: {e}")),
            }
        })
    }
}

/// Makes every error the API router gives a problem document, also those
/// answered before a handler runs (a path id that is not a number, a body
/// over the size limit, a method the path does not have), which axum
/// answers as plain text.
pub async fn errors_as_problems(req: Request, next: axum::middleware::Next) -> Response {
    let r = next.run(req).await;
    let status = r.status();
    let is_json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return r;
    }
    let allow = r.headers().get(header::ALLOW).cloned();
    // axum's own rejections are a line of text; keep it as the detail.
    let text = axum::body::to_bytes(r.into_body(), 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let detail = if text.is_empty() {
        status.canonical_reason().unwrap_or("Error").to_owned()
    } else {
        text
    };
    let mut out = Problem::new(status, detail).into_response();
    if let Some(allow) = allow {
        out.headers_mut().insert(header::ALLOW, allow);
    }
    out
}
