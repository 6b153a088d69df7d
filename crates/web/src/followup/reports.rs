//! Outcome reports: after an event each participant gets a link to a short
//! form — what the city learned, shared and influenced, scored per
//! criterion, with free text. Reports show on the membership page and are
//! listed as evidence in the next review's report.

use crate::AppState;
use crate::context::{CsrfForm, Ui, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use oversyn_store::StoreError;
use oversyn_store::followup::ReportAnswer;

pub struct Link {
    pub traveller: String,
    pub url: String,
    pub mailed: bool,
    /// The mail server refused it; the job queue tries again.
    pub retrying: bool,
}

#[derive(Template)]
#[template(path = "followup/report_links.html")]
struct LinksView {
    c: Chrome,
    event_id: i64,
    links: Vec<Link>,
}

/// Issues a link to every participant without one; those with an address
/// get theirs by mail (a job: retried if the mail server refuses it).
pub async fn send_links(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let persons = state.store.persons(s.tenant()).await?;
    let base = state.config.public_url.trim_end_matches('/');
    let mut links = Vec::new();
    for (traveller, person, token, report) in state.store.issue_report_links(s.tenant(), id).await?
    {
        let has_email = person
            .and_then(|p| persons.iter().find(|x| x.id == p))
            .is_some_and(|p| p.email.is_some());
        let mut mailed = false;
        if has_email && state.mailer.sends() {
            // The job sends a link of its own; the one made here is not shown.
            let work = oversyn_app::jobs::Work::ReportLink { report_id: report };
            let ids = oversyn_app::jobs::enqueue(&state.store, s.tenant(), &[work], true).await?;
            let sent = oversyn_app::jobs::run_now(&state.sender(), &ids).await?;
            mailed = sent.sent == 1;
            if !mailed {
                links.push(Link {
                    traveller,
                    url: String::new(),
                    mailed: false,
                    retrying: true,
                });
                continue;
            }
        }
        links.push(Link {
            traveller,
            url: format!("{base}/report/{token}"),
            mailed,
            retrying: false,
        });
    }
    render(&LinksView {
        c: Chrome::signed(&s, "report-links"),
        event_id: id,
        links,
    })
}

#[derive(Template)]
#[template(path = "followup/report_form.html")]
struct FormView {
    c: Chrome,
    token: String,
    event: String,
    traveller: String,
    criteria: Vec<(usize, String)>,
    answer: ReportAnswer,
    done: bool,
}

impl FormView {
    fn score(&self, i: &usize) -> String {
        self.answer
            .scores
            .get(*i)
            .copied()
            .flatten()
            .map(|v| v.to_string())
            .unwrap_or_default()
    }
}

async fn view(state: &AppState, ui: &Ui, token: &str, done: bool) -> Result<Response, PageError> {
    let (tenant_id, report) = state.store.report_by_token(token).await?;
    let event = state.store.event(tenant_id, report.event_id).await?;
    let actor = oversyn_store::audit::Actor {
        tenant_id,
        user_id: None,
        label: "report".into(),
    };
    let strategy = state.store.current_strategy(&actor).await?.strategy;
    let lang = ui.0.lang;
    let v = FormView {
        // The form posts with the token as its key, so no session token is needed.
        c: Chrome::anonymous(ui, "report-title", String::new()),
        token: token.to_owned(),
        event: event.fields.title,
        traveller: report.traveller.clone(),
        criteria: strategy
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.name(lang).to_owned()))
            .collect(),
        answer: ReportAnswer {
            scores: report.scores,
            learned: report.learned,
            shared: report.shared,
            influenced: report.influenced,
        },
        done,
    };
    render(&v)
}

pub async fn form(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    view(&state, &ui, &token, false).await
}

pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    Path(token): Path<String>,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let scores = (0..12)
        .map(|i| {
            get(&format!("score{i}"))
                .parse()
                .ok()
                .filter(|v| (1..=5).contains(v))
        })
        .collect::<Vec<Option<u8>>>();
    let last = scores
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    let answer = ReportAnswer {
        scores: scores[..last].to_vec(),
        learned: get("learned"),
        shared: get("shared"),
        influenced: get("influenced"),
    };
    match state.store.submit_report(&token, &answer).await {
        Ok(()) => view(&state, &ui, &token, true).await,
        Err(StoreError::Invalid(_)) => {
            Ok((http::StatusCode::UNPROCESSABLE_ENTITY, "text too long").into_response())
        }
        Err(e) => Err(e.into()),
    }
}
