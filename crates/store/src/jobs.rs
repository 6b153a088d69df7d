//! The job queue's engine: jobs are rows, queued once per key and claimed
//! with a lease by one instance at a time. On PostgreSQL a claim takes its
//! rows with `FOR UPDATE SKIP LOCKED`, so instances claiming at once get
//! different jobs without waiting on each other; on SQLite writers take
//! turns (`BEGIN IMMEDIATE`), which gives the same guarantee.
//!
//! Finishing or failing a job checks that the caller still holds it: an
//! instance whose lease ran out (it stalled, and another took the job
//! over) cannot overwrite the other's outcome.

use crate::codec::now;
use crate::{Backend, Store, StoreError};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use oversyn_core::jobs::{AfterFailure, JobStatus, MAX_ATTEMPTS};
use sqlx::Row;
use sqlx::any::AnyRow;

/// A job to queue.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub tenant_id: i64,
    /// What kind of work (the app layer's names, e.g. `mail`).
    pub kind: String,
    /// What the job is about; a second job with the same key is not queued.
    pub key: String,
    /// The work's parameters as JSON; never personal links or passwords.
    pub payload: String,
}

#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub tenant_id: i64,
    pub kind: String,
    pub key: String,
    pub payload: String,
    pub status: JobStatus,
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_at: String,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

const COLUMNS: &str = "id, tenant_id, kind, job_key, payload, status, attempts, max_attempts, run_at, locked_by, last_error, created_at, updated_at";

fn row(r: &AnyRow) -> Result<Job, sqlx::Error> {
    let status: String = r.try_get("status")?;
    Ok(Job {
        id: r.try_get("id")?,
        tenant_id: r.try_get("tenant_id")?,
        kind: r.try_get("kind")?,
        key: r.try_get("job_key")?,
        payload: r.try_get("payload")?,
        status: JobStatus::parse(&status).unwrap_or(JobStatus::Failed),
        attempts: r.try_get("attempts")?,
        max_attempts: r.try_get("max_attempts")?,
        run_at: r.try_get("run_at")?,
        locked_by: r.try_get("locked_by")?,
        last_error: r.try_get("last_error")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Ids as a SQL list; they are integers, so formatting them in is safe.
fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Queues each job unless one with its key exists. With `again`, a
    /// job of the same key that was given up is queued again (someone
    /// asked for the work explicitly). Returns the ids of the jobs now
    /// waiting for these keys, for a caller that works them at once.
    pub async fn enqueue(&self, jobs: &[NewJob], again: bool) -> Result<Vec<i64>, StoreError> {
        let t = now();
        let mut tx = self.write_tx().await?;
        let mut waiting = Vec::new();
        for j in jobs {
            sqlx::query(
                "INSERT INTO jobs (tenant_id, kind, job_key, payload, status, attempts, max_attempts, run_at, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, 'queued', 0, $5, $6, $6, $6)
                 ON CONFLICT (job_key) DO NOTHING",
            )
            .bind(j.tenant_id)
            .bind(&j.kind)
            .bind(&j.key)
            .bind(&j.payload)
            .bind(MAX_ATTEMPTS)
            .bind(&t)
            .execute(&mut *tx)
            .await?;
            if again {
                sqlx::query(
                    "UPDATE jobs SET status = 'queued', attempts = 0, run_at = $1, last_error = NULL, locked_by = NULL, lease_until = NULL, updated_at = $1
                     WHERE job_key = $2 AND status = 'failed'",
                )
                .bind(&t)
                .bind(&j.key)
                .execute(&mut *tx)
                .await?;
            }
            let id: Option<i64> =
                sqlx::query_scalar("SELECT id FROM jobs WHERE job_key = $1 AND status = 'queued'")
                    .bind(&j.key)
                    .fetch_optional(&mut *tx)
                    .await?;
            waiting.extend(id);
        }
        tx.commit().await?;
        Ok(waiting)
    }

    /// Claims up to `limit` jobs that are due at `now` (or whose holder's
    /// lease has run out) for `worker`, until `now + lease`; with `only`,
    /// just those of these ids. Each claim counts as an attempt.
    pub async fn claim_jobs(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: i64,
        only: Option<&[i64]>,
    ) -> Result<Vec<Job>, StoreError> {
        if only.is_some_and(|ids| ids.is_empty()) {
            return Ok(Vec::new());
        }
        let filter = only
            .map(|ids| format!(" AND id IN ({})", id_list(ids)))
            .unwrap_or_default();
        let lock = match self.backend() {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE jobs SET status = 'running', locked_by = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
             WHERE id IN (
               SELECT id FROM jobs
               WHERE ((status = 'queued' AND run_at <= $3) OR (status = 'running' AND lease_until < $3)){filter}
               ORDER BY run_at, id LIMIT $4{lock})
             RETURNING {COLUMNS}"
        );
        let mut tx = self.write_tx().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(worker)
            .bind(stamp(now + lease))
            .bind(stamp(now))
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut jobs = rows.iter().map(row).collect::<Result<Vec<_>, _>>()?;
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    /// Marks a held job done; false when `worker` no longer holds it.
    pub async fn finish_job(&self, id: i64, worker: &str) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "UPDATE jobs SET status = 'done', lease_until = NULL, last_error = NULL, updated_at = $1
             WHERE id = $2 AND locked_by = $3 AND status = 'running'",
        )
        .bind(now())
        .bind(id)
        .bind(worker)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    /// Records a held job's failed attempt: queued again for later, or
    /// given up. False when `worker` no longer holds it.
    pub async fn fail_job(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        next: AfterFailure,
    ) -> Result<bool, StoreError> {
        let (status, run_at) = match next {
            AfterFailure::RetryAt(at) => (JobStatus::Queued, Some(stamp(at))),
            AfterFailure::GiveUp => (JobStatus::Failed, None),
        };
        let n = sqlx::query(
            "UPDATE jobs SET status = $1, run_at = COALESCE($2, run_at), last_error = $3, lease_until = NULL, updated_at = $4
             WHERE id = $5 AND locked_by = $6 AND status = 'running'",
        )
        .bind(status.code())
        .bind(run_at)
        .bind(error)
        .bind(now())
        .bind(id)
        .bind(worker)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    /// A tenant's jobs that are not done, newest first (the admin's list).
    pub async fn open_jobs(&self, tenant_id: i64, limit: i64) -> Result<Vec<Job>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM jobs WHERE tenant_id = $1 AND status <> 'done' ORDER BY id DESC LIMIT $2"
        )))
        .bind(tenant_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(row).collect::<Result<_, _>>()?)
    }

    /// One of a tenant's jobs.
    pub async fn job(&self, tenant_id: i64, id: i64) -> Result<Job, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM jobs WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(row(&r)?)
    }

    /// Queues a given-up job of the tenant again, from its first attempt.
    pub async fn retry_job(&self, tenant_id: i64, id: i64) -> Result<(), StoreError> {
        let t = now();
        let n = sqlx::query(
            "UPDATE jobs SET status = 'queued', attempts = 0, run_at = $1, last_error = NULL, locked_by = NULL, updated_at = $1
             WHERE tenant_id = $2 AND id = $3 AND status = 'failed'",
        )
        .bind(&t)
        .bind(tenant_id)
        .bind(id)
        .execute(self.pool())
        .await?
        .rows_affected();
        if n == 1 {
            return Ok(());
        }
        self.job(tenant_id, id).await?;
        Err(StoreError::Conflict(
            "only a failed job can be retried".into(),
        ))
    }

    /// Removes done jobs last touched before `before`; their outcome is
    /// kept where it matters (the mail log, an action's reminded day).
    pub async fn prune_jobs(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(
            sqlx::query("DELETE FROM jobs WHERE status = 'done' AND updated_at < $1")
                .bind(stamp(before))
                .execute(self.pool())
                .await?
                .rows_affected(),
        )
    }
}
