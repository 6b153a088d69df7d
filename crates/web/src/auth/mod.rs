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

/// The answer that ends a sign-in: the new session's cookie, the sign-in's
/// own cookie (`done`) cleared, and the way on.
pub(crate) fn signed_in(
    to: &str,
    token: &str,
    done: &str,
    secure: bool,
) -> axum::response::Response {
    use crate::context::{SESSION_COOKIE, set_cookie};
    use axum::response::{IntoResponse, Redirect};
    let mut res = Redirect::to(to).into_response();
    let h = res.headers_mut();
    let hours = oversyn_store::auth::SESSION_HOURS;
    h.append(
        http::header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, token, Some(hours * 3600), secure),
    );
    h.append(
        http::header::SET_COOKIE,
        set_cookie(done, "", Some(0), secure),
    );
    res
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
