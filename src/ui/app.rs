//! The app's root: where the person is (the route), the question bank, the
//! quiz in progress, and saved progress.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};

use super::{AboutPage, FlipDeck, HomePage, LearnPage, NavLink, QuizPage, ResultsPage, StorageNotice, UpdateBanner};
use crate::platform::bank_loader::{load_bank, BankLoadError};
use crate::platform::{clock, history, persistence, service_worker, storage::ProgressStore, storage::StorageProblem};
use crate::quiz::{bank::Bank, draw::draw, resume::SavedQuiz, rng::SeededRng, route::Route, session::Session, session::Stage};

/// Questions in a quick check, and at most in a topic practice.
pub const QUIZ_LENGTH: usize = 10;

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
    // A saved quiz is picked up once the bank has loaded; until then, say so.
    let resuming = RwSignal::new(saved_quiz.with_value(Option::is_some));
    let (start_route, bad_link) = match Route::from_query(&history::current_query()) {
        Ok(route) => (route, false),
        Err(_) => {
            history::replace("");
            (Route::Home, true)
        }
    };
    let route = RwSignal::new(start_route);
    let link_problem = RwSignal::new(bad_link);
    let session = RwSignal::new(None::<Session>);
    // A start asked for before the bank arrived; it begins as soon as it does.
    let pending = RwSignal::new(None::<QuizRequest>);
    let quiz_title = RwSignal::new(String::new());
    let last_request = StoredValue::new(QuizRequest { topic: None });

    let quiz_in_progress = move || session.with(|s| s.as_ref().is_some_and(|s| s.stage() != Stage::Finished));
    let navigate = Callback::new(move |to: Route| {
        history::push(&to.to_query());
        link_problem.set(false);
        route.set(to);
    });
    history::on_back_or_forward(move |query| route.set(Route::from_query(&query).unwrap_or(Route::Home)));
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
            navigate.run(Route::Quiz);
        }
    };

    // When the bank arrives: pick up an unfinished quiz, or start one asked for.
    Effect::new(move |_| {
        let BankState::Ready(ready) = bank.get() else {
            if matches!(bank.get(), BankState::Failed(_)) {
                resuming.set(false);
            }
            return;
        };
        if let Some(text) = saved_quiz.try_update_value(Option::take).flatten() {
            match unfinished_quiz(&text, &ready) {
                Ok(resumed) => {
                    quiz_title.set("Your quiz".to_string());
                    session.set(Some(resumed));
                    // A reload lands where the person was; a fresh visit is offered "Continue".
                    if route.get_untracked() == Route::Quiz {
                        history::replace(&Route::Quiz.to_query());
                    }
                }
                Err(problem) => {
                    store.clear_quiz();
                    storage_problem.set(Some(problem));
                }
            }
            resuming.set(false);
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
            None if resuming.get_untracked() => Ok(()),
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
    let practise = Callback::new(move |topic: String| start_quiz.run(QuizRequest { topic: Some(topic) }));

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
        // Replace, so Back from the results goes to where the quiz began.
        history::replace(&Route::Results.to_query());
        route.set(Route::Results);
    });

    let go_home = Callback::new(move |_| navigate.run(Route::Home));
    let topics = Signal::derive(move || match bank.get() {
        BankState::Ready(ready) => ready.topics.iter().map(|t| (t.id.clone(), t.title.clone(), t.questions.len())).collect(),
        _ => Vec::new(),
    });
    // The Learn card for a question's "Read more" link: (card id, card title).
    let read_more = Callback::new(move |question_id: String| match bank.get_untracked() {
        BankState::Ready(ready) => {
            let question = ready.question(&question_id)?;
            let card = ready.card_for_question(&question.source, ready.topic_of(&question_id))?;
            Some((card.id.clone(), card.title.clone()))
        }
        _ => None,
    });

    // The screens that need the bank wait for it, or say it could not load.
    let without_bank = move || match bank.get() {
        BankState::Failed(_) => view! {
            <section class="page">
                <div class="notice">
                    <p>"The cards could not be loaded. Check your connection, then try again."</p>
                    <button type="button" class="button button-secondary" on:click=move |_| on_retry.run(())>"Try again"</button>
                </div>
            </section>
        }
        .into_any(),
        _ => view! { <section class="page"><p class="shell-loading">"Getting the cards ready…"</p></section> }.into_any(),
    };
    let ready_bank = move || match bank.get() {
        BankState::Ready(ready) => Some(ready),
        _ => None,
    };

    view! {
        <UpdateBanner update_ready=update_ready quiz_in_progress=quiz_in_progress />
        <StorageNotice problem=storage_problem />
        <div class="link-notice" role="status">
            {move || link_problem.get().then_some(view! {
                <p class="notice">"That link did not work, so here is the home page."</p>
            })}
        </div>
        {move || match route.get() {
            _ if resuming.get() => view! {
                <section class="page"><p class="shell-loading">"Getting your quiz back…"</p></section>
            }.into_any(),
            Route::Quiz if quiz_in_progress() => view! {
                <QuizPage session=session title=quiz_title on_finish=finish_quiz read_more=read_more on_navigate=navigate />
            }.into_any(),
            Route::Quiz | Route::Results if session.with(Option::is_some) => view! {
                <ResultsPage
                    session=session
                    progress=progress
                    on_restart=Callback::new(move |_| start_quiz.run(last_request.get_value()))
                    on_home=go_home
                />
            }.into_any(),
            Route::About => view! { <AboutPage on_home=go_home /> }.into_any(),
            Route::Learn { card } => match ready_bank() {
                Some(ready) => view! {
                    <LearnPage bank=ready card=card quiz_in_progress=quiz_in_progress() on_navigate=navigate on_practise=practise />
                }.into_any(),
                None => without_bank(),
            },
            Route::Flip { card } => match ready_bank().and_then(|b| b.card(&card).map(|c| (c.title.clone(), c.flips.clone()))) {
                Some((title, flips)) => {
                    let back = Route::Learn { card: Some(card) };
                    view! {
                        <section class="page">
                            <h2>{format!("Flip cards: {title}")}</h2>
                            <FlipDeck flips=flips on_done=Callback::new(move |_| navigate.run(back.clone())) />
                        </section>
                    }.into_any()
                }
                None => without_bank(),
            },
            _ => view! {
                <HomePage
                    progress=progress
                    topics=topics
                    waiting=Signal::derive(move || pending.with(Option::is_some))
                    failed=Signal::derive(move || matches!(bank.get(), BankState::Failed(_)))
                    quiz_in_progress=Signal::derive(quiz_in_progress)
                    on_start=start_quiz
                    on_continue=Callback::new(move |_| navigate.run(Route::Quiz))
                    on_retry=on_retry
                />
                <nav class="app-footer" aria-label="More">
                    <NavLink route=Route::Learn { card: None } on_navigate=navigate class="link-button">"Learn: the key points"</NavLink>
                    <NavLink route=Route::About on_navigate=navigate class="link-button">"About this app and your data"</NavLink>
                </nav>
            }.into_any(),
        }}
    }
}
