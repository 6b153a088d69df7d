//! Every record's history from the audit log: who changed what, when, and
//! the values before and after.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use oversyn_store::audit::AuditEntry;

pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

pub struct Entry {
    pub e: AuditEntry,
    pub changes: Vec<Change>,
}

#[derive(Template)]
#[template(path = "register/history.html")]
struct HistoryView {
    c: Chrome,
    back: String,
    entries: Vec<Entry>,
}

fn show(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

/// The fields that differ between before and after.
fn changes(e: &AuditEntry) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let before = e
        .before
        .as_ref()
        .and_then(|v| v.as_object())
        .unwrap_or(&empty);
    let after = e
        .after
        .as_ref()
        .and_then(|v| v.as_object())
        .unwrap_or(&empty);
    let mut keys: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| *k != "version" && *k != "id")
        .collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|k| Change {
            field: k.clone(),
            before: show(before.get(k)),
            after: show(after.get(k)),
        })
        .collect()
}

async fn history(
    state: AppState,
    s: Signed,
    entity: &str,
    id: i64,
    back: String,
) -> Result<Response, PageError> {
    let entries = state.store.record_history(s.tenant(), entity, id).await?;
    let entries = entries
        .into_iter()
        .map(|e| Entry {
            changes: changes(&e),
            e,
        })
        .collect();
    render(&HistoryView {
        c: Chrome::signed(&s, "history-title"),
        back,
        entries,
    })
}

pub async fn organisation(
    State(st): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    history(st, s, "organisation", id, format!("/organisations/{id}")).await
}
pub async fn membership(
    State(st): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    history(st, s, "membership", id, format!("/memberships/{id}")).await
}
pub async fn person(
    State(st): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    history(st, s, "person", id, format!("/persons/{id}")).await
}
pub async fn seat(
    State(st): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    history(st, s, "seat", id, format!("/seats/{id}/edit")).await
}
pub async fn body(
    State(st): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    history(st, s, "body", id, "/bodies".into()).await
}
