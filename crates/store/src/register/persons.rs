//! Persons of a tenant: officials and politicians who represent the city.

use super::check_version;
use crate::audit::{Actor, record};
use crate::codec::{code_in, now};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::codes::PersonKind;
use oversyn_core::register::Person;
use oversyn_core::register::input::PersonCmd;
use sqlx::Row;

const COLUMNS: &str = "id, name, kind, party, side, department, email, version";

fn person(r: &sqlx::any::AnyRow) -> Result<Person, sqlx::Error> {
    let side: Option<String> = r.try_get("side")?;
    Ok(Person {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        kind: code_in(&r.try_get::<String, _>("kind")?),
        party: r.try_get("party")?,
        side: side.as_deref().and_then(Code::parse),
        department: r.try_get("department")?,
        email: r.try_get("email")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// The tenant's persons; kept while its data is unchanged.
    pub async fn persons(&self, tenant_id: i64) -> Result<Vec<Person>, StoreError> {
        self.kept(tenant_id, "persons", (0, 0), || {
            self.load_persons(tenant_id)
        })
        .await
    }

    async fn load_persons(&self, tenant_id: i64) -> Result<Vec<Person>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM persons WHERE tenant_id = $1 ORDER BY name"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(person).collect::<Result<_, _>>()?)
    }

    /// One of the tenant's persons, from the kept list.
    pub async fn person(&self, tenant_id: i64, id: i64) -> Result<Person, StoreError> {
        self.kept_arc(tenant_id, "persons", (0, 0), || {
            self.load_persons(tenant_id)
        })
        .await?
        .iter()
        .find(|x| x.id == id)
        .cloned()
        .ok_or(StoreError::NotFound)
    }

    pub async fn create_person(&self, actor: &Actor, c: &PersonCmd) -> Result<Person, StoreError> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO persons (tenant_id, name, kind, party, side, department, email, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(&c.name)
        .bind(c.kind.code())
        .bind(c.party.as_ref().filter(|_| c.kind == PersonKind::Politician))
        .bind(c.side.map(Code::code))
        .bind(&c.department)
        .bind(&c.email)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let after = from_cmd(id, c, 1);
        record(&mut tx, actor, "person", id, "create", None, Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn update_person(
        &self,
        actor: &Actor,
        id: i64,
        c: &PersonCmd,
    ) -> Result<Person, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM persons WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(person)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        check_version(c.version, before.version)?;
        let n = sqlx::query(
            "UPDATE persons SET name = $1, kind = $2, party = $3, side = $4, department = $5, email = $6,
             version = version + 1, updated_at = $7 WHERE tenant_id = $8 AND id = $9 AND version = $10",
        )
        .bind(&c.name)
        .bind(c.kind.code())
        .bind(c.party.as_ref().filter(|_| c.kind == PersonKind::Politician))
        .bind(c.side.map(Code::code))
        .bind(&c.department)
        .bind(&c.email)
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
        let after = from_cmd(id, c, before.version + 1);
        record(
            &mut tx,
            actor,
            "person",
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

fn from_cmd(id: i64, c: &PersonCmd, version: i64) -> Person {
    Person {
        id,
        name: c.name.clone(),
        kind: c.kind,
        party: c.party.clone().filter(|_| c.kind == PersonKind::Politician),
        side: c.side,
        department: c.department.clone(),
        email: c.email.clone(),
        version,
    }
}
