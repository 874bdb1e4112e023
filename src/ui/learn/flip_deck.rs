//! Flip cards: a prompt, then the answer, then "I knew it" or "Not yet".

use leptos::{html, prelude::*};

use crate::quiz::content::learn::Flip;

/// The deck of `flips`, one at a time: turn, then "I knew it" or "Not
/// yet" (to `on_answer`), and `on_done` at the end.
#[component]
pub fn FlipDeck(
    flips: Vec<Flip>,
    /// Told of each card's answer: (its index, knew it?).
    on_answer: Callback<(usize, bool)>,
    on_done: Callback<()>,
) -> impl IntoView {
    let flips = StoredValue::new(flips);
    let total = flips.with_value(Vec::len);
    let position = RwSignal::new(0usize);
    let showing_back = RwSignal::new(false);
    let knew = RwSignal::new(0usize);
    let focus_ref = NodeRef::<html::Div>::new();

    // Each side takes focus as it appears, so it is read out and the next button is one Tab away.
    Effect::new(move |_| {
        position.track();
        showing_back.track();
        if let Some(side) = focus_ref.get() {
            let _ = side.focus();
        }
    });

    let answer = move |knew_it: bool| {
        if knew_it {
            knew.update(|n| *n += 1);
        }
        on_answer.run((position.get_untracked(), knew_it));
        showing_back.set(false);
        position.update(|p| *p += 1);
    };
    let restart = move |_| {
        knew.set(0);
        showing_back.set(false);
        position.set(0);
    };

    view! {
        <div class="flip-deck">
            {move || {
                let at = position.get();
                match flips.with_value(|f| f.get(at).cloned()) {
                    Some(flip) => view! {
                        <p class="question-count">{format!("Card {} of {total}", at + 1)}</p>
                        <div class="flip-card" class:is-back=move || showing_back.get() tabindex="-1" node_ref=focus_ref>
                            <p class="flip-side-label">{move || if showing_back.get() { "Answer" } else { "Question" }}</p>
                            <p class="flip-text">{move || if showing_back.get() { flip.back.clone() } else { flip.front.clone() }}</p>
                        </div>
                        {move || if showing_back.get() {
                            view! {
                                <div class="button-group">
                                    <button type="button" class="button button-primary" on:click=move |_| answer(true)>"I knew it"</button>
                                    <button type="button" class="button button-secondary" on:click=move |_| answer(false)>"Not yet"</button>
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="button button-primary" on:click=move |_| showing_back.set(true)>"Show the answer"</button>
                            }.into_any()
                        }}
                    }.into_any(),
                    None => view! {
                        <div class="flip-card" tabindex="-1" node_ref=focus_ref>
                            <p class="flip-text">{move || format!("You knew {} of {total}.", knew.get())}</p>
                        </div>
                        <div class="button-group">
                            <button type="button" class="button button-primary" on:click=restart>"Go through them again"</button>
                            <button type="button" class="button button-secondary" on:click=move |_| on_done.run(())>"Back to the card"</button>
                        </div>
                    }.into_any(),
                }
            }}
        </div>
    }
}
