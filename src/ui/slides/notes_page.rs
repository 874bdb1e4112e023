//! The presenter's view: the slide showing and its speaker notes (drawn
//! from the seed's learning points and the cards' questions), the next
//! slide, the time used, the group work's timer, and Previous and Next. In a
//! second window beside the slides, a move in either shows in both. On the
//! trainer's phone (the session opened there from its session link) it
//! keeps its own place: two devices with no network between them cannot
//! follow each other, and the page says so.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::platform::share;
use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::quiz::room::presenting::{time_used_text, Slide};
use crate::ui::common::focus::focus_when_shown;
use crate::ui::learn::html_text::{notes_html, slide_text};
use crate::ui::slides::deck::{ticking_now, Deck, SLIDES_STYLESHEET};
use crate::ui::slides::group_timer::GroupTimerPanel;
use crate::ui::slides::slides_page::GONE;
use crate::ui::{GoneNotice, NavLink};

/// The name of the slides' window, so opening it again brings it forward.
const SLIDES_WINDOW: &str = "safeguarding-slides";

/// The presenter's view of trainer session `session` (its quiz id).
#[component]
pub fn NotesPage(bank: Arc<Bank>, session: String) -> impl IntoView {
    let deck = Deck::new(bank, session.clone());
    if deck.session().is_none() {
        return view! { <GoneNotice message=GONE /> }.into_any();
    }
    // The session cleared while its notes show (in another tab): said in their place.
    let here = deck.here();
    let (at_first, at_last) = deck.ends();
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    deck.listen_for_keys(None);
    let (swipe_start, swipe_end) = deck.swipe();
    let now = ticking_now();
    let key = deck.showing();
    let current = move || {
        let _ = key.get();
        if !here.get() {
            return Some(view! { <p class="notice" role="status">{GONE}</p> }.into_any());
        }
        let (at, list) = untrack(|| deck.at());
        let slide = list.get(at)?.clone();
        let next = list.get(at + 1).map_or("This is the last slide.".to_string(), |n| format!("Next: {}", n.title()));
        // The next slide itself, small, for a text slide.
        let preview = list.get(at + 1).map(|n| slide_text(n, &deck.bank())).filter(|html| !html.is_empty());
        let notes = notes_html(own_notes(&slide), &slide.notes());
        let is_group_work = matches!(slide, Slide::GroupWork(_));
        Some(
            view! {
                <p class="notes-slide" role="status">{untrack(|| deck.label())}</p>
                {is_group_work.then(|| view! { <GroupTimerPanel deck=deck compact=true /> })}
                <div class="notes-body" inner_html=notes></div>
                <p class="notes-next">{next}</p>
                {preview.map(|html| view! { <div class="next-preview" inner_html=html></div> })}
            }
            .into_any(),
        )
    };
    let slides = Route::Slides { session: session.clone() }.to_query();
    let slides_message = RwSignal::new(None::<&'static str>);
    let open_slides = move |_| {
        if !share::open_window(&slides, SLIDES_WINDOW) {
            slides_message.set(Some("Your browser blocked the slides' window. Open the trainer's screen in another window and choose \u{201c}Present the session\u{201d}."));
        }
    };
    view! {
        <section class="page notes-view" aria-labelledby="notes-heading" on:pointerdown=swipe_start on:pointerup=swipe_end>
            <link rel="stylesheet" href=SLIDES_STYLESHEET />
            <h2 id="notes-heading" tabindex="-1" node_ref=heading_ref>"Speaker notes"</h2>
            <p class="time-used">{move || format!("Time used: {}", time_used_text(deck.presentation().time_used_ms(now.get())))}</p>
            <div class="button-group notes-move" hidden=move || !here.get()>
                <button type="button" class="button button-secondary" aria-disabled=at_first on:click=move |_| deck.step(-1)>"Previous"</button>
                <button type="button" class="button button-primary" aria-disabled=at_last on:click=move |_| deck.step(1)>"Next"</button>
            </div>
            {current}
            <h3>"The slides"</h3>
            <p>"Show the slides on the projector in a window of their own: a move here moves them too, in this browser. On a phone of your own, open this session's link (from \u{201c}The session link\u{201d} on the trainer's screen) and choose \u{201c}Speaker notes\u{201d}: with no network between them, the phone keeps its own place, so move both."</p>
            <div class="button-group">
                <button type="button" class="button button-secondary" on:click=open_slides>"Open the slides in a new window"</button>
                <NavLink route=Route::Trainer { session: Some(session) } class="button button-secondary">"Back to the session"</NavLink>
            </div>
            {move || slides_message.get().map(|m| view! { <p class="notice" role="status">{m}</p> })}
        </section>
    }
    .into_any()
}

/// What to say on the slides that are the app's own, not the seed's.
fn own_notes(slide: &Slide) -> Option<&'static str> {
    match slide {
        Slide::Title(_) => Some("Welcome the group. The aims of the session come next."),
        Slide::JoinQuiz => Some("Ask everyone to scan the code with their phone's camera, or to open the app and type the code. The quiz works offline. At the end, each learner shows you their result's QR code: scan each one with the device that holds this session."),
        Slide::Debrief => Some("The results collected on this device so far. It fills in as you scan each learner's result."),
        Slide::CareLine => Some("Close with where to turn: some in the room will have worked on such cases."),
        Slide::Card(_) | Slide::Animation(_) | Slide::GroupWork(_) => None,
    }
}
