//! The login form (protected by a double-submit cookie, since there is no
//! session yet), login with rate limiting, and logout.

use super::safe_next;
use crate::AppState;
use crate::context::{CsrfForm, LOGIN_CSRF_COOKIE, SESSION_COOKIE, Signed, Ui, set_cookie};
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{StatusCode, header};
use oversyn_store::StoreError;
use oversyn_store::auth::random_token;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginInput {
    tenant: String,
    email: String,
    password: String,
    next: String,
}

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginView {
    c: Chrome,
    tenant: String,
    email: String,
    next: String,
    /// Only one tenant: no need to ask.
    single_tenant: bool,
    error: Option<String>,
    /// The tenant signs in through its identity provider.
    sso: bool,
    /// ... and only there: no password form.
    passwords_off: bool,
    /// Some tenant has a provider: offer to pick one by its short name.
    sso_anywhere: bool,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    tenant: Option<String>,
}

async fn view(
    state: &AppState,
    ui: &Ui,
    csrf: String,
    input: LoginInput,
    error: Option<String>,
) -> Result<LoginView, PageError> {
    let tenants = state.store.tenants().await?;
    let single_tenant = tenants.len() == 1;
    let tenant = if single_tenant && input.tenant.is_empty() {
        tenants[0].slug.clone()
    } else {
        input.tenant
    };
    let oidc = match tenant.trim() {
        "" => None,
        t => state.store.oidc_by_slug(t).await?,
    };
    let sso_anywhere = oidc.is_some() || state.store.any_oidc().await?;
    Ok(LoginView {
        sso: oidc.is_some(),
        passwords_off: oidc.as_ref().is_some_and(|o| o.passwords_off),
        sso_anywhere,
        c: Chrome::anonymous(ui, "login-title", csrf),
        tenant,
        email: input.email,
        next: input.next,
        single_tenant,
        error,
    })
}

/// The login form.
pub async fn form(
    State(state): State<AppState>,
    ui: Ui,
    Query(q): Query<NextQuery>,
) -> Result<Response, PageError> {
    if ui.0.session.is_some() {
        return Ok(Redirect::to(safe_next(q.next.as_deref().unwrap_or("/"))).into_response());
    }
    let (csrf, fresh) = match &ui.0.login_csrf {
        Some(c) if c.len() >= 32 => (c.clone(), false),
        _ => (random_token(), true),
    };
    let input = LoginInput {
        next: q.next.unwrap_or_default(),
        tenant: q.tenant.unwrap_or_default(),
        ..Default::default()
    };
    let mut res = render(&view(&state, &ui, csrf.clone(), input, None).await?)?;
    if fresh {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                LOGIN_CSRF_COOKIE,
                &csrf,
                Some(3600),
                state.config.secure_cookies,
            ),
        );
    }
    Ok(res)
}

/// Checks the credentials and starts a new session (a new id every login).
pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    CsrfForm(input): CsrfForm<LoginInput>,
) -> Result<Response, PageError> {
    let csrf =
        ui.0.session
            .as_ref()
            .map(|s| s.csrf.clone())
            .or(ui.0.login_csrf.clone())
            .unwrap_or_default();
    // A refusal shows the form again with what was typed, but the password.
    let refuse = |input: LoginInput, key: &str, status: StatusCode| {
        let (state, ui, csrf) = (&state, &ui, csrf.clone());
        let message = ui.0.lang.t(key);
        async move {
            let input = LoginInput {
                password: String::new(),
                ..input
            };
            let v = view(state, ui, csrf, input, Some(message)).await?;
            Ok::<_, PageError>((status, render(&v)?).into_response())
        }
    };
    if state
        .store
        .oidc_by_slug(&input.tenant)
        .await?
        .is_some_and(|o| o.passwords_off)
    {
        return refuse(input, "sso-passwords-off", StatusCode::FORBIDDEN).await;
    }
    let user = match state
        .store
        .verify_login(&input.tenant, &input.email, &input.password)
        .await
    {
        Ok(Some(u)) => u,
        Ok(None) => return refuse(input, "login-failed", StatusCode::UNAUTHORIZED).await,
        Err(StoreError::TooManyAttempts) => {
            return refuse(input, "login-too-many", StatusCode::TOO_MANY_REQUESTS).await;
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(old) = &ui.0.session {
        state.store.end_session(&old.token).await?;
    }
    let (token, _) = state.store.create_session(user.id).await?;
    let to = if user.must_change_password {
        "/account?first=1"
    } else {
        safe_next(&input.next)
    };
    Ok(super::signed_in(
        to,
        &token,
        LOGIN_CSRF_COOKIE,
        state.config.secure_cookies,
    ))
}

#[derive(Deserialize)]
pub struct Empty {}

#[derive(Template)]
#[template(path = "auth/signed_out.html")]
struct SignedOut {
    c: Chrome,
    provider_logout: String,
}

/// Ends the session; one that the tenant's identity provider began ends
/// there too (RP-initiated logout), through a page that forwards to the
/// provider: a redirect from a form to another site would be blocked by
/// the pages' `form-action 'self'`.
pub async fn logout(
    State(state): State<AppState>,
    ui: Ui,
    s: Signed,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    let id_token = state.store.session_id_token(&s.session.token).await?;
    state.store.end_session(&s.session.token).await?;
    let provider_logout = match (id_token, state.store.oidc(s.tenant()).await?) {
        (Some(t), Some(o)) => {
            let back = format!("{}/login", state.config.public_url.trim_end_matches('/'));
            super::sso::logout_url(&o, &t, &back).await
        }
        _ => None,
    };
    let mut res = match provider_logout {
        Some(url) => render(&SignedOut {
            c: Chrome::anonymous(&ui, "signed-out-title", String::new()),
            provider_logout: url,
        })?,
        None => Redirect::to("/login").into_response(),
    };
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies),
    );
    Ok(res)
}
