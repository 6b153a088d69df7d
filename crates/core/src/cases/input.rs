//! The position and decision forms of a case page as typed, and their
//! parsing into a [`Position`] or a [`Decision`]. What depends on the case
//! itself (its route, earlier positions, being locked) is checked by
//! [`Case::admit_position`](super::Case::admit_position) and
//! [`Case::admit_decision`](super::Case::admit_decision).

use super::text::{persons_from_text, points_from_text};
use super::{Adopted, Decision, DecisionKind, Position, PositionKind, votes};
use crate::codes::Code;
use crate::validate::FieldErrors;
use chrono::NaiveDate;
use serde::Deserialize;

/// What the position form holds as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PositionInput {
    pub body: String,
    pub kind: String,
    pub persons: String,
    pub refers_to: String,
    pub points: String,
    pub text: String,
    /// A motion's seconders, as the persons: "Anna Ek (S), Bo Berg (S)".
    pub seconded_by: String,
}

impl PositionInput {
    /// The position, not yet numbered: the case gives it its `seq`.
    pub fn parse(&self) -> Result<Position, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = PositionKind::parse(&self.kind);
        if kind.is_none() {
            e.add("kind", "error-choose");
        }
        let refers_to = match self.refers_to.trim() {
            "" => None,
            r => {
                let n = r.parse().ok();
                if n.is_none() {
                    e.add("refers_to", "error-choose");
                }
                n
            }
        };
        e.into_result(|| Position {
            seq: 0,
            body: self.body.trim().to_owned(),
            kind: kind.unwrap_or(PositionKind::Reservation),
            persons: persons_from_text(&self.persons),
            refers_to,
            points: points_from_text(&self.points),
            text: self.text.trim().to_owned(),
            seconded_by: persons_from_text(&self.seconded_by),
        })
    }
}

/// What the decision form holds as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    pub body: String,
    /// `proposal`, or `position:<seq>` for a reservation's counter-proposal.
    pub adopted: String,
    pub decided_on: String,
    pub votes_for: String,
    pub votes_against: String,
    pub abstentions: String,
    /// "12" or "§ 12".
    pub paragraph: String,
    pub adjusted_on: String,
    pub published_on: String,
    /// adopted, adopted_with_amendments, rejected, referred_back, tabled,
    /// recommended or advised_against; empty is adopted.
    pub kind: String,
    pub absent: String,
    /// One member a line: "Anna Ek (S): ja".
    pub roll_call: String,
}

impl DecisionInput {
    pub fn parse(&self) -> Result<Decision, FieldErrors> {
        let mut e = FieldErrors::new();
        let adopted = match self.adopted.as_str() {
            "proposal" => Some(Adopted::Proposal),
            other => other
                .strip_prefix("position:")
                .and_then(|n| n.parse().ok())
                .map(Adopted::Position),
        };
        if adopted.is_none() {
            e.add("adopted", "error-choose");
        }
        let decided_on = NaiveDate::parse_from_str(self.decided_on.trim(), "%Y-%m-%d").ok();
        if decided_on.is_none() {
            e.add("decided_on", "error-date");
        }
        // Votes are often not counted (decided by acclamation), so empty is fine.
        let mut count = |field: &str, v: &str| match v.trim() {
            "" => None,
            v => {
                let n = v.parse().ok();
                if n.is_none() {
                    e.add(field, "error-number");
                }
                n
            }
        };
        let votes_for = count("votes_for", &self.votes_for);
        let votes_against = count("votes_against", &self.votes_against);
        let abstentions = count("abstentions", &self.abstentions);
        let absent = count("absent", &self.absent);
        let kind = match self.kind.trim() {
            "" => Some(DecisionKind::Adopted),
            k => DecisionKind::parse(k),
        };
        if kind.is_none() {
            e.add("kind", "error-choose");
        }
        let roll_call = votes::roll_call_from_text(&self.roll_call).unwrap_or_else(|_| {
            e.add("roll_call", "error-case-roll-call");
            Vec::new()
        });
        let mut day = |field: &str, v: &str| match crate::validate::date(v) {
            Ok(d) => d,
            Err(k) => {
                e.add(field, k);
                None
            }
        };
        let adjusted_on = day("adjusted_on", &self.adjusted_on);
        let published_on = day("published_on", &self.published_on);
        let paragraph = self.paragraph.trim().trim_start_matches('§').trim();
        let mut d = Decision {
            body: self.body.trim().to_owned(),
            kind: kind.unwrap_or_default(),
            adopted: adopted.unwrap_or(Adopted::Proposal),
            decided_on: decided_on.unwrap_or_default(),
            votes_for,
            votes_against,
            abstentions,
            absent,
            votes: None,
            roll_call,
            date_illustrative: false,
            paragraph: (!paragraph.is_empty()).then(|| paragraph.to_owned()),
            adjusted_on,
            published_on,
            legal_force_on: None,
        };
        votes::settle(&mut d, &mut e);
        if decided_on.is_some() {
            d.check_days(&mut e);
        }
        e.into_result(|| d.with_legal_force())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_reservation_with_counter_points() {
        let p = PositionInput {
            body: " Kommunstyrelsen ".into(),
            kind: "reservation".into(),
            persons: "Anna Svensson (S)".into(),
            points: "1. Avslå förslaget.".into(),
            refers_to: " 0 ".into(),
            text: "".into(),
            seconded_by: String::new(),
        }
        .parse()
        .unwrap();
        assert_eq!(p.body, "Kommunstyrelsen");
        assert_eq!(p.kind, PositionKind::Reservation);
        assert_eq!(p.persons.len(), 1);
        assert_eq!(p.points.len(), 1);
        assert_eq!(p.refers_to, Some(0));
    }

    #[test]
    fn position_errors() {
        let e = PositionInput {
            kind: "veto".into(),
            refers_to: "first".into(),
            ..PositionInput::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("kind"), Some("error-choose"));
        assert_eq!(e.get("refers_to"), Some("error-choose"));
    }

    fn decision() -> DecisionInput {
        DecisionInput {
            body: "Kommunfullmäktige".into(),
            adopted: "proposal".into(),
            decided_on: "2011-11-24".into(),
            ..DecisionInput::default()
        }
    }

    #[test]
    fn a_decision_by_acclamation_has_no_votes() {
        let d = decision().parse().unwrap();
        assert_eq!(d.adopted, Adopted::Proposal);
        assert_eq!(d.votes_for, None);
        let d = DecisionInput {
            adopted: "position:2".into(),
            votes_for: "61".into(),
            ..decision()
        }
        .parse()
        .unwrap();
        assert_eq!(d.adopted, Adopted::Position(2));
        assert_eq!(d.votes_for, Some(61));
    }

    #[test]
    fn decision_errors() {
        let e = DecisionInput {
            adopted: "position:".into(),
            decided_on: "".into(),
            votes_against: "many".into(),
            abstentions: "-1".into(),
            ..decision()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("adopted"), Some("error-choose"));
        assert_eq!(e.get("decided_on"), Some("error-date"));
        assert_eq!(e.get("votes_against"), Some("error-number"));
        assert_eq!(e.get("abstentions"), Some("error-number"));
    }

    #[test]
    fn the_minutes_days_come_in_order_and_give_the_legal_force() {
        let d = DecisionInput {
            paragraph: " § 112 ".into(),
            adjusted_on: "2011-11-28".into(),
            published_on: "2011-11-29".into(),
            ..decision()
        }
        .parse()
        .unwrap();
        assert_eq!(d.paragraph.as_deref(), Some("112"));
        // Three weeks from Tuesday 29 November is Tuesday 20 December.
        assert_eq!(d.legal_force_on, NaiveDate::from_ymd_opt(2011, 12, 21));
        for (adjusted, published, field, key) in [
            (
                "2011-11-23",
                "",
                "adjusted_on",
                "error-case-adjusted-before-meeting",
            ),
            (
                "",
                "2011-11-29",
                "published_on",
                "error-case-published-unadjusted",
            ),
            (
                "2011-11-28",
                "2011-11-25",
                "published_on",
                "error-case-published-before-adjusted",
            ),
            ("28/11/2011", "", "adjusted_on", "error-date"),
        ] {
            let e = DecisionInput {
                adjusted_on: adjusted.into(),
                published_on: published.into(),
                ..decision()
            }
            .parse()
            .unwrap_err();
            assert_eq!(e.get(field), Some(key), "{adjusted} {published}");
        }
    }

    proptest! {
        #[test]
        fn adopted_accepts_only_the_two_forms(raw in "\\PC{0,14}") {
            let r = DecisionInput { adopted: raw.clone(), ..decision() }.parse();
            let expected = raw == "proposal"
                || raw.strip_prefix("position:").is_some_and(|n| n.parse::<u32>().is_ok());
            prop_assert_eq!(r.is_ok(), expected);
        }
    }
}
