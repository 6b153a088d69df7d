//! A plain document model — headings, paragraphs, numbered points, a
//! signature — written as HTML, typst (for PDF) and DOCX. Case documents are
//! built from it; the layout of each format lives in its writer only.

use oversyn_core::Lang;
mod docx;
mod html;
mod typst;

pub use docx::docx;
pub use html::{fragment, fragment_at, html};
pub use typst::typst;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A small line above the title: reference and case number.
    Head(String),
    Title(String),
    Heading(String),
    Subheading(String),
    Para(String),
    /// A paragraph in bold: "Reservation anfördes av …".
    Lead(String),
    Point {
        label: String,
        text: String,
    },
    /// Place and date, then the signatory's name in capitals.
    Signature {
        place_date: String,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    /// Repeated at the top of every page in PDF and DOCX.
    pub running_head: String,
    /// Who the document is written for (the tenant: the city); the DOCX
    /// names it as its author.
    pub author: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new(lang: Lang, title: &str, running_head: &str) -> Doc {
        Doc {
            lang,
            title: title.to_owned(),
            running_head: running_head.to_owned(),
            author: String::new(),
            blocks: Vec::new(),
        }
    }

    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    /// Adds each non-empty paragraph of `text` (paragraphs split at blank lines).
    pub fn paragraphs(&mut self, text: &str) {
        for p in text.split("\n\n") {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            if !p.is_empty() {
                self.blocks.push(Block::Para(p));
            }
        }
    }

    /// All the document's text, one block per line (what a reader extracts).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            let line = match b {
                Block::Head(t)
                | Block::Title(t)
                | Block::Heading(t)
                | Block::Subheading(t)
                | Block::Para(t)
                | Block::Lead(t) => t.clone(),
                Block::Point { label, text } => format!("{label} {text}"),
                Block::Signature { place_date, name } => format!("{place_date}\n{name}"),
            };
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }
}
