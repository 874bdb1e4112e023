//! A guard against double taps: for [`TAP_GUARD_MS`] after something moves
//! under the finger, taps on the part of the page it guards do nothing.
//! Otherwise the second tap of a double tap lands on whatever has just
//! moved there: an option of a quiz's first question (chosen unseen), the
//! "Next question" that replaced "Check answer" (skipping the feedback), or
//! the "Start quick check" that moved up when a quiz was removed from home
//! (starting a new quiz and losing Undo).
//!
//! A screen makes one with [`TapGuard::new`], raises it when it moves things,
//! and puts [`TapGuard::on_click`] and [`TapGuard::on_mousedown`] on its root
//! as capture handlers. While the guard is up the root carries
//! `data-settling` ([`TapGuard::settling`]), which the end-to-end tests wait
//! on. The tests that are not about double taps shorten the guard to nothing
//! before the page runs ([`clock::tap_guard_ms`]).
//!
//! The span is measured on the page's monotonic clock, not the wall clock:
//! a device clock set back would otherwise hold every tap off until it caught up.

use leptos::{ev::MouseEvent, prelude::*};

use crate::platform::clock;

/// How long after things move that a tap on them is ignored, in ms.
pub const TAP_GUARD_MS: u64 = 500;

/// One screen's guard (see the module documentation). Cheap to copy.
#[derive(Clone, Copy)]
pub struct TapGuard {
    /// Until when taps are ignored, in ms on the monotonic clock.
    until: StoredValue<f64>,
    settling: RwSignal<bool>,
    span_ms: u64,
}

impl TapGuard {
    /// A guard that is down, with the span this page allows.
    pub fn new() -> TapGuard {
        TapGuard { until: StoredValue::new(0.0), settling: RwSignal::new(false), span_ms: clock::tap_guard_ms(TAP_GUARD_MS) }
    }

    /// Ignores taps from now for the guard's span.
    pub fn raise(&self) {
        // No guard without a span, nor in a page being written at build time
        // (there is nothing to tap there, and no timer to lower it).
        if self.span_ms == 0 || crate::platform::page::window().is_none() {
            return;
        }
        self.until.set_value(clock::monotonic_ms() + self.span_ms as f64);
        self.settling.set(true);
        // The screen can be gone by then (another tab finished the quiz, and a
        // background tab's timers run late): then there is nothing to settle.
        let settling = self.settling;
        set_timeout(move || _ = settling.try_set(false), std::time::Duration::from_millis(self.span_ms));
    }

    /// True while taps are ignored.
    pub fn is_up(&self) -> bool {
        self.until.try_get_value().is_some_and(|until| clock::monotonic_ms() < until)
    }

    /// True while the guard is up, for the root's `data-settling`.
    pub fn settling(&self) -> Signal<bool> {
        self.settling.into()
    }

    /// The root's click handler, in the capture phase: a tap while the guard
    /// is up goes no further.
    pub fn on_click(self) -> impl Fn(MouseEvent) + Copy + 'static {
        move |event: MouseEvent| {
            if self.is_up() {
                event.prevent_default();
                event.stop_propagation();
            }
        }
    }

    /// The root's mousedown handler, in the capture phase: a guarded tap does
    /// not move focus either (off the feedback it just showed, say).
    pub fn on_mousedown(self) -> impl Fn(MouseEvent) + Copy + 'static {
        move |event: MouseEvent| {
            if self.is_up() {
                event.prevent_default();
            }
        }
    }
}

impl Default for TapGuard {
    fn default() -> Self {
        TapGuard::new()
    }
}
