//! Where labels go so that they do not cover each other: beside points on
//! the plane, at the ends of lines, and in legends that wrap. Pure geometry
//! in pixels, so it is tested without drawing.

/// A rectangle in pixels: left, top, right, bottom (right and bottom outside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub l: i32,
    pub t: i32,
    pub r: i32,
    pub b: i32,
}

impl Bounds {
    pub(crate) fn overlaps(&self, o: &Bounds) -> bool {
        self.l < o.r && o.l < self.r && self.t < o.b && o.t < self.b
    }

    fn within(&self, o: &Bounds) -> bool {
        self.l >= o.l && self.r <= o.r && self.t >= o.t && self.b <= o.b
    }
}

/// Width a label may take at font size `em` (pixels). 0.6 em a character is
/// more than Libertinus and the common sans-serif faces need on average, so
/// a browser that draws the SVG with a wider face still does not overlap.
pub(crate) fn width(text: &str, em: f64) -> i32 {
    (text.chars().count() as f64 * em * 0.6).ceil() as i32
}

/// Height a label line takes at font size `em`.
pub(crate) fn height(em: f64) -> i32 {
    (em * 1.2).ceil() as i32
}

/// Points closer than `radius` to a point of a group join the group, so
/// memberships at the same place get one label ("Metropolis, UCLG").
/// Groups are lists of indices in input order.
pub(crate) fn groups(points: &[(i32, i32)], radius: i32) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let near = |q: &(i32, i32)| {
            let (dx, dy) = (i64::from(p.0 - q.0), i64::from(p.1 - q.1));
            dx * dx + dy * dy <= i64::from(radius) * i64::from(radius)
        };
        let joined: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, g)| g.iter().any(|&j| near(&points[j])))
            .map(|(k, _)| k)
            .collect();
        match joined.split_first() {
            None => out.push(vec![i]),
            Some((&first, rest)) => {
                // A point near two groups joins them into one.
                for &k in rest.iter().rev() {
                    let moved = out.remove(k);
                    out[first].extend(moved);
                }
                out[first].push(i);
                out[first].sort_unstable();
            }
        }
    }
    out
}

/// The box of a label `w` × `h` placed beside a point, starting `gap` away,
/// in one of the candidate positions (right, left, above, below, then the
/// diagonals, then further out to the right and left).
fn candidate(p: (i32, i32), w: i32, h: i32, gap: i32, k: usize) -> Bounds {
    let (x, y) = p;
    let right = |top| Bounds {
        l: x + gap,
        t: top,
        r: x + gap + w,
        b: top + h,
    };
    let left = |top| Bounds {
        l: x - gap - w,
        t: top,
        r: x - gap,
        b: top + h,
    };
    let centred = |top| Bounds {
        l: x - w / 2,
        t: top,
        r: x - w / 2 + w,
        b: top + h,
    };
    let mid = y - h / 2;
    match k {
        0 => right(mid),
        1 => left(mid),
        2 => centred(y - gap - h),
        3 => centred(y + gap),
        4 => right(y - gap - h),
        5 => right(y + gap),
        6 => left(y - gap - h),
        7 => left(y + gap),
        // Then step outwards in lines, alternating below and above, right then left.
        k => {
            let step = (k - 8) / 4 + 1;
            let dy = h * step as i32 + gap;
            match (k - 8) % 4 {
                0 => right(y + dy - h / 2),
                1 => right(y - dy - h / 2),
                2 => left(y + dy - h / 2),
                _ => left(y - dy - h / 2),
            }
        }
    }
}

/// Candidate positions tried per label before giving up on avoiding overlap.
const CANDIDATES: usize = 8 + 4 * 12;

/// Places one label per anchor point, each `sizes[i]` big, inside `area`,
/// clear of the other labels and of every marker (`markers`, boxes in
/// pixels). Returns the boxes. When no candidate fits, the first candidate
/// inside the area is used (and failing that the first), so every label is
/// drawn somewhere.
pub(crate) fn place(
    anchors: &[(i32, i32)],
    sizes: &[(i32, i32)],
    markers: &[Bounds],
    gap: i32,
    area: Bounds,
) -> Vec<Bounds> {
    let mut placed: Vec<Bounds> = Vec::new();
    for (p, (w, h)) in anchors.iter().zip(sizes) {
        let free = |b: &Bounds| {
            b.within(&area)
                && !placed.iter().any(|o| o.overlaps(b))
                && !markers.iter().any(|m| m.overlaps(b))
        };
        let tried = (0..CANDIDATES).map(|k| candidate(*p, *w, *h, gap, k));
        let chosen = tried
            .clone()
            .find(free)
            .or_else(|| tried.clone().find(|b| b.within(&area)))
            .unwrap_or_else(|| candidate(*p, *w, *h, gap, 0));
        placed.push(chosen);
    }
    placed
}

/// Spreads labels wanted at heights `wanted` (centres, pixels) so that
/// centres are at least `h` apart, each as close as it can be to where it
/// was wanted, within [top, bottom]. Returns centres in input order.
pub(crate) fn spread(wanted: &[i32], h: i32, top: i32, bottom: i32) -> Vec<i32> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&i| (wanted[i], i));
    let mut at: Vec<i32> = order.iter().map(|&i| wanted[i]).collect();
    // Push down where too close, then pull back up from the bottom edge.
    for k in 0..at.len() {
        let floor = if k == 0 { top } else { at[k - 1] + h };
        at[k] = at[k].max(floor);
    }
    for k in (0..at.len()).rev() {
        let ceiling = if k + 1 == at.len() {
            bottom
        } else {
            at[k + 1] - h
        };
        at[k] = at[k].min(ceiling);
    }
    let mut out = vec![0; wanted.len()];
    for (k, &i) in order.iter().enumerate() {
        out[i] = at[k];
    }
    out
}

/// Legend items (key box plus text of width `widths[i]`) flowed into rows
/// no wider than `max`: the (x offset, row) of each item.
pub(crate) fn flow(widths: &[i32], key: i32, gap: i32, max: i32) -> Vec<(i32, usize)> {
    let mut out = Vec::with_capacity(widths.len());
    let (mut x, mut row) = (0, 0);
    for &w in widths {
        let item = key + gap / 2 + w;
        if x > 0 && x + item > max {
            x = 0;
            row += 1;
        }
        out.push((x, row));
        x += item + gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const AREA: Bounds = Bounds {
        l: 0,
        t: 0,
        r: 600,
        b: 400,
    };

    #[test]
    fn coinciding_points_form_one_group() {
        let g = groups(&[(10, 10), (300, 200), (10, 10), (12, 11), (100, 100)], 4);
        assert_eq!(g, vec![vec![0, 2, 3], vec![1], vec![4]]);
        // A point between two groups joins them.
        let g = groups(&[(0, 0), (10, 0), (5, 0)], 5);
        assert_eq!(g, vec![vec![0, 1, 2]]);
        assert!(groups(&[], 4).is_empty());
    }

    #[test]
    fn labels_of_near_points_move_apart() {
        let boxes = place(
            &[(300, 200), (302, 201), (303, 203)],
            &[(80, 14), (60, 14), (70, 14)],
            &[],
            8,
            AREA,
        );
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
        // The first takes the first choice: to the right, centred.
        assert_eq!(
            boxes[0],
            Bounds {
                l: 308,
                t: 193,
                r: 388,
                b: 207
            }
        );
    }

    #[test]
    fn labels_stay_inside_the_area() {
        // A point in the top right corner gets its label to the left or below.
        let b = place(&[(595, 5)], &[(80, 14)], &[], 8, AREA)[0];
        assert!(b.r <= 600 && b.t >= 0, "{b:?}");
    }

    #[test]
    fn spread_keeps_order_and_distance() {
        assert_eq!(spread(&[100, 100, 100], 10, 0, 400), [100, 110, 120]);
        assert_eq!(spread(&[395, 398], 10, 0, 400), [390, 400]);
        assert_eq!(spread(&[50, 10], 10, 0, 400), [50, 10]);
    }

    #[test]
    fn legends_wrap() {
        assert_eq!(
            flow(&[100, 100, 100], 10, 20, 300),
            [(0, 0), (140, 0), (0, 1)]
        );
        assert_eq!(flow(&[500], 10, 20, 300), [(0, 0)]);
    }

    proptest! {
        #[test]
        fn placed_labels_never_overlap_when_there_is_room(
            points in proptest::collection::vec((100i32..500, 80i32..320), 1..8),
        ) {
            let sizes = vec![(70, 14); points.len()];
            let boxes = place(&points, &sizes, &[], 8, AREA);
            for (i, a) in boxes.iter().enumerate() {
                prop_assert!(a.within(&AREA));
                for b in &boxes[i + 1..] {
                    prop_assert!(!a.overlaps(b), "{:?} {:?}", a, b);
                }
            }
        }

        #[test]
        fn spread_labels_are_apart(wanted in proptest::collection::vec(0i32..400, 0..10)) {
            let at = spread(&wanted, 12, 0, 400);
            let mut sorted = at.clone();
            sorted.sort_unstable();
            for pair in sorted.windows(2) {
                prop_assert!(pair[1] - pair[0] >= 12);
            }
        }
    }
}
