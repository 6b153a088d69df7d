//! Popolo export of a tenant's register, and import into a tenant. The
//! document is checked whole before anything is written, so a broken file
//! changes nothing; then organisations, bodies, persons, memberships,
//! seats and terms of office are created in that order.

use oversyn_core::opendata::popolo::{Document, Register, export, plan};
use oversyn_core::register::input::{BodyCmd, MembershipCmd, OrganisationCmd, PersonCmd, SeatCmd};
use oversyn_store::audit::Actor;
use oversyn_store::{Store, StoreError};
use std::collections::HashMap;

pub async fn export_tenant(store: &Store, tenant_id: i64) -> Result<Document, StoreError> {
    let tenant = store.tenant_by_id(tenant_id).await?;
    let snap = crate::snapshot(store, tenant_id).await?;
    Ok(export(&Register {
        tenant_slug: &tenant.slug,
        tenant_name: &tenant.name,
        organisations: &snap.organisations,
        bodies: &snap.bodies,
        persons: &snap.persons,
        memberships: &snap.memberships,
        seats: &snap.seats,
        relations: &snap.relations,
        terms: &snap.terms,
    }))
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the document has problems:\n{}", .0.join("\n"))]
    Invalid(Vec<String>),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// Counts of what was created.
#[derive(Debug, Default, Clone, Copy)]
pub struct Imported {
    pub organisations: usize,
    pub bodies: usize,
    pub persons: usize,
    pub memberships: usize,
    pub seats: usize,
    pub terms: usize,
}

pub async fn import_document(
    store: &Store,
    actor: &Actor,
    doc: &Document,
) -> Result<Imported, ImportError> {
    let p = plan(doc).map_err(ImportError::Invalid)?;
    if !store.memberships(actor.tenant_id).await?.is_empty()
        || !store.bodies(actor.tenant_id).await?.is_empty()
    {
        return Err(ImportError::Invalid(vec![
            "the tenant already has a register; Popolo is imported into an empty tenant only"
                .into(),
        ]));
    }
    let mut n = Imported::default();
    let mut orgs: HashMap<String, i64> = HashMap::new();
    for o in &p.organisations {
        let found = store.organisation_by_slug(actor.tenant_id, &o.slug).await;
        let id = match found {
            Ok(existing) => existing.id,
            Err(StoreError::NotFound) => {
                let cmd = OrganisationCmd {
                    name: o.name.clone(),
                    acronym: o.acronym.clone(),
                    aliases: o.aliases.clone(),
                    kind: o.kind,
                    headquarters: o.headquarters.clone(),
                    founded: o.founded,
                    website: o.website.clone(),
                    themes: o.themes.clone(),
                    notice_months: o.notice_months,
                    written_notice: o.written_notice,
                    notice_valid_from: None,
                    fee_basis: o.fee_basis.clone(),
                    version: None,
                };
                n.organisations += 1;
                store.create_organisation(actor, &cmd).await?.id
            }
            Err(e) => return Err(e.into()),
        };
        orgs.insert(o.key.clone(), id);
    }
    let mut bodies: HashMap<String, i64> = HashMap::new();
    for (key, name, kind, abbreviation) in &p.bodies {
        let cmd = BodyCmd {
            name: name.clone(),
            kind: *kind,
            abbreviation: abbreviation.clone(),
            version: None,
        };
        bodies.insert(key.clone(), store.create_body(actor, &cmd).await?.id);
        n.bodies += 1;
    }
    let mut persons: HashMap<String, i64> = HashMap::new();
    for x in &p.persons {
        let cmd = PersonCmd {
            name: x.name.clone(),
            kind: x.kind,
            party: x.party.clone(),
            side: x.side,
            department: x.department.clone(),
            email: None,
            version: None,
        };
        persons.insert(x.key.clone(), store.create_person(actor, &cmd).await?.id);
        n.persons += 1;
    }
    for m in &p.memberships {
        let cmd = MembershipCmd {
            body_id: bodies[&m.body],
            organisation_id: orgs[&m.organisation],
            mtype: m.mtype,
            status: m.status,
            since: m.since,
            until: m.until,
            fee: m.fee.clone(),
            fee_illustrative: m.fee_illustrative,
            contact_person_id: None,
            notes: None,
            version: None,
        };
        store.create_membership(actor, &cmd).await?;
        n.memberships += 1;
    }
    for s in &p.seats {
        let cmd = SeatCmd {
            organisation_id: orgs[&s.organisation],
            person_id: s.person.as_ref().and_then(|k| persons.get(k).copied()),
            kind: s.kind,
            org_body: s.org_body.clone(),
            title: s.title.clone(),
            from: s.from,
            until: s.until,
            notes: None,
            appointed_by: None,
            deputy_person_id: None,
            version: None,
        };
        store.create_seat(actor, &cmd).await?;
        n.seats += 1;
    }
    for t in &p.terms {
        store
            .create_term(actor, persons[&t.person], &t.term)
            .await?;
        n.terms += 1;
    }
    Ok(n)
}
