//! Weight sensitivity as lines: for one criterion, each membership's benefit
//! index as that criterion's weight runs from 0 to 1 (the other weights
//! scaled proportionally so all sum to 1, as in [`super::stability`]), the
//! weights at which two lines cross (the ranking changes) and those at which
//! a membership's category changes. The chart of the review report draws
//! these; [`super::stability`] gives the same facts as intervals.
//!
//! Moving one weight makes every index a ratio of two straight lines in the
//! weight t, because criteria without evidence drop out of the denominator:
//! index(t) = ((1 − t)·S + t·v) / ((1 − t)·P + t·p). Crossovers are the
//! roots of a quadratic and are found exactly; category changes follow the
//! rules in [`categorise`], whatever they are, by scanning and bisection.

use super::rules::categorise;
use super::{Category, Evidence};
use crate::statistics::normalize;
use serde::Serialize;

/// Steps of the scan for category changes.
const SCAN_STEPS: usize = 1_000;
/// Width to which a category change found by the scan is narrowed.
const TOLERANCE: f64 = 1e-7;
/// Distance either side of a crossover at which the order is compared, so a
/// line that only touches another is not reported as crossing it.
const PROBE: f64 = 1e-6;

/// One membership's benefit index as a function of the swept weight t.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Line {
    /// Σ w_j·b_j over the other criteria with evidence, at t = 0.
    pub rest_value: f64,
    /// Σ w_j over the other criteria with evidence, at t = 0.
    pub rest_weight: f64,
    /// The swept criterion's benefit, None without evidence.
    pub own: Option<f64>,
}

impl Line {
    /// Numerator and denominator of the index at weight `t`. Written as sums
    /// of non-negative parts so the denominator is exactly 0 only where the
    /// index is undefined (no criterion with evidence has weight).
    fn parts(&self, t: f64) -> (f64, f64) {
        let (v, p) = self.own.map_or((0.0, 0.0), |b| (b, 1.0));
        (
            (1.0 - t) * self.rest_value + t * v,
            (1.0 - t) * self.rest_weight + t * p,
        )
    }

    /// The benefit index at weight `t` ∈ [0, 1]; None where no criterion
    /// with evidence has any weight, as in [`super::benefit_index`].
    pub fn at(&self, t: f64) -> Option<f64> {
        let (n, d) = self.parts(t);
        (d > 0.0).then(|| n / d)
    }

    /// Coefficients (n0, n1, d0, d1) with numerator n0 + n1·t and denominator d0 + d1·t.
    fn coefficients(&self) -> (f64, f64, f64, f64) {
        let (v, p) = self.own.map_or((0.0, 0.0), |b| (b, 1.0));
        (
            self.rest_value,
            v - self.rest_value,
            self.rest_weight,
            p - self.rest_weight,
        )
    }
}

/// Two lines crossing: below `weight` membership `falls` was above `rises`, beyond it below.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Crossover {
    pub weight: f64,
    /// The common benefit index at the crossing.
    pub index: f64,
    /// Position (in the evidence given) of the membership that moves up.
    pub rises: usize,
    /// Position of the membership that moves down.
    pub falls: usize,
}

/// A membership's category changing as the weight passes `weight` upwards.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CategoryChange {
    pub membership: usize,
    pub weight: f64,
    /// The benefit index at the change; None where it is undefined.
    pub index: Option<f64>,
    pub from: Category,
    pub to: Category,
}

/// Everything about sweeping one criterion's weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// Position of the criterion among the strategy's.
    pub criterion: usize,
    /// Its current weight, normalised so all weights sum to 1.
    pub current: f64,
    /// One line per membership, in the order given.
    pub lines: Vec<Line>,
    /// Every ranking change, by weight.
    pub crossovers: Vec<Crossover>,
    /// Every category change, by weight.
    pub changes: Vec<CategoryChange>,
}

/// The weights of the other criteria at t = 0: their current weights scaled
/// up to sum to 1 (shared equally when they are all 0, as in stability).
fn others_at_zero(base: &[f64], i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
    let rest = 1.0 - base[i];
    let others = (base.len() - 1) as f64;
    base.iter()
        .enumerate()
        .filter(move |(j, _)| *j != i)
        .map(move |(j, w)| {
            if rest > 0.0 {
                (j, w / rest)
            } else {
                (j, 1.0 / others)
            }
        })
}

fn line(e: &Evidence, base: &[f64], i: usize) -> Line {
    let present = |j: usize| {
        e.benefit
            .get(j)
            .copied()
            .flatten()
            .filter(|b| b.is_finite())
    };
    let (mut rest_value, mut rest_weight) = (0.0, 0.0);
    for (j, w) in others_at_zero(base, i) {
        if let Some(b) = present(j) {
            rest_value += w * b;
            rest_weight += w;
        }
    }
    Line {
        rest_value,
        rest_weight,
        own: present(i),
    }
}

/// The real roots in (0, 1) of a·t² + b·t + c, small coefficients (relative
/// to the largest) treated as 0 so that a near-linear case is solved as linear.
fn roots(a: f64, b: f64, c: f64) -> Vec<f64> {
    let scale = a.abs().max(b.abs()).max(c.abs());
    if scale == 0.0 || !scale.is_finite() {
        return Vec::new();
    }
    let tiny = scale * 1e-12;
    let mut out = Vec::new();
    if a.abs() <= tiny {
        if b.abs() > tiny {
            out.push(-c / b);
        }
    } else {
        let disc = b * b - 4.0 * a * c;
        if disc > 0.0 {
            // The numerically stable pair of formulas.
            let q = -0.5 * (b + b.signum() * disc.sqrt());
            out.push(q / a);
            if q != 0.0 {
                out.push(c / q);
            }
        }
    }
    out.retain(|t| *t > 0.0 && *t < 1.0);
    out.sort_by(f64::total_cmp);
    out.dedup();
    out
}

fn crossovers(lines: &[Line]) -> Vec<Crossover> {
    let mut out = Vec::new();
    for (x, lx) in lines.iter().enumerate() {
        for (y, ly) in lines.iter().enumerate().skip(x + 1) {
            // index_x = index_y ⇔ n_x·d_y − n_y·d_x = 0 where both are defined.
            let (n0x, n1x, d0x, d1x) = lx.coefficients();
            let (n0y, n1y, d0y, d1y) = ly.coefficients();
            let a = n1x * d1y - n1y * d1x;
            let b = n0x * d1y + n1x * d0y - n0y * d1x - n1y * d0x;
            let c = n0x * d0y - n0y * d0x;
            for t in roots(a, b, c) {
                let diff = |t: f64| Some(lx.at(t)? - ly.at(t)?);
                let (Some(before), Some(after)) = (diff(t - PROBE), diff(t + PROBE)) else {
                    continue;
                };
                if before * after >= 0.0 {
                    // Touching, not crossing: the order is the same on both sides.
                    continue;
                }
                let (rises, falls) = if after > 0.0 { (x, y) } else { (y, x) };
                // The two lines meet only as closely as the root is exact:
                // the index is the rising membership's, so that it is that
                // line's value at the weight reported.
                let Some(index) = lines[rises].at(t) else {
                    continue;
                };
                out.push(Crossover {
                    weight: t,
                    index,
                    rises,
                    falls,
                });
            }
        }
    }
    out.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    out
}

fn changes(evidence: &[Evidence], lines: &[Line]) -> Vec<CategoryChange> {
    let mut out = Vec::new();
    for (m, (e, l)) in evidence.iter().zip(lines).enumerate() {
        let category = |t: f64| categorise(e, l.at(t));
        let mut last = 0.0;
        let mut was = category(0.0);
        for k in 1..=SCAN_STEPS {
            let t = k as f64 / SCAN_STEPS as f64;
            let now = category(t);
            if now == was {
                last = t;
                continue;
            }
            // The change lies in (last, t]; narrow it down.
            let (mut good, mut bad) = (last, t);
            while bad - good > TOLERANCE {
                let mid = (good + bad) / 2.0;
                if category(mid) == was {
                    good = mid;
                } else {
                    bad = mid;
                }
            }
            // Several changes within one step show as one; take what lies beyond.
            let to = category(bad);
            out.push(CategoryChange {
                membership: m,
                weight: bad,
                index: l.at(bad),
                from: was,
                to,
            });
            was = to;
            if to != now {
                out.push(CategoryChange {
                    membership: m,
                    weight: t,
                    index: l.at(t),
                    from: to,
                    to: now,
                });
                was = now;
            }
            last = t;
        }
    }
    out.sort_by(|a, b| a.weight.total_cmp(&b.weight));
    out
}

/// Sweeps criterion `criterion`'s weight from 0 to 1. None when the weights
/// cannot be normalised (empty, negative, all 0), when there is a single
/// criterion (nothing can move) or when `criterion` is out of range.
pub fn sweep(evidence: &[Evidence], weights: &[f64], criterion: usize) -> Option<Sweep> {
    let base = normalize(weights)?;
    if base.len() < 2 || criterion >= base.len() {
        return None;
    }
    let lines: Vec<Line> = evidence.iter().map(|e| line(e, &base, criterion)).collect();
    Some(Sweep {
        criterion,
        current: base[criterion],
        crossovers: crossovers(&lines),
        changes: changes(evidence, &lines),
        lines,
    })
}

/// [`sweep`] for every criterion.
pub fn sweeps(evidence: &[Evidence], weights: &[f64]) -> Vec<Sweep> {
    (0..weights.len())
        .filter_map(|i| sweep(evidence, weights, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::benefit_index;
    use crate::analysis::testing::evidence as sample;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    /// The weights at t, built the way the stability scan builds them, to
    /// check [`Line::at`] against the value model itself.
    fn moved(weights: &[f64], i: usize, t: f64) -> Vec<f64> {
        let base = normalize(weights).unwrap();
        let rest = 1.0 - base[i];
        let others = (base.len() - 1) as f64;
        base.iter()
            .enumerate()
            .map(|(j, w)| {
                if j == i {
                    t
                } else if rest > 0.0 {
                    w * (1.0 - t) / rest
                } else {
                    (1.0 - t) / others
                }
            })
            .collect()
    }

    #[test]
    fn two_lines_cross_where_computed_by_hand() {
        // A: 80t + 40(1 − t) = 40 + 40t; B: 60t + 55(1 − t) = 55 + 5t.
        // They cross at 40 + 40t = 55 + 5t, t = 3/7, index 55 + 15/7.
        let evidence = vec![
            sample(1, &[Some(80.0), Some(40.0)], 5),
            sample(2, &[Some(60.0), Some(55.0)], 5),
        ];
        let s = sweep(&evidence, &[1.0, 1.0], 0).unwrap();
        assert_eq!(s.current, 0.5);
        assert!(close(s.lines[0].at(0.0).unwrap(), 40.0));
        assert!(close(s.lines[0].at(1.0).unwrap(), 80.0));
        assert!(close(s.lines[1].at(0.5).unwrap(), 57.5));
        assert_eq!(s.crossovers.len(), 1);
        let c = s.crossovers[0];
        assert!(close(c.weight, 3.0 / 7.0) && close(c.index, 55.0 + 15.0 / 7.0));
        assert_eq!((c.rises, c.falls), (0, 1));
        // A is Reduce at 40, Continue from 55 (t = 3/8), Deepen from 75 (t = 7/8);
        // B stays Continue (55 to 60).
        let a: Vec<_> = s.changes.iter().filter(|c| c.membership == 0).collect();
        assert_eq!(a.len(), 2, "{:?}", s.changes);
        assert!((a[0].weight - 0.375).abs() < 1e-6);
        assert_eq!((a[0].from, a[0].to), (Category::Reduce, Category::Continue));
        assert!((a[1].weight - 0.875).abs() < 1e-6);
        assert_eq!((a[1].from, a[1].to), (Category::Continue, Category::Deepen));
        assert!(close(a[1].index.unwrap(), 75.0));
        assert!(s.changes.iter().all(|c| c.membership == 0));
    }

    #[test]
    fn missing_evidence_bends_the_line() {
        // Criterion 1 has no evidence: the index is 80 wherever criterion 0
        // or 2 has weight, whatever the proportion, so with the third
        // criterion at 20 the line is (80t + 20·(1−t)/2) / (t + (1−t)/2).
        let e = sample(1, &[Some(80.0), None, Some(20.0)], 5);
        let s = sweep(std::slice::from_ref(&e), &[1.0, 1.0, 1.0], 0).unwrap();
        let l = s.lines[0];
        assert!(close(l.at(0.0).unwrap(), 20.0));
        assert!(close(l.at(1.0).unwrap(), 80.0));
        assert!(close(l.at(0.5).unwrap(), (40.0 + 5.0) / 0.75));
        // Sweeping the criterion without evidence: at t = 1 nothing with evidence has weight.
        let s = sweep(std::slice::from_ref(&e), &[1.0, 1.0, 1.0], 1).unwrap();
        assert!(close(s.lines[0].at(0.0).unwrap(), 50.0));
        assert!(close(s.lines[0].at(0.99).unwrap(), 50.0));
        assert_eq!(s.lines[0].at(1.0), None);
        let last = s.changes.last().unwrap();
        assert_eq!(last.to, Category::InsufficientEvidence);
        assert!(last.weight > 0.999);
    }

    #[test]
    fn parallel_and_touching_lines_do_not_cross() {
        let evidence = vec![
            sample(1, &[Some(80.0), Some(40.0)], 5),
            sample(2, &[Some(70.0), Some(30.0)], 5),
            sample(3, &[Some(80.0), Some(40.0)], 5),
        ];
        let s = sweep(&evidence, &[1.0, 1.0], 0).unwrap();
        assert!(s.crossovers.is_empty(), "{:?}", s.crossovers);
        // Lines meeting only at the end of the range are not a change inside it.
        let evidence = vec![
            sample(1, &[Some(50.0), Some(40.0)], 5),
            sample(2, &[Some(50.0), Some(60.0)], 5),
        ];
        assert!(
            sweep(&evidence, &[1.0, 1.0], 0)
                .unwrap()
                .crossovers
                .is_empty()
        );
    }

    #[test]
    fn degenerate_inputs() {
        let e = vec![sample(1, &[Some(80.0), Some(40.0)], 5)];
        assert_eq!(sweep(&e, &[], 0), None);
        assert_eq!(sweep(&e, &[0.0, 0.0], 0), None);
        assert_eq!(sweep(&e, &[1.0], 0), None);
        assert_eq!(sweep(&e, &[1.0, -1.0], 0), None);
        assert_eq!(sweep(&e, &[1.0, 1.0], 2), None);
        assert_eq!(sweeps(&e, &[1.0, 1.0]).len(), 2);
        // All weight on one criterion: the others share the rest equally.
        let s = sweep(&e, &[1.0, 0.0], 0).unwrap();
        assert_eq!(s.current, 1.0);
        assert!(close(s.lines[0].at(0.0).unwrap(), 40.0));
        // Too few respondents: a line, but never a category change.
        let few = vec![sample(1, &[Some(80.0), Some(40.0)], 1)];
        let s = sweep(&few, &[1.0, 1.0], 0).unwrap();
        assert!(s.lines[0].at(0.5).is_some() && s.changes.is_empty());
        assert!(sweep(&[], &[1.0, 1.0], 0).unwrap().lines.is_empty());
    }

    fn any_evidence() -> impl Strategy<Value = Evidence> {
        (
            proptest::collection::vec(proptest::option::of(0.0f64..=100.0), 4),
            2usize..8,
        )
            .prop_map(|(b, n)| sample(1, &b, n))
    }

    proptest! {
        #[test]
        fn lines_follow_the_value_model(
            e in any_evidence(),
            weights in proptest::collection::vec(0.0f64..5.0, 4),
            i in 0usize..4,
            t in 0.0f64..=1.0,
        ) {
            prop_assume!(weights.iter().any(|w| *w > 0.0));
            let s = sweep(std::slice::from_ref(&e), &weights, i).unwrap();
            let want = benefit_index(&e.benefit, &moved(&weights, i, t));
            match (s.lines[0].at(t), want) {
                (Some(got), Some(want)) => prop_assert!((got - want).abs() < 1e-9, "{} {}", got, want),
                (got, want) => prop_assert_eq!(got.is_some(), want.is_some()),
            }
        }

        #[test]
        fn every_change_of_order_is_a_reported_crossover(
            evidence in proptest::collection::vec(any_evidence(), 2..5),
            weights in proptest::collection::vec(0.05f64..5.0, 4),
            i in 0usize..4,
        ) {
            let s = sweep(&evidence, &weights, i).unwrap();
            for c in &s.crossovers {
                let (a, b) = (s.lines[c.rises], s.lines[c.falls]);
                prop_assert!((a.at(c.weight).unwrap() - b.at(c.weight).unwrap()).abs() < 1e-6);
                prop_assert!((c.index - a.at(c.weight).unwrap()).abs() < 1e-9);
                prop_assert!(a.at(c.weight + PROBE).unwrap() > b.at(c.weight + PROBE).unwrap() - 1e-9);
            }
            // The order of a pair at the two ends differs exactly when the
            // pair crosses an odd number of times in between.
            let (lo, hi) = (1e-5, 1.0 - 1e-5);
            for x in 0..evidence.len() {
                for y in x + 1..evidence.len() {
                    let d = |t: f64| Some(s.lines[x].at(t)? - s.lines[y].at(t)?);
                    let (Some(start), Some(end)) = (d(lo), d(hi)) else { continue };
                    if start.abs() < 1e-6 || end.abs() < 1e-6 {
                        continue;
                    }
                    let crossings = s.crossovers.iter()
                        .filter(|c| (c.rises, c.falls) == (x, y) || (c.rises, c.falls) == (y, x))
                        .filter(|c| c.weight > lo && c.weight < hi)
                        .count();
                    prop_assert_eq!(start * end < 0.0, crossings % 2 == 1);
                }
            }
        }

        #[test]
        fn categories_hold_between_reported_changes(
            evidence in proptest::collection::vec(any_evidence(), 1..4),
            weights in proptest::collection::vec(0.05f64..5.0, 4),
            i in 0usize..4,
        ) {
            let s = sweep(&evidence, &weights, i).unwrap();
            for (m, e) in evidence.iter().enumerate() {
                let mine: Vec<_> = s.changes.iter().filter(|c| c.membership == m).collect();
                let mut expected = categorise(e, s.lines[m].at(0.0));
                let mut next = 0;
                for k in 0..=200 {
                    let t = k as f64 / 200.0;
                    while next < mine.len() && mine[next].weight <= t {
                        prop_assert_eq!(mine[next].from, expected);
                        expected = mine[next].to;
                        next += 1;
                    }
                    prop_assert_eq!(categorise(e, s.lines[m].at(t)), expected, "t = {}", t);
                }
            }
        }
    }
}
