//! Statute rules over time: an organisation's notice rule changed with a
//! day it takes effect keeps the rule it replaced, and an ending decided
//! before the change is checked against the old rule, one decided after
//! against the new. A new rule dated before the current one is refused.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// A case decided by Kommunstyrelsen on `day`; its id.
async fn decided_case(app: &TestApp, token: &str, day: &str) -> i64 {
    let case = app
        .api_case(
            token,
            &format!("Utträde {day}"),
            &["Kommunstyrelsen"],
            "Medlemskapet sägs upp.",
        )
        .await;
    let id = case["id"].as_i64().unwrap();
    let (status, out, _) = app
        .api_send(
            Method::POST,
            &format!("/api/v1/cases/{id}/decisions"),
            token,
            &json!({"body": "Kommunstyrelsen", "adopted": {"kind": "proposal"}, "decided_on": day}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    id
}

fn warnings_of(list: &Value, title: &str) -> usize {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == json!(title))
        .unwrap_or_else(|| panic!("{title} in {list}"))["warnings"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn an_ending_is_checked_against_the_rule_in_force_on_its_decision_day() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "statutes@stockholm.example", Role::Editor)
            .await;
        let body = |months: &str, from: &str, version: i64| {
            json!({"name": "Testnätverket", "kind": "city_network", "notice_months": months, "written_notice": "on",
                   "notice_valid_from": from, "version": version})
        };
        let (status, org, _) = app.api_send(Method::POST, "/api/v1/organisations", &token, &body("6", "", 0)).await;
        assert_eq!(status, StatusCode::CREATED, "{org}");
        let id = org["id"].as_i64().unwrap();
        let path = format!("/api/v1/organisations/{id}");
        // The statutes change: one month's notice from 2015.
        let (status, org, _) = app.api_send(Method::PUT, &path, &token, &body("1", "2015-01-01", 1)).await;
        assert_eq!(status, StatusCode::OK, "{org}");
        assert_eq!((org["notice_months"].clone(), org["notice_valid_from"].clone()), (json!(1), json!("2015-01-01")));
        // A newer rule dated before it is refused, and nothing changes.
        let (status, p, _) = app.api_send(Method::PUT, &path, &token, &body("12", "2014-01-01", 2)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(p["errors"][0]["field"], "notice_valid_from");
        let (_, org) = app.api_get(&path, &token).await;
        assert_eq!(org["notice_months"], json!(1));

        app.login_as_demo().await;
        for (day, end, title) in [("2014-06-01", "2014-09-01", "Uppsägning 2014"), ("2015-06-01", "2015-09-01", "Uppsägning 2015")] {
            let case = decided_case(&app, &token, day).await.to_string();
            let (_, form) = app.get("/actions/new").await;
            let csrf = csrf_of(&form);
            let org_id = id.to_string();
            let r = app
                .client
                .post(app.url("/actions"))
                .form(&[("csrf", csrf.as_str()), ("kind", "terminate_membership"), ("title", title),
                        ("owner", "Internationella avdelningen"), ("effective", end), ("status", "planned"),
                        ("case_id", case.as_str()), ("organisation", org_id.as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
        }
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        // Decided in 2014 under six months' notice: too late for 1 September.
        assert!(warnings_of(&list, "Uppsägning 2014") >= 1, "{list:#}");
        // Decided in 2015 under one month's: in time.
        assert_eq!(warnings_of(&list, "Uppsägning 2015"), 0, "{list:#}");
    })
    .await;
}
