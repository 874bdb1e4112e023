//! The app's root: loads the question bank, opens the store, provides the
//! shared state as context, listens to the browser (Back and Forward, other
//! tabs, the page being hidden) and shows the screen the route names.

use leptos::{ev, prelude::*, task::spawn_local};

use crate::platform::bank_loader::{load_bank, BankLoadError};
use crate::platform::storage::STORE_KEY;
use crate::platform::{history, page, service_worker};
use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::ui::state::{today, use_app, AppState, BankState};
use crate::ui::{Screen, StorageNotice, UpdateBanner};

/// The app. `first` is the first try at loading the bank, when it was made
/// before the app was mounted (see `mount` in lib.rs: the app then takes over
/// the page in one step, its screen complete); without it the app loads the
/// bank itself.
#[component]
pub fn App(#[prop(optional)] first: Option<Result<Bank, BankLoadError>>) -> impl IntoView {
    view! { <QuizApp first=first /> }
}

/// The app over a bank already loaded (`first`), or one it loads now. The
/// component tests mount it with a bank they made.
#[component]
pub fn QuizApp(first: Option<Result<Bank, BankLoadError>>) -> impl IntoView {
    let (start_route, bad_link) = match Route::from_query(&history::current_query()) {
        Ok(route) => {
            // Tidy the address of what other software added (`fbclid`, a full
            // stop…), so a reload, a bookmark or sharing it again is clean.
            if route.to_query() != history::current_query() {
                history::replace(&route.to_query());
            }
            (route, false)
        }
        Err(_) => {
            history::replace("");
            (Route::Home, true)
        }
    };
    let bank = RwSignal::new(BankState::Loading);
    let state = AppState::new(bank, start_route, bad_link);
    provide_context(state);
    let fetch_bank = move || {
        bank.set(BankState::Loading);
        spawn_local(async move { state.bank_arrived(load_bank().await) });
    };
    // With the bank here already, what waited for it happens before the
    // first screen is drawn: a quick check begun on the page before the app
    // arrived is that screen, as it was left; a result link opens on its debrief.
    match first {
        Some(loaded) => state.bank_arrived(loaded),
        None => fetch_bank(),
    }
    let on_retry = Callback::new(move |_| fetch_bank());
    // The day turns while the app is open (a phone asleep overnight, an
    // installed app resumed): what is due and the streak follow it.
    let check_day = move || {
        let now = today();
        if state.day.get_untracked() != now {
            state.day.set(now);
        }
    };
    let day_timer = set_interval_with_handle(check_day, std::time::Duration::from_secs(30)).ok();
    let day_on_show = window_event_listener(ev::pageshow, move |_| check_day());
    let day_on_focus = window_event_listener(ev::focus, move |_| check_day());
    let day_on_visible = window_event_listener(ev::visibilitychange, move |_| check_day());
    on_cleanup(move || {
        if let Some(timer) = day_timer {
            timer.clear();
        }
        day_on_show.remove();
        day_on_focus.remove();
        day_on_visible.remove();
    });
    // Each screen's own title, on the tab and for screen readers (WCAG 2.4.2).
    Effect::new(move |_| page::set_title(&state.route.with(Route::page_title)));
    let update_ready = RwSignal::new(false);

    // Back and Forward: the screen follows the address.
    let back_or_forward = window_event_listener(ev::popstate, move |_| {
        state.went_back_or_forward();
    });
    // Another tab saved (the event only fires in the other tabs): take its changes in.
    let other_tab = window_event_listener(ev::storage, move |event| {
        // A null key means the other tab cleared all of storage.
        if event.key().is_none_or(|key| key == STORE_KEY) {
            state.take_in_other_tabs();
        }
    });
    // The app's name in the header (static HTML, painted before the app runs)
    // links home: within the app, without reloading it.
    let home_link = window_event_listener(ev::click, move |event| {
        let plain = event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if plain && !event.default_prevented() && history::is_home_link(event.target()) {
            event.prevent_default();
            state.navigate(Route::Home);
        }
    });
    // The page may be discarded once hidden: save anything still waiting.
    let hidden = window_event_listener(ev::pagehide, move |_| {
        if state.save_pending() {
            state.save_now();
        }
    });
    on_cleanup(move || {
        // Unmounted with changes waiting: keep them.
        if state.save_pending() {
            state.save_now();
        }
        back_or_forward.remove();
        other_tab.remove();
        home_link.remove();
        hidden.remove();
    });
    // The service worker is registered once the bank has arrived (or failed):
    // its install then finds every file this page downloaded in the browser's
    // HTTP cache, so a first visit downloads each file once.
    let registered = StoredValue::new(false);
    Effect::new(move |_| {
        if !matches!(bank.get(), BankState::Loading) && !registered.get_value() {
            registered.set_value(true);
            service_worker::register(move || update_ready.set(true));
        }
    });

    view! { <AppView update_ready=update_ready on_retry=on_retry /> }
}

/// What the app shows, from the shared state in context: the notices, then
/// the screen the route names. Nothing here touches the browser, so the same
/// view is rendered to HTML at build time for the page a first visit gets
/// (`src/bin/static_pages.rs`), and the running app draws over it unchanged.
#[component]
pub fn AppView(
    /// A new version is ready to reload into.
    update_ready: RwSignal<bool>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let link_problem = state.link_problem;
    let quiz_in_progress = move || state.store.with(|s| s.quizzes.live_count() > 0);
    view! {
        <UpdateBanner update_ready=update_ready quiz_in_progress=quiz_in_progress />
        <StorageNotice problem=state.storage_problem />
        <div class="link-notice" role="status">
            {move || link_problem.get().then_some(view! {
                <p class="notice">"That link did not work, so here is the home page."</p>
            })}
        </div>
        <Screen on_retry=on_retry />
    }
}
