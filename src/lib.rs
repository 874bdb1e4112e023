//! Safeguarding Check: an offline quiz on learning from serious child
//! safeguarding incidents.
//!
//! - `quiz`: the domain, free of any browser code and tested natively.
//! - `platform`: the thin layer that touches the browser.
//! - `ui`: Leptos components.

pub mod platform;
pub mod quiz;
pub mod ui;

use wasm_bindgen::JsCast;

/// Replaces the static app shell in `#app` with the running app.
pub fn mount() {
    let Some(root) = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root, ui::App).forget();
}
