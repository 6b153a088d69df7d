//! Översyn's web application: server-rendered pages in Swedish and English,
//! the JSON API under `/api/v1/`, sign-in with database-backed sessions and
//! API tokens. Handlers are thin: extract, call the store and the core, render.

pub mod analysis;
pub mod api;
pub mod auth;
pub mod cache;
pub mod cases;
pub mod context;
pub mod error;
pub mod followup;
pub mod i18n;
pub mod jobs;
pub mod kept;
mod middleware;
pub mod oparl;
pub mod opendata;
pub mod public;
pub mod records;
pub mod register;
pub mod respond;
pub mod reviews;
mod secrecy;
pub mod settings;
mod static_files;
pub mod views;

use axum::Router;
use axum::routing::get;
use oversyn_store::Store;
use std::sync::Arc;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Settings the web layer needs beyond the database.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Mark cookies `Secure`: set when the public address is https.
    pub secure_cookies: bool,
    /// The address respondents' links point at, e.g. `https://oversyn.example.se`.
    pub public_url: String,
}

/// What every handler may use; one `Arc`, because axum clones the state
/// several times per request and a clone of several `Arc`s showed up as
/// contended reference counts under load (scripts/load.sh).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub store: Store,
    pub config: Arc<Config>,
    pub mailer: oversyn_mail::Mailer,
    /// Sessions, tokens and pages remembered per data version.
    pub cache: Arc<cache::Cache>,
    /// This instance as the holder of the background jobs it claims.
    pub worker: oversyn_app::jobs::Worker,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(store: Store, config: Config, mailer: oversyn_mail::Mailer) -> AppState {
        AppState::with_worker(store, config, mailer, oversyn_app::jobs::Worker::default())
    }

    /// With the background work's retry settings given (`serve` and tests).
    pub fn with_worker(
        store: Store,
        config: Config,
        mailer: oversyn_mail::Mailer,
        worker: oversyn_app::jobs::Worker,
    ) -> AppState {
        AppState(Arc::new(Shared {
            store,
            config: Arc::new(config),
            mailer,
            cache: Arc::default(),
            worker,
        }))
    }

    /// What the use cases that send mail need of the state.
    pub fn sender(&self) -> oversyn_app::Sender<'_> {
        oversyn_app::Sender {
            store: &self.store,
            mailer: &self.mailer,
            public_url: &self.config.public_url,
            worker: &self.worker,
        }
    }
}

/// The whole application as a router, for `serve` and for tests.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(health))
        .merge(static_files::router())
        .merge(auth::router())
        .merge(jobs::router())
        .merge(register::router())
        .merge(reviews::router())
        .merge(cases::router())
        .merge(followup::router())
        .merge(public::router())
        .merge(records::router())
        .merge(settings::router())
        .merge(oparl::router())
        .merge(respond::router())
        .nest("/api", api::router())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::front,
        ))
        // Outside `front` (which may answer from the page cache), inside
        // the compression layer, which then leaves the chosen form alone.
        .layer(axum::middleware::from_fn(cache::kept_forms))
        // Outside `front`, so that it also compresses the error pages
        // `front` renders.
        .layer(compression())
        .with_state(state)
}

/// Content types that are compressed already (PDF, DOCX and XLSX are zip
/// files; stored case documents are mostly PDF).
const COMPRESSED_TYPES: [&str; 4] = [
    "application/pdf",
    "application/zip",
    "application/vnd.openxmlformats",
    "application/octet-stream",
];

/// Gzip or brotli by the request's `Accept-Encoding`, with `Vary`; not for
/// tiny bodies, images, content compressed already, nor answers from the
/// page cache, which keeps its own compressed forms ([`cache::Encoded`]).
fn compression() -> CompressionLayer<impl Predicate> {
    let worth = |_, _, headers: &http::HeaderMap, extensions: &http::Extensions| {
        let compressed = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| COMPRESSED_TYPES.iter().any(|c| t.starts_with(c)));
        !compressed && extensions.get::<cache::Encoded>().is_none()
    };
    CompressionLayer::new()
        .gzip(true)
        .br(true)
        .quality(CompressionLevel::Precise(
            cache::FRESH_COMPRESS_LEVEL as i32,
        ))
        .compress_when(DefaultPredicate::new().and(worth))
}

/// Answers 200 when the database answers.
async fn health(
    axum::extract::State(s): axum::extract::State<AppState>,
) -> (http::StatusCode, &'static str) {
    match s.store.ping().await {
        Ok(()) => (http::StatusCode::OK, "ok"),
        Err(_) => (
            http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable",
        ),
    }
}

/// Serves the app on a bound listener until the future `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
