//! The session as slides on a projector: one slide at a time, as large as
//! the screen allows, with Previous and Next, the slide's number, the
//! presenter's notes in a window of their own, full screen and Close.
//! The keyboard, a clicker (Page Up / Page Down) and a swipe move it.
//! In full screen the controls fade until the pointer or focus is on them.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::platform::share;
use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::ui::common::focus::focus_when_shown;
use crate::ui::common::projector_view::hold_projector_view;
use crate::ui::slides::deck::{Deck, SLIDES_STYLESHEET};
use crate::ui::slides::slide_view::SlideView;
use crate::ui::state::use_app;
use crate::ui::GoneNotice;

/// What the slides say when their session is not on this device.
pub const GONE: &str = "This session is not on this device: it was made on another, or its data was cleared. On the device that made it, copy \u{201c}The session link\u{201d} from its screen and open it here, then choose \u{201c}Present the session\u{201d}.";

/// The name of the presenter's window, so opening it again brings it forward.
const NOTES_WINDOW: &str = "safeguarding-notes";

/// The slides of trainer session `session` (its quiz id), with `bank`'s content.
#[component]
pub fn SlidesPage(bank: Arc<Bank>, session: String) -> impl IntoView {
    let state = use_app();
    let deck = Deck::new(bank, session.clone());
    if deck.session().is_none() {
        return view! { <GoneNotice message=GONE /> }.into_any();
    }
    // The session cleared while its slides show (in another tab): said in the slide's place.
    let here = deck.here();
    // Focus starts on the deck itself, so a screen reader says where it is
    // and the keys move the slides at once.
    let deck_ref = NodeRef::<html::Section>::new();
    focus_when_shown(deck_ref);
    let back = Route::Trainer { session: Some(session.clone()) };
    hold_projector_view("deck-view", back.clone());
    let area = NodeRef::<html::Div>::new();
    deck.listen_for_keys(Some(area));
    let (swipe_start, swipe_end) = deck.swipe();
    let key = deck.showing();
    let slide = move || {
        let _ = key.get();
        if !here.get() {
            return view! { <GoneNotice message=GONE /> }.into_any();
        }
        let (at, list) = untrack(|| deck.at());
        // Drawn afresh for each slide, so each opens at its top; it scrolls
        // (by the keyboard too, once focused) when taller than the screen.
        list.get(at)
            .cloned()
            .map(|slide| {
                view! {
                    <div class="slide-area" tabindex="0" role="region" aria-label="Slide" node_ref=area>
                        <SlideView deck=deck slide=slide />
                    </div>
                }
            })
            .into_any()
    };
    let count = move || deck.label();
    // At either end, the button that would leave the deck says it cannot.
    let (at_first, at_last) = deck.ends();
    let notes_message = RwSignal::new(None::<&'static str>);
    let notes = Route::Notes { session: session.clone() }.to_query();
    let open_notes = move |_| {
        if !share::open_window(&notes, NOTES_WINDOW) {
            notes_message.set(Some("Your browser blocked the notes window. Open the trainer's screen in another window and choose \u{201c}Speaker notes\u{201d}."));
        }
    };
    let close = move |e: leptos::ev::MouseEvent| {
        e.prevent_default();
        state.replace(back.clone());
    };
    view! {
        <section class="page deck" id="deck" aria-label="Slides" tabindex="-1" node_ref=deck_ref
            on:pointerdown=swipe_start on:pointerup=swipe_end>
            <link rel="stylesheet" href=SLIDES_STYLESHEET />
            {slide}
            <nav class="deck-controls" aria-label="Move through the slides" hidden=move || !here.get()>
                <button type="button" class="button button-secondary" aria-disabled=at_first on:click=move |_| deck.step(-1)>"Previous"</button>
                <p class="slide-count" role="status">{count}</p>
                <button type="button" class="button button-primary" aria-disabled=at_last on:click=move |_| deck.step(1)>"Next"</button>
                <button type="button" class="button button-secondary" on:click=open_notes>"Speaker notes"</button>
                {share::full_screen_available().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| { share::full_screen("deck"); }>"Full screen"</button>
                })}
                <a href=Route::Trainer { session: Some(session) }.to_query() class="button button-secondary" on:click=close>"Close"</a>
                {move || notes_message.get().map(|m| view! { <p class="notice">{m}</p> })}
            </nav>
        </section>
    }
    .into_any()
}
