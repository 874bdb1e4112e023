//! Component tests: the real app mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use safeguarding_check::platform::storage::STORE_KEY;
use safeguarding_check::quiz::content::bank::Bank;
use safeguarding_check::ui::{App, BankState, QuizApp};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A small bank of three single-choice questions, each on a fact of its own
/// (a quiz never holds two on one fact), as the build would bundle it.
const BUNDLE: &str = r#"{
  "sections": [{"id": "principle-1", "title": "Principle 1: Keep clear and detailed records"}],
  "facts": [
    {"id": "f1", "section": "principle-1", "text": "A fact."},
    {"id": "f2", "section": "principle-1", "text": "Another fact."},
    {"id": "f3", "section": "principle-1", "text": "A third fact."}
  ],
  "topics": [{"id": "principle-1", "title": "Principle 1", "questions": [
    {"id": "q1", "type": "single", "prompt": "First?", "facts": ["f1"], "principle": 1,
     "options": [{"id": "a", "text": "Right one", "correct": true, "feedback": "Yes."}, {"id": "b", "text": "Wrong one", "feedback": "No."}],
     "explanation": "Because one.", "source": "Principle 1: Keep clear and detailed records"},
    {"id": "q2", "type": "single", "prompt": "Second?", "facts": ["f2"], "principle": 1,
     "options": [{"id": "a", "text": "Right two", "correct": true, "feedback": "Yes."}, {"id": "b", "text": "Wrong two", "feedback": "No."}],
     "explanation": "Because two.", "source": "Principle 1: Keep clear and detailed records"},
    {"id": "q3", "type": "single", "prompt": "Third?", "facts": ["f3"], "principle": 1,
     "options": [{"id": "a", "text": "Right three", "correct": true, "feedback": "Yes."}, {"id": "b", "text": "Wrong three", "feedback": "No."}],
     "explanation": "Because three.", "source": "Principle 1: Keep clear and detailed records"}
  ]}],
  "cards": [],
  "deck": {"title": "Session", "slides": [{"part": "title"}, {"part": "animation"}, {"part": "group-work"}, {"part": "quiz"}, {"part": "care-line"}],
    "animation": "An animation.", "group_work": {"title": "Group work", "minutes": 10, "intro": "In groups:", "prompts": ["Reflect."]}}
}"#;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Leptos run effects scheduled on the microtask queue and the next task.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits `ms` milliseconds: to wait out the quiz's guard against double taps
/// (`TAP_GUARD_MS`), as a person's second, deliberate tap would.
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh start: nothing stored, and the page's address back at home (the
/// tests share one page, and each screen has its own address).
fn clear_storage() {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.remove_item(STORE_KEY).unwrap();
}

/// Mounts `view` in a fresh container; unmounts and removes it on drop.
fn mount<F, N>(view: F) -> (HtmlElement, impl Drop)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    struct Unmount<T>(Option<T>, HtmlElement);
    impl<T> Drop for Unmount<T> {
        fn drop(&mut self) {
            drop(self.0.take());
            self.1.remove();
        }
    }
    (container.clone(), Unmount(Some(handle), container))
}

/// The app with the test bank already loaded, over whatever storage holds,
/// with the quiz's real tap guard.
fn mount_with_bank() -> (HtmlElement, impl Drop) {
    set_tap_guard(None);
    mount(|| {
        view! { <QuizApp first=Some(Ok(Bank::from_bundle(BUNDLE).unwrap())) /> }
    })
}

fn button(container: &HtmlElement, label: &str) -> Option<HtmlButtonElement> {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<HtmlButtonElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
}

fn text_of(container: &HtmlElement, selector: &str) -> String {
    container.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn without_a_bank_link_the_app_says_the_questions_could_not_load() {
    clear_storage();
    let (app, _mounted) = mount(|| view! { <App /> });
    settle().await;
    settle().await;
    assert!(text_of(&app, ".load-status").contains("The questions could not be loaded"));
    assert!(button(&app, "Try again").is_some(), "a way to try again");
}

#[wasm_bindgen_test]
async fn start_quiz_shows_the_first_question_with_radios() {
    clear_storage();
    let (app, _mounted) = mount_with_bank();
    assert!(text_of(&app, "h2").contains("Check what you know"));
    button(&app, "Start quick check").expect("a Start quick check button").click();
    settle().await;

    assert_eq!(text_of(&app, ".question-count"), "Question 1 of 3");
    assert!(text_of(&app, "fieldset legend").ends_with('?'));
    let radios = app.query_selector_all("fieldset input[type=radio]").unwrap();
    assert_eq!(radios.length(), 2);
    assert!(button(&app, "Start quick check").is_none(), "home has gone");
}

#[wasm_bindgen_test]
async fn checking_without_an_answer_shows_the_error_summary() {
    clear_storage();
    let (app, _mounted) = mount_with_bank();
    button(&app, "Start quick check").unwrap().click();
    settle().await;
    let summary: HtmlElement = app.query_selector(".error-summary").unwrap().unwrap().unchecked_into();
    assert!(summary.hidden(), "no error before trying");
    // A tap straight after the quiz opens is the second of a double tap on Start: ignored.
    button(&app, "Check answer").unwrap().click();
    settle().await;
    assert!(summary.hidden(), "a tap within the guard after opening is ignored");
    wait(600).await;

    button(&app, "Check answer").unwrap().click();
    settle().await;
    assert!(!summary.hidden());
    assert!(summary.text_content().unwrap().contains("Select an answer"));
    assert_eq!(text_of(&app, ".feedback-region"), "", "no feedback without an answer");
}

#[wasm_bindgen_test]
async fn checking_an_answer_fills_the_live_region_and_offers_next() {
    clear_storage();
    let (app, _mounted) = mount_with_bank();
    button(&app, "Start quick check").unwrap().click();
    settle().await;
    wait(600).await; // a person's next tap, after the guard raised as the quiz opened
    let live_region = app.query_selector(".feedback-region").unwrap().unwrap();
    assert_eq!(live_region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(live_region.text_content().unwrap(), "", "the live region exists, empty, before feedback");

    let first: HtmlInputElement = app.query_selector("#option-0").unwrap().unwrap().unchecked_into();
    first.click();
    button(&app, "Check answer").unwrap().click();
    settle().await;

    let feedback = live_region.text_content().unwrap();
    assert!(feedback.starts_with("Correct.") || feedback.starts_with("Not quite."), "{feedback}");
    assert!(feedback.contains("Source: Principle 1"), "{feedback}");
    let first_now: HtmlInputElement = app.query_selector("#option-0").unwrap().unwrap().unchecked_into();
    assert!(first_now.disabled(), "options lock once checked");
    // A second tap straight after checking does nothing (the feedback must be seen)...
    button(&app, "Next question").expect("a Next question button").click();
    settle().await;
    assert_eq!(text_of(&app, ".question-count"), "Question 1 of 3", "a tap within the guard is ignored");
    // ...and a deliberate one, after it, moves on.
    wait(600).await;
    button(&app, "Next question").expect("a Next question button").click();
    settle().await;
    assert_eq!(text_of(&app, ".question-count"), "Question 2 of 3");
    assert_eq!(live_region.text_content().unwrap(), "", "feedback clears for the next question");
}

#[wasm_bindgen_test]
async fn a_quiz_in_progress_is_picked_up_where_it_was() {
    clear_storage();
    let (app, mounted) = mount_with_bank();
    button(&app, "Start quick check").unwrap().click();
    settle().await;
    wait(600).await;
    let first_prompt = text_of(&app, "fieldset legend");
    let option: HtmlInputElement = app.query_selector("#option-1").unwrap().unwrap().unchecked_into();
    option.click();
    button(&app, "Check answer").unwrap().click();
    settle().await;
    let feedback = text_of(&app, ".feedback-region");
    drop(mounted);

    let (app, _mounted) = mount_with_bank();
    settle().await;
    assert!(button(&app, "Start quick check").is_none(), "it opens into the quiz, not home");
    assert_eq!(text_of(&app, ".question-count"), "Question 1 of 3");
    assert_eq!(text_of(&app, "fieldset legend"), first_prompt);
    assert_eq!(text_of(&app, ".feedback-region"), feedback, "the feedback is shown again");
    let option: HtmlInputElement = app.query_selector("#option-1").unwrap().unwrap().unchecked_into();
    assert!(option.checked(), "the chosen answer is still chosen");
}

// ---- One screen mounted over a prepared store and the real bank
//
// `AppState::in_memory` gives a screen its context without touching
// storage, so a test can mount just the quiz over a store made with the
// domain's own operations, act on it, let Leptos run, and read the DOM.
// These check in seconds what the browser tests would reach only by
// playing: each type's inputs, the error summary, feedback wording and an
// assessment's secret.

use safeguarding_check::quiz::answering::draft::Incomplete;
use safeguarding_check::quiz::content::bank::Kind;
use safeguarding_check::quiz::links::route::Route;
use safeguarding_check::quiz::rng::SeededRng;
use safeguarding_check::quiz::run::attempt::Mode;
use safeguarding_check::quiz::run::attempt::{Attempt, QuizKind};
use safeguarding_check::quiz::run::resume::SavedQuiz;
use safeguarding_check::quiz::saved::store::Store;
use safeguarding_check::ui::state::AppState;
use safeguarding_check::ui::QuizScreen;

/// The shipped bank, read from the same authoring files the build bundles.
fn shipped_bank() -> Bank {
    let topics: &[(&str, &str)] = &[
        ("characteristics.json", include_str!("../assets/questions/characteristics.json")),
        ("national-picture.json", include_str!("../assets/questions/national-picture.json")),
        ("principle-1.json", include_str!("../assets/questions/principle-1.json")),
        ("principle-2.json", include_str!("../assets/questions/principle-2.json")),
        ("principle-3.json", include_str!("../assets/questions/principle-3.json")),
        ("principle-4.json", include_str!("../assets/questions/principle-4.json")),
        ("principle-5.json", include_str!("../assets/questions/principle-5.json")),
        ("principle-6.json", include_str!("../assets/questions/principle-6.json")),
        ("principle-7.json", include_str!("../assets/questions/principle-7.json")),
        ("principle-8.json", include_str!("../assets/questions/principle-8.json")),
        ("principle-9.json", include_str!("../assets/questions/principle-9.json")),
        ("principle-10.json", include_str!("../assets/questions/principle-10.json")),
        ("principles-overview.json", include_str!("../assets/questions/principles-overview.json")),
        ("section-11.json", include_str!("../assets/questions/section-11.json")),
    ];
    Bank::from_files(
        include_str!("../assets/seed-sections.json"),
        include_str!("../assets/facts.json"),
        include_str!("../assets/learn.json"),
        topics,
    )
    .unwrap()
}

const TYPES: [&str; 7] = ["single", "multi", "true_false", "order", "match", "numeric", "scenario"];
const QUIZ_ID: &str = "00000000000000e1";

/// A store holding one quiz in progress, of `mode`, with the first question
/// of each type in `TYPES` order (a scenario with one right answer).
fn store_with_every_type(bank: &Bank, mode: Mode) -> Store {
    let questions = TYPES
        .iter()
        .map(|&name| {
            bank.questions().find(|q| q.kind.name() == name && !q.kind.allows_several() || name == "multi" && q.kind.name() == name)
        })
        .map(|q| q.unwrap().clone())
        .collect();
    let session = Attempt::start_kind(QuizKind::of_mode(mode, None).unwrap(), questions, &mut SeededRng::new(11)).unwrap();
    let mut store = Store::default();
    store.save_quiz(QUIZ_ID, SavedQuiz::from_attempt(&session, "Every type", 1_700_000_000_000).unwrap(), 1_700_000_000_000);
    store
}

/// Shortens the quiz's tap guard to nothing for the screens mounted next, or
/// (`None`) gives them the real one; read when a quiz screen is made.
fn set_tap_guard(ms: Option<f64>) {
    let window = web_sys::window().unwrap();
    let key = wasm_bindgen::JsValue::from_str(safeguarding_check::platform::clock::TAP_GUARD_OVERRIDE);
    match ms {
        Some(ms) => js_sys::Reflect::set(&window, &key, &ms.into()).unwrap(),
        None => js_sys::Reflect::delete_property(&window, &key).unwrap(),
    };
}

/// Mounts the quiz `QUIZ_ID` over `store` and the shipped bank, in memory.
fn mount_quiz(bank: Bank, store: Store) -> (HtmlElement, impl Drop) {
    set_tap_guard(Some(0.0));
    mount(move || {
        provide_context(AppState::in_memory(RwSignal::new(BankState::Ready(Arc::new(bank))), Route::Home, store));
        view! { <QuizScreen quiz=Some(QUIZ_ID.to_string()) /> }
    })
}

fn all(container: &HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn fire(element: &web_sys::Element, event: &str) {
    element.dispatch_event(&web_sys::Event::new(event).unwrap()).unwrap();
}

/// Sets a form control's value as typing or choosing would, and tells the app.
fn set_value(element: &web_sys::Element, value: &str, event: &str) {
    js_sys::Reflect::set(element, &"value".into(), &value.into()).unwrap();
    fire(element, event);
}

/// The question on screen, from the bank, by its prompt (each prompt is
/// unique within one of every type).
fn question_on_screen<'b>(app: &HtmlElement, bank: &'b Bank) -> &'b safeguarding_check::quiz::content::bank::Question {
    let prompt = text_of(app, "fieldset legend");
    bank.questions().find(|q| prompt.contains(&q.prompt) && TYPES.contains(&q.kind.name())).unwrap()
}

/// Answers the question on screen through its inputs: right, or wrong.
async fn answer_on_screen(app: &HtmlElement, bank: &Bank, right: bool) {
    let question = question_on_screen(app, bank);
    match &question.kind {
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
            for label in all(app, "fieldset .option label") {
                let text = label.first_child().and_then(|t| t.text_content()).unwrap_or_default();
                let correct = options.iter().find(|o| o.text == text).unwrap().correct;
                let tick = if question.kind.allows_several() { correct == right } else { correct == right && !correct_already_ticked(app) };
                if tick {
                    let input: HtmlInputElement =
                        app.query_selector(&format!("#{}", label.get_attribute("for").unwrap())).unwrap().unwrap().unchecked_into();
                    input.click();
                    settle().await;
                }
            }
        }
        Kind::TrueFalse { answer } => {
            let pick = if *answer == right { "#option-0" } else { "#option-1" };
            app.query_selector(pick).unwrap().unwrap().unchecked_into::<HtmlInputElement>().click();
        }
        Kind::Numeric { answer, close_within, .. } => {
            let given = if right { *answer } else { answer + i64::from(*close_within) + 10 };
            set_value(&app.query_selector("#number-answer").unwrap().unwrap(), &given.to_string(), "input");
        }
        Kind::Match { pairs } => {
            for (left, select) in all(app, ".match-row select").iter().enumerate() {
                let want = &pairs[if right { left } else { (left + 1) % pairs.len() }].right;
                let option = all(app, &format!("#{} option", select.id()))
                    .into_iter()
                    .find(|o| o.text_content().as_deref() == Some(want.as_str()))
                    .unwrap();
                set_value(select, &option.get_attribute("value").unwrap(), "change");
            }
        }
        Kind::Order { items } => {
            if right {
                for (place, item) in items.iter().enumerate() {
                    loop {
                        let shown: Vec<String> =
                            all(app, ".order-item .order-text").iter().map(|e| e.first_child().unwrap().text_content().unwrap()).collect();
                        if shown.iter().position(|s| *s == item.text).unwrap() <= place {
                            break;
                        }
                        button_labelled(app, &format!("Up: move {} up", item.text)).click();
                        settle().await;
                    }
                }
            }
            // Left as it starts, an order is never right.
        }
    }
    settle().await;
}

/// In a one-answer question, true once a right option has been ticked (so a
/// wrong answer ticks only one wrong option).
fn correct_already_ticked(app: &HtmlElement) -> bool {
    !all(app, "fieldset input:checked").is_empty()
}

fn button_labelled(app: &HtmlElement, label: &str) -> HtmlButtonElement {
    app.query_selector(&format!("button[aria-label=\"{label}\"]")).unwrap().unwrap().unchecked_into()
}

/// Each type's inputs, its error summary, and its feedback: answered right
/// where `right(n)` for question n (counting from 0), else wrong.
async fn every_type_answered(right: fn(usize) -> bool) {
    let bank = shipped_bank();
    let store = store_with_every_type(&bank, Mode::Quick);
    let (app, _mounted) = mount_quiz(bank.clone(), store);
    settle().await;
    for (n, &name) in TYPES.iter().enumerate() {
        assert_eq!(text_of(&app, ".question-count"), format!("Question {} of 7", n + 1));
        let question = question_on_screen(&app, &bank).clone();
        assert_eq!(question.kind.name(), name);
        // Its inputs.
        let (radios, boxes, selects) =
            (all(&app, "fieldset input[type=radio]"), all(&app, "fieldset input[type=checkbox]"), all(&app, ".match-row select"));
        match &question.kind {
            Kind::TrueFalse { .. } => {
                assert_eq!(radios.len(), 2);
                assert_eq!(text_of(&app, "label[for=option-0]"), "True");
            }
            Kind::MultipleChoice { options } => assert_eq!(boxes.len(), options.len(), "checkboxes for select all that apply"),
            Kind::SingleChoice { options } | Kind::Scenario { options, .. } => assert_eq!(radios.len(), options.len()),
            Kind::Match { pairs } => assert_eq!(selects.len(), pairs.len()),
            Kind::Order { items } => assert_eq!(all(&app, ".order-item").len(), items.len()),
            Kind::Numeric { .. } => {
                assert_eq!(app.query_selector("#number-answer").unwrap().unwrap().get_attribute("inputmode").as_deref(), Some("numeric"))
            }
        }
        if let Kind::Scenario { scenario, .. } = &question.kind {
            assert!(text_of(&app, "#scenario-text").contains(scenario.as_str()), "the scenario comes first");
        }
        // Checking with nothing given: the error summary says what is missing, for every type but order (which always has an order).
        let summary: HtmlElement = app.query_selector(".error-summary").unwrap().unwrap().unchecked_into();
        assert!(summary.hidden(), "no error before trying");
        if name != "order" {
            button(&app, "Check answer").unwrap().click();
            settle().await;
            let want = match &question.kind {
                Kind::MultipleChoice { .. } => Incomplete::NoChoices.message(),
                Kind::Match { .. } => Incomplete::UnmatchedItem(0).message(),
                Kind::Numeric { .. } => "Enter a number",
                _ => Incomplete::NoChoice.message(),
            };
            assert!(!summary.hidden() && summary.text_content().unwrap().contains(want), "{name}: {:?}", summary.text_content());
            assert_eq!(text_of(&app, ".feedback-region"), "", "{name}: no feedback without an answer");
        }
        // Answered, then checked.
        let right = right(n);
        answer_on_screen(&app, &bank, right).await;
        button(&app, "Check answer").unwrap().click();
        settle().await;
        assert!(summary.hidden(), "{name}: the error goes once answered");
        let feedback = text_of(&app, ".feedback-region");
        let verdict = if right { "Correct." } else { "Not quite." };
        assert!(feedback.starts_with(verdict), "{name} answered {right}: {feedback}");
        assert!(feedback.contains(&question.explanation), "{name}: the explanation");
        assert!(feedback.contains(&format!("Source: {}", question.source)), "{name}: the source");
        if let (Kind::Match { pairs }, false) = (&question.kind, right) {
            let line = format!("Answer: {} (you chose {})", pairs[0].right, pairs[1].right);
            assert!(text_of(&app, ".match-row").contains(&line), "a wrong match says on its row what it should be: {line}");
        }
        if let (Kind::Numeric { answer, unit, .. }, false) = (&question.kind, right) {
            assert!(feedback.contains(&format!("The figure is {answer}{unit}.")), "{feedback}");
        }
        let next = if n + 1 == TYPES.len() { "See results" } else { "Next question" };
        button(&app, next).unwrap_or_else(|| panic!("{next} after {name}")).click();
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn every_question_type_has_its_own_inputs_error_and_feedback_answered_right() {
    every_type_answered(|_| true).await;
}

#[wasm_bindgen_test]
async fn every_question_type_has_its_own_inputs_error_and_feedback_answered_wrong() {
    every_type_answered(|_| false).await;
}

/// Words and marks that would say an answer is right or wrong (as in
/// tests/e2e/assessment.test.mjs); none is in the bank's own text (checked below).
const VERDICT_WORDS: [&str; 21] = [
    "Correct.",
    "Not quite",
    "Correct answer",
    "Right place",
    "Not here",
    "Not right",
    "Close:",
    "The answer is",
    "The figure is",
    "The right answers are",
    "The right order is",
    "The right matches are",
    "You had ",
    "You judged",
    "in the right place",
    "matches were right",
    "You scored",
    "You passed",
    "Not passed",
    "you chose",
    "Answer:",
];
const VERDICT_CLASSES: [&str; 12] = [
    "is-answer",
    "is-wrong-choice",
    "tag-answer",
    "tag-chosen",
    "feedback-right",
    "feedback-wrong",
    "feedback-close",
    "answer-right",
    "answer-missed",
    "panel-passed",
    "panel-not-passed",
    "match-correction",
];

fn assert_keeps_its_secret(app: &HtmlElement, where_: &str) {
    let text = app.text_content().unwrap_or_default();
    for word in VERDICT_WORDS {
        assert!(!text.contains(word), "{where_}: the screen says {word:?}");
    }
    let html = app.inner_html();
    for class in VERDICT_CLASSES {
        assert!(!html.contains(class), "{where_}: an element has the class {class}");
    }
}

#[wasm_bindgen_test]
async fn an_assessment_of_every_type_keeps_its_secret_until_submitted() {
    let bank = shipped_bank();
    for question in bank.questions() {
        let offered: Vec<String> = match &question.kind {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
                options.iter().map(|o| o.text.clone()).collect()
            }
            Kind::Order { items } => items.iter().map(|i| i.text.clone()).collect(),
            Kind::Match { pairs } => pairs.iter().flat_map(|p| [p.left.clone(), p.right.clone()]).collect(),
            Kind::TrueFalse { .. } | Kind::Numeric { .. } => Vec::new(),
        };
        let scenario = if let Kind::Scenario { scenario, .. } = &question.kind { scenario.as_str() } else { "" };
        let shown = format!("{} {scenario} {}", question.prompt, offered.join(" "));
        for word in VERDICT_WORDS {
            assert!(!shown.contains(word), "{} shows {word:?}, so the check below could not tell", question.id);
        }
    }
    let store = store_with_every_type(&bank, Mode::Assessment);
    let (app, _mounted) = mount_quiz(bank.clone(), store);
    settle().await;
    for n in 0..TYPES.len() {
        assert_keeps_its_secret(&app, &format!("question {}", n + 1));
        assert!(button(&app, "Check answer").is_none(), "an assessment has no Check answer");
        answer_on_screen(&app, &bank, n % 2 == 0).await;
        button(&app, "Save and continue").unwrap().click();
        settle().await;
        if n + 1 < TYPES.len() {
            assert_eq!(text_of(&app, ".feedback-region"), format!("Your answer to question {} is saved.", n + 1));
        }
    }
    assert!(text_of(&app, "h2").contains("Check your answers"), "the check page: {}", text_of(&app, "h2"));
    assert_keeps_its_secret(&app, "check your answers");
    button(&app, "Submit your answers").unwrap().click();
    settle().await;
    settle().await;
    let results = app.text_content().unwrap();
    assert!(results.contains("You scored 4 out of 7"), "marked once submitted: {results}");
    assert!(results.contains("Not passed"), "4 of 7 is under 80%");
}

#[wasm_bindgen_test]
async fn a_number_that_is_not_a_whole_number_gets_a_plain_error_then_can_be_fixed() {
    let bank = shipped_bank();
    let question = bank.questions().find(|q| q.kind.name() == "numeric").unwrap().clone();
    let session = Attempt::start_kind(QuizKind::Quick, vec![question.clone()], &mut SeededRng::new(3)).unwrap();
    let mut store = Store::default();
    store.save_quiz(QUIZ_ID, SavedQuiz::from_attempt(&session, "A figure", 1).unwrap(), 1);
    let (app, _mounted) = mount_quiz(bank, store);
    settle().await;
    let input = app.query_selector("#number-answer").unwrap().unwrap();
    let not_whole = "Enter a whole number, like 25: the figures in this course have no decimal places";
    for (typed, message) in [
        ("", "Enter a number"),
        ("forty", "Enter a number using digits, like 25"),
        ("4.5", not_whole),
        // A decimal comma is a decimal comma: never 45, never 126.
        ("4,5", not_whole),
        ("12,6", not_whole),
        ("1.000", "Enter the number without a full stop, like 1000"),
        ("99999999999999999999999", "Enter a number no bigger than 1,000,000"),
    ] {
        set_value(&input, typed, "input");
        settle().await;
        button(&app, "Check answer").unwrap().click();
        settle().await;
        assert!(text_of(&app, ".error-summary").contains(message), "{typed:?}: {}", text_of(&app, ".error-summary"));
        assert_eq!(text_of(&app, "#answer-error"), format!("Error: {message}"), "{typed:?}");
    }
    // The summary's link leads to the box.
    app.query_selector(".error-summary a").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    next_frame().await;
    assert_eq!(focused_id(), "number-answer");
    // Typed on a Japanese or Chinese keyboard: full-width digits and per cent sign.
    let Kind::Numeric { answer, unit, .. } = &question.kind else { unreachable!() };
    let full_width: String = answer.to_string().chars().map(|d| char::from_u32(0xFF10 + d.to_digit(10).unwrap()).unwrap()).collect();
    set_value(&input, &format!("{full_width}{}", if unit == "%" { "\u{FF05}" } else { "" }), "input");
    settle().await;
    button(&app, "Check answer").unwrap().click();
    settle().await;
    assert!(text_of(&app, ".feedback-region").starts_with("Correct."), "{}", text_of(&app, ".feedback-region"));
    let summary: HtmlElement = app.query_selector(".error-summary").unwrap().unwrap().unchecked_into();
    assert!(summary.hidden(), "the error goes once fixed");
}

/// A store with one quiz in progress: a quick check of just `question`.
fn store_with(question: safeguarding_check::quiz::content::bank::Question) -> Store {
    let session = Attempt::start_kind(QuizKind::Quick, vec![question], &mut SeededRng::new(3)).unwrap();
    let mut store = Store::default();
    store.save_quiz(QUIZ_ID, SavedQuiz::from_attempt(&session, "One question", 1).unwrap(), 1);
    store
}

/// Waits for the next animation frame (the app moves focus after one).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    settle().await;
}

fn focused_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_match_question_with_a_gap_says_which_item_still_needs_a_match() {
    let bank = shipped_bank();
    let question = bank.questions().find(|q| q.kind.name() == "match").unwrap().clone();
    let Kind::Match { pairs } = &question.kind else { unreachable!() };
    let first_right = pairs[0].right.clone();
    let (app, _mounted) = mount_quiz(bank.clone(), store_with(question));
    settle().await;
    // Only the first item matched.
    let first = app.query_selector("#match-0").unwrap().unwrap();
    let option = all(&app, "#match-0 option").into_iter().find(|o| o.text_content().as_deref() == Some(first_right.as_str())).unwrap();
    set_value(&first, &option.get_attribute("value").unwrap(), "change");
    settle().await;
    button(&app, "Check answer").unwrap().click();
    settle().await;
    let summary = text_of(&app, ".error-summary");
    assert!(summary.contains("Choose a match for every item"), "{summary}");
    assert_eq!(text_of(&app, ".feedback-region"), "", "nothing is marked with a gap");
    // Its link leads to the first item with no match.
    let link: HtmlElement = app.query_selector(".error-summary a").unwrap().unwrap().unchecked_into();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#match-1"));
    link.click();
    next_frame().await;
    assert_eq!(focused_id(), "match-1", "the link takes focus to the first empty one");
}

#[wasm_bindgen_test]
async fn the_order_buttons_announce_each_move_and_keep_focus_on_the_item() {
    let bank = shipped_bank();
    let question = bank.questions().find(|q| q.kind.name() == "order").unwrap().clone();
    let (app, _mounted) = mount_quiz(bank, store_with(question));
    settle().await;
    let shown = |app: &HtmlElement| -> Vec<String> {
        all(app, ".order-item .order-text").iter().map(|e| e.first_child().unwrap().text_content().unwrap()).collect()
    };
    let items = shown(&app);
    let second = items[1].clone();
    button_labelled(&app, &format!("Up: move {second} up")).click();
    next_frame().await;
    assert_eq!(shown(&app)[0], second, "it moved up");
    assert_eq!(text_of(&app, ".order-list + [role=status]"), format!("{second}: now 1 of {}", items.len()));
    // At the top its Up button is disabled, so focus moves to its own Down button.
    let focused = document().active_element().and_then(|e| e.get_attribute("aria-label")).unwrap_or_default();
    assert_eq!(focused, format!("Down: move {second} down"));
    let up: HtmlButtonElement = button_labelled(&app, &format!("Up: move {second} up"));
    assert!(up.disabled(), "nothing above the top");
    // And back down: focus stays on the item's Down button, which still has somewhere to go.
    button_labelled(&app, &format!("Down: move {second} down")).click();
    next_frame().await;
    assert_eq!(shown(&app)[1], second);
    assert_eq!(text_of(&app, ".order-list + [role=status]"), format!("{second}: now 2 of {}", items.len()));
}
