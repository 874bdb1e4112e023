//! For a trainer's quiz, the result to send back: a QR code of the result
//! link for the trainer to scan (no connection needed), or the link to
//! copy or share, with the learner's name only if they type it.

use leptos::{html, prelude::*};

use crate::platform::{history, share};
use crate::quiz::learner::record::RecordDraft;
use crate::quiz::links::link::{QuizResult, NAME_MAX};
use crate::ui::common::link_actions::{copy_link, share_link};
use crate::ui::common::qr::qr_svg_labelled;
use crate::ui::state::use_app;

/// "Your trainer's debrief": the name field, "Show my result to the
/// trainer" with its QR code, and the result link to copy or share, for
/// `result` of finished attempt `attempt_id`.
#[component]
pub fn SendResult(attempt_id: String, result: QuizResult) -> impl IntoView {
    let state = use_app();
    // The name is kept with this attempt's record draft, so a reload, Back
    // or another tab keeps it, and the record form starts with it too.
    let attempt_id = StoredValue::new(attempt_id);
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
    let link = Memo::new(move |_| share::absolute_url(&result.get_value().named(&name.get()).to_query()));
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
}
