//! The one middleware every request passes through: the cross-site guard,
//! loading language, session or API token into the request, answering from
//! the page cache, and the security headers on every response. The types it
//! leaves in the request and the extractors that read them are in
//! `context`.

use crate::AppState;
use crate::context::{
    Ctx, LANG_COOKIE, LOGIN_CSRF_COOKIE, SESSION_COOKIE, bearer, cookies, set_cookie,
};
use crate::error::PageError;
use crate::i18n::Lang;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, Method, header};

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
    // The data versions, read after this request arrived, decide whether
    // what the cache remembers may answer it (see crate::cache). Only
    // requests with credentials need it.
    // Open data is read without credentials, and from kept loads too.
    let open_data = {
        let p = req.uri().path();
        p.starts_with("/oparl") || p.starts_with("/public/")
    };
    let version = if session_token.is_some() || (is_api && bearer.is_some()) || open_data {
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
    if let (Some(v), None) = (&version, chosen) {
        let credential = if is_api { &bearer } else { &session_token };
        if let Some(hit) = credential
            .as_ref()
            .and_then(|c| state.cache.hit(&req, c, is_api, lang, v))
        {
            return hit;
        }
    }
    let api_auth = match (&version, &bearer, is_api) {
        // A failed lookup is left to the API's own extractor to report.
        (Some(v), Some(token), true) => state.cache.token_user(&state.store, token, v).await.ok(),
        _ => None,
    };
    let session = match (&session_token, &version) {
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
    // Reads answer from the versions just read (see oversyn_store::reading_at).
    let read_at = version
        .clone()
        .filter(|_| matches!(*req.method(), http::Method::GET | http::Method::HEAD));
    if let Some(v) = version {
        req.extensions_mut().insert(crate::cache::DataVersion(v));
    }
    if let Some(user) = api_auth {
        req.extensions_mut().insert(crate::cache::ApiAuth(user));
    }
    if let Some(credential) = if is_api { bearer } else { session_token } {
        req.extensions_mut().insert(credential);
    }
    let mut res = match read_at {
        Some(v) => oversyn_store::reading_at(v, crate::cache::pages(&state.cache, req, next)).await,
        None => crate::cache::pages(&state.cache, req, next).await,
    };
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
