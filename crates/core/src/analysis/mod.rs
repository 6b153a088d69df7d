//! Decision analysis of a membership review: the evidence assembled per
//! membership, the recommendation categories, and the analyses that turn
//! evidence and the strategy's weights into a recommendation — an additive
//! value model ([`value`]), written-out rules ([`rules`]), stochastic
//! acceptability analysis over weight intervals ([`smaa`]) and weight
//! stability checks ([`stability`]). Pure: callers assemble [`Evidence`] from
//! review results and the register; nothing here reads or writes anything.

use serde::{Deserialize, Serialize};

pub mod bootstrap;
pub mod evidence;
pub mod fit;
pub mod rules;
pub mod sensitivity;
pub mod smaa;
pub mod stability;
pub mod value;

pub use rules::{MIN_RESPONDENTS, Outcome, Reason, categorise, recommend};
pub use smaa::{Rng, probabilities};
pub use stability::{no_rank_reversal, weight_stability};
pub use value::{CostParts, benefit_index, contributions, cost_index, cost_parts};

/// The recommendation for one membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Engage more: the membership serves the strategy well.
    Deepen,
    /// Keep the membership as it is.
    Continue,
    /// Keep the membership but engage less (fewer working groups, less travel).
    Reduce,
    /// Leave the organisation.
    Terminate,
    /// Too little evidence to recommend anything.
    InsufficientEvidence,
}

impl Category {
    /// The categories that are an actual recommendation, best first.
    pub const DECIDED: [Category; 4] = [
        Category::Deepen,
        Category::Continue,
        Category::Reduce,
        Category::Terminate,
    ];

    /// Stable code, the same as the serde name (used as a message key and in exports).
    pub fn code(self) -> &'static str {
        match self {
            Category::Deepen => "deepen",
            Category::Continue => "continue",
            Category::Reduce => "reduce",
            Category::Terminate => "terminate",
            Category::InsufficientEvidence => "insufficient_evidence",
        }
    }

    /// Position in declaration order, so tallies can live in a fixed array
    /// instead of a map inside hot loops.
    pub(crate) fn slot(self) -> usize {
        match self {
            Category::Deepen => 0,
            Category::Continue => 1,
            Category::Reduce => 2,
            Category::Terminate => 3,
            Category::InsufficientEvidence => 4,
        }
    }

    /// Every category, in the order of [`Category::slot`].
    pub const ALL: [Category; 5] = [
        Category::Deepen,
        Category::Continue,
        Category::Reduce,
        Category::Terminate,
        Category::InsufficientEvidence,
    ];
}

/// Evidence about one membership, assembled by callers from review results and the register.
///
/// The per-criterion vectors are aligned with the strategy's criteria. Every
/// function in this module tolerates vectors of differing lengths (missing
/// entries count as "no evidence"), so a half-assembled record never panics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The membership in the register.
    pub membership_id: i64,
    /// Display label, e.g. "UCLG".
    pub organisation: String,
    /// Benefit per criterion on 0–100, aligned with the strategy's criteria; None = no scale answers.
    pub benefit: Vec<Option<f64>>,
    /// Median answer 1–5 per criterion (for reasons), aligned likewise.
    pub median: Vec<Option<f64>>,
    /// Distinct respondents per criterion.
    pub respondents: Vec<usize>,
    /// Criterion keys, e.g. "positioning", "operational_development", "monitoring", "influence".
    pub criteria_keys: Vec<String>,
    /// Criterion names in Swedish, as in the strategy (e.g. "Påverkan").
    pub criteria_names_sv: Vec<String>,
    /// Criterion names in English, as in the strategy (e.g. "Influence").
    pub criteria_names_en: Vec<String>,
    /// E.g. Some("SKR") when the city is also in the organisation through a national association.
    pub represented_indirectly_via: Option<String>,
    /// Organisations the city is also a member of that this one is a section
    /// of, or that are sections of it: two memberships covering one network.
    pub overlaps_with: Vec<String>,
    /// The organisation's themes include development cooperation.
    pub development_cooperation_focus: bool,
    /// Share 0–1 of the city's goals that the organisation's themes match; None when unknown.
    pub goal_fit: Option<f64>,
    /// The organisation's themes are all places or regions, none a subject,
    /// under a strategy that asks to choose by subject (see [`fit`]).
    pub geography_only: bool,
    /// Travel days per year spent on the membership.
    pub travel_days: f64,
    /// Working days staff spent at the organisation's events in the year:
    /// each event's days times its listed participants.
    pub staff_days: f64,
    /// CO₂ in kilograms per year from recorded journeys; None when none are recorded.
    pub co2_kg: Option<f64>,
    /// Respondents who answered yes to "declined working groups for
    /// cost/time" (a count of people, not of declined invitations).
    pub declined_invitations: usize,
    /// Annual membership fee in its own currency (amount, currency), when known.
    pub annual_fee: Option<(f64, String)>,
    /// The same fee in kronor at the rate of its year; None when the fee is
    /// unknown or its currency has no rate.
    pub annual_fee_sek: Option<f64>,
}

/// Benefit on 0–100 from 5-point answers: the mean of the valid values
/// (1..=5) mapped by (v − 1) / 4 · 100, so 1 → 0, 3 → 50 and 5 → 100.
/// None when no value is valid.
///
/// Out-of-range values are skipped rather than rejected, as in
/// [`crate::statistics::summarize`]: input is validated where it enters.
pub fn benefit_from_answers(values_1_to_5: &[u8]) -> Option<f64> {
    let (sum, n) = values_1_to_5
        .iter()
        .filter(|v| (1..=5).contains(*v))
        .fold((0.0, 0usize), |(sum, n), &v| {
            (sum + f64::from(v - 1) / 4.0 * 100.0, n + 1)
        });
    (n > 0).then(|| sum / n as f64)
}

/// Shared fixtures for the tests of the submodules.
#[cfg(test)]
pub(crate) mod testing {
    use super::Evidence;

    /// Evidence over the default strategy's four criteria (or as many as
    /// `benefit` has), with `respondents` per criterion and nothing else notable.
    pub(crate) fn evidence(id: i64, benefit: &[Option<f64>], respondents: usize) -> Evidence {
        const KEYS: [&str; 4] = [
            "positioning",
            "operational_development",
            "monitoring",
            "influence",
        ];
        const SV: [&str; 4] = [
            "Positionering",
            "Verksamhetsutveckling",
            "Bevakning",
            "Påverkan",
        ];
        const EN: [&str; 4] = [
            "Positioning",
            "Operational development",
            "Monitoring",
            "Influence",
        ];
        let n = benefit.len();
        let name = |names: &[&str; 4], i: usize| {
            names
                .get(i)
                .map_or_else(|| format!("criterion {}", i + 1), |s| (*s).to_string())
        };
        Evidence {
            membership_id: id,
            organisation: format!("Org {id}"),
            benefit: benefit.to_vec(),
            median: vec![Some(3.0); n],
            respondents: vec![respondents; n],
            criteria_keys: (0..n).map(|i| name(&KEYS, i)).collect(),
            criteria_names_sv: (0..n).map(|i| name(&SV, i)).collect(),
            criteria_names_en: (0..n).map(|i| name(&EN, i)).collect(),
            represented_indirectly_via: None,
            overlaps_with: Vec::new(),
            development_cooperation_focus: false,
            goal_fit: None,
            geography_only: false,
            travel_days: 0.0,
            staff_days: 0.0,
            co2_kg: None,
            declined_invitations: 0,
            annual_fee: None,
            annual_fee_sek: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benefit_from_answers_maps_the_scale_to_0_100() {
        assert_eq!(benefit_from_answers(&[1, 5]), Some(50.0));
        assert_eq!(benefit_from_answers(&[5, 5, 5]), Some(100.0));
        assert_eq!(benefit_from_answers(&[1]), Some(0.0));
        // (25 + 50 + 75) / 3
        assert_eq!(benefit_from_answers(&[2, 3, 4]), Some(50.0));
        // (75 + 100) / 2, invalid values skipped
        assert_eq!(benefit_from_answers(&[0, 4, 6, 5, 255]), Some(87.5));
        assert_eq!(benefit_from_answers(&[]), None);
        assert_eq!(benefit_from_answers(&[0, 6]), None);
    }

    #[test]
    fn category_codes_and_order() {
        let codes: Vec<&str> = Category::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(
            codes,
            [
                "deepen",
                "continue",
                "reduce",
                "terminate",
                "insufficient_evidence"
            ]
        );
        for (i, c) in Category::ALL.iter().enumerate() {
            assert_eq!(c.slot(), i);
        }
        assert_eq!(Category::DECIDED[..], Category::ALL[..4]);
        assert!(!Category::DECIDED.contains(&Category::InsufficientEvidence));
    }
}
