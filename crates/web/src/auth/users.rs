//! A tenant admin's list of users, and adding one with a one-time password.

use crate::AppState;
use crate::context::{Admin, CsrfForm};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use oversyn_core::{Code, FieldErrors, Role};
use oversyn_store::StoreError;
use oversyn_store::auth::User;
use oversyn_store::oidc::OidcSummary;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "auth/users.html")]
struct UsersView {
    c: Chrome,
    users: Vec<User>,
    errors: FieldErrors,
    email: String,
    role: String,
    created: Option<(String, String)>,
    /// The tenant's identity provider, without its secret.
    sso: Option<OidcSummary>,
}

async fn sso(state: &AppState, tenant: i64) -> Result<Option<OidcSummary>, PageError> {
    Ok(state.store.oidc(tenant).await?.map(|o| o.summary()))
}

pub async fn list(State(state): State<AppState>, Admin(s): Admin) -> Result<Response, PageError> {
    let users = state.store.users(s.tenant()).await?;
    render(&UsersView {
        c: Chrome::signed(&s, "users-title"),
        users,
        errors: FieldErrors::new(),
        email: String::new(),
        role: "viewer".into(),
        created: None,
        sso: sso(&state, s.tenant()).await?,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewUser {
    email: String,
    role: String,
}

pub async fn add(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(input): CsrfForm<NewUser>,
) -> Result<Response, PageError> {
    let mut errors = FieldErrors::new();
    let email = errors.check(
        "email",
        oversyn_core::validate::required_email(&input.email),
    );
    let role = errors.check("role", Role::parse(&input.role).ok_or("error-choose"));
    let mut created = None;
    if let (Some(email), Some(role)) = (email, role) {
        match state
            .store
            .create_user(s.tenant(), &email, role, false)
            .await
        {
            Ok((u, password)) => {
                state
                    .store
                    .log_event(
                        &s.actor(),
                        "user",
                        u.id,
                        "create",
                        Some(&serde_json::json!({ "email": u.email, "role": role.code() })),
                    )
                    .await?;
                created = Some((u.email, password));
            }
            Err(StoreError::Conflict(_)) => errors.add("email", "error-user-exists"),
            Err(e) => return Err(e.into()),
        }
    }
    let users = state.store.users(s.tenant()).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let keep = created.is_none();
    let v = UsersView {
        c: Chrome::signed(&s, "users-title"),
        users,
        errors,
        email: if keep { input.email } else { String::new() },
        role: if keep { input.role } else { "viewer".into() },
        created,
        sso: sso(&state, s.tenant()).await?,
    };
    Ok((status, render(&v)?).into_response())
}
