//! The `oversyn` command: serve the web app, migrate, load the demo, manage
//! tenants, users and API tokens, analyse reviews and write documents and
//! open data. Thin: this file holds the arguments and the dispatch; each
//! group of commands has a file that calls `oversyn-app`.

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// `println!` for command output: a reader that went away (`| head`)
/// ends the output quietly instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::common::print_out(&format!($($arg)*))?
    };
}

mod admin;
mod analysis;
mod backup;
mod cases;
mod common;
mod opendata;
mod privacy;
mod rates;
mod review_export;
mod serve;
mod sso;

// A server answering many small requests on several threads spends a fifth
// of its time in glibc's malloc, much of it waiting on arena locks;
// mimalloc keeps per-thread heaps (measured with scripts/load.sh, README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "oversyn",
    version,
    about = "Översyn: a city's memberships in international organisations — register, review, decide, follow up."
)]
struct Cli {
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB. Default: a SQLite file in the data directory.
    #[arg(long, global = true, env = "OVERSYN_DATABASE_URL")]
    database_url: Option<String>,
    /// Where the default SQLite database lives.
    #[arg(long, global = true, env = "OVERSYN_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application (applies migrations first).
    Serve(serve::ServeArgs),
    /// Apply database migrations and seed the shared catalogue.
    Migrate,
    /// Load the Stockholm 2011 demo as tenant `stockholm` (safe to run twice);
    /// `--synthetic national` loads 300 synthetic tenants for load tests instead.
    Demo {
        /// `national`: 300 tenants × 40 memberships, 20 respondents each, about 300,000 answers.
        #[arg(long)]
        synthetic: Option<String>,
    },
    /// Manage tenants (municipalities and regions).
    Tenant {
        #[command(subcommand)]
        command: admin::TenantCommand,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: admin::UserCommand,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: admin::TokenCommand,
    },
    /// Analyse a review: recommendations with reasons, SMAA probabilities, weight stability.
    Analyse(analysis::AnalyseArgs),
    /// Write the review report as HTML, PDF or DOCX.
    Report(analysis::ReportArgs),
    /// Export data: `export popolo --tenant T [-o FILE]`.
    Export {
        #[command(subcommand)]
        command: opendata::ExportCommand,
    },
    /// Import data: `import popolo --tenant T FILE`.
    Import {
        #[command(subcommand)]
        command: opendata::ImportCommand,
    },
    /// Write a consistent copy of the SQLite database while it runs (PostgreSQL: use pg_dump, see README).
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the SQLite database with a backup; stop the server first (PostgreSQL: pg_restore).
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Write the tenant's calendar (deadlines, end dates, events, review closing days) as iCalendar.
    Calendar(opendata::CalendarArgs),
    /// Decision cases: parse and import decision documents, write case documents.
    Case {
        #[command(subcommand)]
        command: cases::CaseCommand,
    },
    /// A person's data and its erasure; the retention of respondents' identities.
    Privacy {
        #[command(subcommand)]
        command: privacy::PrivacyCommand,
    },
    /// Exchange rates into kronor: `rates import FILE`, `rates list`.
    Rates {
        #[command(subcommand)]
        command: rates::RatesCommand,
    },
    /// Work with reviews.
    Review {
        #[command(subcommand)]
        command: analysis::ReviewCommand,
    },
}

#[tokio::main]
async fn main() -> Result<()> {
    match run().await {
        // `oversyn … | head`: the reader has all it wanted.
        Err(e) if common::is_closed_pipe(&e) => Ok(()),
        r => r,
    }
}

async fn run() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let url = common::database_url(cli.database_url.as_deref(), &cli.data_dir);
    // These two must not open (and so migrate) the database first.
    match &cli.command {
        Command::Case {
            command: cases::CaseCommand::Parse { file, text, all },
        } => return cases::parse(file, *text, *all),
        Command::Restore { from } => return backup::restore(&url, from).await,
        _ => {}
    }
    let store = common::open(&url).await?;
    match &cli.command {
        Command::Serve(args) => serve::run(&store, &url, args).await?,
        Command::Migrate => out!("Database is up to date: {}", oversyn_store::redact(&url)),
        Command::Demo { synthetic } => admin::demo(&store, synthetic.as_deref()).await?,
        Command::Tenant { command } => admin::tenants(&store, command).await?,
        Command::User { command } => admin::users(&store, command).await?,
        Command::Token { command } => admin::tokens(&store, command).await?,
        Command::Analyse(args) => analysis::analyse(&store, args).await?,
        Command::Report(args) => analysis::report(&store, args).await?,
        Command::Review { command } => analysis::review(&store, command).await?,
        Command::Export { command } => opendata::export(&store, command).await?,
        Command::Import { command } => opendata::import(&store, command).await?,
        Command::Calendar(args) => opendata::calendar(&store, args).await?,
        Command::Case { command } => cases::run(&store, command).await?,
        Command::Rates { command } => rates::run(&store, command).await?,
        Command::Privacy { command } => privacy::run(&store, command).await?,
        Command::Backup { to } => backup::backup(&store, &url, to).await?,
        // Restored above, before the database was opened.
        Command::Restore { .. } => {}
    }
    store.close().await;
    Ok(())
}
