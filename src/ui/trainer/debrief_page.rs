//! The group debrief, built on the trainer's phone from learners' result
//! links (opened from a scanned QR code or a message): responses, passes at
//! the session's pass mark, the average and the spread of scores, the
//! questions most missed with their explanations, and every question's
//! count of right answers, ready to project.

use std::sync::Arc;

use crate::ui::common::focus::{focus_after_render, focus_when_shown};
use crate::ui::common::projector_view::hold_projector_view;
use crate::ui::common::tap_guard::TapGuard;
use leptos::prelude::*;

use crate::platform::share;
use crate::quiz::content::bank::{Bank, Question};
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::link::QuizResult;
use crate::quiz::links::route::Route;
use crate::quiz::room::debrief::{rounded_percent, Summary};
use crate::quiz::text::wording::{isolated, plural};
use crate::ui::state::use_app;
use crate::ui::trainer::session_labels::{session_effort, session_title};
use crate::ui::{unbroken, NavLink};

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
fn summary_view(summary: &Summary, questions: &[Question], projected: bool) -> impl IntoView {
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

/// The group debrief of trainer quiz `quiz` (its id), or the list of every
/// debrief on this device; `notice` is said once after a result link was
/// opened, and `projected` shows it for a projector.
#[component]
pub fn DebriefPage(
    bank: Arc<Bank>,
    quiz: Option<String>,
    /// Said once, when a result link has just been opened.
    notice: Option<String>,
    /// Full screen for a projector (`Route::Projector`): everything larger,
    /// the site's header hidden, no names, and nothing to press but full
    /// screen and leave.
    #[prop(optional)]
    projected: bool,
) -> impl IntoView {
    let state = use_app();
    let heading_ref = NodeRef::<leptos::html::H2>::new();
    focus_when_shown(heading_ref);
    let tally = Memo::new(move |_| state.store.with(|s| s.tally()));
    let message = RwSignal::new(notice);
    // The results just cleared, for Undo.
    let cleared = RwSignal::new(None::<Vec<QuizResult>>);
    let undo_ref = NodeRef::<leptos::html::Button>::new();
    // Clearing puts Undo where "Clear this debrief" was: the second tap of a
    // double tap must not undo it at once.
    let guard = TapGuard::new();
    let on_clear = move |id: String| {
        guard.raise();
        if let Some(removed) = state.change(|s, now| s.clear_debrief(&id, now)) {
            message.set(Some(format!("The debrief was cleared: {} removed.", plural(removed.len(), "result", "results"))));
            cleared.set(Some(removed));
            // The button pressed has gone: focus goes to Undo.
            focus_after_render(undo_ref);
        }
    };
    let undo = move |_| {
        guard.raise();
        if let Some(removed) = cleared.get_untracked() {
            state.change(|s, now| s.restore_results(removed, now));
            cleared.set(None);
            message.set(Some("The debrief is back.".into()));
        }
    };
    // On a projector: every size larger and the site's header hidden
    // (`.projecting` on <html>, gone with the screen); Escape leaves.
    let back = Route::Debrief { quiz: quiz.clone() };
    if projected {
        hold_projector_view("projecting", back.clone());
    }
    let session_here = {
        let quiz = quiz.clone();
        Memo::new(move |_| quiz.as_ref().and_then(|id| state.store.with(|s| s.sessions.get(id).map(|t| t.spec.clone()))))
    };
    let body = move || {
        let quiz = quiz.clone();
        tally.with(|t| {
            let from_results = quiz.as_deref().and_then(|id| t.results.iter().find(|r| r.spec.id() == id)).map(|r| r.spec.clone());
            match (from_results, session_here.get()) {
                (Some(spec), made_here) => {
                    // The same draw as the learners' phones made from the link's seed.
                    let questions = session_questions(&bank, &spec);
                    let quiz_id = spec.id();
                    let Some(summary) = t.summary(&quiz_id, questions.len() as u32) else { return ().into_any() };
                    if projected {
                        return view! { <div class="debrief-body">{summary_view(&summary, &questions, true)}</div> }.into_any();
                    }
                    view! {
                        <NavLink route=Route::Projector { quiz: quiz_id.clone() } class="button button-secondary">
                            "Show on the projector"
                        </NavLink>
                        <div class="debrief-body">{summary_view(&summary, &questions, false)}</div>
                        <div class="button-group">
                            {made_here.is_some().then(|| view! {
                                <NavLink route=Route::Trainer { session: Some(quiz_id.clone()) } class="button button-secondary">
                                    "This session's QR code"
                                </NavLink>
                            })}
                            <button type="button" class="button button-secondary" on:click=move |_| on_clear(quiz_id.clone())>
                                "Clear this debrief"
                            </button>
                        </div>
                    }
                    .into_any()
                }
                // A session made here with no results yet: say so, under its own
                // title; on the projector in words for the room, with nothing to press.
                (None, Some(spec)) => view! {
                    <h3>{unbroken(session_title(&spec))}</h3>
                    <p class="session-effort">{session_effort(session_questions(&bank, &spec).len(), &spec)}</p>
                    {if projected {
                        view! { <p>"No results yet. They appear here as the trainer collects them."</p> }.into_any()
                    } else {
                        view! {
                            <p>"No results yet for this session. At the end of the quiz, scan each learner's result QR code with this phone's camera, or open the result links they send you."</p>
                            <NavLink route=Route::Trainer { session: Some(spec.id()) } class="button button-secondary">
                                "This session's QR code"
                            </NavLink>
                        }
                        .into_any()
                    }}
                }
                .into_any(),
                // On the projector, with nothing here to show: say how to bring the session here.
                (None, None) if projected => view! {
                    <p>"This device has no results for this session. To show them here, open the session link from the trainer's screen on this device."</p>
                }
                .into_any(),
                (None, None) => {
                    let quizzes = t.quizzes();
                    let asked_for = quiz.is_some().then(|| view! { <p class="notice">"There are no results for that session on this device."</p> });
                    if quizzes.is_empty() {
                        view! {
                            {asked_for}
                            <p>"No results yet. At the end of the quiz, scan each learner's result QR code with this phone's camera, or open the result links they send you."</p>
                        }
                        .into_any()
                    } else {
                        view! {
                            {asked_for}
                            <ul class="card-list">
                                {quizzes.into_iter().map(|(id, spec, count)| view! {
                                    <li>
                                        <NavLink route=Route::Debrief { quiz: Some(id) } class="card-link">
                                            {format!("{} ({})", isolated(&session_title(&spec)), plural(count, "result", "results"))}
                                        </NavLink>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                }
            }
        })
    };
    let leave = {
        let back = back.clone();
        move |e: leptos::ev::MouseEvent| {
            e.prevent_default();
            state.replace(back.clone());
        }
    };
    let controls = projected.then(|| {
        view! {
            <div class="button-group present-controls">
                {share::full_screen_available().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| { share::full_screen("debrief"); }>"Full screen"</button>
                })}
                <a href=back.to_query() class="button button-secondary" on:click=leave>"Leave the projector view"</a>
            </div>
        }
    });
    let links = (!projected).then(|| {
        view! {
            <NavLink route=Route::Trainer { session: None } class="button button-secondary">"Run a session"</NavLink>
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        }
    });
    view! {
        <section class="page debrief" id="debrief" aria-labelledby="debrief-heading" class:projected=projected
            data-settling=move || guard.settling().get().then_some("")
            on:click:capture=guard.on_click()
            on:mousedown:capture=guard.on_mousedown()>
            {controls}
            <h2 id="debrief-heading" tabindex="-1" node_ref=heading_ref class:visually-hidden=projected>"Group debrief"</h2>
            <div role="status">
                {move || message.get().map(|n| view! { <p class="notice">{n}</p> })}
                {move || cleared.get().is_some().then(|| view! {
                    <button type="button" class="button button-secondary" node_ref=undo_ref on:click=undo>"Undo"</button>
                })}
            </div>
            {body}
            {links}
        </section>
    }
}
