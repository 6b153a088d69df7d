//! The tenant's privacy notices, public: linked from every page's footer,
//! from each invitation and from the respondent's form.

use crate::AppState;
use crate::context::Ui;
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use oversyn_app::privacy::Notices;

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    c: Chrome,
    n: std::sync::Arc<Notices>,
}

pub async fn page(
    State(state): State<AppState>,
    ui: Ui,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&slug).await?;
    let n = oversyn_app::privacy::notices(&state.store, t.id, ui.0.lang).await?;
    let c = Chrome::anonymous(&ui, "privacy-public-title", String::new())
        .with_tenant(&t.slug)
        .titled(&format!(
            "{} – {}",
            ui.0.lang.t("privacy-public-title"),
            t.name
        ));
    render(&PrivacyPage { c, n })
}
