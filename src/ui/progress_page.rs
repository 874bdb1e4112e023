//! Your progress: the streak, what is due for a refresher, mastery for each
//! topic, scores over time, and the backup tools.

use std::sync::Arc;

use leptos::{html, prelude::*};

use super::html_text::{bar_chart, score_chart};
use super::BackupPanel;
use crate::platform::clock;
use crate::quiz::bank::Bank;
use crate::quiz::learn::Bar;
use crate::quiz::progress::Progress;
use crate::quiz::wording::{format_day, local_day};

/// The charts and lists, written once as text (see html_text.rs).
fn summary_html(bank: &Bank, progress: &Progress, today: i64, offset: i64) -> String {
    let mut out = String::new();
    let mastery: Vec<Bar> = bank
        .topics
        .iter()
        .map(|topic| {
            let mastered = progress.mastered(topic.questions.iter().map(|q| q.id.as_str()), today);
            Bar { label: topic.title.clone(), value: (mastered * 100 / topic.questions.len().max(1)) as i64 }
        })
        .collect();
    bar_chart(&mut out, "Mastered in each topic: answered right and not yet due again", "%", &mastery);
    let recent: Vec<(String, u32)> =
        progress.attempts.iter().rev().take(20).rev().map(|a| (format_day(a.finished_at_ms, offset), a.score.percent())).collect();
    if !recent.is_empty() {
        score_chart(&mut out, "Your last quizzes, as a percentage, oldest first", &recent);
    }
    out
}

#[component]
pub fn ProgressPage(
    bank: Arc<Bank>,
    progress: RwSignal<Progress>,
    on_review: Callback<()>,
    on_home: Callback<()>,
    on_replace: Callback<Progress>,
    on_merge: Callback<Progress>,
    on_clear: Callback<()>,
) -> impl IntoView {
    let heading_ref = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading_ref.get() {
            let _ = heading.focus();
        }
    });
    let offset = clock::local_offset_minutes();
    let today = local_day(clock::now_ms(), offset);
    let bank_for_summary = bank.clone();
    let bank_for_backup = bank.clone();
    let summary = move || progress.with(|p| summary_html(&bank_for_summary, p, today, offset));
    let streak = move || {
        progress.with(|p| match p.streak(today) {
            0 => "Practise today to start a streak.".to_string(),
            1 => "You have practised 1 day in a row.".to_string(),
            n => format!("You have practised {n} days in a row."),
        })
    };
    let due = move || progress.with(|p| p.due(today).into_iter().filter(|id| bank.question(id).is_some()).count());
    view! {
        <section class="page progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading" tabindex="-1" node_ref=heading_ref>"Your progress"</h2>
            <p class="streak">{streak}</p>
            <h3>"Due for a refresher"</h3>
            {move || match due() {
                0 => view! { <p>"Nothing is due today. Well done."</p> }.into_any(),
                n => view! {
                    <p>{format!("{n} question{} {} due for a refresher.", if n == 1 { "" } else { "s" }, if n == 1 { "is" } else { "are" })}</p>
                    <button type="button" class="button button-primary" on:click=move |_| on_review.run(())>"Start spaced review"</button>
                }.into_any(),
            }}
            <div class="progress-summary" inner_html=summary></div>
            <BackupPanel bank=bank_for_backup progress=progress on_replace=on_replace on_merge=on_merge on_clear=on_clear />
            <button type="button" class="button button-secondary" on:click=move |_| on_home.run(())>"Back to home"</button>
        </section>
    }
}
