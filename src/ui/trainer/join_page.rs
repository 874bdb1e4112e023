//! "Join with a code": for a learner whose camera will not scan the QR code,
//! the short code present mode shows (`K7QM-3XPD-R2TA`, see
//! `quiz::session_code`) typed in and turned back into the trainer's quiz:
//! the same questions in the same order as the room, with no connection.
//! A code that cannot be read says why under the field, and keeps what was
//! typed to correct.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::quiz::room::session_code::from_session_code;
use crate::ui::common::focus::focus_when_shown;
use crate::ui::state::use_app;
use crate::ui::NavLink;

const CODE_ID: &str = "session-code";
const CODE_ERROR_ID: &str = "session-code-error";

/// The page: a heading, what a code is, one field and Join. Takes the bank,
/// whose topic ids a code is read against.
#[component]
pub fn JoinPage(bank: Arc<Bank>) -> impl IntoView {
    let state = use_app();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<html::Input>::new();
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    let join = move || {
        match from_session_code(&typed.get_untracked(), &bank.topic_ids()) {
            // The trainer's link, as if scanned: its landing says what the quiz is, with Start.
            Ok(spec) => state.navigate(Route::TrainerQuiz(spec.to_query())),
            Err(problem) => {
                error.set(Some(problem.message()));
                if let Some(input) = input_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };
    view! {
        <section class="page join" aria-labelledby="join-heading">
            <h2 id="join-heading" tabindex="-1" node_ref=heading_ref>"Join with a code"</h2>
            <p>"If your trainer shows a session code, type it here. You get the same quiz as everyone in the room, and it works offline."</p>
            <form novalidate on:submit=move |e| { e.prevent_default(); join(); }>
                <div class="form-group" class:has-error=move || error.with(Option::is_some)>
                    <label class="label" for=CODE_ID>"Session code"</label>
                    <p class="hint" id="session-code-hint">"12 letters and numbers, such as K7QM-3XPD-R2TA. Capitals and dashes are optional."</p>
                    <div aria-live="polite">
                        {move || error.get().map(|message| view! {
                            <p class="error-message" id=CODE_ERROR_ID><span class="visually-hidden">"Error: "</span>{message}</p>
                        })}
                    </div>
                    <input id=CODE_ID class="input code-input" type="text" node_ref=input_ref
                        autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="go" maxlength="500"
                        aria-describedby=move || if error.with(Option::is_some) { "session-code-hint session-code-error" } else { "session-code-hint" }
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || typed.get()
                        on:input=move |e| typed.set(event_target_value(&e)) />
                </div>
                <button type="submit" class="button button-primary">"Join"</button>
            </form>
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
