//! Importing a decision document: upload (text or PDF) → the parsed
//! structure shown for review, with title, number and points editable →
//! save as a case. Nothing is stored until the official saves.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer, tokens_match};
use crate::error::PageError;
use crate::register::save_errors;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::Lang;
use oversyn_core::cases::text::{points_from_text, points_to_text};
use oversyn_core::cases::{CaseNumber, Position};
use oversyn_documents::case::persons_phrase;
use oversyn_import::{parse_document, to_new_case};
use serde::Deserialize;

/// What the review step shows and posts back.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReviewInput {
    /// The parse contract as JSON, carried through the form unchanged.
    pub parsed: String,
    pub title: String,
    pub number: String,
    pub reference: String,
    pub proposal: String,
}

pub struct Shown {
    pub lead: String,
    pub points: Vec<String>,
    pub text: String,
}

#[derive(Template)]
#[template(path = "cases/import.html")]
struct ImportView {
    c: Chrome,
    error: Option<String>,
    input: Option<ReviewInput>,
    errors: FieldErrors,
    warnings: Vec<String>,
    positions: Vec<Shown>,
    organisations: Vec<String>,
    actions: Vec<String>,
    /// The fields the parser is least sure of, least sure first.
    unsure: Vec<Unsure>,
    /// The editable fields, least sure first.
    order: Vec<String>,
}

/// A field read with less than full confidence, as the review step lists it.
pub struct Unsure {
    /// The field's name in the contract, for its label.
    pub field: String,
    pub value: String,
    /// `low` or `medium`.
    pub confidence: String,
}

/// The contract's confidence for `field`: 0 low, 1 medium, 2 high or unsaid.
fn sureness(parsed: &serde_json::Value, field: &str) -> u8 {
    match parsed["confidence"][field].as_str() {
        Some("low") => 0,
        Some("medium") => 1,
        _ => 2,
    }
}

/// What the review step says the parser read for `field`.
fn shown_value(parsed: &serde_json::Value, field: &str) -> String {
    let v = match field {
        "decision_kind" => &parsed["decision"]["kind"],
        "votes" => &parsed["decision"]["votes"],
        "decision_points" => {
            return parsed["decision_points"]
                .as_array()
                .map_or(0, Vec::len)
                .to_string();
        }
        f => &parsed[f],
    };
    match v {
        serde_json::Value::Null => "–".into(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(o) => o
            .iter()
            .filter(|(_, n)| !n.is_null())
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// The fields the parser was not sure of, least sure first; and the
/// editable fields in the same order (title, number, reference, points).
fn uncertain(parsed: &serde_json::Value) -> (Vec<Unsure>, Vec<String>) {
    const FIELDS: [&str; 8] = [
        "title",
        "case_number",
        "date",
        "decision_points",
        "decision_kind",
        "votes",
        "paragraph",
        "language",
    ];
    let mut unsure: Vec<(u8, usize, Unsure)> = FIELDS
        .iter()
        .enumerate()
        .filter(|(_, f)| sureness(parsed, f) < 2)
        .map(|(i, f)| {
            let s = sureness(parsed, f);
            let unsure = Unsure {
                field: (*f).to_string(),
                value: shown_value(parsed, f),
                confidence: if s == 0 { "low" } else { "medium" }.into(),
            };
            (s, i, unsure)
        })
        .collect();
    unsure.sort_by_key(|(s, i, _)| (*s, *i));
    let mut order: Vec<(u8, usize, String)> = [
        ("title", "title"),
        ("number", "case_number"),
        ("reference", "reference"),
        ("proposal", "decision_points"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (input, field))| (sureness(parsed, field), i, (*input).to_string()))
    .collect();
    order.sort_by_key(|(s, i, _)| (*s, *i));
    (
        unsure.into_iter().map(|(_, _, u)| u).collect(),
        order.into_iter().map(|(_, _, f)| f).collect(),
    )
}

fn page(s: &Signed, status: StatusCode, v: ImportView) -> Result<Response, PageError> {
    let _ = s;
    Ok((status, render(&v)?).into_response())
}

fn empty(s: &Signed) -> ImportView {
    ImportView {
        c: Chrome::signed(s, "case-import"),
        error: None,
        input: None,
        errors: FieldErrors::new(),
        warnings: Vec::new(),
        positions: Vec::new(),
        organisations: Vec::new(),
        actions: Vec::new(),
        unsure: Vec::new(),
        order: Vec::new(),
    }
}

pub async fn form(Writer(s): Writer) -> Result<Response, PageError> {
    page(&s, StatusCode::OK, empty(&s))
}

fn shown(positions: &[Position], lang: Lang) -> Vec<Shown> {
    positions
        .iter()
        .map(|p| Shown {
            lead: format!(
                "{} · {} · {}{}",
                p.body,
                p.kind,
                persons_phrase(&p.persons, lang),
                p.refers_to
                    .map(|r| format!(" → #{}", r + 1))
                    .unwrap_or_default()
            ),
            points: p
                .points
                .iter()
                .map(|x| format!("{} {}", x.label, x.text))
                .collect(),
            text: p.text.clone(),
        })
        .collect()
}

/// The review page for a parsed document (also shown again when saving fails).
fn review(
    s: &Signed,
    parsed: serde_json::Value,
    input: Option<ReviewInput>,
    errors: FieldErrors,
    memberships: &[(i64, String)],
) -> Result<Response, PageError> {
    let imported = to_new_case(&parsed, memberships);
    let f = &imported.new.fields;
    let input = input.unwrap_or_else(|| ReviewInput {
        parsed: parsed.to_string(),
        title: f.title.clone(),
        number: parsed["case_number"].as_str().unwrap_or("").to_owned(),
        reference: f.reference.clone(),
        proposal: points_to_text(&f.proposal),
    });
    let list = |key: &str, field: &str| -> Vec<String> {
        parsed[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|x| match field {
                        "" => x.as_str().unwrap_or("").to_owned(),
                        _ => x.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let organisations = parsed["organisations"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|o| {
                    let m = o["mention"].as_str().unwrap_or("");
                    let c = o["canonical"].as_str().unwrap_or("");
                    if m == c {
                        c.to_owned()
                    } else {
                        format!("{m} → {c}")
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (unsure, order) = uncertain(&parsed);
    let v = ImportView {
        unsure,
        order,
        warnings: imported.warnings.clone(),
        positions: shown(&imported.new.positions, Lang::from_code(&f.language)),
        organisations,
        actions: list("actions", "json"),
        input: Some(input),
        errors,
        ..empty(s)
    };
    page(s, status, v)
}

async fn memberships(state: &AppState, tenant_id: i64) -> Result<Vec<(i64, String)>, PageError> {
    let snap = oversyn_app::snapshot(&state.store, tenant_id).await?;
    Ok(snap
        .memberships
        .iter()
        .flat_map(|m| {
            let o = snap.organisation(m.organisation_id);
            [
                o.map(|o| (m.id, o.label().to_owned())),
                o.map(|o| (m.id, o.name.clone())),
            ]
        })
        .flatten()
        .collect())
}

pub async fn upload(
    State(state): State<AppState>,
    Writer(s): Writer,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut csrf = String::new();
    let mut bytes = Vec::new();
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("csrf") => csrf = field.text().await.unwrap_or_default(),
            Some("file") => {
                bytes = field
                    .bytes()
                    .await
                    .map_err(|_| PageError::BadRequest)?
                    .to_vec()
            }
            _ => {}
        }
    }
    if !tokens_match(&csrf, &s.session.csrf) {
        return Err(PageError::CsrfFailed);
    }
    let orgs = state.store.organisations(s.tenant()).await?;
    match parse_document(&bytes, &orgs) {
        Ok(parsed) => {
            let ms = memberships(&state, s.tenant()).await?;
            review(&s, parsed, None, FieldErrors::new(), &ms)
        }
        Err(e) => page(
            &s,
            StatusCode::UNPROCESSABLE_ENTITY,
            ImportView {
                error: Some(e.to_string()),
                ..empty(&s)
            },
        ),
    }
}

pub async fn save(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<ReviewInput>,
) -> Result<Response, PageError> {
    let parsed: serde_json::Value =
        serde_json::from_str(&input.parsed).map_err(|_| PageError::BadRequest)?;
    let ms = memberships(&state, s.tenant()).await?;
    let mut imported = to_new_case(&parsed, &ms);
    let pattern = state.store.case_number_pattern(s.tenant()).await?;
    let mut errors = FieldErrors::new();
    let f = &mut imported.new.fields;
    f.title = input.title.trim().to_owned();
    f.reference = input.reference.trim().to_owned();
    f.proposal = points_from_text(&input.proposal);
    f.number = match input.number.trim() {
        "" => None,
        n => {
            let parsed = CaseNumber::parse_with(n, &pattern)
                .or_else(|| CaseNumber::parse_any(n).map(|(n, _)| n));
            if parsed.is_none() {
                errors.add("number", "error-case-number");
            }
            parsed
        }
    };
    if errors.is_empty() {
        match state.store.create_case(&s.actor(), &imported.new).await {
            Ok(id) => return Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
            Err(e) => errors = save_errors(e)?,
        }
    }
    review(&s, parsed, Some(input), errors, &ms)
}
