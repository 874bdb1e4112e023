//! The session as slides: the training deck's order, as data in
//! `assets/learn.json` (its `"deck"`), built from the same cards as Learn so
//! nothing is written twice. Only what no card holds is written here: the
//! deck's title, the animation's place and the group work, each in the
//! seed's words.
//!
//! Shape: `{"title", "slides": [{"card": id} | {"part": name}, ...],
//! "animation", "group_work": {"title", "minutes", "intro", "prompts"}}`.
//! The rules ([`DeckSpec::problems`]) run at build time with the bank's.

use serde::Deserialize;

/// The deck as written in learn.json's `"deck"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckSpec {
    /// The session's title, the seed's first heading.
    pub title: String,
    /// The slides in the seed's order; the quiz's two slides stand at
    /// [`Part::Quiz`] when they fall after the principles.
    pub slides: Vec<SlideSpec>,
    /// What the animation slide says: the seed names an animation but holds
    /// none, so the slide only marks its place.
    pub animation: String,
    /// The seed's group work.
    pub group_work: GroupWork,
}

/// One slide as written: a Learn card (`{"card": "aims"}`) or one of the
/// parts no card holds (`{"part": "group-work"}`); exactly one of the two.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlideSpec {
    /// A Learn card's id.
    pub card: Option<String>,
    /// A part of the session that is not a card.
    pub part: Option<Part>,
}

/// The parts of the session that are not Learn cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The title slide.
    Title,
    /// Where the deck plays its animation.
    Animation,
    /// The group work, with its timer.
    GroupWork,
    /// Where the quiz and its debrief fall when they come after the principles.
    Quiz,
    /// Where to turn for support.
    CareLine,
}

/// The group work: `{"title", "minutes", "intro", "prompts"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupWork {
    /// The slide's heading.
    pub title: String,
    /// How long the groups take, in minutes (the timer's length).
    pub minutes: u32,
    /// The instruction before the prompts.
    pub intro: String,
    /// What the groups do, one point each.
    pub prompts: Vec<String>,
}

impl DeckSpec {
    /// What breaks the deck's rules, given the ids of the Learn cards: each
    /// slide is a known card or a part, never both; every part is there
    /// once; the group work has 1 to 60 minutes and a prompt.
    pub fn problems(&self, card_ids: &[&str]) -> Vec<String> {
        let mut problems = Vec::new();
        for (n, slide) in self.slides.iter().enumerate() {
            match (&slide.card, slide.part) {
                (Some(card), None) if !card_ids.contains(&card.as_str()) => {
                    problems.push(format!("deck slide {}: no card '{card}'", n + 1))
                }
                (Some(_), None) | (None, Some(_)) => {}
                _ => problems.push(format!("deck slide {}: give either a card or a part", n + 1)),
            }
        }
        for part in [Part::Title, Part::Animation, Part::GroupWork, Part::Quiz, Part::CareLine] {
            let count = self.slides.iter().filter(|s| s.part == Some(part)).count();
            if count != 1 {
                problems.push(format!("deck: the part {part:?} must be there once, not {count} times"));
            }
        }
        if !(1..=60).contains(&self.group_work.minutes) {
            problems.push("deck: group work must take 1 to 60 minutes".into());
        }
        if self.group_work.prompts.iter().all(|p| p.trim().is_empty()) {
            problems.push("deck: group work needs a prompt".into());
        }
        problems
    }
}
