//! An OParl-style read API: bodies, organisations, persons, memberships,
//! papers (cases), meetings (events) and files in stable id order, in pages
//! linked by `links.next`. `created_since` and `modified_since` filter and
//! are carried into the links; with `modified_since`, deleted objects come
//! back as `deleted: true` tombstones. Paging is by id (keyset), so objects
//! added while a reader pages through appear once, at the end, and nothing
//! is seen twice. Our additions carry an `oversyn:` prefix.

use super::auth::ApiUser;
use super::problem::Problem;
use crate::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use http::StatusCode;
use oversyn_core::Code;
use oversyn_store::oparl::Stamp;
use serde::Deserialize;
use serde_json::{Value, json};

const SCHEMA: &str = "https://schema.oparl.org/1.1/";
const MAX_PAGE: usize = 200;

/// Objects (id, JSON), their stamps, the OParl type and any tombstones (id, deleted at).
type Listing = (
    Vec<(i64, Value)>,
    Vec<Stamp>,
    &'static str,
    Vec<(i64, String)>,
);

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct Params {
    /// Objects per page, 1–200 (default 50).
    pub page_size: Option<usize>,
    /// The last id of the previous page (from `links.next`).
    pub after: Option<i64>,
    /// Only objects changed at or after this time (RFC 3339 or YYYY-MM-DD); adds tombstones.
    pub modified_since: Option<String>,
    /// Only objects created at or after this time.
    pub created_since: Option<String>,
}

fn valid_time(s: &str) -> bool {
    normal(s).is_some()
}

/// Times as stored (RFC 3339 UTC) compare as text; a bare date compares as its midnight.
fn normal(s: &str) -> Option<String> {
    oversyn_core::opendata::oparl::paging::normal(s, false)
}

fn link(base: &str, resource: &str, p: &Params, after: i64, size: usize) -> String {
    let mut q = vec![
        ("after", after.to_string()),
        ("page_size", size.to_string()),
    ];
    if let Some(m) = &p.modified_since {
        q.push(("modified_since", m.clone()));
    }
    if let Some(c) = &p.created_since {
        q.push(("created_since", c.clone()));
    }
    format!(
        "{base}/api/v1/oparl/{resource}?{}",
        serde_urlencoded::to_string(q).unwrap_or_default()
    )
}

/// One page of `items` (id, object) with their stamps, filtered and linked.
fn page(
    base: &str,
    resource: &str,
    p: &Params,
    mut items: Vec<(i64, Value)>,
    stamps: &[Stamp],
    tombstones: Vec<(i64, String)>,
    kind: &str,
) -> Value {
    let size = p.page_size.unwrap_or(50).clamp(1, MAX_PAGE);
    let modified = p.modified_since.as_deref().and_then(normal);
    let created = p.created_since.as_deref().and_then(normal);
    items.retain(|(id, obj)| {
        let Some(s) = stamps.iter().find(|s| s.id == *id) else {
            return false;
        };
        let _ = obj;
        modified.as_ref().is_none_or(|m| &s.modified >= m)
            && created.as_ref().is_none_or(|c| &s.created >= c)
    });
    for (id, obj) in &mut items {
        if let Some(s) = stamps.iter().find(|s| s.id == *id) {
            obj["created"] = json!(s.created);
            obj["modified"] = json!(s.modified);
        }
    }
    if modified.is_some() {
        for (id, at) in tombstones {
            items.push((id, json!({ "id": format!("{base}/api/v1/oparl/{resource}/{id}"), "type": format!("{SCHEMA}{kind}"), "deleted": true, "modified": at })));
        }
    }
    items.sort_by_key(|(id, _)| *id);
    let rest: Vec<(i64, Value)> = items
        .into_iter()
        .filter(|(id, _)| p.after.is_none_or(|a| *id > a))
        .collect();
    let more = rest.len() > size;
    let data: Vec<Value> = rest.iter().take(size).map(|(_, v)| v.clone()).collect();
    let mut links = json!({});
    if more && let Some((last, _)) = rest.get(size - 1) {
        links["next"] = json!(link(base, resource, p, *last, size));
    }
    json!({ "data": data, "pagination": { "elementsPerPage": size }, "links": links })
}

// Only describes the path parameter in the OpenAPI document: an enum there
// lets schema-driven testers reach the lists instead of the 404 for unknown
// kinds.
/// The kind of OParl object to list.
#[derive(utoipa::ToSchema, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum OparlResource {
    Bodies,
    Organizations,
    Persons,
    Memberships,
    Papers,
    Meetings,
    Files,
}

/// A page of one kind of object, OParl style.
#[utoipa::path(get, path = "/v1/oparl/{resource}", tag = "open data", security(("bearer" = [])),
    params(("resource" = inline(OparlResource), Path, description = "bodies, organizations, persons, memberships, papers, meetings or files"), Params),
    responses((status = 200, description = "A page of objects", body = Object, example = json!({"data": [{"id": "https://oversyn.example/api/v1/persons/1", "type": "https://schema.oparl.org/1.1/Person", "name": "Sten Nordin", "oversyn:party": "M", "created": "2026-11-27T09:00:00.000Z", "modified": "2026-11-27T09:00:00.000Z"}], "pagination": {"elementsPerPage": 1}, "links": {"next": "https://oversyn.example/api/v1/oparl/persons?after=1&page_size=1"}})), (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    State(s): State<AppState>,
    u: ApiUser,
    Path(resource): Path<String>,
    Query(p): Query<Params>,
) -> Result<axum::response::Response, Problem> {
    for t in [&p.modified_since, &p.created_since].into_iter().flatten() {
        if !valid_time(t) {
            return Err(Problem::new(
                StatusCode::BAD_REQUEST,
                format!(
                    "\"{t}\" is not a time: use RFC 3339 (2011-09-21T00:00:00Z) or a date (2011-09-21)."
                ),
            ));
        }
    }
    let t = u.tenant();
    // The first page of a kind, asked for without a filter, is the same for
    // every caller of the tenant: serialised once per state of its data.
    const KINDS: &[&str] = &[
        "bodies",
        "organizations",
        "persons",
        "memberships",
        "papers",
        "meetings",
        "files",
    ];
    let unfiltered = p.page_size.is_none()
        && p.after.is_none()
        && p.modified_since.is_none()
        && p.created_since.is_none();
    match KINDS.iter().position(|k| *k == resource) {
        Some(kind) if unfiltered => {
            crate::kept::json(&s.store, t, "api oparl list", (kind as i64, 0), || {
                list_value(&s, t, &resource, &p)
            })
            .await
        }
        _ => Ok(axum::response::IntoResponse::into_response(Json(
            list_value(&s, t, &resource, &p).await?,
        ))),
    }
}

async fn list_value(s: &AppState, t: i64, resource: &str, p: &Params) -> Result<Value, Problem> {
    let base = s.config.public_url.trim_end_matches('/').to_owned();
    let store = &s.store;
    let snap = oversyn_app::snapshot(store, t).await?;
    let url = |kind: &str, id: i64| format!("{base}/api/v1/{kind}/{id}");
    let (items, stamps, kind, tombstones): Listing = match resource {
        "bodies" => (
            snap.bodies.iter().map(|b| (b.id, json!({ "id": url("bodies", b.id), "type": format!("{SCHEMA}Organization"), "name": b.name, "shortName": b.abbreviation, "organizationType": b.kind.code() }))).collect(),
            store.stamps(t, "bodies").await?,
            "Organization",
            Vec::new(),
        ),
        "organizations" => (
            snap.organisations.iter().map(|o| (o.id, json!({ "id": url("organisations", o.id), "type": format!("{SCHEMA}Organization"), "name": o.name, "shortName": o.acronym, "website": o.website, "classification": o.kind.code(), "oversyn:slug": o.slug, "oversyn:catalogue": o.tenant_id.is_none() }))).collect(),
            store.stamps(t, "organisations").await?,
            "Organization",
            Vec::new(),
        ),
        "persons" => (
            snap.persons.iter().map(|x| (x.id, json!({ "id": url("persons", x.id), "type": format!("{SCHEMA}Person"), "name": x.name, "oversyn:party": x.party, "oversyn:side": x.side.map(|s| s.code()) }))).collect(),
            store.stamps(t, "persons").await?,
            "Person",
            Vec::new(),
        ),
        "memberships" => (
            snap.memberships.iter().map(|m| (m.id, json!({
                "id": url("memberships", m.id), "type": format!("{SCHEMA}Membership"),
                "organization": url("organisations", m.organisation_id), "oversyn:body": url("bodies", m.body_id),
                "role": m.mtype.code(), "startDate": m.since, "endDate": m.until, "oversyn:status": m.status.code(),
            }))).collect(),
            store.stamps(t, "memberships").await?,
            "Membership",
            Vec::new(),
        ),
        "papers" => {
            let pattern = store.case_number_pattern(t).await?;
            let mut items = Vec::new();
            for c in store.cases(t).await? {
                let full = store.case(t, c.id).await?;
                let of = |k: oversyn_core::cases::PositionKind| full.case.positions.iter().filter(|p| p.kind == k).collect::<Vec<_>>();
                use oversyn_core::cases::PositionKind as K;
                let (reservations, statements, motions, notes) = (of(K::Reservation), of(K::Statement), of(K::Motion), of(K::Note));
                items.push((c.id, json!({
                    "id": url("cases", c.id), "type": format!("{SCHEMA}Paper"), "name": full.fields.title,
                    "reference": oversyn_app::cases::number_text(&full, &pattern), "date": full.fields.document_date,
                    "paperType": "decision", "oversyn:documentReference": full.fields.reference,
                    "oversyn:status": full.status.code(),
                    "oversyn:decisionPoints": full.case.proposal, "oversyn:reservations": reservations,
                    "oversyn:statements": statements, "oversyn:motions": motions, "oversyn:notes": notes, "oversyn:decisions": full.case.decisions,
                    "oversyn:route": full.fields.route,
                })));
            }
            (items, store.stamps(t, "cases").await?, "Paper", match &p.modified_since { Some(m) => store.tombstones(t, "case", &normal(m).unwrap_or_default()).await?, None => Vec::new() })
        }
        "meetings" => (
            store.events(t).await?.into_iter().map(|e| (e.id, json!({
                "id": format!("{base}/events/{}", e.id), "type": format!("{SCHEMA}Meeting"), "name": e.fields.title,
                "start": e.fields.starts_on, "end": e.fields.ends_on, "location": { "description": e.fields.place },
                "organization": [url("organisations", e.fields.organisation_id)],
                "oversyn:streamUrl": e.fields.stream_url, "oversyn:remote": e.fields.remote,
            }))).collect(),
            store.stamps(t, "events").await?,
            "Meeting",
            Vec::new(),
        ),
        "files" => {
            let files = store.all_files(t).await?;
            let stamps = files.iter().map(|f| Stamp { id: f.id, created: f.created.clone(), modified: f.created.clone() }).collect();
            (
                files.into_iter().map(|f| (f.id, json!({
                    "id": format!("{base}/files/{}", f.id), "type": format!("{SCHEMA}File"), "name": f.name, "fileName": f.name,
                    "mimeType": f.media_type, "size": f.size, "accessUrl": format!("{base}/files/{}", f.id),
                    "oversyn:owner": format!("{}/{}", f.owner_kind, f.owner_id),
                }))).collect(),
                stamps,
                "File",
                Vec::new(),
            )
        }
        _ => return Err(Problem::new(StatusCode::NOT_FOUND, "Unknown resource: use bodies, organizations, persons, memberships, papers, meetings or files.")),
    };
    Ok(page(&base, resource, p, items, &stamps, tombstones, kind))
}
