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
use oversyn_core::followup::ics::{CalEvent, calendar};
use oversyn_store::{Store, StoreError};
use serde::Deserialize;

/// Everything dated that the tenant (or one person) should not miss, by date.
pub async fn events(
    store: &Store,
    tenant_id: i64,
    person_id: Option<i64>,
    base: &str,
) -> Result<Vec<CalEvent>, StoreError> {
    // Feeds need absolute links; without a public address there are none.
    let link = |path: String| {
        if base.is_empty() {
            String::new()
        } else {
            format!("{}{path}", base.trim_end_matches('/'))
        }
    };
    let tenant = store.tenant_by_id(tenant_id).await?;
    let host = format!("{}.oversyn", tenant.slug);
    let mut out = Vec::new();
    let persons = store.persons(tenant_id).await?;
    let person_name =
        person_id.and_then(|p| persons.iter().find(|x| x.id == p).map(|x| x.name.clone()));
    for a in store.actions(tenant_id).await? {
        if let Some(name) = &person_name
            && !a.fields.owner.contains(name.as_str())
        {
            continue;
        }
        let orgs = a.action.organisations.join(", ");
        if let Some(due) = a.fields.due {
            out.push(CalEvent {
                uid: format!("action-{}-due@{host}", a.id),
                start: due,
                end: due,
                summary: format!("Deadline: {}", a.fields.title),
                description: format!("{orgs} · {}", a.fields.kind),
                location: String::new(),
                url: link(format!("/actions/{}", a.id)),
            });
        }
        if let Some(eff) = a.fields.effective {
            out.push(CalEvent {
                uid: format!("action-{}-effective@{host}", a.id),
                start: eff,
                end: eff,
                summary: format!("In effect: {}", a.fields.title),
                description: format!("{orgs} · {}", a.fields.kind),
                location: String::new(),
                url: link(format!("/actions/{}", a.id)),
            });
        }
    }
    let organisations = store.organisations(tenant_id).await?;
    for e in store.events(tenant_id).await? {
        if let Some(name) = &person_name
            && !e.journeys.iter().any(|j| &j.traveller == name)
        {
            continue;
        }
        let org = organisations
            .iter()
            .find(|o| o.id == e.fields.organisation_id)
            .map(|o| o.label().to_owned())
            .unwrap_or_default();
        out.push(CalEvent {
            uid: format!("event-{}@{host}", e.id),
            start: e.fields.starts_on,
            end: e.fields.ends_on,
            summary: format!("{org}: {}", e.fields.title),
            description: e
                .fields
                .stream_url
                .clone()
                .map(|u| format!("Live: {u}"))
                .unwrap_or_default(),
            location: e.fields.place.clone(),
            url: link(format!("/events/{}", e.id)),
        });
    }
    if person_id.is_none() {
        for r in store.reviews(tenant_id).await? {
            out.push(CalEvent {
                uid: format!("review-{}-closes@{host}", r.id),
                start: r.closes_on,
                end: r.closes_on,
                summary: format!("Review closes: {}", r.title),
                description: String::new(),
                location: String::new(),
                url: link(format!("/reviews/{}", r.id)),
            });
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(a.uid.cmp(&b.uid)));
    Ok(out)
}

/// The iCalendar text for a tenant (or a person).
pub async fn ics(
    store: &Store,
    tenant_id: i64,
    person_id: Option<i64>,
    base: &str,
) -> Result<String, StoreError> {
    let tenant = store.tenant_by_id(tenant_id).await?;
    let all = events(store, tenant_id, person_id, base).await?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    Ok(calendar(
        &format!("Översyn – {}", tenant.name),
        &all,
        &stamp,
    ))
}

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
    let persons = state
        .store
        .persons(s.tenant())
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
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
