//! The case document and protocol excerpts as HTML, PDF or DOCX, and
//! downloads of files kept with a case.

use super::{number_text, view};
use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use oversyn_documents::blocks::{Doc, docx, html, typst};
use oversyn_documents::case::{document as case_document, protocol_excerpt};
use oversyn_store::{Store, StoreError};
use serde::Deserialize;

pub use crate::analysis::report::Format;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DocQuery {
    pub format: String,
}

/// The documents of one case, built once and rendered in any format.
pub struct CaseDocs {
    pub document: Doc,
    pub excerpts: Vec<Doc>,
    pub number: String,
}

impl CaseDocs {
    pub async fn load(store: &Store, tenant_id: i64, id: i64) -> Result<CaseDocs, StoreError> {
        let c = store.case(tenant_id, id).await?;
        let tenant = store.tenant_by_id(tenant_id).await?;
        let pattern = store.case_number_pattern(tenant_id).await?;
        let number = number_text(&c, &pattern);
        let v = view(&tenant.name, &number, &c);
        Ok(CaseDocs {
            document: case_document(&v),
            excerpts: c
                .case
                .decisions
                .iter()
                .map(|d| protocol_excerpt(&v, d))
                .collect(),
            number: number.clone(),
        })
    }
}

/// The decided case as Akoma Ntoso XML; None while the case is open.
pub async fn akoma_ntoso(
    store: &Store,
    tenant_id: i64,
    id: i64,
) -> Result<Option<String>, StoreError> {
    let c = store.case(tenant_id, id).await?;
    let tenant = store.tenant_by_id(tenant_id).await?;
    let pattern = store.case_number_pattern(tenant_id).await?;
    let number = number_text(&c, &pattern);
    let v = view(&tenant.name, &number, &c);
    Ok(oversyn_documents::akn::document(&v, &tenant.slug))
}

/// Renders a document; PDF through typst, which needs no files here.
pub fn render(doc: &Doc, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Html => Ok(html(doc).into_bytes()),
        Format::Docx => docx(doc),
        Format::Pdf => oversyn_pdf::render(&typst(doc), &[]).map_err(|e| e.to_string()),
    }
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
