//! Presenting the session: the slides in order with the quiz where the
//! trainer wants it, each slide's speaker notes, and what is kept while
//! presenting (which slide shows, when it began, the group-work timer), so a
//! reload, a second window or the laptop waking returns to the same slide
//! with the same time left.
//!
//! Time is always passed in (`now`, ms since the Unix epoch), never read
//! here. The slide showing is kept by its key, not its position, so a
//! content update that adds or removes a slide leaves the room where it was.

use serde::{Deserialize, Serialize};

use crate::quiz::content::bank::Bank;
use crate::quiz::content::deck::{GroupWork, Part};
use crate::quiz::content::learn::Card;

/// Where the quiz and its debrief fall in the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuizPlace {
    /// After the last principle, before the e-learning (where the deck marks it).
    #[default]
    AfterPrinciples,
    /// At the end, before the care line.
    AtEnd,
}

/// One slide, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Slide {
    /// The session's title.
    Title(String),
    /// A Learn card: its charts or its points.
    Card(Card),
    /// Where the deck plays its animation, with what the slide says.
    Animation(String),
    /// The group work and its timer.
    GroupWork(GroupWork),
    /// The session's QR code and short code.
    JoinQuiz,
    /// The group debrief, live as results come back.
    Debrief,
    /// Where to turn for support.
    CareLine,
}

/// The title slide's [`Slide::key`]: where every presentation begins.
const TITLE_KEY: &str = "title";

/// The heading of the quiz's first slide.
pub const JOIN_TITLE: &str = "Take the quiz";
/// The heading of the debrief slide.
pub const DEBRIEF_TITLE: &str = "Group debrief";
/// The heading of the care line's slide.
pub const CARE_TITLE: &str = "Looking after yourself";

impl Slide {
    /// A stable name for the slide: its card's id, or its part's name
    /// (`"title"`, `"animation"`, `"group-work"`, `"join-quiz"`, `"debrief"`,
    /// `"care-line"`).
    pub fn key(&self) -> &str {
        match self {
            Slide::Title(_) => TITLE_KEY,
            Slide::Card(card) => &card.id,
            Slide::Animation(_) => "animation",
            Slide::GroupWork(_) => "group-work",
            Slide::JoinQuiz => "join-quiz",
            Slide::Debrief => "debrief",
            Slide::CareLine => "care-line",
        }
    }

    /// The slide's heading.
    pub fn title(&self) -> &str {
        match self {
            Slide::Title(title) => title,
            Slide::Card(card) => &card.title,
            Slide::Animation(_) => "Animation",
            Slide::GroupWork(work) => &work.title,
            Slide::JoinQuiz => JOIN_TITLE,
            Slide::Debrief => DEBRIEF_TITLE,
            Slide::CareLine => CARE_TITLE,
        }
    }

    /// The speaker notes drawn from the content: for a card, its intro,
    /// every point (under its group's heading) and its note on the figures, then its flip cards as questions to ask the room with their
    /// answers; for the group work, its instruction and prompts; for the
    /// animation, what its slide says. The parts that are the app's own (the
    /// quiz, the debrief, the care line, the title) have none here.
    pub fn notes(&self) -> Notes {
        match self {
            Slide::Card(card) => {
                let mut say: Vec<NoteGroup> =
                    card.intro.iter().map(|intro| NoteGroup { heading: Some(intro.clone()), lines: vec![] }).collect();
                say.extend(card.groups.iter().map(|group| NoteGroup {
                    heading: group.heading.clone(),
                    lines: group.points.iter().map(|p| p.text.clone()).collect(),
                }));
                say.extend(card.note.iter().map(|note| NoteGroup { heading: Some(note.clone()), lines: vec![] }));
                Notes { say, ask: card.flips.iter().map(|f| (f.front.clone(), f.back.clone())).collect() }
            }
            Slide::GroupWork(work) => {
                Notes { say: vec![NoteGroup { heading: Some(work.intro.clone()), lines: work.prompts.clone() }], ask: vec![] }
            }
            Slide::Animation(text) => Notes { say: vec![NoteGroup { heading: Some(text.clone()), lines: vec![] }], ask: vec![] },
            Slide::Title(_) | Slide::JoinQuiz | Slide::Debrief | Slide::CareLine => Notes::default(),
        }
    }
}

/// A slide's speaker notes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notes {
    /// What to say, in order.
    pub say: Vec<NoteGroup>,
    /// Questions to ask the room, each with its answer.
    pub ask: Vec<(String, String)>,
}

/// Lines of speaker notes under an optional heading (a card's intro or
/// note stands alone, as a heading with no lines).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NoteGroup {
    /// Said first: a group's heading, or a sentence of its own.
    pub heading: Option<String>,
    /// The points under it.
    pub lines: Vec<String>,
}

impl Notes {
    /// Every line of the notes, headings included, in order.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.say.iter().flat_map(|g| g.heading.iter().chain(g.lines.iter()).map(String::as_str))
    }
}

/// The session's slides in the seed's order, from `bank`'s deck and cards,
/// with the quiz's two slides (join, then debrief) at `place`. A card the
/// deck names that the bank lacks is left out (the build refuses such a deck).
pub fn slides(bank: &Bank, place: QuizPlace) -> Vec<Slide> {
    let deck = &bank.deck;
    let mut out = Vec::with_capacity(deck.slides.len() + 1);
    for spec in &deck.slides {
        match (&spec.card, spec.part) {
            (Some(id), _) => out.extend(bank.card(id).cloned().map(Slide::Card)),
            (None, Some(Part::Title)) => out.push(Slide::Title(deck.title.clone())),
            (None, Some(Part::Animation)) => out.push(Slide::Animation(deck.animation.clone())),
            (None, Some(Part::GroupWork)) => out.push(Slide::GroupWork(deck.group_work.clone())),
            (None, Some(Part::Quiz)) if place == QuizPlace::AfterPrinciples => out.extend([Slide::JoinQuiz, Slide::Debrief]),
            (None, Some(Part::CareLine)) => {
                if place == QuizPlace::AtEnd {
                    out.extend([Slide::JoinQuiz, Slide::Debrief]);
                }
                out.push(Slide::CareLine);
            }
            (None, _) => {}
        }
    }
    out
}

/// What is kept while a session is presented, on the trainer's session:
/// `{"slide": key, "place": "after-principles" | "at-end", "started_at": ms,
/// "timer": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// The [`Slide::key`] of the slide showing.
    pub slide: String,
    /// Where the quiz falls.
    pub place: QuizPlace,
    /// When presenting began (ms since the Unix epoch): the time used counts from here.
    pub started_at: u64,
    /// The group work's timer.
    pub timer: GroupTimer,
}

impl Presentation {
    /// A presentation beginning now at the first slide, with the quiz at `place`.
    pub fn new(place: QuizPlace, now: u64) -> Presentation {
        Presentation { slide: TITLE_KEY.into(), place, started_at: now, timer: GroupTimer::default() }
    }

    /// Still on the title slide: presenting has not really begun.
    pub fn at_start(&self) -> bool {
        self.slide == TITLE_KEY
    }

    /// "Slide 9 of 22: Principle 2: Never make assumptions", for the slide
    /// showing in `slides`; `None` if there are none.
    pub fn label(&self, slides: &[Slide]) -> Option<String> {
        let at = self.position(slides);
        slides.get(at).map(|s| format!("Slide {} of {}: {}", at + 1, slides.len(), s.title()))
    }

    /// The position of the slide showing in `slides`; the first slide if
    /// its key is not there (an update removed it).
    pub fn position(&self, slides: &[Slide]) -> usize {
        slides.iter().position(|s| s.key() == self.slide).unwrap_or(0)
    }

    /// Shows the slide at `index` of `slides` (held to the deck's ends).
    /// Arriving at the group work for the first time starts its timer.
    pub fn go_to(&mut self, slides: &[Slide], index: usize, now: u64) {
        let Some(slide) = slides.get(index.min(slides.len().saturating_sub(1))) else { return };
        self.slide = slide.key().to_owned();
        if matches!(slide, Slide::GroupWork(_)) && self.timer.is_ready() {
            self.timer.resume(now);
        }
    }

    /// Moves the quiz to `place`, keeping the slide showing.
    pub fn place_quiz(&mut self, place: QuizPlace) {
        self.place = place;
    }

    /// How long the session has been presented, in ms (0 if the clock went back).
    pub fn time_used_ms(&self, now: u64) -> u64 {
        now.saturating_sub(self.started_at)
    }
}

/// The group work's timer: `{"added_s", "used_ms", "running_since"?, "skipped"}`.
/// It runs on the wall clock, so a laptop asleep while the groups work wakes
/// with the right time left.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupTimer {
    /// Seconds added to the written minutes by "one more minute".
    pub added_s: u32,
    /// Time run before the current run, in ms.
    pub used_ms: u64,
    /// When the current run began (ms since the Unix epoch), while running.
    pub running_since: Option<u64>,
    /// Skipped: done with, whatever was left.
    pub skipped: bool,
}

/// The most "one more minute" adds to the group work, in seconds (an hour):
/// a clock of hundreds of minutes helps no room.
pub const MOST_ADDED_S: u32 = 3600;

/// Where the timer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerState {
    /// Not started.
    Ready,
    /// Counting down, with this many ms left.
    Running(u64),
    /// Paused with this many ms left.
    Paused(u64),
    /// The time is up.
    Over,
    /// Skipped with this many ms left (kept, should the groups go on).
    Skipped(u64),
}

impl GroupTimer {
    /// Not yet started.
    pub fn is_ready(&self) -> bool {
        self.used_ms == 0 && self.running_since.is_none() && !self.skipped
    }

    /// Time run so far, in ms.
    fn run_ms(&self, now: u64) -> u64 {
        self.used_ms + self.running_since.map_or(0, |since| now.saturating_sub(since))
    }

    /// The whole length, in ms, for group work of `minutes`.
    pub fn length_ms(&self, minutes: u32) -> u64 {
        (u64::from(minutes) * 60 + u64::from(self.added_s)) * 1000
    }

    /// Where the timer stands at `now`, for group work of `minutes`.
    pub fn state(&self, minutes: u32, now: u64) -> TimerState {
        let left = self.length_ms(minutes).saturating_sub(self.run_ms(now));
        match (self.skipped, self.running_since) {
            (true, _) => TimerState::Skipped(left),
            _ if left == 0 => TimerState::Over,
            (false, Some(_)) => TimerState::Running(left),
            (false, None) if self.used_ms == 0 => TimerState::Ready,
            (false, None) => TimerState::Paused(left),
        }
    }

    /// Starts or resumes the count (a skipped timer starts again where it stopped).
    pub fn resume(&mut self, now: u64) {
        self.skipped = false;
        self.running_since.get_or_insert(now);
    }

    /// Pauses the count, keeping the time run.
    pub fn pause(&mut self, now: u64) {
        self.used_ms = self.run_ms(now);
        self.running_since = None;
    }

    /// Adds a minute to the time left (also to a timer whose time is up, so
    /// it runs again for that minute), up to [`MOST_ADDED_S`] in all.
    pub fn add_minute(&mut self, minutes: u32, now: u64) {
        if self.added_s >= MOST_ADDED_S {
            return;
        }
        // A timer that ran out long ago gets a whole minute from now, not a
        // minute that has already passed: its run is cut back to its length.
        let length = self.length_ms(minutes);
        if self.run_ms(now) > length {
            self.used_ms = length;
            self.running_since = self.running_since.map(|_| now);
        }
        self.added_s = self.added_s.saturating_add(60);
    }

    /// Stops the count: the group work is done with.
    pub fn skip(&mut self, now: u64) {
        self.pause(now);
        self.skipped = true;
    }
}

/// `ms` as a clock reads: `"9:05"` (minutes and seconds), rounded up to the
/// second, so a timer shows 0:00 only when the time is up.
pub fn clock_text(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `ms` as a time used: `"0 min"`, `"42 min"`, `"1 h 05 min"`.
pub fn time_used_text(ms: u64) -> String {
    let minutes = ms / 60_000;
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: u64 = 60_000;

    #[test]
    fn the_timer_counts_down_pauses_resumes_and_ends() {
        let mut timer = GroupTimer::default();
        assert_eq!(timer.state(10, 0), TimerState::Ready);
        timer.resume(1_000);
        assert_eq!(timer.state(10, 1_000 + 3 * MIN), TimerState::Running(7 * MIN));
        timer.pause(1_000 + 3 * MIN);
        assert_eq!(timer.state(10, 1_000 + 50 * MIN), TimerState::Paused(7 * MIN), "a paused timer keeps its time");
        timer.resume(100 * MIN);
        timer.resume(101 * MIN);
        assert_eq!(timer.state(10, 102 * MIN), TimerState::Running(5 * MIN), "resuming twice does not restart the run");
        assert_eq!(timer.state(10, 107 * MIN), TimerState::Over);
        assert_eq!(timer.state(10, 500 * MIN), TimerState::Over, "it stays over, however long the laptop slept");
    }

    #[test]
    fn a_minute_more_is_a_minute_from_now_even_after_the_time_is_up() {
        let mut timer = GroupTimer::default();
        timer.resume(0);
        timer.add_minute(10, 4 * MIN);
        assert_eq!(timer.state(10, 4 * MIN), TimerState::Running(7 * MIN));
        // Over by 20 minutes: one more minute gives a minute, not -19.
        timer.add_minute(10, 31 * MIN);
        assert_eq!(timer.state(10, 31 * MIN), TimerState::Running(MIN));
        assert_eq!(timer.state(10, 32 * MIN), TimerState::Over);

        let mut long = GroupTimer::default();
        for _ in 0..200 {
            long.add_minute(10, 0);
        }
        assert_eq!(long.length_ms(10), 70 * MIN, "an hour more at most");

        let mut paused = GroupTimer::default();
        paused.resume(0);
        paused.pause(2 * MIN);
        paused.add_minute(10, 9 * MIN);
        assert_eq!(paused.state(10, 9 * MIN), TimerState::Paused(9 * MIN));
    }

    #[test]
    fn skipping_stops_the_timer_and_resuming_goes_on_from_there() {
        let mut timer = GroupTimer::default();
        timer.resume(0);
        timer.skip(4 * MIN);
        assert_eq!(timer.state(10, 40 * MIN), TimerState::Skipped(6 * MIN), "the time left is kept");
        timer.resume(40 * MIN);
        assert_eq!(timer.state(10, 41 * MIN), TimerState::Running(5 * MIN));
    }

    #[test]
    fn times_read_as_a_clock_and_as_time_used() {
        assert_eq!(clock_text(10 * MIN), "10:00");
        assert_eq!(clock_text(65_001), "1:06", "rounded up: 0:00 only when the time is up");
        assert_eq!(clock_text(0), "0:00");
        assert_eq!(time_used_text(59_999), "0 min");
        assert_eq!(time_used_text(42 * MIN + 5), "42 min");
        assert_eq!(time_used_text(65 * MIN), "1 h 05 min");
    }

    #[test]
    fn a_presentation_names_its_slide_and_knows_when_it_has_begun() {
        let slides = vec![Slide::Title("Session".into()), Slide::Animation("A.".into())];
        let mut p = Presentation::new(QuizPlace::AtEnd, 0);
        assert!(p.at_start());
        assert_eq!(p.label(&slides).as_deref(), Some("Slide 1 of 2: Session"));
        p.go_to(&slides, 1, 0);
        assert!(!p.at_start());
        assert_eq!(p.label(&slides).as_deref(), Some("Slide 2 of 2: Animation"));
        assert_eq!(p.label(&[]), None);
    }

    #[test]
    fn the_clock_going_back_uses_no_time() {
        let presentation = Presentation::new(QuizPlace::AtEnd, 10 * MIN);
        assert_eq!(presentation.time_used_ms(5 * MIN), 0);
        assert_eq!(presentation.time_used_ms(12 * MIN), 2 * MIN);
        let mut timer = GroupTimer::default();
        timer.resume(10 * MIN);
        assert_eq!(timer.state(10, 5 * MIN), TimerState::Running(10 * MIN));
    }
}
