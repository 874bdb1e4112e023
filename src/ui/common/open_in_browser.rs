//! What the app offers in an app's built-in browser (Facebook, Instagram,
//! LinkedIn…), where files are not saved and printing does nothing, and
//! whose storage is its own: on home, a notice with "Copy the link to this
//! page" to open the app in the phone's browser before anything is kept
//! here; after a file that may not have been saved, a way to copy the same
//! data as text instead.

use leptos::prelude::*;

use crate::platform::{files, history, share};
use crate::quiz::saved::saving::IN_APP_BROWSER_NOTICE;
use crate::ui::common::link_actions::copy_link;

/// On home in an app's built-in browser: what that means, and the page's
/// link to paste into the phone's browser. Nothing elsewhere.
#[component]
pub fn InAppNotice() -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| copy_link(share::absolute_url(&history::current_query()), status, LINK_COPIED);
    files::in_app_browser().then(|| {
        view! {
            <div class="notice in-app-notice">
                <p>{IN_APP_BROWSER_NOTICE}</p>
                <button type="button" class="button button-secondary" on:click=copy>"Copy the link to this page"</button>
                <p class="share-status" role="status">{move || status.get()}</p>
            </div>
        }
    })
}

/// A button that copies `text()` (a backup's or the records' JSON), with its
/// own status, shown while `shown` is true: after a file that may not have
/// been saved.
#[component]
pub fn CopyAsText(#[prop(into)] shown: Signal<bool>, label: &'static str, text: Callback<(), String>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    move || {
        shown.get().then(|| {
            view! {
                <div class="copy-as-text">
                    <button type="button" class="button button-secondary" on:click=move |_| copy_link(text.run(()), status, TEXT_COPIED)>
                        {label}
                    </button>
                    <p class="share-status" role="status">{move || status.get()}</p>
                </div>
            }
        })
    }
}

/// Said once the page's link is copied.
const LINK_COPIED: &str = "Link copied. Open your phone's browser, such as Chrome or Safari, and paste it into the address bar.";
/// Said once the text is copied.
const TEXT_COPIED: &str = "Copied. Paste it into an email or a note to keep it.";
