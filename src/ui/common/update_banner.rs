//! "A new version is ready": offered, never forced.

use leptos::prelude::*;

use crate::platform::service_worker;

/// Offers the new version once `update_ready`, with Reload; while
/// `quiz_in_progress()` it says the quiz will carry on where it was left.
#[component]
pub fn UpdateBanner(update_ready: RwSignal<bool>, quiz_in_progress: impl Fn() -> bool + Send + Sync + 'static) -> impl IntoView {
    // The live region is in the page from the start, so the offer is announced when it appears.
    view! {
        <div class="update-region" role="status">
            {move || update_ready.get().then(|| view! {
                <div class="update-banner">
                    <p>
                        "A new version of this app is ready. "
                        {if quiz_in_progress() {
                            "Your quiz will carry on where you left off."
                        } else {
                            "Reload whenever suits you."
                        }}
                    </p>
                    <button type="button" class="button button-primary" on:click=move |_| service_worker::apply_update()>
                        "Reload"
                    </button>
                </div>
            })}
        </div>
    }
}
