//! One question per screen: a fieldset of radios, Check answer, feedback, Next.

use leptos::{ev::SubmitEvent, html, prelude::*};

use super::FeedbackPanel;
use crate::quiz::session::{Session, Stage};

#[component]
pub fn QuizPage(session: RwSignal<Option<Session>>, on_finish: Callback<()>) -> impl IntoView {
    // The option the person has picked, by its shown position, before checking.
    let selected = RwSignal::new(None::<usize>);
    let missing_answer = RwSignal::new(false);
    // Counts checks made with no answer; each one moves focus to the error summary.
    let unanswered_checks = RwSignal::new(0u32);
    let heading_ref = NodeRef::<html::H2>::new();
    let next_ref = NodeRef::<html::Button>::new();
    let error_ref = NodeRef::<html::Div>::new();

    let stage = move || session.with(|s| s.as_ref().map_or(Stage::Finished, Session::stage));
    let position = move || session.with(|s| s.as_ref().map_or(0, Session::position));
    let total = move || session.with(|s| s.as_ref().map_or(0, Session::len));
    let is_last = move || session.with(|s| s.as_ref().is_some_and(Session::is_last));
    let answered = move || stage() == Stage::Answered;

    // Each new question takes focus, so keyboard and screen-reader users start there.
    Effect::new(move |_| {
        position();
        if let Some(heading) = heading_ref.get() {
            let _ = heading.focus();
        }
    });
    // The error summary takes focus once it is visible (GOV.UK pattern).
    Effect::new(move |_| {
        if unanswered_checks.get() > 0 {
            if let Some(summary) = error_ref.get() {
                let _ = summary.focus();
            }
        }
    });
    // After checking, focus moves to Next; the feedback is announced by the live region.
    Effect::new(move |_| {
        if answered() {
            if let Some(button) = next_ref.get() {
                let _ = button.focus();
            }
        }
    });

    let check = move |event: SubmitEvent| {
        event.prevent_default();
        if stage() != Stage::Asking {
            return;
        }
        match selected.get_untracked() {
            Some(shown_position) => {
                missing_answer.set(false);
                session.update(|s| {
                    if let Some(s) = s {
                        let _ = s.answer(shown_position);
                    }
                });
            }
            None => {
                missing_answer.set(true);
                unanswered_checks.update(|n| *n += 1);
            }
        }
    };

    let next = move |_| {
        session.update(|s| {
            if let Some(s) = s {
                let _ = s.next();
            }
        });
        selected.set(None);
        if stage() == Stage::Finished {
            on_finish.run(());
        }
    };

    let focus_first_option = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(first) = document().get_element_by_id("option-0") {
            use wasm_bindgen::JsCast;
            if let Ok(input) = first.dyn_into::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        }
    };

    let options = move || {
        session.with(|s| {
            let Some(item) = s.as_ref().and_then(Session::current) else {
                return Vec::new();
            };
            let correct = item.question.correct_option();
            item.order
                .iter()
                .enumerate()
                .map(|(shown, &original)| {
                    let text = item.question.options[original].text.clone();
                    let is_answer = answered() && Some(original) == correct;
                    let was_chosen = item.chosen == Some(original);
                    let is_wrong_choice = answered() && was_chosen && !is_answer;
                    let id = format!("option-{shown}");
                    view! {
                        <div class="option" class:is-answer=is_answer class:is-wrong-choice=is_wrong_choice>
                            <input
                                type="radio"
                                name="answer"
                                id=id.clone()
                                value=shown.to_string()
                                disabled=answered()
                                // Once answered, the stored choice shows (also after a reload).
                                prop:checked=move || was_chosen || selected.get() == Some(shown)
                                on:change=move |_| selected.set(Some(shown))
                            />
                            <label for=id>
                                {text}
                                {is_answer.then(|| view! { <span class="tag tag-answer">"Correct answer"</span> })}
                                {is_wrong_choice.then(|| view! { <span class="tag tag-chosen">"Your answer"</span> })}
                            </label>
                        </div>
                    }
                })
                .collect_view()
        })
    };

    let prompt = move || {
        session.with(|s| s.as_ref().and_then(Session::current).map(|i| i.question.prompt.clone()))
    };

    view! {
        <section class="page quiz">
            <div class="error-summary" role="alert" tabindex="-1" node_ref=error_ref hidden=move || !missing_answer.get()>
                <h2 class="error-summary-title">"There is a problem"</h2>
                <ul>
                    <li><a href="#option-0" on:click=focus_first_option>"Select an answer"</a></li>
                </ul>
            </div>
            <p class="question-count">{move || format!("Question {} of {}", position() + 1, total())}</p>
            <form on:submit=check novalidate>
                <fieldset
                    class="question"
                    class:has-error=move || missing_answer.get()
                    aria-describedby=move || missing_answer.get().then_some("answer-error")
                >
                    <legend>
                        <h2 class="question-prompt" tabindex="-1" node_ref=heading_ref>{prompt}</h2>
                    </legend>
                    <p id="answer-error" class="error-message" hidden=move || !missing_answer.get()>
                        <span class="visually-hidden">"Error: "</span>"Select an answer"
                    </p>
                    <div class="options">{options}</div>
                </fieldset>
                <FeedbackPanel session=session />
                {move || if answered() {
                    view! {
                        <button type="button" class="button button-primary" node_ref=next_ref on:click=next>
                            {if is_last() { "See results" } else { "Next question" }}
                        </button>
                    }.into_any()
                } else {
                    view! { <button type="submit" class="button button-primary">"Check answer"</button> }.into_any()
                }}
            </form>
        </section>
    }
}
