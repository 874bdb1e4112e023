//! The app's root: where the person is (the route), the question bank, the
//! quiz in progress, and saved progress.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};

use super::{
    AboutPage, AccessibilityPage, DebriefPage, FlipDeck, HomePage, LearnPage, NavLink, ProgressPage, QuizPage, RecordForm, RecordsPage,
    ResultsPage, StorageNotice, TrainerPage, UpdateBanner,
};
use crate::platform::bank_loader::{load_bank, BankLoadError};
use crate::platform::storage::{on_progress_changed_elsewhere, ProgressStore, StorageProblem, DEBRIEF_KEY, RECORDS_KEY};
use crate::platform::{clock, history, persistence, service_worker};
use crate::quiz::debrief::{Added, Tally};
use crate::quiz::link::{QuizResult, QuizSpec};
use crate::quiz::progress::{flip_item_id, Attempt, Mode, Progress};
use crate::quiz::record::{self, Record, DEFAULT_REFRESH_MONTHS};
use crate::quiz::schedule::Scheduler;
use crate::quiz::session::{QuizKind, Session, Stage};
use crate::quiz::wording::add_months;
use crate::quiz::wording::local_day;
use crate::quiz::{bank::Bank, bank::Question, draw::draw, resume::SavedQuiz, rng::SeededRng, route::Route};

/// Questions in a quick check, and at most in a topic practice, a review of
/// mistakes or a spaced review.
pub const QUIZ_LENGTH: usize = 10;
/// Questions in a full assessment: every topic at least once.
pub const ASSESSMENT_LENGTH: usize = 20;

/// Today, as the device's local day number.
fn today() -> i64 {
    local_day(clock::now_ms(), clock::local_offset_minutes())
}

/// The questions for a quiz of `kind`, drawn with `rng`.
fn questions_for(bank: &Bank, progress: &Progress, kind: &QuizKind, rng: &mut SeededRng) -> Vec<Question> {
    let from_ids = |ids: Vec<&str>, rng: &mut SeededRng| {
        let mut questions: Vec<Question> = ids.into_iter().filter_map(|id| bank.question(id).cloned()).take(QUIZ_LENGTH).collect();
        rng.shuffle(&mut questions);
        questions
    };
    match kind.mode {
        Mode::Quick => draw(bank, &[], QUIZ_LENGTH, rng),
        Mode::Topic => draw(bank, &kind.topic.as_deref().into_iter().collect::<Vec<_>>(), QUIZ_LENGTH, rng),
        Mode::Assessment => draw(bank, &[], ASSESSMENT_LENGTH, rng),
        Mode::Mistakes => from_ids(progress.mistakes(), rng),
        // Most overdue first, so the ten taken are the ones most in need.
        Mode::Review => from_ids(progress.due(today()), rng),
        Mode::Trainer => match &kind.link {
            Some(spec) => draw(bank, &spec.topics.iter().map(String::as_str).collect::<Vec<_>>(), spec.count as usize, rng),
            None => Vec::new(),
        },
    }
}

/// Where the question bank is up to.
#[derive(Debug, Clone, PartialEq)]
pub enum BankState {
    Loading,
    Ready(Arc<Bank>),
    Failed(BankLoadError),
}

/// What the person asked to practise.
pub type QuizRequest = QuizKind;

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
    SavedQuiz::decode(saved_text).and_then(|saved| saved.restore(bank)).map_err(|_| StorageProblem::UnfinishedQuizUnreadable)
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
    let last_request = StoredValue::new(QuizKind::new(Mode::Quick, None));
    // The trainer's debrief tally and the completion records, read once the bank
    // (which knows the topics a link may name) has loaded.
    let tally = RwSignal::new(Tally::default());
    let debrief_notice = RwSignal::new(None::<String>);
    let records = RwSignal::new(store.load_text(RECORDS_KEY).and_then(|t| record::decode(&t)).unwrap_or_default());
    let record_draft = RwSignal::new(None::<Record>);
    let save_tally = move || {
        if let Err(problem) = tally.with_untracked(|t| store.save_text(DEBRIEF_KEY, &t.encode())) {
            storage_problem.set(Some(problem));
        }
    };
    let save_records = move || {
        if let Err(problem) = records.with_untracked(|r| store.save_text(RECORDS_KEY, &record::encode(r))) {
            storage_problem.set(Some(problem));
        }
    };
    let delete_record = Callback::new(move |id: u64| {
        records.update(|r| r.retain(|x| x.made_at_ms != id));
        save_records();
    });
    let scheduler = StoredValue::new(Scheduler::default());
    // Saves progress (merging in other tabs' saves), telling the person if it fails.
    let save_progress = move || {
        let mut merged = progress.get_untracked();
        let result = store.save(&mut merged);
        progress.set(merged);
        if let Err(problem) = result {
            storage_problem.set(Some(problem));
        }
        result.is_ok()
    };
    // Another tab saved: take in its answers, so this tab shows them and never overwrites them.
    on_progress_changed_elsewhere(move || {
        if let Some(stored) = store.read_progress() {
            progress.update(|p| p.merge(&stored));
        }
    });
    let record_answer = Callback::new(move |(item, right): (String, bool)| {
        progress.update(|p| scheduler.with_value(|s| p.record_answer(&item, right, clock::now_ms(), today(), s)));
        save_progress();
    });

    let quiz_in_progress = move || session.with(|s| s.as_ref().is_some_and(|s| s.stage() != Stage::Finished));
    let navigate = Callback::new(move |to: Route| {
        history::push(&to.to_query());
        link_problem.set(false);
        route.set(to);
        history::scroll_to_top();
    });
    history::on_back_or_forward(move |query| route.set(Route::from_query(&query).unwrap_or(Route::Home)));
    service_worker::register(move || update_ready.set(true));

    let begin = move |bank: &Bank, request: &QuizRequest| {
        // A trainer's quiz uses the link's seed: the same questions, in the same order, on every phone.
        let seed = request.link.as_ref().map_or_else(clock::random_seed, |spec| u64::from(spec.seed));
        let mut rng = SeededRng::new(seed);
        let questions = progress.with_untracked(|p| questions_for(bank, p, request, &mut rng));
        last_request.set_value(request.clone());
        if let Ok(new_session) = Session::start_kind(request.clone(), questions, &mut rng) {
            quiz_title.set(match (&request.mode, &request.topic) {
                (Mode::Topic, Some(id)) => bank.topic(id).map(|t| t.title.clone()).unwrap_or_default(),
                (Mode::Assessment, _) => "Full assessment".to_string(),
                (Mode::Mistakes, _) => "Review my mistakes".to_string(),
                (Mode::Review, _) => "Spaced review".to_string(),
                (Mode::Trainer, _) => {
                    request.link.as_ref().and_then(|l| l.title.clone()).unwrap_or_else(|| "Your trainer's quiz".to_string())
                }
                _ => "Quick check".to_string(),
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

    // With the bank loaded: read the tally, and take in a result link if one was opened.
    Effect::new(move |loaded: Option<bool>| {
        let BankState::Ready(ready) = bank.get() else { return false };
        let known = |t: &str| ready.topic(t).is_some();
        if loaded != Some(true) {
            if let Some(stored) = store.load_text(DEBRIEF_KEY).and_then(|t| Tally::decode(&t, known)) {
                tally.set(stored);
            }
        }
        if let Route::ResultLink(query) = route.get() {
            let (quiz, notice) = match QuizResult::from_query(&query, known) {
                Ok(result) => {
                    let quiz = result.spec.id();
                    let who = result.name.clone().map_or("A learner's".to_string(), |n| format!("{n}'s"));
                    let added = tally.try_update(|t| t.add(result));
                    save_tally();
                    let notice = match added {
                        Some(Added::AlreadyCounted) => "This result was already counted.".to_string(),
                        _ => format!("{who} result was added to the debrief."),
                    };
                    (Some(quiz), notice)
                }
                Err(error) => (None, error.message().replace("quiz link", "result link")),
            };
            debrief_notice.set(Some(notice));
            let debrief = Route::Debrief { quiz };
            history::replace(&debrief.to_query());
            route.set(debrief);
        }
        true
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
    let practise = Callback::new(move |topic: String| start_quiz.run(QuizKind::new(Mode::Topic, Some(topic))));

    let finish_quiz = Callback::new(move |_| {
        let Some((score, kind)) = session.with_untracked(|s| s.as_ref().map(|s| (s.score(), s.kind().clone()))) else {
            return;
        };
        let attempt = Attempt { score, finished_at_ms: clock::now_ms(), mode: kind.mode, topic: kind.topic };
        progress.update(|p| p.record(attempt, today()));
        if save_progress() && !store.is_memory_only() {
            spawn_local(async {
                // Now there is something worth keeping, ask the browser to keep it.
                if persistence::is_persisted().await == Some(false) {
                    let _ = persistence::request_persistence().await;
                }
            });
        }
        // Replace, so Back from the results goes to where the quiz began.
        history::replace(&Route::Results.to_query());
        route.set(Route::Results);
        history::scroll_to_top();
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
                <QuizPage session=session title=quiz_title on_finish=finish_quiz on_answered=record_answer read_more=read_more on_navigate=navigate />
            }.into_any(),
            Route::Quiz | Route::Results if session.with(Option::is_some) => view! {
                <ResultsPage
                    session=session
                    progress=progress
                    on_restart=Callback::new(move |_| start_quiz.run(last_request.get_value()))
                    on_home=go_home
                    on_make_record=Callback::new(move |_| {
                        let draft = session.with_untracked(|s| {
                            let s = s.as_ref()?;
                            let kind = s.kind();
                            let bank = ready_bank()?;
                            let topic_ids: Vec<String> = match (&kind.link, &kind.topic) {
                                (Some(link), _) => link.topics.clone(),
                                (None, Some(topic)) => vec![topic.clone()],
                                _ => Vec::new(),
                            };
                            let months = kind.link.as_ref().and_then(|l| l.refresh_months).unwrap_or(DEFAULT_REFRESH_MONTHS);
                            let finished = progress.with_untracked(|p| p.last().map(|a| a.finished_at_ms)).unwrap_or_else(clock::now_ms);
                            Some(Record {
                                made_at_ms: 0,
                                name: None,
                                finished_at_ms: finished,
                                activity: quiz_title.get_untracked(),
                                topics: topic_ids.iter().filter_map(|t| bank.topic(t).map(|t| t.title.clone())).collect(),
                                correct: s.score().correct,
                                total: s.score().total,
                                passed: s.passed(),
                                refresher_due_day: add_months(local_day(finished, clock::local_offset_minutes()), months),
                                learnt: String::new(),
                                practice: String::new(),
                                supervision: String::new(),
                            })
                        });
                        record_draft.set(draft);
                        navigate.run(Route::NewRecord);
                    })
                />
            }.into_any(),
            Route::About => view! { <AboutPage on_home=go_home /> }.into_any(),
            Route::Accessibility => view! { <AccessibilityPage on_home=go_home /> }.into_any(),
            Route::Trainer => match ready_bank() {
                Some(ready) => view! { <TrainerPage bank=ready on_navigate=navigate /> }.into_any(),
                None => without_bank(),
            },
            Route::TrainerQuiz(query) => match ready_bank() {
                Some(ready) => match QuizSpec::from_query(&query, |t| ready.topic(t).is_some()) {
                    Ok(spec) => {
                        let title = spec.title.clone().unwrap_or_else(|| "Your trainer's quiz".to_string());
                        let topics = if spec.topics.is_empty() {
                            "every topic".to_string()
                        } else {
                            spec.topics.iter().filter_map(|t| ready.topic(t).map(|t| t.title.clone())).collect::<Vec<_>>().join("; ")
                        };
                        let about = format!(
                            "{} questions on {topics}. {}",
                            spec.count,
                            if spec.assessment {
                                format!("You see how you did at the end; {}% is a pass.", spec.pass_mark)
                            } else {
                                "You get feedback after each answer.".to_string()
                            }
                        );
                        let kind = QuizKind { mode: Mode::Trainer, topic: None, link: Some(spec) };
                        view! {
                            <section class="page" aria-labelledby="trainer-quiz-heading">
                                <p class="quiz-title">"A quiz from your trainer"</p>
                                <h2 id="trainer-quiz-heading">{title}</h2>
                                <p>{about}</p>
                                <p class="small">"Everyone with this link gets the same questions in the same order."</p>
                                <button type="button" class="button button-primary" on:click=move |_| start_quiz.run(kind.clone())>"Start the quiz"</button>
                            </section>
                        }.into_any()
                    }
                    Err(error) => view! {
                        <section class="page">
                            <div class="notice" role="alert"><p>{error.message()}</p></div>
                            <NavLink route=Route::Home on_navigate=navigate class="button button-secondary">"Go to the home page"</NavLink>
                        </section>
                    }.into_any(),
                },
                None => without_bank(),
            },
            Route::ResultLink(_) => without_bank(),
            Route::Debrief { quiz } => match ready_bank() {
                Some(ready) => view! {
                    <DebriefPage
                        bank=ready
                        tally=tally
                        quiz=quiz
                        notice=debrief_notice.get_untracked()
                        on_clear=Callback::new(move |id: String| {
                            tally.update(|t| t.clear(&id));
                            save_tally();
                            navigate.run(Route::Debrief { quiz: None });
                        })
                        on_navigate=navigate
                    />
                }.into_any(),
                None => without_bank(),
            },
            Route::NewRecord => match record_draft.get() {
                Some(draft) => view! {
                    <RecordForm draft=draft on_save=Callback::new(move |made: Record| {
                        records.update(|r| {
                            r.push(made);
                            if r.len() > record::RECORDS_KEPT {
                                r.remove(0);
                            }
                        });
                        save_records();
                        record_draft.set(None);
                        history::replace(&Route::Records.to_query());
                        route.set(Route::Records);
                    }) />
                }.into_any(),
                None => view! { <RecordsPage records=records on_delete=delete_record on_navigate=navigate /> }.into_any(),
            },
            Route::Records => view! { <RecordsPage records=records on_delete=delete_record on_navigate=navigate /> }.into_any(),
            Route::Progress => match ready_bank() {
                Some(ready) => view! {
                    <ProgressPage
                        bank=ready
                        progress=progress
                        on_review=Callback::new(move |_| start_quiz.run(QuizKind::new(Mode::Review, None)))
                        on_home=go_home
                        on_replace=Callback::new(move |imported: Progress| {
                            // Replace: what is stored now is swapped, not merged.
                            store.clear_progress();
                            progress.set(imported);
                            save_progress();
                        })
                        on_merge=Callback::new(move |imported: Progress| {
                            progress.update(|p| p.merge(&imported));
                            save_progress();
                        })
                        on_clear=Callback::new(move |_| {
                            store.clear_all();
                            progress.set(Progress::default());
                            session.set(None);
                        })
                    />
                }.into_any(),
                None => without_bank(),
            },
            Route::Learn { card } => match ready_bank() {
                Some(ready) => view! {
                    <LearnPage bank=ready card=card quiz_in_progress=quiz_in_progress() on_navigate=navigate on_practise=practise />
                }.into_any(),
                None => without_bank(),
            },
            Route::Flip { card } => match ready_bank().and_then(|b| b.card(&card).map(|c| (c.title.clone(), c.flips.clone()))) {
                Some((title, flips)) => {
                    let back = Route::Learn { card: Some(card.clone()) };
                    // Each "I knew it" or "Not yet" feeds the same scheduler as the questions.
                    let on_answer = Callback::new(move |(index, knew): (usize, bool)| record_answer.run((flip_item_id(&card, index), knew)));
                    view! {
                        <section class="page">
                            <h2>{format!("Flip cards: {title}")}</h2>
                            <FlipDeck flips=flips on_answer=on_answer on_done=Callback::new(move |_| navigate.run(back.clone())) />
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
                    due=Signal::derive(move || match bank.get() {
                        BankState::Ready(ready) => progress.with(|p| p.due(today()).into_iter().filter(|id| ready.question(id).is_some()).count()),
                        _ => 0,
                    })
                    mistakes=Signal::derive(move || match bank.get() {
                        BankState::Ready(ready) => progress.with(|p| p.mistakes().into_iter().filter(|id| ready.question(id).is_some()).count()),
                        _ => 0,
                    })
                    on_start=start_quiz
                    on_continue=Callback::new(move |_| navigate.run(Route::Quiz))
                    on_retry=on_retry
                />
                <nav class="app-footer" aria-label="More">
                    <NavLink route=Route::Learn { card: None } on_navigate=navigate class="link-button">"Learn: the key points"</NavLink>
                    <NavLink route=Route::Progress on_navigate=navigate class="link-button">"Your progress"</NavLink>
                    <NavLink route=Route::Records on_navigate=navigate class="link-button">"Your completion records"</NavLink>
                    <NavLink route=Route::Trainer on_navigate=navigate class="link-button">"For trainers: run a session"</NavLink>
                    <NavLink route=Route::About on_navigate=navigate class="link-button">"About this app and your data"</NavLink>
                    <NavLink route=Route::Accessibility on_navigate=navigate class="link-button">"Accessibility statement"</NavLink>
                </nav>
            }.into_any(),
        }}
    }
}
