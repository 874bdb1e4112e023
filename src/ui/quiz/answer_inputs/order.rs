//! Put in order, with Up and Down buttons: no dragging, so it works by touch,
//! keyboard and switch access alike. Each move is announced.

use leptos::prelude::*;

use super::AnswerDraft;
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The items of an order question in `layout` (positions into `items`),
/// moved with Up and Down buttons, into `draft`; read-only once `answered`.
#[component]
pub fn OrderInput(items: Vec<String>, layout: Vec<usize>, draft: AnswerDraft, answered: Signal<Option<Response>>) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let items = StoredValue::new(items);
    // Only an order question's answer and draft are shown here.
    let answered_order = move || {
        answered.with(|response| {
            let Some(Response::Order(order)) = response else { return None };
            Some(order.clone())
        })
    };
    // Each item's element ids use where it started (its place in `layout`),
    // which says nothing about where it belongs.
    let start_places = StoredValue::new(layout.clone());
    let tag = move |item: usize| start_places.with_value(|l| l.iter().position(|&i| i == item).unwrap_or(item));
    let arrangement = move || {
        answered_order().unwrap_or_else(|| {
            draft.with(|d| {
                let Draft::Order(order) = d else { return layout.clone() };
                order.clone()
            })
        })
    };

    let move_item = move |place: usize, item: usize, up: bool| {
        draft.pick(|d| d.move_item(place, up));
        let (new_place, count) = draft.with_untracked(|d| {
            let Draft::Order(order) = d else { return (place, 0) };
            (order.iter().position(|&i| i == item).unwrap_or(place), order.len())
        });
        let text = items.with_value(|items| items[item].clone());
        announcement.set(format!("{text}: now {} of {count}", new_place + 1));
        // Keep focus on the item that moved. At the top or bottom the button
        // it used is disabled, so use the other one.
        let at_end = if up { new_place == 0 } else { new_place + 1 == count };
        let keep = if up != at_end { "up" } else { "down" };
        let tag = tag(item);
        request_animation_frame(move || focus_by_id(&format!("move-{keep}-{tag}")));
    };

    view! {
        <ol class="order-list">
            {move || {
                let order = arrangement();
                let is_answered = answered.with(Option::is_some);
                let count = order.len();
                order.into_iter().enumerate().map(|(place, item)| {
                    let text = items.with_value(|items| items[item].clone());
                    let in_place = place == item;
                    view! {
                        <li class="order-item" class:is-answer=is_answered && in_place class:is-wrong-choice=is_answered && !in_place>
                            <span class="order-text">
                                {text.clone()}
                                {is_answered.then(|| if in_place {
                                    view! { <span class="tag tag-answer">"Right place"</span> }
                                } else {
                                    view! { <span class="tag tag-chosen">"Not here"</span> }
                                })}
                            </span>
                            {(!is_answered).then(|| view! {
                            <span class="order-buttons">
                                <button
                                    type="button"
                                    class="order-button"
                                    id=format!("move-up-{}", tag(item))
                                    aria-label=format!("Up: move {text} up")
                                    disabled=place == 0
                                    on:click=move |_| move_item(place, item, true)
                                >"Up"</button>
                                <button
                                    type="button"
                                    class="order-button"
                                    id=format!("move-down-{}", tag(item))
                                    aria-label=format!("Down: move {text} down")
                                    disabled=place + 1 == count
                                    on:click=move |_| move_item(place, item, false)
                                >"Down"</button>
                            </span>
                            })}
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
        <p class="visually-hidden" role="status">{move || announcement.get()}</p>
    }
}
