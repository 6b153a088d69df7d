//! The `oversyn` command: serve the web app, migrate, load the demo, and
//! manage tenants, users and API tokens. Thin: parse, wire the crates, report.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use oversyn_core::{Code, Role};
use oversyn_store::{Store, StoreError, redact};
use std::net::SocketAddr;
use std::path::PathBuf;

mod cases;
mod export;

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
    Serve {
        /// Address to listen on.
        #[arg(long, env = "OVERSYN_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Load the Stockholm 2011 demo and print its login.
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure (set when served over https).
        #[arg(long, env = "OVERSYN_SECURE_COOKIES")]
        secure_cookies: bool,
        /// The public address respondents' links point at. Default: http://ADDR.
        #[arg(long, env = "OVERSYN_PUBLIC_URL")]
        public_url: Option<String>,
        #[command(flatten)]
        mail: MailArgs,
    },
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
        command: TenantCommand,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Analyse a review: recommendations with reasons, SMAA probabilities, weight stability.
    Analyse {
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
    },
    /// Write the review report as HTML, PDF or DOCX.
    Report {
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
    },
    /// Export data: `export popolo --tenant T [-o FILE]`.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Import data: `import popolo --tenant T FILE`.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
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
    Calendar {
        #[arg(long)]
        tenant: String,
        /// Only what concerns this person (by name, as in the register).
        #[arg(long)]
        person: Option<String>,
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Decision cases: parse and import decision documents, write case documents.
    Case {
        #[command(subcommand)]
        command: cases::CaseCommand,
    },
    /// Work with reviews.
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
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
enum ImportCommand {
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

#[derive(Subcommand)]
enum ReviewCommand {
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

/// Outgoing mail. Without a host (or a folder) invitations wait in the outbox.
#[derive(clap::Args)]
struct MailArgs {
    #[arg(long, env = "OVERSYN_SMTP_HOST")]
    smtp_host: Option<String>,
    #[arg(long, env = "OVERSYN_SMTP_PORT", default_value_t = 587)]
    smtp_port: u16,
    /// none, starttls or tls.
    #[arg(long, env = "OVERSYN_SMTP_TLS", default_value = "starttls")]
    smtp_tls: String,
    #[arg(long, env = "OVERSYN_SMTP_USER")]
    smtp_user: Option<String>,
    #[arg(long, env = "OVERSYN_SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    /// Sender address, e.g. "Översyn <international@stad.se>".
    #[arg(
        long,
        env = "OVERSYN_MAIL_FROM",
        default_value = "Översyn <noreply@localhost>"
    )]
    mail_from: String,
    /// Write messages as .eml files to this folder instead of sending them.
    #[arg(long, env = "OVERSYN_MAIL_DIR")]
    mail_dir: Option<PathBuf>,
}

impl MailArgs {
    fn mailer(&self) -> Result<oversyn_mail::Mailer> {
        if let Some(dir) = &self.mail_dir {
            let from = self
                .mail_from
                .parse()
                .map_err(|_| anyhow::anyhow!("invalid --mail-from {}", self.mail_from))?;
            return Ok(oversyn_mail::Mailer::Folder {
                dir: dir.clone(),
                from,
            });
        }
        let Some(host) = &self.smtp_host else {
            return Ok(oversyn_mail::Mailer::Outbox);
        };
        let Some(tls) = oversyn_mail::Tls::parse(&self.smtp_tls) else {
            bail!("--smtp-tls must be none, starttls or tls")
        };
        let config = oversyn_mail::SmtpConfig {
            host: host.clone(),
            port: self.smtp_port,
            tls,
            user: self.smtp_user.clone(),
            password: self.smtp_password.clone(),
            from: self.mail_from.clone(),
        };
        Ok(oversyn_mail::Mailer::smtp(&config)?)
    }
}

#[derive(Subcommand)]
enum TenantCommand {
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
}

#[derive(Subcommand)]
enum UserCommand {
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
enum TokenCommand {
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

fn database_url(cli: &Cli) -> String {
    match &cli.database_url {
        Some(u) if !u.trim().is_empty() => u.clone(),
        _ => format!("sqlite://{}", cli.data_dir.join("oversyn.db").display()),
    }
}

async fn open(cli: &Cli) -> Result<Store> {
    let url = database_url(cli);
    let store = Store::connect(&url)
        .await
        .with_context(|| format!("opening {}", redact(&url)))?;
    store.migrate().await?;
    store.seed_catalogue().await?;
    Ok(store)
}

async fn tenant(store: &Store, slug: &str) -> Result<oversyn_store::tenants::Tenant> {
    match store.tenant_by_slug(slug).await {
        Ok(t) => Ok(t),
        Err(StoreError::NotFound) => {
            bail!("no tenant '{slug}' (add it with `oversyn tenant add {slug}`)")
        }
        Err(e) => Err(e.into()),
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if let Command::Case {
        command: cases::CaseCommand::Parse { file, text },
    } = &cli.command
    {
        return cases::parse(file, *text);
    }
    if let Command::Restore { from } = &cli.command {
        let url = database_url(&cli);
        oversyn_store::backup::restore_sqlite(&url, from)
            .await
            .map_err(describe)?;
        let store = open(&cli).await?;
        let tenants = store.tenants().await?.len();
        store.close().await;
        println!(
            "Restored {} from {} ({tenants} tenants).",
            redact(&url),
            from.display()
        );
        return Ok(());
    }
    let store = open(&cli).await?;
    match &cli.command {
        Command::Serve {
            addr,
            demo,
            secure_cookies,
            public_url,
            mail,
        } => {
            let demo_login = if *demo {
                Some(oversyn_web::demo::load(&store).await?)
            } else {
                None
            };
            let mailer = mail.mailer()?;
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding {addr}"))?;
            let bound = listener.local_addr()?;
            let public_url = public_url
                .clone()
                .unwrap_or_else(|| format!("http://{bound}"));
            println!(
                "Översyn is running at http://{bound}/  (database: {})",
                redact(&database_url(&cli))
            );
            if let Some(d) = demo_login {
                println!(
                    "Demo login: municipality `{}`, e-mail {}, password {}",
                    oversyn_core::demo::TENANT_SLUG,
                    d.user_email,
                    d.password
                );
            }
            if !mailer.sends() {
                println!(
                    "No mail server configured: invitations wait in each review's outbox (see --smtp-host)."
                );
            }
            let state = oversyn_web::AppState::new(
                store.clone(),
                oversyn_web::Config {
                    secure_cookies: *secure_cookies,
                    public_url,
                },
                mailer,
            );
            tokio::spawn(reminder_schedule(state.clone()));
            oversyn_web::serve(listener, state, shutdown()).await?;
        }
        Command::Migrate => println!("Database is up to date: {}", redact(&database_url(&cli))),
        Command::Demo {
            synthetic: Some(kind),
        } => {
            if kind != "national" {
                bail!("unknown synthetic set '{kind}': use national");
            }
            let scale = oversyn_store::synthetic::Scale::national();
            let bar = indicatif::ProgressBar::new(scale.tenants as u64);
            let loaded = store
                .load_synthetic(scale, &|n| bar.set_position(n as u64))
                .await?;
            bar.finish_and_clear();
            println!(
                "Loaded {} synthetic tenants with {} memberships and {} answers (seed {}).",
                loaded.tenants, loaded.memberships, loaded.answers, scale.seed
            );
        }
        Command::Demo { synthetic: None } => {
            let d = oversyn_web::demo::load(&store).await?;
            println!(
                "Loaded the Stockholm 2011 demo as tenant `stockholm` ({} records added).",
                d.added
            );
            println!(
                "Demo login: e-mail {}, password {}",
                d.user_email, d.password
            );
        }
        Command::Tenant {
            command: TenantCommand::Add { slug, name },
        } => {
            let t = store
                .create_tenant(slug, name.as_deref().unwrap_or(slug))
                .await
                .map_err(describe)?;
            println!("Added tenant `{}` ({}).", t.slug, t.name);
        }
        Command::Tenant {
            command: TenantCommand::List,
        } => {
            for t in store.tenants().await? {
                println!("{}\t{}", t.slug, t.name);
            }
        }
        Command::User {
            command:
                UserCommand::Add {
                    tenant: slug,
                    email,
                    role,
                    platform_admin,
                },
        } => {
            let Some(role) = Role::parse(role) else {
                bail!("unknown role '{role}': use admin, editor, politician or viewer")
            };
            let t = tenant(&store, slug).await?;
            let (u, password) = store
                .create_user(t.id, email, role, *platform_admin)
                .await
                .map_err(describe)?;
            let actor = oversyn_store::audit::Actor {
                tenant_id: t.id,
                user_id: None,
                label: "cli".into(),
            };
            store
                .log_event(
                    &actor,
                    "user",
                    u.id,
                    "create",
                    Some(&serde_json_role(&u.email, role)),
                )
                .await?;
            println!(
                "Added {} ({}) to `{}`. One-time password (change it at first login):",
                u.email,
                role.code(),
                t.slug
            );
            println!("{password}");
        }
        Command::Analyse {
            tenant: slug,
            review,
            json,
            lang,
        } => {
            let t = tenant(&store, slug).await?;
            let id = export::review_id(&store, t.id, review).await?;
            let a = oversyn_web::analysis::analyse(&store, t.id, id).await?;
            if *json {
                print_out(&serde_json::to_string_pretty(
                    &oversyn_web::analysis::to_json(&a, lang),
                )?)?;
            } else {
                println!("{}", a.review.title);
                for m in &a.memberships {
                    let index = m
                        .outcome
                        .benefit_index
                        .map(|v| format!("{v:.0}"))
                        .unwrap_or_else(|| "–".into());
                    println!(
                        "  {:<14} {:<22} benefit {:>3}",
                        m.evidence.organisation,
                        m.outcome.category.code(),
                        index
                    );
                    for r in &m.outcome.reasons {
                        println!("      - {}", if lang == "en" { &r.en } else { &r.sv });
                    }
                    if let Some(o) = &m.overridden {
                        println!(
                            "      => {} ({}, {}): {}",
                            m.final_category().code(),
                            o.created_by,
                            o.created_at,
                            o.justification
                        );
                    }
                }
            }
        }
        Command::Report {
            tenant: slug,
            review,
            format,
            lang,
            output,
        } => {
            let Some(format) = oversyn_web::analysis::report::Format::parse(format) else {
                bail!("--format must be html, pdf or docx")
            };
            if lang != "sv" && lang != "en" {
                bail!("--lang must be sv or en");
            }
            let t = tenant(&store, slug).await?;
            let id = export::review_id(&store, t.id, review).await?;
            let progress = indicatif::ProgressBar::new_spinner()
                .with_message(format!("Writing the report as {}", format.extension()));
            progress.enable_steady_tick(std::time::Duration::from_millis(120));
            let bytes =
                oversyn_web::analysis::report::render(&store, t.id, id, lang, format).await?;
            progress.finish_and_clear();
            std::fs::write(output, &bytes)
                .with_context(|| format!("writing {}", output.display()))?;
            println!("Wrote {} ({} bytes).", output.display(), bytes.len());
        }
        Command::Case { command } => cases::run(&store, command).await?,
        Command::Backup { to } => {
            store.backup_to(to).await.map_err(describe)?;
            println!(
                "Backed up {} to {}.",
                redact(&database_url(&cli)),
                to.display()
            );
        }
        // Restored above, before the database was opened.
        Command::Restore { .. } => {}
        Command::Export {
            command:
                ExportCommand::Popolo {
                    tenant: slug,
                    output,
                },
        } => {
            let t = tenant(&store, slug).await?;
            let doc = oversyn_web::opendata::popolo::export_tenant(&store, t.id).await?;
            let json = serde_json::to_string_pretty(&doc)?;
            match output {
                Some(path) => {
                    std::fs::write(path, &json)
                        .with_context(|| format!("writing {}", path.display()))?;
                    eprintln!("Wrote {}.", path.display());
                }
                None => print_out(&json)?,
            }
        }
        Command::Export {
            command: ExportCommand::All { tenant: slug, dir },
        } => {
            let t = tenant(&store, slug).await?;
            let bar = indicatif::ProgressBar::new(oversyn_web::opendata::dump::STEPS);
            let files =
                oversyn_web::opendata::dump::export_all(&store, t.id, dir, &|| bar.inc(1)).await?;
            bar.finish_and_clear();
            println!(
                "Wrote {} files to {}: {}",
                files.len(),
                dir.display(),
                files.join(", ")
            );
        }
        Command::Export {
            command:
                ExportCommand::Akn {
                    tenant: slug,
                    case,
                    output,
                },
        } => {
            let t = tenant(&store, slug).await?;
            let Some(xml) = oversyn_web::cases::akoma_ntoso(&store, t.id, *case)
                .await
                .map_err(describe)?
            else {
                bail!("case {case} is not decided yet; Akoma Ntoso is made from a decision")
            };
            match output {
                Some(path) => std::fs::write(path, &xml)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => print_out(&xml)?,
            }
        }
        Command::Export {
            command:
                ExportCommand::Table {
                    tenant: slug,
                    kind,
                    format,
                    output,
                },
        } => {
            let Some(k) = oversyn_core::opendata::table::TableKind::parse(kind) else {
                bail!("--kind must be organisations, persons or memberships")
            };
            let t = tenant(&store, slug).await?;
            let (header, rows) =
                oversyn_web::opendata::table::export_table(&store, t.id, k).await?;
            let bytes = match format.as_str() {
                "csv" => oversyn_web::opendata::table::to_csv(&header, &rows),
                "xlsx" => oversyn_web::opendata::table::to_xlsx(kind, &header, &rows)
                    .map_err(|e| anyhow::anyhow!(e))?,
                _ => bail!("--format must be csv or xlsx"),
            };
            std::fs::write(output, &bytes)
                .with_context(|| format!("writing {}", output.display()))?;
            println!("Wrote {} ({} rows).", output.display(), rows.len());
        }
        Command::Import {
            command:
                ImportCommand::Table {
                    tenant: slug,
                    kind,
                    file,
                    valid_rows,
                },
        } => {
            let Some(k) = oversyn_core::opendata::table::TableKind::parse(kind) else {
                bail!("--kind must be organisations, persons or memberships")
            };
            let t = tenant(&store, slug).await?;
            let bytes =
                std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
            let table = oversyn_import::table::read_table(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let actor = oversyn_store::audit::Actor {
                tenant_id: t.id,
                user_id: None,
                label: "cli".into(),
            };
            let out =
                oversyn_web::opendata::table::import_table(&store, &actor, k, &table, *valid_rows)
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
            println!("Imported {} {kind} into `{slug}`.", out.written);
        }
        Command::Import {
            command: ImportCommand::Popolo { tenant: slug, file },
        } => {
            let t = tenant(&store, slug).await?;
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
            let actor = oversyn_store::audit::Actor {
                tenant_id: t.id,
                user_id: None,
                label: "cli".into(),
            };
            let n = oversyn_web::opendata::popolo::import_document(&store, &actor, &doc)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            println!(
                "Imported into `{slug}`: {} organisations, {} bodies, {} persons, {} memberships, {} seats.",
                n.organisations, n.bodies, n.persons, n.memberships, n.seats
            );
        }
        Command::Calendar {
            tenant: slug,
            person,
            output,
        } => {
            let t = tenant(&store, slug).await?;
            let person_id = match person {
                None => None,
                Some(name) => match store.persons(t.id).await?.iter().find(|p| &p.name == name) {
                    Some(p) => Some(p.id),
                    None => bail!("no person named '{name}' in `{slug}`"),
                },
            };
            let ics = oversyn_web::followup::calendar::ics(&store, t.id, person_id, "").await?;
            std::fs::write(output, &ics)
                .with_context(|| format!("writing {}", output.display()))?;
            println!(
                "Wrote {} ({} events).",
                output.display(),
                ics.matches("BEGIN:VEVENT").count()
            );
        }
        Command::Review {
            command:
                ReviewCommand::Export {
                    tenant: slug,
                    review,
                    format,
                    output,
                },
        } => {
            if format != "csv" && format != "xlsx" {
                bail!("unknown format '{format}': use csv or xlsx");
            }
            let t = tenant(&store, slug).await?;
            export::review_csv(&store, t.id, review, output.as_deref(), format == "xlsx").await?;
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    tenant: slug,
                    email,
                    label,
                },
        } => {
            let t = tenant(&store, slug).await?;
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
            println!("{token}");
        }
    }
    store.close().await;
    Ok(())
}

fn serde_json_role(email: &str, role: Role) -> [(&'static str, String); 2] {
    [
        ("email", email.to_owned()),
        ("role", role.code().to_owned()),
    ]
}

/// Turns a store error into a message a person can act on.
fn describe(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::Invalid(errors) => anyhow::anyhow!(
            "invalid input: {}",
            errors
                .0
                .iter()
                .map(|e| format!(
                    "{} ({})",
                    e.field,
                    e.key.trim_start_matches("error-").replace('-', " ")
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        e => e.into(),
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout(), "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// Sends the reminders that are due, every quarter of an hour.
async fn reminder_schedule(state: oversyn_web::AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
    loop {
        tick.tick().await;
        match oversyn_web::reviews::mailing::send_due_reminders(&state, chrono::Utc::now()).await {
            Ok(s) if s.sent + s.failed + s.manual > 0 => tracing::info!(
                sent = s.sent,
                failed = s.failed,
                manual = s.manual,
                "reminders"
            ),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "reminder schedule failed"),
        }
        let today = chrono::Utc::now().date_naive();
        match oversyn_web::followup::reminders::send_due(&state, today).await {
            Ok((sent, failed)) if sent + failed > 0 => {
                tracing::info!(sent, failed, "action reminders")
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "action reminders failed"),
        }
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
