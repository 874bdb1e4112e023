//! Where to turn: one calm line, on home and on About. The subject is children
//! who died or were seriously harmed, and many people using the app will have
//! worked on such cases; some will be worried about a child as they read.

use leptos::prelude::*;

/// The support line, as one short paragraph in a labelled aside.
#[component]
pub fn CareNote() -> impl IntoView {
    view! {
        <aside class="care-note" aria-label="Support">
            <p>
                "If this subject weighs on you, talk to your supervisor or your employee assistance programme. "
                "If you are worried about a child now, follow your local procedures and speak to your designated "
                "safeguarding lead. If a child is in immediate danger, call 999."
            </p>
        </aside>
    }
}
