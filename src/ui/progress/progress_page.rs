//! Your progress: the streak, what is due for a refresher, mastery for each
//! topic, scores over time, and the backup tools.

use std::sync::Arc;

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::platform::clock;
use crate::quiz::content::bank::Bank;
use crate::quiz::content::learn::Bar;
use crate::quiz::learner::draw::QUIZ_LENGTH;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::Mode;
use crate::quiz::run::attempt::QuizKind;
use crate::quiz::run::quiz_names::start_label;
use crate::quiz::saved::store::Store;
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::isolated;
use crate::ui::learn::html_text::bar_chart;
use crate::ui::state::use_app;
use crate::ui::{BackupPanel, NavLink};

/// Quizzes the score chart shows, the most recent.
const RECENT_QUIZZES: usize = 10;

/// The charts, written once as text (see html_text.rs). Both are on a 0 to
/// 100% axis: mastery of each topic (see [`crate::quiz::learner::progress::Progress::mastery`]),
/// then each of the last [`RECENT_QUIZZES`] quizzes as a bar labelled with its
/// day and what it was, oldest first, one row each, so the chart is the same
/// size whether there are two quizzes or ten.
fn summary_html(bank: &Bank, store: &Store, today: i64) -> String {
    let progress = &store.progress;
    let mut out = String::new();
    let mastery: Vec<Bar> = bank
        .topics
        .iter()
        .map(|topic| Bar::new(topic.title.clone(), i64::from(progress.mastery(topic.questions.iter().map(|q| q.id.as_str()), today))))
        .collect();
    bar_chart(&mut out, "How well you know each topic: questions answered right, fading as time passes", "%", &mastery);
    let attempts = store.attempts_oldest_first();
    let recent: Vec<Bar> = attempts
        .iter()
        .rev()
        .take(RECENT_QUIZZES)
        .rev()
        .map(|(_, a)| {
            let day = format_day(a.finished_at_ms, clock::offset_then(a.finished_at_ms, a.offset_minutes));
            Bar::new(format!("{day} \u{b7} {}", isolated(&a.title)), i64::from(a.score.percent()))
        })
        .collect();
    if !recent.is_empty() {
        let title = match recent.len() {
            1 => "Your quiz score".to_string(),
            n => format!("Your last {n} quiz scores, oldest first"),
        };
        bar_chart(&mut out, &title, "%", &recent);
    }
    out
}

/// How many finished quizzes Progress lists, newest first.
const FINISHED_LISTED: usize = 20;

/// Your progress (`?view=progress`): streak, refresher, mastery by topic,
/// recent scores, finished quizzes and the backup; `on_home` goes home.
#[component]
pub fn ProgressPage(bank: Arc<Bank>, on_home: Callback<()>) -> impl IntoView {
    let state = use_app();
    let store = state.store;
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    // Today follows the clock while the screen stays open (`AppState::day`).
    let day = state.day;
    let bank_for_summary = bank.clone();
    let bank_for_backup = bank.clone();
    let summary = move || store.with(|s| summary_html(&bank_for_summary, s, day.get()));
    let streak = move || {
        store.with(|s| match s.progress.streak(day.get()) {
            0 => "Practise today to start a streak.".to_string(),
            1 => "You have practised 1 day in a row.".to_string(),
            n => format!("You have practised {n} days in a row."),
        })
    };
    let due = move || store.with(|s| s.due_for_refresher(&bank, day.get()));
    let on_review = move |_| state.start(QuizKind::Review);
    // Every finished quiz kept, newest first: its results, and a completion
    // record made from it at any time, not only on leaving the quiz.
    let finished = move || {
        store.with(|s| {
            let attempts = s.attempts_oldest_first();
            attempts
                .into_iter()
                .rev()
                .take(FINISHED_LISTED)
                .map(|(id, a)| {
                    let day = format_day(a.finished_at_ms, clock::offset_then(a.finished_at_ms, a.offset_minutes));
                    let line = format!("{}, {day}: {} out of {}", isolated(&a.title), a.score.correct, a.score.total);
                    let (results, record) =
                        (Route::Results { attempt: Some(id.to_owned()) }, Route::NewRecord { attempt: Some(id.to_owned()) });
                    view! {
                        <li>
                            <NavLink route=results class="card-link">{line}</NavLink>
                            <NavLink route=record class="link-button">"Make a completion record"</NavLink>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let any_finished = move || store.with(|s| s.last_attempt().is_some());
    view! {
        <section class="page progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading" tabindex="-1" node_ref=heading_ref>"Your progress"</h2>
            <p class="streak">{streak}</p>
            <h3>"Refresher"</h3>
            {move || match due() {
                0 => view! { <p>"Nothing needs a refresher today."</p> }.into_any(),
                n => view! {
                    <p>"Questions you have answered before, back just as you might start to forget them."</p>
                    <button type="button" class="button button-primary" on:click=on_review>{start_label(&Mode::Review, n.min(QUIZ_LENGTH))}</button>
                }.into_any(),
            }}
            <div class="progress-summary" inner_html=summary></div>
            {move || any_finished().then(|| view! {
                <h3 id="finished-heading">"Your finished quizzes"</h3>
                <p class="hint">"Open one to see its answers, or make a completion record of it for your CPD."</p>
                <ul class="card-list finished-list" aria-labelledby="finished-heading">{finished}</ul>
            })}
            <BackupPanel bank=bank_for_backup />
            <button type="button" class="button button-secondary" on:click=move |_| on_home.run(())>"Back to home"</button>
        </section>
    }
}
