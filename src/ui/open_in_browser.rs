//! "Copy the link to this page", offered beside a message that asks the
//! person to open the page in their phone's browser (an app's built-in
//! browser cannot save files or print): pasting the link there is the way
//! out that works in every app.

use leptos::prelude::*;

use super::link_actions::copy_link;
use crate::platform::share;
use crate::quiz::saving::advises_opening_in_browser;

/// Shows a button that copies this page's address, with its own status,
/// whenever `message` (the status beside it) advises opening the page in
/// the phone's browser; nothing otherwise.
#[component]
pub fn OpenInBrowser(#[prop(into)] message: Signal<String>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| copy_link(share::absolute_url(&crate::platform::history::current_query()), status, COPIED);
    move || {
        advises_opening_in_browser(&message.get()).then(|| {
            view! {
                <div class="open-in-browser">
                    <button type="button" class="button button-secondary" on:click=copy>"Copy the link to this page"</button>
                    <p class="share-status" role="status">{move || status.get()}</p>
                </div>
            }
        })
    }
}

/// Said once the link is copied.
const COPIED: &str = "Link copied. Open your phone's browser, such as Chrome or Safari, and paste it into the address bar.";
