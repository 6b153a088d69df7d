//! Persons' terms of office.

use crate::audit::{Actor, record};
use crate::codec::{date_in, date_out, now};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::codes::Side;
use oversyn_core::register::terms::{Term, TermCmd, admit};
use sqlx::Row;

const COLUMNS: &str = "id, person_id, body, role, from_on, to_on, side, version";

fn term(r: &sqlx::any::AnyRow) -> Result<Term, StoreError> {
    let side: Option<String> = r.try_get("side")?;
    Ok(Term {
        id: r.try_get("id")?,
        person_id: r.try_get("person_id")?,
        body: r.try_get("body")?,
        role: r.try_get("role")?,
        from: date_in(r.try_get("from_on")?).ok_or(StoreError::NotFound)?,
        to: date_in(r.try_get("to_on")?),
        side: side.as_deref().and_then(Side::parse),
        version: r.try_get("version")?,
    })
}

impl Store {
    /// Every term of the tenant's persons, by person and start.
    pub async fn terms(&self, tenant_id: i64) -> Result<Vec<Term>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM person_terms WHERE tenant_id = $1 ORDER BY person_id, from_on, id"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(term).collect()
    }

    /// Adds a term to one of the tenant's persons; it may not overlap
    /// another of theirs in the same body.
    pub async fn create_term(
        &self,
        actor: &Actor,
        person_id: i64,
        c: &TermCmd,
    ) -> Result<Term, StoreError> {
        self.person(actor.tenant_id, person_id).await?;
        let mut tx = self.write_tx().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM person_terms WHERE tenant_id = $1 AND person_id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(person_id)
        .fetch_all(&mut *tx)
        .await?;
        let existing: Vec<Term> = rows.iter().map(term).collect::<Result<_, _>>()?;
        admit(&existing, person_id, c).map_err(StoreError::Invalid)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO person_terms (tenant_id, person_id, body, role, from_on, to_on, side, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(person_id)
        .bind(&c.body)
        .bind(&c.role)
        .bind(date_out(Some(c.from)))
        .bind(date_out(c.to))
        .bind(c.side.map(Code::code))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let after = Term {
            id,
            person_id,
            body: c.body.clone(),
            role: c.role.clone(),
            from: c.from,
            to: c.to,
            side: c.side,
            version: 1,
        };
        record(
            &mut tx,
            actor,
            "person_term",
            id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Removes a term entered by mistake; the audit log keeps it.
    pub async fn delete_term(&self, actor: &Actor, id: i64) -> Result<Term, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM person_terms WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(term)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        sqlx::query("DELETE FROM person_terms WHERE tenant_id = $1 AND id = $2")
            .bind(actor.tenant_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            "person_term",
            id,
            "delete",
            Some(&before),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(before)
    }
}
