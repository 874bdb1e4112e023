//! Feedback after checking an answer, in a live region that is always present,
//! so screen readers announce it when the text arrives.

use leptos::prelude::*;

use crate::quiz::marking::RightAnswer;
use crate::quiz::session::{Feedback, Session};

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
            <ul>{pairs.into_iter().map(|p| view! { <li>{p.left}": " <strong>{p.right}</strong></li> }).collect_view()}</ul>
        }
        .into_any(),
        RightAnswer::Number { answer, unit, given, .. } => view! {
            <p>
                "The figure is " <strong>{format!("{answer}{unit}")}</strong>"."
                {given.map(|n| format!(" You said {n}{unit}."))}
            </p>
        }
        .into_any(),
    }
}

pub fn feedback_view(f: Feedback) -> impl IntoView {
    view! {
        <div class="feedback" class:feedback-right=f.correct class:feedback-wrong=!f.correct>
            <p class="feedback-verdict">{if f.correct { "Correct." } else { "Not quite." }}</p>
            {(!f.correct).then(|| right_answer(f.right_answer))}
            {f.parts_right.filter(|p| !f.correct && p.right > 0).map(|p| view! {
                <p>{format!("You had {} of {} right.", p.right, p.of)}</p>
            })}
            {f.notes.into_iter().map(|note| view! { <p>{note}</p> }).collect_view()}
            <p>{f.explanation}</p>
            <p class="source">"Source: " {f.source}</p>
        </div>
    }
}

#[component]
pub fn FeedbackPanel(session: Memo<Option<Session>>) -> impl IntoView {
    // A full assessment keeps its feedback for the end.
    let deferred = move || session.with(|s| s.as_ref().is_some_and(|s| s.kind().defers_feedback()));
    let feedback = move || session.with(|s| s.as_ref().and_then(Session::feedback));
    view! {
        <div class="feedback-region" role="status" aria-live="polite" aria-atomic="true">
            {move || feedback().map(|f| if deferred() {
                view! { <p class="feedback saved">"Your answer is saved. You will see how you did at the end."</p> }.into_any()
            } else {
                feedback_view(f).into_any()
            })}
        </div>
    }
}
