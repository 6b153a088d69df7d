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

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub sent: usize,
    pub failed: usize,
    /// Recorded for sending by hand (no mail transport configured).
    pub manual: usize,
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

/// Sends one invitation or reminder to one respondent.
async fn send_one(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    r: &Respondent,
    reminder: bool,
) -> Result<Sent, StoreError> {
    let kind = if reminder { "reminder" } else { "invitation" };
    let Some(to) = r.email.clone() else {
        return Ok(Sent::default());
    };
    let city = state.store.tenant_by_id(tenant_id).await?.name;
    let closes_on = review.closes_on.to_string();
    let organisations = organisation_labels(state, tenant_id, r).await?;
    let text = |link: &str| {
        let i = Invitation {
            to: &to,
            name: &r.name,
            lang: Lang::from_code(&r.lang),
            city: &city,
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

/// Invites every respondent with an e-mail address who has not been invited.
pub async fn invite_all(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    for r in state.store.respondents(tenant_id, review.id).await? {
        if r.invited_at.is_none() && r.email.is_some() {
            add(
                &mut total,
                send_one(state, tenant_id, review, &r, false).await?,
            );
        }
    }
    Ok(total)
}

/// Reminds non-respondents now (`force`), or those the schedule says are due.
pub async fn remind(
    state: &Sender<'_>,
    tenant_id: i64,
    review: &Review,
    now: DateTime<Utc>,
    force: bool,
) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    if !review.is_open(now.date_naive()) || review.illustrative {
        return Ok(total);
    }
    let p = policy(review);
    for r in state.store.respondents(tenant_id, review.id).await? {
        let s = reminder_state(&r);
        let go = if force { allowed(s, p) } else { due(s, p, now) };
        if go {
            add(
                &mut total,
                send_one(state, tenant_id, review, &r, true).await?,
            );
        }
    }
    Ok(total)
}

/// The schedule: reminds whoever is due in every open review.
pub async fn send_due_reminders(
    state: &Sender<'_>,
    now: DateTime<Utc>,
) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    for (tenant_id, review) in state.store.open_reviews(now.date_naive()).await? {
        add(
            &mut total,
            remind(state, tenant_id, &review, now, false).await?,
        );
    }
    Ok(total)
}

fn add(total: &mut Sent, s: Sent) {
    total.sent += s.sent;
    total.failed += s.failed;
    total.manual += s.manual;
}
