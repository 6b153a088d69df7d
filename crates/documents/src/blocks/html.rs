//! A block document as a standalone, escaped HTML page.

use super::{Block, Doc};
use crate::html::e;

pub fn html(d: &Doc) -> String {
    let mut h = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main class=\"document\">",
        e(d.lang.code()),
        e(&d.title)
    );
    h.push_str(&fragment_at(d, 1));
    h.push_str("</main></body></html>");
    h
}

/// The body alone, for showing a document inside an app page under the
/// page's own `h1`: the document's headings start at `h2`.
pub fn fragment(d: &Doc) -> String {
    fragment_at(d, 2)
}

/// The body with the document's title at heading level `top`. A heading
/// never goes more than one level below the one before it (a document may
/// have a subheading straight after its title), so screen-reader users
/// find no gaps in the outline.
pub fn fragment_at(d: &Doc, top: usize) -> String {
    let mut h = String::new();
    let mut in_list = false;
    let mut last = top - 1;
    let mut heading = |nominal: usize, t: &str| {
        let level = (top - 1 + nominal).min(last + 1).min(6);
        last = level;
        format!("<h{level}>{}</h{level}>", e(t))
    };
    for b in &d.blocks {
        let is_point = matches!(b, Block::Point { .. });
        if in_list && !is_point {
            h.push_str("</div>");
        }
        // The points carry their own labels ("1.", "a)"), so they are not an
        // <ol>, whose markers would print "1. 1." without a stylesheet.
        if is_point && !in_list {
            h.push_str("<div class=\"points\" role=\"list\">");
        }
        in_list = is_point;
        h.push_str(&match b {
            Block::Head(t) => format!("<p class=\"doc-head\">{}</p>", e(t)),
            Block::Title(t) => heading(1, t),
            Block::Heading(t) => heading(2, t),
            Block::Subheading(t) => heading(3, t),
            Block::Para(t) => format!("<p>{}</p>", e(t)),
            Block::Lead(t) => format!("<p><strong>{}</strong></p>", e(t)),
            Block::Point { label, text } => format!(
                "<p class=\"point\" role=\"listitem\"><span class=\"label\">{}</span> {}</p>",
                e(label),
                e(text)
            ),
            Block::Signature { place_date, name } => format!(
                "<p class=\"signature\">{}<br><br>{}</p>",
                e(place_date),
                e(name)
            ),
        });
    }
    if in_list {
        h.push_str("</div>");
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(html: &str) -> Vec<u8> {
        html.match_indices("<h")
            .filter_map(|(i, _)| html.as_bytes().get(i + 2).copied())
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect()
    }

    #[test]
    fn headings_never_skip_a_level() {
        let d = Doc {
            lang: oversyn_core::Lang::Sv,
            title: "Ärende".into(),
            running_head: String::new(),
            author: String::new(),
            blocks: vec![
                Block::Title("Ärende".into()),
                Block::Subheading("Reservation".into()),
                Block::Heading("Beslut".into()),
                Block::Subheading("Motivering".into()),
            ],
        };
        assert_eq!(levels(&fragment_at(&d, 1)), [1, 2, 2, 3]);
        // Inside an app page whose own h1 names the case.
        assert_eq!(levels(&fragment(&d)), [2, 3, 3, 4]);
        assert_eq!(levels(&html(&d)), [1, 2, 2, 3]);
    }

    #[test]
    fn a_point_shows_its_own_label_once() {
        let point = |l: &str, t: &str| Block::Point {
            label: l.into(),
            text: t.into(),
        };
        let d = Doc {
            lang: oversyn_core::Lang::Sv,
            title: "Förslag".into(),
            running_head: String::new(),
            author: String::new(),
            blocks: vec![
                point("1.", "Medlemskapet sägs upp."),
                point("2.", "Kontoret får i uppdrag."),
                Block::Para("Slut.".into()),
            ],
        };
        let h = fragment(&d);
        // A list marker would come on top of the label: no <ol> or <li>.
        assert!(!h.contains("<ol") && !h.contains("<li"), "{h}");
        assert_eq!(h.matches("1.").count(), 1);
        assert!(h.contains(r#"<div class="points" role="list"><p class="point" role="listitem"><span class="label">1.</span> Medlemskapet"#));
        assert!(h.contains("</p></div><p>Slut.</p>"), "{h}");
    }
}
