//! Background work's rules: what happens to a job after a failed attempt.
//! The engine (claims with leases on the database) is in the store; the
//! work itself in the app layer.

use chrono::{DateTime, Duration, Utc};

/// Attempts before a job is given up and shown to the admin as failed.
pub const MAX_ATTEMPTS: i64 = 6;

/// How long a claim holds before another instance may take the job over.
/// Longer than the slowest attempt (an SMTP delivery times out after 20 s),
/// so a live instance is never overtaken; short enough that a killed
/// instance's work resumes within minutes.
pub const LEASE: Duration = Duration::seconds(120);

/// The status a job is stored with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobStatus {
    /// Waiting for its `run_at`.
    Queued,
    /// Claimed by an instance until its lease ends.
    Running,
    Done,
    /// Gave up after [`MAX_ATTEMPTS`]; an admin may queue it again.
    Failed,
}

impl JobStatus {
    pub fn code(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<JobStatus> {
        Some(match s {
            "queued" => JobStatus::Queued,
            "running" => JobStatus::Running,
            "done" => JobStatus::Done,
            "failed" => JobStatus::Failed,
            _ => return None,
        })
    }
}

/// The wait before attempt `attempts + 1`, after `attempts` failed ones:
/// `base`, then four times longer each time, capped at six hours, so a
/// mail server that is down for an afternoon is retried through it
/// without being hammered.
pub fn backoff(attempts: i64, base: Duration) -> Duration {
    let cap = Duration::hours(6);
    let exp = u32::try_from(attempts.clamp(1, 16) - 1).unwrap_or(0);
    let factor = 4_i32.checked_pow(exp).unwrap_or(i32::MAX);
    base.checked_mul(factor).map_or(cap, |d| d.min(cap))
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    RetryAt(DateTime<Utc>),
    GiveUp,
}

/// After the `attempts`-th attempt failed at `now`.
pub fn after_failure(
    attempts: i64,
    max_attempts: i64,
    now: DateTime<Utc>,
    base: Duration,
) -> AfterFailure {
    if attempts >= max_attempts {
        AfterFailure::GiveUp
    } else {
        AfterFailure::RetryAt(now + backoff(attempts, base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn waits_grow_four_times_from_the_base() {
        let base = Duration::seconds(30);
        assert_eq!(backoff(1, base), Duration::seconds(30));
        assert_eq!(backoff(2, base), Duration::minutes(2));
        assert_eq!(backoff(3, base), Duration::minutes(8));
        assert_eq!(backoff(4, base), Duration::minutes(32));
        assert_eq!(backoff(9, base), Duration::hours(6));
    }

    #[test]
    fn the_last_attempt_gives_up() {
        let now = Utc::now();
        let base = Duration::seconds(30);
        assert_eq!(
            after_failure(1, 3, now, base),
            AfterFailure::RetryAt(now + base)
        );
        assert_eq!(after_failure(3, 3, now, base), AfterFailure::GiveUp);
    }

    #[test]
    fn statuses_read_back() {
        for s in [
            JobStatus::Queued,
            JobStatus::Running,
            JobStatus::Done,
            JobStatus::Failed,
        ] {
            assert_eq!(JobStatus::parse(s.code()), Some(s));
        }
        assert_eq!(JobStatus::parse("lost"), None);
    }

    proptest! {
        #[test]
        fn waits_never_shrink_and_stay_capped(a in 0_i64..100, secs in 1_i64..3600) {
            let base = Duration::seconds(secs);
            prop_assert!(backoff(a + 1, base) >= backoff(a, base));
            prop_assert!(backoff(a, base) <= Duration::hours(6));
            prop_assert!(backoff(a, base) >= base.min(Duration::hours(6)));
        }
    }
}
