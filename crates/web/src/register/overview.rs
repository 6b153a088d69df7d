//! The register overview: memberships with status, fees and seats, the
//! representation the city has indirectly, and fee totals per year.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use crate::views::Chrome;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use oversyn_core::Code;
use oversyn_core::fees::{FeeTotals, totals};
use oversyn_core::register::{Body, Membership};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Filter {
    /// `current` (default: active or notice given), `active`, `notice_given`, `ended` or `all`.
    pub status: String,
    pub body: String,
    pub q: String,
}

pub struct Line {
    pub m: Membership,
    pub org: String,
    pub body: String,
    pub seats: usize,
}

pub struct IndirectLine {
    pub organisation_id: i64,
    pub org: String,
    pub via_id: i64,
    pub via: String,
    pub direct_too: bool,
}

#[derive(Template)]
#[template(path = "register/overview_content.html")]
struct OverviewView {
    c: Chrome,
    lines: Vec<Line>,
    indirect: Vec<IndirectLine>,
    totals: FeeTotals,
    /// The same fees in kronor per year.
    sek: oversyn_core::rates::SekTotals,
    /// Invoiced per budget year, in kronor.
    budget: Vec<oversyn_core::register::invoice::BudgetYear>,
    bodies: Vec<Body>,
    filter: Filter,
    in_force: usize,
    dash: std::sync::Arc<oversyn_app::register::dashboard::Dashboard>,
}

/// The register overview. Unfiltered, as most open it, its content is
/// kept per state of the tenant's data (it is the largest page most users
/// see); a filtered one is rendered for the request.
pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Query(filter): Query<Filter>,
) -> Result<Response, PageError> {
    let c = Chrome::signed(&s, "register-title");
    if filter.status.is_empty() && filter.body.is_empty() && filter.q.is_empty() {
        return crate::kept::page(&state, &s, "overview page", 0, c, |c| {
            view(&state, &s, c, filter)
        })
        .await;
    }
    let inner = crate::kept::content_chrome(&c);
    crate::kept::whole(c, &view(&state, &s, inner, filter).await?)
}

async fn view(
    state: &AppState,
    s: &Signed,
    c: Chrome,
    filter: Filter,
) -> Result<OverviewView, PageError> {
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let body_filter: Option<i64> = filter.body.parse().ok();
    let q = filter.q.trim().to_lowercase();
    let lines: Vec<Line> = snap
        .memberships
        .iter()
        .filter(|m| match filter.status.as_str() {
            "" | "current" => snap.in_force(m),
            "all" => true,
            code => m.status.code() == code,
        })
        .filter(|m| body_filter.is_none_or(|b| m.body_id == b))
        .filter(|m| {
            q.is_empty()
                || snap
                    .organisation(m.organisation_id)
                    .is_some_and(|o| o.answers_to(&q))
        })
        .map(|m| Line {
            m: m.clone(),
            org: snap.org_label(m.organisation_id),
            body: snap.body_name(m.body_id),
            seats: snap
                .seats_in(m.organisation_id)
                .iter()
                .filter(|x| x.is_current(snap.today))
                .count(),
        })
        .collect();
    let in_force_fees = || {
        lines
            .iter()
            .filter(|l| snap.in_force(&l.m))
            .map(|l| &l.m.fee)
    };
    let fee_totals = totals(in_force_fees());
    let sek = oversyn_core::rates::sek_totals(in_force_fees(), &snap.rates);
    let budget = oversyn_core::register::invoice::by_budget_year(
        &oversyn_app::register::invoices(&state.store, s.tenant()).await?,
        &snap.rates,
    );
    let indirect = snap
        .indirect()
        .into_iter()
        .map(|i| IndirectLine {
            organisation_id: i.organisation_id,
            org: snap.org_label(i.organisation_id),
            via_id: i.via_organisation_id,
            via: snap.org_label(i.via_organisation_id),
            direct_too: snap
                .memberships
                .iter()
                .any(|m| m.organisation_id == i.organisation_id && snap.in_force(m)),
        })
        .collect();
    let in_force = snap.memberships.iter().filter(|m| snap.in_force(m)).count();
    let dash =
        oversyn_app::register::dashboard::kept(&state.store, s.tenant(), snap.clone(), s.lang)
            .await?;
    Ok(OverviewView {
        dash,
        c,
        lines,
        indirect,
        totals: fee_totals,
        sek,
        budget,
        bodies: snap.bodies.clone(),
        filter,
        in_force,
    })
}
