//! What a protocol item says about itself besides its decision: its
//! paragraph number (§), who presented it (föredragande, saksbehandler,
//! report author) and the titles of its attachments (Bilaga, Bilag,
//! Vedlegg, Appendix).

use super::paragraphs::{Para, ParaKind};
use super::sections::Heading;
use super::text::Line;
use super::words::lower;

/// How far into the document the item's own head may reach, in lines.
const HEAD_LINES: usize = 60;

/// The § number of the item: "§ 63", "§63 Dnr …", "Paragraf 45".
pub(crate) fn paragraph(lines: &[Line]) -> Option<String> {
    if let Some((n, _)) = agenda_row(lines) {
        return Some(n);
    }
    lines
        .iter()
        .filter(|l| !l.furniture)
        .take(HEAD_LINES)
        .find_map(|l| paragraph_in(&l.text))
        .or_else(|| numbered_paragraphs(lines))
}

/// A minute whose paragraphs are numbered within it, as British councils
/// number them: "112.1 The Council reviewed …", "112.2 Recommendation (4)
/// was put …". The minute's own number, when at least two paragraphs run
/// on from .1 under it; below 10 it is more likely a report's chapter.
fn numbered_paragraphs(lines: &[Line]) -> Option<String> {
    let mut minute: Option<(u32, u32)> = None;
    for l in lines.iter().filter(|l| !l.furniture).take(HEAD_LINES * 2) {
        let t = l.text.trim_start();
        let Some((head, _)) = t.split_once(char::is_whitespace) else {
            continue;
        };
        let Some((n, k)) = head.split_once('.') else {
            continue;
        };
        let (Ok(n), Ok(k)) = (n.parse::<u32>(), k.parse::<u32>()) else {
            continue;
        };
        if !(10..=9999).contains(&n) {
            continue;
        }
        minute = match minute {
            None if k == 1 => Some((n, 1)),
            Some((m, last)) if m == n && k == last + 1 => Some((n, k)),
            other => other,
        };
    }
    minute
        .filter(|(_, last)| *last >= 2)
        .map(|(n, _)| n.to_string())
}

/// An item shown as a row below a table's labels, as Danish minutes pages
/// lay it out: "Punkt Titel Udvalg Funktioner" and below it "21 Forslag
/// fra … til en stærkere folkeskole Byrådet Vis medlemmer …". The item's
/// number and its title, which runs up to the body's name.
pub(crate) fn agenda_row(lines: &[Line]) -> Option<(String, String)> {
    let head: Vec<&Line> = lines.iter().take(HEAD_LINES).collect();
    let k = head.iter().position(|l| {
        let w: Vec<String> = l.text.split_whitespace().take(2).map(lower).collect();
        w.len() == 2 && matches!(w[0].as_str(), "punkt" | "pkt." | "sag") && w[1] == "titel"
    })?;
    let row = head.get(k + 1)?.text.trim();
    let digits = row.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let rest = row[digits..].trim_start();
    let body_at = rest.match_indices(' ').map(|(at, _)| at + 1).find(|&at| {
        let word = rest[at..].split_whitespace().next().unwrap_or("");
        word.starts_with(char::is_uppercase)
            && super::sections::body_name(word.trim_end_matches([',', '.'])).is_some()
    })?;
    let title = rest[..body_at].trim().trim_end_matches(',');
    (title.chars().filter(|c| c.is_alphabetic()).count() >= 8)
        .then(|| (row[..digits].to_string(), title.to_string()))
}

/// The number written in front of the item's title in the head: "1. Budget
/// 2021 …" gives "1".
pub(crate) fn number_of_heading(lines: &[Line], title: &str) -> Option<String> {
    lines.iter().take(HEAD_LINES).find_map(|l| {
        let t = l.text.trim();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let rest = t.get(digits..)?.strip_prefix(". ")?;
        ((1..=3).contains(&digits) && rest.trim() == title.trim()).then(|| t[..digits].to_string())
    })
}

/// An item's row in a Norwegian public-records page's list of cases, the
/// case title and the link to its main document: "• Godkjenning av
/// innkalling og sakliste Hoveddokument 95KB". The title.
pub(crate) fn document_row(lines: &[Line]) -> Option<String> {
    lines.iter().take(HEAD_LINES).find_map(|l| {
        let t = l.text.trim().strip_prefix('•')?.trim();
        let (title, size) = t.rsplit_once(" Hoveddokument ")?;
        let size = size
            .trim()
            .trim_end_matches(['B', 'b'])
            .trim_end_matches(['K', 'M', 'k'])
            .trim();
        (!size.is_empty()
            && size
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            && title.chars().filter(|c| c.is_alphabetic()).count() >= 6)
            .then(|| title.trim().to_string())
    })
}

/// An item heading numbered on through the year and set in capitals, as
/// Irish and British minutes write it: "120. VOTE OF SYMPATHY". Its
/// number and its title.
pub(crate) fn numbered_caps_heading(lines: &[Line]) -> Option<(String, String)> {
    lines
        .iter()
        .filter(|l| !l.furniture)
        .take(HEAD_LINES)
        .find_map(|l| numbered_caps(&l.text))
}

fn numbered_caps(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let title = t.get(digits..)?.strip_prefix(". ")?.trim();
    let letters = title.chars().filter(|c| c.is_alphabetic()).count();
    ((2..=4).contains(&digits)
        && letters >= 8
        && title.len() < 120
        && !title.chars().any(char::is_lowercase)
        && title.starts_with(char::is_alphabetic))
    .then(|| (t[..digits].to_string(), title.to_string()))
}

fn paragraph_in(line: &str) -> Option<String> {
    let t = line.trim();
    if let Some(swapped) = super::items::sign_first(t) {
        return paragraph_in(&swapped);
    }
    // "08/15:01 APOLOGIES AND CHAIRMAN'S BUSINESS": the minute's number.
    if let Some(code) = t
        .split_whitespace()
        .next()
        .filter(|w| super::items::colon_code(w).is_some())
    {
        return Some(code.to_string());
    }
    let l = lower(t);
    // A Dynasty page's head: "Pöytäkirja 08.12.2025/Pykälä 48".
    if let Some((_, after)) = t.rsplit_once('/')
        && ["pykälä ", "paragraf "]
            .iter()
            .any(|p| lower(after).starts_with(p))
    {
        return paragraph_in(after);
    }
    if let Some((n, _)) = numbered_caps(t) {
        return Some(n);
    }
    // " • 1" above the item's heading, as Danish minutes pages number it.
    if let Some(n) = bullet_number(t) {
        return Some(n.to_string());
    }
    // Helsinki's "33. / 638 §", "Ärende 5. / 97 §": the § after the number.
    if let Some(before) = t.strip_suffix('§')
        && let Some((_, n)) = before.trim_end().rsplit_once("/ ")
        && !n.is_empty()
        && n.len() <= 4
        && n.chars().all(|c| c.is_ascii_digit())
    {
        return Some(n.to_string());
    }
    // An item numbered as Danish and British minutes do: "Nr. 20 BR 366/07",
    // "Sag nr. 129", "Meeting: 20/03/2019 - Council (Item 78)".
    if let Some(label) = super::items::item_label(t)
        && !label.starts_with('§')
    {
        return label.split_whitespace().last().map(str::to_string);
    }
    if let Some(at) = l.find("(item ") {
        let n: String = l[at + 6..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if !n.is_empty() {
            return Some(n);
        }
    }
    // "Sfm § 269", "Kommunstyrelsen 2012-01-24 § 25": a body's § line.
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if let [lead @ .., mark, n] = tokens.as_slice()
        && *mark == "§"
        && (1..=3).contains(&lead.len())
        && lead[0].starts_with(char::is_uppercase)
        && !n.is_empty()
        && n.len() <= 4
        && n.chars().all(|c| c.is_ascii_digit())
    {
        return Some((*n).to_string());
    }
    let rest = if let Some(r) = t.strip_prefix('§') {
        // "§§ 12–14" names several items, none of them this one.
        if r.starts_with('§') {
            return None;
        }
        r
    } else {
        let l = lower(t);
        ["paragraf ", "pykälä "]
            .iter()
            .find(|p| l.starts_with(*p))
            .and_then(|p| t.get(p.len()..))?
    };
    let rest = rest.trim_start();
    let number: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if number.is_empty() || number.len() > 4 {
        return None;
    }
    // "§ 4/2014": numbered within the year.
    let year: String = rest[number.len()..]
        .strip_prefix('/')
        .map(|r| r.chars().take_while(|c| c.is_ascii_digit()).collect())
        .unwrap_or_default();
    Some(if year.len() == 4 {
        format!("{number}/{year}")
    } else {
        number
    })
}

const RAPPORTEUR_LABELS: &[&str] = &[
    "föredragande borgarråd",
    "föredragande",
    "föredragare",
    "handläggare",
    "sagsbehandler",
    "saksbehandler",
    "saksordfører",
    "esittelijä",
    "valmistelija",
    "rapporteur",
    "report author",
    "report of",
    "lead officer",
    "contact officer",
    "report by",
];

/// Whether a line opens with the label of who prepared or presented the
/// item ("Valmistelija Anna Virtanen"): no title goes on into it.
pub(crate) fn rapporteur_label(line: &str) -> bool {
    let low = lower(line.trim());
    RAPPORTEUR_LABELS.iter().any(|label| {
        low.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([':', ' ', '\t']))
    })
}

/// Who presented the item: "Föredragande: Anna Ek", "Saksbehandler: Kari
/// Nordmann", "Report author: Sam Smith, Head of Policy".
pub(crate) fn rapporteur(lines: &[Line]) -> Option<String> {
    lines.iter().take(HEAD_LINES * 4).find_map(|l| {
        let t = l.text.trim();
        let low = lower(t);
        RAPPORTEUR_LABELS.iter().find_map(|label| {
            let rest = low.strip_prefix(label)?;
            // "Föredragande borgarrådet Anna Ek anför följande." is a sentence, not a label.
            if !rest.starts_with([':', ' ', '\t']) {
                return None;
            }
            let value = t
                .get(label.len()..)?
                .trim_start_matches([':', ' ', '\t'])
                .trim();
            let value = value.trim_end_matches(['.', ',', ';']).trim();
            let letters = value.chars().filter(|c| c.is_alphabetic()).count();
            let sentence = value.split_whitespace().count() > 10;
            (letters >= 3 && !sentence && value.chars().next().is_some_and(char::is_uppercase))
                .then(|| value.to_string())
        })
    })
}

const ATTACHMENT_WORDS: &[&str] = &[
    "bilaga",
    "bilagor",
    "bilag",
    "bilagsförteckning",
    "vedlegg",
    "vedlegg:",
    "liite",
    "liitteet",
    "appendix",
    "appendices",
    "annex",
    "annexes",
    "attachment",
    "attachments",
];

fn attachment_word(w: &str) -> bool {
    ATTACHMENT_WORDS.contains(&w.trim_end_matches(':'))
}

/// "Bilaga 1 Avsiktsförklaring", "Bilag 2: Vedtægter", "Appendix A –
/// Membership terms": the title after the word and its number or letter.
fn attachment_title(line: &str) -> Option<String> {
    let t = line.trim();
    let mut words = t.split_whitespace();
    let first = lower(words.next()?);
    if !attachment_word(&first) {
        return None;
    }
    let mut rest = t.get(t.find(char::is_whitespace)?..)?.trim_start();
    // The attachment's number or letter: "1", "2:", "A", "1.".
    if let Some(tag) = rest.split_whitespace().next()
        && tag.trim_end_matches([':', '.', ')']).chars().count() <= 3
        && tag
            .trim_end_matches([':', '.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        rest = rest.get(tag.len()..)?.trim_start();
    }
    let title = rest
        .trim_start_matches([':', '–', '-', '—', ' '])
        .trim()
        .trim_end_matches(['.', ';'])
        .trim();
    (title.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| title.to_string())
}

/// The titles of the item's attachments, each once, in order: from lines
/// that name one, and from the list under a "Bilagor" heading.
pub(crate) fn attachments(lines: &[Line], paras: &[Para]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |t: String| {
        if !out.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
    };
    for l in lines.iter().filter(|l| !l.furniture) {
        if let Some(t) = attachment_title(&l.text) {
            push(t);
        }
    }
    let mut listing = false;
    for p in paras {
        match &p.kind {
            ParaKind::Heading(h) => {
                listing = *h == Heading::Other
                    && lower(&p.text)
                        .split_whitespace()
                        .next()
                        .is_some_and(attachment_word);
            }
            ParaKind::Item(_) if listing => {
                let t = p.text.trim().trim_end_matches(['.', ';']).trim();
                if t.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    push(t.to_string());
                }
            }
            ParaKind::Text | ParaKind::Item(_) => listing = false,
        }
    }
    out
}

/// The item's number after a bullet, alone on its line: " • 1".
pub(crate) fn bullet_number(t: &str) -> Option<&str> {
    let n = t.trim().strip_prefix('•')?.trim();
    (!n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_numbers() {
        assert_eq!(paragraph_in("§ 63 Dnr KS 2019/0457").as_deref(), Some("63"));
        assert_eq!(
            paragraph_in("§12 Medlemskap i ICLEI").as_deref(),
            Some("12")
        );
        assert_eq!(paragraph_in("Paragraf 45").as_deref(), Some("45"));
        assert_eq!(
            paragraph_in("§ 4/2014 Dnr 2013/0743 KS-1").as_deref(),
            Some("4/2014")
        );
        assert_eq!(paragraph_in("33. / 638 §").as_deref(), Some("638"));
        assert_eq!(paragraph_in("Kuntalaki 136 §"), None);
        assert_eq!(
            paragraph_in("Nr. 20  BR 366/07. Medlemsforslag").as_deref(),
            Some("20")
        );
        assert_eq!(
            paragraph_in("Meeting: 20/03/2019 - Council (Item 78)").as_deref(),
            Some("78")
        );
        assert_eq!(paragraph_in("§§ 12–14"), None);
        assert_eq!(paragraph_in("Enligt 5 § kommunallagen"), None);
    }

    #[test]
    fn attachment_titles() {
        assert_eq!(
            attachment_title("Bilaga 1 Avsiktsförklaring").as_deref(),
            Some("Avsiktsförklaring")
        );
        assert_eq!(
            attachment_title("Bilag 2: Vedtægter for netværket").as_deref(),
            Some("Vedtægter for netværket")
        );
        assert_eq!(
            attachment_title("Appendix A – Membership terms").as_deref(),
            Some("Membership terms")
        );
        assert_eq!(attachment_title("Bilaga 1"), None);
        assert_eq!(attachment_title("Bilagan visar kostnaderna."), None);
    }
}
