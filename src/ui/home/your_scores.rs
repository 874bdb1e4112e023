//! Home's "Your scores": the last and best scores of the quick check and
//! the full assessment, each with the day it was finished.

use leptos::prelude::*;

use crate::platform::clock;
use crate::quiz::answering::scoring::Score;
use crate::quiz::learner::progress::ModeKey;
use crate::quiz::links::route::Route;
use crate::quiz::run::finished::ScoreRecord;
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::isolated;
use crate::ui::state::use_app;
use crate::ui::NavLink;

/// "9 out of 10 (90%) on 3 November 2026": the day it was finished where the phone was then.
fn describe(score: Score, finished_at_ms: u64, offset_minutes: Option<i64>) -> String {
    format!(
        "{} out of {} ({}%) on {}",
        score.correct,
        score.total,
        score.percent(),
        format_day(finished_at_ms, clock::offset_then(finished_at_ms, offset_minutes))
    )
}

/// The modes whose scores home shows, with their names on screen.
const SCORED_MODES: [(ModeKey, &str); 2] = [(ModeKey::Quick, "Quick check"), (ModeKey::Assessment, "Full assessment")];

/// One mode's scores as home shows them: its name, then its last and best
/// score described (`"9 out of 10 (90%) on 3 Nov 2026"`).
#[derive(Debug, Clone, PartialEq)]
struct ModeScores {
    name: &'static str,
    last: String,
    best: Option<String>,
}

fn described(score: &ScoreRecord) -> String {
    describe(score.score(), score.finished_at_ms, score.offset_minutes)
}

/// "Your scores": the last and best score of each mode tried (or that none
/// is finished yet), and the way to the finished quizzes; takes nothing,
/// reading the store.
#[component]
pub fn YourScores() -> impl IntoView {
    let store = use_app().store;
    // The quick check's and full assessment's scores, for the modes tried.
    let scores = Memo::new(move |_| {
        store.with(|s| {
            SCORED_MODES
                .iter()
                .filter_map(|(key, name)| {
                    let last = s.last_for(key)?;
                    Some(ModeScores { name, last: described(&last), best: s.best_for(key).as_ref().map(described) })
                })
                .collect::<Vec<_>>()
        })
    });
    let any_finished = move || store.with(|s| s.attempts.live_count() > 0 || !s.progress.archive.entries().is_empty());
    view! {
        <section class="scores" aria-labelledby="scores-heading">
            <h2 id="scores-heading">"Your scores"</h2>
            {move || {
                let scores = scores.get();
                if scores.is_empty() {
                    let message = if any_finished() {
                        "You have not finished a quick check or a full assessment yet."
                    } else {
                        "You have not finished a quiz yet."
                    };
                    return view! { <p>{message}</p> }.into_any();
                }
                scores.into_iter().map(|ModeScores { name, last, best }| view! {
                    <h3>{isolated(name)}</h3>
                    <dl class="score-list">
                        <div><dt>"Last score"</dt><dd>{last}</dd></div>
                        {best.map(|best| view! { <div><dt>"Best score"</dt><dd>{best}</dd></div> })}
                    </dl>
                }).collect_view().into_any()
            }}
            <p class="small">"Scores are kept on this device only."</p>
            {move || any_finished().then(|| view! {
                <NavLink route=Route::Progress class="link-button">
                    "Your finished quizzes, and completion records from them"
                </NavLink>
            })}
        </section>
    }
}
