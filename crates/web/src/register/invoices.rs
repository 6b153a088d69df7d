//! A membership's invoices: recording one, editing it (e.g. the day it was
//! paid) and removing one recorded by mistake.

use super::save;
use crate::AppState;
use crate::context::{CsrfForm, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::fees::Fee;
use oversyn_core::register::invoice::InvoiceInput;

#[derive(Template)]
#[template(path = "register/invoice_form.html")]
struct FormView {
    c: Chrome,
    input: InvoiceInput,
    errors: FieldErrors,
    action: String,
    membership_id: i64,
    /// Shown on an existing invoice only.
    delete: Option<String>,
}

fn form(
    s: &crate::context::Signed,
    title: &str,
    membership_id: i64,
    input: InvoiceInput,
    errors: FieldErrors,
    action: String,
    delete: Option<String>,
) -> Result<Response, PageError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let v = FormView {
        c: Chrome::signed(s, title),
        input,
        errors,
        action,
        membership_id,
        delete,
    };
    Ok((status, render(&v)?).into_response())
}

/// The fee's currency, which a new invoice starts with.
fn fee_currency(fee: &Fee) -> Option<&str> {
    match fee {
        Fee::Amount { currency, .. } => Some(currency),
        _ => None,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let m = state.store.membership(s.tenant(), id).await?;
    let input = InvoiceInput {
        currency: fee_currency(&m.fee).unwrap_or("SEK").to_owned(),
        ..Default::default()
    };
    form(
        &s,
        "invoice-new",
        id,
        input,
        FieldErrors::new(),
        format!("/memberships/{id}/invoices"),
        None,
    )
}

pub async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<InvoiceInput>,
) -> Result<Response, PageError> {
    let m = state.store.membership(s.tenant(), id).await?;
    let actor = s.actor();
    match save(
        input.parse(fee_currency(&m.fee)),
        async |c| state.store.create_invoice(&actor, id, &c).await,
        |_| format!("/memberships/{id}?saved=1#invoices"),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(
            &s,
            "invoice-new",
            id,
            input,
            errors,
            format!("/memberships/{id}/invoices"),
            None,
        ),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let i = state.store.invoice(s.tenant(), id).await?;
    form(
        &s,
        "invoice-edit",
        i.membership_id,
        InvoiceInput::of(&i),
        FieldErrors::new(),
        format!("/invoices/{id}/edit"),
        Some(format!("/invoices/{id}/delete")),
    )
}

pub async fn update(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(input): CsrfForm<InvoiceInput>,
) -> Result<Response, PageError> {
    let i = state.store.invoice(s.tenant(), id).await?;
    let actor = s.actor();
    match save(
        input.parse(Some(&i.currency)),
        async |c| state.store.update_invoice(&actor, id, &c).await,
        |i| format!("/memberships/{}?saved=1#invoices", i.membership_id),
    )
    .await?
    {
        Ok(done) => Ok(done),
        Err(errors) => form(
            &s,
            "invoice-edit",
            i.membership_id,
            input,
            errors,
            format!("/invoices/{id}/edit"),
            Some(format!("/invoices/{id}/delete")),
        ),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let i = state.store.invoice(s.tenant(), id).await?;
    state.store.delete_invoice(&s.actor(), id).await?;
    Ok(Redirect::to(&format!(
        "/memberships/{}?saved=1#invoices",
        i.membership_id
    ))
    .into_response())
}
