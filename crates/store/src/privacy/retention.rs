//! Removing respondents' identities once a review no longer needs them
//! (GDPR art. 5.1 e): the name, the address and the link to the register
//! go; the answers and the group they counted in stay, so the results are
//! the same before and after.

use crate::audit::{Actor, record};
use crate::codec::now;
use crate::{Store, StoreError};
use oversyn_core::privacy::{PERSONAL_KEYS, REMOVED, ReviewState};
use serde::Serialize;
use serde_json::Value;
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;

/// What one removal took away, for the audit log and the caller; counts
/// only, never the data itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub review_id: i64,
    pub respondents: u64,
    pub messages: u64,
    pub links: u64,
    pub audit_entries: u64,
}

impl Store {
    /// The tenant's reviews that still hold someone's identity, with what
    /// the retention rule needs to know about each.
    pub async fn reviews_holding_identities(
        &self,
        tenant_id: i64,
    ) -> Result<Vec<(i64, ReviewState)>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.id, r.anonymous, r.closes_on,
                    (SELECT COUNT(*) FROM cases c WHERE c.review_id = r.id AND c.status = 'decided') AS decided
             FROM reviews r
             WHERE r.tenant_id = $1
               AND EXISTS (SELECT 1 FROM respondents p WHERE p.review_id = r.id AND p.identity_removed_at IS NULL)
             ORDER BY r.id",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let closes: String = r.try_get("closes_on")?;
                Ok((
                    r.try_get("id")?,
                    ReviewState {
                        anonymous: r.try_get::<i64, _>("anonymous")? != 0,
                        closes_on: closes
                            .parse()
                            .map_err(|e| StoreError::Db(sqlx::Error::Decode(Box::new(e))))?,
                        decided: r.try_get::<i64, _>("decided")? > 0,
                    },
                ))
            })
            .collect()
    }

    /// Removes the identity of every respondent of `review_id` who still
    /// has one; `groups` gives each respondent's result group (from the
    /// register, before the link to it goes).
    pub async fn remove_review_identities(
        &self,
        actor: &Actor,
        review_id: i64,
        groups: &HashMap<i64, String>,
    ) -> Result<Removed, StoreError> {
        self.review(actor.tenant_id, review_id).await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM respondents WHERE tenant_id = $1 AND review_id = $2 AND identity_removed_at IS NULL ORDER BY id",
        )
        .bind(actor.tenant_id)
        .bind(review_id)
        .fetch_all(self.pool())
        .await?;
        let mut tx = self.write_tx().await?;
        let mut removed = Removed {
            review_id,
            ..Removed::default()
        };
        for id in &ids {
            let r = remove_identity(&mut tx, actor.tenant_id, *id, groups.get(id)).await?;
            removed.respondents += r.respondents;
            removed.messages += r.messages;
            removed.links += r.links;
            removed.audit_entries += r.audit_entries;
        }
        if removed.respondents > 0 {
            record(
                &mut tx,
                actor,
                "review",
                review_id,
                "remove_identities",
                None,
                Some(&removed),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(removed)
    }
}

/// Removes one respondent's identity inside `tx`: name, address, link to
/// the register, personal links, the addresses of the messages sent, and
/// the personal data in the respondent's audit entries.
pub(crate) async fn remove_identity(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    respondent_id: i64,
    group: Option<&String>,
) -> Result<Removed, StoreError> {
    let at = now();
    let respondents = sqlx::query(
        "UPDATE respondents SET name = '', email = NULL, person_id = NULL,
                result_group = COALESCE(result_group, $1), identity_removed_at = $2
         WHERE tenant_id = $3 AND id = $4 AND identity_removed_at IS NULL",
    )
    .bind(group)
    .bind(&at)
    .bind(tenant_id)
    .bind(respondent_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    let messages = sqlx::query(
        "UPDATE mail_messages SET to_addr = $1 WHERE tenant_id = $2 AND respondent_id = $3 AND to_addr <> $1",
    )
    .bind(REMOVED)
    .bind(tenant_id)
    .bind(respondent_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    let links = sqlx::query("DELETE FROM respondent_links WHERE respondent_id = $1")
        .bind(respondent_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    let audit_entries = redact_entries(tx, tenant_id, "respondent", &[respondent_id]).await?;
    Ok(Removed {
        review_id: 0,
        respondents,
        messages,
        links,
        audit_entries,
    })
}

/// Removes the personal data from the audit entries of records `ids` of
/// `entity`; the entries themselves stay (see migration 0022).
pub(crate) async fn redact_entries(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    entity: &str,
    ids: &[i64],
) -> Result<u64, StoreError> {
    let mut count = 0;
    for id in ids {
        let rows = sqlx::query(
            "SELECT id, before_json, after_json FROM audit_log
             WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3 AND redacted_at IS NULL",
        )
        .bind(tenant_id)
        .bind(entity)
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
        for r in rows {
            let entry: i64 = r.try_get("id")?;
            let before = redacted(r.try_get("before_json")?);
            let after = redacted(r.try_get("after_json")?);
            sqlx::query(
                "UPDATE audit_log SET before_json = $1, after_json = $2, redacted_at = $3 WHERE id = $4",
            )
            .bind(before)
            .bind(after)
            .bind(now())
            .bind(entry)
            .execute(&mut **tx)
            .await?;
            count += 1;
        }
    }
    Ok(count)
}

fn redacted(json: Option<String>) -> Option<String> {
    json.map(|s| match serde_json::from_str::<serde_json::Value>(&s) {
        Ok(mut v) => {
            redact(&mut v);
            v.to_string()
        }
        // A record that is not JSON cannot be searched for its fields; it
        // goes whole.
        Err(_) => format!("\"{REMOVED}\""),
    })
}

/// Replaces the personal values in `v` (at any depth) with [`REMOVED`].
/// Returns whether anything was replaced.
pub fn redact(v: &mut Value) -> bool {
    match v {
        Value::Object(map) => {
            let mut changed = false;
            for (k, val) in map.iter_mut() {
                if PERSONAL_KEYS.contains(&k.as_str()) && !val.is_null() && *val != REMOVED {
                    *val = Value::String(REMOVED.to_owned());
                    changed = true;
                } else {
                    changed |= redact(val);
                }
            }
            changed
        }
        Value::Array(items) => items.iter_mut().fold(false, |c, i| redact(i) | c),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn redaction_reaches_nested_records_and_leaves_the_rest() {
        let mut v = json!({
            "review_id": 4,
            "name": "Anna Ek",
            "email": "anna@example.org",
            "persons": [{"name": "Per Bolund", "party": "MP"}],
            "memberships": [1, 2],
            "phone": null
        });
        assert!(redact(&mut v));
        assert_eq!(
            v,
            json!({
                "review_id": 4,
                "name": REMOVED,
                "email": REMOVED,
                "persons": [{"name": REMOVED, "party": REMOVED}],
                "memberships": [1, 2],
                "phone": null
            })
        );
        assert!(!redact(&mut v), "a second redaction changes nothing");
    }

    proptest! {
        #[test]
        fn no_personal_value_survives_redaction(name in "[A-Za-zÅÄÖåäö ]{1,20}", depth in 0usize..4) {
            let mut v = json!({"name": name.clone(), "email": format!("{name}@x.se")});
            for _ in 0..depth {
                v = json!({"record": v, "list": [v.clone()]});
            }
            redact(&mut v);
            let text = v.to_string();
            let quoted = format!("\"{name}\"");
            prop_assert!(!text.contains(&quoted));
            prop_assert!(!text.contains("@x.se"));
        }
    }
}
