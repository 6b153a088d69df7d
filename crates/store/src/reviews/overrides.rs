//! An official's override of an analysed recommendation, with the
//! justification that makes it accountable. Append-only: the latest entry
//! per membership is in force and the earlier ones remain as the record.

use crate::audit::{Actor, record};
use crate::codec::now;
use crate::{Store, StoreError};
use oversyn_core::analysis::Category;
use serde::Serialize;
use sqlx::Row;

/// Shortest justification accepted: a reader must learn why, not just that.
pub const MIN_JUSTIFICATION: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Override {
    pub id: i64,
    pub review_id: i64,
    pub membership_id: i64,
    /// The official's category; None when the recommendation was handed back to the analysis.
    pub category: Option<Category>,
    /// What the analysis recommended when the override was made.
    pub analysed_category: Category,
    pub justification: String,
    pub created_by: String,
    pub created_at: String,
}

fn category(code: &str) -> Option<Category> {
    Category::ALL.into_iter().find(|c| c.code() == code)
}

fn row(r: &sqlx::any::AnyRow) -> Result<Override, StoreError> {
    let analysed: String = r.try_get("analysed_category")?;
    Ok(Override {
        id: r.try_get("id")?,
        review_id: r.try_get("review_id")?,
        membership_id: r.try_get("membership_id")?,
        category: r
            .try_get::<Option<String>, _>("category")?
            .as_deref()
            .and_then(category),
        analysed_category: category(&analysed).unwrap_or(Category::InsufficientEvidence),
        justification: r.try_get("justification")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
    })
}

impl Store {
    /// Every override of a review, oldest first (the history).
    pub async fn override_history(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<Override>, StoreError> {
        let today = chrono::Utc::now().date_naive();
        let kept = self
            .remembered(tenant_id, "override history", review_id, today, || {
                self.load_override_history(tenant_id, review_id)
            })
            .await?;
        Ok(kept.as_ref().clone())
    }

    async fn load_override_history(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<Override>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM recommendation_overrides WHERE tenant_id = $1 AND review_id = $2 ORDER BY id",
        )
        .bind(tenant_id)
        .bind(review_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(row).collect()
    }

    /// The override in force per membership of a review (only those with a category).
    pub async fn overrides(
        &self,
        tenant_id: i64,
        review_id: i64,
    ) -> Result<Vec<Override>, StoreError> {
        let mut latest: Vec<Override> = Vec::new();
        for o in self.override_history(tenant_id, review_id).await? {
            latest.retain(|x| x.membership_id != o.membership_id);
            latest.push(o);
        }
        latest.retain(|o| o.category.is_some());
        Ok(latest)
    }

    /// Records an official's recommendation (`Some`) or hands it back to the
    /// analysis (`None`). The membership must be one of the review's; the
    /// category one of the four decided ones; the justification at least
    /// [`MIN_JUSTIFICATION`] characters.
    pub async fn record_override(
        &self,
        actor: &Actor,
        review_id: i64,
        membership_id: i64,
        chosen: Option<Category>,
        analysed: Category,
        justification: &str,
    ) -> Result<Override, StoreError> {
        let review = self.review(actor.tenant_id, review_id).await?;
        if !self
            .review_memberships(review.id)
            .await?
            .contains(&membership_id)
        {
            return Err(StoreError::invalid(
                "membership_id",
                "error-unknown-membership",
            ));
        }
        if chosen == Some(Category::InsufficientEvidence) {
            return Err(StoreError::invalid("category", "error-choose"));
        }
        let justification = justification.trim();
        if justification.chars().count() < MIN_JUSTIFICATION {
            return Err(StoreError::invalid(
                "justification",
                "error-justification-required",
            ));
        }
        if justification.chars().count() > oversyn_core::validate::MAX_TEXT {
            return Err(StoreError::invalid("justification", "error-too-long"));
        }
        let mut tx = self.write_tx().await?;
        let at = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO recommendation_overrides (tenant_id, review_id, membership_id, category, analysed_category, justification, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(review.id)
        .bind(membership_id)
        .bind(chosen.map(Category::code))
        .bind(analysed.code())
        .bind(justification)
        .bind(&actor.label)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        let saved = Override {
            id,
            review_id: review.id,
            membership_id,
            category: chosen,
            analysed_category: analysed,
            justification: justification.to_string(),
            created_by: actor.label.clone(),
            created_at: at,
        };
        record(
            &mut tx,
            actor,
            "recommendation_override",
            id,
            "create",
            None,
            Some(&saved),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }
}
