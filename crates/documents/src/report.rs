//! The report's content, independent of format, and its fixed texts in
//! Swedish and English.

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub criterion: String,
    pub n: usize,
    pub dont_know: usize,
    pub median: String,
    pub median_ci: String,
    pub agree: String,
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
                }],
                benefit_index: Some(80.0 - 20.0 * i as f64),
                cost_index: 10.0 * i as f64,
                recommendation: category("sv", if i < 2 { "continue" } else { "terminate" }).into(),
                reasons: vec!["låg påverkan (median 2 av 5, n = 6)".into()],
                flags: vec![],
                probabilities: vec![("Fortsätt".into(), 0.7), ("Avsluta".into(), 0.3)],
                stability: vec![("Påverkan".into(), 0.2, 0.9)],
                texts: vec!["Långa resor & <dyra> möten".into()],
            })
            .collect(),
        sources: vec!["PM 2011:125 RI".into()],
    }
}
