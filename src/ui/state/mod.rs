//! The app's shared state, provided once as context: the question bank, the
//! [`Store`] (everything kept on the device), where the person is (the
//! [`Route`]), and what to tell them about storage.
//!
//! Every screen is derived from the route and the store, so reload, Back,
//! Forward and a second tab all see the same thing. A change goes through
//! [`AppState::change`], which updates the store at once (the screen follows)
//! and saves it just after the next paint, merging in what other tabs saved.
//! What arrives from outside the app (the bank, an address, a quick check
//! begun before the app) is handled in `arrival`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::bank_loader::BankLoadError;
use crate::platform::storage::{self, StorageProblem, StoreFile};
use crate::platform::{clock, history};
use crate::quiz::content::bank::Bank;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::QuizKind;
use crate::quiz::run::quiz_names::quiz_title;
use crate::quiz::run::resume::SavedQuiz;
use crate::quiz::saved::early_start::start_with_seed;
use crate::quiz::saved::store::Store;
use crate::quiz::text::calendar::local_day;

mod arrival;

/// Where the question bank is up to.
#[derive(Debug, Clone, PartialEq)]
pub enum BankState {
    Loading,
    Ready(Arc<Bank>),
    Failed(BankLoadError),
}

/// The shared state (see the module documentation). Cheap to copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct AppState {
    pub bank: RwSignal<BankState>,
    pub store: RwSignal<Store>,
    /// Today, as the device's local day number (see [`today`]), kept current
    /// while the app stays open: a phone asleep overnight, or an installed
    /// app resumed days later, offers what has fallen due since and shows
    /// the streak as it is now (`QuizApp` checks it every 30 s, and when the
    /// page is shown or focused again).
    pub day: RwSignal<i64>,
    pub route: RwSignal<Route>,
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    /// The page was opened with a link this app could not read.
    pub link_problem: RwSignal<bool>,
    /// A quiz the person asked to start while another was in progress: the
    /// app asks first (see `ConfirmStart`).
    pub pending_start: RwSignal<Option<QuizKind>>,
    /// A start asked for before the bank arrived; it begins as soon as it does.
    pub waiting_start: RwSignal<Option<QuizKind>>,
    /// What opening a learner's result link (or a session link with results)
    /// here just did, said once by the debrief it leads to.
    pub debrief_notice: RwSignal<Option<String>>,
    /// What the page left when "Start the quiz" was tapped on a trainer's
    /// link before the app arrived (`quiz::early_start::StartWhenReady`),
    /// taken out of session storage when the app opens. Only the screen the
    /// app opens on may use it: any navigation drops it, so a tap abandoned
    /// (Back before the app arrived) never starts a quiz later.
    tapped_before_app: StoredValue<Option<String>>,
    file: StoredValue<StoreFile>,
    save_scheduled: StoredValue<bool>,
}

impl AppState {
    /// Opens storage and makes the state; `route` is where the page was opened.
    pub fn new(bank: RwSignal<BankState>, route: Route, bad_link: bool) -> AppState {
        let (file, store, problem) = StoreFile::open(clock::now_ms());
        let state = AppState::with(bank, route, bad_link, file, store, problem);
        state.tapped_before_app.set_value(storage::take_start_when_ready());
        state
    }

    /// The state over `store`, kept in memory only: nothing is read from or
    /// written to the browser's storage. The component tests mount one
    /// screen this way, over a store prepared with the domain's operations,
    /// and provide it with `provide_context`.
    pub fn in_memory(bank: RwSignal<BankState>, route: Route, store: Store) -> AppState {
        AppState::with(bank, route, false, StoreFile::in_memory(), store, None)
    }

    fn with(
        bank: RwSignal<BankState>,
        route: Route,
        bad_link: bool,
        file: StoreFile,
        store: Store,
        problem: Option<StorageProblem>,
    ) -> AppState {
        AppState {
            bank,
            store: RwSignal::new(store),
            day: RwSignal::new(today()),
            route: RwSignal::new(route),
            storage_problem: RwSignal::new(problem),
            link_problem: RwSignal::new(bad_link),
            pending_start: RwSignal::new(None),
            tapped_before_app: StoredValue::new(None),
            waiting_start: RwSignal::new(None),
            debrief_notice: RwSignal::new(None),
            file: StoredValue::new(file),
            save_scheduled: StoredValue::new(false),
        }
    }

    /// The bank, once it has loaded.
    pub fn ready_bank(&self) -> Option<Arc<Bank>> {
        match self.bank.get() {
            BankState::Ready(bank) => Some(bank),
            _ => None,
        }
    }

    /// The bank without tracking it (for event handlers).
    pub fn ready_bank_untracked(&self) -> Option<Arc<Bank>> {
        match self.bank.get_untracked() {
            BankState::Ready(bank) => Some(bank),
            _ => None,
        }
    }

    /// Changes the store now, and saves soon. `change` gets the store and the
    /// time in ms; its result is returned (`None` only if the app has gone).
    pub fn change<T>(&self, change: impl FnOnce(&mut Store, u64) -> T) -> Option<T> {
        let result = self.store.try_update(|store| {
            let now = store.stamp(clock::now_ms());
            change(store, now)
        });
        self.save_soon();
        result
    }

    /// Starts a quiz of `kind`, asking first if another quiz is in progress.
    pub fn start(&self, kind: QuizKind) {
        if self.store.with_untracked(|s| s.quizzes.live_count() > 0) {
            // Back closes the question and stays here.
            history::push_same();
            self.pending_start.set(Some(kind));
            history::scroll_to_top();
        } else {
            self.begin(kind);
        }
    }

    /// Starts a quiz of `kind` now (once the bank has loaded) and shows its first question.
    pub fn begin(&self, kind: QuizKind) {
        self.pending_start.set(None);
        let Some(bank) = self.ready_bank_untracked() else {
            self.waiting_start.set(Some(kind));
            return;
        };
        self.waiting_start.set(None);
        // A trainer's quiz uses the link's seed: the same questions, in the same order, on every phone.
        let seed = kind.link().map_or_else(clock::random_seed, |spec| u64::from(spec.seed));
        let day = today();
        let started = self.store.with_untracked(|s| {
            let (mistakes, due) = (s.progress.mistakes(), s.progress.due(day));
            start_with_seed(&bank, &kind, &mistakes, &due, seed)
        });
        let Ok(attempt) = started else { return };
        let title = quiz_title(&bank, &kind);
        let id = new_id();
        self.change(|store, now| {
            if let Some(saved) = SavedQuiz::from_attempt(&attempt, &title, now) {
                store.save_quiz(&id, saved, now);
            }
        });
        self.navigate(Route::Quiz { quiz: Some(id) });
    }

    /// Saves after the next paint, so the screen answers the tap first. Several
    /// changes before then are saved once. A hidden tab paints no frames, so
    /// a timer saves within 100 ms whatever happens.
    fn save_soon(&self) {
        if self.save_scheduled.get_value() {
            return;
        }
        self.save_scheduled.set_value(true);
        let state = *self;
        let save_if_waiting = move || {
            if state.save_pending() {
                state.save_now();
            }
        };
        request_animation_frame(move || set_timeout(save_if_waiting, std::time::Duration::ZERO));
        set_timeout(save_if_waiting, std::time::Duration::from_millis(100));
    }

    /// Saves now (and when the page is being hidden, so nothing waits in memory).
    /// Does nothing once the app has been unmounted.
    pub fn save_now(&self) {
        if self.save_scheduled.try_set_value(false).is_some() {
            return; // the app has gone
        }
        let (Some(mut merged), Some(file)) = (self.store.try_get_untracked(), self.file.try_get_value()) else { return };
        let result = file.save(&mut merged);
        self.take(merged);
        if let Err(problem) = result {
            self.storage_problem.try_set(Some(problem));
        }
    }

    /// True if changes are waiting to be saved.
    pub fn save_pending(&self) -> bool {
        self.save_scheduled.try_get_value().unwrap_or(false)
    }

    /// Another tab saved: take in its changes, so this tab shows them and
    /// never writes back what it read earlier.
    ///
    /// Two tabs saving in the same moment (several result links tapped at
    /// once) each write what they read merged with their own change, and the
    /// later write lacks the earlier one's: storage has no transactions. The
    /// earlier tab hears of the later save here and finds its change missing
    /// from storage, so it saves again, merged. Merging is idempotent, so the
    /// tabs settle after one more save each at most.
    pub fn take_in_other_tabs(&self) {
        if let Some(stored) = self.file.with_value(StoreFile::read) {
            let mut merged = self.store.get_untracked();
            merged.merge(&stored);
            let missing_from_storage = merged != stored;
            self.take(merged);
            if missing_from_storage {
                self.save_soon();
            }
        }
    }

    /// Sets the store only if it changed, so screens do not rebuild for nothing.
    fn take(&self, merged: Store) {
        if self.store.try_with_untracked(|s| *s != merged) == Some(true) {
            self.store.try_set(merged);
        }
    }

    /// True when nothing is saved beyond this visit.
    pub fn is_memory_only(&self) -> bool {
        self.file.with_value(StoreFile::is_memory_only)
    }

    /// "Clear my data": everything goes, from this screen at once and from every tab.
    pub fn clear_all(&self) {
        self.change(|store, now| store.clear_all(now));
        self.save_now();
        self.file.with_value(StoreFile::remove_set_aside);
    }

    /// Goes to `to` with a new history entry, so Back returns here.
    pub fn navigate(&self, to: Route) {
        self.pending_start.set(None);
        self.tapped_before_app.set_value(None);
        self.link_problem.set(false);
        history::push(&to.to_query());
        self.route.set(to);
        history::scroll_to_top();
    }

    /// Goes to `to` in place of this screen (Back skips it).
    pub fn replace(&self, to: Route) {
        self.pending_start.set(None);
        self.tapped_before_app.set_value(None);
        history::replace(&to.to_query());
        self.route.set(to);
        history::scroll_to_top();
    }
}

/// The shared state, from any component under `App`.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A fresh id for a quiz (and the attempt it becomes): 16 lowercase hex digits.
/// The time is mixed in, so two tabs can never make the same id even if
/// their random numbers repeat.
pub fn new_id() -> String {
    format!("{:016x}", clock::random_seed() ^ clock::now_ms().rotate_left(23))
}

/// Today, as the device's local day number.
pub fn today() -> i64 {
    local_day(clock::now_ms(), clock::local_offset_minutes())
}
