//! The kinds of background work and how one attempt is made. Each attempt
//! first checks that the work is still wanted — the respondent may have
//! answered, the action may be done — so a job queued an hour ago and
//! retried now never sends what is no longer true.

use super::Outcome;
use crate::Sender;
use crate::reviews::mailing::{self, Batch, Sent};
use chrono::{NaiveDate, Utc};
use oversyn_mail::MailError;
use oversyn_store::StoreError;
use oversyn_store::jobs::{Job, NewJob};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Work {
    /// The first message with a personal link.
    Invitation { review_id: i64, respondent_id: i64 },
    /// Reminder number `number` (1 for the first) to a respondent.
    Reminder {
        review_id: i64,
        respondent_id: i64,
        number: i64,
    },
    /// The e-mail to an action's owner before its due day, found due on `on`.
    ActionReminder { action_id: i64, on: NaiveDate },
    /// An event participant's link to their short report.
    ReportLink { report_id: i64 },
    /// The day's removal of respondents' identities in one tenant.
    Retention { tenant_id: i64, on: NaiveDate },
}

impl Work {
    fn kind(&self) -> &'static str {
        match self {
            Work::Invitation { .. } => "invitation",
            Work::Reminder { .. } => "reminder",
            Work::ActionReminder { .. } => "action_reminder",
            Work::ReportLink { .. } => "report_link",
            Work::Retention { .. } => "retention",
        }
    }

    /// What the work is about; equal keys are the same work.
    fn key(&self) -> String {
        match self {
            Work::Invitation { respondent_id, .. } => format!("invitation:{respondent_id}"),
            Work::Reminder {
                respondent_id,
                number,
                ..
            } => format!("reminder:{respondent_id}:{number}"),
            Work::ActionReminder { action_id, .. } => format!("action-reminder:{action_id}"),
            Work::ReportLink { report_id } => format!("report-link:{report_id}"),
            Work::Retention { tenant_id, on } => format!("retention:{tenant_id}:{on}"),
        }
    }

    pub(crate) fn job(&self, tenant_id: i64) -> NewJob {
        NewJob {
            tenant_id,
            kind: self.kind().to_owned(),
            key: self.key(),
            payload: serde_json::to_string(self).expect("plain fields serialise"),
        }
    }

    pub(crate) fn parse(job: &Job) -> Option<Work> {
        serde_json::from_str(&job.payload).ok()
    }

    pub(crate) async fn run(
        &self,
        state: &Sender<'_>,
        context: &mut Context,
        tenant_id: i64,
    ) -> Result<Outcome, StoreError> {
        match *self {
            Work::Invitation {
                review_id,
                respondent_id,
            } => mail_respondent(state, context, tenant_id, review_id, respondent_id, None).await,
            Work::Reminder {
                review_id,
                respondent_id,
                number,
            } => {
                mail_respondent(
                    state,
                    context,
                    tenant_id,
                    review_id,
                    respondent_id,
                    Some(number),
                )
                .await
            }
            Work::ActionReminder { action_id, on } => {
                // A retry on a later day says how many days are left then.
                let today = on.max(Utc::now().date_naive());
                let city = context.city(state, tenant_id).await?;
                Ok(
                    match crate::followup::reminders::send_one(
                        state, tenant_id, action_id, &city, today,
                    )
                    .await?
                    {
                        Ok(sent) => Outcome::Done(sent),
                        Err(e) => failure(e),
                    },
                )
            }
            Work::Retention { tenant_id, on } => {
                crate::privacy::apply_retention(state.store, tenant_id, on).await?;
                Ok(Outcome::Done(Sent::default()))
            }
            Work::ReportLink { report_id } => Ok(
                match crate::followup::report_links::send_one(state, tenant_id, report_id).await? {
                    Ok(sent) => Outcome::Done(sent),
                    Err(e) => failure(e),
                },
            ),
        }
    }
}

/// A refused address cannot be helped by waiting; everything else can.
fn failure(e: MailError) -> Outcome {
    match e {
        MailError::Address(_) => Outcome::GiveUp(e.to_string()),
        _ => Outcome::Retry(e.to_string()),
    }
}

/// What the jobs of one run share, read once per tenant.
#[derive(Default)]
pub(crate) struct Context {
    batches: HashMap<i64, Batch>,
}

impl Context {
    async fn batch(&mut self, state: &Sender<'_>, tenant_id: i64) -> Result<&Batch, StoreError> {
        Ok(match self.batches.entry(tenant_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Batch::load(state, tenant_id).await?)
            }
        })
    }

    async fn city(&mut self, state: &Sender<'_>, tenant_id: i64) -> Result<String, StoreError> {
        Ok(self.batch(state, tenant_id).await?.city.clone())
    }
}

/// An invitation (`reminder` None) or reminder number `reminder`, if the
/// respondent still should get it.
async fn mail_respondent(
    state: &Sender<'_>,
    context: &mut Context,
    tenant_id: i64,
    review_id: i64,
    respondent_id: i64,
    reminder: Option<i64>,
) -> Result<Outcome, StoreError> {
    let nothing = Ok(Outcome::Done(Sent::default()));
    let (review, r) = match (
        state.store.review(tenant_id, review_id).await,
        state.store.respondent(tenant_id, respondent_id).await,
    ) {
        (Ok(review), Ok(r)) => (review, r),
        // Removed since it was queued.
        (Err(StoreError::NotFound), _) | (_, Err(StoreError::NotFound)) => return nothing,
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let wanted = match reminder {
        None => r.invited_at.is_none(),
        Some(n) => {
            r.submitted_at.is_none()
                && r.reminders_sent < n
                && review.is_open(Utc::now().date_naive())
                && !review.illustrative
        }
    };
    if !wanted || r.email.is_none() {
        return nothing;
    }
    let batch = context.batch(state, tenant_id).await?;
    Ok(
        match mailing::deliver(state, batch, tenant_id, &review, &r, reminder.is_some()).await? {
            Ok(sent) => Outcome::Done(sent),
            Err(e) => failure(e),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_reads_back_from_its_job() {
        for w in [
            Work::Invitation {
                review_id: 1,
                respondent_id: 2,
            },
            Work::Reminder {
                review_id: 1,
                respondent_id: 2,
                number: 3,
            },
            Work::ActionReminder {
                action_id: 9,
                on: NaiveDate::from_ymd_opt(2030, 3, 1).unwrap(),
            },
            Work::ReportLink { report_id: 4 },
        ] {
            let j = w.job(7);
            let stored = Job {
                id: 1,
                tenant_id: j.tenant_id,
                kind: j.kind.clone(),
                key: j.key.clone(),
                payload: j.payload.clone(),
                status: oversyn_core::jobs::JobStatus::Queued,
                attempts: 0,
                max_attempts: 6,
                run_at: String::new(),
                locked_by: None,
                last_error: None,
                created_at: String::new(),
                updated_at: String::new(),
            };
            assert_eq!(Work::parse(&stored), Some(w));
        }
    }

    #[test]
    fn the_second_reminder_is_other_work_than_the_first() {
        let first = Work::Reminder {
            review_id: 1,
            respondent_id: 2,
            number: 1,
        };
        let second = Work::Reminder {
            review_id: 1,
            respondent_id: 2,
            number: 2,
        };
        assert_ne!(first.key(), second.key());
        assert_eq!(first.key(), first.clone().key());
    }
}
