//! The end of a quiz: the score, each answer at a glance, and where to go next.
//!
//! Shown for one finished attempt, by its id, rebuilt from the store: a
//! reload, Back or Forward shows exactly that attempt, never another quiz's.

use super::focus::focus_when_shown;
use leptos::{html, prelude::*, task::spawn_local};

use super::feedback_panel::feedback_view;
use super::state::use_app;
use super::GoneNotice;
use crate::platform::share;
use crate::quiz::attempt::Attempt;
use crate::quiz::link::QuizResult;
use crate::quiz::route::Route;
use crate::quiz::session::Session;

#[component]
pub fn ResultsPage(attempt: Option<String>) -> impl IntoView {
    let state = use_app();
    // An address from version 2 names no attempt: it meant the latest.
    let id = attempt.or_else(|| state.store.with_untracked(|s| s.last_attempt().map(|(id, _)| id.to_string())));
    let found = id.as_ref().and_then(|id| state.store.with_untracked(|s| s.attempts.get(id).cloned()).map(|a| (id.clone(), a)));
    let Some((id, attempt)) = found else {
        return view! {
            <GoneNotice message="These results are no longer on this device. They may have been cleared with \u{201c}Clear my data\u{201d}." />
        }
        .into_any();
    };
    let Some(bank) = state.ready_bank_untracked() else { return ().into_any() };
    // Cleared from another tab while showing: say so instead of showing results nobody has any more.
    let gone = {
        let id = id.clone();
        Memo::new(move |_| state.store.with(|s| s.attempts.get(&id).is_none()))
    };
    let is_best = {
        let id = id.clone();
        Memo::new(move |_| state.store.with(|s| s.is_best(&id)))
    };
    view! {
        <Show when=move || !gone.get() fallback=|| view! { <GoneNotice message="These results were cleared from this device." /> }>
            {
                let session = attempt.restore(&bank).ok();
                let result = session.as_ref().and_then(|s| attempt.result(s));
                results_view(&id, &attempt, session, result, is_best)
            }
        </Show>
    }
    .into_any()
}

/// The page for a finished attempt; `session` is `None` when its answers are not kept.
fn results_view(id: &str, attempt: &Attempt, session: Option<Session>, result: Option<QuizResult>, is_best: Memo<bool>) -> AnyView {
    let state = use_app();
    let kind = attempt.kind.clone();
    let on_restart = move |_| state.start(kind.clone());
    let record_route = Route::NewRecord { attempt: Some(id.to_owned()) };
    let on_make_record = move |_| state.navigate(record_route.clone());
    let on_home = move |_| state.navigate(Route::Home);
    let session = RwSignal::new(session);
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);

    let score = attempt.score;
    let marked = attempt.passed().zip(attempt.kind.pass_mark());
    let verdict = match marked {
        Some((true, mark)) => Some(format!("You passed. The pass mark is {mark}%.")),
        Some((false, mark)) => {
            Some(format!("Not passed this time. The pass mark is {mark}%. Read the explanations below, then try again when you are ready."))
        }
        None => None,
    };
    // For a trainer's quiz: a link with this result, to send back for the debrief.
    let send_result = result.map(|result| {
        let name = RwSignal::new(String::new());
        let status = RwSignal::new(String::new());
        let result = StoredValue::new(result);
        let link = move || {
            let mut r = result.get_value();
            r.name = Some(name.get().trim().chars().take(40).collect::<String>()).filter(|n| !n.is_empty());
            share::absolute_url(&r.to_query())
        };
        let copy = move |_| {
            let url = link();
            spawn_local(async move {
                status.set(if share::copy(&url).await {
                    "Your result link is copied. Send it to your trainer.".into()
                } else {
                    "This browser would not copy. Select the link and copy it.".into()
                });
            });
        };
        let share_it = move |_| {
            let url = link();
            spawn_local(async move {
                share::share("My quiz result", &url).await;
            });
        };
        view! {
            <section class="send-result" aria-labelledby="send-heading">
                <h3 id="send-heading">"Send your result to your trainer"</h3>
                <p>"The link holds your score and which questions you missed. Your name is only added if you type it."</p>
                <label class="label" for="learner-name">"Your name (optional)"</label>
                <input id="learner-name" class="input" type="text" maxlength="40" autocomplete="name"
                    prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e)) />
                <label class="label" for="result-link">"Your result link"</label>
                <input id="result-link" class="input" type="text" readonly prop:value=link />
                <div class="button-group">
                    <button type="button" class="button button-primary" on:click=copy>"Copy my result link"</button>
                    {share::can_share().then(|| view! {
                        <button type="button" class="button button-secondary" on:click=share_it>"Share"</button>
                    })}
                </div>
                <p class="share-status" role="status">{move || status.get()}</p>
            </section>
        }
    });
    // After a full assessment, every answer is shown again with its feedback and explanation.
    let full_review = session.with_untracked(|s| {
        s.as_ref().filter(|s| s.kind().defers_feedback()).map(|s| {
            s.review()
                .into_iter()
                .enumerate()
                .map(|(i, (item, feedback))| {
                    view! {
                        <li class="assessment-item">
                            <h4>{format!("Question {}: {}", i + 1, item.question.prompt)}</h4>
                            {feedback_view(feedback)}
                        </li>
                    }
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
                {move || is_best.get().then_some(" This is your best score so far.")}
            </p>
            {verdict.map(|v| view! { <p class="verdict">{v}</p> })}
            <h3>"Your answers"</h3>
            {session.with_untracked(Option::is_none).then_some(view! {
                <p>"The answers of quizzes finished with an earlier version of the app were not kept, only the score."</p>
            })}
            {full_review.map(|items| view! { <ol class="assessment-review">{items}</ol> })}
            <ol class="review">{review}</ol>
            {send_result}
            <div class="button-group">
                <button type="button" class="button button-secondary" on:click=on_make_record>
                    "Make a completion record"
                </button>
                <button type="button" class="button button-primary" on:click=on_restart>
                    "Try another quiz"
                </button>
                <button type="button" class="button button-secondary" on:click=on_home>
                    "Back to home"
                </button>
            </div>
        </section>
    }
    .into_any()
}
