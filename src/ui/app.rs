//! The app's root: which screen is showing, the question bank, the quiz in
//! progress, and saved progress.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};

use super::{AboutPage, HomePage, QuizPage, ResultsPage, StorageNotice, UpdateBanner};
use crate::platform::bank_loader::{load_bank, BankLoadError};
use crate::platform::{clock, persistence, service_worker, storage::ProgressStore, storage::StorageProblem};
use crate::quiz::{bank::Bank, draw::draw, resume::SavedQuiz, rng::SeededRng, session::Session, session::Stage};

/// Questions in a quick check, and at most in a topic practice.
pub const QUIZ_LENGTH: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// A quiz left unfinished is being picked up (waiting for the bank).
    Resuming,
    Home,
    Quiz,
    Results,
    About,
}

/// Where the question bank is up to.
#[derive(Debug, Clone, PartialEq)]
pub enum BankState {
    Loading,
    Ready(Arc<Bank>),
    Failed(BankLoadError),
}

/// What the person asked to practise: every topic, or one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizRequest {
    pub topic: Option<String>,
}

#[component]
pub fn App() -> impl IntoView {
    let bank = RwSignal::new(BankState::Loading);
    let fetch_bank = move || {
        bank.set(BankState::Loading);
        spawn_local(async move {
            bank.set(match load_bank().await {
                Ok(loaded) => BankState::Ready(Arc::new(loaded)),
                Err(error) => BankState::Failed(error),
            });
        });
    };
    fetch_bank();
    view! { <QuizApp bank=bank on_retry=Callback::new(move |_| fetch_bank()) /> }
}

/// A quiz left unfinished by a reload, a closed tab or an update, if it still fits the bank.
fn unfinished_quiz(saved_text: &str, bank: &Bank) -> Result<Session, StorageProblem> {
    SavedQuiz::decode(saved_text)
        .and_then(|saved| saved.restore(bank))
        .map_err(|_| StorageProblem::UnfinishedQuizUnreadable)
}

/// The app once it has somewhere to get the bank from (the component tests
/// give it one directly).
#[component]
pub fn QuizApp(bank: RwSignal<BankState>, on_retry: Callback<()>) -> impl IntoView {
    let (store, stored_progress, open_problem) = ProgressStore::open(clock::now_ms());
    let progress = RwSignal::new(stored_progress);
    let storage_problem = RwSignal::new(open_problem);
    let update_ready = RwSignal::new(false);
    let saved_quiz = StoredValue::new(store.load_quiz());
    let screen = RwSignal::new(if saved_quiz.with_value(Option::is_some) { Screen::Resuming } else { Screen::Home });
    let session = RwSignal::new(None::<Session>);
    // A start asked for before the bank arrived; it begins as soon as it does.
    let pending = RwSignal::new(None::<QuizRequest>);
    let quiz_title = RwSignal::new(String::new());
    let last_request = StoredValue::new(QuizRequest { topic: None });

    let quiz_in_progress = move || session.with(|s| s.as_ref().is_some_and(|s| s.stage() != Stage::Finished));

    service_worker::register(move || update_ready.set(true));

    let begin = move |bank: &Bank, request: &QuizRequest| {
        let mut rng = SeededRng::new(clock::random_seed());
        let topics: Vec<&str> = request.topic.as_deref().into_iter().collect();
        let questions = draw(bank, &topics, QUIZ_LENGTH, &mut rng);
        last_request.set_value(request.clone());
        if let Ok(new_session) = Session::start(questions, &mut rng) {
            quiz_title.set(match &request.topic {
                Some(id) => bank.topic(id).map(|t| t.title.clone()).unwrap_or_default(),
                None => "Quick check".to_string(),
            });
            session.set(Some(new_session));
            screen.set(Screen::Quiz);
        }
    };

    // When the bank arrives: pick up an unfinished quiz, or start one asked for.
    Effect::new(move |_| {
        let BankState::Ready(ready) = bank.get() else {
            if matches!(bank.get(), BankState::Failed(_)) && screen.get_untracked() == Screen::Resuming {
                screen.set(Screen::Home);
            }
            return;
        };
        if let Some(text) = saved_quiz.try_update_value(Option::take).flatten() {
            match unfinished_quiz(&text, &ready) {
                Ok(resumed) => {
                    quiz_title.set("Your quiz".to_string());
                    session.set(Some(resumed));
                    screen.set(Screen::Quiz);
                }
                Err(problem) => {
                    store.clear_quiz();
                    storage_problem.set(Some(problem));
                    screen.set(Screen::Home);
                }
            }
        }
        if let Some(request) = pending.try_update(Option::take).flatten() {
            begin(&ready, &request);
        }
    });

    // Every step of a quiz is kept, so a reload or an accepted update loses nothing.
    Effect::new(move |_| {
        let saved = session.with(|s| s.as_ref().and_then(SavedQuiz::from_session));
        let result = match saved {
            Some(saved) => store.save_quiz(&saved),
            // Nothing to save until the bank has had a chance to restore the old quiz.
            None if screen.get_untracked() == Screen::Resuming => Ok(()),
            None => {
                store.clear_quiz();
                Ok(())
            }
        };
        if let Err(problem) = result {
            storage_problem.set(Some(problem));
        }
    });

    let start_quiz = Callback::new(move |request: QuizRequest| match bank.get_untracked() {
        BankState::Ready(ready) => begin(&ready, &request),
        _ => pending.set(Some(request)),
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
    let topics = Signal::derive(move || match bank.get() {
        BankState::Ready(ready) => ready.topics.iter().map(|t| (t.id.clone(), t.title.clone(), t.questions.len())).collect(),
        _ => Vec::new(),
    });

    view! {
        <UpdateBanner update_ready=update_ready quiz_in_progress=quiz_in_progress />
        <StorageNotice problem=storage_problem />
        {move || match screen.get() {
            Screen::Resuming => view! {
                <section class="page"><p class="shell-loading">"Getting your quiz back…"</p></section>
            }.into_any(),
            Screen::Home => view! {
                <HomePage
                    progress=progress
                    topics=topics
                    waiting=Signal::derive(move || pending.with(Option::is_some))
                    failed=Signal::derive(move || matches!(bank.get(), BankState::Failed(_)))
                    on_start=start_quiz
                    on_retry=on_retry
                />
                <nav class="app-footer" aria-label="More">
                    <button type="button" class="link-button" on:click=move |_| screen.set(Screen::About)>
                        "About this app and your data"
                    </button>
                </nav>
            }.into_any(),
            Screen::Quiz => view! {
                <QuizPage session=session title=quiz_title on_finish=finish_quiz />
            }.into_any(),
            Screen::Results => view! {
                <ResultsPage
                    session=session
                    progress=progress
                    on_restart=Callback::new(move |_| start_quiz.run(last_request.get_value()))
                    on_home=go_home
                />
            }.into_any(),
            Screen::About => view! { <AboutPage on_home=go_home /> }.into_any(),
        }}
    }
}
