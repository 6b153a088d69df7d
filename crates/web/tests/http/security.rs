//! Roles, tenants and forgery: a viewer cannot write, tenants never see each
//! other, and forms without the right token or from another site are refused.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn a_form_post_without_the_csrf_token_is_refused() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let before = app.store.persons(t.id).await.unwrap().len();
        let r = app
            .client
            .post(app.url("/persons"))
            .form(&[("name", "Forged"), ("kind", "official")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = app
            .client
            .post(app.url("/persons"))
            .form(&[
                ("csrf", "not-the-token-at-all-not-the-token-at-all"),
                ("name", "Forged"),
                ("kind", "official"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            app.store.persons(t.id).await.unwrap().len(),
            before,
            "nothing saved"
        );
    })
    .await;
}

#[tokio::test]
async fn a_post_from_another_site_is_refused() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (_, page) = app.get("/persons/new").await;
        let csrf = csrf_of(&page);
        let r = app
            .client
            .post(app.url("/persons"))
            .header("origin", "https://evil.example")
            .form(&[
                ("csrf", csrf.as_str()),
                ("name", "Forged"),
                ("kind", "official"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = app
            .client
            .post(app.url("/persons"))
            .header("sec-fetch-site", "cross-site")
            .form(&[
                ("csrf", csrf.as_str()),
                ("name", "Forged"),
                ("kind", "official"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_viewer_reads_but_cannot_write() {
    on_each_backend(|app| async move {
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let (status, page) = get_with(&viewer, &app.url("/")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            !page.contains("/memberships/new"),
            "no add button for viewers"
        );
        assert_eq!(
            get_with(&viewer, &app.url("/persons/new")).await.0,
            StatusCode::FORBIDDEN
        );
        let (_, page) = get_with(&viewer, &app.url("/persons")).await;
        let csrf = csrf_of(&page);
        let r = viewer
            .post(app.url("/persons"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("name", "Viewer's friend"),
                ("kind", "official"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            get_with(&viewer, &app.url("/admin/users")).await.0,
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

#[tokio::test]
async fn a_user_of_another_tenant_gets_not_found() {
    on_each_backend(|app| async move {
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let malmo = app
            .browser_as("malmo", "editor@malmo.example", Role::Editor)
            .await;
        let id = app.membership_id("stockholm", "eurocities").await;
        let (status, page) = get_with(&malmo, &app.url(&format!("/memberships/{id}"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(page.contains("Sidan finns inte"));
        assert_eq!(
            get_with(&malmo, &app.url(&format!("/memberships/{id}/history")))
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get_with(&malmo, &app.url(&format!("/memberships/{id}/edit")))
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        let (_, register) = get_with(&malmo, &app.url("/")).await;
        assert!(
            !register.contains("Kommunstyrelsen"),
            "no trace of Stockholm's register"
        );
        // A write aimed at Stockholm's record changes nothing.
        let (_, page) = get_with(&malmo, &app.url("/persons")).await;
        let csrf = csrf_of(&page);
        let r = malmo
            .post(app.url(&format!("/memberships/{id}/end")))
            .form(&[("csrf", csrf.as_str()), ("date", "2012-01-01")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        assert!(
            app.store
                .membership(t.id, id)
                .await
                .unwrap()
                .until
                .is_none()
        );

        let token = app
            .token_for("malmo", "script@malmo.example", Role::Admin)
            .await;
        let (status, body) = app
            .api_get(&format!("/api/v1/memberships/{id}"), &token)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["status"], 404);
        let (_, list) = app.api_get("/api/v1/memberships", &token).await;
        assert_eq!(list["data"].as_array().unwrap().len(), 0);
        let person = app.store.persons(t.id).await.unwrap()[0].id;
        let (status, _) = app
            .api_get(&format!("/api/v1/persons/{person}"), &token)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_seat_for_a_person_of_another_tenant_is_refused() {
    on_each_backend(|app| async move {
        app.store.create_tenant("malmo", "Malmö stad").await.unwrap();
        let token = app.token_for("malmo", "script@malmo.example", Role::Editor).await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let stockholm_person = app.store.persons(t.id).await.unwrap()[0].id;
        let org = app.store.organisation_by_slug(t.id, "eurocities").await.unwrap().id;
        let (status, body, ctype) = app
            .api_send(reqwest::Method::POST, "/api/v1/seats", &token, &serde_json::json!({"organisation_id": org, "person_id": stockholm_person, "kind": "board_seat", "org_body": "Executive Committee"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(ctype, "application/problem+json");
        assert_eq!(body["errors"][0]["field"], "person_id");
    })
    .await;
}
