//! Charts drawn as SVG by our own code, each with a title and a description for screen
//! readers; the data is always also given as a table next to the chart.

use std::f64::consts::PI;

use web_sys::Document;

use super::super::dom::H;

/// Line styles for up to six series: colour and dash pattern both differ, so series can be
/// told apart without colour.
const STYLES: [(&str, &str); 6] = [
    ("#005eb8", ""),
    ("#ae2573", "8 4"),
    ("#007f3b", "2 3"),
    ("#ed8b00", "10 3 2 3"),
    ("#330072", "14 6"),
    ("#4c6272", "4 2 1 2"),
];

/// A short axis label: the principle name up to " and" or the first comma.
pub fn short_label(name: &str) -> String {
    let cut = [name.find(" and "), name.find(',')].into_iter().flatten().min().unwrap_or(name.len());
    name[..cut].to_string()
}

fn point(cx: f64, cy: f64, radius: f64, axis: usize, axes: usize) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * axis as f64 / axes as f64;
    // The browser's Math.cos and Math.sin: Rust's own would add about 8 KB of libm.
    (cx + radius * js_sys::Math::cos(angle), cy + radius * js_sys::Math::sin(angle))
}

/// A coordinate to one decimal place. Integer arithmetic: formatting an `f64` would pull
/// about 20 KB of float printing into the module.
fn fmt(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    match tenths.unsigned_abs() {
        t if t % 10 == 0 => format!("{sign}{}", t / 10),
        t => format!("{sign}{}.{}", t / 10, t % 10),
    }
}

/// A radar chart of levels 1 to 5 on each axis, one polygon per series; a missing value is
/// drawn at the centre. `id` must be unique on the page (it links the title and description).
pub fn radar(doc: &Document, id: &str, title: &str, description: &str, axes: &[String], series: &[(String, Vec<Option<f64>>)]) -> H {
    // Room beside the rings for labels at the larger size phones get (widget.css).
    let (size, cx, cy, r) = (600.0, 300.0, 240.0, 150.0);
    let mut svg = H::svg(doc, "svg")
        .attr("viewBox", &format!("0 0 {} 460", fmt(size)))
        .attr("role", "img")
        .attr("aria-labelledby", &format!("{id}-title {id}-desc"))
        .class("ctk-chart")
        .child(H::svg(doc, "title").attr("id", &format!("{id}-title")).text(title))
        .child(H::svg(doc, "desc").attr("id", &format!("{id}-desc")).text(description));
    for level in 1..=5 {
        let ring: Vec<String> = (0..axes.len())
            .map(|a| {
                let (x, y) = point(cx, cy, r * f64::from(level) / 5.0, a, axes.len());
                format!("{},{}", fmt(x), fmt(y))
            })
            .collect();
        svg = svg.child(H::svg(doc, "polygon").attr("points", &ring.join(" ")).attr("fill", "none").attr("stroke", "#d8dde0"));
    }
    for (a, label) in axes.iter().enumerate() {
        let (x, y) = point(cx, cy, r, a, axes.len());
        let (lx, ly) = point(cx, cy, r + 22.0, a, axes.len());
        let anchor = if (lx - cx).abs() < 1.0 { "middle" } else if lx > cx { "start" } else { "end" };
        // A long label takes two lines, which grow away from the chart: upwards above it,
        // centred on the axis beside it, downwards below it.
        let lines: Vec<&str> = if label.len() > 12 { label.splitn(2, ' ').collect() } else { vec![label.as_str()] };
        let first = match (lines.len(), ly - cy) {
            (1, _) => "0",
            (_, d) if d < -1.0 => "-1.2em",
            (_, d) if d <= 1.0 => "-0.6em",
            _ => "0",
        };
        let tspans = lines.iter().enumerate().map(|(i, line)| {
            H::svg(doc, "tspan").attr("x", &fmt(lx)).attr("dy", if i == 0 { first } else { "1.2em" }).text(line)
        });
        svg = svg
            .child(H::svg(doc, "line").attr("x1", &fmt(cx)).attr("y1", &fmt(cy)).attr("x2", &fmt(x)).attr("y2", &fmt(y)).attr("stroke", "#aeb7bd"))
            .child(H::svg(doc, "text").attr("y", &fmt(ly + 5.0)).attr("text-anchor", anchor).attr("font-size", "15").attr("fill", "#212b32").children(tspans));
    }
    for (s, (_, values)) in series.iter().enumerate() {
        let (colour, dash) = STYLES[s % STYLES.len()];
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(a, v)| {
                let (x, y) = point(cx, cy, r * v.unwrap_or(0.0) / 5.0, a, values.len());
                format!("{},{}", fmt(x), fmt(y))
            })
            .collect();
        let mut polygon = H::svg(doc, "polygon").attr("points", &points.join(" ")).attr("fill", "none").attr("stroke", colour).attr("stroke-width", "3");
        if !dash.is_empty() {
            polygon = polygon.attr("stroke-dasharray", dash);
        }
        svg = svg.child(polygon);
    }
    let legend = series.iter().enumerate().map(|(s, (name, _))| {
        let (colour, dash) = STYLES[s % STYLES.len()];
        let mut line = H::svg(doc, "line").attr("x1", "0").attr("y1", "8").attr("x2", "40").attr("y2", "8").attr("stroke", colour).attr("stroke-width", "3");
        if !dash.is_empty() {
            line = line.attr("stroke-dasharray", dash);
        }
        H::new(doc, "li")
            .child(H::svg(doc, "svg").attr("width", "40").attr("height", "16").attr("aria-hidden", "true").child(line))
            .child(H::new(doc, "span").text(name))
    });
    H::new(doc, "figure")
        .class("ctk-figure")
        .child(svg)
        .child(H::new(doc, "figcaption").child(H::new(doc, "ul").class("ctk-legend").children(legend)))
}

/// One bar of a [`bars`] chart.
pub struct Bar {
    /// Axis label.
    pub label: String,
    /// 0 to 100, or `None` for "not enough evidence".
    pub percent: Option<u8>,
    /// Text after the bar, e.g. "63 % Developing": the band in words, never colour alone.
    pub note: String,
    /// Fill colour for the band.
    pub colour: &'static str,
}

/// A bar chart of percentages, one row per principle. Labels and figures are page text, so
/// they stay readable at any width and a screen reader reads each row in order; each bar is a
/// small SVG whose `width` attribute sets its length (the page's policy forbids inline styles).
pub fn bars(doc: &Document, id: &str, title: &str, description: &str, bars: &[Bar]) -> H {
    let rows = bars.iter().map(|bar| {
        let length = bar.percent.unwrap_or(0).max(1).to_string();
        let fill = H::svg(doc, "rect")
            .attr("width", &length)
            .attr("height", "10")
            .attr("fill", bar.colour)
            .attr("stroke", "#212b32")
            .attr("vector-effect", "non-scaling-stroke");
        H::new(doc, "li")
            .class("ctk-bars__row")
            .child(H::new(doc, "span").class("ctk-bars__label").text(&bar.label))
            .child(H::new(doc, "span").class("ctk-bars__note").text(&bar.note))
            .child(
                H::svg(doc, "svg")
                    .class("ctk-bars__track")
                    .attr("viewBox", "0 0 100 10")
                    .attr("preserveAspectRatio", "none")
                    .attr("aria-hidden", "true")
                    .child(fill),
            )
    });
    H::new(doc, "figure")
        .class("ctk-figure ctk-bars")
        .attr("aria-labelledby", &format!("{id}-title"))
        .attr("aria-describedby", &format!("{id}-desc"))
        .child(H::new(doc, "figcaption").class("ctk-bars__title").attr("id", &format!("{id}-title")).text(title))
        .child(H::new(doc, "p").class("ctk-visually-hidden").attr("id", &format!("{id}-desc")).text(description))
        .child(H::new(doc, "ul").class("ctk-bars__list").children(rows))
}
