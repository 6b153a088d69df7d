//! The exchange rates fees are read in kronor at, with their sources.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use oversyn_core::rates::Rate;

#[derive(Template)]
#[template(path = "register/rates.html")]
struct View {
    c: Chrome,
    rates: Vec<Rate>,
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    render(&View {
        c: Chrome::signed(&s, "rates-title"),
        rates: snap.rates.all().cloned().collect(),
    })
}
