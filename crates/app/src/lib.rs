//! Översyn's use cases: each loads what it needs from the store, hands it to
//! the core's rules, and saves, renders or sends the result. The web
//! handlers and the `oversyn` command call this crate and never each other;
//! it knows nothing of HTTP or of the command line.
//!
//! Dependencies point inwards: `web` and `cli` → `app` → `store`,
//! `documents`, `pdf`, `mail`, `import` → `core`.

pub mod analysis;
pub mod cases;
pub mod demo;
pub mod followup;
pub mod format;
pub mod jobs;
pub mod opendata;
pub mod privacy;
pub mod records;
pub mod register;
pub mod reviews;
pub mod sender;

pub use format::Format;
pub use register::snapshot;
pub use sender::Sender;
