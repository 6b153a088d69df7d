//! Seats per organisation as stacked bars: majority, opposition, others.

use super::bars::Frame;
use super::{Drawn, Look, fail};
use plotters::coord::Shift;
use plotters::prelude::*;

const COLOURS: [RGBColor; 3] = [
    RGBColor(31, 95, 160),
    RGBColor(200, 90, 20),
    RGBColor(140, 140, 140),
];

#[derive(Debug, Clone)]
pub struct Representation {
    /// (organisation, majority, opposition, other).
    pub rows: Vec<(String, usize, usize, usize)>,
    /// Names of the three groups.
    pub legend: [String; 3],
}

impl Representation {
    fn parts(&self) -> (Vec<String>, Vec<(String, RGBColor)>, f64) {
        let most = self
            .rows
            .iter()
            .map(|(_, a, b, c)| a + b + c)
            .max()
            .unwrap_or(1)
            .max(1);
        (
            self.rows.iter().map(|r| r.0.clone()).collect(),
            self.legend.iter().cloned().zip(COLOURS).collect(),
            most as f64,
        )
    }

    fn frame<'a>(names: &'a [String], legend: &'a [(String, RGBColor)], most: f64) -> Frame<'a> {
        Frame {
            rows: names,
            x: 0f64..most,
            x_label: &|x| {
                if x.fract() == 0.0 {
                    format!("{x:.0}")
                } else {
                    String::new()
                }
            },
            right: 0,
            legend,
        }
    }

    pub fn size(&self) -> (u32, u32) {
        let (names, legend, most) = self.parts();
        Self::frame(&names, &legend, most).size()
    }

    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        look: Look,
    ) -> Drawn {
        let (names, legend, most) = self.parts();
        let frame = Self::frame(&names, &legend, most);
        let mut chart = frame.draw(root, look)?;
        for (i, (_, a, b, c)) in self.rows.iter().enumerate() {
            let (y0, y1) = frame.band(i);
            let mut x = 0.0;
            let mut segments = Vec::new();
            for (n, colour) in [a, b, c].iter().zip(COLOURS) {
                let w = **n as f64;
                if w > 0.0 {
                    segments.push(Rectangle::new([(x, y0), (x + w, y1)], colour.filled()));
                }
                x += w;
            }
            chart.draw_series(segments).map_err(fail)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing;

    #[test]
    fn every_organisation_has_a_bar() {
        let svg = super::super::representation(
            &[("UCLG".into(), 2, 0, 0), ("EUROCITIES".into(), 1, 1, 1)],
            ["Majoritet", "Opposition", "Övriga"],
        );
        let doc = testing::parse(&svg);
        let texts = testing::texts(&doc);
        for t in ["UCLG", "EUROCITIES", "Opposition"] {
            assert!(texts.iter().any(|x| x == t), "{t} missing: {texts:?}");
        }
        // Four segments and three legend keys.
        let coloured = super::COLOURS
            .iter()
            .map(|c| testing::filled(&doc, "rect", &testing::hex(*c)))
            .sum::<usize>();
        assert_eq!(coloured, 7);
    }
}
