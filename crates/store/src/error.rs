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
    /// Whether the database could not be reached (down, restarting, the
    /// pool exhausted): a passing fault, for a 503 and a retry, not a bug.
    pub fn is_unavailable(&self) -> bool {
        let StoreError::Db(e) = self else {
            return false;
        };
        match e {
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => true,
            // PostgreSQL: connection exceptions (class 08), and a server
            // shutting down or starting up (57P01-57P03).
            sqlx::Error::Database(d) => d
                .code()
                .is_some_and(|c| c.starts_with("08") || matches!(&*c, "57P01" | "57P02" | "57P03")),
            _ => false,
        }
    }

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
