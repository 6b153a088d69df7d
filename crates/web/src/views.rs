//! What every page shares: the [`Chrome`] (language, user, CSRF token,
//! formatting helpers) and rendering to a response.

use crate::context::{Signed, Ui};
use crate::error::{ErrorPage, PageError};
use crate::i18n::Lang;
use crate::i18n::Text;
use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::fees::{Fee, format_minor};
use oversyn_store::auth::User;

pub struct Chrome {
    pub lang: Lang,
    pub user: Option<User>,
    pub csrf: String,
    pub path: String,
    pub title: String,
    /// The tenant whose privacy notice the footer links to, when known.
    pub tenant: Option<String>,
}

impl Chrome {
    pub fn signed(s: &Signed, title_key: &str) -> Chrome {
        Chrome {
            lang: s.lang,
            user: Some(s.session.user.clone()),
            csrf: s.session.csrf.clone(),
            path: s.path.clone(),
            title: s.lang.t(title_key),
            tenant: Some(s.session.user.tenant_slug.clone()),
        }
    }

    pub fn anonymous(ui: &Ui, title_key: &str, csrf: String) -> Chrome {
        Chrome {
            lang: ui.0.lang,
            user: None,
            csrf,
            path: ui.0.path.clone(),
            title: ui.0.lang.t(title_key),
            tenant: None,
        }
    }

    /// Names the tenant a page belongs to, for the footer's privacy link.
    pub fn with_tenant(mut self, slug: &str) -> Chrome {
        self.tenant = Some(slug.to_owned());
        self
    }

    pub fn titled(mut self, title: &str) -> Chrome {
        self.title = title.to_owned();
        self
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: &dyn std::fmt::Display) -> String {
        self.lang.t1(key, name, value)
    }

    pub fn t_args(&self, key: &str, values: &[(&'static str, String)]) -> String {
        self.lang.t_args(key, values)
    }

    /// The label of a vocabulary code: `label("mtype", "full")` → "Fullvärdigt".
    pub fn label(&self, prefix: &str, code: &str) -> String {
        self.lang.t(&format!("{prefix}-{code}"))
    }

    pub fn err(&self, errors: &FieldErrors, field: &str) -> Option<String> {
        errors.get(field).map(|k| self.lang.t(k))
    }

    pub fn date(&self, d: &Option<NaiveDate>) -> String {
        d.map(|d| d.to_string()).unwrap_or_default()
    }

    pub fn fee(&self, fee: &Fee) -> String {
        match fee {
            Fee::Unknown => self.t("fee-unknown"),
            Fee::NoFee => self.t("fee-none"),
            Fee::Amount {
                minor,
                currency,
                year: Some(y),
            } => format!("{} {currency} ({y})", format_minor(*minor)),
            Fee::Amount {
                minor,
                currency,
                year: None,
            } => format!("{} {currency}", format_minor(*minor)),
        }
    }

    pub fn money(&self, minor: &i64, currency: &str) -> String {
        format!("{} {currency}", format_minor(*minor))
    }

    /// Öre as kronor: "144 477 kr".
    pub fn kronor(&self, ore: &i64) -> String {
        format!("{} kr", format_minor(*ore))
    }

    /// An amount in kronor with the rate it was converted at: "≈ 144 477 kr
    /// (9,0298 kr/EUR, 2011; source)". The amount alone for SEK; None when
    /// its currency has no rate.
    pub fn in_sek(
        &self,
        rates: &oversyn_core::rates::Rates,
        minor: i64,
        currency: &str,
        year: Option<i32>,
    ) -> Option<String> {
        // SEK needs no second figure.
        let (ore, rate) = rates.in_sek(minor, currency, year)?;
        let rate = rate?;
        let whole = oversyn_core::fees::round_to_whole(ore);
        Some(self.t_args(
            "fee-in-sek",
            &[
                ("amount", self.kronor(&whole)),
                ("rate", rate.display(self.lang == Lang::Sv)),
                ("currency", currency.to_owned()),
                ("year", rate.year.to_string()),
                ("source", rate.source.clone()),
            ],
        ))
    }

    /// A fee in kronor, see [`Chrome::in_sek`].
    pub fn fee_sek(&self, fee: &Fee, rates: &oversyn_core::rates::Rates) -> Option<String> {
        match fee {
            Fee::Amount {
                minor,
                currency,
                year,
            } => self.in_sek(rates, *minor, currency, *year),
            _ => None,
        }
    }

    pub fn can_write(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.can_write())
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.can_admin())
    }

    pub fn other_lang(&self) -> &'static str {
        self.lang.other().code()
    }

    pub fn nav_class(&self, prefix: &str) -> &'static str {
        let active = if prefix == "/" {
            self.path == "/" || self.path.starts_with("/memberships")
        } else {
            self.path.starts_with(prefix)
        };
        if active { "active" } else { "" }
    }
}

pub fn render<T: Template>(t: &T) -> Result<Response, PageError> {
    Ok(Html(t.render()?).into_response())
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView {
    c: Chrome,
    message: String,
    status: u16,
}

pub fn render_error(lang: Lang, status: StatusCode, page: ErrorPage) -> Response {
    let c = Chrome {
        lang,
        user: None,
        csrf: String::new(),
        path: String::new(),
        title: lang.t(page.0),
        tenant: None,
    };
    let v = ErrorView {
        message: lang.t(&format!("{}-text", page.0)),
        c,
        status: status.as_u16(),
    };
    match v.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, lang.t(page.0)).into_response(),
    }
}
