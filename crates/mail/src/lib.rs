//! Outgoing mail. A [`Mailer`] sends through SMTP, writes to a folder, keeps
//! messages in memory (tests), or is absent — then the web app shows an
//! outbox for sending by hand. Message bodies carry personal links, so they
//! are never logged and never stored.

pub mod messages;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::{Arc, Mutex};

/// One message to one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// Plain SMTP (a local relay or a test server).
    None,
    /// STARTTLS on the submission port (587).
    StartTls,
    /// Implicit TLS (465).
    Tls,
}

impl Tls {
    pub fn parse(s: &str) -> Option<Tls> {
        match s {
            "none" => Some(Tls::None),
            "starttls" => Some(Tls::StartTls),
            "tls" => Some(Tls::Tls),
            _ => None,
        }
    }
}

/// SMTP settings; the password is kept out of `Debug`.
#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub user: Option<String>,
    pub password: Option<String>,
    pub from: String,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .field("from", &self.from)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address {0}")]
    Address(String),
    #[error("the mail server refused the message: {0}")]
    Rejected(String),
    #[error("mail could not be written: {0}")]
    Io(String),
}

#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// Writes each message as a `.eml` file (for inspection or a pickup folder).
    Folder {
        dir: std::path::PathBuf,
        from: Mailbox,
    },
    /// Keeps messages for tests to read.
    Memory(Arc<Mutex<Vec<Outgoing>>>),
    /// No mail configured: messages are listed in the outbox for sending by hand.
    Outbox,
}

impl Mailer {
    pub fn smtp(c: &SmtpConfig) -> Result<Mailer, MailError> {
        let builder = match c.tls {
            Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&c.host),
            Tls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&c.host)
                .map_err(|e| MailError::Rejected(e.to_string()))?,
            Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&c.host)
                .map_err(|e| MailError::Rejected(e.to_string()))?,
        };
        let mut builder = builder
            .port(c.port)
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let (Some(u), Some(p)) = (&c.user, &c.password) {
            builder = builder.credentials(Credentials::new(u.clone(), p.clone()));
        }
        let from = c
            .from
            .parse()
            .map_err(|_| MailError::Address(c.from.clone()))?;
        Ok(Mailer::Smtp {
            transport: builder.build(),
            from,
        })
    }

    pub fn memory() -> (Mailer, Arc<Mutex<Vec<Outgoing>>>) {
        let store = Arc::new(Mutex::new(Vec::new()));
        (Mailer::Memory(store.clone()), store)
    }

    /// Whether messages leave automatically (else the outbox is used).
    pub fn sends(&self) -> bool {
        !matches!(self, Mailer::Outbox)
    }

    fn build(from: &Mailbox, m: &Outgoing) -> Result<Message, MailError> {
        let to: Mailbox = m.to.parse().map_err(|_| MailError::Address(m.to.clone()))?;
        Message::builder()
            .from(from.clone())
            .to(to)
            .subject(m.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(m.body.clone())
            .map_err(|e| MailError::Rejected(e.to_string()))
    }

    pub async fn send(&self, m: &Outgoing) -> Result<(), MailError> {
        match self {
            Mailer::Smtp { transport, from } => {
                let msg = Self::build(from, m)?;
                transport
                    .send(msg)
                    .await
                    .map(|_| ())
                    .map_err(|e| MailError::Rejected(e.to_string()))
            }
            Mailer::Folder { dir, from } => {
                let msg = Self::build(from, m)?;
                std::fs::create_dir_all(dir).map_err(|e| MailError::Io(e.to_string()))?;
                let name = format!(
                    "{}-{}.eml",
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .unwrap_or_default()
                        .as_nanos(),
                    std::process::id()
                );
                std::fs::write(dir.join(name), msg.formatted())
                    .map_err(|e| MailError::Io(e.to_string()))
            }
            Mailer::Memory(store) => {
                let _: Mailbox = m.to.parse().map_err(|_| MailError::Address(m.to.clone()))?;
                store.lock().expect("mail store lock").push(m.clone());
                Ok(())
            }
            Mailer::Outbox => Err(MailError::Io("no mail transport configured".into())),
        }
    }
}
