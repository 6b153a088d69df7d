//! Backup and restore of a SQLite database: an online, consistent copy with
//! `VACUUM INTO` while the application runs, and a restore that replaces the
//! database file whole. PostgreSQL has its own tools (`pg_dump`,
//! `pg_restore`); the README gives the commands.

use crate::{Backend, Store, StoreError};

/// The file path of a `sqlite://PATH[?…]` URL.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    if Backend::of_url(url).ok()? != Backend::Sqlite {
        return None;
    }
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()?;
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

impl Store {
    /// Writes a consistent copy of the whole database to `to` (which must not exist).
    pub async fn backup_to(&self, to: &std::path::Path) -> Result<(), StoreError> {
        if self.backend() != Backend::Sqlite {
            return Err(StoreError::Config(
                "PostgreSQL is backed up with pg_dump: pg_dump --format=custom --file=FILE URL (see README)".into(),
            ));
        }
        if to.exists() {
            return Err(StoreError::Config(format!(
                "{} exists already; choose a new file",
                to.display()
            )));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(to.display().to_string())
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Replaces the SQLite database at `url` with the backup `from`. Run it while
/// no server uses the database: the file is swapped whole, with its journal.
pub async fn restore_sqlite(url: &str, from: &std::path::Path) -> Result<(), StoreError> {
    let Some(target) = sqlite_path(url) else {
        return Err(StoreError::Config(
            "PostgreSQL is restored with pg_restore: pg_restore --clean --dbname=URL FILE (see README)".into(),
        ));
    };
    let io =
        |e: std::io::Error| StoreError::Config(format!("restoring to {}: {e}", target.display()));
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    // Anything but a SQLite file is refused at once: opening it as a
    // database would only fail after the pool's retries, seconds later.
    let mut magic = [0u8; 16];
    let is_sqlite = std::fs::File::open(from)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic))
        .is_ok_and(|()| &magic == b"SQLite format 3\0");
    if !is_sqlite {
        return Err(StoreError::Config(format!(
            "{} is not an Översyn backup (not a SQLite database file)",
            from.display()
        )));
    }
    let staging = target.with_extension("restoring");
    std::fs::copy(from, &staging).map_err(io)?;
    // The copy must be one of our databases before it replaces anything.
    let probe = Store::connect(&format!("sqlite://{}", staging.display())).await;
    let readable = match probe {
        Ok(p) => {
            let ok = p.count("SELECT COUNT(*) FROM tenants").await.is_ok();
            p.close().await;
            ok
        }
        Err(_) => false,
    };
    if !readable {
        let _ = std::fs::remove_file(&staging);
        return Err(StoreError::Config(format!(
            "{} is not an Översyn backup (no tenants table could be read)",
            from.display()
        )));
    }
    for suffix in ["-wal", "-shm"] {
        let side = std::path::PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(io)?;
        }
    }
    std::fs::rename(&staging, &target).map_err(io)?;
    Ok(())
}
