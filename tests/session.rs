//! The quiz session as a state machine, driven natively.

use safeguarding_check::quiz::bank::{AnswerOption, Kind, Question};
use safeguarding_check::quiz::marking::Response;
use safeguarding_check::quiz::rng::SeededRng;
use safeguarding_check::quiz::session::{Session, SessionError, Stage};

fn question(id: &str, correct_index: usize) -> Question {
    Question {
        id: id.to_string(),
        prompt: format!("Prompt {id}"),
        kind: Kind::SingleChoice {
            options: (0..4)
                .map(|i| AnswerOption {
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

fn right(s: &Session) -> Response {
    let item = s.current().unwrap();
    let index = item.question.kind.options().unwrap().iter().position(|o| o.correct).unwrap();
    Response::Choice(index)
}

fn wrong(s: &Session) -> Response {
    let Response::Choice(i) = right(s) else { unreachable!() };
    Response::Choice((i + 1) % 4)
}

#[test]
fn an_empty_quiz_cannot_start() {
    assert_eq!(Session::start(vec![], &mut SeededRng::new(1)), Err(SessionError::NoQuestions));
}

#[test]
fn the_same_seed_gives_the_same_layout() {
    let a = Session::start(questions(10), &mut SeededRng::new(99)).unwrap();
    let b = Session::start(questions(10), &mut SeededRng::new(99)).unwrap();
    assert_eq!(a, b);
    let c = Session::start(questions(10), &mut SeededRng::new(100)).unwrap();
    let orders = |s: &Session| s.items().iter().map(|i| i.order.clone()).collect::<Vec<_>>();
    assert_ne!(orders(&a), orders(&c), "another seed lays options out differently");
}

#[test]
fn questions_are_asked_in_the_order_given() {
    let s = Session::start(questions(5), &mut SeededRng::new(5)).unwrap();
    let ids: Vec<&str> = s.items().iter().map(|i| i.question.id.as_str()).collect();
    assert_eq!(ids, ["q0", "q1", "q2", "q3", "q4"]);
}

#[test]
fn a_full_run_scores_what_was_answered() {
    let mut s = Session::start(questions(4), &mut SeededRng::new(7)).unwrap();
    for turn in 0..4 {
        assert_eq!((s.stage(), s.position()), (Stage::Asking, turn));
        let response = if turn < 2 { right(&s) } else { wrong(&s) };
        let feedback = s.answer(response).unwrap();
        assert_eq!(feedback.correct, turn < 2);
        assert_eq!(s.stage(), Stage::Answered);
        assert_eq!(s.feedback(), Some(feedback));
        s.next().unwrap();
    }
    assert_eq!(s.stage(), Stage::Finished);
    assert!(s.current().is_none());
    assert_eq!((s.score().correct, s.score().total), (2, 4));
}

#[test]
fn feedback_gives_the_right_answer_and_the_chosen_options_note() {
    let mut s = Session::start(questions(1), &mut SeededRng::new(3)).unwrap();
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
    let mut s = Session::start(questions(2), &mut SeededRng::new(4)).unwrap();
    assert_eq!(s.next(), Err(SessionError::WrongStage), "next before answering");
    assert_eq!(s.answer(Response::Choice(4)), Err(SessionError::NotAnAnswer));
    assert_eq!(s.answer(Response::Number(4)), Err(SessionError::NotAnAnswer));
    assert_eq!(s.answer(Response::Choices(vec![0])), Err(SessionError::NotAnAnswer));
    assert_eq!(s.stage(), Stage::Asking);
    s.answer(Response::Choice(0)).unwrap();
    assert_eq!(s.answer(Response::Choice(1)), Err(SessionError::WrongStage), "answering twice");
    s.next().unwrap();
    s.answer(Response::Choice(0)).unwrap();
    s.next().unwrap();
    assert_eq!(s.answer(Response::Choice(0)), Err(SessionError::WrongStage), "answering after the end");
    assert_eq!(s.next(), Err(SessionError::WrongStage), "next after the end");
}

#[test]
fn an_order_question_never_starts_in_the_right_order() {
    let q = Question { kind: Kind::Order { items: vec!["a".into(), "b".into(), "c".into()] }, ..question("order", 0) };
    for seed in 0..200 {
        let s = Session::start(vec![q.clone()], &mut SeededRng::new(seed)).unwrap();
        assert_ne!(s.items()[0].order, vec![0, 1, 2], "seed {seed}");
    }
}
