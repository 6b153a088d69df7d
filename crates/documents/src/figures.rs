//! The charts of the review report, built from the report's content with
//! Swedish or English labels, each with its title, a sentence saying what
//! it shows and its numbers as a table. The analysis page shows the same.

use crate::charts::{
    Chart, Contributions, Diverging, DivergingRow, Figure, Plane, Probabilities, Sensitivity, Table,
};
use crate::report::{Report, category, num};
use oversyn_core::analysis::sensitivity::Sweep;

/// Points per line of a sensitivity chart (weights 0, 1 %, …, 100 %).
const STEPS: usize = 100;

/// The report's figures, grouped by where they stand.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Benefit and cost, probabilities, contributions: beside the summary.
    pub overview: Vec<Figure>,
    /// One diverging chart per criterion: the survey's answers.
    pub answers: Vec<Figure>,
    /// One sensitivity chart per criterion: the appendix.
    pub sensitivity: Vec<Figure>,
}

impl Figures {
    pub fn all(&self) -> impl Iterator<Item = &Figure> {
        self.overview
            .iter()
            .chain(&self.answers)
            .chain(&self.sensitivity)
    }
}

fn pct(v: f64) -> String {
    format!("{:.0} %", v * 100.0)
}

pub fn figures(r: &Report) -> Figures {
    let mut answers = Vec::new();
    for (k, (criterion, _)) in r.criteria.iter().enumerate() {
        answers.push(diverging(r, k, criterion));
    }
    let sensitivity = r
        .sweeps
        .iter()
        .filter_map(|s| {
            let (criterion, _) = r.criteria.get(s.criterion)?;
            Some(sensitivity(r, s, criterion))
        })
        .collect();
    Figures {
        overview: vec![plane(r), probabilities(r), contributions(r)],
        answers,
        sensitivity,
    }
}

fn plane(r: &Report) -> Figure {
    let points = r
        .sections
        .iter()
        .filter_map(|s| s.benefit_index.map(|b| (s.label.clone(), b, s.cost_index)))
        .collect();
    let (header, rows) = r.summary_table();
    Figure {
        key: "chart-plane".into(),
        title: r.t("chart"),
        summary: r.t("chart-plane-text"),
        table: Table {
            header: header.into_iter().collect(),
            rows,
        },
        chart: Chart::Plane(Plane {
            points,
            benefit: r.t("benefit"),
            cost: r.t("cost"),
        }),
    }
}

fn probabilities(r: &Report) -> Figure {
    // Insufficient evidence only gets a colour where it occurs.
    let codes: Vec<&str> = [
        "deepen",
        "continue",
        "reduce",
        "terminate",
        "insufficient_evidence",
    ]
    .into_iter()
    .filter(|code| {
        *code != "insufficient_evidence"
            || r.sections
                .iter()
                .any(|s| s.shares.iter().any(|(c, p)| c == code && *p > 0.0))
    })
    .collect();
    let share = |s: &crate::report::Section, code: &str| {
        s.shares
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0.0, |(_, p)| *p)
    };
    let categories: Vec<(String, String)> = codes
        .iter()
        .map(|c| (c.to_string(), category(r.lang, c).to_owned()))
        .collect();
    let mut header = vec![r.t("organisation").to_owned()];
    header.extend(categories.iter().map(|(_, n)| n.clone()));
    Figure {
        key: "chart-probabilities".into(),
        title: r.t("chart-probabilities"),
        summary: r.t("chart-probabilities-text"),
        table: Table {
            header,
            rows: r
                .sections
                .iter()
                .map(|s| {
                    let mut row = vec![s.label.clone()];
                    row.extend(codes.iter().map(|c| pct(share(s, c))));
                    row
                })
                .collect(),
        },
        chart: Chart::Probabilities(Probabilities {
            categories,
            rows: r
                .sections
                .iter()
                .map(|s| (s.label.clone(), codes.iter().map(|c| share(s, c)).collect()))
                .collect(),
        }),
    }
}

fn contributions(r: &Report) -> Figure {
    let criteria: Vec<String> = r.criteria.iter().map(|(c, _)| c.clone()).collect();
    let mut header = vec![r.t("organisation").to_owned()];
    header.extend(criteria.iter().cloned());
    header.push(r.t("benefit"));
    Figure {
        key: "chart-contributions".into(),
        title: r.t("chart-contributions"),
        summary: r.t("chart-contributions-text"),
        table: Table {
            header,
            rows: r
                .sections
                .iter()
                .map(|s| {
                    let mut row = vec![s.label.clone()];
                    row.extend((0..criteria.len()).map(|k| {
                        s.contributions
                            .get(k)
                            .copied()
                            .flatten()
                            .map_or_else(|| "–".into(), |v| format!("{v:.1}"))
                    }));
                    row.push(num(s.benefit_index));
                    row
                })
                .collect(),
        },
        chart: Chart::Contributions(Contributions {
            criteria,
            rows: r
                .sections
                .iter()
                .map(|s| (s.label.clone(), s.contributions.clone()))
                .collect(),
            empty: r.t("no-index"),
        }),
    }
}

fn diverging(r: &Report, k: usize, criterion: &str) -> Figure {
    let rows: Vec<DivergingRow> = r
        .sections
        .iter()
        .map(|s| {
            let row = s.results.iter().find(|x| x.criterion == criterion);
            DivergingRow {
                label: s.label.clone(),
                counts: row.map_or([0; 5], |x| x.distribution),
                dont_know: row.map_or(0, |x| x.dont_know),
                suppressed: row.is_none_or(|x| x.suppressed),
            }
        })
        .collect();
    let dont_know = r.t("dont-know").to_lowercase();
    let notes = rows
        .iter()
        .map(|x| {
            let n: usize = x.counts.iter().sum();
            if x.suppressed {
                String::new()
            } else if x.dont_know > 0 {
                format!("n = {n} · {dont_know} {}", x.dont_know)
            } else {
                format!("n = {n}")
            }
        })
        .collect();
    let mut header = vec![r.t("organisation").to_owned()];
    header.extend(["1", "2", "3", "4", "5", "n"].map(String::from));
    header.push(r.t("dont-know"));
    let table = rows
        .iter()
        .map(|x| {
            let mut row = vec![x.label.clone()];
            if x.suppressed {
                row.extend(std::iter::repeat_n("–".to_owned(), 6));
                row.push(r.t("too-few"));
            } else {
                row.extend(x.counts.iter().map(|c| c.to_string()));
                row.push(x.counts.iter().sum::<usize>().to_string());
                row.push(x.dont_know.to_string());
            }
            row
        })
        .collect();
    Figure {
        key: format!("chart-answers-{}", k + 1),
        title: r.fill("chart-answers", &[("c", criterion)]),
        summary: r.fill("chart-answers-text", &[("c", &criterion.to_lowercase())]),
        table: Table {
            header,
            rows: table,
        },
        chart: Chart::Diverging(Diverging {
            rows,
            legend: [
                r.t("scale-low").to_owned(),
                "2".into(),
                "3".into(),
                "4".into(),
                r.t("scale-high").to_owned(),
            ],
            notes,
            empty: r.t("too-few"),
        }),
    }
}

/// What happens along the sweep, in order of weight: (weight, sentence).
fn events(r: &Report, s: &Sweep) -> Vec<(f64, String)> {
    let label = |m: usize| r.sections.get(m).map_or("?", |x| x.label.as_str());
    let mut out: Vec<(f64, String)> = s
        .crossovers
        .iter()
        .map(|c| {
            (
                c.weight,
                r.fill("passes", &[("a", label(c.rises)), ("b", label(c.falls))]),
            )
        })
        .chain(s.changes.iter().map(|c| {
            (
                c.weight,
                r.fill(
                    "changes-to",
                    &[
                        ("m", label(c.membership)),
                        ("from", &category(r.lang, c.from.code()).to_lowercase()),
                        ("to", &category(r.lang, c.to.code()).to_lowercase()),
                    ],
                ),
            )
        }))
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

fn sensitivity(r: &Report, s: &Sweep, criterion: &str) -> Figure {
    let events = events(r, s);
    let rows = if events.is_empty() {
        vec![vec!["–".into(), r.t("nothing-changes")]]
    } else {
        events
            .iter()
            .map(|(w, e)| vec![format!("{:.1} %", w * 100.0), e.clone()])
            .collect()
    };
    let lower = criterion.to_lowercase();
    Figure {
        key: format!("chart-sensitivity-{}", s.criterion + 1),
        title: r.fill("chart-sensitivity", &[("c", &lower)]),
        summary: r.fill(
            "chart-sensitivity-text",
            &[("c", &lower), ("w", &pct(s.current))],
        ),
        table: Table {
            header: vec![r.t("weight"), r.t("event")],
            rows,
        },
        chart: Chart::Sensitivity(Sensitivity {
            x_desc: r.fill("weight-of", &[("c", &lower)]),
            y_desc: r.t("benefit"),
            current: s.current,
            now: r.fill("now", &[("w", &pct(s.current))]),
            lines: r
                .sections
                .iter()
                .zip(&s.lines)
                .map(|(x, l)| {
                    let points = (0..=STEPS).map(|k| l.at(k as f64 / STEPS as f64)).collect();
                    (x.label.clone(), points)
                })
                .collect(),
            crossovers: s.crossovers.iter().map(|c| (c.weight, c.index)).collect(),
            changes: s
                .changes
                .iter()
                .filter_map(|c| Some((c.weight, c.index?)))
                .collect(),
            legend: [r.t("ranking-changes"), r.t("recommendation-changes")],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{Look, testing};

    #[test]
    fn every_chart_of_the_sample_report_is_valid_svg_with_its_labels() {
        let r = crate::report::sample();
        let f = figures(&r);
        assert_eq!(f.overview.len(), 3);
        assert_eq!(f.answers.len(), r.criteria.len());
        assert_eq!(f.sensitivity.len(), r.sweeps.len());
        assert!(!f.sensitivity.is_empty());
        let mut keys = std::collections::BTreeSet::new();
        for fig in f.all() {
            assert!(keys.insert(fig.key.clone()), "duplicate key {}", fig.key);
            let svg = fig.svg(Look::SCREEN).unwrap();
            let doc = testing::parse(&svg);
            let texts = testing::texts(&doc);
            assert!(
                texts.iter().any(|t| t.contains("EUROCITIES")),
                "{}: {texts:?}",
                fig.key
            );
            testing::csp_safe(&svg);
            assert!(!fig.table.rows.is_empty() && !fig.summary.is_empty());
            for row in &fig.table.rows {
                assert_eq!(row.len(), fig.table.header.len(), "{}", fig.key);
            }
        }
    }

    #[test]
    fn the_sensitivity_table_tells_what_happens_in_words() {
        let r = crate::report::sample();
        let f = figures(&r);
        let s = &f.sensitivity[0];
        assert_eq!(s.title, "Känslighet för vikten på positionering");
        let rows: Vec<String> = s.table.rows.iter().map(|r| r.join(" ")).collect();
        assert!(
            rows.iter()
                .any(|r| r.contains("Metropolis går förbi EUROCITIES")),
            "{rows:?}"
        );
        assert!(
            rows.iter().any(|r| r.contains("UCLG: avsluta blir minska")),
            "{rows:?}"
        );
    }

    #[test]
    fn english_labels_in_an_english_report() {
        let mut r = crate::report::sample();
        r.lang = oversyn_core::Lang::En;
        let f = figures(&r);
        assert_eq!(
            f.overview[1].title,
            "Probability of each recommendation (SMAA)"
        );
        assert!(f.answers[0].title.starts_with("Answers on "));
        let svg = f.overview[1].svg(Look::SCREEN).unwrap();
        assert!(svg.contains("Terminate") || svg.contains("Continue"));
    }

    #[test]
    fn suppressed_answers_show_no_numbers() {
        let mut r = crate::report::sample();
        r.sections[1].results[0].suppressed = true;
        r.sections[1].results[0].distribution = [0; 5];
        let f = figures(&r);
        let fig = f
            .answers
            .iter()
            .find(|x| x.title.contains("Påverkan"))
            .unwrap();
        let row = &fig.table.rows[1];
        assert_eq!(row[0], "Metropolis");
        assert!(row[1..7].iter().all(|c| c == "–"));
    }
}
