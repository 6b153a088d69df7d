//! The report as DOCX, editable in Word: headings use real Word heading
//! styles (so the navigation pane and a table of contents work), tables are
//! real tables.

use crate::report::Report;
use docx_rs::{Docx, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};

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

fn table(header: &[&str], rows: &[Vec<String>]) -> Table {
    let cell = |t: &str, bold: bool| {
        let run = if bold {
            Run::new().add_text(t).bold()
        } else {
            Run::new().add_text(t)
        };
        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
    };
    let mut all = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    all.extend(
        rows.iter()
            .map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect())),
    );
    Table::new(all)
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
}

pub fn document(r: &Report) -> Result<Vec<u8>, String> {
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
        doc = doc.add_paragraph(para(r.t("illustrative")));
    }
    let (h, rows) = r.summary_table();
    doc = doc
        .add_paragraph(heading(1, r.t("summary")))
        .add_table(table(&h, &rows));
    let (h, rows) = r.criteria_table();
    doc = doc
        .add_paragraph(heading(1, r.t("method")))
        .add_paragraph(para(r.t("method-text")))
        .add_paragraph(heading(2, r.t("criteria")))
        .add_table(table(&h, &rows));
    doc = bullets(
        doc.add_paragraph(heading(2, r.t("questions"))),
        &r.questions,
    );
    doc = doc
        .add_paragraph(heading(2, r.t("response")))
        .add_paragraph(para(&format!("{} / {}", r.answered, r.respondents)));
    for x in &r.sections {
        doc = doc.add_paragraph(heading(1, &x.name)).add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(format!("{}: {}", r.t("recommendation"), x.recommendation))
                    .bold(),
            ),
        );
        doc = bullets(doc.add_paragraph(heading(2, r.t("reasons"))), &x.reasons);
        doc = bullets(doc.add_paragraph(heading(2, r.t("facts"))), &r.facts(x));
        doc = bullets(doc.add_paragraph(heading(2, r.t("seats"))), &x.seats);
        let (h, rows) = r.results_table(x);
        doc = doc
            .add_paragraph(heading(2, r.t("results")))
            .add_table(table(&h, &rows));
        doc = bullets(
            doc.add_paragraph(heading(2, r.t("probabilities"))),
            &x.probability_lines(),
        );
        if !x.texts.is_empty() {
            doc = bullets(doc.add_paragraph(heading(2, r.t("comments"))), &x.texts);
        }
    }
    doc = doc
        .add_paragraph(heading(1, r.t("sensitivity")))
        .add_paragraph(para(r.t("sensitivity-text")));
    for x in &r.sections {
        doc = bullets(
            doc.add_paragraph(heading(2, &x.label)),
            &x.stability_lines(),
        );
    }
    doc = bullets(doc.add_paragraph(heading(1, r.t("sources"))), &r.sources);
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_docx_is_a_zip_with_styled_headings() {
        use std::io::Read;
        let bytes = super::document(&crate::report::sample()).unwrap();
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
    }
}
