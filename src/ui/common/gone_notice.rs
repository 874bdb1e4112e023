//! What a screen says when what it showed is no longer on this device (it
//! was cleared, deleted, or never here): plainly, with the way on.

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::quiz::links::route::Route;
use crate::ui::NavLink;

/// A screen whose data is not on this device: a heading, `message`, and
/// a way home.
#[component]
pub fn GoneNotice(#[prop(into)] message: String) -> impl IntoView {
    // Focus starts at the heading, as on every other screen, so the message is read first.
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    view! {
        <section class="page" aria-labelledby="gone-heading">
            <h2 id="gone-heading" tabindex="-1" node_ref=heading_ref>"Not found on this device"</h2>
            <p class="notice" role="status">{message}</p>
            <NavLink route=Route::Home class="button button-primary">
                "Go to the home page"
            </NavLink>
        </section>
    }
}
