//! The results' "Your answers": every answer in a compact list where only
//! the missed ones are open, each with its scenario, its feedback and a link
//! to its Learn card; above it, what the course has changed since.

use leptos::prelude::*;

use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::Attempt;
use crate::quiz::run::stored_answer::Changed;
use crate::ui::quiz::feedback_panel::feedback_view;
use crate::ui::{unbroken, NavLink};

/// One answered question, as the results list shows it.
pub struct Row {
    /// Its question number in the attempt.
    pub number: usize,
    pub right: bool,
    view: AnyView,
}

/// The answers, right and missed, each with its feedback and its question
/// number in the attempt (`numbers`, one per item of `attempt`).
pub fn answer_rows(attempt: &Attempt, numbers: &[usize], bank: &Bank) -> Vec<Row> {
    let Some(marking) = attempt.marking() else { return Vec::new() };
    marking
        .review()
        .into_iter()
        .enumerate()
        .map(|(i, (item, feedback))| {
            let question = &item.question;
            let right = feedback.correct;
            let topic = bank.topic_of(&question.id);
            let scenario = question.kind.scenario().map(str::to_string);
            let given = item.response.as_ref().map(|r| question.kind.describe(r)).unwrap_or_default();
            let card = bank.card_for_question(&question.source, topic).map(|c| (c.id.clone(), c.title.clone()));
            let verdict = if right {
                "Correct"
            } else if feedback.close {
                "Close"
            } else {
                "Not quite"
            };
            let number = numbers.get(i).copied().unwrap_or(i + 1);
            let view = view! {
                <details class="answer" class:answer-right=right class:answer-missed=!right open=!right>
                    <summary>
                        <span class="tag" class:tag-answer=right class:tag-chosen=!right>{verdict}</span>
                        <span class="answer-prompt">{unbroken(format!("{number}. {}", question.prompt))}</span>
                    </summary>
                    <div class="answer-body">
                        {scenario.map(|text| view! {
                            <div class="scenario">
                                <p class="scenario-label">"Scenario"</p>
                                <p>{text}</p>
                            </div>
                        })}
                        <p class="your-answer">"Your answer: " {given}</p>
                        {feedback_view(feedback)}
                        {card.map(|(card, title)| view! {
                            <p class="read-more">
                                <NavLink route=Route::Learn { card: Some(card) }>
                                    {unbroken(format!("Read more: {title}"))}
                                </NavLink>
                            </p>
                        })}
                    </div>
                </details>
            }
            .into_any();
            Row { number, right, view }
        })
        .collect()
}

/// The line above the answers: how many are right and missed among those
/// shown, and how to read them. None when every answer has been changed since.
fn answers_hint(right: usize, missed: usize, changed: usize) -> Option<String> {
    if right + missed == 0 {
        return None;
    }
    let among = if changed > 0 { " among the answers still in the course" } else { "" };
    let how = if missed > 0 {
        "Missed answers are open; select a right one to see why it is right."
    } else {
        "Select an answer to see why it is right."
    };
    Some(format!("{right} right, {missed} missed{among}. {how}"))
}

/// "Your answers": what the course has `changed` since (by question number,
/// and how), then the `rows` with a line counting them (`missed` among
/// them), or, when the answers were not `kept`, that only the score was.
#[component]
pub fn AnswerList(rows: Vec<Row>, kept: bool, missed: usize, changed: Vec<(usize, Changed)>) -> impl IntoView {
    let right = rows.iter().filter(|r| r.right).count();
    let changed_count = changed.len();
    // Never marked again silently: what the course has changed since is said, and the score stays as it was.
    let changed_notice = (!changed.is_empty()).then(|| {
        view! {
            <div class="panel course-changed" role="note">
                <p class="panel-body">
                    "The course has been updated since you took this quiz. Your score stays as it was marked then."
                </p>
                <ul>{changed.into_iter().map(|(number, how)| view! { <li>{how.sentence(number)}</li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <h3>"Your answers"</h3>
        {changed_notice}
        {if kept {
            view! {
                <p class="hint">{answers_hint(right, missed, changed_count)}</p>
                <ol class="answer-list">{rows.into_iter().map(|r| view! { <li>{r.view}</li> }).collect_view()}</ol>
            }
            .into_any()
        } else {
            view! { <p>"The answers of quizzes finished with an earlier version of the app were not kept, only the score."</p> }.into_any()
        }}
    }
}
