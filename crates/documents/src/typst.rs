//! The report as typst source. Every text from the database is written as a
//! typst string literal, never as markup, so nothing a user typed can change
//! the document's structure.

use crate::report::{Report, num};
use std::fmt::Write;

/// A typst string literal.
fn s(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    format!(
        "#list({})\n",
        items.iter().map(|i| s(i)).collect::<Vec<_>>().join(", ")
    )
}

fn table(columns: usize, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut cells: Vec<String> = header.iter().map(|h| format!("[*#{}*]", s(h))).collect();
    for r in rows {
        cells.extend(r.iter().map(|c| s(c)));
    }
    format!(
        "#table(columns: {columns}, stroke: 0.5pt + luma(180), inset: 5pt, {})\n",
        cells.join(", ")
    )
}

/// The name of the chart file the source refers to.
pub const CHART: &str = "benefit-cost.svg";

pub fn source(r: &Report) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "#set document(title: {})", s(r.t("title")));
    let _ = writeln!(
        t,
        "#set page(paper: \"a4\", margin: 2.5cm, numbering: \"1\", header: align(right, text(size: 9pt, {})))",
        s(&format!("{} – {}", r.city, r.review_title))
    );
    let _ = writeln!(
        t,
        "#set text(font: \"Libertinus Serif\", size: 11pt, lang: {})",
        s(&r.lang)
    );
    let _ = writeln!(t, "#set heading(numbering: \"1.\")");
    let _ = writeln!(t, "#set par(justify: true)");
    let _ = writeln!(
        t,
        "#align(center + horizon)[#text(size: 22pt, weight: \"bold\", {})\n\n#text(size: 14pt, {})\n\n#text(size: 12pt, {})]",
        s(r.t("title")),
        s(&r.city),
        s(&format!("{} · {}", r.review_title, r.date))
    );
    if r.illustrative {
        let _ = writeln!(
            t,
            "#align(center)[#text(fill: rgb(\"#7a4d00\"), {})]",
            s(r.t("illustrative"))
        );
    }
    let _ = writeln!(t, "#pagebreak()");
    let _ = writeln!(t, "#heading(level: 1, {})", s(r.t("summary")));
    let rows: Vec<Vec<String>> = r
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
    t.push_str(&table(
        4,
        &[
            r.t("organisation"),
            r.t("recommendation"),
            r.t("benefit"),
            r.t("cost"),
        ],
        &rows,
    ));
    let _ = writeln!(
        t,
        "#figure(image({}, width: 90%), caption: {})",
        s(CHART),
        s(r.t("chart"))
    );
    let _ = writeln!(t, "#pagebreak()");
    let _ = writeln!(t, "#heading(level: 1, {})", s(r.t("method")));
    let _ = writeln!(t, "#{}\n", s(r.t("method-text")));
    let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("criteria")));
    let crit: Vec<Vec<String>> = r
        .criteria
        .iter()
        .map(|(n, w)| vec![n.clone(), format!("{:.0} %", w * 100.0)])
        .collect();
    t.push_str(&table(2, &[r.t("criterion"), "%"], &crit));
    let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("questions")));
    t.push_str(&list(&r.questions));
    let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("response")));
    let _ = writeln!(t, "#{}", s(&format!("{} / {}", r.answered, r.respondents)));
    for x in &r.sections {
        let _ = writeln!(t, "#pagebreak()");
        let _ = writeln!(t, "#heading(level: 1, {})", s(&x.name));
        let _ = writeln!(
            t,
            "#text(weight: \"bold\", {})\n",
            s(&format!("{}: {}", r.t("recommendation"), x.recommendation))
        );
        let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("reasons")));
        t.push_str(&list(&x.reasons));
        let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("facts")));
        let mut facts = vec![
            format!("{}: {}", r.t("held-by"), x.body),
            format!("{}: {}", r.t("fee"), x.fee),
        ];
        facts.extend(x.facts.iter().cloned());
        t.push_str(&list(&facts));
        let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("seats")));
        if x.seats.is_empty() {
            let _ = writeln!(t, "#{}", s(r.t("none")));
        }
        t.push_str(&list(&x.seats));
        let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("results")));
        let rows: Vec<Vec<String>> = x
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
        t.push_str(&table(
            6,
            &[
                r.t("criterion"),
                "n",
                r.t("dont-know"),
                r.t("median"),
                r.t("interval"),
                r.t("agree"),
            ],
            &rows,
        ));
        let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("probabilities")));
        t.push_str(&list(
            &x.probabilities
                .iter()
                .map(|(c, p)| format!("{c}: {:.0} %", p * 100.0))
                .collect::<Vec<_>>(),
        ));
        if !x.texts.is_empty() {
            let _ = writeln!(t, "#heading(level: 2, {})", s(r.t("comments")));
            t.push_str(&list(&x.texts));
        }
    }
    let _ = writeln!(t, "#pagebreak()");
    let _ = writeln!(t, "#heading(level: 1, {})", s(r.t("sensitivity")));
    let _ = writeln!(t, "#{}\n", s(r.t("sensitivity-text")));
    for x in &r.sections {
        let _ = writeln!(t, "#heading(level: 2, {})", s(&x.label));
        t.push_str(&list(
            &x.stability
                .iter()
                .map(|(c, l, h)| format!("{c}: {:.0}–{:.0} %", l * 100.0, h * 100.0))
                .collect::<Vec<_>>(),
        ));
    }
    let _ = writeln!(t, "#heading(level: 1, {})", s(r.t("sources")));
    t.push_str(&list(&r.sources));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_stays_text() {
        assert_eq!(
            s("a \"quoted\" #heading \\ x"),
            "\"a \\\"quoted\\\" #heading \\\\ x\""
        );
        let src = source(&crate::report::sample());
        assert!(src.contains("#heading(level: 1, \"EUROCITIES (full name)\")"));
        assert!(src.contains("\"Långa resor & <dyra> möten\""));
        assert!(src.contains(CHART));
    }
}
