//! The JSON API under `/api/v1/`: every register entity, read by any
//! signed-in role, written by editors and admins, authenticated with
//! personal bearer tokens. Errors are `application/problem+json`.

mod auth;
mod cases;
mod followup;
pub(crate) mod model;
mod oparl;
pub mod openapi;
mod opendata;
mod overrides;
mod problem;
mod register;
mod responses;
mod reviews;

pub use auth::ApiUser;
pub use problem::Problem;

use axum::Router;
use axum::extract::DefaultBodyLimit;

/// Decision documents may be larger than the default body limit.
const MAX_DOCUMENT: usize = oversyn_import::text::MAX_BYTES + 64 * 1024;
use axum::routing::{get, post};

pub fn router() -> Router<crate::AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::document))
        .route(
            "/v1/organisations",
            get(register::list_organisations).post(register::create_organisation),
        )
        .route(
            "/v1/organisations/{id}",
            get(register::get_organisation).put(register::update_organisation),
        )
        .route(
            "/v1/memberships",
            get(register::list_memberships).post(register::create_membership),
        )
        .route(
            "/v1/memberships/{id}",
            get(register::get_membership).put(register::update_membership),
        )
        .route("/v1/memberships/{id}/end", post(register::end_membership))
        .route(
            "/v1/persons",
            get(register::list_persons).post(register::create_person),
        )
        .route(
            "/v1/persons/{id}",
            get(register::get_person).put(register::update_person),
        )
        .route(
            "/v1/bodies",
            get(register::list_bodies).post(register::create_body),
        )
        .route(
            "/v1/bodies/{id}",
            get(register::get_body).put(register::update_body),
        )
        .route(
            "/v1/seats",
            get(register::list_seats).post(register::create_seat),
        )
        .route(
            "/v1/seats/{id}",
            get(register::get_seat).put(register::update_seat),
        )
        .route("/v1/seats/{id}/end", post(register::end_seat))
        .route("/v1/history/{entity}/{id}", get(register::history))
        .route("/v1/cases", get(cases::list_cases).post(cases::create_case))
        .route(
            "/v1/cases/parse",
            post(cases::parse).layer(DefaultBodyLimit::max(MAX_DOCUMENT)),
        )
        .route(
            "/v1/cases/import",
            post(cases::import).layer(DefaultBodyLimit::max(MAX_DOCUMENT)),
        )
        .route("/v1/cases/{id}", get(cases::get_case))
        .route("/v1/cases/{id}/akn", get(cases::akn))
        .route("/v1/cases/{id}/positions", post(cases::add_position))
        .route("/v1/cases/{id}/decisions", post(cases::decide))
        .route("/v1/popolo", get(opendata::popolo))
        .route("/v1/oparl/{resource}", get(oparl::list))
        .route("/v1/actions", get(followup::list_actions))
        .route("/v1/events", get(followup::list_events))
        .route("/v1/reviews", get(reviews::list_reviews))
        .route("/v1/reviews/{id}/results", get(reviews::results))
        .route(
            "/v1/reviews/{id}/overrides",
            get(overrides::history).post(overrides::record),
        )
        .route("/v1/reviews/{id}/analysis", get(crate::analysis::api))
        .fallback(problem::not_found)
        .layer(axum::middleware::from_fn(problem::errors_as_problems))
}
