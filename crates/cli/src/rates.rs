//! `oversyn rates`: the exchange rates into kronor that fees are read in.

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use oversyn_core::rates::{Rates, check};
use oversyn_store::Store;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum RatesCommand {
    /// Import annual average rates (CSV or XLSX with the columns currency,
    /// year, sek_per_unit, source) for every tenant; each replaces the
    /// shipped or earlier rate of its currency and year. All or nothing.
    Import { file: PathBuf },
    /// List the rates in use: shipped, and imported over them.
    List,
}

pub async fn run(store: &Store, command: &RatesCommand) -> Result<()> {
    match command {
        RatesCommand::Import { file } => {
            let bytes =
                std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
            let table = oversyn_import::table::read_table(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let rates = match check(&table.header, &table.rows, table.first_line) {
                Ok(r) => r,
                Err(errors) => {
                    for e in &errors {
                        eprintln!("{}: {e}", file.display());
                    }
                    bail!("{} problems; nothing was imported", errors.len());
                }
            };
            let new = store.import_rates("cli", &rates).await?;
            out!(
                "Imported {} rates ({new} new, {} replacing earlier ones).",
                rates.len(),
                rates.len() - new
            );
        }
        RatesCommand::List => {
            let rates = Rates::with_imported(store.exchange_rates().await?);
            out!("currency,year,sek_per_unit,source");
            for r in rates.all() {
                out!(
                    "{},{},{},{}",
                    r.currency,
                    r.year,
                    r.display(false),
                    r.source
                );
            }
        }
    }
    Ok(())
}
