//! What every request carries: the language, the signed-in user (from the
//! session cookie, loaded once per request by `middleware`), the cookies,
//! and the extractors that check role and the CSRF token of a form.

use crate::error::PageError;
use crate::i18n::Lang;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Redirect, Response};
use http::request::Parts;
use http::{HeaderMap, HeaderValue, header};
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
    /// Whether the request takes a gzip answer (a kept page is then sent
    /// as gzip made of pieces, see [`crate::cache::pieces`]).
    pub gzip: bool,
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
                gzip: crate::cache::takes_gzip(&parts.headers)
                    && parts
                        .extensions
                        .get::<crate::cache::Remembering>()
                        .is_none(),
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
