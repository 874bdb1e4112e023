//! The landing page of a trainer's quiz link: what the quiz is, and Start,
//! or Continue when this quiz is already in progress on this device (after
//! Back, a reload, or opening the link again).

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::ui::common::focus::focus_when_shown;

use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::link::QuizSpec;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::QuizKind;
use crate::quiz::text::wording::plural;
use crate::ui::state::use_app;
use crate::ui::NavLink;

/// What a trainer's quiz is called on its landing when its link has no title.
pub const UNTITLED_LINK_QUIZ: &str = "Your trainer's quiz";

/// The landing of a trainer's quiz link (`query`, checked strictly against
/// `bank`): what the quiz is, and Start, Continue or its results.
#[component]
pub fn TrainerQuizPage(bank: Arc<Bank>, query: String) -> impl IntoView {
    let state = use_app();
    let known: &dyn Fn(&str) -> bool = &|t| bank.topic(t).is_some();
    let spec = match QuizSpec::from_query(&query, known) {
        Ok(spec) => spec,
        Err(error) => {
            return view! {
                <section class="page">
                    <div class="notice" role="alert"><p>{error.message()}</p></div>
                    <NavLink route=Route::Home class="button button-secondary">"Go to the home page"</NavLink>
                </section>
            }
            .into_any();
        }
    };
    let title = spec.title.clone().unwrap_or_else(|| UNTITLED_LINK_QUIZ.to_string());
    let topics = if spec.topics.is_empty() {
        "every topic".to_string()
    } else {
        spec.topics.iter().filter_map(|t| bank.topic(t).map(|t| t.title.clone())).collect::<Vec<_>>().join("; ")
    };
    // As many as the draw really gives: fewer than asked when the topics have
    // fewer questions that each teach something new.
    let count = session_questions(&bank, &spec).len();
    let about = format!(
        "{} on {topics}. {}",
        plural(count, "question", "questions"),
        if spec.assessment {
            format!("Your answers are saved as you go, and you can check them before you submit. You see how you did at the end; {}% is a pass.", spec.pass_mark)
        } else {
            "You get feedback after each answer.".to_string()
        }
    );
    let kind = QuizKind::Trainer(spec);
    // Focus to the heading, as on every screen (not while the app takes over a landing already in use).
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    // This very quiz, if it is in progress here: (quiz id, where the person is in words).
    let in_progress = {
        let kind = kind.clone();
        Memo::new(move |_| state.store.with(|s| s.quiz_in_progress_of(&kind).map(|(id, q)| (id.to_string(), q.whereabouts()))))
    };
    // The latest finished attempt at this quiz here, if any: (attempt id, score).
    let finished = {
        let kind = kind.clone();
        Memo::new(move |_| state.store.with(|s| s.latest_attempt_of(&kind).map(|(id, a)| (id.to_string(), a.score))))
    };
    view! {
        <section class="page" aria-labelledby="trainer-quiz-heading">
            <p class="quiz-title">"A quiz from your trainer"</p>
            <h2 id="trainer-quiz-heading" tabindex="-1" node_ref=heading_ref>{title}</h2>
            <p>{about}</p>
            <p class="small">"Everyone with this link gets the same questions in the same order."</p>
            {move || finished.get().map(|(id, score)| view! {
                <p>
                    {format!("You finished this quiz on this device: {} out of {}. ", score.correct, score.total)}
                    <NavLink route=Route::Results { attempt: Some(id) }>"See your results"</NavLink>
                </p>
            })}
            {move || match in_progress.get() {
                Some((id, whereabouts)) => view! {
                    <p>{format!("You are part-way through this quiz: {whereabouts}.")}</p>
                    <button type="button" class="button button-primary" on:click=move |_| state.navigate(Route::Quiz { quiz: Some(id.clone()) })>
                        "Continue the quiz"
                    </button>
                }
                .into_any(),
                None => {
                    let kind = kind.clone();
                    view! {
                        <button type="button" class="button button-primary" on:click=move |_| state.start(kind.clone())>"Start the quiz"</button>
                    }
                    .into_any()
                }
            }}
        </section>
    }
    .into_any()
}
