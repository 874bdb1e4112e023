//! The app's root: which screen is showing, the quiz in progress, and saved progress.

use leptos::prelude::*;

use super::{HomePage, QuizPage, ResultsPage, StorageNotice};
use crate::platform::{clock, storage::ProgressStore};
use crate::quiz::{bank::Bank, rng::SeededRng, session::Session};

/// The topic the first quiz draws on.
const QUIZ_TOPIC: &str = "principles";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Home,
    Quiz,
    Results,
}

#[component]
pub fn App() -> impl IntoView {
    match Bank::builtin() {
        Ok(bank) => view! { <QuizApp bank=bank /> }.into_any(),
        // Only reachable if the shipped content is broken; the content tests stop that.
        Err(error) => view! {
            <div class="notice" role="alert">
                <h2>"The questions could not be loaded"</h2>
                <p>"Please reload the page. If this keeps happening, tell whoever shared this app with you."</p>
                <p class="small">{error.to_string()}</p>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn QuizApp(bank: Bank) -> impl IntoView {
    let (store, stored_progress, open_problem) = ProgressStore::open(clock::now_ms());
    let progress = RwSignal::new(stored_progress);
    let storage_problem = RwSignal::new(open_problem);
    let screen = RwSignal::new(Screen::Home);
    let session = RwSignal::new(None::<Session>);
    let bank = StoredValue::new(bank);

    let start_quiz = Callback::new(move |_| {
        let questions = bank.with_value(|bank| {
            bank.topic(QUIZ_TOPIC).map(|topic| topic.questions.clone()).unwrap_or_default()
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
        if let Err(problem) = progress.with_untracked(|p| store.save(p)) {
            storage_problem.set(Some(problem));
        }
        screen.set(Screen::Results);
    });

    let go_home = Callback::new(move |_| screen.set(Screen::Home));

    view! {
        <StorageNotice problem=storage_problem />
        {move || match screen.get() {
            Screen::Home => view! {
                <HomePage progress=progress on_start=start_quiz />
            }.into_any(),
            Screen::Quiz => view! {
                <QuizPage session=session on_finish=finish_quiz />
            }.into_any(),
            Screen::Results => view! {
                <ResultsPage session=session progress=progress on_restart=start_quiz on_home=go_home />
            }.into_any(),
        }}
    }
}
