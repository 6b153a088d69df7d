//! E-mail reminders before an action's due day: once per action, to its
//! owner's address, a set number of days ahead.

use crate::Sender;
use chrono::NaiveDate;
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
            let m = oversyn_mail::Outgoing {
                to: to.to_owned(),
                subject: format!("Påminnelse: {} (senast {due})", a.fields.title),
                body: format!(
                    "Hej {},\n\nÅtgärden \"{}\" ({}) ska vara klar senast {due}, om {days_left} dagar.\n\n{}/actions/{}\n\n— Översyn, {}\n",
                    a.fields.owner,
                    a.fields.title,
                    a.action.organisations.join(", "),
                    state.public_url.trim_end_matches('/'),
                    a.id,
                    t.name
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
