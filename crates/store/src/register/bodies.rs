//! A tenant's own bodies (council, board, committees, departments, companies).

use super::check_version;
use crate::audit::{Actor, record};
use crate::codec::{code_in, now};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::register::Body;
use oversyn_core::register::input::BodyCmd;
use sqlx::Row;

const COLUMNS: &str = "id, name, kind, abbreviation, version";

fn body(r: &sqlx::any::AnyRow) -> Result<Body, sqlx::Error> {
    Ok(Body {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        kind: code_in(&r.try_get::<String, _>("kind")?),
        abbreviation: r.try_get("abbreviation")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// The tenant's bodies; kept while its data is unchanged.
    pub async fn bodies(&self, tenant_id: i64) -> Result<Vec<Body>, StoreError> {
        self.kept(tenant_id, "bodies", (0, 0), || self.load_bodies(tenant_id))
            .await
    }

    async fn load_bodies(&self, tenant_id: i64) -> Result<Vec<Body>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM bodies WHERE tenant_id = $1 ORDER BY name"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(body).collect::<Result<_, _>>()?)
    }

    /// One of the tenant's bodies, from the kept list.
    pub async fn body(&self, tenant_id: i64, id: i64) -> Result<Body, StoreError> {
        self.kept_arc(tenant_id, "bodies", (0, 0), || self.load_bodies(tenant_id))
            .await?
            .iter()
            .find(|x| x.id == id)
            .cloned()
            .ok_or(StoreError::NotFound)
    }

    pub async fn create_body(&self, actor: &Actor, c: &BodyCmd) -> Result<Body, StoreError> {
        let mut tx = self.write_tx().await?;
        let t = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO bodies (tenant_id, name, kind, abbreviation, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(&c.name)
        .bind(c.kind.code())
        .bind(&c.abbreviation)
        .bind(&t)
        .fetch_one(&mut *tx)
        .await?;
        let after = Body {
            id,
            name: c.name.clone(),
            kind: c.kind,
            abbreviation: c.abbreviation.clone(),
            version: 1,
        };
        record(&mut tx, actor, "body", id, "create", None, Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn update_body(
        &self,
        actor: &Actor,
        id: i64,
        c: &BodyCmd,
    ) -> Result<Body, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM bodies WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(body)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        check_version(c.version, before.version)?;
        let n = sqlx::query(
            "UPDATE bodies SET name = $1, kind = $2, abbreviation = $3, version = version + 1, updated_at = $4
             WHERE tenant_id = $5 AND id = $6 AND version = $7",
        )
        .bind(&c.name)
        .bind(c.kind.code())
        .bind(&c.abbreviation)
        .bind(now())
        .bind(actor.tenant_id)
        .bind(id)
        .bind(before.version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Stale);
        }
        let after = Body {
            id,
            name: c.name.clone(),
            kind: c.kind,
            abbreviation: c.abbreviation.clone(),
            version: before.version + 1,
        };
        record(
            &mut tx,
            actor,
            "body",
            id,
            "update",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
