//! Choosing the questions for a quiz: N from the chosen topics, balanced
//! across them, in an order set by the seed.

use super::bank::{Bank, Question};
use super::progress::Mode;
use super::rng::SeededRng;
use super::session::QuizKind;

/// Up to `count` questions from `topic_ids` (all topics when empty), taking one
/// from each topic in turn so no topic crowds out the others. The same bank,
/// topics, count and seed always give the same questions in the same order.
pub fn draw(bank: &Bank, topic_ids: &[&str], count: usize, rng: &mut SeededRng) -> Vec<Question> {
    let mut pools: Vec<Vec<&Question>> = bank
        .topics
        .iter()
        .filter(|t| topic_ids.is_empty() || topic_ids.contains(&t.id.as_str()))
        .map(|t| {
            let mut pool: Vec<&Question> = t.questions.iter().collect();
            rng.shuffle(&mut pool);
            pool
        })
        .filter(|pool| !pool.is_empty())
        .collect();
    rng.shuffle(&mut pools);
    let mut drawn = Vec::with_capacity(count);
    while drawn.len() < count && pools.iter().any(|p| !p.is_empty()) {
        for pool in pools.iter_mut() {
            if drawn.len() == count {
                break;
            }
            if let Some(question) = pool.pop() {
                drawn.push(question.clone());
            }
        }
    }
    rng.shuffle(&mut drawn);
    drawn
}

/// Questions in a quick check, and at most in a topic practice, a review of
/// mistakes or a spaced review.
pub const QUIZ_LENGTH: usize = 10;
/// Questions in a full assessment: every topic at least once.
pub const ASSESSMENT_LENGTH: usize = 20;

/// The questions for a quiz of `kind`, drawn with `rng`.
///
/// `mistakes` and `due` are question ids from progress (most overdue first
/// for `due`); a review takes the first [`QUIZ_LENGTH`] that are still in the bank.
pub fn questions_for(bank: &Bank, kind: &QuizKind, mistakes: &[&str], due: &[&str], rng: &mut SeededRng) -> Vec<Question> {
    let from_ids = |ids: &[&str], rng: &mut SeededRng| {
        let mut questions: Vec<Question> = ids.iter().filter_map(|id| bank.question(id).cloned()).take(QUIZ_LENGTH).collect();
        rng.shuffle(&mut questions);
        questions
    };
    match kind.mode {
        Mode::Quick => draw(bank, &[], QUIZ_LENGTH, rng),
        Mode::Topic => draw(bank, &kind.topic.as_deref().into_iter().collect::<Vec<_>>(), QUIZ_LENGTH, rng),
        Mode::Assessment => draw(bank, &[], ASSESSMENT_LENGTH, rng),
        Mode::Mistakes => from_ids(mistakes, rng),
        Mode::Review => from_ids(due, rng),
        Mode::Trainer => match &kind.link {
            Some(spec) => draw(bank, &spec.topics.iter().map(String::as_str).collect::<Vec<_>>(), spec.count as usize, rng),
            None => Vec::new(),
        },
    }
}

/// What a quiz of `kind` is called on screen: a topic's title from the bank,
/// else the mode's own name (see [`kind_title`]).
pub fn quiz_title(bank: &Bank, kind: &QuizKind) -> String {
    match (&kind.mode, &kind.topic) {
        (Mode::Topic, Some(id)) => bank.topic(id).map_or_else(|| kind_title(kind), |t| t.title.clone()),
        _ => kind_title(kind),
    }
}

/// What a quiz of `kind` is called without the bank (it names no topic):
/// "Quick check", "Full assessment", a trainer's title…
pub fn kind_title(kind: &QuizKind) -> String {
    match kind.mode {
        Mode::Quick => "Quick check",
        Mode::Topic => "Practise one topic",
        Mode::Assessment => "Full assessment",
        Mode::Mistakes => "Review my mistakes",
        Mode::Review => "Spaced review",
        Mode::Trainer => return kind.link.as_ref().and_then(|l| l.title.clone()).unwrap_or_else(|| "Your trainer's quiz".to_string()),
    }
    .to_string()
}
