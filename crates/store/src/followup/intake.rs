//! Intake requests: stored with their scores and the triage made from them.

use crate::audit::{Actor, record};
use crate::codec::{code_in, now};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::followup::input::IntakeFields;
use oversyn_core::followup::intake::Triage;
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredIntake {
    pub id: i64,
    pub fields: IntakeFields,
    pub triage: Triage,
    /// open, accepted or declined.
    pub status: String,
    pub case_id: Option<i64>,
    pub created_at: String,
}

fn row(r: &sqlx::any::AnyRow) -> Result<StoredIntake, sqlx::Error> {
    Ok(StoredIntake {
        id: r.try_get("id")?,
        fields: IntakeFields {
            title: r.try_get("title")?,
            requester: r.try_get("requester")?,
            kind: r.try_get("kind")?,
            organisation_name: r.try_get("organisation_name")?,
            description: r.try_get("description")?,
            scores: serde_json::from_str(&r.try_get::<String, _>("scores_json")?)
                .unwrap_or_default(),
            geography_reason: r.try_get::<i64, _>("geography_reason")? != 0,
        },
        triage: code_in(&r.try_get::<String, _>("triage")?),
        status: r.try_get("status")?,
        case_id: r.try_get("case_id")?,
        created_at: r.try_get("created_at")?,
    })
}

impl Store {
    pub async fn intake_requests(&self, tenant_id: i64) -> Result<Vec<StoredIntake>, StoreError> {
        self.kept(tenant_id, "intake requests", (0, 0), || {
            self.load_intake_requests(tenant_id)
        })
        .await
    }

    async fn load_intake_requests(&self, tenant_id: i64) -> Result<Vec<StoredIntake>, StoreError> {
        let rows =
            sqlx::query("SELECT * FROM intake_requests WHERE tenant_id = $1 ORDER BY id DESC")
                .bind(tenant_id)
                .fetch_all(self.pool())
                .await?;
        Ok(rows.iter().map(row).collect::<Result<_, _>>()?)
    }

    pub async fn intake_request(
        &self,
        tenant_id: i64,
        id: i64,
    ) -> Result<StoredIntake, StoreError> {
        let r = sqlx::query("SELECT * FROM intake_requests WHERE tenant_id = $1 AND id = $2")
            .bind(tenant_id)
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(row(&r)?)
    }

    pub async fn create_intake(
        &self,
        actor: &Actor,
        f: &IntakeFields,
        triage: Triage,
    ) -> Result<i64, StoreError> {
        f.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.write_tx().await?;
        let t = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO intake_requests (tenant_id, title, requester, kind, organisation_name, description, scores_json, geography_reason, triage, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(f.title.trim())
        .bind(f.requester.trim())
        .bind(&f.kind)
        .bind(f.organisation_name.trim())
        .bind(&f.description)
        .bind(serde_json::to_string(&f.scores).unwrap_or_else(|_| "[]".into()))
        .bind(i64::from(f.geography_reason))
        .bind(triage.code())
        .bind(&actor.label)
        .bind(&t)
        .fetch_one(&mut *tx)
        .await?;
        record(&mut tx, actor, "intake", id, "create", None, Some(f)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Closes a request: `accepted` (optionally with the case made from it) or `declined`.
    pub async fn close_intake(
        &self,
        actor: &Actor,
        id: i64,
        status: &str,
        case_id: Option<i64>,
    ) -> Result<(), StoreError> {
        if !matches!(status, "accepted" | "declined") {
            return Err(StoreError::invalid("status", "error-choose"));
        }
        let before = self.intake_request(actor.tenant_id, id).await?;
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE intake_requests SET status = $1, case_id = $2, updated_at = $3 WHERE tenant_id = $4 AND id = $5")
            .bind(status)
            .bind(case_id)
            .bind(now())
            .bind(actor.tenant_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            "intake",
            id,
            status,
            Some(&before.status),
            Some(&status.to_owned()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
