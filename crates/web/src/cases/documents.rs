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

fn respond(doc: &Doc, format: Format, name: &str) -> Result<Response, PageError> {
    let bytes = render(doc, format).map_err(|e| {
        tracing::error!(error = %e, "case document rendering failed");
        PageError::Internal
    })?;
    let disposition = match format {
        Format::Html => "inline".to_owned(),
        _ => format!("attachment; filename=\"{name}.{}\"", format.extension()),
    };
    Ok((
        [
            (http::header::CONTENT_TYPE, format.content_type().to_owned()),
            (http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

pub async fn document(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(q): Query<DocQuery>,
) -> Result<Response, PageError> {
    let format = Format::parse(&q.format).unwrap_or(Format::Pdf);
    let docs = CaseDocs::load(&state.store, s.tenant(), id).await?;
    respond(&docs.document, format, &format!("case-{id}"))
}

pub async fn excerpt(
    State(state): State<AppState>,
    s: Signed,
    Path((id, n)): Path<(i64, usize)>,
    Query(q): Query<DocQuery>,
) -> Result<Response, PageError> {
    let format = Format::parse(&q.format).unwrap_or(Format::Pdf);
    let docs = CaseDocs::load(&state.store, s.tenant(), id).await?;
    let doc = docs.excerpts.get(n).ok_or(PageError::NotFound)?;
    respond(doc, format, &format!("case-{id}-excerpt-{}", n + 1))
}

pub async fn file(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (f, bytes) = state.store.file(s.tenant(), id).await?;
    // Served as a download so no stored file can run as a page of this site.
    let safe_name: String = f
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
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
        .into_response())
}
