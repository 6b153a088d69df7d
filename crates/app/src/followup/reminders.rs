//! E-mail reminders before an action's due day: once per action, to its
//! owner's address, a set number of days ahead. Each is a job
//! (`crate::jobs`), so several instances send it once.

use crate::Sender;
use crate::jobs::{self, Work};
use crate::reviews::mailing::Sent;
use chrono::NaiveDate;
use oversyn_i18n::{Lang, Text};
use oversyn_mail::MailError;
use oversyn_store::StoreError;
use oversyn_store::followup::StoredAction;

/// How many days before the due day the reminder goes out.
pub const DAYS_AHEAD: i64 = 14;

/// Whether the action's owner should be reminded on `today`.
fn due_for_reminder(a: &StoredAction, today: NaiveDate) -> bool {
    let (Some(due), Some(_)) = (a.fields.due, a.fields.owner_email.as_deref()) else {
        return false;
    };
    a.action.is_open()
        && a.reminded_on.is_none()
        && (0..=DAYS_AHEAD).contains(&(due - today).num_days())
}

/// Queues the reminders due on `today` in every tenant; returns how many
/// wait. Only where mail leaves by itself: there is no outbox for them.
pub async fn queue_due(state: &Sender<'_>, today: NaiveDate) -> Result<usize, StoreError> {
    let mut queued = 0;
    if !state.mailer.sends() {
        return Ok(0);
    }
    for t in state.store.tenants().await? {
        let work: Vec<Work> = state
            .store
            .actions(t.id)
            .await?
            .iter()
            .filter(|a| due_for_reminder(a, today))
            .map(|a| Work::ActionReminder {
                action_id: a.id,
                on: today,
            })
            .collect();
        if !work.is_empty() {
            queued += jobs::enqueue(state.store, t.id, &work, false).await?.len();
        }
    }
    Ok(queued)
}

/// Queues the reminders due on `today` and sends them now; returns (sent, failed).
pub async fn send_due(state: &Sender<'_>, today: NaiveDate) -> Result<(usize, usize), StoreError> {
    queue_due(state, today).await?;
    let s = jobs::run_due(state, chrono::Utc::now()).await?;
    Ok((s.sent, s.failed))
}

/// Sends one action's reminder if it is still due; the inner error is a
/// refused message, for the job to retry.
pub(crate) async fn send_one(
    state: &Sender<'_>,
    tenant_id: i64,
    action_id: i64,
    city: &str,
    today: NaiveDate,
) -> Result<Result<Sent, MailError>, StoreError> {
    let a = match state.store.action(tenant_id, action_id).await {
        Ok(a) => a,
        Err(StoreError::NotFound) => return Ok(Ok(Sent::default())),
        Err(e) => return Err(e),
    };
    if !due_for_reminder(&a, today) {
        return Ok(Ok(Sent::default()));
    }
    let (Some(due), Some(to)) = (a.fields.due, a.fields.owner_email.as_deref()) else {
        return Ok(Ok(Sent::default()));
    };
    // Actions have no language of their own; the city's is Swedish.
    let l = Lang::Sv;
    let title = a.fields.title.clone();
    let m = oversyn_mail::Outgoing {
        to: to.to_owned(),
        subject: l.t_args(
            "mail-action-subject",
            &[("title", title.clone()), ("due", due.to_string())],
        ),
        body: format!(
            "{}\n\n{}\n\n{}/actions/{}\n\n{}\n",
            l.t1("mail-greeting", "name", &a.fields.owner),
            l.t_args(
                "mail-action-due",
                &[
                    ("title", title),
                    ("organisations", a.action.organisations.join(", ")),
                    ("due", due.to_string()),
                    ("days", (due - today).num_days().to_string()),
                ],
            ),
            state.public_url.trim_end_matches('/'),
            a.id,
            l.t1("mail-action-signature", "city", city),
        ),
    };
    if let Err(e) = state.mailer.send(&m).await {
        tracing::warn!(error = %e, action = a.id, "action reminder failed");
        return Ok(Err(e));
    }
    state
        .store
        .mark_action_reminded(tenant_id, a.id, today)
        .await?;
    Ok(Ok(Sent {
        sent: 1,
        ..Sent::default()
    }))
}
