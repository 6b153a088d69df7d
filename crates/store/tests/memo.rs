//! What the store keeps per tenant stamp: loaded once while the tenant's
//! data is unchanged, loaded again after a write in the tenant or in the
//! shared catalogue, kept across another tenant's writes. SQLite, and
//! PostgreSQL when `OVERSYN_TEST_POSTGRES_URL` is set.

use oversyn_store::testing::backends;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A new tenant's id.
async fn tenant(store: &oversyn_store::Store, slug: &str, name: &str) -> i64 {
    store.create_tenant(slug, name).await.unwrap().id
}

#[tokio::test]
async fn a_load_is_kept_until_the_tenants_data_changes() {
    for (_db, store) in backends().await {
        let b = store.backend();
        let a = tenant(&store, "uppsala", "Uppsala kommun").await;
        let other = tenant(&store, "lund", "Lunds kommun").await;
        let loads = AtomicUsize::new(0);
        let day = chrono::Utc::now().date_naive();
        let names = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            Ok(store
                .persons(a)
                .await?
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>())
        };
        let first = store.remembered(a, "names", 0, day, names).await.unwrap();
        let again = store.remembered(a, "names", 0, day, names).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 1, "{b:?}: kept");
        assert_eq!(first, again);
        // Another tenant's write: still kept.
        store
            .try_raw(&format!(
                "UPDATE tenants SET name = 'Lund' WHERE id = {other}"
            ))
            .await
            .unwrap();
        store.remembered(a, "names", 0, day, names).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 1, "{b:?}");
        // The tenant's own write, from outside this store: loaded again.
        store
            .try_raw(&format!(
                "INSERT INTO persons (tenant_id, name, kind, version, created_at, updated_at) VALUES ({a}, 'Erik Pelling', 'politician', 1, '2026-12-05T00:00:00.000Z', '2026-12-05T00:00:00.000Z')"
            ))
            .await
            .unwrap();
        let fresh = store.remembered(a, "names", 0, day, names).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 2, "{b:?}");
        assert!(fresh.contains(&"Erik Pelling".to_owned()));
        // The shared catalogue changes: loaded again.
        store
            .try_raw(
                "UPDATE organisations SET name = name WHERE tenant_id IS NULL AND slug = 'c40'",
            )
            .await
            .unwrap();
        store.remembered(a, "names", 0, day, names).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 3, "{b:?}");
        // Another day, or another id, is another value.
        store
            .remembered(a, "names", 0, day.succ_opt().unwrap(), names)
            .await
            .unwrap();
        store.remembered(a, "names", 1, day, names).await.unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 5, "{b:?}");
    }
}

/// Within a request read at known versions, kept values answer without a
/// version read of their own; once the request writes, it reads afresh and
/// sees its own write.
#[tokio::test]
async fn a_request_reads_at_its_versions_until_it_writes() {
    for (_db, store) in backends().await {
        let b = store.backend();
        let a = tenant(&store, "uppsala", "Uppsala kommun").await;
        let day = chrono::Utc::now().date_naive();
        let loads = AtomicUsize::new(0);
        let names = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            Ok(store
                .persons(a)
                .await?
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>())
        };
        let arrived = std::sync::Arc::new(store.data_versions().await.unwrap());
        let before = store.stamp(a).await.unwrap();
        store.remembered(a, "names", 0, day, names).await.unwrap();
        // Someone else writes after the request arrived: the request keeps
        // answering at its versions, which is what it may see.
        store
            .try_raw(&format!(
                "INSERT INTO persons (tenant_id, name, kind, version, created_at, updated_at) VALUES ({a}, 'Erik Pelling', 'politician', 1, '2026-12-05T00:00:00.000Z', '2026-12-05T00:00:00.000Z')"
            ))
            .await
            .unwrap();
        let (at_arrival, after_own_write) = oversyn_store::reading_at(arrived, async {
            let at = store.stamp(a).await.unwrap();
            let kept = store.remembered(a, "names", 0, day, names).await.unwrap();
            assert!(!kept.contains(&"Erik Pelling".to_owned()), "{b:?}");
            store
                .set_public_kinds(a, &["organisations".to_owned()])
                .await
                .unwrap();
            let fresh = store.remembered(a, "names", 0, day, names).await.unwrap();
            assert!(
                fresh.contains(&"Erik Pelling".to_owned()),
                "{b:?}: sees the writes"
            );
            (at, store.stamp(a).await.unwrap())
        })
        .await;
        assert_eq!(at_arrival, before, "{b:?}");
        assert_ne!(after_own_write, before, "{b:?}");
        assert_eq!(loads.load(Ordering::SeqCst), 2, "{b:?}");
        // Outside any request the stamp is read as before.
        assert_eq!(store.stamp(a).await.unwrap(), after_own_write, "{b:?}");
    }
}

/// A read across all tenants is kept until any tenant's data, or the
/// shared data, changes.
#[tokio::test]
async fn a_read_across_tenants_is_kept_until_any_tenant_writes() {
    for (_db, store) in backends().await {
        let b = store.backend();
        let a = tenant(&store, "uppsala", "Uppsala kommun").await;
        let other = tenant(&store, "lund", "Lunds kommun").await;
        let day = chrono::Utc::now().date_naive();
        let loads = AtomicUsize::new(0);
        let names = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            Ok(store
                .tenants()
                .await?
                .into_iter()
                .map(|t| t.name)
                .collect::<Vec<_>>())
        };
        store
            .remembered_everywhere("tenants", day, names)
            .await
            .unwrap();
        store
            .remembered_everywhere("tenants", day, names)
            .await
            .unwrap();
        assert_eq!(loads.load(Ordering::SeqCst), 1, "{b:?}: kept");
        for (scope, sql) in [
            (
                other,
                format!("UPDATE tenants SET name = 'Lund' WHERE id = {other}"),
            ),
            (
                a,
                format!("UPDATE tenants SET name = 'Uppsala' WHERE id = {a}"),
            ),
        ] {
            store.try_raw(&sql).await.unwrap();
            let fresh = store
                .remembered_everywhere("tenants", day, names)
                .await
                .unwrap();
            assert!(
                fresh.contains(&(if scope == a { "Uppsala" } else { "Lund" }).to_owned()),
                "{b:?}: {fresh:?}"
            );
        }
        assert_eq!(loads.load(Ordering::SeqCst), 3, "{b:?}");
    }
}

/// Requests arriving together for a value not kept yet wait for one load
/// instead of each loading it (after a write, every viewer of a heavy page
/// would otherwise recompute it at once).
#[tokio::test]
async fn concurrent_requests_share_one_load() {
    for (_db, store) in backends().await {
        let b = store.backend();
        let a = tenant(&store, "uppsala", "Uppsala kommun").await;
        let day = chrono::Utc::now().date_naive();
        let loads = AtomicUsize::new(0);
        let slow = || async {
            loads.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            Ok(store.persons(a).await?.len())
        };
        let call = || store.remembered(a, "slow", 0, day, slow);
        let all = tokio::join!(call(), call(), call(), call(), call(), call());
        assert!(
            [all.0, all.1, all.2, all.3, all.4, all.5]
                .iter()
                .all(|r| r.is_ok()),
            "{b:?}"
        );
        assert_eq!(loads.load(Ordering::SeqCst), 1, "{b:?}: one load for all");
        // A failed load is not kept, and the next caller loads again.
        let failing = || async { Err::<usize, _>(oversyn_store::StoreError::NotFound) };
        assert!(
            store
                .remembered(a, "failing", 0, day, failing)
                .await
                .is_err()
        );
        let ok = || async { Ok(7usize) };
        assert_eq!(
            *store.remembered(a, "failing", 0, day, ok).await.unwrap(),
            7
        );
    }
}

/// What pages read besides the register snapshot — a list, one record of
/// it, a setting, a record's history, the OParl publishers — is kept per
/// stamp, and a write by another process (a second store on the same
/// database, with a memo of its own) shows on the very next read.
#[tokio::test]
async fn kept_reads_show_another_processs_write_at_once() {
    for (db, store) in backends().await {
        let b = store.backend();
        let t = store.load_demo().await.unwrap().tenant_id;
        let other = db.open().await.unwrap();
        let body = store.bodies(t).await.unwrap()[0].clone();
        assert_eq!(store.body(t, body.id).await.unwrap().name, body.name);
        assert_eq!(store.setting(t, "bench-note").await.unwrap(), None);
        let history = store.history(t, "body", body.id).await.unwrap().len();
        let publishers = store.publishers().await.unwrap().len();

        other
            .try_raw(&format!(
                "UPDATE bodies SET name = 'Nämnden för test' WHERE id = {}",
                body.id
            ))
            .await
            .unwrap();
        other.set_setting(t, "bench-note", "seen").await.unwrap();
        other
            .try_raw(&format!(
                "INSERT INTO audit_log (tenant_id, actor, at, entity, entity_id, action) VALUES ({t}, 'cli', '2026-12-06T00:00:00.000Z', 'body', {}, 'update')",
                body.id
            ))
            .await
            .unwrap();
        let fresh = other
            .create_tenant("visby", "Region Gotland")
            .await
            .unwrap();

        let names: Vec<String> = store
            .bodies(t)
            .await
            .unwrap()
            .into_iter()
            .map(|x| x.name)
            .collect();
        assert!(
            names.contains(&"Nämnden för test".to_owned()),
            "{b:?}: {names:?}"
        );
        assert_eq!(
            store.body(t, body.id).await.unwrap().name,
            "Nämnden för test",
            "{b:?}"
        );
        assert_eq!(
            store.setting(t, "bench-note").await.unwrap().as_deref(),
            Some("seen"),
            "{b:?}"
        );
        assert_eq!(
            store.history(t, "body", body.id).await.unwrap().len(),
            history + 1,
            "{b:?}"
        );
        let now: Vec<String> = store
            .publishers()
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.slug)
            .collect();
        assert_eq!(now.len(), publishers + 1, "{b:?}");
        assert!(now.contains(&fresh.slug), "{b:?}");
    }
}
