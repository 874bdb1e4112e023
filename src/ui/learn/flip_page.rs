//! The flip cards of one Learn card. Each "I knew it" or "Not yet" feeds the
//! same spaced-review schedule as the questions.

use std::sync::Arc;

use leptos::prelude::*;

use crate::quiz::content::bank::Bank;
use crate::quiz::learner::progress::flip_item_id;
use crate::quiz::learner::schedule::Scheduler;
use crate::quiz::links::route::Route;
use crate::ui::state::{today, use_app};
use crate::ui::FlipDeck;

/// The flip cards of study card `card`, each answer kept for review.
#[component]
pub fn FlipPage(bank: Arc<Bank>, card: String) -> impl IntoView {
    let state = use_app();
    let Some((title, flips)) = bank.card(&card).map(|c| (c.title.clone(), c.flips.clone())) else {
        return view! { <crate::ui::GoneNotice message="This card is not in this version of the app." /> }.into_any();
    };
    let back = Route::Learn { card: Some(card.clone()) };
    let on_answer = Callback::new(move |(index, knew): (usize, bool)| {
        let item = flip_item_id(&card, index);
        let day = today();
        state.change(|s, now| s.record_answer(&item, knew, now, day, &Scheduler::default()));
    });
    view! {
        <section class="page">
            <h2>{format!("Flip cards: {title}")}</h2>
            <FlipDeck flips=flips on_answer=on_answer on_done=Callback::new(move |_| state.navigate(back.clone())) />
        </section>
    }
    .into_any()
}
