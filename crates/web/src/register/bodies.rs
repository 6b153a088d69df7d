//! The tenant's bodies: list and forms.

use super::save;
use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use oversyn_core::register::Body;
use oversyn_core::register::input::BodyInput;
use oversyn_core::{Code, FieldErrors};

#[derive(Template)]
#[template(path = "register/bodies.html")]
struct ListView {
    c: Chrome,
    bodies: Vec<Body>,
}

#[derive(Template)]
#[template(path = "register/body_form.html")]
struct FormView {
    c: Chrome,
    input: BodyInput,
    errors: FieldErrors,
    action: String,
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let bodies = state.store.bodies(s.tenant()).await?;
    render(&ListView {
        c: Chrome::signed(&s, "bodies-title"),
        bodies,
    })
}

fn form(
    s: &Signed,
    input: BodyInput,
    errors: FieldErrors,
    action: String,
) -> Result<Response, PageError> {
    let title = if action == "/bodies" {
        "body-new"
    } else {
        "body-edit"
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&FormView {
            c: Chrome::signed(s, title),
            input,
            errors,
            action,
        })?,
    )
        .into_response())
}

pub async fn new_form(Writer(s): Writer) -> Result<Response, PageError> {
    form(
        &s,
        BodyInput {
            kind: "committee".into(),
            ..Default::default()
        },
        FieldErrors::new(),
        "/bodies".into(),
    )
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<BodyInput>,
) -> Result<Response, PageError> {
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.create_body(&actor, &c).await,
        |_| "/bodies".to_owned(),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&s, input, errors, "/bodies".into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let b = state.store.body(s.tenant(), id).await?;
    form(
        &s,
        BodyInput::from_record(&b),
        FieldErrors::new(),
        format!("/bodies/{id}/edit"),
    )
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<BodyInput>,
) -> Result<Response, PageError> {
    let action = format!("/bodies/{id}/edit");
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.update_body(&actor, id, &c).await,
        |_| "/bodies".to_owned(),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&s, input, errors, action),
    }
}
