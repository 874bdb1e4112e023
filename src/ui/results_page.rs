//! The end of a quiz: the score, each answer at a glance, and where to go next.

use leptos::{html, prelude::*, task::spawn_local};

use super::feedback_panel::feedback_view;
use crate::platform::share;
use crate::quiz::link::QuizResult;
use crate::quiz::progress::Progress;
use crate::quiz::session::Session;

#[component]
pub fn ResultsPage(
    session: RwSignal<Option<Session>>,
    progress: RwSignal<Progress>,
    on_restart: Callback<()>,
    on_home: Callback<()>,
    on_make_record: Callback<()>,
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
    let is_best = progress.with_untracked(|p| matches!((p.last(), p.best.as_ref()), (Some(last), Some(best)) if last == best));

    let marked = session.with_untracked(|s| s.as_ref().and_then(|s| Some((s.passed()?, s.kind().pass_mark()?))));
    let verdict = match marked {
        Some((true, mark)) => Some(format!("You passed. The pass mark is {mark}%.")),
        Some((false, mark)) => {
            Some(format!("Not passed this time. The pass mark is {mark}%. Read the explanations below, then try again when you are ready."))
        }
        None => None,
    };
    // For a trainer's quiz: a link with this result, to send back for the debrief.
    let result = session.with_untracked(|s| {
        let s = s.as_ref()?;
        let spec = s.kind().link.clone()?;
        let missed = s.items().iter().enumerate().filter(|(_, i)| !i.is_correct()).map(|(n, _)| n as u32).collect();
        Some(QuizResult { spec, correct: s.score().correct, missed, token: share::learner_token(), name: None })
    });
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
                {is_best.then_some(" This is your best score so far.")}
            </p>
            {verdict.map(|v| view! { <p class="verdict">{v}</p> })}
            <h3>"Your answers"</h3>
            {full_review.map(|items| view! { <ol class="assessment-review">{items}</ol> })}
            <ol class="review">{review}</ol>
            {send_result}
            <div class="button-group">
                <button type="button" class="button button-secondary" on:click=move |_| on_make_record.run(())>
                    "Make a completion record"
                </button>
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
