//! A review's page: progress per membership, respondents (with proposals
//! from the seats held in the reviewed organisations), and the actions to
//! invite and remind.

use super::Progress;
use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::Chrome;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_app::reviews::mailing::{self, Sent};
use oversyn_core::FieldErrors;
use oversyn_core::register::Person;
use oversyn_store::reviews::{NewRespondent, Respondent, Review};
use serde::Deserialize;

pub struct Scope {
    pub membership_id: i64,
    pub label: String,
    pub progress: Progress,
}

/// A person proposed as respondent: they hold a seat or take part in a
/// group of a reviewed organisation and are not yet a respondent.
pub struct Proposal {
    pub person: Person,
    pub memberships: Vec<i64>,
    pub labels: Vec<String>,
}

#[derive(Template)]
#[template(path = "reviews/page_content.html")]
struct PageView {
    c: Chrome,
    review: Review,
    strategy_version: i64,
    scope: Vec<Scope>,
    overall: Progress,
    respondents: Vec<(Respondent, Vec<String>)>,
    proposals: Vec<Proposal>,
    persons: Vec<Person>,
    errors: FieldErrors,
    notice: Option<String>,
    sends_mail: bool,
    failed: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Notice {
    sent: Option<usize>,
    failed: Option<usize>,
    manual: Option<usize>,
}

/// The review's page; as most open it (no form errors, no notice), its
/// content is kept per state of the tenant's data, role and language: it
/// lists every respondent (800 in a national review).
async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let review = state.store.review(s.tenant(), id).await?;
    let c = Chrome::signed(s, "review-title").titled(&review.title);
    if errors.is_empty() && notice.is_none() {
        return crate::kept::page(state, s, "review page", id, c, |c| {
            view(state, s, c, review, errors, notice)
        })
        .await;
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let inner = crate::kept::content_chrome(&c);
    let v = view(state, s, inner, review, errors, notice).await?;
    Ok((status, crate::kept::whole(c, &v)?).into_response())
}

async fn view(
    state: &AppState,
    s: &Signed,
    c: Chrome,
    review: Review,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<PageView, PageError> {
    let id = review.id;
    let strategy_version = state
        .store
        .strategy(s.tenant(), review.strategy_id)
        .await?
        .version;
    let ids = state.store.covered_memberships(s.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let respondents = oversyn_app::reviews::respondents(&state.store, s.tenant(), id).await?;
    let label = |mid: i64| {
        snap.memberships
            .iter()
            .find(|m| m.id == mid)
            .map(|m| snap.org_label(m.organisation_id))
            .unwrap_or_default()
    };
    let scope = ids
        .iter()
        .map(|m| Scope {
            membership_id: *m,
            label: label(*m),
            progress: Progress::of(respondents.iter().filter(|r| r.memberships.contains(m))),
        })
        .collect();
    let overall = Progress::of(respondents.iter());
    let mut proposals: Vec<Proposal> = Vec::new();
    for m in &ids {
        let Some(membership) = snap.memberships.iter().find(|x| x.id == *m) else {
            continue;
        };
        for seat in snap.seats_in(membership.organisation_id) {
            let Some(pid) = seat.person_id else { continue };
            if respondents.iter().any(|r| r.person_id == Some(pid)) {
                continue;
            }
            let Some(person) = snap.person(pid) else {
                continue;
            };
            match proposals.iter_mut().find(|p| p.person.id == pid) {
                Some(p) if !p.memberships.contains(m) => {
                    p.memberships.push(*m);
                    p.labels.push(label(*m));
                }
                Some(_) => {}
                None => proposals.push(Proposal {
                    person: person.clone(),
                    memberships: vec![*m],
                    labels: vec![label(*m)],
                }),
            }
        }
    }
    let failed = oversyn_app::reviews::messages(&state.store, s.tenant(), id)
        .await?
        .iter()
        .filter(|m| m.status == "failed")
        .count();
    let respondents = respondents
        .iter()
        .map(|r| {
            let l = r.memberships.iter().map(|m| label(*m)).collect();
            (r.clone(), l)
        })
        .collect();
    Ok(PageView {
        c,
        review,
        strategy_version,
        scope,
        overall,
        respondents,
        proposals,
        persons: snap.persons.clone(),
        errors,
        notice,
        sends_mail: state.mailer.sends(),
        failed,
    })
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(n): Query<Notice>,
) -> Result<Response, PageError> {
    let notice = match (n.sent, n.failed, n.manual) {
        (None, None, None) => None,
        (sent, failed, manual) => Some(format!(
            "{} {} · {} {} · {} {}",
            s.lang.t("mail-sent"),
            sent.unwrap_or(0),
            s.lang.t("mail-failed"),
            failed.unwrap_or(0),
            s.lang.t("mail-manual"),
            manual.unwrap_or(0)
        )),
    };
    show(&state, &s, id, FieldErrors::new(), notice).await
}

#[derive(Default)]
pub struct RespondentInput {
    person_id: String,
    name: String,
    email: String,
    lang: String,
    memberships: Vec<String>,
}

impl RespondentInput {
    /// Reads the posted pairs; `membership` repeats, one per checked box.
    fn from_pairs(pairs: Vec<(String, String)>) -> RespondentInput {
        let mut r = RespondentInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "person_id" => r.person_id = v,
                "name" => r.name = v,
                "email" => r.email = v,
                "lang" => r.lang = v,
                "membership" => r.memberships.push(v),
                _ => {}
            }
        }
        r
    }
}

/// Adds a respondent: a registered person, or a name and e-mail.
pub async fn add_respondent(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = RespondentInput::from_pairs(pairs);
    let mut e = FieldErrors::new();
    let person = match input.person_id.trim().parse::<i64>() {
        Ok(pid) => match state.store.person(s.tenant(), pid).await {
            Ok(p) => Some(p),
            Err(_) => {
                e.add("person_id", "error-unknown-person");
                None
            }
        },
        Err(_) => None,
    };
    let name = match &person {
        Some(p) => Some(p.name.clone()),
        None => e.check("name", oversyn_core::validate::name(&input.name)),
    };
    let typed_email = e
        .check("email", oversyn_core::validate::email(&input.email))
        .flatten();
    let email = typed_email.or_else(|| person.as_ref().and_then(|p| p.email.clone()));
    let memberships: Vec<i64> = input
        .memberships
        .iter()
        .filter_map(|m| m.parse().ok())
        .collect();
    if memberships.is_empty() {
        e.add("memberships", "error-no-memberships");
    }
    if !e.is_empty() {
        return show(&state, &s, id, e, None).await;
    }
    let new = NewRespondent {
        person_id: person.map(|p| p.id),
        name: name.unwrap_or_default(),
        email,
        lang: if input.lang == "en" {
            "en".into()
        } else {
            "sv".into()
        },
        memberships,
    };
    match state.store.add_respondent(&s.actor(), id, &new).await {
        Ok(_) => Ok(Redirect::to(&format!("/reviews/{id}#respondents")).into_response()),
        Err(err) => show(&state, &s, id, crate::register::save_errors(err)?, None).await,
    }
}

#[derive(Deserialize, Default)]
pub struct Empty {}

/// Adds every proposed person as a respondent for the memberships they are active in.
pub async fn add_proposed(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    state.store.review(s.tenant(), id).await?;
    let ids = state.store.covered_memberships(s.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let existing = state.store.respondents(s.tenant(), id).await?;
    let mut by_person: Vec<(i64, Vec<i64>)> = Vec::new();
    for m in &ids {
        let Some(membership) = snap.memberships.iter().find(|x| x.id == *m) else {
            continue;
        };
        for pid in snap
            .seats_in(membership.organisation_id)
            .iter()
            .filter_map(|s| s.person_id)
        {
            if existing.iter().any(|r| r.person_id == Some(pid)) {
                continue;
            }
            match by_person.iter_mut().find(|(p, _)| *p == pid) {
                Some((_, ms)) if !ms.contains(m) => ms.push(*m),
                Some(_) => {}
                None => by_person.push((pid, vec![*m])),
            }
        }
    }
    for (pid, memberships) in by_person {
        let Some(p) = snap.person(pid) else { continue };
        let new = NewRespondent {
            person_id: Some(pid),
            name: p.name.clone(),
            email: p.email.clone(),
            lang: "sv".into(),
            memberships,
        };
        state.store.add_respondent(&s.actor(), id, &new).await?;
    }
    Ok(Redirect::to(&format!("/reviews/{id}#respondents")).into_response())
}

fn after_mail(id: i64, sent: Sent) -> Response {
    Redirect::to(&format!(
        "/reviews/{id}?sent={}&failed={}&manual={}",
        sent.sent, sent.failed, sent.manual
    ))
    .into_response()
}

/// Sends invitations to everyone not yet invited.
pub async fn invite(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    let review = state.store.review(s.tenant(), id).await?;
    let sent = mailing::invite_all(&state.sender(), s.tenant(), &review).await?;
    Ok(after_mail(id, sent))
}

/// Reminds everyone who has not answered now, within the cap.
pub async fn remind(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    let review = state.store.review(s.tenant(), id).await?;
    let sent = mailing::remind(
        &state.sender(),
        s.tenant(),
        &review,
        chrono::Utc::now(),
        true,
    )
    .await?;
    Ok(after_mail(id, sent))
}

/// Removes a respondent who has not yet opened the questionnaire.
pub async fn remove_respondent(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path((id, rid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    match state.store.remove_respondent(&s.actor(), id, rid).await {
        Ok(()) => Ok(Redirect::to(&format!("/reviews/{id}#respondents")).into_response()),
        Err(oversyn_store::StoreError::Conflict(_)) => {
            let mut e = FieldErrors::new();
            e.add("respondents", "error-respondent-opened");
            show(&state, &s, id, e, None).await
        }
        Err(e) => Err(e.into()),
    }
}
