//! The e-mail that gives an event's participant the link to their short
//! report. A job (`crate::jobs`): the link is made when the message is
//! sent, so no token waits in the queue unhashed, and a retry sends a new
//! link (the earlier one stops working).

use crate::Sender;
use crate::reviews::mailing::Sent;
use oversyn_mail::MailError;
use oversyn_store::StoreError;

/// Sends participant report `report_id` a new link if it is not yet
/// submitted and the person has an address; the inner error is a refused
/// message, for the job to retry.
pub(crate) async fn send_one(
    state: &Sender<'_>,
    tenant_id: i64,
    report_id: i64,
) -> Result<Result<Sent, MailError>, StoreError> {
    let Some((report, token)) = state.store.renew_report_link(tenant_id, report_id).await? else {
        return Ok(Ok(Sent::default()));
    };
    let email = match report.person_id {
        Some(p) => state.store.person(tenant_id, p).await?.email,
        None => None,
    };
    let Some(to) = email else {
        return Ok(Ok(Sent::default()));
    };
    let event = state.store.event(tenant_id, report.event_id).await?;
    let title = &event.fields.title;
    let url = format!("{}/report/{token}", state.public_url.trim_end_matches('/'));
    let m = oversyn_mail::Outgoing {
        to,
        subject: format!("Rapport efter {title} / Report after {title}"),
        body: format!(
            "Hej {},\n\nBerätta på tre minuter vad staden lärde sig, delade och påverkade vid {title}:\n{url}\n\nTell us in three minutes what the city learned, shared and influenced at {title}:\n{url}\n",
            report.traveller
        ),
    };
    Ok(state.mailer.send(&m).await.map(|()| Sent {
        sent: 1,
        ..Sent::default()
    }))
}
