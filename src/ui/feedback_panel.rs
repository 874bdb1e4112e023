//! Feedback after checking an answer, in a live region that is always present,
//! so screen readers announce it when the text arrives.

use leptos::prelude::*;

use crate::quiz::session::Session;

#[component]
pub fn FeedbackPanel(session: RwSignal<Option<Session>>) -> impl IntoView {
    let feedback = move || session.with(|s| s.as_ref().and_then(Session::feedback));
    view! {
        <div class="feedback-region" role="status" aria-live="polite" aria-atomic="true">
            {move || feedback().map(|f| view! {
                <div class="feedback" class:feedback-right=f.correct class:feedback-wrong=!f.correct>
                    <p class="feedback-verdict">
                        {if f.correct { "Correct." } else { "Not quite." }}
                    </p>
                    {(!f.correct).then(|| view! {
                        <p>"The answer is: " <strong>{f.correct_answer.clone()}</strong></p>
                    })}
                    {f.option_feedback.map(|text| view! { <p>{text}</p> })}
                    <p>{f.explanation}</p>
                    <p class="source">"Source: " {f.source}</p>
                </div>
            })}
        </div>
    }
}
