//! "Your sessions": every session made on this device, newest first, each
//! a link to its QR code with what it asks and the results counted so far.

use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::clock;
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::route::Route;
use crate::quiz::saved::store::TrainerSession;
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::{isolated, plural};
use crate::ui::state::use_app;
use crate::ui::trainer::session_labels::{session_effort, session_title};
use crate::ui::{unbroken, NavLink};

/// How many results `results` (each session's id and count) holds for session `id` (tracked).
pub fn results_for(results: Memo<Vec<(String, usize)>>, id: &str) -> usize {
    results.with(|c| c.iter().find(|(q, _)| q == id).map_or(0, |(_, n)| *n))
}

/// The sessions kept on this device, newest first, with `current` (the
/// one shown above) marked, and the results counted for each (`results`);
/// nothing while there are none. `bank` gives their questions.
#[component]
pub fn SessionList(bank: Arc<Bank>, current: Option<String>, results: Memo<Vec<(String, usize)>>) -> impl IntoView {
    let state = use_app();
    move || -> Option<AnyView> {
        let sessions: Vec<(String, TrainerSession)> =
            state.store.with(|s| s.sessions.newest_first().into_iter().map(|(id, t)| (id.to_owned(), t.clone())).collect());
        (!sessions.is_empty()).then(|| {
            let items = sessions
                .into_iter()
                .map(|(id, t)| {
                    let is_current = current.as_deref() == Some(id.as_str());
                    let n = results_for(results, &id);
                    let details = format!(
                        "{} · made {} · {}",
                        session_effort(session_questions(&bank, &t.spec).len(), &t.spec),
                        format_day(t.made_at_ms, clock::offset_at(t.made_at_ms)),
                        plural(n, "result", "results")
                    );
                    view! {
                        <li class:current=is_current>
                            <NavLink route=Route::Trainer { session: Some(id) } class="card-link">
                                <span class="card-title">{unbroken(isolated(&session_title(&t.spec)))}</span>
                                <span class="card-meta">{details}</span>
                                {is_current.then(|| view! { <span class="card-meta">"Shown above"</span> })}
                            </NavLink>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="sessions" aria-labelledby="sessions-heading">
                    <h3 id="sessions-heading">"Your sessions"</h3>
                    <p class="hint">"Kept on this device. Each keeps its own link, QR code and debrief."</p>
                    <ul class="card-list session-list">{items}</ul>
                    <NavLink route=Route::Debrief { quiz: None } class="button button-secondary">
                        "Every debrief on this device"
                    </NavLink>
                </section>
            }
            .into_any()
        })
    }
}
