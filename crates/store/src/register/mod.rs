//! The register in storage: organisations (shared catalogue and tenants'
//! own), relations, bodies, persons, memberships and seats. Every query on
//! tenant data names the tenant; every change writes its audit entry in the
//! same transaction.

mod bodies;
mod memberships;
mod organisations;
mod persons;
mod seats;
mod terms;

pub use memberships::MembershipRow;
pub use organisations::{OrgBody, OrgFact, OrganisationDetail};

use crate::StoreError;

/// Refuses a change made from a stale copy of the record.
pub(crate) fn check_version(expected: Option<i64>, actual: i64) -> Result<(), StoreError> {
    match expected {
        Some(v) if v != actual => Err(StoreError::Stale),
        _ => Ok(()),
    }
}
