//! Drawing a quiz from the bank: seeded, balanced across topics, filtered by topic.

mod support;

use std::collections::HashSet;

use safeguarding_check::quiz::draw::draw;
use safeguarding_check::quiz::rng::SeededRng;
use safeguarding_check::quiz::session::Session;

#[test]
fn the_same_seed_gives_the_same_draw_and_layout() {
    let bank = support::shipped_bank();
    let quiz = |seed| {
        let mut rng = SeededRng::new(seed);
        Session::start(draw(&bank, &[], 10, &mut rng), &mut rng).unwrap()
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
        let topics: HashSet<&str> =
            drawn.iter().map(|q| bank.topics.iter().find(|t| t.questions.iter().any(|tq| tq.id == q.id)).unwrap().id.as_str()).collect();
        assert_eq!(topics.len(), 10, "seed {seed}: ten questions from ten topics");
    }
}

#[test]
fn a_long_draw_spreads_evenly_and_never_repeats() {
    let bank = support::shipped_bank();
    let drawn = draw(&bank, &[], 56, &mut SeededRng::new(9));
    let ids: HashSet<&str> = drawn.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), 56);
    for topic in &bank.topics {
        let from_topic = drawn.iter().filter(|q| topic.questions.iter().any(|t| t.id == q.id)).count();
        assert_eq!(from_topic, 4.min(topic.questions.len()), "{}", topic.id);
    }
}

#[test]
fn a_topic_quiz_only_draws_from_that_topic() {
    let bank = support::shipped_bank();
    let topic = bank.topic("principle-6").unwrap();
    let drawn = draw(&bank, &["principle-6"], 10, &mut SeededRng::new(1));
    assert_eq!(drawn.len(), 10.min(topic.questions.len()));
    assert!(drawn.iter().all(|q| topic.questions.contains(q)));
    assert!(draw(&bank, &["no-such-topic"], 10, &mut SeededRng::new(1)).is_empty());
}
