//! Safeguarding Check: an offline quiz on learning from serious child
//! safeguarding incidents.
//!
//! - `quiz`: the domain, free of any browser code and tested natively.
//! - `platform`: the thin layer that touches the browser.
//! - `ui`: Leptos components.

pub mod platform;
pub mod quiz;
pub mod ui;

use wasm_bindgen::{closure::Closure, JsCast};

/// Mounts the app on the next task rather than this one: starting the wasm
/// and building the first screen then run as two short tasks instead of one
/// long one, so a slow phone stays responsive to a tap meanwhile.
pub fn mount_soon() {
    let scheduled = platform::page::window().is_some_and(|window| {
        window.set_timeout_with_callback_and_timeout_and_arguments_0(Closure::once_into_js(mount).unchecked_ref(), 0).is_ok()
    });
    if !scheduled {
        mount();
    }
}

/// Replaces the page in `#app` (the home screen, or the quick check begun
/// before the app arrived) with the running app, once the question bank has
/// arrived too: the app then draws its first screen complete, over the page
/// it replaces, with nothing in between.
pub fn mount() {
    mark("mount-start");
    wasm_bindgen_futures::spawn_local(async {
        let first = platform::bank_loader::load_bank().await;
        let Some(root) = platform::page::document()
            .and_then(|d| d.get_element_by_id("app"))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        // The person may be part-way down the page's question, or on its
        // options: the app's first screen keeps them there, without moving
        // focus to its heading (ui::focus holds it for the first screen).
        let takeover = platform::page::Takeover::note();
        if takeover.was_in_use() {
            ui::hold_focus_for_takeover();
        }
        root.set_inner_html("");
        // The page's quiz set the compact header (assets/early.js); the app
        // sets it again, in this same task, if it opens on a quiz.
        platform::share::set_root_class("in-quiz", false);
        leptos::mount::mount_to(root, move || leptos::view! { <ui::App first=first /> }).forget();
        takeover.restore();
        // The first screen's focus moves run in its effects and the frame
        // after; from the frame after that, the app moves focus as usual.
        leptos::prelude::request_animation_frame(|| leptos::prelude::request_animation_frame(ui::release_focus_hold));
        mark("app-ready");
        // The same, for what cannot read performance marks (a test's fake
        // clock replaces `performance`): `<html data-app="running">`.
        if let Some(html) = platform::page::document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-app", "running");
        }
    });
}

/// A performance mark: the benchmark (scripts/bench.mjs) times start-up by them.
fn mark(name: &str) {
    if let Some(performance) = platform::page::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
