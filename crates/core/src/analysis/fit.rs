//! Strategic fit: how well an organisation's themes serve the city's goals,
//! and whether its only rationale is geography rather than subject.
//!
//! The strategy lists goals one per line. A goal may name the themes that
//! serve it after a colon — `Miljöhuvudstad: climate, environment, energy` —
//! because the goals are the city's words and the themes the catalogue's,
//! and only the city can say which of the one serve the other. A goal
//! without themes cannot be matched and does not count; when no goal has
//! themes the fit is unknown (None), never guessed.

use serde::Serialize;

/// One of the city's goals with the organisation themes that serve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub name: String,
    /// Lower-cased, trimmed theme names; empty when the line names none.
    pub themes: Vec<String>,
}

impl Goal {
    /// Reads a strategy line `Name: theme, theme`. A line without a colon is
    /// a goal without themes; empty themes are dropped.
    pub fn parse(line: &str) -> Goal {
        let (name, themes) = match line.split_once(':') {
            Some((name, themes)) => (name, themes),
            None => (line, ""),
        };
        Goal {
            name: name.trim().to_string(),
            themes: themes
                .split([',', ';'])
                .map(normalise)
                .filter(|t| !t.is_empty())
                .collect(),
        }
    }
}

/// How an organisation's themes meet the goals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    /// Share 0–1 of the goals with themes that at least one organisation theme serves; None when no goal names themes.
    pub share: Option<f64>,
    /// Names of the goals served, in the strategy's order.
    pub served: Vec<String>,
    /// Every theme of the organisation is a place or region, none a subject.
    pub geography_only: bool,
}

fn normalise(theme: &str) -> String {
    theme
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Words that make a theme about where rather than what. Kept short and
/// explicit so a reader can see why a network was flagged.
const GEOGRAPHY_WORDS: [&str; 12] = [
    "baltic",
    "nordic",
    "europe",
    "european",
    "arctic",
    "mediterranean",
    "danube",
    "metropolitan",
    "metropolises",
    "regions",
    "region",
    "twinning",
];

fn is_geographic(theme: &str) -> bool {
    normalise(theme)
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| GEOGRAPHY_WORDS.contains(&word))
}

/// A goal theme and an organisation theme match when one equals the other
/// or contains it as whole words ("climate" serves "climate adaptation").
fn serves(goal_theme: &str, org_theme: &str) -> bool {
    let contains = |long: &str, short: &str| {
        let long: Vec<&str> = long.split_whitespace().collect();
        let short: Vec<&str> = short.split_whitespace().collect();
        !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
    };
    contains(goal_theme, org_theme) || contains(org_theme, goal_theme)
}

/// Assesses an organisation's `themes` against the strategy's goal lines.
pub fn assess(goal_lines: &[String], themes: &[String]) -> Fit {
    let goals: Vec<Goal> = goal_lines
        .iter()
        .map(|l| Goal::parse(l))
        .filter(|g| !g.themes.is_empty())
        .collect();
    let themes: Vec<String> = themes
        .iter()
        .map(|t| normalise(t))
        .filter(|t| !t.is_empty())
        .collect();
    let served: Vec<String> = goals
        .iter()
        .filter(|g| {
            g.themes
                .iter()
                .any(|gt| themes.iter().any(|t| serves(gt, t)))
        })
        .map(|g| g.name.clone())
        .collect();
    Fit {
        share: (!goals.is_empty()).then(|| served.len() as f64 / goals.len() as f64),
        served,
        geography_only: !themes.is_empty() && themes.iter().all(|t| is_geographic(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_goal_line_names_its_themes_after_a_colon() {
        let g = Goal::parse(" Miljöhuvudstad :  Climate,  environment ;energy, ");
        assert_eq!(g.name, "Miljöhuvudstad");
        assert_eq!(g.themes, ["climate", "environment", "energy"]);
        assert!(Goal::parse("Vision 2030").themes.is_empty());
    }

    #[test]
    fn share_of_goals_served() {
        let goals = lines(&[
            "Vision 2030: economic development, innovation",
            "Miljöhuvudstad: climate, environment",
            "Without themes",
        ]);
        let eurocities = assess(&goals, &lines(&["economic development", "environment"]));
        assert_eq!(eurocities.share, Some(1.0));
        let c40 = assess(&goals, &lines(&["Climate adaptation"]));
        assert_eq!(c40.share, Some(0.5));
        assert_eq!(c40.served, ["Miljöhuvudstad"]);
        let uclg = assess(
            &goals,
            &lines(&["development cooperation", "local democracy"]),
        );
        assert_eq!(uclg.share, Some(0.0));
        // "development" alone is not the goal theme "economic development".
        assert!(uclg.served.is_empty());
    }

    #[test]
    fn unknown_without_themed_goals() {
        let fit = assess(&lines(&["Vision 2030", ""]), &lines(&["climate"]));
        assert_eq!(fit.share, None);
    }

    #[test]
    fn geography_only_when_every_theme_is_a_place() {
        let none: Vec<String> = vec![];
        assert!(assess(&none, &lines(&["baltic sea cooperation"])).geography_only);
        assert!(
            assess(
                &none,
                &lines(&["Metropolitan regions", "Nordic cooperation"])
            )
            .geography_only
        );
        assert!(!assess(&none, &lines(&["baltic sea cooperation", "energy"])).geography_only);
        assert!(!assess(&none, &none).geography_only);
    }

    proptest! {
        #[test]
        fn share_is_a_fraction_and_served_goals_exist(
            goals in proptest::collection::vec("[a-z ,:;]{0,30}", 0..6),
            themes in proptest::collection::vec("[a-z ]{0,15}", 0..6),
        ) {
            let fit = assess(&goals, &themes);
            if let Some(s) = fit.share {
                prop_assert!((0.0..=1.0).contains(&s));
            }
            prop_assert!(fit.served.len() <= goals.len());
        }
    }
}
