//! SVG charts drawn with plotters: the benefit-versus-cost plane, one point
//! per membership. The same SVG goes into the page, the PDF and the DOCX.

use plotters::prelude::*;

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
