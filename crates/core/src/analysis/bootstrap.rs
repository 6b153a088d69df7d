//! Survey uncertainty: a bootstrap over respondents. Each draw picks as many
//! respondents as answered, with replacement, recomputes the benefit per
//! criterion from their answers and the category under the point weights.
//! How often each category comes out shows how much a recommendation rests
//! on who happened to answer — with six respondents, a great deal.

use super::rules::categorise;
use super::smaa::Rng;
use super::value::benefit_index;
use super::{Category, Evidence, benefit_from_answers};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One respondent's answers (1–5) per criterion, aligned with the criteria.
pub type Ballot = Vec<Vec<u8>>;

/// What the resampling shows for one membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bootstrap {
    /// Share of draws giving each category (all five present; sums to 1).
    pub probabilities: BTreeMap<Category, f64>,
    /// The 5th and 95th percentile of the benefit index over the draws that
    /// had one; None when no draw had one.
    pub index_90: Option<(f64, f64)>,
    /// The number of draws.
    pub draws: usize,
}

/// Resamples `ballots` (one per respondent of this membership) `draws`
/// times. The evidence supplies everything but the answers (indirect
/// representation, goal fit and so on); its benefit, medians and respondent
/// counts are replaced in every draw. With no ballots every draw is
/// insufficient evidence, as the analysis itself would say.
pub fn bootstrap(
    evidence: &Evidence,
    ballots: &[Ballot],
    weights: &[f64],
    draws: usize,
    seed: u64,
) -> Bootstrap {
    let k = evidence.criteria_keys.len().max(weights.len());
    let mut rng = Rng::new(seed);
    let mut counts = [0usize; 5];
    let mut indices = Vec::with_capacity(draws);
    let mut e = evidence.clone();
    let mut pooled: Vec<Vec<u8>> = vec![Vec::new(); k];
    // Invalid values are dropped once, not in every draw.
    let ballots: Vec<Vec<Vec<u8>>> = ballots
        .iter()
        .map(|b| {
            b.iter()
                .take(k)
                .map(|vs| vs.iter().copied().filter(|v| (1..=5).contains(v)).collect())
                .collect()
        })
        .collect();
    for _ in 0..draws {
        for values in pooled.iter_mut() {
            values.clear();
        }
        let mut answered = vec![0usize; k];
        for _ in 0..ballots.len() {
            // Modulo bias is below 2^-40 for any realistic number of respondents.
            let pick = &ballots[(rng.next_u64() % ballots.len() as u64) as usize];
            for (c, values) in pick.iter().enumerate() {
                if !values.is_empty() {
                    answered[c] += 1;
                    pooled[c].extend_from_slice(values);
                }
            }
        }
        e.benefit = pooled.iter().map(|v| benefit_from_answers(v)).collect();
        e.respondents = answered;
        let index = benefit_index(&e.benefit, weights);
        counts[categorise(&e, index).slot()] += 1;
        if let Some(b) = index.filter(|b| b.is_finite()) {
            indices.push(b);
        }
    }
    indices.sort_by(f64::total_cmp);
    let percentile = |p: f64| indices[((indices.len() - 1) as f64 * p).round() as usize];
    let total = draws.max(1) as f64;
    Bootstrap {
        probabilities: Category::ALL
            .iter()
            .map(|&c| (c, counts[c.slot()] as f64 / total))
            .collect(),
        index_90: (!indices.is_empty()).then(|| (percentile(0.05), percentile(0.95))),
        draws,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::evidence as sample;
    use proptest::prelude::*;

    fn ballots(rows: &[[u8; 2]]) -> Vec<Ballot> {
        rows.iter()
            .map(|r| r.iter().map(|v| vec![*v]).collect())
            .collect()
    }

    #[test]
    fn unanimous_answers_give_one_category() {
        let e = sample(1, &[Some(100.0), Some(100.0)], 6);
        let b = bootstrap(&e, &ballots(&[[5, 5]; 6]), &[0.5, 0.5], 500, 7);
        assert_eq!(b.probabilities[&Category::Deepen], 1.0);
        assert_eq!(b.index_90, Some((100.0, 100.0)));
    }

    #[test]
    fn split_answers_spread_over_categories() {
        // Three respondents love it, three hate it: the point estimate is 50
        // (Reduce), but a resample easily lands on either side.
        let e = sample(1, &[Some(50.0), Some(50.0)], 6);
        let rows = [[5, 5], [5, 5], [5, 5], [1, 1], [1, 1], [1, 1]];
        let b = bootstrap(&e, &ballots(&rows), &[0.5, 0.5], 4000, 11);
        let p = &b.probabilities;
        assert!(p[&Category::Deepen] > 0.05, "{p:?}");
        assert!(p[&Category::Terminate] > 0.05, "{p:?}");
        assert!(p[&Category::Reduce] > 0.1, "{p:?}");
        let (lo, hi) = b.index_90.unwrap();
        assert!(lo < 30.0 && hi > 70.0, "{lo} {hi}");
        // Symmetric answers give an interval centred on the point estimate.
        assert!(((lo + hi) / 2.0 - 50.0).abs() < 5.0, "{lo} {hi}");
    }

    #[test]
    fn no_ballots_is_insufficient_evidence() {
        let e = sample(1, &[None, None], 0);
        let b = bootstrap(&e, &[], &[0.5, 0.5], 100, 1);
        assert_eq!(b.probabilities[&Category::InsufficientEvidence], 1.0);
        assert_eq!(b.index_90, None);
    }

    #[test]
    fn the_seed_fixes_the_result() {
        let e = sample(1, &[Some(50.0), Some(50.0)], 4);
        let rows = ballots(&[[2, 4], [3, 5], [4, 1], [5, 2]]);
        let a = bootstrap(&e, &rows, &[0.3, 0.7], 300, 99);
        assert_eq!(a, bootstrap(&e, &rows, &[0.3, 0.7], 300, 99));
    }

    proptest! {
        #[test]
        fn probabilities_sum_to_one_and_the_interval_is_ordered(
            rows in proptest::collection::vec(proptest::collection::vec(proptest::collection::vec(0u8..8, 0..3), 0..4), 0..8),
            w in proptest::collection::vec(0.0f64..1.0, 0..4),
            seed in any::<u64>(),
        ) {
            let e = sample(1, &[Some(50.0), None, Some(10.0)], 3);
            let b = bootstrap(&e, &rows, &w, 50, seed);
            let sum: f64 = b.probabilities.values().sum();
            prop_assert!((sum - 1.0).abs() < 1e-9);
            if let Some((lo, hi)) = b.index_90 {
                // The index is a weighted mean of 0–100 values, exact up to rounding.
                let scale = -1e-9..=100.0 + 1e-9;
                prop_assert!(lo <= hi && scale.contains(&lo) && scale.contains(&hi));
            }
        }
    }
}
