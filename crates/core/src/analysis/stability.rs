//! Weight stability: how far each criterion's weight can move before any
//! recommendation or the ranking of memberships changes, and a rank-reversal
//! check. These tell a reader whether the review's conclusions hang on a
//! weight the city could just as well have set differently.

use super::rules::categorise;
use super::value::benefit_index;
use super::{Category, Evidence};
use crate::statistics::normalize;

/// Steps of the outward scan from the current weight to 0 and to 1.
const SCAN_STEPS: usize = 1_000;
/// Width to which a boundary found by the scan is narrowed by bisection.
const BOUNDARY_TOLERANCE: f64 = 1e-4;
/// Indices closer than this count as tied: rounding must not make a ranking
/// look changed, and tied memberships have no order to lose.
const TIE: f64 = 1e-9;

/// The situation at the current weights that the scan must preserve.
struct Baseline {
    categories: Vec<Category>,
    /// Memberships with an index, best first.
    order: Vec<usize>,
    /// Tie group of each entry of `order`; groups are numbered best first.
    groups: Vec<usize>,
}

impl Baseline {
    fn new(evidence: &[Evidence], weights: &[f64]) -> Baseline {
        let indices: Vec<Option<f64>> = evidence
            .iter()
            .map(|e| benefit_index(&e.benefit, weights))
            .collect();
        let categories = evidence
            .iter()
            .zip(&indices)
            .map(|(e, b)| categorise(e, *b))
            .collect();
        let order = ranking(evidence.iter().enumerate(), weights);
        let mut groups = Vec::with_capacity(order.len());
        let mut group = 0;
        let mut previous = None;
        for &m in &order {
            let value = indices[m].unwrap_or(f64::NAN);
            if previous.is_some_and(|p: f64| p - value > TIE) {
                group += 1;
            }
            previous = Some(value);
            groups.push(group);
        }
        Baseline {
            categories,
            order,
            groups,
        }
    }

    /// Whether the weights keep every category and every strict order
    /// between memberships. `indices` is scratch space, reused across calls.
    fn holds(&self, evidence: &[Evidence], weights: &[f64], indices: &mut [Option<f64>]) -> bool {
        for ((e, index), category) in evidence
            .iter()
            .zip(indices.iter_mut())
            .zip(&self.categories)
        {
            *index = benefit_index(&e.benefit, weights);
            if categorise(e, *index) != *category {
                return false;
            }
        }
        // Walking the baseline order best first, no membership may rise above
        // any membership of an earlier tie group; comparing with the running
        // minimum of the earlier groups checks every pair in one pass.
        let mut earlier_min = f64::INFINITY;
        let mut group_min = f64::INFINITY;
        let mut current = 0;
        for (&m, &group) in self.order.iter().zip(&self.groups) {
            let Some(value) = indices[m].filter(|v| v.is_finite()) else {
                // It has dropped out of the ranking altogether.
                return false;
            };
            if group != current {
                earlier_min = earlier_min.min(group_min);
                group_min = f64::INFINITY;
                current = group;
            }
            if value > earlier_min + TIE {
                return false;
            }
            group_min = group_min.min(value);
        }
        true
    }
}

/// Memberships (by their position) with a benefit index, best first; ties
/// keep their positions' order so the ranking is reproducible.
fn ranking<'a>(
    members: impl Iterator<Item = (usize, &'a Evidence)>,
    weights: &[f64],
) -> Vec<usize> {
    let mut scored: Vec<(usize, f64)> = members
        .filter_map(|(i, e)| {
            benefit_index(&e.benefit, weights)
                .filter(|b| b.is_finite())
                .map(|b| (i, b))
        })
        .collect();
    // Stable, so equal indices stay in position order.
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored.into_iter().map(|(i, _)| i).collect()
}

/// Weights with criterion `i` set to `t` and the others scaled proportionally
/// so that all sum to 1. When the others are all 0 there is no proportion to
/// keep, so the remainder is shared equally among them.
fn move_weight(base: &[f64], i: usize, t: f64, out: &mut [f64]) {
    let rest = 1.0 - base[i];
    let others = (base.len() - 1) as f64;
    for (j, (w, b)) in out.iter_mut().zip(base).enumerate() {
        *w = if j == i {
            t
        } else if rest > 0.0 {
            b * ((1.0 - t) / rest)
        } else {
            (1.0 - t) / others
        };
    }
}

/// The farthest weight of criterion `i` from its current value towards `end`
/// (0 or 1) at which the baseline still holds.
fn boundary(
    evidence: &[Evidence],
    baseline: &Baseline,
    base: &[f64],
    i: usize,
    end: f64,
    weights: &mut [f64],
    indices: &mut [Option<f64>],
) -> f64 {
    let start = base[i];
    if start == end {
        return start;
    }
    let mut holds_at = |t: f64| {
        move_weight(base, i, t, weights);
        baseline.holds(evidence, weights, indices)
    };
    let mut last = start;
    for k in 1..=SCAN_STEPS {
        // The last step lands on the end exactly, which interpolation might miss by an ulp.
        let t = if k == SCAN_STEPS {
            end
        } else {
            start + (end - start) * (k as f64 / SCAN_STEPS as f64)
        };
        if holds_at(t) {
            last = t;
            continue;
        }
        // The change lies between the last good step and this one.
        let mut bad = t;
        while (bad - last).abs() > BOUNDARY_TOLERANCE {
            let mid = (last + bad) / 2.0;
            if holds_at(mid) {
                last = mid;
            } else {
                bad = mid;
            }
        }
        return last;
    }
    last
}

/// For each criterion i, the interval [lo, hi] ⊆ [0, 1] of its weight (the other weights scaled proportionally so all sum to 1) within which no membership's category changes and the ranking of memberships by benefit_index does not change. Found by scanning 1,000 steps outward from the current weight and refining the boundary by bisection to 1e-4.
///
/// The bounds returned are the last weights found to keep everything, so
/// they lie inside the true interval by at most 1e-4. Memberships tied at
/// the current weights may separate in either direction. A change and change
/// back within one scan step (1/1,000 of the distance) can go unseen. Empty
/// when `weights` cannot be normalised (empty, negative, all 0).
pub fn weight_stability(evidence: &[Evidence], weights: &[f64]) -> Vec<(f64, f64)> {
    let Some(base) = normalize(weights) else {
        return Vec::new();
    };
    if base.len() == 1 {
        // A single criterion carries all the weight; nothing can move.
        return vec![(1.0, 1.0)];
    }
    let baseline = Baseline::new(evidence, &base);
    let mut scratch = vec![0.0; base.len()];
    let mut indices = vec![None; evidence.len()];
    (0..base.len())
        .map(|i| {
            let mut bound = |end| {
                boundary(
                    evidence,
                    &baseline,
                    &base,
                    i,
                    end,
                    &mut scratch,
                    &mut indices,
                )
            };
            (bound(0.0), bound(1.0))
        })
        .collect()
}

/// Whether removing any one membership leaves the order of the others (by benefit_index) unchanged — true for an additive model; implemented and tested anyway (rank reversal check).
///
/// The model is re-run on each reduced set rather than the full ranking
/// filtered, so a future model that scaled benefits across memberships
/// (where rank reversal can happen) would be caught.
pub fn no_rank_reversal(evidence: &[Evidence], weights: &[f64]) -> bool {
    let full = ranking(evidence.iter().enumerate(), weights);
    (0..evidence.len()).all(|removed| {
        let expected = full.iter().copied().filter(|&m| m != removed);
        let reduced = ranking(
            evidence.iter().enumerate().filter(|(m, _)| *m != removed),
            weights,
        );
        expected.eq(reduced)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::evidence as sample;
    use proptest::prelude::*;

    fn assert_interval(got: (f64, f64), want: (f64, f64)) {
        let ok = (got.0 - want.0).abs() < 1e-3 && (got.1 - want.1).abs() < 1e-3;
        assert!(ok, "got {got:?}, want {want:?}");
    }

    #[test]
    fn a_dominant_criterion_crosses_55_where_computed_by_hand() {
        // Index at equal weights: (90 + 3·45) / 4 = 56.25, Continue.
        let evidence = vec![sample(
            1,
            &[Some(90.0), Some(45.0), Some(45.0), Some(45.0)],
            5,
        )];
        let intervals = weight_stability(&evidence, &[0.25; 4]);
        assert_eq!(intervals.len(), 4);
        // Weight t on the first criterion: index 90t + 45(1 − t) = 45 + 45t,
        // which is 55 at t = 2/9 and 75 at t = 2/3.
        assert_interval(intervals[0], (2.0 / 9.0, 2.0 / 3.0));
        // Weight t on another: the first gets (1 − t)/3, index 45 + 15(1 − t),
        // which is 55 at t = 1/3 and at most 60 at t = 0.
        for &interval in &intervals[1..] {
            assert_interval(interval, (0.0, 1.0 / 3.0));
        }
        // Bounds lie inside the true interval.
        assert!(intervals[0].0 >= 2.0 / 9.0 && intervals[0].1 <= 2.0 / 3.0);
    }

    #[test]
    fn ranking_changes_also_bound_the_interval() {
        // A: 80t + 40(1 − t) = 40 + 40t, Continue on [0.375, 0.875).
        let a = sample(1, &[Some(80.0), Some(40.0)], 5);
        let alone = weight_stability(std::slice::from_ref(&a), &[1.0, 1.0]);
        assert_interval(alone[0], (0.375, 0.875));
        assert_interval(alone[1], (0.125, 0.625));
        // B: 60t + 55(1 − t) = 55 + 5t stays Continue, but falls behind A
        // only while 40 + 40t ≥ 55 + 5t, i.e. t ≥ 3/7.
        let b = sample(2, &[Some(60.0), Some(55.0)], 5);
        let both = weight_stability(&[a, b], &[1.0, 1.0]);
        assert_interval(both[0], (3.0 / 7.0, 0.875));
        assert_interval(both[1], (0.125, 4.0 / 7.0));
    }

    #[test]
    fn degenerate_weights() {
        let evidence = vec![sample(1, &[Some(80.0), Some(40.0)], 5)];
        assert!(weight_stability(&evidence, &[]).is_empty());
        assert!(weight_stability(&evidence, &[0.0, 0.0]).is_empty());
        assert_eq!(weight_stability(&evidence, &[2.0]), [(1.0, 1.0)]);
        // All weight on the first criterion: index 80 until the second gets
        // over 1/8 (80 − 40t < 75 ⇔ t > 0.125).
        let s = weight_stability(&evidence, &[1.0, 0.0]);
        assert_interval(s[0], (0.875, 1.0));
        assert_interval(s[1], (0.0, 0.125));
        // Nothing to change: the whole range.
        assert_eq!(weight_stability(&[], &[1.0, 1.0]), [(0.0, 1.0), (0.0, 1.0)]);
    }

    #[test]
    fn ties_at_the_current_weights_may_separate() {
        // Both 60 at equal weights; they part as soon as the weights move.
        let evidence = vec![
            sample(1, &[Some(70.0), Some(50.0)], 5),
            sample(2, &[Some(50.0), Some(70.0)], 5),
        ];
        let s = weight_stability(&evidence, &[1.0, 1.0]);
        // Both stay Continue while 50 + 20t ≥ 55 and 70 − 20t ≥ 55: t ∈ [0.25, 0.75].
        assert_interval(s[0], (0.25, 0.75));
    }

    #[test]
    fn removing_a_membership_keeps_the_others_order() {
        let evidence = vec![
            sample(1, &[Some(80.0), Some(40.0)], 5),
            sample(2, &[Some(60.0), Some(55.0)], 5),
            sample(3, &[None, None], 5),
            sample(4, &[Some(60.0), Some(55.0)], 5),
        ];
        assert!(no_rank_reversal(&evidence, &[1.0, 1.0]));
        assert!(no_rank_reversal(&[], &[1.0]));
        assert_eq!(ranking(evidence.iter().enumerate(), &[1.0, 1.0]), [0, 1, 3]);
    }

    fn any_evidence() -> impl Strategy<Value = Evidence> {
        (
            any::<i64>(),
            proptest::collection::vec(proptest::option::of(0.0f64..=100.0), 4),
            0usize..8,
        )
            .prop_map(|(id, b, n)| sample(id, &b, n))
    }

    proptest! {
        #[test]
        fn no_rank_reversal_on_random_inputs(
            evidence in proptest::collection::vec(any_evidence(), 0..12),
            weights in proptest::collection::vec(0.0f64..5.0, 4),
        ) {
            prop_assert!(no_rank_reversal(&evidence, &weights));
        }

        #[test]
        fn stability_intervals_contain_the_current_weight(
            evidence in proptest::collection::vec(any_evidence(), 0..5),
            weights in proptest::collection::vec(0.01f64..5.0, 4),
        ) {
            let base = normalize(&weights).unwrap();
            let intervals = weight_stability(&evidence, &weights);
            prop_assert_eq!(intervals.len(), 4);
            for ((lo, hi), w) in intervals.into_iter().zip(base) {
                prop_assert!(0.0 <= lo && lo <= w && w <= hi && hi <= 1.0);
            }
        }
    }
}
