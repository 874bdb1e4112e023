//! The end of a quiz: the score, each answer at a glance, and where to go next.

use leptos::{html, prelude::*};

use super::feedback_panel::feedback_view;
use crate::quiz::progress::Progress;
use crate::quiz::session::{Session, PASS_MARK};

#[component]
pub fn ResultsPage(
    session: RwSignal<Option<Session>>,
    progress: RwSignal<Progress>,
    on_restart: Callback<()>,
    on_home: Callback<()>,
) -> impl IntoView {
    let heading_ref = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading_ref.get() {
            let _ = heading.focus();
        }
    });

    let score = session.with_untracked(|s| s.as_ref().map(Session::score)).unwrap_or_default();
    // The quiz just finished was recorded before this page showed, so it is the best
    // if the stored best has the same finish time as the last attempt.
    let is_best = progress.with_untracked(|p| {
        matches!((p.last(), p.best.as_ref()), (Some(last), Some(best)) if last == best)
    });

    let assessment = session.with_untracked(|s| s.as_ref().map(|s| (s.kind().defers_feedback(), s.passed())));
    let verdict = match assessment {
        Some((true, true)) => Some(format!("You passed. The pass mark is {PASS_MARK}%.")),
        Some((true, false)) => Some(format!(
            "Not passed this time. The pass mark is {PASS_MARK}%. Read the explanations below, then try again when you are ready."
        )),
        _ => None,
    };
    // After a full assessment, every answer is shown again with its feedback and explanation.
    let full_review = session.with_untracked(|s| {
        s.as_ref().filter(|s| s.kind().defers_feedback()).map(|s| {
            s.review()
                .into_iter()
                .enumerate()
                .map(|(i, (item, feedback))| view! {
                    <li class="assessment-item">
                        <h4>{format!("Question {}: {}", i + 1, item.question.prompt)}</h4>
                        {feedback_view(feedback)}
                    </li>
                })
                .collect_view()
        })
    });
    let review = session.with_untracked(|s| {
        s.as_ref()
            .filter(|s| !s.kind().defers_feedback())
            .map(|s| {
                s.items()
                    .iter()
                    .map(|item| {
                        let correct = item.is_correct();
                        let answer = item.question.kind.right_answer(item.response.as_ref()).summary();
                        view! {
                            <li class:review-right=correct class:review-wrong=!correct>
                                <span class="tag">{if correct { "Correct" } else { "Not quite" }}</span>
                                <span class="review-prompt">{item.question.prompt.clone()}</span>
                                {(!correct).then(|| view! { <span class="review-answer">"Answer: " {answer}</span> })}
                            </li>
                        }
                    })
                    .collect_view()
            })
            .unwrap_or_default()
    });

    view! {
        <section class="page results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1" node_ref=heading_ref>
                {format!("You scored {} out of {}", score.correct, score.total)}
            </h2>
            <p class="results-percent">
                {format!("That is {}%.", score.percent())}
                {is_best.then_some(" This is your best score so far.")}
            </p>
            {verdict.map(|v| view! { <p class="verdict">{v}</p> })}
            <h3>"Your answers"</h3>
            {full_review.map(|items| view! { <ol class="assessment-review">{items}</ol> })}
            <ol class="review">{review}</ol>
            <div class="button-group">
                <button type="button" class="button button-primary" on:click=move |_| on_restart.run(())>
                    "Try another quiz"
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| on_home.run(())>
                    "Back to home"
                </button>
            </div>
        </section>
    }
}
