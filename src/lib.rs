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
    let scheduled = web_sys::window().is_some_and(|window| {
        window.set_timeout_with_callback_and_timeout_and_arguments_0(Closure::once_into_js(mount).unchecked_ref(), 0).is_ok()
    });
    if !scheduled {
        mount();
    }
}

/// Replaces the static app shell in `#app` with the running app.
pub fn mount() {
    mark("mount-start");
    let Some(root) =
        leptos::prelude::document().get_element_by_id("app").and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root, ui::App).forget();
    mark("app-ready");
}

/// A performance mark: the benchmark (scripts/bench.mjs) times start-up by them.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
