//! An assessment's "Check your answers" page (the GOV.UK pattern): every
//! answer in words, each with Change, then Submit. Nothing here is marked:
//! the attempt gives no marking out until it is submitted.

use leptos::{html, prelude::*};

use crate::quiz::run::attempt::Attempt;
use crate::ui::common::focus::focus_when_shown;
use crate::ui::quiz::quiz_page::QuizUpdate;
use crate::ui::{unbroken, QuitQuiz};

/// The start of a scenario, so scenario rows (which share one prompt) can be told apart.
fn opening(text: &str) -> String {
    const LONGEST: usize = 90;
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}

/// "Check your answers" for an assessment (`attempt`, titled `title`): each
/// saved answer with Change, then Submit; each step sent to `on_update`.
#[component]
pub fn CheckAnswersPage(attempt: Memo<Option<Attempt>>, title: String, on_update: Callback<QuizUpdate>) -> impl IntoView {
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    let count = move || attempt.with(|s| s.as_ref().map_or(0, Attempt::len));
    let change = move |position: usize| {
        let Some(mut now) = attempt.get_untracked() else { return };
        if now.change(position).is_ok() {
            on_update.run(QuizUpdate::Moved(now));
        }
    };
    let submit = move |_| {
        let Some(mut now) = attempt.get_untracked() else { return };
        if now.submit().is_ok() {
            on_update.run(QuizUpdate::Moved(now));
        }
    };
    let rows = move || {
        attempt.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.items()
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let number = i + 1;
                            let scenario = item.question.kind.scenario().map(opening);
                            let given =
                                item.response.as_ref().map_or_else(|| "Not answered".to_string(), |r| item.question.kind.describe(r));
                            view! {
                                <div class="summary-row">
                                    <dt class="summary-key">
                                        <span class="summary-number">{format!("Question {number}")}</span>
                                        {scenario.map(|text| view! { <span class="summary-scenario">{text}</span> })}
                                        <span class="summary-prompt">{unbroken(item.question.prompt.clone())}</span>
                                    </dt>
                                    <dd class="summary-value">{given}</dd>
                                    <dd class="summary-action">
                                        <button type="button" class="link-button" on:click=move |_| change(i)>
                                            "Change"<span class="visually-hidden">{format!(" your answer to question {number}")}</span>
                                        </button>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="page quiz check-answers" aria-labelledby="check-heading">
            <QuitQuiz title=title />
            <h2 id="check-heading" tabindex="-1" node_ref=heading_ref>"Check your answers before you submit"</h2>
            <p>{move || format!("You have answered all {} questions. You can change any answer before you submit.", count())}</p>
            <dl class="summary-list">{rows}</dl>
            <h2>"Now submit your answers"</h2>
            <p>"Once you submit, you will see your score, whether you passed, and why each answer is right. You cannot change your answers after that."</p>
            <button type="button" class="button button-primary" on:click=submit>"Submit your answers"</button>
        </section>
    }
}
