//! Background work done exactly once across instances: every outgoing
//! mail is a job in the database (`oversyn_store::jobs`), claimed by one
//! instance with a lease, retried with growing waits when the mail server
//! refuses it, and shown to the tenant's admin when it was given up.
//!
//! Who does the work: the request that asked for it works its own jobs at
//! once (an officer who invites sees at once what went out); each serving
//! instance also polls for due jobs (retries, and jobs whose instance died
//! mid-way), and queues the reminders the schedules find due. Two instances
//! finding the same reminder due queue it once: a job's key names the
//! respondent and the reminder's number (or the action).
//!
//! Limits: a delivery is acknowledged by the mail server before the job is
//! marked done; an instance killed between the two leaves the job to be
//! claimed again when its lease ends, and that one message is sent twice.
//! Nothing else is.

mod work;

pub use work::Work;

use crate::Sender;
use crate::reviews::mailing::Sent;
use chrono::{DateTime, Duration, Utc};
use oversyn_core::jobs::{AfterFailure, LEASE, after_failure};
use oversyn_store::jobs::{Job, NewJob};
use oversyn_store::{Store, StoreError};

/// One instance's identity and retry settings.
#[derive(Debug, Clone)]
pub struct Worker {
    /// Unique per process: the claim's owner.
    pub id: String,
    /// The wait after the first failed attempt (it grows from there).
    pub retry_base: Duration,
}

impl Default for Worker {
    fn default() -> Worker {
        Worker::new(Duration::seconds(30))
    }
}

impl Worker {
    pub fn new(retry_base: Duration) -> Worker {
        let random = oversyn_store::auth::random_token();
        Worker {
            id: format!("{}-{}", std::process::id(), &random[..12]),
            retry_base,
        }
    }
}

/// How one attempt ended.
pub(crate) enum Outcome {
    /// Delivered (or found no longer needed).
    Done(Sent),
    /// Try again later.
    Retry(String),
    /// Retrying cannot help (e.g. an address the mail server cannot take).
    GiveUp(String),
}

/// Queues work once per key; with `again`, work that was given up is
/// queued again. Returns the ids now waiting.
pub async fn enqueue(
    store: &Store,
    tenant_id: i64,
    work: &[Work],
    again: bool,
) -> Result<Vec<i64>, StoreError> {
    let jobs: Vec<NewJob> = work.iter().map(|w| w.job(tenant_id)).collect();
    store.enqueue(&jobs, again).await
}

/// Claims and works the jobs `ids` now (those no other instance holds).
pub async fn run_now(state: &Sender<'_>, ids: &[i64]) -> Result<Sent, StoreError> {
    let jobs = state
        .store
        .claim_jobs(
            &state.worker.id,
            Utc::now(),
            LEASE,
            ids.len() as i64,
            Some(ids),
        )
        .await?;
    run(state, jobs).await
}

/// Claims and works every job that is due, a batch at a time.
pub async fn run_due(state: &Sender<'_>, now: DateTime<Utc>) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    loop {
        let jobs = state
            .store
            .claim_jobs(&state.worker.id, now, LEASE, 20, None)
            .await?;
        if jobs.is_empty() {
            return Ok(total);
        }
        total.add(run(state, jobs).await?);
    }
}

async fn run(state: &Sender<'_>, jobs: Vec<Job>) -> Result<Sent, StoreError> {
    let mut total = Sent::default();
    let mut context = work::Context::default();
    for job in jobs {
        let outcome = match Work::parse(&job) {
            Some(w) => w.run(state, &mut context, job.tenant_id).await,
            None => Ok(Outcome::GiveUp(format!("unknown job {}", job.kind))),
        };
        // A database error fails the attempt, not the whole batch: the job
        // is retried like a refused delivery.
        let outcome = outcome.unwrap_or_else(|e| Outcome::Retry(e.to_string()));
        let holds = match outcome {
            Outcome::Done(sent) => {
                total.add(sent);
                state.store.finish_job(job.id, &state.worker.id).await?
            }
            Outcome::Retry(error) => {
                total.failed += 1;
                let next = after_failure(
                    job.attempts,
                    job.max_attempts,
                    Utc::now(),
                    state.worker.retry_base,
                );
                if next == AfterFailure::GiveUp {
                    tracing::warn!(job = job.id, %error, "job given up");
                }
                state
                    .store
                    .fail_job(job.id, &state.worker.id, &error, next)
                    .await?
            }
            Outcome::GiveUp(error) => {
                total.failed += 1;
                tracing::warn!(job = job.id, %error, "job given up");
                state
                    .store
                    .fail_job(job.id, &state.worker.id, &error, AfterFailure::GiveUp)
                    .await?
            }
        };
        if !holds {
            tracing::warn!(
                job = job.id,
                "the job's lease ran out before it ended; another instance holds it"
            );
        }
    }
    Ok(total)
}

/// Queues each tenant's retention work for `today`, once a day across
/// every instance (the key names the tenant and the day).
pub async fn queue_retention(
    state: &Sender<'_>,
    today: chrono::NaiveDate,
) -> Result<usize, StoreError> {
    let mut queued = 0;
    for t in state.store.tenants().await? {
        let work = [Work::Retention {
            tenant_id: t.id,
            on: today,
        }];
        queued += enqueue(state.store, t.id, &work, false).await?.len();
    }
    Ok(queued)
}

/// The schedules: queues the review reminders and action reminders that
/// are due, then works whatever is due. Every instance may call it.
pub async fn tick(state: &Sender<'_>, now: DateTime<Utc>) -> Result<Sent, StoreError> {
    crate::reviews::mailing::queue_due_reminders(state, now).await?;
    crate::followup::reminders::queue_due(state, now.date_naive()).await?;
    queue_retention(state, now.date_naive()).await?;
    let sent = run_due(state, now).await?;
    state.store.prune_jobs(now - Duration::days(30)).await?;
    Ok(sent)
}
