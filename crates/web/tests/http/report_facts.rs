//! The review report gives the catalogue's facts as they stood when the
//! review closed, in the report's language.

use crate::helpers::*;

#[tokio::test]
async fn the_demo_report_gives_the_facts_of_2011_in_swedish() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let review = app
            .store
            .reviews(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.illustrative)
            .unwrap()
            .id;
        let (_, sv) = app
            .get(&format!("/reviews/{review}/report?format=html&lang=sv"))
            .await;
        assert!(
            sv.contains("Bildades 1986 av borgmästarna i Barcelona"),
            "{sv}"
        );
        assert!(
            !sv.contains("Started in 1986"),
            "no English where Swedish exists"
        );
        assert!(
            !sv.contains("på engelska"),
            "every fact of 2011 has its Swedish wording"
        );
        // Found after the review closed: not in the report.
        assert!(
            !sv.contains("Porto Alegre"),
            "a congress of November 2011 came after the review"
        );
        let (_, en) = app
            .get(&format!("/reviews/{review}/report?format=html&lang=en"))
            .await;
        assert!(
            en.contains("Started in 1986 by the mayors of Barcelona"),
            "{en}"
        );
    })
    .await;
}
