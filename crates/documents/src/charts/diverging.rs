//! Diverging stacked bars for one criterion: per membership the shares of
//! answers 1–5 on the criterion's scale questions, 1–2 to the left of zero,
//! 4–5 to the right and 3 split across it, so agreement reads as length to
//! the right. "Don't know" is not an answer on the scale and is left out;
//! n is written beside each bar. Suppressed groups show no bar at all.

use super::bars::{self, Frame};
use super::{Drawn, INK, Look, SMALL, fail};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// Red to blue through grey (ColorBrewer RdBu), readable with red-green
/// colour blindness; the middle grey is dark enough to show on white.
pub(crate) const SCALE: [RGBColor; 5] = [
    RGBColor(178, 24, 43),
    RGBColor(239, 138, 98),
    RGBColor(186, 186, 186),
    RGBColor(103, 169, 207),
    RGBColor(33, 102, 172),
];

#[derive(Debug, Clone)]
pub struct DivergingRow {
    pub label: String,
    /// Answers 1..=5 at index 0..=4.
    pub counts: [usize; 5],
    pub dont_know: usize,
    /// Too few respondents to show (the survey's threshold k).
    pub suppressed: bool,
}

#[derive(Debug, Clone)]
pub struct Diverging {
    pub rows: Vec<DivergingRow>,
    /// Legend texts for 1..=5.
    pub legend: [String; 5],
    /// "n = {n}" and "vet ej {d}" style note per row, written by the caller.
    pub notes: Vec<String>,
    /// Shown instead of a bar when a row has no answers to show.
    pub empty: String,
}

impl Diverging {
    fn frame<'a>(&'a self, names: &'a [String], legend: &'a [(String, RGBColor)]) -> Frame<'a> {
        Frame {
            rows: names,
            x: -100f64..100f64,
            x_label: &|x| format!("{:.0} %", x.abs()),
            right: bars::notes_width(&self.notes),
            legend,
        }
    }

    fn parts(&self) -> (Vec<String>, Vec<(String, RGBColor)>) {
        (
            self.rows.iter().map(|r| r.label.clone()).collect(),
            self.legend.iter().cloned().zip(SCALE).collect(),
        )
    }

    pub fn size(&self) -> (u32, u32) {
        let (names, legend) = self.parts();
        self.frame(&names, &legend).size()
    }

    /// The segments of a row as (answer 1..=5, from %, to %), left to right.
    pub(crate) fn segments(row: &DivergingRow) -> Vec<(usize, f64, f64)> {
        let n: usize = row.counts.iter().sum();
        if n == 0 || row.suppressed {
            return Vec::new();
        }
        let share = |k: usize| row.counts[k] as f64 / n as f64 * 100.0;
        let half = share(2) / 2.0;
        let mut out = Vec::new();
        // Leftwards from zero: half of 3, then 2, then 1.
        let mut x = -half;
        for k in [1, 0] {
            out.insert(0, (k + 1, x - share(k), x));
            x -= share(k);
        }
        out.push((3, -half, 0.0));
        out.push((3, 0.0, half));
        let mut x = half;
        for k in [3, 4] {
            out.push((k + 1, x, x + share(k)));
            x += share(k);
        }
        out.retain(|(_, a, b)| b > a);
        out
    }

    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        look: Look,
    ) -> Drawn {
        let (names, legend) = self.parts();
        let frame = self.frame(&names, &legend);
        let mut chart = frame.draw(root, look)?;
        for (i, row) in self.rows.iter().enumerate() {
            let (y0, y1) = frame.band(i);
            let segments = Self::segments(row);
            chart
                .draw_series(segments.iter().map(|(answer, a, b)| {
                    Rectangle::new([(*a, y0), (*b, y1)], SCALE[answer - 1].filled())
                }))
                .map_err(fail)?;
            if segments.is_empty() {
                let (x, y) = chart.backend_coord(&(0.0, frame.centre(i)));
                root.draw(&Text::new(
                    self.empty.clone(),
                    (x, y),
                    look.anchored(SMALL, HPos::Center),
                ))
                .map_err(fail)?;
            }
            if let Some(note) = self.notes.get(i) {
                bars::note(root, &chart, &frame, look, i, note)?;
            }
        }
        // Zero, where disagreement ends and agreement begins.
        let top = self.rows.len().max(1) as f64;
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (0.0, top)],
                INK.stroke_width(look.px(1) as u32),
            ))
            .map_err(fail)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Chart, Look, testing};
    use super::*;

    fn chart(rows: Vec<DivergingRow>) -> Diverging {
        Diverging {
            notes: rows
                .iter()
                .map(|r| {
                    format!(
                        "n = {} · vet ej {}",
                        r.counts.iter().sum::<usize>(),
                        r.dont_know
                    )
                })
                .collect(),
            rows,
            legend: ["1", "2", "3", "4", "5"].map(String::from),
            empty: "för få svar".into(),
        }
    }

    fn row(label: &str, counts: [usize; 5]) -> DivergingRow {
        DivergingRow {
            label: label.into(),
            counts,
            dont_know: 1,
            suppressed: false,
        }
    }

    #[test]
    fn the_middle_answer_is_split_across_zero() {
        let s = Diverging::segments(&row("X", [1, 1, 2, 1, 1]));
        let want = [
            (1, -50.0, -100.0 / 3.0),
            (2, -100.0 / 3.0, -50.0 / 3.0),
            (3, -50.0 / 3.0, 0.0),
            (3, 0.0, 50.0 / 3.0),
            (4, 50.0 / 3.0, 100.0 / 3.0),
            (5, 100.0 / 3.0, 50.0),
        ];
        assert_eq!(s.len(), want.len());
        for (got, want) in s.iter().zip(want) {
            assert_eq!(got.0, want.0);
            assert!((got.1 - want.1).abs() < 1e-9 && (got.2 - want.2).abs() < 1e-9);
        }
        // All agree: one bar to the right; nothing shown when suppressed.
        assert_eq!(
            Diverging::segments(&row("X", [0, 0, 0, 0, 6])),
            [(5, 0.0, 100.0)]
        );
        let mut hidden = row("X", [3, 3, 0, 0, 0]);
        hidden.suppressed = true;
        assert!(Diverging::segments(&hidden).is_empty());
        assert!(Diverging::segments(&row("X", [0; 5])).is_empty());
    }

    #[test]
    fn one_bar_per_answer_given_and_n_beside_it() {
        let mut small = row("UCLG", [2, 0, 0, 0, 0]);
        small.suppressed = true;
        let c = chart(vec![
            row("EUROCITIES", [0, 0, 1, 2, 3]),
            row("Metropolis", [1, 1, 2, 1, 1]),
            small,
        ]);
        let svg = Chart::Diverging(c).svg(Look::SCREEN).unwrap();
        let doc = testing::parse(&svg);
        // EUROCITIES: 3 split in two, 4, 5; Metropolis all six; UCLG none;
        // and one key of each colour in the legend.
        let fills = |i: usize| testing::filled(&doc, "rect", &testing::hex(SCALE[i]));
        assert_eq!(
            (fills(0), fills(1), fills(2), fills(3), fills(4)),
            (2, 2, 5, 3, 3)
        );
        let texts = testing::texts(&doc);
        for t in [
            "EUROCITIES",
            "Metropolis",
            "UCLG",
            "n = 6 · vet ej 1",
            "n = 2 · vet ej 1",
            "för få svar",
            "100 %",
            "0 %",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing: {texts:?}");
        }
        testing::csp_safe(&svg);
    }
}
