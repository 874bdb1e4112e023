//! Present mode: one session's QR code, full screen for a projector, readable
//! from the back of a hall. The site's header and footer are hidden while
//! it shows (see `.presenting` in `style/main.css`); the QR code takes most of
//! the screen's shorter side. Under it, for a phone that will not scan, the
//! app's short address and the session code to type there.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::platform::share;
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::link::QuizSpec;
use crate::quiz::links::route::Route;
use crate::quiz::room::session_code::session_code;
use crate::ui::common::focus::focus_when_shown;
use crate::ui::common::projector_view::hold_projector_view;
use crate::ui::common::qr::qr_svg;
use crate::ui::state::use_app;
use crate::ui::trainer::session_labels::{session_effort, session_title};
use crate::ui::unbroken;
use crate::ui::GoneNotice;

/// Present mode for trainer session `session` (its quiz id): the QR code,
/// title, effort, short address and session code, full screen; `bank`
/// gives the session's questions and topic ids.
#[component]
pub fn PresentPage(bank: Arc<Bank>, session: String) -> impl IntoView {
    let state = use_app();
    let Some(found) = state.store.with_untracked(|s| s.sessions.get(&session).cloned()) else {
        return view! { <GoneNotice message="This session is not on this device. On the device that made it, copy \u{201c}The session link\u{201d} from its screen and open it here: the same quiz and the same debrief." /> }
            .into_any();
    };
    let spec = found.spec;
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    // Close (or Escape) goes back to the session in this screen's place, so
    // Back afterwards does not return to the projector view.
    let back = Route::Trainer { session: Some(session.clone()) };
    hold_projector_view("presenting", back.clone());
    let close = {
        let back = back.clone();
        move || state.replace(back.clone())
    };
    let top = view! {
        // First, so they are on the first screen whatever its shape; "Full screen" hides them.
        <div class="button-group present-controls">
            // Offered only where it works (never on an iPhone): a button that does nothing says nothing.
            {share::full_screen_available().then(|| view! {
                <button type="button" class="button button-secondary" on:click=move |_| { share::full_screen("present"); }>"Full screen"</button>
            })}
            <a href=back.to_query() class="button button-secondary" on:click=move |e| { e.prevent_default(); close(); }>"Close"</a>
        </div>
        <h2 id="present-heading" tabindex="-1" node_ref=heading_ref>{unbroken(session_title(&spec))}</h2>
    };
    view! {
        <section class="page present" id="present" aria-labelledby="present-heading">
            {join_layout(&bank, &spec, top.into_any())}
        </section>
    }
    .into_any()
}

/// The session's QR code, large, and beside it `top` (a heading, and any
/// controls), then how to join: scan, the quiz's effort, and for anyone whose
/// camera will not scan the app's short address and the session code (or,
/// for a session from before codes, the whole link). Present mode and the
/// quiz's slide show the same.
pub fn join_layout(bank: &Bank, spec: &QuizSpec, top: AnyView) -> impl IntoView {
    let link = share::absolute_url(&spec.to_query());
    let qr = qr_svg(&link).unwrap_or_default();
    let without_scheme = |url: &str| url.split_once("://").map_or(url, |(_, rest)| rest).to_owned();
    let site = without_scheme(&share::absolute_url(""));
    let site = site.trim_end_matches("index.html").trim_end_matches('/').to_owned();
    let to_type = match session_code(spec, &bank.topic_ids()) {
        Some(code) => view! {
            <p class="present-address">"No camera? Open " <span class="present-url">{site}</span> ", choose \u{201c}Join with a code\u{201d} and type:"</p>
            <p class="present-code">{code}</p>
        }
        .into_any(),
        None => view! { <p class="present-address">"Or type " <span class="present-url">{without_scheme(&link)}</span></p> }.into_any(),
    };
    view! {
        <div class="present-qr qr-box" inner_html=qr></div>
        <div class="present-text">
            {top}
            <p class="present-scan">"Scan with your phone's camera"</p>
            <p class="present-effort">{session_effort(session_questions(bank, spec).len(), spec)}</p>
            {to_type}
            <p class="present-note">"It works offline once opened. Nothing you answer leaves your phone."</p>
        </div>
    }
}
