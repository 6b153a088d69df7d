//! Intake: register a request for cooperation or a proposal to join a
//! network, score it against the strategy's criteria, see the triage with
//! its reasons, and close it — declined, or accepted as a case to decide.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::register::save_errors;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::cases::text::points_from_text;
use oversyn_core::cases::{CaseFields, Stage};
use oversyn_core::followup::intake::{Scored, triage};
use oversyn_core::review::strategy::Strategy;
use oversyn_core::{Code, FieldErrors};
use oversyn_store::cases::NewCase;
use oversyn_store::followup::{IntakeFields, StoredIntake};

pub struct Row {
    pub r: StoredIntake,
    pub scored: Scored,
}

async fn strategy(state: &AppState, s: &Signed) -> Result<Strategy, PageError> {
    Ok(state.store.current_strategy(&s.actor()).await?.strategy)
}

#[derive(Template)]
#[template(path = "followup/intake.html")]
struct ListView {
    c: Chrome,
    rows: Vec<Row>,
    criteria: Vec<(usize, String)>,
    input: Vec<(String, String)>,
    errors: FieldErrors,
}

impl ListView {
    fn value(&self, key: &str) -> String {
        self.input
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
    fn reasons(&self, r: &Row) -> String {
        let list = if self.c.lang.code() == "en" {
            &r.scored.reasons_en
        } else {
            &r.scored.reasons_sv
        };
        list.join("; ")
    }
    fn score(&self, r: &Row) -> String {
        r.scored
            .score
            .map(|s| format!("{s:.1}"))
            .unwrap_or_else(|| "–".into())
    }
}

async fn list_view(
    state: &AppState,
    s: &Signed,
    input: Vec<(String, String)>,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let strategy = strategy(state, s).await?;
    let rows = state
        .store
        .intake_requests(s.tenant())
        .await?
        .into_iter()
        .map(|r| Row {
            scored: triage(&strategy, &r.fields.scores, r.fields.geography_reason),
            r,
        })
        .collect();
    let lang = s.lang;
    let criteria = strategy
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.name(lang).to_owned()))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&ListView {
            c: Chrome::signed(s, "intake-title"),
            rows,
            criteria,
            input,
            errors,
        })?,
    )
        .into_response())
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    list_view(
        &state,
        &s,
        vec![("kind".into(), "join".into())],
        FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let strategy = strategy(&state, &s).await?;
    let fields = IntakeFields::from_pairs(&pairs, strategy.criteria.len());
    let scored = triage(&strategy, &fields.scores, fields.geography_reason);
    match state
        .store
        .create_intake(&s.actor(), &fields, scored.triage)
        .await
    {
        Ok(_) => Ok(Redirect::to("/intake").into_response()),
        Err(e) => {
            let errors = save_errors(e)?;
            list_view(&state, &s, pairs, errors).await
        }
    }
}

pub async fn decline(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    state
        .store
        .close_intake(&s.actor(), id, "declined", None)
        .await?;
    Ok(Redirect::to("/intake").into_response())
}

/// Accepts a request by opening a case for the decision to join or cooperate.
pub async fn accept(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let r = state.store.intake_request(s.tenant(), id).await?;
    if r.status != "open" {
        return Err(PageError::Conflict);
    }
    let en = s.lang.code() == "en";
    let who = if r.fields.organisation_name.is_empty() {
        r.fields.requester.clone()
    } else {
        r.fields.organisation_name.clone()
    };
    let point = match (r.fields.kind.as_str(), en) {
        ("join", false) => format!("1. Staden ansöker om medlemskap i {who}."),
        ("join", true) => format!("1. The city applies for membership of {who}."),
        (_, false) => format!("1. Staden inleder ett samarbete med {who}."),
        (_, true) => format!("1. The city enters into cooperation with {who}."),
    };
    let fields = CaseFields {
        title: r.fields.title.clone(),
        language: s.lang.code().into(),
        route: vec![Stage {
            body: if en {
                "Executive Committee"
            } else {
                "Kommunstyrelsen"
            }
            .into(),
            date: None,
        }],
        proposal: points_from_text(&point),
        matter: format!("{}\n\n{}", r.fields.requester, r.fields.description)
            .trim()
            .to_owned(),
        ..CaseFields::default()
    };
    let case_id = state
        .store
        .create_case(
            &s.actor(),
            &NewCase {
                fields,
                source: "intake".into(),
                ..NewCase::default()
            },
        )
        .await?;
    state
        .store
        .close_intake(&s.actor(), id, "accepted", Some(case_id))
        .await?;
    Ok(Redirect::to(&format!("/cases/{case_id}/edit")).into_response())
}
