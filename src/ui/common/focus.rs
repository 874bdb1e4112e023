//! Moving focus where a keyboard or screen-reader user needs it: to a new
//! screen's heading once it is shown, and to Undo once the button pressed has
//! gone.

use leptos::{html::ElementType, prelude::*};
use wasm_bindgen::JsCast;

thread_local! {
    /// Set while the app's first screen is drawn over the page's own
    /// (assets/early.js) that the person was using: focus stays where they
    /// had it. Released once that screen is drawn (`lib.rs`).
    static HELD_FOR_TAKEOVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Holds focus where the person has it while the app takes over the page (see `lib.rs`).
pub fn hold_focus_for_takeover() {
    HELD_FOR_TAKEOVER.with(|held| held.set(true));
}

/// True while the app takes over a page the person was using: a screen
/// then leaves focus and scroll where they are.
pub fn held_for_takeover() -> bool {
    HELD_FOR_TAKEOVER.with(std::cell::Cell::get)
}

/// Lets screens move focus again.
pub fn release_focus_hold() {
    HELD_FOR_TAKEOVER.with(|held| held.set(false));
}

fn focus<E>(node: NodeRef<E>, tracked: bool)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    if held_for_takeover() {
        return;
    }
    // After a frame the screen may be gone (another tab moved the quiz on):
    // its node is then disposed, and there is nothing to focus.
    let element = if tracked { node.get() } else { node.try_get_untracked().flatten() };
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses `node` as soon as it is on the page (a screen's heading, with `tabindex="-1"`).
pub fn focus_when_shown<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| focus(node, true));
}

/// Focuses `node` after the next frame, once the view that holds it has been built.
pub fn focus_after_render<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    request_animation_frame(move || focus(node, false));
}
