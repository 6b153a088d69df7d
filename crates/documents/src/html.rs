//! The report as a standalone HTML page (escaped; for `oversyn report --format html`).

use crate::charts::{Figure, Look};
use crate::figures::Figures;
use crate::report::{Report, num, text};
use oversyn_core::Lang;

pub(crate) fn e(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn ul(items: &[String]) -> String {
    format!(
        "<ul>{}</ul>",
        items
            .iter()
            .map(|i| format!("<li>{}</li>", e(i)))
            .collect::<String>()
    )
}

/// A figure as HTML: the SVG (with its own title and description), the
/// caption, and the numbers as a table — inside a disclosure on the page
/// (`folded`), in the open in the report. Text is escaped here; the SVG
/// comes from plotters, which escapes the labels it writes.
pub fn figure(f: &Figure, lang: Lang, folded: bool) -> String {
    let picture = f
        .svg(Look::SCREEN)
        .unwrap_or_else(|_| format!("<p>{}</p>", e(&text(lang, "chart-failed"))));
    // Folded, the disclosure's summary names the table; open, a caption does.
    let caption = if folded {
        String::new()
    } else {
        format!("<caption>{}</caption>", e(&text(lang, "table")))
    };
    let mut table = format!("<div class=\"table-wrap\"><table>{caption}<thead><tr>");
    for h in &f.table.header {
        table.push_str(&format!("<th scope=\"col\">{}</th>", e(h)));
    }
    table.push_str("</tr></thead><tbody>");
    for row in &f.table.rows {
        table.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                table.push_str(&format!("<th scope=\"row\">{}</th>", e(cell)));
            } else {
                table.push_str(&format!("<td>{}</td>", e(cell)));
            }
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table></div>");
    if folded {
        table = format!(
            "<details><summary>{}</summary>{table}</details>",
            e(&text(lang, "table"))
        );
    }
    format!(
        "<figure class=\"chart\" id=\"{}\">{picture}<figcaption>{}</figcaption>{table}</figure>",
        e(&f.key),
        e(&f.title)
    )
}

pub fn page(r: &Report, figures: &Figures) -> String {
    let mut h = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main>",
        e(r.lang.code()),
        e(&r.t("title"))
    );
    h.push_str(&format!(
        "<h1>{}</h1><p>{} · {} · {}</p>",
        e(&r.t("title")),
        e(&r.city),
        e(&r.review_title),
        e(&r.date)
    ));
    if r.illustrative {
        h.push_str(&format!(
            "<p><strong>{}</strong></p>",
            e(&r.t("illustrative"))
        ));
    }
    h.push_str(&format!("<h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>", e(&r.t("summary")), e(&r.t("organisation")), e(&r.t("recommendation")), e(&r.t("benefit")), e(&r.t("cost"))));
    for x in &r.sections {
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&x.label),
            e(&x.recommendation),
            num(x.benefit_index),
            num(Some(x.cost_index))
        ));
    }
    h.push_str("</tbody></table>");
    for f in &figures.overview {
        h.push_str(&figure(f, r.lang, false));
    }
    h.push_str(&format!(
        "<h2>{}</h2><p>{}</p>",
        e(&r.t("method")),
        e(&r.t("method-text"))
    ));
    h.push_str(&format!("<h2>{}</h2>", e(&r.t("answers"))));
    for f in &figures.answers {
        h.push_str(&figure(f, r.lang, false));
    }
    for x in &r.sections {
        h.push_str(&format!(
            "<section><h2>{}</h2><p><strong>{}: {}</strong></p><h3>{}</h3>{}",
            e(&x.name),
            e(&r.t("recommendation")),
            e(&x.recommendation),
            e(&r.t("reasons")),
            ul(&x.reasons)
        ));
        // The same facts (held by, fee, catalogue facts) and seats as the
        // PDF and DOCX give.
        let seats = if x.seats.is_empty() {
            format!("<p>{}</p>", e(&r.t("none")))
        } else {
            ul(&x.seats)
        };
        h.push_str(&format!(
            "<h3>{}</h3>{}<h3>{}</h3>{seats}</section>",
            e(&r.t("facts")),
            ul(&r.facts(x)),
            e(&r.t("seats")),
        ));
    }
    h.push_str(&format!(
        "<h2>{}</h2><p>{}</p>",
        e(&r.t("sensitivity")),
        e(&r.t("sensitivity-text"))
    ));
    for x in &r.sections {
        h.push_str(&format!(
            "<h3>{}</h3>{}",
            e(&x.label),
            ul(&x.stability_lines())
        ));
    }
    for f in &figures.sensitivity {
        h.push_str(&figure(f, r.lang, false));
    }
    h.push_str(&format!(
        "<h2>{}</h2>{}</main></body></html>",
        e(&r.t("sources")),
        ul(&r.sources)
    ));
    h
}

#[cfg(test)]
mod tests {
    use oversyn_core::Lang;

    #[test]
    fn html_escapes_user_text() {
        let mut r = crate::report::sample();
        r.sections[0].reasons = vec!["<script>x</script>".into()];
        r.sections[1].label = "<script>y</script>".into();
        let h = super::page(&r, &crate::figures::figures(&r));
        assert!(h.contains("&lt;script&gt;") && !h.contains("<script>"));
    }

    #[test]
    fn the_report_embeds_every_chart_with_its_table() {
        let r = crate::report::sample();
        let figures = crate::figures::figures(&r);
        let h = super::page(&r, &figures);
        let total = figures.all().count();
        assert_eq!(h.matches("<svg").count(), total);
        assert_eq!(h.matches("<figure class=\"chart\"").count(), total);
        assert_eq!(h.matches("<table><caption>").count(), total);
        assert!(h.contains("role=\"img\""));
        assert!(!h.contains("style="), "no inline styles for the CSP");
        assert!(
            !h.contains("<details>"),
            "tables are in the open in the report"
        );
        assert!(
            super::figure(&figures.overview[0], Lang::Sv, true)
                .contains("<details><summary>Siffrorna som tabell</summary>")
        );
    }

    #[test]
    fn each_section_shows_its_fee_and_seats_as_the_pdf_does() {
        let mut r = crate::report::sample();
        r.sections[0].fee = "16 300 EUR (2011)".into();
        r.sections[0].seats = vec!["Executive Committee (board seat): Sten Nordin".into()];
        r.sections[1].seats.clear();
        let h = super::page(&r, &crate::figures::figures(&r));
        assert!(h.contains("16 300 EUR (2011)"), "the fee");
        assert!(
            h.contains("Executive Committee (board seat): Sten Nordin"),
            "the seats"
        );
        assert!(
            h.contains("Inga registrerade."),
            "a section without seats says so"
        );
    }
}
