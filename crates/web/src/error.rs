//! Errors at the page edge. A handler returns a [`PageError`]; it becomes a
//! status code with an [`ErrorPage`] marker, which the context middleware
//! renders as a page in the visitor's language. Server faults are logged once
//! here; the visitor sees a plain message, never internals. (The API has its
//! own problem+json errors in `api::problem`.)

use axum::response::{IntoResponse, Response};
use http::StatusCode;
use oversyn_store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    NotFound,
    Forbidden,
    BadRequest,
    /// The record cannot change any more (a decided case).
    Conflict,
    CsrfFailed,
    TooMany,
    Unavailable,
    Internal,
}

/// Marks a response whose body the middleware replaces with a localised page.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage(pub &'static str);

impl PageError {
    pub fn status(self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Forbidden | PageError::CsrfFailed => StatusCode::FORBIDDEN,
            PageError::BadRequest => StatusCode::BAD_REQUEST,
            PageError::Conflict => StatusCode::CONFLICT,
            PageError::TooMany => StatusCode::TOO_MANY_REQUESTS,
            PageError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message key shown on the error page.
    pub fn key(self) -> &'static str {
        match self {
            PageError::NotFound => "page-not-found",
            PageError::Forbidden => "page-forbidden",
            PageError::BadRequest => "page-bad-request",
            PageError::Conflict => "page-conflict",
            PageError::CsrfFailed => "page-csrf",
            PageError::TooMany => "page-too-many",
            PageError::Unavailable => "page-unavailable",
            PageError::Internal => "page-internal",
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut r = (self.status(), self.key()).into_response();
        r.extensions_mut().insert(ErrorPage(self.key()));
        r
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PageError::NotFound,
            StoreError::Forbidden => PageError::Forbidden,
            StoreError::TooManyAttempts => PageError::TooMany,
            StoreError::Conflict(_) => PageError::Conflict,
            StoreError::Invalid(_) | StoreError::Stale => PageError::BadRequest,
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, "database unavailable while serving a page");
                PageError::Unavailable
            }
            e => {
                tracing::error!(error = %e, "store failed while serving a page");
                PageError::Internal
            }
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        tracing::error!(error = %e, "template failed");
        PageError::Internal
    }
}
