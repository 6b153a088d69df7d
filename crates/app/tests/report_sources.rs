//! A review report's sources are the tenant's own decision documents on
//! that review (and the catalogue facts it cites): Stockholm's 2011
//! memorandum appears in Stockholm's report because its case is linked to
//! the review, and in no report without such a case. SQLite, and PostgreSQL
//! when `OVERSYN_TEST_POSTGRES_URL` is set.

use oversyn_core::Lang;
use oversyn_store::testing::backends;

#[tokio::test]
async fn the_sources_are_the_tenants_own_cases_on_the_review() {
    for (_db, store) in backends().await {
        let demo = oversyn_app::demo::load(&store).await.unwrap();
        let t = demo.tenant_id;
        let review = store.reviews(t).await.unwrap()[0].id;
        let cited = "PM 2011:125 RI (Dnr 006-1348/2010)";
        let report = oversyn_app::analysis::report::build(&store, t, review, Lang::Sv)
            .await
            .unwrap();
        assert!(
            report.sources.iter().any(|s| s == cited),
            "{:?}: the linked case is a source: {:?}",
            store.backend(),
            report.sources
        );
        store
            .try_raw("UPDATE cases SET review_id = NULL")
            .await
            .unwrap();
        let report = oversyn_app::analysis::report::build(&store, t, review, Lang::Sv)
            .await
            .unwrap();
        assert!(
            !report.sources.iter().any(|s| s.contains("2011:125")),
            "{:?}: without a linked case, no memorandum: {:?}",
            store.backend(),
            report.sources
        );
    }
}

/// A report shows the catalogue's facts as they stood when its review
/// closed (the demo's in March 2011), not facts dated later.
#[tokio::test]
async fn a_2011_report_shows_no_fact_from_after_2011() {
    for (_db, store) in backends().await {
        let demo = oversyn_app::demo::load(&store).await.unwrap();
        let review = store.reviews(demo.tenant_id).await.unwrap()[0].clone();
        let report =
            oversyn_app::analysis::report::build(&store, demo.tenant_id, review.id, Lang::Sv)
                .await
                .unwrap();
        let facts: Vec<&String> = report.sections.iter().flat_map(|s| &s.facts).collect();
        assert!(!facts.is_empty(), "some facts were known in 2011");
        for f in facts {
            // "text (as_of; source)"
            let as_of = f.rsplit_once(" (").unwrap().1.split(';').next().unwrap();
            let year: i32 = as_of[..4].parse().unwrap();
            assert!(year <= 2011, "{f}");
        }
        assert!(
            !report.sources.iter().any(|s| s.contains("mynewsdesk")),
            "the source of C40's 2019 steering-committee seat is not cited: {:?}",
            report.sources
        );
    }
}
