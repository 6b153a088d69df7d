//! Accounts and credentials: users with argon2id password hashes, sessions
//! and API tokens (both stored only as SHA-256 hashes of long random
//! values), and the failed-login record that rate-limits guessing across
//! every app instance.

use crate::codec::now;
use crate::error::is_unique_violation;
use crate::{Store, StoreError};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use base64::Engine;
use chrono::{Duration, SecondsFormat, Utc};
use oversyn_core::{Code, Role};
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// Failed logins allowed per tenant and e-mail within [`FAILURE_WINDOW_MINUTES`].
pub const MAX_FAILURES: i64 = 5;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
pub const SESSION_HOURS: i64 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub tenant_id: i64,
    pub tenant_slug: String,
    pub tenant_name: String,
    pub email: String,
    pub role: Role,
    pub platform_admin: bool,
    pub must_change_password: bool,
}

/// A secret of 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// A one-time password people can type: 20 characters without look-alikes.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20)
        .map(|_| ALPHABET[(rng.next_u32() as usize) % ALPHABET.len()] as char)
        .collect()
}

pub fn hash_token(token: &str) -> String {
    // Every signed-in request hashes its token: hex by table, not by a
    // format! per byte (which showed in profiles under load).
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(token.as_bytes()) {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

pub fn hash_password(password: &str) -> String {
    let h: PasswordHash = Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 hashes any password of validated length");
    h.to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("no such user here"));

fn in_future(d: Duration) -> String {
    (Utc::now() + d).to_rfc3339_opts(SecondsFormat::Millis, true)
}

const USER_COLUMNS: &str = "u.id, u.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, u.email, u.role, \
     u.platform_admin, u.must_change_password";

fn user(r: &sqlx::any::AnyRow) -> Result<User, sqlx::Error> {
    let role: String = r.try_get("role")?;
    Ok(User {
        id: r.try_get("id")?,
        tenant_id: r.try_get("tenant_id")?,
        tenant_slug: r.try_get("tenant_slug")?,
        tenant_name: r.try_get("tenant_name")?,
        email: r.try_get("email")?,
        role: Role::parse(&role).unwrap_or(Role::Viewer),
        platform_admin: r.try_get::<i64, _>("platform_admin")? != 0,
        must_change_password: r.try_get::<i64, _>("must_change_password")? != 0,
    })
}

impl Store {
    /// Adds a user; returns the user and the one-time password generated for them.
    pub async fn create_user(
        &self,
        tenant_id: i64,
        email: &str,
        role: Role,
        platform_admin: bool,
    ) -> Result<(User, String), StoreError> {
        let email = oversyn_core::validate::required_email(email)
            .map_err(|k| StoreError::invalid("email", k))?;
        let password = random_password();
        let hash = {
            let p = password.clone();
            tokio::task::spawn_blocking(move || hash_password(&p))
                .await
                .expect("hashing does not panic")
        };
        let r = sqlx::query(
            "INSERT INTO users (tenant_id, email, password_hash, role, platform_admin, must_change_password, created_at)
             VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id",
        )
        .bind(tenant_id)
        .bind(&email)
        .bind(hash)
        .bind(role.code())
        .bind(i64::from(platform_admin))
        .bind(now())
        .fetch_one(self.pool())
        .await;
        let id: i64 = match r {
            Ok(r) => r.try_get("id")?,
            Err(e) if is_unique_violation(&e) => {
                return Err(StoreError::Conflict(format!(
                    "a user {email} exists already in this tenant"
                )));
            }
            Err(e) => return Err(e.into()),
        };
        Ok((self.user(id).await?, password))
    }

    pub async fn user(&self, id: i64) -> Result<User, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1")))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        r.as_ref()
            .map(user)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    pub async fn user_by_email(&self, tenant_id: i64, email: &str) -> Result<User, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.tenant_id = $1 AND u.email = $2")))
            .bind(tenant_id)
            .bind(email.trim().to_lowercase())
            .fetch_optional(self.pool())
            .await?;
        r.as_ref()
            .map(user)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    pub async fn users(&self, tenant_id: i64) -> Result<Vec<User>, StoreError> {
        self.kept(tenant_id, "users", (0, 0), || self.load_users(tenant_id))
            .await
    }

    async fn load_users(&self, tenant_id: i64) -> Result<Vec<User>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {USER_COLUMNS} FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.tenant_id = $1 ORDER BY u.email")))
            .bind(tenant_id)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.iter().map(user).collect::<Result<_, _>>()?)
    }

    /// Sets a user's password (already validated) and clears the must-change mark.
    pub async fn set_password(&self, user_id: i64, password: &str) -> Result<(), StoreError> {
        let p = password.to_owned();
        let hash = tokio::task::spawn_blocking(move || hash_password(&p))
            .await
            .expect("hashing does not panic");
        sqlx::query("UPDATE users SET password_hash = $1, must_change_password = 0 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Sets a known password, e.g. the printed demo password.
    pub async fn set_initial_password(
        &self,
        user_id: i64,
        password: &str,
    ) -> Result<(), StoreError> {
        self.set_password(user_id, password).await
    }

    /// Checks a login. Too many recent failures for this tenant and e-mail
    /// refuse it before the password is even looked at.
    pub async fn verify_login(
        &self,
        tenant_slug: &str,
        email: &str,
        password: &str,
    ) -> Result<Option<User>, StoreError> {
        let key = format!("{}/{}", tenant_slug.trim(), email.trim().to_lowercase());
        if self.recent_failures(&key).await? >= MAX_FAILURES {
            return Err(StoreError::TooManyAttempts);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, u.password_hash FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = $1 AND u.email = $2"
        )))
        .bind(tenant_slug.trim())
        .bind(email.trim().to_lowercase())
        .fetch_optional(self.pool())
        .await?;
        // Hash even for unknown users so timing does not tell which e-mails exist.
        let (found, hash) = match &row {
            Some(r) => (Some(user(r)?), r.try_get::<String, _>("password_hash")?),
            None => (None, DUMMY_HASH.clone()),
        };
        let pw = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
            .await
            .expect("verifying does not panic");
        match found {
            Some(u) if ok => {
                sqlx::query("DELETE FROM login_failures WHERE login_key = $1")
                    .bind(&key)
                    .execute(self.pool())
                    .await?;
                Ok(Some(u))
            }
            _ => {
                self.record_failure(&key).await?;
                Ok(None)
            }
        }
    }

    /// Failures recorded for `key` within the rate-limit window.
    pub async fn recent_failures(&self, key: &str) -> Result<i64, StoreError> {
        let since = (Utc::now() - Duration::minutes(FAILURE_WINDOW_MINUTES))
            .to_rfc3339_opts(SecondsFormat::Millis, true);
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_failures WHERE login_key = $1 AND at > $2",
        )
        .bind(key)
        .bind(&since)
        .fetch_one(self.pool())
        .await?)
    }

    /// Records a failed attempt (a wrong password, an unknown link) under `key`.
    pub async fn record_failure(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO login_failures (login_key, at) VALUES ($1, $2)")
            .bind(key)
            .bind(now())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Starts a session; returns (session token, CSRF token).
    pub async fn create_session(&self, user_id: i64) -> Result<(String, String), StoreError> {
        let token = random_token();
        let csrf = random_token();
        sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(hash_token(&token))
            .bind(user_id)
            .bind(&csrf)
            .bind(now())
            .bind(in_future(Duration::hours(SESSION_HOURS)))
            .execute(self.pool())
            .await?;
        Ok((token, csrf))
    }

    /// The user and CSRF token of a live session.
    pub async fn session(&self, token: &str) -> Result<Option<(User, String)>, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id JOIN tenants t ON t.id = u.tenant_id
             WHERE s.token_hash = $1 AND s.expires_at > $2"
        )))
        .bind(hash_token(token))
        .bind(now())
        .fetch_optional(self.pool())
        .await?;
        match r {
            Some(r) => Ok(Some((user(&r)?, r.try_get("csrf_token")?))),
            None => Ok(None),
        }
    }

    /// As [`Store::session`], with the moment the session expires, so a
    /// caller that keeps it in memory can stop honouring it in time.
    pub async fn session_until(
        &self,
        token: &str,
    ) -> Result<Option<(User, String, chrono::DateTime<Utc>)>, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id JOIN tenants t ON t.id = u.tenant_id
             WHERE s.token_hash = $1 AND s.expires_at > $2"
        )))
        .bind(hash_token(token))
        .bind(now())
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = r else { return Ok(None) };
        let expires: String = r.try_get("expires_at")?;
        // An unreadable expiry counts as expired now: the session is used
        // for this request only.
        let expires = chrono::DateTime::parse_from_rfc3339(&expires)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|_| Utc::now());
        Ok(Some((user(&r)?, r.try_get("csrf_token")?, expires)))
    }

    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(hash_token(token))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends every session of a user, e.g. after a password change.
    pub async fn end_sessions_of(
        &self,
        user_id: i64,
        except_token: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(except_token.map(hash_token).unwrap_or_default())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Issues a personal API token; only its hash is kept.
    pub async fn create_api_token(
        &self,
        user_id: i64,
        label: Option<&str>,
    ) -> Result<String, StoreError> {
        let token = format!("ovs_{}", random_token());
        sqlx::query("INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4)")
            .bind(user_id)
            .bind(hash_token(&token))
            .bind(label)
            .bind(now())
            .execute(self.pool())
            .await?;
        Ok(token)
    }

    pub async fn token_user(&self, token: &str) -> Result<Option<User>, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM api_tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id
             WHERE k.token_hash = $1 AND k.revoked_at IS NULL"
        )))
        .bind(hash_token(token))
        .fetch_optional(self.pool())
        .await?;
        r.as_ref().map(user).transpose().map_err(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hashes_are_lowercase_hex_sha256() {
        // SHA-256 of "abc", from FIPS 180-2.
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let a = random_token();
        assert!(a.len() >= 43);
        assert_ne!(a, random_token());
        assert_eq!(hash_token(&a).len(), 64);
        assert_ne!(hash_token(&a), a);
    }

    #[test]
    fn passwords_hash_with_argon2id() {
        let h = hash_password("correct horse battery");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong", &h));
    }
}
