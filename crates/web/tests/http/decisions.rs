//! Decisions of every kind: a preparing body recommends, the deciding body
//! refers the case back and decides later with a roll call; votes as one
//! object; totals that do not add up refused with nothing saved, in the
//! form (input kept) and the API; the documents say what was decided.

use crate::helpers::*;
use oversyn_core::Role;
use oversyn_store::audit::Actor;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

#[tokio::test]
async fn a_case_is_recommended_referred_back_and_decided_by_roll_call() {
    on_each_backend(|app| async move {
        // Here Kommunstyrelsen decides alone: the profile names no council.
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let mut profile = app.store.profile(t.id).await.unwrap();
        profile.council_sv.clear();
        profile.council_en.clear();
        app.store.set_profile(&actor, &profile).await.unwrap();
        app.login_as_demo().await;
        let token = app
            .token_for("stockholm", "clerk@stockholm.example", Role::Editor)
            .await;
        let case = app
            .api_case(&token, "Medlemskap i Metropolis", &["Borgarrådsberedningen", "Kommunstyrelsen"], "Medlemskapet i Metropolis sägs upp.")
            .await;
        let id = case["id"].as_i64().unwrap();
        let api = format!("/api/v1/cases/{id}/decisions");

        // Recommending is for a preparing body, never the deciding one.
        let (status, p, _) = app
            .api_send(Method::POST, &api, &token, &json!({"body": "Kommunstyrelsen", "kind": "recommended",
                "adopted": {"kind": "proposal"}, "decided_on": "2026-10-14"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(p["errors"][0]["field"], "kind");
        // Votes as one object, with members absent.
        let (status, out, _) = app
            .api_send(Method::POST, &api, &token, &json!({"body": "Borgarrådsberedningen", "kind": "recommended",
                "adopted": {"kind": "proposal"}, "decided_on": "2026-10-14",
                "votes": {"for": 5, "against": 2, "abstain": 0, "absent": 1}}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{out}");
        let d = &out["decisions"][0];
        assert_eq!(d["kind"], "recommended");
        assert_eq!(d["votes"], json!({"for": 5, "against": 2, "abstain": 0, "absent": 1}));
        assert_eq!((d["votes_for"].clone(), d["absent"].clone()), (json!(5), json!(1)));
        // A count given twice with two values.
        let (status, p, _) = app
            .api_send(Method::POST, &api, &token, &json!({"body": "Kommunstyrelsen", "adopted": {"kind": "proposal"},
                "decided_on": "2026-10-21", "votes_for": 9, "votes": {"for": 8}}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(p["errors"][0]["field"], "votes");

        // Referred back: the case stays open for the same body.
        let (status, out, _) = app
            .api_send(Method::POST, &api, &token, &json!({"body": "Kommunstyrelsen", "kind": "referred_back",
                "adopted": {"kind": "proposal"}, "decided_on": "2026-10-21", "paragraph": "7"}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{out}");
        assert_eq!((out["status"].clone(), out["locked"].clone()), (json!("open"), json!(false)));

        // In the browser: a roll call that does not match the total.
        let page = format!("/cases/{id}");
        let roll = "Sten Nordin (M): ja\nKristina Alvendal (M): ja\nKarin Wanngård (S): nej\nPer Bolund (MP): frånvarande";
        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/decisions"), &[
                ("body", "Kommunstyrelsen"), ("kind", "adopted"), ("adopted", "proposal"),
                ("decided_on", "2026-11-04"), ("votes_for", "3"), ("roll_call", roll),
            ])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Summan stämmer inte med namnuppropet"), "{body}");
        assert!(body.contains("Karin Wanngård (S): nej"), "the roll call is kept: {body}");
        let (_, case) = app.api_get(&format!("/api/v1/cases/{id}"), &token).await;
        assert_eq!(case["decisions"].as_array().unwrap().len(), 2, "nothing saved");

        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/decisions"), &[
                ("body", "Kommunstyrelsen"), ("kind", "adopted"), ("adopted", "proposal"),
                ("decided_on", "2026-11-04"), ("paragraph", "12"), ("roll_call", roll),
            ])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, case) = app.api_get(&format!("/api/v1/cases/{id}"), &token).await;
        assert_eq!((case["status"].clone(), case["locked"].clone()), (json!("decided"), json!(true)));
        let d = &case["decisions"][2];
        assert_eq!(d["kind"], "adopted");
        assert_eq!(d["votes"], json!({"for": 2, "against": 1, "abstain": 0, "absent": 1}));
        assert_eq!(d["roll_call"][2], json!({"name": "Karin Wanngård", "party": "S", "vote": "against"}));

        // The document tells each step; the excerpt of the referral adopts nothing.
        let (_, doc) = app.get(&format!("{page}/document?format=html")).await;
        assert!(doc.contains("Borgarrådsberedningen tillstyrker förslaget"), "{doc}");
        assert!(doc.contains("Kommunstyrelsen beslutade att återremittera ärendet"), "{doc}");
        assert!(doc.contains("Kommunstyrelsen beslutade enligt förslaget"), "{doc}");
        assert!(doc.contains("Frånvarande: Per Bolund (MP)"), "{doc}");
        let (_, excerpt) = app.get(&format!("{page}/excerpt/1?format=html")).await;
        assert!(excerpt.contains("återremittera"), "{excerpt}");
        assert!(!excerpt.contains("sägs upp"), "a referral adopts no point: {excerpt}");
        let (_, excerpt) = app.get(&format!("{page}/excerpt/2?format=html")).await;
        assert!(excerpt.contains("sägs upp"), "{excerpt}");
        assert!(excerpt.contains("Omröstning: 2 ja, 1 nej, 0 avstod"), "{excerpt}");
    })
    .await;
}

#[tokio::test]
async fn a_seconded_motion_is_adopted_with_amendments() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let token = app
            .token_for("stockholm", "clerk@stockholm.example", Role::Editor)
            .await;
        let case = app
            .api_case(&token, "Medlemskap i UCLG", &["Kommunstyrelsen"], "Medlemskapet i UCLG sägs upp.")
            .await;
        let id = case["id"].as_i64().unwrap();
        let page = format!("/cases/{id}");
        let motion = |seconder: &'static str| {
            vec![
                ("body", "Kommunstyrelsen"),
                ("kind", "motion"),
                ("persons", "Ann-Margarethe Livh (V)"),
                ("seconded_by", seconder),
                ("points", "1. Medlemskapet i UCLG behålls."),
                ("text", "Samarbetet bygger på både givande och tagande."),
            ]
        };
        // The mover cannot second her own motion; the form keeps the text.
        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/positions"), &motion("Ann-Margarethe Livh (V)"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("kan inte vara den som yrkar"), "{body}");
        assert!(body.contains("Samarbetet bygger på både givande och tagande."), "{body}");
        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/positions"), &motion("Karin Wanngård (S)"))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, case) = app.api_get(&format!("/api/v1/cases/{id}"), &token).await;
        let m = &case["positions"][0];
        assert_eq!(m["kind"], "motion");
        assert_eq!(m["seconded_by"], json!([{"name": "Karin Wanngård", "party": "S"}]));

        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/decisions"), &[
                ("body", "Kommunstyrelsen"), ("kind", "adopted_with_amendments"), ("adopted", "position:0"),
                ("decided_on", "2026-11-04"),
            ])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, doc) = app.get(&format!("{page}/document?format=html")).await;
        assert!(doc.contains("Yrkande framställdes av Ann-Margarethe Livh (V), med instämmande av Karin Wanngård (S)"), "{doc}");
        assert!(doc.contains("Kommunstyrelsen beslutade enligt förslaget med ändringar"), "{doc}");
        let (_, excerpt) = app.get(&format!("{page}/excerpt/0?format=html")).await;
        assert!(excerpt.contains("Medlemskapet i UCLG behålls."), "the motion's point is adopted: {excerpt}");
    })
    .await;
}

#[tokio::test]
async fn the_last_bodys_recommendation_sends_the_case_on_to_the_council() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let token = app
            .token_for("stockholm", "clerk@stockholm.example", Role::Editor)
            .await;
        let case = app
            .api_case(
                &token,
                "Medlemskap i ICLEI",
                &["Kommunstyrelsen"],
                "Staden går med i ICLEI.",
            )
            .await;
        assert_eq!(case["pending_body"], "Kommunstyrelsen");
        let id = case["id"].as_i64().unwrap();
        let api = format!("/api/v1/cases/{id}/decisions");
        // Stockholm's profile names Kommunfullmäktige: the case moves on.
        let (status, out, _) = app
            .api_send(
                Method::POST,
                &api,
                &token,
                &json!({"body": "Kommunstyrelsen", "kind": "recommended",
                "adopted": {"kind": "proposal"}, "decided_on": "2026-11-04"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{out}");
        let route: Vec<&str> = out["route"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["body"].as_str().unwrap())
            .collect();
        assert_eq!(route, ["Kommunstyrelsen", "Kommunfullmäktige"]);
        assert_eq!(
            (out["status"].clone(), out["pending_body"].clone()),
            (json!("open"), json!("Kommunfullmäktige"))
        );
        let (_, page) = app.get(&format!("/cases/{id}")).await;
        assert!(page.contains("ligger hos Kommunfullmäktige"), "{page}");
        let (status, out, _) = app
            .api_send(
                Method::POST,
                &api,
                &token,
                &json!({"body": "Kommunfullmäktige", "adopted": {"kind": "proposal"},
                "decided_on": "2026-11-23", "votes": {"for": 61, "against": 40}}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{out}");
        assert_eq!(
            (out["status"].clone(), out["pending_body"].clone()),
            (json!("decided"), Value::Null)
        );
        let (_, doc) = app.get(&format!("/cases/{id}/document?format=html")).await;
        assert!(
            doc.contains("Kommunstyrelsen tillstyrker förslaget"),
            "{doc}"
        );
        assert!(
            doc.contains("Kommunfullmäktige beslutade enligt förslaget"),
            "{doc}"
        );
    })
    .await;
}
