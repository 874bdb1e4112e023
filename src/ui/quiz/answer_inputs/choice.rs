//! Radios (one answer, or true/false) and checkboxes (select all that apply).

use leptos::prelude::*;

use super::AnswerDraft;
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;
use crate::quiz::content::bank::Kind;

/// Radios or checkboxes for the options of `kind`, in `layout`, into
/// `draft`; once `answered`, each option is marked.
#[component]
pub fn ChoiceInputs(kind: Kind, layout: Vec<usize>, draft: AnswerDraft, answered: Signal<Option<Response>>) -> impl IntoView {
    let several = kind.allows_several();
    // (text, correct) of each option, in the question's own order.
    let options: Vec<(String, bool)> = match &kind {
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
            options.iter().map(|o| (o.text.clone(), o.correct)).collect()
        }
        Kind::TrueFalse { answer } => vec![("True".into(), *answer), ("False".into(), !*answer)],
        // Not a choice type: these have inputs of their own.
        Kind::Order { .. } | Kind::Match { .. } | Kind::Numeric { .. } => Vec::new(),
    };
    // Checking the answer updates these options in place (marks, tags,
    // disabled) rather than drawing them again: half the work of feedback.
    let is_answered = move || answered.with(Option::is_some);
    let was_chosen = move |index: usize| {
        answered.with(|answered| match answered {
            Some(Response::Choice(c)) => *c == index,
            Some(Response::Choices(cs)) => cs.contains(&index),
            Some(Response::Order(_) | Response::Matches(_) | Response::Number(_)) | None => false,
        })
    };

    layout
        .into_iter()
        .enumerate()
        .map(|(shown, index)| {
            let (text, correct) = options[index].clone();
            let show_answer = move || is_answered() && correct;
            let show_wrong_choice = move || is_answered() && was_chosen(index) && !correct;
            let id = format!("option-{shown}");
            // Once answered, only the answer given is checked: a pick still in
            // the draft (made in another tab of the same quiz) must not fight it
            // for the radio group.
            let checked = move || {
                if is_answered() {
                    was_chosen(index)
                } else {
                    draft.with(|d| match d {
                        Draft::Choice(c) => *c == Some(index),
                        Draft::Choices(cs) => cs.contains(&index),
                        Draft::Order(_) | Draft::Matches(_) | Draft::Number(_) => false,
                    })
                }
            };
            let on_change = move |_| {
                draft.pick(|d| match d {
                    Draft::Choices(_) => d.toggle(index),
                    Draft::Choice(_) | Draft::Order(_) | Draft::Matches(_) | Draft::Number(_) => *d = Draft::Choice(Some(index)),
                })
            };
            view! {
                <div class="option" class:is-answer=show_answer class:is-wrong-choice=show_wrong_choice>
                    <input
                        type=if several { "checkbox" } else { "radio" }
                        name="answer"
                        id=id.clone()
                        value=shown.to_string()
                        disabled=is_answered
                        prop:checked=checked
                        on:change=on_change
                    />
                    <label for=id>
                        {text}
                        {move || show_answer().then(|| view! { <span class="tag tag-answer">"Correct answer"</span> })}
                        {move || show_wrong_choice().then(|| view! { <span class="tag tag-chosen">"Your answer"</span> })}
                    </label>
                </div>
            }
        })
        .collect_view()
}
