//! SVG charts drawn with plotters: the benefit-versus-cost plane, one point
//! per membership. The same SVG goes into the page, the PDF and the DOCX.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// (label, benefit index 0–100, cost index 0–100).
pub fn benefit_cost(
    points: &[(String, f64, f64)],
    benefit_label: &str,
    cost_label: &str,
) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 420)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let chart = ChartBuilder::on(&root)
            .margin(20)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0f64..100f64, 0f64..100f64);
        if let Ok(mut chart) = chart {
            let _ = chart
                .configure_mesh()
                .x_desc(cost_label)
                .y_desc(benefit_label)
                .draw();
            let _ = chart.draw_series(
                points
                    .iter()
                    .map(|(_, b, c)| Circle::new((*c, *b), 6, BLUE.filled())),
            );
            let _ = chart.draw_series(points.iter().map(|(l, b, c)| {
                Text::new(
                    l.clone(),
                    (*c + 2.0, *b + 3.0),
                    ("sans-serif", 14).into_font(),
                )
            }));
        }
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_plane_names_every_membership() {
        let svg = super::benefit_cost(
            &[
                ("EUROCITIES".into(), 83.0, 5.0),
                ("UCLG".into(), 25.0, 10.0),
            ],
            "Nytta",
            "Kostnad",
        );
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("EUROCITIES") && svg.contains("UCLG"));
        assert!(svg.contains("<circle"));
    }
}

/// Seats per organisation as stacked bars: majority, opposition, others.
/// `rows` are (organisation, majority, opposition, other); `legend` names the three.
pub fn representation(rows: &[(String, usize, usize, usize)], legend: [&str; 3]) -> String {
    let mut svg = String::new();
    let height = 60 + 34 * rows.len().max(1) as u32;
    {
        let root = SVGBackend::with_string(&mut svg, (640, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let most = rows
            .iter()
            .map(|(_, a, b, c)| a + b + c)
            .max()
            .unwrap_or(1)
            .max(1);
        let chart = ChartBuilder::on(&root)
            .margin(14)
            .x_label_area_size(30)
            .y_label_area_size(120)
            .build_cartesian_2d(0f64..most as f64, 0f64..rows.len().max(1) as f64);
        if let Ok(mut chart) = chart {
            let _ = chart
                .configure_mesh()
                .disable_y_mesh()
                .y_labels(0)
                .x_labels(most.min(10))
                .x_label_formatter(&|x| format!("{x:.0}"))
                .label_style(("sans-serif", 13))
                .draw();
            let style = ("sans-serif", 13)
                .into_font()
                .into_text_style(&root)
                .pos(Pos::new(HPos::Right, VPos::Center));
            for (i, (name, ..)) in rows.iter().enumerate() {
                let (x, y) = chart.backend_coord(&(0.0, i as f64 + 0.5));
                let _ = root.draw(&Text::new(name.clone(), (x - 8, y), style.clone()));
            }
            let colours = [
                RGBColor(31, 95, 160),
                RGBColor(200, 90, 20),
                RGBColor(140, 140, 140),
            ];
            for (i, (_, a, b, c)) in rows.iter().enumerate() {
                let y0 = i as f64 + 0.15;
                let y1 = i as f64 + 0.85;
                let mut x = 0.0;
                for (n, colour) in [a, b, c].iter().zip(colours) {
                    let w = **n as f64;
                    if w > 0.0 {
                        let _ = chart.draw_series(std::iter::once(Rectangle::new(
                            [(x, y0), (x + w, y1)],
                            colour.filled(),
                        )));
                    }
                    x += w;
                }
            }
            for (k, (name, colour)) in legend.iter().zip(colours).enumerate() {
                let _ = root.draw(&Rectangle::new(
                    [
                        (140 + 160 * k as i32, height as i32 - 18),
                        (152 + 160 * k as i32, height as i32 - 6),
                    ],
                    colour.filled(),
                ));
                let _ = root.draw(&Text::new(
                    name.to_string(),
                    (158 + 160 * k as i32, height as i32 - 19),
                    ("sans-serif", 13).into_font(),
                ));
            }
        }
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod representation_tests {
    #[test]
    fn every_organisation_has_a_bar() {
        let svg = super::representation(
            &[("UCLG".into(), 2, 0, 0), ("EUROCITIES".into(), 1, 1, 1)],
            ["Majoritet", "Opposition", "Övriga"],
        );
        assert!(svg.starts_with("<svg"));
        assert!(
            svg.contains("UCLG") && svg.contains("EUROCITIES") && svg.contains("Opposition"),
            "{svg}"
        );
        assert!(svg.matches("<rect").count() >= 5);
    }
}
