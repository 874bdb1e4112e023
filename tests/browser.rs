//! Component tests: the real app mounted in headless Chromium by wasm-bindgen-test.
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use safeguarding_check::platform::storage::STORE_KEY;
use safeguarding_check::quiz::bank::Bank;
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
     "options": [{"text": "Right one", "correct": true, "feedback": "Yes."}, {"text": "Wrong one", "feedback": "No."}],
     "explanation": "Because one.", "source": "Principle 1: Keep clear and detailed records"},
    {"id": "q2", "type": "single", "prompt": "Second?", "facts": ["f2"], "principle": 1,
     "options": [{"text": "Right two", "correct": true, "feedback": "Yes."}, {"text": "Wrong two", "feedback": "No."}],
     "explanation": "Because two.", "source": "Principle 1: Keep clear and detailed records"},
    {"id": "q3", "type": "single", "prompt": "Third?", "facts": ["f3"], "principle": 1,
     "options": [{"text": "Right three", "correct": true, "feedback": "Yes."}, {"text": "Wrong three", "feedback": "No."}],
     "explanation": "Because three.", "source": "Principle 1: Keep clear and detailed records"}
  ]}],
  "cards": []
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

/// The app with the test bank already loaded, over whatever storage holds.
fn mount_with_bank() -> (HtmlElement, impl Drop) {
    mount(|| {
        let bank = RwSignal::new(BankState::Ready(Arc::new(Bank::from_bundle(BUNDLE).unwrap())));
        view! { <QuizApp bank=bank on_retry=Callback::new(|_| {}) /> }
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
    let (app, _mounted) = mount(App);
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
