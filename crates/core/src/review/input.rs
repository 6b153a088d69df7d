//! Creating a review round from what was typed, the rules a new review meets
//! before it is stored, and the check that a saved answer fits its question.
//! The store adds what needs the database: that the memberships and the
//! strategy are the tenant's, and which questions a review has.

use super::answers::Answer;
use super::questionnaire::QuestionKind;
use crate::validate::{self as v, FieldErrors};
use chrono::NaiveDate;

/// A review round before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReview {
    pub title: String,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub anonymous: bool,
    pub min_group: i64,
    pub reminder_max: i64,
    pub reminder_days: i64,
    pub illustrative: bool,
    pub memberships: Vec<i64>,
}

impl NewReview {
    /// The rules that need no database; an empty result means none broken.
    pub fn check(&self) -> FieldErrors {
        let mut e = FieldErrors::new();
        if self.memberships.is_empty() {
            e.add("memberships", "error-no-memberships");
        }
        e.check(
            "closes_on",
            v::period(Some(self.opens_on), Some(self.closes_on)),
        );
        e
    }
}

/// The new-review form as typed.
#[derive(Debug, Default)]
pub struct ReviewInput {
    pub title: String,
    pub opens_on: String,
    pub closes_on: String,
    pub anonymous: String,
    pub min_group: String,
    pub reminder_max: String,
    pub reminder_days: String,
    /// `default`, or the id of a review whose questions are copied.
    pub questions_from: String,
    pub memberships: Vec<String>,
}

fn small_number(s: &str, max: i64) -> Result<i64, &'static str> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=max).contains(n))
        .ok_or("error-number")
}

impl ReviewInput {
    /// Reads the posted pairs; `membership` repeats, one per checked box.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> ReviewInput {
        let mut r = ReviewInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "title" => r.title = v,
                "opens_on" => r.opens_on = v,
                "closes_on" => r.closes_on = v,
                "anonymous" => r.anonymous = v,
                "min_group" => r.min_group = v,
                "reminder_max" => r.reminder_max = v,
                "reminder_days" => r.reminder_days = v,
                "questions_from" => r.questions_from = v,
                "membership" => r.memberships.push(v),
                _ => {}
            }
        }
        r
    }

    /// Parses the form (dates, numbers, memberships) into a new review.
    pub fn parse(&self) -> Result<NewReview, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", v::name(&self.title));
        let opens = e.check(
            "opens_on",
            v::date(&self.opens_on).and_then(|d| d.ok_or("error-required")),
        );
        let closes = e.check(
            "closes_on",
            v::date(&self.closes_on).and_then(|d| d.ok_or("error-required")),
        );
        if let (Some(o), Some(c)) = (opens, closes) {
            e.check("closes_on", v::period(Some(o), Some(c)));
        }
        let min_group = e.check("min_group", small_number(&self.min_group, 50));
        let reminder_max = e.check("reminder_max", small_number(&self.reminder_max, 10));
        let reminder_days = e.check("reminder_days", small_number(&self.reminder_days, 90));
        let memberships: Vec<i64> = self
            .memberships
            .iter()
            .filter_map(|m| m.parse().ok())
            .collect();
        if memberships.is_empty() {
            e.add("memberships", "error-no-memberships");
        }
        e.into_result(|| NewReview {
            title: title.unwrap_or_default(),
            opens_on: opens.unwrap_or_default(),
            closes_on: closes.unwrap_or_default(),
            anonymous: matches!(self.anonymous.as_str(), "on" | "true"),
            min_group: min_group.unwrap_or(3),
            reminder_max: reminder_max.unwrap_or(2),
            reminder_days: reminder_days.unwrap_or(7),
            illustrative: false,
            memberships,
        })
    }
}

/// Checks an answer about to be saved for a question of `kind`; `None`
/// clears a saved answer and always fits.
pub fn check_answer(kind: QuestionKind, answer: Option<&Answer>) -> Result<(), &'static str> {
    if answer.is_none_or(|a| a.fits(kind)) {
        Ok(())
    } else {
        Err("error-choose")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input() -> ReviewInput {
        ReviewInput {
            title: "Översyn 2011".into(),
            opens_on: "2011-03-01".into(),
            closes_on: "2011-03-31".into(),
            min_group: "3".into(),
            reminder_max: "2".into(),
            reminder_days: "7".into(),
            memberships: vec!["4".into(), "x".into()],
            ..ReviewInput::default()
        }
    }

    #[test]
    fn a_review_form_parses() {
        let r = input().parse().unwrap();
        assert_eq!(r.memberships, vec![4]);
        assert!(!r.anonymous);
        assert!(r.check().is_empty());
    }

    #[test]
    fn review_form_errors() {
        let e = ReviewInput {
            closes_on: "2011-02-01".into(),
            min_group: "51".into(),
            reminder_days: "".into(),
            memberships: vec![],
            ..input()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("closes_on"), Some("error-end-before-start"));
        assert_eq!(e.get("min_group"), Some("error-number"));
        assert_eq!(e.get("reminder_days"), Some("error-number"));
        assert_eq!(e.get("memberships"), Some("error-no-memberships"));
        let e = ReviewInput {
            opens_on: "".into(),
            ..input()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("opens_on"), Some("error-required"));
    }

    #[test]
    fn a_stored_review_needs_memberships_and_ordered_dates() {
        let r = input().parse().unwrap();
        let bad = NewReview {
            memberships: vec![],
            closes_on: r.opens_on.pred_opt().unwrap(),
            ..r
        };
        let e = bad.check();
        assert_eq!(e.get("memberships"), Some("error-no-memberships"));
        assert_eq!(e.get("closes_on"), Some("error-end-before-start"));
        // The order the form shows them in.
        assert_eq!(e.0[0].field, "memberships");
    }

    #[test]
    fn answers_are_checked_against_the_question() {
        assert_eq!(check_answer(QuestionKind::Scale, None), Ok(()));
        assert_eq!(
            check_answer(QuestionKind::Scale, Some(&Answer::Scale(3))),
            Ok(())
        );
        assert_eq!(
            check_answer(QuestionKind::Text, Some(&Answer::Scale(3))),
            Err("error-choose")
        );
    }

    proptest! {
        #[test]
        fn stored_reviews_never_close_before_they_open(a in 0u64..2000, b in 0u64..2000) {
            let base = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
            let r = NewReview {
                opens_on: base + chrono::Days::new(a),
                closes_on: base + chrono::Days::new(b),
                ..input().parse().unwrap()
            };
            prop_assert_eq!(r.check().is_empty(), b >= a);
        }
    }
}
