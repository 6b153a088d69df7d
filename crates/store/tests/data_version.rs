//! The data versions the web layer's cache relies on: every table carries
//! the trigger that raises its tenant's version, and a write raises it
//! (once per transaction on PostgreSQL) and no other tenant's, on SQLite
//! and (when `OVERSYN_TEST_POSTGRES_URL` is set) on PostgreSQL.

use oversyn_store::testing::backends;
use oversyn_store::{Backend, Store};

/// How many version triggers a table has.
async fn triggers_on(store: &Store, table: &str) -> i64 {
    let sql = match store.backend() {
        Backend::Sqlite => format!(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{table}' AND sql LIKE '%data_versions%'"
        ),
        Backend::Postgres => format!(
            "SELECT COUNT(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid
             WHERE c.relname = '{table}' AND p.proname LIKE 'data_version_bump%'"
        ),
    };
    store.count(&sql).await.unwrap()
}

#[tokio::test]
async fn every_table_raises_the_data_version() {
    for (_db, store) in backends().await {
        for (table, _) in store.schema().await.unwrap() {
            // Never shown on a cached page, or derived from what is
            // versioned already (migrations 0011 and 0012); sign-ins under
            // way at a provider (0014). The job queue has a scope of its
            // own (0026).
            if [
                "data_versions",
                "login_failures",
                "analyses",
                "oidc_pending",
            ]
            .contains(&table.as_str())
            {
                continue;
            }
            // SQLite: one per insert, update and delete; PostgreSQL: one
            // deferred row trigger and one for TRUNCATE.
            let expected = match store.backend() {
                Backend::Sqlite => 3,
                Backend::Postgres => 2,
            };
            assert_eq!(
                triggers_on(&store, &table).await,
                expected,
                "{:?}: table {table} must raise the data version on every write (add its triggers in a migration)",
                store.backend()
            );
        }
    }
}

#[tokio::test]
async fn a_write_raises_its_tenants_version_and_no_other() {
    for (_db, store) in backends().await {
        let b = store.backend();
        let stamp = |t: i64| {
            let store = store.clone();
            async move { store.data_versions().await.unwrap().stamp(t) }
        };
        let goteborg = store
            .create_tenant("goteborg", "Göteborgs stad")
            .await
            .unwrap()
            .id;
        let malmo = store.create_tenant("malmo", "Malmö stad").await.unwrap().id;
        let (g0, m0) = (stamp(goteborg).await, stamp(malmo).await);
        store.tenants().await.unwrap();
        assert_eq!(stamp(goteborg).await, g0, "{b:?}: a read changes nothing");

        // A write with a tenant column, and one that finds its tenant
        // through a parent (a session through its user).
        let (user, _) = store
            .create_user(
                goteborg,
                "anna@goteborg.example",
                oversyn_core::Role::Editor,
                false,
            )
            .await
            .unwrap();
        let g1 = stamp(goteborg).await;
        assert!(g1.own > g0.own, "{b:?}");
        assert_eq!(stamp(malmo).await, m0, "{b:?}: Malmö's pages stay");
        store.create_session(user.id).await.unwrap();
        let g2 = stamp(goteborg).await;
        assert!(g2.own > g1.own, "{b:?}: a new session is Göteborg's");
        assert_eq!(g2.shared, g0.shared, "{b:?}: nothing shared changed");
        assert_eq!(stamp(malmo).await, m0, "{b:?}");

        // The catalogue is everyone's: its version is the shared one.
        store
            .try_raw("UPDATE organisations SET name = name || ' ' WHERE tenant_id IS NULL AND slug = 'c40'")
            .await
            .unwrap();
        let m1 = stamp(malmo).await;
        assert!(m1.shared > m0.shared && m1.own == m0.own, "{b:?}");
        assert_eq!(stamp(goteborg).await.shared, m1.shared);

        // A renamed tenant changes its own pages.
        store
            .try_raw(&format!(
                "UPDATE tenants SET name = 'Göteborg' WHERE id = {goteborg}"
            ))
            .await
            .unwrap();
        assert!(stamp(goteborg).await.own > g2.own, "{b:?}");
        assert_eq!(stamp(malmo).await, m1, "{b:?}");

        // A write that changes no row leaves every version alone.
        let before = store.data_versions().await.unwrap();
        store
            .try_raw("UPDATE tenants SET name = 'x' WHERE slug = 'nowhere'")
            .await
            .unwrap();
        assert_eq!(store.data_versions().await.unwrap(), before, "{b:?}");
    }
}

#[tokio::test]
async fn a_job_raises_its_tenants_queue_and_no_page() {
    for (_db, store) in backends().await {
        let b = store.backend();
        let uppsala = store
            .create_tenant("uppsala", "Uppsala kommun")
            .await
            .unwrap()
            .id;
        let lund = store
            .create_tenant("lund", "Lunds kommun")
            .await
            .unwrap()
            .id;
        let before = store.data_versions().await.unwrap();
        let job = oversyn_store::jobs::NewJob {
            tenant_id: uppsala,
            kind: "mail".into(),
            key: "test-uppsala-1".into(),
            payload: "{}".into(),
        };
        let ids = store.enqueue(&[job], false).await.unwrap();
        let queued = store.data_versions().await.unwrap();
        assert!(
            queued.job_queue(uppsala) > before.job_queue(uppsala),
            "{b:?}"
        );
        assert_eq!(queued.job_queue(lund), before.job_queue(lund), "{b:?}");
        assert_eq!(
            queued.stamp(uppsala),
            before.stamp(uppsala),
            "{b:?}: no page of Uppsala's changes"
        );
        assert_eq!(
            queued.fingerprint(),
            before.fingerprint(),
            "{b:?}: nor anything read across tenants"
        );

        let later = chrono::Utc::now() + chrono::Duration::minutes(1);
        store
            .claim_jobs("test", later, oversyn_core::jobs::LEASE, 1, Some(&ids))
            .await
            .unwrap();
        let claimed = store.data_versions().await.unwrap();
        assert!(
            claimed.job_queue(uppsala) > queued.job_queue(uppsala),
            "{b:?}: a claim shows"
        );
        assert_eq!(claimed.stamp(uppsala), before.stamp(uppsala), "{b:?}");
        assert!(store.finish_job(ids[0], "test").await.unwrap());
        let done = store.data_versions().await.unwrap();
        assert!(
            done.job_queue(uppsala) > claimed.job_queue(uppsala),
            "{b:?}"
        );
        assert_eq!(done.job_queue(lund), before.job_queue(lund), "{b:?}");
    }
}
