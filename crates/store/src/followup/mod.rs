//! Follow-up: actions with their organisations and dates, events with the
//! journeys to them, and calendar feed links.

mod actions;
mod events;
mod feeds;
mod intake;
mod reports;

pub use actions::{ActionFields, StoredAction};
pub use events::{EventFields, Journey, StoredEvent};
pub use intake::{IntakeFields, StoredIntake};
pub use reports::{OutcomeReport, ReportAnswer};
