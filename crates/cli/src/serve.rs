//! `oversyn serve`: the web application on a port, with the job queue's
//! worker and the reminder schedules beside it, until Ctrl-C or SIGTERM.

use anyhow::{Context, Result, bail};
use oversyn_store::{Store, redact};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ServeArgs {
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
    /// Remember no pages: render every page afresh (to measure the
    /// uncached path). Sessions and API tokens are still remembered.
    #[arg(long, env = "OVERSYN_NO_CACHE", value_parser = clap::builder::BoolishValueParser::new())]
    no_cache: bool,
    #[command(flatten)]
    mail: MailArgs,
    #[command(flatten)]
    jobs: JobArgs,
}

/// Background work: every instance works the job queue; each job is done by one.
#[derive(clap::Args)]
struct JobArgs {
    /// Seconds between looks for due jobs (retries, and work of an instance that stopped).
    #[arg(long, env = "OVERSYN_JOB_POLL_SECONDS", default_value_t = 5)]
    job_poll_seconds: u64,
    /// Minutes between runs of the reminder schedules (also run at start).
    #[arg(long, env = "OVERSYN_SCHEDULE_MINUTES", default_value_t = 15)]
    schedule_minutes: u64,
    /// Seconds before a refused mail is tried again; the wait grows four times with each attempt.
    #[arg(long, env = "OVERSYN_RETRY_SECONDS", default_value_t = 30)]
    retry_seconds: i64,
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

pub async fn run(store: &Store, database_url: &str, args: &ServeArgs) -> Result<()> {
    let demo_login = if args.demo {
        Some(oversyn_app::demo::load(store).await?)
    } else {
        None
    };
    let mailer = args.mail.mailer()?;
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    let bound = listener.local_addr()?;
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{bound}"));
    out!(
        "Översyn is running at http://{bound}/  (database: {})",
        redact(database_url)
    );
    if let Some(d) = demo_login {
        out!(
            "Demo login: municipality `{}`, e-mail {}, password {}",
            oversyn_core::demo::TENANT_SLUG,
            d.user_email,
            d.password
        );
    }
    if !mailer.sends() {
        out!(
            "No mail server configured: invitations wait in each review's outbox (see --smtp-host)."
        );
    }
    let state = oversyn_web::AppState::with_worker(
        store.clone(),
        oversyn_web::Config {
            secure_cookies: args.secure_cookies,
            public_url,
        },
        mailer,
        oversyn_app::jobs::Worker::new(chrono::Duration::seconds(args.jobs.retry_seconds.max(1))),
    );
    if args.no_cache {
        state.cache.remember_no_pages();
    }
    tokio::spawn(background_work(
        state.clone(),
        std::time::Duration::from_secs(args.jobs.job_poll_seconds.max(1)),
        std::time::Duration::from_secs(args.jobs.schedule_minutes.max(1) * 60),
    ));
    oversyn_web::serve(listener, state, shutdown()).await?;
    Ok(())
}

/// Works the job queue every `poll`, and runs the reminder schedules
/// every `schedule` (at once at start). A database that is away makes a
/// round fail; the next one resumes, and nothing claimed is lost: a claim
/// this instance could not finish is taken over when its lease ends.
async fn background_work(
    state: oversyn_web::AppState,
    poll: std::time::Duration,
    schedule: std::time::Duration,
) {
    let sender = state.sender();
    let mut tick = tokio::time::interval(poll);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut next_schedule = tokio::time::Instant::now();
    loop {
        tick.tick().await;
        let now = chrono::Utc::now();
        let round = if tokio::time::Instant::now() >= next_schedule {
            next_schedule += schedule;
            oversyn_app::jobs::tick(&sender, now).await
        } else {
            oversyn_app::jobs::run_due(&sender, now).await
        };
        match round {
            Ok(s) if s.sent + s.failed + s.manual > 0 => tracing::info!(
                sent = s.sent,
                failed = s.failed,
                manual = s.manual,
                "background mail"
            ),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "background work failed; trying again"),
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
