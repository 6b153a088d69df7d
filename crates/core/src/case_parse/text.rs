//! Undoing what PDF extraction does to a document: odd spaces and control
//! characters, page numbers and running heads, and words hyphenated across
//! lines and pages.

use super::words::{lower, squash};
use super::{ParseError, ParseErrorKind};
use std::collections::HashMap;

/// A line of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub(crate) text: String,
    /// Blank lines between this line and the previous content line.
    pub(crate) blanks_before: usize,
    /// A page ended between this line and the previous content line.
    pub(crate) after_break: bool,
    /// A page number or running head: kept for reading the heading, skipped
    /// when the text is joined into paragraphs.
    pub(crate) furniture: bool,
}

/// Refuses input that cannot be a document: empty, or mostly not text.
pub(crate) fn check(text: &str) -> Result<(), ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::new(ParseErrorKind::Empty));
    }
    let mut total = 0usize;
    let mut odd = 0usize;
    let mut replaced = 0usize;
    for c in text.chars().take(1 << 20) {
        total += 1;
        if c == '\u{fffd}' {
            replaced += 1;
        } else if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            odd += 1;
        }
    }
    // A few stray control characters are normal in extracted text; many are not.
    if odd * 100 > total || replaced * 20 > total {
        return Err(ParseError::new(ParseErrorKind::Binary));
    }
    Ok(())
}

/// One raw line after character clean-up.
struct Raw {
    text: String,
    page_break_before: bool,
}

/// Markup a web page's text keeps when it was copied as HTML: the tags
/// ("<br />", "<strong>kommun</strong>") go, the common entities are
/// written out. A "<" that opens no tag ("a < b") is kept.
fn strip_markup(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('<') && !line.contains('&') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(['<', '&']) {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if let Some(inner) = tail.strip_prefix('<') {
            let close = tail.find('>').filter(|&c| c < 200);
            let name = inner.trim_start_matches('/');
            let is_tag = close.is_some() && name.starts_with(|c: char| c.is_ascii_alphabetic());
            if let (true, Some(c)) = (is_tag, close) {
                // A line break or a block in the markup is a space here;
                // "<strong>kommun</strong>fullmäktige" is one word.
                let tag: String = name
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                let inline = matches!(
                    tag.as_str(),
                    "strong"
                        | "b"
                        | "i"
                        | "em"
                        | "u"
                        | "span"
                        | "a"
                        | "mark"
                        | "small"
                        | "sup"
                        | "sub"
                );
                if !inline {
                    out.push(' ');
                }
                rest = &tail[c + 1..];
                continue;
            }
        } else {
            const ENTITIES: &[(&str, &str)] = &[
                ("&nbsp;", " "),
                ("&amp;", "&"),
                ("&lt;", "<"),
                ("&gt;", ">"),
                ("&quot;", "\""),
                ("&#39;", "'"),
                ("&apos;", "'"),
            ];
            if let Some((e, with)) = ENTITIES.iter().find(|(e, _)| tail.starts_with(e)) {
                out.push_str(with);
                rest = &tail[e.len()..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out.into()
}

fn normalise(line: &str) -> String {
    let line = strip_markup(line);
    // A decision register's "Date :-2011/12/14" is a field like "Date: …".
    let line = if line.contains(" :-") {
        std::borrow::Cow::Owned(line.replace(" :-", ": "))
    } else if let Some(head) = line.trim_end().strip_suffix(":-") {
        // Scottish minutes: "The Council resolved:-" introduces the decision.
        std::borrow::Cow::Owned(format!("{head}:"))
    } else {
        line
    };
    let line = line.as_ref();
    // Most lines hold nothing to undo but spacing.
    if !needs_cleaning(line.as_bytes()) {
        return squash(line);
    }
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let last_visible = chars.iter().rposition(|c| !c.is_whitespace());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\u{ad}' => {
                let spaced = i > 0 && chars[i - 1] == ' ';
                if Some(i) == last_visible {
                    // A soft hyphen only matters where the line breaks; PDF
                    // extraction may put a space before it.
                    trim_end_spaces(&mut out);
                    out.push('-');
                } else if spaced {
                    // Extracted from PDF, a visible hyphen ("Ann-Margarethe")
                    // can come out as a soft hyphen between spaces.
                    trim_end_spaces(&mut out);
                    out.push('-');
                    while chars.get(i + 1) == Some(&' ') {
                        i += 1;
                    }
                }
            }
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2002}'..='\u{200a}' | '\t' => out.push(' '),
            '\u{200b}' | '\u{feff}' | '\u{fffd}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
        i += 1;
    }
    squash(&out)
}

/// Whether a line holds a character [`normalise`] changes or drops:
/// a control character, a soft or unbreaking hyphen, an odd space, a
/// byte order mark or a replacement character. Read from the bytes of
/// their UTF-8 forms, which costs less than decoding every character.
fn needs_cleaning(b: &[u8]) -> bool {
    super::words::any_byte_at(b, |c, next, third| match c {
        0x00..=0x1F | 0x7F => true,
        // U+0080 to U+009F (controls), U+00A0 and U+00AD.
        0xC2 => matches!(next, 0x80..=0xA0 | 0xAD),
        // U+2002 to U+200B, U+2010, U+2011 and U+202F.
        0xE2 => next == 0x80 && matches!(third, 0x82..=0x8B | 0x90 | 0x91 | 0xAF),
        // U+FEFF and U+FFFD.
        0xEF => (next == 0xBB && third == 0xBF) || (next == 0xBF && third == 0xBD),
        _ => false,
    })
}

fn trim_end_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

/// A page copied with its markup on one line ("<p>Apologies …</p><p>It
/// was agreed …</p>"): each block is a paragraph, as the page showed it,
/// and its tags go. A "<br>" is left for [`strip_markup`] to make a space:
/// pages break lines inside a sentence with it.
pub(crate) fn block_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    const BLOCKS: &[&str] = &["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"];
    if !text.contains("</") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    let mut changed = false;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let tag = tail
            .find('>')
            .filter(|&c| c < 200)
            .map(|c| (c, tail[1..c].trim_start_matches('/')))
            .map(|(c, inner)| {
                let name: String = inner
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                (c, name, tail[1..].starts_with('/'))
            });
        match tag {
            Some((c, name, closing)) if BLOCKS.contains(&name.as_str()) => {
                if closing {
                    out.push_str("\n\n");
                }
                rest = &tail[c + 1..];
                changed = true;
            }
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    if changed { out.into() } else { text.into() }
}

fn raw_lines(text: &str) -> Vec<Raw> {
    let text: std::borrow::Cow<'_, str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let mut out = Vec::new();
    let mut page_break = false;
    for line in text.split('\n') {
        let mut parts = line.split('\u{c}').peekable();
        while let Some(part) = parts.next() {
            for (k, piece) in unflatten(part).into_iter().enumerate() {
                // Each piece stood apart on the page: a paragraph of its own.
                if k > 0 {
                    for _ in 0..2 {
                        out.push(Raw {
                            text: String::new(),
                            page_break_before: false,
                        });
                    }
                }
                out.push(Raw {
                    text: normalise(piece),
                    page_break_before: page_break,
                });
                page_break = false;
            }
            page_break = parts.peek().is_some();
        }
    }
    stack_labels(unframe(out))
}

/// A line that is a number of one to four digits and nothing else, but
/// for a table's cell rule after it ("420 |"): a paragraph's number.
pub(crate) fn bare_number(line: &str) -> Option<&str> {
    let t = line.trim().trim_end_matches('|').trim_end();
    ((1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())).then_some(t)
}

/// A paragraph's number standing above its title and again below it
/// ("387" / title / "387") frames the heading: both lines are blanked, so
/// that they are not read as page numbers across which a paragraph runs on.
fn unframe(mut raws: Vec<Raw>) -> Vec<Raw> {
    let mut i = 0;
    while i < raws.len() {
        let Some(number) = bare_number(&raws[i].text).map(str::to_string) else {
            i += 1;
            continue;
        };
        let mut between = 0;
        let mut closing = None;
        for (j, raw) in raws.iter().enumerate().skip(i + 1).take(10) {
            if bare_number(&raw.text) == Some(number.as_str()) {
                closing = Some(j);
                break;
            }
            if !raw.text.is_empty() {
                between += 1;
            }
            if between > 3 {
                break;
            }
        }
        match closing.filter(|_| between > 0) {
            Some(j) => {
                raws[i].text.clear();
                raws[j].text.clear();
                i = j + 1;
            }
            None => i += 1,
        }
    }
    raws
}

/// Vote labels a web page lays out as stacked cells, the count on a line
/// of its own below ("FOR" / "13" / names … "MOT" / "0"), joined into one
/// line "FOR: 13", so that the count is not taken for a page number.
fn stack_labels(raws: Vec<Raw>) -> Vec<Raw> {
    let mut raws = unglue_cells(raws);
    const LABELS: &[&str] = &[
        "for",
        "mot",
        "imot",
        "imod",
        "against",
        "ja",
        "nej",
        "nei",
        "jaa",
        "ei",
        "avstår",
        "avstod",
        "blanke",
        "blank",
        "abstain",
        "abstentions",
        "tyhjä",
        "poissa",
        "fraværende",
        "frånvarande",
        "absent",
    ];
    let is_label =
        |t: &str| t.len() <= 12 && LABELS.contains(&lower(t.trim_end_matches(':')).as_str());
    let is_count = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut i = 0;
    while i < raws.len() {
        if is_label(&raws[i].text) {
            let next = (i + 1..raws.len()).find(|&k| !raws[k].text.is_empty());
            if let Some(k) = next
                && k - i <= 2
                && is_count(&raws[k].text)
            {
                out.push(Raw {
                    text: format!("{}: {}", raws[i].text.trim_end_matches(':'), raws[k].text),
                    page_break_before: raws[i].page_break_before,
                });
                i = k + 1;
                continue;
            }
        }
        out.push(Raw {
            text: std::mem::take(&mut raws[i].text),
            page_break_before: raws[i].page_break_before,
        });
        i += 1;
    }
    out
}

/// Cells a web page's text ran together without a break, as Kaukus's vote
/// pages do: "0FOR" (a count and the next label), "13 Vigdis Beisland …"
/// (a count and its names) and "…Arbeidarpartiet12:12 Tilleggsforslag"
/// (the names and the next proposal's number).
fn unglue_cells(raws: Vec<Raw>) -> Vec<Raw> {
    const LABELS: &[&str] = &["FOR", "MOT", "IMOT", "IMOD", "AVSTÅR", "BLANKE"];
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut after_label = false;
    for raw in raws {
        let t = raw.text.as_str();
        // Most lines hold no digit and nothing to cut.
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            after_label = LABELS.contains(&t);
            out.push(raw);
            continue;
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let mut pieces: Vec<String> = Vec::new();
        // "2 Raymond Skorstad Uavhengig Jon Espen Syversen RødtMOT": the
        // names of one side run into the next side's label.
        let glued_label = LABELS.iter().find_map(|l| {
            let head = t.strip_suffix(l)?;
            head.chars()
                .next_back()
                .is_some_and(char::is_lowercase)
                .then_some((head, *l))
        });
        if let Some((head, label)) = glued_label {
            let head_pieces = if (1..=3).contains(&digits) && head[digits..].starts_with(' ') {
                vec![head[..digits].to_string(), head[digits + 1..].to_string()]
            } else {
                vec![head.to_string()]
            };
            for (k, piece) in head_pieces
                .into_iter()
                .chain(std::iter::once(label.to_string()))
                .enumerate()
            {
                out.push(Raw {
                    text: piece,
                    page_break_before: raw.page_break_before && k == 0,
                });
            }
            after_label = true;
            continue;
        }
        if (1..=3).contains(&digits) && LABELS.contains(&&t[digits..]) {
            pieces.push(t[..digits].to_string());
            pieces.push(t[digits..].to_string());
        } else if after_label
            && (1..=3).contains(&digits)
            && t[digits..].starts_with(' ')
            && t[digits + 1..].starts_with(char::is_uppercase)
        {
            pieces.push(t[..digits].to_string());
            pieces.extend(split_glued_number(&t[digits + 1..]));
        } else {
            pieces.extend(split_glued_number(t));
        }
        after_label = pieces.last().is_some_and(|p| LABELS.contains(&p.as_str()));
        let mut first = true;
        for piece in pieces {
            out.push(Raw {
                text: piece,
                page_break_before: raw.page_break_before && first,
            });
            first = false;
        }
    }
    out
}

/// "…Arbeidarpartiet12:12 Tilleggsforslag frå H": a lowercase letter run
/// into "NN:NN " and a capital starts a new line there.
fn split_glued_number(t: &str) -> Vec<String> {
    let b = t.as_bytes();
    // The number is one or two digits, a colon and two digits: "4:03", "12:12".
    let number_at = |i: usize| -> Option<usize> {
        let lead = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let end = i + lead + 3;
        ((1..=2).contains(&lead)
            && b.get(i + lead) == Some(&b':')
            && b.get(i + lead + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + lead + 2).is_some_and(u8::is_ascii_digit)
            && b.get(end) == Some(&b' ')
            && t.get(end + 1..)
                .is_some_and(|r| r.starts_with(char::is_uppercase)))
        .then_some(end)
    };
    // "15:22 Forslag frå B. Lyngstad (V)" on a line of its own: the
    // proposal's number in front of its heading.
    if let Some(end) = number_at(0) {
        let head = super::words::lower(super::words::prefix(&t[end + 1..], 60));
        if head.contains("forslag") || head.contains("innstilling") {
            return vec![t[..end].to_string(), t[end + 1..].to_string()];
        }
    }
    let cut = (1..b.len()).find(|&i| {
        b[i - 1].is_ascii_lowercase() && b[i].is_ascii_digit() && number_at(i).is_some()
    });
    // The number goes on a line of its own, so that the proposal's own
    // words ("Tilleggsforslag frå H") open their line.
    match cut.and_then(|i| number_at(i).map(|end| (i, end))) {
        Some((i, end)) => vec![
            t[..i].to_string(),
            t[i..end].to_string(),
            t[end + 1..].to_string(),
        ],
        None => vec![t.to_string()],
    }
}

/// Points a page ran into one line: "… innstilling i 2 punkt vedtas.
/// 1.Samarbeidsavtalen … godkjennes. 2. Avtalen skal …". Cuts before each
/// label of a run 1., 2., … that follows the end of a sentence or a colon.
fn inline_points(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut want = 1u32;
    for at in memchr::memchr2_iter(b'.', b':', line.as_bytes()) {
        let rest = line[at + 1..].trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        // "2011. Text" or "1.5 miljoner" are no labels.
        if digits == 0
            || rest.as_bytes().get(digits) != Some(&b'.')
            || rest[..digits].parse::<u32>().ok() != Some(want)
            || rest[digits + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        cuts.push(line.len() - rest.len());
        want += 1;
    }
    if cuts.len() >= 2 { cuts } else { Vec::new() }
}

/// Where a PDF transcript ran a protocol's fields and headings together
/// on one long line ("… Motion: Genomför … Diarienummer: RJL 2016/1288
/// Vid protokollet Beslut Regionstyrelsen föreslår …"), the line is cut
/// before each field label and heading, so that they read as they stood
/// on the page. Lines of ordinary length are left as they are.
fn unflatten(line: &str) -> Vec<&str> {
    /// Field labels, and headings that are followed by a capital.
    const LABELS: &[&str] = &[
        "Diarienummer:",
        "Dnr:",
        "Dnr.",
        "Ärende:",
        "Ärendenummer:",
        "Motion:",
        "Tid:",
        "Plats:",
        "Saksnr:",
        "Saksnr.:",
        "Sagsnr.:",
        "Sagsnr:",
        "Arkivsak:",
        "Case number:",
        "Subject:",
    ];
    const HEADINGS: &[&str] = &[
        "Beslut",
        "Beslutsgång",
        "Beslutsunderlag",
        "Sammanfattning",
        "Ärendebeskrivning",
        "Bakgrund",
        "Yrkanden",
        "Reservationer",
        "Reservation",
        "Protokollsanteckning",
        "Särskilt yttrande",
        "Förslag till beslut",
        "Justeras",
        "Beslutning",
        "Indstilling",
        "Innstilling",
        "Vedtak",
        "Forslag til vedtak",
        "Saksframstilling",
        "Sagsfremstilling",
        "Decision",
        "Recommendation",
        "Resolved",
        // ModernGov's voting record: "RESOLVED: That subject to …".
        "RESOLVED",
        // "Decided:  that the minute be approved.": Scottish minutes.
        "Decided",
        // "Päätös: Puheenjohtaja totesi kokouksen laillisesti …".
        "Päätös",
    ];
    let mut cuts: Vec<usize> = inline_points(line);
    // Every heading starts with a capital, and most lines do not.
    let capital = line.starts_with(char::is_uppercase);
    // "Decision: That consideration … be deferred": a form's field whose
    // value is the decision; the heading stands on its own line.
    if let Some(h) = HEADINGS.iter().filter(|_| capital).find(|h| {
        line.strip_prefix(**h)
            .and_then(|after| {
                after
                    .strip_prefix(':')
                    .or_else(|| after.strip_prefix(" :-"))
            })
            .is_some_and(|v| {
                let v = v.trim_start();
                // "Beslutning: grundet afbud … godkendes …": a sentence
                // the writer began in lower case after the colon.
                let sentence = v.split_whitespace().count() >= 4
                    && super::decision::split_sentences(v)
                        .first()
                        .is_some_and(|s| s.trim_end().ends_with('.'));
                (v.starts_with(char::is_uppercase) || sentence) && v.len() > 3
            })
    }) {
        let colon = line[h.len()..]
            .find(':')
            .map_or(h.len(), |c| h.len() + c + 1);
        let value = line[colon..].trim_start_matches(['-', ' ']);
        cuts.push(line.len() - value.len());
    }
    // "§ 463 Oy Vaasan Asumisoikeus, laina-ajan jatkaminen: Hyväksyttiin.":
    // a decision list's item, its title and its decision on one line.
    if line.starts_with('§')
        && let Some(colon) = line.find(": ")
        && line[colon + 2..].starts_with(char::is_uppercase)
        && line[..colon].split_whitespace().count() >= 3
        && line['§'.len_utf8()..colon].find('§').is_none()
        && super::dates::find(&line[..colon]).is_empty()
    {
        cuts.push(colon + 2);
    }
    // "BeslutÄrendet bordlades.": a heading the extraction glued to its
    // text; "Beslut Fullmäktige antecknade motionen för kännedom.": a web
    // page's heading run into the sentence below it.
    if let Some(h) = HEADINGS.iter().filter(|_| capital).find(|h| {
        line.strip_prefix(**h).is_some_and(|after| {
            after.starts_with(char::is_uppercase)
                || (after.strip_prefix(' ').is_some_and(|r| {
                    // A sentence, not "Beslutning Udvalget den 03-03-2025".
                    r.starts_with(char::is_uppercase)
                        && r.split_whitespace().count() >= 3
                        && r.trim_end().ends_with('.')
                }))
        })
    }) {
        cuts.push(h.len());
    }
    if line.len() < 300 && cuts.is_empty() {
        return vec![line];
    }
    let bytes = line.as_bytes();
    let long = line.len() >= 300;
    for (at, _) in line.match_indices(' ').filter(|_| long) {
        let rest = &line[at + 1..];
        // Every label and heading starts with a capital.
        if !rest.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let label = LABELS.iter().any(|l| rest.starts_with(l));
        // "Beslut Regionstyrelsen föreslår": the heading stands alone.
        let heading = HEADINGS.iter().find(|h| {
            rest.strip_prefix(**h).is_some_and(|after| {
                let mut cs = after.chars();
                matches!(cs.next(), Some(' ') if cs.next().is_some_and(char::is_uppercase))
            })
        });
        // "Yrkanden/förslag till beslut …" starts a section of its own.
        let slashed = HEADINGS
            .iter()
            .any(|h| rest.strip_prefix(h).is_some_and(|a| a.starts_with('/')));
        // Not inside a sentence: the word before is no article or preposition.
        let before = line[..at].rsplit(' ').next().unwrap_or("");
        let mid_sentence = matches!(
            before,
            "om" | "till" | "av" | "i" | "ett" | "en" | "the" | "a" | "of" | "to" | "til" | "af"
        );
        if (label || heading.is_some() || slashed)
            && !mid_sentence
            && at > 0
            && bytes[at - 1] != b':'
        {
            cuts.push(at + 1);
            if let Some(h) = heading {
                cuts.push(at + 1 + h.len() + 1);
            }
            // The section's heading ends where its first capital follows:
            // "Yrkanden/förslag till beslut på sammanträdet | Samuel Godrén yrkar …".
            if slashed
                && let Some(end) = rest
                    .match_indices(' ')
                    .map(|(k, _)| k)
                    .find(|k| rest[k + 1..].starts_with(char::is_uppercase))
            {
                cuts.push(at + 1 + end + 1);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        out.push(line[from..cut].trim_end());
        from = cut;
    }
    out.push(&line[from..]);
    out
}

/// A page number: one to three digits (a four-digit number is more likely a year).
fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit())
}

/// Page `a` of `b` pages.
fn page_of(a: &str, b: &str) -> bool {
    digits_only(a) && digits_only(b) && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
}

/// "3", "3 av 12", "3 of 12", "3 (12)", "3/12", with spaces removed.
fn is_counter(compact: &str) -> bool {
    if digits_only(compact) {
        return true;
    }
    for sep in ["av", "of", "/"] {
        if let Some((a, b)) = compact.split_once(sep)
            && page_of(a, b)
        {
            return true;
        }
    }
    if let Some((a, b)) = compact.split_once('(')
        && let Some(b) = b.strip_suffix(')')
    {
        return page_of(a, b);
    }
    false
}

/// A line that is only a page number: "2", "- 2 -", "Sida 2 av 5", "Page 2 of 5", "2 (12)".
pub(crate) fn is_page_number(line: &str) -> bool {
    if line.len() > 24 || !line.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let core =
        line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '[' | ']'));
    let compact: String = lower(core).chars().filter(|c| !c.is_whitespace()).collect();
    let rest = ["sida", "sid.", "page", "p.", "s."]
        .iter()
        .find_map(|p| compact.strip_prefix(p))
        .unwrap_or(&compact);
    is_counter(rest)
}

/// A short line ending in a page counter, like "Stockholms stad  Sida 3 (12)".
fn ends_with_counter(line: &str) -> bool {
    if line.len() > 120 || !line.ends_with(|c: char| c == ')' || c.is_ascii_digit()) {
        return false;
    }
    let l = lower(line);
    for word in ["sida ", "page "] {
        if let Some(i) = l.rfind(word)
            && i > 0
            && let Some(rest) = l.get(i + word.len()..)
        {
            let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
            if is_counter(&compact) {
                return true;
            }
        }
    }
    // "… 3 (12)": a page of a count, nothing else after it.
    if let Some(open) = l.rfind('(')
        && l.ends_with(')')
        && let Some(inner) = l.get(open + 1..l.len() - 1)
        && digits_only(inner.trim())
    {
        let before = l.get(..open).unwrap_or("").trim_end();
        let num: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        let num: String = num.chars().rev().collect();
        if !num.is_empty() && num.len() < before.len() {
            return num.parse::<u32>().ok() <= inner.trim().parse::<u32>().ok();
        }
    }
    false
}

/// Whether a line carries a case number or document reference, as running heads do.
fn looks_like_reference(line: &str) -> bool {
    let l = lower(line);
    (l.contains("dnr") || l.contains("pm ") || l.contains("diarienummer") || l.contains("case no"))
        && l.chars().any(|c| c.is_ascii_digit())
}

fn furniture_key(line: &str) -> String {
    let mut key = lower(line);
    // Digits are ASCII, so each is one byte to overwrite in place.
    if key.bytes().any(|b| b.is_ascii_digit()) {
        let mut bytes = std::mem::take(&mut key).into_bytes();
        for b in bytes.iter_mut().filter(|b| b.is_ascii_digit()) {
            *b = b'#';
        }
        key = String::from_utf8(bytes).unwrap_or_default();
    }
    key
}

/// Marks page numbers and lines repeated at page boundaries.
fn mark_furniture(raws: &[Raw]) -> Vec<bool> {
    let mut furniture: Vec<bool> = raws
        .iter()
        .map(|r| !r.text.is_empty() && (is_page_number(&r.text) || ends_with_counter(&r.text)))
        .collect();

    // Where pages meet: a form feed or a page number we already know of.
    let content: Vec<usize> = (0..raws.len())
        .filter(|&i| !raws[i].text.is_empty())
        .collect();
    let mut broken = vec![false; raws.len()];
    let mut carry = false;
    for (i, r) in raws.iter().enumerate() {
        carry |= r.page_break_before;
        if !r.text.is_empty() {
            broken[i] = carry;
            carry = false;
        }
    }
    let mut near_boundary = vec![false; raws.len()];
    for (k, &i) in content.iter().enumerate() {
        if broken[i] || furniture[i] || k == 0 {
            for &j in content.iter().skip(k.saturating_sub(3)).take(7) {
                near_boundary[j] = true;
            }
        }
    }

    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &content {
        let t = &raws[i].text;
        if !furniture[i] && (3..=120).contains(&t.len()) && super::points::parse_label(t).is_none()
        {
            seen.entry(furniture_key(t)).or_default().push(i);
        }
    }
    for at in seen.values() {
        if at.len() < 2 {
            continue;
        }
        let sample = &raws[at[0]].text;
        let at_boundaries = at.iter().filter(|&&i| near_boundary[i]).count() >= 2;
        let heading_like = super::sections::classify(sample, &|_| false).is_some();
        let reference_head = at.len() >= 3 && looks_like_reference(sample);
        let letterhead = at.len() >= 3 && at[0] == content.first().copied().unwrap_or(usize::MAX);
        if (at_boundaries && !heading_like && !sample.ends_with('.'))
            || reference_head
            || letterhead
        {
            for &i in at {
                furniture[i] = true;
            }
        }
    }
    furniture
}

fn is_conjunction(word: &str) -> bool {
    matches!(
        word,
        "och" | "eller" | "samt" | "respektive" | "resp" | "som" | "and" | "or" | "to" | "till"
    )
}

/// Joins `next` to `prev` when `prev` ends in a word broken by a hyphen.
/// `known` tells whether a joined word is a name the parser knows, which
/// decides "EUROCITI-" + "ES" (one word) against "EU-" + "KOMMISSIONEN".
fn join_hyphenated(prev: &str, next: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let before = prev.strip_suffix('-')?;
    let last = before.chars().next_back()?;
    if !last.is_alphanumeric() {
        return None;
    }
    let first = next.chars().next()?;
    if super::points::parse_label(next).is_some_and(|(l, _)| !l.is_numeric()) {
        return None;
    }
    let tail: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let head: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    let keep_hyphen = |sep: &str| format!("{before}-{sep}{next}");
    if first.is_lowercase() {
        if is_conjunction(&head) {
            return Some(keep_hyphen(" "));
        }
        if last.is_uppercase() || last.is_numeric() {
            return Some(keep_hyphen(""));
        }
        return Some(format!("{before}{next}"));
    }
    if first.is_uppercase() {
        if known(&lower(&format!("{tail}{head}"))) {
            return Some(format!("{before}{next}"));
        }
        return Some(keep_hyphen(""));
    }
    if first.is_numeric() {
        return Some(keep_hyphen(""));
    }
    None
}

/// Cleans the text into lines. `known` tells whether a lowercase word is
/// part of a name the parser knows.
pub(crate) fn clean(text: &str, known: &dyn Fn(&str) -> bool) -> Vec<Line> {
    let raws = raw_lines(text);
    let furniture = mark_furniture(&raws);
    let mut out: Vec<Line> = Vec::new();
    let mut last_content: Option<usize> = None;
    let mut blanks = 0usize;
    let mut page_break = false;
    for (raw, is_furniture) in raws.iter().zip(furniture) {
        page_break |= raw.page_break_before;
        if raw.text.is_empty() {
            blanks += 1;
            continue;
        }
        if is_furniture {
            out.push(Line {
                text: raw.text.clone(),
                blanks_before: blanks,
                after_break: page_break,
                furniture: true,
            });
            page_break = true;
            blanks = 0;
            continue;
        }
        if let Some(i) = last_content
            && let Some(prev) = out.get_mut(i)
            && let Some(joined) = join_hyphenated(&prev.text, &raw.text, known)
        {
            prev.text = joined;
            blanks = 0;
            page_break = false;
            continue;
        }
        out.push(Line {
            text: raw.text.clone(),
            blanks_before: blanks,
            after_break: page_break,
            furniture: false,
        });
        last_content = Some(out.len() - 1);
        blanks = 0;
        page_break = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> Vec<String> {
        clean(text, &|w| w == "eurocities")
            .into_iter()
            .filter(|l| !l.furniture)
            .map(|l| l.text)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn cleaning_is_needed_where_a_character_asks_for_it(
            s in crate::case_parse::words::tests::some_of(&[
                'a', 'å', '\u{0}', '\t', '\u{1f}', ' ', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}',
                '\u{a1}', '\u{ac}', '\u{ad}', '\u{ae}', '\u{2001}', '\u{2002}', '\u{2007}',
                '\u{200b}', '\u{200c}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{202f}',
                '\u{feff}', '\u{fefe}', '\u{fffd}', '\u{fffc}', '\u{bf}',
            ])
        ) {
            let by_char = s.contains(|c: char| {
                c.is_control()
                    || matches!(
                        c,
                        '\u{ad}' | '\u{2010}' | '\u{2011}' | '\u{a0}' | '\u{2007}' | '\u{202f}'
                            | '\u{2002}'..='\u{200b}' | '\u{feff}' | '\u{fffd}'
                    )
            });
            proptest::prop_assert_eq!(needs_cleaning(s.as_bytes()), by_char);
        }
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(check(" \n\t ").unwrap_err().kind(), ParseErrorKind::Empty);
        let junk: String = (0u8..=255).cycle().take(4000).map(char::from).collect();
        assert_eq!(check(&junk).unwrap_err().kind(), ParseErrorKind::Binary);
        assert!(check("Kommunstyrelsen beslutar.").is_ok());
    }

    #[test]
    fn page_numbers() {
        for p in [
            "1",
            "- 2 -",
            "– 12 –",
            "Sida 2 av 5",
            "Page 3 of 4",
            "2 (12)",
            "Sida 2 (5)",
            "3/7",
        ] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["2011", "1. Staden", "Sida", "12345", "2 (1)", "1137/2007"] {
            assert!(!is_page_number(p), "{p}");
        }
        assert!(ends_with_counter("Stockholms stad  Sida 3 (12)"));
        assert!(ends_with_counter("Malmö stad 2 (4)"));
        assert!(!ends_with_counter("beslutade i december 2008 (3)"));
    }

    #[test]
    fn hyphenation_is_undone_where_it_breaks_a_word() {
        let lines = cleaned("internationella organisatio-\n\nner \n");
        assert_eq!(lines, ["internationella organisationer"]);
        assert_eq!(cleaned("EU-\nkommissionen"), ["EU-kommissionen"]);
        assert_eq!(cleaned("dnr 006-\n\n1137/2007"), ["dnr 006-1137/2007"]);
        assert_eq!(cleaned("miljö-\noch klimat"), ["miljö- och klimat"]);
        assert_eq!(
            cleaned("organisationerna EUROCITI-\n\nES, UCLG"),
            ["organisationerna EUROCITIES, UCLG"]
        );
        assert_eq!(cleaned("den 23-26 november"), ["den 23-26 november"]);
        assert_eq!(cleaned("ett val -\nsom"), ["ett val -", "som"]);
    }

    #[test]
    fn page_furniture_is_skipped_and_hyphens_join_across_it() {
        let text = "Malmö stad  Sida 1 (2)\nKS/2017:214\n\nStaden ska verka för kli-\n\n2\n\u{c}Malmö stad  Sida 2 (2)\nKS/2017:214\nmatfrågor.\n";
        let lines = clean(text, &|_| false);
        let content: Vec<&str> = lines
            .iter()
            .filter(|l| !l.furniture)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(content, ["Staden ska verka för klimatfrågor."]);
        assert!(lines.iter().any(|l| l.furniture && l.text == "KS/2017:214"));
    }

    #[test]
    fn windows_line_ends_are_not_double_spacing() {
        let lines = clean("Ett\r\nTvå\r\n\r\nTre", &|_| false);
        let blanks: Vec<usize> = lines.iter().map(|l| l.blanks_before).collect();
        assert_eq!(blanks, [0, 0, 1]);
    }

    #[test]
    fn odd_spaces_and_soft_hyphens() {
        assert_eq!(normalise("a\u{a0}\u{a0}b\tc  "), "a b c");
        assert_eq!(cleaned("verksam\u{ad}\nheten"), ["verksamheten"]);
    }

    #[test]
    fn hyphens_as_pdf_extraction_leaves_them() {
        // What pdf-extract makes of a typst PDF: spaced soft hyphens.
        assert_eq!(cleaned("organisatio \u{ad}\nner"), ["organisationer"]);
        assert_eq!(
            normalise("Ann \u{ad} Margarethe Livh"),
            "Ann-Margarethe Livh"
        );
        assert_eq!(normalise("verk\u{ad}samhet"), "verksamhet");
        assert_eq!(normalise("Stockholm - Bryssel -"), "Stockholm - Bryssel -");
    }
}
