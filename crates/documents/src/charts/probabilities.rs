//! Category probabilities as 100 % stacked horizontal bars: per membership,
//! how often SMAA gave deepen, continue, reduce and terminate (and too little
//! evidence) when the weights varied within their intervals.

use super::bars::Frame;
use super::{Drawn, INK, Look, SMALL, fail};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// Deepen, continue, reduce, terminate, insufficient evidence: blue for
/// keeping, orange to red for leaving (Okabe–Ito), grey for no evidence.
pub(crate) const CATEGORY: [(&str, RGBColor); 5] = [
    ("deepen", RGBColor(0, 114, 178)),
    ("continue", RGBColor(86, 180, 233)),
    ("reduce", RGBColor(230, 159, 0)),
    ("terminate", RGBColor(213, 94, 0)),
    ("insufficient_evidence", RGBColor(153, 153, 153)),
];

/// Only the deep blue is dark enough for white text; black reads on the rest.
fn on(colour: RGBColor) -> RGBColor {
    if colour == CATEGORY[0].1 { WHITE } else { INK }
}

fn colour(code: &str) -> RGBColor {
    CATEGORY
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(CATEGORY[4].1, |(_, c)| *c)
}

#[derive(Debug, Clone)]
pub struct Probabilities {
    /// (category code, its name), in the order drawn.
    pub categories: Vec<(String, String)>,
    /// (membership, probability 0–1 per category).
    pub rows: Vec<(String, Vec<f64>)>,
}

/// Segments narrower than this (in %) carry no number.
const LABELLED_FROM: f64 = 9.0;

impl Probabilities {
    fn parts(&self) -> (Vec<String>, Vec<(String, RGBColor)>) {
        (
            self.rows.iter().map(|(n, _)| n.clone()).collect(),
            self.categories
                .iter()
                .map(|(code, name)| (name.clone(), colour(code)))
                .collect(),
        )
    }

    fn frame<'a>(names: &'a [String], legend: &'a [(String, RGBColor)]) -> Frame<'a> {
        Frame {
            rows: names,
            x: 0f64..100f64,
            x_label: &|x| format!("{x:.0} %"),
            right: 0,
            legend,
        }
    }

    pub fn size(&self) -> (u32, u32) {
        let (names, legend) = self.parts();
        Self::frame(&names, &legend).size()
    }

    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        look: Look,
    ) -> Drawn {
        let (names, legend) = self.parts();
        let frame = Self::frame(&names, &legend);
        let mut chart = frame.draw(root, look)?;
        for (i, (_, shares)) in self.rows.iter().enumerate() {
            let (y0, y1) = frame.band(i);
            let mut x = 0.0;
            for ((code, _), p) in self.categories.iter().zip(shares) {
                let w = if p.is_finite() {
                    p.clamp(0.0, 1.0) * 100.0
                } else {
                    0.0
                };
                if w <= 0.0 {
                    continue;
                }
                let end = (x + w).min(100.0);
                let fill = colour(code);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x, y0), (end, y1)],
                        fill.filled(),
                    )))
                    .map_err(fail)?;
                if w >= LABELLED_FROM {
                    let at = chart.backend_coord(&((x + end) / 2.0, frame.centre(i)));
                    root.draw(&Text::new(
                        format!("{w:.0} %"),
                        at,
                        look.anchored(SMALL, HPos::Center).color(&on(fill)),
                    ))
                    .map_err(fail)?;
                }
                x = end;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Chart, Look, testing};
    use super::*;

    #[test]
    fn each_membership_is_one_full_bar() {
        let c = Probabilities {
            categories: ["deepen", "continue", "reduce", "terminate"]
                .iter()
                .zip(["Fördjupa", "Fortsätt", "Minska", "Avsluta"])
                .map(|(c, n)| (c.to_string(), n.to_string()))
                .collect(),
            rows: vec![
                ("EUROCITIES".into(), vec![0.62, 0.38, 0.0, 0.0]),
                ("UCLG".into(), vec![0.0, 0.0, 0.05, 0.95]),
            ],
        };
        let svg = Chart::Probabilities(c).svg(Look::SCREEN).unwrap();
        let doc = testing::parse(&svg);
        let fills = |i: usize| testing::filled(&doc, "rect", &testing::hex(CATEGORY[i].1));
        // A legend key each, plus the non-zero segments.
        assert_eq!((fills(0), fills(1), fills(2), fills(3)), (2, 2, 2, 2));
        let texts = testing::texts(&doc);
        for t in [
            "EUROCITIES",
            "UCLG",
            "62 %",
            "38 %",
            "95 %",
            "Avsluta",
            "Fördjupa",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing: {texts:?}");
        }
        // 5 % is too narrow to carry its number.
        assert!(!texts.iter().any(|x| x == "5 %"));
        testing::csp_safe(&svg);
    }
}
