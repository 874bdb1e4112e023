//! For trainers: choose the quiz, make its link, and show its QR code to the
//! room; and the list of sessions made on this device, each with its QR
//! code, its debrief and the results counted so far.
//!
//! A session is kept in the store (`Store::sessions`) as soon as its link is
//! made, and the screen shows it at `?view=trainer&quiz=<id>`, so a reload,
//! Back or the next day brings back the same link, seed and QR code. Making
//! the link again with the same settings gives the same session.
//!
//! The session shown is drawn by `session_panel`, the settings by
//! `session_form`, and the sessions kept here by `session_list`.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::platform::clock;
use crate::quiz::content::bank::Bank;
use crate::quiz::links::link::QuizSpec;
use crate::quiz::links::route::Route;
use crate::quiz::room::session_code::SEED_LIMIT;
use crate::quiz::saved::store::TrainerSession;
use crate::ui::common::focus::focus_when_shown;
use crate::ui::state::use_app;
use crate::ui::trainer::session_form::{SessionForm, SessionSettings};
use crate::ui::trainer::session_list::SessionList;
use crate::ui::trainer::session_panel::SessionPanel;
use crate::ui::NavLink;

/// The trainer's screen: the session `session` (a quiz id) with its links,
/// QR codes and session code, the form for a new one, and the sessions
/// kept here; `bank` gives the topics and questions.
#[component]
pub fn TrainerPage(bank: Arc<Bank>, session: Option<String>) -> impl IntoView {
    let state = use_app();
    let shown = {
        let session = session.clone();
        // Without its presentation, which its own part reads: a slide moved in
        // another window does not draw the panel (QR code and all) again.
        Memo::new(move |_| {
            session.as_ref().and_then(|id| {
                state.store.with(|s| s.sessions.get(id).map(|t| (id.clone(), TrainerSession { presentation: None, ..t.clone() })))
            })
        })
    };
    // The form starts from the session shown, so changing one setting is one change.
    let start = shown.get_untracked().map(|(_, t)| t.spec);
    let settings = SessionSettings::new(start.as_ref(), &bank);
    let message = RwSignal::new(String::new());

    let bank_order: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    // The settings as the form stands (seed 0: not yet made).
    let form_spec = Memo::new(move |_| settings.spec(&bank_order));
    // The QR code on screen no longer matches the settings chosen.
    let stale = Memo::new(move |_| shown.with(|s| s.as_ref().is_some_and(|(_, t)| !t.spec.same_settings(&form_spec.get()))));
    let make_link = Callback::new(move |()| {
        let wanted = form_spec.get_untracked();
        // The same settings give the same session: the room keeps one quiz and one debrief.
        let existing =
            state.store.with_untracked(|s| s.sessions.live().find(|(_, t)| t.spec.same_settings(&wanted)).map(|(id, _)| id.to_owned()));
        let id = existing.unwrap_or_else(|| {
            // Below 2^16, so the session has a short code to type (see `session_code`).
            let spec = QuizSpec { seed: (clock::random_seed() % u64::from(SEED_LIMIT)) as u32, ..wanted };
            let id = spec.id();
            state.change(|s, now| s.add_session(spec, now));
            state.save_now();
            id
        });
        // From the empty form, a new entry, so Back returns to it; from a
        // session shown, in its place, so Back does not step through each link made.
        let to = Route::Trainer { session: Some(id) };
        if shown.with_untracked(Option::is_some) {
            state.replace(to);
        } else {
            state.navigate(to);
        }
    });
    let results_counts =
        Memo::new(move |_| state.store.with(|s| s.tally().quizzes().into_iter().map(|(id, _, n)| (id, n)).collect::<Vec<_>>()));

    let heading_ref = NodeRef::<html::H3>::new();
    if session.is_some() {
        focus_when_shown(heading_ref);
    }
    let bank_for_panel = bank.clone();
    let panel = move || {
        shown.get().map(|(id, t)| {
            view! {
                <SessionPanel
                    id=id
                    session=t
                    bank=bank_for_panel.clone()
                    stale=stale
                    message=message
                    heading_ref=heading_ref
                    results=results_counts
                />
            }
        })
    };
    let sessions_list = {
        let bank = bank.clone();
        let current = session.clone();
        move || view! { <SessionList bank=bank.clone() current=current.clone() results=results_counts /> }
    };

    // A session asked for by its address that is not on this device.
    let missing = session.is_some() && shown.get_untracked().is_none();
    view! {
        <section class="page trainer" aria-labelledby="trainer-heading">
            <h2 id="trainer-heading">"Run a session"</h2>
            <p>"Make one link for your group. Show its QR code on the projector, or send the link. Every phone gets the same quiz, and it works offline once opened."</p>
            {missing.then(|| view! {
                <p class="notice" role="status">"That session is not on this device: sessions are kept on the phone or computer that made them. On that device, copy \u{201c}The session link\u{201d} and open it here."</p>
            })}
            {panel}
            // Coming back another day: the sessions first, above the empty form.
            {
                let list = sessions_list.clone();
                move || shown.with(Option::is_none).then(&list)
            }
            <h3>{move || if shown.with(Option::is_some) { "Change the settings" } else { "Make a new session" }}</h3>
            <SessionForm bank=bank settings=settings stale=stale on_make=make_link />
            {move || shown.with(Option::is_some).then(&sessions_list)}
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
