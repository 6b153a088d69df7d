//! Persons: the list, a person's page with the seats they hold, and forms.

use super::save;
use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use oversyn_core::register::input::PersonInput;
use oversyn_core::register::terms::{Term, TermInput};
use oversyn_core::register::{Person, Seat};
use oversyn_core::{Code, FieldErrors};

#[derive(Template)]
#[template(path = "register/persons.html")]
struct ListView {
    c: Chrome,
    persons: Vec<(Person, usize)>,
}

#[derive(Template)]
#[template(path = "register/person.html")]
struct PageView {
    c: Chrome,
    p: Person,
    seats: Vec<(Seat, String)>,
    terms: Vec<Term>,
    term: TermInput,
    term_errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "register/person_form.html")]
struct FormView {
    c: Chrome,
    input: PersonInput,
    errors: FieldErrors,
    action: String,
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let persons = snap
        .persons
        .iter()
        .map(|p| {
            (
                p.clone(),
                snap.seats_of(p.id)
                    .iter()
                    .filter(|x| x.is_current(snap.today))
                    .count(),
            )
        })
        .collect();
    render(&ListView {
        c: Chrome::signed(&s, "persons-title"),
        persons,
    })
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    show(&state, &s, id, TermInput::default(), FieldErrors::new()).await
}

/// The person's page; with a term form that failed, its input and errors.
async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    term: TermInput,
    term_errors: FieldErrors,
) -> Result<Response, PageError> {
    let p = state.store.person(s.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let seats = snap
        .seats_of(id)
        .into_iter()
        .map(|x| (x.clone(), snap.org_label(x.organisation_id)))
        .collect();
    let terms = snap
        .terms
        .iter()
        .filter(|t| t.person_id == id)
        .cloned()
        .collect();
    let status = if term_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let v = PageView {
        c: Chrome::signed(s, "person-title").titled(&p.name),
        p,
        seats,
        terms,
        term,
        term_errors,
    };
    Ok((status, render(&v)?).into_response())
}

/// Adds a term of office; on a fault the page shows the form again.
pub async fn add_term(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<TermInput>,
) -> Result<Response, PageError> {
    state.store.person(s.tenant(), id).await?;
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.create_term(&actor, id, &c).await,
        |_| format!("/persons/{id}#terms"),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => show(&state, &s, id, input, errors).await,
    }
}

pub async fn delete_term(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let t = state.store.delete_term(&s.actor(), id).await?;
    Ok(axum::response::Redirect::to(&format!("/persons/{}#terms", t.person_id)).into_response())
}

fn form(
    s: &Signed,
    input: PersonInput,
    errors: FieldErrors,
    action: String,
) -> Result<Response, PageError> {
    let title = if action == "/persons" {
        "person-new"
    } else {
        "person-edit"
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
        PersonInput {
            kind: "official".into(),
            ..Default::default()
        },
        FieldErrors::new(),
        "/persons".into(),
    )
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<PersonInput>,
) -> Result<Response, PageError> {
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.create_person(&actor, &c).await,
        |p| format!("/persons/{}", p.id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&s, input, errors, "/persons".into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let p = state.store.person(s.tenant(), id).await?;
    form(
        &s,
        PersonInput::from_record(&p),
        FieldErrors::new(),
        format!("/persons/{id}/edit"),
    )
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<PersonInput>,
) -> Result<Response, PageError> {
    let action = format!("/persons/{id}/edit");
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.update_person(&actor, id, &c).await,
        |p| format!("/persons/{}", p.id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&s, input, errors, action),
    }
}
