//! The GOV.UK error summary: "There is a problem" above a form, with a link
//! to each field to put right. It takes focus each time an action fails, so
//! a keyboard or screen-reader user hears what is wrong at once.

use leptos::{html, prelude::*};

/// The error summary: its title and, in its list, `children` (one `<li>`
/// with a link to each field at fault). Hidden while `hidden` is true; each
/// time `failures` goes up (the caller counts the actions refused for a
/// problem; this only reads it), focus moves to it once it is shown.
#[component]
pub fn ErrorSummary(#[prop(into)] hidden: Signal<bool>, failures: RwSignal<u32>, children: Children) -> impl IntoView {
    let summary_ref = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if failures.get() > 0 {
            if let Some(summary) = summary_ref.get() {
                let _ = summary.focus();
            }
        }
    });
    view! {
        <div class="error-summary" role="alert" tabindex="-1" node_ref=summary_ref hidden=hidden>
            <h2 class="error-summary-title">"There is a problem"</h2>
            <ul>{children()}</ul>
        </div>
    }
}
