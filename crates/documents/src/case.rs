//! Case documents in the municipal layout: the decision document (heading
//! with reference and number, the proposal, Ärendet, Beredning, the
//! rapporteur's views, signature, then the reservations and special
//! statements per body) and a protocol excerpt per decision. Swedish or
//! English; the wording is what the case importer reads back.

use crate::blocks::{Block, Doc};
use oversyn_core::Code;
use oversyn_core::cases::draft::{join_names, long_date};
use oversyn_core::cases::{
    Adopted, Case, CaseFields, Decision, DecisionKind, Person, Position, PositionKind, Vote,
    same_body,
};
use oversyn_i18n::{Lang, Text};

/// What a case document is made from.
pub struct CaseView<'a> {
    /// The tenant's name, as the documents' author.
    pub city: &'a str,
    /// Where the documents are signed ("Stockholm den 8 september 2011").
    pub place: &'a str,
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
    let (both, all) = (lang.t("case-doc-both"), lang.t("case-doc-all"));
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

/// "Stockholm den 8 september 2011" / "Stockholm, 8 September 2011".
fn place_date(place: &str, date: chrono::NaiveDate, lang: Lang) -> String {
    lang.t_args(
        "case-doc-place-date",
        &[("place", place.to_owned()), ("date", long_date(date, lang))],
    )
}

/// A decision's day, marked when it is illustrative (demo data).
fn decision_day(d: &Decision, lang: Lang) -> String {
    let day = long_date(d.decided_on, lang);
    if d.date_illustrative {
        format!("{day} ({})", lang.t("case-doc-date-illustrative"))
    } else {
        day
    }
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
    oversyn_core::cases::citation(&v.fields.reference, v.number)
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
    match (p.kind, referred) {
        (PositionKind::Reservation, Some(r)) => lang.t_args(
            "case-doc-reservation-referring",
            &[
                ("who", who),
                ("parties", parties(&r.persons)),
                ("body", r.body.clone()),
                ("body_lower", lower_first(&r.body)),
            ],
        ),
        (PositionKind::Reservation, None) => lang.t1("case-doc-reservation", "who", who),
        (PositionKind::Statement, _) => lang.t1("case-doc-statement", "who", who),
        (PositionKind::Motion, _) if p.seconded_by.is_empty() => {
            lang.t1("case-doc-motion", "who", who)
        }
        (PositionKind::Motion, _) => lang.t_args(
            "case-doc-motion-seconded",
            &[
                ("who", who),
                ("seconders", persons_phrase(&p.seconded_by, lang)),
            ],
        ),
        (PositionKind::Note, _) => lang.t1("case-doc-note", "who", who),
    }
}

fn decision_line(case: &Case, d: &Decision, lang: Lang) -> String {
    let counter = |n: u32| {
        case.positions
            .iter()
            .find(|p| p.seq == n)
            .map(|p| persons_phrase(&p.persons, lang))
            .unwrap_or_default()
    };
    let body = || ("body", d.body.clone());
    let said = match (d.kind, &d.adopted) {
        (DecisionKind::Adopted, Adopted::Proposal) => {
            lang.t1("case-doc-adopted-proposal", "body", &d.body)
        }
        (DecisionKind::Adopted, Adopted::Position(n)) => {
            lang.t_args("case-doc-adopted-counter", &[body(), ("who", counter(*n))])
        }
        (DecisionKind::Recommended, Adopted::Position(n)) => lang.t_args(
            "case-doc-recommended-counter",
            &[body(), ("who", counter(*n))],
        ),
        (kind, _) => lang.t1(&format!("case-doc-kind-{}", kind.code()), "body", &d.body),
    };
    let said = match (d.votes_for, d.votes_against) {
        (Some(y), Some(n)) => lang.t_args(
            "case-doc-vote",
            &[
                ("adopted", said),
                ("yes", y.to_string()),
                ("no", n.to_string()),
                ("abstaining", d.abstentions.unwrap_or(0).to_string()),
            ],
        ),
        _ => said,
    };
    match d.absent {
        Some(a) if a > 0 => format!("{said} {}", lang.t1("case-doc-absent", "count", a)),
        _ => said,
    }
}

/// Each member's vote, grouped: "Ja: Anna Ek (S), …; Nej: …".
fn roll_call_line(d: &Decision, lang: Lang) -> Option<String> {
    if d.roll_call.is_empty() {
        return None;
    }
    let groups: Vec<String> = [Vote::For, Vote::Against, Vote::Abstain, Vote::Absent]
        .into_iter()
        .filter_map(|v| {
            let names: Vec<String> = d
                .roll_call
                .iter()
                .filter(|r| r.vote == v)
                .map(|r| match &r.party {
                    Some(p) => format!("{} ({p})", r.name),
                    None => r.name.clone(),
                })
                .collect();
            (!names.is_empty()).then(|| {
                format!(
                    "{}: {}",
                    lang.t(&format!("case-doc-vote-{}", v.code())),
                    names.join(", ")
                )
            })
        })
        .collect();
    Some(lang.t1("case-doc-roll-call", "votes", groups.join("; ")))
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
    let mut doc = Doc::new(lang, &f.title, &head(v));
    doc.author = v.city.to_owned();
    let h = head(v);
    if !h.is_empty() {
        doc.push(Block::Head(h));
    }
    doc.push(Block::Title(f.title.clone()));
    let first = f.route.first().map(|s| s.body.as_str()).unwrap_or("");
    let last = v.case.deciding_body().unwrap_or("");
    doc.push(Block::Para(if f.route.len() > 1 {
        lang.t_args(
            "case-doc-proposes",
            &[
                ("first", first.to_owned()),
                ("last", last.to_owned()),
                ("last_lower", lower_first(last)),
            ],
        )
    } else {
        lang.t1("case-doc-asked", "last", last)
    }));
    points(&mut doc, &f.proposal);
    if !f.rapporteur.is_empty() {
        doc.push(Block::Para(lang.t1(
            "case-doc-rapporteur",
            "rapporteur",
            &f.rapporteur,
        )));
    }
    let section = |doc: &mut Doc, key: &str, text: &str| {
        if !text.trim().is_empty() {
            doc.push(Block::Heading(lang.t(key)));
            doc.paragraphs(text);
        }
    };
    section(&mut doc, "case-doc-matter", &f.matter);
    section(&mut doc, "case-doc-preparation", &f.preparation);
    if !f.statement.trim().is_empty() {
        if f.preparation.trim().is_empty() {
            doc.push(Block::Heading(lang.t("case-doc-preparation")));
        }
        doc.push(Block::Para(lang.t("case-doc-statement-reads")));
        doc.paragraphs(&f.statement);
    }
    section(&mut doc, "case-doc-views", &f.views);
    if let Some(date) = f.document_date {
        doc.push(Block::Signature {
            place_date: place_date(v.place, date, lang),
            name: signatory(&f.rapporteur),
        });
    }
    for stage in &f.route {
        // A body that referred the case back or tabled it decided again later.
        let decisions: Vec<&Decision> = v
            .case
            .decisions
            .iter()
            .filter(|d| same_body(&d.body, &stage.body))
            .collect();
        let has_positions = v
            .case
            .positions
            .iter()
            .any(|p| same_body(&p.body, &stage.body));
        if decisions.is_empty() && !has_positions {
            continue;
        }
        doc.push(Block::Subheading(stage.body.clone()));
        for d in decisions {
            doc.push(Block::Para(decision_line(v.case, d, lang)));
            if let Some(r) = roll_call_line(d, lang) {
                doc.push(Block::Para(r));
            }
            if d.date_illustrative {
                doc.push(Block::Para(lang.t1(
                    "case-doc-date-illustrative-note",
                    "date",
                    long_date(d.decided_on, lang),
                )));
            }
        }
        positions_of_body(&mut doc, v.case, &stage.body, lang);
    }
    doc
}

/// The protocol excerpt of one body's decision.
pub fn protocol_excerpt(v: &CaseView, d: &Decision) -> Doc {
    let lang = Lang::from_code(&v.fields.language);
    let title = lang.t("case-doc-excerpt");
    let mut doc = Doc::new(lang, &title, &format!("{} – {}", v.city, d.body));
    doc.author = v.city.to_owned();
    let paragraph = d
        .paragraph
        .as_ref()
        .map(|p| format!(" · {}", lang.t1("case-doc-paragraph", "paragraph", p)))
        .unwrap_or_default();
    doc.push(Block::Head(format!(
        "{} · {}{paragraph}",
        d.body,
        decision_day(d, lang)
    )));
    doc.push(Block::Title(title));
    doc.push(Block::Heading(v.fields.title.clone()));
    let h = head(v);
    if !h.is_empty() {
        doc.push(Block::Para(h));
    }
    doc.push(Block::Subheading(lang.t("case-doc-decision")));
    let adopted = v.case.adopted_points(d);
    if !adopted.is_empty() {
        doc.push(Block::Para(lang.t1("case-doc-decides", "body", &d.body)));
        points(&mut doc, adopted);
    }
    doc.push(Block::Para(decision_line(v.case, d, lang)));
    if let Some(r) = roll_call_line(d, lang) {
        doc.push(Block::Para(r));
    }
    if let Some(adjusted) = d.adjusted_on {
        doc.push(Block::Para(lang.t1(
            "case-doc-minutes",
            "adjusted",
            long_date(adjusted, lang),
        )));
    }
    if let (Some(published), Some(force)) = (d.published_on, d.legal_force_on) {
        doc.push(Block::Para(lang.t_args(
            "case-doc-posted",
            &[
                ("published", long_date(published, lang)),
                ("force", long_date(force, lang)),
            ],
        )));
    }
    let here: Vec<&Position> = v
        .case
        .positions
        .iter()
        .filter(|p| same_body(&p.body, &d.body))
        .collect();
    for (kind, key) in [
        (PositionKind::Motion, "case-doc-motions"),
        (PositionKind::Reservation, "case-doc-reservations"),
        (PositionKind::Statement, "case-doc-statements"),
        (PositionKind::Note, "case-doc-notes"),
    ] {
        let of_kind: Vec<&&Position> = here.iter().filter(|p| p.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        doc.push(Block::Subheading(lang.t(key)));
        for p in of_kind {
            doc.push(Block::Lead(position_lead(v.case, p, lang)));
            points(&mut doc, &p.points);
            doc.paragraphs(&p.text);
        }
    }
    let mut place_day = place_date(v.place, d.decided_on, lang);
    if d.date_illustrative {
        place_day = format!("{place_day} ({})", lang.t("case-doc-date-illustrative"));
    }
    doc.push(Block::Signature {
        place_date: place_day,
        name: lang.t("case-doc-certified"),
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 2011 case as Stockholm's documents show it.
    fn stockholm<'a>(fields: &'a CaseFields, case: &'a Case) -> CaseView<'a> {
        CaseView {
            city: "Stockholms stad",
            place: "Stockholm",
            number: "006-1348/2010",
            fields,
            case,
        }
    }
    use oversyn_core::cases::Stage;
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

    /// A case decided by two bodies with a reservation by reference and a vote.
    fn decided(language: &str) -> (CaseFields, Case) {
        use chrono::NaiveDate;
        use oversyn_core::cases::text::points_from_text;
        let route: Vec<Stage> = ["Borgarrådsberedningen", "Kommunstyrelsen"]
            .iter()
            .map(|b| Stage {
                body: (*b).into(),
                date: None,
            })
            .collect();
        let proposal = points_from_text("1. Stadens medlemskap i UCLG sägs upp.");
        let position = |seq, body: &str, kind, who: &str, refers_to| Position {
            seq,
            body: body.into(),
            kind,
            persons: persons_from_text(who),
            refers_to,
            points: vec![],
            text: String::new(),
            seconded_by: Vec::new(),
        };
        let decision = |body: &str, day, votes: Option<(u32, u32)>| Decision {
            body: body.into(),
            adopted: Adopted::Proposal,
            decided_on: NaiveDate::from_ymd_opt(2011, 9, day).unwrap(),
            votes_for: votes.map(|v| v.0),
            votes_against: votes.map(|v| v.1),
            abstentions: votes.map(|_| 1),
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
            title: "Översyn".into(),
            language: language.into(),
            rapporteur: "borgarrådet Sten Nordin".into(),
            matter: "Ärendet i korthet.".into(),
            statement: "Tjänsteutlåtandet i korthet.".into(),
            document_date: NaiveDate::from_ymd_opt(2011, 9, 8),
            route: route.clone(),
            proposal: proposal.clone(),
            ..CaseFields::default()
        };
        let case = Case {
            route,
            proposal,
            positions: vec![
                position(
                    0,
                    "Borgarrådsberedningen",
                    PositionKind::Reservation,
                    "Per Bolund (MP)",
                    None,
                ),
                position(
                    1,
                    "Kommunstyrelsen",
                    PositionKind::Reservation,
                    "Emilia Hagberg och Stefan Nilsson (båda MP)",
                    Some(0),
                ),
                position(
                    2,
                    "Kommunstyrelsen",
                    PositionKind::Statement,
                    "Karin Wanngård (S)",
                    None,
                ),
            ],
            decisions: vec![
                decision("Borgarrådsberedningen", 14, None),
                decision("Kommunstyrelsen", 21, Some((7, 5))),
            ],
        };
        (fields, case)
    }

    fn text_of(doc: &Doc) -> String {
        crate::blocks::html(doc)
    }

    #[test]
    fn the_case_document_reads_as_minutes_in_either_language() {
        for (lang, expected) in [
            (
                "sv",
                [
                    "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
                    "Föredragande borgarrådet Sten Nordin anför följande.",
                    "Tjänsteutlåtandet har i huvudsak följande lydelse.",
                    "Stockholm den 8 september 2011",
                    "Reservation anfördes av Emilia Hagberg och Stefan Nilsson (båda MP) med hänvisning till reservationen av (MP) i borgarrådsberedningen.",
                    "Kommunstyrelsen beslutade enligt förslaget. Omröstning: 7 ja, 5 nej, 1 avstod.",
                    "Särskilt uttalande gjordes av Karin Wanngård (S) enligt följande.",
                ],
            ),
            (
                "en",
                [
                    "The Borgarrådsberedningen proposes that the Kommunstyrelsen decides as follows.",
                    "The rapporteur, borgarrådet Sten Nordin, states the following.",
                    "The official statement reads in the main as follows.",
                    "Stockholm, 8 September 2011",
                    "Emilia Hagberg and Stefan Nilsson (both MP) entered a reservation with reference to the reservation of (MP) in the Borgarrådsberedningen.",
                    "The Kommunstyrelsen adopted the proposal. Vote: 7 for, 5 against, 1 abstaining.",
                    "Karin Wanngård (S) made a special statement as follows.",
                ],
            ),
        ] {
            let (fields, case) = decided(lang);
            let v = stockholm(&fields, &case);
            let html = text_of(&document(&v));
            for sentence in expected {
                assert!(html.contains(sentence), "{lang}: {sentence}\n{html}");
            }
        }
    }

    #[test]
    fn the_protocol_excerpt_is_certified_in_its_language() {
        for (lang, title, certified, decides) in [
            (
                "sv",
                "Protokollsutdrag",
                "Rätt utdraget intygar",
                "Kommunstyrelsen beslutar följande.",
            ),
            (
                "en",
                "Extract from the minutes",
                "Certified correct",
                "The Kommunstyrelsen decides as follows.",
            ),
        ] {
            let (fields, case) = decided(lang);
            let v = stockholm(&fields, &case);
            let html = text_of(&protocol_excerpt(&v, &case.decisions[1]));
            for s in [title, certified, decides] {
                assert!(html.contains(s), "{lang}: {s}\n{html}");
            }
            assert!(
                !html.contains("case-doc-"),
                "{lang}: a key without text\n{html}"
            );
        }
    }

    #[test]
    fn an_illustrative_decision_day_says_so_wherever_it_is_shown() {
        let (fields, mut case) = decided("sv");
        let plain = text_of(&protocol_excerpt(
            &stockholm(&fields, &case),
            &case.decisions[1],
        ));
        assert!(!plain.contains("illustrativ"), "{plain}");
        case.decisions[1].date_illustrative = true;
        let excerpt = text_of(&protocol_excerpt(
            &stockholm(&fields, &case),
            &case.decisions[1],
        ));
        assert!(
            excerpt.contains("Kommunstyrelsen · 21 september 2011 (illustrativt datum)"),
            "{excerpt}"
        );
        assert!(
            excerpt.contains("Stockholm den 21 september 2011 (illustrativt datum)"),
            "{excerpt}"
        );
        let doc = text_of(&document(&stockholm(&fields, &case)));
        assert!(
            doc.contains(
                "Sammanträdesdagen 21 september 2011 är illustrativ: källan anger inget datum."
            ),
            "{doc}"
        );
    }

    #[test]
    fn the_excerpt_gives_the_paragraph_and_when_the_decision_gains_legal_force() {
        use chrono::NaiveDate;
        let (fields, mut case) = decided("sv");
        let d = &mut case.decisions[1];
        d.paragraph = Some("12".into());
        d.adjusted_on = NaiveDate::from_ymd_opt(2011, 9, 28);
        d.published_on = NaiveDate::from_ymd_opt(2011, 9, 29);
        *d = d.clone().with_legal_force();
        let v = stockholm(&fields, &case);
        let html = text_of(&protocol_excerpt(&v, &case.decisions[1]));
        for s in [
            "Kommunstyrelsen · 21 september 2011 · § 12",
            "Justerat 28 september 2011.",
            "Anslaget 29 september 2011; beslutet vinner laga kraft 21 oktober 2011 om det inte överklagas.",
        ] {
            assert!(html.contains(s), "{s}\n{html}");
        }
    }
}
