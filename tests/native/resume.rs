//! A quiz in progress survives being stored and read back, and stored text
//! that does not fit the bank is refused rather than trusted.

use crate::support;

use quiz::answering::marking::Response;
use quiz::content::bank::{Bank, Kind};
use quiz::learner::draw::draw;
use quiz::rng::SeededRng;
use quiz::run::attempt::{is_valid_layout, Attempt, QuizKind, Stage};
use quiz::run::resume::{ResumeError, SavedQuiz};
use quiz::run::stored_answer::{PartRef, StoredResponse};

/// A quiz with one question of every type, in a fixed order.
fn started(bank: &Bank) -> Attempt {
    let mut questions = Vec::new();
    for kind in ["single", "multi", "true_false", "order", "match", "numeric", "scenario"] {
        questions.push(bank.questions().find(|q| q.kind.name() == kind).unwrap().clone());
    }
    Attempt::start(questions, &mut SeededRng::new(11)).unwrap()
}

/// Some well-formed answer to the current question (right or wrong).
fn some_answer(attempt: &Attempt) -> Response {
    let item = attempt.current().unwrap();
    let kind = &item.question.kind;
    let response = match kind {
        Kind::Order { .. } => Response::Order(item.layout.clone()),
        Kind::Match { .. } => Response::Matches(item.layout.clone()),
        Kind::Numeric { .. } => Response::Number(12),
        Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::Scenario { .. } if kind.allows_several() => {
            Response::Choices(vec![0, 1])
        }
        Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::Scenario { .. } | Kind::TrueFalse { .. } => Response::Choice(1),
    };
    assert!(kind.accepts(&response), "{response:?} for {}", kind.name());
    response
}

fn round_trip(attempt: &Attempt, bank: &Bank) -> Attempt {
    let text = serde_json::to_string(&SavedQuiz::from_attempt(attempt, "Quick check", 1).unwrap()).unwrap();
    serde_json::from_str::<SavedQuiz>(&text).unwrap().restore(bank).unwrap()
}

#[test]
fn every_stage_of_a_quiz_of_every_type_round_trips() {
    let bank = support::shipped_bank();
    let mut attempt = started(&bank);
    while attempt.stage() != Stage::Finished {
        assert_eq!(round_trip(&attempt, &bank), attempt, "asking question {}", attempt.position());
        attempt.answer(some_answer(&attempt)).unwrap();
        let back = round_trip(&attempt, &bank);
        assert_eq!(back, attempt, "answered question {}", attempt.position());
        let feedback = |s: &Attempt| s.marking().and_then(|m| m.feedback());
        assert_eq!(feedback(&back), feedback(&attempt), "feedback shows again after a reload");
        attempt.next().unwrap();
    }
    assert_eq!(SavedQuiz::from_attempt(&attempt, "Quick check", 1), None, "a finished quiz is not saved");
}

#[test]
fn every_stage_of_an_assessment_round_trips_without_marking() {
    let bank = support::shipped_bank();
    let questions = started(&bank).items().iter().map(|i| i.question.clone()).collect();
    let mut attempt = Attempt::start_kind(QuizKind::Assessment, questions, &mut SeededRng::new(11)).unwrap();
    while attempt.stage() == Stage::Asking {
        assert_eq!(round_trip(&attempt, &bank), attempt, "asking question {}", attempt.position());
        let saved = SavedQuiz::from_attempt(&attempt, "Full assessment", 1).unwrap();
        assert_eq!(saved.whereabouts(), format!("question {} of 7", attempt.position() + 1));
        attempt.save(some_answer(&attempt)).unwrap();
    }
    assert_eq!(attempt.stage(), Stage::CheckingAnswers);
    assert_eq!(SavedQuiz::from_attempt(&attempt, "Full assessment", 1).unwrap().whereabouts(), "checking your answers");
    let back = round_trip(&attempt, &bank);
    assert_eq!(back, attempt, "checking answers survives a reload");
    assert!(back.marking().is_none(), "and still gives no marking");
    attempt.change(2).unwrap();
    assert_eq!(round_trip(&attempt, &bank), attempt, "changing an answer survives a reload");
}

#[test]
fn an_assessment_saved_by_version_3_moves_past_its_saved_step() {
    // Version 3 showed "Your answer is saved" after each answer (answered: true).
    let bank = support::shipped_bank();
    let questions: Vec<_> = started(&bank).items().iter().map(|i| i.question.clone()).collect();
    let mut attempt = Attempt::start_kind(QuizKind::Assessment, questions, &mut SeededRng::new(11)).unwrap();
    attempt.save(some_answer(&attempt)).unwrap();
    let mut saved = SavedQuiz::from_attempt(&attempt, "Full assessment", 1).unwrap();
    saved.position = 0;
    saved.answered = true;
    let back = saved.restore(&bank).unwrap();
    assert_eq!((back.stage(), back.position()), (Stage::Asking, 1));
    assert!(back.marking().is_none());
    // On the last question, it moves on to checking the answers.
    while attempt.stage() == Stage::Asking {
        attempt.save(some_answer(&attempt)).unwrap();
    }
    let mut saved = SavedQuiz::from_attempt(&attempt, "Full assessment", 1).unwrap();
    saved.position = saved.items.len() - 1;
    saved.answered = true;
    assert_eq!(saved.restore(&bank).unwrap().stage(), Stage::CheckingAnswers);
}

#[test]
fn a_quiz_saved_by_the_first_release_is_still_picked_up() {
    let bank = support::shipped_bank();
    let single = bank.questions().find(|q| q.kind.name() == "single").unwrap();
    let n = single.kind.options().unwrap().len();
    let order: Vec<String> = (0..n).rev().map(|i| i.to_string()).collect();
    let v1 = format!(
        r#"{{"version":1,"items":[{{"id":"{}","order":[{}],"chosen":2}}],"position":0,"answered":true}}"#,
        single.id,
        order.join(",")
    );
    let attempt = SavedQuiz::decode_legacy(&v1, "Your quiz", 1).unwrap().restore(&bank).unwrap();
    assert_eq!(attempt.items()[0].response, Some(Response::Choice(2)));
    assert_eq!(attempt.stage(), Stage::Answered);
}

#[test]
fn junk_and_unknown_versions_are_unreadable() {
    for text in [
        "",
        "{",
        "null",
        "[]",
        "42",
        r#"{"version":3,"items":[],"position":0,"answered":false}"#,
        r#"{"version":2,"items":[{"id":"x","order":[0],"response":{"shout":1}}],"position":0,"answered":true}"#,
    ] {
        assert_eq!(SavedQuiz::decode_legacy(text, "Your quiz", 1), Err(ResumeError::Unreadable), "{text}");
    }
}

fn tampered(change: impl FnOnce(&mut SavedQuiz)) -> Result<Attempt, ResumeError> {
    let bank = support::shipped_bank();
    let mut attempt = Attempt::start(draw(&bank, &["principle-3"], 5, &mut SeededRng::new(1)), &mut SeededRng::new(2)).unwrap();
    attempt.answer(some_answer(&attempt)).unwrap();
    attempt.next().unwrap();
    let mut saved = SavedQuiz::from_attempt(&attempt, "Quick check", 1).unwrap();
    change(&mut saved);
    saved.restore(&bank)
}

#[test]
fn stored_quizzes_that_do_not_fit_the_bank_are_refused() {
    let refused = Err(ResumeError::NoLongerMatches);
    assert_eq!(tampered(|s| s.items[0].id = "no-such-question".into()), refused);
    // A layout follows the parts by id: one it does not know is passed over, and one it lacks is shown last.
    for change in [|s: &mut SavedQuiz| s.items[1].order.push(PartRef::Id("zz".into())), |s: &mut SavedQuiz| s.items[1].order.truncate(1)] {
        let attempt = tampered(change).expect("a layout is repaired, not refused");
        assert!(is_valid_layout(&attempt.items()[1].question.kind, &attempt.items()[1].layout));
    }
    assert_eq!(tampered(|s| s.items[0].response = Some(StoredResponse::Choices(vec![]))), refused, "an answer of no shape");
    assert_eq!(
        tampered(|s| s.items[0].response = Some(StoredResponse::Choice(PartRef::Id("zz".into())))),
        refused,
        "an answer naming an option the question does not have"
    );
    assert_eq!(tampered(|s| s.position = 10), refused);
    assert_eq!(tampered(|s| s.items.clear()), refused);
    assert_eq!(tampered(|s| s.items[3].response = s.items[0].response.clone()), refused, "an answer from the future");
    assert_eq!(tampered(|s| s.items[0].response = None), refused, "a gap in the past");
    assert_eq!(tampered(|s| s.answered = true), refused, "answered flag without an answer");
    assert!(tampered(|_| {}).is_ok(), "the untouched quiz restores");
}

#[test]
fn stored_assessments_that_do_not_fit_are_refused() {
    let bank = support::shipped_bank();
    let assessment = || {
        let questions = draw(&bank, &["principle-3"], 3, &mut SeededRng::new(1));
        let mut attempt = Attempt::start_kind(QuizKind::Assessment, questions, &mut SeededRng::new(2)).unwrap();
        attempt.save(some_answer(&attempt)).unwrap();
        SavedQuiz::from_attempt(&attempt, "Full assessment", 1).unwrap()
    };
    let refused = Err(ResumeError::NoLongerMatches);
    let mut checking_with_a_gap = assessment();
    checking_with_a_gap.position = checking_with_a_gap.items.len();
    assert_eq!(checking_with_a_gap.restore(&bank), refused, "checking answers with one missing");
    let mut future = assessment();
    future.items[2].response = future.items[0].response.clone();
    assert_eq!(future.restore(&bank), refused, "an answer ahead of a gap");
    let mut past_the_end = assessment();
    past_the_end.position = 9;
    assert_eq!(past_the_end.restore(&bank), refused);
    assert!(assessment().restore(&bank).is_ok());
}
