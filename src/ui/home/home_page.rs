//! The home screen: what this is, the ways in (each with the effort it asks
//! for), quizzes in progress, practising one topic, the other places to go,
//! where to turn for support, and the last and best scores of the quick
//! check and the full assessment.

use crate::ui::common::focus::focus_when_shown;
use crate::ui::common::tap_guard::TapGuard;
use leptos::prelude::*;

use crate::platform::clock;
use crate::quiz::learner::draw::{ASSESSMENT_LENGTH, QUIZ_LENGTH};
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::{QuizKind, PASS_MARK};
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::isolated;
use crate::ui::home::in_progress::QuizzesInProgress;
use crate::ui::home::practise_topic::PractiseTopic;
use crate::ui::home::your_scores::YourScores;
use crate::ui::state::{use_app, BankState};
use crate::ui::{CareNote, InAppNotice, NavLink, WayIn};

/// Home: the ways in with their effort, quizzes in progress, the other
/// places to go, support, and scores; `on_retry` loads the bank again.
#[component]
pub fn HomePage(on_retry: Callback<()>) -> impl IntoView {
    let state = use_app();
    let store = state.store;
    let on_start = Callback::new(move |kind: QuizKind| state.start(kind));
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
    // Removing a quiz moves what is below it up, under the finger: Undo, or
    // "Start quick check", must not take the second tap of a double tap.
    let guard = TapGuard::new();

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
            <QuizzesInProgress in_progress=in_progress guard=guard />
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

            <PractiseTopic on_start=on_start />

            <nav class="destinations" aria-label="More to do">
                <NavLink route=Route::Learn { card: None } class="destination">"Learn"</NavLink>
                <NavLink route=Route::Progress class="destination">"Progress"</NavLink>
                <NavLink route=Route::Records class="destination">"Records"</NavLink>
                <NavLink route=Route::Join class="destination">"Join with a code"</NavLink>
                <NavLink route=Route::Trainer { session: None } class="destination">"Run a session"</NavLink>
            </nav>

            <CareNote />

            <YourScores />
        </section>
    }
}
