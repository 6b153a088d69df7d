//! The exchange rates fees are read in kronor at, with their sources.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use crate::views::Chrome;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use oversyn_core::rates::Rate;

#[derive(Template)]
#[template(path = "register/rates_content.html")]
struct View {
    c: Chrome,
    rates: Vec<Rate>,
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let c = Chrome::signed(&s, "rates-title");
    crate::kept::page(&state, &s, "rates page", 0, c, |c| async {
        let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
        Ok(View {
            c,
            rates: snap.rates.all().cloned().collect(),
        })
    })
    .await
}
