//! What an OParl-style reader needs beyond the records: when each record
//! was made and last changed, and what was deleted.

use crate::{Store, StoreError};
use sqlx::Row;

/// (id, created_at, updated_at) of a tenant's rows in one of the register's tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub id: i64,
    pub created: String,
    pub modified: String,
}

/// The tables a stamp can be read from, with how their tenant is found.
const TABLES: &[(&str, &str)] = &[
    ("bodies", "tenant_id = $1"),
    ("persons", "tenant_id = $1"),
    ("memberships", "tenant_id = $1"),
    ("organisations", "(tenant_id IS NULL OR tenant_id = $1)"),
    ("cases", "tenant_id = $1"),
    ("events", "tenant_id = $1"),
    ("seats", "tenant_id = $1"),
];

impl Store {
    /// The ids and times of the tenant's records in `table`, kept while
    /// its data is unchanged.
    pub async fn stamps(&self, tenant_id: i64, table: &str) -> Result<Vec<Stamp>, StoreError> {
        let Some(at) = TABLES.iter().position(|(t, _)| *t == table) else {
            return Err(StoreError::NotFound);
        };
        self.kept(tenant_id, "oparl stamps", (at as i64, 0), || {
            self.load_stamps(tenant_id, at)
        })
        .await
    }

    async fn load_stamps(&self, tenant_id: i64, at: usize) -> Result<Vec<Stamp>, StoreError> {
        let (name, filter) = TABLES[at];
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, created_at, updated_at FROM {name} WHERE {filter} ORDER BY id"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Stamp {
                    id: r.try_get("id")?,
                    created: r.try_get("created_at")?,
                    modified: r.try_get("updated_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Deleted records of `entity` since `since` (RFC 3339): (id, deleted_at).
    pub async fn tombstones(
        &self,
        tenant_id: i64,
        entity: &str,
        since: &str,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT entity_id, deleted_at FROM tombstones WHERE tenant_id = $1 AND entity = $2 AND deleted_at >= $3 ORDER BY entity_id",
        )
        .bind(tenant_id)
        .bind(entity)
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("entity_id")?, r.try_get("deleted_at")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}

/// A tenant that publishes, with when it was set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publisher {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub created: String,
    /// The kinds of data it publishes.
    pub kinds: Vec<String>,
    /// When it last withheld or released a record open data tells of.
    pub withholding_changed: Option<String>,
}

impl Store {
    /// Tenants whose public pages show anything (a tenant that switched
    /// every public kind off publishes nothing), by slug.
    pub async fn publishers(&self) -> Result<Vec<Publisher>, StoreError> {
        Ok(self.kept_publishers().await?.as_ref().clone())
    }

    /// The tenant with `slug`, if it publishes.
    pub async fn publisher(&self, slug: &str) -> Result<Option<Publisher>, StoreError> {
        Ok(self
            .kept_publishers()
            .await?
            .iter()
            .find(|p| p.slug == slug)
            .cloned())
    }

    /// Every OParl request begins by finding its publisher: the list is
    /// kept while no tenant's data changes.
    async fn kept_publishers(&self) -> Result<std::sync::Arc<Vec<Publisher>>, StoreError> {
        let today = chrono::Utc::now().date_naive();
        self.remembered_everywhere("publishers", today, || self.load_publishers())
            .await
    }

    async fn load_publishers(&self) -> Result<Vec<Publisher>, StoreError> {
        let sql = format!(
            "SELECT t.id, t.slug, t.name, t.created_at, s.value AS kinds, w.value AS withholding_changed FROM tenants t LEFT JOIN tenant_settings s ON s.tenant_id = t.id AND s.key = $1 LEFT JOIN tenant_settings w ON w.tenant_id = t.id AND w.key = '{changed}' WHERE (s.value IS NULL OR s.value <> '') ORDER BY t.slug",
            changed = crate::privacy::WITHHOLDING_CHANGED,
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(crate::privacy::PUBLIC_SETTING)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Publisher {
                    id: r.try_get("id")?,
                    slug: r.try_get("slug")?,
                    name: r.try_get("name")?,
                    created: r.try_get("created_at")?,
                    kinds: crate::privacy::kinds_from(r.try_get("kinds")?),
                    withholding_changed: r.try_get("withholding_changed")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Every deletion of `entity` in the tenant: (id, deleted at).
    pub async fn all_tombstones(
        &self,
        tenant_id: i64,
        entity: &str,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        self.tombstones(tenant_id, entity, "").await
    }
}

/// A file's description with its owner, for listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub id: i64,
    pub owner_kind: String,
    pub owner_id: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub created: String,
}

impl Store {
    /// Every file the tenant keeps (descriptions only).
    pub async fn all_files(&self, tenant_id: i64) -> Result<Vec<FileRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, owner_kind, owner_id, name, media_type, size, created_at FROM files WHERE tenant_id = $1 ORDER BY id",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FileRow {
                    id: r.try_get("id")?,
                    owner_kind: r.try_get("owner_kind")?,
                    owner_id: r.try_get("owner_id")?,
                    name: r.try_get("name")?,
                    media_type: r.try_get("media_type")?,
                    size: r.try_get("size")?,
                    created: r.try_get("created_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}
