//! Signing in and out, changing one's password, and a tenant admin's user list.

mod account;
mod login;
mod sso;
mod users;

use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<crate::AppState> {
    Router::new()
        .route("/login", get(login::form).post(login::submit))
        .route("/login/sso", get(sso::start))
        .route("/login/sso/callback", get(sso::callback))
        .route("/logout", post(login::logout))
        .route("/account", get(account::form).post(account::submit))
        .route("/admin/users", get(users::list).post(users::add))
}

/// Where to go after signing in: only paths on this site.
pub(crate) fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_stays_on_site() {
        assert_eq!(super::safe_next("/persons/3"), "/persons/3");
        assert_eq!(super::safe_next("//evil.example"), "/");
        assert_eq!(super::safe_next("https://evil.example"), "/");
        assert_eq!(super::safe_next("/\\evil.example"), "/");
    }
}
