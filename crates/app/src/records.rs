//! The document register's use cases: a case drafted from a review gets the
//! review report and the official statement registered as its attachments
//! (Bilagor), and the daily removal of what the retention rules say is due.

use chrono::NaiveDate;
use oversyn_core::Lang;
use oversyn_core::records::{Direction, DocumentCmd};
use oversyn_store::audit::Actor;
use oversyn_store::records::Document;
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
    let mut out = Vec::new();
    for cmd in [
        attach(1, report, "report"),
        attach(2, statement, "statement"),
    ] {
        out.push(store.register_document(actor, &cmd, None).await?);
    }
    Ok(out)
}
