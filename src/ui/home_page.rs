//! The home screen: what this is, one button to start, a topic to practise,
//! and the scores so far.

use leptos::prelude::*;

use super::app::{QuizRequest, ASSESSMENT_LENGTH, QUIZ_LENGTH};
use crate::platform::clock;
use crate::quiz::progress::Mode;
use crate::quiz::progress::{Attempt, Progress};
use crate::quiz::session::PASS_MARK;
use crate::quiz::wording::format_day;

fn describe(attempt: &Attempt) -> String {
    let score = attempt.score;
    format!(
        "{} out of {} ({}%) on {}",
        score.correct,
        score.total,
        score.percent(),
        format_day(attempt.finished_at_ms, clock::local_offset_minutes())
    )
}

#[component]
pub fn HomePage(
    progress: RwSignal<Progress>,
    /// (id, title, number of questions) of each topic, once the bank has loaded.
    topics: Signal<Vec<(String, String, usize)>>,
    /// A start was asked for and is waiting for the questions.
    waiting: Signal<bool>,
    /// The questions could not be loaded.
    failed: Signal<bool>,
    /// A quiz was left part-way (the person went elsewhere, or closed the app).
    quiz_in_progress: Signal<bool>,
    /// Questions due for a refresher today.
    due: Signal<usize>,
    /// Questions whose latest answer was wrong.
    mistakes: Signal<usize>,
    on_start: Callback<QuizRequest>,
    on_continue: Callback<()>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let last = move || progress.with(|p| p.last().map(describe));
    let best = move || progress.with(|p| p.best.as_ref().map(describe));
    let chosen_topic = RwSignal::new(String::new());

    view! {
        <section class="page" aria-labelledby="home-heading">
            <h2 id="home-heading">"Check what you know"</h2>
            <p>
                {format!("{QUIZ_LENGTH} questions from across the training: the national picture, the 538 children, ")}
                "the 10 Principles and the Section 11 duty. Each answer comes with a short explanation."
            </p>
            {move || quiz_in_progress.get().then(|| view! {
                <button type="button" class="button button-primary" on:click=move |_| on_continue.run(())>
                    "Continue your quiz"
                </button>
            })}
            <button
                type="button"
                class=move || if quiz_in_progress.get() { "button button-secondary" } else { "button button-primary" }
                on:click=move |_| on_start.run(QuizRequest::new(Mode::Quick, None))
            >
                "Start quiz"
            </button>
            <p class="due-today" role="status">{move || match due.get() {
                0 => String::new(),
                1 => "1 question is due for a refresher today.".to_string(),
                n => format!("{n} questions are due for a refresher today."),
            }}</p>
            <div class="modes">
                {move || (due.get() > 0).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| on_start.run(QuizRequest::new(Mode::Review, None))>
                        {format!("Spaced review ({} due)", due.get())}
                    </button>
                })}
                {move || (mistakes.get() > 0).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| on_start.run(QuizRequest::new(Mode::Mistakes, None))>
                        {format!("Review my mistakes ({})", mistakes.get())}
                    </button>
                })}
                <button type="button" class="button button-secondary" on:click=move |_| on_start.run(QuizRequest::new(Mode::Assessment, None))>
                    "Full assessment"
                </button>
                <p class="small">{format!(
                    "The full assessment has {ASSESSMENT_LENGTH} questions from every topic. You see how you did at the end; {PASS_MARK}% is a pass."
                )}</p>
            </div>
            <div class="load-status" role="status">
                {move || waiting.get().then_some(view! { <p>"Getting the questions ready…"</p> })}
                {move || failed.get().then(|| view! {
                    <div class="notice">
                        <p>"The questions could not be loaded. Check your connection, then try again."</p>
                        <button type="button" class="button button-secondary" on:click=move |_| on_retry.run(())>
                            "Try again"
                        </button>
                    </div>
                })}
            </div>

            <section class="practise" aria-labelledby="practise-heading">
                <h2 id="practise-heading">"Practise one topic"</h2>
                <label class="label" for="topic">"Topic"</label>
                <select
                    id="topic"
                    class="select"
                    prop:value=move || chosen_topic.get()
                    on:change=move |event| chosen_topic.set(event_target_value(&event))
                >
                    <option value="">"Choose a topic"</option>
                    {move || topics.get().into_iter().map(|(id, title, count)| view! {
                        <option value=id>{format!("{title} ({count} questions)")}</option>
                    }).collect_view()}
                </select>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let topic = chosen_topic.get_untracked();
                        if !topic.is_empty() {
                            on_start.run(QuizRequest::new(Mode::Topic, Some(topic)));
                        }
                    }
                >
                    "Practise this topic"
                </button>
            </section>

            <section class="scores" aria-labelledby="scores-heading">
                <h2 id="scores-heading">"Your scores"</h2>
                {move || match (last(), best()) {
                    (Some(last), Some(best)) => view! {
                        <dl class="score-list">
                            <div><dt>"Last score"</dt><dd>{last}</dd></div>
                            <div><dt>"Best score"</dt><dd>{best}</dd></div>
                        </dl>
                    }.into_any(),
                    _ => view! { <p>"You have not finished a quiz yet."</p> }.into_any(),
                }}
                <p class="small">"Scores are kept on this device only."</p>
            </section>
        </section>
    }
}
