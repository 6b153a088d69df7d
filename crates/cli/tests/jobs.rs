//! Background work exactly once: two real `oversyn serve` instances on one
//! database (SQLite, and PostgreSQL when `OVERSYN_TEST_POSTGRES_URL` is
//! set) with a real SMTP server. Both find the same reminders due when they
//! start; each reminder must arrive exactly once, and one that the mail
//! server refuses at first must be retried and then arrive.

use chrono::{Days, Utc};
use oversyn_core::review::questionnaire::default_questionnaire;
use oversyn_store::Store;
use oversyn_store::audit::Actor;
use oversyn_store::reviews::{NewRespondent, NewReview};
use oversyn_store::testing::{ScratchDb, postgres_url};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const STEADY: usize = 30;
const FLAKY: usize = 5;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn has_aiosmtpd() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success())
}

async fn wait_for_port(port: u16) {
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("nothing listens on {port}");
}

/// An open review whose respondents were invited eight days ago and have
/// not answered: with a weekly reminder, every one of them is due.
async fn set_up(store: &Store) -> Vec<String> {
    let demo = store.load_demo().await.expect("demo loads");
    let actor = Actor {
        tenant_id: demo.tenant_id,
        user_id: None,
        label: "job test".into(),
    };
    let old = store
        .reviews(demo.tenant_id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.illustrative)
        .expect("the demo review");
    let memberships = store.review_memberships(old.id).await.unwrap();
    let strategy = store.current_strategy(&actor).await.unwrap();
    let today = Utc::now().date_naive();
    let review = store
        .create_review(
            &actor,
            strategy.id,
            &NewReview {
                title: "Påminnelser".into(),
                opens_on: today - Days::new(10),
                closes_on: today + Days::new(10),
                anonymous: false,
                min_group: 3,
                reminder_max: 2,
                reminder_days: 7,
                illustrative: false,
                memberships: memberships.clone(),
            },
            &default_questionnaire(&strategy.strategy),
        )
        .await
        .unwrap();
    let mut addresses = Vec::new();
    for i in 0..STEADY + FLAKY {
        let email = if i < STEADY {
            format!("steady{i}@example.org")
        } else {
            format!("flaky{i}@example.org")
        };
        store
            .add_respondent(
                &actor,
                review.id,
                &NewRespondent {
                    person_id: None,
                    name: format!("Respondent {i}"),
                    email: Some(email.clone()),
                    lang: "sv".into(),
                    memberships: vec![memberships[i % memberships.len()]],
                },
            )
            .await
            .unwrap();
        addresses.push(email);
    }
    let invited = (Utc::now() - chrono::Duration::days(8))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    store
        .try_raw(&format!(
            "UPDATE respondents SET invited_at = '{invited}', last_contact_at = '{invited}' WHERE review_id = {}",
            review.id
        ))
        .await
        .unwrap();
    addresses
}

fn serve(url: &str, dir: &std::path::Path, smtp: u16) -> (Running, u16) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_oversyn"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .args(["--database-url", url])
        .arg("--data-dir")
        .arg(dir)
        .args(["--smtp-host", "127.0.0.1", "--smtp-port", &smtp.to_string()])
        .args([
            "--smtp-tls",
            "none",
            "--mail-from",
            "Översyn <oversyn@example.org>",
        ])
        .args(["--retry-seconds", "1", "--job-poll-seconds", "1"])
        .env("RUST_LOG", "error")
        .env("RUST_BACKTRACE", "0")
        .env_remove("OVERSYN_DATABASE_URL")
        .env_remove("OVERSYN_MAIL_DIR")
        .stdout(Stdio::null())
        .spawn()
        .expect("oversyn serve starts");
    (Running(child), port)
}

/// How often each address appears after `event` in the log.
fn counts(log: &str, event: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for line in log.lines() {
        if let Some(address) = line.strip_prefix(event) {
            *out.entry(address.trim().to_owned()).or_default() += 1;
        }
    }
    out
}

async fn two_instances_send_each_reminder_once(db: ScratchDb) {
    let store = db.open().await.unwrap();
    let addresses = set_up(&store).await;
    let dir = std::env::temp_dir().join(format!("oversyn-jobs-{}", free_port()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("smtp.log");
    let smtp_port = free_port();
    let _smtp = Running(
        Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py"))
            .arg(smtp_port.to_string())
            .arg(&log)
            .stdout(Stdio::null())
            .spawn()
            .expect("the SMTP server starts"),
    );
    wait_for_port(smtp_port).await;
    // Both start at once, so both run the schedule at once.
    let (_a, port_a) = serve(&db.url, &dir, smtp_port);
    let (_b, port_b) = serve(&db.url, &dir, smtp_port);
    wait_for_port(port_a).await;
    wait_for_port(port_b).await;

    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let received = std::fs::read_to_string(&log).unwrap_or_default();
        if counts(&received, "DELIVERED").len() == addresses.len() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "not every reminder arrived: {received}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Several more polls of both instances: nothing may arrive twice.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let received = std::fs::read_to_string(&log).unwrap();
    let delivered = counts(&received, "DELIVERED");
    let refused = counts(&received, "REFUSED");
    for a in &addresses {
        assert_eq!(delivered.get(a), Some(&1), "{a} in {received}");
        let expect_refused = usize::from(a.starts_with("flaky"));
        assert_eq!(refused.get(a).copied().unwrap_or(0), expect_refused, "{a}");
    }
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM respondents WHERE reminders_sent = 1")
            .await
            .unwrap(),
        addresses.len() as i64
    );
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM mail_messages WHERE kind = 'reminder' AND status = 'sent'")
            .await
            .unwrap(),
        addresses.len() as i64
    );
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM mail_messages WHERE status = 'failed'")
            .await
            .unwrap(),
        FLAKY as i64,
        "each refusal is in the mail log"
    );
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM jobs WHERE status <> 'done'")
            .await
            .unwrap(),
        0
    );
    // The day's retention is one job per tenant across both instances; it
    // removed the demo's respondents (their case is decided) once.
    let tenants = store.count("SELECT COUNT(*) FROM tenants").await.unwrap();
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM jobs WHERE kind = 'retention'")
            .await
            .unwrap(),
        tenants
    );
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'remove_identities'")
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM respondents r JOIN reviews v ON v.id = r.review_id WHERE v.illustrative = 1 AND (r.name <> '' OR r.identity_removed_at IS NULL)")
            .await
            .unwrap(),
        0,
        "the demo review's respondents have no names left"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn each_due_reminder_is_delivered_once_by_two_instances() {
    if !has_aiosmtpd() {
        eprintln!(
            "SKIPPED: python3 module aiosmtpd is missing (pip install aiosmtpd; scripts/test installs it)"
        );
        return;
    }
    two_instances_send_each_reminder_once(ScratchDb::sqlite()).await;
    match postgres_url() {
        Some(url) => {
            two_instances_send_each_reminder_once(ScratchDb::postgres(&url).await.unwrap()).await
        }
        None => eprintln!("PostgreSQL leg SKIPPED: OVERSYN_TEST_POSTGRES_URL is not set"),
    }
}
