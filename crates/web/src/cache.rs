//! Answers repeated reads from memory without ever serving stale or
//! foreign data: the signed-in user's session, an API token's user and a
//! few read-only pages and API lists, each remembered together with the
//! database's data version (migration 0009) at which it was read.
//!
//! Why this is safe:
//! - Every write, from any process, raises the data version in the same
//!   transaction (triggers on every table). A remembered value is used only
//!   while the version read for the current request equals the one it was
//!   read at, so a change that was acknowledged before the request arrived
//!   is always seen.
//! - That version is read after the request arrived: [`VersionGate`] lets
//!   requests share one read, but only a read that began after they came.
//! - A page is remembered per session (its token's hash, so per user,
//!   tenant, role and CSRF token), language, day, path and query; an API
//!   list per token's hash and path and query. Nothing is shared between
//!   two sessions or two tokens.
//! - Only pages on an allow-list are remembered (they are pure reads whose
//!   output depends on nothing else), only `200` answers without
//!   `Set-Cookie`, and never for visitors without a session or token
//!   (respondents' links, public pages).

use crate::context::{Ctx, Session};
use crate::i18n::Lang;
use axum::body::HttpBody as _;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Utc};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use oversyn_store::auth::{User, hash_token};
use oversyn_store::{Store, StoreError, VersionReader};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Pages larger than this are not remembered.
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// All remembered pages together stay below this.
const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;
/// Remembered sessions and tokens; beyond it the memo starts afresh.
const MAX_IDENTITIES: usize = 10_000;

/// The data version as it stood after a request arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataVersion(pub i64);

/// Coalesces data-version reads: concurrent requests share one query, and
/// each gets the result of a query that began after it arrived, so it sees
/// every write acknowledged before then.
#[derive(Default)]
pub struct VersionGate {
    /// One query at a time, on a connection of its own (opened at first
    /// use); waiters usually find a fresh result when it is their turn.
    reader: tokio::sync::Mutex<Option<VersionReader>>,
    /// Queries begun so far; a query's number is this count after it began.
    started: AtomicU64,
    /// The newest finished query: (its number, the version it read).
    latest: Mutex<(u64, i64)>,
}

impl VersionGate {
    pub async fn current(&self, store: &Store) -> Result<i64, StoreError> {
        // Queries numbered above `arrived` began after this point.
        let arrived = self.started.load(Ordering::SeqCst);
        if let Some(v) = self.finished_after(arrived) {
            return Ok(v);
        }
        let mut reader = self.reader.lock().await;
        if let Some(v) = self.finished_after(arrived) {
            return Ok(v);
        }
        let number = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        let version = reader
            .get_or_insert_with(|| store.version_reader())
            .read()
            .await?;
        *self.latest.lock().unwrap_or_else(|p| p.into_inner()) = (number, version);
        Ok(version)
    }

    fn finished_after(&self, arrived: u64) -> Option<i64> {
        let (number, version) = *self.latest.lock().unwrap_or_else(|p| p.into_inner());
        (number > arrived).then_some(version)
    }
}

struct KnownSession {
    version: i64,
    user: User,
    csrf: String,
    expires: DateTime<Utc>,
}

struct KnownToken {
    version: i64,
    user: User,
}

// One rule for "still valid", used by the lookups and by the fast path.
impl KnownSession {
    fn valid_at(&self, version: i64) -> bool {
        self.version == version && self.expires > Utc::now()
    }
}

impl KnownToken {
    fn valid_at(&self, version: i64) -> bool {
        self.version == version
    }
}

struct Page {
    version: i64,
    etag: HeaderValue,
    /// The handler's headers (content type and the like), the ETag added.
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Pages {
    map: HashMap<String, Arc<Page>>,
    bytes: usize,
}

/// The memory shared by every request of one server.
#[derive(Default)]
pub struct Cache {
    pub gate: VersionGate,
    sessions: Mutex<HashMap<String, KnownSession>>,
    tokens: Mutex<HashMap<String, KnownToken>>,
    pages: Mutex<Pages>,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; go on with it.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Cache {
    /// The live session for a cookie's token at data version `version`.
    pub async fn session(
        &self,
        store: &Store,
        token: &Credential,
        version: i64,
    ) -> Result<Option<Session>, StoreError> {
        let Credential { token, hash } = token;
        if let Some(k) = locked(&self.sessions).get(hash)
            && k.valid_at(version)
        {
            return Ok(Some(Session {
                user: k.user.clone(),
                csrf: k.csrf.clone(),
                token: token.to_owned(),
            }));
        }
        let Some((user, csrf, expires)) = store.session_until(token).await? else {
            return Ok(None);
        };
        let mut sessions = locked(&self.sessions);
        if sessions.len() >= MAX_IDENTITIES {
            sessions.clear();
        }
        sessions.insert(
            hash.clone(),
            KnownSession {
                version,
                user: user.clone(),
                csrf: csrf.clone(),
                expires,
            },
        );
        Ok(Some(Session {
            user,
            csrf,
            token: token.to_owned(),
        }))
    }

    /// The user of an API token at data version `version`, if it is valid.
    pub async fn token_user(
        &self,
        store: &Store,
        token: &Credential,
        version: i64,
    ) -> Result<Option<User>, StoreError> {
        let Credential { token, hash } = token;
        if let Some(k) = locked(&self.tokens).get(hash)
            && k.valid_at(version)
        {
            return Ok(Some(k.user.clone()));
        }
        let Some(user) = store.token_user(token).await? else {
            return Ok(None);
        };
        let mut tokens = locked(&self.tokens);
        if tokens.len() >= MAX_IDENTITIES {
            tokens.clear();
        }
        tokens.insert(
            hash.clone(),
            KnownToken {
                version,
                user: user.clone(),
            },
        );
        Ok(Some(user))
    }

    fn page(&self, key: &str, version: i64) -> Option<Arc<Page>> {
        locked(&self.pages)
            .map
            .get(key)
            .filter(|p| p.version == version)
            .cloned()
    }

    fn keep(&self, key: String, page: Page) {
        let mut pages = locked(&self.pages);
        if pages.bytes + page.body.len() > MAX_TOTAL_BYTES {
            // Pages of older versions can never be served again; drop them
            // first, and everything if that is not enough.
            let version = page.version;
            pages.map.retain(|_, p| p.version == version);
            pages.bytes = pages.map.values().map(|p| p.body.len()).sum();
            if pages.bytes + page.body.len() > MAX_TOTAL_BYTES {
                pages.map.clear();
                pages.bytes = 0;
            }
        }
        pages.bytes += page.body.len();
        if let Some(old) = pages.map.insert(key, Arc::new(page)) {
            pages.bytes -= old.body.len();
        }
    }
}

/// Pages and API lists that are pure reads of the data version, the
/// identity, the language, the day, the path and the query.
fn cacheable(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let is_id = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        ["", ""] => true,
        ["", "reviews", id, "results"] => is_id(id),
        [
            "",
            "api",
            "v1",
            "organisations" | "memberships" | "persons" | "bodies" | "seats" | "reviews" | "cases",
        ] => true,
        ["", "api", "v1", "reviews", id, "results"] => is_id(id),
        _ => false,
    }
}

/// A session's or API token's secret with its hash, taken once per request.
#[derive(Debug, Clone)]
pub struct Credential {
    pub token: String,
    pub hash: String,
}

impl Credential {
    pub fn new(token: &str) -> Credential {
        Credential {
            token: token.to_owned(),
            hash: hash_token(token),
        }
    }
}

/// Whom a request is for, as part of a cache key: the hash of its session
/// or bearer token, never shared between two sessions or tokens; only when
/// [`crate::middleware::front`] found the session or token valid.
fn identity(req: &Request) -> Option<(&str, Lang)> {
    let ctx = req.extensions().get::<Ctx>()?;
    let cred = req.extensions().get::<Credential>()?;
    let valid = if req.uri().path().starts_with("/api/") {
        req.extensions().get::<ApiAuth>()?.0.is_some()
    } else {
        ctx.session.as_ref().is_some_and(|s| s.token == cred.token)
    };
    valid.then_some((cred.hash.as_str(), ctx.lang))
}

/// The key of a remembered page: whose (the credential's hash), in which
/// language, on which day (pages say what is in force today), and what.
fn page_key(hash: &str, lang: Lang, req: &Request) -> String {
    let pq = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let day = Utc::now().date_naive().num_days_from_ce();
    let mut key = String::with_capacity(hash.len() + pq.len() + 16);
    key.push_str(hash);
    key.push('\n');
    key.push_str(lang.code());
    key.push('\n');
    key.push_str(itoa::Buffer::new().format(day));
    key.push('\n');
    key.push_str(pq);
    key
}

impl Cache {
    /// The fast path: a remembered page for a request whose session or
    /// token this cache already knows to be valid at `version`, answered
    /// before a session is built for it. `None` sends the request the
    /// usual way (which remembers the page for next time).
    pub fn hit(
        &self,
        req: &Request,
        credential: &Credential,
        is_api: bool,
        lang: Lang,
        version: i64,
    ) -> Option<Response> {
        if req.method() != Method::GET || !cacheable(req.uri().path()) {
            return None;
        }
        let hash = credential.hash.as_str();
        let valid = if is_api {
            locked(&self.tokens)
                .get(hash)
                .is_some_and(|k| k.valid_at(version))
        } else {
            locked(&self.sessions)
                .get(hash)
                .is_some_and(|k| k.valid_at(version))
        };
        if !valid {
            return None;
        }
        let page = self.page(&page_key(hash, lang, req), version)?;
        Some(answer(req.headers().get(header::IF_NONE_MATCH), &page))
    }
}

/// What [`crate::middleware::front`] found for an API request's bearer token
/// (`None`: unknown or revoked), so the handler need not look again.
#[derive(Debug, Clone)]
pub struct ApiAuth(pub Option<User>);

/// Whether the client already holds this version of the page.
fn holds(if_none_match: Option<&HeaderValue>, etag: &HeaderValue) -> bool {
    let etag = etag.to_str().unwrap_or_default();
    if_none_match
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(str::trim)
                .any(|t| t == "*" || t.trim_start_matches("W/") == etag)
        })
}

fn answer(if_none_match: Option<&HeaderValue>, page: &Page) -> Response {
    if holds(if_none_match, &page.etag) {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        r.headers_mut().insert(header::ETAG, page.etag.clone());
        return r;
    }
    let mut r = Response::new(Body::from(page.body.clone()));
    *r.headers_mut() = page.headers.clone();
    r
}

/// Serves remembered pages and remembers new ones; called by
/// [`crate::middleware::front`] once the session and data version are in.
pub async fn pages(cache: &Cache, req: Request, next: Next) -> Response {
    let (Some(DataVersion(version)), Some((hash, lang))) = (
        req.extensions().get::<DataVersion>().copied(),
        identity(&req),
    ) else {
        return next.run(req).await;
    };
    if req.method() != Method::GET || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    let key = page_key(hash, lang, &req);
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    if let Some(page) = cache.page(&key, version) {
        return answer(if_none_match.as_ref(), &page);
    }
    let res = next.run(req).await;
    let small = res
        .body()
        .size_hint()
        .exact()
        .is_some_and(|n| n <= MAX_PAGE_BYTES as u64);
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) || !small {
        return res;
    }
    let (parts, body) = res.into_parts();
    let body = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            // A rendered page is in memory already; this does not happen.
            tracing::error!(error = %e, "reading a rendered page failed");
            return crate::error::PageError::Unavailable.into_response();
        }
    };
    let etag = format!("\"{version}-{:016x}\"", fnv1a(&body));
    let etag = HeaderValue::from_str(&etag).expect("digits and hex are a valid header");
    let mut headers = parts.headers;
    headers.insert(header::ETAG, etag.clone());
    // Added again on the way out, where they then replace themselves in
    // place instead of growing a copied map on every hit.
    crate::middleware::add_security_headers(&mut headers);
    let page = Page {
        version,
        etag,
        headers,
        body,
    };
    let res = answer(if_none_match.as_ref(), &page);
    cache.keep(key, page);
    res
}

/// A fast 64-bit hash of a body for its ETag (FNV-1a; not a secret, only
/// to tell two bodies of the same version apart).
fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &x| {
        (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_reads_are_cacheable() {
        assert!(cacheable("/"));
        assert!(cacheable("/reviews/12/results"));
        assert!(cacheable("/api/v1/organisations"));
        assert!(cacheable("/api/v1/reviews/3/results"));
        assert!(!cacheable("/reviews/x/results"));
        assert!(!cacheable("/reviews/12/analysis"));
        assert!(!cacheable("/login"));
        assert!(!cacheable("/respond/abc"));
        assert!(!cacheable("/api/v1/organisations/1"));
    }
}
