//! The group debrief, built on the trainer's phone from learners' result
//! links (opened from a scanned QR code or a message): responses, passes at
//! the session's pass mark, the average and the spread of scores, the
//! questions most missed with their explanations, and every question's
//! count of right answers, ready to project.

use std::sync::Arc;

use crate::ui::common::focus::focus_when_shown;
use crate::ui::common::projector_view::hold_projector_view;
use crate::ui::common::tap_guard::TapGuard;
use crate::ui::common::undo::{Removed, Undo};
use leptos::prelude::*;

use crate::platform::share;
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::link::QuizResult;
use crate::quiz::links::route::Route;
use crate::quiz::text::wording::{isolated, plural};
use crate::ui::state::use_app;
use crate::ui::trainer::debrief_summary::summary_view;
use crate::ui::trainer::session_labels::{session_effort, session_title};
use crate::ui::{unbroken, NavLink};

/// The group debrief of trainer quiz `quiz` (its id), or the list of every
/// debrief on this device; `notice` is said once after a result link was
/// opened, and `projected` shows it for a projector.
#[component]
pub fn DebriefPage(
    bank: Arc<Bank>,
    quiz: Option<String>,
    /// Said once, when a result link has just been opened.
    notice: Option<String>,
    /// Full screen for a projector (`Route::Projector`): everything larger,
    /// the site's header hidden, no names, and nothing to press but full
    /// screen and leave.
    #[prop(optional)]
    projected: bool,
    /// A slide of the presented session (`Route::Slides`): projected, with
    /// its heading shown, and the deck's own controls and keys in charge.
    #[prop(optional)]
    in_deck: bool,
) -> impl IntoView {
    // Sized for the room: its own projector view, or a slide.
    let large = projected || in_deck;
    let state = use_app();
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    // A slide leaves focus on the deck's controls, so Next can be pressed again.
    if !in_deck {
        focus_when_shown(heading_ref);
    }
    let tally = Memo::new(move |_| state.store.with(|s| s.tally()));
    let message = RwSignal::new(notice);
    // The results just cleared, for Undo.
    let cleared = Removed::<Vec<QuizResult>>::new();
    // Clearing puts Undo where "Clear this debrief" was: the second tap of a
    // double tap must not undo it at once.
    let guard = TapGuard::new();
    let on_clear = move |id: String| {
        guard.raise();
        if let Some(removed) = state.change(|s, now| s.clear_debrief(&id, now)) {
            message.set(Some(format!("The debrief was cleared: {} removed.", plural(removed.len(), "result", "results"))));
            cleared.hold(removed);
        }
    };
    let undo = move || {
        guard.raise();
        if let Some(removed) = cleared.take() {
            state.change(|s, now| s.restore_results(removed, now));
            message.set(Some("The debrief is back.".into()));
        }
    };
    // On a projector: every size larger and the site's header hidden
    // (`.projecting` on <html>, gone with the screen); Escape leaves.
    let back = Route::Debrief { quiz: quiz.clone() };
    if projected {
        hold_projector_view("projecting", back.clone());
    }
    let session_here = {
        let quiz = quiz.clone();
        Memo::new(move |_| quiz.as_ref().and_then(|id| state.store.with(|s| s.sessions.get(id).map(|t| t.spec.clone()))))
    };
    let body = move || {
        let quiz = quiz.clone();
        tally.with(|t| {
            let from_results = quiz.as_deref().and_then(|id| t.results.iter().find(|r| r.spec.id() == id)).map(|r| r.spec.clone());
            match (from_results, session_here.get()) {
                (Some(spec), made_here) => {
                    // The same draw as the learners' phones made from the link's seed.
                    let questions = session_questions(&bank, &spec);
                    let quiz_id = spec.id();
                    let Some(summary) = t.summary(&quiz_id, questions.len() as u32) else { return ().into_any() };
                    if large {
                        return view! { <div class="debrief-body">{summary_view(&summary, &questions, true)}</div> }.into_any();
                    }
                    view! {
                        <NavLink route=Route::Projector { quiz: quiz_id.clone() } class="button button-secondary">
                            "Show on the projector"
                        </NavLink>
                        <div class="debrief-body">{summary_view(&summary, &questions, false)}</div>
                        <div class="button-group">
                            {made_here.is_some().then(|| view! {
                                <NavLink route=Route::Trainer { session: Some(quiz_id.clone()) } class="button button-secondary">
                                    "This session's QR code"
                                </NavLink>
                            })}
                            <button type="button" class="button button-secondary" on:click=move |_| on_clear(quiz_id.clone())>
                                "Clear this debrief"
                            </button>
                        </div>
                    }
                    .into_any()
                }
                // A session made here with no results yet: say so, under its own
                // title; on the projector in words for the room, with nothing to press.
                (None, Some(spec)) => view! {
                    <h3>{unbroken(session_title(&spec))}</h3>
                    <p class="session-effort">{session_effort(session_questions(&bank, &spec).len(), &spec)}</p>
                    {if large {
                        view! { <p>"No results yet. They appear here as the trainer collects them."</p> }.into_any()
                    } else {
                        view! {
                            <p>"No results yet for this session. At the end of the quiz, scan each learner's result QR code with this phone's camera, or open the result links they send you."</p>
                            <NavLink route=Route::Trainer { session: Some(spec.id()) } class="button button-secondary">
                                "This session's QR code"
                            </NavLink>
                        }
                        .into_any()
                    }}
                }
                .into_any(),
                // On the projector, with nothing here to show: say how to bring the session here.
                (None, None) if large => view! {
                    <p>"This device has no results for this session. To show them here, open the session link from the trainer's screen on this device."</p>
                }
                .into_any(),
                (None, None) => {
                    let quizzes = t.quizzes();
                    let asked_for = quiz.is_some().then(|| view! { <p class="notice">"There are no results for that session on this device."</p> });
                    if quizzes.is_empty() {
                        view! {
                            {asked_for}
                            <p>"No results yet. At the end of the quiz, scan each learner's result QR code with this phone's camera, or open the result links they send you."</p>
                        }
                        .into_any()
                    } else {
                        view! {
                            {asked_for}
                            <ul class="card-list">
                                {quizzes.into_iter().map(|(id, spec, count)| view! {
                                    <li>
                                        <NavLink route=Route::Debrief { quiz: Some(id) } class="card-link">
                                            {format!("{} ({})", isolated(&session_title(&spec)), plural(count, "result", "results"))}
                                        </NavLink>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                }
            }
        })
    };
    let leave = {
        let back = back.clone();
        move |e: leptos::ev::MouseEvent| {
            e.prevent_default();
            state.replace(back.clone());
        }
    };
    let controls = projected.then(|| {
        view! {
            <div class="button-group present-controls">
                {share::full_screen_available().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| { share::full_screen("debrief"); }>"Full screen"</button>
                })}
                <a href=back.to_query() class="button button-secondary" on:click=leave>"Leave the projector view"</a>
            </div>
        }
    });
    let links = (!large).then(|| {
        view! {
            <NavLink route=Route::Trainer { session: None } class="button button-secondary">"Run a session"</NavLink>
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        }
    });
    view! {
        <section class="page debrief" id="debrief" aria-labelledby="debrief-heading" class:projected=large
            data-settling=move || guard.settling().get().then_some("")
            on:click:capture=guard.on_click()
            on:mousedown:capture=guard.on_mousedown()>
            {controls}
            <h2 id="debrief-heading" tabindex="-1" node_ref=heading_ref class:visually-hidden=projected>"Group debrief"</h2>
            <div role="status">
                {move || message.get().map(|n| view! { <p class="notice">{n}</p> })}
                {move || cleared.is_held().then(|| view! {
                    <Undo button=cleared.button() class="button button-secondary" on_undo=undo />
                })}
            </div>
            {body}
            {links}
        </section>
    }
}
