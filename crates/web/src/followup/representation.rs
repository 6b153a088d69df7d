//! Representation: the city's current seats by party and by majority or
//! opposition, per organisation and overall, as a table and a chart, with
//! the policy warning (when the tenant turns it on) where the opposition
//! holds no seat.

use crate::AppState;
use crate::context::{Admin, CsrfForm, Signed};
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::Chrome;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use oversyn_core::followup::representation::{
    Representation, SeatHolder, Tally, count, opposition_left_out,
};
use oversyn_documents::charts;
use serde::Deserialize;

pub const POLICY: &str = "policy_opposition_seats";

pub struct Line {
    pub organisation: String,
    pub tally: Tally,
    pub parties: String,
}

#[derive(Template)]
#[template(path = "followup/representation_content.html")]
struct View {
    c: Chrome,
    lines: Vec<Line>,
    overall: Line,
    chart: String,
    policy: bool,
    warnings: Vec<String>,
    /// The day shown.
    on: String,
}

fn parties(t: &Tally) -> String {
    t.by_party
        .iter()
        .map(|(p, n)| format!("{p} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Chart labels are drawn into SVG; keep markup characters out of them.
fn plain(s: &str) -> String {
    s.replace(['<', '>', '&', '"', '\''], " ")
}

pub async fn representation(state: &AppState, tenant_id: i64) -> Result<Representation, PageError> {
    Ok(representation_on(state, tenant_id, chrono::Utc::now().date_naive()).await?)
}

/// The seats held on `on`, each holder on the side of their term that day.
pub async fn representation_on(
    state: &AppState,
    tenant_id: i64,
    on: chrono::NaiveDate,
) -> Result<Representation, oversyn_store::StoreError> {
    let snap = oversyn_app::snapshot(&state.store, tenant_id).await?;
    let holders: Vec<SeatHolder> = snap
        .seats
        .iter()
        .filter(|s| s.is_current(on))
        .map(|s| {
            let person = s.person_id.and_then(|p| snap.person(p));
            SeatHolder {
                organisation: snap.org_label(s.organisation_id),
                party: person.and_then(|p| p.party.clone()),
                side: s.person_id.and_then(|p| snap.side_on(p, on)),
            }
        })
        .collect();
    Ok(count(&holders))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OnQuery {
    /// YYYY-MM-DD: the seats held that day, on the sides held that day.
    on: String,
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    axum::extract::Query(q): axum::extract::Query<OnQuery>,
) -> Result<Response, PageError> {
    let c = Chrome::signed(&s, "representation-title");
    // Today's, as most open it, is kept per state of the tenant's data.
    if q.on.is_empty() {
        return crate::kept::page(&state, &s, "representation page", 0, c, |c| {
            view(&state, &s, c, q)
        })
        .await;
    }
    let inner = crate::kept::content_chrome(&c);
    crate::kept::whole(c, &view(&state, &s, inner, q).await?)
}

async fn view(state: &AppState, s: &Signed, c: Chrome, q: OnQuery) -> Result<View, PageError> {
    // A day that cannot be read shows today, with the typed text kept.
    let on = chrono::NaiveDate::parse_from_str(q.on.trim(), "%Y-%m-%d")
        .unwrap_or_else(|_| chrono::Utc::now().date_naive());
    let r = representation_on(state, s.tenant(), on).await?;
    let policy = state.store.setting(s.tenant(), POLICY).await?.as_deref() == Some("on");
    let warnings = if policy {
        opposition_left_out(&r)
            .into_iter()
            .map(|o| s.lang.t1("representation-warning", "organisation", o))
            .collect()
    } else {
        Vec::new()
    };
    let rows: Vec<(String, usize, usize, usize)> = r
        .organisations
        .iter()
        .map(|(o, t)| (plain(o), t.majority, t.opposition, t.other))
        .collect();
    let legend = [
        s.lang.t("side-majority"),
        s.lang.t("side-opposition"),
        s.lang.t("representation-other"),
    ];
    let chart = charts::representation(&rows, [&legend[0], &legend[1], &legend[2]]);
    let lines = r
        .organisations
        .iter()
        .map(|(o, t)| Line {
            organisation: o.clone(),
            parties: parties(t),
            tally: t.clone(),
        })
        .collect();
    Ok(View {
        c,
        lines,
        overall: Line {
            organisation: s.lang.t("representation-overall"),
            parties: parties(&r.overall),
            tally: r.overall.clone(),
        },
        chart,
        policy,
        warnings,
        on: on.to_string(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PolicyInput {
    policy: String,
}

pub async fn save_policy(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(input): CsrfForm<PolicyInput>,
) -> Result<Response, PageError> {
    let value = if input.policy.is_empty() { "off" } else { "on" };
    state.store.set_setting(s.tenant(), POLICY, value).await?;
    Ok(Redirect::to("/representation").into_response())
}
