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
use oversyn_core::review::questionnaire::{NewQuestion, default_questionnaire};
use oversyn_core::validate as v;
use oversyn_store::reviews::{NewReview, Review};

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

#[derive(Debug, Default)]
pub struct ReviewInput {
    title: String,
    opens_on: String,
    closes_on: String,
    anonymous: String,
    min_group: String,
    reminder_max: String,
    reminder_days: String,
    /// `default`, or the id of a review whose questions are copied.
    questions_from: String,
    memberships: Vec<String>,
}

impl ReviewInput {
    /// Reads the posted pairs; `membership` repeats, one per checked box.
    fn from_pairs(pairs: Vec<(String, String)>) -> ReviewInput {
        let mut r = ReviewInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => r.title = v,
                "opens_on" => r.opens_on = v,
                "closes_on" => r.closes_on = v,
                "anonymous" => r.anonymous = v,
                "min_group" => r.min_group = v,
                "reminder_max" => r.reminder_max = v,
                "reminder_days" => r.reminder_days = v,
                "questions_from" => r.questions_from = v,
                "membership" => r.memberships.push(v),
                _ => {}
            }
        }
        r
    }
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

fn small_number(s: &str, max: i64) -> Result<i64, &'static str> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=max).contains(n))
        .ok_or("error-number")
}

/// Parses a review form (dates, numbers, memberships) into a new review.
fn parse(input: &ReviewInput) -> Result<NewReview, FieldErrors> {
    let mut e = FieldErrors::new();
    let title = e.check("title", v::name(&input.title));
    let opens = e.check(
        "opens_on",
        v::date(&input.opens_on).and_then(|d| d.ok_or("error-required")),
    );
    let closes = e.check(
        "closes_on",
        v::date(&input.closes_on).and_then(|d| d.ok_or("error-required")),
    );
    if let (Some(o), Some(c)) = (opens, closes) {
        e.check("closes_on", v::period(Some(o), Some(c)));
    }
    let min_group = e.check("min_group", small_number(&input.min_group, 50));
    let reminder_max = e.check("reminder_max", small_number(&input.reminder_max, 10));
    let reminder_days = e.check("reminder_days", small_number(&input.reminder_days, 90));
    let memberships: Vec<i64> = input
        .memberships
        .iter()
        .filter_map(|m| m.parse().ok())
        .collect();
    if memberships.is_empty() {
        e.add("memberships", "error-no-memberships");
    }
    e.into_result(|| NewReview {
        title: title.unwrap_or_default(),
        opens_on: opens.unwrap_or_default(),
        closes_on: closes.unwrap_or_default(),
        anonymous: matches!(input.anonymous.as_str(), "on" | "true"),
        min_group: min_group.unwrap_or(3),
        reminder_max: reminder_max.unwrap_or(2),
        reminder_days: reminder_days.unwrap_or(7),
        illustrative: false,
        memberships,
    })
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = ReviewInput::from_pairs(pairs);
    let new = match parse(&input) {
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
