//! The tenant admin's view of background work: mail that waits, is being
//! retried, or was given up, with a button to queue a given-up one again.

use crate::AppState;
use crate::context::{Admin, CsrfForm};
use crate::error::PageError;
use crate::views::Chrome;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use oversyn_core::jobs::JobStatus;
use oversyn_store::jobs::Job;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/jobs", get(list))
        .route("/admin/jobs/{id}/retry", post(retry))
}

/// A form with nothing but its CSRF token.
#[derive(serde::Deserialize)]
pub struct Empty {}

/// How many open jobs the page lists.
const SHOWN: i64 = 500;

#[derive(Template)]
#[template(path = "jobs/list_content.html")]
struct JobsView {
    c: Chrome,
    jobs: Vec<Job>,
    failed: usize,
}

impl JobsView {
    fn is_failed(&self, j: &Job) -> bool {
        j.status == JobStatus::Failed
    }
}

/// Kept while the tenant's queue and data stay the same (migration 0026):
/// the worker's claims change the queue's version, not the tenant's.
async fn list(State(state): State<AppState>, Admin(s): Admin) -> Result<Response, PageError> {
    let stamp = state.store.job_queue_stamp(s.tenant()).await?;
    let c = Chrome::signed(&s, "jobs-title");
    crate::kept::page_at(&state, &s, ("jobs page", 0), stamp, c, |c| async {
        let jobs = state.store.open_jobs(s.tenant(), SHOWN).await?;
        let failed = jobs
            .iter()
            .filter(|j| j.status == JobStatus::Failed)
            .count();
        Ok(JobsView { c, jobs, failed })
    })
    .await
}

async fn retry(
    State(state): State<AppState>,
    Admin(s): Admin,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    state.store.retry_job(s.tenant(), id).await?;
    state
        .store
        .log_event(&s.actor(), "job", id, "retry", None::<&()>)
        .await?;
    // Worked now, not at the next poll: the admin sees the outcome at once.
    oversyn_app::jobs::run_now(&state.sender(), &[id]).await?;
    Ok(Redirect::to("/admin/jobs").into_response())
}
