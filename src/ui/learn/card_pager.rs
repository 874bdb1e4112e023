//! Previous and next between Learn cards, so a person can read them in order
//! without going back to the list each time.

use std::sync::Arc;

use leptos::prelude::*;

use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::ui::{unbroken, NavLink};

/// Previous and next card, in the order of the list, each named.
#[component]
pub fn CardPager(bank: Arc<Bank>, current: String) -> impl IntoView {
    let at = bank.cards.iter().position(|c| c.id == current);
    let neighbour = |index: Option<usize>| index.and_then(|i| bank.cards.get(i)).map(|c| (c.id.clone(), c.title.clone()));
    let previous = neighbour(at.and_then(|i| i.checked_sub(1)));
    let next = neighbour(at.map(|i| i + 1));
    view! {
        <nav class="card-pager" aria-label="More cards">
            {previous.map(|(id, title)| view! {
                <NavLink route=Route::Learn { card: Some(id) } class="pager-link pager-previous">
                    <span class="pager-direction">"Previous card"</span>
                    <span class="visually-hidden">": "</span>
                    <span class="pager-title">{unbroken(title)}</span>
                </NavLink>
            })}
            {next.map(|(id, title)| view! {
                <NavLink route=Route::Learn { card: Some(id) } class="pager-link pager-next">
                    <span class="pager-direction">"Next card"</span>
                    <span class="visually-hidden">": "</span>
                    <span class="pager-title">{unbroken(title)}</span>
                </NavLink>
            })}
            <NavLink route=Route::Learn { card: None } class="pager-link pager-all">"All cards"</NavLink>
        </nav>
    }
}
