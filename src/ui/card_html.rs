//! The static part of a Learn card (intro, charts, points) as one HTML string.
//!
//! Why a string: none of it changes once shown, and each Leptos view type adds
//! its own rendering code to the wasm. Measured here, cards built from view!
//! cost several KB brotli; as text they cost almost nothing. Every piece of
//! text is escaped, so content can never become markup.

use std::fmt::Write as _;

use crate::quiz::bank::Bank;
use crate::quiz::learn::{Bar, Card};

/// Appends `text` with the five HTML-significant characters escaped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    let _ = write!(out, "<{tag} class=\"{class}\">");
    escape_into(out, text);
    let _ = write!(out, "</{tag}>");
}

/// A horizontal bar chart: an SVG with every value written on its bar (hidden
/// from screen readers) and a table of the same figures (for them).
pub fn bar_chart(out: &mut String, title: &str, unit: &str, bars: &[Bar]) {
    const ROW: i64 = 44;
    const WIDTH: i64 = 300;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(1).max(1);
    out.push_str("<figure class=\"chart\">");
    element(out, "figcaption", "chart-title", title);
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {WIDTH} {}\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">",
        ROW * bars.len() as i64
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = ROW * i as i64;
        // Leave room after the longest bar for its value.
        let length = (bar.value * (WIDTH - 60) / max).max(2);
        let _ = write!(out, "<text x=\"0\" y=\"{}\" class=\"chart-label\">", y + 14);
        escape_into(out, &bar.label);
        let _ = write!(
            out,
            "</text><rect x=\"0\" y=\"{}\" width=\"{length}\" height=\"16\" rx=\"2\" class=\"chart-bar\"></rect>\
             <text x=\"{}\" y=\"{}\" class=\"chart-value\">{}{unit}</text>",
            y + 20,
            length + 6,
            y + 33,
            bar.value
        );
    }
    // The wrapper hides the table: a table ignores the 1px width of the hiding class.
    out.push_str("</svg><div class=\"visually-hidden\"><table><caption>");
    escape_into(out, title);
    out.push_str("</caption><tbody>");
    for bar in bars {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(out, &bar.label);
        let _ = write!(out, "</th><td>{}{unit}</td></tr>", bar.value);
    }
    out.push_str("</tbody></table></div></figure>");
}

/// The card's intro, charts and grouped points.
pub fn card_body(card: &Card, bank: &Bank) -> String {
    let mut out = String::new();
    if let Some(intro) = &card.intro {
        element(&mut out, "p", "intro", intro);
    }
    for chart in &card.charts {
        bar_chart(&mut out, &chart.title, &chart.unit, &chart.bars(bank));
    }
    for group in &card.groups {
        if let Some(heading) = &group.heading {
            element(&mut out, "h3", "group-heading", heading);
        }
        out.push_str("<ul class=\"points\">");
        for point in &group.points {
            element(&mut out, "li", "point", &point.text);
        }
        out.push_str("</ul>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markup() {
        let mut out = String::new();
        escape_into(&mut out, r#"<img src=x onerror="alert('x')"> & more"#);
        assert_eq!(out, "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more");
    }

    #[test]
    fn a_chart_writes_each_value_and_a_table_of_them() {
        let mut out = String::new();
        let bars = vec![Bar { label: "Domestic abuse".into(), value: 35 }, Bar { label: "A < B".into(), value: 1 }];
        bar_chart(&mut out, "Children", "%", &bars);
        assert!(out.contains(">35%</text>") && out.contains(">1%</text>"));
        assert!(out.contains("<th scope=\"row\">A &lt; B</th><td>1%</td>"));
        assert!(out.contains("aria-hidden=\"true\""), "the picture is hidden; the table speaks");
        assert!(out.contains("width=\"240\""), "the longest bar fills the space left for values");
    }
}
