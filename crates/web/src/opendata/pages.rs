//! Import and export of register tables in the browser: upload a CSV or
//! XLSX file, see every problem by line and column and what would be
//! written, then import all (only when everything is valid) or the valid
//! rows; and download the register as CSV or XLSX.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer, tokens_match};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use oversyn_app::opendata::table::{check_table, export_table, import_table, to_csv, to_xlsx};
use oversyn_core::opendata::table::{TableKind, check};
use oversyn_import::table::{Table, read_table};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "public/tables.html")]
struct TablesView {
    c: Chrome,
    kind: String,
    error: Option<String>,
    problems: Vec<String>,
    valid: usize,
    total: usize,
    table: String,
    done: Option<usize>,
}

fn view(s: &Signed) -> TablesView {
    TablesView {
        c: Chrome::signed(s, "tables-title"),
        kind: "memberships".into(),
        error: None,
        problems: Vec::new(),
        valid: 0,
        total: 0,
        table: String::new(),
        done: None,
    }
}

pub async fn page(s: Signed) -> Result<Response, PageError> {
    render(&view(&s))
}

fn encode(t: &Table) -> String {
    serde_json::json!({ "header": t.header, "rows": t.rows, "first_line": t.first_line })
        .to_string()
}

fn decode(s: &str) -> Option<Table> {
    let v: serde_json::Value = serde_json::from_str(s).ok()?;
    Some(Table {
        header: serde_json::from_value(v["header"].clone()).ok()?,
        rows: serde_json::from_value(v["rows"].clone()).ok()?,
        first_line: v["first_line"].as_u64()? as usize,
    })
}

pub async fn preview(
    State(state): State<AppState>,
    Writer(s): Writer,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let (mut csrf, mut kind, mut bytes) = (String::new(), String::new(), Vec::new());
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("csrf") => csrf = field.text().await.unwrap_or_default(),
            Some("kind") => kind = field.text().await.unwrap_or_default(),
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
    let k = TableKind::parse(&kind).ok_or(PageError::BadRequest)?;
    let mut v = view(&s);
    v.kind = kind;
    match read_table(&bytes) {
        Err(e) => v.error = Some(e.to_string()),
        Ok(table) => {
            let rows = check(k, &table.header, &table.rows, table.first_line)
                .rows
                .len();
            // Names are checked against the register too; nothing is written.
            let out = check_table(&state.store, &s.actor(), k, &table).await?;
            v.total = rows;
            v.valid = out.written;
            v.problems = out.errors.iter().map(ToString::to_string).collect();
            v.table = encode(&table);
        }
    }
    let status = if v.error.is_some() || !v.problems.is_empty() {
        http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        http::StatusCode::OK
    };
    Ok((status, render(&v)?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmInput {
    kind: String,
    table: String,
    valid_rows: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(input): CsrfForm<ConfirmInput>,
) -> Result<Response, PageError> {
    let k = TableKind::parse(&input.kind).ok_or(PageError::BadRequest)?;
    let table = decode(&input.table).ok_or(PageError::BadRequest)?;
    let out = import_table(
        &state.store,
        &s.actor(),
        k,
        &table,
        !input.valid_rows.is_empty(),
    )
    .await?;
    let mut v = view(&s);
    v.kind = input.kind.clone();
    v.problems = out.errors.iter().map(ToString::to_string).collect();
    if out.written > 0 || out.errors.is_empty() {
        v.done = Some(out.written);
    } else {
        v.table = input.table;
        v.total = table.rows.len();
    }
    let status = if v.done.is_none() {
        http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        http::StatusCode::OK
    };
    Ok((status, render(&v)?).into_response())
}

pub async fn download(
    State(state): State<AppState>,
    s: Signed,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let (kind, ext) = file.rsplit_once('.').ok_or(PageError::NotFound)?;
    let k = TableKind::parse(kind).ok_or(PageError::NotFound)?;
    let (header, rows) = export_table(&state.store, s.tenant(), k).await?;
    let (bytes, ctype) = match ext {
        "csv" => (to_csv(&header, &rows), "text/csv; charset=utf-8"),
        "xlsx" => (
            to_xlsx(kind, &header, &rows).map_err(|_| PageError::Internal)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        _ => return Err(PageError::NotFound),
    };
    Ok((
        [
            (http::header::CONTENT_TYPE, ctype.to_owned()),
            (
                http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{kind}.{ext}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
