//! The home screen: what this is, one button to start, a topic to practise,
//! and the scores so far.

use super::focus::focus_after_render;
use leptos::prelude::*;

use super::state::{today, use_app, BankState};
use crate::platform::clock;
use crate::quiz::draw::{ASSESSMENT_LENGTH, QUIZ_LENGTH};
use crate::quiz::progress::Mode;
use crate::quiz::resume::SavedQuiz;
use crate::quiz::route::Route;
use crate::quiz::scoring::Score;
use crate::quiz::session::{QuizKind, PASS_MARK};
use crate::quiz::wording::format_day;

fn describe(score: Score, finished_at_ms: u64) -> String {
    format!(
        "{} out of {} ({}%) on {}",
        score.correct,
        score.total,
        score.percent(),
        format_day(finished_at_ms, clock::local_offset_minutes())
    )
}

#[component]
pub fn HomePage(on_retry: Callback<()>) -> impl IntoView {
    let state = use_app();
    let store = state.store;
    let on_start = Callback::new(move |kind: QuizKind| state.start(kind));
    let last = move || store.with(|s| s.last_attempt().map(|(_, a)| describe(a.score, a.finished_at_ms)));
    let best = move || store.with(|s| s.best().map(|b| describe(b.score(), b.finished_at_ms)));
    let chosen_topic = RwSignal::new(String::new());
    let topics = move || match state.bank.get() {
        BankState::Ready(ready) => ready.topics.iter().map(|t| (t.id.clone(), t.title.clone(), t.questions.len())).collect(),
        _ => Vec::new(),
    };
    let waiting = move || state.waiting_start.with(Option::is_some);
    let failed = move || matches!(state.bank.get(), BankState::Failed(_));
    let in_bank = move |count: &dyn Fn(&crate::quiz::bank::Bank, &crate::quiz::store::Store) -> usize| match state.bank.get() {
        BankState::Ready(ready) => store.with(|s| count(&ready, s)),
        _ => 0,
    };
    let due = Memo::new(move |_| in_bank(&|bank, s| s.progress.due(today()).into_iter().filter(|id| bank.question(id).is_some()).count()));
    let mistakes =
        Memo::new(move |_| in_bank(&|bank, s| s.progress.mistakes().into_iter().filter(|id| bank.question(id).is_some()).count()));
    // Quizzes in progress, most recent first: (id, "Quick check, question 4 of 10").
    let in_progress = Memo::new(move |_| {
        store.with(|s| {
            s.quizzes_in_progress()
                .into_iter()
                .map(|(id, q)| (id.to_owned(), format!("{}, question {} of {}", q.title, q.question_number(), q.items.len())))
                .collect::<Vec<_>>()
        })
    });
    let quiz_in_progress = move || in_progress.with(|list| !list.is_empty());
    // A quiz removed from the list, for Undo: (id, the quiz as it was).
    let removed = RwSignal::new(None::<(String, SavedQuiz)>);
    let undo_ref = NodeRef::<leptos::html::Button>::new();
    let remove = move |id: String| {
        if let Some(Some(quiz)) = state.change(|s, now| {
            let quiz = s.quizzes.get(&id).cloned();
            s.discard_quiz(&id, now);
            quiz
        }) {
            removed.set(Some((id, quiz)));
            // Focus goes to Undo, so a keyboard or screen-reader user can take it back at once.
            focus_after_render(undo_ref);
        }
    };
    let undo = move |_| {
        if let Some((id, quiz)) = removed.get_untracked() {
            state.change(|s, now| s.save_quiz(&id, quiz, now));
            removed.set(None);
        }
    };

    view! {
        <section class="page" aria-labelledby="home-heading">
            <h2 id="home-heading">"Check what you know"</h2>
            <p>
                {format!("{QUIZ_LENGTH} questions from across the training: the national picture, the 538 children, ")}
                "the 10 Principles and the Section 11 duty. Each answer comes with a short explanation."
            </p>
            {move || in_progress.get().into_iter().map(|(id, name)| {
                let remove_id = id.clone();
                view! {
                    <div class="in-progress">
                        <p class="small">{name.clone()}</p>
                        // Each button says which quiz it is for, when there are several.
                        <button type="button" class="button button-primary" aria-label=format!("Continue your quiz: {name}")
                            on:click=move |_| state.navigate(Route::Quiz { quiz: Some(id.clone()) })>
                            "Continue your quiz"
                        </button>
                        <button type="button" class="link-button" aria-label=format!("Remove this quiz: {name}")
                            on:click=move |_| remove(remove_id.clone())>
                            "Remove this quiz"
                        </button>
                    </div>
                }
            }).collect_view()}
            <div class="removed-status" role="status">
                {move || removed.get().map(|(_, quiz)| view! {
                    <p class="notice">
                        {format!("Removed: {}, question {} of {}. ", quiz.title, quiz.question_number(), quiz.items.len())}
                        <button type="button" class="link-button" node_ref=undo_ref on:click=undo>"Undo"</button>
                    </p>
                })}
            </div>
            <button
                type="button"
                class=move || if quiz_in_progress() { "button button-secondary" } else { "button button-primary" }
                on:click=move |_| on_start.run(QuizKind::new(Mode::Quick, None))
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
                    <button type="button" class="button button-secondary" on:click=move |_| on_start.run(QuizKind::new(Mode::Review, None))>
                        {format!("Spaced review ({} due)", due.get())}
                    </button>
                })}
                {move || (mistakes.get() > 0).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| on_start.run(QuizKind::new(Mode::Mistakes, None))>
                        {format!("Review my mistakes ({})", mistakes.get())}
                    </button>
                })}
                <button type="button" class="button button-secondary" on:click=move |_| on_start.run(QuizKind::new(Mode::Assessment, None))>
                    "Full assessment"
                </button>
                <p class="small">{format!(
                    "The full assessment has {ASSESSMENT_LENGTH} questions from every topic. You see how you did at the end; {PASS_MARK}% is a pass."
                )}</p>
            </div>
            <div class="load-status" role="status">
                {move || waiting().then_some(view! { <p>"Getting the questions ready…"</p> })}
                {move || failed().then(|| view! {
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
                    {move || topics().into_iter().map(|(id, title, count)| view! {
                        <option value=id>{format!("{title} ({count} questions)")}</option>
                    }).collect_view()}
                </select>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let topic = chosen_topic.get_untracked();
                        if !topic.is_empty() {
                            on_start.run(QuizKind::new(Mode::Topic, Some(topic)));
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
