//! Per-tenant settings, such as the pattern case numbers are written in.

use crate::{Store, StoreError};
use oversyn_core::cases::number::{DEFAULT_PATTERN, valid_pattern};
use sqlx::{Any, Transaction};

pub const CASE_NUMBER_PATTERN: &str = "case_number_pattern";

/// Sets one setting inside a caller's transaction (so an audit entry can go with it).
pub(crate) async fn replace_setting(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM tenant_settings WHERE tenant_id = $1 AND key = $2")
        .bind(tenant_id)
        .bind(key)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO tenant_settings (tenant_id, key, value) VALUES ($1, $2, $3)")
        .bind(tenant_id)
        .bind(key)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// One of the tenant's settings, from all of them kept while its data
    /// is unchanged (most pages read one or two).
    pub async fn setting(&self, tenant_id: i64, key: &str) -> Result<Option<String>, StoreError> {
        let all = self
            .kept_arc(tenant_id, "settings", (0, 0), || async {
                let rows: Vec<(String, String)> =
                    sqlx::query_as("SELECT key, value FROM tenant_settings WHERE tenant_id = $1")
                        .bind(tenant_id)
                        .fetch_all(self.pool())
                        .await?;
                Ok(rows
                    .into_iter()
                    .collect::<std::collections::HashMap<_, _>>())
            })
            .await?;
        Ok(all.get(key).cloned())
    }

    pub async fn set_setting(
        &self,
        tenant_id: i64,
        key: &str,
        value: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        replace_setting(&mut tx, tenant_id, key, value).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How this tenant writes case numbers.
    pub async fn case_number_pattern(&self, tenant_id: i64) -> Result<String, StoreError> {
        Ok(self
            .setting(tenant_id, CASE_NUMBER_PATTERN)
            .await?
            .filter(|p| valid_pattern(p))
            .unwrap_or_else(|| DEFAULT_PATTERN.to_owned()))
    }

    pub async fn set_case_number_pattern(
        &self,
        tenant_id: i64,
        pattern: &str,
    ) -> Result<(), StoreError> {
        if !valid_pattern(pattern) {
            return Err(StoreError::invalid("pattern", "error-case-number-pattern"));
        }
        self.set_setting(tenant_id, CASE_NUMBER_PATTERN, pattern)
            .await
    }
}
