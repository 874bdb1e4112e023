//! Match pairs: each left with a drop-down of the rights. Native selects work
//! by touch, keyboard and screen reader with no custom widget.

use leptos::prelude::*;

use crate::quiz::bank::Pair;
use crate::quiz::draft::Draft;
use crate::quiz::marking::Response;

#[component]
pub fn MatchInputs(pairs: Vec<Pair>, layout: Vec<usize>, draft: RwSignal<Draft>, answered: Option<Response>) -> impl IntoView {
    let answered_matches = match answered {
        Some(Response::Matches(m)) => Some(m),
        _ => None,
    };
    let is_answered = answered_matches.is_some();
    // Each drop-down's options by their shown position: their values say
    // nothing about which right goes with which left.
    let rights: Vec<(usize, String)> = layout.iter().map(|&j| (j, pairs[j].right.clone())).collect();
    let layout = StoredValue::new(layout);

    pairs
        .iter()
        .enumerate()
        .map(|(left, pair)| {
            let id = format!("match-{left}");
            let given = answered_matches.as_ref().and_then(|m| m.get(left).copied());
            let right = given == Some(left);
            // Once checked, a wrong row says what it should be and what was chosen.
            let correction = given.filter(|_| !right).and_then(|j| {
                let chosen = &pairs.get(j)?.right;
                Some(format!("Answer: {} (you chose {chosen})", pair.right))
            });
            let selected = move || {
                given.or_else(|| {
                    draft.with(|d| match d {
                        Draft::Matches(m) => m.get(left).copied().flatten(),
                        _ => None,
                    })
                })
            };
            let on_change = move |event| {
                let shown = event_target_value(&event).parse::<usize>().ok();
                let choice = shown.and_then(|k| layout.with_value(|l| l.get(k).copied()));
                draft.update(|d| {
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
                <div class="match-row" class:is-answer=is_answered && right class:is-wrong-choice=is_answered && !right>
                    <label class="label" for=id.clone()>
                        {pair.left.clone()}
                        {is_answered.then(|| if right {
                            view! { <span class="tag tag-answer">"Right"</span> }
                        } else {
                            view! { <span class="tag tag-chosen">"Not right"</span> }
                        })}
                    </label>
                    <select id=id class="select" disabled=is_answered on:change=on_change>
                        <option value="" selected=move || selected().is_none()>"Choose a match"</option>
                        {options}
                    </select>
                    {correction.map(|text| view! { <p class="match-correction">{text}</p> })}
                </div>
            }
        })
        .collect_view()
}
