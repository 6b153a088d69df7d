//! A block document as typst source; every text is a string literal, never markup.

use super::{Block, Doc};
use crate::typst::s;
use std::fmt::Write;

pub fn typst(d: &Doc) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "#set document(title: {})", s(&d.title));
    let _ = writeln!(
        t,
        "#set page(paper: \"a4\", margin: 2.5cm, numbering: \"1\", header: align(right, text(size: 9pt, {})))",
        s(&d.running_head)
    );
    let _ = writeln!(
        t,
        "#set text(font: \"Libertinus Serif\", size: 11pt, lang: {})",
        s(d.lang.code())
    );
    // No hyphenation: a document read back by the importer (or by a
    // screen reader) should not meet words broken across lines.
    let _ = writeln!(t, "#set par(justify: true)");
    let _ = writeln!(t, "#set text(hyphenate: false)");
    for b in &d.blocks {
        let _ = match b {
            Block::Head(x) => writeln!(t, "#align(right, text(size: 10pt, {}))\n", s(x)),
            Block::Title(x) => writeln!(t, "#text(size: 16pt, weight: \"bold\", {})\n", s(x)),
            Block::Heading(x) => writeln!(t, "#heading(level: 1, {})\n#v(0.2em)\n", s(x)),
            Block::Subheading(x) => writeln!(t, "#heading(level: 2, {})\n#v(0.2em)\n", s(x)),
            Block::Para(x) => writeln!(t, "#{}\n", s(x)),
            Block::Lead(x) => writeln!(t, "#strong({})\n", s(x)),
            Block::Point { label, text } => {
                writeln!(t, "#grid(columns: (2em, 1fr), {}, {})\n", s(label), s(text))
            }
            Block::Signature { place_date, name } => {
                writeln!(
                    t,
                    "#v(1em)\n#{}\n\n#v(1.5em)\n#{}\n",
                    s(place_date),
                    s(name)
                )
            }
        };
    }
    t
}
