//! PDF from typst markup. Documents are written as typst source by the
//! documents crate; this crate only compiles them, with the fonts typst
//! ships (Libertinus Serif, New Computer Modern, DejaVu Sans Mono) and any
//! images (SVG charts) passed in by name. Nothing is fetched: `@preview`
//! packages cannot be used.

use typst_as_lib::TypstEngine;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("typst could not lay out the document: {0}")]
    Compile(String),
    #[error("the PDF could not be written: {0}")]
    Export(String),
}

/// Compiles typst `source` to PDF; `files` are (name, bytes) the source can `image()`.
pub fn render(source: &str, files: &[(&str, &[u8])]) -> Result<Vec<u8>, PdfError> {
    let engine = TypstEngine::builder()
        .main_file(source.to_owned())
        .fonts(typst_assets::fonts())
        .with_static_file_resolver(
            files
                .iter()
                .map(|(n, b)| (*n, b.to_vec()))
                .collect::<Vec<_>>(),
        )
        .build();
    let doc = engine
        .compile()
        .output
        .map_err(|e| PdfError::Compile(format!("{e:?}")))?;
    typst_pdf::pdf(&doc, &Default::default()).map_err(|e| PdfError::Export(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_small_document_becomes_a_pdf() {
        let pdf = super::render(
            "#set text(font: \"Libertinus Serif\")\n= Rapport\nEUROCITIES och UCLG.",
            &[],
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
