//! One way into a quiz on home: its button, the effort it asks for ("10
//! questions · about 5 minutes · nothing is timed"), and a line on what it is.

use leptos::prelude::*;

use crate::quiz::run::attempt::QuizKind;
use crate::quiz::run::quiz_names::start_label;
use crate::quiz::text::wording::effort;

/// A quiz of `kind` of `questions` questions. `primary` makes its
/// button the page's main one; `note`, if not empty, says what it is.
#[component]
pub fn WayIn(
    kind: QuizKind,
    questions: usize,
    #[prop(into)] primary: Signal<bool>,
    on_start: Callback<QuizKind>,
    #[prop(optional, into)] note: String,
) -> impl IntoView {
    view! {
        <div class="way-in">
            <button
                type="button"
                class=move || if primary.get() { "button button-primary" } else { "button button-secondary" }
                on:click=move |_| on_start.run(kind.clone())
            >
                {start_label(&kind.mode(), questions)}
            </button>
            <p class="effort">{effort(questions, false)}</p>
            {(!note.is_empty()).then(|| view! { <p class="small">{note}</p> })}
        </div>
    }
}
