//! About the app and the person's data: offline readiness, whether the browser
//! will keep the data, and how much space it uses.

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*, task::spawn_local};

use crate::platform::{persistence, service_worker, storage};
use crate::quiz::text::wording::format_bytes;
use crate::ui::state::use_app;
use crate::ui::{CareNote, ProblemContact};

/// About this app and your data; `on_home` goes home.
#[component]
pub fn AboutPage(on_home: Callback<()>) -> impl IntoView {
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);

    // `None` until the browser answers; `Some(None)` if it cannot say.
    let persisted = RwSignal::new(None::<Option<bool>>);
    spawn_local(async move {
        persisted.set(Some(persistence::is_persisted().await));
    });
    // What holds the data is local storage (about 5 MB a site), not the
    // offline copy's far larger quota: its use is measured, against that.
    let state = use_app();
    let data_size = Memo::new(move |_| {
        state.store.track();
        storage::data_size_bytes()
    });

    let offline_text = if service_worker::is_offline_ready() {
        "This app is saved on this device and works without a connection."
    } else {
        "This app will work offline once it has finished loading with a connection. Open it again to check."
    };
    let persisted_text = move || {
        match persisted.get() {
        None => "Checking…",
        Some(Some(true)) => "Your browser has agreed to keep this app's data.",
        Some(Some(false)) => "Your browser may clear this app's data if the device runs low on space. On iPhone and iPad, Safari may also clear it after 7 days without use.",
        Some(None) => "This browser cannot say whether it will keep this app's data.",
    }
    };
    let estimate_text = move || match data_size.get() {
        Some(used) => format!(
            "Your data takes about {} of the roughly 5 MB a browser keeps for one site's data. The app's offline copy is kept apart.",
            format_bytes(used)
        ),
        None => "This browser does not let the app keep data, so nothing is kept after you close it.".to_string(),
    };

    view! {
        <section class="page about" aria-labelledby="about-heading">
            <h2 id="about-heading" tabindex="-1" node_ref=heading_ref>"About this app"</h2>
            <p>
                "Safeguarding Check helps staff who keep children safe to learn from serious child "
                "safeguarding incidents. The questions are written from the training deck "
                "\u{201c}Learning from serious child safeguarding incidents - why it matters\u{201d}."
            </p>
            <h3>"How current the content is"</h3>
            <p class="figures-note">
                "The figures are from 2018-19, as the training deck gives them. Since then, Serious Case Reviews (SCRs) "
                "have been replaced by Local Child Safeguarding Practice Reviews (LCSPRs)."
            </p>
            <h3>"Support"</h3>
            <CareNote />
            <h3>"Report a problem"</h3>
            <ProblemContact />
            <h3>"Working offline"</h3>
            <p class="offline-status">{offline_text}</p>
            <h3>"Your data"</h3>
            <p>"Your scores are kept only on this device, in this browser. Nothing is sent anywhere."</p>
            <p class="persist-status">{persisted_text}</p>
            <p class="storage-estimate">{estimate_text}</p>
            <h3>"Version"</h3>
            <p>{concat!("Version ", env!("CARGO_PKG_VERSION"))}</p>
            <button type="button" class="button button-secondary" on:click=move |_| on_home.run(())>
                "Back to home"
            </button>
        </section>
    }
}
