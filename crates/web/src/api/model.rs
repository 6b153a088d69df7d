//! The API's JSON shapes, built from the core's records.

use oversyn_core::Code;
use oversyn_core::fees::Fee;
use oversyn_core::register::Snapshot;
use oversyn_core::register::{Body, Indirect, Membership, Organisation, Person, Seat};
use oversyn_store::audit::AuditEntry;
use serde::Serialize;
use utoipa::ToSchema;

/// A list response.
#[derive(Serialize, ToSchema)]
pub struct List<T: ToSchema> {
    pub data: Vec<T>,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "slug": "uclg", "name": "United Cities and Local Governments", "acronym": "UCLG", "aliases": ["ECLG"], "kind": "city_network", "headquarters": "Barcelona", "founded": 2004, "website": "https://www.uclg.org", "themes": ["local democracy"], "notice_months": 6, "written_notice": true, "notice_valid_from": null, "fee_basis": null, "catalogue": true, "version": 1}))]
pub struct OrganisationOut {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub acronym: Option<String>,
    pub aliases: Vec<String>,
    /// city_network, national_association, initiative or other.
    pub kind: String,
    pub headquarters: Option<String>,
    pub founded: Option<i32>,
    pub website: Option<String>,
    pub themes: Vec<String>,
    pub notice_months: Option<i32>,
    pub written_notice: bool,
    /// The day the current notice rule took effect (YYYY-MM-DD); null: as
    /// far as known, always. Earlier rules are kept and used for decisions
    /// taken before it.
    pub notice_valid_from: Option<String>,
    pub fee_basis: Option<String>,
    /// True for the shared catalogue; false for the tenant's own entries.
    pub catalogue: bool,
    pub version: i64,
}

impl From<&Organisation> for OrganisationOut {
    fn from(o: &Organisation) -> Self {
        OrganisationOut {
            id: o.id,
            slug: o.slug.clone(),
            name: o.name.clone(),
            acronym: o.acronym.clone(),
            aliases: o.aliases.clone(),
            kind: o.kind.code().into(),
            headquarters: o.headquarters.clone(),
            founded: o.founded,
            website: o.website.clone(),
            themes: o.themes.clone(),
            notice_months: o.notice_months,
            written_notice: o.written_notice,
            notice_valid_from: o.notice_valid_from.map(|d| d.to_string()),
            fee_basis: o.fee_basis.clone(),
            catalogue: o.tenant_id.is_none(),
            version: o.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 3, "slug": "uclg", "name": "United Cities and Local Governments", "acronym": "UCLG"}))]
pub struct OrgRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub acronym: Option<String>,
}

impl OrgRef {
    pub fn of(snap: &Snapshot, id: i64) -> OrgRef {
        match snap.organisation(id) {
            Some(o) => OrgRef {
                id,
                slug: o.slug.clone(),
                name: o.name.clone(),
                acronym: o.acronym.clone(),
            },
            None => OrgRef {
                id,
                slug: String::new(),
                name: String::new(),
                acronym: None,
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 2, "name": "Kommunstyrelsen"}))]
pub struct BodyRef {
    pub id: i64,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"kind": "amount", "amount_minor": 1600000, "currency": "EUR", "year": 2011, "illustrative": true, "sek": 14447680, "rate": {"value": 9.0298, "year": 2011, "source": "ECB euro reference rates: mean of 257 days; EUR/SEK (not the Riksbank's fixing)"}}))]
pub struct FeeOut {
    /// unknown, none or amount.
    pub kind: String,
    /// In minor units (öre, cent).
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub year: Option<i32>,
    /// The amount is an illustrative value, not a recorded fact.
    pub illustrative: bool,
    /// The fee in öre: the amount itself for SEK, 0 for no fee, converted at
    /// `rate` otherwise; null when the fee is unknown or its currency has no rate.
    pub sek: Option<i64>,
    /// The rate the fee was converted at; null for SEK, no fee or no rate.
    pub rate: Option<RateRef>,
}

/// An exchange rate as a fee refers to it.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"value": 9.0298, "year": 2011, "source": "ECB euro reference rates: mean of 257 days; EUR/SEK (not the Riksbank's fixing)"}))]
pub struct RateRef {
    /// Kronor per unit of the currency.
    pub value: f64,
    /// The year whose annual average this is (the fee's year, or the
    /// nearest year with a rate).
    pub year: i32,
    pub source: String,
}

impl From<&oversyn_core::rates::Rate> for RateRef {
    fn from(r: &oversyn_core::rates::Rate) -> RateRef {
        RateRef {
            value: r.value(),
            year: r.year,
            source: r.source.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"organisation": {"id": 12, "slug": "skr", "name": "Sveriges Kommuner och Regioner", "acronym": "SKR"}, "membership_id": 6}))]
pub struct ViaOut {
    /// The organisation the tenant is a member of, through which it is represented.
    pub organisation: OrgRef,
    pub membership_id: i64,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 4, "kind": "membership", "direct": true, "organisation": {"id": 3, "slug": "uclg", "name": "United Cities and Local Governments", "acronym": "UCLG"}, "body": {"id": 2, "name": "Kommunstyrelsen"}, "membership_type": "full", "status": "active", "since": null, "until": null, "fee": {"kind": "unknown", "amount_minor": null, "currency": null, "year": null, "illustrative": false, "sek": null, "rate": null}, "contact_person_id": null, "notes": null, "via": null, "version": 1}))]
pub struct MembershipOut {
    /// Null for indirect memberships, which are derived, not stored.
    pub id: Option<i64>,
    /// `direct` (held by one of the tenant's bodies) or `indirect` (through another organisation).
    pub kind: String,
    pub direct: bool,
    pub organisation: OrgRef,
    pub body: Option<BodyRef>,
    pub membership_type: Option<String>,
    pub status: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub fee: Option<FeeOut>,
    pub contact_person_id: Option<i64>,
    pub notes: Option<String>,
    pub via: Option<ViaOut>,
    pub version: Option<i64>,
}

impl MembershipOut {
    pub fn direct(snap: &Snapshot, m: &Membership) -> MembershipOut {
        let (kind, amount_minor, currency, year) = match &m.fee {
            Fee::Unknown => ("unknown", None, None, None),
            Fee::NoFee => ("none", None, None, None),
            Fee::Amount {
                minor,
                currency,
                year,
            } => ("amount", Some(*minor), Some(currency.clone()), *year),
        };
        let converted = snap.rates.fee_in_sek(&m.fee);
        MembershipOut {
            id: Some(m.id),
            kind: "direct".into(),
            direct: true,
            organisation: OrgRef::of(snap, m.organisation_id),
            body: snap.body(m.body_id).map(|b| BodyRef {
                id: b.id,
                name: b.name.clone(),
            }),
            membership_type: Some(m.mtype.code().into()),
            status: m.status.code().into(),
            since: m.since.map(|d| d.to_string()),
            until: m.until.map(|d| d.to_string()),
            fee: Some(FeeOut {
                kind: kind.into(),
                amount_minor,
                currency,
                year,
                illustrative: m.fee_illustrative,
                sek: converted.map(|(ore, _)| ore),
                rate: converted.and_then(|(_, r)| r).map(RateRef::from),
            }),
            contact_person_id: m.contact_person_id,
            notes: m.notes.clone(),
            via: None,
            version: Some(m.version),
        }
    }

    pub fn indirect(snap: &Snapshot, i: &Indirect) -> MembershipOut {
        MembershipOut {
            id: None,
            kind: "indirect".into(),
            direct: false,
            organisation: OrgRef::of(snap, i.organisation_id),
            body: None,
            membership_type: None,
            status: "active".into(),
            since: None,
            until: None,
            fee: None,
            contact_person_id: None,
            notes: None,
            via: Some(ViaOut {
                organisation: OrgRef::of(snap, i.via_organisation_id),
                membership_id: i.via_membership_id,
            }),
            version: None,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "name": "Sten Nordin", "kind": "politician", "party": "M", "side": "majority", "department": null, "email": null, "version": 1}))]
pub struct PersonOut {
    pub id: i64,
    pub name: String,
    /// official or politician.
    pub kind: String,
    pub party: Option<String>,
    /// majority or opposition.
    pub side: Option<String>,
    pub department: Option<String>,
    pub email: Option<String>,
    pub version: i64,
}

impl From<&Person> for PersonOut {
    fn from(p: &Person) -> Self {
        PersonOut {
            id: p.id,
            name: p.name.clone(),
            kind: p.kind.code().into(),
            party: p.party.clone(),
            side: p.side.map(|s| s.code().into()),
            department: p.department.clone(),
            email: p.email.clone(),
            version: p.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 2, "name": "Kommunstyrelsen", "kind": "executive_board", "abbreviation": "KS", "version": 1}))]
pub struct BodyOut {
    pub id: i64,
    pub name: String,
    /// council, executive_board, committee, department or company.
    pub kind: String,
    pub abbreviation: Option<String>,
    pub version: i64,
}

impl From<&Body> for BodyOut {
    fn from(b: &Body) -> Self {
        BodyOut {
            id: b.id,
            name: b.name.clone(),
            kind: b.kind.code().into(),
            abbreviation: b.abbreviation.clone(),
            version: b.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 5, "organisation_id": 7, "person_id": 9, "kind": "board_seat", "org_body": "Board of Directors", "title": "Styrelseledamot", "from": null, "until": "2011-11-23", "notes": null, "appointed_by": "KS 2010-12-15 § 9", "deputy_person_id": 11, "version": 2}))]
pub struct SeatOut {
    pub id: i64,
    pub organisation_id: i64,
    pub person_id: Option<i64>,
    /// board_seat, post, forum or working_group.
    pub kind: String,
    pub org_body: String,
    pub title: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
    pub notes: Option<String>,
    /// The decision that appointed the holder.
    pub appointed_by: Option<String>,
    /// The holder's deputy (ersättare).
    pub deputy_person_id: Option<i64>,
    pub version: i64,
}

impl From<&Seat> for SeatOut {
    fn from(s: &Seat) -> Self {
        SeatOut {
            id: s.id,
            organisation_id: s.organisation_id,
            person_id: s.person_id,
            kind: s.kind.code().into(),
            org_body: s.org_body.clone(),
            title: s.title.clone(),
            from: s.from.map(|d| d.to_string()),
            until: s.until.map(|d| d.to_string()),
            notes: s.notes.clone(),
            appointed_by: s.appointed_by.clone(),
            deputy_person_id: s.deputy_person_id,
            version: s.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 17, "actor": "demo@stockholm.example", "at": "2026-11-27T09:00:00.000Z", "action": "update", "before": {"status": "active"}, "after": {"status": "notice_given"}}))]
pub struct AuditOut {
    pub id: i64,
    pub actor: String,
    pub at: String,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl From<AuditEntry> for AuditOut {
    fn from(e: AuditEntry) -> Self {
        AuditOut {
            id: e.id,
            actor: e.actor,
            at: e.at,
            action: e.action,
            before: e.before,
            after: e.after,
        }
    }
}

#[derive(serde::Deserialize, ToSchema, Default)]
#[serde(default)]
#[schema(example = json!({"date": "2011-12-31", "version": 3}))]
pub struct EndBody {
    /// The last day, YYYY-MM-DD.
    pub date: String,
    pub version: Option<i64>,
}
