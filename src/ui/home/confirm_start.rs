//! Asked before a new quiz starts while another is in progress, naming it,
//! so no tap silently leaves a quiz behind.

use crate::ui::common::confirm_panel::ConfirmPanel;
use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::QuizKind;
use crate::quiz::run::quiz_names::quiz_title;
use crate::quiz::text::wording::isolated;
use crate::ui::state::use_app;

/// Asks before starting quiz `kind` while another is in progress, naming it.
#[component]
pub fn ConfirmStart(kind: QuizKind) -> impl IntoView {
    let state = use_app();
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    let in_progress = state.store.with_untracked(|s| {
        let list = s.quizzes_in_progress();
        let others = list.len().saturating_sub(1);
        list.first().map(|(id, q)| (id.to_string(), format!("{}, {}", isolated(&q.title), q.whereabouts()), others))
    });
    let Some((id, name, others)) = in_progress else {
        // Nothing in progress after all (finished or cleared in another tab): start.
        queue_microtask(move || state.begin(kind));
        return ().into_any();
    };
    let new_title = state.ready_bank_untracked().map(|bank| quiz_title(&bank, &kind));
    let continue_it = move || state.navigate(Route::Quiz { quiz: Some(id.clone()) });
    let start_new = move || state.begin(kind.clone());
    view! {
        <section class="page" aria-labelledby="confirm-heading">
            <ConfirmPanel
                heading_id="confirm-heading"
                heading_ref=heading_ref
                heading="You have a quiz in progress"
                primary="Continue it"
                on_primary=continue_it
                secondary="Start the new one"
                on_secondary=start_new
            >
                <p class="in-progress-name"><strong>{name}</strong></p>
                {(others > 0).then(|| view! {
                    <p>{format!("You also have {others} other quiz{} in progress.", if others == 1 { "" } else { "zes" })}</p>
                })}
                {new_title.map(|title| view! { <p>{format!("You chose to start: {}.", isolated(&title))}</p> })}
                <p>"If you start the new one, this quiz stays saved on this device: you can finish it later from the home page."</p>
            </ConfirmPanel>
        </section>
    }
    .into_any()
}
