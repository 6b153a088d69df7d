//! The benefit-versus-cost plane: one point per membership. Memberships at
//! the same place share one label ("Metropolis, UCLG"); the other labels are
//! placed where they cover neither each other nor a point.

use super::labels::{self, Bounds};
use super::{Drawn, GRID, INK, Look, NORMAL, SERIES, SMALL, fail};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

#[derive(Debug, Clone)]
pub struct Plane {
    /// (label, benefit index 0–100, cost index 0–100).
    pub points: Vec<(String, f64, f64)>,
    /// The axis descriptions.
    pub benefit: String,
    pub cost: String,
}

const LABEL: i32 = NORMAL + 1;
const RADIUS: i32 = 6;

impl Plane {
    pub fn size(&self) -> (u32, u32) {
        (640, 440)
    }

    pub(crate) fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        look: Look,
    ) -> Drawn {
        let mut chart = ChartBuilder::on(root)
            .margin(look.px(20))
            .x_label_area_size(look.px(44))
            .y_label_area_size(look.px(54))
            .build_cartesian_2d(0f64..100f64, 0f64..100f64)
            .map_err(fail)?;
        chart
            .configure_mesh()
            .x_desc(self.cost.as_str())
            .y_desc(self.benefit.as_str())
            .x_label_formatter(&|x| format!("{x:.0}"))
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
        let clamp = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, 100.0)
            } else {
                0.0
            }
        };
        let at: Vec<(f64, f64)> = self
            .points
            .iter()
            .map(|(_, b, c)| (clamp(*c), clamp(*b)))
            .collect();
        let radius = look.px(RADIUS);
        chart
            .draw_series(at.iter().map(|p| {
                Circle::new(
                    *p,
                    radius,
                    SERIES[0].filled().stroke_width(look.px(1) as u32),
                )
            }))
            .map_err(fail)?;
        let pixels: Vec<(i32, i32)> = at.iter().map(|p| chart.backend_coord(p)).collect();
        let groups = labels::groups(&pixels, radius);
        let em = look.em(LABEL);
        let texts: Vec<String> = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|&i| self.points[i].0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        let anchors: Vec<(i32, i32)> = groups.iter().map(|g| pixels[g[0]]).collect();
        let sizes: Vec<(i32, i32)> = texts
            .iter()
            .map(|t| (labels::width(t, em), labels::height(em)))
            .collect();
        let markers: Vec<Bounds> = pixels
            .iter()
            .map(|(x, y)| Bounds {
                l: x - radius,
                t: y - radius,
                r: x + radius,
                b: y + radius,
            })
            .collect();
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        let area = Bounds {
            l: xs.start,
            t: ys.start,
            r: xs.end,
            b: ys.end,
        };
        let boxes = labels::place(&anchors, &sizes, &markers, look.px(4) + radius, area);
        let style = look.anchored(LABEL, HPos::Left);
        for (text, b) in texts.iter().zip(boxes) {
            root.draw(&Text::new(
                text.clone(),
                (b.l, (b.t + b.b) / 2),
                style.clone(),
            ))
            .map_err(fail)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Chart, Look, labels, testing};
    use super::Plane;

    fn svg(points: &[(&str, f64, f64)]) -> String {
        Chart::Plane(Plane {
            points: points
                .iter()
                .map(|(l, b, c)| (l.to_string(), *b, *c))
                .collect(),
            benefit: "Nyttoindex".into(),
            cost: "Kostnadsindex".into(),
        })
        .svg(Look::SCREEN)
        .unwrap()
    }

    /// The box each text of the SVG takes, read back from its attributes with
    /// the same generous width rule the layout uses.
    fn boxes(doc: &roxmltree::Document, only: &[&str]) -> Vec<(String, labels::Bounds)> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| {
                let text = n.text()?.trim().to_owned();
                if !only.iter().any(|o| text.contains(o)) {
                    return None;
                }
                let num = |a: &str| n.attribute(a).and_then(|v| v.parse::<f64>().ok());
                let (x, y, em) = (num("x")?, num("y")?, num("font-size")?);
                assert_eq!(n.attribute("text-anchor"), Some("start"));
                let w = labels::width(&text, em);
                let b = labels::Bounds {
                    l: x as i32,
                    t: (y - em / 2.0) as i32,
                    r: x as i32 + w,
                    b: (y + em / 2.0).ceil() as i32,
                };
                Some((text, b))
            })
            .collect()
    }

    #[test]
    fn every_membership_is_a_point_with_its_name() {
        let svg = svg(&[("EUROCITIES", 83.0, 5.0), ("UCLG", 25.0, 10.0)]);
        let doc = testing::parse(&svg);
        assert_eq!(testing::filled(&doc, "circle", "#0072B2"), 2);
        let texts = testing::texts(&doc);
        for t in [
            "EUROCITIES",
            "UCLG",
            "Nyttoindex",
            "Kostnadsindex",
            "0",
            "50",
            "100",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing: {texts:?}");
        }
        testing::csp_safe(&svg);
    }

    #[test]
    fn coinciding_memberships_share_one_label() {
        // Metropolis and UCLG in the Stockholm demo have the same point.
        let svg = svg(&[
            ("EUROCITIES", 83.0, 5.0),
            ("Metropolis", 25.0, 10.0),
            ("UCLG", 25.0, 10.0),
            ("C40", 70.0, 10.0),
        ]);
        let doc = testing::parse(&svg);
        let texts = testing::texts(&doc);
        assert!(texts.iter().any(|t| t == "Metropolis, UCLG"), "{texts:?}");
        assert!(!texts.iter().any(|t| t == "Metropolis" || t == "UCLG"));
        assert_eq!(testing::filled(&doc, "circle", "#0072B2"), 4);
    }

    #[test]
    fn labels_of_near_points_do_not_overlap() {
        let names = ["Metropolis", "UCLG", "ICLEI", "Energy Cities"];
        // Two units apart on a 100-unit axis: separate markers, crowded labels.
        let svg = svg(&[
            ("Metropolis", 25.0, 10.0),
            ("UCLG", 27.0, 12.0),
            ("ICLEI", 29.0, 10.0),
            ("Energy Cities", 27.0, 8.0),
        ]);
        let doc = testing::parse(&svg);
        let boxes = boxes(&doc, &names);
        assert_eq!(boxes.len(), 4, "{boxes:?}");
        for (i, (a, x)) in boxes.iter().enumerate() {
            for (b, y) in &boxes[i + 1..] {
                assert!(!x.overlaps(y), "{a} {x:?} overlaps {b} {y:?}");
            }
        }
    }

    #[test]
    fn labels_are_escaped() {
        let svg = svg(&[("<script>alert(1)</script>", 50.0, 50.0)]);
        assert!(!svg.contains("<script>"));
        let doc = testing::parse(&svg);
        assert!(testing::texts(&doc).contains(&"<script>alert(1)</script>".to_owned()));
    }
}
