//! The rules that map a membership's evidence to a recommended category,
//! and the reasons behind it written out in Swedish and English. The rules
//! are deliberately few and fixed so that a reader of the review report can
//! check every recommendation by hand.

use super::value::{benefit_index, cost_index};
use super::{Category, Evidence};
use serde::{Deserialize, Serialize};

/// Fewest distinct respondents (on the best-answered criterion) for a recommendation.
pub const MIN_RESPONDENTS: usize = 3;

/// Benefit index from which the city should engage more.
const DEEPEN_FROM: f64 = 75.0;
/// Benefit index from which the membership is worth keeping as it is.
const CONTINUE_FROM: f64 = 55.0;
/// Benefit index from which the membership is worth keeping at all.
const REDUCE_FROM: f64 = 40.0;
/// Share of the city's goals below which an organisation's themes fit poorly.
const LOW_GOAL_FIT: f64 = 0.34;
/// Travel days per year from which travel is flagged.
const HIGH_TRAVEL_DAYS: f64 = 10.0;
/// Medians at or below this are reasons against the membership.
const LOW_MEDIAN: f64 = 2.0;
/// Medians at or above this are reasons for the membership.
const HIGH_MEDIAN: f64 = 4.0;

/// One reason behind a recommendation, in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Stable code of the kind of reason, e.g. `low_criterion`.
    pub code: String,
    /// Short Swedish text carrying the data, e.g. "låg påverkan (median 2 av 5, n = 6)".
    pub sv: String,
    /// The same in English, e.g. "low influence (median 2 of 5, n = 6)".
    pub en: String,
}

/// The recommendation for one membership with everything behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The recommended category.
    pub category: Category,
    /// The benefit index 0–100 (see [`benefit_index`]); None without evidence.
    pub benefit_index: Option<f64>,
    /// The cost index 0–100 (see [`cost_index`]), shown beside the benefit, never merged into it.
    pub cost_index: f64,
    /// Facts worth a reader's attention, e.g. "represented_indirectly", "high_travel".
    pub flags: Vec<String>,
    /// Why, in order of weight; never empty.
    pub reasons: Vec<Reason>,
}

/// The most respondents on any criterion: a membership counts as reviewed
/// when at least one criterion was answered by enough people.
fn max_respondents(e: &Evidence) -> usize {
    e.respondents.iter().copied().max().unwrap_or(0)
}

fn low_goal_fit(e: &Evidence) -> bool {
    e.goal_fit.is_some_and(|f| f < LOW_GOAL_FIT)
}

/// The category alone for a benefit index and the evidence's fixed facts (used by SMAA and stability, cheap).
///
/// In order: too little evidence (no index, a non-finite index, or fewer than
/// [`MIN_RESPONDENTS`] on every criterion); then an indirectly represented
/// membership below the Continue threshold is Terminate, since the city's
/// voice is already heard through the national association; then the
/// thresholds 75 / 55 / 40; finally a development-cooperation organisation
/// that matches under a third of the city's goals is downgraded from
/// Continue to Reduce.
pub fn categorise(e: &Evidence, benefit_index: Option<f64>) -> Category {
    Facts::of(e).categorise(benefit_index)
}

/// The facts of a membership that [`categorise`] needs besides the index,
/// computed once so that SMAA's hot loop only compares numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Facts {
    few_respondents: bool,
    indirect: bool,
    goal_mismatch: bool,
}

impl Facts {
    pub(crate) fn of(e: &Evidence) -> Facts {
        Facts {
            few_respondents: max_respondents(e) < MIN_RESPONDENTS,
            indirect: e.represented_indirectly_via.is_some(),
            goal_mismatch: e.development_cooperation_focus && low_goal_fit(e),
        }
    }

    /// The rules of [`categorise`]; the one place they are written down.
    pub(crate) fn categorise(self, benefit_index: Option<f64>) -> Category {
        let Some(b) = benefit_index.filter(|b| b.is_finite()) else {
            return Category::InsufficientEvidence;
        };
        if self.few_respondents {
            return Category::InsufficientEvidence;
        }
        if self.indirect && b < CONTINUE_FROM {
            return Category::Terminate;
        }
        let category = if b >= DEEPEN_FROM {
            Category::Deepen
        } else if b >= CONTINUE_FROM {
            Category::Continue
        } else if b >= REDUCE_FROM {
            Category::Reduce
        } else {
            Category::Terminate
        };
        // Only a middling membership is downgraded: one rated highly serves the
        // city despite the themes, one rated low is already Reduce or below.
        if category == Category::Continue && self.goal_mismatch {
            Category::Reduce
        } else {
            category
        }
    }
}

/// The recommendation for one membership under point `weights` (aligned with
/// the criteria; need not sum to 1), with flags and reasons.
pub fn recommend(e: &Evidence, weights: &[f64]) -> Outcome {
    let index = benefit_index(&e.benefit, weights);
    Outcome {
        category: categorise(e, index),
        benefit_index: index,
        cost_index: cost_index(e),
        flags: flags(e),
        reasons: reasons(e, index),
    }
}

fn flags(e: &Evidence) -> Vec<String> {
    [
        (
            e.represented_indirectly_via.is_some(),
            "represented_indirectly",
        ),
        (!e.overlaps_with.is_empty(), "overlapping_membership"),
        (
            e.development_cooperation_focus,
            "development_cooperation_focus",
        ),
        (low_goal_fit(e), "low_goal_fit"),
        (e.geography_only, "geography_not_subject"),
        (e.travel_days >= HIGH_TRAVEL_DAYS, "high_travel"),
        (e.declined_invitations > 0, "declined_invitations"),
        (max_respondents(e) < MIN_RESPONDENTS, "few_respondents"),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .map(|(_, flag)| flag.to_string())
    .collect()
}

fn reason(code: &str, sv: String, en: String) -> Reason {
    Reason {
        code: code.to_string(),
        sv,
        en,
    }
}

/// Swedish and English text for a number: whole numbers without decimals,
/// others with at most two. Swedish takes a decimal comma, as Swedish
/// readers expect.
fn number(x: f64) -> (String, String) {
    let rounded = (x * 100.0).round() / 100.0;
    let en = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').to_string()
    };
    (en.replace('.', ","), en)
}

/// A criterion's display name, lower-cased to sit inside a sentence; falls
/// back to the key, then to its position, when the names are missing.
fn criterion_names(e: &Evidence, i: usize) -> (String, String) {
    let fallback = e.criteria_keys.get(i);
    let pick = |names: &[String], generic: &str| {
        names
            .get(i)
            .or(fallback)
            .map_or_else(|| format!("{generic} {}", i + 1), |n| n.to_lowercase())
    };
    (
        pick(&e.criteria_names_sv, "kriterium"),
        pick(&e.criteria_names_en, "criterion"),
    )
}

fn reasons(e: &Evidence, index: Option<f64>) -> Vec<Reason> {
    let mut out = Vec::new();
    let most = max_respondents(e);
    let index = index.filter(|b| b.is_finite());

    // Missing evidence is the decisive reason when it applies, so it comes first.
    if most < MIN_RESPONDENTS {
        out.push(reason(
            "too_few_answers",
            format!("för få svar (n = {most})"),
            format!("too few answers (n = {most})"),
        ));
    } else if index.is_none() {
        out.push(reason(
            "no_scored_answers",
            "inga skattade svar på viktade kriterier".into(),
            "no scored answers on weighted criteria".into(),
        ));
    }

    if let Some(b) = index {
        // One decimal is as precise as answers on a 5-point scale justify.
        let (sv, en) = number((b * 10.0).round() / 10.0);
        out.push(reason(
            "benefit_index",
            format!("nyttoindex {sv} av 100"),
            format!("benefit index {en} of 100"),
        ));
    }

    if let Some(via) = &e.represented_indirectly_via {
        out.push(reason(
            "represented_indirectly",
            format!("företrädd genom {via}"),
            format!("represented through {via}"),
        ));
    }

    if !e.overlaps_with.is_empty() {
        let names = e.overlaps_with.join(", ");
        out.push(reason(
            "overlapping_membership",
            format!("överlappar medlemskapet i {names} (sektion av samma nätverk)"),
            format!("overlaps the membership of {names} (a section of the same network)"),
        ));
    }

    for (i, median) in e.median.iter().enumerate() {
        let Some(m) = median.filter(|m| m.is_finite()) else {
            continue;
        };
        let (code, sv_word, en_word) = if m <= LOW_MEDIAN {
            ("low_criterion", "låg", "low")
        } else if m >= HIGH_MEDIAN {
            ("high_criterion", "hög", "high")
        } else {
            continue;
        };
        let (name_sv, name_en) = criterion_names(e, i);
        let (m_sv, m_en) = number(m);
        let n = e.respondents.get(i).copied().unwrap_or(0);
        out.push(reason(
            code,
            format!("{sv_word} {name_sv} (median {m_sv} av 5, n = {n})"),
            format!("{en_word} {name_en} (median {m_en} of 5, n = {n})"),
        ));
    }

    if e.development_cooperation_focus {
        out.push(reason(
            "development_cooperation_focus",
            "inriktning på utvecklingssamarbete".into(),
            "focus on development cooperation".into(),
        ));
    }

    if let Some(fit) = e.goal_fit.filter(|f| *f < LOW_GOAL_FIT) {
        let percent = (fit.max(0.0) * 100.0).round();
        out.push(reason(
            "low_goal_fit",
            format!("matchar {percent:.0} % av strategins mål"),
            format!("matches {percent:.0}% of the strategy's goals"),
        ));
    }

    if e.geography_only {
        out.push(reason(
            "geography_not_subject",
            "valt efter geografi, inte sakfråga".into(),
            "chosen by geography, not subject".into(),
        ));
    }

    if e.staff_days.is_finite() && e.staff_days > 0.0 {
        let (sv, en) = number(e.staff_days);
        out.push(reason(
            "staff_days",
            format!("{sv} arbetsdagar vid organisationens möten per år"),
            format!("{en} staff days at the organisation's meetings a year"),
        ));
    }

    if e.travel_days.is_finite() && e.travel_days > 0.0 {
        let (sv, en) = number(e.travel_days);
        let (sv_unit, en_unit) = if e.travel_days == 1.0 {
            ("resdag", "travel day")
        } else {
            ("resdagar", "travel days")
        };
        out.push(reason(
            "travel",
            format!("{sv} {sv_unit} per år"),
            format!("{en} {en_unit} a year"),
        ));
    }

    // The count is of respondents who answered yes to "have you declined
    // working groups or meetings because of cost or time?", not of times.
    match e.declined_invitations {
        0 => {}
        1 => out.push(reason(
            "declined_invitations",
            "1 svarande har tackat nej till arbetsgrupper eller möten av kostnads- eller tidsskäl".into(),
            "1 respondent has declined working groups or meetings for cost or time".into(),
        )),
        n => out.push(reason(
            "declined_invitations",
            format!("{n} svarande har tackat nej till arbetsgrupper eller möten av kostnads- eller tidsskäl"),
            format!("{n} respondents have declined working groups or meetings for cost or time"),
        )),
    }

    // Unreachable by the branches above (an index or its absence always
    // yields a reason), but the promise "never empty" should not rest on that.
    if out.is_empty() {
        out.push(reason(
            "no_evidence",
            "inget underlag".into(),
            "no evidence".into(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::evidence as sample;
    use proptest::prelude::*;

    /// Evidence with enough respondents whose index under equal weights is `b`.
    fn at(b: f64) -> Evidence {
        sample(1, &[Some(b); 4], 5)
    }

    #[test]
    fn thresholds_at_75_55_40() {
        let cases = [
            (100.0, Category::Deepen),
            (75.0, Category::Deepen),
            (74.99, Category::Continue),
            (55.0, Category::Continue),
            (54.99, Category::Reduce),
            (40.0, Category::Reduce),
            (39.99, Category::Terminate),
            (0.0, Category::Terminate),
        ];
        for (b, want) in cases {
            assert_eq!(categorise(&at(b), Some(b)), want, "b = {b}");
            assert_eq!(recommend(&at(b), &[0.25; 4]).category, want, "b = {b}");
        }
    }

    #[test]
    fn indirect_representation_below_continue_terminates() {
        let mut e = at(60.0);
        e.represented_indirectly_via = Some("SKR".into());
        assert_eq!(categorise(&e, Some(60.0)), Category::Continue);
        assert_eq!(categorise(&e, Some(50.0)), Category::Terminate);
        assert_eq!(categorise(&e, Some(55.0)), Category::Continue);
        assert_eq!(categorise(&e, Some(80.0)), Category::Deepen);
    }

    #[test]
    fn too_few_respondents_is_insufficient() {
        let mut e = at(80.0);
        e.respondents = vec![2, 1, 2, 0];
        assert_eq!(categorise(&e, Some(80.0)), Category::InsufficientEvidence);
        e.respondents = vec![2, 3, 2, 0];
        assert_eq!(categorise(&e, Some(80.0)), Category::Deepen);
        e.respondents = vec![];
        assert_eq!(categorise(&e, Some(80.0)), Category::InsufficientEvidence);
        let e = at(80.0);
        assert_eq!(categorise(&e, None), Category::InsufficientEvidence);
        assert_eq!(
            categorise(&e, Some(f64::NAN)),
            Category::InsufficientEvidence
        );
    }

    #[test]
    fn development_cooperation_with_low_goal_fit_downgrades_continue() {
        let mut e = at(60.0);
        e.development_cooperation_focus = true;
        e.goal_fit = Some(0.2);
        assert_eq!(categorise(&e, Some(60.0)), Category::Reduce);
        // Only Continue is downgraded.
        assert_eq!(categorise(&e, Some(80.0)), Category::Deepen);
        assert_eq!(categorise(&e, Some(45.0)), Category::Reduce);
        assert_eq!(categorise(&e, Some(30.0)), Category::Terminate);
        // A good fit, an unknown fit, or no development focus keeps Continue.
        e.goal_fit = Some(0.34);
        assert_eq!(categorise(&e, Some(60.0)), Category::Continue);
        e.goal_fit = None;
        assert_eq!(categorise(&e, Some(60.0)), Category::Continue);
        e.goal_fit = Some(0.2);
        e.development_cooperation_focus = false;
        assert_eq!(categorise(&e, Some(60.0)), Category::Continue);
    }

    #[test]
    fn reasons_carry_medians_and_respondents() {
        let mut e = sample(7, &[Some(100.0), Some(50.0), Some(50.0), Some(25.0)], 6);
        e.median = vec![Some(5.0), Some(3.0), Some(3.5), Some(2.0)];
        let o = recommend(&e, &[0.25; 4]);
        // (100 + 50 + 50 + 25) / 4
        assert_eq!(o.benefit_index, Some(56.25));
        assert_eq!(o.category, Category::Continue);
        let sv: Vec<&str> = o.reasons.iter().map(|r| r.sv.as_str()).collect();
        let en: Vec<&str> = o.reasons.iter().map(|r| r.en.as_str()).collect();
        assert!(
            sv.contains(&"låg påverkan (median 2 av 5, n = 6)"),
            "{sv:?}"
        );
        assert!(
            en.contains(&"low influence (median 2 of 5, n = 6)"),
            "{en:?}"
        );
        assert!(sv.contains(&"hög positionering (median 5 av 5, n = 6)"));
        assert!(en.contains(&"high positioning (median 5 of 5, n = 6)"));
        assert!(sv.contains(&"nyttoindex 56,3 av 100"), "{sv:?}");
        assert!(en.contains(&"benefit index 56.3 of 100"), "{en:?}");
        // Medians 3 and 3.5 are neither low nor high.
        assert_eq!(o.reasons.len(), 3);
        assert!(o.flags.is_empty());
        assert_eq!(o.cost_index, 0.0);
    }

    #[test]
    fn reasons_and_flags_for_the_fixed_facts() {
        let mut e = at(50.0);
        e.median = vec![Some(2.5), None, Some(3.0), Some(1.5)];
        e.respondents = vec![4, 0, 4, 3];
        e.represented_indirectly_via = Some("SKR".into());
        e.development_cooperation_focus = true;
        e.goal_fit = Some(0.2);
        e.travel_days = 9.0;
        e.declined_invitations = 3;
        let o = recommend(&e, &[1.0; 4]);
        assert_eq!(o.category, Category::Terminate);
        assert_eq!(
            o.flags,
            [
                "represented_indirectly",
                "development_cooperation_focus",
                "low_goal_fit",
                "declined_invitations"
            ]
        );
        let pairs: Vec<(&str, &str)> = o
            .reasons
            .iter()
            .map(|r| (r.sv.as_str(), r.en.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("nyttoindex 50 av 100", "benefit index 50 of 100"),
                ("företrädd genom SKR", "represented through SKR"),
                (
                    "låg påverkan (median 1,5 av 5, n = 3)",
                    "low influence (median 1.5 of 5, n = 3)"
                ),
                (
                    "inriktning på utvecklingssamarbete",
                    "focus on development cooperation"
                ),
                (
                    "matchar 20 % av strategins mål",
                    "matches 20% of the strategy's goals"
                ),
                ("9 resdagar per år", "9 travel days a year"),
                (
                    "3 svarande har tackat nej till arbetsgrupper eller möten av kostnads- eller tidsskäl",
                    "3 respondents have declined working groups or meetings for cost or time"
                ),
            ]
        );
        // 9 days = 30, 3 declined = 30.
        assert!((o.cost_index - 60.0).abs() < 1e-9);

        e.travel_days = 12.5;
        e.declined_invitations = 1;
        let o = recommend(&e, &[1.0; 4]);
        assert!(o.flags.contains(&"high_travel".to_string()));
        let en: Vec<&str> = o.reasons.iter().map(|r| r.en.as_str()).collect();
        assert!(en.contains(&"12.5 travel days a year"), "{en:?}");
        assert!(
            en.contains(&"1 respondent has declined working groups or meetings for cost or time"),
            "{en:?}"
        );
    }

    #[test]
    fn insufficient_evidence_says_why() {
        let mut e = at(80.0);
        e.respondents = vec![1, 0, 1, 1];
        let o = recommend(&e, &[0.25; 4]);
        assert_eq!(o.category, Category::InsufficientEvidence);
        assert_eq!(o.flags, ["few_respondents"]);
        assert_eq!(o.reasons[0].sv, "för få svar (n = 1)");
        assert_eq!(o.reasons[0].en, "too few answers (n = 1)");

        let mut e = sample(2, &[None, None], 5);
        e.median = vec![None, None];
        let o = recommend(&e, &[0.5, 0.5]);
        assert_eq!(o.category, Category::InsufficientEvidence);
        assert_eq!(o.benefit_index, None);
        assert_eq!(o.reasons.len(), 1);
        assert_eq!(o.reasons[0].code, "no_scored_answers");
    }

    #[test]
    fn names_fall_back_to_keys_and_positions() {
        let mut e = at(60.0);
        e.median = vec![Some(1.0), Some(1.0), Some(5.0)];
        e.criteria_names_sv = vec!["Påverkan".into()];
        e.criteria_names_en = vec![];
        e.criteria_keys = vec!["influence".into(), "monitoring".into()];
        let o = recommend(&e, &[0.25; 4]);
        let sv: Vec<&str> = o.reasons.iter().map(|r| r.sv.as_str()).collect();
        let en: Vec<&str> = o.reasons.iter().map(|r| r.en.as_str()).collect();
        assert!(
            sv.contains(&"låg påverkan (median 1 av 5, n = 5)"),
            "{sv:?}"
        );
        assert!(
            sv.contains(&"låg monitoring (median 1 av 5, n = 5)"),
            "{sv:?}"
        );
        assert!(
            sv.contains(&"hög kriterium 3 (median 5 av 5, n = 5)"),
            "{sv:?}"
        );
        assert!(
            en.contains(&"low influence (median 1 of 5, n = 5)"),
            "{en:?}"
        );
        assert!(
            en.contains(&"high criterion 3 (median 5 of 5, n = 5)"),
            "{en:?}"
        );
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(number(2.0), ("2".into(), "2".into()));
        assert_eq!(number(2.5), ("2,5".into(), "2.5".into()));
        assert_eq!(number(0.25), ("0,25".into(), "0.25".into()));
        assert_eq!(number(9.999), ("10".into(), "10".into()));
    }

    fn odd_f64() -> impl Strategy<Value = f64> {
        prop_oneof![
            6 => -10.0f64..200.0,
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
            1 => Just(f64::NEG_INFINITY),
        ]
    }

    fn any_evidence() -> impl Strategy<Value = Evidence> {
        (
            proptest::collection::vec(proptest::option::of(odd_f64()), 0..6),
            proptest::collection::vec(proptest::option::of(odd_f64()), 0..6),
            proptest::collection::vec(0usize..10, 0..6),
            0usize..6,
            proptest::option::of("[A-Z]{2,5}"),
            any::<bool>(),
            proptest::option::of(odd_f64()),
            odd_f64(),
            0usize..20,
        )
            .prop_map(
                |(benefit, median, respondents, names, via, dev, fit, travel, declined)| {
                    let mut e = sample(3, &benefit, 0);
                    e.median = median;
                    e.respondents = respondents;
                    e.criteria_names_sv.truncate(names);
                    e.criteria_names_en.truncate(names / 2);
                    e.criteria_keys.truncate(names / 3);
                    e.represented_indirectly_via = via;
                    e.development_cooperation_focus = dev;
                    e.goal_fit = fit;
                    e.travel_days = travel;
                    e.declined_invitations = declined;
                    e
                },
            )
    }

    proptest! {
        #[test]
        fn recommend_never_panics_and_always_explains(
            e in any_evidence(),
            weights in proptest::collection::vec(odd_f64(), 0..6),
        ) {
            let o = recommend(&e, &weights);
            prop_assert!(!o.reasons.is_empty());
            prop_assert!(o.reasons.iter().all(|r| !r.sv.is_empty() && !r.en.is_empty()));
            prop_assert!((0.0..=100.0).contains(&o.cost_index));
            prop_assert_eq!(o.category, categorise(&e, o.benefit_index));
            if o.category == Category::InsufficientEvidence {
                let code = o.reasons[0].code.as_str();
                prop_assert!(code == "too_few_answers" || code == "no_scored_answers");
            }
        }
    }
}
