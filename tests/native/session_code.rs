//! The short session code (#32 item 4): every spec a trainer's form can make
//! comes back from its code as the same quiz (the same id, the same questions
//! in the same order), typed in any of the ways people type; a typing
//! mistake, a code for another course and a code cut short are refused with
//! a plain message, never opened as another quiz; and no text panics.

use proptest::prelude::*;
use quiz::learner::draw::session_questions;
use quiz::links::link::{QuizResult, QuizSpec};
use quiz::room::session_code::{from_session_code, session_code, CodeError, SEED_LIMIT};
use quiz::saved::store::Store;

use crate::support::shipped_bank;

fn topic_ids() -> Vec<String> {
    shipped_bank().topics.iter().map(|t| t.id.clone()).collect()
}

/// A spec as the trainer's form makes it: topics in the bank's order (none: every topic).
fn spec() -> impl Strategy<Value = QuizSpec> {
    let topics = topic_ids().len();
    (
        prop::collection::vec(any::<bool>(), topics),
        1u32..=50,
        0..SEED_LIMIT,
        any::<bool>(),
        50u32..=100,
        prop::option::of(1u32..=36),
        prop::option::of("[a-zA-Z ]{1,20}"),
    )
        .prop_map(|(chosen, count, seed, assessment, pass_mark, refresh_months, title)| QuizSpec {
            topics: topic_ids().into_iter().zip(chosen).filter(|(_, on)| *on).map(|(id, _)| id).collect(),
            count,
            seed,
            assessment,
            pass_mark,
            title,
            refresh_months,
        })
}

proptest! {
    #[test]
    fn every_spec_the_form_makes_comes_back_from_its_code(spec in spec()) {
        let bank = shipped_bank();
        let ids = bank.topic_ids();
        let code = session_code(&spec, &ids).expect("a code for every spec the form makes");
        prop_assert!(code.len() == 14 && code.chars().filter(|c| *c == '-').count() == 2, "{}", code);
        let back = from_session_code(&code, &ids).unwrap();
        prop_assert_eq!(back.id(), spec.id());
        prop_assert_eq!(&back, &QuizSpec { title: None, ..spec.clone() });
        // Typed in lower case, with spaces for dashes, O for 0 and l for 1.
        let typed: String = code.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        prop_assert_eq!(from_session_code(&typed, &ids).unwrap().id(), spec.id());
    }

    #[test]
    fn one_character_mistyped_is_refused_or_at_worst_rare(spec in spec(), at in 0usize..12, by in 1u8..32) {
        let bank = shipped_bank();
        let ids = bank.topic_ids();
        let code: Vec<char> = session_code(&spec, &ids).unwrap().replace('-', "").chars().collect();
        let alphabet: Vec<char> = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().collect();
        let mut typo = code.clone();
        typo[at] = alphabet[(alphabet.iter().position(|c| *c == code[at]).unwrap() + by as usize) % 32];
        let typo: String = typo.into_iter().collect();
        // A mistyped code either is refused or (1 time in thousands) reads as
        // some other valid quiz; it never panics, and never reads as this one.
        if let Ok(other) = from_session_code(&typo, &ids) {
            prop_assert_ne!(other.id(), spec.id());
        }
    }

    #[test]
    fn no_text_panics(text in "\\PC{0,40}") {
        let bank = shipped_bank();
        let ids = bank.topic_ids();
        let _ = from_session_code(&text, &ids);
    }
}

#[test]
fn the_code_gives_the_same_questions_in_the_same_order() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let spec = QuizSpec {
        topics: vec!["principle-1".into(), "principle-6".into()],
        count: 10,
        seed: 40_001,
        assessment: true,
        pass_mark: 80,
        title: Some("Tuesday group".into()),
        refresh_months: Some(12),
    };
    let code = session_code(&spec, &ids).unwrap();
    let joined = from_session_code(&code, &ids).unwrap();
    let prompts = |s: &QuizSpec| session_questions(&bank, s).into_iter().map(|q| (q.id, q.kind)).collect::<Vec<_>>();
    assert_eq!(prompts(&joined), prompts(&spec));
    assert!(!prompts(&spec).is_empty());
}

#[test]
fn mistakes_are_refused_with_a_plain_message() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let spec = QuizSpec { topics: Vec::new(), count: 10, seed: 7, assessment: false, pass_mark: 80, title: None, refresh_months: Some(12) };
    let code = session_code(&spec, &ids).unwrap();
    let plain = code.replace('-', "");
    assert_eq!(from_session_code("", &ids), Err(CodeError::Empty));
    assert_eq!(from_session_code(" - ", &ids), Err(CodeError::Empty));
    assert_eq!(from_session_code(&plain[..11], &ids), Err(CodeError::Length(11)));
    assert_eq!(from_session_code(&format!("{}7{}", &plain[..6], &plain[6..]), &ids), Err(CodeError::Length(13)));
    assert_eq!(from_session_code(&format!("{}U", &plain[..11]), &ids), Err(CodeError::Character('U')));
    assert_eq!(from_session_code(&format!("{}Ж", &plain[..11]), &ids), Err(CodeError::Character('Ж')));
    assert_eq!(from_session_code(&format!("{}?", &plain[..11]), &ids), Err(CodeError::Length(11)), "a mark is passed over, not counted");
    // Two characters swapped (the commonest slip) where they differ.
    let swapped: Vec<char> = plain.chars().collect();
    let at = (0..11).find(|&i| swapped[i] != swapped[i + 1]).unwrap();
    let mut swap = swapped.clone();
    swap.swap(at, at + 1);
    assert!(from_session_code(&swap.into_iter().collect::<String>(), &ids).is_err_and(|e| e == CodeError::Mismatch));
    // Every single character mistyped, each way: at most one in hundreds reads as any quiz.
    let alphabet: Vec<char> = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().collect();
    let mut read = 0;
    for at in 0..12 {
        for &c in alphabet.iter().filter(|&&c| c != swapped[at]) {
            let mut typo = swapped.clone();
            typo[at] = c;
            read += usize::from(from_session_code(&typo.into_iter().collect::<String>(), &ids).is_ok());
        }
    }
    assert!(read <= 2, "{read} of 372 typos read as a quiz");
    for error in [
        CodeError::Empty,
        CodeError::Length(11),
        CodeError::Length(30),
        CodeError::Character('U'),
        CodeError::Character('Ж'),
        CodeError::Mismatch,
        CodeError::Several,
    ] {
        assert!(error.message().ends_with('.'), "{error:?}");
    }
}

#[test]
fn an_app_with_another_course_refuses_the_code() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let spec =
        QuizSpec { topics: vec![ids[2].into()], count: 5, seed: 9, assessment: true, pass_mark: 75, title: None, refresh_months: None };
    let code = session_code(&spec, &ids).unwrap();
    let mut other = ids.clone();
    other.swap(1, 2);
    assert_eq!(from_session_code(&code, &other), Err(CodeError::Mismatch));
    other.push("a-new-topic");
    assert_eq!(from_session_code(&code, &other), Err(CodeError::Mismatch));
}

#[test]
fn a_spec_a_code_cannot_carry_has_none() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let base = QuizSpec { topics: Vec::new(), count: 10, seed: 7, assessment: false, pass_mark: 80, title: None, refresh_months: Some(12) };
    // A seed from before codes.
    assert_eq!(session_code(&QuizSpec { seed: SEED_LIMIT, ..base.clone() }, &ids), None);
    // Topics out of the bank's order would come back in another order: another id.
    let backwards = QuizSpec { topics: vec![ids[3].into(), ids[1].into()], ..base.clone() };
    assert_eq!(session_code(&backwards, &ids), None);
    assert_eq!(session_code(&QuizSpec { topics: vec!["not-a-topic".into()], ..base.clone() }, &ids), None);
    assert!(session_code(&base, &ids).is_some());
}

#[test]
fn a_result_from_a_learner_who_typed_the_code_joins_the_session_under_its_title() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let spec = QuizSpec {
        topics: Vec::new(),
        count: 10,
        seed: 321,
        assessment: true,
        pass_mark: 80,
        title: Some("Church hall".into()),
        refresh_months: Some(12),
    };
    let mut store = Store::default();
    store.add_session(spec.clone(), 1_000);
    let joined = from_session_code(&session_code(&spec, &ids).unwrap(), &ids).unwrap();
    assert_eq!(joined.title, None);
    let result = |token: &str, spec: &QuizSpec| QuizResult {
        spec: spec.clone(),
        correct: 7,
        missed: vec![1, 4, 8],
        token: token.into(),
        name: None,
    };
    store.add_result(result("aaaa0001", &joined), 2_000);
    store.add_result(result("aaaa0002", &spec), 3_000);
    let tally = store.tally();
    assert_eq!(tally.quizzes(), vec![(spec.id(), spec.clone(), 2)], "one debrief, under the session's title");
    assert_eq!(tally.summary(&spec.id(), 10).unwrap().spec.title.as_deref(), Some("Church hall"));
}

#[test]
fn a_code_pasted_with_what_came_around_it_is_found() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let spec = QuizSpec {
        topics: vec![ids[4].into()],
        count: 10,
        seed: 4_242,
        assessment: false,
        pass_mark: 80,
        title: None,
        refresh_months: Some(12),
    };
    let code = session_code(&spec, &ids).unwrap();
    let full_width: String =
        code.chars().map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect();
    for pasted in [
        format!("Session code: {code}"),
        format!("\u{201c}{code}\u{201d}"),
        format!("\"{code}\"."),
        format!("The session code for today is {code} thanks!"),
        format!("{}\n", code.replace('-', ".")),
        code.replace('-', "_"),
        code.replace('-', "/"),
        full_width,
    ] {
        assert_eq!(from_session_code(&pasted, &ids).map(|s| s.id()), Ok(spec.id()), "{pasted}");
    }
    // Two different codes pasted together: not for the app to choose.
    let other = session_code(&QuizSpec { seed: 4_243, ..spec.clone() }, &ids).unwrap();
    assert_eq!(from_session_code(&format!("{code} {other}"), &ids), Err(CodeError::Several));
    assert_eq!(from_session_code(&format!("{code}, {code}"), &ids).map(|s| s.id()), Ok(spec.id()));
    assert_eq!(from_session_code(&format!("{code} {code}"), &ids).map(|s| s.id()), Ok(spec.id()), "the same code twice is one code");
}

#[test]
fn on_a_device_without_the_session_its_debrief_takes_its_title_from_any_result() {
    let bank = shipped_bank();
    let ids = bank.topic_ids();
    let spec = QuizSpec {
        topics: Vec::new(),
        count: 10,
        seed: 77,
        assessment: false,
        pass_mark: 80,
        title: Some("Mixed group".into()),
        refresh_months: Some(12),
    };
    let joined = from_session_code(&session_code(&spec, &ids).unwrap(), &ids).unwrap();
    let result =
        |token: &str, spec: &QuizSpec| QuizResult { spec: spec.clone(), correct: 9, missed: vec![3], token: token.into(), name: None };
    // Scanned on a phone that never held the session: the linked learner first, then two who typed the code.
    let mut store = Store::default();
    for (at, r) in [result("bbbb0001", &spec), result("bbbb0002", &joined), result("bbbb0003", &joined)].into_iter().enumerate() {
        store.add_result(r, 1_000 + at as u64);
    }
    let tally = store.tally();
    assert_eq!(tally.quizzes(), vec![(spec.id(), spec.clone(), 3)], "the list names it as its heading does");
    assert_eq!(tally.summary(&spec.id(), 10).unwrap().spec.title.as_deref(), Some("Mixed group"));
}
