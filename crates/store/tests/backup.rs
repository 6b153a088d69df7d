//! A SQLite backup taken while the database is open restores to a database
//! whose every table holds the same rows.

use oversyn_store::Store;
use sqlx::Row;

async fn dump(store: &Store, url: &str) -> Vec<(String, Vec<String>)> {
    let _ = url;
    let tables = store.schema().await.unwrap();
    let mut out = Vec::new();
    for (table, columns) in tables {
        let cols = columns.join(", ");
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {cols} FROM {table} ORDER BY 1"
        )))
        .fetch_all(store.pool_for_tests())
        .await
        .unwrap();
        let text: Vec<String> = rows
            .iter()
            .map(|r| {
                (0..columns.len())
                    .map(|i| {
                        r.try_get::<Option<String>, _>(i)
                            .map(|v| v.unwrap_or_default())
                            .or_else(|_| {
                                r.try_get::<Option<i64>, _>(i)
                                    .map(|v| v.map(|v| v.to_string()).unwrap_or_default())
                            })
                            .or_else(|_| {
                                r.try_get::<Option<f64>, _>(i)
                                    .map(|v| v.map(|v| v.to_string()).unwrap_or_default())
                            })
                            .or_else(|_| {
                                r.try_get::<Option<Vec<u8>>, _>(i)
                                    .map(|v| format!("{:?}", v))
                            })
                            .unwrap_or_else(|_| "?".into())
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        out.push((table, text));
    }
    out
}

#[tokio::test]
async fn a_backup_restores_every_table() {
    let dir = std::env::temp_dir().join(format!("oversyn-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let a = format!("sqlite://{}", dir.join("a.db").display());
    let store = Store::connect(&a).await.unwrap();
    store.migrate().await.unwrap();
    store.load_demo().await.unwrap();
    let file = dir.join("backup.db");
    store.backup_to(&file).await.unwrap();
    assert!(
        store.backup_to(&file).await.is_err(),
        "an existing file is not overwritten"
    );
    let before = dump(&store, &a).await;
    store.close().await;

    let b = format!("sqlite://{}", dir.join("b.db").display());
    oversyn_store::backup::restore_sqlite(&b, &file)
        .await
        .unwrap();
    let restored = Store::connect(&b).await.unwrap();
    let after = dump(&restored, &b).await;
    assert_eq!(before.len(), after.len());
    for ((t1, r1), (_, r2)) in before.iter().zip(&after) {
        assert_eq!(r1, r2, "table {t1}");
    }
    assert!(
        before
            .iter()
            .any(|(t, rows)| t == "memberships" && !rows.is_empty())
    );
    restored.close().await;

    let junk = dir.join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let refused = oversyn_store::backup::restore_sqlite(&b, &junk)
        .await
        .expect_err("junk is refused");
    assert!(
        refused.to_string().contains("not a SQLite database file"),
        "{refused}"
    );
    // A SQLite file that is not ours is refused too, by its missing tables.
    let other = dir.join("other.db");
    let o = Store::connect(&format!("sqlite://{}", other.display()))
        .await
        .unwrap();
    o.try_raw("CREATE TABLE t (x INTEGER)").await.unwrap();
    o.close().await;
    let refused = oversyn_store::backup::restore_sqlite(&b, &other)
        .await
        .expect_err("a foreign database is refused");
    assert!(
        refused.to_string().contains("no tenants table"),
        "{refused}"
    );
    let still = Store::connect(&b).await.unwrap();
    assert!(
        still.count("SELECT COUNT(*) FROM tenants").await.unwrap() >= 1,
        "a failed restore keeps the database"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
