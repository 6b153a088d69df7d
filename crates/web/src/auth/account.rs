//! Changing one's own password (required after a one-time password).

use crate::AppState;
use crate::context::{CsrfForm, Signed};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_store::StoreError;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "auth/account.html")]
struct AccountView {
    c: Chrome,
    errors: FieldErrors,
    first: bool,
    done: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccountQuery {
    first: Option<String>,
    done: Option<String>,
}

pub async fn form(s: Signed, Query(q): Query<AccountQuery>) -> Result<Response, PageError> {
    let first = q.first.is_some() || s.user().must_change_password;
    render(&AccountView {
        c: Chrome::signed(&s, "account-title"),
        errors: FieldErrors::new(),
        first,
        done: q.done.is_some(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordInput {
    current: String,
    new: String,
    repeat: String,
}

/// Changes the password after checking the current one; other sessions end.
pub async fn submit(
    State(state): State<AppState>,
    s: Signed,
    CsrfForm(input): CsrfForm<PasswordInput>,
) -> Result<Response, PageError> {
    let mut errors = FieldErrors::new();
    let u = s.user().clone();
    match state
        .store
        .verify_login(&u.tenant_slug, &u.email, &input.current)
        .await
    {
        Ok(Some(_)) => {}
        Ok(None) => errors.add("current", "error-wrong-password"),
        Err(StoreError::TooManyAttempts) => errors.add("current", "login-too-many"),
        Err(e) => return Err(e.into()),
    }
    let new = errors.check("new", oversyn_core::validate::password(&input.new));
    if new.is_some() && input.new != input.repeat {
        errors.add("repeat", "error-password-mismatch");
    }
    if !errors.is_empty() {
        let v = AccountView {
            c: Chrome::signed(&s, "account-title"),
            errors,
            first: u.must_change_password,
            done: false,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&v)?).into_response());
    }
    state.store.set_password(u.id, &input.new).await?;
    state
        .store
        .end_sessions_of(u.id, Some(&s.session.token))
        .await?;
    state
        .store
        .log_event::<()>(&s.actor(), "user", u.id, "password", None)
        .await?;
    Ok(Redirect::to("/account?done=1").into_response())
}
