//! An iCalendar (RFC 5545) writer for deadlines, congresses and review
//! closing days: all-day events, text escaped, lines folded at 75 octets.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalEvent {
    /// Stable across feeds, e.g. "action-12@stockholm.oversyn".
    pub uid: String,
    pub start: NaiveDate,
    /// The last day (inclusive); the same as `start` for one-day events.
    pub end: NaiveDate,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A calendar; `stamp` is the DTSTAMP (UTC, `YYYYMMDDTHHMMSSZ`).
///
/// RFC 5545 §3.6 requires at least one component in a VCALENDAR
/// (`icalbody = calprops component`, `component = 1*(…)`), so a calendar
/// with no dates holds one VJOURNAL note (UID `empty_uid`) saying so. Of
/// the components the RFC offers, a VJOURNAL is the one subscribers do not
/// see: calendar apps (Google Calendar, Outlook, Apple Calendar) show
/// VEVENTs and skip journal entries, where a placeholder VEVENT would put
/// a false appointment in every subscriber's calendar and a VTODO would
/// appear as a task in apps that take tasks from feeds (Thunderbird,
/// Apple Reminders); a lone VTIMEZONE is valid too but says nothing,
/// as none of our events (all-day dates) refers to it. The note still tells
/// whoever reads the file why it is empty. With events there is no note.
pub fn calendar(name: &str, events: &[CalEvent], stamp: &str, empty_uid: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Oversyn//Memberships//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
    for e in events {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", escape(&e.uid)), &mut out);
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", day(e.start)), &mut out);
        let end = e.end.max(e.start).succ_opt().unwrap_or(e.end);
        fold(&format!("DTEND;VALUE=DATE:{}", day(end)), &mut out);
        fold(&format!("SUMMARY:{}", escape(&e.summary)), &mut out);
        if !e.description.is_empty() {
            fold(&format!("DESCRIPTION:{}", escape(&e.description)), &mut out);
        }
        if !e.location.is_empty() {
            fold(&format!("LOCATION:{}", escape(&e.location)), &mut out);
        }
        if !e.url.is_empty() {
            fold(
                &format!("URL:{}", e.url.replace(['\r', '\n'], "")),
                &mut out,
            );
        }
        fold("END:VEVENT", &mut out);
    }
    if events.is_empty() {
        fold("BEGIN:VJOURNAL", &mut out);
        fold(&format!("UID:{}", escape(empty_uid)), &mut out);
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold("SUMMARY:No dates yet", &mut out);
        fold(
            &format!(
                "DESCRIPTION:{}",
                escape(
                    "Deadlines, end dates, events and review closing days appear in this calendar when they are entered in Översyn."
                )
            ),
            &mut out,
        );
        fold("END:VJOURNAL", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn event(summary: &str) -> CalEvent {
        let d = NaiveDate::from_ymd_opt(2011, 11, 23).unwrap();
        CalEvent {
            uid: "a-1@test".into(),
            start: d,
            end: NaiveDate::from_ymd_opt(2011, 11, 26).unwrap(),
            summary: summary.into(),
            description: "Rad ett\nRad två; med, tecken".into(),
            location: "Porto Alegre, Brasilien".into(),
            url: String::new(),
        }
    }

    #[test]
    fn all_day_events_end_the_day_after_their_last_day() {
        let c = calendar(
            "Stockholm",
            &[event("Metropolis världskongress")],
            "20261127T000000Z",
            "empty@test",
        );
        assert!(c.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(c.contains("DTSTART;VALUE=DATE:20111123\r\n"));
        assert!(c.contains("DTEND;VALUE=DATE:20111127\r\n"));
        assert!(c.contains("DESCRIPTION:Rad ett\\nRad två\\; med\\, tecken\r\n"));
        assert!(c.contains("LOCATION:Porto Alegre\\, Brasilien"));
        assert!(c.ends_with("END:VCALENDAR\r\n"));
        assert!(!c.contains("VJOURNAL"), "no note beside events");
    }

    #[test]
    fn a_calendar_without_dates_still_holds_a_component() {
        let c = calendar("Stockholm", &[], "20261127T000000Z", "empty@test");
        assert!(c.contains("BEGIN:VJOURNAL\r\nUID:empty@test\r\nDTSTAMP:20261127T000000Z\r\n"));
        assert!(c.ends_with("END:VJOURNAL\r\nEND:VCALENDAR\r\n"));
        for line in c.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
    }

    proptest! {
        #[test]
        fn no_line_is_longer_than_75_octets(summary in "\\PC{0,300}") {
            let c = calendar("x", &[event(&summary)], "20261127T000000Z", "empty@test");
            for line in c.split("\r\n") {
                prop_assert!(line.len() <= 75, "{} octets", line.len());
            }
        }
    }
}
