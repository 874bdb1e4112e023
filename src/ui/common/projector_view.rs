//! A screen sized for a projector (present mode, the projector debrief): a
//! class on `<html>` that hides the site's header and sizes everything for
//! the room, and Escape to go back; both undone, and full screen left, when
//! the screen goes.

use leptos::prelude::*;

use crate::platform::share;
use crate::quiz::links::route::Route;
use crate::ui::state::use_app;

/// Holds `root_class` on `<html>` while the calling screen shows, and makes
/// Escape put `back` in the screen's place, so Back afterwards does not
/// return to the projector view.
pub fn hold_projector_view(root_class: &'static str, back: Route) {
    let state = use_app();
    share::set_root_class(root_class, true);
    let on_escape = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" {
            state.replace(back.clone());
        }
    });
    on_cleanup(move || {
        on_escape.remove();
        share::leave_full_screen();
        share::set_root_class(root_class, false);
    });
}
