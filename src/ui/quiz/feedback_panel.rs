//! Feedback after checking an answer, in a live region that is always present,
//! so screen readers announce it when the text arrives. In an assessment the
//! region only ever says an answer was saved: the attempt gives no marking
//! out until the answers are submitted.

use leptos::{html, prelude::*};

use crate::quiz::answering::marking::RightAnswer;
use crate::quiz::run::attempt::{Attempt, Feedback};
use crate::ui::unbroken;

fn right_answer(answer: RightAnswer) -> AnyView {
    match answer {
        RightAnswer::Options(mut options) if options.len() == 1 => {
            view! { <p>"The answer is: " <strong>{options.remove(0)}</strong></p> }.into_any()
        }
        RightAnswer::Options(options) => view! {
            <p>"The right answers are:"</p>
            <ul>{options.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
        }
        .into_any(),
        RightAnswer::TrueFalse(true) => view! { <p>"This statement is " <strong>"true"</strong>"."</p> }.into_any(),
        RightAnswer::TrueFalse(false) => view! { <p>"This statement is " <strong>"false"</strong>"."</p> }.into_any(),
        RightAnswer::Order(items) => view! {
            <p>"The right order is:"</p>
            <ol>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ol>
        }
        .into_any(),
        RightAnswer::Pairs(pairs) => view! {
            <p>"The right matches are:"</p>
            <ul>
                {pairs.into_iter().map(|p| view! {
                    <li>
                        {p.left}": " <strong>{p.right}</strong>
                        {p.chosen.map(|c| format!(" (you chose {c})"))}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        RightAnswer::Number { answer, unit, given, close } => view! {
            <p>
                {(!close).then(|| view! { "The figure is " <strong>{format!("{answer}{unit}")}</strong>"." })}
                {given.map(|n| format!(" You said {n}{unit}."))}
            </p>
        }
        .into_any(),
    }
}

/// The verdict: "Correct.", "Close: the figure is 294." or "Not quite.".
fn verdict(f: &Feedback) -> String {
    if f.correct {
        return "Correct.".into();
    }
    match &f.right_answer {
        RightAnswer::Number { answer, unit, close: true, .. } => format!("Close: the figure is {answer}{unit}."),
        RightAnswer::Number { close: false, .. }
        | RightAnswer::Options(_)
        | RightAnswer::TrueFalse(_)
        | RightAnswer::Order(_)
        | RightAnswer::Pairs(_) => "Not quite.".into(),
    }
}

/// How much of a partly right answer was right, in the terms of its type: a
/// select-all-that-apply is judged option by option (ticked or left), so "2 of
/// 5" there means two options judged right, not two right answers chosen.
fn parts_right_text(right_answer: &RightAnswer, right: usize, of: usize) -> String {
    match right_answer {
        RightAnswer::Options(_) => format!("You judged {right} of the {of} options right, ticking or leaving each."),
        RightAnswer::Order(_) => format!("{right} of {of} were in the right place."),
        RightAnswer::Pairs(_) => format!("{right} of {of} matches were right."),
        RightAnswer::TrueFalse(_) | RightAnswer::Number { .. } => format!("You had {right} of {of} right."),
    }
}

pub fn feedback_view(f: Feedback) -> impl IntoView {
    let parts = f.parts_right.filter(|p| !f.correct && p.right > 0).map(|p| parts_right_text(&f.right_answer, p.right, p.of));
    view! {
        <div class="feedback" class:feedback-right=f.correct class:feedback-close=f.close class:feedback-wrong=!f.correct && !f.close>
            <p class="feedback-verdict" tabindex="-1">{verdict(&f)}</p>
            {(!f.correct).then(|| right_answer(f.right_answer))}
            {parts.map(|text| view! { <p>{text}</p> })}
            {f.notes.into_iter().map(|note| view! { <p>{note}</p> }).collect_view()}
            <p>{unbroken(f.explanation)}</p>
            <p class="source">"Source: " {unbroken(f.source)}</p>
        </div>
    }
}

/// The live region after a check: right or wrong, the answer, why, the
/// source and each option's note; for `attempt`'s current question.
#[component]
pub fn FeedbackPanel(
    attempt: Memo<Option<Attempt>>,
    /// In an assessment, what to say once an answer is saved.
    saved_note: RwSignal<Option<String>>,
    /// The live region, for the page to move focus into once feedback shows.
    region_ref: NodeRef<html::Div>,
) -> impl IntoView {
    let deferred = move || attempt.with(|s| s.as_ref().is_some_and(Attempt::defers_feedback));
    let feedback = move || attempt.with(|s| s.as_ref().and_then(Attempt::marking).and_then(|m| m.feedback()));
    view! {
        <div class="feedback-region" role="status" aria-live="polite" aria-atomic="true" node_ref=region_ref>
            {move || if deferred() {
                saved_note.get().map(|note| view! { <p class="saved-note">{note}</p> }).into_any()
            } else {
                feedback().map(feedback_view).into_any()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partly_right_answer_is_described_in_its_types_terms() {
        // Ticking one wrong option out of five leaves two other wrong ones rightly
        // unticked: that is two options judged right, not two right answers.
        assert_eq!(
            parts_right_text(&RightAnswer::Options(vec!["a".into()]), 2, 5),
            "You judged 2 of the 5 options right, ticking or leaving each."
        );
        assert_eq!(parts_right_text(&RightAnswer::Order(vec![]), 1, 4), "1 of 4 were in the right place.");
        assert_eq!(parts_right_text(&RightAnswer::Pairs(vec![]), 3, 4), "3 of 4 matches were right.");
    }
}
