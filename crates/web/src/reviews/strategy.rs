//! The tenant's strategy: criteria, goals, the subject rule and weights.
//! Each save is a new version; reviews keep the version they ran with.

use crate::AppState;
use crate::context::{CsrfForm, Signed, Writer};
use crate::error::PageError;
use crate::views::Chrome;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use oversyn_core::FieldErrors;
use oversyn_core::review::strategy::{Strategy, Weights};
use oversyn_store::reviews::StoredStrategy;

#[derive(Template)]
#[template(path = "reviews/strategy_content.html")]
struct StrategyView {
    c: Chrome,
    s: StoredStrategy,
    ranking: bool,
    ranks: Vec<usize>,
    weights: Vec<(f64, f64)>,
    point: Vec<String>,
    errors: FieldErrors,
}

impl StrategyView {
    fn weight_error(&self, i: &usize) -> bool {
        self.errors.get(&format!("low_{i}")).is_some()
    }
}

fn view(c: Chrome, s: StoredStrategy, errors: FieldErrors) -> StrategyView {
    let n = s.strategy.criteria.len();
    let (ranking, ranks, weights) = match &s.strategy.weights {
        Weights::Swing { intervals } => (false, (1..=n).collect(), intervals.clone()),
        Weights::Ranking { ranks } => (true, ranks.clone(), vec![(1.0, 1.0); n]),
    };
    let point = s
        .strategy
        .point_weights()
        .unwrap_or_default()
        .iter()
        .map(|w| format!("{:.0} %", w * 100.0))
        .collect();
    StrategyView {
        c,
        s,
        ranking,
        ranks,
        weights,
        point,
        errors,
    }
}

pub async fn page(State(state): State<AppState>, s: Signed) -> Result<Response, PageError> {
    let c = Chrome::signed(&s, "strategy-title");
    crate::kept::page(&state, &s, "strategy page", 0, c, |c| async {
        let current = state.store.current_strategy(&s.actor()).await?;
        Ok(view(c, current, FieldErrors::new()))
    })
    .await
}

/// Saves a new version: names, weights (low–high per criterion), goals and the subject rule.
pub async fn save(
    State(state): State<AppState>,
    Writer(s): Writer,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let current = state.store.current_strategy(&s.actor()).await?;
    let get = |k: String| {
        form.iter()
            .find(|(f, _)| *f == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut errors = FieldErrors::new();
    let mut next: Strategy = current.strategy.clone();
    let mut intervals = Vec::new();
    for (i, c) in next.criteria.iter_mut().enumerate() {
        if let Some(n) = errors.check(
            &format!("name_sv_{i}"),
            oversyn_core::validate::name(&get(format!("name_sv_{i}"))),
        ) {
            c.name_sv = n;
        }
        if let Some(n) = errors.check(
            &format!("name_en_{i}"),
            oversyn_core::validate::name(&get(format!("name_en_{i}"))),
        ) {
            c.name_en = n;
        }
        let num = |k: String| {
            get(k)
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
        };
        match (num(format!("low_{i}")), num(format!("high_{i}"))) {
            (Some(l), Some(h)) if l <= h => intervals.push((l, h)),
            _ if get("method".into()) == "ranking" => intervals.push((1.0, 1.0)),
            _ => errors.add(&format!("low_{i}"), "error-weight-interval"),
        }
    }
    next.weights = if get("method".into()) == "ranking" {
        let mut ranks = Vec::new();
        for i in 0..next.criteria.len() {
            match get(format!("rank_{i}")).parse::<usize>() {
                Ok(r) if (1..=next.criteria.len()).contains(&r) => ranks.push(r),
                _ => errors.add(&format!("rank_{i}"), "error-rank"),
            }
        }
        Weights::Ranking { ranks }
    } else {
        Weights::Swing { intervals }
    };
    next.goals = get("goals".into())
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    next.subject_not_geography = get("subject_rule".into()) == "on";
    if errors.is_empty()
        && let Err(k) = next.validate()
    {
        errors.add("weights", k);
    }
    if !errors.is_empty() {
        let shown = StoredStrategy {
            strategy: next,
            ..current
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, {
            let c = Chrome::signed(&s, "strategy-title");
            let inner = crate::kept::content_chrome(&c);
            crate::kept::whole(c, &view(inner, shown, errors))?
        })
            .into_response());
    }
    state.store.save_strategy(&s.actor(), &next).await?;
    Ok(Redirect::to("/strategy").into_response())
}
