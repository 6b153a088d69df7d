//! The document's head: case number, reference, title, date and language.

use super::Confidence;
use super::paragraphs::{Para, ParaKind};
use super::points::parse_label;
use super::positions::starts_like_intro;
use super::sections::{Heading, body_at_start, body_name, classify};
use super::text::{Line, is_page_number};
use super::words::{find_phrase, lower, prefix, squash, starts_with_phrase, words};
use super::{dates, persons};
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub(crate) case_number: Option<String>,
    pub(crate) reference: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) language: String,
    /// How each of case_number, title, date and language was found.
    pub(crate) confidence: BTreeMap<String, Confidence>,
    /// Whether the document calls itself minutes in its letterhead
    /// ("MINUTES OF THE MEETING OF …", "Protokoll", "Møtebok").
    pub(crate) minutes: bool,
}

/// Words with which minutes name themselves at their head.
const MINUTES_WORDS: &[&str] = &[
    "agenda and minutes",
    "minutes of",
    "minutes",
    "protokoll",
    "sammanträdesprotokoll",
    "protokollsutdrag",
    "beslutningsprotokol",
    "referat",
    "møtebok",
    "møteprotokoll",
    "pöytäkirja",
    "kokouspöytäkirja",
];

/// Whether one of the first lines says the text is minutes: the word
/// alone, or followed by what it is of ("Minutes of the Meeting …",
/// "Referat af tillægsdagsorden", "Protokoll 12/2025"), not "Minutes
/// later, …".
fn calls_itself_minutes(lines: &[Line]) -> bool {
    lines.iter().take(6).any(|l| {
        let l = lower(prefix(&l.text, 200));
        MINUTES_WORDS.iter().any(|w| {
            starts_with_phrase(&l, w) && {
                let next = l[w.len()..].split_whitespace().next().unwrap_or("");
                next.is_empty()
                    || w.contains(' ')
                    || matches!(
                        next,
                        "of" | "af" | "fra" | "från" | "frå" | "for" | "för" | "fört" | "-" | "–"
                    )
                    || next.starts_with(|c: char| c.is_ascii_digit())
            }
        })
    })
}

/// How far into the document its head may reach, in lines.
const HEAD_LINES: usize = 40;

pub(crate) fn read(lines: &[Line], paras: &[Para]) -> Head {
    use Confidence::{High, Low, Medium};
    // A date labelled as the meeting's, then one in the letterhead, then
    // where the proposal was signed, then a meeting date further down.
    let labelled = labelled_meeting_date(lines);
    let (date, date_sure) = labelled
        .map(|d| (Some(d), High))
        .or_else(|| meeting_date(lines, 15).map(|d| (Some(d), Medium)))
        .or_else(|| signing_date(paras).map(|d| (Some(d), Medium)))
        .or_else(|| meeting_date(lines, HEAD_LINES * 2).map(|d| (Some(d), Low)))
        .or_else(|| body_date(lines).map(|d| (Some(d), Low)))
        .unwrap_or((None, Low));
    // A news page dated when it was published, whose body "beslutade den
    // 21 oktober": the meeting's day, in the year before the page's date.
    let (date, date_sure) = match (date, date_sure) {
        (Some(page), sure) if sure != High => {
            decided_day_before(lines, page).map_or((Some(page), sure), |d| (Some(d), Medium))
        }
        other => other,
    };
    // A ModernGov page's title line, read once for its title and reference.
    let (form_title, form_reference) = under_form_heading(lines).unzip();
    let (case_number, number_sure) = head_lines(lines)
        .find_map(|l| case_number_in(&l.text).and_then(tidy_case_number))
        .map(|n| (Some(n), High))
        .or_else(|| {
            form_reference
                .flatten()
                .and_then(tidy_case_number)
                .map(|n| (Some(n), Medium))
        })
        .or_else(|| {
            loose_case_number(lines)
                .and_then(tidy_case_number)
                .map(|n| (Some(n), Medium))
        })
        .unwrap_or((None, Low));
    let (title, title_sure) = match form_title {
        Some(t) => (Some(tidy_title(&t)), High),
        None => title(lines),
    };
    let (language, language_sure) = language(paras);
    let confidence = BTreeMap::from([
        ("case_number".to_string(), number_sure),
        ("title".to_string(), title_sure),
        ("date".to_string(), date_sure),
        ("language".to_string(), language_sure),
    ]);
    Head {
        case_number,
        reference: head_lines(lines).find_map(|l| reference_in(&l.text)),
        title,
        date,
        language,
        confidence,
        // A meeting's date under its own label ("Sammanträdesdatum") says
        // minutes as much as the word does.
        minutes: calls_itself_minutes(lines) || labelled.is_some(),
    }
}

/// Where a document names its case number and reference: the first lines,
/// and the running heads of its pages.
fn head_lines(lines: &[Line]) -> impl Iterator<Item = &Line> {
    lines
        .iter()
        .enumerate()
        .filter(|(k, l)| *k < 100 || l.furniture)
        .map(|(_, l)| l)
}

const NUMBER_KEYS: &[&str] = &[
    "sagsnr",
    "sag nr",
    "saknr",
    "sak",
    "j.nr",
    "journalnr",
    "sagsid",
    "dnr",
    "diarienummer",
    "diarienr",
    "diarie nr",
    "ärendenummer",
    "ärendenr",
    "ärende nr",
    "case no",
    "case number",
    "case ref",
    "file no",
    "reference number",
    "decision reference",
];

/// Labels that name the case's number outright, so that a bare number
/// after them ("Reference Number: 2128") is the number.
const EXPLICIT_NUMBER_KEYS: &[&str] = &["reference number", "decision reference", "case number"];

fn number_part(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | ':' | '.' | '_'))
}

fn series_part(t: &str) -> bool {
    (1..=5).contains(&t.chars().count()) && t.chars().all(|c| c.is_uppercase())
}

/// The case number right after `at` in `text`: "KS 2019/0457", "2016/0117 KS-2", "006-1348/2010".
fn number_after(text: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for raw in text.split_whitespace().take(4) {
        let t = raw
            .trim_start_matches('(')
            .trim_end_matches([')', ',', ';', '.']);
        let closed = raw.len() != raw.trim_end_matches([')', ',', ';']).len();
        if number_part(t) || (series_part(t) && parts.iter().all(|p| series_part(p))) {
            parts.push(t);
        } else {
            break;
        }
        if closed {
            break;
        }
    }
    while parts.last().is_some_and(|p| series_part(p)) {
        parts.pop();
    }
    let digits: usize = parts
        .iter()
        .map(|p| p.chars().filter(char::is_ascii_digit).count())
        .sum();
    let shaped = parts.iter().any(|p| p.contains(['/', '-', ':', '.']));
    (shaped && digits >= 4).then(|| parts.join(" "))
}

/// A case number as read, less the colon of a heading it ended ("24/104:"
/// in "1. Apologies - Ref 24/104:"); none where it was a web address
/// ("www.gotland.se/98617") or cut off ("2014/").
fn tidy_case_number(n: String) -> Option<String> {
    let t = n.trim_end_matches([':', ',', ';']);
    let l = lower(t);
    let address = l.contains("://") || l.starts_with("www.") || l.contains(".htm");
    (!t.is_empty() && !address && !t.ends_with('/')).then(|| t.to_string())
}

fn case_number_in(line: &str) -> Option<String> {
    // A case number needs a digit; most lines hold neither it nor a key.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let l = lower(line);
    if !super::words::contains_any(&l, NUMBER_KEYS) {
        return None;
    }
    for key in NUMBER_KEYS {
        let mut from = 0;
        while let Some(at) = l
            .get(from..)
            .and_then(|r| find_phrase(r, key))
            .map(|a| a + from)
        {
            let rest = line.get(at + key.len()..)?;
            let rest = rest.trim_start_matches(['.', ':', ' ']);
            let rest = rest
                .strip_prefix("nr")
                .map_or(rest, |r| r.trim_start_matches(['.', ':', ' ']));
            if let Some(n) = number_after(rest) {
                return Some(n);
            }
            let bare = rest.split_whitespace().next().unwrap_or("");
            if EXPLICIT_NUMBER_KEYS.contains(key)
                && (3..=10).contains(&bare.len())
                && bare.chars().all(|c| c.is_ascii_digit())
            {
                return Some(bare.to_string());
            }
            from = at + key.len();
        }
    }
    None
}

/// Whether a token is shaped like a case number: "006-1348/2010",
/// "2019/0457", "KS/2017:214" — a slash and five digits or more.
fn number_shaped(t: &str) -> bool {
    let t = t.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '.'));
    t.contains('/')
        && t.chars().filter(char::is_ascii_digit).count() >= 5
        // Finnish numbers carry a filing code: "5146/01.04.00/2023".
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | ':' | '.'))
        && dates::find(t).is_empty()
        && !financial_year(t)
        // "08/15:01" numbers a minute, not a case.
        && super::items::colon_code(t).is_none()
}

/// "2006/7", "2011/12", "2019-2020": a financial or school year.
fn financial_year(t: &str) -> bool {
    let Some((a, b)) = t.split_once(['/', '-']) else {
        return false;
    };
    let (Ok(year), Ok(next)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    let modulus = match b.len() {
        1 => 10,
        2 => 100,
        4 => 10_000,
        _ => return false,
    };
    a.len() == 4 && (1900..2100).contains(&year) && (year + 1) % modulus == next
}

/// A case number standing without a "Dnr" near the top: "KS 2019/0457",
/// "KS/2017:214", "HEL 2015-012404", "BR 366/07". One with a series in
/// front is taken before a bare one, which may be a page counter
/// ("Protokoll 10/2016").
fn loose_case_number(lines: &[Line]) -> Option<String> {
    for line in lines.iter().take(HEAD_LINES) {
        let tokens: Vec<&str> = line.text.split_whitespace().collect();
        for w in tokens.windows(2) {
            let number = w[1].trim_end_matches(['.', ',', ';', ')']);
            let digits = number.chars().filter(char::is_ascii_digit).count();
            if series_part(w[0])
                && w[0].chars().count() >= 2
                && digits >= 4
                && number.contains(['/', '-'])
                && number
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-'))
                && dates::find(number).is_empty()
            {
                return Some(format!("{} {number}", w[0]));
            }
        }
    }
    // A number alone on its line is the case's; one in a sentence may cite
    // a law ("lain (449/2007) mukaisia").
    for line in lines.iter().take(15) {
        let t = line.text.trim();
        if !t.contains(' ') && number_shaped(t) {
            return Some(t.to_string());
        }
    }
    for line in lines.iter().take(15) {
        let tokens: Vec<&str> = line.text.split_whitespace().collect();
        for (k, t) in tokens.iter().enumerate() {
            if !number_shaped(t) {
                continue;
            }
            let start = if k > 0 && series_part(tokens[k - 1]) {
                k - 1
            } else {
                k
            };
            if let Some(n) = number_after(&tokens[start..].join(" ")) {
                return Some(n);
            }
        }
    }
    // Finnish diary numbers on a line of their own: "15287-2009 (014)".
    for line in lines.iter().take(15) {
        let mut tokens = line.text.split_whitespace();
        let (Some(first), rest) = (tokens.next(), tokens.collect::<Vec<_>>()) else {
            continue;
        };
        let bracketed = rest.iter().all(|t| t.starts_with('(') && t.ends_with(')'));
        if let Some((serial, year)) = first.split_once('-')
            && bracketed
            && (1..=6).contains(&serial.len())
            && serial.chars().all(|c| c.is_ascii_digit())
            && year.len() == 4
            && (year.starts_with("19") || year.starts_with("20"))
            && year.chars().all(|c| c.is_ascii_digit())
        {
            return Some(first.to_string());
        }
    }
    None
}

const REFERENCE_KINDS: &[&str] = &[
    "PM",
    "Utlåtande",
    "Utl.",
    "Promemoria",
    "Motion",
    "Skrivelse",
    "Tjänsteutlåtande",
];

/// "PM 2011:125 RI", "Utlåtande 2011:125 RI".
fn reference_in(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    for (k, t) in tokens.iter().enumerate() {
        let kind = t.trim_start_matches('(');
        if !REFERENCE_KINDS.contains(&kind) {
            continue;
        }
        let Some(num) = tokens
            .get(k + 1)
            .map(|n| n.trim_end_matches([',', ')', ';']))
        else {
            continue;
        };
        let shaped = num.split_once(':').is_some_and(|(y, n)| {
            y.len() == 4
                && y.chars().all(|c| c.is_ascii_digit())
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        });
        if !shaped {
            continue;
        }
        let mut out = format!("{kind} {num}");
        let suffix = tokens
            .get(k + 2)
            .map(|s| s.trim_end_matches([',', ')', ';']));
        if let Some(s) = suffix
            && tokens
                .get(k + 1)
                .is_some_and(|n| !n.ends_with([',', ')', ';']))
            && (1..=5).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && s.starts_with(|c: char| c.is_ascii_uppercase())
        {
            out.push(' ');
            out.push_str(s);
        }
        return Some(out);
    }
    None
}

/// Words that name the kind of document or its sender rather than its subject.
const LETTERHEAD: &[&str] = &[
    "issue - meetings",
    "decision details",
    "sammanträdes-",
    "protokoll",
    "protokollsutdrag",
    "sammanträdesprotokoll",
    "utdrag ur protokoll",
    "tjänsteutlåtande",
    "utlåtande",
    "promemoria",
    "kallelse",
    "minutes",
    "extract from the minutes",
    "stadsledningskontoret",
    "beslutningsprotokol",
    "referat",
    "dagsorden",
    // A web archive's own heading: "Dagsordener og referater 2008",
    // "Oversigt over dagsordener og referater for …".
    "oversigt over dagsordener",
    // A consultation answer's page: "Høringssvar fra Nord-Trøndelag
    // fylkeskommune" above the consultation it answers.
    "høringssvar fra",
    "høyringssvar frå",
    // A decision system's banner: "Dynasty informationsservice Sökning …".
    "dynasty informationsservice",
    "dynasty tietopalvelu",
];

/// Whole lines that are a web page's or a form's own heading, never the
/// item's title: "Agenda item" above "Potential land acquisition".
const FORM_LINES: &[&str] = &[
    "agenda and minutes",
    "no. item",
    "agenda and draft minutes",
    "agenda, decisions and minutes",
    "agenda item",
    "agenda items",
    "issue - decisions",
    "issue - meetings",
    "decision details",
    "decision - details",
    "view cabinet decision record",
    "view decision record",
    "decision record",
    "meeting details",
    "issue details",
    "item details",
    "motion status",
    "recorded vote",
    "recorded votes",
    "voting record",
    // ModernGov's table head above the items: "Items" / "No. Item".
    "items",
    "items no. item",
    // ModernGov's tab for the webcast of a meeting.
    "media",
    "resultat av votering",
    "resultat av avstemning",
    "votering er ferdig i denne saken",
    "votering er ferdig i denne saka",
    "voting result",
    "dagsordenspunkt",
    "sagsfremstilling",
    "saksprotokoll",
    "saksframlegg",
    "møteprotokoll",
    "asia",
    // A web page's table of contents.
    "indhold",
    "innhold",
    "innehåll",
    "sisältö",
    "contents",
    "table of contents",
    // A document site's viewer: "Starta visningen från sidan:" above
    // the transcript of a PDF.
    "starta visningen från sidan",
    "starte visningen fra side",
    "start display at page",
    "transkript",
    "transkriptio",
    "transcript",
    "transcription",
    // A web page's link past its menu.
    "hoppa till innehåll",
    "flytta dig till innehållet",
    // A web page's links to other pages below the article.
    "ta en titt också på dessa",
    "läs också",
    "relaterade sidor",
    "gå direkt till innehållet",
    "hoppa till huvudinnehåll",
    "gå till innehåll",
    "gå til indhold",
    "gå til hovedindhold",
    "gå til innhold",
    "hopp til innhold",
    "siirry sisältöön",
    "siirry pääsisältöön",
    "skip to content",
    "skip to main content",
];

/// A form field whose value stands on the next line ("Motion status:"),
/// or a line that is only a form's own heading.
fn is_form_line(l: &str) -> bool {
    // A ModernGov decision page's fields with their values: "Decision
    // Maker: Council", "Decision status: Recommendations Approved".
    const FIELDS: &[&str] = &[
        "decision maker:",
        "decision status:",
        "is key decision?",
        "is subject to call in?",
        "wards affected:",
        "lead member:",
        "portfolio holder:",
        "classification:",
    ];
    let t = l.trim().trim_end_matches([':', '.']).trim();
    FORM_LINES.contains(&t)
        || (l.trim_end().ends_with(':') && t.split_whitespace().count() <= 3)
        || FIELDS.iter().any(|f| t.starts_with(f))
}

const TITLE_LABELS: &[&str] = &[
    "ärende:",
    "rubrik:",
    "ämne:",
    "angående:",
    "subject:",
    "title:",
    "re:",
    "motion:",
    "subject of decision:",
    "decision title:",
    "item ",
    // ModernGov's voting record: "Item: Constitution Review …".
    "item:",
];

/// Labels that stand on a line of their own above the title.
const TITLE_LABELS_ALONE: &[&str] = &[
    "title of item/report",
    "title of item",
    "title of report",
    "item title",
    "report title",
    "title",
    "subject",
    "rubrik",
    "ärendemening",
    "overskrift",
    "tittel",
    "sakstittel",
    "otsikko",
];

/// "§ 12", "Paragraf 45", "Item 7", "Ärende 3": a number in the agenda.
fn is_agenda_number(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    match words.as_slice() {
        [w] => w.starts_with('§'),
        [lead, n] => {
            matches!(
                *lead,
                "§" | "paragraf" | "item" | "ärende" | "punkt" | "ärendenummer"
            ) && n
                .trim_end_matches(['.', ':'])
                .chars()
                .all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The sections of a council's web site that stand over a page of news
/// or minutes, lowercased.
const SITE_SECTIONS: &[&str] = &[
    "nyheter",
    "nyheter och pressmeddelande",
    "nyheter och pressmeddelanden",
    "nyheder",
    "nyheter og pressemeldinger",
    "aktuelt",
    "aktuellt",
    "ajankohtaista",
    "uutiset",
    "tiedotteet",
    "news",
    "latest news",
    "politik",
    "politikk",
    "agendas, reports and minutes",
];

/// Meta lines: a line of the head that is not the title.
fn is_meta(text: &str) -> bool {
    let l = lower(text);
    let first_word = l.split_whitespace().next().unwrap_or("");
    is_page_number(text)
        // docplayer's copy of a PDF's first line: "Download \"…\"".
        || l.starts_with("download \"")
        // A web page's links: "RSS-linkki", "Kokousasiat:https://…".
        || l.starts_with("rss")
        // A web page's icon's name: "icon-Politik".
        || l.starts_with("icon-")
        // A web page's links to elsewhere: "Upptäck Bollnäs i vinter besök
        // vår turistwebb >".
        || l.trim_end().ends_with(" >")
        || l.contains("://")
        || l.starts_with("www.")
        // A document site's file facts: "Total Page:16", "File Type:pdf".
        || l.starts_with("total page:")
        || l.starts_with("file type:")
        // A protocol's notice of posting and its contents, run into a
        // transcript's line: "ANSLAG/BEVIS Protokollet är justerat …".
        || l.starts_with("anslag/bevis")
        || l.starts_with("bevis om anslag")
        || l.starts_with("innehållsförteckning")
        || l.starts_with("indholdsfortegnelse")
        || l.starts_with("innholdsfortegnelse")
        || l.starts_with("sisällysluettelo")
        // A map's caption: "Kortudsnit til illustration af …".
        || l.starts_with("kortudsnit")
        // A web site's section over the page ("Nyheter och
        // pressmeddelande", "Ajankohtaista", "Politik"), its skip links
        // ("Hopp til hovedinnhold …") and a picture's caption ("Bilden
        // föreställer en ordförandeklubba.").
        || SITE_SECTIONS.contains(&l.trim())
        || ["hopp til ", "skip to ", "gå till huvud", "gå til hoved", "siirry sisältöön"]
            .iter()
            .any(|w| l.starts_with(w))
        || ["bilden föreställer", "bilden visar", "billedet viser", "bildet viser", "kuvassa "]
            .iter()
            .any(|w| l.starts_with(w))
        // A logo's description: "Region Blekinges logotyp med bild på …".
        || l.split_whitespace().any(|w| matches!(w, "logotyp" | "logo" | "logotype" | "logo:"))
        // A document site's page size, run into a transcript's line:
        // "Kommunstyrelsen 1999-Storlek: px".
        || [": px", ":px"].iter().any(|w| l.trim_end().ends_with(w))
        // A document site's download menu: "Save this PDF as:" / "WORD
        // PNG TXT JPG" / "Starta visningen från sidan:".
        || l.starts_with("save this pdf as")
        || (!l.trim().is_empty()
            && l.split_whitespace()
                .all(|w| matches!(w, "word" | "png" | "txt" | "jpg" | "pdf")))
        || l.starts_with("starta visningen")
        || l.starts_with("begynne med side")
        || l.starts_with("start display at page")
        // A picture's caption and credit: "Bild på stadshuset, foto: …".
        || l.contains("foto:")
        || l.contains("photo:")
        // A picture's placeholder where the page had an image: "Bild".
        || matches!(
            l.trim(),
            "bild" | "billede" | "bilde" | "kuva" | "image" | "photo" | "foto"
        )
        || attendance_label(&l)
        // A row of a table of links: "| Edellinen asia | Seuraava asia |".
        || (l.starts_with('|') && l.matches('|').count() >= 3)
        || case_number_in(text).is_some()
        || reference_in(text).is_some()
        || !dates::find(text).is_empty()
        || LETTERHEAD.iter().any(|w| l.starts_with(w))
        || is_form_line(&l)
        || l.ends_with(" stad")
        || l.ends_with(" kommun")
        || l.starts_with("city of ")
        || l.contains("sida ")
        || (first_word.ends_with(':') && !TITLE_LABELS.contains(&first_word))
        || body_name(text).is_some()
        || text.chars().all(|c| !c.is_lowercase())
        || text.split_whitespace().any(number_shaped)
        // "Eva Strand (S)" is a signature; "Oversendelse av interpellasjon
        // fra Marit Grefstad (Ap)" is a subject that names its mover.
        || (persons::has_party_group(text) && !names_a_subject(text))
        || classify(text, &|_| false) == Some(Heading::Other)
        || is_agenda_number(&l)
        // A header table's row of labels: "Åbo stad § Sammanträdets datum Ärende nr 1".
        || (l.contains('§') && ["datum", "päivämäärä", "ärende nr", "sida", "dato"].iter().any(|w| l.contains(w)))
}

/// Whether a line opens with who attended: "PRESENT IN THE CHAIR:
/// Councillor …", "MEMBERS PRESENT:", "Närvarande: …" (lowercased).
fn attendance_label(l: &str) -> bool {
    [
        "present",
        "members present",
        "also present",
        "in attendance",
        "officials in attendance",
        "apologies",
        "närvarande",
        "beslutande",
        "tilstede",
        "til stede",
        "fraværende",
        "frånvarande",
        "läsnä",
        "poissa",
    ]
    .iter()
    .any(|w| {
        l.strip_prefix(w)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', ':', '\t']))
    })
}

/// Whether a line opens with a common noun and reads on ("Oversendelse av
/// interpellasjon …"), as a subject does and a name does not.
fn names_a_subject(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 4
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words[1].chars().next().is_some_and(char::is_lowercase)
        && !text.trim_end().ends_with(['.', ':'])
}

/// The subject line: an explicit "Ärende:"/"Subject:"/"§ 12 …" line, or the
/// first line of the head that is not a number, date, letterhead or body.
/// The title with how it was found: labelled (high), the first line that
/// reads as one (medium), or none (low).
fn title(lines: &[Line]) -> (Option<String>, Confidence) {
    match labelled_or_first_title(lines) {
        Some((t, true)) => (Some(tidy_title(&t)), Confidence::High),
        Some((t, false)) => (Some(tidy_title(&t)), Confidence::Medium),
        None => (
            lines
                .iter()
                .take(HEAD_LINES)
                .find_map(|l| numbered_heading(&l.text))
                .or_else(|| {
                    lines
                        .iter()
                        .filter(|l| !l.furniture)
                        .take(HEAD_LINES)
                        .find_map(|l| caps_heading(&l.text))
                }),
            Confidence::Low,
        ),
    }
}

/// A ModernGov page's own heading ("Decision details") and the line right
/// below it, the decision's title, with its reference in brackets:
/// "URBACT: TechRevolution (Cab.15.5.2019/18)". The title, and the
/// reference where there is one.
fn under_form_heading(lines: &[Line]) -> Option<(String, Option<String>)> {
    const PAGE_HEADINGS: &[&str] = &["decision details", "decision - details", "issue details"];
    let k = lines
        .iter()
        .take(6)
        .position(|l| PAGE_HEADINGS.contains(&lower(l.text.trim()).as_str()))?;
    let next = lines[k + 1..]
        .iter()
        .map(|l| l.text.trim())
        .find(|t| !t.is_empty())?;
    let (title, reference) = match next.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((t, r)) if !r.contains(' ') && r.chars().any(|c| c.is_ascii_digit()) => {
            (t.trim(), Some(r.to_string()))
        }
        _ => (next, None),
    };
    // The reference may hold the day ("Cab.15.5.2019/18"); the title not.
    let reads_as_title = title.len() <= 200
        && title.chars().any(char::is_lowercase)
        && !is_form_line(&lower(title))
        && dates::find(title).is_empty();
    reads_as_title.then(|| (title.to_string(), reference))
}

/// An item's heading set in capitals, alone on its line or run into its
/// text: "KOKOUKSEN LAILLISUUS JA PÄÄTÖSVALTAISUUS", "ELECTION OF MAYOR To
/// appoint the Mayor …". Not a letterhead, a body or a date.
fn caps_heading(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let caps: Vec<&str> = words
        .iter()
        .take_while(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .copied()
        .collect();
    let letters: usize = caps
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let rest = &words[caps.len()..];
    // What follows is a sentence, which starts with a capital and goes on
    // in lower case.
    let sentence_follows = rest.first().is_none_or(|w| {
        w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
    });
    let heading = caps.join(" ");
    let heading = heading.trim_end_matches(['.', ':', ',']);
    // Read as it would be in ordinary case, so that a letterhead or a
    // body's name in capitals is still known for what it is.
    let ordinary = super::words::capitalise(&lower(heading));
    (caps.len() >= 2 && letters >= 10 && sentence_follows && !is_meta(&ordinary))
        .then(|| heading.to_string())
}

/// An item's heading numbered in the minutes, below their attendance
/// lists: "1. Adoption of Minutes". Short, in words, and no sentence.
fn numbered_heading(line: &str) -> Option<String> {
    let t = line.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let heading = t.get(digits..)?.strip_prefix(". ")?.trim();
    let words = heading.split_whitespace().count();
    ((1..=3).contains(&digits)
        && (2..=10).contains(&words)
        && heading.starts_with(char::is_uppercase)
        && heading.chars().any(char::is_lowercase)
        && !heading.ends_with(['.', ':', ';', ','])
        && !is_meta(heading))
    .then(|| heading.to_string())
}

/// What a council web page adds to an item's heading: the item's number in
/// front ("78 COUNCIL PROCEDURE RULES") and the link to its paper behind
/// ("pdf icon PDF 76 KB").
/// "Præsentation af Center for Beredskab (O)": a Danish agenda marks each
/// item as for information (O), decision (B), open (Å) or closed (L); the
/// mark is no part of the title.
fn is_agenda_mark(w: &str) -> bool {
    matches!(w, "(O)" | "(B)" | "(Å)" | "(L)")
}

/// A title without an agenda's mark of its item's kind at its end.
pub(crate) fn without_agenda_mark(t: String) -> String {
    match t.trim_end().rsplit_once(' ') {
        Some((head, mark)) if is_agenda_mark(mark) && !head.trim().is_empty() => {
            head.trim_end().to_string()
        }
        _ => t,
    }
}

pub(crate) fn tidy_title(t: &str) -> String {
    let mut words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    let linked = n >= 3
        && matches!(lower(words[n - 1]).as_str(), "kb" | "mb")
        && words[n - 2].chars().all(|c| c.is_ascii_digit() || c == '.')
        && words[n - 3].eq_ignore_ascii_case("pdf");
    if linked {
        words.truncate(n - 3);
        if words.len() >= 2 && lower(&words[words.len() - 2..].join(" ")) == "pdf icon" {
            words.truncate(words.len() - 2);
        }
    }
    // An agenda's line "1 Minutes pdf icon PDF 220 KB" numbers the item;
    // elsewhere only an all-capitals heading is taken to have its number
    // in front, as "2030 Agenda" or "100 Resilient Cities" is a name.
    let shouting = words
        .iter()
        .skip(1)
        .all(|w| !w.chars().any(char::is_lowercase));
    if words.len() >= 2
        && ((shouting && words.len() >= 3) || linked)
        && words[0].len() <= 3
        && words[0].chars().all(|c| c.is_ascii_digit())
    {
        words.remove(0);
    }
    if words.len() >= 2 && words.last().copied().is_some_and(is_agenda_mark) {
        words.pop();
    }
    // "Nr.178 - Godkendelse af dagsordenen": the item's number in front.
    if words.len() >= 3
        && super::items::item_label(&words[..2].join(" ")).is_some()
        && matches!(words[1], "-" | "–")
    {
        words.drain(..2);
    }
    // "Motion - Badplats Önsjön": the kind of item in front of its subject.
    if words.len() >= 3
        && matches!(
            lower(words[0]).as_str(),
            "motion" | "medborgarförslag" | "interpellation" | "decision" | "beslut" | "item"
        )
        && matches!(words[1], "-" | "–" | ":")
    {
        words.drain(..2);
    }
    if words.is_empty() {
        return t.to_string();
    }
    // "1. MINUTES OF THE BUDGET MEETING …:" heads what follows.
    words.join(" ").trim_end_matches(':').to_string()
}

/// The title, and whether a label ("§ 12 …", "Ärende: …") gave it.
fn labelled_or_first_title(lines: &[Line]) -> Option<(String, bool)> {
    if let Some((_, title)) = super::meta::agenda_row(lines) {
        return Some((title, true));
    }
    let mut head: Vec<&Line> = lines
        .iter()
        .filter(|l| !is_page_number(&l.text))
        .take(HEAD_LINES)
        .collect();
    // In a protocol the item's own heading follows its § line; what comes
    // before is the protocol's letterhead.
    // Helsinki writes the § after its number: "Ärende 5. / 86 §".
    let paragraph_line = |t: &str| {
        let t = t.trim();
        (t.starts_with('§') && labelled_title(t).is_none())
            || (t.ends_with(" §") && t.len() < 30)
            || super::meta::bullet_number(t).is_some()
    };
    if let Some(at) = head.iter().position(|l| paragraph_line(&l.text)) {
        head.drain(..=at);
        // The item's own heading stands right below its § line, dates and
        // all: "V 13.2.2019, Valtuutettu Otto Meren aloite …".
        if let Some(first) = head.first()
            && labelled_title(&first.text).is_none()
            && case_number_in(&first.text).is_none()
            && body_name(&first.text).is_none()
            && !is_form_line(&lower(&first.text))
            && first.text.chars().filter(|c| c.is_alphabetic()).count() >= 12
            && first.text.chars().any(char::is_lowercase)
            && classify(&first.text, &|_| false).is_none()
            && parse_label(&first.text).is_none()
            && !starts_like_intro(&first.text)
        {
            return Some((squash(&first.text), false));
        }
    }
    for (k, line) in head.iter().enumerate() {
        if let Some(t) = labelled_title(&line.text) {
            return Some((t, true));
        }
        // "Title of Item/Report" with the title on the line below.
        let label = lower(line.text.trim().trim_end_matches(':').trim_end());
        if TITLE_LABELS_ALONE.contains(&label.as_str())
            && let Some(next) = head.get(k + 1)
            && !is_meta(&next.text)
            && next.text.chars().filter(|c| c.is_alphabetic()).count() >= 4
        {
            return Some((squash(&next.text), true));
        }
    }
    for (k, line) in head.iter().enumerate() {
        let t = line.text.trim();
        // "Issue - decisions" heads a council web page's every decision; it
        // names no section of this one.
        if is_form_line(&lower(t)) {
            continue;
        }
        // "Motions on Notice 2018/19 - 23 July 2018": a subject with its
        // meeting's day behind a dash.
        if let Some(title) = dated_title(t) {
            return Some((title, false));
        }
        // The subject comes before the decision and the positions.
        let section = classify(t, &|_| false)
            .is_some_and(|h| !matches!(h, Heading::Body(_) | Heading::Other));
        // Running text has begun: a title is no paragraph of sentences.
        let words = t.split_whitespace().count();
        let prose =
            words > 30 || (t.contains(". ") && t.len() > 150) || (t.ends_with('.') && words > 10);
        if parse_label(t).is_some()
            || starts_like_intro(t)
            || body_at_start(t).is_some()
            || section
            || prose
        {
            return None;
        }
        if is_meta(t) || t.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        // The names below "MEMBERS PRESENT:".
        if k > 0 && attendance_label(&lower(head[k - 1].text.trim())) {
            continue;
        }
        // A page's title over the item's own heading, which it ends with:
        // "Status for Kommuneplan 2017" / "Kommuneplan 2017".
        if let Some(next) = head.get(k + 1)
            && next.text.split_whitespace().count() >= 2
            && squash(&next.text) != squash(t)
            && lower(&squash(t)).ends_with(&format!(" {}", lower(&squash(&next.text))))
        {
            return Some((squash(&next.text), false));
        }
        let mut title = t.to_string();
        // A title broken over two lines.
        if let Some(next) = head.get(k + 1)
            && (next.blanks_before == 0
                || (next.blanks_before == 1 && rest_of_line(&title, &next.text)))
            && squash(&next.text) != squash(t)
            && !title.ends_with(['.', ':'])
            && continues_title(&next.text)
            && title.len() + next.text.len() < 200
        {
            title = format!("{title} {}", next.text);
        }
        // A web page's title "Subject, department" beside the item's own
        // heading "Subject".
        if let Some((subject, _)) = title.rsplit_once(", ")
            && head.iter().any(|l| squash(&l.text) == squash(subject))
        {
            return Some((squash(subject), false));
        }
        return Some((squash(&title), false));
    }
    None
}

/// "Motions on Notice 2018/19 - 23 July 2018", a web page's heading of an
/// item: a subject that reads as a title, a dash, and a date alone.
fn dated_title(t: &str) -> Option<String> {
    let (subject, day) = t.rsplit_once(" - ")?;
    let found = dates::find(day);
    let whole_day = found
        .first()
        .is_some_and(|f| f.start == 0 && f.end == day.trim_end().len());
    let reads_as_title = subject.split_whitespace().count() >= 2
        && subject.chars().any(char::is_lowercase)
        && dates::find(subject).is_empty()
        && !subject.trim_end().ends_with(['.', ':'])
        && parse_label(subject).is_none()
        && body_at_start(subject).is_none()
        && classify(subject, &|_| false).is_none()
        && !is_meta(subject);
    (whole_day && found.len() == 1 && reads_as_title).then(|| squash(t))
}

/// Whether a line after a blank one is the rest of the title, as a PDF's
/// text puts a blank line after each line ("… ur Union of the Baltic" /
/// "Cities"), and not a line of its own, as a web page's caption below
/// its heading ("Uttalande till stöd för Ukraina" / "Flaggning utanför
/// kommunhuset, inklusive den ukrainska flaggan").
fn rest_of_line(title: &str, next: &str) -> bool {
    const OPEN_ENDS: &[&str] = &[
        "och", "i", "för", "av", "till", "om", "med", "på", "og", "af", "for", "til", "the", "of",
        "and", "to", "in", "on", "ja", "sekä",
    ];
    let last = title.split_whitespace().last().unwrap_or("");
    next.split_whitespace().count() <= 3
        || next.starts_with(char::is_lowercase)
        || title.ends_with('-')
        || OPEN_ENDS.contains(&lower(last).as_str())
}

/// Whether the line after a title's first line is more of it.
fn continues_title(next: &str) -> bool {
    let structural = parse_label(next).is_some()
        || starts_like_intro(next)
        || body_at_start(next).is_some()
        || classify(next, &|_| false).is_some()
        || super::meta::rapporteur_label(next)
        || is_meta(next);
    // "Decision Maker: Cabinet" is a field of a form, not more of the title;
    // a heading repeated on the next line is the same heading.
    let field = next
        .split_once(": ")
        .is_some_and(|(label, _)| label.split_whitespace().count() <= 4);
    !structural && !field && !next.trim_end().ends_with(['.', ':']) && next.len() < 100
}

fn labelled_title(line: &str) -> Option<String> {
    if let Some(swapped) = super::items::sign_first(line) {
        return labelled_title(&swapped);
    }
    let l = lower(line);
    if let Some(rest) = line.strip_prefix('§') {
        // "§ 12 Medlemskap i ICLEI" or "§ 12 Dnr KS 2019/0457"
        let rest = rest
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim();
        // "§ 56, KF 2012-03-15 10:00 / …": the meeting's line, not a title.
        if rest.starts_with([',', '/']) || !dates::find(rest).is_empty() {
            return None;
        }
        let cut = lower(rest).find("dnr").unwrap_or(rest.len());
        let t = rest
            .get(..cut)
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ',' | '('))
            .trim();
        return (t.chars().filter(|c| c.is_alphabetic()).count() >= 4).then(|| t.to_string());
    }
    // "Pkt. 294 Forslag til beslutning fra …": a Danish item's number and
    // its heading on one line.
    if let Some(rest) = l.strip_prefix("pkt. ") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let t = line.get("pkt. ".len() + digits..)?.trim();
        return (digits > 0
            && digits <= 4
            && t.starts_with(char::is_uppercase)
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .then(|| squash(t));
    }
    for label in TITLE_LABELS {
        if !l.starts_with(label) {
            continue;
        }
        let mut rest = line.get(label.len()..)?.trim();
        if *label == "item " {
            // "Item 7: Withdrawal from …"
            let (num, after) = rest.split_once(':')?;
            if !num.trim().chars().all(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            rest = after.trim();
        }
        if !rest.is_empty() {
            return Some(squash(rest));
        }
    }
    None
}

/// Labels that put a meeting or decision date on a line.
const DATE_LABELS: &[&str] = &[
    "mødedato",
    "mødedag",
    "dato",
    "møde",
    "møtedato",
    "møtedag",
    "i møte",
    "decided at meeting",
    "date of decision",
    "kokouspäivä",
    "päivämäärä",
    "sammanträdesdatum",
    "sammanträdesdag",
    "sammanträde",
    "mötesdatum",
    "beslutsdatum",
    "datum",
    "meeting date",
    "date of meeting",
    "date",
    "held on",
    "meeting",
    "minutes",
    "protokoll",
    "pöytäkirja",
    "saksprotokoll i",
    "møteprotokoll",
    "beslutningsprotokol",
];

/// Dates that are not the meeting's: when the minutes were checked or posted.
const OTHER_DATES: &[&str] = &[
    "publication date",
    "effective from",
    "justering",
    "anslag",
    "anslagen",
    "nedtagande",
    "published",
    "posted",
];

/// Labels that name the meeting's own date, wherever in the head they stand
/// ("Date of decision: 19/11/2019" below a report that cites other meetings).
const MEETING_DATE_LABELS: &[&str] = &[
    // "Beslutning i Byrådet den 19-12-2016"
    "beslutning i",
    "vedtak i",
    "date of decision",
    "decided at meeting",
    // A ModernGov list of decisions: "Made at meeting: 22/10/2020 - …".
    "made at meeting",
    "sammanträdesdatum",
    "beslutsdatum",
    "mødedato",
    "møtedato",
    "i møte",
];

/// A ModernGov issue page's heading: the minute's number, the decision's
/// reference and the title, with the size of its document: "242
/// 20/00096 - Kent County Council's participation in the Straits
/// Committee PDF 247 KB". The minute's number and the title.
pub(crate) fn issue_heading(lines: &[Line]) -> Option<(String, String)> {
    lines.iter().take(5).find_map(|line| {
        let t = line.text.trim();
        let (number, rest) = t.split_once(' ')?;
        let numbered =
            (1..=4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
        let (reference, title) = rest.split_once(" - ")?;
        let referenced = !reference.contains(' ')
            && reference.contains('/')
            && reference.bytes().any(|b| b.is_ascii_digit());
        // " PDF 247 KB": the link to its document.
        let title = match title.rsplit_once(" PDF ") {
            Some((head, size)) if size.ends_with("KB") || size.ends_with("MB") => head,
            _ => title,
        };
        (numbered && referenced && title.starts_with(char::is_uppercase))
            .then(|| (number.to_string(), tidy_title(title.trim())))
    })
}

/// Whether `r` opens with an English hour: "2.00 pm", "10:30am".
fn clock_time(r: &str) -> bool {
    let r = r.trim_start();
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let h = digits(r);
    if !(1..=2).contains(&h) {
        return false;
    }
    let Some(rest) = r[h..].strip_prefix(['.', ':']) else {
        return false;
    };
    digits(rest) == 2
        && matches!(
            rest[2..].trim_start().get(..2),
            Some("pm" | "am" | "PM" | "AM")
        )
}

/// The day a body decided, written without its year in a line that opens
/// with the body ("Direktionen … beslutade den 21 oktober"), in the year
/// up to the page's date.
fn decided_day_before(lines: &[Line], page: NaiveDate) -> Option<NaiveDate> {
    lines.iter().take(HEAD_LINES).find_map(|line| {
        body_at_start(&line.text)?;
        let day = dates::find(prefix(&line.text, 300))
            .into_iter()
            .next()
            .filter(|f| f.year.is_none())?;
        let year_before = page.checked_sub_days(chrono::Days::new(366))?;
        day.date(Some(year_before)).filter(|d| *d <= page)
    })
}

/// A date right after a body's name anywhere in the text, where nothing
/// in the head dates the meeting: "… beslutades av kommunfullmäktige den
/// 16 december 2019", "Byrådet, 23.02.2016", "Tilapäinen valiokunta,
/// kokous 6.6.2022".
fn body_date(lines: &[Line]) -> Option<NaiveDate> {
    lines.iter().take(HEAD_LINES * 5).find_map(|line| {
        dates::find(prefix(&line.text, 4000))
            .into_iter()
            .find_map(|f| {
                let before = line.text.get(..f.start)?.trim_end();
                let mut ws: Vec<&str> = before.split_whitespace().collect();
                while let Some(last) = ws.last() {
                    let l = lower(last.trim_end_matches(','));
                    if matches!(
                        l.as_str(),
                        "den"
                            | "kokous"
                            | "kokouksen"
                            | "møde"
                            | "möte"
                            | "møte"
                            | "meeting"
                            | "on"
                            // "Kommunalbestyrelsen vedtog 13. juni 2017 …".
                            | "vedtog"
                            | "besluttede"
                            | "beslutade"
                            | "antog"
                            | "vedtok"
                    ) {
                        ws.pop();
                    } else {
                        break;
                    }
                }
                let named = (1..=3).any(|k| {
                    ws.len() >= k && {
                        let name = ws[ws.len() - k..].join(" ");
                        let name = super::words::capitalise(name.trim_end_matches(','));
                        // The body's genitive: "Lapin aluehallituksen
                        // kokouksen 25.5.2022", "Regionstyrelsens möte".
                        let owner = [
                            name.strip_suffix("ksen").map(|b| format!("{b}s")),
                            name.strip_suffix('s').map(str::to_string),
                        ];
                        body_name(&name).is_some()
                            || owner.iter().flatten().any(|o| body_name(o).is_some())
                    }
                });
                named.then(|| f.date(None)).flatten()
            })
    })
}

fn labelled_meeting_date(lines: &[Line]) -> Option<NaiveDate> {
    lines.iter().take(HEAD_LINES * 2).find_map(|line| {
        let l = lower(&line.text);
        MEETING_DATE_LABELS
            .iter()
            .any(|w| find_phrase(&l, w).is_some())
            .then(|| dates::find(&line.text).first().and_then(|f| f.date(None)))
            .flatten()
    })
}

/// The date of a heading within the few lines below line `k` that names
/// a meeting before its date ("… Council Meeting 30th June 2016").
fn meeting_heading_below(lines: &[Line], k: usize) -> Option<NaiveDate> {
    lines.iter().skip(k + 1).take(3).find_map(|line| {
        let first = dates::find(&line.text).into_iter().next()?;
        let before = lower(line.text.get(..first.start)?);
        // "Minutes of last meeting 31 July 2024:" dates an earlier one.
        let earlier = [
            "last",
            "previous",
            "förra",
            "forrige",
            "föregående",
            "edellinen",
        ]
        .iter()
        .any(|w| find_phrase(&before, w).is_some());
        let names_meeting = !earlier
            && ["meeting", "möte", "sammanträde", "møde", "møte", "kokous"]
                .iter()
                .any(|w| find_phrase(&before, w).is_some());
        (line.text.len() < 120 && names_meeting)
            .then(|| first.date(None))
            .flatten()
    })
}

fn meeting_date(lines: &[Line], reach: usize) -> Option<NaiveDate> {
    for (k, line) in lines.iter().take(reach).enumerate() {
        // Each line's dates are found once: a line may be very long.
        let found = dates::find(&line.text);
        let Some(first) = found.first() else {
            continue;
        };
        let l = lower(&line.text);
        // A header table: the labels on one line ("§ Sammanträdets datum
        // Ärende nr"), the values below them ("269 14.12.2009 4").
        let under_label = k < 15
            && k > 0
            && lines[k - 1].text.len() < 200
            && dates::find(&lines[k - 1].text).is_empty()
            && ["datum", "päivämäärä", "dato", "date"]
                .iter()
                .any(|w| lower(&lines[k - 1].text).contains(w));
        if under_label && let Some(d) = first.date(None) {
            return Some(d);
        }
        // The label stands before its date: "… och de anslag som är
        // bindande" after a meeting's day labels nothing.
        let before_first = lower(line.text.get(..first.start).unwrap_or(""));
        if OTHER_DATES.iter().any(|w| before_first.contains(w)) {
            continue;
        }
        // A date alone on a line of the letterhead is the meeting's, also
        // with its weekday in front ("onsdag den 26. november 2014 kl.
        // 17:00") or as a web page heads an item ("24/01/2022 - Update …").
        const WEEKDAYS: &[&str] = &[
            "måndag",
            "tisdag",
            "onsdag",
            "torsdag",
            "fredag",
            "lördag",
            "söndag",
            "måndagen",
            "tisdagen",
            "onsdagen",
            "torsdagen",
            "fredagen",
            "lördagen",
            "söndagen",
            "mandag",
            "tirsdag",
            "lørdag",
            "søndag",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "maanantai",
            "tiistai",
            "keskiviikko",
            "torstai",
            "perjantai",
        ];
        let first_word = l
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(',');
        let alone = k < 15
            && Some(first).is_some_and(|f| {
                let before = line.text.get(..f.start).unwrap_or("");
                let after = line.text.get(f.end..).unwrap_or("").trim_start();
                (f.start == 0
                    && (f.end == line.text.len()
                        || after.starts_with("- ")
                        // "2013-09-24 Beslut i regionfullmäktige"
                        || line.text.len() < 60))
                    || (WEEKDAYS.contains(&first_word) && before.split_whitespace().count() <= 2)
                    // "Council - Wednesday, 19th December, 2012 10.30 am",
                    // "Argyll and Bute Council - Thursday, 26 November 2015"
                    // "Økonomi- og Planudvalget mandag den 25. september 2023"
                    || (before.split_whitespace().count() <= 8
                        && before
                            .split_whitespace()
                            .rev()
                            .find(|w| !matches!(lower(w).as_str(), "den" | "the"))
                            .is_some_and(|w| {
                                WEEKDAYS.contains(&lower(w.trim_end_matches(',')).as_str())
                            }))
            });
        // "Fylkesutvalget 27. februar 2018": the body's name and the date.
        // Also "Stadsstyrelsens beslut 28.11.2022", "Byrådets referat 3.5.2022".
        let body_and_date = k < 15
            && Some(first).is_some_and(|f| {
                // "Cabinet Decision: 3rd November 2011"
                let before = line
                    .text
                    .get(..f.start)
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(':')
                    .trim_end();
                let before = [
                    "beslut",
                    "protokoll",
                    "referat",
                    "møde",
                    "päätökset",
                    "kokous",
                    "decision",
                    "meeting",
                    // "Regionfullmäktige i korthet 2015-11-13"
                    "i korthet",
                ]
                .iter()
                .find_map(|w| {
                    let l = lower(before);
                    l.ends_with(&format!(" {w}"))
                        .then(|| before[..before.len() - w.len()].trim_end())
                })
                .unwrap_or(before)
                // "Kaupunginvaltuusto, kokous 11.9.2023"
                .trim_end_matches(',');
                // "Beslut i korthet - regionstyrelsen 30 mars 2022": the body
                // after a dash, written as a common noun.
                let capitalised;
                let before = match before.rsplit_once(" - ") {
                    Some((_, body)) => {
                        capitalised = super::words::capitalise(body);
                        capitalised.as_str()
                    }
                    None => before,
                };
                // The body's genitive: "Stadsstyrelsens", "Kaupunginhallituksen", "Valtuuston".
                let owner = [
                    before.strip_suffix('s').map(str::to_string),
                    before.strip_suffix("ksen").map(|b| format!("{b}s")),
                    before.strip_suffix('n').map(str::to_string),
                ];
                let after = line.text.get(f.end..).unwrap_or("");
                // "Oulun kaupunginhallitus 18.3.2019, ennakkotiedote päätöksistä"
                // "Kaupunginhallituksen päätökset 4.12.2017 / Marja Ylisalmi"
                // "Kaupunginhallituksen 14.3.2022 kokouksen päätökset"
                (f.end == line.text.len()
                    || after.starts_with(',')
                    || after.trim_start().starts_with('/')
                    || lower(after.trim_start()).starts_with("kokouksen "))
                    && (body_name(before).is_some()
                        || owner.iter().flatten().any(|b| body_name(b).is_some()))
            });
        // "protokoll fra fylkesutvalgets møte 31.01.2018" names an earlier
        // meeting of a body; "fra Ordinært møde torsdag den …" is this one.
        // A minutes' head of time and place: "Aika 21.9.2023, klo 18.00",
        // "Tid: 12.3.2024 kl. 18".
        let timed = ["aika", "tid", "tidpunkt", "kokousaika"].iter().any(|w| {
            l.strip_prefix(w)
                .is_some_and(|r| r.starts_with([' ', ':', '\t']) && first.start <= w.len() + 3)
        })
            // "Den 09.01.2020 kl. 13:00 i Tapperiet": a day with the hour
            // the meeting began, near the top.
            || (k < 15
                && first.start <= 12
                && line.text.get(first.end..).is_some_and(|r| {
                    let r = r.trim_start();
                    r.starts_with("kl.") || r.starts_with("kl ") || r.starts_with("klo ")
                }))
            // "Council, Wednesday, 25th September, 2024 2.00 pm": a
            // ModernGov meeting's day and the hour it began.
            || (k < 15 && line.text.len() < 80 && line.text.get(first.end..).is_some_and(clock_time));
        // A transcribed page's marker carries the meeting's day:
        // "-2, KST 2011-03-07 18:00 Tid 07.03.2011 …".
        // The marker's date is the line's first: page_marker wants it
        // right after the body's letters.
        let marked = super::items::page_marker(&line.text).is_some();
        let labelled = alone
            || timed
            || marked
            || body_and_date
            || DATE_LABELS.iter().any(|w| {
                // "… er gældende fra denne dato" points back at a date
                // and labels none.
                find_phrase(&l, w).is_some_and(|at| {
                    let pointing = l[..at].split_whitespace().next_back().is_some_and(|d| {
                        matches!(d, "denne" | "dette" | "samme" | "this" | "that" | "detta")
                    });
                    if at > first.start && pointing {
                        return false;
                    }
                    let mut before = l[..at].split_whitespace().rev();
                    let owner = before.next().unwrap_or("");
                    let from = before.next().unwrap_or("");
                    let of_a_body =
                        owner.len() > 4 && (owner.ends_with('s') || owner.ends_with("'s"));
                    !(of_a_body && matches!(from, "fra" | "från" | "from" | "af" | "av" | "of"))
                })
            });
        // A news page's own date stands alone above its heading, which
        // names the meeting and its day: "01 July 2016" / "Aberdeenshire
        // Council Meeting 30th June 2016".
        if alone && let Some(d) = meeting_heading_below(lines, k) {
            return Some(d);
        }
        if labelled && let Some(d) = first.date(None) {
            return Some(d);
        }
        // "… återremitterade två ärenden under mötet 28 juni 2023": the date
        // right after "mötet", not after "förra mötet".
        // "Vid kommunstyrelsens sammanträde den 4 mars 2024", "Referat til
        // mødet i Udvalget for Kultur og Fritid den 2. marts 2021": the
        // body's name may stand between the meeting and its day.
        for w in [
            "mötet",
            "möte",
            "sammanträdet",
            "sammanträde",
            "møtet",
            "møte",
            "mødet",
            // "Tiedote maakuntavaltuuston kokouksesta 12.12.2022": Finnish
            // names the meeting in a case ("about", "at").
            "kokouksesta",
            "kokouksessa",
        ] {
            let Some(at) = find_phrase(&l, w) else {
                continue;
            };
            let previous = l[..at].split_whitespace().last().unwrap_or("");
            if matches!(
                previous,
                "förra"
                    | "föregående"
                    | "forrige"
                    | "sidste"
                    | "seneste"
                    | "nästa"
                    | "kommande"
                    | "næste"
                    | "neste"
                    | "edellisestä"
                    | "edellisessä"
                    | "viime"
            ) {
                continue;
            }
            let rest = l[at + w.len()..].trim_start();
            let rest = match rest.strip_prefix("i ").and_then(|r| r.split_once(" den ")) {
                Some((body, day))
                    if body.len() < 60
                        && body
                            .split_whitespace()
                            .next()
                            // "Kommunalbestyrelsen_2018-21": the body and its term.
                            .map(|w| w.split('_').next().unwrap_or(w))
                            .is_some_and(super::sections::names_body) =>
                {
                    day
                }
                _ => rest.strip_prefix("den ").unwrap_or(rest),
            };
            let from = l.len() - rest.len();
            if let Some(d) = found
                .iter()
                .find(|f| f.start == from)
                .and_then(|f| f.date(None))
            {
                return Some(d);
            }
            // "på sitt möte på tisdagen 14.11.2023", "i sitt møte tirsdag
            // 5. april 2022", "sitt møte i Bergen 18. februar 2010": a
            // weekday or a place between the meeting and its day.
            if let Some(f) = found.iter().find(|f| f.start >= from)
                && let Some(between) = l.get(from..f.start)
            {
                let words: Vec<&str> = between.split_whitespace().collect();
                let fits = words.len() <= 3
                    && words.iter().enumerate().all(|(n, w)| {
                        let w = w.trim_end_matches(',');
                        matches!(w, "på" | "i" | "den" | "on" | "the")
                            || WEEKDAYS.contains(&w)
                            || (n > 0 && words[n - 1] == "i")
                    });
                if fits && let Some(d) = f.date(None) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// "Stockholm den 8 september 2011": the place and date a proposal was signed.
fn signing_date(paras: &[Para]) -> Option<NaiveDate> {
    for para in paras {
        if para.kind != ParaKind::Text || para.text.len() > 60 {
            continue;
        }
        let found = dates::find(&para.text);
        let Some(first) = found.first() else {
            continue;
        };
        let before = para.text.get(..first.start).unwrap_or("").trim();
        let before = before.trim_end_matches(',').trim();
        let place = before.strip_suffix(" den").unwrap_or(before).trim();
        let words_before: Vec<&str> = place.split_whitespace().collect();
        let only_date_after = para
            .text
            .get(first.end..)
            .unwrap_or("")
            .trim()
            .trim_end_matches('.')
            .is_empty();
        if only_date_after
            && (1..=3).contains(&words_before.len())
            && words_before.iter().enumerate().all(|(i, w)| {
                // "Stockholm", "Stockholms stad", "Uppsala kommun".
                w.starts_with(char::is_uppercase)
                    || (i > 0 && matches!(*w, "stad" | "kommun" | "region" | "län"))
            })
        {
            return first.date(None);
        }
    }
    None
}

/// Words that mark a language: common ones, and those that tell close
/// neighbours apart (Danish "af", "ikke", "efter" against Norwegian "av",
/// "ikke", "etter"; nynorsk "ikkje", "frå", "eit").
const MARKERS: &[(&str, &[&str])] = &[
    (
        "sv",
        &[
            "och", "att", "som", "för", "det", "med", "är", "den", "på", "till", "ska", "har",
            "inte", "om", "staden", "kommunen", "beslutar", "också", "eller", "enligt", "samt",
            "från", "mot", "efter", "vid",
        ],
    ),
    (
        "da",
        &[
            "og",
            "af",
            "ikke",
            "efter",
            "mellem",
            "nogle",
            "hvad",
            "være",
            "blev",
            "udvalget",
            "byrådet",
            "kommunen",
            "skal",
            "til",
            "fra",
            "også",
            "imod",
            "forslag",
            "sagen",
            "stemmer",
            "beslutning",
            "hvor",
            "deres",
            "været",
            "kan",
            // Common in Danish and Norwegian, rare in Swedish ("att", "är",
            // "ett", "för", "vid"), where "som", "det", "med" and "den"
            // are shared by all three.
            "at",
            "er",
            "et",
            "for",
            "ved",
            "godkendt",
            "indstilling",
            "indstillingen",
            "tiltrådt",
            "sagsnr",
            "efterretning",
        ],
    ),
    (
        "nb",
        &[
            "og",
            "av",
            "ikke",
            "etter",
            "mellom",
            "noen",
            "hva",
            "være",
            "ble",
            "utvalget",
            "bystyret",
            "kommunestyret",
            "skal",
            "til",
            "fra",
            "også",
            "imot",
            "forslag",
            "saken",
            "vedtatt",
            "vedtak",
            "hvor",
            "deres",
            "vært",
            "kan",
            "at",
            "er",
            "et",
            "for",
            "ved",
            "godkjent",
            "innstilling",
            "innstillingen",
        ],
    ),
    (
        "nn",
        &[
            "og",
            "av",
            "ikkje",
            "etter",
            "mellom",
            "nokon",
            "kva",
            "vere",
            "vart",
            "frå",
            "eit",
            "ein",
            "dei",
            "berre",
            "òg",
            "kommunestyret",
            "vedtak",
            "saka",
            "korleis",
            "heile",
            // "Formannskapet si innstilling", "vedteke", "endeleg".
            "si",
            "sitt",
            "sine",
            "endeleg",
            "vedteke",
            "vedtek",
            "lova",
            "desse",
            "difor",
            "medan",
            "saman",
            "endringar",
            "høyring",
            // Shared with bokmål, so that those words do not tip a
            // nynorsk text over (bokmål wins a tie).
            "skal",
            "til",
            "forslag",
            "kan",
            "at",
            "er",
            "for",
            "ved",
            "godkjent",
            "innstilling",
        ],
    ),
    (
        "fi",
        &[
            "ja",
            "on",
            "että",
            "ei",
            "tai",
            "sekä",
            "kaupungin",
            "kaupunki",
            "kaupunginhallitus",
            "päätös",
            "päättää",
            "jäsen",
            "jäsenyys",
            "vuonna",
            "ovat",
            "myös",
            "kuin",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "that", "is", "for", "with", "be", "by", "on", "was", "in",
            "it", "city", "council", "resolved", "which",
        ],
    ),
    // Known only to say that the parser does not know them.
    (
        "de",
        &[
            "und", "der", "die", "das", "ist", "nicht", "mit", "für", "den", "zu", "von",
        ],
    ),
    (
        "fr",
        &[
            "et", "le", "la", "les", "des", "est", "pour", "une", "du", "au", "que",
        ],
    ),
];

/// The languages the parser reads; another is reported with a warning.
pub(crate) const KNOWN_LANGUAGES: &[&str] = &["sv", "da", "nb", "nn", "fi", "en"];

/// The language the document is written in, by the marker words it uses
/// most (Swedish when nothing tells), and how clearly it stood out.
/// The languages (indices into [`MARKERS`]) whose marker words include a
/// lowercase word: looked up once per word instead of searching every list.
fn marker_languages(word: &str) -> &'static [usize] {
    type ByWord = std::collections::HashMap<&'static str, Vec<usize>>;
    static BY_WORD: std::sync::OnceLock<ByWord> = std::sync::OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| {
        let mut map = ByWord::new();
        for (k, (_, markers)) in MARKERS.iter().enumerate() {
            for m in *markers {
                let languages = map.entry(*m).or_default();
                if !languages.contains(&k) {
                    languages.push(k);
                }
            }
        }
        map
    });
    by_word.get(word).map_or(&[], Vec::as_slice)
}

pub(crate) fn language(paras: &[Para]) -> (String, Confidence) {
    let mut scores = vec![0usize; MARKERS.len()];
    let mut seen = 0usize;
    'outer: for para in paras {
        let lowered = lower(prefix(&para.text, 4000));
        for w in words(&lowered) {
            let l = w.text;
            for &k in marker_languages(l) {
                scores[k] += 2;
            }
            // Letters no other language here uses.
            if l.contains(['ä', 'ö']) {
                scores[0] += 1;
                scores[4] += 1;
            }
            if l.contains(['æ', 'ø']) {
                scores[1] += 1;
                scores[2] += 1;
                scores[3] += 1;
            }
            seen += 1;
            if seen > 20_000 {
                break 'outer;
            }
        }
    }
    let best = scores
        .iter()
        .enumerate()
        // The first of equal scores: Swedish before its neighbours.
        .fold(
            (0, 0),
            |(bk, bs), (k, s)| if *s > bs { (k, *s) } else { (bk, bs) },
        );
    let second = scores
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != best.0)
        .map(|(_, s)| *s)
        .max()
        .unwrap_or(0);
    let code = MARKERS[best.0].0;
    let sure = if !KNOWN_LANGUAGES.contains(&code) || best.1 <= second {
        Confidence::Low
    } else if best.1 >= 2 * second && best.1 >= 20 {
        Confidence::High
    } else {
        Confidence::Medium
    };
    (code.to_string(), sure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_marker_word_names_the_languages_whose_list_holds_it() {
        let all = MARKERS.iter().flat_map(|(_, m)| m.iter().copied());
        for w in all.chain(["kommun", "the council", ""]) {
            let by_search: Vec<usize> = MARKERS
                .iter()
                .enumerate()
                .filter(|(_, (_, m))| m.contains(&w))
                .map(|(k, _)| k)
                .collect();
            assert_eq!(marker_languages(w), by_search.as_slice(), "{w}");
        }
    }

    #[test]
    fn case_numbers() {
        assert_eq!(
            case_number_in("PM 2011:125 RI (Dnr 006-1348/2010)").as_deref(),
            Some("006-1348/2010")
        );
        assert_eq!(
            case_number_in("§ 12 Dnr KS 2019/0457").as_deref(),
            Some("KS 2019/0457")
        );
        assert_eq!(
            case_number_in("Dnr 2016/0117 KS-2").as_deref(),
            Some("2016/0117 KS-2")
        );
        assert_eq!(
            case_number_in("Diarienummer: KS/2017:214").as_deref(),
            Some("KS/2017:214")
        );
        assert_eq!(
            case_number_in("Case no. EC 2020/15").as_deref(),
            Some("EC 2020/15")
        );
        for n in [
            "SN-2014-1974",
            "FR/23/041",
            "HEL 2015-012404",
            "BR 366/07",
            "2013/0743 KS-1",
        ] {
            assert_eq!(
                case_number_in(&format!("Dnr {n}")).as_deref(),
                Some(n),
                "{n}"
            );
        }
        assert_eq!(case_number_in("Dnr: 123"), None);
        assert_eq!(case_number_in("dnr"), None);
    }

    #[test]
    fn case_numbers_without_a_label() {
        let line = |t: &str| Line {
            text: t.into(),
            blanks_before: 0,
            after_break: false,
            furniture: false,
        };
        let lines = [
            line("Helsingfors stad"),
            line("Protokoll"),
            line("10/2016"),
            line("HEL 2015-012404"),
        ];
        assert_eq!(
            loose_case_number(&lines).as_deref(),
            Some("HEL 2015-012404")
        );
        let lines = [line("Nr. 20 BR 366/07. Medlemsforslag")];
        assert_eq!(loose_case_number(&lines).as_deref(), Some("BR 366/07"));
        let lines = [line("the costs had fallen since 2006/7 and in 2011/12")];
        assert_eq!(loose_case_number(&lines), None);
        assert!(!financial_year("2013/0743") && !financial_year("2019-0457"));
    }

    #[test]
    fn references() {
        assert_eq!(
            reference_in("PM 2011:125 RI (Dnr 006-1348/2010)").as_deref(),
            Some("PM 2011:125 RI")
        );
        assert_eq!(
            reference_in("Utlåtande 2011:12 RV").as_deref(),
            Some("Utlåtande 2011:12 RV")
        );
        assert_eq!(reference_in("PM 2019:3").as_deref(), Some("PM 2019:3"));
        assert_eq!(reference_in("Dnr KS/2017:214"), None);
    }

    #[test]
    fn case_numbers_lose_a_headings_colon_and_are_no_web_addresses() {
        let tidy = |n: &str| tidy_case_number(n.to_string());
        assert_eq!(tidy("24/104:").as_deref(), Some("24/104"));
        assert_eq!(tidy("KS 2019/0457").as_deref(), Some("KS 2019/0457"));
        assert_eq!(tidy("www.gotland.se/98617"), None);
        assert_eq!(
            tidy("http://ppohjanmaa.tjhosting.com/kokous/2017463.HTM"),
            None
        );
        assert_eq!(tidy("2014/"), None);
    }

    #[test]
    fn labelled_titles() {
        assert_eq!(
            labelled_title("§ 12 Medlemskap i ICLEI").as_deref(),
            Some("Medlemskap i ICLEI")
        );
        assert_eq!(labelled_title("§ 12 Dnr KS 2019/0457"), None);
        assert!(is_meta("Paragraf 45") && is_meta("§ 4") && !is_meta("Utträde ur CEMR"));
        assert_eq!(
            labelled_title("Item 7: Withdrawal from Energy Cities").as_deref(),
            Some("Withdrawal from Energy Cities")
        );
        assert_eq!(
            labelled_title("Ärende: Medlemskap i UBC").as_deref(),
            Some("Medlemskap i UBC")
        );
    }
}
