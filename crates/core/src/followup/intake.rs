//! Intake: a request for cooperation or a proposal to join a network is
//! scored quickly against the strategy's criteria (1–5 each, weighted by the
//! strategy) and triaged to accept, decline or investigate, with the reasons
//! written out. The strategy's rule — choose by subject, not geography —
//! sends a request whose reason is geography to investigation at best.

use crate::Lang;
use crate::codes::{Code, vocabulary};
use crate::review::strategy::Strategy;
use serde::{Deserialize, Serialize};

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    Triage {
        Accept = "accept",
        Investigate = "investigate",
        Decline = "decline",
    }
);

/// A weighted score at or above this accepts; below [`DECLINE_BELOW`] declines.
pub const ACCEPT_FROM: f64 = 3.5;
pub const DECLINE_BELOW: f64 = 2.5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub triage: Triage,
    /// Weighted mean of the scores, 1–5; None when nothing was scored.
    pub score: Option<f64>,
    pub reasons_sv: Vec<String>,
    pub reasons_en: Vec<String>,
}

/// `scores` are per criterion of `strategy`, in order; None = not scored.
pub fn triage(strategy: &Strategy, scores: &[Option<u8>], geography_reason: bool) -> Scored {
    let weights = strategy
        .point_weights()
        .unwrap_or_else(|| vec![1.0; strategy.criteria.len()]);
    let mut total = 0.0;
    let mut weight = 0.0;
    let mut reasons_sv = Vec::new();
    let mut reasons_en = Vec::new();
    for ((c, s), w) in strategy.criteria.iter().zip(scores).zip(&weights) {
        let Some(s) = s.filter(|s| (1..=5).contains(s)) else {
            continue;
        };
        total += f64::from(s) * w;
        weight += w;
        if s >= 4 {
            reasons_sv.push(format!(
                "stark på {} ({s} av 5)",
                c.name(Lang::Sv).to_lowercase()
            ));
            reasons_en.push(format!(
                "strong on {} ({s} of 5)",
                c.name(Lang::En).to_lowercase()
            ));
        } else if s <= 2 {
            reasons_sv.push(format!(
                "svag på {} ({s} av 5)",
                c.name(Lang::Sv).to_lowercase()
            ));
            reasons_en.push(format!(
                "weak on {} ({s} of 5)",
                c.name(Lang::En).to_lowercase()
            ));
        }
    }
    let score = (weight > 0.0).then(|| total / weight);
    let mut t = match score {
        None => Triage::Investigate,
        Some(s) if s >= ACCEPT_FROM => Triage::Accept,
        Some(s) if s < DECLINE_BELOW => Triage::Decline,
        Some(_) => Triage::Investigate,
    };
    if score.is_none() {
        reasons_sv.push("inte bedömd mot kriterierna".into());
        reasons_en.push("not scored against the criteria".into());
    }
    if geography_reason && strategy.subject_not_geography {
        reasons_sv
            .push("skälet är geografiskt, men strategin väljer samarbeten efter sakfråga".into());
        reasons_en.push("the reason is geography, but the strategy chooses by subject".into());
        if t == Triage::Accept {
            t = Triage::Investigate;
        }
    }
    Scored {
        triage: t,
        score,
        reasons_sv,
        reasons_en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::strategy::default_strategy;

    #[test]
    fn strong_scores_accept_and_weak_ones_decline() {
        let s = default_strategy();
        let n = s.criteria.len();
        let high = triage(&s, &vec![Some(5); n], false);
        assert_eq!(high.triage, Triage::Accept);
        assert_eq!(high.score, Some(5.0));
        assert_eq!(high.reasons_sv.len(), n);
        let low = triage(&s, &vec![Some(1); n], false);
        assert_eq!(low.triage, Triage::Decline);
        assert!(low.reasons_en[0].starts_with("weak on"));
        let mid = triage(&s, &vec![Some(3); n], false);
        assert_eq!(mid.triage, Triage::Investigate);
        assert!(mid.reasons_sv.is_empty());
    }

    #[test]
    fn a_geographic_reason_is_never_accepted_outright() {
        let s = default_strategy();
        let n = s.criteria.len();
        let r = triage(&s, &vec![Some(5); n], true);
        assert_eq!(r.triage, Triage::Investigate);
        assert!(r.reasons_en.last().unwrap().contains("geography"));
    }

    #[test]
    fn unscored_requests_are_investigated() {
        let s = default_strategy();
        let r = triage(&s, &[None, Some(9)], false);
        assert_eq!(r.triage, Triage::Investigate);
        assert_eq!(r.score, None);
    }

    #[test]
    fn the_score_is_the_weighted_mean_of_what_was_scored() {
        let s = default_strategy();
        let mut scores = vec![None; s.criteria.len()];
        scores[0] = Some(4);
        scores[1] = Some(2);
        let r = triage(&s, &scores, false);
        // Equal weights in the default strategy: (4 + 2) / 2.
        assert_eq!(r.score, Some(3.0));
    }
}
