//! Review results: the statistics per membership × criterion (answers to
//! a criterion's questions pooled) and per question, with small groups
//! suppressed by the number of distinct respondents.

use super::answers::Answer;
use super::questionnaire::{Question, QuestionKind};
use super::strategy::Criterion;
use crate::statistics::{ScaleAnswer, ScaleSummary, summarize};
use serde::Serialize;
use std::collections::BTreeSet;

/// One stored answer. `ballot` identifies one respondent's set of answers
/// without saying who it is (in anonymous reviews it cannot be traced back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub ballot: String,
    pub membership_id: i64,
    pub question_id: i64,
    pub answer: Answer,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub membership_id: i64,
    pub criterion: String,
    /// Distinct respondents who answered any of the criterion's questions.
    pub respondents: usize,
    pub summary: ScaleSummary,
}

fn scale(a: &Answer) -> Option<ScaleAnswer> {
    match a {
        Answer::Scale(v) => Some(ScaleAnswer::Value(*v)),
        Answer::DontKnow => Some(ScaleAnswer::DontKnow),
        _ => None,
    }
}

/// Summarises the scale answers in `rows`, suppressing the group when fewer
/// than `min_group` distinct respondents gave them.
fn summarise_rows<'a>(
    rows: impl Iterator<Item = &'a AnswerRow>,
    min_group: usize,
) -> (usize, ScaleSummary) {
    let mut ballots = BTreeSet::new();
    let mut values = Vec::new();
    for r in rows {
        if let Some(v) = scale(&r.answer) {
            ballots.insert(r.ballot.as_str());
            values.push(v);
        }
    }
    let threshold = if ballots.len() < min_group {
        usize::MAX
    } else {
        0
    };
    (ballots.len(), summarize(&values, threshold))
}

/// Results for every reviewed membership and every criterion, in the order given.
pub fn by_membership_and_criterion(
    questions: &[Question],
    rows: &[AnswerRow],
    memberships: &[i64],
    criteria: &[Criterion],
    min_group: usize,
) -> Vec<Cell> {
    let mut out = Vec::new();
    for &m in memberships {
        for c in criteria {
            let qids: BTreeSet<i64> = questions
                .iter()
                .filter(|q| {
                    q.kind == QuestionKind::Scale && q.criterion.as_deref() == Some(c.key.as_str())
                })
                .map(|q| q.id)
                .collect();
            let (respondents, summary) = summarise_rows(
                rows.iter()
                    .filter(|r| r.membership_id == m && qids.contains(&r.question_id)),
                min_group,
            );
            out.push(Cell {
                membership_id: m,
                criterion: c.key.clone(),
                respondents,
                summary,
            });
        }
    }
    out
}

/// Results per group of respondents (e.g. majority, opposition, officials)
/// in identified reviews; `group_of` names each ballot's group. Groups
/// smaller than `min_group` are suppressed like any other, so a breakdown
/// can never single out a few people.
pub fn by_group(
    questions: &[Question],
    rows: &[AnswerRow],
    memberships: &[i64],
    criteria: &[Criterion],
    group_of: &std::collections::HashMap<String, String>,
    min_group: usize,
) -> Vec<(String, Vec<Cell>)> {
    let mut groups: Vec<String> = group_of.values().cloned().collect();
    groups.sort();
    groups.dedup();
    groups
        .into_iter()
        .map(|g| {
            let mine: Vec<AnswerRow> = rows
                .iter()
                .filter(|r| group_of.get(&r.ballot) == Some(&g))
                .cloned()
                .collect();
            let cells =
                by_membership_and_criterion(questions, &mine, memberships, criteria, min_group);
            (g, cells)
        })
        .collect()
}

/// Results for one scale question in one membership.
pub fn for_question(
    question_id: i64,
    membership_id: i64,
    rows: &[AnswerRow],
    min_group: usize,
) -> ScaleSummary {
    summarise_rows(
        rows.iter()
            .filter(|r| r.question_id == question_id && r.membership_id == membership_id),
        min_group,
    )
    .1
}

/// Free-text answers for a membership, without who wrote them, in a stable order.
pub fn texts(membership_id: i64, rows: &[AnswerRow]) -> Vec<String> {
    let mut t: Vec<String> = rows
        .iter()
        .filter(|r| r.membership_id == membership_id)
        .filter_map(|r| match &r.answer {
            Answer::Text(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    t.sort();
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::strategy::default_strategy;

    fn row(ballot: &str, m: i64, q: i64, a: Answer) -> AnswerRow {
        AnswerRow {
            ballot: ballot.into(),
            membership_id: m,
            question_id: q,
            answer: a,
        }
    }

    fn questions() -> Vec<Question> {
        vec![
            Question {
                id: 1,
                position: 1,
                criterion: Some("influence".into()),
                kind: QuestionKind::Scale,
                text_sv: "a".into(),
                text_en: "a".into(),
            },
            Question {
                id: 2,
                position: 2,
                criterion: Some("influence".into()),
                kind: QuestionKind::Scale,
                text_sv: "b".into(),
                text_en: "b".into(),
            },
            Question {
                id: 3,
                position: 3,
                criterion: None,
                kind: QuestionKind::Text,
                text_sv: "c".into(),
                text_en: "c".into(),
            },
        ]
    }

    #[test]
    fn a_criterion_pools_its_questions_and_excludes_dont_know() {
        let rows = vec![
            row("a", 7, 1, Answer::Scale(2)),
            row("a", 7, 2, Answer::Scale(1)),
            row("b", 7, 1, Answer::Scale(2)),
            row("b", 7, 2, Answer::DontKnow),
            row("c", 7, 1, Answer::Scale(3)),
            row("c", 7, 3, Answer::Text("long journeys".into())),
            row("d", 8, 1, Answer::Scale(5)),
        ];
        let s = default_strategy();
        let cells = by_membership_and_criterion(&questions(), &rows, &[7], &s.criteria, 3);
        let influence = cells.iter().find(|c| c.criterion == "influence").unwrap();
        assert_eq!(influence.respondents, 3);
        assert_eq!((influence.summary.n, influence.summary.dont_know), (4, 1));
        assert_eq!(influence.summary.median, Some(2.0));
        assert!(!influence.summary.suppressed);
        let positioning = cells.iter().find(|c| c.criterion == "positioning").unwrap();
        assert_eq!(positioning.summary.n, 0);
        assert_eq!(texts(7, &rows), vec!["long journeys".to_string()]);
    }

    #[test]
    fn a_small_group_is_suppressed_in_the_breakdown() {
        let rows = vec![
            row("a", 7, 1, Answer::Scale(2)),
            row("b", 7, 1, Answer::Scale(2)),
            row("c", 7, 1, Answer::Scale(3)),
            row("d", 7, 1, Answer::Scale(5)),
        ];
        let groups: std::collections::HashMap<String, String> = [
            ("a", "majority"),
            ("b", "majority"),
            ("c", "majority"),
            ("d", "opposition"),
        ]
        .iter()
        .map(|(b, g)| (b.to_string(), g.to_string()))
        .collect();
        let s = default_strategy();
        let out = by_group(&questions(), &rows, &[7], &s.criteria, &groups, 3);
        let cell = |g: &str| {
            out.iter()
                .find(|(x, _)| x == g)
                .unwrap()
                .1
                .iter()
                .find(|c| c.criterion == "influence")
                .unwrap()
                .clone()
        };
        assert!(!cell("majority").summary.suppressed);
        assert!(
            cell("opposition").summary.suppressed,
            "one opposition respondent is not shown apart"
        );
    }

    #[test]
    fn fewer_respondents_than_k_are_suppressed() {
        let rows = vec![
            row("a", 7, 1, Answer::Scale(2)),
            row("a", 7, 2, Answer::Scale(1)),
            row("b", 7, 1, Answer::Scale(4)),
        ];
        let s = default_strategy();
        let cells = by_membership_and_criterion(&questions(), &rows, &[7], &s.criteria, 3);
        let influence = cells.iter().find(|c| c.criterion == "influence").unwrap();
        assert!(influence.summary.suppressed);
        assert_eq!(influence.summary.median, None);
        assert_eq!(for_question(1, 7, &rows, 0).n, 2);
    }
}
