//! The document register in the browser: the staff's list with what is due
//! for removal, registering a document under a case, a membership or a
//! review, withholding one on a secrecy ground, the document types'
//! retention, and the public list of what is registered and not secret.

use crate::AppState;
use crate::context::{Admin, CsrfForm, Signed, Ui, Writer};
use crate::error::PageError;
use crate::views::{Chrome, render};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::privacy::secrecy::WithholdInput;
use oversyn_core::records::{Direction, DocumentInput, DocumentType};
use oversyn_store::privacy::Withheld;
use oversyn_store::records::{NewFile, PublicDocument};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/documents",
            get(list)
                .post(create)
                .layer(axum::extract::DefaultBodyLimit::max(
                    oversyn_store::cases::MAX_FILE + 64 * 1024,
                )),
        )
        .route("/documents/new", get(new_form))
        .route("/documents/types", post(set_type))
        .route("/documents/remove-due", post(remove_due))
        .route("/documents/{id}/privacy", post(secrecy))
        .route("/public/{tenant}/documents", get(public_list))
}

#[derive(Template)]
#[template(path = "records/list.html")]
struct ListView {
    c: Chrome,
    /// Documents, withheld ones, what is due, types and grounds, as kept.
    r: std::sync::Arc<oversyn_app::records::Register>,
    secrecy: WithholdInput,
    errors: FieldErrors,
    /// The document whose withholding form failed.
    failed: Option<i64>,
    type_input: TypeInput,
    removed: Option<usize>,
}

impl ListView {
    fn withheld_of(&self, id: &i64) -> Option<&Withheld> {
        self.r.withheld.iter().find(|w| w.entity_id == *id)
    }

    fn type_name(&self, code: &str) -> String {
        self.r
            .types
            .iter()
            .find(|t| t.code == code)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| code.to_owned())
    }
}

#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct TypeInput {
    code: String,
    name: String,
    keep_years: String,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Removed {
    removed: Option<usize>,
}

async fn list_view(state: &AppState, s: &Signed) -> Result<ListView, PageError> {
    let today = chrono::Utc::now().date_naive();
    let r = oversyn_app::records::register(&state.store, s.tenant(), s.lang, today).await?;
    Ok(ListView {
        c: Chrome::signed(s, "documents-title"),
        r,
        secrecy: WithholdInput {
            decided_on: today.to_string(),
            ..WithholdInput::default()
        },
        errors: FieldErrors::new(),
        failed: None,
        type_input: TypeInput::default(),
        removed: None,
    })
}

async fn list(
    State(state): State<AppState>,
    s: Signed,
    Query(q): Query<Removed>,
) -> Result<Response, PageError> {
    let mut v = list_view(&state, &s).await?;
    v.removed = q.removed;
    render(&v)
}

#[derive(Template)]
#[template(path = "records/form.html")]
struct FormView {
    c: Chrome,
    input: DocumentInput,
    errors: FieldErrors,
    types: Vec<DocumentType>,
    directions: Vec<&'static str>,
    /// What a document may be filed under: (id, label) of each.
    cases: Vec<(i64, String)>,
    memberships: Vec<(i64, String)>,
    reviews: Vec<(i64, String)>,
}

impl FormView {
    fn chosen(&self, chosen: &Option<i64>, id: &i64) -> bool {
        *chosen == Some(*id)
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Under {
    case_id: Option<i64>,
    membership_id: Option<i64>,
    review_id: Option<i64>,
}

async fn form_view(
    state: &AppState,
    s: &Signed,
    input: DocumentInput,
    errors: FieldErrors,
) -> Result<Response, PageError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let snap = oversyn_app::snapshot(&state.store, s.tenant()).await?;
    let v = FormView {
        c: Chrome::signed(s, "documents-register"),
        types: state.store.document_types(s.tenant(), s.lang).await?,
        directions: Direction::ALL.iter().map(|d| d.code()).collect(),
        cases: state
            .store
            .cases(s.tenant())
            .await?
            .into_iter()
            .map(|c| (c.id, c.fields.title))
            .collect(),
        memberships: snap
            .memberships
            .iter()
            .map(|m| (m.id, snap.org_label(m.organisation_id)))
            .collect(),
        reviews: state
            .store
            .reviews(s.tenant())
            .await?
            .into_iter()
            .map(|r| (r.id, r.title))
            .collect(),
        input,
        errors,
    };
    Ok((status, render(&v)?).into_response())
}

async fn new_form(
    State(state): State<AppState>,
    Writer(s): Writer,
    Query(u): Query<Under>,
) -> Result<Response, PageError> {
    let input = DocumentInput {
        case_id: u.case_id,
        membership_id: u.membership_id,
        review_id: u.review_id,
        dated_on: chrono::Utc::now().date_naive().to_string(),
        ..DocumentInput::default()
    };
    form_view(&state, &s, input, FieldErrors::new()).await
}

/// The form as posted: the ids come as text (an empty field is none).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Posted {
    title: String,
    direction: String,
    dated_on: String,
    counterpart: String,
    type_code: String,
    case_id: String,
    membership_id: String,
    review_id: String,
}

impl Posted {
    fn input(&self) -> DocumentInput {
        let id = |s: &str| s.trim().parse::<i64>().ok();
        DocumentInput {
            title: self.title.clone(),
            direction: self.direction.clone(),
            dated_on: self.dated_on.clone(),
            counterpart: self.counterpart.clone(),
            type_code: self.type_code.clone(),
            case_id: id(&self.case_id),
            membership_id: id(&self.membership_id),
            review_id: id(&self.review_id),
        }
    }
}

/// Registers a document from the form, which may carry its file.
async fn create(
    State(state): State<AppState>,
    Writer(s): Writer,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, PageError> {
    let mut posted = Posted::default();
    let mut csrf = String::new();
    let mut file: Option<(String, String, Vec<u8>)> = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name: String = field
                .file_name()
                .unwrap_or("document")
                .chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect();
            let media = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            let bytes = field.bytes().await.map_err(|_| PageError::BadRequest)?;
            if !bytes.is_empty() {
                file = Some((file_name, media, bytes.to_vec()));
            }
            continue;
        }
        let value = field.text().await.unwrap_or_default();
        match name.as_str() {
            "csrf" => csrf = value,
            "title" => posted.title = value,
            "direction" => posted.direction = value,
            "dated_on" => posted.dated_on = value,
            "counterpart" => posted.counterpart = value,
            "type_code" => posted.type_code = value,
            "case_id" => posted.case_id = value,
            "membership_id" => posted.membership_id = value,
            "review_id" => posted.review_id = value,
            _ => {}
        }
    }
    if !crate::context::tokens_match(&csrf, &s.session.csrf) {
        return Err(PageError::CsrfFailed);
    }
    let input = posted.input();
    let types: Vec<String> = state
        .store
        .document_types(s.tenant(), s.lang)
        .await?
        .into_iter()
        .map(|t| t.code)
        .collect();
    let today = chrono::Utc::now().date_naive();
    let cmd = match input.parse(&types, today) {
        Ok(c) => c,
        Err(errors) => return form_view(&state, &s, input, errors).await,
    };
    let new_file = file.as_ref().map(|(name, media, bytes)| NewFile {
        name,
        media_type: media,
        content: bytes,
    });
    let d = match state
        .store
        .register_document(&s.actor(), &cmd, new_file)
        .await
    {
        Ok(d) => d,
        Err(oversyn_store::StoreError::Invalid(errors)) => {
            return form_view(&state, &s, input, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    let to = match d.case_id {
        Some(c) => format!("/cases/{c}#documents"),
        None => "/documents".to_owned(),
    };
    Ok(Redirect::to(&to).into_response())
}

async fn set_type(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(input): CsrfForm<TypeInput>,
) -> Result<Response, PageError> {
    let mut errors = FieldErrors::new();
    let code = input.code.trim().to_lowercase();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        errors.add("code", "error-document-type-code");
    }
    let name = errors.check("name", oversyn_core::validate::name(&input.name));
    let keep_years = match input.keep_years.trim() {
        "" => None,
        y => match y.parse::<u32>() {
            Ok(n) if n <= 200 => Some(n),
            _ => {
                errors.add("keep_years", "error-document-keep-years");
                None
            }
        },
    };
    if !errors.is_empty() {
        let mut v = list_view(&state, &s).await?;
        v.errors = errors;
        v.type_input = input;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&v)?).into_response());
    }
    let t = DocumentType {
        code,
        name: name.unwrap_or_default(),
        keep_years,
    };
    state.store.set_document_type(&s.actor(), &t).await?;
    Ok(Redirect::to("/documents#types").into_response())
}

async fn remove_due(
    State(state): State<AppState>,
    Admin(s): Admin,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let today = chrono::Utc::now().date_naive();
    let removed = state.store.remove_due_documents(&s.actor(), today).await?;
    Ok(Redirect::to(&format!("/documents?removed={}", removed.len())).into_response())
}

async fn secrecy(
    State(state): State<AppState>,
    Writer(s): Writer,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<crate::secrecy::SecrecyForm>,
) -> Result<Response, PageError> {
    match crate::secrecy::decide(&state, &s, "document", id, &form).await? {
        Ok(()) => Ok(Redirect::to("/documents").into_response()),
        Err(errors) => {
            state.store.document(s.tenant(), id).await?;
            let mut v = list_view(&state, &s).await?;
            v.errors = errors;
            v.secrecy = form.decision;
            v.failed = Some(id);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&v)?).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "records/public.html")]
struct PublicView {
    c: Chrome,
    city: String,
    documents: Vec<PublicDocument>,
    withheld: Vec<oversyn_core::privacy::secrecy::WithheldNotice>,
    types: Vec<DocumentType>,
}

impl PublicView {
    fn type_name(&self, code: &str) -> String {
        self.types
            .iter()
            .find(|t| t.code == code)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| code.to_owned())
    }
}

async fn public_list(
    State(state): State<AppState>,
    ui: Ui,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let t = state.store.tenant_by_slug(&slug).await?;
    let withheld: Vec<(String, Option<String>)> = state
        .store
        .withheld(t.id, "document")
        .await?
        .into_iter()
        .map(|w| (w.entity, w.ground))
        .collect();
    render(&PublicView {
        c: Chrome::anonymous(&ui, "documents-public-title", String::new()).with_tenant(&t.slug),
        city: t.name,
        documents: state.store.public_documents(t.id).await?,
        withheld: oversyn_core::privacy::secrecy::summarise(&withheld),
        types: state.store.document_types(t.id, ui.0.lang).await?,
    })
}
