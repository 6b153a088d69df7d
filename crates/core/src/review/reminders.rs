//! When a respondent who has not answered gets a reminder: never after they
//! submitted, never more than the cap, and — on the schedule — only when the
//! interval since the last message has passed.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy)]
pub struct ReminderState {
    pub invited: bool,
    pub submitted: bool,
    pub reminders_sent: i64,
    pub last_contact: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy)]
pub struct ReminderPolicy {
    /// At most this many reminders per respondent.
    pub max: i64,
    pub interval_days: i64,
}

/// Whether the schedule sends a reminder now.
pub fn due(s: ReminderState, p: ReminderPolicy, now: DateTime<Utc>) -> bool {
    allowed(s, p)
        && s.last_contact
            .is_none_or(|t| now - t >= chrono::Duration::days(p.interval_days.max(0)))
}

/// Whether a manual "remind now" may send one (the cap still holds).
pub fn allowed(s: ReminderState, p: ReminderPolicy) -> bool {
    s.invited && !s.submitted && s.reminders_sent < p.max
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_300_000_000 + day * 86_400, 0).unwrap()
    }

    #[test]
    fn reminders_follow_the_schedule_and_the_cap() {
        let p = ReminderPolicy {
            max: 2,
            interval_days: 7,
        };
        let mut s = ReminderState {
            invited: true,
            submitted: false,
            reminders_sent: 0,
            last_contact: Some(at(0)),
        };
        assert!(!due(s, p, at(6)));
        assert!(due(s, p, at(7)));
        s.reminders_sent = 2;
        assert!(!due(s, p, at(30)), "the cap holds");
        assert!(!allowed(s, p));
        s.reminders_sent = 0;
        s.submitted = true;
        assert!(!due(s, p, at(30)), "no reminder after answering");
        s.submitted = false;
        s.invited = false;
        assert!(!due(s, p, at(30)), "no reminder before an invitation");
    }

    proptest! {
        #[test]
        fn never_beyond_the_cap(sent in 0i64..10, max in 0i64..5, day in 0i64..100) {
            let s = ReminderState { invited: true, submitted: false, reminders_sent: sent, last_contact: Some(at(0)) };
            let p = ReminderPolicy { max, interval_days: 7 };
            if sent >= max { prop_assert!(!due(s, p, at(day))); }
        }
    }
}
