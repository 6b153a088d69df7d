//! What every request carries: the language, the signed-in user (from the
//! session cookie, loaded once per request), and the checks that keep forms
//! safe — the CSRF token and the cross-site guard.

use crate::AppState;
use crate::error::PageError;
use crate::i18n::Lang;
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use http::{HeaderMap, HeaderValue, Method, header};
use oversyn_store::auth::User;
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

pub const SESSION_COOKIE: &str = "oversyn_session";
pub const LOGIN_CSRF_COOKIE: &str = "oversyn_login_csrf";
pub const LANG_COOKIE: &str = "oversyn_lang";

#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub token: String,
}

/// Loaded by [`load`] for every request.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub session: Option<Session>,
    /// The token the login form must echo (double-submit; no session yet).
    pub login_csrf: Option<String>,
    pub path: String,
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    let [value] = cookies(headers, [name]);
    value
}

/// The values of several cookies in one pass over the `Cookie` headers.
pub fn cookies<const N: usize>(headers: &HeaderMap, names: [&str; N]) -> [Option<String>; N] {
    let mut found = [const { None }; N];
    let pairs = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='));
    for (k, v) in pairs {
        if let Some(i) = names.iter().position(|n| *n == k)
            && found[i].is_none()
        {
            found[i] = Some(v.to_owned());
        }
    }
    found
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path /, Secure when configured.
pub fn set_cookie(name: &str, value: &str, max_age_secs: Option<i64>, secure: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(a) = max_age_secs {
        c.push_str(&format!("; Max-Age={a}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).expect("cookie values are URL-safe tokens")
}

/// The token of an `Authorization: Bearer …` header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn query_lang(uri: &http::Uri) -> Option<Lang> {
    uri.query()?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

/// The one middleware every request passes: refuses cross-site writes,
/// loads language and session, answers from the page cache, and sets the
/// security headers on every response.
///
/// Why one function and not a layer each: axum clones the stack of layers
/// below a route and boxes each layer's future for every request; with four
/// layers that was a large share of the time of a page served from memory
/// (scripts/load.sh).
pub async fn front(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = match cross_site_refusal(&req) {
        Some(refused) => refused,
        None => load(&state, req, next).await,
    };
    add_security_headers(res.headers_mut());
    res
}

/// Loads language and session into the request; remembers a language
/// chosen with `?lang=` in a cookie.
async fn load(state: &AppState, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let [lang_cookie, session_cookie, login_csrf] =
        cookies(headers, [LANG_COOKIE, SESSION_COOKIE, LOGIN_CSRF_COOKIE]);
    let chosen = query_lang(req.uri());
    let lang = chosen
        .or_else(|| lang_cookie.and_then(|v| Lang::parse(&v)))
        .unwrap_or_default();
    let is_api = req.uri().path().starts_with("/api/");
    let bearer = bearer(headers).map(crate::cache::Credential::new);
    let session_token = session_cookie
        .filter(|t| !is_api && !t.is_empty())
        .map(|t| crate::cache::Credential::new(&t));
    // The data version, read after this request arrived, decides whether
    // what the cache remembers may answer it (see crate::cache). Only
    // requests with credentials need it.
    let version = if session_token.is_some() || (is_api && bearer.is_some()) {
        match state.cache.gate.current(&state.store).await {
            Ok(v) => Some(v),
            // The API's extractor then looks the token up and reports.
            Err(_) if is_api => None,
            Err(e) => {
                tracing::error!(error = %e, "reading the data version failed");
                return crate::views::render_error(
                    lang,
                    PageError::Unavailable.status(),
                    crate::error::ErrorPage(PageError::Unavailable.key()),
                );
            }
        }
    } else {
        None
    };
    // A page this server remembers for a credential it knows is valid now
    // needs no session built (a chosen language must also set its cookie).
    if let (Some(v), None) = (version, chosen) {
        let credential = if is_api { &bearer } else { &session_token };
        if let Some(hit) = credential
            .as_ref()
            .and_then(|c| state.cache.hit(&req, c, is_api, lang, v))
        {
            return hit;
        }
    }
    let api_auth = match (version, &bearer, is_api) {
        // A failed lookup is left to the API's own extractor to report.
        (Some(v), Some(token), true) => state.cache.token_user(&state.store, token, v).await.ok(),
        _ => None,
    };
    let session = match (&session_token, version) {
        (Some(token), Some(v)) => match state.cache.session(&state.store, token, v).await {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(error = %e, "loading session failed");
                return crate::views::render_error(
                    lang,
                    PageError::Unavailable.status(),
                    crate::error::ErrorPage(PageError::Unavailable.key()),
                );
            }
        },
        _ => None,
    };
    let path = req.uri().path().to_owned();
    req.extensions_mut().insert(Ctx {
        lang,
        session,
        login_csrf,
        path,
    });
    if let Some(v) = version {
        req.extensions_mut().insert(crate::cache::DataVersion(v));
    }
    if let Some(user) = api_auth {
        req.extensions_mut().insert(crate::cache::ApiAuth(user));
    }
    if let Some(credential) = if is_api { bearer } else { session_token } {
        req.extensions_mut().insert(credential);
    }
    let mut res = crate::cache::pages(&state.cache, req, next).await;
    if let Some(l) = chosen {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                LANG_COOKIE,
                l.code(),
                Some(31_536_000),
                state.config.secure_cookies,
            ),
        );
    }
    if (res.status().is_client_error() || res.status().is_server_error())
        && let Some(page) = res.extensions().get::<crate::error::ErrorPage>().cloned()
    {
        return crate::views::render_error(lang, res.status(), page);
    }
    res
}

/// Refuses state-changing requests sent from another site (the browser
/// says so in `Sec-Fetch-Site` or `Origin`). API calls with a bearer token
/// carry no ambient credentials and pass. The proxy must forward Host.
fn cross_site_refusal(req: &Request) -> Option<Response> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.headers().contains_key(header::AUTHORIZATION)
    {
        return None;
    }
    let h = req.headers();
    let fetch_site = h.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if fetch_site == Some("cross-site") {
        return Some(PageError::Forbidden.into_response());
    }
    if let (Some(origin), Some(host)) = (
        h.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        h.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        let origin_host = origin.split("://").nth(1).unwrap_or(origin);
        if origin != "null" && origin_host != host {
            return Some(PageError::Forbidden.into_response());
        }
    }
    None
}

pub(crate) fn add_security_headers(h: &mut HeaderMap) {
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    // Pages show a tenant's records (and once, a new user's password): never cache them.
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    );
}

fn ctx(parts: &Parts) -> Ctx {
    parts.extensions.get::<Ctx>().cloned().unwrap_or(Ctx {
        lang: Lang::Sv,
        session: None,
        login_csrf: None,
        path: parts.uri.path().to_owned(),
    })
}

/// Any visitor: language and maybe a user.
pub struct Ui(pub Ctx);

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Ui(ctx(parts)))
    }
}

/// A signed-in user of any role; others are sent to the login page.
pub struct Signed {
    pub lang: Lang,
    pub session: Session,
    pub path: String,
}

impl Signed {
    pub fn user(&self) -> &User {
        &self.session.user
    }
    pub fn tenant(&self) -> i64 {
        self.session.user.tenant_id
    }
    pub fn actor(&self) -> oversyn_store::audit::Actor {
        oversyn_store::audit::Actor {
            tenant_id: self.session.user.tenant_id,
            user_id: Some(self.session.user.id),
            label: self.session.user.email.clone(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Signed {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let c = ctx(parts);
        match c.session {
            Some(session) => Ok(Signed {
                lang: c.lang,
                session,
                path: c.path,
            }),
            None => {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let q = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
                Err(Redirect::to(&format!("/login?{q}")).into_response())
            }
        }
    }
}

/// A signed-in editor or admin: may change the register.
pub struct Writer(pub Signed);

impl<S: Send + Sync> FromRequestParts<S> for Writer {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let signed = Signed::from_request_parts(parts, s).await?;
        if signed.user().role.can_write() {
            Ok(Writer(signed))
        } else {
            Err(PageError::Forbidden.into_response())
        }
    }
}

/// A signed-in tenant admin: manages users.
pub struct Admin(pub Signed);

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let signed = Signed::from_request_parts(parts, s).await?;
        if signed.user().role.can_admin() {
            Ok(Admin(signed))
        } else {
            Err(PageError::Forbidden.into_response())
        }
    }
}

/// A posted form whose `csrf` field matches the session's token (or, on the
/// login form, the login cookie). Everything else in the form goes to `T`.
pub struct CsrfForm<T>(pub T);

pub fn tokens_match(a: &str, b: &str) -> bool {
    !a.is_empty() && a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = Response;
    async fn from_request(req: Request, s: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let c = ctx(&parts);
        let is_form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(PageError::BadRequest.into_response());
        }
        let bytes = axum::body::Bytes::from_request(Request::from_parts(parts.clone(), body), s)
            .await
            .map_err(IntoResponse::into_response)?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| PageError::BadRequest.into_response())?;
        let sent = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let expected = c
            .session
            .as_ref()
            .map(|s| s.csrf.clone())
            .or(c.login_csrf)
            .unwrap_or_default();
        if !tokens_match(sent, &expected) {
            return Err(PageError::CsrfFailed.into_response());
        }
        let _ = &mut parts;
        let value = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| PageError::BadRequest.into_response())?;
        Ok(CsrfForm(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_among_many() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; oversyn_session=abc; b=2"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "missing"), None);
    }

    #[test]
    fn token_comparison() {
        assert!(tokens_match("abc", "abc"));
        assert!(!tokens_match("abc", "abd"));
        assert!(!tokens_match("", ""));
        assert!(!tokens_match("abc", "abcd"));
    }
}
