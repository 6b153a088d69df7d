//! Stochastic multicriteria acceptability analysis (SMAA): how likely each
//! recommendation is when the strategy's weights are only known as
//! intervals. Weights are drawn uniformly within the intervals from a small
//! seeded generator of our own (the core crate takes no `rand`), so a report
//! can be reproduced exactly from its seed.

use super::rules::Facts;
use super::value::{benefit_index_laid_out, lay_out};
use super::{Category, Evidence};
use std::collections::BTreeMap;

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference constants): tiny,
/// fast and statistically sound enough for drawing weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        // The top 53 bits fill an f64 mantissa exactly, so every value is a
        // multiple of 2^-53 and 1.0 itself is never returned.
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// An interval usable for drawing: endpoints ordered, negative or non-finite
/// endpoints taken as 0. Strategies are validated when entered; this only
/// keeps a bad one from producing NaN probabilities.
fn sanitise((lo, hi): (f64, f64)) -> (f64, f64) {
    let clean = |x: f64| if x.is_finite() { x.max(0.0) } else { 0.0 };
    let (lo, hi) = (clean(lo), clean(hi));
    (lo.min(hi), lo.max(hi))
}

/// Scales the weights in place to sum to 1 by the same arithmetic as
/// [`crate::statistics::normalize`] (largest first, then the sum), so point
/// intervals give bit-for-bit the weights the rest of the product uses.
/// Leaves all-zero weights as they are; the benefit index is then None.
fn normalise_in_place(weights: &mut [f64]) {
    let max = weights.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return;
    }
    for w in weights.iter_mut() {
        *w /= max;
    }
    let sum: f64 = weights.iter().sum();
    for w in weights.iter_mut() {
        *w /= sum;
    }
}

/// Draws weights uniformly within each interval, normalises them, and counts each membership's category.
/// Returns per membership a map category -> probability over the DECIDED categories plus InsufficientEvidence (sums to 1).
///
/// `intervals` are aligned with the criteria (swing weights, low = high for a
/// point value). Every map holds all five categories, zeros included, so
/// callers can lay out a table without checking for keys. Deterministic for
/// a seed. With `draws == 0` the interval midpoints are used once, giving the
/// point recommendation with probability 1.
pub fn probabilities(
    evidence: &[Evidence],
    intervals: &[(f64, f64)],
    draws: usize,
    seed: u64,
) -> Vec<BTreeMap<Category, f64>> {
    let bounds: Vec<(f64, f64)> = intervals.iter().copied().map(sanitise).collect();
    let k = bounds.len();
    // Everything about a membership that does not depend on the weights is
    // prepared once: its rule facts and its benefits in a flat, branch-free
    // layout (k values per membership).
    let facts: Vec<Facts> = evidence.iter().map(Facts::of).collect();
    let mut values = Vec::with_capacity(evidence.len() * k);
    let mut presence = Vec::with_capacity(evidence.len() * k);
    for e in evidence {
        lay_out(&e.benefit, k, &mut values, &mut presence);
    }
    let mut weights = vec![0.0; k];
    let mut counts = vec![[0u64; Category::ALL.len()]; evidence.len()];
    let tally = |weights: &[f64], counts: &mut [[u64; 5]]| {
        for (m, (fact, count)) in facts.iter().zip(counts.iter_mut()).enumerate() {
            let span = m * k..(m + 1) * k;
            let index = benefit_index_laid_out(&values[span.clone()], &presence[span], weights);
            count[fact.categorise(index).slot()] += 1;
        }
    };

    if draws == 0 {
        for (w, (lo, hi)) in weights.iter_mut().zip(&bounds) {
            *w = (lo + hi) / 2.0;
        }
        normalise_in_place(&mut weights);
        tally(&weights, &mut counts);
    } else {
        let mut rng = Rng::new(seed);
        // The hot loop: one weight vector per draw, reused, and an
        // allocation-free index and category per membership.
        for _ in 0..draws {
            for (w, (lo, hi)) in weights.iter_mut().zip(&bounds) {
                *w = lo + (hi - lo) * rng.next_f64();
            }
            normalise_in_place(&mut weights);
            tally(&weights, &mut counts);
        }
    }

    let total = draws.max(1) as f64;
    counts
        .iter()
        .map(|count| {
            Category::ALL
                .iter()
                .map(|&c| (c, count[c.slot()] as f64 / total))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::evidence as sample;
    use crate::analysis::{benefit_index, categorise};
    use crate::statistics::normalize;

    fn p(map: &BTreeMap<Category, f64>, c: Category) -> f64 {
        map[&c]
    }

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Reference outputs for seed 1234567 (Vigna's splitmix64.c).
        let mut rng = Rng::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
        let mut rng = Rng::new(0);
        for _ in 0..10_000 {
            let x = rng.next_f64();
            assert!((0.0..1.0).contains(&x));
        }
    }

    #[test]
    fn point_intervals_give_the_deterministic_category() {
        let evidence = vec![
            sample(1, &[Some(90.0), Some(80.0), Some(70.0), Some(75.0)], 5),
            sample(2, &[Some(55.0), Some(55.0), Some(55.0), Some(55.0)], 5),
            sample(3, &[Some(100.0), None, Some(0.0), Some(50.0)], 5),
            sample(4, &[Some(30.0), Some(20.0), Some(60.0), Some(10.0)], 5),
            sample(5, &[Some(80.0); 4], 2),
        ];
        let intervals = [(3.0, 3.0), (1.0, 1.0), (2.0, 2.0), (0.5, 0.5)];
        let points = normalize(&[3.0, 1.0, 2.0, 0.5]).unwrap();
        let result = probabilities(&evidence, &intervals, 1_000, 42);
        for (e, map) in evidence.iter().zip(&result) {
            let want = categorise(e, benefit_index(&e.benefit, &points));
            assert_eq!(p(map, want), 1.0, "membership {}", e.membership_id);
        }
        assert_eq!(p(&result[4], Category::InsufficientEvidence), 1.0);
        // Zero draws use the midpoints.
        let once = probabilities(&evidence, &intervals, 0, 42);
        assert_eq!(once, result);
    }

    #[test]
    fn probabilities_sum_to_one_and_repeat_for_a_seed() {
        let evidence = vec![
            sample(1, &[Some(80.0), Some(40.0), Some(60.0)], 4),
            sample(2, &[Some(20.0), Some(90.0), None], 4),
            sample(3, &[Some(50.0), Some(50.0), Some(70.0)], 1),
        ];
        let intervals = [(0.0, 1.0), (0.5, 2.0), (0.2, 0.4)];
        let a = probabilities(&evidence, &intervals, 5_000, 7);
        let b = probabilities(&evidence, &intervals, 5_000, 7);
        assert_eq!(a, b);
        assert_ne!(a, probabilities(&evidence, &intervals, 5_000, 8));
        for map in &a {
            assert_eq!(map.len(), 5);
            let sum: f64 = map.values().sum();
            assert!((sum - 1.0).abs() < 1e-9, "sum {sum}");
        }
        assert!(probabilities(&[], &intervals, 10, 1).is_empty());
    }

    #[test]
    fn a_straddling_membership_gets_several_categories() {
        // Index 40 + 40·w1/(w1 + w2) ranges over [40, 80].
        let evidence = vec![sample(1, &[Some(80.0), Some(40.0)], 5)];
        let result = probabilities(&evidence, &[(0.0, 1.0), (0.0, 1.0)], 20_000, 3);
        let map = &result[0];
        assert!(p(map, Category::Continue) > 0.0);
        assert!(p(map, Category::Reduce) + p(map, Category::Terminate) > 0.0);
        assert_eq!(p(map, Category::InsufficientEvidence), 0.0);
    }

    #[test]
    fn two_criteria_agree_with_exact_shares() {
        // With w1, w2 ~ U(0, 1) the index is 40 + 40·w1/(w1 + w2):
        // Reduce when w1 < 0.6·w2, area ∫₀¹ 0.6·w2 dw2 = 0.3;
        // Deepen when w1 ≥ 7·w2, area ∫₀¹ w1/7 dw1 = 1/14;
        // Continue is the rest.
        let evidence = vec![sample(1, &[Some(80.0), Some(40.0)], 5)];
        let map = &probabilities(&evidence, &[(0.0, 1.0), (0.0, 1.0)], 50_000, 11)[0];
        let exact = [
            (Category::Reduce, 0.3),
            (Category::Deepen, 1.0 / 14.0),
            (Category::Continue, 1.0 - 0.3 - 1.0 / 14.0),
            (Category::Terminate, 0.0),
        ];
        for (c, want) in exact {
            let got = p(map, c);
            assert!((got - want).abs() < 0.02, "{c:?}: {got} vs {want}");
        }
    }

    #[test]
    fn two_criteria_agree_with_a_fine_grid() {
        // Uneven intervals and an indirectly represented membership, checked
        // against the categories at the midpoints of a 400 × 400 grid.
        let mut e = sample(1, &[Some(90.0), Some(20.0)], 5);
        e.represented_indirectly_via = Some("SKR".into());
        let evidence = vec![e, sample(2, &[Some(35.0), Some(70.0)], 5)];
        let intervals = [(1.0, 3.0), (0.5, 2.5)];
        let smaa = probabilities(&evidence, &intervals, 50_000, 2024);

        const CELLS: usize = 400;
        let mut grid = vec![BTreeMap::<Category, f64>::new(); evidence.len()];
        let share = 1.0 / (CELLS * CELLS) as f64;
        for i in 0..CELLS {
            for j in 0..CELLS {
                let at = |(lo, hi): (f64, f64), k: usize| {
                    lo + (hi - lo) * (k as f64 + 0.5) / CELLS as f64
                };
                let w = [at(intervals[0], i), at(intervals[1], j)];
                for (e, map) in evidence.iter().zip(grid.iter_mut()) {
                    let c = categorise(e, benefit_index(&e.benefit, &w));
                    *map.entry(c).or_default() += share;
                }
            }
        }
        for (got, want) in smaa.iter().zip(&grid) {
            for c in Category::ALL {
                let want = want.get(&c).copied().unwrap_or(0.0);
                assert!(
                    (got[&c] - want).abs() < 0.02,
                    "{c:?}: {} vs {want}",
                    got[&c]
                );
            }
        }
        // The first membership is split between Terminate (indirect, below 55)
        // and Continue/Deepen, so the check above is not vacuous.
        assert!(p(&smaa[0], Category::Terminate) > 0.1);
        assert!(p(&smaa[0], Category::Continue) > 0.1);
    }

    #[test]
    fn bad_intervals_do_not_produce_nan() {
        let evidence = vec![sample(1, &[Some(80.0), Some(40.0)], 5)];
        let map = &probabilities(&evidence, &[(1.0, 0.0), (f64::NAN, -2.0)], 100, 1)[0];
        // The second weight is always 0, the first > 0 almost surely: index 80.
        assert_eq!(p(map, Category::Deepen), 1.0);
        let map = &probabilities(&evidence, &[(0.0, 0.0), (0.0, 0.0)], 100, 1)[0];
        assert_eq!(p(map, Category::InsufficientEvidence), 1.0);
        // No weighted criteria at all.
        let map = &probabilities(&evidence, &[], 100, 1)[0];
        assert_eq!(p(map, Category::InsufficientEvidence), 1.0);
    }
}
