//! Records withheld from public output, each with its ground in the OSL,
//! who decided and when; and the grounds a tenant adds to the shipped ones.

use crate::audit::{Actor, record};
use crate::codec::now;
use crate::scope::{Kind, holds};
use crate::{Store, StoreError};
use oversyn_core::privacy::secrecy::{Ground, Withholding, shipped};
use serde::Serialize;
use sqlx::{Any, Row, Transaction};

/// A record kept off public output, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withheld {
    pub entity: String,
    pub entity_id: i64,
    /// None only for records marked private before grounds were recorded.
    pub ground: Option<String>,
    pub decided_by: Option<String>,
    pub decided_on: Option<String>,
}

impl Store {
    /// The grounds the tenant may use: the shipped ones, then its own.
    pub async fn secrecy_grounds(
        &self,
        tenant_id: i64,
        lang: oversyn_core::Lang,
    ) -> Result<Vec<Ground>, StoreError> {
        let mut out = shipped(lang);
        let own = self
            .kept_arc(tenant_id, "secrecy grounds", (0, 0), || async {
                let rows = sqlx::query(
                    "SELECT reference, description FROM secrecy_grounds WHERE tenant_id = $1 ORDER BY reference",
                )
                .bind(tenant_id)
                .fetch_all(self.pool())
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(Ground {
                            reference: r.try_get("reference")?,
                            description: r.try_get("description")?,
                        })
                    })
                    .collect::<Result<Vec<_>, StoreError>>()
            })
            .await?;
        out.extend(own.iter().cloned());
        Ok(out)
    }

    pub async fn add_secrecy_ground(&self, actor: &Actor, g: &Ground) -> Result<(), StoreError> {
        let known = self
            .secrecy_grounds(actor.tenant_id, oversyn_core::Lang::Sv)
            .await?;
        if known.iter().any(|k| k.reference == g.reference) {
            let mut e = oversyn_core::FieldErrors::new();
            e.add("reference", "error-secrecy-ground-exists");
            return Err(StoreError::Invalid(e));
        }
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO secrecy_grounds (tenant_id, reference, description, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(&g.reference)
        .bind(&g.description)
        .bind(&actor.label)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        record(
            &mut tx,
            actor,
            "secrecy_ground",
            id,
            "create",
            None,
            Some(g),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The tenant's withheld records of `entity`.
    pub async fn withheld(
        &self,
        tenant_id: i64,
        entity: &str,
    ) -> Result<Vec<Withheld>, StoreError> {
        // All the tenant's withheld records are kept together; a page asks
        // for one kind or two.
        let all = self
            .kept_arc(tenant_id, "withheld", (0, 0), || async {
                let rows = sqlx::query(
                    "SELECT entity, entity_id, ground, decided_by, decided_on FROM private_records WHERE tenant_id = $1 ORDER BY entity_id",
                )
                .bind(tenant_id)
                .fetch_all(self.pool())
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(Withheld {
                            entity: r.try_get("entity")?,
                            entity_id: r.try_get("entity_id")?,
                            ground: r.try_get("ground")?,
                            decided_by: r.try_get("decided_by")?,
                            decided_on: r.try_get("decided_on")?,
                        })
                    })
                    .collect::<Result<Vec<_>, StoreError>>()
            })
            .await?;
        Ok(all.iter().filter(|w| w.entity == entity).cloned().collect())
    }

    /// Every tenant's withheld records: (tenant, entity, ground), for lists
    /// that name many tenants at once.
    pub async fn withheld_everywhere(
        &self,
    ) -> Result<Vec<(i64, String, Option<String>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT tenant_id, entity, ground FROM private_records ORDER BY tenant_id, entity, entity_id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("tenant_id")?,
                    r.try_get("entity")?,
                    r.try_get("ground")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Withholds a record on a ground; the ground must be one the tenant
    /// may use (the caller parsed it against [`Store::secrecy_grounds`]).
    pub async fn withhold(
        &self,
        actor: &Actor,
        entity: &str,
        id: i64,
        w: &Withholding,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        owned(&mut tx, actor.tenant_id, entity, id).await?;
        sqlx::query(
            "DELETE FROM private_records WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3",
        )
        .bind(actor.tenant_id)
        .bind(entity)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO private_records (tenant_id, entity, entity_id, created_by, created_at, ground, decided_by, decided_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(actor.tenant_id)
        .bind(entity)
        .bind(id)
        .bind(&actor.label)
        .bind(now())
        .bind(&w.ground)
        .bind(&w.decided_by)
        .bind(w.decided_on.to_string())
        .execute(&mut *tx)
        .await?;
        record(&mut tx, actor, entity, id, "withhold", None, Some(w)).await?;
        note_change(&mut tx, actor.tenant_id, entity).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes a withheld record public again.
    pub async fn release(&self, actor: &Actor, entity: &str, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        owned(&mut tx, actor.tenant_id, entity, id).await?;
        let n = sqlx::query(
            "DELETE FROM private_records WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3",
        )
        .bind(actor.tenant_id)
        .bind(entity)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n > 0 {
            record::<()>(&mut tx, actor, entity, id, "release", None, None).await?;
            note_change(&mut tx, actor.tenant_id, entity).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The tenant setting that says when the tenant last withheld or released
/// a record open data counts (a document or a membership): the OParl Body
/// tells of them, so its `modified` moves with them.
pub const WITHHOLDING_CHANGED: &str = "withholding_changed";

/// Notes the time of a withholding that open data tells of.
async fn note_change(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    entity: &str,
) -> Result<(), StoreError> {
    if matches!(entity, "document" | "membership") {
        crate::cases::settings::replace_setting(tx, tenant_id, WITHHOLDING_CHANGED, &now()).await?;
    }
    Ok(())
}

/// Whether record `id` of `entity` is the tenant's, inside the write.
async fn owned(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    entity: &str,
    id: i64,
) -> Result<(), StoreError> {
    let kind = match entity {
        "membership" => Kind::Memberships,
        "document" => Kind::Documents,
        "answer" => Kind::Answers,
        _ => return Err(StoreError::NotFound),
    };
    if holds(tx, tenant_id, kind, id).await? {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}
