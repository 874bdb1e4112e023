//! The quiz's compact bar: its name, and Quit, which asks first. Leaving
//! keeps the quiz, so it can be picked up again from the home page. An
//! installed iPhone app has no Back button: this is its way out.

use leptos::{html, prelude::*};

use crate::platform::share;
use crate::quiz::links::route::Route;
use crate::ui::common::confirm_panel::ConfirmPanel;
use crate::ui::common::focus::focus_after_render;
use crate::ui::state::use_app;
use crate::ui::unbroken;

/// The quiz bar: the quiz's `title` and Quit, which asks first and keeps
/// the quiz to pick up again.
#[component]
pub fn QuitQuiz(title: String) -> impl IntoView {
    let state = use_app();
    let asking = RwSignal::new(false);
    let panel_heading = NodeRef::<html::H2>::new();
    let quit_button = NodeRef::<html::Button>::new();
    let ask = move |_| {
        asking.set(true);
        focus_after_render(panel_heading);
    };
    let stay = move || {
        asking.set(false);
        focus_after_render(quit_button);
    };
    let leave = move || state.navigate(Route::Home);
    // The site header goes compact while a quiz shows (`.in-quiz` in style/main.css).
    let compact_header = share::RootClassHold::new("in-quiz");
    on_cleanup(move || drop(compact_header));
    view! {
        <div class="quiz-bar">
            <p class="quiz-title">{unbroken(title)}</p>
            <button
                type="button"
                class="quit-button"
                aria-expanded=move || asking.get().to_string()
                node_ref=quit_button
                on:click=ask
            >"Quit"</button>
        </div>
        <Show when=move || asking.get()>
            <div class="notice quit-panel" role="group" aria-labelledby="quit-heading">
                <ConfirmPanel
                    heading_id="quit-heading"
                    heading_class="quit-heading"
                    heading_ref=panel_heading
                    heading="Leave this quiz?"
                    primary="Leave the quiz"
                    on_primary=leave
                    secondary="Keep going"
                    on_secondary=stay
                >
                    <p>"Your answers so far are saved on this device. You can carry on from the home page when you are ready."</p>
                </ConfirmPanel>
            </div>
        </Show>
    }
}
