//! The city's international strategy as the yardstick of a review: its
//! criteria (by default the four main points of Stockholm's 2008 strategy,
//! which name what most cities' strategies ask of a membership),
//! its goals, the rule "choose by subject, not geography", and the weights.

use crate::Lang;
use crate::statistics::{normalize, rank_order_centroid};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable key, e.g. `positioning`.
    pub key: String,
    pub name_sv: String,
    pub name_en: String,
    pub description_sv: String,
    pub description_en: String,
}

impl Criterion {
    pub fn name(&self, lang: Lang) -> &str {
        if lang.is_en() {
            &self.name_en
        } else {
            &self.name_sv
        }
    }
}

/// How the criteria are weighted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Weights {
    /// Direct swing weights per criterion, each an interval (low = high for a point value).
    Swing { intervals: Vec<(f64, f64)> },
    /// A ranking (1 = most important) per criterion, turned into rank-order-centroid weights.
    Ranking { ranks: Vec<usize> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strategy {
    pub criteria: Vec<Criterion>,
    /// The city's goals a membership should serve (Vision 2030, environmental capital …).
    pub goals: Vec<String>,
    /// The strategy's rule: choose a collaboration by subject, not by geography.
    pub subject_not_geography: bool,
    pub weights: Weights,
}

fn criterion(key: &str, sv: &str, en: &str, dsv: &str, den: &str) -> Criterion {
    Criterion {
        key: key.into(),
        name_sv: sv.into(),
        name_en: en.into(),
        description_sv: dsv.into(),
        description_en: den.into(),
    }
}

/// The four main points of Stockholm's strategy for international work
/// (city council, December 2008, Dnr 006-1137/2007), equally weighted, with
/// two goals that name no city; Stockholm's own goals are the demo's
/// ([`crate::demo::strategy`]).
pub fn default_strategy() -> Strategy {
    Strategy {
        criteria: vec![
            criterion(
                "positioning",
                "Positionering",
                "Positioning",
                "Engagemanget stärker vår position och synlighet internationellt.",
                "The engagement strengthens our position and visibility internationally.",
            ),
            criterion(
                "operational_development",
                "Verksamhetsutveckling",
                "Operational development",
                "Engagemanget ger kunskap och erfarenheter som utvecklar våra verksamheter.",
                "The engagement brings knowledge and experience that develop our operations.",
            ),
            criterion(
                "monitoring",
                "Bevakning",
                "Monitoring",
                "Engagemanget ger tidig kännedom om frågor som berör oss.",
                "The engagement gives early knowledge of issues that affect us.",
            ),
            criterion(
                "influence",
                "Påverkan",
                "Influence",
                "Engagemanget ger oss möjlighet att påverka beslut och inriktning.",
                "The engagement lets us influence decisions and direction.",
            ),
        ],
        // The themes are those of Stockholm's two goals (see the demo's
        // strategy) under names any city can keep or edit.
        goals: vec![
            "Hållbar tillväxt / sustainable growth: economic development, knowledge society, innovation, mobility, culture, social affairs".into(),
            "Klimat och miljö / climate and environment: environment, climate, energy, sustainability".into(),
        ],
        subject_not_geography: true,
        weights: Weights::Swing {
            intervals: vec![(1.0, 1.0); 4],
        },
    }
}

impl Strategy {
    /// Point weights summing to 1 (interval midpoints for swing weights).
    pub fn point_weights(&self) -> Option<Vec<f64>> {
        match &self.weights {
            Weights::Swing { intervals } if intervals.len() == self.criteria.len() => normalize(
                &intervals
                    .iter()
                    .map(|(l, h)| (l + h) / 2.0)
                    .collect::<Vec<_>>(),
            ),
            Weights::Ranking { ranks } if ranks.len() == self.criteria.len() => {
                let roc = rank_order_centroid(ranks.len());
                let mut sorted: Vec<usize> = ranks.clone();
                sorted.sort_unstable();
                if sorted != (1..=ranks.len()).collect::<Vec<_>>() {
                    return None;
                }
                Some(ranks.iter().map(|r| roc[r - 1]).collect())
            }
            _ => None,
        }
    }

    /// Checks the strategy as entered; returns a message key on error.
    pub fn validate(&self) -> Result<(), &'static str> {
        if self.criteria.is_empty() {
            return Err("error-no-criteria");
        }
        let mut keys: Vec<&str> = self.criteria.iter().map(|c| c.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        if keys.len() != self.criteria.len() {
            return Err("error-duplicate-criterion");
        }
        if let Weights::Swing { intervals } = &self.weights
            && intervals
                .iter()
                .any(|(l, h)| !(l.is_finite() && h.is_finite() && *l >= 0.0 && l <= h))
        {
            return Err("error-weight-interval");
        }
        self.point_weights().map(|_| ()).ok_or("error-weights")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_strategy_has_the_four_points_equally_weighted() {
        let s = default_strategy();
        assert_eq!(s.criteria.len(), 4);
        assert_eq!(s.criteria[3].name_sv, "Påverkan");
        assert_eq!(s.point_weights().unwrap(), vec![0.25; 4]);
        assert!(s.validate().is_ok());
    }

    #[test]
    fn ranking_becomes_rank_order_centroid() {
        let mut s = default_strategy();
        s.weights = Weights::Ranking {
            ranks: vec![2, 1, 4, 3],
        };
        let w = s.point_weights().unwrap();
        assert!((w[1] - 0.5208).abs() < 1e-3);
        assert!((w[2] - 0.0625).abs() < 1e-3);
        s.weights = Weights::Ranking {
            ranks: vec![1, 1, 2, 3],
        };
        assert_eq!(s.validate(), Err("error-weights"));
    }

    #[test]
    fn bad_intervals_are_refused() {
        let mut s = default_strategy();
        s.weights = Weights::Swing {
            intervals: vec![(2.0, 1.0), (1.0, 1.0), (1.0, 1.0), (1.0, 1.0)],
        };
        assert_eq!(s.validate(), Err("error-weight-interval"));
    }
}
