//! The calendar's contents: deadlines and end dates of actions, events and
//! review closing days, per tenant or only what concerns one person, and
//! the same as iCalendar text for feeds and `oversyn calendar`.

use oversyn_core::followup::ics::{CalEvent, calendar};
use oversyn_store::{Store, StoreError};

/// Everything dated that the tenant (or one person) should not miss, by date.
pub async fn events(
    store: &Store,
    tenant_id: i64,
    person_id: Option<i64>,
    base: &str,
) -> Result<Vec<CalEvent>, StoreError> {
    // Feeds need absolute links; without a public address there are none.
    let link = |path: String| {
        if base.is_empty() {
            String::new()
        } else {
            format!("{}{path}", base.trim_end_matches('/'))
        }
    };
    let tenant = store.tenant_by_id(tenant_id).await?;
    let host = format!("{}.oversyn", tenant.slug);
    let mut out = Vec::new();
    // The kept snapshot's lists, not a query each.
    let snap = crate::snapshot(store, tenant_id).await?;
    let persons = &snap.persons;
    let person_name =
        person_id.and_then(|p| persons.iter().find(|x| x.id == p).map(|x| x.name.clone()));
    for a in store.actions(tenant_id).await? {
        if let Some(name) = &person_name
            && !a.fields.owner.contains(name.as_str())
        {
            continue;
        }
        let orgs = a.action.organisations.join(", ");
        if let Some(due) = a.fields.due {
            out.push(CalEvent {
                uid: format!("action-{}-due@{host}", a.id),
                start: due,
                end: due,
                summary: format!("Deadline: {}", a.fields.title),
                description: format!("{orgs} · {}", a.fields.kind),
                location: String::new(),
                url: link(format!("/actions/{}", a.id)),
            });
        }
        if let Some(eff) = a.fields.effective {
            out.push(CalEvent {
                uid: format!("action-{}-effective@{host}", a.id),
                start: eff,
                end: eff,
                summary: format!("In effect: {}", a.fields.title),
                description: format!("{orgs} · {}", a.fields.kind),
                location: String::new(),
                url: link(format!("/actions/{}", a.id)),
            });
        }
    }
    let organisations = &snap.organisations;
    for e in super::events(store, tenant_id).await?.iter() {
        if let Some(name) = &person_name
            && !e.journeys.iter().any(|j| &j.traveller == name)
        {
            continue;
        }
        let org = organisations
            .iter()
            .find(|o| o.id == e.fields.organisation_id)
            .map(|o| o.label().to_owned())
            .unwrap_or_default();
        out.push(CalEvent {
            uid: format!("event-{}@{host}", e.id),
            start: e.fields.starts_on,
            end: e.fields.ends_on,
            summary: format!("{org}: {}", e.fields.title),
            description: e
                .fields
                .stream_url
                .clone()
                .map(|u| format!("Live: {u}"))
                .unwrap_or_default(),
            location: e.fields.place.clone(),
            url: link(format!("/events/{}", e.id)),
        });
    }
    if person_id.is_none() {
        for r in store.reviews(tenant_id).await? {
            out.push(CalEvent {
                uid: format!("review-{}-closes@{host}", r.id),
                start: r.closes_on,
                end: r.closes_on,
                summary: format!("Review closes: {}", r.title),
                description: String::new(),
                location: String::new(),
                url: link(format!("/reviews/{}", r.id)),
            });
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(a.uid.cmp(&b.uid)));
    Ok(out)
}

/// The iCalendar text for a tenant (or a person).
pub async fn ics(
    store: &Store,
    tenant_id: i64,
    person_id: Option<i64>,
    base: &str,
) -> Result<String, StoreError> {
    let tenant = store.tenant_by_id(tenant_id).await?;
    let all = events(store, tenant_id, person_id, base).await?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    // The note an empty calendar holds (RFC 5545 needs one component):
    // one per feed, stable across fetches.
    let empty_uid = match person_id {
        Some(p) => format!("no-dates-person-{p}@{}.oversyn", tenant.slug),
        None => format!("no-dates@{}.oversyn", tenant.slug),
    };
    Ok(calendar(
        &format!("Översyn – {}", tenant.name),
        &all,
        &stamp,
        &empty_uid,
    ))
}
