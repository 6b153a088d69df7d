//! Memberships a tenant's bodies hold in organisations.

use super::check_version;
use crate::audit::{Actor, record};
use crate::codec::{code_in, date_in, date_out, now};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use oversyn_core::Code;
use oversyn_core::fees::Fee;
use oversyn_core::register::input::MembershipCmd;
use oversyn_core::register::{Membership, status_on_ending};
use sqlx::Row;

pub type MembershipRow = Membership;

const COLUMNS: &str = "id, body_id, organisation_id, mtype, status, since, until, fee_kind, fee_minor, fee_currency, \
     fee_year, fee_illustrative, contact_person_id, notes, version";

fn membership(r: &sqlx::any::AnyRow) -> Result<Membership, sqlx::Error> {
    let fee_kind: String = r.try_get("fee_kind")?;
    let fee = match fee_kind.as_str() {
        "none" => Fee::NoFee,
        "amount" => Fee::Amount {
            minor: r
                .try_get::<Option<i64>, _>("fee_minor")?
                .unwrap_or_default(),
            currency: r
                .try_get::<Option<String>, _>("fee_currency")?
                .unwrap_or_default(),
            year: r
                .try_get::<Option<i64>, _>("fee_year")?
                .and_then(|y| i32::try_from(y).ok()),
        },
        _ => Fee::Unknown,
    };
    Ok(Membership {
        id: r.try_get("id")?,
        body_id: r.try_get("body_id")?,
        organisation_id: r.try_get("organisation_id")?,
        mtype: code_in(&r.try_get::<String, _>("mtype")?),
        status: code_in(&r.try_get::<String, _>("status")?),
        since: date_in(r.try_get("since")?),
        until: date_in(r.try_get("until")?),
        fee,
        fee_illustrative: r.try_get::<i64, _>("fee_illustrative")? != 0,
        contact_person_id: r.try_get("contact_person_id")?,
        notes: r.try_get("notes")?,
        version: r.try_get("version")?,
    })
}

/// The fee as the four columns that store it.
fn fee_columns(fee: &Fee) -> (&'static str, Option<i64>, Option<String>, Option<i64>) {
    match fee {
        Fee::Unknown => ("unknown", None, None, None),
        Fee::NoFee => ("none", None, None, None),
        Fee::Amount {
            minor,
            currency,
            year,
        } => (
            "amount",
            Some(*minor),
            Some(currency.clone()),
            year.map(i64::from),
        ),
    }
}

fn from_cmd(id: i64, c: &MembershipCmd, version: i64) -> Membership {
    Membership {
        id,
        body_id: c.body_id,
        organisation_id: c.organisation_id,
        mtype: c.mtype,
        status: c.status,
        since: c.since,
        until: c.until,
        fee: c.fee.clone(),
        fee_illustrative: c.fee_illustrative,
        contact_person_id: c.contact_person_id,
        notes: c.notes.clone(),
        version,
    }
}

impl Store {
    /// The tenant's memberships; kept while its data is unchanged.
    pub async fn memberships(&self, tenant_id: i64) -> Result<Vec<Membership>, StoreError> {
        self.kept(tenant_id, "memberships", (0, 0), || {
            self.load_memberships(tenant_id)
        })
        .await
    }

    async fn load_memberships(&self, tenant_id: i64) -> Result<Vec<Membership>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM memberships WHERE tenant_id = $1 ORDER BY id"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(membership).collect::<Result<_, _>>()?)
    }

    /// One of the tenant's memberships, from the kept list.
    pub async fn membership(&self, tenant_id: i64, id: i64) -> Result<Membership, StoreError> {
        self.kept_arc(tenant_id, "memberships", (0, 0), || {
            self.load_memberships(tenant_id)
        })
        .await?
        .iter()
        .find(|x| x.id == id)
        .cloned()
        .ok_or(StoreError::NotFound)
    }

    /// Checks that the body, organisation and contact are the tenant's to use.
    async fn check_membership_refs(
        &self,
        tenant_id: i64,
        c: &MembershipCmd,
    ) -> Result<(), StoreError> {
        let mut e = oversyn_core::FieldErrors::new();
        if matches!(
            self.body(tenant_id, c.body_id).await,
            Err(StoreError::NotFound)
        ) {
            e.add("body_id", "error-unknown-body");
        }
        if !self
            .organisation_visible(tenant_id, c.organisation_id)
            .await?
        {
            e.add("organisation_id", "error-unknown-organisation");
        }
        if let Some(p) = c.contact_person_id
            && matches!(self.person(tenant_id, p).await, Err(StoreError::NotFound))
        {
            e.add("contact_person_id", "error-unknown-person");
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid(e))
        }
    }

    pub async fn create_membership(
        &self,
        actor: &Actor,
        c: &MembershipCmd,
    ) -> Result<Membership, StoreError> {
        self.check_membership_refs(actor.tenant_id, c).await?;
        let (fee_kind, fee_minor, fee_currency, fee_year) = fee_columns(&c.fee);
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO memberships (tenant_id, body_id, organisation_id, mtype, status, since, until, fee_kind, fee_minor,
             fee_currency, fee_year, fee_illustrative, contact_person_id, notes, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(c.body_id)
        .bind(c.organisation_id)
        .bind(c.mtype.code())
        .bind(c.status.code())
        .bind(date_out(c.since))
        .bind(date_out(c.until))
        .bind(fee_kind)
        .bind(fee_minor)
        .bind(fee_currency)
        .bind(fee_year)
        .bind(i64::from(c.fee_illustrative))
        .bind(c.contact_person_id)
        .bind(&c.notes)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let after = from_cmd(id, c, 1);
        record(
            &mut tx,
            actor,
            "membership",
            id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn update_membership(
        &self,
        actor: &Actor,
        id: i64,
        c: &MembershipCmd,
    ) -> Result<Membership, StoreError> {
        self.check_membership_refs(actor.tenant_id, c).await?;
        self.write_membership(actor, id, c.version, "update", |_| from_cmd(id, c, 0))
            .await
    }

    /// Ends a membership on `until`: ended if that day has come, otherwise
    /// notice given, to end on that day.
    pub async fn end_membership(
        &self,
        actor: &Actor,
        id: i64,
        until: NaiveDate,
        today: NaiveDate,
        version: Option<i64>,
    ) -> Result<Membership, StoreError> {
        self.write_membership(actor, id, version, "end", |before| Membership {
            until: Some(until),
            status: status_on_ending(until, today),
            ..before.clone()
        })
        .await
    }

    async fn write_membership(
        &self,
        actor: &Actor,
        id: i64,
        version: Option<i64>,
        action: &str,
        change: impl FnOnce(&Membership) -> Membership,
    ) -> Result<Membership, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM memberships WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(membership)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        check_version(version, before.version)?;
        let after = Membership {
            id,
            version: before.version + 1,
            ..change(&before)
        };
        oversyn_core::validate::period(after.since, after.until)
            .map_err(|k| StoreError::invalid("until", k))?;
        let (fee_kind, fee_minor, fee_currency, fee_year) = fee_columns(&after.fee);
        let n = sqlx::query(
            "UPDATE memberships SET body_id = $1, organisation_id = $2, mtype = $3, status = $4, since = $5, until = $6,
             fee_kind = $7, fee_minor = $8, fee_currency = $9, fee_year = $10, fee_illustrative = $11, contact_person_id = $12,
             notes = $13, version = version + 1, updated_at = $14 WHERE tenant_id = $15 AND id = $16 AND version = $17",
        )
        .bind(after.body_id)
        .bind(after.organisation_id)
        .bind(after.mtype.code())
        .bind(after.status.code())
        .bind(date_out(after.since))
        .bind(date_out(after.until))
        .bind(fee_kind)
        .bind(fee_minor)
        .bind(fee_currency)
        .bind(fee_year)
        .bind(i64::from(after.fee_illustrative))
        .bind(after.contact_person_id)
        .bind(&after.notes)
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
        record(
            &mut tx,
            actor,
            "membership",
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
