//! What a tenant keeps off its public pages: whole kinds of data (a
//! setting) and single records (e.g. one membership marked private).

mod person;
mod retention;
mod secrecy;

pub use person::{Erased, Kept, PersonData};
pub use retention::Removed;
pub use secrecy::{WITHHOLDING_CHANGED, Withheld};

use crate::{Store, StoreError};

/// The kinds of data public pages and dumps may show, all on by default.
pub const PUBLIC_KINDS: &[&str] = &[
    "organisations",
    "memberships",
    "fees",
    "seats",
    "cases",
    "events",
];
pub const PUBLIC_SETTING: &str = "public_sections";

/// The kinds a tenant's [`PUBLIC_SETTING`] names; all when it is unset.
pub(crate) fn kinds_from(setting: Option<String>) -> Vec<String> {
    match setting {
        Some(v) => v
            .split(',')
            .map(str::trim)
            .filter(|k| PUBLIC_KINDS.contains(k))
            .map(str::to_owned)
            .collect(),
        None => PUBLIC_KINDS.iter().map(|k| (*k).to_owned()).collect(),
    }
}

impl Store {
    /// The kinds the tenant shows publicly.
    pub async fn public_kinds(&self, tenant_id: i64) -> Result<Vec<String>, StoreError> {
        Ok(kinds_from(self.setting(tenant_id, PUBLIC_SETTING).await?))
    }

    pub async fn set_public_kinds(
        &self,
        tenant_id: i64,
        kinds: &[String],
    ) -> Result<(), StoreError> {
        let kept: Vec<&str> = kinds
            .iter()
            .map(String::as_str)
            .filter(|k| PUBLIC_KINDS.contains(k))
            .collect();
        self.set_setting(tenant_id, PUBLIC_SETTING, &kept.join(","))
            .await
    }

    /// Ids of the tenant's records of `entity` kept private.
    pub async fn private_ids(&self, tenant_id: i64, entity: &str) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT entity_id FROM private_records WHERE tenant_id = $1 AND entity = $2 ORDER BY entity_id",
        )
        .bind(tenant_id)
        .bind(entity)
        .fetch_all(self.pool())
        .await?)
    }
}
