//! The data versions a request is answered at, read once for many
//! requests but never before a request arrived.

use oversyn_store::{Store, StoreError, VersionReader, Versions};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The data versions as they stood after a request arrived.
#[derive(Debug, Clone)]
pub struct DataVersion(pub Arc<Versions>);

/// Coalesces data-version reads: concurrent requests share one query, and
/// each gets the result of a query that began after it arrived, so it sees
/// every write acknowledged before then.
#[derive(Default)]
pub struct VersionGate {
    /// One query at a time, on a connection of its own (opened at first
    /// use); waiters usually find a fresh result when it is their turn.
    reader: tokio::sync::Mutex<Option<VersionReader>>,
    /// Queries begun so far; a query's number is this count after it began.
    started: AtomicU64,
    /// The newest finished query: its number and the versions it read.
    latest: Mutex<(u64, Arc<Versions>)>,
}

impl VersionGate {
    pub async fn current(&self, store: &Store) -> Result<Arc<Versions>, StoreError> {
        // Queries numbered above `arrived` began after this point.
        let arrived = self.started.load(Ordering::SeqCst);
        if let Some(v) = self.finished_after(arrived) {
            return Ok(v);
        }
        let mut reader = self.reader.lock().await;
        if let Some(v) = self.finished_after(arrived) {
            return Ok(v);
        }
        let number = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        let versions = Arc::new(
            reader
                .get_or_insert_with(|| store.version_reader())
                .read()
                .await?,
        );
        *self.latest.lock().unwrap_or_else(|p| p.into_inner()) = (number, versions.clone());
        Ok(versions)
    }

    fn finished_after(&self, arrived: u64) -> Option<Arc<Versions>> {
        let latest = self.latest.lock().unwrap_or_else(|p| p.into_inner());
        (latest.0 > arrived).then(|| latest.1.clone())
    }
}
