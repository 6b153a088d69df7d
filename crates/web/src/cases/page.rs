//! The case list, the case form, and the case page where positions and
//! decisions are entered.

use super::form::{CaseInput, draft_from_review};
use crate::AppState;
use crate::context::{Admin, CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::i18n::Text;
use crate::register::save_errors;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_app::cases::CaseDocs;
use oversyn_app::cases::number_text;
use oversyn_core::cases::PositionKind;
use oversyn_core::cases::input::{DecisionInput, PositionInput};
use oversyn_core::{Code, FieldErrors};
use oversyn_documents::blocks::fragment;
use oversyn_documents::case::persons_phrase;
use oversyn_store::StoreError;
use oversyn_store::cases::{NewCase, StoredCase};
use serde::Deserialize;

pub struct Row {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub status: String,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "cases/list.html")]
struct ListView {
    c: Chrome,
    rows: Vec<Row>,
    pattern: String,
    errors: FieldErrors,
}

async fn list_view(
    state: &AppState,
    s: &Signed,
    pattern_input: Option<String>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let pattern = state.store.case_number_pattern(s.tenant()).await?;
    let rows = state
        .store
        .cases(s.tenant())
        .await?
        .iter()
        .map(|c| Row {
            id: c.id,
            number: number_text(c, &pattern),
            title: c.fields.title.clone(),
            status: c.status.code().to_owned(),
            updated: c.updated_at.chars().take(10).collect(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&ListView {
            c: Chrome::signed(s, "cases-title"),
            rows,
            pattern: pattern_input.unwrap_or(pattern),
            errors,
        })?,
    )
        .into_response())
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    list_view(&state, &s, None, FieldErrors::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PatternInput {
    pattern: String,
}

pub async fn save_pattern(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(input): CsrfForm<PatternInput>,
) -> Result<Response, PageError> {
    match state
        .store
        .set_case_number_pattern(s.tenant(), input.pattern.trim())
        .await
    {
        Ok(()) => Ok(Redirect::to("/cases").into_response()),
        Err(StoreError::Invalid(errors)) => {
            list_view(&state, &s, Some(input.pattern), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub struct Choice {
    pub id: i64,
    pub label: String,
}

#[derive(Template)]
#[template(path = "cases/form.html")]
struct FormView {
    c: Chrome,
    input: CaseInput,
    errors: FieldErrors,
    action: String,
    memberships: Vec<Choice>,
    reviews: Vec<Choice>,
    pattern: String,
}

async fn form(
    state: &AppState,
    s: &Signed,
    input: CaseInput,
    errors: FieldErrors,
    action: String,
) -> Result<Response, PageError> {
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let memberships = snap
        .memberships
        .iter()
        .map(|m| Choice {
            id: m.id,
            label: snap.org_label(m.organisation_id),
        })
        .collect();
    let reviews = state
        .store
        .reviews(s.tenant())
        .await?
        .into_iter()
        .map(|r| Choice {
            id: r.id,
            label: r.title,
        })
        .collect();
    let title = if action == "/cases" {
        "case-new"
    } else {
        "case-edit"
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
            memberships,
            reviews,
            pattern: state.store.case_number_pattern(s.tenant()).await?,
        })?,
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    review: Option<i64>,
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let lang = s.lang;
    let input = match q.review {
        Some(r) => draft_from_review(&state.store, s.tenant(), r, lang).await?,
        None => CaseInput {
            language: lang.code().to_owned(),
            route: state.store.profile(s.tenant()).await?.body(lang).to_owned(),
            ..CaseInput::default()
        },
    };
    form(&state, &s, input, FieldErrors::new(), "/cases".into()).await
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = CaseInput::from_pairs(pairs);
    let pattern = state.store.case_number_pattern(s.tenant()).await?;
    let fields = match input.parse(&pattern) {
        Ok(f) => f,
        Err(errors) => return form(&state, &s, input, errors, "/cases".into()).await,
    };
    let new = NewCase {
        fields,
        source: "ui".into(),
        ..NewCase::default()
    };
    match state.store.create_case(&s.actor(), &new).await {
        Ok(id) => {
            let today = chrono::Utc::now().date_naive();
            oversyn_app::records::attach_review_documents(&state.store, &s.actor(), id, today)
                .await?;
            Ok(Redirect::to(&format!("/cases/{id}")).into_response())
        }
        Err(e) => {
            let errors = save_errors(e)?;
            form(&state, &s, input, errors, "/cases".into()).await
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let c = state.store.case(s.tenant(), id).await?;
    if c.case.is_locked() {
        return Err(PageError::Conflict);
    }
    let pattern = state.store.case_number_pattern(s.tenant()).await?;
    form(
        &state,
        &s,
        CaseInput::from_stored(&c, &pattern),
        FieldErrors::new(),
        format!("/cases/{id}/edit"),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = CaseInput::from_pairs(pairs);
    let action = format!("/cases/{id}/edit");
    let pattern = state.store.case_number_pattern(s.tenant()).await?;
    let fields = match input.parse(&pattern) {
        Ok(f) => f,
        Err(errors) => return form(&state, &s, input, errors, action).await,
    };
    match state
        .store
        .update_case(&s.actor(), id, &fields, input.version())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(e @ (StoreError::Conflict(_) | StoreError::NotFound)) => Err(e.into()),
        Err(e) => {
            let errors = save_errors(e)?;
            form(&state, &s, input, errors, action).await
        }
    }
}

pub async fn delete(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    state.store.delete_case(&s.actor(), id).await?;
    Ok(Redirect::to("/cases").into_response())
}

pub struct PositionChoice {
    pub seq: u32,
    pub label: String,
    pub reservation_with_points: bool,
}

#[derive(Template)]
#[template(path = "cases/page.html")]
struct PageView {
    c: Chrome,
    case: StoredCase,
    number: String,
    document: String,
    excerpts: Vec<(usize, String)>,
    review: Option<(i64, String)>,
    memberships: Vec<Choice>,
    positions: Vec<PositionChoice>,
    position: PositionInput,
    decision: DecisionInput,
    errors: FieldErrors,
    may_take_position: bool,
    /// The actions made from this case: (id, title).
    actions: Vec<(i64, String)>,
    /// The documents registered under the case.
    registered: Vec<oversyn_store::records::Document>,
}

async fn page_view(
    state: &AppState,
    s: &Signed,
    id: i64,
    position: PositionInput,
    decision: DecisionInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let case = state.store.case(s.tenant(), id).await?;
    let docs = CaseDocs::load(&state.store, s.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let review = match case.fields.review_id {
        Some(r) => Some((r, state.store.review(s.tenant(), r).await?.title)),
        None => None,
    };
    let memberships = case
        .fields
        .membership_ids
        .iter()
        .filter_map(|m| snap.memberships.iter().find(|x| x.id == *m))
        .map(|m| Choice {
            id: m.id,
            label: snap.org_label(m.organisation_id),
        })
        .collect();
    let lang = s.lang;
    let positions = case
        .case
        .positions
        .iter()
        .map(|p| PositionChoice {
            seq: p.seq,
            label: format!(
                "{} – {} – {}",
                p.body,
                s.lang.t(&format!("position-{}", p.kind.code())),
                persons_phrase(&p.persons, lang)
            ),
            // A reservation's counter-points, or a motion's, can be adopted.
            reservation_with_points: matches!(
                p.kind,
                PositionKind::Reservation | PositionKind::Motion
            ) && !p.points.is_empty(),
        })
        .collect();
    let excerpts = case
        .case
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| (i, d.body.clone()))
        .collect();
    let actions = state
        .store
        .actions(s.tenant())
        .await?
        .into_iter()
        .filter(|a| a.fields.case_id == Some(id))
        .map(|a| (a.id, a.fields.title))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let registered = state.store.documents(s.tenant(), Some(id)).await?;
    let v = PageView {
        registered,
        actions,
        c: Chrome::signed(s, "case-title").titled(&case.fields.title),
        document: fragment(&docs.document),
        number: docs.number,
        excerpts,
        review,
        memberships,
        positions,
        position,
        decision,
        errors,
        may_take_position: s.user().role.can_take_position(),
        case,
    };
    Ok((status, render(&v)?).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    page_view(
        &state,
        &s,
        id,
        PositionInput {
            kind: "reservation".into(),
            ..PositionInput::default()
        },
        DecisionInput {
            adopted: "proposal".into(),
            ..DecisionInput::default()
        },
        FieldErrors::new(),
    )
    .await
}

pub async fn add_position(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<PositionInput>,
) -> Result<Response, PageError> {
    if !s.user().role.can_take_position() {
        return Err(PageError::Forbidden);
    }
    let r = match input.parse() {
        Ok(p) => state.store.add_position(&s.actor(), id, p).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match r {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}#positions")).into_response()),
        Err(StoreError::Invalid(errors)) if errors.get("case").is_some() => {
            Err(PageError::Conflict)
        }
        Err(StoreError::Invalid(errors)) => {
            page_view(&state, &s, id, input, DecisionInput::default(), errors).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn decide(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<DecisionInput>,
) -> Result<Response, PageError> {
    let r = match input.parse() {
        Ok(d) => state.store.record_decision(&s.actor(), id, &d).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match r {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(StoreError::Invalid(errors)) if errors.get("case").is_some() => {
            Err(PageError::Conflict)
        }
        Err(StoreError::Invalid(errors)) => {
            page_view(&state, &s, id, PositionInput::default(), input, errors).await
        }
        Err(e) => Err(e.into()),
    }
}
