//! The report as DOCX, editable in Word: headings use Word's Heading 1 and
//! 2 styles with outline levels (so the navigation pane and a table of
//! contents work), tables are real tables with a header row, each chart a
//! picture with its description as alternative text. Written by
//! [`crate::ooxml`], which keeps the OOXML schema's order of elements.

use crate::charts::Figure;
use crate::figures::Figures;
use crate::ooxml::{Document, Run, Style, TEXT_WIDTH_EMU};
use crate::report::Report;

fn bullets(doc: &mut Document, items: &[String]) {
    for i in items {
        doc.styled(Style::ListBullet, &format!("• {i}"));
    }
}

/// A figure: the chart as a PNG (Word does not take SVG everywhere) with
/// its title and description as alternative text, the caption, and the
/// numbers as a table.
fn figure(doc: &mut Document, f: &Figure) -> Result<(), String> {
    let (png, w, h) = f.png()?;
    doc.picture(png, (w, h), TEXT_WIDTH_EMU, &f.title, &f.summary);
    let summary = format!(" {}", f.summary);
    doc.paragraph(
        Some(Style::Caption),
        &[Run::bold(&f.title), Run::plain(&summary)],
    );
    doc.table(&f.table.header, &f.table.rows);
    Ok(())
}

pub fn document(r: &Report, figures: &Figures) -> Result<Vec<u8>, String> {
    let title = r.t("title");
    let mut doc = Document::new(r.lang, &title, &r.city);
    doc.styled(Style::Title, &title);
    doc.text(&format!("{} · {} · {}", r.city, r.review_title, r.date));
    if r.illustrative {
        doc.text(&r.t("illustrative"));
    }
    let (h, rows) = r.summary_table();
    doc.heading(1, &r.t("summary"));
    doc.table(&h, &rows);
    for f in &figures.overview {
        figure(&mut doc, f)?;
    }
    let (h, rows) = r.criteria_table();
    doc.heading(1, &r.t("method"));
    doc.text(&r.t("method-text"));
    doc.heading(2, &r.t("criteria"));
    doc.table(&h, &rows);
    doc.heading(2, &r.t("questions"));
    bullets(&mut doc, &r.questions);
    doc.heading(2, &r.t("response"));
    doc.text(&format!("{} / {}", r.answered, r.respondents));
    doc.heading(2, &r.t("answers"));
    for f in &figures.answers {
        figure(&mut doc, f)?;
    }
    for x in &r.sections {
        doc.heading(1, &x.name);
        doc.paragraph(
            None,
            &[Run::bold(&format!(
                "{}: {}",
                r.t("recommendation"),
                x.recommendation
            ))],
        );
        doc.heading(2, &r.t("reasons"));
        bullets(&mut doc, &x.reasons);
        doc.heading(2, &r.t("facts"));
        bullets(&mut doc, &r.facts(x));
        doc.heading(2, &r.t("seats"));
        bullets(&mut doc, &x.seats);
        let (h, rows) = r.results_table(x);
        doc.heading(2, &r.t("results"));
        doc.table(&h, &rows);
        doc.heading(2, &r.t("probabilities"));
        bullets(&mut doc, &x.probability_lines());
        if !x.texts.is_empty() {
            doc.heading(2, &r.t("comments"));
            bullets(&mut doc, &x.texts);
        }
    }
    doc.heading(1, &r.t("sensitivity"));
    doc.text(&r.t("sensitivity-text"));
    for x in &r.sections {
        doc.heading(2, &x.label);
        bullets(&mut doc, &x.stability_lines());
    }
    for f in &figures.sensitivity {
        figure(&mut doc, f)?;
    }
    doc.heading(1, &r.t("sources"));
    bullets(&mut doc, &r.sources);
    doc.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_docx_is_a_zip_with_styled_headings() {
        use std::io::Read;
        let r = crate::report::sample();
        let figures = crate::figures::figures(&r);
        let bytes = super::document(&r, &figures).unwrap();
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip file");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(
            xml.contains("<w:pStyle w:val=\"Heading1\""),
            "headings use Word styles"
        );
        assert!(xml.contains("Metropolis (full name)"));
        assert!(xml.contains("&lt;dyra&gt;"), "text is escaped XML");
        let mut styles = String::new();
        zip.by_name("word/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        assert!(styles.contains("heading 1") && styles.contains("<w:outlineLvl w:val=\"0\"/>"));
        // Every chart is a PNG in word/media that the document refers to.
        let media: Vec<String> = zip
            .file_names()
            .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
            .map(String::from)
            .collect();
        // Identical pictures are stored once, so there may be fewer files than charts.
        assert!(
            !media.is_empty() && media.len() <= figures.all().count(),
            "{media:?}"
        );
        let mut rels = String::new();
        zip.by_name("word/_rels/document.xml.rels")
            .unwrap()
            .read_to_string(&mut rels)
            .unwrap();
        let rels = roxmltree::Document::parse(&rels).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let embeds: Vec<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "blip")
            .filter_map(|n| {
                n.attributes()
                    .find(|a| a.name() == "embed")
                    .map(|a| a.value())
            })
            .collect();
        assert_eq!(embeds.len(), figures.all().count());
        for id in embeds {
            let target = rels
                .descendants()
                .find(|n| n.attribute("Id") == Some(id))
                .and_then(|n| n.attribute("Target"))
                .unwrap_or_else(|| panic!("no relationship {id}"));
            assert!(
                media.contains(&format!("word/{target}")),
                "{target} not in {media:?}"
            );
            let mut png = Vec::new();
            zip.by_name(&format!("word/{target}"))
                .unwrap()
                .read_to_end(&mut png)
                .unwrap();
            assert!(png.starts_with(b"\x89PNG"), "{target} is a PNG");
        }
        assert!(xml.contains("Sannolikhet för varje rekommendation (SMAA)"));
    }
}
