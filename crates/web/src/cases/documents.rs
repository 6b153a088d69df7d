//! The case document and protocol excerpts as HTML, PDF or DOCX, and
//! downloads of files kept with a case.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use oversyn_app::Format;
use oversyn_app::cases::{CaseDocs, render};
use oversyn_documents::blocks::Doc;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DocQuery {
    pub format: String,
}

/// More excerpts than a protocol has: answered 404 before the case is loaded.
const MAX_EXCERPTS: usize = 999;

/// The case document (`excerpt` None) or one protocol excerpt, rendered
/// once per state of the tenant's data and day and kept; rendering (a PDF
/// especially) runs off the async workers.
async fn rendered(
    state: &AppState,
    tenant_id: i64,
    id: i64,
    excerpt: Option<usize>,
    format: Format,
) -> Result<std::sync::Arc<Vec<u8>>, PageError> {
    if excerpt.is_some_and(|n| n >= MAX_EXCERPTS) {
        return Err(PageError::NotFound);
    }
    let what = match (excerpt.is_some(), format) {
        (false, Format::Pdf) => "case document pdf",
        (false, Format::Docx) => "case document docx",
        (false, Format::Html) => "case document html",
        (true, Format::Pdf) => "case excerpt pdf",
        (true, Format::Docx) => "case excerpt docx",
        (true, Format::Html) => "case excerpt html",
    };
    let key = (id, excerpt.map_or(0, |n| n as i64 + 1));
    let today = chrono::Utc::now().date_naive();
    state
        .store
        .remembered_weighed(
            tenant_id,
            what,
            key,
            today,
            || async move {
                let docs = CaseDocs::load(&state.store, tenant_id, id).await?;
                let doc: Doc = match excerpt {
                    None => docs.document,
                    Some(n) => docs
                        .excerpts
                        .into_iter()
                        .nth(n)
                        .ok_or(PageError::NotFound)?,
                };
                tokio::task::spawn_blocking(move || render(&doc, format))
                    .await
                    .map_err(|e| e.to_string())
                    .and_then(|r| r.map_err(|e| e.to_string()))
                    .map_err(|e| {
                        tracing::error!(error = %e, "case document rendering failed");
                        PageError::Internal
                    })
            },
            Vec::len,
        )
        .await
}

fn respond(bytes: &[u8], format: Format, name: &str) -> Response {
    let disposition = match format {
        Format::Html => "inline".to_owned(),
        _ => format!("attachment; filename=\"{name}.{}\"", format.extension()),
    };
    (
        [
            (http::header::CONTENT_TYPE, format.content_type().to_owned()),
            (http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes.to_vec(),
    )
        .into_response()
}

pub async fn document(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(q): Query<DocQuery>,
) -> Result<Response, PageError> {
    let format = Format::parse(&q.format).unwrap_or(Format::Pdf);
    let bytes = rendered(&state, s.tenant(), id, None, format).await?;
    Ok(respond(&bytes, format, &format!("case-{id}")))
}

pub async fn excerpt(
    State(state): State<AppState>,
    s: Signed,
    Path((id, n)): Path<(i64, usize)>,
    Query(q): Query<DocQuery>,
) -> Result<Response, PageError> {
    let format = Format::parse(&q.format).unwrap_or(Format::Pdf);
    let bytes = rendered(&state, s.tenant(), id, Some(n), format).await?;
    Ok(respond(
        &bytes,
        format,
        &format!("case-{id}-excerpt-{}", n + 1),
    ))
}

pub async fn file(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (f, bytes) = state.store.file(s.tenant(), id).await?;
    Ok(download(&f.name, bytes))
}

/// A stored file as a download, so that no stored file can run as a page
/// of this site, whatever its media type.
pub(crate) fn download(name: &str, bytes: Vec<u8>) -> Response {
    let safe_name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (
                http::header::CONTENT_TYPE,
                "application/octet-stream".to_owned(),
            ),
            (
                http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
