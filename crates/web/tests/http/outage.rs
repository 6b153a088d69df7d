//! The database going away for a few seconds (PostgreSQL, reached through
//! a TCP relay the test can cut): pages and the API answer 503 — the API
//! with a problem body — never a 500 or a hang; a job queued before the
//! outage is not lost, and is sent once the database is back.

use crate::helpers::{client, get_with};
use oversyn_store::Store;
use oversyn_store::testing::{ScratchDb, postgres_url};
use reqwest::StatusCode;
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Forwards a local port to PostgreSQL until cut.
struct Relay {
    port: u16,
    accept: Option<JoinHandle<()>>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Relay {
    async fn start(port: u16) -> Relay {
        let mut r = Relay {
            port,
            accept: None,
            links: Arc::default(),
        };
        r.open().await;
        r
    }

    async fn open(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        let links = self.links.clone();
        self.accept = Some(tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let link = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                links.lock().unwrap().push(link);
            }
        }));
    }

    /// Refuses new connections and breaks the open ones.
    fn cut(&mut self) {
        if let Some(a) = self.accept.take() {
            a.abort();
        }
        for l in self.links.lock().unwrap().drain(..) {
            l.abort();
        }
    }
}

#[tokio::test]
async fn a_database_outage_gives_503_and_loses_no_job() {
    let Some(url) = postgres_url() else {
        eprintln!("SKIPPED: needs OVERSYN_TEST_POSTGRES_URL (a SQLite file does not go away)");
        return;
    };
    let db = ScratchDb::postgres(&url).await.unwrap();
    let direct = db.open().await.unwrap();
    let demo = oversyn_app::demo::load(&direct).await.unwrap();
    let tenant = demo.tenant_id;
    let (user, _) = direct
        .create_user(
            tenant,
            "api@stockholm.example",
            oversyn_core::Role::Editor,
            false,
        )
        .await
        .unwrap();
    let token = direct
        .create_api_token(user.id, Some("test"))
        .await
        .unwrap();

    let relay_port = crate::helpers::free_port();
    let mut relay = Relay::start(relay_port).await;
    let mut relayed = url::Url::parse(&db.url).unwrap();
    relayed.set_port(Some(relay_port)).unwrap();
    let store = Store::connect(relayed.as_str()).await.unwrap();
    let (mailer, outbox) = oversyn_mail::Mailer::memory();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = oversyn_web::AppState::new(
        store.clone(),
        oversyn_web::Config {
            secure_cookies: false,
            public_url: base.clone(),
        },
        mailer,
    );
    tokio::spawn(oversyn_web::serve(
        listener,
        state.clone(),
        std::future::pending(),
    ));
    let api = |path: &str| {
        client()
            .get(format!("{base}{path}"))
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(
        api("/api/v1/organisations").await.unwrap().status(),
        StatusCode::OK
    );

    // Work queued before the outage: an invitation for a new respondent.
    let review = direct
        .reviews(tenant)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.illustrative)
        .unwrap();
    let actor = oversyn_store::audit::Actor {
        tenant_id: tenant,
        user_id: None,
        label: "outage test".into(),
    };
    let r = direct
        .add_respondent(
            &actor,
            review.id,
            &oversyn_store::reviews::NewRespondent {
                person_id: None,
                name: "Gun".into(),
                email: Some("gun@stockholm.example".into()),
                lang: "sv".into(),
                memberships: direct.review_memberships(review.id).await.unwrap()[..1].to_vec(),
            },
        )
        .await
        .unwrap();
    let invitation = oversyn_app::jobs::Work::Invitation {
        review_id: review.id,
        respondent_id: r.id,
    };
    oversyn_app::jobs::enqueue(&direct, tenant, &[invitation], false)
        .await
        .unwrap();

    relay.cut();
    let res = api("/api/v1/persons").await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["status"], 503, "{problem}");
    let (status, page) = get_with(&client(), &format!("{base}/login")).await;
    assert!(
        status == StatusCode::OK || status == StatusCode::SERVICE_UNAVAILABLE,
        "{status}: {page}"
    );
    let browser = client();
    let res = browser
        .get(format!("{base}/"))
        .header("cookie", "oversyn_session=some-session")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    // The worker's round fails; the job stays queued.
    assert!(
        oversyn_app::jobs::run_due(&state.sender(), chrono::Utc::now())
            .await
            .is_err()
    );
    assert!(outbox.lock().unwrap().is_empty());

    relay.open().await;
    let mut back = false;
    for _ in 0..50 {
        if api("/api/v1/persons").await.unwrap().status() == StatusCode::OK {
            back = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(back, "the API answers again once the database is back");
    let sent = oversyn_app::jobs::run_due(&state.sender(), chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(sent.sent, 1);
    let out = outbox.lock().unwrap().clone();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].to, "gun@stockholm.example");
    relay.cut();
}
