//! The app's root: which screen is showing, the quiz in progress, and saved progress.

use leptos::{prelude::*, task::spawn_local};

use super::{AboutPage, HomePage, QuizPage, ResultsPage, StorageNotice, UpdateBanner};
use crate::platform::{clock, persistence, service_worker, storage::ProgressStore, storage::StorageProblem};
use crate::quiz::{bank::Bank, resume::SavedQuiz, rng::SeededRng, session::Session, session::Stage};

/// The topic the first quiz draws on.
const QUIZ_TOPIC: &str = "principles";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Home,
    Quiz,
    Results,
    About,
}

#[component]
pub fn App() -> impl IntoView {
    view! { <QuizApp bank=Bank::builtin() /> }
}

/// A quiz left unfinished by a reload, a closed tab or an update, if it still fits the bank.
fn unfinished_quiz(store: &ProgressStore, bank: &Bank) -> Result<Option<Session>, StorageProblem> {
    let Some(text) = store.load_quiz() else { return Ok(None) };
    SavedQuiz::decode(&text)
        .and_then(|saved| saved.restore(bank))
        .map(Some)
        .map_err(|_| StorageProblem::UnfinishedQuizUnreadable)
}

#[component]
fn QuizApp(bank: Bank) -> impl IntoView {
    let (store, stored_progress, open_problem) = ProgressStore::open(clock::now_ms());
    let progress = RwSignal::new(stored_progress);
    let storage_problem = RwSignal::new(open_problem);
    let update_ready = RwSignal::new(false);

    let resumed = unfinished_quiz(&store, &bank).unwrap_or_else(|problem| {
        store.clear_quiz();
        storage_problem.set(Some(problem));
        None
    });
    let screen = RwSignal::new(if resumed.is_some() { Screen::Quiz } else { Screen::Home });
    let session = RwSignal::new(resumed);
    let bank = StoredValue::new(bank);
    let quiz_in_progress =
        move || session.with(|s| s.as_ref().is_some_and(|s| s.stage() != Stage::Finished));

    service_worker::register(move || update_ready.set(true));

    // Every step of a quiz is kept, so a reload or an accepted update loses nothing.
    Effect::new(move |_| {
        let saved = session.with(|s| s.as_ref().and_then(SavedQuiz::from_session));
        let result = match saved {
            Some(saved) => store.save_quiz(&saved),
            None => {
                store.clear_quiz();
                Ok(())
            }
        };
        if let Err(problem) = result {
            storage_problem.set(Some(problem));
        }
    });

    let start_quiz = Callback::new(move |_| {
        let questions = bank.with_value(|bank| {
            bank.topic(QUIZ_TOPIC).map(|topic| topic.questions.to_vec()).unwrap_or_default()
        });
        let mut rng = SeededRng::new(clock::random_seed());
        if let Ok(new_session) = Session::start(questions, &mut rng) {
            session.set(Some(new_session));
            screen.set(Screen::Quiz);
        }
    });

    let finish_quiz = Callback::new(move |_| {
        let Some(score) = session.with_untracked(|s| s.as_ref().map(Session::score)) else {
            return;
        };
        progress.update(|p| p.record(score, clock::now_ms()));
        match progress.with_untracked(|p| store.save(p)) {
            Ok(()) if !store.is_memory_only() => spawn_local(async {
                // Now there is something worth keeping, ask the browser to keep it.
                if persistence::is_persisted().await == Some(false) {
                    let _ = persistence::request_persistence().await;
                }
            }),
            Ok(()) => {}
            Err(problem) => storage_problem.set(Some(problem)),
        }
        screen.set(Screen::Results);
    });

    let go_home = Callback::new(move |_| screen.set(Screen::Home));

    view! {
        <UpdateBanner update_ready=update_ready quiz_in_progress=quiz_in_progress />
        <StorageNotice problem=storage_problem />
        {move || match screen.get() {
            Screen::Home => view! {
                <HomePage progress=progress on_start=start_quiz />
                <nav class="app-footer" aria-label="More">
                    <button type="button" class="link-button" on:click=move |_| screen.set(Screen::About)>
                        "About this app and your data"
                    </button>
                </nav>
            }.into_any(),
            Screen::Quiz => view! {
                <QuizPage session=session on_finish=finish_quiz />
            }.into_any(),
            Screen::Results => view! {
                <ResultsPage session=session progress=progress on_restart=start_quiz on_home=go_home />
            }.into_any(),
            Screen::About => view! { <AboutPage on_home=go_home /> }.into_any(),
        }}
    }
}
