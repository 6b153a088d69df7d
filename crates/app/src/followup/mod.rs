//! Follow-up use cases: actions derived from a decided case, notice
//! warnings, reminders before a due day, and the calendar.

pub mod calendar;
pub mod derive;
pub mod reminders;
pub(crate) mod report_links;
pub mod warnings;
