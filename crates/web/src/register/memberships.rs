//! A membership's page, and adding, editing and ending memberships.

use super::{save, save_errors};
use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::privacy::secrecy::WithholdInput;
use oversyn_core::register::input::{EndInput, MembershipInput};
use oversyn_core::register::{Body, Membership, Organisation, Person, Seat};
use oversyn_core::{Code, FieldErrors};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "register/membership_form.html")]
struct FormView {
    c: Chrome,
    input: MembershipInput,
    errors: FieldErrors,
    action: String,
    organisations: Vec<Organisation>,
    bodies: Vec<Body>,
    persons: Vec<Person>,
}

#[derive(Template)]
#[template(path = "register/membership_content.html")]
struct PageView {
    c: Chrome,
    m: Membership,
    org: Organisation,
    body: String,
    contact: Option<String>,
    seats: Vec<(Seat, Option<String>)>,
    end: EndInput,
    end_errors: FieldErrors,
    saved: bool,
    /// Why the membership is kept off public output, if it is.
    withheld: Option<oversyn_store::privacy::Withheld>,
    grounds: Vec<oversyn_core::privacy::secrecy::Ground>,
    secrecy: WithholdInput,
    secrecy_errors: FieldErrors,
    /// Outcome reports from this organisation's events: (event, report).
    reports: Vec<(String, oversyn_store::followup::OutcomeReport)>,
    /// The fee in kronor with its rate, when it is in another currency.
    fee_sek: Option<String>,
    /// The membership's invoices, each with its amount in kronor.
    invoices: Vec<(oversyn_core::register::invoice::Invoice, Option<String>)>,
}

async fn form(
    state: &AppState,
    s: &Signed,
    input: MembershipInput,
    errors: FieldErrors,
    action: String,
) -> Result<Response, PageError> {
    let title = if action == "/memberships" {
        "membership-new"
    } else {
        "membership-edit"
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let v = FormView {
        c: Chrome::signed(s, title),
        input,
        errors,
        action,
        organisations: state.store.organisations(s.tenant()).await?,
        bodies: state.store.bodies(s.tenant()).await?,
        persons: state.store.persons(s.tenant()).await?,
    };
    Ok((status, render(&v)?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    organisation: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let input = MembershipInput {
        organisation_id: q.organisation,
        ..Default::default()
    };
    form(&state, &s, input, FieldErrors::new(), "/memberships".into()).await
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<MembershipInput>,
) -> Result<Response, PageError> {
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.create_membership(&actor, &c).await,
        |m| format!("/memberships/{}?saved=1", m.id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&state, &s, input, errors, "/memberships".into()).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// A withholding form as the officer filled it in, with its errors.
type SecrecyForm = Option<(WithholdInput, FieldErrors)>;

async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    end: EndInput,
    end_errors: FieldErrors,
    saved: bool,
    secrecy: SecrecyForm,
) -> Result<Response, PageError> {
    let m = state.store.membership(s.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let org = snap
        .organisation(m.organisation_id)
        .cloned()
        .ok_or(PageError::NotFound)?;
    let chrome = Chrome::signed(s, "membership-title").titled(&format!(
        "{} – {}",
        org.label(),
        snap.body_name(m.body_id)
    ));
    // The page as anyone of the role sees it is kept; a form shown again
    // with its errors, or the notice of a save, is this request's own.
    if end_errors.is_empty() && secrecy.is_none() && !saved {
        return crate::kept::page(state, s, "membership page", id, chrome, |c| {
            let shown = Shown {
                end: EndInput::default(),
                end_errors: FieldErrors::new(),
                saved: false,
                secrecy: None,
            };
            view(state, s, c, (m, org), &snap, shown)
        })
        .await;
    }
    let status = if end_errors.is_empty() && secrecy.as_ref().is_none_or(|f| f.1.is_empty()) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let shown = Shown {
        end,
        end_errors,
        saved,
        secrecy,
    };
    let v = view(
        state,
        s,
        crate::kept::content_chrome(&chrome),
        (m, org),
        &snap,
        shown,
    )
    .await?;
    Ok((status, crate::kept::whole(chrome, &v)?).into_response())
}

/// What the page shows of this request: the end form as filled in, its
/// errors, the notice of a save and the withholding form.
struct Shown {
    end: EndInput,
    end_errors: FieldErrors,
    saved: bool,
    secrecy: SecrecyForm,
}

async fn view(
    state: &AppState,
    s: &Signed,
    c: Chrome,
    (m, org): (Membership, Organisation),
    snap: &oversyn_core::register::Snapshot,
    shown: Shown,
) -> Result<PageView, PageError> {
    let id = m.id;
    let seats = snap
        .seats_in(m.organisation_id)
        .into_iter()
        .map(|x| (x.clone(), snap.person_name(x.person_id)))
        .collect();
    let reports = state
        .store
        .organisation_reports(s.tenant(), m.organisation_id)
        .await?;
    let (secrecy, secrecy_errors) = shown.secrecy.unwrap_or_else(|| {
        let today = chrono::Utc::now().date_naive().to_string();
        (
            WithholdInput {
                decided_on: today,
                ..WithholdInput::default()
            },
            FieldErrors::new(),
        )
    });
    let withheld = state
        .store
        .withheld(s.tenant(), "membership")
        .await?
        .into_iter()
        .find(|w| w.entity_id == id);
    let grounds = state.store.secrecy_grounds(s.tenant(), s.lang).await?;
    let invoices = state
        .store
        .invoices(s.tenant(), id)
        .await?
        .into_iter()
        .map(|i| {
            let sek = c.in_sek(
                &snap.rates,
                i.amount_minor,
                &i.currency,
                Some(i.budget_year),
            );
            (i, sek)
        })
        .collect();
    let fee_sek = c.fee_sek(&m.fee, &snap.rates);
    let end = shown.end;
    Ok(PageView {
        withheld,
        grounds,
        secrecy,
        secrecy_errors,
        reports,
        fee_sek,
        invoices,
        body: snap.body_name(m.body_id),
        contact: snap.person_name(m.contact_person_id),
        end: EndInput {
            version: if end.version.is_empty() {
                m.version.to_string()
            } else {
                end.version
            },
            ..end
        },
        c,
        m,
        org,
        seats,
        end_errors: shown.end_errors,
        saved: shown.saved,
    })
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    show(
        &state,
        &s,
        id,
        EndInput::default(),
        FieldErrors::new(),
        q.saved.is_some(),
        None,
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let m = state.store.membership(s.tenant(), id).await?;
    form(
        &state,
        &s,
        MembershipInput::from_record(&m),
        FieldErrors::new(),
        format!("/memberships/{id}/edit"),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<MembershipInput>,
) -> Result<Response, PageError> {
    let action = format!("/memberships/{id}/edit");
    let actor = s.actor();
    match save(
        input.parse(),
        async |c| state.store.update_membership(&actor, id, &c).await,
        |m| format!("/memberships/{}?saved=1", m.id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(&state, &s, input, errors, action).await,
    }
}

/// Ends the membership on the given date (notice given if it lies ahead).
pub async fn end(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<EndInput>,
) -> Result<Response, PageError> {
    let m = state.store.membership(s.tenant(), id).await?;
    let (date, version) = match input.parse(m.since) {
        Ok(v) => v,
        Err(e) => return show(&state, &s, id, input, e, false, None).await,
    };
    let today = chrono::Utc::now().date_naive();
    match state
        .store
        .end_membership(&s.actor(), id, date, today, version)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/memberships/{id}?saved=1")).into_response()),
        Err(e) => {
            let errors = save_errors(e)?;
            show(&state, &s, id, input, errors, false, None).await
        }
    }
}

/// The officer's decision on whether the membership is public.
pub async fn secrecy(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<crate::secrecy::SecrecyForm>,
) -> Result<Response, PageError> {
    match crate::secrecy::decide(&state, &s, "membership", id, &form).await? {
        Ok(()) => Ok(Redirect::to(&format!("/memberships/{id}")).into_response()),
        Err(errors) => {
            show(
                &state,
                &s,
                id,
                EndInput::default(),
                FieldErrors::new(),
                false,
                Some((form.decision, errors)),
            )
            .await
        }
    }
}
