//! The quiz session as a state machine, driven natively.

use safeguarding_check::quiz::bank::{AnswerOption, Question};
use safeguarding_check::quiz::rng::SeededRng;
use safeguarding_check::quiz::session::{Session, SessionError, Stage};

fn question(id: &str, correct_index: usize) -> Question {
    Question {
        id: id.to_string().into(),
        prompt: format!("Prompt {id}").into(),
        options: (0..4)
            .map(|i| AnswerOption {
                text: format!("{id} option {i}").into(),
                correct: i == correct_index,
                feedback: Some(format!("feedback {i}").into()),
            })
            .collect::<Vec<_>>()
            .into(),
        explanation: format!("Explanation {id}").into(),
        source: "Principle 1: Keep clear and detailed records".into(),
        principle: Some(1),
    }
}

fn questions(n: usize) -> Vec<Question> {
    (0..n).map(|i| question(&format!("q{i}"), i % 4)).collect()
}

/// The shown position of the correct option for the current question.
fn correct_position(session: &Session) -> usize {
    let item = session.current().unwrap();
    let correct = item.question.correct_option().unwrap();
    item.order.iter().position(|&i| i == correct).unwrap()
}

#[test]
fn an_empty_quiz_cannot_start() {
    assert_eq!(Session::start(vec![], &mut SeededRng::new(1)), Err(SessionError::NoQuestions));
}

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let a = Session::start(questions(10), &mut SeededRng::new(99)).unwrap();
    let b = Session::start(questions(10), &mut SeededRng::new(99)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn different_seeds_shuffle_questions_and_options_differently() {
    let a = Session::start(questions(10), &mut SeededRng::new(1)).unwrap();
    let b = Session::start(questions(10), &mut SeededRng::new(2)).unwrap();
    let ids = |s: &Session| s.items().iter().map(|i| i.question.id.to_string()).collect::<Vec<_>>();
    let orders = |s: &Session| s.items().iter().map(|i| i.order.clone()).collect::<Vec<_>>();
    assert_ne!(ids(&a), ids(&b));
    assert_ne!(orders(&a), orders(&b));
}

#[test]
fn options_are_a_permutation_of_the_question_options() {
    let s = Session::start(questions(10), &mut SeededRng::new(5)).unwrap();
    for item in s.items() {
        let mut order = item.order.clone();
        order.sort();
        assert_eq!(order, vec![0, 1, 2, 3]);
    }
}

#[test]
fn a_full_run_scores_what_was_answered() {
    let mut s = Session::start(questions(4), &mut SeededRng::new(7)).unwrap();
    let mut expected = 0;
    for turn in 0..4 {
        assert_eq!(s.stage(), Stage::Asking);
        assert_eq!(s.position(), turn);
        let right = correct_position(&s);
        // Answer the first two right and the rest wrong.
        let pick = if turn < 2 { right } else { (right + 1) % 4 };
        let feedback = s.answer(pick).unwrap();
        assert_eq!(feedback.correct, turn < 2);
        expected += u32::from(turn < 2);
        assert_eq!(s.stage(), Stage::Answered);
        assert_eq!(s.feedback(), Some(feedback));
        s.next().unwrap();
    }
    assert_eq!(s.stage(), Stage::Finished);
    assert!(s.current().is_none());
    assert_eq!(s.score().correct, expected);
    assert_eq!(s.score().total, 4);
}

#[test]
fn feedback_names_the_right_answer_and_the_chosen_options_note() {
    let mut s = Session::start(questions(1), &mut SeededRng::new(3)).unwrap();
    let right = correct_position(&s);
    let wrong = (right + 1) % 4;
    let wrong_original = s.current().unwrap().order[wrong];
    let feedback = s.answer(wrong).unwrap();
    assert!(!feedback.correct);
    assert_eq!(feedback.correct_answer, "q0 option 0");
    assert_eq!(feedback.option_feedback.as_deref(), Some(format!("feedback {wrong_original}").as_str()));
    assert_eq!(feedback.explanation, "Explanation q0");
    assert_eq!(feedback.source, "Principle 1: Keep clear and detailed records");
}

#[test]
fn calls_out_of_turn_are_refused_without_changing_state() {
    let mut s = Session::start(questions(2), &mut SeededRng::new(4)).unwrap();
    assert_eq!(s.next(), Err(SessionError::WrongStage), "next before answering");
    assert_eq!(s.answer(4), Err(SessionError::NoSuchOption));
    assert_eq!(s.stage(), Stage::Asking);
    s.answer(0).unwrap();
    assert_eq!(s.answer(1), Err(SessionError::WrongStage), "answering twice");
    s.next().unwrap();
    s.answer(0).unwrap();
    s.next().unwrap();
    assert_eq!(s.answer(0), Err(SessionError::WrongStage), "answering after the end");
    assert_eq!(s.next(), Err(SessionError::WrongStage), "next after the end");
}
