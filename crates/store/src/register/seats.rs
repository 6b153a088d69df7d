//! Seats and participation: board seats and posts, forums and working groups.

use super::check_version;
use crate::audit::{Actor, record};
use crate::codec::{code_in, date_in, date_out, now};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use oversyn_core::Code;
use oversyn_core::register::Seat;
use oversyn_core::register::input::SeatCmd;
use sqlx::Row;

const COLUMNS: &str = "id, organisation_id, person_id, kind, org_body, title, from_date, until_date, notes, appointed_by, deputy_person_id, version";

fn seat(r: &sqlx::any::AnyRow) -> Result<Seat, sqlx::Error> {
    Ok(Seat {
        id: r.try_get("id")?,
        organisation_id: r.try_get("organisation_id")?,
        person_id: r.try_get("person_id")?,
        kind: code_in(&r.try_get::<String, _>("kind")?),
        org_body: r.try_get("org_body")?,
        title: r.try_get("title")?,
        from: date_in(r.try_get("from_date")?),
        until: date_in(r.try_get("until_date")?),
        notes: r.try_get("notes")?,
        appointed_by: r.try_get("appointed_by")?,
        deputy_person_id: r.try_get("deputy_person_id")?,
        version: r.try_get("version")?,
    })
}

fn from_cmd(id: i64, c: &SeatCmd, version: i64) -> Seat {
    Seat {
        id,
        organisation_id: c.organisation_id,
        person_id: c.person_id,
        kind: c.kind,
        org_body: c.org_body.clone(),
        title: c.title.clone(),
        from: c.from,
        until: c.until,
        notes: c.notes.clone(),
        appointed_by: c.appointed_by.clone(),
        deputy_person_id: c.deputy_person_id,
        version,
    }
}

impl Store {
    /// The tenant's seats; kept while its data is unchanged.
    pub async fn seats(&self, tenant_id: i64) -> Result<Vec<Seat>, StoreError> {
        self.kept(tenant_id, "seats", (0, 0), || self.load_seats(tenant_id))
            .await
    }

    async fn load_seats(&self, tenant_id: i64) -> Result<Vec<Seat>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM seats WHERE tenant_id = $1 ORDER BY organisation_id, org_body, id")))
            .bind(tenant_id)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.iter().map(seat).collect::<Result<_, _>>()?)
    }

    /// One of the tenant's seats, from the kept list.
    pub async fn seat(&self, tenant_id: i64, id: i64) -> Result<Seat, StoreError> {
        self.kept_arc(tenant_id, "seats", (0, 0), || self.load_seats(tenant_id))
            .await?
            .iter()
            .find(|x| x.id == id)
            .cloned()
            .ok_or(StoreError::NotFound)
    }

    /// Checks that a seat's organisation and person are the tenant's to use.
    async fn check_seat_refs(&self, tenant_id: i64, c: &SeatCmd) -> Result<(), StoreError> {
        let mut e = oversyn_core::FieldErrors::new();
        if !self
            .organisation_visible(tenant_id, c.organisation_id)
            .await?
        {
            e.add("organisation_id", "error-unknown-organisation");
        }
        if let Some(p) = c.person_id
            && matches!(self.person(tenant_id, p).await, Err(StoreError::NotFound))
        {
            e.add("person_id", "error-unknown-person");
        }
        if let Some(p) = c.deputy_person_id
            && matches!(self.person(tenant_id, p).await, Err(StoreError::NotFound))
        {
            e.add("deputy_person_id", "error-unknown-person");
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid(e))
        }
    }

    pub async fn create_seat(&self, actor: &Actor, c: &SeatCmd) -> Result<Seat, StoreError> {
        self.check_seat_refs(actor.tenant_id, c).await?;
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO seats (tenant_id, organisation_id, person_id, kind, org_body, title, from_date, until_date, notes, created_at, updated_at, appointed_by, deputy_person_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(c.organisation_id)
        .bind(c.person_id)
        .bind(c.kind.code())
        .bind(&c.org_body)
        .bind(&c.title)
        .bind(date_out(c.from))
        .bind(date_out(c.until))
        .bind(&c.notes)
        .bind(now())
        .bind(&c.appointed_by)
        .bind(c.deputy_person_id)
        .fetch_one(&mut *tx)
        .await?;
        let after = from_cmd(id, c, 1);
        record(&mut tx, actor, "seat", id, "create", None, Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn update_seat(
        &self,
        actor: &Actor,
        id: i64,
        c: &SeatCmd,
    ) -> Result<Seat, StoreError> {
        self.check_seat_refs(actor.tenant_id, c).await?;
        self.write_seat(actor, id, c.version, "update", |_| from_cmd(id, c, 0))
            .await
    }

    /// Ends a seat on a date (a resignation, or the end of a term).
    pub async fn end_seat(
        &self,
        actor: &Actor,
        id: i64,
        until: NaiveDate,
        version: Option<i64>,
    ) -> Result<Seat, StoreError> {
        self.write_seat(actor, id, version, "end", |before| Seat {
            until: Some(until),
            ..before.clone()
        })
        .await
    }

    async fn write_seat(
        &self,
        actor: &Actor,
        id: i64,
        version: Option<i64>,
        action: &str,
        change: impl FnOnce(&Seat) -> Seat,
    ) -> Result<Seat, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM seats WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(seat)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        check_version(version, before.version)?;
        let after = Seat {
            id,
            version: before.version + 1,
            ..change(&before)
        };
        oversyn_core::validate::period(after.from, after.until)
            .map_err(|k| StoreError::invalid("until", k))?;
        let n = sqlx::query(
            "UPDATE seats SET organisation_id = $1, person_id = $2, kind = $3, org_body = $4, title = $5, from_date = $6,
             until_date = $7, notes = $8, version = version + 1, updated_at = $9, appointed_by = $13, deputy_person_id = $14
             WHERE tenant_id = $10 AND id = $11 AND version = $12",
        )
        .bind(after.organisation_id)
        .bind(after.person_id)
        .bind(after.kind.code())
        .bind(&after.org_body)
        .bind(&after.title)
        .bind(date_out(after.from))
        .bind(date_out(after.until))
        .bind(&after.notes)
        .bind(now())
        .bind(actor.tenant_id)
        .bind(id)
        .bind(before.version)
        .bind(&after.appointed_by)
        .bind(after.deputy_person_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Stale);
        }
        record(
            &mut tx,
            actor,
            "seat",
            id,
            action,
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
