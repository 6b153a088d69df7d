//! `oversyn export|import|calendar`: the register and decided cases as open
//! data (Popolo, tables, Akoma Ntoso, the whole public dump), register
//! tables and Popolo into a tenant, and the calendar as iCalendar.

use crate::common::{actor, describe, print_out, tenant, write};
use anyhow::{Context, Result, bail};
use clap::Subcommand;
use oversyn_core::opendata::table::TableKind;
use oversyn_store::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The register as Popolo JSON (organisations, memberships, posts, persons).
    Popolo {
        #[arg(long)]
        tenant: String,
        /// Write here instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Every public dataset with a data card: `export all --tenant T --dir D`.
    All {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        dir: PathBuf,
    },
    /// Organisations, persons or memberships as CSV or XLSX in the importer's columns.
    Table {
        #[arg(long)]
        tenant: String,
        /// organisations, persons or memberships.
        #[arg(long)]
        kind: String,
        /// csv or xlsx.
        #[arg(long, default_value = "csv")]
        format: String,
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// A decided case as Akoma Ntoso XML.
    Akn {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        case: i64,
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Organisations, persons or memberships from CSV or XLSX; nothing is written unless every row is valid.
    Table {
        #[arg(long)]
        tenant: String,
        /// organisations, persons or memberships.
        #[arg(long)]
        kind: String,
        file: PathBuf,
        /// Write the valid rows even when others have errors.
        #[arg(long)]
        valid_rows: bool,
    },
    /// A Popolo JSON register into an empty tenant; checked whole before anything is written.
    Popolo {
        #[arg(long)]
        tenant: String,
        file: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct CalendarArgs {
    #[arg(long)]
    tenant: String,
    /// Only what concerns this person (by name, as in the register).
    #[arg(long)]
    person: Option<String>,
    #[arg(short = 'o', long)]
    output: PathBuf,
}

fn table_kind(kind: &str) -> Result<TableKind> {
    match TableKind::parse(kind) {
        Some(k) => Ok(k),
        None => bail!("--kind must be organisations, persons or memberships"),
    }
}

pub async fn export(store: &Store, command: &ExportCommand) -> Result<()> {
    match command {
        ExportCommand::Popolo {
            tenant: slug,
            output,
        } => {
            let t = tenant(store, slug).await?;
            let doc = oversyn_app::opendata::popolo::export_tenant(store, t.id).await?;
            let json = serde_json::to_string_pretty(&doc)?;
            match output {
                Some(path) => {
                    write(path, &json)?;
                    eprintln!("Wrote {}.", path.display());
                }
                None => print_out(&json)?,
            }
        }
        ExportCommand::All { tenant: slug, dir } => {
            let t = tenant(store, slug).await?;
            let bar = indicatif::ProgressBar::new(oversyn_app::opendata::dump::STEPS);
            let files =
                oversyn_app::opendata::dump::export_all(store, t.id, dir, &|| bar.inc(1)).await?;
            bar.finish_and_clear();
            out!(
                "Wrote {} files to {}: {}",
                files.len(),
                dir.display(),
                files.join(", ")
            );
        }
        ExportCommand::Akn {
            tenant: slug,
            case,
            output,
        } => {
            let t = tenant(store, slug).await?;
            let Some(xml) = oversyn_app::cases::akoma_ntoso(store, t.id, *case)
                .await
                .map_err(describe)?
            else {
                bail!("case {case} is not decided yet; Akoma Ntoso is made from a decision")
            };
            match output {
                Some(path) => write(path, &xml)?,
                None => print_out(&xml)?,
            }
        }
        ExportCommand::Table {
            tenant: slug,
            kind,
            format,
            output,
        } => {
            let k = table_kind(kind)?;
            let t = tenant(store, slug).await?;
            let (header, rows) = oversyn_app::opendata::table::export_table(store, t.id, k).await?;
            let bytes = match format.as_str() {
                "csv" => oversyn_app::opendata::table::to_csv(&header, &rows),
                "xlsx" => oversyn_app::opendata::table::to_xlsx(kind, &header, &rows)
                    .map_err(|e| anyhow::anyhow!(e))?,
                _ => bail!("--format must be csv or xlsx"),
            };
            write(output, &bytes)?;
            out!("Wrote {} ({} rows).", output.display(), rows.len());
        }
    }
    Ok(())
}

pub async fn import(store: &Store, command: &ImportCommand) -> Result<()> {
    match command {
        ImportCommand::Table {
            tenant: slug,
            kind,
            file,
            valid_rows,
        } => {
            let k = table_kind(kind)?;
            let t = tenant(store, slug).await?;
            let bytes =
                std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
            let table = oversyn_import::table::read_table(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let out = oversyn_app::opendata::table::import_table(
                store,
                &actor(t.id),
                k,
                &table,
                *valid_rows,
            )
            .await?;
            for e in &out.errors {
                eprintln!("{}: {e}", file.display());
            }
            if !out.errors.is_empty() && !*valid_rows {
                bail!(
                    "{} problems; nothing was imported (fix them, or use --valid-rows)",
                    out.errors.len()
                );
            }
            out!("Imported {} {kind} into `{slug}`.", out.written);
        }
        ImportCommand::Popolo { tenant: slug, file } => {
            let t = tenant(store, slug).await?;
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let doc: oversyn_core::opendata::popolo::Document = serde_json::from_str(&text)
                .map_err(|e| {
                    anyhow::anyhow!(
                        "{}: not a Popolo document of this shape: {e} (line {}, column {})",
                        file.display(),
                        e.line(),
                        e.column()
                    )
                })?;
            let n = oversyn_app::opendata::popolo::import_document(store, &actor(t.id), &doc)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            out!(
                "Imported into `{slug}`: {} organisations, {} bodies, {} persons, {} memberships, {} seats, {} terms of office.",
                n.organisations,
                n.bodies,
                n.persons,
                n.memberships,
                n.seats,
                n.terms
            );
        }
    }
    Ok(())
}

pub async fn calendar(store: &Store, args: &CalendarArgs) -> Result<()> {
    let slug = &args.tenant;
    let t = tenant(store, slug).await?;
    let person_id = match &args.person {
        None => None,
        Some(name) => match store.persons(t.id).await?.iter().find(|p| &p.name == name) {
            Some(p) => Some(p.id),
            None => bail!("no person named '{name}' in `{slug}`"),
        },
    };
    let ics = oversyn_app::followup::calendar::ics(store, t.id, person_id, "").await?;
    write(&args.output, &ics)?;
    out!(
        "Wrote {} ({} events).",
        args.output.display(),
        ics.matches("BEGIN:VEVENT").count()
    );
    Ok(())
}
