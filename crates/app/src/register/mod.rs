//! The register as the use cases read it: loaded whole per request, and the
//! follow-up part of the overview.

pub mod dashboard;

use oversyn_core::register::{Records, Snapshot};
use oversyn_store::{Store, StoreError};
use std::sync::Arc;

/// The tenant's register as it stands today; loaded once per state of the
/// tenant's data and kept (see the store's `remembered`).
pub async fn snapshot(store: &Store, tenant_id: i64) -> Result<Arc<Snapshot>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "snapshot", 0, today, || async move {
            Ok(Snapshot::new(
                Records {
                    organisations: store.organisations(tenant_id).await?,
                    bodies: store.bodies(tenant_id).await?,
                    persons: store.persons(tenant_id).await?,
                    memberships: store.memberships(tenant_id).await?,
                    seats: store.seats(tenant_id).await?,
                    relations: store.relations(tenant_id).await?,
                    rates: store.exchange_rates().await?,
                    terms: store.terms(tenant_id).await?,
                },
                today,
            ))
        })
        .await
}

/// The tenant's invoices, kept as [`snapshot`] is.
pub async fn invoices(
    store: &Store,
    tenant_id: i64,
) -> Result<Arc<Vec<oversyn_core::register::invoice::Invoice>>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "invoices", 0, today, || async move {
            store.all_invoices(tenant_id).await
        })
        .await
}

/// An organisation with its facts, bodies and the tenant's notes, kept as
/// [`snapshot`] is (its page is among the most read).
pub async fn organisation_detail(
    store: &Store,
    tenant_id: i64,
    id: i64,
) -> Result<Arc<oversyn_store::register::OrganisationDetail>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered(tenant_id, "organisation detail", id, today, || async move {
            store.organisation_detail(tenant_id, id).await
        })
        .await
}
