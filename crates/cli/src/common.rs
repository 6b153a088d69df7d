//! What every command shares: the database it opens, the tenant it names,
//! and how it reports a store error or writes to a pipe.

use anyhow::{Context, Result, bail};
use oversyn_store::{Store, StoreError, redact};
use std::path::Path;

/// The database URL given, else a SQLite file in the data directory.
pub fn database_url(given: Option<&str>, data_dir: &Path) -> String {
    match given {
        Some(u) if !u.trim().is_empty() => u.to_owned(),
        _ => format!("sqlite://{}", data_dir.join("oversyn.db").display()),
    }
}

/// Opens the database, brings it up to date and seeds the shared catalogue.
pub async fn open(url: &str) -> Result<Store> {
    let store = Store::connect(url)
        .await
        .with_context(|| format!("opening {}", redact(url)))?;
    store.migrate().await?;
    store.seed_catalogue().await?;
    Ok(store)
}

/// The tenant named by `--tenant`, or a message saying how to add it.
pub async fn tenant(store: &Store, slug: &str) -> Result<oversyn_store::tenants::Tenant> {
    match store.tenant_by_slug(slug).await {
        Ok(t) => Ok(t),
        Err(StoreError::NotFound) => {
            bail!("no tenant '{slug}' (add it with `oversyn tenant add {slug}`)")
        }
        Err(e) => Err(e.into()),
    }
}

/// Who the audit log names for a change made from the command line.
pub fn actor(tenant_id: i64) -> oversyn_store::audit::Actor {
    oversyn_store::audit::Actor {
        tenant_id,
        user_id: None,
        label: "cli".into(),
    }
}

/// Turns a store error into a message a person can act on.
pub fn describe(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::Invalid(errors) => anyhow::anyhow!(
            "invalid input: {}",
            errors
                .0
                .iter()
                .map(|e| format!(
                    "{} ({})",
                    e.field,
                    e.key.trim_start_matches("error-").replace('-', " ")
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        e => e.into(),
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
pub fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout(), "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// Writes bytes to standard output, as [`print_out`] does text.
pub fn write_out(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// Whether an error comes from writing to a reader that went away.
pub fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes a file, naming it in the error.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}
