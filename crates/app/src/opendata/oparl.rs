//! A tenant's public register as OParl objects, built once per data
//! version and kept (every request of a syncing client reads the same
//! lists). What is public is decided in [`super::public`]; this module only
//! gathers it and asks core how it looks.

use super::public::{is_public_case, public_register};
use oversyn_core::opendata::oparl::build::{self, CaseRecord, Times};
use oversyn_core::opendata::oparl::paging::{Item, Key};
use oversyn_core::opendata::oparl::{Body, Kind, Urls};
use oversyn_core::{Code, register};
use oversyn_store::oparl::{Publisher, Stamp};
use oversyn_store::{Store, StoreError};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Everything one Body publishes, each list in key order.
pub struct Published {
    pub urls: Urls,
    pub body: Body,
    lists: Vec<(Kind, Vec<Item<Value>>)>,
    /// Deleted cases: (id, deleted at).
    deleted_papers: Vec<(i64, String)>,
}

impl Published {
    pub fn list(&self, kind: Kind) -> &[Item<Value>] {
        self.lists
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, l)| l.as_slice())
            .unwrap_or_default()
    }

    pub fn find(&self, kind: Kind, key: Key) -> Option<&Value> {
        self.list(kind)
            .iter()
            .find(|i| i.key == key)
            .map(|i| &i.object)
    }

    /// Deleted objects of a kind, as list items (only cases are deleted
    /// for good; other records end by a date instead).
    pub fn tombstones(&self, kind: Kind) -> Vec<Item<Value>> {
        if kind != Kind::Paper {
            return Vec::new();
        }
        self.deleted_papers
            .iter()
            // SQLite may give a deleted case's id to a new case: the live one wins.
            .filter(|(id, _)| self.find(kind, Key::new(*id)).is_none())
            .map(|(id, at)| {
                let key = Key::new(*id);
                Item {
                    key,
                    created: at.clone(),
                    modified: at.clone(),
                    object: json(&build::tombstone(&self.urls, kind, key, at)),
                }
            })
            .collect()
    }
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A table's stamps by record id.
fn by_id(stamps: &[Stamp]) -> HashMap<i64, &Stamp> {
    stamps.iter().map(|s| (s.id, s)).collect()
}

fn times<'a>(stamps: &HashMap<i64, &'a Stamp>, id: i64) -> Times<'a> {
    stamps.get(&id).map_or(
        Times {
            created: "",
            modified: "",
        },
        |s| Times {
            created: &s.created,
            modified: &s.modified,
        },
    )
}

fn item<T: serde::Serialize>(key: Key, t: Times, object: &T) -> Item<Value> {
    Item {
        key,
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
        object: json(object),
    }
}

/// Tenants that publish, as OParl Bodies, in slug order.
/// Every publishing tenant with its Body, kept while no tenant's data
/// changes (a national host lists hundreds).
pub async fn bodies(store: &Store, base: &str) -> Result<Arc<Vec<(Publisher, Body)>>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    store
        .remembered_everywhere("oparl bodies", today, || load_bodies(store, base))
        .await
}

/// Every publishing tenant with its Body, read afresh: for a caller that
/// keeps what it makes of them under the data versions it read itself.
pub async fn load_bodies(store: &Store, base: &str) -> Result<Vec<(Publisher, Body)>, StoreError> {
    let withheld = store.withheld_everywhere().await?;
    Ok(store
        .publishers()
        .await?
        .into_iter()
        .map(|p| {
            let own: Vec<(String, Option<String>)> = withheld
                .iter()
                .filter(|(t, _, _)| *t == p.id)
                .map(|(_, e, g)| (e.clone(), g.clone()))
                .collect();
            let mut b = build::body(
                &Urls::new(base, &p.slug),
                &p.name,
                Times {
                    created: &p.created,
                    modified: body_modified(&p.created, p.withholding_changed.as_ref()),
                },
            );
            b.withheld = oversyn_core::privacy::secrecy::public_notice(&own, &p.kinds);
            (p, b)
        })
        .collect())
}

/// A Body changes when the tenant is set up and whenever its notice of
/// withheld records does: a harvester asking for bodies modified since its
/// last visit then sees the new notice. Both are RFC 3339 UTC with
/// milliseconds, so the later sorts last.
fn body_modified<'a>(created: &'a str, withholding_changed: Option<&'a String>) -> &'a str {
    match withholding_changed {
        Some(at) if at.as_str() > created => at,
        _ => created,
    }
}

/// The Body of the tenant with `slug`, if it publishes, with everything in it.
pub async fn published(
    store: &Store,
    base: &str,
    slug: &str,
) -> Result<Option<Arc<Published>>, StoreError> {
    let Some(p) = store.publisher(slug).await? else {
        return Ok(None);
    };
    let today = chrono::Utc::now().date_naive();
    let base = base.to_owned();
    let kept = store
        .remembered(p.id, "oparl", 0, today, || load(store, base, p.clone()))
        .await?;
    Ok(Some(kept))
}

async fn load(store: &Store, base: String, p: Publisher) -> Result<Published, StoreError> {
    let t = p.id;
    let urls = Urls::new(&base, &p.slug);
    let r = public_register(store, t).await?;
    let snap = &r.snap;
    let stamps = |table: &'static str| store.stamps(t, table);
    let raw = [
        stamps("bodies").await?,
        stamps("organisations").await?,
        stamps("persons").await?,
        stamps("seats").await?,
        stamps("events").await?,
        stamps("cases").await?,
    ];
    let [s_bodies, s_orgs, s_persons, s_seats, s_events, s_cases] =
        raw.each_ref().map(|v| by_id(v));

    let events: Vec<_> = if r.shows("events") {
        store
            .events(t)
            .await?
            .into_iter()
            .filter(|e| e.fields.public)
            .collect()
    } else {
        Vec::new()
    };
    let networks: BTreeSet<i64> = r
        .memberships
        .iter()
        .map(|m| m.organisation_id)
        .chain(r.seats.iter().map(|s| s.organisation_id))
        .chain(events.iter().map(|e| e.fields.organisation_id))
        .collect();

    let mut organizations = Vec::new();
    for b in snap
        .bodies
        .iter()
        .filter(|b| r.memberships.iter().any(|m| m.body_id == b.id))
    {
        let o = build::city_body(&urls, b, &r.memberships, times(&s_bodies, b.id));
        organizations.push(item(build::body_key(b.id), times(&s_bodies, b.id), &o));
    }
    for o in snap
        .organisations
        .iter()
        .filter(|o| networks.contains(&o.id))
    {
        let n = build::network(&urls, o, &r.memberships, &r.seats, times(&s_orgs, o.id));
        organizations.push(item(build::network_key(o.id), times(&s_orgs, o.id), &n));
    }

    let seats: Vec<(&register::Seat, oversyn_core::opendata::oparl::Membership)> = r
        .seats
        .iter()
        .filter_map(|s| Some((s, build::membership(&urls, s, times(&s_seats, s.id))?)))
        .collect();
    let memberships = seats
        .iter()
        .map(|(s, m)| item(Key::new(s.id), times(&s_seats, s.id), m))
        .collect();
    let persons = snap
        .persons
        .iter()
        .filter(|p| seats.iter().any(|(s, _)| s.person_id == Some(p.id)))
        .map(|p| {
            let own = seats
                .iter()
                .filter(|(s, _)| s.person_id == Some(p.id))
                .map(|(_, m)| m.clone())
                .collect();
            let t = times(&s_persons, p.id);
            item(Key::new(p.id), t, &build::person(&urls, p, own, t))
        })
        .collect();

    let mut meetings = Vec::new();
    let mut locations = Vec::new();
    for e in &events {
        let tm = times(&s_events, e.id);
        meetings.push(item(
            Key::new(e.id),
            tm,
            &build::meeting(&urls, e.id, &e.fields, tm),
        ));
        if let Some(l) = build::location(&urls, e.id, &e.fields, tm) {
            locations.push(item(Key::new(e.id), tm, &l));
        }
    }

    let (mut papers, mut files) = (Vec::new(), Vec::new());
    if r.shows("cases") {
        let pattern = store.case_number_pattern(t).await?;
        for c in store.cases(t).await?.iter().filter(|c| is_public_case(c)) {
            let full = store.case(t, c.id).await?;
            let number = crate::cases::number_text(&full, &pattern);
            let status = full.status;
            let rec = CaseRecord {
                id: c.id,
                title: &full.fields.title,
                number: &number,
                document_reference: &full.fields.reference,
                date: full.fields.document_date,
                status: status.code(),
                case: &full.case,
            };
            let tm = times(&s_cases, c.id);
            papers.push(item(Key::new(c.id), tm, &build::paper(&urls, &rec, tm)));
            if status == oversyn_core::cases::CaseStatus::Decided {
                files.push(item(Key::new(c.id), tm, &build::case_file(&urls, &rec, tm)));
            }
        }
    }
    let deleted_papers = if r.shows("cases") {
        store.all_tombstones(t, "case").await?
    } else {
        Vec::new()
    };

    let mut lists = vec![
        (Kind::Organization, organizations),
        (Kind::Person, persons),
        (Kind::Membership, memberships),
        (Kind::Meeting, meetings),
        (Kind::Location, locations),
        (Kind::Paper, papers),
        (Kind::File, files),
    ];
    for (_, l) in &mut lists {
        l.sort_by_key(|i| i.key);
    }
    let mut body = build::body(
        &urls,
        &p.name,
        Times {
            created: &p.created,
            modified: body_modified(&p.created, p.withholding_changed.as_ref()),
        },
    );
    body.withheld = r.withheld.clone();
    Ok(Published {
        urls,
        body,
        lists,
        deleted_papers,
    })
}
