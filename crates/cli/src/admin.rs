//! `oversyn demo|tenant|user|token`: the demo and synthetic data, tenants,
//! users with one-time passwords, and API tokens shown once.

use crate::common::{describe, tenant};
use anyhow::{Result, bail};
use clap::Subcommand;
use oversyn_core::{Code, Role};
use oversyn_store::{Store, StoreError};

#[derive(Subcommand)]
pub enum TenantCommand {
    /// Add a tenant.
    Add {
        /// Short name used at login and in commands, e.g. `stockholm`.
        slug: String,
        /// Display name, e.g. "Stockholms stad". Defaults to the slug.
        #[arg(long)]
        name: Option<String>,
    },
    /// List tenants.
    List,
    /// Sign in through the tenant's OpenID Connect provider: roles follow
    /// the provider's groups at every sign-in.
    Oidc(OidcArgs),
    /// How the tenant names itself in drafts, case documents, reports and
    /// mail: its office, place of signature, bodies and strategy. Given
    /// flags replace those fields; the others keep their value.
    Profile(ProfileArgs),
}

#[derive(clap::Args)]
pub struct ProfileArgs {
    /// The tenant's slug, e.g. `uppsala`.
    #[arg(long)]
    pub tenant: String,
    /// city, municipality or region ("staden", "kommunen", "regionen").
    #[arg(long)]
    pub kind: Option<String>,
    /// The office that prepares cases, e.g. "Kommunledningskontoret".
    #[arg(long)]
    pub office: Option<String>,
    /// The office's name in English.
    #[arg(long)]
    pub office_en: Option<String>,
    /// The office's e-mail: actions from decisions go to it, with their reminders ("" for none).
    #[arg(long)]
    pub office_email: Option<String>,
    /// Where documents are signed, e.g. "Uppsala".
    #[arg(long)]
    pub place: Option<String>,
    /// The body that holds the memberships, e.g. "Kommunstyrelsen".
    #[arg(long)]
    pub body: Option<String>,
    /// The body's name in English.
    #[arg(long)]
    pub body_en: Option<String>,
    /// The council a membership case goes on to ("" when the body decides alone).
    #[arg(long)]
    pub council: Option<String>,
    /// The council's name in English.
    #[arg(long)]
    pub council_en: Option<String>,
    /// The strategy for international work as the tenant cites it.
    #[arg(long)]
    pub strategy_reference: Option<String>,
}

#[derive(clap::Args)]
pub struct OidcArgs {
    #[arg(long)]
    pub tenant: String,
    /// The provider's issuer, e.g. https://login.microsoftonline.com/TENANT/v2.0
    #[arg(long, required_unless_present_any = ["show", "remove"])]
    pub issuer: Option<String>,
    #[arg(long, required_unless_present_any = ["show", "remove"])]
    pub client_id: Option<String>,
    /// A file holding the client secret (read once and stored; never shown).
    #[arg(long, conflicts_with = "client_secret_env")]
    pub client_secret_file: Option<std::path::PathBuf>,
    /// Or: the environment variable every instance reads the secret from.
    #[arg(long)]
    pub client_secret_env: Option<String>,
    /// The ID-token claim that lists the person's groups.
    #[arg(long, default_value = "groups")]
    pub role_claim: String,
    #[arg(long)]
    pub admin_group: Option<String>,
    #[arg(long)]
    pub editor_group: Option<String>,
    #[arg(long)]
    pub politician_group: Option<String>,
    #[arg(long)]
    pub viewer_group: Option<String>,
    /// Switch password login off for the tenant (run again without it to
    /// switch it back on).
    #[arg(long)]
    pub no_passwords: bool,
    /// Print the tenant's settings (never the secret).
    #[arg(long, conflicts_with = "remove")]
    pub show: bool,
    /// Remove the provider: password login only.
    #[arg(long)]
    pub remove: bool,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user and print a one-time password.
    Add {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        email: String,
        /// admin, editor or viewer.
        #[arg(long, default_value = "viewer")]
        role: String,
        /// May edit the shared catalogue.
        #[arg(long)]
        platform_admin: bool,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create a bearer token for a user; it is printed once and stored only as a hash.
    Create {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        email: String,
        /// A note on what the token is for.
        #[arg(long)]
        label: Option<String>,
    },
}

/// `demo`: the Stockholm 2011 demo, or `--synthetic national`.
pub async fn demo(store: &Store, synthetic: Option<&str>) -> Result<()> {
    let Some(kind) = synthetic else {
        let d = oversyn_app::demo::load(store).await?;
        out!(
            "Loaded the Stockholm 2011 demo as tenant `stockholm` ({} records added).",
            d.added
        );
        out!(
            "Demo login: e-mail {}, password {}",
            d.user_email,
            d.password
        );
        return Ok(());
    };
    if kind != "national" {
        bail!("unknown synthetic set '{kind}': use national");
    }
    let scale = oversyn_store::synthetic::Scale::national();
    let bar = indicatif::ProgressBar::new(scale.tenants as u64);
    let loaded = store
        .load_synthetic(scale, &|n| bar.set_position(n as u64))
        .await?;
    bar.finish_and_clear();
    out!(
        "Loaded {} synthetic tenants with {} memberships and {} answers (seed {}).",
        loaded.tenants,
        loaded.memberships,
        loaded.answers,
        scale.seed
    );
    Ok(())
}

pub async fn tenants(store: &Store, command: &TenantCommand) -> Result<()> {
    match command {
        TenantCommand::Add { slug, name } => {
            let t = store
                .create_tenant(slug, name.as_deref().unwrap_or(slug))
                .await
                .map_err(describe)?;
            out!("Added tenant `{}` ({}).", t.slug, t.name);
        }
        TenantCommand::List => {
            for t in store.tenants().await? {
                out!("{}\t{}", t.slug, t.name);
            }
        }
        TenantCommand::Oidc(args) => crate::sso::oidc(store, args).await?,
        TenantCommand::Profile(args) => profile(store, args).await?,
    }
    Ok(())
}

pub async fn users(store: &Store, command: &UserCommand) -> Result<()> {
    let UserCommand::Add {
        tenant: slug,
        email,
        role,
        platform_admin,
    } = command;
    let Some(role) = Role::parse(role) else {
        bail!("unknown role '{role}': use admin, editor, politician or viewer")
    };
    let t = tenant(store, slug).await?;
    let (u, password) = store
        .create_user(t.id, email, role, *platform_admin)
        .await
        .map_err(describe)?;
    let logged = [("email", u.email.clone()), ("role", role.code().to_owned())];
    store
        .log_event(
            &crate::common::actor(t.id),
            "user",
            u.id,
            "create",
            Some(&logged),
        )
        .await?;
    out!(
        "Added {} ({}) to `{}`. One-time password (change it at first login):",
        u.email,
        role.code(),
        t.slug
    );
    out!("{password}");
    Ok(())
}

pub async fn tokens(store: &Store, command: &TokenCommand) -> Result<()> {
    let TokenCommand::Create {
        tenant: slug,
        email,
        label,
    } = command;
    let t = tenant(store, slug).await?;
    let u = match store.user_by_email(t.id, email).await {
        Ok(u) => u,
        Err(StoreError::NotFound) => {
            bail!("no user {email} in `{slug}` (add one with `oversyn user add`)")
        }
        Err(e) => return Err(e.into()),
    };
    let token = store.create_api_token(u.id, label.as_deref()).await?;
    eprintln!(
        "Token for {} ({}); shown once, send it as `Authorization: Bearer …`:",
        u.email,
        u.role.code()
    );
    out!("{token}");
    Ok(())
}

/// `tenant profile`: prints the profile as JSON after applying the given
/// flags; without flags it only prints. Bad values are named and nothing is saved.
async fn profile(store: &Store, a: &ProfileArgs) -> Result<()> {
    let t = tenant(store, &a.tenant).await?;
    let mut input = oversyn_core::profile::ProfileInput::from(&store.profile(t.id).await?);
    let given = [
        (&a.kind, &mut input.kind),
        (&a.office, &mut input.office_sv),
        (&a.office_en, &mut input.office_en),
        (&a.office_email, &mut input.office_email),
        (&a.place, &mut input.place),
        (&a.body, &mut input.body_sv),
        (&a.body_en, &mut input.body_en),
        (&a.council, &mut input.council_sv),
        (&a.council_en, &mut input.council_en),
        (&a.strategy_reference, &mut input.strategy_reference),
    ];
    let mut changed = false;
    for (flag, field) in given {
        if let Some(v) = flag {
            *field = v.clone();
            changed = true;
        }
    }
    let p = match input.parse() {
        Ok(p) => p,
        Err(errors) => {
            let lines: Vec<String> = errors
                .0
                .iter()
                .map(|e| {
                    format!(
                        "--{}: {}",
                        flag_name(&e.field),
                        e.key.trim_start_matches("error-").replace('-', " ")
                    )
                })
                .collect();
            bail!("nothing saved:\n{}", lines.join("\n"))
        }
    };
    if changed {
        store.set_profile(&crate::common::actor(t.id), &p).await?;
        eprintln!("Saved the profile of `{}`.", t.slug);
    }
    out!("{}", serde_json::to_string_pretty(&p)?);
    Ok(())
}

/// The flag a profile field is set with.
fn flag_name(field: &str) -> String {
    field.strip_suffix("_sv").unwrap_or(field).replace('_', "-")
}
