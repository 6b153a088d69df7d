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
