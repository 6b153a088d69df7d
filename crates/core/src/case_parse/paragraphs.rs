//! Joining cleaned lines into paragraphs: headings, points and running text.
//!
//! Blank lines are weak evidence here: extracted PDFs are often double
//! spaced, so a blank line may separate two lines of one sentence. A
//! paragraph ends where a sentence ends and the next line starts a new one
//! after a gap or a short line, or where a heading, a point or a position's
//! introduction starts.

use super::persons::starts_with_person;
use super::points::{Family, Label, introduces, parse_label};
use super::positions::{intro_kind, starts_like_intro};
use super::sections::{Heading, classify};
use super::text::Line;
use super::words::{lower, prefix};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParaKind {
    Text,
    Heading(Heading),
    Item(Label),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    pub(crate) kind: ParaKind,
    /// The text, without the label for a point; one line.
    pub(crate) text: String,
    /// The text with a point's label in front.
    pub(crate) full_text: String,
    /// Index in the cleaned lines of the paragraph's first line.
    pub(crate) line: usize,
}

/// The first letter or digit, past opening quotes and brackets.
fn first_significant(s: &str) -> Option<char> {
    s.chars().find(|c| c.is_alphanumeric())
}

fn starts_sentence(s: &str) -> bool {
    first_significant(s).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '»' | ')' | '\'')
    })
    .ends_with(['.', ':', '!', '?', ';'])
}

/// A typical full line's length: shorter lines that end a sentence end a paragraph.
fn full_line(lines: &[&Line]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    if lens.is_empty() {
        return 60;
    }
    lens.sort_unstable();
    let at = (lens.len() * 9 / 10).min(lens.len() - 1);
    lens[at].max(30)
}

const ATT_INTROS: &[&str] = &[
    "beslutar",
    "besluta",
    "beslöt",
    "beslutade",
    "föreslår",
    "föreslå",
];

struct Open {
    kind: ParaKind,
    text: String,
    line: usize,
}

impl Open {
    fn finish(self) -> Para {
        let full_text = match &self.kind {
            ParaKind::Item(label) if self.text.is_empty() => label.text.clone(),
            ParaKind::Item(label) => format!("{} {}", label.text, self.text),
            _ => self.text.clone(),
        };
        Para {
            kind: self.kind,
            text: self.text,
            full_text,
            line: self.line,
        }
    }
}

fn att_label() -> Label {
    Label {
        text: "att".to_string(),
        family: Family::Att,
        values: Vec::new(),
    }
}

/// Whether `line` starts an old-style "att" clause after `open`.
fn att_clause(open: &Open, prev: &str, line: &str) -> bool {
    if !line.starts_with("att ") {
        return false;
    }
    match &open.kind {
        ParaKind::Text => {
            let l = lower(open.text.trim_end().trim_end_matches(':'));
            ATT_INTROS
                .iter()
                .any(|w| l.ends_with(&format!(" {w}")) || l == *w)
        }
        ParaKind::Item(label) if label.family == Family::Att => {
            let p = prev.trim_end();
            p.ends_with([',', ';', '.']) || p.ends_with(" samt") || p.ends_with(" och")
        }
        // A budget's clauses under each committee's name: "Byggnadsnämnden"
        // / "att bevilja byggnadsnämnden 5.890 tkr i driftbudget,".
        ParaKind::Heading(Heading::Body(_)) => true,
        _ => false,
    }
}

/// What is known about the layout around a line.
struct Layout {
    /// A typical full line's length.
    full: usize,
    /// Most lines nearby have a blank line before them, so a blank line says little.
    double_spaced: bool,
}

/// A line holding one labelled count: "For: 18", "Abstention: 0", "Ja-röster: 32".
fn is_tally(line: &str) -> bool {
    let Some((label, count)) = line.trim().rsplit_once(':') else {
        return false;
    };
    let count = count.trim();
    !count.is_empty()
        && count.len() <= 3
        && count.chars().all(|c| c.is_ascii_digit())
        && (1..=3).contains(&label.split_whitespace().count())
}

/// A vote page's outcome on a line of its own: whether the proposal above
/// it was adopted ("Vedtatt", "Vedteke") or fell ("Falt", "Fallen").
pub(crate) fn poll_result(line: &str) -> Option<bool> {
    // Asked of every line: the outcomes are short words.
    let t = line.trim();
    if t.len() > 20 {
        return None;
    }
    match super::words::lower(t).as_str() {
        "vedtatt"
        | "vedteke"
        | "vedtatt enstemmig"
        | "enstemmig vedtatt"
        | "samrøystes vedteke"
        | "einstemmig vedteke" => Some(true),
        "falt" | "fallen" | "forkastet" | "forkasta" => Some(false),
        _ => None,
    }
}

/// "Forslag frå B. Lyngstad (V)", "Formannskapets innstilling": the heading
/// of a proposal put to the vote, on a line of its own.
/// `s` without the time of day in front of it ("14:52 Forslag fra …").
pub(crate) fn without_clock_time(s: &str) -> &str {
    match s.split_once(' ') {
        Some((time, rest))
            if time.len() == 5
                && time.as_bytes().get(2) == Some(&b':')
                && time.bytes().filter(u8::is_ascii_digit).count() == 4 =>
        {
            rest
        }
        _ => s,
    }
}

pub(crate) fn proposal_heading(line: &str) -> bool {
    // Asked of every line: a heading is short.
    let t = line.trim();
    if t.len() >= 80 {
        return false;
    }
    let l = super::words::lower(t);
    // A vote page's time of the vote in front: "14:52 Budsjettforslag fra H".
    let l = without_clock_time(&l);
    l.len() < 80
        && !l.ends_with(['.', ':'])
        && ([
            "forslag fra ",
            "forslag frå ",
            "tilleggsforslag fr",
            "endringsforslag fr",
            "budsjettforslag fr",
        ]
        .iter()
        .any(|p| l.starts_with(p))
            || l.ends_with("innstilling"))
}

/// A news page's byline: "av Torkelsen, Jan, publisert 30. november 2005",
/// "Publicerad 17 december 2025". It belongs to no paragraph above it.
fn is_byline(text: &str) -> bool {
    const PUBLISHED: &[&str] = &[
        "publisert",
        "publicerad",
        "publiceret",
        "published",
        "julkaistu",
    ];
    // Every form starts with one of these letters; most lines do not.
    if !text.starts_with(['a', 'A', 'b', 'B', 'p', 'P', 'j', 'J']) {
        return false;
    }
    let l = lower(prefix(text, 120));
    let by = (l.starts_with("av ") || l.starts_with("by ") || l.starts_with("af "))
        && PUBLISHED.iter().any(|p| l.contains(p));
    by || PUBLISHED.iter().any(|p| l.starts_with(p))
}

fn breaks_before(
    open: &Open,
    prev: &str,
    line: &Line,
    label: Option<&Label>,
    heading: bool,
    layout: &Layout,
) -> bool {
    if matches!(open.kind, ParaKind::Heading(_)) || heading {
        return true;
    }
    // A vote page's outcome stands alone ("Vedteke", "Falt"), below the
    // proposal's heading and text ("Forslag frå B. Lyngstad (V)").
    if poll_result(&line.text).is_some() || poll_result(prev).is_some() || proposal_heading(prev) {
        return true;
    }
    // A vote's tally, a count a line ("For: 18", "Against: 21"), stands
    // apart from the sentence that follows it.
    if is_tally(prev) && !is_tally(&line.text) {
        return true;
    }
    if let Some(label) = label {
        return match label.family {
            Family::Bullet(_) => {
                ends_sentence(prev)
                    || line.blanks_before > 0
                    || matches!(open.kind, ParaKind::Item(_))
                    || introduces(&open.text)
            }
            _ => true,
        };
    }
    if starts_like_intro(&line.text) || is_byline(&line.text) {
        return true;
    }
    if matches!(open.kind, ParaKind::Item(_)) && open.text.is_empty() {
        return false;
    }
    // "• Innføring av elektronisk manntal" / "" / "Valstyret var samrøystes
    // om …": a list of short bullets ends where a sentence stands apart.
    if let ParaKind::Item(label) = &open.kind
        && matches!(label.family, Family::Bullet(_))
        && line.blanks_before >= 1
        && open.text.chars().count() < 150
        && starts_sentence(&line.text)
    {
        return true;
    }
    // A transcript gives each page as one long line, its page number in
    // front: "2 PEDERSÖRE KOMMUN Kommunstyrelsen PROTOKOLL …".
    let digits = line.text.bytes().take_while(u8::is_ascii_digit).count();
    let next_page = line.blanks_before >= 1
        && prev.len() > 300
        && (1..=3).contains(&digits)
        && line.text[digits..].starts_with(' ')
        && line.text[digits + 1..].starts_with(char::is_uppercase);
    if next_page {
        return true;
    }
    let upper = starts_sentence(&line.text);
    // A line in brackets ends what it follows: "(Sagen udsattes i mødet den 23. februar)".
    let bracketed = prev.trim_start().starts_with('(') && prev.trim_end().ends_with(')');
    let ended = ends_sentence(prev) || bracketed;
    // "Winnie Berndtson (løsgænger) stillede følgende ændringsforslag:" opens
    // a position however the line before it ended.
    // So does "Socialdemokraterna, Sverigedemokraterna och Liberalerna
    // yrkade …" on a line of its own after a finished sentence.
    if (starts_with_person(&line.text)
        || super::persons::starts_with_titled_name(&line.text)
        || (ended && super::persons::starts_with_party_name(&line.text)))
        && intro_kind(&line.text).is_some()
    {
        return true;
    }
    // "Anna Ek (V) reserverar sig …" after a finished sentence: the next member's position.
    if ended && starts_with_person(&line.text) {
        return true;
    }
    if line.after_break {
        return ended && upper;
    }
    if upper && (line.blanks_before >= 2 || (line.blanks_before == 1 && !layout.double_spaced)) {
        return true;
    }
    // Even where every line has a blank before it, a short line is a
    // heading or a field of its own ("Stadsstyrelsens beslut 28.11.2022"),
    // not the start of a wrapped sentence.
    if upper && line.blanks_before >= 1 && prev.chars().count() * 2 < layout.full {
        return true;
    }
    ended && upper && (line.blanks_before >= 1 || prev.chars().count() * 10 < layout.full * 7)
}

/// For each line, whether most of the lines around it come after a blank line.
fn double_spacing(lines: &[&Line]) -> Vec<bool> {
    const REACH: usize = 10;
    let gapped: Vec<usize> = lines
        .iter()
        .map(|l| usize::from(l.blanks_before > 0))
        .collect();
    let mut sums = vec![0usize; gapped.len() + 1];
    for (i, g) in gapped.iter().enumerate() {
        sums[i + 1] = sums[i] + g;
    }
    (0..lines.len())
        .map(|i| {
            let from = i.saturating_sub(REACH);
            let to = (i + REACH + 1).min(lines.len());
            (sums[to] - sums[from]) * 2 > to - from
        })
        .collect()
}

/// Builds paragraphs from the cleaned lines, skipping page furniture.
pub(crate) fn build(lines: &[Line], is_org: &dyn Fn(&str) -> bool) -> Vec<Para> {
    let content: Vec<&Line> = lines.iter().filter(|l| !l.furniture).collect();
    let full = full_line(&content);
    let spacing = double_spacing(&content);
    let mut paras = Vec::new();
    let mut open: Option<Open> = None;
    let mut prev = "";
    let mut nth = 0;
    for (index, line) in lines.iter().enumerate() {
        if line.furniture {
            continue;
        }
        // "________" rules off a paragraph; it is no part of it.
        let t = line.text.trim();
        if t.len() >= 4 && t.chars().all(|c| matches!(c, '_' | '=' | '-' | '—' | '–')) {
            if let Some(o) = open.take() {
                paras.push(o.finish());
            }
            nth += 1;
            continue;
        }
        let layout = Layout {
            full,
            double_spaced: spacing.get(nth).copied().unwrap_or(false),
        };
        nth += 1;
        let label = parse_label(&line.text);
        let heading = classify(&line.text, is_org);
        let att = open
            .as_ref()
            .is_some_and(|o| att_clause(o, prev, &line.text));
        let new = match &open {
            None => true,
            Some(o) => {
                att || breaks_before(
                    o,
                    prev,
                    line,
                    label.as_ref().map(|(l, _)| l),
                    heading.is_some(),
                    &layout,
                )
            }
        };
        if new {
            if let Some(o) = open.take() {
                paras.push(o.finish());
            }
            let (kind, text) = if att {
                (
                    ParaKind::Item(att_label()),
                    line.text.get(4..).unwrap_or("").to_string(),
                )
            } else if let Some((label, at)) = label {
                (
                    ParaKind::Item(label),
                    line.text.get(at..).unwrap_or("").to_string(),
                )
            } else if let Some(h) = heading {
                (
                    ParaKind::Heading(h),
                    line.text.trim_end_matches(':').trim().to_string(),
                )
            } else {
                (ParaKind::Text, line.text.clone())
            };
            open = Some(Open {
                kind,
                text,
                line: index,
            });
        } else if let Some(o) = open.as_mut() {
            if !o.text.is_empty() {
                o.text.push(' ');
            }
            o.text.push_str(&line.text);
        }
        prev = &line.text;
    }
    if let Some(o) = open {
        paras.push(o.finish());
    }
    split_pages(paras)
}

/// Longer than any paragraph a writer makes: a transcript's page run
/// into one line.
const PAGE_LONG: usize = 1500;

/// A transcript's page run into one line is read sentence by sentence,
/// as the paragraphs it lost, so that a decision in it is not passed over
/// as running text of unknown length.
fn split_pages(paras: Vec<Para>) -> Vec<Para> {
    if paras.iter().all(|p| p.text.len() <= PAGE_LONG) {
        return paras;
    }
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        if p.kind != ParaKind::Text || p.text.len() <= PAGE_LONG {
            out.push(p);
            continue;
        }
        for s in super::decision::split_sentences(&p.text) {
            let s = s.trim();
            if s.is_empty() {
                continue;
            }
            out.push(Para {
                kind: ParaKind::Text,
                text: s.to_string(),
                full_text: s.to_string(),
                line: p.line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case_parse::text::clean;

    fn paras(text: &str) -> Vec<(String, String)> {
        build(&clean(text, &|_| false), &|_| false)
            .into_iter()
            .map(|p| {
                let kind = match p.kind {
                    ParaKind::Text => "text".to_string(),
                    ParaKind::Heading(_) => "heading".to_string(),
                    ParaKind::Item(l) => l.text,
                };
                (kind, p.text)
            })
            .collect()
    }

    #[test]
    fn double_spaced_points_hold_together() {
        let text = "Beredningen föreslår att kommunstyrelsen beslutar följande. \n\n1. Staden avsäger sig posterna i \n\nUCLG den 1 \n\njanuari 2012. \n\n2. Staden går \n\nmed i ICLEI.\n\n \n\n \n\nFöredragande borgarrådet anför följande.";
        let p = paras(text);
        assert_eq!(p.len(), 4, "{p:?}");
        assert_eq!(
            p[1],
            (
                "1.".into(),
                "Staden avsäger sig posterna i UCLG den 1 januari 2012.".into()
            )
        );
        assert_eq!(p[2], ("2.".into(), "Staden går med i ICLEI.".into()));
        assert_eq!(p[3].0, "text");
    }

    #[test]
    fn short_lines_end_paragraphs_in_single_spaced_text() {
        let text = "En lång rad text som fortsätter ända fram till kanten av sidan här\nett kort slut.\nNästa stycke börjar här och fortsätter också länge på raden här\nsom slutar.";
        let p = paras(text);
        assert_eq!(p.len(), 2, "{p:?}");
    }

    #[test]
    fn headings_and_att_clauses() {
        let text = "Beslut\nKommunfullmäktige beslutar\natt ansöka om medlemskap i ICLEI,\natt uppdra åt kontoret att utvärdera.\nReservationer\nAnna Ek (V) reserverar sig.";
        let p = paras(text);
        let kinds: Vec<&str> = p.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["heading", "text", "att", "att", "heading", "text"]);
        assert_eq!(p[2].1, "ansöka om medlemskap i ICLEI,");
    }

    #[test]
    fn bullets_only_after_a_sentence_or_gap() {
        let p = paras(
            "Staden ska:\n• gå med i ICLEI\n• lämna UBC.\n\nHär står ett tankstreck\n– mitt i en mening",
        );
        let kinds: Vec<&str> = p.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(kinds, ["text", "•", "•", "text"]);
    }
}
