//! Parts of screens that never change once shown (a Learn card's body, the
//! charts) written as one HTML string each.
//!
//! Why a string: each Leptos view type adds its own rendering code to the
//! wasm. Measured here, cards built from view! cost several KB brotli; as text
//! they cost almost nothing. Every piece of text is escaped, so content can
//! never become markup.

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

/// A horizontal bar chart: each bar under its label (so long labels wrap on a
/// small screen), drawn as SVG with its value written beside it. The drawing is
/// hidden from screen readers, which get a table of the same figures. No
/// inline styles, so it passes a strict Content-Security-Policy.
pub fn bar_chart(out: &mut String, title: &str, unit: &str, bars: &[Bar]) {
    const WIDTH: i64 = 300;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(1).max(1);
    out.push_str("<figure class=\"chart\">");
    element(out, "figcaption", "chart-title", title);
    out.push_str("<ul class=\"bars\" aria-hidden=\"true\">");
    for bar in bars {
        // Leave room after the longest bar for its value.
        let length = (bar.value * (WIDTH - 60) / max).max(2);
        out.push_str("<li>");
        element(out, "span", "bar-label", &bar.label);
        let _ = write!(
            out,
            "<svg class=\"bar-svg\" viewBox=\"0 0 {WIDTH} 20\" width=\"100%\" focusable=\"false\">\
             <rect x=\"0\" y=\"2\" width=\"{length}\" height=\"16\" rx=\"2\" class=\"chart-bar\"></rect>\
             <text x=\"{}\" y=\"15\" class=\"chart-value\">{}{unit}</text></svg></li>",
            length + 6,
            bar.value
        );
    }
    // The wrapper hides the table: a table ignores the 1px width of the hiding class.
    out.push_str("</ul><div class=\"visually-hidden\"><table><caption>");
    escape_into(out, title);
    out.push_str("</caption><tbody>");
    for bar in bars {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(out, &bar.label);
        let _ = write!(out, "</th><td>{}{unit}</td></tr>", bar.value);
    }
    out.push_str("</tbody></table></div></figure>");
}

/// Scores over time: one column per quiz (oldest on the left), with the
/// percentage written above it, and a table of the same for screen readers.
/// `quizzes` are (date in words, percent).
pub fn score_chart(out: &mut String, title: &str, quizzes: &[(String, u32)]) {
    const COLUMN: i64 = 30;
    const HEIGHT: i64 = 120;
    let width = (COLUMN * quizzes.len() as i64).max(COLUMN);
    out.push_str("<figure class=\"chart\">");
    element(out, "figcaption", "chart-title", title);
    let _ = write!(
        out,
        "<svg class=\"score-svg\" viewBox=\"0 0 {width} {}\" width=\"{}\" aria-hidden=\"true\" focusable=\"false\">",
        HEIGHT + 20,
        width * 2
    );
    let _ = write!(out, "<line x1=\"0\" x2=\"{width}\" y1=\"{}\" y2=\"{}\" class=\"chart-axis\"></line>", HEIGHT + 2, HEIGHT + 2);
    for (i, (_, percent)) in quizzes.iter().enumerate() {
        let x = COLUMN * i as i64 + 4;
        let height = (i64::from(*percent) * (HEIGHT - 20) / 100).max(2);
        let top = HEIGHT - height + 2;
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{top}\" width=\"{}\" height=\"{height}\" rx=\"2\" class=\"chart-bar\"></rect>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"chart-value\">{percent}</text>",
            COLUMN - 8,
            x + (COLUMN - 8) / 2,
            top - 4
        );
    }
    out.push_str("</svg><div class=\"visually-hidden\"><table><caption>");
    escape_into(out, title);
    out.push_str("</caption><tbody>");
    for (date, percent) in quizzes {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(out, date);
        let _ = write!(out, "</th><td>{percent}%</td></tr>");
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
    fn a_score_chart_writes_each_percentage_and_its_date() {
        let mut out = String::new();
        score_chart(&mut out, "Your scores", &[("1 May 2026".into(), 70), ("2 May 2026".into(), 100)]);
        assert!(out.contains(">70</text>") && out.contains(">100</text>"));
        assert!(out.contains("<th scope=\"row\">2 May 2026</th><td>100%</td>"));
        assert!(!out.contains("style="), "no inline styles (strict CSP)");
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
        assert!(!out.contains("style="), "no inline styles (strict CSP)");
    }
}
