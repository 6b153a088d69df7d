//! The frame shared by the horizontal bar charts: one row per membership
//! with its name on the left, an x axis below, room for a note at the right
//! of each row, and a legend that wraps under the chart.

use super::labels;
use super::{Drawn, GRID, INK, Look, NORMAL, SMALL, fail};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use std::ops::Range;

pub(crate) type Bars<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

pub(crate) const WIDTH: i32 = 640;
const ROW: i32 = 34;
const TOP: i32 = 14;
const AXIS: i32 = 30;
const LEGEND_ROW: i32 = 22;
const KEY: i32 = 12;
const TEXT: i32 = NORMAL;
const MARGIN: i32 = 12;

/// What a bar chart shows around its bars.
pub(crate) struct Frame<'a> {
    pub rows: &'a [String],
    pub x: Range<f64>,
    pub x_label: &'a dyn Fn(&f64) -> String,
    /// Widest note drawn to the right of a row (pixels at scale 1), or 0.
    pub right: i32,
    pub legend: &'a [(String, RGBColor)],
}

fn name_width(rows: &[String]) -> i32 {
    let em = Look::SCREEN.em(TEXT);
    rows.iter()
        .map(|r| labels::width(r, em))
        .max()
        .unwrap_or(0)
        .clamp(60, 220)
        + 12
}

/// The legend laid out at scale 1: (x offset, row) per item.
fn legend_flow(legend: &[(String, RGBColor)]) -> Vec<(i32, usize)> {
    let em = Look::SCREEN.em(TEXT);
    let widths: Vec<i32> = legend.iter().map(|(t, _)| labels::width(t, em)).collect();
    labels::flow(&widths, KEY, 20, WIDTH - 2 * MARGIN)
}

fn legend_rows(legend: &[(String, RGBColor)]) -> usize {
    legend_flow(legend).last().map_or(0, |(_, row)| row + 1)
}

impl Frame<'_> {
    pub(crate) fn size(&self) -> (u32, u32) {
        let h = TOP
            + ROW * self.rows.len().max(1) as i32
            + AXIS
            + 8
            + LEGEND_ROW * legend_rows(self.legend) as i32
            + 8;
        (WIDTH as u32, h as u32)
    }

    /// Row `i` (from the top) spans y ∈ [band(i).0, band(i).1].
    pub(crate) fn band(&self, i: usize) -> (f64, f64) {
        let y = (self.rows.len().max(1) - 1 - i) as f64;
        (y + 0.18, y + 0.82)
    }

    pub(crate) fn centre(&self, i: usize) -> f64 {
        let (a, b) = self.band(i);
        (a + b) / 2.0
    }

    /// Draws the axes, row names and legend; the caller draws the bars.
    pub(crate) fn draw<'a, DB: DrawingBackend>(
        &self,
        root: &'a DrawingArea<DB, Shift>,
        look: Look,
    ) -> Result<Bars<'a, DB>, String> {
        let legend_h = LEGEND_ROW * legend_rows(self.legend) as i32;
        let mut chart = ChartBuilder::on(root)
            .margin_top(look.px(TOP))
            .margin_left(look.px(MARGIN))
            // At least room for half the last tick label ("100 %").
            .margin_right(look.px(MARGIN + self.right.max(16)))
            .margin_bottom(look.px(8 + legend_h + 8))
            .x_label_area_size(look.px(AXIS))
            .y_label_area_size(look.px(name_width(self.rows)))
            .build_cartesian_2d(self.x.clone(), 0f64..self.rows.len().max(1) as f64)
            .map_err(fail)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(9)
            .x_label_formatter(self.x_label)
            .label_style(look.text(SMALL))
            // No minor grid: drawn in white it could not be seen, and it was
            // half of a chart's bytes.
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(INK)
            .draw()
            .map_err(fail)?;
        let style = look.anchored(TEXT, HPos::Right);
        for (i, name) in self.rows.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(self.x.start, self.centre(i)));
            root.draw(&Text::new(name.clone(), (x - look.px(8), y), style.clone()))
                .map_err(fail)?;
        }
        self.legend(root, look)?;
        Ok(chart)
    }

    fn legend<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, look: Look) -> Drawn {
        let (_, h) = self.size();
        let rows = legend_rows(self.legend) as i32;
        let top = h as i32 - 8 - LEGEND_ROW * rows;
        let style = look.anchored(TEXT, HPos::Left);
        for ((text, colour), (x, row)) in self.legend.iter().zip(legend_flow(self.legend)) {
            let x = look.px(MARGIN + x);
            let y = look.px(top + LEGEND_ROW * row as i32 + LEGEND_ROW / 2);
            let k = look.px(KEY);
            root.draw(&Rectangle::new(
                [(x, y - k / 2), (x + k, y + k / 2)],
                colour.filled(),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(
                text.clone(),
                (x + k + look.px(6), y),
                style.clone(),
            ))
            .map_err(fail)?;
        }
        Ok(())
    }
}

/// Draws a note at the right end of row `i`, outside the plotting area.
pub(crate) fn note<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Bars<DB>,
    frame: &Frame,
    look: Look,
    i: usize,
    text: &str,
) -> Drawn {
    let (x, y) = chart.backend_coord(&(frame.x.end, frame.centre(i)));
    root.draw(&Text::new(
        text.to_owned(),
        (x + look.px(8), y),
        look.anchored(SMALL, HPos::Left),
    ))
    .map_err(fail)
}

/// Width (at scale 1) the widest of `notes` needs at the right of the bars.
pub(crate) fn notes_width(notes: &[String]) -> i32 {
    let em = Look::SCREEN.em(SMALL);
    notes
        .iter()
        .map(|n| labels::width(n, em))
        .max()
        .map_or(0, |w| w + 12)
}
