//! A quick check begun before the app arrived.
//!
//! On a first visit over a slow line, the page the server sends already
//! works: its home, and the first question of one quick check drawn when the
//! site was built ([`pre_draw`]), are HTML with a few KB of script. A person
//! can start that quiz, choose, check their answer and read its feedback
//! while the app is still downloading. The page's script records what they did
//! in local storage as an [`EarlyStart`]; when the app arrives it takes it in
//! ([`EarlyStart::apply`]): it starts *that* quiz, with the same seed, marks
//! the answer again with its own marking (authoritative), keeps it at the time
//! it was given, and goes on from there. Applying the same start twice (a
//! reload, a second tab) changes nothing more.
//!
//! Stored as JSON under [`STORAGE_KEY`]:
//! `{"version": 1, "seed": 17, "question": "np-scrs-published",
//!   "started_at": ms, "choice": 2 or null, "checked_at": ms or null,
//!   "moved_on": false}`, where `choice` is the chosen option's index in the
//! question's own order (as the bank writes it), and times are ms since the
//! Unix epoch.

use serde::{Deserialize, Serialize};

use super::store::Store;
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;
use crate::quiz::content::bank::{Bank, Kind};
use crate::quiz::learner::draw::questions_for;
use crate::quiz::learner::schedule::Scheduler;
use crate::quiz::rng::SeededRng;
use crate::quiz::run::attempt::{Attempt, AttemptError, QuizKind, Stage};
use crate::quiz::run::resume::SavedQuiz;

/// The local storage key the page's script writes and the app takes in.
pub const STORAGE_KEY: &str = "safeguarding-check:early-start";

/// The format's version.
pub const VERSION: u32 = 1;

/// The session storage key the page's script writes when "Start the quiz" is
/// tapped on a trainer's link before the app has arrived (see [`StartWhenReady`]).
pub const START_WHEN_READY_KEY: &str = "safeguarding-check:start-when-ready";

/// How long a "Start the quiz" tapped before the app arrived still counts:
/// 30 minutes in ms. Longer than any download, shorter than a day's attempts,
/// so a tab left open does not start a quiz by itself the next time.
pub const START_WHEN_READY_MS: u64 = 30 * 60 * 1000;

/// "Start the quiz" tapped on a trainer's link's landing before the app had
/// arrived: which quiz (its `QuizSpec::id`, 8 hex digits, a hash of its
/// settings, seed included), and when (ms since the Unix epoch). Kept in
/// session storage, so only this tab starts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartWhenReady {
    pub id: String,
    pub at: u64,
}

impl StartWhenReady {
    /// True if `text` (as the page's script stored it) asks to start the quiz
    /// `id` and was tapped no more than [`START_WHEN_READY_MS`] before
    /// `now_ms`. Anything unreadable, another quiz's or stale is false.
    pub fn applies(text: &str, id: &str, now_ms: u64) -> bool {
        serde_json::from_str::<StartWhenReady>(text).is_ok_and(|tap| {
            tap.id == id && tap.at <= now_ms.saturating_add(60_000) && now_ms.saturating_sub(tap.at) <= START_WHEN_READY_MS
        })
    }
}

/// What a person did on the page before the app arrived (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyStart {
    pub version: u32,
    /// The seed the page's quiz was drawn with (see [`pre_draw`]).
    pub seed: u32,
    /// The id of its first question, as the page showed it.
    pub question: String,
    /// When "Start quick check" was tapped, in ms since the Unix epoch.
    pub started_at: u64,
    /// The option chosen, by its index in the question's own order.
    pub choice: Option<usize>,
    /// When the answer was checked, in ms since the Unix epoch.
    pub checked_at: Option<u64>,
    /// True once "Next question" was tapped after the feedback.
    pub moved_on: bool,
}

/// Why an early start could not be taken in. None of these loses anything
/// the person would miss: at worst the quiz they began on the page is not
/// continued, and the home screen shows as usual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EarlyStartError {
    /// Not JSON of this shape, or of another version.
    Unreadable,
    /// The seed does not draw the question the page showed: the site was
    /// updated between the page and the app (a new build draws anew).
    OtherQuestion,
    /// The choice is not an option of that question, or times are out of order.
    NotAnAnswer,
}

/// The quick check the page is built with: `(seed, attempt)`, the first seed
/// from 1 whose quiz opens with a question answered by one choice (single
/// choice or true/false), which the page's few KB of script can mark. The
/// attempt is exactly what the app starts with that seed ([`start_with_seed`]).
pub fn pre_draw(bank: &Bank) -> Option<(u32, Attempt)> {
    (1..=1_000u32).find_map(|seed| {
        let attempt = start_with_seed(bank, &QuizKind::Quick, &[], &[], u64::from(seed)).ok()?;
        let first = &attempt.items().first()?.question.kind;
        let one_choice = matches!(first, Kind::TrueFalse { .. }) || (matches!(first, Kind::SingleChoice { .. }) && !first.allows_several());
        one_choice.then_some((seed, attempt))
    })
}

/// Draws and starts a quiz of `kind` from `seed`: the questions
/// ([`questions_for`], with `mistakes` and `due` from progress), then each
/// question's layout, from one generator. The app starts every quiz this
/// way, so a seed always gives the same quiz.
///
/// Errors: [`AttemptError::NoQuestions`] if the bank gives none.
pub fn start_with_seed(bank: &Bank, kind: &QuizKind, mistakes: &[&str], due: &[&str], seed: u64) -> Result<Attempt, AttemptError> {
    let mut rng = SeededRng::new(seed);
    let questions = questions_for(bank, kind, mistakes, due, &mut rng);
    Attempt::start_kind(kind.clone(), questions, &mut rng)
}

impl EarlyStart {
    /// Reads the stored text strictly: unknown fields, another version, or
    /// more than 2 KB of it are [`EarlyStartError::Unreadable`].
    pub fn decode(text: &str) -> Result<EarlyStart, EarlyStartError> {
        if text.len() > 2_048 {
            return Err(EarlyStartError::Unreadable);
        }
        let start: EarlyStart = serde_json::from_str(text).map_err(|_| EarlyStartError::Unreadable)?;
        if start.version != VERSION {
            return Err(EarlyStartError::Unreadable);
        }
        Ok(start)
    }

    /// The id the quiz is kept under: 16 lowercase hex digits, the same for
    /// the same start, so a second tab taking it in finds it there already.
    pub fn quiz_id(&self) -> String {
        format!("{:08x}{:08x}", self.seed, (self.started_at & 0xffff_ffff) as u32)
    }

    /// Takes the start into `store` and returns the quiz's id: the quick
    /// check drawn from the seed, begun at `started_at`; the answer (if it was
    /// checked) marked by the app's own marking and recorded for spaced
    /// review at the time it was given; the quiz moved on to question 2 if the
    /// person had, else left on the feedback; or, if only chosen, the choice
    /// kept as the question's draft. `today` is the device's local day number. Taking in a start
    /// whose quiz is already kept, in progress, finished or removed, or one
    /// begun before "Clear my data", changes nothing.
    ///
    /// Errors: [`EarlyStartError::OtherQuestion`] if the seed no longer draws
    /// the question the page showed; [`EarlyStartError::NotAnAnswer`] if the
    /// choice does not fit it.
    pub fn apply(&self, bank: &Bank, store: &mut Store, today: i64) -> Result<String, EarlyStartError> {
        let id = self.quiz_id();
        // Taken in already (by this tab or another, even if since finished
        // or removed), or begun before "Clear my data": nothing to do. A tab
        // still on the page can write its start again after another tab's
        // app took it in; that copy must not bring a removed quiz back.
        if store.quizzes.has_ever(&id) || store.attempts.has_ever(&id) || self.started_at <= store.cleared_at {
            return Ok(id);
        }
        let kind = QuizKind::Quick;
        let mut attempt = start_with_seed(bank, &kind, &[], &[], u64::from(self.seed)).map_err(|_| EarlyStartError::OtherQuestion)?;
        if attempt.current().map(|item| item.question.id.as_str()) != Some(self.question.as_str()) {
            return Err(EarlyStartError::OtherQuestion);
        }
        let title = crate::quiz::run::quiz_names::quiz_title(bank, &kind);
        if let (Some(choice), Some(checked_at)) = (self.choice, self.checked_at) {
            if checked_at < self.started_at {
                return Err(EarlyStartError::NotAnAnswer);
            }
            let question = attempt.current().map(|item| item.question.id.clone()).unwrap_or_default();
            let feedback = attempt.answer(Response::Choice(choice)).map_err(|_| EarlyStartError::NotAnAnswer)?;
            store.record_answer(&question, feedback.correct, checked_at, today, &Scheduler::default());
            if self.moved_on && attempt.stage() == Stage::Answered {
                attempt.next().map_err(|_| EarlyStartError::NotAnAnswer)?;
            }
        } else if self.choice.is_some_and(|c| !attempt.current().is_some_and(|i| i.layout.contains(&c))) {
            return Err(EarlyStartError::NotAnAnswer);
        }
        let mut saved = SavedQuiz::from_attempt(&attempt, &title, self.started_at).ok_or(EarlyStartError::NotAnAnswer)?;
        // Chosen but not checked: the choice is the question's draft, still chosen on screen.
        if let (Some(choice), None) = (self.choice, self.checked_at) {
            saved = saved.with_draft(bank, &Draft::Choice(Some(choice)));
        }
        let at = self.checked_at.unwrap_or(self.started_at);
        store.save_quiz(&id, saved, at);
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_tapped_before_the_app_applies_only_to_its_own_link_and_not_for_ever() {
        let now = 1_800_000_000_000;
        let tap = |id: &str, at: u64| serde_json::to_string(&StartWhenReady { id: id.into(), at }).unwrap();
        assert!(StartWhenReady::applies(&tap("0a1b2c3d", now - 5_000), "0a1b2c3d", now));
        assert!(!StartWhenReady::applies(&tap("0a1b2c3e", now - 5_000), "0a1b2c3d", now), "another session's link");
        assert!(!StartWhenReady::applies(&tap("0a1b2c3d", now - START_WHEN_READY_MS - 1), "0a1b2c3d", now), "stale");
        assert!(!StartWhenReady::applies(&tap("0a1b2c3d", now + 3_600_000), "0a1b2c3d", now), "from the future");
        for junk in ["", "1", "{}", "{\"id\":42,\"at\":1}", "null", "{\"id\":\"0a1b2c3d\",\"at\":-1}"] {
            assert!(!StartWhenReady::applies(junk, "0a1b2c3d", now), "{junk}");
        }
    }

    fn bank() -> Bank {
        // The project's folder: the app's, or (as the domain crate) two above src/quiz.
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = if here.join("assets").is_dir() { here.to_path_buf() } else { here.join("../..") };
        let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
        let mut files: Vec<String> = std::fs::read_dir(root.join("assets/questions"))
            .unwrap()
            .map(|e| format!("assets/questions/{}", e.unwrap().file_name().to_string_lossy()))
            .filter(|p| p.ends_with(".json"))
            .collect();
        files.sort();
        let topics: Vec<(String, String)> = files.iter().map(|p| (p.clone(), read(p))).collect();
        let refs: Vec<(&str, &str)> = topics.iter().map(|(n, j)| (n.as_str(), j.as_str())).collect();
        Bank::from_files(&read("assets/seed-sections.json"), &read("assets/facts.json"), &read("assets/learn.json"), &refs).unwrap()
    }

    fn early(bank: &Bank, right: bool, checked: bool, moved_on: bool) -> (EarlyStart, bool) {
        let (seed, attempt) = pre_draw(bank).unwrap();
        let item = attempt.current().unwrap();
        let options: Vec<bool> = match &item.question.kind {
            Kind::SingleChoice { options } => options.iter().map(|o| o.correct).collect(),
            Kind::TrueFalse { answer } => vec![*answer, !*answer],
            other => panic!("the page's first question must take one choice, not {}", other.name()),
        };
        let choice = options.iter().position(|&c| c == right).unwrap();
        let start = EarlyStart {
            version: VERSION,
            seed,
            question: item.question.id.clone(),
            started_at: 1_800_000_000_000,
            choice: Some(choice),
            checked_at: checked.then_some(1_800_000_020_000),
            moved_on,
        };
        (start, right)
    }

    #[test]
    fn the_pre_drawn_quiz_opens_with_one_choice_and_is_what_the_seed_starts() {
        let bank = bank();
        let (seed, attempt) = pre_draw(&bank).unwrap();
        let again = start_with_seed(&bank, &QuizKind::Quick, &[], &[], u64::from(seed)).unwrap();
        assert_eq!(attempt, again);
        assert_eq!(attempt.len(), 10);
    }

    #[test]
    fn a_checked_answer_is_marked_by_the_app_counted_once_at_its_time_and_the_quiz_goes_on() {
        let bank = bank();
        for right in [true, false] {
            let (start, _) = early(&bank, right, true, true);
            let mut store = Store::default();
            let id = start.apply(&bank, &mut store, 20_833).unwrap();
            let item = &store.progress.items[&start.question];
            assert_eq!((item.right(), item.wrong()), (u32::from(right), u32::from(!right)), "marked by the app");
            assert_eq!(item.at(), 1_800_000_020_000, "at the time it was given");
            let attempt = store.quizzes.get(&id).unwrap().restore(&bank).unwrap();
            assert_eq!((attempt.position(), attempt.stage()), (1, Stage::Asking), "on question 2");
            // A reload, or a second tab, takes the same start in again: nothing more is counted.
            let before = store.clone();
            assert_eq!(start.apply(&bank, &mut store, 20_833).unwrap(), id);
            assert_eq!(store, before);
        }
    }

    #[test]
    fn a_start_written_again_by_a_stale_tab_never_brings_back_a_removed_quiz_or_counts_twice() {
        let bank = bank();
        let (start, _) = early(&bank, true, true, false);
        let mut store = Store::default();
        let id = start.apply(&bank, &mut store, 20_833).unwrap();
        store.quizzes.delete(&id, 1_800_000_100_000);
        let removed = store.clone();
        // The other tab, still on the page, checked another option and wrote its start again.
        let other = if start.choice == Some(0) { 1 } else { 0 };
        let stale = EarlyStart { choice: Some(other), checked_at: Some(1_800_000_050_000), ..start.clone() };
        assert_eq!(stale.apply(&bank, &mut store, 20_833).unwrap(), id);
        assert_eq!(store, removed, "nothing comes back and nothing more is counted");
        // Begun before "Clear my data": dropped.
        let mut cleared = Store::default();
        cleared.clear_all(1_900_000_000_000);
        let before = cleared.clone();
        start.apply(&bank, &mut cleared, 20_833).unwrap();
        assert_eq!(cleared, before);
    }

    #[test]
    fn an_answer_checked_but_not_moved_on_from_shows_its_feedback() {
        let bank = bank();
        let (start, _) = early(&bank, false, true, false);
        let mut store = Store::default();
        let id = start.apply(&bank, &mut store, 20_833).unwrap();
        let attempt = store.quizzes.get(&id).unwrap().restore(&bank).unwrap();
        assert_eq!((attempt.position(), attempt.stage()), (0, Stage::Answered));
    }

    #[test]
    fn a_choice_not_checked_counts_nothing() {
        let bank = bank();
        let (start, _) = early(&bank, true, false, false);
        let mut store = Store::default();
        let id = start.apply(&bank, &mut store, 20_833).unwrap();
        assert!(store.progress.items.is_empty());
        let saved = store.quizzes.get(&id).unwrap();
        assert_eq!(saved.current_draft(&bank), Some(Draft::Choice(start.choice)), "the choice is still chosen");
        let attempt = saved.restore(&bank).unwrap();
        assert_eq!((attempt.position(), attempt.stage()), (0, Stage::Asking));
    }

    #[test]
    fn a_start_that_does_not_fit_is_refused_and_changes_nothing() {
        let bank = bank();
        let (start, _) = early(&bank, true, true, false);
        let mut store = Store::default();
        let other_question = EarlyStart { question: "no-such-question".into(), ..start.clone() };
        assert_eq!(other_question.apply(&bank, &mut store, 1), Err(EarlyStartError::OtherQuestion));
        let not_an_option = EarlyStart { choice: Some(99), ..start.clone() };
        assert_eq!(not_an_option.apply(&bank, &mut store, 1), Err(EarlyStartError::NotAnAnswer));
        let checked_before_started = EarlyStart { checked_at: Some(1), ..start.clone() };
        assert_eq!(checked_before_started.apply(&bank, &mut store, 1), Err(EarlyStartError::NotAnAnswer));
        assert_eq!(store, Store::default());
        for text in ["", "{}", "null", "[1]", r#"{"version":2}"#, &"x".repeat(5000)] {
            assert_eq!(EarlyStart::decode(text), Err(EarlyStartError::Unreadable), "{text:.20}");
        }
        let text = serde_json::to_string(&start).unwrap();
        assert_eq!(EarlyStart::decode(&text), Ok(start));
    }
}
