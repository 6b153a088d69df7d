//! Storage errors: what callers can act on (not found, stale, invalid,
//! conflict) kept apart from database failures they can only report.

use oversyn_core::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The record changed since the caller read it (optimistic locking).
    #[error("the record was changed by someone else")]
    Stale,
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("not allowed")]
    Forbidden,
    #[error("too many attempts")]
    TooManyAttempts,
    #[error("{0}")]
    Config(String),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
}

impl StoreError {
    pub fn invalid(field: &str, key: &'static str) -> StoreError {
        let mut e = FieldErrors::new();
        e.add(field, key);
        StoreError::Invalid(e)
    }
}

/// Whether a database error is a unique-key violation, in either dialect.
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            d.code()
                .is_some_and(|c| c == "23505" || c == "2067" || c == "1555")
                || d.message().contains("UNIQUE constraint failed")
        }
        _ => false,
    }
}
