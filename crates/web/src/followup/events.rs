//! Events of the organisations (congresses, board meetings) with who went
//! and how; CO₂ and travel days per journey; and the public list of
//! upcoming events with their live-stream links.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Ui, Writer};
use crate::error::PageError;
use crate::register::save_errors;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use http::StatusCode;
use oversyn_core::followup::input::{EventInput, JourneyInput};
use oversyn_core::followup::travel::{FACTOR_SOURCE, Mode, co2_kg, totals, travel_days};
use oversyn_core::{Code, FieldErrors};
use oversyn_store::followup::{Journey, StoredEvent};

pub struct Row {
    pub id: i64,
    pub organisation: String,
    pub title: String,
    pub kind: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub place: String,
    pub stream_url: Option<String>,
    pub travellers: usize,
    pub co2_kg: String,
    pub travel_days: String,
}

fn rows(events: &[StoredEvent], labels: &[(i64, String)]) -> Vec<Row> {
    events
        .iter()
        .map(|e| {
            let legs: Vec<(Mode, u32)> =
                e.journeys.iter().map(|j| (j.mode, j.distance_km)).collect();
            let t = totals(&legs);
            let mut travellers: Vec<&str> =
                e.journeys.iter().map(|j| j.traveller.as_str()).collect();
            travellers.sort_unstable();
            travellers.dedup();
            Row {
                id: e.id,
                organisation: labels
                    .iter()
                    .find(|(id, _)| *id == e.fields.organisation_id)
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default(),
                title: e.fields.title.clone(),
                kind: e.fields.kind.clone(),
                starts_on: e.fields.starts_on,
                ends_on: e.fields.ends_on,
                place: e.fields.place.clone(),
                stream_url: e.fields.stream_url.clone(),
                travellers: travellers.len(),
                co2_kg: format!("{:.0}", t.co2_kg),
                travel_days: format!("{:.1}", t.travel_days),
            }
        })
        .collect()
}

async fn labels(state: &AppState, tenant: i64) -> Result<Vec<(i64, String)>, PageError> {
    // From the kept snapshot: the organisations' own query reads the
    // catalogue and the tenant's rows together, slow on a national host.
    Ok(oversyn_app::snapshot(&state.store, tenant)
        .await?
        .organisations
        .iter()
        .map(|o| (o.id, o.label().to_owned()))
        .collect())
}

#[derive(Template)]
#[template(path = "followup/events.html")]
struct ListView {
    c: Chrome,
    rows: Vec<Row>,
}

pub async fn list(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let events = oversyn_app::followup::events(&state.store, s.tenant()).await?;
    let labels = labels(&state, s.tenant()).await?;
    render(&ListView {
        c: Chrome::signed(&s, "events-title"),
        rows: rows(&events, &labels),
    })
}

#[derive(Template)]
#[template(path = "followup/event_form.html")]
struct FormView {
    c: Chrome,
    input: EventInput,
    errors: FieldErrors,
    organisations: Vec<(i64, String)>,
}

async fn form(
    state: &AppState,
    s: &Signed,
    input: EventInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let organisations = labels(state, s.tenant()).await?;
    Ok((
        status,
        render(&FormView {
            c: Chrome::signed(s, "event-new"),
            input,
            errors,
            organisations,
        })?,
    )
        .into_response())
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
) -> Result<Response, PageError> {
    let input = EventInput {
        kind: "congress".into(),
        public: "on".into(),
        ..EventInput::default()
    };
    form(&state, &s, input, FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<EventInput>,
) -> Result<Response, PageError> {
    let fields = match input.parse() {
        Ok(f) => f,
        Err(errors) => return form(&state, &s, input, errors).await,
    };
    match state.store.create_event(&s.actor(), &fields).await {
        Ok(id) => Ok(Redirect::to(&format!("/events/{id}")).into_response()),
        Err(e) => {
            let errors = save_errors(e)?;
            form(&state, &s, input, errors).await
        }
    }
}

pub struct JourneyRow {
    pub traveller: String,
    pub mode: String,
    pub from_place: String,
    pub to_place: String,
    pub distance_km: u32,
    pub co2_kg: String,
    pub travel_days: String,
}

#[derive(Template)]
#[template(path = "followup/event.html")]
struct PageView {
    c: Chrome,
    event: Row,
    notes: String,
    journeys: Vec<JourneyRow>,
    input: JourneyInput,
    errors: FieldErrors,
    persons: Vec<(i64, String)>,
    source: &'static str,
}

async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    input: JourneyInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let e = state.store.event(s.tenant(), id).await?;
    let labels = labels(state, s.tenant()).await?;
    let journeys = e
        .journeys
        .iter()
        .map(|j| JourneyRow {
            traveller: j.traveller.clone(),
            mode: j.mode.code().to_owned(),
            from_place: j.from_place.clone(),
            to_place: j.to_place.clone(),
            distance_km: j.distance_km,
            co2_kg: format!("{:.1}", co2_kg(j.mode, j.distance_km)),
            travel_days: format!("{:.1}", travel_days(j.mode, j.distance_km)),
        })
        .collect();
    let persons = state
        .store
        .persons(s.tenant())
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let notes = e.fields.notes.clone();
    let event = rows(std::slice::from_ref(&e), &labels).remove(0);
    let v = PageView {
        c: Chrome::signed(s, "events-title").titled(&event.title),
        event,
        notes,
        journeys,
        input,
        errors,
        persons,
        source: FACTOR_SOURCE,
    };
    Ok((status, render(&v)?).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let input = JourneyInput {
        mode: "flight".into(),
        ..JourneyInput::default()
    };
    show(&state, &s, id, input, FieldErrors::new()).await
}

pub async fn add_journey(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<JourneyInput>,
) -> Result<Response, PageError> {
    let parsed = input.parse();
    let person_id = input.person_id();
    let mut traveller = input.traveller.trim().to_owned();
    if traveller.is_empty()
        && let Some(p) = person_id
    {
        traveller = state.store.person(s.tenant(), p).await?.name;
    }
    let legs: Vec<Journey> = match parsed {
        Ok(legs) => legs
            .into_iter()
            .map(|l| Journey {
                id: 0,
                person_id,
                traveller: traveller.clone(),
                mode: l.mode,
                from_place: l.from_place,
                to_place: l.to_place,
                distance_km: l.distance_km,
            })
            .collect(),
        Err(errors) => return show(&state, &s, id, input, errors).await,
    };
    for leg in &legs {
        if let Err(e) = state.store.add_journey(&s.actor(), id, leg).await {
            let errors = save_errors(e)?;
            return show(&state, &s, id, input, errors).await;
        }
    }
    Ok(Redirect::to(&format!("/events/{id}")).into_response())
}

#[derive(Template)]
#[template(path = "followup/public_events.html")]
struct PublicView {
    c: Chrome,
    city: String,
    rows: Vec<Row>,
}

/// Upcoming public events with their live-stream links; no login.
pub async fn public(
    State(state): State<AppState>,
    ui: Ui,
    Path(tenant): Path<String>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&tenant).await?;
    let shown = state
        .store
        .public_kinds(t.id)
        .await?
        .iter()
        .any(|k| k == "events");
    let today = chrono::Utc::now().date_naive();
    let events: Vec<StoredEvent> = state
        .store
        .events(t.id)
        .await?
        .into_iter()
        .filter(|e| shown && e.fields.public && e.fields.ends_on >= today)
        .collect();
    let labels = labels(&state, t.id).await?;
    render(&PublicView {
        c: Chrome::anonymous(&ui, "events-public", String::new()),
        city: t.name,
        rows: rows(&events, &labels),
    })
}
