//! Timeline charts: events per period stacked by quad class, and the Goldstein sum and mean.
//! One layout ([`layout`]) feeds two renderers: SVG for the pages and `dyad timeline
//! --format svg`, and a small rasteriser for `--format png` (bars and axes; no text there).
use dyad_store::PeriodRow;
use std::fmt::Write;

pub const WIDTH: f64 = 900.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 34.0;

/// Fill colours of quad classes 1–4 (verbal/material cooperation, verbal/material conflict):
/// a colour-blind-safe diverging palette (greens for cooperation, oranges/reds for conflict).
pub const QUAD_COLOURS: [&str; 4] = ["#7fbf7b", "#1b7837", "#f4a582", "#b2182b"];
pub const QUAD_NAMES: [&str; 4] = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

/// A filled rectangle in chart coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub colour: &'static str,
}

/// Everything drawn for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub period: String,
    pub events: i64,
    pub bars: Vec<Bar>,
    /// Mouse-over text.
    pub title: String,
}

pub struct Layout {
    pub columns: Vec<Column>,
    /// The value at the top of the y axis.
    pub y_max: i64,
}

fn nice_ceiling(n: i64) -> i64 {
    let n = n.max(1);
    let mag = 10i64.pow((n as f64).log10().floor() as u32);
    for step in [1, 2, 5, 10] {
        if step * mag >= n {
            return step * mag;
        }
    }
    10 * mag
}

fn plot_w() -> f64 {
    WIDTH - LEFT - RIGHT
}

fn plot_h() -> f64 {
    HEIGHT - TOP - BOTTOM
}

/// Stacked quad-class bars, one column per period.
pub fn layout(rows: &[PeriodRow]) -> Layout {
    let y_max = nice_ceiling(rows.iter().map(|r| r.events).max().unwrap_or(0));
    let n = rows.len().max(1) as f64;
    let slot = plot_w() / n;
    let (bw, pad) = bar_width(slot);
    let columns = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x = LEFT + i as f64 * slot + pad;
            let mut y = TOP + plot_h();
            let mut bars = Vec::new();
            for q in 1..=4u8 {
                let h = r.quad.get(q) as f64 / y_max as f64 * plot_h();
                if h > 0.0 {
                    y -= h;
                    bars.push(Bar { x, y, w: bw, h, colour: QUAD_COLOURS[q as usize - 1] });
                }
            }
            let mut title = format!("{}: {} event{}", r.period, r.events, if r.events == 1 { "" } else { "s" });
            for q in 1..=4u8 {
                if r.quad.get(q) > 0 {
                    let _ = write!(title, ", {} {}", r.quad.get(q), QUAD_NAMES[q as usize - 1]);
                }
            }
            if let Some(m) = r.goldstein_mean {
                let _ = write!(title, "; Goldstein sum {:.1}, mean {:.2}", r.goldstein_sum, m);
            }
            Column { period: r.period.clone(), events: r.events, bars, title }
        })
        .collect();
    Layout { columns, y_max }
}

/// Bar width and its left padding in a slot: a small gap between bars, at most 48 units wide.
fn bar_width(slot: f64) -> (f64, f64) {
    let gap = if slot > 6.0 { slot * 0.15 } else { 0.0 };
    let w = (slot - gap).clamp(0.5, 48.0);
    (w, (slot - w) / 2.0)
}

fn esc(s: &str) -> String {
    crate::html::escape(s)
}

/// Indices of the periods that get an x-axis label (at most `max`, evenly spread).
fn label_indices(n: usize, max: usize) -> Vec<usize> {
    if n == 0 {
        return vec![];
    }
    let step = n.div_ceil(max).max(1);
    (0..n).step_by(step).collect()
}

fn axes(svg: &mut String, y_top: &str, y_mid: &str, y_bottom: &str) {
    let (x0, x1, y0, y1) = (LEFT, WIDTH - RIGHT, TOP, TOP + plot_h());
    let ym = (y0 + y1) / 2.0;
    for (y, label) in [(y0, y_top), (ym, y_mid), (y1, y_bottom)] {
        let _ = write!(
            svg,
            r##"<line x1="{x0}" y1="{y:.1}" x2="{x1}" y2="{y:.1}" stroke="#d0d4da" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11" fill="#555">{}</text>"##,
            x0 - 6.0,
            y + 4.0,
            esc(label)
        );
    }
}

fn x_labels(svg: &mut String, periods: &[&str]) {
    let slot = plot_w() / periods.len().max(1) as f64;
    for i in label_indices(periods.len(), 8) {
        let x = LEFT + (i as f64 + 0.5) * slot;
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#555">{}</text>"##,
            HEIGHT - BOTTOM + 16.0,
            esc(periods[i])
        );
    }
}

fn open_svg(svg: &mut String, id: &str, label: &str) {
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{}" font-family="system-ui, sans-serif">"##,
        esc(label)
    );
}

/// Events per period, stacked by quad class. Each period is one `<g class="period">` (the
/// browser test counts them), with a `<title>` for the mouse-over.
pub fn timeline_svg(rows: &[PeriodRow], label: &str) -> String {
    let l = layout(rows);
    let mut svg = String::with_capacity(256 + rows.len() * 200);
    open_svg(&mut svg, "timeline", label);
    if rows.is_empty() {
        let _ = write!(svg, r##"<text x="{}" y="{}" text-anchor="middle" fill="#777">No dated events</text></svg>"##, WIDTH / 2.0, HEIGHT / 2.0);
        return svg;
    }
    axes(&mut svg, &l.y_max.to_string(), &format!("{}", l.y_max as f64 / 2.0), "0");
    svg.push_str(r#"<g class="bars">"#);
    for c in &l.columns {
        let _ = write!(svg, r#"<g class="period" data-period="{}" data-events="{}"><title>{}</title>"#, esc(&c.period), c.events, esc(&c.title));
        for b in &c.bars {
            let _ = write!(svg, r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{}"/>"#, b.x, b.y, b.w, b.h, b.colour);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</g>");
    let periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
    x_labels(&mut svg, &periods);
    svg.push_str("</svg>");
    svg
}

/// The Goldstein sum per period as bars above or below zero, and the mean (−10…10, right
/// scale) as a line through the periods that have events.
pub fn goldstein_svg(rows: &[PeriodRow], label: &str) -> String {
    let mut svg = String::with_capacity(256 + rows.len() * 120);
    open_svg(&mut svg, "goldstein", label);
    if rows.is_empty() {
        svg.push_str("</svg>");
        return svg;
    }
    let max = rows.iter().map(|r| r.goldstein_sum.abs()).fold(0.0f64, f64::max).max(1.0);
    let max = nice_ceiling(max.ceil() as i64) as f64;
    axes(&mut svg, &format!("+{max}"), "0", &format!("−{max}"));
    let zero = TOP + plot_h() / 2.0;
    let slot = plot_w() / rows.len() as f64;
    let (bw, pad) = bar_width(slot);
    svg.push_str(r#"<g class="sums">"#);
    for (i, r) in rows.iter().enumerate() {
        let h = r.goldstein_sum.abs() / max * plot_h() / 2.0;
        let y = if r.goldstein_sum >= 0.0 { zero - h } else { zero };
        let fill = if r.goldstein_sum >= 0.0 { QUAD_COLOURS[1] } else { QUAD_COLOURS[3] };
        let _ = write!(
            svg,
            r#"<rect x="{:.2}" y="{y:.2}" width="{:.2}" height="{h:.2}" fill="{fill}" fill-opacity="0.55"><title>{}: Goldstein sum {:.1}</title></rect>"#,
            LEFT + i as f64 * slot + pad,
            bw,
            esc(&r.period),
            r.goldstein_sum
        );
    }
    svg.push_str("</g>");
    // The mean as a line through consecutive periods with events, broken at empty periods
    // (a line across a gap would invent values); a lone point is a dot.
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, r) in rows.iter().enumerate() {
        match r.goldstein_mean {
            Some(m) => runs.last_mut().expect("one run").push((LEFT + (i as f64 + 0.5) * slot, zero - m / 10.0 * plot_h() / 2.0)),
            None if runs.last().is_some_and(|r| !r.is_empty()) => runs.push(Vec::new()),
            None => {}
        }
    }
    svg.push_str(r#"<g class="mean">"#);
    for run in runs.iter().filter(|r| !r.is_empty()) {
        if run.len() == 1 {
            let _ = write!(svg, r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#2c3e50"/>"##, run[0].0, run[0].1);
        } else {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let _ = write!(svg, r##"<polyline points="{}" fill="none" stroke="#2c3e50" stroke-width="1.5"/>"##, points.join(" "));
        }
    }
    svg.push_str("</g>");
    if runs.iter().any(|r| !r.is_empty()) {
        let _ = write!(svg, r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11" fill="#2c3e50">line: mean (scale ±10)</text>"##, WIDTH - RIGHT, TOP + 10.0);
    }
    let periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
    x_labels(&mut svg, &periods);
    svg.push_str("</svg>");
    svg
}

/// A horizontal bar split into cooperation (green) and conflict (red).
pub fn balance_svg(cooperation: i64, conflict: i64) -> String {
    let total = (cooperation + conflict).max(1) as f64;
    let w = 160.0 * cooperation as f64 / total;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="balance" viewBox="0 0 160 10" width="160" height="10" role="img" aria-label="{cooperation} cooperation, {conflict} conflict"><rect x="0" y="0" width="{w:.1}" height="10" fill="{}"/><rect x="{w:.1}" y="0" width="{:.1}" height="10" fill="{}"/></svg>"##,
        QUAD_COLOURS[1],
        160.0 - w,
        QUAD_COLOURS[3]
    )
}

/// The timeline bars as a PNG (RGB, `WIDTH`×`HEIGHT`): white background, grid lines, bars.
pub fn timeline_png(rows: &[PeriodRow]) -> Result<Vec<u8>, png::EncodingError> {
    let (w, h) = (WIDTH as usize, HEIGHT as usize);
    let mut pixels = vec![255u8; w * h * 3];
    let mut fill = |x: f64, y: f64, bw: f64, bh: f64, rgb: [u8; 3]| {
        let (x0, y0) = (x.floor().max(0.0) as usize, y.floor().max(0.0) as usize);
        let (x1, y1) = (((x + bw).ceil() as usize).min(w), ((y + bh).ceil() as usize).min(h));
        for yy in y0..y1 {
            for xx in x0..x1 {
                pixels[(yy * w + xx) * 3..][..3].copy_from_slice(&rgb);
            }
        }
    };
    let grid = [0xd0, 0xd4, 0xda];
    for y in [TOP, TOP + plot_h() / 2.0, TOP + plot_h()] {
        fill(LEFT, y, plot_w(), 1.0, grid);
    }
    fill(LEFT, TOP, 1.0, plot_h(), grid);
    for c in layout(rows).columns {
        for b in c.bars {
            fill(b.x, b.y, b.w, b.h, hex(b.colour));
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header()?;
        writer.write_image_data(&pixels)?;
    }
    Ok(out)
}

fn hex(c: &str) -> [u8; 3] {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap_or(0);
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_store::Quads;

    fn row(period: &str, q: [i64; 4]) -> PeriodRow {
        let events = q.iter().sum();
        PeriodRow {
            period: period.into(),
            start: "2018-01-01".parse().unwrap(),
            events,
            goldstein_sum: q[0] as f64 * 3.0 - q[3] as f64 * 9.0,
            goldstein_mean: (events > 0).then_some(1.0),
            quad: Quads { verbal_cooperation: q[0], material_cooperation: q[1], verbal_conflict: q[2], material_conflict: q[3] },
        }
    }

    #[test]
    fn one_group_per_period_and_stacked_heights_add_up() {
        let rows = vec![row("2018-01", [3, 1, 0, 0]), row("2018-02", [0, 0, 0, 0]), row("2018-03", [1, 0, 2, 5])];
        let svg = timeline_svg(&rows, "PRK → RUS <by month>");
        assert_eq!(svg.matches(r#"<g class="period""#).count(), 3);
        assert!(svg.contains("&lt;by month&gt;"), "labels are escaped");
        let l = layout(&rows);
        assert_eq!(l.y_max, 10);
        let total: f64 = l.columns[2].bars.iter().map(|b| b.h).sum();
        assert!((total - 8.0 / 10.0 * plot_h()).abs() < 1e-9);
        assert!(l.columns[1].bars.is_empty());
        // The mean is broken at the empty period: two lone points, no line across the gap.
        let g = goldstein_svg(&rows, "g");
        assert_eq!((g.matches("<circle").count(), g.matches("<polyline").count()), (2, 0), "{g}");
    }

    #[test]
    fn png_is_a_png_of_the_chart_size() {
        let png = timeline_png(&[row("2018-01", [3, 1, 0, 2])]).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH as u32, HEIGHT as u32));
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(0), 1);
        assert_eq!(nice_ceiling(7), 10);
        assert_eq!(nice_ceiling(13), 20);
        assert_eq!(nice_ceiling(45), 50);
        assert_eq!(nice_ceiling(100), 100);
    }
}
