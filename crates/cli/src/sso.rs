//! `oversyn tenant oidc`: a tenant's OpenID Connect provider and how its
//! groups give roles. The secret comes from a file (read once, stored,
//! never printed) or names an environment variable every instance reads,
//! so it never stands on a command line or in a shell's history.

use crate::admin::OidcArgs;
use crate::common::{actor, tenant};
use anyhow::{Context, Result, bail};
use oversyn_core::sso::GroupRoles;
use oversyn_store::Store;
use oversyn_store::oidc::{ClientSecret, OidcSettings};

pub async fn oidc(store: &Store, a: &OidcArgs) -> Result<()> {
    let t = tenant(store, &a.tenant).await?;
    if a.show {
        match store.oidc(t.id).await? {
            Some(s) => out!("{}", serde_json::to_string_pretty(&s.summary())?),
            None => out!(
                "`{}` has no OpenID Connect provider: password login only.",
                t.slug
            ),
        }
        return Ok(());
    }
    if a.remove {
        store.remove_oidc(&actor(t.id), t.id).await?;
        out!(
            "Removed the OpenID Connect provider of `{}`: password login only.",
            t.slug
        );
        return Ok(());
    }
    let settings = settings(t.id, a)?;
    store.set_oidc(&actor(t.id), &settings).await?;
    let base =
        std::env::var("OVERSYN_PUBLIC_URL").unwrap_or_else(|_| "https://YOUR-ADDRESS".into());
    let base = base.trim_end_matches('/');
    out!(
        "`{}` signs in through {} (client {}); roles from the claim `{}`; password login {}.",
        t.slug,
        settings.issuer,
        settings.client_id,
        settings.role_claim,
        if settings.passwords_off { "off" } else { "on" }
    );
    out!(
        "Register at the provider: redirect URI {base}/login/sso/callback, post-logout redirect URI {base}/login"
    );
    Ok(())
}

fn settings(tenant_id: i64, a: &OidcArgs) -> Result<OidcSettings> {
    let issuer = a.issuer.clone().unwrap_or_default();
    let parsed =
        url::Url::parse(&issuer).with_context(|| format!("--issuer {issuer} is not a URL"))?;
    if !matches!(parsed.scheme(), "https" | "http") {
        bail!("--issuer must be an https address (http only for a provider on this host)");
    }
    let client_id = a.client_id.clone().unwrap_or_default();
    if client_id.trim().is_empty() {
        bail!("--client-id is empty");
    }
    let secret = match (&a.client_secret_file, &a.client_secret_env) {
        (Some(path), None) => {
            let s = std::fs::read_to_string(path)
                .with_context(|| format!("reading the client secret from {}", path.display()))?;
            let s = s.trim_end_matches(['\r', '\n']).to_owned();
            if s.is_empty() {
                bail!("{} holds no client secret", path.display());
            }
            ClientSecret::Stored(s)
        }
        (None, Some(var)) => {
            if std::env::var(var).is_err() {
                eprintln!(
                    "note: {var} is not set here; every instance must have it when people sign in"
                );
            }
            ClientSecret::Env(var.clone())
        }
        _ => bail!(
            "give the client secret with --client-secret-file FILE or --client-secret-env NAME"
        ),
    };
    let groups = GroupRoles {
        admin: a.admin_group.clone(),
        editor: a.editor_group.clone(),
        politician: a.politician_group.clone(),
        viewer: a.viewer_group.clone(),
    };
    if !groups.any() {
        bail!(
            "map at least one group to a role (--admin-group, --editor-group, --politician-group, --viewer-group): otherwise no one can sign in"
        );
    }
    if a.role_claim.trim().is_empty() {
        bail!("--role-claim is empty");
    }
    Ok(OidcSettings {
        tenant_id,
        issuer,
        client_id,
        secret,
        role_claim: a.role_claim.clone(),
        groups,
        passwords_off: a.no_passwords,
    })
}
