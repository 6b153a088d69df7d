//! Follow-up: actions with their organisations and dates, events with the
//! journeys to them, and calendar feed links.

mod actions;
mod events;
mod feeds;
mod intake;
mod reports;

pub use actions::StoredAction;
pub use events::{Journey, StoredEvent};
pub use intake::StoredIntake;
// The fields and their rules live in core; named here too so callers of
// the store need not know where.
pub use oversyn_core::followup::input::{ActionFields, EventFields, IntakeFields};
pub use reports::{OutcomeReport, ReportAnswer};
