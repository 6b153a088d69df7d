//! The response cache never answers with stale or foreign data: a change
//! shows on the very next read, whoever wrote it; one tenant's, user's or
//! role's remembered page never reaches another; an ended session stops
//! working at once; ETags answer 304 only while nothing changed.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;
use serde_json::json;

/// Reads `path` in `client` twice, so the second answer is the remembered one.
async fn warm(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let (status, first) = get_with(client, &app.url(path)).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, second) = get_with(client, &app.url(path)).await;
    assert_eq!(first, second, "a repeated read answers the same");
    second
}

#[tokio::test]
async fn a_change_by_another_process_shows_on_the_very_next_read() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let page = warm(&app, &app.client, "/").await;
        assert!(page.contains("EUROCITIES"), "{page}");
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (_, before) = app.api_get("/api/v1/organisations", &token).await;
        assert!(before.to_string().contains("EUROCITIES"));
        // As the command line or a second server would: straight to the
        // database, nothing in this server hears of it.
        app.store
            .try_raw("UPDATE organisations SET name = 'EUROSTÄDER' WHERE slug = 'eurocities'")
            .await
            .unwrap();
        let (_, page) = app.get("/").await;
        assert!(page.contains("EUROSTÄDER"), "the register shows the change");
        let (_, after) = app.api_get("/api/v1/organisations", &token).await;
        assert!(after.to_string().contains("EUROSTÄDER"), "{after}");
    })
    .await;
}

#[tokio::test]
async fn an_edit_through_the_api_shows_in_the_next_list() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "writer@stockholm.example", Role::Editor)
            .await;
        for _ in 0..2 {
            let (_, list) = app.api_get("/api/v1/persons", &token).await;
            assert!(!list.to_string().contains("Anna Cachetest"));
        }
        let (status, person, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/persons",
                &token,
                &json!({"name": "Anna Cachetest", "kind": "official"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{person}");
        let (_, list) = app.api_get("/api/v1/persons", &token).await;
        assert!(list.to_string().contains("Anna Cachetest"), "{list}");
    })
    .await;
}

#[tokio::test]
async fn one_tenants_page_never_reaches_another() {
    on_each_backend(|app| async move {
        // Everything set up first, so both read at the same data version.
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let malmo = app
            .browser_as("malmo", "officer@malmo.example", Role::Editor)
            .await;
        let sthlm_token = app
            .token_for("stockholm", "api@stockholm.example", Role::Viewer)
            .await;
        let malmo_token = app
            .token_for("malmo", "api@malmo.example", Role::Viewer)
            .await;
        app.login_as_demo().await;
        let stockholm = warm(&app, &app.client, "/").await;
        assert!(stockholm.contains("EUROCITIES"));
        let (status, page) = get_with(&malmo, &app.url("/")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Malmö stad"), "{page}");
        assert!(!page.contains("EUROCITIES"), "no Stockholm data for Malmö");
        // And the API, token by token.
        for _ in 0..2 {
            let (_, mine) = app.api_get("/api/v1/memberships", &sthlm_token).await;
            assert!(
                mine["data"].as_array().is_some_and(|d| !d.is_empty()),
                "{mine}"
            );
        }
        let (_, theirs) = app.api_get("/api/v1/memberships", &malmo_token).await;
        assert_eq!(theirs["data"], json!([]), "{theirs}");
    })
    .await;
}

#[tokio::test]
async fn a_viewer_never_gets_an_editors_page_with_write_buttons() {
    on_each_backend(|app| async move {
        let editor = app
            .browser_as("stockholm", "editor@stockholm.example", Role::Editor)
            .await;
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let page = warm(&app, &editor, "/").await;
        assert!(
            page.contains("href=\"/memberships/new\""),
            "the editor may add"
        );
        let (_, page) = get_with(&viewer, &app.url("/")).await;
        assert!(
            !page.contains("href=\"/memberships/new\""),
            "the viewer may not"
        );
        // Each session's page carries its own CSRF token.
        let (_, editor_page) = get_with(&editor, &app.url("/")).await;
        assert_ne!(csrf_of(&page), csrf_of(&editor_page));
    })
    .await;
}

#[tokio::test]
async fn a_role_change_and_a_logout_take_effect_at_once() {
    on_each_backend(|app| async move {
        let viewer = app
            .browser_as("stockholm", "promoted@stockholm.example", Role::Viewer)
            .await;
        let page = warm(&app, &viewer, "/").await;
        assert!(!page.contains("href=\"/memberships/new\""));
        app.store
            .try_raw("UPDATE users SET role = 'editor' WHERE email = 'promoted@stockholm.example'")
            .await
            .unwrap();
        let (_, page) = get_with(&viewer, &app.url("/")).await;
        assert!(
            page.contains("href=\"/memberships/new\""),
            "the new role shows"
        );
        // Signing out ends the session at once, though its page was remembered.
        let (status, _, _) = app.post_form(&viewer, "/", "/logout", &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let r = viewer.get(app.url("/")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "signed out");
    })
    .await;
}

#[tokio::test]
async fn a_copied_session_cookie_stops_working_when_the_session_ends() {
    on_each_backend(|app| async move {
        let password = app
            .add_user("stockholm", "copied@stockholm.example", Role::Editor)
            .await;
        let c = app.new_browser();
        let (_, login) = get_with(&c, &app.url("/login")).await;
        let r = c
            .post(app.url("/login"))
            .form(&[
                ("csrf", csrf_of(&login).as_str()),
                ("tenant", "stockholm"),
                ("email", "copied@stockholm.example"),
                ("password", password.as_str()),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        let cookie = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("oversyn_session="))
            .and_then(|v| v.split(';').next())
            .unwrap()
            .to_owned();
        let plain = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let get = || plain.get(app.url("/")).header("cookie", &cookie).send();
        assert_eq!(get().await.unwrap().status(), StatusCode::OK);
        assert_eq!(get().await.unwrap().status(), StatusCode::OK);
        // Ended elsewhere (e.g. a password change on another server).
        app.store.try_raw("DELETE FROM sessions").await.unwrap();
        assert_eq!(get().await.unwrap().status(), StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn a_revoked_token_stops_working_at_once() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "revoked@stockholm.example", Role::Viewer)
            .await;
        assert_eq!(
            app.api_get("/api/v1/organisations", &token).await.0,
            StatusCode::OK
        );
        assert_eq!(
            app.api_get("/api/v1/organisations", &token).await.0,
            StatusCode::OK
        );
        app.store
            .try_raw("UPDATE api_tokens SET revoked_at = '2026-01-01T00:00:00.000Z'")
            .await
            .unwrap();
        assert_eq!(
            app.api_get("/api/v1/organisations", &token).await.0,
            StatusCode::UNAUTHORIZED
        );
    })
    .await;
}

#[tokio::test]
async fn etags_answer_not_modified_until_the_data_changes() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "etag@stockholm.example", Role::Viewer)
            .await;
        let client = reqwest::Client::new();
        let get = |etag: Option<String>| {
            let mut r = client.get(app.url("/api/v1/persons")).bearer_auth(&token);
            if let Some(e) = etag {
                r = r.header("if-none-match", e);
            }
            r.send()
        };
        let first = get(None).await.unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        let again = get(Some(etag.clone())).await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(again.text().await.unwrap(), "");
        app.store
            .try_raw("UPDATE persons SET name = 'Sten Nordin (M)' WHERE name = 'Sten Nordin'")
            .await
            .unwrap();
        let changed = get(Some(etag.clone())).await.unwrap();
        assert_eq!(changed.status(), StatusCode::OK);
        assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
        assert!(changed.text().await.unwrap().contains("Sten Nordin (M)"));
    })
    .await;
}

#[tokio::test]
async fn a_new_language_is_a_new_page() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let sv = warm(&app, &app.client, "/").await;
        let (_, en) = app.get("/?lang=en").await;
        assert_ne!(sv, en);
        // The cookie now says English; the bare path must not answer in Swedish.
        let (_, bare) = app.get("/").await;
        assert!(bare.contains("<html lang=\"en\">"), "{bare}");
    })
    .await;
}

#[tokio::test]
async fn another_tenants_writes_leave_a_tenants_pages_remembered() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let malmo = app
            .token_for("malmo", "writer@malmo.example", Role::Editor)
            .await;
        let client = reqwest::Client::new();
        let get = |etag: String| {
            client
                .get(app.url("/api/v1/persons"))
                .bearer_auth(&token)
                .header("if-none-match", etag)
                .send()
        };
        let first = get(String::new()).await.unwrap();
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        // Malmö writes through the API, as another municipality would.
        for name in ["Ilmar Reepalu", "Katrin Stjernfeldt Jammeh"] {
            let (status, _, _) = app
                .api_send(
                    reqwest::Method::POST,
                    "/api/v1/persons",
                    &malmo,
                    &json!({"name": name, "kind": "politician"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED);
        }
        let same = get(etag.clone()).await.unwrap();
        assert_eq!(
            same.status(),
            StatusCode::NOT_MODIFIED,
            "Stockholm's remembered list outlives Malmö's writes"
        );
        // The catalogue is Stockholm's too: a change there is seen.
        app.store
            .try_raw(
                "UPDATE organisations SET acronym = 'C40' WHERE tenant_id IS NULL AND slug = 'c40'",
            )
            .await
            .unwrap();
        let after = get(etag.clone()).await.unwrap();
        assert_eq!(after.status(), StatusCode::OK);
        assert_ne!(after.headers()["etag"].to_str().unwrap(), etag);
        // And Stockholm's own write, of course.
        let etag = after.headers()["etag"].to_str().unwrap().to_owned();
        app.store
            .try_raw("UPDATE persons SET name = 'Sten Nordin (M)' WHERE name = 'Sten Nordin'")
            .await
            .unwrap();
        let own = get(etag).await.unwrap();
        assert_eq!(own.status(), StatusCode::OK);
        assert!(own.text().await.unwrap().contains("Sten Nordin (M)"));
    })
    .await;
}
