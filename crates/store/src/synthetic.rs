//! A national-scale synthetic data set for load and memory tests: many
//! tenants, each with its memberships, a review and answered
//! questionnaires. Deterministic from a seed, so two runs give the same
//! data. Written in bulk, one transaction per tenant, with one audit entry
//! per tenant saying what was loaded.

use crate::audit::{Actor, record};
use crate::codec::now;
use crate::reviews::NewReview;
use crate::{Store, StoreError};
use oversyn_core::analysis::smaa::Rng;
use oversyn_core::review::questionnaire::{QuestionKind, default_questionnaire};

/// The size of the set; `national()` is what `oversyn demo --synthetic national` loads.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub tenants: usize,
    pub memberships: usize,
    pub organisations: usize,
    pub respondents: usize,
    pub seed: u64,
}

impl Scale {
    /// 300 tenants × 40 memberships out of 60 organisations, 20 respondents each, about 300,000 answers.
    pub fn national() -> Scale {
        Scale {
            tenants: 300,
            memberships: 40,
            organisations: 60,
            respondents: 20,
            seed: 2011,
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Loaded {
    pub tenants: usize,
    pub memberships: usize,
    pub answers: usize,
}

impl Store {
    /// Loads the set; tenants that exist already are left as they are.
    pub async fn load_synthetic(
        &self,
        scale: Scale,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<Loaded, StoreError> {
        self.seed_catalogue().await?;
        let mut rng = Rng::new(scale.seed);
        let mut orgs: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE tenant_id IS NULL ORDER BY id")
                .fetch_all(self.pool())
                .await?;
        for n in orgs.len()..scale.organisations {
            let slug = format!("synthetic-network-{:02}", n + 1);
            let existing: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM organisations WHERE tenant_id IS NULL AND slug = $1",
            )
            .bind(&slug)
            .fetch_optional(self.pool())
            .await?;
            let id = match existing {
                Some(id) => id,
                None => sqlx::query_scalar(
                    "INSERT INTO organisations (tenant_id, slug, name, acronym, aliases, kind, themes, written_notice, created_at, updated_at)
                     VALUES (NULL, $1, $2, NULL, '', 'city_network', '', 0, $3, $3) RETURNING id",
                )
                .bind(&slug)
                .bind(format!("Synthetic network {:02} (test data)", n + 1))
                .bind(now())
                .fetch_one(self.pool())
                .await?,
            };
            orgs.push(id);
        }
        orgs.truncate(scale.organisations);
        let mut loaded = Loaded::default();
        for t in 0..scale.tenants {
            let slug = format!("synthetic-{:03}", t + 1);
            // Every tenant draws from the generator, loaded or not, so the data does not depend on what exists.
            let mut pick = orgs.clone();
            for i in (1..pick.len()).rev() {
                let j = (rng.next_u64() % (i as u64 + 1)) as usize;
                pick.swap(i, j);
            }
            pick.truncate(scale.memberships.min(pick.len()));
            let tenant_seed = rng.next_u64();
            if self.tenant_by_slug(&slug).await.is_ok() {
                progress(t + 1);
                continue;
            }
            let tenant = self
                .create_tenant(&slug, &format!("Synthetic municipality {:03}", t + 1))
                .await?;
            let actor = Actor {
                tenant_id: tenant.id,
                user_id: None,
                label: "synthetic".into(),
            };
            let strategy = self.current_strategy(&actor).await?;
            let t_now = now();
            let mut tx = self.write_tx().await?;
            let body: i64 = sqlx::query_scalar(
                "INSERT INTO bodies (tenant_id, name, kind, abbreviation, created_at, updated_at) VALUES ($1, 'Kommunstyrelsen', 'executive_board', 'KS', $2, $2) RETURNING id",
            )
            .bind(tenant.id)
            .bind(&t_now)
            .fetch_one(&mut *tx)
            .await?;
            let mut trng = Rng::new(tenant_seed);
            let mut memberships = Vec::new();
            for org in &pick {
                // 1,000 to 41,000 euro, in cents.
                let fee = 100_000 + (trng.next_u64() % 4_000_000) as i64;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO memberships (tenant_id, body_id, organisation_id, mtype, status, fee_kind, fee_minor, fee_currency, fee_year, fee_illustrative, created_at, updated_at)
                     VALUES ($1, $2, $3, 'full', 'active', 'amount', $4, 'EUR', 2026, 1, $5, $5) RETURNING id",
                )
                .bind(tenant.id)
                .bind(body)
                .bind(org)
                .bind(fee)
                .bind(&t_now)
                .fetch_one(&mut *tx)
                .await?;
                memberships.push(id);
            }
            record(
                &mut tx,
                &actor,
                "tenant",
                tenant.id,
                "synthetic",
                None,
                Some(&format!("{} memberships", memberships.len())),
            )
            .await?;
            tx.commit().await?;
            let new = NewReview {
                title: "Synthetic review".into(),
                opens_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 12).unwrap_or_default(),
                closes_on: chrono::NaiveDate::from_ymd_opt(2026, 2, 13).unwrap_or_default(),
                anonymous: false,
                min_group: 3,
                reminder_max: 2,
                reminder_days: 7,
                illustrative: true,
                memberships: memberships.clone(),
            };
            let review = self
                .create_review(
                    &actor,
                    strategy.id,
                    &new,
                    &default_questionnaire(&strategy.strategy),
                )
                .await?;
            let questions: Vec<i64> = self
                .questions(review.id)
                .await?
                .iter()
                .filter(|q| q.kind == QuestionKind::Scale)
                .map(|q| q.id)
                .collect();
            let mut tx = self.write_tx().await?;
            for r in 0..scale.respondents {
                let rid: i64 = sqlx::query_scalar(
                    "INSERT INTO respondents (tenant_id, review_id, name, lang, invited_at, opened_at, submitted_at, created_at) VALUES ($1, $2, $3, 'sv', $4, $4, $4, $4) RETURNING id",
                )
                .bind(tenant.id)
                .bind(review.id)
                .bind(format!("Respondent {:02}", r + 1))
                .bind(&t_now)
                .fetch_one(&mut *tx)
                .await?;
                let ballot = format!("r{rid}");
                sqlx::query("INSERT INTO ballots (ballot, tenant_id, review_id, submitted_at) VALUES ($1, $2, $3, $4)")
                    .bind(&ballot)
                    .bind(tenant.id)
                    .bind(review.id)
                    .bind(&t_now)
                    .execute(&mut *tx)
                    .await?;
                for m in &memberships {
                    sqlx::query("INSERT INTO respondent_memberships (respondent_id, membership_id) VALUES ($1, $2)")
                        .bind(rid)
                        .bind(m)
                        .execute(&mut *tx)
                        .await?;
                    if questions.is_empty() {
                        continue;
                    }
                    // One question each, a second one time in four: about 25 answers a membership.
                    let first = (trng.next_u64() % questions.len() as u64) as usize;
                    let mut asked = vec![questions[first]];
                    if trng.next_u64().is_multiple_of(4) && questions.len() > 1 {
                        asked.push(questions[(first + 1) % questions.len()]);
                    }
                    for q in asked {
                        let value = 1 + (trng.next_u64() % 5) as i64;
                        sqlx::query(
                            "INSERT INTO answers (tenant_id, review_id, ballot, respondent_id, membership_id, question_id, kind, value_int, updated_at)
                             VALUES ($1, $2, $3, $4, $5, $6, 'scale', $7, $8)",
                        )
                        .bind(tenant.id)
                        .bind(review.id)
                        .bind(&ballot)
                        .bind(rid)
                        .bind(m)
                        .bind(q)
                        .bind(value)
                        .bind(&t_now)
                        .execute(&mut *tx)
                        .await?;
                        loaded.answers += 1;
                    }
                }
            }
            tx.commit().await?;
            loaded.tenants += 1;
            loaded.memberships += memberships.len();
            progress(t + 1);
        }
        Ok(loaded)
    }
}
