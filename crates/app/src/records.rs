//! The document register's use cases: a case drafted from a review gets the
//! review report and the official statement registered as its attachments
//! (Bilagor), and the daily removal of what the retention rules say is due.

use chrono::NaiveDate;
use oversyn_core::Lang;
use oversyn_core::records::{Direction, DocumentCmd};
use oversyn_store::audit::Actor;
use oversyn_store::records::{Document, NewFile};
use oversyn_store::{Store, StoreError};

/// Registers the review report and the official statement as Bilaga 1 and
/// 2 of a case drafted from a review, once; a case without a review gets
/// nothing. Returns what was registered.
pub async fn attach_review_documents(
    store: &Store,
    actor: &Actor,
    case_id: i64,
    today: NaiveDate,
) -> Result<Vec<Document>, StoreError> {
    let case = store.case(actor.tenant_id, case_id).await?;
    let Some(review_id) = case.fields.review_id else {
        return Ok(Vec::new());
    };
    let already = store.documents(actor.tenant_id, Some(case_id)).await?;
    if already.iter().any(|d| d.attachment_of.is_some()) {
        return Ok(Vec::new());
    }
    let review = store.review(actor.tenant_id, review_id).await?;
    let en = Lang::from_code(&case.fields.language) == Lang::En;
    let office = store.profile(actor.tenant_id).await?;
    let office = if en {
        office.office_en
    } else {
        office.office_sv
    };
    let attach = |n: u32, title: String, type_code: &str| DocumentCmd {
        title,
        direction: Direction::Internal,
        dated_on: today,
        counterpart: office.clone(),
        type_code: type_code.to_owned(),
        case_id: Some(case_id),
        membership_id: None,
        review_id: Some(review_id),
        attachment_of: Some(format!("{} {n}", if en { "Appendix" } else { "Bilaga" })),
    };
    let report = if en {
        format!("Review report: {}", review.title)
    } else {
        format!("Rapport från översynen: {}", review.title)
    };
    let statement = if en {
        format!("Official statement: {}", case.fields.title)
    } else {
        format!("Tjänsteutlåtande: {}", case.fields.title)
    };
    // Each attachment keeps the document as it stood on the day the case
    // was drafted, as a PDF: the register's copy must not follow later edits.
    let lang = if en { Lang::En } else { Lang::Sv };
    let report_pdf = crate::analysis::report::render_kept(
        store,
        actor.tenant_id,
        review_id,
        lang,
        crate::Format::Pdf,
    )
    .await;
    let docs = crate::cases::documents::CaseDocs::load(store, actor.tenant_id, case_id).await?;
    let statement_pdf = tokio::task::spawn_blocking(move || {
        crate::cases::documents::render(&docs.document, crate::Format::Pdf)
    })
    .await
    .map_err(|e| e.to_string())
    .and_then(|r| r);
    let report_pdf = report_pdf.map_err(|e| e.to_string());
    let mut out = Vec::new();
    for (cmd, pdf, name) in [
        (
            attach(1, report, "report"),
            report_pdf,
            "bilaga-1-rapport.pdf",
        ),
        (
            attach(2, statement, "statement"),
            statement_pdf,
            "bilaga-2-tjansteutlatande.pdf",
        ),
    ] {
        let file = match &pdf {
            Ok(bytes) => Some(NewFile {
                name,
                media_type: "application/pdf",
                content: bytes,
            }),
            Err(e) => {
                // The entry still proves the attachment; the log says why it has no copy.
                tracing::warn!(case_id, error = %e, "an attachment could not be rendered");
                None
            }
        };
        out.push(store.register_document(actor, &cmd, file).await?);
    }
    Ok(out)
}

/// What the document register's page shows, read once per state of the
/// tenant's data, day and language and kept (the registrar's daily page
/// made seven queries).
pub struct Register {
    pub documents: Vec<Document>,
    pub withheld: Vec<oversyn_store::privacy::Withheld>,
    pub due: Vec<Document>,
    pub types: Vec<oversyn_core::records::DocumentType>,
    pub grounds: Vec<oversyn_core::privacy::secrecy::Ground>,
}

pub async fn register(
    store: &Store,
    tenant_id: i64,
    lang: Lang,
    today: NaiveDate,
) -> Result<std::sync::Arc<Register>, StoreError> {
    store
        .remembered(
            tenant_id,
            "document register",
            i64::from(lang.is_en()),
            today,
            || async move {
                Ok(Register {
                    documents: store.documents(tenant_id, None).await?,
                    withheld: store.withheld(tenant_id, "document").await?,
                    due: store.documents_due(tenant_id, today).await?,
                    types: store.document_types(tenant_id, lang).await?,
                    grounds: store.secrecy_grounds(tenant_id, lang).await?,
                })
            },
        )
        .await
}
