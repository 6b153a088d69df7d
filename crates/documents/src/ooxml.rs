//! A small WordprocessingML (DOCX) writer, written by hand so that every
//! element we emit has its children in the order the OOXML schema gives
//! (ECMA-376 Part 1 / ISO/IEC 29500-1, transitional; the sequences are
//! quoted in the test `crates/cli/tests/docx_schema.rs`): in `w:style`
//! name, basedOn, next, uiPriority, …, qFormat, pPr, rPr, tblPr; in `w:pPr`
//! the CT_PPrBase sequence; in `w:rPr` the order of EG_RPrBase. It writes
//! what our documents need and nothing else: paragraphs in named styles
//! (Normal is the default paragraph style; Heading 1 and 2 carry outline
//! levels 0 and 1), bold runs, tables whose first row is a repeated header
//! row (`w:tblHeader`), PNG pictures with alternative text (`wp:docPr`
//! `descr` and `title`), a running head, the document language in the
//! defaults (`w:lang`) and the author in `docProps/core.xml`.
//!
//! The output is deterministic: the same document gives the same bytes
//! (no timestamps; ZIP entries dated 1980-01-01).

use oversyn_core::Lang;
use std::fmt::Write as _;
use std::io::Write as _;

/// A4 in twentieths of a point, and its margins: the text is 8,504 twips
/// (15 cm) wide.
const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const MARGIN_SIDE: u32 = 1_701;
pub const TEXT_WIDTH_TWIPS: u32 = PAGE_W - 2 * MARGIN_SIDE;
/// The text width in EMU (635 per twip): 5,400,000, i.e. 15 cm.
pub const TEXT_WIDTH_EMU: u64 = TEXT_WIDTH_TWIPS as u64 * 635;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The paragraph styles a document may use (their ids in styles.xml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading1,
    Heading2,
    ListBullet,
    Caption,
}

impl Style {
    fn id(self) -> &'static str {
        match self {
            Style::Title => "Title",
            Style::Heading1 => "Heading1",
            Style::Heading2 => "Heading2",
            Style::ListBullet => "ListBullet",
            Style::Caption => "Caption",
        }
    }
}

/// A run of text, bold or not.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    pub text: &'a str,
    pub bold: bool,
}

impl<'a> Run<'a> {
    pub fn plain(text: &'a str) -> Run<'a> {
        Run { text, bold: false }
    }

    pub fn bold(text: &'a str) -> Run<'a> {
        Run { text, bold: true }
    }
}

/// Text for an XML element or attribute; line breaks and tabs become
/// spaces (our paragraphs are single blocks of text).
fn esc(s: &str) -> String {
    crate::xml::escape(&s.replace(['\n', '\t', '\r'], " "))
}

/// The language tag Word and LibreOffice expect in `w:lang` and `dc:language`.
pub fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv-SE",
        Lang::En => "en-GB",
    }
}

struct Media {
    rel_id: String,
    file: String,
    bytes: Vec<u8>,
}

/// A document being written: body XML, pictures, running head.
pub struct Document {
    lang: Lang,
    title: String,
    author: String,
    header: Option<String>,
    body: String,
    media: Vec<Media>,
    pictures: u32,
}

impl Document {
    /// `author` is the tenant (the city) the document is written for.
    pub fn new(lang: Lang, title: &str, author: &str) -> Document {
        Document {
            lang,
            title: title.to_owned(),
            author: author.to_owned(),
            header: None,
            body: String::new(),
            media: Vec::new(),
            pictures: 0,
        }
    }

    /// A line repeated at the top of every page.
    pub fn running_head(&mut self, text: &str) {
        self.header = Some(text.to_owned());
    }

    /// A paragraph of runs in a style (None: Normal).
    pub fn paragraph(&mut self, style: Option<Style>, runs: &[Run]) {
        self.body.push_str(&paragraph_xml(style, runs));
    }

    pub fn text(&mut self, text: &str) {
        self.paragraph(None, &[Run::plain(text)]);
    }

    pub fn styled(&mut self, style: Style, text: &str) {
        self.paragraph(Some(style), &[Run::plain(text)]);
    }

    /// Heading 1 or 2.
    pub fn heading(&mut self, level: u8, text: &str) {
        let style = if level <= 1 {
            Style::Heading1
        } else {
            Style::Heading2
        };
        self.styled(style, text);
    }

    /// A table; its first row is the header, marked to repeat on every page
    /// and in bold.
    pub fn table(&mut self, header: &[impl AsRef<str>], rows: &[Vec<String>]) {
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let width = TEXT_WIDTH_TWIPS / u32::try_from(columns).unwrap_or(1);
        let x = &mut self.body;
        let border = |side: &str| {
            format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>")
        };
        let _ = write!(
            x,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>{}{}{}{}{}{}</w:tblBorders><w:tblLook w:val=\"0620\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            border("top"),
            border("left"),
            border("bottom"),
            border("right"),
            border("insideH"),
            border("insideV")
        );
        for _ in 0..columns {
            let _ = write!(x, "<w:gridCol w:w=\"{width}\"/>");
        }
        x.push_str("</w:tblGrid>");
        let row = |x: &mut String, cells: &[&str], head: bool| {
            x.push_str("<w:tr>");
            if head {
                x.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            }
            for i in 0..columns {
                let text = cells.get(i).copied().unwrap_or("");
                let _ = write!(
                    x,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                    paragraph_xml(None, &[Run { text, bold: head }])
                );
            }
            x.push_str("</w:tr>");
        };
        let head: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
        row(x, &head, true);
        for r in rows {
            let cells: Vec<&str> = r.iter().map(String::as_str).collect();
            row(x, &cells, false);
        }
        x.push_str("</w:tbl>");
    }

    /// A PNG picture `width_emu` wide (its height from its pixels), in a
    /// paragraph of its own kept with the next (the caption), with its
    /// title and description as alternative text.
    pub fn picture(
        &mut self,
        png: Vec<u8>,
        px: (u32, u32),
        width_emu: u64,
        title: &str,
        descr: &str,
    ) {
        let (w, h) = px;
        let height_emu = width_emu * u64::from(h) / u64::from(w.max(1));
        // Identical pictures are stored once.
        let rel_id = match self.media.iter().find(|m| m.bytes == png) {
            Some(m) => m.rel_id.clone(),
            None => {
                let n = self.media.len() + 1;
                let m = Media {
                    rel_id: format!("rIdImage{n}"),
                    file: format!("media/image{n}.png"),
                    bytes: png,
                };
                let id = m.rel_id.clone();
                self.media.push(m);
                id
            }
        };
        self.pictures += 1;
        let id = self.pictures;
        let (title, descr) = (esc(title), esc(descr));
        let name = if self.lang.is_en() { "Figure" } else { "Figur" };
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{width_emu}\" cy=\"{height_emu}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"{name} {id}\" descr=\"{descr}\" title=\"{title}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"{NS_PIC}\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name} {id}\" descr=\"{descr}\" title=\"{title}\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rel_id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{width_emu}\" cy=\"{height_emu}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        );
    }

    /// The DOCX file.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let lang = language_tag(self.lang);
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        let mut overrides = vec![
            (
                "/word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            ),
            (
                "/word/styles.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            ),
            (
                "/word/settings.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
            ),
            (
                "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml",
            ),
            (
                "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            ),
        ];
        if self.header.is_some() {
            overrides.push((
                "/word/header1.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
            ));
        }
        let mut types = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>",
        );
        for (part, kind) in &overrides {
            let _ = write!(
                types,
                "<Override PartName=\"{part}\" ContentType=\"{kind}\"/>"
            );
        }
        types.push_str("</Types>");
        parts.push(("[Content_Types].xml".into(), types.into_bytes()));
        parts.push((
            "_rels/.rels".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
            )
            .into_bytes(),
        ));
        let author = esc(&self.author);
        parts.push((
            "docProps/core.xml".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{lang}</dc:language></cp:coreProperties>",
                esc(&self.title)
            )
            .into_bytes(),
        ));
        parts.push((
            "docProps/app.xml".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Översyn</Application><Company>{author}</Company></Properties>"
            )
            .into_bytes(),
        ));
        let mut rels = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>"
        );
        if self.header.is_some() {
            let _ = write!(
                rels,
                "<Relationship Id=\"rId3\" Type=\"{REL}/header\" Target=\"header1.xml\"/>"
            );
        }
        for m in &self.media {
            let _ = write!(
                rels,
                "<Relationship Id=\"{}\" Type=\"{REL}/image\" Target=\"{}\"/>",
                m.rel_id, m.file
            );
        }
        rels.push_str("</Relationships>");
        parts.push(("word/_rels/document.xml.rels".into(), rels.into_bytes()));
        let header_ref = if self.header.is_some() {
            "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
        } else {
            ""
        };
        parts.push((
            "word/document.xml".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\" xmlns:wp=\"{NS_WP}\" xmlns:a=\"{NS_A}\" xmlns:pic=\"{NS_PIC}\"><w:body>{}<w:sectPr>{header_ref}<w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"1985\" w:right=\"{MARGIN_SIDE}\" w:bottom=\"1701\" w:left=\"{MARGIN_SIDE}\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:cols w:space=\"425\"/></w:sectPr></w:body></w:document>",
                self.body
            )
            .into_bytes(),
        ));
        if let Some(h) = &self.header {
            parts.push((
                "word/header1.xml".into(),
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:hdr>",
                    esc(h)
                )
                .into_bytes(),
            ));
        }
        parts.push(("word/styles.xml".into(), styles(lang).into_bytes()));
        parts.push((
            "word/settings.xml".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"{NS_W}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
            )
            .into_bytes(),
        ));
        for m in self.media {
            parts.push((format!("word/{}", m.file), m.bytes));
        }
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            zip.start_file(name, options).map_err(|e| e.to_string())?;
            zip.write_all(&bytes).map_err(|e| e.to_string())?;
        }
        Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
    }
}

/// A paragraph: `w:pPr` holds only the style (CT_PPr's first child), each
/// run's `w:rPr` only `b` and `bCs` (in EG_RPrBase order).
fn paragraph_xml(style: Option<Style>, runs: &[Run]) -> String {
    let mut x = String::from("<w:p>");
    if let Some(s) = style {
        let _ = write!(x, "<w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>", s.id());
    }
    for r in runs {
        x.push_str("<w:r>");
        if r.bold {
            x.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
        }
        let _ = write!(x, "<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(r.text));
    }
    x.push_str("</w:p>");
    x
}

/// One paragraph style, its children in CT_Style's order: name, basedOn,
/// next, uiPriority, unhideWhenUsed, qFormat, pPr, rPr.
fn paragraph_style(
    id: &str,
    name: &str,
    priority: u32,
    unhide: bool,
    ppr: &str,
    rpr: &str,
) -> String {
    let mut x = format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"{priority}\"/>"
    );
    if unhide {
        x.push_str("<w:unhideWhenUsed/>");
    }
    x.push_str("<w:qFormat/>");
    if !ppr.is_empty() {
        let _ = write!(x, "<w:pPr>{ppr}</w:pPr>");
    }
    if !rpr.is_empty() {
        let _ = write!(x, "<w:rPr>{rpr}</w:rPr>");
    }
    x.push_str("</w:style>");
    x
}

/// styles.xml: document defaults (language, size, spacing), Normal as the
/// default paragraph style, the headings with outline levels, list,
/// caption and header styles, and the table styles.
fn styles(lang: &str) -> String {
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{NS_W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    x.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    x.push_str("<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>");
    x.push_str(&paragraph_style(
        "Title",
        "Title",
        10,
        false,
        "<w:spacing w:after=\"240\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>",
    ));
    x.push_str(&paragraph_style(
        "Heading1",
        "heading 1",
        9,
        false,
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
    ));
    x.push_str(&paragraph_style(
        "Heading2",
        "heading 2",
        9,
        true,
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>",
    ));
    x.push_str(&paragraph_style(
        "ListBullet",
        "List Bullet",
        99,
        true,
        "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>",
        "",
    ));
    x.push_str(&paragraph_style(
        "Caption",
        "caption",
        35,
        true,
        "<w:spacing w:after=\"200\"/>",
        "<w:i/><w:iCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    x.push_str(&paragraph_style(
        "Header",
        "header",
        99,
        true,
        "<w:spacing w:after=\"0\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    x.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    x.push_str("<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/></w:tblBorders></w:tblPr></w:style>");
    x.push_str("</w:styles>");
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    /// A small document with every kind of part, text needing escapes and
    /// the same picture twice.
    fn sample() -> Vec<u8> {
        let mut d = Document::new(Lang::En, "A & B", "Stockholms stad");
        d.running_head("Head <1>");
        d.heading(1, "One");
        d.paragraph(None, &[Run::bold("x"), Run::plain("<dyra> & \u{1} \"q\"")]);
        d.table(&["a", "b"], &[vec!["1".into(), "2".into()]]);
        d.picture(
            vec![1, 2, 3],
            (200, 100),
            TEXT_WIDTH_EMU,
            "T",
            "D \"quoted\"",
        );
        d.picture(vec![1, 2, 3], (200, 100), TEXT_WIDTH_EMU, "T2", "D2");
        d.finish().unwrap()
    }

    #[test]
    fn text_is_escaped_and_every_part_is_well_formed() {
        let bytes = sample();
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/header1.xml",
            "word/styles.xml",
            "word/settings.xml",
        ] {
            let text = part(&bytes, name);
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let doc = part(&bytes, "word/document.xml");
        assert!(doc.contains("&lt;dyra&gt; &amp;  &quot;q&quot;"), "{doc}");
        // One picture file for two identical pictures, two docPr ids.
        assert!(doc.contains("wp:docPr id=\"1\"") && doc.contains("wp:docPr id=\"2\""));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert!(zip.by_name("word/media/image1.png").is_ok());
        assert!(zip.by_name("word/media/image2.png").is_err());
        assert!(
            part(&bytes, "docProps/core.xml").contains("<dc:creator>Stockholms stad</dc:creator>")
        );
        assert!(part(&bytes, "word/styles.xml").contains("w:lang w:val=\"en-GB\""));
        // The same document gives the same bytes.
        assert_eq!(bytes, sample());
    }
}
