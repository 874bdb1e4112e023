//! A quiz in progress survives being stored and read back, and stored text
//! that does not fit the bank is refused rather than trusted.

use safeguarding_check::quiz::bank::Bank;
use safeguarding_check::quiz::resume::{ResumeError, SavedQuiz};
use safeguarding_check::quiz::rng::SeededRng;
use safeguarding_check::quiz::session::{Session, Stage};

fn bank() -> Bank {
    Bank::builtin()
}

fn started(bank: &Bank) -> Session {
    let questions = bank.topic("principles").unwrap().questions.to_vec();
    Session::start(questions, &mut SeededRng::new(11)).unwrap()
}

fn round_trip(session: &Session, bank: &Bank) -> Session {
    let text = SavedQuiz::from_session(session).unwrap().encode();
    SavedQuiz::decode(&text).unwrap().restore(bank).unwrap()
}

#[test]
fn a_fresh_quiz_round_trips() {
    let bank = bank();
    let session = started(&bank);
    assert_eq!(round_trip(&session, &bank), session);
}

#[test]
fn a_quiz_mid_way_round_trips_at_both_stages() {
    let bank = bank();
    let mut session = started(&bank);
    for _ in 0..3 {
        session.answer(1).unwrap();
        session.next().unwrap();
    }
    let asking = round_trip(&session, &bank);
    assert_eq!(asking, session);
    assert_eq!(asking.stage(), Stage::Asking);
    assert_eq!(asking.position(), 3);

    session.answer(2).unwrap();
    let answered = round_trip(&session, &bank);
    assert_eq!(answered, session);
    assert_eq!(answered.feedback(), session.feedback(), "feedback shows again after a reload");
}

#[test]
fn a_finished_quiz_is_not_saved() {
    let bank = bank();
    let mut session = started(&bank);
    while session.stage() != Stage::Finished {
        session.answer(0).unwrap();
        session.next().unwrap();
    }
    assert_eq!(SavedQuiz::from_session(&session), None);
}

#[test]
fn junk_and_other_versions_are_unreadable() {
    for text in ["", "{", "null", "[]", "42", r#"{"version":2,"items":[],"position":0,"answered":false}"#] {
        assert_eq!(SavedQuiz::decode(text), Err(ResumeError::Unreadable), "{text}");
    }
}

fn tampered(change: impl FnOnce(&mut SavedQuiz)) -> Result<Session, ResumeError> {
    let bank = bank();
    let mut session = started(&bank);
    session.answer(0).unwrap();
    session.next().unwrap();
    let mut saved = SavedQuiz::from_session(&session).unwrap();
    change(&mut saved);
    saved.restore(&bank)
}

#[test]
fn stored_quizzes_that_do_not_fit_the_bank_are_refused() {
    let refused = Err(ResumeError::NoLongerMatches);
    assert_eq!(tampered(|s| s.items[0].id = "no-such-question".into()), refused);
    assert_eq!(tampered(|s| s.items[1].order = vec![0, 0, 1, 2]), refused);
    assert_eq!(tampered(|s| s.items[1].order = vec![0, 1, 2]), refused);
    assert_eq!(tampered(|s| s.items[0].chosen = Some(99)), refused);
    assert_eq!(tampered(|s| s.position = 10), refused);
    assert_eq!(tampered(|s| s.items.clear()), refused);
    assert_eq!(tampered(|s| s.items[5].chosen = Some(0)), refused, "an answer from the future");
    assert_eq!(tampered(|s| s.items[0].chosen = None), refused, "a gap in the past");
    assert_eq!(tampered(|s| s.answered = true), refused, "answered flag without an answer");
    assert!(tampered(|_| {}).is_ok(), "the untouched quiz restores");
}
