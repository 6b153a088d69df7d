//! From register records to OParl objects. Callers decide what is public
//! and pass only that; these functions decide how it looks.

use super::paging::Key;
use super::time::{day_end, day_start};
use super::{
    Body as OBody, CityMembership, FeeOut, File, Kind, LICENSE, Location, Meeting, Membership,
    Organization, Paper, Person as OPerson, SCHEMA, System, Tombstone, Urls, web_address,
};
use crate::Code;
use crate::cases::{Case, CaseStatus, PositionKind};
use crate::codes::{BodyKind, PersonKind};
use crate::fees::Fee;
use crate::followup::input::EventFields;
use crate::register::{Body, Membership as CityMember, Organisation, Person, Seat};
use chrono::NaiveDate;

/// When a record was created and last changed (RFC 3339, UTC).
#[derive(Debug, Clone, Copy)]
pub struct Times<'a> {
    pub created: &'a str,
    pub modified: &'a str,
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

pub fn system(base: &str) -> System {
    System {
        id: Urls::system(base),
        kind: format!("{SCHEMA}System"),
        oparl_version: SCHEMA.to_owned(),
        body: Urls::bodies(base),
        name: "Översyn".to_owned(),
        license: LICENSE.to_owned(),
    }
}

pub fn body(u: &Urls, name: &str, t: Times) -> OBody {
    OBody {
        id: u.body(),
        kind: format!("{SCHEMA}Body"),
        system: Urls::system(&u.base_url()),
        name: name.to_owned(),
        license: LICENSE.to_owned(),
        organization: u.list(Kind::Organization),
        person: u.list(Kind::Person),
        meeting: u.list(Kind::Meeting),
        paper: u.list(Kind::Paper),
        membership: u.list(Kind::Membership),
        file: u.list(Kind::File),
        location_list: u.list(Kind::Location),
        legislative_term: Vec::new(),
        web: u.public_page(),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
        withheld: Vec::new(),
    }
}

/// OParl's own word for the kind of group; German, as clients filter on it.
fn organization_type(k: BodyKind) -> &'static str {
    match k {
        BodyKind::Council | BodyKind::ExecutiveBoard | BodyKind::Committee => "Gremium",
        BodyKind::Department => "Verwaltungsbereich",
        BodyKind::Company => "Institution",
    }
}

/// One of the city's own bodies, with the networks it holds memberships in.
pub fn city_body(u: &Urls, b: &Body, memberships: &[CityMember], t: Times) -> Organization {
    let mut member_of: Vec<String> = memberships
        .iter()
        .filter(|m| m.body_id == b.id)
        .map(|m| u.object(Kind::Organization, network_key(m.organisation_id)))
        .collect();
    member_of.dedup();
    Organization {
        id: u.object(Kind::Organization, body_key(b.id)),
        kind: Kind::Organization.type_url(),
        body: u.body(),
        name: b.name.clone(),
        short_name: b.abbreviation.clone(),
        organization_type: organization_type(b.kind).to_owned(),
        classification: b.kind.code().to_owned(),
        membership: Vec::new(),
        website: None,
        member_of,
        city_memberships: Vec::new(),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    }
}

pub fn body_key(id: i64) -> Key {
    Key { rank: 0, id }
}

pub fn network_key(id: i64) -> Key {
    Key { rank: 1, id }
}

fn fee(f: &Fee) -> Option<FeeOut> {
    match f {
        Fee::Amount {
            minor,
            currency,
            year,
        } => Some(FeeOut {
            amount: crate::fees::decimal(*minor),
            currency: currency.clone(),
            year: *year,
        }),
        Fee::NoFee | Fee::Unknown => None,
    }
}

/// A network the city belongs to (or meets), with the city's memberships
/// in it and the seats its persons hold there.
pub fn network(
    u: &Urls,
    o: &Organisation,
    memberships: &[CityMember],
    seats: &[Seat],
    t: Times,
) -> Organization {
    Organization {
        id: u.object(Kind::Organization, network_key(o.id)),
        kind: Kind::Organization.type_url(),
        body: u.body(),
        name: o.name.clone(),
        short_name: o.acronym.clone(),
        organization_type: "externes Gremium".to_owned(),
        classification: o.kind.code().to_owned(),
        membership: seats
            .iter()
            .filter(|s| s.organisation_id == o.id && s.person_id.is_some())
            .map(|s| u.object(Kind::Membership, Key::new(s.id)))
            .collect(),
        website: web_address(o.website.as_deref()),
        member_of: Vec::new(),
        city_memberships: memberships
            .iter()
            .filter(|m| m.organisation_id == o.id)
            .map(|m| CityMembership {
                held_by: u.object(Kind::Organization, body_key(m.body_id)),
                role: m.mtype.code().to_owned(),
                status: m.status.code().to_owned(),
                start_date: date(m.since),
                end_date: date(m.until),
                fee: fee(&m.fee),
            })
            .collect(),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    }
}

/// A person's seat; none for a seat the source names nobody for.
pub fn membership(u: &Urls, s: &Seat, t: Times) -> Option<Membership> {
    let person = s.person_id?;
    Some(Membership {
        id: u.object(Kind::Membership, Key::new(s.id)),
        kind: Kind::Membership.type_url(),
        person: u.object(Kind::Person, Key::new(person)),
        organization: u.object(Kind::Organization, network_key(s.organisation_id)),
        role: Some(s.title.clone().unwrap_or_else(|| s.org_body.clone())),
        start_date: date(s.from),
        end_date: date(s.until),
        organization_body: s.org_body.clone(),
        seat_kind: s.kind.code().to_owned(),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    })
}

/// A person with their seats embedded (`seats` are this person's, built).
pub fn person(u: &Urls, p: &Person, seats: Vec<Membership>, t: Times) -> OPerson {
    let politician = p.kind == PersonKind::Politician;
    OPerson {
        id: u.object(Kind::Person, Key::new(p.id)),
        kind: Kind::Person.type_url(),
        body: u.body(),
        name: p.name.clone(),
        membership: seats,
        party: p.party.clone().filter(|_| politician),
        side: p.side.filter(|_| politician).map(|s| s.code().to_owned()),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    }
}

/// Where an event takes place, when the register says.
pub fn location(u: &Urls, event_id: i64, e: &EventFields, t: Times) -> Option<Location> {
    let place = e.place.trim();
    (!place.is_empty()).then(|| Location {
        id: u.object(Kind::Location, Key::new(event_id)),
        kind: Kind::Location.type_url(),
        description: place.to_owned(),
        meetings: vec![u.object(Kind::Meeting, Key::new(event_id))],
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    })
}

pub fn meeting(u: &Urls, event_id: i64, e: &EventFields, t: Times) -> Meeting {
    Meeting {
        id: u.object(Kind::Meeting, Key::new(event_id)),
        kind: Kind::Meeting.type_url(),
        name: e.title.clone(),
        start: day_start(e.starts_on),
        end: day_end(e.ends_on),
        location: location(u, event_id, e, t),
        organization: vec![u.object(Kind::Organization, network_key(e.organisation_id))],
        event_kind: e.kind.clone(),
        remote: e.remote,
        stream_url: web_address(e.stream_url.as_deref()),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    }
}

/// A public case as the register holds it.
pub struct CaseRecord<'a> {
    pub id: i64,
    pub title: &'a str,
    /// The case number as the tenant writes it, e.g. "Dnr 006-1348/2010".
    pub number: &'a str,
    pub document_reference: &'a str,
    pub date: Option<NaiveDate>,
    pub status: &'a str,
    pub case: &'a Case,
}

fn file_key(case_id: i64) -> Key {
    Key {
        rank: 0,
        id: case_id,
    }
}

/// The case's decision document as Akoma Ntoso: the file a decided
/// case's Paper points to.
pub fn case_file(u: &Urls, c: &CaseRecord, t: Times) -> File {
    let access = format!("{}/akn.xml", u.public_case(c.id));
    File {
        id: u.object(Kind::File, file_key(c.id)),
        kind: Kind::File.type_url(),
        name: format!("{} (Akoma Ntoso)", c.title),
        file_name: format!("case-{}.akn.xml", c.id),
        mime_type: "application/akn+xml".to_owned(),
        date: date(c.date),
        download_url: access.clone(),
        access_url: access,
        paper: vec![u.object(Kind::Paper, Key::new(c.id))],
        license: LICENSE.to_owned(),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    }
}

pub fn paper(u: &Urls, c: &CaseRecord, t: Times) -> Paper {
    let of = |k: PositionKind| {
        c.case
            .positions
            .iter()
            .filter(|p| p.kind == k)
            .cloned()
            .collect()
    };
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    Paper {
        id: u.object(Kind::Paper, Key::new(c.id)),
        kind: Kind::Paper.type_url(),
        body: u.body(),
        name: c.title.to_owned(),
        reference: text(c.number),
        date: date(c.date),
        paper_type: "decision".to_owned(),
        main_file: (c.status == CaseStatus::Decided.code()).then(|| case_file(u, c, t)),
        web: u.public_case(c.id),
        document_reference: text(c.document_reference),
        status: c.status.to_owned(),
        route: c.case.route.clone(),
        decision_points: c.case.proposal.clone(),
        reservations: of(PositionKind::Reservation),
        statements: of(PositionKind::Statement),
        motions: of(PositionKind::Motion),
        notes: of(PositionKind::Note),
        decisions: c.case.decisions.clone(),
        created: t.created.to_owned(),
        modified: t.modified.to_owned(),
    }
}

/// A deleted object under its old id.
pub fn tombstone(u: &Urls, kind: Kind, key: Key, deleted_at: &str) -> Tombstone {
    Tombstone {
        id: u.object(kind, key),
        kind: kind.type_url(),
        deleted: true,
        modified: deleted_at.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{MembershipStatus, MembershipType, OrgKind, SeatKind, Side};

    const T: Times = Times {
        created: "2011-09-01T08:00:00.000Z",
        modified: "2011-09-02T08:00:00.000Z",
    };

    fn urls() -> Urls {
        Urls::new("https://oversyn.example/", "stockholm")
    }

    #[test]
    fn ids_are_urls_under_the_body() {
        let u = urls();
        assert_eq!(u.body(), "https://oversyn.example/oparl/bodies/stockholm");
        assert_eq!(
            u.object(Kind::Organization, network_key(7)),
            "https://oversyn.example/oparl/bodies/stockholm/organizations/network-7"
        );
        let b = body(&u, "Stockholms stad", T);
        assert_eq!(b.system, "https://oversyn.example/oparl");
        assert_eq!(
            b.paper,
            "https://oversyn.example/oparl/bodies/stockholm/papers"
        );
    }

    fn seat(person: Option<i64>) -> Seat {
        Seat {
            id: 3,
            organisation_id: 7,
            person_id: person,
            kind: SeatKind::BoardSeat,
            org_body: "Executive Committee".into(),
            title: None,
            from: "2010-11-01".parse().ok(),
            until: None,
            notes: Some("internal".into()),
            appointed_by: None,
            deputy_person_id: None,
            version: 1,
        }
    }

    #[test]
    fn a_seat_is_a_membership_of_its_person_in_the_network() {
        let m = membership(&urls(), &seat(Some(5)), T).unwrap();
        assert!(m.person.ends_with("/persons/5"));
        assert!(m.organization.ends_with("/organizations/network-7"));
        assert_eq!(m.role.as_deref(), Some("Executive Committee"));
        assert_eq!(m.start_date.as_deref(), Some("2010-11-01"));
        assert!(membership(&urls(), &seat(None), T).is_none());
    }

    #[test]
    fn an_officials_party_stays_out() {
        let p = Person {
            id: 5,
            name: "Anna".into(),
            kind: PersonKind::Official,
            party: Some("S".into()),
            side: Some(Side::Majority),
            department: None,
            email: Some("anna@example.se".into()),
            version: 1,
        };
        let o = person(&urls(), &p, Vec::new(), T);
        assert_eq!((o.party, o.side), (None, None));
        let p = Person {
            kind: PersonKind::Politician,
            ..p
        };
        let o = person(&urls(), &p, Vec::new(), T);
        assert_eq!(o.party.as_deref(), Some("S"));
        assert_eq!(o.side.as_deref(), Some("majority"));
    }

    #[test]
    fn a_network_carries_the_citys_membership_and_fee() {
        let o = Organisation {
            id: 7,
            tenant_id: None,
            slug: "uclg".into(),
            name: "United Cities and Local Governments".into(),
            acronym: Some("UCLG".into()),
            aliases: Vec::new(),
            kind: OrgKind::CityNetwork,
            headquarters: None,
            founded: None,
            website: Some("www.uclg.org".into()),
            themes: Vec::new(),
            notice_months: Some(6),
            written_notice: true,
            notice_valid_from: None,
            fee_basis: None,
            version: 1,
        };
        let m = CityMember {
            id: 1,
            body_id: 2,
            organisation_id: 7,
            mtype: MembershipType::Full,
            since: None,
            until: None,
            status: MembershipStatus::Active,
            fee: Fee::Amount {
                minor: 1_250_050,
                currency: "EUR".into(),
                year: Some(2011),
            },
            fee_illustrative: false,
            contact_person_id: None,
            notes: None,
            version: 1,
        };
        let n = network(&urls(), &o, &[m], &[seat(Some(5)), seat(None)], T);
        assert_eq!(n.website, None, "not a URL, so left out");
        assert_eq!(n.membership.len(), 1);
        let c = &n.city_memberships[0];
        assert!(c.held_by.ends_with("/organizations/body-2"));
        assert_eq!(c.fee.as_ref().map(|f| f.amount.as_str()), Some("12500.50"));
    }
}
