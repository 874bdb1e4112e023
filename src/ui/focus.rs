//! Moving focus where a keyboard or screen-reader user needs it: to a new
//! screen's heading once it is shown, and to Undo once the button pressed has
//! gone.

use leptos::{html::ElementType, prelude::*};
use wasm_bindgen::JsCast;

fn focus<E>(node: NodeRef<E>, tracked: bool)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
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
