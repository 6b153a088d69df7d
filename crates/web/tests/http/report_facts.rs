//! The review report gives the catalogue's facts as they stood when the
//! review closed, in the report's language.

use crate::helpers::*;

#[tokio::test]
async fn the_demo_report_gives_the_facts_of_2011_in_swedish() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let review = app.demo_review().await.id;
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

/// A fact that a newer one replaced shows in reports up to the
/// replacement and not after it; the organisation's page gives its period.
#[tokio::test]
async fn a_replaced_fact_shows_until_its_replacement() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let snap = oversyn_app::snapshot(&app.store, t.id).await.unwrap();
        let org = snap
            .organisations
            .iter()
            .find(|o| o.slug == "global-covenant-of-mayors")
            .unwrap()
            .id;
        let body = snap.bodies[0].id;
        let token = app
            .token_for(
                "stockholm",
                "facts@stockholm.example",
                oversyn_core::Role::Editor,
            )
            .await;
        let (status, m, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/memberships",
                &token,
                &serde_json::json!({"organisation_id": org, "body_id": body}),
            )
            .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{m}");
        let actor = oversyn_store::audit::Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let strategy = app.store.current_strategy(&actor).await.unwrap();
        let d = |y, mo, day| chrono::NaiveDate::from_ymd_opt(y, mo, day).unwrap();
        let mut reports = Vec::new();
        for (year, closes) in [(2020, d(2020, 6, 1)), (2026, d(2026, 6, 1))] {
            let review = app
                .store
                .create_review(
                    &actor,
                    strategy.id,
                    &oversyn_store::reviews::NewReview {
                        title: format!("Översyn {year}"),
                        opens_on: closes - chrono::Days::new(30),
                        closes_on: closes,
                        anonymous: false,
                        min_group: 3,
                        reminder_max: 2,
                        reminder_days: 7,
                        illustrative: false,
                        memberships: vec![m["id"].as_i64().unwrap()],
                    },
                    &oversyn_core::review::questionnaire::default_questionnaire(&strategy.strategy),
                )
                .await
                .unwrap();
            let (status, html) = app
                .get(&format!(
                    "/reviews/{}/report?format=html&lang=en",
                    review.id
                ))
                .await;
            assert_eq!(status, reqwest::StatusCode::OK, "{html}");
            reports.push(html);
        }
        let launch = "About 7,100 cities in 119 countries at the launch.";
        let later = "Later more than 10,000 cities in 138 countries";
        assert!(reports[0].contains(launch), "{}", reports[0]);
        assert!(!reports[0].contains(later), "not yet known in 2020");
        assert!(!reports[1].contains(launch), "replaced by 2026");
        assert!(reports[1].contains(later), "{}", reports[1]);

        let (_, en) = app.get(&format!("/organisations/{org}?lang=en")).await;
        assert!(
            en.contains(&format!(
                "{launch} <span class=\"source\">(2016-06–2026, replaced by a newer fact;"
            )),
            "{en}"
        );
        let (_, sv) = app.get(&format!("/organisations/{org}?lang=sv")).await;
        assert!(
            sv.contains("2016-06–2026, ersatt av en nyare uppgift"),
            "{sv}"
        );
        assert!(
            !sv.contains(launch),
            "the Swedish page gives the Swedish wording"
        );
        assert!(
            !sv.contains("på engelska"),
            "every catalogue fact has its Swedish wording"
        );
    })
    .await;
}
