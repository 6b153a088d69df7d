//! A decided case as Akoma Ntoso 3.0 XML, valid against the OASIS schema
//! (`akomantoso30.xsd`, LegalDocML Standard 2018; a copy is in
//! `../shared/standards/akn/` and the tests validate every demo case
//! against it): the adopted decision points as `paragraph`s of the main
//! body; each reservation or special statement as an `hcontainer`
//! (`name="reservation"` / `"statement"`) after them, whose `intro` names
//! each person in a `<p><opinion type="dissenting|null" by="#person">` of
//! their own (`opinion` is inline and `by` holds one reference), then its
//! counter-points and its text (`wrapUp`); every person and body in the
//! references as TLCPerson / TLCOrganization. Every text is escaped.

use crate::case::CaseView;
use oversyn_core::cases::{Person, Point, PositionKind, same_body};
use std::fmt::Write;

use crate::xml::escape as esc;

/// An `eId`-safe token: lowercase ASCII letters, digits and hyphens.
fn token(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let t = out.trim_end_matches('-').to_owned();
    if t.is_empty() { "x".into() } else { t }
}

fn person_ref(p: &Person) -> String {
    format!("#{}", token(&p.name))
}

/// A person as the document shows them: "Per Bolund (MP)".
fn shown(p: &Person) -> String {
    match &p.party {
        Some(party) => format!("{} ({party})", p.name),
        None => p.name.clone(),
    }
}

/// The text of a reference to an earlier position: its kind, body and persons.
fn referred(v: &CaseView, seq: u32) -> String {
    let en = v.fields.language == "en";
    match v.case.positions.iter().find(|p| p.seq == seq) {
        Some(p) => {
            let what = match (p.kind, en) {
                (PositionKind::Reservation, _) => "Reservation",
                (PositionKind::Statement, true) => "Special statement",
                (PositionKind::Statement, false) => "Särskilt uttalande",
                (PositionKind::Motion, true) => "Motion",
                (PositionKind::Motion, false) => "Yrkande",
                (PositionKind::Note, true) => "Note for the minutes",
                (PositionKind::Note, false) => "Protokollsanteckning",
            };
            let persons: Vec<String> = p.persons.iter().map(shown).collect();
            if persons.is_empty() {
                format!("{what} – {}", p.body)
            } else {
                format!("{what} – {}, {}", p.body, persons.join(", "))
            }
        }
        None => format!("#{}", seq + 1),
    }
}

fn paragraphs(x: &mut String, prefix: &str, points: &[Point]) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            x,
            "<paragraph eId=\"{prefix}para_{}\"><num>{}</num><content><p>{}</p></content></paragraph>",
            i + 1,
            esc(&p.label),
            esc(&p.text)
        );
    }
}

/// The XML document, or None when the case is not decided.
pub fn document(v: &CaseView, tenant_slug: &str) -> Option<String> {
    let points = v.case.decided_points()?;
    let body = v.case.deciding_body()?;
    let decision = v
        .case
        .decisions
        .iter()
        .find(|d| same_body(&d.body, body) && d.kind.settles())?;
    let lang = if v.fields.language == "en" {
        "eng"
    } else {
        "swe"
    };
    let date = decision.decided_on.to_string();
    let number = if v.number.is_empty() {
        "utan-nummer".to_owned()
    } else {
        token(v.number)
    };
    let work = format!(
        "/akn/se/doc/decision/{}/{date}/{number}",
        token(tenant_slug)
    );
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">");
    let _ = write!(
        x,
        "<doc name=\"decision\"><meta><identification source=\"#oversyn\">"
    );
    let _ = write!(
        x,
        "<FRBRWork><FRBRthis value=\"{work}/!main\"/><FRBRuri value=\"{work}\"/><FRBRdate date=\"{date}\" name=\"decision\"/><FRBRauthor href=\"#{}\"/><FRBRcountry value=\"se\"/><FRBRnumber value=\"{}\"/><FRBRname value=\"{}\"/></FRBRWork>",
        token(body),
        esc(v.number),
        esc(&v.fields.reference)
    );
    let _ = write!(
        x,
        "<FRBRExpression><FRBRthis value=\"{work}/{lang}@/!main\"/><FRBRuri value=\"{work}/{lang}@\"/><FRBRdate date=\"{date}\" name=\"decision\"/><FRBRauthor href=\"#oversyn\"/><FRBRlanguage language=\"{lang}\"/></FRBRExpression>"
    );
    let _ = write!(
        x,
        "<FRBRManifestation><FRBRthis value=\"{work}/{lang}@/!main.xml\"/><FRBRuri value=\"{work}/{lang}@.akn\"/><FRBRdate date=\"{date}\" name=\"export\"/><FRBRauthor href=\"#oversyn\"/></FRBRManifestation>"
    );
    x.push_str("</identification><references source=\"#oversyn\">");
    let _ = write!(
        x,
        "<TLCOrganization eId=\"oversyn\" href=\"/ontology/organization/oversyn\" showAs=\"Översyn\"/>"
    );
    // Every body the document names (the route, the deciding body, the
    // bodies where positions were taken) and every person who holds a
    // position, each once.
    let mut bodies: Vec<&str> = Vec::new();
    let named = v
        .fields
        .route
        .iter()
        .map(|s| s.body.as_str())
        .chain(std::iter::once(body))
        .chain(v.case.positions.iter().map(|p| p.body.as_str()));
    for b in named {
        if bodies.iter().any(|x| token(x) == token(b)) {
            continue;
        }
        let _ = write!(
            x,
            "<TLCOrganization eId=\"{}\" href=\"/ontology/organization/{}/{}\" showAs=\"{}\"/>",
            token(b),
            token(tenant_slug),
            token(b),
            esc(b)
        );
        bodies.push(b);
    }
    let mut seen: Vec<String> = Vec::new();
    for p in v.case.positions.iter().flat_map(|p| &p.persons) {
        let id = token(&p.name);
        if seen.contains(&id) {
            continue;
        }
        let _ = write!(
            x,
            "<TLCPerson eId=\"{id}\" href=\"/ontology/person/{id}\" showAs=\"{}\"/>",
            esc(&shown(p))
        );
        seen.push(id);
    }
    x.push_str("</references></meta>");
    let _ = write!(
        x,
        "<preface><p class=\"reference\"><docNumber>{}</docNumber> {}</p><p><docTitle>{}</docTitle></p><p><docAuthority refersTo=\"#{}\">{}</docAuthority> <docDate date=\"{date}\">{date}</docDate></p></preface>",
        esc(v.number),
        esc(&v.fields.reference),
        esc(&v.fields.title),
        token(body),
        esc(body)
    );
    x.push_str("<mainBody>");
    paragraphs(&mut x, "", points);
    let en = v.fields.language == "en";
    for p in &v.case.positions {
        let (name, kind, what) = match (p.kind, en) {
            (PositionKind::Reservation, _) => ("reservation", "dissenting", "Reservation"),
            (PositionKind::Statement, true) => ("statement", "null", "Special statement"),
            (PositionKind::Statement, false) => ("statement", "null", "Särskilt uttalande"),
            (PositionKind::Motion, true) => ("motion", "null", "Motion"),
            (PositionKind::Motion, false) => ("motion", "null", "Yrkande"),
            (PositionKind::Note, true) => ("note", "null", "Note for the minutes"),
            (PositionKind::Note, false) => ("note", "null", "Protokollsanteckning"),
        };
        let id = format!("opinion_{}", p.seq + 1);
        let _ = write!(
            x,
            "<hcontainer eId=\"{id}\" name=\"{name}\"><heading>{} – {}</heading>",
            esc(what),
            esc(&p.body)
        );
        // Who holds the position: one inline `opinion` per person, each
        // `by` naming one TLCPerson (the schema's agentRef is a single
        // reference), inside block text as the schema requires.
        let mut intro = String::new();
        for (i, person) in p.persons.iter().enumerate() {
            let _ = write!(
                intro,
                "<p><opinion eId=\"{id}__by_{}\" type=\"{kind}\" by=\"{}\">{}</opinion></p>",
                i + 1,
                person_ref(person),
                esc(&shown(person))
            );
        }
        if let Some(r) = p.refers_to {
            let _ = write!(
                intro,
                "<p>{} <ref eId=\"{id}__ref_1\" href=\"#opinion_{}\">{}</ref></p>",
                if en {
                    "With reference to"
                } else {
                    "Med hänvisning till"
                },
                r + 1,
                esc(&referred(v, r))
            );
        }
        if !p.seconded_by.is_empty() {
            let names: Vec<String> = p.seconded_by.iter().map(shown).collect();
            let _ = write!(
                intro,
                "<p>{}: {}</p>",
                if en { "Seconded by" } else { "Instämmande" },
                esc(&names.join(", "))
            );
        }
        if !intro.is_empty() {
            let _ = write!(x, "<intro eId=\"{id}__intro\">{intro}</intro>");
        }
        paragraphs(&mut x, &format!("{id}__"), &p.points);
        let texts: Vec<&str> = p
            .text
            .split("\n\n")
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        if !texts.is_empty() {
            let _ = write!(x, "<wrapUp eId=\"{id}__wrapup\">");
            for t in texts {
                let _ = write!(x, "<p>{}</p>", esc(t));
            }
            x.push_str("</wrapUp>");
        }
        x.push_str("</hcontainer>");
    }
    x.push_str("</mainBody></doc></akomaNtoso>\n");
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use oversyn_core::cases::text::{persons_from_text, points_from_text};
    use oversyn_core::cases::{Adopted, Case, CaseFields, Decision, Position, Stage};

    fn decided() -> (CaseFields, Case) {
        let route: Vec<Stage> = ["Borgarrådsberedningen", "Kommunstyrelsen"]
            .iter()
            .map(|b| Stage {
                body: (*b).into(),
                date: None,
            })
            .collect();
        let proposal = points_from_text(
            "1. Stadens medlemskap i UCLG sägs upp från och med den 1 januari 2012.\n2. Stadsledningskontoret får i uppdrag <att> se över & föreslå.",
        );
        let reservation = Position {
            seq: 0,
            body: "Borgarrådsberedningen".into(),
            kind: PositionKind::Reservation,
            persons: persons_from_text("Per Bolund (MP)"),
            refers_to: None,
            points: points_from_text("4. Staden behåller sitt medlemskap i UCLG."),
            text: "Medlemskapet ger kunskap.".into(),
            seconded_by: Vec::new(),
        };
        let statement = Position {
            seq: 1,
            body: "Kommunstyrelsen".into(),
            kind: PositionKind::Statement,
            persons: persons_from_text("Karin Wanngård och Tomas Rudin (båda S)"),
            refers_to: None,
            points: vec![],
            text: "Konferenser bör sändas direkt.".into(),
            seconded_by: Vec::new(),
        };
        let decision = Decision {
            body: "Kommunstyrelsen".into(),
            adopted: Adopted::Proposal,
            decided_on: NaiveDate::from_ymd_opt(2011, 9, 21).unwrap(),
            votes_for: None,
            votes_against: None,
            abstentions: None,
            kind: Default::default(),
            absent: None,
            votes: None,
            roll_call: Vec::new(),
            date_illustrative: false,
            paragraph: None,
            adjusted_on: None,
            published_on: None,
            legal_force_on: None,
        };
        let fields = CaseFields {
            title: "Översyn av stadens engagemang".into(),
            reference: "PM 2011:125 RI".into(),
            language: "sv".into(),
            route: route.clone(),
            proposal: proposal.clone(),
            ..CaseFields::default()
        };
        let case = Case {
            route,
            proposal,
            positions: vec![reservation, statement],
            decisions: vec![decision],
        };
        (fields, case)
    }

    #[test]
    fn a_decided_case_is_well_formed_akoma_ntoso_with_its_dissent() {
        let (fields, case) = decided();
        let v = CaseView {
            city: "Stockholms stad",
            place: "Stockholm",
            number: "006-1348/2010",
            fields: &fields,
            case: &case,
        };
        let xml = document(&v, "stockholm").expect("decided");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "akomaNtoso");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://docs.oasis-open.org/legaldocml/ns/akn/3.0")
        );
        let find = |name: &'static str| {
            doc.descendants()
                .filter(move |n| n.tag_name().name() == name)
        };
        let body = find("mainBody").next().unwrap();
        let points: Vec<_> = body
            .children()
            .filter(|n| n.tag_name().name() == "paragraph")
            .collect();
        assert_eq!(points.len(), 2);
        assert!(
            points[1].descendants().any(|n| n.text()
                == Some("Stadsledningskontoret får i uppdrag <att> se över & föreslå."))
        );
        let positions: Vec<_> = find("hcontainer").collect();
        assert_eq!(positions.len(), 2);
        assert_eq!(positions[0].attribute("name"), Some("reservation"));
        assert_eq!(positions[1].attribute("name"), Some("statement"));
        // One opinion per person, each inside a <p>, each `by` one reference.
        let opinions: Vec<_> = find("opinion").collect();
        assert_eq!(opinions.len(), 3);
        assert!(
            opinions
                .iter()
                .all(|o| o.parent().unwrap().tag_name().name() == "p")
        );
        assert_eq!(opinions[0].attribute("type"), Some("dissenting"));
        assert_eq!(opinions[0].attribute("by"), Some("#per-bolund"));
        assert_eq!(opinions[1].attribute("type"), Some("null"));
        assert_eq!(opinions[1].attribute("by"), Some("#karin-wanngard"));
        assert_eq!(opinions[2].attribute("by"), Some("#tomas-rudin"));
        assert!(
            positions[0]
                .descendants()
                .any(|n| n.text() == Some("Staden behåller sitt medlemskap i UCLG."))
        );
        let organisations: Vec<_> = find("TLCOrganization")
            .filter_map(|n| n.attribute("eId"))
            .collect();
        assert!(organisations.contains(&"kommunstyrelsen"));
        let persons: Vec<_> = find("TLCPerson")
            .filter_map(|n| n.attribute("eId"))
            .collect();
        assert!(persons.contains(&"per-bolund"));
        assert_eq!(
            find("FRBRdate").next().unwrap().attribute("date"),
            Some("2011-09-21")
        );
        assert!(find("docNumber").next().unwrap().text() == Some("006-1348/2010"));
    }

    #[test]
    fn an_open_case_has_no_akoma_ntoso_yet() {
        let (fields, mut case) = decided();
        case.decisions.clear();
        let v = CaseView {
            city: "Stockholms stad",
            place: "Stockholm",
            number: "",
            fields: &fields,
            case: &case,
        };
        assert!(document(&v, "stockholm").is_none());
    }
}
