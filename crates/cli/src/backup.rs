//! `oversyn backup|restore`: a consistent copy of the SQLite database while
//! it runs, and putting one back (PostgreSQL: pg_dump and pg_restore).

use crate::common::{describe, open};
use anyhow::Result;
use oversyn_store::{Store, redact};
use std::path::Path;

pub async fn backup(store: &Store, database_url: &str, to: &Path) -> Result<()> {
    store.backup_to(to).await.map_err(describe)?;
    out!("Backed up {} to {}.", redact(database_url), to.display());
    Ok(())
}

/// Runs before the database is opened: the file is replaced underneath.
pub async fn restore(database_url: &str, from: &Path) -> Result<()> {
    oversyn_store::backup::restore_sqlite(database_url, from)
        .await
        .map_err(describe)?;
    let store = open(database_url).await?;
    let tenants = store.tenants().await?.len();
    store.close().await;
    out!(
        "Restored {} from {} ({tenants} tenants).",
        redact(database_url),
        from.display()
    );
    Ok(())
}
