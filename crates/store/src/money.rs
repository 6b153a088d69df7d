//! Money: the exchange rates imported over the shipped ones (shared by all
//! tenants) and the invoices of a tenant's memberships.

use crate::audit::{Actor, record};
use crate::codec::{date_in, date_out, now};
use crate::register::check_version;
use crate::{Store, StoreError};
use oversyn_core::rates::Rate;
use oversyn_core::register::invoice::{Invoice, InvoiceCmd};
use sqlx::Row;

const INVOICE_COLUMNS: &str = "id, membership_id, invoice_date, budget_year, amount_minor, currency, paid_on, reference, version";

fn invoice(r: &sqlx::any::AnyRow) -> Result<Invoice, StoreError> {
    let date: String = r.try_get("invoice_date")?;
    Ok(Invoice {
        id: r.try_get("id")?,
        membership_id: r.try_get("membership_id")?,
        invoice_date: date_in(Some(date)).ok_or(StoreError::NotFound)?,
        budget_year: i32::try_from(r.try_get::<i64, _>("budget_year")?).unwrap_or_default(),
        amount_minor: r.try_get("amount_minor")?,
        currency: r.try_get("currency")?,
        paid_on: date_in(r.try_get("paid_on")?),
        reference: r.try_get("reference")?,
        version: r.try_get("version")?,
    })
}

impl Store {
    /// The rates imported so far (the shipped ones live in the core).
    pub async fn exchange_rates(&self) -> Result<Vec<Rate>, StoreError> {
        let rows = sqlx::query(
            "SELECT currency, year, micro, source FROM exchange_rates ORDER BY currency, year",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Rate {
                    currency: r.try_get("currency")?,
                    year: i32::try_from(r.try_get::<i64, _>("year")?).unwrap_or_default(),
                    micro: r.try_get("micro")?,
                    source: r.try_get("source")?,
                })
            })
            .collect()
    }

    /// Stores checked rates, each replacing any earlier rate of its currency
    /// and year, in one transaction with one audit entry (under no tenant:
    /// the rates are every tenant's). Returns how many were new.
    pub async fn import_rates(&self, actor: &str, rates: &[Rate]) -> Result<usize, StoreError> {
        let mut tx = self.write_tx().await?;
        let mut new = 0;
        for r in rates {
            let gone = sqlx::query("DELETE FROM exchange_rates WHERE currency = $1 AND year = $2")
                .bind(&r.currency)
                .bind(i64::from(r.year))
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if gone == 0 {
                new += 1;
            }
            sqlx::query(
                "INSERT INTO exchange_rates (currency, year, micro, source, imported_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&r.currency)
            .bind(i64::from(r.year))
            .bind(r.micro)
            .bind(&r.source)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        let after = serde_json::to_string(rates).unwrap_or_default();
        sqlx::query(
            "INSERT INTO audit_log (tenant_id, actor, actor_user_id, at, entity, entity_id, action, before_json, after_json)
             VALUES (NULL, $1, NULL, $2, 'exchange_rates', 0, 'import', NULL, $3)",
        )
        .bind(actor)
        .bind(now())
        .bind(after)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(new)
    }

    /// A membership's invoices, newest first.
    pub async fn invoices(
        &self,
        tenant_id: i64,
        membership_id: i64,
    ) -> Result<Vec<Invoice>, StoreError> {
        self.kept(tenant_id, "invoices", (membership_id, 0), || {
            self.load_invoices(tenant_id, membership_id)
        })
        .await
    }

    async fn load_invoices(
        &self,
        tenant_id: i64,
        membership_id: i64,
    ) -> Result<Vec<Invoice>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 AND membership_id = $2
             ORDER BY invoice_date DESC, id DESC"
        )))
        .bind(tenant_id)
        .bind(membership_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(invoice).collect()
    }

    /// Every invoice of the tenant, for totals per budget year.
    pub async fn all_invoices(&self, tenant_id: i64) -> Result<Vec<Invoice>, StoreError> {
        self.kept(tenant_id, "all invoices", (0, 0), || {
            self.load_all_invoices(tenant_id)
        })
        .await
    }

    async fn load_all_invoices(&self, tenant_id: i64) -> Result<Vec<Invoice>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 ORDER BY invoice_date, id"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(invoice).collect()
    }

    pub async fn invoice(&self, tenant_id: i64, id: i64) -> Result<Invoice, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        r.as_ref()
            .map(invoice)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    /// Records an invoice under one of the tenant's memberships.
    pub async fn create_invoice(
        &self,
        actor: &Actor,
        membership_id: i64,
        c: &InvoiceCmd,
    ) -> Result<Invoice, StoreError> {
        // The membership must be the tenant's: NotFound otherwise.
        self.membership(actor.tenant_id, membership_id).await?;
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO invoices (tenant_id, membership_id, invoice_date, budget_year, amount_minor, currency, paid_on,
             reference, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(membership_id)
        .bind(date_out(Some(c.invoice_date)))
        .bind(i64::from(c.budget_year))
        .bind(c.amount_minor)
        .bind(&c.currency)
        .bind(date_out(c.paid_on))
        .bind(&c.reference)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let after = of_cmd(id, membership_id, c, 1);
        record(&mut tx, actor, "invoice", id, "create", None, Some(&after)).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Changes an invoice (e.g. records that it was paid), refusing a stale edit.
    pub async fn update_invoice(
        &self,
        actor: &Actor,
        id: i64,
        c: &InvoiceCmd,
    ) -> Result<Invoice, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {INVOICE_COLUMNS} FROM invoices WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(invoice)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        check_version(c.version, before.version)?;
        let after = of_cmd(id, before.membership_id, c, before.version + 1);
        sqlx::query(
            "UPDATE invoices SET invoice_date = $1, budget_year = $2, amount_minor = $3, currency = $4, paid_on = $5,
             reference = $6, version = version + 1, updated_at = $7 WHERE tenant_id = $8 AND id = $9",
        )
        .bind(date_out(Some(c.invoice_date)))
        .bind(i64::from(c.budget_year))
        .bind(c.amount_minor)
        .bind(&c.currency)
        .bind(date_out(c.paid_on))
        .bind(&c.reference)
        .bind(now())
        .bind(actor.tenant_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            actor,
            "invoice",
            id,
            "update",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Removes an invoice recorded by mistake; the audit log keeps it.
    pub async fn delete_invoice(&self, actor: &Actor, id: i64) -> Result<(), StoreError> {
        let before = self.invoice(actor.tenant_id, id).await?;
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM invoices WHERE tenant_id = $1 AND id = $2")
            .bind(actor.tenant_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(&mut tx, actor, "invoice", id, "delete", Some(&before), None).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn of_cmd(id: i64, membership_id: i64, c: &InvoiceCmd, version: i64) -> Invoice {
    Invoice {
        id,
        membership_id,
        invoice_date: c.invoice_date,
        budget_year: c.budget_year,
        amount_minor: c.amount_minor,
        currency: c.currency.clone(),
        paid_on: c.paid_on,
        reference: c.reference.clone(),
        version,
    }
}
