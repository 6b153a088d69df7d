//! Sending invitations and reminders: a new personal link per message,
//! the message through the configured mailer, and a record of the outcome
//! (a refused address is recorded and shown, not lost). Each message is a
//! job (`crate::jobs`), so it is sent once however many instances run, and
//! retried when the mail server refuses it.

use crate::Sender;
use crate::jobs::{self, Work};
use chrono::{DateTime, Utc};
use oversyn_core::Lang;
use oversyn_core::review::reminders::{ReminderPolicy, ReminderState, allowed, due};
use oversyn_mail::MailError;
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
    pub(crate) fn add(&mut self, other: Sent) {
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
pub(crate) struct Batch {
    pub(crate) city: String,
    /// The tenant's public privacy notice, linked from every message.
    privacy: String,
    /// The organisation's short name per membership id.
    labels: HashMap<i64, String>,
}

impl Batch {
    pub(crate) async fn load(state: &Sender<'_>, tenant_id: i64) -> Result<Batch, StoreError> {
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
        let tenant = state.store.tenant_by_id(tenant_id).await?;
        Ok(Batch {
            city: tenant.name,
            privacy: privacy_link(state, &tenant.slug),
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

/// Sends one invitation or reminder to one respondent now and records
/// the outcome; a refused message is the inner error, for the job to retry.
pub(crate) async fn deliver(
    state: &Sender<'_>,
    batch: &Batch,
    tenant_id: i64,
    review: &Review,
    r: &Respondent,
    reminder: bool,
) -> Result<Result<Sent, MailError>, StoreError> {
    let kind = if reminder { "reminder" } else { "invitation" };
    let Some(to) = r.email.clone() else {
        return Ok(Ok(Sent::default()));
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
            privacy: &batch.privacy,
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
        return Ok(Ok(Sent {
            manual: 1,
            ..Sent::default()
        }));
    }
    let token = state.store.issue_link(tenant_id, r.id).await?;
    let message = text(&respond_link(state, &token));
    let outcome = state.mailer.send(&message).await;
    let (status, error) = match &outcome {
        Ok(()) => ("sent", None),
        Err(e) => {
            tracing::warn!(respondent = r.id, error = %e, "message not delivered");
            ("failed", Some(e.to_string()))
        }
    };
    state
        .store
        .record_message(
            tenant_id,
            review.id,
            r.id,
            kind,
            &to,
            &message.subject,
            status,
            error.as_deref(),
        )
        .await?;
    Ok(outcome.map(|()| Sent {
        sent: 1,
        ..Sent::default()
    }))
}

/// The address a respondent opens.
pub fn respond_link(state: &Sender<'_>, token: &str) -> String {
    format!("{}/respond/{token}", state.public_url.trim_end_matches('/'))
}

/// The tenant's privacy notice for respondents, as a link for a message.
pub fn privacy_link(state: &Sender<'_>, slug: &str) -> String {
    format!(
        "{}/privacy/{slug}#respondent",
        state.public_url.trim_end_matches('/')
    )
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

/// The work of mailing each respondent of the review that `chosen` picks.
async fn work_for(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    reminder: bool,
    chosen: impl Fn(&Respondent) -> bool,
) -> Result<Vec<Work>, StoreError> {
    let respondents = state.store.respondents(tenant_id, review.id).await?;
    Ok(respondents
        .iter()
        .filter(|r| r.email.is_some() && chosen(r))
        .map(|r| {
            if reminder {
                Work::Reminder {
                    review_id: review.id,
                    respondent_id: r.id,
                    number: r.reminders_sent + 1,
                }
            } else {
                Work::Invitation {
                    review_id: review.id,
                    respondent_id: r.id,
                }
            }
        })
        .collect())
}

/// Queues the work and does at once what no other instance holds.
async fn send_now(
    state: &Sender<'_>,
    tenant_id: i64,
    work: &[Work],
    again: bool,
) -> Result<Sent, StoreError> {
    if work.is_empty() {
        return Ok(Sent::default());
    }
    let ids = jobs::enqueue(state.store, tenant_id, work, again).await?;
    jobs::run_now(state, &ids).await
}

/// Invites every respondent with an e-mail address who has not been invited.
pub async fn invite_all(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
) -> Result<Sent, StoreError> {
    let work = work_for(state, tenant_id, review, false, |r| r.invited_at.is_none()).await?;
    send_now(state, tenant_id, &work, true).await
}

/// Reminds non-respondents now (`force`), or those the schedule says are due.
pub async fn remind(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Sent, StoreError> {
    let work = reminders_due(state, tenant_id, review, now, force).await?;
    send_now(state, tenant_id, &work, force).await
}

async fn reminders_due(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Vec<Work>, StoreError> {
    if !review.is_open(now.date_naive()) || review.illustrative {
        return Ok(Vec::new());
    }
    let p = policy(review);
    work_for(state, tenant_id, review, true, |r| {
        let s = reminder_state(r);
        if force { allowed(s, p) } else { due(s, p, now) }
    })
    .await
}

/// The schedule: queues a reminder for whoever is due in every open
/// review (the instances' workers send them). Returns how many were new.
pub async fn queue_due_reminders(
    state: &Sender<'_>,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut queued = 0;
    for (tenant_id, review) in state.store.open_reviews(now.date_naive()).await? {
        let work = reminders_due(state, tenant_id, &review, now, false).await?;
        if !work.is_empty() {
            queued += jobs::enqueue(state.store, tenant_id, &work, false)
                .await?
                .len();
        }
    }
    Ok(queued)
}
