//! A parsed decision document (the core's parse contract) turned into a case
//! to store. The contract's JSON field names are read, not the parser's Rust
//! types, so this follows the same promise other tools rely on.

use oversyn_core::cases::votes::{DecisionKind, RollCallVote, Votes};
use oversyn_core::cases::{
    Adopted, Case, CaseFields, CaseNumber, Decision, Person, Point, Position, PositionKind, Stage,
};
use oversyn_core::codes::Code;
use oversyn_store::cases::NewCase;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Contract {
    case_number: Option<String>,
    reference: Option<String>,
    title: Option<String>,
    language: Option<String>,
    date: Option<chrono::NaiveDate>,
    paragraph: Option<String>,
    rapporteur: Option<String>,
    decision: ContractDecision,
    decision_points: Vec<ContractPoint>,
    positions: Vec<ContractPosition>,
    organisations: Vec<ContractOrg>,
    warnings: Vec<String>,
    /// Not in the contract's minimum; used when the parser names them.
    proposing_body: Option<String>,
    deciding_body: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractDecision {
    kind: String,
    votes: Votes,
    roll_call: Vec<RollCallVote>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractPoint {
    number: u32,
    label: String,
    text: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractPosition {
    kind: String,
    body: Option<String>,
    persons: Vec<Person>,
    refers_to: Option<u32>,
    points: Vec<ContractPoint>,
    text: String,
    seconded_by: Vec<Person>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractOrg {
    canonical: String,
}

/// A case ready to store, with what the reader should check before saving.
#[derive(Debug, Clone)]
pub struct ImportedCase {
    pub new: NewCase,
    pub warnings: Vec<String>,
}

fn capitalised(s: &str) -> String {
    let mut c = s.trim().chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn points(ps: &[ContractPoint]) -> Vec<Point> {
    ps.iter()
        .enumerate()
        .map(|(i, p)| Point {
            number: if p.number == 0 {
                i as u32 + 1
            } else {
                p.number
            },
            label: if p.label.is_empty() {
                format!("{}.", i + 1)
            } else {
                p.label.clone()
            },
            text: p.text.clone(),
        })
        .collect()
}

/// The words that open a position in the documents we write and in real
/// ones; such an opening is written again from the persons, so it is not
/// kept in the text.
const OPENINGS: &[&str] = &[
    "anfördes av",
    "gjordes av",
    "entered a reservation",
    "made a special statement",
];

/// A position's own text: the parser gives the whole position, opening and
/// counter-points included; the case keeps only the reasons.
fn own_text(p: &ContractPosition) -> String {
    let listed: Vec<String> = p
        .points
        .iter()
        .map(|x| format!("{} {}", x.label, x.text))
        .collect();
    p.text
        .lines()
        .enumerate()
        .filter(|(i, line)| {
            let l = line.to_lowercase();
            !(*i == 0 && OPENINGS.iter().any(|o| l.contains(o)))
        })
        .map(|(_, line)| line.trim())
        .filter(|line| !line.is_empty() && !listed.iter().any(|x| x == line))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `parsed` is the parser's output as JSON (the parse contract);
/// `memberships` are the tenant's (id, organisation name or acronym).
pub fn to_new_case(parsed: &serde_json::Value, memberships: &[(i64, String)]) -> ImportedCase {
    let mut c: Contract = serde_json::from_value(parsed.clone()).unwrap_or_default();
    let mut warnings = c.warnings.clone();
    let lang = match c.language.as_deref() {
        Some("en") => "en",
        _ => "sv",
    };
    let default_body = if lang == "en" {
        "Executive Committee"
    } else {
        "Kommunstyrelsen"
    };
    let mut route: Vec<String> = Vec::new();
    let named = c
        .proposing_body
        .iter()
        .chain(c.positions.iter().filter_map(|p| p.body.as_ref()))
        .chain(c.deciding_body.iter())
        .map(|b| capitalised(b))
        .chain(
            (c.proposing_body.is_none() && c.deciding_body.is_none())
                .then(|| default_body.to_owned()),
        );
    for b in named {
        if !b.is_empty() && !route.iter().any(|r| r.to_lowercase() == b.to_lowercase()) {
            route.push(b);
        }
    }
    let last = route.last().cloned().unwrap_or_else(|| default_body.into());
    let (cd, paragraph, day) = (std::mem::take(&mut c.decision), c.paragraph.take(), c.date);
    let positions = c
        .positions
        .iter()
        .map(|p| Position {
            seq: 0,
            body: p
                .body
                .as_deref()
                .map(capitalised)
                .unwrap_or_else(|| last.clone()),
            kind: PositionKind::parse(&p.kind).unwrap_or(PositionKind::Reservation),
            persons: p.persons.clone(),
            refers_to: p.refers_to,
            // A statement or note has no counter-points; any numbered lines stay in its text.
            points: if without_points(&p.kind) {
                Vec::new()
            } else {
                points(&p.points)
            },
            text: if without_points(&p.kind) && !p.points.is_empty() {
                let listed: Vec<String> = p
                    .points
                    .iter()
                    .map(|x| format!("{} {}", x.label, x.text))
                    .collect();
                format!("{}\n\n{}", listed.join("\n\n"), own_text(p))
                    .trim()
                    .to_owned()
            } else {
                own_text(p)
            },
            seconded_by: if p.kind == "motion" {
                p.seconded_by.clone()
            } else {
                Vec::new()
            },
        })
        .collect();
    let number = c.case_number.as_deref().and_then(|n| {
        let parsed = CaseNumber::parse_any(n).map(|(n, _)| n);
        if parsed.is_none() {
            warnings.push(format!(
                "the case number \"{n}\" is in no known format; enter it by hand"
            ));
        }
        parsed
    });
    let wanted: Vec<String> = c
        .organisations
        .iter()
        .map(|o| o.canonical.to_lowercase())
        .collect();
    let membership_ids = memberships
        .iter()
        .filter(|(_, name)| wanted.contains(&name.to_lowercase()))
        .map(|(id, _)| *id)
        .collect();
    let title = c.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| {
        warnings.push("the document has no title that could be read; enter one".into());
        if lang == "en" {
            "Imported case"
        } else {
            "Importerat ärende"
        }
        .into()
    });
    let fields = CaseFields {
        number,
        reference: c.reference.unwrap_or_default(),
        title,
        language: lang.into(),
        document_date: c.date,
        rapporteur: c.rapporteur.unwrap_or_default(),
        route: route
            .into_iter()
            .map(|body| Stage { body, date: None })
            .collect(),
        proposal: points(&c.decision_points),
        membership_ids,
        ..CaseFields::default()
    };
    let draft = Case {
        route: fields.route.clone(),
        proposal: fields.proposal.clone(),
        positions: Vec::new(),
        decisions: Vec::new(),
    };
    let decisions: Vec<Decision> = decision(&cd, paragraph, day, &last, &draft, &mut warnings)
        .into_iter()
        .collect();
    ImportedCase {
        new: NewCase {
            fields,
            positions,
            decisions,
            source: "import".into(),
        },
        warnings,
    }
}

fn without_points(kind: &str) -> bool {
    matches!(kind, "statement" | "note")
}

/// The decision a protocol item records: taken by the last body of the
/// route on the meeting day, of the kind and with the vote the document
/// gives. Only minutes record one (a § item with a date); a proposal or an
/// official's report has not been decided yet. A roll call that does not
/// add up to the totals is left out with a warning, so that the case is
/// still imported and the reader can enter the vote by hand.
fn decision(
    cd: &ContractDecision,
    paragraph: Option<String>,
    day: Option<chrono::NaiveDate>,
    body: &str,
    draft: &Case,
    warnings: &mut Vec<String>,
) -> Option<Decision> {
    let (Some(paragraph), Some(day)) = (paragraph, day) else {
        return None;
    };
    let kind = DecisionKind::parse(&cd.kind).unwrap_or_default();
    let mut d = Decision {
        body: body.to_owned(),
        kind,
        adopted: Adopted::Proposal,
        decided_on: day,
        votes_for: None,
        votes_against: None,
        abstentions: None,
        absent: None,
        votes: Some(cd.votes).filter(|v| *v != Votes::default()),
        roll_call: cd.roll_call.clone(),
        date_illustrative: false,
        paragraph: Some(paragraph),
        adjusted_on: None,
        published_on: None,
        legal_force_on: None,
    };
    // Checked as the store will check it.
    let adds_up = |d: &Decision| {
        let mut e = oversyn_core::FieldErrors::new();
        let mut trial = d.clone();
        oversyn_core::cases::votes::settle(&mut trial, &mut e);
        oversyn_core::cases::votes::check(&trial, &mut e);
        e.is_empty()
    };
    if !adds_up(&d) && !d.roll_call.is_empty() {
        warnings.push(format!(
            "the roll call ({} members) does not match the vote totals; it was left out: check the vote",
            d.roll_call.len()
        ));
        d.roll_call.clear();
    }
    if !adds_up(&d) {
        warnings.push("the vote totals could not be read consistently; enter them by hand".into());
        d.votes = None;
    }
    // The four counts as the store keeps them, from the totals and roll call.
    oversyn_core::cases::votes::settle(&mut d, &mut oversyn_core::FieldErrors::new());
    // As the store will admit it: e.g. a recommendation by the only body
    // named, or an adoption with no points read, is left for the reader.
    if let Err(e) = draft.admit_decision(&d) {
        let why: Vec<&str> = e.0.iter().map(|x| x.key).collect();
        warnings.push(format!(
            "the document records a decision ({}) that could not be kept as read ({}); record it by hand",
            d.kind.code(),
            why.join(", ")
        ));
        return None;
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_position_keeps_its_reasons_not_its_opening_or_points() {
        let parsed = json!({
            "title": "Ärende", "language": "sv",
            "decision_points": [{"number": 1, "label": "1.", "text": "Medlemskapet sägs upp."}],
            "positions": [{
                "kind": "reservation", "body": "kommunstyrelsen",
                "persons": [{"name": "Per Bolund", "party": "MP"}],
                "refers_to": null,
                "points": [{"number": 2, "label": "2.", "text": "Medlemskapet behålls."}],
                "text": "Reservation anfördes av Per Bolund (MP) enligt följande.\n2. Medlemskapet behålls.\nSkälen är goda."
            }],
            "organisations": [{"mention": "ECLG", "canonical": "UCLG"}],
            "warnings": ["\"ECLG\" read as UCLG"]
        });
        let i = to_new_case(&parsed, &[(7, "UCLG".into()), (8, "C40".into())]);
        let p = &i.new.positions[0];
        assert_eq!(p.text, "Skälen är goda.");
        assert_eq!(p.body, "Kommunstyrelsen");
        assert_eq!(p.points[0].label, "2.");
        assert_eq!(i.new.fields.membership_ids, [7]);
        assert_eq!(i.new.fields.route[0].body, "Kommunstyrelsen");
        assert_eq!(i.warnings, ["\"ECLG\" read as UCLG"]);
    }

    #[test]
    fn a_protocol_item_brings_its_decision_vote_motions_and_notes() {
        let parsed = json!({
            "title": "Medlemskap i ICLEI", "language": "sv", "date": "2019-10-16", "paragraph": "12",
            "rapporteur": "Anna Ek, kommunstyrelsens ordförande", "deciding_body": "kommunstyrelsen",
            "decision": {"kind": "referred_back", "votes": {"for": 34, "against": 15, "abstain": null, "absent": null},
                         "roll_call": [{"name": "Anna Ek", "party": "S", "vote": "for"}, {"name": "Bo Ek", "party": "M", "vote": "against"}]},
            "decision_points": [{"number": 1, "label": "1.", "text": "Ärendet återremitteras."}],
            "positions": [
                {"kind": "motion", "body": "kommunstyrelsen", "persons": [{"name": "Anna Ek", "party": "V"}],
                 "seconded_by": [{"name": "Per Ek", "party": "MP"}], "points": [], "text": "Anna Ek (V) yrkar återremiss."},
                {"kind": "note", "body": "kommunstyrelsen", "persons": [{"name": "Per Dahl", "party": "M"}],
                 "points": [{"number": 1, "label": "1.", "text": "Något."}], "text": "Per Dahl (M) lämnar en protokollsanteckning."}
            ]
        });
        let i = to_new_case(&parsed, &[]);
        assert_eq!(
            i.new.fields.rapporteur,
            "Anna Ek, kommunstyrelsens ordförande"
        );
        let d = &i.new.decisions[0];
        assert_eq!(d.body, "Kommunstyrelsen");
        assert_eq!(d.kind, DecisionKind::ReferredBack);
        assert_eq!(d.paragraph.as_deref(), Some("12"));
        assert_eq!(
            d.decided_on,
            chrono::NaiveDate::from_ymd_opt(2019, 10, 16).unwrap()
        );
        assert_eq!(d.votes.unwrap().for_, Some(34));
        assert_eq!(
            (d.votes_for, d.votes_against),
            (Some(34), Some(15)),
            "the counts the store keeps"
        );
        // Two names cannot make 34 and 15: the roll call is left out, the totals kept.
        assert!(d.roll_call.is_empty());
        assert!(
            i.warnings.iter().any(|w| w.contains("roll call")),
            "{:?}",
            i.warnings
        );
        let kinds: Vec<PositionKind> = i.new.positions.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [PositionKind::Motion, PositionKind::Note]);
        assert_eq!(i.new.positions[0].seconded_by[0].name, "Per Ek");
        assert!(
            i.new.positions[1].points.is_empty(),
            "a note has no counter-points"
        );

        // A recommendation by the only body named cannot be its final word:
        // left for the reader, with a warning, and the case still imports.
        let mut rec = parsed.clone();
        rec["decision"]["kind"] = json!("recommended");
        let i = to_new_case(&rec, &[]);
        assert!(i.new.decisions.is_empty());
        assert!(
            i.warnings
                .iter()
                .any(|w| w.contains("error-case-recommendation-final")),
            "{:?}",
            i.warnings
        );

        // A proposal (no § item) has not been decided yet.
        let proposal = json!({"title": "Förslag", "language": "sv", "date": "2019-10-16", "decision_points": []});
        assert!(to_new_case(&proposal, &[]).new.decisions.is_empty());
    }

    #[test]
    fn a_document_without_title_or_known_number_gets_warnings() {
        let parsed = json!({"case_number": "nr 12", "language": "en", "decision_points": [], "positions": []});
        let i = to_new_case(&parsed, &[]);
        assert_eq!(i.new.fields.title, "Imported case");
        assert_eq!(i.new.fields.route[0].body, "Executive Committee");
        assert_eq!(i.warnings.len(), 2);
        assert!(i.new.fields.number.is_none());
    }
}
