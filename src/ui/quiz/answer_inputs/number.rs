//! A whole-number answer. A text input with a numeric keyboard (the GOV.UK
//! pattern), so browsers do not change what is typed.

use leptos::prelude::*;

use super::AnswerDraft;
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;

/// The field for a figure (in `unit`), writing what is typed to `draft`;
/// read-only once `answered`.
#[component]
pub fn NumberInput(unit: String, draft: AnswerDraft, answered: Signal<Option<Response>>) -> impl IntoView {
    // Only a numeric question's answer and draft are shown here.
    let given = move || {
        answered.with(|response| {
            let Some(Response::Number(n)) = response else { return None };
            Some(*n)
        })
    };
    let value = move || match given() {
        Some(n) => n.to_string(),
        None => draft.with(|d| {
            let Draft::Number(text) = d else { return String::new() };
            text.clone()
        }),
    };
    let label = if unit == "%" { "Your answer, as a percentage" } else { "Your answer" };
    view! {
        <div class="number-answer">
            <label class="label" for="number-answer">{label}</label>
            <span class="number-field">
                <input
                    id="number-answer"
                    class="input"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    disabled=move || given().is_some()
                    prop:value=value
                    on:input=move |event| draft.pick(|d| *d = Draft::Number(event_target_value(&event)))
                />
                {(unit == "%").then_some(view! { <span class="number-unit" aria-hidden="true">"%"</span> })}
            </span>
        </div>
    }
}
