//! A block document as DOCX: headings as Word's Heading 1 and 2 styles
//! (with outline levels), a running head in the page header, the
//! document's language and author set. Written by [`crate::ooxml`].

use super::{Block, Doc};
use crate::ooxml::{Document, Run, Style};

pub fn docx(d: &Doc) -> Result<Vec<u8>, String> {
    let mut doc = Document::new(d.lang, &d.title, &d.author);
    if !d.running_head.is_empty() {
        doc.running_head(&d.running_head);
    }
    for b in &d.blocks {
        match b {
            Block::Head(x) | Block::Para(x) => doc.text(x),
            Block::Title(x) => doc.styled(Style::Title, x),
            Block::Heading(x) => doc.heading(1, x),
            Block::Subheading(x) => doc.heading(2, x),
            Block::Lead(x) => doc.paragraph(None, &[Run::bold(x)]),
            Block::Point { label, text } => doc.text(&format!("{label} {text}")),
            Block::Signature { place_date, name } => {
                doc.text(place_date);
                doc.text(name);
            }
        }
    }
    doc.finish()
}
