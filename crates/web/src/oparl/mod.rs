//! The OParl 1.1 server: public and read-only, as OParl is meant to be.
//! `/oparl` is the System, `/oparl/bodies` lists one Body per tenant that
//! publishes, and each Body's lists and objects live under it. Every id is
//! the URL that answers with that object; a deleted case keeps answering
//! under its id with `deleted: true`. It serves what the tenant's public
//! pages show and nothing more (see `oversyn_app::opendata::public`).
//! The older `/api/v1/oparl/*` stays for scripts that hold a token.

use crate::AppState;
use crate::api::problem::Problem;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use http::{HeaderValue, StatusCode, header};
use oversyn_app::opendata::oparl::{Published, load_bodies, published};
use oversyn_core::opendata::oparl::build;
use oversyn_core::opendata::oparl::paging::{Filter, Item, Key, select};
use oversyn_core::opendata::oparl::{Body, Kind, Urls};
use oversyn_store::oparl::Publisher;
use serde::Deserialize;
use serde_json::{Value, json};

const DEFAULT_PAGE: usize = 50;
const MAX_PAGE: usize = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/oparl", get(system))
        .route("/oparl/bodies", get(body_list))
        .route("/oparl/bodies/{body}", get(body))
        .route("/oparl/bodies/{body}/{kind}", get(list))
        .route("/oparl/bodies/{body}/{kind}/{key}", get(object))
}

/// A list request's parameters, all as text so that a wrong one gets a
/// problem naming it rather than the framework's plain-text refusal.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Params {
    page_size: Option<String>,
    after: Option<String>,
    created_since: Option<String>,
    created_until: Option<String>,
    modified_since: Option<String>,
    modified_until: Option<String>,
}

struct Request {
    filter: Filter,
    size: usize,
}

fn bad(detail: impl Into<String>) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, detail)
}

fn not_found(what: &str) -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        format!("No such OParl object: {what}."),
    )
}

impl Params {
    fn read(&self) -> Result<Request, Problem> {
        let filter = Filter::parse(
            self.created_since.as_deref(),
            self.created_until.as_deref(),
            self.modified_since.as_deref(),
            self.modified_until.as_deref(),
        )
        .map_err(bad)?;
        let size = match self.page_size.as_deref() {
            None => DEFAULT_PAGE,
            Some(s) => s
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| bad(format!("page_size: \"{s}\" is not a whole number from 1 (at most {MAX_PAGE} are served).")))?
                .min(MAX_PAGE),
        };
        Ok(Request { filter, size })
    }

    /// Whether the request names no parameter: a harvester's first.
    fn is_plain(&self) -> bool {
        self.page_size.is_none()
            && self.after.is_none()
            && self.created_since.is_none()
            && self.created_until.is_none()
            && self.modified_since.is_none()
            && self.modified_until.is_none()
    }

    /// A page's URL: the same filters and size, after `last` if given.
    fn link(&self, list: &str, size: usize, last: Option<&str>) -> String {
        let mut q: Vec<(&str, &str)> = Vec::new();
        let size = size.to_string();
        q.push(("page_size", &size));
        for (k, v) in [
            ("created_since", &self.created_since),
            ("created_until", &self.created_until),
            ("modified_since", &self.modified_since),
            ("modified_until", &self.modified_until),
        ] {
            if let Some(v) = v {
                q.push((k, v));
            }
        }
        if let Some(last) = last {
            q.push(("after", last));
        }
        format!(
            "{list}?{}",
            serde_urlencoded::to_string(q).unwrap_or_default()
        )
    }
}

fn answer(v: &Value) -> Response {
    answer_bytes(axum::body::Bytes::from(
        serde_json::to_vec(v).unwrap_or_default(),
    ))
}

/// A JSON answer made earlier, open to every origin as OParl is.
fn answer_bytes(json: axum::body::Bytes) -> Response {
    let mut r = Response::new(axum::body::Body::from(json));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    r
}

fn base(state: &AppState) -> String {
    state.config.public_url.trim_end_matches('/').to_owned()
}

async fn system(State(state): State<AppState>) -> Response {
    answer(&json!(build::system(&base(&state))))
}

/// One page of `items`, linked to the first and the next; `cursor` names
/// a key as `links.next` carries it.
fn page(
    p: &Params,
    r: &Request,
    list: &str,
    items: &[Item<Value>],
    after: Option<Key>,
    cursor: impl Fn(Key) -> String,
) -> Value {
    let pg = select(items, &r.filter, after, r.size);
    let mut links = json!({ "first": p.link(list, r.size, None) });
    if let Some(next) = pg.next {
        links["next"] = json!(p.link(list, r.size, Some(&cursor(next))));
    }
    json!({
        "data": pg.items.iter().map(|i| &i.object).collect::<Vec<_>>(),
        "pagination": { "totalElements": pg.total, "elementsPerPage": r.size },
        "links": links,
    })
}

async fn body_list(
    State(state): State<AppState>,
    Query(p): Query<Params>,
) -> Result<Response, Problem> {
    let r = p.read()?;
    let base = base(&state);
    let today = chrono::Utc::now().date_naive();
    // The bodies, their list items and the first page (what a harvester's
    // first request, with no parameter, gets) are made in one load, read
    // afresh from the database, and kept while no tenant's data changes:
    // turning hundreds of Bodies into JSON on every request took most of
    // this route's time. One load, so that the three always agree with the
    // data versions they are kept under.
    let listing = state
        .store
        .remembered_everywhere("oparl body listing", today, || {
            let base = base.clone();
            let store = state.store.clone();
            async move {
                let all = load_bodies(&store, &base).await?;
                let items = body_items(&all);
                let first = body_page(
                    &Params::default(),
                    &Request {
                        filter: Filter::default(),
                        size: DEFAULT_PAGE,
                    },
                    &Urls::bodies(&base),
                    &items,
                    &all,
                );
                Ok(Listing {
                    first: axum::body::Bytes::from(serde_json::to_vec(&first).unwrap_or_default()),
                    all,
                    items,
                })
            }
        })
        .await?;
    if p.is_plain() {
        return Ok(answer_bytes(listing.first.clone()));
    }
    Ok(answer(&body_page(
        &p,
        &r,
        &Urls::bodies(&base),
        &listing.items,
        &listing.all,
    )))
}

/// The system's list of bodies as kept between requests.
struct Listing {
    all: Vec<(Publisher, Body)>,
    items: Vec<Item<Value>>,
    first: axum::body::Bytes,
}

/// Each Body as a list item, keyed by its place in slug order.
fn body_items(all: &[(Publisher, Body)]) -> Vec<Item<Value>> {
    all.iter()
        .zip(0i64..)
        .map(|((t, b), n)| Item {
            key: Key::new(n),
            created: t.created.clone(),
            // A withholding changes the Body: a harvester filtering by
            // modified_since must see it.
            modified: b.modified.clone(),
            object: json!(b),
        })
        .collect()
}

/// One page of the bodies. A next link names the last slug seen, so a
/// body added meanwhile is not skipped.
fn body_page(
    p: &Params,
    r: &Request,
    list: &str,
    items: &[Item<Value>],
    all: &[(Publisher, Body)],
) -> Value {
    let after = p.after.as_deref().map(|slug| {
        let seen = all.iter().filter(|(t, _)| t.slug.as_str() <= slug).count();
        Key::new(seen as i64 - 1)
    });
    let slug_at = |k: Key| {
        usize::try_from(k.id)
            .ok()
            .and_then(|n| all.get(n))
            .map(|(t, _)| t.slug.clone())
            .unwrap_or_default()
    };
    page(p, r, list, items, after, slug_at)
}

async fn the_body(state: &AppState, slug: &str) -> Result<std::sync::Arc<Published>, Problem> {
    published(&state.store, &base(state), slug)
        .await?
        .ok_or_else(|| not_found(&format!("body {slug}")))
}

async fn body(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let b = the_body(&state, &slug).await?;
    Ok(answer(&json!(b.body)))
}

fn kind_of(path: &str) -> Result<Kind, Problem> {
    Kind::from_path(path).ok_or_else(|| {
        not_found(&format!(
            "list {path} (a body has organizations, persons, memberships, meetings, papers, files and locations)"
        ))
    })
}

async fn list(
    State(state): State<AppState>,
    Path((slug, kind)): Path<(String, String)>,
    Query(p): Query<Params>,
    uri: axum::http::Uri,
) -> Result<Response, Problem> {
    let kind = kind_of(&kind)?;
    // A list's first page, asked for without a parameter (as harvesters
    // begin), is serialised once per state of the body's data and kept.
    if uri.query().is_none_or(str::is_empty)
        && let Some(publisher) = state.store.publisher(&slug).await?
    {
        let at = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as i64;
        let today = chrono::Utc::now().date_naive();
        let kept = state
            .store
            .remembered_weighed(
                publisher.id,
                "oparl first page",
                (at, 0),
                today,
                || async {
                    let v = list_value(&state, &slug, kind, &p).await?;
                    Ok::<_, Problem>(serde_json::to_vec(&v).unwrap_or_default())
                },
                Vec::len,
            )
            .await?;
        return Ok(answer_bytes(crate::kept::bytes(kept)));
    }
    Ok(answer(&list_value(&state, &slug, kind, &p).await?))
}

async fn list_value(
    state: &AppState,
    slug: &str,
    kind: Kind,
    p: &Params,
) -> Result<Value, Problem> {
    let r = p.read()?;
    let after = match p.after.as_deref() {
        None => None,
        Some(s) => Some(kind.parse(s).ok_or_else(|| {
            bad(format!(
                "after: \"{s}\" is not from this list's links.next."
            ))
        })?),
    };
    let b = the_body(state, slug).await?;
    let live = b.list(kind);
    let cursor = |k| kind.segment(k);
    Ok(if r.filter.wants_deleted() {
        let mut all = live.to_vec();
        all.extend(b.tombstones(kind));
        page(p, &r, &b.urls.list(kind), &all, after, cursor)
    } else {
        page(p, &r, &b.urls.list(kind), live, after, cursor)
    })
}

async fn object(
    State(state): State<AppState>,
    Path((slug, kind_path, segment)): Path<(String, String, String)>,
) -> Result<Response, Problem> {
    let kind = kind_of(&kind_path)?;
    let b = the_body(&state, &slug).await?;
    let missing = || not_found(&format!("{kind_path}/{segment}"));
    let key = kind.parse(&segment).ok_or_else(missing)?;
    if let Some(v) = b.find(kind, key) {
        return Ok(answer(v));
    }
    b.tombstones(kind)
        .into_iter()
        .find(|i| i.key == key)
        .map(|i| answer(&i.object))
        .ok_or_else(missing)
}
