//! The outbox, for when no mail server is configured (or a message
//! failed): the messages to send by hand, and a fresh personal link shown
//! once when the officer asks for it.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use oversyn_core::Lang;
use oversyn_mail::messages::{Invitation, invitation};
use oversyn_store::reviews::MailRecord;
use oversyn_store::reviews::{Respondent, Review};

#[derive(Template)]
#[template(path = "reviews/outbox.html")]
struct OutboxView {
    c: Chrome,
    review: Review,
    messages: std::sync::Arc<Vec<MailRecord>>,
    respondents: std::sync::Arc<Vec<Respondent>>,
    /// A message with a new link, shown once.
    prepared: Option<(String, String, String)>,
}

async fn show(
    state: &AppState,
    s: &Signed,
    id: i64,
    prepared: Option<(String, String, String)>,
) -> Result<Response, PageError> {
    let review = state.store.review(s.tenant(), id).await?;
    let messages = oversyn_app::reviews::messages(&state.store, s.tenant(), id).await?;
    let respondents = oversyn_app::reviews::respondents(&state.store, s.tenant(), id).await?;
    render(&OutboxView {
        c: Chrome::signed(s, "outbox-title"),
        review,
        messages,
        respondents,
        prepared,
    })
}

pub async fn page(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    show(&state, &s, id, None).await
}

#[derive(serde::Deserialize, Default)]
pub struct Empty {}

/// Makes a new link for one respondent and shows the message to send by hand.
pub async fn link(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path((id, rid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    let review = state.store.review(s.tenant(), id).await?;
    let r = state.store.respondent(s.tenant(), rid).await?;
    if r.review_id != review.id {
        return Err(PageError::NotFound);
    }
    let token = state.store.issue_link(s.tenant(), rid).await?;
    let link = oversyn_app::reviews::mailing::respond_link(&state.sender(), &token);
    let tenant = state.store.tenant_by_id(s.tenant()).await?;
    let privacy = oversyn_app::reviews::mailing::privacy_link(&state.sender(), &tenant.slug);
    let city = tenant.name;
    let organisations =
        oversyn_app::reviews::mailing::organisation_labels(&state.sender(), s.tenant(), &r).await?;
    let closes = review.closes_on.to_string();
    let to = r.email.clone().unwrap_or_default();
    let m = invitation(
        &Invitation {
            to: &to,
            name: &r.name,
            lang: Lang::from_code(&r.lang),
            city: &city,
            review_title: &review.title,
            organisations: &organisations,
            closes_on: &closes,
            link: &link,
            privacy: &privacy,
        },
        r.invited_at.is_some(),
    );
    if r.invited_at.is_none() {
        state
            .store
            .record_message(
                s.tenant(),
                id,
                rid,
                "invitation",
                &to,
                &m.subject,
                "manual",
                None,
            )
            .await?;
    }
    show(&state, &s, id, Some((m.to, m.subject, m.body))).await
}
