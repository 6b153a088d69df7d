//! The append-only audit log: every change to the register with who, when,
//! and the record before and after. Written in the same transaction as the
//! change, so there is no change without its entry.

use crate::codec::now;
use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::{Any, Row, Transaction};

/// Who is making a change, within which tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub tenant_id: i64,
    pub user_id: Option<i64>,
    /// E-mail of a user, or a name such as `cli` or `demo` for commands.
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub actor: String,
    pub at: String,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub(crate) async fn record<T: Serialize>(
    tx: &mut Transaction<'static, Any>,
    actor: &Actor,
    entity: &str,
    entity_id: i64,
    action: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), StoreError> {
    let json =
        |v: Option<&T>| v.map(|v| serde_json::to_string(v).expect("register records serialise"));
    sqlx::query(
        "INSERT INTO audit_log (tenant_id, actor, actor_user_id, at, entity, entity_id, action, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(actor.tenant_id)
    .bind(&actor.label)
    .bind(actor.user_id)
    .bind(now())
    .bind(entity)
    .bind(entity_id)
    .bind(action)
    .bind(json(before))
    .bind(json(after))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn entry(r: &sqlx::any::AnyRow) -> Result<AuditEntry, StoreError> {
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(AuditEntry {
        id: r.try_get("id")?,
        actor: r.try_get("actor")?,
        at: r.try_get("at")?,
        entity: r.try_get("entity")?,
        entity_id: r.try_get("entity_id")?,
        action: r.try_get("action")?,
        before: parse(r.try_get("before_json")?),
        after: parse(r.try_get("after_json")?),
    })
}

impl Store {
    /// The history of one record of a tenant, newest first.
    pub async fn history(
        &self,
        tenant_id: i64,
        entity: &str,
        entity_id: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        // Kept per kind of record; the memo's key names it by its place here.
        const KINDS: &[&str] = &[
            "organisation",
            "membership",
            "person",
            "seat",
            "body",
            "invoice",
            "case",
            "action",
            "event",
            "review",
            "document",
        ];
        match KINDS.iter().position(|k| *k == entity) {
            Some(kind) => {
                self.kept(tenant_id, "history", (entity_id, kind as i64), || {
                    self.load_history(tenant_id, entity, entity_id)
                })
                .await
            }
            None => self.load_history(tenant_id, entity, entity_id).await,
        }
    }

    async fn load_history(
        &self,
        tenant_id: i64,
        entity: &str,
        entity_id: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(
            // A record made after a deletion may get the deleted one's id
            // (SQLite reuses the highest rowid); what came before the last
            // deletion is another record's history.
            "SELECT id, actor, at, entity, entity_id, action, before_json, after_json FROM audit_log
             WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3
               AND id > COALESCE((SELECT MAX(id) FROM audit_log WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3 AND action = 'delete'), 0)
             ORDER BY id DESC",
        )
        .bind(tenant_id)
        .bind(entity)
        .bind(entity_id)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(|r| entry(&r)).collect()
    }

    /// The history of a register record the tenant may see: `organisation`,
    /// `membership`, `person`, `seat`, `body` or `invoice`. Not found when the record is
    /// another tenant's, or the kind is unknown.
    pub async fn record_history(
        &self,
        tenant_id: i64,
        entity: &str,
        id: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        match entity {
            "organisation" => return self.organisation_history(tenant_id, id).await,
            "membership" => self.membership(tenant_id, id).await.map(drop)?,
            "person" => self.person(tenant_id, id).await.map(drop)?,
            "seat" => self.seat(tenant_id, id).await.map(drop)?,
            "body" => self.body(tenant_id, id).await.map(drop)?,
            "invoice" => self.invoice(tenant_id, id).await.map(drop)?,
            _ => return Err(StoreError::NotFound),
        }
        self.history(tenant_id, entity, id).await
    }

    /// Records an event that is not a register change made through the
    /// store's own writes (a user added, a password changed).
    pub async fn log_event<T: Serialize>(
        &self,
        actor: &Actor,
        entity: &str,
        entity_id: i64,
        action: &str,
        after: Option<&T>,
    ) -> Result<(), StoreError> {
        crate::memo::writing();
        let mut tx = self.pool().begin().await?;
        record(&mut tx, actor, entity, entity_id, action, None, after).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Audit entries matching a fixed condition with two bound ids.
    pub(crate) async fn history_where(
        &self,
        condition: &str,
        a: i64,
        b: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, actor, at, entity, entity_id, action, before_json, after_json FROM audit_log WHERE {condition} ORDER BY id DESC"
        )))
        .bind(a)
        .bind(b)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(|r| entry(&r)).collect()
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a read-then-write never fails on lock upgrade.
    pub(crate) async fn write_tx(&self) -> Result<Transaction<'static, Any>, StoreError> {
        crate::memo::writing();
        Ok(match self.backend() {
            crate::Backend::Sqlite => self.pool().begin_with("BEGIN IMMEDIATE").await?,
            crate::Backend::Postgres => self.pool().begin().await?,
        })
    }
}
