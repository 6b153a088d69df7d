//! `oversyn analyse|report|review export`: a review's analysis as a summary
//! or JSON, its report as HTML, PDF or DOCX, and its answers with a codebook.

use crate::common::{print_out, tenant, write};
use crate::review_export::{review_csv, review_id};
use anyhow::{Result, bail};
use clap::Subcommand;
use oversyn_core::Lang;
use oversyn_store::Store;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct AnalyseArgs {
    #[arg(long)]
    tenant: String,
    /// A review id, or `latest`.
    #[arg(long, default_value = "latest")]
    review: String,
    /// Print the analysis as JSON.
    #[arg(long)]
    json: bool,
    /// Language of the reasons: sv or en.
    #[arg(long, default_value = "sv")]
    lang: String,
}

#[derive(clap::Args)]
pub struct ReportArgs {
    #[arg(long)]
    tenant: String,
    /// A review id, or `latest`.
    #[arg(long, default_value = "latest")]
    review: String,
    /// html, pdf or docx.
    #[arg(long, default_value = "pdf")]
    format: String,
    /// sv or en.
    #[arg(long, default_value = "sv")]
    lang: String,
    #[arg(short = 'o', long)]
    output: PathBuf,
}

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Export a review's answers with a codebook (identities omitted in anonymous reviews).
    Export {
        #[arg(long)]
        tenant: String,
        /// A review id, or `latest`.
        #[arg(long, default_value = "latest")]
        review: String,
        /// csv (answers and a codebook beside them) or xlsx (both as sheets of one workbook).
        #[arg(long, default_value = "csv")]
        format: String,
        /// Write here (and the codebook beside it as FILE.codebook.csv); default: answers to standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
}

pub async fn analyse(store: &Store, args: &AnalyseArgs) -> Result<()> {
    let lang = Lang::from_code(&args.lang);
    let t = tenant(store, &args.tenant).await?;
    let id = review_id(store, t.id, &args.review).await?;
    let a = oversyn_app::analysis::analyse(store, t.id, id).await?;
    if args.json {
        return print_out(&serde_json::to_string_pretty(
            &oversyn_app::analysis::to_json(&a, lang),
        )?);
    }
    out!("{}", a.review.title);
    for m in &a.memberships {
        let index = m
            .outcome
            .benefit_index
            .map(|v| format!("{v:.0}"))
            .unwrap_or_else(|| "–".into());
        out!(
            "  {:<14} {:<22} benefit {:>3}",
            m.evidence.organisation,
            m.outcome.category.code(),
            index
        );
        for r in &m.outcome.reasons {
            out!("      - {}", lang.pick(&r.sv, &r.en));
        }
        if let Some(o) = &m.overridden {
            out!(
                "      => {} ({}, {}): {}",
                m.final_category().code(),
                o.created_by,
                o.created_at,
                o.justification
            );
        }
    }
    Ok(())
}

pub async fn report(store: &Store, args: &ReportArgs) -> Result<()> {
    let Some(format) = oversyn_app::Format::parse(&args.format) else {
        bail!("--format must be html, pdf or docx")
    };
    let Some(lang) = Lang::parse(&args.lang) else {
        bail!("--lang must be sv or en");
    };
    let t = tenant(store, &args.tenant).await?;
    let id = review_id(store, t.id, &args.review).await?;
    let progress = indicatif::ProgressBar::new_spinner()
        .with_message(format!("Writing the report as {}", format.extension()));
    progress.enable_steady_tick(std::time::Duration::from_millis(120));
    let bytes = oversyn_app::analysis::report::render(store, t.id, id, lang, format).await?;
    progress.finish_and_clear();
    write(&args.output, &bytes)?;
    out!("Wrote {} ({} bytes).", args.output.display(), bytes.len());
    Ok(())
}

pub async fn review(store: &Store, command: &ReviewCommand) -> Result<()> {
    let ReviewCommand::Export {
        tenant: slug,
        review,
        format,
        output,
    } = command;
    if format != "csv" && format != "xlsx" {
        bail!("unknown format '{format}': use csv or xlsx");
    }
    let t = tenant(store, slug).await?;
    review_csv(store, t.id, review, output.as_deref(), format == "xlsx").await
}
