//! Charts drawn with plotters: the benefit-versus-cost plane, diverging
//! answer bars per criterion, contribution bars, weight-sensitivity lines and
//! category-probability bars of the review analysis, and the representation
//! bars. Each chart is drawn once by generic code onto either backend: SVG
//! for the page, the HTML report and the PDF (typst embeds SVG), PNG for the
//! DOCX (Word wants a bitmap).
//!
//! A chart never stands alone: a [`Figure`] carries its title, a sentence
//! saying what it shows and the numbers as a table, so the page and every
//! document can give a text alternative beside the picture.

mod bars;
mod contributions;
mod diverging;
pub(crate) mod fonts;
pub(crate) mod labels;
mod plane;
mod probabilities;
mod representation;
mod sensitivity;

pub use contributions::Contributions;
pub use diverging::{Diverging, DivergingRow};
pub use plane::Plane;
pub use probabilities::Probabilities;
pub use representation::Representation;
pub use sensitivity::Sensitivity;

use crate::xml::escape;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a chart is drawn for one output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The font family written into SVG text (and measured with the bundled font).
    pub font: &'static str,
    /// Pixels per unit of the chart's layout: 2 for sharper bitmaps.
    pub scale: i32,
}

impl Look {
    /// For browsers: their own sans-serif, like the rest of the page.
    pub const SCREEN: Look = Look {
        font: fonts::SCREEN,
        scale: 1,
    };
    /// For the PDF: the same Libertinus Serif as the report's text.
    pub const PRINT: Look = Look {
        font: fonts::PRINT,
        scale: 1,
    };
    /// For the DOCX: Libertinus Serif at twice the resolution.
    pub const BITMAP: Look = Look {
        font: fonts::PRINT,
        scale: 2,
    };

    pub(crate) fn px(&self, v: i32) -> i32 {
        v * self.scale
    }

    /// Text of nominal `size` (plotters renders it at size / 1.24 px).
    pub(crate) fn text(&self, size: i32) -> TextStyle<'static> {
        (self.font, f64::from(self.px(size)))
            .into_font()
            .color(&INK)
    }

    /// The size a text of nominal `size` is rendered at, in pixels.
    pub(crate) fn em(&self, size: i32) -> f64 {
        f64::from(self.px(size)) / 1.24
    }

    /// Text anchored at its left (or right) end and vertical centre.
    pub(crate) fn anchored(&self, size: i32, h: HPos) -> TextStyle<'static> {
        self.text(size).pos(Pos::new(h, VPos::Center))
    }
}

/// Nominal text sizes (rendered at 1/1.24): tick labels and notes, names.
pub(crate) const SMALL: i32 = 15;
pub(crate) const NORMAL: i32 = 16;

/// Text and axes: near black, for contrast on white.
pub(crate) const INK: RGBColor = RGBColor(26, 26, 26);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(225, 225, 225);
/// Series colours after Okabe and Ito, told apart with the common kinds of
/// colour blindness; yellow is left out for its low contrast on white.
pub(crate) const SERIES: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(0, 0, 0),
];

pub(crate) fn series(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

/// A drawing error as text (the backends' error types differ).
pub(crate) fn fail<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

pub(crate) type Drawn = Result<(), String>;

/// The numbers behind a chart, as a table with a header row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The charts there are; each knows its size and how to draw itself.
#[derive(Debug, Clone)]
pub enum Chart {
    Plane(Plane),
    Diverging(Diverging),
    Contributions(Contributions),
    Sensitivity(Sensitivity),
    Probabilities(Probabilities),
    Representation(Representation),
}

impl Chart {
    /// Width and height in layout units (pixels at scale 1).
    pub fn size(&self) -> (u32, u32) {
        match self {
            Chart::Plane(c) => c.size(),
            Chart::Diverging(c) => c.size(),
            Chart::Contributions(c) => c.size(),
            Chart::Sensitivity(c) => c.size(),
            Chart::Probabilities(c) => c.size(),
            Chart::Representation(c) => c.size(),
        }
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, look: Look) -> Drawn {
        root.fill(&WHITE).map_err(fail)?;
        match self {
            Chart::Plane(c) => c.draw(root, look),
            Chart::Diverging(c) => c.draw(root, look),
            Chart::Contributions(c) => c.draw(root, look),
            Chart::Sensitivity(c) => c.draw(root, look),
            Chart::Probabilities(c) => c.draw(root, look),
            Chart::Representation(c) => c.draw(root, look),
        }?;
        root.present().map_err(fail)
    }

    fn pixels(&self, look: Look) -> (u32, u32) {
        let (w, h) = self.size();
        let s = look.scale.max(1) as u32;
        (w * s, h * s)
    }

    /// The chart as an SVG document (no title or description; see [`Figure::svg`]).
    pub fn svg(&self, look: Look) -> Result<String, String> {
        fonts::ensure()?;
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, self.pixels(look)).into_drawing_area();
            self.draw(&root, look)?;
        }
        Ok(out)
    }

    /// The chart as a PNG file, with its width and height in pixels.
    pub fn png(&self, look: Look) -> Result<(Vec<u8>, u32, u32), String> {
        fonts::ensure()?;
        let (w, h) = self.pixels(look);
        let mut rgb = vec![255u8; w as usize * h as usize * 3];
        {
            let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
            self.draw(&root, look)?;
        }
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, w, h);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().map_err(fail)?;
            writer.write_image_data(&rgb).map_err(fail)?;
            writer.finish().map_err(fail)?;
        }
        Ok((out, w, h))
    }
}

/// A chart with everything needed to read it without seeing it.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Unique within a document; names the figure's files and element ids
    /// (letters, digits and '-').
    pub key: String,
    /// The caption.
    pub title: String,
    /// One or two sentences saying what the chart shows (the SVG's description).
    pub summary: String,
    /// The numbers behind it.
    pub table: Table,
    pub chart: Chart,
}

impl Figure {
    /// The SVG with role="img", a <title> and a <desc> that screen readers announce.
    pub fn svg(&self, look: Look) -> Result<String, String> {
        let raw = self.chart.svg(look)?;
        Ok(accessible(&raw, &self.key, &self.title, &self.summary))
    }

    /// The PNG with its size in pixels.
    pub fn png(&self) -> Result<(Vec<u8>, u32, u32), String> {
        self.chart.png(Look::BITMAP)
    }

    /// The file name under which a document refers to the SVG.
    pub fn file(&self) -> String {
        format!("{}.svg", self.key)
    }
}

/// Adds the accessible name and description to the opening tag plotters wrote.
fn accessible(svg: &str, key: &str, title: &str, summary: &str) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_owned();
    };
    let key: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!(
        "{} role=\"img\" aria-labelledby=\"{key}-title {key}-desc\">\n<title id=\"{key}-title\">{}</title>\n<desc id=\"{key}-desc\">{}</desc>{}",
        &svg[..end],
        escape(title),
        escape(summary),
        &svg[end + 1..]
    )
}

/// The benefit-versus-cost plane as SVG for the page: (label, benefit index, cost index).
pub fn benefit_cost(
    points: &[(String, f64, f64)],
    benefit_label: &str,
    cost_label: &str,
) -> Result<String, String> {
    Chart::Plane(Plane {
        points: points.to_vec(),
        benefit: benefit_label.to_owned(),
        cost: cost_label.to_owned(),
    })
    .svg(Look::SCREEN)
}

/// Seats per organisation as stacked bars: majority, opposition, others.
/// `rows` are (organisation, majority, opposition, other); `legend` names the three.
pub fn representation(rows: &[(String, usize, usize, usize)], legend: [&str; 3]) -> String {
    let chart = Chart::Representation(Representation {
        rows: rows.to_vec(),
        legend: legend.map(str::to_owned),
    });
    // The page has the same numbers as a table beside the chart, so a chart
    // that cannot be drawn leaves nothing out.
    chart.svg(Look::SCREEN).unwrap_or_default()
}

/// Shared checks of the chart tests.
#[cfg(test)]
pub(crate) mod testing {
    /// The SVG parsed, or the test fails with the parser's complaint.
    pub(crate) fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("invalid SVG: {e}\n{svg}"))
    }

    /// Elements `tag` filled with colour `fill` (e.g. "#0072B2").
    pub(crate) fn filled(doc: &roxmltree::Document, tag: &str, fill: &str) -> usize {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag) && n.attribute("fill") == Some(fill))
            .count()
    }

    pub(crate) fn hex(c: plotters::style::RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    pub(crate) fn texts(doc: &roxmltree::Document) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or("").trim().to_owned())
            .collect()
    }

    /// Nothing a content security policy without 'unsafe-inline' would block.
    pub(crate) fn csp_safe(svg: &str) {
        assert!(!svg.contains("style="), "inline style in\n{svg}");
        assert!(!svg.contains("<script"), "script in\n{svg}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure() -> Figure {
        Figure {
            key: "chart-plane".into(),
            title: "Nytta & kostnad".into(),
            summary: "EUROCITIES <hög> nytta.".into(),
            table: Table::default(),
            chart: Chart::Plane(Plane {
                points: vec![("EUROCITIES".into(), 83.0, 5.0)],
                benefit: "Nytta".into(),
                cost: "Kostnad".into(),
            }),
        }
    }

    #[test]
    fn a_figure_has_an_accessible_name_and_description() {
        let svg = figure().svg(Look::SCREEN).unwrap();
        let doc = testing::parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some("chart-plane-title chart-plane-desc")
        );
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("Nytta & kostnad"));
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
        assert_eq!(desc.text(), Some("EUROCITIES <hög> nytta."));
        testing::csp_safe(&svg);
    }

    #[test]
    fn the_same_chart_becomes_a_png_at_twice_the_size() {
        let f = figure();
        let (png, w, h) = f.png().unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!((w, h), (f.chart.size().0 * 2, f.chart.size().1 * 2));
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut pixels).unwrap();
        // Text and marker are drawn: some pixels are dark, most are white.
        let dark = pixels
            .chunks(3)
            .filter(|p| p.iter().all(|c| *c < 100))
            .count();
        assert!(dark > 200, "{dark} dark pixels");
    }

    #[test]
    fn nothing_is_drawn_that_cannot_be_seen() {
        // A grid drawn in white on white once made half of each chart's bytes.
        let svg = figure().svg(Look::SCREEN).unwrap();
        let doc = testing::parse(&svg);
        let white = doc
            .descendants()
            .filter(|n| n.has_tag_name("line") && n.attribute("stroke") == Some("#FFFFFF"))
            .count();
        assert_eq!(white, 0, "{svg}");
    }

    #[test]
    fn print_charts_name_the_bundled_font() {
        let svg = figure().svg(Look::PRINT).unwrap();
        assert!(svg.contains("font-family=\"Libertinus Serif\""));
        let svg = figure().svg(Look::SCREEN).unwrap();
        assert!(svg.contains("font-family=\"sans-serif\""));
    }
}
