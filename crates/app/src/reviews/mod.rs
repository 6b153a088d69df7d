//! Review use cases: invitations and reminders to respondents.

pub mod mailing;
