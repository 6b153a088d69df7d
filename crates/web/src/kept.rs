//! Pages whose content is the same for every user of a tenant with the same
//! role and language while the tenant's data is unchanged (a review's
//! analysis, its results): the content is rendered once per state of the
//! data and kept; each request renders only the chrome around it and puts
//! its own CSRF token into the content's forms. This is below the page
//! cache, so it holds with `--no-cache` too.

use crate::cache::pieces::{Part, Piece};
use crate::context::Signed;
use crate::error::PageError;
use crate::views::Chrome;
use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use std::future::Future;

/// What a kept content's forms carry where the CSRF token goes; replaced
/// by each request's own token, so that no user's token is kept.
const CSRF_SLOT: &str = "oversyn-csrf-slot-e3b0c442";

#[derive(Template)]
#[template(path = "kept.html")]
struct KeptView<'a> {
    c: Chrome,
    content: &'a str,
}

/// The chrome a kept content is rendered with: the user's role and
/// language, nothing of the user's own.
pub fn content_chrome(c: &Chrome) -> Chrome {
    Chrome {
        lang: c.lang,
        user: c.user.as_ref().map(|u| oversyn_store::auth::User {
            id: 0,
            email: String::new(),
            must_change_password: false,
            platform_admin: false,
            ..u.clone()
        }),
        csrf: CSRF_SLOT.to_owned(),
        path: c.path.clone(),
        title: c.title.clone(),
        tenant: c.tenant.clone(),
    }
}

/// Answers with the page whose content `make` renders, kept under `what`
/// and `id` for the signed-in user's tenant, role and language.
pub async fn page<T, F, Fut>(
    state: &crate::AppState,
    s: &Signed,
    what: &'static str,
    id: i64,
    c: Chrome,
    make: F,
) -> Result<Response, PageError>
where
    T: Template,
    F: FnOnce(Chrome) -> Fut,
    Fut: Future<Output = Result<T, PageError>>,
{
    page_part(state, s, (what, id, 0), c, make).await
}

/// As [`page`], for one of several pages kept under the same record (the
/// sensitivity to each criterion of a review's analysis).
pub async fn page_part<T, F, Fut>(
    state: &crate::AppState,
    s: &Signed,
    (what, id, part): (&'static str, i64, u32),
    c: Chrome,
    make: F,
) -> Result<Response, PageError>
where
    T: Template,
    F: FnOnce(Chrome) -> Fut,
    Fut: Future<Output = Result<T, PageError>>,
{
    let stamp = state.store.stamp(s.tenant()).await?;
    keep(state, s, (what, id, part), stamp, c, make).await
}

/// As [`page`], kept while `stamp` (which the caller read, e.g. the job
/// queue's) stays the same instead of the tenant's data.
pub async fn page_at<T, F, Fut>(
    state: &crate::AppState,
    s: &Signed,
    (what, id): (&'static str, i64),
    stamp: oversyn_store::Stamp,
    c: Chrome,
    make: F,
) -> Result<Response, PageError>
where
    T: Template,
    F: FnOnce(Chrome) -> Fut,
    Fut: Future<Output = Result<T, PageError>>,
{
    keep(state, s, (what, id, 0), stamp, c, make).await
}

async fn keep<T, F, Fut>(
    state: &crate::AppState,
    s: &Signed,
    (what, id, part): (&'static str, i64, u32),
    stamp: oversyn_store::Stamp,
    c: Chrome,
    make: F,
) -> Result<Response, PageError>
where
    T: Template,
    F: FnOnce(Chrome) -> Fut,
    Fut: Future<Output = Result<T, PageError>>,
{
    // Role and language make the variant, and the part above them: a
    // role's number is small.
    let role = s.user().role as i64;
    let variant = (i64::from(part) * 64 + role) * 2 + i64::from(s.lang.is_en());
    let inner = content_chrome(&c);
    let content = state
        .store
        .remembered_at(
            s.tenant(),
            what,
            (id, variant),
            stamp,
            || async move { Ok::<_, PageError>(Content::new(make(inner).await?.render()?)) },
            Content::bytes,
        )
        .await?;
    if s.gzip {
        wrap_gzip(c, &content)
    } else {
        wrap(c, &content.text)
    }
}

/// A kept content, and the same cut at its CSRF slots and compressed piece
/// by piece, so that a request compresses only its own chrome and token.
struct Content {
    text: String,
    pieces: Vec<Piece>,
}

impl Content {
    fn new(text: String) -> Content {
        let pieces = text
            .split(CSRF_SLOT)
            .map(|p| Piece::new(p.as_bytes()))
            .collect();
        Content { text, pieces }
    }

    fn bytes(&self) -> usize {
        self.text.len() + self.pieces.iter().map(Piece::bytes).sum::<usize>()
    }
}

/// Where the content goes in the chrome rendered for a gzip answer.
const CONTENT_SLOT: &str = "oversyn-content-slot-9f86d081";

/// The page as gzip: this request's chrome and tokens compressed now, the
/// content's pieces as they were kept.
fn wrap_gzip(c: Chrome, content: &Content) -> Result<Response, PageError> {
    let csrf = c.csrf.clone();
    let html = KeptView {
        c,
        content: CONTENT_SLOT,
    }
    .render()?;
    let Some((before, after)) = html.split_once(CONTENT_SLOT) else {
        return Err(PageError::Internal);
    };
    let mut parts = vec![Part::Fresh(before.as_bytes())];
    for (k, piece) in content.pieces.iter().enumerate() {
        if k > 0 {
            parts.push(Part::Fresh(csrf.as_bytes()));
        }
        parts.push(Part::Kept(piece));
    }
    parts.push(Part::Fresh(after.as_bytes()));
    let mut r = Html(crate::cache::pieces::gzip(&parts)).into_response();
    let h = r.headers_mut();
    h.insert(
        http::header::CONTENT_ENCODING,
        http::HeaderValue::from_static("gzip"),
    );
    h.insert(
        http::header::VARY,
        http::HeaderValue::from_static("accept-encoding"),
    );
    r.extensions_mut().insert(crate::cache::Encoded);
    Ok(r)
}

/// The page around a content rendered with [`content_chrome`] for this
/// request alone (a form shown again with its errors).
pub fn whole<T: Template>(c: Chrome, content: &T) -> Result<Response, PageError> {
    wrap(c, &content.render()?)
}

fn wrap(c: Chrome, content: &str) -> Result<Response, PageError> {
    let content = if content.contains(CSRF_SLOT) {
        std::borrow::Cow::Owned(content.replace(CSRF_SLOT, &c.csrf))
    } else {
        std::borrow::Cow::Borrowed(content)
    };
    let html = KeptView {
        c,
        content: &content,
    }
    .render()?;
    Ok(Html(html).into_response())
}

/// Kept bytes (a report, a JSON answer) handed to a response without a copy.
pub fn bytes(kept: std::sync::Arc<Vec<u8>>) -> axum::body::Bytes {
    axum::body::Bytes::from_owner(Shared(kept))
}

struct Shared(std::sync::Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// A JSON answer that is the same for every caller of a tenant (a review's
/// results or analysis over the API): serialised once per state of the
/// tenant's data under `what` and `id`, kept, and answered without a copy.
pub async fn json<T, E, F, Fut>(
    store: &oversyn_store::Store,
    tenant_id: i64,
    what: &'static str,
    id: (i64, i64),
    make: F,
) -> Result<Response, E>
where
    T: serde::Serialize,
    E: From<oversyn_store::StoreError>,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let today = chrono::Utc::now().date_naive();
    let forms = store
        .remembered_weighed(
            tenant_id,
            what,
            id,
            today,
            || async {
                let value = make().await?;
                let json = serde_json::to_vec(&value)
                    .map_err(|e| E::from(oversyn_store::StoreError::Config(e.to_string())))?;
                let mut headers = http::HeaderMap::new();
                headers.insert(
                    http::header::CONTENT_TYPE,
                    http::HeaderValue::from_static("application/json"),
                );
                Ok::<_, E>(crate::cache::Forms::of(headers, json.into(), true))
            },
            crate::cache::Forms::bytes,
        )
        .await?;
    let mut r = (
        [(http::header::CONTENT_TYPE, "application/json")],
        forms.plain_body(),
    )
        .into_response();
    r.extensions_mut().insert(crate::cache::KeptForms(forms));
    Ok(r)
}
