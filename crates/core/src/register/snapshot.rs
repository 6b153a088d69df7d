//! A tenant's register held at once, with the lookups pages, documents and
//! the analysis need: names of organisations, bodies and persons, indirect
//! memberships, who holds which seat. A register is dozens to a few hundred
//! rows, so the application layer loads it whole instead of asking many
//! small questions; this type only answers from what it was given.

use super::{
    Body, Indirect, Membership, Organisation, Person, Relation, Seat, indirect_memberships,
    is_in_force,
};
use chrono::NaiveDate;
use std::collections::HashMap;

pub struct Snapshot {
    pub organisations: Vec<Organisation>,
    pub bodies: Vec<Body>,
    pub persons: Vec<Person>,
    pub memberships: Vec<Membership>,
    pub seats: Vec<Seat>,
    pub relations: Vec<Relation>,
    /// The exchange rates into kronor: shipped, with imported ones over them.
    pub rates: crate::rates::Rates,
    /// Persons' terms of office.
    pub terms: Vec<super::terms::Term>,
    /// The day "in force" is judged on.
    pub today: NaiveDate,
    org_index: HashMap<i64, usize>,
}

/// The records a [`Snapshot`] is made of.
pub struct Records {
    pub organisations: Vec<Organisation>,
    pub bodies: Vec<Body>,
    pub persons: Vec<Person>,
    pub memberships: Vec<Membership>,
    pub seats: Vec<Seat>,
    pub relations: Vec<Relation>,
    /// Rates imported over the shipped ones (see [`crate::rates`]).
    pub rates: Vec<crate::rates::Rate>,
    pub terms: Vec<super::terms::Term>,
}

impl Snapshot {
    pub fn new(r: Records, today: NaiveDate) -> Snapshot {
        let org_index = r
            .organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id, i))
            .collect();
        Snapshot {
            organisations: r.organisations,
            bodies: r.bodies,
            persons: r.persons,
            memberships: r.memberships,
            seats: r.seats,
            relations: r.relations,
            rates: crate::rates::Rates::with_imported(r.rates),
            terms: r.terms,
            today,
            org_index,
        }
    }

    pub fn organisation(&self, id: i64) -> Option<&Organisation> {
        self.org_index.get(&id).map(|&i| &self.organisations[i])
    }

    /// The short name ("UCLG"), or `#id` for an organisation not loaded.
    pub fn org_label(&self, id: i64) -> String {
        self.organisation(id)
            .map(|o| o.label().to_owned())
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub fn body(&self, id: i64) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    pub fn body_name(&self, id: i64) -> String {
        self.body(id).map(|b| b.name.clone()).unwrap_or_default()
    }

    /// The side a person held on `day` (see [`super::terms::side_on`]).
    pub fn side_on(&self, person_id: i64, day: NaiveDate) -> Option<crate::codes::Side> {
        self.person(person_id)
            .and_then(|p| super::terms::side_on(p, &self.terms, day))
    }

    /// The group a respondent's answers count in: a politician by the side
    /// held on `day` (the day the review closed), anyone else in the
    /// register as an official. Kept on the respondent when their identity
    /// is removed, so the results do not change.
    pub fn respondent_group(&self, person_id: Option<i64>, day: NaiveDate) -> Option<String> {
        let p = self.person(person_id?)?;
        if p.kind == crate::codes::PersonKind::Politician {
            self.side_on(p.id, day)
                .map(|s| crate::Code::code(s).to_owned())
        } else {
            Some("officials".to_owned())
        }
    }

    pub fn person(&self, id: i64) -> Option<&Person> {
        self.persons.iter().find(|p| p.id == id)
    }

    pub fn person_name(&self, id: Option<i64>) -> Option<String> {
        id.and_then(|i| self.person(i)).map(|p| p.name.clone())
    }

    pub fn in_force(&self, m: &Membership) -> bool {
        is_in_force(m.status, m.until, self.today)
    }

    /// Indirect memberships derived from the memberships in force.
    pub fn indirect(&self) -> Vec<Indirect> {
        let direct: Vec<(i64, i64)> = self
            .memberships
            .iter()
            .filter(|m| self.in_force(m))
            .map(|m| (m.id, m.organisation_id))
            .collect();
        indirect_memberships(&direct, &self.relations)
    }

    pub fn seats_in(&self, organisation_id: i64) -> Vec<&Seat> {
        self.seats
            .iter()
            .filter(|s| s.organisation_id == organisation_id)
            .collect()
    }

    pub fn seats_of(&self, person_id: i64) -> Vec<&Seat> {
        self.seats
            .iter()
            .filter(|s| s.person_id == Some(person_id))
            .collect()
    }
}
