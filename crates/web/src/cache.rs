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
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, Utc};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use oversyn_store::auth::{User, hash_token};
use oversyn_store::{Store, StoreError, VersionReader};
use std::collections::HashMap;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

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

/// A content coding a page is kept in; ordered as tower-http ranks them
/// when two have the same q-value (brotli first, plain last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Coding {
    Plain,
    Gzip,
    Brotli,
}

/// The coding a request's `Accept-Encoding` asks for, chosen as
/// tower-http's compression layer chooses, so that an answer from memory
/// and a fresh one agree: the highest q-value wins, `*` stands for what is
/// not named, and no header at all means plain. (Where the layer refuses
/// with 406 because nothing is acceptable, it does so for these too.)
fn coding_for(headers: &HeaderMap) -> Coding {
    let mut named: [Option<u16>; 3] = [None; 3];
    let mut rest = None;
    let items = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for item in items {
        let (name, params) = item.split_once(';').unwrap_or((item, "q=1"));
        let Some(q) = q_value(params.trim()) else {
            continue;
        };
        let slot = match name.trim() {
            "*" => &mut rest,
            n if n.eq_ignore_ascii_case("identity") => &mut named[0],
            n if n.eq_ignore_ascii_case("gzip") || n.eq_ignore_ascii_case("x-gzip") => {
                &mut named[1]
            }
            n if n.eq_ignore_ascii_case("br") => &mut named[2],
            _ => continue,
        };
        slot.get_or_insert(q);
    }
    [Coding::Plain, Coding::Gzip, Coding::Brotli]
        .into_iter()
        .zip(named)
        .filter_map(|(c, q)| Some((q.or(rest)?, c)))
        .filter(|&(q, _)| q > 0)
        .max()
        .map_or(Coding::Plain, |(_, c)| c)
}

/// `q=0.8` in thousandths; `None` if malformed (the item is then ignored).
fn q_value(s: &str) -> Option<u16> {
    let v = s.strip_prefix("q=").or_else(|| s.strip_prefix("Q="))?;
    let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
    let whole = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let mut q = whole;
    let mut unit = 100;
    for b in frac.bytes() {
        if !b.is_ascii_digit() || unit == 0 {
            return None;
        }
        q += unit * u16::from(b - b'0');
        unit /= 10;
    }
    (q <= 1000).then_some(q)
}

/// Marks an answer whose coding the cache has chosen already, plain or
/// not: the compression layer must leave it as it is.
#[derive(Debug, Clone, Copy)]
pub struct Encoded;

/// One coding of a remembered page, with everything a hit sends.
struct Form {
    etag: HeaderValue,
    /// The handler's headers (content type and the like), with this form's
    /// ETag, length, coding and `Vary` added.
    headers: HeaderMap,
    body: Bytes,
}

struct Page {
    version: i64,
    plain: Form,
    /// Kept only where smaller than the plain form.
    gzip: Option<Form>,
    brotli: Option<Form>,
}

impl Page {
    fn new(version: i64, mut headers: HeaderMap, body: Bytes) -> Page {
        // Added again on the way out, where they then replace themselves in
        // place instead of growing a copied map on every hit.
        crate::middleware::add_security_headers(&mut headers);
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let tag = format!("{version}-{:016x}", fnv1a(&body));
        let compressed = |coding, encoded: Option<Vec<u8>>| {
            let encoded = encoded.filter(|e| e.len() < body.len())?;
            Some(Form::new(&headers, &tag, coding, Bytes::from(encoded)))
        };
        let worth = body.len() >= MIN_COMPRESS_BYTES;
        let gzip = compressed(Coding::Gzip, worth.then(|| gzip(&body)).flatten());
        let brotli = compressed(Coding::Brotli, worth.then(|| brotli(&body)).flatten());
        Page {
            version,
            plain: Form::new(&headers, &tag, Coding::Plain, body),
            gzip,
            brotli,
        }
    }

    /// The form for `coding`, plain where it was not worth keeping.
    fn form(&self, coding: Coding) -> &Form {
        let kept = match coding {
            Coding::Plain => None,
            Coding::Gzip => self.gzip.as_ref(),
            Coding::Brotli => self.brotli.as_ref(),
        };
        kept.unwrap_or(&self.plain)
    }

    fn forms(&self) -> impl Iterator<Item = &Form> {
        std::iter::once(&self.plain)
            .chain(&self.gzip)
            .chain(&self.brotli)
    }

    fn bytes(&self) -> usize {
        self.forms().map(|f| f.body.len()).sum()
    }
}

impl Form {
    fn new(headers: &HeaderMap, tag: &str, coding: Coding, body: Bytes) -> Form {
        let (suffix, encoding) = match coding {
            Coding::Plain => ("", None),
            Coding::Gzip => ("-gz", Some("gzip")),
            Coding::Brotli => ("-br", Some("br")),
        };
        let etag = HeaderValue::from_str(&format!("\"{tag}{suffix}\""))
            .expect("digits, hex and letters are a valid header");
        let mut headers = headers.clone();
        headers.insert(header::ETAG, etag.clone());
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if let Some(e) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        Form {
            etag,
            headers,
            body,
        }
    }
}

fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::new(COMPRESS_LEVEL),
    );
    e.write_all(body).ok()?;
    e.finish().ok()
}

fn brotli(body: &[u8]) -> Option<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: COMPRESS_LEVEL as i32,
        size_hint: body.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 4);
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
    Some(out)
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
        let size = page.bytes();
        let mut pages = locked(&self.pages);
        if pages.bytes + size > MAX_TOTAL_BYTES {
            // Pages of older versions can never be served again; drop them
            // first, and everything if that is not enough.
            let version = page.version;
            pages.map.retain(|_, p| p.version == version);
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
        if !self.pages_on() || req.method() != Method::GET || !cacheable(req.uri().path()) {
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
        Some(answer(req.headers(), &page))
    }
}

/// What [`crate::middleware::front`] found for an API request's bearer token
/// (`None`: unknown or revoked), so the handler need not look again.
#[derive(Debug, Clone)]
pub struct ApiAuth(pub Option<User>);

/// Whether the client already holds this version of the page, in any
/// coding: the content is the same, whichever form it was sent in.
fn holds(if_none_match: Option<&HeaderValue>, page: &Page) -> bool {
    if_none_match
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').map(str::trim).any(|t| {
                let t = t.trim_start_matches("W/");
                t == "*" || page.forms().any(|f| f.etag.as_bytes() == t.as_bytes())
            })
        })
}

/// The page in the coding the request asks for, or 304 with that form's
/// ETag if the client holds it already.
fn answer(request: &HeaderMap, page: &Page) -> Response {
    let form = page.form(coding_for(request));
    let mut r = if holds(request.get(header::IF_NONE_MATCH), page) {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        let h = r.headers_mut();
        h.insert(header::ETAG, form.etag.clone());
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        r
    } else {
        let mut r = Response::new(Body::from(form.body.clone()));
        *r.headers_mut() = form.headers.clone();
        r
    };
    r.extensions_mut().insert(Encoded);
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
    if !cache.pages_on() || req.method() != Method::GET || !cacheable(req.uri().path()) {
        return next.run(req).await;
    }
    let key = page_key(hash, lang, &req);
    if let Some(page) = cache.page(&key, version) {
        return answer(req.headers(), &page);
    }
    let request = answer_headers(req.headers());
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
    let page = Page::new(version, parts.headers, body);
    let res = answer(&request, &page);
    cache.keep(key, page);
    res
}

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

    fn accepting(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        h
    }

    #[test]
    fn accept_encoding_chooses_as_the_compression_layer_does() {
        let c = |v: &str| coding_for(&accepting(v));
        assert_eq!(coding_for(&HeaderMap::new()), Coding::Plain);
        assert_eq!(c(""), Coding::Plain);
        assert_eq!(c("identity"), Coding::Plain);
        assert_eq!(c("gzip"), Coding::Gzip);
        assert_eq!(c("x-gzip"), Coding::Gzip);
        assert_eq!(c("GZip"), Coding::Gzip);
        assert_eq!(c("br"), Coding::Brotli);
        // Equal q: brotli before gzip, whatever the order.
        assert_eq!(c("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(c("gzip;q=0.5, br;q=0.5"), Coding::Brotli);
        // The higher q wins.
        assert_eq!(c("gzip;q=1.0, br;q=0.8"), Coding::Gzip);
        assert_eq!(c("identity, gzip;q=0.5"), Coding::Plain);
        // q=0 refuses a coding.
        assert_eq!(c("br;q=0, gzip"), Coding::Gzip);
        assert_eq!(c("br;q=0"), Coding::Plain);
        assert_eq!(c("br;q=0.000"), Coding::Plain);
        // `*` stands for the codings not named.
        assert_eq!(c("*"), Coding::Brotli);
        assert_eq!(c("br;q=0, *;q=0.5"), Coding::Gzip);
        assert_eq!(c("*;q=0"), Coding::Plain);
        // Unknown codings and malformed q-values are ignored.
        assert_eq!(c("compress, deflate"), Coding::Plain);
        assert_eq!(c("br;q=2, gzip"), Coding::Gzip);
        assert_eq!(c("br;q=0.8888, gzip;q=0.1"), Coding::Gzip);
        // Several header lines count together.
        let mut two = accepting("gzip;q=0.4");
        two.append(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br;q=0.9"),
        );
        assert_eq!(coding_for(&two), Coding::Brotli);
    }

    #[test]
    fn q_values_are_read_in_thousandths() {
        assert_eq!(q_value("q=1"), Some(1000));
        assert_eq!(q_value("Q=0.5"), Some(500));
        assert_eq!(q_value("q=0.123"), Some(123));
        assert_eq!(q_value("q=1.000"), Some(1000));
        assert_eq!(q_value("q=1.001"), None);
        assert_eq!(q_value("q=.5"), None);
        assert_eq!(q_value("level=1"), None);
    }

    #[test]
    fn a_page_keeps_smaller_forms_each_with_its_own_etag() {
        let body = Bytes::from("<p>Översyn</p>".repeat(50));
        let page = Page::new(7, HeaderMap::new(), body.clone());
        let tags: Vec<_> = page.forms().map(|f| f.etag.clone()).collect();
        assert_eq!(tags.len(), 3, "plain, gzip and brotli");
        assert!(tags[0].to_str().unwrap().starts_with("\"7-"));
        assert!(tags[1].to_str().unwrap().ends_with("-gz\""));
        assert!(tags[2].to_str().unwrap().ends_with("-br\""));
        assert_eq!(page.bytes(), page.forms().map(|f| f.body.len()).sum::<usize>());
        let br = page.form(Coding::Brotli);
        assert_eq!(br.headers[header::CONTENT_ENCODING], "br");
        assert_eq!(
            br.headers[header::CONTENT_LENGTH],
            br.body.len().to_string()
        );
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &br.body[..], &mut plain).unwrap();
        assert_eq!(plain, body);
        // A body too small to gain is kept plain only.
        let tiny = Page::new(7, HeaderMap::new(), Bytes::from_static(b"[]"));
        assert_eq!(tiny.forms().count(), 1);
        assert!(
            tiny.form(Coding::Gzip)
                .headers
                .get(header::CONTENT_ENCODING)
                .is_none()
        );
        // Any form's ETag shows the client holds the page.
        for tag in &tags {
            assert!(holds(Some(tag), &page));
        }
        assert!(!holds(Some(&HeaderValue::from_static("\"7-0-br\"")), &page));
    }
}
