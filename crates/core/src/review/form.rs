//! The respondent's form as the browser posts it
//! (`application/x-www-form-urlencoded`), decoded into answer changes.
//! Pure, so the handler, the tests and the fuzzer run the same code.
//!
//! Fields are `a_{membership}_{question}` plus `action`. Fields for other
//! memberships or questions are ignored (an old page, a hand-made post);
//! a value that does not fit its question is an error on that field while
//! the others still count.

use super::answers::{self, Answer};
use super::questionnaire::Question;
use crate::FieldErrors;

/// What the respondent pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The Save button, or no action at all.
    Save,
    /// The page's script saving one change as the respondent goes.
    Autosave,
    Submit,
}

impl Action {
    /// Anything unknown saves: saving never loses what was typed.
    fn parse(s: &str) -> Action {
        match s {
            "autosave" => Action::Autosave,
            "submit" => Action::Submit,
            _ => Action::Save,
        }
    }
}

/// A body that is not a form at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadForm {
    /// The n-th field (from 1) is not UTF-8 once decoded.
    NotUtf8 { field: usize },
}

impl std::fmt::Display for BadForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadForm::NotUtf8 { field } => {
                write!(f, "field {field} of the form is not UTF-8 text")
            }
        }
    }
}

impl std::error::Error for BadForm {}

/// A decoded post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub action: Action,
    /// (membership, question, answer) — `None` clears it; one per field,
    /// the last value sent winning, in the order first sent.
    pub changes: Vec<(i64, i64, Option<Answer>)>,
    /// What was typed in each counted field, to show again beside an error.
    pub values: Vec<(String, String)>,
    /// Refused values by field name; the other fields still change.
    pub errors: FieldErrors,
}

/// The form field of one question for one membership.
pub fn field_name(membership: i64, question: i64) -> String {
    format!("a_{membership}_{question}")
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decoding as the URL standard does it: `+` is a space, and a `%`
/// not followed by two hex digits stays as it is.
fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < s.len() => match (hex(s[i + 1]), hex(s[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Name–value pairs in order. Unlike a lossy decoder this refuses bytes
/// that are not UTF-8, so a broken client's text is never stored mangled.
pub fn pairs(body: &[u8]) -> Result<Vec<(String, String)>, BadForm> {
    let mut out = Vec::new();
    for (n, part) in body
        .split(|b| *b == b'&')
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        let (name, value) = match part.iter().position(|b| *b == b'=') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => (part, &[][..]),
        };
        let text = |bytes: &[u8]| {
            String::from_utf8(percent_decode(bytes)).map_err(|_| BadForm::NotUtf8 { field: n + 1 })
        };
        out.push((text(name)?, text(value)?));
    }
    Ok(out)
}

/// Decodes a post against the review's questions and the memberships this
/// link answers for.
pub fn decode(
    body: &[u8],
    questions: &[Question],
    memberships: &[i64],
) -> Result<Decoded, BadForm> {
    let pairs = pairs(body)?;
    // The first `action` counts, as a browser sends only the pressed button.
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map_or(Action::Save, |(_, v)| Action::parse(v));
    let mut changes: Vec<(i64, i64, Option<Answer>)> = Vec::new();
    let mut values: Vec<(String, String)> = Vec::new();
    let mut errors = FieldErrors::new();
    for (k, v) in pairs {
        let Some((m, q)) = k
            .strip_prefix("a_")
            .and_then(|rest| rest.split_once('_'))
            .and_then(|(m, q)| Some((m.parse::<i64>().ok()?, q.parse::<i64>().ok()?)))
        else {
            continue;
        };
        let Some(question) = questions.iter().find(|x| x.id == q) else {
            continue;
        };
        if !memberships.contains(&m) {
            continue;
        }
        // A field sent twice counts once, with its last value: the
        // database sees one change per answer however long the post is.
        changes.retain(|(cm, cq, _)| (*cm, *cq) != (m, q));
        errors.0.retain(|e| e.field != k);
        values.retain(|(f, _)| *f != k);
        match answers::parse(question.kind, &v) {
            Ok(a) => changes.push((m, q, a)),
            Err(key) => errors.add(&k, key),
        }
        values.push((k, v));
    }
    Ok(Decoded {
        action,
        changes,
        values,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::answers::MAX_ANSWER_TEXT;
    use crate::review::questionnaire::QuestionKind;
    use proptest::prelude::*;

    fn q(id: i64, kind: QuestionKind) -> Question {
        Question {
            id,
            position: id,
            criterion: None,
            kind,
            text_sv: String::new(),
            text_en: String::new(),
        }
    }

    fn questions() -> Vec<Question> {
        vec![
            q(1, QuestionKind::Scale),
            q(2, QuestionKind::YesNo),
            q(3, QuestionKind::Text),
        ]
    }

    fn decode_str(s: &str) -> Decoded {
        decode(s.as_bytes(), &questions(), &[10, 20]).unwrap()
    }

    #[test]
    fn a_browser_post_becomes_changes() {
        let d = decode_str("a_10_1=4&a_10_2=dk&a_20_3=Bra+m%C3%B6ten%2C+100%25&action=submit");
        assert_eq!(d.action, Action::Submit);
        assert_eq!(
            d.changes,
            [
                (10, 1, Some(Answer::Scale(4))),
                (10, 2, Some(Answer::DontKnow)),
                (20, 3, Some(Answer::Text("Bra möten, 100%".into()))),
            ]
        );
        assert!(d.errors.is_empty());
    }

    #[test]
    fn foreign_fields_are_ignored_and_bad_values_named() {
        let d = decode_str("a_30_1=4&a_10_9=4&csrf=x&a_10=1&a_x_1=2&a_10_1=9&a_10_3=");
        assert_eq!(d.action, Action::Save);
        assert_eq!(d.changes, [(10, 3, None)], "an empty text clears");
        assert_eq!(d.errors.get("a_10_1"), Some("error-scale"));
        assert_eq!(
            d.values,
            [
                ("a_10_1".into(), "9".into()),
                ("a_10_3".into(), String::new())
            ]
        );
    }

    #[test]
    fn a_field_sent_twice_counts_once_with_its_last_value() {
        let d = decode_str("a_10_1=9&a_10_1=2&a_10_1=3&action=autosave");
        assert_eq!(d.action, Action::Autosave);
        assert_eq!(d.changes, [(10, 1, Some(Answer::Scale(3)))]);
        assert!(d.errors.is_empty(), "the refused first value was replaced");
        let many = "a_10_1=2&".repeat(50_000);
        assert_eq!(decode_str(&many).changes.len(), 1);
    }

    #[test]
    fn percent_escapes_follow_the_url_standard() {
        assert_eq!(
            pairs(b"a=%41%4a%zz%4&b=%&=x&&c").unwrap(),
            [
                ("a".into(), "AJ%zz%4".into()),
                ("b".into(), "%".into()),
                (String::new(), "x".into()),
                ("c".into(), String::new()),
            ]
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_place() {
        let e = pairs(b"action=save&a_10_3=%FF%FE").unwrap_err();
        assert_eq!(e, BadForm::NotUtf8 { field: 2 });
        assert_eq!(e.to_string(), "field 2 of the form is not UTF-8 text");
        assert!(pairs(b"a\xff=1").is_err());
    }

    #[test]
    fn a_huge_text_is_an_error_on_its_field() {
        let long = "x".repeat(MAX_ANSWER_TEXT + 1);
        let d = decode_str(&format!("a_10_3={long}&a_10_1=5"));
        assert_eq!(d.errors.get("a_10_3"), Some("error-too-long"));
        assert_eq!(d.changes, [(10, 1, Some(Answer::Scale(5)))]);
        let megabyte = "%C3%A5".repeat(200_000);
        let d = decode_str(&format!("a_20_3={megabyte}"));
        assert_eq!(d.errors.get("a_20_3"), Some("error-too-long"));
    }

    /// Checks what must hold for any input: no panic, and only the link's
    /// memberships and the review's questions, each at most once.
    fn holds_for(body: &[u8]) {
        let qs = questions();
        let Ok(d) = decode(body, &qs, &[10, 20]) else {
            return;
        };
        let mut seen = std::collections::HashSet::new();
        for (m, q, _) in &d.changes {
            assert!([10, 20].contains(m) && qs.iter().any(|x| x.id == *q));
            assert!(seen.insert((*m, *q)), "one change per field");
        }
        for e in &d.errors.0 {
            assert!(d.values.iter().any(|(f, _)| *f == e.field));
        }
    }

    const VALID: &str = "a_10_1=4&a_10_2=yes&a_20_3=Bra+m%C3%B6ten&a_20_1=dk&action=submit";

    proptest! {
        #[test]
        fn random_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..400)) {
            holds_for(&body);
        }

        #[test]
        fn mutated_and_cut_posts_never_panic(
            cut in 0..VALID.len(),
            flips in proptest::collection::vec((0..VALID.len(), any::<u8>()), 0..6),
        ) {
            let mut body = VALID.as_bytes().to_vec();
            for (at, b) in flips {
                body[at] = b;
            }
            holds_for(&body);
            holds_for(&body[..cut]);
        }

        #[test]
        fn typed_text_round_trips(text in "\\PC{1,60}") {
            let body = format!("a_10_3={}", encode(&text));
            let d = decode(body.as_bytes(), &questions(), &[10]).unwrap();
            let t = text.trim();
            if t.is_empty() {
                prop_assert_eq!(d.changes, vec![(10, 3, None)]);
            } else {
                prop_assert_eq!(d.changes, vec![(10, 3, Some(Answer::Text(t.to_owned())))]);
            }
        }
    }

    /// What a browser does to a value before it posts it.
    fn encode(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                    char::from(b).to_string()
                }
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
}
