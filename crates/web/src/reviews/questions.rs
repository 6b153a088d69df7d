//! The questionnaire builder: a review's questions grouped by criterion,
//! adding a question in Swedish and English, and removing one nobody has
//! answered.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::review::questionnaire::{NewQuestion, Question, QuestionKind};
use oversyn_core::review::strategy::Criterion;
use oversyn_core::{Code, FieldErrors};
use oversyn_store::StoreError;
use oversyn_store::reviews::Review;

#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct QuestionInput {
    criterion: String,
    kind: String,
    text_sv: String,
    text_en: String,
}

#[derive(Template)]
#[template(path = "reviews/questions.html")]
struct QuestionsView {
    c: Chrome,
    review: Review,
    criteria: Vec<Criterion>,
    questions: Vec<Question>,
    input: QuestionInput,
    errors: FieldErrors,
}

impl QuestionsView {
    fn in_criterion(&self, key: &str) -> Vec<&Question> {
        self.questions
            .iter()
            .filter(|q| q.criterion.as_deref() == Some(key))
            .collect()
    }
    fn general(&self) -> Vec<&Question> {
        self.questions
            .iter()
            .filter(|q| {
                q.criterion
                    .as_ref()
                    .is_none_or(|k| !self.criteria.iter().any(|c| &c.key == k))
            })
            .collect()
    }
    fn criterion_name(&self, c: &Criterion) -> String {
        c.name(self.c.lang).to_owned()
    }
}

async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    input: QuestionInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let review = state.store.review(s.tenant(), id).await?;
    let criteria = state
        .store
        .strategy(s.tenant(), review.strategy_id)
        .await?
        .strategy
        .criteria;
    let questions = state.store.review_questions(s.tenant(), id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let v = QuestionsView {
        c: Chrome::signed(s, "questions-title"),
        review,
        criteria,
        questions,
        input,
        errors,
    };
    Ok((status, render(&v)?).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    show(
        &state,
        &s,
        id,
        QuestionInput {
            kind: "scale".into(),
            ..Default::default()
        },
        FieldErrors::new(),
    )
    .await
}

pub async fn add(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<QuestionInput>,
) -> Result<Response, PageError> {
    let mut e = FieldErrors::new();
    let kind = e.check(
        "kind",
        QuestionKind::parse(&input.kind).ok_or("error-choose"),
    );
    let text_sv = e.check("text_sv", oversyn_core::validate::name(&input.text_sv));
    let text_en = e.check("text_en", oversyn_core::validate::name(&input.text_en));
    if !e.is_empty() {
        return show(&state, &s, id, input, e).await;
    }
    let q = NewQuestion {
        criterion: Some(input.criterion.trim().to_owned()).filter(|c| !c.is_empty()),
        kind: kind.unwrap_or(QuestionKind::Scale),
        text_sv: text_sv.unwrap_or_default(),
        text_en: text_en.unwrap_or_default(),
    };
    state.store.add_question(&s.actor(), id, &q).await?;
    Ok(Redirect::to(&format!("/reviews/{id}/questions")).into_response())
}

#[derive(serde::Deserialize, Default)]
pub struct Empty {}

pub async fn remove(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path((id, qid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    match state.store.remove_question(&s.actor(), id, qid).await {
        Ok(()) => Ok(Redirect::to(&format!("/reviews/{id}/questions")).into_response()),
        Err(StoreError::Conflict(_)) => {
            let mut e = FieldErrors::new();
            e.add("version", "error-question-answered");
            show(
                &state,
                &s,
                id,
                QuestionInput {
                    kind: "scale".into(),
                    ..Default::default()
                },
                e,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
