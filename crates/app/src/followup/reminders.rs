//! E-mail reminders before an action's due day: once per action, to its
//! owner's address, a set number of days ahead.

use crate::Sender;
use chrono::NaiveDate;
use oversyn_i18n::{Lang, Text};
use oversyn_store::StoreError;

/// How many days before the due day the reminder goes out.
pub const DAYS_AHEAD: i64 = 14;

/// Sends the reminders due on `today`; returns (sent, failed).
pub async fn send_due(state: &Sender<'_>, today: NaiveDate) -> Result<(usize, usize), StoreError> {
    let (mut sent, mut failed) = (0, 0);
    if !state.mailer.sends() {
        return Ok((0, 0));
    }
    for t in state.store.tenants().await? {
        for a in state.store.actions(t.id).await? {
            let (Some(due), Some(to)) = (a.fields.due, a.fields.owner_email.as_deref()) else {
                continue;
            };
            let days_left = (due - today).num_days();
            if !a.action.is_open()
                || a.reminded_on.is_some()
                || !(0..=DAYS_AHEAD).contains(&days_left)
            {
                continue;
            }
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
                            ("days", days_left.to_string()),
                        ],
                    ),
                    state.public_url.trim_end_matches('/'),
                    a.id,
                    l.t1("mail-action-signature", "city", &t.name),
                ),
            };
            match state.mailer.send(&m).await {
                Ok(()) => {
                    state.store.mark_action_reminded(t.id, a.id, today).await?;
                    sent += 1;
                }
                Err(e) => {
                    tracing::warn!(error = %e, action = a.id, "action reminder failed");
                    failed += 1;
                }
            }
        }
    }
    Ok((sent, failed))
}
