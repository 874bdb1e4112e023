//! The app's root: loads the question bank, opens the store, provides the
//! shared state as context, listens to the browser (Back and Forward, other
//! tabs, the page being hidden) and shows the screen the route names.

use leptos::{ev, prelude::*, task::spawn_local};

use crate::platform::bank_loader::{load_bank, BankLoadError};
use crate::platform::storage::STORE_KEY;
use crate::platform::{history, page, service_worker};
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::link::{QuizResult, QuizSpec};
use crate::quiz::links::query::LinkError;
use crate::quiz::links::route::Route;
use crate::quiz::room::debrief::Added;
use crate::quiz::text::wording::isolated;
use crate::ui::state::{today, use_app, AppState, BankState};
use crate::ui::{Screen, StorageNotice, UpdateBanner};

/// The app. `first` is the first try at loading the bank, when it was made
/// before the app was mounted (see `mount` in lib.rs: the app then takes over
/// the page in one step, its screen complete); without it the app loads the
/// bank itself.
#[component]
pub fn App(#[prop(optional)] first: Option<Result<Bank, BankLoadError>>) -> impl IntoView {
    let bank = RwSignal::new(BankState::Loading);
    let show = move |loaded: Result<Bank, BankLoadError>| match loaded {
        Ok(loaded) => BankState::Ready(std::sync::Arc::new(loaded)),
        Err(error) => BankState::Failed(error),
    };
    let fetch_bank = move || {
        bank.set(BankState::Loading);
        spawn_local(async move { bank.set(show(load_bank().await)) });
    };
    match first {
        Some(loaded) => bank.set(show(loaded)),
        None => fetch_bank(),
    }
    view! { <QuizApp bank=bank on_retry=Callback::new(move |_| fetch_bank()) /> }
}

/// The app once it has somewhere to get the bank from (the component tests
/// give it one directly).
#[component]
pub fn QuizApp(bank: RwSignal<BankState>, on_retry: Callback<()>) -> impl IntoView {
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
    let state = AppState::new(bank, start_route, bad_link);
    provide_context(state);
    // A quick check begun on the page before the app arrived: taken in now,
    // if the bank is here, so the first screen drawn is that quiz as it was
    // left; else as soon as the bank arrives.
    state.take_in_early_start();
    Effect::new(move |_| {
        if matches!(bank.get(), BankState::Ready(_)) {
            state.take_in_early_start();
        }
    });
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
    let link_problem = state.link_problem;
    let update_ready = RwSignal::new(false);
    // Said once, when a learner's result link has just been opened here.
    let debrief_notice = RwSignal::new(None::<String>);

    // Back and Forward: the screen follows the address.
    let back_or_forward = window_event_listener(ev::popstate, move |_| {
        link_problem.set(false);
        state.pending_start.set(None);
        state.route.set(Route::from_query(&history::current_query()).unwrap_or(Route::Home));
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

    // A start asked for while the bank was loading begins once it arrives.
    Effect::new(move |_| {
        if matches!(bank.get(), BankState::Ready(_)) {
            if let Some(kind) = state.waiting_start.get_untracked() {
                state.begin(kind);
            }
        }
    });

    // A learner's result link opened here: count it, then show the debrief.
    Effect::new(move |_| {
        let (Route::ResultLink(query), Some(ready)) = (state.route.get(), state.ready_bank()) else { return };
        // The link's own questions, as the learners' phones drew them: a result
        // must fit them (one edited by hand to claim more does not).
        let known: &dyn Fn(&str) -> bool = &|t| ready.topic(t).is_some();
        let read = QuizResult::from_query(&query, known).and_then(|result| {
            let given = session_questions(&ready, &result.spec).len();
            if result.fits(given) {
                Ok(result)
            } else {
                Err(LinkError::OutOfRange("score"))
            }
        });
        let (quiz, notice) = match read {
            // A learner opening their own result (from a copied link or a scan
            // of their own screen) is not a trainer: nothing is counted here.
            Ok(result) if state.store.with_untracked(|s| s.own_attempt_of(&result).is_some()) => (
                None,
                "This is your own result, from this device, so it was not added to a debrief here. Show it to your trainer: choose \u{201c}Show my result to the trainer\u{201d} on your results.".to_string(),
            ),
            Ok(result) => {
                let quiz = result.spec.id();
                let who = result.name.clone().map_or("A learner's".to_string(), |n| format!("{}'s", isolated(&n)));
                let added = state.change(|store, now| store.add_result(result, now));
                let notice = match added {
                    Some(Added::AlreadyCounted) => "This result was already counted.".to_string(),
                    _ => format!("{who} result was added to the debrief."),
                };
                (Some(quiz), notice)
            }
            Err(error) => (None, error.message().replace("quiz link", "result link")),
        };
        debrief_notice.set(Some(notice));
        state.replace(Route::Debrief { quiz });
    });

    // A trainer's session link opened here: the session joins this device's
    // sessions (the same settings and seed, so the same quiz and debrief), then shows.
    Effect::new(move |_| {
        let (Route::SessionLink(query), Some(ready)) = (state.route.get(), state.ready_bank()) else { return };
        let known: &dyn Fn(&str) -> bool = &|t| ready.topic(t).is_some();
        let read = QuizSpec::from_session_query(&query, known).and_then(|spec| Ok((spec.session_results(&query, known)?, spec)));
        match read {
            Ok((results, spec)) if results.is_empty() => {
                let id = spec.id();
                state.change(|store, now| store.add_session(spec, now));
                state.replace(Route::Trainer { session: Some(id) });
            }
            // Results came with it: into this device's debrief, each counted once, then shown.
            Ok((results, spec)) => {
                let id = spec.id();
                let given = session_questions(&ready, &spec).len();
                let carried = results.len();
                let new = state
                    .change(|store, now| {
                        store.add_session(spec, now);
                        results.into_iter().filter(|r| r.fits(given)).filter(|r| store.add_result(r.clone(), now) == Added::New).count()
                    })
                    .unwrap_or(0);
                let already = carried - new;
                debrief_notice.set(Some(format!(
                    "{carried} result{} came with the session: {new} new, {already} already counted here.",
                    if carried == 1 { "" } else { "s" }
                )));
                state.replace(Route::Debrief { quiz: Some(id) });
            }
            Err(_) => {
                state.link_problem.set(true);
                state.replace(Route::Home);
            }
        }
    });

    view! { <AppView update_ready=update_ready debrief_notice=debrief_notice on_retry=on_retry /> }
}

/// What the app shows, from the shared state in context: the notices, then
/// the screen the route names. Nothing here touches the browser, so the same
/// view is rendered to HTML at build time for the page a first visit gets
/// (`src/bin/static_pages.rs`), and the running app draws over it unchanged.
#[component]
pub fn AppView(
    /// A new version is ready to reload into.
    update_ready: RwSignal<bool>,
    /// Said once, when a learner's result link has just been opened here.
    debrief_notice: RwSignal<Option<String>>,
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
        <Screen on_retry=on_retry debrief_notice=debrief_notice />
    }
}
