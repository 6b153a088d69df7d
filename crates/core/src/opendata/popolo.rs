//! The register as Popolo (popoloproject.com): the city and its bodies as
//! organizations, the networks as organizations (a section's `parent_id` is
//! the organisation it belongs to), the city's memberships as memberships
//! whose member is an organization, seats as posts, and the persons holding
//! them as memberships on behalf of the city. A politician's terms of office
//! are memberships of the person in the city's body (or in the city, when
//! the body is not one of the register's), with role, dates and the side
//! held in `extras`. Identifiers are made from
//! content (slugs, names, order), never from database ids, so an export
//! imported into an empty tenant exports the same document again.

use crate::codes::{
    BodyKind, Code, MembershipStatus, MembershipType, OrgKind, PersonKind, RelationKind, SeatKind,
    Side,
};
use crate::fees::Fee;
use crate::register::terms::{Term, TermCmd, admit};
use crate::register::{Body, Membership, Organisation, Person, Relation, Seat};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const CITY: &str = "city";

/// The `extras` key that marks a membership as a term of office.
pub const TERM_KEY: &str = "term";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Meta,
    pub organizations: Vec<PopOrganization>,
    pub persons: Vec<PopPerson>,
    pub posts: Vec<Post>,
    pub memberships: Vec<PopMembership>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub generator: String,
    pub tenant: String,
    pub licence: String,
    /// Records the tenant withholds from this document, by kind and
    /// secrecy ground (never which).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<crate::privacy::secrecy::WithheldNotice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Name {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Identifier {
    pub scheme: String,
    pub identifier: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Link {
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PopOrganization {
    pub id: String,
    pub name: String,
    pub classification: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<Name>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founding_date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Our extras: headquarters, themes, notice rule, fee basis.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extras: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PopPerson {
    pub id: String,
    pub name: String,
    /// Our extras: kind, party, side, department.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extras: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Post {
    pub id: String,
    pub label: String,
    pub role: String,
    pub organization_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Our extra: the organisation's body the seat is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Member {
    #[serde(rename = "@type")]
    pub kind: String,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PopMembership {
    pub id: String,
    /// Set when the member is an organization (the city's bodies, or a network in another).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    pub organization_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Our extras: status, fee, fee year and currency, illustrative.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extras: BTreeMap<String, String>,
}

/// What the export reads: one tenant's register.
pub struct Register<'a> {
    pub tenant_slug: &'a str,
    pub tenant_name: &'a str,
    pub organisations: &'a [Organisation],
    pub bodies: &'a [Body],
    pub persons: &'a [Person],
    pub memberships: &'a [Membership],
    pub seats: &'a [Seat],
    pub relations: &'a [Relation],
    pub terms: &'a [Term],
}

pub const LICENCE: &str =
    "CC0 1.0 (public domain dedication), https://creativecommons.org/publicdomain/zero/1.0/";

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// Distinct keys for names: "anna-ek", then "anna-ek-2".
fn keys<'a>(names: impl Iterator<Item = (i64, &'a str)>, prefix: &str) -> BTreeMap<i64, String> {
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    let mut sorted: Vec<(i64, &str)> = names.collect();
    sorted.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    for (id, name) in sorted {
        let base = slugify(name);
        let n = used.entry(base.clone()).or_default();
        *n += 1;
        let key = if *n == 1 {
            format!("{prefix}:{base}")
        } else {
            format!("{prefix}:{base}-{n}")
        };
        out.insert(id, key);
    }
    out
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn org_key(o: &Organisation) -> String {
    format!("org:{}", o.slug)
}

pub fn export(r: &Register) -> Document {
    let org_ids: BTreeMap<i64, String> =
        r.organisations.iter().map(|o| (o.id, org_key(o))).collect();
    let body_ids = keys(r.bodies.iter().map(|b| (b.id, b.name.as_str())), "body");
    let person_ids = keys(r.persons.iter().map(|p| (p.id, p.name.as_str())), "person");
    // Organisations: the tenant's own, and every one the register refers to.
    let mut wanted: Vec<i64> = r
        .organisations
        .iter()
        .filter(|o| o.tenant_id.is_some())
        .map(|o| o.id)
        .collect();
    wanted.extend(r.memberships.iter().map(|m| m.organisation_id));
    wanted.extend(r.seats.iter().map(|s| s.organisation_id));
    let mut more = true;
    while more {
        more = false;
        for rel in r.relations {
            if wanted.contains(&rel.from_id) && !wanted.contains(&rel.to_id) {
                wanted.push(rel.to_id);
                more = true;
            }
        }
    }
    let mut organizations = vec![PopOrganization {
        id: CITY.into(),
        name: r.tenant_name.into(),
        classification: "municipality".into(),
        identifiers: vec![Identifier {
            scheme: "oversyn-tenant".into(),
            identifier: r.tenant_slug.into(),
        }],
        ..PopOrganization::default()
    }];
    let mut bodies: Vec<PopOrganization> = r
        .bodies
        .iter()
        .map(|b| PopOrganization {
            id: body_ids[&b.id].clone(),
            name: b.name.clone(),
            classification: b.kind.code().into(),
            abbreviation: b.abbreviation.clone(),
            parent_id: Some(CITY.into()),
            ..PopOrganization::default()
        })
        .collect();
    bodies.sort_by(|a, b| a.id.cmp(&b.id));
    organizations.extend(bodies);
    let mut orgs: Vec<PopOrganization> = r
        .organisations
        .iter()
        .filter(|o| wanted.contains(&o.id))
        .map(|o| {
            let mut extras = BTreeMap::new();
            if let Some(h) = &o.headquarters {
                extras.insert("headquarters".into(), h.clone());
            }
            if !o.themes.is_empty() {
                extras.insert("themes".into(), o.themes.join("; "));
            }
            if let Some(n) = o.notice_months {
                extras.insert("notice_months".into(), n.to_string());
            }
            if o.written_notice {
                extras.insert("written_notice".into(), "true".into());
            }
            if let Some(f) = &o.fee_basis {
                extras.insert("fee_basis".into(), f.clone());
            }
            let parent = r
                .relations
                .iter()
                .find(|x| x.from_id == o.id && x.kind == RelationKind::SectionOf)
                .and_then(|x| org_ids.get(&x.to_id).cloned());
            PopOrganization {
                id: org_key(o),
                name: o.name.clone(),
                classification: o.kind.code().into(),
                abbreviation: o.acronym.clone(),
                other_names: o.aliases.iter().map(|a| Name { name: a.clone() }).collect(),
                identifiers: vec![Identifier {
                    scheme: if o.tenant_id.is_some() {
                        "oversyn-tenant-organisation"
                    } else {
                        "oversyn-catalogue"
                    }
                    .into(),
                    identifier: o.slug.clone(),
                }],
                parent_id: parent,
                founding_date: o.founded.map(|y| y.to_string()),
                links: o.website.iter().map(|u| Link { url: u.clone() }).collect(),
                extras,
            }
        })
        .collect();
    orgs.sort_by(|a, b| a.id.cmp(&b.id));
    organizations.extend(orgs);

    let mut persons: Vec<PopPerson> = r
        .persons
        .iter()
        .map(|p| {
            let mut extras = BTreeMap::new();
            extras.insert("kind".into(), p.kind.code().into());
            if let Some(x) = &p.party {
                extras.insert("party".into(), x.clone());
            }
            if let Some(x) = p.side {
                extras.insert("side".into(), x.code().into());
            }
            if let Some(x) = &p.department {
                extras.insert("department".into(), x.clone());
            }
            PopPerson {
                id: person_ids[&p.id].clone(),
                name: p.name.clone(),
                extras,
            }
        })
        .collect();
    persons.sort_by(|a, b| a.id.cmp(&b.id));

    let mut memberships: Vec<PopMembership> = r
        .memberships
        .iter()
        .filter_map(|m| {
            let mut extras = BTreeMap::new();
            extras.insert("status".into(), m.status.code().into());
            match &m.fee {
                Fee::Unknown => {}
                Fee::NoFee => {
                    extras.insert("fee".into(), "none".into());
                }
                Fee::Amount {
                    minor,
                    currency,
                    year,
                } => {
                    extras.insert("fee_minor".into(), minor.to_string());
                    extras.insert("fee_currency".into(), currency.clone());
                    if let Some(y) = year {
                        extras.insert("fee_year".into(), y.to_string());
                    }
                }
            }
            if m.fee_illustrative {
                extras.insert("fee_illustrative".into(), "true".into());
            }
            Some(PopMembership {
                id: String::new(),
                member: Some(Member {
                    kind: "Organization".into(),
                    id: body_ids.get(&m.body_id)?.clone(),
                }),
                organization_id: org_ids.get(&m.organisation_id)?.clone(),
                role: Some(m.mtype.code().into()),
                start_date: date(m.since),
                end_date: date(m.until),
                extras,
                ..PopMembership::default()
            })
        })
        .collect();
    for rel in r
        .relations
        .iter()
        .filter(|x| x.kind == RelationKind::MemberOf)
    {
        if let (Some(from), Some(to)) = (org_ids.get(&rel.from_id), org_ids.get(&rel.to_id))
            && wanted.contains(&rel.from_id)
        {
            let mut extras = BTreeMap::new();
            if let Some(s) = &rel.source {
                extras.insert("source".into(), s.clone());
            }
            memberships.push(PopMembership {
                member: Some(Member {
                    kind: "Organization".into(),
                    id: from.clone(),
                }),
                organization_id: to.clone(),
                role: Some("member".into()),
                extras,
                ..PopMembership::default()
            });
        }
    }
    let mut posts = Vec::new();
    let mut seat_list: Vec<&Seat> = r.seats.iter().collect();
    seat_list.sort_by_key(|s| {
        (
            org_ids.get(&s.organisation_id).cloned().unwrap_or_default(),
            s.org_body.clone(),
            s.title.clone().unwrap_or_default(),
            s.person_id
                .and_then(|p| person_ids.get(&p).cloned())
                .unwrap_or_default(),
            s.from,
        )
    });
    for (i, s) in seat_list.iter().enumerate() {
        let Some(org) = org_ids.get(&s.organisation_id) else {
            continue;
        };
        let post = format!("post:{}", i + 1);
        posts.push(Post {
            id: post.clone(),
            label: s.title.clone().unwrap_or_else(|| s.kind.code().into()),
            role: s.kind.code().into(),
            organization_id: org.clone(),
            start_date: date(s.from),
            end_date: date(s.until),
            body: Some(s.org_body.clone()).filter(|b| !b.is_empty()),
        });
        if let Some(p) = s.person_id.and_then(|p| person_ids.get(&p)) {
            memberships.push(PopMembership {
                person_id: Some(p.clone()),
                post_id: Some(post),
                organization_id: org.clone(),
                on_behalf_of_id: Some(CITY.into()),
                role: Some(s.kind.code().into()),
                start_date: date(s.from),
                end_date: date(s.until),
                ..PopMembership::default()
            });
        }
    }
    for t in r.terms {
        let Some(p) = person_ids.get(&t.person_id) else {
            continue;
        };
        let body = r
            .bodies
            .iter()
            .find(|b| b.name.trim().eq_ignore_ascii_case(t.body.trim()))
            .and_then(|b| body_ids.get(&b.id));
        let mut extras = BTreeMap::new();
        extras.insert(TERM_KEY.into(), "true".into());
        extras.insert("body".into(), t.body.clone());
        if let Some(s) = t.side {
            extras.insert("side".into(), s.code().into());
        }
        memberships.push(PopMembership {
            person_id: Some(p.clone()),
            organization_id: body.cloned().unwrap_or_else(|| CITY.into()),
            role: Some(t.role.clone()),
            start_date: date(Some(t.from)),
            end_date: date(t.to),
            extras,
            ..PopMembership::default()
        });
    }
    memberships.sort_by(|a, b| {
        let key = |m: &PopMembership| {
            (
                m.post_id.is_some(),
                m.member.as_ref().map(|x| x.id.clone()),
                m.person_id.clone(),
                m.organization_id.clone(),
                m.post_id.clone(),
                m.start_date.clone(),
                m.extras.get("body").cloned(),
            )
        };
        key(a).cmp(&key(b))
    });
    for (i, m) in memberships.iter_mut().enumerate() {
        m.id = format!("membership:{}", i + 1);
    }
    Document {
        meta: Meta {
            generator: "Översyn".into(),
            tenant: r.tenant_slug.into(),
            licence: LICENCE.into(),
            withheld: Vec::new(),
        },
        organizations,
        persons,
        posts,
        memberships,
    }
}

/// What an import will create, in order, checked before anything is written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Organisations to create for the tenant (those the catalogue does not hold): key → fields.
    pub organisations: Vec<PlannedOrganisation>,
    pub bodies: Vec<(String, String, BodyKind, Option<String>)>,
    pub persons: Vec<PlannedPerson>,
    pub memberships: Vec<PlannedMembership>,
    pub seats: Vec<PlannedSeat>,
    pub terms: Vec<PlannedTerm>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedPerson {
    pub key: String,
    pub name: String,
    pub kind: PersonKind,
    pub party: Option<String>,
    pub side: Option<Side>,
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedOrganisation {
    pub key: String,
    pub slug: String,
    pub catalogue: bool,
    pub name: String,
    pub acronym: Option<String>,
    pub aliases: Vec<String>,
    pub kind: OrgKind,
    pub headquarters: Option<String>,
    pub founded: Option<i32>,
    pub website: Option<String>,
    pub themes: Vec<String>,
    pub notice_months: Option<i32>,
    pub written_notice: bool,
    pub fee_basis: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedMembership {
    pub body: String,
    pub organisation: String,
    pub mtype: MembershipType,
    pub status: MembershipStatus,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub fee: Fee,
    pub fee_illustrative: bool,
}

/// A term of office of a person in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedTerm {
    pub person: String,
    pub term: TermCmd,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedSeat {
    pub organisation: String,
    pub person: Option<String>,
    pub kind: SeatKind,
    pub org_body: String,
    pub title: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

fn parse_date(field: &str, v: &Option<String>, errors: &mut Vec<String>) -> Option<NaiveDate> {
    let s = v.as_deref()?;
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(format!("{field}: \"{s}\" is not a date (YYYY-MM-DD)"));
            None
        }
    }
}

/// A term membership read and checked: the person is in the document, the
/// body named, the role and start given, and no overlap with an earlier term.
/// Gives the term and the person's place in `person_keys`.
fn plan_term(
    m: &PopMembership,
    bodies: &[(String, String, BodyKind, Option<String>)],
    person_keys: &[&str],
    planned: &[Term],
    errors: &mut Vec<String>,
) -> Option<(PlannedTerm, i64)> {
    let before = errors.len();
    let person = m.person_id.clone().unwrap_or_default();
    let index = person_keys.iter().position(|k| *k == person);
    if index.is_none() {
        errors.push(format!(
            "{}: person \"{person}\" is not in the document",
            m.id
        ));
    }
    let body = m.extras.get("body").cloned().or_else(|| {
        bodies
            .iter()
            .find(|b| b.0 == m.organization_id)
            .map(|b| b.1.clone())
    });
    let body = body.filter(|b| !b.trim().is_empty());
    if body.is_none() {
        errors.push(format!("{}: a term needs the body it is held in", m.id));
    }
    let role = m.role.clone().filter(|r| !r.trim().is_empty());
    if role.is_none() {
        errors.push(format!("{}: a term needs a role", m.id));
    }
    let from = parse_date(&m.id, &m.start_date, errors);
    if from.is_none() && m.start_date.is_none() {
        errors.push(format!("{}: a term needs a start_date", m.id));
    }
    let to = parse_date(&m.id, &m.end_date, errors);
    let side = match m.extras.get("side") {
        None => None,
        Some(s) => {
            let side = Side::parse(s);
            if side.is_none() {
                errors.push(format!("{}: unknown side \"{s}\"", m.id));
            }
            side
        }
    };
    if errors.len() > before {
        return None;
    }
    let (from, body, role) = (from?, body?, role?);
    if to.is_some_and(|t| t < from) {
        errors.push(format!("{}: the term ends before it starts", m.id));
        return None;
    }
    let term = TermCmd {
        body,
        role,
        from,
        to,
        side,
    };
    let index = index? as i64;
    if admit(planned, index, &term).is_err() {
        errors.push(format!(
            "{}: overlaps another term of {person} in {}",
            m.id, term.body
        ));
        return None;
    }
    Some((PlannedTerm { person, term }, index))
}

/// Reads a document into a plan; every problem is reported, nothing is partial.
pub fn plan(doc: &Document) -> Result<Plan, Vec<String>> {
    let mut errors = Vec::new();
    let mut p = Plan::default();
    let mut org_keys: Vec<&str> = Vec::new();
    for o in &doc.organizations {
        if o.id == CITY {
            continue;
        }
        if o.parent_id.as_deref() == Some(CITY) {
            match BodyKind::parse(&o.classification) {
                Some(kind) => {
                    p.bodies
                        .push((o.id.clone(), o.name.clone(), kind, o.abbreviation.clone()))
                }
                None => errors.push(format!(
                    "organization {}: unknown body classification \"{}\"",
                    o.id, o.classification
                )),
            }
            continue;
        }
        let Some(kind) = OrgKind::parse(&o.classification) else {
            errors.push(format!(
                "organization {}: unknown classification \"{}\"",
                o.id, o.classification
            ));
            continue;
        };
        let ident = o
            .identifiers
            .iter()
            .find(|i| i.scheme.starts_with("oversyn-"));
        let slug = ident
            .map(|i| i.identifier.clone())
            .unwrap_or_else(|| slugify(&o.name));
        if slug.is_empty() || o.name.trim().is_empty() {
            errors.push(format!("organization {}: a name is required", o.id));
        }
        let extra = |k: &str| o.extras.get(k).cloned();
        org_keys.push(&o.id);
        p.organisations.push(PlannedOrganisation {
            key: o.id.clone(),
            catalogue: ident.is_some_and(|i| i.scheme == "oversyn-catalogue"),
            slug,
            name: o.name.clone(),
            acronym: o.abbreviation.clone(),
            aliases: o.other_names.iter().map(|n| n.name.clone()).collect(),
            kind,
            headquarters: extra("headquarters"),
            founded: o
                .founding_date
                .as_deref()
                .and_then(|d| d.get(..4)?.parse().ok()),
            website: o.links.first().map(|l| l.url.clone()),
            themes: extra("themes")
                .map(|t| t.split("; ").map(str::to_owned).collect())
                .unwrap_or_default(),
            notice_months: extra("notice_months").and_then(|n| n.parse().ok()),
            written_notice: extra("written_notice").as_deref() == Some("true"),
            fee_basis: extra("fee_basis"),
        });
    }
    let body_keys: Vec<&str> = p.bodies.iter().map(|b| b.0.as_str()).collect();
    for x in &doc.persons {
        let e = |k: &str| x.extras.get(k).cloned();
        let kind = e("kind")
            .and_then(|k| PersonKind::parse(&k))
            .unwrap_or(PersonKind::ALL[0]);
        let side = e("side").and_then(|s| Side::parse(&s));
        if x.name.trim().is_empty() {
            errors.push(format!("person {}: a name is required", x.id));
        }
        p.persons.push(PlannedPerson {
            key: x.id.clone(),
            name: x.name.clone(),
            kind,
            party: e("party"),
            side,
            department: e("department"),
        });
    }
    let person_keys: Vec<&str> = p.persons.iter().map(|x| x.key.as_str()).collect();
    let mut terms: Vec<Term> = Vec::new();
    for m in doc
        .memberships
        .iter()
        .filter(|m| m.extras.contains_key(TERM_KEY))
    {
        if let Some((t, person_id)) = plan_term(m, &p.bodies, &person_keys, &terms, &mut errors) {
            // Checked as the store will: terms in one body may not overlap.
            terms.push(Term {
                id: 0,
                person_id,
                body: t.term.body.clone(),
                role: t.term.role.clone(),
                from: t.term.from,
                to: t.term.to,
                side: t.term.side,
                version: 0,
            });
            p.terms.push(t);
        }
    }
    for m in &doc.memberships {
        let Some(member) = &m.member else { continue };
        if !body_keys.contains(&member.id.as_str()) {
            // A network's membership in another (member_of) comes from the catalogue.
            if !org_keys.contains(&member.id.as_str()) {
                errors.push(format!(
                    "{}: member {} is not in the document",
                    m.id, member.id
                ));
            }
            continue;
        }
        if !org_keys.contains(&m.organization_id.as_str()) {
            errors.push(format!(
                "{}: organization {} is not in the document",
                m.id, m.organization_id
            ));
            continue;
        }
        let e = |k: &str| m.extras.get(k).cloned();
        let fee = match (e("fee"), e("fee_minor"), e("fee_currency")) {
            (Some(n), _, _) if n == "none" => Fee::NoFee,
            (_, Some(minor), Some(currency)) => match minor.parse() {
                Ok(minor) => Fee::Amount {
                    minor,
                    currency,
                    year: e("fee_year").and_then(|y| y.parse().ok()),
                },
                Err(_) => {
                    errors.push(format!(
                        "{}: fee \"{minor}\" is not a whole number of minor units",
                        m.id
                    ));
                    Fee::Unknown
                }
            },
            _ => Fee::Unknown,
        };
        p.memberships.push(PlannedMembership {
            body: member.id.clone(),
            organisation: m.organization_id.clone(),
            mtype: m
                .role
                .as_deref()
                .and_then(MembershipType::parse)
                .unwrap_or(MembershipType::ALL[0]),
            status: e("status")
                .and_then(|s| MembershipStatus::parse(&s))
                .unwrap_or(MembershipStatus::ALL[0]),
            since: parse_date(&m.id, &m.start_date, &mut errors),
            until: parse_date(&m.id, &m.end_date, &mut errors),
            fee,
            fee_illustrative: e("fee_illustrative").as_deref() == Some("true"),
        });
    }
    for post in &doc.posts {
        if !org_keys.contains(&post.organization_id.as_str()) {
            errors.push(format!(
                "{}: organization {} is not in the document",
                post.id, post.organization_id
            ));
            continue;
        }
        let holder = doc
            .memberships
            .iter()
            .find(|m| m.post_id.as_deref() == Some(post.id.as_str()))
            .and_then(|m| m.person_id.clone());
        if let Some(h) = &holder
            && !person_keys.contains(&h.as_str())
        {
            errors.push(format!("{}: person {h} is not in the document", post.id));
        }
        let Some(kind) = SeatKind::parse(&post.role) else {
            errors.push(format!("{}: unknown role \"{}\"", post.id, post.role));
            continue;
        };
        p.seats.push(PlannedSeat {
            organisation: post.organization_id.clone(),
            person: holder,
            kind,
            org_body: post.body.clone().unwrap_or_default(),
            title: Some(post.label.clone()).filter(|l| l != kind.code()),
            from: parse_date(&post.id, &post.start_date, &mut errors),
            until: parse_date(&post.id, &post.end_date, &mut errors),
        });
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_distinct_readable_keys() {
        let k = keys(
            [(1, "Anna Ek"), (2, "Anna Ek"), (3, "Örjan Åberg")].into_iter(),
            "person",
        );
        assert_eq!(k[&1], "person:anna-ek");
        assert_eq!(k[&2], "person:anna-ek-2");
        assert_eq!(k[&3], "person:orjan-aberg");
    }

    #[test]
    fn a_term_needs_its_person_body_role_and_start() {
        let term = |id: &str, person: &str, body: Option<&str>, start: Option<&str>, side: &str| {
            let mut extras = BTreeMap::from([(TERM_KEY.to_string(), "true".to_string())]);
            if let Some(b) = body {
                extras.insert("body".into(), b.into());
            }
            if !side.is_empty() {
                extras.insert("side".into(), side.into());
            }
            PopMembership {
                id: id.into(),
                person_id: Some(person.into()),
                organization_id: CITY.into(),
                role: Some("ledamot".into()),
                start_date: start.map(str::to_owned),
                extras,
                ..PopMembership::default()
            }
        };
        let mut doc = Document {
            meta: Meta {
                generator: "x".into(),
                tenant: "t".into(),
                licence: String::new(),
                withheld: Vec::new(),
            },
            organizations: vec![],
            persons: vec![PopPerson {
                id: "person:a".into(),
                name: "A".into(),
                extras: BTreeMap::new(),
            }],
            posts: vec![],
            memberships: vec![
                term(
                    "m:1",
                    "person:a",
                    Some("Kommunstyrelsen"),
                    Some("2010-01-01"),
                    "majority",
                ),
                term("m:2", "person:b", Some("KS"), Some("2010-01-01"), ""),
                term("m:3", "person:a", None, Some("2010-01-01"), ""),
                term("m:4", "person:a", Some("KS"), None, ""),
                term("m:5", "person:a", Some("KS"), Some("2010-01-01"), "left"),
                term(
                    "m:6",
                    "person:a",
                    Some("kommunstyrelsen"),
                    Some("2012-01-01"),
                    "",
                ),
            ],
        };
        let errors = plan(&doc).unwrap_err();
        for (id, says) in [
            ("m:2", "is not in the document"),
            ("m:3", "body"),
            ("m:4", "start_date"),
            ("m:5", "unknown side"),
            ("m:6", "overlaps"),
        ] {
            assert!(
                errors.iter().any(|e| e.starts_with(id) && e.contains(says)),
                "{id}: {errors:?}"
            );
        }
        assert_eq!(errors.len(), 5, "{errors:?}");
        doc.memberships.truncate(1);
        let p = plan(&doc).unwrap();
        assert_eq!(p.terms.len(), 1);
        assert_eq!(p.terms[0].term.side, Some(Side::Majority));
    }

    #[test]
    fn a_broken_document_lists_every_problem() {
        let doc = Document {
            meta: Meta {
                generator: "x".into(),
                tenant: "t".into(),
                licence: String::new(),
                withheld: Vec::new(),
            },
            organizations: vec![PopOrganization {
                id: "org:x".into(),
                name: "X".into(),
                classification: "castle".into(),
                ..PopOrganization::default()
            }],
            persons: vec![],
            posts: vec![Post {
                id: "post:1".into(),
                label: "x".into(),
                role: "board_seat".into(),
                organization_id: "org:y".into(),
                ..Post::default()
            }],
            memberships: vec![],
        };
        let errors = plan(&doc).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("castle"));
    }
}
