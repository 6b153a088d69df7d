//! Throw-away databases for tests: a fresh SQLite file or a fresh
//! PostgreSQL database per test, migrated and with the catalogue seeded.

use crate::{Store, StoreError};

/// The PostgreSQL server tests use, if any (`OVERSYN_TEST_POSTGRES_URL`).
pub fn postgres_url() -> Option<String> {
    std::env::var("OVERSYN_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// A database that exists for one test.
pub struct ScratchDb {
    pub url: String,
    _dir: Option<TempDir>,
}

/// A temporary folder removed on drop (no extra crate for this).
pub struct TempDir(pub std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unique_name() -> String {
    let t = crate::auth::random_token()
        .to_lowercase()
        .replace(['-', '_'], "");
    format!("oversyn_test_{}", &t[..16])
}

impl ScratchDb {
    pub fn sqlite() -> ScratchDb {
        let dir = std::env::temp_dir().join(unique_name());
        std::fs::create_dir_all(&dir).expect("temp dir is writable");
        let url = format!("sqlite://{}/oversyn.db", dir.display());
        ScratchDb {
            url,
            _dir: Some(TempDir(dir)),
        }
    }

    /// Creates a new database on the server `base_url` points at.
    pub async fn postgres(base_url: &str) -> Result<ScratchDb, StoreError> {
        use sqlx::Connection;
        let name = unique_name();
        let mut conn = sqlx::PgConnection::connect(base_url).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await?;
        conn.close().await?;
        let mut url = url::Url::parse(base_url).map_err(|e| StoreError::Config(e.to_string()))?;
        url.set_path(&name);
        Ok(ScratchDb {
            url: url.to_string(),
            _dir: None,
        })
    }

    /// Opens, migrates and seeds the catalogue.
    pub async fn open(&self) -> Result<Store, StoreError> {
        let store = Store::connect(&self.url).await?;
        store.migrate().await?;
        store.seed_catalogue().await?;
        Ok(store)
    }
}

/// A fresh database on each backend a test can reach: SQLite always,
/// PostgreSQL when `OVERSYN_TEST_POSTGRES_URL` is set (else it says the
/// leg is skipped). Keep the `ScratchDb` while its store is used.
pub async fn backends() -> Vec<(ScratchDb, Store)> {
    let mut out = Vec::new();
    let db = ScratchDb::sqlite();
    let s = db.open().await.expect("sqlite opens");
    out.push((db, s));
    match postgres_url() {
        Some(url) => {
            let db = ScratchDb::postgres(&url)
                .await
                .expect("postgres scratch database");
            let s = db.open().await.expect("postgres opens");
            out.push((db, s));
        }
        None => eprintln!("PostgreSQL leg SKIPPED: OVERSYN_TEST_POSTGRES_URL is not set"),
    }
    out
}

/// Every column of every table of the application (not the migrations'
/// own), as (table, column): for tests that must search the whole database,
/// e.g. for a name that should be gone.
pub async fn all_columns(store: &Store) -> Result<Vec<(String, String)>, StoreError> {
    let sql = match store.backend() {
        crate::Backend::Sqlite => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'
             ORDER BY m.name, p.cid"
        }
        crate::Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) AS t, CAST(column_name AS TEXT) AS c FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'
             ORDER BY table_name, ordinal_position"
        }
    };
    let rows = sqlx::query(sql).fetch_all(store.pool_for_tests()).await?;
    use sqlx::Row;
    Ok(rows
        .iter()
        .map(|r| Ok((r.try_get("t")?, r.try_get("c")?)))
        .collect::<Result<_, sqlx::Error>>()?)
}

/// The places (table.column) in the whole database whose text contains
/// `needle`, ignoring case.
pub async fn places_holding(store: &Store, needle: &str) -> Result<Vec<String>, StoreError> {
    let needle = needle.to_lowercase().replace('\'', "''");
    let mut found = Vec::new();
    for (t, c) in all_columns(store).await? {
        let n = store
            .count(&format!(
                "SELECT COUNT(*) FROM \"{t}\" WHERE LOWER(CAST(\"{c}\" AS TEXT)) LIKE '%{needle}%'"
            ))
            .await?;
        if n > 0 {
            found.push(format!("{t}.{c}"));
        }
    }
    Ok(found)
}
