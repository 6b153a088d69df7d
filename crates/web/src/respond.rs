//! The respondent's form, reached by a personal link without an account.
//! It saves as the respondent goes (a small script posts each change; a
//! Save button does the same without script), submits, and allows changes
//! until the closing date. No session exists here, so the link itself is
//! the credential: a forged cross-site post cannot know it, and the
//! cross-site guard refuses foreign origins. Unknown links are rate-limited.

use crate::AppState;
use crate::context::Ui;
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::{Chrome, render};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{HeaderMap, StatusCode};
use oversyn_core::Lang;
use oversyn_core::review::form::{self, Action};
use oversyn_core::review::questionnaire::Question;
use oversyn_core::review::strategy::Criterion;
use oversyn_core::{Code, FieldErrors};
use oversyn_store::StoreError;
use oversyn_store::reviews::LinkContext;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/respond/{token}", get(form).post(submit))
        .route(
            "/static/respond.js",
            get(|| async {
                (
                    [(http::header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    include_str!("../static/respond.js"),
                )
            }),
        )
}

pub struct Group {
    pub title: String,
    pub questions: Vec<Question>,
}

pub struct Section {
    pub membership_id: i64,
    pub organisation: String,
    pub groups: Vec<Group>,
}

#[derive(Template)]
#[template(path = "respond/form.html")]
struct FormView {
    c: Chrome,
    review_title: String,
    name: String,
    closes_on: String,
    anonymous: bool,
    sections: Vec<Section>,
    values: HashMap<String, String>,
    errors: FieldErrors,
    notice: Option<String>,
    open: bool,
    submitted: bool,
    /// The tenant's privacy notice for respondents (GDPR art. 13).
    privacy: String,
    city: String,
}

impl FormView {
    fn value(&self, m: &i64, q: &i64) -> String {
        self.values.get(&field(*m, *q)).cloned().unwrap_or_default()
    }
    fn is(&self, m: &i64, q: &i64, v: &str) -> bool {
        self.value(m, q) == v
    }
    fn error(&self, m: &i64, q: &i64) -> Option<String> {
        self.c.err(&self.errors, &field(*m, *q))
    }
    fn field_name(&self, m: &i64, q: &i64) -> String {
        field(*m, *q)
    }
    fn text(&self, q: &Question) -> String {
        q.text(self.c.lang).to_owned()
    }
}

fn field(m: i64, q: i64) -> String {
    form::field_name(m, q)
}

#[derive(Template)]
#[template(path = "respond/gone.html")]
struct GoneView {
    c: Chrome,
    message: String,
}

fn gone(ui: &Ui, status: StatusCode, key: &str) -> Result<Response, PageError> {
    let v = GoneView {
        c: Chrome::anonymous(ui, key, String::new()),
        message: ui.0.lang.t(&format!("{key}-text")),
    };
    Ok((status, render(&v)?).into_response())
}

/// Who is trying links, for rate limiting: the peer address, and behind a
/// proxy the client it forwards for.
fn client_key(headers: &HeaderMap, peer: Option<std::net::SocketAddr>) -> String {
    let forwarded = headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(str::trim)
        .unwrap_or("");
    format!(
        "respond/{}/{forwarded}",
        peer.map(|p| p.ip().to_string()).unwrap_or_default()
    )
}

/// The connecting peer, when the server was started with connect info.
pub struct Peer(pub Option<std::net::SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Peer(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

/// Resolves the link, counting unknown ones against the client.
async fn resolve(
    state: &AppState,
    headers: &HeaderMap,
    peer: &Peer,
    token: &str,
) -> Result<Result<LinkContext, StatusCode>, PageError> {
    let key = client_key(headers, peer.0);
    if state.store.recent_failures(&key).await? >= 20 {
        return Ok(Err(StatusCode::TOO_MANY_REQUESTS));
    }
    if token.len() < 40 || token.len() > 100 {
        state.store.record_failure(&key).await?;
        return Ok(Err(StatusCode::NOT_FOUND));
    }
    match state.store.open_link(token).await? {
        Some(ctx) => Ok(Ok(ctx)),
        None => {
            state.store.record_failure(&key).await?;
            Ok(Err(StatusCode::NOT_FOUND))
        }
    }
}

async fn sections(
    state: &AppState,
    ctx: &LinkContext,
    lang: Lang,
) -> Result<Vec<Section>, StoreError> {
    let questions = state.store.questions(ctx.review.id).await?;
    let criteria: Vec<Criterion> = state
        .store
        .strategy(ctx.tenant_id, ctx.review.strategy_id)
        .await?
        .strategy
        .criteria;
    let mut out = Vec::new();
    for m in &ctx.respondent.memberships {
        let membership = state.store.membership(ctx.tenant_id, *m).await?;
        let organisation = state
            .store
            .organisation(ctx.tenant_id, membership.organisation_id)
            .await?
            .name;
        let mut groups: Vec<Group> = criteria
            .iter()
            .map(|c| Group {
                title: c.name(lang).to_owned(),
                questions: questions
                    .iter()
                    .filter(|q| q.criterion.as_deref() == Some(c.key.as_str()))
                    .cloned()
                    .collect(),
            })
            .filter(|g| !g.questions.is_empty())
            .collect();
        let general: Vec<Question> = questions
            .iter()
            .filter(|q| {
                q.criterion
                    .as_ref()
                    .is_none_or(|k| !criteria.iter().any(|c| &c.key == k))
            })
            .cloned()
            .collect();
        if !general.is_empty() {
            groups.push(Group {
                title: if lang == Lang::En {
                    "General".into()
                } else {
                    "Allmänt".into()
                },
                questions: general,
            });
        }
        out.push(Section {
            membership_id: *m,
            organisation,
            groups,
        });
    }
    Ok(out)
}

async fn show(
    state: &AppState,
    ui: &Ui,
    ctx: &LinkContext,
    values: Option<HashMap<String, String>>,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let lang = ui.0.lang;
    let values = match values {
        Some(v) => v,
        None => state
            .store
            .saved_answers(ctx)
            .await?
            .into_iter()
            .map(|a| (field(a.membership_id, a.question_id), a.answer.form_value()))
            .collect(),
    };
    let today = chrono::Utc::now().date_naive();
    let tenant = state.store.tenant_by_id(ctx.tenant_id).await?;
    let notices = oversyn_app::privacy::notices(&state.store, ctx.tenant_id, lang).await?;
    let v = FormView {
        c: Chrome::anonymous(ui, "respond-title", String::new())
            .titled(&ctx.review.title)
            .with_tenant(&tenant.slug),
        privacy: notices
            .notice(oversyn_core::privacy::notice::NoticeKind::Respondent)
            .to_owned(),
        city: tenant.name,
        review_title: ctx.review.title.clone(),
        name: ctx.respondent.name.clone(),
        closes_on: ctx.review.closes_on.to_string(),
        anonymous: ctx.review.anonymous,
        sections: sections(state, ctx, lang).await?,
        values,
        open: ctx.review.is_open(today),
        submitted: state.store.ballot_submitted(ctx).await?,
        errors,
        notice,
    };
    let status = if v.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&v)?).into_response())
}

pub async fn form(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    peer: Peer,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    match resolve(&state, &headers, &peer, &token).await? {
        Ok(ctx) => show(&state, &ui, &ctx, None, FieldErrors::new(), None).await,
        Err(StatusCode::TOO_MANY_REQUESTS) => {
            gone(&ui, StatusCode::TOO_MANY_REQUESTS, "page-too-many")
        }
        Err(status) => gone(&ui, status, "respond-unknown"),
    }
}

/// Saves (and with `action=submit`, submits) the answers. Valid answers are
/// saved even when others are refused; the refused ones are shown with a
/// message and the typed value kept.
pub async fn submit(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    peer: Peer,
    Path(token): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let ctx = match resolve(&state, &headers, &peer, &token).await? {
        Ok(ctx) => ctx,
        Err(StatusCode::TOO_MANY_REQUESTS) => {
            return gone(&ui, StatusCode::TOO_MANY_REQUESTS, "page-too-many");
        }
        Err(status) => return gone(&ui, status, "respond-unknown"),
    };
    let today = chrono::Utc::now().date_naive();
    if !ctx.review.is_open(today) {
        return gone(&ui, StatusCode::GONE, "respond-closed");
    }
    let questions = state.store.questions(ctx.review.id).await?;
    let form::Decoded {
        action,
        changes,
        values,
        mut errors,
    } = form::decode(&body, &questions, &ctx.respondent.memberships)
        .map_err(|_| PageError::BadRequest)?;
    // Only sent fields change: an unticked radio sends nothing and keeps what
    // was saved; a text field sent empty clears its answer.
    match state.store.save_answers(&ctx, today, &changes).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => return gone(&ui, StatusCode::GONE, "respond-closed"),
        Err(StoreError::Invalid(e)) => errors.0.extend(e.0),
        Err(e) => return Err(e.into()),
    }
    if action == Action::Autosave {
        let status = if errors.is_empty() {
            StatusCode::NO_CONTENT
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return Ok(status.into_response());
    }
    if !errors.is_empty() {
        let mut all: HashMap<String, String> = state
            .store
            .saved_answers(&ctx)
            .await?
            .into_iter()
            .map(|a| (field(a.membership_id, a.question_id), a.answer.form_value()))
            .collect();
        all.extend(values);
        return show(
            &state,
            &ui,
            &ctx,
            Some(all),
            errors,
            Some(ui.0.lang.t("respond-partly-saved")),
        )
        .await;
    }
    let notice = if action == Action::Submit {
        match state.store.submit_ballot(&ctx, today).await {
            Ok(()) => ui.0.lang.t("respond-submitted"),
            Err(StoreError::Conflict(_)) => ui.0.lang.t("respond-other-link"),
            Err(e) => return Err(e.into()),
        }
    } else {
        ui.0.lang.t("respond-saved")
    };
    let ctx = state
        .store
        .open_link(&token)
        .await?
        .ok_or(PageError::NotFound)?;
    show(&state, &ui, &ctx, None, FieldErrors::new(), Some(notice)).await
}
