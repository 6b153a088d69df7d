//! Respondents of a review, their personal links, and the messages sent to them.

use crate::audit::{Actor, record};
use crate::auth::{hash_token, random_token};
use crate::codec::now;
use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Respondent {
    pub id: i64,
    pub review_id: i64,
    pub person_id: Option<i64>,
    pub name: String,
    pub email: Option<String>,
    pub lang: String,
    pub invited_at: Option<String>,
    pub opened_at: Option<String>,
    pub submitted_at: Option<String>,
    pub reminders_sent: i64,
    pub last_contact_at: Option<String>,
    /// The memberships this person answers for.
    pub memberships: Vec<i64>,
    /// The group the answers count in, kept once the identity is removed.
    pub result_group: Option<String>,
    /// When the name and address were removed (retention or erasure).
    pub identity_removed_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRespondent {
    pub person_id: Option<i64>,
    pub name: String,
    pub email: Option<String>,
    pub lang: String,
    pub memberships: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailRecord {
    pub id: i64,
    pub respondent_id: Option<i64>,
    pub kind: String,
    pub to_addr: String,
    pub subject: String,
    /// `sent`, `failed` or `manual` (no SMTP: to be sent by hand).
    pub status: String,
    pub error: Option<String>,
    pub created_at: String,
}

pub(crate) const RESPONDENT_COLUMNS: &str = "id, review_id, person_id, name, email, lang, invited_at, opened_at, submitted_at, reminders_sent, last_contact_at, result_group, identity_removed_at";

pub(crate) fn respondent(r: &sqlx::any::AnyRow) -> Result<Respondent, sqlx::Error> {
    Ok(Respondent {
        id: r.try_get("id")?,
        review_id: r.try_get("review_id")?,
        person_id: r.try_get("person_id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        lang: r.try_get("lang")?,
        invited_at: r.try_get("invited_at")?,
        opened_at: r.try_get("opened_at")?,
        submitted_at: r.try_get("submitted_at")?,
        reminders_sent: r.try_get("reminders_sent")?,
        last_contact_at: r.try_get("last_contact_at")?,
        memberships: Vec::new(),
        result_group: r.try_get("result_group")?,
        identity_removed_at: r.try_get("identity_removed_at")?,
    })
}

impl Store {
    pub(crate) async fn respondent_memberships(
        &self,
        respondent_id: i64,
    ) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT membership_id FROM respondent_memberships WHERE respondent_id = $1 ORDER BY membership_id")
            .bind(respondent_id)
            .fetch_all(self.pool())
            .await?)
    }

    /// Adds a respondent answering for some of the review's memberships.
    pub async fn add_respondent(
        &self,
        actor: &Actor,
        review_id: i64,
        n: &NewRespondent,
    ) -> Result<Respondent, StoreError> {
        self.review(actor.tenant_id, review_id).await?;
        let scope = self.review_memberships(review_id).await?;
        let mut errors = oversyn_core::FieldErrors::new();
        if n.memberships.is_empty() || n.memberships.iter().any(|m| !scope.contains(m)) {
            errors.add("memberships", "error-no-memberships");
        }
        if let Some(p) = n.person_id
            && matches!(
                self.person(actor.tenant_id, p).await,
                Err(StoreError::NotFound)
            )
        {
            errors.add("person_id", "error-unknown-person");
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO respondents (tenant_id, review_id, person_id, name, email, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(review_id)
        .bind(n.person_id)
        .bind(&n.name)
        .bind(&n.email)
        .bind(&n.lang)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for m in &n.memberships {
            sqlx::query(
                "INSERT INTO respondent_memberships (respondent_id, membership_id) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(m)
            .execute(&mut *tx)
            .await?;
        }
        let after = serde_json::json!({ "review_id": review_id, "name": n.name, "email": n.email, "memberships": n.memberships });
        record(
            &mut tx,
            actor,
            "respondent",
            id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        self.respondent(actor.tenant_id, id).await
    }

    /// Removes a respondent who has not opened their link; after that their
    /// answers may exist, and removing them would change the results.
    pub async fn remove_respondent(
        &self,
        actor: &Actor,
        review_id: i64,
        id: i64,
    ) -> Result<(), StoreError> {
        let r = self.respondent(actor.tenant_id, id).await?;
        if r.review_id != review_id {
            return Err(StoreError::NotFound);
        }
        if r.opened_at.is_some() || r.submitted_at.is_some() {
            return Err(StoreError::Conflict(
                "the respondent has opened the questionnaire".into(),
            ));
        }
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM mail_messages WHERE respondent_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM respondent_links WHERE respondent_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM respondent_memberships WHERE respondent_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM respondents WHERE tenant_id = $1 AND id = $2")
            .bind(actor.tenant_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(&mut tx, actor, "respondent", id, "delete", Some(&r), None).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn respondent(&self, tenant_id: i64, id: i64) -> Result<Respondent, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {RESPONDENT_COLUMNS} FROM respondents WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let mut r = r
            .as_ref()
            .map(respondent)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        r.memberships = self.respondent_memberships(r.id).await?;
        Ok(r)
    }

    pub async fn respondents(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<Respondent>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {RESPONDENT_COLUMNS} FROM respondents WHERE tenant_id = $1 AND review_id = $2 ORDER BY name, id")))
            .bind(tenant_id)
            .bind(review_id)
            .fetch_all(self.pool())
            .await?;
        // The tenant too, so the respondents' index serves the join (by
        // review alone it read every tenant's respondents).
        let links = sqlx::query("SELECT rm.respondent_id, rm.membership_id FROM respondent_memberships rm JOIN respondents r ON r.id = rm.respondent_id WHERE r.tenant_id = $1 AND r.review_id = $2 ORDER BY rm.respondent_id, rm.membership_id")
            .bind(tenant_id)
            .bind(review_id)
            .fetch_all(self.pool())
            .await?;
        let mut out: Vec<Respondent> = rows.iter().map(respondent).collect::<Result<_, _>>()?;
        let at: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for l in &links {
            let (rid, mid): (i64, i64) = (l.try_get("respondent_id")?, l.try_get("membership_id")?);
            if let Some(&i) = at.get(&rid) {
                out[i].memberships.push(mid);
            }
        }
        Ok(out)
    }

    /// Issues a new personal link for a respondent; the token is returned
    /// once and only its hash is kept. Earlier links stay valid.
    pub async fn issue_link(
        &self,
        tenant_id: i64,
        respondent_id: i64,
    ) -> Result<String, StoreError> {
        self.respondent(tenant_id, respondent_id).await?;
        let token = random_token();
        sqlx::query("INSERT INTO respondent_links (token_hash, respondent_id, created_at) VALUES ($1, $2, $3)")
            .bind(hash_token(&token))
            .bind(respondent_id)
            .bind(now())
            .execute(self.pool())
            .await?;
        Ok(token)
    }

    /// Records a message to a respondent and, if it went out (or is for
    /// sending by hand), counts it as the invitation or a reminder.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_message(
        &self,
        tenant_id: i64,
        review_id: i64,
        respondent_id: i64,
        kind: &str,
        to: &str,
        subject: &str,
        status: &str,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        let t = now();
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO mail_messages (tenant_id, review_id, respondent_id, kind, to_addr, subject, status, error, created_at, sent_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(tenant_id)
        .bind(review_id)
        .bind(respondent_id)
        .bind(kind)
        .bind(to)
        .bind(subject)
        .bind(status)
        .bind(error)
        .bind(&t)
        .bind(if status == "sent" { Some(t.clone()) } else { None })
        .execute(&mut *tx)
        .await?;
        if status != "failed" {
            let sql = if kind == "invitation" {
                "UPDATE respondents SET invited_at = COALESCE(invited_at, $1), last_contact_at = $1 WHERE tenant_id = $2 AND id = $3"
            } else {
                "UPDATE respondents SET reminders_sent = reminders_sent + 1, last_contact_at = $1 WHERE tenant_id = $2 AND id = $3"
            };
            sqlx::query(sql)
                .bind(&t)
                .bind(tenant_id)
                .bind(respondent_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn messages(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<MailRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, respondent_id, kind, to_addr, subject, status, error, created_at FROM mail_messages WHERE tenant_id = $1 AND review_id = $2 ORDER BY id DESC",
        )
        .bind(tenant_id)
        .bind(review_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MailRecord {
                    id: r.try_get("id")?,
                    respondent_id: r.try_get("respondent_id")?,
                    kind: r.try_get("kind")?,
                    to_addr: r.try_get("to_addr")?,
                    subject: r.try_get("subject")?,
                    status: r.try_get("status")?,
                    error: r.try_get("error")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Open reviews of every tenant, for the reminder schedule.
    pub async fn open_reviews(
        &self,
        today: chrono::NaiveDate,
    ) -> Result<Vec<(i64, super::Review)>, StoreError> {
        let d = crate::codec::date_out(Some(today));
        let rows = sqlx::query("SELECT tenant_id, id FROM reviews WHERE opens_on <= $1 AND closes_on >= $1 AND illustrative = 0")
            .bind(&d)
            .fetch_all(self.pool())
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let (t, id): (i64, i64) = (r.try_get("tenant_id")?, r.try_get("id")?);
            out.push((t, self.review(t, id).await?));
        }
        Ok(out)
    }
}
