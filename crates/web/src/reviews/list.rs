//! The list of reviews and creating a review round.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::review::input::ReviewInput;
use oversyn_core::review::questionnaire::{NewQuestion, default_questionnaire};
use oversyn_store::reviews::Review;

#[derive(Template)]
#[template(path = "reviews/list.html")]
struct ListView {
    c: Chrome,
    reviews: Vec<Review>,
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let reviews = state.store.reviews(s.tenant()).await?;
    render(&ListView {
        c: Chrome::signed(&s, "reviews-title"),
        reviews,
    })
}

#[derive(Template)]
#[template(path = "reviews/new.html")]
struct FormView {
    c: Chrome,
    input: ReviewInput,
    errors: FieldErrors,
    memberships: Vec<(i64, String, String)>,
    reviews: Vec<Review>,
}

impl FormView {
    fn checked(&self, id: &i64) -> bool {
        self.input.memberships.iter().any(|m| m == &id.to_string())
    }
}

async fn form(
    state: &AppState,
    s: &Signed,
    input: ReviewInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let memberships = snap
        .memberships
        .iter()
        .filter(|m| snap.in_force(m))
        .map(|m| {
            (
                m.id,
                snap.org_label(m.organisation_id),
                snap.body_name(m.body_id),
            )
        })
        .collect();
    let reviews = state.store.reviews(s.tenant()).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&FormView {
            c: Chrome::signed(s, "review-new"),
            input,
            errors,
            memberships,
            reviews,
        })?,
    )
        .into_response())
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
) -> Result<Response, PageError> {
    let input = ReviewInput {
        min_group: "3".into(),
        reminder_max: "2".into(),
        reminder_days: "7".into(),
        questions_from: "default".into(),
        ..Default::default()
    };
    form(&state, &s, input, FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = ReviewInput::from_pairs(pairs);
    let new = match input.parse() {
        Ok(n) => n,
        Err(e) => return form(&state, &s, input, e).await,
    };
    let actor = s.actor();
    let strategy = state.store.current_strategy(&actor).await?;
    let questions: Vec<NewQuestion> = match input.questions_from.parse::<i64>() {
        Ok(id) => {
            state.store.review(s.tenant(), id).await?;
            state
                .store
                .questions(id)
                .await?
                .into_iter()
                .map(|q| NewQuestion {
                    criterion: q.criterion,
                    kind: q.kind,
                    text_sv: q.text_sv,
                    text_en: q.text_en,
                })
                .collect()
        }
        Err(_) => default_questionnaire(&strategy.strategy),
    };
    match state
        .store
        .create_review(&actor, strategy.id, &new, &questions)
        .await
    {
        Ok(r) => Ok(Redirect::to(&format!("/reviews/{}", r.id)).into_response()),
        Err(e) => {
            let errors = crate::register::save_errors(e)?;
            form(&state, &s, input, errors).await
        }
    }
}
