//! Single sign-on through a tenant's OpenID Connect provider.
//!
//! `/login/sso?tenant=T` sends the browser to the provider with a fresh
//! state, nonce and PKCE challenge, recorded in the database and bound to
//! a cookie of this browser; `/login/sso/callback` takes that record once
//! (a replayed answer, or one arriving in another browser, finds nothing),
//! exchanges the code, checks the ID token, gives the role the tenant maps
//! from the person's groups and starts a session. Every refusal is a page
//! that says why, and creates nothing.

mod client;
mod provider;

pub use provider::logout_url;

use super::safe_next;
use crate::AppState;
use crate::context::{Ui, cookie, set_cookie};
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, StatusCode, header};
use oversyn_core::sso::{ClaimValue, groups_in_claim};
use oversyn_store::StoreError;
use oversyn_store::auth::random_token;
use oversyn_store::oidc::{PENDING_MINUTES, PendingLogin, Vouched};
use provider::ProviderError;
use serde::Deserialize;

/// Ties a sign-in under way to the browser that began it.
pub const SSO_COOKIE: &str = "oversyn_sso";

/// The address providers send people back to; register it at the provider.
pub fn redirect_uri(public_url: &str) -> String {
    format!("{}/login/sso/callback", public_url.trim_end_matches('/'))
}

#[derive(Template)]
#[template(path = "auth/sso_refused.html")]
struct Refused {
    c: Chrome,
    reason: String,
    tenant: String,
}

fn refused(
    ui: &Ui,
    status: StatusCode,
    reason: String,
    tenant: &str,
) -> Result<Response, PageError> {
    let v = Refused {
        c: Chrome::anonymous(ui, "sso-refused-title", String::new()),
        reason,
        tenant: tenant.to_owned(),
    };
    Ok((status, render(&v)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartQuery {
    tenant: String,
    next: String,
}

/// Sends the browser to the tenant's provider.
pub async fn start(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    Query(q): Query<StartQuery>,
) -> Result<Response, PageError> {
    let lang = ui.0.lang;
    let Some(settings) = state.store.oidc_by_slug(&q.tenant).await? else {
        return refused(&ui, StatusCode::NOT_FOUND, lang.t("sso-no-provider"), "");
    };
    let redirect = redirect_uri(&state.config.public_url);
    let auth = match provider::authorize(&settings, &redirect).await {
        Ok(a) => a,
        Err(e) => {
            tracing::warn!(tenant = %q.tenant, error = %e, "single sign-on could not start");
            return refused(
                &ui,
                StatusCode::BAD_GATEWAY,
                lang.t("sso-provider-down"),
                &q.tenant,
            );
        }
    };
    // One value per browser, kept across sign-ins begun in several tabs.
    let browser = cookie(&headers, SSO_COOKIE)
        .filter(|c| c.len() >= 32)
        .unwrap_or_else(random_token);
    let pending = PendingLogin {
        tenant_id: settings.tenant_id,
        nonce: auth.nonce,
        pkce_verifier: auth.pkce_verifier,
        next: safe_next(&q.next).to_owned(),
    };
    state
        .store
        .begin_oidc_login(&auth.state, &browser, &pending)
        .await?;
    let mut res = Redirect::to(&auth.url).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SSO_COOKIE,
            &browser,
            Some(PENDING_MINUTES * 60),
            state.config.secure_cookies,
        ),
    );
    Ok(res)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CallbackQuery {
    code: String,
    state: String,
    error: String,
    error_description: String,
}

/// The provider's answer: a session for the person it vouches for, or a
/// page saying why not.
pub async fn callback(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> Result<Response, PageError> {
    let lang = ui.0.lang;
    let browser = cookie(&headers, SSO_COOKIE).unwrap_or_default();
    let pending = if q.state.is_empty() || browser.is_empty() {
        None
    } else {
        state.store.take_oidc_login(&q.state, &browser).await?
    };
    let Some(p) = pending else {
        return refused(&ui, StatusCode::BAD_REQUEST, lang.t("sso-state"), "");
    };
    let tenant = state.store.tenant_by_id(p.tenant_id).await?.slug;
    if !q.error.is_empty() || q.code.is_empty() {
        let said = match (q.error.as_str(), q.error_description.as_str()) {
            ("", _) => "no code".to_owned(),
            (e, "") => e.to_owned(),
            (e, d) => format!("{e} ({d})"),
        };
        let reason = lang.t_args("sso-provider-error", &[("error", said)]);
        return refused(&ui, StatusCode::BAD_REQUEST, reason, &tenant);
    }
    let Some(settings) = state.store.oidc(p.tenant_id).await? else {
        return refused(
            &ui,
            StatusCode::NOT_FOUND,
            lang.t("sso-no-provider"),
            &tenant,
        );
    };
    let redirect = redirect_uri(&state.config.public_url);
    let id = match provider::redeem(&settings, &redirect, &q.code, &p.pkce_verifier, &p.nonce).await
    {
        Ok(id) => id,
        Err(ProviderError::Token(reason)) => {
            tracing::warn!(%tenant, %reason, "an ID token was refused");
            let reason = lang.t_args("sso-token", &[("reason", reason)]);
            return refused(&ui, StatusCode::FORBIDDEN, reason, &tenant);
        }
        Err(e) => {
            tracing::warn!(%tenant, error = %e, "single sign-on failed at the provider");
            return refused(
                &ui,
                StatusCode::BAD_GATEWAY,
                lang.t("sso-provider-down"),
                &tenant,
            );
        }
    };
    let Some(email) = email_of(&id) else {
        return refused(&ui, StatusCode::FORBIDDEN, lang.t("sso-no-email"), &tenant);
    };
    let groups = groups_in_claim(claim(&id.claims, &settings.role_claim).as_ref());
    let Some(role) = settings.groups.role_for(&groups) else {
        return refused(&ui, StatusCode::FORBIDDEN, lang.t("sso-no-group"), &tenant);
    };
    let vouched = Vouched {
        subject: id.subject.clone(),
        email,
        role,
    };
    let user = match state.store.oidc_user(p.tenant_id, &vouched).await {
        Ok(u) => u,
        Err(StoreError::Conflict(reason)) => {
            let reason = lang.t_args("sso-conflict", &[("reason", reason)]);
            return refused(&ui, StatusCode::CONFLICT, reason, &tenant);
        }
        Err(StoreError::Invalid(_)) => {
            return refused(&ui, StatusCode::FORBIDDEN, lang.t("sso-no-email"), &tenant);
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(old) = &ui.0.session {
        state.store.end_session(&old.token).await?;
    }
    let (token, _) = state
        .store
        .create_sso_session(user.id, &id.id_token)
        .await?;
    Ok(super::signed_in(
        safe_next(&p.next),
        &token,
        SSO_COOKIE,
        state.config.secure_cookies,
    ))
}

/// The address to tie the account to: `email`, or a `preferred_username`
/// that is one (Entra ID sends the user principal name there); none when
/// the provider says the address is not verified.
fn email_of(id: &provider::Identity) -> Option<String> {
    if id.email_verified == Some(false) {
        return None;
    }
    id.email.clone().or_else(|| {
        id.claims
            .get("preferred_username")
            .and_then(|v| v.as_str())
            .filter(|v| v.contains('@'))
            .map(str::to_owned)
    })
}

fn claim<'a>(claims: &'a serde_json::Value, name: &str) -> Option<ClaimValue<'a>> {
    match claims.get(name)? {
        serde_json::Value::Array(items) => Some(ClaimValue::List(
            items.iter().filter_map(|v| v.as_str()).collect(),
        )),
        serde_json::Value::String(s) => Some(ClaimValue::Text(s)),
        _ => None,
    }
}
