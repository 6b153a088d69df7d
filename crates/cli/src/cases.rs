//! `oversyn case parse|import|document`: decision documents in and out.

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use oversyn_store::Store;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum CaseCommand {
    /// Read a decision document (text or PDF) and print its structure as JSON. Needs no database.
    Parse {
        file: PathBuf,
        /// Print the document's text as read (from PDF: as extracted) instead of the JSON.
        #[arg(long)]
        text: bool,
        /// A protocol with several items (§ 63 … § 67): print a JSON array
        /// with one case per item. Without it, the item about an
        /// international organisation is read and the others are named in a warning.
        #[arg(long)]
        all: bool,
    },
    /// Read a decision document and store it as a case (all or nothing).
    Import {
        file: PathBuf,
        #[arg(long)]
        tenant: String,
    },
    /// List a tenant's cases.
    List {
        #[arg(long)]
        tenant: String,
    },
    /// Write a case's decision document (or a protocol excerpt) as HTML, PDF or DOCX.
    Document {
        #[arg(long)]
        tenant: String,
        /// The case id.
        #[arg(long)]
        case: i64,
        /// html, pdf or docx.
        #[arg(long, default_value = "pdf")]
        format: String,
        /// The protocol excerpt of the Nth decision (1 = first) instead of the case document.
        #[arg(long)]
        excerpt: Option<usize>,
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
}

fn read(file: &Path) -> Result<Vec<u8>> {
    std::fs::read(file).with_context(|| format!("reading {}", file.display()))
}

/// `case parse`: against the shared catalogue only, so it runs without a database.
pub fn parse(file: &Path, text: bool, all: bool) -> Result<()> {
    let bytes = read(file)?;
    if text {
        let t = oversyn_import::document_text(&bytes)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        return crate::common::print_out(&t);
    }
    let parsed = if all {
        oversyn_import::parse_document_all(&bytes, &[])
    } else {
        oversyn_import::parse_document(&bytes, &[])
    }
    .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    crate::common::print_out(&serde_json::to_string_pretty(&parsed)?)
}

pub async fn run(store: &Store, command: &CaseCommand) -> Result<()> {
    match command {
        CaseCommand::Parse { file, text, all } => parse(file, *text, *all),
        CaseCommand::Import { file, tenant } => {
            let t = crate::common::tenant(store, tenant).await?;
            let bytes = read(file)?;
            let orgs = store.organisations(t.id).await?;
            let parsed = oversyn_import::parse_document(&bytes, &orgs)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let memberships: Vec<(i64, String)> = store
                .memberships(t.id)
                .await?
                .iter()
                .flat_map(|m| {
                    orgs.iter()
                        .filter(|o| o.id == m.organisation_id)
                        .flat_map(|o| [(m.id, o.label().to_owned()), (m.id, o.name.clone())])
                        .collect::<Vec<_>>()
                })
                .collect();
            let imported = oversyn_import::to_new_case(&parsed, &memberships);
            let actor = crate::common::actor(t.id);
            let id = store
                .create_case(&actor, &imported.new)
                .await
                .map_err(crate::common::describe)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "document".into());
            let media = if bytes.starts_with(b"%PDF") {
                "application/pdf"
            } else {
                "text/plain"
            };
            store
                .add_file(&actor, ("case", id), &name, media, &bytes)
                .await?;
            for w in &imported.warnings {
                eprintln!("warning: {w}");
            }
            let f = &imported.new;
            out!(
                "Imported case {id}: \"{}\" with {} decision points and {} positions.",
                f.fields.title,
                f.fields.proposal.len(),
                f.positions.len()
            );
            Ok(())
        }
        CaseCommand::List { tenant } => {
            let t = crate::common::tenant(store, tenant).await?;
            let pattern = store.case_number_pattern(t.id).await?;
            for c in store.cases(t.id).await? {
                out!(
                    "{}\t{}\t{}\t{}",
                    c.id,
                    oversyn_app::cases::number_text(&c, &pattern),
                    c.status,
                    c.fields.title
                );
            }
            Ok(())
        }
        CaseCommand::Document {
            tenant,
            case,
            format,
            excerpt,
            output,
        } => {
            let Some(format) = oversyn_app::Format::parse(format) else {
                bail!("--format must be html, pdf or docx")
            };
            let t = crate::common::tenant(store, tenant).await?;
            let docs = oversyn_app::cases::CaseDocs::load(store, t.id, *case)
                .await
                .map_err(crate::common::describe)?;
            let doc = match excerpt {
                None => &docs.document,
                Some(n) => match n.checked_sub(1).and_then(|i| docs.excerpts.get(i)) {
                    Some(d) => d,
                    None => bail!("the case has {} decisions", docs.excerpts.len()),
                },
            };
            let bytes =
                oversyn_app::cases::render(doc, format).map_err(|e| anyhow::anyhow!("{e}"))?;
            std::fs::write(output, &bytes)
                .with_context(|| format!("writing {}", output.display()))?;
            out!("Wrote {} ({} bytes).", output.display(), bytes.len());
            Ok(())
        }
    }
}
