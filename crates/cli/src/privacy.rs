//! `oversyn privacy`: a person's data (GDPR art. 15 and 17) and the
//! retention of respondents' identities.

use crate::common::{actor, describe, tenant};
use anyhow::{Result, bail};
use clap::Subcommand;
use oversyn_core::privacy::{RETENTION_SETTING, RespondentRetention};
use oversyn_store::Store;

#[derive(Subcommand)]
pub enum PrivacyCommand {
    /// Print everything the tenant stores about the person with this
    /// e-mail address, as JSON.
    Export {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        email: String,
    },
    /// Erase what the tenant stores about the person with this e-mail
    /// address. What must be kept (a name in a decided case, a user
    /// account) is listed with the reason, and the command then fails.
    Erase {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        email: String,
    },
    /// Remove the respondents' identities that the retention rule says are
    /// due today (the server does this daily); with --set, first change
    /// the rule: `decided` (until a case from the review is decided) or a
    /// number of days after the review closed.
    Retention {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        set: Option<String>,
    },
}

pub async fn run(store: &Store, command: &PrivacyCommand) -> Result<()> {
    match command {
        PrivacyCommand::Export {
            tenant: slug,
            email,
        } => {
            let t = tenant(store, slug).await?;
            let data = oversyn_app::privacy::export(store, t.id, email)
                .await
                .map_err(describe)?;
            out!("{}", serde_json::to_string_pretty(&data)?);
        }
        PrivacyCommand::Erase {
            tenant: slug,
            email,
        } => {
            let t = tenant(store, slug).await?;
            let erased = oversyn_app::privacy::erase(store, &actor(t.id), email)
                .await
                .map_err(describe)?;
            out!("{}", serde_json::to_string_pretty(&erased)?);
            if !erased.kept.is_empty() {
                let reasons: Vec<String> = erased
                    .kept
                    .iter()
                    .map(|k| format!("{}: {}", k.what, k.reason))
                    .collect();
                bail!(
                    "refused in part; kept {}:\n{}",
                    reasons.len(),
                    reasons.join("\n")
                );
            }
        }
        PrivacyCommand::Retention { tenant: slug, set } => {
            let t = tenant(store, slug).await?;
            if let Some(rule) = set {
                let Some(rule) = RespondentRetention::parse(rule) else {
                    bail!("--set takes `decided` or a number of days (0 to 3650), not '{rule}'");
                };
                store
                    .set_setting(t.id, RETENTION_SETTING, &rule.code())
                    .await?;
            }
            let today = chrono::Utc::now().date_naive();
            let done = oversyn_app::privacy::apply_retention(store, t.id, today).await?;
            let rule = oversyn_app::privacy::retention_rule(store, t.id).await?;
            out!("Rule: {}", rule.code());
            if done.is_empty() {
                out!("No review's respondents are due for removal.");
            }
            for r in done {
                out!(
                    "Review {}: {} respondents' names and addresses removed ({} messages, {} links, {} audit entries).",
                    r.review_id,
                    r.respondents,
                    r.messages,
                    r.links,
                    r.audit_entries
                );
            }
        }
    }
    Ok(())
}
