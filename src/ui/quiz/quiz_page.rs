//! One question per screen: a compact bar (the quiz's name and Quit), the
//! progress, a fieldset with the inputs its type needs, then:
//! - with immediate feedback: Check answer, the feedback, Next question;
//! - in an assessment: Save and continue, with a neutral "saved" note and no
//!   marking at all (the attempt gives none out until it is submitted).
//!
//! The question's own fields (scenario, prompt, hint, inputs) are drawn by
//! `question_fields`, beside this file.

use leptos::{ev::SubmitEvent, html, prelude::*};

use crate::platform::history;
use crate::quiz::answering::draft::{Draft, Incomplete};
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::{Attempt, Stage};
use crate::ui::common::error_summary::ErrorSummary;
use crate::ui::quiz::answer_inputs::AnswerDraft;
use crate::ui::quiz::question_fields::{problem_link, QuestionFields};
use crate::ui::{common::focus, unbroken, FeedbackPanel, NavLink, QuitQuiz};

/// What the quiz pages ask the app to keep.
#[derive(Debug, Clone)]
pub enum QuizUpdate {
    /// Immediate feedback: the current question was checked: the attempt now, and (question id, right?).
    Answered { attempt: Attempt, item: String, right: bool },
    /// The person moved on: the next question, an assessment answer saved, or
    /// an assessment answer to change. Finished, if the attempt's stage is `Finished`.
    Moved(Attempt),
    /// What is picked so far on the current question.
    Draft(Draft),
}

/// A fresh draft for the attempt's current question: empty, or in an
/// assessment the answer saved before, to change.
fn draft_for(attempt: &Option<Attempt>) -> Draft {
    let Some(item) = attempt.as_ref().and_then(Attempt::current) else { return Draft::Choice(None) };
    let asking = attempt.as_ref().is_some_and(|s| s.stage() == Stage::Asking);
    match item.response.as_ref().filter(|_| asking) {
        Some(response) => Draft::from_response(&item.question.kind, &item.layout, response),
        None => Draft::new(&item.question.kind, &item.layout),
    }
}

/// The stored draft if it fits the current question, else a fresh one.
fn starting_draft(attempt: &Option<Attempt>, stored: Option<Draft>) -> Draft {
    let current = attempt.as_ref().and_then(Attempt::current).filter(|_| attempt.as_ref().is_some_and(|s| s.stage() == Stage::Asking));
    stored.filter(|draft| current.is_some_and(|item| draft.fits(&item.question.kind, &item.layout))).unwrap_or_else(|| draft_for(attempt))
}

/// One question of a quiz in progress, with its inputs, Check (or Save and
/// continue) and feedback.
#[component]
pub fn QuizPage(
    /// The quiz as the store holds it now.
    attempt: Memo<Option<Attempt>>,
    title: String,
    /// What was picked on the current question before a reload, Back or Forward.
    stored_draft: Option<Draft>,
    /// Every change, for the app to keep.
    on_update: Callback<QuizUpdate>,
    /// The Learn card (id, title) to read more on a question, by its id.
    read_more: Callback<String, Option<(String, String)>>,
    /// A neutral note for the live region after an assessment answer is saved.
    saved_note: RwSignal<Option<String>>,
) -> impl IntoView {
    let draft = RwSignal::new(attempt.with_untracked(|s| starting_draft(s, stored_draft)));
    // What is picked is kept as each pick is made, so Back, Forward or a reload keep it.
    let answer_draft = AnswerDraft::new(draft, Callback::new(move |picked| on_update.run(QuizUpdate::Draft(picked))));
    let problem = RwSignal::new(None::<Incomplete>);
    // The quiz can move on without this page's buttons: the same quiz answered
    // in another tab, or a backup restored. Then what was picked here belongs
    // to another question, so start this one afresh.
    let step = Memo::new(move |_| attempt.with(|s| s.as_ref().map(|s| (s.position(), s.stage()))));
    Effect::new(move |previous: Option<Option<(usize, Stage)>>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) {
            draft.set(attempt.with_untracked(draft_for));
            problem.set(None);
        }
        now
    });
    // Counts checks made with an incomplete answer; each one moves focus to the error summary.
    let failed_checks = RwSignal::new(0u32);
    let heading_ref = NodeRef::<html::H2>::new();
    let feedback_ref = NodeRef::<html::Div>::new();

    let stage = move || attempt.with(|s| s.as_ref().map_or(Stage::Finished, Attempt::stage));
    let position = move || attempt.with(|s| s.as_ref().map_or(0, Attempt::position));
    let total = move || attempt.with(|s| s.as_ref().map_or(0, Attempt::len));
    let is_last = move || attempt.with(|s| s.as_ref().is_some_and(Attempt::is_last));
    let deferred = move || attempt.with(|s| s.as_ref().is_some_and(Attempt::defers_feedback));
    let answered = move || stage() == Stage::Answered;
    let current = move || attempt.with(|s| s.as_ref().and_then(Attempt::current).cloned());
    // Which question is on screen: the question is drawn again only when this
    // changes. Checking it updates the inputs in place.
    let question_on_screen =
        Memo::new(move |_| attempt.with(|s| s.as_ref().and_then(|s| s.current().map(|i| (s.position(), i.question.id.clone())))));
    // The answer as marked, once checked. Only the attempt's marking gives it,
    // and it gives nothing in an assessment before it is submitted.
    let checked = Memo::new(move |_| {
        attempt.with(|s| s.as_ref().and_then(Attempt::marking).and_then(|m| m.checked()).and_then(|i| i.response.clone()))
    });

    // Each new question opens at its top (the scenario first), with focus on
    // its question, so keyboard and screen-reader users start there. Only
    // when the question changes: checking an answer re-renders it too, and
    // then focus belongs on the feedback.
    Effect::new(move |previous: Option<usize>| {
        let now = position();
        // (Not when this is the page's own question the person was on, taken over.)
        if previous != Some(now) && !focus::held_for_takeover() {
            if let Some(heading) = heading_ref.get_untracked() {
                let _ = heading.focus();
            }
            history::scroll_to_top();
        }
        now
    });
    // After checking, focus and scroll move to the feedback's verdict, not the
    // spot just tapped (where Next question now is). The live region announces it too.
    Effect::new(move |_| {
        if answered() && !focus::held_for_takeover() {
            // After the frame that draws the feedback.
            request_animation_frame(move || {
                // The question may be gone by the next frame (another tab moved on).
                let region = feedback_ref.try_get_untracked().flatten();
                if let Some(verdict) = region.and_then(|region| region.query_selector(".feedback-verdict").ok().flatten()) {
                    history::bring_into_view(&verdict);
                }
            });
        }
    });

    let check = move |event: SubmitEvent| {
        event.prevent_default();
        if stage() != Stage::Asking {
            return;
        }
        let fits = attempt.with_untracked(|s| {
            let item = s.as_ref().and_then(Attempt::current);
            item.is_some_and(|item| draft.with_untracked(|d| d.fits(&item.question.kind, &item.layout)))
        });
        if !fits {
            draft.set(attempt.with_untracked(draft_for));
        }
        match draft.with_untracked(Draft::to_response) {
            Ok(response) => {
                problem.set(None);
                let Some(mut now) = attempt.get_untracked() else { return };
                let Some(item) = now.current().map(|i| i.question.id.clone()) else { return };
                if now.defers_feedback() {
                    let number = now.position() + 1;
                    if now.save(response).is_ok() {
                        saved_note.set(Some(format!("Your answer to question {number} is saved.")));
                        on_update.run(QuizUpdate::Moved(now));
                    }
                } else if let Ok(feedback) = now.answer(response) {
                    on_update.run(QuizUpdate::Answered { attempt: now, item, right: feedback.correct });
                }
            }
            Err(incomplete) => {
                problem.set(Some(incomplete));
                failed_checks.update(|n| *n += 1);
            }
        }
    };

    let next = move |event: leptos::ev::MouseEvent| {
        // The button under the finger becomes "Check answer" (a submit button)
        // as the next question renders: this click must not also submit it.
        event.prevent_default();
        let Some(mut now) = attempt.get_untracked() else { return };
        if now.next().is_err() {
            return;
        }
        let moved = Some(now.clone());
        on_update.run(QuizUpdate::Moved(now));
        draft.set(draft_for(&moved));
    };

    let question = move || {
        // Read, not only tracked: a memo never read is never computed, so it
        // would never hear of a change.
        question_on_screen.with(|_| ());
        let item = attempt.with_untracked(|s| s.as_ref().and_then(Attempt::current).cloned());
        item.map(
            |item| view! { <QuestionFields item=item problem=problem draft=answer_draft checked=checked.into() heading_ref=heading_ref /> },
        )
    };

    let percent_through = move || {
        let done = attempt.with(|s| s.as_ref().map_or(0, |s| if s.stage() == Stage::Answered { s.position() + 1 } else { s.position() }));
        format!("{}%", done * 100 / total().max(1))
    };

    view! {
        <section class="page quiz">
            <QuitQuiz title=title />
            <div class="quiz-progress">
                <p class="question-count">{move || format!("Question {} of {}", position() + 1, total())}</p>
                <div class="progress-track" aria-hidden="true">
                    <div class="progress-fill" style:width=percent_through></div>
                </div>
            </div>
            {move || deferred().then_some(view! {
                <p class="hint assessment-note">"Your answers are saved as you go. You will see how you did once you submit them all."</p>
            })}
            // Takes focus with each check of an incomplete answer (GOV.UK pattern).
            <ErrorSummary hidden=Signal::derive(move || problem.get().is_none()) failures=failed_checks>
                {move || problem.get().map(problem_link)}
            </ErrorSummary>
            <form on:submit=check novalidate>
                {question}
                <FeedbackPanel attempt=attempt saved_note=saved_note region_ref=feedback_ref />
                {move || {
                    let question_id = (answered() && !deferred()).then(|| current().map(|i| i.question.id))??;
                    let (card, card_title) = read_more.run(question_id)?;
                    Some(view! {
                        <p class="read-more">
                            <NavLink route=Route::Learn { card: Some(card) }>
                                {unbroken(format!("Read more: {card_title}"))}
                            </NavLink>
                        </p>
                    })
                }}
                {move || if answered() {
                    view! {
                        <button type="button" class="button button-primary" on:click=next>
                            {if is_last() { "See results" } else { "Next question" }}
                        </button>
                    }.into_any()
                } else if deferred() {
                    view! { <button type="submit" class="button button-primary">"Save and continue"</button> }.into_any()
                } else {
                    view! { <button type="submit" class="button button-primary">"Check answer"</button> }.into_any()
                }}
            </form>
        </section>
    }
}
