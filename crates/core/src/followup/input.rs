//! What is entered for follow-up — actions, events, journeys and intake
//! requests — and the rules it must meet before it is stored. The store
//! only adds what needs the database: that the organisations, cases and
//! persons named exist in the tenant.

use super::travel::Mode;
use super::{ActionKind, ActionStatus};
use crate::codes::Code;
use crate::validate::{self as v, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What is written for an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionFields {
    pub case_id: Option<i64>,
    pub point: Option<u32>,
    pub kind: ActionKind,
    pub title: String,
    pub owner: String,
    pub owner_email: Option<String>,
    pub due: Option<NaiveDate>,
    pub effective: Option<NaiveDate>,
    pub status: ActionStatus,
    pub done_on: Option<NaiveDate>,
    pub notes: String,
    pub organisation_ids: Vec<i64>,
}

impl ActionFields {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.check("title", v::name(&self.title));
        // These kinds act on the register, so without organisations they would do nothing.
        if self.organisation_ids.is_empty()
            && matches!(
                self.kind,
                ActionKind::TerminateMembership | ActionKind::ResignBoardSeats | ActionKind::Join
            )
        {
            e.add("organisation_ids", "error-required");
        }
        // The day it was done is the evidence, and resigned seats end on it.
        if self.status == ActionStatus::Done && self.done_on.is_none() {
            e.add("done_on", "error-required");
        }
        e.into_result(|| ())
    }
}

/// The action form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActionInput {
    pub kind: String,
    pub title: String,
    pub owner: String,
    pub owner_email: String,
    pub due: String,
    pub effective: String,
    pub status: String,
    pub done_on: String,
    pub notes: String,
    pub organisations: Vec<String>,
    pub version: String,
    pub case_id: String,
    pub point: String,
}

impl ActionInput {
    /// Reads the form's pairs; `organisation` repeats, once per ticked box.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> ActionInput {
        let mut a = ActionInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "kind" => a.kind = v,
                "title" => a.title = v,
                "owner" => a.owner = v,
                "owner_email" => a.owner_email = v,
                "due" => a.due = v,
                "effective" => a.effective = v,
                "status" => a.status = v,
                "done_on" => a.done_on = v,
                "notes" => a.notes = v,
                "organisation" => a.organisations.push(v),
                "version" => a.version = v,
                "case_id" => a.case_id = v,
                "point" => a.point = v,
                _ => {}
            }
        }
        a
    }

    pub fn has_org(&self, id: &i64) -> bool {
        self.organisations.contains(&id.to_string())
    }

    pub fn parse(&self) -> Result<ActionFields, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut date = |field: &str, v: &str| match v.trim() {
            "" => None,
            v => {
                let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
                if d.is_none() {
                    e.add(field, "error-date");
                }
                d
            }
        };
        let due = date("due", &self.due);
        let effective = date("effective", &self.effective);
        let done_on = date("done_on", &self.done_on);
        let kind = ActionKind::parse(&self.kind);
        if kind.is_none() {
            e.add("kind", "error-choose");
        }
        let status = ActionStatus::parse(&self.status);
        if status.is_none() {
            e.add("status", "error-choose");
        }
        let email = self.owner_email.trim();
        if !email.is_empty() && v::email(email).is_err() {
            e.add("owner_email", "error-email");
        }
        let fields = ActionFields {
            case_id: self.case_id.parse().ok(),
            point: self.point.parse().ok(),
            kind: kind.unwrap_or(ActionKind::Commission),
            title: self.title.trim().to_owned(),
            owner: self.owner.trim().to_owned(),
            owner_email: (!email.is_empty()).then(|| email.to_owned()),
            due,
            effective,
            status: status.unwrap_or(ActionStatus::Planned),
            done_on,
            notes: self.notes.trim().to_owned(),
            organisation_ids: self
                .organisations
                .iter()
                .filter_map(|o| o.parse().ok())
                .collect(),
        };
        if let Err(more) = fields.validate() {
            e.0.extend(more.0);
        }
        e.into_result(|| fields)
    }
}

pub const EVENT_KINDS: &[&str] = &["congress", "board_meeting", "meeting", "conference"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventFields {
    pub organisation_id: i64,
    /// One of [`EVENT_KINDS`].
    pub kind: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub place: String,
    pub remote: bool,
    pub stream_url: Option<String>,
    pub public: bool,
    pub notes: String,
}

impl EventFields {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.check("title", v::name(&self.title));
        if !EVENT_KINDS.contains(&self.kind.as_str()) {
            e.add("kind", "error-choose");
        }
        if self.ends_on < self.starts_on {
            e.add("ends_on", "error-date-order");
        }
        // The link is shown on the public page, so it must never run script.
        if let Some(u) = &self.stream_url
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            e.add("stream_url", "error-url");
        }
        e.into_result(|| ())
    }
}

/// The event form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventInput {
    pub organisation_id: String,
    pub kind: String,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
    pub remote: String,
    pub stream_url: String,
    pub public: String,
    pub notes: String,
}

impl EventInput {
    pub fn parse(&self) -> Result<EventFields, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut date = |field: &str, v: &str| {
            let d = NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
            if d.is_none() {
                e.add(field, "error-date");
            }
            d
        };
        let starts_on = date("starts_on", &self.starts_on);
        // A one-day event need not repeat its date.
        let ends_on = match self.ends_on.trim() {
            "" => starts_on,
            v => date("ends_on", v),
        };
        let organisation_id = self.organisation_id.parse().ok();
        if organisation_id.is_none() {
            e.add("organisation_id", "error-choose");
        }
        let stream = self.stream_url.trim();
        let fields = EventFields {
            organisation_id: organisation_id.unwrap_or(0),
            kind: self.kind.clone(),
            title: self.title.trim().to_owned(),
            starts_on: starts_on.unwrap_or_default(),
            ends_on: ends_on.unwrap_or_default(),
            place: self.place.trim().to_owned(),
            remote: !self.remote.is_empty(),
            stream_url: (!stream.is_empty()).then(|| stream.to_owned()),
            public: !self.public.is_empty(),
            notes: self.notes.trim().to_owned(),
        };
        // Placeholder dates would make the order check speak nonsense.
        if e.is_empty()
            && let Err(more) = fields.validate()
        {
            e.0.extend(more.0);
        }
        e.into_result(|| fields)
    }
}

/// The journey form as typed: one trip, optionally there and back.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct JourneyInput {
    pub person_id: String,
    pub traveller: String,
    pub mode: String,
    pub from_place: String,
    pub to_place: String,
    pub distance_km: String,
    pub return_trip: String,
}

/// One leg of a parsed journey; the traveller is named by the caller, who
/// may have to look up the person chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leg {
    pub mode: Mode,
    pub from_place: String,
    pub to_place: String,
    pub distance_km: u32,
}

impl JourneyInput {
    pub fn person_id(&self) -> Option<i64> {
        self.person_id.parse().ok()
    }

    /// The legs to store: the trip, and the way back when it was ticked.
    /// Names and distance bounds are checked per leg by [`check_journey`].
    pub fn parse(&self) -> Result<Vec<Leg>, FieldErrors> {
        let mut e = FieldErrors::new();
        let mode = Mode::parse(&self.mode);
        if mode.is_none() {
            e.add("mode", "error-choose");
        }
        let km: Option<u32> = self.distance_km.trim().parse().ok();
        if km.is_none() {
            e.add("distance_km", "error-number");
        }
        e.into_result(|| {
            let out = Leg {
                mode: mode.unwrap_or(Mode::Flight),
                from_place: self.from_place.clone(),
                to_place: self.to_place.clone(),
                distance_km: km.unwrap_or(0),
            };
            let mut legs = vec![out.clone()];
            if !self.return_trip.is_empty() {
                legs.push(Leg {
                    from_place: out.to_place.clone(),
                    to_place: out.from_place.clone(),
                    ..out
                });
            }
            legs
        })
    }
}

/// The longest single leg accepted: once round the earth.
pub const MAX_LEG_KM: u32 = 40_000;

/// Checks one leg of a journey as it is about to be stored.
pub fn check_journey(
    traveller: &str,
    from_place: &str,
    to_place: &str,
    distance_km: u32,
) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    e.check("traveller", v::name(traveller));
    e.check("from_place", v::name(from_place));
    e.check("to_place", v::name(to_place));
    if distance_km == 0 || distance_km > MAX_LEG_KM {
        e.add("distance_km", "error-number");
    }
    e.into_result(|| ())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntakeFields {
    pub title: String,
    /// Who asks: a department, another city, a region.
    pub requester: String,
    /// `join` (a network) or `cooperation`.
    pub kind: String,
    pub organisation_name: String,
    pub description: String,
    /// Per criterion of the strategy, 1–5 or not scored.
    pub scores: Vec<Option<u8>>,
    pub geography_reason: bool,
}

impl IntakeFields {
    /// Reads the intake form: `score0`, `score1`, … per criterion; a score
    /// outside 1–5 counts as not scored rather than as an error.
    pub fn from_pairs(pairs: &[(String, String)], criteria: usize) -> IntakeFields {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let scores = (0..criteria)
            .map(|i| {
                get(&format!("score{i}"))
                    .parse()
                    .ok()
                    .filter(|v| (1..=5).contains(v))
            })
            .collect();
        IntakeFields {
            title: get("title"),
            requester: get("requester"),
            kind: get("kind"),
            organisation_name: get("organisation_name"),
            description: get("description"),
            scores,
            geography_reason: !get("geography_reason").is_empty(),
        }
    }

    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.check("title", v::name(&self.title));
        e.check("requester", v::name(&self.requester));
        if !matches!(self.kind.as_str(), "join" | "cooperation") {
            e.add("kind", "error-choose");
        }
        e.into_result(|| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn action() -> ActionInput {
        ActionInput {
            kind: "terminate_membership".into(),
            title: "Säg upp medlemskapet".into(),
            status: "planned".into(),
            organisations: vec!["7".into()],
            ..ActionInput::default()
        }
    }

    #[test]
    fn an_action_parses_into_fields() {
        let f = ActionInput {
            due: "2012-03-01".into(),
            owner_email: " anna@stockholm.se ".into(),
            case_id: "4".into(),
            ..action()
        }
        .parse()
        .unwrap();
        assert_eq!(f.kind, ActionKind::TerminateMembership);
        assert_eq!(f.organisation_ids, vec![7]);
        assert_eq!(f.due, NaiveDate::from_ymd_opt(2012, 3, 1));
        assert_eq!(f.owner_email.as_deref(), Some("anna@stockholm.se"));
        assert_eq!(f.case_id, Some(4));
    }

    #[test]
    fn action_form_errors_name_their_fields() {
        let e = ActionInput {
            kind: "dance".into(),
            status: "".into(),
            due: "1 mars".into(),
            owner_email: "anna".into(),
            title: " ".into(),
            ..action()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("kind"), Some("error-choose"));
        assert_eq!(e.get("status"), Some("error-choose"));
        assert_eq!(e.get("due"), Some("error-date"));
        assert_eq!(e.get("owner_email"), Some("error-email"));
        assert_eq!(e.get("title"), Some("error-required"));
    }

    #[test]
    fn register_actions_need_organisations() {
        for kind in ["terminate_membership", "resign_board_seats", "join"] {
            let e = ActionInput {
                kind: kind.into(),
                organisations: vec![],
                ..action()
            }
            .parse()
            .unwrap_err();
            assert_eq!(e.get("organisation_ids"), Some("error-required"), "{kind}");
        }
        let notify = ActionInput {
            kind: "notify".into(),
            organisations: vec![],
            ..action()
        };
        assert!(notify.parse().is_ok());
    }

    #[test]
    fn done_needs_the_day_it_was_done() {
        let done = ActionInput {
            status: "done".into(),
            ..action()
        };
        assert_eq!(
            done.parse().unwrap_err().get("done_on"),
            Some("error-required")
        );
        let dated = ActionInput {
            done_on: "2012-02-01".into(),
            ..done
        };
        assert!(dated.parse().is_ok());
    }

    #[test]
    fn organisations_come_from_repeated_pairs() {
        let a = ActionInput::from_pairs(vec![
            ("organisation".into(), "3".into()),
            ("organisation".into(), "5".into()),
            ("title".into(), "x".into()),
        ]);
        assert!(a.has_org(&3) && a.has_org(&5) && !a.has_org(&4));
        assert_eq!(a.title, "x");
    }

    fn event() -> EventInput {
        EventInput {
            organisation_id: "2".into(),
            kind: "congress".into(),
            title: "Årsmöte".into(),
            starts_on: "2012-05-10".into(),
            ..EventInput::default()
        }
    }

    #[test]
    fn a_one_day_event_ends_when_it_starts() {
        let f = event().parse().unwrap();
        assert_eq!(f.ends_on, f.starts_on);
        assert_eq!(f.stream_url, None);
    }

    #[test]
    fn event_rules() {
        let e = EventInput {
            ends_on: "2012-05-09".into(),
            kind: "party".into(),
            stream_url: "javascript:alert(1)".into(),
            ..event()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("ends_on"), Some("error-date-order"));
        assert_eq!(e.get("kind"), Some("error-choose"));
        assert_eq!(e.get("stream_url"), Some("error-url"));
    }

    #[test]
    fn bad_event_dates_stop_before_the_field_rules() {
        let e = EventInput {
            starts_on: "maj".into(),
            organisation_id: "x".into(),
            title: "".into(),
            ..event()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("starts_on"), Some("error-date"));
        assert_eq!(e.get("organisation_id"), Some("error-choose"));
        assert_eq!(e.get("title"), None);
    }

    #[test]
    fn journeys() {
        assert!(check_journey("Anna", "Stockholm", "Bryssel", 1300).is_ok());
        let e = check_journey(" ", "", "Bryssel", 0).unwrap_err();
        assert_eq!(e.get("traveller"), Some("error-required"));
        assert_eq!(e.get("from_place"), Some("error-required"));
        assert_eq!(e.get("distance_km"), Some("error-number"));
        assert!(check_journey("Anna", "A", "B", MAX_LEG_KM).is_ok());
        assert!(check_journey("Anna", "A", "B", MAX_LEG_KM + 1).is_err());
    }

    #[test]
    fn a_return_trip_is_two_legs() {
        let j = JourneyInput {
            mode: "rail".into(),
            from_place: "Stockholm".into(),
            to_place: "Malmö".into(),
            distance_km: " 610 ".into(),
            return_trip: "on".into(),
            ..JourneyInput::default()
        };
        let legs = j.parse().unwrap();
        assert_eq!(legs.len(), 2);
        assert_eq!(legs[0].mode, Mode::Rail);
        assert_eq!(legs[0].distance_km, 610);
        assert_eq!(
            (legs[1].from_place.as_str(), legs[1].to_place.as_str()),
            ("Malmö", "Stockholm")
        );
        let one_way = JourneyInput {
            return_trip: String::new(),
            ..j
        };
        assert_eq!(one_way.parse().unwrap().len(), 1);
    }

    #[test]
    fn journey_form_errors() {
        let e = JourneyInput {
            mode: "rocket".into(),
            distance_km: "far".into(),
            ..JourneyInput::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("mode"), Some("error-choose"));
        assert_eq!(e.get("distance_km"), Some("error-number"));
        assert_eq!(JourneyInput::default().person_id(), None);
    }

    #[test]
    fn intake_form() {
        let pairs: Vec<(String, String)> = [
            ("title", "Samarbete"),
            ("requester", "Region Skåne"),
            ("kind", "cooperation"),
            ("score0", "4"),
            ("score1", "9"),
            ("geography_reason", "on"),
        ]
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
        let f = IntakeFields::from_pairs(&pairs, 3);
        assert_eq!(f.scores, vec![Some(4), None, None]);
        assert!(f.geography_reason);
        assert!(f.validate().is_ok());
        let e = IntakeFields {
            kind: "merger".into(),
            requester: "".into(),
            ..f
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.get("kind"), Some("error-choose"));
        assert_eq!(e.get("requester"), Some("error-required"));
    }

    proptest! {
        #[test]
        fn accepted_events_never_end_before_they_start(a in 0u64..4000, b in 0u64..4000) {
            let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
            let input = EventInput {
                starts_on: (base + chrono::Days::new(a)).to_string(),
                ends_on: (base + chrono::Days::new(b)).to_string(),
                ..event()
            };
            prop_assert_eq!(input.parse().is_ok(), b >= a);
        }

        #[test]
        fn intake_scores_are_in_range(raw in proptest::collection::vec("[0-9]{0,3}", 0..6)) {
            let pairs: Vec<(String, String)> = raw
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("score{i}"), s.clone()))
                .collect();
            let f = IntakeFields::from_pairs(&pairs, raw.len());
            prop_assert_eq!(f.scores.len(), raw.len());
            prop_assert!(f.scores.iter().flatten().all(|s| (1..=5).contains(s)));
        }
    }
}
