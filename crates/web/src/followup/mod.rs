//! Follow-up in the browser: actions with their notice warnings, actions
//! made from a decided case, events with journeys and their CO₂, the
//! calendar page and its iCalendar feeds, and the public list of events.

mod actions;
pub mod calendar;
mod events;
mod intake;
mod reports;
pub mod representation;

use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<crate::AppState> {
    Router::new()
        .route("/actions", get(actions::list).post(actions::create))
        .route("/actions/new", get(actions::new_form))
        .route(
            "/actions/{id}",
            get(actions::edit_form).post(actions::update),
        )
        .route("/cases/{id}/actions", post(actions::from_case))
        .route(
            "/actions/{id}/files",
            post(actions::upload).layer(axum::extract::DefaultBodyLimit::max(
                oversyn_store::cases::MAX_FILE + 64 * 1024,
            )),
        )
        .route("/events", get(events::list).post(events::create))
        .route("/events/new", get(events::new_form))
        .route("/events/{id}", get(events::page))
        .route("/events/{id}/journeys", post(events::add_journey))
        .route("/calendar", get(calendar::page).post(calendar::new_feed))
        .route(
            "/representation",
            get(representation::page).post(representation::save_policy),
        )
        .route("/calendar/feed/{token}", get(calendar::feed))
        .route("/public/{tenant}/events", get(events::public))
        .route("/events/{id}/reports", post(reports::send_links))
        .route("/report/{token}", get(reports::form).post(reports::submit))
        .route("/intake", get(intake::list).post(intake::create))
        .route("/intake/{id}/accept", post(intake::accept))
        .route("/intake/{id}/decline", post(intake::decline))
}
