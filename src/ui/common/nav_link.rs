//! A real link to another screen of the app: it has an address (so it can be
//! opened in a new tab or copied), but a plain tap changes screen in place
//! (`AppState::navigate`, read from context: no screen passes a callback down).

use leptos::{ev::MouseEvent, prelude::*};

use crate::quiz::links::route::Route;
use crate::ui::state::use_app;

/// A link to `route`, styled by `class`, showing `children`.
#[component]
pub fn NavLink(route: Route, #[prop(optional, into)] class: String, children: Children) -> impl IntoView {
    let state = use_app();
    let href = match route {
        Route::Home => "./".to_string(),
        ref other => other.to_query(),
    };
    let follow = move |event: MouseEvent| {
        // Let the browser handle "open in a new tab" and the like.
        if event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() || event.button() != 0 {
            return;
        }
        event.prevent_default();
        state.navigate(route.clone());
    };
    view! { <a href=href class=class on:click=follow>{children()}</a> }
}
