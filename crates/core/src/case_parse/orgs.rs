//! Recognising organisations: whole-word names, acronyms and aliases, and
//! near misses such as "ECLG" for UCLG, which are read with a warning.
//!
//! Near misses are only tried for words that look like names (a capitalised
//! word of five letters or more, or an acronym in capitals) against names of
//! four characters or more, and only when one organisation is nearest, so
//! ordinary words, party letters and short office acronyms stay words.

use super::OrgMention;
use super::OrgName;
use super::words::{
    FastBuild, Word, edit_distance, edit_distance_within, lower, same_lowercase, words,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

struct Org {
    canonical: String,
    /// Lowercase canonical and full name: mentions of these need no warning.
    official: Vec<String>,
}

#[derive(Debug, Clone)]
struct Name {
    org: usize,
    written: String,
    tokens: Vec<String>,
}

/// A name to try near misses against.
struct Target {
    org: usize,
    chars: Vec<char>,
    /// Written with lowercase letters ("Metropolis") or long: capitalised
    /// words may be near misses of it, not just acronyms in capitals.
    wordlike: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    Exact,
    Near,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) org: usize,
    how: How,
}

/// Capitals that are common in Swedish municipal text and must stay words.
const NOT_NAMES: &[&str] = &[
    "KS", "KF", "PM", "EU", "FN", "USA", "SLK", "OECD", "NATO", "WHO", "UNDP", "ECAD", "SIDA",
    "IKT", "BNP", "VD", "KSAU", "DNR", "NGO", "GDPR", "EES", "EFTA", "SVT", "SCB", "RKR",
];

/// Swedish and English endings: "Metropoler" is an inflected word, not a misspelt "Metropolis".
const ENDINGS: &[&str] = &[
    "er", "en", "et", "na", "ar", "or", "ns", "es", "ers", "ens", "arna", "erna", "ernas",
];

pub(crate) struct Matcher {
    index: Rc<Index>,
    near_cache: HashMap<String, Option<usize>>,
}

/// The names of a list of organisations, arranged for lookup.
struct Index {
    orgs: Vec<Org>,
    /// Lowercase first word → names starting with it, longest first.
    names: HashMap<String, Vec<Name>, FastBuild>,
    targets: Vec<Target>,
    name_words: HashSet<String, FastBuild>,
}

thread_local! {
    /// The lists last arranged: a server parses every upload against the
    /// same catalogue and register, and arranging them took a tenth of a
    /// short document's parse.
    static INDEXES: RefCell<Vec<(Vec<OrgName>, Rc<Index>)>> = RefCell::default();
}

const KEPT_INDEXES: usize = 4;

impl Matcher {
    pub(crate) fn new(list: &[OrgName]) -> Self {
        let index = INDEXES.with(|kept| {
            let mut kept = kept.borrow_mut();
            if let Some((_, index)) = kept.iter().find(|(l, _)| l == list) {
                return index.clone();
            }
            let index = Rc::new(Index::new(list));
            if kept.len() >= KEPT_INDEXES {
                kept.remove(0);
            }
            kept.push((list.to_vec(), index.clone()));
            index
        });
        Matcher {
            index,
            near_cache: HashMap::new(),
        }
    }
}

impl Index {
    fn new(list: &[OrgName]) -> Index {
        let mut orgs = Vec::new();
        let mut names: HashMap<String, Vec<Name>, FastBuild> = HashMap::default();
        let mut targets = Vec::new();
        let mut name_words: HashSet<String, FastBuild> = HashSet::default();
        for (org, o) in list.iter().enumerate() {
            let mut official = vec![lower(o.canonical.trim())];
            official.extend(o.names.first().map(|n| lower(n.trim())));
            orgs.push(Org {
                canonical: o.canonical.clone(),
                official,
            });
            let mut all: Vec<&String> = o.names.iter().collect();
            all.push(&o.canonical);
            let mut seen = HashSet::new();
            for written in all {
                let tokens: Vec<String> = words(written).map(|w| lower(w.text)).collect();
                if tokens.is_empty() || !seen.insert(tokens.clone()) {
                    continue;
                }
                name_words.insert(tokens.concat());
                name_words.extend(tokens.iter().cloned());
                if tokens.len() == 1 && written.chars().count() >= 4 {
                    let chars: Vec<char> = tokens[0].chars().collect();
                    let wordlike = written.chars().any(char::is_lowercase) || chars.len() >= 8;
                    targets.push(Target {
                        org,
                        chars,
                        wordlike,
                    });
                }
                names.entry(tokens[0].clone()).or_default().push(Name {
                    org,
                    written: written.trim().to_string(),
                    tokens,
                });
            }
        }
        for list in names.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.tokens.len()));
        }
        Index {
            orgs,
            names,
            targets,
            name_words,
        }
    }
}

impl Matcher {
    /// Whether a lowercase word is, or is part of, a known name.
    pub(crate) fn is_name_word(&self, w: &str) -> bool {
        self.index.name_words.contains(w)
    }

    /// Whether a whole line is a known name.
    pub(crate) fn is_name(&self, s: &str) -> bool {
        let tokens: Vec<String> = words(s).map(|w| lower(w.text)).collect();
        tokens
            .first()
            .and_then(|t| self.index.names.get(t))
            .is_some_and(|list| list.iter().any(|n| n.tokens == tokens))
    }

    pub(crate) fn canonical(&self, org: usize) -> &str {
        self.index
            .orgs
            .get(org)
            .map_or("", |o| o.canonical.as_str())
    }

    fn exact(&self, text: &str, lowered: &str, ws: &[Word], i: usize) -> Option<(usize, usize)> {
        let w = ws.get(i)?;
        let list = self.index.names.get(lowered.get(w.start..w.end)?)?;
        let mut found: Option<(usize, usize)> = None;
        for name in list {
            let n = name.tokens.len();
            let Some(span) = ws.get(i..i + n) else {
                continue;
            };
            if found.is_some_and(|(_, len)| len > n) {
                break;
            }
            let same = span
                .iter()
                .zip(&name.tokens)
                .all(|(w, t)| same_lowercase(w.text, t))
                && span.windows(2).all(|p| {
                    text.get(p[0].end..p[1].start)
                        .is_some_and(|g| g.chars().count() <= 3 && !g.contains('\n'))
                });
            if !same || !case_fits(&name.written, span) {
                continue;
            }
            match found {
                // Two organisations share the name: it identifies neither.
                Some((org, len)) if len == n && org != name.org => return None,
                Some(_) => {}
                None => found = Some((name.org, n)),
            }
        }
        found
    }

    fn near(&mut self, token: &str) -> Option<usize> {
        // Only capitalised words and acronyms can be names.
        if !token.starts_with(char::is_uppercase) {
            return None;
        }
        if let Some(hit) = self.near_cache.get(token) {
            return *hit;
        }
        let hit = self.find_near(token);
        self.near_cache.insert(token.to_string(), hit);
        hit
    }

    fn find_near(&self, token: &str) -> Option<usize> {
        let chars: Vec<char> = token.chars().collect();
        let n = chars.len();
        let caps =
            chars.iter().any(|c| c.is_alphabetic()) && !chars.iter().any(|c| c.is_lowercase());
        let capitalised = chars.first().is_some_and(|c| c.is_uppercase())
            && chars.iter().skip(1).all(|c| c.is_lowercase());
        let eligible = (caps && (3..=12).contains(&n) && !NOT_NAMES.contains(&token))
            || (capitalised && (5..=20).contains(&n));
        if !eligible {
            return None;
        }
        let lowered: Vec<char> = lower(token).chars().collect();
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for t in &self.index.targets {
            if !caps && !t.wordlike {
                continue;
            }
            let limit = if n.min(t.chars.len()) >= 9 { 2 } else { 1 };
            if n.abs_diff(t.chars.len()) > limit || inflected(&lowered, &t.chars) {
                continue;
            }
            let Some(d) = edit_distance_within(&lowered, &t.chars, limit) else {
                continue;
            };
            if d == 0 {
                continue;
            }
            match best {
                Some((bd, org)) if d == bd && org != t.org => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, t.org));
                    tie = false;
                }
            }
        }
        if tie { None } else { best.map(|(_, org)| org) }
    }

    /// Every organisation named in `text`, in order.
    pub(crate) fn scan(&mut self, text: &str) -> Vec<Hit> {
        let ws: Vec<Word> = words(text).collect();
        // Lowered once: `lower` keeps every offset, so each word's lowercase
        // form is a slice of it.
        let lowered = lower(text);
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(w) = ws.get(i) {
            if let Some((org, n)) = self.exact(text, &lowered, &ws, i) {
                let end = ws.get(i + n - 1).map_or(w.end, |l| l.end);
                out.push(Hit {
                    start: w.start,
                    end,
                    org,
                    how: How::Exact,
                });
                i += n;
                continue;
            }
            if let Some(org) = self.near(w.text) {
                out.push(Hit {
                    start: w.start,
                    end: w.end,
                    org,
                    how: How::Near,
                });
            }
            i += 1;
        }
        out
    }

    /// The distinct mentions in order of first appearance; mentions by
    /// another name than the organisation's own are noted in `warnings`.
    pub(crate) fn mentions(&mut self, text: &str, warnings: &mut Vec<String>) -> Vec<OrgMention> {
        let mut out: Vec<OrgMention> = Vec::new();
        let mut seen = HashSet::new();
        for hit in self.scan(text) {
            let Some(mention) = text.get(hit.start..hit.end) else {
                continue;
            };
            let canonical = self.canonical(hit.org).to_string();
            if !seen.insert((mention.to_string(), hit.org)) {
                continue;
            }
            if let Some(w) = self.warning(mention, hit) {
                warnings.push(w);
            }
            out.push(OrgMention {
                mention: mention.to_string(),
                canonical,
            });
        }
        out
    }

    fn warning(&self, mention: &str, hit: Hit) -> Option<String> {
        let org = self.index.orgs.get(hit.org)?;
        let l = lower(mention);
        if hit.how == How::Exact && org.official.contains(&l) {
            return None;
        }
        let chars: Vec<char> = l.chars().collect();
        let close = org
            .official
            .iter()
            .any(|o| edit_distance(&chars, &o.chars().collect::<Vec<_>>()) <= 2);
        Some(if hit.how == How::Near || close {
            format!("\"{mention}\" read as {}", org.canonical)
        } else {
            format!("\"{mention}\" read as {} (a known alias)", org.canonical)
        })
    }

    /// Canonical names of the organisations in `text`, each once, in order.
    pub(crate) fn canonicals_in(&mut self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for hit in self.scan(text) {
            let c = self.canonical(hit.org).to_string();
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// Short names must match as written or in capitals ("C40", "CoM" but not
/// "com"); longer ones may differ in case but must start with a capital,
/// so "metropolis" as a common noun is not Metropolis.
fn case_fits(written: &str, span: &[Word]) -> bool {
    let Some(first) = span.first() else {
        return false;
    };
    if span.len() == 1 && written.chars().count() <= 3 {
        return first.text == written || first.text == written.to_uppercase();
    }
    let starts = first.text.chars().next();
    starts.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || written.starts_with(char::is_lowercase)
}

/// Whether `token` is `name` with an inflected ending rather than a typo.
fn inflected(token: &[char], name: &[char]) -> bool {
    let keep = name.len().saturating_sub(2);
    if keep < 4 || token.len() < keep || token[..keep] != name[..keep] {
        return false;
    }
    let ending: String = token[keep..].iter().collect();
    let name_ending: String = name[keep..].iter().collect();
    ending != name_ending && ENDINGS.contains(&ending.as_str())
}

/// Phrases after which a membership's other party is named: "medlemskap
/// i", "representant i", "member of the", "join the".
const MEMBERSHIP_LEADS: &[&str] = &[
    "medlemskap i ",
    "medlem i ",
    "medlem av ",
    "medlemmer av ",
    "representant i ",
    "representanter i ",
    "ansluta sig till ",
    "ansluter sig till ",
    "utträde ur ",
    "udmeldelse af ",
    "utmelding av ",
    "utmelding fra ",
    "melde seg inn i ",
    "meldte seg inn i ",
    "tilslutning til ",
    "membership of the ",
    "membership of ",
    "member of the ",
    "members of the ",
    "join the ",
    "joining the ",
    "rejoin the ",
    "withdraw from the ",
    "representative on the ",
    "representatives on the ",
];

/// Small words that may stand inside an organisation's name ("Mayors for
/// Peace", "Covenant of Mayors"); not "i", after which a place follows.
const NAME_JOINERS: &[&str] = &["of", "for", "and", "&", "och", "og", "–", "-", "on"];

/// Organisations the catalogue does not know, named after a phrase of
/// membership ("representant i Skandinavisk Triangel", "member of the
/// County Councils' Network"): two to eight words, the first and last
/// capitalised, not a body of the council's own. Each is its own canonical
/// name, with a warning that it is not in the catalogue.
pub(crate) fn unknown_members(
    text: &str,
    known: &[OrgMention],
    warnings: &mut Vec<String>,
) -> Vec<OrgMention> {
    let l = super::words::lower(text);
    let mut out: Vec<OrgMention> = Vec::new();
    // Each lead that begins a word.
    let found: Vec<(usize, &str)> = super::words::occurrences(&l, MEMBERSHIP_LEADS)
        .into_iter()
        .filter(|&(k, _)| {
            l.get(k..)
                .is_some_and(|r| r.starts_with(char::is_alphabetic))
                && l.get(..k)
                    .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace))
        })
        .collect();
    for (at, lead) in found {
        let from = at + lead.len();
        // The name ends with its line: "Membership of Local Government
        // Association" above "Cabinet considered …" is one line.
        let Some(rest) = text.get(from..).and_then(|r| r.lines().next()) else {
            continue;
        };
        let mut words: Vec<&str> = Vec::new();
        for w in rest.split_whitespace().take(8) {
            let bare = w.trim_end_matches(['.', ',', ';', ':', ')']);
            let capital = bare.starts_with(|c: char| c.is_uppercase());
            if capital || (!words.is_empty() && NAME_JOINERS.contains(&bare)) {
                words.push(bare);
            } else {
                break;
            }
            if bare.len() != w.len() {
                break;
            }
        }
        while words.last().is_some_and(|w| NAME_JOINERS.contains(w)) {
            words.pop();
        }
        if words.len() < 2 {
            continue;
        }
        let name = words.join(" ");
        let lowered = super::words::lower(&name);
        let known_already = known.iter().chain(out.iter()).any(|k| {
            let m = super::words::lower(&k.mention);
            lowered.contains(&m) || m.contains(&lowered)
        });
        // "member of the Local Authority", "member of the Planning
        // Committee": a council's own kind of body, not a network.
        let own_kind = lowered.rsplit(' ').next().is_some_and(|last| {
            matches!(
                last,
                "authority"
                    | "council"
                    | "committee"
                    | "board"
                    | "panel"
                    | "cabinet"
                    | "executive"
                    | "party"
                    | "group"
                    | "nämnd"
                    | "styrelse"
                    | "udvalg"
                    | "utvalg"
                    | "utval"
            )
        });
        if known_already || own_kind || super::sections::body_name(&name).is_some() {
            continue;
        }
        warnings.push(format!(
            "\"{name}\" is not in the catalogue: add it to the register if the council is a member"
        ));
        out.push(OrgMention {
            mention: name.clone(),
            canonical: name,
        });
    }
    out
}

/// An acronym in capitals, two to eight letters: "CPMR", "NSPA".
fn is_acronym(w: &str) -> bool {
    (2..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Names spelt out with their acronym in brackets, whose capitalised words'
/// initials make the acronym: "Conference of Peripheral Maritime Regions
/// (CPMR)". Each as (the name and its bracket as written, the acronym).
fn spelt_out(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|r| r.find('(')) {
        let open = from + k;
        from = open + 1;
        let Some(close) = text.get(open..).and_then(|r| r.find(')')).map(|c| open + c) else {
            break;
        };
        let acronym = &text[open + 1..close];
        if !is_acronym(acronym) {
            continue;
        }
        // The words before the bracket, back to as many capitals as the
        // acronym has letters, small joining words between them.
        // Eight words of a name fit in the 200 bytes before the bracket.
        let mut from_byte = open.saturating_sub(200);
        while !text.is_char_boundary(from_byte) {
            from_byte += 1;
        }
        let before = &text[from_byte..open];
        let mut capitals = 0;
        let mut start = None;
        for (at, w) in words(before)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map(|w| (w.start, &before[w.start..w.end]))
        {
            if w.starts_with(|c: char| c.is_uppercase()) {
                capitals += 1;
                start = Some(at);
                if capitals == acronym.len() {
                    break;
                }
            } else if !NAME_JOINERS.contains(&w) {
                break;
            }
        }
        let Some(start) = start.filter(|_| capitals == acronym.len()) else {
            continue;
        };
        let initials: String = before[start..]
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .filter_map(|w| w.chars().next())
            .collect();
        // A person's initials ("Neil Jones (NJ)"), a council's own
        // ("Chichester District Council (CDC)") or a university's
        // ("Blekinge Tekniska Högskola (BTH)") are no network's.
        let name = lower(&before[start..]);
        let networkish = name
            .split_whitespace()
            .any(|w| NETWORK_NOUNS.iter().any(|n| w.starts_with(n)));
        let own = name
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "council" | "committee" | "authority" | "board"));
        if initials == acronym && acronym.len() >= 3 && networkish && !own {
            out.push((&text[from_byte + start..=close], acronym));
        }
    }
    out
}

/// Words that networks of cities and regions have in their names.
const NETWORK_NOUNS: &[&str] = &[
    "conference",
    "association",
    "network",
    "commission",
    "union",
    "alliance",
    "forum",
    "federation",
    "covenant",
    "partnership",
    "assembly",
    "organisation",
    "organization",
    "league",
    "coalition",
    "cities",
    "regions",
    "municipalities",
    "mayors",
    "councils",
    "förbund",
    "nätverk",
    "netværk",
    "nettverk",
];

/// Words after an acronym that say it names a network: "NSPA-verkoston
/// ohjausryhmään", "NSPA-nätverket".
const NETWORK_WORDS: &[&str] = &["-verkosto", "-nätverk", "-netværk", "-nettverk", "-network"];

/// Organisations the catalogue does not know that a text names in full
/// with their acronym, or as an acronym's network; and the catalogue's
/// near misses that were such an acronym ("CPMR" is not a misspelt CEMR
/// where the text spells it out). Each new one comes with a warning.
pub(crate) fn named_in_full(
    text: &str,
    known: &mut Vec<OrgMention>,
    warnings: &mut Vec<String>,
) -> Vec<OrgMention> {
    let mut out: Vec<OrgMention> = Vec::new();
    // (as written, its acronym, its canonical name): a name spelt out is
    // known by that name, "North Sea Commission (NSC)" as "North Sea
    // Commission"; an acronym alone by the acronym.
    let mut found: Vec<(String, String, String)> = spelt_out(text)
        .into_iter()
        .map(|(m, a)| {
            let name = m.rsplit_once(" (").map_or(m, |(n, _)| n);
            (m.to_string(), a.to_string(), name.to_string())
        })
        .collect();
    // Each hyphen that a network's word follows, and the capitals before it.
    for at in memchr::memchr_iter(b'-', text.as_bytes()) {
        let rest = &text[at..];
        if !NETWORK_WORDS.iter().any(|n| rest.starts_with(n)) {
            continue;
        }
        let before = &text[..at];
        let start = before
            .rfind(|c: char| !c.is_ascii_uppercase())
            .map_or(0, |k| k + 1);
        let acronym = &before[start..];
        let word_start = before[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if word_start && is_acronym(acronym) && !NOT_NAMES.contains(&acronym) {
            found.push((
                acronym.to_string(),
                acronym.to_string(),
                acronym.to_string(),
            ));
        }
    }
    for (mention, acronym, canonical) in found {
        // A near miss of the catalogue that the text says is another body.
        let misread = |k: &OrgMention| k.mention == acronym && k.canonical != acronym;
        if known.iter().any(misread) {
            known.retain(|k| !misread(k));
            let note = format!("\"{acronym}\" read as ");
            warnings.retain(|w| !w.starts_with(&note));
        }
        let lowered = lower(&mention);
        let known_already = known.iter().chain(out.iter()).any(|k| {
            let m = lower(&k.mention);
            lowered.contains(&m) || m.contains(&lowered)
        });
        if known_already {
            continue;
        }
        warnings.push(format!(
            "\"{canonical}\" is not in the catalogue: add it to the register if the council is a member"
        ));
        out.push(OrgMention { mention, canonical });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case_parse::catalogue_names;

    fn read(text: &str) -> (Vec<(String, String)>, Vec<String>) {
        let mut m = Matcher::new(&catalogue_names());
        let mut w = Vec::new();
        let found = m
            .mentions(text, &mut w)
            .into_iter()
            .map(|o| (o.mention, o.canonical))
            .collect();
        (found, w)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn names_acronyms_and_aliases() {
        let (found, warnings) = read(
            "Staden är med i EUROCITIES, Metropolis, UCLG:s styrelse, C40-nätverket och Eurocities igen.",
        );
        assert_eq!(
            found,
            pairs(&[
                ("EUROCITIES", "EUROCITIES"),
                ("Metropolis", "Metropolis"),
                ("UCLG", "UCLG"),
                ("C40", "C40"),
                ("Eurocities", "EUROCITIES"),
            ])
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let (found, warnings) = read("United Cities and Local Governments och ECLG samt SKL");
        assert_eq!(
            found,
            pairs(&[
                ("United Cities and Local Governments", "UCLG"),
                ("ECLG", "UCLG"),
                ("SKL", "SKR")
            ])
        );
        assert_eq!(warnings, ["\"ECLG\" read as UCLG", "\"SKL\" read as SKR"]);
    }

    #[test]
    fn near_misses_are_read_with_a_warning() {
        let (found, warnings) = read("Medlemskapet i EUROCITES och Metroplis och ICLIE.");
        assert_eq!(
            found,
            pairs(&[
                ("EUROCITES", "EUROCITIES"),
                ("Metroplis", "Metropolis"),
                ("ICLIE", "ICLEI")
            ])
        );
        assert_eq!(warnings.len(), 3);
        assert!(warnings[0].contains("\"EUROCITES\" read as EUROCITIES"));
    }

    #[test]
    fn ordinary_words_stay_words() {
        let text = "Staden MED KS och PM, SLK, (MP), metropolis, Metropoler, Metropolen, com, Com, \
                    Klimat, Sverige, ÄRENDET, BEREDNING, STEN NORDIN, Stadsledningskontoret, Energi, Staden.";
        let (found, warnings) = read(text);
        assert!(found.is_empty(), "{found:?}");
        assert!(warnings.is_empty());
    }

    #[test]
    fn longest_name_wins() {
        let (found, _) = read(
            "the Global Covenant of Mayors for Climate & Energy and the Covenant of Mayors – Europe",
        );
        assert_eq!(
            found,
            pairs(&[
                ("Global Covenant of Mayors for Climate & Energy", "GCoM"),
                ("Covenant of Mayors – Europe", "CoM")
            ])
        );
    }
}
