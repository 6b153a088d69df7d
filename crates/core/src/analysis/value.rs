//! The additive value model: a membership's benefit index as the
//! swing-weighted sum of its per-criterion benefits, each criterion's
//! contribution to it, and a separate cost index. Benefit and cost are kept
//! apart on purpose — folding them into one number would hide the trade-off
//! the city is asked to judge.

use super::Evidence;

/// Travel days per year that give the full travel cost of 100.
const TRAVEL_DAYS_AT_FULL_COST: f64 = 30.0;
/// Cost added per respondent who has declined working groups for cost or time.
const COST_PER_DECLINED: f64 = 10.0;
/// Most those respondents can add to the cost index.
const DECLINED_COST_CAP: f64 = 30.0;
/// Kronor of annual fee that add one point to the cost index.
pub const FEE_SEK_PER_POINT: f64 = 5_000.0;
/// Most the fee can add: 250 000 kr a year or more.
pub const FEE_COST_CAP: f64 = 50.0;

/// A weight usable in the sums: negative or non-finite weights count as 0,
/// because a bad weight should drop a criterion rather than poison the index.
fn usable(weight: f64) -> f64 {
    if weight.is_finite() && weight > 0.0 {
        weight
    } else {
        0.0
    }
}

/// The benefit of a criterion when it can enter the sum (non-finite values
/// are treated like missing evidence).
fn evidence(benefit: Option<f64>) -> Option<f64> {
    benefit.filter(|b| b.is_finite())
}

/// Weighted sum and total weight over the criteria with evidence. Criteria
/// beyond either slice's length have no evidence or no weight and are skipped.
fn sums(benefit: &[Option<f64>], weights: &[f64]) -> (f64, f64) {
    let mut weighted = 0.0;
    let mut total = 0.0;
    for (b, &w) in benefit.iter().zip(weights) {
        if let Some(b) = evidence(*b) {
            let w = usable(w);
            weighted += w * b;
            total += w;
        }
    }
    (weighted, total)
}

/// Additive swing-weighted value: sum(w_i * b_i) over criteria with evidence, weights renormalised over those present; None if no criterion has evidence.
///
/// Weights need not sum to 1. Also None when the criteria with evidence all
/// have weight 0: the strategy then gives no basis for a value.
///
/// Allocation-free, because SMAA calls it once per membership and draw.
pub fn benefit_index(benefit: &[Option<f64>], weights: &[f64]) -> Option<f64> {
    let (weighted, total) = sums(benefit, weights);
    (total > 0.0).then(|| weighted / total)
}

/// Appends a membership's benefits for `len` criteria to `values` and
/// `presence` in a branch-free layout: no evidence becomes value 0 with
/// presence 0, present evidence presence 1. For SMAA, which evaluates the
/// same benefits under many weight vectors.
pub(crate) fn lay_out(
    benefit: &[Option<f64>],
    len: usize,
    values: &mut Vec<f64>,
    presence: &mut Vec<f64>,
) {
    for i in 0..len {
        let b = benefit
            .get(i)
            .copied()
            .flatten()
            .and_then(|b| evidence(Some(b)));
        values.push(b.unwrap_or(0.0));
        presence.push(if b.is_some() { 1.0 } else { 0.0 });
    }
}

/// [`benefit_index`] over benefits laid out by [`lay_out`], for weights that
/// are already finite and non-negative. Bit-for-bit the same result: adding
/// w · 0 to the sums changes nothing, and w · 1 is w exactly.
pub(crate) fn benefit_index_laid_out(
    values: &[f64],
    presence: &[f64],
    weights: &[f64],
) -> Option<f64> {
    let mut weighted = 0.0;
    let mut total = 0.0;
    for ((v, p), w) in values.iter().zip(presence).zip(weights) {
        weighted += w * v;
        total += w * p;
    }
    (total > 0.0).then(|| weighted / total)
}

/// Contribution of each criterion to the index (w_i' * b_i with the renormalised weights; None where no evidence).
///
/// One entry per element of `benefit`; a criterion without a weight is None
/// too. The Some entries sum to [`benefit_index`] (up to rounding).
pub fn contributions(benefit: &[Option<f64>], weights: &[f64]) -> Vec<Option<f64>> {
    let (_, total) = sums(benefit, weights);
    benefit
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let w = usable(*weights.get(i)?);
            let b = evidence(*b)?;
            (total > 0.0).then(|| w / total * b)
        })
        .collect()
}

/// The parts of the cost index, in points, so a reader sees what each
/// weighs: travel days (30 days → 100), respondents who declined working
/// groups (10 each, at most 30), and the annual fee in kronor (one point per
/// 5 000 kr, at most 50), whatever currency it is paid in.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct CostParts {
    pub travel: f64,
    pub declined: f64,
    pub fee: f64,
}

pub fn cost_parts(e: &Evidence) -> CostParts {
    let days = if e.travel_days.is_finite() {
        e.travel_days.max(0.0)
    } else {
        0.0
    };
    let fee = e
        .annual_fee_sek
        .filter(|f| f.is_finite())
        .map_or(0.0, |f| (f.max(0.0) / FEE_SEK_PER_POINT).min(FEE_COST_CAP));
    CostParts {
        travel: (days / TRAVEL_DAYS_AT_FULL_COST * 100.0).min(100.0),
        declined: (e.declined_invitations as f64 * COST_PER_DECLINED).min(DECLINED_COST_CAP),
        fee,
    }
}

/// A 0–100 cost index: the sum of the [`CostParts`], capped at 100, kept
/// separate from benefit, never folded into one number.
///
/// Declined invitations count as cost because they show the membership
/// demands more time or money than we are prepared to give. The fee enters
/// in kronor, converted at the rate of its year, so a fee in pounds or
/// dollars weighs as much as the same money in euro.
pub fn cost_index(e: &Evidence) -> f64 {
    let p = cost_parts(e);
    (p.travel + p.declined + p.fee).min(100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::evidence as sample;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn index_renormalises_over_criteria_with_evidence() {
        let b = [Some(100.0), None, Some(0.0), Some(50.0)];
        // (100 + 0 + 50) / 3
        assert_eq!(benefit_index(&b, &[0.25; 4]), Some(50.0));
        // 0.5·100 + 0.25·0 + 0.25·50 over weights 0.5 + 0.25 + 0.25 = 1
        assert_eq!(
            benefit_index(&b, &[0.5, 0.3, 0.25, 0.25]),
            Some(62.5),
            "the missing criterion's weight is ignored"
        );
        // Weights need not sum to 1.
        assert_eq!(benefit_index(&b, &[2.0, 9.0, 1.0, 1.0]), Some(62.5));
    }

    #[test]
    fn index_is_none_without_evidence_or_weight() {
        assert_eq!(benefit_index(&[None, None], &[0.5, 0.5]), None);
        assert_eq!(benefit_index(&[], &[]), None);
        // The only criterion with evidence has weight 0.
        assert_eq!(benefit_index(&[Some(80.0), None], &[0.0, 1.0]), None);
        // Non-finite benefits are no evidence; bad weights count as 0.
        assert_eq!(
            benefit_index(&[Some(f64::NAN), Some(40.0)], &[1.0, 1.0]),
            Some(40.0)
        );
        assert_eq!(
            benefit_index(&[Some(10.0), Some(40.0)], &[-1.0, f64::INFINITY]),
            None
        );
        // Mismatched lengths: the extra criterion has no weight.
        assert_eq!(benefit_index(&[Some(10.0), Some(40.0)], &[1.0]), Some(10.0));
    }

    #[test]
    fn contributions_add_up_to_the_index() {
        let b = [Some(100.0), None, Some(0.0), Some(50.0)];
        let c = contributions(&b, &[0.25; 4]);
        // Renormalised weights are 1/3 each.
        assert!(close(c[0].unwrap(), 100.0 / 3.0));
        assert_eq!(c[1], None);
        assert_eq!(c[2], Some(0.0));
        assert!(close(c[3].unwrap(), 50.0 / 3.0));
        let sum: f64 = c.iter().flatten().sum();
        assert!(close(sum, 50.0));
        assert_eq!(
            contributions(&[Some(1.0), Some(2.0)], &[1.0]),
            [Some(1.0), None]
        );
        assert_eq!(contributions(&[None, None], &[1.0, 1.0]), [None, None]);
    }

    #[test]
    fn cost_index_from_travel_and_declined_invitations() {
        let mut e = sample(1, &[Some(50.0)], 5);
        assert_eq!(cost_index(&e), 0.0);
        e.travel_days = 9.0;
        assert!(close(cost_index(&e), 30.0));
        e.declined_invitations = 2;
        assert!(close(cost_index(&e), 50.0));
        // Declined invitations are capped at 30.
        e.declined_invitations = 7;
        assert!(close(cost_index(&e), 60.0));
        // Travel alone is capped at 100, and so is the total.
        e.travel_days = 45.0;
        assert_eq!(cost_index(&e), 100.0);
        e.travel_days = 25.0;
        assert_eq!(cost_index(&e), 100.0);
        e.travel_days = f64::NAN;
        e.declined_invitations = 0;
        assert_eq!(cost_index(&e), 0.0);
        e.travel_days = -3.0;
        assert_eq!(cost_index(&e), 0.0);
    }

    proptest! {
        #[test]
        fn laid_out_index_is_bit_for_bit_the_same(
            benefit in proptest::collection::vec(
                proptest::option::of(prop_oneof![4 => -50.0f64..150.0, 1 => Just(f64::NAN)]),
                0..8,
            ),
            weights in proptest::collection::vec(prop_oneof![4 => 0.0f64..3.0, 1 => Just(0.0)], 0..8),
        ) {
            let (mut values, mut presence) = (Vec::new(), Vec::new());
            lay_out(&benefit, weights.len(), &mut values, &mut presence);
            prop_assert_eq!(values.len(), weights.len());
            let dense = benefit_index_laid_out(&values, &presence, &weights);
            let plain = benefit_index(&benefit, &weights);
            prop_assert_eq!(dense.map(f64::to_bits), plain.map(f64::to_bits));
        }

        #[test]
        fn index_lies_within_the_benefits(
            pairs in proptest::collection::vec(
                (proptest::option::of(0.0f64..=100.0), 0.0f64..10.0),
                0..8,
            ),
        ) {
            let (b, w): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
            match benefit_index(&b, &w) {
                Some(index) => {
                    let present = b.iter().zip(&w).filter(|(_, w)| **w > 0.0);
                    let values: Vec<f64> = present.filter_map(|(b, _)| *b).collect();
                    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(lo - 1e-9 <= index && index <= hi + 1e-9);
                    let sum: f64 = contributions(&b, &w).iter().flatten().sum();
                    prop_assert!((sum - index).abs() < 1e-9);
                }
                None => prop_assert!(b.iter().zip(&w).all(|(b, w)| b.is_none() || *w == 0.0)),
            }
        }
    }
}
