//! Headings and the names of the bodies that prepare and decide cases.
//! A heading line starts a new section: it ends a position's text and says
//! what the following lists are (an adopted decision, a proposal, motions).

use super::PositionKind;
use super::words::{find_phrase, lower, starts_upper, starts_with_phrase};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Heading {
    /// A body's own section, e.g. "Kommunstyrelsen".
    Body(String),
    /// "Reservationer", "Särskilt yttrande", "Protokollsanteckning", "Dissent".
    Position(PositionKind),
    /// "Beslut", "Decision": what follows was decided.
    Decision,
    /// "Förslag till beslut", "Recommendation": what follows was proposed.
    Proposal,
    /// "Yrkanden", "Omröstning": members' motions and votes.
    Motions,
    Other,
}

const POSITION_HEADINGS: &[(&str, PositionKind)] = &[
    ("reservation", PositionKind::Reservation),
    ("reservationer", PositionKind::Reservation),
    ("reservations", PositionKind::Reservation),
    ("dissent", PositionKind::Reservation),
    ("dissents", PositionKind::Reservation),
    ("dissenting opinion", PositionKind::Reservation),
    ("dissenting opinions", PositionKind::Reservation),
    ("särskilt yttrande", PositionKind::Statement),
    ("särskilda yttranden", PositionKind::Statement),
    ("särskilt uttalande", PositionKind::Statement),
    ("särskilda uttalanden", PositionKind::Statement),
    ("protokollsanteckning", PositionKind::Note),
    ("protokollsanteckningar", PositionKind::Note),
    ("protokolbemærkning", PositionKind::Note),
    ("protokolbemærkninger", PositionKind::Note),
    ("protokolltilførsel", PositionKind::Note),
    ("dissens", PositionKind::Reservation),
    ("ersättaryttrande", PositionKind::Statement),
    ("ersättaryttranden", PositionKind::Statement),
    ("statement", PositionKind::Statement),
    ("statements", PositionKind::Statement),
    ("special statement", PositionKind::Statement),
    ("special statements", PositionKind::Statement),
    ("statement for the record", PositionKind::Statement),
    ("statements for the record", PositionKind::Statement),
];

const DECISION_HEADINGS: &[&str] = &[
    // Danish, Norwegian, Finnish.
    "beslutning",
    "vedtak",
    "päätös",
    // CloudNC's decision record: "Päätöksen lisätiedot" under the proposal.
    "päätöksen lisätiedot",
    "beslut",
    "beslutet",
    "kommunstyrelsens beslut",
    "kommunfullmäktiges beslut",
    "nämndens beslut",
    "styrelsens beslut",
    "decision",
    "decisions",
    // Irish minutes: "Proposed by …", "Seconded by …", "AND AGREED", the decision.
    "and agreed",
    "and resolved",
    "it was agreed",
    "it was resolved",
    "record of the decision",
    "record of decision",
    "decision taken",
    "decisions taken",
    "resolved",
    "resolution",
    "resolutions",
    // Scottish minutes: "Decided:  that the minute be approved."
    "decided",
];

const PROPOSAL_HEADINGS: &[&str] = &[
    "indstilling",
    "innstilling",
    "forslag til vedtak",
    "forslag til beslutning",
    "päätösehdotus",
    "förslag till beslut",
    "beslutsförslag",
    "förslag",
    "förslag till kommunstyrelsen",
    "förslag till kommunfullmäktige",
    "proposed decision",
    "proposal",
    "proposals",
    "recommendation",
    "recommendations",
];

const MOTION_HEADINGS: &[&str] = &[
    // Helsinki's minutes in both languages: "Förslag om återremiss".
    "förslag om återremiss",
    "förslag om bordläggning",
    "palautusehdotus",
    "pöydällepanoehdotus",
    "vastaehdotus",
    "vastaehdotukset",
    "äänestys",
    "ændringsforslag",
    "endringsforslag",
    "yrkande",
    "yrkanden",
    "propositionsordning",
    "omröstning",
    "omröstningsresultat",
    "röstningsresultat",
    "äänestystulos",
    "äänestystulokset",
    "afstemningsresultat",
    "afstemning",
    "avstemning",
    "votering",
    "voting results",
    "vote results",
    "motions",
    "amendment",
    "amendments",
    "vote",
    "voting",
];

const OTHER_HEADINGS: &[&str] = &[
    "sagens kerne",
    "saksgang",
    "behandling",
    "käsittely",
    // CloudNC minutes: what happened at the meeting, after "Päätös".
    "kokouskäsittely",
    "reasons for the decision",
    "reasons for decision",
    "reason for the decision",
    "reason for decision",
    "reason(s) for the decision",
    "reason(s) for decision",
    // ModernGov's and egenda's form fields, left empty or filled.
    "alternative options considered and rejected",
    "alternative options considered",
    "alternative options rejected",
    "other options considered",
    "declared (cabinet member) conflicts of interest",
    "details of any conflicts of interest",
    "decision details",
    "ärendet",
    "ärendebeskrivning",
    "ärende",
    "beredning",
    "bakgrund",
    "sammanfattning",
    "bilaga",
    "bilagor",
    // Danish, Norwegian and Finnish attachments: a list of file names.
    "bilag",
    "vedlegg",
    "liitteet",
    "appendices",
    "background papers",
    "mina synpunkter",
    "handlingar",
    "beslutsunderlag",
    "expedieras",
    "expediering",
    "ajournering",
    "närvarande",
    "närvarande ledamöter",
    "beslutande",
    "ledamöter",
    "tjänstgörande ersättare",
    "ersättare",
    "övriga närvarande",
    "övriga deltagare",
    "justering",
    "justerare",
    "justeringens plats och tid",
    "underskrifter",
    "sekreterare",
    "ordförande",
    "paragrafer",
    "beslutsgång",
    "föredragning",
    "background",
    "summary",
    "attachments",
    "present",
    "attendance",
    "apologies",
    "in attendance",
    "members present",
    "signatures",
    "adjournment",
    "minutes",
];

/// Endings of Swedish body names: "Kommunstyrelsen", "Borgarrådsberedningen",
/// "Kommunstyrelsens arbetsutskott". Offices ("-kontoret") are not bodies.
/// Whether a lowercase word ends as the Nordic names of bodies do.
fn has_body_ending(l: &str) -> bool {
    // "Området" (the area) ends like "Vestlandsrådet" (the council).
    SWEDISH_BODY_ENDINGS.iter().any(|e| l.ends_with(e)) && !l.ends_with("området")
}

const SWEDISH_BODY_ENDINGS: &[&str] = &[
    // Finnish: "Kaupunginhallitus", "Kaupunginvaltuusto".
    "hallitus",
    "valtuusto",
    "lautakunta",
    // An assembly: "Fylkestinget", "Vest-Telemarktinget".
    "tinget",
    "fylkesrådet",
    "beredningen",
    "styrelsen",
    "fullmäktige",
    "nämnden",
    "utskottet",
    "utskott",
    "delegationen",
    // A kommunalförbund's board: "Direktionen", "Förbundsdirektionen".
    "direktionen",
    "presidiet",
    "presidium",
    // Danish and Norwegian: "Byrådet", "Kommunalbestyrelsen" (above),
    // "Økonomiudvalget", "Bystyret", "Kommunestyret", "Formannskapet".
    "byrådet",
    // A council of several authorities: "Vestlandsrådet", "Regionrådet".
    "rådet",
    // A Danish council named as a proper noun, without its article:
    // "Læsø Kommunalbestyrelse", "Kommunalbestyrelse besluttede …".
    "kommunalbestyrelse",
    "regionsrådet",
    "udvalget",
    "utvalget",
    "styret",
    "formannskapet",
    // An intermunicipal company's assembly: "Representantskapet".
    "representantskapet",
    "repræsentantskabet",
    // "Beredningsorganet", "samarbetsorganet".
    "organet",
];

const ENGLISH_BODY_ENDINGS: &[&str] = &["Committee", "Council", "Board", "Cabinet", "Assembly"];

/// The name of a body, when `t` is one and nothing else: lowercase for
/// Swedish names (they are common nouns), as written for English ones.
/// Whether a word written in small letters inside a sentence names a
/// body ("… som kommunfullmäktige beslutade …", "regionfullmäktiges").
pub(crate) fn names_body(word: &str) -> bool {
    body_name(&super::words::capitalise(word)).is_some()
}

pub(crate) fn body_name(t: &str) -> Option<String> {
    let mut t = t.trim().trim_end_matches(':').trim();
    // "Minutes of the Executive Committee" names the body in a letterhead.
    for lead in [
        "Minutes of the ",
        "Minutes of ",
        "Meeting of the ",
        "Protokoll från ",
        "The ",
    ] {
        t = t.strip_prefix(lead).unwrap_or(t);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || !starts_upper(t) {
        return None;
    }
    // "Om kommunfullmäktige beslutar …" is a condition, not the body's act.
    const CONDITIONS: &[&str] = &[
        "om", "när", "då", "innan", "sedan", "hvis", "når", "inden", "før", "jos", "kun", "if",
        "when", "unless", "once", "should", "where",
    ];
    if words.len() > 1 && CONDITIONS.contains(&lower(words[0]).as_str()) {
        return None;
    }
    if !words.iter().all(|w| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    }) {
        return None;
    }
    let last = words.last()?;
    let l = lower(last);
    // "Det temporära beredningsorganet": an article and what kind of body.
    if let [article, between @ .., _] = words.as_slice()
        && matches!(*article, "Det" | "Den")
        && !between.is_empty()
        && between.iter().all(|w| w.chars().all(char::is_lowercase))
        && has_body_ending(&l)
    {
        return Some(lower(t));
    }
    // "Kommunfullmäktige i Svalövs kommun": the body, and where it sits;
    // "Direktionen för Boråsregionen Sjuhärads kommunalförbund",
    // "Kulturnämnden vid Österbottens förbund": whose it is.
    if let Some(k) = words.iter().position(|w| matches!(*w, "i" | "för" | "vid"))
        && k > 0
        && [
            "kommun",
            "stad",
            "kommune",
            "region",
            "kommunalförbund",
            "förbund",
            "regionförbund",
            "samordningsförbund",
        ]
        .contains(&l.as_str())
    {
        return body_name(&words[..k].join(" "));
    }
    // "Kommunstyrelsens arbetsutskott", "Kultur- och fritidsnämnden"; not
    // "Godkännande av listan Kommunstyrelsen", an item's heading run into
    // the body that decided it.
    // A lowercase word may follow a genitive: "Kommunstyrelsens allmänna utskott".
    let leading = &words[..words.len() - 1];
    let leading_ok = leading.iter().enumerate().all(|(k, w)| {
        starts_upper(w)
            || w.ends_with(['s', '-'])
            || matches!(*w, "och" | "og" | "ja" | "i" | "for" | "för")
            || leading[..k]
                .iter()
                .any(|g| g.ends_with('s') && starts_upper(g))
    });
    if has_body_ending(&l) && leading_ok {
        return Some(lower(t));
    }
    let english = ENGLISH_BODY_ENDINGS.contains(last)
        && words
            .iter()
            .all(|w| starts_upper(w) || matches!(*w, "of" | "and" | "the" | "for"));
    english.then(|| t.to_string())
}

/// Whether the text names a council body anywhere ("KASKISTEN KAUPUNKI
/// KAUPUNGINVALTUUSTO", "Information från kommunstyrelsen", "the
/// Licensing Committee"): a sign, with a date or a §, that it is a council
/// document, even where nothing in it was read as decided.
pub(crate) fn names_a_body(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '-')
        .any(|w| {
            let l = lower(w);
            (l.chars().count() >= 7 && has_body_ending(&l)) || ENGLISH_BODY_ENDINGS.contains(&w)
        })
}

/// Verbs of a body deciding for itself: "Kommunstyrelsen beslutar …".
pub(crate) const DECIDING_VERBS: &[&str] = &[
    "beslutar",
    "beslutade",
    "beslutat",
    "beslöt",
    "besluttede",
    "besluttet",
    "beslutter",
    "vedtog",
    "vedtok",
    "vedtar",
    // "Representantskapet godkjente årsberetningen", "Udvalget godkendte …".
    "godkjente",
    "godkendte",
    "päätti",
    "hyväksyi",
    // "… aluehallitus nimesi … puheenjohtajaksi", "valtuusto valitsi …":
    // an appointment or an election is the body's decision.
    "nimesi",
    "valitsi",
    "decided",
    "resolved",
    "agreed",
    "approved",
];

/// The other verbs that follow a body reporting what it did: it proposed,
/// recommended, deferred or referred back.
const OTHER_BODY_VERBS: &[&str] = &[
    "fattet",
    "fattede",
    "deferred",
    "päättää",
    "tillstyrker",
    "föreslår",
    "avstyrker",
    "återremitterar",
    "recommends",
    "endorsed",
    "endorses",
    "indstiller",
    "innstiller",
    "tiltræder",
    "godkendte",
    "godkjente",
    // A council's statement: "Kommunfullmäktige … uttalar sitt stöd för …".
    "uttalar",
    "udtaler",
    "uttaler",
];

/// The beginnings of the verbs a body reports its acts with, in any
/// tense: "återremitterade", "godkjenner", "hyväksyi", "approved".
const BODY_VERB_STEMS: &[&str] = &[
    "återremitt",
    "bordl",
    "godkän",
    "fastställ",
    "tillstyrk",
    "avstyrk",
    "föreslå",
    "antog",
    "avslog",
    "godkend",
    "godkj",
    "vedt",
    "tiltr",
    "anbefal",
    "hyväks",
    "päätt",
    "palautt",
    "merkits",
    "approv",
    "adopt",
    "resolv",
    "decide",
    "defer",
    "endors",
    "recommend",
    "reject",
    "refus",
];

/// The body a sentence starts with when it reports what the body did:
/// "Borgarrådsberedningen tillstyrker …", "The Executive Committee decided …".
pub(crate) fn body_at_start(text: &str) -> Option<String> {
    let t = text.trim_start();
    // A minute's number in front: "10/2003 The Cabinet deferred …".
    let t = match t.split_once(char::is_whitespace) {
        Some((n, rest))
            if n.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.')) =>
        {
            rest.trim_start()
        }
        _ => t,
    };
    let t = t.strip_prefix("The ").unwrap_or(t);
    let words: Vec<&str> = t.split_whitespace().take(7).collect();
    for n in 1..words.len().min(6) {
        let verb = lower(words[n].trim_end_matches([',', ':', '.']));
        if DECIDING_VERBS.contains(&verb.as_str())
            || OTHER_BODY_VERBS.contains(&verb.as_str())
            || BODY_VERB_STEMS.iter().any(|s| verb.starts_with(s))
        {
            // "Bystyret har fattet …", "The Council has decided …".
            let auxiliary = ["har", "has", "have", "hade", "had", "blev", "ble"];
            let end = if n > 1 && auxiliary.contains(&lower(words[n - 1]).as_str()) {
                n - 1
            } else {
                n
            };
            // "KSAU beslutade att …": a body known by its initials.
            let initials = end == 1
                && (2..=5).contains(&words[0].chars().count())
                && words[0].chars().all(|c| c.is_uppercase());
            if initials {
                return Some(lower(words[0]));
            }
            return body_name(&words[..end].join(" "));
        }
    }
    None
}

/// Whether a heading is the word for a decision and nothing else: "Beslutning".
pub(crate) fn plain_decision(line: &str) -> bool {
    DECISION_HEADINGS.contains(&lower(line.trim().trim_end_matches(':').trim()).as_str())
}

/// "Beslutning Byrådet den 26-11-2014", "Vedtak i Kommunestyret 15.06.2020":
/// a decision heading that names its body or its day.
fn decision_with_body_or_date(t: &str) -> bool {
    // "BESLUTNING: Kommunalbestyrelsen den 26-05-2011"
    let upper_field = ["BESLUTNING: ", "BESLUT: ", "VEDTAK: ", "PÄÄTÖS: "]
        .iter()
        .find_map(|h| t.strip_prefix(h));
    if let Some(rest) = upper_field {
        let named = rest
            .split(" den ")
            .next()
            .and_then(|b| body_name(b.trim()))
            .is_some();
        return named || !super::dates::find(rest).is_empty();
    }
    // "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42": the body, the day and
    // the item, above what the body decided on it.
    if let [body, day, item] = t.split(", ").collect::<Vec<_>>().as_slice()
        && body_name(body).is_some()
        && !super::dates::find(day).is_empty()
        && ["pkt.", "punkt", "§", "sak", "item"]
            .iter()
            .any(|w| lower(item).starts_with(w))
    {
        return true;
    }
    // "Regionsrådets beslutning den 30. november 2021": a body in the
    // genitive, its decision and the day. (Not Swedish "Stadsstyrelsens
    // beslut 28.11.2022", which heads a news page of many decisions.)
    if let Some((body, rest)) = [" beslutning ", " vedtak "]
        .iter()
        .find_map(|w| t.split_once(w))
        && !body.contains(' ')
        && body.ends_with('s')
        && body.chars().next().is_some_and(char::is_uppercase)
        && !super::dates::find(rest).is_empty()
    {
        return true;
    }
    let Some(rest) = ["Beslutning ", "Beslut ", "Vedtak ", "Päätös ", "Decision "]
        .iter()
        .find_map(|h| t.strip_prefix(h))
    else {
        return false;
    };
    let rest = rest.strip_prefix("i ").unwrap_or(rest);
    if rest.contains(':') {
        return false;
    }
    let named = rest
        .split(" den ")
        .next()
        .and_then(|b| body_name(b.trim()))
        .is_some();
    named || !super::dates::find(rest).is_empty()
}

/// What a line is, when it is a heading.
/// "Vedtaket i Vestlandsrådet har følgende ordlyd:", "The resolution
/// reads as follows:": a sentence that says the decision's words follow.
fn announces_decision(l: &str, line: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "vedtaket",
        "beslutningen",
        "beslutet",
        "päätös",
        "the resolution",
        "the decision",
    ];
    const FOLLOWS: &[&str] = &[
        "følgende ordlyd",
        "fylgjande ordlyd",
        "lyder",
        "lyd",
        "var slik",
        "er slik",
        "var som følger",
        "lyder som följer",
        "löd",
        "kuuluu",
        "reads as follows",
        "reads",
        "was as follows",
    ];
    line.trim_end().ends_with(':')
        && SUBJECTS.iter().any(|s| starts_with_phrase(l, s))
        && FOLLOWS.iter().any(|f| find_phrase(l, f).is_some())
}

pub(crate) fn classify(line: &str, is_org: &dyn Fn(&str) -> bool) -> Option<Heading> {
    let t = line.trim().trim_end_matches(':').trim();
    if t.is_empty() || t.len() > 80 || t.ends_with(['.', ',', ';']) {
        return None;
    }
    if t.starts_with('§') {
        return Some(Heading::Other);
    }
    let l = lower(t);
    if let Some((_, kind)) = POSITION_HEADINGS.iter().find(|(h, _)| *h == l) {
        return Some(Heading::Position(*kind));
    }
    let words = l.split_whitespace().count();
    // "Regionstyrelsens beslut", "Fylkestingets vedtak", "Arbetsutskottets förslag".
    if DECISION_HEADINGS.contains(&l.as_str())
        || (words == 2 && (l.ends_with("s beslut") || l.ends_with("s vedtak")))
    {
        return Some(Heading::Decision);
    }
    if decision_with_body_or_date(t) || announces_decision(&l, line) {
        return Some(Heading::Decision);
    }
    // "RESOLVED: (Unanimously)": the heading with how it was carried.
    if let Some((head, how)) = l.strip_suffix(')').and_then(|r| r.rsplit_once('('))
        && how.len() <= 30
        && DECISION_HEADINGS.contains(&head.trim().trim_end_matches([':', '-', '–']).trim())
    {
        return Some(Heading::Decision);
    }
    if PROPOSAL_HEADINGS.contains(&l.as_str()) || (words == 2 && l.ends_with("s förslag")) {
        return Some(Heading::Proposal);
    }
    if MOTION_HEADINGS.contains(&l.as_str()) {
        return Some(Heading::Motions);
    }
    if OTHER_HEADINGS.contains(&l.as_str()) {
        return Some(Heading::Other);
    }
    if let Some(body) = body_name(t) {
        return Some(Heading::Body(body));
    }
    // Headings set in capitals: "ÄRENDET", "BEREDNING", a signature.
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = t.chars().all(|c| !c.is_lowercase()) && !t.chars().any(|c| c.is_ascii_digit());
    if all_caps && letters >= 5 && t.split_whitespace().count() <= 6 && !is_org(t) {
        return Some(Heading::Other);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(line: &str) -> Option<Heading> {
        classify(line, &|_| false)
    }

    #[test]
    fn headings_are_recognised() {
        for genitive in [
            "Regionsrådets beslutning den 30. november 2021:",
            "Økonomiudvalgets beslutning den 03-05-2021",
            "Formannskapets vedtak 12.03.2020:",
        ] {
            assert_eq!(plain(genitive), Some(Heading::Decision), "{genitive}");
        }
        assert_eq!(plain("Regionsrådets beslutning om budgettet"), None);
        assert_eq!(
            plain("Vedtaket i Vestlandsrådet har følgende ordlyd:"),
            Some(Heading::Decision)
        );
        assert_eq!(plain("Vedtaket i Vestlandsrådet har følgende ordlyd"), None);
        assert_eq!(body_name("Vestlandsrådet"), Some("vestlandsrådet".into()));
        assert_eq!(body_name("Verksamhetsområdet"), None);
        assert_eq!(plain("Stadsstyrelsens beslut 28.11.2022"), None);
        assert_eq!(
            plain("Kommunstyrelsen"),
            Some(Heading::Body("kommunstyrelsen".into()))
        );
        assert_eq!(
            plain("Borgarrådsberedningen "),
            Some(Heading::Body("borgarrådsberedningen".into()))
        );
        assert_eq!(
            plain("Kommunstyrelsens arbetsutskott"),
            Some(Heading::Body("kommunstyrelsens arbetsutskott".into()))
        );
        assert_eq!(
            plain("The Executive Committee"),
            Some(Heading::Body("Executive Committee".into()))
        );
        assert_eq!(
            plain("Minutes of the Executive Committee"),
            Some(Heading::Body("Executive Committee".into()))
        );
        assert_eq!(
            plain("Reservationer:"),
            Some(Heading::Position(PositionKind::Reservation))
        );
        assert_eq!(
            plain("Särskilt yttrande"),
            Some(Heading::Position(PositionKind::Statement))
        );
        assert_eq!(
            plain("Protokollsanteckning"),
            Some(Heading::Position(PositionKind::Note))
        );
        assert_eq!(plain("Beslut"), Some(Heading::Decision));
        assert_eq!(plain("Regionstyrelsens beslut"), Some(Heading::Decision));
        assert_eq!(
            plain("Beslutning Byrådet den 26-11-2014"),
            Some(Heading::Decision)
        );
        assert_eq!(plain("Vedtak i Kommunestyret"), Some(Heading::Decision));
        assert_eq!(
            plain("Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42"),
            Some(Heading::Decision)
        );
        assert_eq!(plain("Decision Maker: Cabinet"), None);
        assert_eq!(
            body_name("Kommunstyrelsens allmänna utskott").as_deref(),
            Some("kommunstyrelsens allmänna utskott")
        );
        assert_eq!(body_name("Godkännande av listan Kommunstyrelsen"), None);
        assert_eq!(plain("Arbetsutskottets förslag"), Some(Heading::Proposal));
        assert_eq!(plain("Förslag till beslut"), Some(Heading::Proposal));
        assert_eq!(plain("Yrkanden"), Some(Heading::Motions));
        assert_eq!(plain("ÄRENDET"), Some(Heading::Other));
        assert_eq!(plain("Stadsledningskontoret"), None);
        assert_eq!(plain("Staden avsäger sig styrelseposterna."), None);
        assert_eq!(classify("EUROCITIES", &|s| s == "EUROCITIES"), None);
    }

    #[test]
    fn bodies_at_the_start_of_a_sentence() {
        assert_eq!(
            body_at_start("Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag."),
            Some("borgarrådsberedningen".into())
        );
        assert_eq!(
            body_at_start("The Executive Committee decided:"),
            Some("Executive Committee".into())
        );
        assert_eq!(body_at_start("Stadsledningskontoret föreslår att"), None);
    }
}
