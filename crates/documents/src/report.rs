//! The report's content, independent of format, and its fixed texts in
//! Swedish and English.

use oversyn_core::analysis::sensitivity::Sweep;
use oversyn_i18n::{Lang, Text};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub criterion: String,
    pub n: usize,
    pub dont_know: usize,
    pub median: String,
    pub median_ci: String,
    pub agree: String,
    /// Answers 1..=5 at index 0..=4 ("don't know" not among them); zeros when suppressed.
    pub distribution: [usize; 5],
    /// Fewer respondents than the review's threshold: nothing but n is shown.
    pub suppressed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub label: String,
    pub name: String,
    pub body: String,
    pub fee: String,
    pub facts: Vec<String>,
    pub seats: Vec<String>,
    pub results: Vec<ResultRow>,
    pub benefit_index: Option<f64>,
    pub cost_index: f64,
    pub recommendation: String,
    pub reasons: Vec<String>,
    pub flags: Vec<String>,
    pub probabilities: Vec<(String, f64)>,
    pub stability: Vec<(String, f64, f64)>,
    pub texts: Vec<String>,
    /// Each criterion's weighted contribution to the benefit index, aligned
    /// with [`Report::criteria`]; None where there is no evidence.
    pub contributions: Vec<Option<f64>>,
    /// SMAA probability of every category, by code, in the order of
    /// [`oversyn_core::analysis::Category`], zeros included.
    pub shares: Vec<(String, f64)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `sv` or `en`.
    pub lang: Lang,
    pub city: String,
    pub review_title: String,
    pub date: String,
    pub illustrative: bool,
    pub criteria: Vec<(String, f64)>,
    pub questions: Vec<String>,
    pub respondents: usize,
    pub answered: usize,
    pub sections: Vec<Section>,
    pub sources: Vec<String>,
    /// Weight sensitivity per criterion; lines in the order of `sections`.
    pub sweeps: Vec<Sweep>,
}

impl Report {
    pub fn t(&self, key: &str) -> String {
        text(self.lang, key)
    }

    /// The text for `key` with its `{ $name }` places filled.
    pub fn fill(&self, key: &str, pairs: &[(&'static str, &str)]) -> String {
        let values: Vec<(&'static str, String)> =
            pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        self.lang.t_args(&format!("review-report-{key}"), &values)
    }

    /// Header and rows of the summary table, the same in every format.
    pub fn summary_table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let header = vec![
            self.t("organisation"),
            self.t("recommendation"),
            self.t("benefit"),
            self.t("cost"),
        ];
        let rows = self
            .sections
            .iter()
            .map(|x| {
                vec![
                    x.label.clone(),
                    x.recommendation.clone(),
                    num(x.benefit_index),
                    num(Some(x.cost_index)),
                ]
            })
            .collect();
        (header, rows)
    }

    pub fn criteria_table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        (
            vec![self.t("criterion"), "%".to_owned()],
            self.criteria
                .iter()
                .map(|(n, w)| vec![n.clone(), format!("{:.0} %", w * 100.0)])
                .collect(),
        )
    }

    pub fn results_table(&self, x: &Section) -> (Vec<String>, Vec<Vec<String>>) {
        let header = vec![
            self.t("criterion"),
            "n".to_owned(),
            self.t("dont-know"),
            self.t("median"),
            self.t("interval"),
            self.t("agree"),
        ];
        let rows = x
            .results
            .iter()
            .map(|q| {
                vec![
                    q.criterion.clone(),
                    q.n.to_string(),
                    q.dont_know.to_string(),
                    q.median.clone(),
                    q.median_ci.clone(),
                    q.agree.clone(),
                ]
            })
            .collect();
        (header, rows)
    }

    /// The facts list of a section: who holds it, the fee, then sourced facts.
    pub fn facts(&self, x: &Section) -> Vec<String> {
        let mut facts = vec![
            format!("{}: {}", self.t("held-by"), x.body),
            format!("{}: {}", self.t("fee"), x.fee),
        ];
        facts.extend(x.facts.iter().cloned());
        facts
    }
}

impl Section {
    pub fn probability_lines(&self) -> Vec<String> {
        self.probabilities
            .iter()
            .map(|(c, p)| format!("{c}: {:.0} %", p * 100.0))
            .collect()
    }

    pub fn stability_lines(&self) -> Vec<String> {
        self.stability
            .iter()
            .map(|(c, l, h)| format!("{c}: {:.0}–{:.0} %", l * 100.0, h * 100.0))
            .collect()
    }
}

/// The report's fixed wording (`report.ftl` in oversyn-i18n).
pub fn text(lang: Lang, key: &str) -> String {
    lang.t(&format!("review-report-{key}"))
}

/// The name of a recommendation category code, as the report writes it.
pub fn category(lang: Lang, code: &str) -> String {
    let key = match code {
        "deepen" | "continue" | "reduce" | "terminate" => code,
        _ => "insufficient",
    };
    lang.t(&format!("review-report-category-{key}"))
}

pub fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "–".into())
}

#[cfg(test)]
pub(crate) fn sample() -> Report {
    Report {
        lang: Lang::Sv,
        city: "Stockholms stad".into(),
        review_title: "Översyn 2011".into(),
        date: "2011-03-24".into(),
        illustrative: true,
        criteria: vec![("Positionering".into(), 0.25), ("Påverkan".into(), 0.75)],
        questions: vec!["Medlemskapet stärker stadens position.".into()],
        respondents: 24,
        answered: 24,
        sections: ["EUROCITIES", "Metropolis", "UCLG", "C40"]
            .iter()
            .enumerate()
            .map(|(i, l)| Section {
                label: l.to_string(),
                name: format!("{l} (full name)"),
                body: "Kommunstyrelsen".into(),
                fee: "Okänd".into(),
                facts: vec!["Grundad 1986 (källa: example.org, 2023)".into()],
                seats: vec!["Styrelseplats".into()],
                results: vec![ResultRow {
                    criterion: "Påverkan".into(),
                    n: 12,
                    dont_know: 0,
                    median: "4".into(),
                    median_ci: "3–5".into(),
                    agree: "67 %".into(),
                    distribution: [0, 1, 3, 5, 3],
                    suppressed: false,
                }],
                benefit_index: Some(80.0 - 20.0 * i as f64),
                cost_index: 10.0 * i as f64,
                recommendation: category(Lang::Sv, if i < 2 { "continue" } else { "terminate" }),
                reasons: vec!["låg påverkan (median 2 av 5, n = 6)".into()],
                flags: vec![],
                probabilities: vec![("Fortsätt".into(), 0.7), ("Avsluta".into(), 0.3)],
                stability: vec![("Påverkan".into(), 0.2, 0.9)],
                texts: vec!["Långa resor & <dyra> möten".into()],
                contributions: vec![Some(20.0 - 5.0 * i as f64), Some(60.0 - 15.0 * i as f64)],
                shares: [
                    ("deepen", 0.0),
                    ("continue", 0.7),
                    ("reduce", 0.0),
                    ("terminate", 0.3),
                ]
                .iter()
                .map(|(c, p)| (c.to_string(), *p))
                .collect(),
            })
            .collect(),
        sources: vec!["PM 2011:125 RI".into()],
        sweeps: sample_sweeps(),
    }
}

/// Sweeps for the sample: straight lines from 80, 60, 40, 20 at weight 0 to
/// 20, 40, 60, 80 at weight 1, with one crossover and one category change.
#[cfg(test)]
fn sample_sweeps() -> Vec<Sweep> {
    use oversyn_core::analysis::Category;
    use oversyn_core::analysis::sensitivity::{CategoryChange, Crossover, Line};
    let lines: Vec<Line> = (0..4)
        .map(|i| Line {
            rest_value: 80.0 - 20.0 * i as f64,
            rest_weight: 1.0,
            own: Some(20.0 + 20.0 * i as f64),
        })
        .collect();
    vec![
        Sweep {
            criterion: 0,
            current: 0.25,
            lines: lines.clone(),
            crossovers: vec![Crossover {
                weight: 0.5,
                index: 50.0,
                rises: 1,
                falls: 0,
            }],
            changes: vec![CategoryChange {
                membership: 2,
                weight: 0.4,
                index: Some(48.0),
                from: Category::Terminate,
                to: Category::Reduce,
            }],
        },
        Sweep {
            criterion: 1,
            current: 0.75,
            lines,
            crossovers: Vec::new(),
            changes: Vec::new(),
        },
    ]
}
