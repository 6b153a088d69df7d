//! Reservations and statements: where each starts and ends, in which body it
//! was made, who made it and which earlier position it refers to.
//!
//! A position starts with an introduction ("Reservation anfördes av …",
//! "Anna Ek (V) reserverar sig …", "Councillor Jane Smith (Green) asked that
//! her dissent be recorded") or with a paragraph opening with a member's name
//! under a heading such as "Särskilt yttrande". It runs on while its
//! introduction promised more ("… enligt följande.", "…:") and ends at the
//! next heading or introduction.

use super::paragraphs::{Para, ParaKind};
use super::points::List;
use super::sections::{Heading, body_at_start, body_name, classify};
use super::text::Line;
use super::words::{
    capitalise, contains_any, find_phrase, lower, prefix, starts_upper, starts_with_phrase,
};
use super::{Person, Position, PositionKind, persons};

/// A position's paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub(crate) kind: PositionKind,
    pub(crate) body: Option<String>,
    /// Paragraph indices, inclusive.
    pub(crate) first: usize,
    pub(crate) last: usize,
}

use PositionKind::{Motion, Note, Reservation, Statement};

/// Openings that introduce a position by themselves.
const OPENINGS: &[(&str, PositionKind)] = &[
    ("reservation anförd*", Reservation),
    ("reservation av", Reservation),
    ("reservation från", Reservation),
    ("reservation lämnad*", Reservation),
    ("reservation gjord*", Reservation),
    ("reservation:", Reservation),
    ("reservationer:", Reservation),
    ("reservation (", Reservation),
    ("reservation by", Reservation),
    ("reservation entered", Reservation),
    ("dissent*", Reservation),
    ("särskilt uttalande", Statement),
    ("särskilda uttalanden", Statement),
    ("särskilt yttrande", Statement),
    ("särskilda yttranden", Statement),
    ("särskilt protokollsuttalande", Statement),
    ("protokollsanteckning*", Note),
    ("protokolbemærkning*", Note),
    ("protokoltilførsel*", Note),
    ("protokolltilførsel*", Note),
    ("yrkande från", Motion),
    // "Efter yrkande från Filip Reinhag kompletteras texten …"
    ("efter yrkande från", Motion),
    ("efter yrkande av", Motion),
    ("på yrkande från", Motion),
    ("på yrkande av", Motion),
    ("amendment on behalf of", Motion),
    // Danish: "(Stillet af Socialdemokraterne, …)" names who moved it.
    ("(stillet af", Motion),
    ("deemed motion", Motion),
    ("motion on behalf of", Motion),
    ("vastaehdotus", Motion),
    ("yrkande av", Motion),
    ("amendment moved by", Motion),
    // "As an amendment, Councillor Robertson seconded by Councillor Roach
    // moved that …", also inside a paragraph after the motion it amends.
    ("as an amendment, councillor", Motion),
    ("as an amendment, cllr", Motion),
    // "The following motion was proposed by Councillor Bell and seconded by …"
    ("the following motion was proposed by", Motion),
    ("the following motion was moved by", Motion),
    ("the following amendment was proposed by", Motion),
    ("the following amendment was moved by", Motion),
    ("motion proposed by", Motion),
    // "It was proposed by Councillor J. Gildea, seconded by …, and RESOLVED"
    ("it was proposed by", Motion),
    ("it was moved by", Motion),
    // "The report was formally moved by Councillor Byers and formally seconded …"
    ("the report was moved by", Motion),
    ("the report was formally moved by", Motion),
    ("the recommendations were moved by", Motion),
    ("the recommendations were formally moved by", Motion),
    // Irish minutes: "Proposed by Councillor M. Lyons" / "Seconded by …".
    ("proposed by councillor", Motion),
    ("proposed by cllr", Motion),
    ("moved by councillor", Motion),
    ("moved by cllr", Motion),
    ("motion moved by", Motion),
    // "On the proposition of Councillor Paddy Bracken and unanimously agreed …"
    ("on the proposition of", Motion),
    // "On the PROPOSAL of Cllr. Crosby"
    ("on the proposal of", Motion),
    ("upon the proposition of", Motion),
    ("on the motion of", Motion),
    ("approved on the motion of", Motion),
    ("agreed on the motion of", Motion),
    ("adopted on the motion of", Motion),
    ("noted on the motion of", Motion),
    ("upon the motion of", Motion),
    // Norwegian and Danish: "Forslag fra Gottschal, Mdg på vegne av SV …".
    ("forslag fra", Motion),
    ("budsjettforslag fra", Motion),
    ("endringsforslag fra", Motion),
    ("ændringsforslag fra", Motion),
    ("tilleggsforslag fra", Motion),
    // Nynorsk: "Tilleggsforslag frå H", "Endringsforslag frå Ap".
    ("forslag frå", Motion),
    ("endringsforslag frå", Motion),
    ("tilleggsforslag frå", Motion),
    ("dissens*", Reservation),
    ("mindretalsudtalelse*", Reservation),
    ("ersättaryttrande*", Statement),
    ("special statement*", Statement),
    ("statement for the record", Statement),
    ("statement by", Statement),
    ("statement of", Statement),
    ("statement from", Statement),
    ("minority statement", Statement),
    ("joint statement", Statement),
];

/// Where a verb of moving stands right before a member's name (two to four
/// capitalised words, perhaps with a party in brackets) that goes on in
/// lower case, within the paragraph's opening.
fn inverted_mover(text: &str) -> Option<usize> {
    let head = prefix(text, 300);
    let words: Vec<(usize, &str)> = head
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - head.as_ptr() as usize, w))
        .collect();
    words.iter().enumerate().find_map(|(k, (at, w))| {
        if k == 0 || !persons::INVERTED_MOTION_VERBS.contains(&lower(w).as_str()) {
            return None;
        }
        let name: Vec<&str> = words[k + 1..]
            .iter()
            .map(|(_, w)| *w)
            .take_while(|w| persons::is_name_word(w) && !w.ends_with(['.', ',']))
            .take(4)
            .collect();
        let after = words.get(k + 1 + name.len()).map(|(_, w)| *w)?;
        let goes_on = after.starts_with(char::is_lowercase) || after.starts_with('(');
        ((2..=4).contains(&name.len()) && goes_on).then_some(*at)
    })
}

/// Phrases that introduce a position when a member is named before them.
const PHRASES: &[(&str, PositionKind)] = &[
    ("reserverar sig", Reservation),
    ("reserverade sig", Reservation),
    ("reserverar vi oss", Reservation),
    ("reserverar jag mig", Reservation),
    ("reserverar oss", Reservation),
    ("anmäler reservation", Reservation),
    ("anmälde reservation", Reservation),
    ("lämnar reservation", Reservation),
    ("lämnade reservation", Reservation),
    ("reservation", Reservation),
    ("dissent*", Reservation),
    // "Mr A Booth stated that he did not support the proposed decision and
    // asked that this be recorded in the minutes."
    ("asked that this be recorded", Reservation),
    ("särskilt yttrande", Statement),
    ("särskilda yttrande*", Statement),
    ("särskilt uttalande", Statement),
    ("särskilda uttalande*", Statement),
    ("protokollsanteckning*", Note),
    ("till protokollet", Note),
    ("protokolbemærkning*", Note),
    ("til protokollen", Note),
    // "Enhedslisten ønskede følgende bemærkning tilført beslutningsprotokollen:"
    ("bemærkning tilført", Note),
    ("bemærkning ført til", Note),
    ("bemerkning tilført", Note),
    ("bemerkning ført", Note),
    ("protokolltilførsel*", Note),
    ("til protokollet", Note),
    ("yrkar", Motion),
    // Finland-Swedish: "Ledamoten Jussi Halla-aho understödd av … föreslog att …".
    ("understödd av", Motion),
    ("ehdotuksesta", Motion),
    ("föreslog", Motion),
    // "Ordførar Knut Harald Frøland (Bl) foreslo at …"
    ("foreslo", Motion),
    // "… puheenjohtaja totesi Kati Särmön ehdottaneen …"
    ("ehdottaneen", Motion),
    // "Minna Sneck framförde De Grönas fullmäktigegrupps förslag"
    ("framförde", Motion),
    // "Sverigedemokraterna har i motion till regionfullmäktige föreslagit …"
    ("har i motion", Motion),
    ("har i en motion", Motion),
    ("har i sin motion", Motion),
    ("ændringsforslag*", Motion),
    ("endringsforslag*", Motion),
    ("jätti eriävän mielipiteen", Reservation),
    // "Mika Flöjt ilmoitti jättävänsä eriävän mielipiteen päätökseen."
    ("ilmoitti jättävänsä eriävän mielipiteen", Reservation),
    // Finland-Swedish: "Juha Elo anmälde avvikande mening."
    ("anmälde avvikande mening", Reservation),
    ("avvikande åsikt", Reservation),
    ("lämnade avvikande mening", Reservation),
    ("lämnade en protokollsanteckning", Note),
    ("ehdotti", Motion),
    // "Raul Lehto esitti Jukka Söderholmin kannattamana, että …"
    ("esitti", Motion),
    ("eriävä mielipide", Reservation),
    ("yrkade", Motion),
    ("moved as an amendment", Motion),
    // "Cllr Anne Robertson put forward an amendment …".
    ("put forward an amendment", Motion),
    ("put forward a motion", Motion),
    // "Councillor Neville moved and Councillor Lamprecht seconded a proposal".
    ("moved", Motion),
    ("proposed the recommendation*", Motion),
    ("proposed the motion", Motion),
    // "Cllr J Brennan proposed Cllr MH Cavanagh as Cathaoirleach".
    ("proposed cllr", Motion),
    ("proposed councillor", Motion),
    ("proposed himself", Motion),
    ("proposed herself", Motion),
    // "Mr Dignum proposed Mrs Hamilton.": a nomination.
    ("proposed mr", Motion),
    ("proposed mrs", Motion),
    ("proposed ms", Motion),
    ("moved an amendment", Motion),
    ("moved the following amendment", Motion),
    ("stillede ændringsforslag", Motion),
    ("stillede forslag", Motion),
    ("fremsatte ændringsforslag", Motion),
    ("fremmet forslag", Motion),
    // "Alf Terje Mortensen, FRP, gjorde slikt framlegg: …"
    ("gjorde slikt framlegg", Motion),
    ("gjorde følgjande framlegg", Motion),
    ("gjorde slikt forslag", Motion),
    ("fremmet slikt forslag", Motion),
    ("fremmet følgende forslag", Motion),
    ("fremmet endringsforslag", Motion),
    ("dissens*", Reservation),
    ("tog forbehold", Reservation),
    ("ersättaryttrande", Statement),
    ("special statement", Statement),
    ("statement for the record", Statement),
    ("statement to be recorded", Statement),
    ("statement be recorded", Statement),
    ("made a statement", Statement),
];

/// Phrases that name their member right before them, wherever they stand.
const TIGHT: &[&str] = &["understödd av", "ehdotuksesta", "ehdottaneen", "esitti"];

/// Every opening and phrase contains one of these.
const STEMS: &[&str] = &[
    "be recorded",
    "stemte imod",
    "stemte mot",
    "röstade emot",
    "voted against",
    "reserv",
    "dissen",
    "särskil",
    "protokol",
    "ersättaryttrande",
    "statement",
    "yrka",
    "amendment",
    "forslag",
    "framlegg",
    "forbehold",
    "mindretal",
    "motion",
    "eriäv",
    "vastaehdotus",
    "ehdot",
    "esitti",
    "stillet",
    "moved",
    "proposed the",
    "proposed by",
    "put forward a",
    "proposition of",
    "proposal of",
    "proposed cllr",
    "proposed councillor",
    "proposed him",
    "proposed her",
    "proposed m",
    "moved by",
    "understödd",
    "föreslog",
    "foreslo",
    "framförde",
    "fremme",
    "fremsatte",
    "stillede",
    "bemærkning",
    "bemerkning",
    "avvikande mening",
    "avvikande åsikt",
    "aloitte",
];

/// How a paragraph may begin when members are named after the phrase.
const LEADS: &[&str] = &[
    "mot beslutet",
    "mot detta beslut",
    "ledamot",
    "ledamöterna",
    "councillor",
    "cllr",
];

/// A line cut before each sentence in it that opens a member's position
/// ("… I omröstningen förlorade Juha Elos förslag. Juha Elo föreslog att
/// detaljplanen förkastas. Juha Elo anmälde avvikande mening."), so that
/// each position starts a paragraph of its own as positions usually do.
pub(crate) fn split_position_sentences(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let t = line.text.as_str();
        if line.furniture || t.len() > 2000 || !t.contains(". ") {
            out.push(line);
            continue;
        }
        let cuts: Vec<usize> = t
            .match_indices(". ")
            .map(|(k, _)| k + 2)
            .filter(|&k| {
                let rest = &t[k..];
                rest.starts_with(char::is_uppercase)
                    && (((persons::starts_with_person(rest) || starts_with_bare_name(rest))
                        && intro_kind(rest).is_some())
                        // "… fastställs. Efter yrkande från Filip Reinhag kompletteras …"
                        || starts_like_intro(rest)
                        // "… föreslog Jere Riikonen att ärendet återremitteras.
                        // Stadsfullmäktige beslutade efter omröstning …": the
                        // body's decision after a position is no part of it.
                        || (body_at_start(rest).is_some()
                            && super::points::reports_decision(prefix(rest, 300))
                            && intro_kind(&t[..k]).is_some()))
            })
            .collect();
        if cuts.is_empty() {
            out.push(line);
            continue;
        }
        let mut from = 0;
        for (n, &cut) in cuts.iter().chain(std::iter::once(&t.len())).enumerate() {
            let piece = t[from..cut].trim();
            if !piece.is_empty() {
                out.push(Line {
                    text: piece.to_string(),
                    blanks_before: if n == 0 { line.blanks_before } else { 2 },
                    after_break: n == 0 && line.after_break,
                    furniture: false,
                });
            }
            from = cut;
        }
    }
    out
}

/// "Juha Elo föreslog …": two or three capitalised words and then a
/// lowercase one.
fn starts_with_bare_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(4).collect();
    let names = words
        .iter()
        .take_while(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        .count();
    (2..=3).contains(&names)
        && words
            .get(names)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// Whether a line opens the way a position's introduction does.
pub(crate) fn starts_like_intro(line: &str) -> bool {
    // "(Stillet af Enhedslisten)" under a member's proposal.
    if !starts_upper(line.strip_prefix('(').unwrap_or(line)) {
        return false;
    }
    let l = lower(prefix(line, 40));
    // "Särskilt yttrande" alone is a heading, not an introduction.
    OPENINGS.iter().any(|(o, _)| starts_with_phrase(&l, o)) && classify(line, &|_| false).is_none()
}

/// The kind of position a paragraph introduces, and whether its text goes
/// on in the following paragraphs.
pub(crate) fn intro_kind(text: &str) -> Option<(PositionKind, bool)> {
    // Most paragraphs are running text: rule them out before the work below.
    let head = lower(prefix(text, 400));
    if !contains_any(&head, STEMS) {
        return None;
    }
    let own = persons::own_part(text);
    let l = lower(prefix(own, 400));
    // Most paragraphs are running text: rule them out cheaply.
    if !contains_any(&l, STEMS) {
        return None;
    }
    // A vote page's time of the vote in front: "14:52 Forslag fra …".
    let opening = super::paragraphs::without_clock_time(&l);
    let mut found: Option<(usize, PositionKind)> = OPENINGS
        .iter()
        .find(|(o, _)| starts_with_phrase(opening, o))
        .map(|(_, k)| (0, *k));
    // "At the meeting of the Council held on 25 September 2024, the
    // following motion was moved by Councillor Greenan, …": the opening
    // after a clause that says when.
    if found.is_none() {
        found = OPENINGS
            .iter()
            .filter(|(o, _)| o.starts_with("the following "))
            .find_map(|(o, k)| {
                find_phrase(&l, o)
                    .filter(|&at| at < 150 && l[..at].trim_end().ends_with(','))
                    .map(|at| (at, *k))
            });
    }
    // "Amendment No. 1 proposed by Councillor Joe Costello and seconded
    // by …": a numbered amendment with its mover.
    // So is "The following amendment had been proposed by Councillor …",
    // "A further Notice of Motion was submitted by Cllr …".
    // "Approval of the minute as a correct record was moved by Councillor
    // Blair seconded by …": what was moved, then its mover.
    if found.is_none()
        && let Some(at) = find_phrase(&l, "was moved by").filter(|&at| at < 120)
        && persons::titled_name_after_lead(own.get(at + "was moved by".len()..).unwrap_or(""))
    {
        found = Some((at, Motion));
    }
    // "The minutes … were approved on the proposal of Alderman Coyle,
    // seconded by …": the outcome, then its mover.
    if found.is_none()
        && let Some((at, lead)) = [
            "on the proposal of",
            "on the proposition of",
            "on the motion of",
        ]
        .iter()
        .find_map(|p| find_phrase(&l, p).map(|at| (at, *p)))
        .filter(|&(at, _)| at < 200)
        && persons::titled_name_after_lead(own.get(at + lead.len()..).unwrap_or(""))
    {
        found = Some((at, Motion));
    }
    if found.is_none()
        && l.split_whitespace()
            .take(5)
            .any(|w| w.starts_with("amendment") || w.starts_with("motion"))
        && ["proposed by", "moved by", "submitted by"].iter().any(|w| {
            // "Motions Moved by Notice" is the kind of motion, not its mover.
            find_phrase(&l, w)
                .is_some_and(|at| at < 70 && !l[at + w.len()..].trim_start().starts_with("notice"))
        })
    {
        found = Some((0, Motion));
    }
    if found.is_none() {
        for (phrase, kind) in PHRASES {
            let Some(at) = find_phrase(&l, phrase) else {
                continue;
            };
            let before = own.get(..at).unwrap_or("");
            // "ledamoten Thomas Wallgren understödd av …", "Jussi Halla-ahon
            // ehdotuksesta": these phrases bind to the name right before them.
            let bound = TIGHT.contains(phrase) && persons::trailing_name(before).is_some();
            let named = bound
                || persons::has_party_group(before)
                || persons::just_a_name(before)
                || persons::is_party_name(before)
                || persons::titled_name(before)
                || (at < 200 && persons::titled_name_after_lead(before))
                || (persons::starts_with_party_name(before) && at < 80)
                || LEADS.iter().any(|lead| l.starts_with(lead))
                || (persons::starts_with_person(text) && at < 200)
                // "Mr A Booth stated that he … asked that this be recorded".
                || (persons::starts_with_titled_name(text) && at < 200);
            if named && found.is_none_or(|(f, _)| at < f) {
                found = Some((at, *kind));
            }
        }
    }
    // "Keskustan valtuustoryhmä teki … aloitteen koskien …": a party's
    // group or a member who made an initiative, not one referred to
    // ("… katsoo valtuutettu Otto Meren aloitteen loppuun käsitellyksi").
    if found.is_none()
        && let Some(at) = ["aloitteen", "valtuustoaloitteen"]
            .iter()
            .find_map(|w| find_phrase(&l, w))
            .filter(|&at| at < 150)
        && l[..at].split_whitespace().take(4).any(|w| w == "teki")
        && (persons::starts_with_party_name(own) || persons::starts_with_person(own))
    {
        found = Some((at, Motion));
    }
    // "Lars Vilsen stemte imod forslaget, da han ikke kunne støtte …": a
    // member named alone who voted against and says why dissents. A
    // party's or a count's vote ("V og Solveig Ege Tengesdal (Krf) stemte
    // mot innstillingen, til sammen 3 stemmer") is no one's remark.
    if found.is_none() {
        found = dissent_with_grounds(own, &l).map(|at| (at, Reservation));
    }
    // "Under behandlingen av ärendet föreslog Jere Riikonen att …", "Da
    // fylkestinget behandlet saken, fremmet Svein Ørsnes (R) et
    // tilleggsforslag …": the verb before its mover, as Nordic word order
    // puts it after a lead clause.
    if found.is_none() {
        found = inverted_mover(own).map(|at| (at, Motion));
    }
    let (_, kind) = found?;
    // "Deemed motion on behalf of the Administration" heads the motion's
    // text ("That the report be adopted …") like a heading.
    let heads_its_text =
        kind == Motion && text.len() < 120 && !text.trim_end().ends_with(['.', '!', '?', ';', ')']);
    Some((kind, promises_more(text) || heads_its_text))
}

/// Where a member, named alone at the start, voted against and gave the
/// reason in the same sentence: where the verb stands.
fn dissent_with_grounds(own: &str, l: &str) -> Option<usize> {
    const VOTED_AGAINST: &[&str] = &["stemte imod", "stemte mot", "röstade emot", "voted against"];
    const BECAUSE: &[&str] = &[
        ", da ",
        ", idet ",
        " fordi ",
        ", eftersom ",
        " because ",
        ", as ",
        ", since ",
    ];
    let (at, verb) = VOTED_AGAINST
        .iter()
        .find_map(|v| find_phrase(l, v).map(|at| (at, *v)))?;
    let before = own.get(..at)?.trim();
    let named = persons::just_a_name(before) || persons::titled_name(before);
    let sentence_end = l[at..].find(". ").map_or(l.len(), |k| at + k);
    let grounds = BECAUSE
        .iter()
        .any(|b| l[at + verb.len()..sentence_end].contains(b));
    (named && at < 80 && grounds).then_some(at)
}

/// The proposers a vote page's heading lists by their parties' letters:
/// "14:52 Budsjettforslag fra H, KrF, MDG, INP, SV, R og V".
fn proposers_in_heading(text: &str) -> Vec<Person> {
    let line = text.lines().next().unwrap_or("").trim();
    let line = super::paragraphs::without_clock_time(line);
    let l = lower(line);
    let Some(at) = ["forslag fra ", "forslag frå "]
        .iter()
        .find_map(|lead| l.find(lead).map(|k| k + lead.len()))
    else {
        return Vec::new();
    };
    let list = line.get(at..).unwrap_or("");
    let parts: Vec<&str> = list
        .split(", ")
        .flat_map(|p| p.split(" og "))
        .map(str::trim)
        .collect();
    // Each a party's letters or short name; otherwise this is no list of them.
    let letters = |p: &&str| {
        (1..=5).contains(&p.chars().count())
            && p.starts_with(char::is_uppercase)
            && p.chars().all(char::is_alphabetic)
    };
    if parts.is_empty() || !parts.iter().all(letters) {
        return Vec::new();
    }
    parts
        .into_iter()
        .map(|p| Person {
            name: p.to_string(),
            party: None,
        })
        .collect()
}

/// Where no decision is written out but the minutes say a motion was
/// carried ("Medlemsforslaget blev godkendt", "deemed motion … CARRIED"),
/// the decision is that motion's text: the sentences after its
/// introduction, up to the one that reports the vote. Only when exactly
/// one motion is no amendment, so that it is clear which was carried.
pub(crate) fn carried_motion(positions: &[Position], text: &str) -> Option<Vec<super::Point>> {
    let chosen = adopted_by_name(positions, text).or_else(|| only_motion(positions))?;
    let mut lines = chosen.text.lines();
    let first = lines.next().unwrap_or("");
    // "AnnSofie Andersson, s: Motionen avslås." holds its proposal after the name.
    let own = first
        .split_once(": ")
        .filter(|(who, _)| who.len() < 60 && persons::starts_with_person(who))
        .map_or("", |(_, what)| what);
    let body = std::iter::once(own)
        .chain(lines)
        .collect::<Vec<_>>()
        .join(" ");
    let mut points = Vec::new();
    for sentence in super::decision::split_sentences(&body) {
        let sentence = sentence.trim();
        if reports_outcome(sentence) {
            break;
        }
        // A proposal's sentences end as sentences do; a list of the names
        // that voted for it does not.
        if sentence.chars().filter(|c| c.is_alphabetic()).count() < 4
            || !sentence.ends_with(['.', '!', ';'])
        {
            continue;
        }
        points.push(super::Point {
            number: u32::try_from(points.len() + 1).unwrap_or(u32::MAX),
            label: String::new(),
            text: sentence.to_string(),
        });
    }
    (!points.is_empty()).then_some(points)
}

/// The motion the chair found adopted: "… finner att kommunstyrelsen antar
/// AnnSofie Anderssons yrkande".
fn adopted_by_name<'p>(positions: &'p [Position], text: &str) -> Option<&'p Position> {
    const VERBS: &[&str] = &[
        "antar ",
        "bifaller ",
        "beslutat enligt ",
        "beslutar enligt ",
    ];
    let l = lower(text);
    let mut spans = Vec::new();
    for verb in VERBS {
        for (at, _) in l.match_indices(verb) {
            let after = &l[at + verb.len()..];
            if let Some(end) = after.find("yrkande").filter(|&e| e < 80) {
                spans.push(&after[..end]);
            }
        }
    }
    positions.iter().find(|p| {
        p.kind == Motion
            && p.persons.iter().any(|person| {
                let name = lower(&person.name);
                !name.is_empty() && spans.iter().any(|s| s.contains(&name))
            })
    })
}

/// The one motion that is no amendment, if there is exactly one.
fn only_motion(positions: &[Position]) -> Option<&Position> {
    const AMENDING: &[&str] = &[
        "amendment",
        "ændringsforslag",
        "endringsforslag",
        "ändringsyrkande",
        "tilläggsyrkande",
        "återremiss",
        "bordlägg",
    ];
    let mut motions = positions.iter().filter(|p| {
        let intro = lower(p.text.lines().next().unwrap_or(""));
        p.kind == Motion && !AMENDING.iter().any(|a| intro.contains(a))
    });
    let motion = motions.next()?;
    if motions.next().is_some() {
        return None;
    }
    Some(motion)
}

/// "… enligt följande.", "… as follows:", "…:" — the position's text follows.
fn promises_more(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let l = lower(t);
    let tail = l.get(l.len().saturating_sub(40)..).unwrap_or(&l);
    [
        "följande",
        "as follows",
        "following reasons",
        "the following",
    ]
    .iter()
    .any(|w| tail.contains(w))
}

/// A paragraph that says how a motion fared ("was put to the vote", "The
/// change was not agreed") is the minutes' record, not more of the motion.
/// Whether a paragraph's first sentence says how a motion fared; one that
/// goes on with the motion first is still the motion's.
fn opens_with_outcome(text: &str) -> bool {
    super::decision::split_sentences(text)
        .first()
        .is_some_and(|s| reports_outcome(s))
}

pub(crate) fn reports_outcome(text: &str) -> bool {
    let l = lower(prefix(text, 300));
    [
        "put to the vote",
        "vote was taken",
        "was carried",
        "was not carried",
        "was agreed",
        "was not agreed",
        "was lost",
        "was rejected",
        "til afstemning",
        "sattes under afstemning",
        "satt under avstemning",
        "votering",
        "omröstning",
        "proposition",
        "blev godkendt",
        "blev vedtaget",
        "blev forkastet",
        "ble vedtatt",
        "stemmer imod",
        "stemmer mot",
        "for stemte",
    ]
    .iter()
    .any(|w| l.contains(w))
}

fn says_none(text: &str) -> bool {
    let l = lower(prefix(text, 40));
    [
        "inga ",
        "ingen ",
        "none",
        "nil",
        "no dissent",
        "no statement",
        "inga.",
        "-",
        "–",
    ]
    .iter()
    .any(|w| l.starts_with(w))
}

/// Finds the positions' paragraphs.
pub(crate) fn blocks(paras: &[Para]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut body: Option<String> = None;
    let mut pending: Option<PositionKind> = None;
    let mut open: Option<(Block, bool)> = None;
    let close = |open: &mut Option<(Block, bool)>, out: &mut Vec<Block>| {
        if let Some((b, _)) = open.take() {
            out.push(b);
        }
    };
    for (i, para) in paras.iter().enumerate() {
        match &para.kind {
            ParaKind::Heading(h) => {
                close(&mut open, &mut out);
                pending = None;
                match h {
                    Heading::Body(b) => body = Some(b.clone()),
                    Heading::Position(k) => pending = Some(*k),
                    // "Yrkanden": each member's paragraph is a motion.
                    Heading::Motions => pending = Some(Motion),
                    _ => {}
                }
            }
            ParaKind::Item(_) => match open.as_mut() {
                // "The report was put to a vote and agreed." / "A. That …":
                // what follows the vote on a motion is what was decided.
                Some((b, _))
                    if b.kind == Motion
                        && super::decision::split_sentences(&paras[b.last].text)
                            .last()
                            .is_some_and(|s| {
                                reports_outcome(s) || lower(s).contains("put to a vote")
                            }) =>
                {
                    close(&mut open, &mut out);
                }
                Some((b, more)) if *more || b.last + 1 == i => b.last = i,
                // Grounds numbered from the start under a "Reservation"
                // heading: "1. Vi Sverigedemokrater reserverar oss …".
                None if pending.is_some() && !says_none(&para.text) => {
                    open = Some((
                        Block {
                            kind: pending.unwrap_or(Reservation),
                            body: body.clone(),
                            first: i,
                            last: i,
                        },
                        true,
                    ));
                }
                _ => close(&mut open, &mut out),
            },
            ParaKind::Text => {
                let start = |kind, more| {
                    Some((
                        Block {
                            kind,
                            body: body.clone(),
                            first: i,
                            last: i,
                        },
                        more,
                    ))
                };
                if let Some((kind, more)) = intro_kind(&para.text) {
                    close(&mut open, &mut out);
                    open = start(kind, more);
                } else if let Some(kind) = pending
                    && !says_none(&para.text)
                    && (open.is_none() || persons::starts_with_person(&para.text))
                    // Under "Omröstning" or "Propositionsordning" only a
                    // member's own paragraph is a motion, not the procedure.
                    && (kind != Motion
                        || persons::starts_with_person(&para.text)
                        || persons::starts_with_party_name(&para.text)
                        || persons::has_party_group(prefix(&para.text, 80)))
                {
                    close(&mut open, &mut out);
                    open = start(kind, true);
                } else if let Some((b, true)) = open.as_mut()
                    && body_at_start(&para.text).is_none()
                    && !(b.kind == Motion && opens_with_outcome(&para.text))
                {
                    b.last = i;
                } else {
                    close(&mut open, &mut out);
                    if let Some(b) = body_at_start(&para.text) {
                        body = Some(b);
                    }
                }
            }
        }
    }
    close(&mut open, &mut out);
    out
}

/// The earlier position a referring introduction points at, e.g. "med
/// hänvisning till reservationen av (MP) i borgarrådsberedningen".
fn refers_to(intro: &str, earlier: &[Position]) -> Option<usize> {
    let l = lower(prefix(intro, 800));
    let (at, phrase) = persons::REFERENCE_PHRASES
        .iter()
        .filter_map(|p| find_phrase(&l, p).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)?;
    let target = prefix(intro.get(at + phrase.len()..)?, 300);
    let tl = lower(target);
    let kind = if ["reservation", "dissent"].iter().any(|w| tl.contains(w)) {
        Some(Reservation)
    } else if ["uttalande", "yttrande", "statement"]
        .iter()
        .any(|w| tl.contains(w))
    {
        Some(Statement)
    } else if ["protokollsanteckning", "protokolbemærkning"]
        .iter()
        .any(|w| tl.contains(w))
    {
        Some(Note)
    } else if ["yrkande", "amendment"].iter().any(|w| tl.contains(w)) {
        Some(Motion)
    } else {
        None
    };
    let parties = persons::parties_in(target);
    // A body named in several words ("the Mayors Committee") is not a person.
    let named_body = earlier
        .iter()
        .filter_map(|p| p.body.as_ref())
        .find(|b| tl.contains(&lower(b)))
        .cloned();
    let names: Vec<String> = persons::extract_from(target)
        .into_iter()
        .map(|p| p.name)
        .filter(|n| {
            named_body
                .as_ref()
                .is_none_or(|b| !lower(b).contains(&lower(n)))
        })
        .collect();
    let body = named_body.or_else(|| {
        target
            .split(|c: char| !c.is_alphanumeric())
            .find_map(|w| body_name(&capitalise(w)))
    });
    // "med hänvisning till att kostnaden inte är utredd" gives reasons, not a position.
    if kind.is_none() && parties.is_empty() && names.is_empty() && body.is_none() {
        return None;
    }
    // A reference points back a few positions at most; looking further only costs time.
    earlier
        .iter()
        .enumerate()
        .rev()
        .take(50)
        .find_map(|(idx, p)| {
            let fits = kind.is_none_or(|k| k == p.kind)
                && (parties.is_empty()
                    || p.persons
                        .iter()
                        .any(|x| x.party.as_ref().is_some_and(|y| parties.contains(y))))
                && (names.is_empty() || p.persons.iter().any(|x| names.contains(&x.name)))
                && body.as_ref().is_none_or(|b| p.body.as_ref() == Some(b));
            fits.then_some(idx)
        })
}

/// Builds the positions from their paragraphs and the lists inside them.
/// Who a position's opening paragraph names as its members: parties as
/// its subject, a motion's movers after its lead, members with their
/// parties, a Finnish mover in the genitive, parties in brackets, or the
/// parties a vote page's heading lists.
fn members(kind: PositionKind, text: &str) -> Vec<Person> {
    let parties = persons::opening_parties(text);
    if !parties.is_empty() {
        return parties;
    }
    if kind == Motion {
        let movers = persons::movers_after_lead(text);
        if !movers.is_empty() {
            return movers;
        }
    }
    let named = persons::extract(text);
    if !named.is_empty() {
        return named;
    }
    if let Some(mover) = persons::finnish_mover(text) {
        return vec![mover];
    }
    let bracketed = persons::bracketed_parties(text);
    if !bracketed.is_empty() {
        return bracketed;
    }
    proposers_in_heading(text)
}

pub(crate) fn build(paras: &[Para], blocks: &[Block], lists: &[List]) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::new();
    // Blocks and lists are both in text order: walk them together.
    let mut next_list = 0;
    for b in blocks {
        let Some(first) = paras.get(b.first) else {
            continue;
        };
        let text: Vec<&str> = paras
            .get(b.first..=b.last)
            .unwrap_or_default()
            .iter()
            .map(|p| p.full_text.as_str())
            .collect();
        while lists.get(next_list).is_some_and(|l| l.first < b.first) {
            next_list += 1;
        }
        let mut points = Vec::new();
        while let Some(l) = lists.get(next_list).filter(|l| l.last <= b.last) {
            points.extend(l.points.iter().cloned());
            next_list += 1;
        }
        // "6. I övrigt anförs följande:" numbers the reasons that follow; it
        // proposes nothing, so it is no counter-point.
        while points
            .last()
            .is_some_and(|p| p.text.trim_end().ends_with(':') && points.len() > 1)
        {
            points.pop();
        }
        let refers = refers_to(&first.text, &out);
        out.push(Position {
            kind: b.kind,
            body: b.body.clone(),
            persons: members(b.kind, &first.text),
            refers_to: refers,
            points,
            text: text.join("\n"),
        });
    }
    out
}

/// Whether a member's amendment is worded as `decided`: the decision took
/// its text ("… ändringsyrkande att förslaget ändras till: Förvaltningen
/// får i uppdrag …", and the decision "Förvaltningen får i uppdrag …").
pub(crate) fn amendment_worded(positions: &[Position], decided: &str) -> bool {
    const AMENDMENT: &[&str] = &[
        "ändringsyrkande",
        "ändringsförslag",
        "ændringsforslag",
        "endringsforslag",
        "amendment",
        "muutosehdotus",
    ];
    let decided = decided.trim().trim_end_matches('.');
    decided.chars().filter(|c| c.is_alphabetic()).count() >= 20
        && positions.iter().any(|p| {
            p.kind == Motion
                && AMENDMENT.iter().any(|w| lower(&p.text).contains(w))
                && p.text.contains(decided)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn introductions() {
        assert_eq!(
            intro_kind("Reservation anfördes av borgarrådet Per Bolund (MP) enligt följande."),
            Some((Reservation, true))
        );
        assert_eq!(
            intro_kind(
                "Särskilt uttalande gjordes av Karin Wanngård och Tomas Rudin (båda S) enligt följande."
            ),
            Some((Statement, true))
        );
        assert_eq!(
            intro_kind("Anna Ek (V) reserverar sig mot beslutet till förmån för eget förslag."),
            Some((Reservation, false))
        );
        assert_eq!(
            intro_kind("Cilla Berg (C) lämnar följande protokollsanteckning:"),
            Some((Note, true))
        );
        assert_eq!(
            intro_kind("Anna Andersson (V) yrkar att kommunstyrelsen beslutar följande:"),
            Some((Motion, true))
        );
        assert_eq!(
            intro_kind(
                "Councillor Jane Smith (Green) moved as an amendment that the membership be kept."
            ),
            Some((Motion, false))
        );
        assert_eq!(
            intro_kind("Pia Holm (EL) afgav følgende protokolbemærkning:"),
            Some((Note, true))
        );
        assert_eq!(
            intro_kind("Winnie Berndtson (løsgænger) stillede følgende ændringsforslag:"),
            Some((Motion, true))
        );
        assert_eq!(
            intro_kind(
                "Councillor Jane Smith (Green) asked that her dissent be recorded, for the following reasons:"
            ),
            Some((Reservation, true))
        );
        assert_eq!(
            intro_kind(
                "Councillor Tom Brown (Labour) made a statement for the record with reference to the dissent."
            ),
            Some((Statement, false))
        );
        assert_eq!(
            intro_kind("Staden har tidigare diskuterat en reservation."),
            None
        );
        assert_eq!(intro_kind("Närvarande: Anna Ek (S), Bo Lind (M)"), None);
    }

    #[test]
    fn intro_lines() {
        assert!(starts_like_intro(
            "Särskilt uttalande gjordes av borgarråden Karin Wanngård"
        ));
        assert!(!starts_like_intro("Särskilt yttrande"));
        assert!(!starts_like_intro("reservation anfördes"));
    }
}
