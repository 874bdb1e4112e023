//! Match pairs: each left with a drop-down of the rights. Native selects work
//! by touch, keyboard and screen reader with no custom widget.

use leptos::prelude::*;

use super::AnswerDraft;
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;
use crate::quiz::content::bank::Pair;

/// One select per left-hand side of `pairs`, its choices in `layout`, into
/// `draft`; once `answered`, each row says what it should be.
#[component]
pub fn MatchInputs(pairs: Vec<Pair>, layout: Vec<usize>, draft: AnswerDraft, answered: Signal<Option<Response>>) -> impl IntoView {
    // Only a match question's answer is shown here. Checking it updates the
    // rows in place rather than drawing them again.
    let is_answered = move || answered.with(|response| matches!(response, Some(Response::Matches(_))));
    let given_for = move |left: usize| {
        answered.with(|response| {
            let Some(Response::Matches(m)) = response else { return None };
            m.get(left).copied()
        })
    };
    let rights_by_pair: Vec<String> = pairs.iter().map(|p| p.right.clone()).collect();
    let rights_by_pair = StoredValue::new(rights_by_pair);
    // Each drop-down's options by their shown position: their values say
    // nothing about which right goes with which left.
    let rights: Vec<(usize, String)> = layout.iter().map(|&j| (j, pairs[j].right.clone())).collect();
    let layout = StoredValue::new(layout);

    pairs
        .iter()
        .enumerate()
        .map(|(left, pair)| {
            let id = format!("match-{left}");
            let right = move || given_for(left) == Some(left);
            // Once checked, a wrong row says what it should be and what was chosen.
            let answer = pair.right.clone();
            let correction = move || {
                given_for(left).filter(|&j| j != left).and_then(|j| {
                    let chosen = rights_by_pair.with_value(|r| r.get(j).cloned())?;
                    Some(format!("Answer: {answer} (you chose {chosen})"))
                })
            };
            let selected = move || {
                given_for(left).or_else(|| {
                    draft.with(|d| {
                        let Draft::Matches(m) = d else { return None };
                        m.get(left).copied().flatten()
                    })
                })
            };
            // The choice shown, by position, set as the select's value: an
            // option's `selected` attribute alone is ignored once a person has
            // chosen in that select, and the next match question reuses the
            // same selects, so Firefox went on showing the last question's
            // choices while the answer held none.
            let shown_value = move || {
                selected()
                    .and_then(|j| layout.with_value(|l| l.iter().position(|&shown| shown == j)))
                    .map_or_else(String::new, |k| k.to_string())
            };
            let on_change = move |event| {
                let shown = event_target_value(&event).parse::<usize>().ok();
                let choice = shown.and_then(|k| layout.with_value(|l| l.get(k).copied()));
                draft.pick(|d| {
                    if let Draft::Matches(m) = d {
                        if let Some(slot) = m.get_mut(left) {
                            *slot = choice;
                        }
                    }
                });
            };
            let options = rights
                .iter()
                .enumerate()
                .map(|(shown, (j, text))| {
                    let j = *j;
                    view! { <option value=shown.to_string() selected=move || selected() == Some(j)>{text.clone()}</option> }
                })
                .collect_view();
            view! {
                <div class="match-row" class:is-answer=move || is_answered() && right() class:is-wrong-choice=move || is_answered() && !right()>
                    <label class="label" for=id.clone()>
                        {pair.left.clone()}
                        {move || is_answered().then(|| if right() {
                            view! { <span class="tag tag-answer">"Right"</span> }
                        } else {
                            view! { <span class="tag tag-chosen">"Not right"</span> }
                        })}
                    </label>
                    <select id=id class="select" disabled=is_answered prop:value=shown_value on:change=on_change>
                        <option value="" selected=move || selected().is_none()>"Choose a match"</option>
                        {options}
                    </select>
                    // The whole chosen text, where the browser cannot wrap it inside the
                    // select (see .chosen-text in style/main.css). Hidden from screen
                    // readers, which read the select's value already.
                    <p class="chosen-text" aria-hidden="true">
                        {move || selected().and_then(|j| rights_by_pair.with_value(|r| r.get(j).cloned())).unwrap_or_default()}
                    </p>
                    {move || correction().map(|text| view! { <p class="match-correction">{text}</p> })}
                </div>
            }
        })
        .collect_view()
}
