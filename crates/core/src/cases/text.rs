//! The plain-text forms in which officials type points and persons: one
//! point per line ("1. Staden …"), one person per line or comma
//! ("Per Bolund (MP)"). The same forms are shown back in edit fields.

use super::{Person, Point};

/// Splits a leading label ("1.", "2)", "(a)", "a)", "•", "-") from a line.
fn split_label(line: &str) -> (Option<&str>, &str) {
    let t = line.trim_start();
    for bullet in ["•", "- ", "– "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return (Some(bullet.trim()), rest.trim());
        }
    }
    let end = if t.starts_with('(') {
        t.find(')').map(|i| i + 1)
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let letters = t
            .chars()
            .take_while(char::is_ascii_lowercase)
            .count()
            .min(1);
        let n = if digits > 0 { digits } else { letters };
        match t.as_bytes().get(n) {
            Some(b'.' | b')') if n > 0 => Some(n + 1),
            _ => None,
        }
    };
    match end {
        Some(e) if e <= 5 && t[e..].starts_with(' ') => (Some(&t[..e]), t[e..].trim()),
        _ => (None, t.trim()),
    }
}

/// Points from a textarea. A line with a label starts a point; a line
/// without one continues the point before it (as pasted from a document).
pub fn points_from_text(text: &str) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match (split_label(line), out.last_mut()) {
            ((None, rest), Some(last)) => {
                last.text.push(' ');
                last.text.push_str(rest);
            }
            ((label, rest), _) => {
                let number = out.len() as u32 + 1;
                out.push(Point {
                    number,
                    label: label.map_or_else(|| format!("{number}."), str::to_owned),
                    text: rest.to_owned(),
                });
            }
        }
    }
    out
}

pub fn points_to_text(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{} {}", p.label, p.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "Per Bolund (MP), Anna Ek och Ola Berg (båda V)": a party after a group applies to all in it.
pub fn persons_from_text(text: &str) -> Vec<Person> {
    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut rest = text;
    loop {
        let open = rest.find('(');
        let chunk = &rest[..open.unwrap_or(rest.len())];
        for name in chunk
            .split([',', '\n', ';'])
            .flat_map(|p| p.split(" och "))
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            pending.push(name.to_owned());
        }
        let Some(o) = open else { break };
        let Some(c) = rest[o..].find(')') else { break };
        let party = rest[o + 1..o + c]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_owned();
        for name in pending.drain(..) {
            out.push(Person {
                name,
                party: (!party.is_empty()).then(|| party.clone()),
            });
        }
        rest = &rest[o + c + 1..];
    }
    out.extend(pending.into_iter().map(|name| Person { name, party: None }));
    out
}

pub fn persons_to_text(persons: &[Person]) -> String {
    persons
        .iter()
        .map(|p| match &p.party {
            Some(party) => format!("{} ({party})", p.name),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labelled_lines_start_points_and_others_continue_them() {
        let p = points_from_text(
            "1. Staden avsäger sig styrelseposterna\ni Metropolis.\n\n2) Stadens medlemskap sägs upp.\n(a) Lettered\n• Bulleted\nPlain start",
        );
        let labels: Vec<_> = p.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["1.", "2)", "(a)", "•"]);
        assert_eq!(
            p[0].text,
            "Staden avsäger sig styrelseposterna i Metropolis."
        );
        assert_eq!(p[3].text, "Bulleted Plain start");
        assert_eq!(p[3].number, 4);
        let unlabelled = points_from_text("Ett beslut");
        assert_eq!(unlabelled[0].label, "1.");
    }

    #[test]
    fn group_parties_apply_to_every_name_in_the_group() {
        let p = persons_from_text("Per Bolund (MP), Anna Ek och Ola Berg (båda V), Eva Ny");
        let got: Vec<_> = p
            .iter()
            .map(|x| (x.name.as_str(), x.party.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Per Bolund", Some("MP")),
                ("Anna Ek", Some("V")),
                ("Ola Berg", Some("V")),
                ("Eva Ny", None)
            ]
        );
        assert_eq!(persons_from_text(&persons_to_text(&p)), p);
    }

    proptest! {
        #[test]
        fn points_survive_their_text_form(texts in proptest::collection::vec("[A-Za-zåäö][A-Za-zåäö ,]{0,40}[a-z.]", 1..6)) {
            let text = texts.iter().enumerate().map(|(i, t)| format!("{}. {t}", i + 1)).collect::<Vec<_>>().join("\n");
            let points = points_from_text(&text);
            prop_assert_eq!(points.len(), texts.len());
            prop_assert_eq!(points_from_text(&points_to_text(&points)), points);
        }

        #[test]
        fn odd_text_never_panics(text in "\\PC{0,80}") {
            let _ = points_from_text(&text);
            let _ = persons_from_text(&text);
        }
    }
}
