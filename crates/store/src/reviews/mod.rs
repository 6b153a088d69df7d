//! Reviews in storage: versioned strategies, review rounds with their
//! memberships and questions, respondents, their links and answers, and the
//! record of messages sent.

mod overrides;
mod respond;
mod respondents;

pub use overrides::{MIN_JUSTIFICATION, Override};
pub use respond::{LinkContext, SavedAnswer};
pub use respondents::{MailRecord, NewRespondent, Respondent};
// Its rules live in core; named here too for the store's callers.
pub use oversyn_core::review::input::NewReview;

use crate::audit::{Actor, record};
use crate::codec::{code_in, date_in, date_out, now};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use oversyn_core::Code;
use oversyn_core::review::questionnaire::{NewQuestion, Question};
use oversyn_core::review::strategy::{Strategy, default_strategy};
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredStrategy {
    pub id: i64,
    pub version: i64,
    pub strategy: Strategy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Review {
    pub id: i64,
    pub strategy_id: i64,
    pub title: String,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub anonymous: bool,
    /// Groups with fewer respondents than this are not broken down.
    pub min_group: i64,
    pub reminder_max: i64,
    pub reminder_days: i64,
    /// The answers are illustrative (demo data), not real.
    pub illustrative: bool,
    pub version: i64,
}

impl Review {
    /// Whether answers are taken on `today` (the closing day included).
    pub fn is_open(&self, today: NaiveDate) -> bool {
        today >= self.opens_on && today <= self.closes_on
    }
}

const REVIEW_COLUMNS: &str = "id, strategy_id, title, opens_on, closes_on, anonymous, min_group, reminder_max, reminder_days, illustrative, version";

fn review(r: &sqlx::any::AnyRow) -> Result<Review, sqlx::Error> {
    let date = |c: &str| -> Result<NaiveDate, sqlx::Error> {
        date_in(r.try_get(c)?).ok_or_else(|| sqlx::Error::Decode(format!("bad date in {c}").into()))
    };
    Ok(Review {
        id: r.try_get("id")?,
        strategy_id: r.try_get("strategy_id")?,
        title: r.try_get("title")?,
        opens_on: date("opens_on")?,
        closes_on: date("closes_on")?,
        anonymous: r.try_get::<i64, _>("anonymous")? != 0,
        min_group: r.try_get("min_group")?,
        reminder_max: r.try_get("reminder_max")?,
        reminder_days: r.try_get("reminder_days")?,
        illustrative: r.try_get::<i64, _>("illustrative")? != 0,
        version: r.try_get("version")?,
    })
}

fn strategy_row(r: &sqlx::any::AnyRow) -> Result<StoredStrategy, StoreError> {
    let body: String = r.try_get("body_json")?;
    let strategy = serde_json::from_str(&body)
        .map_err(|e| StoreError::Config(format!("stored strategy is unreadable: {e}")))?;
    Ok(StoredStrategy {
        id: r.try_get("id")?,
        version: r.try_get("version")?,
        strategy,
    })
}

impl Store {
    /// The tenant's current strategy; the default one is stored as version 1 on first use.
    pub async fn current_strategy(&self, actor: &Actor) -> Result<StoredStrategy, StoreError> {
        let tenant_id = actor.tenant_id;
        let latest = self
            .kept(tenant_id, "current strategy", (0, 0), || async {
                let r = sqlx::query("SELECT id, version, body_json FROM strategies WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1")
                    .bind(tenant_id)
                    .fetch_optional(self.pool())
                    .await?;
                r.as_ref().map(strategy_row).transpose()
            })
            .await?;
        match latest {
            Some(s) => Ok(s),
            None => self.save_strategy(actor, &default_strategy()).await,
        }
    }

    pub async fn strategy(&self, tenant_id: i64, id: i64) -> Result<StoredStrategy, StoreError> {
        self.kept(tenant_id, "strategy", (id, 0), || {
            self.load_strategy(tenant_id, id)
        })
        .await
    }

    async fn load_strategy(&self, tenant_id: i64, id: i64) -> Result<StoredStrategy, StoreError> {
        let r = sqlx::query(
            "SELECT id, version, body_json FROM strategies WHERE tenant_id = $1 AND id = $2",
        )
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        strategy_row(&r.ok_or(StoreError::NotFound)?)
    }

    /// Stores a new version of the tenant's strategy.
    pub async fn save_strategy(
        &self,
        actor: &Actor,
        s: &Strategy,
    ) -> Result<StoredStrategy, StoreError> {
        s.validate()
            .map_err(|k| StoreError::invalid("weights", k))?;
        let mut tx = self.write_tx().await?;
        let latest: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM strategies WHERE tenant_id = $1")
                .bind(actor.tenant_id)
                .fetch_one(&mut *tx)
                .await?;
        let version = latest.unwrap_or(0) + 1;
        let body = serde_json::to_string(s).expect("strategies serialise");
        let id: i64 = sqlx::query_scalar("INSERT INTO strategies (tenant_id, version, body_json, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(actor.tenant_id)
            .bind(version)
            .bind(&body)
            .bind(&actor.label)
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
        let stored = StoredStrategy {
            id,
            version,
            strategy: s.clone(),
        };
        record(
            &mut tx,
            actor,
            "strategy",
            id,
            "create",
            None,
            Some(&stored),
        )
        .await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Creates a review over some of the tenant's memberships with its questions.
    pub async fn create_review(
        &self,
        actor: &Actor,
        strategy_id: i64,
        r: &NewReview,
        questions: &[NewQuestion],
    ) -> Result<Review, StoreError> {
        let checked = r.check();
        let mut errors = oversyn_core::FieldErrors::new();
        for m in &r.memberships {
            if matches!(
                self.membership(actor.tenant_id, *m).await,
                Err(StoreError::NotFound)
            ) {
                errors.add("memberships", "error-unknown-membership");
                break;
            }
        }
        // An empty list has no unknown membership, so this keeps the
        // memberships error ahead of the dates, as the form lists them.
        errors.0.extend(checked.0);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.strategy(actor.tenant_id, strategy_id).await?;
        let mut tx = self.write_tx().await?;
        let t = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reviews (tenant_id, strategy_id, title, opens_on, closes_on, anonymous, min_group, reminder_max, reminder_days, illustrative, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(strategy_id)
        .bind(&r.title)
        .bind(date_out(Some(r.opens_on)))
        .bind(date_out(Some(r.closes_on)))
        .bind(i64::from(r.anonymous))
        .bind(r.min_group)
        .bind(r.reminder_max)
        .bind(r.reminder_days)
        .bind(i64::from(r.illustrative))
        .bind(&t)
        .fetch_one(&mut *tx)
        .await?;
        for m in &r.memberships {
            sqlx::query(
                "INSERT INTO review_memberships (review_id, membership_id) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(m)
            .execute(&mut *tx)
            .await?;
        }
        for (i, q) in questions.iter().enumerate() {
            sqlx::query("INSERT INTO questions (review_id, position, criterion, kind, text_sv, text_en) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(id)
                .bind(i as i64 + 1)
                .bind(&q.criterion)
                .bind(q.kind.code())
                .bind(&q.text_sv)
                .bind(&q.text_en)
                .execute(&mut *tx)
                .await?;
        }
        let created = Review {
            id,
            strategy_id,
            title: r.title.clone(),
            opens_on: r.opens_on,
            closes_on: r.closes_on,
            anonymous: r.anonymous,
            min_group: r.min_group,
            reminder_max: r.reminder_max,
            reminder_days: r.reminder_days,
            illustrative: r.illustrative,
            version: 1,
        };
        record(&mut tx, actor, "review", id, "create", None, Some(&created)).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// The tenant's reviews, newest first; kept while its data is unchanged
    /// (most review pages and API answers begin by finding their review).
    pub async fn reviews(&self, tenant_id: i64) -> Result<Vec<Review>, StoreError> {
        Ok(self.kept_reviews(tenant_id).await?.as_ref().clone())
    }

    async fn kept_reviews(
        &self,
        tenant_id: i64,
    ) -> Result<std::sync::Arc<Vec<Review>>, StoreError> {
        let today = chrono::Utc::now().date_naive();
        self.remembered(tenant_id, "reviews", 0, today, || {
            self.load_reviews(tenant_id)
        })
        .await
    }

    async fn load_reviews(&self, tenant_id: i64) -> Result<Vec<Review>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {REVIEW_COLUMNS} FROM reviews WHERE tenant_id = $1 ORDER BY opens_on DESC, id DESC")))
            .bind(tenant_id)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.iter().map(review).collect::<Result<_, _>>()?)
    }

    /// One of the tenant's reviews, from the kept list; another tenant's is
    /// not found.
    pub async fn review(&self, tenant_id: i64, id: i64) -> Result<Review, StoreError> {
        self.kept_reviews(tenant_id)
            .await?
            .iter()
            .find(|r| r.id == id)
            .cloned()
            .ok_or(StoreError::NotFound)
    }

    /// As [`Store::review_memberships`], kept while the tenant's data is
    /// unchanged: for pages and answers that read a tenant's review.
    pub async fn covered_memberships(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<i64>, StoreError> {
        self.kept(tenant_id, "review memberships", (review_id, 0), || {
            self.review_memberships(review_id)
        })
        .await
    }

    /// As [`Store::questions`], kept while the tenant's data is unchanged.
    pub async fn review_questions(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<Question>, StoreError> {
        self.kept(tenant_id, "questions", (review_id, 0), || {
            self.questions(review_id)
        })
        .await
    }

    /// The memberships a review covers (the caller has checked the review is the tenant's).
    pub async fn review_memberships(&self, review_id: i64) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar("SELECT membership_id FROM review_memberships WHERE review_id = $1 ORDER BY membership_id").bind(review_id).fetch_all(self.pool()).await?)
    }

    /// Every reviewed membership of a tenant with the day its review
    /// closes, in one query (the dashboard asked once per review before).
    pub async fn reviewed_memberships(
        &self,
        tenant_id: i64,
    ) -> Result<Vec<(i64, NaiveDate)>, StoreError> {
        let rows = sqlx::query(
            "SELECT rm.membership_id, r.closes_on FROM review_memberships rm JOIN reviews r ON r.id = rm.review_id WHERE r.tenant_id = $1",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .filter_map(|r| {
                let id: i64 = match r.try_get("membership_id") {
                    Ok(id) => id,
                    Err(e) => return Some(Err(e.into())),
                };
                let closes = r.try_get::<String, _>("closes_on").ok();
                date_in(closes).map(|d| Ok((id, d)))
            })
            .collect()
    }

    pub async fn questions(&self, review_id: i64) -> Result<Vec<Question>, StoreError> {
        let rows = sqlx::query("SELECT id, position, criterion, kind, text_sv, text_en FROM questions WHERE review_id = $1 ORDER BY position, id")
            .bind(review_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Question {
                    id: r.try_get("id")?,
                    position: r.try_get("position")?,
                    criterion: r.try_get("criterion")?,
                    kind: code_in(&r.try_get::<String, _>("kind")?),
                    text_sv: r.try_get("text_sv")?,
                    text_en: r.try_get("text_en")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}

impl Store {
    /// Adds a question at the end of a review's questionnaire.
    pub async fn add_question(
        &self,
        actor: &Actor,
        review_id: i64,
        q: &NewQuestion,
    ) -> Result<Question, StoreError> {
        self.review(actor.tenant_id, review_id).await?;
        let mut tx = self.write_tx().await?;
        let last: Option<i64> =
            sqlx::query_scalar("SELECT MAX(position) FROM questions WHERE review_id = $1")
                .bind(review_id)
                .fetch_one(&mut *tx)
                .await?;
        let position = last.unwrap_or(0) + 1;
        let id: i64 = sqlx::query_scalar("INSERT INTO questions (review_id, position, criterion, kind, text_sv, text_en) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(review_id)
            .bind(position)
            .bind(&q.criterion)
            .bind(q.kind.code())
            .bind(&q.text_sv)
            .bind(&q.text_en)
            .fetch_one(&mut *tx)
            .await?;
        let created = Question {
            id,
            position,
            criterion: q.criterion.clone(),
            kind: q.kind,
            text_sv: q.text_sv.clone(),
            text_en: q.text_en.clone(),
        };
        record(
            &mut tx,
            actor,
            "question",
            id,
            "create",
            None,
            Some(&created),
        )
        .await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Removes a question that nobody has answered yet.
    pub async fn remove_question(
        &self,
        actor: &Actor,
        review_id: i64,
        question_id: i64,
    ) -> Result<(), StoreError> {
        self.review(actor.tenant_id, review_id).await?;
        let before = self
            .questions(review_id)
            .await?
            .into_iter()
            .find(|q| q.id == question_id)
            .ok_or(StoreError::NotFound)?;
        let mut tx = self.write_tx().await?;
        let answered: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE question_id = $1")
                .bind(question_id)
                .fetch_one(&mut *tx)
                .await?;
        if answered > 0 {
            return Err(StoreError::Conflict("the question has answers".into()));
        }
        sqlx::query("DELETE FROM questions WHERE id = $1 AND review_id = $2")
            .bind(question_id)
            .bind(review_id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            actor,
            "question",
            question_id,
            "delete",
            Some(&before),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl crate::Store {
    /// The analysis kept for a review at `stamp` on `day`, as stored.
    pub async fn kept_analysis(
        &self,
        tenant_id: i64,
        review_id: i64,
        stamp: crate::Stamp,
        day: chrono::NaiveDate,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT result FROM analyses WHERE tenant_id = $1 AND review_id = $2 AND shared_version = $3 AND own_version = $4 AND day = $5",
        )
        .bind(tenant_id)
        .bind(review_id)
        .bind(stamp.shared)
        .bind(stamp.own)
        .bind(day.to_string())
        .fetch_optional(self.pool())
        .await?)
    }

    /// Keeps a review's analysis computed from the data at `stamp` on `day`.
    pub async fn keep_analysis(
        &self,
        tenant_id: i64,
        review_id: i64,
        stamp: crate::Stamp,
        day: chrono::NaiveDate,
        result: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO analyses (tenant_id, review_id, shared_version, own_version, day, result, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (tenant_id, review_id) DO UPDATE SET shared_version = excluded.shared_version,
               own_version = excluded.own_version, day = excluded.day, result = excluded.result, created_at = excluded.created_at",
        )
        .bind(tenant_id)
        .bind(review_id)
        .bind(stamp.shared)
        .bind(stamp.own)
        .bind(day.to_string())
        .bind(result)
        .bind(crate::codec::now())
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
