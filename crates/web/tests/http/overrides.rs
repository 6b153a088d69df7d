//! The official's override of an analysed recommendation (form and API),
//! strategic fit from the strategy's goal lines, and the bootstrap over
//! respondents in the analysis document.

use crate::helpers::{get_with, on_each_backend};
use http::StatusCode;
use oversyn_core::role::Role;
use serde_json::{Value, json};

async fn demo_review(app: &crate::helpers::TestApp) -> i64 {
    app.demo_review().await.id
}

fn membership<'a>(doc: &'a Value, org: &str) -> &'a Value {
    doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            m["organisation"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case(org)
        })
        .unwrap()
}

#[tokio::test]
async fn fit_and_bootstrap_are_in_the_analysis() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let id = demo_review(&app).await;
        // A three-day meeting with two travellers in the year before the review closes.
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = oversyn_store::audit::Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let review = app.store.review(t.id, id).await.unwrap();
        let org = app.store.organisation_by_slug(t.id, "c40").await.unwrap();
        let starts_on = review.closes_on - chrono::Days::new(60);
        let event = app
            .store
            .create_event(
                &actor,
                &oversyn_store::followup::EventFields {
                    organisation_id: org.id,
                    kind: "meeting".into(),
                    title: "Steering committee".into(),
                    starts_on,
                    ends_on: starts_on + chrono::Days::new(2),
                    place: "London".into(),
                    remote: false,
                    stream_url: None,
                    public: false,
                    notes: String::new(),
                },
            )
            .await
            .unwrap();
        for traveller in ["Eva Ek", "Per Ek"] {
            let journey = oversyn_store::followup::Journey {
                id: 0,
                person_id: None,
                traveller: traveller.into(),
                mode: oversyn_core::followup::travel::Mode::Rail,
                from_place: "Stockholm".into(),
                to_place: "London".into(),
                distance_km: 1900,
            };
            app.store
                .add_journey(&actor, event, &journey)
                .await
                .unwrap();
        }
        let (status, doc) = app
            .api_get(&format!("/api/v1/reviews/{id}/analysis"), &token)
            .await;
        assert_eq!(status, StatusCode::OK);
        let c40 = membership(&doc, "C40");
        assert_eq!(c40["cost"]["staff_days"], 6.0, "3 days × 2 people");
        assert!(c40["cost"]["co2_kg"].as_f64().unwrap() > 0.0);
        assert!(
            c40["reasons"].as_array().unwrap().iter().any(|r| r
                .as_str()
                .unwrap()
                .contains("6 staff days")
                || r.as_str().unwrap().contains("6 arbetsdagar"))
        );
        // The default goals name the themes that serve them: EUROCITIES
        // serves both, C40 (climate) the environmental capital only, UCLG none.
        assert_eq!(membership(&doc, "EUROCITIES")["fit"], 1.0);
        assert_eq!(membership(&doc, "C40")["fit"], 0.5);
        assert_eq!(
            membership(&doc, "C40")["fit_goals"][0],
            "Miljöhuvudstad / environmental capital"
        );
        let uclg = membership(&doc, "UCLG");
        assert_eq!(uclg["fit"], 0.0);
        assert!(
            uclg["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "low_goal_fit")
        );
        // Metropolis is UCLG's metropolitan section and the city is in both.
        for org in ["UCLG", "Metropolis"] {
            let flags = membership(&doc, org)["flags"].as_array().unwrap().clone();
            assert!(
                flags.iter().any(|f| f == "overlapping_membership"),
                "{org}: {flags:?}"
            );
        }
        assert!(
            !membership(&doc, "C40")["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "overlapping_membership")
        );
        for m in doc["memberships"].as_array().unwrap() {
            let b = &m["bootstrap"];
            let total: f64 = b["probabilities"]
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_f64().unwrap())
                .sum();
            assert!((total - 1.0).abs() < 1e-9, "{b}");
            let [lo, hi] =
                [&b["benefit_index_90"][0], &b["benefit_index_90"][1]].map(|v| v.as_f64().unwrap());
            let point = m["benefit_index"].as_f64().unwrap();
            assert!(lo <= hi && lo - 1.0 <= point && point <= hi + 1.0, "{m}");
        }
        assert_eq!(doc["no_rank_reversal"], true);
        // The demo's terminate recommendations hold across resamples too.
        assert!(
            uclg["bootstrap"]["probabilities"]["terminate"]
                .as_f64()
                .unwrap()
                > 0.9
        );
    })
    .await;
}

#[tokio::test]
async fn an_official_overrides_a_recommendation_with_a_justification() {
    on_each_backend(|app| async move {
        let id = demo_review(&app).await;
        let metropolis = app.membership_id("stockholm", "metropolis").await;
        let page = format!("/reviews/{id}/analysis/{metropolis}/override");
        let editor = app
            .browser_as("stockholm", "official@stockholm.example", Role::Editor)
            .await;
        let (status, html) = get_with(&editor, &app.url(&page)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Avsluta"), "the analysed recommendation is shown");

        // Too short a justification: 422, the choice and the text kept.
        let (status, html, _) = app
            .post_form(&editor, &page, &page, &[("category", "continue"), ("justification", "seat")])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains(r#"<option value="continue" selected>"#));
        assert!(html.contains(">seat</textarea>"));
        assert!(html.contains("minst 10 tecken"));
        // Not a category at all.
        let (status, _, _) = app
            .post_form(&editor, &page, &page, &[("category", "abolish"), ("justification", "long enough text")])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        let why = "The board seat runs to 2013; <leaving> earlier loses it.";
        let (status, _, location) = app
            .post_form(&editor, &page, &page, &[("category", "reduce"), ("justification", why)])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location.unwrap(), format!("/reviews/{id}/analysis#m{metropolis}"));

        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (_, doc) = app
            .api_get(&format!("/api/v1/reviews/{id}/analysis"), &token)
            .await;
        let m = membership(&doc, "Metropolis");
        assert_eq!(m["recommendation"], "terminate", "the analysis itself is unchanged");
        assert_eq!(m["final_recommendation"], "reduce");
        assert_eq!(m["override"]["justification"], why);
        assert_eq!(m["override"]["by"], "official@stockholm.example");
        // The analysis page shows the recommendation in force, marked, with the justification.
        let (_, html) = get_with(&editor, &app.url(&format!("/reviews/{id}/analysis"))).await;
        assert!(html.contains("ändrad av tjänsteman"));
        assert!(html.contains("Avsluta → Minska"), "analysed → in force");
        assert!(html.contains("Strategisk passform: 100 % av strategins mål"));
        assert!(html.contains("Strategisk passform: 0 %, temana tjänar inget av strategins mål."));
        assert!(html.contains("omdragningar av de svarande"));
        // The report carries the change, the justification, fit and survey uncertainty.
        let (status, report) =
            get_with(&editor, &app.url(&format!("/reviews/{id}/report?format=html"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(report.contains("Minska (ändrad av tjänsteman; analysen: Avsluta)"));
        assert!(report.contains("earlier loses it") && !report.contains("<leaving>"));
        assert!(report.contains("strategisk passform 100 %"));
        assert!(report.contains("omdragningar av de svarande"));
        // Shown escaped on the override page's history.
        let (_, html) = get_with(&editor, &app.url(&page)).await;
        assert!(html.contains("leaving&#62; earlier loses it") && !html.contains("<leaving>"));

        // A viewer may read but not override, in the browser and by API.
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        assert_eq!(get_with(&viewer, &app.url(&page)).await.0, StatusCode::OK);
        let (status, _, _) = app
            .post_form(&viewer, &page, &page, &[("category", "deepen"), ("justification", "a viewer tries this")])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let api = format!("/api/v1/reviews/{id}/overrides");
        let body = json!({"membership_id": metropolis, "recommendation": "deepen", "justification": "a viewer tries this"});
        let (status, _, ctype) = app.api_send(reqwest::Method::POST, &api, &token, &body).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(ctype.starts_with("application/problem+json"));

        // An editor's token: a bad category and a short justification are 422 problems.
        let writer = app
            .token_for("stockholm", "writer@stockholm.example", Role::Editor)
            .await;
        for bad in [
            json!({"membership_id": metropolis, "recommendation": "abolish", "justification": "long enough text"}),
            json!({"membership_id": metropolis, "recommendation": "deepen", "justification": "short"}),
            json!({"membership_id": 999_999, "recommendation": "deepen", "justification": "long enough text"}),
        ] {
            let (status, problem, _) = app.api_send(reqwest::Method::POST, &api, &writer, &bad).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad} → {problem}");
        }
        // Handing the recommendation back to the analysis.
        let back = json!({"membership_id": metropolis, "recommendation": null, "justification": "The seat question is settled elsewhere."});
        let (status, saved, _) = app.api_send(reqwest::Method::POST, &api, &writer, &back).await;
        assert_eq!(status, StatusCode::CREATED, "{saved}");
        assert!(saved["recommendation"].is_null());
        assert_eq!(saved["analysed_recommendation"], "terminate");
        let (_, doc) = app
            .api_get(&format!("/api/v1/reviews/{id}/analysis"), &token)
            .await;
        let m = membership(&doc, "Metropolis");
        assert_eq!(m["final_recommendation"], "terminate");
        assert!(m["override"].is_null());
        // Both decisions stay on record, oldest first, and in the audit log.
        let (status, history) = app.api_get(&api, &token).await;
        assert_eq!(status, StatusCode::OK);
        let data = history["data"].as_array().unwrap();
        assert_eq!(data.len(), 2);
        assert_eq!(data[0]["recommendation"], "reduce");
        assert!(data[1]["recommendation"].is_null());
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let audit = app
            .store
            .history(t.id, "recommendation_override", data[0]["id"].as_i64().unwrap())
            .await
            .unwrap();
        assert_eq!(audit.len(), 1);

        // Another municipality sees neither the page nor the history.
        app.store.create_tenant("malmo", "Malmö stad").await.unwrap();
        let malmo = app
            .browser_as("malmo", "editor@malmo.example", Role::Editor)
            .await;
        assert_eq!(get_with(&malmo, &app.url(&page)).await.0, StatusCode::NOT_FOUND);
        let foreign = app
            .token_for("malmo", "writer@malmo.example", Role::Editor)
            .await;
        assert_eq!(app.api_get(&api, &foreign).await.0, StatusCode::NOT_FOUND);
        let (status, _, _) = app.api_send(reqwest::Method::POST, &api, &foreign, &body).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}
