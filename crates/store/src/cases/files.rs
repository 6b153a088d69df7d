//! Files kept with a record (an imported decision document, a notice letter).

use crate::audit::{Actor, record};
use crate::codec::now;
use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::Row;

/// A stored file's description; the bytes are read separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredFile {
    pub id: i64,
    pub owner_kind: String,
    pub owner_id: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub created_at: String,
}

/// Files larger than this are refused: decision documents are far smaller.
pub const MAX_FILE: usize = 20 * 1024 * 1024;

fn file_row(r: &sqlx::any::AnyRow) -> Result<StoredFile, sqlx::Error> {
    Ok(StoredFile {
        id: r.try_get("id")?,
        owner_kind: r.try_get("owner_kind")?,
        owner_id: r.try_get("owner_id")?,
        name: r.try_get("name")?,
        media_type: r.try_get("media_type")?,
        size: r.try_get("size")?,
        created_at: r.try_get("created_at")?,
    })
}

impl Store {
    pub async fn add_file(
        &self,
        actor: &Actor,
        owner: (&str, i64),
        name: &str,
        media_type: &str,
        content: &[u8],
    ) -> Result<StoredFile, StoreError> {
        if content.len() > MAX_FILE {
            return Err(StoreError::invalid("file", "error-file-too-large"));
        }
        let mut tx = self.write_tx().await?;
        let t = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO files (tenant_id, owner_kind, owner_id, name, media_type, size, content, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(owner.0)
        .bind(owner.1)
        .bind(name)
        .bind(media_type)
        .bind(content.len() as i64)
        .bind(content.to_vec())
        .bind(&actor.label)
        .bind(&t)
        .fetch_one(&mut *tx)
        .await?;
        let f = StoredFile {
            id,
            owner_kind: owner.0.to_owned(),
            owner_id: owner.1,
            name: name.to_owned(),
            media_type: media_type.to_owned(),
            size: content.len() as i64,
            created_at: t,
        };
        record(&mut tx, actor, "file", id, "create", None, Some(&f)).await?;
        tx.commit().await?;
        Ok(f)
    }

    pub async fn files_of(
        &self,
        tenant_id: i64,
        owner: (&str, i64),
    ) -> Result<Vec<StoredFile>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, owner_kind, owner_id, name, media_type, size, created_at FROM files
             WHERE tenant_id = $1 AND owner_kind = $2 AND owner_id = $3 ORDER BY id",
        )
        .bind(tenant_id)
        .bind(owner.0)
        .bind(owner.1)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(file_row).collect::<Result<_, _>>()?)
    }

    /// A file and its bytes, if it is the tenant's.
    pub async fn file(&self, tenant_id: i64, id: i64) -> Result<(StoredFile, Vec<u8>), StoreError> {
        let r = sqlx::query(
            "SELECT id, owner_kind, owner_id, name, media_type, size, created_at, content FROM files
             WHERE tenant_id = $1 AND id = $2",
        )
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok((file_row(&r)?, r.try_get("content")?))
    }
}
