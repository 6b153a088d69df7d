//! Starting the app for a test and talking to it as a user or a script would.

use oversyn_core::Role;
use oversyn_store::Store;
use oversyn_store::testing::{ScratchDb, postgres_url};
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use serde_json::Value;

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub client: reqwest::Client,
    pub demo_password: String,
    /// Messages the app sent (an in-memory mailer; SMTP is tested separately).
    pub outbox: std::sync::Arc<std::sync::Mutex<Vec<oversyn_mail::Outgoing>>>,
    /// The server's cache, e.g. to switch its pages off as `serve --no-cache` does.
    pub cache: std::sync::Arc<oversyn_web::cache::Cache>,
    /// Shared with [`on_each_backend`], which keeps the database until the
    /// test's future is done: an `async move` block that only touches
    /// `app.store` captures just that field (disjoint capture), so the rest
    /// of the app — and with it the scratch directory — would be dropped
    /// while the test still runs, and the pool's next new connection would
    /// fail with "unable to open database file".
    db: std::sync::Arc<ScratchDb>,
}

/// Runs `test` against a fresh app on every available backend.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let app = TestApp::spawn(ScratchDb::sqlite()).await;
    let keep = app.db.clone();
    test(app).await;
    drop(keep);
    match postgres_url() {
        Some(url) => {
            let app = TestApp::spawn(
                ScratchDb::postgres(&url)
                    .await
                    .expect("scratch PostgreSQL database"),
            )
            .await;
            let keep = app.db.clone();
            test(app).await;
            drop(keep);
        }
        None => eprintln!("PostgreSQL leg SKIPPED: set OVERSYN_TEST_POSTGRES_URL to run it"),
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    pub async fn spawn(db: ScratchDb) -> TestApp {
        let (mailer, outbox) = oversyn_mail::Mailer::memory();
        TestApp::spawn_with(db, mailer, outbox).await
    }

    /// Starts the app with a given mailer (e.g. real SMTP).
    pub async fn spawn_with(
        db: ScratchDb,
        mailer: oversyn_mail::Mailer,
        outbox: std::sync::Arc<std::sync::Mutex<Vec<oversyn_mail::Outgoing>>>,
    ) -> TestApp {
        let store = db.open().await.expect("database opens");
        let demo = oversyn_app::demo::load(&store).await.expect("demo loads");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let config = oversyn_web::Config {
            secure_cookies: false,
            public_url: base.clone(),
        };
        let state = oversyn_web::AppState::new(store.clone(), config, mailer);
        let cache = state.cache.clone();
        tokio::spawn(oversyn_web::serve(listener, state, std::future::pending()));
        TestApp {
            base,
            store,
            client: client(),
            demo_password: demo.password,
            outbox,
            cache,
            db: std::sync::Arc::new(db),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Another browser: its own cookie jar.
    pub fn new_browser(&self) -> reqwest::Client {
        client()
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        get_with(&self.client, &self.url(path)).await
    }

    pub async fn login_as_demo(&self) {
        let (status, _) = self
            .login(
                &self.client,
                "stockholm",
                oversyn_core::demo::DEMO_EMAIL,
                &self.demo_password.clone(),
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "demo login");
    }

    /// Fills in the login form in `client`'s browser.
    pub async fn login(
        &self,
        client: &reqwest::Client,
        tenant: &str,
        email: &str,
        password: &str,
    ) -> (StatusCode, String) {
        let (_, page) = get_with(client, &self.url("/login")).await;
        let csrf = csrf_of(&page);
        let r = client
            .post(self.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("tenant", tenant),
                ("email", email),
                ("password", password),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        (r.status(), r.text().await.unwrap())
    }

    /// Adds a user with a known password and returns it.
    pub async fn add_user(&self, tenant: &str, email: &str, role: Role) -> String {
        let t = self.store.tenant_by_slug(tenant).await.unwrap();
        let (u, _) = self
            .store
            .create_user(t.id, email, role, false)
            .await
            .unwrap();
        let password = "a long test password";
        self.store.set_password(u.id, password).await.unwrap();
        password.to_owned()
    }

    /// A browser logged in as a new user of `tenant` with `role`.
    pub async fn browser_as(&self, tenant: &str, email: &str, role: Role) -> reqwest::Client {
        let password = self.add_user(tenant, email, role).await;
        let c = self.new_browser();
        let (status, body) = self.login(&c, tenant, email, &password).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        c
    }

    pub async fn token_for(&self, tenant: &str, email: &str, role: Role) -> String {
        self.add_user(tenant, email, role).await;
        let t = self.store.tenant_by_slug(tenant).await.unwrap();
        let u = self.store.user_by_email(t.id, email).await.unwrap();
        self.store
            .create_api_token(u.id, Some("test"))
            .await
            .unwrap()
    }

    /// Posts a form with the CSRF token taken from the page at `form_page`.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, String, Option<String>) {
        let (_, page) = get_with(client, &self.url(form_page)).await;
        let csrf = csrf_of(&page);
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        let r = client
            .post(self.url(action))
            .form(&all)
            .send()
            .await
            .unwrap();
        let location = r
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        (r.status(), r.text().await.unwrap(), location)
    }

    pub async fn api_get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        let r = reqwest::Client::new()
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn api_send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: &Value,
    ) -> (StatusCode, Value, String) {
        let r = reqwest::Client::new()
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let ctype = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, r.json().await.unwrap_or(Value::Null), ctype)
    }

    /// A Swedish case made through the API with one proposed point; the case as the API returns it.
    pub async fn api_case(&self, token: &str, title: &str, route: &[&str], point: &str) -> Value {
        let (status, case, _) = self
            .api_send(
                reqwest::Method::POST,
                "/api/v1/cases",
                token,
                &serde_json::json!({"title": title, "language": "sv", "route": route,
                        "proposal": [{"label": "1.", "text": point}]}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{case}");
        case
    }

    /// The id of the tenant's first membership in the organisation `slug`.
    pub async fn membership_id(&self, tenant: &str, slug: &str) -> i64 {
        let t = self.store.tenant_by_slug(tenant).await.unwrap();
        let org = self.store.organisation_by_slug(t.id, slug).await.unwrap();
        self.store
            .memberships(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.organisation_id == org.id)
            .unwrap()
            .id
    }

    /// The demo's 2011 review of Stockholm (the illustrative one).
    pub async fn demo_review(&self) -> oversyn_store::reviews::Review {
        let t = self.store.tenant_by_slug("stockholm").await.unwrap();
        self.store
            .reviews(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.illustrative)
            .unwrap()
    }
}

pub async fn get_with(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let r = client.get(url).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// The CSRF token in the first form of a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .unwrap_or_else(|| panic!("no CSRF field in page: {}", &html[..html.len().min(400)]));
    html[start..].split('"').next().unwrap().to_owned()
}

/// The value of the hidden `version` field in a page.
pub fn version_of(html: &str) -> String {
    let marker = "name=\"version\" value=\"";
    let start = html
        .find(marker)
        .map(|i| i + marker.len())
        .expect("version field");
    html[start..].split('"').next().unwrap().to_owned()
}

/// A free port on loopback.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A real SMTP server (Python's aiosmtpd) that writes what it receives to a log.
pub struct SmtpServer {
    pub port: u16,
    log: std::path::PathBuf,
    child: std::process::Child,
}

impl SmtpServer {
    /// Starts one, or says why the test is skipped.
    pub async fn start() -> Option<SmtpServer> {
        let probe = std::process::Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status();
        if !probe.map(|s| s.success()).unwrap_or(false) {
            eprintln!(
                "SMTP test SKIPPED: python3 module aiosmtpd is missing (pip install aiosmtpd; scripts/test installs it)"
            );
            return None;
        }
        let port = free_port();
        let log = std::env::temp_dir().join(format!("oversyn-smtp-{port}.log"));
        let out = std::fs::File::create(&log).unwrap();
        let child = std::process::Command::new("python3")
            .args([
                "-u",
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
            ])
            .stdout(out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Some(SmtpServer { port, log, child })
    }

    /// A mailer that sends to `port` (this server's, or one nobody answers on).
    pub fn mailer_on(port: u16) -> oversyn_mail::Mailer {
        oversyn_mail::Mailer::smtp(&oversyn_mail::SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            tls: oversyn_mail::Tls::None,
            user: None,
            password: None,
            from: "Översyn <oversyn@stockholm.example>".into(),
        })
        .unwrap()
    }

    pub fn mailer(&self) -> oversyn_mail::Mailer {
        SmtpServer::mailer_on(self.port)
    }

    /// What the server received, once it contains `text` (or after five seconds).
    pub async fn wait_for(&self, text: &str) -> String {
        let mut received = String::new();
        for _ in 0..50 {
            received = std::fs::read_to_string(&self.log).unwrap_or_default();
            if received.contains(text) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        received
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// Runs `scripts/standards/{script}` (a Python checker built on the
/// `jsonschema` package) against the standard's own schemas in
/// `../shared/standards/{standard}` (or `$OVERSYN_STANDARDS_DIR/{standard}`),
/// in a child process so the server on this runtime keeps answering.
/// Fails, never skips, when jsonschema is missing; fails with what the
/// checker printed; returns its JSON summary.
pub async fn standards_check(script: &str, standard: &str, args: &[String]) -> Value {
    let have = tokio::process::Command::new("python3")
        .args(["-c", "import jsonschema"])
        .status()
        .await
        .is_ok_and(|s| s.success());
    assert!(
        have,
        "{script} needs Python's jsonschema: python3 -m pip install jsonschema (scripts/test installs it)"
    );
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts/standards")
        .join(script);
    let mut cmd = tokio::process::Command::new("python3");
    cmd.arg("-W").arg("ignore").arg(path).args(args);
    if let Ok(dir) = std::env::var("OVERSYN_STANDARDS_DIR") {
        cmd.arg("--schemas").arg(format!("{dir}/{standard}"));
    }
    let out = cmd.output().await.expect("python3 runs");
    assert!(
        out.status.success(),
        "{script} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the checker's JSON summary")
}

/// Creates an open review over some memberships through the store.
pub async fn open_review(
    app: &TestApp,
    slugs: &[&str],
    anonymous: bool,
) -> (oversyn_store::audit::Actor, i64, Vec<i64>) {
    let t = app.store.tenant_by_slug("stockholm").await.unwrap();
    let actor = oversyn_store::audit::Actor {
        tenant_id: t.id,
        user_id: None,
        label: "test".into(),
    };
    let today = chrono::Utc::now().date_naive();
    let mut ids = Vec::new();
    for s in slugs {
        ids.push(app.membership_id("stockholm", s).await);
    }
    let strategy = app.store.current_strategy(&actor).await.unwrap();
    let new = oversyn_store::reviews::NewReview {
        title: "Översyn 2026".into(),
        opens_on: today - chrono::Days::new(1),
        closes_on: today + chrono::Days::new(10),
        anonymous,
        min_group: 3,
        reminder_max: 2,
        reminder_days: 7,
        illustrative: false,
        memberships: ids.clone(),
    };
    let r = app
        .store
        .create_review(
            &actor,
            strategy.id,
            &new,
            &oversyn_core::review::questionnaire::default_questionnaire(&strategy.strategy),
        )
        .await
        .unwrap();
    (actor, r.id, ids)
}

/// Text of a PDF through poppler's pdftotext, if installed.
pub fn pdf_text(pdf: &[u8]) -> Option<(String, usize)> {
    let path = std::env::temp_dir().join(format!("oversyn-report-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    let info = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .ok()?;
    let pages = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find(|l| l.starts_with("Pages:"))?
        .split_whitespace()
        .last()?
        .parse()
        .ok()?;
    Some((String::from_utf8_lossy(&text.stdout).into_owned(), pages))
}
