//! Whether a record a write refers to is the tenant's: the check every
//! write makes before it links to another record, so no tenant can point
//! at another's data by guessing an id.

use crate::StoreError;
use sqlx::{Any, Transaction};

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Memberships,
    Reviews,
    Cases,
    Events,
    Persons,
    Documents,
    Answers,
    /// The tenant's own organisations and the shared catalogue's.
    Organisations,
}

impl Kind {
    fn sql(self) -> &'static str {
        match self {
            Kind::Memberships => {
                "SELECT COUNT(*) FROM memberships WHERE tenant_id = $1 AND id = $2"
            }
            Kind::Reviews => "SELECT COUNT(*) FROM reviews WHERE tenant_id = $1 AND id = $2",
            Kind::Cases => "SELECT COUNT(*) FROM cases WHERE tenant_id = $1 AND id = $2",
            Kind::Events => "SELECT COUNT(*) FROM events WHERE tenant_id = $1 AND id = $2",
            Kind::Persons => "SELECT COUNT(*) FROM persons WHERE tenant_id = $1 AND id = $2",
            Kind::Documents => "SELECT COUNT(*) FROM documents WHERE tenant_id = $1 AND id = $2",
            Kind::Answers => "SELECT COUNT(*) FROM answers WHERE tenant_id = $1 AND id = $2",
            Kind::Organisations => {
                "SELECT COUNT(*) FROM organisations WHERE (tenant_id IS NULL OR tenant_id = $1) AND id = $2"
            }
        }
    }
}

/// Whether the tenant may refer to record `id` of `kind`.
pub(crate) async fn holds(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    kind: Kind,
    id: i64,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(kind.sql())
        .bind(tenant_id)
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

/// As [`holds`], refusing with `field`'s not-found error when it does not.
pub(crate) async fn require(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    kind: Kind,
    id: i64,
    field: &str,
) -> Result<(), StoreError> {
    if holds(tx, tenant_id, kind, id).await? {
        Ok(())
    } else {
        Err(StoreError::invalid(field, "error-not-found"))
    }
}

/// The link tables a record's list of ids is written to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Links {
    CaseMemberships,
    ActionOrganisations,
}

impl Links {
    fn sql(self) -> (&'static str, &'static str) {
        match self {
            Links::CaseMemberships => (
                "DELETE FROM case_memberships WHERE case_id = $1",
                "INSERT INTO case_memberships (case_id, membership_id) VALUES ($1, $2)",
            ),
            Links::ActionOrganisations => (
                "DELETE FROM action_organisations WHERE action_id = $1",
                "INSERT INTO action_organisations (action_id, organisation_id) VALUES ($1, $2)",
            ),
        }
    }
}

/// Replaces the ids linked to `owner` with `ids` (each once).
pub(crate) async fn replace_links(
    tx: &mut Transaction<'static, Any>,
    links: Links,
    owner: i64,
    ids: &[i64],
) -> Result<(), StoreError> {
    let (delete, insert) = links.sql();
    sqlx::query(delete).bind(owner).execute(&mut **tx).await?;
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        sqlx::query(insert)
            .bind(owner)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
