//! Översyn's storage: one set of portable SQL over SQLite (default) or
//! PostgreSQL, chosen by the database URL.
//!
//! Why sqlx's `Any` driver and not a pool per backend: the schema keeps to
//! types both databases read the same way through `Any` — BIGINT ids and
//! flags, TEXT dates and timestamps (ISO/RFC 3339, UTC), integer minor units
//! for money — so every query is written and run once. The two dialects
//! differ only in the migrations (`migrations/{sqlite,postgres}`), which a
//! test keeps equal in tables and columns.

pub mod audit;
pub mod auth;
pub mod backup;
pub mod cases;
mod codec;
pub mod error;
pub mod followup;
pub mod jobs;
mod memo;
pub use memo::reading_at;
pub mod money;
pub mod oidc;
pub mod oparl;
pub mod privacy;
pub mod records;
pub mod register;
pub mod reviews;
mod scope;
pub mod seed;
pub mod synthetic;
pub mod tenants;
pub mod testing;

pub use error::StoreError;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::Config(format!(
                "unsupported database URL (use sqlite://PATH or postgres://…): {}",
                redact(url)
            )))
        }
    }
}

/// A URL with any password replaced, safe to print or log.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

/// The handle every other layer talks to; cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Loads kept per tenant stamp (see `memo`); shared by the clones.
    memo: std::sync::Arc<memo::Memo>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Store {
    /// Opens the database, creating a SQLite file (and its folder) on first use.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        install_default_drivers();
        let backend = Backend::of_url(url)?;
        let mut url = url.to_owned();
        if backend == Backend::Sqlite {
            let path = url
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:");
            let path = path.split('?').next().unwrap_or_default().to_owned();
            if path != ":memory:" {
                if let Some(dir) = std::path::Path::new(&path)
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        StoreError::Config(format!("cannot create {}: {e}", dir.display()))
                    })?;
                }
                if !url.contains("mode=") {
                    url.push_str(if url.contains('?') {
                        "&mode=rwc"
                    } else {
                        "?mode=rwc"
                    });
                }
            }
        }
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers go on while one writer writes; the busy
                        // timeout makes a second writer wait instead of failing.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        // FULL syncs the WAL at every commit, so what the app has
                        // acknowledged (a respondent's answers) survives a power cut
                        // or an OS crash too; NORMAL survives only a crash of the
                        // process and may lose the last commits. Writes are few.
                        conn.execute("PRAGMA synchronous = FULL").await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|e| {
                StoreError::Config(format!("cannot open database {}: {e}", redact(&url)))
            })?;
        Ok(Store {
            pool,
            backend,
            memo: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for tests that read tables directly (e.g. to compare a restore).
    pub fn pool_for_tests(&self) -> &AnyPool {
        &self.pool
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Applies pending migrations for this backend.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let m = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        m.run(&self.pool)
            .await
            .map_err(|e| StoreError::Config(format!("migration failed: {e}")))
    }

    /// The versions of the migrations each backend carries (for the parity test).
    pub fn migration_versions(backend: Backend) -> Vec<i64> {
        let m = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        m.iter().map(|m| m.version).collect()
    }

    /// Tables and their columns, sorted, as the database reports them.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        let tables: Vec<String> = match self.backend {
            Backend::Sqlite => {
                sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name")
                    .fetch_all(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::query_scalar("SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%' ORDER BY table_name")
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        let mut out = Vec::new();
        for t in tables {
            let mut cols: Vec<String> = match self.backend {
                Backend::Sqlite => sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT name FROM pragma_table_info('{t}')"))).fetch_all(&self.pool).await?,
                Backend::Postgres => {
                    sqlx::query_scalar("SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1")
                        .bind(&t)
                        .fetch_all(&self.pool)
                        .await?
                }
            };
            cols.sort();
            out.push((t, cols));
        }
        Ok(out)
    }

    /// A cheap round trip for health checks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The version of every scope's contents: triggers on every table
    /// raise the scope of the row they write (its tenant, or 0 for what
    /// tenants share) in the same transaction, from any process
    /// (migration 0011). Equal versions mean equal data in that scope.
    pub async fn data_versions(&self) -> Result<Versions, StoreError> {
        Versions::read(self.pool(), self.backend).await
    }

    /// A reader of [`Store::data_versions`] on a connection of its own.
    pub fn version_reader(&self) -> VersionReader {
        VersionReader {
            store: self.clone(),
            conn: None,
        }
    }

    /// Runs one statement as given; for tests and maintenance commands only.
    #[doc(hidden)]
    pub async fn try_raw(&self, statement: &str) -> Result<u64, StoreError> {
        Ok(sqlx::query(sqlx::AssertSqlSafe(statement.to_owned()))
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// One integer from a query as given; for tests that inspect what is stored.
    #[doc(hidden)]
    pub async fn count(&self, statement: &str) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar(sqlx::AssertSqlSafe(statement.to_owned()))
                .fetch_one(&self.pool)
                .await?,
        )
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The data versions of every scope, as read at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Versions(std::collections::HashMap<i64, i64>);

/// What a tenant's pages depend on: the versions of the shared scope and
/// of its own. Equal stamps mean the tenant sees equal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub shared: i64,
    pub own: i64,
}

impl Versions {
    /// All scopes in one text value ("scope:version,…"): a row per scope
    /// through the `Any` driver cost a quarter of a millisecond for a
    /// national host's 300 tenants, on nearly every request.
    async fn read<'e, E>(executor: E, backend: Backend) -> Result<Versions, StoreError>
    where
        E: sqlx::Executor<'e, Database = sqlx::Any>,
    {
        let sql = match backend {
            Backend::Sqlite => {
                "SELECT COALESCE(group_concat(scope || ':' || version, ','), '') FROM data_versions"
            }
            Backend::Postgres => {
                "SELECT COALESCE(string_agg(scope || ':' || version, ','), '') FROM data_versions"
            }
        };
        let all: String = sqlx::query_scalar(sql).fetch_one(executor).await?;
        Versions::parse(&all)
    }

    fn parse(all: &str) -> Result<Versions, StoreError> {
        let bad = || StoreError::Config(format!("unreadable data versions: {all:.80}"));
        all.split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (scope, version) = p.split_once(':').ok_or_else(bad)?;
                Ok((
                    scope.parse().map_err(|_| bad())?,
                    version.parse().map_err(|_| bad())?,
                ))
            })
            .collect::<Result<_, _>>()
            .map(Versions)
    }

    /// One number for the versions of every scope: equal fingerprints mean
    /// (but for a 64-bit hash collision) equal data everywhere. For what is
    /// read across all tenants at once, such as the list of publishers.
    pub fn fingerprint(&self) -> i64 {
        use std::hash::{Hash, Hasher};
        // Job queues (negative scopes, migration 0026) change with every
        // claim and show in no such read.
        let mut pairs: Vec<(&i64, &i64)> = self.0.iter().filter(|(s, _)| **s >= 0).collect();
        pairs.sort_unstable();
        let mut h = std::hash::DefaultHasher::new();
        pairs.hash(&mut h);
        h.finish() as i64
    }

    /// The version of tenant `tenant_id`'s job queue (migration 0026).
    pub fn job_queue(&self, tenant_id: i64) -> i64 {
        self.0.get(&-tenant_id).copied().unwrap_or(0)
    }

    /// The stamp of tenant `tenant_id`'s data.
    pub fn stamp(&self, tenant_id: i64) -> Stamp {
        Stamp {
            shared: self.0.get(&0).copied().unwrap_or(0),
            own: self.0.get(&tenant_id).copied().unwrap_or(0),
        }
    }
}

/// Reads the data versions on a connection taken out of the pool for good.
///
/// Why its own connection: the web layer reads the versions for nearly
/// every request (coalesced, one read at a time). Through the pool each
/// read would also wait for a free connection and pay the pool's liveness
/// check, a second round trip; a busy pool would delay every cached page.
/// A failed read drops the connection; the next read opens a new one.
pub struct VersionReader {
    store: Store,
    conn: Option<sqlx::AnyConnection>,
}

impl VersionReader {
    pub async fn read(&mut self) -> Result<Versions, StoreError> {
        let conn = match &mut self.conn {
            Some(c) => c,
            None => self.conn.insert(self.store.pool.acquire().await?.detach()),
        };
        match Versions::read(&mut *conn, self.store.backend).await {
            Ok(v) => Ok(v),
            Err(e) => {
                self.conn = None;
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_read_from_one_text_value() {
        let v = Versions::parse("0:5,12:7,13:2").unwrap();
        assert_eq!(v.stamp(12), Stamp { shared: 5, own: 7 });
        assert_eq!(v.stamp(99), Stamp { shared: 5, own: 0 });
        assert_eq!(Versions::parse("").unwrap(), Versions::default());
        assert!(Versions::parse("0:5,x").is_err());
        assert!(Versions::parse("0:five").is_err());
    }

    #[test]
    fn a_job_queue_is_a_scope_apart() {
        let v = Versions::parse("0:5,12:7,-12:40").unwrap();
        assert_eq!(v.stamp(12), Stamp { shared: 5, own: 7 });
        assert_eq!(v.job_queue(12), 40);
        assert_eq!(v.job_queue(13), 0);
        let claimed = Versions::parse("0:5,12:7,-12:41").unwrap();
        assert_eq!(v.fingerprint(), claimed.fingerprint());
        let written = Versions::parse("0:5,12:8,-12:40").unwrap();
        assert_ne!(v.fingerprint(), written.fingerprint());
    }
}
