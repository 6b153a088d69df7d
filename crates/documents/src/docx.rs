//! The report as DOCX, editable in Word: headings use real Word heading
//! styles (so the navigation pane and a table of contents work), tables are
//! real tables.

use crate::charts::Figure;
use crate::figures::Figures;
use crate::report::Report;
use docx_rs::{Docx, Paragraph, Pic, Run, Style, StyleType, Table, TableCell, TableRow};

/// Width of a chart on the page: 15 cm in EMU (914,400 per inch), inside A4's margins.
const CHART_WIDTH_EMU: u64 = 15 * 360_000;

fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(text))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn bullets(doc: Docx, items: &[String]) -> Docx {
    items.iter().fold(doc, |d, i| {
        d.add_paragraph(
            Paragraph::new()
                .style("ListBullet")
                .add_run(Run::new().add_text(format!("• {i}"))),
        )
    })
}

fn table(header: &[impl AsRef<str>], rows: &[Vec<String>]) -> Table {
    let cell = |t: &str, bold: bool| {
        let run = if bold {
            Run::new().add_text(t).bold()
        } else {
            Run::new().add_text(t)
        };
        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
    };
    let mut all = vec![TableRow::new(
        header.iter().map(|h| cell(h.as_ref(), true)).collect(),
    )];
    all.extend(
        rows.iter()
            .map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect())),
    );
    Table::new(all)
}

/// A figure: the chart as a PNG (Word does not take SVG everywhere), its
/// caption with the description (docx-rs has no alternative text on
/// pictures, so the description is written out), and the numbers as a table.
fn figure(doc: Docx, f: &Figure) -> Result<Docx, String> {
    let (png, w, h) = f.png()?;
    let height = CHART_WIDTH_EMU * u64::from(h) / u64::from(w.max(1));
    let pic = Pic::new_with_dimensions(png, w, h).size(
        u32::try_from(CHART_WIDTH_EMU).unwrap_or(u32::MAX),
        u32::try_from(height).unwrap_or(u32::MAX),
    );
    let header: Vec<&str> = f.table.header.iter().map(String::as_str).collect();
    Ok(doc
        .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)))
        .add_paragraph(
            Paragraph::new()
                .style("Caption")
                .add_run(Run::new().add_text(&f.title).bold())
                .add_run(Run::new().add_text(format!(" {}", f.summary))),
        )
        .add_table(table(&header, &f.table.rows)))
}

/// A document with the Title, Heading 1/2 and List Bullet styles Word knows.
pub(crate) fn styled() -> Docx {
    Docx::new()
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(44)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .size(32)
                .bold(),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .size(26)
                .bold(),
        )
        .add_style(Style::new("ListBullet", StyleType::Paragraph).name("List Bullet"))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .size(18)
                .italic(),
        )
}

pub fn document(r: &Report, figures: &Figures) -> Result<Vec<u8>, String> {
    let mut doc = styled()
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(r.t("title"))),
        )
        .add_paragraph(para(&format!(
            "{} · {} · {}",
            r.city, r.review_title, r.date
        )));
    if r.illustrative {
        doc = doc.add_paragraph(para(&r.t("illustrative")));
    }
    let (h, rows) = r.summary_table();
    doc = doc
        .add_paragraph(heading(1, &r.t("summary")))
        .add_table(table(&h, &rows));
    for f in &figures.overview {
        doc = figure(doc, f)?;
    }
    let (h, rows) = r.criteria_table();
    doc = doc
        .add_paragraph(heading(1, &r.t("method")))
        .add_paragraph(para(&r.t("method-text")))
        .add_paragraph(heading(2, &r.t("criteria")))
        .add_table(table(&h, &rows));
    doc = bullets(
        doc.add_paragraph(heading(2, &r.t("questions"))),
        &r.questions,
    );
    doc = doc
        .add_paragraph(heading(2, &r.t("response")))
        .add_paragraph(para(&format!("{} / {}", r.answered, r.respondents)))
        .add_paragraph(heading(2, &r.t("answers")));
    for f in &figures.answers {
        doc = figure(doc, f)?;
    }
    for x in &r.sections {
        doc = doc.add_paragraph(heading(1, &x.name)).add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(format!("{}: {}", r.t("recommendation"), x.recommendation))
                    .bold(),
            ),
        );
        doc = bullets(doc.add_paragraph(heading(2, &r.t("reasons"))), &x.reasons);
        doc = bullets(doc.add_paragraph(heading(2, &r.t("facts"))), &r.facts(x));
        doc = bullets(doc.add_paragraph(heading(2, &r.t("seats"))), &x.seats);
        let (h, rows) = r.results_table(x);
        doc = doc
            .add_paragraph(heading(2, &r.t("results")))
            .add_table(table(&h, &rows));
        doc = bullets(
            doc.add_paragraph(heading(2, &r.t("probabilities"))),
            &x.probability_lines(),
        );
        if !x.texts.is_empty() {
            doc = bullets(doc.add_paragraph(heading(2, &r.t("comments"))), &x.texts);
        }
    }
    doc = doc
        .add_paragraph(heading(1, &r.t("sensitivity")))
        .add_paragraph(para(&r.t("sensitivity-text")));
    for x in &r.sections {
        doc = bullets(
            doc.add_paragraph(heading(2, &x.label)),
            &x.stability_lines(),
        );
    }
    for f in &figures.sensitivity {
        doc = figure(doc, f)?;
    }
    doc = bullets(doc.add_paragraph(heading(1, &r.t("sources"))), &r.sources);
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
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
        assert!(styles.contains("Heading 1"));
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
