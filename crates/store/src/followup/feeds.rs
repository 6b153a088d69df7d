//! Calendar feed links: a long random token in the URL, only its hash stored.

use crate::codec::now;
use crate::{Store, StoreError};
use sha2::{Digest, Sha256};

fn hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

impl Store {
    /// A new feed link for the tenant (or one person's part of it); the token is shown once.
    pub async fn create_calendar_feed(
        &self,
        tenant_id: i64,
        person_id: Option<i64>,
        created_by: &str,
    ) -> Result<String, StoreError> {
        let token = crate::auth::random_token();
        sqlx::query(
            "INSERT INTO calendar_feeds (token_hash, tenant_id, person_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash(&token))
        .bind(tenant_id)
        .bind(person_id)
        .bind(created_by)
        .bind(now())
        .execute(self.pool())
        .await?;
        Ok(token)
    }

    /// The tenant and person a feed token stands for.
    pub async fn calendar_feed(&self, token: &str) -> Result<(i64, Option<i64>), StoreError> {
        use sqlx::Row;
        let r =
            sqlx::query("SELECT tenant_id, person_id FROM calendar_feeds WHERE token_hash = $1")
                .bind(hash(token))
                .fetch_optional(self.pool())
                .await?
                .ok_or(StoreError::NotFound)?;
        Ok((r.try_get("tenant_id")?, r.try_get("person_id")?))
    }
}
