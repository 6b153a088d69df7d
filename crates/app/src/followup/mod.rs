//! Follow-up use cases: actions derived from a decided case, notice
//! warnings, reminders before a due day, and the calendar.

pub mod calendar;
pub mod derive;
pub mod reminders;
pub(crate) mod report_links;
pub mod warnings;

use oversyn_store::followup::StoredEvent;
use oversyn_store::{Store, StoreError};
use std::sync::Arc;

/// The tenant's events with their journeys, kept per state of the
/// tenant's data and day (the event list, the calendar, the overview and
/// the API all read them).
pub async fn events(store: &Store, tenant_id: i64) -> Result<Arc<Vec<StoredEvent>>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "events", 0, today, || async move {
            store.events(tenant_id).await
        })
        .await
}
