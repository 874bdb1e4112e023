//! The results' "By topic": how many were right in each topic of the quiz.

use leptos::prelude::*;

use crate::ui::unbroken;

/// The "By topic" table: one row per (topic title, right, of) in `topics`
/// (`Marking::by_topic`); nothing when there are none.
#[component]
pub fn TopicBreakdown(topics: Vec<(String, u32, u32)>) -> impl IntoView {
    (!topics.is_empty()).then(|| {
        view! {
            <h3 id="topics-heading">"By topic"</h3>
            <table class="topic-table" aria-labelledby="topics-heading">
                <thead><tr><th scope="col">"Topic"</th><th scope="col" class="numeric">"Right"</th></tr></thead>
                <tbody>
                    {topics.into_iter().map(|(topic, right, of)| view! {
                        <tr><th scope="row">{unbroken(topic)}</th><td class="numeric">{format!("{right} of {of}")}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}
