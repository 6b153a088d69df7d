//! The report as typst source. Every text from the database is written as a
//! typst string literal, never as markup, so nothing a user typed can change
//! the document's structure.

use crate::charts::{Figure, Look};
use crate::figures::Figures;
use crate::report::Report;
use std::fmt::Write;

/// A typst string literal.
pub(crate) fn s(text: &str) -> String {
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

fn table(columns: usize, header: &[impl AsRef<str>], rows: &[Vec<String>]) -> String {
    let mut cells: Vec<String> = header
        .iter()
        .map(|h| format!("[*#{}*]", s(h.as_ref())))
        .collect();
    for r in rows {
        cells.extend(r.iter().map(|c| s(c)));
    }
    format!(
        "#table(columns: {columns}, stroke: 0.5pt + luma(180), inset: 5pt, {})\n",
        cells.join(", ")
    )
}

/// A figure: the chart as an image with its description as alternative
/// text, the caption, and the numbers as a small table under it.
fn figure(f: &Figure) -> String {
    let header: Vec<&str> = f.table.header.iter().map(String::as_str).collect();
    format!(
        "#figure(image({}, width: 100%, alt: {}), caption: {})\n#text(size: 8.5pt)[{}]\n",
        s(&f.file()),
        s(&f.summary),
        s(&f.title),
        table(header.len(), &header, &f.table.rows).trim_end()
    )
}

/// The SVG files the source refers to, drawn in the PDF's font.
pub fn files(figures: &Figures) -> Result<Vec<(String, Vec<u8>)>, String> {
    figures
        .all()
        .map(|f| Ok((f.file(), f.svg(Look::PRINT)?.into_bytes())))
        .collect()
}

pub fn source(r: &Report, figures: &Figures) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "#set document(title: {})", s(&r.t("title")));
    let _ = writeln!(
        t,
        "#set page(paper: \"a4\", margin: 2.5cm, numbering: \"1\", header: align(right, text(size: 9pt, {})))",
        s(&format!("{} – {}", r.city, r.review_title))
    );
    let _ = writeln!(
        t,
        "#set text(font: \"Libertinus Serif\", size: 11pt, lang: {})",
        s(r.lang.code())
    );
    let _ = writeln!(t, "#set heading(numbering: \"1.\")");
    // Hyphenation leaves soft hyphens in the text layer, and a search for
    // a hyphenated word then misses it.
    let _ = writeln!(t, "#set text(hyphenate: false)");
    let _ = writeln!(t, "#set par(justify: true)");
    let _ = writeln!(
        t,
        "#align(center + horizon)[#text(size: 22pt, weight: \"bold\", {})\n\n#text(size: 14pt, {})\n\n#text(size: 12pt, {})]",
        s(&r.t("title")),
        s(&r.city),
        s(&format!("{} · {}", r.review_title, r.date))
    );
    if r.illustrative {
        let _ = writeln!(
            t,
            "#align(center)[#text(fill: rgb(\"#7a4d00\"), {})]",
            s(&r.t("illustrative"))
        );
    }
    let heading = |t: &mut String, level: u8, text: &str| {
        let _ = writeln!(t, "#heading(level: {level}, {})", s(text));
    };
    let _ = writeln!(t, "#pagebreak()");
    heading(&mut t, 1, &r.t("summary"));
    let (h, rows) = r.summary_table();
    t.push_str(&table(h.len(), &h, &rows));
    for f in &figures.overview {
        t.push_str(&figure(f));
    }
    let _ = writeln!(t, "#pagebreak()");
    heading(&mut t, 1, &r.t("method"));
    let _ = writeln!(t, "#{}\n", s(&r.t("method-text")));
    heading(&mut t, 2, &r.t("criteria"));
    let (h, rows) = r.criteria_table();
    t.push_str(&table(h.len(), &h, &rows));
    heading(&mut t, 2, &r.t("questions"));
    t.push_str(&list(&r.questions));
    heading(&mut t, 2, &r.t("response"));
    let _ = writeln!(t, "#{}", s(&format!("{} / {}", r.answered, r.respondents)));
    heading(&mut t, 2, &r.t("answers"));
    for f in &figures.answers {
        t.push_str(&figure(f));
    }
    for x in &r.sections {
        let _ = writeln!(t, "#pagebreak()");
        heading(&mut t, 1, &x.name);
        let _ = writeln!(
            t,
            "#text(weight: \"bold\", {})\n",
            s(&format!("{}: {}", r.t("recommendation"), x.recommendation))
        );
        heading(&mut t, 2, &r.t("reasons"));
        t.push_str(&list(&x.reasons));
        heading(&mut t, 2, &r.t("facts"));
        t.push_str(&list(&r.facts(x)));
        heading(&mut t, 2, &r.t("seats"));
        if x.seats.is_empty() {
            let _ = writeln!(t, "#{}", s(&r.t("none")));
        }
        t.push_str(&list(&x.seats));
        heading(&mut t, 2, &r.t("results"));
        let (h, rows) = r.results_table(x);
        t.push_str(&table(h.len(), &h, &rows));
        heading(&mut t, 2, &r.t("probabilities"));
        t.push_str(&list(&x.probability_lines()));
        if !x.texts.is_empty() {
            heading(&mut t, 2, &r.t("comments"));
            t.push_str(&list(&x.texts));
        }
    }
    let _ = writeln!(t, "#pagebreak()");
    heading(&mut t, 1, &r.t("sensitivity"));
    let _ = writeln!(t, "#{}\n", s(&r.t("sensitivity-text")));
    for x in &r.sections {
        heading(&mut t, 2, &x.label);
        t.push_str(&list(&x.stability_lines()));
    }
    for f in &figures.sensitivity {
        t.push_str(&figure(f));
    }
    heading(&mut t, 1, &r.t("sources"));
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
        let r = crate::report::sample();
        let figures = crate::figures::figures(&r);
        let src = source(&r, &figures);
        assert!(src.contains("#heading(level: 1, \"EUROCITIES (full name)\")"));
        assert!(src.contains("\"Långa resor & <dyra> möten\""));
        // Every figure's file is referred to once and exists.
        let files = files(&figures).unwrap();
        assert_eq!(files.len(), figures.all().count());
        for (name, svg) in &files {
            assert_eq!(
                src.matches(&format!("image(\"{name}\"")).count(),
                1,
                "{name}"
            );
            assert!(String::from_utf8_lossy(svg).contains("Libertinus Serif"));
        }
    }
}
