//! Sending invitations and reminders: a new personal link per message,
//! the message through the configured mailer, and a record of the outcome
//! (a refused address is recorded and shown, not lost).

use crate::Sender;
use chrono::{DateTime, Utc};
use oversyn_core::Lang;
use oversyn_core::review::reminders::{ReminderPolicy, ReminderState, allowed, due};
use oversyn_mail::messages::{Invitation, invitation};
use oversyn_store::StoreError;
use oversyn_store::reviews::{Respondent, Review};
use std::collections::HashMap;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub sent: usize,
    pub failed: usize,
    /// Recorded for sending by hand (no mail transport configured).
    pub manual: usize,
}

impl Sent {
    fn add(&mut self, other: Sent) {
        self.sent += other.sent;
        self.failed += other.failed;
        self.manual += other.manual;
    }
}

fn parse_time(s: &Option<String>) -> Option<DateTime<Utc>> {
    s.as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

pub fn reminder_state(r: &Respondent) -> ReminderState {
    ReminderState {
        invited: r.invited_at.is_some(),
        submitted: r.submitted_at.is_some(),
        reminders_sent: r.reminders_sent,
        last_contact: parse_time(&r.last_contact_at),
    }
}

pub fn policy(review: &Review) -> ReminderPolicy {
    ReminderPolicy {
        max: review.reminder_max,
        interval_days: review.reminder_days,
    }
}

/// What every message of one mailing shares, read once for all of them
/// instead of two queries per membership per respondent.
struct Batch {
    city: String,
    /// The organisation's short name per membership id.
    labels: HashMap<i64, String>,
}

impl Batch {
    async fn load(state: &Sender<'_>, tenant_id: i64) -> Result<Batch, StoreError> {
        let organisations = state.store.organisations(tenant_id).await?;
        let labels = state
            .store
            .memberships(tenant_id)
            .await?
            .into_iter()
            .filter_map(|m| {
                let o = organisations.iter().find(|o| o.id == m.organisation_id)?;
                Some((m.id, o.label().to_owned()))
            })
            .collect();
        Ok(Batch {
            city: state.store.tenant_by_id(tenant_id).await?.name,
            labels,
        })
    }

    fn labels_of(&self, r: &Respondent) -> Vec<String> {
        r.memberships
            .iter()
            .filter_map(|m| self.labels.get(m).cloned())
            .collect()
    }
}

/// Sends one invitation or reminder to one respondent.
async fn send_one(
    state: &Sender<'_>,
    batch: &Batch,
    tenant_id: i64,
    review: &Review,
    r: &Respondent,
    reminder: bool,
) -> Result<Sent, StoreError> {
    let kind = if reminder { "reminder" } else { "invitation" };
    let Some(to) = r.email.clone() else {
        return Ok(Sent::default());
    };
    let city = &batch.city;
    let closes_on = review.closes_on.to_string();
    let organisations = batch.labels_of(r);
    let text = |link: &str| {
        let i = Invitation {
            to: &to,
            name: &r.name,
            lang: Lang::from_code(&r.lang),
            city,
            review_title: &review.title,
            organisations: &organisations,
            closes_on: &closes_on,
            link,
        };
        invitation(&i, reminder)
    };
    if !state.mailer.sends() {
        // The link is made when the officer opens the outbox, so no token waits unhashed.
        state
            .store
            .record_message(
                tenant_id,
                review.id,
                r.id,
                kind,
                &to,
                &text("").subject,
                "manual",
                None,
            )
            .await?;
        return Ok(Sent {
            manual: 1,
            ..Sent::default()
        });
    }
    let token = state.store.issue_link(tenant_id, r.id).await?;
    let message = text(&respond_link(state, &token));
    match state.mailer.send(&message).await {
        Ok(()) => {
            state
                .store
                .record_message(
                    tenant_id,
                    review.id,
                    r.id,
                    kind,
                    &to,
                    &message.subject,
                    "sent",
                    None,
                )
                .await?;
            Ok(Sent {
                sent: 1,
                ..Sent::default()
            })
        }
        Err(e) => {
            tracing::warn!(respondent = r.id, error = %e, "message not delivered");
            state
                .store
                .record_message(
                    tenant_id,
                    review.id,
                    r.id,
                    kind,
                    &to,
                    &message.subject,
                    "failed",
                    Some(&e.to_string()),
                )
                .await?;
            Ok(Sent {
                failed: 1,
                ..Sent::default()
            })
        }
    }
}

/// The address a respondent opens.
pub fn respond_link(state: &Sender<'_>, token: &str) -> String {
    format!("{}/respond/{token}", state.public_url.trim_end_matches('/'))
}

pub async fn organisation_labels(
    state: &Sender<'_>,
    tenant_id: i64,
    r: &Respondent,
) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    for m in &r.memberships {
        let m = state.store.membership(tenant_id, *m).await?;
        out.push(
            state
                .store
                .organisation(tenant_id, m.organisation_id)
                .await?
                .label()
                .to_owned(),
        );
    }
    Ok(out)
}

/// Sends to each respondent of the review that `chosen` picks.
async fn send_to(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    reminder: bool,
    chosen: impl Fn(&Respondent) -> bool,
) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    let respondents = state.store.respondents(tenant_id, review.id).await?;
    if !respondents.iter().any(&chosen) {
        return Ok(total);
    }
    let batch = Batch::load(state, tenant_id).await?;
    for r in respondents.iter().filter(|r| chosen(r)) {
        total.add(send_one(state, &batch, tenant_id, review, r, reminder).await?);
    }
    Ok(total)
}

/// Invites every respondent with an e-mail address who has not been invited.
pub async fn invite_all(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
) -> Result<Sent, StoreError> {
    send_to(state, tenant_id, review, false, |r| {
        r.invited_at.is_none() && r.email.is_some()
    })
    .await
}

/// Reminds non-respondents now (`force`), or those the schedule says are due.
pub async fn remind(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Sent, StoreError> {
    if !review.is_open(now.date_naive()) || review.illustrative {
        return Ok(Sent::default());
    }
    let p = policy(review);
    send_to(state, tenant_id, review, true, |r| {
        let s = reminder_state(r);
        if force { allowed(s, p) } else { due(s, p, now) }
    })
    .await
}

/// The schedule: reminds whoever is due in every open review.
pub async fn send_due_reminders(
    state: &Sender<'_>,
    now: DateTime<Utc>,
) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    for (tenant_id, review) in state.store.open_reviews(now.date_naive()).await? {
        total.add(remind(state, tenant_id, &review, now, false).await?);
    }
    Ok(total)
}
