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

use crate::quiz::content::bank::Bank;
use crate::quiz::links::link::QuizResult;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::Mode;
use crate::quiz::run::attempt::{Attempt, QuizKind};
use crate::quiz::run::finished::{FinishedAttempt, Review};
use crate::quiz::run::quiz_names::again_label;
use crate::quiz::text::wording::isolated;
use crate::ui::results::answer_list::{answer_rows, AnswerList};
use crate::ui::results::send_result::SendResult;
use crate::ui::results::topic_breakdown::TopicBreakdown;
use crate::ui::state::{today, use_app};
use crate::ui::GoneNotice;

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
    let (answered, numbers, changed) = review.map(|r| (r.attempt, r.numbers, r.changed)).unwrap_or_default();
    let rows = answered.as_ref().map(|s| answer_rows(s, &numbers, bank)).unwrap_or_default();
    let topics = answered.as_ref().and_then(Attempt::marking).map(|m| m.by_topic(bank)).unwrap_or_default();
    let missed: Vec<String> = answered
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
    let send_result = result.map(|result| view! { <SendResult attempt_id=id.to_owned() result=result /> });
    let first_missed = rows.iter().find(|r| !r.right).map(|r| r.number);
    // Every answer right by the score kept, not only among the answers still shown.
    let all_right = score.correct == score.total;

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
            <TopicBreakdown topics=topics />
            <AnswerList rows=rows kept=kept missed=missed_count changed=changed />
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
