//! Protocols with several items (§ 63 … § 67, "Sag nr. 129", "Item 78"):
//! where each item starts, so that each is read as a case of its own with
//! the protocol's head (the body, the meeting date) in front of it.

use super::words::lower;

/// An item's start: its label as written ("§ 63", "Sag nr. 129") and the
/// byte offset of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ItemStart {
    pub(crate) label: String,
    pub(crate) at: usize,
    /// The heading written with the number, where the number is all that
    /// marks the item ("2. Nyt tag på skolen"); the head above the items
    /// would otherwise be read as every item's title.
    pub(crate) title: Option<String>,
    /// Where, from `at`, a decision written on the heading's own line
    /// begins ("2. Tilinpäätös 2018. Päätösehdotus hyväksyttiin.").
    pub(crate) decided_from: Option<usize>,
}

/// The label of a line that starts an item, if it does.
pub(crate) fn item_label(line: &str) -> Option<String> {
    // " • Pkt. 43 Meddelelser fra formanden": a web page's list of items.
    let t = line.trim();
    let t = t.strip_prefix("• ").unwrap_or(t).trim_start();
    // Only the label's word matters; a transcript's line may be long.
    let l = lower(super::words::prefix(t, 12));
    if let Some(swapped) = sign_first(t) {
        return item_label(&swapped);
    }
    // "KF § 313 Dnr KS 02-32": the body's letters before the sign.
    if let Some((letters, rest)) = t.split_once(' ')
        && (2..=5).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && rest.starts_with('§')
    {
        return item_label(rest);
    }
    let (prefix_len, keep) = if let Some(rest) = t.strip_prefix('§') {
        if rest.starts_with('§') {
            return None;
        }
        (t.len() - rest.len(), "§ ")
    } else {
        let prefixes = [
            ("sag nr.", "Sag nr. "),
            ("sag nr", "Sag nr. "),
            ("nr.", "Nr. "),
            ("punkt", "Punkt "),
            ("pkt.", "Pkt. "),
            ("item", "Item "),
            ("minute", "Minute "),
            ("sak", "Sak "),
            ("ärende", "Ärende "),
        ];
        let (p, keep) = prefixes.iter().find(|(p, _)| l.starts_with(p))?;
        (p.len(), *keep)
    };
    let rest = t.get(prefix_len..)?.trim_start();
    let number: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if number.is_empty() || number.len() > 4 {
        return None;
    }
    // "§ 5 kommunallagen …" is running text; an item's line goes on with
    // its title, its case number or nothing.
    let after = rest.get(number.len()..).unwrap_or("");
    // "§56: LISÄPYKÄLÄ: …" inside an item's discussion names another item.
    if keep == "§ " && after.starts_with(':') {
        return None;
    }
    // "Nr.178 - Godkendelse af dagsordenen"
    let after = after.trim_start_matches(['.', ':', ')', ' ', '\t', '/', '-', '–']);
    let after_number = after
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit());
    after_number.then(|| format!("{keep}{number}"))
}

/// The title set in a column of its own after an item's label, as web
/// minutes lay it out: "Sak 4        Årsberetning og -regnskap 2015".
fn column_title(line: &str, label: &str) -> Option<String> {
    let number = label.rsplit(' ').next()?;
    let t = line.trim();
    let at = t.find(number)? + number.len();
    let rest = t.get(at..)?;
    let title = rest.trim_start();
    let gap = &rest[..rest.len() - title.len()];
    ((gap.len() >= 2 || gap.contains('\t'))
        && title.starts_with(char::is_uppercase)
        && title.len() < 200
        && !title.ends_with('.'))
    .then(|| super::heading::tidy_title(title.trim_end()))
}

/// "44 § Sammanträdets öppnande", the number before the sign as some
/// Swedish protocols write it, in the usual order: "§ 44 Sammanträdets
/// öppnande". Running text ("5 § kommunallagen") goes on in lower case.
pub(crate) fn sign_first(t: &str) -> Option<String> {
    let t = t.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let after = t[digits..].trim_start_matches(' ').strip_prefix('§')?;
    let title = after.strip_prefix(' ')?.trim_start();
    title
        .starts_with(char::is_uppercase)
        .then(|| format!("§ {} {title}", &t[..digits]))
}

/// Every item start, in order; fewer than two means the text is one item.
pub(crate) fn starts(text: &str) -> Vec<ItemStart> {
    let mut out: Vec<ItemStart> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(label) = item_label(line) {
            // A label repeated by a running head or a second heading line
            // is the same item.
            if out.last().is_none_or(|s| s.label != label) {
                out.push(ItemStart {
                    title: column_title(line, &label),
                    label,
                    at,
                    decided_from: None,
                });
            }
        }
        at += line.len();
    }
    // Items of one kind: "§" items are not split by a stray "Nr." line.
    if let Some(first) = out.first() {
        let kind: String = first.label.chars().take(2).collect();
        out.retain(|s| s.label.starts_with(&kind));
    }
    let lines = offset_lines(text);
    if out.len() < 2 {
        out = numbered_headings(&lines);
    }
    if out.len() < 2 {
        out = framed_numbers(&lines);
    }
    if out.len() < 2 {
        out = item_rows(&lines);
    }
    if out.len() < 2 {
        out = code_headings(&lines);
    }
    if out.len() < 2 {
        out = labelled_rows(&lines);
    }
    if out.len() < 2 {
        out = margin_rows(&lines);
    }
    if out.len() < 2 {
        out = colon_codes(&lines);
    }
    if out.len() < 2 {
        out = dated_headings(&lines);
    }
    if out.len() < 2 {
        out = bulletin_headings(&lines);
    }
    if out.len() < 2 {
        out = bulleted_headings(&lines);
    }
    if out.len() < 2 {
        out = case_id_rows(&lines);
    }
    if out.len() < 2 {
        out = document_bullets(&lines);
    }
    if out.len() < 2 {
        out = run_on_items(&lines);
    }
    // No protocol has thousands of items; a text that seems to is read whole.
    if out.len() < 2 || out.len() > MAX_ITEMS {
        Vec::new()
    } else {
        out
    }
}

const MAX_ITEMS: usize = 1000;

/// " 1.  1. Godkendelse af dagsordenen": a minutes page that numbers its
/// items twice; the heading as if numbered once.
fn doubled_number(t: &str) -> &str {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return t;
    }
    let number = &t[..digits];
    t[digits..]
        .strip_prefix('.')
        .map(str::trim_start)
        .filter(|rest| {
            rest.strip_prefix(number)
                .is_some_and(|r| r.starts_with(". "))
        })
        .unwrap_or(t)
}

/// Items headed only by their number, as Danish minutes systems lay them
/// out: "1. Fraværende", "2. Bemærkninger/ændringer til dagsordenen",
/// "3. Underskudsgaranti for 2020, …", each set off by blank lines and
/// numbered 1, 2, 3 … without a gap. A numbered decision point is no such
/// heading: it is not set off by two blank lines, or it ends a sentence.
fn numbered_headings(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    /// A decision list writes each item's decision on the line below its
    /// heading: "7. Budgetuppdrag …" / "Beslut: Enligt förslag."
    const DECISION_FIELDS: &[&str] = &[
        "beslut:",
        "beslutning:",
        "vedtak:",
        "päätös:",
        "decision:",
        "resolved:",
    ];
    let mut out: Vec<ItemStart> = Vec::new();
    let mut blanks = 0;
    let mut next: Option<u32> = None;
    let mut bulletin = false;
    for (k, (at, line)) in lines.iter().enumerate() {
        let t = doubled_number(line.trim());
        // The doubled number marks an item's heading by itself.
        let doubled = t.len() < line.trim().len();
        if t.is_empty() {
            blanks += 1;
            continue;
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let number = (1..=3)
            .contains(&digits)
            .then(|| t[..digits].parse::<u32>().ok())
            .flatten();
        let Some(number) = number else {
            blanks = 0;
            continue;
        };
        // "1." alone, its title on the next line, as council web pages
        // lay out their agenda: "1." / "APOLOGIES FOR ABSENCE".
        let below = next_content(lines, k);
        let alone_title = below
            .filter(|_| t.len() == digits + 1 && t.ends_with('.'))
            .filter(|l| l.len() < 200 && l.starts_with(char::is_uppercase));
        let capitals = |r: &str| {
            r.chars().filter(|c| c.is_alphabetic()).count() >= 8
                && !r.chars().any(char::is_lowercase)
        };
        // "1.      Indkaldelse af stedfortrædere": the title may stand in
        // a column of its own.
        let title = t
            .get(digits..)
            .and_then(|r| r.strip_prefix(". "))
            .map(str::trim_start)
            .filter(|rest| rest.starts_with(char::is_uppercase))
            // "4 WIGTOWN COMMUNITY SAFETY FUND - REPORT BY …": a Scottish
            // minute numbers its capitals without a full stop.
            .or_else(|| {
                t.get(digits..)
                    .and_then(|r| r.strip_prefix(' '))
                    .filter(|rest| capitals(rest))
            })
            .or(alone_title);
        let field_below = below.is_some_and(|l| {
            let l = super::words::lower(super::words::prefix(l, 16));
            DECISION_FIELDS.iter().any(|f| l.starts_with(f))
        });
        // Danish minutes put the case's KLE file number above each item:
        // "85.02.02-G01-1-17" / "33. Godkendelse af dagsorden".
        let under_file_number = k > 0
            && lines[..k]
                .iter()
                .rev()
                .map(|(_, l)| l.trim())
                .find(|l| !l.is_empty())
                .is_some_and(kle_number);
        // "1.      Indkaldelse af stedfortrædere": a title in a column of
        // its own is a heading, as if set off by blank lines.
        let columned = t
            .get(digits..)
            .is_some_and(|r| r.starts_with(".   ") || r.starts_with(".\t"));
        let set_off = ((blanks >= 2 || under_file_number || doubled || columned)
            && !t.ends_with(['.', ':', ';']))
            || (alone_title.is_some() && blanks >= 1);
        // "1. MINUTES OF THE BUDGET MEETING HELD ON 17TH DECEMBER 2012:":
        // a heading set in capitals needs no blank lines around it.
        let shouting = title.is_some_and(capitals);
        // A decision bulletin: "2. Oulun kaupungin tilinpäätös 2018.
        // Päätösehdotus hyväksyttiin." — the title, then what was decided.
        let (own_title, decided_inline) = match title.and_then(|r| r.split_once(". ")) {
            Some((head, rest)) if super::points::says_decided(rest) => (Some(head), true),
            _ => (title, false),
        };
        let in_turn = next.is_none_or(|n| number == n);
        // The first heading is numbered 1, or it has its decision below it
        // (a list that starts at item 7), or the next number stands below it
        // as a heading of the same kind (minutes whose items run on from
        // the year's earlier meetings: "66." … "67.").
        let first_ok = next.is_some()
            || number == 1
            || field_below
            || ((set_off || alone_title.is_some())
                && next_heading_below(&lines[k + 1..], number + 1, alone_title.is_some()));

        let bulletin_goes_on = bulletin && next.is_some();
        if let (n, Some(title)) = (number, own_title)
            && (set_off || shouting || field_below || decided_inline || bulletin_goes_on)
            && (t.len() < 200 || decided_inline || bulletin_goes_on)
            && t.len() < 400
            && in_turn
            && first_ok
        {
            bulletin |= decided_inline && next.is_none();
            // "89." / "Announcements": the item's text starts below its
            // title, so that the number alone is not read as a point.
            let title_line_end = || {
                let from = k + 1;
                lines[from..]
                    .iter()
                    .find(|(_, l)| !l.trim().is_empty())
                    .map(|(start, l)| start + l.len() - at)
            };
            let decided_from = if decided_inline {
                line.find(title).map(|k| k + title.len() + 2)
            } else if alone_title.is_some() {
                title_line_end()
            } else if doubled {
                // The heading goes in as the title, so that its second
                // number is not read as a point.
                Some(line.len())
            } else {
                None
            };
            out.push(ItemStart {
                label: format!("Punkt {n}"),
                at: *at,
                title: Some(super::heading::tidy_title(
                    title.trim().trim_end_matches(['.', ':']),
                )),
                decided_from,
            });
            next = Some(n + 1);
        }
        blanks = 0;
    }
    out
}

/// Items whose number stands on a line of its own above and again below
/// the title, as some Scottish councils' minutes lay out each paragraph:
/// "387" / "Minute of Meeting of Policy & Strategy Committee" / "387".
/// A table's cell rule after the number ("420 |") is no part of it.
pub(crate) fn framed_numbers(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(n) = super::text::bare_number(lines[k].1) else {
            k += 1;
            continue;
        };
        // Up to three lines of title, blank lines between them allowed.
        let mut title: Vec<&str> = Vec::new();
        let mut closed = None;
        for (j, (_, line)) in lines.iter().enumerate().skip(k + 1).take(10) {
            if super::text::bare_number(line) == Some(n) {
                closed = Some(j);
                break;
            }
            let t = line.trim().trim_end_matches('|').trim_end();
            if !t.is_empty() {
                title.push(t);
            }
            if title.len() > 3 {
                break;
            }
        }
        let Some(j) = closed.filter(|_| (1..=3).contains(&title.len())) else {
            k += 1;
            continue;
        };
        let at = lines[k].0;
        out.push(ItemStart {
            label: format!("Paragraph {n}"),
            at,
            title: Some(super::heading::tidy_title(&title.join(" "))),
            decided_from: Some(lines[j].0 + lines[j].1.len() - at),
        });
        k = j + 1;
    }
    out
}

/// Items each on a row "Item: <title>", as a ModernGov voting record
/// lists them: "Item: Treasury Management Outturn 2023/24".
fn item_rows(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    lines
        .iter()
        .filter_map(|(at, line)| {
            let title = line.trim().strip_prefix("Item: ")?.trim();
            (title.starts_with(char::is_uppercase) && title.len() < 200).then(|| {
                let title = super::heading::tidy_title(title);
                ItemStart {
                    label: title.clone(),
                    at: *at,
                    title: Some(title),
                    decided_from: Some(line.len()),
                }
            })
        })
        .collect()
}

/// A minute's code as British and Norwegian minutes write it, split into
/// its letters, its two numbers (the second absent in "CO23") and what
/// follows on the line: "TWC 12/014 Appointment of Chairman", "KST-63/16
/// KOMMUNEREFORMEN", "CO23" alone above its title.
fn minute_code(t: &str) -> Option<(&str, u32, Option<u32>, &str)> {
    let (first, rest) = t.split_once(' ').unwrap_or((t, ""));
    let caps = |w: &str| (1..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    let numbers = |w: &str| -> Option<(u32, Option<u32>)> {
        let (a, b) = match w.split_once('/') {
            Some((a, b)) => (a, Some(b)),
            None => (w, None),
        };
        let num = |x: &str| {
            ((1..=4).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit()))
                .then(|| x.parse().ok())
                .flatten()
        };
        Some((
            num(a)?,
            b.map(num)
                .map_or(Ok(None), |n| n.ok_or(()).map(Some))
                .ok()?,
        ))
    };
    // "TWC 12/014 …": the letters, then the numbers.
    if caps(first) && first.len() >= 2 {
        let (second, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if let Some((a, Some(b))) = numbers(second) {
            return Some((first, a, Some(b), after.trim()));
        }
    }
    // "18/138 Apologies: …": a community council's minute numbered by
    // the year and a serial, without letters.
    if first.bytes().all(|b| b.is_ascii_digit() || b == b'/')
        && let Some((a, Some(b))) = numbers(first)
    {
        return Some(("", a, Some(b), rest.trim()));
    }
    // "912.3 Sustrans – Connect 2 Presentation": the meeting's number and
    // the item's. The meeting's is 100 or more and no year, so that a
    // report's "1.2 Background" or "2010.1" is no such code; a heading
    // ends in no full stop, where a minute's numbered paragraph ("112.3
    // Recommendation (4) was approved.") does.
    if let Some((meeting, item)) = first.split_once('.')
        && !rest.trim_end().ends_with('.')
        && (3..=4).contains(&meeting.len())
        && (1..=3).contains(&item.len())
        && meeting
            .bytes()
            .chain(item.bytes())
            .all(|b| b.is_ascii_digit())
        && let (Ok(a), Ok(b)) = (meeting.parse::<u32>(), item.parse::<u32>())
        && a >= 100
        && !(1900..2100).contains(&a)
    {
        return Some(("", a, Some(b), rest.trim()));
    }
    // "KST-63/16 …" and "CO23".
    let letters = first.bytes().take_while(u8::is_ascii_uppercase).count();
    let (code, tail) = first.split_at(letters);
    let tail = tail.strip_prefix('-').unwrap_or(tail);
    if letters >= 2 && caps(code) {
        let (a, b) = numbers(tail)?;
        return Some((code, a, b, rest.trim()));
    }
    None
}

/// Items headed by a minute code ("TWC 12/013 Declarations of interest.",
/// "CO23" / "Election of Chairman"): the codes share their letters and
/// one number, and the other number rises from item to item.
fn code_headings(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    // Each run of codes: its letters and shared number, its items and the
    // serial of its last.
    type Run = ((String, Option<u32>), Vec<ItemStart>, u32);
    let mut runs: Vec<Run> = Vec::new();
    for (k, (at, line)) in lines.iter().enumerate() {
        let t = line.trim();
        if t.len() > 300 {
            continue;
        }
        let Some((letters, a, b, rest)) = minute_code(t) else {
            continue;
        };
        let title = if rest.is_empty() {
            next_content(lines, k).filter(|l| l.len() < 200 && minute_code(l).is_none())
        } else {
            Some(rest)
        };
        let Some(title) = title.filter(|r| r.starts_with(char::is_uppercase)) else {
            continue;
        };
        // "12/014": the year first and the serial after, as the serial
        // is the number that rises; "63/16" the other way round.
        let label = t[..t.len() - rest.len()].trim().to_string();
        let start = |serial| {
            (
                serial,
                ItemStart {
                    label: label.clone(),
                    at: *at,
                    title: Some(super::heading::tidy_title(
                        title.trim().trim_end_matches(['.', ':']),
                    )),
                    decided_from: rest.is_empty().then(|| {
                        lines[k + 1..]
                            .iter()
                            .find(|(_, l)| !l.trim().is_empty())
                            .map_or(line.len(), |(s, l)| s + l.len() - at)
                    }),
                },
            )
        };
        let keys = match b {
            Some(b) => vec![
                ((letters.to_string(), Some(a)), b),
                ((letters.to_string(), Some(b)), a),
            ],
            None => vec![((letters.to_string(), None), a)],
        };
        for (key, serial) in keys {
            let (serial, item) = start(serial);
            match runs.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, items, last)) if serial > *last && serial <= *last + 3 => {
                    items.push(item);
                    *last = serial;
                }
                Some(_) => {}
                None => runs.push((key, vec![item], serial)),
            }
        }
    }
    runs.into_iter()
        .map(|(_, items, _)| items)
        .max_by_key(Vec::len)
        .filter(|items| items.len() >= 2)
        .unwrap_or_default()
}

/// Rows of a council web page's table of items, each with its outcome
/// run in behind a label: "APPOINTMENT OF VICE-CHAIR To appoint a
/// Vice-Chair … Decision: It was moved, seconded and RESOLVED that …",
/// "ELECTION OF MAYOR … Minutes: Nominations were sought …". The item's
/// title is what stands before the label (its words in capitals, where it
/// opens with them); its text starts at the label.
fn labelled_rows(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    const LABELS: &[&str] = &[" Decision: ", " Minutes: ", " Beslut: ", " Beslutning: "];
    let mut out = Vec::new();
    for (at, line) in lines {
        // Every label ends in a colon; most lines have none.
        if !line.contains(':') {
            continue;
        }
        let Some((k, _)) = LABELS
            .iter()
            .filter_map(|l| line.find(l).map(|k| (k, *l)))
            .min_by_key(|(k, _)| *k)
        else {
            continue;
        };
        let before = line[..k].trim();
        if before.len() < 3 || before.len() > 400 || !before.starts_with(char::is_uppercase) {
            continue;
        }
        // "APPOINTMENT OF VICE-CHAIR To appoint …": the words in capitals.
        let caps: Vec<&str> = before
            .split_whitespace()
            .take_while(|w| !w.chars().any(char::is_lowercase))
            .collect();
        let title = if caps.iter().map(|w| w.len()).sum::<usize>() >= 6 {
            caps.join(" ")
        } else {
            super::words::prefix(before, 160).to_string()
        };
        out.push(ItemStart {
            label: title.clone(),
            at: *at,
            title: Some(super::heading::tidy_title(
                title.trim_end_matches(['.', ':']),
            )),
            decided_from: Some(k + 1),
        });
    }
    out
}

/// "08/15:01": a minute numbered by year, meeting and item, as some
/// Northern Irish councils number them. The year and meeting, and the item.
pub(crate) fn colon_code(word: &str) -> Option<(&str, u32)> {
    let (meeting, item) = word.split_once(':')?;
    let (year, number) = meeting.split_once('/')?;
    let digits =
        |s: &str, max: usize| (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    (digits(year, 4) && digits(number, 3) && digits(item, 3))
        .then(|| item.parse().ok().map(|n| (meeting, n)))
        .flatten()
}

/// Items headed "08/15:01 APOLOGIES AND CHAIRMAN'S BUSINESS", one meeting's
/// items numbered on; a page's footer ("11 August 2008 1") may run into
/// the heading's line.
fn colon_codes(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out: Vec<ItemStart> = Vec::new();
    let mut run: Option<(String, u32)> = None;
    for (at, line) in lines.iter().copied() {
        let t = line.trim();
        let Some((k, word)) = t
            .split_whitespace()
            .enumerate()
            .take(6)
            .find(|(_, w)| colon_code(w).is_some())
        else {
            continue;
        };
        let before: Vec<&str> = t.split_whitespace().take(k).collect();
        let footer = before.is_empty()
            || (before
                .last()
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
                && super::dates::find(&before[..before.len() - 1].join(" "))
                    .first()
                    .is_some_and(|d| d.start == 0));
        let Some((meeting, item)) = colon_code(word).filter(|_| footer) else {
            continue;
        };
        let title = t[t.find(word).unwrap_or(0) + word.len()..].trim();
        if !title.starts_with(char::is_uppercase) {
            continue;
        }
        match &run {
            Some((m, last)) if m == meeting && item > *last && item <= last + 3 => {}
            Some((m, _)) if m == meeting => continue,
            _ if out.len() >= 2 => continue,
            _ => out.clear(),
        }
        run = Some((meeting.to_string(), item));
        out.push(ItemStart {
            label: word.to_string(),
            at,
            title: Some(super::heading::tidy_title(
                title.trim_end_matches(['.', ':']),
            )),
            decided_from: None,
        });
    }
    out
}

/// A transcribed page's marker: "46, KST 2011-03-07 18:00 …" (page or
/// item 46, the body's letters, the meeting's day) or "-2, KST …" for a
/// page with no item. The number as written, the letters and what follows
/// them.
pub(crate) fn page_marker(line: &str) -> Option<(&str, &str, &str)> {
    let t = line.trim();
    let sign = usize::from(t.starts_with('-'));
    let digits = t[sign..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let number = &t[..sign + digits];
    let rest = t[sign + digits..].strip_prefix(", ")?;
    let letters = rest.chars().take_while(|c| c.is_uppercase()).count();
    let code = &rest[..rest
        .char_indices()
        .nth(letters)
        .map_or(rest.len(), |(i, _)| i)];
    let after_code = &rest[code.len()..];
    let dated = after_code
        .strip_prefix(' ')
        .and_then(|r| {
            super::dates::find(r)
                .into_iter()
                .next()
                .map(|d| d.start == 0)
        })
        .unwrap_or(false);
    ((2..=6).contains(&letters) && dated).then_some((number, code, after_code))
}

/// A protocol copied page by page onto one line each, as document sites
/// transcribe Finland-Swedish minutes: "46, KST 2011-03-07 18:00
/// PROTOKOLLJUSTERARE, val … KST 46 Till att justera protokollet valdes
/// …". The page marker names the item; the body's letters and the number
/// again, in the margin, stand before the decision.
fn margin_rows(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out = Vec::new();
    for (at, line) in lines.iter().copied() {
        let Some((number, code, after_code)) = page_marker(line) else {
            continue;
        };
        if number.starts_with('-') {
            continue;
        }
        let margin = format!(" {code} {number} ");
        let Some(k) = line.find(&margin) else {
            continue;
        };
        // The heading in capitals after the marker's date and time.
        let title: Vec<&str> = after_code
            .split_whitespace()
            .skip_while(|w| !w.chars().any(char::is_alphabetic))
            .take_while(|w| {
                w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
            })
            .collect();
        let title = title.join(" ");
        out.push(ItemStart {
            label: format!("§ {number}"),
            at,
            title: (title.chars().filter(|c| c.is_alphabetic()).count() >= 6)
                .then(|| super::heading::tidy_title(title.trim_end_matches([',', '.', ':']))),
            decided_from: Some(k + margin.len()),
        });
    }
    out
}

/// A council web page's list of decisions, each headed by its day and its
/// subject: "22/10/2020 - NORTH EAST WALES ARCHIVES ref: 1513    Recommendations
/// Approved". The heading starts with the date and a dash; the subject
/// runs to its reference or to the end of the line.
fn dated_headings(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out = Vec::new();
    for (at, line) in lines.iter().copied() {
        let t = line.trim();
        // "24/01/2022 - Update …": the date ends where the first dash is.
        let Some(dash) = t.find(" - ").filter(|&k| k > 0 && k < 60) else {
            continue;
        };
        let Some(first) = super::dates::find(&t[..dash]).into_iter().next() else {
            continue;
        };
        let Some(rest) = (first.start == 0 && first.end == dash)
            .then(|| t.get(first.end..))
            .flatten()
            .and_then(|r| r.strip_prefix(" - "))
        else {
            continue;
        };
        let subject = rest.find(" ref: ").map_or(rest, |k| &rest[..k]).trim();
        let letters = subject.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 || !subject.starts_with(char::is_uppercase) || subject.len() > 200 {
            continue;
        }
        out.push(ItemStart {
            label: subject.to_string(),
            at,
            title: Some(super::heading::tidy_title(subject)),
            decided_from: None,
        });
    }
    out
}

/// A Danish case's file number by the KLE scheme: "85.02.02-G01-1-17",
/// "04.04.00-P20-6-17" (subject, action code, serial, year).
fn kle_number(t: &str) -> bool {
    let Some((subject, rest)) = t.split_once('-') else {
        return false;
    };
    let subject_ok = subject.len() == 8
        && subject.bytes().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                b == b'.'
            } else {
                b.is_ascii_digit()
            }
        });
    let parts: Vec<&str> = rest.split('-').collect();
    subject_ok
        && parts.len() == 3
        && parts[0].len() == 3
        && parts[0].starts_with(|c: char| c.is_ascii_uppercase())
        && parts[0][1..].bytes().all(|b| b.is_ascii_digit())
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether item `n`'s heading stands somewhere in `lines`: its number alone
/// on a line ("67."), or, for headings with their title ("33. Godkendelse
/// af dagsorden"), the number and a capitalised word.
fn next_heading_below(lines: &[(usize, &str)], n: u32, alone: bool) -> bool {
    let number = format!("{n}.");
    lines.iter().any(|(_, l)| {
        let t = l.trim();
        if alone {
            t == number
        } else {
            t.strip_prefix(&number)
                .and_then(|r| r.strip_prefix(' '))
                .is_some_and(|r| r.starts_with(char::is_uppercase) && !r.ends_with(['.', ':', ';']))
        }
    })
}

/// A decision bulletin's items, headed only by their subject: "Borgå stads
/// svar på NTM-centralens förfrågan om kommunplatser", a blank line, and a
/// paragraph in which the body reports what it decided ("Stadsstyrelsen
/// beslutade enhälligt …"). A heading is short, ends in no stop, stands
/// between blank lines, and the paragraph below it reports a decision.
fn bulletin_headings(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out = Vec::new();
    let mut others = 0;
    for (k, (at, line)) in lines.iter().enumerate() {
        let t = line.trim();
        let blank_before = k == 0 || lines[k - 1].1.trim().is_empty();
        let blank_after = lines.get(k + 1).is_some_and(|(_, l)| l.trim().is_empty());
        if t.len() < 3
            || t.len() > 120
            || !blank_before
            || !blank_after
            || !t.starts_with(char::is_uppercase)
            || t.ends_with(['.', ':', ';', ','])
            || super::sections::classify(t, &|_| false).is_some()
        {
            continue;
        }
        // "Tiedote maakuntavaltuuston kokouksesta 3.6.2024" over a heading
        // that tells the decision ("Maakuntavaltuusto hyväksyi
        // tilinpäätöksen") is the page's title, not an item's.
        let below_at = (k + 1..lines.len()).find(|&j| !lines[j].1.trim().is_empty());
        let below = below_at.map_or("", |j| lines[j].1.trim());
        let below_is_heading = || {
            below.len() <= 80
                && below.starts_with(char::is_uppercase)
                && !below.contains(',')
                && !below.ends_with(['.', ':', ';'])
                && below_at.is_some_and(|j| {
                    super::points::reports_decision(next_content(lines, j).unwrap_or(""))
                })
        };
        if super::points::reports_decision(below) && !below_is_heading() {
            out.push(ItemStart {
                label: t.to_string(),
                at: *at,
                title: Some(t.to_string()),
                decided_from: None,
            });
        } else if !out.is_empty() && below.split_whitespace().nth(12).is_some() {
            others += 1;
        }
    }
    // A news page's subheadings ("Ändrade avgifter i tandvården",
    // "Regionskatten oförändrad") mostly stand over prose that tells no
    // body's decision: its few that do are parts of one story. Minutes'
    // headings over a line of their own ("Additional documents:") are
    // not counted.
    if others >= out.len() {
        out.clear();
    }
    out
}

/// Items each opened by a bulleted row of the case's id, as a Danish
/// minutes page lists them when their headings are lost: " • Sagsid.:",
/// " • Sagsid.: 18/25139". The first item may have no id.
fn case_id_rows(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    const LABELS: &[&str] = &["sagsid.:", "sagsid:", "sagsnr.:", "sagsnr:"];
    let mut out = Vec::new();
    for (at, line) in lines {
        // A referat page without its bullets: "Sagsnr.: 22/131" on a line
        // of its own, with its number.
        let (t, bulleted) = match line.trim().strip_prefix('•') {
            Some(t) => (t.trim(), true),
            None => (line.trim(), false),
        };
        // Every label starts with an "s"; most lines do not.
        if !t.starts_with(['S', 's']) {
            continue;
        }
        let l = super::words::lower(t);
        let Some(label) = LABELS.iter().find(|label| l.starts_with(**label)) else {
            continue;
        };
        let id = t.get(label.len()..).unwrap_or("").trim();
        if !bulleted && (id.is_empty() || id.contains(' ')) {
            continue;
        }
        out.push(ItemStart {
            label: if id.is_empty() {
                format!("Punkt {}", out.len() + 1)
            } else {
                format!("Sag {id}")
            },
            at: *at,
            title: None,
            decided_from: None,
        });
    }
    out
}

/// Items each headed by a bullet with the link to their main document,
/// as Norwegian meeting pages list them: " • GODKJENNING AV MØTEPROTOKOLL
/// Hoveddokument 429KB".
fn document_bullets(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out = Vec::new();
    for (at, line) in lines {
        let Some(t) = line.trim().strip_prefix('•').map(str::trim) else {
            continue;
        };
        let Some((title, size)) = t.rsplit_once(" Hoveddokument ") else {
            continue;
        };
        let sized = size
            .strip_suffix("KB")
            .or_else(|| size.strip_suffix("MB"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b','));
        if !sized || title.trim().is_empty() {
            continue;
        }
        let title = super::heading::tidy_title(title.trim());
        out.push(ItemStart {
            label: title.clone(),
            at: *at,
            title: Some(title),
            decided_from: Some(line.len()),
        });
    }
    out
}

/// A news page's notices, each headed by a bullet: " • Startskott för en
/// ny Nybro", a blank line, and the notice. A heading is short and ends in
/// no stop; a list of bullets with no text between them is no such page,
/// and one of the notices must report a decision.
fn bulleted_headings(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut out = Vec::new();
    let mut decided = false;
    for (k, (at, line)) in lines.iter().enumerate() {
        let Some(t) = line.trim().strip_prefix('•').map(str::trim) else {
            continue;
        };
        let blank_after = lines.get(k + 1).is_some_and(|(_, l)| l.trim().is_empty());
        let notice = next_content(lines, k).filter(|n| !n.starts_with('•') && n.len() > 60);
        if t.len() < 3
            || t.len() > 120
            || !blank_after
            || !t.starts_with(char::is_uppercase)
            || t.ends_with(['.', ':', ';', ','])
        {
            continue;
        }
        let Some(notice) = notice else {
            continue;
        };
        decided |= super::points::reports_decision(notice)
            || super::decision::split_sentences(notice)
                .iter()
                .any(|s| super::points::reports_decision(s));
        // The heading goes in as the title, without its bullet, so that
        // it is not read as a one-point list.
        out.push(ItemStart {
            label: t.to_string(),
            at: *at,
            title: Some(t.to_string()),
            decided_from: Some(line.len()),
        });
    }
    if decided { out } else { Vec::new() }
}

/// A transcript that runs a whole protocol into one line ("… Sak 47/14
/// Godkjenning, møteinnkalling og saksliste Møteinnkalling og saksliste
/// vart godkjent … Sak 48/14 …"): items whose labels follow each other
/// by number, each with its heading up to where the next sentence starts.
fn run_on_items(lines: &[(usize, &str)]) -> Vec<ItemStart> {
    let mut best: Vec<ItemStart> = Vec::new();
    for (line_at, line) in lines.iter().copied() {
        if line.len() < 300 {
            continue;
        }
        let mut run: Vec<(ItemStart, u32)> = Vec::new();
        let marks = line
            .match_indices(' ')
            .map(|(k, _)| k + 1)
            .filter(|&k| line[k..].starts_with(['§', 'S', 'P', 'N']));
        for k in marks {
            let Some(label) = item_label(super::words::prefix(&line[k..], 60)) else {
                continue;
            };
            let Some(number) = label.rsplit(' ').next().and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            let follows = run
                .last()
                .is_some_and(|(last, n)| number == n + 1 && same_kind(&last.label, &label));
            if !follows {
                if run.len() > best.len() {
                    best = run.drain(..).map(|(s, _)| s).collect();
                }
                run.clear();
            }
            let (title, decided_from) = run_on_heading(&line[k..]);
            run.push((
                ItemStart {
                    label,
                    at: line_at + k,
                    title,
                    decided_from,
                },
                number,
            ));
        }
        if run.len() > best.len() {
            best = run.into_iter().map(|(s, _)| s).collect();
        }
    }
    // "Sak 157/05: Veglys Sak 158/05: Bevilgning til Redd Barna …" is
    // the protocol's contents, not its items.
    let short = best
        .windows(2)
        .filter(|pair| pair[1].at - pair[0].at < 60)
        .count();
    if short * 2 >= best.len().saturating_sub(1) {
        return Vec::new();
    }
    best
}

fn same_kind(a: &str, b: &str) -> bool {
    a.rsplit_once(' ').map(|(k, _)| k) == b.rsplit_once(' ').map(|(k, _)| k)
}

/// The heading that follows a label in running text: its words up to the
/// first capital after a lower-case word, where the item's first sentence
/// begins. The title and the offset of that sentence, or nothing where no
/// such place is found within a heading's length.
fn run_on_heading(from_label: &str) -> (Option<String>, Option<usize>) {
    let words: Vec<(usize, &str)> = from_label
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - from_label.as_ptr() as usize, w))
        .take(24)
        .collect();
    // Past the label's own words ("Sak 47/14", "§ 12", "PKT. 1.", "Sag nr. 5").
    let Some(number) = words
        .iter()
        .position(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|&k| k <= 2)
    else {
        return (None, None);
    };
    let first = number + 1;
    if words
        .get(first)
        .is_none_or(|(_, w)| !w.starts_with(char::is_uppercase))
    {
        return (None, None);
    }
    let start = words[first].0;
    for pair in words[first..].windows(2).take(15) {
        let [(_, prev), (k, w)] = pair else { continue };
        let prev_lower = prev
            .chars()
            .last()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if w.starts_with(char::is_uppercase) && prev_lower {
            let title = from_label[start..*k].trim().to_string();
            return (Some(title), Some(*k));
        }
    }
    (None, None)
}

/// Each line of `text` with the byte offset it starts at.
pub(crate) fn offset_lines(text: &str) -> Vec<(usize, &str)> {
    text.split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect()
}

/// The first line after line `k` that holds anything, trimmed.
fn next_content<'a>(lines: &[(usize, &'a str)], k: usize) -> Option<&'a str> {
    lines
        .get(k + 1..)?
        .iter()
        .map(|(_, l)| l.trim())
        .find(|l| !l.is_empty())
}

/// The protocol's head goes in front of every item, so only its letterhead
/// is taken: a long text before the first item would be copied into each.
const MAX_HEAD: usize = 4000;

/// An item of a protocol: its label, its text with the protocol's head in
/// front, and its heading where only a number marks it.
pub(crate) struct Item {
    pub(crate) label: String,
    pub(crate) text: String,
    pub(crate) title: Option<String>,
}

/// The protocol's head and each item's text, the head in front of each.
#[cfg(test)]
pub(crate) fn split(text: &str) -> Vec<Item> {
    split_with_head(text).1
}

/// As [`split`], with the head that stands in front of every item.
pub(crate) fn split_with_head(text: &str) -> (&str, Vec<Item>) {
    let s = starts(text);
    let Some(first) = s.first() else {
        return ("", Vec::new());
    };
    let head = super::words::prefix(text.get(..first.at).unwrap_or(""), MAX_HEAD);
    // An item that starts inside a line (a transcript run together) is
    // set apart from the head, as a line of its own would be.
    let gap = if head.is_empty() || head.ends_with('\n') {
        ""
    } else {
        "\n\n"
    };
    let items = s
        .iter()
        .enumerate()
        .map(|(i, start)| {
            let end = s.get(i + 1).map_or(text.len(), |n| n.at);
            let body = text.get(start.at..end).unwrap_or("");
            // The decision on the heading's line stands as a paragraph of its own.
            let text = match (&start.title, start.decided_from) {
                (Some(title), Some(from)) => {
                    format!("{head}{gap}{title}\n\n{}", body.get(from..).unwrap_or(""))
                }
                _ => format!("{head}{gap}{body}"),
            };
            Item {
                label: start.label.clone(),
                text,
                title: start.title.clone(),
            }
        })
        .collect();
    (head, items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referat_rows_of_case_numbers_without_bullets() {
        let page = "Referat\nSagsnr.: 22/131\nBeslutning i Kommunalbestyrelsen den 28-03-2022\nGodkendt.\nSagsnr.: 22/132\nBeslutning i Kommunalbestyrelsen den 28-03-2022\nIngen spørgsmål.\n";
        let labels: Vec<String> = starts(page).into_iter().map(|s| s.label).collect();
        assert_eq!(labels, ["Sag 22/131", "Sag 22/132"]);
        // A field in a letterhead, written out in words, is no item.
        assert!(starts("Sagsnr.: se nedenfor\nTekst\nSagsnr.: se ovenfor\n").is_empty());
    }

    #[test]
    fn a_meetings_number_and_its_items_as_codes() {
        let contents = "Council Meeting No 912\n\n912.1 Condolences\n\n912.2 Sustrans Presentation\n\n912.3 Minutes of Meeting No 910 Confirmed\n\n912.5 Seal Documents\n";
        let labels: Vec<String> = starts(contents).into_iter().map(|s| s.label).collect();
        assert_eq!(labels, ["912.1", "912.2", "912.3", "912.5"]);
        // A report's sections and a minute's numbered paragraphs are none.
        let report = "1.1 Background\n\n1.2 Options\n\n1.3 Costs\n";
        assert!(starts(report).is_empty());
        let paragraphs = "112.1 The Council reviewed the changes.\n\n112.2 Recommendation (4) was put to a vote.\n\n112.3 Recommendation (4) was approved.\n";
        assert!(starts(paragraphs).is_empty());
        let years = "2010.1 Budget\n\n2010.2 Accounts\n";
        assert!(starts(years).is_empty());
    }

    #[test]
    fn item_lines() {
        assert_eq!(item_label("§ 63 Dnr KS 2019/0457").as_deref(), Some("§ 63"));
        assert_eq!(
            item_label("§63 Medlemskap i ICLEI").as_deref(),
            Some("§ 63")
        );
        assert_eq!(item_label("§ 64").as_deref(), Some("§ 64"));
        assert_eq!(
            item_label("44 § Sammanträdets öppnande").as_deref(),
            Some("§ 44")
        );
        assert_eq!(item_label("5 § kommunallagen gäller."), None);
        assert_eq!(
            item_label("KF § 313 Dnr KS 02-32").as_deref(),
            Some("§ 313")
        );
        assert_eq!(item_label("Enligt § 5 kommunallagen"), None);
        assert_eq!(item_label("Sag nr. 130\n").as_deref(), Some("Sag nr. 130"));
        assert_eq!(item_label("Sag nr. 129").as_deref(), Some("Sag nr. 129"));
        assert_eq!(
            item_label("Nr. 20  BR 366/07. Medlemsforslag").as_deref(),
            Some("Nr. 20")
        );
        assert_eq!(item_label("§§ 12–14"), None);
        assert_eq!(item_label("§ 5 kommunallagen gäller."), None);
        assert_eq!(item_label("Itemised costs"), None);
    }

    #[test]
    fn a_protocol_splits_into_items_with_its_head() {
        let text = "Kommunfullmäktige\nSammanträdesdatum 2011-06-16\n\n§ 63 Avsägelser\nKommunfullmäktige godkänner avsägelserna.\n\n§ 64 Medlemskap i ICLEI\nKommunfullmäktige beslutar att gå med i ICLEI.\n";
        let items = split(text);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].label, "§ 63");
        assert!(
            items[1]
                .text
                .starts_with("Kommunfullmäktige\nSammanträdesdatum 2011-06-16")
        );
        assert!(items[1].text.contains("ICLEI") && !items[1].text.contains("Avsägelser"));
        assert!(split("§ 12 Ett ärende\nBeslut\n1. Något.\n").is_empty());
    }

    #[test]
    fn a_transcript_run_into_one_line_splits_at_labels_that_follow_each_other() {
        let members = "Til stades: Kari Nord, Per Vik, Ola Strand, Siri Berg, Anne Dahl, Knut Li og Eva Fjord. Forfall: Jon Haug og Liv Moe. ".repeat(3);
        let text = format!(
            "1 PROTOKOLL MØTE I REGIONRÅDET VESTFJORD Møte: 3/2015 {members}Sak 12/15 Godkjenning av saksliste Sakslista vart godkjent utan merknadar. Sak 13/15 Val av ny leiar Regionrådet valde Kari Nord til leiar for to år. Dei andre medlemene takka Per Vik for arbeidet."
        );
        let items = split(&text);
        assert_eq!(
            items.len(),
            2,
            "{:?}",
            items.iter().map(|i| &i.label).collect::<Vec<_>>()
        );
        assert_eq!(items[0].title.as_deref(), Some("Godkjenning av saksliste"));
        assert_eq!(items[1].title.as_deref(), Some("Val av ny leiar"));
        assert!(items[1].text.ends_with("Regionrådet valde Kari Nord til leiar for to år. Dei andre medlemene takka Per Vik for arbeidet."));
        assert!(!items[0].text.contains("Sak 13/15"));
        // A run of labels with a few words each is the contents.
        let contents = format!(
            "{members}Sak 157/05: Veglys Sak 158/05: Bevilgning til Redd Barna Sak 159/05: Festival Sak 160/05: Budsjett"
        );
        assert!(split(&contents).is_empty());
        // "jf. sak 12/15 og sak 14/15" in running text is no item.
        let mention = format!(
            "{members}Saka vart drøfta i lys av Sak 12/15 Godkjenning og Sak 14/15 Val, og vart godkjent."
        );
        assert!(split(&mention).is_empty());
    }
}
