//! Single sign-on against a real OpenID Connect provider: `oidc-provider`
//! from npm (e2e/oidc-provider.mjs, installed by `npm --prefix e2e ci`),
//! started on a free port for each test. Its own development login pages
//! are filled in as a person would; its token answers are re-signed only
//! where a test needs a token the provider would never issue.

use crate::helpers::{TestApp, client, csrf_of, get_with, on_each_backend};
use oversyn_core::Role;
use oversyn_core::sso::GroupRoles;
use oversyn_store::audit::Actor;
use oversyn_store::oidc::{ClientSecret, OidcSettings};
use reqwest::StatusCode;
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};

const CLIENT_ID: &str = "oversyn-stockholm";
const SECRET: &str = "a-client-secret-of-the-test-provider-0123456789";

/// The provider process; killed when the test ends.
struct Idp {
    issuer: String,
    _child: tokio::process::Child,
    control: reqwest::Client,
}

impl Idp {
    async fn start(app: &TestApp) -> Idp {
        let e2e = concat!(env!("CARGO_MANIFEST_DIR"), "/../../e2e");
        assert!(
            std::path::Path::new(&format!("{e2e}/node_modules/oidc-provider")).exists(),
            "the test provider is not installed: run `npm --prefix e2e ci` (scripts/test does)"
        );
        let mut child = tokio::process::Command::new("node")
            .arg(format!("{e2e}/oidc-provider.mjs"))
            .arg(CLIENT_ID)
            .arg(SECRET)
            .arg(app.url("/login/sso/callback"))
            .arg(app.url("/login"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("node starts (Node.js is needed for the sign-in tests)");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
            .await
            .expect("the provider starts within 30 s")
            .unwrap()
            .expect("the provider prints its issuer");
        let v: serde_json::Value = serde_json::from_str(&first).unwrap();
        // Keep reading: a write to a closed pipe would end the provider.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Idp {
            issuer: v["issuer"].as_str().unwrap().to_owned(),
            _child: child,
            control: reqwest::Client::new(),
        }
    }

    async fn groups(&self, login: &str, groups: &[&str]) {
        let r = self
            .control
            .post(format!("{}/test/groups", self.issuer))
            .json(&serde_json::json!({"login": login, "groups": groups}))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }

    async fn tamper(&self, mode: &str) {
        let r = self
            .control
            .post(format!("{}/test/tamper", self.issuer))
            .json(&serde_json::json!({"mode": mode}))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
    }
}

async fn stockholm(app: &TestApp) -> i64 {
    app.store.tenant_by_slug("stockholm").await.unwrap().id
}

async fn set_provider(app: &TestApp, idp: &Idp, passwords_off: bool) {
    let tenant_id = stockholm(app).await;
    let settings = OidcSettings {
        tenant_id,
        issuer: idp.issuer.clone(),
        client_id: CLIENT_ID.into(),
        secret: ClientSecret::Stored(SECRET.into()),
        role_claim: "groups".into(),
        groups: GroupRoles {
            admin: Some("oversyn-admins".into()),
            editor: Some("oversyn-editors".into()),
            politician: Some("kf-ledamoter".into()),
            viewer: Some("tjansteman".into()),
        },
        passwords_off,
    };
    let actor = Actor {
        tenant_id,
        user_id: None,
        label: "test".into(),
    };
    app.store.set_oidc(&actor, &settings).await.unwrap();
}

fn location(r: &reqwest::Response, base: &str) -> String {
    let l = r
        .headers()
        .get("location")
        .expect("a redirect has a Location")
        .to_str()
        .unwrap();
    if l.starts_with("http") {
        l.to_owned()
    } else {
        format!("{base}{l}")
    }
}

/// The first form's target on a provider page, as an absolute address.
fn form_action(page: &str, issuer: &str) -> String {
    let i = page.find("action=\"").expect("the provider shows a form") + 8;
    let j = page[i..].find('"').unwrap();
    let a = page[i..i + j].replace("&amp;", "&");
    if a.starts_with("http") {
        a
    } else {
        format!("{issuer}{a}")
    }
}

/// What a sign-in at the provider went through.
struct AtProvider {
    /// The provider's redirect back to us (not yet followed).
    callback: String,
    /// The provider asked for a login (it had no session for this browser).
    asked_login: bool,
}

/// Begins at our `/login/sso`, signs in at the provider as `login` (its
/// development pages take any password) and agrees to share the claims;
/// stops at the provider's redirect back to the app.
async fn through_provider(
    app: &TestApp,
    idp: &Idp,
    browser: &reqwest::Client,
    login: &str,
) -> AtProvider {
    let r = browser
        .get(app.url("/login/sso?tenant=stockholm&next=/persons"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "/login/sso sends the browser on"
    );
    let mut next = location(&r, &app.base);
    assert!(next.starts_with(&idp.issuer), "to the provider: {next}");
    let mut asked_login = false;
    for _ in 0..12 {
        if next.starts_with(&app.base) {
            return AtProvider {
                callback: next,
                asked_login,
            };
        }
        let r = browser.get(&next).send().await.unwrap();
        if r.status().is_redirection() {
            next = location(&r, &idp.issuer);
            continue;
        }
        let page = r.text().await.unwrap();
        let action = form_action(&page, &idp.issuer);
        let form: Vec<(&str, &str)> = if page.contains("name=\"login\"") {
            asked_login = true;
            vec![("prompt", "login"), ("login", login), ("password", "any")]
        } else {
            vec![("prompt", "consent")]
        };
        let r = browser.post(&action).form(&form).send().await.unwrap();
        assert!(
            r.status().is_redirection(),
            "the provider took the form: {}",
            r.status()
        );
        next = location(&r, &idp.issuer);
    }
    panic!("the provider never sent the browser back");
}

/// A whole sign-in; returns our answer to the provider's redirect.
async fn sign_in(
    app: &TestApp,
    idp: &Idp,
    browser: &reqwest::Client,
    login: &str,
) -> (StatusCode, String, String) {
    let at = through_provider(app, idp, browser, login).await;
    answer(browser, &at.callback).await
}

/// Status, Location (if any) and body of our callback's answer.
async fn answer(browser: &reqwest::Client, callback: &str) -> (StatusCode, String, String) {
    let r = browser.get(callback).send().await.unwrap();
    let status = r.status();
    let loc = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let sets_session = r.headers().get_all("set-cookie").iter().any(|c| {
        c.to_str().unwrap().starts_with("oversyn_session=")
            && !c.to_str().unwrap().starts_with("oversyn_session=;")
    });
    if status != StatusCode::SEE_OTHER {
        assert!(!sets_session, "a refusal starts no session");
    }
    (status, loc, r.text().await.unwrap())
}

async fn users(app: &TestApp) -> usize {
    app.store.users(stockholm(app).await).await.unwrap().len()
}

async fn role_of(app: &TestApp, email: &str) -> Role {
    app.store
        .user_by_email(stockholm(app).await, email)
        .await
        .unwrap()
        .role
}

#[tokio::test]
async fn sign_in_makes_the_user_and_the_groups_give_the_role() {
    on_each_backend(|app| async move {
        let idp = Idp::start(&app).await;
        set_provider(&app, &idp, false).await;
        idp.groups("anna", &["tjansteman", "oversyn-editors"]).await;
        let before = users(&app).await;

        let desk = client();
        let (status, to, _) = sign_in(&app, &idp, &desk, "anna").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(to, "/persons", "back where the person set out to go");
        assert_eq!(users(&app).await, before + 1, "made on first sign-in");
        assert_eq!(role_of(&app, "anna@idp.example").await, Role::Editor);
        let (s, page) = get_with(&desk, &app.url("/persons")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("anna@idp.example"), "signed in as anna");
        let (s, _) = get_with(&desk, &app.url("/admin/users")).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "an editor is no admin");

        // Moved to the admins' group: admin at the next sign-in, and the
        // session with the old role ends.
        idp.groups("anna", &["oversyn-admins"]).await;
        let phone = client();
        let (status, _, _) = sign_in(&app, &idp, &phone, "anna").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(role_of(&app, "anna@idp.example").await, Role::Admin);
        assert_eq!(
            users(&app).await,
            before + 1,
            "the same user, not a new one"
        );
        let (s, page) = get_with(&phone, &app.url("/admin/users")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains(&idp.issuer) && page.contains("oversyn-editors"),
            "the admin sees the provider: {page}"
        );
        assert!(!page.contains(SECRET), "never its secret");
        let (s, _) = get_with(&desk, &app.url("/persons")).await;
        assert_eq!(
            s,
            StatusCode::SEE_OTHER,
            "the editor's session ended with the role"
        );

        // Out of every mapped group: refused, and nothing changes.
        idp.groups("anna", &["some-other-group"]).await;
        let (status, _, page) = sign_in(&app, &idp, &client(), "anna").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(
            page.contains("någon grupp som ger tillgång"),
            "says why: {page}"
        );
        assert_eq!(role_of(&app, "anna@idp.example").await, Role::Admin);

        // A politician; and someone in no group is never created.
        idp.groups("karin", &["kf-ledamoter"]).await;
        assert_eq!(
            sign_in(&app, &idp, &client(), "karin").await.0,
            StatusCode::SEE_OTHER
        );
        assert_eq!(role_of(&app, "karin@idp.example").await, Role::Politician);
        let n = users(&app).await;
        let (status, _, _) = sign_in(&app, &idp, &client(), "olle").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(users(&app).await, n, "nothing created");
    })
    .await;
}

#[tokio::test]
async fn tokens_that_fail_a_check_are_refused() {
    on_each_backend(|app| async move {
        let idp = Idp::start(&app).await;
        set_provider(&app, &idp, false).await;
        idp.groups("bert", &["oversyn-editors"]).await;
        let before = users(&app).await;
        for (mode, says) in [
            ("aud", "audience"),
            ("exp", "xpired"),
            ("nonce", "nonce"),
            ("key", "ignature"),
        ] {
            idp.tamper(mode).await;
            let (status, _, page) = sign_in(&app, &idp, &client(), "bert").await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{mode}");
            assert!(
                page.contains("godtogs inte"),
                "{mode}: a clear page: {page}"
            );
            assert!(page.contains(says), "{mode}: names the check: {page}");
            assert_eq!(users(&app).await, before, "{mode}: nothing created");
        }
        idp.tamper("").await;
        assert_eq!(
            sign_in(&app, &idp, &client(), "bert").await.0,
            StatusCode::SEE_OTHER,
            "an honest token is taken"
        );
    })
    .await;
}

#[tokio::test]
async fn the_answer_counts_once_and_only_in_its_own_browser() {
    on_each_backend(|app| async move {
        let idp = Idp::start(&app).await;
        set_provider(&app, &idp, false).await;
        idp.groups("cecilia", &["tjansteman"]).await;
        let before = users(&app).await;

        // Someone else's browser given the answer (login CSRF): refused,
        // and the rightful browser can still use it.
        let mine = client();
        let at = through_provider(&app, &idp, &mine, "cecilia").await;
        let (status, _, page) = answer(&client(), &at.callback).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains("annan webbläsare"), "{page}");
        assert_eq!(users(&app).await, before);
        let (status, _, _) = answer(&mine, &at.callback).await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        // The same answer again: refused (replay).
        let (status, _, _) = answer(&mine, &at.callback).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        // A state nobody issued, and the provider's own refusal.
        let (status, _, _) =
            answer(&mine, &app.url("/login/sso/callback?code=x&state=made-up")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let r = mine
            .get(app.url("/login/sso?tenant=stockholm"))
            .send()
            .await
            .unwrap();
        let to = url::Url::parse(&location(&r, &app.base)).unwrap();
        let state = to
            .query_pairs()
            .find(|(k, _)| k == "state")
            .unwrap()
            .1
            .to_string();
        let (status, _, page) = answer(
            &mine,
            &app.url(&format!(
                "/login/sso/callback?error=access_denied&error_description=no&state={state}"
            )),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(page.contains("access_denied"), "{page}");

        // No provider for the tenant.
        let (s, _) = get_with(&client(), &app.url("/login/sso?tenant=nowhere")).await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // A provider that does not answer: a page that says so, no sign-in
        // recorded.
        let tenant_id = stockholm(&app).await;
        let mut down = app.store.oidc(tenant_id).await.unwrap().unwrap();
        down.issuer = format!("http://127.0.0.1:{}", crate::helpers::free_port());
        let actor = Actor {
            tenant_id,
            user_id: None,
            label: "test".into(),
        };
        app.store.set_oidc(&actor, &down).await.unwrap();
        let (s, page) = get_with(&client(), &app.url("/login/sso?tenant=stockholm")).await;
        assert_eq!(s, StatusCode::BAD_GATEWAY);
        assert!(page.contains("gick inte att nå"), "{page}");
        assert_eq!(
            app.store
                .count("SELECT COUNT(*) FROM oidc_pending WHERE expires_at > '2000'")
                .await
                .unwrap(),
            0,
            "every sign-in above was taken, and none is recorded for a provider that did not answer"
        );
    })
    .await;
}

#[tokio::test]
async fn passwords_can_be_switched_off_and_logout_ends_the_providers_session() {
    on_each_backend(|app| async move {
        let idp = Idp::start(&app).await;
        let (_, form) = get_with(&app.client, &app.url("/login")).await;
        set_provider(&app, &idp, true).await;
        idp.groups("david", &["oversyn-editors"]).await;

        // The demo admin's password no longer signs in, even posted to
        // the form the page no longer shows.
        let r = app
            .client
            .post(app.url("/login"))
            .form(&[
                ("csrf", csrf_of(&form).as_str()),
                ("tenant", "stockholm"),
                ("email", oversyn_core::demo::DEMO_EMAIL),
                ("password", app.demo_password.as_str()),
            ])
            .send()
            .await
            .unwrap();
        let s = r.status();
        let page = r.text().await.unwrap();
        assert_eq!(s, StatusCode::FORBIDDEN);
        assert!(page.contains("inte med lösenord"), "{page}");
        let (_, page) = get_with(&client(), &app.url("/login?tenant=stockholm")).await;
        assert!(
            page.contains("href=\"/login/sso?tenant=stockholm"),
            "{page}"
        );
        assert!(!page.contains("type=\"password\""), "no password field");

        let browser = client();
        let first = through_provider(&app, &idp, &browser, "david").await;
        assert!(first.asked_login);
        assert_eq!(
            answer(&browser, &first.callback).await.0,
            StatusCode::SEE_OTHER
        );

        // Logout: the local session ends, and the page forwards to the
        // provider's end-session endpoint with the ID token as a hint.
        let (_, page) = get_with(&browser, &app.url("/persons")).await;
        let r = browser
            .post(app.url("/logout"))
            .form(&[("csrf", csrf_of(&page))])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.unwrap();
        let needle = "id=\"provider-logout\" href=\"";
        let i = page.find(needle).expect("a link to the provider's logout") + needle.len();
        let end = page[i..i + page[i..].find('"').unwrap()]
            .replace("&#38;", "&")
            .replace("&amp;", "&");
        assert!(
            end.starts_with(&format!("{}/session/end?", idp.issuer)),
            "{end}"
        );
        assert!(end.contains("id_token_hint="));
        let (s, _) = get_with(&browser, &app.url("/persons")).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "signed out here");

        // At the provider: it asks to confirm, then sends the browser back.
        let r = browser.get(&end).send().await.unwrap();
        let confirm = r.text().await.unwrap();
        let action = form_action(&confirm, &idp.issuer);
        let needle = "name=\"xsrf\" value=\"";
        let i = confirm
            .find(needle)
            .expect("the provider's confirmation form")
            + needle.len();
        let xsrf = &confirm[i..i + confirm[i..].find('"').unwrap()];
        let r = browser
            .post(&action)
            .form(&[("xsrf", xsrf), ("logout", "yes")])
            .send()
            .await
            .unwrap();
        assert!(r.status().is_redirection());
        assert_eq!(location(&r, &idp.issuer), app.url("/login"));

        // The provider's session is gone: the next sign-in asks again.
        let again = through_provider(&app, &idp, &browser, "david").await;
        assert!(again.asked_login, "the provider forgot the session");
    })
    .await;
}
