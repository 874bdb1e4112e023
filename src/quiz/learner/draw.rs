//! Choosing the questions for a quiz: up to N from the chosen topics, balanced
//! across them, in an order set by the seed, and without giveaways.
//!
//! Two rules keep one question from answering another, or the screen from
//! answering a question:
//!
//! - **One fact, one question.** Every question names the facts it teaches
//!   ([`Question::facts`], ids from `assets/facts.json`). A quiz never holds two
//!   questions that share a fact, so the feedback on one cannot answer a later
//!   one. Some topics have only a few questions that teach different facts, so a
//!   quiz may come out shorter than asked: short and honest beats repetitive.
//! - **No figure stated by another.** A question that asks for a figure (538,
//!   294, 35%) is never drawn with one whose text states it, in its prompt,
//!   options, feedback or explanation ("35% of the 538 children"), as
//!   [`states_answer_of`] decides.
//! - **No answer in the title.** A question is never drawn for a quiz whose
//!   title (shown above every question, see [`quiz_title`]) contains its
//!   answer, as [`gives_away`] decides.
//!
//! Everything is deterministic: the same bank, kind, topics, count and seed
//! give the same questions in the same order, which is what lets every phone
//! that opens a trainer's link get the same quiz.

use std::collections::HashSet;

use crate::quiz::content::bank::{Bank, Kind, Question};
use crate::quiz::links::link::QuizSpec;
use crate::quiz::rng::SeededRng;
use crate::quiz::run::attempt::QuizKind;
use crate::quiz::run::quiz_names::{quiz_title, TRAINER_TITLE};

/// Questions in a quick check, and at most in a topic practice, a review of
/// mistakes or a spaced review.
pub const QUIZ_LENGTH: usize = 10;
/// Questions in a full assessment: every topic at least once.
pub const ASSESSMENT_LENGTH: usize = 20;

/// How many seeded tries [`draw`] makes at a set of questions that teach
/// different facts, keeping the first of the longest. More tries give longer
/// topic quizzes but less variety: at 64, some questions are in no longest
/// set and would never be asked in topic practice; at 1, a topic quiz can
/// come out at 1 to 3 questions. At 8 (measured over 300 seeds), most topic
/// quizzes come out at their median length or within one of it (the 538
/// children: 7 to 10, median 10), and which questions are asked still varies.
/// A question that teaches many facts at once (a match on five
/// characteristics) is rarely drawn in topic practice; quick checks and
/// assessments, across all topics, still ask it.
const PASSES: usize = 8;

/// Up to `count` questions from `topic_ids` (all topics when empty), taking one
/// from each topic in turn so no topic crowds out the others, and never two
/// that share a fact (see the module notes). The quiz may be shorter than
/// `count` when the topics run out of questions that teach something new.
///
/// The same bank, topics, count and seed always give the same questions in the
/// same order. This draw knows no title: a quiz shown under one is drawn by
/// [`questions_for`] or [`link_questions`], which also leave out giveaways.
pub fn draw(bank: &Bank, topic_ids: &[&str], count: usize, rng: &mut SeededRng) -> Vec<Question> {
    draw_where(bank, topic_ids, count, rng, |_| true)
}

/// [`draw`], from only the questions `keep` accepts.
///
/// It makes up to [`PASSES`] seeded round-robin passes, each over freshly
/// shuffled topics, and keeps the first of the longest; it stops early once a
/// pass has `count` questions (or every question there is).
fn draw_where(bank: &Bank, topic_ids: &[&str], count: usize, rng: &mut SeededRng, keep: impl Fn(&Question) -> bool) -> Vec<Question> {
    let pools: Vec<Vec<&Question>> = bank
        .topics
        .iter()
        .filter(|t| topic_ids.is_empty() || topic_ids.contains(&t.id.as_str()))
        .map(|t| t.questions.iter().filter(|q| keep(q)).collect::<Vec<_>>())
        .filter(|pool| !pool.is_empty())
        .collect();
    let enough = count.min(pools.iter().map(Vec::len).sum());
    let clash = |a: &Question, b: &Question| states_answer_of(a, b) || states_answer_of(b, a);
    let mut best: Vec<&Question> = Vec::new();
    for _ in 0..PASSES {
        if best.len() >= enough {
            break;
        }
        let drawn = round_robin(&pools, count, rng, &clash);
        if drawn.len() > best.len() {
            best = drawn;
        }
    }
    rng.shuffle(&mut best);
    best.into_iter().cloned().collect()
}

/// One pass: shuffles each topic's pool and the order of the topics, then
/// takes from each topic in turn its next question that teaches only facts not
/// yet taught and does not `clash` with one taken (states its figure, or has
/// its figure stated), until there are `count` or no topic has one left. A
/// question skipped can never be taken later, so it is dropped.
fn round_robin<'a>(
    pools: &[Vec<&'a Question>],
    count: usize,
    rng: &mut SeededRng,
    clash: &dyn Fn(&Question, &Question) -> bool,
) -> Vec<&'a Question> {
    let mut pools: Vec<Vec<&Question>> = pools
        .iter()
        .map(|pool| {
            let mut pool = pool.clone();
            rng.shuffle(&mut pool);
            pool
        })
        .collect();
    rng.shuffle(&mut pools);
    let mut taught = HashSet::new();
    let mut drawn: Vec<&Question> = Vec::with_capacity(count);
    while drawn.len() < count && pools.iter().any(|p| !p.is_empty()) {
        for pool in pools.iter_mut() {
            if drawn.len() == count {
                break;
            }
            while let Some(question) = pool.pop() {
                if teaches_something_new(question, &taught) && !drawn.iter().any(|&d| clash(d, question)) {
                    taught.extend(question.facts.iter().map(String::as_str));
                    drawn.push(question);
                    break;
                }
            }
        }
    }
    drawn
}

/// True when none of `question`'s facts is in `taught`.
fn teaches_something_new(question: &Question, taught: &HashSet<&str>) -> bool {
    question.facts.iter().all(|fact| !taught.contains(fact.as_str()))
}

/// The questions for a quiz of `kind`, drawn with `rng`, none of which gives
/// its answer away under the quiz's title ([`quiz_title`]) and no two of which
/// share a fact.
///
/// - quick check: [`QUIZ_LENGTH`] from all topics; full assessment:
///   [`ASSESSMENT_LENGTH`]; topic practice: up to [`QUIZ_LENGTH`] from the
///   topic; trainer's quiz: see [`link_questions`].
/// - `mistakes` and `due` are question ids from progress (most overdue first
///   for `due`); a review takes, in that order, the first [`QUIZ_LENGTH`] that
///   are still in the bank, skipping any that shares a fact with one already
///   taken, then shuffles them.
/// - a review of chosen questions ([`QuizKind::Mistakes`] with ids, a mistakes review
///   whose `kind.questions` is not empty) takes those ids the same way, all of
///   them rather than the first [`QUIZ_LENGTH`], and ignores `mistakes`.
///
/// Any of these may come out shorter than its length (see the module notes).
pub fn questions_for(bank: &Bank, kind: &QuizKind, mistakes: &[&str], due: &[&str], rng: &mut SeededRng) -> Vec<Question> {
    let title = quiz_title(bank, kind);
    let keep = |q: &Question| !gives_away(&title, q);
    let from_ids = |ids: &[&str], length: usize, rng: &mut SeededRng| {
        let mut taught = HashSet::new();
        let mut taken = HashSet::new();
        let mut questions = Vec::new();
        for question in ids.iter().filter_map(|id| bank.question(id)) {
            if questions.len() == length {
                break;
            }
            let clashes = questions.iter().any(|q: &Question| states_answer_of(q, question) || states_answer_of(question, q));
            if keep(question) && teaches_something_new(question, &taught) && !clashes && taken.insert(question.id.as_str()) {
                taught.extend(question.facts.iter().map(String::as_str));
                questions.push(question.clone());
            }
        }
        rng.shuffle(&mut questions);
        questions
    };
    match kind {
        QuizKind::Quick => draw_where(bank, &[], QUIZ_LENGTH, rng, keep),
        QuizKind::Topic(topic) => draw_where(bank, &[topic.as_str()], QUIZ_LENGTH, rng, keep),
        QuizKind::Assessment => draw_where(bank, &[], ASSESSMENT_LENGTH, rng, keep),
        QuizKind::Mistakes(chosen) if !chosen.is_empty() => {
            from_ids(&chosen.iter().map(String::as_str).collect::<Vec<_>>(), chosen.len(), rng)
        }
        QuizKind::Mistakes(_) => from_ids(mistakes, QUIZ_LENGTH, rng),
        QuizKind::Review => from_ids(due, QUIZ_LENGTH, rng),
        QuizKind::Trainer(spec) => link_questions(bank, spec, rng),
    }
}

/// The questions a trainer's link gives, drawn with its own seed exactly as
/// every learner's phone draws them (see [`link_questions`]); the debrief and
/// the trainer's screens use this to name questions and count them.
pub fn session_questions(bank: &Bank, spec: &QuizSpec) -> Vec<Question> {
    link_questions(bank, spec, &mut SeededRng::new(u64::from(spec.seed)))
}

/// The questions of a trainer's quiz: up to `spec.count` from `spec.topics`,
/// drawn as [`draw`] does, leaving out any that gives its answer away under the
/// quiz's title (the link's, or "Your trainer's quiz").
///
/// Every learner's phone draws this with `SeededRng::new(spec.seed)`, and so
/// must the debrief, which names the questions by their position in it.
pub fn link_questions(bank: &Bank, spec: &QuizSpec, rng: &mut SeededRng) -> Vec<Question> {
    let title = spec.title.as_deref().unwrap_or(TRAINER_TITLE);
    let topics: Vec<&str> = spec.topics.iter().map(String::as_str).collect();
    draw_where(bank, &topics, spec.count as usize, rng, |q| !gives_away(title, q))
}

/// True when `title` contains the answer to `question`, so showing the
/// question under that title would give the answer away.
///
/// The answer's keys, by type:
/// - numeric: the figure in digits ("538"; for a percentage the digits
///   alone, so "46" is found in "46%");
/// - single, multi and scenario: the text of each right option and, when that
///   text reads "Label: rest" (e.g. "Principle 3: Always share information"),
///   also "Label" and "rest" on their own;
/// - true/false, order and match: none (their answer is no phrase a title
///   could contain), so never a giveaway.
///
/// A key counts when the title contains it ignoring case, runs of spaces and
/// the difference between straight and curly apostrophes, starting and ending
/// on word boundaries: "538" is in "The 538 children" but not in "The 5380
/// children", and "Principle 1" is not in "Principle 10: …".
pub fn gives_away(title: &str, question: &Question) -> bool {
    let title = fold(title);
    answer_keys(&question.kind).iter().map(|key| fold(key)).any(|key| contains_words(&title, &key))
}

/// True when `shown`'s text (prompt, scenario, options, their feedback, the
/// explanation) states the figure that `asked`, a numeric question, asks for:
/// "35%" for a percentage, "538" for a count, on word boundaries. Two such
/// questions are never in one quiz: whichever came first would answer the other.
pub fn states_answer_of(shown: &Question, asked: &Question) -> bool {
    // Digits and "%" need no case folding, so the text is searched as written.
    figure_key(asked).is_some_and(|key| shown_parts(shown).any(|part| contains_words(part, &key)))
}

/// The figure a numeric question asks for, as text states it ("35%", "538").
fn figure_key(question: &Question) -> Option<String> {
    match &question.kind {
        Kind::Numeric { answer, unit, .. } => Some(format!("{answer}{unit}")),
        Kind::SingleChoice { .. }
        | Kind::MultipleChoice { .. }
        | Kind::TrueFalse { .. }
        | Kind::Order { .. }
        | Kind::Match { .. }
        | Kind::Scenario { .. } => None,
    }
}

/// Everything a question can show: prompt, explanation, scenario, items,
/// pairs, and options with their feedback.
fn shown_parts(question: &Question) -> impl Iterator<Item = &str> {
    let own: Vec<&str> = match &question.kind {
        Kind::Scenario { scenario, .. } => vec![scenario.as_str()],
        Kind::Order { items } => items.iter().map(|i| i.text.as_str()).collect(),
        Kind::Match { pairs } => pairs.iter().flat_map(|p| [p.left.as_str(), p.right.as_str()]).collect(),
        Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::TrueFalse { .. } | Kind::Numeric { .. } => Vec::new(),
    };
    let options =
        question.kind.options().unwrap_or_default().iter().flat_map(|o| std::iter::once(o.text.as_str()).chain(o.feedback.as_deref()));
    [question.prompt.as_str(), question.explanation.as_str()].into_iter().chain(own).chain(options)
}

/// The phrases that would give away the answer of a question of `kind` (see [`gives_away`]).
fn answer_keys(kind: &Kind) -> Vec<String> {
    match kind {
        Kind::Numeric { answer, .. } => vec![answer.to_string()],
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => options
            .iter()
            .filter(|option| option.correct)
            .flat_map(|option| {
                let mut keys = vec![option.text.clone()];
                if let Some((label, rest)) = option.text.split_once(':') {
                    keys.extend([label, rest].into_iter().map(str::trim).filter(|part| !part.is_empty()).map(str::to_string));
                }
                keys
            })
            .collect(),
        Kind::TrueFalse { .. } | Kind::Order { .. } | Kind::Match { .. } => Vec::new(),
    }
}

/// `text` in lower case, with spaces trimmed and runs of them made one, and
/// curly apostrophes made straight, for comparing phrases.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if matches!(c, '\u{2018}' | '\u{2019}') { '\'' } else { c })
        .collect()
}

/// True when `phrase` occurs in `text` starting and ending on word boundaries:
/// where `phrase` starts (ends) with a letter or digit, the character before
/// (after) it in `text` is not one. An empty phrase occurs nowhere.
fn contains_words(text: &str, phrase: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if phrase.is_empty() {
        return false;
    }
    let (starts_word, ends_word) = (is_word(phrase.chars().next()), is_word(phrase.chars().next_back()));
    let mut from = 0;
    while let Some(found) = text[from..].find(phrase) {
        let at = from + found;
        let end = at + phrase.len();
        let cut_before = starts_word && is_word(text[..at].chars().next_back());
        let cut_after = ends_word && is_word(text[end..].chars().next());
        if !(cut_before || cut_after) {
            return true;
        }
        // Matches may overlap: look again from the next character.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::content::bank::AnswerOption;
    use crate::quiz::content::bank::OrderItem;

    fn question(kind: Kind) -> Question {
        Question {
            id: "q".into(),
            prompt: "P?".into(),
            kind,
            explanation: "E.".into(),
            source: "S".into(),
            facts: vec!["f".into()],
            principle: None,
        }
    }

    fn numeric(answer: i64, unit: &str) -> Question {
        question(Kind::Numeric { answer, close_within: 0, unit: unit.into() })
    }

    /// A single-choice question whose right option is `right`.
    fn choice(right: &str) -> Question {
        let option = |text: &str, correct| AnswerOption { id: text.to_lowercase(), text: text.into(), correct, feedback: None };
        question(Kind::SingleChoice { options: vec![option("Something else", false), option(right, true)] })
    }

    #[test]
    fn a_figure_in_the_title_gives_a_numeric_answer_away() {
        assert!(gives_away("The 538 children", &numeric(538, "")));
        assert!(gives_away("538", &numeric(538, "")));
        assert!(gives_away("Children (538)", &numeric(538, "")));
        assert!(gives_away("46% of cases", &numeric(46, "%")));
        assert!(gives_away("Cases: 46 %", &numeric(46, "%")));
    }

    #[test]
    fn a_figure_near_the_answer_gives_nothing_away() {
        assert!(!gives_away("The 538 children", &numeric(53, "")));
        assert!(!gives_away("The 538 children", &numeric(38, "")));
        assert!(!gives_away("The 538 children", &numeric(5380, "")));
        assert!(!gives_away("The 5380 children", &numeric(538, "")));
        assert!(!gives_away("The x538 children", &numeric(538, "")));
        assert!(!gives_away("The 10 Principles", &numeric(1, "")));
        assert!(!gives_away("Quick check", &numeric(538, "")));
        assert!(!gives_away("", &numeric(538, "")));
    }

    #[test]
    fn a_right_option_or_either_side_of_its_colon_gives_it_away() {
        let principle_3 = choice("Principle 3: Always share information");
        assert!(gives_away("Principle 3: Always share information", &principle_3));
        assert!(gives_away("principle 3: always  SHARE information", &principle_3));
        assert!(gives_away("Principle 3", &principle_3));
        assert!(gives_away("Revising principle 3 today", &principle_3));
        assert!(gives_away("Why we always share information", &principle_3));
        assert!(gives_away("The Section 11 duty", &choice("Section 11")));
        assert!(gives_away("Principle 4: Don\u{2019}t be afraid", &choice("Don't be afraid")));
    }

    #[test]
    fn a_near_or_unrelated_title_gives_no_option_away() {
        let principle_10 = choice("Principle 10: Keep listening to the voice of the child");
        assert!(!gives_away("Principle 1: Keep clear and detailed records", &principle_10));
        assert!(!gives_away("Principle 1: Keep clear and detailed records", &choice("Principle 10")));
        assert!(!gives_away(
            "Principle 10: Keep listening to the voice of the child",
            &choice("Principle 1: Keep clear and detailed records")
        ));
        assert!(!gives_away("Principle 3: Always share information", &choice("Principle 3x")));
        assert!(!gives_away("Principle 3: Always share information", &choice("Sharing")));
        assert!(!gives_away("Principle 3: Always share information", &choice("Principle 4: Don't be afraid to challenge decisions")));
        assert!(!gives_away("Quick check", &choice("Principle 3: Always share information")));
        // Only right options count.
        let option = |text: &str, correct| AnswerOption { id: text.to_lowercase(), text: text.into(), correct, feedback: None };
        let wrong_in_title = question(Kind::MultipleChoice {
            options: vec![option("Principle 3", false), option("Principle 5", true), option("Principle 6", true)],
        });
        assert!(!gives_away("Principle 3: Always share information", &wrong_in_title));
        assert!(gives_away("Principle 6 and more", &wrong_in_title));
    }

    #[test]
    fn true_false_order_and_match_have_no_key() {
        let title = "true false 538 a b";
        assert!(!gives_away(title, &question(Kind::TrueFalse { answer: true })));
        assert!(!gives_away(title, &question(Kind::TrueFalse { answer: false })));
        assert!(!gives_away(title, &question(Kind::Order { items: OrderItem::lettered(&["a", "b"]) })));
        let pair = |left: &str, right: &str| crate::quiz::content::bank::Pair { id: left.into(), left: left.into(), right: right.into() };
        assert!(!gives_away(title, &question(Kind::Match { pairs: vec![pair("a", "538"), pair("b", "1")] })));
    }

    #[test]
    fn phrases_match_on_word_boundaries_even_when_matches_overlap() {
        assert!(contains_words("xab ab a", "ab a"));
        assert!(contains_words("a 1", "1"));
        assert!(!contains_words("a 10", "1"));
        assert!(!contains_words("a 01", "1"));
        assert!(contains_words("46%", "46%"));
        assert!(!contains_words("x46%y", "46%"));
        assert!(!contains_words("anything", ""));
        assert!(contains_words("é538 538", "538"));
        assert!(!contains_words("é538", "538"));
    }
}
