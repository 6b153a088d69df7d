//! Privacy use cases: the daily removal of respondents' identities a
//! review no longer needs, and a person's export and erasure. The rules
//! are `oversyn_core::privacy`'s; the work on the database the store's.

mod notices;
pub mod secrecy;

pub use notices::{Notices, PurposeText, notices, templates};

use chrono::NaiveDate;
use oversyn_core::privacy::{RETENTION_SETTING, RespondentRetention, identities_due};
use oversyn_store::audit::Actor;
use oversyn_store::privacy::{Erased, PersonData, Removed};
use oversyn_store::{Store, StoreError};
use std::collections::HashMap;

/// The label the retention job writes to the audit log.
pub const RETENTION_ACTOR: &str = "retention";

/// The tenant's retention rule for respondents (the default if unset or
/// unreadable).
pub async fn retention_rule(
    store: &Store,
    tenant_id: i64,
) -> Result<RespondentRetention, StoreError> {
    Ok(store
        .setting(tenant_id, RETENTION_SETTING)
        .await?
        .and_then(|s| RespondentRetention::parse(&s))
        .unwrap_or_default())
}

/// Removes the respondents' identities of every review of the tenant whose
/// rule says they are due on `today`. Returns what each removal took.
pub async fn apply_retention(
    store: &Store,
    tenant_id: i64,
    today: NaiveDate,
) -> Result<Vec<Removed>, StoreError> {
    let rule = retention_rule(store, tenant_id).await?;
    let actor = Actor {
        tenant_id,
        user_id: None,
        label: RETENTION_ACTOR.to_owned(),
    };
    let mut done = Vec::new();
    for (review_id, state) in store.reviews_holding_identities(tenant_id).await? {
        if !identities_due(state, rule, today) {
            continue;
        }
        let groups = groups(store, tenant_id, Some(review_id)).await?;
        let removed = store
            .remove_review_identities(&actor, review_id, &groups)
            .await?;
        tracing::info!(
            tenant = tenant_id,
            review = review_id,
            respondents = removed.respondents,
            "respondents' identities removed"
        );
        done.push(removed);
    }
    Ok(done)
}

/// The result group of each respondent (of one review, or all) linked to
/// the register: what their answers count in once the link is gone.
async fn groups(
    store: &Store,
    tenant_id: i64,
    review: Option<i64>,
) -> Result<HashMap<i64, String>, StoreError> {
    let snap = crate::snapshot(store, tenant_id).await?;
    let mut out = HashMap::new();
    let reviews = match review {
        Some(id) => vec![store.review(tenant_id, id).await?],
        None => store.reviews(tenant_id).await?,
    };
    for r in reviews {
        for p in store.respondents(tenant_id, r.id).await? {
            if let Some(g) = snap.respondent_group(p.person_id, r.closes_on) {
                out.insert(p.id, g);
            }
        }
    }
    Ok(out)
}

/// Everything stored about the person with address `email`.
pub async fn export(store: &Store, tenant_id: i64, email: &str) -> Result<PersonData, StoreError> {
    store.person_data(tenant_id, email.trim()).await
}

/// Erases what may be erased about the person with address `email`.
pub async fn erase(store: &Store, actor: &Actor, email: &str) -> Result<Erased, StoreError> {
    let groups = groups(store, actor.tenant_id, None).await?;
    store.erase_person(actor, email.trim(), &groups).await
}
