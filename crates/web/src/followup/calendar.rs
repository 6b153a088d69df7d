//! The calendar: deadlines and end dates of actions, events and review
//! closing days, as a page and as iCalendar feeds behind unguessable links
//! (per tenant, or only what concerns one person).

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use oversyn_app::followup::calendar::{events, ics};
use serde::Deserialize;

/// The page of a calendar entry, from its UID ("action-3-due@…" → "/actions/3").
fn path_of(uid: &str) -> String {
    let local = uid.split('@').next().unwrap_or("");
    let mut parts = local.split('-');
    let kind = parts.next().unwrap_or("");
    let id = parts.next().unwrap_or("");
    match kind {
        "action" => format!("/actions/{id}"),
        "event" => format!("/events/{id}"),
        "review" => format!("/reviews/{id}"),
        _ => "/calendar".into(),
    }
}

pub struct Row {
    pub date: NaiveDate,
    pub end: NaiveDate,
    pub summary: String,
    pub url: String,
    pub past: bool,
}

#[derive(Template)]
#[template(path = "followup/calendar.html")]
struct CalendarView {
    c: Chrome,
    rows: Vec<Row>,
    feed: Option<String>,
    persons: Vec<(i64, String)>,
}

async fn view(state: &AppState, s: &Signed, feed: Option<String>) -> Result<Response, PageError> {
    let today = chrono::Utc::now().date_naive();
    let rows = events(&state.store, s.tenant(), None, "")
        .await?
        .into_iter()
        .map(|e| Row {
            past: e.end < today,
            date: e.start,
            end: e.end,
            summary: e.summary,
            url: path_of(&e.uid),
        })
        .collect();
    let persons = oversyn_app::snapshot(&state.store, s.tenant())
        .await?
        .persons
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .collect();
    render(&CalendarView {
        c: Chrome::signed(s, "calendar-title"),
        rows,
        feed,
        persons,
    })
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    view(&state, &s, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedInput {
    person_id: String,
}

/// A new feed link, shown once (only its hash is kept).
pub async fn new_feed(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<FeedInput>,
) -> Result<Response, PageError> {
    let person = input.person_id.parse::<i64>().ok();
    if let Some(p) = person {
        state.store.person(s.tenant(), p).await?;
    }
    let token = state
        .store
        .create_calendar_feed(s.tenant(), person, &s.user().email)
        .await?;
    let url = format!(
        "{}/calendar/feed/{token}",
        state.config.public_url.trim_end_matches('/')
    );
    view(&state, &s, Some(url)).await
}

/// The feed itself: no login, the token is the key.
pub async fn feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let token = token.trim_end_matches(".ics");
    let (tenant, person) = state.store.calendar_feed(token).await?;
    let body = ics(&state.store, tenant, person, &state.config.public_url).await?;
    Ok((
        [
            (http::header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                http::header::CONTENT_DISPOSITION,
                "inline; filename=\"oversyn.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}
