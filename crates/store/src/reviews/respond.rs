//! What a respondent's link opens: finding the link, the answers saved so
//! far, saving as they go, and submitting.

use super::Review;
use super::respondents::{RESPONDENT_COLUMNS, Respondent, respondent};
use crate::auth::hash_token;
use crate::codec::now;
use crate::{Store, StoreError};
use oversyn_core::review::answers::Answer;
use oversyn_core::review::input::check_answer;
use oversyn_core::review::results::AnswerRow;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// A valid link, resolved.
#[derive(Debug, Clone)]
pub struct LinkContext {
    pub tenant_id: i64,
    pub review: Review,
    pub respondent: Respondent,
    /// Where this link's answers are kept.
    pub ballot: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAnswer {
    pub membership_id: i64,
    pub question_id: i64,
    pub answer: Answer,
}

/// In anonymous reviews a link's ballot comes from the link itself, which
/// is never stored: the database cannot join answers to a respondent.
fn ballot_for(review: &Review, respondent_id: i64, token: &str) -> String {
    if review.anonymous {
        let d = Sha256::digest(format!("oversyn-ballot:{token}").as_bytes());
        format!(
            "a{}",
            d.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    } else {
        format!("r{respondent_id}")
    }
}

fn answer_columns(a: &Answer) -> (&'static str, Option<i64>, Option<String>) {
    match a {
        Answer::Scale(v) => ("scale", Some(i64::from(*v)), None),
        Answer::YesNo(b) => ("yes_no", Some(i64::from(*b)), None),
        Answer::Text(t) => ("text", None, Some(t.clone())),
        Answer::DontKnow => ("dk", None, None),
    }
}

fn answer_of(kind: &str, int: Option<i64>, text: Option<String>) -> Option<Answer> {
    match kind {
        "scale" => int.and_then(|v| u8::try_from(v).ok()).map(Answer::Scale),
        "yes_no" => int.map(|v| Answer::YesNo(v != 0)),
        "text" => text.map(Answer::Text),
        "dk" => Some(Answer::DontKnow),
        _ => None,
    }
}

/// Stands in the results and reports for a withheld free-text answer,
/// followed by the ground.
pub const WITHHELD_TEXT: &str = "Uppgiften är undantagen enligt";

impl Store {
    /// Resolves a respondent's link; marks it opened the first time.
    pub async fn open_link(&self, token: &str) -> Result<Option<LinkContext>, StoreError> {
        let row = sqlx::query("SELECT r.tenant_id, r.id FROM respondent_links l JOIN respondents r ON r.id = l.respondent_id WHERE l.token_hash = $1")
            .bind(hash_token(token))
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        let (tenant_id, rid): (i64, i64) = (row.try_get("tenant_id")?, row.try_get("id")?);
        sqlx::query("UPDATE respondents SET opened_at = $1 WHERE id = $2 AND opened_at IS NULL")
            .bind(now())
            .bind(rid)
            .execute(self.pool())
            .await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {RESPONDENT_COLUMNS} FROM respondents WHERE id = $1"
        )))
        .bind(rid)
        .fetch_one(self.pool())
        .await?;
        let mut respondent = respondent(&r)?;
        respondent.memberships = self.respondent_memberships(rid).await?;
        let review = self.review(tenant_id, respondent.review_id).await?;
        let ballot = ballot_for(&review, rid, token);
        Ok(Some(LinkContext {
            tenant_id,
            review,
            respondent,
            ballot,
        }))
    }

    /// The answers saved on this link's ballot.
    pub async fn saved_answers(&self, ctx: &LinkContext) -> Result<Vec<SavedAnswer>, StoreError> {
        let rows = sqlx::query("SELECT membership_id, question_id, kind, value_int, value_text FROM answers WHERE ballot = $1 AND review_id = $2")
            .bind(&ctx.ballot)
            .bind(ctx.review.id)
            .fetch_all(self.pool())
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let kind: String = r.try_get("kind")?;
            if let Some(answer) =
                answer_of(&kind, r.try_get("value_int")?, r.try_get("value_text")?)
            {
                out.push(SavedAnswer {
                    membership_id: r.try_get("membership_id")?,
                    question_id: r.try_get("question_id")?,
                    answer,
                });
            }
        }
        Ok(out)
    }

    /// Whether this link's ballot has been submitted.
    pub async fn ballot_submitted(&self, ctx: &LinkContext) -> Result<bool, StoreError> {
        let at: Option<Option<String>> =
            sqlx::query_scalar("SELECT submitted_at FROM ballots WHERE ballot = $1")
                .bind(&ctx.ballot)
                .fetch_optional(self.pool())
                .await?;
        Ok(at.flatten().is_some())
    }

    /// Saves answers (None clears one). Only the respondent's memberships and
    /// the review's questions are accepted; nothing is saved after closing.
    pub async fn save_answers(
        &self,
        ctx: &LinkContext,
        today: chrono::NaiveDate,
        changes: &[(i64, i64, Option<Answer>)],
    ) -> Result<(), StoreError> {
        if !ctx.review.is_open(today) {
            return Err(StoreError::Conflict("the review is closed".into()));
        }
        let questions = self.questions(ctx.review.id).await?;
        for (m, q, a) in changes {
            let Some(question) = questions.iter().find(|x| x.id == *q) else {
                return Err(StoreError::invalid("question", "error-choose"));
            };
            if !ctx.respondent.memberships.contains(m) {
                return Err(StoreError::invalid("membership", "error-choose"));
            }
            check_answer(question.kind, a.as_ref())
                .map_err(|key| StoreError::invalid("answer", key))?;
        }
        let t = now();
        let mut tx = self.write_tx().await?;
        sqlx::query("INSERT INTO ballots (ballot, tenant_id, review_id) VALUES ($1, $2, $3) ON CONFLICT (ballot) DO NOTHING")
            .bind(&ctx.ballot)
            .bind(ctx.tenant_id)
            .bind(ctx.review.id)
            .execute(&mut *tx)
            .await?;
        let respondent_id = if ctx.review.anonymous {
            None
        } else {
            Some(ctx.respondent.id)
        };
        for (m, q, a) in changes {
            match a {
                None => {
                    sqlx::query("DELETE FROM answers WHERE ballot = $1 AND membership_id = $2 AND question_id = $3").bind(&ctx.ballot).bind(m).bind(q).execute(&mut *tx).await?;
                }
                Some(a) => {
                    let (kind, int, text) = answer_columns(a);
                    sqlx::query(
                        "INSERT INTO answers (tenant_id, review_id, ballot, respondent_id, membership_id, question_id, kind, value_int, value_text, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                         ON CONFLICT (ballot, membership_id, question_id) DO UPDATE SET kind = excluded.kind, value_int = excluded.value_int,
                         value_text = excluded.value_text, updated_at = excluded.updated_at",
                    )
                    .bind(ctx.tenant_id)
                    .bind(ctx.review.id)
                    .bind(&ctx.ballot)
                    .bind(respondent_id)
                    .bind(m)
                    .bind(q)
                    .bind(kind)
                    .bind(int)
                    .bind(text)
                    .bind(&t)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Submits this link's answers. Idempotent for the same link; in an
    /// anonymous review a second link of a respondent who has already
    /// submitted is refused, so nobody is counted twice.
    pub async fn submit_ballot(
        &self,
        ctx: &LinkContext,
        today: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        if !ctx.review.is_open(today) {
            return Err(StoreError::Conflict("the review is closed".into()));
        }
        if ctx.respondent.submitted_at.is_some()
            && !self.ballot_submitted(ctx).await?
            && ctx.review.anonymous
        {
            return Err(StoreError::Conflict(
                "already submitted with another link".into(),
            ));
        }
        let t = now();
        let mut tx = self.write_tx().await?;
        sqlx::query("INSERT INTO ballots (ballot, tenant_id, review_id, submitted_at) VALUES ($1, $2, $3, $4) ON CONFLICT (ballot) DO UPDATE SET submitted_at = COALESCE(ballots.submitted_at, excluded.submitted_at)")
            .bind(&ctx.ballot)
            .bind(ctx.tenant_id)
            .bind(ctx.review.id)
            .bind(&t)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE respondents SET submitted_at = COALESCE(submitted_at, $1) WHERE id = $2",
        )
        .bind(&t)
        .bind(ctx.respondent.id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every submitted answer of a review, for the results.
    pub async fn answer_rows(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<AnswerRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.ballot, a.membership_id, a.question_id, a.kind, a.value_int, a.value_text, p.ground FROM answers a
             JOIN ballots b ON b.ballot = a.ballot
             LEFT JOIN private_records p ON p.tenant_id = a.tenant_id AND p.entity = 'answer' AND p.entity_id = a.id
             WHERE a.tenant_id = $1 AND a.review_id = $2 AND b.submitted_at IS NOT NULL ORDER BY a.id",
        )
        .bind(tenant_id)
        .bind(review_id)
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::new();
        for r in rows {
            let kind: String = r.try_get("kind")?;
            // A free-text answer withheld on a secrecy ground leaves the
            // results and every report as a note of the ground, never its text.
            let ground: Option<String> = r.try_get("ground")?;
            let text: Option<String> = match ground {
                Some(g) => Some(format!("[{} {g}]", WITHHELD_TEXT)),
                None => r.try_get("value_text")?,
            };
            if let Some(answer) = answer_of(&kind, r.try_get("value_int")?, text) {
                out.push(AnswerRow {
                    ballot: r.try_get("ballot")?,
                    membership_id: r.try_get("membership_id")?,
                    question_id: r.try_get("question_id")?,
                    answer,
                });
            }
        }
        Ok(out)
    }

    /// The submitted free-text answers of a review with their ids and
    /// the ground each is withheld on, for the officer who decides on
    /// secrecy: (id, membership, text, ground).
    pub async fn text_answers(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<(i64, i64, String, Option<String>)>, StoreError> {
        let today = chrono::Utc::now().date_naive();
        let kept = self
            .remembered(tenant_id, "text answers", review_id, today, || {
                self.load_text_answers(tenant_id, review_id)
            })
            .await?;
        Ok(kept.as_ref().clone())
    }

    async fn load_text_answers(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<(i64, i64, String, Option<String>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.membership_id, a.value_text, p.ground FROM answers a
             JOIN ballots b ON b.ballot = a.ballot
             LEFT JOIN private_records p ON p.tenant_id = a.tenant_id AND p.entity = 'answer' AND p.entity_id = a.id
             WHERE a.tenant_id = $1 AND a.review_id = $2 AND a.kind = 'text' AND b.submitted_at IS NOT NULL AND a.value_text IS NOT NULL
             ORDER BY a.membership_id, a.id",
        )
        .bind(tenant_id)
        .bind(review_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    r.try_get("membership_id")?,
                    r.try_get("value_text")?,
                    r.try_get("ground")?,
                ))
            })
            .collect()
    }

    /// The respondent each identified ballot belongs to (none in anonymous reviews).
    pub async fn ballot_owners(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query("SELECT DISTINCT ballot, respondent_id FROM answers WHERE tenant_id = $1 AND review_id = $2 AND respondent_id IS NOT NULL")
            .bind(tenant_id)
            .bind(review_id)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("ballot")?, r.try_get("respondent_id")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}
