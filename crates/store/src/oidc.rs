//! Single sign-on with OpenID Connect: a tenant's provider settings, the
//! sign-ins under way, and the users a provider vouches for.
//!
//! A sign-in under way lives in the database, not in one process, so the
//! provider's answer may reach any instance behind the load balancer; it is
//! taken (read and deleted) at once, so an answer replayed is refused.

use crate::audit::{self, Actor};
use crate::auth::{User, hash_password, hash_token, random_token};
use crate::codec::now;
use crate::error::is_unique_violation;
use crate::{Store, StoreError};
use chrono::{Duration, SecondsFormat, Utc};
use oversyn_core::sso::GroupRoles;
use oversyn_core::{Code, Role};
use serde::Serialize;
use sqlx::Row;

/// How long a person may take at their provider before the sign-in expires.
pub const PENDING_MINUTES: i64 = 10;

/// Where the client secret comes from; the secret itself is never shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientSecret {
    /// Read from a file when the admin set it, kept in the database.
    Stored(String),
    /// Read by every instance from this environment variable at sign-in.
    Env(String),
}

/// A tenant's identity provider and how its groups give roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettings {
    pub tenant_id: i64,
    pub issuer: String,
    pub client_id: String,
    pub secret: ClientSecret,
    /// The ID-token claim that lists a person's groups (`groups` by default).
    pub role_claim: String,
    pub groups: GroupRoles,
    /// Password login switched off for the tenant: only the provider signs in.
    pub passwords_off: bool,
}

/// What an admin sees of the settings: everything but the secret.
#[derive(Debug, Clone, Serialize)]
pub struct OidcSummary {
    pub issuer: String,
    pub client_id: String,
    /// `stored` or `env:NAME`; never the secret.
    pub client_secret: String,
    pub role_claim: String,
    pub admin_group: Option<String>,
    pub editor_group: Option<String>,
    pub politician_group: Option<String>,
    pub viewer_group: Option<String>,
    pub passwords_off: bool,
}

impl OidcSettings {
    pub fn summary(&self) -> OidcSummary {
        OidcSummary {
            issuer: self.issuer.clone(),
            client_id: self.client_id.clone(),
            client_secret: match &self.secret {
                ClientSecret::Stored(_) => "stored".into(),
                ClientSecret::Env(v) => format!("env:{v}"),
            },
            role_claim: self.role_claim.clone(),
            admin_group: self.groups.admin.clone(),
            editor_group: self.groups.editor.clone(),
            politician_group: self.groups.politician.clone(),
            viewer_group: self.groups.viewer.clone(),
            passwords_off: self.passwords_off,
        }
    }
}

/// A sign-in sent to the provider and not yet back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLogin {
    pub tenant_id: i64,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next: String,
}

/// What the provider vouched for, after its ID token was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vouched {
    pub subject: String,
    pub email: String,
    pub role: Role,
}

fn settings(r: &sqlx::any::AnyRow) -> Result<OidcSettings, StoreError> {
    let stored: Option<String> = r.try_get("client_secret")?;
    let env: Option<String> = r.try_get("client_secret_env")?;
    let secret = match (stored, env) {
        (_, Some(v)) => ClientSecret::Env(v),
        (Some(s), None) => ClientSecret::Stored(s),
        (None, None) => ClientSecret::Stored(String::new()),
    };
    Ok(OidcSettings {
        tenant_id: r.try_get("tenant_id")?,
        issuer: r.try_get("issuer")?,
        client_id: r.try_get("client_id")?,
        secret,
        role_claim: r.try_get("role_claim")?,
        groups: GroupRoles {
            admin: r.try_get("admin_group")?,
            editor: r.try_get("editor_group")?,
            politician: r.try_get("politician_group")?,
            viewer: r.try_get("viewer_group")?,
        },
        passwords_off: r.try_get::<i64, _>("passwords_off")? != 0,
    })
}

const SETTINGS: &str = "SELECT o.tenant_id, o.issuer, o.client_id, o.client_secret, o.client_secret_env, o.role_claim, \
     o.admin_group, o.editor_group, o.politician_group, o.viewer_group, o.passwords_off FROM tenant_oidc o";

impl Store {
    /// Sets (or replaces) a tenant's provider; the audit log records the
    /// change without the secret.
    pub async fn set_oidc(&self, actor: &Actor, s: &OidcSettings) -> Result<(), StoreError> {
        let (stored, env) = match &s.secret {
            ClientSecret::Stored(v) => (Some(v.as_str()), None),
            ClientSecret::Env(v) => (None, Some(v.as_str())),
        };
        crate::memo::writing();
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM tenant_oidc WHERE tenant_id = $1")
            .bind(s.tenant_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO tenant_oidc (tenant_id, issuer, client_id, client_secret, client_secret_env, role_claim,
                 admin_group, editor_group, politician_group, viewer_group, passwords_off, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(s.tenant_id)
        .bind(&s.issuer)
        .bind(&s.client_id)
        .bind(stored)
        .bind(env)
        .bind(&s.role_claim)
        .bind(s.groups.admin.as_deref())
        .bind(s.groups.editor.as_deref())
        .bind(s.groups.politician.as_deref())
        .bind(s.groups.viewer.as_deref())
        .bind(i64::from(s.passwords_off))
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            actor,
            "oidc",
            s.tenant_id,
            "set",
            None,
            Some(&s.summary()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a tenant's provider (password login works again).
    pub async fn remove_oidc(&self, actor: &Actor, tenant_id: i64) -> Result<(), StoreError> {
        crate::memo::writing();
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM tenant_oidc WHERE tenant_id = $1")
            .bind(tenant_id)
            .execute(&mut *tx)
            .await?;
        audit::record::<()>(&mut tx, actor, "oidc", tenant_id, "remove", None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The tenant's provider, if it has one.
    pub async fn oidc(&self, tenant_id: i64) -> Result<Option<OidcSettings>, StoreError> {
        self.kept(tenant_id, "oidc", (0, 0), || self.load_oidc(tenant_id))
            .await
    }

    async fn load_oidc(&self, tenant_id: i64) -> Result<Option<OidcSettings>, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SETTINGS} WHERE o.tenant_id = $1"
        )))
        .bind(tenant_id)
        .fetch_optional(self.pool())
        .await?;
        r.as_ref().map(settings).transpose()
    }

    /// The provider of the tenant with this slug, if it has one.
    pub async fn oidc_by_slug(&self, slug: &str) -> Result<Option<OidcSettings>, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SETTINGS} JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = $1"
        )))
        .bind(slug.trim())
        .fetch_optional(self.pool())
        .await?;
        r.as_ref().map(settings).transpose()
    }

    /// Whether any tenant signs in with a provider (the login page then
    /// offers to pick one).
    pub async fn any_oidc(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM tenant_oidc LIMIT 1) AS any_provider",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(n > 0)
    }

    /// Records a sign-in sent to the provider under its `state`, bound to
    /// the browser that holds `browser` (a cookie's value).
    pub async fn begin_oidc_login(
        &self,
        state: &str,
        browser: &str,
        p: &PendingLogin,
    ) -> Result<(), StoreError> {
        let at = Utc::now();
        let expires =
            (at + Duration::minutes(PENDING_MINUTES)).to_rfc3339_opts(SecondsFormat::Millis, true);
        // Abandoned sign-ins go as new ones come.
        sqlx::query("DELETE FROM oidc_pending WHERE expires_at < $1")
            .bind(now())
            .execute(self.pool())
            .await?;
        sqlx::query(
            "INSERT INTO oidc_pending (state_hash, tenant_id, browser_hash, nonce, pkce_verifier, next_path, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(hash_token(state))
        .bind(p.tenant_id)
        .bind(hash_token(browser))
        .bind(&p.nonce)
        .bind(&p.pkce_verifier)
        .bind(&p.next)
        .bind(expires)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Takes the sign-in recorded under `state` (it can be taken once), if
    /// it has not expired and was begun by the browser holding `browser`.
    /// A state from another browser is not taken, so it cannot be spent
    /// by someone who lured its owner's browser to the callback.
    pub async fn take_oidc_login(
        &self,
        state: &str,
        browser: &str,
    ) -> Result<Option<PendingLogin>, StoreError> {
        let r = sqlx::query(
            "DELETE FROM oidc_pending WHERE state_hash = $1 AND browser_hash = $2
             RETURNING tenant_id, nonce, pkce_verifier, next_path, expires_at",
        )
        .bind(hash_token(state))
        .bind(hash_token(browser))
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = r else { return Ok(None) };
        let expires: String = r.try_get("expires_at")?;
        if expires < now() {
            return Ok(None);
        }
        Ok(Some(PendingLogin {
            tenant_id: r.try_get("tenant_id")?,
            nonce: r.try_get("nonce")?,
            pkce_verifier: r.try_get("pkce_verifier")?,
            next: r.try_get("next_path")?,
        }))
    }

    /// The user the provider vouched for: found by its subject, or an
    /// existing user of the same e-mail not yet tied to a provider, or made
    /// now. The role follows the provider's groups at every sign-in; when it
    /// changes, the user's other sessions end, so the old role does not
    /// linger in another browser.
    pub async fn oidc_user(&self, tenant_id: i64, v: &Vouched) -> Result<User, StoreError> {
        let email = oversyn_core::validate::required_email(&v.email)
            .map_err(|k| StoreError::invalid("email", k))?;
        let found = sqlx::query(
            "SELECT id, role, oidc_subject FROM users WHERE tenant_id = $1 AND (oidc_subject = $2 OR (oidc_subject IS NULL AND email = $3))
             ORDER BY CASE WHEN oidc_subject = $2 THEN 0 ELSE 1 END LIMIT 1",
        )
        .bind(tenant_id)
        .bind(&v.subject)
        .bind(&email)
        .fetch_optional(self.pool())
        .await?;
        let actor = |user_id: Option<i64>| Actor {
            tenant_id,
            user_id,
            label: format!("sso:{email}"),
        };
        let id = match found {
            Some(r) => {
                let id: i64 = r.try_get("id")?;
                let role: String = r.try_get("role")?;
                let subject: Option<String> = r.try_get("oidc_subject")?;
                if role != v.role.code() || subject.is_none() {
                    crate::memo::writing();
                    let mut tx = self.pool().begin().await?;
                    sqlx::query("UPDATE users SET role = $1, oidc_subject = $2 WHERE id = $3")
                        .bind(v.role.code())
                        .bind(&v.subject)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    if role != v.role.code() {
                        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    let change = serde_json::json!({"role": v.role.code(), "was": role, "subject": v.subject});
                    audit::record(
                        &mut tx,
                        &actor(Some(id)),
                        "user",
                        id,
                        "sso-update",
                        None,
                        Some(&change),
                    )
                    .await?;
                    tx.commit().await?;
                }
                id
            }
            None => {
                // Nobody signs in with a password the provider's users never
                // learn: a random one, hashed like any other.
                let hash = tokio::task::spawn_blocking(|| hash_password(&random_token()))
                    .await
                    .expect("hashing does not panic");
                crate::memo::writing();
                let mut tx = self.pool().begin().await?;
                let r = sqlx::query(
                    "INSERT INTO users (tenant_id, email, password_hash, role, platform_admin, must_change_password, created_at, oidc_subject)
                     VALUES ($1, $2, $3, $4, 0, 0, $5, $6) RETURNING id",
                )
                .bind(tenant_id)
                .bind(&email)
                .bind(hash)
                .bind(v.role.code())
                .bind(now())
                .bind(&v.subject)
                .fetch_one(&mut *tx)
                .await;
                let id: i64 = match r {
                    Ok(r) => r.try_get("id")?,
                    Err(e) if is_unique_violation(&e) => {
                        return Err(StoreError::Conflict(format!(
                            "the e-mail {email} belongs to another account of this tenant's provider"
                        )));
                    }
                    Err(e) => return Err(e.into()),
                };
                let made = serde_json::json!({"email": email, "role": v.role.code(), "subject": v.subject});
                audit::record(
                    &mut tx,
                    &actor(Some(id)),
                    "user",
                    id,
                    "sso-create",
                    None,
                    Some(&made),
                )
                .await?;
                tx.commit().await?;
                id
            }
        };
        self.user(id).await
    }

    /// Starts a session for a provider's user, keeping its ID token for the
    /// provider's logout; returns (session token, CSRF token).
    pub async fn create_sso_session(
        &self,
        user_id: i64,
        id_token: &str,
    ) -> Result<(String, String), StoreError> {
        let (token, csrf) = self.create_session(user_id).await?;
        sqlx::query("UPDATE sessions SET id_token = $1 WHERE token_hash = $2")
            .bind(id_token)
            .bind(hash_token(&token))
            .execute(self.pool())
            .await?;
        Ok((token, csrf))
    }

    /// The ID token a session began with, if the provider signed it in.
    pub async fn session_id_token(&self, token: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT id_token FROM sessions WHERE token_hash = $1")
                .bind(hash_token(token))
                .fetch_optional(self.pool())
                .await?
                .flatten(),
        )
    }
}
