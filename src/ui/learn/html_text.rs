//! Parts of screens that never change once shown (a Learn card's body, the
//! charts) written as one HTML string each.
//!
//! Why a string: each Leptos view type adds its own rendering code to the
//! wasm. Measured here, cards built from view! cost several KB brotli; as text
//! they cost almost nothing. Every piece of text is escaped, so content can
//! never become markup.

use std::fmt::Write as _;

use crate::quiz::content::bank::Bank;
use crate::quiz::content::learn::{Bar, Card};
use crate::quiz::room::presenting::{Notes, Slide};
use crate::quiz::text::wording::ranges_kept_whole;

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

/// Appends `text` escaped, each range of figures in it ("2018-19") in a
/// `<span class="nowrap">`, as `unbroken` does for views.
fn text_into(out: &mut String, text: &str) {
    for (run, whole) in ranges_kept_whole(text) {
        if whole {
            out.push_str("<span class=\"nowrap\">");
            escape_into(out, run);
            out.push_str("</span>");
        } else {
            escape_into(out, run);
        }
    }
}

fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    let _ = write!(out, "<{tag} class=\"{class}\">");
    text_into(out, text);
    let _ = write!(out, "</{tag}>");
}

/// Where the bars' track ends and the written value begins, in the SVG's
/// 300-unit-wide drawing (the rest is room for "100%" or "over 500").
const TRACK: i64 = 220;

/// A horizontal bar chart: each bar under its label (so long labels wrap on a
/// small screen), drawn as SVG over a track that shows the whole scale, with its
/// value written after the track. A percentage chart (`unit` "%") is drawn on a
/// fixed 0 to 100% axis, so 46% fills 46% of the track whatever the other bars
/// are; a count chart is scaled to its largest bar. The drawing is hidden from
/// screen readers, which get a table of the same figures. No inline styles, so
/// it passes a strict Content-Security-Policy.
pub fn bar_chart(out: &mut String, title: &str, unit: &str, bars: &[Bar]) {
    let full = chart_full(unit, bars);
    let value_text = |bar: &Bar| value_text(bar, unit);
    let percent = unit == "%";
    out.push_str("<figure class=\"chart\">");
    element(out, "figcaption", "chart-title", title);
    out.push_str("<ul class=\"bars\" aria-hidden=\"true\">");
    for bar in bars {
        let length = (bar.value.clamp(0, full) * TRACK / full).max(2);
        out.push_str("<li>");
        element(out, "span", "bar-label", &bar.label);
        let _ = write!(
            out,
            "<svg class=\"bar-svg\" viewBox=\"0 0 300 20\" width=\"100%\" focusable=\"false\">\
             <rect x=\"0\" y=\"2\" width=\"{TRACK}\" height=\"16\" rx=\"2\" class=\"chart-track\"></rect>\
             <rect x=\"0\" y=\"2\" width=\"{length}\" height=\"16\" rx=\"2\" class=\"chart-bar\"></rect>\
             <text x=\"{}\" y=\"15\" class=\"chart-value\">",
            TRACK + 6
        );
        escape_into(out, &value_text(bar));
        out.push_str("</text></svg></li>");
    }
    out.push_str("</ul>");
    if percent {
        // The axis under the bars: 0, 50 and 100% where the track starts, halves and ends.
        let _ = write!(
            out,
            "<svg class=\"bar-svg chart-scale\" viewBox=\"0 0 300 22\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">\
             <line x1=\"0\" x2=\"{TRACK}\" y1=\"3\" y2=\"3\" class=\"chart-axis\"></line>\
             <line x1=\"1\" x2=\"1\" y1=\"0\" y2=\"6\" class=\"chart-axis\"></line>\
             <line x1=\"{half}\" x2=\"{half}\" y1=\"0\" y2=\"6\" class=\"chart-axis\"></line>\
             <line x1=\"{end}\" x2=\"{end}\" y1=\"0\" y2=\"6\" class=\"chart-axis\"></line>\
             <text x=\"0\" y=\"19\" class=\"chart-label\">0%</text>\
             <text x=\"{half}\" y=\"19\" text-anchor=\"middle\" class=\"chart-label\">50%</text>\
             <text x=\"{TRACK}\" y=\"19\" text-anchor=\"middle\" class=\"chart-label\">100%</text></svg>",
            half = TRACK / 2,
            end = TRACK - 1
        );
    }
    // The wrapper hides the table: a table ignores the 1px width of the hiding class.
    out.push_str("<div class=\"visually-hidden\"><table><caption>");
    escape_into(out, title);
    out.push_str("</caption><tbody>");
    for bar in bars {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(out, &bar.label);
        out.push_str("</th><td>");
        escape_into(out, &value_text(bar));
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div></figure>");
}

/// The value a bar's length is measured against: 100 on a percentage chart
/// (`unit` "%"), else the largest bar (at least 1).
fn chart_full(unit: &str, bars: &[Bar]) -> i64 {
    if unit == "%" {
        100
    } else {
        bars.iter().map(|b| b.value).max().unwrap_or(1).max(1)
    }
}

/// A bar's value as written: "35%", "over 500".
fn value_text(bar: &Bar, unit: &str) -> String {
    match &bar.qualifier {
        Some(q) => format!("{q} {}{unit}", bar.value),
        None => format!("{}{unit}", bar.value),
    }
}

/// A bar chart for a slide, read from the back of a room: each bar on one
/// row (label, bar, value), every word in HTML text so it scales with the
/// slide's type, and only the bars themselves drawn (hidden from screen
/// readers, which read each row's label and value); no caption if `title`
/// is empty.
fn slide_chart(out: &mut String, title: &str, unit: &str, bars: &[Bar]) {
    let full = chart_full(unit, bars);
    out.push_str("<figure class=\"slide-chart\">");
    if !title.is_empty() {
        element(out, "figcaption", "chart-title", title);
    }
    out.push_str("<ul class=\"slide-bars\">");
    for bar in bars {
        let length = (bar.value.clamp(0, full) * 100 / full).max(1);
        out.push_str("<li>");
        element(out, "span", "bar-label", &bar.label);
        let _ = write!(
            out,
            "<svg class=\"slide-bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">\
             <rect width=\"100\" height=\"10\" class=\"chart-track\"></rect><rect width=\"{length}\" height=\"10\" class=\"chart-bar\"></rect></svg>"
        );
        element(out, "span", "bar-value", &value_text(bar, unit));
        out.push_str("</li>");
    }
    out.push_str("</ul></figure>");
}

/// A card as a slide: its intro, then its charts and note on the figures if
/// it has charts (their points are the speaker notes), else its points; and
/// an outside link as an address to write down.
pub fn slide_body(card: &Card, bank: &Bank) -> String {
    let mut out = String::new();
    if let Some(intro) = &card.intro {
        element(&mut out, "p", "intro", intro);
    }
    if card.charts.is_empty() {
        points_into(&mut out, card);
    }
    for chart in &card.charts {
        // A caption that repeats the slide's heading is left off, for room.
        let caption = if chart.title == card.title { "" } else { &chart.title };
        slide_chart(&mut out, caption, &chart.unit, &bank.bars(chart));
    }
    if let Some(note) = &card.note {
        element(&mut out, "p", "figures-note", note);
    }
    if let Some(link) = &card.link {
        element(&mut out, "p", "slide-address", link.split_once("://").map_or(link.as_str(), |(_, rest)| rest));
    }
    out
}

/// A slide's speaker notes: `own` first (what the app says of its own
/// slides), then what to say, each group's lines under its heading, then
/// the questions to ask the room with their answers.
pub fn notes_html(own: Option<&str>, notes: &Notes) -> String {
    let mut out = String::new();
    for line in own.iter() {
        element(&mut out, "p", "note", line);
    }
    for group in &notes.say {
        if let Some(heading) = &group.heading {
            element(&mut out, "p", "note-heading", heading);
        }
        if !group.lines.is_empty() {
            out.push_str("<ul class=\"notes-say\">");
            for line in &group.lines {
                element(&mut out, "li", "note", line);
            }
            out.push_str("</ul>");
        }
    }
    if !notes.ask.is_empty() {
        out.push_str("<h3 class=\"notes-ask-heading\">Ask the room</h3><dl class=\"notes-ask\">");
        for (question, answer) in &notes.ask {
            element(&mut out, "dt", "ask-question", question);
            element(&mut out, "dd", "ask-answer", answer);
        }
        out.push_str("</dl>");
    }
    out
}

/// A slide that is text only (a card, the title, the animation's place,
/// the group work's instruction, the care line's heading): its heading
/// (`#slide-heading`) and body. The quiz's and the debrief's slides are
/// components of their own.
pub fn slide_html(slide: &Slide, bank: &Bank) -> String {
    let mut out = String::from("<h2 id=\"slide-heading\" class=\"slide-heading\">");
    text_into(&mut out, slide.title());
    out.push_str("</h2>");
    out.push_str(&slide_text(slide, bank));
    out
}

/// A text slide's body without its heading (the next slide, previewed in
/// the speaker notes); empty for the slides that are components.
pub fn slide_text(slide: &Slide, bank: &Bank) -> String {
    let mut out = String::new();
    match slide {
        Slide::Card(card) => out.push_str(&slide_body(card, bank)),
        Slide::Animation(text) => element(&mut out, "p", "slide-text", text),
        Slide::GroupWork(work) => {
            element(&mut out, "p", "slide-text", &work.intro);
            out.push_str("<ul class=\"points\">");
            for prompt in &work.prompts {
                element(&mut out, "li", "point", prompt);
            }
            out.push_str("</ul>");
        }
        Slide::Title(_) | Slide::JoinQuiz | Slide::Debrief | Slide::CareLine => {}
    }
    out
}

/// A card's grouped points, each group under its heading. Points that
/// carry their own numbers ("1. Keep clear…") are listed without bullets.
fn points_into(out: &mut String, card: &Card) {
    for group in &card.groups {
        if let Some(heading) = &group.heading {
            element(out, "h3", "group-heading", heading);
        }
        let numbered = group
            .points
            .iter()
            .all(|p| p.text.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
        out.push_str(if numbered { "<ul class=\"points numbered\">" } else { "<ul class=\"points\">" });
        for point in &group.points {
            element(out, "li", "point", &point.text);
        }
        out.push_str("</ul>");
    }
}

/// The card's intro, charts and grouped points.
pub fn card_body(card: &Card, bank: &Bank) -> String {
    let mut out = String::new();
    if let Some(intro) = &card.intro {
        element(&mut out, "p", "intro", intro);
    }
    for chart in &card.charts {
        bar_chart(&mut out, &chart.title, &chart.unit, &bank.bars(chart));
    }
    if let Some(note) = &card.note {
        element(&mut out, "p", "figures-note", note);
    }
    points_into(&mut out, card);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::room::presenting::NoteGroup;

    #[test]
    fn text_never_becomes_markup() {
        let mut out = String::new();
        escape_into(&mut out, r#"<img src=x onerror="alert('x')"> & more"#);
        assert_eq!(out, "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more");
    }

    #[test]
    fn a_chart_writes_each_value_and_a_table_of_them() {
        let mut out = String::new();
        let bars = vec![Bar::new("Domestic abuse", 35), Bar::new("A < B", 1)];
        bar_chart(&mut out, "Children", "%", &bars);
        assert!(out.contains(">35%</text>") && out.contains(">1%</text>"));
        assert!(out.contains("<th scope=\"row\">A &lt; B</th><td>1%</td>"));
        assert!(out.contains("aria-hidden=\"true\""), "the picture is hidden; the table speaks");
        assert!(!out.contains("style="), "no inline styles (strict CSP)");
    }

    /// The widths of the bars drawn, in order (the tracks are left out).
    fn bar_widths(out: &str) -> Vec<i64> {
        let pieces: Vec<&str> = out.split("class=\"chart-bar\"").collect();
        // Each piece but the last ends with a bar's attributes.
        pieces[..pieces.len() - 1]
            .iter()
            .map(|before| before.rsplit("width=\"").next().unwrap().split('"').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn a_percentage_chart_is_drawn_on_a_fixed_0_to_100_axis_over_a_track() {
        let mut out = String::new();
        bar_chart(&mut out, "Children", "%", &[Bar::new("Not known", 46), Bar::new("Looked after", 15), Bar::new("All", 100)]);
        // 46% of the track, not the whole of it because it is the largest.
        assert_eq!(bar_widths(&out), [TRACK * 46 / 100, TRACK * 15 / 100, TRACK]);
        assert_eq!(out.matches("class=\"chart-track\"").count(), 3, "a track behind each bar");
        assert!(out.contains(">0%</text>") && out.contains(">50%</text>") && out.contains(">100%</text>"), "the axis is labelled");

        let mut alone = String::new();
        bar_chart(&mut alone, "Mastery", "%", &[Bar::new("Topic", 35)]);
        assert_eq!(bar_widths(&alone), [TRACK * 35 / 100], "one bar alone is still on the 0 to 100 axis");
        let mut none = String::new();
        bar_chart(&mut none, "Mastery", "%", &[Bar::new("Topic", 0)]);
        assert_eq!(bar_widths(&none), [2], "0% is a sliver, so the bar is still seen to be there");
    }

    #[test]
    fn a_slide_chart_writes_its_words_as_text_and_scales_its_bars() {
        let mut out = String::new();
        let over = Bar { label: "Notifications".into(), value: 500, qualifier: Some("over".into()) };
        slide_chart(&mut out, "Incidents", "", &[over, Bar::new("Near misses", 77)]);
        assert!(out.contains("<span class=\"bar-value\">over 500</span>") && out.contains("<span class=\"bar-label\">Near misses</span>"));
        assert!(
            out.contains("width=\"100\" height=\"10\" class=\"chart-bar\"")
                && out.contains("width=\"15\" height=\"10\" class=\"chart-bar\"")
        );
        let mut percent = String::new();
        slide_chart(&mut percent, "Children", "%", &[Bar::new("Not known", 46)]);
        assert!(percent.contains("width=\"46\" height=\"10\" class=\"chart-bar\""), "a percentage is drawn on 0 to 100");
        assert!(!out.contains("<text") && !out.contains("style="), "no text drawn in the SVG, no inline styles");
    }

    #[test]
    fn notes_list_what_to_say_under_its_headings_then_what_to_ask() {
        let say = vec![NoteGroup { heading: Some("Key themes".into()), lines: vec!["Say <this>.".into()] }];
        let notes = Notes { say, ask: vec![("Why?".into(), "Because.".into())] };
        let out = notes_html(Some("Welcome."), &notes);
        assert!(out.starts_with("<p class=\"note\">Welcome.</p><p class=\"note-heading\">Key themes</p>"));
        assert!(out.contains("<ul class=\"notes-say\"><li class=\"note\">Say &lt;this&gt;.</li></ul>"));
        assert!(out.contains("Ask the room") && out.contains("<dt class=\"ask-question\">Why?</dt><dd class=\"ask-answer\">Because.</dd>"));
        assert!(!notes_html(None, &Notes::default()).contains("Ask the room"));
    }

    #[test]
    fn a_text_slide_is_its_heading_and_body_escaped() {
        let bank_less = Slide::Animation("Play <it>.".into());
        // The animation needs nothing from the bank; an empty one will do.
        let bank = crate::quiz::content::bank::Bank::from_bundle(
            r#"{"sections":[],"facts":[],"topics":[],"cards":[],"deck":{"title":"T","slides":[],"animation":"A","group_work":{"title":"G","minutes":1,"intro":"I","prompts":[]}}}"#,
        )
        .unwrap();
        let out = slide_html(&bank_less, &bank);
        assert_eq!(out, "<h2 id=\"slide-heading\" class=\"slide-heading\">Animation</h2><p class=\"slide-text\">Play &lt;it&gt;.</p>");
    }

    #[test]
    fn a_count_chart_is_scaled_to_its_largest_bar_and_writes_a_qualifier() {
        let mut out = String::new();
        let over = Bar { label: "Notifications".into(), value: 500, qualifier: Some("over".into()) };
        bar_chart(&mut out, "Incidents", "", &[over, Bar::new("Near misses", 77)]);
        assert_eq!(bar_widths(&out), [TRACK, TRACK * 77 / 500]);
        assert!(out.contains(">over 500</text>") && out.contains("<td>over 500</td>"));
        assert!(!out.contains(">0%</text>"), "no percentage axis on a count");
    }
}
