//! The report as a standalone HTML page (escaped; for `oversyn report --format html`).

use crate::report::{Report, num};

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

pub fn page(r: &Report, chart_svg: &str) -> String {
    let mut h = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main>",
        e(&r.lang),
        e(r.t("title"))
    );
    h.push_str(&format!(
        "<h1>{}</h1><p>{} · {} · {}</p>",
        e(r.t("title")),
        e(&r.city),
        e(&r.review_title),
        e(&r.date)
    ));
    if r.illustrative {
        h.push_str(&format!(
            "<p><strong>{}</strong></p>",
            e(r.t("illustrative"))
        ));
    }
    h.push_str(&format!("<h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>", e(r.t("summary")), e(r.t("organisation")), e(r.t("recommendation")), e(r.t("benefit")), e(r.t("cost"))));
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
    h.push_str(&format!(
        "<figure>{chart_svg}<figcaption>{}</figcaption></figure>",
        e(r.t("chart"))
    ));
    h.push_str(&format!(
        "<h2>{}</h2><p>{}</p>",
        e(r.t("method")),
        e(r.t("method-text"))
    ));
    for x in &r.sections {
        h.push_str(&format!(
            "<section><h2>{}</h2><p><strong>{}: {}</strong></p><h3>{}</h3>{}",
            e(&x.name),
            e(r.t("recommendation")),
            e(&x.recommendation),
            e(r.t("reasons")),
            ul(&x.reasons)
        ));
        h.push_str(&format!(
            "<h3>{}</h3>{}</section>",
            e(r.t("facts")),
            ul(&x.facts)
        ));
    }
    h.push_str(&format!(
        "<h2>{}</h2>{}</main></body></html>",
        e(r.t("sources")),
        ul(&r.sources)
    ));
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_escapes_user_text() {
        let mut r = crate::report::sample();
        r.sections[0].reasons = vec!["<script>x</script>".into()];
        let h = super::page(&r, "<svg></svg>");
        assert!(h.contains("&lt;script&gt;") && !h.contains("<script>x"));
    }
}
