//! Every DOCX the Stockholm demo produces — the review report in Swedish
//! and English, the case document and each protocol excerpt — unzipped and
//! read as Word and its accessibility checker read it, on SQLite and on
//! PostgreSQL when `OVERSYN_TEST_POSTGRES_URL` is set:
//!
//! - the children of every `w:style`, `w:pPr`, `w:rPr`, `w:tblPr`,
//!   `w:trPr`, `w:tcPr`, `w:sectPr`, `wp:inline` … in the order of the OOXML
//!   schema (ECMA-376 Part 1 / ISO/IEC 29500-1, transitional; the sequences
//!   below are copied from its Annex A schema `wml.xsd` and DrawingML's
//!   `dml-wordprocessingDrawing.xsd` / `dml-picture.xsd`), and no child the
//!   list does not know;
//! - a default paragraph style (`w:default="1"`, §17.7.4.17) and
//!   `w:docDefaults` (§17.7.5.1) with the document's language (`w:lang`,
//!   sv-SE or en-GB);
//! - headings in styles that carry an outline level (`w:outlineLvl`,
//!   §17.3.1.20), Heading 1 at level 0 and Heading 2 at level 1;
//! - alternative text on every picture (`wp:docPr` `descr` and `title`),
//!   unique drawing ids;
//! - the first row of every table marked as a header row (`w:tblHeader` in
//!   `w:trPr`);
//! - the author (`dc:creator` in `docProps/core.xml`) is the tenant;
//! - every relationship target and every content type present.

use oversyn_app::Format;
use oversyn_core::Lang;
use oversyn_store::Store;
use oversyn_store::testing::backends;
use roxmltree::{Document, Node};
use std::collections::HashMap;
use std::io::Read;

/// The orders the schema gives. Each entry is one position in a sequence;
/// names sharing a position (a choice inside the sequence) are listed
/// together with `|`.
///
/// w:style is CT_Style (§17.7.4.17).
const CT_STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// CT_PPrBase, the common part of every paragraph property list.
const CT_PPR_BASE: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
];

/// w:pPr of a paragraph is CT_PPr (§17.3.1.26): CT_PPrBase, then the
/// paragraph mark's run properties, the section, the change.
const CT_PPR_TAIL: &[&str] = &["rPr", "sectPr", "pPrChange"];

/// w:pPr in a style or in pPrDefault is CT_PPrGeneral: CT_PPrBase and
/// pPrChange — no rPr.
const CT_PPR_GENERAL_TAIL: &[&str] = &["pPrChange"];

/// w:rPr (§17.3.2.28): the elements of EG_RPrBase in the order the group
/// lists them (the order of ECMA-376's first edition, where it was a
/// sequence, and the order Word writes; the transitional schema turned the
/// group into a choice), then rPrChange.
const EG_RPR_BASE: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

/// w:tblPr: CT_TblPrBase (then tblPrChange).
const CT_TBL_PR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// CT_TblBorders (left|start and right|end: the transitional and strict names).
const CT_TBL_BORDERS: &[&str] = &[
    "top",
    "left|start",
    "bottom",
    "right|end",
    "insideH",
    "insideV",
];

/// CT_TblCellMar.
const CT_TBL_CELL_MAR: &[&str] = &["top", "left|start", "bottom", "right|end"];

/// w:tbl is CT_Tbl: properties, grid, rows.
const CT_TBL: &[&str] = &["tblPr", "tblGrid", "tr"];

/// w:tr is CT_Row.
const CT_ROW: &[&str] = &["tblPrEx", "trPr", "tc"];

/// w:trPr: CT_TrPrBase is a choice of these (any order), then ins, del,
/// trPrChange.
const CT_TR_PR: &[&str] = &[
    "cnfStyle|divId|gridBefore|gridAfter|wBefore|wAfter|cantSplit|trHeight|tblHeader|tblCellSpacing|jc|hidden",
    "ins",
    "del",
    "trPrChange",
];

/// w:tcPr is CT_TcPr.
const CT_TC_PR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

/// w:tc is CT_Tc: its properties, then block content.
const CT_TC: &[&str] = &["tcPr", "p|tbl|sdt|customXml|bookmarkStart|bookmarkEnd"];

/// w:sectPr is CT_SectPr: header and footer references, then EG_SectPrContents.
const CT_SECT_PR: &[&str] = &[
    "headerReference|footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// w:styles is CT_Styles; w:docDefaults is CT_DocDefaults.
const CT_STYLES: &[&str] = &["docDefaults", "latentStyles", "style"];
const CT_DOC_DEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];

/// w:p is CT_P: properties first, then runs (and the like).
const CT_P: &[&str] = &[
    "pPr",
    "r|hyperlink|bookmarkStart|bookmarkEnd|fldSimple|proofErr",
];

/// w:r is CT_R: properties first, then its content.
const CT_R: &[&str] = &[
    "rPr",
    "t|tab|br|drawing|fldChar|instrText|lastRenderedPageBreak",
];

/// w:body: block content, the final section last.
const CT_BODY: &[&str] = &["p|tbl|sdt|bookmarkStart|bookmarkEnd", "sectPr"];

/// wp:inline is CT_Inline (DrawingML, §20.4.2.8).
const CT_INLINE: &[&str] = &[
    "extent",
    "effectExtent",
    "docPr",
    "cNvGraphicFramePr",
    "graphic",
];

/// pic:pic is CT_Picture; its parts CT_PictureNonVisual, CT_BlipFillProperties
/// and CT_ShapeProperties.
const CT_PICTURE: &[&str] = &["nvPicPr", "blipFill", "spPr", "style", "extLst"];
const CT_PICTURE_NON_VISUAL: &[&str] = &["cNvPr", "cNvPicPr"];
const CT_BLIP_FILL: &[&str] = &["blip", "srcRect", "tile|stretch"];
const CT_SHAPE_PROPERTIES: &[&str] = &[
    "xfrm",
    "custGeom|prstGeom",
    "noFill|solidFill|gradFill|blipFill|pattFill|grpFill",
    "ln",
    "effectLst|effectDag",
    "scene3d",
    "sp3d",
    "extLst",
];

/// w:settings (CT_Settings): only the part of its long sequence we use,
/// in the schema's relative order.
const CT_SETTINGS_USED: &[&str] = &[
    "zoom",
    "defaultTabStop",
    "characterSpacingControl",
    "compat",
];

fn position(seq: &[&str], name: &str) -> Option<usize> {
    seq.iter()
        .position(|slot| slot.split('|').any(|n| n == name))
}

/// Children of `n` (elements only) must each be in `seq`, in its order.
fn check_order(n: Node, seq: &[&str], what: &str, part: &str, errors: &mut Vec<String>) {
    let mut last = 0;
    let mut previous = "";
    for c in n.children().filter(Node::is_element) {
        let name = c.tag_name().name();
        match position(seq, name) {
            None => errors.push(format!(
                "{part}: <{what}> holds <{name}>, which its schema type does not allow"
            )),
            Some(i) if i < last => errors.push(format!(
                "{part}: in <{what}>, <{name}> comes after <{previous}>; the schema's order is {seq:?}"
            )),
            Some(i) => {
                last = i;
                previous = name;
            }
        }
    }
}

/// The sequence an element's children must follow, by where it stands.
fn sequence_for<'a>(n: Node<'a, 'a>) -> Option<(&'static [&'static str], Vec<&'static str>)> {
    let parent = n
        .parent_element()
        .map(|p| p.tag_name().name())
        .unwrap_or("");
    let ns = n.tag_name().namespace().unwrap_or("");
    let w = ns.ends_with("/wordprocessingml/2006/main");
    Some(match (n.tag_name().name(), w) {
        ("style", true) => (CT_STYLE, vec![]),
        ("pPr", true) if parent == "p" => (CT_PPR_BASE, CT_PPR_TAIL.to_vec()),
        ("pPr", true) => (CT_PPR_BASE, CT_PPR_GENERAL_TAIL.to_vec()),
        ("rPr", true) => (EG_RPR_BASE, vec![]),
        ("tblPr", true) => (CT_TBL_PR, vec![]),
        ("tblBorders", true) => (CT_TBL_BORDERS, vec![]),
        ("tblCellMar", true) => (CT_TBL_CELL_MAR, vec![]),
        ("tbl", true) => (CT_TBL, vec![]),
        ("tr", true) => (CT_ROW, vec![]),
        ("trPr", true) => (CT_TR_PR, vec![]),
        ("tcPr", true) => (CT_TC_PR, vec![]),
        ("tc", true) => (CT_TC, vec![]),
        ("sectPr", true) => (CT_SECT_PR, vec![]),
        ("styles", true) => (CT_STYLES, vec![]),
        ("docDefaults", true) => (CT_DOC_DEFAULTS, vec![]),
        ("p", true) => (CT_P, vec![]),
        ("r", true) => (CT_R, vec![]),
        ("body", true) => (CT_BODY, vec![]),
        ("settings", true) => (CT_SETTINGS_USED, vec![]),
        ("inline", false) => (CT_INLINE, vec![]),
        ("pic", false) => (CT_PICTURE, vec![]),
        ("nvPicPr", false) => (CT_PICTURE_NON_VISUAL, vec![]),
        ("blipFill", false) => (CT_BLIP_FILL, vec![]),
        ("spPr", false) => (CT_SHAPE_PROPERTIES, vec![]),
        _ => return None,
    })
}

struct Docx {
    label: String,
    parts: HashMap<String, String>,
    names: Vec<String>,
}

fn unzip(label: &str, bytes: &[u8]) -> Docx {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .unwrap_or_else(|e| panic!("{label}: not a zip: {e}"));
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    let mut parts = HashMap::new();
    for name in &names {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            zip.by_name(name)
                .unwrap()
                .read_to_string(&mut s)
                .unwrap_or_else(|e| panic!("{label}: {name}: {e}"));
            parts.insert(name.clone(), s);
        }
    }
    Docx {
        label: label.to_owned(),
        parts,
        names,
    }
}

fn w<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| c.tag_name().name() == name)
}

fn wval<'a>(n: Node<'a, 'a>) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == "val")
        .map(|a| a.value())
}

fn attr<'a>(n: Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// Every check; the problems found, as lines.
fn check(d: &Docx, lang: &str, author: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let label = &d.label;
    let part = |name: &str| -> &str {
        d.parts
            .get(name)
            .unwrap_or_else(|| panic!("{label}: no {name}"))
    };
    // Schema order everywhere.
    for (name, text) in &d.parts {
        let doc = Document::parse(text).unwrap_or_else(|e| panic!("{label}: {name}: {e}"));
        for n in doc.descendants().filter(Node::is_element) {
            if let Some((base, tail)) = sequence_for(n) {
                let seq: Vec<&str> = base.iter().chain(tail.iter()).copied().collect();
                check_order(
                    n,
                    &seq,
                    n.tag_name().name(),
                    &format!("{label} {name}"),
                    &mut errors,
                );
            }
        }
    }
    // Styles: the default paragraph style, docDefaults with the language,
    // headings with outline levels.
    let styles = Document::parse(part("word/styles.xml")).unwrap();
    let root = styles.root_element();
    let all: Vec<Node> = root
        .children()
        .filter(|c| c.tag_name().name() == "style")
        .collect();
    let style = |id: &str| {
        all.iter()
            .copied()
            .find(|s| attr(*s, "styleId") == Some(id))
    };
    let defaults: Vec<Node> = all
        .iter()
        .copied()
        .filter(|s| attr(*s, "type") == Some("paragraph") && attr(*s, "default") == Some("1"))
        .collect();
    if defaults.len() != 1 {
        errors.push(format!(
            "{label}: {} default paragraph styles (w:default=\"1\"), want one",
            defaults.len()
        ));
    }
    let lang_default = w(root, "docDefaults")
        .and_then(|d| w(d, "rPrDefault"))
        .and_then(|d| w(d, "rPr"))
        .and_then(|d| w(d, "lang"))
        .and_then(wval);
    if lang_default != Some(lang) {
        errors.push(format!(
            "{label}: docDefaults' w:lang is {lang_default:?}, want {lang}"
        ));
    }
    if w(root, "docDefaults")
        .and_then(|d| w(d, "pPrDefault"))
        .is_none()
    {
        errors.push(format!("{label}: docDefaults has no pPrDefault"));
    }
    let outline = |id: &str| {
        style(id)
            .and_then(|s| w(s, "pPr"))
            .and_then(|p| w(p, "outlineLvl"))
            .and_then(wval)
            .map(str::to_owned)
    };
    // Paragraph styles the document uses exist; heading styles carry levels.
    let document = Document::parse(part("word/document.xml")).unwrap();
    let mut used: Vec<&str> = document
        .descendants()
        .filter(|n| n.tag_name().name() == "pStyle")
        .filter_map(wval)
        .collect();
    used.sort_unstable();
    used.dedup();
    for id in &used {
        if style(id).is_none() {
            errors.push(format!(
                "{label}: paragraph style {id} is used but not defined"
            ));
        }
    }
    for (id, level) in [("Heading1", "0"), ("Heading2", "1")] {
        if used.contains(&id) && outline(id).as_deref() != Some(level) {
            errors.push(format!(
                "{label}: style {id} has outline level {:?}, want {level}",
                outline(id)
            ));
        }
    }
    if !used.contains(&"Heading1") && !used.contains(&"Heading2") {
        errors.push(format!("{label}: no headings"));
    }
    // Pictures: alternative text and unique ids.
    let mut ids: Vec<&str> = Vec::new();
    for pr in document
        .descendants()
        .filter(|n| n.tag_name().name() == "docPr")
    {
        let descr = attr(pr, "descr").unwrap_or("").trim();
        let title = attr(pr, "title").unwrap_or("").trim();
        if descr.is_empty() || title.is_empty() {
            errors.push(format!(
                "{label}: picture {:?} has no alternative text (descr {descr:?}, title {title:?})",
                attr(pr, "id")
            ));
        }
        let id = attr(pr, "id").unwrap_or("");
        if ids.contains(&id) {
            errors.push(format!("{label}: drawing id {id} twice"));
        }
        ids.push(id);
    }
    // Tables: the first row is a header row.
    for (i, t) in document
        .descendants()
        .filter(|n| n.tag_name().name() == "tbl")
        .enumerate()
    {
        let first = w(t, "tr");
        let header = first
            .and_then(|r| w(r, "trPr"))
            .and_then(|p| w(p, "tblHeader"))
            .is_some();
        if !header {
            errors.push(format!(
                "{label}: table {} has no header row (w:tblHeader)",
                i + 1
            ));
        }
        let columns = first.map_or(0, |r| {
            r.children().filter(|c| c.tag_name().name() == "tc").count()
        });
        let grid = w(t, "tblGrid").map_or(0, |g| {
            g.children()
                .filter(|c| c.tag_name().name() == "gridCol")
                .count()
        });
        if grid != columns {
            errors.push(format!(
                "{label}: table {} has {columns} columns and {grid} gridCol",
                i + 1
            ));
        }
    }
    // The author and language of the package.
    let core = Document::parse(part("docProps/core.xml")).unwrap();
    let creator = core
        .descendants()
        .find(|n| n.tag_name().name() == "creator")
        .and_then(|n| n.text());
    if creator != Some(author) {
        errors.push(format!(
            "{label}: dc:creator is {creator:?}, want {author:?}"
        ));
    }
    // Every relationship's target is in the package, with a content type.
    let types = Document::parse(part("[Content_Types].xml")).unwrap();
    let has_type = |name: &str| {
        types.root_element().children().any(|t| {
            attr(t, "PartName") == Some(&format!("/{name}"))
                || attr(t, "Extension").is_some_and(|e| name.ends_with(&format!(".{e}")))
        })
    };
    for (rels, base) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
    ] {
        let r = Document::parse(part(rels)).unwrap();
        for rel in r.root_element().children().filter(Node::is_element) {
            let target = format!("{base}{}", attr(rel, "Target").unwrap_or(""));
            if !d.names.contains(&target) {
                errors.push(format!(
                    "{label}: {rels} points at {target}, which is missing"
                ));
            } else if !has_type(&target) {
                errors.push(format!("{label}: {target} has no content type"));
            }
        }
    }
    errors
}

async fn documents(store: &Store) -> (Vec<(String, Vec<u8>, &'static str)>, String) {
    let demo = oversyn_app::demo::load(store).await.unwrap();
    let t = demo.tenant_id;
    let tenant = store.tenant_by_id(t).await.unwrap();
    let review = store.reviews(t).await.unwrap()[0].id;
    let mut out = Vec::new();
    for (lang, tag) in [(Lang::Sv, "sv-SE"), (Lang::En, "en-GB")] {
        let bytes = oversyn_app::analysis::report::render(store, t, review, lang, Format::Docx)
            .await
            .unwrap();
        out.push((format!("report-{lang}.docx"), bytes, tag));
    }
    for c in store.cases(t).await.unwrap() {
        let docs = oversyn_app::cases::CaseDocs::load(store, t, c.id)
            .await
            .unwrap();
        let tag = if c.fields.language == "en" {
            "en-GB"
        } else {
            "sv-SE"
        };
        out.push((
            format!("case-{}.docx", c.id),
            oversyn_app::cases::render(&docs.document, Format::Docx).unwrap(),
            tag,
        ));
        for (i, e) in docs.excerpts.iter().enumerate() {
            out.push((
                format!("case-{}-excerpt-{}.docx", c.id, i + 1),
                oversyn_app::cases::render(e, Format::Docx).unwrap(),
                tag,
            ));
        }
    }
    (out, tenant.name)
}

#[tokio::test]
async fn every_docx_follows_the_ooxml_schema_and_word_s_accessibility_checks() {
    let mut errors = Vec::new();
    for (_db, store) in backends().await {
        let (docs, tenant) = documents(&store).await;
        let names: Vec<&str> = docs.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            names.contains(&"report-sv.docx")
                && names.contains(&"report-en.docx")
                && names.iter().any(|n| n.contains("excerpt")),
            "{names:?}"
        );
        for (name, bytes, lang) in &docs {
            let d = unzip(name, bytes);
            errors.extend(check(&d, lang, &tenant));
        }
        // The report's charts are all there, each with its description.
        let (_, report, _) = &docs[0];
        let d = unzip("report-sv.docx", report);
        let document = Document::parse(&d.parts["word/document.xml"]).unwrap();
        let pictures = document
            .descendants()
            .filter(|n| n.tag_name().name() == "docPr")
            .count();
        assert!(pictures >= 11, "{pictures} pictures in the report");
    }
    assert!(
        errors.is_empty(),
        "{} problems:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
