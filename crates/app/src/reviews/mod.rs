//! Review use cases: invitations and reminders to respondents, and what a
//! review's pages read of its respondents, kept while the data is unchanged.

pub mod mailing;

use oversyn_store::reviews::{MailRecord, Respondent};
use oversyn_store::{Store, StoreError};
use std::sync::Arc;

/// A review's respondents with their memberships, loaded once per state of
/// the tenant's data and day (the review page, its outbox, its results and
/// the API's review list all read them; a national review has hundreds).
pub async fn respondents(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<Arc<Vec<Respondent>>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "respondents", review_id, today, || async move {
            store.respondents(tenant_id, review_id).await
        })
        .await
}

/// The messages sent to a review's respondents, newest first, kept as
/// [`respondents`] is.
pub async fn messages(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
) -> Result<Arc<Vec<MailRecord>>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "messages", review_id, today, || async move {
            store.messages(tenant_id, review_id).await
        })
        .await
}
