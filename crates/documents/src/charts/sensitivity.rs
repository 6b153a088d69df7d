//! Weight-sensitivity lines for one criterion: x is the criterion's weight
//! from 0 to 100 %, y each membership's benefit index (the other weights
//! scaled to make room). Rings mark where two lines cross (the ranking
//! changes), triangles where a membership's recommendation changes, and a
//! grey bar the weight the strategy gives today. Lines are named at their
//! right ends, so the chart does not depend on telling colours apart.

use super::labels;
use super::{Drawn, GRID, INK, Look, NORMAL, SMALL, fail, series};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

#[derive(Debug, Clone)]
pub struct Sensitivity {
    /// The x axis, e.g. "Vikt för Påverkan".
    pub x_desc: String,
    /// The y axis, e.g. "Nyttoindex".
    pub y_desc: String,
    /// The current weight, 0–1.
    pub current: f64,
    /// Label of the current weight, e.g. "nu 25 %".
    pub now: String,
    /// (membership, index at evenly spaced weights from 0 to 1; None where undefined).
    pub lines: Vec<(String, Vec<Option<f64>>)>,
    /// (weight 0–1, index) where the ranking changes.
    pub crossovers: Vec<(f64, f64)>,
    /// (weight 0–1, index) where a recommendation changes.
    pub changes: Vec<(f64, f64)>,
    /// Legend texts for the ring and the triangle.
    pub legend: [String; 2],
}

const LABEL: i32 = NORMAL;
const LEGEND: i32 = 26;

impl Sensitivity {
    fn right(&self) -> i32 {
        let em = Look::SCREEN.em(LABEL);
        self.same()
            .iter()
            .map(|g| {
                let names: Vec<&str> = g.iter().map(|&i| self.lines[i].0.as_str()).collect();
                labels::width(&names.join(", "), em)
            })
            .max()
            .unwrap_or(0)
            .min(200)
            + 30
    }

    pub fn size(&self) -> (u32, u32) {
        (640, 400 + LEGEND as u32)
    }

    /// The lines grouped where they lie on each other all the way.
    fn same(&self) -> Vec<Vec<usize>> {
        let equal = |a: &[Option<f64>], b: &[Option<f64>]| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| match (x, y) {
                    (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                    (None, None) => true,
                    _ => false,
                })
        };
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, (_, points)) in self.lines.iter().enumerate() {
            match groups
                .iter_mut()
                .find(|g| equal(&self.lines[g[0]].1, points))
            {
                Some(g) => g.push(i),
                None => groups.push(vec![i]),
            }
        }
        groups
    }

    /// The runs of defined points of a line, as (weight %, index).
    fn runs(points: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
        let steps = points.len().saturating_sub(1).max(1) as f64;
        let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut current = Vec::new();
        for (k, p) in points.iter().enumerate() {
            match p.filter(|v| v.is_finite()) {
                Some(v) => current.push((k as f64 / steps * 100.0, v.clamp(0.0, 100.0))),
                None if !current.is_empty() => out.push(std::mem::take(&mut current)),
                None => {}
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
        out
    }

    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        look: Look,
    ) -> Drawn {
        let mut chart = ChartBuilder::on(root)
            .margin_top(look.px(16))
            .margin_left(look.px(16))
            .margin_right(look.px(self.right()))
            .margin_bottom(look.px(LEGEND))
            .x_label_area_size(look.px(44))
            .y_label_area_size(look.px(54))
            .build_cartesian_2d(0f64..100f64, 0f64..100f64)
            .map_err(fail)?;
        chart
            .configure_mesh()
            .x_desc(self.x_desc.as_str())
            .y_desc(self.y_desc.as_str())
            .x_label_formatter(&|x| format!("{x:.0} %"))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .label_style(look.text(SMALL))
            .axis_desc_style(look.text(NORMAL))
            // No minor grid: drawn in white it could not be seen, and it was
            // half of a chart's bytes.
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(INK)
            .draw()
            .map_err(fail)?;
        let grey = RGBColor(150, 150, 150);
        // Today's weight.
        let now = (self.current.clamp(0.0, 1.0)) * 100.0;
        let (x, top) = chart.backend_coord(&(now, 100.0));
        let (_, bottom) = chart.backend_coord(&(now, 0.0));
        let half = look.px(1);
        root.draw(&Rectangle::new(
            [(x - half, top), (x + half, bottom)],
            grey.filled(),
        ))
        .map_err(fail)?;
        let side = if now > 70.0 { HPos::Right } else { HPos::Left };
        let dx = if now > 70.0 { -look.px(4) } else { look.px(4) };
        root.draw(&Text::new(
            self.now.clone(),
            (x + dx, top + look.px(8)),
            look.anchored(SMALL, side),
        ))
        .map_err(fail)?;
        // Lines that lie on each other get one name ("Metropolis, UCLG") and
        // the colour of the one drawn last, which is the one seen.
        let mut ends = Vec::new();
        for group in self.same() {
            let mut end = None;
            for &i in &group {
                let runs = Self::runs(&self.lines[i].1);
                for run in &runs {
                    chart
                        .draw_series(LineSeries::new(
                            run.iter().copied(),
                            series(i).stroke_width(look.px(2) as u32),
                        ))
                        .map_err(fail)?;
                }
                end = runs.last().and_then(|r| r.last()).copied().or(end);
            }
            if let (Some(end), Some(&top)) = (end, group.last()) {
                let names: Vec<&str> = group.iter().map(|&i| self.lines[i].0.as_str()).collect();
                ends.push((top, names.join(", "), chart.backend_coord(&end)));
            }
        }
        let ring = look.px(5);
        chart
            .draw_series(self.crossovers.iter().map(|(w, v)| {
                Circle::new(
                    (w * 100.0, v.clamp(0.0, 100.0)),
                    ring,
                    INK.stroke_width(look.px(2) as u32),
                )
            }))
            .map_err(fail)?;
        let size = look.px(6);
        chart
            .draw_series(self.changes.iter().map(|(w, v)| {
                TriangleMarker::new((w * 100.0, v.clamp(0.0, 100.0)), size, INK.filled())
            }))
            .map_err(fail)?;
        // Names at the right ends of the lines, spread so they do not collide.
        let em = look.em(LABEL);
        let (_, ys) = chart.plotting_area().get_pixel_range();
        let wanted: Vec<i32> = ends.iter().map(|(_, _, (_, y))| *y).collect();
        let at = labels::spread(&wanted, labels::height(em), ys.start, ys.end);
        let style = look.anchored(LABEL, HPos::Left);
        for ((i, name, (x, _)), y) in ends.iter().zip(at) {
            let key = look.px(10);
            root.draw(&Rectangle::new(
                [
                    (x + look.px(6), y - look.px(1)),
                    (x + look.px(6) + key, y + look.px(1)),
                ],
                series(*i).filled(),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(
                name.clone(),
                (x + look.px(8) + key, y),
                style.clone(),
            ))
            .map_err(fail)?;
        }
        self.legend(root, look)
    }

    fn legend<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, look: Look) -> Drawn {
        let (_, h) = self.size();
        let y = look.px(h as i32 - LEGEND / 2);
        let style = look.anchored(SMALL, HPos::Left);
        let mut x = look.px(70);
        root.draw(&Circle::new(
            (x, y),
            look.px(5),
            INK.stroke_width(look.px(2) as u32),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            self.legend[0].clone(),
            (x + look.px(10), y),
            style.clone(),
        ))
        .map_err(fail)?;
        x += look.px(30) + labels::width(&self.legend[0], look.em(SMALL));
        root.draw(&TriangleMarker::new((x, y), look.px(6), INK.filled()))
            .map_err(fail)?;
        root.draw(&Text::new(
            self.legend[1].clone(),
            (x + look.px(10), y),
            style,
        ))
        .map_err(fail)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Chart, INK, Look, testing};
    use super::*;

    fn chart() -> Sensitivity {
        // A: 40 + 40t, B: 55 + 5t, C undefined beyond t = 0.5.
        let sample =
            |f: &dyn Fn(f64) -> Option<f64>| (0..=100).map(|k| f(k as f64 / 100.0)).collect();
        Sensitivity {
            x_desc: "Vikt för Påverkan".into(),
            y_desc: "Nyttoindex".into(),
            current: 0.5,
            now: "nu 50 %".into(),
            lines: vec![
                ("EUROCITIES".into(), sample(&|t| Some(40.0 + 40.0 * t))),
                ("C40".into(), sample(&|t| Some(55.0 + 5.0 * t))),
                ("UCLG".into(), sample(&|t| (t <= 0.5).then_some(30.0))),
            ],
            crossovers: vec![(3.0 / 7.0, 55.0 + 15.0 / 7.0)],
            changes: vec![(0.375, 55.0), (0.875, 75.0)],
            legend: [
                "rangordningen ändras".into(),
                "rekommendationen ändras".into(),
            ],
        }
    }

    #[test]
    fn lines_rings_and_triangles_as_computed() {
        let svg = Chart::Sensitivity(chart()).svg(Look::SCREEN).unwrap();
        let doc = testing::parse(&svg);
        let lines = |i: usize| {
            doc.descendants()
                .filter(|n| n.has_tag_name("polyline"))
                .filter(|n| n.attribute("stroke") == Some(testing::hex(series(i)).as_str()))
                .count()
        };
        assert_eq!((lines(0), lines(1), lines(2)), (1, 1, 1));
        let ink = testing::hex(INK);
        let rings = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle") && n.attribute("stroke") == Some(ink.as_str()))
            .count();
        // One crossover and the legend's ring; two changes and the legend's triangle.
        assert_eq!(rings, 2);
        assert_eq!(testing::filled(&doc, "polygon", &ink), 3);
        let texts = testing::texts(&doc);
        for t in [
            "EUROCITIES",
            "C40",
            "UCLG",
            "nu 50 %",
            "Vikt för Påverkan",
            "rekommendationen ändras",
            "100 %",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing: {texts:?}");
        }
        testing::csp_safe(&svg);
    }

    #[test]
    fn lines_on_top_of_each_other_share_a_name() {
        let mut c = chart();
        let copy = c.lines[2].1.clone();
        c.lines.insert(2, ("Metropolis".into(), copy));
        let svg = Chart::Sensitivity(c).svg(Look::SCREEN).unwrap();
        let texts = testing::texts(&testing::parse(&svg));
        assert!(texts.iter().any(|t| t == "Metropolis, UCLG"), "{texts:?}");
        assert!(!texts.iter().any(|t| t == "UCLG"));
    }

    #[test]
    fn undefined_stretches_break_the_line() {
        let runs = Sensitivity::runs(&[Some(1.0), None, Some(2.0), Some(3.0), None]);
        assert_eq!(runs, vec![vec![(0.0, 1.0)], vec![(50.0, 2.0), (75.0, 3.0)]]);
        assert!(Sensitivity::runs(&[None, None]).is_empty());
    }
}
