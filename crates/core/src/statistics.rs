//! Small-sample statistics for a review questionnaire: summaries of 5-point
//! agreement answers (with "don't know" kept apart from the scores), the
//! confidence intervals shown beside them, within-group agreement, and the
//! weights used to combine criteria. Pure arithmetic: no I/O, no state.
//!
//! Groups are small — often 3–15 officials and politicians per membership —
//! so the methods are chosen to stay honest at that size: an exact,
//! distribution-free interval for the median rather than a normal
//! approximation, Wilson rather than Wald intervals for shares (Wald collapses
//! to zero width at 0 % and 100 %), Student t rather than z for means, and
//! suppression of groups so small that answers could be traced to a person.

use serde::Serialize;

/// One answer to a 5-point agreement question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ScaleAnswer {
    /// 1 = strongly disagree … 5 = strongly agree.
    Value(u8),
    /// "Don't know / not applicable": counted, but never as a score.
    DontKnow,
}

/// Number of options on the agreement scale.
pub const SCALE_POINTS: u8 = 5;

/// Confidence level of every interval in [`ScaleSummary`].
const CONFIDENCE: f64 = 0.95;

/// Standard normal quantile for a two-sided 95 % interval (the "1.96").
const Z_95: f64 = 1.959_963_984_540_054;

/// Summary of one group's answers to one agreement question or criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleSummary {
    /// Answers with a value (don't-know excluded).
    pub n: usize,
    /// Answers that were "don't know / not applicable".
    pub dont_know: usize,
    /// dont_know / (n + dont_know); 0.0 when there are no answers at all.
    pub dont_know_rate: f64,
    /// Count of answers 1..=5 at index 0..=4 (for a diverging stacked bar).
    pub distribution: [usize; 5],
    /// The usual median (mean of the two middle values for even n); None when n == 0.
    pub median: Option<f64>,
    /// Exact distribution-free 95 % order-statistic interval for the median;
    /// None when n < 6 ("n too small").
    pub median_ci: Option<(f64, f64)>,
    /// Arithmetic mean of the values; None when n == 0.
    pub mean: Option<f64>,
    /// 95 % Student t interval for the mean; None when n < 2.
    pub mean_ci: Option<(f64, f64)>,
    /// Share answering 4 or 5; None when n == 0.
    pub share_agree: Option<f64>,
    /// Wilson 95 % interval for `share_agree`; None when n == 0.
    pub share_agree_ci: Option<(f64, f64)>,
    /// Within-group agreement r_wg (see [`rwg`]); None when n < 2.
    pub rwg: Option<f64>,
    /// True when fewer than `min_group` respondents answered (n + dont_know < min_group): then every
    /// statistic above except n and dont_know is None / zeroed (distribution all zeros, rates 0.0),
    /// so a small identified group cannot be singled out.
    pub suppressed: bool,
}

/// Summarises the answers of one group (e.g. one membership × one criterion, or one question).
/// `min_group` is the suppression threshold k (0 or 1 disables suppression).
///
/// Values outside 1..=5 are skipped silently — counted neither as scores nor
/// as don't-know — because input is validated where it enters the system;
/// a summary shown to readers should not fail over one bad row.
pub fn summarize(answers: &[ScaleAnswer], min_group: usize) -> ScaleSummary {
    let mut distribution = [0usize; 5];
    let mut dont_know = 0;
    for answer in answers {
        match *answer {
            ScaleAnswer::Value(v @ 1..=SCALE_POINTS) => distribution[usize::from(v - 1)] += 1,
            ScaleAnswer::Value(_) => {}
            ScaleAnswer::DontKnow => dont_know += 1,
        }
    }
    let n: usize = distribution.iter().sum();
    let respondents = n + dont_know;

    // Don't-know answers count towards the group size: they still identify
    // who took part. n itself stays visible so readers see why nothing else is.
    if min_group > 1 && respondents < min_group {
        return ScaleSummary {
            n,
            dont_know,
            dont_know_rate: 0.0,
            distribution: [0; 5],
            median: None,
            median_ci: None,
            mean: None,
            mean_ci: None,
            share_agree: None,
            share_agree_ci: None,
            rwg: None,
            suppressed: true,
        };
    }

    // Expanding the counts yields the values already sorted, which the median
    // and its order-statistic interval need.
    let sorted: Vec<u8> = (1..=SCALE_POINTS)
        .zip(distribution)
        .flat_map(|(value, count)| std::iter::repeat_n(value, count))
        .collect();

    let dont_know_rate = if respondents == 0 {
        0.0
    } else {
        dont_know as f64 / respondents as f64
    };
    let mean = mean_of(&sorted);
    let mean_ci = mean.zip(sample_variance(&sorted)).map(|(mean, variance)| {
        let t = t_quantile(0.5 + CONFIDENCE / 2.0, n - 1);
        let half = t * (variance / n as f64).sqrt();
        (mean - half, mean + half)
    });
    let median_ci = median_ci_ranks(n, CONFIDENCE)
        .map(|(lo, hi)| (f64::from(sorted[lo - 1]), f64::from(sorted[hi - 1])));
    let agree = distribution[3] + distribution[4];
    let (share_agree, share_agree_ci) = if n == 0 {
        (None, None)
    } else {
        (Some(agree as f64 / n as f64), Some(wilson(agree, n, Z_95)))
    };

    ScaleSummary {
        n,
        dont_know,
        dont_know_rate,
        distribution,
        median: median_of_sorted(&sorted),
        median_ci,
        mean,
        mean_ci,
        share_agree,
        share_agree_ci,
        rwg: rwg(&sorted, SCALE_POINTS),
        suppressed: false,
    }
}

/// Wilson score interval for `successes` of `n` at normal quantile `z` (1.96 for 95 %),
/// clamped to [0, 1].
///
/// `n` should be > 0; for `n == 0` the uninformative interval (0, 1) is
/// returned rather than panicking. `successes` above `n` are treated as `n`.
pub fn wilson(successes: usize, n: usize, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let successes = successes.min(n);
    let nf = n as f64;
    let p = successes as f64 / nf;
    let z2 = z * z;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = z.abs() * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    // At 0 % and 100 % the bound is exactly 0 or 1 in theory; rounding could
    // otherwise leave it a hair inside and exclude the observed share.
    let lo = if successes == 0 { 0.0 } else { centre - half };
    let hi = if successes == n { 1.0 } else { centre + half };
    (lo.clamp(0.0, 1.0), hi.clamp(0.0, 1.0))
}

/// 1-based ranks (lo, hi) of the order statistics bounding an exact, distribution-free confidence
/// interval for the median at `confidence` (e.g. 0.95), using Binomial(n, 1/2): the largest k with
/// P(X <= k-1) <= (1-confidence)/2, giving (k, n+1-k). None when no such k >= 1 exists (for 95 %: n < 6).
/// Known values: n = 9 → Some((2, 8)); n = 6 → Some((1, 6)); n = 5 → None.
///
/// Also None when `confidence` is not in [0, 1).
pub fn median_ci_ranks(n: usize, confidence: f64) -> Option<(usize, usize)> {
    if !(0.0..1.0).contains(&confidence) {
        return None;
    }
    let tail = (1.0 - confidence) / 2.0;
    // A hair of tolerance so that levels sitting exactly on a binomial
    // probability (e.g. 1/32) are not lost to rounding in the sum below.
    let limit = tail * (1.0 + 1e-9);
    // The pmf is stepped in log space because 2^-n underflows for large n;
    // the cumulative sum itself stays in a comfortable range.
    let mut ln_pmf = -(n as f64) * std::f64::consts::LN_2;
    let mut cdf = 0.0;
    let mut best = None;
    // k beyond the middle would put lo above hi.
    for k in 1..=n.div_ceil(2) {
        let i = k - 1;
        if i > 0 {
            ln_pmf += ((n - i + 1) as f64 / i as f64).ln();
        }
        cdf += ln_pmf.exp();
        if cdf > limit {
            break;
        }
        best = Some((k, n + 1 - k));
    }
    best
}

/// Two-sided Student t quantile: the value t with P(T <= t) = p for `df` degrees of freedom (df >= 1),
/// accurate to about 1e-4 (e.g. p=0.975: df=1 → 12.706, df=5 → 2.5706, df=10 → 2.2281, df=30 → 2.0423, large df → 1.96).
///
/// Found by bisection on the t distribution function, which is evaluated
/// through the regularised incomplete beta function. Never panics: `df == 0`
/// or a NaN `p` gives NaN, `p <= 0` gives −∞ and `p >= 1` gives +∞.
pub fn t_quantile(p: f64, df: usize) -> f64 {
    if df == 0 || p.is_nan() {
        return f64::NAN;
    }
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    if p < 0.5 {
        return -t_quantile(1.0 - p, df);
    }
    // Beyond this the quantile differs from its limit by well under 1e-4,
    // while the continued fraction would need ever more terms.
    let df = df.min(MAX_DF) as f64;
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    while t_cdf(hi, df) < p && hi < 1e300 {
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..200 {
        if hi - lo <= 1e-12 * hi.max(1.0) {
            break;
        }
        let mid = 0.5 * (lo + hi);
        if t_cdf(mid, df) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Degrees of freedom above which [`t_quantile`] treats df as this value.
const MAX_DF: usize = 1_000_000;

/// r_wg (James, Demaree & Wolf 1984): 1 - (observed sample variance, n-1 denominator) / (expected
/// variance of a uniform null over `points` options = (points² - 1) / 12). Clamp to [0, 1]
/// (observed variance larger than the null means no agreement → 0). None when fewer than 2 values.
///
/// Also None when `points < 2`: a scale with one option has no null variance
/// to compare against.
pub fn rwg(values: &[u8], points: u8) -> Option<f64> {
    if points < 2 {
        return None;
    }
    let observed = sample_variance(values)?;
    let expected = (f64::from(points).powi(2) - 1.0) / 12.0;
    Some((1.0 - observed / expected).clamp(0.0, 1.0))
}

/// Rank-order centroid weights for `n` ranked criteria (rank 1 most important):
/// w_i = (1/n) * sum_{j=i..n} 1/j. Sums to 1. n = 4 → [0.5208, 0.2708, 0.1458, 0.0625] (approx).
/// Empty for n = 0.
pub fn rank_order_centroid(n: usize) -> Vec<f64> {
    let mut weights = vec![0.0; n];
    // Walking from the least important rank up builds every tail sum in one pass.
    let mut tail = 0.0;
    for (i, weight) in weights.iter_mut().enumerate().rev() {
        tail += 1.0 / (i + 1) as f64;
        *weight = tail / n as f64;
    }
    weights
}

/// Normalises non-negative swing weights to sum to 1; None if all are zero, any is negative or not finite, or the slice is empty.
pub fn normalize(weights: &[f64]) -> Option<Vec<f64>> {
    if weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
        return None;
    }
    let max = weights.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return None;
    }
    // Dividing by the largest weight first keeps the sum finite even when
    // the weights are close to f64::MAX.
    let scaled: Vec<f64> = weights.iter().map(|w| w / max).collect();
    let sum: f64 = scaled.iter().sum();
    Some(scaled.into_iter().map(|w| w / sum).collect())
}

fn mean_of(values: &[u8]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: f64 = values.iter().map(|&v| f64::from(v)).sum();
    Some(sum / values.len() as f64)
}

/// Sample variance with the n − 1 denominator; None for fewer than 2 values.
fn sample_variance(values: &[u8]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let mean = mean_of(values)?;
    let squares: f64 = values.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum();
    Some(squares / (values.len() - 1) as f64)
}

fn median_of_sorted(sorted: &[u8]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let lower = f64::from(sorted[(n - 1) / 2]);
    let upper = f64::from(sorted[n / 2]);
    Some((lower + upper) / 2.0)
}

/// P(T <= t) for Student's t with `df` degrees of freedom, t >= 0.
fn t_cdf(t: f64, df: f64) -> f64 {
    let t2 = t * t;
    // x and 1 - x are formed separately so neither loses digits to cancellation.
    let x = df / (df + t2);
    let y = t2 / (df + t2);
    1.0 - 0.5 * reg_inc_beta(df / 2.0, 0.5, x, y)
}

/// Regularised incomplete beta I_x(a, b), with `y` = 1 − x passed in.
fn reg_inc_beta(a: f64, b: f64, x: f64, y: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if y <= 0.0 {
        return 1.0;
    }
    let front = (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * y.ln()).exp();
    // The continued fraction converges quickly only on this side of the
    // mean; the other side is reached through I_x(a, b) = 1 − I_y(b, a).
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_continued_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_continued_fraction(b, a, y) / b
    }
}

/// Continued fraction for the incomplete beta function, evaluated with the
/// modified Lentz method (Numerical Recipes, `betacf`).
fn beta_continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-15;
    const MAX_TERMS: u32 = 20_000;
    // Lentz divides by these running values; a tiny floor stands in for zero.
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..=MAX_TERMS {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        h *= d * c;
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// ln Γ(x) for x > 0: Stirling's series, after shifting small arguments up
/// with Γ(x + 1) = x Γ(x) where the series is not yet accurate.
fn ln_gamma(x: f64) -> f64 {
    let mut x = x;
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= x.ln();
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    let series = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
    shift + (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + series
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn values(vs: &[u8]) -> Vec<ScaleAnswer> {
        vs.iter().map(|&v| ScaleAnswer::Value(v)).collect()
    }

    #[test]
    fn wilson_five_of_seven() {
        let (lo, hi) = wilson(5, 7, 1.96);
        assert!((0.35..0.37).contains(&lo), "lo {lo}");
        assert!((0.91..0.93).contains(&hi), "hi {hi}");
        assert!(close(lo, 0.359, 1e-3) && close(hi, 0.918, 1e-3));
    }

    #[test]
    fn wilson_edges() {
        assert_eq!(wilson(0, 5, 1.96).0, 0.0);
        assert_eq!(wilson(5, 5, 1.96).1, 1.0);
        // 0 of 5: upper bound z²/(n + z²) = 3.8416 / 8.8416.
        assert!(close(wilson(0, 5, 1.96).1, 3.8416 / 8.8416, 1e-12));
        assert_eq!(wilson(0, 0, 1.96), (0.0, 1.0));
        assert_eq!(wilson(9, 5, 1.96), wilson(5, 5, 1.96));
    }

    #[test]
    fn median_ranks_known_values() {
        assert_eq!(median_ci_ranks(9, 0.95), Some((2, 8)));
        assert_eq!(median_ci_ranks(6, 0.95), Some((1, 6)));
        assert_eq!(median_ci_ranks(5, 0.95), None);
        assert_eq!(median_ci_ranks(20, 0.95), Some((6, 15)));
        assert_eq!(median_ci_ranks(0, 0.95), None);
        assert_eq!(median_ci_ranks(1, 0.95), None);
        // P(X <= 0) = 1/32 exactly for n = 5: a level on the boundary counts.
        assert_eq!(median_ci_ranks(5, 1.0 - 2.0 / 32.0), Some((1, 5)));
        assert_eq!(median_ci_ranks(9, 1.0), None);
        assert_eq!(median_ci_ranks(9, f64::NAN), None);
        // Large n must not underflow 2^-n to a useless zero: the interval
        // is about n/2 ± 1.96·√n/2.
        let (lo, hi) = median_ci_ranks(10_000, 0.95).unwrap();
        assert!((4_900..4_903).contains(&lo), "lo {lo}");
        assert_eq!(lo + hi, 10_001);
    }

    #[test]
    fn summary_of_nine_with_one_dont_know() {
        let mut answers = vec![ScaleAnswer::DontKnow];
        answers.extend(values(&[4, 4, 5, 3, 2, 4, 5, 1, 3]));
        let s = summarize(&answers, 3);
        assert_eq!(s.n, 9);
        assert_eq!(s.dont_know, 1);
        assert!(close(s.dont_know_rate, 0.1, 1e-12));
        assert_eq!(s.distribution, [1, 1, 2, 3, 2]);
        assert_eq!(s.median, Some(4.0));
        // Sorted: 1 2 3 3 4 4 4 5 5; ranks 2 and 8.
        assert_eq!(s.median_ci, Some((2.0, 5.0)));
        assert!(close(s.mean.unwrap(), 31.0 / 9.0, 1e-12));
        assert!(close(s.share_agree.unwrap(), 5.0 / 9.0, 1e-12));
        let (lo, hi) = s.share_agree_ci.unwrap();
        assert!(lo < 5.0 / 9.0 && 5.0 / 9.0 < hi);
        assert!(!s.suppressed);
    }

    #[test]
    fn mean_interval_uses_student_t() {
        let s = summarize(&values(&[1, 2, 3, 4, 5]), 0);
        assert_eq!(s.mean, Some(3.0));
        let (lo, hi) = s.mean_ci.unwrap();
        // 3 ± 2.7764 · √2.5 / √5
        assert!(close(lo, 1.0368, 1e-3), "lo {lo}");
        assert!(close(hi, 4.9632, 1e-3), "hi {hi}");
        // Too few values for the median interval, enough for the rest.
        assert_eq!(s.median, Some(3.0));
        assert_eq!(s.median_ci, None);
        // Variance 2.5 exceeds the uniform null's 2: no agreement.
        assert_eq!(s.rwg, Some(0.0));
    }

    #[test]
    fn even_median_and_single_value() {
        let s = summarize(&values(&[2, 5, 3, 4]), 0);
        assert_eq!(s.median, Some(3.5));
        let one = summarize(&values(&[4]), 0);
        assert_eq!((one.median, one.mean), (Some(4.0), Some(4.0)));
        assert_eq!((one.mean_ci, one.rwg), (None, None));
        assert_eq!(one.share_agree, Some(1.0));
    }

    #[test]
    fn empty_and_invalid_input() {
        let s = summarize(&[], 0);
        assert_eq!((s.n, s.dont_know, s.dont_know_rate), (0, 0, 0.0));
        assert_eq!((s.median, s.mean, s.share_agree_ci), (None, None, None));
        assert!(!s.suppressed);

        let only_dk = summarize(&[ScaleAnswer::DontKnow; 3], 0);
        assert_eq!((only_dk.n, only_dk.dont_know_rate), (0, 1.0));
        assert_eq!(only_dk.median, None);

        // Out-of-range values are skipped, not counted as scores or don't-know.
        let s = summarize(&values(&[0, 6, 255, 3]), 0);
        assert_eq!((s.n, s.dont_know), (1, 0));
        assert_eq!(s.distribution, [0, 0, 1, 0, 0]);
    }

    #[test]
    fn small_groups_are_suppressed() {
        let s = summarize(&values(&[5, 4]), 3);
        assert!(s.suppressed);
        assert_eq!(s.n, 2);
        assert_eq!(s.median, None);
        assert_eq!(s.distribution, [0; 5]);
        assert_eq!((s.mean, s.share_agree, s.rwg), (None, None, None));

        // Don't-know respondents count towards the threshold.
        let mut answers = values(&[5, 4]);
        answers.push(ScaleAnswer::DontKnow);
        let s = summarize(&answers, 3);
        assert!(!s.suppressed);
        assert_eq!(s.median, Some(4.5));

        let s = summarize(&[ScaleAnswer::DontKnow, ScaleAnswer::DontKnow], 3);
        assert!(s.suppressed);
        assert_eq!((s.dont_know, s.dont_know_rate), (2, 0.0));

        // 0 and 1 disable suppression, even for an empty group.
        assert!(!summarize(&[], 0).suppressed);
        assert!(!summarize(&[], 1).suppressed);
    }

    #[test]
    fn t_quantiles_match_tables() {
        for (df, expected) in [
            (1, 12.7062),
            (2, 4.3027),
            (4, 2.7764),
            (5, 2.5706),
            (10, 2.2281),
            (30, 2.0423),
            (1_000, 1.9623),
            (100_000_000, 1.9600),
        ] {
            let t = t_quantile(0.975, df);
            assert!(close(t, expected, 1e-3), "df {df}: {t}");
        }
        assert!(close(t_quantile(0.995, 10), 3.1693, 1e-3));
        assert!(close(t_quantile(0.025, 5), -2.5706, 1e-3));
        assert!(close(t_quantile(0.5, 7), 0.0, 1e-9));
    }

    #[test]
    fn t_quantiles_match_closed_forms() {
        for p in [0.51, 0.6, 0.75, 0.9, 0.975, 0.999, 0.999_999] {
            // Cauchy (df = 1) and df = 2 have quantiles in closed form.
            let cauchy = (std::f64::consts::PI * (p - 0.5)).tan();
            assert!(close(t_quantile(p, 1), cauchy, 1e-6 * cauchy.max(1.0)));
            let two = (2.0 * p - 1.0) / (2.0 * p * (1.0 - p)).sqrt();
            assert!(close(t_quantile(p, 2), two, 1e-6 * two.max(1.0)));
        }
    }

    #[test]
    fn t_quantile_degenerate_input() {
        assert!(t_quantile(0.975, 0).is_nan());
        assert!(t_quantile(f64::NAN, 3).is_nan());
        assert_eq!(t_quantile(0.0, 3), f64::NEG_INFINITY);
        assert_eq!(t_quantile(1.0, 3), f64::INFINITY);
        assert!(t_quantile(1.0 - f64::EPSILON, 1).is_finite());
    }

    #[test]
    fn rwg_values() {
        assert_eq!(rwg(&[3, 3, 3], 5), Some(1.0));
        // Variance 16/3 exceeds the uniform null's 2: clamped to no agreement.
        assert_eq!(rwg(&[1, 5, 1, 5], 5), Some(0.0));
        assert!(close(
            rwg(&[4, 5, 4, 5], 5).unwrap(),
            1.0 - (1.0 / 3.0) / 2.0,
            1e-12
        ));
        assert_eq!(rwg(&[4], 5), None);
        assert_eq!(rwg(&[], 5), None);
        assert_eq!(rwg(&[1, 1], 1), None);
    }

    #[test]
    fn rank_order_centroid_weights() {
        let w = rank_order_centroid(4);
        let expected = [0.5208, 0.2708, 0.1458, 0.0625];
        assert_eq!(w.len(), 4);
        for (got, want) in w.iter().zip(expected) {
            assert!(close(*got, want, 1e-4), "{got} vs {want}");
        }
        assert!(close(w.iter().sum(), 1.0, 1e-12));
        assert_eq!(rank_order_centroid(1), vec![1.0]);
        assert!(rank_order_centroid(0).is_empty());
    }

    #[test]
    fn normalize_weights() {
        assert_eq!(normalize(&[2.0, 1.0, 1.0]), Some(vec![0.5, 0.25, 0.25]));
        assert_eq!(normalize(&[0.0, 0.0]), None);
        assert_eq!(normalize(&[]), None);
        assert_eq!(normalize(&[1.0, -1.0]), None);
        assert_eq!(normalize(&[1.0, f64::NAN]), None);
        assert_eq!(normalize(&[1.0, f64::INFINITY]), None);
        let big = normalize(&[f64::MAX, f64::MAX]).unwrap();
        assert_eq!(big, vec![0.5, 0.5]);
    }

    fn answer() -> impl Strategy<Value = ScaleAnswer> {
        prop_oneof![
            4 => (1u8..=5).prop_map(ScaleAnswer::Value),
            1 => Just(ScaleAnswer::DontKnow),
        ]
    }

    proptest! {
        #[test]
        fn summaries_are_consistent(
            answers in proptest::collection::vec(answer(), 0..40),
            min_group in 0usize..6,
        ) {
            let s = summarize(&answers, min_group);
            prop_assert_eq!(s.n + s.dont_know, answers.len());
            if s.suppressed {
                prop_assert!(s.n + s.dont_know < min_group);
                prop_assert_eq!(s.distribution, [0; 5]);
                prop_assert!(s.median.is_none() && s.mean.is_none() && s.rwg.is_none());
            } else if s.n > 0 {
                prop_assert_eq!(s.distribution.iter().sum::<usize>(), s.n);
                let median = s.median.unwrap();
                prop_assert!((1.0..=5.0).contains(&median));
                if let Some((lo, hi)) = s.median_ci {
                    prop_assert!(lo <= median && median <= hi);
                }
                prop_assert_eq!(s.median_ci.is_some(), s.n >= 6);
                let share = s.share_agree.unwrap();
                let (lo, hi) = s.share_agree_ci.unwrap();
                prop_assert!(lo <= share && share <= hi);
                prop_assert!(0.0 <= lo && hi <= 1.0);
                let mean = s.mean.unwrap();
                if let Some((lo, hi)) = s.mean_ci {
                    prop_assert!(lo <= mean && mean <= hi);
                }
                if let Some(r) = s.rwg {
                    prop_assert!((0.0..=1.0).contains(&r));
                }
                prop_assert_eq!(s.rwg.is_some(), s.n >= 2);
            }
        }

        #[test]
        fn summarize_never_panics_on_raw_bytes(
            raw in proptest::collection::vec(proptest::option::of(any::<u8>()), 0..40),
            min_group in any::<usize>(),
        ) {
            let answers: Vec<ScaleAnswer> = raw
                .into_iter()
                .map(|v| v.map_or(ScaleAnswer::DontKnow, ScaleAnswer::Value))
                .collect();
            let s = summarize(&answers, min_group);
            prop_assert!(s.n + s.dont_know <= answers.len());
        }

        #[test]
        fn t_quantile_inverts_the_cdf(p in 0.5f64..0.9999, df in 1usize..200) {
            let t = t_quantile(p, df);
            prop_assert!((t_cdf(t, df as f64) - p).abs() < 1e-9);
            prop_assert!((t_quantile(1.0 - p, df) + t).abs() < 1e-6 * t.max(1.0));
        }

        #[test]
        fn normalized_weights_sum_to_one(ws in proptest::collection::vec(0.0f64..1e6, 1..10)) {
            if let Some(n) = normalize(&ws) {
                prop_assert!((n.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            } else {
                prop_assert!(ws.iter().all(|w| *w == 0.0));
            }
        }
    }
}
