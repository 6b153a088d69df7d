//! A review's results: statistics per membership × criterion and per
//! question, and the free-text answers without names. Shared by the page
//! and the API.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use crate::i18n::Text;
use crate::views::Chrome;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use oversyn_core::review::questionnaire::{Question, QuestionKind};
use oversyn_core::review::results::{
    Cell, by_group, by_membership_and_criterion, for_question, texts,
};
use oversyn_core::review::strategy::Criterion;
use oversyn_core::statistics::ScaleSummary;
use oversyn_store::StoreError;
use oversyn_store::reviews::Review;

pub struct MembershipRef {
    pub id: i64,
    pub organisation_id: i64,
    pub slug: String,
    pub label: String,
    pub name: String,
}

pub struct QuestionResult {
    pub question: Question,
    pub by_membership: Vec<(i64, ScaleSummary)>,
}

pub struct ReviewResults {
    pub review: Review,
    pub criteria: Vec<Criterion>,
    pub memberships: Vec<MembershipRef>,
    pub cells: Vec<Cell>,
    pub questions: Vec<QuestionResult>,
    pub texts: Vec<(i64, Vec<String>)>,
    /// Identified reviews only: results by majority, opposition and officials.
    pub groups: Vec<(String, Vec<Cell>)>,
}

impl ReviewResults {
    pub fn cell(&self, membership_id: i64, criterion: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.membership_id == membership_id && c.criterion == criterion)
    }
}

/// A review's results, computed once per state of the tenant's data and
/// kept (the intervals take most of a page's time).
pub async fn compute(
    state: &AppState,
    tenant_id: i64,
    review_id: i64,
) -> Result<std::sync::Arc<ReviewResults>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    state
        .store
        .remembered(tenant_id, "review results", review_id, today, || {
            compute_now(state, tenant_id, review_id)
        })
        .await
}

async fn compute_now(
    state: &AppState,
    tenant_id: i64,
    review_id: i64,
) -> Result<ReviewResults, StoreError> {
    let review = state.store.review(tenant_id, review_id).await?;
    let strategy = state
        .store
        .strategy(tenant_id, review.strategy_id)
        .await?
        .strategy;
    let ids = state
        .store
        .covered_memberships(tenant_id, review.id)
        .await?;
    let snap = oversyn_app::snapshot(&state.store, tenant_id).await?;
    let memberships = ids
        .iter()
        .filter_map(|id| snap.memberships.iter().find(|m| m.id == *id))
        .map(|m| {
            let o = snap.organisation(m.organisation_id);
            MembershipRef {
                id: m.id,
                organisation_id: m.organisation_id,
                slug: o.map(|o| o.slug.clone()).unwrap_or_default(),
                label: snap.org_label(m.organisation_id),
                name: o.map(|o| o.name.clone()).unwrap_or_default(),
            }
        })
        .collect::<Vec<_>>();
    let questions = state.store.review_questions(tenant_id, review.id).await?;
    let rows = state.store.answer_rows(tenant_id, review.id).await?;
    let k = usize::try_from(review.min_group).unwrap_or(3);
    let cells = by_membership_and_criterion(&questions, &rows, &ids, &strategy.criteria, k);
    let question_results = questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Scale)
        .map(|q| QuestionResult {
            question: q.clone(),
            by_membership: ids
                .iter()
                .map(|m| (*m, for_question(q.id, *m, &rows, k)))
                .collect(),
        })
        .collect();
    let texts = ids.iter().map(|m| (*m, texts(*m, &rows))).collect();
    let groups = if review.anonymous {
        Vec::new()
    } else {
        let respondents =
            oversyn_app::reviews::respondents(&state.store, tenant_id, review.id).await?;
        let mut group_of = std::collections::HashMap::new();
        for (ballot, rid) in state.store.ballot_owners(tenant_id, review.id).await? {
            // The side held when the review closed, not today's; a
            // respondent whose identity was removed keeps the group.
            let group = respondents.iter().find(|r| r.id == rid).and_then(|r| {
                snap.respondent_group(r.person_id, review.closes_on)
                    .or_else(|| r.result_group.clone())
            });
            if let Some(g) = group {
                group_of.insert(ballot, g);
            }
        }
        by_group(&questions, &rows, &ids, &strategy.criteria, &group_of, k)
    };
    Ok(ReviewResults {
        review,
        criteria: strategy.criteria,
        memberships,
        cells,
        questions: question_results,
        texts,
        groups,
    })
}

/// Formats an optional statistic for a table.
pub fn num(v: &Option<f64>) -> String {
    v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "–".into())
}

pub fn ci(v: &Option<(f64, f64)>) -> String {
    v.map(|(a, b)| format!("{a:.1}–{b:.1}"))
        .unwrap_or_else(|| "–".into())
}

pub fn pct(v: &Option<f64>) -> String {
    v.map(|x| format!("{:.0} %", x * 100.0))
        .unwrap_or_else(|| "–".into())
}

pub fn pct_ci(v: &Option<(f64, f64)>) -> String {
    v.map(|(a, b)| format!("{:.0}–{:.0} %", a * 100.0, b * 100.0))
        .unwrap_or_else(|| "–".into())
}

#[derive(Template)]
#[template(path = "reviews/results_content.html")]
struct ResultsView {
    c: Chrome,
    r: std::sync::Arc<ReviewResults>,
    /// For writers: each free-text answer with the ground it is withheld on.
    answers: Vec<(i64, i64, String, Option<String>)>,
    grounds: Vec<oversyn_core::privacy::secrecy::Ground>,
    secrecy: oversyn_core::privacy::secrecy::WithholdInput,
    errors: oversyn_core::FieldErrors,
    failed: Option<i64>,
}

impl ResultsView {
    fn num(&self, v: &Option<f64>) -> String {
        num(v)
    }
    fn ci(&self, v: &Option<(f64, f64)>) -> String {
        ci(v)
    }
    fn pct(&self, v: &Option<f64>) -> String {
        pct(v)
    }
    fn pct_ci(&self, v: &Option<(f64, f64)>) -> String {
        pct_ci(v)
    }
    fn cell_for(&self, m: &i64, c: &str) -> Option<&Cell> {
        self.r.cell(*m, c)
    }
    fn group_cell<'a>(&self, cells: &'a [Cell], m: &i64, c: &str) -> Option<&'a Cell> {
        cells
            .iter()
            .find(|x| x.membership_id == *m && x.criterion == c)
    }
    fn criterion_name(&self, c: &Criterion) -> String {
        c.name(self.c.lang).to_owned()
    }
    fn label_of(&self, membership_id: &i64) -> String {
        self.r
            .memberships
            .iter()
            .find(|m| m.id == *membership_id)
            .map(|m| m.label.clone())
            .unwrap_or_default()
    }
    /// (answer value, start, width) in percent of the five answer options,
    /// for the stacked bar drawn as SVG (no inline styles under the CSP).
    fn bar(&self, s: &ScaleSummary) -> Vec<(usize, String, String)> {
        let n = s.n.max(1) as f64;
        let mut x = 0.0;
        let mut out = Vec::new();
        for (i, c) in s.distribution.iter().enumerate() {
            let w = (*c as f64) * 100.0 / n;
            out.push((i + 1, format!("{x:.2}"), format!("{w:.2}")));
            x += w;
        }
        out
    }
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let r = compute(&state, s.tenant(), id).await?;
    let c = chrome(&s, &r);
    crate::kept::page(&state, &s, "results page", id, c, |c| {
        view(&state, &s, c, r)
    })
    .await
}

fn chrome(s: &Signed, r: &ReviewResults) -> Chrome {
    Chrome::signed(s, "results-title").titled(&format!(
        "{} – {}",
        s.lang.t("results-title"),
        r.review.title
    ))
}

async fn view(
    state: &AppState,
    s: &Signed,
    c: Chrome,
    r: std::sync::Arc<ReviewResults>,
) -> Result<ResultsView, PageError> {
    let writer = c.can_write();
    let id = r.review.id;
    Ok(ResultsView {
        answers: if writer {
            state.store.text_answers(s.tenant(), id).await?
        } else {
            Vec::new()
        },
        grounds: state.store.secrecy_grounds(s.tenant(), s.lang).await?,
        secrecy: oversyn_core::privacy::secrecy::WithholdInput {
            decided_on: chrono::Utc::now().date_naive().to_string(),
            ..Default::default()
        },
        errors: oversyn_core::FieldErrors::new(),
        failed: None,
        c,
        r,
    })
}

/// Withholds one free-text answer from the results and reports on a
/// secrecy ground, or releases it.
pub async fn answer_secrecy(
    State(state): State<AppState>,
    crate::context::Writer(s): crate::context::Writer,
    Path((id, answer)): Path<(i64, i64)>,
    crate::context::CsrfForm(form): crate::context::CsrfForm<crate::secrecy::SecrecyForm>,
) -> Result<Response, PageError> {
    state.store.review(s.tenant(), id).await?;
    match crate::secrecy::decide(&state, &s, "answer", answer, &form).await? {
        Ok(()) => Ok(
            axum::response::Redirect::to(&format!("/reviews/{id}/results#answers")).into_response(),
        ),
        Err(errors) => {
            let r = compute(&state, s.tenant(), id).await?;
            let c = chrome(&s, &r);
            let mut v = view(&state, &s, crate::kept::content_chrome(&c), r).await?;
            if !v.answers.iter().any(|a| a.0 == answer) {
                return Err(PageError::NotFound);
            }
            v.errors = errors;
            v.secrecy = form.decision;
            v.failed = Some(answer);
            Ok((
                http::StatusCode::UNPROCESSABLE_ENTITY,
                crate::kept::whole(c, &v)?,
            )
                .into_response())
        }
    }
}
