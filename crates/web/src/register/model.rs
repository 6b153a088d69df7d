//! A tenant's register loaded at once, with the lookups pages and the API
//! need: names of organisations, bodies and persons, indirect memberships,
//! who holds which seat. A register is dozens to a few hundred rows, so
//! loading it whole is cheaper than many small queries.

use chrono::NaiveDate;
use oversyn_core::register::{
    Body, Indirect, Membership, Organisation, Person, Relation, Seat, indirect_memberships,
    is_in_force,
};
use oversyn_store::{Store, StoreError};
use std::collections::HashMap;

pub struct Snapshot {
    pub organisations: Vec<Organisation>,
    pub bodies: Vec<Body>,
    pub persons: Vec<Person>,
    pub memberships: Vec<Membership>,
    pub seats: Vec<Seat>,
    pub relations: Vec<Relation>,
    pub today: NaiveDate,
    org_index: HashMap<i64, usize>,
}

impl Snapshot {
    pub async fn load(store: &Store, tenant_id: i64) -> Result<Snapshot, StoreError> {
        let organisations = store.organisations(tenant_id).await?;
        let org_index = organisations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id, i))
            .collect();
        Ok(Snapshot {
            bodies: store.bodies(tenant_id).await?,
            persons: store.persons(tenant_id).await?,
            memberships: store.memberships(tenant_id).await?,
            seats: store.seats(tenant_id).await?,
            relations: store.relations(tenant_id).await?,
            today: chrono::Utc::now().date_naive(),
            organisations,
            org_index,
        })
    }

    pub fn organisation(&self, id: i64) -> Option<&Organisation> {
        self.org_index.get(&id).map(|&i| &self.organisations[i])
    }

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
