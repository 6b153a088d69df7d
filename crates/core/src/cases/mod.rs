//! Decision cases: after a review comes politics. A case has a number, a
//! route through the city's bodies (preparation → decision), a proposal as
//! numbered decision points, and per body the positions politicians take —
//! reservations with counter-points and reasons, or special statements —
//! and the body's decision. A decision by the last body of the route locks
//! the case: a decided matter is changed only by a new case.

pub mod draft;
pub mod input;
pub mod legal_force;
pub mod number;
pub mod text;
pub mod votes;

use crate::codes::{Code, vocabulary};
use crate::validate::FieldErrors;
use chrono::NaiveDate;
pub use number::CaseNumber;
use serde::{Deserialize, Serialize};
pub use votes::{DecisionKind, RollCallVote, Vote, Votes};

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    /// A position taken in a body: a reservation dissents from the decision
    /// (and may carry counter-points); a special statement only adds a view;
    /// a motion (yrkande, amendment) proposes points or a change, moved by
    /// one and seconded by others; a note (protokollsanteckning) is put on
    /// the record without dissenting.
    PositionKind {
        Reservation = "reservation",
        Statement = "statement",
        Motion = "motion",
        Note = "note",
    }
);

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    CaseStatus {
    Open = "open",
    Decided = "decided",
}
);

/// One numbered point of a proposal or a counter-proposal.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub number: u32,
    /// As written: "1.", "(a)", "•".
    pub label: String,
    pub text: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub party: Option<String>,
}

/// A body the case passes through, in order; the last one decides.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub body: String,
    /// The meeting date, once known.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub date: Option<NaiveDate>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Order within the case, from 0; `refers_to` points at another position's `seq`.
    pub seq: u32,
    pub body: String,
    pub kind: PositionKind,
    pub persons: Vec<Person>,
    pub refers_to: Option<u32>,
    pub points: Vec<Point>,
    pub text: String,
    /// Those who seconded a motion (instämde); empty for other kinds.
    #[serde(default)]
    pub seconded_by: Vec<Person>,
}

/// What a body decided: the proposal, or the counter-proposal of a reservation.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "position")]
pub enum Adopted {
    Proposal,
    Position(u32),
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub body: String,
    /// Adopted, referred back, tabled, a preparing body's recommendation …
    #[serde(default)]
    pub kind: DecisionKind,
    pub adopted: Adopted,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub decided_on: NaiveDate,
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
    pub abstentions: Option<u32>,
    /// Members absent from the vote.
    #[serde(default)]
    pub absent: Option<u32>,
    /// The totals as one object: `for`, `against`, `abstain`, `absent`. On
    /// input it may stand instead of the four counts; on output it repeats them.
    #[serde(default)]
    pub votes: Option<Votes>,
    /// Each member's vote, when the minutes list them.
    #[serde(default)]
    pub roll_call: Vec<RollCallVote>,
    /// The date is not from a source (demo data): shown as illustrative
    /// wherever it appears.
    #[serde(default)]
    pub date_illustrative: bool,
    /// The paragraph of the minutes, e.g. "12" for § 12.
    #[serde(default)]
    pub paragraph: Option<String>,
    /// The day the minutes were approved (justering).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub adjusted_on: Option<NaiveDate>,
    /// The day the approval was posted on the notice board (anslag).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub published_on: Option<NaiveDate>,
    /// When the decision gains legal force if nobody appeals: worked out
    /// from `published_on` (see [`legal_force`]), never taken as input.
    #[serde(default, skip_deserializing)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, read_only))]
    pub legal_force_on: Option<NaiveDate>,
}

impl Decision {
    /// The decision with what is worked out from it filled in: the day it
    /// gains legal force and the vote totals as one object.
    pub fn with_legal_force(mut self) -> Decision {
        self.legal_force_on = self.published_on.map(legal_force::legal_force_on);
        self.votes = votes::totals(&self);
        self
    }

    /// A decision as received: the counts taken from `votes` and the roll
    /// call where left out, then checked (days, votes, paragraph).
    pub fn settled(mut self) -> Result<Decision, FieldErrors> {
        let mut e = FieldErrors::new();
        votes::settle(&mut self, &mut e);
        self.check_days(&mut e);
        e.into_result(|| self.with_legal_force())
    }

    /// The minutes' days in order: approved on or after the meeting, posted
    /// on or after the approval (and only once approved).
    pub fn check_days(&self, e: &mut FieldErrors) {
        if self.adjusted_on.is_some_and(|a| a < self.decided_on) {
            e.add("adjusted_on", "error-case-adjusted-before-meeting");
        }
        match (self.adjusted_on, self.published_on) {
            (None, Some(_)) => e.add("published_on", "error-case-published-unadjusted"),
            (Some(a), Some(p)) if p < a => {
                e.add("published_on", "error-case-published-before-adjusted")
            }
            _ => {}
        }
        if self.paragraph.as_deref().is_some_and(|p| {
            p.is_empty() || p.chars().count() > 20 || p.chars().any(char::is_control)
        }) {
            e.add("paragraph", "error-case-paragraph");
        }
    }
}

/// A case as the rules see it; storage adds ids and versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Case {
    pub route: Vec<Stage>,
    pub proposal: Vec<Point>,
    pub positions: Vec<Position>,
    pub decisions: Vec<Decision>,
}

impl Case {
    /// The deciding body: the last stage of the route.
    pub fn deciding_body(&self) -> Option<&str> {
        self.route.last().map(|s| s.body.as_str())
    }

    /// Decided once the deciding body has settled it (a referral back or a
    /// tabling leaves it open).
    pub fn status(&self) -> CaseStatus {
        let decided = self.deciding_body().is_some_and(|b| {
            self.decisions
                .iter()
                .any(|d| same_body(&d.body, b) && d.kind.settles())
        });
        if decided {
            CaseStatus::Decided
        } else {
            CaseStatus::Open
        }
    }

    pub fn is_locked(&self) -> bool {
        self.status() == CaseStatus::Decided
    }

    /// The body the case lies with: the first on its route that has not
    /// settled it (a referral back or a tabling leaves it there); None once
    /// decided.
    pub fn pending_body(&self) -> Option<&str> {
        if self.is_locked() {
            return None;
        }
        self.route
            .iter()
            .find(|s| {
                !self
                    .decisions
                    .iter()
                    .any(|d| same_body(&d.body, &s.body) && d.kind.settles())
            })
            .map(|s| s.body.as_str())
    }

    /// Whether `d` sends the case on to the tenant's `council`: the last
    /// body of the route recommends (tillstyrker or avstyrker) where the
    /// tenant's rules name a council that the route does not yet reach.
    pub fn moves_on(&self, d: &Decision, council: &str) -> bool {
        let council = council.trim();
        !council.is_empty()
            && d.kind.is_recommendation()
            && self.deciding_body().is_some_and(|b| same_body(b, &d.body))
            && !self.has_body(council)
    }

    fn has_body(&self, body: &str) -> bool {
        self.route.iter().any(|s| same_body(&s.body, body))
    }

    /// The points a decision made law: the proposal's, or the reservation's
    /// it adopted; none for a rejection, a referral back or a tabling.
    pub fn adopted_points(&self, d: &Decision) -> &[Point] {
        if !d.kind.adopts_points() {
            return &[];
        }
        match d.adopted {
            Adopted::Proposal => &self.proposal,
            Adopted::Position(seq) => self
                .positions
                .iter()
                .find(|p| p.seq == seq)
                .map(|p| p.points.as_slice())
                .unwrap_or(&[]),
        }
    }

    /// The final decision's points, once decided.
    pub fn decided_points(&self) -> Option<&[Point]> {
        let body = self.deciding_body()?;
        let d = self
            .decisions
            .iter()
            .find(|d| same_body(&d.body, body) && d.kind.settles())?;
        Some(self.adopted_points(d))
    }

    /// Checks a new position against the case; on success returns it numbered.
    pub fn admit_position(&self, mut p: Position) -> Result<Position, FieldErrors> {
        let mut e = FieldErrors::default();
        if self.is_locked() {
            e.add("case", "error-case-locked");
            return Err(e);
        }
        if !self.has_body(&p.body) {
            e.add("body", "error-case-body-unknown");
        }
        if p.persons.is_empty() {
            e.add("persons", "error-required");
        }
        if p.persons.iter().any(|x| x.name.trim().is_empty()) {
            e.add("persons", "error-case-person-name");
        }
        if matches!(p.kind, PositionKind::Statement | PositionKind::Note) && !p.points.is_empty() {
            e.add("points", "error-case-statement-points");
        }
        if p.kind != PositionKind::Motion && !p.seconded_by.is_empty() {
            e.add("seconded_by", "error-case-seconded-not-motion");
        }
        if p.seconded_by.iter().any(|s| {
            s.name.trim().is_empty()
                || p.persons
                    .iter()
                    .any(|m| m.name.trim().eq_ignore_ascii_case(s.name.trim()))
        }) {
            e.add("seconded_by", "error-case-seconder-mover");
        }
        // A reservation "with reference to" another needs no text of its own.
        if p.text.trim().is_empty() && p.points.is_empty() && p.refers_to.is_none() {
            e.add("text", "error-required");
        }
        if let Some(r) = p.refers_to
            && !self.positions.iter().any(|x| x.seq == r)
        {
            e.add("refers_to", "error-case-refers-unknown");
        }
        e.into_result(|| ())?;
        p.seq = self.positions.iter().map(|x| x.seq + 1).max().unwrap_or(0);
        Ok(p)
    }

    /// Checks a decision against the case.
    pub fn admit_decision(&self, d: &Decision) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::default();
        if self.is_locked() {
            e.add("case", "error-case-locked");
            return Err(e);
        }
        if !self.has_body(&d.body) {
            e.add("body", "error-case-body-unknown");
        }
        // A body that referred the case back or tabled it decides again.
        if self
            .decisions
            .iter()
            .any(|x| same_body(&x.body, &d.body) && x.kind.settles())
        {
            e.add("body", "error-case-body-decided");
        }
        if d.kind.is_recommendation() && self.deciding_body().is_some_and(|b| same_body(b, &d.body))
        {
            e.add("kind", "error-case-recommendation-final");
        }
        if let Some(earlier) = self
            .decisions
            .iter()
            .filter(|x| same_body(&x.body, &d.body))
            .map(|x| x.decided_on)
            .max()
            && d.decided_on < earlier
        {
            e.add("decided_on", "error-case-decided-before-earlier");
        }
        d.check_days(&mut e);
        votes::check(d, &mut e);
        match d.adopted {
            Adopted::Proposal if self.proposal.is_empty() => {
                e.add("adopted", "error-case-no-points")
            }
            Adopted::Position(seq) => {
                // A reservation's counter-points, or a motion's.
                let ok = self.positions.iter().any(|p| {
                    p.seq == seq
                        && matches!(p.kind, PositionKind::Reservation | PositionKind::Motion)
                        && !p.points.is_empty()
                });
                if !ok {
                    e.add("adopted", "error-case-adopted-unknown");
                }
            }
            Adopted::Proposal => {}
        }
        e.into_result(|| ())
    }
}

/// How a case is cited in a document's head or a report's sources: its
/// own reference and its case number, "PM 2011:125 RI (Dnr 006-1348/2010)",
/// or whichever of the two it has; empty with neither.
pub fn citation(reference: &str, number: &str) -> String {
    match (reference.trim(), number.trim()) {
        ("", "") => String::new(),
        (r, "") => r.to_owned(),
        ("", n) => format!("Dnr {n}"),
        (r, n) => format!("{r} (Dnr {n})"),
    }
}

/// The fields an official edits on an open case.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CaseFields {
    pub number: Option<CaseNumber>,
    /// The document's own reference, e.g. "PM 2011:125 RI".
    pub reference: String,
    pub title: String,
    /// "sv" or "en": the language its documents are written in.
    pub language: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub document_date: Option<NaiveDate>,
    /// Who presents the case, e.g. "borgarrådet Sten Nordin".
    pub rapporteur: String,
    pub route: Vec<Stage>,
    pub proposal: Vec<Point>,
    /// Ärendet: what the case is about.
    pub matter: String,
    /// Beredning: how it was prepared.
    pub preparation: String,
    /// The rapporteur's own views.
    pub views: String,
    /// Tjänsteutlåtande: the official statement.
    pub statement: String,
    pub review_id: Option<i64>,
    pub membership_ids: Vec<i64>,
}

impl CaseFields {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::default();
        e.check("title", crate::validate::name(&self.title));
        if !matches!(self.language.as_str(), "sv" | "en") {
            e.add("language", "error-choose");
        }
        if self.route.is_empty() {
            e.add("route", "error-required");
        }
        if self.route.iter().any(|s| s.body.trim().is_empty()) {
            e.add("route", "error-required");
        }
        let long = |t: &str| t.chars().count() > crate::validate::MAX_TEXT * 5;
        for (field, text) in [
            ("matter", &self.matter),
            ("preparation", &self.preparation),
            ("views", &self.views),
            ("statement", &self.statement),
        ] {
            if long(text) {
                e.add(field, "error-too-long");
            }
        }
        if self.proposal.iter().any(|p| p.text.trim().is_empty()) {
            e.add("proposal", "error-required");
        }
        e.into_result(|| ())
    }
}

/// Body names compare without case and surrounding space ("Kommunstyrelsen" = "kommunstyrelsen").
pub fn same_body(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> Case {
        Case {
            route: vec![
                Stage {
                    body: "Borgarrådsberedningen".into(),
                    date: None,
                },
                Stage {
                    body: "Kommunstyrelsen".into(),
                    date: None,
                },
            ],
            proposal: text::points_from_text("1. Stadens medlemskap i UCLG sägs upp."),
            ..Case::default()
        }
    }

    fn reservation(body: &str) -> Position {
        Position {
            seq: 0,
            body: body.into(),
            kind: PositionKind::Reservation,
            persons: vec![Person {
                name: "Per Bolund".into(),
                party: Some("MP".into()),
            }],
            refers_to: None,
            points: text::points_from_text("1. Avslå förslaget."),
            text: "Vi anser att …".into(),
            seconded_by: Vec::new(),
        }
    }

    #[test]
    fn a_motion_is_moved_and_seconded_and_its_points_may_be_adopted() {
        let mut c = case();
        let mut m = reservation("Kommunstyrelsen");
        m.kind = PositionKind::Motion;
        m.seconded_by = text::persons_from_text("Per Bolund (MP)");
        assert_eq!(
            c.admit_position(m.clone()).unwrap_err().get("seconded_by"),
            Some("error-case-seconder-mover")
        );
        m.seconded_by = text::persons_from_text("Ann-Margarethe Livh (V)");
        let m = c.admit_position(m).unwrap();
        c.positions.push(m);
        let mut note = reservation("Kommunstyrelsen");
        note.kind = PositionKind::Note;
        assert!(
            c.admit_position(note.clone())
                .unwrap_err()
                .get("points")
                .is_some()
        );
        note.points.clear();
        note.seconded_by = text::persons_from_text("Ann-Margarethe Livh (V)");
        assert_eq!(
            c.admit_position(note).unwrap_err().get("seconded_by"),
            Some("error-case-seconded-not-motion")
        );
        let mut d = decision("Kommunstyrelsen");
        d.kind = DecisionKind::AdoptedWithAmendments;
        d.adopted = Adopted::Position(0);
        c.admit_decision(&d).unwrap();
        c.decisions.push(d);
        assert_eq!(c.decided_points().unwrap()[0].text, "Avslå förslaget.");
    }

    fn decision(body: &str) -> Decision {
        Decision {
            body: body.into(),
            kind: DecisionKind::Adopted,
            adopted: Adopted::Proposal,
            decided_on: NaiveDate::from_ymd_opt(2011, 9, 28).unwrap(),
            votes_for: None,
            votes_against: None,
            abstentions: None,
            absent: None,
            votes: None,
            roll_call: Vec::new(),
            date_illustrative: false,
            paragraph: None,
            adjusted_on: None,
            published_on: None,
            legal_force_on: None,
        }
    }

    #[test]
    fn positions_are_numbered_in_order_and_may_refer_back() {
        let mut c = case();
        let first = c
            .admit_position(reservation("borgarrådsberedningen"))
            .unwrap();
        assert_eq!(first.seq, 0);
        c.positions.push(first);
        let mut second = reservation("Kommunstyrelsen");
        second.refers_to = Some(0);
        let second = c.admit_position(second).unwrap();
        assert_eq!(second.seq, 1);
        let mut bad = reservation("Kommunstyrelsen");
        bad.refers_to = Some(7);
        assert!(
            c.admit_position(bad)
                .unwrap_err()
                .get("refers_to")
                .is_some()
        );
    }

    #[test]
    fn a_position_needs_a_body_of_the_route_a_person_and_content() {
        let c = case();
        let mut p = reservation("Kommunfullmäktige");
        p.persons.clear();
        p.points.clear();
        p.text.clear();
        let e = c.admit_position(p).unwrap_err();
        assert!(e.get("body").is_some() && e.get("persons").is_some() && e.get("text").is_some());
        let mut s = reservation("Kommunstyrelsen");
        s.kind = PositionKind::Statement;
        assert!(c.admit_position(s).unwrap_err().get("points").is_some());
    }

    #[test]
    fn the_deciding_bodys_decision_locks_the_case() {
        let mut c = case();
        c.admit_decision(&decision("Borgarrådsberedningen"))
            .unwrap();
        c.decisions.push(decision("Borgarrådsberedningen"));
        assert!(!c.is_locked());
        assert!(
            c.admit_decision(&decision("Borgarrådsberedningen"))
                .unwrap_err()
                .get("body")
                .is_some()
        );
        c.decisions.push(decision("Kommunstyrelsen"));
        assert!(c.is_locked());
        assert_eq!(c.status(), CaseStatus::Decided);
        assert_eq!(c.decided_points().unwrap().len(), 1);
        assert!(
            c.admit_position(reservation("Kommunstyrelsen"))
                .unwrap_err()
                .get("case")
                .is_some()
        );
        assert!(
            c.admit_decision(&decision("Kommunstyrelsen"))
                .unwrap_err()
                .get("case")
                .is_some()
        );
    }

    #[test]
    fn a_referral_back_or_tabling_leaves_the_case_open_for_the_same_body() {
        let mut c = case();
        let mut back = decision("Kommunstyrelsen");
        back.kind = DecisionKind::ReferredBack;
        back.decided_on = NaiveDate::from_ymd_opt(2011, 9, 14).unwrap();
        c.admit_decision(&back).unwrap();
        c.decisions.push(back);
        assert_eq!(c.status(), CaseStatus::Open);
        assert_eq!(c.decided_points(), None);
        let mut tabled = decision("Kommunstyrelsen");
        tabled.kind = DecisionKind::Tabled;
        tabled.decided_on = NaiveDate::from_ymd_opt(2011, 9, 21).unwrap();
        c.admit_decision(&tabled).unwrap();
        c.decisions.push(tabled);
        // Not before the last time the body took it up.
        let mut early = decision("Kommunstyrelsen");
        early.decided_on = NaiveDate::from_ymd_opt(2011, 9, 1).unwrap();
        assert_eq!(
            c.admit_decision(&early).unwrap_err().get("decided_on"),
            Some("error-case-decided-before-earlier")
        );
        let fin = decision("Kommunstyrelsen");
        c.admit_decision(&fin).unwrap();
        c.decisions.push(fin);
        assert!(c.is_locked());
        assert_eq!(c.decided_points().unwrap().len(), 1);
    }

    #[test]
    fn a_recommendation_by_the_last_body_moves_the_case_on_to_the_council() {
        let mut c = case();
        let mut rec = decision("Kommunstyrelsen");
        rec.kind = DecisionKind::Recommended;
        assert!(!c.moves_on(&rec, ""), "no council: the body decides alone");
        assert!(c.moves_on(&rec, "Kommunfullmäktige"));
        assert!(!c.moves_on(&decision("Kommunstyrelsen"), "Kommunfullmäktige"));
        assert_eq!(c.pending_body(), Some("Borgarrådsberedningen"));
        c.route.push(Stage {
            body: "Kommunfullmäktige".into(),
            date: None,
        });
        assert!(
            !c.moves_on(&rec, "kommunfullmäktige"),
            "already on the route"
        );
        c.admit_decision(&rec).unwrap();
        let mut prep = decision("Borgarrådsberedningen");
        prep.kind = DecisionKind::Recommended;
        c.decisions.push(prep);
        c.decisions.push(rec);
        assert_eq!(c.pending_body(), Some("Kommunfullmäktige"));
        assert_eq!(c.status(), CaseStatus::Open);
        c.decisions.push(decision("Kommunfullmäktige"));
        assert_eq!(c.pending_body(), None);
        assert!(c.is_locked());
    }

    #[test]
    fn a_recommendation_is_a_preparing_bodys_and_a_rejection_adopts_nothing() {
        let mut c = case();
        let mut rec = decision("Kommunstyrelsen");
        rec.kind = DecisionKind::Recommended;
        assert_eq!(
            c.admit_decision(&rec).unwrap_err().get("kind"),
            Some("error-case-recommendation-final")
        );
        rec.body = "Borgarrådsberedningen".into();
        c.admit_decision(&rec).unwrap();
        c.decisions.push(rec);
        let mut no = decision("Kommunstyrelsen");
        no.kind = DecisionKind::Rejected;
        c.decisions.push(no);
        assert!(c.is_locked());
        assert_eq!(c.decided_points(), Some(&[][..]));
    }

    #[test]
    fn votes_and_a_roll_call_must_agree() {
        let c = case();
        let mut d = decision("Kommunstyrelsen");
        d.roll_call = votes::roll_call_from_text(
            "Sten Nordin (M): ja\nKarin Wanngård (S): nej\nAnn-Margarethe Livh (V): avstår\nPer Bolund (MP): frånvarande",
        )
        .unwrap();
        let settled = d.clone().settled().unwrap();
        assert_eq!(
            settled.votes,
            Some(Votes {
                for_: Some(1),
                against: Some(1),
                abstain: Some(1),
                absent: Some(1)
            })
        );
        c.admit_decision(&settled).unwrap();
        // Totals that do not add up to the roll call.
        let mut wrong = d.clone();
        wrong.votes_for = Some(3);
        assert_eq!(
            wrong.clone().settled().unwrap_err().get("votes_for"),
            Some("error-case-votes-roll-call")
        );
        assert!(
            c.admit_decision(&wrong)
                .unwrap_err()
                .get("votes_for")
                .is_some()
        );
        // The object and the counts saying two things.
        let mut twice = decision("Kommunstyrelsen");
        twice.votes_for = Some(9);
        twice.votes = Some(Votes {
            for_: Some(8),
            ..Votes::default()
        });
        assert_eq!(
            twice.settled().unwrap_err().get("votes"),
            Some("error-case-votes-conflict")
        );
        // A member named twice.
        let mut dup = d;
        dup.roll_call.push(dup.roll_call[0].clone());
        assert_eq!(
            dup.settled().unwrap_err().get("roll_call"),
            Some("error-case-roll-call-twice")
        );
    }

    #[test]
    fn a_roll_call_is_read_line_by_line() {
        let r = votes::roll_call_from_text("Anna Ek (S): Ja\n\nBo Berg: no\n").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].party.as_deref(), Some("S"));
        assert_eq!(r[1].vote, Vote::Against);
        assert_eq!(
            votes::roll_call_from_text("Anna Ek (S): kanske\nBo Berg").unwrap_err(),
            vec![1, 2]
        );
        let text = votes::roll_call_text(&r, true);
        assert_eq!(votes::roll_call_from_text(&text).unwrap(), r);
    }

    #[test]
    fn a_body_may_adopt_a_reservations_counter_points() {
        let mut c = case();
        c.positions.push(reservation("Kommunstyrelsen"));
        let mut d = decision("Kommunstyrelsen");
        d.adopted = Adopted::Position(0);
        c.admit_decision(&d).unwrap();
        c.decisions.push(d);
        assert_eq!(c.decided_points().unwrap()[0].text, "Avslå förslaget.");
        let mut bad = decision("Borgarrådsberedningen");
        bad.adopted = Adopted::Position(5);
        let mut open = case();
        open.positions.push(reservation("Kommunstyrelsen"));
        assert!(
            open.admit_decision(&bad)
                .unwrap_err()
                .get("adopted")
                .is_some()
        );
    }
}

#[cfg(test)]
mod citation_tests {
    use super::citation;

    #[test]
    fn a_case_is_cited_by_what_it_has() {
        assert_eq!(
            citation("PM 2011:125 RI", "006-1348/2010"),
            "PM 2011:125 RI (Dnr 006-1348/2010)"
        );
        assert_eq!(citation("KS 2024/117", ""), "KS 2024/117");
        assert_eq!(citation(" ", "KS 2024/117"), "Dnr KS 2024/117");
        assert_eq!(citation("", ""), "");
    }
}
