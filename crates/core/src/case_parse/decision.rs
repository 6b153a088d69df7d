//! What kind of decision a document records and how the body voted:
//! "Kommunfullmäktige beslutade att återremittera ärendet", "… bordlade
//! stadsfullmäktige ärendet", "Borgarrådsberedningen tillstyrker …",
//! "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15", "On a division,
//! there voted for the amendment 3, for the recommendations 9", and roll
//! calls of one member a line ("Anna Ek (S) Ja").
//!
//! Only sentences outside the members' positions are read, and a sentence
//! that reports a motion ("yrkar återremiss", "moved that the matter be
//! deferred") says what someone asked for, not what was decided.

use super::Confidence;
use super::paragraphs::{Para, ParaKind};
use super::sections::{DECIDING_VERBS, Heading, body_at_start};
use super::words::{
    find_any, find_phrase, has_word_starting, lower, lowered_has_word_starting, words,
};
use crate::cases::votes::{DecisionKind, RollCallVote, Vote, Votes};
use serde::{Deserialize, Serialize};

/// What was decided, as the document records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ParsedDecision {
    pub kind: DecisionKind,
    /// The totals the document states; unknown counts are null.
    pub votes: Votes,
    /// Each member's vote, when the document lists them.
    pub roll_call: Vec<RollCallVote>,
}

pub(crate) const REFERRED_BACK: &[&str] = &[
    "återremitter*",
    "återremiss",
    "sendes tilbage*",
    "sendt tilbage*",
    "tilbagesend*",
    "sendes tilbake*",
    "sendt tilbake*",
    "tilbakesend*",
    "blev oversendt til",
    "sender sagen til behandling",
    "referred back",
    "refer back",
    "refer the matter back",
    "refer the report back",
    "palautet*",
    "palautti*",
];

pub(crate) const TABLED: &[&str] = &[
    "bordlägg*",
    "bordlade",
    "bordlades",
    "bordlagt*",
    "bordlægge*",
    "bordlagde",
    "udsat*",
    "udsætte*",
    "udskudt*",
    "utsatt*",
    // "Styrelsen beslutade att avvakta med beslut om medel …".
    "avvakta med beslut*",
    "avvaktar med beslut*",
    "utsette*",
    "deferred",
    "defer consideration",
    "adjourned consideration",
    "pöydälle",
];

const REJECTED: &[&str] = &[
    "avslår",
    "avslog",
    "avslås",
    "avslogs",
    "avslå",
    "forkast*",
    "afvist*",
    "afviser",
    "avvis*",
    "avslått",
    "rejected",
    "rejects",
    "not approved",
    "not agreed",
    "not carried",
    "was lost",
    "were lost",
    "nedstemt",
    "hylkä*",
    // The passive: "Ehdotus hylättiin".
    "hylät*",
    // "Byrådet besluttede ikke at godkende forslaget til lokalplanen."
    "ikke at godkende",
    "ikke å godkjenne",
    "ikkje å godkjenne",
    "att inte godkänna",
    "not to approve",
];

const ADVISED_AGAINST: &[&str] = &["avstyrker", "avstyrkte", "fraråder", "advises against"];

const RECOMMENDED: &[&str] = &[
    "tillstyrk*",
    "föreslå*",
    "föreslog",
    "foreslå*",
    "indstill*",
    "innstill*",
    "tilrår",
    "recommend*",
];

/// Verbs of a body deciding for itself, as the body's own sentences use them.
const DECIDED: &[&str] = DECIDING_VERBS;

const AMENDED: &[&str] = &[
    "med ändring*",
    "med den ändring*",
    "med följande ändring*",
    "med de ändringar*",
    "med tillägg*",
    "med ændring*",
    "med den ændring*",
    "med følgende ændring*",
    "med endring*",
    "med følgende endring*",
    // Nynorsk: "vert godkjent med følgjande endring".
    "med følgjande endring*",
    "as amended",
    "subject to the amendment*",
    "with the amendment*",
    "amendment was carried",
    "amendment was agreed",
    "muutetun",
    "muutettuna",
];

/// Words of a sentence that reports a motion rather than a decision.
const MOTION_WORDS: &[&str] = &[
    "yrka",
    "yrkar",
    "yrkade",
    "yrkande",
    "yrkanden",
    "yrkandet",
    "moved",
    "moves",
    "proposed",
    "fremsatte",
    "foreslog",
    "ændringsforslag",
    "endringsforslag",
    // Only a motion is seconded: "understödd av ledamoten …".
    "understödd",
    "seconded",
    "kannattamana",
];

/// The decision read, with how sure the parser is of its kind and vote.
pub(crate) struct Read {
    pub(crate) decision: ParsedDecision,
    /// The body that says it decided: "Kommunfullmäktige beslutade …".
    pub(crate) deciding_body: Option<String>,
    pub(crate) kind_confidence: Confidence,
    pub(crate) votes_confidence: Confidence,
}

/// Reads the decision from the paragraphs outside the positions
/// (`in_position[i]` is true for a paragraph inside one).
pub(crate) fn read(paras: &[Para], in_position: &[bool]) -> Read {
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut proposed: Vec<Sentence> = Vec::new();
    // Votes are often reported right after a motion, inside its paragraphs;
    // these sentences are kept lowercased.
    let mut counted: Vec<String> = Vec::new();
    let mut section = Heading::Other;
    // Whether the document has a section headed as its decision with text
    // in it, and which sentences stand in it or after it (the vote that
    // settled it, "Käsittely", follows the decision in some minutes).
    let mut has_decision_section = false;
    let mut in_decision: Vec<bool> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if let ParaKind::Heading(h) = &p.kind {
            section = h.clone();
            continue;
        }
        has_decision_section |= section == Heading::Decision;
        let inside = in_position.get(i).copied().unwrap_or(false);
        for s in split_sentences(&p.full_text) {
            // A sentence that states a vote or a decision is short; text run
            // together without full stops (a table, a damaged extraction)
            // is read only as far as such a sentence would go.
            let s = super::words::prefix(s, 2000);
            // Only a sentence with a figure and a word of voting can state a vote.
            // "There were no abstentions." states a count of none.
            let none = s.contains("no abstentions");
            // "med åtte røyster mot sju røyster": counts written as words.
            let l = lower(s);
            let counts = |s: &str| {
                s.bytes().any(|b| b.is_ascii_digit()) || words(&l).any(|w| number(w.text).is_some())
            };
            if lowered_has_word_starting(&l, VOTE_STEMS) && (none || counts(s)) && names_a_vote(s) {
                counted.push(l.clone());
            }
            // "(Sagen udsattes i mødet den 23. februar)" tells the case's
            // history in brackets, not what was decided now.
            // "(1) That Cabinet …" is a numbered point, not an aside.
            let aside = s.trim_start().starts_with('(') && super::points::parse_label(s).is_none();
            if aside || !lowered_has_word_starting(&l, KIND_STEMS) {
                continue;
            }
            let sentence = Sentence::new(s, l);
            // What a body did is no member's position, wherever it stands.
            if inside && sentence.body.is_none() {
                continue;
            }
            // What a proposal section says is what someone proposed.
            if section == Heading::Proposal {
                proposed.push(sentence);
            } else {
                in_decision.push(has_decision_section);
                sentences.push(sentence);
            }
        }
    }
    // A table of the result states each count in a cell of its own, which
    // is surer than any sentence.
    let table = table_counts(paras);
    // A vote table's lines ("Jaa-äänet: 5", "For behandling: 4") label each
    // count; they are surer than counts read from running sentences.
    let votes = table.as_ref().map_or_else(
        || {
            let mut labelled = Votes::default();
            for s in &counted {
                colon_counts(s, &mut labelled);
                dashed_counts(s, &mut labelled);
            }
            let mut read = votes_in(&counted);
            for s in &counted {
                bracketed_counts(s, &mut read);
            }
            Votes {
                for_: labelled.for_.or(read.for_),
                against: labelled.against.or(read.against),
                abstain: labelled.abstain.or(read.abstain),
                absent: labelled.absent.or(read.absent),
            }
        },
        |(v, _)| *v,
    );
    let roll_call = match table {
        Some((_, names)) if !names.is_empty() => names,
        _ => roll_call(paras),
    };
    let votes = if votes == Votes::default() && !roll_call.is_empty() {
        // Totals counted from the roll call are the roll call's own.
        count(&roll_call)
    } else {
        votes
    };
    let decided_by = deciding(&sentences).and_then(|s| s.body.clone());
    let decides = decided_by.is_some();
    // A preparing body's own minutes may hold nothing but its proposal
    // ("Arbetsutskottets förslag: Arbetsutskottet föreslår …").
    // Under a decision heading the kind is what that section and what
    // follows it say: the background before it may tell of others refusing
    // or referring back ("Transportministeren afviser …") while the body
    // took note.
    let deciding_sentences: Vec<&Sentence> = if has_decision_section {
        sentences
            .iter()
            .zip(&in_decision)
            .filter(|(_, d)| **d)
            .map(|(s, _)| s)
            .collect()
    } else {
        sentences.iter().collect()
    };
    // Only a decision that puts something off needs its points looked at.
    let partly = deciding_sentences
        .iter()
        .any(|s| !s.motion && puts_off(&s.lower))
        && partly_put_off(paras, in_position);
    let kind = match kind(&deciding_sentences, decides, partly) {
        DecisionKind::Adopted if !decides && recommends(&proposed) => DecisionKind::Recommended,
        k => k,
    };
    // A kind named in the text is sure; "adopted" because nothing else was
    // found is sure only where a body says it decided.
    let kind_confidence = if kind != DecisionKind::Adopted || decides {
        Confidence::High
    } else {
        Confidence::Medium
    };
    // Totals stated once agree with themselves; a roll call that adds up to
    // the totals confirms them.
    let votes_confidence = if !roll_call.is_empty() && count(&roll_call) == votes {
        Confidence::High
    } else if roll_call.is_empty() {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    Read {
        deciding_body: decided_by,
        decision: ParsedDecision {
            kind,
            votes,
            roll_call,
        },
        kind_confidence,
        votes_confidence,
    }
}

/// A sentence that may say what was decided, lowercased once, with the
/// body that is its subject and whether it reports a motion.
struct Sentence {
    lower: String,
    body: Option<String>,
    motion: bool,
}

impl Sentence {
    /// The sentence `s`, with `lower` its lowercase form from [`lower`].
    fn new(s: &str, lower: String) -> Sentence {
        Sentence {
            // "(1) That Cabinet recommends …": a resolution's number and
            // form before its body.
            body: body_at_start(s).or_else(|| {
                let unlabelled = super::points::parse_label(s)
                    .and_then(|(_, n)| s.get(n..))
                    .unwrap_or(s)
                    .trim_start();
                unlabelled
                    .strip_prefix("That ")
                    .filter(|r| r.starts_with(char::is_uppercase))
                    .and_then(body_at_start)
            }),
            motion: reports_motion(&lower),
            lower,
        }
    }
}

/// Beginnings of the words that name a kind of decision or a body's
/// decision; a sentence without any says nothing of what was decided, and
/// most sentences of a document are such. Keeps the parser linear and fast.
const KIND_STEMS: &[&str] = &[
    "återremi",
    "tilbage",
    "tilbake",
    "referred",
    "refer",
    "palaut",
    "bordl",
    "udsat",
    "udsæt",
    "udskud",
    "utsatt",
    "utsett",
    "defer",
    "adjourn",
    "pöydä",
    "avsl",
    "forkast",
    "afvis",
    "avvis",
    "reject",
    "approved",
    "carried",
    "lost",
    "nedstemt",
    "hylkä",
    "hylät",
    "avstyrk",
    "fråråd",
    "advises",
    "tillstyrk",
    "föresl",
    "foresl",
    "indstil",
    "innstil",
    "tilrår",
    "recommend",
    "ändring",
    "tillägg",
    "ændring",
    "endring",
    "amend",
    "muutet",
    "beslut",
    "beslöt",
    "vedt",
    "decided",
    "resolved",
    "agreed",
    "päätt",
    "hyväks",
];

/// Whether a sentence has a word of voting: the short stems ("ja", "for",
/// "mot") must be whole words, so that "januari" or "formal" do not make
/// every dated sentence one to count votes in.
fn names_a_vote(s: &str) -> bool {
    static LONG: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();
    let long = LONG.get_or_init(|| {
        VOTE_STEMS
            .iter()
            .copied()
            .filter(|w| w.chars().count() >= 4)
            .collect()
    });
    if has_word_starting(s, long) {
        return true;
    }
    words(s).any(|w| {
        w.text.chars().count() < 4
            && VOTE_STEMS
                .iter()
                .any(|stem| stem.chars().count() < 4 && lower(w.text) == *stem)
    })
}

/// Beginnings of the words a sentence stating a vote uses.
const VOTE_STEMS: &[&str] = &[
    "röst",
    "røyst",
    "stemme",
    "vote",
    "ääni",
    "äänet",
    "äänin",
    "ja",
    "nej",
    "nei",
    "jaa",
    "ei",
    "for",
    "för",
    "against",
    "imod",
    "imot",
    "emot",
    "mot",
    "division",
    "omröstning",
    "votering",
    "afstemning",
    "avstemning",
    "tyhjä",
    "poissa",
    "frånvarande",
    "fraværende",
    "absent",
    "avst",
    "abstain",
    "abstention",
    "undlod",
    "blank",
    "nedlagd",
    "carried",
    "ayes",
    "noes",
    "yes",
    "in favo",
];

/// What bodies say of themselves: "Kommunstyrelsen beslutar …".
fn said_by_bodies(sentences: &[Sentence]) -> impl Iterator<Item = &Sentence> {
    sentences.iter().filter(|s| s.body.is_some() && !s.motion)
}

/// The first sentence in which a body says it decided, not recommended.
fn deciding(sentences: &[Sentence]) -> Option<&Sentence> {
    said_by_bodies(sentences).find(|s| {
        find_any(&s.lower, DECIDED).is_some() && find_any(&s.lower, RECOMMENDED).is_none()
    })
}

fn recommends(sentences: &[Sentence]) -> bool {
    said_by_bodies(sentences).any(|s| find_any(&s.lower, RECOMMENDED).is_some())
}

/// The sentences of a paragraph, as slices of it.
pub(crate) fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let mut ahead = rest.chars();
        let next = ahead.next();
        let after = ahead.next();
        // "kl. 11.46", "nr. 5", "pkt. 3": an abbreviation before a number.
        let abbreviation = || {
            let word = text[from..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            matches!(
                word.to_lowercase().as_str(),
                "kl" | "nr" | "pkt" | "ca" | "no" | "jf" | "st" | "kap" | "art" | "p" | "pp"
            )
        };
        // "Cllr. B. Reilly", "Mr. K. Stewart": a title or an initial
        // before a name ends no sentence.
        let before_name = || {
            let word = text[from..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
            initial
                || matches!(
                    word.to_lowercase().as_str(),
                    "cllr" | "cllrs" | "mr" | "mrs" | "ms" | "dr" | "co"
                )
        };
        if next.is_none_or(char::is_whitespace)
            && after.is_none_or(|a| a.is_uppercase() || a.is_ascii_digit())
            && !(after.is_some_and(|a| a.is_ascii_digit()) && abbreviation())
            && !(c == '.' && after.is_some_and(char::is_uppercase) && before_name())
        {
            let end = i + c.len_utf8();
            out.push(&text[from..end]);
            from = end;
        }
    }
    if !text[from..].trim().is_empty() {
        out.push(&text[from..]);
    }
    out
}

fn reports_motion(lowered: &str) -> bool {
    // What a vote was between, not what was decided: "NEJ-förslag: … återremiss".
    // So does the chair's proposition, which says which motion won.
    const VOTED_ON: &[&str] = &[
        "ja-förslag",
        "nej-förslag",
        "jaa-ehdotus",
        "ei-ehdotus",
        "ställer proposition",
        "ställde proposition",
    ];
    if VOTED_ON.iter().any(|v| lowered.contains(v)) {
        return true;
    }
    // "Fortsatt behandling av ärendet JA, återremiss NEJ": the two sides of a vote.
    let sides = |yes: &str, no: &str| {
        lowered.contains(no)
            && words(lowered).any(|w| w.text == yes)
            && words(lowered).any(|w| w.text == no)
    };
    if sides("ja", "nej") || sides("jaa", "ei") {
        return true;
    }
    words(lowered).any(|w| {
        MOTION_WORDS.contains(&w.text)
            || w.text.starts_with("yrkand")
            || w.text.ends_with("yrkandet")
            || w.text.ends_with("yrkande")
    })
}

/// Whether a lowercased sentence puts something off; "inom utsatt tid"
/// (within the time set) puts nothing off.
fn puts_off(s: &str) -> bool {
    find_any(s, TABLED).is_some_and(|(at, _)| {
        !["utsatt tid", "utsatt datum", "utsatt dag"]
            .iter()
            .any(|w| s[at..].starts_with(w))
    })
}

/// "(i) … be appointed …;" / "(iii) The appointment … be deferred": a
/// decision in numbered points that puts off only some of them adopts the
/// others.
fn partly_put_off(paras: &[Para], in_position: &[bool]) -> bool {
    let points: Vec<String> = paras
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            matches!(&p.kind, ParaKind::Item(l) if l.is_numeric() || l.family == super::points::Family::Alpha)
                && !in_position.get(*i).copied().unwrap_or(false)
        })
        .map(|(_, p)| lower(&p.text))
        .collect();
    let off = points.iter().filter(|s| puts_off(s)).count();
    points.len() >= 2 && off > 0 && off < points.len()
}

/// The kind, read from the sentences in order of how much each says:
/// a case referred back or tabled was not decided on its merits, however
/// the rest of the minutes read.
fn kind(sentences: &[&Sentence], decides: bool, partly_put_off: bool) -> DecisionKind {
    let plain = || {
        sentences
            .iter()
            .filter(|s| !s.motion)
            .map(|s| s.lower.as_str())
    };
    let any = |phrases: &'static [&'static str]| plain().any(|s| find_any(s, phrases).is_some());
    if any(REFERRED_BACK) {
        return DecisionKind::ReferredBack;
    }
    if plain().any(puts_off) && !partly_put_off {
        return DecisionKind::Tabled;
    }
    let by_body = |phrases: &'static [&'static str]| {
        sentences
            .iter()
            .filter(|s| s.body.is_some() && !s.motion)
            .any(|s| find_any(&s.lower, phrases).is_some())
    };
    if by_body(ADVISED_AGAINST) {
        return DecisionKind::AdvisedAgainst;
    }
    // "Regionstyrelsen föreslår regionfullmäktige besluta avslå motionen"
    // recommends a rejection to another body; it rejects nothing itself.
    let recommends_it =
        |s: &Sentence| s.body.is_some() && find_any(&s.lower, RECOMMENDED).is_some();
    let rejected = sentences
        .iter()
        .filter(|s| !s.motion && !recommends_it(s))
        .any(|s| {
            let s = s.lower.as_str();
            // "Antall forkastede stemmesedler" counts spoilt ballots.
            find_any(s, REJECTED).is_some()
                && !s.contains("yrkand")
                && !s.contains("amendment")
                && !s.contains("forkastede stemme")
                // "… hallinto-oikeuden olisi ne hylättävä": what a court
                // ought to reject, in the body's view; nothing rejected.
                && !s.contains("hylättäv")
        });
    if rejected {
        return DecisionKind::Rejected;
    }
    // A body that recommends and nowhere decides for itself.
    if by_body(RECOMMENDED) && !decides {
        return DecisionKind::Recommended;
    }
    // "vedtar … kommuneplanen med endringar etter høyringsperioden": the
    // proposal names the changes a consultation brought; the body changed nothing.
    let amended = plain().any(|s| {
        find_any(s, AMENDED).is_some_and(|(at, phrase)| {
            // Only "med endring(ar) etter …" names a consultation; changes
            // "fra Høyre" or "från Vänsterpartiet" are a party's amendment.
            let two_words = phrase.starts_with("med ") && phrase.split(' ').count() == 2;
            let next = s[at..].split_whitespace().nth(2);
            !(two_words && matches!(next, Some("etter" | "efter" | "after")))
        })
    });
    if amended {
        return DecisionKind::AdoptedWithAmendments;
    }
    DecisionKind::Adopted
}

/// Whether a decision's text rejects what was put: "Motionen avslås."
pub(crate) fn rejects(text: &str) -> bool {
    find_any(&lower(text), REJECTED).is_some()
}

/// A whole number written in digits, or a small one written as an English
/// word, as minutes write counts: "carried by 22 votes to one, with two
/// abstentions". Nordic number words are left out: Norwegian "to" (two) is
/// English "to" of "9 votes to 3".
fn number(w: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    // Swedish, Danish and Norwegian from three up ("åtte røyster mot sju
    // røyster"): one and two are also articles and "to".
    const NORDIC: &[(&str, u32)] = &[
        ("tre", 3),
        ("fyra", 4),
        ("fire", 4),
        ("fem", 5),
        ("seks", 6),
        ("sju", 7),
        ("syv", 7),
        ("åtta", 8),
        ("åtte", 8),
        ("otte", 8),
        ("nio", 9),
        ("ni", 9),
        ("tio", 10),
        ("ti", 10),
        ("elva", 11),
        ("elleve", 11),
        ("tolv", 12),
    ];
    // Called on every word of a sentence about votes: words are ruled out
    // by their first letter before the tables are searched.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        if w.len() > 6
            || !matches!(
                w.as_bytes().first(),
                Some(b'n' | b'o' | b't' | b'f' | b's' | b'e' | 0xC3)
            )
        {
            return None;
        }
        return WORDS
            .iter()
            .position(|x| *x == w)
            .and_then(|n| u32::try_from(n).ok())
            .or_else(|| NORDIC.iter().find(|(x, _)| *x == w).map(|(_, n)| *n));
    }
    // No council has a thousand members: a longer number is a year or an amount.
    (!w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

const VOTE_NOUNS: &[&str] = &[
    "röster", "röst", "stemmer", "stemme", "røyster", "røyst", "votes", "vote", "ääntä",
];
const AGAINST_LINKS: &[&str] = &["mot", "emot", "imod", "imot", "to", "against", "vastaan"];
const FOR_WORDS: &[&str] = &[
    "jaa",
    "ja",
    "ja-röster",
    "jaröster",
    "yes",
    "for",
    "för",
    "in favour",
    "in favor",
    "ayes",
];
const AGAINST_WORDS: &[&str] = &[
    "ei",
    "nej",
    "nej-röster",
    "nejröster",
    "nei",
    "no",
    "noes",
    "against",
    "imod",
    "imot",
    "emot",
    "mot",
];
const ABSTAIN_WORDS: &[&str] = &[
    "tyhjä",
    "tyhjää",
    "avstår",
    "avstod",
    "avstod från att rösta",
    "nedlagda",
    "blanka",
    "blank",
    "blanke",
    "undlod",
    "undlod at stemme",
    "stemte blankt",
    "abstentions",
    "abstention",
    "abstained",
    "abstain",
];
const ABSENT_WORDS: &[&str] = &["frånvarande", "fraværende", "absent", "poissa"];

/// Counts written as a vote table's labels: "Jaa-äänet: 5", "Ei-äänet: 5",
/// "Tyhjä: 4", "Poissa: 1", "Ja-röster: 32", "Frånvarande: 4".
fn colon_counts(l: &str, v: &mut Votes) {
    const LABELS: &[(&str, Vote)] = &[
        ("jaa-äänet:", Vote::For),
        ("ei-äänet:", Vote::Against),
        ("tyhjä:", Vote::Abstain),
        ("poissa:", Vote::Absent),
        ("ja-röster:", Vote::For),
        ("nej-röster:", Vote::Against),
        ("avstår:", Vote::Abstain),
        ("frånvarande:", Vote::Absent),
        ("for stemte:", Vote::For),
        ("imod stemte:", Vote::Against),
        // A result laid out a label a line: "For: 26 / Against: 32 / Abstention: 0".
        ("for:", Vote::For),
        ("against:", Vote::Against),
        ("abstention:", Vote::Abstain),
        ("abstentions:", Vote::Abstain),
        ("abstain:", Vote::Abstain),
        ("absent:", Vote::Absent),
        ("ja:", Vote::For),
        ("nej:", Vote::Against),
        ("nei:", Vote::Against),
        ("imod:", Vote::Against),
        ("imot:", Vote::Against),
        ("mot:", Vote::Against),
        ("blanke:", Vote::Abstain),
        ("undlod:", Vote::Abstain),
    ];
    if !l.contains(':') {
        return;
    }
    // "For behandling: 4, imod behandling:3": a vote word and what it was for.
    for (at, _) in l.match_indices(':') {
        let before: Vec<&str> = words(&l[..at]).map(|w| w.text).collect();
        let [.., vote, what] = before.as_slice() else {
            continue;
        };
        let Some(vote) = vote_word(vote).filter(|_| what.chars().all(char::is_alphabetic)) else {
            continue;
        };
        if vote_word(what).is_some() {
            continue;
        }
        let digits: String = l[at + 1..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if let Ok(n) = digits.parse::<u32>() {
            slot(v, vote).get_or_insert(n);
        }
    }
    for (label, vote) in LABELS {
        let Some(at) = super::words::find_phrase(l, label) else {
            continue;
        };
        let after = l[at + label.len()..].trim_start();
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        let Ok(n) = digits.parse::<u32>() else {
            continue;
        };
        slot(v, *vote).get_or_insert(n);
    }
}

/// A recorded vote laid out a line a side, each count behind a dash:
/// "(a) For recommendation (4) – 38", "(b) Against recommendation (4) –
/// 12", "(c) Abstentions – 0". The line's own label in front is no count.
fn dashed_counts(l: &str, v: &mut Votes) {
    let t = l.trim();
    let t = match t.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((label, rest)) if label.len() <= 3 => rest.trim_start(),
        _ => t,
    };
    // The count's line may run on into the names below it.
    let Some((side, after)) = t.split_once(" – ").or_else(|| t.split_once(" - ")) else {
        return;
    };
    let count = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',', ';']);
    let Some(n) =
        (!count.is_empty() && count.len() <= 3 && count.bytes().all(|b| b.is_ascii_digit()))
            .then(|| count.parse::<u32>().ok())
            .flatten()
    else {
        return;
    };
    let first = side.split_whitespace().next().unwrap_or("");
    let vote = vote_word(first).or(match first {
        "abstentions" => Some(Vote::Abstain),
        _ => None,
    });
    if let Some(vote) = vote
        && side.split_whitespace().count() <= 6
    {
        slot(v, vote).get_or_insert(n);
    }
}

fn slot(v: &mut Votes, vote: Vote) -> &mut Option<u32> {
    match vote {
        Vote::For => &mut v.for_,
        Vote::Against => &mut v.against,
        Vote::Abstain => &mut v.abstain,
        Vote::Absent => &mut v.absent,
    }
}

/// The counts of a result laid out as a table whose rows start with the
/// vote and end with the count, as council web pages publish recorded
/// votes: "| For | Tony Burles, Jas Dhot … | 14 |". None without such rows.
/// The names between label and count, where every row's add up to its
/// count, are the roll call.
fn table_counts(paras: &[Para]) -> Option<(Votes, Vec<RollCallVote>)> {
    let mut v = Votes::default();
    let mut names: Vec<RollCallVote> = Vec::new();
    let mut names_add_up = true;
    let mut found = false;
    // A paragraph may hold a table's rows run together on one line.
    let rows: Vec<String> = paras
        .iter()
        .filter_map(|p| {
            if p.full_text.contains('|') || p.full_text.contains('\t') {
                Some(p.full_text.replace("| |", "|\n|"))
            } else if p
                .full_text
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
            {
                // The last row ends in its count; most paragraphs do not.
                glued_rows(&p.full_text)
            } else {
                None
            }
        })
        .collect();
    for line in rows.iter().flat_map(|r| r.split('\n')) {
        let cells: Vec<&str> = line
            .split(['|', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() < 2 {
            continue;
        }
        let Some(n) = cells.last().and_then(|c| number(c)) else {
            continue;
        };
        let label = lower(cells[0]);
        let vote = vote_word(&label).or(match label.as_str() {
            "in favour" | "in favor" | "ayes" => Some(Vote::For),
            "noes" => Some(Vote::Against),
            "abstentions" => Some(Vote::Abstain),
            _ => None,
        });
        let Some(vote) = vote else { continue };
        let count = slot(&mut v, vote);
        if count.is_some() {
            continue;
        }
        *count = Some(n);
        found = true;
        let members = cells.get(1..cells.len() - 1).map_or(Vec::new(), |c| {
            c.join(", ")
                .split([',', ';'])
                .flat_map(|part| part.split(" and "))
                .map(str::trim)
                .filter(|name| !name.is_empty() && !matches!(lower(name).as_str(), "none" | "-"))
                .map(str::to_string)
                .collect()
        });
        names_add_up &= u32::try_from(members.len()).is_ok_and(|k| k == n);
        names.extend(members.into_iter().map(|name| RollCallVote {
            name,
            party: None,
            vote,
        }));
    }
    if !names_add_up {
        names.clear();
    }
    found.then_some((v, names))
}

/// A recorded vote's table copied without its cells, each row its label,
/// its names and its count run together ("ForA. J. B. Beaumont, …, P. J.
/// Whittaker18 AgainstS. J. Baxter, …8 Conflict Of InterestsNone0"), as
/// rows of cells: "For|A. J. B. Beaumont, …|18".
fn glued_rows(text: &str) -> Option<String> {
    const LABELS: &[&str] = &[
        "For",
        "Against",
        "Abstain",
        "Abstentions",
        "Absent",
        "Conflict Of Interests",
    ];
    // Where each row starts: a label glued to a capital, after a space or
    // at the start; each row after the first right after a count.
    let mut starts: Vec<(usize, &str)> = Vec::new();
    for label in LABELS {
        for (at, _) in text.match_indices(label) {
            let glued = text[at + label.len()..].starts_with(char::is_uppercase);
            let apart = text[..at].chars().last().is_none_or(char::is_whitespace);
            if glued && apart {
                starts.push((at, label));
            }
        }
    }
    starts.sort_unstable();
    let after_count = |at: usize| {
        text[..at]
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let first = starts.first()?.0;
    starts.retain(|(at, _)| *at == first || after_count(*at));
    // A row alone must be a paragraph of its own.
    if starts.len() < 2 && first != 0 {
        return None;
    }
    let mut rows = String::new();
    for (k, (at, label)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |(next, _)| *next);
        let body = text[at + label.len()..end].trim_end();
        let digits = body.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let (names, count) = body.split_at(body.len() - digits);
        rows.push_str(&format!("{label}|{names}|{count}\n"));
    }
    Some(rows)
}

/// Compound labels read as a label and a noun: "34 ja-röster", "Jaa-äänet: 5".
fn plain_labels(l: &str) -> String {
    l.replace("jaa-äänet", "jaa")
        .replace("ei-äänet", "ei")
        .replace("ja-röster", "ja röster")
        .replace("nej-röster", "nej röster")
        // "28 voted in favour, 7 voted against": the count and its label.
        .replace(" voted in favour", " in favour")
        .replace(" voted in favor", " in favor")
        .replace(" voted against", " against")
}

/// The totals stated in the sentences: "med 34 stemmer imod 15", "by 9
/// votes to 3 with 2 abstentions", "34 ja-röster och 15 nej-röster", "Ja 34,
/// Nej 15, Avstår 2", "there voted for the amendment 3, for the
/// recommendations 9" (the majority carried the decision). The sentences
/// come lowercased.
/// The words of a sentence about votes, with the parts of a grouped number
/// ("2.228 mio. kr.", "1,500", a date "11.9.2023") blanked: none is a count.
fn count_words(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let grouped = |at: usize, step: isize| {
        let sep = at.checked_add_signed(step).and_then(|k| b.get(k));
        let next = at.checked_add_signed(2 * step).and_then(|k| b.get(k));
        matches!(sep, Some(b'.' | b',')) && next.is_some_and(u8::is_ascii_digit)
    };
    words(s)
        .map(|w| {
            let digits = w.text.bytes().all(|c| c.is_ascii_digit());
            if digits && (grouped(w.end - 1, 1) || w.start > 0 && grouped(w.start, -1)) {
                ""
            } else {
                w.text
            }
        })
        .collect()
}

/// `s` without its bracketed groups that hold no figure ("(KrF, Frp og
/// H)"); a bracket with a count ("(7 st.)", "(två tomma)" aside) stays.
fn without_named_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|k| open + k) else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..close];
        if inner.bytes().any(|b| b.is_ascii_digit()) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// "22 röstade ja, 20 nej, 1 avstod och 2 var inte närvarande": a count
/// that voted yes, then the other counts each followed by its label.
fn voted_yes_then_counts(l: &str) -> Option<Votes> {
    const VOTED: &[&str] = &["röstade", "röstar", "stemte", "stemde", "voted"];
    let ws: Vec<&str> = l
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect();
    let start = ws.windows(3).position(|w| {
        number(w[0]).is_some() && VOTED.contains(&w[1]) && FOR_WORDS.contains(&w[2])
    })?;
    let mut v = Votes {
        for_: number(ws[start]),
        ..Votes::default()
    };
    for (k, w) in ws.iter().enumerate().skip(start + 3) {
        let Some(n) = number(w) else { continue };
        let next = ws.get(k + 1).copied().unwrap_or("");
        let slot = if AGAINST_WORDS.contains(&next) {
            &mut v.against
        } else if ABSTAIN_WORDS.contains(&next) {
            &mut v.abstain
        } else if ABSENT_WORDS.contains(&next)
            || ws.get(k + 1..k + 4).is_some_and(|p| {
                let p = p.join(" ");
                p.contains("inte närvarande") || p.contains("ej närvarande")
            })
        {
            &mut v.absent
        } else {
            // Another count, of another vote: this one has ended.
            break;
        };
        slot.get_or_insert(n);
    }
    v.against.is_some().then_some(v)
}

/// The counts of "N voted for the amendment and M for the motion": the
/// count of the side declared carried (the motion, unless the amendment
/// is said to be) and the other's.
fn motion_and_amendment(l: &str) -> Option<(u32, u32)> {
    let ws: Vec<&str> = l
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let (mut motion, mut amendment) = (None, None);
    // The side mentioned last before "carried" is the one carried.
    let mut carried_amendment = false;
    let mut last_side = None;
    for (i, w) in ws.iter().enumerate() {
        match *w {
            "motion" => last_side = Some(false),
            "amendment" => last_side = Some(true),
            "carried" => carried_amendment = last_side == Some(true),
            _ => {}
        }
        if *w != "for" || ws.get(i + 1) != Some(&"the") {
            continue;
        }
        let side = match ws.get(i + 2) {
            Some(&"motion") => &mut motion,
            Some(&"amendment") => &mut amendment,
            _ => continue,
        };
        // "5 Members voted for …", "13 for …".
        let count = ws[..i]
            .iter()
            .rev()
            .take(3)
            .take_while(|w| {
                matches!(**w, "members" | "member" | "councillors" | "voted") || number(w).is_some()
            })
            .find_map(|w| number(w));
        if side.is_none() {
            *side = count;
        }
    }
    let (motion, amendment) = (motion?, amendment?);
    Some(if carried_amendment {
        (amendment, motion)
    } else {
        (motion, amendment)
    })
}

fn votes_in(sentences: &[String]) -> Votes {
    let mut v = Votes::default();
    let mut on_motions = Votes::default();
    for s in sentences {
        let l = plain_labels(s);
        let ws = count_words(&l);
        // "34 stemmer imod 15", "9 votes to 3"; "forkastet med 43 stemmer
        // imod 8" counts the votes against first.
        // Clause by clause: "Amendment NOT CARRIED by 28 votes to 24;
        // deemed motion CARRIED by 28 votes to 24". A motion's or an
        // amendment's vote counts only when nothing else was voted on.
        let mut patterned = false;
        for clause in l.split(';') {
            let lost = find_any(clause, REJECTED).is_some()
                || clause.contains("not carried")
                || clause.contains("was lost")
                || clause.contains("faldt")
                || clause.contains("föll");
            let on_motion = ["amendment", "ændringsforslag", "endringsforslag", "yrkande"]
                .iter()
                .any(|w| clause.contains(w));
            // "åtte røyster (KrF, Frp og H) mot sju røyster (Ap, SV …)": the
            // parties behind each count stand between the count and the link.
            let unbracketed = without_named_brackets(clause);
            let cw = count_words(&unbracketed);
            for i in 0..cw.len() {
                // "34 stemmer imod 15", and "med 11 mot 24 stemmer".
                let pair = number(cw[i]).and_then(|a| {
                    let noun = |k: usize| cw.get(k).is_some_and(|w| VOTE_NOUNS.contains(w));
                    let link = |k: usize| cw.get(k).is_some_and(|w| AGAINST_LINKS.contains(w));
                    if noun(i + 1) && link(i + 2) {
                        cw.get(i + 3).and_then(|w| number(w)).map(|b| (a, b, true))
                    } else if link(i + 1) && noun(i + 3) {
                        cw.get(i + 2).and_then(|w| number(w)).map(|b| (a, b, false))
                    } else {
                        None
                    }
                });
                if let Some((a, b, noun_first)) = pair {
                    patterned = true;
                    // "forkastet med 43 stemmer imod 8" counts the votes
                    // against first; "falt med 11 mot 24 stemmer" the
                    // proposal's own.
                    let (yes, no) = match (lost, noun_first) {
                        (true, true) => (b, a),
                        (true, false) => (a.min(b), a.max(b)),
                        (false, _) => (a, b),
                    };
                    let slot = if on_motion { &mut on_motions } else { &mut v };
                    if slot.for_.is_none() {
                        slot.for_ = Some(yes);
                        slot.against = Some(no);
                    }
                }
            }
        }
        // "vann … rösterna 21 – 13 och en blank": a score after the noun.
        if !patterned
            && v.for_.is_none()
            // "med rösterna 9 (Elin Blomqvist-Valtonen, …) – 4 (…)": the
            // names of each side in brackets after its count.
            && let Some((a, b, blank)) =
                score_after_noun(&l).or_else(|| score_after_noun(&without_named_brackets(&l)))
        {
            patterned = true;
            v.for_ = Some(a);
            v.against = Some(b);
            if let Some(n) = blank {
                v.abstain.get_or_insert(n);
            }
        }
        // "22 röstade ja, 20 nej, 1 avstod och 2 var inte närvarande".
        if !patterned
            && v.for_.is_none()
            && let Some(counted) = voted_yes_then_counts(&l)
        {
            patterned = true;
            v = counted;
        }
        // "5 Members voted for the amendment and 13 for the motion which
        // was declared carried": the side carried has the votes for.
        if !patterned
            && v.for_.is_none()
            && let Some((carried, other)) = motion_and_amendment(&l)
        {
            patterned = true;
            v.for_ = Some(carried);
            v.against = Some(other);
        }
        // "there voted for the amendment 3, for the recommendations 9"
        if l.contains("on a division") || l.contains("there voted for") {
            let counts: Vec<u32> = l
                .split("for ")
                .skip(1)
                .filter_map(|part| {
                    part.split([',', ';', '.'])
                        .next()
                        .and_then(|p| p.split_whitespace().last())
                        .and_then(number)
                        // "for the motion - Bailies Keenan and Scott, and
                        // Councillors … (10); and for the amendment - … (16)"
                        .or_else(|| {
                            let clause = part.split(';').next().unwrap_or("");
                            let open = clause.rfind('(')?;
                            let close = clause[open..].find(')')? + open;
                            number(clause[open + 1..close].trim())
                        })
                })
                .collect();
            if counts.len() == 2 && v.for_.is_none() {
                v.for_ = counts.iter().max().copied();
                v.against = counts.iter().min().copied();
            }
        }
        // Labelled counts: "34 ja-röster", "ja 34", "2 avstod", "Frånvarande: 4".
        // "Ja 41, Nej 20" puts each label before its count; "34 ja-röster
        // mot 15 nej-röster" after it. The first label shows which.
        let is_label = |w: &str| {
            [FOR_WORDS, AGAINST_WORDS, ABSTAIN_WORDS, ABSENT_WORDS]
                .iter()
                .any(|ls| ls.contains(&w))
        };
        // "äänin 47 JAA, 2 EI, 1 tyhjä": a count before the first label
        // puts every count before its label, whatever follows.
        // "27 votes for, 3 votes against": the count, its noun, the label.
        let label_first = ws.iter().position(|w| is_label(w)).is_some_and(|k| {
            let counted_noun =
                k >= 2 && VOTE_NOUNS.contains(&ws[k - 1]) && number(ws[k - 2]).is_some();
            ws.get(k + 1).is_some_and(|n| number(n).is_some())
                && !counted_noun
                && k.checked_sub(1)
                    .and_then(|p| ws.get(p))
                    .is_none_or(|n| number(n).is_none())
        });
        // "43 stemmer imod 8" was read above; its "imod 8" is no label.
        if !patterned {
            labelled(&l, &ws, FOR_WORDS, label_first, &mut v.for_);
            labelled(&l, &ws, AGAINST_WORDS, label_first, &mut v.against);
        }
        labelled(&l, &ws, ABSTAIN_WORDS, label_first, &mut v.abstain);
        labelled(&l, &ws, ABSENT_WORDS, label_first, &mut v.absent);
    }
    if v.for_.is_none() && v.against.is_none() {
        v.for_ = on_motions.for_;
        v.against = on_motions.against;
    }
    for s in sentences {
        side_total(s, &mut v);
        leading_label(s, &mut v);
    }
    v
}

/// "… vann rösterna 21 – 13 och en blank", "med stemmerne 28-21", "Päätös
/// syntyi äänin 7-6.": the votes written as a score after their noun, and
/// the blank votes after it.
fn score_after_noun(l: &str) -> Option<(u32, u32, Option<u32>)> {
    for noun in [
        "rösterna",
        "röster",
        "stemmerne",
        "stemmene",
        "votes",
        "äänin",
    ] {
        let Some(at) = find_phrase(l, noun) else {
            continue;
        };
        let rest = l[at + noun.len()..].trim_start();
        let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
        let n = digits(rest);
        if !(1..=3).contains(&n) {
            continue;
        }
        let after = rest[n..].trim_start();
        let Some(after) = ['–', '-', '—'].iter().find_map(|d| after.strip_prefix(*d)) else {
            continue;
        };
        let after = after.trim_start();
        let m = digits(after);
        if !(1..=3).contains(&m) {
            continue;
        }
        let (a, b) = (rest[..n].parse().ok()?, after[..m].parse().ok()?);
        // "och en blank", "og 2 blanke", "and one abstention".
        let tail: Vec<&str> = after[m..].split_whitespace().take(3).collect();
        let blank = match tail.as_slice() {
            [link, count, what, ..]
                if matches!(*link, "och" | "og" | "and")
                    && ["blank", "nedlag", "abstention", "avst"]
                        .iter()
                        .any(|w| what.starts_with(w)) =>
            {
                match *count {
                    "en" | "ett" | "én" | "one" => Some(1),
                    c => c.parse().ok(),
                }
            }
            _ => None,
        };
        return Some((a, b, blank));
    }
    None
}

/// "FOR the officer’s recommendation (9)": a side's label, then its count
/// in brackets; and "There were no abstentions."
fn bracketed_counts(l: &str, v: &mut Votes) {
    for (open, _) in l.match_indices('(') {
        let Some(close) = l[open..].find(')') else {
            continue;
        };
        let Some(n) = number(l[open + 1..open + close].trim()) else {
            continue;
        };
        // The side's label stands a few words before the count.
        let before: Vec<&str> = words(&l[..open]).map(|w| w.text).collect();
        if let Some(vote) = before.iter().rev().take(5).find_map(|w| vote_word(w)) {
            slot(v, vote).get_or_insert(n);
        }
    }
    // "… with no votes against and one abstention."
    for (none, vote) in [
        ("no abstentions", Vote::Abstain),
        ("inga nedlagda", Vote::Abstain),
        ("ingen undlod", Vote::Abstain),
        ("ingen avsto", Vote::Abstain),
        ("no votes against", Vote::Against),
        ("none against", Vote::Against),
    ] {
        if l.contains(none) {
            slot(v, vote).get_or_insert(0);
        }
    }
}

/// A count after the side's own label and verb: "Imod stemte 8 (…)",
/// "For flertalsindstillingen fra ØK stemte 11 (…)", "Undlod at stemme 5".
fn leading_label(l: &str, v: &mut Votes) {
    let ws: Vec<&str> = words(l).map(|w| w.text).collect();
    for (j, w) in ws.iter().enumerate() {
        let Some(vote) = vote_word(w) else { continue };
        // The side's label opens the sentence or follows the last count's
        // list of names: "… Enhedslisten) Undlod at stemme 5 (…)".
        let k = ws
            .iter()
            .skip(j + 1)
            .take(6)
            .position(|w| matches!(*w, "stemte" | "stemme" | "röstade" | "voted"))
            .map(|k| k + j + 1);
        let Some(k) = k else { continue };
        if ws[j + 1..k].iter().any(|w| vote_word(w).is_some()) {
            continue;
        }
        if let Some(n) = ws.get(k + 1).and_then(|w| number(w)) {
            slot(v, vote).get_or_insert(n);
        }
    }
}

/// A side's total after its parties: "Innstillingen ble vedtatt med
/// stemmene til Ap, Krf, Sp, H, Frp, tilsammen 12 stemmer." and "MdG, V og
/// Solveig Ege Tengesdal (Krf) stemte mot innstillingen, til sammen 3 stemmer."
fn side_total(l: &str, v: &mut Votes) {
    const TOTALS: &[&str] = &[
        "tilsammen",
        "til sammen",
        "totalt",
        "i alt",
        "sammanlagt",
        "in total",
    ];
    let Some((at, phrase)) = find_any(l, TOTALS) else {
        return;
    };
    let rest = &l[at + phrase.len()..];
    let mut ws = words(rest).map(|w| w.text);
    let (Some(n), Some(noun)) = (ws.next().and_then(number), ws.next()) else {
        return;
    };
    if !VOTE_NOUNS.contains(&noun) {
        return;
    }
    const AGAINST: &[&str] = &[
        "stemte mot",
        "stemte imod",
        "röstade emot",
        "röstade mot",
        "voted against",
    ];
    const FOR: &[&str] = &[
        "vedtatt med",
        "vedtaget med",
        "bifölls med",
        "stemte for",
        "röstade för",
        "voted for",
        "carried with",
    ];
    let slot = if find_any(l, AGAINST).is_some() {
        &mut v.against
    } else if find_any(l, FOR).is_some() {
        &mut v.for_
    } else {
        return;
    };
    slot.get_or_insert(n);
}

/// A count next to one of `labels`, in a sentence that is about votes.
fn labelled(l: &str, ws: &[&str], labels: &[&str], label_first: bool, slot: &mut Option<u32>) {
    if slot.is_some() {
        return;
    }
    // "Jaa-äänet: 5 Kaisa Hernberg, …": a count right after its label.
    let about_votes = label_first
        || VOTE_NOUNS.iter().any(|n| l.contains(n))
        || l.contains("omröstning")
        || l.contains("votering")
        || l.contains("afstemning")
        || l.contains("avstemning")
        || l.contains("division")
        || l.contains("äänestys")
        || l.contains("äänin")
        // A line of a vote table: "Jaa-äänet: 5", "Tyhjä: 4", "Poissa: 1".
        || (l.split_whitespace().count() <= 3 && l.contains(':'));
    if !about_votes {
        return;
    }
    for (i, w) in ws.iter().enumerate() {
        let Some(n) = number(w) else { continue };
        // The label right after the number ("2 avstod"), or right before it ("nej 15").
        let after = ws.get(i + 1).copied().unwrap_or("");
        let before = i
            .checked_sub(1)
            .and_then(|k| ws.get(k))
            .copied()
            .unwrap_or("");
        let single = |x: &str| labels.iter().any(|lab| !lab.contains(' ') && *lab == x);
        // "6 in favour, 1 against": a label of two words after the count.
        let pair_after = ws
            .get(i + 1..i + 3)
            .is_some_and(|p| labels.contains(&p.join(" ").as_str()));
        // "34 stemmer imod 15" is read above; here "imod" after a number would misread it.
        let after_is_vote_noun = VOTE_NOUNS.contains(&after);
        let noun_then_label = after_is_vote_noun && ws.get(i + 2).is_some_and(|x| single(x));
        let labelled_after = !label_first
            && (((single(after) || pair_after) && !after_is_vote_noun) || noun_then_label);
        let labelled_before = label_first && single(before) && !VOTE_NOUNS.contains(&before);
        if labelled_after || labelled_before {
            // "34 imod 15" pairs two counts; "1 against, 0 abstentions"
            // lists each count with its own label.
            let listed = ws.get(i + 3).is_some_and(|x| {
                [FOR_WORDS, AGAINST_WORDS, ABSTAIN_WORDS, ABSENT_WORDS]
                    .iter()
                    .any(|ls| ls.contains(x))
            });
            if AGAINST_LINKS.contains(&after)
                && ws.get(i + 2).is_some_and(|x| number(x).is_some())
                && !listed
            {
                continue;
            }
            *slot = Some(n);
            return;
        }
        // "2 ledamöter som avstår från att rösta", "3 members who abstained"
        const MEMBERS: &[&str] = &[
            "ledamöter",
            "ledamot",
            "members",
            "member",
            "councillors",
            "medlemmer",
            "medlemmar",
            "representanter",
            "representatives",
        ];
        if MEMBERS.contains(&after)
            && ws
                .get(i + 2..(i + 5).min(ws.len()))
                .is_some_and(|next| next.iter().any(|x| single(x)))
        {
            *slot = Some(n);
            return;
        }
        // "10 var frånvarande", "4 were absent"
        if matches!(after, "var" | "är" | "were" | "was" | "er" | "olivat")
            && ws.get(i + 2).is_some_and(|x| single(x))
        {
            *slot = Some(n);
            return;
        }
        // "med 34 röster för" / "15 röster emot"
        if after_is_vote_noun
            && ws.get(i + 2).is_some_and(|x| single(x))
            && ws.get(i + 3).is_none_or(|x| number(x).is_none())
        {
            *slot = Some(n);
            return;
        }
    }
}

fn vote_word(w: &str) -> Option<Vote> {
    match w {
        "ja" | "yes" | "for" | "för" | "aye" => Some(Vote::For),
        "nej" | "nei" | "no" | "against" | "imod" | "imot" | "emot" => Some(Vote::Against),
        "avstår" | "avstod" | "undlod" | "blank" | "blankt" | "abstain" | "abstained"
        | "abstention" => Some(Vote::Abstain),
        "frånvarande" | "fraværende" | "absent" => Some(Vote::Absent),
        _ => None,
    }
}

/// A roll call: at least two lines that each hold a member's name, maybe
/// the party in brackets or as a short upper-case word, and end with a
/// vote: "Anna Ek (S) Ja", "Bo Ek M nej", "Sam Smith (Lab): for".
fn roll_call(paras: &[Para]) -> Vec<RollCallVote> {
    let mut out = Vec::new();
    for p in paras {
        for line in p.full_text.split('\n') {
            if let Some(r) = roll_call_line(line) {
                out.push(r);
            }
        }
    }
    if out.len() >= 2 { out } else { Vec::new() }
}

fn roll_call_line(line: &str) -> Option<RollCallVote> {
    let t = line.trim().trim_end_matches('.');
    let (rest, last) = t.rsplit_once(|c: char| c.is_whitespace() || c == ':')?;
    let vote = vote_word(&lower(last.trim()))?;
    let rest = rest.trim().trim_end_matches(':').trim();
    let (name, party) =
        if let Some((n, p)) = rest.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
            (n.trim(), Some(p.trim().to_owned()))
        } else if let Some((n, p)) = rest.rsplit_once(' ')
            && (1..=4).contains(&p.chars().count())
            && p.chars().all(|c| c.is_uppercase())
        {
            (n.trim(), Some(p.to_owned()))
        } else {
            (rest, None)
        };
    let parts: Vec<&str> = name.split_whitespace().collect();
    let looks_like_name = (2..=4).contains(&parts.len())
        && parts.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        });
    looks_like_name.then(|| RollCallVote {
        name: name.to_owned(),
        party: party.filter(|p| !p.is_empty()),
        vote,
    })
}

fn count(roll: &[RollCallVote]) -> Votes {
    let n = |v: Vote| Some(roll.iter().filter(|r| r.vote == v).count() as u32);
    Votes {
        for_: n(Vote::For),
        against: n(Vote::Against),
        abstain: n(Vote::Abstain),
        absent: n(Vote::Absent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<String> {
        split_sentences(t).into_iter().map(str::to_string).collect()
    }

    fn kind_of(t: &str) -> DecisionKind {
        let s: Vec<Sentence> = split_sentences(t)
            .into_iter()
            .filter(|s| has_word_starting(s, KIND_STEMS))
            .map(|s| Sentence::new(s, lower(s)))
            .collect();
        kind(&s.iter().collect::<Vec<_>>(), deciding(&s).is_some(), false)
    }

    #[test]
    fn kinds_of_decision() {
        let k = kind_of;
        assert_eq!(
            k("Stadsfullmäktige beslutade återremittera ärendet till stadsstyrelsen."),
            DecisionKind::ReferredBack
        );
        assert_eq!(
            k("På förslag av ordföranden bordlade stadsfullmäktige ärendet."),
            DecisionKind::Tabled
        );
        assert_eq!(
            k(
                "Anna Ek (V) yrkar återremiss. Kommunfullmäktige beslutar att ärendet ska avgöras i dag. Kommunfullmäktige beslutar att godkänna avtalet."
            ),
            DecisionKind::Adopted,
            "a motion to refer back that lost"
        );
        assert_eq!(
            k("Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag."),
            DecisionKind::Recommended
        );
        assert_eq!(
            k("Kommunstyrelsen avstyrker motionen."),
            DecisionKind::AdvisedAgainst
        );
        assert_eq!(
            k("Stadsledningskontoret föreslår att kommunstyrelsen beslutar att gå med."),
            DecisionKind::Adopted,
            "an office proposes; it is no body's recommendation"
        );
        assert_eq!(
            k("Kommunfullmäktige avslår motionen."),
            DecisionKind::Rejected
        );
        assert_eq!(
            k("Byrådet besluttede ikke at godkende forslaget til lokalplanen."),
            DecisionKind::Rejected
        );
        assert_eq!(
            k("Valgstyret godkjente folkeavstemningen. Antall forkastede stemmesedler 3."),
            DecisionKind::Adopted,
            "spoilt ballots are no rejection"
        );
        assert_eq!(
            k("Kommunfullmäktige bifaller förslaget och avslår Anna Eks yrkande."),
            DecisionKind::Adopted
        );
        assert_eq!(
            k("Kommunstyrelsen beslutar enligt förslaget med den ändringen att punkt 2 stryks."),
            DecisionKind::AdoptedWithAmendments
        );
        assert_eq!(
            k("The matter was referred back to the Director for further information."),
            DecisionKind::ReferredBack
        );
        assert_eq!(
            k("Byrådet besluttede, at sagen sendes tilbage til udvalget."),
            DecisionKind::ReferredBack
        );
        assert_eq!(
            k("Kommunstyrelsen beslutar att gå med i ICLEI."),
            DecisionKind::Adopted
        );
        assert_eq!(
            k("Kommunstyrelsen beslutar att föreslå kommunfullmäktige att gå med i ICLEI."),
            DecisionKind::Recommended
        );
        assert_eq!(
            k(
                "Arbetsutskottet föreslår att kommunstyrelsen beslutar så. Kommunstyrelsen beslutar enligt arbetsutskottets förslag."
            ),
            DecisionKind::Adopted,
            "the body decided what its committee proposed"
        );
    }

    #[test]
    fn vote_totals_in_several_languages() {
        let v = |t: &str| votes_in(&sentences(&lower(t)));
        let got = v("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.");
        assert_eq!((got.for_, got.against), (Some(34), Some(15)));
        let got = v("Päätös syntyi äänin 7-6.");
        assert_eq!((got.for_, got.against), (Some(7), Some(6)));
        let got = v(
            "The Council resolved by majority vote (27 votes for, 3 votes against and the Mayor not voting) to debate this Motion.",
        );
        assert_eq!((got.for_, got.against), (Some(27), Some(3)));
        let got = v(
            "Efter omröstning med rösterna 9 (Anna Ek, Per Lind) – 4 (Eva Berg) beslutade stadsstyrelsen återremittera ärendet.",
        );
        assert_eq!((got.for_, got.against), (Some(9), Some(4)));
        let got = v("The recommendations were carried by 9 votes to 3, with 2 abstentions.");
        assert_eq!(
            (got.for_, got.against, got.abstain),
            (Some(9), Some(3), Some(2))
        );
        let got = v("On a division, there voted for the amendment 3, for the recommendations 9.");
        assert_eq!((got.for_, got.against), (Some(9), Some(3)));
        let got =
            v("Förslaget bifölls. 30 röstade ja, 19 nej, 2 avstod och 4 var inte närvarande.");
        assert_eq!(
            (got.for_, got.against, got.abstain, got.absent),
            (Some(30), Some(19), Some(2), Some(4))
        );
        let got = v(
            "On a vote, 7 Members voted for the amendment and 12 for the motion which was declared carried.",
        );
        assert_eq!((got.for_, got.against), (Some(12), Some(7)));
        let got = v(
            "On a vote, 9 Members voted for the motion and 11 for the amendment which was declared carried.",
        );
        assert_eq!((got.for_, got.against), (Some(11), Some(9)));
        let got = v(
            "Omröstningen utföll med 34 ja-röster mot 15 nej-röster; 2 avstod och 10 var frånvarande.",
        );
        assert_eq!(
            (got.for_, got.against, got.abstain, got.absent),
            (Some(34), Some(15), Some(2), Some(10))
        );
        let got = v("Tilrådinga er gjord med fem røyster (H og Frp) mot fire røyster (Ap, SV).");
        assert_eq!((got.for_, got.against), (Some(5), Some(4)));
        let got = v("Tilrådinga er gjord med fem røyster mot fire røyster.");
        assert_eq!((got.for_, got.against), (Some(5), Some(4)));
        let got = v("Vote taken: 6 in favour, 1 against, 0 abstentions.");
        assert_eq!(
            (got.for_, got.against, got.abstain),
            (Some(6), Some(1), Some(0))
        );
        let got = v("The amendment was put to a vote, 21 voted in favour, 9 voted against.");
        assert_eq!((got.for_, got.against), (Some(21), Some(9)));
        let got = v("Votering: Ja 41, Nej 20, Avstår 0.");
        assert_eq!(
            (got.for_, got.against, got.abstain),
            (Some(41), Some(20), Some(0))
        );
        assert_eq!(
            v("Kommunen har 34 ledamöter och 15 ersättare."),
            Votes::default()
        );
    }

    #[test]
    fn roll_calls_read_line_by_line() {
        let r = roll_call_line("Anna Ek (S) Ja").unwrap();
        assert_eq!(
            (r.name.as_str(), r.party.as_deref(), r.vote),
            ("Anna Ek", Some("S"), Vote::For)
        );
        let r = roll_call_line("Bo Ek M nej").unwrap();
        assert_eq!(
            (r.name.as_str(), r.party.as_deref(), r.vote),
            ("Bo Ek", Some("M"), Vote::Against)
        );
        let r = roll_call_line("Sam Smith (Lab): abstain").unwrap();
        assert_eq!(r.vote, Vote::Abstain);
        assert!(roll_call_line("Kommunfullmäktige beslutar ja").is_none());
        assert!(roll_call_line("Det blev nej").is_none());
    }
}
