//! What was loaded or computed from a tenant's data, kept in memory while
//! the tenant's stamp (its own and the shared data version, migration
//! 0011) and the day stay the same. Pages that read the whole register —
//! most of them — then cost one version read instead of six queries, and
//! a write in the tenant (from any process) makes the next read load
//! afresh. Each server keeps its own.

use crate::{Stamp, Store, StoreError};
use chrono::NaiveDate;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Kept values in all; beyond it the memo starts afresh. Most are a
/// tenant's list of something (its register, a review's answers, a
/// membership's invoices); a national host's busiest tenants fit.
const MAX_ENTRIES: usize = 4096;
/// Rendered output (figures, documents) kept in all, by its weight.
const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Tenant, what, and the id and variant (e.g. a review and a language).
type Key = (i64, &'static str, i64, i64);

struct Entry {
    stamp: Stamp,
    day: NaiveDate,
    /// Bytes, for rendered output; 0 for structured data.
    weight: usize,
    value: Arc<dyn Any + Send + Sync>,
}

#[derive(Default)]
struct Kept {
    map: HashMap<Key, Entry>,
    weight: usize,
}

/// Keys being loaded now, each with the lock its loader holds.
type Loading = HashMap<Key, Arc<tokio::sync::Mutex<()>>>;

#[derive(Default)]
pub(crate) struct Memo(Mutex<Kept>, Mutex<Loading>);

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

impl Memo {
    fn get<T: Any + Send + Sync>(&self, key: &Key, stamp: Stamp, day: NaiveDate) -> Option<Arc<T>> {
        let kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let e = kept
            .map
            .get(key)
            .filter(|e| e.stamp == stamp && e.day == day)?;
        e.value.clone().downcast::<T>().ok()
    }

    /// The lock for loading `key`: one load at a time per key, so that
    /// requests arriving together (64 viewers after a write) wait for one
    /// load instead of each doing it.
    fn loading(&self, key: &Key) -> Arc<tokio::sync::Mutex<()>> {
        let mut loading = self.1.lock().unwrap_or_else(|p| p.into_inner());
        loading.entry(*key).or_default().clone()
    }

    /// Forgets the lock of `key` once nobody else holds or waits for it.
    fn loaded(&self, key: &Key, lock: Arc<tokio::sync::Mutex<()>>) {
        let mut loading = self.1.lock().unwrap_or_else(|p| p.into_inner());
        // Ours and the map's: no one else has it.
        if Arc::strong_count(&lock) <= 2 {
            loading.remove(key);
        }
    }

    fn put(&self, key: Key, entry: Entry) {
        let mut kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let full = kept.map.len() >= MAX_ENTRIES && !kept.map.contains_key(&key);
        if full || kept.weight + entry.weight > MAX_BYTES {
            kept.map.clear();
            kept.weight = 0;
        }
        kept.weight += entry.weight;
        if let Some(old) = kept.map.insert(key, entry) {
            kept.weight -= old.weight;
        }
    }
}

/// The data versions a request is answered at, read after it arrived, and
/// whether it has written since.
struct ReadAt {
    versions: Arc<crate::Versions>,
    wrote: AtomicBool,
}

tokio::task_local! {
    static READ_AT: ReadAt;
}

/// Runs `f` (a request's handling) at `versions`, which were read after
/// the request arrived: within it, [`Store::stamp`] answers from them
/// instead of a query of its own — a page that reads three kept values
/// paid three version reads before. A value loaded under an earlier stamp
/// is at least as new as that stamp, so nothing stale is ever taken for
/// newer. Once the request writes (through a write transaction) the stamps
/// are read afresh, so it sees its own write.
pub async fn reading_at<F: Future>(versions: Arc<crate::Versions>, f: F) -> F::Output {
    READ_AT
        .scope(
            ReadAt {
                versions,
                wrote: AtomicBool::new(false),
            },
            f,
        )
        .await
}

/// The versions the current request is read at, unless it has written.
fn request_versions() -> Option<Arc<crate::Versions>> {
    READ_AT
        .try_with(|r| (!r.wrote.load(Ordering::SeqCst)).then(|| r.versions.clone()))
        .ok()
        .flatten()
}

/// Notes that the current request writes; see [`reading_at`].
pub(crate) fn writing() {
    let _ = READ_AT.try_with(|r| r.wrote.store(true, Ordering::SeqCst));
}

impl Store {
    /// Every scope's versions as the request reads them, or read now
    /// outside a request.
    async fn versions_now(&self) -> Result<Arc<crate::Versions>, StoreError> {
        match request_versions() {
            Some(v) => Ok(v),
            None => Ok(Arc::new(self.data_versions().await?)),
        }
    }

    /// The stamp of a tenant's data now (or as the request's versions say).
    pub async fn stamp(&self, tenant_id: i64) -> Result<Stamp, StoreError> {
        if let Some(versions) = request_versions() {
            return Ok(versions.stamp(tenant_id));
        }
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT scope, version FROM data_versions WHERE scope = 0 OR scope = $1",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        let of = |s: i64| rows.iter().find(|r| r.0 == s).map_or(0, |r| r.1);
        Ok(Stamp {
            shared: of(0),
            own: of(tenant_id),
        })
    }

    /// The stamp of tenant `tenant_id`'s job queue (its own version, and
    /// the tenant's data for what a page shows around the jobs).
    pub async fn job_queue_stamp(&self, tenant_id: i64) -> Result<Stamp, StoreError> {
        let versions = self.versions_now().await?;
        Ok(Stamp {
            shared: versions.job_queue(tenant_id),
            own: versions.stamp(tenant_id).own,
        })
    }

    /// As [`Store::remembered_weighed`], kept at a `stamp` the caller read
    /// (e.g. [`Store::job_queue_stamp`]) instead of the tenant's.
    pub async fn remembered_at<T, E, F, Fut>(
        &self,
        tenant_id: i64,
        what: &'static str,
        id: (i64, i64),
        stamp: Stamp,
        load: F,
        weigh: fn(&T) -> usize,
    ) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        E: From<StoreError>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let today = chrono::Utc::now().date_naive();
        self.keep((tenant_id, what, id.0, id.1), stamp, today, load, weigh)
            .await
    }

    /// `what` (with `id`, e.g. a review's) of tenant `tenant_id` on `day`:
    /// kept from an earlier call while the tenant's data is unchanged, or
    /// loaded by `load` now. Only for pure reads of the tenant's data and
    /// the catalogue.
    pub async fn remembered<T, F, Fut>(
        &self,
        tenant_id: i64,
        what: &'static str,
        id: i64,
        day: NaiveDate,
        load: F,
    ) -> Result<Arc<T>, StoreError>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        self.remembered_weighed(tenant_id, what, (id, 0), day, load, |_| 0)
            .await
    }

    /// A pure read of the tenant's data (`what` of record `id.0`, in variant
    /// `id.1`, e.g. a language), kept as [`Store::remembered`] keeps it and
    /// handed out as a copy: a page's reads beside the register snapshot
    /// cost a copy instead of a query each while the tenant's data is
    /// unchanged.
    pub(crate) async fn kept<T, F, Fut>(
        &self,
        tenant_id: i64,
        what: &'static str,
        id: (i64, i64),
        load: F,
    ) -> Result<T, StoreError>
    where
        T: Clone + Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        Ok(self
            .kept_arc(tenant_id, what, id, load)
            .await?
            .as_ref()
            .clone())
    }

    /// As [`Store::kept`], shared instead of copied: for finding one record
    /// in a kept list without copying the list.
    pub(crate) async fn kept_arc<T, F, Fut>(
        &self,
        tenant_id: i64,
        what: &'static str,
        id: (i64, i64),
        load: F,
    ) -> Result<Arc<T>, StoreError>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        let today = chrono::Utc::now().date_naive();
        self.remembered_weighed(tenant_id, what, id, today, load, |_| 0)
            .await
    }

    /// As [`Store::remembered`], for a read across every tenant (the
    /// system's list of OParl bodies): kept while no scope's data changes.
    pub async fn remembered_everywhere<T, F, Fut>(
        &self,
        what: &'static str,
        day: NaiveDate,
        load: F,
    ) -> Result<Arc<T>, StoreError>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        self.kept_everywhere(what, (0, 0), day, load).await
    }

    /// As [`Store::remembered_everywhere`], for record `id.0` in variant `id.1`.
    pub(crate) async fn kept_everywhere<T, F, Fut>(
        &self,
        what: &'static str,
        id: (i64, i64),
        day: NaiveDate,
        load: F,
    ) -> Result<Arc<T>, StoreError>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        let versions = self.versions_now().await?;
        let stamp = Stamp {
            shared: versions.fingerprint(),
            own: -1,
        };
        self.keep((-1, what, id.0, id.1), stamp, day, load, |_| 0)
            .await
    }

    /// As [`Store::remembered`], for rendered output that `weigh` says
    /// the size of; all of it together stays under a budget. `id` is the
    /// record and a variant of it (a language, an excerpt).
    pub async fn remembered_weighed<T, E, F, Fut>(
        &self,
        tenant_id: i64,
        what: &'static str,
        id: (i64, i64),
        day: NaiveDate,
        load: F,
        weigh: fn(&T) -> usize,
    ) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        E: From<StoreError>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        // Read before loading: a write during the load leaves the value
        // under the older stamp, so it is never taken for newer.
        let stamp = self.stamp(tenant_id).await?;
        self.keep((tenant_id, what, id.0, id.1), stamp, day, load, weigh)
            .await
    }

    /// The value kept under `key` at `stamp` and `day`, or `load`ed now by
    /// one caller while the others wait for it; a failed load is not kept.
    async fn keep<T, E, F, Fut>(
        &self,
        key: Key,
        stamp: Stamp,
        day: NaiveDate,
        load: F,
        weigh: fn(&T) -> usize,
    ) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if let Some(v) = self.memo.get::<T>(&key, stamp, day) {
            return Ok(v);
        }
        let lock = self.memo.loading(&key);
        let guard = lock.lock().await;
        // Whoever held the lock before may have loaded it meanwhile.
        let value = match self.memo.get::<T>(&key, stamp, day) {
            Some(v) => Ok(v),
            None => load().await.map(Arc::new).inspect(|value| {
                self.memo.put(
                    key,
                    Entry {
                        stamp,
                        day,
                        weight: weigh(value),
                        value: value.clone(),
                    },
                );
            }),
        };
        drop(guard);
        self.memo.loaded(&key, lock);
        value
    }
}
