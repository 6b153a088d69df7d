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
use std::sync::{Arc, Mutex};

/// Kept values in all; beyond it the memo starts afresh (about a tenant's
/// register each; a national host's busiest tenants fit).
const MAX_ENTRIES: usize = 512;

type Key = (i64, &'static str, i64);

struct Entry {
    stamp: Stamp,
    day: NaiveDate,
    value: Arc<dyn Any + Send + Sync>,
}

#[derive(Default)]
pub(crate) struct Memo(Mutex<HashMap<Key, Entry>>);

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

impl Memo {
    fn get<T: Any + Send + Sync>(&self, key: &Key, stamp: Stamp, day: NaiveDate) -> Option<Arc<T>> {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let e = map.get(key).filter(|e| e.stamp == stamp && e.day == day)?;
        e.value.clone().downcast::<T>().ok()
    }

    fn put(&self, key: Key, entry: Entry) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_ENTRIES && !map.contains_key(&key) {
            map.clear();
        }
        map.insert(key, entry);
    }
}

impl Store {
    /// The stamp of a tenant's data now.
    pub async fn stamp(&self, tenant_id: i64) -> Result<Stamp, StoreError> {
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
        // Read before loading: a write during the load leaves the value
        // under the older stamp, so it is never taken for newer.
        let stamp = self.stamp(tenant_id).await?;
        let key = (tenant_id, what, id);
        if let Some(v) = self.memo.get::<T>(&key, stamp, day) {
            return Ok(v);
        }
        let value = Arc::new(load().await?);
        self.memo.put(
            key,
            Entry {
                stamp,
                day,
                value: value.clone(),
            },
        );
        Ok(value)
    }
}
