//! The tenant's privacy notices and purposes: its own wording where it has
//! written one, the shipped template where not.

use oversyn_core::Lang;
use oversyn_core::privacy::notice::{Controller, NoticeKind, Purpose, template};
use oversyn_store::{Store, StoreError};

/// One purpose as the notice page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurposeText {
    pub purpose: Purpose,
    pub basis: String,
    pub retention: String,
}

/// Everything the privacy page of a tenant shows in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notices {
    pub tenant_name: String,
    pub notices: Vec<(NoticeKind, String)>,
    pub purposes: Vec<PurposeText>,
}

impl Notices {
    pub fn notice(&self, kind: NoticeKind) -> &str {
        self.notices
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t.as_str())
            .unwrap_or_default()
    }
}

/// The shipped template of each notice for the tenant, in `lang`.
pub async fn templates(
    store: &Store,
    tenant_id: i64,
    lang: Lang,
) -> Result<Vec<(NoticeKind, String)>, StoreError> {
    let tenant = store.tenant_by_id(tenant_id).await?;
    let profile = store.profile(tenant_id).await?;
    let rule = super::retention_rule(store, tenant_id).await?;
    let c = Controller {
        name: &tenant.name,
        email: Some(profile.office_email.as_str()).filter(|e| !e.is_empty()),
        retention: rule,
    };
    Ok(NoticeKind::ALL
        .into_iter()
        .map(|k| (k, template(k, lang, &c)))
        .collect())
}

/// The tenant's notices and purposes in `lang`.
/// Kept per state of the tenant's data and day: the form and the public
/// page read some twenty settings and render six templates for it.
pub async fn notices(
    store: &Store,
    tenant_id: i64,
    lang: Lang,
) -> Result<std::sync::Arc<Notices>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    let variant = lang as i64;
    store
        .remembered(tenant_id, "privacy notices", variant, today, || {
            load_notices(store, tenant_id, lang)
        })
        .await
}

async fn load_notices(store: &Store, tenant_id: i64, lang: Lang) -> Result<Notices, StoreError> {
    let tenant = store.tenant_by_id(tenant_id).await?;
    let rule = super::retention_rule(store, tenant_id).await?;
    let mut notices = Vec::new();
    for (kind, shipped) in templates(store, tenant_id, lang).await? {
        let own = store.setting(tenant_id, &kind.setting(lang)).await?;
        notices.push((
            kind,
            own.filter(|t| !t.trim().is_empty()).unwrap_or(shipped),
        ));
    }
    let mut purposes = Vec::new();
    for p in Purpose::ALL {
        let basis = store.setting(tenant_id, &p.basis_setting(lang)).await?;
        let retention = store.setting(tenant_id, &p.retention_setting(lang)).await?;
        purposes.push(PurposeText {
            purpose: p,
            basis: basis
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| p.default_basis(lang).to_owned()),
            retention: retention
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| p.default_retention(lang, rule)),
        });
    }
    Ok(Notices {
        tenant_name: tenant.name,
        notices,
        purposes,
    })
}
