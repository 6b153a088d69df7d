//! Bearer-token authentication for the API.

use super::problem::Problem;
use crate::AppState;
use axum::extract::FromRequestParts;
use http::request::Parts;
use http::{StatusCode, header};
use oversyn_core::Code;
use oversyn_store::audit::Actor;
use oversyn_store::auth::User;

/// A token's user as the author of a change.
fn actor_of(u: &User) -> Actor {
    Actor {
        tenant_id: u.tenant_id,
        user_id: Some(u.id),
        label: u.email.clone(),
    }
}

/// The user a valid `Authorization: Bearer …` token belongs to.
pub struct ApiUser(pub User);

impl ApiUser {
    pub fn tenant(&self) -> i64 {
        self.0.tenant_id
    }

    /// The user as the author of a change, if their role may change things.
    pub fn writer(&self) -> Result<Actor, Problem> {
        if self.0.role.can_write() {
            Ok(actor_of(&self.0))
        } else {
            Err(Problem::new(
                StatusCode::FORBIDDEN,
                format!(
                    "Your role ({}) may read but not change the register.",
                    self.0.role.code()
                ),
            ))
        }
    }
}

/// An API user whose role may change things. As an extractor it refuses
/// other roles with 403 before the request's body is read, so a viewer's
/// malformed write is told it may not write, not what is wrong with it.
pub struct ApiWriter(pub User);

impl ApiWriter {
    pub fn tenant(&self) -> i64 {
        self.0.tenant_id
    }

    /// The user as the author of a change.
    pub fn actor(&self) -> Actor {
        actor_of(&self.0)
    }
}

impl FromRequestParts<AppState> for ApiWriter {
    type Rejection = Problem;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let user = ApiUser::from_request_parts(parts, state).await?;
        user.writer()?;
        Ok(ApiWriter(user.0))
    }
}

/// An API user who is the tenant's admin; others get 403 before the body is read.
pub struct ApiAdmin(pub User);

impl ApiAdmin {
    pub fn actor(&self) -> Actor {
        actor_of(&self.0)
    }
}

impl FromRequestParts<AppState> for ApiAdmin {
    type Rejection = Problem;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let user = ApiUser::from_request_parts(parts, state).await?;
        if user.0.role != oversyn_core::Role::Admin {
            return Err(Problem::new(
                StatusCode::FORBIDDEN,
                format!(
                    "Your role ({}) may not change the tenant's settings; admins may.",
                    user.0.role.code()
                ),
            ));
        }
        Ok(ApiAdmin(user.0))
    }
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = Problem;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let header = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        let Some(token) = header
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            return Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "Send a personal API token as `Authorization: Bearer …` (see `oversyn token create`).",
            ));
        };
        // The request's middleware has usually looked the token up already.
        let found = match parts.extensions.get::<crate::cache::ApiAuth>() {
            Some(crate::cache::ApiAuth(user)) => Ok(user.clone()),
            None => state.store.token_user(token).await,
        };
        match found {
            Ok(Some(u)) => Ok(ApiUser(u)),
            Ok(None) => Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "The token is unknown or revoked.",
            )),
            Err(e) => Err(e.into()),
        }
    }
}
