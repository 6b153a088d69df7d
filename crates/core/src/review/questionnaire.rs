//! Questions and the default questionnaire generated from the strategy's
//! criteria, so a review can start in minutes.

use super::strategy::Strategy;
use crate::Lang;
use crate::codes::Code;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// 5-point agreement with a separate "don't know / not applicable".
    Scale,
    Text,
    YesNo,
}

impl Code for QuestionKind {
    const ALL: &'static [Self] = &[QuestionKind::Scale, QuestionKind::Text, QuestionKind::YesNo];
    fn code(self) -> &'static str {
        match self {
            QuestionKind::Scale => "scale",
            QuestionKind::Text => "text",
            QuestionKind::YesNo => "yes_no",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    /// The criterion the question informs; `None` for general questions.
    pub criterion: Option<String>,
    pub kind: QuestionKind,
    pub text_sv: String,
    pub text_en: String,
}

impl Question {
    pub fn text(&self, lang: Lang) -> &str {
        if lang.is_en() {
            &self.text_en
        } else {
            &self.text_sv
        }
    }
}

/// A question before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuestion {
    pub criterion: Option<String>,
    pub kind: QuestionKind,
    pub text_sv: String,
    pub text_en: String,
}

fn q(criterion: Option<&str>, kind: QuestionKind, sv: &str, en: &str) -> NewQuestion {
    NewQuestion {
        criterion: criterion.map(Into::into),
        kind,
        text_sv: sv.into(),
        text_en: en.into(),
    }
}

/// Two agreement statements per criterion (the four default criteria get
/// worded statements; others a generic one), a question on cost and effort,
/// and free text.
pub fn default_questionnaire(strategy: &Strategy) -> Vec<NewQuestion> {
    use QuestionKind::*;
    let mut out = Vec::new();
    for c in &strategy.criteria {
        let k = Some(c.key.as_str());
        match c.key.as_str() {
            "positioning" => {
                out.push(q(
                    k,
                    Scale,
                    "Medlemskapet stärker vår position internationellt.",
                    "The membership strengthens our international position.",
                ));
                out.push(q(
                    k,
                    Scale,
                    "Vi syns och hörs i organisationens arbete.",
                    "We are seen and heard in the organisation's work.",
                ));
            }
            "operational_development" => {
                out.push(q(
                    k,
                    Scale,
                    "Medlemskapet ger kunskap som används i våra verksamheter.",
                    "The membership brings knowledge that is used in our operations.",
                ));
                out.push(q(
                    k,
                    Scale,
                    "Nyttan för verksamheten motsvarar den tid och de resor det kräver.",
                    "The benefit to operations matches the time and travel it takes.",
                ));
            }
            "monitoring" => {
                out.push(q(
                    k,
                    Scale,
                    "Medlemskapet ger tidig kännedom om frågor som berör oss.",
                    "The membership gives early knowledge of issues that affect us.",
                ));
                out.push(q(
                    k,
                    Scale,
                    "Informationen från organisationen är relevant för oss.",
                    "The information from the organisation is relevant to us.",
                ));
            }
            "influence" => {
                out.push(q(
                    k,
                    Scale,
                    "Vi kan påverka organisationens inriktning.",
                    "We can influence the organisation's direction.",
                ));
                out.push(q(k, Scale, "Genom organisationen kan vi påverka beslut som berör oss, t.ex. i EU.", "Through the organisation we can influence decisions that affect us, e.g. in the EU."));
            }
            _ => {
                let (sv, en) = (
                    format!("Medlemskapet bidrar till: {}.", c.name_sv),
                    format!("The membership contributes to: {}.", c.name_en),
                );
                out.push(NewQuestion {
                    criterion: Some(c.key.clone()),
                    kind: Scale,
                    text_sv: sv,
                    text_en: en,
                });
            }
        }
    }
    out.push(q(
        None,
        YesNo,
        "Har du avböjt att delta i arbetsgrupper eller möten på grund av kostnad eller tid?",
        "Have you declined working groups or meetings because of cost or time?",
    ));
    out.push(q(
        None,
        Text,
        "Övriga synpunkter på medlemskapet.",
        "Other comments on the membership.",
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::strategy::default_strategy;

    #[test]
    fn every_criterion_gets_scale_questions() {
        let s = default_strategy();
        let qs = default_questionnaire(&s);
        for c in &s.criteria {
            assert!(
                qs.iter()
                    .filter(|q| q.criterion.as_deref() == Some(c.key.as_str())
                        && q.kind == QuestionKind::Scale)
                    .count()
                    >= 2
            );
        }
        assert!(qs.iter().any(|q| q.kind == QuestionKind::Text));
        assert!(
            qs.iter()
                .all(|q| !q.text_sv.is_empty() && !q.text_en.is_empty())
        );
    }
}
