//! What a session's debrief shows: the figures (responses, passes at the
//! session's pass mark, the average), the spread of scores, the questions
//! most missed with their answers and explanations, and every question's
//! count of right answers.

use leptos::prelude::*;

use crate::quiz::content::bank::Question;
use crate::quiz::room::debrief::{rounded_percent, Summary};
use crate::ui::trainer::session_labels::{session_effort, session_title};
use crate::ui::unbroken;

/// "3 of 12 (25%)".
fn of(part: usize, whole: usize) -> String {
    format!("{part} of {whole} ({}%)", rounded_percent(part as u64, whole as u64))
}

/// The right answer of `question`, as a list when it has parts (match pairs, order steps).
fn answer_view(question: &Question) -> impl IntoView {
    let lines = question.kind.right_answer(None).lines();
    if lines.len() == 1 {
        view! { <p>"Answer: " <strong>{lines[0].clone()}</strong></p> }.into_any()
    } else {
        view! {
            <p>"Answer:"</p>
            <ul class="answer-lines">{lines.into_iter().map(|l| view! { <li><strong>{l}</strong></li> }).collect_view()}</ul>
        }
        .into_any()
    }
}

/// A question as the list of every question names it: a scenario's first
/// sentence before its prompt, so three "Which principle does this show most
/// clearly?" rows can be told apart.
fn listed_prompt(question: &Question) -> String {
    match question.kind.scenario() {
        Some(scenario) => {
            let first = scenario.split_inclusive(". ").next().unwrap_or(scenario).trim_end();
            format!("{first} {}", question.prompt)
        }
        None => question.prompt.clone(),
    }
}

/// The figures, the spread and the questions of one session's debrief. On
/// the projector (`projected`), no learner is named: the room sees how the
/// group did, not who missed what.
pub fn summary_view(summary: &Summary, questions: &[Question], projected: bool) -> impl IntoView {
    let n = summary.responded;
    let most = summary.spread.iter().copied().max().unwrap_or(1).max(1);
    let spread_rows = summary
        .spread
        .iter()
        .enumerate()
        .rev()
        .map(|(right, &count)| {
            // An SVG bar: its width is an attribute, which the strict CSP allows (inline styles it does not).
            let width = (count * 100 / most).to_string();
            view! {
                <tr>
                    <th scope="row">{format!("{right} of {}", summary.questions)}</th>
                    <td class="spread-bar-cell">
                        // No track behind the bar: a score nobody got is drawn as nothing, not as a full grey row.
                        <svg class="spread-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="spread-fill" width=width height="10"></rect>
                        </svg>
                    </td>
                    <td class="numeric">{count}</td>
                </tr>
            }
        })
        .collect_view();
    let missed = summary
        .most_missed
        .iter()
        .take(5)
        .filter_map(|&(position, count)| {
            let question = questions.get(position as usize)?;
            Some(view! {
                <li>
                    <p class="missed-count">{format!("Question {}: missed by {count} of {n}", position + 1)}</p>
                    // A scenario's prompt ("Which principle does this show most clearly?") means nothing without it.
                    {question.kind.scenario().map(|scenario| view! { <p class="missed-scenario">{unbroken(scenario)}</p> })}
                    <p class="missed-prompt">{unbroken(question.prompt.clone())}</p>
                    {answer_view(question)}
                    <p>{unbroken(question.explanation.clone())}</p>
                    <p class="source">"Source: " {unbroken(question.source.clone())}</p>
                </li>
            })
        })
        .collect_view();
    let by_question = questions
        .iter()
        .zip(&summary.right_by_question)
        .map(|(question, &right)| {
            view! {
                <li>
                    <span class="by-question-prompt">{unbroken(listed_prompt(question))}</span>
                    <span class="by-question-right">{format!("Right: {}", of(right, n))}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="debrief-overview">
        <h3>{unbroken(session_title(&summary.spec))}</h3>
        <p class="session-effort">{session_effort(questions.len(), &summary.spec)}</p>
        <dl class="debrief-figures">
            <div><dt>"Responses"</dt><dd>{n}</dd></div>
            {summary.passed.map(|passed| view! {
                <div class="pass-rate">
                    <dt>{format!("Passed (pass mark {}%)", summary.spec.pass_mark)}</dt>
                    // On the projector the rate is the figure, large; the count beneath it.
                    {if projected {
                        view! { <dd>{format!("{}%", rounded_percent(passed as u64, n as u64))}<span class="figure-detail">{format!("{passed} of {n}")}</span></dd> }.into_any()
                    } else {
                        view! { <dd>{of(passed, n)}</dd> }.into_any()
                    }}
                </div>
            })}
            <div><dt>"Average score"</dt><dd>{format!("{}%", summary.average_percent)}</dd></div>
        </dl>
        // Each name isolated (`<bdi>`): right-to-left names side by side would otherwise swap places.
        {(!projected && !summary.names.is_empty()).then(|| {
            let last = summary.names.len() - 1;
            let names = summary.names.iter().enumerate().map(|(n, name)| view! { <bdi>{name.clone()}</bdi>{(n < last).then_some(", ")}}).collect_view();
            view! { <p>"From: " {names}</p> }
        })}
        <h3 id="spread-heading">"Spread of scores"</h3>
        <table class="spread" aria-labelledby="spread-heading">
            <thead><tr><th scope="col">"Right"</th><th scope="col"><span class="visually-hidden">"Chart"</span></th><th scope="col" class="numeric">"Learners"</th></tr></thead>
            <tbody>{spread_rows}</tbody>
        </table>
        </div>
        <div class="debrief-missed">
        <h3>"Most missed"</h3>
        {if summary.most_missed.is_empty() {
            view! { <p>"Nobody missed a question. Well done, everyone."</p> }.into_any()
        } else {
            view! { <ol class="missed">{missed}</ol> }.into_any()
        }}
        </div>
        <h3 class="every-question">"Every question"</h3>
        <ol class="by-question">{by_question}</ol>
    }
}
