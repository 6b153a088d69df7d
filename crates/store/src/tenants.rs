//! Tenants: the municipalities and regions that share one deployment.

use crate::audit::{self, Actor};
use crate::codec::now;
use crate::error::is_unique_violation;
use crate::{Store, StoreError};
use oversyn_core::profile::Profile;
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tenant {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

fn tenant(r: sqlx::any::AnyRow) -> Result<Tenant, sqlx::Error> {
    Ok(Tenant {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
    })
}

impl Store {
    /// Creates a tenant; its slug must be new.
    pub async fn create_tenant(&self, slug: &str, name: &str) -> Result<Tenant, StoreError> {
        let slug =
            oversyn_core::validate::slug(slug).map_err(|k| StoreError::invalid("slug", k))?;
        let name =
            oversyn_core::validate::name(name).map_err(|k| StoreError::invalid("name", k))?;
        let r = sqlx::query("INSERT INTO tenants (slug, name, created_at) VALUES ($1, $2, $3) RETURNING id, slug, name")
            .bind(&slug)
            .bind(&name)
            .bind(now())
            .fetch_one(self.pool())
            .await;
        match r {
            Ok(r) => Ok(tenant(r)?),
            Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict(format!(
                "tenant '{slug}' exists already"
            ))),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn tenant_by_slug(&self, slug: &str) -> Result<Tenant, StoreError> {
        let r = sqlx::query("SELECT id, slug, name FROM tenants WHERE slug = $1")
            .bind(slug)
            .fetch_optional(self.pool())
            .await?;
        r.map(tenant).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn tenant_by_id(&self, id: i64) -> Result<Tenant, StoreError> {
        self.kept(id, "tenant", (0, 0), || self.load_tenant_by_id(id))
            .await
    }

    async fn load_tenant_by_id(&self, id: i64) -> Result<Tenant, StoreError> {
        let r = sqlx::query("SELECT id, slug, name FROM tenants WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        r.map(tenant).transpose()?.ok_or(StoreError::NotFound)
    }

    pub async fn tenants(&self) -> Result<Vec<Tenant>, StoreError> {
        let rows = sqlx::query("SELECT id, slug, name FROM tenants ORDER BY slug")
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(tenant).collect::<Result<_, _>>()?)
    }
}

/// The settings key the tenant's profile is kept under, as JSON.
const PROFILE: &str = "profile";

impl Store {
    /// How the tenant names itself in documents: what it saved, or the
    /// defaults read from its name.
    pub async fn profile(&self, tenant_id: i64) -> Result<Profile, StoreError> {
        let saved = self.setting(tenant_id, PROFILE).await?;
        match saved.and_then(|s| serde_json::from_str(&s).ok()) {
            Some(p) => Ok(p),
            None => Ok(Profile::default_for(
                &self.tenant_by_id(tenant_id).await?.name,
            )),
        }
    }

    /// Whether the tenant has saved a profile of its own.
    pub async fn has_profile(&self, tenant_id: i64) -> Result<bool, StoreError> {
        Ok(self.setting(tenant_id, PROFILE).await?.is_some())
    }

    /// Saves the profile; the audit log keeps the one before and after.
    pub async fn set_profile(&self, actor: &Actor, p: &Profile) -> Result<(), StoreError> {
        let before = self.profile(actor.tenant_id).await?;
        let json = serde_json::to_string(p)
            .map_err(|e| StoreError::Config(format!("profile does not serialise: {e}")))?;
        let mut tx = self.write_tx().await?;
        crate::cases::settings::replace_setting(&mut tx, actor.tenant_id, PROFILE, &json).await?;
        audit::record(
            &mut tx,
            actor,
            "profile",
            actor.tenant_id,
            "set",
            Some(&before),
            Some(p),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
