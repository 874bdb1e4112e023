//! "Present the whole session", on the trainer's screen: where the quiz
//! falls among the slides, and the ways in to the slides and the speaker
//! notes; once presenting has begun, where it stands and starting again.
//!
//! It reads the presentation from the store itself, so the session's panel
//! (its QR code and links) is not drawn again each time a slide moves in
//! another window, and a choice made here reaches slides already open.

use std::sync::Arc;

use leptos::prelude::*;

use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::quiz::room::presenting::{slides, Presentation, QuizPlace};
use crate::ui::state::use_app;

/// The presenting part of session `id`'s panel; `bank` gives the slides.
#[component]
pub fn PresentSession(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_app();
    let kept = {
        let id = id.clone();
        move || state.store.with(|s| s.sessions.get(&id).and_then(|t| t.presentation.clone()))
    };
    let begun = Memo::new({
        let kept = kept.clone();
        move |_| kept().is_some()
    });
    // Where the quiz falls: as kept, or as chosen here before presenting began.
    let chosen_at_end = RwSignal::new(false);
    let at_end = {
        let kept = kept.clone();
        Memo::new(move |_| kept().map_or_else(|| chosen_at_end.get(), |p| p.place == QuizPlace::AtEnd))
    };
    let place = move || if at_end.get_untracked() { QuizPlace::AtEnd } else { QuizPlace::AfterPrinciples };
    // A choice made once presenting has begun is kept at once, and the slides follow.
    let choose = {
        let id = id.clone();
        move |end: bool| {
            chosen_at_end.set(end);
            let id = id.clone();
            let place = if end { QuizPlace::AtEnd } else { QuizPlace::AfterPrinciples };
            if begun.get_untracked() {
                state.change(move |s, now| {
                    let Some(mut presentation) = s.sessions.get(&id).and_then(|t| t.presentation.clone()) else { return false };
                    presentation.place_quiz(place);
                    s.present(&id, presentation, now)
                });
                state.save_now();
            }
        }
    };
    // Keeps the presentation with the quiz where chosen (a new one from the
    // first slide, if `again` or none yet), then shows `to`. One still on
    // its title slide has not begun: its time used starts now.
    let begin = {
        let id = id.clone();
        move |to: Route, again: bool| {
            let id = id.clone();
            let place = place();
            state.change(move |s, now| {
                let kept = s.sessions.get(&id).and_then(|t| t.presentation.clone()).filter(|p| !again && !p.at_start());
                let mut presentation = kept.unwrap_or_else(|| Presentation::new(place, now));
                presentation.place_quiz(place);
                s.present(&id, presentation, now)
            });
            state.save_now();
            state.navigate(to);
        }
    };
    let (slides_route, notes_route) = (Route::Slides { session: id.clone() }, Route::Notes { session: id.clone() });
    let where_it_stands = move || {
        kept().map(|p| {
            let list = slides(&bank, p.place);
            let at = p.position(&list);
            format!(
                "Presenting began: slide {} of {}, \u{201c}{}\u{201d}. Present the session carries on from there.",
                at + 1,
                list.len(),
                list.get(at).map_or("", |s| s.title())
            )
        })
    };
    let again = {
        let begin = begin.clone();
        let to = slides_route.clone();
        move || {
            let begin = begin.clone();
            let to = to.clone();
            begun.get().then(|| {
                view! {
                    <button type="button" class="button button-secondary" on:click=move |_| begin(to.clone(), true)>
                        "Start again from the first slide"
                    </button>
                }
            })
        }
    };
    let (to_slides, to_notes) = (begin.clone(), begin);
    let choose_end = choose.clone();
    view! {
        <h4>"Present the whole session"</h4>
        <p>"The course as slides for the projector: the aims, the figures, the group work with its timer, each principle, this session's QR code and its debrief, and the e-learning. With speaker notes for you in a second window, or on your phone. It all works offline."</p>
        <fieldset class="question">
            <legend><h5 class="legend-heading">"Where the quiz falls"</h5></legend>
            <div class="options">
                <div class="option">
                    <input type="radio" id="quiz-after-principles" name="quiz-place" prop:checked=move || !at_end.get()
                        on:change=move |_| choose(false) />
                    <label for="quiz-after-principles">"After the 10 Principles, before the e-learning"</label>
                </div>
                <div class="option">
                    <input type="radio" id="quiz-at-end" name="quiz-place" prop:checked=move || at_end.get()
                        on:change=move |_| choose_end(true) />
                    <label for="quiz-at-end">"At the end"</label>
                </div>
            </div>
        </fieldset>
        <p class="hint" role="status">{where_it_stands}</p>
        <div class="button-group">
            <button type="button" class="button button-primary" on:click=move |_| to_slides(slides_route.clone(), false)>"Present the session"</button>
            <button type="button" class="button button-secondary" on:click=move |_| to_notes(notes_route.clone(), false)>"Speaker notes"</button>
            {again}
        </div>
    }
    // Erased, so the trainer screen's view type stays within the compiler's
    // query depth in the native build (src/bin/static_pages.rs).
    .into_any()
}
