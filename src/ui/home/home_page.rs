//! The home screen: what this is, the ways in (each with the effort it asks
//! for), the other places to go, where to turn for support, and the last and
//! best scores of the quick check and the full assessment.

use crate::ui::common::focus::{focus_after_render, focus_when_shown};
use crate::ui::common::tap_guard::TapGuard;
use leptos::{html, prelude::*};

use crate::platform::clock;
use crate::quiz::answering::scoring::Score;
use crate::quiz::learner::draw::{start_label, ASSESSMENT_LENGTH, QUIZ_LENGTH};
use crate::quiz::learner::progress::ModeKey;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::Mode;
use crate::quiz::run::attempt::{QuizKind, PASS_MARK};
use crate::quiz::run::finished::ScoreRecord;
use crate::quiz::run::resume::SavedQuiz;
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::{effort, isolated};
use crate::ui::state::{use_app, BankState};
use crate::ui::{CareNote, InAppNotice, NavLink, WayIn};

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

/// The id of the topic select, its error message, and the error summary's link target.
const TOPIC_ID: &str = "topic";
const TOPIC_ERROR_ID: &str = "topic-error";
const TOPIC_ERROR: &str = "Select a topic";

/// Home: the ways in with their effort, quizzes in progress, the other
/// places to go, support, and scores; `on_retry` loads the bank again.
#[component]
pub fn HomePage(on_retry: Callback<()>) -> impl IntoView {
    let state = use_app();
    let store = state.store;
    let on_start = Callback::new(move |kind: QuizKind| state.start(kind));
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
    let chosen_topic = RwSignal::new(String::new());
    // "Practise this topic" pressed with no topic chosen: the GOV.UK error pattern,
    // until a topic is chosen. Each such press moves focus to the error summary.
    let topic_missing = RwSignal::new(false);
    let missing_presses = RwSignal::new(0u32);
    let topic_summary_ref = NodeRef::<html::Div>::new();
    let topic_select_ref = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        if missing_presses.get() > 0 {
            if let Some(summary) = topic_summary_ref.get() {
                let _ = summary.focus();
            }
        }
    });
    let practise = move |_| {
        let topic = chosen_topic.get_untracked();
        if topic.is_empty() {
            topic_missing.set(true);
            missing_presses.update(|n| *n += 1);
        } else {
            on_start.run(QuizKind::Topic(topic));
        }
    };
    let topics = move || match state.bank.get() {
        // No count beside each topic: a topic quiz is as long as its questions
        // that each teach something different, which varies with the draw.
        BankState::Ready(ready) => ready.topics.iter().map(|t| (t.id.clone(), t.title.clone())).collect(),
        _ => Vec::new(),
    };
    let waiting = move || state.waiting_start.with(Option::is_some);
    let failed = move || matches!(state.bank.get(), BankState::Failed(_));
    let in_bank =
        move |count: &dyn Fn(&crate::quiz::content::bank::Bank, &crate::quiz::saved::store::Store) -> usize| match state.bank.get() {
            BankState::Ready(ready) => store.with(|s| count(&ready, s)),
            _ => 0,
        };
    let day = state.day;
    let due = Memo::new(move |_| {
        let today = day.get();
        in_bank(&|bank, s| s.due_for_refresher(bank, today))
    });
    let mistakes = Memo::new(move |_| in_bank(&|bank, s| s.mistakes_to_review(bank)));
    // Quizzes in progress, most recent first: (id, "Quick check, question 4 of 10", "started 7 December 2026").
    let in_progress = Memo::new(move |_| {
        store.with(|s| {
            s.quizzes_in_progress()
                .into_iter()
                .map(|(id, q)| {
                    let started = format!("started {}", format_day(q.started_at_ms, clock::offset_at(q.started_at_ms)));
                    (id.to_owned(), format!("{}, {}", isolated(&q.title), q.whereabouts()), started)
                })
                .collect::<Vec<_>>()
        })
    });
    let quiz_in_progress = move || in_progress.with(|list| !list.is_empty());
    // A quiz removed from the list, for Undo: (id, the quiz as it was).
    let removed = RwSignal::new(None::<(String, SavedQuiz)>);
    let undo_ref = NodeRef::<leptos::html::Button>::new();
    // Removing a quiz moves what is below it up, under the finger: Undo, or
    // "Start quick check", must not take the second tap of a double tap.
    let guard = TapGuard::new();
    let remove = move |id: String| {
        guard.raise();
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
        guard.raise();
        if let Some((id, quiz)) = removed.get_untracked() {
            state.change(|s, now| s.save_quiz(&id, quiz, now));
            removed.set(None);
        }
    };

    // Focus starts at the screen's heading, as on every other screen, so a
    // screen reader says where it is after Quit, the header's link or Back.
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    focus_when_shown(heading_ref);
    view! {
        <section class="page" aria-labelledby="home-heading"
            data-settling=move || guard.settling().get().then_some("")
            on:click:capture=guard.on_click()
            on:mousedown:capture=guard.on_mousedown()>
            <h2 id="home-heading" tabindex="-1" node_ref=heading_ref>"Check what you know"</h2>
            <p>
                {format!("{QUIZ_LENGTH} questions from across the training: the national picture, the 538 children, ")}
                "the 10 Principles and the Section 11 duty. Each answer comes with a short explanation."
            </p>
            <InAppNotice />
            {move || in_progress.get().into_iter().map(|(id, name, started)| {
                let remove_id = id.clone();
                view! {
                    <div class="in-progress">
                        <p class="small">{name.clone()}<br />{started}</p>
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
                        {format!("Removed: {}, {}. ", isolated(&quiz.title), quiz.whereabouts())}
                        <button type="button" class="link-button" node_ref=undo_ref on:click=undo>"Undo"</button>
                    </p>
                })}
            </div>
            <WayIn kind=QuizKind::Quick questions=QUIZ_LENGTH primary=Signal::derive(move || !quiz_in_progress()) on_start=on_start />
            <WayIn
                kind=QuizKind::Assessment
                questions=ASSESSMENT_LENGTH
                primary=false
                on_start=on_start
                note=format!("Questions from every topic. You see how you did at the end; {PASS_MARK}% is a pass.")
            />
            // A due review is offered as what it is, a short refresher, not as a backlog.
            <div class="due-today">
                {move || (due.get() > 0).then(|| view! {
                    <WayIn
                        kind=QuizKind::Review
                        questions=due.get().min(QUIZ_LENGTH)
                        primary=false
                        on_start=on_start
                        note="Questions you have answered before, back just as you might start to forget them."
                    />
                })}
            </div>
            {move || (mistakes.get() > 0).then(|| {
                let wrong = mistakes.get();
                let note = match wrong {
                    1 => "The question you last got wrong.".to_string(),
                    n if n <= QUIZ_LENGTH => format!("The {n} questions you last got wrong."),
                    n => format!("{QUIZ_LENGTH} of the {n} questions you last got wrong."),
                };
                view! { <WayIn kind=QuizKind::Mistakes(Vec::new()) questions=wrong.min(QUIZ_LENGTH) primary=false on_start=on_start note=note /> }
            })}
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
                <div class="error-summary" role="alert" tabindex="-1" node_ref=topic_summary_ref hidden=move || !topic_missing.get()>
                    <h2 class="error-summary-title">"There is a problem"</h2>
                    <ul>
                        <li><a href=format!("#{TOPIC_ID}") on:click=move |event: leptos::ev::MouseEvent| {
                            event.prevent_default();
                            if let Some(select) = topic_select_ref.get_untracked() {
                                let _ = select.focus();
                            }
                        }>{TOPIC_ERROR}</a></li>
                    </ul>
                </div>
                <h2 id="practise-heading">"Practise one topic"</h2>
                <p class="hint">{effort(QUIZ_LENGTH, true)} ". Each is on a different point of the topic."</p>
                <div class="form-group" class:has-error=move || topic_missing.get()>
                    <label class="label" for=TOPIC_ID>"Topic"</label>
                    {move || topic_missing.get().then(|| view! {
                        <p class="error-message" id=TOPIC_ERROR_ID>
                            <span class="visually-hidden">"Error: "</span>{TOPIC_ERROR}
                        </p>
                    })}
                    <select
                        id=TOPIC_ID
                        class="select"
                        node_ref=topic_select_ref
                        aria-describedby=move || topic_missing.get().then_some(TOPIC_ERROR_ID)
                        prop:value=move || chosen_topic.get()
                        on:change=move |event| {
                            let topic = event_target_value(&event);
                            if !topic.is_empty() {
                                topic_missing.set(false);
                            }
                            chosen_topic.set(topic);
                        }
                    >
                        <option value="">"Choose a topic"</option>
                        {move || topics().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button button-secondary" on:click=practise>
                    {start_label(&Mode::Topic, QUIZ_LENGTH)}
                </button>
            </section>

            <nav class="destinations" aria-label="More to do">
                <NavLink route=Route::Learn { card: None } class="destination">"Learn"</NavLink>
                <NavLink route=Route::Progress class="destination">"Progress"</NavLink>
                <NavLink route=Route::Records class="destination">"Records"</NavLink>
                <NavLink route=Route::Join class="destination">"Join with a code"</NavLink>
                <NavLink route=Route::Trainer { session: None } class="destination">"Run a session"</NavLink>
            </nav>

            <CareNote />

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
        </section>
    }
}
