//! How to report a problem with the app, or ask for the content in another
//! format: on the accessibility statement and on About.

use leptos::prelude::*;

/// The contact set at build time (checked by build.rs with
/// [`crate::quiz::content::contact::Contact::parse`]): its link and its text, or both
/// empty for the default.
const CONTACT_HREF: &str = env!("ACCESSIBILITY_CONTACT_HREF");
const CONTACT_TEXT: &str = env!("ACCESSIBILITY_CONTACT_TEXT");

/// One paragraph: the deployer's contact as a link, or, when none was set,
/// to tell whoever shared the app.
#[component]
pub fn ProblemContact() -> impl IntoView {
    view! {
        <p class="accessibility-contact">{if CONTACT_HREF.is_empty() {
            view! {
                "If you find a problem, or need the content in another format, tell the person or organisation who "
                "shared the app with you. They can pass it to the team that looks after it."
            }.into_any()
        } else {
            view! {
                "If you find a problem, or need the content in another format, contact the team that looks after this app: "
                <a href=CONTACT_HREF>{CONTACT_TEXT}</a>
                "."
            }.into_any()
        }}</p>
    }
}
