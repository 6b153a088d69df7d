//! The data version the web layer's cache relies on: every table carries
//! the trigger that raises it, and a write raises it (once per
//! transaction on PostgreSQL), on SQLite and (when
//! `OVERSYN_TEST_POSTGRES_URL` is set) on PostgreSQL.

use oversyn_store::testing::{ScratchDb, postgres_url};
use oversyn_store::{Backend, Store};

async fn backends() -> Vec<(ScratchDb, Store)> {
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

/// How many version triggers a table has.
async fn triggers_on(store: &Store, table: &str) -> i64 {
    let sql = match store.backend() {
        Backend::Sqlite => format!(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{table}' AND sql LIKE '%data_version%'"
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
            // The job queue is never shown on a cached page (migration 0010).
            if table == "data_version" || table == "jobs" {
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
async fn a_write_raises_the_version_and_a_read_does_not() {
    for (_db, store) in backends().await {
        let before = store.data_version().await.unwrap();
        store.tenants().await.unwrap();
        assert_eq!(store.data_version().await.unwrap(), before);
        store
            .create_tenant("goteborg", "Göteborgs stad")
            .await
            .unwrap();
        let after = store.data_version().await.unwrap();
        assert!(after > before, "{:?}", store.backend());
        store
            .try_raw("UPDATE tenants SET name = 'Göteborg' WHERE slug = 'goteborg'")
            .await
            .unwrap();
        assert!(store.data_version().await.unwrap() > after);
        // A write that changes no row leaves the data, and the version, alone.
        let now = store.data_version().await.unwrap();
        store
            .try_raw("UPDATE tenants SET name = 'x' WHERE slug = 'nowhere'")
            .await
            .unwrap();
        assert_eq!(store.data_version().await.unwrap(), now);
    }
}
