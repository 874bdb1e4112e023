//! The home screen: what this is, one button to start, and the scores so far.

use leptos::prelude::*;

use crate::platform::clock;
use crate::quiz::wording::format_day;
use crate::quiz::progress::{Attempt, Progress};

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
pub fn HomePage(progress: RwSignal<Progress>, on_start: Callback<()>) -> impl IntoView {
    let last = move || progress.with(|p| p.last.as_ref().map(describe));
    let best = move || progress.with(|p| p.best.as_ref().map(describe));

    view! {
        <section class="page" aria-labelledby="home-heading">
            <h2 id="home-heading">"Check what you know"</h2>
            <p>
                "Ten questions on the 10 Principles for learning from serious child "
                "safeguarding incidents. Each answer comes with a short explanation."
            </p>
            <button type="button" class="button button-primary" on:click=move |_| on_start.run(())>
                "Start quiz"
            </button>
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
