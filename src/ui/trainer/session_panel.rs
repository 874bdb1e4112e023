//! The session shown on the trainer's screen: its QR code and session
//! code for the room, its link to copy, share or download as a QR code, the
//! session link that moves it (results and all) to another device,
//! presenting the whole session, and how results are collected.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::platform::{clock, files, share};
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::qr_code::QrCode;
use crate::quiz::links::route::Route;
use crate::quiz::room::session_code::session_code;
use crate::quiz::saved::saving::{saving_message, COPY_QUIZ_LINK_INSTEAD};
use crate::quiz::saved::store::TrainerSession;
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::plural;
use crate::ui::common::link_actions::{copy_link, share_link};
use crate::ui::common::qr::{qr_svg, qr_svg_labelled};
use crate::ui::state::use_app;
use crate::ui::trainer::present_session::PresentSession;
use crate::ui::trainer::session_labels::{session_effort, session_title};
use crate::ui::trainer::session_list::results_for;
use crate::ui::{unbroken, NavLink};

/// Saves the QR code of `link` as an SVG or PNG file for slides; the status to say.
fn download_qr(link: &str, id: &str, png: bool) -> String {
    let Some(code) = QrCode::encode(link.as_bytes()) else { return "This link is too long for a QR code.".into() };
    let name = format!("safeguarding-check-session-{id}.{}", if png { "png" } else { "svg" });
    let saved = if png {
        files::download_qr_png(&name, &code, 16)
    } else {
        files::download_typed(&name, &code.to_svg(512, "xmlns=\"http://www.w3.org/2000/svg\""), "image/svg+xml")
    };
    saving_message("the QR code", &name, files::saving(saved), COPY_QUIZ_LINK_INSTEAD)
}

/// Session `id` (`session`, made on this device) as the trainer's screen
/// shows it: heading (`heading_ref`), QR code (marked out of date while
/// `stale`), session code, links and their actions (saying how they went
/// in `message`), and the count of results collected (from `results`, each
/// session's id and count); `bank` gives its questions.
#[component]
pub fn SessionPanel(
    id: String,
    session: TrainerSession,
    bank: Arc<Bank>,
    stale: Memo<bool>,
    message: RwSignal<String>,
    heading_ref: NodeRef<html::H3>,
    results: Memo<Vec<(String, usize)>>,
) -> impl IntoView {
    let state = use_app();
    let TrainerSession { spec, made_at_ms, .. } = session;
    let link = share::absolute_url(&spec.to_query());
    let qr = qr_svg(&link).unwrap_or_default();
    let given = session_questions(&bank, &spec).len();
    let code = session_code(&spec, &bank.topic_ids());
    let asked = spec.count as usize;
    let link_value = StoredValue::new(link.clone());
    // The session link carries the results collected here so far, so opening it on
    // another device moves them too (each counted once there).
    let session_link = {
        let spec = spec.clone();
        move || state.store.with(|s| spec.session_query_with(&s.tally().results))
    };
    // A memo of a `String`, not of the `SessionLink`: a memo of a new type compiles the reactive graph's code again (1.5 KB).
    let session_url = {
        let session_link = session_link.clone();
        Memo::new(move |_| share::absolute_url(&session_link().query))
    };
    let copy_session = move |_| copy_link(session_url.get_untracked(), message, "The session link is copied. Open it on the other device.");
    let copy = move |_| copy_link(link_value.get_value(), message, "The link is copied.");
    let details_ref = NodeRef::<html::Details>::new();
    let qr_open = RwSignal::new(false);
    let share_it = move |_| share_link("Safeguarding Check quiz", link_value.get_value());
    let (svg_id, png_id, count_id) = (id.clone(), id.clone(), id.clone());
    view! {
        <section class="session-panel" aria-labelledby="session-heading">
            <h3 id="session-heading" tabindex="-1" node_ref=heading_ref>{unbroken(session_title(&spec))}</h3>
            <p class="session-effort">{session_effort(given, &spec)}</p>
            <p>
                {format!("Made on {}. ", format_day(made_at_ms, clock::offset_at(made_at_ms)))}
                {if given < asked {
                    format!("It gives {given} questions, not {asked}: the topics chosen have {given} that each teach something different. ")
                } else {
                    String::new()
                }}
                "Everyone who opens this link gets the same questions in the same order, and it works offline once opened."
            </p>
            <div role="status">
                {move || stale.get().then(|| view! {
                    <p class="notice stale-notice">
                        <strong>"This QR code is out of date. "</strong>
                        "The settings below have changed since it was made. Choose \u{201c}Make the quiz link\u{201d} to make one that matches them."
                    </p>
                })}
            </div>
            <div class="qr-box" class:stale=move || stale.get() inner_html=qr></div>
            {code.map(|code| view! {
                <p class="session-code-line">"Session code: " <strong class="session-code">{code}</strong></p>
                <p class="hint">"A learner whose camera will not scan can choose \u{201c}Join with a code\u{201d} on the app's home screen and type it: the same quiz, offline."</p>
            })}
            <div class="form-group">
                <label class="label" for="quiz-link">"The quiz link"</label>
                <input id="quiz-link" class="input" type="text" readonly prop:value=link />
            </div>
            <div class="button-group">
                <NavLink route=Route::Present { session: id.clone() } class="button button-primary">"Show on a projector"</NavLink>
                <button type="button" class="button button-secondary" on:click=copy>"Copy the link"</button>
                {share::can_share().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=share_it>"Share"</button>
                })}
                <button type="button" class="button button-secondary"
                    on:click=move |_| message.set(download_qr(&link_value.get_value(), &svg_id, false))>"Download the QR code (SVG)"</button>
                <button type="button" class="button button-secondary"
                    on:click=move |_| message.set(download_qr(&link_value.get_value(), &png_id, true))>"Download the QR code (PNG)"</button>
            </div>
            <p class="share-status" role="status">{move || message.get()}</p>
            <PresentSession id=id.clone() bank=bank.clone() />
            <h4>"On another device"</h4>
            <p>"To run this session from another device, such as the laptop on the projector, open this link there. It brings the same quiz and the same debrief, not a new one, and the results collected here so far when they fit in one link (none is counted twice)."</p>
            <div class="form-group">
                <label class="label" for="session-link">"The session link"</label>
                <input id="session-link" class="input" type="text" readonly prop:value=move || session_url.get() />
            </div>
            {move || {
                let left_out = session_link().left_out;
                (left_out > 0).then(|| view! {
                    <p class="notice">{format!(
                        "The {left_out} results collected here are too many for one link, so this link brings the session without them. To move them, choose \u{201c}Export my progress\u{201d} on Progress here, then \u{201c}Import a backup file\u{201d} on the other device."
                    )}</p>
                })
            }}
            <button type="button" class="button button-secondary" on:click=copy_session>"Copy the session link"</button>
            // From the laptop to the phone in hand (or back): its camera opens the session link, results and all.
            // Drawn only while open: one QR code on the screen at a time.
            <details class="result-link-details session-link-qr" node_ref=details_ref
                on:toggle=move |_| qr_open.set(details_ref.get_untracked().is_some_and(|d| d.open()))>
                <summary>"Show the session link as a QR code"</summary>
                {move || qr_open.get().then(|| match qr_svg_labelled(&session_url.get(), "QR code of the session link") {
                    Some(svg) => view! {
                        <p class="hint">"Scan it with the other device's camera."</p>
                        <div class="qr-box" inner_html=svg></div>
                    }
                    .into_any(),
                    None => view! { <p>"This session link is too long for a QR code, with the results it carries. Copy the session link instead."</p> }.into_any(),
                })}
            </details>
            <h4>"Collecting results"</h4>
            <p>"At the end, each learner chooses \u{201c}Show my result to the trainer\u{201d}. A result is collected by the device that scans its QR code or opens its link, and only there."</p>
            <p>"Scan every result with the same phone, with no Wi-Fi needed: its debrief then holds them all. To move them to another device, open the session link above there, or scan its QR code; they also travel in the progress backup, however many there are. None is counted twice."</p>
            <p class="session-results">{move || {
                let n = results_for(results, &count_id);
                format!("{} so far.", plural(n, "result", "results"))
            }}</p>
            <NavLink route=Route::Debrief { quiz: Some(id) } class="button button-secondary">"Open the debrief"</NavLink>
        </section>
    }
}
