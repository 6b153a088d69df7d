//! The documents of a case: the case document in the municipal layout,
//! a protocol excerpt per decision, and the decided case as Akoma Ntoso.

use crate::Format;
use oversyn_documents::blocks::{Doc, docx, html, typst};
use oversyn_documents::case::{CaseView, document as case_document, protocol_excerpt};
use oversyn_store::cases::StoredCase;
use oversyn_store::{Store, StoreError};

/// The case as its documents see it: `city` the tenant's name, `place`
/// where they are signed.
pub fn view<'a>(city: &'a str, place: &'a str, number: &'a str, c: &'a StoredCase) -> CaseView<'a> {
    CaseView {
        city,
        place,
        number,
        fields: &c.fields,
        case: &c.case,
    }
}

/// The number as the tenant writes it.
pub fn number_text(c: &StoredCase, pattern: &str) -> String {
    c.fields
        .number
        .as_ref()
        .map(|n| n.render(pattern))
        .unwrap_or_default()
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
        let place = store.profile(tenant_id).await?.place;
        let pattern = store.case_number_pattern(tenant_id).await?;
        let number = number_text(&c, &pattern);
        let v = view(&tenant.name, &place, &number, &c);
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
    let place = store.profile(tenant_id).await?.place;
    let v = view(&tenant.name, &place, &number, &c);
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
