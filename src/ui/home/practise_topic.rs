//! Home's "Practise one topic": a topic to choose, and its start button;
//! pressed with none chosen, the GOV.UK error pattern until one is.

use leptos::{html, prelude::*};

use crate::quiz::learner::draw::QUIZ_LENGTH;
use crate::quiz::run::attempt::{Mode, QuizKind};
use crate::quiz::run::quiz_names::start_label;
use crate::quiz::text::wording::effort;
use crate::ui::common::error_summary::ErrorSummary;
use crate::ui::state::{use_app, BankState};

/// The id of the topic select, its error message, and the error summary's link target.
const TOPIC_ID: &str = "topic";
const TOPIC_ERROR_ID: &str = "topic-error";
const TOPIC_ERROR: &str = "Select a topic";

/// "Practise one topic": the bank's topics to choose from, and the button
/// that starts a quiz of the one chosen through `on_start`, or says to
/// choose one first.
#[component]
pub fn PractiseTopic(on_start: Callback<QuizKind>) -> impl IntoView {
    let state = use_app();
    let chosen_topic = RwSignal::new(String::new());
    // "Practise this topic" pressed with no topic chosen: the GOV.UK error pattern,
    // until a topic is chosen. Each such press moves focus to the error summary.
    let topic_missing = RwSignal::new(false);
    let missing_presses = RwSignal::new(0u32);
    let topic_select_ref = NodeRef::<html::Select>::new();
    let practise = move |_| {
        let topic = chosen_topic.get_untracked();
        if topic.is_empty() {
            topic_missing.set(true);
            missing_presses.update(|n| *n += 1);
        } else {
            on_start.run(QuizKind::Topic(topic));
        }
    };
    let topics = move || match state.bank.get() {
        // No count beside each topic: a topic quiz is as long as its questions
        // that each teach something different, which varies with the draw.
        BankState::Ready(ready) => ready.topics.iter().map(|t| (t.id.clone(), t.title.clone())).collect(),
        _ => Vec::new(),
    };
    view! {
        <section class="practise" aria-labelledby="practise-heading">
            <ErrorSummary hidden=Signal::derive(move || !topic_missing.get()) failures=missing_presses>
                <li><a href=format!("#{TOPIC_ID}") on:click=move |event: leptos::ev::MouseEvent| {
                    event.prevent_default();
                    if let Some(select) = topic_select_ref.get_untracked() {
                        let _ = select.focus();
                    }
                }>{TOPIC_ERROR}</a></li>
            </ErrorSummary>
            <h2 id="practise-heading">"Practise one topic"</h2>
            <p class="hint">{effort(QUIZ_LENGTH, true)} ". Each is on a different point of the topic."</p>
            <div class="form-group" class:has-error=move || topic_missing.get()>
                <label class="label" for=TOPIC_ID>"Topic"</label>
                {move || topic_missing.get().then(|| view! {
                    <p class="error-message" id=TOPIC_ERROR_ID>
                        <span class="visually-hidden">"Error: "</span>{TOPIC_ERROR}
                    </p>
                })}
                <select
                    id=TOPIC_ID
                    class="select"
                    node_ref=topic_select_ref
                    aria-describedby=move || topic_missing.get().then_some(TOPIC_ERROR_ID)
                    prop:value=move || chosen_topic.get()
                    on:change=move |event| {
                        let topic = event_target_value(&event);
                        if !topic.is_empty() {
                            topic_missing.set(false);
                        }
                        chosen_topic.set(topic);
                    }
                >
                    <option value="">"Choose a topic"</option>
                    {move || topics().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="button button-secondary" on:click=practise>
                {start_label(&Mode::Topic, QUIZ_LENGTH)}
            </button>
        </section>
    }
}
