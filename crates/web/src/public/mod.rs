//! Public pages per tenant, without login: what the city is a member of,
//! what it pays, who sits where, what was decided — only the kinds the
//! tenant shows (all by default) and never a record marked private. The
//! same filtered register is offered as Popolo JSON under a licence.

mod privacy;

use crate::AppState;
use crate::context::{Admin, CsrfForm, Ui};
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::{Chrome, render};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use oversyn_app::opendata::public::{is_public_case, public_popolo, public_register};
use oversyn_core::fees::Fee;
use oversyn_core::opendata::popolo::LICENCE;
use oversyn_store::privacy::PUBLIC_KINDS;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/public/{tenant}", get(overview))
        .route("/privacy/{tenant}", get(privacy::page))
        .route("/public/{tenant}/popolo.json", get(popolo))
        .route("/public/{tenant}/cases/{id}", get(case))
        .route("/public/{tenant}/cases/{id}/akn.xml", get(case_akn))
        .route("/settings/public", get(settings).post(save_settings))
        .route(
            "/tables",
            get(crate::opendata::pages::page)
                .post(crate::opendata::pages::preview)
                .layer(axum::extract::DefaultBodyLimit::max(
                    oversyn_import::table::MAX_TABLE + 64 * 1024,
                )),
        )
        .route(
            "/tables/confirm",
            post(crate::opendata::pages::confirm).layer(axum::extract::DefaultBodyLimit::max(
                oversyn_import::table::MAX_TABLE * 2,
            )),
        )
        .route("/tables/{file}", get(crate::opendata::pages::download))
}

pub struct Line {
    pub org: String,
    pub body: String,
    pub mtype: String,
    pub since: String,
    pub until: String,
    pub fee: String,
    pub seats: Vec<String>,
}

#[derive(Template)]
#[template(path = "public/overview.html")]
struct OverviewView {
    c: Chrome,
    slug: String,
    city: String,
    lines: Vec<Line>,
    /// (id, number, title, not yet decided)
    cases: Vec<(i64, String, String, bool)>,
    shows_fees: bool,
    shows_seats: bool,
    shows_cases: bool,
    shows_events: bool,
    licence: &'static str,
    withheld: Vec<oversyn_core::privacy::secrecy::WithheldNotice>,
}

async fn overview(
    State(state): State<AppState>,
    ui: Ui,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&slug).await?;
    let r = public_register(&state.store, t.id).await?;
    let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let lang = ui.0.lang;
    let lines = r
        .memberships
        .iter()
        .map(|m| Line {
            org: r.snap.org_label(m.organisation_id),
            body: r.snap.body_name(m.body_id),
            mtype: lang.t(&format!("mtype-{}", oversyn_core::Code::code(m.mtype))),
            since: d(m.since),
            until: d(m.until),
            fee: match &m.fee {
                Fee::Amount {
                    minor,
                    currency,
                    year,
                } => format!(
                    "{} {currency}{}",
                    oversyn_core::fees::format_minor(*minor),
                    year.map(|y| format!(" ({y})")).unwrap_or_default()
                ),
                Fee::NoFee => lang.t("fee-none"),
                Fee::Unknown => "–".into(),
            },
            seats: r
                .seats
                .iter()
                .filter(|s| s.organisation_id == m.organisation_id && s.is_current(r.snap.today))
                .map(|s| {
                    let who = r
                        .snap
                        .person_name(s.person_id)
                        .unwrap_or_else(|| lang.t("public-seat-vacant"));
                    format!(
                        "{}: {who}",
                        s.title.clone().unwrap_or_else(|| s.org_body.clone())
                    )
                })
                .collect(),
        })
        .collect();
    let cases = if r.shows("cases") {
        let pattern = state.store.case_number_pattern(t.id).await?;
        state
            .store
            .cases(t.id)
            .await?
            .iter()
            .filter(|c| is_public_case(c))
            .map(|c| {
                (
                    c.id,
                    oversyn_app::cases::number_text(c, &pattern),
                    c.fields.title.clone(),
                    c.status != oversyn_core::cases::CaseStatus::Decided,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    render(&OverviewView {
        c: Chrome::anonymous(&ui, "public-title", String::new()).with_tenant(&slug),
        withheld: r.withheld.clone(),
        slug,
        city: t.name,
        lines,
        cases,
        shows_fees: r.shows("fees"),
        shows_seats: r.shows("seats"),
        shows_cases: r.shows("cases"),
        shows_events: r.shows("events"),
        licence: LICENCE,
    })
}

async fn popolo(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&slug).await?;
    let doc = public_popolo(&state.store, t.id).await?;
    Ok(axum::Json(doc).into_response())
}

#[derive(Template)]
#[template(path = "public/case.html")]
struct CaseView {
    c: Chrome,
    slug: String,
    city: String,
    document: String,
}

async fn case(
    State(state): State<AppState>,
    ui: Ui,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&slug).await?;
    let kinds = state.store.public_kinds(t.id).await?;
    let c = state.store.case(t.id, id).await?;
    if !kinds.iter().any(|k| k == "cases") || !is_public_case(&c) {
        return Err(PageError::NotFound);
    }
    let docs = oversyn_app::cases::CaseDocs::load(&state.store, t.id, id).await?;
    render(&CaseView {
        c: Chrome::anonymous(&ui, "public-title", String::new()).titled(&c.fields.title),
        slug,
        city: t.name,
        // The document's title is this page's h1.
        document: oversyn_documents::blocks::fragment_at(&docs.document, 1),
    })
}

async fn case_akn(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&slug).await?;
    let kinds = state.store.public_kinds(t.id).await?;
    // The same rule as the case page: a draft's document is not public.
    if !kinds.iter().any(|k| k == "cases") || !is_public_case(&state.store.case(t.id, id).await?) {
        return Err(PageError::NotFound);
    }
    let xml = oversyn_app::cases::akoma_ntoso(&state.store, t.id, id)
        .await?
        .ok_or(PageError::NotFound)?;
    Ok((
        [(
            http::header::CONTENT_TYPE,
            "application/akn+xml; charset=utf-8",
        )],
        xml,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "public/settings.html")]
struct SettingsView {
    c: Chrome,
    kinds: Vec<(&'static str, bool)>,
    slug: String,
}

async fn settings(State(state): State<AppState>, Admin(s): Admin) -> Result<Response, PageError> {
    let on = state.store.public_kinds(s.tenant()).await?;
    let t = state.store.tenant_by_id(s.tenant()).await?;
    render(&SettingsView {
        c: Chrome::signed(&s, "public-settings"),
        kinds: PUBLIC_KINDS
            .iter()
            .map(|k| (*k, on.iter().any(|x| x == k)))
            .collect(),
        slug: t.slug,
    })
}

async fn save_settings(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let kinds: Vec<String> = pairs
        .into_iter()
        .filter(|(k, _)| k == "kind")
        .map(|(_, v)| v)
        .collect();
    state.store.set_public_kinds(s.tenant(), &kinds).await?;
    Ok(Redirect::to("/settings/public").into_response())
}
