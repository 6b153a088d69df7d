//! Everything stored about one person, found by e-mail address within a
//! tenant (GDPR art. 15), and its erasure where the law allows (art. 17):
//! what must be kept as a public record stays, with the reason.

use super::retention::{redact_entries, remove_identity};
use crate::audit::{Actor, record};
use crate::{Store, StoreError};
use oversyn_core::privacy::{KeepReason, REMOVED};
use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use std::collections::HashMap;

/// All that is stored about a person, as an export gives it.
#[derive(Debug, Clone, Serialize)]
pub struct PersonData {
    pub email: String,
    pub user_accounts: Vec<Value>,
    pub persons: Vec<Value>,
    pub terms: Vec<Value>,
    pub seats: Vec<Value>,
    pub respondents: Vec<Value>,
    pub answers: Vec<Value>,
    pub messages: Vec<Value>,
    pub actions: Vec<Value>,
    pub case_positions: Vec<Value>,
    pub case_votes: Vec<Value>,
    pub journeys: Vec<Value>,
    pub audit_entries: Vec<Value>,
}

/// One thing kept, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kept {
    pub what: String,
    pub reason: String,
    pub code: String,
}

/// What an erasure did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Erased {
    pub persons: u64,
    pub terms: u64,
    pub respondents: u64,
    pub messages: u64,
    pub actions: u64,
    pub journeys: u64,
    pub audit_entries: u64,
    pub kept: Vec<Kept>,
}

/// How a column is read into JSON.
#[derive(Clone, Copy)]
enum Col {
    Text(&'static str),
    Int(&'static str),
}

fn to_json(r: &AnyRow, cols: &[Col]) -> Result<Value, sqlx::Error> {
    let mut m = Map::new();
    for c in cols {
        let (k, v) = match *c {
            Col::Text(k) => (k, r.try_get::<Option<String>, _>(k)?.map(Value::from)),
            Col::Int(k) => (k, r.try_get::<Option<i64>, _>(k)?.map(Value::from)),
        };
        m.insert(k.to_owned(), v.unwrap_or(Value::Null));
    }
    Ok(Value::Object(m))
}

fn select(cols: &[Col]) -> String {
    cols.iter()
        .map(|c| match c {
            Col::Text(k) | Col::Int(k) => *k,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A LIKE pattern for a JSON string equal to `name`.
fn quoted_like(name: &str) -> String {
    let escaped = name
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%\"{escaped}\"%")
}

use Col::{Int, Text};

const PERSON: &[Col] = &[
    Int("id"),
    Text("name"),
    Text("kind"),
    Text("party"),
    Text("side"),
    Text("department"),
    Text("email"),
    Text("created_at"),
    Text("updated_at"),
];
const TERM: &[Col] = &[
    Int("id"),
    Int("person_id"),
    Text("body"),
    Text("role"),
    Text("from_on"),
    Text("to_on"),
    Text("side"),
];
const SEAT: &[Col] = &[
    Int("id"),
    Int("organisation_id"),
    Int("person_id"),
    Int("deputy_person_id"),
    Text("kind"),
    Text("org_body"),
    Text("title"),
    Text("from_date"),
    Text("until_date"),
    Text("appointed_by"),
];
const RESPONDENT: &[Col] = &[
    Int("id"),
    Int("review_id"),
    Int("person_id"),
    Text("name"),
    Text("email"),
    Text("lang"),
    Text("invited_at"),
    Text("opened_at"),
    Text("submitted_at"),
    Int("reminders_sent"),
    Text("created_at"),
];
const ANSWER: &[Col] = &[
    Int("review_id"),
    Int("respondent_id"),
    Int("membership_id"),
    Int("question_id"),
    Text("kind"),
    Int("value_int"),
    Text("value_text"),
    Text("updated_at"),
];
const MESSAGE: &[Col] = &[
    Int("id"),
    Int("review_id"),
    Int("respondent_id"),
    Text("kind"),
    Text("to_addr"),
    Text("subject"),
    Text("status"),
    Text("created_at"),
    Text("sent_at"),
];
const ACTION: &[Col] = &[
    Int("id"),
    Int("case_id"),
    Text("kind"),
    Text("title"),
    Text("owner"),
    Text("owner_email"),
    Text("due_on"),
    Text("status"),
];
const USER: &[Col] = &[Int("id"), Text("email"), Text("role"), Text("created_at")];
const POSITION: &[Col] = &[
    Int("case_id"),
    Text("reference"),
    Text("status"),
    Text("body"),
    Text("kind"),
    Text("persons_json"),
    Text("text"),
];
const VOTE: &[Col] = &[
    Int("case_id"),
    Text("reference"),
    Text("status"),
    Text("body"),
    Text("decided_on"),
    Text("roll_call"),
];
const JOURNEY: &[Col] = &[
    Int("id"),
    Int("event_id"),
    Int("person_id"),
    Text("traveller"),
    Text("mode"),
    Text("from_place"),
    Text("to_place"),
];
const AUDIT: &[Col] = &[
    Int("id"),
    Text("actor"),
    Text("at"),
    Text("entity"),
    Int("entity_id"),
    Text("action"),
    Text("before_json"),
    Text("after_json"),
    Text("redacted_at"),
];

/// The records found for one address, by id.
#[derive(Default)]
struct Found {
    persons: Vec<(i64, String)>,
    respondents: Vec<i64>,
    actions: Vec<i64>,
}

impl Store {
    async fn rows(
        &self,
        sql: String,
        tenant_id: i64,
        arg: &str,
        cols: &[Col],
    ) -> Result<Vec<Value>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(tenant_id)
            .bind(arg)
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .iter()
            .map(|r| to_json(r, cols))
            .collect::<Result<_, _>>()?)
    }

    async fn found(&self, tenant_id: i64, email: &str) -> Result<Found, StoreError> {
        let persons = sqlx::query(
            "SELECT id, name FROM persons WHERE tenant_id = $1 AND LOWER(email) = LOWER($2) ORDER BY id",
        )
        .bind(tenant_id)
        .bind(email)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
        .collect::<Result<_, sqlx::Error>>()?;
        let respondents = sqlx::query_scalar(
            "SELECT id FROM respondents WHERE tenant_id = $1 AND LOWER(email) = LOWER($2) ORDER BY id",
        )
        .bind(tenant_id)
        .bind(email)
        .fetch_all(self.pool())
        .await?;
        let actions = sqlx::query_scalar(
            "SELECT id FROM actions WHERE tenant_id = $1 AND LOWER(owner_email) = LOWER($2) ORDER BY id",
        )
        .bind(tenant_id)
        .bind(email)
        .fetch_all(self.pool())
        .await?;
        Ok(Found {
            persons,
            respondents,
            actions,
        })
    }

    /// Everything the tenant stores about the person with address `email`:
    /// their register records, terms and seats, their answers as a
    /// respondent, the messages sent to them, actions they own, positions
    /// and votes that name them, and the audit entries about all of these.
    pub async fn person_data(&self, tenant_id: i64, email: &str) -> Result<PersonData, StoreError> {
        let f = self.found(tenant_id, email).await?;
        let mut d = PersonData {
            email: email.to_owned(),
            user_accounts: self
                .rows(format!("SELECT {} FROM users WHERE tenant_id = $1 AND LOWER(email) = LOWER($2) ORDER BY id", select(USER)), tenant_id, email, USER)
                .await?,
            persons: Vec::new(),
            terms: Vec::new(),
            seats: Vec::new(),
            respondents: Vec::new(),
            answers: Vec::new(),
            messages: self
                .rows(format!("SELECT {} FROM mail_messages WHERE tenant_id = $1 AND (LOWER(to_addr) = LOWER($2) OR respondent_id IN (SELECT id FROM respondents WHERE tenant_id = $1 AND LOWER(email) = LOWER($2))) ORDER BY id", select(MESSAGE)), tenant_id, email, MESSAGE)
                .await?,
            actions: self
                .rows(format!("SELECT {} FROM actions WHERE tenant_id = $1 AND LOWER(owner_email) = LOWER($2) ORDER BY id", select(ACTION)), tenant_id, email, ACTION)
                .await?,
            case_positions: Vec::new(),
            case_votes: Vec::new(),
            journeys: Vec::new(),
            audit_entries: Vec::new(),
        };
        for (id, name) in &f.persons {
            let id_s = id.to_string();
            let by_id = |table: &str, cols: &[Col], column: &str| {
                format!(
                    "SELECT {} FROM {table} WHERE tenant_id = $1 AND CAST({column} AS TEXT) = $2 ORDER BY id",
                    select(cols)
                )
            };
            d.persons.extend(
                self.rows(by_id("persons", PERSON, "id"), tenant_id, &id_s, PERSON)
                    .await?,
            );
            d.terms.extend(
                self.rows(
                    by_id("person_terms", TERM, "person_id"),
                    tenant_id,
                    &id_s,
                    TERM,
                )
                .await?,
            );
            d.seats.extend(self.rows(format!("SELECT {} FROM seats WHERE tenant_id = $1 AND (CAST(person_id AS TEXT) = $2 OR CAST(deputy_person_id AS TEXT) = $2) ORDER BY id", select(SEAT)), tenant_id, &id_s, SEAT).await?);
            d.respondents.extend(
                self.rows(
                    by_id("respondents", RESPONDENT, "person_id"),
                    tenant_id,
                    &id_s,
                    RESPONDENT,
                )
                .await?,
            );
            d.journeys.extend(
                self.rows(
                    by_id("journeys", JOURNEY, "person_id"),
                    tenant_id,
                    &id_s,
                    JOURNEY,
                )
                .await?,
            );
            let like = quoted_like(name);
            d.case_positions.extend(self.rows("SELECT p.case_id, c.reference, c.status, p.body, p.kind, p.persons_json, p.text FROM case_positions p JOIN cases c ON c.id = p.case_id WHERE c.tenant_id = $1 AND p.persons_json LIKE $2 ESCAPE '\\' ORDER BY p.case_id, p.seq".to_owned(), tenant_id, &like, POSITION).await?);
            d.case_votes.extend(self.rows("SELECT d.case_id, c.reference, c.status, d.body, d.decided_on, d.roll_call FROM case_decisions d JOIN cases c ON c.id = d.case_id WHERE c.tenant_id = $1 AND d.roll_call LIKE $2 ESCAPE '\\' ORDER BY d.case_id".to_owned(), tenant_id, &like, VOTE).await?);
            d.audit_entries
                .extend(self.audit_rows(tenant_id, "person", *id).await?);
            for t in self
                .rows(
                    by_id("person_terms", TERM, "person_id"),
                    tenant_id,
                    &id_s,
                    TERM,
                )
                .await?
            {
                if let Some(tid) = t["id"].as_i64() {
                    d.audit_entries
                        .extend(self.audit_rows(tenant_id, "person_term", tid).await?);
                }
            }
        }
        for id in &f.respondents {
            if d.respondents.iter().any(|r| r["id"].as_i64() == Some(*id)) {
                continue;
            }
            d.respondents.extend(
                self.rows(
                    format!(
                        "SELECT {} FROM respondents WHERE tenant_id = $1 AND CAST(id AS TEXT) = $2",
                        select(RESPONDENT)
                    ),
                    tenant_id,
                    &id.to_string(),
                    RESPONDENT,
                )
                .await?,
            );
        }
        let respondent_ids: Vec<i64> = d
            .respondents
            .iter()
            .filter_map(|r| r["id"].as_i64())
            .collect();
        for id in &respondent_ids {
            d.answers.extend(self.rows(format!("SELECT {} FROM answers WHERE tenant_id = $1 AND CAST(respondent_id AS TEXT) = $2 ORDER BY id", select(ANSWER)), tenant_id, &id.to_string(), ANSWER).await?);
            d.audit_entries
                .extend(self.audit_rows(tenant_id, "respondent", *id).await?);
        }
        for id in &f.actions {
            d.audit_entries
                .extend(self.audit_rows(tenant_id, "action", *id).await?);
        }
        d.audit_entries.extend(
            self.rows(format!("SELECT {} FROM audit_log WHERE tenant_id = $1 AND LOWER(actor) = LOWER($2) ORDER BY id", select(AUDIT)), tenant_id, email, AUDIT)
                .await?,
        );
        Ok(d)
    }

    async fn audit_rows(
        &self,
        tenant_id: i64,
        entity: &str,
        id: i64,
    ) -> Result<Vec<Value>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {} FROM audit_log WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3 ORDER BY id",
            select(AUDIT)
        )))
        .bind(tenant_id)
        .bind(entity)
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|r| to_json(r, AUDIT))
            .collect::<Result<_, _>>()?)
    }

    /// The cases that name `name` in a position or a roll call, with
    /// whether each is decided.
    async fn cases_naming(
        &self,
        tenant_id: i64,
        name: &str,
    ) -> Result<Vec<(String, bool)>, StoreError> {
        let like = quoted_like(name);
        let rows = sqlx::query(
            "SELECT DISTINCT c.id, c.reference, c.title, c.status FROM cases c
             WHERE c.tenant_id = $1 AND (
                 EXISTS (SELECT 1 FROM case_positions p WHERE p.case_id = c.id AND p.persons_json LIKE $2 ESCAPE '\\')
              OR EXISTS (SELECT 1 FROM case_decisions d WHERE d.case_id = c.id AND d.roll_call LIKE $2 ESCAPE '\\'))
             ORDER BY c.id",
        )
        .bind(tenant_id)
        .bind(like)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let reference: String = r.try_get("reference")?;
                let title: String = r.try_get("title")?;
                let status: String = r.try_get("status")?;
                let label = if reference.is_empty() {
                    title
                } else {
                    reference
                };
                Ok((label, status == "decided"))
            })
            .collect()
    }

    /// Erases what the tenant stores about the person with address
    /// `email`, except what must be kept, which the answer lists with the
    /// reason. `groups` gives the result group of each respondent whose
    /// link to the register goes (see [`Store::remove_review_identities`]).
    pub async fn erase_person(
        &self,
        actor: &Actor,
        email: &str,
        groups: &HashMap<i64, String>,
    ) -> Result<Erased, StoreError> {
        let tenant_id = actor.tenant_id;
        let f = self.found(tenant_id, email).await?;
        let mut out = Erased::default();
        let users: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE tenant_id = $1 AND LOWER(email) = LOWER($2)",
        )
        .bind(tenant_id)
        .bind(email)
        .fetch_one(self.pool())
        .await?;
        if users > 0 {
            out.kept
                .push(kept("user account".to_owned(), &KeepReason::UserAccount));
        }
        let mut keep_person = HashMap::new();
        for (id, name) in &f.persons {
            let cases = self.cases_naming(tenant_id, name).await?;
            if let Some((case, _)) = cases.iter().find(|(_, decided)| *decided) {
                let reason = KeepReason::DecidedCase { case: case.clone() };
                out.kept
                    .push(kept(format!("person {id} ({name})"), &reason));
                keep_person.insert(*id, true);
            } else if let Some((case, _)) = cases.first() {
                let reason = KeepReason::OpenCase { case: case.clone() };
                out.kept
                    .push(kept(format!("person {id} ({name})"), &reason));
                keep_person.insert(*id, true);
            }
        }
        let mut tx = self.write_tx().await?;
        for (id, name) in &f.persons {
            if keep_person.contains_key(id) {
                // The name stays as the public record needs it; the
                // address is not part of that record.
                sqlx::query("UPDATE persons SET email = NULL, updated_at = $1, version = version + 1 WHERE tenant_id = $2 AND id = $3")
                    .bind(crate::codec::now())
                    .bind(tenant_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                continue;
            }
            erase_register_person(&mut tx, tenant_id, *id, name, groups, &mut out).await?;
        }
        for id in &f.respondents {
            let r = remove_identity(&mut tx, tenant_id, *id, groups.get(id)).await?;
            out.respondents += r.respondents;
            out.messages += r.messages;
            out.audit_entries += r.audit_entries;
        }
        out.messages += sqlx::query("UPDATE mail_messages SET to_addr = $1 WHERE tenant_id = $2 AND LOWER(to_addr) = LOWER($3)")
            .bind(REMOVED)
            .bind(tenant_id)
            .bind(email)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        for id in &f.actions {
            sqlx::query("UPDATE actions SET owner_email = NULL WHERE tenant_id = $1 AND id = $2")
                .bind(tenant_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            out.actions += 1;
        }
        out.audit_entries += redact_entries(&mut tx, tenant_id, "action", &f.actions).await?;
        record(
            &mut tx,
            actor,
            "privacy",
            0,
            "erase",
            None,
            Some(&Summary::of(&out)),
        )
        .await?;
        tx.commit().await?;
        Ok(out)
    }
}

fn kept(what: String, reason: &KeepReason) -> Kept {
    Kept {
        what,
        reason: reason.explain(),
        code: reason.code().to_owned(),
    }
}

/// An erasure's entry in the audit log: counts and reasons, no address and
/// no name.
#[derive(Serialize)]
struct Summary {
    persons: u64,
    terms: u64,
    respondents: u64,
    messages: u64,
    actions: u64,
    journeys: u64,
    audit_entries: u64,
    kept: Vec<String>,
}

impl Summary {
    fn of(e: &Erased) -> Summary {
        Summary {
            persons: e.persons,
            terms: e.terms,
            respondents: e.respondents,
            messages: e.messages,
            actions: e.actions,
            journeys: e.journeys,
            audit_entries: e.audit_entries,
            kept: e.kept.iter().map(|k| k.code.clone()).collect(),
        }
    }
}

/// Erases a register person no case names: the record stays as a blank
/// (seats and memberships point at it) with every personal field gone;
/// terms go; respondents and travellers lose the link and the name.
async fn erase_register_person(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    id: i64,
    name: &str,
    groups: &HashMap<i64, String>,
    out: &mut Erased,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE persons SET name = $1, party = NULL, side = NULL, department = NULL, email = NULL, updated_at = $2, version = version + 1 WHERE tenant_id = $3 AND id = $4")
        .bind(REMOVED)
        .bind(crate::codec::now())
        .bind(tenant_id)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    out.persons += 1;
    let terms: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM person_terms WHERE tenant_id = $1 AND person_id = $2")
            .bind(tenant_id)
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    sqlx::query("DELETE FROM person_terms WHERE tenant_id = $1 AND person_id = $2")
        .bind(tenant_id)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    out.terms += terms.len() as u64;
    out.audit_entries += redact_entries(tx, tenant_id, "person_term", &terms).await?;
    out.audit_entries += redact_entries(tx, tenant_id, "person", &[id]).await?;
    let respondents: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM respondents WHERE tenant_id = $1 AND person_id = $2")
            .bind(tenant_id)
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    for r in respondents {
        let removed = remove_identity(tx, tenant_id, r, groups.get(&r)).await?;
        out.respondents += removed.respondents;
        out.messages += removed.messages;
        out.audit_entries += removed.audit_entries;
    }
    out.journeys += sqlx::query("UPDATE journeys SET traveller = $1, person_id = NULL WHERE tenant_id = $2 AND person_id = $3")
        .bind(REMOVED)
        .bind(tenant_id)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    sqlx::query("UPDATE outcome_reports SET traveller = $1, person_id = NULL WHERE tenant_id = $2 AND person_id = $3")
        .bind(REMOVED)
        .bind(tenant_id)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE actions SET owner = '' WHERE tenant_id = $1 AND owner = $2")
        .bind(tenant_id)
        .bind(name)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
