//! The screen switch: which page the route names. Each page reads what it
//! shows from the store itself, so this switch only runs when the route (or
//! the bank, or a start waiting to be confirmed) changes.

use leptos::prelude::*;

use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::QuizKind;
use crate::ui::state::{use_app, BankState};
use crate::ui::{
    AboutPage, AccessibilityPage, ConfirmStart, DebriefPage, FlipPage, HomePage, JoinPage, LearnPage, NavLink, NotesPage, PresentPage,
    ProgressPage, QuizScreen, RecordForm, RecordsPage, ResultsPage, SlidesPage, TrainerPage, TrainerQuizPage,
};

/// The screen the route names. `on_retry` loads the bank again after a
/// failure.
#[component]
pub fn Screen(on_retry: Callback<()>) -> impl IntoView {
    let state = use_app();
    let go_home = Callback::new(move |_| state.navigate(Route::Home));
    let practise = Callback::new(move |topic: String| state.start(QuizKind::Topic(topic)));

    // The screens that need the bank wait for it, or say it could not load.
    let without_bank = move || match state.bank.get() {
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

    move || {
        if let Some(kind) = state.pending_start.get() {
            return view! { <ConfirmStart kind=kind /> }.into_any();
        }
        let bank = state.ready_bank();
        match (state.route.get(), bank) {
            (Route::Quiz { quiz }, Some(_)) => view! { <QuizScreen quiz=quiz /> }.into_any(),
            (Route::Results { attempt }, Some(_)) => view! { <ResultsPage attempt=attempt /> }.into_any(),
            (Route::NewRecord { attempt }, Some(_)) => view! { <RecordForm attempt=attempt /> }.into_any(),
            (Route::Records, _) => view! { <RecordsPage /> }.into_any(),
            (Route::About, _) => view! { <AboutPage on_home=go_home /> }.into_any(),
            (Route::Accessibility, _) => view! { <AccessibilityPage on_home=go_home /> }.into_any(),
            (Route::Trainer { session }, Some(ready)) => view! { <TrainerPage bank=ready session=session /> }.into_any(),
            (Route::Present { session }, Some(ready)) => view! { <PresentPage bank=ready session=session /> }.into_any(),
            (Route::Slides { session }, Some(ready)) => view! { <SlidesPage bank=ready session=session /> }.into_any(),
            (Route::Notes { session }, Some(ready)) => view! { <NotesPage bank=ready session=session /> }.into_any(),
            (Route::Join, Some(ready)) => view! { <JoinPage bank=ready /> }.into_any(),
            (Route::TrainerQuiz(query), Some(ready)) => view! { <TrainerQuizPage bank=ready query=query /> }.into_any(),
            (Route::Debrief { quiz }, Some(ready)) => {
                view! { <DebriefPage bank=ready quiz=quiz notice=state.debrief_notice.get_untracked() /> }.into_any()
            }
            (Route::Projector { quiz }, Some(ready)) => {
                view! { <DebriefPage bank=ready quiz=Some(quiz) notice=None projected=true /> }.into_any()
            }
            (Route::Progress, Some(ready)) => view! { <ProgressPage bank=ready on_home=go_home /> }.into_any(),
            (Route::Learn { card }, Some(ready)) => view! { <LearnPage bank=ready card=card on_practise=practise /> }.into_any(),
            (Route::Flip { card }, Some(ready)) => view! { <FlipPage bank=ready card=card /> }.into_any(),
            (Route::Home, _) => view! {
                <HomePage on_retry=on_retry />
                <nav class="app-footer" aria-label="More">
                    <NavLink route=Route::About class="link-button">"About this app and your data"</NavLink>
                    <NavLink route=Route::Accessibility class="link-button">"Accessibility statement"</NavLink>
                </nav>
            }
            .into_any(),
            // Everything else needs the bank first.
            (_, None) => without_bank(),
            (Route::ResultLink(_) | Route::SessionLink(_), Some(_)) => without_bank(),
        }
    }
}
