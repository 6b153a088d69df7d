//! Members and their parties, read from a position's introduction:
//! "Reservation anfördes av Emilia Hagberg och Stefan Nilsson (båda MP)",
//! "Anna Ek (M), Bo Lind (L) och Cilla Berg (C)", "Councillor Jane Smith (Green)".
//! A party group applies to every name listed before it since the previous group.

use super::Person;
use super::words::{lower, prefix};

/// Where a position's own introduction ends and a reference to another
/// position begins; names after it belong to that other position.
pub(crate) const REFERENCE_PHRASES: &[&str] = &[
    "med hänvisning till",
    "med hänvisning",
    "hänvisar till",
    "instämmer i",
    "with reference to",
    "by reference to",
    "referring to",
    "refers to",
    "in support of",
];

const QUANTIFIERS: &[&str] = &["båda", "bägge", "alla", "samtliga", "both", "all"];

const ENGLISH_PARTIES: &[&str] = &[
    // Members outside any party: Danish, Norwegian, Swedish, English.
    "løsgænger",
    "uden for partierne",
    "uavhengig",
    "partiløs",
    "politisk vilde",
    "independent",
    "green",
    "greens",
    "green party",
    "labour",
    "labour co-op",
    "lab",
    "conservative",
    "conservatives",
    "con",
    "liberal",
    "liberal democrat",
    "liberal democrats",
    "lib dem",
    "lib dems",
    "independent",
    "ind",
    "reform",
    "reform uk",
    "plaid cymru",
    "social democrat",
    "social democrats",
    "christian democrat",
    "christian democrats",
    "left",
    "left party",
    "centre",
    "centre party",
    "moderate",
    "moderates",
];

const PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "af", "la", "di", "da", "el", "al", "bin", "ibn", "du", "le", "ten",
    "ter",
];

/// Words that stand before names but are not names.
const TITLES: &[&str] = &[
    "borgarrådet",
    "borgarråden",
    "borgarråd",
    "kommunalrådet",
    "kommunalråden",
    "oppositionsrådet",
    "oppositionsråden",
    "ledamoten",
    "ledamöterna",
    "ledamot",
    // Finland-Swedish "fullm." (fullmäktigeledamot), Finnish "valtuutettu".
    "fullm",
    "fullmäktigeledamoten",
    "valtuutettu",
    "jäsen",
    "ersättaren",
    "ersättarna",
    "ordföranden",
    "ordförande",
    "vice",
    "councillor",
    "councillors",
    "cllr",
    "cllrs",
    "mayor",
    "deputy",
    "alderman",
    "mr",
    "mrs",
    "ms",
    "dr",
    "the",
    "reservation",
    "reservationer",
    "särskilt",
    "särskilda",
    "dissent",
    "statement",
    "special",
    "mot",
    "jag",
    "vi",
    "och",
    "item",
    "protokollsanteckning",
    "ersättaryttrande",
    "member",
    "members",
];

/// Words after which a list of names starts when no party is given.
const NAME_LEADS: &[&str] = &["av", "by", "från", "from", "of"];

/// Verbs of moving that Nordic word order may put before their mover
/// ("föreslog Jere Riikonen att …"); a list of names starts after them too.
pub(crate) const INVERTED_MOTION_VERBS: &[&str] = &[
    "föreslog",
    "yrkade",
    "foreslo",
    "foreslog",
    "fremmet",
    "fremma",
    "fremsatte",
    "stillede",
];

fn is_title(w: &str) -> bool {
    TITLES.contains(&lower(w.trim_end_matches([':', '.', ','])).as_str())
}

/// Party abbreviations that the letter rule below does not take: Norway's
/// Frp, KrF and Rødt, Finland's four-letter KESK, VIHR and LIIK.
const OTHER_PARTIES: &[&str] = &["frp", "krf", "rødt", "mdg", "kesk", "vihr", "liik", "sfp"];

/// Parties named in full, as minutes name a party that moved something:
/// "Sverigedemokraterna har i motion …", "Enhedslisten ønskede følgende
/// bemærkning tilført …".
const PARTY_NAMES: &[&str] = &[
    // Sweden
    "socialdemokraterna",
    "moderaterna",
    "sverigedemokraterna",
    "centerpartiet",
    "vänsterpartiet",
    "kristdemokraterna",
    "liberalerna",
    "miljöpartiet",
    "miljöpartiet de gröna",
    "folkpartiet",
    "feministiskt initiativ",
    // Denmark
    "socialdemokratiet",
    "socialdemokraterne",
    "venstre",
    "det konservative folkeparti",
    "konservative",
    "de konservative",
    "enhedslisten",
    "dansk folkeparti",
    "socialistisk folkeparti",
    "radikale venstre",
    "det radikale venstre",
    "liberal alliance",
    "alternativet",
    "nye borgerlige",
    // Norway
    "arbeiderpartiet",
    "høyre",
    "fremskrittspartiet",
    "senterpartiet",
    "sosialistisk venstreparti",
    "kristelig folkeparti",
    "miljøpartiet de grønne",
    "rødt",
    // Finland
    "kokoomus",
    "vihreät",
    "perussuomalaiset",
    "vasemmistoliitto",
    "keskusta",
    "svenska folkpartiet",
    // United Kingdom
    "the labour group",
    "the conservative group",
    "the liberal democrat group",
    "the green group",
];

/// Whether `s` is a party or its group named in full, and nothing else.
pub(crate) fn is_party_name(s: &str) -> bool {
    let l = lower(s.trim().trim_end_matches([',', ':']));
    PARTY_NAMES.contains(&l.as_str()) || council_group(&l)
}

/// Words for a party's group in a council.
const GROUPS: &[&str] = &[
    "valtuustoryhmä",
    "valtuustoryhmän",
    "fullmäktigegrupp",
    "fullmäktigegruppen",
    "byrådsgruppe",
    "kommunestyregruppe",
    "gruppe",
    "group",
];

/// Parties' names in the Finnish genitive, which is not the name with an
/// ending added.
const FINNISH_GENITIVES: &[&str] = &[
    "keskustan",
    "kokoomuksen",
    "vihreiden",
    "perussuomalaisten",
    "vasemmistoliiton",
    "sdp:n",
    "rkp:n",
    "kristillisdemokraattien",
];

/// A party's group in the council, its name in the genitive: "Keskustan
/// valtuustoryhmä", "Centerpartiets fullmäktigegrupp".
fn council_group(l: &str) -> bool {
    let Some((party, group)) = l.rsplit_once(' ') else {
        return false;
    };
    GROUPS.contains(&group)
        && (FINNISH_GENITIVES.contains(&party)
            || party
                .strip_suffix('s')
                .is_some_and(|p| PARTY_NAMES.contains(&p)))
}

/// The parties named in full that open `text` as its subject:
/// "Socialdemokraterna, Sverigedemokraterna och Liberalerna yrkade …".
pub(crate) fn opening_parties(text: &str) -> Vec<Person> {
    const JOINERS: &[&str] = &["och", "og", "and", "ja", "samt"];
    // The subject: the words up to the first in small letters that joins
    // no list ("yrkade").
    let subject: Vec<&str> = text
        .split_whitespace()
        .take(30)
        .take_while(|w| {
            !w.starts_with(char::is_lowercase) || JOINERS.contains(w) || GROUPS.contains(w)
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for piece in split_list(&subject.join(" ")) {
        let piece = piece.trim();
        if !is_party_name(piece) {
            return Vec::new();
        }
        names.push(piece.to_string());
    }
    names
        .into_iter()
        .map(|name| Person { name, party: None })
        .collect()
}

/// Who a position's opening names after its lead: "(Stillet af
/// Socialdemokraterne, Det Radikale Venstre og Socialistisk Folkeparti)",
/// "Ændringsforslag fra C-gruppen:", "PROPOSED by Councillor J F Kerr
/// Seconded by …", "… the amendment proposed by Councillor R.C. Bithell,
/// …". Names, parties or groups, each as written; none where what follows
/// the lead is not such a list.
pub(crate) fn movers_after_lead(text: &str) -> Vec<Person> {
    const LEADS: &[&str] = &[
        "stillet af ",
        "forslag fra ",
        "forslag frå ",
        "proposed by ",
        "moved by ",
    ];
    let head = prefix(text, 300);
    let l = lower(head);
    let Some((at, lead)) = LEADS
        .iter()
        .filter_map(|w| l.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)
        // The lead opens the position ("Ændringsforslag fra …"), or names
        // an amendment's mover ("… the amendment proposed by …").
        .filter(|(at, _)| *at <= 15 || l[..*at].ends_with("amendment "))
    else {
        return Vec::new();
    };
    let rest = &head[at + lead.len()..];
    // The list ends at a bracket, a colon, a seconder, or a word in small
    // letters that joins nothing ("på vegne av …", "the minutes be …").
    let mut words: Vec<&str> = Vec::new();
    for w in rest.split_whitespace() {
        let bare = w.trim_end_matches([')', ':', ',', ';']);
        let l = lower(bare);
        if l == "seconded"
            || (bare.starts_with(char::is_lowercase)
                && !matches!(l.as_str(), "og" | "and" | "och" | "ja"))
        {
            break;
        }
        words.push(w);
        if bare.len() != w.len() && !w.ends_with(',') {
            break;
        }
    }
    let segment = words.join(" ");
    let segment = segment.trim_end_matches([')', ':', ',', ';', '.']);
    let mut out = Vec::new();
    // Danish, Norwegian and Finnish join the last name with "og"/"ja".
    let segment = segment.replace(" og ", ", ").replace(" ja ", ", ");
    for piece in split_list(&segment) {
        let mut ws: Vec<&str> = piece.split_whitespace().collect();
        while ws.first().is_some_and(|w| is_title(w)) {
            ws.remove(0);
        }
        let name = ws.join(" ");
        let named = is_party_name(&name)
            || (name.ends_with("-gruppen") && name.starts_with(char::is_uppercase))
            || (!ws.is_empty()
                && ws.len() <= 4
                && ws.iter().all(|w| {
                    is_name_word(w)
                        || w.split('.').all(|i| {
                            i.is_empty() || (i.len() == 1 && i.starts_with(char::is_uppercase))
                        })
                }));
        // "Forslag fra Gottschal, Mdg på vegne av …": the mover's party
        // after the name.
        if is_party(&name)
            && let Some(last) = out
                .last_mut()
                .filter(|p: &&mut Person| p.party.is_none() && !is_party(&p.name))
        {
            last.party = Some(name);
            continue;
        }
        if !named {
            return Vec::new();
        }
        out.push(Person { name, party: None });
    }
    out
}

/// Parties in brackets that open a position with no member named:
/// "(SD) yrkade …", "Samtliga ledamöter … tillhörande (S) och (MP)
/// reserverar sig …". Each party stands for its members.
pub(crate) fn bracketed_parties(text: &str) -> Vec<Person> {
    parties_in(prefix(own_part(text), 100))
        .into_iter()
        .map(|p| Person {
            name: p.clone(),
            party: Some(p),
        })
        .collect()
}

/// A Finnish mover in the genitive before the word for a proposal:
/// "… Jussi Halla-ahon ehdotuksesta", "… totesi Kati Särmön ehdottaneen".
/// The name as written: consonant gradation ("Mäki", "Mäen") makes the
/// nominative unsafe to guess.
pub(crate) fn finnish_mover(text: &str) -> Option<Person> {
    let l = lower(prefix(text, 400));
    let at = ["ehdotuksesta", "ehdottaneen", "ehdotuksen"]
        .iter()
        .filter_map(|w| l.find(w))
        .min()?;
    let name = trailing_name(text.get(..at)?)?;
    Some(Person { name, party: None })
}

/// Whether `s` opens with a party named in full: "Enhedslisten ønskede …".
pub(crate) fn starts_with_party_name(s: &str) -> bool {
    // Most lines open with no party's first word: rule them out cheaply.
    let Some(first) = s.split_whitespace().next() else {
        return false;
    };
    if !first.starts_with(char::is_uppercase) {
        return false;
    }
    let first = lower(first.trim_end_matches([',', ':']));
    static FIRST_WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let first_words = FIRST_WORDS.get_or_init(|| {
        PARTY_NAMES
            .iter()
            .filter_map(|p| p.split(' ').next())
            .collect()
    });
    // A council group's party in the genitive: "Keskustan", "Centerpartiets".
    let genitive = FINNISH_GENITIVES.contains(&first.as_str())
        || first
            .strip_suffix('s')
            .is_some_and(|p| PARTY_NAMES.contains(&p));
    if !first_words.contains(first.as_str()) && !genitive {
        return false;
    }
    let ws: Vec<&str> = s.split_whitespace().take(4).collect();
    (1..=ws.len()).any(|n| is_party_name(&ws[..n].join(" ")))
}

fn is_party(p: &str) -> bool {
    let l = lower(p);
    if ENGLISH_PARTIES.contains(&l.as_str()) || OTHER_PARTIES.contains(&l.as_str()) {
        return true;
    }
    let chars: Vec<char> = p.chars().collect();
    // Swedish party abbreviations: "S", "MP", "KD", "Fi".
    (1..=3).contains(&chars.len())
        && chars.iter().all(|c| c.is_alphabetic())
        && chars[0].is_uppercase()
        && (chars.iter().all(|c| c.is_uppercase()) || chars.len() == 2)
}

/// The parties in a bracket's contents: "MP", "båda MP", "M, L och C".
fn parse_group(inner: &str) -> Option<Vec<String>> {
    let mut t = inner.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    for q in QUANTIFIERS {
        if let Some(rest) = lower(t).strip_prefix(&format!("{q} ")) {
            t = t.get(t.len() - rest.len()..)?.trim();
            break;
        }
    }
    let mut joined = t.to_string();
    for sep in [" och ", " and ", " & ", " samt ", "/"] {
        joined = joined.replace(sep, ",");
    }
    let parties: Vec<String> = joined
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (!parties.is_empty() && parties.iter().all(|p| is_party(p))).then_some(parties)
}

/// Bracketed party groups with their byte ranges.
fn groups(text: &str) -> Vec<(usize, usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|r| r.find('(')).map(|o| o + from) {
        let Some(close) = text.get(open..).and_then(|r| r.find(')')).map(|c| c + open) else {
            break;
        };
        if let Some(parties) = text.get(open + 1..close).and_then(parse_group) {
            out.push((open, close + 1, parties));
        }
        from = close + 1;
    }
    out
}

pub(crate) fn has_party_group(text: &str) -> bool {
    !groups(prefix(text, 600)).is_empty()
}

/// Every party named in brackets in `text`.
pub(crate) fn parties_in(text: &str) -> Vec<String> {
    groups(text).into_iter().flat_map(|(_, _, p)| p).collect()
}

pub(crate) fn is_name_word(w: &str) -> bool {
    // An initial: "J." in "Cllr J. Smith".
    let mut initial = w.chars();
    if let (Some(c), Some('.'), None) = (initial.next(), initial.next(), initial.next())
        && c.is_uppercase()
    {
        return true;
    }
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Whether `s` is a member's title and name: "Fullm. Mika Helva",
/// "Councillor Jane Smith", "Ledamoten Thomas Wallgren".
pub(crate) fn titled_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let titles = words.iter().take_while(|w| is_title(w)).count();
    // British minutes name a member by title and surname: "Councillor Blair".
    let surname = words.len() == titles + 1 && words.last().is_some_and(|w| is_name_word(w));
    titles > 0 && (surname || just_a_name(&words[titles..].join(" ")))
}

/// Whether `s` names a titled member after a short lead and before a
/// seconder: "At this juncture Councillor Catherine Bowman, seconded by
/// Councillor Tim McNally,".
pub(crate) fn titled_name_after_lead(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // "Under Council Procedure Rule 12(c) Councillor J Robinson moved …";
    // "Following notice given by Councillor West in terms of Standing
    // Order 24, Councillor West, seconded by …": any title of the lead.
    words
        .iter()
        .enumerate()
        .take(25)
        .filter(|(_, w)| is_title(w))
        .any(|(from, _)| {
            let rest = words[from..].join(" ");
            let own = rest.split(',').next().unwrap_or("");
            let own = own.split(" seconded by").next().unwrap_or(own);
            titled_name(own)
        })
}

/// Whether `text` opens with a member's title and name: "Fullm. Mika
/// Helva föreslog, …".
pub(crate) fn starts_with_titled_name(text: &str) -> bool {
    // Checked on every line: most do not open with a title at all.
    if !text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() <= 24 && is_title(w))
    {
        return false;
    }
    let words: Vec<&str> = prefix(text, 120).split_whitespace().collect();
    let titles = words.iter().take_while(|w| is_title(w)).count();
    // "Mr A Booth": British minutes write an initial without its stop.
    let initial = |w: &str| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase());
    titles > 0
        && words[titles..]
            .iter()
            .take_while(|w| {
                let w = w.trim_end_matches([',', ':']);
                is_name_word(w) || initial(w)
            })
            .count()
            >= 2
}

/// Whether `s` is a name and nothing else: "Jussi Halla-aho".
pub(crate) fn just_a_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
}

/// The run of capitalised words at the end of `piece`, without leading titles.
pub(crate) fn trailing_name(piece: &str) -> Option<String> {
    let tokens: Vec<&str> = piece.split_whitespace().collect();
    let mut run: Vec<&str> = Vec::new();
    for (k, tok) in tokens.iter().enumerate().rev() {
        let tok = if k + 1 == tokens.len() {
            tok.trim_end_matches([':', ';'])
        } else {
            tok
        };
        if is_name_word(tok) || (!run.is_empty() && PARTICLES.contains(&tok)) {
            run.push(tok);
        } else {
            break;
        }
    }
    run.reverse();
    name_from_run(run, false)
}

fn name_from_run(mut run: Vec<&str>, mut titled: bool) -> Option<String> {
    while run.first().is_some_and(|w| is_title(w)) {
        run.remove(0);
        titled = true;
    }
    while run.first().is_some_and(|w| PARTICLES.contains(w)) {
        run.remove(0);
    }
    (run.len() >= 2 || (run.len() == 1 && titled)).then(|| run.join(" "))
}

fn split_list(seg: &str) -> Vec<String> {
    let mut s = seg.to_string();
    for sep in [" och ", " and ", " & ", " samt ", ";"] {
        s = s.replace(sep, ",");
    }
    s.split(',').map(str::to_string).collect()
}

/// The text before a reference to another position, at most a few hundred bytes.
pub(crate) fn own_part(text: &str) -> &str {
    let zone = prefix(text, 600);
    let l = lower(zone);
    let cut = REFERENCE_PHRASES
        .iter()
        .filter_map(|p| l.find(p))
        .min()
        .unwrap_or(zone.len());
    zone.get(..cut).unwrap_or(zone)
}

/// The members named in a position's introduction, each once: "bifall
/// till Roland Karlssons yrkande" names Roland Karlsson, already listed.
pub(crate) fn extract(text: &str) -> Vec<Person> {
    let mut people = extract_from(own_part(text));
    let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
    let mut seen: Vec<String> = Vec::new();
    people.retain(|p| {
        let genitive = p
            .name
            .strip_suffix('s')
            .or_else(|| p.name.strip_suffix("'s"))
            .or_else(|| p.name.strip_suffix("’s"))
            .is_some_and(|base| names.iter().any(|n| n == base));
        let again = seen.contains(&p.name);
        seen.push(p.name.clone());
        !genitive && !again
    });
    people
}

/// The members named in `zone`, all of it.
pub(crate) fn extract_from(zone: &str) -> Vec<Person> {
    let zone = prefix(zone, 600);
    let mut out = Vec::new();
    let mut from = 0;
    for (start, end, parties) in groups(zone) {
        let seg = zone.get(from..start).unwrap_or("");
        from = end;
        let mut names = Vec::new();
        for piece in split_list(seg).iter().rev() {
            match trailing_name(piece) {
                Some(n) => names.push(n),
                None if piece.trim().is_empty() && names.is_empty() => {}
                None => break,
            }
        }
        names.reverse();
        let shared = parties.join(", ");
        for (k, name) in names.iter().enumerate() {
            let party = if parties.len() == names.len() {
                parties[k].clone()
            } else if parties.len() == 1 {
                parties[0].clone()
            } else {
                shared.clone()
            };
            out.push(Person {
                name: name.clone(),
                party: Some(party),
            });
        }
    }
    if out.is_empty() {
        out = without_parties(zone);
    }
    out
}

/// Names with no party given: after "av"/"by" or a title, or opening the text.
fn without_parties(zone: &str) -> Vec<Person> {
    let tokens: Vec<&str> = zone.split_whitespace().take(80).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut listing = false;
    while i < tokens.len() {
        let before = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .map(|t| lower(t));
        let led = i == 0
            || listing
            || before.as_deref().is_some_and(|b| {
                (NAME_LEADS.contains(&b) || INVERTED_MOTION_VERBS.contains(&b)) || is_title(b)
            });
        let mut j = i;
        let mut run = Vec::new();
        while let Some(tok) = tokens.get(j) {
            // An initial keeps its full stop: "A." in "Councillor A. Byrne".
            let initial =
                tok.len() == 2 && tok.ends_with('.') && tok.starts_with(char::is_uppercase);
            let word = if initial {
                tok
            } else {
                tok.trim_end_matches([',', '.', ':', ';'])
            };
            // "Proposed by Councillor A. Byrne Seconded by …" on one line.
            // "Amendment No. 1 proposed by …" names the motion, not a member.
            if matches!(
                word,
                "Seconded" | "Proposed" | "Moved" | "Supported" | "Amendment" | "Motion"
            ) {
                break;
            }
            // "Mr A Booth": an initial without its stop, after a title and
            // before the surname.
            let bare_initial = led
                && run.is_empty()
                && word.len() == 1
                && word.bytes().all(|b| b.is_ascii_uppercase())
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| is_name_word(n.trim_end_matches([',', '.', ':', ';'])));
            if is_name_word(word) || bare_initial || (!run.is_empty() && PARTICLES.contains(&word))
            {
                run.push(word);
                j += 1;
                if word.len() != tok.len() {
                    break;
                }
            } else {
                break;
            }
        }
        if run.is_empty() {
            listing = listing && matches!(tokens[i], "och" | "and" | "&");
            i += 1;
            continue;
        }
        let titled = before.as_deref().is_some_and(is_title);
        // "Councillor Catherine Bowman, seconded by …": a title leads its name.
        let led = led || is_title(run[0]);
        // The seconder is no mover: "seconded by Councillor Tim McNally".
        let seconder = i >= 2
            && matches!(
                (lower(tokens[i - 2]).as_str(), lower(tokens[i - 1]).as_str()),
                ("seconded", "by") | ("understödd", "av") | ("støttet", "af" | "av")
            )
            || (i >= 3
                && lower(tokens[i - 3]) == "seconded"
                && lower(tokens[i - 2]) == "by"
                && is_title(tokens[i - 1]));
        let ended_with_comma = tokens.get(j - 1).is_some_and(|t| t.ends_with(','));
        match name_from_run(run, titled) {
            Some(_) if seconder => listing = false,
            Some(name) if led => {
                out.push(Person { name, party: None });
                listing = ended_with_comma
                    || tokens
                        .get(j)
                        .is_some_and(|t| matches!(*t, "och" | "and" | "&"));
            }
            _ => listing = false,
        }
        i = j;
    }
    out
}

/// Whether a paragraph opens with a member's name and party, as under a
/// "Reservationer" heading: "Anna Ek (V): …" or "Anna Ek (V) anser …".
pub(crate) fn starts_with_person(text: &str) -> bool {
    let zone = prefix(text, 200);
    // Checked on every line: most stop at their first or second word.
    let mut run = Vec::new();
    for tok in zone.split_whitespace() {
        let word = tok.trim_end_matches([',', ':']);
        if is_name_word(word) || (!run.is_empty() && PARTICLES.contains(&word)) {
            run.push(word);
            if word.len() != tok.len() {
                break;
            }
        } else {
            break;
        }
    }
    let Some(name) = name_from_run(run, false) else {
        return false;
    };
    let after = zone.find(&name).map_or(zone.len(), |p| p + name.len());
    let rest = zone.get(after..).unwrap_or("").trim_start();
    rest.starts_with(':')
        || rest.starts_with(',')
        || (rest.starts_with('(') && has_party_group(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        extract(text)
            .into_iter()
            .map(|p| (p.name, p.party))
            .collect()
    }

    fn p(name: &str, party: &str) -> (String, Option<String>) {
        (name.to_string(), Some(party.to_string()))
    }

    #[test]
    fn nordic_party_letters() {
        for p in [
            "Ø",
            "A",
            "Ap",
            "Frp",
            "KrF",
            "SV",
            "MDG",
            "Rødt",
            "KOK",
            "SDP",
            "KESK",
            "VIHR",
            "RKP",
            "løsgænger",
        ] {
            assert!(is_party(p), "{p}");
        }
        assert!(!is_party("UCLG") && !is_party("Kommunen"));
        assert!(has_party_group("Kari Nordmann (Frp) fremmet forslag"));
    }

    #[test]
    fn swedish_introductions() {
        assert_eq!(
            names("Reservation anfördes av borgarrådet Per Bolund (MP) enligt följande."),
            [p("Per Bolund", "MP")]
        );
        assert_eq!(
            names(
                "Särskilt uttalande gjordes av Karin Wanngård, Roger Mogert och Tomas Rudin (alla S) enligt följande."
            ),
            [
                p("Karin Wanngård", "S"),
                p("Roger Mogert", "S"),
                p("Tomas Rudin", "S")
            ]
        );
        assert_eq!(
            names(
                "Reservation anfördes av Emilia Hagberg och Stefan Nilsson (båda MP) med hänvisning till reservationen av (MP) i borgarrådsberedningen."
            ),
            [p("Emilia Hagberg", "MP"), p("Stefan Nilsson", "MP")]
        );
        assert_eq!(
            names("Reservation anfördes av Ann-Margarethe Livh (V)."),
            [p("Ann-Margarethe Livh", "V")]
        );
    }

    #[test]
    fn several_groups_and_shared_groups() {
        assert_eq!(
            names("Anna Ek (M), Bo Lind (L) och Cilla Berg (C) reserverar sig."),
            [p("Anna Ek", "M"), p("Bo Lind", "L"), p("Cilla Berg", "C")]
        );
        assert_eq!(
            names("Särskilt yttrande av Anna Ek, Bo Lind och Cilla Berg (M, L och C)."),
            [p("Anna Ek", "M"), p("Bo Lind", "L"), p("Cilla Berg", "C")]
        );
        assert_eq!(
            names("Mot beslutet reserverar sig Lena von Platen (samtliga Fi)"),
            [p("Lena von Platen", "Fi")]
        );
    }

    #[test]
    fn english_and_no_party() {
        assert_eq!(
            names("Councillor Jane Smith (Green) asked that her dissent be recorded."),
            [p("Jane Smith", "Green")]
        );
        assert_eq!(
            names("Cllr J. Smith (Lab) dissented."),
            [p("J. Smith", "Lab")]
        );
        assert_eq!(
            names("Councillor Jane Smith asked that her dissent be recorded."),
            [("Jane Smith".to_string(), None)]
        );
        assert_eq!(
            names("Reservation anfördes av Anna Ek och Bo Lind enligt följande."),
            [("Anna Ek".to_string(), None), ("Bo Lind".to_string(), None)]
        );
    }

    #[test]
    fn brackets_that_are_not_parties() {
        assert!(
            names("Analysen avser United Cities and Local Governments (UCLG) och (bilaga).")
                .is_empty()
        );
        assert_eq!(parties_in("reservationen av (MP) i beredningen"), ["MP"]);
    }

    #[test]
    fn paragraphs_opening_with_a_member() {
        assert!(starts_with_person("Anna Andersson (V): Vi anser att"));
        assert!(starts_with_person("Anna Andersson (V) anser att"));
        assert!(!starts_with_person("Porto Alegre är en stad."));
        assert!(!starts_with_person("Vi anser att"));
    }

    fn movers(text: &str) -> Vec<String> {
        movers_after_lead(text)
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn movers_named_after_a_lead() {
        assert_eq!(
            movers(
                "(Stillet af Socialdemokraterne, Det Radikale Venstre og Socialistisk Folkeparti)"
            ),
            [
                "Socialdemokraterne",
                "Det Radikale Venstre",
                "Socialistisk Folkeparti"
            ]
        );
        assert_eq!(
            movers("Ændringsforslag fra C-gruppen: Svømmehallen holdes åben."),
            ["C-gruppen"]
        );
        assert_eq!(
            movers("PROPOSED by Councillor J F Kerr Seconded by Councillor J Crawford, and"),
            ["J F Kerr"]
        );
        assert_eq!(
            movers(
                "That subject to the amendment proposed by Councillor R.C. Bithell, the minutes be approved."
            ),
            ["R.C. Bithell"]
        );
        let skien =
            movers_after_lead("Forslag fra Gottschal, Mdg på vegne av SV, Sp, KrF, Ap og MdG");
        assert_eq!(skien.len(), 1);
        assert_eq!(
            (skien[0].name.as_str(), skien[0].party.as_deref()),
            ("Gottschal", Some("Mdg"))
        );
        // No list of names after the lead, or the lead too far in.
        assert!(movers("The report was proposed by the Chairman and agreed.").is_empty());
        assert!(movers("Byrådet godkendte med 20 stemmer mod 5 det ændringsforslag fra Venstre, som blev stillet i udvalget.").is_empty());
    }

    #[test]
    fn finnish_movers_parties_in_brackets_and_council_groups() {
        let finn = |t: &str| finnish_mover(t).map(|p| p.name);
        assert_eq!(
            finn("Kaupunginhallitus päätti panna asian pöydälle Daniel Sazonovin ehdotuksesta."),
            Some("Daniel Sazonovin".to_string())
        );
        assert_eq!(
            finn("Puheenjohtaja totesi Kati Särmön ehdottaneen, että asia palautetaan."),
            Some("Kati Särmön".to_string())
        );
        let parties =
            |t: &str| -> Vec<String> { bracketed_parties(t).into_iter().map(|p| p.name).collect() };
        assert_eq!(
            parties("Samtliga ledamöter tillhörande (S) och (MP) reserverar sig skriftligt."),
            ["S", "MP"]
        );
        assert_eq!(
            opening_parties("Keskustan valtuustoryhmä teki aloitteen.")
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>(),
            ["Keskustan valtuustoryhmä"]
        );
    }
}
