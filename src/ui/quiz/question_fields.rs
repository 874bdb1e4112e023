//! One question's fields: its scenario, then a fieldset with the prompt as
//! its legend, the hint that says how it is answered and marked, the error
//! message when the answer is incomplete, and the inputs its type needs
//! (`answer_inputs/`); and the error summary's link to the field at fault.

use leptos::{html, prelude::*};

use crate::quiz::answering::draft::Incomplete;
use crate::quiz::answering::marking::Response;
use crate::quiz::content::bank::Kind;
use crate::quiz::run::attempt::AttemptItem;
use crate::ui::quiz::answer_inputs::{AnswerDraft, ChoiceInputs, MatchInputs, NumberInput, OrderInput};
use crate::ui::unbroken;

/// The hint under the question, which states how the type is answered and marked.
fn hint(kind: &Kind) -> String {
    match kind {
        Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::Scenario { .. } => {
            if kind.allows_several() {
                "Select all that apply. To get the mark, choose every right answer and no wrong ones.".into()
            } else {
                "Select one answer.".into()
            }
        }
        Kind::TrueFalse { .. } => "Is this statement true or false?".into(),
        Kind::Order { .. } => "Use the Up and Down buttons to put them in order.".into(),
        Kind::Match { .. } => "Choose the right match for each item.".into(),
        Kind::Numeric { unit, .. } => {
            let of_what = if unit == "%" { "percentage" } else { "number" };
            format!("Give the exact {of_what}, as a whole number. The course states it exactly.")
        }
    }
}

/// Where the error summary's link takes the person.
fn field_for(problem: Incomplete) -> String {
    match problem {
        Incomplete::NoChoice | Incomplete::NoChoices => "option-0".into(),
        Incomplete::UnmatchedItem(i) => format!("match-{i}"),
        Incomplete::BadNumber(_) => "number-answer".into(),
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The inputs for the current question's type. `checked` is the answer once
/// marked (immediate feedback only): the inputs then show it, right or wrong.
fn inputs(item: &AttemptItem, draft: AnswerDraft, checked: Signal<Option<Response>>) -> AnyView {
    match &item.question.kind {
        Kind::Order { items } => {
            let texts: Vec<String> = items.iter().map(|i| i.text.clone()).collect();
            view! { <OrderInput items=texts layout=item.layout.clone() draft=draft answered=checked /> }.into_any()
        }
        Kind::Match { pairs } => {
            view! { <MatchInputs pairs=pairs.clone() layout=item.layout.clone() draft=draft answered=checked /> }.into_any()
        }
        Kind::Numeric { unit, .. } => view! { <NumberInput unit=unit.clone() draft=draft answered=checked /> }.into_any(),
        kind @ (Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::TrueFalse { .. } | Kind::Scenario { .. }) => {
            view! { <ChoiceInputs kind=kind.clone() layout=item.layout.clone() draft=draft answered=checked /> }.into_any()
        }
    }
}

/// Question `item`: its scenario, if it has one, then its fieldset with
/// the prompt (`heading_ref`, focused as each question opens), the hint,
/// the message for `problem` while the answer is incomplete, and the
/// inputs that write `draft` and show `checked` (the answer once marked).
#[component]
pub fn QuestionFields(
    item: AttemptItem,
    problem: RwSignal<Option<Incomplete>>,
    draft: AnswerDraft,
    checked: Signal<Option<Response>>,
    heading_ref: NodeRef<html::H2>,
) -> impl IntoView {
    let kind = &item.question.kind;
    let scenario = kind.scenario().map(str::to_string);
    let is_scenario = scenario.is_some();
    let described_by = move || {
        let mut ids = vec!["question-hint"];
        if is_scenario {
            ids.insert(0, "scenario-text");
        }
        if problem.get().is_some() {
            ids.push("answer-error");
        }
        ids.join(" ")
    };
    view! {
        {scenario.map(|text| view! {
            <div class="scenario" id="scenario-text">
                <p class="scenario-label">"Scenario"</p>
                <p>{text}</p>
            </div>
        })}
        <fieldset class="question" class:has-error=move || problem.get().is_some() aria-describedby=described_by>
            <legend>
                <h2 class="question-prompt" tabindex="-1" node_ref=heading_ref>{unbroken(item.question.prompt.clone())}</h2>
            </legend>
            <p id="question-hint" class="hint">{hint(kind)}</p>
            {move || problem.get().map(|p| view! {
                <p id="answer-error" class="error-message">
                    <span class="visually-hidden">"Error: "</span>{p.message()}
                </p>
            })}
            {inputs(&item, draft, checked)}
        </fieldset>
    }
}

/// The error summary's line for `problem`: its message, a link that moves
/// focus to the field to put right.
pub fn problem_link(problem: Incomplete) -> impl IntoView {
    let target = field_for(problem);
    let href = format!("#{target}");
    view! {
        <li><a href=href on:click=move |event: leptos::ev::MouseEvent| {
            event.prevent_default();
            focus_by_id(&target);
        }>{problem.message()}</a></li>
    }
}
