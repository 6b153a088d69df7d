//! Decision cases in the browser: the list, the case form (drafted from a
//! review), the case page with its document, positions and decisions, the
//! documents as HTML, PDF and DOCX, and the import of decision documents.

pub(crate) mod documents;
mod form;
mod import;
mod page;

pub use form::CaseInput;

use crate::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/cases", get(page::list).post(page::create))
        .route("/cases/new", get(page::new_form))
        .route("/cases/settings", post(page::save_pattern))
        .route(
            "/cases/import",
            get(import::form)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(
                    oversyn_import::text::MAX_BYTES + 64 * 1024,
                )),
        )
        .route("/cases/import/save", post(import::save))
        .route("/cases/{id}", get(page::show))
        .route("/cases/{id}/edit", get(page::edit_form).post(page::update))
        .route("/cases/{id}/delete", post(page::delete))
        .route("/cases/{id}/positions", post(page::add_position))
        .route("/cases/{id}/decisions", post(page::decide))
        .route("/cases/{id}/document", get(documents::document))
        .route("/cases/{id}/excerpt/{n}", get(documents::excerpt))
        .route("/files/{id}", get(documents::file))
}
