//! The JSON API under `/api/v1/`: every register entity, read by any
//! signed-in role, written by editors and admins, authenticated with
//! personal bearer tokens. Errors are `application/problem+json`.
//!
//! One list of routes ([`routes`]) makes both the router and the OpenAPI
//! document, so an endpoint cannot be served without being described.

mod analysis;
mod auth;
mod cases;
mod followup;
pub(crate) mod model;
mod money;
mod oparl;
pub mod openapi;
mod opendata;
mod overrides;
mod people;
pub(crate) mod problem;
mod profile;
mod records;
mod register;
mod responses;
mod reviews;

pub use auth::ApiUser;
pub use problem::Problem;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Decision documents may be larger than the default body limit.
const MAX_DOCUMENT: usize = oversyn_import::text::MAX_BYTES + 64 * 1024;

/// Everything under `/api`: the documented routes, the document itself,
/// and problem+json for what matches none.
pub fn router() -> Router<crate::AppState> {
    let (documented, _) = routes().split_for_parts();
    documented
        .route("/openapi.json", get(openapi::document))
        .fallback(problem::not_found)
        .layer(axum::middleware::from_fn(problem::errors_as_problems))
}

/// Every API endpoint with its OpenAPI description; paths are relative to `/api`.
pub(crate) fn routes() -> OpenApiRouter<crate::AppState> {
    let documents = OpenApiRouter::new()
        .routes(routes!(cases::parse))
        .routes(routes!(cases::parse_all))
        .routes(routes!(cases::import))
        .layer(DefaultBodyLimit::max(MAX_DOCUMENT));
    OpenApiRouter::new()
        .routes(routes!(
            register::list_organisations,
            register::create_organisation
        ))
        .routes(routes!(
            register::get_organisation,
            register::update_organisation
        ))
        .routes(routes!(
            register::list_memberships,
            register::create_membership
        ))
        .routes(routes!(
            register::get_membership,
            register::update_membership
        ))
        .routes(routes!(register::end_membership))
        .routes(routes!(money::list_invoices, money::create_invoice))
        .routes(routes!(
            money::get_invoice,
            money::update_invoice,
            money::delete_invoice
        ))
        .routes(routes!(money::list_rates))
        .routes(routes!(money::fee_totals))
        .routes(routes!(register::list_persons, register::create_person))
        .routes(routes!(register::get_person, register::update_person))
        .routes(routes!(register::list_bodies, register::create_body))
        .routes(routes!(register::get_body, register::update_body))
        .routes(routes!(register::list_seats, register::create_seat))
        .routes(routes!(register::get_seat, register::update_seat))
        .routes(routes!(register::end_seat))
        .routes(routes!(register::history))
        .routes(routes!(people::list_terms, people::create_term))
        .routes(routes!(people::delete_term))
        .routes(routes!(people::representation))
        .routes(routes!(cases::list_cases, cases::create_case))
        .merge(documents)
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::akn))
        .routes(routes!(cases::add_position))
        .routes(routes!(cases::decide))
        .routes(routes!(opendata::popolo))
        .routes(routes!(oparl::list))
        .routes(routes!(followup::list_actions))
        .routes(routes!(followup::list_events))
        .routes(routes!(reviews::list_reviews))
        .routes(routes!(reviews::results))
        .routes(routes!(overrides::history, overrides::record))
        .routes(routes!(analysis::api))
        .routes(routes!(profile::get_profile, profile::set_profile))
        .routes(routes!(records::list_documents, records::register_document))
        .routes(routes!(
            records::withhold_document,
            records::release_document
        ))
        .routes(routes!(
            records::withhold_membership,
            records::release_membership
        ))
        .routes(routes!(records::list_grounds))
        .routes(routes!(records::list_answers))
        .routes(routes!(records::withhold_answer, records::release_answer))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(records::attach_file, records::document_file))
                .layer(DefaultBodyLimit::max(
                    oversyn_store::cases::MAX_FILE + 64 * 1024,
                )),
        )
}
