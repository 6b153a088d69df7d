//! A block document as DOCX: headings as Word's Heading 1 and 2 styles, a
//! running head in the page header.

use super::{Block, Doc};
use crate::docx::styled;
use docx_rs::{Header, Paragraph, Run};

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

pub fn docx(d: &Doc) -> Result<Vec<u8>, String> {
    let mut doc = styled().header(Header::new().add_paragraph(para(&d.running_head)));
    for b in &d.blocks {
        doc = match b {
            Block::Head(x) => doc.add_paragraph(para(x)),
            Block::Title(x) => doc.add_paragraph(
                Paragraph::new()
                    .style("Title")
                    .add_run(Run::new().add_text(x)),
            ),
            Block::Heading(x) => doc.add_paragraph(
                Paragraph::new()
                    .style("Heading1")
                    .add_run(Run::new().add_text(x)),
            ),
            Block::Subheading(x) => doc.add_paragraph(
                Paragraph::new()
                    .style("Heading2")
                    .add_run(Run::new().add_text(x)),
            ),
            Block::Para(x) => doc.add_paragraph(para(x)),
            Block::Lead(x) => {
                doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(x).bold()))
            }
            Block::Point { label, text } => doc.add_paragraph(para(&format!("{label} {text}"))),
            Block::Signature { place_date, name } => doc
                .add_paragraph(para(place_date))
                .add_paragraph(para(name)),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
