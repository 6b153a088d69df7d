//! Numbered, lettered and bulleted points, grouped into lists, and the choice
//! of which list is the case's decision.

use super::paragraphs::{Para, ParaKind};
use super::positions::Block;
use super::sections::{Heading, body_at_start, body_name};
use super::words::{find_any, find_phrase, lower, prefix, starts_upper, starts_with_phrase};
use super::{Confidence, Point};

/// How a list's points are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// "1." "1)" "(1)"
    Numeric,
    /// "(a)" "a)" "a." and Roman "(ii)"
    Alpha,
    Bullet(char),
    /// Old-style "att …" clauses under "… beslutar".
    Att,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// As written: "1.", "(a)", "•".
    pub(crate) text: String,
    pub(crate) family: Family,
    /// The number it stands for: written digits, a letter's place, a Roman value.
    pub(crate) values: Vec<u32>,
}

impl Label {
    pub(crate) fn is_numeric(&self) -> bool {
        self.family == Family::Numeric
    }
}

const BULLETS: &[char] = &[
    '•', '·', '▪', '◦', '●', '■', '–', '—', '-', '*', '○', '➢', '►',
    // Symbol-font bullets as some PDF extractors leave them.
    '\u{f0b7}', '\u{f0a7}',
];

fn roman(s: &str) -> Option<u32> {
    let v = match s {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        "v" => 5,
        "vi" => 6,
        "vii" => 7,
        "viii" => 8,
        "ix" => 9,
        "x" => 10,
        "xi" => 11,
        "xii" => 12,
        _ => return None,
    };
    Some(v)
}

fn alpha_values(s: &str) -> Vec<u32> {
    let mut v = Vec::new();
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_lowercase()
    {
        v.push(u32::from(c) - u32::from('a') + 1);
    }
    if let Some(r) = roman(s) {
        v.push(r);
    }
    v
}

/// The label a line starts with, and the byte offset of the text after it.
pub(crate) fn parse_label(line: &str) -> Option<(Label, usize)> {
    let line_trimmed = line.trim_start();
    let lead = line.len() - line_trimmed.len();
    let mut chars = line_trimmed.char_indices();
    let (_, first) = chars.next()?;
    // What follows a label must be a space or nothing.
    let after = |end: usize| -> Option<usize> {
        let rest = line_trimmed.get(end..)?;
        if rest.is_empty() {
            Some(lead + end)
        } else if rest.starts_with(char::is_whitespace) {
            Some(lead + end + (rest.len() - rest.trim_start().len()))
        } else {
            None
        }
    };
    let make = |text: &str, family, values| Label {
        text: text.to_string(),
        family,
        values,
    };

    if BULLETS.contains(&first) {
        let end = first.len_utf8();
        let rest = after(end)?;
        // A bullet alone on a line is more likely a dash or rule.
        if rest >= line.len() {
            return None;
        }
        return Some((
            make(&first.to_string(), Family::Bullet(first), vec![]),
            rest,
        ));
    }
    if first == '(' {
        let close = line_trimmed.find(')')?;
        let inner = line_trimmed.get(1..close)?;
        let text = line_trimmed.get(..=close)?;
        let rest = after(close + 1)?;
        if !inner.is_empty() && inner.len() <= 2 && inner.chars().all(|c| c.is_ascii_digit()) {
            let n: u32 = inner.parse().ok()?;
            return Some((make(text, Family::Numeric, vec![n]), rest));
        }
        let values = alpha_values(inner);
        if !values.is_empty() {
            return Some((make(text, Family::Alpha, values), rest));
        }
        return None;
    }
    if first.is_ascii_digit() {
        let digits: String = line_trimmed
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if digits.len() > 2 {
            return None;
        }
        let end = digits.len();
        let mark = line_trimmed.get(end..)?.chars().next()?;
        if mark != '.' && mark != ')' {
            return None;
        }
        // "1.Staden": extraction sometimes loses the space after the label.
        let glued = line_trimmed
            .get(end + 1..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        let rest = if glued {
            lead + end + 1
        } else {
            after(end + 1)?
        };
        let n: u32 = digits.parse().ok()?;
        if n == 0 {
            return None;
        }
        return Some((
            make(line_trimmed.get(..=end)?, Family::Numeric, vec![n]),
            rest,
        ));
    }
    // "A. That Council agreed …": resolutions lettered in capitals. Only
    // before a resolution's own opening word, so that "A. Smith" is a name.
    if first.is_ascii_uppercase() && ('A'..='H').contains(&first) {
        let rest = line_trimmed.get(1..)?.strip_prefix(". ")?.trim_start();
        // "B. KF fastställer vision …": a body deciding is one too.
        let resolution = ["That ", "To ", "Att ", "At "]
            .iter()
            .any(|w| rest.starts_with(w))
            || body_at_start(rest).is_some();
        if !resolution {
            return None;
        }
        let end = line_trimmed.len() - rest.len();
        let value = u32::from(first) - u32::from('A') + 1;
        return Some((
            make(line_trimmed.get(..2)?, Family::Alpha, vec![value]),
            lead + end,
        ));
    }
    if first.is_ascii_lowercase() {
        let word: String = line_trimmed
            .chars()
            .take_while(char::is_ascii_lowercase)
            .collect();
        let end = word.len();
        let mark = line_trimmed.get(end..)?.chars().next()?;
        let values = alpha_values(&word);
        // "a." is only a label for the first few letters; "e." or "s." start
        // abbreviations ("e. Kr."), unless a capitalised word follows, as
        // in a list "d. Homelessness" / "e. Supporting a People's Vote".
        let after_e = line_trimmed.get(end + 1..).unwrap_or("").trim_start();
        let e_ok = after_e.starts_with(char::is_uppercase)
            && after_e
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() > 3)
            && after_e.split_whitespace().count() >= 2;
        let dotted_ok = mark == '.'
            && word.len() == 1
            && ('a'..='h').contains(&first)
            && (first != 'e' || e_ok);
        if values.is_empty() || !(mark == ')' || dotted_ok) {
            return None;
        }
        let rest = after(end + 1)?;
        return Some((make(line_trimmed.get(..=end)?, Family::Alpha, values), rest));
    }
    None
}

/// A run of points in consecutive paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct List {
    /// Paragraph indices, inclusive.
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) points: Vec<Point>,
}

fn follows(prev: &Label, prev_value: u32, next: &Label) -> Option<u32> {
    if prev.family != next.family {
        return None;
    }
    match next.family {
        Family::Bullet(_) | Family::Att => Some(prev_value + 1),
        Family::Numeric | Family::Alpha => {
            next.values.iter().copied().find(|&v| v == prev_value + 1)
        }
    }
}

fn starts(label: &Label) -> u32 {
    match label.family {
        Family::Bullet(_) | Family::Att => 1,
        // A list that starts with "(i)" counts in Roman numerals.
        Family::Alpha => label.values.iter().copied().min().unwrap_or(1),
        Family::Numeric => label.values.first().copied().unwrap_or(1),
    }
}

/// Groups consecutive point paragraphs into lists. A point ending in ':'
/// may carry sub-points of another kind; they are folded into its text.
pub(crate) fn lists(paras: &[Para]) -> Vec<List> {
    let mut out: Vec<List> = Vec::new();
    // The open list's last label and value, and the kind of sub-points being folded in.
    let mut open: Option<(Label, u32, Option<Family>)> = None;
    for (i, para) in paras.iter().enumerate() {
        let ParaKind::Item(label) = &para.kind else {
            // A budget's "att" clauses under the name of each committee
            // ("Kommunstyrelsen" / "att bevilja kommunstyrelsen …"): the
            // names head parts of one list.
            let att_next = matches!(
                paras.get(i + 1).map(|p| &p.kind),
                Some(ParaKind::Item(l)) if l.family == Family::Att
            );
            let keeps = att_next
                && open
                    .as_ref()
                    .is_some_and(|(l, _, _)| l.family == Family::Att)
                && is_subheading(&para.text);
            if !keeps {
                open = None;
            }
            continue;
        };
        if let (Some((prev, value, nested)), Some(list)) = (open.as_mut(), out.last_mut()) {
            if let Some(next_value) = follows(prev, *value, label) {
                *prev = label.clone();
                *value = next_value;
                *nested = None;
                list.last = i;
                list.points.push(point(label, next_value, &para.text));
                continue;
            }
            let ends_colon = list.points.last().is_some_and(|p| p.text.ends_with(':'));
            if (ends_colon && label.family != prev.family) || *nested == Some(label.family) {
                *nested = Some(label.family);
                list.last = i;
                if let Some(p) = list.points.last_mut() {
                    for part in [&label.text, &para.text] {
                        p.text.push(' ');
                        p.text.push_str(part);
                    }
                }
                continue;
            }
        }
        let value = starts(label);
        out.push(List {
            first: i,
            last: i,
            points: vec![point(label, value, &para.text)],
        });
        open = Some((label.clone(), value, None));
    }
    out
}

/// A few words with no sentence in them: "Miljö- och hälsoskyddsnämnden".
fn is_subheading(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(char::is_uppercase)
        && !t.ends_with(['.', ':', ',', ';'])
        && (1..=6).contains(&t.split_whitespace().count())
}

fn point(label: &Label, value: u32, text: &str) -> Point {
    Point {
        number: value,
        label: label.text.clone(),
        text: text.to_string(),
    }
}

const PROPOSAL_WORDS: &[&str] = &[
    "foreslå*",
    "indstill*",
    "innstill*",
    "föreslår",
    "föreslå",
    "föreslås",
    "förslag till beslut",
    // Nynorsk: "… låg det føre slik tilråding til vedtak:".
    "tilråding*",
    "framlegg til vedtak",
    "propose*",
    "recommend*",
    "tillstyrker",
];
const DECISION_WORDS: &[&str] = &[
    "beslut*",
    "beslöt",
    "decided",
    "decides",
    "decision",
    "resolved",
    "resolves",
    "agreed",
    "päättää",
    "päätti",
    "vedtar",
    "vedtas",
    // The nouns, as a list's introduction uses them: "Kommunestyrets vedtak 26.04.23:".
    "vedtak",
    "beslutning",
    "päätös",
    "vedtok",
    "beslutter",
    "besluttede",
];
const MOTION_WORDS: &[&str] = &[
    "yrkar",
    "yrkade",
    "yrkande*",
    "moved",
    "moves",
    "amendment*",
];
/// A decision that only points at a proposal, like "beslutar i enlighet med förslaget".
const REFERRING_WORDS: &[&str] = &[
    "i enlighet med",
    "enligt förslag*",
    "enligt arbetsutskottets",
    "bifall till",
    "in accordance with",
    "as proposed",
    "as recommended",
    // "Aluehallitus hyväksyi päätösehdotuksen yksimielisesti."
    "hyväksyi päätösehdotuksen",
    "ehdotuksen mukainen",
    "godkände beslutsförslaget",
    "godkände förslaget till beslut",
];

/// Whether a decision sentence only points at a proposal ("beslutar i
/// enlighet med förslaget"); one made "i enlighet med bilaga 1" states
/// what was decided.
fn refers_to_a_proposal(lowered: &str) -> bool {
    find_any(lowered, REFERRING_WORDS).is_some_and(|(at, phrase)| {
        // The words after the phrase, past an article.
        let next = lowered
            .get(at + phrase.len()..)
            .unwrap_or("")
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| !matches!(*w, "the" | "den" | "det"))
            .unwrap_or("");
        if matches!(
            next,
            "bilaga" | "bilagan" | "bilag" | "bilaget" | "appendix" | "annex"
        ) {
            return false;
        }
        // "i enlighet med villkoren i …", "in accordance with the law":
        // what it follows is no proposal; "i enlighet med förslaget",
        // "… med arbetsutskottets förslag", "… with the recommendation" is.
        if matches!(phrase, "i enlighet med" | "in accordance with") {
            const PROPOSALS: &[&str] = &[
                "förslag",
                "beslutsförslag",
                "föredragande",
                "tjänsteskrivelse",
                "recommendation",
                "proposal",
                "officer",
                "report",
            ];
            return PROPOSALS.iter().any(|p| next.starts_with(p))
                || (next.ends_with('s') && next.len() > 4 && !next.ends_with("ss"));
        }
        true
    })
}

/// How sure we are that a list or sentence is the case's decision: an
/// adopted decision (3) beats a proposal (2) beats a list with no
/// introduction (1); members' motions (0) never count.
fn score(intro: Option<&str>, heading: Option<&Heading>) -> u8 {
    let intro = intro.map(lower).unwrap_or_default();
    // "Resolved – That, subject to the following amendments, the minutes
    // …:" decides before it names amendments; "Councillor Ek moved an
    // amendment:" moves one.
    // "The report was formally moved by … The report was put to a vote
    // and agreed." above "A. That Council agreed …": the vote carried it.
    let carried = super::decision::split_sentences(&intro)
        .last()
        .is_some_and(|s| {
            find_any(
                s,
                &[
                    "put to a vote and agreed",
                    "put to the vote and agreed",
                    "was carried",
                    "was agreed",
                    "blev vedtaget",
                    "ble vedtatt",
                    "blev godkendt",
                ],
            )
            .is_some()
        });
    if carried {
        return 3;
    }
    let motion = find_any(&intro, MOTION_WORDS).map(|(at, _)| at);
    let decided_first =
        find_any(&intro, DECISION_WORDS).is_some_and(|(at, _)| motion.is_some_and(|m| at < m));
    if heading == Some(&Heading::Motions) || (motion.is_some() && !decided_first) {
        return 0;
    }
    if heading == Some(&Heading::Decision) {
        return 3;
    }
    if find_any(&intro, PROPOSAL_WORDS).is_some() || heading == Some(&Heading::Proposal) {
        return 2;
    }
    if find_any(&intro, DECISION_WORDS).is_some() {
        return 3;
    }
    // "The Committee:" above "1. Noted that …".
    if intro.ends_with(':') && body_name(&intro).is_some() {
        return 3;
    }
    1
}

/// Whether a paragraph reads as the introduction to a list.
pub(crate) fn introduces(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let l = lower(t);
    // "RESOLVED: That Full Council" above "1. NOTE the petition …": the
    // resolution's subject, its verbs in the points below.
    let resolution = ["resolved:", "resolved -", "resolved –"]
        .iter()
        .find_map(|w| l.strip_prefix(w))
        .unwrap_or(&l)
        .trim_start();
    if resolution.starts_with("that ")
        && !t.ends_with(['.', ';'])
        && resolution.split_whitespace().count() <= 5
    {
        return true;
    }
    let mut tail = l.trim_end_matches(['.', ' ', ',']).rsplit(' ');
    let last = tail.next().unwrap_or("");
    // "The Minutes … were agreed." reports and "That the following
    // appointments be agreed." resolves; "It was agreed" would go on.
    if t.ends_with('.')
        && matches!(last, "agreed" | "decided" | "resolved")
        && tail
            .next()
            .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "then" | "be"))
    {
        return false;
    }
    [
        // Danish and Norwegian: "Det foreslås,", "… indstiller,".
        "foreslås",
        "foreslår",
        "indstiller",
        "innstiller",
        "følgende",
        "följande",
        "att",
        "beslutar",
        "besluta",
        "beslöt",
        "beslutade",
        "decided",
        "resolved",
        "that",
        "to",
        "agreed",
        // "Aluehallitus päättää" above its numbered points.
        "päättää",
        "päätti",
        "vedtar",
        "vedtok",
        "beslutter",
        "besluttede",
        "decides",
        "resolves",
    ]
    .contains(&last)
}

/// For each paragraph, whether it belongs to a position.
pub(crate) fn in_positions(paras: &[Para], blocks: &[Block]) -> Vec<bool> {
    let mut inside = vec![false; paras.len()];
    for b in blocks {
        for flag in inside.iter_mut().take(b.last + 1).skip(b.first) {
            *flag = true;
        }
    }
    inside
}

/// The heading and introduction just before paragraph `first`.
fn context(paras: &[Para], first: usize) -> (Option<&str>, Option<&Heading>) {
    let mut intro = None;
    let mut heading = None;
    let mut i = first;
    for _ in 0..2 {
        let Some(prev) = i
            .checked_sub(1)
            .and_then(|p| paras.get(p).map(|para| (p, para)))
        else {
            break;
        };
        i = prev.0;
        match &prev.1.kind {
            ParaKind::Heading(h) => {
                heading = Some(h);
                break;
            }
            ParaKind::Text if intro.is_none() && introduces(&prev.1.text) => {
                intro = Some(prev.1.text.as_str())
            }
            _ => break,
        }
    }
    (intro, heading)
}

const SENTENCE_DECISIONS: &[&str] = &[
    // Danish, Norwegian, Finnish, English.
    "besluttede at",
    "beslutter at",
    "blev tiltrådt",
    "blev godkendt",
    // A case sent to a committee: "Beslutningsforslaget blev oversendt til
    // børneudvalget.", "Byrådet sender sagen til behandling i …".
    "blev oversendt til",
    "sender sagen til behandling",
    "fattet følgende vedtak",
    "ble vedtatt",
    // Norwegian passives of approval, bokmål and nynorsk: "Møteinnkalling
    // og saksliste vart godkjent utan merknadar."
    "ble godkjent",
    "blei godkjent",
    "vart godkjent",
    "vart vedteke",
    "vart vedtatt",
    "vedtok",
    "deferred this item",
    "deferred the item",
    "päätti",
    "beslutar att",
    // "Kommunstyrelsen godkänner dagordningen …": a Swedish protocol's
    // decision in the present.
    "godkänner",
    "beslutat att",
    "beslöt att",
    "beslutade att",
    // "Kommunstyrelsen har idag fattat beslut om ett markanvisningsavtal …"
    "fattat beslut om",
    "fattade beslut om",
    "decided to",
    "decided that",
    "resolved to",
    "resolved that",
    "agreed to",
    "resolved:",
    "resolved – that",
    "resolved - that",
    // What happened to a proposal put to the vote: "The change was not agreed".
    "was agreed",
    "were agreed",
    "were then agreed",
    "was not agreed",
    "was lost",
    "was defeated",
    "vedtar",
    "vedtek",
    "vedtog",
    "was carried",
    // "A vote of sympathy was passed", "declared Cllr MH Cavanagh elected as Cathaoirleach".
    "was passed",
    "were passed",
    "was elected",
    "were elected",
    "elected as",
    "declared to be carried",
    "declared carried",
    "was not carried",
    "was rejected",
    "blev vedtaget",
    "blev forkastet",
    "ble forkastet",
    "ble nedstemt",
    "blev nedstemt",
    // What decision lists write after an item: "§ 463 …: Hyväksyttiin.",
    // "Taget til efterretning.", "Tatt til orientering."
    "hyväksyttiin",
    "merkittiin tiedoksi",
    "palautettiin",
    "poistettiin esityslistalta",
    "päätettiin",
    "jätettiin pöydälle",
    "godkändes",
    "antogs",
    "valdes",
    "lades till handlingarna",
    "läggs till handlingarna",
    // Finland-Swedish and Åland minutes write the decision in the present
    // passive: "Föredragningslistan godkänns enhälligt", "Till
    // protokolljusterare utses …".
    "godkänns enhälligt",
    "utses",
    // Norwegian minutes: "Innkallingen ble enstemmig godkjent.", "Robin
    // Kåss ble valgt til leder …", "… velges til å undertegne protokollen".
    "ble enstemmig godkjent",
    // "Valstyret var samrøystes om tilrådinga frå administrasjonen": a
    // body of one mind about a proposal adopts it.
    "var samrøystes om",
    "var enstemmig om",
    "var enstemmige om",
    "var enige om",
    "was unanimous in",
    "vart samrøystes godkjend",
    "ble valgt til",
    "velges til",
    // Finnish minutes' constitution of the meeting: "Kokous todetaan
    // laillisesti koolle kutsutuksi …", "Valitaan … pöytäkirjan tarkastajiksi".
    "todetaan laillisesti",
    "todettiin laillisesti",
    "todetaan lailliseksi",
    "todettiin lailliseksi",
    "valitaan",
    "valittiin",
    // Finland-Swedish passive past and a proposal lost in a vote.
    "beslöts",
    "föll med rösterna",
    "bifölls",
    "avslogs",
    "återremitterades",
    "bordlades",
    "taget til efterretning",
    "tatt til orientering",
    "enstemmig vedtatt",
    "falt",
    "utsettes",
    "was noted",
    "were noted",
    "be approved",
    "be adopted",
    "be agreed",
    "be noted",
    "was approved",
    "were approved",
    "was adopted",
    "were adopted",
    "be deferred",
];

/// Whether a paragraph reports a decision: as [`says_decided`], or with a
/// body saying it decided, before its verb or after it ("Efter omröstning
/// … beslutade stadsstyrelsen återremittera ärendet").
pub(crate) fn reports_decision(text: &str) -> bool {
    let head = prefix(text, 600);
    // Lowered once: `lower` keeps offsets, so the first 300 bytes of `l`
    // are what [`says_decided`] would lower.
    let l = lower(head);
    let short = prefix(text, 300).len();
    if l.get(..short)
        .is_some_and(|s| find_any(s, SENTENCE_DECISIONS).is_some())
    {
        return true;
    }
    find_any(&l, super::sections::DECIDING_VERBS).is_some_and(|(at, _)| {
        body_at_start(head).is_some() || body_right_after(head, at).is_some()
    })
}

/// The body named right after the verb at byte `at`: "beslutade
/// stadsstyrelsen …", as Finland-Swedish writes after a clause.
fn body_right_after(text: &str, at: usize) -> Option<String> {
    let rest = text.get(at..)?;
    let mut words = rest.split_whitespace().skip(1);
    let next = words.next()?.trim_end_matches([',', '.', ':']);
    // "… beslutade det temporära beredningsorganet att …".
    if matches!(next, "det" | "den")
        && let (Some(kind), Some(body)) = (words.next(), words.next())
    {
        let named = format!("{next} {kind} {body}");
        return super::sections::body_name(&super::words::capitalise(&named));
    }
    super::sections::body_name(&super::words::capitalise(next))
}

/// Whether a text reports a decision as minutes and decision lists write
/// it: "Päätösehdotus hyväksyttiin.", "Merkittiin tiedoksi.", "was agreed".
pub(crate) fn says_decided(text: &str) -> bool {
    let l = lower(prefix(text, 300));
    find_any(&l, SENTENCE_DECISIONS).is_some()
}

/// The decision points: the best-scored list outside the positions, or else
/// a decision written as one sentence.
pub(crate) fn decision(
    paras: &[Para],
    lists: &[List],
    blocks: &[Block],
    looks_like_case: bool,
    head_paras: usize,
) -> (Vec<Point>, Confidence) {
    let (points, sure) = read_decision(paras, lists, blocks, looks_like_case, head_paras);
    if let Some(proposed) = as_proposed(paras, &points) {
        return (proposed, sure);
    }
    // "Ehdotus: … päättää • merkitä tiedoksi …" / "Päätös: Päätösehdotus
    // hyväksyttiin.": the proposal's list was read; the approval under the
    // decision's heading goes before it, as the minutes give it.
    match approval_under_decision(paras) {
        Some(approval) if !points.is_empty() && !points.iter().any(|p| p.text == approval.text) => {
            let all = std::iter::once(approval).chain(points);
            (numbered(all.map(|p| (p.label, p.text))), sure)
        }
        _ => (points, sure),
    }
}

/// The paragraph right under the first decision heading after paragraph
/// `after`, past who was absent, where it is a short sentence that refers
/// the case back or puts it off.
fn put_off_below(paras: &[Para], after: usize) -> Option<Point> {
    let heading = paras
        .iter()
        .enumerate()
        .skip(after + 1)
        .find(|(_, p)| p.kind == ParaKind::Heading(Heading::Decision))?
        .0;
    let p = paras
        .get(heading + 1)
        .filter(|p| p.kind == ParaKind::Text)?;
    // Who was absent may run into the decision: "Fraværende: Anders
    // Koefoed (V), Søren Hald Sagen udskudt."
    let text = if reports_attendance(&p.text) {
        let l = lower(&p.text);
        let (at, _) = find_any(&l, super::decision::TABLED)
            .or_else(|| find_any(&l, super::decision::REFERRED_BACK))?;
        let head = p.text.get(..at)?.trim_end();
        let subject = head
            .rsplit(' ')
            .next()
            .filter(|w| w.starts_with(char::is_uppercase))?;
        p.text.get(head.len() - subject.len()..)?
    } else {
        p.text.as_str()
    };
    let l = lower(text);
    let short = text.split_whitespace().count() <= 12;
    let put_off = find_any(&l, super::decision::TABLED).is_some()
        || find_any(&l, super::decision::REFERRED_BACK).is_some();
    (short && put_off).then(|| Point {
        number: 1,
        label: String::new(),
        text: text.trim().to_string(),
    })
}

/// Words that only approve what was proposed: "Hyväksyttiin.", "Godkendt."
const APPROVALS: &[&str] = &[
    "hyväksyttiin",
    "hyväksyttiin yksimielisesti",
    // "Päätös" / "Hyväksyi.": the body approved, its subject left out.
    "hyväksyi",
    "hyväksyi yksimielisesti",
    "päätösehdotus hyväksyttiin",
    "ehdotus hyväksyttiin",
    "godkändes",
    "enligt förslag",
    "enligt förslaget",
    "bifölls",
    "godkendt",
    "vedtatt",
    "vedtaget",
    "agreed",
    "approved",
];

fn is_approval(text: &str) -> bool {
    APPROVALS.contains(&lower(text.trim().trim_end_matches('.')).as_str())
}

/// The paragraph right under the first decision heading, if it only
/// approves the proposal.
fn approval_under_decision(paras: &[Para]) -> Option<Point> {
    let at = paras
        .iter()
        .position(|p| p.kind == ParaKind::Heading(Heading::Decision))?;
    let next = paras.get(at + 1)?;
    (!matches!(next.kind, ParaKind::Heading(_)) && is_approval(&next.text)).then(|| Point {
        number: 1,
        label: String::new(),
        text: next.text.trim().to_string(),
    })
}

/// Points numbered from 1 in the order given, with their labels.
fn numbered(points: impl IntoIterator<Item = (String, String)>) -> Vec<Point> {
    points
        .into_iter()
        .enumerate()
        .map(|(k, (label, text))| Point {
            number: u32::try_from(k + 1).unwrap_or(u32::MAX),
            label,
            text,
        })
        .collect()
}

/// Points numbered from 1, without labels.
fn unlabelled(texts: impl IntoIterator<Item = String>) -> Vec<Point> {
    numbered(texts.into_iter().map(|text| (String::new(), text)))
}

/// A decision that only approves the proposal ("Päätösehdotus" / "Todetaan
/// kokous lailliseksi …" / "Päätös" / "Hyväksyttiin."): the approval as
/// written, then what it approved, the proposal sentence by sentence, so
/// that the case says what was decided in words of its own.
fn as_proposed(paras: &[Para], points: &[Point]) -> Option<Vec<Point>> {
    let [only] = points else {
        return None;
    };
    if !is_approval(&only.text) {
        return None;
    }
    let start = paras
        .iter()
        .position(|p| p.kind == ParaKind::Heading(Heading::Proposal))?;
    let proposal: Vec<&Para> = paras[start + 1..]
        .iter()
        .take_while(|p| !matches!(p.kind, ParaKind::Heading(_)))
        .collect();
    // "Til godkendelse." proposes nothing in words of its own.
    let says_something = |p: &&Para| p.text.split_whitespace().count() >= 4;
    if proposal.is_empty() || proposal.len() > 12 || !proposal.iter().all(says_something) {
        return None;
    }
    // One point a sentence: lines of a proposal may have run together.
    let approval = (String::new(), only.text.trim().to_string());
    // "Päätös" / "Hyväksyi." / "Kaupunginvaltuusto otti yksimielisesti
    // käsiteltäväkseen lisäpykälän 34.": what the body decided besides,
    // below the approval.
    let besides = paras
        .iter()
        .position(|p| p.kind == ParaKind::Heading(Heading::Decision))
        .into_iter()
        .flat_map(|at| paras[at + 1..].iter().skip(1))
        .take_while(|p| p.kind == ParaKind::Text && opening_body(&p.text).is_some())
        .flat_map(|p| super::decision::split_sentences(&p.text))
        .filter(|s| opening_body(s).is_some())
        .map(|s| (String::new(), s.trim().to_string()));
    Some(numbered(
        std::iter::once(approval)
            .chain(
                proposal
                    .iter()
                    .flat_map(|p| {
                        let label = match &p.kind {
                            ParaKind::Item(l) => l.text.clone(),
                            _ => String::new(),
                        };
                        super::decision::split_sentences(&p.text)
                            .into_iter()
                            .map(move |s| (label.clone(), s.trim().to_string()))
                    })
                    .filter(|(_, s)| !s.is_empty()),
            )
            .chain(besides),
    ))
}

/// The body a text opens with, as written: "Vestlandsrådet meiner at …",
/// "Kaupunginvaltuusto otti … lisäpykälän 34.".
fn opening_body(t: &str) -> Option<&str> {
    t.split_whitespace()
        .next()
        .filter(|w| body_name(w).is_some())
}

fn read_decision(
    paras: &[Para],
    lists: &[List],
    blocks: &[Block],
    looks_like_case: bool,
    head_paras: usize,
) -> (Vec<Point>, Confidence) {
    let mut inside = in_positions(paras, blocks);
    for skip in inside.iter_mut().take(head_paras) {
        *skip = true;
    }
    // Whether each paragraph stands in a decision's section: found in one
    // pass, as a text may hold thousands of lists.
    let mut section_is_decision = Vec::with_capacity(paras.len());
    let mut current = false;
    for p in paras {
        section_is_decision.push(current);
        if let ParaKind::Heading(h) = &p.kind {
            current = h == &Heading::Decision;
        }
    }
    // On a page that sums up a meeting ("Fullmäktige i korthet"), a list
    // with no introduction is the list of what was decided.
    let summary = sums_up_meeting(paras);
    let approved_record = paras.iter().take(8).any(|p| {
        let l = lower(prefix(&p.text, 200));
        find_phrase(&l, "decision status:")
            .is_some_and(|at| find_any(&l[at..], &["approved", "agreed", "adopted"]).is_some())
            && !l.contains("not approved")
    });
    let mut best: Option<(u8, &List)> = None;
    // A list of names or party letters ("1. FrP", "2. SP") under a decision
    // says in what order; it is no list of what was decided.
    // So is a list of members with their parties ("Arne Bech (H)"), who
    // voted or attended.
    let names_only = |l: &List| {
        l.points.iter().all(|p| {
            let words = p.text.split_whitespace().count();
            // "Robert Sørensen, Ø": a name, a comma and the party's letters.
            let lettered = p.text.rsplit_once(", ").is_some_and(|(_, party)| {
                (1..=3).contains(&party.chars().count()) && !party.chars().any(char::is_lowercase)
            });
            !p.text.trim_end().ends_with('.')
                && (words <= 2
                    || (words <= 6 && (super::persons::has_party_group(&p.text) || lettered)))
        })
    };
    for list in lists
        .iter()
        .filter(|l| !inside.get(l.first).copied().unwrap_or(false) && !names_only(l))
    {
        let (intro, heading) = context(paras, list.first);
        // "(1) That Cabinet recommends …": points written as resolutions
        // are a decision whatever stands above them.
        let resolutions = !list.points.is_empty()
            && list
                .points
                .iter()
                .all(|p| p.text.starts_with("That ") || p.text.starts_with("that "));
        // "Record of the Decision", a report of the discussion, and then
        // the numbered decision: a list in a decision's section is its points.
        let in_decision_section = section_is_decision
            .get(list.first)
            .copied()
            .unwrap_or(false);
        let s = match score(intro, heading) {
            1 if summary && intro.is_none_or(introduces_meeting_items) => 2,
            // A decision record whose status says its points were approved
            // ("Decision status: Recommendations Approved"), below "The
            // Cabinet was asked to consider the motion …".
            0 | 1 if approved_record => 2,
            s @ 0 => s,
            s if resolutions || in_decision_section => s.max(2),
            s => s,
        };
        if s > best.map_or(0, |(b, _)| b) {
            best = Some((s, list));
        }
    }
    // A city's summary of a meeting's decisions, one of which may introduce
    // a list of rates: the summary is what was decided, the list part of
    // it, unless the list stands under a decision heading or introduction.
    if best.is_none_or(|(s, _)| s < 3)
        && let Some(points) = summary_decisions(paras, &inside, summary)
    {
        return (points, Confidence::Medium);
    }
    // A news page's summary of which one decision is a list: "Kommun-
    // fullmäktige beslutade följande angående …:" / "- att tacka …" /
    // "- att avslå …", among "Kommunfullmäktige beslutade att …" sentences
    // on the other items. The list takes its introduction's place.
    if let Some((s, list)) = best
        && s >= 3
        && let (Some(intro), _) = context(paras, list.first)
        && intro.trim_end().ends_with(':')
        && let Some(points) = summary_decisions(paras, &inside, summary)
        && points.len() >= 3
        && let Some(at) = points
            .iter()
            .position(|p| p.text.ends_with(':') && intro.trim_end().ends_with(p.text.as_str()))
    {
        let texts = points.iter().map(|p| p.text.clone());
        let merged: Vec<String> = texts
            .clone()
            .take(at)
            .chain(list.points.iter().map(|p| p.text.clone()))
            .chain(texts.skip(at + 1))
            .collect();
        return (unlabelled(merged), Confidence::Medium);
    }
    // Irish and British minutes record each decision with its proposers:
    // "On the proposition of Councillor X and unanimously agreed a vote of
    // sympathy was extended …", one paragraph per decision.
    if best.is_none_or(|(s, _)| s < 3)
        && let Some(points) = proposition_decisions(paras)
    {
        return (points, Confidence::Medium);
    }
    // British minutes that tell each item's outcome in a sentence of its
    // own: "It was agreed that …", "… approved on the proposal of …".
    if best.is_none_or(|(s, _)| s < 3)
        && let Some(points) = agreed_sentences(paras)
    {
        return (points, Confidence::Medium);
    }
    // A British decision record: one resolution to a line, each opening
    // with its verb ("To note …;", "To recommend …"), under no heading.
    if best.is_none_or(|(s, _)| s < 2)
        && let Some(points) = infinitive_resolutions(paras, &inside)
    {
        return (points, Confidence::Medium);
    }
    // A list under "Beslut" or after "beslutar att" is sure; a proposal's
    // list or a decision in one sentence is likely; a list without an
    // introduction in a case is a guess.
    // A proposal's list gives way to a short sentence right under the
    // decision's own heading below it that refers the case back or puts
    // it off ("Indstilling: 1. at Orienteringen tages til efterretning." /
    // "Beslutning …: Sagen udskudt.").
    if let Some((2, list)) = best
        && let Some(put_off) = put_off_below(paras, list.last)
    {
        return (vec![put_off], Confidence::Medium);
    }
    if let Some((s, list)) = best
        && s >= 2
    {
        let sure = if s >= 3 {
            Confidence::High
        } else {
            Confidence::Medium
        };
        let points = run_on(paras, lists, list, &inside);
        return (points, sure);
    }
    if let Some((p, at)) = sentence_decision(paras, &inside, looks_like_case) {
        // "Dagordningen fastställdes." / "Till justeringsperson valdes …":
        // an opening item's decisions, each a short sentence of its own.
        if let Some(points) = short_outcomes(paras, &inside, at) {
            return (points, Confidence::Medium);
        }
        // "Kommunfullmäktige … uttalar sitt stöd för …": a statement is the
        // council's words, paragraph by paragraph, down to its signatures.
        if let Some(points) = statement(paras, &inside, at, &p) {
            return (points, Confidence::Medium);
        }
        // "Beslutning Byrådet den 31-05-2017" / "Byrådet vedtog, at punkt 7
        // udgår …" / "Dagsordenen herefter godkendt.": each short outcome
        // below the sentence, under the same decision heading, is one more.
        let under_heading = at
            .checked_sub(1)
            .and_then(|k| paras.get(k))
            .is_some_and(|h| h.kind == ParaKind::Heading(Heading::Decision));
        // "Vedtaket i Vestlandsrådet har følgende ordlyd:" / "Vestlandsrådet
        // meiner at …" / "Vestlandsrådet legg til grunn at …": a resolution
        // whose every paragraph opens with its body.

        let body = opening_body(&p.text);
        let more: Vec<Point> = if under_heading {
            paras
                .iter()
                .enumerate()
                .skip(at + 1)
                .take_while(|(i, q)| {
                    q.kind == ParaKind::Text
                        && !inside.get(*i).copied().unwrap_or(false)
                        && ((q.text.split_whitespace().count() <= 15
                            && (says_decided(&q.text) || reports_outcome(q.text.trim())))
                            || (body.is_some() && opening_body(&q.text) == body))
                })
                .map(|(_, q)| Point {
                    number: 0,
                    label: String::new(),
                    text: q.text.trim().to_string(),
                })
                .collect()
        } else {
            Vec::new()
        };
        if !more.is_empty() {
            let mut points = vec![p];
            points.extend(more);
            for (k, point) in points.iter_mut().enumerate() {
                point.number = u32::try_from(k + 1).unwrap_or(u32::MAX);
            }
            return (points, Confidence::Medium);
        }
        // "Kommunestyret godkjenner planene." and the bullets right below it
        // that say how: the sentence and its list are the decision.
        let mut points = vec![p];
        if let Some(list) = lists
            .iter()
            .find(|l| l.first == at + 1 && !inside.get(l.first).copied().unwrap_or(false))
            && matches!(
                list.points.first().map(|p| p.label.as_str()),
                Some("•" | "-" | "–")
            )
        {
            points.extend(run_on(paras, lists, list, &inside));
            for (k, p) in points.iter_mut().enumerate() {
                p.number = u32::try_from(k + 1).unwrap_or(u32::MAX);
            }
        }
        return (points, Confidence::Medium);
    }
    // "The amendment was put to a vote, 28 voted in favour, 7 voted
    // against. The amendment was carried.": where minutes only report
    // votes, their outcomes are what was decided.
    if best.is_none_or(|(s, _)| s < 2)
        && let Some(points) = vote_outcomes(paras)
    {
        return (points, Confidence::Low);
    }
    // A decision record that lost its "RESOLVED:" heading keeps the
    // resolution's own form: "That the application be deferred …".
    if best.is_none()
        && let Some(points) = standing_resolutions(paras, &inside)
    {
        return (points, Confidence::Low);
    }
    match best {
        Some((_, list)) if looks_like_case => {
            (run_on(paras, lists, list, &inside), Confidence::Low)
        }
        _ => (Vec::new(), Confidence::Low),
    }
}

/// The sentences that tell how a vote went, in paragraphs that report a
/// vote; also where they stand in a motion's record.
fn vote_outcomes(paras: &[Para]) -> Option<Vec<Point>> {
    const VOTED: &[&str] = &[
        "put to a vote",
        "put to the vote",
        "put to the meeting",
        "a vote was taken",
        "on a division",
        "a recorded vote",
        // "On a vote, 9 Members voted for the amendment and 10 for the motion …"
        "on a vote",
    ];
    const OUTCOMES: &[&str] = &[
        "was carried",
        "were carried",
        "was defeated",
        "were defeated",
        "was lost",
        "were lost",
        "was not carried",
        "declared carried",
        "declared lost",
        "declared the motion",
        "declared the amendment",
    ];
    let found: Vec<String> = paras
        .iter()
        .filter(|p| {
            p.kind == ParaKind::Text
                && p.text.len() < 1500
                && find_any(&lower(&p.text), VOTED).is_some()
        })
        .flat_map(|p| super::decision::split_sentences(&p.text))
        .map(|s| s.trim().to_string())
        .filter(|s| find_any(&lower(s), OUTCOMES).is_some())
        .collect();
    (!found.is_empty()).then(|| unlabelled(found))
}

/// Participles of a resolution that do not end in "-ed".
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "made",
    "given",
    "sent",
    "taken",
    "held",
    "paid",
    "set",
    "written",
    "done",
    "put",
    "sought",
    "drawn",
    "brought",
    "laid",
    "upheld",
    "withdrawn",
];

/// Whether a paragraph is a resolution in its English form: "That the
/// report be noted.", "That Councillor X be appointed …".
fn is_standing_resolution(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix("That ") else {
        return false;
    };
    if !t.ends_with('.') || t.len() > 800 {
        return false;
    }
    let mut words = rest.split_whitespace().take(14);
    words.any(|w| w == "be")
        && words.next().is_some_and(|w| {
            let w = w.trim_end_matches([',', '.', ';']);
            (w.len() > 3 && w.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&w)
        })
}

/// The sentences written as resolutions, in their order. A web page's
/// lines may have run together, so a resolution is looked for sentence by
/// sentence.
fn standing_resolutions(paras: &[Para], inside: &[bool]) -> Option<Vec<Point>> {
    let found: Vec<String> = paras
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            p.kind == ParaKind::Text
                && !inside.get(*i).copied().unwrap_or(false)
                && p.text.contains("That ")
        })
        .flat_map(|(_, p)| super::decision::split_sentences(&p.text))
        .map(|s| s.trim().to_string())
        .filter(|s| is_standing_resolution(s))
        .collect();
    (!found.is_empty()).then(|| unlabelled(found))
}

/// A council's statement opened at paragraph `at` ("Kommunfullmäktige i
/// Svalövs kommun uttalar …"): that paragraph and the ones after it, up to
/// a heading or the signatures (lines with no sentence in them).
fn statement(paras: &[Para], inside: &[bool], at: usize, first: &Point) -> Option<Vec<Point>> {
    let l = lower(prefix(&first.text, 300));
    find_any(&l, &[" uttalar ", " udtaler ", " uttaler "])?;
    let rest = paras[at + 1..]
        .iter()
        .enumerate()
        .take_while(|(k, p)| {
            p.kind == ParaKind::Text
                && !inside.get(at + 1 + k).copied().unwrap_or(false)
                && p.text.trim_end().ends_with(['.', '!'])
                && p.text.split_whitespace().count() >= 6
        })
        .take(8)
        .map(|(_, p)| p.text.trim().to_string());
    Some(unlabelled(std::iter::once(first.text.clone()).chain(rest)))
}

/// The verbs that open a resolution written as an infinitive.
const RESOLUTION_VERBS: &[&str] = &[
    "note",
    "agree",
    "approve",
    "confirm",
    "recommend",
    "authorise",
    "authorize",
    "endorse",
    "accept",
    "adopt",
    "delegate",
    "request",
    "receive",
    "support",
    "refer",
    "defer",
    "grant",
    "instruct",
    "appoint",
    "nominate",
    "reject",
    "welcome",
    "allocate",
    "release",
    "ratify",
];

/// Whether a line opens with "To" and a resolution's verb; the space
/// between them is sometimes lost where the page set "To" apart ("Tonote").
fn opens_with_infinitive(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("To") else {
        return false;
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    RESOLUTION_VERBS.iter().any(|v| {
        rest.strip_prefix(v)
            .is_some_and(|after| after.starts_with(' '))
    })
}

/// Two or more lines in a row, each a resolution in the infinitive ("To
/// note the consultation …;" / "To agree the final details …;"): the
/// points of a decision record that puts no heading above them.
fn infinitive_resolutions(paras: &[Para], inside: &[bool]) -> Option<Vec<Point>> {
    let mut best: Vec<&Para> = Vec::new();
    let mut run: Vec<&Para> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let fits = p.kind == ParaKind::Text
            && !inside.get(i).copied().unwrap_or(false)
            && opens_with_infinitive(p.text.trim_start());
        if fits {
            run.push(p);
        } else {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    (best.len() >= 2).then(|| unlabelled(best.iter().map(|p| p.text.trim().to_string())))
}

/// An outcome recorded before its proposers.
pub(crate) const OUTCOME_ON_MOTION: &[&str] = &[
    "approved on the motion of",
    "agreed on the motion of",
    "adopted on the motion of",
    "noted on the motion of",
];

/// How a decision recorded with its proposers begins.
pub(crate) const PROPOSITION_LEADS: &[&str] = &[
    "on the proposition of",
    "upon the proposition of",
    "on the motion of",
    "upon the motion of",
];

/// The decisions of paragraphs that open with their proposers and go on
/// with what was agreed: "On the proposition of Councillors Tom Mulhall &
/// John Bonham and unanimously agreed a vote of sympathy was extended to
/// …", "On the motion of Cllr Ryan, seconded by Cllr Burke, it was agreed
/// that …". None where no such paragraph says what was agreed.
fn proposition_decisions(paras: &[Para]) -> Option<Vec<Point>> {
    let mut points: Vec<String> = Vec::new();
    for p in paras.iter().filter(|p| p.kind == ParaKind::Text) {
        let l = lower(prefix(&p.text, 600));
        // "Approved on the motion of Councillor Jackson seconded by
        // Councillor O'Rourke.": the outcome first, then its proposers.
        if OUTCOME_ON_MOTION.iter().any(|lead| l.starts_with(lead))
            && let Some(sentence) = super::decision::split_sentences(&p.text).first()
        {
            points.push(sentence.trim().trim_end_matches(['|', ' ']).to_string());
            continue;
        }
        if !PROPOSITION_LEADS.iter().any(|lead| l.starts_with(lead)) {
            continue;
        }
        let Some((at, verb)) = find_any(&l, &["agreed", "resolved", "decided"]) else {
            continue;
        };
        let rest = p.text.get(at + verb.len()..).unwrap_or("");
        let rest = rest.trim_start_matches([' ', ':', ',', '-', '–']);
        let rest = rest
            .strip_prefix("that ")
            .or_else(|| rest.strip_prefix("That "))
            .unwrap_or(rest);
        if rest.len() < 15 || !rest.starts_with(char::is_alphabetic) {
            continue;
        }
        points.push(rest.trim().to_string());
    }
    (!points.is_empty()).then(|| unlabelled(points))
}

/// Whether a lowercase sentence opens with the meeting's agreement, as
/// British minutes write it: "It was agreed that …", "Following
/// discussion it was agreed …", "UNANIMOUSLY RESOLVED that …".
fn opens_with_agreement(l: &str) -> bool {
    const LEADS: &[&str] = &[
        "after discussion, ",
        "after discussion ",
        "following discussion, ",
        "following discussion ",
    ];
    const OPENINGS: &[&str] = &[
        "it was agreed",
        "it was also agreed",
        "it was further agreed",
        "it was unanimously agreed",
        "it was resolved",
        // "… 5 for, 1 against. It was therefore RESOLVED that …"
        "it was therefore resolved",
        "it was therefore agreed",
        // "UNANIMOUSLY RESOLVED that the minutes of … be signed", one to
        // each sub-item of a web page's minutes.
        "unanimously resolved that",
        "resolved that",
    ];
    let l = LEADS
        .iter()
        .find_map(|lead| l.strip_prefix(lead))
        .unwrap_or(l);
    OPENINGS.iter().any(|o| starts_with_phrase(l, o))
}

/// British minutes that give each item a paragraph, its subject in front
/// ("Northern Ireland Tourism Awards: It was agreed that …") or a report
/// before the outcome ("The Director reported that … It was agreed that
/// …"), or that give the outcome with its proposers ("The minutes … were
/// approved on the proposal of Alderman Coyle, seconded by …"): each such
/// sentence, where there are two or more. Such a sentence is an outcome
/// even where it names its mover and so stands in a motion's block.
fn agreed_sentences(paras: &[Para]) -> Option<Vec<Point>> {
    const ON_PROPOSAL: &[&str] = &[
        " approved on the proposal of ",
        " adopted on the proposal of ",
        " agreed on the proposal of ",
        " confirmed on the proposal of ",
    ];
    let mut points: Vec<String> = Vec::new();
    // Every such sentence holds one of these as written.
    const SIGNS: &[&str] = &[
        "agreed",
        "resolved",
        "proposal of",
        "AGREED",
        "RESOLVED",
        "was noted",
        "were noted",
        "was approved",
        "were approved",
        "was adopted",
        "were adopted",
        "was received",
        "were received",
    ];
    // Each sign's finder is built once: a document may hold thousands of
    // paragraphs.
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| SIGNS.iter().map(memchr::memmem::Finder::new).collect());
    let may_hold = |t: &str| finders.iter().any(|f| f.find(t.as_bytes()).is_some());
    for p in paras
        .iter()
        // "3. Approval of the minutes … – Ref 24/106: … It was therefore
        // RESOLVED that …": an item's outcome on its heading's line.
        .filter(|p| matches!(p.kind, ParaKind::Text | ParaKind::Item(_)) && may_hold(&p.text))
    {
        for sentence in super::decision::split_sentences(&p.text) {
            let sentence = sentence.trim();
            // "Page 3 – By-pass: It was agreed …": the subject goes.
            let said = match sentence.split_once(": ") {
                Some((subject, said))
                    if subject.split_whitespace().count() <= 10 && !subject.contains('.') =>
                {
                    said
                }
                _ => sentence,
            };
            let l = lower(said);
            // "The Manager's Orders, as circulated, were noted.", "These
            // were agreed and signed by the Chair.": a short outcome of its
            // own, not "It was noted that …", which reports.
            let noted = said.split_whitespace().count() <= 15
                && !l.starts_with("it ")
                && said.ends_with('.')
                && l.split_whitespace()
                    .collect::<Vec<_>>()
                    .windows(2)
                    .take(8)
                    .any(|w| {
                        matches!(w[0], "was" | "were")
                            && matches!(
                                w[1].trim_end_matches(['.', ',']),
                                "noted" | "agreed" | "approved" | "adopted" | "received"
                            )
                    });
            if (opens_with_agreement(&l) || noted || ON_PROPOSAL.iter().any(|o| l.contains(o)))
                && !points.iter().any(|p| p == said)
            {
                points.push(said.to_string());
            }
        }
    }
    (points.len() >= 2).then(|| unlabelled(points))
}

/// A vote page's outcome: the text of the proposal that carried, or else
/// of the one that fell, and whether it carried. The text stands between
/// the proposal's heading and the outcome on its own line: "Forslag frå
/// B. Lyngstad (V)" / "Levekårsutvalet støttar …" / "Vedteke".
pub(crate) fn poll_outcome(paras: &[Para]) -> Option<(Vec<Point>, bool)> {
    let mut fell: Option<Vec<Point>> = None;
    for (i, p) in paras.iter().enumerate().skip(1) {
        let Some(carried) = super::paragraphs::poll_result(&p.text) else {
            continue;
        };
        // The proposal's paragraphs, back to its heading (a few at most).
        let Some(heading) = (i.saturating_sub(6)..i)
            .rev()
            .find(|&k| super::paragraphs::proposal_heading(&paras[k].text))
        else {
            continue;
        };
        let text = &paras[heading + 1..i];
        let proposal = !text.is_empty()
            && text.iter().all(|p| {
                p.kind == ParaKind::Text
                    && p.text.len() >= 20
                    && super::paragraphs::poll_result(&p.text).is_none()
            });
        if !proposal {
            continue;
        }
        let points = unlabelled(text.iter().map(|p| p.text.clone()));
        if carried {
            return Some((points, true));
        }
        fell = fell.or(Some(points));
    }
    fell.map(|points| (points, false))
}

/// A list's points with the lists that carry on its numbering after it.
fn run_on(paras: &[Para], lists: &[List], list: &List, inside: &[bool]) -> Vec<Point> {
    // A decision whose numbering starts again ("1. 2. 1. 1. 2. 1.", as
    // word processors renumber) is one list while its items follow on
    // without anything between them; a sub-list of bullets under a point
    // is no more of it.
    let kind = |p: Option<&Point>| {
        p.and_then(|p| p.label.chars().next())
            .map(|c| (c.is_ascii_digit(), c.is_alphabetic() || c == '('))
    };
    let mut points = list.points.clone();
    let mut last = list.last;
    for next in lists.iter().filter(|l| l.first > list.first) {
        if kind(points.last()) != kind(next.points.first()) {
            continue;
        }
        // A point may run on in a paragraph of its own before the next.
        let runs_on = next.first == last + 2
            && paras.get(last + 1).is_some_and(|p| {
                p.kind == ParaKind::Text && !introduces(&p.text) && body_at_start(&p.text).is_none()
            });
        // "1. … med følgende endringer." with its sub-list of changes and
        // a table before "2. Budsjettet vedtas …": numbering that goes on
        // where it left off, with no heading between, is the same list.
        let continues = points
            .last()
            .zip(next.points.first())
            .is_some_and(|(a, b)| {
                b.number == a.number + 1
                    && !a.label.is_empty()
                    && a.label.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && b.label.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && next.first - last <= 40
                    && paras[last + 1..next.first]
                        .iter()
                        .all(|p| !matches!(p.kind, ParaKind::Heading(_)))
            });
        if !(next.first == last + 1 || runs_on || continues)
            || inside.get(next.first).copied().unwrap_or(false)
        {
            break;
        }
        points.extend(next.points.iter().cloned());
        last = next.last;
    }
    points
}

/// "… regionstyrelsen som nu antagit en strategi …": a body, "som", and a
/// perfect participle of deciding.
fn body_that_adopted(sentence: &str) -> bool {
    let l = lower(prefix(sentence, 300));
    let words: Vec<&str> = l.split_whitespace().collect();
    words.windows(2).enumerate().any(|(k, pair)| {
        pair[1] == "som"
            && super::sections::names_body(pair[0].trim_end_matches(','))
            && words[k + 2..].iter().take(3).any(|w| {
                matches!(
                    *w,
                    "antagit"
                        | "beslutat"
                        | "godkänt"
                        | "fastställt"
                        | "vedtatt"
                        | "vedtaget"
                        | "godkendt"
                )
            })
    })
}

/// "Höjningen, som nu godkänts av regionfullmäktige, …", "enligt ett
/// annat av regionfullmäktiges beslut": a body named as the agent of a
/// passive, or as the owner of a decision.
fn by_body_in_passive(lowered: &str) -> bool {
    const PARTICIPLES: &[&str] = &[
        "godkänts",
        "antagits",
        "beslutats",
        "fastställts",
        "beviljats",
        "godkänd",
        "godkända",
        "antagen",
        "antaget",
        "antagna",
        "vedtatt",
        "vedtaget",
        "godkendt",
        "godkjent",
    ];
    // Most sentences hold none of these.
    const SIGNS: &[&str] = &[
        "godkän",
        "antag",
        "beslut",
        "fastställ",
        "beviljats",
        "vedta",
        "godkendt",
        "godkjent",
    ];
    if !super::words::contains_any(lowered, SIGNS) {
        return false;
    }
    let words: Vec<&str> = lowered
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let is_body = super::sections::names_body;
    words
        .windows(3)
        .any(|w| PARTICIPLES.contains(&w[0]) && matches!(w[1], "av" | "af") && is_body(w[2]))
        || words.windows(2).any(|w| {
            matches!(w[1], "beslut" | "beslutning" | "vedtak")
                && w[0].len() > 2
                && w[0].ends_with('s')
                && is_body(&w[0][..w[0].len() - 1])
        })
}

/// Verbs of a body proposing or advising, not deciding.
const PROPOSING_VERBS: &[&str] = &[
    "föreslår",
    "tillstyrker",
    "tillstyrkte",
    "avstyrker",
    "avstyrkte",
    "esittää",
    "recommended",
];

/// A summary of a meeting's decisions, as a city's news page writes one:
/// no decision heading, but sentences in which a
/// body says what it decided or proposed ("Stadsstyrelsen föreslår för
/// stadsfullmäktige att …", "Stadsstyrelsen antecknade kvartalsrapporten
/// …"). Each such sentence is a point, in order.
fn summary_decisions(paras: &[Para], inside: &[bool], summary: bool) -> Option<Vec<Point>> {
    if paras.iter().any(|p| {
        matches!(
            p.kind,
            ParaKind::Heading(Heading::Decision | Heading::Proposal)
        )
    }) {
        return None;
    }
    const VERBS: &[&str] = &[
        "föreslår",
        "antecknade",
        // "Kulturnämnden … har beviljat 48 500 euro i bidrag …".
        "beviljat",
        "beviljade",
        "godkände",
        "antog",
        "beslutade",
        "beslöt",
        "tillstyrker",
        "tillstyrkte",
        "avstyrker",
        "avstyrkte",
        "päätti",
        "hyväksyi",
        // "Maakuntahallitus antoi … vastineen": a body gave its answer.
        "antoi",
        "esittää",
        // A press release's present: "Samoin aluehallitus pyytää kuntia …".
        "päättää",
        "pyytää",
        "hyväksyy",
        "merkitsi",
        // "Maakuntahallitus tarkasti … pöytäkirjan": checked the minutes.
        "tarkasti",
        // "- siirsi päätösvaltaansa …", "- nimesi … edustajaksi …".
        "siirsi",
        "nimesi",
        "valitsi",
        "myönsi",
        "besluttede",
        "godkendte",
        "vedtok",
        "godkjente",
        // "Som regionvaraordførar valte Vest-Telemarktinget …": elected.
        "valte",
        "valgte",
        "agreed",
        "approved",
        "decided",
        "resolved",
        "recommended",
        "noted",
    ];
    let mut points: Vec<String> = Vec::new();
    let mut bodies = 0;
    for (i, para) in paras.iter().enumerate() {
        // "• Stadsmiljöprogram" / "– Kommunfullmäktige antog …": a page
        // may tell each item's outcome as a bullet under its subject, one
        // dash between two dots. A run of like bullets is a list, read as
        // one.
        let same_bullet = |k: usize| {
            paras
                .get(k)
                .is_some_and(|q| matches!((&q.kind, &para.kind), (ParaKind::Item(a), ParaKind::Item(b)) if a.text == b.text))
        };
        let bullet =
            matches!(&para.kind, ParaKind::Item(l) if matches!(l.family, Family::Bullet(_)));
        let prose_bullet =
            bullet && !same_bullet(i + 1) && !i.checked_sub(1).is_some_and(same_bullet);
        // "Lisäksi maakuntahallitus mm." / "- hyväksyi ohjeen …" / "- nimesi
        // …": bullets that open with the verb of a body named above them.
        if bullet
            && !inside.get(i).copied().unwrap_or(false)
            && para
                .text
                .split_whitespace()
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase) && VERBS.contains(&w))
            && paras[..i]
                .iter()
                .rev()
                .find(|q| !matches!(q.kind, ParaKind::Item(_)))
                .is_some_and(|q| {
                    q.kind == ParaKind::Text
                        && q.text.split_whitespace().nth(6).is_none()
                        && q.text.split_whitespace().any(super::sections::names_body)
                })
        {
            let t = para.text.trim().to_string();
            if !points.contains(&t) {
                bodies += 1;
                points.push(t);
            }
            continue;
        }
        if (para.kind != ParaKind::Text && !prose_bullet)
            || inside.get(i).copied().unwrap_or(false)
            || para.text.len() > 3000
        {
            continue;
        }
        let sentences = super::decision::split_sentences(&para.text);
        for (k, sentence) in sentences.iter().enumerate() {
            let sentence = sentence.trim();
            // "… får i uppdrag att … Det beslutade kommunstyrelsen idag."
            if says_that_it_decided(sentence)
                && let Some(before) = k.checked_sub(1).and_then(|j| sentences.get(j))
            {
                if points.last().is_some_and(|p| p == before.trim()) {
                    points.pop();
                } else {
                    bodies += 1;
                }
                points.push(format!("{} {sentence}", before.trim()));
                continue;
            }
            // "Budget 2024 och ekonomiplan 2024-2026: Fullmäktige godkände
            // …": the item's subject in front of what was decided on it.
            let sentence = match sentence.split_once(": ") {
                Some((subject, said))
                    if subject.split_whitespace().count() <= 15
                        && !subject.contains(['.', ';'])
                        && said.starts_with(char::is_uppercase)
                        && body_at_start(said).is_some() =>
                {
                    said
                }
                _ => sentence,
            };
            // "Kaupunginhallitus päätti, että …": the verb without its comma.
            // Sixteen words: a heading run into the sentence ("Revidering av
            // ägardirektiv Borgholm Energi Elnät AB med dotterbolag
            // Kommunfullmäktige beslutade …") puts the body late.
            let lowered = lower(sentence);
            let words: Vec<&str> = lowered
                .split_whitespace()
                .take(16)
                .map(|w| w.trim_end_matches([',', ';']))
                .collect();
            // The body first ("Stadsstyrelsen föreslår …") or right after
            // the verb ("Därtill föreslår stadsstyrelsen …").
            // "Fullmäktige behandlade ärendet och gav sitt samtycke till …":
            // treating a matter decides where the sentence goes on to a
            // verb of deciding.
            let decides_later = |k: usize| {
                lowered
                    .split_whitespace()
                    .skip(k + 1)
                    .any(|w| VERBS.contains(&w) || w == "gav")
            };
            // Within six words, or eight where the body stands right
            // before its verb ("date 2025-08-26 Maanantaina koolla ollut
            // aluehallitus päätti …").
            let body_before = |k: usize| k > 0 && super::sections::names_body(words[k - 1]);
            // "Maakuntahallitus käytti tänään toimivaltaansa määräämällä …":
            // a body using its power to order decides.
            // "Kommunestyret gikk enstemmig inn for gjenvalg …": went in for.
            let used_power = |w: &str| {
                (w == "käytti" && lowered.contains("toimivalta"))
                    || (matches!(w, "gikk" | "gjekk") && lowered.contains(" inn for "))
            };
            // "Nämnden valde att i första hand understöda …": a choice.
            let chose =
                |k: usize| words[k] == "valde" && words.get(k + 1).is_some_and(|n| *n == "att");
            let original: Vec<&str> = sentence.split_whitespace().take(16).collect();
            // A body in capitals past the eighth word starts a sentence that
            // a heading ran into; one in small letters is part of a clause
            // ("… som kommunfullmäktige beslutade om i december 2008").
            let late_body = |k: usize| {
                k >= 6 && body_before(k) && original.get(k - 1).is_some_and(|w| starts_upper(w))
            };
            let verb_at = words.iter().enumerate().position(|(k, w)| {
                ((VERBS.contains(w) || used_power(w) || chose(k))
                    && (k < 6 || (k < 8 && body_before(k)) || late_body(k)))
                    || (matches!(*w, "behandlade" | "behandlede" | "behandlet" | "käsitteli")
                        && k < 8
                        && decides_later(k))
            });
            let by_body = verb_at.is_some_and(|k| {
                body_at_start(sentence).is_some()
                    || (k > 0 && super::sections::body_name(&original[..k].join(" ")).is_some())
                    // "Kulturnämnden vid Österbottens förbund har beviljat …".
                    || (k > 1
                        && matches!(words[k - 1], "har" | "hade" | "has" | "have")
                        && super::sections::body_name(&original[..k - 1].join(" ")).is_some())
                    // "Lisäksi aluehallitus päätti …": the body right before its verb.
                    || body_before(k)
                    || words.get(k + 1).is_some_and(|w| {
                        super::sections::names_body(w)
                    })
            });
            // "Päätös Ehdotus hyväksyttiin." under each of a protocol's
            // items tells the same outcome, not two decisions.
            // "… menar regionstyrelsen som nu antagit en strategi för …":
            // the body in a relative clause that tells what it adopted.
            let by_body = by_body || body_that_adopted(sentence);
            // "Beslutet att teknisk servicenämnd tilldelas 51 miljoner …":
            // a sentence about the decision names what was decided.
            let names_decision = [
                "beslutet att ",
                "beslutet om ",
                "beslutningen om ",
                "vedtaket om ",
            ]
            .iter()
            .any(|w| lowered.starts_with(w));
            // The cheaper tests first: most sentences pass none.
            if (by_body
                || names_decision
                || reports_outcome(sentence)
                || by_body_in_passive(&lowered))
                && !sentence.is_empty()
                && !points.iter().any(|p| p == sentence)
            {
                // A body that proposes or advises ("Borgarrådsberedningen
                // föreslår …, tillstyrker …") tells no decision of its own.
                let proposes = verb_at
                    .and_then(|k| words.get(k))
                    .is_some_and(|w| PROPOSING_VERBS.contains(w));
                bodies += usize::from(by_body && !proposes);
                // The heading in front goes: the point starts at its body.
                let from = verb_at
                    .filter(|&k| late_body(k))
                    .and_then(|k| original.get(k - 1))
                    .and_then(|body| sentence.find(body))
                    .unwrap_or(0);
                points.push(sentence[from..].to_string());
            }
        }
    }
    // Two decisions a body says it took make a summary; outcomes in the
    // passive ("Planen antogs.") take three, or two on a page that says
    // it sums up a meeting.
    let enough = bodies >= 2 || points.len() >= if summary { 2 } else { 3 };
    enough.then(|| unlabelled(points))
}

/// Where the sentence decision at paragraph `at` is a short sentence
/// alone in its paragraph, and others like it stand beside it, each
/// telling an outcome in the passive: all of them, in order.
fn short_outcomes(paras: &[Para], inside: &[bool], at: usize) -> Option<Vec<Point>> {
    let short = |p: &Para| {
        let t = p.text.trim();
        p.kind == ParaKind::Text
            && t.ends_with('.')
            && t.split_whitespace().count() <= 15
            && super::decision::split_sentences(t).len() == 1
            && reports_outcome(t)
    };
    // "After discussion, it was agreed that …" / "It was also agreed that
    // …": British minutes give each decision a paragraph of its own.
    let agreed =
        |p: &Para| p.kind == ParaKind::Text && opens_with_agreement(&lower(prefix(&p.text, 80)));
    let like: &dyn Fn(&Para) -> bool = match paras.get(at) {
        Some(p) if short(p) => &short,
        Some(p) if agreed(p) => &agreed,
        _ => return None,
    };
    let points = unlabelled(
        paras
            .iter()
            .enumerate()
            .filter(|(i, p)| !inside.get(*i).copied().unwrap_or(false) && like(p))
            .map(|(_, p)| p.text.trim().to_string()),
    );
    (points.len() >= 2).then_some(points)
}

/// "Kommunstyrelsen sammanträdde tisdagen den 7 juni och gick då igenom
/// följande ärenden:", "Fullmäktige i korthet": a page that says it sums up
/// a meeting's decisions.
fn sums_up_meeting(paras: &[Para]) -> bool {
    // Past a web page's skip link, its date and its notice of age.
    paras.iter().take(6).any(|p| {
        let l = lower(prefix(&p.text, 300));
        [
            "sammanträdde",
            "i korthet",
            "det senaste från",
            "vad beslutades",
            "här är besluten",
            "det här beslutade",
            "holdt møde",
            "hadde møte",
        ]
        .iter()
        .any(|w| l.contains(w))
            || introduces_meeting_items(&p.text)
    })
}

/// "Vid sammanträdet den 19 december behandlades bland annat följande
/// ärenden:": a summary's introduction to the list of what was decided.
fn introduces_meeting_items(text: &str) -> bool {
    let l = lower(text);
    l.trim_end().ends_with(':')
        && ["följande ärenden", "følgende sager", "følgende saker"]
            .iter()
            .any(|w| l.contains(w))
}

/// Passives of deciding that tell an outcome alone: "Budgeten för 2017
/// antogs.", "Därmed fastställdes förslaget om …".
const PASSIVES: &[&str] = &[
    "antogs",
    "godkändes",
    "beslutades",
    "fastställdes",
    "avslogs",
    "bifölls",
    "återremitterades",
    "bordlades",
    "vedtogs",
    "hyväksyttiin",
    "godkendt",
    "vedtaget",
    "vedtatt",
    "godkjent",
    // The present passive, as a referat records it: "Indstillingen
    // godkendes.", "Referat godkendes kl. 11.46."
    "godkendes",
    "vedtages",
    "godkjennes",
    "vedtas",
    "godkänns",
    "hyväksytään",
    // "Till justeringsperson valdes Rebecca Lampinen."
    "valdes",
    "utsågs",
];

/// The words [`reports_outcome`] looks for besides [`PASSIVES`], or parts
/// of them ("fatta" for "fattade", "ble" for "blev").
const OTHER_OUTCOME_SIGNS: &[&str] = &[
    "fatta",
    "fattet",
    "traf",
    "gav",
    "lades",
    "läggs",
    "jätettiin",
    "pantiin",
    "vart",
    "ble",
    "valts",
    "utsetts",
    "godkänts",
    "antagits",
];

/// Whatever [`reports_outcome`] looks for holds one of these: most
/// sentences hold none, and they are found in one pass.
fn outcome_signs() -> &'static [&'static str] {
    static SIGNS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SIGNS.get_or_init(|| {
        PASSIVES
            .iter()
            .chain(OTHER_OUTCOME_SIGNS)
            .copied()
            .collect()
    })
}

/// A summary's sentence that tells an outcome without a body as subject:
/// "Budgeten för 2017 antogs.", "Utöver det fattades även beslut om
/// samråd …", "Kommunstyrelsen gav kommunchefen … i uppdrag att utreda …".
fn reports_outcome(sentence: &str) -> bool {
    if sentence.split_whitespace().nth(60).is_some() {
        return false;
    }
    // Lowered once: this runs on every sentence of a summary.
    let lowered = lower(sentence);
    if !super::words::contains_any(&lowered, outcome_signs()) {
        return false;
    }
    let words: Vec<&str> = lowered
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    // "fattade (bland annat) beslut om", "fattet vedtak", "traf beslutning".
    let took_decision = words.iter().enumerate().any(|(k, w)| {
        matches!(*w, "fattade" | "fattat" | "fattades" | "fattet" | "traf")
            && words[k + 1..]
                .iter()
                .take(4)
                .any(|n| n.starts_with("beslut") || n.starts_with("vedtak"))
    });
    // "… gav kommunchefen i uppdrag att …": a task given.
    let gave_task = words
        .first()
        .is_some_and(|w| super::sections::names_body(w))
        && words.get(1).is_some_and(|w| *w == "gav")
        && words.windows(2).any(|p| p[0] == "i" && p[1] == "uppdrag");
    // "Budgeten för 2017 antogs.": a short sentence ending in a passive of
    // deciding, or opening with one ("Därmed fastställdes förslaget om …").
    // "Rådmannens innstilling enstemmig vedtatt (7 st.).": the count in
    // brackets after the verb.
    let last = match sentence.trim_end().trim_end_matches('.').strip_suffix(')') {
        Some(open) => open
            .rsplit_once('(')
            .map_or(open, |(before, _)| before)
            .split_whitespace()
            .last()
            .map(lower),
        None => words.last().map(|w| w.to_string()),
    };
    // "Protokollet lades till handlingarna.": placed on file. "… jätettiin
    // pöydälle.": tabled.
    let filed = words
        .windows(3)
        .any(|w| matches!(w[0], "lades" | "läggs") && w[1] == "till" && w[2] == "handlingarna")
        || words
            .windows(2)
            .any(|w| matches!(w[0], "jätettiin" | "pantiin") && w[1] == "pöydälle");
    let passive = sentence.trim_end().ends_with('.')
        && ((words.len() <= 25 && last.is_some_and(|w| PASSIVES.contains(&w.as_str())))
            || words
                .get(1..words.len().min(3))
                .unwrap_or_default()
                .iter()
                .any(|w| PASSIVES.contains(w)));
    // "Programmet vart samrøystes vedteke i tinget.", "Jarand Felland …
    // vart valt til ny regionordførar": Norwegian and Danish write the
    // passive with an auxiliary, an adverb perhaps between.
    const PARTICIPLES: &[&str] = &[
        "vedteke",
        "vedtekne",
        "vedtatt",
        "vedtaget",
        "godkjent",
        "godkjend",
        "godkjende",
        "godkendt",
        "valt",
        "valgt",
        "attvald",
        "gjenvalgt",
        "genvalgt",
    ];
    // "Camilla Karlman (SD) har valts till ny ordförande": the Swedish
    // perfect of the passive.
    const SUPINES: &[&str] = &["valts", "utsetts", "omvalts", "godkänts", "antagits"];
    let periphrastic = words.len() <= 40
        && words.iter().enumerate().any(|(k, w)| {
            let after = || words[k + 1..].iter().take(2);
            (matches!(*w, "vart" | "ble" | "blei" | "blev")
                && after().any(|n| PARTICIPLES.contains(n)))
                || (matches!(*w, "har" | "hade") && after().any(|n| SUPINES.contains(n)))
        });
    took_decision || gave_task || passive || filed || periphrastic
}

/// A decision written as one sentence: "Kommunstyrelsen beslutar att …",
/// "RESOLVED that …", or the sentence under a "Beslut" heading. In a text
/// with nothing else of a case, a body must be the subject, so that a
/// story's "hon beslutade att gå" is no decision.
fn sentence_decision(
    paras: &[Para],
    inside: &[bool],
    looks_like_case: bool,
) -> Option<(Point, usize)> {
    let mut best: Option<(u8, &Para, usize, usize)> = None;
    for (i, para) in paras.iter().enumerate() {
        if para.kind != ParaKind::Text
            || inside.get(i).copied().unwrap_or(false)
            || para.text.len() > 1500
        {
            continue;
        }
        if reports_attendance(&para.text) {
            continue;
        }
        let l = lower(&para.text);
        // Who sent apologies may stand between "Beslutning" and what was
        // decided ("Der er afbud fra …" / "Et enigt byråd ønsker …").
        let before = paras[..i]
            .iter()
            .rev()
            .find(|p| !reports_attendance(&p.text));
        let under_decision = before.is_some_and(|p| p.kind == ParaKind::Heading(Heading::Decision));
        // "Beslut: Enligt förslag." is what was decided where no proposal
        // is written out; elsewhere such a sentence only points at one.
        // Under "RESOLVED:" a resolution naming amendments ("That the
        // minutes … be approved subject to the above amendments") is what
        // was decided; "Amendment by … NOT CARRIED" tells of a motion.
        // "Councillor J Robinson moved that … Seconded by …", then the
        // minute's resolution standing alone: "That the motion be carried."
        let resolution_after_motion = l.starts_with("that ")
            && para.text.len() < 600
            && para.text.trim_end().ends_with('.')
            && paras[..i].iter().rev().take(6).any(|p| {
                find_any(&lower(&p.text), &[" moved that", " moved the", "moved:"]).is_some()
            });
        // "It was moved, seconded and RESOLVED that Councillor X be elected
        // …": the motion and its resolution in one sentence; what was
        // decided starts at "that".
        // So is "The Committee, having considered the matter, RESOLVED that
        // the application be refused": the body, a clause, its resolution.
        let moved_and_resolved = find_any(&l, &["resolved that ", "agreed that "])
            .filter(|(at, _)| {
                find_any(&l, &["moved", "seconded", "proposed"]).is_some()
                    || para
                        .text
                        .get(sentence_start(&para.text, *at)..)
                        .and_then(|s| body_name(s.split(',').next().unwrap_or(s)))
                        .is_some()
            })
            .map(|(at, phrase)| at + phrase.len() - "that ".len());
        // "APPROVED, subject to an amendment at item 8.1 …" under
        // "Decision": the decision names the amendment it was made with.
        let approves = ["approved", "agreed", "noted", "resolved"].iter().any(|w| {
            l.strip_prefix(w)
                .is_some_and(|r| r.starts_with([',', ' ', '.', ':']))
        });
        let resolution = (under_decision
            && (l.starts_with("that ") || l.starts_with("att ") || approves))
            || resolution_after_motion
            || moved_and_resolved.is_some();
        if (refers_to_a_proposal(&l) && !under_decision)
            || (find_any(&l, MOTION_WORDS).is_some() && !resolution)
        {
            continue;
        }
        // Under "Beslut", or after "Kaupunginhallitus päätti esittää
        // kaupunginvaltuustolle seuraavaa:" — the decision is what follows.
        let after_decision_heading = before.is_some_and(|p| {
            p.kind == ParaKind::Heading(Heading::Decision)
                || (p.kind == ParaKind::Text
                    && introduces(&p.text)
                    && find_any(&lower(&p.text), SENTENCE_DECISIONS).is_some())
        });
        // A body opens the sentence that holds byte `at`, or stands right
        // before it ("… övriga ärenden Kommunstyrelsen beslutade …").
        let body_at = |at: usize| {
            let from = sentence_start(&para.text, at);
            para.text.get(from..).and_then(body_at_start).is_some()
                || body_right_before(&para.text, at).is_some()
                || body_right_after(&para.text, at).is_some()
        };
        // "Konstaterades.", "Antecknades för kännedom.": Finland-Swedish
        // minutes write the decision as a passive with no subject.
        let bare = ["konstaterades", "antecknades", "antecknas"]
            .iter()
            .any(|w| l.strip_prefix(w).is_some_and(|r| r.starts_with(['.', ' '])));
        let phrase_at = find_any(&l, SENTENCE_DECISIONS)
            .map(|(at, _)| at)
            .or(bare.then_some(0));
        // "Stadsstyrelsen beslutade enhälligt …": a body saying it decided,
        // taken before a phrase no body said ("… valdes Per-Erik Finne").
        let verb_at = find_any(&l, super::sections::DECIDING_VERBS)
            .map(|(at, _)| at)
            .filter(|&at| body_at(at));
        // "Kommunfullmäktige återremitterade budgetförslaget …": a body and
        // a verb of its acts in any tense open the paragraph.
        let verb_at = verb_at.or_else(|| body_at_start(&para.text).map(|_| 0));
        let decided_at = match (phrase_at, verb_at) {
            (Some(p), Some(v)) if !body_at(p) => Some(v),
            (Some(p), _) => Some(p),
            (None, v) => v,
        }
        .or(resolution_after_motion.then_some(0))
        .or(moved_and_resolved);
        let says_decided = decided_at.is_some();
        // "Valgt blev:" under "Beslutning" introduces names, not points:
        // it is the decision as written (a list would have been taken above).
        let introduces_names = (says_decided || !under_decision) && introduces(&para.text);
        if !(after_decision_heading || says_decided) || introduces_names {
            continue;
        }
        // "The procedural motion was put to the vote and declared to be
        // carried": only minutes report a vote.
        let voted = find_any(
            &l,
            &[
                "put to the vote",
                "put to a vote",
                "declared to be carried",
                "declared carried",
            ],
        )
        .is_some();
        // "… till handlingarna. Kommunstyrelsen beslutar att …" in text run
        // together: the body opens the sentence that decides.
        let body_decides = decided_at.is_some_and(body_at);
        let official = looks_like_case
            || voted
            || resolution_after_motion
            || body_decides
            || after_decision_heading
            || l.starts_with("resolved")
            || moved_and_resolved.is_some()
            // "Minutes: Resolved – That …": only minutes resolve.
            || find_any(&l, &["resolved –", "resolved -", "resolved:", "it was resolved"]).is_some()
            || body_at_start(&para.text).is_some();
        if !official {
            continue;
        }
        // What stands under "Beslut" is surer than a sentence elsewhere
        // that tells of a decision.
        let s = if find_any(&l, PROPOSAL_WORDS).is_some() {
            2
        } else {
            3
        } + u8::from(after_decision_heading);
        // Minutes tell the preparing bodies' decisions under their names
        // ("Økonomiudvalget, 18. september 2019, pkt. 153: Indstilles
        // godkendt.") and the body's own under "Beslutning".
        let s = s + u8::from(
            under_decision && before.is_some_and(|p| super::sections::plain_decision(&p.text)),
        );
        // A resolution written out ("… RESOLVED that the application be
        // refused") is surer than the report of the discussion before it.
        let s = s + 3 * u8::from(para.text.contains("RESOLVED") || l.contains("resolved that"));
        // Under "RESOLVED", the resolution itself ("That Mrs Hamilton be
        // elected …") rather than the vote reported under "Decision" above.
        let s = s + u8::from(under_decision && l.starts_with("that "));
        // A body saying what it decided ("… 123 Återremitterat ärende
        // Kommunfullmäktige beslutar 1. …") over a protocol's head that
        // names the minute checkers ("Utses att justera …").
        let s = s + u8::from(body_decides && !after_decision_heading);
        let best_s = best.map_or(0, |(b, _, _, _)| b);
        if s > best_s {
            // Lines run together before the decision ("… Nr. 28 BR 40/04.
            // Aftale om salg Indstillingen blev godkendt …") are not part of it.
            // In a transcript the item's heading runs into the sentence
            // ("… övriga ärenden Kommunstyrelsen beslutade …"): the
            // decision starts at the body.
            let from = moved_and_resolved.unwrap_or_else(|| {
                decided_at
                    .filter(|_| !after_decision_heading)
                    .map_or(0, |at| {
                        let start = sentence_start(&para.text, at);
                        // "Neuvottelukunnan puheenjohtajaksi aluehallitus
                        // nimesi …": what stands before a Finnish body is
                        // the object of its decision.
                        let object_first = para
                            .text
                            .get(at..)
                            .is_some_and(|v| FINNISH_DECIDING.iter().any(|w| v.starts_with(w)));
                        match body_right_before(&para.text, at) {
                            // "Han finner att kommunfullmäktige beslutar …" is whole.
                            Some(body)
                                if body > start
                                    && !object_first
                                    && para.text.get(start..).and_then(body_at_start).is_none()
                                    && !matches!(
                                        para.text[start..body].trim_end().rsplit(' ').next(),
                                        Some("att" | "that")
                                    ) =>
                            {
                                body
                            }
                            _ => start,
                        }
                    })
            });
            // "Samhällsnämnden får i uppdrag att … Det beslutade
            // kommunstyrelsen idag.": what was decided is the sentence before.
            let from = if says_that_it_decided(para.text.get(from..).unwrap_or("")) && from >= 2 {
                sentence_start(&para.text, from - 2)
            } else {
                from
            };
            best = Some((s, para, from, i));
        }
    }
    best.map(|(_, para, from, i)| {
        let text = para.text.get(from..).unwrap_or(&para.text);
        let point = Point {
            number: 1,
            label: String::new(),
            text: quoted(after_resolved(text)).to_string(),
        };
        (point, i)
    })
}

/// Whether a paragraph only says who was absent or stood in: "Der er afbud
/// fra Lone Hansen. Niels Kirkegaard er indkaldt som suppleant."
fn reports_attendance(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "der er afbud fra",
        "afbud fra",
        "fraværende:",
        "apologies for absence were received",
    ];
    if text.len() >= 300 {
        return false;
    }
    // Compared byte by byte: this runs for every paragraph.
    OPENINGS.iter().any(|w| {
        text.as_bytes()
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
    })
        // "Borgmesteren oplyste, at der var afbud fra …": told, not decided.
        || (text.contains("afbud") && {
            let l = lower(text);
            !["godkend", "beslut", "vedtag"].iter().any(|w| l.contains(w))
        })
}

/// Finnish verbs of a body deciding, which may follow their object.
const FINNISH_DECIDING: &[&str] = &[
    "päätti",
    "hyväksyi",
    "nimesi",
    "valitsi",
    "päättää",
    "hyväksyy",
];

/// Where a body's name stands right before byte `at`, the verb: "…
/// övriga ärenden Kommunstyrelsen beslutade …" in a transcript whose item
/// headings run into their text without a full stop.
fn body_right_before(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?.trim_end();
    // Only the last few words matter; a transcript's line may be long.
    let from = head.len().saturating_sub(120);
    let from = (from..=head.len()).find(|&i| head.is_char_boundary(i))?;
    let starts: Vec<usize> = head[from..]
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || head[from..from + i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| from + i)
        .collect();
    // The nearest name first: "… listan Kommunstyrelsen" is "Kommunstyrelsen";
    // after "att" or "när" a body is written small: "Han finner att
    // kommunfullmäktige beslutar", "… när kommunfullmäktige idag beslöt".
    let lead_in = |i: usize| {
        let before = head[..i].trim_end();
        let last = before.rsplit(' ').next().unwrap_or("");
        matches!(
            last,
            "att"
                | "at"
                | "that"
                | "että"
                | "när"
                | "När"
                | "här"
                | "Här"
                | "då"
                | "Då"
                | "når"
                | "Når"
                | "da"
                | "Da"
                | "when"
                | "When"
        )
    };
    // Finnish puts an object first and writes the body small after it:
    // "Neuvottelukunnan puheenjohtajaksi aluehallitus nimesi …".
    let finnish_verb = text
        .get(at..)
        .is_some_and(|v| FINNISH_DECIDING.iter().any(|w| v.starts_with(w)));
    starts
        .iter()
        .rev()
        .take(4)
        .find(|&&i| {
            // "Kommunfullmäktige idag beslöt": the day between body and verb.
            let words = head[i..]
                .strip_suffix(" idag")
                .or_else(|| head[i..].strip_suffix(" i dag"))
                .or_else(|| head[i..].strip_suffix(" today"))
                .unwrap_or(&head[i..]);
            super::sections::body_name(words).is_some()
                || ((lead_in(i) || finnish_verb) && super::sections::names_body(words))
        })
        .copied()
}

/// "“To confirm the minutes …”": a resolution quoted in the minutes is
/// what stands inside the quotes, not the talk after them.
fn quoted(text: &str) -> &str {
    let Some(inner) = text.strip_prefix('“').or_else(|| text.strip_prefix('"')) else {
        return text;
    };
    match inner.find(['”', '"']) {
        Some(end) if end >= 20 => &inner[..end],
        _ => text,
    }
}

/// "The Council resolved: to approve the minute …" is the decision from
/// "to": the body and its verb introduce it.
fn after_resolved(text: &str) -> &str {
    // "RESOLVED - That Members endorse …": the resolution after its word.
    for lead in ["RESOLVED - ", "RESOLVED – ", "Resolved - ", "Resolved – "] {
        if let Some(rest) = text.strip_prefix(lead)
            && rest.len() >= 20
            && rest.starts_with(char::is_uppercase)
        {
            return rest;
        }
    }
    let Some((head, rest)) = text.split_once(": ") else {
        return text;
    };
    let verb = lower(head.rsplit(' ').next().unwrap_or(""));
    let introduced = head.len() < 60
        && matches!(verb.as_str(), "resolved" | "decided" | "agreed")
        && body_at_start(head).is_some();
    if introduced && rest.len() >= 20 {
        rest
    } else {
        text
    }
}

/// Where the sentence that holds byte `at` of `text` begins: after the
/// last ". " before it that is followed by a capital.
/// "Det beslutade kommunstyrelsen idag.": a sentence that says only that
/// the body decided what the sentence before it told.
fn says_that_it_decided(sentence: &str) -> bool {
    let l = lower(prefix(sentence, 80));
    let opens = [
        "det beslutade ",
        "det beslöt ",
        "detta beslutade ",
        "det besluttede ",
        "det vedtok ",
    ]
    .iter()
    .any(|w| l.starts_with(w));
    // "Det har regionstyrelsen slagit fast.", "Det har kommunstyrelsen
    // beslutat.": the body, then its verb at the end.
    let perfect = l
        .strip_prefix("det har ")
        .and_then(|r| r.split_once(' '))
        .is_some_and(|(body, verb)| {
            super::sections::names_body(body)
                && matches!(
                    verb.trim_end_matches(['.', '!']),
                    "slagit fast" | "beslutat" | "bestämt" | "fastställt" | "godkänt" | "besluttet"
                )
        });
    opens || perfect
}

fn sentence_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    head.match_indices(". ")
        .map(|(k, _)| k + 2)
        .filter(|&k| text[k..].starts_with(char::is_uppercase))
        .last()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_word_holds_a_sign() {
        let words = PASSIVES.iter().chain(&[
            "fattade", "fattat", "fattades", "fattet", "traf", "gav", "lades", "läggs", "vart",
            "ble", "blei", "blev",
        ]);
        for w in words {
            assert!(outcome_signs().iter().any(|s| w.contains(s)), "{w}");
        }
    }

    #[test]
    fn a_resolution_that_ends_in_be_agreed_introduces_nothing() {
        assert!(!introduces("That the following grants be agreed."));
        assert!(!introduces("The minutes were agreed."));
        assert!(introduces("It was agreed"));
        assert!(introduces("Resolved:"));
    }

    fn label(line: &str) -> Option<(String, Family, Vec<u32>, String)> {
        parse_label(line).map(|(l, at)| (l.text, l.family, l.values, line[at..].to_string()))
    }

    #[test]
    fn labels() {
        assert_eq!(
            label("1. Staden avsäger sig"),
            Some((
                "1.".into(),
                Family::Numeric,
                vec![1],
                "Staden avsäger sig".into()
            ))
        );
        assert_eq!(
            label("12) Text"),
            Some(("12)".into(), Family::Numeric, vec![12], "Text".into()))
        );
        assert_eq!(
            label("(a) Text"),
            Some(("(a)".into(), Family::Alpha, vec![1], "Text".into()))
        );
        assert_eq!(label("b) Text").map(|l| l.2), Some(vec![2]));
        assert_eq!(label("(ii) Text").map(|l| l.2), Some(vec![2]));
        assert_eq!(label("(i) Text").map(|l| l.2), Some(vec![9, 1]));
        assert_eq!(label("• Punkt").map(|l| l.1), Some(Family::Bullet('•')));
        assert_eq!(
            label("– att staden").map(|l| l.3),
            Some("att staden".into())
        );
        assert_eq!(
            label("2."),
            Some(("2.".into(), Family::Numeric, vec![2], String::new()))
        );
        assert_eq!(label("3.Staden").map(|l| l.3), Some("Staden".into()));
        for not in [
            "2011. Text",
            "1.5 miljoner",
            "e. Kr",
            "s. 12",
            "-",
            "(bilaga)",
            "alla",
            "0. x",
            "EU-",
        ] {
            assert_eq!(label(not), None, "{not}");
        }
    }
}
