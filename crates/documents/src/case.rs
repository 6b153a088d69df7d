//! Case documents in the municipal layout: the decision document (heading
//! with reference and number, the proposal, Ärendet, Beredning, the
//! rapporteur's views, signature, then the reservations and special
//! statements per body) and a protocol excerpt per decision. Swedish or
//! English; the wording is what the case importer reads back.

use crate::blocks::{Block, Doc};
use oversyn_core::Lang;
use oversyn_core::cases::draft::{join_names, long_date};
use oversyn_core::cases::{
    Adopted, Case, CaseFields, Decision, Person, Position, PositionKind, same_body,
};

/// What a case document is made from.
pub struct CaseView<'a> {
    pub city: &'a str,
    /// The case number as the tenant writes it; empty when there is none.
    pub number: &'a str,
    pub fields: &'a CaseFields,
    pub case: &'a Case,
}

/// "Emilia Hagberg och Stefan Nilsson (båda MP), Ann-Margarethe Livh (V)":
/// neighbours of one party share a group suffix, as in real minutes.
pub fn persons_phrase(persons: &[Person], lang: Lang) -> String {
    let mut groups: Vec<(Vec<&str>, Option<&str>)> = Vec::new();
    for p in persons {
        match groups.last_mut() {
            Some((names, party)) if *party == p.party.as_deref() && party.is_some() => {
                names.push(&p.name)
            }
            _ => groups.push((vec![&p.name], p.party.as_deref())),
        }
    }
    let (both, all) = if lang.is_en() {
        ("both", "all")
    } else {
        ("båda", "alla")
    };
    let parts: Vec<String> = groups
        .iter()
        .map(|(names, party)| {
            let who = join_names(names, lang);
            match (party, names.len()) {
                (None, _) => who,
                (Some(p), 1) => format!("{who} ({p})"),
                (Some(p), 2) => format!("{who} ({both} {p})"),
                (Some(p), _) => format!("{who} ({all} {p})"),
            }
        })
        .collect();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    join_names(&refs, lang)
}

fn parties(persons: &[Person]) -> String {
    let mut ps: Vec<&str> = persons.iter().filter_map(|p| p.party.as_deref()).collect();
    ps.dedup();
    format!("({})", ps.join(", "))
}

/// The body's name in the middle of a sentence: "kommunstyrelsen".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The signatory in capitals, without a title ("borgarrådet Sten Nordin" → "STEN NORDIN").
fn signatory(rapporteur: &str) -> String {
    rapporteur
        .split_whitespace()
        .skip_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

fn head(v: &CaseView) -> String {
    match (v.fields.reference.is_empty(), v.number.is_empty()) {
        (false, false) => format!("{} (Dnr {})", v.fields.reference, v.number),
        (false, true) => v.fields.reference.clone(),
        (true, false) => format!("Dnr {}", v.number),
        (true, true) => String::new(),
    }
}

fn points(doc: &mut Doc, points: &[oversyn_core::cases::Point]) {
    for p in points {
        doc.push(Block::Point {
            label: p.label.clone(),
            text: p.text.clone(),
        });
    }
}

fn position_lead(case: &Case, p: &Position, lang: Lang) -> String {
    let who = persons_phrase(&p.persons, lang);
    let referred = p
        .refers_to
        .and_then(|r| case.positions.iter().find(|x| x.seq == r));
    match (p.kind, referred, lang.is_en()) {
        (PositionKind::Reservation, Some(r), false) => format!(
            "Reservation anfördes av {who} med hänvisning till reservationen av {} i {}.",
            parties(&r.persons),
            lower_first(&r.body)
        ),
        (PositionKind::Reservation, Some(r), true) => format!(
            "{who} entered a reservation with reference to the reservation of {} in the {}.",
            parties(&r.persons),
            r.body
        ),
        (PositionKind::Reservation, None, false) => {
            format!("Reservation anfördes av {who} enligt följande.")
        }
        (PositionKind::Reservation, None, true) => {
            format!("{who} entered a reservation as follows.")
        }
        (PositionKind::Statement, _, false) => {
            format!("Särskilt uttalande gjordes av {who} enligt följande.")
        }
        (PositionKind::Statement, _, true) => {
            format!("{who} made a special statement as follows.")
        }
    }
}

fn decision_line(case: &Case, d: &Decision, lang: Lang) -> String {
    let adopted = match (&d.adopted, lang.is_en()) {
        (Adopted::Proposal, false) => format!("{} beslutade enligt förslaget.", d.body),
        (Adopted::Proposal, true) => format!("The {} adopted the proposal.", d.body),
        (Adopted::Position(n), e) => {
            let who = case
                .positions
                .iter()
                .find(|p| p.seq == *n)
                .map(|p| persons_phrase(&p.persons, lang))
                .unwrap_or_default();
            if e {
                format!("The {} adopted the counter-proposal of {who}.", d.body)
            } else {
                format!("{} beslutade enligt motförslaget från {who}.", d.body)
            }
        }
    };
    match (d.votes_for, d.votes_against) {
        (Some(y), Some(n)) if lang.is_en() => format!(
            "{adopted} Vote: {y} for, {n} against, {} abstaining.",
            d.abstentions.unwrap_or(0)
        ),
        (Some(y), Some(n)) => format!(
            "{adopted} Omröstning: {y} ja, {n} nej, {} avstod.",
            d.abstentions.unwrap_or(0)
        ),
        _ => adopted,
    }
}

fn positions_of_body(doc: &mut Doc, case: &Case, body: &str, lang: Lang) {
    for p in case.positions.iter().filter(|p| same_body(&p.body, body)) {
        doc.push(Block::Lead(position_lead(case, p, lang)));
        points(doc, &p.points);
        doc.paragraphs(&p.text);
    }
}

/// The decision document.
pub fn document(v: &CaseView) -> Doc {
    let f = v.fields;
    let lang = Lang::from_code(&f.language);
    let e = lang.is_en();
    let mut doc = Doc::new(lang, &f.title, &head(v));
    let h = head(v);
    if !h.is_empty() {
        doc.push(Block::Head(h));
    }
    doc.push(Block::Title(f.title.clone()));
    let first = f.route.first().map(|s| s.body.as_str()).unwrap_or("");
    let last = v.case.deciding_body().unwrap_or("");
    doc.push(Block::Para(match (f.route.len() > 1, e) {
        (true, false) => format!(
            "{first} föreslår att {} beslutar följande.",
            lower_first(last)
        ),
        (true, true) => format!("The {first} proposes that the {last} decides as follows."),
        (false, false) => format!("{last} föreslås besluta följande."),
        (false, true) => format!("The {last} is asked to decide as follows."),
    }));
    points(&mut doc, &f.proposal);
    if !f.rapporteur.is_empty() {
        doc.push(Block::Para(if e {
            format!("The rapporteur, {}, states the following.", f.rapporteur)
        } else {
            format!("Föredragande {} anför följande.", f.rapporteur)
        }));
    }
    let section = |doc: &mut Doc, sv: &str, english: &str, text: &str| {
        if !text.trim().is_empty() {
            doc.push(Block::Heading(if e { english } else { sv }.to_owned()));
            doc.paragraphs(text);
        }
    };
    section(&mut doc, "Ärendet", "The matter", &f.matter);
    section(&mut doc, "Beredning", "Preparation", &f.preparation);
    if !f.statement.trim().is_empty() {
        if f.preparation.trim().is_empty() {
            doc.push(Block::Heading(
                if e { "Preparation" } else { "Beredning" }.into(),
            ));
        }
        doc.push(Block::Para(if e {
            "The official statement reads in the main as follows.".into()
        } else {
            "Tjänsteutlåtandet har i huvudsak följande lydelse.".into()
        }));
        doc.paragraphs(&f.statement);
    }
    section(&mut doc, "Mina synpunkter", "My views", &f.views);
    if let Some(date) = f.document_date {
        doc.push(Block::Signature {
            place_date: if e {
                format!("{}, {}", v.city, long_date(date, lang))
            } else {
                format!("{} den {}", v.city, long_date(date, lang))
            },
            name: signatory(&f.rapporteur),
        });
    }
    for stage in &f.route {
        let decision = v
            .case
            .decisions
            .iter()
            .find(|d| same_body(&d.body, &stage.body));
        let has_positions = v
            .case
            .positions
            .iter()
            .any(|p| same_body(&p.body, &stage.body));
        if decision.is_none() && !has_positions {
            continue;
        }
        doc.push(Block::Subheading(stage.body.clone()));
        if let Some(d) = decision {
            doc.push(Block::Para(decision_line(v.case, d, lang)));
        }
        positions_of_body(&mut doc, v.case, &stage.body, lang);
    }
    doc
}

/// The protocol excerpt of one body's decision.
pub fn protocol_excerpt(v: &CaseView, d: &Decision) -> Doc {
    let lang = Lang::from_code(&v.fields.language);
    let e = lang.is_en();
    let title = if e {
        "Extract from the minutes"
    } else {
        "Protokollsutdrag"
    };
    let mut doc = Doc::new(lang, title, &format!("{} – {}", v.city, d.body));
    doc.push(Block::Head(format!(
        "{} · {}",
        d.body,
        long_date(d.decided_on, lang)
    )));
    doc.push(Block::Title(title.to_owned()));
    doc.push(Block::Heading(v.fields.title.clone()));
    let h = head(v);
    if !h.is_empty() {
        doc.push(Block::Para(h));
    }
    doc.push(Block::Subheading(
        if e { "Decision" } else { "Beslut" }.into(),
    ));
    doc.push(Block::Para(if e {
        format!("The {} decides as follows.", d.body)
    } else {
        format!("{} beslutar följande.", d.body)
    }));
    points(&mut doc, v.case.adopted_points(d));
    doc.push(Block::Para(decision_line(v.case, d, lang)));
    let here: Vec<&Position> = v
        .case
        .positions
        .iter()
        .filter(|p| same_body(&p.body, &d.body))
        .collect();
    for (kind, sv, english) in [
        (PositionKind::Reservation, "Reservationer", "Reservations"),
        (
            PositionKind::Statement,
            "Särskilda uttalanden",
            "Special statements",
        ),
    ] {
        let of_kind: Vec<&&Position> = here.iter().filter(|p| p.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        doc.push(Block::Subheading(if e { english } else { sv }.into()));
        for p in of_kind {
            doc.push(Block::Lead(position_lead(v.case, p, lang)));
            points(&mut doc, &p.points);
            doc.paragraphs(&p.text);
        }
    }
    doc.push(Block::Signature {
        place_date: if e {
            format!("{}, {}", v.city, long_date(d.decided_on, lang))
        } else {
            format!("{} den {}", v.city, long_date(d.decided_on, lang))
        },
        name: if e {
            "Certified correct".into()
        } else {
            "Rätt utdraget intygar".into()
        },
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use oversyn_core::cases::text::persons_from_text;

    #[test]
    fn neighbours_of_one_party_share_a_group_suffix() {
        let p = persons_from_text("Emilia Hagberg (MP), Stefan Nilsson (MP), Ann Livh (V)");
        assert_eq!(
            persons_phrase(&p, Lang::Sv),
            "Emilia Hagberg och Stefan Nilsson (båda MP) och Ann Livh (V)"
        );
        let s = persons_from_text("Karin Wanngård, Roger Mogert och Tomas Rudin (alla S)");
        assert_eq!(
            persons_phrase(&s, Lang::En),
            "Karin Wanngård, Roger Mogert and Tomas Rudin (all S)"
        );
    }

    #[test]
    fn the_signatory_is_the_rapporteurs_name_without_title() {
        assert_eq!(signatory("borgarrådet Sten Nordin"), "STEN NORDIN");
        assert_eq!(signatory(""), "");
    }
}
