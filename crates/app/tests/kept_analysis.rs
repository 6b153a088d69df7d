//! A review's analysis is computed once per state of the tenant's data and
//! kept in the database: the kept one reads back equal to a fresh
//! computation, a write in the tenant makes it compute again, and a write
//! in another tenant does not. SQLite, and PostgreSQL when
//! `OVERSYN_TEST_POSTGRES_URL` is set.

use oversyn_app::analysis::{analyse, compute, to_json};
use oversyn_core::Lang;
use oversyn_store::Store;
use oversyn_store::testing::backends;

async fn kept_at(store: &Store, review: i64) -> String {
    let rows = store
        .count(&format!(
            "SELECT COUNT(*) FROM analyses WHERE review_id = {review}"
        ))
        .await
        .unwrap();
    assert_eq!(rows, 1, "one kept analysis per review");
    let own = store
        .count(&format!(
            "SELECT own_version FROM analyses WHERE review_id = {review}"
        ))
        .await
        .unwrap();
    format!("{own}")
}

#[tokio::test]
async fn the_analysis_is_kept_until_the_tenants_data_changes() {
    for (db, store) in backends().await {
        let demo = oversyn_app::demo::load(&store).await.unwrap();
        let t = demo.tenant_id;
        let review = store.reviews(t).await.unwrap()[0].id;
        let fresh = to_json(&compute(&store, t, review).await.unwrap(), Lang::En);
        let first = to_json(&analyse(&store, t, review).await.unwrap(), Lang::En);
        let kept = to_json(&analyse(&store, t, review).await.unwrap(), Lang::En);
        assert_eq!(first, fresh);
        assert_eq!(
            kept,
            fresh,
            "{:?}: the kept analysis reads back equal",
            store.backend()
        );
        let version = kept_at(&store, review).await;

        // Another instance (its own memory) serves what was kept in the
        // database: marked there, the mark comes back.
        let other = Store::connect(&db.url).await.unwrap();
        let title = store.review(t, review).await.unwrap().title;
        store
            .try_raw(&format!(
                "UPDATE analyses SET result = REPLACE(result, '{title}', 'Kept copy') WHERE review_id = {review}"
            ))
            .await
            .unwrap();
        assert_eq!(
            analyse(&other, t, review).await.unwrap().review.title,
            "Kept copy"
        );

        // Another tenant's write leaves it kept.
        store.create_tenant("malmo", "Malmö stad").await.unwrap();
        assert_eq!(
            analyse(&other, t, review).await.unwrap().review.title,
            "Kept copy"
        );
        assert_eq!(kept_at(&store, review).await, version);

        // A write in the tenant computes it again (and keeps the new one).
        store
            .try_raw(&format!(
                "UPDATE reviews SET title = title || '.' WHERE id = {review}"
            ))
            .await
            .unwrap();
        let again = analyse(&store, t, review).await.unwrap();
        assert_eq!(again.review.title, format!("{title}."));
        assert_ne!(kept_at(&store, review).await, version);
    }
}
