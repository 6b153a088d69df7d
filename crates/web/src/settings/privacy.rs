//! Data protection for the tenant's admin: how long respondents' names are
//! kept, the privacy notices and purposes (the shipped templates until the
//! tenant writes its own), and a person's export and erasure.

use crate::AppState;
use crate::context::{Admin, CsrfForm};
use crate::error::PageError;
use crate::views::Chrome;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use http::{StatusCode, header};
use oversyn_core::privacy::notice::{NoticeKind, Purpose};
use oversyn_core::privacy::secrecy::GroundInput;
use oversyn_core::privacy::{RETENTION_SETTING, RespondentRetention};
use oversyn_core::{FieldErrors, Lang};
use oversyn_store::privacy::Erased;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/settings/privacy", get(form).post(save))
        .route("/settings/privacy/export", post(export))
        .route("/settings/privacy/erase", post(erase))
        .route("/settings/privacy/grounds", post(add_ground))
}

/// The longest text a notice or purpose field takes.
const MAX_TEXT: usize = 20_000;
const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];

/// One text field of the form: its name (also its settings key), label and value.
pub struct Field {
    pub name: String,
    pub label: String,
    pub value: String,
    pub rows: u8,
}

#[derive(Template)]
#[template(path = "settings/privacy_content.html")]
struct PrivacyView {
    c: Chrome,
    retention: String,
    fields: Vec<Field>,
    errors: FieldErrors,
    saved: bool,
    email: String,
    erased: Option<Erased>,
    slug: String,
    grounds: Vec<oversyn_core::privacy::secrecy::Ground>,
    ground: GroundInput,
}

fn lang_name(c: &Chrome, l: Lang) -> String {
    c.t(&format!("lang-{}", l.code()))
}

/// Every text field with its label, valued from `values` (what was posted
/// or what the tenant has).
fn fields(c: &Chrome, values: &HashMap<String, String>) -> Vec<Field> {
    let mut out = Vec::new();
    let value = |k: &str| values.get(k).cloned().unwrap_or_default();
    for kind in NoticeKind::ALL {
        for l in LANGS {
            let name = kind.setting(l);
            out.push(Field {
                label: format!(
                    "{} ({})",
                    c.t(&format!("privacy-notice-{}", kind.code())),
                    lang_name(c, l)
                ),
                value: value(&name),
                name,
                rows: 8,
            });
        }
    }
    for p in Purpose::ALL {
        for l in LANGS {
            let purpose = c.t(&format!("privacy-purpose-{}", p.code()));
            for (name, what) in [
                (p.basis_setting(l), c.t("privacy-basis")),
                (p.retention_setting(l), c.t("privacy-retention")),
            ] {
                out.push(Field {
                    label: format!("{purpose}: {what} ({})", lang_name(c, l)),
                    value: value(&name),
                    name,
                    rows: 2,
                });
            }
        }
    }
    out
}

/// What the tenant has now: its own texts, or the shipped ones.
async fn current(state: &AppState, tenant_id: i64) -> Result<HashMap<String, String>, PageError> {
    let mut v = HashMap::new();
    for l in LANGS {
        let n = oversyn_app::privacy::notices(&state.store, tenant_id, l).await?;
        for (kind, text) in &n.notices {
            v.insert(kind.setting(l), text.clone());
        }
        for p in &n.purposes {
            v.insert(p.purpose.basis_setting(l), p.basis.clone());
            v.insert(p.purpose.retention_setting(l), p.retention.clone());
        }
    }
    Ok(v)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Saved {
    saved: Option<String>,
}

async fn view(
    state: &AppState,
    s: &crate::context::Signed,
    c: Chrome,
    values: &HashMap<String, String>,
) -> Result<PrivacyView, PageError> {
    let rule = oversyn_app::privacy::retention_rule(&state.store, s.tenant()).await?;
    Ok(PrivacyView {
        fields: fields(&c, values),
        retention: values
            .get("retention")
            .cloned()
            .unwrap_or_else(|| rule.code()),
        c,
        errors: FieldErrors::new(),
        saved: false,
        email: String::new(),
        erased: None,
        slug: s.session.user.tenant_slug.clone(),
        grounds: state.store.secrecy_grounds(s.tenant(), s.lang).await?,
        ground: GroundInput::default(),
    })
}

/// The page for this request alone, `change`d from what it shows anyone:
/// a form shown again with its errors, a save's notice, an erasure's outcome.
async fn own_page(
    state: &AppState,
    s: &crate::context::Signed,
    values: &HashMap<String, String>,
    status: StatusCode,
    change: impl FnOnce(&mut PrivacyView),
) -> Result<Response, PageError> {
    let chrome = Chrome::signed(s, "privacy-title");
    let mut v = view(state, s, crate::kept::content_chrome(&chrome), values).await?;
    change(&mut v);
    Ok((status, crate::kept::whole(chrome, &v)?).into_response())
}

/// Kept like the register's pages: the tenant's texts, rule and grounds
/// change only with its data.
async fn form(
    State(state): State<AppState>,
    Admin(s): Admin,
    Query(q): Query<Saved>,
) -> Result<Response, PageError> {
    if q.saved.is_some() {
        let values = current(&state, s.tenant()).await?;
        return own_page(&state, &s, &values, StatusCode::OK, |v| v.saved = true).await;
    }
    let c = Chrome::signed(&s, "privacy-title");
    crate::kept::page(&state, &s, "privacy page", 0, c, |c| async {
        let values = current(&state, s.tenant()).await?;
        view(&state, &s, c, &values).await
    })
    .await
}

async fn save(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(posted): CsrfForm<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let mut errors = FieldErrors::new();
    let rule = RespondentRetention::parse(posted.get("retention").map_or("", String::as_str));
    if rule.is_none() {
        errors.add("retention", "error-retention");
    }
    let c = Chrome::signed(&s, "privacy-title");
    let names: Vec<String> = fields(&c, &HashMap::new())
        .into_iter()
        .map(|f| f.name)
        .collect();
    for n in &names {
        if posted.get(n).is_some_and(|t| t.chars().count() > MAX_TEXT) {
            errors.add(n, "error-too-long");
        }
    }
    if !errors.is_empty() {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return own_page(&state, &s, &posted, status, |v| v.errors = errors).await;
    }
    let tenant = s.tenant();
    if let Some(rule) = rule {
        state
            .store
            .set_setting(tenant, RETENTION_SETTING, &rule.code())
            .await?;
    }
    // A text equal to the shipped one is not stored, so the tenant keeps
    // following the template (and the retention rule it names).
    let mut shipped = HashMap::new();
    for l in LANGS {
        for (kind, text) in oversyn_app::privacy::templates(&state.store, tenant, l).await? {
            shipped.insert(kind.setting(l), text);
        }
        for p in Purpose::ALL {
            let rule = rule.unwrap_or_default();
            shipped.insert(p.basis_setting(l), p.default_basis(l).to_owned());
            shipped.insert(p.retention_setting(l), p.default_retention(l, rule));
        }
    }
    for n in &names {
        let text = posted
            .get(n)
            .map(|t| t.trim().replace("\r\n", "\n"))
            .unwrap_or_default();
        let own = if shipped.get(n).is_some_and(|t| *t == text) {
            ""
        } else {
            text.as_str()
        };
        state.store.set_setting(tenant, n, own).await?;
    }
    Ok(Redirect::to("/settings/privacy?saved=1").into_response())
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PersonForm {
    email: String,
    confirm: Option<String>,
}

async fn person_error(
    state: &AppState,
    s: &crate::context::Signed,
    f: &PersonForm,
    field: &str,
    key: &'static str,
) -> Result<Response, PageError> {
    let values = current(state, s.tenant()).await?;
    own_page(state, s, &values, StatusCode::UNPROCESSABLE_ENTITY, |v| {
        v.email = f.email.clone();
        v.errors.add(field, key);
    })
    .await
}

fn looks_like_email(e: &str) -> bool {
    matches!(oversyn_core::validate::email(e), Ok(Some(_)))
}

async fn export(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(f): CsrfForm<PersonForm>,
) -> Result<Response, PageError> {
    if !looks_like_email(&f.email) {
        return person_error(&state, &s, &f, "email", "error-email").await;
    }
    let data = oversyn_app::privacy::export(&state.store, s.tenant(), &f.email).await?;
    let json = serde_json::to_string_pretty(&data).map_err(|_| PageError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"personal-data.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        json,
    )
        .into_response())
}

async fn erase(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(f): CsrfForm<PersonForm>,
) -> Result<Response, PageError> {
    if !looks_like_email(&f.email) {
        return person_error(&state, &s, &f, "email", "error-email").await;
    }
    if f.confirm.is_none() {
        return person_error(&state, &s, &f, "confirm", "error-confirm-erase").await;
    }
    let erased = oversyn_app::privacy::erase(&state.store, &s.actor(), &f.email).await?;
    let values = current(&state, s.tenant()).await?;
    own_page(&state, &s, &values, StatusCode::OK, |v| {
        v.erased = Some(erased)
    })
    .await
}

/// Adds a secrecy ground (from the tenant's own document management plan
/// or another act) to those its officers choose from.
async fn add_ground(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(input): CsrfForm<GroundInput>,
) -> Result<Response, PageError> {
    let errors = match input.parse() {
        Ok(g) => match state.store.add_secrecy_ground(&s.actor(), &g).await {
            Ok(()) => return Ok(Redirect::to("/settings/privacy?saved=1#grounds").into_response()),
            Err(oversyn_store::StoreError::Invalid(e)) => e,
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    let values = current(&state, s.tenant()).await?;
    own_page(&state, &s, &values, StatusCode::UNPROCESSABLE_ENTITY, |v| {
        v.errors = errors;
        v.ground = input;
    })
    .await
}
