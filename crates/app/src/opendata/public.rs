//! What the public may see of a tenant's register: the kinds the tenant
//! publishes, without private memberships, notes, contacts or e-mail
//! addresses; as a register for pages and as Popolo.

use oversyn_core::fees::Fee;
use oversyn_core::opendata::popolo::{Document, Register, export};
use oversyn_core::register::{Membership, Seat, Snapshot};
use oversyn_store::Store;

/// Whether the public may read a case (when the tenant publishes cases):
/// once it is decided, or once it is registered under a case number — a
/// registered case is an official record. A case without a number is a
/// draft and stays internal.
pub fn is_public_case(c: &oversyn_store::cases::StoredCase) -> bool {
    c.status == oversyn_core::cases::CaseStatus::Decided || c.fields.number.is_some()
}

/// The tenant's register as the public may see it.
pub struct PublicRegister {
    pub kinds: Vec<String>,
    pub snap: std::sync::Arc<Snapshot>,
    pub memberships: Vec<Membership>,
    pub seats: Vec<Seat>,
    /// What is withheld, by kind and ground.
    pub withheld: Vec<oversyn_core::privacy::secrecy::WithheldNotice>,
}

impl PublicRegister {
    pub fn shows(&self, kind: &str) -> bool {
        self.kinds.iter().any(|k| k == kind)
    }
}

pub async fn public_register(
    store: &Store,
    tenant_id: i64,
) -> Result<PublicRegister, oversyn_store::StoreError> {
    let kinds = store.public_kinds(tenant_id).await?;
    let snap = crate::snapshot(store, tenant_id).await?;
    let withheld_memberships = store.withheld(tenant_id, "membership").await?;
    let private: Vec<i64> = withheld_memberships.iter().map(|w| w.entity_id).collect();
    let records: Vec<(String, Option<String>)> = withheld_memberships
        .into_iter()
        .chain(store.withheld(tenant_id, "document").await?)
        .map(|w| (w.entity, w.ground))
        .collect();
    let withheld = oversyn_core::privacy::secrecy::public_notice(&records, &kinds);
    let shows = |k: &str| kinds.iter().any(|x| x == k);
    let memberships: Vec<Membership> = if shows("memberships") {
        snap.memberships
            .iter()
            .filter(|m| !private.contains(&m.id))
            .map(|m| Membership {
                fee: if shows("fees") {
                    m.fee.clone()
                } else {
                    Fee::Unknown
                },
                notes: None,
                contact_person_id: None,
                ..m.clone()
            })
            .collect()
    } else {
        Vec::new()
    };
    // A seat shows only where a public membership does: a private membership's seats stay private too.
    let seats: Vec<Seat> = if shows("seats") {
        snap.seats
            .iter()
            .filter(|s| {
                memberships
                    .iter()
                    .any(|m| m.organisation_id == s.organisation_id)
            })
            .map(|s| Seat {
                notes: None,
                ..s.clone()
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(PublicRegister {
        kinds,
        snap,
        memberships,
        seats,
        withheld,
    })
}

pub async fn public_popolo(
    store: &Store,
    tenant_id: i64,
) -> Result<Document, oversyn_store::StoreError> {
    let tenant = store.tenant_by_id(tenant_id).await?;
    let r = public_register(store, tenant_id).await?;
    let used: Vec<i64> = r.seats.iter().filter_map(|s| s.person_id).collect();
    let persons: Vec<_> = r
        .snap
        .persons
        .iter()
        .filter(|p| used.contains(&p.id))
        .map(|p| oversyn_core::register::Person {
            email: None,
            department: None,
            ..p.clone()
        })
        .collect();
    let bodies: Vec<_> = r
        .snap
        .bodies
        .iter()
        .filter(|b| r.memberships.iter().any(|m| m.body_id == b.id))
        .cloned()
        .collect();
    let organisations: Vec<_> = if r.shows("organisations") || r.shows("memberships") {
        r.snap.organisations.clone()
    } else {
        Vec::new()
    };
    let mut doc = export(&Register {
        tenant_slug: &tenant.slug,
        tenant_name: &tenant.name,
        organisations: &organisations,
        bodies: &bodies,
        persons: &persons,
        memberships: &r.memberships,
        seats: &r.seats,
        relations: &r.snap.relations,
        // Only the terms of the persons shown: the export skips the rest.
        terms: &r.snap.terms,
    });
    doc.meta.withheld = r.withheld.clone();
    Ok(doc)
}
