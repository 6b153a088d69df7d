//! Actions: the list with notice warnings and overdue marks, a form to add
//! or update one (status, evidence date), and actions made from a decided case.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::register::save_errors;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use http::StatusCode;
use oversyn_app::followup::warnings::with_warnings;
use oversyn_core::followup::input::ActionInput;
use oversyn_core::{Code, FieldErrors};

pub struct Row {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub organisations: String,
    pub due: String,
    pub effective: String,
    pub status: String,
    pub overdue: bool,
    pub warnings: Vec<String>,
    pub case_id: Option<i64>,
}

#[derive(Template)]
#[template(path = "followup/actions.html")]
struct ListView {
    c: Chrome,
    rows: Vec<Row>,
}

pub async fn rows(state: &AppState, s: &Signed) -> Result<Vec<Row>, PageError> {
    let today = chrono::Utc::now().date_naive();
    let d = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Ok(with_warnings(&state.store, s.tenant(), s.lang)
        .await?
        .into_iter()
        .map(|(a, warnings)| Row {
            id: a.id,
            kind: a.fields.kind.code().to_owned(),
            title: a.fields.title.clone(),
            organisations: a.action.organisations.join(", "),
            due: d(a.fields.due),
            effective: d(a.fields.effective),
            status: a.fields.status.code().to_owned(),
            overdue: a.action.overdue(today),
            warnings,
            case_id: a.fields.case_id,
        })
        .collect())
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let rows = rows(&state, &s).await?;
    render(&ListView {
        c: Chrome::signed(&s, "actions-title"),
        rows,
    })
}

#[derive(Template)]
#[template(path = "followup/action_form.html")]
struct FormView {
    c: Chrome,
    input: ActionInput,
    errors: FieldErrors,
    action: String,
    organisations: Vec<(i64, String)>,
    warnings: Vec<String>,
    /// Evidence kept with the action (e.g. the notice letter).
    files: Vec<oversyn_store::cases::StoredFile>,
    id: Option<i64>,
}

async fn form(
    state: &AppState,
    s: &Signed,
    input: ActionInput,
    errors: FieldErrors,
    action: String,
    warnings: Vec<String>,
) -> Result<Response, PageError> {
    let organisations = state
        .store
        .organisations(s.tenant())
        .await?
        .into_iter()
        .map(|o| (o.id, o.label().to_owned()))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = if action == "/actions" {
        "action-new"
    } else {
        "action-edit"
    };
    let id: Option<i64> = action
        .strip_prefix("/actions/")
        .and_then(|i| i.parse().ok());
    let files = match id {
        Some(id) => state.store.files_of(s.tenant(), ("action", id)).await?,
        None => Vec::new(),
    };
    Ok((
        status,
        render(&FormView {
            c: Chrome::signed(s, title),
            input,
            errors,
            action,
            organisations,
            warnings,
            files,
            id,
        })?,
    )
        .into_response())
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
) -> Result<Response, PageError> {
    let input = ActionInput {
        kind: "commission".into(),
        status: "planned".into(),
        ..ActionInput::default()
    };
    form(
        &state,
        &s,
        input,
        FieldErrors::new(),
        "/actions".into(),
        Vec::new(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = ActionInput::from_pairs(pairs);
    let fields = match input.parse() {
        Ok(f) => f,
        Err(errors) => return form(&state, &s, input, errors, "/actions".into(), Vec::new()).await,
    };
    match state.store.create_actions(&s.actor(), &[fields]).await {
        Ok(ids) => Ok(Redirect::to(&format!("/actions/{}", ids[0])).into_response()),
        Err(e) => {
            let errors = save_errors(e)?;
            form(&state, &s, input, errors, "/actions".into(), Vec::new()).await
        }
    }
}

async fn warnings_of(state: &AppState, s: &Signed, id: i64) -> Result<Vec<String>, PageError> {
    Ok(with_warnings(&state.store, s.tenant(), s.lang)
        .await?
        .into_iter()
        .find(|(a, _)| a.id == id)
        .map(|(_, w)| w)
        .unwrap_or_default())
}

pub async fn edit_form(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let a = state.store.action(s.tenant(), id).await?;
    let d = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let f = &a.fields;
    let input = ActionInput {
        kind: f.kind.code().into(),
        title: f.title.clone(),
        owner: f.owner.clone(),
        owner_email: f.owner_email.clone().unwrap_or_default(),
        due: d(f.due),
        effective: d(f.effective),
        status: f.status.code().into(),
        done_on: d(f.done_on),
        notes: f.notes.clone(),
        organisations: f.organisation_ids.iter().map(i64::to_string).collect(),
        version: a.version.to_string(),
        case_id: f.case_id.map(|c| c.to_string()).unwrap_or_default(),
        point: f.point.map(|p| p.to_string()).unwrap_or_default(),
    };
    let warnings = warnings_of(&state, &s, id).await?;
    form(
        &state,
        &s,
        input,
        FieldErrors::new(),
        format!("/actions/{id}"),
        warnings,
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = ActionInput::from_pairs(pairs);
    let action = format!("/actions/{id}");
    let fields = match input.parse() {
        Ok(f) => f,
        Err(errors) => return form(&state, &s, input, errors, action, Vec::new()).await,
    };
    let today = chrono::Utc::now().date_naive();
    match state
        .store
        .update_action(&s.actor(), id, &fields, input.version.parse().ok(), today)
        .await
    {
        Ok(_) => Ok(Redirect::to("/actions").into_response()),
        Err(e) => {
            let errors = save_errors(e)?;
            form(&state, &s, input, errors, action, Vec::new()).await
        }
    }
}

/// Makes the actions a decided case orders (once per case).
pub async fn from_case(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    oversyn_app::followup::derive::store_case_actions(&state.store, &s.actor(), id).await?;
    Ok(Redirect::to("/actions").into_response())
}

/// Keeps a file as evidence with the action (the notice letter, a confirmation).
pub async fn upload(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, PageError> {
    state.store.action(s.tenant(), id).await?;
    let mut csrf = String::new();
    let mut file: Option<(String, String, Vec<u8>)> = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("csrf") => csrf = field.text().await.unwrap_or_default(),
            Some("file") => {
                let name = field.file_name().unwrap_or("evidence").to_owned();
                let media = field
                    .content_type()
                    .unwrap_or("application/octet-stream")
                    .to_owned();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| PageError::BadRequest)?
                    .to_vec();
                file = Some((name, media, bytes));
            }
            _ => {}
        }
    }
    if !crate::context::tokens_match(&csrf, &s.session.csrf) {
        return Err(PageError::CsrfFailed);
    }
    let Some((name, media, bytes)) = file.filter(|(_, _, b)| !b.is_empty()) else {
        return Err(PageError::BadRequest);
    };
    let name: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
    state
        .store
        .add_file(&s.actor(), ("action", id), &name, &media, &bytes)
        .await?;
    Ok(Redirect::to(&format!("/actions/{id}")).into_response())
}
