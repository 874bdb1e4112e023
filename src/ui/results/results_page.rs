//! The end of a quiz, built to teach: the score (an assessment leads with
//! passed or not, in a panel), the next step, how it went by topic, then
//! every answer in a compact list where only the missed ones are open, each
//! with its scenario, its feedback and a link to its Learn card. For a
//! trainer's quiz, "Show my result to the trainer" comes first: a QR code of
//! the result link, for the trainer to scan with no connection.
//!
//! Shown for one finished attempt, by its id, rebuilt from the store: a
//! reload, Back or Forward shows exactly that attempt, never another quiz's.

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::platform::{history, share};
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::again_label;
use crate::quiz::learner::record::RecordDraft;
use crate::quiz::links::link::QuizResult;
use crate::quiz::links::link::NAME_MAX;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::Mode;
use crate::quiz::run::attempt::{Attempt, QuizKind};
use crate::quiz::run::finished::{FinishedAttempt, Review};
use crate::quiz::text::wording::isolated;
use crate::ui::common::link_actions::{copy_link, share_link};
use crate::ui::common::qr::qr_svg_labelled;
use crate::ui::quiz::feedback_panel::feedback_view;
use crate::ui::state::{today, use_app};
use crate::ui::{unbroken, GoneNotice, NavLink};

/// The results of finished attempt `attempt` (its id; `None` for the
/// latest): the score, what to do next, each answer, and for a trainer's
/// quiz the result to send back.
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
    let is_new_best = {
        let id = id.clone();
        Memo::new(move |_| state.store.with(|s| s.is_new_best(&id)))
    };
    view! {
        <Show when=move || !gone.get() fallback=|| view! { <GoneNotice message="These results were cleared from this device." /> }>
            {
                let review = attempt.review(&bank).ok();
                let result = attempt.result(&bank);
                results_view(&id, &attempt, &bank, review, result, is_new_best)
            }
        </Show>
    }
    .into_any()
}

/// One answered question, as the results list shows it.
struct Row {
    number: usize,
    right: bool,
    view: AnyView,
}

/// The answers, right and missed, each with its feedback and its question
/// number in the attempt (`numbers`, one per item of `session`); and per
/// topic, (topic title, right, of) (`Marking::by_topic` in `quiz::run::attempt`).
fn answers(session: &Attempt, numbers: &[usize], bank: &Bank) -> (Vec<Row>, Vec<(String, u32, u32)>) {
    let Some(marking) = session.marking() else { return (Vec::new(), Vec::new()) };
    let rows = marking
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
        .collect();
    (rows, marking.by_topic(bank))
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

/// The page for a finished attempt; `review` is `None` when its answers are not kept.
fn results_view(
    id: &str,
    attempt: &FinishedAttempt,
    bank: &Bank,
    review: Option<Review>,
    result: Option<QuizResult>,
    is_new_best: Memo<bool>,
) -> AnyView {
    let state = use_app();
    let kind = StoredValue::new(attempt.kind.clone());
    let on_restart = move |_| state.start(kind.get_value());
    let again = again_label(&attempt.kind.mode());
    let attempt_mode = attempt.kind.mode();
    // Going again is offered only when it would start something: a refresher
    // needs questions due, a review of mistakes needs mistakes left (answering
    // them all right leaves none). Other kinds always have questions. Read
    // when the results are drawn (a reload, Back or Forward draws them again).
    let can_go_again = state.store.with_untracked(|s| s.can_start(attempt_mode, bank, today()));
    let record_route = Route::NewRecord { attempt: Some(id.to_owned()) };
    let on_make_record = move |_| state.navigate(record_route.clone());
    let on_home = move |_| state.navigate(Route::Home);
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);

    let score = attempt.score;
    let title = attempt.title.clone();
    let kept = review.is_some();
    let (session, numbers, changed) = review.map(|r| (r.attempt, r.numbers, r.changed)).unwrap_or_default();
    let (rows, topics) = session.as_ref().map(|s| answers(s, &numbers, bank)).unwrap_or_default();
    let missed: Vec<String> = session
        .as_ref()
        .and_then(Attempt::marking)
        .map(|m| m.results().into_iter().filter(|(_, right)| !right).map(|(q, _)| q.to_owned()).collect())
        .unwrap_or_default();
    let missed_count = missed.len();
    let review_now = (missed_count > 0).then(|| {
        let kind = QuizKind::Mistakes(missed);
        move |_| state.start(kind.clone())
    });
    let headline = match attempt.passed().zip(attempt.kind.pass_mark()) {
        Some((passed, mark)) => view! {
            <div class="panel" class:panel-passed=passed class:panel-not-passed=!passed>
                <h2 class="panel-title" id="results-heading" tabindex="-1" node_ref=heading_ref>
                    {if passed { "You passed" } else { "Not passed this time" }}
                </h2>
                <p class="panel-body">
                    {format!("You scored {} out of {} ({}%). The pass mark is {mark}%.", score.correct, score.total, score.percent())}
                </p>
            </div>
        }
        .into_any(),
        None => view! {
            <h2 id="results-heading" tabindex="-1" node_ref=heading_ref>
                {format!("You scored {} out of {}", score.correct, score.total)}
            </h2>
            <p class="results-percent">{format!("That is {}%.", score.percent())}</p>
        }
        .into_any(),
    };
    // For a trainer's quiz: this result, to show the trainer as a QR code
    // (no connection needed) or to send as a link.
    let send_result = result.map(|result| {
        // The name is kept with this attempt's record draft, so a reload, Back
        // or another tab keeps it, and the record form starts with it too.
        let attempt_id = StoredValue::new(id.to_owned());
        let draft = Memo::new(move |_| state.store.with(|s| s.draft_for(&attempt_id.get_value())));
        let name = Memo::new(move |_| draft.with(|d| d.name.clone()));
        let set_name = move |text: String| {
            let changed = RecordDraft { name: text.chars().take(NAME_MAX).collect(), ..draft.get_untracked() };
            state.change(|s, now| s.save_draft(&attempt_id.get_value(), changed, now));
        };
        let status = RwSignal::new(String::new());
        let showing = RwSignal::new(false);
        // Opened, the code is brought up whole: on a phone it would start below the screen.
        let qr_ref = NodeRef::<html::Div>::new();
        let toggle = move |_| {
            showing.update(|s| *s = !*s);
            if showing.get_untracked() {
                request_animation_frame(move || {
                    if let Some(qr) = qr_ref.get_untracked() {
                        history::show_whole(&qr);
                    }
                });
            }
        };
        let result = StoredValue::new(result);
        let link = Memo::new(move |_| {
            share::absolute_url(&result.get_value().named(&name.get()).to_query())
        });
        let copy = move |_| copy_link(link.get_untracked(), status, "Your result link is copied. Send it to your trainer.");
        let share_it = move |_| share_link("My quiz result", link.get_untracked());
        view! {
            <section class="send-result" aria-labelledby="send-heading">
                <h3 id="send-heading">"Your trainer's debrief"</h3>
                <p>"Your result holds your score and which questions you missed. Your name is only added if you type it."</p>
                <div class="form-group">
                    <label class="label" for="learner-name">"Your name (optional)"</label>
                    <input id="learner-name" class="input" type="text" maxlength=NAME_MAX.to_string() autocomplete="name"
                        prop:value=move || name.get() on:input=move |e| set_name(event_target_value(&e)) />
                </div>
                <button type="button" class="button button-primary" aria-expanded=move || showing.get().to_string() aria-controls="result-qr"
                    on:click=toggle>
                    {move || if showing.get() { "Hide the QR code" } else { "Show my result to the trainer" }}
                </button>
                <div id="result-qr">
                    {move || showing.get().then(|| {
                        let svg = qr_svg_labelled(&link.get(), "QR code of your result").unwrap_or_default();
                        view! {
                            <p>"Hold your phone up to your trainer. They scan this with their camera; no Wi-Fi is needed."</p>
                            <div class="qr-box result-qr" node_ref=qr_ref inner_html=svg></div>
                        }
                    })}
                </div>
                <details class="result-link-details">
                    <summary>"Or send your result as a link"</summary>
                    <div class="form-group">
                        <label class="label" for="result-link">"Your result link"</label>
                        <input id="result-link" class="input" type="text" readonly prop:value=move || link.get() />
                    </div>
                    <div class="button-group">
                        <button type="button" class="button button-secondary" on:click=copy>"Copy my result link"</button>
                        {share::can_share().then(|| view! {
                            <button type="button" class="button button-secondary" on:click=share_it>"Share"</button>
                        })}
                    </div>
                </details>
                <p class="share-status" role="status">{move || status.get()}</p>
            </section>
        }
    });
    let right_count = rows.iter().filter(|r| r.right).count();
    let first_missed = rows.iter().find(|r| !r.right).map(|r| r.number);
    // Never marked again silently: what the course has changed since is said, and the score stays as it was.
    let changed_count = changed.len();
    // Every answer right by the score kept, not only among the answers still shown.
    let all_right = score.correct == score.total;
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
        <section class="page results" aria-labelledby="results-heading">
            {headline}
            {move || is_new_best.get().then(|| view! {
                <p class="new-best">{format!("This is your best score so far in \u{201c}{}\u{201d}.", isolated(&title))}</p>
            })}
            {send_result}
            <h3>"What to do next"</h3>
            {match review_now {
                Some(review_now) => view! {
                    <p>{match first_missed {
                        Some(n) if missed_count == 1 => format!("You missed one question (number {n}). Its explanation is below."),
                        _ => format!("You missed {missed_count} questions. Their explanations are open below."),
                    }}</p>
                    <div class="button-group">
                        <button type="button" class="button button-primary" on:click=review_now>
                            {if missed_count == 1 { "Review this mistake now".to_string() } else { format!("Review these {missed_count} mistakes now") }}
                        </button>
                        <button type="button" class="button button-secondary" on:click=on_make_record>"Make a completion record"</button>
                    </div>
                }
                .into_any(),
                None => view! {
                    <p>{match (kept, all_right, can_go_again) {
                        (false, _, _) => "",
                        (true, false, _) => "The questions you missed have since been changed in the course (see below), so there are none to review from this quiz.",
                        (true, true, true) => "Every answer was right. Go again, or keep a record of this one.",
                        (true, true, false) => "Every answer was right, and nothing is left to go over for now. Keep a record of this one if you like.",
                    }}</p>
                    <div class="button-group">
                        {can_go_again.then(|| view! {
                            <button type="button" class="button button-primary" on:click=on_restart>{again}</button>
                        })}
                        <button type="button" class="button button-secondary" on:click=on_make_record>"Make a completion record"</button>
                    </div>
                }
                .into_any(),
            }}
            {(!topics.is_empty()).then(|| view! {
                <h3 id="topics-heading">"By topic"</h3>
                <table class="topic-table" aria-labelledby="topics-heading">
                    <thead><tr><th scope="col">"Topic"</th><th scope="col" class="numeric">"Right"</th></tr></thead>
                    <tbody>
                        {topics.into_iter().map(|(topic, right, of)| view! {
                            <tr><th scope="row">{unbroken(topic)}</th><td class="numeric">{format!("{right} of {of}")}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <h3>"Your answers"</h3>
            {changed_notice}
            {if kept {
                view! {
                    <p class="hint">{answers_hint(right_count, missed_count, changed_count)}</p>
                    <ol class="answer-list">{rows.into_iter().map(|r| view! { <li>{r.view}</li> }).collect_view()}</ol>
                }
                .into_any()
            } else {
                view! { <p>"The answers of quizzes finished with an earlier version of the app were not kept, only the score."</p> }.into_any()
            }}
            <div class="button-group">
                // With nothing missed, going again is already the next step above.
                // After a review of mistakes with some missed again, "Review these
                // mistakes now" above is going again: one action, one button.
                {(missed_count > 0 && attempt_mode != Mode::Mistakes && can_go_again).then(|| view! {
                    <button type="button" class="button button-secondary" on:click=on_restart>{again}</button>
                })}
                <button type="button" class="button button-secondary" on:click=on_home>"Back to home"</button>
            </div>
        </section>
    }
    .into_any()
}
