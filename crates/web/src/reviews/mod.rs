//! Reviews in the browser: the strategy, review rounds, respondents,
//! invitations and reminders, the outbox, progress and results.

mod list;
mod outbox;
mod page;
mod questions;
pub mod results;
mod strategy;

use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<crate::AppState> {
    Router::new()
        .route("/strategy", get(strategy::page).post(strategy::save))
        .route("/reviews", get(list::list).post(list::create))
        .route("/reviews/new", get(list::new_form))
        .route("/reviews/{id}", get(page::page))
        .route("/reviews/{id}/respondents", post(page::add_respondent))
        .route(
            "/reviews/{id}/respondents/proposed",
            post(page::add_proposed),
        )
        .route(
            "/reviews/{id}/respondents/{rid}/delete",
            post(page::remove_respondent),
        )
        .route("/reviews/{id}/invite", post(page::invite))
        .route("/reviews/{id}/remind", post(page::remind))
        .route("/reviews/{id}/results", get(results::page))
        .route(
            "/reviews/{id}/answers/{answer}/privacy",
            post(results::answer_secrecy),
        )
        .route("/reviews/{id}/analysis", get(crate::analysis::page))
        .route(
            "/reviews/{id}/analysis/sensitivity/{n}",
            get(crate::analysis::sensitivity),
        )
        .route(
            "/reviews/{id}/analysis/{membership}/override",
            get(crate::analysis::overrides::page).post(crate::analysis::overrides::save),
        )
        .route("/reviews/{id}/report", get(crate::analysis::download))
        .route(
            "/reviews/{id}/questions",
            get(questions::page).post(questions::add),
        )
        .route(
            "/reviews/{id}/questions/{qid}/delete",
            post(questions::remove),
        )
        .route("/reviews/{id}/outbox", get(outbox::page))
        .route("/reviews/{id}/respondents/{rid}/link", post(outbox::link))
}

/// Counts per membership and overall: invited, opened, answered.
#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub respondents: usize,
    pub invited: usize,
    pub opened: usize,
    pub answered: usize,
}

impl Progress {
    pub fn of<'a>(rs: impl Iterator<Item = &'a oversyn_store::reviews::Respondent>) -> Progress {
        let mut p = Progress::default();
        for r in rs {
            p.respondents += 1;
            p.invited += usize::from(r.invited_at.is_some());
            p.opened += usize::from(r.opened_at.is_some());
            p.answered += usize::from(r.submitted_at.is_some());
        }
        p
    }

    /// Answered as a share of respondents, in whole percent.
    pub fn rate(&self) -> u32 {
        (100 * self.answered)
            .checked_div(self.respondents)
            .unwrap_or(0) as u32
    }
}
