//! Any body posted to a respondent's link must decode into answers for the
//! link's own memberships and the review's questions, each at most once,
//! or be refused as not a form; never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oversyn_core::review::form::decode;
use oversyn_core::review::questionnaire::{Question, QuestionKind};
use std::collections::HashSet;

fn question(id: i64, kind: QuestionKind) -> Question {
    Question {
        id,
        position: id,
        criterion: None,
        kind,
        text_sv: String::new(),
        text_en: String::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let questions = [
        question(1, QuestionKind::Scale),
        question(2, QuestionKind::YesNo),
        question(3, QuestionKind::Text),
    ];
    let memberships = [10, 20];
    let Ok(d) = decode(data, &questions, &memberships) else {
        return;
    };
    let mut seen = HashSet::new();
    for (m, q, _) in &d.changes {
        assert!(memberships.contains(m));
        assert!(questions.iter().any(|x| x.id == *q));
        assert!(seen.insert((*m, *q)));
    }
    for e in &d.errors.0 {
        assert!(d.values.iter().any(|(f, _)| *f == e.field));
    }
});
