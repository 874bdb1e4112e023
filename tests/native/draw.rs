//! Drawing a quiz from the bank: seeded, balanced across topics, filtered by
//! topic, one question per fact and no answer given away by the title.

use crate::support;

use std::collections::HashSet;

use quiz::content::bank::{Bank, Kind, Question};
use quiz::learner::draw::{draw, gives_away, link_questions, questions_for, states_answer_of, ASSESSMENT_LENGTH, QUIZ_LENGTH};
use quiz::links::link::QuizSpec;
use quiz::rng::SeededRng;
use quiz::run::attempt::Mode;
use quiz::run::attempt::{Attempt, QuizKind};
use quiz::run::quiz_names::quiz_title;

/// The id of the topic `question` is in.
fn topic_of<'a>(bank: &'a Bank, question: &Question) -> &'a str {
    bank.topics.iter().find(|t| t.questions.iter().any(|tq| tq.id == question.id)).unwrap().id.as_str()
}

/// The first fact two of `questions` share, with their ids.
fn shared_fact(questions: &[Question]) -> Option<(String, String, String)> {
    for (i, a) in questions.iter().enumerate() {
        for b in &questions[i + 1..] {
            if let Some(fact) = a.facts.iter().find(|f| b.facts.contains(f)) {
                return Some((a.id.clone(), b.id.clone(), fact.clone()));
            }
        }
    }
    None
}

#[test]
fn the_same_seed_gives_the_same_draw_and_layout() {
    let bank = support::shipped_bank();
    let quiz = |seed| {
        let mut rng = SeededRng::new(seed);
        Attempt::start(draw(&bank, &[], 10, &mut rng), &mut rng).unwrap()
    };
    assert_eq!(quiz(42), quiz(42));
    assert_ne!(quiz(42), quiz(43));
}

#[test]
fn a_mixed_quiz_takes_each_question_from_a_different_topic() {
    let bank = support::shipped_bank();
    for seed in 0..50 {
        let drawn = draw(&bank, &[], 10, &mut SeededRng::new(seed));
        assert_eq!(drawn.len(), 10);
        let topics: HashSet<&str> = drawn.iter().map(|q| topic_of(&bank, q)).collect();
        assert_eq!(topics.len(), 10, "seed {seed}: ten questions from ten topics");
    }
}

/// A long draw takes from each topic in turn: a topic gives fewer than the
/// others only when it has no question left that teaches something new (and
/// states no figure another asks for).
#[test]
fn a_long_draw_spreads_evenly_and_never_repeats_a_question_or_a_fact() {
    let bank = support::shipped_bank();
    for seed in 0..20 {
        let drawn = draw(&bank, &[], 56, &mut SeededRng::new(seed));
        let ids: HashSet<&str> = drawn.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), drawn.len(), "seed {seed}: a question twice");
        assert!(drawn.len() <= 56);
        assert_eq!(shared_fact(&drawn), None, "seed {seed}");
        let taught: HashSet<&str> = drawn.iter().flat_map(|q| q.facts.iter().map(String::as_str)).collect();
        let given = |topic: &str| drawn.iter().filter(|q| topic_of(&bank, q) == topic).count();
        let most = bank.topics.iter().map(|t| given(&t.id)).max().unwrap();
        for topic in &bank.topics {
            let from_topic = given(&topic.id);
            let new_left = topic.questions.iter().any(|q| {
                let clashes = drawn.iter().any(|d| states_answer_of(d, q) || states_answer_of(q, d));
                !ids.contains(q.id.as_str()) && q.facts.iter().all(|f| !taught.contains(f.as_str())) && !clashes
            });
            assert!(from_topic + 1 >= most || !new_left, "seed {seed}: {} gave {from_topic} of {most} with new facts left", topic.id);
        }
    }
}

#[test]
fn a_topic_quiz_only_draws_from_that_topic() {
    let bank = support::shipped_bank();
    let topic = bank.topic("principle-6").unwrap();
    for seed in 0..20 {
        let drawn = draw(&bank, &["principle-6"], 10, &mut SeededRng::new(seed));
        // Principle 6's nine questions teach four facts: at most three teach different ones.
        assert_eq!(drawn.len(), 3, "seed {seed}");
        assert!(drawn.iter().all(|q| topic.questions.contains(q)));
        assert_eq!(shared_fact(&drawn), None, "seed {seed}");
    }
    assert!(draw(&bank, &["no-such-topic"], 10, &mut SeededRng::new(1)).is_empty());
}

#[test]
fn the_quick_check_and_the_full_assessment_come_out_full_length() {
    let bank = support::shipped_bank();
    for (mode, length) in [(Mode::Quick, QUIZ_LENGTH), (Mode::Assessment, ASSESSMENT_LENGTH)] {
        for seed in 0..1000 {
            let drawn = questions_for(&bank, &QuizKind::of_mode(mode, None).unwrap(), &[], &[], &mut SeededRng::new(seed));
            assert_eq!(drawn.len(), length, "{mode:?}, seed {seed}");
            assert_eq!(shared_fact(&drawn), None, "{mode:?}, seed {seed}");
        }
    }
}

/// Reported: "The 538 children" asked "How many children were notified…?" (538).
#[test]
fn practising_the_538_children_never_asks_for_538() {
    let bank = support::shipped_bank();
    let kind = QuizKind::Topic("characteristics".into());
    assert_eq!(quiz_title(&bank, &kind), "The 538 children");
    let giveaway = bank.topic("characteristics").unwrap().questions.iter().find(|q| matches!(q.kind, Kind::Numeric { answer: 538, .. }));
    assert!(giveaway.is_some_and(|q| gives_away("The 538 children", q)), "the bank still asks for 538 in this topic");
    for seed in 0..200 {
        let drawn = questions_for(&bank, &kind, &[], &[], &mut SeededRng::new(seed));
        assert!(!drawn.is_empty());
        assert!(drawn.iter().all(|q| !matches!(q.kind, Kind::Numeric { answer: 538, .. })), "seed {seed}");
    }
}

/// Reported: a principle's scenarios asked "Which principle does this show
/// most clearly?" under that principle's own title.
#[test]
fn practising_a_principle_never_offers_its_own_title_as_the_answer() {
    let bank = support::shipped_bank();
    let mut excluded = 0;
    for topic in bank.topics.iter().filter(|t| t.id.starts_with("principle-")) {
        let kind = QuizKind::Topic(topic.id.clone());
        let label = topic.title.split(':').next().unwrap();
        let answers_title = |q: &Question| {
            q.kind
                .options()
                .unwrap_or_default()
                .iter()
                .any(|o| o.correct && (o.text == topic.title || o.text.starts_with(&format!("{label}:"))))
        };
        excluded += topic.questions.iter().filter(|q| answers_title(q)).count();
        for seed in 0..100 {
            let drawn = questions_for(&bank, &kind, &[], &[], &mut SeededRng::new(seed));
            assert!(!drawn.is_empty(), "{} seed {seed}", topic.id);
            assert!(drawn.iter().all(|q| !answers_title(q)), "{} seed {seed}", topic.id);
        }
    }
    assert!(excluded >= 10, "only {excluded} questions answered their principle's title: the test checks little");
}

/// Reported: a match and an order question on the same five characteristics
/// in one quick check, so the first one's feedback answered the second.
#[test]
fn no_quiz_asks_twice_about_the_same_fact() {
    let bank = support::shipped_bank();
    let all: Vec<&str> = bank.questions().map(|q| q.id.as_str()).collect();
    for seed in 0..300 {
        for mode in [Mode::Quick, Mode::Assessment] {
            let drawn = questions_for(&bank, &QuizKind::of_mode(mode, None).unwrap(), &[], &[], &mut SeededRng::new(seed));
            assert_eq!(shared_fact(&drawn), None, "{mode:?} seed {seed}");
        }
        for topic in &bank.topics {
            let kind = QuizKind::Topic(topic.id.clone());
            assert_eq!(shared_fact(&questions_for(&bank, &kind, &[], &[], &mut SeededRng::new(seed))), None, "{} seed {seed}", topic.id);
        }
    }
    // Every question got wrong, in bank order: the review keeps the first of each fact.
    let review = questions_for(&bank, &QuizKind::Mistakes(Vec::new()), &all, &[], &mut SeededRng::new(1));
    assert_eq!(review.len(), QUIZ_LENGTH);
    assert_eq!(shared_fact(&review), None);
}

#[test]
fn a_review_takes_the_first_of_each_fact_in_the_order_given() {
    let bank = support::shipped_bank();
    let characteristics = &bank.topic("characteristics").unwrap().questions;
    let first = &characteristics[0];
    let same_fact: Vec<&Question> = characteristics.iter().skip(1).filter(|q| q.facts.iter().any(|f| first.facts.contains(f))).collect();
    assert!(!same_fact.is_empty(), "the test needs two questions on one fact");
    let other = characteristics
        .iter()
        .find(|q| {
            let states = |a: &Question, b: &Question| states_answer_of(a, b) || states_answer_of(b, a);
            q.facts.iter().all(|f| !first.facts.contains(f) && !same_fact[0].facts.contains(f)) && !states(q, same_fact[0])
        })
        .unwrap();
    let ids = [same_fact[0].id.as_str(), "gone-from-the-bank", first.id.as_str(), other.id.as_str(), other.id.as_str()];
    let mut review = questions_for(&bank, &QuizKind::Review, &[], &ids, &mut SeededRng::new(5));
    review.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected = vec![same_fact[0].clone(), other.clone()];
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(review, expected);
}

/// The debrief names questions by position in `link_questions`: it must be
/// exactly what each learner's phone drew, title and all.
#[test]
fn a_trainer_link_draws_the_same_quiz_as_its_debrief() {
    let bank = support::shipped_bank();
    for (seed, title) in [(1, None), (2, Some("The 538 children")), (3, Some("Principle 3: Always share information")), (4, Some("Room 2"))]
    {
        let spec = QuizSpec {
            topics: vec!["characteristics".into(), "principle-3".into()],
            count: 12,
            seed,
            assessment: false,
            pass_mark: 80,
            title: title.map(str::to_string),
            refresh_months: None,
        };
        let kind = QuizKind::Trainer(spec.clone());
        let learner = questions_for(&bank, &kind, &[], &[], &mut SeededRng::new(u64::from(seed)));
        assert_eq!(learner, link_questions(&bank, &spec, &mut SeededRng::new(u64::from(seed))));
        assert!(learner.iter().all(|q| !gives_away(&quiz_title(&bank, &kind), q)));
        assert!(!learner.is_empty());
    }
}

#[test]
fn a_question_that_states_a_figure_is_never_drawn_with_the_one_asking_for_it() {
    let bank = support::shipped_bank();
    let question = |id: &str| bank.question(id).unwrap_or_else(|| panic!("{id}"));
    // The tester's case: each explanation states the other's figure.
    let died = question("np-died-partnerships-number");
    let harm = question("np-serious-harm-partnerships-number");
    assert!(states_answer_of(died, harm) && states_answer_of(harm, died));
    // "35% of the 538 children" answers "How many children were notified?".
    assert!(states_answer_of(question("ch-domestic-abuse-percentage"), question("ch-children-notified-number")));
    // A count is not a percentage, and a figure inside a longer number is not it.
    assert!(!states_answer_of(question("np-scrs-published-number"), question("ch-domestic-abuse-percentage")));
    for seed in 0..300 {
        for kind in [QuizKind::Topic("national-picture".into()), QuizKind::Assessment] {
            let drawn = questions_for(&bank, &kind, &[], &[], &mut SeededRng::new(seed));
            let ids: Vec<&str> = drawn.iter().map(|q| q.id.as_str()).collect();
            assert!(!(ids.contains(&died.id.as_str()) && ids.contains(&harm.id.as_str())), "seed {seed}: {ids:?}");
        }
    }
}

/// What home, Progress and the results page offer (#33: the rule lives in
/// the store): a refresher only with questions due, a review of mistakes
/// only with mistakes left, each counting only questions the bank still has.
#[test]
fn a_refresher_or_a_review_of_mistakes_starts_only_with_questions_to_ask() {
    use quiz::learner::schedule::Scheduler;
    use quiz::saved::store::Store;
    let bank = support::shipped_bank();
    let today = 20_430;
    let now = today as u64 * 86_400_000 + 43_200_000;
    let mut store = Store::default();
    for mode in [Mode::Review, Mode::Mistakes] {
        assert!(!store.can_start(mode, &bank, today), "{mode:?} with nothing answered");
    }
    for mode in [Mode::Quick, Mode::Topic, Mode::Assessment, Mode::Trainer] {
        assert!(store.can_start(mode, &bank, today));
    }
    let question = bank.questions().next().unwrap().id.clone();
    store.record_answer(&question, false, now, today, &Scheduler::default());
    store.record_answer("a-question-the-course-no-longer-has", false, now, today, &Scheduler::default());
    assert_eq!(store.mistakes_to_review(&bank), 1, "only what the bank still has");
    assert!(store.can_start(Mode::Mistakes, &bank, today));
    assert!(!store.can_start(Mode::Review, &bank, today), "nothing is due on the day it was answered");
    let later = today + 30;
    assert_eq!(store.due_for_refresher(&bank, later), 1, "due later, and only what the bank has");
    assert!(store.can_start(Mode::Review, &bank, later));
    store.record_answer(&question, true, now + 1_000, today, &Scheduler::default());
    assert!(!store.can_start(Mode::Mistakes, &bank, today), "answered right, no mistakes are left");
}
