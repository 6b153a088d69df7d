//! Reading the plain text of a municipal decision document into a structured
//! case: its number, reference, title and date, the decision points, the
//! reservations and statements members made, the organisations it names and
//! what the points order to be done with them.
//!
//! The input is usually text extracted from a PDF, so the first step undoes
//! the extraction's damage (page numbers, running heads, words hyphenated
//! across lines and pages, double spacing). Everything is pure string
//! handling in about linear time; nothing panics on any input.
//!
//! The JSON shape of [`ParsedCase`] is a contract other tools script against:
//! fields may be added, never renamed.

mod actions;
mod dates;
mod decision;
mod heading;
mod items;
mod meta;
mod orgs;
mod paragraphs;
mod persons;
mod points;
mod positions;
mod sections;
mod text;
mod words;

use crate::cases::votes::DecisionKind;
use chrono::NaiveDate;
pub use decision::ParsedDecision;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An organisation the parser can recognise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgName {
    /// The name shown for it, e.g. "UCLG".
    pub canonical: String,
    /// Every name to match. The first is taken as the full name; a mention
    /// that is neither it nor `canonical` is reported in the warnings, so a
    /// reader can check a misspelt or former name was read right.
    pub names: Vec<String>,
}

/// The organisations of the shared catalogue, named by acronym where they have one.
pub fn catalogue_names() -> Vec<OrgName> {
    crate::catalogue::ENTRIES
        .iter()
        .map(|e| {
            let mut names = vec![e.name.to_string()];
            names.extend(e.acronym.map(str::to_string));
            names.extend(e.aliases.iter().map(|a| a.to_string()));
            OrgName {
                canonical: e.acronym.unwrap_or(e.name).to_string(),
                names,
            }
        })
        .collect()
}

/// How sure the parser is of a field: found where such documents state it
/// (high), inferred from where it usually stands (medium), or guessed or
/// missing (low). The review step shows the least sure first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// A case as read from a decision document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedCase {
    /// The diary number, e.g. "006-1348/2010" or "KS 2019/0457".
    pub case_number: Option<String>,
    /// The document's own reference, e.g. "PM 2011:125 RI".
    pub reference: Option<String>,
    pub title: Option<String>,
    /// The language the document is written in: sv (Finland-Swedish too),
    /// da, nb, nn, fi or en; another (de, fr) comes with a warning.
    pub language: String,
    /// The meeting date, or else the date the proposal was signed.
    pub date: Option<NaiveDate>,
    /// The item's § number as written, e.g. "63".
    #[serde(default)]
    pub paragraph: Option<String>,
    /// Who presented the item (föredragande, saksbehandler, report author).
    #[serde(default)]
    pub rapporteur: Option<String>,
    /// The titles of the item's attachments (Bilaga, Bilag, Vedlegg, Appendix).
    #[serde(default)]
    pub attachments: Vec<String>,
    /// What kind of decision was made, and the vote.
    #[serde(default)]
    pub decision: ParsedDecision,
    /// The body the document says decided ("Kommunfullmäktige beslutade …"),
    /// lowercase for Swedish names as in positions' `body`.
    #[serde(default)]
    pub deciding_body: Option<String>,
    /// The adopted decision's points, or the main proposal's.
    pub decision_points: Vec<Point>,
    /// How sure the parser is of each field it reads: case_number, title,
    /// date, language, paragraph, decision_kind, votes, decision_points.
    #[serde(default)]
    pub confidence: std::collections::BTreeMap<String, Confidence>,
    pub positions: Vec<Position>,
    /// Each distinct mention once, in order of first appearance.
    pub organisations: Vec<OrgMention>,
    pub actions: Vec<Action>,
    pub warnings: Vec<String>,
}

/// One point of a proposal or counter-proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// The number written, or the point's place in its list (from 1) when the
    /// label is a letter or a bullet.
    pub number: u32,
    /// As written: "1.", "2)", "(a)", "•"; empty for a decision written as one sentence.
    pub label: String,
    /// One line, with hyphenation undone.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    /// A dissent, possibly with counter-points.
    Reservation,
    /// A special statement (särskilt yttrande): a view, no dissent.
    Statement,
    /// A motion (yrkande, amendment) put to the body.
    Motion,
    /// A note to the minutes (protokollsanteckning, protokolbemærkning).
    Note,
}

/// A reservation, statement, motion or note made by members of a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub kind: PositionKind,
    /// The body it was made in, e.g. "borgarrådsberedningen", when the document says.
    pub body: Option<String>,
    pub persons: Vec<Person>,
    /// Index in `positions` of an earlier position this one refers to.
    pub refers_to: Option<usize>,
    /// Counter-points, numbered as in the text.
    pub points: Vec<Point>,
    /// The whole position, its introduction included, one paragraph a line.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// The party as written, e.g. "MP" or "Green".
    pub party: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMention {
    /// The words as they stand in the text.
    pub mention: String,
    pub canonical: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    TerminateMembership,
    Join,
    ResignBoardSeats,
    Commission,
    Notify,
    Evaluate,
}

/// Something a decision point orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub kind: ActionKind,
    /// Canonical names of the organisations the point names.
    pub organisations: Vec<String>,
    /// From when it takes effect.
    pub effective: Option<NaiveDate>,
    /// By when it must be done; the first day when the text gives a range.
    pub deadline: Option<NaiveDate>,
    /// The `number` of the decision point it comes from.
    pub point: u32,
}

/// Why a text could not be read as a decision document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    Empty,
    Binary,
    NotADecision,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
}

impl ParseError {
    fn new(kind: ParseErrorKind) -> Self {
        ParseError { kind }
    }

    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            ParseErrorKind::Empty => "the text is empty",
            ParseErrorKind::Binary => {
                "the input looks like binary data, not the text of a document"
            }
            ParseErrorKind::NotADecision => {
                "the text has no decision points or positions: is this a decision document?"
            }
        })
    }
}

impl std::error::Error for ParseError {}

/// Reads a decision document's plain text. `orgs` are the organisations to
/// recognise, usually [`catalogue_names`] plus the installation's register.
/// Of a protocol with several items (§ 63 … § 67) it reads the item about
/// an international organisation, or else the first with a decision, and
/// a warning names the others; [`parse_all`] reads each.
pub fn parse(text: &str, orgs: &[OrgName]) -> Result<ParsedCase, ParseError> {
    text::check(text)?;
    let text = &*text::block_breaks(text);
    let mut matcher = orgs::Matcher::new(orgs);
    let mut cases = items_of(text, &mut matcher);
    let decided = |c: &ParsedCase| !c.decision_points.is_empty() || !c.positions.is_empty();
    if !cases.iter().any(|(_, c)| decided(c)) {
        return parse_one(text, &mut matcher, None);
    }
    let pick = cases
        .iter()
        .position(|(_, c)| !c.organisations.is_empty() && decided(c))
        .or_else(|| cases.iter().position(|(_, c)| decided(c)))
        .unwrap_or(0);
    let others: Vec<String> = cases
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != pick)
        .map(|(_, (label, _))| label.clone())
        .collect();
    let (label, mut case) = cases.swap_remove(pick);
    let about = case
        .organisations
        .first()
        .map(|o| format!(", the one about {}", o.canonical))
        .unwrap_or_default();
    case.warnings.push(format!(
        "the protocol has {} items; this is {label}{about}; the others ({}) are read with --all",
        others.len() + 1,
        others.join(", ")
    ));
    Ok(case)
}

/// Every item of a protocol as a case of its own, in order; a document of
/// one item gives one case. An item in which nothing was decided (a
/// question answered, nothing reported) is kept with a warning.
pub fn parse_all(text: &str, orgs: &[OrgName]) -> Result<Vec<ParsedCase>, ParseError> {
    text::check(text)?;
    let text = &*text::block_breaks(text);
    let mut matcher = orgs::Matcher::new(orgs);
    let cases = items_of(text, &mut matcher);
    if cases.is_empty() {
        return parse_one(text, &mut matcher, None).map(|c| vec![c]);
    }
    Ok(cases.into_iter().map(|(_, c)| c).collect())
}

/// Each item read as a case, with its label; empty for a document of one item.
fn items_of(text: &str, matcher: &mut orgs::Matcher) -> Vec<(String, ParsedCase)> {
    let (head, items) = items::split_with_head(text);
    // Every item has the same head in front: its paragraphs are read once.
    let head = items.first().map(|_| {
        let lines =
            positions::split_position_sentences(text::clean(head, &|w| matcher.is_name_word(w)));
        let own = paragraphs::build(&lines, &|s| matcher.is_name(s));
        ItemHead {
            paras: own.len(),
            last: own.last().map(|p| p.text.clone()),
        }
    });
    items
        .into_iter()
        .filter_map(|item| {
            let mut case = parse_one(&item.text, matcher, head.as_ref()).ok()?;
            // "§ 312": the item's own label numbers it, whatever § the
            // protocol's head mentions ("Christer Stighäll, Nihab § 313").
            if let Some(n) = item
                .label
                .strip_prefix("§ ")
                .or_else(|| item.label.strip_prefix("Paragraph "))
            {
                case.paragraph = Some(n.to_string());
            }
            if let Some(title) = item.title {
                case.title = Some(title);
                case.confidence.insert("title".into(), Confidence::High);
            }
            Some((item.label, case))
        })
        .collect()
}

/// The paragraphs of a protocol's head, as they stand in front of each item.
struct ItemHead {
    paras: usize,
    last: Option<String>,
}

/// One document, or one item of a protocol with the protocol's head in
/// front of it; an item with no decision is kept instead of refused as no
/// decision document.
fn parse_one(
    text: &str,
    matcher: &mut orgs::Matcher,
    item_head: Option<&ItemHead>,
) -> Result<ParsedCase, ParseError> {
    let lenient = item_head.is_some();
    let lines =
        positions::split_position_sentences(text::clean(text, &|w| matcher.is_name_word(w)));
    let paras = paragraphs::build(&lines, &|s| matcher.is_name(s));
    // An item's decision is in its own text: what the head records (the
    // minute checkers chosen before the first §) is no item's decision.
    // The head counts only where the item's paragraphs begin with it.
    let head_paras = item_head.map_or(0, |head| {
        let same = match &head.last {
            Some(last) => paras
                .get(head.paras.wrapping_sub(1))
                .is_some_and(|p| &p.text == last),
            None => true,
        };
        if same { head.paras } else { 0 }
    });
    let head = heading::read(&lines, &paras);
    let blocks = positions::blocks(&paras);
    let lists = points::lists(&paras);
    let decision = decision::read(&paras, &points::in_positions(&paras, &blocks));
    let paragraph = meta::paragraph(&lines);
    let mut head = head;
    if head.title.is_none()
        && let Some((_, title)) = meta::numbered_caps_heading(&lines)
    {
        head.title = Some(title);
        head.confidence.insert("title".into(), Confidence::Medium);
    }
    // The case's own row below the list's label ("Saksliste") names it
    // more surely than any heading of the page.
    if let Some(title) = meta::document_row(&lines) {
        head.title = Some(title);
        head.confidence.insert("title".into(), Confidence::Medium);
    }
    // A minute of one paragraph framed by its number ("387" / its title /
    // "387"): the number, and the title, which is the paragraph's own.
    let framed = match items::framed_numbers(&items::offset_lines(text)).as_slice() {
        [only] => Some((only.label.replace("Paragraph ", ""), only.title.clone())),
        _ => None,
    };
    if let Some((_, Some(title))) = &framed {
        head.title = Some(title.clone());
        head.confidence.insert("title".into(), Confidence::Medium);
    }
    let paragraph = paragraph.or_else(|| framed.map(|(n, _)| n));
    // A ModernGov issue page: "242 20/00096 - <title> PDF 247 KB".
    let issue = heading::issue_heading(&lines);
    if let Some((_, title)) = &issue {
        head.title = Some(title.clone());
        head.confidence.insert("title".into(), Confidence::Medium);
    }
    let paragraph = issue.map(|(n, _)| n).or(paragraph);
    // "1. Budget 2021 samt flerårigt budgetoverslag": the title read from
    // a numbered heading carries the item's number.
    let paragraph = paragraph.or_else(|| {
        head.title
            .as_deref()
            .and_then(|title| meta::number_of_heading(&lines, title))
    });
    // A vote, a § or a case number mark minutes as much as a list does: a
    // vote record or a procedural item may state no decision points at all.
    let voted = decision.decision.votes != Default::default();
    // An item of a protocol is minutes by where it stands.
    let looks_like_case = lenient
        || head.minutes
        || head.case_number.is_some()
        || head.reference.is_some()
        || !blocks.is_empty()
        || voted
        || paragraph.is_some();
    let (decision, (decision_points, points_sure)) = match points::poll_outcome(&paras) {
        // A vote page: the proposal put to the vote, and whether it carried.
        Some((points, carried)) => {
            let mut decision = decision;
            if !carried {
                decision.decision.kind = DecisionKind::Rejected;
            }
            (decision, (points, Confidence::Medium))
        }
        None => (
            decision,
            points::decision(&paras, &lists, &blocks, looks_like_case, head_paras),
        ),
    };
    let recorded = !decision_points.is_empty()
        || !blocks.is_empty()
        || voted
        || (decision.deciding_body.is_some() && looks_like_case);
    // Minutes in which nothing was read as decided (a cover page, a news
    // page, a layout not met before) are still a draft for the official
    // to complete, with what was read and a warning; text without a sign
    // of a council document (no date, no body, no minutes heading, no
    // case number, no §) is refused.
    let official = looks_like_case
        || head.date.is_some()
        || decision.deciding_body.is_some()
        || sections::names_a_body(text);
    if !recorded && !lenient && !official {
        return Err(ParseError::new(ParseErrorKind::NotADecision));
    }
    let positions = positions::build(&paras, &blocks, &lists);
    let carried = matches!(
        decision.decision.kind,
        DecisionKind::Adopted | DecisionKind::AdoptedWithAmendments
    ) && (decision_points.is_empty() || points_sure == Confidence::Low);
    let mut decision = decision;
    let (decision_points, points_sure) = match carried
        .then(|| positions::carried_motion(&positions, text))
        .flatten()
    {
        Some(points) => {
            // The carried motion may itself reject: "Motionen avslås."
            if decision.decision.kind == DecisionKind::Adopted
                && points.iter().any(|p| decision::rejects(&p.text))
            {
                decision.decision.kind = DecisionKind::Rejected;
            }
            (points, Confidence::Medium)
        }
        None => (decision_points, points_sure),
    };
    // "… yrkar som ett ändringsyrkande att förslaget ändras till: X" and the
    // decision is X: the body adopted the amendment.
    if decision.decision.kind == DecisionKind::Adopted
        && decision_points
            .iter()
            .any(|p| positions::amendment_worded(&positions, &p.text))
    {
        decision.decision.kind = DecisionKind::AdoptedWithAmendments;
    }

    let mut warnings = Vec::new();
    if !heading::KNOWN_LANGUAGES.contains(&head.language.as_str()) {
        warnings.push(format!(
            "the document seems to be written in a language the parser does not know ({}); it was read as far as it could be",
            head.language
        ));
    }
    let whole: Vec<&str> = paras.iter().map(|p| p.full_text.as_str()).collect();
    let whole = whole.join("\n");
    let mut organisations = matcher.mentions(&whole, &mut warnings);
    let unknown = orgs::unknown_members(&whole, &organisations, &mut warnings);
    organisations.extend(unknown);
    let in_full = orgs::named_in_full(&whole, &mut organisations, &mut warnings);
    organisations.extend(in_full);
    let actions = actions::read(&decision_points, matcher, head.date);
    if decision_points.is_empty() {
        warnings.push("no decision points found".to_string());
    }
    if head.case_number.is_none() {
        warnings.push("no case number found".to_string());
    }
    let mut confidence = head.confidence.clone();
    confidence.insert(
        "paragraph".into(),
        if paragraph.is_some() {
            Confidence::High
        } else {
            Confidence::Low
        },
    );
    confidence.insert("decision_kind".into(), decision.kind_confidence);
    if decision.decision.votes != Default::default() {
        confidence.insert("votes".into(), decision.votes_confidence);
    }
    confidence.insert("decision_points".into(), points_sure);
    let deciding_body = decision.deciding_body.clone();
    let decision = decision.decision;
    Ok(ParsedCase {
        deciding_body,
        confidence,
        case_number: head.case_number,
        reference: head.reference,
        title: head.title.map(heading::without_agenda_mark),
        language: head.language,
        date: head.date,
        paragraph,
        rapporteur: meta::rapporteur(&lines),
        attachments: meta::attachments(&lines, &paras),
        decision,
        decision_points,
        positions,
        organisations,
        actions,
        warnings,
    })
}

/// The actions a list of decision points orders, read as [`parse`] reads a
/// document's points; `context` is the decision day, for dates without a year.
/// Used to make follow-up actions from a case decided in the application.
pub fn point_actions(
    points: &[Point],
    orgs: &[OrgName],
    context: Option<NaiveDate>,
) -> Vec<Action> {
    let mut matcher = orgs::Matcher::new(orgs);
    actions::read(points, &mut matcher, context)
}

#[cfg(test)]
mod tests;
