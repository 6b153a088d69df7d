//! Contribution bars: per membership, each criterion's weighted contribution
//! to the benefit index stacked left to right, so the bar ends at the index
//! and shows which criteria carry it.

use super::bars::{self, Frame};
use super::{Drawn, Look, SMALL, fail, series};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

#[derive(Debug, Clone)]
pub struct Contributions {
    /// Criterion names, in the strategy's order.
    pub criteria: Vec<String>,
    /// (membership, contribution per criterion; None without evidence).
    pub rows: Vec<(String, Vec<Option<f64>>)>,
    /// Shown instead of a bar when a membership has no index.
    pub empty: String,
}

impl Contributions {
    fn parts(&self) -> (Vec<String>, Vec<(String, RGBColor)>, Vec<String>) {
        let names = self.rows.iter().map(|(n, _)| n.clone()).collect();
        let legend = self
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), series(i)))
            .collect();
        let totals = self
            .rows
            .iter()
            .map(|(_, c)| match total(c) {
                Some(t) => format!("{t:.0}"),
                None => String::new(),
            })
            .collect();
        (names, legend, totals)
    }

    fn frame<'a>(
        names: &'a [String],
        legend: &'a [(String, RGBColor)],
        totals: &[String],
    ) -> Frame<'a> {
        Frame {
            rows: names,
            x: 0f64..100f64,
            x_label: &|x| format!("{x:.0}"),
            right: bars::notes_width(totals),
            legend,
        }
    }

    pub fn size(&self) -> (u32, u32) {
        let (names, legend, totals) = self.parts();
        Self::frame(&names, &legend, &totals).size()
    }

    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        look: Look,
    ) -> Drawn {
        let (names, legend, totals) = self.parts();
        let frame = Self::frame(&names, &legend, &totals);
        let mut chart = frame.draw(root, look)?;
        for (i, (_, parts)) in self.rows.iter().enumerate() {
            let (y0, y1) = frame.band(i);
            let mut x = 0.0;
            let mut segments = Vec::new();
            for (k, c) in parts.iter().enumerate() {
                if let Some(c) = c.filter(|c| c.is_finite() && *c > 0.0) {
                    let end = (x + c).min(100.0);
                    segments.push(Rectangle::new([(x, y0), (end, y1)], series(k).filled()));
                    x = end;
                }
            }
            chart.draw_series(segments).map_err(fail)?;
            match total(parts) {
                Some(_) => bars::note(root, &chart, &frame, look, i, &totals[i])?,
                None => {
                    let (x, y) = chart.backend_coord(&(0.0, frame.centre(i)));
                    root.draw(&Text::new(
                        self.empty.clone(),
                        (x + look.px(6), y),
                        look.anchored(SMALL, HPos::Left),
                    ))
                    .map_err(fail)?;
                }
            }
        }
        Ok(())
    }
}

/// The benefit index the contributions add up to; None when there are none.
fn total(parts: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = parts.iter().flatten().copied().collect();
    (!present.is_empty()).then(|| present.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::super::{Chart, Look, SERIES, testing};
    use super::*;

    #[test]
    fn each_criterion_is_a_segment_and_the_bar_ends_at_the_index() {
        let c = Contributions {
            criteria: vec![
                "Positionering".into(),
                "Verksamhetsutveckling".into(),
                "Bevakning".into(),
                "Påverkan".into(),
            ],
            rows: vec![
                (
                    "EUROCITIES".into(),
                    vec![Some(20.0), Some(21.0), Some(22.0), Some(20.0)],
                ),
                ("UCLG".into(), vec![Some(10.0), None, Some(0.0), Some(15.0)]),
                ("C40".into(), vec![None, None, None, None]),
            ],
            empty: "inget index".into(),
        };
        let svg = Chart::Contributions(c).svg(Look::SCREEN).unwrap();
        let doc = testing::parse(&svg);
        let fills = |i: usize| testing::filled(&doc, "rect", &testing::hex(SERIES[i]));
        // One legend key each, plus EUROCITIES' four and UCLG's two non-zero parts.
        assert_eq!((fills(0), fills(1), fills(2), fills(3)), (3, 2, 2, 3));
        let texts = testing::texts(&doc);
        for t in [
            "EUROCITIES",
            "UCLG",
            "C40",
            "83",
            "25",
            "inget index",
            "Verksamhetsutveckling",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing: {texts:?}");
        }
        testing::csp_safe(&svg);
    }
}
