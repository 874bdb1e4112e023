//! The Learn section's study cards: what a card is, its charts, its flip
//! cards, and plain-text search across them. Cards are content, written from
//! the seed in `assets/learn.json` and shipped in the same bundle as the
//! questions. serde reads them (see `bank.rs`) into the types here, whose
//! fields are the JSON's; a field the types do not have is refused.

use serde::Deserialize;

/// A study card: `{"id", "title", "section", "topic"?, "intro"?, "charts"?,
/// "note"?, "link"?, "groups", "flips"?}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id; links to the card use it.
    pub id: String,
    /// The card's heading.
    pub title: String,
    /// The seed section it is written from (an id from seed-sections.json).
    pub section: String,
    /// The quiz topic for "Check yourself on this", if there is one.
    pub topic: Option<String>,
    /// A sentence before the groups.
    pub intro: Option<String>,
    /// Drawn before the groups; none when not written.
    #[serde(default)]
    pub charts: Vec<Chart>,
    /// A note on how current the card's figures are, shown after its charts
    /// (for example that they are from 2018-19).
    pub note: Option<String>,
    /// An outside link the card offers (opened only when tapped).
    pub link: Option<String>,
    /// The card's points, in groups.
    pub groups: Vec<Group>,
    /// Flip cards to test yourself; none when not written.
    #[serde(default)]
    pub flips: Vec<Flip>,
}

/// Points under an optional heading: `{"heading"?, "points"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Shown above the points.
    pub heading: Option<String>,
    /// A list of points.
    pub points: Vec<Point>,
}

/// One point of a card: `{"fact"?, "text"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The fact it states, if it states one.
    pub fact: Option<String>,
    /// The point as shown.
    pub text: String,
}

/// A flip card: a prompt on the front, the answer on the back:
/// `{"front", "back", "facts"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flip {
    /// The prompt.
    pub front: String,
    /// The answer.
    pub back: String,
    /// The ids of the facts it tests.
    pub facts: Vec<String>,
}

/// A bar chart. The values are the figures of facts, so a number is written
/// once, in the fact list, and the chart cannot disagree with it:
/// `{"title", "unit", "bars"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// The chart's caption.
    pub title: String,
    /// "%" or "" (a count).
    pub unit: String,
    /// The bars as written, without their values.
    pub bars: Vec<BarSpec>,
}

/// A bar as written: `{"fact", "qualifier"?, "label"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BarSpec {
    /// The fact whose figure is the bar's value.
    pub fact: String,
    /// A word written before the value when the figure is not exact, as the
    /// seed words it ("over" 500 notifications).
    pub qualifier: Option<String>,
    /// What the bar is of, in the seed's own words.
    pub label: String,
}

/// A bar ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar is of.
    pub label: String,
    /// Its fact's figure: a percentage (0 to 100) on a `%` chart, else a count.
    pub value: i64,
    /// Written before the value ("over"), if the figure is not exact.
    pub qualifier: Option<String>,
}

impl Bar {
    /// A bar with an exact value.
    pub fn new(label: impl Into<String>, value: i64) -> Bar {
        Bar { label: label.into(), value, qualifier: None }
    }
}

/// A card that matches a search, with the first line that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The card's id.
    pub card: String,
    /// The card's title.
    pub title: String,
    /// The first line after the title with a word of the search, else the title.
    pub snippet: String,
}

/// Case-insensitive plain-text search of card titles, intros and points,
/// for every word of `query`. Words of fewer than two letters are ignored.
/// Case is folded for ASCII only: the cards are English, and full Unicode
/// case tables would add kilobytes to the app for nothing.
pub fn search(cards: &[Card], query: &str) -> Vec<SearchHit> {
    let words: Vec<String> = query.split_whitespace().filter(|w| w.chars().count() >= 2).map(str::to_ascii_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    cards
        .iter()
        .filter_map(|card| {
            let lines: Vec<&str> = std::iter::once(card.title.as_str())
                .chain(card.intro.as_deref())
                .chain(card.groups.iter().flat_map(|g| g.heading.as_deref().into_iter().chain(g.points.iter().map(|p| p.text.as_str()))))
                .collect();
            let all_text = lines.join("\n").to_ascii_lowercase();
            if !words.iter().all(|w| all_text.contains(w.as_str())) {
                return None;
            }
            let snippet =
                lines.iter().skip(1).find(|line| words.iter().any(|w| line.to_ascii_lowercase().contains(w.as_str()))).unwrap_or(&lines[0]);
            Some(SearchHit { card: card.id.clone(), title: card.title.clone(), snippet: (*snippet).to_owned() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, title: &str, points: &[&str]) -> Card {
        Card {
            id: id.into(),
            title: title.into(),
            section: id.into(),
            topic: None,
            intro: None,
            charts: vec![],
            note: None,
            link: None,
            groups: vec![Group {
                heading: Some("Key themes".into()),
                points: points.iter().map(|p| Point { fact: None, text: (*p).into() }).collect(),
            }],
            flips: vec![],
        }
    }

    #[test]
    fn search_finds_every_card_with_all_the_words_and_shows_the_line() {
        let cards = vec![
            card("p5", "Principle 5", &["Reluctance, disguised compliance or open hostility"]),
            card("p7", "Principle 7", &["Poverty", "Disguised compliance: how to identify and address it"]),
            card("p1", "Principle 1", &["Case records are out of date"]),
        ];
        let hits = search(&cards, "  Disguised COMPLIANCE ");
        assert_eq!(hits.iter().map(|h| h.card.as_str()).collect::<Vec<_>>(), ["p5", "p7"]);
        assert_eq!(hits[1].snippet, "Disguised compliance: how to identify and address it");
        assert!(search(&cards, "disguised records").is_empty(), "every word must match");
        assert!(search(&cards, "a").is_empty(), "one letter is too little to search for");
        assert_eq!(search(&cards, "out of date")[0].snippet, "Case records are out of date");
        assert_eq!(search(&cards, "principle")[0].snippet, "Principle 5", "a title-only match shows the title");
    }
}
