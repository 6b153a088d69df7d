//! What every answer carries: cookies that scripts cannot read and other
//! sites do not send (Secure as well when the server runs with
//! `--secure-cookies` behind TLS), and the security headers on every kind of
//! response — pages, redirects, errors, JSON, problems, static files,
//! documents, downloads, feeds and the public pages.

use crate::helpers::*;
use oversyn_core::Role;
use oversyn_store::testing::{ScratchDb, postgres_url};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// The headers every response must have; what is wrong, if anything.
pub fn missing_security_headers(h: &HeaderMap) -> Vec<String> {
    let get = |n: &str| h.get(n).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mut out = Vec::new();
    let csp = get("content-security-policy");
    for part in [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "script-src 'self'",
    ] {
        if !csp.contains(part) {
            out.push(format!("Content-Security-Policy without {part:?}: {csp:?}"));
        }
    }
    if csp.contains("unsafe-inline") || csp.contains("unsafe-eval") {
        out.push(format!(
            "Content-Security-Policy allows inline script: {csp:?}"
        ));
    }
    if get("x-content-type-options") != "nosniff" {
        out.push("no X-Content-Type-Options: nosniff".into());
    }
    if ![
        "same-origin",
        "no-referrer",
        "strict-origin",
        "strict-origin-when-cross-origin",
    ]
    .contains(&get("referrer-policy"))
    {
        out.push(format!("Referrer-Policy {:?}", get("referrer-policy")));
    }
    out
}

/// A server of our own, for settings the shared helper does not vary.
async fn serve(db: &ScratchDb, secure_cookies: bool) -> (String, String) {
    let store = db.open().await.expect("database opens");
    let demo = oversyn_app::demo::load(&store).await.expect("demo loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = oversyn_web::Config {
        secure_cookies,
        public_url: base.clone(),
    };
    let (mailer, _) = oversyn_mail::Mailer::memory();
    let state = oversyn_web::AppState::new(store, config, mailer);
    tokio::spawn(oversyn_web::serve(listener, state, std::future::pending()));
    (base, demo.password)
}

/// Every `Set-Cookie` a visit sets: the login form's token, the session,
/// the chosen language, and the session's end.
async fn cookies_of_a_visit(base: &str, password: &str) -> Vec<String> {
    let c = client();
    let mut set = Vec::new();
    let mut keep = |r: &reqwest::Response| {
        set.extend(
            r.headers()
                .get_all("set-cookie")
                .iter()
                .map(|v| v.to_str().unwrap().to_owned()),
        );
    };
    let r = c.get(format!("{base}/login")).send().await.unwrap();
    keep(&r);
    let page = r.text().await.unwrap();
    let r = c
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("tenant", "stockholm"),
            ("email", oversyn_core::demo::DEMO_EMAIL),
            ("password", password),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    keep(&r);
    let r = c.get(format!("{base}/?lang=en")).send().await.unwrap();
    keep(&r);
    let page = r.text().await.unwrap();
    let r = c
        .post(format!("{base}/logout"))
        .form(&[("csrf", csrf_of(&page).as_str())])
        .send()
        .await
        .unwrap();
    keep(&r);
    set
}

#[tokio::test]
async fn cookies_are_http_only_and_same_site_and_secure_behind_tls() {
    for secure in [false, true] {
        let mut dbs = vec![ScratchDb::sqlite()];
        match postgres_url() {
            Some(url) => dbs.push(ScratchDb::postgres(&url).await.unwrap()),
            None => eprintln!("PostgreSQL leg SKIPPED: set OVERSYN_TEST_POSTGRES_URL to run it"),
        }
        for db in &dbs {
            let (base, password) = serve(db, secure).await;
            let set = cookies_of_a_visit(&base, &password).await;
            let names: std::collections::BTreeSet<&str> =
                set.iter().filter_map(|c| c.split('=').next()).collect();
            for name in ["oversyn_login_csrf", "oversyn_session", "oversyn_lang"] {
                assert!(names.contains(name), "{name} was never set: {set:?}");
            }
            for c in &set {
                let attrs: Vec<String> = c.split(';').map(|a| a.trim().to_lowercase()).collect();
                assert!(attrs.iter().any(|a| a == "httponly"), "{c}");
                assert!(
                    attrs
                        .iter()
                        .any(|a| a == "samesite=lax" || a == "samesite=strict"),
                    "{c}"
                );
                assert_eq!(attrs.iter().any(|a| a == "secure"), secure, "{c}");
                assert!(attrs.iter().any(|a| a == "path=/"), "{c}");
            }
            // Signing out clears the session cookie in the browser too.
            assert!(
                set.iter()
                    .filter(|c| c.starts_with("oversyn_session="))
                    .any(|c| c.starts_with("oversyn_session=;") && c.contains("Max-Age=0")),
                "{set:?}"
            );
        }
    }
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let token = app
            .token_for("stockholm", "headers@stockholm.example", Role::Viewer)
            .await;
        let editor_token = app
            .token_for(
                "stockholm",
                "headers-editor@stockholm.example",
                Role::Editor,
            )
            .await;
        let (_, cases) = app.api_get("/api/v1/cases", &token).await;
        let case = cases["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == "decided")
            .unwrap()["id"]
            .clone();
        let review = app.store.reviews(t.id).await.unwrap()[0].id;
        let actor = oversyn_store::audit::Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let action = app.store.actions(t.id).await.unwrap()[0].id;
        let file = app
            .store
            .add_file(
                &actor,
                ("action", action),
                "brev.txt",
                "text/plain",
                b"brev",
            )
            .await
            .unwrap()
            .id;
        let feed = app
            .store
            .create_calendar_feed(t.id, None, "test")
            .await
            .unwrap();
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let anonymous = app.new_browser();
        let api = reqwest::Client::new();
        let big = "x".repeat(3 * 1024 * 1024);
        let requests: Vec<(&str, reqwest::RequestBuilder, u16)> = vec![
            ("a page", app.client.get(app.url("/")), 200),
            ("the login page", anonymous.get(app.url("/login")), 200),
            ("HEAD of a page", anonymous.head(app.url("/login")), 200),
            (
                "a redirect to sign in",
                anonymous.get(app.url("/persons")),
                303,
            ),
            (
                "an unknown page",
                app.client.get(app.url("/no-such-page")),
                404,
            ),
            (
                "a page for admins only",
                viewer.get(app.url("/admin/users")),
                403,
            ),
            (
                "a form without its token",
                app.client.post(app.url("/persons")).form(&[("name", "X")]),
                403,
            ),
            ("a wrong method", app.client.get(app.url("/logout")), 405),
            (
                "the stylesheet",
                anonymous.get(app.url("/static/app.css")),
                200,
            ),
            (
                "the script",
                anonymous.get(app.url("/static/respond.js")),
                200,
            ),
            ("the health check", anonymous.get(app.url("/healthz")), 200),
            (
                "JSON",
                api.get(app.url("/api/v1/organisations"))
                    .bearer_auth(&token),
                200,
            ),
            (
                "a problem: a viewer may not write (before the body is read)",
                api.post(app.url("/api/v1/persons"))
                    .bearer_auth(&token)
                    .header("content-type", "application/json")
                    .body("{not json"),
                403,
            ),
            (
                "a problem: no token",
                api.get(app.url("/api/v1/organisations")),
                401,
            ),
            (
                "a problem: no such API route",
                api.get(app.url("/api/v1/nothing")).bearer_auth(&token),
                404,
            ),
            (
                "a problem: too large",
                api.post(app.url("/api/v1/persons"))
                    .bearer_auth(&editor_token)
                    .header("content-type", "application/json")
                    .body(big),
                413,
            ),
            (
                "the OpenAPI document",
                anonymous.get(app.url("/api/openapi.json")),
                200,
            ),
            (
                "Akoma Ntoso over the API",
                api.get(app.url(&format!("/api/v1/cases/{case}/akn")))
                    .bearer_auth(&token),
                200,
            ),
            (
                "the public page",
                anonymous.get(app.url("/public/stockholm")),
                200,
            ),
            (
                "public events",
                anonymous.get(app.url("/public/stockholm/events")),
                200,
            ),
            (
                "public Popolo",
                anonymous.get(app.url("/public/stockholm/popolo.json")),
                200,
            ),
            (
                "a public case",
                anonymous.get(app.url(&format!("/public/stockholm/cases/{case}"))),
                200,
            ),
            (
                "public Akoma Ntoso",
                anonymous.get(app.url(&format!("/public/stockholm/cases/{case}/akn.xml"))),
                200,
            ),
            (
                "a public page of no city",
                anonymous.get(app.url("/public/atlantis")),
                404,
            ),
            (
                "a case document in HTML",
                app.client
                    .get(app.url(&format!("/cases/{case}/document?format=html"))),
                200,
            ),
            (
                "a case document in DOCX",
                app.client
                    .get(app.url(&format!("/cases/{case}/document?format=docx"))),
                200,
            ),
            (
                "the review report in HTML",
                app.client
                    .get(app.url(&format!("/reviews/{review}/report?format=html"))),
                200,
            ),
            (
                "a CSV table",
                app.client.get(app.url("/tables/organisations.csv")),
                200,
            ),
            (
                "an XLSX table",
                app.client.get(app.url("/tables/organisations.xlsx")),
                200,
            ),
            (
                "an evidence file",
                app.client.get(app.url(&format!("/files/{file}"))),
                200,
            ),
            (
                "a calendar feed",
                anonymous.get(app.url(&format!("/calendar/feed/{feed}"))),
                200,
            ),
            (
                "an unknown respondent link",
                anonymous.get(app.url(&format!("/respond/{}", "y".repeat(43)))),
                404,
            ),
        ];
        let mut wrong = Vec::new();
        for (what, request, status) in requests {
            let r = request.send().await.unwrap();
            if r.status().as_u16() != status {
                wrong.push(format!("{what}: status {} (want {status})", r.status()));
            }
            for m in missing_security_headers(r.headers()) {
                wrong.push(format!("{what}: {m}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // Signed-in pages and API answers are never cached on the way.
        for r in [
            app.client.get(app.url("/")).send().await.unwrap(),
            api.get(app.url("/api/v1/persons"))
                .bearer_auth(&token)
                .send()
                .await
                .unwrap(),
        ] {
            assert_eq!(r.headers()["cache-control"], "no-store");
        }
    })
    .await;
}
