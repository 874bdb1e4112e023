//! Answers are kept as what was chosen (#31): an update to the bank that
//! moves, rewords or adds to a question's options, items or pairs never
//! changes an answer already given, in a finished attempt or a quiz in
//! progress; one that removes what an answer chose is reported, never
//! marked again in silence; and answers stored by position before version 6
//! still read as what was chosen.

use proptest::prelude::*;

use crate::support::shipped_bank;
use quiz::answering::marking::Response;
use quiz::content::bank::{AnswerOption, Bank, Kind};
use quiz::links::link::QuizSpec;
use quiz::rng::SeededRng;
use quiz::run::attempt::{Attempt, QuizKind, Stage};
use quiz::run::finished::FinishedAttempt;
use quiz::run::resume::SavedQuiz;
use quiz::run::stored_answer::{self, Changed, PartRef};
use quiz::saved::store::Store;

/// A well-formed answer to `kind`, picked with `rng`.
fn any_answer(kind: &Kind, rng: &mut SeededRng) -> Response {
    let n = kind.part_ids().len();
    let response = match kind {
        Kind::TrueFalse { .. } => Response::Choice(rng.below(2)),
        Kind::Numeric { answer, .. } => Response::Number(answer + rng.below(3) as i64 - 1),
        Kind::Order { .. } => {
            let mut order: Vec<usize> = (0..n).collect();
            rng.shuffle(&mut order);
            Response::Order(order)
        }
        Kind::Match { .. } => Response::Matches((0..n).map(|_| rng.below(n)).collect()),
        _ if kind.allows_several() => {
            let mut chosen: Vec<usize> = (0..n).filter(|_| rng.below(2) == 1).collect();
            if chosen.is_empty() {
                chosen.push(rng.below(n));
            }
            Response::Choices(chosen)
        }
        _ => Response::Choice(rng.below(n)),
    };
    assert!(kind.accepts(&response), "{response:?} for {}", kind.name());
    response
}

/// The bank's next version as an editor might make it: every question's
/// parts in another order and reworded, and a new wrong option on each
/// choice question that takes one answer or several.
fn next_version(bank: &Bank, rng: &mut SeededRng) -> Bank {
    let mut next = bank.clone();
    for question in next.topics.iter_mut().flat_map(|t| t.questions.iter_mut()) {
        match &mut question.kind {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
                rng.shuffle(options);
                for option in options.iter_mut() {
                    option.text.push_str(" (reworded)");
                }
                options.push(AnswerOption { id: "added".into(), text: "A new wrong option".into(), correct: false, feedback: None });
            }
            Kind::Order { .. } => {
                // The right order is the order written, so an order question's
                // items cannot move without changing the answer: reworded only.
                if let Kind::Order { items } = &mut question.kind {
                    items.iter_mut().for_each(|i| i.text.push_str(" (reworded)"));
                }
            }
            Kind::Match { pairs } => {
                rng.shuffle(pairs);
                pairs.iter_mut().for_each(|p| p.left.push_str(" (reworded)"));
            }
            Kind::TrueFalse { .. } | Kind::Numeric { .. } => {}
        }
    }
    assert!(next.problems().is_empty(), "{:?}", next.problems());
    next
}

/// A finished attempt at every question of `bank`, each answered at random.
fn finished_attempt(bank: &Bank, kind: QuizKind, rng: &mut SeededRng) -> (Attempt, FinishedAttempt) {
    let questions = bank.questions().cloned().collect();
    let mut session = Attempt::start_kind(kind, questions, rng).unwrap();
    while session.stage() != Stage::Finished {
        let response = any_answer(&session.current().unwrap().question.kind, rng);
        if session.defers_feedback() {
            session.save(response).unwrap();
            if session.stage() == Stage::CheckingAnswers {
                session.submit().unwrap();
            }
        } else {
            session.answer(response).unwrap();
            session.next().unwrap();
        }
    }
    let attempt = FinishedAttempt::from_attempt(&session, "Every question", 1, 2, 0, "0123abcd").unwrap();
    (session, attempt)
}

/// Each answer as the ids it chose, against the bank the session was read from.
fn chosen(session: &Attempt) -> Vec<(String, String)> {
    session
        .items()
        .iter()
        .map(|item| {
            let stored = stored_answer::store_response(&item.question.kind, item.response.as_ref().unwrap());
            (item.question.id.clone(), serde_json::to_string(&stored).unwrap())
        })
        .collect()
}

fn marks(session: &Attempt) -> Vec<bool> {
    session.marking().unwrap().results().into_iter().map(|(_, right)| right).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// The property the issue asks for: whatever order a new bank version puts
    /// the options in, every stored answer is marked as it was.
    #[test]
    fn any_permutation_of_parts_leaves_every_stored_answer_marked_the_same(answers: u64, edits: u64) {
        let bank = shipped_bank();
        let (session, attempt) = finished_attempt(&bank, QuizKind::Quick, &mut SeededRng::new(answers));
        // Through the stored text, as a reload reads it.
        let json = serde_json::to_string(&attempt).unwrap();
        let attempt: FinishedAttempt = serde_json::from_str(&json).unwrap();
        let next = next_version(&bank, &mut SeededRng::new(edits));

        let review = attempt.review(&next).unwrap();
        prop_assert!(review.changed.is_empty(), "{:?}", review.changed);
        let again = review.attempt.unwrap();
        prop_assert_eq!(marks(&again), marks(&session));
        prop_assert_eq!(chosen(&again), chosen(&session), "each answer is still the parts chosen");
        prop_assert_eq!(review.numbers, (1..=session.len()).collect::<Vec<_>>());
    }

    /// A quiz in progress, with its draft, reads back the same in a new version.
    #[test]
    fn a_quiz_in_progress_keeps_its_answers_layouts_and_draft_across_an_update(seed: u64, answered in 0usize..20) {
        let bank = shipped_bank();
        let mut rng = SeededRng::new(seed);
        let questions: Vec<_> = bank.questions().cloned().collect();
        let mut session = Attempt::start(questions[..21].to_vec(), &mut rng).unwrap();
        for _ in 0..answered {
            let response = any_answer(&session.current().unwrap().question.kind, &mut rng);
            session.answer(response).unwrap();
            session.next().unwrap();
        }
        let current = session.current().unwrap().clone();
        let draft = match any_answer(&current.question.kind, &mut rng) {
            Response::Choice(i) => quiz::answering::draft::Draft::Choice(Some(i)),
            Response::Choices(v) => quiz::answering::draft::Draft::Choices(v),
            Response::Order(v) => quiz::answering::draft::Draft::Order(v),
            Response::Matches(v) => quiz::answering::draft::Draft::Matches(v.into_iter().map(Some).collect()),
            Response::Number(n) => quiz::answering::draft::Draft::Number(n.to_string()),
        };
        let saved = SavedQuiz::from_attempt(&session, "Quick check", 1).unwrap().with_draft(&bank, &draft);
        let saved: SavedQuiz = serde_json::from_str(&serde_json::to_string(&saved).unwrap()).unwrap();
        let next = next_version(&bank, &mut rng);

        let again = saved.restore(&next).unwrap();
        let ids = |s: &Attempt, bank_kind: &dyn Fn(&str) -> Kind| -> Vec<(Vec<PartRef>, Option<String>)> {
            s.items().iter().map(|i| {
                let kind = bank_kind(&i.question.id);
                (stored_answer::store_layout(&kind, &i.layout),
                 i.response.as_ref().map(|r| serde_json::to_string(&stored_answer::store_response(&kind, r)).unwrap()))
            }).collect()
        };
        let before = ids(&session, &|id| bank.question(id).unwrap().kind.clone());
        let after = ids(&again, &|id| next.question(id).unwrap().kind.clone());
        // Parts added since are shown after those the person saw.
        let without_added = |v: Vec<(Vec<PartRef>, Option<String>)>| -> Vec<(Vec<PartRef>, Option<String>)> {
            v.into_iter().map(|(l, r)| (l.into_iter().filter(|p| *p != PartRef::Id("added".into())).collect(), r)).collect()
        };
        prop_assert_eq!(without_added(after), before);
        let draft_now = saved.current_draft(&next).unwrap();
        let kind_before = &bank.question(&current.question.id).unwrap().kind;
        let kind_now = &next.question(&current.question.id).unwrap().kind;
        prop_assert_eq!(
            stored_answer::store_draft(kind_now, &draft_now),
            stored_answer::store_draft(kind_before, &draft),
            "what was picked is still picked"
        );
    }
}

/// The issue's case: 10 of 10 right in a trainer's assessment, and then an
/// update re-orders every option. Still 10 of 10, still passed.
#[test]
fn an_assessment_all_right_stays_all_right_when_the_options_are_reordered() {
    let bank = shipped_bank();
    let spec = QuizSpec {
        topics: vec!["principle-3".into(), "national-picture".into()],
        count: 10,
        seed: 7,
        assessment: true,
        pass_mark: 80,
        title: Some("Tuesday".into()),
        refresh_months: None,
    };
    let mut rng = SeededRng::new(3);
    let questions = quiz::learner::draw::session_questions(&bank, &spec);
    let mut session = Attempt::start_kind(QuizKind::Trainer(spec), questions, &mut rng).unwrap();
    while session.stage() != Stage::Finished {
        let kind = session.current().unwrap().question.kind.clone();
        let right = (0..).map(|seed| any_answer(&kind, &mut SeededRng::new(seed))).find(|r| kind.mark(r).0).unwrap();
        session.save(right).unwrap();
        if session.stage() == Stage::CheckingAnswers {
            session.submit().unwrap();
        }
    }
    let attempt = FinishedAttempt::from_attempt(&session, "Tuesday", 1, 2, 0, "0123abcd").unwrap();
    assert_eq!((attempt.score.correct, attempt.passed()), (10, Some(true)));
    let next = next_version(&bank, &mut SeededRng::new(11));
    let review = attempt.review(&next).unwrap();
    assert!(review.changed.is_empty());
    assert_eq!(marks(&review.attempt.unwrap()), vec![true; 10], "10 of 10 right, as given");
    assert_eq!(attempt.result(&next).unwrap().missed, Vec::<u32>::new());
}

/// An update that removes an answered question, or the option an answer
/// chose, is said on the results; the score stays as it was marked.
#[test]
fn a_removed_question_or_option_is_reported_and_the_score_kept() {
    let bank = shipped_bank();
    let (_, attempt) = finished_attempt(&bank, QuizKind::Quick, &mut SeededRng::new(5));
    let mut next = bank.clone();
    let first = attempt.items[0].id.clone();
    next.topics.iter_mut().for_each(|t| t.questions.retain(|q| q.id != first));
    // The option the second answer chose (a choice question) is taken out.
    let (number, question) = attempt
        .items
        .iter()
        .enumerate()
        .find_map(|(i, item)| {
            let q = bank.question(&item.id)?;
            matches!(q.kind, Kind::SingleChoice { .. }).then(|| (i + 1, item.clone()))
        })
        .unwrap();
    let Some(stored_answer::StoredResponse::Choice(PartRef::Id(chosen))) = question.response.clone() else { panic!("a choice by id") };
    for q in next.topics.iter_mut().flat_map(|t| t.questions.iter_mut()).filter(|q| q.id == question.id) {
        if let Kind::SingleChoice { options } = &mut q.kind {
            options.retain(|o| o.id != chosen);
            if !options.iter().any(|o| o.correct) {
                options[0].correct = true;
            }
        }
    }
    let review = attempt.review(&next).unwrap();
    assert_eq!(review.changed, vec![(1, Changed::QuestionRemoved), (number, Changed::AnswerNoLongerFits)]);
    assert!(!review.numbers.contains(&1) && !review.numbers.contains(&number));
    assert_eq!(Changed::QuestionRemoved.sentence(1), "Question 1 has since been removed from the course.");
    // The score is the one given; the attempt itself is untouched.
    assert_eq!(attempt.score.total as usize, bank.questions().count());
}

/// An answer whose right answer the course has changed since is reported,
/// not marked again.
#[test]
fn a_question_now_marked_differently_is_reported() {
    let bank = shipped_bank();
    let (session, attempt) = finished_attempt(&bank, QuizKind::Quick, &mut SeededRng::new(8));
    let flipped = session.items().iter().position(|i| matches!(i.question.kind, Kind::TrueFalse { .. })).unwrap();
    let id = session.items()[flipped].question.id.clone();
    let mut next = bank.clone();
    for q in next.topics.iter_mut().flat_map(|t| t.questions.iter_mut()).filter(|q| q.id == id) {
        if let Kind::TrueFalse { answer } = &mut q.kind {
            *answer = !*answer;
        }
    }
    let review = attempt.review(&next).unwrap();
    assert_eq!(review.changed, vec![(flipped + 1, Changed::MarkingChanged)]);
    assert!(!review.numbers.contains(&(flipped + 1)), "not shown marked again");
}

/// What version 5 stored (positions) is read as what was chosen: the
/// content's ids were given as a, b, c… in the order written then.
#[test]
fn answers_stored_by_position_before_version_6_read_as_what_was_chosen() {
    let bank = shipped_bank();
    let (session, attempt) = finished_attempt(&bank, QuizKind::Quick, &mut SeededRng::new(13));
    let mut store = Store::default();
    store.finish_quiz("a", attempt, 2, 20_000);
    // Written as version 5 wrote it: layouts and answers as positions, no marks.
    let mut v5: serde_json::Value = serde_json::from_str(&store.encode()).unwrap();
    v5["schema_version"] = 5.into();
    let items = v5["attempts"][0]["value"]["items"].as_array_mut().unwrap();
    for (item, live) in items.iter_mut().zip(session.items()) {
        item["order"] = serde_json::to_value(&live.layout).unwrap();
        item["response"] = serde_json::to_value(live.response.as_ref().unwrap()).unwrap();
        item.as_object_mut().unwrap().remove("right");
    }
    assert!(v5.to_string().contains(r#""response":{"choice":"#) && !v5.to_string().contains(r#""choice":"a""#));
    let read = Store::decode(&v5.to_string()).unwrap();
    let attempt = read.attempts.get("a").unwrap();
    let next = next_version(&bank, &mut SeededRng::new(4));
    let review = attempt.review(&next).unwrap();
    assert!(review.changed.is_empty());
    let again = review.attempt.unwrap();
    assert_eq!(marks(&again), marks(&session));
    assert_eq!(chosen(&again), chosen(&session));
}
