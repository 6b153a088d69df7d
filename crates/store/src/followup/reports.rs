//! Outcome reports after an event: one link per participant (the token
//! kept only as a hash), a short form, and the reports per organisation.

use crate::codec::now;
use crate::{Store, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

fn hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeReport {
    pub id: i64,
    pub event_id: i64,
    pub traveller: String,
    pub person_id: Option<i64>,
    pub scores: Vec<Option<u8>>,
    pub learned: String,
    pub shared: String,
    pub influenced: String,
    pub submitted_at: Option<String>,
}

fn row(r: &sqlx::any::AnyRow) -> Result<OutcomeReport, sqlx::Error> {
    Ok(OutcomeReport {
        id: r.try_get("id")?,
        event_id: r.try_get("event_id")?,
        traveller: r.try_get("traveller")?,
        person_id: r.try_get("person_id")?,
        scores: serde_json::from_str(&r.try_get::<String, _>("scores_json")?).unwrap_or_default(),
        learned: r.try_get("learned")?,
        shared: r.try_get("shared")?,
        influenced: r.try_get("influenced")?,
        submitted_at: r.try_get("submitted_at")?,
    })
}

/// What a participant writes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportAnswer {
    pub scores: Vec<Option<u8>>,
    pub learned: String,
    pub shared: String,
    pub influenced: String,
}

impl Store {
    /// A new link for one participant's report, the old one no longer
    /// valid; `None` when the report is submitted already (or gone).
    pub async fn renew_report_link(
        &self,
        tenant_id: i64,
        report_id: i64,
    ) -> Result<Option<(OutcomeReport, String)>, StoreError> {
        let token = crate::auth::random_token();
        let n = sqlx::query(
            "UPDATE outcome_reports SET token_hash = $1 WHERE tenant_id = $2 AND id = $3 AND submitted_at IS NULL",
        )
        .bind(hash(&token))
        .bind(tenant_id)
        .bind(report_id)
        .execute(self.pool())
        .await?
        .rows_affected();
        if n == 0 {
            return Ok(None);
        }
        let r = sqlx::query("SELECT * FROM outcome_reports WHERE tenant_id = $1 AND id = $2")
            .bind(tenant_id)
            .bind(report_id)
            .fetch_one(self.pool())
            .await?;
        Ok(Some((row(&r)?, token)))
    }

    /// A report link for each traveller of the event who has none yet: (traveller, person, token, report id).
    pub async fn issue_report_links(
        &self,
        tenant_id: i64,
        event_id: i64,
    ) -> Result<Vec<(String, Option<i64>, String, i64)>, StoreError> {
        let event = self.event(tenant_id, event_id).await?;
        let existing = self.event_reports(tenant_id, event_id).await?;
        let mut seen: Vec<&str> = existing.iter().map(|r| r.traveller.as_str()).collect();
        let mut out = Vec::new();
        for j in &event.journeys {
            if seen.contains(&j.traveller.as_str()) {
                continue;
            }
            seen.push(&j.traveller);
            let token = crate::auth::random_token();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO outcome_reports (tenant_id, event_id, traveller, person_id, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(tenant_id)
            .bind(event_id)
            .bind(&j.traveller)
            .bind(j.person_id)
            .bind(hash(&token))
            .bind(now())
            .fetch_one(self.pool())
            .await?;
            out.push((j.traveller.clone(), j.person_id, token, id));
        }
        Ok(out)
    }

    pub async fn event_reports(
        &self,
        tenant_id: i64,
        event_id: i64,
    ) -> Result<Vec<OutcomeReport>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM outcome_reports WHERE tenant_id = $1 AND event_id = $2 ORDER BY id",
        )
        .bind(tenant_id)
        .bind(event_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(row).collect::<Result<_, _>>()?)
    }

    /// Submitted reports from events of an organisation, newest first.
    pub async fn organisation_reports(
        &self,
        tenant_id: i64,
        organisation_id: i64,
    ) -> Result<Vec<(String, OutcomeReport)>, StoreError> {
        self.kept(
            tenant_id,
            "organisation reports",
            (organisation_id, 0),
            || self.load_organisation_reports(tenant_id, organisation_id),
        )
        .await
    }

    async fn load_organisation_reports(
        &self,
        tenant_id: i64,
        organisation_id: i64,
    ) -> Result<Vec<(String, OutcomeReport)>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.*, e.title AS event_title FROM outcome_reports r JOIN events e ON e.id = r.event_id
             WHERE r.tenant_id = $1 AND e.organisation_id = $2 AND r.submitted_at IS NOT NULL ORDER BY e.starts_on DESC, r.id",
        )
        .bind(tenant_id)
        .bind(organisation_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("event_title")?, row(r)?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// The report (and its tenant) a link opens.
    pub async fn report_by_token(&self, token: &str) -> Result<(i64, OutcomeReport), StoreError> {
        let r = sqlx::query("SELECT * FROM outcome_reports WHERE token_hash = $1")
            .bind(hash(token))
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((r.try_get("tenant_id")?, row(&r)?))
    }

    pub async fn submit_report(&self, token: &str, a: &ReportAnswer) -> Result<(), StoreError> {
        let limit = oversyn_core::validate::MAX_TEXT;
        for (field, text) in [
            ("learned", &a.learned),
            ("shared", &a.shared),
            ("influenced", &a.influenced),
        ] {
            if text.chars().count() > limit {
                return Err(StoreError::invalid(field, "error-too-long"));
            }
        }
        let n = sqlx::query(
            "UPDATE outcome_reports SET scores_json = $1, learned = $2, shared = $3, influenced = $4, submitted_at = $5 WHERE token_hash = $6",
        )
        .bind(serde_json::to_string(&a.scores).unwrap_or_else(|_| "[]".into()))
        .bind(a.learned.trim())
        .bind(a.shared.trim())
        .bind(a.influenced.trim())
        .bind(now())
        .bind(hash(token))
        .execute(self.pool())
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
