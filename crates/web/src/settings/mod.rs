//! The tenant's profile: how it names itself in the documents it signs
//! (office, place of signature, the body that holds its memberships, the
//! council above it, its strategy's reference). Admins only.

use crate::AppState;
use crate::context::{Admin, CsrfForm};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::profile::{Kind, ProfileInput};

mod privacy;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/settings/profile", get(form).post(save))
        .merge(privacy::router())
}

#[derive(Template)]
#[template(path = "settings/profile.html")]
struct ProfileView {
    c: Chrome,
    input: ProfileInput,
    errors: FieldErrors,
    kinds: Vec<&'static str>,
    saved: bool,
    /// The tenant has not saved a profile yet: the form shows the defaults.
    defaults: bool,
}

fn view(s: &crate::context::Signed, input: ProfileInput, errors: FieldErrors) -> ProfileView {
    ProfileView {
        c: Chrome::signed(s, "profile-title"),
        input,
        errors,
        kinds: Kind::ALL.iter().map(|k| k.code()).collect(),
        saved: false,
        defaults: false,
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Saved {
    saved: Option<String>,
}

async fn form(
    State(state): State<AppState>,
    Admin(s): Admin,
    Query(q): Query<Saved>,
) -> Result<Response, PageError> {
    let p = state.store.profile(s.tenant()).await?;
    let mut v = view(&s, ProfileInput::from(&p), FieldErrors::new());
    v.saved = q.saved.is_some();
    v.defaults = !state.store.has_profile(s.tenant()).await?;
    render(&v)
}

async fn save(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(input): CsrfForm<ProfileInput>,
) -> Result<Response, PageError> {
    match input.parse() {
        Ok(p) => {
            state.store.set_profile(&s.actor(), &p).await?;
            Ok(Redirect::to("/settings/profile?saved=1").into_response())
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&view(&s, input, errors))?,
        )
            .into_response()),
    }
}
