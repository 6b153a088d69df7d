//! Organisations: the catalogue list with search, an organisation's page
//! (sourced facts, relations, the city's memberships and seats there,
//! indirect representation, the tenant's notes) and forms.

use super::save;
use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::codes::RelationKind;
use oversyn_core::register::input::OrganisationInput;
use oversyn_core::register::{Membership, Organisation, Seat};
use oversyn_core::{Code, FieldErrors};
use oversyn_store::register::OrganisationDetail;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
}

pub struct Row {
    pub o: Organisation,
    pub member: bool,
}

#[derive(Template)]
#[template(path = "register/organisations_content.html")]
struct ListView {
    c: Chrome,
    rows: Vec<Row>,
    q: String,
}

pub struct Rel {
    pub key: &'static str,
    pub id: i64,
    pub label: String,
    pub source: Option<String>,
}

#[derive(Template)]
#[template(path = "register/organisation.html")]
struct PageView {
    c: Chrome,
    d: std::sync::Arc<OrganisationDetail>,
    facts: Vec<FactView>,
    relations: Vec<Rel>,
    memberships: Vec<(Membership, String)>,
    indirect: Vec<(i64, String)>,
    seats: Vec<(Seat, Option<String>)>,
    may_edit: bool,
    notes: String,
    notes_version: String,
    /// A refused notes edit: the typed text is in `notes`.
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "register/organisation_form.html")]
struct FormView {
    c: Chrome,
    input: OrganisationInput,
    errors: FieldErrors,
    action: String,
}

pub async fn list(
    State(state): State<AppState>,
    s: Signed,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let c = Chrome::signed(&s, "organisations-title");
    if q.q.trim().is_empty() {
        return crate::kept::page(&state, &s, "organisations page", 0, c, |c| {
            list_view(&state, &s, c, q)
        })
        .await;
    }
    let inner = crate::kept::content_chrome(&c);
    crate::kept::whole(c, &list_view(&state, &s, inner, q).await?)
}

async fn list_view(
    state: &AppState,
    s: &Signed,
    c: Chrome,
    q: ListQuery,
) -> Result<ListView, PageError> {
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let term = q.q.trim();
    let rows = snap
        .organisations
        .iter()
        .filter(|o| {
            term.is_empty()
                || o.answers_to(term)
                || o.themes.iter().any(|t| t.eq_ignore_ascii_case(term))
        })
        .map(|o| Row {
            o: o.clone(),
            member: snap
                .memberships
                .iter()
                .any(|m| m.organisation_id == o.id && snap.in_force(m)),
        })
        .collect();
    Ok(ListView { c, rows, q: q.q })
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    show(&state, &s, id, None).await
}

/// The organisation's page; with `refused`, the notes as typed and why
/// they were not saved (422).
async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    refused: Option<(NotesInput, FieldErrors)>,
) -> Result<Response, PageError> {
    let d = oversyn_app::register::organisation_detail(&state.store, s.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let mut relations = Vec::new();
    for r in &snap.relations {
        let (key, other) = match (r.from_id == id, r.to_id == id, r.kind) {
            (true, _, RelationKind::SectionOf) => ("relation-section-of", r.to_id),
            (true, _, RelationKind::MemberOf) => ("relation-member-of", r.to_id),
            (_, true, RelationKind::SectionOf) => ("relation-has-section", r.from_id),
            (_, true, RelationKind::MemberOf) => ("relation-has-member", r.from_id),
            _ => continue,
        };
        relations.push(Rel {
            key,
            id: other,
            label: snap.org_label(other),
            source: r.source.clone(),
        });
    }
    let memberships = snap
        .memberships
        .iter()
        .filter(|m| m.organisation_id == id)
        .map(|m| (m.clone(), snap.body_name(m.body_id)))
        .collect();
    let indirect = snap
        .indirect()
        .into_iter()
        .filter(|i| i.organisation_id == id)
        .map(|i| (i.via_organisation_id, snap.org_label(i.via_organisation_id)))
        .collect();
    let seats = snap
        .seats_in(id)
        .into_iter()
        .map(|x| (x.clone(), snap.person_name(x.person_id)))
        .collect();
    let may_edit = s.user().role.can_write()
        && (d.organisation.tenant_id.is_some() || s.user().platform_admin);
    let (notes, notes_version, errors) = match refused {
        Some((input, errors)) => (input.notes, input.version, errors),
        None => {
            let (n, v) = d
                .notes
                .clone()
                .map(|(n, v)| (n, v.to_string()))
                .unwrap_or_default();
            (n, v, FieldErrors::new())
        }
    };
    let c = Chrome::signed(s, "organisation-title").titled(&d.organisation.name);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let facts = fact_views(&d.facts, s.lang);
    let mut res = render(&PageView {
        c,
        d,
        facts,
        relations,
        memberships,
        indirect,
        seats,
        may_edit,
        notes,
        notes_version,
        errors,
    })?;
    *res.status_mut() = status;
    Ok(res)
}

fn form(
    s: &Signed,
    input: OrganisationInput,
    errors: FieldErrors,
    action: String,
) -> Result<Response, PageError> {
    let title = if action == "/organisations" {
        "organisation-new"
    } else {
        "organisation-edit"
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
        })?,
    )
        .into_response())
}

pub async fn new_form(Writer(s): Writer) -> Result<Response, PageError> {
    form(
        &s,
        OrganisationInput {
            kind: "city_network".into(),
            ..Default::default()
        },
        FieldErrors::new(),
        "/organisations".into(),
    )
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<OrganisationInput>,
) -> Result<Response, PageError> {
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.create_organisation(&actor, &c).await,
        |o| format!("/organisations/{}", o.id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&s, input, errors, "/organisations".into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let o = state.store.organisation(s.tenant(), id).await?;
    if o.tenant_id.is_none() && !s.user().platform_admin {
        return Err(PageError::Forbidden);
    }
    form(
        &s,
        OrganisationInput::from_record(&o),
        FieldErrors::new(),
        format!("/organisations/{id}/edit"),
    )
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<OrganisationInput>,
) -> Result<Response, PageError> {
    let action = format!("/organisations/{id}/edit");
    let actor = s.actor();
    let platform_admin = s.user().platform_admin;
    match save(
        input.parse(),
        async |c| {
            state
                .store
                .update_organisation(&actor, id, &c, platform_admin)
                .await
        },
        |o| format!("/organisations/{}", o.id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&s, input, errors, action),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotesInput {
    notes: String,
    version: String,
}

/// Saves the tenant's own notes on an organisation.
pub async fn notes(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<NotesInput>,
) -> Result<Response, PageError> {
    let notes = match oversyn_core::validate::text(&input.notes) {
        Ok(n) => n.unwrap_or_default(),
        Err(key) => {
            let mut errors = FieldErrors::new();
            errors.add("notes", key);
            return show(&state, &s, id, Some((input, errors))).await;
        }
    };
    let version = input.version.trim().parse().ok();
    match state
        .store
        .set_organisation_notes(&s.actor(), id, &notes, version)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/organisations/{id}#notes")).into_response()),
        Err(e) => {
            let errors = super::save_errors(e)?;
            show(&state, &s, id, Some((input, errors))).await
        }
    }
}

/// A fact as the page shows it: in the reader's language where it has
/// that wording, with the time it held.
struct FactView {
    text: String,
    in_english: bool,
    as_of: String,
    valid_to: Option<String>,
    source: String,
}

fn fact_views(
    facts: &[oversyn_store::register::OrgFact],
    lang: crate::i18n::Lang,
) -> Vec<FactView> {
    facts
        .iter()
        .map(|f| {
            let (text, in_lang) = oversyn_core::catalogue_sv::fact_text(&f.text, lang);
            FactView {
                text: text.to_string(),
                in_english: !in_lang,
                as_of: f.as_of.clone(),
                valid_to: f.valid_to.clone(),
                source: f.source.clone(),
            }
        })
        .collect()
}
