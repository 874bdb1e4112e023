//! The group debrief, built on the trainer's phone from learners' result
//! links: how many responded, the average, and the questions most missed,
//! with their explanations, ready to project.

use std::sync::Arc;

use super::focus::focus_after_render;
use leptos::prelude::*;

use super::state::use_app;
use super::NavLink;
use crate::quiz::bank::Bank;
use crate::quiz::draw::link_questions;
use crate::quiz::link::QuizResult;
use crate::quiz::rng::SeededRng;
use crate::quiz::route::Route;

#[component]
pub fn DebriefPage(
    bank: Arc<Bank>,
    quiz: Option<String>,
    /// Said once, when a result link has just been opened.
    notice: Option<String>,
    on_navigate: Callback<Route>,
) -> impl IntoView {
    let state = use_app();
    let tally = Memo::new(move |_| state.store.with(|s| s.tally()));
    let message = RwSignal::new(notice);
    // The results just cleared, for Undo.
    let cleared = RwSignal::new(None::<Vec<QuizResult>>);
    let undo_ref = NodeRef::<leptos::html::Button>::new();
    let on_clear = move |id: String| {
        if let Some(removed) = state.change(|s, now| s.clear_debrief(&id, now)) {
            message.set(Some(format!(
                "The debrief was cleared: {} result{} removed.",
                removed.len(),
                if removed.len() == 1 { "" } else { "s" }
            )));
            cleared.set(Some(removed));
            // The button pressed has gone: focus goes to Undo.
            focus_after_render(undo_ref);
        }
    };
    let undo = move |_| {
        if let Some(removed) = cleared.get_untracked() {
            state.change(|s, now| s.restore_results(removed, now));
            cleared.set(None);
            message.set(Some("The debrief is back.".into()));
        }
    };
    let body = move || {
        let quiz = quiz.clone();
        tally.with(|t| match quiz.as_deref().and_then(|id| t.summary(id)) {
            Some(summary) => {
                // The same draw as the learners' phones made from the link's seed.
                let questions = link_questions(&bank, &summary.spec, &mut SeededRng::new(u64::from(summary.spec.seed)));
                let quiz_id = summary.spec.id();
                let missed = summary
                    .most_missed
                    .iter()
                    .take(5)
                    .filter_map(|&(position, count)| {
                        let question = questions.get(position as usize)?;
                        let answer = question.kind.right_answer(None).summary();
                        Some(view! {
                            <li>
                                <p class="missed-count">{format!("Missed by {count} of {}", summary.responded)}</p>
                                <p class="missed-prompt">{question.prompt.clone()}</p>
                                <p>"Answer: " <strong>{answer}</strong></p>
                                <p>{question.explanation.clone()}</p>
                                <p class="source">"Source: " {question.source.clone()}</p>
                            </li>
                        })
                    })
                    .collect_view();
                view! {
                    <h3>{summary.spec.title.clone().unwrap_or_else(|| "Your quiz".into())}</h3>
                    <dl class="debrief-figures">
                        <div><dt>"Responded"</dt><dd>{summary.responded}</dd></div>
                        <div><dt>"Average score"</dt><dd>{format!("{}%", summary.average_percent)}</dd></div>
                    </dl>
                    {(!summary.names.is_empty()).then(|| view! { <p>"From: " {summary.names.join(", ")}</p> })}
                    <h3>"Most missed"</h3>
                    {if summary.most_missed.is_empty() {
                        view! { <p>"Nobody missed a question. Well done, everyone."</p> }.into_any()
                    } else {
                        view! { <ol class="missed">{missed}</ol> }.into_any()
                    }}
                    <button type="button" class="button button-secondary" on:click=move |_| on_clear(quiz_id.clone())>
                        "Clear this debrief"
                    </button>
                }
                .into_any()
            }
            None => {
                let quizzes = t.quizzes();
                if quizzes.is_empty() {
                    view! { <p>"No results yet. When learners send you their result links, open each one on this device."</p> }.into_any()
                } else {
                    view! {
                        <ul class="card-list">
                            {quizzes.into_iter().map(|(id, spec, count)| view! {
                                <li>
                                    <NavLink route=Route::Debrief { quiz: Some(id) } on_navigate=on_navigate class="card-link">
                                        {format!("{} ({count} result{})", spec.title.unwrap_or_else(|| "Untitled quiz".into()), if count == 1 { "" } else { "s" })}
                                    </NavLink>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="page debrief" aria-labelledby="debrief-heading">
            <h2 id="debrief-heading">"Group debrief"</h2>
            <div role="status">
                {move || message.get().map(|n| view! { <p class="notice">{n}</p> })}
                {move || cleared.get().is_some().then(|| view! {
                    <button type="button" class="button button-secondary" node_ref=undo_ref on:click=undo>"Undo"</button>
                })}
            </div>
            {body}
            <NavLink route=Route::Trainer on_navigate=on_navigate class="button button-secondary">"Run a session"</NavLink>
            <NavLink route=Route::Home on_navigate=on_navigate class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
