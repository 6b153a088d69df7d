//! Answers repeated reads from memory without ever serving stale or
//! foreign data: the signed-in user's session, an API token's user and a
//! few read-only pages and API lists, each remembered together with the
//! stamp of its tenant's data at which it was read: the versions of the
//! tenant's own scope and of the shared one (migration 0011).
//!
//! Why this is safe:
//! - Every write, from any process, raises the version of its tenant's
//!   scope (or the shared scope, for the catalogue and anything whose
//!   tenant is unknown) in the same transaction (triggers on every table).
//!   A remembered value is used only while its tenant's stamp read for the
//!   current request equals the one it was read at, so a change that was
//!   acknowledged before the request arrived is always seen — and a write
//!   in one tenant leaves every other tenant's pages and sessions alone.
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
//!
//! A page is compressed once, when it is remembered: it is kept plain and
//! as gzip and brotli, each form with its own ETag, and a hit serves the
//! form the request's `Accept-Encoding` chooses (as the compression layer
//! in [`crate::app`] would), marked [`Encoded`] so that layer leaves it.
//!
//! [`Cache::remember_no_pages`] (`oversyn serve --no-cache`) makes it
//! remember no page and answer none from memory, to measure the uncached
//! path; sessions and API tokens are still remembered.

use crate::context::{Ctx, Session};
use crate::i18n::Lang;
use axum::body::HttpBody as _;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Utc};
use http::{HeaderMap, Method, StatusCode, header};
use oversyn_store::auth::{User, hash_token};
use oversyn_store::{Stamp, Store, StoreError, Versions};
use page::{Page, answer};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

mod page;
pub mod pieces;
mod versions;

pub use page::{Encoded, Forms, takes_gzip};
pub use versions::{DataVersion, VersionGate};

/// Pages larger than this are not remembered.
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// All remembered pages together, every form counted, stay below this.
const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;
/// Remembered sessions and tokens; beyond it the memo starts afresh.
const MAX_IDENTITIES: usize = 10_000;
/// Bodies smaller than this are not worth compressing (tower-http's default).
pub(crate) const MIN_COMPRESS_BYTES: usize = 32;
/// Gzip level and brotli quality, here and in the compression layer.
/// Brotli's default (11) took 6 ms for a 6 KB page, 120 ms for 140 KB;
/// 5 took 0.14 and 2.2 ms for 10 % more bytes.
pub(crate) const COMPRESS_LEVEL: u32 = 5;
/// The level for answers compressed as they go out, once per request:
/// setting up brotli at 5 (its hash tables) cost more than a small page's
/// rendering, and a browser's `Accept-Encoding` asks for it on every page.
pub(crate) const FRESH_COMPRESS_LEVEL: u32 = 1;

struct KnownSession {
    stamp: Stamp,
    user: User,
    csrf: String,
    expires: DateTime<Utc>,
}

struct KnownToken {
    stamp: Stamp,
    user: User,
}

// One rule for "still valid", used by the lookups and by the fast path.
impl KnownSession {
    fn valid_at(&self, versions: &Versions) -> bool {
        versions.stamp(self.user.tenant_id) == self.stamp && self.expires > Utc::now()
    }
}

impl KnownToken {
    fn valid_at(&self, versions: &Versions) -> bool {
        versions.stamp(self.user.tenant_id) == self.stamp
    }
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
    /// Remember no pages (see the module's documentation).
    pages_off: AtomicBool,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; go on with it.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Cache {
    /// From now on remember no pages and answer none from memory: every
    /// page is rendered afresh (`oversyn serve --no-cache`). Sessions and
    /// API tokens are still remembered. Meant for the start of a server.
    pub fn remember_no_pages(&self) {
        self.pages_off.store(true, Ordering::Relaxed);
    }

    fn pages_on(&self) -> bool {
        !self.pages_off.load(Ordering::Relaxed)
    }

    /// The live session for a cookie's token at data versions `versions`.
    pub async fn session(
        &self,
        store: &Store,
        token: &Credential,
        versions: &Versions,
    ) -> Result<Option<Session>, StoreError> {
        let Credential { token, hash } = token;
        if let Some(k) = locked(&self.sessions).get(hash)
            && k.valid_at(versions)
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
                stamp: versions.stamp(user.tenant_id),
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

    /// The user of an API token at data versions `versions`, if it is valid.
    pub async fn token_user(
        &self,
        store: &Store,
        token: &Credential,
        versions: &Versions,
    ) -> Result<Option<User>, StoreError> {
        let Credential { token, hash } = token;
        if let Some(k) = locked(&self.tokens).get(hash)
            && k.valid_at(versions)
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
                stamp: versions.stamp(user.tenant_id),
                user: user.clone(),
            },
        );
        Ok(Some(user))
    }

    fn page(&self, key: &str, stamp: Stamp) -> Option<Arc<Page>> {
        locked(&self.pages)
            .map
            .get(key)
            .filter(|p| p.stamp == stamp)
            .cloned()
    }

    fn keep(&self, key: String, page: Page, versions: &Versions) {
        let size = page.bytes();
        let mut pages = locked(&self.pages);
        if pages.bytes + size > MAX_TOTAL_BYTES {
            // Pages of older versions can never be served again; drop them
            // first, and everything if that is not enough.
            pages
                .map
                .retain(|_, p| versions.stamp(p.tenant_id) == p.stamp);
            pages.bytes = pages.map.values().map(|p| p.bytes()).sum();
            if pages.bytes + size > MAX_TOTAL_BYTES {
                pages.map.clear();
                pages.bytes = 0;
            }
        }
        pages.bytes += size;
        if let Some(old) = pages.map.insert(key, Arc::new(page)) {
            pages.bytes -= old.bytes();
        }
    }
}

/// Pages and API lists that are pure reads of the tenant's data, the
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
/// [`crate::middleware::front`] found the session or token valid. With it
/// the language, and the tenant whose data the answer shows.
fn identity(req: &Request) -> Option<(&str, Lang, i64)> {
    let ctx = req.extensions().get::<Ctx>()?;
    let cred = req.extensions().get::<Credential>()?;
    let tenant = if req.uri().path().starts_with("/api/") {
        req.extensions().get::<ApiAuth>()?.0.as_ref()?.tenant_id
    } else {
        let s = ctx.session.as_ref().filter(|s| s.token == cred.token)?;
        s.user.tenant_id
    };
    Some((cred.hash.as_str(), ctx.lang, tenant))
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
    /// token this cache already knows to be valid at `versions`, answered
    /// before a session is built for it. `None` sends the request the
    /// usual way (which remembers the page for next time).
    pub fn hit(
        &self,
        req: &Request,
        credential: &Credential,
        is_api: bool,
        lang: Lang,
        versions: &Versions,
    ) -> Option<Response> {
        if !self.pages_on() || req.method() != Method::GET || !cacheable(req.uri().path()) {
            return None;
        }
        let hash = credential.hash.as_str();
        let tenant = if is_api {
            locked(&self.tokens)
                .get(hash)
                .filter(|k| k.valid_at(versions))
                .map(|k| k.user.tenant_id)
        } else {
            locked(&self.sessions)
                .get(hash)
                .filter(|k| k.valid_at(versions))
                .map(|k| k.user.tenant_id)
        }?;
        let page = self.page(&page_key(hash, lang, req), versions.stamp(tenant))?;
        Some(answer(req.headers(), &page.forms))
    }
}

/// What [`crate::middleware::front`] found for an API request's bearer token
/// (`None`: unknown or revoked), so the handler need not look again.
#[derive(Debug, Clone)]
pub struct ApiAuth(pub Option<User>);

/// Serves remembered pages and remembers new ones; called by
/// [`crate::middleware::front`] once the session and data version are in.
pub async fn pages(cache: &Cache, req: Request, next: Next) -> Response {
    let (Some(DataVersion(versions)), Some((hash, lang, tenant))) = (
        req.extensions().get::<DataVersion>().cloned(),
        identity(&req),
    ) else {
        return next.run(req).await;
    };
    if !cache.pages_on() || req.method() != Method::GET || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    let key = page_key(hash, lang, &req);
    let stamp = versions.stamp(tenant);
    if let Some(page) = cache.page(&key, stamp) {
        return answer(req.headers(), &page.forms);
    }
    let request = answer_headers(req.headers());
    let mut req = req;
    req.extensions_mut().insert(Remembering);
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
    let page = Page::new(tenant, stamp, parts.headers, body);
    let res = answer(&request, &page.forms);
    cache.keep(key, page, &versions);
    res
}

/// An answer kept in its codings below the page cache (a tenant's API list
/// kept per state of its data): the handler answers plain and attaches
/// them, and [`kept_forms`] sends the form the request asks for, so that a
/// request does not compress again what was compressed when it was kept.
#[derive(Clone)]
pub struct KeptForms(pub Arc<Forms>);

/// Answers with the coding of a [`KeptForms`] the request asks for.
pub async fn kept_forms(req: Request, next: Next) -> Response {
    let request = answer_headers(req.headers());
    let mut res = next.run(req).await;
    let Some(KeptForms(forms)) = res.extensions_mut().remove::<KeptForms>() else {
        return res;
    };
    if res.status() != StatusCode::OK {
        return res;
    }
    let mut answer = forms.answer(&request);
    // What the way out added (the security headers, a request's own) stays.
    for (name, value) in res.headers() {
        if !answer.headers().contains_key(name) {
            answer.headers_mut().insert(name.clone(), value.clone());
        }
    }
    answer
}

/// Marks a request whose page the cache will remember in every coding: it
/// is rendered plain (a kept page not as gzip made of pieces).
#[derive(Clone, Copy)]
pub struct Remembering;

/// The request headers [`answer`] reads, kept while the request is handled.
fn answer_headers(request: &HeaderMap) -> HeaderMap {
    let mut kept = HeaderMap::new();
    for name in [header::ACCEPT_ENCODING, header::IF_NONE_MATCH] {
        for v in request.get_all(&name) {
            kept.append(name.clone(), v.clone());
        }
    }
    kept
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
