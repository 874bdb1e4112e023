//! The presentation both screens share: which slide shows, moving it, the
//! group-work timer, and the keys and swipes that move it. Every move is
//! saved at once, so the other window (which hears of it through storage)
//! follows within a frame.

use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::clock;
use crate::quiz::content::bank::Bank;
use crate::quiz::room::presenting::{slides, GroupTimer, Presentation, QuizPlace, Slide};
use crate::quiz::saved::store::TrainerSession;
use crate::ui::state::{use_app, AppState};

/// The slides' and notes' own styles (style/slides.css, copied into the
/// dist by Trunk and precached), linked from those two screens only, so the
/// page every first visit downloads does not carry them.
pub const SLIDES_STYLESHEET: &str = "slides.css";

/// A handle on the presented session `id`: cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct Deck {
    id: StoredValue<String>,
    bank: StoredValue<Arc<Bank>>,
    /// The session as stored (the same memo type as the trainer's screen uses).
    session: Memo<Option<(String, TrainerSession)>>,
    /// When this screen opened: the time used counts from here until the
    /// first move keeps a presentation.
    opened_at: u64,
    /// Held here: a key or swipe handler runs outside the component, where
    /// there is no context to look it up in.
    state: AppState,
}

impl Deck {
    /// The presentation of session `id`, with the content of `bank`.
    pub fn new(bank: Arc<Bank>, id: String) -> Deck {
        let state = use_app();
        let key = id.clone();
        let session = Memo::new(move |_| state.store.with(|s| s.sessions.get(&key).cloned().map(|t| (key.clone(), t))));
        Deck { id: StoredValue::new(id), bank: StoredValue::new(bank), session, opened_at: clock::now_ms(), state }
    }

    /// The session's id.
    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// The content.
    pub fn bank(&self) -> Arc<Bank> {
        self.bank.get_value()
    }

    /// The session, tracked (`None` once it has gone from this device).
    pub fn session(&self) -> Option<TrainerSession> {
        self.session.get().map(|(_, t)| t)
    }

    /// Where the presentation stands, tracked; a new one at the first slide
    /// if it has not been kept yet.
    pub fn presentation(&self) -> Presentation {
        let opened_at = self.opened_at;
        self.session
            .with(|s| s.as_ref().and_then(|(_, t)| t.presentation.clone()))
            .unwrap_or_else(|| Presentation::new(QuizPlace::default(), opened_at))
    }

    /// What the slide showing is, as a key that changes when the slide, its
    /// position or the number of slides does (the quiz moved): screens draw
    /// the slide again only when it changes, not at each change to the store.
    pub fn showing(self) -> Memo<String> {
        Memo::new(move |_| {
            let (at, list) = self.at();
            list.get(at).map(|s| format!("{at}/{}/{}", list.len(), s.key())).unwrap_or_default()
        })
    }

    /// Whether the session is still on this device, tracked (it can be
    /// cleared in another tab while it is presented).
    pub fn here(self) -> Memo<bool> {
        Memo::new(move |_| self.session.with(Option::is_some))
    }

    /// Marks for the Previous and Next buttons at either end of the deck:
    /// `aria-disabled="true"` on the one that cannot move.
    pub fn ends(self) -> (impl Fn() -> Option<&'static str> + Copy, impl Fn() -> Option<&'static str> + Copy) {
        let first = move || (self.at().0 == 0).then_some("true");
        let last = move || {
            let (at, list) = self.at();
            (at + 1 >= list.len()).then_some("true")
        };
        (first, last)
    }

    /// "Slide 9 of 22: Principle 2: …" for the slide showing, tracked.
    pub fn label(&self) -> String {
        let presentation = self.presentation();
        self.bank.with_value(|bank| presentation.label(&slides(bank, presentation.place))).unwrap_or_default()
    }

    /// The slides and the position of the one showing, tracked.
    pub fn at(&self) -> (usize, Vec<Slide>) {
        let presentation = self.presentation();
        let list = self.bank.with_value(|bank| slides(bank, presentation.place));
        (presentation.position(&list), list)
    }

    /// Changes the presentation with `change` (given the slides and the time
    /// in ms) and saves at once, for the other window.
    fn change(&self, change: impl FnOnce(&mut Presentation, &[Slide], u64)) {
        let state = self.state;
        let mut presentation = untrack(|| self.presentation());
        let list = self.bank.with_value(|bank| slides(bank, presentation.place));
        let id = self.id.get_value();
        state.change(move |s, now| {
            change(&mut presentation, &list, now);
            s.present(&id, presentation, now)
        });
        state.save_now();
    }

    /// Shows the slide at `index` (held to the deck's ends).
    pub fn go_to(&self, index: usize) {
        self.change(|p, list, now| p.go_to(list, index, now));
    }

    /// Moves `by` slides on (negative: back).
    pub fn step(&self, by: isize) {
        self.change(|p, list, now| {
            let index = p.position(list).saturating_add_signed(by);
            p.go_to(list, index, now)
        });
    }

    /// Changes the group-work timer with `change` (given the group work's
    /// minutes and the time in ms).
    pub fn timer(&self, change: impl FnOnce(&mut GroupTimer, u32, u64)) {
        let minutes = self.bank.with_value(|bank| bank.deck.group_work.minutes);
        self.change(|p, _, now| change(&mut p.timer, minutes, now));
    }

    /// Moves the slides with the keyboard or a clicker while the calling
    /// screen shows: Right, Page Down, Space and N go on; Left, Page Up and
    /// P go back; Home and End go to the first and last slide. Up and Down
    /// scroll `area` (a slide taller than the screen) wherever focus is, or
    /// are left to the page if there is none.
    /// Keys typed in a field, pressed with a modifier, or Space and Enter on a
    /// button are left to the page.
    pub fn listen_for_keys(self, area: Option<NodeRef<leptos::html::Div>>) {
        let keys = window_event_listener(leptos::ev::keydown, move |e| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.default_prevented() {
                return;
            }
            let on_control = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .map(|el| el.tag_name().to_ascii_lowercase())
                .is_some_and(|tag| matches!(tag.as_str(), "input" | "textarea" | "select" | "button" | "a" | "summary"));
            let key = e.key();
            if let (Some(area), "ArrowUp" | "ArrowDown") = (area, key.as_str()) {
                if let Some(area) = area.get_untracked() {
                    e.prevent_default();
                    area.scroll_by_with_x_and_y(0.0, if key == "ArrowUp" { -60.0 } else { 60.0 });
                }
                return;
            }
            let by: isize = match key.as_str() {
                "ArrowRight" | "PageDown" | "n" | "N" => 1,
                " " if !on_control => 1,
                "ArrowLeft" | "PageUp" | "p" | "P" => -1,
                "Home" => isize::MIN,
                "End" => isize::MAX,
                _ => return,
            };
            e.prevent_default();
            match by {
                isize::MIN => self.go_to(0),
                isize::MAX => self.go_to(usize::MAX),
                by => self.step(by),
            }
        });
        on_cleanup(move || keys.remove());
    }

    /// Handlers for a swipe across the slide: left goes on, right goes back.
    /// Returns the pointer-down and pointer-up handlers.
    pub fn swipe(self) -> (impl Fn(leptos::ev::PointerEvent) + Copy, impl Fn(leptos::ev::PointerEvent) + Copy) {
        let from = StoredValue::new(None::<(i32, i32)>);
        let down = move |e: leptos::ev::PointerEvent| from.set_value(Some((e.client_x(), e.client_y())));
        let up = move |e: leptos::ev::PointerEvent| {
            let Some((x, y)) = from.get_value() else { return };
            from.set_value(None);
            let (dx, dy) = (e.client_x() - x, e.client_y() - y);
            if dx.abs() > 60 && dx.abs() > 2 * dy.abs() {
                self.step(if dx < 0 { 1 } else { -1 });
            }
        };
        (down, up)
    }
}

/// The time now in ms, updated every second while the calling screen shows
/// (for the timer and the time used).
pub fn ticking_now() -> ReadSignal<u64> {
    let (now, set_now) = signal(clock::now_ms());
    let handle = set_interval_with_handle(move || set_now.set(clock::now_ms()), std::time::Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    now
}
