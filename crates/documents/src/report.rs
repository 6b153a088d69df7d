//! The report's content, independent of format, and its fixed texts in
//! Swedish and English.

use oversyn_core::analysis::sensitivity::Sweep;
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
    pub lang: String,
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
    pub fn t(&self, key: &str) -> &'static str {
        text(&self.lang, key)
    }

    /// Header and rows of the summary table, the same in every format.
    pub fn summary_table(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
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

    pub fn criteria_table(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        (
            vec![self.t("criterion"), "%"],
            self.criteria
                .iter()
                .map(|(n, w)| vec![n.clone(), format!("{:.0} %", w * 100.0)])
                .collect(),
        )
    }

    pub fn results_table(&self, x: &Section) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            self.t("criterion"),
            "n",
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

/// The report's fixed wording.
pub fn text(lang: &str, key: &str) -> &'static str {
    let en = lang == "en";
    match key {
        "title" if en => "Report on the city's engagement in international organisations",
        "title" => "Rapport avseende stadens engagemang i internationella organisationer",
        "summary" if en => "Summary of recommendations",
        "summary" => "Sammanfattning av rekommendationerna",
        "method" if en => "Method",
        "method" => "Metod",
        "method-text" if en => {
            "The review asked officials and politicians active in each organisation how the membership serves the main points of the city's international strategy. Answers on a five-point scale are turned into a benefit of 0–100 per criterion (\"don't know\" excluded) and combined with the strategy's weights into a benefit index. Cost and effort are kept separate. Rules turn the results into a recommendation with written reasons; SMAA shows how often each outcome follows when the weights vary within their intervals, and the stability intervals show how far each weight can move before the recommendation changes."
        }
        "method-text" => {
            "I översynen fick tjänstepersoner och politiker som är aktiva i respektive organisation svara på hur medlemskapet tjänar huvudpunkterna i stadens internationella strategi. Svar på en femgradig skala räknas om till en nytta 0–100 per kriterium (\"vet ej\" räknas inte) och vägs samman med strategins vikter till ett nyttoindex. Kostnad och insats redovisas för sig. Regler ger en rekommendation med utskrivna skäl; SMAA visar hur ofta varje utfall följer när vikterna varierar inom sina intervall, och stabilitetsintervallen visar hur långt varje vikt kan flyttas innan rekommendationen ändras."
        }
        "criteria" if en => "Criteria and weights",
        "criteria" => "Kriterier och vikter",
        "questions" if en => "Questions",
        "questions" => "Frågor",
        "response" if en => "Response",
        "response" => "Svar",
        "organisation" if en => "Organisation",
        "organisation" => "Organisation",
        "recommendation" if en => "Recommendation",
        "recommendation" => "Rekommendation",
        "benefit" if en => "Benefit index",
        "benefit" => "Nyttoindex",
        "cost" if en => "Cost index",
        "cost" => "Kostnadsindex",
        "facts" if en => "Facts",
        "facts" => "Fakta",
        "held-by" if en => "Held by",
        "held-by" => "Innehas av",
        "fee" if en => "Annual fee",
        "fee" => "Årsavgift",
        "seats" if en => "Seats and participation",
        "seats" => "Platser och deltagande",
        "results" if en => "Survey results",
        "results" => "Enkätresultat",
        "criterion" if en => "Criterion",
        "criterion" => "Kriterium",
        "dont-know" if en => "Don't know",
        "dont-know" => "Vet ej",
        "median" => "Median",
        "interval" if en => "95 % interval",
        "interval" => "95 % intervall",
        "agree" if en => "Agree",
        "agree" => "Instämmer",
        "reasons" if en => "Reasons",
        "reasons" => "Skäl",
        "comments" if en => "Comments (without names)",
        "comments" => "Kommentarer (utan namn)",
        "probabilities" if en => "Probability of each outcome (SMAA)",
        "probabilities" => "Sannolikhet för varje utfall (SMAA)",
        "sensitivity" if en => "Appendix: sensitivity",
        "sensitivity" => "Bilaga: känslighet",
        "sensitivity-text" if en => {
            "Weight interval per criterion within which each recommendation holds."
        }
        "sensitivity-text" => {
            "Viktintervall per kriterium inom vilket varje rekommendation står sig."
        }
        "sources" if en => "Sources",
        "sources" => "Källor",
        "illustrative" if en => {
            "The answers in this review are illustrative examples, not real answers."
        }
        "illustrative" => "Svaren i denna översyn är illustrativa exempel, inte verkliga svar.",
        "chart" if en => "Benefit and cost per membership",
        "chart" => "Nytta och kostnad per medlemskap",
        "none" if en => "None recorded.",
        "none" => "Inga registrerade.",
        "chart-plane-text" if en => {
            "Each point is a membership: benefit index (0–100) upwards, cost index (0–100) to the right. Memberships at the same point share a label; those without a benefit index are not shown."
        }
        "chart-plane-text" => {
            "Varje punkt är ett medlemskap: nyttoindex (0–100) uppåt, kostnadsindex (0–100) åt höger. Medlemskap på samma punkt delar etikett; de utan nyttoindex visas inte."
        }
        "chart-probabilities" if en => "Probability of each recommendation (SMAA)",
        "chart-probabilities" => "Sannolikhet för varje rekommendation (SMAA)",
        "chart-probabilities-text" if en => {
            "Each bar is one membership: the share of draws of the weights within their intervals that give each recommendation."
        }
        "chart-probabilities-text" => {
            "Varje stapel är ett medlemskap: andelen dragningar av vikterna inom sina intervall som ger respektive rekommendation."
        }
        "chart-contributions" if en => "Contribution of each criterion to the benefit index",
        "chart-contributions" => "Kriteriernas bidrag till nyttoindex",
        "chart-contributions-text" if en => {
            "Each bar is one membership's benefit index, divided into the weighted contributions of the criteria; the number at its end is the index."
        }
        "chart-contributions-text" => {
            "Varje stapel är ett medlemskaps nyttoindex, uppdelat på kriteriernas viktade bidrag; talet vid stapelns slut är indexet."
        }
        "answers" if en => "Answers per criterion",
        "answers" => "Svar per kriterium",
        "chart-answers" if en => "Answers on {c}",
        "chart-answers" => "Svar om {c}",
        "chart-answers-text" if en => {
            "Share of answers 1–5 to the questions on {c} per membership: 1–2 left of zero, 4–5 right of it, 3 split across zero. Don't know is not counted; n is given beside each bar, and groups below the review's threshold are not shown."
        }
        "chart-answers-text" => {
            "Andel svar 1–5 på frågorna om {c} per medlemskap: 1–2 till vänster om noll, 4–5 till höger, 3 delat över noll. Vet ej räknas inte; n står vid varje stapel, och grupper under översynens gräns visas inte."
        }
        "scale-low" if en => "1 strongly disagree",
        "scale-low" => "1 instämmer inte alls",
        "scale-high" if en => "5 strongly agree",
        "scale-high" => "5 instämmer helt",
        "too-few" if en => "too few answers to show",
        "too-few" => "för få svar för att visas",
        "no-index" if en => "no benefit index",
        "no-index" => "inget nyttoindex",
        "chart-sensitivity" if en => "Sensitivity to the weight of {c}",
        "chart-sensitivity" => "Känslighet för vikten på {c}",
        "chart-sensitivity-text" if en => {
            "Each line is one membership's benefit index as the weight of {c} runs from 0 to 100 % (today {w}) and the other weights keep their proportions. Rings mark where the ranking changes, triangles where a recommendation changes."
        }
        "chart-sensitivity-text" => {
            "Varje linje är ett medlemskaps nyttoindex när vikten för {c} går från 0 till 100 % (i dag {w}) och de andra vikterna behåller sina proportioner. Ringar visar var rangordningen ändras, trianglar var en rekommendation ändras."
        }
        "sensitivity-charts" if en => "Sensitivity to the weights",
        "sensitivity-charts" => "Känslighet för vikterna",
        "sensitivity-charts-text" if en => {
            "One chart per criterion: how each benefit index moves when that criterion's weight runs from 0 to 100 % and the others keep their proportions."
        }
        "sensitivity-charts-text" => {
            "Ett diagram per kriterium: hur varje nyttoindex rör sig när kriteriets vikt går från 0 till 100 % och de andra behåller sina proportioner."
        }
        "weight-of" if en => "Weight of {c}",
        "weight-of" => "Vikt för {c}",
        "now" if en => "now {w}",
        "now" => "nu {w}",
        "ranking-changes" if en => "ranking changes",
        "ranking-changes" => "rangordningen ändras",
        "recommendation-changes" if en => "recommendation changes",
        "recommendation-changes" => "rekommendationen ändras",
        "passes" if en => "{a} passes {b}",
        "passes" => "{a} går förbi {b}",
        "changes-to" if en => "{m}: {from} becomes {to}",
        "changes-to" => "{m}: {from} blir {to}",
        "nothing-changes" if en => "Neither the ranking nor any recommendation changes.",
        "nothing-changes" => "Varken rangordningen eller någon rekommendation ändras.",
        "weight" if en => "Weight",
        "weight" => "Vikt",
        "event" if en => "What happens",
        "event" => "Vad som händer",
        "chart-failed" if en => "The chart could not be drawn; the table below has its numbers.",
        "chart-failed" => "Diagrammet kunde inte ritas; tabellen nedan har dess siffror.",
        "table" if en => "The numbers as a table",
        "table" => "Siffrorna som tabell",
        _ => "",
    }
}

/// The Swedish or English name of a recommendation category code.
pub fn category(lang: &str, code: &str) -> &'static str {
    match (lang == "en", code) {
        (true, "deepen") => "Deepen",
        (true, "continue") => "Continue",
        (true, "reduce") => "Reduce",
        (true, "terminate") => "Terminate",
        (true, _) => "Insufficient evidence",
        (false, "deepen") => "Fördjupa",
        (false, "continue") => "Fortsätt",
        (false, "reduce") => "Minska",
        (false, "terminate") => "Avsluta",
        (false, _) => "Underlaget räcker inte",
    }
}

pub fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "–".into())
}

#[cfg(test)]
pub(crate) fn sample() -> Report {
    Report {
        lang: "sv".into(),
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
                recommendation: category("sv", if i < 2 { "continue" } else { "terminate" }).into(),
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
