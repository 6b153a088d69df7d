//! The official's override of one membership's recommendation: a page with
//! the analysed recommendation and its reasons, the overrides made so far,
//! and a form for a new one with a required justification.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::register::save_errors;
use crate::views::{Chrome, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_app::analysis::{Analysed, analyse_shared};
use oversyn_core::FieldErrors;
use oversyn_core::analysis::Category;
use oversyn_store::reviews::Override;

#[derive(Template)]
#[template(path = "reviews/override.html")]
struct OverrideView {
    c: Chrome,
    review_id: i64,
    review_title: String,
    m: Analysed,
    history: Vec<Override>,
    chosen: String,
    justification: String,
    errors: FieldErrors,
}

impl OverrideView {
    fn reasons(&self) -> String {
        let en = self.c.lang.code() == "en";
        self.m
            .outcome
            .reasons
            .iter()
            .map(|r| if en { r.en.as_str() } else { r.sv.as_str() })
            .collect::<Vec<_>>()
            .join("; ")
    }
    fn choices(&self) -> Vec<&'static str> {
        Category::DECIDED.iter().map(|c| c.code()).collect()
    }
}

async fn view(
    state: &AppState,
    s: &Signed,
    review_id: i64,
    membership_id: i64,
    chosen: String,
    justification: String,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    // The kept analysis, shared: only this membership's part is copied.
    let analysis = analyse_shared(&state.store, s.tenant(), review_id).await?;
    let m = analysis
        .memberships
        .iter()
        .find(|m| m.evidence.membership_id == membership_id)
        .cloned()
        .ok_or(PageError::NotFound)?;
    let history = state
        .store
        .override_history(s.tenant(), review_id)
        .await?
        .into_iter()
        .filter(|o| o.membership_id == membership_id)
        .rev()
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        render(&OverrideView {
            c: Chrome::signed(s, "override-title"),
            review_id,
            review_title: analysis.review.title.clone(),
            m,
            history,
            chosen,
            justification,
            errors,
        })?,
    )
        .into_response())
}

/// GET /reviews/{id}/analysis/{membership}/override
pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path((review_id, membership_id)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    let current = state
        .store
        .overrides(s.tenant(), review_id)
        .await?
        .into_iter()
        .find(|o| o.membership_id == membership_id)
        .and_then(|o| o.category)
        .map_or(String::new(), |c| c.code().to_owned());
    view(
        &state,
        &s,
        review_id,
        membership_id,
        current,
        String::new(),
        FieldErrors::new(),
    )
    .await
}

/// POST /reviews/{id}/analysis/{membership}/override: fields `category`
/// (a decided category, or empty to follow the analysis) and `justification`.
pub async fn save(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path((review_id, membership_id)): Path<(i64, i64)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (code, justification) = (get("category"), get("justification"));
    let chosen = Category::DECIDED.into_iter().find(|c| c.code() == code);
    if chosen.is_none() && !code.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("category", "error-choose");
        return view(
            &state,
            &s,
            review_id,
            membership_id,
            code,
            justification,
            errors,
        )
        .await;
    }
    let analysis = analyse_shared(&state.store, s.tenant(), review_id).await?;
    let analysed = analysis
        .memberships
        .iter()
        .find(|m| m.evidence.membership_id == membership_id)
        .ok_or(PageError::NotFound)?
        .outcome
        .category;
    match state
        .store
        .record_override(
            &s.actor(),
            review_id,
            membership_id,
            chosen,
            analysed,
            &justification,
        )
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/reviews/{review_id}/analysis#m{membership_id}"))
                .into_response(),
        ),
        Err(e) => {
            let errors = save_errors(e)?;
            view(
                &state,
                &s,
                review_id,
                membership_id,
                code,
                justification,
                errors,
            )
            .await
        }
    }
}
