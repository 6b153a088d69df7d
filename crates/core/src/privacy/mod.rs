//! Privacy rules (GDPR, and the Swedish rules on public records that limit
//! erasure): when a review's respondents' identities are removed, what of a
//! person's data must be kept and why, and how personal data leaves an
//! audit entry while the entry itself stays.

pub mod notice;
pub mod secrecy;

use chrono::{Days, NaiveDate};

/// The tenant setting that holds [`RespondentRetention`].
pub const RETENTION_SETTING: &str = "respondent_retention";

/// How long respondents' names and addresses are kept after a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RespondentRetention {
    /// Until a case drafted from the review is decided: the report and the
    /// decision may need to be checked against who answered until then.
    #[default]
    UntilDecided,
    /// A number of days after the review closed.
    DaysAfterClose(u32),
}

impl RespondentRetention {
    /// `decided`, or a number of days.
    pub fn parse(s: &str) -> Option<RespondentRetention> {
        let s = s.trim();
        if s.is_empty() || s == "decided" {
            return Some(RespondentRetention::UntilDecided);
        }
        s.parse::<u32>()
            .ok()
            .filter(|d| *d <= 3650)
            .map(RespondentRetention::DaysAfterClose)
    }

    pub fn code(self) -> String {
        match self {
            RespondentRetention::UntilDecided => "decided".to_owned(),
            RespondentRetention::DaysAfterClose(d) => d.to_string(),
        }
    }
}

/// What the retention rule needs to know about a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewState {
    pub anonymous: bool,
    pub closes_on: NaiveDate,
    /// A case drafted from the review has been decided.
    pub decided: bool,
}

/// Whether the respondents' identities of a review are due for removal on
/// `today`. An anonymous review keeps none once it has closed: the names
/// and addresses were only there to send the links.
pub fn identities_due(review: ReviewState, rule: RespondentRetention, today: NaiveDate) -> bool {
    let closed = today > review.closes_on;
    if review.anonymous {
        return closed;
    }
    match rule {
        RespondentRetention::UntilDecided => closed && review.decided,
        RespondentRetention::DaysAfterClose(days) => review
            .closes_on
            .checked_add_days(Days::new(u64::from(days)))
            .is_some_and(|until| today > until),
    }
}

/// Why something stored about a person is kept when erasure is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeepReason {
    /// The person's name stands in a position or vote of a decided case: a
    /// public record that must be kept (Arkivlagen 1990:782, 3 §; GDPR art.
    /// 17.3 b).
    DecidedCase { case: String },
    /// The name stands in a case not yet decided: the position must be
    /// taken out of the case first (it is the body's business, not ours).
    OpenCase { case: String },
    /// A user account: the audit log must say who changed what.
    UserAccount,
}

impl KeepReason {
    pub fn code(&self) -> &'static str {
        match self {
            KeepReason::DecidedCase { .. } => "decided_case",
            KeepReason::OpenCase { .. } => "open_case",
            KeepReason::UserAccount => "user_account",
        }
    }

    pub fn explain(&self) -> String {
        match self {
            KeepReason::DecidedCase { case } => format!(
                "the person's name is part of decided case {case}, a public record that must be kept (Arkivlagen 3 §; GDPR art. 17.3 b); their e-mail address was removed"
            ),
            KeepReason::OpenCase { case } => format!(
                "the person is named in case {case}, which is not decided; take the position out of the case first, or erase again once it is decided and kept; their e-mail address was removed"
            ),
            KeepReason::UserAccount => "a user account is kept so the audit log can say who changed what; an admin can take away its access".to_owned(),
        }
    }
}

/// The keys of an audit entry's record that hold personal data.
pub const PERSONAL_KEYS: &[&str] = &[
    "name",
    "email",
    "to_addr",
    "owner",
    "owner_email",
    "party",
    "traveller",
];

/// Stands where removed personal data was.
pub const REMOVED: &str = "[removed]";

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn review(anonymous: bool, decided: bool) -> ReviewState {
        ReviewState {
            anonymous,
            closes_on: day("2026-03-31"),
            decided,
        }
    }

    #[test]
    fn identified_reviews_keep_names_until_the_case_is_decided() {
        let rule = RespondentRetention::UntilDecided;
        assert!(!identities_due(
            review(false, false),
            rule,
            day("2027-01-01")
        ));
        assert!(identities_due(review(false, true), rule, day("2026-04-01")));
    }

    #[test]
    fn anonymous_reviews_keep_no_names_after_closing() {
        let rule = RespondentRetention::UntilDecided;
        assert!(!identities_due(
            review(true, false),
            rule,
            day("2026-03-31")
        ));
        assert!(identities_due(review(true, false), rule, day("2026-04-01")));
    }

    #[test]
    fn a_number_of_days_counts_from_the_closing_day() {
        let rule = RespondentRetention::DaysAfterClose(30);
        assert!(!identities_due(
            review(false, true),
            rule,
            day("2026-04-30")
        ));
        assert!(identities_due(
            review(false, false),
            rule,
            day("2026-05-01")
        ));
    }

    #[test]
    fn the_rule_reads_back_from_its_setting() {
        assert_eq!(
            RespondentRetention::parse(""),
            Some(RespondentRetention::UntilDecided)
        );
        for r in [
            RespondentRetention::UntilDecided,
            RespondentRetention::DaysAfterClose(0),
            RespondentRetention::DaysAfterClose(90),
        ] {
            assert_eq!(RespondentRetention::parse(&r.code()), Some(r));
        }
        assert_eq!(RespondentRetention::parse("-3"), None);
        assert_eq!(RespondentRetention::parse("forever"), None);
    }
}
