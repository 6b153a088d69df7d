//! Follow-up: actions with their organisations and dates, events with the
//! journeys to them, and calendar feed links.

mod actions;
mod events;
mod feeds;

pub use actions::{ActionFields, StoredAction};
pub use events::{EventFields, Journey, StoredEvent};
