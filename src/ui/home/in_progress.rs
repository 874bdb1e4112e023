//! Home's quizzes in progress, most recent first: each to continue or
//! remove, and Undo once one is removed.

use leptos::prelude::*;

use crate::quiz::links::route::Route;
use crate::quiz::run::resume::SavedQuiz;
use crate::quiz::text::wording::isolated;
use crate::ui::common::tap_guard::TapGuard;
use crate::ui::common::undo::{Removed, Undo};
use crate::ui::state::use_app;

/// The quizzes in progress (`in_progress`: id, "Quick check, question 4 of
/// 10", "started 7 December 2026"), each with "Continue your quiz" and
/// "Remove this quiz", and the line that says one was removed, with Undo.
/// Removing and Undo raise `guard`: what is below moves under the finger.
#[component]
pub fn QuizzesInProgress(in_progress: Memo<Vec<(String, String, String)>>, guard: TapGuard) -> impl IntoView {
    let state = use_app();
    // A quiz removed from the list, for Undo: (id, the quiz as it was).
    let removed = Removed::<(String, SavedQuiz)>::new();
    let remove = move |id: String| {
        guard.raise();
        if let Some(Some(quiz)) = state.change(|s, now| {
            let quiz = s.quizzes.get(&id).cloned();
            s.discard_quiz(&id, now);
            quiz
        }) {
            removed.hold((id, quiz));
        }
    };
    let undo = move || {
        guard.raise();
        if let Some((id, quiz)) = removed.take() {
            state.change(|s, now| s.save_quiz(&id, quiz, now));
        }
    };
    view! {
        {move || in_progress.get().into_iter().map(|(id, name, started)| {
            let remove_id = id.clone();
            view! {
                <div class="in-progress">
                    <p class="small">{name.clone()}<br />{started}</p>
                    // Each button says which quiz it is for, when there are several.
                    <button type="button" class="button button-primary" aria-label=format!("Continue your quiz: {name}")
                        on:click=move |_| state.navigate(Route::Quiz { quiz: Some(id.clone()) })>
                        "Continue your quiz"
                    </button>
                    <button type="button" class="link-button" aria-label=format!("Remove this quiz: {name}")
                        on:click=move |_| remove(remove_id.clone())>
                        "Remove this quiz"
                    </button>
                </div>
            }
        }).collect_view()}
        <div class="removed-status" role="status">
            {move || removed.held().map(|(_, quiz)| view! {
                <p class="notice">
                    {format!("Removed: {}, {}. ", isolated(&quiz.title), quiz.whereabouts())}
                    <Undo button=removed.button() class="link-button" on_undo=undo />
                </p>
            })}
        </div>
    }
}
