//! A block document as a standalone, escaped HTML page.

use super::{Block, Doc};
use crate::html::e;

pub fn html(d: &Doc) -> String {
    let mut h = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main class=\"document\">",
        e(&d.lang),
        e(&d.title)
    );
    h.push_str(&fragment(d));
    h.push_str("</main></body></html>");
    h
}

/// The body alone, for showing a document inside an app page.
pub fn fragment(d: &Doc) -> String {
    let mut h = String::new();
    let mut in_list = false;
    for b in &d.blocks {
        let is_point = matches!(b, Block::Point { .. });
        if in_list && !is_point {
            h.push_str("</ol>");
        }
        if is_point && !in_list {
            h.push_str("<ol class=\"points\">");
        }
        in_list = is_point;
        h.push_str(&match b {
            Block::Head(t) => format!("<p class=\"doc-head\">{}</p>", e(t)),
            Block::Title(t) => format!("<h1>{}</h1>", e(t)),
            Block::Heading(t) => format!("<h2>{}</h2>", e(t)),
            Block::Subheading(t) => format!("<h3>{}</h3>", e(t)),
            Block::Para(t) => format!("<p>{}</p>", e(t)),
            Block::Lead(t) => format!("<p><strong>{}</strong></p>", e(t)),
            Block::Point { label, text } => format!(
                "<li><span class=\"label\">{}</span> {}</li>",
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
        h.push_str("</ol>");
    }
    h
}
