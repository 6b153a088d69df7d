//! The follow-up part of the overview: upcoming deadlines, overdue actions,
//! this year's travel and its CO₂, and memberships due for review.

use crate::followup::warnings::with_warnings;
use chrono::{Datelike, NaiveDate};
use oversyn_core::Lang;
use oversyn_core::followup::travel::{Mode, totals};
use oversyn_core::register::Snapshot;
use oversyn_store::{Store, StoreError};

/// A membership is due for review when no review has covered it for this many years.
pub const REVIEW_EVERY_YEARS: i32 = 4;

pub struct Due {
    pub id: i64,
    pub title: String,
    pub date: NaiveDate,
    pub warning: bool,
}

#[derive(Default)]
pub struct Dashboard {
    pub upcoming: Vec<Due>,
    pub overdue: Vec<Due>,
    pub year: i32,
    pub travel_days: String,
    pub co2_kg: String,
    pub journeys: usize,
    pub due_for_review: Vec<(i64, String)>,
}

/// The dashboard, worked out once per state of the tenant's data, day and
/// language and kept: the overview is the page every user opens first.
pub async fn kept(
    store: &Store,
    tenant_id: i64,
    snap: std::sync::Arc<Snapshot>,
    lang: Lang,
) -> Result<std::sync::Arc<Dashboard>, StoreError> {
    let today = snap.today;
    store
        .remembered(
            tenant_id,
            "dashboard",
            i64::from(lang.is_en()),
            today,
            || async move { load(store, tenant_id, &snap, lang).await },
        )
        .await
}

pub async fn load(
    store: &Store,
    tenant_id: i64,
    snap: &Snapshot,
    lang: Lang,
) -> Result<Dashboard, StoreError> {
    let today = snap.today;
    let mut d = Dashboard {
        year: today.year(),
        ..Dashboard::default()
    };
    for (a, warnings) in with_warnings(store, tenant_id, lang).await? {
        let Some(date) = a.action.key_date() else {
            continue;
        };
        let due = Due {
            id: a.id,
            title: a.fields.title.clone(),
            date,
            warning: !warnings.is_empty(),
        };
        if a.action.overdue(today) {
            d.overdue.push(due);
        } else if a.action.is_open() && date >= today && d.upcoming.len() < 5 {
            d.upcoming.push(due);
        }
    }
    let legs: Vec<(Mode, u32)> = crate::followup::events(store, tenant_id)
        .await?
        .iter()
        .filter(|e| e.fields.starts_on.year() == today.year())
        .flat_map(|e| e.journeys.iter().map(|j| (j.mode, j.distance_km)))
        .collect();
    let t = totals(&legs);
    d.journeys = t.journeys;
    // Whole days as "3", parts as "2.5": not "0.0" when nobody travelled.
    d.travel_days = format!("{:.1}", t.travel_days)
        .trim_end_matches(".0")
        .to_owned();
    d.co2_kg = format!("{:.0}", t.co2_kg);
    let last_review = store.reviewed_memberships(tenant_id).await?;
    let limit = today
        .with_year(today.year() - REVIEW_EVERY_YEARS)
        .unwrap_or(today);
    d.due_for_review = snap
        .memberships
        .iter()
        .filter(|m| snap.in_force(m))
        .filter(|m| {
            !last_review
                .iter()
                .any(|(id, closed)| *id == m.id && *closed >= limit)
        })
        .map(|m| (m.id, snap.org_label(m.organisation_id)))
        .collect();
    Ok(d)
}
