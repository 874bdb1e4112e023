//! A quiz in progress, by its id: derived from the store, so Back, Forward,
//! a reload or another tab always show the quiz as it was last kept, and
//! every answer is kept as it is given.
//!
//! It also guards against a double tap ([`TapGuard`]): when the quiz first
//! appears (the second tap of a double tap on "Start quick check" would
//! otherwise choose an option of question 1 unseen) and whenever it moves on
//! (an answer checked or saved, the next question shown), taps on the quiz do
//! nothing for half a second.

use leptos::{prelude::*, task::spawn_local};

use crate::platform::{clock, history, persistence, share};
use crate::quiz::learner::schedule::Scheduler;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::Stage;
use crate::quiz::run::finished::FinishedAttempt;
use crate::quiz::run::resume::SavedQuiz;
use crate::ui::common::tap_guard::TapGuard;
use crate::ui::quiz::quiz_page::QuizUpdate;
use crate::ui::state::{today, use_app};
use crate::ui::{CheckAnswersPage, GoneNotice, QuizPage, ResultsPage};

/// Quiz `quiz` (its id; `None` for the one in a link from version 2): the
/// question, Check your answers, or the way to its results.
#[component]
pub fn QuizScreen(quiz: Option<String>) -> impl IntoView {
    let state = use_app();
    // An address from version 2 names no quiz: it meant the one in progress.
    let named = quiz.clone();
    let id = quiz.or_else(|| state.store.with_untracked(|s| s.quizzes_in_progress().first().map(|(id, _)| id.to_string())));
    let Some(id) = id else {
        return view! { <GoneNotice message="There is no quiz in progress on this device. Start one from the home page." /> }.into_any();
    };
    if named.is_none() {
        history::replace(&Route::Quiz { quiz: Some(id.clone()) }.to_query());
    }
    let Some(bank) = state.ready_bank_untracked() else { return ().into_any() };
    let saved = {
        let id = id.clone();
        Memo::new(move |_| state.store.with(|s| s.quizzes.get(&id).cloned()))
    };
    let attempt = Memo::new(move |_| saved.with(|q| q.as_ref().and_then(|q| q.restore(&bank).ok())));
    let finished = {
        let id = id.clone();
        Memo::new(move |_| state.store.with(|s| s.attempts.get(&id).is_some()))
    };

    // Up at once: the tap that opened the quiz may be the first of two.
    let guard = TapGuard::new();
    guard.raise();
    let raise_guard = move || guard.raise();
    let saved_note = RwSignal::new(None::<String>);
    let on_update = {
        let id = id.clone();
        Callback::new(move |update: QuizUpdate| {
            let Some(quiz) = saved.get_untracked() else { return };
            if !matches!(update, QuizUpdate::Draft(_)) {
                raise_guard();
            }
            // Back on the check page, the last "saved" note is old news.
            if matches!(&update, QuizUpdate::Moved(s) if s.stage() == Stage::CheckingAnswers) {
                saved_note.set(None);
            }
            match update {
                QuizUpdate::Draft(draft) => {
                    let Some(bank) = state.ready_bank_untracked() else { return };
                    let next = quiz.clone().with_draft(&bank, &draft);
                    if next.draft != quiz.draft && !quiz.answered {
                        state.change(|s, now| s.save_quiz(&id, next, now));
                    }
                }
                QuizUpdate::Answered { attempt, item, right } => {
                    let day = today();
                    state.change(|s, now| {
                        s.record_answer(&item, right, now, day, &Scheduler::default());
                        if let Some(next) = SavedQuiz::from_attempt(&attempt, &quiz.title, quiz.started_at_ms) {
                            s.save_quiz(&id, next, now);
                        }
                    });
                }
                QuizUpdate::Moved(attempt) if attempt.stage() == Stage::Finished => {
                    let token = share::learner_token();
                    let day = today();
                    state.change(|s, now| {
                        if let Some(finished) =
                            FinishedAttempt::from_attempt(&attempt, &quiz.title, quiz.started_at_ms, now, clock::offset_at(now), &token)
                        {
                            s.finish_attempt(&id, &attempt, finished, now, day);
                        }
                    });
                    state.save_now();
                    if !state.is_memory_only() {
                        spawn_local(async {
                            // Now there is something worth keeping, ask the browser to keep it.
                            if persistence::is_persisted().await == Some(false) {
                                let _ = persistence::request_persistence().await;
                            }
                        });
                    }
                    // Replace, so Back from the results goes to where the quiz began.
                    state.replace(Route::Results { attempt: Some(id.clone()) });
                }
                QuizUpdate::Moved(attempt) => {
                    if let Some(next) = SavedQuiz::from_attempt(&attempt, &quiz.title, quiz.started_at_ms) {
                        state.change(|s, now| s.save_quiz(&id, next, now));
                    }
                }
            }
        })
    };

    // The Learn card for a question's "Read more" link: (card id, card title).
    let read_more = Callback::new(move |question_id: String| {
        let bank = state.ready_bank_untracked()?;
        let question = bank.question(&question_id)?;
        let card = bank.card_for_question(&question.source, bank.topic_of(&question_id))?;
        Some((card.id.clone(), card.title.clone()))
    });
    // Which page: none, a question, or an assessment's check of its answers.
    let showing = Memo::new(move |_| attempt.with(|s| s.as_ref().map(|s| s.stage() == Stage::CheckingAnswers)));
    let has_saved = Memo::new(move |_| saved.with(Option::is_some));
    let page = move || {
        if let Some(checking) = showing.get() {
            let (title, stored_draft) = saved
                .with_untracked(|q| q.as_ref().map(|q| (q.title.clone(), state.ready_bank_untracked().and_then(|b| q.current_draft(&b)))))
                .unwrap_or_default();
            if checking {
                return view! { <CheckAnswersPage attempt=attempt title=title on_update=on_update /> }.into_any();
            }
            return view! {
                <QuizPage
                    attempt=attempt
                    title=title
                    stored_draft=stored_draft
                    on_update=on_update
                    read_more=read_more
                    saved_note=saved_note
                />
            }
            .into_any();
        }
        if finished.get() {
            // Finished meanwhile (in another tab): its results, at their own address.
            history::replace(&Route::Results { attempt: Some(id.clone()) }.to_query());
            return view! { <ResultsPage attempt=Some(id.clone()) /> }.into_any();
        }
        if has_saved.get() {
            let discard = {
                let id = id.clone();
                move |_| {
                    state.change(|s, now| s.discard_quiz(&id, now));
                    state.navigate(Route::Home);
                }
            };
            return view! {
                <section class="page">
                    <div class="notice" role="alert">
                        <p>"This quiz cannot be picked up again: its questions have changed in an update of the app. Your scores are safe."</p>
                    </div>
                    <button type="button" class="button button-primary" on:click=discard>"Remove it and go to the home page"</button>
                </section>
            }
            .into_any();
        }
        view! {
            <GoneNotice message="This quiz is no longer on this device. It may have been cleared with \u{201c}Clear my data\u{201d}." />
        }
        .into_any()
    };
    view! {
        <div
            class="quiz-screen"
            data-settling=move || guard.settling().get().then_some("")
            on:click:capture=guard.on_click()
            on:mousedown:capture=guard.on_mousedown()
        >
            {page}
        </div>
    }
    .into_any()
}
