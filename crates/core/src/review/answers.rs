//! A respondent's answer to one question for one membership, parsed from
//! what the form sent. Refusals carry a message key; the form keeps every
//! other answer.

use super::questionnaire::QuestionKind;
use serde::Serialize;

/// The longest free-text answer accepted.
pub const MAX_ANSWER_TEXT: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Scale(u8),
    YesNo(bool),
    Text(String),
    DontKnow,
}

/// Parses a submitted value; `Ok(None)` means left unanswered.
pub fn parse(kind: QuestionKind, raw: &str) -> Result<Option<Answer>, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match kind {
        QuestionKind::Scale => match t {
            "dk" => Ok(Some(Answer::DontKnow)),
            _ => t
                .parse::<u8>()
                .ok()
                .filter(|v| (1..=5).contains(v))
                .map(|v| Some(Answer::Scale(v)))
                .ok_or("error-scale"),
        },
        QuestionKind::YesNo => match t {
            "yes" => Ok(Some(Answer::YesNo(true))),
            "no" => Ok(Some(Answer::YesNo(false))),
            "dk" => Ok(Some(Answer::DontKnow)),
            _ => Err("error-choose"),
        },
        QuestionKind::Text => {
            if t.chars().count() > MAX_ANSWER_TEXT {
                Err("error-too-long")
            } else {
                Ok(Some(Answer::Text(t.to_owned())))
            }
        }
    }
}

impl Answer {
    /// Whether this answer could have been given to a question of `kind`.
    /// "Don't know" fits every question: it is how a respondent declines.
    pub fn fits(&self, kind: QuestionKind) -> bool {
        match (kind, self) {
            (_, Answer::DontKnow) => true,
            (QuestionKind::Scale, Answer::Scale(v)) => (1..=5).contains(v),
            (QuestionKind::YesNo, Answer::YesNo(_)) | (QuestionKind::Text, Answer::Text(_)) => true,
            _ => false,
        }
    }

    /// The value as a form would send it, to show a saved answer again.
    pub fn form_value(&self) -> String {
        match self {
            Answer::Scale(v) => v.to_string(),
            Answer::YesNo(true) => "yes".into(),
            Answer::YesNo(false) => "no".into(),
            Answer::Text(t) => t.clone(),
            Answer::DontKnow => "dk".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn scale_values_and_dont_know() {
        assert_eq!(parse(QuestionKind::Scale, "4"), Ok(Some(Answer::Scale(4))));
        assert_eq!(parse(QuestionKind::Scale, "dk"), Ok(Some(Answer::DontKnow)));
        assert_eq!(parse(QuestionKind::Scale, ""), Ok(None));
        for bad in ["0", "6", "-1", "3.5", "x"] {
            assert_eq!(parse(QuestionKind::Scale, bad), Err("error-scale"), "{bad}");
        }
        assert_eq!(
            parse(QuestionKind::Text, &"a".repeat(MAX_ANSWER_TEXT + 1)),
            Err("error-too-long")
        );
        assert_eq!(parse(QuestionKind::YesNo, "maybe"), Err("error-choose"));
    }

    #[test]
    fn answers_fit_their_kind_of_question() {
        use QuestionKind::*;
        assert!(Answer::Scale(1).fits(Scale) && Answer::Scale(5).fits(Scale));
        assert!(!Answer::Scale(0).fits(Scale) && !Answer::Scale(6).fits(Scale));
        assert!(Answer::YesNo(false).fits(YesNo));
        assert!(Answer::Text("ja".into()).fits(Text));
        for kind in [Scale, YesNo, Text] {
            assert!(Answer::DontKnow.fits(kind));
        }
        assert!(!Answer::Scale(3).fits(Text));
        assert!(!Answer::YesNo(true).fits(Scale));
        assert!(!Answer::Text("3".into()).fits(Scale));
    }

    proptest! {
        #[test]
        fn accepted_answers_round_trip(kind in prop_oneof![Just(QuestionKind::Scale), Just(QuestionKind::YesNo), Just(QuestionKind::Text)], raw in "\\PC{0,20}") {
            if let Ok(Some(a)) = parse(kind, &raw) {
                prop_assert_eq!(parse(kind, &a.form_value()), Ok(Some(a)));
            }
        }

        #[test]
        fn parsed_answers_fit_their_question(kind in prop_oneof![Just(QuestionKind::Scale), Just(QuestionKind::YesNo), Just(QuestionKind::Text)], raw in "\\PC{0,20}|[0-9]|dk|yes|no") {
            if let Ok(Some(a)) = parse(kind, &raw) {
                prop_assert!(a.fits(kind));
            }
        }
    }
}
