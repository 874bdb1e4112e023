//! The quiz attempt as a state machine, driven natively.

use quiz::answering::marking::Response;
use quiz::content::bank::{AnswerOption, Kind, OrderItem, Question};
use quiz::rng::SeededRng;
use quiz::run::attempt::{Attempt, AttemptError, QuizKind, Stage};

fn question(id: &str, correct_index: usize) -> Question {
    Question {
        id: id.to_string(),
        prompt: format!("Prompt {id}"),
        kind: Kind::SingleChoice {
            options: (0..4)
                .map(|i| AnswerOption {
                    id: format!("o{i}"),
                    text: format!("{id} option {i}"),
                    correct: i == correct_index,
                    feedback: Some(format!("feedback {i}")),
                })
                .collect(),
        },
        explanation: format!("Explanation {id}"),
        source: "Principle 1: Keep clear and detailed records".into(),
        facts: vec!["f".into()],
        principle: Some(1),
    }
}

fn questions(n: usize) -> Vec<Question> {
    (0..n).map(|i| question(&format!("q{i}"), i % 4)).collect()
}

fn right(s: &Attempt) -> Response {
    let item = s.current().unwrap();
    let index = item.question.kind.options().unwrap().iter().position(|o| o.correct).unwrap();
    Response::Choice(index)
}

fn wrong(s: &Attempt) -> Response {
    let Response::Choice(i) = right(s) else { unreachable!() };
    Response::Choice((i + 1) % 4)
}

#[test]
fn an_empty_quiz_cannot_start() {
    assert_eq!(Attempt::start(vec![], &mut SeededRng::new(1)), Err(AttemptError::NoQuestions));
}

#[test]
fn the_same_seed_gives_the_same_layout() {
    let a = Attempt::start(questions(10), &mut SeededRng::new(99)).unwrap();
    let b = Attempt::start(questions(10), &mut SeededRng::new(99)).unwrap();
    assert_eq!(a, b);
    let c = Attempt::start(questions(10), &mut SeededRng::new(100)).unwrap();
    let orders = |s: &Attempt| s.items().iter().map(|i| i.layout.clone()).collect::<Vec<_>>();
    assert_ne!(orders(&a), orders(&c), "another seed lays options out differently");
}

#[test]
fn questions_are_asked_in_the_order_given() {
    let s = Attempt::start(questions(5), &mut SeededRng::new(5)).unwrap();
    let ids: Vec<&str> = s.items().iter().map(|i| i.question.id.as_str()).collect();
    assert_eq!(ids, ["q0", "q1", "q2", "q3", "q4"]);
}

#[test]
fn a_full_run_scores_what_was_answered() {
    let mut s = Attempt::start(questions(4), &mut SeededRng::new(7)).unwrap();
    for turn in 0..4 {
        assert_eq!((s.stage(), s.position()), (Stage::Asking, turn));
        let response = if turn < 2 { right(&s) } else { wrong(&s) };
        let feedback = s.answer(response).unwrap();
        assert_eq!(feedback.correct, turn < 2);
        assert_eq!(s.stage(), Stage::Answered);
        assert_eq!(s.marking().unwrap().feedback(), Some(feedback));
        s.next().unwrap();
    }
    assert_eq!(s.stage(), Stage::Finished);
    assert!(s.current().is_none());
    let score = s.marking().unwrap().score();
    assert_eq!((score.correct, score.total), (2, 4));
}

fn assessment(n: usize) -> Attempt {
    Attempt::start_kind(QuizKind::Assessment, questions(n), &mut SeededRng::new(8)).unwrap()
}

#[test]
fn an_assessment_gives_out_no_marking_until_it_is_submitted() {
    let mut s = assessment(3);
    assert!(s.defers_feedback());
    for turn in 0..3 {
        assert!(s.marking().is_none(), "no marking while asking question {turn}");
        assert_eq!((s.stage(), s.position()), (Stage::Asking, turn));
        let response = if turn == 0 { right(&s) } else { wrong(&s) };
        assert_eq!(s.answer(response.clone()), Err(AttemptError::WrongKind), "an assessment is not checked answer by answer");
        s.save(response).unwrap();
        assert!(s.marking().is_none(), "no marking once question {turn} is saved");
        assert_ne!(s.stage(), Stage::Answered, "an assessment never shows an answer as checked");
    }
    assert_eq!(s.stage(), Stage::CheckingAnswers);
    assert!(s.current().is_none());
    assert!(s.marking().is_none(), "no marking on the check-your-answers page");
    assert_eq!(s.passed(), None);
    s.submit().unwrap();
    assert_eq!(s.stage(), Stage::Finished);
    let marking = s.marking().expect("marked once submitted");
    assert_eq!(marking.score().correct, 1);
    assert_eq!(marking.results().iter().map(|(_, right)| *right).collect::<Vec<_>>(), [true, false, false]);
    assert_eq!(s.passed(), Some(false));
}

#[test]
fn an_answer_can_be_changed_from_the_check_page_and_the_change_is_marked() {
    let mut s = assessment(3);
    for _ in 0..3 {
        let response = wrong(&s);
        s.save(response).unwrap();
    }
    // Change question 2: back to it, still holding its saved answer, then back to the check page.
    s.change(1).unwrap();
    assert_eq!((s.stage(), s.position()), (Stage::Asking, 1));
    assert!(s.current().unwrap().response.is_some(), "the saved answer is there to change");
    assert!(s.marking().is_none());
    let response = right(&s);
    s.save(response).unwrap();
    assert_eq!(s.stage(), Stage::CheckingAnswers, "after a change, back to checking, not on to question 3");
    assert_eq!(s.change(3), Err(AttemptError::WrongStage), "no such question");
    s.submit().unwrap();
    assert_eq!(s.marking().unwrap().results().iter().map(|(_, right)| *right).collect::<Vec<_>>(), [false, true, false]);
    assert_eq!(s.change(0), Err(AttemptError::WrongStage), "no changes after submitting");
    assert_eq!(s.submit(), Err(AttemptError::WrongStage), "submitted once");
}

#[test]
fn each_kind_of_run_refuses_the_other_kinds_steps() {
    let mut practice = Attempt::start(questions(2), &mut SeededRng::new(4)).unwrap();
    assert_eq!(practice.save(Response::Choice(0)), Err(AttemptError::WrongKind));
    assert_eq!(practice.submit(), Err(AttemptError::WrongKind));
    assert_eq!(practice.change(0), Err(AttemptError::WrongKind));
    assert!(practice.marking().is_some(), "practice is marked as it goes");
    let mut test = assessment(2);
    assert_eq!(test.next(), Err(AttemptError::WrongKind));
    assert_eq!(test.submit(), Err(AttemptError::WrongStage), "not before every answer is saved");
    assert_eq!(test.change(0), Err(AttemptError::WrongStage), "not before the check page");
    assert_eq!(test.save(Response::Number(1)), Err(AttemptError::NotAnAnswer));
}

#[test]
fn feedback_gives_the_right_answer_and_the_chosen_options_note() {
    let mut s = Attempt::start(questions(1), &mut SeededRng::new(3)).unwrap();
    let Response::Choice(chosen) = wrong(&s) else { unreachable!() };
    let feedback = s.answer(Response::Choice(chosen)).unwrap();
    assert!(!feedback.correct);
    assert_eq!(feedback.right_answer.summary(), "q0 option 0");
    assert_eq!(feedback.notes, vec![format!("feedback {chosen}")]);
    assert_eq!(feedback.explanation, "Explanation q0");
    assert_eq!(feedback.source, "Principle 1: Keep clear and detailed records");
}

#[test]
fn calls_out_of_turn_and_answers_of_the_wrong_shape_are_refused() {
    let mut s = Attempt::start(questions(2), &mut SeededRng::new(4)).unwrap();
    assert_eq!(s.next(), Err(AttemptError::WrongStage), "next before answering");
    assert_eq!(s.answer(Response::Choice(4)), Err(AttemptError::NotAnAnswer));
    assert_eq!(s.answer(Response::Number(4)), Err(AttemptError::NotAnAnswer));
    assert_eq!(s.answer(Response::Choices(vec![0])), Err(AttemptError::NotAnAnswer));
    assert_eq!(s.stage(), Stage::Asking);
    s.answer(Response::Choice(0)).unwrap();
    assert_eq!(s.answer(Response::Choice(1)), Err(AttemptError::WrongStage), "answering twice");
    s.next().unwrap();
    s.answer(Response::Choice(0)).unwrap();
    s.next().unwrap();
    assert_eq!(s.answer(Response::Choice(0)), Err(AttemptError::WrongStage), "answering after the end");
    assert_eq!(s.next(), Err(AttemptError::WrongStage), "next after the end");
}

#[test]
fn an_order_question_never_starts_in_the_right_order() {
    let q = Question { kind: Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) }, ..question("order", 0) };
    for seed in 0..200 {
        let s = Attempt::start(vec![q.clone()], &mut SeededRng::new(seed)).unwrap();
        assert_ne!(s.items()[0].layout, vec![0, 1, 2], "seed {seed}");
    }
}

/// The results page's split by topic is the domain's (#33): right and
/// answered per topic, in the order topics come up, from the marking alone.
#[test]
fn a_marked_quiz_is_tallied_by_topic() {
    let bank = crate::support::shipped_bank();
    let single = |topic: usize, n: usize| -> Vec<Question> {
        bank.topics[topic]
            .questions
            .iter()
            .filter(|q| matches!(q.kind, quiz::content::bank::Kind::SingleChoice { .. }))
            .take(n)
            .cloned()
            .collect()
    };
    let (first, second) = (single(2, 2), single(5, 1));
    assert_eq!((first.len(), second.len()), (2, 1), "the topics have single-choice questions");
    let mut s = Attempt::start(first.into_iter().chain(second).collect(), &mut SeededRng::new(3)).unwrap();
    for turn in 0..3 {
        let response = if turn == 1 { wrong(&s) } else { right(&s) };
        s.answer(response).unwrap();
        s.next().unwrap();
    }
    let by_topic = s.marking().unwrap().by_topic(&bank);
    assert_eq!(by_topic, vec![(bank.topics[2].title.clone(), 1, 2), (bank.topics[5].title.clone(), 1, 1)]);
    // An assessment keeps its secret: no marking, so no tally, until it is submitted.
    assert!(assessment(3).marking().is_none());
}
