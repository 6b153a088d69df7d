//! The register in the browser: overview, organisations, memberships,
//! persons, seats, bodies, and every record's history.

mod bodies;
mod history;
mod invoices;
mod memberships;
mod organisations;
mod overview;
mod persons;
mod rates;
mod seats;

use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<crate::AppState> {
    Router::new()
        .route("/", get(overview::page))
        .route(
            "/organisations",
            get(organisations::list).post(organisations::create),
        )
        .route("/organisations/new", get(organisations::new_form))
        .route("/organisations/{id}", get(organisations::page))
        .route(
            "/organisations/{id}/edit",
            get(organisations::edit_form).post(organisations::update),
        )
        .route("/organisations/{id}/notes", post(organisations::notes))
        .route("/organisations/{id}/history", get(history::organisation))
        .route("/memberships", post(memberships::create))
        .route("/memberships/new", get(memberships::new_form))
        .route("/memberships/{id}", get(memberships::page))
        .route(
            "/memberships/{id}/edit",
            get(memberships::edit_form).post(memberships::update),
        )
        .route("/memberships/{id}/end", post(memberships::end))
        .route("/memberships/{id}/privacy", post(memberships::secrecy))
        .route("/memberships/{id}/invoices", post(invoices::create))
        .route("/memberships/{id}/invoices/new", get(invoices::new_form))
        .route(
            "/invoices/{id}/edit",
            get(invoices::edit_form).post(invoices::update),
        )
        .route("/invoices/{id}/delete", post(invoices::delete))
        .route("/rates", get(rates::page))
        .route("/memberships/{id}/history", get(history::membership))
        .route("/persons", get(persons::list).post(persons::create))
        .route("/persons/new", get(persons::new_form))
        .route("/persons/{id}", get(persons::page))
        .route(
            "/persons/{id}/edit",
            get(persons::edit_form).post(persons::update),
        )
        .route("/persons/{id}/history", get(history::person))
        .route("/persons/{id}/terms", post(persons::add_term))
        .route("/terms/{id}/delete", post(persons::delete_term))
        .route("/seats", post(seats::create))
        .route("/seats/new", get(seats::new_form))
        .route(
            "/seats/{id}/edit",
            get(seats::edit_form).post(seats::update),
        )
        .route("/seats/{id}/end", post(seats::end))
        .route("/seats/{id}/history", get(history::seat))
        .route("/bodies", get(bodies::list).post(bodies::create))
        .route("/bodies/new", get(bodies::new_form))
        .route(
            "/bodies/{id}/edit",
            get(bodies::edit_form).post(bodies::update),
        )
        .route("/bodies/{id}/history", get(history::body))
}

/// What a failed save shows next to the form: field errors, or a note that
/// someone else changed the record first.
pub(crate) fn save_errors(
    e: oversyn_store::StoreError,
) -> Result<oversyn_core::FieldErrors, crate::error::PageError> {
    use oversyn_store::StoreError;
    match e {
        StoreError::Invalid(errors) => Ok(errors),
        StoreError::Stale => {
            let mut errors = oversyn_core::FieldErrors::new();
            errors.add("version", "error-stale");
            Ok(errors)
        }
        e => Err(e.into()),
    }
}

/// Saves a parsed form and redirects to the page `to` names; or hands back
/// the errors to show next to the form (invalid input, or a stale edit).
pub(crate) async fn save<C, R>(
    parsed: Result<C, oversyn_core::FieldErrors>,
    store: impl AsyncFnOnce(C) -> Result<R, oversyn_store::StoreError>,
    to: impl FnOnce(&R) -> String,
) -> Result<Result<axum::response::Response, oversyn_core::FieldErrors>, crate::error::PageError> {
    use axum::response::IntoResponse;
    let cmd = match parsed {
        Ok(c) => c,
        Err(errors) => return Ok(Err(errors)),
    };
    match store(cmd).await {
        Ok(r) => Ok(Ok(axum::response::Redirect::to(&to(&r)).into_response())),
        Err(e) => Ok(Err(save_errors(e)?)),
    }
}
