//! Seats and participation: adding, editing and ending them.

use super::{save, save_errors};
use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::register::input::{EndInput, SeatInput};
use oversyn_core::register::{Organisation, Person};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "register/seat_form.html")]
struct FormView {
    c: Chrome,
    input: SeatInput,
    errors: FieldErrors,
    action: String,
    organisations: Vec<Organisation>,
    persons: Vec<Person>,
    /// Set when editing: the seat's id, for the end form and history link.
    seat_id: Option<i64>,
    end: EndInput,
    end_errors: FieldErrors,
}

async fn form(
    state: &AppState,
    s: &Signed,
    input: SeatInput,
    errors: FieldErrors,
    seat_id: Option<i64>,
    end: EndInput,
    end_errors: FieldErrors,
) -> Result<Response, PageError> {
    let (title, action) = match seat_id {
        None => ("seat-new", "/seats".to_owned()),
        Some(id) => ("seat-edit", format!("/seats/{id}/edit")),
    };
    let status = if errors.is_empty() && end_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let v = FormView {
        c: Chrome::signed(s, title),
        end: EndInput {
            version: if end.version.is_empty() {
                input.version.clone()
            } else {
                end.version
            },
            ..end
        },
        input,
        errors,
        action,
        organisations: state.store.organisations(s.tenant()).await?,
        persons: state.store.persons(s.tenant()).await?,
        seat_id,
        end_errors,
    };
    Ok((status, render(&v)?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    organisation: String,
    person: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let input = SeatInput {
        organisation_id: q.organisation,
        person_id: q.person,
        kind: "board_seat".into(),
        ..Default::default()
    };
    form(
        &state,
        &s,
        input,
        FieldErrors::new(),
        None,
        EndInput::default(),
        FieldErrors::new(),
    )
    .await
}

/// Where a saved seat is seen: the organisation's list of representatives.
fn seats_of(organisation_id: i64) -> String {
    format!("/organisations/{organisation_id}#seats")
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<SeatInput>,
) -> Result<Response, PageError> {
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.create_seat(&actor, &c).await,
        |seat| seats_of(seat.organisation_id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => {
            form(
                &state,
                &s,
                input,
                errors,
                None,
                EndInput::default(),
                FieldErrors::new(),
            )
            .await
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let seat = state.store.seat(s.tenant(), id).await?;
    form(
        &state,
        &s,
        SeatInput::from_record(&seat),
        FieldErrors::new(),
        Some(id),
        EndInput::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<SeatInput>,
) -> Result<Response, PageError> {
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.update_seat(&actor, id, &c).await,
        |seat| seats_of(seat.organisation_id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => {
            form(
                &state,
                &s,
                input,
                errors,
                Some(id),
                EndInput::default(),
                FieldErrors::new(),
            )
            .await
        }
    }
}

/// Ends a seat on a date: a resignation or the end of a term.
pub async fn end(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(end): CsrfForm<EndInput>,
) -> Result<Response, PageError> {
    let seat = state.store.seat(s.tenant(), id).await?;
    let result = match end.parse(seat.from) {
        Ok((date, version)) => state
            .store
            .end_seat(&s.actor(), id, date, version)
            .await
            .map_err(save_errors),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(seat) => Ok(Redirect::to(&seats_of(seat.organisation_id)).into_response()),
        Err(errors) => {
            form(
                &state,
                &s,
                SeatInput::from_record(&seat),
                FieldErrors::new(),
                Some(id),
                end,
                errors?,
            )
            .await
        }
    }
}
